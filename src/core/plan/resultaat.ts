/**
 * The Resultaat sheet: the automatic top 15 as live formulas (right after a colleague
 * without the add-in changes a score), plus the rows left out and why, with a visible
 * warning when that part is out of date. The whole sheet belongs to the engine.
 */
import { rangeAddress } from '../a1';
import { diffBlock, formula, num, text } from '../diff';
import { resultaatOverflowFormula, resultaatRowFormulas, resultaatStaleFormula } from '../formulas';
import { columnCount, rowCount } from '../grid';
import { COLORS, RESULTAAT } from '../layout';
import type { CellInput } from '../snapshot';
import { nameOf, sheetByName, type PlanContext } from './context';

const WIDTH = RESULTAAT.headers.length;

export function planResultaat(ctx: PlanContext): void {
  const wb = ctx.analysis.werkblad;
  if (!wb) return;
  const name = nameOf(ctx, 'resultaat');
  const sheet = sheetByName(ctx.snapshot, name);
  const L = wb.layout;

  const invalid = wb.rows.filter((r) => r.status === 'invalid');
  const unscored = wb.rows.filter((r) => r.status === 'unscored' && r.koppelkans);
  const capacity = Math.min(
    Math.max(RESULTAAT.minRows, ctx.analysis.top.length + RESULTAAT.spareRows),
    L.preparedEndRow - L.firstDataRow + 1,
  );

  const grid: CellInput[][] = [];
  const pad = (line: CellInput[]): CellInput[] => [...line, ...Array.from({ length: WIDTH - line.length }, () => ({ clear: true as const }))];
  grid.push(pad([text(RESULTAAT.title)]));
  grid.push(pad([formula(resultaatStaleFormula(L, invalid.length, unscored.length))]));
  grid.push(
    pad([
      text(
        'Dit blad rekent zelf mee met het werkblad (ook zonder add-in). Gelijke totalen delen een rang. Het is het startpunt van het gesprek, niet de uitkomst.',
      ),
    ]),
  );
  grid.push(RESULTAAT.headers.map((h) => text(h)));
  for (let k = 1; k <= capacity; k++) {
    const row = RESULTAAT.firstRow + k - 1;
    grid.push(resultaatRowFormulas(L, k, row).map((f) => formula(f)));
  }
  grid.push(pad([formula(resultaatOverflowFormula(L, capacity))]));
  grid.push(pad([]));
  const leftHeaderRow = RESULTAAT.firstRow + capacity + 2;
  grid.push(pad([text('Niet in de ranglijst (stand bij het laatste bijwerken door de add-in)')]));
  grid.push(pad([text('Rij op werkblad'), text('Koppelkans'), text('Reden')]));
  for (const r of invalid) grid.push(pad([num(r.row), text(r.koppelkans || `(rij ${r.row})`), text(`Geen geldig totaal: ${r.reason ?? ''}`)]));
  for (const r of unscored) grid.push(pad([num(r.row), text(r.koppelkans), text('Nog niet gescoord')]));
  if (invalid.length + unscored.length === 0) grid.push(pad([text('Geen: elke koppelkans heeft een geldig totaal.')]));
  grid.push(pad([text('Koppelkansen met een totaal buiten de top 15 staan met hun score op het werkblad.')]));

  // clear whatever an earlier, longer version left below
  const existingRows = sheet ? rowCount(sheet) : 0;
  const existingCols = sheet ? Math.max(WIDTH, columnCount(sheet)) : WIDTH;
  const fullWidth = (line: CellInput[]) => [...line, ...Array.from({ length: existingCols - line.length }, () => ({ clear: true as const }))];
  const rows = grid.map(fullWidth);
  for (let r = rows.length + 1; r <= existingRows; r++) rows.push(fullWidth([]));

  if (!sheet) ctx.ops.push({ kind: 'addSheet', sheet: name });
  ctx.ops.push(...diffBlock(name, sheet, 1, 1, rows));
  if (!sheet) {
    ctx.ops.push(
      { kind: 'setStyle', sheet: name, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
      { kind: 'setStyle', sheet: name, range: 'A2', style: { bold: true, fontColor: '#C00000' } },
      { kind: 'setStyle', sheet: name, range: rangeAddress(RESULTAAT.headerRow, 1, RESULTAAT.headerRow, WIDTH), style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont } },
      { kind: 'setStyle', sheet: name, range: rangeAddress(RESULTAAT.firstRow, 4, RESULTAAT.firstRow + capacity - 1, 4), style: { numberFormat: '0.##' } },
      { kind: 'setColumnWidths', sheet: name, widths: [{ column: 'A', width: 8 }, { column: 'B', width: 28 }, { column: 'C', width: 50 }, { column: 'D', width: 10 }, { column: 'E', width: 14 }, { column: 'F', width: 16 }] },
      { kind: 'freeze', sheet: name, rows: RESULTAAT.headerRow, columns: 0 },
    );
  }
  if (leftHeaderRow > 0 && !sheet) {
    ctx.ops.push({ kind: 'setStyle', sheet: name, range: rangeAddress(leftHeaderRow, 1, leftHeaderRow, 1), style: { bold: true } });
  }
}

/**
 * The Resultaat sheet: the automatic top 15 as live formulas (right after a colleague
 * without the add-in changes a score), plus the rows left out and why, with a visible
 * warning when that part is out of date. The whole sheet belongs to the engine.
 */
import { rangeAddress } from '../a1';
import { diffBlock, formula, num, text } from '../diff';
import { resultaatOverflowFormula, resultaatOverflowText, resultaatRowFormulas, resultaatStaleFormula } from '../formulas';
import { formulaAt, rowCount, textAt, valueAt } from '../grid';
import { COLORS, RESULTAAT } from '../layout';
import type { CellInput, SheetSnapshot } from '../snapshot';
import { wijkName } from '../wijk';
import { werkbladKeyRange } from '../keuzelijsten';
import { nameOf, sheetByName, type PlanContext } from './context';
import { lijstenGeometry } from './longlist';

const WIDTH = RESULTAAT.headers.length;
const INTRO =
  'Dit blad rekent zelf mee met het werkblad (ook zonder add-in). Gelijke totalen delen een rang. Het is het startpunt van het gesprek, niet de uitkomst.';
const LEFT_OUT = 'Niet in de ranglijst (stand bij het laatste bijwerken door de add-in)';
const NONE_LEFT_OUT = 'Geen: elke koppelkans heeft een geldig totaal.';
const FOOTER = 'Koppelkansen met een totaal buiten de top 15 staan met hun score op het werkblad.';
const OWN_TEXTS = new Set<string>([RESULTAAT.title, INTRO, LEFT_OUT, NONE_LEFT_OUT, FOOTER, 'Rij op werkblad', RESULTAAT.headers[0]]);

/**
 * Whether row r of an existing Resultaat sheet is one the engine wrote (a formula in A,
 * one of its own texts, or a "left out" line). The team's notes below the table are not.
 */
function isOwnRow(sheet: SheetSnapshot, r: number): boolean {
  if (formulaAt(sheet, r, 1)) return true;
  if (OWN_TEXTS.has(textAt(sheet, r, 1)) || textAt(sheet, r, 1).startsWith(`${RESULTAAT.title} – `)) return true;
  const reason = textAt(sheet, r, 3);
  return typeof valueAt(sheet, r, 1) === 'number' && (reason.startsWith('Geen geldig totaal') || reason === 'Nog niet gescoord');
}

export function planResultaat(ctx: PlanContext): void {
  const wb = ctx.analysis.werkblad;
  if (!wb) return;
  const name = nameOf(ctx, 'resultaat');
  const sheet = sheetByName(ctx.snapshot, name);
  const L = wb.layout;

  const invalid = wb.rows.filter((r) => r.status === 'invalid');
  const unscored = wb.rows.filter((r) => r.status === 'unscored' && r.koppelkans);
  // bounded: however many share a place, a fixed number of formula rows (the overflow line says the rest)
  const capacity = Math.min(RESULTAAT.minRows, L.preparedEndRow - L.firstDataRow + 1);
  const top = ctx.analysis.top;

  const grid: CellInput[][] = [];
  const pad = (line: CellInput[]): CellInput[] => [...line, ...Array.from({ length: WIDTH - line.length }, () => ({ clear: true as const }))];
  const wijk = wijkName(ctx.snapshot);
  grid.push(pad([text(wijk ? `${RESULTAAT.title} – ${wijk}` : RESULTAAT.title)]));
  grid.push(pad([formula(resultaatStaleFormula(L, invalid.length, unscored.length, werkbladKeyRange(nameOf(ctx, 'lijsten'), lijstenGeometry(ctx))), '')]));
  grid.push(pad([text(INTRO)]));
  grid.push(RESULTAAT.headers.map((h) => text(h)));
  for (let k = 1; k <= capacity; k++) {
    const row = RESULTAAT.firstRow + k - 1;
    const e = top[k - 1];
    const results: (number | string)[] = e ? [e.rank, e.opgave, e.koppelkans, e.total, `${e.scored} van ${e.factors}`, e.row] : ['', '', '', '', '', ''];
    grid.push(resultaatRowFormulas(L, k, row).map((f, i) => formula(f, results[i])));
  }
  let overflow = '';
  if (top.length > capacity) {
    const last = top[capacity - 1];
    overflow = resultaatOverflowText(ctx.analysis.ranking.filter((e) => e.total === last.total).length, last.rank, capacity);
  }
  grid.push(pad([formula(resultaatOverflowFormula(L, capacity), overflow)]));
  grid.push(pad([]));
  const leftHeaderRow = RESULTAAT.firstRow + capacity + 2;
  grid.push(pad([text(LEFT_OUT)]));
  grid.push(pad([text('Rij op werkblad'), text('Koppelkans'), text('Reden')]));
  for (const r of invalid) grid.push(pad([num(r.row), text(r.koppelkans || `(rij ${r.row})`), text(`Geen geldig totaal: ${r.reason ?? ''}`)]));
  for (const r of unscored) grid.push(pad([num(r.row), text(r.koppelkans), text('Nog niet gescoord')]));
  if (invalid.length + unscored.length === 0) grid.push(pad([text(NONE_LEFT_OUT)]));
  grid.push(pad([text(FOOTER)]));

  // clear what an earlier, longer version of the engine's table left below, in its own
  // columns A..F only: the team's notes beside (H…) or below the table stay
  let ownEnd = 0;
  if (sheet) for (let r = rowCount(sheet); r > grid.length && !ownEnd; r--) if (isOwnRow(sheet, r)) ownEnd = r;
  const rows = [...grid];
  for (let r = rows.length + 1; r <= ownEnd; r++) rows.push(pad([]));

  if (!sheet) ctx.ops.push({ kind: 'addSheet', sheet: name });
  ctx.ops.push(...diffBlock(name, sheet, 1, 1, rows));
  if (!sheet) {
    ctx.ops.push(
      { kind: 'setStyle', sheet: name, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
      { kind: 'setStyle', sheet: name, range: 'A2', style: { bold: true, fontColor: '#C00000' } },
      {
        kind: 'setStyle',
        sheet: name,
        range: rangeAddress(RESULTAAT.headerRow, 1, RESULTAAT.headerRow, WIDTH),
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
      },
      { kind: 'setStyle', sheet: name, range: rangeAddress(RESULTAAT.firstRow, 4, RESULTAAT.firstRow + capacity - 1, 4), style: { numberFormat: '0.##' } },
      {
        kind: 'setColumnWidths',
        sheet: name,
        widths: [
          { column: 'A', width: 8 },
          { column: 'B', width: 28 },
          { column: 'C', width: 50 },
          { column: 'D', width: 10 },
          { column: 'E', width: 14 },
          { column: 'F', width: 16 },
        ],
      },
      { kind: 'freeze', sheet: name, rows: RESULTAAT.headerRow, columns: 0 },
      {
        kind: 'setPageSetup',
        sheet: name,
        orientation: 'landscape',
        fitToWidth: 1,
        printTitleRows: { first: RESULTAAT.headerRow, last: RESULTAAT.headerRow },
        printArea: rangeAddress(1, 1, rows.length, WIDTH),
      },
    );
  }
  if (leftHeaderRow > 0 && !sheet) {
    ctx.ops.push({ kind: 'setStyle', sheet: name, range: rangeAddress(leftHeaderRow, 1, leftHeaderRow, 1), style: { bold: true } });
  }
}

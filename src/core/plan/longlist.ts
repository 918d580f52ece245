/** The longlist sheet (added from the built-in list when missing) and the hidden Keuzelijsten sheet. */
import { columnLetter } from '../a1';
import { diffBlock, formula, text } from '../diff';
import { lijstenAllFormula, lijstenKoppelkansFormula, lijstenOpgaveFormula, longlistCapacity } from '../formulas';
import { COLORS, LIJSTEN, LONGLIST, SHEET_NAMES } from '../layout';
import type { LonglistLayout } from '../longlist';
import type { CellInput } from '../snapshot';
import { nameOf, sheetByName, type PlanContext } from './context';

/** The longlist layout after the plan: the workbook's own, or the one the plan adds. */
export function currentLonglistLayout(ctx: PlanContext): LonglistLayout {
  const ll = ctx.analysis.longlist;
  if (ctx.analysis.longlistInWorkbook && ll.layout) return ll.layout;
  return {
    sheet: SHEET_NAMES.longlist,
    headerRow: 1,
    opgaveColumn: 1,
    koppelkansColumn: 2,
    toelichtingColumn: 3,
    lastRow: 1 + ll.entries.length,
  };
}

export function planLonglist(ctx: PlanContext): void {
  if (ctx.analysis.longlistInWorkbook) return;
  const name = SHEET_NAMES.longlist;
  if (sheetByName(ctx.snapshot, name)) return; // a sheet of that name without the header: leave it alone
  ctx.ops.push({ kind: 'addSheet', sheet: name });
  const rows: CellInput[][] = [[text(LONGLIST.opgaveLabel), text(LONGLIST.koppelkansLabel), text(LONGLIST.toelichtingLabel)]];
  for (const e of ctx.analysis.longlist.entries) rows.push([text(e.opgave), text(e.koppelkans), text(e.toelichting)]);
  ctx.ops.push(
    { kind: 'setCells', sheet: name, cell: 'A1', cells: rows },
    { kind: 'setStyle', sheet: name, range: 'A1:C1', style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont } },
    { kind: 'setStyle', sheet: name, range: `C2:C${rows.length}`, style: { wrap: true } },
    { kind: 'setColumnWidths', sheet: name, widths: [{ column: 'A', width: 28 }, { column: 'B', width: 55 }, { column: 'C', width: 80 }] },
    { kind: 'freeze', sheet: name, rows: 1, columns: 0 },
  );
}

export function planLijsten(ctx: PlanContext): void {
  if (!ctx.analysis.werkblad) return;
  const ll = currentLonglistLayout(ctx);
  const name = nameOf(ctx, 'lijsten');
  const sheet = sheetByName(ctx.snapshot, name);
  if (!sheet) ctx.ops.push({ kind: 'addSheet', sheet: name, hidden: true });
  const cap = longlistCapacity(ll);
  const allRows = cap.last - cap.first + 1;
  const height = Math.max(allRows, LIJSTEN.perOpgave);
  const width = 1 + LIJSTEN.maxOpgaven;
  const grid: CellInput[][] = [];
  for (let r = 1; r <= 1 + height; r++) {
    const line: CellInput[] = [];
    for (let c = 1; c <= width; c++) {
      if (r === 1) line.push(c === 1 ? text(LIJSTEN.allLabel) : formula(lijstenOpgaveFormula(ll, c)));
      else if (c === 1) line.push(r - 1 <= allRows ? formula(lijstenAllFormula(ll, r)) : { clear: true });
      else if (r - 1 <= LIJSTEN.perOpgave) line.push(formula(lijstenKoppelkansFormula(ll, c, r)));
      else line.push(undefined as unknown as CellInput);
    }
    grid.push(line);
  }
  ctx.ops.push(...diffBlock(name, sheet, 1, 1, grid));
  if (!sheet) {
    ctx.ops.push({ kind: 'setColumnWidths', sheet: name, widths: [{ column: 'A', width: 40 }, { column: columnLetter(2), width: 30 }] });
  }
}

/** The longlist sheet (added from the built-in list when missing) and the hidden Keuzelijsten sheet. */
import { columnLetter } from '../a1';
import { clear, diffBlock, formula, num, text } from '../diff';
import { longlistCapacity } from '../formulas';
import { columnCount, formulaAt, isEmpty, rowCount, valueAt } from '../grid';
import { blockEnd, LIJST_COLUMNS, LIJST_WIDTH, lijstenFormulas, lijstenOrder, lijstenValues, type LijstenGeometry } from '../keuzelijsten';
import { COLORS, LIJSTEN, LONGLIST, SHEET_NAMES } from '../layout';
import type { LonglistLayout } from '../longlist';
import type { CellInput, CellValue, PlanOp } from '../snapshot';
import { wrappedRowHeight } from '../textMetrics';
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
  ctx.ops.push(...longlistSheetOps(ctx.analysis.longlist.entries));
}

/** Column widths of the longlist sheet in Excel character units: Opgave, Koppelkans, Toelichting. */
const LONGLIST_WIDTHS = [28, 55, 80];

/**
 * The longlist sheet as the product creates it (new workbook, or a workbook without one):
 * header row and one row per entry in A:C, wrapped text with row heights that show it
 * whole, and page setup so it prints landscape, one page wide, with the header on every
 * page. No print area: the team and the pane add rows and columns here (Minder concreet,
 * Verantwoordelijke concretiseren), and a fixed area would leave them off the paper; Excel
 * then prints the used range. In: the entries. Out: plan ops (addSheet first).
 */
export function longlistSheetOps(entries: readonly { opgave: string; koppelkans: string; toelichting: string }[]): PlanOp[] {
  const name = SHEET_NAMES.longlist;
  const rows: CellInput[][] = [[text(LONGLIST.opgaveLabel), text(LONGLIST.koppelkansLabel), text(LONGLIST.toelichtingLabel)]];
  const heights: { row: number; height: number }[] = [];
  entries.forEach((e, i) => {
    rows.push([text(e.opgave), text(e.koppelkans), text(e.toelichting)]);
    const height = wrappedRowHeight([e.opgave, e.koppelkans, e.toelichting], LONGLIST_WIDTHS);
    if (height) heights.push({ row: i + 2, height });
  });
  const ops: PlanOp[] = [
    { kind: 'addSheet', sheet: name },
    { kind: 'setCells', sheet: name, cell: 'A1', cells: rows },
    { kind: 'setStyle', sheet: name, range: 'A1:C1', style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont } },
    {
      kind: 'setColumnWidths',
      sheet: name,
      widths: LONGLIST_WIDTHS.map((width, i) => ({ column: columnLetter(i + 1), width })),
    },
    { kind: 'freeze', sheet: name, rows: 1, columns: 0 },
    { kind: 'setPageSetup', sheet: name, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 1, last: 1 } },
  ];
  if (entries.length) ops.splice(3, 0, { kind: 'setStyle', sheet: name, range: `A2:C${rows.length}`, style: { wrap: true, verticalAlignment: 'top' } });
  if (heights.length) ops.push({ kind: 'setRowHeights', sheet: name, heights });
  return ops;
}

/** Where the Keuzelijsten formulas read the longlist and the werkblad. */
export function lijstenGeometry(ctx: PlanContext): LijstenGeometry {
  const ll = currentLonglistLayout(ctx);
  const cap = longlistCapacity(ll);
  const L = ctx.analysis.werkblad!.layout;
  return {
    longlistSheet: ll.sheet,
    opgaveColumn: ll.opgaveColumn,
    koppelkansColumn: ll.koppelkansColumn,
    firstRow: cap.first,
    rows: cap.last - cap.first + 1,
    werkbladSheet: L.sheet,
    lijstenSheet: nameOf(ctx, 'lijsten'),
    werkbladFirstRow: L.firstDataRow,
    werkbladLastRow: L.preparedEndRow,
  };
}

/** The order the Keuzelijsten formulas read the longlist in (column AC) and their values, for the workbook as the plan leaves it. */
function lijstenResults(ctx: PlanContext, g: LijstenGeometry): { order: number[]; values: Map<string, CellValue> } {
  const llSheet = ctx.analysis.longlistInWorkbook ? sheetByName(ctx.snapshot, g.longlistSheet) : undefined;
  const longlist: { opgave: CellValue; koppelkans: CellValue }[] = [];
  if (llSheet) {
    for (let i = 0; i < g.rows; i++) {
      longlist.push({ opgave: valueAt(llSheet, g.firstRow + i, g.opgaveColumn), koppelkans: valueAt(llSheet, g.firstRow + i, g.koppelkansColumn) });
    }
  } else {
    for (const e of ctx.analysis.longlist.entries) longlist.push({ opgave: e.opgave, koppelkans: e.koppelkans });
  }
  const ws = sheetByName(ctx.snapshot, g.werkbladSheet);
  const werkblad: { opgave: CellValue; koppelkans: CellValue }[] = [];
  for (let r = g.werkbladFirstRow; r <= g.werkbladLastRow; r++) {
    werkblad.push({ opgave: ws ? valueAt(ws, r, 1) : null, koppelkans: ws ? valueAt(ws, r, 2) : null });
  }
  const order = lijstenOrder(g, longlist);
  return { order, values: lijstenValues(g, longlist, werkblad, order) };
}

/**
 * The hidden Keuzelijsten sheet (see src/core/keuzelijsten.ts): every formula with the
 * value the engine computed for it, and the order they read the longlist in (column AC,
 * `lijstenOrder`) with its inverse (AD); cells of an earlier, larger layout are cleared.
 */
export function planLijsten(ctx: PlanContext): void {
  if (!ctx.analysis.werkblad) return;
  const name = nameOf(ctx, 'lijsten');
  const sheet = sheetByName(ctx.snapshot, name);
  if (!sheet) ctx.ops.push({ kind: 'addSheet', sheet: name, hidden: true });
  const g = lijstenGeometry(ctx);
  const formulas = lijstenFormulas(g);
  const { order, values } = lijstenResults(ctx, g);
  const inverse = new Array<number>(order.length);
  order.forEach((row, i) => (inverse[row - 1] = i + 1));
  const height = Math.max(blockEnd(g), g.werkbladLastRow, sheet ? rowCount(sheet) : 0);
  const width = Math.max(LIJST_WIDTH, sheet ? columnCount(sheet) : 0);
  const want = (r: number, c: number): CellInput | undefined => {
    const key = `${r},${c}`;
    const f = formulas.get(key);
    if (r === 1 && c === LIJST_COLUMNS.all) return text(LIJSTEN.allLabel);
    if (r === 1 && c === LIJST_COLUMNS.dOpgave) return text('Opgaven');
    if (r === 1 && c === LIJST_COLUMNS.gList) return text('Koppelkansen per opgave');
    if (c === LIJST_COLUMNS.order && r >= 2 && r <= blockEnd(g)) return num(order[r - 2]);
    if (c === LIJST_COLUMNS.inverse && r >= 2 && r <= blockEnd(g)) return num(inverse[r - 2]);
    if (typeof f === 'number') return num(f);
    if (f !== undefined) return formula(f, values.get(key) ?? '');
    if (sheet && (!isEmpty(valueAt(sheet, r, c)) || formulaAt(sheet, r, c))) return clear;
    return undefined;
  };
  // one column at a time, so that each column's changes go out as one block
  for (let c = 1; c <= width; c++) {
    if (c === LIJST_COLUMNS.stamp) continue; // the formula stamp, written by the plan's end (src/core/formulaStamp.ts)
    const column: (CellInput | undefined)[][] = [];
    for (let r = 1; r <= height; r++) column.push([want(r, c)]);
    ctx.ops.push(...diffBlock(name, sheet, 1, c, column));
  }
  if (!sheet) {
    ctx.ops.push({
      kind: 'setColumnWidths',
      sheet: name,
      widths: [
        { column: 'A', width: 40 },
        { column: columnLetter(LIJST_COLUMNS.dOpgave), width: 30 },
        { column: columnLetter(LIJST_COLUMNS.gList), width: 40 },
      ],
    });
  }
}

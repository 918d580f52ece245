/**
 * The co-author guard of whole-column inserts and deletes (plan ops insertColumns /
 * deleteColumns with `expect`) in the Office.js adapter: every guarded op's columns are
 * read from Excel in one sync before the plan writes anything (each column as it is before
 * the plan: keyedRows.ts `columnGuards` traces it back through the plan's earlier column
 * ops), and compared by the rule every adapter shares (keyedRows.ts `columnGuardConflicts`).
 * A column that changed refuses the whole plan: Excel cannot take a column shift back.
 */
import { columnLetter, parseRange } from '../../core/a1';
import { columnGuardConflicts, type ColumnGuard } from '../../core/keyedRows';
import type { CellValue } from '../../core/snapshot';
import { columnsChangedError } from '../planCheck';
import type { SheetCache } from './writeOps';

/** The loaded used range (values only) of each column a guard reads, by "sheet|column" (column before the plan). */
export type ColumnGuardReads = Map<string, Excel.Range>;

const keyOf = (sheet: string, column: number) => `${sheet.toLowerCase()}|${column}`;

/** Queues the reads: per column, the used range of the whole column (values only: Range.getUsedRangeOrNullObject(true), ExcelApi 1.4). */
export function queueColumnGuardReads(sheets: SheetCache, guards: ColumnGuard[]): ColumnGuardReads {
  const reads: ColumnGuardReads = new Map();
  for (const g of guards)
    for (const column of g.before) {
      if (column === null || reads.has(keyOf(g.op.sheet, column))) continue;
      const letter = columnLetter(column);
      const range = sheets.get(g.op.sheet).getRange(`${letter}:${letter}`).getUsedRangeOrNullObject(true);
      range.load('address,values');
      reads.set(keyOf(g.op.sheet, column), range);
    }
  return reads;
}

/**
 * After the sync: throws WorkbookError 'columnsChanged' (Dutch, naming sheet and cell) for
 * the first guarded op whose columns no longer hold what the plan expects; returns when all hold.
 */
export function checkColumnGuardsLive(guards: ColumnGuard[], reads: ColumnGuardReads): void {
  for (const g of guards) {
    const loaded = new Map<number, { top: number; values: CellValue[][] }>();
    let lastRow = 0;
    for (const column of g.before) {
      const range = column === null ? undefined : reads.get(keyOf(g.op.sheet, column));
      if (column === null || !range || range.isNullObject) continue;
      const { start, end } = parseRange(range.address);
      loaded.set(column, { top: start.row, values: range.values as CellValue[][] });
      lastRow = Math.max(lastRow, end.row);
    }
    const read = (row: number, column: number): CellValue => {
      const c = loaded.get(column);
      const v = c?.values[row - c.top]?.[0];
      return v === undefined || v === '' ? null : v;
    };
    const conflicts = columnGuardConflicts(g, read, lastRow);
    if (conflicts.length) throw columnsChangedError(g.op, conflicts[0]);
  }
}

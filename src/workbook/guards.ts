/**
 * The co-author guard shared by every adapter: a guarded op (`expect` on setCells,
 * updateRowByKey or deleteRowByKey) writes only when each of its cells still holds what
 * the caller last read. Adapters read the cells at apply time and call these helpers, so
 * the rule is the same in memory, in .xlsx files and in Excel.
 */
import { cellAddress, columnNumber } from '../core/a1';
import type { CellInput, CellValue, PlanOp } from '../core/snapshot';
import { sameCellValue } from './cellText';
import type { CellConflict } from './port';

export type DeleteOp = Extract<PlanOp, { kind: 'deleteRowByKey' }>;

/** The cells a deleteRowByKey writes: one `{ clear: true }` per column firstColumn..lastColumn. */
export function deleteCells(op: DeleteOp): CellInput[] {
  const width = Math.max(1, columnNumber(op.lastColumn) - columnNumber(op.firstColumn) + 1);
  return Array.from({ length: width }, () => ({ clear: true as const }));
}

/**
 * Conflicts of a guarded block whose top-left cell is (row, column): every cell of
 * `expect` (rows × columns, 1-based positions) compared with `read(row, column)`.
 * Empty when `expect` is undefined or every cell still holds its expected value.
 */
export function blockConflicts(
  sheet: string,
  row: number,
  column: number,
  expect: CellValue[][] | undefined,
  read: (row: number, column: number) => CellValue,
  key?: string,
): CellConflict[] {
  if (!expect) return [];
  const out: CellConflict[] = [];
  expect.forEach((line, i) =>
    line.forEach((expected, j) => {
      const actual = read(row + i, column + j);
      if (!sameCellValue(actual, expected)) out.push({ sheet, cell: cellAddress(row + i, column + j), expected, actual, ...(key !== undefined ? { key } : {}) });
    }),
  );
  return out;
}

/**
 * The one implementation of the plan operations whose place in the sheet is decided at
 * the moment of writing, shared by every adapter (memory, .xlsx, Office.js) and by
 * `simulate`:
 * - appendRows: the rows go below the sheet's last used row (a value or a formula),
 *   never above `minRow`;
 * - updateRowByKey / deleteRowByKey: the first row from `minRow` down whose key column
 *   holds the key; a key that is not there is reported as missing and nothing is written;
 * - guarded ops (`expect`, also on setCells): written only when every expected cell still
 *   holds what the caller read, otherwise nothing of the op is written and each differing
 *   cell is reported as a conflict.
 *
 * Keys compare by the one name rule of src/core/names.ts (case, surrounding and repeated
 * spaces do not count): the keys are note ids (lower-case letters, digits and "-", for
 * which this is exact) and score keys built from names (src/core/rondes.ts `scoreKey`),
 * which must find their row whatever case a colleague typed a name in. An empty key
 * never matches. A cell's text as a key: numbers as JavaScript prints them ("7", "2.5"),
 * booleans "TRUE"/"FALSE" whatever the host reports (Office.js gives `true`).
 *
 * An adapter reads the cells at apply time (an in-memory sheet, an ExcelJS worksheet, the
 * ranges Office.js loaded) through `SheetRows` and writes what `placeRowOp` decides.
 */
import { cellAddress, columnNumber, parseCell } from './a1';
import { columnBefore, sameSheet, type ColumnShift } from './columnShift';
import { nameKey } from './names';
import type { CellInput, CellStyle, CellValue, PlanOp, SheetSnapshot } from './snapshot';

/** The ops placed at apply time. */
export type RowOp = Extract<PlanOp, { kind: 'appendRows' | 'updateRowByKey' | 'deleteRowByKey' }>;
type SetCellsOp = Extract<PlanOp, { kind: 'setCells' }>;
type DeleteOp = Extract<PlanOp, { kind: 'deleteRowByKey' }>;

/** A cell a co-author changed since the caller read it: what was expected, what is there now. */
export interface CellConflict {
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  expected: CellValue;
  actual: CellValue;
  /** The key of the updateRowByKey / deleteRowByKey op, when it was one. */
  key?: string;
}

/** What the row ops of one apply came to (the port's ApplyResult carries these). */
export interface RowOutcomes {
  /** Where appended rows ended up (first row number per appendRows op, in op order). */
  appendedAt: number[];
  /** updateRowByKey / deleteRowByKey ops whose key was not found (nothing written for them). */
  missingKeys: string[];
  /**
   * Cells of guarded ops (`expect`) that no longer held what the caller last read: those
   * ops wrote nothing. One entry per differing cell.
   */
  conflicts: CellConflict[];
}

/** What a row op reads of its sheet at apply time (rows and columns 1-based). */
export interface SheetRows {
  /** The last row holding a value or a formula; 0 for an empty sheet. */
  lastUsedRow(): number;
  /** The value a snapshot would show in the cell (a formula cell: its cached value). */
  value(row: number, column: number): CellValue;
}

/** Where an op writes: a block of cells with its top-left cell at (row, column). */
interface RowWrite {
  kind: 'write';
  row: number;
  column: number;
  cells: CellInput[][];
}

/** The decision for one op: write, or nothing because its key is missing or a guard failed. */
export type RowPlacement = RowWrite | { kind: 'missing'; key: string } | { kind: 'conflict'; conflicts: CellConflict[] };

/** The text of a cell value as a key: "" for empty, numbers as JavaScript prints them, booleans TRUE/FALSE. */
function keyText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** True when the cell value holds `key` under the name rule; an empty key holds nowhere. */
function holdsKey(value: CellValue | undefined, key: string): boolean {
  const k = nameKey(key);
  return k !== '' && nameKey(keyText(value)) === k;
}

/**
 * Whether a cell still holds what a guarded write expects (see PlanOp `expect`): empty
 * and "" are the same, numbers and booleans compare by their key text, and text compares
 * exactly apart from line breaks (Excel keeps "\n"; "\r\n" typed elsewhere is the same).
 */
export function sameCellValue(actual: CellValue, expected: CellValue): boolean {
  const norm = (v: CellValue) => keyText(v).replace(/\r\n?/g, '\n');
  return norm(actual) === norm(expected);
}

/**
 * Conflicts of a guarded block whose top-left cell is (row, column): every cell of
 * `expect` (rows × columns) compared with `read(row, column)`. Empty when `expect` is
 * undefined or every cell still holds its expected value. `key` is copied into each
 * conflict (updateRowByKey / deleteRowByKey).
 */
function blockConflicts(
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
      if (!sameCellValue(actual, expected))
        out.push({ sheet, cell: cellAddress(row + i, column + j), expected, actual, ...(key !== undefined ? { key } : {}) });
    }),
  );
  return out;
}

/** The cells a deleteRowByKey writes: one `{ clear: true }` per column firstColumn..lastColumn. */
function deleteCells(op: DeleteOp): CellInput[] {
  const width = Math.max(1, columnNumber(op.lastColumn) - columnNumber(op.firstColumn) + 1);
  return Array.from({ length: width }, () => ({ clear: true as const }));
}

/** What an updateRowByKey or deleteRowByKey writes, from its first column. */
export function keyedRowCells(op: Extract<PlanOp, { kind: 'updateRowByKey' | 'deleteRowByKey' }>): CellInput[] {
  return op.kind === 'deleteRowByKey' ? deleteCells(op) : op.cells;
}

/**
 * The row holding `key` in `keyColumn`, searched from `minRow` to the last used row, or
 * null. The first such row wins (a copy further down is never touched).
 */
function findKeyRow(rows: SheetRows, minRow: number, keyColumn: number, key: string): number | null {
  const last = rows.lastUsedRow();
  for (let r = Math.max(1, minRow); r <= last; r++) if (holdsKey(rows.value(r, keyColumn), key)) return r;
  return null;
}

/**
 * Decides what one op writes on a sheet as it is now. `sheet` is the sheet's name as
 * conflicts should report it. setCells without `expect` is always written where it says.
 */
export function placeRowOp(op: RowOp | SetCellsOp, sheet: string, rows: SheetRows): RowPlacement {
  switch (op.kind) {
    case 'setCells': {
      const { row, column } = parseCell(op.cell);
      const conflicts = blockConflicts(sheet, row, column, op.expect, (r, c) => rows.value(r, c));
      return conflicts.length ? { kind: 'conflict', conflicts } : { kind: 'write', row, column, cells: op.cells };
    }
    case 'appendRows':
      return { kind: 'write', row: Math.max(op.minRow, rows.lastUsedRow() + 1), column: columnNumber(op.firstColumn), cells: op.rows };
    case 'updateRowByKey':
    case 'deleteRowByKey': {
      const row = findKeyRow(rows, op.minRow, columnNumber(op.keyColumn), op.key);
      if (row === null) return { kind: 'missing', key: op.key };
      const column = columnNumber(op.firstColumn);
      const conflicts = blockConflicts(sheet, row, column, op.expect && [op.expect], (r, c) => rows.value(r, c), op.key);
      return conflicts.length ? { kind: 'conflict', conflicts } : { kind: 'write', row, column, cells: [keyedRowCells(op)] };
    }
  }
}

/**
 * The row heights an appendRows op asks for (its `heights`, points), on the rows it was
 * placed at (`firstRow`: the placement's first row); rows without a height are left out.
 */
export function appendedHeights(op: Extract<PlanOp, { kind: 'appendRows' }>, firstRow: number): { row: number; height: number }[] {
  const out: { row: number; height: number }[] = [];
  (op.heights ?? []).forEach((height, i) => {
    if (height !== null && height !== undefined && i < op.rows.length) out.push({ row: firstRow + i, height });
  });
  return out;
}

/**
 * The formats an appendRows op asks for (its `formats`) on the rows it was placed at
 * (`firstRow`: the placement's first row): one A1 range per column, over the appended
 * rows only (e.g. "H600:H601"), as setStyle would take it. Empty without formats or rows.
 */
export function appendedFormats(op: Extract<PlanOp, { kind: 'appendRows' }>, firstRow: number): { range: string; style: CellStyle }[] {
  if (!op.rows.length) return [];
  const last = firstRow + op.rows.length - 1;
  return (op.formats ?? []).map((f) => {
    const c = columnNumber(f.column);
    return { range: `${cellAddress(firstRow, c)}:${cellAddress(last, c)}`, style: f.style };
  });
}

/** Excel's default row height in points (one line of Calibri 11): what a one-line row has. */
const DEFAULT_ROW_POINTS = 15;
/** Heights closer than this (points) are the same: Excel keeps a row's height in whole pixels (0.75 pt). */
const HEIGHT_TOLERANCE = 1;

/**
 * The height an updateRowByKey sets on the row it wrote (its `height`), from the row's
 * height now: `current` in points, undefined when the row has Excel's default height.
 * The row is the product's to size when its height is the default, or the one the product
 * gave it for the cells it replaces (`replaces`; null = one line, 15 pt); then the result is
 * the new text's height (`points`; one line: 15 pt, or nothing while the row is at the
 * default). Any other height was set by the team (by hand): undefined, the height stays.
 * Undefined too when nothing would change or the op has no `height`.
 */
export function updatedRowHeight(op: Extract<PlanOp, { kind: 'updateRowByKey' }>, current: number | undefined): number | undefined {
  if (!op.height) return undefined;
  const { points, replaces } = op.height;
  if (current === undefined) return points ?? undefined;
  if (Math.abs(current - (replaces ?? DEFAULT_ROW_POINTS)) >= HEIGHT_TOLERANCE) return undefined;
  const next = points ?? DEFAULT_ROW_POINTS;
  return Math.abs(current - next) < HEIGHT_TOLERANCE / 4 ? undefined : next;
}

/** Records a placement in the outcomes of an apply (appendedAt, missingKeys, conflicts). */
export function recordPlacement(op: RowOp | SetCellsOp, placement: RowPlacement, outcomes: RowOutcomes): void {
  if (placement.kind === 'missing') outcomes.missingKeys.push(placement.key);
  else if (placement.kind === 'conflict') outcomes.conflicts.push(...placement.conflicts);
  else if (op.kind === 'appendRows') outcomes.appendedAt.push(placement.row);
}

/** `SheetRows` over a snapshot's sheet: a row with a value or a formula counts as used. */
export function snapshotRows(sheet: SheetSnapshot): SheetRows {
  return {
    lastUsedRow() {
      for (let r = sheet.values.length; r >= 1; r--) {
        if ((sheet.values[r - 1] ?? []).some((v) => v !== null && v !== undefined && v !== '')) return r;
        if ((sheet.formulas?.[r - 1] ?? []).some((f) => typeof f === 'string' && f !== '')) return r;
      }
      return 0;
    },
    value: (row, column) => sheet.values[row - 1]?.[column - 1] ?? null,
  };
}

/** A whole-column insert or delete (see PlanOp). */
export type ColumnOp = Extract<PlanOp, { kind: 'insertColumns' | 'deleteColumns' }>;

/** A column op as a shift (count > 0 insert, < 0 delete). */
function columnShiftOf(op: ColumnOp): ColumnShift {
  return { sheet: op.sheet, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count };
}

/** A guarded column op of a plan, with the columns it names as they are before the plan. */
export interface ColumnGuard {
  op: ColumnOp;
  /** Per column of the op (`column`, `column`+1 …): its column before the plan, or null when an earlier op of the plan inserted it. */
  before: (number | null)[];
}

/**
 * The guarded column ops (`expect`) of `ops`, each column traced back through the earlier
 * column ops on the same sheet (columnShift.ts `columnBefore`), so that every guard can be
 * checked against the workbook as it is before the plan. Assumes checkPlan's order: only
 * column ops before a guarded one.
 */
export function columnGuards(ops: PlanOp[]): ColumnGuard[] {
  const out: ColumnGuard[] = [];
  const earlier: ColumnShift[] = [];
  for (const op of ops) {
    if (op.kind !== 'insertColumns' && op.kind !== 'deleteColumns') continue;
    const shift = columnShiftOf(op);
    if (op.expect) {
      const same = earlier.filter((s) => sameSheet(s.sheet, op.sheet));
      out.push({ op, before: Array.from({ length: op.count }, (_, j) => columnBefore(shift.at + j, same)) });
    }
    earlier.push(shift);
  }
  return out;
}

/**
 * The conflicts of a guarded column op against the workbook before the plan, read through
 * `read(row, column)` (column as before the plan: `guard.before`; the cell's value, a
 * formula cell by its value, or its formula text when it has no value) up to `lastRow` (the
 * last row that may hold anything in those columns). A cell of the `expect` block that no
 * longer holds its value is a conflict (compared as guarded setCells compare); for a delete,
 * so is any cell below the block that holds anything (it would go with the column). A
 * column the plan inserted itself reads as empty. Conflicts name the cell as it is in the
 * workbook now; empty when the op has no `expect` or nothing changed.
 */
export function columnGuardConflicts(guard: ColumnGuard, read: (row: number, column: number) => CellValue, lastRow: number): CellConflict[] {
  const { op, before } = guard;
  const expect = op.expect ?? [];
  const out: CellConflict[] = [];
  const last = op.kind === 'deleteColumns' ? Math.max(lastRow, expect.length) : expect.length;
  for (let r = 1; r <= last; r++) {
    for (let j = 0; j < op.count; j++) {
      const column = before[j];
      const actual = column === null ? null : read(r, column);
      const expected = r <= expect.length ? (expect[r - 1]?.[j] ?? null) : null;
      if (!sameCellValue(actual, expected)) out.push({ sheet: op.sheet, cell: cellAddress(r, column ?? columnNumber(op.column) + j), expected, actual });
    }
  }
  return out;
}

/**
 * A snapshot's cell as a column guard reads it (planner and adapters alike): its value, a
 * formula cell by its cached value, or by its formula text when it has none (it still holds
 * something).
 */
export function guardCellValue(sheet: SheetSnapshot, row: number, column: number): CellValue {
  const v = sheet.values[row - 1]?.[column - 1] ?? null;
  if (v !== null && v !== '') return v;
  return sheet.formulas?.[row - 1]?.[column - 1] || v;
}

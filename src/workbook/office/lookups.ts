/**
 * The plan operations that depend on what is in the workbook at the moment of writing:
 * appendRows (below the used range), updateRowByKey / deleteRowByKey (the row holding a
 * key) and guarded setCells (`expect`: the cells must still hold what the caller read).
 * All lookups of a plan are loaded together, so they cost one sync whatever their number.
 */
import { columnLetter, columnNumber, parseCell, parseRange, rangeAddress } from '../../core/a1';
import type { CellInput, CellValue, PlanOp } from '../../core/snapshot';
import { appendedFormats, appendedHeights, keyedRowCells, placeRowOp, updatedRowHeight, type CellConflict, type SheetRows } from '../../core/keyedRows';
import { blockAddress, cellBlocks, forbiddenTextCells, toFormulaEntry } from './cellWrites';
import type { SheetCache } from './writeOps';
import { queueRowHeights, queueStyle } from './styles';

type AppendOp = Extract<PlanOp, { kind: 'appendRows' }>;
type UpdateOp = Extract<PlanOp, { kind: 'updateRowByKey' | 'deleteRowByKey' }>;
type GuardedCellsOp = Extract<PlanOp, { kind: 'setCells' }>;

/** A guarded setCells: read its cells, compare with `expect`, then write or report. */
export interface GuardTask {
  op: GuardedCellsOp;
  /** undefined before the read; [] when the cells may be written. */
  conflicts?: CellConflict[];
  written: boolean;
  /** Cells of the last write whose text held characters XML forbids (see forbiddenTextCells). */
  forbidden?: string[];
}

export interface AppendTask {
  op: AppendOp;
  /** First row, once resolved. */
  row?: number;
  written: boolean;
  verified: boolean;
  /** Placements lost to a co-author so far. */
  conflicts: number;
  /** Cells of the last write whose text held characters XML forbids (see forbiddenTextCells). */
  forbidden?: string[];
  /** The op's row heights may be set: the sheet is known (read) and not protected (Excel would refuse them there). */
  heightsAllowed?: boolean;
  /** The op's formats may be set: the sheet is known (read) and not protected, or its protection allows formatting cells. */
  formatsAllowed?: boolean;
}

export interface UpdateTask {
  op: UpdateOp;
  /** The row holding the key; null when the key is not there; undefined before the lookup. */
  row?: number | null;
  written: boolean;
  /** Cells that no longer hold the op's `expect` (then nothing is written). */
  conflicts?: CellConflict[];
  /** The op's row height may be set: the sheet is known (read) and not protected (Excel would refuse it there). */
  heightsAllowed?: boolean;
  /** The row's format with rowHeight and useStandardHeight loaded (queueHeightReads), for an op with a `height`. */
  rowFormat?: Excel.RangeFormat;
  /** Cells of the last write whose text held characters XML forbids (see forbiddenTextCells). */
  forbidden?: string[];
}

export interface LookupLoads {
  used: Map<string, Excel.Range>;
  keyColumns: Map<string, Excel.Range>;
  guards: Map<GuardTask, Excel.Range>;
}

/** The columns an update task reads: its key column, and with `expect` also the columns it writes. */
function updateColumns(op: UpdateOp): string {
  const key = columnNumber(op.keyColumn);
  if (!op.expect) return `${columnLetter(key)}:${columnLetter(key)}`;
  const first = columnNumber(op.firstColumn);
  const last = first + keyedRowCells(op).length - 1;
  return `${columnLetter(Math.min(key, first))}:${columnLetter(Math.max(key, last))}`;
}

const keyOf = (sheet: string, columns: string) => `${sheet.toLowerCase()}|${columns}`;

/** Queues the loads that the unresolved tasks need. */
export function queueLookups(sheets: SheetCache, appends: AppendTask[], updates: UpdateTask[], guards: GuardTask[] = []): LookupLoads {
  const used = new Map<string, Excel.Range>();
  const keyColumns = new Map<string, Excel.Range>();
  const guardRanges = new Map<GuardTask, Excel.Range>();
  for (const t of guards) {
    if (t.conflicts !== undefined) continue;
    const { row, column } = parseCell(t.op.cell);
    const width = Math.max(1, ...t.op.cells.map((l) => l.length));
    const r = sheets.get(t.op.sheet).getRange(rangeAddress(row, column, row + Math.max(1, t.op.cells.length) - 1, column + width - 1));
    r.load('values');
    guardRanges.set(t, r);
  }
  for (const t of appends) {
    if (t.row !== undefined) continue;
    const k = t.op.sheet.toLowerCase();
    if (used.has(k)) continue;
    const r = sheets.get(t.op.sheet).getUsedRangeOrNullObject(true);
    r.load('address');
    used.set(k, r);
  }
  for (const t of updates) {
    if (t.row !== undefined) continue;
    const columns = updateColumns(t.op);
    const k = keyOf(t.op.sheet, columns);
    if (keyColumns.has(k)) continue;
    const r = sheets.get(t.op.sheet).getRange(columns).getUsedRangeOrNullObject(true);
    r.load('address,values');
    keyColumns.set(k, r);
  }
  return { used, keyColumns, guards: guardRanges };
}

function lastRow(range: Excel.Range | undefined): number {
  if (!range || range.isNullObject) return 0;
  return parseRange(range.address).end.row;
}

/**
 * The cells of a loaded range as the shared row-op rules read them (src/core/keyedRows.ts);
 * cells outside it read as empty. `start`: its top-left cell when its address was not loaded.
 */
function loadedRows(range: Excel.Range | undefined, lastUsed: number, start?: { row: number; column: number }): SheetRows {
  if (!range || range.isNullObject) return { lastUsedRow: () => lastUsed, value: () => null };
  const top = start ?? parseRange(range.address).start;
  const values = range.values as CellValue[][];
  return { lastUsedRow: () => lastUsed, value: (r, c) => values[r - top.row]?.[c - top.column] ?? null };
}

/**
 * After the sync: the rows where appends go (stacked per sheet), the rows holding the
 * keys and the guards' conflicts, decided by the rules every adapter shares
 * (src/core/keyedRows.ts `placeRowOp`).
 */
export function resolveLookups(loads: LookupLoads, appends: AppendTask[], updates: UpdateTask[], guards: GuardTask[] = []): void {
  for (const t of guards) {
    const range = loads.guards.get(t);
    if (t.conflicts !== undefined || !range) continue;
    const placement = placeRowOp(t.op, t.op.sheet, loadedRows(range, 0, parseCell(t.op.cell)));
    t.conflicts = placement.kind === 'conflict' ? placement.conflicts : [];
  }
  const cursor = new Map<string, number>();
  for (const t of appends) {
    if (t.row !== undefined) continue;
    const k = t.op.sheet.toLowerCase();
    // appends of one plan stack below one another: the previous one's rows count as used
    const lastUsed = cursor.get(k) ?? lastRow(loads.used.get(k));
    const placement = placeRowOp(t.op, t.op.sheet, { lastUsedRow: () => lastUsed, value: () => null });
    if (placement.kind !== 'write') continue;
    t.row = placement.row;
    cursor.set(k, t.row + t.op.rows.length - 1);
  }
  for (const t of updates) {
    if (t.row !== undefined) continue;
    const range = loads.keyColumns.get(keyOf(t.op.sheet, updateColumns(t.op)));
    const placement = placeRowOp(t.op, t.op.sheet, loadedRows(range, lastRow(range)));
    t.row = placement.kind === 'missing' ? null : placement.kind === 'write' ? placement.row : parseCell(placement.conflicts[0].cell).row;
    t.conflicts = placement.kind === 'conflict' ? placement.conflicts : undefined;
  }
}

/** An update that will write its row and carries a height, whose row's height is not read yet. */
function needsHeightRead(t: UpdateTask): boolean {
  return (
    t.op.kind === 'updateRowByKey' && !!t.op.height && !!t.heightsAllowed && !t.written && typeof t.row === 'number' && !t.conflicts?.length && !t.rowFormat
  );
}

/**
 * Queues a read of the row height of each resolved update that carries a `height`
 * (Range.format.rowHeight and useStandardHeight of the whole row, ExcelApi 1.2), so its
 * write can tell the default or the product's height from one the team set. Office.js
 * cannot tell a height the team set to exactly Excel's standard height from the default:
 * such a row counts as default. True when something was queued (the caller syncs).
 */
export function queueHeightReads(sheets: SheetCache, updates: UpdateTask[]): boolean {
  let queued = false;
  for (const t of updates) {
    if (!needsHeightRead(t)) continue;
    const format = sheets.get(t.op.sheet).getRange(`${t.row}:${t.row}`).format;
    format.load('rowHeight,useStandardHeight');
    t.rowFormat = format;
    queued = true;
  }
  return queued;
}

/** Queues the writes of resolved, unwritten tasks; returns what it queued. */
export function queueLookupWrites(
  sheets: SheetCache,
  appends: AppendTask[],
  updates: UpdateTask[],
  guards: GuardTask[] = [],
): (AppendTask | UpdateTask | GuardTask)[] {
  const queued: (AppendTask | UpdateTask | GuardTask)[] = [];
  for (const t of guards) {
    if (t.written || t.conflicts === undefined || t.conflicts.length) continue;
    const { row, column } = parseCell(t.op.cell);
    const sheet = sheets.get(t.op.sheet);
    for (const block of cellBlocks(row, column, t.op.cells)) sheet.getRange(blockAddress(block)).formulas = block.entries;
    t.forbidden = forbiddenTextCells(row, column, t.op.cells);
    queued.push(t);
  }
  for (const t of updates) {
    const cells = keyedRowCells(t.op);
    if (t.written || t.row === undefined || t.row === null || cells.length === 0 || t.conflicts?.length) continue;
    const col = columnNumber(t.op.firstColumn);
    const entries = [cells.map(toFormulaEntry)];
    sheets.get(t.op.sheet).getRange(rangeAddress(t.row, col, t.row, col + cells.length - 1)).formulas = entries;
    if (t.op.kind === 'updateRowByKey' && t.rowFormat) {
      const height = updatedRowHeight(t.op, t.rowFormat.useStandardHeight ? undefined : t.rowFormat.rowHeight);
      if (height !== undefined) queueRowHeights(sheets.get(t.op.sheet), [{ row: t.row, height }]);
    }
    t.forbidden = forbiddenTextCells(t.row, col, [cells]);
    queued.push(t);
  }
  for (const t of appends) {
    if (t.written || t.row === undefined) continue;
    const sheet = sheets.get(t.op.sheet);
    for (const block of cellBlocks(t.row, columnNumber(t.op.firstColumn), t.op.rows)) {
      sheet.getRange(blockAddress(block)).formulas = block.entries;
    }
    if (t.heightsAllowed) queueRowHeights(sheet, appendedHeights(t.op, t.row));
    if (t.formatsAllowed) for (const f of appendedFormats(t.op, t.row)) queueStyle(sheet.getRange(f.range), f.range, f.style);
    t.forbidden = forbiddenTextCells(t.row, columnNumber(t.op.firstColumn), t.op.rows);
    queued.push(t);
  }
  return queued;
}

/** The cell of a row that identifies it: its first text, number or boolean that is not empty. */
function keyCellIndex(row: CellInput[]): number {
  return row.findIndex((c) => ('text' in c && c.text !== '') || 'number' in c || 'bool' in c);
}

function holdsInput(value: unknown, input: CellInput): boolean {
  if ('text' in input) return typeof value === 'string' && value === input.text;
  if ('number' in input) return typeof value === 'number' && value === input.number;
  if ('bool' in input) return typeof value === 'boolean' && value === input.bool;
  return true;
}

/** Queues a read of the appended rows, to check after the next sync that they still hold our rows. */
export function queueVerify(sheets: SheetCache, t: AppendTask): Excel.Range | null {
  if (t.row === undefined || t.op.rows.length === 0) return null;
  const width = Math.max(1, ...t.op.rows.map((r) => r.length));
  const col = columnNumber(t.op.firstColumn);
  const range = sheets.get(t.op.sheet).getRange(rangeAddress(t.row, col, t.row + t.op.rows.length - 1, col + width - 1));
  range.load('values');
  return range;
}

/** True when every row's key cell holds what we wrote (a co-author did not take the rows). */
export function verifyAppend(t: AppendTask, range: Excel.Range): boolean {
  const values = range.values as unknown[][];
  return t.op.rows.every((line, i) => {
    const k = keyCellIndex(line);
    return k < 0 || holdsInput(values[i]?.[k], line[k]);
  });
}

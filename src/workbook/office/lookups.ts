/**
 * The plan operations that depend on what is in the workbook at the moment of writing:
 * appendRows (below the used range), updateRowByKey / deleteRowByKey (the row holding a
 * key) and guarded setCells (`expect`: the cells must still hold what the caller read).
 * All lookups of a plan are loaded together, so they cost one sync whatever their number.
 */
import { columnLetter, columnNumber, parseCell, parseRange, rangeAddress } from '../../core/a1';
import type { CellInput, CellValue, PlanOp } from '../../core/snapshot';
import { blockConflicts, deleteCells } from '../guards';
import type { CellConflict } from '../port';
import { blockAddress, cellBlocks, toFormulaEntry } from './cellWrites';
import type { SheetCache } from './writeOps';

type AppendOp = Extract<PlanOp, { kind: 'appendRows' }>;
type UpdateOp = Extract<PlanOp, { kind: 'updateRowByKey' | 'deleteRowByKey' }>;
type GuardedCellsOp = Extract<PlanOp, { kind: 'setCells' }>;

/** A guarded setCells: read its cells, compare with `expect`, then write or report. */
export interface GuardTask {
  op: GuardedCellsOp;
  /** undefined before the read; [] when the cells may be written. */
  conflicts?: CellConflict[];
  written: boolean;
}

/** What an updateRowByKey or deleteRowByKey writes, from its first column. */
function updateCells(op: UpdateOp): CellInput[] {
  return op.kind === 'deleteRowByKey' ? deleteCells(op) : op.cells;
}

export interface AppendTask {
  op: AppendOp;
  /** First row, once resolved. */
  row?: number;
  written: boolean;
  verified: boolean;
  /** Placements lost to a co-author so far. */
  conflicts: number;
}

export interface UpdateTask {
  op: UpdateOp;
  /** The row holding the key; null when the key is not there; undefined before the lookup. */
  row?: number | null;
  written: boolean;
  /** Cells that no longer hold the op's `expect` (then nothing is written). */
  conflicts?: CellConflict[];
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
  const last = first + updateCells(op).length - 1;
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

/** After the sync: the rows where appends go (stacked per sheet) and the rows holding the keys. */
export function resolveLookups(loads: LookupLoads, appends: AppendTask[], updates: UpdateTask[], guards: GuardTask[] = []): void {
  for (const t of guards) {
    const range = loads.guards.get(t);
    if (t.conflicts !== undefined || !range) continue;
    const { row, column } = parseCell(t.op.cell);
    const values = range.values as CellValue[][];
    t.conflicts = blockConflicts(t.op.sheet, row, column, t.op.expect, (r, c) => values[r - row]?.[c - column] ?? null);
  }
  const cursor = new Map<string, number>();
  for (const t of appends) {
    if (t.row !== undefined) continue;
    const k = t.op.sheet.toLowerCase();
    const next = cursor.get(k) ?? lastRow(loads.used.get(k)) + 1;
    t.row = Math.max(t.op.minRow, next);
    cursor.set(k, t.row + t.op.rows.length);
  }
  for (const t of updates) {
    if (t.row !== undefined) continue;
    const range = loads.keyColumns.get(keyOf(t.op.sheet, updateColumns(t.op)));
    t.row = null;
    if (!range || range.isNullObject) continue;
    const start = parseRange(range.address).start;
    const values = range.values as CellValue[][];
    const keyIndex = columnNumber(t.op.keyColumn) - start.column;
    for (let i = 0; i < values.length; i++) {
      const row = start.row + i;
      if (row >= t.op.minRow && String(values[i]?.[keyIndex] ?? '') === t.op.key) {
        t.row = row;
        const line = values[i] ?? [];
        const first = columnNumber(t.op.firstColumn);
        t.conflicts = blockConflicts(t.op.sheet, row, first, t.op.expect && [t.op.expect], (_, c) => line[c - start.column] ?? null, t.op.key);
        break;
      }
    }
  }
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
    queued.push(t);
  }
  for (const t of updates) {
    const cells = updateCells(t.op);
    if (t.written || t.row === undefined || t.row === null || cells.length === 0 || t.conflicts?.length) continue;
    const col = columnNumber(t.op.firstColumn);
    const entries = [cells.map(toFormulaEntry)];
    sheets.get(t.op.sheet).getRange(rangeAddress(t.row, col, t.row, col + cells.length - 1)).formulas = entries;
    queued.push(t);
  }
  for (const t of appends) {
    if (t.written || t.row === undefined) continue;
    const sheet = sheets.get(t.op.sheet);
    for (const block of cellBlocks(t.row, columnNumber(t.op.firstColumn), t.op.rows)) {
      sheet.getRange(blockAddress(block)).formulas = block.entries;
    }
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

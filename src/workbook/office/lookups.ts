/**
 * The plan operations that depend on what is in the workbook at the moment of writing:
 * appendRows (below the used range) and updateRowByKey (the row holding a key). All
 * lookups of a plan are loaded together, so they cost one sync whatever their number.
 */
import { columnNumber, parseRange, rangeAddress } from '../../core/a1';
import type { CellInput, PlanOp } from '../../core/snapshot';
import { blockAddress, cellBlocks, toFormulaEntry } from './cellWrites';
import type { SheetCache } from './writeOps';

export type AppendOp = Extract<PlanOp, { kind: 'appendRows' }>;
export type UpdateOp = Extract<PlanOp, { kind: 'updateRowByKey' }>;

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
}

export interface LookupLoads {
  used: Map<string, Excel.Range>;
  keyColumns: Map<string, Excel.Range>;
}

const keyOf = (sheet: string, column: string) => `${sheet.toLowerCase()}|${column.toUpperCase()}`;

/** Queues the loads that the unresolved tasks need. */
export function queueLookups(sheets: SheetCache, appends: AppendTask[], updates: UpdateTask[]): LookupLoads {
  const used = new Map<string, Excel.Range>();
  const keyColumns = new Map<string, Excel.Range>();
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
    const k = keyOf(t.op.sheet, t.op.keyColumn);
    if (keyColumns.has(k)) continue;
    const col = t.op.keyColumn.toUpperCase();
    const r = sheets.get(t.op.sheet).getRange(`${col}:${col}`).getUsedRangeOrNullObject(true);
    r.load('address,values');
    keyColumns.set(k, r);
  }
  return { used, keyColumns };
}

function lastRow(range: Excel.Range | undefined): number {
  if (!range || range.isNullObject) return 0;
  return parseRange(range.address).end.row;
}

/** After the sync: the rows where appends go (stacked per sheet) and the rows holding the keys. */
export function resolveLookups(loads: LookupLoads, appends: AppendTask[], updates: UpdateTask[]): void {
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
    const range = loads.keyColumns.get(keyOf(t.op.sheet, t.op.keyColumn));
    t.row = null;
    if (!range || range.isNullObject) continue;
    const start = parseRange(range.address).start.row;
    const values = range.values as unknown[][];
    for (let i = 0; i < values.length; i++) {
      const row = start + i;
      if (row >= t.op.minRow && String(values[i]?.[0] ?? '') === t.op.key) {
        t.row = row;
        break;
      }
    }
  }
}

/** Queues the writes of resolved, unwritten tasks; returns what it queued. */
export function queueLookupWrites(sheets: SheetCache, appends: AppendTask[], updates: UpdateTask[]): (AppendTask | UpdateTask)[] {
  const queued: (AppendTask | UpdateTask)[] = [];
  for (const t of updates) {
    if (t.written || t.row === undefined || t.row === null || t.op.cells.length === 0) continue;
    const col = columnNumber(t.op.firstColumn);
    const entries = [t.op.cells.map(toFormulaEntry)];
    sheets.get(t.op.sheet).getRange(rangeAddress(t.row, col, t.row, col + t.op.cells.length - 1)).formulas = entries;
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
export function keyCellIndex(row: CellInput[]): number {
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

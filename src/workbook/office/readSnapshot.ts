/**
 * Reads the workbook snapshot, sized to what changed, in requests under Excel on the
 * web's 5 MB response limit.
 *
 * A read has two parts:
 *  1. the WALK (one sync): every sheet's name, visibility and values-only used-range
 *     ADDRESS (no cells). It walks the sheets with `worksheets.getFirst()` and
 *     `getNextOrNullObject()` (ExcelApi 1.5) as far as `chainLength`; past the last sheet
 *     the objects are null objects. More sheets than the chain cost one more sync (the
 *     chain then grows). A host that refuses to chain on null objects makes the reader
 *     list the sheets first (one sync more), for the rest of the session.
 *     When the cache knows which ranges changed (the adapter's own writes, Excel's change
 *     events), their cells are loaded in this same sync; so is, once per session, the
 *     date-system probe (DATE(1904,1,1) through workbook.functions).
 *  2. FULL reads of sheets the cache does not know (the first read, a new or renamed
 *     sheet, a sheet whose used range moved without a change event, a `fresh` request):
 *     values and formulas in row blocks packed into syncs of at most the payload budget
 *     (estimated from the bytes per cell seen so far; a block Excel still refuses as too
 *     large is halved and read again).
 * The number of syncs grows with the bytes read (one per ~4 MB), never with rows as such.
 */
import { parseRange, rangeAddress, type RangePos } from '../../core/a1';
import type { ParsedStamp, StampRun } from '../../core/formulaStamp';
import type { CellValue, ValidationSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { RangeRef, SnapshotRequest } from '../port';
import { queueDefinitions, readDefinitions, type QueuedDefinitions } from './definitions';
import { OfficeWorkbookError, officeErrorCode } from './officeErrors';
import { areasOf } from './rangeAreas';
import { contains, formulaLength, qualified, setStampedFormulas, type CachedSheet, type SnapshotCache } from './snapshotCache';
import { stampedFormulas } from './stampedFormulas';
import { formulaOf } from './usedRangeGrid';
import { fromOfficeValidation } from './validationMapping';

export interface ReadState {
  /** Sheets walked in the first sync. */
  chainLength: number;
  /** Set when the host refused the chain: list the sheets first. */
  listFirst: boolean;
  /** Response bytes per cell seen so far (values and formulas), to size the blocks. */
  bytesPerCell: number;
  /** The same per sheet (lower-case name): a hidden list sheet is far denser than the werkblad. */
  sheetBytesPerCell: Map<string, number>;
  /** Office.context.requirements.isSetSupported (for API sets newer than the add-in's ExcelApi 1.8); absent: none of them. */
  supports?: (name: string, version: string) => boolean;
  /** The workbook's date system, probed with the first walk of the session (undefined: not known yet). */
  date1904?: boolean;
  /** The formula stamp as the last read parsed it (null: none found), reused while its text is the same (./stampedFormulas). */
  stamp?: ParsedStamp | null;
}

/** Rows read first from a big sheet of unknown density, to size the rest of it. */
const PROBE_ROWS = 100;
/** Response bytes of an empty cell in a read's values (and again in its formulas): `"",` as Office.js sends it. */
const EMPTY_CELL_BYTES = 3;

/** Sheets walked in the first sync of the session, before the workbook's sheet count is known. */
export const MIN_CHAIN = 32;
/**
 * Sheets walked beyond the last known one: room for sheets added since (and the null object
 * that marks the end). Each walked sheet costs about 4 actions in the request, so walking
 * 32 where a workbook has 8 cost about three times the request of the walk itself.
 */
const SPARE_SHEETS = 2;
/** A first guess of response bytes per cell (values + formulas) before anything was read. */
const DEFAULT_BYTES_PER_CELL = 48;

export function newReadState(): ReadState {
  return { chainLength: MIN_CHAIN, listFirst: false, bytesPerCell: DEFAULT_BYTES_PER_CELL, sheetBytesPerCell: new Map() };
}

/** Thrown when the first sync of the chain failed; the caller retries with `listFirst`. */
export class ChainRefused extends Error {
  constructor(readonly cause: unknown) {
    super('the host refused to walk the worksheets with getNextOrNullObject');
  }
}

interface SheetLoad {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** Worksheet.protection (ExcelApi 1.2): `protected` and its `options`. */
  protection: Excel.WorksheetProtection;
}

interface Walked {
  name: string;
  id: string;
  hidden: boolean;
  usedAddress: string;
  /** The sheet is protected (Controleren > Blad beveiligen), with what stays allowed. */
  protection: { protected: boolean; allowFormatCells: boolean; allowFormatColumns: boolean };
}

function queueSheet(sheet: Excel.Worksheet): SheetLoad {
  sheet.load('name,visibility,id');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address');
  const protection = sheet.protection;
  protection.load('protected,options');
  return { sheet, used, protection };
}

function queueChain(first: Excel.Worksheet, length: number): SheetLoad[] {
  const loads: SheetLoad[] = [];
  let sheet = first;
  for (let i = 0; i < length; i++) {
    if (i > 0) sheet = sheet.getNextOrNullObject();
    loads.push(queueSheet(sheet));
  }
  return loads;
}

function walked({ sheet, used, protection }: SheetLoad): Walked {
  const options = protection.protected ? protection.options : undefined;
  return {
    name: sheet.name,
    id: sheet.id,
    hidden: sheet.visibility !== 'Visible',
    usedAddress: used.isNullObject ? '' : used.address,
    protection: { protected: !!protection.protected, allowFormatCells: !!options?.allowFormatCells, allowFormatColumns: !!options?.allowFormatColumns },
  };
}

/** Only to be called on an error from the chain's first sync: true when it is worth listing first. */
function isChainRefusal(err: unknown): boolean {
  const code = officeErrorCode(err) ?? '';
  return ![
    'InvalidOperationInCellEditMode',
    'RequestPayloadSizeLimitExceeded',
    'ResponsePayloadSizeLimitExceeded',
    'ActivityLimitReached',
    'RequestAborted',
  ].includes(code);
}

// ---- cell loads -------------------------------------------------------------------------

interface CellLoad {
  sheet: string;
  pos: RangePos;
  formulas: boolean;
  range: Excel.Range;
}

function cellCount(pos: RangePos): number {
  return (pos.end.row - pos.start.row + 1) * (pos.end.column - pos.start.column + 1);
}

function queueCells(worksheets: Excel.WorksheetCollection, sheet: string, pos: RangePos, formulas: boolean, orNull: boolean): CellLoad {
  const ws = orNull ? worksheets.getItemOrNullObject(sheet) : worksheets.getItem(sheet);
  const range = ws.getRange(rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column));
  range.load(formulas ? 'values,formulas' : 'values');
  return { sheet, pos, formulas, range };
}

function toValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  // Office.js returns only numbers, text and booleans; anything else is kept as its JSON text
  return JSON.stringify(v) ?? null;
}

/** Rough response size of a loaded block (for sizing the next blocks). */
function roughBytes(values: unknown[][], formulas: unknown[][] | null): number {
  let n = 0;
  const add = (m: unknown[][]) => {
    for (const line of m) for (const v of line) n += typeof v === 'string' ? v.length + 3 : 6;
  };
  add(values);
  if (formulas) add(formulas);
  return n;
}

function takeCells(load: CellLoad, cache: SnapshotCache, state: ReadState): void {
  if (load.range.isNullObject) return; // the sheet went away; the walk drops it
  const values = load.range.values as unknown[][];
  const formulas = load.formulas ? (load.range.formulas as unknown[][]) : null;
  const cells = cellCount(load.pos);
  if (cells >= 100) {
    // a quarter more than counted: JSON framing, escapes, non-ASCII
    const perCell = Math.max(8, (1.25 * roughBytes(values, formulas)) / cells / (load.formulas ? 1 : 0.5));
    const key = load.sheet.toLowerCase();
    state.sheetBytesPerCell.set(key, perCell); // the latest block: density changes down a sheet
  }
  cache.patch(
    load.sheet,
    load.pos,
    values.map((line) => line.map(toValue)),
    formulas ? formulas.map((line, i) => line.map((f, j) => formulaOf(f, values[i][j]))) : null,
  );
}

interface Block {
  sheet: string;
  pos: RangePos;
  formulas: boolean;
  /** Response bytes per row known beforehand (cells the adapter wrote itself). */
  rowBytes?: number;
}

function isTooLarge(err: unknown): boolean {
  const code = officeErrorCode(err);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/**
 * Reads blocks of cells into the cache in as few syncs as the budget allows. A sync that
 * Excel refuses as too large is split (blocks halved) and read again; a single row that
 * is still too large ends the read with a Dutch message naming it.
 */
async function readBlocks(
  context: Excel.RequestContext,
  blocks: Block[],
  cache: SnapshotCache,
  state: ReadState,
  budget: number,
  previous?: CachedSheet[],
): Promise<void> {
  // big sheets of unknown density: their first rows first (together, one sync), to size the rest
  const probes: Block[] = [];
  const rest: Block[] = [];
  for (const b of blocks) {
    const rows = b.pos.end.row - b.pos.start.row + 1;
    const unknown = !state.sheetBytesPerCell.has(b.sheet.toLowerCase()) && !previous?.some((p) => p.name.toLowerCase() === b.sheet.toLowerCase());
    if (unknown && rows > PROBE_ROWS && cellCount(b.pos) * state.bytesPerCell > budget / 8) {
      const split = b.pos.start.row + PROBE_ROWS - 1;
      probes.push({ ...b, pos: { start: b.pos.start, end: { row: split, column: b.pos.end.column } } });
      rest.push({ ...b, pos: { start: { row: split + 1, column: b.pos.start.column }, end: b.pos.end } });
    } else rest.push(b);
  }
  if (probes.length) await readSizedBlocks(context, probes, cache, state, budget, previous);
  await readSizedBlocks(context, rest, cache, state, budget, previous);
}

/** Estimated response bytes of one row of a cached sheet (values, and formulas when asked), with a margin. */
function estimateRow(sheet: CachedSheet, row: number, from: number, to: number, formulas: boolean): number {
  const vrow = sheet.values[row - 1] ?? [];
  let n = 0;
  for (let c = from; c <= to; c++) {
    const v = vrow[c - 1];
    n += typeof v === 'string' ? v.length + 3 : 6;
    if (formulas) {
      // a formula's length without building a sheet's stamped formulas (formulaLength); else the value's
      const length = formulaLength(sheet, row, c);
      n += length !== undefined ? length + 3 : typeof v === 'string' ? v.length + 3 : 6;
    }
  }
  return n * 1.25;
}

async function readSizedBlocks(
  context: Excel.RequestContext,
  blocks: Block[],
  cache: SnapshotCache,
  state: ReadState,
  budget: number,
  previous?: CachedSheet[],
): Promise<void> {
  // bytes per row: what the cache held there before (a re-read), else what this sheet's cells cost so far
  const rowBytes = (b: Block) => {
    const width = b.pos.end.column - b.pos.start.column + 1;
    const perCell = (state.sheetBytesPerCell.get(b.sheet.toLowerCase()) ?? state.bytesPerCell) * (b.formulas ? 1 : 0.5);
    const known = previous?.find((p) => p.name.toLowerCase() === b.sheet.toLowerCase());
    return (r: number) => {
      const fromCache = known && r <= known.values.length ? estimateRow(known, r, b.pos.start.column, b.pos.end.column, b.formulas) : 0;
      // cells the adapter wrote itself: what it sent comes back on top of what the row held
      // (a row the cache does not hold: on top of its cells read empty, EMPTY_CELL_BYTES each)
      if (b.rowBytes === undefined) return Math.max(fromCache, width * perCell);
      const held = Math.max(fromCache, width * EMPTY_CELL_BYTES * (b.formulas ? 2 : 1));
      return Math.max(held + 1.25 * b.rowBytes, width * perCell);
    };
  };
  // the next sync's blocks are carved from what is left with the densities known now,
  // so that what one sync teaches sizes the next
  const pending: Block[] = [...blocks];
  let oneAtATime = false;
  while (pending.length) {
    const batch: Block[] = [];
    let room = budget;
    while (pending.length) {
      const b = pending[0];
      const f = rowBytes(b);
      let r = b.pos.start.row;
      let used = 0;
      while (r <= b.pos.end.row) {
        const cost = f(r);
        if (used + cost > room && !(r === b.pos.start.row && batch.length === 0)) break;
        used += cost;
        r++;
      }
      if (r === b.pos.start.row) break; // nothing of it fits in this sync
      batch.push({ ...b, pos: { start: b.pos.start, end: { row: r - 1, column: b.pos.end.column } } });
      room -= used;
      if (r > b.pos.end.row) pending.shift();
      else {
        pending[0] = { ...b, pos: { start: { row: r, column: b.pos.start.column }, end: b.pos.end } };
        break;
      }
      if (oneAtATime) break;
    }
    const worksheets = context.workbook.worksheets;
    const loads = batch.map((b) => queueCells(worksheets, b.sheet, b.pos, b.formulas, false));
    try {
      await context.sync();
    } catch (err) {
      if (!isTooLarge(err)) throw err;
      if (batch.length > 1) {
        oneAtATime = true; // find the block that is too large
        pending.unshift(...batch);
        continue;
      }
      const b = batch[0];
      const rows = b.pos.end.row - b.pos.start.row + 1;
      if (rows === 1) throw new OfficeWorkbookError('readTooLarge', { code: officeErrorCode(err), where: qualified(b.sheet, b.pos), cause: err });
      const mid = b.pos.start.row + Math.floor(rows / 2) - 1;
      pending.unshift(
        { ...b, pos: { start: b.pos.start, end: { row: mid, column: b.pos.end.column } } },
        { ...b, pos: { start: { row: mid + 1, column: b.pos.start.column }, end: b.pos.end } },
      );
      continue;
    }
    for (const l of loads) takeCells(l, cache, state);
  }
}

// ---- the read -----------------------------------------------------------------------------

function usedPos(address: string): RangePos | null {
  return address ? parseRange(address) : null;
}

/** Cells of the edges a sheet's cells are read in (values and formulas) before it is read in full instead. */
const MAX_EDGE_CELLS = 20_000;

/**
 * What of a sheet must be read beyond its change marks: 'full' when its cells may differ
 * from the cache in ways no change mark covers and the edges are too large or unknown;
 * else the ranges where its used range grew or shrank that no change mark covers (read
 * with their formulas: a row a colleague added at the bottom of a big sheet costs that
 * row, not the sheet); [] when nothing more is needed.
 */
function extraReads(cached: CachedSheet | undefined, now: Walked, cache: SnapshotCache): 'full' | RangePos[] {
  if (!cached) return 'full';
  if (cached.usedAddress === now.usedAddress) return [];
  const dirt = cache.dirtOf(now.name);
  if (dirt?.whole) return []; // read in full anyway
  const before = usedPos(cached.usedAddress);
  const after = usedPos(now.usedAddress);
  const marked = (dirt?.ranges ?? []).filter((d) => d.formulas).map((d) => d.pos);
  const covered = (p: RangePos) => marked.some((m) => contains(m, p));
  const edges: RangePos[] = [];
  for (const [a, b] of [
    [before, after],
    [after, before],
  ] as const) {
    if (!a) continue;
    // cells in a but outside b: rows below / columns right of b's end (the used range grows down/right)
    if (!b) edges.push(a);
    else {
      if (a.end.row > b.end.row) edges.push({ start: { row: b.end.row + 1, column: a.start.column }, end: a.end });
      if (a.end.column > b.end.column) edges.push({ start: { row: a.start.row, column: b.end.column + 1 }, end: a.end });
      if (a.start.row < b.start.row || a.start.column < b.start.column) return 'full';
    }
  }
  const open = edges.filter((e) => !covered(e));
  return open.reduce((n, e) => n + cellCount(e), 0) <= MAX_EDGE_CELLS ? open : 'full';
}

/** Walks on from a synced chain: more sheets than the chain cost one more sync each. */
async function finishWalk(context: Excel.RequestContext, state: ReadState, first: SheetLoad[]): Promise<Walked[]> {
  let loads = first;
  const sheets: Walked[] = [];
  for (;;) {
    let ended = false;
    for (const load of loads) {
      if (load.sheet.isNullObject) {
        ended = true;
        break;
      }
      sheets.push(walked(load));
    }
    if (ended) break;
    loads = queueChain(loads[loads.length - 1].sheet.getNextOrNullObject(), Math.max(MIN_CHAIN, state.chainLength));
    await context.sync();
  }
  state.chainLength = sheets.length + SPARE_SHEETS;
  return sheets;
}

/** The dirty ranges of known sheets, as loads for the walk's sync (clipped to Excel's grid). */
function dirtyLoads(cache: SnapshotCache): Block[] {
  const out: Block[] = [];
  for (const s of cache.sheets ?? []) {
    const dirt = cache.dirtOf(s.name);
    if (!dirt || dirt.whole) continue;
    for (const d of dirt.ranges) out.push({ sheet: s.name, pos: d.pos, formulas: d.formulas, ...(d.rowBytes !== undefined ? { rowBytes: d.rowBytes } : {}) });
  }
  return out;
}

/** A read whose first sync (the walk) is queued; call `finish` after that sync. */
export interface StartedRead {
  finish(): Promise<WorkbookSnapshot>;
  /** The request's definitions were queued with the walk (see startRead). */
  withDefinitions: boolean;
}

/**
 * Queues the walk and the cells of small change marks on `context` without syncing, so
 * that the adapter can send them with its last write (one round trip for a typed score).
 * Not for hosts that refused the chain (`state.listFirst`): use `readWorkbook`.
 */
export function startRead(
  context: Excel.RequestContext,
  request: SnapshotRequest,
  state: ReadState,
  cache: SnapshotCache,
  budget: number,
  previous: CachedSheet[] = [],
  withMarks = true,
  definitionsAlong = true,
): StartedRead {
  const marked = dirtyLoads(cache);
  // values of dependents: estimated from what the cache holds there now (recalculation
  // rarely makes a value much longer); changed cells (values and formulas) may hold anything
  // now: at least what a cell cost so far on the densest sheet, plus twice what the
  // adapter's own writes sent (their values and formulas come back); all within a quarter
  // of the budget. An estimate Excel still refuses is read again without the marks.
  const estimate = marked.reduce((n, b) => {
    const cached = cache.estimateBytes(b.sheet, b.pos, b.formulas);
    const perCell = b.formulas ? Math.max(state.bytesPerCell, ...state.sheetBytesPerCell.values()) : 0;
    const written = (b.rowBytes ?? 0) * (b.pos.end.row - b.pos.start.row + 1);
    return n + Math.max(cached, cellCount(b.pos) * perCell, written);
  }, cache.writtenBytes * 2);
  const alongside = withMarks && estimate <= budget / 4 ? marked : [];
  const worksheets = context.workbook.worksheets;
  const chain = queueChain(worksheets.getFirst(), state.chainLength);
  const cellLoads = alongside.map((b) => queueCells(worksheets, b.sheet, b.pos, b.formulas, true));
  const dateProbe = queueDateProbe(context, state);
  // the team's names, rules and comments (a factor removal's question): with the walk, for the
  // sheets the cache knows; used when the walk finds the same sheets (else read after it)
  const known = (cache.sheets ?? []).map((x) => x.name);
  const definitions = request.definitions && definitionsAlong && known.length ? queueDefinitions(context, known, state.supports) : undefined;
  return {
    withDefinitions: definitions !== undefined,
    finish: async () => {
      takeDateProbe(dateProbe, state);
      const sheets = await finishWalk(context, state, chain);
      for (const l of cellLoads) takeCells(l, cache, state);
      const same = definitions && definitions.sheets.length === sheets.length && definitions.sheets.every((name, i) => name === sheets[i].name);
      return finishRead(context, request, state, cache, budget, sheets, alongside.length ? [] : marked, previous, same ? definitions : undefined);
    },
  };
}

async function finishRead(
  context: Excel.RequestContext,
  request: SnapshotRequest,
  state: ReadState,
  cache: SnapshotCache,
  budget: number,
  sheets: Walked[],
  unread: Block[],
  previous?: CachedSheet[],
  queuedDefinitions?: QueuedDefinitions,
): Promise<WorkbookSnapshot> {
  const old = cache.sheets ?? [];
  const full: Walked[] = [];
  const edges: Block[] = [];
  const next: CachedSheet[] = sheets.map((w) => {
    const cached = old.find((s) => s.name.toLowerCase() === w.name.toLowerCase());
    const dirt = cache.dirtOf(w.name);
    const extra = dirt?.whole ? 'full' : extraReads(cached, w, cache);
    if (!cached || extra === 'full') {
      full.push(w);
      return { name: w.name, id: w.id, hidden: w.hidden, values: [], formulas: [], usedAddress: w.usedAddress, protection: w.protection };
    }
    if (!sameProtection(cached.protection, w.protection)) cached.unlocked = undefined;
    cached.protection = w.protection;
    cached.name = w.name;
    cached.id = w.id;
    cached.hidden = w.hidden;
    cached.usedAddress = w.usedAddress;
    for (const pos of extra) edges.push({ sheet: w.name, pos, formulas: true });
    return cached;
  });
  cache.sheets = next;
  const isFull = (sheet: string) => full.some((f) => f.name.toLowerCase() === sheet.toLowerCase());
  const known = (sheet: string) => next.some((f) => f.name.toLowerCase() === sheet.toLowerCase());
  const rest = [...unread.filter((b) => known(b.sheet) && !isFull(b.sheet)), ...edges];
  // a sheet read in full after the adapter's own writes (its used range moved): what was
  // written there comes back too, beyond what the cache held (per row: ranges down most of
  // the sheet count in full, an upper bound; a range of a few rows, such as the formula stamp's
  // long texts in a few cells, is spread over the sheet's rows instead of added to every row)
  const written = (sheet: string, usedAddress: string) => {
    const dirt = cache.dirtOf(sheet);
    const sheetRows = usedAddress ? Math.max(1, parseRange(usedAddress).end.row) : 1;
    const rowsOf = (p: RangePos) => p.end.row - p.start.row + 1;
    const bytes =
      dirt && !dirt.whole ? dirt.ranges.reduce((n, d) => n + (d.rowBytes ?? 0) * (rowsOf(d.pos) >= sheetRows / 2 ? 1 : rowsOf(d.pos) / sheetRows), 0) : 0;
    return bytes ? { rowBytes: bytes } : {};
  };
  const withCells = full.filter((w) => w.usedAddress);
  // formulas from the formula stamp where the sheet's formula cells match it; "Opnieuw controleren" reads every formula back
  const stamped = request.verifyFormulas
    ? new Map<string, readonly StampRun[]>()
    : await stampedFormulas(
        context,
        withCells.map((w) => w.name),
        sheets.map((w) => w.name),
        state,
      );
  const fullBlocks: Block[] = withCells.map((w) => ({
    sheet: w.name,
    pos: parseRange(w.usedAddress),
    formulas: !stamped.has(w.name.toLowerCase()),
    ...written(w.name, w.usedAddress),
  }));
  cache.clearDirt();
  const blocks: Block[] = [...fullBlocks, ...rest];
  if (blocks.length) await readBlocks(context, blocks, cache, state, budget, [...old, ...(previous ?? [])]);
  // the stamped sheets' formulas are built when something uses them (most reads never do: a typed score, a check)
  for (const s of next) {
    const runs = stamped.get(s.name.toLowerCase());
    if (runs) setStampedFormulas(s, runs);
  }
  await readLockState(context, next, full);
  await readMerges(context, next, full, state);
  const snapshot = cache.toSnapshot();
  if (request.validationTargets) {
    snapshot.validations = await readValidations(context, snapshot, request.validationTargets(snapshot));
  }
  if (request.definitions) {
    try {
      snapshot.definitions = queuedDefinitions
        ? await queuedDefinitions.finish()
        : await readDefinitions(
            context,
            snapshot.sheets.map((s) => s.name),
            state.supports,
          );
    } catch (err) {
      // a host that refuses part of it (an older Excel, a kind of format it cannot describe): the question says what it could not check
      if (officeErrorCode(err) === 'InvalidOperationInCellEditMode') throw err;
      snapshot.definitions = { names: [], rules: [], unread: ['names', 'conditionalFormats', 'validations'] };
    }
  }
  return snapshot;
}

/**
 * One read of the snapshot through `cache` (see the file comment): the walk with the
 * cells of small change marks in one sync, then full reads where needed.
 * `request.fresh` drops what the cache knows; `request.verifyFormulas` also reads every formula back.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  request: SnapshotRequest,
  state: ReadState,
  cache: SnapshotCache,
  budget: number,
): Promise<WorkbookSnapshot> {
  const snapshot = await readSheets(context, request, state, cache, budget);
  return state.date1904 ? { ...snapshot, date1904: true } : snapshot;
}

async function readSheets(
  context: Excel.RequestContext,
  request: SnapshotRequest,
  state: ReadState,
  cache: SnapshotCache,
  budget: number,
): Promise<WorkbookSnapshot> {
  // a fresh read forgets the cells but sizes its blocks by what they cost last time
  const fresh = request.fresh === true || request.verifyFormulas === true;
  const previous = fresh ? (cache.sheets ?? []) : [];
  if (fresh) cache.reset();
  if (request.afterApply && cache.freshAfterApply && !fresh && !request.changed?.length && !request.validationTargets && !request.definitions) {
    cache.freshAfterApply = false;
    return cache.toSnapshot();
  }
  cache.freshAfterApply = false;
  if (state.listFirst) {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const loads = worksheets.items.map((s) => queueSheet(s));
    const dateProbe = queueDateProbe(context, state);
    await context.sync();
    takeDateProbe(dateProbe, state);
    return finishRead(context, request, state, cache, budget, loads.map(walked), dirtyLoads(cache), previous);
  }
  let started = startRead(context, request, state, cache, budget, previous);
  try {
    await context.sync();
  } catch (first) {
    let err = first;
    if (started.withDefinitions && officeErrorCode(err) !== 'InvalidOperationInCellEditMode') {
      // the definitions sent with the walk were refused (a sheet gone since, a host that cannot
      // give some of them): walk without them; they are read after it, as on their own
      started = startRead(context, request, state, cache, budget, previous, true, false);
      let walked = false;
      try {
        await context.sync();
        walked = true;
      } catch (again) {
        err = again;
      }
      if (walked) return started.finish();
    }
    if (!isTooLarge(err)) throw isChainRefusal(err) ? new ChainRefused(err) : err;
    // the changed cells grew past the estimate: walk alone, then read them in sized blocks
    started = startRead(context, request, state, cache, budget, previous, false, false);
    await context.sync();
  }
  return started.finish();
}

function sheetNamed(snapshot: WorkbookSnapshot, name: string): string | undefined {
  const lower = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === lower)?.name;
}

async function readValidations(context: Excel.RequestContext, snapshot: WorkbookSnapshot, targets: RangeRef[]): Promise<ValidationSnapshot[]> {
  const loads: { target: RangeRef; dv: Excel.DataValidation | null }[] = [];
  const proxies = new Map<string, Excel.Worksheet>();
  for (const target of targets) {
    const sheet = sheetNamed(snapshot, target.sheet);
    if (!sheet) {
      loads.push({ target, dv: null }); // a sheet that does not exist has no validation: rule null, as every adapter answers
      continue;
    }
    let proxy = proxies.get(sheet);
    if (!proxy) {
      proxy = context.workbook.worksheets.getItem(sheet);
      proxies.set(sheet, proxy);
    }
    const dv = proxy.getRange(target.range).dataValidation;
    dv.load('type,rule,errorAlert,prompt');
    loads.push({ target, dv });
  }
  if (loads.some((l) => l.dv)) await context.sync();
  return loads.map(({ target, dv }) => ({
    sheet: target.sheet,
    range: target.range,
    rule: dv ? fromOfficeValidation(dv.type, dv.rule, dv.errorAlert, dv.prompt) : null,
  }));
}

// ---- protection ---------------------------------------------------------------------------

function sameProtection(a: Walked['protection'] | undefined, b: Walked['protection']): boolean {
  return !!a && a.protected === b.protected && a.allowFormatCells === b.allowFormatCells && a.allowFormatColumns === b.allowFormatColumns;
}

/** Cells whose lock state is read per cell in one sync (about 45 response bytes each: under 5 MB). */
const LOCK_CELLS_PER_SYNC = 80_000;

/**
 * The unlocked cells of every PROTECTED sheet (the protection guard needs them before a
 * write; Excel refuses a write to a locked cell of a protected sheet): the used range
 * including formatted cells, whose `format.protection.locked` (ExcelApi 1.2) is true,
 * false or null (mixed); a mixed range is read per cell with `getCellProperties`
 * (ExcelApi 1.9) in row blocks of at most LOCK_CELLS_PER_SYNC cells. Costs nothing when
 * no sheet is protected; read again only after a full read of the sheet or a change of
 * its protection. Unprotected sheets are not read (their lock state takes no effect;
 * the engine then prepares new rows without copying a lock state).
 */
async function readLockState(context: Excel.RequestContext, sheets: CachedSheet[], full: Walked[]): Promise<void> {
  const todo = sheets.filter((s) => s.protection?.protected && (s.unlocked === undefined || full.some((f) => f.name.toLowerCase() === s.name.toLowerCase())));
  if (!todo.length) return;
  const loads = todo.map((s) => {
    const used = context.workbook.worksheets.getItem(s.name).getUsedRangeOrNullObject(false);
    used.load('address');
    used.format.protection.load('locked');
    return { s, used };
  });
  await context.sync();
  const mixed: { s: CachedSheet; pos: RangePos }[] = [];
  for (const { s, used } of loads) {
    if (used.isNullObject) s.unlocked = [];
    else {
      const pos = parseRange(used.address);
      const locked = used.format.protection.locked;
      if (locked === true) s.unlocked = [];
      else if (locked === false) s.unlocked = [rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column)];
      else {
        s.unlocked = [];
        mixed.push({ s, pos });
      }
    }
  }
  for (const { s, pos } of mixed) {
    const width = pos.end.column - pos.start.column + 1;
    const rowsPerSync = Math.max(1, Math.floor(LOCK_CELLS_PER_SYNC / width));
    for (let top = pos.start.row; top <= pos.end.row; top += rowsPerSync) {
      const bottom = Math.min(pos.end.row, top + rowsPerSync - 1);
      const range = context.workbook.worksheets.getItem(s.name).getRange(rangeAddress(top, pos.start.column, bottom, pos.end.column));
      const props = range.getCellProperties({ format: { protection: true } });
      await context.sync();
      s.unlocked!.push(...unlockedOf(props.value, top, pos.start.column));
    }
  }
}

/** Unlocked cells of a getCellProperties grid whose top-left is (top, left), as A1 ranges (runs per row, equal runs of adjacent rows joined). */
function unlockedOf(grid: Excel.CellProperties[][], top: number, left: number): string[] {
  const out: { top: number; bottom: number; first: number; last: number }[] = [];
  const open = new Map<string, { top: number; bottom: number; first: number; last: number }>();
  grid.forEach((line, i) => {
    const row = top + i;
    let start = -1;
    for (let j = 0; j <= line.length; j++) {
      const unlocked = j < line.length && line[j]?.format?.protection?.locked === false;
      if (unlocked && start < 0) start = j;
      if (!unlocked && start >= 0) {
        const first = left + start;
        const last = left + j - 1;
        const k = `${first}:${last}`;
        const cur = open.get(k);
        if (cur && cur.bottom === row - 1) cur.bottom = row;
        else {
          const box = { top: row, bottom: row, first, last };
          open.set(k, box);
          out.push(box);
        }
        start = -1;
      }
    }
  });
  return out.map((b) => rangeAddress(b.top, b.first, b.bottom, b.last));
}

// ---- merged cells ---------------------------------------------------------------------------

/** Range.getMergedAreasOrNullObject needs ExcelApi 1.13. */
const MERGED_AREAS_API = '1.13';

/**
 * The merged areas of every sheet read in full now, or never read: the engine never merges
 * cells, so every merge is the team's and is not written into (CELL_OCCUPIED). One sync
 * for all of them (Range.getMergedAreasOrNullObject on the whole sheet, ExcelApi 1.13);
 * a sheet Excel refuses (it gives at most 512 merged areas) is read alone and, when it
 * still fails, kept without merges. An Excel without ExcelApi 1.13 reads no merges (then
 * the snapshot has none, as before). Sheets read from the cache keep what was read.
 */
async function readMerges(context: Excel.RequestContext, sheets: CachedSheet[], full: Walked[], state: ReadState): Promise<void> {
  if (!state.supports?.('ExcelApi', MERGED_AREAS_API)) return;
  const todo = sheets.filter((s) => s.merges === undefined || full.some((f) => f.name.toLowerCase() === s.name.toLowerCase()));
  if (!todo.length) return;
  const queue = (list: CachedSheet[]) =>
    list.map((s) => {
      const merged = context.workbook.worksheets.getItem(s.name).getRange().getMergedAreasOrNullObject();
      merged.load('address');
      return { s, merged };
    });
  const take = ({ s, merged }: { s: CachedSheet; merged: Excel.RangeAreas }) => {
    s.merges = merged.isNullObject ? [] : areasOf(merged.address);
  };
  const loads = queue(todo);
  try {
    await context.sync();
    loads.forEach(take);
    return;
  } catch (err) {
    if (officeErrorCode(err) === 'InvalidOperationInCellEditMode') throw err;
  }
  for (const s of todo) {
    const [one] = queue([s]);
    try {
      await context.sync();
      take(one);
    } catch (err) {
      if (officeErrorCode(err) === 'InvalidOperationInCellEditMode') throw err;
      s.merges = [];
    }
  }
}

/** DATE(1904,1,1) in the 1904 date system: day 0. */
const DATE_PROBE_1904 = 0;

/**
 * Queues the date-system probe: Excel's own DATE(1904,1,1) evaluated by the workbook's
 * calculation engine through the worksheet Functions API (`workbook.functions`, ExcelApi
 * 1.2, released in every Excel the add-in runs in; nothing is written to the workbook).
 * Rule (Microsoft, "Date systems in Excel"): the 1900 system counts 1 January 1900 as
 * day 1, so 1 January 1904 is 1462; the 1904 system counts 1 January 1904 as day 0
 * (the difference between the systems is 1,462 days). Replaces `Workbook.use1904DateSystem`,
 * which is only in the preview API set, so released Excel never had it.
 * Returns null when the date system is already known this session.
 */
function queueDateProbe(context: Excel.RequestContext, state: ReadState): Excel.FunctionResult<number> | null {
  if (state.date1904 !== undefined) return null;
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load('value,error');
  return probe;
}

/**
 * Reads the probe after its sync: 0 means the 1904 date system. Anything else, including
 * a probe Excel could not evaluate (`error` set), keeps the 1900 system, Excel's default
 * on Windows, the web and the Mac since Excel 2011.
 */
function takeDateProbe(probe: Excel.FunctionResult<number> | null, state: ReadState): void {
  if (!probe) return;
  state.date1904 = !probe.error && probe.value === DATE_PROBE_1904;
}

/**
 * A hand-written fake of the Excel JavaScript API objects the Office adapter uses, for
 * what office-addin-mock cannot model: methods with arguments that create objects
 * (getRange(address), getUsedRangeOrNullObject, getNextOrNullObject, worksheets.add),
 * null objects, a queue that runs in order at sync time, payload limits, and errors.
 *
 * Honest in the ways that matter for the adapter:
 *  - nothing happens until `context.sync()`: writes, loads and lookups are queued and run
 *    in order at the sync (so `add` then `getItem` in one batch works, and a load sees the
 *    writes queued before it);
 *  - reading a property that was not loaded, or before its sync, returns the same
 *    sentinel strings as office-addin-mock AND is recorded in `book.sentinelReads`;
 *  - every sync is counted (`book.syncs`), with its request size (`book.requestBytes`);
 *    a request over 5 MB fails with RequestPayloadSizeLimitExceeded, a response over 5 MB
 *    with ResponsePayloadSizeLimitExceeded;
 *  - `Range.formulas` parses strings like typing (core's parseEntry, as the memory
 *    adapter does): "'=x" is the text "=x", "=x" a formula, "12" a number;
 *  - writing a matrix whose size differs from the range's fails (InvalidArgument), as in
 *    Excel; setting a validation rule on cells that have one fails unless cleared first;
 *  - sheet protection as Excel enforces it: on a protected sheet a write to a locked cell,
 *    a format (unless allowFormatCells), a column width (unless allowFormatColumns), a lock
 *    state or a data validation fails with AccessDenied ("You cannot perform the requested
 *    operation."), and nothing of that request after it runs.
 */
import { parseEntry } from '../../../src/core/textSafety';
import { formulaCopier, shiftColumn, shiftFormula, shiftRange, type ColumnShift } from '../../../src/core/columnShift';
import { columnNumber, parseRange, rangeAddress, sheetRef, type RangePos } from '../../../src/core/a1';

const NOT_LOADED = 'Error, property was not loaded';
const NOT_SYNCED = 'Error, context.sync() was not called';

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
}

interface FakeRule {
  id: number;
  rule?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
}

/** A defined name as Excel keeps it: its formula with "=", and the sheet it is local to (absent: the workbook). */
export interface FakeNameData {
  name: string;
  formula: string;
  scope?: string;
}

/** A conditional format: its ranges (A1, no sheet), its kind, and its formulas where the kind has them. */
export interface FakeConditionalFormat {
  ranges: string[];
  type: 'Custom' | 'CellValue' | 'ColorScale';
  /** Custom: the rule's formula; CellValue: formula1. */
  formula?: string;
  /** CellValue: formula2 (between). */
  formula2?: string;
}

let nextSheetId = 1;

export class FakeSheet {
  /** Stable id, like Office's worksheet id (change events name sheets by id). */
  readonly id = `{fake-sheet-${nextSheetId++}}`;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<string, FakeCell>();
  readonly validations = new Map<string, FakeRule>();
  readonly formats: { address: string; prop: string; value: unknown }[] = [];
  readonly numberFormats = new Map<string, string>();
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points (format.rowHeight of whole rows). */
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  readonly charts: FakeChartData[] = [];
  /** Controleren > Blad beveiligen, with what stays allowed. */
  protection: { protected: boolean; allowFormatCells?: boolean; allowFormatColumns?: boolean } = { protected: false };
  /** Cells whose format says unlocked ("row,column"); every other cell is locked, Excel's default. */
  readonly unlocked = new Set<string>();
  /**
   * Pagina-indeling as Worksheet.pageLayout (ExcelApi 1.9) reports it; Excel's defaults:
   * portrait, 100%, no print area, no print titles. Addresses as Excel gives them back.
   */
  /** Merged areas (Start > Samenvoegen en centreren), as the team made them. */
  readonly merges: RangePos[] = [];
  /** Conditional formats (Start > Voorwaardelijke opmaak), as the team made them. */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Comments (Controleren > Nieuwe opmerking): cell (A1) and the first entry's content; they move and go with their cell. */
  readonly comments: { cell: string; content: string }[] = [];
  /** Notes (Controleren > Notities), the older kind: the same shape, listed apart by Office.js (Worksheet.notes, ExcelApi 1.18). */
  readonly notes: { cell: string; content: string }[] = [];
  pageLayout: FakePageLayoutData = { orientation: 'Portrait', zoom: { scale: 100 }, printArea: null, printTitleRows: null };

  constructor(public name: string) {}

  /** Protects the sheet as a team does in Excel. */
  protect(options: { allowFormatCells?: boolean; allowFormatColumns?: boolean } = {}): this {
    this.protection = { protected: true, ...options };
    return this;
  }

  /** Unlocks cells (Cellen opmaken > Bescherming), as a team does before protecting. */
  unlock(range: string): this {
    for (const [r, c] of cellsOf(parseRange(range))) this.unlocked.add(FakeSheet.key(r, c));
    return this;
  }

  /** Merges cells as a team does in Excel, which keeps only the upper-left cell's content. */
  merge(range: string): this {
    const pos = parseRange(range);
    for (const [r, c] of cellsOf(pos)) if (r !== pos.start.row || c !== pos.start.column) this.cells.delete(FakeSheet.key(r, c));
    this.merges.push(pos);
    return this;
  }

  /**
   * Throws like Excel on a write that covers part of a merged area ("We can't do that to a
   * merged cell."); a write over the whole area is allowed.
   */
  guardMerges(pos: RangePos): void {
    for (const m of this.merges) {
      const meets = overlaps(m, pos);
      const whole = pos.start.row <= m.start.row && m.end.row <= pos.end.row && pos.start.column <= m.start.column && m.end.column <= pos.end.column;
      if (meets && !whole) throw new FakeOfficeError('InvalidOperation', "We can't do that to a merged cell.");
    }
  }

  isLocked(row: number, column: number): boolean {
    return !this.unlocked.has(FakeSheet.key(row, column));
  }

  /** Throws like Excel when the protection forbids `what` on `pos`. */
  guard(what: 'cells' | 'format' | 'columnWidth' | 'rowHeight' | 'lock' | 'validation', pos: RangePos): void {
    if (!this.protection.protected) return;
    const refused =
      what === 'cells'
        ? cellsOf(pos).some(([r, c]) => this.isLocked(r, c))
        : what === 'format'
          ? !this.protection.allowFormatCells
          : what === 'columnWidth'
            ? !this.protection.allowFormatColumns
            : true;
    if (refused) throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
  }

  static key(row: number, column: number): string {
    return `${row},${column}`;
  }

  cell(address: string): FakeCell | undefined {
    const { start } = parseRange(address);
    return this.cells.get(FakeSheet.key(start.row, start.column));
  }

  /** Seeds cells from (row, column): strings starting with "=" are formulas (value 0). */
  setGrid(topLeft: string, rows: (string | number | boolean | null)[][]): this {
    const { start } = parseRange(topLeft);
    rows.forEach((line, i) =>
      line.forEach((v, j) => {
        const k = FakeSheet.key(start.row + i, start.column + j);
        if (v === null || v === '') this.cells.delete(k);
        else if (typeof v === 'string' && v.startsWith('=')) this.cells.set(k, { value: 0, formula: v });
        else this.cells.set(k, { value: v });
      }),
    );
    return this;
  }

  /** The values-only used range, or null when the sheet holds nothing. */
  usedBounds(within?: RangePos): RangePos | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = 0;
    let c2 = 0;
    for (const [k, c] of this.cells) {
      if (c.value === '' && !c.formula) continue;
      const [r, col] = k.split(',').map(Number);
      if (within && (r < within.start.row || r > within.end.row || col < within.start.column || col > within.end.column)) continue;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, col);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, col);
    }
    return r2 === 0 ? null : { start: { row: r1, column: c1 }, end: { row: r2, column: c2 } };
  }

  /** The used range with formatted cells (here: unlocked cells) too, as getUsedRange(false). */
  usedBoundsWithFormats(): RangePos | null {
    const values = this.usedBounds();
    const keys = [...this.unlocked].map((k) => k.split(',').map(Number));
    for (const m of this.merges) keys.push([m.start.row, m.start.column], [m.end.row, m.end.column]);
    if (!keys.length) return values;
    const rows = keys.map(([r]) => r);
    const cols = keys.map(([, c]) => c);
    const start = { row: Math.min(...rows, values?.start.row ?? Infinity), column: Math.min(...cols, values?.start.column ?? Infinity) };
    const end = { row: Math.max(...rows, values?.end.row ?? 0), column: Math.max(...cols, values?.end.column ?? 0) };
    return { start, end };
  }
}

export interface FakePageLayoutData {
  orientation: 'Portrait' | 'Landscape';
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  /** "Blad!A1:J105" (Excel's RangeAreas.address), null when none. */
  printArea: string | null;
  /** "Blad!5:7" (Excel's Range.address of whole rows), null when none. */
  printTitleRows: string | null;
}

/** parseRange plus whole columns ("A:A", "C:E") and whole rows ("3:3"). */
function parseAddress(address: string): RangePos {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(bare);
  if (cols) return { start: { row: 1, column: columnNumber(cols[1]) }, end: { row: MAX_ROWS, column: columnNumber(cols[2]) } };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(bare);
  if (rows) return { start: { row: Number(rows[1]), column: 1 }, end: { row: Number(rows[2]), column: MAX_COLUMNS } };
  try {
    return parseRange(bare);
  } catch {
    throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
  }
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** Action overhead per statement in the fake's request size. */
const ACTION_BYTES = 100;

type Action = () => void;

export class FakeBook {
  readonly sheets: FakeSheet[] = [];
  /** context.sync() calls, all runs together. */
  syncs = 0;
  /** Excel.run calls. */
  runs = 0;
  /** Request bytes of each successful or failed sync, in order. */
  readonly requestBytes: number[] = [];
  /** Syncs Excel refused because their response would pass the limit (the reader then reads less). */
  refusedResponses = 0;
  /** Response bytes (JSON of every loaded property) of each sync that ran, in order. */
  readonly responseBytes: number[] = [];
  /** Property reads that returned a sentinel (a missing load or sync): must stay empty. */
  readonly sentinelReads: string[] = [];
  /** Every Range.formulas write as it reached Excel, in order; a Range.copyFrom of formulas too (`copied`: the formulas it made, none sent). */
  readonly formulaWrites: { sheet: string; address: string; entries: unknown[][]; copied?: boolean }[] = [];
  /** What the user saw: activate/select calls. */
  readonly uiEvents: string[] = [];
  /** The next n syncs fail because the user is editing a cell. */
  cellEditFailures = 0;
  /** Methods on null objects throw (a host that does not propagate null objects). */
  nullChainThrows = false;
  payloadLimit = 5_000_000;
  /** Called after each successful sync with its number (a co-author's moment). */
  afterSync?: (syncNumber: number, book: FakeBook) => void;
  /** The workbook counts dates from 1904 (Excel: Opties > Geavanceerd > 1904-datumsysteem gebruiken). */
  date1904 = false;
  /** Worksheet functions evaluated (workbook.functions), all runs together. */
  functionEvaluations = 0;
  /** When set, every worksheet function evaluates to this error ("#VALUE!"). */
  functionError: string | null = null;
  /** Options passed to each run (mergeUndoGroup...). */
  readonly runOptions: unknown[] = [];
  private nextRuleId = 1;
  /** Defined names (Formules > Namen beheren), the workbook's and the sheets' own. */
  readonly names: FakeNameData[] = [];
  /** Loading names fails (GeneralException), as on a host that cannot give them. */
  namesRefused = false;

  constructor(sheetNames: string[] = ['Blad1']) {
    for (const n of sheetNames) this.sheets.push(new FakeSheet(n));
  }

  /**
   * A copy of this workbook as a new Excel session finds it: its sheets (cells, formats,
   * validations, names, everything a sheet holds, ids included) and settings (payload limit,
   * date system, refusals) deep-copied; the records of what happened (syncs, runs, bytes,
   * formula writes, sentinel reads, UI events, run options) start empty and `afterSync` is
   * not copied. Lets a suite build a big workbook once and give each test its own.
   */
  clone(): FakeBook {
    const copy = new FakeBook([]);
    const target = copy as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(this)) {
      if (typeof value === 'function' || FakeBook.RECORDS.has(key)) continue;
      target[key] = key === 'sheets' ? (structuredClone(value) as object[]).map((s) => Object.setPrototypeOf(s, FakeSheet.prototype)) : structuredClone(value);
    }
    return copy;
  }

  /** What `clone` leaves out: the records of what happened to this copy, not what it holds. */
  private static readonly RECORDS = new Set([
    'syncs',
    'runs',
    'requestBytes',
    'refusedResponses',
    'responseBytes',
    'sentinelReads',
    'formulaWrites',
    'uiEvents',
    'functionEvaluations',
    'runOptions',
  ]);

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * Whole columns inserted or deleted as Excel does it (Range.insert(right) / delete(left) on
   * columns): cells, formats, number formats, validations, widths, lock state, merges and the
   * print area of the sheet move; every formula and list source of the book follows (the rule
   * Excel follows, src/core/columnShift.ts). Throws like Excel when content would be pushed
   * off the sheet or the sheet is protected.
   */
  shiftColumns(target: FakeSheet, shift: ColumnShift): void {
    if (target.protection.protected) throw new FakeOfficeError('AccessDenied', 'The sheet is protected.');
    const move = <V>(map: Map<string, V>): [string, V][] => {
      const out: [string, V][] = [];
      for (const [k, v] of map) {
        const [r, c] = k.split(',').map(Number);
        const to = shiftColumn(c, shift);
        if (to === null) {
          if (shift.count > 0 && map === (target.cells as unknown))
            throw new FakeOfficeError('InvalidOperation', 'cannot shift nonblank cells off the worksheet');
          continue;
        }
        out.push([FakeSheet.key(r, to), v]);
      }
      return out;
    };
    const cells = move(target.cells);
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) if (cell.formula) cell.formula = shiftFormula(cell.formula, sheet.name, { ...shift, sheet: target.name });
      for (const v of new Set(sheet.validations.values())) {
        const list = v.rule?.list as { source?: unknown } | undefined;
        if (list && typeof list.source === 'string')
          list.source = list.source.startsWith('=') ? shiftFormula(list.source, sheet.name, { ...shift, sheet: target.name }) : list.source;
      }
    }
    const refill = <V>(map: Map<string, V>, entries: [string, V][]) => {
      map.clear();
      for (const [k, v] of entries) map.set(k, v);
    };
    refill(target.cells, cells);
    refill(target.validations, move(target.validations));
    refill(target.numberFormats, move(target.numberFormats));
    const unlocked = [...target.unlocked].map((k) => [k, true] as [string, boolean]);
    target.unlocked.clear();
    for (const [k] of move(new Map(unlocked))) target.unlocked.add(k);
    const widths = [...target.columnWidths].flatMap(([c, w]) => {
      const to = shiftColumn(c, shift);
      return to === null ? [] : [[to, w] as [number, number]];
    });
    target.columnWidths.clear();
    for (const [c, w] of widths) target.columnWidths.set(c, w);
    if (shift.count > 0 && shift.at > 1) {
      // a validation range the insert falls inside grows over the new columns (its sqref widens)
      for (const [k, v] of [...target.validations]) {
        const [r, c] = k.split(',').map(Number);
        if (c !== shift.at - 1 || target.validations.get(FakeSheet.key(r, shift.at + shift.count)) !== v) continue;
        for (let j = 0; j < shift.count; j++) target.validations.set(FakeSheet.key(r, shift.at + j), v);
      }
    }
    const formats = target.formats.flatMap((f) => {
      const address = shiftRange(f.address, shift);
      return address === null ? [] : [{ ...f, address }];
    });
    target.formats.splice(0, target.formats.length, ...formats);
    const merges = target.merges.flatMap((m) => {
      const a = shiftRange(rangeAddress(m.start.row, m.start.column, m.end.row, m.end.column), shift);
      return a === null ? [] : [parseRange(a)];
    });
    target.merges.splice(0, target.merges.length, ...merges);
    // names keep every reference with its sheet; one to a deleted cell becomes #REF! (Excel keeps the name)
    for (const n of this.names) n.formula = shiftFormula(n.formula, '\u0000', { ...shift, sheet: target.name });
    for (const sheet of this.sheets)
      for (const cf of sheet.conditionalFormats) {
        for (const k of ['formula', 'formula2'] as const) {
          const f = cf[k];
          if (f !== undefined) cf[k] = shiftFormula(f, sheet.name, { ...shift, sheet: target.name });
        }
      }
    const kept = target.conditionalFormats.flatMap((cf) => {
      const ranges = cf.ranges.map((r) => shiftRange(r, shift)).filter((r): r is string => r !== null);
      return ranges.length ? [{ ...cf, ranges }] : [];
    });
    target.conditionalFormats.splice(0, target.conditionalFormats.length, ...kept);
    const comments = target.comments.flatMap((c) => {
      const cell = shiftRange(c.cell, shift);
      return cell === null ? [] : [{ ...c, cell }];
    });
    target.comments.splice(0, target.comments.length, ...comments);
    const notes = target.notes.flatMap((c) => {
      const cell = shiftRange(c.cell, shift);
      return cell === null ? [] : [{ ...c, cell }];
    });
    target.notes.splice(0, target.notes.length, ...notes);
    const area = target.pageLayout.printArea;
    if (area) {
      const bare = shiftRange(area.slice(area.lastIndexOf('!') + 1), shift);
      target.pageLayout.printArea = bare === null ? null : `${sheetRef(target.name)}!${bare}`;
    }
  }

  newRuleId(): number {
    return this.nextRuleId++;
  }

  /** The `run` to hand to OfficeWorkbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  /** Counts syncs and runs of one operation. */
  async measure<T>(operation: () => Promise<T>): Promise<{ result: T; syncs: number; runs: number; sent: number; received: number; largest: number }> {
    const s0 = this.syncs;
    const r0 = this.runs;
    const q0 = this.requestBytes.length;
    const p0 = this.responseBytes.length;
    const result = await operation();
    const sentEach = this.requestBytes.slice(q0);
    const receivedEach = this.responseBytes.slice(p0);
    return {
      result,
      syncs: this.syncs - s0,
      runs: this.runs - r0,
      sent: sentEach.reduce((a, b) => a + b, 0),
      received: receivedEach.reduce((a, b) => a + b, 0),
      largest: Math.max(0, ...sentEach, ...receivedEach),
    };
  }

  recordSentinel(what: string): void {
    this.sentinelReads.push(what);
  }
}

/** A loaded property: queued until the sync that fills it. */
interface LoadSlot {
  synced: boolean;
  value: unknown;
}

class FakeContext {
  private queue: { action: Action; bytes: number }[] = [];
  private pendingLoads: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly book: FakeBook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(action: Action, bytes = ACTION_BYTES): void {
    this.queue.push({ action, bytes });
  }

  onSynced(done: () => void): void {
    this.pendingLoads.push(done);
  }

  async sync(): Promise<void> {
    const book = this.book;
    book.syncs++;
    const queue = this.queue;
    const loads = this.pendingLoads;
    this.queue = [];
    this.pendingLoads = [];
    const bytes = queue.reduce((n, q) => n + q.bytes, 0);
    book.requestBytes.push(bytes);
    await Promise.resolve();
    if (book.cellEditFailures > 0) {
      book.cellEditFailures--;
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'The user is editing a cell.');
    }
    if (bytes > book.payloadLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${bytes} bytes`);
    FakeContext.responseBytes = 0;
    for (const q of queue) q.action();
    if (FakeContext.responseBytes > book.payloadLimit) {
      book.refusedResponses++;
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded');
    }
    book.responseBytes.push(FakeContext.responseBytes);
    for (const done of loads) done();
    book.afterSync?.(book.syncs, book);
  }

  static responseBytes = 0;
}

/** Base of all proxies: loads, sentinel reads, null objects. */
abstract class FakeProxy<T> {
  private readonly slots = new Map<string, LoadSlot>();
  private nullSlot: LoadSlot | undefined;

  constructor(readonly context: FakeContext) {}

  /** The real object at execution time; null for a null object; throws for a missing item. */
  abstract resolve(): T | null;
  /** A property's value from the real object. */
  protected abstract readProp(target: T, prop: string): unknown;
  protected abstract describe(): string;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = (typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : Object.keys(props ?? {})).map((p) => p.trim()).filter(Boolean);
    if (!list.length) throw new Error('fake: load() without property names loads everything; name the properties');
    const slots = list.map((p) => {
      const slot: LoadSlot = { synced: false, value: undefined };
      this.slots.set(p, slot);
      return [p, slot] as const;
    });
    const nullSlot: LoadSlot = { synced: false, value: undefined };
    this.nullSlot = nullSlot;
    this.context.enqueue(() => {
      const target = this.resolve();
      nullSlot.value = target === null;
      for (const [p, slot] of slots) {
        slot.value = target === null ? null : this.readProp(target, p);
        FakeContext.responseBytes += bytesOf(slot.value);
      }
    });
    this.context.onSynced(() => {
      nullSlot.synced = true;
      for (const [, slot] of slots) slot.synced = true;
    });
    return this;
  }

  protected loaded(prop: string): unknown {
    const slot = this.slots.get(prop);
    if (!slot) {
      this.context.book.recordSentinel(`${this.describe()}.${prop} (not loaded)`);
      return NOT_LOADED;
    }
    if (!slot.synced) {
      this.context.book.recordSentinel(`${this.describe()}.${prop} (not synced)`);
      return NOT_SYNCED;
    }
    return slot.value;
  }

  get isNullObject(): boolean {
    if (!this.nullSlot?.synced) {
      this.context.book.recordSentinel(`${this.describe()}.isNullObject (before sync)`);
      return NOT_SYNCED as unknown as boolean;
    }
    return this.nullSlot.value as boolean;
  }

  /** Queues a write to the real object (throws at sync if it is missing or null). */
  protected write(bytes: number, apply: (target: T) => void): void {
    this.context.enqueue(() => {
      const target = this.resolve();
      if (target === null) throw new FakeOfficeError('InvalidOperation', `${this.describe()} is a null object`);
      apply(target);
    }, ACTION_BYTES + bytes);
  }
}

/** A proxy found at execution time by `locate` (null: a null object), named `path` in sentinel reports. */
abstract class LocatedProxy<T> extends FakeProxy<T> {
  constructor(
    context: FakeContext,
    protected readonly locate: () => T | null,
    protected readonly path: string,
  ) {
    super(context);
  }
  resolve(): T | null {
    return this.locate();
  }
  protected describe(): string {
    return this.path;
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: FakeFunctions;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.functions = new FakeFunctions(context);
  }
  /** workbook.names: the workbook-scoped names only (ExcelApi 1.1). */
  get names(): FakeNamedItems {
    return new FakeNamedItems(this.context, () => this.context.book.names.filter((n) => n.scope === undefined), 'workbook.names');
  }
}

/** A NamedItemCollection: `items/name` and `items/formula` load; its items are what was loaded. */
class FakeNamedItems extends LocatedProxy<FakeNameData[]> {
  protected readProp(list: FakeNameData[], prop: string): unknown {
    if (this.context.book.namesRefused) throw new FakeOfficeError('GeneralException', 'names refused');
    if (prop === 'items/name') return list.map((n) => n.name);
    if (prop === 'items/formula') return list.map((n) => n.formula);
    throw new Error(`fake: ${this.path} cannot load ${prop}`);
  }
  get items(): { name: string; formula: string }[] {
    const names = this.loaded('items/name');
    const formulas = this.loaded('items/formula');
    if (!Array.isArray(names) || !Array.isArray(formulas)) return [];
    return names.map((name: string, i) => ({ name, formula: formulas[i] as string }));
  }
}

/** A ConditionalFormatCollection of a range: `items/type` loads; each item is a FakeConditionalFormatProxy. */
class FakeConditionalFormats extends LocatedProxy<{ sheet: FakeSheet; list: FakeConditionalFormat[] }> {
  protected readProp(t: { list: FakeConditionalFormat[] }, prop: string): unknown {
    if (prop === 'items/type') return t.list.map((cf) => cf.type);
    throw new Error(`fake: ${this.path} cannot load ${prop}`);
  }
  get items(): FakeConditionalFormatProxy[] {
    const types = this.loaded('items/type');
    if (!Array.isArray(types)) return [];
    return types.map((type: string, i) => {
      const locate = () => {
        const t = this.locate();
        const cf = t?.list[i];
        return t && cf ? { sheet: t.sheet, cf } : null;
      };
      return new FakeConditionalFormatProxy(this.context, locate, `${this.path}[${i}]`, type);
    });
  }
}

class FakeConditionalFormatProxy extends LocatedProxy<{ sheet: FakeSheet; cf: FakeConditionalFormat }> {
  constructor(
    context: FakeContext,
    locate: () => { sheet: FakeSheet; cf: FakeConditionalFormat } | null,
    path: string,
    readonly type: string,
  ) {
    super(context, locate, path);
  }
  protected readProp(): unknown {
    throw new Error(`fake: ${this.path}: load through getRanges, custom or cellValue`);
  }
  private addressOf(multi: boolean): () => string | null {
    return () => {
      const t = this.locate();
      if (!t || (!multi && t.cf.ranges.length !== 1)) return null;
      return t.cf.ranges.map((r) => `${sheetRef(t.sheet.name)}!${r}`).join(',');
    };
  }
  /** ExcelApi 1.9: every range of the format, as a RangeAreas address. */
  getRanges(): FakeAddressed {
    return new FakeAddressed(this.context, this.addressOf(true), `${this.path}.getRanges()`);
  }
  /** ExcelApi 1.6: the format's range; a null object when it has several. */
  getRangeOrNullObject(): FakeAddressed {
    return new FakeAddressed(this.context, this.addressOf(false), `${this.path}.getRangeOrNullObject()`);
  }
  get custom(): { rule: FakeRuleProxy } {
    return { rule: new FakeRuleProxy(this.context, () => this.locate()?.cf ?? null, `${this.path}.custom.rule`) };
  }
  get cellValue(): FakeRuleProxy {
    return new FakeRuleProxy(this.context, () => this.locate()?.cf ?? null, `${this.path}.cellValue`);
  }
}

/** custom.rule (`formula`) and cellValue (`rule`: formula1, formula2) of a conditional format. */
class FakeRuleProxy extends LocatedProxy<FakeConditionalFormat> {
  protected readProp(cf: FakeConditionalFormat, prop: string): unknown {
    if (prop === 'formula' && cf.type === 'Custom') return cf.formula;
    if (prop === 'rule' && cf.type === 'CellValue')
      return { formula1: cf.formula, ...(cf.formula2 !== undefined ? { formula2: cf.formula2 } : {}), operator: 'GreaterThan' };
    throw new FakeOfficeError('InvalidArgument', `${this.path}.${prop} does not apply to a ${cf.type} format`);
  }
  get formula(): string {
    return this.loaded('formula') as string;
  }
  get rule(): { formula1: string; formula2?: string } {
    return this.loaded('rule') as { formula1: string; formula2?: string };
  }
}

/** A worksheet function's result (Excel.FunctionResult): `value` and `error` can be loaded. */
class FakeFunctionResult extends FakeProxy<{ value: unknown; error: string | null }> {
  constructor(
    context: FakeContext,
    private readonly evaluate: (book: FakeBook) => { value: unknown; error: string | null },
    private readonly path: string,
  ) {
    super(context);
  }
  resolve(): { value: unknown; error: string | null } {
    return this.evaluate(this.context.book);
  }
  protected describe(): string {
    return this.path;
  }
  protected readProp(result: { value: unknown; error: string | null }, prop: string): unknown {
    if (prop === 'value') return result.value;
    if (prop === 'error') return result.error;
    throw new Error(`fake: a function result cannot load ${prop}`);
  }
  get value(): unknown {
    return this.loaded('value');
  }
  get error(): string | null {
    return this.loaded('error') as string | null;
  }
}

/**
 * workbook.functions (ExcelApi 1.2), modelled for DATE only: evaluated at sync time in the
 * book's date system (`FakeBook.date1904`), as Excel's calculation engine does.
 */
class FakeFunctions {
  constructor(private readonly context: FakeContext) {}
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(
      this.context,
      (book) => {
        book.functionEvaluations++;
        if (book.functionError) return { value: book.functionError, error: book.functionError };
        // days since 1899-12-30 (1900 system, correct from March 1900) or since 1904-01-01
        const utc = Date.UTC(year, month - 1, day);
        const epoch = book.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
        const value = Math.round((utc - epoch) / 86_400_000);
        return value < 0 ? { value: '#NUM!', error: '#NUM!' } : { value, error: null };
      },
      `functions.date(${year},${month},${day})`,
    );
  }
}

class FakeWorksheetCollection extends FakeProxy<FakeBook> {
  private itemsValue: FakeWorksheet[] | undefined;

  resolve(): FakeBook {
    return this.context.book;
  }
  protected describe(): string {
    return 'worksheets';
  }
  protected readProp(book: FakeBook, prop: string): unknown {
    if (prop === 'items/name' || prop === 'items') return book.sheets.map((s) => s.name);
    throw new Error(`fake: worksheets cannot load ${prop}`);
  }

  override load(props?: string | string[] | Record<string, unknown>): this {
    super.load(props);
    this.context.onSynced(() => {
      const names = this.loaded('items/name') as string[];
      this.itemsValue = names.map((n) => {
        const ws = new FakeWorksheet(this.context, () => this.context.book.find(n) ?? null, `worksheets[${n}]`);
        ws.preload('name', n);
        return ws;
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsValue) {
      this.context.book.recordSentinel('worksheets.items (not loaded)');
      return [];
    }
    return this.itemsValue;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.context.book.find(name);
        if (!s) throw new FakeOfficeError('ItemNotFound', `no worksheet ${name}`);
        return s;
      },
      `worksheets.getItem(${name})`,
    );
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.find(name) ?? null, `worksheets.getItemOrNullObject(${name})`);
  }

  getFirst(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.context.book.sheets[0];
        if (!s) throw new FakeOfficeError('ItemNotFound');
        return s;
      },
      'worksheets.getFirst()',
    );
  }

  add(name: string): FakeWorksheet {
    this.context.enqueue(
      () => {
        if (this.context.book.find(name)) throw new FakeOfficeError('ItemAlreadyExists', `worksheet ${name} exists`);
        this.context.book.sheets.push(new FakeSheet(name));
      },
      ACTION_BYTES + bytesOf(name),
    );
    return this.getItem(name);
  }
}

class FakeWorksheet extends LocatedProxy<FakeSheet> {
  protected readProp(sheet: FakeSheet, prop: string): unknown {
    if (prop === 'name') return sheet.name;
    if (prop === 'visibility') return sheet.visibility;
    if (prop === 'id') return sheet.id;
    throw new Error(`fake: worksheet cannot load ${prop}`);
  }

  private preloaded = new Map<string, unknown>();
  preload(prop: string, value: unknown): void {
    this.preloaded.set(prop, value);
  }

  get name(): string {
    return (this.preloaded.has('name') ? this.preloaded.get('name') : this.loaded('name')) as string;
  }
  get visibility(): string {
    return this.loaded('visibility') as string;
  }
  get id(): string {
    return this.loaded('id') as string;
  }
  set visibility(v: string) {
    this.write(bytesOf(v), (s) => {
      s.visibility = v as FakeSheet['visibility'];
    });
  }

  /** A method on a null object: a null object again, or an error on a strict host. */
  private child<C>(locate: (sheet: FakeSheet) => C | null, what: string): () => C | null {
    return () => {
      const sheet = this.resolve();
      if (sheet === null) {
        if (this.context.book.nullChainThrows) throw new FakeOfficeError('InvalidArgument', `${what} on a null object`);
        return null;
      }
      return locate(sheet);
    };
  }

  getNextOrNullObject(): FakeWorksheet {
    const locate = this.child((sheet) => {
      const sheets = this.context.book.sheets;
      return sheets[sheets.indexOf(sheet) + 1] ?? null;
    }, 'getNextOrNullObject');
    return new FakeWorksheet(this.context, locate, `${this.path}.next`);
  }

  /** getRange(): the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    const whole = { start: { row: 1, column: 1 }, end: { row: MAX_ROWS, column: MAX_COLUMNS } };
    const locate = this.child((sheet) => ({ sheet, pos: address === undefined ? whole : parseAddress(address) }), 'getRange');
    return new FakeRange(this.context, locate, `${this.path}.getRange(${address})`);
  }

  get protection(): FakeWorksheetProtection {
    return new FakeWorksheetProtection(
      this.context,
      this.child((s) => s, 'protection'),
      `${this.path}.protection`,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const locate = this.child((sheet) => {
      const pos = valuesOnly ? sheet.usedBounds() : sheet.usedBoundsWithFormats();
      return pos ? { sheet, pos } : null;
    }, 'getUsedRangeOrNullObject');
    return new FakeRange(this.context, locate, `${this.path}.usedRange`);
  }

  activate(): void {
    this.write(0, (s) => this.context.book.uiEvents.push(`activate ${s.name}`));
  }

  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this);
  }

  get pageLayout(): FakePageLayout {
    return new FakePageLayout(
      this.context,
      this.child((s) => s, 'pageLayout'),
      `${this.path}.pageLayout`,
    );
  }

  /** Worksheet.comments (ExcelApi 1.10): the sheet's comments. */
  get comments(): FakeComments {
    return new FakeComments(
      this.context,
      this.child((s) => ({ sheet: s.name, list: s.comments }), 'comments'),
      `${this.path}.comments`,
    );
  }

  /** Worksheet.notes (ExcelApi 1.18): the sheet's notes. */
  get notes(): FakeComments {
    return new FakeComments(
      this.context,
      this.child((s) => ({ sheet: s.name, list: s.notes }), 'notes'),
      `${this.path}.notes`,
    );
  }

  /** Worksheet.names (ExcelApi 1.4): the names local to this sheet. */
  get names(): FakeNamedItems {
    return new FakeNamedItems(
      this.context,
      this.child((s) => this.context.book.names.filter((n) => n.scope !== undefined && n.scope.toLowerCase() === s.name.toLowerCase()), 'names'),
      `${this.path}.names`,
    );
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(
      this.context,
      this.child((s) => s, 'charts'),
      `${this.path}.charts`,
    );
  }
}

/** An object with only an address to load (a print area's RangeAreas, print title rows). */
/**
 * A CommentCollection (ExcelApi 1.10) or NoteCollection (1.18): `items/content` loads; each
 * item's getLocation() gives its cell's address, read at the next sync.
 */
class FakeComments extends LocatedProxy<{ sheet: string; list: { cell: string; content: string }[] }> {
  protected readProp(t: { list: { cell: string; content: string }[] }, prop: string): unknown {
    if (prop === 'items/content') return t.list.map((c) => c.content);
    throw new Error(`fake: ${this.path} cannot load ${prop}`);
  }
  get items(): { content: string; getLocation(): FakeAddressed }[] {
    const contents = this.loaded('items/content');
    if (!Array.isArray(contents)) return [];
    return contents.map((content: string, i) => ({
      content,
      getLocation: () =>
        new FakeAddressed(
          this.context,
          () => {
            const t = this.locate();
            const c = t?.list[i];
            return t && c ? `${sheetRef(t.sheet)}!${c.cell}` : null;
          },
          `${this.path}[${i}].getLocation()`,
        ),
    }));
  }
}

class FakeAddressed extends LocatedProxy<string> {
  protected readProp(address: string, prop: string): unknown {
    if (prop === 'address') return address;
    throw new Error(`fake: ${this.path} cannot load ${prop}`);
  }
  get address(): string {
    return this.loaded('address') as string;
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9): orientation and zoom load and set (zoom only as a
 * whole object, as Office.js demands: fitting to pages drops the percentage), print area
 * and print title rows through get…OrNullObject / set….
 */
class FakePageLayout extends LocatedProxy<FakeSheet> {
  protected readProp(sheet: FakeSheet, prop: string): unknown {
    if (prop === 'orientation') return sheet.pageLayout.orientation;
    if (prop === 'zoom') return { ...sheet.pageLayout.zoom };
    throw new Error(`fake: pageLayout cannot load ${prop}`);
  }
  get orientation(): string {
    return this.loaded('orientation') as string;
  }
  set orientation(v: string) {
    this.write(bytesOf(v), (s) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw new FakeOfficeError('InvalidArgument', `orientation ${v}`);
      s.pageLayout.orientation = v;
    });
  }
  get zoom(): FakePageLayoutData['zoom'] {
    return this.loaded('zoom') as FakePageLayoutData['zoom'];
  }
  set zoom(v: FakePageLayoutData['zoom']) {
    this.write(bytesOf(v), (s) => {
      const fit = (n: unknown, min: number) => n === undefined || n === null || (Number.isInteger(n) && (n as number) >= min && (n as number) <= 32767);
      if (typeof v !== 'object' || v === null || !fit(v.horizontalFitToPages, 0) || !fit(v.verticalFitToPages, 0)) {
        throw new FakeOfficeError('InvalidArgument', 'zoom');
      }
      s.pageLayout.zoom =
        v.horizontalFitToPages != null || v.verticalFitToPages != null
          ? { horizontalFitToPages: v.horizontalFitToPages ?? 0, verticalFitToPages: v.verticalFitToPages ?? 0 }
          : { scale: v.scale ?? 100 };
    });
  }
  getPrintAreaOrNullObject(): FakeAddressed {
    return new FakeAddressed(this.context, () => this.resolve()?.pageLayout.printArea ?? null, `${this.path}.printArea`);
  }
  getPrintTitleRowsOrNullObject(): FakeAddressed {
    return new FakeAddressed(this.context, () => this.resolve()?.pageLayout.printTitleRows ?? null, `${this.path}.printTitleRows`);
  }
  setPrintArea(area: string): void {
    this.write(bytesOf(area), (s) => {
      const pos = parseAddress(area);
      s.pageLayout.printArea = `${sheetRef(s.name)}!${rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column)}`;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.write(bytesOf(rows), (s) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      if (!m || Number(m[1]) > Number(m[2])) throw new FakeOfficeError('InvalidArgument', `print title rows ${rows}`);
      s.pageLayout.printTitleRows = `${sheetRef(s.name)}!${m[1]}:${m[2]}`;
    });
  }
}

/** Worksheet.protection (ExcelApi 1.2): `protected` and `options` can be loaded. */
class FakeWorksheetProtection extends LocatedProxy<FakeSheet> {
  protected readProp(sheet: FakeSheet, prop: string): unknown {
    if (prop === 'protected') return sheet.protection.protected;
    if (prop === 'options') return { allowFormatCells: !!sheet.protection.allowFormatCells, allowFormatColumns: !!sheet.protection.allowFormatColumns };
    throw new Error(`fake: protection cannot load ${prop}`);
  }
  get protected(): boolean {
    return this.loaded('protected') as boolean;
  }
  get options(): { allowFormatCells: boolean; allowFormatColumns: boolean } {
    return this.loaded('options') as { allowFormatCells: boolean; allowFormatColumns: boolean };
  }
}

/** Excel's standard row height of a sheet in points (Calibri 11). */
const STANDARD_ROW_HEIGHT = 15;

/**
 * Range.format's row heights (ExcelApi 1.2): `rowHeight` in points (null when the rows
 * differ; a row never sized reads as the standard height), `useStandardHeight` true when
 * every row has the standard height (also one set to exactly it), false when none has,
 * null when mixed.
 */
class FakeRowFormat extends FakeProxy<RangeTarget> {
  constructor(private readonly range: FakeRange) {
    super(range.context);
  }
  resolve(): RangeTarget | null {
    return this.range.resolve();
  }
  protected describe(): string {
    return 'format';
  }
  protected readProp({ sheet, pos }: RangeTarget, prop: string): unknown {
    const heights: number[] = [];
    for (let r = pos.start.row; r <= pos.end.row; r++) heights.push(sheet.rowHeights.get(r) ?? STANDARD_ROW_HEIGHT);
    const same = heights.every((h) => h === heights[0]);
    if (prop === 'rowHeight') return same ? heights[0] : null;
    if (prop === 'useStandardHeight')
      return heights.every((h) => h === STANDARD_ROW_HEIGHT) ? true : heights.some((h) => h === STANDARD_ROW_HEIGHT) ? null : false;
    throw new Error(`fake: format cannot load ${prop}`);
  }
  read(prop: 'rowHeight' | 'useStandardHeight'): unknown {
    return this.loaded(prop);
  }
}

/** Range.format.protection (ExcelApi 1.2): `locked` is true, false, or null when mixed. */
class FakeFormatProtection extends FakeProxy<RangeTarget> {
  constructor(private readonly range: FakeRange) {
    super(range.context);
  }
  resolve(): RangeTarget | null {
    return this.range.resolve();
  }
  protected describe(): string {
    return 'format.protection';
  }
  protected readProp({ sheet, pos }: RangeTarget, prop: string): unknown {
    if (prop !== 'locked') throw new Error(`fake: format.protection cannot load ${prop}`);
    const states = new Set(cellsOf(pos).map(([r, c]) => sheet.isLocked(r, c)));
    return states.size === 1 ? [...states][0] : null;
  }
  get locked(): boolean | null {
    return this.loaded('locked') as boolean | null;
  }
  set locked(value: boolean) {
    this.write(6, ({ sheet, pos }) => {
      sheet.guard('lock', pos);
      for (const [r, c] of cellsOf(pos)) {
        if (value) sheet.unlocked.delete(FakeSheet.key(r, c));
        else sheet.unlocked.add(FakeSheet.key(r, c));
      }
    });
  }
}

/** A chart as the fake keeps it: what Office.js was asked to draw. */
export interface FakeChartData {
  name: string;
  type: string;
  seriesBy: string;
  /** Sheet-qualified source and x-axis ranges ("Resultaat!D5:D19"). */
  source: string;
  xValues: string | null;
  title: string;
  legendVisible: boolean;
  reversePlotOrder: boolean;
  color: string | null;
  pointColors: Map<number, string>;
  position: [string, string] | null;
}

function qualified(t: RangeTarget): string {
  return `${t.sheet.name}!${rangeAddress(t.pos.start.row, t.pos.start.column, t.pos.end.row, t.pos.end.column)}`;
}

class FakeChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet | null,
    private readonly path: string,
  ) {}

  private sheetOrThrow(): FakeSheet {
    const s = this.sheet();
    if (!s) throw new FakeOfficeError('InvalidOperation', `${this.path} of a null object`);
    return s;
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(
      this.context,
      () => this.sheetOrThrow().charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null,
      `${this.path}.getItemOrNullObject(${name})`,
    );
  }

  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let made: FakeChartData | null = null;
    this.context.enqueue(() => {
      const target = source.resolve();
      if (!target) throw new FakeOfficeError('InvalidArgument', 'chart source is a null object');
      made = {
        name: `Chart ${this.sheetOrThrow().charts.length + 1}`,
        type,
        seriesBy,
        source: qualified(target),
        xValues: null,
        title: '',
        legendVisible: true,
        reversePlotOrder: false,
        color: null,
        pointColors: new Map(),
        position: null,
      };
      this.sheetOrThrow().charts.push(made);
    });
    return new FakeChart(
      this.context,
      () => {
        if (!made) throw new FakeOfficeError('InvalidOperation', 'chart used before it was added');
        return made;
      },
      `${this.path}.add(${type})`,
    );
  }
}

class FakeChart extends LocatedProxy<FakeChartData> {
  protected readProp(chart: FakeChartData, prop: string): unknown {
    if (prop === 'name') return chart.name;
    throw new Error(`fake: chart cannot load ${prop}`);
  }
  private set1(apply: (c: FakeChartData) => void): void {
    this.write(10, apply);
  }
  set name(v: string) {
    this.set1((c) => (c.name = v));
  }
  get name(): string {
    return this.loaded('name') as string;
  }
  delete(): void {
    this.context.enqueue(() => {
      const c = this.resolve();
      if (!c) throw new FakeOfficeError('InvalidOperation', `${this.path} is a null object`);
      for (const sheet of this.context.book.sheets) {
        const i = sheet.charts.indexOf(c);
        if (i >= 0) sheet.charts.splice(i, 1);
      }
    });
  }
  get title() {
    const set = (v: string) => this.set1((c) => (c.title = v));
    return {
      set text(v: string) {
        set(v);
      },
    };
  }
  get legend() {
    const set = (v: boolean) => this.set1((c) => (c.legendVisible = v));
    return {
      set visible(v: boolean) {
        set(v);
      },
    };
  }
  get axes() {
    const set = (v: boolean) => this.set1((c) => (c.reversePlotOrder = v));
    return {
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          set(v);
        },
      },
    };
  }
  get series() {
    const set1 = (f: (c: FakeChartData) => void) => this.set1(f);
    return {
      getItemAt(i: number) {
        if (i !== 0) throw new Error('fake: one series only');
        return {
          setXAxisValues(r: FakeRange) {
            set1((c) => {
              const t = r.resolve();
              if (!t) throw new FakeOfficeError('InvalidArgument', 'x values are a null object');
              c.xValues = qualified(t);
            });
          },
          format: { fill: { setSolidColor: (color: string) => set1((c) => (c.color = color)) } },
          points: { getItemAt: (p: number) => ({ format: { fill: { setSolidColor: (color: string) => set1((c) => c.pointColors.set(p, color)) } } }) },
        };
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.set1((c) => (c.position = [start, end]));
  }
}

class FakeFreezePanes {
  constructor(private readonly sheet: FakeWorksheet) {}
  private set(rows: number, columns: number): void {
    this.sheet.context.enqueue(() => {
      const s = this.sheet.resolve();
      if (!s) throw new FakeOfficeError('InvalidOperation');
      s.freeze = rows || columns ? { rows, columns } : null;
    });
  }
  freezeAt(range: FakeRange | string): void {
    const target = typeof range === 'string' ? this.sheet.getRange(range) : range;
    this.sheet.context.enqueue(() => {
      const r = target.resolve();
      const s = this.sheet.resolve();
      if (!r || !s) throw new FakeOfficeError('InvalidOperation');
      s.freeze = { rows: r.pos.end.row, columns: r.pos.end.column };
    });
  }
  freezeRows(n: number): void {
    this.set(n, 0);
  }
  freezeColumns(n: number): void {
    this.set(0, n);
  }
  unfreeze(): void {
    this.set(0, 0);
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  pos: RangePos;
}

/** Whether two ranges share a cell. */
function overlaps(a: RangePos, b: RangePos): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.column <= b.end.column && b.start.column <= a.end.column;
}

function cellsOf(pos: RangePos): [number, number][] {
  const out: [number, number][] = [];
  for (let r = pos.start.row; r <= pos.end.row; r++) for (let c = pos.start.column; c <= pos.end.column; c++) out.push([r, c]);
  return out;
}

function size(pos: RangePos): { rows: number; columns: number } {
  return { rows: pos.end.row - pos.start.row + 1, columns: pos.end.column - pos.start.column + 1 };
}

function checkMatrix(pos: RangePos, m: unknown): unknown[][] {
  const { rows, columns } = size(pos);
  if (!Array.isArray(m) || m.length !== rows || m.some((line) => !Array.isArray(line) || line.length !== columns)) {
    throw new FakeOfficeError('InvalidArgument', `matrix does not match a ${rows}x${columns} range`);
  }
  return m as unknown[][];
}

/** What a cell becomes when `entry` is written to Range.formulas (typing semantics). */
function enter(entry: unknown): FakeCell | null {
  if (typeof entry === 'number' || typeof entry === 'boolean') return { value: entry };
  if (entry === null || entry === undefined) return null;
  const parsed = parseEntry(typeof entry === 'string' ? entry : JSON.stringify(entry));
  switch (parsed.kind) {
    case 'empty':
      return null;
    case 'text':
      return { value: parsed.value };
    case 'number':
      return { value: Number.isNaN(parsed.value) ? 45000 : parsed.value };
    case 'bool':
      return { value: parsed.value };
    case 'formula':
      return { value: 0, formula: parsed.value };
  }
}

class FakeRange extends LocatedProxy<RangeTarget> {
  protected readProp({ sheet, pos }: RangeTarget, prop: string): unknown {
    const { rows, columns } = size(pos);
    if (prop !== 'address' && rows * columns > 2_000_000) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `${rows * columns} cells`);
    const grid = (f: (c: FakeCell | undefined) => unknown) =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => f(sheet.cells.get(FakeSheet.key(pos.start.row + i, pos.start.column + j)))),
      );
    switch (prop) {
      case 'address':
        return `${sheetRef(sheet.name)}!${rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column)}`;
      case 'values':
        return grid((c) => (c ? c.value : ''));
      case 'formulas':
        return grid((c) => (c ? (c.formula ?? c.value) : ''));
      case 'rowCount':
        return rows;
      case 'columnCount':
        return columns;
      default:
        throw new Error(`fake: range cannot load ${prop}`);
    }
  }

  get address(): string {
    return this.loaded('address') as string;
  }
  get values(): unknown[][] {
    return this.loaded('values') as unknown[][];
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas') as unknown[][];
  }
  set formulas(m: unknown[][]) {
    this.write(bytesOf(m), ({ sheet, pos }) => {
      const matrix = checkMatrix(pos, m);
      sheet.guard('cells', pos);
      sheet.guardMerges(pos);
      this.context.book.formulaWrites.push({
        sheet: sheet.name,
        address: rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column),
        entries: matrix,
      });
      matrix.forEach((line, i) =>
        line.forEach((entry, j) => {
          const k = FakeSheet.key(pos.start.row + i, pos.start.column + j);
          const cell = enter(entry);
          if (cell) sheet.cells.set(k, cell);
          else sheet.cells.delete(k);
        }),
      );
    });
  }
  /**
   * Range.copyFrom (ExcelApi 1.9), modelled for what the adapter sends: copyType "Formulas"
   * from one formula cell of the same sheet into a one-column range right below it. Each cell
   * gets the formula Excel pastes there: the source's with its relative rows moved down
   * (core's copyFormulaDown, through formulaCopier), recorded in `formulaWrites` as "copied" (no formulas sent).
   */
  copyFrom(source: FakeRange, copyType: string): void {
    this.write(0, ({ sheet, pos }) => {
      const from = source.resolve();
      if (!from || from.sheet !== sheet || copyType !== 'Formulas') throw new Error(`fake: copyFrom(${copyType}) into ${this.path} is not modelled`);
      const { rows, columns } = size(from.pos);
      if (
        rows !== 1 ||
        columns !== 1 ||
        pos.start.column !== pos.end.column ||
        pos.start.column !== from.pos.start.column ||
        pos.start.row !== from.pos.start.row + 1
      ) {
        throw new Error(`fake: copyFrom of ${this.path} is modelled only for one cell down its own column`);
      }
      const formula = sheet.cells.get(FakeSheet.key(from.pos.start.row, from.pos.start.column))?.formula;
      if (formula === undefined) throw new Error('fake: copyFrom is modelled only for a formula cell');
      sheet.guard('cells', pos);
      sheet.guardMerges(pos);
      const entries: string[][] = [];
      const copy = formulaCopier(formula);
      for (let r = pos.start.row; r <= pos.end.row; r++) {
        const copied = copy(r - from.pos.start.row);
        entries.push([copied]);
        sheet.cells.set(FakeSheet.key(r, pos.start.column), { value: 0, formula: copied });
      }
      this.context.book.formulaWrites.push({
        sheet: sheet.name,
        address: rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column),
        entries,
        copied: true,
      });
    });
  }
  /** Range.insert: only whole columns shifted right (what the adapter uses). */
  insert(shift: string): void {
    this.write(0, ({ sheet, pos }) => {
      if (shift !== 'Right' || pos.start.row !== 1 || pos.end.row !== MAX_ROWS) throw new Error(`fake: insert(${shift}) of ${this.path} is not modelled`);
      this.context.book.shiftColumns(sheet, { sheet: sheet.name, at: pos.start.column, count: pos.end.column - pos.start.column + 1 });
    });
  }
  /** Range.delete: only whole columns shifted left (what the adapter uses). */
  delete(shift: string): void {
    this.write(0, ({ sheet, pos }) => {
      if (shift !== 'Left' || pos.start.row !== 1 || pos.end.row !== MAX_ROWS) throw new Error(`fake: delete(${shift}) of ${this.path} is not modelled`);
      this.context.book.shiftColumns(sheet, { sheet: sheet.name, at: pos.start.column, count: -(pos.end.column - pos.start.column + 1) });
    });
  }
  set values(_m: unknown[][]) {
    throw new Error('fake: the adapter writes through Range.formulas only');
  }
  /** A matrix of the range's size, or one value for every cell (as Excel takes it: "Update all cells in a range"). */
  set numberFormat(m: unknown[][] | string) {
    this.write(bytesOf(m), ({ sheet, pos }) => {
      const { rows, columns } = size(pos);
      const matrix = typeof m === 'string' ? Array.from({ length: rows }, () => new Array<string>(columns).fill(m)) : checkMatrix(pos, m);
      sheet.guard('format', pos);
      matrix.forEach((line, i) => line.forEach((f, j) => sheet.numberFormats.set(FakeSheet.key(pos.start.row + i, pos.start.column + j), String(f))));
    });
  }

  /** getCellProperties (ExcelApi 1.9), modelled for format.protection only. */
  getCellProperties(options: { format?: { protection?: boolean } }): { value: unknown[][] } {
    if (Object.keys(options).join() !== 'format' || Object.keys(options.format ?? {}).join() !== 'protection')
      throw new Error('fake: only format.protection cell properties are modelled');
    const slot = { synced: false, grid: [] as unknown[][] };
    this.context.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeOfficeError('InvalidOperation', 'getCellProperties on a null object');
      const { rows, columns } = size(t.pos);
      slot.grid = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => ({
          format: { protection: { locked: t.sheet.isLocked(t.pos.start.row + i, t.pos.start.column + j), formulaHidden: false } },
        })),
      );
      FakeContext.responseBytes += bytesOf(slot.grid);
    });
    this.context.onSynced(() => {
      slot.synced = true;
    });
    const book = this.context.book;
    return {
      get value() {
        if (!slot.synced) {
          book.recordSentinel('getCellProperties.value (not synced)');
          return NOT_SYNCED as unknown as unknown[][];
        }
        return slot.grid;
      },
    };
  }

  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas meeting this range; fails past 512, as Excel does. */
  getMergedAreasOrNullObject(): FakeAddressed {
    return new FakeAddressed(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const p = t.pos;
        const areas = t.sheet.merges.filter((m) => overlaps(m, p));
        if (areas.length > 512) throw new FakeOfficeError('GeneralException', 'more than 512 merged areas');
        return areas.length
          ? areas.map((m) => `${sheetRef(t.sheet.name)}!${rangeAddress(m.start.row, m.start.column, m.end.row, m.end.column)}`).join(',')
          : null;
      },
      `${this.path}.mergedAreas`,
    );
  }

  /**
   * Range.getSpecialCellsOrNullObject("Formulas") (ExcelApi 1.9): the cells of this range
   * holding a formula, as one area per run of formula cells down a column (Excel may group
   * them otherwise; the same cells either way); null object when there is none.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeAddressed {
    if (cellType !== 'Formulas') throw new Error(`fake: only Formulas special cells are modelled, not ${cellType}`);
    return new FakeAddressed(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const p = t.pos;
        const byColumn = new Map<number, number[]>();
        for (const [key, cell] of t.sheet.cells) {
          if (cell.formula === undefined) continue;
          const [r, c] = key.split(',').map(Number);
          if (r < p.start.row || r > p.end.row || c < p.start.column || c > p.end.column) continue;
          const rows = byColumn.get(c) ?? [];
          rows.push(r);
          byColumn.set(c, rows);
        }
        const areas: string[] = [];
        for (const [c, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
          rows.sort((a, b) => a - b);
          let start = rows[0];
          for (let i = 1; i <= rows.length; i++) {
            if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
            areas.push(`${sheetRef(t.sheet.name)}!${rangeAddress(start, c, rows[i - 1], c)}`);
            start = rows[i];
          }
        }
        return areas.length ? areas.join(',') : null;
      },
      `${this.path}.specialCells(Formulas)`,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('fake: only values-only used ranges are modelled');
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const pos = t.sheet.usedBounds(t.pos);
        return pos ? { sheet: t.sheet, pos } : null;
      },
      `${this.path}.usedRange`,
    );
  }

  select(): void {
    this.write(0, ({ sheet, pos }) =>
      this.context.book.uiEvents.push(`select ${sheet.name}!${rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column)}`),
    );
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }

  /** Range.conditionalFormats (ExcelApi 1.6): the formats that intersect the range. */
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(
      this.context,
      () => {
        const t = this.resolve();
        return t && { sheet: t.sheet, list: t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => overlaps(parseRange(r), t.pos))) };
      },
      `${this.path}.conditionalFormats`,
    );
  }

  private formatProxy: FakeFormat | undefined;
  /** The same object on every read, as in Office.js: what was loaded on it stays loaded. */
  get format(): FakeFormat {
    return (this.formatProxy ??= new FakeFormat(this, ''));
  }

  /** For format proxies: a recorded write on this range. */
  recordFormat(prop: string, value: unknown): void {
    this.write(bytesOf(value), ({ sheet, pos }) => {
      const address = rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column);
      sheet.guard(prop === 'columnWidth' || prop === 'rowHeight' ? prop : 'format', pos);
      if (prop === 'columnWidth') {
        if (typeof value !== 'number' || !(value >= 0)) throw new FakeOfficeError('InvalidArgument', 'columnWidth');
        for (let c = pos.start.column; c <= pos.end.column; c++) sheet.columnWidths.set(c, value);
      }
      if (prop === 'rowHeight') {
        // Excel: 0 to 409 points
        if (typeof value !== 'number' || !(value >= 0 && value <= 409)) throw new FakeOfficeError('InvalidArgument', 'rowHeight');
        for (let r = pos.start.row; r <= pos.end.row; r++) sheet.rowHeights.set(r, value);
      }
      sheet.formats.push({ address, prop, value });
    });
  }
}

/** range.format, .fill, .font, .borders.getItem(i): every property set is recorded on the range. */
class FakeFormat {
  constructor(
    private readonly range: FakeRange,
    private readonly prefix: string,
  ) {
    let protection: FakeFormatProtection | undefined;
    let rowFormat: FakeRowFormat | undefined;
    return new Proxy(this, {
      get: (target, prop, receiver) => {
        if (typeof prop !== 'string' || prop in target) return Reflect.get(target, prop, receiver);
        // format.load('rowHeight,useStandardHeight') and their reads after the sync
        if (this.prefix === '' && prop === 'load')
          return (props: string | string[]) => {
            (rowFormat ??= new FakeRowFormat(range)).load(props);
            return receiver;
          };
        if (this.prefix === '' && (prop === 'rowHeight' || prop === 'useStandardHeight') && rowFormat) return rowFormat.read(prop);
        if (prop === 'borders') return { getItem: (edge: string) => new FakeFormat(range, `${this.prefix}borders.${edge}.`) };
        // one object per range, as in Office.js: a load() on it is read back on it
        if (prop === 'protection' && this.prefix === '') return (protection ??= new FakeFormatProtection(range));
        if (['fill', 'font'].includes(prop)) return new FakeFormat(range, `${this.prefix}${prop}.`);
        if (prop === 'clear') return () => range.recordFormat(`${this.prefix}clear`, true);
        range.context.book.recordSentinel(`format.${this.prefix}${prop} read (not loaded)`);
        return NOT_LOADED;
      },
      set: (_target, prop, value) => {
        range.recordFormat(`${this.prefix}${String(prop)}`, value);
        return true;
      },
    });
  }
}

const VALIDATION_TYPES: Record<string, string> = {
  list: 'List',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  custom: 'Custom',
};

class FakeDataValidation extends FakeProxy<RangeTarget> {
  constructor(private readonly range: FakeRange) {
    super(range.context);
  }
  resolve(): RangeTarget | null {
    return this.range.resolve();
  }
  protected describe(): string {
    return 'dataValidation';
  }
  private rulesIn({ sheet, pos }: RangeTarget): { ids: Set<number>; covered: number; total: number } {
    const ids = new Set<number>();
    let covered = 0;
    const cells = cellsOf(pos);
    for (const [r, c] of cells) {
      const v = sheet.validations.get(FakeSheet.key(r, c));
      if (v) {
        ids.add(v.id);
        covered++;
      }
    }
    return { ids, covered, total: cells.length };
  }
  private single(t: RangeTarget): FakeRule | null {
    const { ids, covered, total } = this.rulesIn(t);
    if (ids.size !== 1 || covered !== total) return null;
    const { sheet, pos } = t;
    return sheet.validations.get(FakeSheet.key(pos.start.row, pos.start.column)) ?? null;
  }
  protected readProp(t: RangeTarget, prop: string): unknown {
    const { ids } = this.rulesIn(t);
    const rule = this.single(t);
    switch (prop) {
      case 'type':
        if (ids.size === 0) return 'None';
        if (!rule?.rule) return 'Inconsistent';
        return VALIDATION_TYPES[Object.keys(rule.rule)[0]] ?? 'Custom';
      case 'rule': {
        // Excel reports the operands as strings
        if (!rule?.rule) return {};
        const [kind, body] = Object.entries(rule.rule)[0] as [string, Record<string, unknown>];
        const out: Record<string, unknown> = { ...body };
        for (const f of ['formula1', 'formula2']) if (f in out) out[f] = String(out[f]);
        return { [kind]: out };
      }
      case 'errorAlert':
        return rule?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' };
      case 'prompt':
        return rule?.prompt ?? { showPrompt: false, title: '', message: '' };
      case 'valid':
        return true;
      default:
        throw new Error(`fake: dataValidation cannot load ${prop}`);
    }
  }

  get type(): string {
    return this.loaded('type') as string;
  }
  get rule(): Record<string, unknown> {
    return this.loaded('rule') as Record<string, unknown>;
  }
  set rule(rule: Record<string, unknown>) {
    this.write(bytesOf(rule), (t) => {
      t.sheet.guard('validation', t.pos);
      if (this.rulesIn(t).covered > 0) throw new FakeOfficeError('InvalidOperation', 'the range has a validation: clear() it first');
      const v: FakeRule = { id: this.context.book.newRuleId(), rule };
      for (const [r, c] of cellsOf(t.pos)) t.sheet.validations.set(FakeSheet.key(r, c), v);
    });
  }
  get errorAlert(): Record<string, unknown> {
    return this.loaded('errorAlert') as Record<string, unknown>;
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.write(bytesOf(alert), (t) => {
      const v = this.single(t);
      if (!v) throw new FakeOfficeError('InvalidOperation', 'errorAlert without one rule on the range');
      v.errorAlert = { ...alert };
    });
  }
  get prompt(): Record<string, unknown> {
    return this.loaded('prompt') as Record<string, unknown>;
  }
  set prompt(prompt: Record<string, unknown>) {
    this.write(bytesOf(prompt), (t) => {
      const v = this.single(t);
      if (!v) throw new FakeOfficeError('InvalidOperation', 'prompt without one rule on the range');
      v.prompt = { ...prompt };
    });
  }
  clear(): void {
    this.write(0, ({ sheet, pos }) => {
      sheet.guard('validation', pos);
      for (const [r, c] of cellsOf(pos)) sheet.validations.delete(FakeSheet.key(r, c));
    });
  }
}

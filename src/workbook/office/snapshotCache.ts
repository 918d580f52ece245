/**
 * What the Office adapter remembers of the workbook between reads, so that a read costs
 * what changed, not the whole workbook. Pure (no Office.js): the reader fills it, the
 * adapter marks what its own writes and Excel's change events touched, and the next read
 * loads only those ranges plus the formula cells that may depend on them.
 *
 * "Depends on": a formula cell on sheet T may change when sheet S changes if T is S, or one
 * of T's formulas names S (`S!`, `'S'!`, case-insensitive: how Excel writes a reference to
 * another sheet) or names a sheet that depends on S (formulas read formulas: the relation is
 * followed to its end). A formula whose text does not tell which sheets it reads (a defined
 * name, a structured reference, INDIRECT) is taken to depend on every sheet; a formula
 * naming no other sheet reads only its own. Only the VALUES of dependent formula cells are
 * re-read: recalculation does not change a formula's text.
 */
import { parseCell, parseRange, rangeAddress, sheetRef, type RangePos } from '../../core/a1';
import { shiftColumnSpan, shiftFormula, shiftRanges, type ColumnShift } from '../../core/columnShift';
import { FORMULA_STAMP, lastOfRun, parseStamp, runMember, stampGrid, type ParsedStamp, type StampRun } from '../../core/formulaStamp';
import { SHEET_NAMES, sameName } from '../../core/layout';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';

export interface CachedSheet {
  name: string;
  /** The host's id of the sheet (change events name sheets by id). */
  id: string;
  hidden: boolean;
  /** Values and formulas anchored at A1 (see SheetSnapshot). */
  values: CellValue[][];
  formulas: (string | null)[][];
  /** The values-only used range's address when last read in full or checked ("" = empty). */
  usedAddress: string;
  /** Formula runs (per column) and the sheets they name; computed on demand, dropped on change. */
  index?: FormulaIndex;
  /** Set while `formulas` are the formula stamp's (setStampedFormulas): their text is built on first use. */
  stamped?: StampedFormulas;
  /** Worksheet protection as the walk read it. */
  protection?: { protected: boolean; allowFormatCells: boolean; allowFormatColumns: boolean };
  /** Unlocked cells (A1 ranges) of a protected sheet; undefined: not read (yet). */
  unlocked?: string[];
  /** Merged areas (A1 ranges, "C5:F5"); undefined: not read (yet, or the host cannot). */
  merges?: string[];
}

interface FormulaRun {
  /** Formula cells: one column wide, consecutive rows. */
  pos: RangePos;
  /** What the run's formulas read: per lower-case sheet name, the rectangle around every cell they name there (but `rowReads`). */
  reads: Map<string, RangePos>;
  /**
   * References that move one row down with each member (a relative row, as `C6` in a
   * fill-down of `=C6*$C$4`): the member at row R reads rows R + d1 … R + d2 of columns
   * c1 … c2 on `sheet` (lower case). A change there reaches only the members whose own
   * rows it meets, not the whole run (a typed score reaches its row's total, not every total).
   */
  rowReads?: RowRead[];
  /** A formula of the run may read any cell of any sheet (formulaReach). */
  anywhere: boolean;
}

interface FormulaIndex {
  runs: FormulaRun[];
}

/** A range to read again: `values` only for dependents, both for changed cells. */
export interface DirtyRange {
  pos: RangePos;
  formulas: boolean;
  /** Response bytes per row expected when the adapter wrote these cells itself (it knows what it sent). */
  rowBytes?: number;
}

/** Response bytes of reading a written cell back (values and formulas, JSON): what it holds, twice, and framing. */
function readBackBytes(cell: CellInput | null | undefined): number {
  if (!cell) return 8;
  if ('formula' in cell) return cell.formula.length + 16 + (typeof cell.result === 'string' ? cell.result.length : 0);
  if ('text' in cell) return 2 * cell.text.length + 8;
  return 24;
}

/** Dirty state of one sheet: some ranges, or the whole sheet. */
export type SheetDirt = { whole: true } | { whole: false; ranges: DirtyRange[] };

/** More dirty ranges than this on one sheet: read the whole sheet instead. */
const MAX_RANGES = 200;

function lower(name: string): string {
  return name.toLowerCase();
}

/** The smallest rectangle holding both. */
function around(a: RangePos, b: RangePos): RangePos {
  return {
    start: { row: Math.min(a.start.row, b.start.row), column: Math.min(a.start.column, b.start.column) },
    end: { row: Math.max(a.end.row, b.end.row), column: Math.max(a.end.column, b.end.column) },
  };
}

function intersects(a: RangePos, b: RangePos): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.column <= b.end.column && b.start.column <= a.end.column;
}

/** A sheet's formulas as the formula stamp's runs, and their text once something used it. */
interface StampedFormulas {
  runs: readonly StampRun[];
  grid?: (string | null)[][];
  /** The runs per column (1-based), for one cell's formula without building the grid (stampedAt). */
  byColumn?: Map<number, StampRun[]>;
  /** Characters of each formula (a run's first formula's, for its members: they differ only in digits), for estimates. */
  lengths?: number[][];
}

/**
 * Characters of the formula at (row, column) (1-based) of a cached sheet, undefined when it
 * holds none; for stamped formulas not built yet, estimated from the runs without building
 * them (a member of a run differs from its first formula only in its digits). For sizing reads.
 */
export function formulaLength(sheet: CachedSheet, row: number, column: number): number | undefined {
  const stamped = sheet.stamped;
  if (stamped && !stamped.grid) {
    if (!stamped.lengths) {
      const lengths: number[][] = [];
      for (const [r, c, count, first] of stamped.runs) for (let k = 0; k < count; k++) (lengths[r - 1 + k] ??= [])[c - 1] = first.length;
      stamped.lengths = lengths;
    }
    return stamped.lengths[row - 1]?.[column - 1];
  }
  const f = sheet.formulas[row - 1]?.[column - 1];
  return typeof f === 'string' ? f.length : undefined;
}

/** The stamp's formula at (row, column) (1-based), null when it describes none there; built alone. */
function stampedAt(stamped: StampedFormulas, row: number, column: number): string | null {
  if (!stamped.byColumn) {
    const byColumn = new Map<number, StampRun[]>();
    for (const run of stamped.runs) byColumn.set(run[1], [...(byColumn.get(run[1]) ?? []), run]);
    stamped.byColumn = byColumn;
  }
  for (const run of stamped.byColumn.get(column) ?? []) if (row >= run[0] && row < run[0] + run[2]) return runMember(run, row - run[0]);
  return null;
}

/**
 * Gives a cached sheet the formulas the formula stamp's `runs` describe (src/core/formulaStamp.ts)
 * without building their text: `sheet.formulas` builds it on first use (a getter; snapshots
 * made meanwhile get the same getter, see toSnapshot), the formula index is made from the
 * runs (buildIndex), and assigning `sheet.formulas` replaces them as before. Most reads use
 * no formula of the Keuzelijsten sheet, 12.6 million characters of text at 10,000 rows.
 */
export function setStampedFormulas(sheet: CachedSheet, runs: readonly StampRun[]): void {
  const stamped: StampedFormulas = { runs };
  sheet.stamped = stamped;
  sheet.index = undefined;
  defineFormulas(sheet, stamped, () => {
    if (sheet.stamped === stamped) sheet.stamped = undefined;
  });
}

/**
 * Makes `target.formulas` a getter that builds the stamped formulas once (every object with
 * the same `stamped` shares one grid); assigning it makes it a plain property again.
 */
function defineFormulas(target: { formulas?: unknown }, stamped: StampedFormulas, onSet?: () => void): void {
  Object.defineProperty(target, 'formulas', {
    configurable: true,
    enumerable: true,
    get: () => (stamped.grid ??= stampGrid(stamped.runs)),
    set: (formulas: (string | null)[][]) => {
      Object.defineProperty(target, 'formulas', { value: formulas, writable: true, configurable: true, enumerable: true });
      onSet?.();
    },
  });
}

/** A reference that moves with its member's row (FormulaRun.rowReads). */
interface RowRead {
  sheet: string;
  d1: number;
  d2: number;
  c1: number;
  c2: number;
}

function sameRowReads(a: readonly RowRead[] | undefined, b: readonly RowRead[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && a.every((x, i) => x.sheet === b[i].sheet && x.d1 === b[i].d1 && x.d2 === b[i].d2 && x.c1 === b[i].c1 && x.c2 === b[i].c2);
}

/**
 * The references of a stamp run (its first member's `head` and last member's `tail` reach,
 * alike) that move exactly one row per member with their columns fixed, as row offsets from
 * the member's own row (`row`: the run's first row); the others go into `fixed`.
 */
function splitRowReads(head: FormulaRef[], tail: FormulaRef[], row: number, count: number, own: string): { rowReads: RowRead[]; fixed: FormulaRef[] } {
  const rowReads: RowRead[] = [];
  const fixed: FormulaRef[] = [];
  head.forEach((h, i) => {
    const t = tail[i];
    const moves =
      t.pos.start.row - h.pos.start.row === count - 1 &&
      t.pos.end.row - h.pos.end.row === count - 1 &&
      t.pos.start.column === h.pos.start.column &&
      t.pos.end.column === h.pos.end.column;
    if (moves) rowReads.push({ sheet: h.sheet ?? own, d1: h.pos.start.row - row, d2: h.pos.end.row - row, c1: h.pos.start.column, c2: h.pos.end.column });
    else fixed.push(h, t);
  });
  return { rowReads, fixed };
}

/** Adds what one formula reads to a run: its `reads` grow to hold every reference, `anywhere` when it may read anything. */
function addReach(run: FormulaRun, reach: { refs: FormulaRef[]; anywhere: boolean }, own: string): void {
  if (reach.anywhere) run.anywhere = true;
  for (const ref of reach.refs) {
    const key = ref.sheet ?? own;
    const now = run.reads.get(key);
    run.reads.set(key, now ? around(now, ref.pos) : ref.pos);
  }
}

/**
 * The index of a sheet whose formulas are the stamp's runs, without building their text.
 * In a stamp run every digit sequence grows by a fixed step per row, so every row and column
 * number a member names is linear in the member's place, and the rectangle around what all
 * members read is the rectangle around what the first and the last read. That holds when
 * both name the same sheets in the same order (a digit in a sheet name that changes down the
 * run would not): otherwise every member is read. Runs of one column that touch are joined,
 * as buildIndex joins formula cells.
 */
function indexOfRuns(sheet: CachedSheet, stamp: readonly StampRun[]): FormulaIndex {
  const own = lower(sheet.name);
  const sorted = [...stamp].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const runs: FormulaRun[] = [];
  let open: FormulaRun | null = null;
  for (const stampRun of sorted) {
    const [row, column, count, first] = stampRun;
    const head = formulaReach(first);
    const tail = count > 1 ? formulaReach(lastOfRun(stampRun)) : null;
    const alike =
      tail !== null && head.anywhere === tail.anywhere && head.refs.length === tail.refs.length && head.refs.every((r, i) => r.sheet === tail.refs[i].sheet);
    const split = alike && !head.anywhere ? splitRowReads(head.refs, tail.refs, row, count, own) : null;
    const rowReads = split?.rowReads.length ? split.rowReads : undefined;
    let run: FormulaRun;
    // touching runs of a column are joined when their members read alike rows (relative to their own)
    if (open && open.pos.start.column === column && open.pos.end.row === row - 1 && sameRowReads(open.rowReads, rowReads)) {
      run = open;
      run.pos.end.row = row + count - 1;
    } else {
      run = { pos: { start: { row, column }, end: { row: row + count - 1, column } }, reads: new Map(), anywhere: false, ...(rowReads ? { rowReads } : {}) };
      runs.push(run);
      open = run;
    }
    if (run.anywhere) continue;
    if (!tail) {
      addReach(run, head, own);
      continue;
    }
    if (split) addReach(run, { refs: split.fixed, anywhere: false }, own);
    else if (alike) {
      addReach(run, head, own);
      addReach(run, tail, own);
    } else {
      const grid = stampGrid([stampRun]);
      for (let k = 0; k < count && !run.anywhere; k++) addReach(run, formulaReach(grid[row - 1 + k][column - 1] ?? ''), own);
    }
  }
  // in buildIndex's order (row by row): the order dependents lists them in
  runs.sort((a, b) => a.pos.start.row - b.pos.start.row || a.pos.start.column - b.pos.start.column);
  return { runs };
}

/** Separate member ranges of one run `dependents` follows before it takes the whole run. */
const MAX_MEMBER_REACHES = 16;

/**
 * The members of `run` whose formulas read a cell of `changed` (its whole sheet when it has
 * no `pos`), as one range of the run's column, or null: every member when a fixed reference
 * (or one that may read anywhere) meets it; else the rows whose moving references
 * (`rowReads`) meet it, the member at row R reading rows R + d1 … R + d2.
 */
function reachedMembers(run: FormulaRun, changed: { sheet: string; pos?: RangePos }): RangePos | null {
  if (run.anywhere) return run.pos;
  const reads = run.reads.get(changed.sheet);
  if (reads && (!changed.pos || intersects(reads, changed.pos))) return run.pos;
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of run.rowReads ?? []) {
    if (r.sheet !== changed.sheet) continue;
    if (!changed.pos) return run.pos;
    if (r.c2 < changed.pos.start.column || changed.pos.end.column < r.c1) continue;
    const from = Math.max(run.pos.start.row, changed.pos.start.row - r.d2);
    const to = Math.min(run.pos.end.row, changed.pos.end.row - r.d1);
    if (from > to) continue;
    lo = Math.min(lo, from);
    hi = Math.max(hi, to);
  }
  if (lo > hi) return null;
  return { start: { row: lo, column: run.pos.start.column }, end: { row: hi, column: run.pos.end.column } };
}

function buildIndex(sheet: CachedSheet): FormulaIndex {
  if (sheet.stamped) return indexOfRuns(sheet, sheet.stamped.runs);
  const runs: FormulaRun[] = [];
  const own = lower(sheet.name);
  const open = new Map<number, FormulaRun>(); // column -> run still growing
  sheet.formulas.forEach((line, r) => {
    const row = r + 1;
    line?.forEach((f, c) => {
      if (!f) return;
      const column = c + 1;
      let run = open.get(column);
      if (run && run.pos.end.row === row - 1) run.pos.end.row = row;
      else {
        run = { pos: { start: { row, column }, end: { row, column } }, reads: new Map(), anywhere: false };
        runs.push(run);
        open.set(column, run);
      }
      if (run.anywhere) return;
      const reach = formulaReach(f);
      if (reach.anywhere) run.anywhere = true;
      for (const ref of reach.refs) {
        const key = ref.sheet ?? own;
        const now = run.reads.get(key);
        run.reads.set(key, now ? around(now, ref.pos) : ref.pos);
      }
    });
  });
  return { runs };
}

/** The first characters of a token that may be a name, a function, a cell or a sheet (Excel allows `\\` and `_` too). */
const NAME_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.$\\\u00C0-\uFFFF]/;
const CELL_TOKEN = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const COLUMN_TOKEN = /^\$?[A-Za-z]{1,3}$/;

/** Excel's grid: rows and columns a whole-column or whole-row reference spans. */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/** A cell reference: where a formula reads, on `sheet` (lower case; null: the formula's own sheet). */
export interface FormulaRef {
  sheet: string | null;
  pos: RangePos;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Where a formula (A1 style, as Office.js `Range.formulas` gives it) reads from, as far as
 * its text tells. `refs`: every cell, range, whole column (`$A:$A`) or whole row (`5:10`)
 * it names, with the sheet named before it (`Name!A1`, `'Name with spaces'!A1:B5`, lower
 * case) or null for the formula's own sheet (Excel's A1 rule); a range is one ref, the
 * rectangle between its two ends. Text inside string
 * literals is skipped. A formula with OFFSET reads past the cells it names (the offset),
 * so each of its refs spans its whole sheet. `anywhere`: true when the text holds a
 * reference whose sheet it does not tell: a defined name (or a LET/LAMBDA variable,
 * which looks the same), a table's structured reference (`Tabel1[Kolom]`), an external
 * workbook (`[1]Blad!A1`), a 3-D reference (`Blad1:Blad3!A1`) or INDIRECT.
 */
export function formulaReach(formula: string): { refs: FormulaRef[]; anywhere: boolean } {
  const refs: FormulaRef[] = [];
  let anywhere = false;
  let offset = false;
  /** The sheet named just before ("Blad!"), for the reference that follows and the end of its range. */
  let sheet: string | null = null;
  let rangeSheet: string | null = null;
  /** The first end of a range whose second end comes next ("A1:B2"): the two become one reference. */
  let rangeStart: FormulaRef | null = null;
  const add = (pos: RangePos, next: string | undefined, prev: string | undefined) => {
    if (prev === ':' && rangeStart) rangeStart.pos = around(rangeStart.pos, pos);
    else refs.push({ sheet, pos });
    rangeStart = next === ':' && prev !== ':' ? refs[refs.length - 1] : null;
    rangeSheet = next === ':' ? sheet : null;
    sheet = null;
  };
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === ':') {
      sheet = rangeSheet; // the range's second end is on the first end's sheet
      rangeSheet = null;
      i++;
      continue;
    }
    rangeSheet = null;
    if (ch === '"') {
      i = formula.indexOf('"', i + 1);
      if (i < 0) break;
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === '!') {
        if (name.includes('[') || name.includes(':')) anywhere = true; // another workbook, or 3-D
        sheet = lower(name);
        i = j + 2;
      } else i = j + 1;
      continue;
    }
    if (ch === '[') {
      anywhere = true; // a structured reference names a table, wherever it is; [1] another workbook
      i++;
      continue;
    }
    if (ch === '#') {
      // an error value (#REF!, #N/A, #DIV/0!) or the spill operator (A1#): no reference
      i++;
      while (i < formula.length && /[A-Za-z0-9/]/.test(formula[i])) i++;
      if (formula[i] === '!' || formula[i] === '?') i++;
      continue;
    }
    if (/[0-9.]/.test(ch) || ch === '$' || NAME_START.test(ch)) {
      let j = i;
      const numeric = /[0-9.]/.test(ch);
      while (j < formula.length && (numeric ? /[A-Za-z0-9.]/ : NAME_PART).test(formula[j])) j++;
      const token = formula.slice(i, j);
      const next = formula[j];
      const prev = formula[i - 1];
      const nearColon = next === ':' || prev === ':';
      const bare = token.replace(/\$/g, '');
      if (/^\d+$/.test(bare) && nearColon) {
        const row = Number(bare);
        add({ start: { row, column: 1 }, end: { row, column: LAST_COLUMN } }, next, prev); // a whole row
      } else if (numeric) {
        // a number (1.5, 1E+5)
      } else if (next === '!') {
        if (prev === ':') anywhere = true; // Blad1:Blad3!A1
        sheet = lower(token);
        j++;
      } else if (next === '(') {
        sheet = null;
        if (/^(_xlfn\.)?INDIRECT$/i.test(token)) anywhere = true;
        if (/^OFFSET$/i.test(token)) offset = true;
      } else if (CELL_TOKEN.test(token)) {
        const m = /^([A-Za-z]+)(\d+)$/.exec(bare)!;
        const cell = { row: Number(m[2]), column: columnNumber(m[1]) };
        add({ start: cell, end: { ...cell } }, next, prev);
      } else if (COLUMN_TOKEN.test(token) && nearColon) {
        const column = columnNumber(bare);
        add({ start: { row: 1, column }, end: { row: LAST_ROW, column } }, next, prev); // a whole column
      } else if (!/^(TRUE|FALSE)$/i.test(token)) anywhere = true; // a defined name
      i = Math.max(j, i + 1);
      continue;
    }
    sheet = null;
    i++;
  }
  if (offset) for (const r of refs) r.pos = { start: { row: 1, column: 1 }, end: { row: LAST_ROW, column: LAST_COLUMN } };
  return { refs, anywhere };
}

function contains(outer: RangePos, inner: RangePos): boolean {
  return (
    outer.start.row <= inner.start.row && inner.end.row <= outer.end.row && outer.start.column <= inner.start.column && inner.end.column <= outer.end.column
  );
}

/** The written rectangle of a plan op, 'sheet' when it cannot be known before apply, null for no cells. */
function writtenBy(op: PlanOp): { sheet: string; pos: RangePos | 'sheet'; rowBytes?: number } | null {
  switch (op.kind) {
    case 'setCells': {
      const { start } = parseRange(op.cell);
      const rows = op.cells.length;
      const columns = op.cells.reduce((m, line) => Math.max(m, line.length), 0);
      if (!rows || !columns) return null;
      let bytes = 0;
      for (const line of op.cells) for (let c = 0; c < columns; c++) bytes += readBackBytes(line[c]);
      return { sheet: op.sheet, pos: { start, end: { row: start.row + rows - 1, column: start.column + columns - 1 } }, rowBytes: bytes / rows };
    }
    case 'setValidation':
    case 'setStyle':
    case 'setColumnWidths':
    case 'setRowHeights':
    case 'freeze':
      return null; // formats, validations, widths, heights, panes: not in the snapshot's cells
    case 'insertColumns':
    case 'deleteColumns':
      return null; // the cache follows them (SnapshotCache.followColumnShifts) or is read again whole
    default:
      // addSheet, appendRows, updateRowByKey, deleteRowByKey and any op added later:
      // where it lands is decided at apply time, so the whole sheet is read again
      return { sheet: op.sheet, pos: 'sheet' };
  }
}

export class SnapshotCache {
  /** Sheets in workbook order; null before the first full read. */
  sheets: CachedSheet[] | null = null;
  private readonly dirt = new Map<string, SheetDirt>();
  /** Set by an apply that read its own writes back in the same sync: the next read may skip its sync. */
  freshAfterApply = false;
  /** Request bytes of the adapter's own writes marked since the last read (what reading them back costs, about twice). */
  writtenBytes = 0;

  reset(): void {
    this.sheets = null;
    this.dirt.clear();
    this.freshAfterApply = false;
    this.writtenBytes = 0;
  }

  /** The cached sheet with this name (any case) or id. */
  find(nameOrId: string): CachedSheet | undefined {
    const l = lower(nameOrId);
    return this.sheets?.find((s) => lower(s.name) === l) ?? this.sheets?.find((s) => s.id === nameOrId);
  }

  /**
   * Marks what the caller heard changed. A sheet the cache does not know (new, or an id
   * never seen) makes the next read walk and read it in full anyway; an unreadable
   * range marks the whole sheet.
   */
  markHeard(changes: { sheet: string; range?: string }[]): void {
    for (const c of changes) {
      const sheet = this.find(c.sheet);
      if (!sheet) continue;
      let pos: RangePos | undefined;
      try {
        pos = c.range ? parseRange(c.range.includes('!') ? c.range.slice(c.range.lastIndexOf('!') + 1) : c.range) : undefined;
      } catch {
        pos = undefined;
      }
      this.markChanged(sheet.name, pos);
    }
  }

  dirtOf(name: string): SheetDirt | undefined {
    return this.dirt.get(lower(name));
  }

  hasDirt(): boolean {
    return this.dirt.size > 0;
  }

  clearDirt(name?: string): void {
    if (name === undefined) {
      this.dirt.clear();
      this.writtenBytes = 0;
    } else this.dirt.delete(lower(name));
  }

  /** Marks a sheet (or a range on it) as changed, and the formula cells that may depend on it. */
  markChanged(sheet: string, pos?: RangePos, rowBytes?: number, readByFormulas = true): void {
    this.freshAfterApply = false;
    if (pos && (pos.end.row - pos.start.row + 1) * (pos.end.column - pos.start.column + 1) > 1_000_000) pos = undefined;
    this.addDirt(sheet, pos ? { pos, formulas: true, ...(rowBytes !== undefined ? { rowBytes } : {}) } : undefined);
    if (!readByFormulas && pos) return;
    for (const dep of this.dependents(sheet, pos)) this.addDirt(dep.sheet, { pos: dep.pos, formulas: false });
  }

  /**
   * Marks what a plan writes (before or after it is applied). On `stamped` sheets (lower-case
   * names) the formulas are the plan's new formula stamp's (followPlan): only the
   * values of what the plan writes there are read back, not its formulas.
   */
  markPlan(ops: PlanOp[], stamped: ReadonlySet<string> = new Set()): void {
    for (const op of ops) {
      const w = writtenBy(op);
      if (!w) continue;
      // the formula stamp is text no formula reads (src/core/formulaStamp.ts), though it lies inside
      // the rectangles the Keuzelijsten formulas' index covers: its write changes no formula's value
      if (w.pos !== 'sheet' && stamped.has(lower(w.sheet))) {
        this.freshAfterApply = false;
        this.addDirt(w.sheet, { pos: w.pos, formulas: false });
        if (!isStampWrite(op)) for (const dep of this.dependents(w.sheet, w.pos)) this.addDirt(dep.sheet, { pos: dep.pos, formulas: false });
      } else this.markChanged(w.sheet, w.pos === 'sheet' ? undefined : w.pos, w.rowBytes, !isStampWrite(op));
      if (w.pos !== 'sheet') this.markEdges(w.sheet, w.pos, w.rowBytes);
    }
  }

  /**
   * What the cache holds as the plan leaves it, for what the cache can know without reading
   * (called before the plan is applied, so its marks and the read-back can go with its last
   * write; a failed apply resets the cache):
   *  - a plan that writes a new formula stamp (src/core/formulaStamp.ts, as every plan of the
   *    engine does): the sheets whose formulas came from the stamp take the new stamp's, so
   *    what the plan writes there is read back as values only, not as formula text (the
   *    Keuzelijsten formulas of an own opgave are about 0.9 MB of text at any werkblad size);
   *  - whole columns inserted or deleted (`ops` in plan order; the rule of
   *    src/core/columnShift.ts, which the planner and the other adapters follow): the shifted
   *    sheet's values, formulas, merges, unlocked cells and used range move as Excel moves
   *    them, and every reference to it in the formulas of the other sheets (those not taken
   *    from the new stamp); the values of formulas that read the moved columns are marked to
   *    be read again (values only).
   * Returns the lower-case names of the sheets whose formulas are the new stamp's (for
   * markPlan), or null when the cache cannot follow the plan's column ops (changes not read
   * yet, a sheet it does not hold: then the caller resets it).
   */
  followPlan(ops: PlanOp[]): Set<string> | null {
    const shifts: ColumnShift[] = [];
    for (const op of ops)
      if (op.kind === 'insertColumns' || op.kind === 'deleteColumns')
        shifts.push({ sheet: op.sheet, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count });
    const sheets = this.sheets;
    if (shifts.length && (!sheets || this.dirt.size || shifts.some((shift) => !this.find(shift.sheet)))) return null;
    if (!sheets) return new Set();
    const stamp = plannedStamp(sheets, ops);
    // a sheet whose formulas were read back ("Opnieuw controleren") is the stamp's too when they are exactly the old stamp's
    const old = stamp ? plannedStamp(sheets, []) : null;
    const fromStamp = (x: CachedSheet) => {
      if (x.stamped) return true;
      const runs = old?.sheets.get(lower(x.name))?.runs;
      return !!runs && holdsExactly(x.formulas, runs);
    };
    const restamp = new Set(sheets.filter((x) => stamp?.sheets.has(lower(x.name)) && fromStamp(x)).map((x) => lower(x.name)));
    for (const shift of shifts) {
      const target = this.find(shift.sheet)!;
      target.values = target.values.map((row) => spliceRow(row, shift));
      if (!restamp.has(lower(target.name))) target.formulas = target.formulas.map((row) => spliceRow(row, shift));
      if (target.merges) target.merges = shiftRanges(target.merges, shift);
      if (target.unlocked) target.unlocked = shiftRanges(target.unlocked, shift);
      target.usedAddress = shiftedUsed(target.usedAddress, shift);
      for (const x of sheets) {
        if (restamp.has(lower(x.name))) continue;
        x.formulas = x.formulas.map((row) => (row.some((f) => f) ? row.map((f) => (f ? shiftFormula(f, x.name, shift) : f)) : row));
        x.index = undefined;
      }
    }
    for (const x of sheets) {
      const runs = restamp.has(lower(x.name)) ? stamp!.sheets.get(lower(x.name))!.runs : null;
      if (runs) setStampedFormulas(x, runs);
    }
    for (const shift of shifts) {
      const target = this.find(shift.sheet)!;
      const moved = { start: { row: 1, column: Math.max(1, shift.at - 1) }, end: { row: Math.max(1, target.values.length), column: MAX_COLUMN } };
      for (const dep of this.dependents(target.name, moved)) this.addDirt(dep.sheet, { pos: dep.pos, formulas: false });
    }
    return restamp;
  }

  /** Marks cells the adapter wrote where only the apply could tell (appended rows), with the used range's edge they may move. */
  markWritten(sheet: string, pos: RangePos): void {
    this.markChanged(sheet, pos);
    this.markEdges(sheet, pos);
  }

  /**
   * A write at the bottom or right edge of a sheet's used range moves that range: the read
   * after it reads the cells between the old and the new edge unless change marks cover them
   * (readSnapshot.ts extraReads). So the rows from the used range's last row (or the first
   * row past it; all the rows of a short write) down to the write's last row, across the used range's
   * columns, and the columns past its last column across its rows are marked too, values
   * and formulas, without their dependents (nothing changes there but the edge): a row the
   * pane adds to a 30,000-row werkblad costs that row, not the sheet.
   *
   * The edge carries what the write sent into it (`rowBytes`: the write's response bytes
   * per row, spread over the edge's rows), so that the read is sized by it: cells the
   * adapter wrote below a sheet's old used range come back as long as what it sent, not as
   * short as the sheet's cells were before. Sized by the earlier density, the read after
   * "Werkmap voorbereiden" at 10,000 × 20 asked for 5.3 MB at once and Excel refused it.
   */
  private markEdges(sheet: string, pos: RangePos, rowBytes?: number): void {
    const cached = this.find(sheet);
    if (!cached?.usedAddress) return;
    const used = parseRange(cached.usedAddress);
    const rows = (p: RangePos) => p.end.row - p.start.row + 1;
    const mark = (edge: RangePos, overlapRows: number) =>
      this.markChanged(sheet, edge, rowBytes === undefined ? undefined : (rowBytes * Math.max(0, overlapRows)) / rows(edge), false);
    if (pos.end.row >= used.end.row) {
      // a short write at the bottom (clearing Resultaat's last rows) may pull the edge up over all of its rows
      const short = pos.end.row - pos.start.row < EDGE_ROWS;
      const top = pos.start.row > used.end.row ? used.end.row + 1 : short ? pos.start.row : used.end.row;
      const edge = { start: { row: top, column: used.start.column }, end: { row: pos.end.row, column: Math.max(used.end.column, pos.end.column) } };
      if (!contains(pos, edge)) mark(edge, pos.end.row - Math.max(top, pos.start.row) + 1);
    }
    if (pos.start.column > used.end.column) {
      const edge = { start: { row: used.start.row, column: used.end.column + 1 }, end: { row: Math.max(used.end.row, pos.end.row), column: pos.end.column } };
      if (!contains(pos, edge)) mark(edge, rows(pos));
    }
  }

  /**
   * Formula runs whose values may change when `pos` on `sheet` changes (the whole sheet
   * when absent): runs whose formulas read those cells, and runs that read such a run, to
   * the end of the chain. A run with a formula that may read anywhere is always included.
   */
  dependents(sheet: string, pos?: RangePos): { sheet: string; pos: RangePos }[] {
    const runs: { sheet: string; run: FormulaRun }[] = [];
    for (const s of this.sheets ?? []) {
      s.index ??= buildIndex(s);
      for (const run of s.index.runs) runs.push({ sheet: s.name, run });
    }
    // per run, the rows already reached (the whole run, or some of its members through rowReads)
    const taken = new Map<FormulaRun, RangePos[]>();
    const out: { sheet: string; pos: RangePos }[] = [];
    const work: { sheet: string; pos?: RangePos }[] = [{ sheet: lower(sheet), pos }];
    while (work.length) {
      const changed = work.pop()!;
      for (const { sheet: name, run } of runs) {
        const before = taken.get(run);
        if (before?.some((p) => contains(p, run.pos))) continue;
        let hit = reachedMembers(run, changed);
        if (!hit || before?.some((p) => contains(p, hit!))) continue;
        // many separate reaches of one run: the whole run (bounded work however the chain runs)
        if (before && before.length >= MAX_MEMBER_REACHES) hit = run.pos;
        taken.set(run, [...(before ?? []), hit]);
        out.push({ sheet: name, pos: hit });
        work.push({ sheet: lower(name), pos: hit });
      }
    }
    return out;
  }

  private addDirt(sheet: string, range?: DirtyRange): void {
    const key = lower(sheet);
    const now = this.dirt.get(key);
    if (now?.whole) return;
    if (!range) {
      this.dirt.set(key, { whole: true });
      return;
    }
    const ranges = now ? now.ranges : [];
    const same = ranges.find((d) => contains(d.pos, range.pos) && (d.formulas || !range.formulas));
    if (same) {
      // what was written inside it comes back with it
      if (range.rowBytes !== undefined) {
        const rows = (p: RangePos) => p.end.row - p.start.row + 1;
        same.rowBytes = (same.rowBytes ?? 0) + (range.rowBytes * rows(range.pos)) / rows(same.pos);
      }
      return;
    }
    ranges.push(range);
    this.dirt.set(key, ranges.length > MAX_RANGES ? { whole: true } : { whole: false, ranges });
  }

  /** Replaces the cells of `pos` on a cached sheet with what was read (formulas kept when not read). */
  patch(name: string, pos: RangePos, values: CellValue[][], formulas: (string | null)[][] | null): void {
    const sheet = this.find(name);
    if (!sheet) return;
    // formulas read where the stamp says exactly those formulas leave the sheet stamped (a row the
    // pane added at the bottom of the werkblad, read back to see the used range's new edge)
    const stamped = sheet.stamped;
    if (formulas && stamped && formulas.every((line, i) => line.every((f, j) => (f ?? null) === stampedAt(stamped, pos.start.row + i, pos.start.column + j))))
      formulas = null;
    // snapshots made before share the grids' outer arrays (toSnapshot): they are copied, never
    // changed in place, so an older snapshot stays what was read (an apply's basis is checked
    // against it); formulas read here replace the stamp's the same way
    sheet.values = sheet.values.slice();
    if (formulas) sheet.formulas = sheet.formulas.slice();
    for (let i = 0; i < values.length; i++) {
      const r = pos.start.row - 1 + i;
      while (sheet.values.length <= r) sheet.values.push([]);
      const vrow = [...sheet.values[r]];
      for (let j = 0; j < values[i].length; j++) {
        const c = pos.start.column - 1 + j;
        while (vrow.length < c) vrow.push(null);
        vrow[c] = values[i][j];
      }
      sheet.values[r] = vrow;
      if (!formulas) continue; // the formulas stay as they are (and, when stamped, unbuilt)
      while (sheet.formulas.length <= r) sheet.formulas.push([]);
      const frow = [...sheet.formulas[r]];
      for (let j = 0; j < formulas[i].length; j++) {
        const c = pos.start.column - 1 + j;
        while (frow.length < c) frow.push(null);
        frow[c] = formulas[i][j];
      }
      sheet.formulas[r] = frow;
    }
    if (formulas) sheet.index = undefined;
  }

  /**
   * Response bytes a load of `pos` is expected to cost, from what the cache holds there now
   * (values, and formulas when asked), plus `perCell` for every cell (JSON framing, and
   * room for the cell to have grown).
   */
  estimateBytes(name: string, pos: RangePos, formulas: boolean, perCell = 8): number {
    const sheet = this.find(name);
    let n = (pos.end.row - pos.start.row + 1) * (pos.end.column - pos.start.column + 1) * perCell * (formulas ? 2 : 1);
    if (!sheet) return n;
    const size = (v: unknown) => (typeof v === 'string' ? v.length * 1.1 + 3 : 0);
    for (let r = pos.start.row; r <= Math.min(pos.end.row, sheet.values.length); r++) {
      const vrow = sheet.values[r - 1];
      for (let c = pos.start.column; c <= pos.end.column; c++) {
        n += size(vrow?.[c - 1]);
        if (!formulas) continue;
        // stamped formulas are not built for an estimate (formulaLength)
        const length = formulaLength(sheet, r, c);
        n += length !== undefined ? length * 1.1 + 3 : size(vrow?.[c - 1]);
      }
    }
    return n;
  }

  /**
   * The snapshot the engine gets: a fresh top-level object per read (views compare by
   * identity), sheets and rows shared with the cache (the engine never mutates a snapshot).
   */
  toSnapshot(): WorkbookSnapshot {
    return {
      sheets: (this.sheets ?? []).map((s): SheetSnapshot => {
        const sheet: SheetSnapshot = {
          name: s.name,
          values: s.values,
          hidden: s.hidden,
          liveFormulas: true,
          ...(s.merges?.length ? { merges: s.merges } : {}),
          ...(s.protection?.protected
            ? {
                protection: {
                  protected: true,
                  unlocked: s.unlocked ?? [],
                  ...(s.protection.allowFormatCells ? { allowFormatCells: true } : {}),
                  ...(s.protection.allowFormatColumns ? { allowFormatColumns: true } : {}),
                },
              }
            : {}),
        };
        // stamped formulas stay unbuilt until the engine reads them (reading s.formulas here would build them)
        if (s.stamped) defineFormulas(sheet, s.stamped);
        else sheet.formulas = s.formulas;
        return sheet;
      }),
    };
  }
}

/** "Blad!A1:C3" for messages and loads. */
export function qualified(sheet: string, pos: RangePos): string {
  return `${sheetRef(sheet)}!${rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column)}`;
}

export { contains };

/** A write of fewer rows than this that reaches a used range's last row has all its rows marked across the range (markEdges). */
const EDGE_ROWS = 100;

/** Excel's last column (XFD). */
const MAX_COLUMN = 16_384;

/** A row of a grid after a column shift (a new array; a row that ends before the shift is kept). */
function spliceRow<T>(row: T[], shift: ColumnShift): T[] {
  if (row.length < shift.at) return row;
  const out = row.slice();
  if (shift.count > 0) out.splice(shift.at - 1, 0, ...(Array(shift.count).fill(null) as T[]));
  else out.splice(shift.at - 1, -shift.count);
  return out;
}

/** A used-range address after a column shift ("" when its columns all went); the next walk reads the real one. */
function shiftedUsed(address: string, shift: ColumnShift): string {
  if (!address) return address;
  const pos = parseRange(address);
  const span = shiftColumnSpan(pos.start.column, pos.end.column, shift);
  return span ? rangeAddress(pos.start.row, span[0], pos.end.row, span[1]) : '';
}

/** True when the formula cells of `formulas` are exactly those `runs` describe, with the same text. */
function holdsExactly(formulas: (string | null)[][], runs: readonly StampRun[]): boolean {
  const stamped: StampedFormulas = { runs };
  const count = runs.reduce((n, run) => n + run[2], 0);
  let seen = 0;
  for (let r = 0; r < formulas.length; r++) {
    const line = formulas[r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) {
      const f = line[c];
      if (!f) continue;
      seen++;
      if (seen > count || stampedAt(stamped, r + 1, c + 1) !== f) return false;
    }
  }
  return seen === count;
}

/**
 * The formula stamp as `ops` leave it: the stamp cells the cache holds (Keuzelijsten, its
 * stamp column) with the plan's stamp writes over them; null when the plan writes no stamp
 * (`ops` given) or the result is not a valid stamp. With no ops: the stamp the cache holds.
 */
function plannedStamp(sheets: CachedSheet[], ops: PlanOp[]): ParsedStamp | null {
  const lijsten = sheets.find((x) => sameName(x.name, SHEET_NAMES.lijsten));
  if (!lijsten) return null;
  const col = FORMULA_STAMP.column;
  const cells: CellValue[] = Array.from({ length: FORMULA_STAMP.maxCells }, (_, i) => lijsten.values[i]?.[col - 1] ?? null);
  let written = false;
  for (const op of ops) {
    if (!isStampWrite(op) || op.kind !== 'setCells') continue;
    const { row } = parseCell(op.cell);
    op.cells.forEach((line, i) => {
      const cell = line[0];
      if (row + i > FORMULA_STAMP.maxCells || !cell) return;
      cells[row + i - 1] = 'text' in cell ? cell.text : null;
      written = true;
    });
  }
  return written || !ops.length ? parseStamp(cells) : null;
}

/** A setCells of text (or clears) only into the formula stamp column of the Keuzelijsten sheet. */
function isStampWrite(op: PlanOp): boolean {
  if (op.kind !== 'setCells' || !sameName(op.sheet, SHEET_NAMES.lijsten)) return false;
  const { column } = parseCell(op.cell);
  return column === FORMULA_STAMP.column && op.cells.every((line) => line.length === 1 && line.every((c) => 'text' in c || 'clear' in c));
}

/**
 * An in-memory workbook: the port for tests and the browser preview. No Node APIs.
 *
 * What it models:
 * - Sheets in order, names unique without regard to case, a hidden flag.
 * - Cells holding a value or a formula. It cannot calculate: a formula cell's value in
 *   a snapshot is the cached value set with `setCell(…, { formula, value })`, else null.
 *   A formula written by a plan keeps the engine's result as its cached value (null
 *   when it has none or it is empty text), like a file written by the
 *   xlsx adapter before Excel recalculates it.
 * - Text is entered the way Excel's parse-as-typed APIs (Office.js `Range.values`)
 *   enter it: through `toEntryText` and then `parseEntry` (src/core/textSafety.ts), so a
 *   text that the escaping fails to protect turns into a formula or number here too.
 * - Data validations per range; a new one replaces the overlapping part of older ones
 *   (the rest of an older range keeps its rule, as in Excel).
 * - Styles per cell, column widths, frozen panes.
 * - The team's defined names and conditional formats (`defineName`, `addConditionalFormat`;
 *   no plan op makes them), kept and moved by a column insert or delete as Excel does
 *   (src/core/columnShift.ts), and read with the validations into `snapshot.definitions`
 *   when asked (`SnapshotRequest.definitions`).
 *
 * `apply` is all or nothing: the plan is checked first (unknown sheet, bad address,
 * text over 32,767 characters … → WorkbookError, nothing changed) and then carried out
 * on a copy that replaces the state only when every op succeeded.
 */
import { cellAddress, columnLetter, columnNumber, parseCell } from '../../core/a1';
import { shiftColumn, shiftColumnSpan, shiftFormula, shiftRange, shiftRanges, shiftRuleFormula, type ColumnShift } from '../../core/columnShift';
import { MAX_COLUMNS } from '../../core/errors';
import { appendedFormats, appendedHeights, placeRowOp, recordPlacement, updatedRowHeight, type SheetRows } from '../../core/keyedRows';
import type {
  CellCommentSnapshot,
  CellInput,
  CellStyle,
  CellValue,
  DefinedNameSnapshot,
  Plan,
  PlanOp,
  RangeRuleSnapshot,
  SheetSnapshot,
  ValidationRule,
  ValidationSnapshot,
  WorkbookDefinitions,
  WorkbookSnapshot,
} from '../../core/snapshot';
import { parseEntry, toEntryText } from '../../core/textSafety';
import { WorkbookError } from '../errors';
import { checkBasis, refusedByGuards } from '../basis';
import { checkColumnGuards, checkPlan, checkSheetName } from '../planCheck';
import { checkProtection } from '../protection';
import type { ApplyOptions, ApplyResult, RangeRef, SnapshotRequest, WorkbookPort } from '../port';
import { area, containsCell, intersection, overlaps, rectAddress, rectOf, rectsOfCells, subtract, type Rect } from '../rectangles';
import { mergeStyle } from '../styles';
import { canonicalRule, ruleKey } from '../validationRules';

/** What a test puts into a cell directly: a value (strings stay as given) or a formula with an optional cached value. */
/**
 * What a test puts into a cell directly: a value (strings stay as given) or a formula with
 * an optional cached value; `noCachedResult`: the formula has none (a file's `<f>` without
 * `<v>`), which a null `value` alone does not say (it is also an empty cached text).
 */
export type GridCell = CellValue | { formula: string; value?: CellValue; noCachedResult?: boolean };

interface MemoryCell {
  value: CellValue;
  /** With its leading "=". */
  formula?: string;
  /** A formula without a cached result (written by a plan without `result`): listed in the snapshot's `noCachedResult`. */
  noResult?: true;
}

interface MemoryValidation {
  rect: Rect;
  rule: ValidationRule;
}

interface MemorySheet {
  name: string;
  hidden: boolean;
  /** row → column → cell; only non-empty cells are kept. */
  rows: Map<number, Map<number, MemoryCell>>;
  /** "row:column" → style. */
  styles: Map<string, CellStyle>;
  /**
   * Large areas unlocked as a whole (whole columns a team unlocked in Excel, as a file read
   * reports them: `unlockRange`), kept as rectangles instead of a style per cell; never
   * overlapping. A cell's own `locked` style, where set, wins over them.
   */
  unlockedAreas: Rect[];
  /** Never overlapping one another. */
  validations: MemoryValidation[];
  widths: Map<number, number>;
  /** Row heights in points, as set by setRowHeights. */
  heights: Map<number, number>;
  freeze: { rows: number; columns: number };
  /** Merged areas (A1), as a team made them in Excel; the port never merges. */
  merges: string[];
  /** Conditional formats as a team made them in Excel (tests, the preview): ranges and formulas. */
  conditionalFormats: { ranges: string[]; formulas: string[] }[];
  /** Cell comments and notes as a team made them in Excel (tests, the preview): cell (A1) and text, in the order added. */
  comments: { cell: string; text: string }[];
  /** Sheet protection as a team set it in Excel (tests); null: not protected. */
  protection: { allowFormatCells?: boolean; allowFormatColumns?: boolean } | null;
  /** Page setup as set (by the team or a setPageSetup op); absent fields: Excel's defaults. */
  pageSetup: PageSetup;
  /**
   * Rows whose cell map is this sheet's own (copied or made by a write) when the sheet is an
   * apply's draft (`draftSheet` copies a sheet without copying its rows); every other row's
   * map is still shared with the sheet it was copied from, and a write copies it first. So
   * this is also the set of rows an apply wrote. Undefined: every row is this sheet's own.
   */
  ownRows?: Set<number>;
  /** True while `styles` is still the map of the sheet this one was copied from. */
  sharedStyles?: boolean;
}

/** A sheet's page setup as the memory adapter keeps it (the fields of a setPageSetup op). */
export interface PageSetup {
  orientation?: 'portrait' | 'landscape';
  fitToWidth?: number;
  printTitleRows?: { first: number; last: number };
  printArea?: string;
}

function cloneSheet(s: MemorySheet): MemorySheet {
  const rows = new Map<number, Map<number, MemoryCell>>();
  for (const [r, line] of s.rows) {
    const copy = new Map<number, MemoryCell>();
    for (const [c, cell] of line) copy.set(c, { ...cell });
    rows.set(r, copy);
  }
  return {
    name: s.name,
    hidden: s.hidden,
    rows,
    styles: new Map([...s.styles].map(([k, v]) => [k, { ...v }])),
    unlockedAreas: s.unlockedAreas.map((a) => ({ ...a })),
    validations: s.validations.map((v) => ({ rect: { ...v.rect }, rule: { ...v.rule } })),
    widths: new Map(s.widths),
    heights: new Map(s.heights),
    freeze: { ...s.freeze },
    merges: [...s.merges],
    conditionalFormats: s.conditionalFormats.map(cloneRule),
    comments: s.comments.map((c) => ({ ...c })),
    protection: s.protection && { ...s.protection },
    pageSetup: clonePageSetup(s.pageSetup),
  };
}

/**
 * The copy an apply writes into: rows and styles are shared with `s` and copied only where
 * an op writes (copy on write), so a plan that changes one cell of a 5,000-row sheet costs
 * one row, not the sheet. `s` itself is never changed through the copy.
 */
function draftSheet(s: MemorySheet): MemorySheet {
  return {
    ...s,
    rows: new Map(s.rows),
    ownRows: new Set(),
    sharedStyles: true,
    unlockedAreas: s.unlockedAreas.map((a) => ({ ...a })),
    validations: s.validations.map((v) => ({ rect: { ...v.rect }, rule: { ...v.rule } })),
    widths: new Map(s.widths),
    // copied like the widths: a plan that fails halfway must leave the row heights as they were
    heights: new Map(s.heights),
    freeze: { ...s.freeze },
    merges: [...s.merges],
    conditionalFormats: s.conditionalFormats.map(cloneRule),
    comments: s.comments.map((c) => ({ ...c })),
    protection: s.protection && { ...s.protection },
    pageSetup: clonePageSetup(s.pageSetup),
  };
}

/** The sheet's row map for writing (copied first when it is still shared; created when missing). */
function ownRow(sheet: MemorySheet, row: number): Map<number, MemoryCell> | undefined {
  const line = sheet.rows.get(row);
  if (!line || !sheet.ownRows || sheet.ownRows.has(row)) return line;
  const copy = new Map(line);
  sheet.rows.set(row, copy);
  sheet.ownRows.add(row);
  return copy;
}

/** The sheet's style map for writing (copied first when it is still shared). */
function ownStyles(sheet: MemorySheet): Map<string, CellStyle> {
  if (sheet.sharedStyles) {
    sheet.styles = new Map(sheet.styles);
    sheet.sharedStyles = false;
  }
  return sheet.styles;
}

function newSheet(name: string, hidden: boolean): MemorySheet {
  return {
    name,
    hidden,
    rows: new Map(),
    styles: new Map(),
    unlockedAreas: [],
    validations: [],
    widths: new Map(),
    heights: new Map(),
    freeze: { rows: 0, columns: 0 },
    merges: [],
    conditionalFormats: [],
    comments: [],
    protection: null,
    pageSetup: {},
  };
}

function isBlank(cell: MemoryCell | undefined): boolean {
  return !cell || (cell.formula === undefined && (cell.value === null || cell.value === ''));
}

function putCell(sheet: MemorySheet, row: number, column: number, cell: MemoryCell | null): void {
  if (!cell || isBlank(cell)) {
    const line = ownRow(sheet, row);
    if (!line) return;
    line.delete(column);
    if (line.size === 0) sheet.rows.delete(row);
    return;
  }
  let line = ownRow(sheet, row);
  if (!line) {
    sheet.rows.set(row, (line = new Map<number, MemoryCell>()));
    sheet.ownRows?.add(row);
  }
  line.set(column, cell);
}

/** What a plan's cell input becomes in the cell, entered like Excel's typing APIs. */
function entered(input: CellInput): MemoryCell | null {
  if ('text' in input) {
    const parsed = parseEntry(toEntryText(input.text));
    switch (parsed.kind) {
      case 'empty':
        return null;
      case 'formula':
        return { value: null, formula: parsed.value };
      default:
        return { value: parsed.value };
    }
  }
  if ('number' in input) return { value: input.number };
  if ('bool' in input) return { value: input.bool };
  if ('formula' in input) {
    if (input.result === undefined) return { value: null, formula: input.formula, noResult: true };
    return { value: input.result === '' ? null : input.result, formula: input.formula };
  }
  return null;
}

function gridCell(content: GridCell): MemoryCell | null {
  if (content !== null && typeof content === 'object') {
    const formula = content.formula.startsWith('=') ? content.formula : `=${content.formula}`;
    return content.noCachedResult ? { value: null, formula, noResult: true } : { value: content.value ?? null, formula };
  }
  return { value: content };
}

function lastUsedRow(sheet: MemorySheet): number {
  let last = 0;
  for (const [r, line] of sheet.rows) {
    if (r <= last) continue;
    for (const c of line.values()) {
      if (!isBlank(c)) {
        last = r;
        break;
      }
    }
  }
  return last;
}

function setValidationOn(sheet: MemorySheet, rect: Rect, rule: ValidationRule): void {
  const kept: MemoryValidation[] = [];
  for (const v of sheet.validations) {
    if (overlaps(v.rect, rect)) for (const piece of subtract(v.rect, rect)) kept.push({ rect: piece, rule: v.rule });
    else kept.push(v);
  }
  kept.push({ rect, rule: canonicalRule(rule) });
  sheet.validations = kept;
}

/** The rule on every cell of `rect`, or null when some cell has none or another rule. */
function ruleCovering(sheet: MemorySheet, rect: Rect): ValidationRule | null {
  const parts = sheet.validations.map((v) => ({ v, x: intersection(v.rect, rect) })).filter((p) => p.x !== null);
  if (parts.length === 0) return null;
  const first = ruleKey(parts[0].v.rule);
  if (parts.some((p) => ruleKey(p.v.rule) !== first)) return null;
  // validations never overlap one another, so the areas add up
  const covered = parts.reduce((n, p) => n + area(p.x as Rect), 0);
  return covered === area(rect) ? canonicalRule(parts[0].v.rule) : null;
}

/** The value a snapshot would report for one cell (a formula: its cached value). */
function valueOf(sheet: MemorySheet, row: number, column: number): CellValue {
  return sheet.rows.get(row)?.get(column)?.value ?? null;
}

/** The sheet as the shared row-op rules read it (src/core/keyedRows.ts). */
function rowsOf(sheet: MemorySheet): SheetRows {
  return { lastUsedRow: () => lastUsedRow(sheet), value: (row, column) => valueOf(sheet, row, column) };
}

const styleKey = (row: number, column: number) => `${row}:${column}`;

/** A style key's row and column. */
function cellOfKey(k: string): [number, number] {
  const i = k.indexOf(':');
  return [Number(k.slice(0, i)), Number(k.slice(i + 1))];
}

/** Removes `locked` from the style at `k` (the whole style when nothing else is left). */
function clearLock(styles: Map<string, CellStyle>, k: string, style: CellStyle): void {
  const rest = { ...style };
  delete rest.locked;
  if (Object.keys(rest).length) styles.set(k, rest);
  else styles.delete(k);
}

/** Cells in an area larger than this are unlocked as one area (`unlockRange`), not cell by cell. */
const LARGE_UNLOCKED_AREA = 10_000;

export class MemoryWorkbook implements WorkbookPort {
  private sheets: MemorySheet[] = [];
  /**
   * The last snapshot of each sheet, valid as long as the sheet is the same object: an
   * apply replaces every sheet it writes with a copy, and the test helpers that change a
   * sheet in place drop its entry. Snapshots are shared between reads: treat them as
   * read-only (the engine does; `simulate` copies).
   */
  private readonly snapshots = new WeakMap<MemorySheet, SheetSnapshot>();
  /**
   * A sheet an apply wrote only cells of (no style, merge, protection or column change), with
   * the snapshot of the sheet it was copied from (or of an earlier one in a line of such
   * copies) and the rows written since: its snapshot is that one with those rows read again
   * (`derivedSnapshot`), not every row. Dropped once the sheet has its own snapshot.
   */
  private readonly derivable = new WeakMap<MemorySheet, { prev: SheetSnapshot; rows: Set<number> }>();
  /** Each row's values and formulas as last put into a snapshot, by the row's cell map (unchanged rows are not read again). */
  private readonly rowSnapshots = new WeakMap<Map<number, MemoryCell>, { values: CellValue[]; formulas: (string | null)[]; noResult: number[] }>();
  private selected: { sheet: string; cell: string } | null = null;
  /** The workbook's defined names, as a team made them (`defineName`). */
  private names: DefinedNameSnapshot[] = [];
  /** The workbook's date system (Excel's "Use 1904 date system"); kept in snapshots. */
  date1904 = false;
  /** Whole columns are inserted and deleted with every reference (see `shiftColumns`). */
  readonly canShiftColumns = true;

  /**
   * A workbook from plain grids: `{ Blad1: [['a', 1], [null, { formula: '=A2*2', value: 4 }]] }`.
   * Values go in as given (a string "=1" is text here); sheets in the object's order.
   */
  static fromGrid(grid: Record<string, GridCell[][]>, options: { hidden?: string[]; date1904?: boolean } = {}): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    wb.date1904 = !!options.date1904;
    const hidden = new Set((options.hidden ?? []).map((h) => h.toLowerCase()));
    for (const [name, rows] of Object.entries(grid)) {
      wb.addSheet(name, { hidden: hidden.has(name.toLowerCase()) });
      rows.forEach((line, i) => line.forEach((content, j) => putCell(wb.sheet(name), i + 1, j + 1, gridCell(content))));
    }
    return wb;
  }

  async readSnapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
    const sheets = this.sheets.map((s) => this.snapshotOf(s));
    const snapshot: WorkbookSnapshot = this.date1904 ? { sheets, date1904: true } : { sheets };
    if (request.definitions) snapshot.definitions = this.definitions();
    const targets: RangeRef[] = request.validationTargets ? request.validationTargets(snapshot) : [];
    const validations: ValidationSnapshot[] = targets.map((t) => {
      const sheet = this.find(t.sheet);
      return { sheet: t.sheet, range: t.range, rule: sheet ? ruleCovering(sheet, rectOf(t.range)) : null };
    });
    return { ...snapshot, validations };
  }

  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    checkPlan(
      plan,
      this.sheets.map((s) => s.name),
      { columns: true },
    );
    // only protected sheets matter: their snapshots are made once per apply
    const protectedSheets = new Map(this.sheets.filter((s) => s.protection).map((s) => [s.name.toLowerCase(), this.snapshotOf(s)]));
    if (protectedSheets.size) checkProtection(plan, (name) => protectedSheets.get(name.toLowerCase()));
    // a co-author guard on a column insert/delete refuses the whole plan (the draft below would be dropped too)
    if (plan.ops.some((op) => (op.kind === 'insertColumns' || op.kind === 'deleteColumns') && op.expect)) {
      checkColumnGuards(plan, (name) => {
        const s = this.find(name);
        return s && this.snapshotOf(s);
      });
    }
    // a cell the plan writes that is no longer what the plan was built on refuses the whole plan (src/workbook/basis.ts),
    // unless a guarded cell of the plan meets a co-author's change too: then nothing is written and the guard speaks;
    // after the column guards, whose message says more about a changed column
    if (options.basis) {
      const guards = checkBasis(
        plan,
        options.basis,
        (name) => {
          const s = this.find(name);
          return s && this.sheetSnapshot(s);
        },
        () => ({ sheets: this.sheets.map((s) => this.sheetSnapshot(s)) }),
      );
      if (guards) return refusedByGuards(plan, guards);
    }
    // the draft copies only the sheets the plan names, and of those only the rows it writes
    // (copy on write): a typed score costs one row, not the workbook
    const touched = new Set(plan.ops.map((op) => op.sheet.toLowerCase()));
    // a column insert or delete moves references in the formulas of every sheet
    const everySheet = plan.ops.some((op) => op.kind === 'insertColumns' || op.kind === 'deleteColumns');
    const draft = new MemoryWorkbook();
    /** Each draft sheet → the sheet it copies. */
    const copied = new Map<MemorySheet, MemorySheet>();
    draft.sheets = this.sheets.map((s) => {
      if (!everySheet && !touched.has(s.name.toLowerCase())) return s;
      const d = draftSheet(s);
      copied.set(d, s);
      return d;
    });
    draft.names = this.names.map((n) => ({ ...n }));
    const result: ApplyResult = { operations: 0, appendedAt: [], missingKeys: [], conflicts: [] };
    plan.ops.forEach((op, i) => {
      draft.applyOp(op, result);
      result.operations++;
      options.onProgress?.((i + 1) / plan.ops.length);
    });
    this.sheets = draft.sheets;
    this.names = draft.names;
    for (const s of this.sheets) {
      const base = copied.get(s);
      if (base) this.noteWrittenCells(s, base);
    }
    return result;
  }

  /**
   * After an apply: when `s` (the draft that replaced `base`) differs from it in cells only,
   * remembers how to derive its snapshot from the last known one (see `derivable`).
   */
  private noteWrittenCells(s: MemorySheet, base: MemorySheet): void {
    const own = this.snapshots.get(base);
    const basis = own ? { prev: own, rows: new Set<number>() } : this.derivable.get(base);
    if (!basis || !s.ownRows || !onlyCellsDiffer(s, base)) return;
    const rows = new Set(basis.rows);
    for (const r of s.ownRows) rows.add(r);
    this.derivable.set(s, { prev: basis.prev, rows });
  }

  /** The sheet's snapshot: the one kept for this sheet object, else derived from an earlier one (`derivable`) or read in full, and kept. */
  private snapshotOf(s: MemorySheet): SheetSnapshot {
    let snap = this.snapshots.get(s);
    if (!snap) {
      const basis = this.derivable.get(s);
      snap = basis ? this.derivedSnapshot(s, basis.prev, basis.rows) : this.sheetSnapshot(s);
      this.snapshots.set(s, snap);
      this.derivable.delete(s);
    }
    return snap;
  }

  /** The sheet was changed in place (test helpers): its kept snapshot, and any way to derive one, go. */
  private forgetSnapshot(s: MemorySheet): void {
    this.snapshots.delete(s);
    this.derivable.delete(s);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet: this.sheet(sheet).name, cell };
  }

  /** The cell last selected with `selectCell`, or null. */
  get selection(): { sheet: string; cell: string } | null {
    return this.selected;
  }

  /** An independent copy (another user's view of the same workbook, a before/after pair). */
  clone(): MemoryWorkbook {
    const copy = new MemoryWorkbook();
    copy.sheets = this.sheets.map(cloneSheet);
    copy.names = this.names.map((n) => ({ ...n }));
    copy.date1904 = this.date1904;
    return copy;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Adds a sheet directly (tests); the name is checked like a plan's addSheet. */
  addSheet(name: string, options: { hidden?: boolean } = {}): void {
    checkSheetName(name);
    const existing = this.find(name);
    if (existing) throw new WorkbookError('sheetExists', [name, existing.name], name);
    this.sheets.push(newSheet(name, options.hidden ?? false));
  }

  /**
   * Merges `range` as a team does in Excel (tests): the top-left cell keeps its content,
   * the other cells are emptied, as Excel does.
   */
  mergeCells(sheet: string, range: string): void {
    const s = this.sheet(sheet);
    const rect = rectOf(range);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) if (r !== rect.top || c !== rect.left) this.changeRow(s, r)?.delete(c);
    s.merges.push(rectAddress(rect));
    this.forgetSnapshot(s);
  }

  /**
   * Protects the sheet as a team does in Excel (tests): locked cells (every cell not
   * unlocked with a setStyle `{ locked: false }`) can no longer be changed through the port.
   */
  protectSheet(sheet: string, options: { allowFormatCells?: boolean; allowFormatColumns?: boolean } = {}): void {
    const s = this.sheet(sheet);
    s.protection = { ...options };
    this.forgetSnapshot(s);
  }

  /**
   * Marks the cells of `range` (A1) unlocked (Excel: Celeigenschappen > Bescherming), as a
   * file read by the preview has them; with protectSheet, the sheet's protection as read.
   * A range of more than 10,000 cells (a whole column: "C1:C1048576") is kept as one area,
   * not as a style per cell, so a sheet the team unlocked column by column (or whole) opens
   * at once.
   */
  unlockRange(sheet: string, range: string): void {
    const s = this.sheet(sheet);
    const rect = rectOf(range);
    if (area(rect) > LARGE_UNLOCKED_AREA) {
      s.unlockedAreas = [...s.unlockedAreas.flatMap((a) => subtract(a, rect)), rect];
      // the area's own cells go by the area from now on (their own lock state is this one)
      if (s.styles.size)
        for (const [k, style] of ownStyles(s)) if (style.locked !== undefined && containsCell(rect, ...cellOfKey(k))) clearLock(s.styles, k, style);
      this.forgetSnapshot(s);
      return;
    }
    const styles = ownStyles(s);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const k = styleKey(r, c);
        styles.set(k, mergeStyle(styles.get(k) ?? {}, { locked: false }));
      }
    this.forgetSnapshot(s);
  }

  /** Removes the sheet's protection (tests). */
  unprotectSheet(sheet: string): void {
    const s = this.sheet(sheet);
    s.protection = null;
    this.forgetSnapshot(s);
  }

  /** The cell's value (a formula cell: its cached value or null). */
  getCell(sheet: string, address: string): CellValue {
    const { row, column } = parseCell(address);
    return this.sheet(sheet).rows.get(row)?.get(column)?.value ?? null;
  }

  /** The cell's formula with its leading "=", or null. */
  getFormula(sheet: string, address: string): string | null {
    const { row, column } = parseCell(address);
    return this.sheet(sheet).rows.get(row)?.get(column)?.formula ?? null;
  }

  /** Puts content into a cell as given (no parse-as-typed): a value, or a formula with its cached value. */
  setCell(sheet: string, address: string, content: GridCell): void {
    const { row, column } = parseCell(address);
    const s = this.sheet(sheet);
    this.changeRow(s, row);
    putCell(s, row, column, gridCell(content));
    this.forgetSnapshot(s);
  }

  /** The validation rule on one cell, or null. */
  getValidation(sheet: string, address: string): ValidationRule | null {
    const { row, column } = parseCell(address);
    const v = this.sheet(sheet).validations.find((x) => containsCell(x.rect, row, column));
    return v ? canonicalRule(v.rule) : null;
  }

  /** Puts a validation on a range directly (tests), like a plan's setValidation. */
  setValidation(sheet: string, range: string, rule: ValidationRule): void {
    const s = this.sheet(sheet);
    setValidationOn(s, rectOf(range), rule);
    this.forgetSnapshot(s);
  }

  /**
   * Defines (or redefines) a name as a team does in Excel (Formules > Naam definiëren;
   * tests, the preview): `formula` with its "=" and sheet-qualified references
   * ("='Werk blad'!$D$6:$D$20"); `scope`: the sheet it is local to, absent for the workbook.
   */
  defineName(name: string, formula: string, scope?: string): void {
    const sheet = scope === undefined ? undefined : this.sheet(scope).name;
    const same = (n: DefinedNameSnapshot) => n.name.toLowerCase() === name.toLowerCase() && (n.scope ?? '').toLowerCase() === (sheet ?? '').toLowerCase();
    this.names = [...this.names.filter((n) => !same(n)), { name, formula, ...(sheet === undefined ? {} : { scope: sheet }) }];
  }

  /** The defined names (copies), in the order defined. */
  getNames(): DefinedNameSnapshot[] {
    return this.names.map((n) => ({ ...n }));
  }

  /** Adds a conditional format as a team does in Excel (tests, the preview): the ranges (A1) it applies to and its formulas (with "="). */
  addConditionalFormat(sheet: string, ranges: string[], formulas: string[]): void {
    const s = this.sheet(sheet);
    s.conditionalFormats = [...s.conditionalFormats, { ranges: [...ranges], formulas: [...formulas] }];
  }

  /** The sheet's conditional formats (copies), in the order added. */
  getConditionalFormats(sheet: string): { ranges: string[]; formulas: string[] }[] {
    return this.sheet(sheet).conditionalFormats.map(cloneRule);
  }

  /**
   * Adds a comment (or note) to a cell as a team does in Excel (tests, the preview); a cell
   * holds one: a second replaces the first. It stays with its cell: a column insert or
   * delete moves it or deletes it with the cell, as Excel does; a write into the cell leaves it.
   */
  addComment(sheet: string, cell: string, text: string): void {
    const s = this.sheet(sheet);
    const at = cell.replace(/\$/g, '').toUpperCase();
    s.comments = [...s.comments.filter((c) => c.cell !== at), { cell: at, text }];
  }

  /** The sheet's comments (copies), in the order added. */
  getComments(sheet: string): { cell: string; text: string }[] {
    return this.sheet(sheet).comments.map((c) => ({ ...c }));
  }

  /** Names, conditional formats, validations and comments for `snapshot.definitions`: every sheet's, in sheet order. */
  private definitions(): WorkbookDefinitions {
    const rules: RangeRuleSnapshot[] = [];
    const comments: CellCommentSnapshot[] = [];
    for (const s of this.sheets) {
      for (const cf of s.conditionalFormats) rules.push({ kind: 'conditionalFormat', sheet: s.name, ranges: [...cf.ranges], formulas: [...cf.formulas] });
      for (const v of s.validations) rules.push({ kind: 'validation', sheet: s.name, ranges: [rectAddress(v.rect)], formulas: validationFormulas(v.rule) });
      for (const c of s.comments) comments.push({ sheet: s.name, cell: c.cell, text: c.text });
    }
    return { names: this.getNames(), rules, comments };
  }

  /** The cell's style: only what is switched on or set. */
  getStyle(sheet: string, address: string): CellStyle {
    const { row, column } = parseCell(address);
    const s = this.sheet(sheet);
    const style = { ...(s.styles.get(styleKey(row, column)) ?? {}) };
    return s.unlockedAreas.some((a) => containsCell(a, row, column)) ? { ...style, locked: false } : style;
  }

  /** The column's width (Excel's character units), or undefined when never set. */
  getColumnWidth(sheet: string, column: string): number | undefined {
    return this.sheet(sheet).widths.get(columnNumber(column));
  }

  /** The row's height in points, or undefined when never set. */
  getRowHeight(sheet: string, row: number): number | undefined {
    return this.sheet(sheet).heights.get(row);
  }

  /** The sheet's page setup (a copy); fields never set are absent. */
  getPageSetup(sheet: string): PageSetup {
    return clonePageSetup(this.sheet(sheet).pageSetup);
  }

  /** Sets page setup as a team would in Excel (tests): replaces the given fields. */
  setPageSetup(sheet: string, setup: PageSetup): void {
    const s = this.sheet(sheet);
    Object.assign(s.pageSetup, clonePageSetup(setup));
    this.forgetSnapshot(s);
  }

  /** Frozen rows and columns (0 and 0 when nothing is frozen). */
  getFreeze(sheet: string): { rows: number; columns: number } {
    return { ...this.sheet(sheet).freeze };
  }

  /** A row of a sheet about to be changed in place (test helpers): its cached row snapshot goes. */
  private changeRow(s: MemorySheet, row: number): Map<number, MemoryCell> | undefined {
    const line = ownRow(s, row);
    if (line) this.rowSnapshots.delete(line);
    return line;
  }

  private find(name: string): MemorySheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  private sheet(name: string): MemorySheet {
    const s = this.find(name);
    if (!s) throw new WorkbookError('unknownSheet', [name], name);
    return s;
  }

  /** One row as a snapshot holds it: its values and formulas up to its last non-blank cell, and the columns of its formulas without a cached result. Kept per row map. */
  private rowSnapshot(line: Map<number, MemoryCell> | undefined): RowSnapshot {
    if (!line) return { values: [], formulas: [], noResult: [] };
    const known = this.rowSnapshots.get(line);
    if (known) return known;
    const width = Math.max(0, ...[...line].filter(([, c]) => !isBlank(c)).map(([col]) => col));
    const row: RowSnapshot = { values: [], formulas: [], noResult: [] };
    for (let c = 1; c <= width; c++) {
      const cell = line.get(c);
      row.values.push(cell?.value ?? null);
      row.formulas.push(cell?.formula ?? null);
      if (cell?.noResult && cell.formula !== undefined) row.noResult.push(c);
    }
    this.rowSnapshots.set(line, row);
    return row;
  }

  private sheetSnapshot(s: MemorySheet): SheetSnapshot {
    const last = lastUsedRow(s);
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const noCachedResult: string[] = [];
    for (let r = 1; r <= last; r++) {
      const row = this.rowSnapshot(s.rows.get(r));
      values.push(row.values);
      formulas.push(row.formulas);
      for (const c of row.noResult) noCachedResult.push(cellAddress(r, c));
    }
    const unlocked = unlockedRanges(s);
    const protection = s.protection || unlocked.length ? { protection: { protected: !!s.protection, unlocked, ...(s.protection ?? {}) } } : {};
    return {
      name: s.name,
      values,
      formulas,
      hidden: s.hidden,
      ...(s.merges.length ? { merges: [...s.merges] } : {}),
      ...protection,
      ...(noCachedResult.length ? { noCachedResult } : {}),
    };
  }

  /**
   * The snapshot of `s` from `prev`, the snapshot of an earlier sheet that `s` differs from
   * in the cells of `rows` only (see `noteWrittenCells`): `prev` with those rows read again
   * and the used range ended where it now ends. The same as `sheetSnapshot(s)` (tests:
   * memoryIncrementalSnapshot.test.ts); rows not written are the same arrays as in `prev`.
   */
  private derivedSnapshot(s: MemorySheet, prev: SheetSnapshot, rows: ReadonlySet<number>): SheetSnapshot {
    const used = (r: number) => {
      const line = s.rows.get(r);
      if (line) for (const c of line.values()) if (!isBlank(c)) return true;
      return false;
    };
    // a row not written is used as it was in `prev` (below its used range: empty); a snapshot's row is as long as its last used cell
    const usedBefore = (r: number) => (prev.values[r - 1]?.length ?? 0) > 0 || (prev.formulas?.[r - 1]?.length ?? 0) > 0;
    let last = prev.values.length;
    for (const r of rows) if (r > last && used(r)) last = r;
    while (last > 0 && !(rows.has(last) ? used(last) : usedBefore(last))) last--;
    const values = prev.values.slice(0, last);
    const formulas = (prev.formulas ?? []).slice(0, last);
    for (let r = prev.values.length + 1; r <= last; r++) {
      values[r - 1] = [];
      formulas[r - 1] = [];
    }
    let noResultChanged = false;
    for (const r of rows) {
      if (r > last) continue;
      const row = this.rowSnapshot(s.rows.get(r));
      values[r - 1] = row.values;
      formulas[r - 1] = row.formulas;
      if (row.noResult.length) noResultChanged = true;
    }
    // the formulas without a cached result, in the order a full read lists them (row by row)
    let noCachedResult = prev.noCachedResult ?? [];
    if (noResultChanged || noCachedResult.length) {
      const kept = noCachedResult.map((a) => parseCell(a)).filter((c) => c.row <= last && !rows.has(c.row));
      for (const r of rows) if (r <= last) for (const c of this.rowSnapshot(s.rows.get(r)).noResult) kept.push({ row: r, column: c });
      kept.sort((a, b) => a.row - b.row || a.column - b.column);
      noCachedResult = kept.map((c) => cellAddress(c.row, c.column));
    }
    return {
      name: s.name,
      values,
      formulas,
      hidden: s.hidden,
      ...(prev.merges ? { merges: prev.merges } : {}),
      ...(prev.protection ? { protection: prev.protection } : {}),
      ...(noCachedResult.length ? { noCachedResult } : {}),
    };
  }

  private writeRow(sheet: MemorySheet, row: number, column: number, inputs: CellInput[]): void {
    inputs.forEach((input, j) => putCell(sheet, row, column + j, entered(input)));
  }

  /**
   * A whole-column insert or delete on `name` (src/core/columnShift.ts), as Excel does it:
   * cells, styles, validations, merges, widths, unlocked areas and the print area of the
   * sheet move; the formulas and list sources of every sheet follow. An insert that would
   * push content past XFD is refused (WorkbookError naming sheet and cell).
   */
  private shiftColumns(name: string, wanted: ColumnShift): void {
    const target = this.sheet(name);
    const shift: ColumnShift = { ...wanted, sheet: target.name };
    if (shift.count > 0) {
      const keep = MAX_COLUMNS - shift.count;
      for (const [r, line] of target.rows)
        for (const [c, cell] of line)
          if (c > keep && c >= shift.at && !isBlank(cell)) {
            const at = cellAddress(r, c);
            throw new WorkbookError(
              'invalidArgument',
              [target.name, `${shift.count} kolom(men) invoegen bij kolom ${columnLetter(shift.at)} zou ${at} van het blad af duwen; maak die cel eerst leeg.`],
              target.name,
              at,
            );
          }
    }
    for (const s of this.sheets) {
      for (const [r, line] of s.rows) {
        let own: Map<number, MemoryCell> | undefined;
        for (const [c, cell] of line) {
          if (cell.formula === undefined) continue;
          const formula = shiftFormula(cell.formula, s.name, shift);
          if (formula === cell.formula) continue;
          own ??= ownRow(s, r);
          own?.set(c, { ...cell, formula });
        }
      }
      s.validations = s.validations.map((v) =>
        v.rule.type === 'list' ? { ...v, rule: { ...v.rule, source: shiftRuleFormula(v.rule.source, s.name, shift) } } : v,
      );
      s.conditionalFormats = s.conditionalFormats.map((cf) => ({ ...cf, formulas: cf.formulas.map((f) => shiftFormula(f, s.name, shift)) }));
    }
    // names keep their place in the list; one to a deleted cell gets #REF! (Excel keeps the name)
    this.names = this.names.map((n) => ({ ...n, formula: shiftFormula(n.formula, NO_SHEET, shift) }));
    const span = (r: Rect): Rect | null => {
      const cols = shiftColumnSpan(r.left, r.right, shift);
      return cols && { ...r, left: cols[0], right: cols[1] };
    };
    const rows = new Map<number, Map<number, MemoryCell>>();
    for (const [r, line] of target.rows) {
      const moved = new Map<number, MemoryCell>();
      for (const [c, cell] of line) {
        const to = shiftColumn(c, shift);
        if (to !== null) moved.set(to, cell);
      }
      if (moved.size) rows.set(r, moved);
    }
    target.rows = rows;
    target.ownRows = undefined;
    const styles = new Map<string, CellStyle>();
    for (const [k, style] of target.styles) {
      const [r, c] = cellOfKey(k);
      const to = shiftColumn(c, shift);
      if (to !== null) styles.set(styleKey(r, to), style);
    }
    target.styles = styles;
    target.sharedStyles = false;
    target.unlockedAreas = target.unlockedAreas.map(span).filter((r): r is Rect => r !== null);
    target.validations = target.validations.flatMap((v) => {
      const rect = span(v.rect);
      return rect ? [{ ...v, rect }] : [];
    });
    const widths = new Map<number, number>();
    for (const [c, w] of target.widths) {
      const to = shiftColumn(c, shift);
      if (to !== null) widths.set(to, w);
    }
    target.widths = widths;
    target.merges = shiftRanges(target.merges, shift);
    // a conditional format applies to the cells left of its ranges; one without cells goes (as in the xlsx adapter)
    target.conditionalFormats = target.conditionalFormats.flatMap((cf) => {
      const ranges = shiftRanges(cf.ranges, shift);
      return ranges.length ? [{ ...cf, ranges }] : [];
    });
    // a comment belongs to its cell: it moves with it, and goes with a deleted one
    target.comments = target.comments.flatMap((c) => {
      const { row, column } = parseCell(c.cell);
      const to = shiftColumn(column, shift);
      return to === null ? [] : [{ ...c, cell: cellAddress(row, to) }];
    });
    if (target.pageSetup.printArea !== undefined) {
      const area = shiftRange(target.pageSetup.printArea, shift);
      if (area === null) delete target.pageSetup.printArea;
      else target.pageSetup.printArea = area;
    }
  }

  private applyOp(op: PlanOp, result: ApplyResult): void {
    switch (op.kind) {
      case 'addSheet':
        this.sheets.push(newSheet(op.sheet, op.hidden ?? false));
        return;
      case 'setCells':
      case 'appendRows':
      case 'updateRowByKey':
      case 'deleteRowByKey': {
        const s = this.sheet(op.sheet);
        const placement = placeRowOp(op, s.name, rowsOf(s));
        recordPlacement(op, placement, result);
        if (placement.kind !== 'write') return;
        placement.cells.forEach((line, i) => this.writeRow(s, placement.row + i, placement.column, line));
        if (op.kind === 'appendRows' && !s.protection) for (const h of appendedHeights(op, placement.row)) s.heights.set(h.row, h.height);
        if (op.kind === 'updateRowByKey' && !s.protection) {
          const height = updatedRowHeight(op, s.heights.get(placement.row));
          if (height !== undefined) s.heights.set(placement.row, height);
        }
        // the appended rows' own formats, where the protection lets anybody format cells
        if (op.kind === 'appendRows' && (!s.protection || s.protection.allowFormatCells))
          for (const f of appendedFormats(op, placement.row)) this.applyOp({ kind: 'setStyle', sheet: op.sheet, range: f.range, style: f.style }, result);
        return;
      }
      case 'setValidation':
        setValidationOn(this.sheet(op.sheet), rectOf(op.range), op.rule);
        return;
      case 'setStyle': {
        const s = this.sheet(op.sheet);
        const rect = rectOf(op.range);
        const styles = ownStyles(s);
        // a lock state set on cells of an unlocked area: those cells leave the area and keep it as their own
        if (op.style.locked !== undefined && s.unlockedAreas.some((a) => overlaps(a, rect)))
          s.unlockedAreas = s.unlockedAreas.flatMap((a) => (overlaps(a, rect) ? subtract(a, rect) : [a]));
        for (let r = rect.top; r <= rect.bottom; r++) {
          for (let c = rect.left; c <= rect.right; c++) {
            const k = styleKey(r, c);
            const merged = mergeStyle(styles.get(k) ?? {}, op.style);
            if (Object.keys(merged).length) styles.set(k, merged);
            else styles.delete(k);
          }
        }
        return;
      }
      case 'setColumnWidths': {
        const s = this.sheet(op.sheet);
        for (const w of op.widths) s.widths.set(columnNumber(w.column), w.width);
        return;
      }
      case 'setRowHeights': {
        const s = this.sheet(op.sheet);
        for (const h of op.heights) s.heights.set(h.row, h.height);
        return;
      }
      case 'insertColumns':
      case 'deleteColumns':
        this.shiftColumns(op.sheet, { sheet: op.sheet, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count });
        return;
      case 'freeze':
        this.sheet(op.sheet).freeze = { rows: op.rows, columns: op.columns };
        return;
      case 'setPageSetup': {
        // Only what the sheet does not have yet: the team's own settings stay.
        const p = this.sheet(op.sheet).pageSetup;
        if (op.orientation !== undefined) p.orientation ??= op.orientation;
        if (op.fitToWidth !== undefined) p.fitToWidth ??= op.fitToWidth;
        if (op.printTitleRows !== undefined) p.printTitleRows ??= { ...op.printTitleRows };
        if (op.printArea !== undefined) p.printArea ??= op.printArea;
        return;
      }
    }
  }
}

/** One row of a sheet snapshot (see MemoryWorkbook.rowSnapshot). */
interface RowSnapshot {
  values: CellValue[];
  formulas: (string | null)[];
  /** Columns (1-based) of the row's formulas without a cached result. */
  noResult: number[];
}

/**
 * True when a snapshot of draft sheet `s` can differ from one of `base`, the sheet it copies,
 * only in cells: the same name, visibility, merges, protection, unlocked areas and styles
 * (the styles map still shared).
 */
function onlyCellsDiffer(s: MemorySheet, base: MemorySheet): boolean {
  const sameRect = (a: Rect, b: Rect) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
  return (
    s.sharedStyles === true &&
    s.styles === base.styles &&
    s.name === base.name &&
    s.hidden === base.hidden &&
    s.merges.length === base.merges.length &&
    s.merges.every((m, i) => m === base.merges[i]) &&
    s.unlockedAreas.length === base.unlockedAreas.length &&
    s.unlockedAreas.every((a, i) => sameRect(a, base.unlockedAreas[i])) &&
    (s.protection === null) === (base.protection === null) &&
    s.protection?.allowFormatCells === base.protection?.allowFormatCells &&
    s.protection?.allowFormatColumns === base.protection?.allowFormatColumns
  );
}

/** The unlocked cells of a sheet as A1 ranges: runs per row, equal runs of adjacent rows joined. */
function unlockedRanges(s: MemorySheet): string[] {
  const cells = new Map<number, number[]>();
  for (const [k, style] of s.styles) {
    if (style.locked !== false) continue;
    const [r, c] = cellOfKey(k);
    let list = cells.get(r);
    if (!list) cells.set(r, (list = []));
    list.push(c);
  }
  // a cell with a lock state of its own is never inside an unlocked area (see unlockRange, setStyle)
  return [...s.unlockedAreas, ...rectsOfCells(cells)].map(rectAddress);
}

function cloneRule(r: { ranges: string[]; formulas: string[] }): { ranges: string[]; formulas: string[] } {
  return { ranges: [...r.ranges], formulas: [...r.formulas] };
}

/** No sheet is called this: a defined name's references carry their sheet, so one without does not move (as in the xlsx adapter). */
const NO_SHEET = '\u0000';

/** A validation rule's formulas, with "=": a list's source when it is a formula; number rules hold none. */
function validationFormulas(rule: ValidationRule): string[] {
  return rule.type === 'list' && rule.source.startsWith('=') ? [rule.source] : [];
}

function clonePageSetup(p: PageSetup): PageSetup {
  return { ...p, ...(p.printTitleRows ? { printTitleRows: { ...p.printTitleRows } } : {}) };
}

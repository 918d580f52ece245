/**
 * The .xlsx file adapter (ExcelJS 4.4), used by the command line and the browser
 * preview's open/download.
 *
 * - Reading: see cellValues.ts (rich text, hyperlinks, dates as serial numbers, errors,
 *   formulas with their cached results, shared formulas resolved), hidden sheets, and
 *   the validations of the requested ranges (validations.ts).
 * - Applying: the whole plan is checked first (planCheck.ts: unknown sheet, sheet name
 *   over 31 characters, bad address, text over 32,767 characters … → WorkbookError and
 *   nothing changed); then the ops run on the loaded workbook. ExcelJS has no
 *   transactions, so an unexpected ExcelJS failure halfway would leave the loaded copy
 *   half changed; the file on disk is only touched by `writeFileAtomic`.
 * - Writing a workbook that was read from a file (`fromBuffer`/`fromFile`): the applied
 *   ops are kept (appendRows / updateRowByKey resolved to the rows they hit) and
 *   replayed onto the ORIGINAL package by package/patchPackage.ts, which edits only the
 *   parts and elements the ops name; everything else keeps its bytes. ExcelJS never
 *   re-serialises a team's workbook, so nothing it does not model can get lost.
 * - Whole columns inserted or deleted (insertColumns / deleteColumns): the workbook as it
 *   stands is written, the package is shifted (package/columns.ts: cells, formulas of every
 *   sheet, names, validations, conditional formats, merges, tables, charts, comments …)
 *   and the model is read again from it; from then on writes patch that package.
 * - Writing a new workbook (`create`): ExcelJS writes it; formulas with their cached
 *   result when the plan gives one, "_xlfn." prefixes for newer functions,
 *   `fullCalcOnLoad` so Excel recalculates on open, creator "Koppelkansen Kiezen".
 *
 * Node-only pieces (fs, path) are imported lazily so the browser bundle works.
 */
import ExcelJS from 'exceljs';
import { cellAddress, columnNumber, tryParseCell } from '../../core/a1';
import type {
  CellInput,
  CellStyle,
  CellValue,
  Plan,
  PlanOp,
  RangeRuleSnapshot,
  SheetSnapshot,
  ValidationRule,
  ValidationSnapshot,
  WorkbookDefinitions,
  WorkbookSnapshot,
} from '../../core/snapshot';
import { WorkbookError } from '../errors';
import { appendedFormats, appendedHeights, placeRowOp, recordPlacement, updatedRowHeight } from '../../core/keyedRows';
import { checkBasis, refusedByGuards } from '../basis';
import { checkColumnGuards, checkColumnRoom, checkPlan } from '../planCheck';
import { checkProtection } from '../protection';
import type { ApplyOptions, ApplyResult, SnapshotRequest, WorkbookPort } from '../port';
import { rectOf } from '../rectangles';
import { applyCellStyle, readCellStyle, sheetProtection } from './cellStyles';
import { encodeTextsForWrite, isBlank, readCell, toExcelValue, unshareFormulas } from './cellValues';
import { installLargeValidationPatch } from './largeValidations';
import { readPackageDefinitions } from './package/definitions';
import { checkColumnShifts, patchPackage, scanWorksheets, type PatchWarning, type WorksheetScan } from './package/patchPackage';
import { readWithJsZip, type ReadPackageZip } from './package/packageZip';
import { modelDisagreement } from './modelAgreement';
import { readPackageSheets, type PackageSheets } from './package/readSheets';
import { ValidationLookup, setValidation, validationModel, validationRanges, type DvModel } from './validations';

const CREATOR = 'Koppelkansen Kiezen';

/** How `XlsxWorkbook.fromBuffer` reads a package. */
export interface XlsxReadOptions {
  /**
   * How the package's zip is read and patched (package/packageZip.ts): JSZip by default
   * (browser and Node); the command line gives Node's zlib (package/zipParts.ts
   * `readWithNodeZlib`), which deflates and checks CRC-32s natively.
   */
  readZip?: ReadPackageZip;
  /**
   * Read the sheets straight from the package's XML (package/readSheets.ts) instead of
   * building ExcelJS's model of every cell: reads answer from the package for as long as
   * nothing was applied, and the model is built (from the same bytes) only when an
   * operation needs it (`apply`, a column insert or delete, a plan whose rows move). The
   * command line reads this way: at 10,000 rows × 20 factors the model cost about 1.1 s and
   * 7 KB a row. The getters for tests (`getCell` …) need the model: call them after such an operation.
   */
  deferModel?: boolean;
  /**
   * With the model (no `deferModel`): also read the sheets from the package and refuse a
   * file ExcelJS reads otherwise without an error (modelAgreement.ts: a sheet it skips, texts
   * it reads as numbers …), in Dutch naming the first sheet and cell that differ
   * (WorkbookError `cannotReadLayout`). The browser's preview opens files so; costs one more
   * read of the sheets (about 0.4 s at 10,000 rows × 20).
   */
  checkModel?: boolean;
}

/**
 * `patchPackage(source, ops)` deferred, once: `ops` (a copy of its own) is consumed as it
 * is applied (PatchOptions). A function of its own: a closure made inside a method shares
 * that method's context, and with it `this` (the loaded model).
 */
function patchLater(
  source: Uint8Array,
  ops: PlanOp[],
  earlier: PatchWarning[],
  collect: (() => void) | undefined,
  readZip: ReadPackageZip,
): () => Promise<{ bytes: Uint8Array; warnings: PatchWarning[] }> {
  let used = false;
  return async () => {
    if (used) throw new Error('packageWriter: the writer was used already (it gives its ops away while writing)');
    used = true;
    const { bytes, warnings } = await patchPackage(source, ops, { consume: true, collect, readZip });
    return { bytes, warnings: [...earlier, ...warnings] };
  };
}

/**
 * A worksheet's cells as the snapshot has them: per row (1-based row r at index r − 1) the
 * values and formulas up to the last cell that is not blank (`readCell`, in the workbook's
 * date system).
 */
function sheetCells(ws: ExcelJS.Worksheet, date1904: boolean): { name: string; values: CellValue[][]; formulas: (string | null)[][] } {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const read = readCell(cell, date1904);
      if (isBlank(read)) return;
      while (values.length < r) values.push([]);
      while (formulas.length < r) formulas.push([]);
      const vr = values[r - 1];
      const fr = formulas[r - 1];
      while (vr.length < c) vr.push(null);
      while (fr.length < c) fr.push(null);
      vr[c - 1] = read.value;
      fr[c - 1] = read.formula;
    });
  });
  return { name: ws.name, values, formulas };
}

/**
 * Where ExcelJS's model `wb` of the package `bytes` first reads otherwise than the package
 * reader (modelAgreement.ts), with that place in Dutch ('blad "X", cel B3'), or null.
 */
async function modelDiffersFromPackage(
  wb: ExcelJS.Workbook,
  bytes: Uint8Array,
  readZip: ReadPackageZip,
): Promise<{ sheet: string; cell?: string; place: string } | null> {
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 ?? false;
  const differs = modelDisagreement(
    wb.worksheets.map((ws) => sheetCells(ws, date1904)),
    (await readPackageSheets(await readZip(bytes))).sheets,
  );
  if (!differs) return null;
  return { ...differs, place: differs.cell ? `blad "${differs.sheet}", cel ${differs.cell}` : `blad "${differs.sheet}"` };
}

/**
 * An ExcelJS model of .xlsx bytes, read as `fromBuffer` reads them (shared formulas
 * resolved per cell), with per worksheet the formula cells the file holds without a
 * cached result (ExcelJS reads those and an empty cached text alike; see
 * package/cachedResults.ts), and per worksheet part its skeleton (the part without its
 * cells), read in the same pass, for `readPackageDefinitions`.
 */
async function loadModel(
  data: Uint8Array,
): Promise<{ wb: ExcelJS.Workbook; noResult: WeakMap<ExcelJS.Worksheet, Set<string>>; skeletons: WorksheetScan['skeletons'] }> {
  installLargeValidationPatch();
  // read before the model, while little else is in memory: the sheets' text it goes
  // through is garbage by the time the model is built (read after, it was about 19 MiB on
  // top of the model at 10,000 rows, the command line's peak). A package it cannot read
  // is left to ExcelJS, whose error (or notAWorkbook below) is the one to report. Read with
  // JSZip whatever `readZip` the workbook patches with: with Node's zlib here the process
  // held about 25 MiB more once the model was built (measured 2026-12-02, 10,000 × 20).
  const early = await scanWorksheets(data).catch(() => undefined);
  const wb = new ExcelJS.Workbook();
  // ExcelJS's types want a Node Buffer; it accepts any ArrayBuffer view at runtime
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  // ExcelJS sets the workbook properties only from xl/workbook.xml
  if ((wb as { properties?: unknown }).properties === undefined) throw new WorkbookError('notAWorkbook', []);
  for (const ws of wb.worksheets) unshareFormulas(ws);
  const scan = early ?? (await scanWorksheets(data));
  const noResult = new WeakMap<ExcelJS.Worksheet, Set<string>>();
  for (const [name, cells] of scan.noResult) {
    const ws = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (ws) noResult.set(ws, new Set(cells));
  }
  return { wb, noResult, skeletons: scan.skeletons };
}

/** What writing needs of each sheet once the model is let go (`XlsxWorkbook.released`). */
const releasedStates = (sheets: SheetSnapshot[]) =>
  sheets.map((s) => ({ name: s.name, hidden: !!s.hidden, ...(s.protection?.protected ? { guarded: s } : {}) }));

const isColumnOp = (op: PlanOp): op is Extract<PlanOp, { kind: 'insertColumns' | 'deleteColumns' }> =>
  op.kind === 'insertColumns' || op.kind === 'deleteColumns';

export class XlsxWorkbook implements WorkbookPort {
  /** The ops applied since reading, resolved to fixed cells: replayed onto `source` when writing. */
  private readonly journal: PlanOp[] = [];
  /** Cells whose text had characters XML forbids, found by the last `toBuffer`. */
  private lastWarnings: PatchWarning[] = [];
  /** Write warnings of ops already written into `source` (by a column insert or delete). */
  private readonly earlierWarnings: PatchWarning[] = [];
  /**
   * Whole columns are inserted and deleted with every reference (plan ops insertColumns /
   * deleteColumns): in the package (package/columns.ts), after which the model is read
   * again from the changed package, so what the model reports is what the file holds.
   */
  readonly canShiftColumns = true;
  /** Sheets added through `apply` since this workbook was read: their page setup is ExcelJS's default, not the team's. */
  private readonly addedSheets = new WeakSet<ExcelJS.Worksheet>();

  /**
   * Set once `readSnapshotOnce` let go of the model: per sheet (as read, then those added)
   * its name, whether it is hidden, and for a protected sheet its snapshot (for the
   * protection check); what `applyForWrite` and `packageWriter` need instead of the model.
   */
  private released?: { name: string; hidden: boolean; guarded?: SheetSnapshot }[];

  /** `XlsxReadOptions.deferModel`: reads come from the package while no model is loaded and nothing was applied. */
  private deferModel = false;
  /** The package's sheets read by `fromBuffer` (deferModel), given to the first read and then let go. */
  private preread?: PackageSheets;

  private constructor(
    private loadedModel: ExcelJS.Workbook | undefined,
    /**
     * The package as read (or as left by the last column insert or delete, which writes the
     * package and reads it again); undefined for a workbook made here.
     */
    private source?: Uint8Array,
    /**
     * Per worksheet, the formula cells (A1) without a cached result: as the file held them,
     * then kept up to date by every cell `apply` writes (a formula written without
     * `result` is added, anything else written there removes the cell).
     */
    private noResult = new WeakMap<ExcelJS.Worksheet, Set<string>>(),
    /** How the package is read and patched (`XlsxReadOptions.readZip`). */
    private readonly readZip: ReadPackageZip = readWithJsZip,
    /**
     * Per worksheet part of `source`, the part without its cells (read with the model):
     * the definitions of `source` are read without unzipping its cells again.
     */
    private skeletons?: WorksheetScan['skeletons'],
  ) {}

  /** A new, empty workbook (no sheets yet). */
  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    const now = new Date();
    wb.creator = CREATOR;
    wb.lastModifiedBy = CREATOR;
    wb.created = now;
    wb.modified = now;
    return new XlsxWorkbook(wb);
  }

  /**
   * Reads an .xlsx package (its bytes).
   * @throws WorkbookError 'notAWorkbook' for a zip without a workbook part (a renamed .ods
   *   or .docx, an empty zip): ExcelJS loads those without a word and fails later
   * @throws ExcelJS's own error for bytes that are no zip at all
   */
  static async fromBuffer(buffer: ArrayBuffer | Uint8Array, options: XlsxReadOptions = {}): Promise<XlsxWorkbook> {
    const data = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    const readZip = options.readZip ?? readWithJsZip;
    if (options.deferModel) {
      // read now, so a file that is no workbook is refused here as with the model
      const preread = await readPackageSheets(await readZip(data));
      const read = new XlsxWorkbook(undefined, data.slice(), undefined, readZip, preread.skeletons);
      read.deferModel = true;
      read.preread = preread;
      read.released = releasedStates(preread.sheets);
      return read;
    }
    const { wb, noResult, skeletons } = await loadModel(data);
    if (options.checkModel) {
      const differs = await modelDiffersFromPackage(wb, data, readZip);
      if (differs) throw new WorkbookError('cannotReadLayout', [differs.place], differs.sheet, differs.cell);
    }
    return new XlsxWorkbook(wb, data.slice(), noResult, readZip, skeletons);
  }

  static async fromFile(path: string): Promise<XlsxWorkbook> {
    const fs = await import('fs');
    return XlsxWorkbook.fromBuffer(await fs.promises.readFile(path));
  }

  // ---- the port ----

  async readSnapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
    if (this.readsPackage()) return this.withDefinitions(this.read(request, await this.packageSheets()), request);
    await this.reload();
    return this.withDefinitions(
      this.read(request, () => this.readSheets()),
      request,
    );
  }

  /** Whether reads come from the package (`deferModel`, no model loaded, nothing applied since reading). */
  private readsPackage(): boolean {
    return this.deferModel && !this.loadedModel && !!this.source && !this.journal.length;
  }

  /** The package's sheets: those `fromBuffer` read (once), else read again from the package. */
  private async packageSheets(): Promise<() => PackageSheets> {
    const read = this.preread ?? (await readPackageSheets(await this.readZip(this.source!)));
    this.preread = undefined;
    return () => read;
  }

  /** `snapshot` with the definitions (`SnapshotRequest.definitions`) when `request` asks for them. */
  private async withDefinitions(snapshot: WorkbookSnapshot, request: SnapshotRequest): Promise<WorkbookSnapshot> {
    if (request.definitions) snapshot.definitions = await this.definitions();
    return snapshot;
  }

  /**
   * `readSnapshot` for a one-shot read → plan → `applyForWrite` → `packageWriter` (the
   * command line): the ExcelJS model (about 7 KB per row) is let go as soon as the sheets
   * are read, before `request.validationTargets` runs, so planning (which starts in that
   * callback) does not hold it; only the sheets' data validations are kept until they are
   * answered. Afterwards `applyForWrite` and `packageWriter` work from what the snapshot
   * says (sheet names, hidden, protection); `readSnapshot`, `apply` and an `applyForWrite`
   * that needs the model read the model again from the package (seconds at 10,000 rows).
   * For a new workbook (`create`, nothing to read again) this is `readSnapshot`.
   * `onReleased` runs once the model is unreachable, before the callback: the command line
   * collects garbage there (V8 would otherwise keep the model's memory while planning
   * allocates on top of it).
   * @throws as `readSnapshot`
   */
  async readSnapshotOnce(request: SnapshotRequest = {}, onReleased?: () => void): Promise<WorkbookSnapshot> {
    if (this.readsPackage()) return this.withDefinitions(this.read(request, await this.packageSheets(), onReleased ?? (() => {})), request);
    await this.reload();
    return this.withDefinitions(
      this.read(request, () => this.readSheets(), !!this.source && !this.journal.length ? (onReleased ?? (() => {})) : undefined),
      request,
    );
  }

  /**
   * The snapshot of the sheets `sheetsOf` reads (the model's or the package's); `released`:
   * let go of the model once the sheets are read, then call it (`readSnapshotOnce`).
   */
  private read(
    request: SnapshotRequest,
    sheetsOf: () => { date1904: boolean; sheets: SheetSnapshot[]; dvs: Map<string, DvModel | ValidationLookup> },
    released?: () => void,
  ): WorkbookSnapshot {
    // read in a frame of its own: a frame that touched the model may keep it reachable
    const { date1904, sheets, dvs } = sheetsOf();
    if (released) {
      this.released = releasedStates(sheets);
      this.loadedModel = undefined;
      released();
    }
    const validations: ValidationSnapshot[] = [];
    if (request.validationTargets) {
      for (const t of request.validationTargets({ sheets, date1904 })) {
        const key = t.sheet.toLowerCase();
        const found = dvs.get(key);
        let lookup: ValidationLookup | undefined;
        if (found) {
          lookup = found instanceof ValidationLookup ? found : new ValidationLookup(found);
          dvs.set(key, lookup);
        }
        validations.push({ sheet: t.sheet, range: t.range, rule: lookup ? lookup.covering(rectOf(t.range)) : null });
      }
    }
    // the file's date system (workbookPr date1904): serial dates are read and converted in it
    return date1904 ? { sheets, validations, date1904: true } : { sheets, validations };
  }

  /**
   * Names, conditional formats, validations and comments (`SnapshotRequest.definitions`):
   * read from the package as the ops applied so far leave it (package/definitions.ts), a
   * patch that is not kept; a workbook made here (no package yet) has no names, conditional
   * formats or comments of a team, only the validations of its model.
   */
  private async definitions(): Promise<WorkbookDefinitions> {
    if (this.source) {
      if (!this.journal.length) return readPackageDefinitions(this.source, this.readZip, this.skeletons);
      return readPackageDefinitions((await patchPackage(this.source, this.journal, { readZip: this.readZip })).bytes, this.readZip);
    }
    const rules: RangeRuleSnapshot[] = this.wb.worksheets.flatMap((ws) =>
      validationRanges(ws).map(({ range, rule }) => ({
        kind: 'validation' as const,
        sheet: ws.name,
        ranges: [range],
        formulas: rule.type === 'list' && rule.source.startsWith('=') ? [rule.source] : [],
      })),
    );
    return { names: [], rules, comments: [] };
  }

  /**
   * The sheets' snapshots, the date system, and per sheet (lower-case name; the first of
   * equal names, as `find`) its validations: all a snapshot's validation targets may ask about.
   */
  private readSheets(): { date1904: boolean; sheets: SheetSnapshot[]; dvs: Map<string, DvModel | ValidationLookup> } {
    const sheets = this.wb.worksheets.map((ws) => this.snapshotSheet(ws));
    const dvs = new Map<string, DvModel | ValidationLookup>();
    for (const ws of this.wb.worksheets) if (!dvs.has(ws.name.toLowerCase())) dvs.set(ws.name.toLowerCase(), validationModel(ws));
    return { date1904: this.date1904, sheets, dvs };
  }

  /** The ExcelJS model, read again from the package when `readSnapshotOnce` let go of it. */
  private get wb(): ExcelJS.Workbook {
    if (!this.loadedModel) throw new Error('XlsxWorkbook: the model was let go (readSnapshotOnce); read it again first (reload)');
    return this.loadedModel;
  }

  /**
   * Reads the model again from the package after `readSnapshotOnce` let go of it. Only
   * while nothing was written since: the model would miss the journal's ops.
   * @throws Error when ops were applied since the model was let go
   */
  private async reload(): Promise<void> {
    if (this.loadedModel || !this.source) return;
    if (this.journal.length) throw new Error('XlsxWorkbook: the model was let go and ops were applied since; read the written package instead');
    ({ wb: this.loadedModel, noResult: this.noResult, skeletons: this.skeletons } = await this.loadModelOf(this.source));
    this.released = undefined;
  }

  /**
   * ExcelJS's model of `bytes` (`loadModel`). A workbook read with `deferModel` was read by
   * the package reader, which reads files ExcelJS refuses (rows or cells without an address,
   * namespace prefixes, … ; package/readSheets.ts): when ExcelJS cannot build the model the
   * operation that needs it is refused in Dutch before anything is written.
   * @throws WorkbookError 'cannotEditLayout' when ExcelJS cannot read a package read with `deferModel`
   */
  private async loadModelOf(bytes: Uint8Array): ReturnType<typeof loadModel> {
    if (!this.deferModel) return loadModel(bytes);
    let model: Awaited<ReturnType<typeof loadModel>>;
    try {
      model = await loadModel(bytes);
    } catch (e) {
      // the package reader read it, so "no workbook part" is ExcelJS not finding it (xl/Workbook.xml …)
      if (e instanceof WorkbookError && e.code !== 'notAWorkbook') throw e;
      throw new WorkbookError('cannotEditLayout', []);
    }
    // ExcelJS misreads some packages without an error (modelAgreement.ts): the model must read as the package does
    const differs = await modelDiffersFromPackage(model.wb, bytes, this.readZip);
    if (differs) throw new WorkbookError('cannotEditLayout', [differs.place], differs.sheet, differs.cell);
    return model;
  }

  /** Name and hidden state per sheet, in workbook order, from the model or (let go) from the snapshot read. */
  private sheetStates(): { name: string; hidden: boolean }[] {
    if (this.released) return this.released;
    return this.wb.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden' }));
  }

  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    await this.reload();
    await this.checkBeforeApply(plan);
    // a cell the plan writes that is no longer what the plan was built on refuses the whole plan (src/workbook/basis.ts),
    // unless a guarded cell of the plan meets a co-author's change too: then nothing is written and the guard speaks
    if (options.basis) {
      const guards = checkBasis(
        plan,
        options.basis,
        (name) => {
          const ws = this.wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
          return ws && this.snapshotSheet(ws);
        },
        () => ({ sheets: this.wb.worksheets.map((ws) => this.snapshotSheet(ws)) }),
      );
      if (guards) return refusedByGuards(plan, guards);
    }
    const result: ApplyResult = { operations: 0, appendedAt: [], missingKeys: [], conflicts: [] };
    for (const [i, op] of plan.ops.entries()) {
      if (isColumnOp(op)) await this.shiftColumns(op);
      else this.applyOp(op, result);
      result.operations++;
      options.onProgress?.((i + 1) / plan.ops.length);
    }
    return result;
  }

  /**
   * Everything that refuses a plan, before any op runs (ExcelJS has no transactions):
   * planCheck.ts, protection, and for column inserts and deletes: content pushed past XFD
   * (each insert judged on the workbook as the plan's earlier ops leave it), a guarded
   * column op whose columns a co-author changed, and a table or pivot table cut in two.
   */
  private async checkBeforeApply(plan: Plan): Promise<void> {
    checkPlan(
      plan,
      this.sheetStates().map((s) => s.name),
      { columns: this.canShiftColumns },
    );
    const guarded = new Map(
      this.released
        ? this.released.flatMap((s) => (s.guarded ? [[s.name.toLowerCase(), s.guarded] as const] : []))
        : this.wb.worksheets.filter((ws) => sheetProtection(ws)?.protected).map((ws) => [ws.name.toLowerCase(), this.snapshotSheet(ws)] as const),
    );
    if (guarded.size) checkProtection(plan, (name) => guarded.get(name.toLowerCase()));
    const shifts = plan.ops.filter(isColumnOp);
    if (!shifts.length) return;
    // inserts judged on the workbook as the plan's earlier ops leave it; guards on the workbook as it is now
    const snapshot: WorkbookSnapshot = { sheets: this.wb.worksheets.map((ws) => this.snapshotSheet(ws)) };
    checkColumnRoom(plan, snapshot);
    checkColumnGuards(plan, (name) => snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()));
    // tables and pivot tables exist only in a package read from a file (ExcelJS writes none)
    if (this.source)
      await checkColumnShifts(
        this.source,
        shifts.map((op) => ({ sheet: op.sheet, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count })),
        this.readZip,
      );
  }

  /**
   * A whole-column insert or delete: the workbook as it is now is written (patched or
   * written by ExcelJS), the shift is carried out on that package (package/columns.ts),
   * and the model is read again from the result, which is from then on the package that
   * later ops patch. Costs a write and a read of the workbook.
   */
  private async shiftColumns(op: Extract<PlanOp, { kind: 'insertColumns' | 'deleteColumns' }>): Promise<void> {
    let current: Uint8Array;
    if (this.source) {
      current = this.source;
      if (this.journal.length) {
        const patched = await patchPackage(this.source, this.journal, { readZip: this.readZip });
        this.earlierWarnings.push(...patched.warnings);
        current = patched.bytes;
      }
    } else current = await this.toBuffer();
    const { bytes } = await patchPackage(current, [op], { readZip: this.readZip });
    ({ wb: this.loadedModel, noResult: this.noResult, skeletons: this.skeletons } = await this.loadModelOf(bytes));
    this.source = bytes;
    this.journal.length = 0;
  }

  /**
   * Applies `plan` for writing only: for a workbook read from a file, the ops go to the
   * journal that `toBuffer` replays onto the file's package, without changing the loaded
   * ExcelJS model (for 10,000 rows that model update costs seconds and about 200 MB).
   * Afterwards `readSnapshot` still reports the workbook as read, so this is for a
   * one-shot read → plan → write (the command line). Refused and checked exactly like
   * `apply` (unknown sheet, protection, guarded cells: checked against the state as read).
   * A plan that needs the rows as changed by its own earlier ops (appendRows,
   * updateRowByKey, deleteRowByKey, a guarded setCells) and a new workbook fall back to
   * `apply`.
   */
  async applyForWrite(plan: Plan): Promise<ApplyResult> {
    const needsModel = (op: PlanOp) =>
      op.kind === 'appendRows' || op.kind === 'updateRowByKey' || op.kind === 'deleteRowByKey' || (op.kind === 'setCells' && !!op.expect);
    if (!this.source || plan.ops.some(needsModel) || (this.released && plan.ops.some(isColumnOp))) return this.apply(plan);
    await this.checkBeforeApply(plan);
    for (const op of plan.ops) {
      // a new sheet is added to the model (or the sheets read) too: writing checks that a visible sheet remains
      if (op.kind === 'addSheet') {
        if (this.released) this.released.push({ name: op.sheet, hidden: !!op.hidden });
        else this.addedSheets.add(this.wb.addWorksheet(op.sheet, { state: op.hidden ? 'hidden' : 'visible' }));
      }
      this.journal.push(op.kind === 'setCells' ? { kind: 'setCells', sheet: op.sheet, cell: op.cell, cells: op.cells } : op);
    }
    return { operations: plan.ops.length, appendedAt: [], missingKeys: [], conflicts: [] };
  }

  // ---- files ----

  /**
   * The workbook as .xlsx bytes; Excel recalculates every formula when it opens them. A
   * workbook read from a file is written by patching that file's package (only what the
   * applied ops name changes); a new one by ExcelJS.
   */
  async toBuffer(): Promise<Uint8Array> {
    if (this.source) {
      this.checkVisibleSheet();
      const { bytes, warnings } = await patchPackage(this.source, this.journal, { readZip: this.readZip });
      this.lastWarnings = [...this.earlierWarnings, ...warnings];
      return bytes;
    }
    this.prepareForWrite();
    const restore = encodeTextsForWrite(this.wb);
    let buf: ExcelJS.Buffer;
    try {
      buf = await this.wb.xlsx.writeBuffer();
    } finally {
      restore();
    }
    return buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  }

  /**
   * What writing needs, detached from the loaded ExcelJS model: a function giving the
   * same bytes and write warnings as `toBuffer` + `writeWarnings` for the ops applied so
   * far. For a workbook read from a file it holds only the package as read and the
   * journal, so once the caller drops this workbook the model (about 7 KB per row) can be
   * collected before the patch runs, the moment memory peaks. Ops applied after this call
   * are not written. A new workbook's writer keeps the model (ExcelJS writes it).
   * The writer of a read workbook may be called once: it gives away its copy of the ops as
   * it applies them (a second call throws). `collect`: see PatchOptions.collect (the
   * command line collects garbage there).
   * @throws WorkbookError 'noVisibleSheet' (now, not when writing) when every sheet is hidden
   */
  packageWriter(collect?: () => void): () => Promise<{ bytes: Uint8Array; warnings: PatchWarning[] }> {
    if (!this.source) {
      return async () => {
        const bytes = await this.toBuffer();
        return { bytes, warnings: this.writeWarnings() };
      };
    }
    this.checkVisibleSheet();
    return patchLater(this.source, [...this.journal], [...this.earlierWarnings], collect, this.readZip);
  }

  /** Writes to a temporary file beside `path`, then renames it over `path`: never a half-written file. */
  async writeFileAtomic(path: string): Promise<void> {
    const fs = await import('fs');
    const nodePath = await import('path');
    const bytes = await this.toBuffer();
    // a random UUID (Web Crypto's crypto.randomUUID, global in Node 20) keeps two writers of the same file apart
    const tmp = nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.${process.pid}.${globalThis.crypto.randomUUID()}.tmp`);
    try {
      const handle = await fs.promises.open(tmp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, path);
    } catch (e) {
      await fs.promises.rm(tmp, { force: true });
      throw e;
    }
  }

  /**
   * Cells whose text held characters XML forbids (U+FFFE, control characters): they are
   * stored as Excel's "_xHHHH_" escapes (lone surrogates dropped). Filled by `toBuffer`.
   */
  writeWarnings(): PatchWarning[] {
    return [...this.lastWarnings];
  }

  /**
   * The ops applied since the workbook was read or made, with appended and keyed rows
   * resolved to the cells they hit: what `toBuffer` replays onto the original package.
   */
  appliedOps(): PlanOp[] {
    return [...this.journal];
  }

  /** True when writing patches the package this workbook was read from. */
  get patchesSource(): boolean {
    return !!this.source;
  }

  // ---- helpers for tests and tools ----

  sheetNames(): string[] {
    return this.sheetStates().map((s) => s.name);
  }

  /** The cell's value as a snapshot reports it (a formula cell: its cached result or null). */
  getCell(sheet: string, address: string): CellValue {
    return readCell(this.sheet(sheet).getCell(address), this.date1904).value;
  }

  /** The cell's formula with "=" and without "_xlfn." prefixes, or null. */
  getFormula(sheet: string, address: string): string | null {
    return readCell(this.sheet(sheet).getCell(address), this.date1904).formula;
  }

  /** The validation rule on one cell, or null (also for kinds the engine never writes). */
  getValidation(sheet: string, address: string): ValidationRule | null {
    return new ValidationLookup(validationModel(this.sheet(sheet))).at(address);
  }

  /**
   * Every data validation of the workbook that the engine can read (list, whole number,
   * decimal), per sheet in workbook order, as non-overlapping A1 ranges with their rule
   * (`validationRanges` in validations.ts; applied in this order they give each cell the
   * rule `getValidation` reads there). The browser preview copies them into its memory
   * workbook, so a validation the file already holds is not planned again.
   */
  allValidations(): ValidationSnapshot[] {
    return this.wb.worksheets.flatMap((ws) => validationRanges(ws).map((v) => ({ sheet: ws.name, range: v.range, rule: v.rule })));
  }

  /** The cell's style: only what is switched on or set. */
  getStyle(sheet: string, address: string): CellStyle {
    return readCellStyle(this.sheet(sheet).getCell(address));
  }

  /** The column's width, or undefined when never set. */
  getColumnWidth(sheet: string, column: string): number | undefined {
    return this.sheet(sheet).getColumn(columnNumber(column)).width;
  }

  /** The row's height in points, or undefined when never set. */
  getRowHeight(sheet: string, row: number): number | undefined {
    return this.sheet(sheet).getRow(row).height || undefined;
  }

  /** Frozen rows and columns (0 and 0 when nothing is frozen). */
  getFreeze(sheet: string): { rows: number; columns: number } {
    const v = (this.sheet(sheet).views ?? []).find((x) => x.state === 'frozen') as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    return { rows: v?.ySplit ?? 0, columns: v?.xSplit ?? 0 };
  }

  /**
   * The sheet's page setup as ExcelJS read or set it: orientation, fit-to-width pages,
   * print title rows and print area (without $ anchors and sheet name); fields never set
   * are absent.
   */
  getPageSetup(sheet: string): {
    orientation?: 'portrait' | 'landscape';
    fitToWidth?: number;
    printTitleRows?: { first: number; last: number };
    printArea?: string;
  } {
    const ps = this.sheet(sheet).pageSetup;
    const out: ReturnType<XlsxWorkbook['getPageSetup']> = {};
    if (ps.orientation) out.orientation = ps.orientation;
    if (ps.fitToPage) out.fitToWidth = ps.fitToWidth ?? 1;
    const titles = /^\$?(\d+):\$?(\d+)$/.exec((ps.printTitlesRow ?? '').replace(/^.*!/, ''));
    if (titles) out.printTitleRows = { first: Number(titles[1]), last: Number(titles[2]) };
    if (ps.printArea) out.printArea = ps.printArea.replace(/^.*!/, '').replace(/\$/g, '');
    return out;
  }

  // ---- internals ----

  private get date1904(): boolean {
    return !!(this.wb.properties as { date1904?: boolean }).date1904;
  }

  private find(name: string): ExcelJS.Worksheet | undefined {
    const k = name.toLowerCase();
    return this.wb.worksheets.find((w) => w.name.toLowerCase() === k);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.find(name);
    if (!ws) throw new WorkbookError('unknownSheet', [name], name);
    return ws;
  }

  private snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
    const { values, formulas } = sheetCells(ws, this.date1904);
    // ExcelJS keeps merges by their top-left cell (`_merges`, not in its types); `model` would rebuild every row
    const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {})
      .map((m) => m.range)
      .filter((m) => m.includes(':'));
    const protection = sheetProtection(ws);
    // formula cells without a cached result, as far as they still hold a formula
    const noCachedResult = [...(this.noResult.get(ws) ?? [])].filter((a) => {
      const at = tryParseCell(a);
      return !!at && !!formulas[at.row - 1]?.[at.column - 1];
    });
    return {
      name: ws.name,
      values,
      formulas,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
      ...(merges.length ? { merges } : {}),
      ...(protection ? { protection } : {}),
      ...(noCachedResult.length ? { noCachedResult } : {}),
    };
  }

  private lastUsedRow(ws: ExcelJS.Worksheet): number {
    for (let r = ws.rowCount; r >= 1; r--) {
      const row = ws.findRow(r);
      if (!row) continue;
      let used = false;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!used && !isBlank(readCell(cell, this.date1904))) used = true;
      });
      if (used) return r;
    }
    return 0;
  }

  /** The value a snapshot would report for one cell, without creating the cell. */
  private valueAt(ws: ExcelJS.Worksheet, row: number, column: number): CellValue {
    const line = ws.findRow(row);
    const cell = line ? line.findCell(column) : undefined;
    return cell ? readCell(cell, this.date1904).value : null;
  }

  private writeRow(ws: ExcelJS.Worksheet, row: number, column: number, inputs: CellInput[]): void {
    let missing = this.noResult.get(ws);
    inputs.forEach((input, j) => {
      ws.getCell(row, column + j).value = toExcelValue(input);
      const address = cellAddress(row, column + j);
      if ('formula' in input && input.result === undefined) {
        if (!missing) this.noResult.set(ws, (missing = new Set()));
        missing.add(address);
      } else missing?.delete(address);
    });
  }

  private applyOp(op: PlanOp, result: ApplyResult): void {
    switch (op.kind) {
      case 'setCells':
      case 'appendRows':
      case 'updateRowByKey':
      case 'deleteRowByKey':
        break; // journaled below, once the rows are known and no guard failed
      default:
        this.journal.push(op);
    }
    switch (op.kind) {
      case 'addSheet':
        this.addedSheets.add(this.wb.addWorksheet(op.sheet, { state: op.hidden ? 'hidden' : 'visible' }));
        return;
      case 'setCells':
      case 'appendRows':
      case 'updateRowByKey':
      case 'deleteRowByKey': {
        const ws = this.sheet(op.sheet);
        const placement = placeRowOp(op, ws.name, { lastUsedRow: () => this.lastUsedRow(ws), value: (r, c) => this.valueAt(ws, r, c) });
        recordPlacement(op, placement, result);
        if (placement.kind !== 'write') return;
        placement.cells.forEach((line, i) => this.writeRow(ws, placement.row + i, placement.column, line));
        this.journal.push({ kind: 'setCells', sheet: op.sheet, cell: cellAddress(placement.row, placement.column), cells: placement.cells });
        const heights = op.kind === 'appendRows' && !sheetProtection(ws)?.protected ? appendedHeights(op, placement.row) : [];
        if (heights.length) {
          for (const h of heights) ws.getRow(h.row).height = h.height;
          this.journal.push({ kind: 'setRowHeights', sheet: op.sheet, heights });
        }
        const protection = sheetProtection(ws);
        // an updated row's height, where it is the product's (default or its own; ExcelJS reads a
        // row's ht whether Excel fitted it or the team set it, so a fitted row counts as the team's)
        if (op.kind === 'updateRowByKey' && !protection?.protected) {
          const height = updatedRowHeight(op, ws.getRow(placement.row).height || undefined);
          if (height !== undefined) this.applyOp({ kind: 'setRowHeights', sheet: op.sheet, heights: [{ row: placement.row, height }] }, result);
        }
        // the appended rows' own formats (journaled as setStyle), where the protection lets anybody format cells
        if (op.kind === 'appendRows' && (!protection?.protected || protection.allowFormatCells))
          for (const f of appendedFormats(op, placement.row)) this.applyOp({ kind: 'setStyle', sheet: op.sheet, range: f.range, style: f.style }, result);
        return;
      }
      case 'setValidation':
        setValidation(this.sheet(op.sheet), rectOf(op.range), op.rule);
        return;
      case 'setStyle': {
        const ws = this.sheet(op.sheet);
        const rect = rectOf(op.range);
        for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) applyCellStyle(ws.getCell(r, c), op.style);
        return;
      }
      case 'setColumnWidths': {
        const ws = this.sheet(op.sheet);
        for (const w of op.widths) ws.getColumn(columnNumber(w.column)).width = w.width;
        return;
      }
      case 'setRowHeights': {
        const ws = this.sheet(op.sheet);
        for (const h of op.heights) ws.getRow(h.row).height = h.height;
        return;
      }
      case 'setPageSetup': {
        // Only what the sheet lacks (the team's settings stay); ExcelJS writes these for a new
        // workbook, the package patch (patchPackage.ts) for a read one.
        const ws = this.sheet(op.sheet);
        const ps = ws.pageSetup;
        // ExcelJS reports 'portrait' for a sheet without an orientation of its own
        if (op.orientation && (!ps.orientation || this.addedSheets.has(ws))) ps.orientation = op.orientation;
        if (op.fitToWidth !== undefined && !ps.fitToPage) {
          ps.fitToPage = true;
          ps.fitToWidth = op.fitToWidth;
          ps.fitToHeight = 0;
        }
        if (op.printArea && !ps.printArea) ps.printArea = op.printArea;
        if (op.printTitleRows && !ps.printTitlesRow) ps.printTitlesRow = `${op.printTitleRows.first}:${op.printTitleRows.last}`;
        return;
      }
      case 'freeze': {
        const ws = this.sheet(op.sheet);
        const keep = { ...(ws.views?.[0] ?? {}) } as Record<string, unknown>;
        for (const k of ['state', 'xSplit', 'ySplit', 'topLeftCell', 'activeCell', 'activePane']) delete keep[k];
        ws.views = [
          op.rows === 0 && op.columns === 0
            ? { ...keep, state: 'normal' }
            : {
                ...keep,
                state: 'frozen',
                xSplit: op.columns,
                ySplit: op.rows,
                topLeftCell: cellAddress(op.rows + 1, op.columns + 1),
                activeCell: cellAddress(op.rows + 1, op.columns + 1),
              },
        ];
        return;
      }
    }
  }

  private checkVisibleSheet(): number {
    const sheets = this.sheetStates();
    const visible = sheets.findIndex((s) => !s.hidden);
    if (sheets.length && visible < 0) throw new WorkbookError('noVisibleSheet', []);
    return visible;
  }

  /** Properties, recalculation on open, and an active tab that is visible. */
  private prepareForWrite(): void {
    const sheets = this.wb.worksheets;
    const visible = this.checkVisibleSheet();
    if (!this.wb.creator) this.wb.creator = CREATOR;
    this.wb.lastModifiedBy = CREATOR;
    this.wb.modified = new Date();
    this.wb.calcProperties = { ...(this.wb.calcProperties ?? {}), fullCalcOnLoad: true };
    if (visible >= 0) {
      const views = this.wb.views?.length ? this.wb.views : [{} as ExcelJS.WorkbookView];
      const active = views[0].activeTab ?? 0;
      const activeHidden = !sheets[active] || sheets[active].state === 'hidden' || sheets[active].state === 'veryHidden';
      if (activeHidden || !this.wb.views?.length) {
        this.wb.views = [{ ...views[0], activeTab: activeHidden ? visible : active, firstSheet: Math.min(views[0].firstSheet ?? 0, visible) }];
      }
      // a hidden sheet that is "selected" would open as the current sheet in some versions
      for (const ws of sheets) {
        const view = ws.views?.[0] as (Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean }) | undefined;
        if (ws.state !== 'visible' && view?.tabSelected) ws.views = [{ ...view, tabSelected: false } as unknown as Partial<ExcelJS.WorksheetView>];
      }
    }
  }
}

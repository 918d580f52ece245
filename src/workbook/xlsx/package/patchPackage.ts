/**
 * Applies resolved plan operations to an existing .xlsx package IN PLACE: only the parts
 * the operations name are read, edited and written back (a worksheet's rows as text,
 * streamed, see sheet.ts; the other parts as a DOM); every other part of
 * the zip (drawings, charts, pivot tables, comments, printer settings, custom XML,
 * themes, VBA, other sheets …) keeps its bytes. Within an edited part only the named
 * cells, validations, column widths and panes change (see sheet.ts, styles.ts).
 *
 * A whole-column insert or delete (insertColumns / deleteColumns) is the exception: it
 * moves cells and references through every part that holds them (columns.ts).
 *
 * Touched besides the sheets named: xl/sharedStrings.xml (new strings appended),
 * xl/styles.xml (new formats appended), xl/workbook.xml + its relationships +
 * [Content_Types].xml when a sheet is added, calcPr fullCalcOnLoad when a formula is
 * written (Excel recalculates on open), and xl/calcChain.xml is dropped when cells change
 * (Excel rebuilds it; a stale chain makes Excel "repair" the file).
 *
 * Ops must be resolved first (appendRows / updateRowByKey turned into setCells at the
 * row the ExcelJS model found), see XlsxWorkbook.
 */
import { readWithJsZip, type PackageZip, type ReadPackageZip } from './packageZip';
import type { Document, Element } from '@xmldom/xmldom';
import { cellAddress, columnNumber, parseCell, sheetRef } from '../../../core/a1';
import type { PlanOp } from '../../../core/snapshot';
import { rectOf } from '../../rectangles';
import type { ColumnShift } from '../../../core/columnShift';
import { formulaCellsWithoutResult } from './cachedResults';
import { checkPackageShift, shiftPackageColumns } from './columns';
import { SheetEditor, type CellWriteContext } from './sheet';
import { sharedFormulaRuns } from './sharedFormulas';
import { StylesEditor } from './styles';
import { NS, WORKBOOK_ORDER, child, children, createLike, ensureChild, parseXml, removeNode, serializeXml, setText } from './xml';
import { sheetSkeletonText } from './definitions';
import { partNameKey, relsPathOf, resolvePart } from './partPaths';
import { SharedStringTable } from './sharedStrings';

const REL_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
};
const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
  '<sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
/**
 * The styles part for a package that has none (ECMA-376 Part 1, 18.8: a package may leave it
 * out): the default font, the two fills every stylesheet starts with (none, gray125), an
 * empty border and the Normal cell format, as Excel writes a new workbook's.
 */
const DEFAULT_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

const EMPTY_SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="0" uniqueCount="0"/>`;

/** Something the writer had to change to store what the plan asked for. */
export type PatchWarning =
  | { kind: 'forbiddenCharacters'; sheet: string; cell: string }
  /**
   * The sheet already had its own print area / print titles (`name`: Print_Area or
   * Print_Titles) that differ from what the plan proposed: the team's are kept.
   */
  | { kind: 'pageSetupKept'; sheet: string; name: 'Print_Area' | 'Print_Titles'; theirs: string; ours: string };

export interface PatchResult {
  bytes: Uint8Array;
  warnings: PatchWarning[];
}

/** How `patchPackage` may treat memory (the command line's one-shot write). */
export interface PatchOptions {
  /**
   * The ops are the caller's to give away: each is taken out of `ops` before it is
   * applied (the array is empty afterwards), so its cells (at 10,000 rows the formula
   * texts alone are tens of MB) can be collected while the rest is written.
   */
  consume?: boolean;
  /**
   * Called where much has just become garbage: after an op of at least `LARGE_OP` cells
   * and after each large part is serialised. The command line collects garbage there:
   * V8 would otherwise let the garbage pile up on top of what is still live.
   */
  collect?: () => void;
  /**
   * How the package is read and written: JSZip (`readWithJsZip`, browser and Node) by
   * default; the command line gives Node's zlib (zipParts.ts `readWithNodeZlib`).
   */
  readZip?: ReadPackageZip;
}

/** Cells from which an op counts as large (`PatchOptions.collect`). */
const LARGE_OP = 1000;
/** Characters from which a serialised part counts as large (`PatchOptions.collect`). */
const LARGE_PART = 1_000_000;

class Package {
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();
  private readonly sheets = new Map<string, SheetEditor>();
  private styles?: StylesEditor;
  /** `before`: the element new strings go before (the table's extLst, which ends it), found once. */
  private sst?: SharedStringTable;
  workbookPart = 'xl/workbook.xml';

  constructor(readonly zip: PackageZip) {}

  async doc(path: string): Promise<Document> {
    let d = this.docs.get(path);
    if (!d) {
      d = parseXml(await this.zip.text(path));
      this.docs.set(path, d);
    }
    return d;
  }

  markDirty(path: string): void {
    this.dirty.add(path);
  }

  async init(): Promise<void> {
    const rels = await this.doc('_rels/.rels');
    const main = children(rels.documentElement!, 'Relationship').find((r) => r.getAttribute('Type') === REL_TYPES.officeDocument);
    if (main) this.workbookPart = resolvePart('', main.getAttribute('Target')!);
  }

  private async workbookRels(): Promise<Element> {
    return (await this.doc(relsPathOf(this.workbookPart))).documentElement!;
  }

  private async relOfType(type: string): Promise<Element | undefined> {
    return children(await this.workbookRels(), 'Relationship').find((r) => r.getAttribute('Type') === type);
  }

  /** The worksheet part of the sheet called `name` (case-insensitive, as Excel compares names). */
  async sheet(name: string): Promise<{ editor: SheetEditor; name: string; path: string }> {
    const wb = (await this.doc(this.workbookPart)).documentElement!;
    const sheets = child(wb, 'sheets');
    const el = sheets && children(sheets, 'sheet').find((s) => (s.getAttribute('name') ?? '').toLowerCase() === name.toLowerCase());
    if (!el) throw new Error(`sheet ${name} is not in the package`);
    const id = el.getAttributeNS(NS.rel, 'id') ?? el.getAttribute('r:id');
    const rel = children(await this.workbookRels(), 'Relationship').find((r) => r.getAttribute('Id') === id);
    if (!rel) throw new Error(`sheet ${name} has no part`);
    const path = resolvePart(this.workbookPart, rel.getAttribute('Target')!);
    let editor = this.sheets.get(path);
    if (!editor) {
      editor = new SheetEditor(await this.zip.text(path));
      this.sheets.set(path, editor);
    }
    return { editor, name: el.getAttribute('name')!, path };
  }

  /** Every sheet of the workbook, in workbook order: its name and part (the part is not read). */
  async sheetParts(): Promise<{ name: string; path: string }[]> {
    const wb = (await this.doc(this.workbookPart)).documentElement!;
    const sheets = child(wb, 'sheets');
    const rels = children(await this.workbookRels(), 'Relationship');
    const out: { name: string; path: string }[] = [];
    for (const el of sheets ? children(sheets, 'sheet') : []) {
      const id = el.getAttributeNS(NS.rel, 'id') ?? el.getAttribute('r:id');
      const rel = rels.find((r) => r.getAttribute('Id') === id);
      if (rel) out.push({ name: el.getAttribute('name')!, path: resolvePart(this.workbookPart, rel.getAttribute('Target')!) });
    }
    return out;
  }

  /** Every sheet of the workbook, in workbook order: name, part and editor. */
  async allSheets(): Promise<{ name: string; path: string; editor: SheetEditor }[]> {
    const out: { name: string; path: string; editor: SheetEditor }[] = [];
    for (const { name } of await this.sheetParts()) out.push(await this.sheet(name));
    return out;
  }

  async stylesEditor(): Promise<StylesEditor> {
    if (!this.styles) {
      const rel = await this.relOfType(REL_TYPES.styles);
      const path = rel
        ? resolvePart(this.workbookPart, rel.getAttribute('Target')!)
        : await this.adoptPart('styles.xml', DEFAULT_STYLES, REL_TYPES.styles, CONTENT_TYPES.styles);
      this.styles = new StylesEditor(await this.doc(path));
      this.stylesPath = path;
    }
    return this.styles;
  }

  private stylesPath?: string;

  private async contentTypes(): Promise<Element> {
    this.markDirty('[Content_Types].xml');
    return (await this.doc('[Content_Types].xml')).documentElement!;
  }

  private async addRelationship(type: string, target: string): Promise<string> {
    const rels = await this.workbookRels();
    const ids = new Set(children(rels, 'Relationship').map((r) => r.getAttribute('Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    rels.appendChild(createLike(rels, 'Relationship', { Id: id, Type: type, Target: target }));
    this.markDirty(relsPathOf(this.workbookPart));
    return id;
  }

  /** The part name for a new part like "xl/worksheets/sheet{n}.xml" that is not taken. */
  private freePart(dir: string, stem: string): string {
    let n = 1;
    while (this.zip.has(`${dir}/${stem}${n}.xml`)) n++;
    return `${dir}/${stem}${n}.xml`;
  }

  private relativeToWorkbook(part: string): string {
    const base = this.workbookPart.split('/').slice(0, -1).join('/');
    return base && part.startsWith(`${base}/`) ? part.slice(base.length + 1) : `/${part}`;
  }

  async addSheet(name: string, hidden: boolean): Promise<void> {
    const base = this.workbookPart.split('/').slice(0, -1).join('/');
    const path = this.freePart(`${base ? `${base}/` : ''}worksheets`, 'sheet');
    this.zip.set(path, EMPTY_SHEET);
    const id = await this.addRelationship(REL_TYPES.worksheet, this.relativeToWorkbook(path));
    const ct = await this.contentTypes();
    ct.appendChild(createLike(ct, 'Override', { PartName: `/${path}`, ContentType: CONTENT_TYPES.worksheet }));
    const wb = (await this.doc(this.workbookPart)).documentElement!;
    const sheets = ensureChild(wb, 'sheets', WORKBOOK_ORDER);
    const ids = children(sheets, 'sheet').map((s) => Number(s.getAttribute('sheetId')) || 0);
    const el = createLike(wb, 'sheet', { name, sheetId: String(Math.max(0, ...ids) + 1) });
    if (hidden) el.setAttribute('state', 'hidden');
    el.setAttributeNS(NS.rel, wb.lookupPrefix(NS.rel) ? `${wb.lookupPrefix(NS.rel)}:id` : 'r:id', id);
    sheets.appendChild(el);
    this.markDirty(this.workbookPart);
  }

  /**
   * Adds the built-in defined name `_xlnm.<name>` for `sheet` (scoped to it through
   * localSheetId, its 0-based position in <sheets>) with the reference `ref` (built by
   * `sheetRef`), unless the sheet has one already: then the team's is kept and, when it
   * differs, a 'pageSetupKept' warning is returned.
   */
  async setBuiltInName(sheet: string, name: 'Print_Area' | 'Print_Titles', ref: string): Promise<PatchWarning | null> {
    const wb = (await this.doc(this.workbookPart)).documentElement!;
    const sheets = children(child(wb, 'sheets')!, 'sheet');
    const index = sheets.findIndex((s) => (s.getAttribute('name') ?? '').toLowerCase() === sheet.toLowerCase());
    if (index < 0) throw new Error(`sheet ${sheet} is not in the package`);
    const names = ensureChild(wb, 'definedNames', WORKBOOK_ORDER);
    const full = `_xlnm.${name}`;
    const existing = children(names, 'definedName').find(
      (d) => (d.getAttribute('name') ?? '').toLowerCase() === full.toLowerCase() && d.getAttribute('localSheetId') === String(index),
    );
    if (existing) {
      const theirs = existing.textContent ?? '';
      return theirs.replace(/\$/g, '') === ref.replace(/\$/g, '')
        ? null
        : { kind: 'pageSetupKept', sheet: sheets[index].getAttribute('name')!, name, theirs, ours: ref };
    }
    const el = createLike(wb, 'definedName', { name: full, localSheetId: String(index) });
    setText(el, ref);
    names.appendChild(el);
    this.markDirty(this.workbookPart);
    return null;
  }

  /**
   * A workbook part the package has no relationship to (shared strings, styles): the part
   * at its usual path beside the workbook part (`name`) when there is one (a hand-made
   * package; the package reader and ExcelJS read it from there), else a new part holding
   * `empty`; either way with the relationship `relType` from the workbook and a content type
   * `contentType` (ECMA-376 Part 2). Keeping what is there matters: an empty shared-string
   * table in its place would leave the sheets' string cells pointing nowhere.
   * Out: the part's path.
   */
  private async adoptPart(name: string, empty: string, relType: string, contentType: string): Promise<string> {
    const base = this.workbookPart.split('/').slice(0, -1).join('/');
    const path = `${base ? `${base}/` : ''}${name}`;
    if (!this.zip.has(path)) this.zip.set(path, empty);
    await this.addRelationship(relType, this.relativeToWorkbook(path));
    const ct = await this.contentTypes();
    if (!children(ct, 'Override').some((o) => partNameKey(o.getAttribute('PartName') ?? '') === partNameKey(`/${path}`)))
      ct.appendChild(createLike(ct, 'Override', { PartName: `/${path}`, ContentType: contentType }));
    return path;
  }

  /** The shared-string table, created when the package has none. */
  private async strings(): Promise<NonNullable<Package['sst']>> {
    if (this.sst) return this.sst;
    let rel = await this.relOfType(REL_TYPES.sharedStrings);
    let path: string;
    if (!rel) {
      path = await this.adoptPart('sharedStrings.xml', EMPTY_SST, REL_TYPES.sharedStrings, CONTENT_TYPES.sharedStrings);
      rel = await this.relOfType(REL_TYPES.sharedStrings);
    } else {
      path = resolvePart(this.workbookPart, rel.getAttribute('Target')!);
    }
    this.sst = new SharedStringTable(await this.zip.text(path));
    this.sstPath = path;
    return this.sst;
  }

  private sstPath?: string;

  /** What writing cells needs; `withText`: the cells hold text (the string table is loaded or created). */
  async cellContext(sheet: string, warnings: PatchWarning[], onFormula: () => void, withText: boolean): Promise<CellWriteContext> {
    const sst = withText ? await this.strings() : undefined;
    return {
      strings: {
        add: (text: string) => {
          if (!sst) throw new Error('cellContext: text without a string table');
          // every cell that shows a text counts in the table's count, so the table is written
          this.markDirty(this.sstPath!);
          return sst.add(text);
        },
      },
      onForbidden: (cell) => warnings.push({ kind: 'forbiddenCharacters', sheet, cell }),
      onFormula,
    };
  }

  /** Drops the calculation chain (Excel rebuilds it on open). */
  async dropCalcChain(): Promise<void> {
    const rel = await this.relOfType(REL_TYPES.calcChain);
    if (!rel) return;
    const path = resolvePart(this.workbookPart, rel.getAttribute('Target')!);
    this.zip.remove(path);
    removeNode(rel);
    this.markDirty(relsPathOf(this.workbookPart));
    const ct = await this.contentTypes();
    for (const o of children(ct, 'Override')) if (partNameKey(o.getAttribute('PartName') ?? '') === partNameKey(`/${path}`)) removeNode(o);
  }

  async setFullCalcOnLoad(): Promise<void> {
    const wb = (await this.doc(this.workbookPart)).documentElement!;
    const calcPr = ensureChild(wb, 'calcPr', WORKBOOK_ORDER);
    if (calcPr.getAttribute('fullCalcOnLoad') === '1') return;
    calcPr.setAttribute('fullCalcOnLoad', '1');
    this.markDirty(this.workbookPart);
  }

  /** `collect`: called after each large part is serialised (`PatchOptions.collect`). */
  async finish(collect?: () => void): Promise<void> {
    let cellsChanged = false;
    for (const [path, editor] of this.sheets) {
      editor.finish();
      if (editor.changed || editor.rowsChanged) this.markDirty(path);
      cellsChanged ||= editor.cellsChanged;
    }
    if (this.styles?.changed && this.stylesPath) this.markDirty(this.stylesPath);
    if (cellsChanged) await this.dropCalcChain();
    for (const path of this.dirty) {
      const size = this.store(path);
      if (size >= LARGE_PART) collect?.();
    }
  }

  /** Serialises the dirty part `path` into the zip and lets go of its editor; returns its length in characters. */
  private store(path: string): number {
    const sheet = this.sheets.get(path);
    const text = sheet ? sheet.serialize() : this.sst && path === this.sstPath ? this.sst.serialize() : serializeXml(this.docs.get(path)!);
    this.zip.set(path, text);
    // the part is text in the zip now: its editor (the largest thing held) can go
    this.sheets.delete(path);
    this.docs.delete(path);
    return text.length;
  }
}

/**
 * `source` (the .xlsx bytes as read) with `ops` applied. Ops are checked beforehand
 * (planCheck.ts) and resolved (no appendRows / updateRowByKey). `options`: see
 * PatchOptions (by default `ops` is left as it is). Throws on a damaged package
 * (missing or malformed part).
 */
export async function patchPackage(source: Uint8Array, ops: PlanOp[], options: PatchOptions = {}): Promise<PatchResult> {
  const zip = await (options.readZip ?? readWithJsZip)(source);
  const pkg = new Package(zip);
  await pkg.init();
  const warnings: PatchWarning[] = [];
  const state = { formulas: false };
  const count = ops.length;
  for (let i = 0; i < count; i++) {
    // the op is only ever held by applyOp's frame: once it returns, nothing here keeps it
    const large = cellCount(ops[options.consume ? 0 : i]) >= LARGE_OP;
    await applyOp(pkg, options.consume ? ops.shift()! : ops[i], warnings, state);
    if (large) options.collect?.();
  }
  if (state.formulas) await pkg.setFullCalcOnLoad();
  await pkg.finish(options.collect);
  const bytes = await zip.toBytes();
  return { bytes, warnings };
}

/** The cells an op writes (setCells), else 0. */
function cellCount(op: PlanOp): number {
  return op.kind === 'setCells' ? op.cells.reduce((n, line) => n + line.length, 0) : 0;
}

/** One op onto the package; `state.formulas` is set when it writes a formula (or moves formulas). */
async function applyOp(pkg: Package, op: PlanOp, warnings: PatchWarning[], state: { formulas: boolean }): Promise<void> {
  const onFormula = () => {
    state.formulas = true;
  };
  switch (op.kind) {
    case 'addSheet':
      await pkg.addSheet(op.sheet, !!op.hidden);
      break;
    case 'setCells': {
      const { editor, name } = await pkg.sheet(op.sheet);
      const withText = op.cells.some((line) => line.some((input) => 'text' in input && input.text !== ''));
      const ctx = await pkg.cellContext(name, warnings, onFormula, withText);
      const { row, column } = parseCell(op.cell);
      // a column of formulas that slide row by row is written once, as a shared formula
      const runs = sharedFormulaRuns(op.cells, row);
      const groups = new Map<number, { si: string; ref?: string }>();
      op.cells.forEach((line, i) =>
        line.forEach((input, j) => {
          const part = runs.get(`${i},${j}`);
          let shared: { si: string; ref?: string } | undefined;
          if (part?.kind === 'first') {
            const ref = `${cellAddress(row + i, column + j)}:${cellAddress(row + i + part.rows - 1, column + j)}`;
            shared = { si: editor.newSharedIndex(), ref };
            groups.set(j, { si: shared.si });
          } else if (part) shared = groups.get(j);
          editor.writeCell(row + i, column + j, input, ctx, shared);
        }),
      );
      break;
    }
    case 'setStyle': {
      const { editor } = await pkg.sheet(op.sheet);
      editor.setStyle(rectOf(op.range), op.style, await pkg.stylesEditor());
      break;
    }
    case 'setValidation': {
      const { editor } = await pkg.sheet(op.sheet);
      editor.setValidation(rectOf(op.range), op.rule);
      break;
    }
    case 'setColumnWidths': {
      const { editor } = await pkg.sheet(op.sheet);
      for (const w of op.widths) editor.setColumnWidth(columnNumber(w.column), w.width);
      break;
    }
    case 'setRowHeights': {
      const { editor } = await pkg.sheet(op.sheet);
      for (const h of op.heights) editor.setRowHeight(h.row, h.height);
      break;
    }
    case 'freeze': {
      const { editor } = await pkg.sheet(op.sheet);
      editor.freeze(op.rows, op.columns);
      break;
    }
    case 'setPageSetup': {
      const { editor, name } = await pkg.sheet(op.sheet);
      editor.setPageSetup(op.orientation, op.fitToWidth);
      if (op.printArea !== undefined) {
        const w = await pkg.setBuiltInName(name, 'Print_Area', `${sheetRef(name)}!${absoluteRange(op.printArea)}`);
        if (w) warnings.push(w);
      }
      if (op.printTitleRows !== undefined) {
        const { first, last } = op.printTitleRows;
        const w = await pkg.setBuiltInName(name, 'Print_Titles', `${sheetRef(name)}!$${first}:$${last}`);
        if (w) warnings.push(w);
      }
      break;
    }
    case 'insertColumns':
    case 'deleteColumns': {
      const { name } = await pkg.sheet(op.sheet);
      await shiftPackageColumns(pkg, { sheet: name, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count });
      // cached results of moved formulas may be stale (a reference became #REF!): Excel recalculates on open
      onFormula();
      break;
    }
    case 'appendRows':
    case 'updateRowByKey':
    case 'deleteRowByKey':
      throw new Error(`patchPackage: ${op.kind} must be resolved to setCells first`);
    default:
      throw new Error(`patchPackage: unknown op ${(op as { kind: string }).kind}`);
  }
}

/**
 * Refuses whole-column shifts that would cut a table or pivot table of `source` in two
 * (WorkbookError 'invalidArgument', Dutch, naming sheet and table), each judged on the
 * package as it is; changes nothing. Shifts on sheets the package lacks are skipped.
 * `readZip`: how the zip is read (packageZip.ts; JSZip by default).
 */
export async function checkColumnShifts(source: Uint8Array, shifts: ColumnShift[], readZip: ReadPackageZip = readWithJsZip): Promise<void> {
  const pkg = new Package(await readZip(source));
  await pkg.init();
  const names = new Set((await pkg.sheetParts()).map((s) => s.name.toLowerCase()));
  for (const shift of shifts) if (names.has(shift.sheet.toLowerCase())) await checkPackageShift(pkg, shift);
}

/** What one pass over the worksheet parts of a package finds (`scanWorksheets`). */
export interface WorksheetScan {
  /**
   * Per sheet (by its name as the workbook lists it), the formula cells whose file holds no
   * cached result (`<f>` without `<v>`; see cachedResults.ts), as A1 addresses; sheets
   * without such cells are left out.
   */
  noResult: Map<string, string[]>;
  /** Per worksheet part path, the part without its cells (definitions.ts `sheetSkeletonText`): what `readPackageDefinitions` reads of it. */
  skeletons: Map<string, string>;
}

/**
 * Reads each worksheet part of `source` once as text, for the formula cells without a
 * cached result and the part's skeleton (all but its cells), so reading the package's
 * names, rules and comments later needs no second pass over the megabytes of cells.
 * Never changes anything. `readZip`: how the zip is read (packageZip.ts; JSZip by default).
 */
export async function scanWorksheets(source: Uint8Array, readZip: ReadPackageZip = readWithJsZip): Promise<WorksheetScan> {
  const pkg = new Package(await readZip(source));
  await pkg.init();
  const noResult = new Map<string, string[]>();
  const skeletons = new Map<string, string>();
  for (const { name, path } of await pkg.sheetParts()) {
    if (!pkg.zip.has(path)) continue;
    const xml = await pkg.zip.text(path);
    const cells = formulaCellsWithoutResult(xml);
    if (cells.length) noResult.set(name, cells);
    skeletons.set(path, sheetSkeletonText(xml));
  }
  return { noResult, skeletons };
}

/** "A1:J105" → "$A$1:$J$105" (the anchored form Excel stores for print areas). */
export function absoluteRange(range: string): string {
  return range
    .split(':')
    .map((part) => part.replace(/\$/g, '').replace(/^([A-Za-z]+)([0-9]+)$/, (_m, c: string, r: string) => `$${c.toUpperCase()}$${r}`))
    .join(':');
}

/**
 * The sheets of an .xlsx package as snapshots, read straight from the package's XML,
 * without building ExcelJS's model of every cell (issue 10: at 10,000 rows × 20 factors
 * ExcelJS's load took about 1.1 s of the command line's 7 s, and its model about 7 KB a row).
 * The command line reads a workbook this way (`XlsxReadOptions.deferModel`); the model is
 * only built when an operation needs it (see XlsxWorkbook).
 *
 * What a cell reads as is what `XlsxWorkbook` reads through ExcelJS (cellValues.ts `readCell`,
 * `XlsxWorkbook.snapshotSheet`); tests/workbook/xlsx/readSheets.test.ts compares the two on
 * every workbook file of the tests. The parts and elements (ECMA-376 Part 1):
 * - `xl/workbook.xml` `<sheets>` (name, `state` hidden/veryHidden, the relationship to the
 *   part) and `<workbookPr date1904>`; only worksheet parts (a chartsheet has no cells, and
 *   ExcelJS lists none either).
 * - `sharedStrings.xml` (18.4.8 `<si>`: a `<t>`, or rich-text runs `<r><t>`; phonetic runs
 *   `<rPh>` are no part of the text), Excel's `_xHHHH_` escapes decoded as ExcelJS does. It and
 *   `styles.xml` are found through the workbook's relationships, else at their usual paths
 *   `xl/sharedStrings.xml` and `xl/styles.xml` (the only paths ExcelJS reads them from): a
 *   package without the relationship kept its texts with ExcelJS.
 * - the worksheet's `<sheetData>` (18.3.1.4 `<c>`: `t` = s, str, inlineStr, b, e, d or a
 *   number; `<f>` with shared formulas, 18.3.1.40, moved from their first cell by ExcelJS's
 *   slideFormula rule as the package patch reads them; a cell or row without `r` follows
 *   the one before), `<mergeCells>`, `<sheetProtection>`, `<cols>` styles and
 *   `<dataValidations>` (not those in `<extLst>`: ExcelJS reads none of them either).
 * - `styles.xml` `<cellXfs>`: which cell formats unlock a cell (`<protection locked="0">`).
 *
 * Where ExcelJS 4.4 reads a cell wrongly, this reader follows the file as Excel means it
 * (and as the Office.js adapter sees it in Excel):
 * - a number in a date format stays the serial number the file holds (ExcelJS makes a
 *   JavaScript date of it, rounded to the millisecond);
 * - a cell of type `d` (an ISO 8601 date) is its serial number (ExcelJS: the number before
 *   the first "-", the year);
 * - a formula cell with a hyperlink keeps its formula (ExcelJS drops it);
 * - the cached text of a formula (`t="str"`) and inline text are read once (ExcelJS decodes
 *   XML entities in the first a second time, and leaves `_xHHHH_` escapes in the second);
 * - a sheet's unlocked columns are every column whose `<col>` format unlocks it (ExcelJS
 *   only looks up to the last column that holds a cell);
 * - boolean attributes are xsd:boolean, "true" as well as "1" (ExcelJS: a sheet protected
 *   with `sheet="true"` is not protected, a format with `locked="false"` does not unlock its
 *   cells, a workbook with `date1904="true"` counts from 1900; LibreOffice writes them so);
 * - a row without a number or a cell without an address follows the one before, and a
 *   shared string that is not in the table reads as empty (ExcelJS refuses the whole file);
 * - parts are found through their relationships, so a worksheet part not named
 *   `sheetN.xml` is read (ExcelJS skips the sheet), as is a package whose elements carry a
 *   namespace prefix (`x:c`), whose relationship ids use another prefix than `r:`, or whose
 *   targets start with `./` (ExcelJS refuses those files or reads no sheets);
 * - a validation on whole rows (`sqref="5:5"`) applies to the row's cells (ExcelJS drops it);
 * - a row that appears twice keeps the cells of both (ExcelJS: those of the last);
 * - an inline string with a phonetic run (`<is><rPh>`) is read without it, as in the shared
 *   strings (ExcelJS stops reading the sheet at that cell, without an error).
 * - part names compare as case-insensitive ASCII (ECMA-376 Part 2; `partNameKey`, in both
 *   zips): a part stored as `xl/worksheets/Sheet1.xml` or `xl/SharedStrings.xml` is the one
 *   its relationship names in lower case (ExcelJS skips the sheet, or reads the texts as
 *   their index numbers).
 * For a package ExcelJS refuses, or reads otherwise than this reader without an error, an
 * operation that needs the model is refused in Dutch, naming the first sheet and cell where
 * the two differ, before anything is written (XlsxWorkbook `loadModelOf` with
 * `modelDisagreement`: WorkbookError 'cannotEditLayout').
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { cellAddress, tryParseCell } from '../../../core/a1';
import { dateToSerial } from '../../../core/dates';
import type { CellValue, SheetProtection, SheetSnapshot } from '../../../core/snapshot';
import { MAX_COLUMNS, WorkbookError } from '../../errors';
import { rectOf, type Rect } from '../../rectangles';
import { stripFutureFunctionPrefixes } from '../futureFunctions';
import { fullAddress, isLargeValidationRange } from '../largeValidations';
import { protectionSnapshot } from '../cellStyles';
import type { DvModel } from '../validations';
import { formulaCellsWithoutResult } from './cachedResults';
import { sheetSkeletonText } from './definitions';
import type { PackageZip } from './packageZip';
import { partNameKey, relsPathOf, resolvePart } from './partPaths';
import { NS, child, children, parseXml } from './xml';
import { localName } from './xmlText';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module with no type declarations or ESM entry (tests/workbook/xlsx/exceljsInternals.test.ts fails when it changes)
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula: (formula: string, from: string, to: string) => string };

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
/** Whether a relationship type is `kind` (transitional or strict namespace). */
const isRel = (type: string | null, kind: string) => type === REL + kind || type === STRICT_REL + kind;

/** What `readPackageSheets` gives. */
export interface PackageSheets {
  /** The workbook counts dates from 1904 (`workbookPr date1904`). */
  date1904: boolean;
  /** Every worksheet in workbook order, as `XlsxWorkbook.snapshotSheet` reads it (`noCachedResult` included). */
  sheets: SheetSnapshot[];
  /** Per sheet (lower-case name; the first of equal names) its data validations as ExcelJS keeps them (validations.ts `DvModel`). */
  dvs: Map<string, DvModel>;
  /** Per worksheet part path, the part without its cells (definitions.ts `sheetSkeletonText`). */
  skeletons: Map<string, string>;
}

/** An XML boolean attribute (xsd:boolean: "1"/"true", "0"/"false"); `absent` when not there. */
function xmlBool(value: string | null | undefined, absent: boolean): boolean {
  if (value === null || value === undefined) return absent;
  return value === '1' || value === 'true';
}

/** Excel's `_xHHHH_` escapes in a text element, decoded as ExcelJS's TextXform does (upper-case hex only). */
const decodeEscapes = (text: string) =>
  text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

/**
 * The shared-string table `xml` as plain texts, by index: each `<si>`'s text, rich-text runs
 * joined, phonetic runs left out, escapes decoded.
 * @throws Error on malformed XML
 */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  let depth = 0;
  let inSi = false;
  let skip = 0;
  let text: string[] | null = null;
  let parts: string[] = [];
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    const local = localName(tag.name);
    if (depth === 2 && local === 'si') {
      inSi = true;
      parts = [];
    } else if (inSi && !skip && local === 'rPh') skip = depth;
    else if (inSi && !skip && local === 't') text = [];
  });
  const onText = (t: string) => {
    if (text) text.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    if (skip === depth) skip = 0;
    else if (text && local === 't') {
      parts.push(decodeEscapes(text.join('')));
      text = null;
    } else if (depth === 2 && local === 'si') {
      out.push(parts.join(''));
      inSi = false;
    }
    depth--;
  });
  parser.on('error', (e) => {
    throw new Error(`malformed XML in the shared strings: ${e.message}`);
  });
  parser.write(xml).close();
  return out;
}

/** Per cell format (`<cellXfs>` index): whether it unlocks the cell (`<protection locked="0">`, or "false" as LibreOffice writes it). */
function unlockingFormats(stylesXml: string | undefined): boolean[] {
  if (!stylesXml) return [];
  const xfs = child(parseXml(stylesXml).documentElement!, 'cellXfs');
  return (xfs ? children(xfs, 'xf') : []).map((xf) => !xmlBool(child(xf, 'protection')?.getAttribute('locked'), true));
}

/** One `<dataValidation>` as ExcelJS's data-validations reader makes it (exceljs/lib/xlsx/xform/sheet/data-validations-xform.js). */
type Dv = DvModel[string] & object;

function dvOpen(attrs: Record<string, string>): Dv {
  const dv: Record<string, unknown> = { type: attrs.type || 'any', formulae: [] };
  const bool = (name: string) => {
    if (attrs[name] !== undefined) dv[name] = attrs[name] === '1' || attrs[name] === 'true';
  };
  if (attrs.type) bool('allowBlank');
  bool('showInputMessage');
  bool('showErrorMessage');
  if (!['any', 'list', 'custom'].includes(dv.type as string)) dv.operator = attrs.operator ?? 'between';
  for (const name of ['promptTitle', 'prompt', 'errorStyle', 'errorTitle', 'error']) if (attrs[name] !== undefined) dv[name] = attrs[name];
  return dv as unknown as Dv;
}

/** A `formula1`/`formula2` text as ExcelJS keeps it: a number for whole/textLength/decimal, else the text. */
function dvFormula(dv: Dv, text: string): unknown {
  switch (dv.type) {
    case 'whole':
    case 'textLength':
      return parseInt(text, 10);
    case 'decimal':
      return parseFloat(text);
    default:
      return text;
  }
}

/** Puts one `<dataValidation>` on its cells in `model`, as the (patched) ExcelJS reader does: one key per cell, large ranges as one key. */
function dvClose(model: DvModel, sqref: string, dv: Dv): void {
  const d = dv as { formulae?: unknown[]; operator?: unknown };
  if (!d.formulae || !d.formulae.length) {
    delete d.formulae;
    delete d.operator;
  }
  for (const part of sqref.split(/\s+/).filter(Boolean)) {
    if (isLargeValidationRange(part)) {
      model[fullAddress(part)] = dv;
      continue;
    }
    let rect: Rect | null = null;
    try {
      rect = rectOf(fullAddress(part));
    } catch {
      rect = null;
    }
    if (rect && part.includes(':')) {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) model[cellAddress(r, c)] = dv;
    } else model[part] = dv;
  }
}

/** A cell as read from `<c>`, before merges. */
interface RawCell {
  value: CellValue;
  formula: string | null;
}

/** What one pass over a worksheet part gives. */
interface SheetRead {
  /**
   * The cells anchored at A1 (values[r - 1][c - 1]), as the snapshot has them: rows and
   * row arrays padded with null up to each cell with a value or formula. A cell emptied
   * afterwards (a later duplicate, a merge) leaves null behind until `trim`.
   */
  values: CellValue[][];
  formulas: (string | null)[][];
  merges: Rect[];
  /** `<sheetProtection>`: present, and its attributes. */
  protection?: Record<string, string>;
  /** Unlocked cells (row → columns), from their formats. */
  unlockedCells: Map<number, number[]>;
  /** Unlocked columns, from `<col>` formats. */
  unlockedColumns: Set<number>;
  dvs: DvModel;
}

/** A serial date of an ISO 8601 text (`t="d"`, 18.17.4), read on the workbook's zone-less clock; null when it is none. */
function isoDateSerial(text: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  return Number.isFinite(ms) ? dateToSerial(new Date(ms), date1904) : null;
}

/** A cell's value (not a formula's) by its type `t` and `<v>` / inline text, as `readCell` gives it. */
function cellValue(t: string | undefined, v: string, strings: string[], date1904: boolean): CellValue {
  switch (t) {
    case 's': {
      const s = strings[parseInt(v, 10)];
      return s === undefined || s === '' ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return v === '' ? null : v;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return v;
    case 'd':
      return isoDateSerial(v, date1904);
    default: {
      const n = parseFloat(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** A formula's cached result by the cell's type `t`; null when there is none or it is the empty text. */
function formulaResult(t: string | undefined, v: string | null): CellValue {
  if (!v) return null;
  if (t === 'str') return v;
  if (t === 'b') return parseInt(v, 10) !== 0;
  if (t === 'e') return v;
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * One pass over a worksheet part's XML: its cells, merges, protection, unlocked cells and
 * columns, and data validations.
 * @throws Error on malformed XML
 */
function readSheetXml(xml: string, strings: string[], unlocking: boolean[], date1904: boolean): SheetRead {
  const read: SheetRead = { values: [], formulas: [], merges: [], unlockedCells: new Map(), unlockedColumns: new Set(), dvs: {} };
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  const masters = new Map<string, { formula: string; address: string }>();
  let depth = 0;
  /** The depth of an `<extLst>` being skipped (0: none). */
  let ext = 0;
  let section = '';
  let row = 0;
  let column = 0;
  // the cell being read
  let t: string | undefined;
  let address = '';
  let f: { text: string; kind?: string; si?: string; ref?: string } | null = null;
  let v: string | null = null;
  /** An inline string's `<t>` texts, each decoded (`<is>`), and the one being read. */
  let inline: string[] | null = null;
  let inlineText: string[] | null = null;
  /** Which text is being collected: 'f', 'v', or '' (an inline string's text goes to `inlineText`). */
  let into = '';
  let inRph = 0;
  let dv: { sqref: string; dv: Dv; formula: string[] | null } | null = null;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    if (ext) return;
    const local = localName(tag.name);
    const a = tag.attributes;
    if (local === 'extLst') {
      ext = depth;
      return;
    }
    if (depth === 2) {
      section = local;
      if (local === 'sheetProtection') read.protection = { ...a };
      return;
    }
    if (depth === 3) {
      if (section === 'sheetData' && local === 'row') {
        row = a.r ? Number(a.r) || row + 1 : row + 1;
        column = 0;
      } else if (section === 'mergeCells' && local === 'mergeCell' && a.ref) {
        try {
          read.merges.push(rectOf(a.ref));
        } catch {
          // a merge that is no range is no merge
        }
      } else if (section === 'cols' && local === 'col') {
        const style = a.style === undefined ? undefined : Number(a.style);
        if (style !== undefined && unlocking[style]) {
          const min = Math.max(1, Number(a.min) || 1);
          const max = Math.min(MAX_COLUMNS, Number(a.max) || min);
          for (let c = min; c <= max; c++) read.unlockedColumns.add(c);
        }
      } else if (section === 'dataValidations' && local === 'dataValidation') {
        dv = { sqref: a.sqref ?? '', dv: dvOpen(a), formula: null };
      }
      return;
    }
    if (section === 'dataValidations' && depth === 4 && dv && (local === 'formula1' || local === 'formula2')) {
      dv.formula = [];
      return;
    }
    if (section !== 'sheetData') return;
    if (depth === 4 && local === 'c') {
      const at = a.r ? tryParseCell(a.r) : null;
      column = at ? at.column : column + 1;
      if (at && at.row !== row) row = at.row;
      address = cellAddress(row, column);
      t = a.t;
      f = null;
      v = null;
      inline = null;
      if (a.s !== undefined && unlocking[Number(a.s)]) {
        let open = read.unlockedCells.get(row);
        if (!open) read.unlockedCells.set(row, (open = []));
        open.push(column);
      }
    } else if (depth === 5) {
      if (local === 'f') {
        f = { text: '', kind: a.t, si: a.si, ref: a.ref };
        into = 'f';
      } else if (local === 'v') {
        v = '';
        into = 'v';
      } else if (local === 'is') inline = [];
    } else if (inline && !inRph) {
      if (local === 'rPh') inRph = depth;
      else if (local === 't') inlineText = [];
    }
  });

  const onText = (text: string) => {
    if (ext) return;
    if (into === 'f' && f) f.text += text;
    else if (into === 'v' && v !== null) v += text;
    else if (inlineText) inlineText.push(text);
    else if (dv?.formula) dv.formula.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    if (ext) {
      if (ext === depth) ext = 0;
      depth--;
      return;
    }
    if (section === 'sheetData') {
      if (inRph === depth) inRph = 0;
      else if (inlineText && local === 't') {
        inline?.push(decodeEscapes(inlineText.join('')));
        inlineText = null;
      } else if (depth === 5 && (local === 'f' || local === 'v')) into = '';
      else if (depth === 4 && local === 'c') {
        putCell(read, row, column, finishCell());
      }
    } else if (section === 'dataValidations' && dv) {
      if (depth === 4 && dv.formula && (local === 'formula1' || local === 'formula2')) {
        (dv.dv as { formulae: unknown[] }).formulae.push(dvFormula(dv.dv, dv.formula.join('')));
        dv.formula = null;
      } else if (depth === 3 && local === 'dataValidation') {
        dvClose(read.dvs, dv.sqref, dv.dv);
        dv = null;
      }
    }
    if (depth === 2) section = '';
    depth--;
  });
  parser.on('error', (e) => {
    throw new Error(`malformed XML: ${e.message}`);
  });

  /** The cell just closed, or null when it holds neither a value nor a formula. */
  function finishCell(): RawCell | null {
    // ExcelJS: a formula cell when the <f> has text or a type (shared, array, dataTable)
    if (f && (f.text || f.kind)) {
      let text = f.text;
      if (f.kind === 'shared' && f.si !== undefined) {
        if (f.ref !== undefined && text) masters.set(f.si, { formula: text, address });
        else if (!text) {
          const master = masters.get(f.si);
          text = master ? slideFormula(master.formula, master.address, address) : '';
        }
      }
      const formula = text ? `=${stripFutureFunctionPrefixes(text.replace(/^=/, ''))}` : null;
      const value = formulaResult(t, v);
      return formula === null && value === null ? null : { value, formula };
    }
    let value: CellValue = null;
    if (t === 'inlineStr' && inline) value = cellValue(t, inline.join(''), strings, date1904);
    else if (v !== null && v !== '') value = cellValue(t, v, strings, date1904);
    return value === null ? null : { value, formula: null };
  }

  parser.write(xml).close();
  return read;
}

/**
 * Puts a cell (null: an empty one) at `row`, `column` (1-based) into the read's grid:
 * padded as `XlsxWorkbook.snapshotSheet` pads it; an empty cell only clears what an
 * earlier element for the same cell put there.
 */
function putCell(read: SheetRead, row: number, column: number, cell: RawCell | null): void {
  const { values, formulas } = read;
  if (!cell) {
    if (values[row - 1]?.length >= column) {
      values[row - 1][column - 1] = null;
      formulas[row - 1][column - 1] = null;
    }
    return;
  }
  while (values.length < row) {
    values.push([]);
    formulas.push([]);
  }
  const vr = values[row - 1];
  const fr = formulas[row - 1];
  while (vr.length < column) {
    vr.push(null);
    fr.push(null);
  }
  vr[column - 1] = cell.value;
  fr[column - 1] = cell.formula;
}

/** Drops the trailing empty cells of each row and the trailing empty rows that emptied cells left (`putCell`). */
function trim(values: CellValue[][], formulas: (string | null)[][]): void {
  for (let r = 0; r < values.length; r++) {
    const vr = values[r];
    const fr = formulas[r];
    while (vr.length && vr[vr.length - 1] === null && fr[fr.length - 1] === null) {
      vr.pop();
      fr.pop();
    }
  }
  while (values.length && !values[values.length - 1].length) {
    values.pop();
    formulas.pop();
  }
}

/** A sheet's protection as `sheetProtection` (cellStyles.ts) reports it, or undefined. */
function protectionOf(read: SheetRead): SheetProtection | undefined {
  const p = read.protection;
  const allows = (v: string | undefined) => v === '0' || v === 'false';
  const state = p && { sheet: xmlBool(p.sheet, false), formatCells: allows(p.formatCells), formatColumns: allows(p.formatColumns) };
  return protectionSnapshot(state, read.unlockedColumns, read.unlockedCells);
}

/** The snapshot of one sheet from its read, as `XlsxWorkbook.snapshotSheet` gives it. */
function snapshotOf(name: string, hidden: boolean, read: SheetRead, noResult: string[]): SheetSnapshot {
  const { values, formulas } = read;
  // a merged area's cells other than its first read as empty (ExcelJS: ValueType.Merge)
  for (const m of read.merges) {
    for (let r = m.top; r <= Math.min(m.bottom, values.length); r++) {
      const vr = values[r - 1];
      for (let c = m.left; c <= Math.min(m.right, vr.length); c++) {
        if (r === m.top && c === m.left) continue;
        vr[c - 1] = null;
        formulas[r - 1][c - 1] = null;
      }
    }
  }
  trim(values, formulas);
  // merges by their first cell, the first place kept and the last range winning, always as
  // "first:last" (a one-cell merge too), as ExcelJS's `_merges` give them
  const byMaster = new Map<string, string>();
  for (const m of read.merges) byMaster.set(cellAddress(m.top, m.left), `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
  const merges = [...byMaster.values()];
  const protection = protectionOf(read);
  const noCachedResult = noResult.filter((a) => {
    const at = tryParseCell(a);
    return !!at && !!formulas[at.row - 1]?.[at.column - 1];
  });
  return {
    name,
    values,
    formulas,
    hidden,
    ...(merges.length ? { merges } : {}),
    ...(protection ? { protection } : {}),
    ...(noCachedResult.length ? { noCachedResult } : {}),
  };
}

/**
 * Reads every worksheet of the package `zip` as snapshots (see the module comment for what
 * is read and how it agrees with the ExcelJS reading), with the date system, the data
 * validations per sheet and each worksheet part's skeleton.
 * In: the package's zip (packageZip.ts). Out: `PackageSheets`.
 * @throws WorkbookError 'notAWorkbook' when the package has no workbook part
 * @throws Error naming the part for malformed XML or a missing part the workbook names
 */
export async function readPackageSheets(zip: PackageZip): Promise<PackageSheets> {
  if (!zip.has('_rels/.rels')) throw new WorkbookError('notAWorkbook', []);
  const rootRels = children(parseXml(await zip.text('_rels/.rels')).documentElement!, 'Relationship');
  const main = rootRels.find((r) => isRel(r.getAttribute('Type'), 'officeDocument'));
  const workbookPart = main ? resolvePart('', main.getAttribute('Target') ?? '') : 'xl/workbook.xml';
  if (!zip.has(workbookPart)) throw new WorkbookError('notAWorkbook', []);
  const workbook = parseXml(await zip.text(workbookPart)).documentElement!;
  if (localName(workbook.tagName) !== 'workbook') throw new WorkbookError('notAWorkbook', []);
  const date1904 = xmlBool(child(workbook, 'workbookPr')?.getAttribute('date1904'), false);
  const relsPath = relsPathOf(workbookPart);
  const rels = zip.has(relsPath) ? children(parseXml(await zip.text(relsPath)).documentElement!, 'Relationship') : [];
  // without a relationship, the part at its usual path (ExcelJS reads only that path)
  const partOf = (type: string, usual: string) => {
    const rel = rels.find((r) => isRel(r.getAttribute('Type'), type));
    return rel ? resolvePart(workbookPart, rel.getAttribute('Target') ?? '') : usual;
  };
  const stringsPart = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const strings = zip.has(stringsPart) ? readSharedStrings(await zip.text(stringsPart)) : [];
  const stylesPart = partOf('styles', 'xl/styles.xml');
  const unlocking = unlockingFormats(zip.has(stylesPart) ? await zip.text(stylesPart) : undefined);

  const out: PackageSheets = { date1904, sheets: [], dvs: new Map(), skeletons: new Map() };
  const list = child(workbook, 'sheets');
  // a sheet's part by its part name: two sheets on one part would be written over each other
  const parts = new Map<string, string>();
  for (const el of list ? children(list, 'sheet') : []) {
    const id = el.getAttributeNS(NS.rel, 'id') ?? el.getAttribute('r:id');
    const rel = rels.find((r) => r.getAttribute('Id') === id);
    const name = el.getAttribute('name') ?? '';
    // a chartsheet (or another kind of sheet) has no cells; a sheet without a part of its own is damage
    if (rel && !isRel(rel.getAttribute('Type'), 'worksheet')) continue;
    const path = rel && rel.getAttribute('TargetMode') !== 'External' ? resolvePart(workbookPart, rel.getAttribute('Target') ?? '') : '';
    if (!path || !zip.has(path) || parts.has(partNameKey(path))) throw new WorkbookError('brokenSheetPart', [name], name);
    parts.set(partNameKey(path), name);
    const state = el.getAttribute('state');
    let xml: string | undefined = await zip.text(path);
    if (localName(/<(?![?!])([^\s/>]+)/.exec(xml)?.[1] ?? '') !== 'worksheet') throw new WorkbookError('brokenSheetPart', [name], name);
    const noResult = formulaCellsWithoutResult(xml);
    out.skeletons.set(path, sheetSkeletonText(xml));
    let read: SheetRead;
    try {
      read = readSheetXml(xml, strings, unlocking, date1904);
    } catch (e) {
      throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    // the part's text is garbage from here on: let go of it before the next sheet is read
    xml = undefined;
    out.sheets.push(snapshotOf(name, state === 'hidden' || state === 'veryHidden', read, noResult));
    if (!out.dvs.has(name.toLowerCase())) out.dvs.set(name.toLowerCase(), read.dvs);
  }
  return out;
}

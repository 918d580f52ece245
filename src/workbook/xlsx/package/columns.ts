/**
 * A whole-column insert or delete (plan ops insertColumns / deleteColumns) carried out on
 * an .xlsx package, as Excel does it ("Bladkolommen invoegen/verwijderen"), by the one rule
 * of src/core/columnShift.ts. What moves (ECMA-376 Part 1):
 * - on the changed sheet: cells (sheetData, see SheetEditor.shiftColumns), <cols>, merges,
 *   the sqref of conditional formats, data validations (also Excel 2010's x14 ones and
 *   sparklines), ignored errors and protected ranges, the autofilter and sort state (and
 *   their column ids), hyperlinks, column page breaks, drawing anchors (charts, pictures,
 *   shapes), comments (their part, the legacy VML shapes, threaded comments) and tables
 *   wholly right of the change;
 * - on every sheet: formulas in cells (shared and array formulas too), in conditional
 *   formats, validations, x14 extensions, table column formulas and hyperlink locations;
 * - in the workbook: defined names (a print area or print titles that lose every area are
 *   removed, one that loses some keeps the rest); chart series references (<c:f>) of every
 *   chart; the source range of pivot caches.
 * Refused (WorkbookError, Dutch, naming sheet and object) before the package changes: a
 * change through the middle of a table or a pivot table (Excel refuses it as well).
 * Everything else keeps its bytes; parts are rewritten only when something in them moved.
 */
import type { PackageZip } from './packageZip';
import type { Document, Element } from '@xmldom/xmldom';
import { columnLetter, tryParseRange } from '../../../core/a1';
import { sameSheet, shiftColumn, shiftColumnSpan, shiftFormula, shiftRange, shiftRanges, type ColumnShift } from '../../../core/columnShift';
import { WorkbookError } from '../../errors';
import { relsPathOf, resolvePart } from './partPaths';
import { child, children, descendants, removeNode, setText } from './xml';
import { escapeText } from './xmlText';

/** No sheet is called this: references without a sheet name in workbook-level formulas do not move. */
const NO_SHEET = '\u0000';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_TYPES = {
  drawing: `${REL}drawing`,
  comments: `${REL}comments`,
  vmlDrawing: `${REL}vmlDrawing`,
  table: `${REL}table`,
  pivotTable: `${REL}pivotTable`,
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
};

/** The whole-column shift as text for messages: "1 kolom invoegen bij kolom F". */
function describe(shift: ColumnShift): string {
  const n = Math.abs(shift.count);
  return `${n} ${n === 1 ? 'kolom' : 'kolommen'} ${shift.count > 0 ? 'invoegen' : 'verwijderen'} bij kolom ${columnLetter(shift.at)}`;
}

/** A space-separated list of ranges (sqref) after the shift; "" when every range is deleted. */
function shiftSqref(sqref: string, shift: ColumnShift): string {
  return shiftRanges(sqref.split(/\s+/).filter(Boolean), shift).join(' ');
}

/** Sets `el`'s text to the formula after the shift; true when it changed. */
function shiftFormulaText(el: Element, formulaSheet: string, shift: ColumnShift): boolean {
  const text = el.textContent ?? '';
  const next = shiftFormula(text, formulaSheet, shift);
  if (next === text) return false;
  setText(el, next);
  return true;
}

/** Sets attribute `name` (a range) after the shift; 'deleted' (attribute left as it was) when every cell of it is deleted. */
function shiftRangeAttr(el: Element, name: string, shift: ColumnShift): 'same' | 'moved' | 'deleted' {
  const ref = el.getAttribute(name);
  if (!ref) return 'same';
  const next = shiftRange(ref, shift);
  if (next === null) return 'deleted';
  if (next === ref) return 'same';
  el.setAttribute(name, next);
  return 'moved';
}

/** The left and right column of an A1 range ("C5:F9"), or null for text that is not one. */
function columnsOf(ref: string): [number, number] | null {
  const p = tryParseRange(ref);
  return p ? [Math.min(p.start.column, p.end.column), Math.max(p.start.column, p.end.column)] : null;
}

/** True when the shift goes through the middle of columns left…right (a table can only move as a whole). */
function cuts(left: number, right: number, shift: ColumnShift): boolean {
  if (shift.count > 0) return shift.at > left && shift.at <= right;
  const last = shift.at - shift.count - 1;
  return shift.at <= right && last >= left;
}

/** An <autoFilter> or <sortState> after the shift: its ref, filter column ids and sort conditions. */
function shiftFilter(el: Element, shift: ColumnShift): 'same' | 'moved' | 'deleted' {
  const ref = el.getAttribute('ref');
  const before = ref ? columnsOf(ref) : null;
  let result = shiftRangeAttr(el, 'ref', shift);
  if (result === 'deleted') return result;
  const after = el.getAttribute('ref') ? columnsOf(el.getAttribute('ref')!) : null;
  if (before && after) {
    for (const fc of children(el, 'filterColumn')) {
      const colId = Number(fc.getAttribute('colId') ?? 0);
      const to = shiftColumn(before[0] + colId, shift);
      if (to === null) removeNode(fc);
      else if (to - after[0] !== colId) fc.setAttribute('colId', String(to - after[0]));
      else continue;
      result = 'moved';
    }
  }
  for (const sort of children(el, 'sortState')) {
    const r = shiftFilter(sort, shift);
    if (r === 'deleted') removeNode(sort);
    if (r !== 'same') result = 'moved';
  }
  for (const cond of children(el, 'sortCondition')) {
    const r = shiftRangeAttr(cond, 'ref', shift);
    if (r === 'deleted') removeNode(cond);
    if (r !== 'same') result = 'moved';
  }
  return result;
}

/**
 * The worksheet element `root` (without its rows) of sheet `name` after the shift: the
 * changed sheet's ranges move; every sheet's formulas in conditional formats,
 * validations, extensions and hyperlink locations follow. True when anything changed.
 */
export function shiftSheetSkeleton(root: Element, name: string, shift: ColumnShift): boolean {
  const target = sameSheet(name, shift.sheet);
  let changed = false;
  const mark = (b: boolean) => {
    changed ||= b;
  };
  // formulas, on every sheet
  for (const cf of children(root, 'conditionalFormatting')) for (const f of descendants(cf, 'formula')) mark(shiftFormulaText(f, name, shift));
  const dvs = child(root, 'dataValidations');
  for (const dv of dvs ? children(dvs, 'dataValidation') : [])
    for (const f of [...children(dv, 'formula1'), ...children(dv, 'formula2')]) mark(shiftFormulaText(f, name, shift));
  const extLst = child(root, 'extLst');
  // Excel 2010's extensions (x14 conditional formats and validations, sparklines): formulas in <xm:f>, ranges in <xm:sqref>
  if (extLst) for (const f of descendants(extLst, 'f')) mark(shiftFormulaText(f, name, shift));
  const links = child(root, 'hyperlinks');
  for (const h of links ? children(links, 'hyperlink') : []) {
    const location = h.getAttribute('location');
    if (!location) continue;
    const next = shiftFormula(location, name, shift);
    // a link to a deleted cell keeps its text (Excel shows it as a broken link either way)
    if (next !== location && !next.includes('#REF!')) {
      h.setAttribute('location', next);
      changed = true;
    }
  }
  if (!target) return changed;

  // ranges, on the changed sheet
  const cols = child(root, 'cols');
  if (cols) {
    for (const col of children(cols, 'col')) {
      const min = Number(col.getAttribute('min'));
      const max = Number(col.getAttribute('max'));
      if (!(min >= 1 && max >= min)) continue;
      if (shift.count > 0 && min < shift.at && max >= shift.at) {
        // the inserted columns are new (no width or format of their own), as in the other adapters
        const right = col.cloneNode(true) as Element;
        col.setAttribute('max', String(shift.at - 1));
        const span = shiftColumnSpan(shift.at, max, shift);
        if (span) {
          right.setAttribute('min', String(span[0]));
          right.setAttribute('max', String(span[1]));
          cols.insertBefore(right, col.nextSibling);
        }
        changed = true;
        continue;
      }
      const span = shiftColumnSpan(min, max, shift);
      if (!span) removeNode(col);
      else if (span[0] !== min || span[1] !== max) {
        col.setAttribute('min', String(span[0]));
        col.setAttribute('max', String(span[1]));
      } else continue;
      changed = true;
    }
    if (!children(cols, 'col').length) removeNode(cols);
  }
  const listOf = (parentName: string, itemName: string, attr: string) => {
    const parent = child(root, parentName);
    if (!parent) return;
    for (const item of children(parent, itemName)) {
      const before = item.getAttribute(attr);
      if (before === null) continue;
      const next = attr === 'sqref' ? shiftSqref(before, shift) : (shiftRange(before, shift) ?? '');
      if (next === before) continue;
      changed = true;
      if (next === '') removeNode(item);
      else item.setAttribute(attr, next);
    }
    const left = children(parent, itemName).length;
    if (parent.hasAttribute('count')) parent.setAttribute('count', String(left));
    if (!left) removeNode(parent);
  };
  listOf('mergeCells', 'mergeCell', 'ref');
  listOf('dataValidations', 'dataValidation', 'sqref');
  listOf('hyperlinks', 'hyperlink', 'ref');
  listOf('ignoredErrors', 'ignoredError', 'sqref');
  listOf('protectedRanges', 'protectedRange', 'sqref');
  for (const cf of children(root, 'conditionalFormatting')) {
    const before = cf.getAttribute('sqref') ?? '';
    const next = shiftSqref(before, shift);
    if (next === before) continue;
    changed = true;
    if (next === '') removeNode(cf);
    else cf.setAttribute('sqref', next);
  }
  if (extLst) {
    for (const sq of descendants(extLst, 'sqref')) {
      const before = sq.textContent ?? '';
      const next = shiftSqref(before, shift);
      if (next === before) continue;
      changed = true;
      // the rule, validation or sparkline the range belongs to goes with it
      if (next === '') removeNode(sq.parentNode as Element);
      else setText(sq, next);
    }
  }
  for (const name of ['autoFilter', 'sortState']) {
    const el = child(root, name);
    if (!el) continue;
    const r = shiftFilter(el, shift);
    if (r === 'deleted') removeNode(el);
    if (r !== 'same') changed = true;
  }
  const breaks = child(root, 'colBreaks');
  if (breaks) {
    for (const brk of children(breaks, 'brk')) {
      // id: the 0-based column the page break is left of
      const id = Number(brk.getAttribute('id'));
      const to = shiftColumn(id + 1, shift);
      if (to === null) removeNode(brk);
      else if (to !== id + 1) brk.setAttribute('id', String(to - 1));
      else continue;
      changed = true;
    }
    const left = children(breaks, 'brk');
    breaks.setAttribute('count', String(left.length));
    breaks.setAttribute('manualBreakCount', String(left.filter((b) => b.getAttribute('man') === '1' || b.getAttribute('man') === 'true').length));
    if (!left.length) removeNode(breaks);
  }
  return changed;
}

/** What the package-wide shift needs of the package being patched (patchPackage.ts). */
export interface ShiftablePackage {
  readonly zip: PackageZip;
  readonly workbookPart: string;
  doc(path: string): Promise<Document>;
  markDirty(path: string): void;
  /** Every sheet in workbook order: its name and part. */
  sheetParts(): Promise<{ name: string; path: string }[]>;
  /** Every sheet in workbook order: its name, part and editor. */
  allSheets(): Promise<{ name: string; path: string; editor: { shiftColumns(name: string, shift: ColumnShift): void } }[]>;
}

/** The parts related to `part` by relationship type `type`. */
async function related(pkg: ShiftablePackage, part: string, type: string): Promise<string[]> {
  const relsPath = relsPathOf(part);
  if (!pkg.zip.has(relsPath)) return [];
  const rels = (await pkg.doc(relsPath)).documentElement!;
  return children(rels, 'Relationship')
    .filter((r) => r.getAttribute('Type') === type && r.getAttribute('TargetMode') !== 'External')
    .map((r) => resolvePart(part, r.getAttribute('Target')!))
    .filter((p) => pkg.zip.has(p));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ENTITIES[name],
  );
}

/**
 * The chart parts' series and label references (<c:f>, <c15:f>, <cx:f>: any element named f)
 * after the shift, edited as text so the rest of each part keeps its bytes.
 */
async function shiftCharts(pkg: ShiftablePackage, shift: ColumnShift): Promise<void> {
  const charts = pkg.zip.paths().filter((p) => /^(?:.*\/)?charts\/chart[^/]*\.xml$/i.test(p));
  for (const path of charts) {
    const text = await pkg.zip.text(path);
    let changed = false;
    const next = text.replace(/<((?:[A-Za-z_][\w.-]*:)?f)(\s[^>]*)?>([^<]*)<\/\1>/g, (whole, q: string, attrs: string | undefined, body: string) => {
      const formula = unescapeXml(body);
      const shifted = shiftFormula(formula, NO_SHEET, shift);
      if (shifted === formula) return whole;
      changed = true;
      return `<${q}${attrs ?? ''}>${escapeText(shifted)}</${q}>`;
    });
    if (changed) pkg.zip.set(path, next);
  }
}

/** Splits a defined name's text at its top-level commas (outside quotes, brackets and parentheses). */
function areas(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** The workbook's defined names after the shift. */
async function shiftDefinedNames(pkg: ShiftablePackage, shift: ColumnShift): Promise<void> {
  const wb = (await pkg.doc(pkg.workbookPart)).documentElement!;
  const names = child(wb, 'definedNames');
  if (!names) return;
  let changed = false;
  for (const dn of children(names, 'definedName')) {
    const text = dn.textContent ?? '';
    let next = shiftFormula(text, NO_SHEET, shift);
    if (next === text) continue;
    changed = true;
    const name = (dn.getAttribute('name') ?? '').toLowerCase();
    if (name.startsWith('_xlnm.') && next.includes('#REF!')) {
      // a print area, print titles or filter range keeps the areas that are left; none left: no name
      const kept = areas(next).filter((a) => !a.includes('#REF!'));
      if (!kept.length) {
        removeNode(dn);
        continue;
      }
      next = kept.join(',');
    }
    setText(dn, next);
  }
  if (!children(names, 'definedName').length) removeNode(names);
  if (changed) pkg.markDirty(pkg.workbookPart);
}

/** Drawing anchors (xdr:from / xdr:to) of the changed sheet's drawing parts. */
async function shiftDrawings(pkg: ShiftablePackage, sheetPart: string, shift: ColumnShift): Promise<void> {
  for (const path of await related(pkg, sheetPart, REL_TYPES.drawing)) {
    const root = (await pkg.doc(path)).documentElement!;
    let changed = false;
    const moveMarker = (marker: Element | undefined): number => {
      const col = marker && child(marker, 'col');
      if (!col) return 0;
      const from = Number(col.textContent);
      const to = shiftColumn(from + 1, shift);
      if (to === null) {
        // the anchor's column is deleted: the object's edge moves to where the columns were
        setText(col, String(shift.at - 1));
        const off = child(marker, 'colOff');
        if (off) setText(off, '0');
        changed = true;
        return shift.at - 1 - from;
      }
      if (to - 1 === from) return 0;
      setText(col, String(to - 1));
      changed = true;
      return to - 1 - from;
    };
    for (const anchor of children(root)) {
      if (anchor.localName === 'twoCellAnchor') {
        const editAs = anchor.getAttribute('editAs') ?? 'twoCell';
        if (editAs === 'absolute') continue;
        const delta = moveMarker(child(anchor, 'from'));
        const toMarker = child(anchor, 'to');
        if (editAs === 'oneCell') {
          // moves with its cell, keeps its size
          const col = toMarker && child(toMarker, 'col');
          if (col && delta) {
            setText(col, String(Number(col.textContent) + delta));
            changed = true;
          }
        } else moveMarker(toMarker);
      } else if (anchor.localName === 'oneCellAnchor') moveMarker(child(anchor, 'from'));
    }
    if (changed) pkg.markDirty(path);
  }
}

/** Comments of the changed sheet: the comments part, its legacy VML shapes, threaded comments. */
async function shiftComments(pkg: ShiftablePackage, sheetPart: string, shift: ColumnShift): Promise<void> {
  for (const type of [REL_TYPES.comments, REL_TYPES.threadedComment]) {
    for (const path of await related(pkg, sheetPart, type)) {
      const root = (await pkg.doc(path)).documentElement!;
      let changed = false;
      for (const c of descendants(root, type === REL_TYPES.comments ? 'comment' : 'threadedComment')) {
        const r = shiftRangeAttr(c, 'ref', shift);
        if (r === 'deleted') removeNode(c);
        changed ||= r !== 'same';
      }
      if (changed) pkg.markDirty(path);
    }
  }
  // VML is not always well-formed XML: edited as text, one <v:shape> at a time
  for (const path of await related(pkg, sheetPart, REL_TYPES.vmlDrawing)) {
    const text = await pkg.zip.text(path);
    let changed = false;
    const next = text.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
      const m = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
      if (!m) return shape;
      const from = Number(m[1]);
      const to = shiftColumn(from + 1, shift);
      if (to === null) {
        changed = true;
        return '';
      }
      const delta = to - 1 - from;
      if (!delta) return shape;
      changed = true;
      return shape.replace(m[0], `<x:Column>${to - 1}</x:Column>`).replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_a, body: string) => {
        // LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow, BottomOffset
        const parts = body.split(',').map((p) => p.trim());
        if (parts.length === 8) {
          parts[0] = String(Number(parts[0]) + delta);
          parts[4] = String(Number(parts[4]) + delta);
        }
        return `<x:Anchor>${parts.join(', ')}</x:Anchor>`;
      });
    });
    if (changed) pkg.zip.set(path, next);
  }
}

/** The tables of the workbook: where they are, and their formulas. */
async function shiftTables(pkg: ShiftablePackage, sheets: { name: string; path: string }[], shift: ColumnShift, checkOnly: boolean): Promise<void> {
  for (const sheet of sheets) {
    const onTarget = sameSheet(sheet.name, shift.sheet);
    for (const path of await related(pkg, sheet.path, REL_TYPES.table)) {
      const root = (await pkg.doc(path)).documentElement!;
      const ref = root.getAttribute('ref') ?? '';
      const span = columnsOf(ref);
      if (onTarget && span && cuts(span[0], span[1], shift)) {
        const table = root.getAttribute('displayName') ?? root.getAttribute('name') ?? '?';
        throw new WorkbookError(
          'invalidArgument',
          [sheet.name, `${describe(shift)} gaat door de tabel "${table}" (${ref}); verplaats of verklein die tabel eerst.`],
          sheet.name,
          ref.split(':')[0],
        );
      }
      if (checkOnly) continue;
      let changed = false;
      if (onTarget) {
        if (shiftRangeAttr(root, 'ref', shift) === 'moved') changed = true;
        for (const name of ['autoFilter', 'sortState']) {
          const el = child(root, name);
          if (!el) continue;
          // the table's own filter covers the table, which moves as a whole here
          if (shiftFilter(el, shift) !== 'same') changed = true;
        }
      }
      for (const name of ['calculatedColumnFormula', 'totalsRowFormula'])
        for (const f of descendants(root, name)) changed = shiftFormulaText(f, sheet.name, shift) || changed;
      if (changed) pkg.markDirty(path);
    }
    if (!onTarget) continue;
    for (const path of await related(pkg, sheet.path, REL_TYPES.pivotTable)) {
      const root = (await pkg.doc(path)).documentElement!;
      const location = child(root, 'location');
      const ref = location?.getAttribute('ref') ?? '';
      const span = columnsOf(ref);
      if (span && cuts(span[0], span[1], shift)) {
        const table = root.getAttribute('name') ?? '?';
        throw new WorkbookError(
          'invalidArgument',
          [sheet.name, `${describe(shift)} gaat door de draaitabel "${table}" (${ref}); verplaats die draaitabel eerst.`],
          sheet.name,
          ref.split(':')[0],
        );
      }
      if (!checkOnly && location && shiftRangeAttr(location, 'ref', shift) === 'moved') pkg.markDirty(path);
    }
  }
  if (checkOnly) return;
  // pivot caches read their source range from a sheet by name
  const caches = pkg.zip.paths().filter((p) => /pivotCacheDefinition[^/]*\.xml$/i.test(p));
  for (const path of caches) {
    const root = (await pkg.doc(path)).documentElement!;
    const source = child(root, 'cacheSource');
    const ws = source && child(source, 'worksheetSource');
    const sheet = ws?.getAttribute('sheet');
    if (!ws || !sheet || !sameSheet(sheet, shift.sheet) || ws.hasAttribute('r:id')) continue;
    if (shiftRangeAttr(ws, 'ref', shift) === 'moved') pkg.markDirty(path);
  }
}

/**
 * Refuses (WorkbookError 'invalidArgument', Dutch, naming sheet and object) a shift that
 * goes through a table or pivot table of the changed sheet; changes nothing.
 */
export async function checkPackageShift(pkg: ShiftablePackage, shift: ColumnShift): Promise<void> {
  const sheets = await pkg.sheetParts();
  await shiftTables(pkg, sheets, shift, true);
}

/**
 * Carries out `shift` (its `sheet` named as in the workbook) on every part of the package
 * that refers to cells (see the module comment). The sheet editors are left changed for
 * the caller's `finish`; other parts are marked dirty or rewritten as text.
 * @throws WorkbookError 'invalidArgument' for a shift through a table or pivot table
 *   (checked before anything changes)
 */
export async function shiftPackageColumns(pkg: ShiftablePackage, shift: ColumnShift): Promise<void> {
  const sheets = await pkg.allSheets();
  await shiftTables(pkg, sheets, shift, true);
  for (const s of sheets) s.editor.shiftColumns(s.name, shift);
  await shiftTables(pkg, sheets, shift, false);
  await shiftDefinedNames(pkg, shift);
  await shiftCharts(pkg, shift);
  const target = sheets.find((s) => sameSheet(s.name, shift.sheet));
  if (target) {
    await shiftDrawings(pkg, target.path, shift);
    await shiftComments(pkg, target.path, shift);
  }
}

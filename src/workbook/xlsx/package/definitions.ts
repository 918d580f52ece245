/**
 * Reads what of an .xlsx package refers to cells besides the cells' formulas: the defined
 * names (xl/workbook.xml `<definedNames>`), every sheet's conditional formats
 * (`<conditionalFormatting>`) and data validations (`<dataValidations>`), Excel 2010's x14
 * ones in the sheet's `<extLst>` included (ECMA-376 Part 1, and [MS-XLSX] for the x14
 * extensions: ranges in `<xm:sqref>`, formulas in `<xm:f>`). The same elements that
 * package/columns.ts moves on a column insert or delete; read for the question before a
 * factor column is deleted (src/core/referenceBreaks.ts `definitionsBrokenByShifts`).
 *
 * And every sheet's cell comments (notes): the `comments` part its relationships name
 * (ECMA-376 Part 1, 18.7 Comments: `<comment ref="E9"><text>…</text></comment>`). A modern
 * threaded comment is stored there too, as Excel's legacy copy of its first entry, so one
 * part covers both; read for the questions before a factor column is deleted or rewritten.
 *
 * A sheet part is not parsed whole: only its root tag and what follows `</sheetData>` (the
 * cells, most of the part, are skipped), so the read costs little beside the unzip.
 */
import { readWithJsZip, type ReadPackageZip } from './packageZip';
import type { CellCommentSnapshot, DefinedNameSnapshot, RangeRuleSnapshot, WorkbookDefinitions } from '../../../core/snapshot';
import { stripFutureFunctionPrefixes } from '../futureFunctions';
import { relsPathOf, resolvePart } from './partPaths';
import { NS, child, children, descendants, parseXml } from './xml';

const OFFICE_DOCUMENT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const COMMENTS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const THREADED_COMMENTS = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';

/**
 * The first entry's text of each thread of a threadedComments part `xml` ([MS-XLSX]
 * 2.6.207 ThreadedComment: `ref`, `parentId` on replies, `<text>`), by cell. Excel writes a
 * legacy copy of each thread into the comments part ("[Threaded comment] Your version of
 * Excel allows you to read …"); the thread's own text replaces that copy's.
 */
function threadTexts(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of descendants(parseXml(xml).documentElement!, 'threadedComment')) {
    if (t.getAttribute('parentId')) continue;
    const cell = (t.getAttribute('ref') ?? '').replace(/\$/g, '').toUpperCase();
    if (cell && !out.has(cell)) out.set(cell, child(t, 'text')?.textContent ?? '');
  }
  return out;
}

/** The comments of one sheet's comments part `xml`: cell (no "$") and text (its runs' text joined), in the part's order. */
function sheetComments(sheet: string, xml: string): CellCommentSnapshot[] {
  const root = parseXml(xml).documentElement!;
  return descendants(root, 'comment').map((c) => {
    const text = child(c, 'text');
    return {
      sheet,
      cell: (c.getAttribute('ref') ?? '').replace(/\$/g, '').toUpperCase(),
      text: text
        ? descendants(text, 't')
            .map((t) => t.textContent ?? '')
            .join('')
        : '',
    };
  });
}

/** A formula as stored (no "=", "_xlfn." prefixes) in the snapshot's form: "=" in front, prefixes off. */
const asFormula = (text: string) => `=${stripFutureFunctionPrefixes(text.trim())}`;

/** A validation's formula1/formula2: a list written out ("\"a,b\"") or nothing is no formula. */
function validationFormula(text: string | null | undefined): string[] {
  const t = (text ?? '').trim();
  return t && !t.startsWith('"') ? [asFormula(t)] : [];
}

const rangesOf = (sqref: string | null | undefined) => (sqref ?? '').split(/\s+/).filter(Boolean);

/**
 * The worksheet part `xml` without its cells, as text: its root start tag (with the
 * namespace declarations) and everything after `</sheetData>` (or `<sheetData/>`); a part
 * without a worksheet root as it is. A string of its own, not a slice of `xml`: a kept
 * skeleton (XlsxWorkbook keeps one per sheet of the package it read) must not hold the
 * megabytes of cells it was cut from (a JavaScript engine may keep a substring as a view
 * into the whole text).
 */
export function sheetSkeletonText(xml: string): string {
  const root = /<(?:[A-Za-z_][\w.-]*:)?worksheet\b[^>]*>/.exec(xml);
  if (!root) return xml;
  const end = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData\s*>|<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*\/>/.exec(xml);
  const tail = end ? xml.slice(end.index + end[0].length) : xml.slice(root.index + root[0].length);
  return new TextDecoder().decode(new TextEncoder().encode(root[0] + tail));
}

/** The conditional formats and validations of one sheet's part (its `sheetSkeletonText`), in the order the part has them. */
function sheetRules(sheet: string, skeletonXml: string): RangeRuleSnapshot[] {
  const root = parseXml(skeletonXml).documentElement!;
  const out: RangeRuleSnapshot[] = [];
  for (const cf of children(root, 'conditionalFormatting'))
    out.push({
      kind: 'conditionalFormat',
      sheet,
      ranges: rangesOf(cf.getAttribute('sqref')),
      formulas: descendants(cf, 'formula').map((f) => asFormula(f.textContent ?? '')),
    });
  const dvs = child(root, 'dataValidations');
  for (const dv of dvs ? children(dvs, 'dataValidation') : [])
    out.push({
      kind: 'validation',
      sheet,
      ranges: rangesOf(dv.getAttribute('sqref')),
      formulas: [...children(dv, 'formula1'), ...children(dv, 'formula2')].flatMap((f) => validationFormula(f.textContent)),
    });
  const ext = child(root, 'extLst');
  if (ext) {
    // x14: <x14:conditionalFormatting><x14:cfRule><xm:f>…</xm:f></x14:cfRule><xm:sqref>…</xm:sqref>
    for (const cf of descendants(ext, 'conditionalFormatting'))
      out.push({
        kind: 'conditionalFormat',
        sheet,
        ranges: rangesOf(child(cf, 'sqref')?.textContent),
        formulas: descendants(cf, 'f').map((f) => asFormula(f.textContent ?? '')),
      });
    for (const dv of descendants(ext, 'dataValidation'))
      out.push({
        kind: 'validation',
        sheet,
        ranges: rangesOf(child(dv, 'sqref')?.textContent),
        formulas: [...children(dv, 'formula1'), ...children(dv, 'formula2')].flatMap((f) =>
          descendants(f, 'f').flatMap((x) => validationFormula(x.textContent)),
        ),
      });
  }
  return out.filter((r) => r.ranges.length);
}

/**
 * The defined names, conditional formats, validations and comments of the package `bytes`:
 * names in the order of workbook.xml (a name's `localSheetId` read as the sheet at that
 * place in `<sheets>`), then each sheet's rules and comments in sheet order. Throws on a
 * damaged package. `readZip`: how the zip is read (packageZip.ts; JSZip by default).
 * `skeletons`: per worksheet part path, that part's `sheetSkeletonText` when a reader
 * already has it (the package's largest parts are then not unzipped again; see XlsxWorkbook).
 */
export async function readPackageDefinitions(
  bytes: Uint8Array,
  readZip: ReadPackageZip = readWithJsZip,
  skeletons?: ReadonlyMap<string, string>,
): Promise<WorkbookDefinitions> {
  const zip = await readZip(bytes);
  const text = (path: string) => zip.text(path);
  const rootRels = parseXml(await text('_rels/.rels')).documentElement!;
  const main = children(rootRels, 'Relationship').find((r) => r.getAttribute('Type') === OFFICE_DOCUMENT);
  const workbookPart = main ? resolvePart('', main.getAttribute('Target')!) : 'xl/workbook.xml';
  const wb = parseXml(await text(workbookPart)).documentElement!;
  const rels = zip.has(relsPathOf(workbookPart)) ? children(parseXml(await text(relsPathOf(workbookPart))).documentElement!, 'Relationship') : [];
  const sheetsEl = child(wb, 'sheets');
  const sheets = (sheetsEl ? children(sheetsEl, 'sheet') : []).map((el) => {
    const id = el.getAttributeNS(NS.rel, 'id') ?? el.getAttribute('r:id');
    const rel = rels.find((r) => r.getAttribute('Id') === id);
    return { name: el.getAttribute('name') ?? '', path: rel ? resolvePart(workbookPart, rel.getAttribute('Target')!) : null };
  });
  const names: DefinedNameSnapshot[] = [];
  const defined = child(wb, 'definedNames');
  for (const dn of defined ? children(defined, 'definedName') : []) {
    const local = dn.getAttribute('localSheetId');
    const scope = local !== null && local !== '' ? sheets[Number(local)]?.name : undefined;
    names.push({ name: dn.getAttribute('name') ?? '', formula: asFormula(dn.textContent ?? ''), ...(scope === undefined ? {} : { scope }) });
  }
  const rules: RangeRuleSnapshot[] = [];
  const comments: CellCommentSnapshot[] = [];
  for (const s of sheets) {
    if (!s.path || !zip.has(s.path)) continue;
    rules.push(...sheetRules(s.name, skeletons?.get(s.path) ?? sheetSkeletonText(await text(s.path))));
    const sheetRels = relsPathOf(s.path);
    if (!zip.has(sheetRels)) continue;
    const relsOf = children(parseXml(await text(sheetRels)).documentElement!, 'Relationship').filter((r) => r.getAttribute('TargetMode') !== 'External');
    const partsOf = (type: string) =>
      relsOf
        .filter((r) => r.getAttribute('Type') === type)
        .map((r) => resolvePart(s.path!, r.getAttribute('Target')!))
        .filter((p) => zip.has(p));
    const threads = new Map<string, string>();
    for (const part of partsOf(THREADED_COMMENTS)) for (const [cell, t] of threadTexts(await text(part))) threads.set(cell, t);
    for (const part of partsOf(COMMENTS))
      comments.push(...sheetComments(s.name, await text(part)).map((c) => (threads.has(c.cell) ? { ...c, text: threads.get(c.cell)! } : c)));
  }
  return { names, rules, comments };
}

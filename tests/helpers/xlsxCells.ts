/**
 * The cells of an .xlsx exactly as its sheet XML holds them, for the formula cross-check.
 *
 * ExcelJS cannot tell a formula cell without a cached result (`<f>` and no `<v>`) from one
 * whose cached result is the empty text (`<v></v>`): it reads both as `result: undefined`.
 * A workbook opened in Protected View shows exactly the cached values, so the check reads
 * the XML itself: every `<c>` with its address, whether it holds a formula, whether it
 * carries a `<v>`, and that value typed by the cell's `t` attribute. The workbook part, its
 * relationships and the shared strings are parsed (fast-xml-parser); the sheets are scanned.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';

type XmlValue = string | number | boolean | null;

export interface XmlCell {
  formula: boolean;
  /** Whether the cell carries a `<v>` (an inline string counts too). */
  hasValue: boolean;
  /** The value by `t`: "s"/"str"/"inlineStr" text, "b" boolean, "e" the error text, else a number; null without one. */
  value: XmlValue;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['sheet', 'Relationship', 'si', 'r'].includes(name),
});

/** Text of a node that may be a plain string or an element with attributes (`#text`). */
function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  const o = node as Record<string, unknown>;
  if ('#text' in o) return String(o['#text']);
  return '';
}

/** The text of a shared string or inline string item: its `<t>` or its runs' `<t>`s. */
function itemText(si: Record<string, unknown>): string {
  if (si.t !== undefined) return textOf(si.t);
  const runs = (si.r as Record<string, unknown>[] | undefined) ?? [];
  return runs.map((r) => textOf(r.t)).join('');
}

/** OOXML's _xHHHH_ escapes back to their characters (as Excel reads them). */
const unescapeOoxml = (s: string): string => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * Every cell of every worksheet of the .xlsx `bytes`, keyed `Sheet name!A1`. Throws when
 * the package lacks its workbook part or a sheet part it lists.
 */
export async function xlsxCells(bytes: Uint8Array): Promise<Map<string, XmlCell>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<Record<string, unknown>> => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the package`);
    return parser.parse(await file.async('string')) as Record<string, unknown>;
  };
  const workbook = (await read('xl/workbook.xml')).workbook as Record<string, Record<string, Record<string, string>[]>>;
  const rels = (await read('xl/_rels/workbook.xml.rels')).Relationships as Record<string, Record<string, string>[]>;
  const target = new Map(rels.Relationship.map((r) => [r['@Id'], r['@Target']]));
  const shared: string[] = [];
  if (zip.file('xl/sharedStrings.xml')) {
    const sst = (await read('xl/sharedStrings.xml')).sst as Record<string, Record<string, unknown>[]>;
    for (const si of sst.si ?? []) shared.push(unescapeOoxml(itemText(si)));
  }
  const out = new Map<string, XmlCell>();
  for (const sheet of workbook.sheets.sheet) {
    const t = target.get(sheet['@r:id'])!;
    const part = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
    const file = zip.file(part);
    if (!file) throw new Error(`no ${part} in the package`);
    scanCells(await file.async('string'), sheet['@name'], shared, out);
  }
  return out;
}

/** Attribute `name` of a start tag's attribute text, or undefined. */
function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

const decodeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/**
 * The `<c>` elements of one sheet part, by a scan (a full XML parse of a sheet with
 * 10,000 formulas takes about a second; the corpus reads three files per workbook). A
 * `<c>` never nests another `<c>`, and `<f>`, `<v>` and `<is>` are its only children
 * that matter here.
 */
function scanCells(xml: string, sheetName: string, shared: string[], out: Map<string, XmlCell>): void {
  const cell = /<c(\s[^>]*?)?(\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    const attrs = m[1] ?? '';
    const body = m[3] ?? '';
    const type = attr(attrs, 't') ?? 'n';
    const formula = /<f[\s>/]/.test(body);
    const v = /<v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/v>)/.exec(body);
    const inline = type === 'inlineStr' ? /<is>([\s\S]*?)<\/is>/.exec(body) : null;
    const hasValue = v !== null || inline !== null;
    const text = v ? decodeXml(v[1] ?? '') : '';
    let value: XmlValue = null;
    if (inline) value = unescapeOoxml(decodeXml([...inline[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('')));
    else if (hasValue) {
      if (type === 's') value = shared[Number(text)] ?? null;
      else if (type === 'str') value = unescapeOoxml(text);
      else if (type === 'b') value = text === '1' || text === 'true';
      else if (type === 'e') value = text;
      else value = Number(text);
    }
    out.set(`${sheetName}!${attr(attrs, 'r')}`, { formula, hasValue, value });
  }
}

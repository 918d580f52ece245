/**
 * Small DOM helpers over @xmldom/xmldom for editing the XML parts of an .xlsx package
 * (Office Open XML, ECMA-376 Part 1) in place: find children by local name, create
 * elements in the part's own namespace and prefix, insert children in the order the
 * schema demands.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import type JSZip from 'jszip';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The text of one part of a package, its bytes decoded as UTF-8 by the platform's
 * TextDecoder (WHATWG Encoding Standard, in Node and every browser). JSZip's own `'string'`
 * output decodes in JavaScript outside Node, several times slower: in the browser preview
 * that was a visible part of opening a file, whose worksheet parts hold megabytes of text.
 */
export async function partText(file: JSZip.JSZipObject): Promise<string> {
  return new TextDecoder().decode(await file.async('uint8array'));
}

/** Parses one part; throws on malformed XML (a damaged package). */
export function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') errors.push(msg);
    },
  }).parseFromString(text, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(`malformed XML part: ${errors[0] ?? 'no root element'}`);
  return doc;
}

/** The part's text again; the XML declaration is kept (added when the part had none). */
export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith('<?xml') ? text : XML_DECLARATION + text;
}

const ELEMENT_NODE = 1;

function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

/** Element children of `el`, optionally only those with local name `name`. */
export function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && (name === undefined || n.localName === name)) out.push(n);
  }
  return out;
}

/** Every descendant element of `el` with local name `name`, in document order. */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const k of children(e)) {
      if (k.localName === name) out.push(k);
      walk(k);
    }
  };
  walk(el);
  return out;
}

export function child(el: Element, name: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n) && n.localName === name) return n;
  return undefined;
}

/** A new element in the same namespace and with the same prefix as `like` (the part's root, usually). */
export function createLike(like: Element, name: string, attrs: Record<string, string> = {}): Element {
  const doc = like.ownerDocument!;
  const el = doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${name}` : name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * Inserts `el` into `parent` where the schema's sequence `order` (local names) puts it:
 * after every child whose name comes earlier in `order` (unknown children stay put).
 */
export function insertInOrder(parent: Element, el: Element, order: readonly string[]): Element {
  const rank = order.indexOf(el.localName!);
  let before: Node | null = null;
  if (rank >= 0) {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (!isElement(n)) continue;
      const r = order.indexOf(n.localName!);
      if (r > rank) {
        before = n;
        break;
      }
    }
  }
  parent.insertBefore(el, before);
  return el;
}

/** The child `name` of `parent`, created in schema order when missing. */
export function ensureChild(parent: Element, name: string, order: readonly string[], attrs: Record<string, string> = {}): Element {
  return child(parent, name) ?? insertInOrder(parent, createLike(parent, name, attrs), order);
}

export function removeNode(n: Node): void {
  n.parentNode?.removeChild(n);
}

export function setText(el: Element, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(text));
}

/** Child order of CT_Worksheet (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/** Child order of CT_Workbook (18.2.27). */
export const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'absPath',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

/** Child order of CT_Stylesheet (18.8.39). */
export const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;

/** Excel's order of font properties (CT_Font allows any order; Excel writes this one). */
export const FONT_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
] as const;

/** Child order of CT_Xf. */
export const XF_ORDER = ['alignment', 'protection', 'extLst'] as const;

/** Child order of CT_SheetView. */
export const SHEETVIEW_ORDER = ['pane', 'selection', 'pivotSelection', 'extLst'] as const;

/** Child order of CT_CellFormula's parent CT_Cell. */
export const CELL_ORDER = ['f', 'v', 'is', 'extLst'] as const;

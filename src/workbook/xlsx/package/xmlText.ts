/**
 * Reading and writing small pieces of XML as text, for the parts of a worksheet that are
 * too large to hold as a DOM (the rows of sheetData). Parsing is done by saxes (a
 * conformant, non-validating XML 1.0 parser); writing only ever produces elements with
 * escaped attribute values and text (XML 1.0, section 2.4 and 3.1).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** Text content escaped for an XML element (`&`, `<`, `>`). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value escaped for double quotes (also tab and line ends, which attribute normalisation would turn into spaces). */
function escapeAttr(value: string): string {
  return value.replace(/[&<>"\t\n\r]/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#9;';
      case '\n':
        return '&#10;';
      default:
        return '&#13;';
    }
  });
}

/** Attributes in document order: [qualified name, value]. */
export type Attrs = [string, string][];

/** `<qname a="v" …>` (or `<qname … />` when `selfClosing`). */
export function startTag(qname: string, attrs: Attrs, selfClosing = false): string {
  let s = `<${qname}`;
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s + (selfClosing ? '/>' : '>');
}

/** The local part of a qualified name ("x:row" → "row"). */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export function getAttr(attrs: Attrs, name: string): string | undefined {
  for (const [k, v] of attrs) if (k === name) return v;
  return undefined;
}

/** Sets (or adds at the end) attribute `name`. */
export function setAttr(attrs: Attrs, name: string, value: string): void {
  for (const a of attrs) {
    if (a[0] === name) {
      a[1] = value;
      return;
    }
  }
  attrs.push([name, value]);
}

export function removeAttr(attrs: Attrs, name: string): void {
  const i = attrs.findIndex((a) => a[0] === name);
  if (i >= 0) attrs.splice(i, 1);
}

/** One element read from its text: its name, attributes, direct children (kept as text) and its own text content. */
export interface ElementText {
  qname: string;
  attrs: Attrs;
  /** The element children, each with its local name, attributes and exact source text. */
  children: { local: string; attrs: Attrs; raw: string }[];
  /** The text directly inside the element, entities resolved. */
  text: string;
}

/**
 * Reads one element given as text (`<c r="A1" s="2"><v>1</v></c>`), namespace prefixes kept
 * as written. Throws on malformed XML. Source text of children is sliced from `xml`, so
 * writing it back keeps its bytes.
 */
export function readElement(xml: string): ElementText {
  const parser = new SaxesParser<{ fragment: true; xmlns: false }>({ fragment: true, xmlns: false });
  let depth = 0;
  let result: ElementText | undefined;
  let childStart = -1;
  let childLocal = '';
  let childAttrs: Attrs = [];
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    if (depth === 1) {
      result = { qname: tag.name, attrs: Object.entries<string>(tag.attributes), children: [], text: '' };
    } else if (depth === 2) {
      childStart = xml.lastIndexOf('<', parser.position - 1);
      childLocal = localName(tag.name);
      childAttrs = Object.entries<string>(tag.attributes);
    }
  });
  parser.on('closetag', () => {
    if (depth === 2) result!.children.push({ local: childLocal, attrs: childAttrs, raw: xml.slice(childStart, parser.position) });
    depth--;
  });
  const onText = (t: string) => {
    if (depth === 1 && result) result.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (e) => {
    throw new Error(`malformed XML: ${e.message}`);
  });
  parser.write(xml).close();
  if (!result) throw new Error('malformed XML: no element');
  return result;
}

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

/** The five predefined entities and character references (XML 1.0, 4.1 and 4.6). */
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `text` with its entity and character references replaced; null when one is none of those. */
function decodeReferences(text: string): string | null {
  if (!text.includes('&')) return text;
  let bad = false;
  const out = text.replace(/&([^;&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) bad = true;
    else if (ref in PREDEFINED) return PREDEFINED[ref];
    else {
      const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      const code = m ? parseInt(m[1] ?? m[2], m[1] ? 16 : 10) : NaN;
      // only characters XML 1.0 allows (2.2 Char)
      if (
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff)
      )
        return String.fromCodePoint(code);
      bad = true;
    }
    return whole;
  });
  return bad ? null : out;
}

/** Characters the fast path leaves to saxes: those XML 1.0 does not allow (2.2), and a carriage return (2.11 normalises line ends). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NOT_PLAIN_CHARS = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/;

/** An XML name in ASCII (XML 1.0, 2.3; names with other characters are left to saxes). */
const NAME = /[A-Za-z_:][\w.:-]*/y;
const SPACE = /\s*/y;

/**
 * A start tag at `at` (its "<" included): name, attributes and where it ends; null when it
 * is not the plain kind the fast path reads (see `readElementFast`).
 */
function startTagAt(xml: string, at: number): { qname: string; attrs: Attrs; end: number; selfClosing: boolean } | null {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(xml);
  if (!name) return null;
  let i = NAME.lastIndex;
  const attrs: Attrs = [];
  for (;;) {
    SPACE.lastIndex = i;
    SPACE.exec(xml);
    const spaced = SPACE.lastIndex > i;
    i = SPACE.lastIndex;
    const ch = xml[i];
    if (ch === '>') return { qname: name[0], attrs, end: i + 1, selfClosing: false };
    if (ch === '/') return xml[i + 1] === '>' ? { qname: name[0], attrs, end: i + 2, selfClosing: true } : null;
    if (!spaced) return null;
    NAME.lastIndex = i;
    const key = NAME.exec(xml);
    if (!key) return null;
    i = NAME.lastIndex;
    SPACE.lastIndex = i;
    SPACE.exec(xml);
    i = SPACE.lastIndex;
    if (xml[i] !== '=') return null;
    SPACE.lastIndex = i + 1;
    SPACE.exec(xml);
    i = SPACE.lastIndex;
    const quote = xml[i];
    if (quote !== '"' && quote !== "'") return null;
    const close = xml.indexOf(quote, i + 1);
    if (close < 0) return null;
    const raw = xml.slice(i + 1, close);
    // attribute-value normalisation (white space other than " ") and "<" are left to saxes
    if (/[<\t\n\r]/.test(raw)) return null;
    const value = decodeReferences(raw);
    if (value === null || attrs.some(([k]) => k === key[0])) return null;
    attrs.push([key[0], value]);
    i = close + 1;
  }
}

/**
 * `readElement` for the plain elements a worksheet's rows and cells are made of, without a
 * parser: start and end tags with quoted attributes, text with the predefined entities and
 * character references. Anything else (comments, CDATA, processing instructions, other
 * references, tabs or line ends in attribute values, a carriage return or a character XML
 * does not allow, ">" in text, unmatched tags, content after the element) gives null, and
 * `readElement` lets saxes read it (which throws where the XML is malformed). At 10,000 rows the patch
 * reads tens of thousands of cells; a SAX parser made for each cost about 0.15 s.
 */
function readElementFast(xml: string): ElementText | null {
  if (xml.charCodeAt(0) !== 60 /* < */ || xml.includes('<!') || xml.includes('<?') || NOT_PLAIN_CHARS.test(xml)) return null;
  const root = startTagAt(xml, 0);
  if (!root) return null;
  const result: ElementText = { qname: root.qname, attrs: root.attrs, children: [], text: '' };
  if (root.selfClosing) return root.end === xml.length ? result : null;
  /** Open elements below the root: qualified names. */
  const open: string[] = [];
  let childStart = -1;
  let child: { qname: string; attrs: Attrs } | null = null;
  let i = root.end;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return null;
    if (lt > i) {
      const text = decodeReferences(xml.slice(i, lt));
      if (text === null || text.includes('>')) return null;
      if (!open.length) result.text += text;
    }
    if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) return null;
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (!open.length) {
        return name === root.qname && gt + 1 === xml.length ? result : null;
      }
      if (open.pop() !== name) return null;
      if (!open.length && child) {
        result.children.push({ local: localName(child.qname), attrs: child.attrs, raw: xml.slice(childStart, gt + 1) });
        child = null;
      }
      i = gt + 1;
      continue;
    }
    const tag = startTagAt(xml, lt);
    if (!tag) return null;
    if (!open.length) {
      childStart = lt;
      if (tag.selfClosing) result.children.push({ local: localName(tag.qname), attrs: tag.attrs, raw: xml.slice(lt, tag.end) });
      else child = { qname: tag.qname, attrs: tag.attrs };
    }
    if (!tag.selfClosing) open.push(tag.qname);
    i = tag.end;
  }
}

/**
 * Reads one element given as text (`<c r="A1" s="2"><v>1</v></c>`), namespace prefixes kept
 * as written. Throws on malformed XML. Source text of children is sliced from `xml`, so
 * writing it back keeps its bytes. Plain elements are read without a parser
 * (`readElementFast`); everything else by saxes.
 */
export function readElement(xml: string): ElementText {
  return readElementFast(xml) ?? readElementSax(xml);
}

/** `readElement` by saxes (a conformant XML 1.0 parser). */
export function readElementSax(xml: string): ElementText {
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

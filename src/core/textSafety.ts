/**
 * Text safety: every string that people typed (or that comes from the longlist) and
 * is written into a cell passes `toEntryText` before it goes through an API that
 * parses input like typing (Office.js `Range.values`). The result stays text:
 * "=1+1", "+31 6 …", "-", "@team", "00123", "1/2", "TRUE" are not turned into
 * formulas, numbers, dates or booleans.
 *
 * `parseEntry` models what Excel does with typed input. It is used by the memory
 * adapter (so tests see Excel's behaviour) and by tests of `toEntryText`.
 */

const RISKY_START = /^[=+\-@'\s0-9.,(]/;
const LOOKS_LITERAL = /^(true|false|waar|onwaar|#n\/?b|#n\/a|#value!|#waarde!|#ref!|#div\/0!|#name\?|#naam\?|#num!|#getal!|#null!|#leeg!)$/i;

/** The string to hand to a parse-as-typed API so that the cell ends up holding `text`. */
export function toEntryText(text: string): string {
  if (text === '') return '';
  if (RISKY_START.test(text) || LOOKS_LITERAL.test(text.trim()) || /^[0-9]/.test(text.trim())) {
    return `'${text}`;
  }
  return text;
}

export type ParsedEntry =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'formula'; value: string }
  | { kind: 'empty' };

/** What Excel makes of a string typed into a cell (simplified but conservative). */
export function parseEntry(input: string): ParsedEntry {
  if (input === '') return { kind: 'empty' };
  if (input.startsWith("'")) return { kind: 'text', value: input.slice(1) };
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    const n = Number(input.replace(',', '.'));
    if (/^[+-]\s*[0-9]/.test(input) && Number.isFinite(n)) return { kind: 'number', value: n };
    return { kind: 'formula', value: input.startsWith('=') ? input : `=${input}` };
  }
  const trimmed = input.trim();
  // "(1)": Excel reads a number in parentheses as negative (accounting notation)
  const negative = /^\((\d+([.,]\d+)?)\)$/.exec(trimmed);
  if (negative) return { kind: 'number', value: -Number(negative[1].replace(',', '.')) };
  if (/^(true|waar)$/i.test(trimmed)) return { kind: 'bool', value: true };
  if (/^(false|onwaar)$/i.test(trimmed)) return { kind: 'bool', value: false };
  if (/^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i.test(trimmed)) {
    const pct = trimmed.endsWith('%');
    const n = Number(trimmed.replace('%', '').replace(',', '.'));
    return { kind: 'number', value: pct ? n / 100 : n };
  }
  if (/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(trimmed)) {
    // a date: Excel stores a serial number; the exact number does not matter here
    return { kind: 'number', value: NaN };
  }
  return { kind: 'text', value: input };
}

/** Excel's limit of characters in one cell. */
export const MAX_CELL_TEXT = 32767;

/** Characters XML 1.0 does not allow (section 2.2), besides lone surrogates: most C0 controls, U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what the rule is about
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Half of a surrogate pair without its other half (half an emoji): no file or UTF-8 transport can carry it. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * True when `text` holds a character XML 1.0 forbids or a lone surrogate. An .xlsx file
 * stores such a character as Excel's "_xHHHH_" escape (ECMA-376 Part 1, 22.9.2.19) and
 * cannot store a lone surrogate at all; both adapters warn about the cell (TEXT_CHARACTERS).
 */
export function hasXmlForbiddenCharacters(text: string): boolean {
  XML_FORBIDDEN.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return XML_FORBIDDEN.test(text) || LONE_SURROGATE.test(text);
}

/** `text` without lone surrogates (the only part of such text that cannot be kept). */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '');
}

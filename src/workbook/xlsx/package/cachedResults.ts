/**
 * Which formula cells of a worksheet part carry no cached result: an `<f>` without a `<v>`
 * after it (ECMA-376 Part 1, 18.3.1.4 c: the children come in the order f, v, is, extLst).
 *
 * ExcelJS cannot tell such a cell from one whose cached result is the empty text (`<v></v>`,
 * or `<v/>`): it reads both as a formula without a result. The difference matters: a file
 * opened in Protected View, or previewed in Teams or Outlook, shows exactly the cached
 * values, so a product formula without one shows nothing until someone enables editing
 * (issue 9). Files written by ExcelJS or other tools often hold formulas without a `<v>`.
 *
 * A text scan, not a parse: only the `<sheetData>` section is looked at (the extensions
 * after it hold `<xm:f>` elements of conditional formats and validations that are no
 * cells), and there every `<f>` element is a cell's formula, directly after the cell's
 * start tag. A formula text holds no raw `<` (XML escapes it), so the next tag after the
 * formula element is the cell's `<v>` or what follows it. A cell without an `r` attribute
 * (allowed, rare) is skipped: it is reported as having a result, the behaviour before this
 * scan existed.
 */

/** A formula element's start tag, any namespace prefix: `<f>`, `<f t="shared" …/>`, `<x:f>`. */
const FORMULA_START = /<(?:[A-Za-z_][\w.-]*:)?f(?=[\s>/])/g;
/** A value element's start tag directly at a position (after optional white space). */
const VALUE_START = /^\s*<(?:[A-Za-z_][\w.-]*:)?v(?=[\s>/])/;
/** A cell's start tag (`<c …>`, `<x:c …>`) at the start of a string. */
const CELL_START = /^<(?:[A-Za-z_][\w.-]*:)?c(?=[\s>])/;
/** The `r` attribute of a start tag, in either kind of quotes. */
const R_ATTR = /\sr\s*=\s*(["'])([^"']*)\1/;
const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData[\s>/]/;
const SHEET_DATA_END = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData\s*>/;

/**
 * The A1 addresses (as the file writes them, `$` removed, upper case) of the formula cells
 * of one worksheet part's XML text that have no `<v>`, in document order. Never throws:
 * text that is not a worksheet gives [].
 */
export function formulaCellsWithoutResult(xml: string): string[] {
  const start = xml.search(SHEET_DATA);
  if (start < 0) return [];
  const tail = xml.slice(start);
  const endAt = tail.search(SHEET_DATA_END);
  const data = endAt < 0 ? tail : tail.slice(0, endAt);
  const out: string[] = [];
  FORMULA_START.lastIndex = 0;
  for (let m = FORMULA_START.exec(data); m; m = FORMULA_START.exec(data)) {
    const at = m.index;
    const tagEnd = data.indexOf('>', at);
    if (tagEnd < 0) break;
    // the formula element's end: its own start tag when it closes itself, else its end tag
    let after: number;
    if (data[tagEnd - 1] === '/') after = tagEnd + 1;
    else {
      const close = data.indexOf('</', tagEnd);
      if (close < 0) break;
      after = data.indexOf('>', close) + 1;
      if (after <= 0) break;
    }
    FORMULA_START.lastIndex = after;
    if (VALUE_START.test(data.slice(after, after + 64))) continue;
    const cellStart = data.lastIndexOf('<', at - 1);
    const cellTag = cellStart < 0 ? '' : data.slice(cellStart, at);
    if (!CELL_START.test(cellTag)) continue;
    const r = R_ATTR.exec(cellTag);
    if (r) out.push(r[2].replace(/\$/g, '').toUpperCase());
  }
  return out;
}

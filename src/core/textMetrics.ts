/**
 * Estimated text widths without a font at hand (core has no DOM, the CLI no canvas): per
 * character, in em, after DejaVu Sans, the widest of the fonts our documents meet (Word
 * shows Calibri, LibreOffice falls back to DejaVu Sans when Calibri is missing). Text
 * that fits by this estimate fits in Calibri and Segoe UI too, which are narrower.
 * Used to size table columns so no word breaks, and to lay out the chart's labels.
 */

const NARROW = new Set([..."iljI.,:;'!|"]);
const SEMI = new Set([...'ftr()[]-/ "']);
const WIDE = new Set([...'mwMW…%@']);

/** Width of one character in em (regular weight). */
function charEm(ch: string): number {
  if (NARROW.has(ch)) return 0.3;
  if (SEMI.has(ch)) return 0.4;
  if (WIDE.has(ch)) return 1.0;
  if (/[A-Z]/.test(ch)) return 0.76;
  if (/[0-9]/.test(ch)) return 0.64;
  return 0.64;
}

/** Estimated width of `text` in em; bold is 12 % wider (DejaVu Sans Bold against Regular). */
export function textEm(text: string, bold = false): number {
  let w = 0;
  for (const ch of text) w += charEm(ch);
  return bold ? w * 1.12 : w;
}

/** The words of a text, split where a line may break (spaces, slashes, hyphens). */
function words(text: string): string[] {
  return text
    .split(/(?<=[\s/\u2010-])|\s+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** Estimated width in em of the widest word of `text`. */
export function widestWordEm(text: string, bold = false): number {
  return Math.max(0, ...words(text).map((w) => textEm(w, bold)));
}

/**
 * Breaks `s` into lines that fit `em` wide (greedy, at spaces; the text's own line breaks
 * kept; a word wider than a line gets a line of its own). Widths by `textEm`.
 * In: the text, the line width in em, bold or not. Out: the lines (at least one).
 */
export function wrapLines(s: string, em: number, bold = false): string[] {
  const out: string[] = [];
  for (const paragraph of s.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && textEm(next, bold) > em) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

/**
 * Width of one character unit of a column in em of this module's estimate: a column's unit
 * is the width of a digit of the font it is shown in (Excel: Calibri 11; LibreOffice
 * without Calibri: DejaVu Sans, whose digit this module puts at 0.64 em), so text and
 * column scale together; a little under the digit width to stay on the safe side.
 */
export const EM_PER_CHARACTER = 0.6;
/** Points per line of 11-point text (Excel's default row height) and a row's padding. */
const LINE_POINTS = 15;
const ROW_PADDING_POINTS = 2;
/** Excel's highest row, in points (Excel specifications and limits: row height 409 points). */
const MAX_ROW_POINTS = 409;

/**
 * The height in points a row needs to show its wrapped cells whole, or null when one line
 * (Excel's default height) is enough. In: the row's texts and their columns' widths in
 * Excel character units, index by index (a text without a width is not counted); `bold`
 * for bold text. Out: lines × 15 pt + 2 pt, at most Excel's 409 pt. Excel does not grow a
 * row for wrapped text in a file it opens, so the writer sets the height (setRowHeights).
 */
export function wrappedRowHeight(texts: readonly string[], widths: readonly number[], bold = false): number | null {
  let lines = 1;
  texts.forEach((t, i) => {
    if (t && widths[i] !== undefined) lines = Math.max(lines, wrapLines(t, widths[i] * EM_PER_CHARACTER - 1, bold).length);
  });
  return lines > 1 ? Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + ROW_PADDING_POINTS) : null;
}

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

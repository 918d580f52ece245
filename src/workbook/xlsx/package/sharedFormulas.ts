/**
 * Columns of formulas written as shared formulas (ECMA-376 Part 1, 18.3.1.40: `<f
 * t="shared" ref="W6:W10005" si="0">…</f>` in the first cell, `<f t="shared" si="0"/>` in
 * the others), the form Excel itself saves a filled-down column in. The engine writes the
 * same formula down a column with only its relative row references moving (Totaal,
 * Keuzelijsten, Resultaat): written out in every cell, the Totaal formula alone is about
 * 1.4 KB per row, 20 MB of a 10,000-row werkblad, which the patch, the check of the written
 * file and every reader then carry. Shared, the text is there once per column.
 *
 * A cell joins the group above it only when sliding the group's first formula down to it
 * (ExcelJS's slideFormula rule, with which ExcelJS and the package patch read a shared
 * formula back) gives exactly its own formula. A formula with a row range ("5:5",
 * "$2:7") never shares: Excel moves those too and slideFormula does not, so two equal
 * texts could stand for different formulas.
 */
import { isInterleaved } from '../../../core/interleaved';
import type { CellInput } from '../../../core/snapshot';
import { addFutureFunctionPrefixes } from '../futureFunctions';
import { stripForbidden } from '../ooxmlText';

// ExcelJS's slideFormula (exceljs/lib/utils/shared-formula.js), the rule ExcelJS and the
// package patch read shared formulas back with: a candidate is a run of letters, digits,
// "_" and "$" (with a sheet prefix), a cell reference when it is letters then a row number
// and not a function name; its relative parts move. `rowSlider` applies the same rule,
// compiled once per formula, so a column of 10,000 long formulas is compared in
// milliseconds (slideFormula itself took about 2 s); tests/workbook/xlsx/sharedFormulas.test.ts
// checks that both give the same text.
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** Where `formula`'s text literals ("…") and quoted sheet names ('…') end, by where they start. */
function quotedSpans(formula: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < formula.length; i++) {
    const q = formula[i];
    if (q !== '"' && q !== "'") continue;
    let end = i + 1;
    while (end < formula.length && (formula[end] !== q || formula[end + 1] === q)) end += formula[end] === q ? 2 : 1;
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

/**
 * `formula`, written in row `fromRow`, as slideFormula moves it to another row of the same
 * column: a function of the target row. Column letters come out in upper case, as
 * slideFormula writes them. Null when slideFormula would move a reference-like text inside
 * a text literal or a quoted sheet name, which Excel leaves alone.
 */
export function rowSlider(formula: string, fromRow: number): ((toRow: number) => string) | null {
  const slide = compileSlide(formula, fromRow);
  if (!slide) return null;
  const { literals, rows } = slide;
  return (toRow) => {
    let out = literals[0];
    for (let i = 0; i < rows.length; i++) out += String(rows[i] + toRow) + literals[i + 1];
    return out;
  };
}

/**
 * A formula compiled for sliding (`rowSlider`): the text before each relative row number,
 * that number's offset from the row the formula was written in, and the text after the last.
 */
interface Slide {
  /** The text before the first relative row number, between each two, and after the last (one more than `rows`). */
  literals: string[];
  rows: number[];
}

/** Whether `slide` moved to `toRow` gives exactly `text` (`rowSlider(…)(toRow) === text`, without building that text). */
function slidesTo(slide: Slide, toRow: number, text: string): boolean {
  return isInterleaved(text, slide.literals, (i) => slide.rows[i] + toRow);
}

function compileSlide(formula: string, fromRow: number): Slide | null {
  const quoted = formula.includes('"') || formula.includes("'") ? quotedSpans(formula) : [];
  const pieces: string[] = [];
  const rows: number[] = [];
  let text = '';
  let last = 0;
  for (const m of formula.matchAll(CANDIDATE)) {
    const [whole, sheet, , part, paren] = m;
    const ref = paren ? null : CELL_REF.exec(part);
    const column = ref?.[2].toUpperCase();
    if (!ref || !column || column.length > 3 || (column.length === 3 && column > 'XFD')) continue;
    text += formula.slice(last, m.index) + (sheet ?? '') + (ref[1] ?? '') + column;
    last = m.index + whole.length;
    if (ref[3]) text += `$${Number(ref[4])}`;
    else {
      const at = m.index;
      if (quoted.some(([from, to]) => at > from && at < to)) return null;
      pieces.push(text);
      rows.push(Number(ref[4]) - fromRow);
      text = '';
    }
  }
  text += formula.slice(last);
  return { literals: [...pieces, text], rows };
}

/** A row range outside a name or cell reference ("5:5", "$2:$7"): moved by Excel, not by slideFormula. */
const ROW_RANGE = /(^|[^A-Za-z0-9_$.])\$?\d+\s*:\s*\$?\d+/;

/** The formula text as the package stores it: without "=", with "_xlfn." prefixes, without characters XML forbids. */
export function storedFormula(formula: string): string {
  return stripForbidden(addFutureFunctionPrefixes(formula.replace(/^=/, '')));
}

/** A cell's part in a shared formula: the first cell of a run (with the run's length) or one below it. */
type SharedPart = { kind: 'first'; rows: number } | { kind: 'follows' };

/**
 * For the block `cells` written with its top row at `row`: which cells
 * start a run of shared formulas (two or more cells down one column whose formulas slide
 * row by row) and which follow one. Keyed by "i,j" (block row, block column); cells not
 * in a run are absent. Pure.
 */
export function sharedFormulaRuns(cells: readonly (readonly CellInput[])[], row: number): Map<string, SharedPart> {
  const parts = new Map<string, SharedPart>();
  const width = cells.reduce((w, line) => Math.max(w, line.length), 0);
  for (let j = 0; j < width; j++) {
    let start = -1;
    let slide: Slide | null = null;
    const close = (end: number) => {
      if (start >= 0 && end - start >= 2) {
        parts.set(`${start},${j}`, { kind: 'first', rows: end - start });
        for (let i = start + 1; i < end; i++) parts.set(`${i},${j}`, { kind: 'follows' });
      }
      start = -1;
    };
    for (let i = 0; i < cells.length; i++) {
      const input = cells[i][j];
      const text = input && 'formula' in input ? storedFormula(input.formula) : null;
      const sharable = text !== null && text !== '' && !ROW_RANGE.test(text);
      if (sharable && slide && slidesTo(slide, row + i, text)) continue;
      close(i);
      slide = sharable ? compileSlide(text, row + i) : null;
      if (slide) start = i;
    }
    close(cells.length);
  }
  return parts;
}

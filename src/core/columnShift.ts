/**
 * Inserting and deleting whole columns of a sheet, as Excel does it (Excel: Invoegen >
 * Bladkolommen invoegen / Bladkolommen verwijderen; Office.js `Range.insert(right)` and
 * `Range.delete(left)` on whole columns): cells at or right of the column move, and every
 * reference in the workbook that points at the moved cells moves with them. The one rule
 * the memory adapter, the xlsx adapter and `simulate` share; Excel itself does it for the
 * Office.js adapter.
 *
 * The rule (Excel's, for references in A1 notation). Sources: the moving, growing, shrinking
 * and #REF! of a range as J. Walkenbach describes it for a named range ("How Excel Maintains
 * Cell and Range Names", Excel 2007 Formulas, https://flylib.com/books/en/3.427.1.43/1/:
 * deleting a column inside the range shrinks it, deleting all of its columns gives #REF!);
 * Office.js only documents the shift direction of `Range.delete` / `Range.insert`
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.deleteshiftdirection), not
 * what happens to references:
 * - Insert `count` columns before column `at`: a column c >= at becomes c + count. A range
 *   whose left edge is before `at` and right edge at or after it grows (its right edge
 *   moves); a range wholly left of `at` stays.
 * - Delete columns at … at+count-1: a column right of them moves left by count; a cell in
 *   them becomes #REF!; a range that spans them shrinks; a range wholly inside them
 *   becomes #REF!.
 * - `$` anchors move like relative references (an insert or delete is not a copy).
 * - Whole-column ranges (C:E) move like cell ranges; whole-row ranges (3:5) never move.
 * - A reference without a sheet name points at the sheet the formula is on; one with a
 *   sheet name (quoted or not) moves only when that names the changed sheet (names
 *   compare without regard to case). References into another workbook ([1]Blad!A1) stay.
 * - A 3-D reference (a sheet range: `Blad1:Blad3!D5`, `'Blad 1:Blad 3'!D5`; Excel's
 *   grammar of it: MS-OI29500 2.1.863, https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/3c420ebb-6ef1-4b0d-959d-76e88c841c3e)
 *   is left as it is, the quoted and the bare form alike, and `sheetSpansIn` names its
 *   sheets so callers can warn. NOT sourced: what Excel does to a 3-D reference when columns
 *   are inserted into or deleted from one sheet of its span. Microsoft's page on 3-D
 *   references ("Create a 3-D reference to the same cell range on multiple worksheets",
 *   https://support.microsoft.com/en-us/office/create-a-3-d-reference-to-the-same-cell-range-on-multiple-worksheets-40ca91ff-9dcb-4ad1-99d2-787d0bc888b6)
 *   only says how one changes when whole sheets are inserted, copied, moved or deleted, and
 *   no other authoritative source was found (searched 2026-12-01). So the memory and xlsx
 *   adapters keep the text, and the pane lists such formulas as "kan veranderen" before a
 *   factor column is deleted (src/core/referenceBreaks.ts) instead of claiming to know.
 * - Text in double quotes, error literals (#REF!, #N/A …) and function names (LOG10( …)
 *   are never read as references; structured references (Tabel[Kolom]) are left as they are.
 * - A reference whose sheet was deleted (`=Oud!A1` becomes `=#REF!A1`: Excel writes the lost
 *   sheet name as #REF!; ClosedXML's formula grammar reads #REF! in that place as a sheet
 *   prefix, test `Prefix_can_be_sheet_token`) points at no sheet of the workbook: it never
 *   moves and `referencesIn` does not list it.
 * A reference whose right edge would move past XFD keeps XFD as its edge (a cell that
 * would move past it becomes #REF!); adapters refuse an insert that pushes content off
 * the sheet before anything changes.
 */
import { columnLetter, columnNumber } from './a1';
import { MAX_COLUMNS } from './errors';
import { excelErrorNames } from './names';

/** Sheet names compare as Excel compares them: without regard to case, spaces and all. */
export function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A whole-column change: insert (`count` > 0) or delete (`count` < 0) columns starting at column `at` (1-based) of `sheet`. */
export interface ColumnShift {
  sheet: string;
  at: number;
  /** Positive: columns inserted before `at`; negative: -count columns deleted from `at` on. */
  count: number;
}

/**
 * The column `column` (1-based) after the shift, or null when the shift deletes it (or an
 * insert pushes it past XFD).
 */
export function shiftColumn(column: number, shift: ColumnShift): number | null {
  const { at, count } = shift;
  if (column < at) return column;
  if (count >= 0) return column + count <= MAX_COLUMNS ? column + count : null;
  const last = at - count - 1;
  if (column <= last) return null;
  return column + count;
}

/**
 * The column that `column` (1-based, after `shifts`, which ran in order, each on the sheet
 * the caller means) was before them, or null when one of them inserted it (it was not
 * there). The inverse of `shiftColumn` applied one shift after another.
 */
export function columnBefore(column: number, shifts: ColumnShift[]): number | null {
  let c = column;
  for (let i = shifts.length - 1; i >= 0; i--) {
    const { at, count } = shifts[i];
    if (c < at) continue;
    if (count > 0) {
      if (c < at + count) return null;
      c -= count;
    } else c -= count;
  }
  return c;
}

/**
 * The column span left…right (1-based, left <= right) after the shift: the new edges, or
 * null when every column of it is deleted. An insert inside the span widens it; a delete
 * of some of its columns narrows it; a right edge pushed past XFD stays at XFD.
 */
export function shiftColumnSpan(left: number, right: number, shift: ColumnShift): [number, number] | null {
  const { at, count } = shift;
  if (count >= 0) {
    const l = left >= at ? left + count : left;
    const r = right >= at ? right + count : right;
    if (l > MAX_COLUMNS) return null;
    return [l, Math.min(r, MAX_COLUMNS)];
  }
  const last = at - count - 1;
  if (left >= at && right <= last) return null;
  const l = left < at ? left : left > last ? left + count : at;
  const r = right < at ? right : right > last ? right + count : at - 1;
  return [l, r];
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^\$?\d{1,7}$/;
/** An error literal at the start of the text: every error value of the one table (src/core/names.ts), in any case. */
const ERROR_LITERAL = new RegExp(
  `^(?:${excelErrorNames()
    .map(([en]) => en.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})`,
  'i',
);
/** Characters of an unquoted name, sheet name, number or reference. */
const WORD = /[A-Za-z0-9_.$\\?\u00C0-\uFFFF]/;

/** The column number of 1-3 letters (a1.ts's rule), or null past XFD. */
function columnOfLetters(letters: string): number | null {
  try {
    return columnNumber(letters);
  } catch {
    return null;
  }
}

interface Part {
  anchor: string;
  column: number;
  /** "$5" / "5" for a cell, "" for a whole column. */
  row: string;
}

function cellPart(text: string): Part | null {
  const m = CELL.exec(text);
  if (m) {
    const column = columnOfLetters(m[2]);
    const row = Number(m[4]);
    if (column === null || row < 1) return null;
    return { anchor: m[1], column, row: m[3] + m[4] };
  }
  return null;
}

function columnPart(text: string): Part | null {
  const m = COLUMN.exec(text);
  if (!m) return null;
  const column = columnOfLetters(m[2]);
  return column === null ? null : { anchor: m[1], column, row: '' };
}

const show = (p: Part, column: number) => `${p.anchor}${columnLetter(column)}${p.row}`;

/**
 * The reference text `ref` (one cell "C5", a range "$C$5:D9" or whole columns "C:E", without
 * sheet name) after the shift, or null when it is deleted (the caller writes #REF!).
 * Returns `ref` unchanged when it is not a column-bearing reference (whole rows, a name).
 */
function shiftRefText(ref: string, shift: ColumnShift): string | null {
  const colon = ref.indexOf(':');
  if (colon < 0) {
    const p = cellPart(ref);
    if (!p) return ref;
    const c = shiftColumn(p.column, shift);
    if (c === null) return null;
    return c === p.column ? ref : show(p, c);
  }
  const a = ref.slice(0, colon);
  const b = ref.slice(colon + 1);
  if (ROW.test(a) && ROW.test(b)) return ref;
  const pa = cellPart(a) ?? columnPart(a);
  const pb = cellPart(b) ?? columnPart(b);
  if (!pa || !pb || (pa.row === '') !== (pb.row === '')) return ref;
  const left = Math.min(pa.column, pb.column);
  const right = Math.max(pa.column, pb.column);
  const span = shiftColumnSpan(left, right, shift);
  if (!span) return null;
  if (span[0] === left && span[1] === right) return ref;
  // the corners keep their own anchors and rows; a range written right to left stays so
  const [ca, cb] = pa.column <= pb.column ? span : [span[1], span[0]];
  return `${show(pa, ca)}:${show(pb, cb)}`;
}

/**
 * A1 range text on the changed sheet ("C6:J105", "A1", "C:E"; no sheet name) after the
 * shift, or null when every cell of it is deleted. For merges, validations, print areas.
 */
export function shiftRange(range: string, shift: ColumnShift): string | null {
  return shiftRefText(range, shift);
}

/**
 * A list of A1 ranges on the changed sheet (a conditional format's or validation's sqref,
 * merges) after the shift: each moved or shrunk by `shiftRange`, those whose every cell is
 * deleted left out, the rest in order. [] when nothing is left.
 */
export function shiftRanges(ranges: readonly string[], shift: ColumnShift): string[] {
  return ranges.map((r) => shiftRange(r, shift)).filter((r): r is string => r !== null);
}

/**
 * The formula `formula` (with or without its leading "="), which stands on sheet
 * `formulaSheet`, after the shift: every reference that points at the changed sheet is
 * moved by the rule above; one to a deleted cell becomes #REF! (with its sheet name, as
 * Excel writes it). Anything else of the text is kept byte for byte.
 */
export function shiftFormula(formula: string, formulaSheet: string, shift: ColumnShift): string {
  return scanFormula(formula, formulaSheet, (ref, sheet) => (sheet !== null && sameSheet(sheet, shift.sheet) ? shiftRefText(ref, shift) : ref));
}

/** One row part ("5" or "$5") moved down by `rows` when not anchored; null past the last row. */
function movedRow(row: string, rows: number): string | null {
  if (row.startsWith('$')) return row;
  const r = Number(row) + rows;
  return r < 1 || r > MAX_ROWS ? null : String(r);
}

/** A reference text ("C5", "C$5:$D9", "3:5", "C:E") copied `rows` rows down, or null for #REF!. */
function copiedRefText(ref: string, rows: number): string | null {
  const colon = ref.indexOf(':');
  const corner = (text: string): string | null | undefined => {
    if (ROW.test(text)) return movedRow(text, rows);
    const m = CELL.exec(text);
    if (!m) return undefined;
    const row = movedRow(m[3] + m[4], rows);
    return row === null ? null : m[1] + m[2] + row;
  };
  if (colon < 0) {
    const c = corner(ref);
    return c === undefined ? ref : c;
  }
  const a = corner(ref.slice(0, colon));
  const b = corner(ref.slice(colon + 1));
  if (a === undefined || b === undefined) return ref; // whole columns (C:E): no row to move
  return a === null || b === null ? null : `${a}:${b}`;
}

/**
 * The formula `formula` (with or without its leading "=") as Excel writes it in the cell
 * `rows` rows below when the cell holding it is copied there (copy and paste, Ctrl+D,
 * Office.js `Range.copyFrom`): the row of every reference that is not anchored with `$`
 * moves down by `rows`, on every sheet (3-D references and whole rows included); columns,
 * `$` rows and whole columns stay; a row moved past 1,048,576 (or above row 1) gives #REF!.
 * Text in quotes, error literals, function names and structured references are kept, read
 * by the scanner of `shiftFormula`. Source: Microsoft's help page "Switch between relative,
 * absolute, and mixed references" (http://office.microsoft.com/en-gb/excel-help/switch-between-relative-absolute-and-mixed-references-HP010342940.aspx:
 * a relative reference adjusts when the formula is copied, a `$` part stays).
 * Not moved: defined names and addresses built at calculation time (INDIRECT, OFFSET's
 * text), as in Excel.
 */
export function copyFormulaDown(formula: string, rows: number): string {
  return formulaCopier(formula)(rows);
}

/**
 * `copyFormulaDown` for one formula and many distances: the formula is scanned once, then
 * each copy only joins its pieces (what a column of thousands of formulas filled down needs).
 */
export function formulaCopier(formula: string): (rows: number) => string {
  if (formula.includes('\u0000')) return (rows) => scanFormula(formula, '', (ref) => copiedRefText(ref, rows));
  const refs: string[] = [];
  const marked = scanFormula(formula, '', (ref) => {
    refs.push(ref);
    return `\u0000${refs.length - 1}\u0000`;
  });
  // pieces alternate: text, reference index, text, …
  const pieces = marked.split('\u0000');
  const slow = (rows: number) => scanFormula(formula, '', (ref) => copiedRefText(ref, rows));
  return (rows) => {
    let out = pieces[0];
    for (let i = 1; i < pieces.length; i += 2) {
      const copied = copiedRefText(refs[Number(pieces[i])], rows);
      if (copied === null) return slow(rows); // #REF! replaces the sheet name too
      out += copied + pieces[i + 1];
    }
    return out;
  };
}

/** The sheet range of a 3-D reference: its first and last sheet as written (either may be the left one in the workbook). */
export interface SheetSpan {
  first: string;
  last: string;
}

/**
 * The sheet ranges of the 3-D references in `formula` (`Blad1:Blad3!D5` → Blad1, Blad3;
 * `'Blad 1:Blad 3'!D5` → Blad 1, Blad 3), read by the same scanner as `shiftFormula`, in
 * order of appearance. Sheet ranges into another workbook (`[1]Blad1:Blad3!A1`) are not
 * this workbook's and are left out. Which sheets lie between is the workbook's tab order,
 * which the caller knows.
 */
export function sheetSpansIn(formula: string): SheetSpan[] {
  const spans: SheetSpan[] = [];
  scanFormula(formula, '', keep, (span) => spans.push(span));
  return spans;
}

/** A sheet name with a ":" is a sheet range (a sheet's own name cannot hold ":"); null otherwise. */
function spanOf(name: string): SheetSpan | null {
  const parts = name.split(':');
  return parts.length === 2 && parts[0] && parts[1] ? { first: parts[0], last: parts[1] } : null;
}

/**
 * A reference of a formula, as a rectangle of 1-based rows and columns (inclusive). `sheet`
 * is the sheet it names, or the formula's own sheet when it names none; null for a 3-D
 * reference (then `span` holds its sheet range). Whole columns run over every row, whole
 * rows over every column.
 */
export interface FormulaReference {
  sheet: string | null;
  span?: SheetSpan;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const MAX_ROWS = 1_048_576;

/** The rectangle of a reference text ("C5", "$C$5:D9", "C:E", "3:5"), or null when it is none. */
function rectangleOf(ref: string): Omit<FormulaReference, 'sheet' | 'span'> | null {
  const colon = ref.indexOf(':');
  if (colon < 0) {
    const p = cellPart(ref);
    return p ? { top: Number(p.row.replace('$', '')), bottom: Number(p.row.replace('$', '')), left: p.column, right: p.column } : null;
  }
  const a = ref.slice(0, colon);
  const b = ref.slice(colon + 1);
  if (ROW.test(a) && ROW.test(b)) {
    const [r1, r2] = [Number(a.replace('$', '')), Number(b.replace('$', ''))];
    return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 1, right: MAX_COLUMNS };
  }
  const pa = cellPart(a) ?? columnPart(a);
  const pb = cellPart(b) ?? columnPart(b);
  if (!pa || !pb || (pa.row === '') !== (pb.row === '')) return null;
  const [ra, rb] = pa.row === '' ? [1, MAX_ROWS] : [Number(pa.row.replace('$', '')), Number(pb.row.replace('$', ''))];
  return { top: Math.min(ra, rb), bottom: Math.max(ra, rb), left: Math.min(pa.column, pb.column), right: Math.max(pa.column, pb.column) };
}

/**
 * The cell references of `formula` (standing on sheet `formulaSheet`), read by the same
 * scanner as `shiftFormula`: cells, ranges, whole columns and rows, with the sheet they
 * point at. Not seen: defined names, structured references (Tabel[Kolom]), references into
 * another workbook ([1]Blad!A1), and addresses a function builds at calculation time
 * (INDIRECT, OFFSET): what they point at is not in the formula's text.
 */
export function referencesIn(formula: string, formulaSheet: string): FormulaReference[] {
  const refs: FormulaReference[] = [];
  scanFormula(formula, formulaSheet, keep, undefined, (ref, sheet, span) => {
    const rect = rectangleOf(ref);
    if (rect) refs.push({ sheet, ...(span ? { span } : {}), ...rect });
  });
  return refs;
}

/**
 * What of a formula's text, besides its cell references, decides what it reads:
 * - `names`: the defined names it uses (a word that is no function, cell, sheet, number or
 *   TRUE/FALSE), each with the sheet it is qualified with (`Eigen!TeamGewicht`), null when bare;
 * - `functions`: the functions it calls, in capitals, without Excel's `_xlfn.` prefix;
 * - `structured`: it holds a structured reference (`Tabel1[Kolom]`, `[@Kolom]`), whose
 *   cells depend on a table the formula's text does not describe;
 * - `rangeOfResults`: it applies the range operator ":" to a function's result
 *   (`INDEX(W!C:C;1):INDEX(W!J:J;5)`, `C7:OFFSET(…)`), so the range spans cells that none of
 *   its written references covers.
 * Read by the same scanner as `shiftFormula`; text in quotes is never read.
 */
export interface FormulaTokens {
  names: { sheet: string | null; name: string }[];
  functions: string[];
  structured: boolean;
  rangeOfResults: boolean;
}

/** The names, functions and dynamic constructions of `formula` (see FormulaTokens). */
export function formulaTokens(formula: string): FormulaTokens {
  const tokens: FormulaTokens = { names: [], functions: [], structured: false, rangeOfResults: false };
  scanFormula(formula, '', keep, undefined, undefined, tokens);
  return tokens;
}

/** A name starts with a letter, "_" or "\\" (Excel's rule for defined names); TRUE/FALSE are values. */
const NAME_START = /^[A-Za-z_\\\u00C0-\uFFFF]/;
const BOOLEAN = /^(?:TRUE|FALSE)$/i;

/** The first character after position `i` that is not a space, or "". */
function nextNonSpace(formula: string, i: number): number {
  let k = i;
  while (k < formula.length && formula[k] === ' ') k++;
  return k;
}

/**
 * What the scanner does with one reference text (a cell, range, whole columns or rows, no
 * sheet name): `sheet` is the sheet it points at (the formula's own when it names none),
 * null for a 3-D reference or one into another workbook. Returns the new text, or null for
 * #REF!.
 */
type RefRewrite = (ref: string, sheet: string | null) => string | null;

const keep: RefRewrite = (ref) => ref;

/**
 * shiftFormula's scanner; `rewrite` gives each reference's new text; `onSpan` hears of every
 * 3-D reference's sheet range, `onRef` of every reference of this workbook with the sheet it
 * points at (null with `span` for a 3-D one); `tokens` collects names, functions and dynamic
 * constructions (formulaTokens).
 */
function scanFormula(
  formula: string,
  formulaSheet: string,
  rewrite: RefRewrite,
  onSpan?: (span: SheetSpan) => void,
  onRef?: (ref: string, sheet: string | null, span?: SheetSpan) => void,
  tokens?: FormulaTokens,
): string {
  let out = '';
  let i = 0;
  const n = formula.length;
  // the sheet name read just before a "!", pending for the reference after it; a 3-D one
  // (`span`) has no single sheet and never moves (see the file's comment)
  let prefix: { text: string; sheet: string | null; span?: SheetSpan } | null = null;
  const emitRef = (ref: string) => {
    if (prefix?.span) onSpan?.(prefix.span);
    if (onRef && (prefix?.span || !prefix || prefix.sheet !== null)) onRef(ref, prefix ? prefix.sheet : formulaSheet, prefix?.span);
    const shifted = rewrite(ref, prefix ? prefix.sheet : formulaSheet);
    out += shifted === null ? '#REF!' : (prefix?.text ?? '') + shifted;
    prefix = null;
  };
  const flushPrefix = () => {
    if (prefix) out += prefix.text;
    prefix = null;
  };
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      flushPrefix();
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      flushPrefix();
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      const name = formula.slice(i + 1, j).replace(/''/g, "'");
      if (formula[j + 1] === '!') {
        // an external workbook ([1]Blad) is never this workbook's sheet; 'Blad 1:Blad 3' is a sheet range
        const external = name.startsWith('[');
        const span = external ? null : spanOf(name);
        prefix = { text: formula.slice(i, j + 2), sheet: external || span ? null : name, ...(span ? { span } : {}) };
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
      continue;
    }
    if (ch === '[') {
      flushPrefix();
      // structured reference or external workbook index: copied as it is, nested brackets included
      let depth = 0;
      let j = i;
      while (j < n) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']') {
          depth--;
          if (depth === 0) break;
        }
        j++;
      }
      const bracket = formula.slice(i, j + 1);
      i = j + 1;
      // [1]Blad!A1 or [1]Blad1:Blad3!A1: the sheet (range) of another workbook
      const m = /^[A-Za-z0-9_.\u00C0-\uFFFF]+(?::[A-Za-z0-9_.\u00C0-\uFFFF]+)?!/.exec(formula.slice(i));
      if (/^\[\d+\]$/.test(bracket) && m) {
        prefix = { text: bracket + m[0], sheet: null };
        i += m[0].length;
      } else {
        if (tokens) tokens.structured = true;
        out += bracket;
      }
      continue;
    }
    if (ch === '#') {
      flushPrefix();
      const m = ERROR_LITERAL.exec(formula.slice(i));
      const len = m ? m[0].length : 1;
      const literal = formula.slice(i, i + len);
      i += len;
      // #REF! right before a reference (#REF!A1, #REF!$B$2:C9) is the name of a deleted sheet,
      // as Excel writes it: the reference points at no sheet of this workbook and never moves
      if (/^#REF!$/i.test(literal) && i < n && WORD.test(formula[i])) prefix = { text: literal, sheet: null };
      else out += literal;
      continue;
    }
    if (WORD.test(ch)) {
      let j = i;
      while (j < n && WORD.test(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === '!') {
        flushPrefix();
        prefix = { text: formula.slice(i, j + 1), sheet: word };
        i = j + 1;
        continue;
      }
      if (formula[j] === '(') {
        tokens?.functions.push(word.toUpperCase().replace(/^_XLFN\./, ''));
        flushPrefix();
        out += word;
        i = j;
        continue;
      }
      // a range: word ":" word (cells, whole columns or whole rows); or a bare sheet range
      // word ":" word "!" (Jan:Mrt!D5), unless the first word is a cell (D5:Blad3!D9 is
      // the range operator between D5 and Blad3!D9; a sheet named like a cell is quoted)
      if (formula[j] === ':') {
        let k = j + 1;
        while (k < n && WORD.test(formula[k])) k++;
        const second = formula.slice(j + 1, k);
        if (second && formula[k] === '!' && !cellPart(word)) {
          flushPrefix();
          prefix = { text: formula.slice(i, k + 1), sheet: null, span: { first: word, last: second } };
          i = k + 1;
          continue;
        }
        const bothCells = cellPart(word) && cellPart(second);
        const bothColumns = columnPart(word) && columnPart(second);
        const bothRows = ROW.test(word) && ROW.test(second);
        if (second && formula[k] !== '!' && formula[k] !== '(' && (bothCells || bothColumns || bothRows)) {
          emitRef(`${word}:${second}`);
          i = k;
          continue;
        }
      }
      if (cellPart(word)) {
        emitRef(word);
        i = j;
        continue;
      }
      // a defined name (Eigen!TeamGewicht, TeamGewicht); the sheet it is qualified with, when any
      // (one behind another workbook's sheet or a sheet range is not this workbook's: left out)
      if (tokens && NAME_START.test(word) && !BOOLEAN.test(word) && formula[j] !== '[' && (!prefix || prefix.sheet !== null))
        tokens.names.push({ sheet: prefix ? prefix.sheet : null, name: word });
      flushPrefix();
      out += word;
      i = j;
      continue;
    }
    // the range operator on a function's result: ")" before it, or a function call after it
    if (tokens && ch === ':') {
      let b = out.length - 1;
      while (b >= 0 && out[b] === ' ') b--;
      const k = nextNonSpace(formula, i + 1);
      let e = k;
      while (e < n && WORD.test(formula[e])) e++;
      if (out[b] === ')' || (e > k && formula[e] === '(')) tokens.rangeOfResults = true;
    }
    flushPrefix();
    out += ch;
    i++;
  }
  flushPrefix();
  return out;
}

/**
 * Validation list sources and other rule texts: only a formula ("=…") holds references;
 * a literal list ("To do,Bezig,Klaar") is returned as it is.
 */
export function shiftRuleFormula(source: string, ruleSheet: string, shift: ColumnShift): string {
  return source.startsWith('=') ? shiftFormula(source, ruleSheet, shift) : source;
}

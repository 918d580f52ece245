/**
 * The one matching rule for opgave and koppelkans names, the same in the engine and in
 * every workbook formula that compares names (src/core/formulas.ts `keyFormula`):
 *
 * 1. A non-breaking space (U+00A0), a tab, a line feed and a carriage return count as a
 *    space.
 * 2. Leading and trailing spaces are dropped and every run of spaces inside the name
 *    becomes one space (exactly Excel's TRIM, which only knows the ordinary space).
 * 3. Upper and lower case are the same (Excel's "=" and LOWER).
 * 4. Every other character is literal: `*`, `?`, `~` are no wildcards and a leading
 *    `<`, `>` or `=` is no comparison (the formulas compare with "=" on whole arrays
 *    or look names up with their wildcard characters escaped, never as criteria).
 *
 * The same cleaning (rules 1 and 2) is the text rule for every other text cell that a
 * workbook formula also reads, so that the engine and the formulas agree on what is empty
 * and what is equal: Prioritering's Omdat… (`prioFlagFormula`), the WUP checklist's
 * Onderdeel, Basiselement and Status (`progressFormula` in src/core/plan/checklist.ts).
 * The formulas clean with `cleanFormula` (src/core/keuzelijsten.ts); the engine reads such
 * cells with `textAt` (src/core/grid.ts), which drops the space-like characters at both
 * ends by this rule (`trimText`; so a cell of only NBSP, tabs and spaces is empty in both,
 * and a cell of other white space, such as U+2003, is text in both), and compares them
 * with `cleanName`. Excel's TRIM drops only the ordinary space; JavaScript's trim() drops
 * every Unicode white space: neither alone is the rule. Number cells (scores, weights,
 * places, dates) are not cleaned: any text but a zero-length one is "not a number" there,
 * in the engine and in the formulas (Excel's COUNT, COUNTBLANK, ISNUMBER).
 *
 * Names the workbook formulas cannot treat exactly like this get a warning naming the
 * cell (`nameWarnings`): names that are no text (a boolean or a number: Excel shows them
 * in the user's language, WAAR or 1,5, and the formulas compare that text), invisible characters other than the ones above (they make two
 * names look the same that are not), characters whose upper/lower case differs between
 * Excel and JavaScript, and names longer than Excel's lookup limit of 255 characters.
 */
import { cellAddress } from './a1';
import { problem, type Problem } from './problems';
import type { CellValue } from './snapshot';

/**
 * Every error value Excel has, as adapters report them in a snapshot (the en-US text:
 * Office.js `Range.values` and a file's `<c t="e"><v>` both give it), with the name a
 * Dutch Excel shows for it, or `null` where no Dutch name could be confirmed.
 *
 * The list: the error types of Office.js (`Excel.ErrorCellValueType`, ExcelApi 1.16,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcellvaluetype) with
 * the en-US text of each (`basicValue` of `Excel.<Type>ErrorCellValue`); `Placeholder`
 * is left out (it has no text of its own in the docs).
 *
 * Dutch names: Microsoft's Dutch page of ERROR.TYPE ("TYPE.FOUT, functie",
 * https://support.microsoft.com/nl-nl/excel/functions/error-type-function) lists #LEEG!,
 * #DEEL/0!, #WAARDE!, #VERW!, #NAAM?, #GETAL!, #N/B and #GEGEVENS_OPHALEN for error types
 * 1–8. For the newer ones (#SPILL!, #CALC!, #FIELD!, #BLOCKED!, #CONNECT!, #UNKNOWN!,
 * #BUSY!, #EXTERNAL!, #PYTHON!) no Microsoft source was found (searched 2026-12-02: the
 * Dutch support pages on spilled ranges, FILTER, ISERROR and TYPE.FOUT name none of them),
 * and the two third-party tables found disagree (HyperFormula's nl-NL: #OVERLOOP! for
 * #SPILL!; another: #OVERLOPEN! and #BEREKENEN!, with #DEEL/0! given as LibreOffice's
 * #DELING.DOOR.0!, so not Excel's names). Searched again on 2026-12-02 (session 28) in
 * Microsoft's Dutch support and learn pages and in public code: the Dutch pages found name
 * no newer error value ("Operator voor overlopend bereik",
 * https://support.microsoft.com/nl-NL/Excel/spilled-range-operator, speaks of an
 * "overloopbereik" but never shows the error; "ALS.FOUT, functie" and "NB, functie" list
 * only the old ones); Microsoft's pages on #SPILL! and FILTER in other languages (cs-CZ,
 * nb-NO, uk-UA, de-DE, ja-JP, zh-CN, ko-KR) keep #SPILL! and #CALC! in English, so their
 * Dutch form cannot be inferred either; public code holds only the two third-party tables
 * above. Rather than guess, those are `null`: a message
 * shows them as the en-US text, which Dutch Excel accepts as typed input too. Office.js
 * `valuesAsJsonLocal` (ExcelApi 1.16) gives the user's own locale's text at run time, if
 * a confirmed name is ever needed.
 */
const EXCEL_ERROR_NAMES: ReadonlyMap<string, string | null> = new Map([
  ['#NULL!', '#LEEG!'],
  ['#DIV/0!', '#DEEL/0!'],
  ['#VALUE!', '#WAARDE!'],
  ['#REF!', '#VERW!'],
  ['#NAME?', '#NAAM?'],
  ['#NUM!', '#GETAL!'],
  ['#N/A', '#N/B'],
  ['#GETTING_DATA', '#GEGEVENS_OPHALEN'],
  ['#SPILL!', null],
  ['#CALC!', null],
  ['#FIELD!', null],
  ['#BLOCKED!', null],
  ['#CONNECT!', null],
  ['#UNKNOWN!', null],
  ['#BUSY!', null],
  ['#EXTERNAL!', null],
  ['#PYTHON!', null],
]);

/** The en-US texts of Excel's error values, with the name a Dutch Excel shows (null: not confirmed), for tests and documentation. */
export const excelErrorNames = (): [string, string | null][] => [...EXCEL_ERROR_NAMES];

/**
 * True for a cell value that is one of Excel's error values (#N/A, #VALUE! …), as adapters
 * report them in a snapshot (src/core/snapshot.ts: the error's text). A typed text equal
 * to an error's text cannot be told apart and counts as one.
 */
export function isExcelError(value: CellValue | undefined): boolean {
  return typeof value === 'string' && EXCEL_ERROR_NAMES.has(value);
}

/**
 * An error value (as `isExcelError` takes it: the en-US text) for a Dutch message: the
 * name a Dutch Excel shows with the en-US one after it, "#DEEL/0! (#DIV/0!)", or the
 * en-US text alone where no Dutch name is confirmed (`EXCEL_ERROR_NAMES`) or the value is
 * no error value.
 */
export function dutchErrorName(value: string): string {
  const nl = EXCEL_ERROR_NAMES.get(value);
  return nl ? `${nl} (${value})` : value;
}

/**
 * A cell value that is no number, for a Dutch message: an error value as `dutchErrorName`
 * gives it, TRUE/FALSE as a Dutch Excel shows them (WAAR, ONWAAR), anything else as its text.
 */
export function dutchCellText(value: CellValue): string {
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (isExcelError(value)) return dutchErrorName(value as string);
  return String(value);
}

/** The characters the rule counts as a space (besides the space itself). */
const SPACE_LIKE = /[\u00a0\t\n\r]/g;

/**
 * The name as the workbook's formulas see it: space-like characters as spaces, trimmed,
 * inner runs of spaces collapsed. Case and every other character are kept (for display).
 * Numbers give their JavaScript text, booleans "TRUE"/"FALSE" (as Excel's TRIM does in
 * en-US formulas); empty → "".
 */
export function cleanName(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  let clean = cleaned.get(s);
  if (clean === undefined) {
    clean = EXCEL_ERROR_NAMES.has(s) ? '' : s.replace(SPACE_LIKE, ' ').replace(/ {2,}/g, ' ').replace(/^ | $/g, ''); // an error cell is no name (IFERROR)
    // the same few thousand names come back on every analysis of a workbook: kept, within a bound
    if (cleaned.size >= CLEANED_LIMIT) cleaned.clear();
    cleaned.set(s, clean);
  }
  return clean;
}

/** Space-like characters (rule 1 and the space) at the start or the end of a text. */
const EDGE_SPACES = /^[ \u00a0\t\n\r]+|[ \u00a0\t\n\r]+$/g;

/**
 * The text without the space-like characters of the matching rule (space, NBSP, tab, line
 * feed, carriage return) at its start and end; everything inside is kept (a toelichting's
 * line breaks, a double space). Empty exactly when `cleanFormula` of the cell is empty.
 */
export function trimText(text: string): string {
  return text.replace(EDGE_SPACES, '');
}

/** Names cleaned so far (cell text → cleaned name), at most CLEANED_LIMIT of them. */
const cleaned = new Map<string, string>();
const CLEANED_LIMIT = 100_000;

/** The comparison key of a name under the matching rule ("" for an empty name). */
export function nameKey(value: CellValue | undefined): string {
  return cleanName(value).toLowerCase();
}

/** Excel's limit for a lookup value (MATCH/COUNTIF) in characters, after escaping. */
const EXCEL_LOOKUP_LIMIT = 255;

/**
 * The key escaped for Excel's MATCH: `~`, `*` and `?` get a `~` in front, so MATCH
 * finds the literal text (Excel's documented wildcard escape).
 */
export function escapeForMatch(key: string): string {
  return key.replace(/[~*?]/g, (c) => `~${c}`);
}

/** Invisible or space-like characters that Excel's TRIM does not treat as a space. */
const INVISIBLE = /[\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u0085]/;

/** Only Latin-1 characters: every one lower-cases to one character and back to itself (or is ß/ÿ/µ, whose lower case is itself). */
const LATIN1 = /^[^\u0100-\uffff]*$/;

/**
 * Why the workbook's formulas may not treat this name by the matching rule, or null.
 * `kind` is a short Dutch phrase for the warning.
 */
function nameRisk(name: string): string | null {
  if (!name) return null;
  if (INVISIBLE.test(name)) return 'bevat een onzichtbaar teken of een bijzondere spatie; typ de naam opnieuw';
  // escaping at most doubles the length: short names cannot pass the limit
  if (name.length * 2 > EXCEL_LOOKUP_LIMIT && escapeForMatch(nameKey(name)).length > EXCEL_LOOKUP_LIMIT) {
    return `is langer dan Excel kan opzoeken (${EXCEL_LOOKUP_LIMIT} tekens): in Excel kan de keuzelijst deze naam dubbel tonen of zonder zijn koppelkansen, en Prioritering vindt hem niet. Maak de naam korter`;
  }
  // characters whose lower case is not one character (İ) or changes back differently (ß, ς);
  // Latin-1 (ASCII, é, ë, ß …) has none, and it is almost every name: checked in one test
  if (LATIN1.test(name)) return null;
  for (const ch of name) {
    const lower = ch.toLowerCase();
    if ([...lower].length !== 1 || (lower !== ch && lower.toUpperCase() !== ch)) {
      return `bevat het teken "${ch}", dat Excel anders vergelijkt; vervang het`;
    }
  }
  return null;
}

/**
 * Warnings for names the workbook formulas cannot compare by the matching rule: one per
 * cell, naming the sheet and cell. `cells` are the raw cell values with their position
 * (row and column 1-based). A value that reads as an error value ("#N/A": an error, or a
 * typed text the snapshot cannot tell from one) gets `NAME_ERROR_VALUE`; booleans, numbers
 * and risky texts get `NAME_NOT_COMPARABLE`. Raises nothing.
 */
export function nameWarnings(sheet: string, cells: { row: number; column: number; value: CellValue }[]): Problem[] {
  const out: Problem[] = [];
  for (const c of cells) {
    if (typeof c.value === 'boolean' || typeof c.value === 'number') {
      // a name typed as TRUE or 1.5 is no text: Excel shows it in the user's language
      // (WAAR, 1,5) and the formulas compare that text, the engine cannot know it
      const shown = typeof c.value === 'boolean' ? (c.value ? 'WAAR' : 'ONWAAR') : String(c.value).replace('.', ',');
      const what = typeof c.value === 'boolean' ? 'een waarheidswaarde' : 'een getal';
      const risk = `is ${what}, geen tekst; Excel toont hem per taal anders. Typ de naam als tekst (met een ' ervoor)`;
      out.push(problem('NAME_NOT_COMPARABLE', sheet, cellAddress(c.row, c.column), { name: shown, risk }));
      continue;
    }
    if (typeof c.value !== 'string') continue;
    if (EXCEL_ERROR_NAMES.has(c.value)) {
      // a snapshot gives an error value as its text (Office.js `Range.values` does too), so a
      // typed text "#N/A" reads as the error: no name for the engine (cleanName), while the
      // workbook's formulas see that text as a name. Which one it is, only the cell can tell.
      out.push(problem('NAME_ERROR_VALUE', sheet, cellAddress(c.row, c.column), { value: dutchErrorName(c.value) }));
      continue;
    }
    const risk = nameRisk(c.value);
    if (risk) out.push(problem('NAME_NOT_COMPARABLE', sheet, cellAddress(c.row, c.column), { name: cleanName(c.value).slice(0, 60), risk }));
  }
  return out;
}

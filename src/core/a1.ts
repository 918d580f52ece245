/**
 * A1 notation: the ONE parser and formatter of cell and range addresses in this project.
 * Columns and rows are 1-based everywhere in this file. Limits are Excel's worksheet size
 * (Excel specifications and limits: 1,048,576 rows by 16,384 columns, last column XFD).
 * Parsing accepts lower case and `$` anchors ("$b$7" is B7); formatting writes upper case
 * without anchors.
 */
import { MAX_COLUMNS, MAX_ROWS } from './errors';

/** Column number (1 = A … 16384 = XFD) → letters. Throws RangeError outside 1…16384. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMNS) throw new RangeError(`invalid column ${column}`);
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters ("a", "B", "XFD"; no `$`) → number 1…16384. Throws RangeError otherwise. */
export function columnNumber(letters: string): number {
  const up = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) throw new RangeError(`invalid column ${letters}`);
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new RangeError(`invalid column ${letters}`);
  return n;
}

/** (row, column) → "B7". Throws RangeError for a row or column outside the worksheet. */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new RangeError(`invalid row ${row}`);
  return `${columnLetter(column)}${row}`;
}

/** Corners → "A1:C3", or "A1" when both corners are the same cell. */
export function rangeAddress(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(row1, col1);
  const b = cellAddress(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

export interface CellPos {
  row: number;
  column: number;
}

/** Same as parseCell, but null instead of an error for anything that is not one cell address. */
export function tryParseCell(address: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS) return null;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  if (column > MAX_COLUMNS) return null;
  return { row, column };
}

/** "B7", "$b$7" → { row: 7, column: 2 }. Throws RangeError for anything else (ranges, "A0", "XFE1"). */
export function parseCell(address: string): CellPos {
  const pos = tryParseCell(address);
  if (!pos) throw new RangeError(`invalid cell address ${address}`);
  return pos;
}

export interface RangePos {
  start: CellPos;
  end: CellPos;
}

/**
 * "A1:C3", "C3:A1", "Blad!A1:B2", "'Mijn blad'!$A$1" or one cell → normalised corners
 * (start top-left, end bottom-right). Throws RangeError when a corner is not a cell address
 * (whole columns "A:A" and rows "1:3" are not accepted here).
 */
export function parseRange(address: string): RangePos {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = bare.split(':');
  if (parts.length > 2) throw new RangeError(`invalid range address ${address}`);
  const start = parseCell(parts[0]);
  const end = parts.length === 2 ? parseCell(parts[1]) : start;
  return {
    start: { row: Math.min(start.row, end.row), column: Math.min(start.column, end.column) },
    end: { row: Math.max(start.row, end.row), column: Math.max(start.column, end.column) },
  };
}

/** Same as parseRange, but null instead of an error. */
export function tryParseRange(address: string): RangePos | null {
  try {
    return parseRange(address);
  } catch {
    return null;
  }
}

/** Whether a run of digits is a number in 1…max (leading zeros allowed: Excel reads "A01" as A1). */
function inRange(digits: string, max: number): boolean {
  const n = Number(digits);
  return digits !== '' && n >= 1 && n <= max;
}

/**
 * Whether Excel reads the start of a bare sheet name as an R1C1 reference, so the name needs
 * quotes: "R", "C", "RC", "R4C", "RC2", "R1C1b", "C16384Z" (case-insensitive). A row number
 * (R1…R1048576) makes any name that starts with it one; without a row number the "C" must end
 * the name or carry a column number (C1…C16384). Not: "CR", "RCZ", "R0C0", "RC16385Z".
 */
function startsLikeR1C1(name: string): boolean {
  const m = /^R(\d*)(?:(C)(\d*))?/i.exec(name) ?? /^()(C)(\d*)/i.exec(name);
  if (!m) return false;
  const [whole, row, c, column] = m;
  if (row !== '') return inRange(row, MAX_ROWS);
  if (!c) return whole.length === name.length; // "R" alone
  if (column === '') return whole.length === name.length; // "C", "RC", not "RCZ"
  return inRange(column, MAX_COLUMNS);
}

/**
 * Quotes a sheet name for use in a formula: 'Werkblad koppelkansen kiezen'!A1, 'Jan''s blad'!A1,
 * and leaves it bare only where Excel itself writes it bare, so a formula read back from the
 * workbook equals the one written. Excel's rule (as Excel writes sheet names into formulas;
 * the cases of XlsxWriter's quote_sheetname tests, extracted from Excel files):
 * - bare names start with a letter or "_" and go on with letters, digits, "_", "." (Unicode
 *   letters such as "é" count); anything else (a space, "-", "'", a leading digit or ".")
 *   needs quotes. Excel also leaves emoji after the first character bare; they are quoted
 *   here (still valid, and no symbol class has to be guessed);
 * - a name Excel would read as a cell needs quotes: "A1", "xfd1", "XFD1048576" (not "A0",
 *   "XFE1", "A1048577": outside the sheet);
 * - a name that starts like an R1C1 reference needs quotes ("R", "C", "RC", "R1C1", "C5",
 *   "R2C3b"), see `startsLikeR1C1`;
 * - TRUE and FALSE need quotes (they are logical values), as Apache POI's SheetNameFormatter does.
 * Quoting where Excel would not is still a valid formula; a name left bare where Excel quotes
 * breaks the formula, so the uncertain cases are quoted.
 * In: the sheet name as the workbook has it. Out: the name, quoted where needed.
 */
export function sheetRef(sheet: string): string {
  const bare = /^[\p{L}_][\p{L}\p{M}\p{Nd}_.]*$/u.test(sheet) && !isCellLike(sheet) && !startsLikeR1C1(sheet) && !/^(true|false)$/i.test(sheet);
  return bare ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "A1", "xfd1048576", "XFD01048576": one to three column letters up to XFD and a row in the sheet. */
function isCellLike(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (!m) return false;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column <= MAX_COLUMNS && inRange(m[2], MAX_ROWS);
}

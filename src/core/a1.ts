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

/** Quotes a sheet name for use in a formula: 'Werkblad koppelkansen kiezen'!A1. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

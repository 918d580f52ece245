/** Reading cells out of a snapshot sheet. Rows and columns are 1-based. */
import { cellAddress } from './a1';
import { trimText } from './names';
import type { CellValue, SheetSnapshot } from './snapshot';

export function valueAt(sheet: SheetSnapshot, row: number, column: number): CellValue {
  const r = sheet.values[row - 1];
  if (!r) return null;
  const v = r[column - 1];
  return v === undefined ? null : v;
}

export function formulaAt(sheet: SheetSnapshot, row: number, column: number): string | null {
  const r = sheet.formulas?.[row - 1];
  const f = r?.[column - 1];
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

/** Each `noCachedResult` list as a set, built once per list. */
const missingSets = new WeakMap<string[], Set<string>>();

/**
 * True when the snapshot lists the cell at row/column (1-based) among its formula cells
 * without a cached result (`SheetSnapshot.noCachedResult`).
 */
export function lacksCachedResult(sheet: SheetSnapshot | undefined, row: number, column: number): boolean {
  const list = sheet?.noCachedResult;
  if (!list?.length) return false;
  let set = missingSets.get(list);
  if (!set) missingSets.set(list, (set = new Set(list)));
  return set.has(cellAddress(row, column));
}

export function isEmpty(v: CellValue): boolean {
  return v === null || v === '';
}

/**
 * The cell as text trimmed by the text rule of src/core/names.ts (`trimText`: spaces, NBSP,
 * tabs and line breaks at both ends; "" for empty); numbers and booleans as Excel shows
 * them. Not JavaScript's trim(): the workbook's formulas (TRIM after SUBSTITUTE) must find
 * the same cells empty.
 */
export function textAt(sheet: SheetSnapshot, row: number, column: number): string {
  const v = valueAt(sheet, row, column);
  if (v === null) return '';
  if (typeof v === 'string') return trimText(v);
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  return String(v);
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function columnCount(sheet: SheetSnapshot): number {
  let max = 0;
  for (const r of sheet.values) if (r && r.length > max) max = r.length;
  return max;
}

/** Last row (1-based) with a non-empty value in columns from..to (inclusive); 0 if none. */
export function lastNonEmptyRow(sheet: SheetSnapshot, fromColumn: number, toColumn: number, fromRow = 1): number {
  for (let r = sheet.values.length; r >= fromRow; r--) {
    const row = sheet.values[r - 1];
    if (!row) continue;
    for (let c = fromColumn; c <= Math.min(toColumn, row.length); c++) {
      if (!isEmpty(row[c - 1] ?? null)) return r;
    }
  }
  return 0;
}

/** Last non-empty column (1-based) in a row; 0 if none. */
export function lastNonEmptyColumn(sheet: SheetSnapshot, row: number): number {
  const r = sheet.values[row - 1];
  if (!r) return 0;
  for (let c = r.length; c >= 1; c--) if (!isEmpty(r[c - 1] ?? null)) return c;
  return 0;
}

export function sheetIsBlank(sheet: SheetSnapshot): boolean {
  return lastNonEmptyRow(sheet, 1, Number.MAX_SAFE_INTEGER) === 0;
}

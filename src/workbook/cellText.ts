/** The text of a cell value as a key (updateRowByKey compares keys with it). */
import type { CellValue } from '../core/snapshot';

export function keyText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * Whether a cell still holds what a guarded write expects (see PlanOp `expect`): empty
 * and "" are the same, numbers and booleans compare by their key text, and text compares
 * exactly apart from line breaks (Excel keeps "\n"; "\r\n" typed elsewhere is the same).
 */
export function sameCellValue(actual: CellValue, expected: CellValue): boolean {
  const norm = (v: CellValue) => keyText(v).replace(/\r\n?/g, '\n');
  return norm(actual) === norm(expected);
}

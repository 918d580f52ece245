/** The text of a cell value as a key (updateRowByKey compares keys with it). */
import type { CellValue } from '../core/snapshot';

export function keyText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

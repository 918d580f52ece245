/**
 * What goes into `Range.formulas` for the plan's cell inputs, and how a block of inputs
 * becomes rectangular ranges. Pure.
 *
 * `Range.formulas` parses strings like typing does ("=..." becomes a formula, "12" a
 * number), and writes numbers and booleans as they are. So text passes `toEntryText`
 * (a leading apostrophe keeps "=SUM(A1)" text), and clearing is "".
 */
import { rangeAddress } from '../../core/a1';
import type { CellInput } from '../../core/snapshot';
import { toEntryText } from '../../core/textSafety';

export type FormulaEntry = string | number | boolean;

export function toFormulaEntry(input: CellInput): FormulaEntry {
  if ('text' in input) return toEntryText(input.text);
  if ('number' in input) {
    if (!Number.isFinite(input.number)) throw new RangeError(`cannot write number ${input.number} to a cell`);
    return input.number;
  }
  if ('bool' in input) return input.bool;
  if ('formula' in input) return input.formula;
  return '';
}

/** A rectangular block of entries with its top-left cell (1-based). */
export interface CellBlock {
  row: number;
  column: number;
  entries: FormulaEntry[][];
}

export function blockAddress(block: CellBlock): string {
  const width = block.entries[0]?.length ?? 1;
  return rangeAddress(block.row, block.column, block.row + block.entries.length - 1, block.column + width - 1);
}

/**
 * Rows of inputs (possibly ragged) starting at (row, column) as rectangular blocks:
 * consecutive rows of the same width share a block; empty rows write nothing.
 */
export function cellBlocks(row: number, column: number, rows: CellInput[][]): CellBlock[] {
  const blocks: CellBlock[] = [];
  let current: CellBlock | null = null;
  rows.forEach((line, i) => {
    if (line.length === 0) {
      current = null;
      return;
    }
    const entries = line.map(toFormulaEntry);
    if (current && current.entries[0].length === entries.length && current.row + current.entries.length === row + i) {
      current.entries.push(entries);
    } else {
      current = { row: row + i, column, entries: [entries] };
      blocks.push(current);
    }
  });
  return blocks;
}

/** Bytes of `value` as JSON in UTF-8: what a request to Excel on the web carries. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

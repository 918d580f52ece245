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

const utf8 = new TextEncoder();
/** One reused output buffer (64 KiB) for `jsonBytes`: memory stays bounded for any payload. */
const scratch = new Uint8Array(64 * 1024);

/**
 * Bytes of `value` as JSON in UTF-8: what a request to Excel on the web carries.
 * Measured with TextEncoder.encodeInto into one reused 64 KiB buffer, a slice at a time
 * (encodeInto never splits a surrogate pair), so sizing a 50 MB block allocates no
 * 50 MB copy. `undefined` (no JSON) counts 0 bytes.
 */
export function jsonBytes(value: unknown): number {
  let rest = JSON.stringify(value) ?? '';
  let bytes = 0;
  while (rest.length > 0) {
    const { read, written } = utf8.encodeInto(rest, scratch);
    bytes += written;
    rest = rest.slice(read);
  }
  return bytes;
}

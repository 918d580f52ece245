/**
 * What goes into `Range.formulas` for the plan's cell inputs, and how a block of inputs
 * becomes rectangular ranges. Pure.
 *
 * `Range.formulas` parses strings like typing does ("=..." becomes a formula, "12" a
 * number), and writes numbers and booleans as they are. So text passes `toEntryText`
 * (a leading apostrophe keeps "=SUM(A1)" text), and clearing is "".
 */
import { cellAddress, rangeAddress } from '../../core/a1';
import type { CellInput } from '../../core/snapshot';
import { hasXmlForbiddenCharacters, toEntryText, withoutLoneSurrogates } from '../../core/textSafety';

export type FormulaEntry = string | number | boolean;

/**
 * The `Range.formulas` entry for one input. Text keeps every character Excel can hold,
 * U+FFFE and control characters included (Excel keeps them in the cell and saves them as
 * its "_xHHHH_" escape); only lone surrogates, which no file or UTF-8 request can carry,
 * are dropped, as the .xlsx writer drops them. `forbiddenTextCells` names those cells.
 */
export function toFormulaEntry(input: CellInput): FormulaEntry {
  if ('text' in input) return toEntryText(withoutLoneSurrogates(input.text));
  if ('number' in input) {
    if (!Number.isFinite(input.number)) throw new RangeError(`cannot write number ${input.number} to a cell`);
    return input.number;
  }
  if ('bool' in input) return input.bool;
  if ('formula' in input) return input.formula;
  return '';
}

/**
 * The cells (A1 addresses) among `rows`, placed from (row, column) 1-based, whose text
 * holds a character XML forbids or a lone surrogate: the cells the TEXT_CHARACTERS warning
 * names, as the .xlsx writer names them.
 */
export function forbiddenTextCells(row: number, column: number, rows: CellInput[][]): string[] {
  const cells: string[] = [];
  rows.forEach((line, r) =>
    line.forEach((input, c) => {
      if ('text' in input && hasXmlForbiddenCharacters(input.text)) cells.push(cellAddress(row + r, column + c));
    }),
  );
  return cells;
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

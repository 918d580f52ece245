/**
 * The plan's writes as sized items, grouped into syncs that stay under Excel on the
 * web's request limit (5 MB). A normal plan is one group, i.e. one `context.sync()`;
 * only a request that would pass the limit is split, setCells by row blocks (a style,
 * number format included, is one value for its whole range). Pure.
 */
import { columnLetter, columnNumber, parseCell } from '../../core/a1';
import { formulaCopier } from '../../core/columnShift';
import type { CellStyle, PlanOp, ValidationRule } from '../../core/snapshot';
import { cellBlocks, jsonBytes, type CellBlock, type FormulaEntry } from './cellWrites';

/** Excel on the web refuses requests above 5 MB; each sync carries less than this. */
export const PAYLOAD_BUDGET = 4_000_000;
/** Rough size of one statement (object path, action, names) besides its data. */
const STATEMENT_BYTES = 200;

export type WriteItem =
  | { kind: 'addSheet'; sheet: string; hidden?: boolean }
  | { kind: 'cells'; sheet: string; block: CellBlock }
  /**
   * A formula filled down one column: `formula` written in (row, column), then copied to
   * the `count - 1` cells below it (Range.copyFrom, ExcelApi 1.9), so Excel writes each
   * cell's formula with its relative rows moved, as `copyFormulaDown` gives it.
   */
  | { kind: 'fill'; sheet: string; row: number; column: number; count: number; formula: string }
  | { kind: 'validation'; sheet: string; range: string; rule: ValidationRule }
  | { kind: 'style'; sheet: string; range: string; style: CellStyle }
  | { kind: 'widths'; sheet: string; widths: { column: string; width: number }[] }
  | { kind: 'heights'; sheet: string; heights: { row: number; height: number }[] }
  | { kind: 'freeze'; sheet: string; rows: number; columns: number }
  /** Whole columns (`columns`: "D:E") inserted (shift right) or deleted (shift left). */
  | { kind: 'columns'; sheet: string; columns: string; insert: boolean };

export interface SizedItem {
  item: WriteItem;
  bytes: number;
}

export type LookupOp = Extract<PlanOp, { kind: 'appendRows' | 'updateRowByKey' | 'deleteRowByKey' | 'setCells' }>;

/** Ops that read the workbook before they write: appends, keyed rows and guarded cells (`expect`). */
export function isLookupOp(op: PlanOp): op is LookupOp {
  return op.kind === 'appendRows' || op.kind === 'updateRowByKey' || op.kind === 'deleteRowByKey' || (op.kind === 'setCells' && op.expect !== undefined);
}

/** Splits a block into row blocks of at most `budget` bytes each (a single row may exceed it). */
export function splitBlock(block: CellBlock, budget: number): CellBlock[] {
  const out: CellBlock[] = [];
  let rows: CellBlock['entries'] = [];
  let bytes = STATEMENT_BYTES;
  let startRow = block.row;
  block.entries.forEach((line, i) => {
    const lineBytes = jsonBytes(line) + 1;
    if (rows.length > 0 && bytes + lineBytes > budget) {
      out.push({ row: startRow, column: block.column, entries: rows });
      rows = [];
      bytes = STATEMENT_BYTES;
      startRow = block.row + i;
    }
    rows.push(line);
    bytes += lineBytes;
  });
  if (rows.length) out.push({ row: startRow, column: block.column, entries: rows });
  return out;
}

/** Runs of at least this many formulas in a column are filled down instead of sent cell by cell. */
export const FILL_MIN_ROWS = 16;

/**
 * A one-column block as parts: runs of at least FILL_MIN_ROWS formulas, each of which is
 * the run's first copied down (`copyFormulaDown` gives exactly its text), become fills;
 * the cells between stay blocks.
 */
function fillParts(block: CellBlock): ({ fill: { row: number; count: number; formula: string } } | { block: CellBlock })[] {
  const formulaAt = (i: number): string | null => {
    const e: FormulaEntry | undefined = block.entries[i]?.[0];
    return typeof e === 'string' && e.startsWith('=') ? e : null;
  };
  const parts: ({ fill: { row: number; count: number; formula: string } } | { block: CellBlock })[] = [];
  let plain: CellBlock['entries'] = [];
  let plainStart = 0;
  const flush = (end: number) => {
    if (plain.length) parts.push({ block: { row: block.row + plainStart, column: block.column, entries: plain } });
    plain = [];
    plainStart = end;
  };
  let i = 0;
  while (i < block.entries.length) {
    const first = formulaAt(i);
    let count = 1;
    if (first !== null) {
      const copy = formulaCopier(first);
      while (i + count < block.entries.length && formulaAt(i + count) === copy(count)) count++;
    }
    if (first !== null && count >= FILL_MIN_ROWS) {
      flush(i);
      parts.push({ fill: { row: block.row + i, count, formula: first } });
      i += count;
      plainStart = i;
    } else {
      if (!plain.length) plainStart = i;
      plain.push(...block.entries.slice(i, i + count));
      i += count;
    }
  }
  flush(i);
  return parts;
}

function blockItems(sheet: string, block: CellBlock, budget: number): SizedItem[] {
  const whole = jsonBytes(block.entries) + STATEMENT_BYTES;
  const parts = whole > budget ? splitBlock(block, budget) : [block];
  return parts.map((part) => ({ item: { kind: 'cells', sheet, block: part }, bytes: parts.length === 1 ? whole : jsonBytes(part.entries) + STATEMENT_BYTES }));
}

function cellItems(op: Extract<PlanOp, { kind: 'setCells' }>, budget: number, fill: boolean): SizedItem[] {
  const { row, column } = parseCell(op.cell);
  const items: SizedItem[] = [];
  for (const block of cellBlocks(row, column, op.cells)) {
    if (fill && block.entries.length >= FILL_MIN_ROWS && block.entries[0].length === 1) {
      for (const part of fillParts(block)) {
        if ('block' in part) items.push(...blockItems(op.sheet, part.block, budget));
        else {
          const { row: r, count, formula } = part.fill;
          items.push({
            item: { kind: 'fill', sheet: op.sheet, row: r, column: block.column, count, formula },
            bytes: 3 * STATEMENT_BYTES + jsonBytes(formula),
          });
        }
      }
      continue;
    }
    items.push(...blockItems(op.sheet, block, budget));
  }
  return items;
}

/** A style, number format included, is one value for the whole range (queueStyle): one item whatever its size. */
function styleItems(op: Extract<PlanOp, { kind: 'setStyle' }>): SizedItem[] {
  return [{ item: { kind: 'style', sheet: op.sheet, range: op.range, style: op.style }, bytes: jsonBytes(op.style) + 8 * STATEMENT_BYTES }];
}

/**
 * The plan's writes that need no lookup, in plan order, sized and split to the budget.
 * `fill`: the host has Range.copyFrom (ExcelApi 1.9), so a column of formulas filled down
 * (the werkblad's Totalen after a factor is added or removed: about 1.4 KB a row at 20
 * factors, 14 MB at 10,000 rows) is sent as its first formula and a copy (`fillParts`).
 */
export function writeItems(ops: PlanOp[], budget: number = PAYLOAD_BUDGET, fill = false): SizedItem[] {
  const items: SizedItem[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'addSheet':
        items.push({ item: { kind: 'addSheet', sheet: op.sheet, hidden: op.hidden }, bytes: STATEMENT_BYTES + jsonBytes(op.sheet) });
        break;
      case 'setCells':
        if (op.expect === undefined) items.push(...cellItems(op, budget, fill)); // guarded cells are written after their read
        break;
      case 'setValidation':
        items.push({ item: { kind: 'validation', sheet: op.sheet, range: op.range, rule: op.rule }, bytes: 4 * STATEMENT_BYTES + jsonBytes(op.rule) });
        break;
      case 'setStyle':
        items.push(...styleItems(op));
        break;
      case 'setColumnWidths':
        items.push({ item: { kind: 'widths', sheet: op.sheet, widths: op.widths }, bytes: STATEMENT_BYTES * (1 + op.widths.length) });
        break;
      case 'setRowHeights':
        items.push({ item: { kind: 'heights', sheet: op.sheet, heights: op.heights }, bytes: STATEMENT_BYTES * (1 + op.heights.length) });
        break;
      case 'freeze':
        items.push({ item: { kind: 'freeze', sheet: op.sheet, rows: op.rows, columns: op.columns }, bytes: STATEMENT_BYTES });
        break;
      case 'insertColumns':
      case 'deleteColumns': {
        const first = columnNumber(op.column);
        const columns = `${op.column.toUpperCase()}:${columnLetter(first + op.count - 1)}`;
        items.push({ item: { kind: 'columns', sheet: op.sheet, columns, insert: op.kind === 'insertColumns' }, bytes: STATEMENT_BYTES });
        break;
      }
      default:
        break; // lookups are resolved separately
    }
  }
  return items;
}

/** Groups items, in order, into syncs of at most `budget` bytes. */
export function chunkItems(items: SizedItem[], budget: number = PAYLOAD_BUDGET): SizedItem[][] {
  const chunks: SizedItem[][] = [];
  let current: SizedItem[] = [];
  let bytes = 0;
  for (const it of items) {
    if (current.length > 0 && bytes + it.bytes > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(it);
    bytes += it.bytes;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

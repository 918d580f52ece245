/**
 * The co-author guard shared by every adapter: a guarded op (`expect` on setCells,
 * updateRowByKey or deleteRowByKey) writes only when each of its cells still holds what
 * the caller last read. Adapters read the cells at apply time and call these helpers, so
 * the rule is the same in memory, in .xlsx files and in Excel.
 */
import { cellAddress, columnNumber, parseCell } from '../core/a1';
import type { CellInput, CellValue, PlanOp } from '../core/snapshot';
import { sameCellValue } from './cellText';
import type { CellConflict } from './port';

export type DeleteOp = Extract<PlanOp, { kind: 'deleteRowByKey' }>;

/** The cells a deleteRowByKey writes: one `{ clear: true }` per column firstColumn..lastColumn. */
export function deleteCells(op: DeleteOp): CellInput[] {
  const width = Math.max(1, columnNumber(op.lastColumn) - columnNumber(op.firstColumn) + 1);
  return Array.from({ length: width }, () => ({ clear: true as const }));
}

/**
 * Conflicts of a guarded block whose top-left cell is (row, column): every cell of
 * `expect` (rows × columns, 1-based positions) compared with `read(row, column)`.
 * Empty when `expect` is undefined or every cell still holds its expected value.
 */
export function blockConflicts(
  sheet: string,
  row: number,
  column: number,
  expect: CellValue[][] | undefined,
  read: (row: number, column: number) => CellValue,
  key?: string,
): CellConflict[] {
  if (!expect) return [];
  const out: CellConflict[] = [];
  expect.forEach((line, i) =>
    line.forEach((expected, j) => {
      const actual = read(row + i, column + j);
      if (!sameCellValue(actual, expected))
        out.push({ sheet, cell: cellAddress(row + i, column + j), expected, actual, ...(key !== undefined ? { key } : {}) });
    }),
  );
  return out;
}

/** The text of a cell input as the user would read it (for showing "your version"). */
function inputText(input: CellInput | undefined): string {
  if (!input) return '';
  if ('text' in input) return input.text;
  if ('number' in input) return String(input.number);
  if ('bool' in input) return input.bool ? 'WAAR' : 'ONWAAR';
  if ('formula' in input) return input.formula;
  return '';
}

/**
 * After an apply reported `conflicts`: the refused guarded ops, with their `expect` set
 * to what the colleague wrote (so writing them again means "mine wins, knowingly"; a
 * third change meanwhile is again a conflict), and per conflicting cell ("Blad!C5") the
 * text the caller had tried to write.
 */
export function retargetGuards(ops: PlanOp[], conflicts: CellConflict[]): { ops: PlanOp[]; mine: Record<string, string> } {
  const out: PlanOp[] = [];
  const mine: Record<string, string> = {};
  const at = new Map(conflicts.map((c) => [`${c.sheet.toLowerCase()}!${c.cell}`, c]));
  for (const op of ops) {
    if (op.kind === 'setCells' && op.expect) {
      const { row, column } = parseCell(op.cell);
      let hit = false;
      const expect = op.expect.map((line, i) =>
        line.map((v, j) => {
          const c = at.get(`${op.sheet.toLowerCase()}!${cellAddress(row + i, column + j)}`);
          if (!c) return v;
          hit = true;
          mine[`${c.sheet}!${c.cell}`] = inputText(op.cells[i]?.[j]);
          return c.actual;
        }),
      );
      if (hit) out.push({ ...op, expect });
    } else if ((op.kind === 'updateRowByKey' || op.kind === 'deleteRowByKey') && op.expect) {
      const mineOf = conflicts.filter((c) => c.key === op.key && c.sheet.toLowerCase() === op.sheet.toLowerCase());
      if (!mineOf.length) continue;
      const first = columnNumber(op.firstColumn);
      const expect = [...op.expect];
      for (const c of mineOf) {
        const j = parseCell(c.cell).column - first;
        expect[j] = c.actual;
        mine[`${c.sheet}!${c.cell}`] = op.kind === 'deleteRowByKey' ? '(verwijderd)' : inputText(op.cells[j]);
      }
      out.push({ ...op, expect });
    }
  }
  return { ops: out, mine };
}

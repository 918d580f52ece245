/**
 * After the co-author guard refused ops (the guard itself, shared by every adapter, is in
 * src/core/keyedRows.ts): the ops to write again when the user chooses their own version.
 */
import { cellAddress, columnNumber, parseCell } from '../core/a1';
import type { CellConflict } from '../core/keyedRows';
import type { CellInput, PlanOp } from '../core/snapshot';

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
      const first = columnNumber(op.firstColumn);
      // this op's cells only: two keyed ops on one row (columns apart) each take their own conflicts
      const width = op.kind === 'updateRowByKey' ? op.cells.length : columnNumber(op.lastColumn) - first + 1;
      const mineOf = conflicts.filter((c) => {
        const j = parseCell(c.cell).column - first;
        return c.key === op.key && c.sheet.toLowerCase() === op.sheet.toLowerCase() && j >= 0 && j < width;
      });
      if (!mineOf.length) continue;
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

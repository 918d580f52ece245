/**
 * The team's merged cells are theirs. The engine never merges, so a merged area is
 * always the team's (a reason given room on Prioritering, a sub-heading row on the
 * werkblad, a merged checklist row): the plan does not write into any cell of it, even
 * a cell the engine would normally own, and says so with CELL_OCCUPIED (once per area,
 * naming the cell it wanted and the area). Writing "through" a merge would land in the
 * area's top-left cell and replace what the team typed there.
 */
import { cellAddress, parseCell } from '../a1';
import { textAt } from '../grid';
import { sameName } from '../layout';
import { mergeAt, mergedAreas } from '../merges';
import { problem, type Problem } from '../problems';
import type { CellInput, PlanOp, WorkbookSnapshot } from '../snapshot';

/**
 * `ops` without the cell writes that land in a merged area; a setCells block is split
 * around such cells. Ops of other kinds pass unchanged. One CELL_OCCUPIED per area.
 */
export function keepOutOfMerges(ops: PlanOp[], snapshot: WorkbookSnapshot, problems: Problem[]): PlanOp[] {
  const out: PlanOp[] = [];
  const reported = new Set<string>();
  for (const op of ops) {
    if (op.kind !== 'setCells') {
      out.push(op);
      continue;
    }
    const sheet = snapshot.sheets.find((s) => sameName(s.name, op.sheet));
    const areas = mergedAreas(sheet);
    if (!areas.length) {
      out.push(op);
      continue;
    }
    const { row, column } = parseCell(op.cell);
    let blocked = false;
    const lines: (CellInput | undefined)[][] = op.cells.map((line, i) =>
      line.map((input, j) => {
        const area = mergeAt(areas, row + i, column + j);
        if (!area) return input;
        blocked = true;
        const key = `${op.sheet.toLowerCase()}!${area.range}`;
        if (!reported.has(key)) {
          reported.add(key);
          problems.push(
            problem('CELL_OCCUPIED', sheet!.name, cellAddress(row + i, column + j), { value: textAt(sheet!, area.top, area.left), merge: area.range }),
          );
        }
        return undefined;
      }),
    );
    if (!blocked) {
      out.push(op);
      continue;
    }
    // the remaining runs of cells, one op per run (vertically adjacent equal runs joined)
    let current: { r: number; c: number; width: number; rows: CellInput[][] } | null = null;
    const flush = () => {
      if (current) out.push({ kind: 'setCells', sheet: op.sheet, cell: cellAddress(current.r, current.c), cells: current.rows });
      current = null;
    };
    lines.forEach((line, i) => {
      let start = -1;
      for (let j = 0; j <= line.length; j++) {
        const defined = j < line.length && line[j] !== undefined;
        if (defined && start < 0) start = j;
        if (!defined && start >= 0) {
          const cells = line.slice(start, j) as CellInput[];
          const r = row + i;
          const c = column + start;
          const cur = current;
          if (cur && cur.c === c && cur.width === cells.length && cur.r + cur.rows.length === r) cur.rows.push(cells);
          else {
            flush();
            current = { r, c, width: cells.length, rows: [cells] };
          }
          start = -1;
        }
      }
    });
    flush();
  }
  return out;
}

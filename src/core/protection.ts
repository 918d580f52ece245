/**
 * Sheet protection as the adapters read it (Excel: Controleren > Blad beveiligen) and the
 * lock state of cells (Celeigenschappen > Bescherming > Geblokkeerd). Every cell is locked
 * unless the team unlocked it; the lock only takes effect while the sheet is protected
 * (Excel's documentation, "Lock or unlock specific areas of a protected worksheet").
 *
 * Pure helpers: which cells are locked, and the lock state of rows the product prepares.
 */
import { columnLetter, parseRange } from './a1';
import type { SheetProtection } from './snapshot';

/** Columns first..last (1-based, inclusive) of one row. */
interface ColumnRun {
  first: number;
  last: number;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxes(protection: SheetProtection | undefined): Box[] {
  const out: Box[] = [];
  for (const range of protection?.unlocked ?? []) {
    try {
      const p = parseRange(range);
      out.push({ top: p.start.row, left: p.start.column, bottom: p.end.row, right: p.end.column });
    } catch {
      // not an A1 range: ignored (the cell counts as locked, Excel's default)
    }
  }
  return out;
}

/** Whether the cell at row/column (1-based) is locked: not inside any unlocked range. */
export function isLocked(protection: SheetProtection | undefined, row: number, column: number): boolean {
  return !boxes(protection).some((b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right);
}

/** The unlocked columns of one row, as sorted, non-overlapping runs. */
function unlockedRuns(protection: SheetProtection | undefined, row: number): ColumnRun[] {
  const runs = boxes(protection)
    .filter((b) => row >= b.top && row <= b.bottom)
    .map((b) => ({ first: b.left, last: b.right }))
    .sort((a, b) => a.first - b.first);
  const out: ColumnRun[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && r.first <= prev.last + 1) prev.last = Math.max(prev.last, r.last);
    else out.push({ ...r });
  }
  return out;
}

/**
 * The lock state to give rows `first..last` so that they match row `template` (the data
 * row above them): per differing run of columns, the state to set. Columns to the right
 * of every unlocked range are locked on both sides and never differ. Empty when the rows
 * already match (so planning again after applying plans nothing).
 * Rule: "rows the product prepares get the same lock state as the data rows above them"
 * (issue 8), so a team that unlocked only its input columns can fill the new rows in.
 */
export function lockDifferences(protection: SheetProtection | undefined, template: number, row: number): { first: number; last: number; locked: boolean }[] {
  const want = unlockedRuns(protection, template);
  const have = unlockedRuns(protection, row);
  const edges = new Set<number>([1]);
  for (const r of [...want, ...have]) {
    edges.add(r.first);
    edges.add(r.last + 1);
  }
  const points = [...edges].sort((a, b) => a - b);
  const inRuns = (runs: ColumnRun[], c: number) => runs.some((r) => c >= r.first && c <= r.last);
  const out: { first: number; last: number; locked: boolean }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const first = points[i];
    const last = points[i + 1] - 1;
    const wantUnlocked = inRuns(want, first);
    if (wantUnlocked === inRuns(have, first)) continue;
    const prev = out[out.length - 1];
    if (prev && prev.last + 1 === first && prev.locked === !wantUnlocked) prev.last = last;
    else out.push({ first, last, locked: !wantUnlocked });
  }
  return out;
}

/** "A6:D9" for rows top..bottom and columns first..last. */
export function runAddress(top: number, bottom: number, first: number, last: number): string {
  const a = `${columnLetter(first)}${top}`;
  const b = `${columnLetter(last)}${bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** Rectangles of cells (1-based, inclusive) for the adapters' range bookkeeping. */
import { parseRange, rangeAddress } from '../core/a1';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectOf(range: string): Rect {
  const p = parseRange(range);
  return { top: p.start.row, left: p.start.column, bottom: p.end.row, right: p.end.column };
}

export function rectAddress(r: Rect): string {
  return rangeAddress(r.top, r.left, r.bottom, r.right);
}

export function area(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!overlaps(a, b)) return null;
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}

export function containsCell(r: Rect, row: number, column: number): boolean {
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

/** `a` without `b`: at most four rectangles (above, below, left, right of the overlap). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const x = intersection(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (a.top < x.top) out.push({ top: a.top, left: a.left, bottom: x.top - 1, right: a.right });
  if (x.bottom < a.bottom) out.push({ top: x.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (a.left < x.left) out.push({ top: x.top, left: a.left, bottom: x.bottom, right: x.left - 1 });
  if (x.right < a.right) out.push({ top: x.top, left: x.right + 1, bottom: x.bottom, right: a.right });
  return out;
}

/**
 * Cells given per row (row → column numbers, any order, duplicates allowed) as few
 * rectangles: runs of adjacent columns per row, and equal runs of adjacent rows joined.
 * The rectangles never overlap and come out ordered by top row, then left column.
 * Cost: linear in the cells (plus sorting each row's columns).
 */
export function rectsOfCells(cells: ReadonlyMap<number, Iterable<number>>): Rect[] {
  const out: Rect[] = [];
  /** The rectangle still open below, per run "left:right". */
  const open = new Map<string, Rect>();
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const columns = [...new Set(cells.get(row))].sort((a, b) => a - b);
    let i = 0;
    while (i < columns.length) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1] === columns[j] + 1) j++;
      const left = columns[i];
      const right = columns[j];
      const key = `${left}:${right}`;
      const cur = open.get(key);
      if (cur && cur.bottom === row - 1) cur.bottom = row;
      else {
        const box = { top: row, left, bottom: row, right };
        open.set(key, box);
        out.push(box);
      }
      i = j + 1;
    }
  }
  return out;
}

/** Merged areas of a sheet snapshot (the team's: the engine never merges cells). */
import { parseRange } from './a1';
import type { SheetSnapshot } from './snapshot';

export interface MergedArea {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The merged areas of a sheet snapshot, parsed; unreadable entries are skipped. */
export function mergedAreas(sheet: SheetSnapshot | undefined): MergedArea[] {
  const out: MergedArea[] = [];
  for (const range of sheet?.merges ?? []) {
    try {
      const p = parseRange(range);
      out.push({ range, top: p.start.row, left: p.start.column, bottom: p.end.row, right: p.end.column });
    } catch {
      // not an A1 range: nothing the engine writes can be in it
    }
  }
  return out;
}

/** The merged area holding the cell at row/column, if any. */
export function mergeAt(areas: MergedArea[], row: number, column: number): MergedArea | undefined {
  return areas.find((a) => row >= a.top && row <= a.bottom && column >= a.left && column <= a.right);
}

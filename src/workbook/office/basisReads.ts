/**
 * The basis check of a plan (`ApplyOptions.basis`, src/workbook/basis.ts) in the Office.js
 * adapter: the cells the plan writes are read from Excel before any write, in the sync
 * the adapter reads its other guards in, and compared by the rule every adapter shares.
 *
 * Per block only what the rule needs: `values`, and where the formulas are as the address of
 * `Range.getSpecialCellsOrNullObject("Formulas")` (ExcelApi 1.9; a column of formulas is
 * one area, so a 30,000-row Totalen column costs its values and one address, not 60 MB of
 * formula text). Without ExcelApi 1.9 `formulas` is loaded too. Blocks whose response
 * would pass the payload budget are split by rows into syncs of their own before it (only
 * a plan that writes megabytes: the pane's edits write kilobytes).
 */
import { parseRange, type RangePos } from '../../core/a1';
import type { CellValue, WorkbookSnapshot } from '../../core/snapshot';
import type { CellConflict } from '../../core/keyedRows';
import { basisConflicts, targetAddress, type BasisTarget, type LiveCell } from '../basis';
import { areasOf } from './rangeAreas';
import type { SheetCache } from './writeOps';

/** Range.getSpecialCells (ExcelApi 1.9). */
export const SPECIAL_CELLS_API = '1.9';

/** One block as queued: its values, and its formula cells (areas) or its formulas. */
interface BasisRead {
  target: BasisTarget;
  range: Excel.Range;
  areas: Excel.RangeAreas | null;
}

/** Response bytes of a block estimated from the basis (the cells should still hold it), with a quarter more for framing. */
function estimate(t: BasisTarget, basis: WorkbookSnapshot, withAreas: boolean): number {
  const sheet = basis.sheets.find((s) => s.name === t.sheet);
  let n = 200;
  for (let r = t.top; r <= t.bottom; r++) {
    const values = sheet?.values[r - 1];
    const formulas = withAreas ? undefined : sheet?.formulas?.[r - 1];
    for (let c = t.left; c <= t.right; c++) {
      const v = values?.[c - 1];
      n += typeof v === 'string' ? v.length + 3 : 6;
      if (!withAreas) n += (formulas?.[c - 1]?.length ?? 6) + 3;
    }
  }
  return n * 1.25;
}

/**
 * The targets in batches of at most `budget` response bytes each (a block split by rows
 * when it alone is larger; a single row is never split).
 */
export function basisBatches(targets: BasisTarget[], basis: WorkbookSnapshot, budget: number, withAreas: boolean): BasisTarget[][] {
  const pieces: { t: BasisTarget; bytes: number }[] = [];
  for (const t of targets) {
    const bytes = estimate(t, basis, withAreas);
    const rows = t.bottom - t.top + 1;
    const parts = Math.min(rows, Math.ceil(bytes / budget));
    const step = Math.ceil(rows / parts);
    for (let top = t.top; top <= t.bottom; top += step) {
      const piece = { ...t, top, bottom: Math.min(t.bottom, top + step - 1) };
      pieces.push({ t: piece, bytes: (bytes * (piece.bottom - piece.top + 1)) / rows });
    }
  }
  const out: BasisTarget[][] = [];
  let current: BasisTarget[] = [];
  let used = 0;
  for (const p of pieces) {
    if (current.length && used + p.bytes > budget) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(p.t);
    used += p.bytes;
  }
  if (current.length) out.push(current);
  return out;
}

/** Queues the reads of `targets` (see the file comment); nothing is synced. */
export function queueBasisReads(sheets: SheetCache, targets: BasisTarget[], withAreas: boolean): BasisRead[] {
  return targets.map((target) => {
    const range = sheets.get(target.sheet).getRange(targetAddress(target));
    range.load(withAreas ? 'values' : 'values,formulas');
    const areas = withAreas ? range.getSpecialCellsOrNullObject('Formulas') : null;
    areas?.load('address');
    return { target, range, areas };
  });
}

/**
 * After the sync: the first read cell that is no longer what `basis` shows (src/workbook/basis.ts),
 * or undefined when all hold. The caller refuses the plan with it (`cellsChangedError`) unless
 * the plan's guarded cells speak first (applyPlan.ts).
 */
export function basisReadConflict(reads: BasisRead[], basis: WorkbookSnapshot): CellConflict | undefined {
  for (const { target, range, areas } of reads) {
    const values = range.values as unknown[][];
    const formulas = areas ? null : (range.formulas as unknown[][]);
    const formulaAreas: RangePos[] = areas && !areas.isNullObject ? areasOf(areas.address).map((a) => parseRange(a)) : [];
    const isFormula = (r: number, c: number) =>
      formulas
        ? typeof formulas[r - target.top]?.[c - target.left] === 'string' && String(formulas[r - target.top][c - target.left]).startsWith('=')
        : formulaAreas.some((p) => r >= p.start.row && r <= p.end.row && c >= p.start.column && c <= p.end.column);
    const live = (_sheet: string, r: number, c: number): LiveCell => {
      const v = values[r - target.top]?.[c - target.left];
      const value: CellValue = v === '' || v === undefined || v === null ? null : (v as CellValue);
      return { value, formula: isFormula(r, c) };
    };
    const [first] = basisConflicts([target], basis, live, 1);
    if (first) return first;
  }
  return undefined;
}

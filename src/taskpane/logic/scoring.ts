/**
 * Pure helpers for the Scoren view: which rows can be scored, what a row's cells hold,
 * and the live weighted total while someone types.
 */
import { valueAt } from '../../core/grid';
import { parseScoreInput } from '../../core/edits';
import type { SheetSnapshot } from '../../core/snapshot';
import { weightedTotal, type KoppelkansRow, type Werkblad } from '../../core/werkblad';

/** The werkblad rows that have a koppelkans, in sheet order. */
export function scorableRows(werkblad: Werkblad | null | undefined): KoppelkansRow[] {
  return (werkblad?.rows ?? []).filter((r) => r.koppelkans !== '');
}

/** What the score cells of a row hold, as text for the inputs ("" for empty). */
export function storedScoreTexts(sheet: SheetSnapshot | undefined, werkblad: Werkblad, row: number): string[] {
  return werkblad.factors.map((f) => {
    const v = sheet ? valueAt(sheet, row, f.column) : null;
    return v === null ? '' : String(v);
  });
}

export interface LiveScore {
  /** Weighted total of the valid inputs; null when nothing valid is filled in. */
  total: number | null;
  scored: number;
  factors: number;
  /** Indexes of inputs that are not a whole number −10..10. */
  invalid: number[];
  /** A weight is invalid for a factor that has a score: no total in the workbook either. */
  weightProblem: boolean;
}

/** The total as the workbook will compute it once the typed values are written. */
export function liveScore(werkblad: Werkblad, texts: readonly string[]): LiveScore {
  const scores: (number | null)[] = [];
  const invalid: number[] = [];
  texts.forEach((t, i) => {
    const p = parseScoreInput(t);
    if (p.ok) scores.push(p.value);
    else {
      invalid.push(i);
      scores.push(null);
    }
  });
  const scored = scores.filter((s) => s !== null).length;
  const weightProblem = scores.some((s, i) => s !== null && werkblad.factors[i]?.weging === null);
  const total = scored === 0 || weightProblem ? null : weightedTotal(scores, werkblad.factors);
  return { total, scored, factors: werkblad.factors.length, invalid, weightProblem };
}

/** Number of koppelkansen whose every factor has a score. */
export function fullyScored(rows: readonly KoppelkansRow[]): number {
  return rows.filter((r) => r.factors > 0 && r.scored === r.factors && r.status === 'scored').length;
}

/** A number as Dutch text; the one rule is src/core/numbers.ts. */
export { formatNumber } from '../../core/numbers';

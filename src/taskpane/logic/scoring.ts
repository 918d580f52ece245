/**
 * Pure helpers for the Scoren view: which rows can be scored, what a row's cells hold,
 * and the live weighted total while someone types.
 */
import { valueAt } from '../../core/grid';
import { parseScoreInput } from '../../core/edits';
import { nameKey } from '../../core/names';
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
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
  let n = 0;
  for (const r of rows) if (r.factors > 0 && r.scored === r.factors && r.status === 'scored') n++;
  return n;
}

/**
 * A score typed in Scoren and not yet in the workbook (being typed, or invalid and kept).
 * It belongs to a koppelkans by identity (opgave + koppelkans) and to a factor by name,
 * never to a werkblad row number: a colleague inserting or deleting a row (Excel on the
 * web) or a koppelkans added in Stap 2 moves the rows under the pane, not the draft.
 */
export interface ScoreDraft {
  opgave: string;
  koppelkans: string;
  factor: string;
  /** What was typed, as typed. */
  text: string;
  /** The score cell's value when typing started (what the pane last read): the write is guarded by it. */
  base: CellValue;
}

/**
 * The identity of a koppelkans: its opgave and name under the engine's one matching rule
 * (src/core/names.ts: case, surrounding and repeated spaces do not count).
 */
export function koppelkansId(opgave: string, koppelkans: string): string {
  return JSON.stringify([nameKey(opgave), nameKey(koppelkans)]);
}

/** The key of a draft: koppelkans identity plus factor name, by the same rule. */
export function draftKey(opgave: string, koppelkans: string, factor: string): string {
  return JSON.stringify([nameKey(opgave), nameKey(koppelkans), nameKey(factor)]);
}

/** koppelkansId of each row object, kept while the object lives (an analysis after a typed score shares every other row). */
const rowIds = new WeakMap<KoppelkansRow, string>();

/** The identity (koppelkansId) of a werkblad row's koppelkans, worked out once per row object. */
export function rowKoppelkansId(r: KoppelkansRow): string {
  let id = rowIds.get(r);
  if (id === undefined) {
    id = koppelkansId(r.opgave, r.koppelkans);
    rowIds.set(r, id);
  }
  return id;
}

/**
 * The werkblad row of a koppelkans as the sheet is now, found by identity; the first when
 * the same opgave and koppelkans stand twice (the engine flags that). Undefined when gone.
 */
export function rowOfKoppelkans(rows: readonly KoppelkansRow[], opgave: string, koppelkans: string): KoppelkansRow | undefined {
  const id = koppelkansId(opgave, koppelkans);
  return rows.find((r) => rowKoppelkansId(r) === id);
}

/**
 * Drafts that no longer have a place: their koppelkans is not on the werkblad any more
 * (removed, renamed, its opgave changed) or their factor is gone. They are not written and
 * not dropped: the pane tells the user and keeps them until the user discards them.
 */
export function orphanDrafts(drafts: Readonly<Record<string, ScoreDraft>>, werkblad: Werkblad): ScoreDraft[] {
  const kept = Object.values(drafts);
  // no drafts (every typed score written): nothing to look up among 5,000 rows
  if (!kept.length) return [];
  const rows = scorableRows(werkblad);
  const factors = new Set(werkblad.factors.map((f) => nameKey(f.name)));
  return kept.filter((d) => !rowOfKoppelkans(rows, d.opgave, d.koppelkans) || !factors.has(nameKey(d.factor)));
}

/**
 * Drafts read back from storage (JSON, any shape): the entries that are a ScoreDraft, under
 * their identity key. Anything else is ignored, never thrown: an entry of an older shape
 * keyed by werkblad row number ("12:0" → text) cannot be placed safely after rows moved.
 */
export function parseScoreDrafts(value: unknown): Record<string, ScoreDraft> {
  const out: Record<string, ScoreDraft> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const d of Object.values(value as Record<string, unknown>)) {
    if (!d || typeof d !== 'object') continue;
    const { opgave, koppelkans, factor, text, base } = d as Record<string, unknown>;
    if (typeof opgave !== 'string' || typeof koppelkans !== 'string' || typeof factor !== 'string' || typeof text !== 'string') continue;
    if (!nameKey(koppelkans) || !nameKey(factor)) continue;
    const b: CellValue = typeof base === 'string' || typeof base === 'number' || typeof base === 'boolean' ? base : null;
    out[draftKey(opgave, koppelkans, factor)] = { opgave, koppelkans, factor, text, base: b };
  }
  return out;
}

/** A number as Dutch text; the one rule is src/core/numbers.ts. */
export { formatNumber } from '../../core/numbers';

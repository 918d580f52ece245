/**
 * Pure helpers for the Prioritering view: moving entries in the team's list and telling
 * which entries stand away from their automatic rank without a reason.
 */
import { nameKey } from '../../core/names';
import { deviatingEntries } from '../../core/ranking';
import { isNoReason, type PrioEntry } from '../../core/prioritering';

export interface PrioItem {
  /** Stable identity in the pane (koppelkansen may repeat). */
  id: string;
  koppelkans: string;
  omdat: string;
  verantwoordelijke: string;
}

/** A copy of `list` with the item at `from` moved to index `to` (clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.max(0, Math.min(list.length - 1, to));
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item);
  return out;
}

/** The team's entries in their order (by place, then by row), as editable items. */
export function itemsFromEntries(entries: readonly PrioEntry[]): PrioItem[] {
  return [...entries]
    .sort((a, b) => a.place - b.place || a.row - b.row)
    .map((e) => ({ id: `r${e.row}`, koppelkans: e.koppelkans, omdat: e.omdat, verantwoordelijke: e.verantwoordelijke }));
}

export interface ItemStatus {
  place: number;
  autoRank: number | null;
  deviates: boolean;
  needsReason: boolean;
}

/**
 * Place (1-based) and deviation of every item as the list stands now, by the engine's
 * minimal-move rule (`deviatingEntries`): only the entries the team moved need a reason.
 * `_ties` is kept for callers that still pass it; ties are part of the rule.
 */
export function itemStatuses(items: readonly PrioItem[], ranks: ReadonlyMap<string, number | null>, _ties: Map<number, number> = new Map()): ItemStatus[] {
  const autoRanks = items.map((it) => ranks.get(nameKey(it.koppelkans)) ?? null);
  const deviates = deviatingEntries(autoRanks);
  // a reason by the Signaal formula's rule (isNoReason): U+2003 is text, an error value is none
  return items.map((it, i) => ({ place: i + 1, autoRank: autoRanks[i], deviates: deviates[i], needsReason: deviates[i] && isNoReason(it.omdat) }));
}

/** True when the two lists hold the same entries in the same order with the same texts. */
export function sameItems(a: readonly PrioItem[], b: readonly PrioItem[]): boolean {
  return (
    a.length === b.length && a.every((x, i) => x.koppelkans === b[i].koppelkans && x.omdat === b[i].omdat && x.verantwoordelijke === b[i].verantwoordelijke)
  );
}

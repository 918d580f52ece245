/**
 * Which succesfactor in a new read is the one the pane knew before. Factors have no id in
 * the werkblad (row 3 holds only names), and their column moves when a colleague inserts
 * or removes one before them, so the pane gives each a local id and carries it from read
 * to read. A text being typed stays with that id, not with a column index.
 */
import { nameKey } from '../../core/names';

/** A factor as the pane tracks it: a local id (stable while the pane is open) and its name in the last read. */
export interface TrackedFactor {
  id: number;
  name: string;
}

/**
 * Carries ids from `prev` (the last read, in werkblad order) to `names` (the new read, in
 * werkblad order). Rules, in this order:
 * 1. same name (the one name rule, nameKey): same factor, wherever it moved;
 * 2. a renamed factor: the factors left over on both sides are paired in order inside the
 *    same gap, i.e. between the same two factors matched by rule 1 (a colleague's rename
 *    keeps its neighbours; a factor removed in one place and another added elsewhere are
 *    not paired);
 * 3. whatever is left: new factors get fresh ids from `nextId`, old ones are `removed`.
 * Returns the new list (one entry per name, same order) and the removed entries.
 */
export function trackFactors(prev: TrackedFactor[], names: string[], nextId: () => number): { tracked: TrackedFactor[]; removed: TrackedFactor[] } {
  const ids: (number | null)[] = names.map(() => null);
  const used = new Set<number>();
  names.forEach((name, i) => {
    const hit = prev.find((p) => !used.has(p.id) && nameKey(p.name) === nameKey(name));
    if (hit) {
      ids[i] = hit.id;
      used.add(hit.id);
    }
  });
  // the gap of an unmatched entry: the id of the nearest matched entry before it (-1: at the start)
  const prevGap = new Map<number, number>();
  let anchor = -1;
  for (const p of prev) {
    if (used.has(p.id)) anchor = p.id;
    else prevGap.set(p.id, anchor);
  }
  anchor = -1;
  names.forEach((_, i) => {
    const id = ids[i];
    if (id !== null) {
      anchor = id;
      return;
    }
    const partner = prev.find((p) => !used.has(p.id) && prevGap.get(p.id) === anchor);
    if (partner) {
      ids[i] = partner.id;
      used.add(partner.id);
    }
  });
  const tracked = names.map((name, i) => ({ id: ids[i] ?? nextId(), name }));
  return { tracked, removed: prev.filter((p) => !used.has(p.id)) };
}

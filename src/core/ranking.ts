/**
 * Ranking: rows with a total, highest first; ties share a rank (1, 2, 2, 4), and within
 * a tie the row that stands higher on the werkblad comes first (as the Resultaat
 * formulas do). The top N is every row whose rank is N or better.
 */
import type { KoppelkansRow } from './werkblad';

export interface RankEntry {
  rank: number;
  row: number;
  opgave: string;
  koppelkans: string;
  total: number;
  scored: number;
  factors: number;
}

export function rankRows(rows: KoppelkansRow[]): RankEntry[] {
  const withTotal = rows.filter((r): r is KoppelkansRow & { total: number } => r.total !== null);
  withTotal.sort((a, b) => b.total - a.total || a.row - b.row);
  const out: RankEntry[] = [];
  for (let i = 0; i < withTotal.length; i++) {
    const r = withTotal[i];
    const rank = i > 0 && withTotal[i - 1].total === r.total ? out[i - 1].rank : i + 1;
    out.push({ rank, row: r.row, opgave: r.opgave, koppelkans: r.koppelkans, total: r.total, scored: r.scored, factors: r.factors });
  }
  return out;
}

export function topN(ranking: RankEntry[], n: number): RankEntry[] {
  return ranking.filter((e) => e.rank <= n);
}

/** How many rows share each rank (rank → count); 1 for a rank without a tie. */
export function tieSizes(ranking: readonly RankEntry[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const e of ranking) m.set(e.rank, (m.get(e.rank) ?? 0) + 1);
  return m;
}

/**
 * Which entries of the team's order stand away from the automatic order: the fewest
 * entries whose removal leaves the rest in automatic order, i.e. the complement of a
 * longest subsequence whose automatic ranks never go down. Koppelkansen that share a rank
 * may stand in either order (ties share their places). So moving one entry k places, up
 * or down, marks that entry alone; dropping an entry from the list marks nothing.
 *
 * In: the automatic rank of each entry in the team's order (place 1 first), null for an
 * entry without a rank (not on the werkblad, no total): such entries are never marked and
 * do not count. Out: one boolean per entry, true = deviates (needs a reason).
 * Where several smallest sets exist, the entries placed earlier are marked (the one
 * pulled up in a swap), so the choice is the same in the pane, the CLI and the sheet.
 * O(n log n) (patience sorting).
 */
export function deviatingEntries(ranks: readonly (number | null)[]): boolean[] {
  const tails: number[] = []; // tails[k]: index of the last element of the best subsequence of length k+1
  const prev = new Array<number>(ranks.length).fill(-1);
  ranks.forEach((rank, i) => {
    if (rank === null) return;
    // first tail whose rank is greater than this one (non-decreasing: equal ranks extend)
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ranks[tails[mid]] as number) <= rank) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const deviates = ranks.map((r) => r !== null);
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) deviates[i] = false;
  return deviates;
}

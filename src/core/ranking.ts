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
 * Whether a team's place differs from the automatic order. Rows that share a rank share
 * the places rank..rank+ties−1 (ranks 2, 2 occupy places 2 and 3), so taking over the
 * automatic order never counts as a deviation.
 */
export function deviatesFromRank(place: number, rank: number, ties = 1): boolean {
  return place < rank || place > rank + Math.max(1, ties) - 1;
}

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

/** The --json report: one object with problems, rows and ranking. */
import type { Analysis } from '../core/analyze';
import type { Problem } from '../core/problems';

export interface JsonReport {
  kind: Analysis['kind'];
  problems: Problem[];
  rows: { row: number; opgave: string; koppelkans: string; total: number | null; scored: number; factors: number; status: string }[];
  ranking: { rank: number; row: number; koppelkans: string; total: number }[];
}

export function toJsonReport(a: Analysis, problems: Problem[]): JsonReport {
  return {
    kind: a.kind,
    problems,
    rows: (a.werkblad?.rows ?? []).map((r) => ({
      row: r.row,
      opgave: r.opgave,
      koppelkans: r.koppelkans,
      total: r.total,
      scored: r.scored,
      factors: r.factors,
      status: r.status,
    })),
    ranking: a.top.map((e) => ({ rank: e.rank, row: e.row, koppelkans: e.koppelkans, total: e.total })),
  };
}

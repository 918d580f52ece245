/**
 * The onderbouwing (justification) for the council and the wijk, as plain data: the
 * chosen koppelkansen in the team's order, the scores and weights, the automatic top 15
 * and where the team deviated, the step conclusions, the actions and the notes per
 * koppelkans. Rendered to Word by src/report.
 */
import { analyze, type Analysis } from './analyze';
import { readNotes, type Conclusion, type Note } from './notes';
import type { RankEntry } from './ranking';
import type { WorkbookSnapshot } from './snapshot';
import { wijkName } from './wijk';

/** The wijk's name lives in src/core/wijk.ts; re-exported for existing callers. */
export { wijkName } from './wijk';

export interface OnderbouwingModel {
  wijk: string;
  date: string;
  chosen: { place: number; koppelkans: string; omdat: string; verantwoordelijke: string; autoRank: number | null; deviates: boolean }[];
  factors: { name: string; weging: number | null }[];
  scores: { row: number; opgave: string; koppelkans: string; scores: (number | null)[]; total: number | null; rank: number | null; status: string }[];
  top: RankEntry[];
  deviations: { koppelkans: string; place: number; autoRank: number | null; omdat: string }[];
  /** Top-15 koppelkansen the team did not choose. */
  notChosen: RankEntry[];
  conclusions: Conclusion[];
  actions: Note[];
  /** Notes per koppelkans: the team's choice first (in its order), then by automatic rank, then the rest by name. */
  notesByKoppelkans: { koppelkans: string; place: number | null; autoRank: number | null; notes: Note[] }[];
  generalNotes: Note[];
  checklist: Analysis['checklist'];
  problems: number;
}

export function buildOnderbouwingModel(snapshot: WorkbookSnapshot, now: Date = new Date()): OnderbouwingModel {
  const a = analyze(snapshot, { now });
  const notes = readNotes(snapshot);
  const rankOf = new Map(a.ranking.map((e) => [e.row, e.rank]));
  const entries = (a.prioritering?.entries ?? []).slice().sort((x, y) => x.place - y.place || x.row - y.row);
  const key = (k: string) => k.trim().toLowerCase();
  const chosenKeys = new Set(entries.map((e) => key(e.koppelkans)));
  const placeOf = new Map<string, number>();
  for (const e of entries) if (!placeOf.has(key(e.koppelkans))) placeOf.set(key(e.koppelkans), e.place);
  const autoRankOf = new Map<string, number>();
  for (const e of a.ranking) if (!autoRankOf.has(key(e.koppelkans))) autoRankOf.set(key(e.koppelkans), e.rank);
  // notes of one koppelkans belong together whatever the case or spaces they were typed with
  const byKoppelkans = new Map<string, { koppelkans: string; place: number | null; autoRank: number | null; notes: Note[] }>();
  const generalNotes: Note[] = [];
  for (const n of notes.notes) {
    const k = key(n.koppelkans);
    if (!k) {
      generalNotes.push(n);
      continue;
    }
    const group = byKoppelkans.get(k) ?? { koppelkans: n.koppelkans.trim(), place: placeOf.get(k) ?? null, autoRank: autoRankOf.get(k) ?? null, notes: [] };
    group.notes.push(n);
    byKoppelkans.set(k, group);
  }
  const big = Number.MAX_SAFE_INTEGER;
  const notesByKoppelkans = [...byKoppelkans.values()].sort(
    (x, y) => (x.place ?? big) - (y.place ?? big) || (x.autoRank ?? big) - (y.autoRank ?? big) || x.koppelkans.localeCompare(y.koppelkans, 'nl'),
  );
  const p = (n: number) => String(n).padStart(2, '0');
  return {
    wijk: wijkName(snapshot),
    date: `${p(now.getDate())}-${p(now.getMonth() + 1)}-${now.getFullYear()}`,
    chosen: entries.map((e) => ({ place: e.place, koppelkans: e.koppelkans, omdat: e.omdat, verantwoordelijke: e.verantwoordelijke, autoRank: e.autoRank, deviates: e.deviates })),
    factors: (a.werkblad?.factors ?? []).map((f) => ({ name: f.name, weging: f.weging })),
    scores: (a.werkblad?.rows ?? [])
      .filter((r) => r.koppelkans)
      .map((r) => ({ row: r.row, opgave: r.opgave, koppelkans: r.koppelkans, scores: r.scores, total: r.total, rank: rankOf.get(r.row) ?? null, status: r.status }))
      .sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9) || x.row - y.row),
    top: a.top,
    deviations: entries.filter((e) => e.deviates).map((e) => ({ koppelkans: e.koppelkans, place: e.place, autoRank: e.autoRank, omdat: e.omdat })),
    notChosen: a.top.filter((e) => !chosenKeys.has(key(e.koppelkans))),
    conclusions: notes.conclusions,
    actions: notes.notes.filter((n) => n.kind === 'actie' || n.kind === 'afspraak'),
    notesByKoppelkans,
    generalNotes,
    checklist: a.checklist,
    problems: a.problems.filter((x) => x.severity === 'error').length,
  };
}

/**
 * Incremental analysis: the analysis of a snapshot that differs from an analysed one only
 * in score cells (a score typed in the pane, a colleague's score), worked out from the
 * earlier analysis instead of from scratch. At 5,000 koppelkansen a full `analyze` reads
 * every row, checks every name against the longlist and sorts every problem (tens of ms);
 * this reads the changed rows again, moves their totals in the ranking and replaces only
 * the problems that depend on them.
 *
 * The result always equals `analyze(next, options)` (tests/core/reanalyze.test.ts compares
 * them for random workbooks and random edits). Any change this cannot follow exactly (a
 * name, a weging, a new row, another sheet, a merge, the row of a sub-heading) falls back
 * to the full analysis. Pure: snapshots in, data out; nothing is changed in place.
 */
import { parseCell } from './a1';
import { analyze, type Analysis, type AnalyzeOptions } from './analyze';
import { findChecklistSheet, readChecklist } from './checklist';
import { isEmpty } from './grid';
import { mergedAreas } from './merges';
import { nameKey } from './names';
import { findPrioSheet, readPrioEntriesRanked } from './prioritering';
import { compareProblems, problem, type Problem, type ProblemCode } from './problems';
import { RESULTAAT } from './layout';
import type { RankEntry } from './ranking';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { findWerkbladSheet, readRow, type KoppelkansRow } from './werkblad';

/** An analysed snapshot: `analysis` is `analyze(snapshot)`, exactly as it returned it (nothing added). */
export interface Analysed {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
}

/** Problems a werkblad row's own reading gives (src/core/werkblad.ts readRow), at that row. */
const ROW_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'SCORE_FORMULA_NO_RESULT',
  'SCORE_NOT_NUMBER',
  'SCORE_ERROR_VALUE',
  'SCORE_NOT_INTEGER',
  'SCORE_OUT_OF_RANGE',
  'ROW_INVALID',
  'ROW_UNSCORED',
  'ROW_PARTLY_SCORED',
]);
/** The one longlist check that looks at a row's scores (analyze.ts checkAgainstLonglist). */
const SCORED_CODE: ProblemCode = 'SCORES_WITHOUT_KOPPELKANS';
/** Problems of the Prioritering entries (src/core/prioritering.ts); the missing reasons follow the ranking. */
const PRIO_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['PRIO_BAD_PLACE', 'PRIO_DUPLICATE', 'PRIO_NOT_ON_WERKBLAD', 'PRIO_NO_REASON']);

/**
 * Where `analyze` finds a problem: problems at the same place (severity, sheet, cell) keep
 * the order in which they were found, and that order follows these steps (longlist and
 * factors 0, werkblad rows 4, werkblad names 5, longlist checks 6, Prioritering entries 7,
 * Prioritering names 8, the checklist 9).
 */
function stepOf(p: Problem, werkblad: string, prio: string | null, checklist: string | null): number {
  // every problem on the checklist sheet is the checklist's (src/core/checklist.ts)
  if (p.sheet === checklist) return 9;
  if (ROW_CODES.has(p.code)) return 4;
  if (p.code === 'NAME_NOT_COMPARABLE' || p.code === 'NAME_ERROR_VALUE') return p.sheet === werkblad ? 5 : p.sheet === prio ? 8 : 0;
  if (
    p.code === 'KOPPELKANS_WITHOUT_OPGAVE' ||
    p.code === SCORED_CODE ||
    p.code === 'OPGAVE_NOT_ON_LONGLIST' ||
    p.code === 'KOPPELKANS_NOT_ON_LONGLIST' ||
    p.code === 'KOPPELKANS_OTHER_OPGAVE' ||
    p.code === 'KOPPELKANS_DUPLICATE'
  )
    return 6;
  if (PRIO_CODES.has(p.code)) return 7;
  return 0;
}

/** What the names on the werkblad give, the same as long as no name changes: kept per analysis. */
interface NameIndex {
  /** Keys of every koppelkans on the werkblad. */
  onWerkblad: Set<string>;
  /** Key → the first werkblad row with that name (what the rank formula's MATCH finds). */
  firstRow: Map<string, number>;
}
const nameIndexes = new WeakMap<Analysis, NameIndex>();

function nameIndex(analysis: Analysis, rows: readonly KoppelkansRow[]): NameIndex {
  let index = nameIndexes.get(analysis);
  if (!index) {
    index = { onWerkblad: new Set(), firstRow: new Map() };
    for (const r of rows) {
      const k = nameKey(r.koppelkans);
      if (!k) continue;
      index.onWerkblad.add(k);
      if (!index.firstRow.has(k)) index.firstRow.set(k, r.row);
    }
    nameIndexes.set(analysis, index);
  }
  return index;
}

/** Same cell contents (an absent cell is empty, null). */
function sameCell(a: CellValue | string | null | undefined, b: CellValue | string | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * The columns (1-based) in which two rows of a sheet differ (values compared with ===,
 * an absent cell counting as empty), or null when they are the same array.
 */
function changedColumns(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): number[] | null {
  if (a === b) return null;
  const out: number[] = [];
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let c = 0; c < n; c++) if (!sameCell(a?.[c] as CellValue, b?.[c] as CellValue)) out.push(c + 1);
  return out;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * The werkblad rows (1-based) whose scores changed from `before` to `after`, or null when
 * anything else changed on the sheet (a name, a weging, a cell outside the factor columns, a
 * row outside the koppelkansen, a merge, which formulas lack a cached result) or a changed row is no koppelkans row before or after.
 */
function changedScoreRows(before: SheetSnapshot, after: SheetSnapshot, analysis: Analysis): number[] | null {
  const wb = analysis.werkblad;
  if (!wb) return null;
  const { layout } = wb;
  if (
    before.name !== after.name ||
    before.hidden !== after.hidden ||
    before.liveFormulas !== after.liveFormulas ||
    before.protection !== after.protection ||
    !sameList(before.merges, after.merges) ||
    // a formula that gained or lost its cached result: full analysis (a score formula without one is warned about)
    !sameList(before.noCachedResult, after.noCachedResult)
  )
    return null;
  const rows = new Set<number>();
  const n = Math.max(before.values.length, after.values.length, before.formulas?.length ?? 0, after.formulas?.length ?? 0);
  const onlyScores = (columns: number[] | null, r: number): boolean => {
    if (!columns?.length) return true;
    if (r < layout.firstDataRow || r > layout.lastDataRow) return false;
    if (columns.some((c) => c < layout.firstFactorColumn || c > layout.lastFactorColumn)) return false;
    rows.add(r);
    return true;
  };
  for (let i = 0; i < n; i++) {
    if (!onlyScores(changedColumns(before.values[i], after.values[i]), i + 1)) return null;
    if (before.formulas !== after.formulas && !onlyScores(changedColumns(before.formulas?.[i] ?? undefined, after.formulas?.[i] ?? undefined), i + 1))
      return null;
  }
  if (!rows.size) return [];
  // a sub-heading row is no koppelkans; the last row must keep something in it (else the werkblad ends higher)
  for (const m of mergedAreas(after)) if (m.left <= 2 && m.right > m.left) for (let r = m.top; r <= m.bottom; r++) if (rows.has(r)) return null;
  if (rows.has(layout.lastDataRow)) {
    const line = after.values[layout.lastDataRow - 1] ?? [];
    let filled = false;
    for (let c = 1; c < layout.totalenColumn && !filled; c++) filled = !isEmpty(line[c - 1] ?? null);
    if (!filled) return null;
  }
  return [...rows].sort((a, b) => a - b);
}

/** The row of each problem's cell, read once per problem object (the problems a typed score leaves alone are kept from one analysis to the next). */
const problemRows = new WeakMap<Problem, number>();
function problemRow(p: Problem): number {
  let row = problemRows.get(p);
  if (row === undefined) {
    row = parseCell(p.cell).row;
    problemRows.set(p, row);
  }
  return row;
}

/** Index of the row object for werkblad row `r` in `rows` (sorted by row), or -1. */
function rowIndex(rows: readonly KoppelkansRow[], r: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].row === r) return mid;
    if (rows[mid].row < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The ranking (src/core/ranking.ts rankRows) after the rows `changed` got new readings:
 * their old entries out, their new ones in at their place (total high to low, then row), and
 * the ranks counted again. Entries whose rank stays are the same objects.
 */
function reRank(ranking: readonly RankEntry[], changed: ReadonlySet<number>, rows: readonly KoppelkansRow[]): RankEntry[] {
  const out = ranking.filter((e) => !changed.has(e.row));
  for (const r of rows) {
    if (!changed.has(r.row) || r.total === null) continue;
    const entry: RankEntry = { rank: 0, row: r.row, opgave: r.opgave, koppelkans: r.koppelkans, total: r.total, scored: r.scored, factors: r.factors };
    // first place whose entry comes after this one
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = out[mid];
      if (e.total > entry.total || (e.total === entry.total && e.row < entry.row)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, entry);
  }
  for (let i = 0; i < out.length; i++) {
    const e = out[i];
    const rank = i > 0 && out[i - 1].total === e.total ? out[i - 1].rank : i + 1;
    if (e.rank !== rank) out[i] = { ...e, rank };
  }
  return out;
}

/**
 * `problems` (sorted as `sortProblems` sorts) with `added` put in their places: by
 * `compareProblems`, and among problems at the same place in the order `analyze` finds
 * them (`stepOf`, then the order within `added`).
 */
function insertProblems(problems: Problem[], added: Problem[], step: (p: Problem) => number): Problem[] {
  if (!added.length) return problems;
  const order = (a: Problem, b: Problem) => compareProblems(a, b) || step(a) - step(b);
  const sorted = added.map((p, i) => ({ p, i })).sort((a, b) => order(a.p, b.p) || a.i - b.i);
  const out: Problem[] = [];
  let from = 0;
  for (const { p } of sorted) {
    // after every problem that comes before it or at the same place and step
    let lo = from;
    let hi = problems.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(problems[mid], p) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(problems[i]);
    out.push(p);
    from = lo;
  }
  for (let i = from; i < problems.length; i++) out.push(problems[i]);
  return out;
}

/**
 * The analysis of `next` (what `analyze(next, options)` returns), worked out from `before`
 * when `next` differs from `before.snapshot` only in the scores of koppelkans rows on the
 * werkblad (every other sheet the same object, the werkblad's other cells the same):
 * those rows are read again, the ranking and top are updated, and the problems of those
 * rows, of the Prioritering entries (their automatic ranks) and of the checklist (the date
 * `options.now`) are replaced. Anything else is analysed in full. Never throws for a
 * snapshot `analyze` accepts. `before.analysis` must be `analyze(before.snapshot)` as it
 * was returned (no problems added).
 */
export function reanalyze(before: Analysed | null, next: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  return (before && incremental(before, next, options)) ?? analyze(next, options);
}

function incremental(before: Analysed, next: WorkbookSnapshot, options: AnalyzeOptions): Analysis | null {
  const prev = before.analysis;
  const old = before.snapshot;
  if (prev.kind !== 'koppelkansen' || !prev.werkblad) return null;
  if (next.sheets.length !== old.sheets.length || !!next.date1904 !== !!old.date1904) return null;
  const ws = findWerkbladSheet(next);
  const wsBefore = findWerkbladSheet(old);
  if (!ws || !wsBefore) return null;
  // every other sheet unchanged (the same object, as the adapters share unchanged sheets between reads)
  for (let i = 0; i < next.sheets.length; i++) if (next.sheets[i] !== old.sheets[i] && next.sheets[i] !== ws) return null;
  if (old.sheets.indexOf(wsBefore) !== next.sheets.indexOf(ws)) return null;
  const changed = ws === wsBefore ? [] : changedScoreRows(wsBefore, ws, prev);
  if (!changed) return null;

  const { layout, factors } = prev.werkblad;
  const rows = [...prev.werkblad.rows];
  const rowProblems: Problem[] = [];
  const scoredProblems: Problem[] = [];
  for (const r of changed) {
    const at = rowIndex(rows, r);
    const read = readRow(ws, r, layout, factors);
    // a row that appears or disappears changes more than its own reading
    if (at < 0 || !read.row) return null;
    rows[at] = read.row;
    rowProblems.push(...read.problems);
    if (!read.row.koppelkans && read.row.scored > 0) scoredProblems.push(problem(SCORED_CODE, ws.name, `B${r}`, { row: r }));
  }
  const changedSet = new Set(changed);
  const ranking = changed.length ? reRank(prev.ranking, changedSet, rows) : prev.ranking;
  let top = prev.top;
  if (ranking !== prev.ranking) {
    let n = 0;
    while (n < ranking.length && ranking[n].rank <= RESULTAAT.topN) n++;
    top = ranking.slice(0, n);
  }

  const added: Problem[] = [...rowProblems, ...scoredProblems];
  let prioritering = prev.prioritering;
  const ps = prev.prioritering ? findPrioSheet(next) : undefined;
  // the Prioritering's entries follow the ranks (an empty list stays empty: nothing to look up)
  if (prev.prioritering && ps && ranking !== prev.ranking && prev.prioritering.layout.lastRow >= prev.prioritering.layout.firstRow) {
    const names = nameIndex(prev, prev.werkblad.rows);
    let rankByRow: Map<number, number> | null = null;
    const rankOf = (key: string) => {
      const row = names.firstRow.get(key);
      if (row === undefined) return null;
      if (!rankByRow) {
        rankByRow = new Map<number, number>();
        for (const e of ranking) rankByRow.set(e.row, e.rank);
      }
      return rankByRow.get(row) ?? null;
    };
    prioritering = { layout: prev.prioritering.layout, entries: readPrioEntriesRanked(ps, prev.prioritering.layout, rankOf, names.onWerkblad, added) };
  }
  const cs = findChecklistSheet(next);
  const checklist = cs ? readChecklist(cs, options.now ?? new Date(), added, !!next.date1904) : null;

  const prioName = prioritering?.layout.sheet ?? null;
  const replacedPrio = prioritering !== prev.prioritering;
  const kept = prev.problems.filter((p) => {
    // the checklist's problems (every one on its sheet) follow the date: read again above
    if (cs && p.sheet === cs.name) return false;
    if (replacedPrio && PRIO_CODES.has(p.code)) return false;
    if (p.sheet === ws.name && (ROW_CODES.has(p.code) || p.code === SCORED_CODE) && changedSet.has(problemRow(p))) return false;
    return true;
  });
  const problems = insertProblems(kept, added, (p) => stepOf(p, ws.name, prioName, cs?.name ?? null));
  const result: Analysis = {
    ...prev,
    problems,
    werkblad: changed.length ? { layout, factors, rows } : prev.werkblad,
    ranking,
    top,
    prioritering,
    checklist,
  };
  // the names did not change: what they give stays valid for the next edit
  const names = nameIndexes.get(prev);
  if (names) nameIndexes.set(result, names);
  return result;
}

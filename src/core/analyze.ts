/**
 * Analysis: everything the engine knows about a workbook snapshot — its parts, the
 * problems, the rows with their totals, the ranking, the team's order, the checklist.
 * Pure: snapshot in, data out.
 */
import { cellAddress } from './a1';
import { readChecklist, findChecklistSheet, type ChecklistState } from './checklist';
import { DEFAULT_LONGLIST } from './defaults';
import { sheetIsBlank } from './grid';
import { RESULTAAT, SHEET_NAMES, sameName } from './layout';
import { longlistFromEntries, readLonglist, type Longlist } from './longlist';
import { nameKey, nameWarnings } from './names';
import { findPrioSheet, readPrioEntries, readPrioLayout, type PrioEntry, type PrioLayout } from './prioritering';
import { problem, sortProblems, type Problem } from './problems';
import { rankRows, topN, type RankEntry } from './ranking';
import type { CellValue, WorkbookSnapshot } from './snapshot';
import { readMinderConcreet, type MinderConcreet } from './stap2';
import { wijkName } from './wijk';
import { findWerkbladSheet, readFactors, readRows, readWerkbladLayout, type Werkblad } from './werkblad';

type WorkbookKind = 'koppelkansen' | 'empty' | 'not-koppelkansen';

export interface Analysis {
  kind: WorkbookKind;
  /** Sorted: errors first. */
  problems: Problem[];
  werkblad: Werkblad | null;
  longlist: Longlist;
  /** False when the workbook has no longlist and the built-in one is used. */
  longlistInWorkbook: boolean;
  /** Every row with a total, ranked. */
  ranking: RankEntry[];
  /** Rows with rank ≤ 15 (ties can make it longer). */
  top: RankEntry[];
  prioritering: { layout: PrioLayout; entries: PrioEntry[] } | null;
  checklist: ChecklistState | null;
  /** The actual names of the parts found (null when missing). */
  sheets: Record<keyof typeof SHEET_NAMES, string | null>;
  /** The wijk's name from the werkblad title ("" when none; see wijk.ts). */
  wijk: string;
  /** Koppelkansen marked "minder concreet" on the longlist, with who makes them concrete (see stap2.ts). */
  minderConcreet: MinderConcreet[];
}

export interface AnalyzeOptions {
  now?: Date;
}

export function analyze(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  return analyzeReading(snapshot, options);
}

/**
 * The analysis of `written` (exactly what `analyze(written, options)` returns) for a
 * snapshot that is `earlier` with writes on top (the state a plan leaves: `simulate` of
 * the analysed snapshot and the plan's ops). `earlier` must have been analysed (its
 * werkblad rows read) and be kept alive by the caller: every werkblad row whose cells the
 * writes left alone (opgave, koppelkans, scores, and the sheet's name, totals column and
 * factors) is taken from that reading, the same row object, instead of being read again.
 * Every other part is read from `written`. Used by `koppelkansen apply` to report on the
 * file it writes without analysing the workbook a second time.
 */
export function analyzeWritten(written: WorkbookSnapshot, earlier: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  return analyzeReading(written, options, earlier);
}

/** `analyze`, with the werkblad rows of `earlier` (read before) reused where unchanged. */
function analyzeReading(snapshot: WorkbookSnapshot, options: AnalyzeOptions, earlier?: WorkbookSnapshot): Analysis {
  const now = options.now ?? new Date();
  const problems: Problem[] = [];
  const sheets = {} as Analysis['sheets'];
  for (const role of Object.keys(SHEET_NAMES) as (keyof typeof SHEET_NAMES)[]) {
    sheets[role] = snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES[role]))?.name ?? null;
  }
  const readLL = readLonglist(snapshot, problems);
  const longlistInWorkbook = readLL.layout !== null;
  const longlist = longlistInWorkbook ? readLL : longlistFromEntries(DEFAULT_LONGLIST);
  if (longlistInWorkbook) sheets.longlist = readLL.layout!.sheet;

  const empty: Analysis = {
    kind: 'koppelkansen',
    problems,
    werkblad: null,
    longlist,
    longlistInWorkbook,
    ranking: [],
    top: [],
    prioritering: null,
    checklist: null,
    sheets,
    wijk: wijkName(snapshot),
    minderConcreet: readMinderConcreet(snapshot, { longlist, longlistInWorkbook }),
  };

  const ws = findWerkbladSheet(snapshot);
  if (!ws) {
    const blank = snapshot.sheets.every(sheetIsBlank);
    const kind: WorkbookKind = blank ? 'empty' : 'not-koppelkansen';
    return { ...empty, kind, problems: [problem(blank ? 'EMPTY_WORKBOOK' : 'NOT_KOPPELKANSEN', '', '')] };
  }
  if (!longlistInWorkbook) problems.push(problem('LONGLIST_MISSING', '', ''));

  const layout = readWerkbladLayout(ws, problems);
  let werkblad: Werkblad | null = null;
  let ranking: RankEntry[] = [];
  if (layout) {
    const factors = readFactors(ws, layout, problems);
    const rows = readRows(ws, layout, factors, problems, earlier && findWerkbladSheet(earlier));
    werkblad = { layout, factors, rows };
    problems.push(
      ...nameWarnings(
        ws.name,
        rows.flatMap((r) => [1, 2].map((column) => ({ row: r.row, column, value: ws.values[r.row - 1]?.[column - 1] ?? null }))),
      ),
    );
    ranking = rankRows(rows);
    checkAgainstLonglist(werkblad, longlist, problems);
  }

  let prioritering: Analysis['prioritering'] = null;
  const ps = findPrioSheet(snapshot);
  if (ps) {
    const pl = readPrioLayout(ps);
    const onWerkblad = new Set((werkblad?.rows ?? []).filter((r) => r.koppelkans).map((r) => nameKey(r.koppelkans)));
    prioritering = { layout: pl, entries: readPrioEntries(ps, pl, ranking, onWerkblad, problems, werkblad?.rows ?? []) };
    const prioNames: { row: number; column: number; value: CellValue }[] = [];
    for (let r = pl.firstRow; r <= pl.lastRow; r++)
      prioNames.push({ row: r, column: pl.columns.koppelkans, value: ps.values[r - 1]?.[pl.columns.koppelkans - 1] ?? null });
    problems.push(...nameWarnings(ps.name, prioNames));
  }
  const cs = findChecklistSheet(snapshot);
  const checklist = cs ? readChecklist(cs, now, problems, !!snapshot.date1904) : null;

  return {
    ...empty,
    problems: sortProblems(problems),
    werkblad,
    ranking,
    top: topN(ranking, RESULTAAT.topN),
    prioritering,
    checklist,
  };
}

function checkAgainstLonglist(werkblad: Werkblad, longlist: Longlist, problems: Problem[]): void {
  const sheet = werkblad.layout.sheet;
  const llName = longlist.layout?.sheet ?? SHEET_NAMES.longlist;
  const opgaven = new Set(longlist.opgaven.map((o) => nameKey(o)));
  const opgaveOf = new Map<string, string[]>();
  for (const e of longlist.entries) {
    const k = nameKey(e.koppelkans);
    opgaveOf.set(k, [...(opgaveOf.get(k) ?? []), e.opgave]);
  }
  const seen = new Map<string, string>();
  for (const r of werkblad.rows) {
    const a = cellAddress(r.row, 1);
    const b = cellAddress(r.row, 2);
    if (r.koppelkans && !r.opgave) problems.push(problem('KOPPELKANS_WITHOUT_OPGAVE', sheet, a, { koppelkans: r.koppelkans }));
    if (!r.koppelkans && r.scored > 0) problems.push(problem('SCORES_WITHOUT_KOPPELKANS', sheet, b, { row: r.row }));
    if (r.opgave && !opgaven.has(nameKey(r.opgave))) {
      problems.push(problem('OPGAVE_NOT_ON_LONGLIST', sheet, a, { opgave: r.opgave, longlist: llName }));
    }
    if (r.koppelkans) {
      const key = nameKey(r.koppelkans);
      const expected = opgaveOf.get(key);
      if (!expected) problems.push(problem('KOPPELKANS_NOT_ON_LONGLIST', sheet, b, { koppelkans: r.koppelkans, longlist: llName }));
      else if (r.opgave && !expected.some((o) => nameKey(o) === nameKey(r.opgave))) {
        problems.push(problem('KOPPELKANS_OTHER_OPGAVE', sheet, b, { koppelkans: r.koppelkans, expected: expected[0], opgave: r.opgave }));
      }
      const other = seen.get(key);
      if (other) problems.push(problem('KOPPELKANS_DUPLICATE', sheet, b, { koppelkans: r.koppelkans, other }));
      else seen.set(key, b);
    }
  }
}

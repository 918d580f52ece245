/**
 * What `reanalyze` (src/core/reanalyze.ts) promises, on small snapshots built in code (pure,
 * no files): its result is always `analyze(next)`; a snapshot that differs from the analysed
 * one only in scores of koppelkans rows (the werkblad a new object, every other sheet the
 * same) is followed from the earlier analysis (the longlist object kept), with the rows,
 * ranks, top, Prioritering entries, checklist and problems (in analyze's order) as a full
 * read gives them; every other change is read in full. tests/core/reanalyze.test.ts checks
 * the same for random template workbooks and edits (slower); this file names the cases.
 */
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/core/analyze';
import { CHECKLIST, SHEET_NAMES } from '../../src/core/layout';
import { reanalyze } from '../../src/core/reanalyze';
import { simulate } from '../../src/core/simulate';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { werkbladSheet } from '../helpers/build';

const NOW = new Date('2026-11-28T10:00:00Z');
const IN_2020 = new Date('2020-01-01T10:00:00Z');
const W = SHEET_NAMES.werkblad;
const P = SHEET_NAMES.prioritering;

const LONGLIST: SheetSnapshot = {
  name: SHEET_NAMES.longlist,
  values: [
    ['Opgave', 'Koppelkans', 'Toelichting'],
    ['Groen', 'Geveltuinen', ''],
    ['Groen', 'Groene daken', ''],
    ['Werk', 'Stageplekken', ''],
    ['Werk', 'Buurtbus', ''],
  ],
};

function prioSheet(entries: CellValue[][]): SheetSnapshot {
  return { name: P, values: [['Prioritering: de keuze van het team'], [], [], ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke'], ...entries] };
}

let checklistTemplate: SheetSnapshot | undefined;
/** The template's checklist with overstap date serial 47484 (2030) and one bad status. */
function checklistSheet(): SheetSnapshot {
  checklistTemplate ??= simulate({ sheets: [] }, newWorkbookPlan({ factors: ['F1'], now: NOW }).plan.ops).sheets.find((s) => s.name === SHEET_NAMES.checklist)!;
  const values = checklistTemplate.values.map((row) => [...row]);
  values[CHECKLIST.dateRow - 1][CHECKLIST.valueColumn - 1] = 47484;
  values[CHECKLIST.firstRow - 1][2] = 'x';
  return { ...checklistTemplate, values };
}

/** Werkblad (factors C-E, Totalen F, rows from 6), longlist, Prioritering, checklist. */
function book(rows: CellValue[][], prio: CellValue[][] = [], extra: Partial<SheetSnapshot> = {}): WorkbookSnapshot {
  return { sheets: [{ ...werkbladSheet({ rows }), ...extra }, LONGLIST, prioSheet(prio), checklistSheet()] };
}

const ROWS: CellValue[][] = [
  ['Groen', 'Geveltuinen', 5, 5, 5],
  ['Groen', 'Groene daken', 3, 3, 3],
  ['Werk', 'Stageplekken', 1, 1, 1],
  ['Werk', 'Buurtbus', null, null, null],
];
const PRIO: CellValue[][] = [
  [1, 'Geveltuinen', ''],
  [2, 'Groene daken', ''],
  [3, 'Stageplekken', ''],
];

/** `s` with werkblad cells set, as an adapter reads it: a new werkblad and new arrays for the changed rows only. */
function typed(s: WorkbookSnapshot, ...cells: [string, CellValue][]): WorkbookSnapshot {
  const i = s.sheets.findIndex((x) => x.name.toLowerCase() === W.toLowerCase());
  const ws = s.sheets[i];
  const values = [...ws.values];
  for (const [a1, v] of cells) {
    const c = a1.charCodeAt(0) - 64;
    const r = Number(a1.slice(1));
    const line = [...(values[r - 1] ?? [])];
    while (line.length < c) line.push(null);
    line[c - 1] = v;
    values[r - 1] = line;
  }
  return { ...s, sheets: s.sheets.map((x, j) => (j === i ? { ...ws, values } : x)) };
}

/** `s` with the werkblad replaced by `change(werkblad)` (other sheets shared). */
function withWerkblad(s: WorkbookSnapshot, change: (ws: SheetSnapshot) => SheetSnapshot): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.map((x, j) => (j === 0 ? change(x) : x)) };
}

interface Step {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
}

function start(s: WorkbookSnapshot, now = NOW): Step {
  return { snapshot: s, analysis: analyze(s, { now }) };
}

/** reanalyze from `before` to `next`, checked against a full analysis; `incremental` says which way it must go. */
function step(before: Step, next: WorkbookSnapshot, incremental: boolean | null, now = NOW): Step {
  const got = reanalyze(before, next, { now });
  expect(got).toEqual(analyze(next, { now }));
  // the incremental path keeps the earlier reading of the longlist (a full one reads it again)
  if (incremental !== null) expect(got.longlist === before.analysis.longlist).toBe(incremental);
  return { snapshot: next, analysis: got };
}

const codesAt = (a: Analysis, sheet: string, cell: string) => a.problems.filter((p) => p.sheet === sheet && p.cell === cell).map((p) => p.code);

describe('without an earlier analysis, or when the earlier one has no werkblad', () => {
  test('null: the full analysis', () => {
    const s = book(ROWS, PRIO);
    expect(reanalyze(null, s, { now: NOW })).toEqual(analyze(s, { now: NOW }));
  });

  test('an empty workbook, a workbook without werkblad, a werkblad without factors: read in full', () => {
    const empty = start({ sheets: [{ name: 'Blad1', values: [] }] });
    step(empty, { sheets: [{ name: 'Blad1', values: [['x']] }] }, false);
    const other = start({ sheets: [{ name: 'Blad1', values: [['x']] }] });
    step(other, { sheets: [{ name: 'Blad1', values: [['x']] }, werkbladSheet({ rows: ROWS }), LONGLIST] }, false);
    const noFactors = book([]);
    noFactors.sheets[0] = werkbladSheet({ factors: [], rows: [['Groen', 'Geveltuinen']] });
    const s = start(noFactors);
    expect(s.analysis.werkblad).toBeNull();
    step(
      s,
      withWerkblad(noFactors, (ws) => ({ ...ws, values: [...ws.values.slice(0, 2), ['Opgave', 'Koppelkans', 'F1', 'Totalen'], ...ws.values.slice(3)] })),
      false,
    );
  });

  test('without options: today', () => {
    const s = book(ROWS, PRIO);
    const got = reanalyze(start(s), typed(s, ['C9', 2]));
    expect(got.checklist!.late).toBe(new Date().getUTCFullYear() > 2022);
    expect(reanalyze(null, s).checklist!.late).toBe(new Date().getUTCFullYear() > 2022);
  });
});

describe('scores typed: followed from the earlier analysis', () => {
  test('the same snapshot again: the same analysis, the checklist read for the new date', () => {
    // an entry not on the werkblad: its problem stays when nothing is read again
    const s = book(ROWS, [...PRIO, [4, 'Onbekend', '']]);
    const before = start(s);
    const same = step(before, s, true);
    expect(same.analysis.ranking).toBe(before.analysis.ranking);
    expect(same.analysis.werkblad).toBe(before.analysis.werkblad);
    const early = step(before, s, true, IN_2020);
    expect(early.analysis.checklist!.late).toBe(false);
    expect(before.analysis.checklist!.late).toBe(true);
    expect(early.analysis.problems.filter((p) => p.sheet === SHEET_NAMES.checklist).map((p) => p.code)).toContain('CHECKLIST_DEADLINE');
    expect(codesAt(early.analysis, P, 'B8')).toEqual(['PRIO_NOT_ON_WERKBLAD']);
  });

  test('ranking entries whose rank stays are the same objects', () => {
    const s = book(ROWS, PRIO);
    const before = start(s);
    // Stageplekken (rank 3, the last) from 3 to 6: no rank moves
    const after = step(before, typed(s, ['C8', 4]), true);
    expect(after.analysis.ranking.map((e) => e.total)).toEqual([15, 9, 6]);
    expect(after.analysis.ranking[0]).toBe(before.analysis.ranking[0]);
    expect(after.analysis.ranking[1]).toBe(before.analysis.ranking[1]);
  });

  test('a score that moves a row up: new total, ranks and top, the rows not typed in the same objects', () => {
    const s = book(ROWS, PRIO);
    const before = start(s);
    const after = step(before, typed(s, ['C8', 10], ['D8', 10]), true);
    const rows = after.analysis.werkblad!.rows;
    expect(rows.map((r) => r.total)).toEqual([15, 9, 21, null]);
    expect(rows[0]).toBe(before.analysis.werkblad!.rows[0]);
    expect(rows[1]).toBe(before.analysis.werkblad!.rows[1]);
    expect(after.analysis.ranking.map((e) => [e.rank, e.koppelkans])).toEqual([
      [1, 'Stageplekken'],
      [2, 'Geveltuinen'],
      [3, 'Groene daken'],
    ]);
    expect(after.analysis.top).toEqual(after.analysis.ranking);
    expect(after.analysis.werkblad!.layout).toBe(before.analysis.werkblad!.layout);
    expect(after.analysis.werkblad!.factors).toBe(before.analysis.werkblad!.factors);
  });

  test('a score that ties, one that drops a row out of the ranking and one that brings it back', () => {
    const s = book(ROWS, PRIO);
    let at = start(s);
    at = step(at, typed(at.snapshot, ['C7', 5], ['D7', 5], ['E7', 5]), true);
    expect(at.analysis.ranking.map((e) => [e.rank, e.row])).toEqual([
      [1, 6],
      [1, 7],
      [3, 8],
    ]);
    at = step(at, typed(at.snapshot, ['C6', 'x']), true);
    expect(at.analysis.ranking.map((e) => [e.rank, e.row])).toEqual([
      [1, 7],
      [2, 8],
    ]);
    at = step(at, typed(at.snapshot, ['C6', 6]), true);
    expect(at.analysis.ranking.map((e) => [e.rank, e.row])).toEqual([
      [1, 6],
      [2, 7],
      [3, 8],
    ]);
    // the unscored row gets a total below all others, then one in the middle, then above
    at = step(at, typed(at.snapshot, ['C9', -3]), true);
    expect(at.analysis.ranking.map((e) => e.row)).toEqual([6, 7, 8, 9]);
    at = step(at, typed(at.snapshot, ['C9', 5], ['D9', 5], ['E9', 4]), true);
    expect(at.analysis.ranking.map((e) => e.row)).toEqual([6, 7, 9, 8]);
    at = step(at, typed(at.snapshot, ['E9', 9]), true);
    expect(at.analysis.ranking.map((e) => [e.rank, e.row])).toEqual([
      [1, 9],
      [2, 6],
      [3, 7],
      [4, 8],
    ]);
  });

  test('the top follows the ranks: a tie at the 15th place is in, the 16th is out', () => {
    const rows: CellValue[][] = Array.from({ length: 17 }, (_, i) => ['Groen', `K${i + 1}`, 10 - Math.floor(i / 2), 0, 0]);
    const s = book(rows);
    let at = start(s);
    expect(at.analysis.top).toHaveLength(16);
    // row 21 (K16) from 2 to -5: rank 17, out of the top; K15 alone on 15
    at = step(at, typed(s, ['C21', -5]), true);
    expect(at.analysis.top.map((e) => e.koppelkans)).toEqual(at.analysis.ranking.slice(0, 15).map((e) => e.koppelkans));
    at = step(at, typed(at.snapshot, ['C22', -5]), true);
    expect(at.analysis.top).toHaveLength(15);
    expect(at.analysis.ranking.slice(14).map((e) => e.rank)).toEqual([15, 16, 16]);
  });

  test('the problems of the typed rows are replaced, the others kept, each at its cell', () => {
    const s = book(ROWS, PRIO);
    let at = start(s);
    expect(codesAt(at.analysis, W, 'B9')).toEqual(['ROW_UNSCORED']);
    at = step(at, typed(s, ['C9', 2]), true);
    expect(codesAt(at.analysis, W, 'B9')).toEqual(['ROW_PARTLY_SCORED']);
    at = step(at, typed(at.snapshot, ['D9', 'x'], ['E9', 11]), true);
    expect(codesAt(at.analysis, W, 'D9')).toEqual(['SCORE_NOT_NUMBER']);
    expect(codesAt(at.analysis, W, 'E9')).toEqual(['SCORE_OUT_OF_RANGE']);
    expect(codesAt(at.analysis, W, 'F9')).toEqual(['ROW_INVALID']);
    at = step(at, typed(at.snapshot, ['D9', 2.5], ['E9', '#N/A']), true);
    expect(codesAt(at.analysis, W, 'D9')).toEqual(['SCORE_NOT_INTEGER']);
    expect(codesAt(at.analysis, W, 'E9')).toEqual(['SCORE_ERROR_VALUE']);
    at = step(at, typed(at.snapshot, ['C9', null], ['D9', null], ['E9', null]), true);
    expect(codesAt(at.analysis, W, 'B9')).toEqual(['ROW_UNSCORED']);
    expect(at.analysis.problems.filter((p) => p.sheet === W).map((p) => p.cell)).toEqual(['B9']);
  });

  test('scores typed in a row with an opgave but no koppelkans: warned at its B cell, and no longer once cleared', () => {
    const s = book([...ROWS, ['Groen', null, null, null, null]], PRIO);
    let at = start(s);
    expect(at.analysis.problems.filter((p) => p.sheet === W)).toEqual(analyze(s, { now: NOW }).problems.filter((p) => p.sheet === W));
    at = step(at, typed(s, ['D10', 4]), true);
    expect(at.analysis.problems.find((p) => p.code === 'SCORES_WITHOUT_KOPPELKANS')).toMatchObject({
      sheet: W,
      cell: 'B10',
      message: expect.stringContaining('Rij 10'),
    });
    at = step(at, typed(at.snapshot, ['D10', 0]), true);
    expect(at.analysis.problems.filter((p) => p.code === 'SCORES_WITHOUT_KOPPELKANS')).toHaveLength(1);
    at = step(at, typed(at.snapshot, ['D10', null]), true);
    expect(at.analysis.problems.some((p) => p.code === 'SCORES_WITHOUT_KOPPELKANS')).toBe(false);
  });

  test('problems at the same cell keep the order analyze finds them in: row, names, longlist checks', () => {
    // a koppelkans typed as the number 7, twice: not comparable (names), not on the longlist and a duplicate (longlist checks)
    const s = book([...ROWS, ['Werk', 7, 1, 1, 1], ['Werk', 7, 1, 1, 1]], PRIO);
    let at = start(s);
    expect(codesAt(at.analysis, W, 'B11')).toEqual(['NAME_NOT_COMPARABLE', 'KOPPELKANS_NOT_ON_LONGLIST', 'KOPPELKANS_DUPLICATE']);
    at = step(at, typed(s, ['C11', null]), true);
    expect(codesAt(at.analysis, W, 'B11')).toEqual(['ROW_PARTLY_SCORED', 'NAME_NOT_COMPARABLE', 'KOPPELKANS_NOT_ON_LONGLIST', 'KOPPELKANS_DUPLICATE']);
    at = step(at, typed(at.snapshot, ['C10', null], ['D10', null], ['E10', 2]), true);
    expect(codesAt(at.analysis, W, 'B10')).toEqual(['ROW_PARTLY_SCORED', 'NAME_NOT_COMPARABLE', 'KOPPELKANS_NOT_ON_LONGLIST']);
  });

  test('problems added at a cell go after the kept ones found before them (a name that is an error value, a koppelkans under another opgave)', () => {
    const rows: CellValue[][] = [...ROWS, ['Groen', '#N/A', null, null, null], ['Werk', 'Groene daken', null, null, null]];
    for (const s of [book(rows, PRIO), { sheets: [werkbladSheet({ rows }), LONGLIST, prioSheet(PRIO)] }]) {
      let at = start(s);
      expect(codesAt(at.analysis, W, 'B10')).toEqual(['NAME_ERROR_VALUE']);
      at = step(at, typed(s, ['C10', 3], ['C11', 2]), true);
      expect(codesAt(at.analysis, W, 'B10')).toEqual(['ROW_PARTLY_SCORED', 'NAME_ERROR_VALUE', 'SCORES_WITHOUT_KOPPELKANS']);
      expect(codesAt(at.analysis, W, 'B11')).toEqual(['ROW_PARTLY_SCORED', 'KOPPELKANS_OTHER_OPGAVE', 'KOPPELKANS_DUPLICATE']);
      at = step(at, typed(at.snapshot, ['C10', null], ['C11', null]), true);
      expect(codesAt(at.analysis, W, 'B10')).toEqual(['NAME_ERROR_VALUE']);
    }
  });

  test('the Prioritering follows the new ranks: a missing reason appears and goes', () => {
    const s = book(ROWS, PRIO);
    let at = start(s);
    expect(at.analysis.prioritering!.entries.map((e) => e.autoRank)).toEqual([1, 2, 3]);
    at = step(at, typed(s, ['C8', 10], ['D8', 10], ['E8', 10]), true);
    expect(at.analysis.prioritering!.entries.map((e) => e.autoRank)).toEqual([2, 3, 1]);
    expect(at.analysis.problems.filter((p) => p.code === 'PRIO_NO_REASON').map((p) => `${p.sheet}!${p.cell}`)).toEqual([`${P}!C7`]);
    at = step(at, typed(at.snapshot, ['C8', 1], ['D8', 1], ['E8', 1]), true);
    expect(at.analysis.problems.some((p) => p.code === 'PRIO_NO_REASON')).toBe(false);
  });

  test('the Prioritering rank of a name is that of its first werkblad row, and its problems keep their order before the name warnings', () => {
    // Buurtbus twice on the werkblad (the first unscored), twice on the Prioritering, and 7 there too
    const s = book(
      [...ROWS, ['Werk', 'buurtbus', 9, 9, 9], ['Werk', 7, 1, 1, 1]],
      [
        [1, 'Buurtbus', ''],
        ['x', 'Geveltuinen', ''],
        [3, 'BUURTBUS', ''],
        [4, 7, ''],
        [5, 'Onbekend', ''],
        [6, 7, ''],
      ],
    );
    let at = start(s);
    expect(at.analysis.prioritering!.entries.map((e) => e.autoRank)).toEqual([null, 2, null, 4, null, 4]);
    // the first Buurtbus row gets a total: rank 1 (the second, with more, keeps no say)
    at = step(at, typed(s, ['C9', 10], ['D9', 10], ['E9', 10]), true);
    expect(at.analysis.prioritering!.entries.map((e) => e.autoRank)).toEqual([1, 3, 1, 5, null, 5]);
    expect(codesAt(at.analysis, P, 'A6')).toEqual(['PRIO_BAD_PLACE']);
    expect(codesAt(at.analysis, P, 'B7')).toEqual(['PRIO_DUPLICATE']);
    expect(codesAt(at.analysis, P, 'B9')).toEqual(['PRIO_NOT_ON_WERKBLAD']);
    expect(codesAt(at.analysis, P, 'B10')).toEqual(['PRIO_DUPLICATE', 'NAME_NOT_COMPARABLE']);
    at = step(at, typed(at.snapshot, ['C9', null], ['D9', null], ['E9', null]), true);
    expect(at.analysis.prioritering!.entries.map((e) => e.autoRank)).toEqual([null, 2, null, 4, null, 4]);
  });

  test('a Prioritering of one entry follows its rank', () => {
    const s = book(ROWS, [[1, 'Stageplekken', '']]);
    const at = step(start(s), typed(s, ['C8', 10], ['D8', 10], ['E8', 10]), true);
    expect(at.analysis.prioritering!.entries.map((e) => e.autoRank)).toEqual([1]);
  });

  test('an entry twice and not on the werkblad: both problems at its cell, in the order found', () => {
    const s = book(ROWS, [...PRIO, [4, 'Onbekend', ''], [5, 'onbekend', '']]);
    const at = step(start(s), typed(s, ['C8', 10]), true);
    expect(codesAt(at.analysis, P, 'B9')).toEqual(['PRIO_DUPLICATE', 'PRIO_NOT_ON_WERKBLAD']);
  });

  test('an empty Prioritering stays empty; none at all stays none', () => {
    const s = book(ROWS);
    let at = step(start(s), typed(s, ['C9', 1]), true);
    expect(at.analysis.prioritering!.entries).toEqual([]);
    const without: WorkbookSnapshot = { sheets: [werkbladSheet({ rows: ROWS }), LONGLIST] };
    at = step(start(without), typed(without, ['C9', 1]), true);
    expect(at.analysis.prioritering).toBeNull();
    expect(at.analysis.checklist).toBeNull();
  });

  test('a score in the last row of the werkblad, and a score formula with its cached result', () => {
    const s = book(ROWS, PRIO);
    let at = step(start(s), typed(s, ['E9', 3]), true);
    at = step(
      at,
      withWerkblad(typed(at.snapshot, ['D9', 4]), (ws) => ({ ...ws, formulas: [...Array.from({ length: 8 }, () => []), [null, null, null, '=2+2']] })),
      true,
    );
    expect(at.analysis.werkblad!.rows[3].total).toBe(7);
  });

  test('the werkblad read with fewer trailing rows, or its formulas as new arrays, dropped or a score typed as a formula', () => {
    // trailing empty rows that the next read leaves out
    const trailing = withWerkblad(book(ROWS, PRIO), (ws) => ({ ...ws, values: [...ws.values, [], [null, null]] }));
    step(
      start(trailing),
      withWerkblad(typed(trailing, ['C9', 1]), (ws) => ({ ...ws, values: ws.values.slice(0, 9) })),
      true,
    );
    // Totalen formulas in F, the score of C9 a formula with its result
    const totals = Array.from({ length: 9 }, (_, i) => (i < 5 ? [] : [null, null, ...(i === 8 ? ['=1+2'] : [null]), null, null, `=SUM(C${i + 1}:E${i + 1})`]));
    const withFormulas = withWerkblad(book(ROWS, PRIO), (ws) => ({ ...ws, formulas: totals }));
    const at = start(withFormulas);
    // a new formulas array holding the same rows
    step(
      at,
      withWerkblad(typed(withFormulas, ['D9', 1]), (ws) => ({ ...ws, formulas: [...totals] })),
      true,
    );
    // no formulas read at all (a host that gives none): the Totalen formulas are gone, read in full
    step(
      at,
      withWerkblad(typed(withFormulas, ['D9', 1]), (ws) => ({ ...ws, formulas: undefined })),
      false,
    );
    // the score of C6 (5) typed as a formula with the same result
    const c6 = totals.map((line) => [...line]);
    c6[5][2] = '=2+3';
    step(
      at,
      withWerkblad(withFormulas, (ws) => ({ ...ws, formulas: c6 })),
      true,
    );
  });

  test('a chain of random score edits, each step from the one before, equals a full analysis', () => {
    const cell = fc.record({ row: fc.integer({ min: 6, max: 12 }), column: fc.constantFrom('C', 'D', 'E') });
    const value = fc.oneof(fc.integer({ min: -12, max: 12 }), fc.constantFrom<CellValue>(null, '', 'x', 2.5, '#N/A'));
    const rows: CellValue[][] = [
      ...ROWS,
      ['Groen', 'Geveltuinen', 2, 2, 2],
      ['Groen', null, null, null, null],
      ['Werk', 'Stageplekken', 1, null, null],
      ['Groen', 'Z', 0, 0, 0],
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, value), { minLength: 1, maxLength: 8 }), fc.boolean(), (edits, early) => {
        const now = early ? IN_2020 : NOW;
        let at = start(book(rows, PRIO), now);
        for (const [{ row, column }, v] of edits) at = step(at, typed(at.snapshot, [`${column}${row}`, v]), true, now);
      }),
      { numRuns: 60 },
    );
  });
});

describe('anything else: read in full, with the same result', () => {
  const s = () => book(ROWS, PRIO);

  test('a name, a weging, a cell right of Totalen, a title, a new row below', () => {
    for (const cells of [
      [['B6', 'Buurtbus']],
      [['A7', 'Werk']],
      [['C4', 2]],
      [['G6', 'notitie']],
      [['C5', 'uitleg']],
      [['A1', 'Werkblad koppelkansen kiezen – Noord']],
      [['C10', 4]],
      [
        ['C6', 1],
        ['B8', 'Groene daken'],
      ],
    ] as [string, CellValue][][]) {
      const base = s();
      step(start(base), typed(base, ...cells), false);
    }
  });

  test('a name and a score changed in the same row', () => {
    const base = s();
    step(start(base), typed(base, ['B7', 'Buurtbus'], ['C7', 9]), false);
    step(start(base), typed(base, ['A7', 'Werk'], ['D7', 9]), false);
  });

  test('a werkblad without factors read again, also unchanged', () => {
    const noFactors: WorkbookSnapshot = { sheets: [werkbladSheet({ factors: [], rows: [['Groen', 'Geveltuinen']] }), LONGLIST, checklistSheet()] };
    const at = start(noFactors);
    expect(at.analysis.werkblad).toBeNull();
    step(at, noFactors, false, IN_2020);
  });

  test('the last sheet removed', () => {
    const base = s();
    step(start(base), { sheets: base.sheets.slice(0, -1) }, false);
  });

  test('a row emptied or filled by its scores alone, and the last row emptied', () => {
    const base = book([...ROWS, [null, null, 3, null, null], ['Werk', 'Buurtbus', 1, 1, 1]], PRIO);
    const at = start(base);
    // row 10 holds only a score: without it the row is gone
    step(at, typed(base, ['C10', null]), false);
    // an empty row between (row 10 cleared above) gets a score: a new row
    const gap = typed(base, ['C10', null]);
    step(start(gap), typed(gap, ['D10', 1]), false);
    // the last row keeps its names: a score there is followed
    step(at, typed(base, ['C11', 5]), true);
    const lastScoresOnly = book([...ROWS, [null, null, 3, null, null]], PRIO);
    step(start(lastScoresOnly), typed(lastScoresOnly, ['C10', null]), false);
  });

  test('a score typed in a sub-heading row (merged across A:B), and a merge added or removed', () => {
    const merged = book([...ROWS, ['Fase 2', null, null, null, null], ['Werk', 'Buurtbus', 1, 1, 1]], PRIO, { merges: ['A10:B10'] });
    step(start(merged), typed(merged, ['C10', 3]), false);
    step(start(merged), typed(merged, ['C11', 3]), true);
    step(
      start(merged),
      withWerkblad(merged, (ws) => ({ ...ws, merges: [] })),
      false,
    );
    step(
      start(merged),
      withWerkblad(merged, (ws) => ({ ...ws, merges: ['A10:B10', 'A9:B9'] })),
      false,
    );
    // the same merges read again as new lists: followed; one moved to another row: read in full
    step(
      start(merged),
      withWerkblad(typed(merged, ['C11', 3]), (ws) => ({ ...ws, merges: ['A10:B10'] })),
      true,
    );
    step(
      start(merged),
      withWerkblad(merged, (ws) => ({ ...ws, merges: ['A9:B9'] })),
      false,
    );
    const plain = s();
    step(
      start(plain),
      withWerkblad(typed(plain, ['C9', 3]), (ws) => ({ ...ws, merges: [], noCachedResult: [] })),
      true,
    );
    // no lists where there were empty ones: the same
    const emptyLists = book(ROWS, PRIO, { merges: [], noCachedResult: [] });
    step(
      start(emptyLists),
      withWerkblad(typed(emptyLists, ['C9', 3]), (ws) => ({ ...ws, merges: undefined, noCachedResult: undefined })),
      true,
    );
    // a merge in the score columns only is no sub-heading: a score beside it is followed
    const scoreMerge = book(ROWS, PRIO, { merges: ['C9:D9'] });
    step(start(scoreMerge), typed(scoreMerge, ['E9', 3]), true);
    // nor is an opgave merged down over two rows (one column): a score in either row is followed
    const opgaveMerge = book(ROWS, PRIO, { merges: ['A6:A7'] });
    step(start(opgaveMerge), typed(opgaveMerge, ['C7', 8]), true);
    step(start(opgaveMerge), typed(opgaveMerge, ['C6', 8]), true);
  });

  test('the werkblad renamed in case, moved, or another sheet changed, added or its date system', () => {
    const base = s();
    const at = start(base);
    step(
      at,
      withWerkblad(typed(base, ['C9', 1]), (ws) => ({ ...ws, name: W.toUpperCase() })),
      false,
    );
    step(at, { ...base, sheets: [base.sheets[1], base.sheets[0], ...base.sheets.slice(2)] }, false);
    const prio = prioSheet([[1, 'Stageplekken', '']]);
    step(at, { ...base, sheets: base.sheets.map((x) => (x.name === P ? prio : x)) }, false);
    step(at, { ...base, sheets: [...base.sheets, { name: 'Notulen', values: [] }] }, false);
    step(at, { ...typed(base, ['C9', 1]), date1904: true }, false);
    step(at, { sheets: base.sheets.slice(1) }, false);
  });

  test('a score formula that gains or loses its cached result', () => {
    const f = (ws: SheetSnapshot, noCachedResult: string[] | undefined): SheetSnapshot => ({
      ...ws,
      formulas: [...Array.from({ length: 8 }, () => []), [null, null, '=A1']],
      noCachedResult,
    });
    const without = withWerkblad(s(), (ws) => f(ws, ['C9']));
    const at = start(without);
    expect(codesAt(at.analysis, W, 'C9')).toEqual(['SCORE_FORMULA_NO_RESULT']);
    step(
      at,
      withWerkblad(without, (ws) => f(ws, [])),
      false,
    );
    const withResult = withWerkblad(s(), (ws) => f(ws, undefined));
    step(
      start(withResult),
      withWerkblad(withResult, (ws) => f(ws, ['C9'])),
      false,
    );
  });

  test('a formula typed in a name cell, or into a score cell of a row above the koppelkansen', () => {
    const base = s();
    step(
      start(base),
      withWerkblad(base, (ws) => ({ ...ws, formulas: [...Array.from({ length: 5 }, () => []), [null, '=B7']] })),
      false,
    );
    step(
      start(base),
      withWerkblad(base, (ws) => ({ ...ws, formulas: [[], [], [], [null, null, '=1']] })),
      false,
    );
  });
});

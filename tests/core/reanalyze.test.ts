/**
 * The incremental analysis (src/core/reanalyze.ts) against the full one: for random
 * workbooks (the real template's sheets with random koppelkansen, scores, wegingen,
 * Prioritering entries and a random date) and random edits, `reanalyze` from the analysis
 * before the edit equals `analyze` of the snapshot after it, also over chains of edits.
 * Score edits must take the incremental path (checked: the longlist object is kept).
 */
import fc from 'fast-check';
import { analyze, type Analysis } from '../../src/core/analyze';
import { DEFAULT_LONGLIST } from '../../src/core/defaults';
import { CHECKLIST, PRIORITERING, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { reanalyze } from '../../src/core/reanalyze';
import { simulate } from '../../src/core/simulate';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';

const DAYS = [new Date('2026-11-28T10:00:00Z'), new Date('2030-06-01T10:00:00Z'), new Date('2020-01-01T10:00:00Z')];

const templates = new Map<number, WorkbookSnapshot>();
/** The real template with `factors` success factors (made once per count; never changed: tests copy what they change). */
function template(factors: number): WorkbookSnapshot {
  let t = templates.get(factors);
  if (!t) {
    t = simulate({ sheets: [] }, newWorkbookPlan({ factors: Array.from({ length: factors }, (_, i) => `F${i + 1}`), now: DAYS[0] }).plan.ops);
    templates.set(factors, t);
  }
  return t;
}

const score: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -10, max: 10 }) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.integer({ min: -30, max: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(2.5, -0.5) },
  { weight: 1, arbitrary: fc.constantFrom('x', '#N/B', ' 3') },
  { weight: 1, arbitrary: fc.boolean() },
);
const weight: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0, 0.5, 1, 1, 2, 3) },
  { weight: 1, arbitrary: fc.constantFrom(null, -1, 'x', true) },
);
const LL = DEFAULT_LONGLIST.slice(0, 4);
const opgave = fc.constantFrom<CellValue>(LL[0].opgave, LL[1].opgave, 'Onbekend', null, 'groen ');
const koppelkans = fc.constantFrom<CellValue>(...LL.map((e) => e.koppelkans), 'Eigen idee', 'eigen  idee', null, 'Nog een', 7);

interface Case {
  factors: number;
  weights: CellValue[];
  rows: CellValue[][];
  /** Rows (0-based among the koppelkansen) made a merged sub-heading. */
  headings: number[];
  prio: [CellValue, CellValue, CellValue][];
  /** The checklist's overstap date (C3) and the first item's status. */
  overstap: CellValue;
  status: CellValue;
  day: number;
}

const cases: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 5 }).chain((factors) =>
  fc.record({
    factors: fc.constant(factors),
    weights: fc.array(weight, { minLength: factors, maxLength: factors }),
    rows: fc.array(
      fc.tuple(opgave, koppelkans, fc.array(score, { minLength: factors, maxLength: factors })).map(([o, k, s]) => [o, k, ...s]),
      { minLength: 1, maxLength: 30 },
    ),
    headings: fc.array(fc.nat({ max: 29 }), { maxLength: 2 }),
    prio: fc.array(
      fc.tuple(
        fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constant<CellValue>(null), fc.constant<CellValue>('x')),
        koppelkans,
        fc.constantFrom<CellValue>('', '', 'Omdat het kan'),
      ),
      { maxLength: 8 },
    ),
    // serial dates of 2030 and 2045, a text, nothing
    overstap: fc.constantFrom<CellValue>(47484, 52963, 'morgen', null),
    status: fc.constantFrom<CellValue>('Klaar', 'Bezig', 'x', null),
    day: fc.nat({ max: DAYS.length - 1 }),
  }),
);

/** The template with the case's werkblad and Prioritering: fresh arrays for what changes, the other sheets shared. */
function build(c: Case): WorkbookSnapshot {
  const t = template(c.factors);
  return {
    ...t,
    sheets: t.sheets.map((s): SheetSnapshot => {
      if (s.name === SHEET_NAMES.werkblad) {
        const values = s.values.map((row) => [...row]);
        values[WERKBLAD.weightRow - 1] = [values[WERKBLAD.weightRow - 1][0], null, ...c.weights];
        c.rows.forEach((row, i) => (values[WERKBLAD.firstDataRow - 1 + i] = [...row]));
        const merges = [...new Set(c.headings.filter((h) => h < c.rows.length))].map((h) => `A${WERKBLAD.firstDataRow + h}:B${WERKBLAD.firstDataRow + h}`);
        return { ...s, values, merges: [...(s.merges ?? []), ...merges] };
      }
      if (s.name === SHEET_NAMES.checklist) {
        const values = s.values.map((row) => [...row]);
        values[CHECKLIST.dateRow - 1][CHECKLIST.valueColumn - 1] = c.overstap;
        values[CHECKLIST.firstRow - 1][2] = c.status;
        return { ...s, values };
      }
      if (s.name === SHEET_NAMES.prioritering) {
        const values = s.values.map((row) => [...row]);
        c.prio.forEach(([place, name, omdat], i) => (values[PRIORITERING.firstRow - 1 + i] = [place, name, omdat]));
        return { ...s, values };
      }
      return s;
    }),
  };
}

type Edit =
  | { kind: 'score'; row: number; factor: number; value: CellValue }
  | { kind: 'formula'; row: number; factor: number }
  | { kind: 'name'; row: number; value: CellValue }
  | { kind: 'weight'; factor: number; value: CellValue }
  | { kind: 'newRow'; factor: number; value: CellValue }
  | { kind: 'clearRow'; row: number }
  | { kind: 'prio'; value: CellValue };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('score' as const), row: fc.nat({ max: 40 }), factor: fc.nat({ max: 4 }), value: score }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('formula' as const), row: fc.nat({ max: 40 }), factor: fc.nat({ max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('name' as const), row: fc.nat({ max: 40 }), value: koppelkans }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('weight' as const), factor: fc.nat({ max: 4 }), value: weight }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newRow' as const), factor: fc.nat({ max: 4 }), value: score }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearRow' as const), row: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('prio' as const), value: koppelkans }) },
);

/** `s` after the edit, as an adapter reads it: the changed sheet and row are new objects, everything else shared. */
function applyEdit(s: WorkbookSnapshot, e: Edit, rows: number, factors: number): WorkbookSnapshot {
  const wsIndex = s.sheets.findIndex((x) => x.name === SHEET_NAMES.werkblad);
  const ws = s.sheets[wsIndex];
  const withSheet = (i: number, sheet: SheetSnapshot): WorkbookSnapshot => ({ ...s, sheets: s.sheets.map((x, j) => (j === i ? sheet : x)) });
  const setCell = (r: number, c: number, v: CellValue): SheetSnapshot => {
    const values = [...ws.values];
    const line = [...(values[r - 1] ?? [])];
    while (line.length < c) line.push(null);
    line[c - 1] = v;
    values[r - 1] = line;
    return { ...ws, values };
  };
  const dataRow = (n: number) => WERKBLAD.firstDataRow + (n % rows);
  const factorColumn = (n: number) => WERKBLAD.firstFactorColumn + (n % factors);
  switch (e.kind) {
    case 'score':
      return withSheet(wsIndex, setCell(dataRow(e.row), factorColumn(e.factor), e.value));
    case 'formula': {
      const r = dataRow(e.row);
      const c = factorColumn(e.factor);
      const sheet = setCell(r, c, null);
      const formulas = [...(ws.formulas ?? [])];
      const line = [...(formulas[r - 1] ?? [])];
      while (line.length < c) line.push(null);
      line[c - 1] = '=1+1';
      formulas[r - 1] = line;
      return withSheet(wsIndex, { ...sheet, formulas });
    }
    case 'name':
      return withSheet(wsIndex, setCell(dataRow(e.row), 2, e.value));
    case 'weight':
      return withSheet(wsIndex, setCell(WERKBLAD.weightRow, factorColumn(e.factor), e.value));
    case 'newRow':
      return withSheet(wsIndex, setCell(WERKBLAD.firstDataRow + rows, factorColumn(e.factor), e.value));
    case 'clearRow': {
      const values = [...ws.values];
      values[dataRow(e.row) - 1] = [];
      return withSheet(wsIndex, { ...ws, values });
    }
    case 'prio': {
      const pi = s.sheets.findIndex((x) => x.name === SHEET_NAMES.prioritering);
      const ps = s.sheets[pi];
      const values = [...ps.values];
      values[PRIORITERING.firstRow - 1] = [1, e.value, ''];
      return withSheet(pi, { ...ps, values });
    }
  }
}

describe('reanalyze equals a full analysis', () => {
  test('for random workbooks and a chain of random edits (scores mostly), each step from the one before', () => {
    fc.assert(
      fc.property(cases, fc.array(edit, { minLength: 1, maxLength: 6 }), (c, edits) => {
        const now = DAYS[c.day];
        let snapshot = build(c);
        let analysis: Analysis = analyze(snapshot, { now });
        for (const e of edits) {
          const next = applyEdit(snapshot, e, c.rows.length, c.factors);
          const got = reanalyze({ snapshot, analysis }, next, { now });
          expect(got).toEqual(analyze(next, { now }));
          snapshot = next;
          analysis = got;
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a typed score is followed incrementally (the longlist and layout are kept), with ranks, top and problems as a full read', () => {
    fc.assert(
      fc.property(cases, fc.nat({ max: 40 }), fc.nat({ max: 4 }), score, (c, row, factor, value) => {
        const now = DAYS[c.day];
        const snapshot = build(c);
        const analysis = analyze(snapshot, { now });
        const next = applyEdit(snapshot, { kind: 'score', row, factor, value }, c.rows.length, c.factors);
        const got = reanalyze({ snapshot, analysis }, next, { now });
        expect(got).toEqual(analyze(next, { now }));
        const line = c.rows[row % c.rows.length];
        const heading = c.headings.includes(row % c.rows.length);
        const unnamed = line[0] === null && line[1] === null;
        // rows without names may appear or vanish with their scores, sub-headings are no rows: those are read in full
        if (!heading && !unnamed && analysis.werkblad) expect(got.longlist).toBe(analysis.longlist);
      }),
      { numRuns: 300 },
    );
  });

  test('the checklist follows the date even when no cell changed', () => {
    const snapshot = build({
      factors: 2,
      weights: [1, 1],
      rows: [['Groen', 'Geveltuinen', 1, 2]],
      headings: [],
      prio: [],
      overstap: 47484,
      status: 'x',
      day: 0,
    });
    const analysis = analyze(snapshot, { now: DAYS[0] });
    // 2030's overstap: late in 2026, not yet in 2020
    expect(analysis.problems.filter((p) => p.sheet === SHEET_NAMES.checklist).map((p) => p.code)).toEqual(
      expect.arrayContaining(['CHECKLIST_LATE', 'CHECKLIST_BAD_STATUS']),
    );
    expect(reanalyze({ snapshot, analysis }, snapshot, { now: DAYS[2] }).problems.some((p) => p.code === 'CHECKLIST_DEADLINE')).toBe(true);
    for (const now of DAYS) expect(reanalyze({ snapshot, analysis }, snapshot, { now })).toEqual(analyze(snapshot, { now }));
  });

  test('a score that moves a koppelkans past the Prioritering order marks it, as a full read does', () => {
    const c: Case = {
      factors: 1,
      weights: [1],
      rows: [
        ['Groen', LL[0].koppelkans, 5],
        ['Groen', LL[1].koppelkans, 3],
      ],
      headings: [],
      prio: [
        [1, LL[0].koppelkans, ''],
        [2, LL[1].koppelkans, ''],
      ],
      overstap: null,
      status: null,
      day: 0,
    };
    const snapshot = build(c);
    const analysis = analyze(snapshot, { now: DAYS[0] });
    expect(analysis.prioritering!.entries.some((e) => e.needsReason)).toBe(false);
    const next = applyEdit(snapshot, { kind: 'score', row: 1, factor: 0, value: 9 }, 2, 1);
    const got = reanalyze({ snapshot, analysis }, next, { now: DAYS[0] });
    expect(got).toEqual(analyze(next, { now: DAYS[0] }));
    expect(got.prioritering!.entries.find((e) => e.needsReason)?.koppelkans).toBe(LL[0].koppelkans);
    expect(got.problems.some((p) => p.code === 'PRIO_NO_REASON')).toBe(true);
  });

  test('without an earlier analysis it is the full analysis', () => {
    const snapshot = build({ factors: 1, weights: [1], rows: [['Groen', 'Geveltuinen', 1]], headings: [], prio: [], overstap: null, status: null, day: 0 });
    expect(reanalyze(null, snapshot, { now: DAYS[0] })).toEqual(analyze(snapshot, { now: DAYS[0] }));
  });
});

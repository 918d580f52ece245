import { buildPlan, validationTargets } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import { newWorkbookPlan } from '../../src/core/template';
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES, PRIORITERING, NOTULEN, CHECKLIST, LONGLIST } from '../../src/core/layout';
import { LIJST_COLUMNS } from '../../src/core/keuzelijsten';
import { totalFormula } from '../../src/core/formulas';
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

function applyAndReplan(wb: WorkbookSnapshot, options = {}) {
  const first = buildPlan(wb, options);
  const after = simulate(wb, first.plan.ops);
  const second = buildPlan(after, options);
  return { first, after, second };
}

function cellOps(ops: PlanOp[], sheet: string) {
  return ops.filter((o) => o.kind === 'setCells' && o.sheet === sheet);
}

test('a plan for a workbook that already matches is empty (apply twice = apply once)', () => {
  const { first, second } = applyAndReplan(
    workbook({
      rows: [
        ['Groen', 'Geveltuinen', 1, 2, 3],
        ['Werk', 'Stageplekken voor wijkbewoners', 'x'],
      ],
    }),
  );
  expect(first.plan.ops.length).toBeGreaterThan(0);
  expect(second.plan.ops).toEqual([]);
});

test('missing sheets are created: Resultaat, Prioritering, WUP checklist, Notulen, Keuzelijsten (hidden)', () => {
  const { first, after } = applyAndReplan(workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] }));
  const added = first.plan.ops.filter((o) => o.kind === 'addSheet').map((o) => (o as { sheet: string }).sheet);
  expect(added).toEqual(
    expect.arrayContaining([SHEET_NAMES.resultaat, SHEET_NAMES.prioritering, SHEET_NAMES.checklist, SHEET_NAMES.notulen, SHEET_NAMES.lijsten]),
  );
  expect(first.plan.ops.find((o) => o.kind === 'addSheet' && o.sheet === SHEET_NAMES.lijsten)).toMatchObject({ hidden: true });
  expect(after.sheets.map((s) => s.name)).toContain(SHEET_NAMES.notulen);
});

test('every prepared row gets the Totalen formula, including an empty block below the data', () => {
  const { after, first } = applyAndReplan(workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] }));
  const ws = after.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
  const L = first.analysis.werkblad!.layout;
  expect(L.preparedEndRow).toBeGreaterThanOrEqual(6 + 99);
  for (const r of [6, 7, L.preparedEndRow]) expect(ws.formulas![r - 1][5]).toBe(totalFormula(L, r));
});

test('the werkblad gets dropdowns and validation on every prepared row, and weights ≥ 0', () => {
  const { first } = applyAndReplan(workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] }));
  const v = first.plan.ops.filter((o) => o.kind === 'setValidation' && o.sheet === SHEET_NAMES.werkblad) as Extract<PlanOp, { kind: 'setValidation' }>[];
  const byRange = Object.fromEntries(v.map((x) => [x.range, x.rule]));
  expect(byRange['A6:A105']).toMatchObject({ type: 'list' });
  expect(byRange['B6:B105']).toMatchObject({ type: 'list' });
  // the koppelkans list follows the row's opgave through its helper cells on Keuzelijsten (row 6 = the werkblad row)
  expect((byRange['B6:B105'] as { source: string }).source).toContain('Keuzelijsten!$S6');
  expect(byRange['C6:E105']).toMatchObject({ type: 'wholeNumber', min: -10, max: 10, strict: true });
  expect((byRange['C6:E105'] as { errorMessage: string }).errorMessage).toMatch(/heel getal van -10 tot en met 10/);
  expect(byRange['C4:E4']).toMatchObject({ type: 'decimal', min: 0 });
});

test('validations already present (read back by the adapter) are not written again', () => {
  const { after } = applyAndReplan(workbook({ rows: [['Groen', 'Geveltuinen', 1]] }));
  const targets = validationTargets(after);
  expect(targets.length).toBeGreaterThanOrEqual(5);
  const again = buildPlan(after);
  expect(again.plan.ops.filter((o) => o.kind === 'setValidation')).toEqual([]);
  // an adapter that cannot read validations gets them all written
  const blind = buildPlan({ sheets: after.sheets });
  expect(blind.plan.ops.filter((o) => o.kind === 'setValidation').length).toBe(targets.length);
});

test('team text in Prioritering, WUP checklist and Notulen survives every re-apply', () => {
  const { after } = applyAndReplan(
    workbook({
      rows: [
        ['Groen', 'Geveltuinen', 5, 5, 5],
        ['Werk', 'Stageplekken voor wijkbewoners', 1, 1, 1],
      ],
    }),
  );
  const edit = (name: string, row: number, col: number, v: string | number) => {
    const s = after.sheets.find((x) => x.name === name)!;
    while (s.values.length < row) s.values.push([]);
    s.values[row - 1][col - 1] = v;
  };
  const P = PRIORITERING.firstRow;
  edit(SHEET_NAMES.prioritering, P, 1, 1);
  edit(SHEET_NAMES.prioritering, P, 2, 'Stageplekken voor wijkbewoners');
  edit(SHEET_NAMES.prioritering, P, 3, '=Omdat werk voorgaat');
  edit(SHEET_NAMES.prioritering, P, 4, 'Fatima');
  edit(SHEET_NAMES.checklist, CHECKLIST.firstRow, 3, 'Klaar');
  edit(SHEET_NAMES.checklist, CHECKLIST.firstRow, 4, 'Grenzen vastgesteld door de raad');
  edit(SHEET_NAMES.notulen, NOTULEN.firstConclusionRow + 1, NOTULEN.conclusionColumn, 'We kiezen uit 12 koppelkansen.');
  edit(SHEET_NAMES.notulen, NOTULEN.firstRow, 8, '@iedereen: scores zijn voorlopig');
  const plan = buildPlan(after, { propose: true });
  const touched = plan.plan.ops.filter((o): o is Extract<PlanOp, { kind: 'setCells' }> => o.kind === 'setCells');
  for (const op of touched) {
    if (op.sheet === SHEET_NAMES.notulen) throw new Error('Notulen must never be rewritten');
    if (op.sheet === SHEET_NAMES.prioritering) expect(op.cell).not.toMatch(/^[A-D]/);
    if (op.sheet === SHEET_NAMES.checklist) expect(op.cell).not.toMatch(/^[A-E]([7-9]|[1-9]\d)$/);
  }
  const re = analyze(simulate(after, plan.plan.ops));
  expect(re.prioritering!.entries[0]).toMatchObject({
    koppelkans: 'Stageplekken voor wijkbewoners',
    omdat: '=Omdat werk voorgaat',
    verantwoordelijke: 'Fatima',
  });
  expect(re.checklist!.items[0].status).toBe('Klaar');
});

test('a deviation from the automatic rank without a reason is flagged; with a reason it is not', () => {
  const { after } = applyAndReplan(
    workbook({
      rows: [
        ['Groen', 'Geveltuinen', 5, 5, 5],
        ['Werk', 'Stageplekken voor wijkbewoners', 1, 1, 1],
      ],
    }),
  );
  const prio = after.sheets.find((x) => x.name === SHEET_NAMES.prioritering)!;
  prio.values[PRIORITERING.firstRow - 1] = [1, 'Stageplekken voor wijkbewoners'];
  prio.values[PRIORITERING.firstRow] = [2, 'Geveltuinen', 'Past bij groenbeleid'];
  const a = analyze(after);
  const flagged = a.problems.filter((p) => p.code === 'PRIO_NO_REASON');
  expect(flagged).toHaveLength(1);
  expect(flagged[0].cell).toBe(`C${PRIORITERING.firstRow}`);
  expect(a.prioritering!.entries.map((e) => [e.autoRank, e.needsReason])).toEqual([
    [2, true],
    [1, false],
  ]);
});

test('koppelkansen that share a rank may take any of its places without a reason', () => {
  const { after } = applyAndReplan(
    workbook({
      rows: [
        ['Groen', 'Geveltuinen', 5, 5, 5],
        ['Werk', 'Stageplekken voor wijkbewoners', 5, 5, 5],
        ['Werk', 'Leerwerkplekken', 1, 1, 1],
      ],
    }),
  );
  const prio = after.sheets.find((x) => x.name === SHEET_NAMES.prioritering)!;
  prio.values[PRIORITERING.firstRow - 1] = [1, 'Stageplekken voor wijkbewoners'];
  prio.values[PRIORITERING.firstRow] = [2, 'Geveltuinen'];
  prio.values[PRIORITERING.firstRow + 1] = [3, 'Leerwerkplekken'];
  let a = analyze(after);
  expect(a.prioritering!.entries.map((e) => [e.autoRank, e.deviates])).toEqual([
    [1, false],
    [1, false],
    [3, false],
  ]);
  expect(a.problems.filter((p) => p.code === 'PRIO_NO_REASON')).toEqual([]);
  // the third moved into the shared places: only the one that moved needs a reason
  prio.values[PRIORITERING.firstRow] = [2, 'Leerwerkplekken'];
  prio.values[PRIORITERING.firstRow + 1] = [3, 'Geveltuinen'];
  a = analyze(after);
  expect(a.problems.filter((p) => p.code === 'PRIO_NO_REASON').map((p) => p.cell)).toEqual([`C${PRIORITERING.firstRow + 1}`]);
});

test('--propose fills an empty Prioritering with the automatic order, once', () => {
  const wb = workbook({
    rows: [
      ['Groen', 'Geveltuinen', 1, 1, 1],
      ['Werk', 'Stageplekken voor wijkbewoners', 9, 9, 9],
    ],
  });
  const { after, second } = applyAndReplan(wb, { propose: true });
  expect(second.plan.ops).toEqual([]);
  const a = analyze(after);
  expect(a.prioritering!.entries.map((e) => [e.place, e.koppelkans])).toEqual([
    [1, 'Stageplekken voor wijkbewoners'],
    [2, 'Geveltuinen'],
  ]);
});

test('without --propose the Prioritering stays empty', () => {
  const { after } = applyAndReplan(workbook({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }));
  expect(analyze(after).prioritering!.entries).toEqual([]);
});

test('text from the longlist that starts with = + - @ is written as text, never as a formula', () => {
  const wb = workbook({ rows: [['Groen', 'Geveltuinen', 1]] });
  wb.sheets[1].values.push(['=Groen', '+31 groen', ''], ['@wijk', '-min', '']);
  wb.sheets.splice(1, 1); // no longlist in the workbook: the default one is added
  const plan = buildPlan(wb).plan.ops;
  for (const op of plan) {
    if (op.kind !== 'setCells') continue;
    for (const line of op.cells) for (const c of line) if ('formula' in c) expect(c.formula.startsWith('=')).toBe(true);
  }
  // the team's own longlist with risky text is kept as text in Resultaat's static part
  const wb2 = workbook({ rows: [['Groen', '=HYPERLINK("x")', 'oops']] });
  const ops = buildPlan(wb2).plan.ops.filter((o) => o.kind === 'setCells' && o.sheet === SHEET_NAMES.resultaat) as Extract<PlanOp, { kind: 'setCells' }>[];
  const cells = ops.flatMap((o) => o.cells.flat());
  expect(cells).toContainEqual({ text: '=HYPERLINK("x")' });
});

test('a cell with the team’s own text in the Totalen column is not overwritten and is reported', () => {
  const wb = workbook({ rows: [['Groen', 'Geveltuinen', 1, 1, 1, 'zie notitie']] });
  const res = buildPlan(wb);
  expect(res.problems.some((p) => p.code === 'CELL_OCCUPIED' && p.cell === 'F6')).toBe(true);
  const after = simulate(wb, res.plan.ops);
  expect(after.sheets[0].values[5][5]).toBe('zie notitie');
});

test('a workbook without a longlist gets the default longlist sheet', () => {
  const wb: WorkbookSnapshot = { sheets: [workbook({ rows: [['Groen', 'Geveltuinen', 1]] }).sheets[0]] };
  const res = buildPlan(wb);
  expect(res.problems.some((p) => p.code === 'LONGLIST_MISSING')).toBe(true);
  const after = simulate(wb, res.plan.ops);
  expect(analyze(after).longlistInWorkbook).toBe(true);
  expect(buildPlan(after).plan.ops).toEqual([]);
});

test('a workbook that is not a Koppelkansen workbook gets an empty plan', () => {
  const res = buildPlan({ sheets: [{ name: 'Begroting', values: [['x']] }] });
  expect(res.plan.ops).toEqual([]);
  expect(res.problems[0].code).toBe('NOT_KOPPELKANSEN');
});

test('a new workbook plan is complete and idempotent', () => {
  const res = newWorkbookPlan({ wijk: 'Lelystad Oost', now: new Date('2026-11-28') });
  const after = simulate({ sheets: [] }, res.plan.ops);
  expect(after.sheets.map((s) => s.name)).toEqual([
    SHEET_NAMES.werkblad,
    SHEET_NAMES.longlist,
    SHEET_NAMES.lijsten,
    SHEET_NAMES.resultaat,
    SHEET_NAMES.prioritering,
    SHEET_NAMES.checklist,
    SHEET_NAMES.notulen,
  ]);
  const a = analyze(after);
  expect(a.kind).toBe('koppelkansen');
  expect(a.werkblad!.factors).toHaveLength(8);
  expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(a.checklist!.items).toHaveLength(15);
  expect(a.checklist!.items.every((i) => i.status === 'To do')).toBe(true);
  expect(buildPlan(after, { now: new Date('2026-11-28') }).plan.ops).toEqual([]);
  expect(cellOps(res.plan.ops, SHEET_NAMES.werkblad).length).toBeGreaterThan(0);
});

test('planning after an edit sees the same workbook: simulate keeps the date system, merges and live formulas', () => {
  const snapshot: WorkbookSnapshot = {
    date1904: true,
    sheets: [{ name: 'Blad1', values: [['a']], formulas: [], merges: ['C5:F5'], liveFormulas: true }],
  };
  const after = simulate(snapshot, [{ kind: 'setCells', sheet: 'Blad1', cell: 'A2', cells: [[{ text: 'b' }]] }]);
  expect(after.date1904).toBe(true);
  expect(after.sheets[0]).toMatchObject({ merges: ['C5:F5'], liveFormulas: true, values: [['a'], ['b']] });
  expect(snapshot.sheets[0].values).toEqual([['a']]);
});

describe('dropdown lists sized to the longlist (regression: fixed at 40 opgaven × 100 koppelkansen)', () => {
  const C = LIJST_COLUMNS;
  /** A longlist of `n` rows over `opgaven` opgaven, not grouped (row i has opgave i mod opgaven). */
  const longlist = (n: number, opgaven: number) => ({
    name: SHEET_NAMES.longlist,
    values: [['Opgave', 'Koppelkans', 'Toelichting'], ...Array.from({ length: n }, (_, i) => [`Opgave ${(i % opgaven) + 1}`, `Koppelkans ${i + 1}`, ''])],
  });
  const lijsten = (wb: WorkbookSnapshot) => {
    const { after } = applyAndReplan(wb);
    return after.sheets.find((s) => s.name === SHEET_NAMES.lijsten)!;
  };
  const at = (ws: { values: unknown[][] }, r: number, c: number) => ws.values[r - 1]?.[c - 1];

  test('266 opgaven on 1,000 longlist rows: the opgave list holds all 266, the block covers every row', () => {
    const wb = workbook({ rows: [['Opgave 266', 'Koppelkans 266', 1, 1, 1]] });
    wb.sheets[1] = longlist(1000, 266);
    const ws = lijsten(wb);
    // the block covers every longlist row plus spare rows; its last row holds the count of distinct opgaven
    const end = ws.values.findIndex((row, i) => i > 0 && at(ws, i + 1, C.distinct) === 266 && at(ws, i + 2, C.distinct) === undefined) + 1;
    expect(end).toBeGreaterThanOrEqual(1001);
    const opgaven = Array.from({ length: 266 }, (_, i) => at(ws, 2 + i, C.dOpgave));
    expect(opgaven).toEqual(Array.from({ length: 266 }, (_, i) => `Opgave ${i + 1}`));
    expect(analyze(wb).problems.map((p) => p.code)).not.toContain('LONGLIST_TOO_MANY_OPGAVEN');
  });

  test('a longlist past the formulas\u2019 limit is warned about, naming the first row not covered', () => {
    const n = LONGLIST.maxCapacity + 5;
    const wb = workbook({ rows: [['Opgave 1', 'Koppelkans 1', 1, 1, 1]] });
    wb.sheets[1] = longlist(n, 3);
    const p = analyze(wb).problems.find((x) => x.code === 'LONGLIST_TOO_MANY_OPGAVEN');
    expect(p).toMatchObject({ sheet: SHEET_NAMES.longlist, cell: `B${LONGLIST.maxCapacity + 2}` });
    expect(p!.message).toContain(n.toString());
  });
});

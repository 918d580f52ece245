/**
 * Formula cells without a cached result (`SheetSnapshot.noCachedResult`: a file's `<f>`
 * without `<v>`). Their value reads as null, exactly like a cached empty text or, through
 * ExcelJS, a cached 0, so the planner took such a product formula for one that was already
 * right and left it without a value: a file in Protected View showed an empty Totalen.
 */
import { cellAddress, columnLetter } from '../../src/core/a1';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import type { CellInput, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const NOW = new Date('2026-11-28T12:00:00Z');

/** The workbook prepared once (the plan simulated), with its formula cells. */
function prepared(): WorkbookSnapshot {
  const wb = workbook({
    rows: [
      ['Groen', 'Geveltuinen', 1, 2, 3],
      ['Werk', 'Stageplekken voor wijkbewoners', null, null, null],
    ],
  });
  const after = simulate(wb, buildPlan(wb, { now: NOW }).plan.ops);
  expect(buildPlan(after, { now: NOW }).plan.ops).toEqual([]);
  return after;
}

/** Every formula cell of a sheet, as A1 addresses. */
function formulaCells(sheet: SheetSnapshot): string[] {
  const out: string[] = [];
  (sheet.formulas ?? []).forEach((line, r) => line?.forEach((f, c) => f && out.push(cellAddress(r + 1, c + 1))));
  return out;
}

/** The formula cells a plan writes, with whether each carries a cached result: "Sheet!A1" → has result. */
function writtenFormulas(ops: PlanOp[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const op of ops) {
    if (op.kind !== 'setCells') continue;
    const m = /^([A-Z]+)(\d+)$/.exec(op.cell)!;
    const col0 = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    op.cells.forEach((line: CellInput[], i) =>
      line.forEach((c, j) => {
        if ('formula' in c) out.set(`${op.sheet}!${cellAddress(Number(m[2]) + i, col0 + j)}`, c.result !== undefined);
      }),
    );
  }
  return out;
}

const withMissing = (wb: WorkbookSnapshot, missing: Record<string, string[]>): WorkbookSnapshot => ({
  ...wb,
  sheets: wb.sheets.map((s) => (missing[s.name] ? { ...s, noCachedResult: missing[s.name] } : s)),
});

test('noCachedResult: every product formula the file holds without a cached result is written again with the engine value, and only those', () => {
  const ready = prepared();
  const ws = ready.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
  const totalen = columnLetter(6);
  expect(ws.values[2][5]).toBe(WERKBLAD.totalenLabel);
  // an unscored row's total is "" (value null) and a scored one's is 13: both read the same way as "no result" would
  const missing: Record<string, string[]> = { [SHEET_NAMES.werkblad]: [`${totalen}6`, `${totalen}7`] };
  for (const name of [SHEET_NAMES.resultaat, SHEET_NAMES.lijsten, SHEET_NAMES.prioritering, SHEET_NAMES.checklist]) {
    missing[name] = formulaCells(ready.sheets.find((s) => s.name === name)!);
    expect(missing[name].length).toBeGreaterThan(0);
  }
  const plan = buildPlan(withMissing(ready, missing), { now: NOW }).plan.ops;
  const written = writtenFormulas(plan);
  const want = Object.entries(missing).flatMap(([sheet, cells]) => cells.map((c) => `${sheet}!${c}`));
  // each of them written, each with its cached result, and no formula that had one
  expect(want.filter((x) => written.get(x) !== true)).toEqual([]);
  expect([...written.keys()].filter((x) => !want.includes(x))).toEqual([]);
  // the result of writing them: nothing left without a value, nothing more to do
  const after = simulate(withMissing(ready, missing), plan);
  expect(after.sheets.filter((s) => s.noCachedResult?.length).map((s) => s.name)).toEqual([]);
  expect(buildPlan(after, { now: NOW }).plan.ops).toEqual([]);
});

test('noCachedResult: not written on a locked cell of a protected sheet (the protection would refuse the whole plan for it), written where the team unlocked it', () => {
  const ready = prepared();
  const missing = { [SHEET_NAMES.werkblad]: ['F6', 'F7'] };
  const protect = (unlocked: string[]): WorkbookSnapshot => ({
    ...withMissing(ready, missing),
    sheets: withMissing(ready, missing).sheets.map((s) => (s.name === SHEET_NAMES.werkblad ? { ...s, protection: { protected: true, unlocked } } : s)),
  });
  expect([...writtenFormulas(buildPlan(protect([]), { now: NOW }).plan.ops).keys()]).toEqual([]);
  expect([...writtenFormulas(buildPlan(protect(['F7:F7']), { now: NOW }).plan.ops).keys()]).toEqual([`${SHEET_NAMES.werkblad}!F7`]);
});

test('simulate keeps noCachedResult as a file would: a formula written without a result is added, anything written over it removes it, a column insert moves it', () => {
  const base: WorkbookSnapshot = { sheets: [{ name: 'Blad', values: [], formulas: [], noCachedResult: ['B2'] }] };
  const after = simulate(base, [
    { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[{ formula: '=1' }, { formula: '=""', result: '' }, { formula: '=2' }]] },
    { kind: 'setCells', sheet: 'Blad', cell: 'C1', cells: [[{ text: 'tekst' }]] },
  ]);
  expect(after.sheets[0].noCachedResult).toEqual(['B2', 'A1']);
  const shifted = simulate(after, [
    { kind: 'insertColumns', sheet: 'Blad', column: 'B', count: 2 },
    { kind: 'setCells', sheet: 'Blad', cell: 'D2', cells: [[{ formula: '=3', result: 3 }]] },
  ]);
  expect(shifted.sheets[0].noCachedResult).toEqual(['A1']);
  // the snapshot it started from is left as it was
  expect(base.sheets[0].noCachedResult).toEqual(['B2']);
});

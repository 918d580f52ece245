/**
 * Adding and removing a succesfactor by whole columns (issue 11, step 4): with
 * `shiftColumns` (a port that can insert and delete columns) factors.ts emits
 * insertColumns/deleteColumns, so Totalen and everything right of it move as Excel moves
 * them: the team's own column right of Totalen and the references to the werkblad from
 * the team's formulas there and on another sheet still point at the same data. Each edit is
 * applied as the pane does it (the edit, the engine's plan on top, one batch) through the
 * memory adapter, and the same plan through `simulate` must give the same workbook.
 */
import { columnLetter } from '../../src/core/a1';
import { DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { addFactorEdit, factorsEdit, readFactorInfo, removeFactorEdit, renameFactorEdit, type FactorSpec } from '../../src/core/factors';
import { totalFormula } from '../../src/core/formulas';
import { COLORS, RESULTAAT, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { buildPlan, planWithEdit, validationTargets } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import type { EditResult } from '../../src/core/edits';
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook, type State } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const OWN = 'Eigen blad';
const NAMES = DEFAULT_SUCCESFACTOREN.map((f) => f.naam);
const SHIFT = { shiftColumns: true };
/** Row 6 scores 1..8, row 7 scores 8..1 (factors C..J); E4 weighs 2. */
const ROW6 = [1, 2, 3, 4, 5, 6, 7, 8];
const ROW7 = [8, 7, 6, 5, 4, 3, 2, 1];
const col = (factor: number) => columnLetter(WERKBLAD.firstFactorColumn + factor);

/**
 * The template with two scored rows and what a team builds around it: a column of its own
 * right of Totalen (L: a header, a formula on the 5th factor's score, one on Totalen) and a
 * sheet of its own with formulas on the werkblad (a score, a total, a sum over the scores).
 * Built once for this file; each test gets a clone (MemoryWorkbook.clone).
 */
async function teamWorkbook(): Promise<MemoryWorkbook> {
  team ??= buildTeamWorkbook();
  return (await team).clone();
}
let team: Promise<MemoryWorkbook> | undefined;

async function buildTeamWorkbook(): Promise<MemoryWorkbook> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: WS, cell: 'C6', cells: [ROW6.map((n) => ({ number: n })), ROW7.map((n) => ({ number: n }))] },
      { kind: 'setCells', sheet: WS, cell: 'E4', cells: [[{ number: 2 }]] },
      { kind: 'setCells', sheet: WS, cell: 'L3', cells: [[{ text: 'Eigen' }]] },
      { kind: 'setCells', sheet: WS, cell: 'L6', cells: [[{ formula: '=G6*10' }, { formula: '=K6' }]] },
      { kind: 'addSheet', sheet: OWN },
      {
        kind: 'setCells',
        sheet: OWN,
        cell: 'A1',
        cells: [[{ formula: `='${WS}'!G6` }], [{ formula: `='${WS}'!K7` }], [{ formula: `=SUM('${WS}'!C6:J6)` }], [{ formula: `=SUM('${WS}'!$C$7:$J$7)*2` }]],
      },
    ],
  });
  return wb;
}

/** Non-empty cells of every sheet as "sheet!row,col" → [value, formula]: two workbooks compare cell by cell. */
function cells(snapshot: WorkbookSnapshot): Map<string, [unknown, string | null]> {
  const out = new Map<string, [unknown, string | null]>();
  for (const s of snapshot.sheets) {
    const rows = Math.max(s.values.length, s.formulas?.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(s.values[r]?.length ?? 0, s.formulas?.[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const v = s.values[r]?.[c] ?? null;
        const f = s.formulas?.[r]?.[c] ?? null;
        if ((v === null || v === '') && !f) continue;
        out.set(`${s.name}!${r + 1},${c + 1}`, [v, f]);
      }
    }
  }
  return out;
}

/** Applies `build` as the pane does; checks the same plan through simulate gives the same workbook, and returns the ops of the edit. */
async function paneEdit(wb: MemoryWorkbook, build: (s: State) => EditResult): Promise<PlanOp[]> {
  const s = await state(wb);
  const res = build(s);
  if (!res.ok) throw new Error(res.message);
  const plan = planWithEdit(s.snapshot, res.ops, { now: NOW }).plan;
  const simulated = simulate(s.snapshot, plan.ops);
  const applied = await wb.apply(plan);
  expect(applied.conflicts).toEqual([]);
  expect(cells(await wb.readSnapshot())).toEqual(cells(simulated));
  return res.ops;
}

/** Nothing left to plan (formulas, validations, the formula stamp): the product sees its own workbook, not one edited by hand. */
async function expectPlanned(wb: MemoryWorkbook): Promise<void> {
  const snapshot = await wb.readSnapshot({ validationTargets: (s) => validationTargets(s, { now: NOW }) });
  expect(buildPlan(snapshot, { now: NOW }).plan.ops).toEqual([]);
}

const kinds = (ops: PlanOp[]) => ops.map((o) => o.kind).filter((k) => k === 'insertColumns' || k === 'deleteColumns');

describe('removing a factor deletes its column', () => {
  test("in the middle: every other factor keeps its scores, weight and waarom; Totalen, Resultaat and the team's formulas stay right", async () => {
    const wb = await teamWorkbook();
    const before = await state(wb);
    const totals = before.analysis.werkblad!.rows.map((r) => r.total!);
    const ops = await paneEdit(wb, (s) => removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3, SHIFT)); // F, the 4th factor
    // guarded by the column as read (rows 1–7): a colleague's change to it refuses the plan
    expect(ops).toEqual([
      { kind: 'deleteColumns', sheet: WS, column: 'F', count: 1, expect: [[null], [null], [NAMES[3]], [1], [DEFAULT_SUCCESFACTOREN[3].waarom], [4], [5]] },
    ]);

    const row = (r: number, n: number) => Array.from({ length: n }, (_, i) => wb.getCell(WS, `${col(i)}${r}`));
    expect(row(3, 8)).toEqual([...NAMES.slice(0, 3), ...NAMES.slice(4), 'Totalen']);
    expect(row(4, 7)).toEqual([1, 1, 2, 1, 1, 1, 1]);
    expect(row(5, 7)).toEqual([...DEFAULT_SUCCESFACTOREN.slice(0, 3), ...DEFAULT_SUCCESFACTOREN.slice(4)].map((f) => f.waarom));
    expect(row(6, 7)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(row(7, 7)).toEqual([8, 7, 6, 4, 3, 2, 1]);

    const after = await state(wb);
    const L = after.analysis.werkblad!.layout;
    expect(L.totalenColumn).toBe(10); // J
    for (const r of [6, 7, WERKBLAD.firstDataRow + 99]) expect(wb.getFormula(WS, `J${r}`)).toBe(totalFormula(L, r));
    expect(after.analysis.werkblad!.rows.map((r) => r.total)).toEqual([totals[0] - 4, totals[1] - 5]);
    expect(wb.getCell(WS, 'J6')).toBe(totals[0] - 4);
    // the score validation shrank with the block; the weights keep theirs
    expect(wb.getValidation(WS, 'I6')).toMatchObject({ type: 'wholeNumber', min: -10, max: 10 });
    expect(wb.getValidation(WS, 'J6')).toBeNull();
    expect(wb.getValidation(WS, 'I4')).toMatchObject({ type: 'decimal', min: 0 });
    // Resultaat's top follows the new totals, highest first
    const top = after.analysis.top.map((e) => e.total);
    expect(top).toEqual([...totals.map((t, i) => t - [4, 5][i])].sort((a, b) => b - a));
    for (let i = 0; i < top.length; i++) expect(wb.getCell(SHEET_NAMES.resultaat, `D${RESULTAAT.firstRow + i}`)).toBe(top[i]);

    // the team's own column moved from L to K and still reads the 5th factor and Totalen
    expect(wb.getCell(WS, 'K3')).toBe('Eigen');
    expect(wb.getFormula(WS, 'K6')).toBe('=F6*10');
    expect(wb.getCell(WS, 'F6')).toBe(5);
    expect(wb.getFormula(WS, 'L6')).toBe('=J6');
    expect(wb.getFormula(WS, 'M6')).toBeNull();
    // and so does its own sheet
    expect([1, 2, 3, 4].map((r) => wb.getFormula(OWN, `A${r}`))).toEqual([`='${WS}'!F6`, `='${WS}'!J7`, `=SUM('${WS}'!C6:I6)`, `=SUM('${WS}'!$C$7:$I$7)*2`]);
    await expectPlanned(wb);
  });

  test('the first and the last factor, and two neighbours at once (one delete of two columns)', async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    const edit = (next: FactorSpec[]) => factorsEdit(s.ctx.sheet, s.ctx.werkblad, next, SHIFT);
    const keep = (...i: number[]) => i.map((from) => ({ from }));
    expect(edit(keep(1, 2, 3, 4, 5, 6, 7))).toMatchObject({ ok: true, ops: [{ kind: 'deleteColumns', column: 'C', count: 1 }] });
    expect(edit(keep(0, 1, 2, 3, 4, 5, 6))).toMatchObject({ ok: true, ops: [{ kind: 'deleteColumns', column: 'J', count: 1 }] });
    expect(edit(keep(0, 1, 4, 5, 6, 7))).toMatchObject({ ok: true, ops: [{ kind: 'deleteColumns', column: 'E', count: 2 }] });
    // two apart: right first, so the left one's letter still holds
    const apart = edit(keep(0, 2, 3, 5, 6, 7));
    expect(apart.ok && apart.ops).toEqual([
      { kind: 'deleteColumns', sheet: WS, column: 'G', count: 1, expect: expect.any(Array) },
      { kind: 'deleteColumns', sheet: WS, column: 'D', count: 1, expect: expect.any(Array) },
    ]);
    await paneEdit(wb, (x) => factorsEdit(x.ctx.sheet, x.ctx.werkblad, keep(0, 2, 3, 5, 6, 7), SHIFT));
    expect(Array.from({ length: 6 }, (_, i) => wb.getCell(WS, `${col(i)}6`))).toEqual([1, 3, 4, 6, 7, 8]);
    expect(wb.getCell(WS, 'I3')).toBe('Totalen');
    expect(wb.getFormula(WS, 'J6')).toBe('=#REF!*10'); // the team's formula on a removed factor: as Excel leaves it
    await expectPlanned(wb);
  });

  test('the confirmation accounts for exactly the cells that go: the scores counted, a formula and an empty-looking formula far down named', async () => {
    const wb = await teamWorkbook();
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: 'A8', cells: [[{ text: 'Werk' }, { text: 'Eigen kans' }]] },
        { kind: 'setCells', sheet: WS, cell: 'F8', cells: [[{ formula: '=1+1' }]] },
        // a formula that shows nothing, far below the last koppelkans row (which counts values only)
        { kind: 'setCells', sheet: WS, cell: 'F300', cells: [[{ formula: '=""' }]] },
      ],
    });
    const s = await state(wb);
    const info = readFactorInfo(s.ctx.sheet, s.ctx.werkblad);
    expect(info.map((f) => f.scores)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    // the formulas are the team's own content, not scores: named by cell (issue 11 audit, gap B)
    expect(info[3].other.map((c) => [c.cell, c.text])).toEqual([
      ['F8', '=1+1'],
      ['F300', '=""'],
    ]);
    const scoreCells = (snapshot: WorkbookSnapshot) =>
      [...cells(snapshot).keys()].filter((k) => k.startsWith(`${WS}!`) && Number(k.split('!')[1].split(',')[0]) >= WERKBLAD.firstDataRow).length;
    const countBefore = scoreCells(s.snapshot);
    // a bare deleteColumns, so the plan's Totalen rows do not blur the count
    await wb.apply({ ops: removeFactorOps(s) });
    expect(countBefore - scoreCells(await wb.readSnapshot())).toBe(info[3].scores + info[3].other.length);
  });

  test('a cell above the factor (rows 1–2) would go with the column: refused, naming sheet and cell, nothing written', async () => {
    const wb = await teamWorkbook();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'F2', cells: [[{ text: 'let op' }]] }] });
    const s = await state(wb);
    expect(removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3, SHIFT)).toEqual({
      ok: false,
      message: `${WS}!F2 bevat “let op”; die cel zou verdwijnen met de kolom van “${NAMES[3]}”. Verplaats wat daar staat en probeer het opnieuw.`,
    });
    expect(removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 4, SHIFT).ok).toBe(true);
  });
});

function removeFactorOps(s: State): PlanOp[] {
  const res = removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3, SHIFT);
  if (!res.ok) throw new Error(res.message);
  return res.ops;
}

describe('a colleague at work at the same time (the column ops are guarded)', () => {
  test("regression: a score a colleague typed in the removed factor's column after the pane read is not deleted with it: the whole edit is refused, naming the cell", async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    const res = removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3, SHIFT); // F
    if (!res.ok) throw new Error(res.message);
    const plan = planWithEdit(s.snapshot, res.ops, { now: NOW }).plan;
    // the colleague scores F8 (a row with no koppelkans yet) between the pane's read and its write
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'F8', cells: [[{ number: 9 }]] }] });
    const before = await wb.readSnapshot();
    await expect(wb.apply(plan)).rejects.toThrow(new RegExp(`${WS}!F8 is veranderd .*was leeg, nu “9”.*niet verwijderd`));
    expect(await wb.readSnapshot()).toEqual(before);
  });

  test("adding a factor is refused when a colleague added one first (Totalen is no longer where the pane read it); the colleague's factor stays", async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    const res = addFactorEdit(s.ctx.sheet, s.ctx.werkblad, 'Buurtbudget', '', 1, SHIFT);
    if (!res.ok) throw new Error(res.message);
    const plan = planWithEdit(s.snapshot, res.ops, { now: NOW }).plan;
    await mustEdit(wb, (x) => addFactorEdit(x.ctx.sheet, x.ctx.werkblad, 'Groen', '', 1, SHIFT));
    const before = await wb.readSnapshot();
    await expect(wb.apply(plan)).rejects.toThrow(new RegExp(`${WS}!K3 is veranderd .*was “Totalen”, nu “Groen”.*niet ingevoegd`));
    expect(await wb.readSnapshot()).toEqual(before);
  });
});

describe('adding a factor inserts a column at its place', () => {
  test.each([
    ['at the start', 0],
    ['in the middle', 4],
    ['at the end', 8],
  ])("%s: the others keep their scores; Totalen, the team's column and its references move one right", async (_, at) => {
    const wb = await teamWorkbook();
    const before = await state(wb);
    const totals = before.analysis.werkblad!.rows.map((r) => r.total);
    const next: FactorSpec[] = NAMES.map((_, from) => ({ from }));
    next.splice(at, 0, { name: 'Zichtbaar voor bewoners', weging: 3, waarom: 'Bewoners zien snel resultaat.' });
    const ops = await paneEdit(wb, (s) => factorsEdit(s.ctx.sheet, s.ctx.werkblad, next, SHIFT));
    // guarded by the place as read: rows 1–3 of the column the insert pushes right
    expect(ops[0]).toEqual({
      kind: 'insertColumns',
      sheet: WS,
      column: col(at),
      count: 1,
      expect: [[null], [null], [at < NAMES.length ? NAMES[at] : 'Totalen']],
    });
    expect(kinds(ops)).toEqual(['insertColumns']);

    const moved = (factor: number) => col(factor + (factor >= at ? 1 : 0));
    expect([3, 4, 5].map((r) => wb.getCell(WS, `${col(at)}${r}`))).toEqual(['Zichtbaar voor bewoners', 3, 'Bewoners zien snel resultaat.']);
    expect(wb.getCell(WS, `${col(at)}6`)).toBeNull();
    expect(wb.getStyle(WS, `${col(at)}3`)).toMatchObject({ bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont });
    expect(wb.getStyle(WS, `${col(at)}6`)).not.toHaveProperty('fill');
    expect(wb.getColumnWidth(WS, col(at))).toBe(WERKBLAD.factorWidth);
    expect(wb.getValidation(WS, `${col(at)}6`)).toMatchObject({ type: 'wholeNumber', min: -10, max: 10 });
    expect(wb.getValidation(WS, `${col(at)}4`)).toMatchObject({ type: 'decimal', min: 0 });
    for (let f = 0; f < 8; f++) {
      expect(wb.getCell(WS, `${moved(f)}3`)).toBe(NAMES[f]);
      expect([wb.getCell(WS, `${moved(f)}6`), wb.getCell(WS, `${moved(f)}7`)]).toEqual([ROW6[f], ROW7[f]]);
    }
    expect(wb.getCell(WS, `${moved(2)}4`)).toBe(2);

    const after = await state(wb);
    const L = after.analysis.werkblad!.layout;
    expect(L.totalenColumn).toBe(12); // L
    expect(wb.getCell(WS, 'L3')).toBe('Totalen');
    expect(wb.getFormula(WS, 'L6')).toBe(totalFormula(L, 6));
    expect(after.analysis.werkblad!.rows.map((r) => r.total)).toEqual(totals); // an unscored factor changes no total
    expect(after.analysis.werkblad!.rows.every((r) => r.scored === 8 && r.factors === 9)).toBe(true);

    // the team's own column moved from L to M, still on the 5th factor and Totalen
    expect(wb.getCell(WS, 'M3')).toBe('Eigen');
    expect(wb.getFormula(WS, 'M6')).toBe(`=${moved(4)}6*10`);
    expect(wb.getCell(WS, `${moved(4)}6`)).toBe(5);
    expect(wb.getFormula(WS, 'N6')).toBe('=L6');
    // as Excel does: an insert at the range's left edge moves it, inside it widens it, right of it leaves it
    const span = { 0: 'D6:K6', 4: 'C6:K6', 8: 'C6:J6' }[at];
    expect([1, 2, 3].map((r) => wb.getFormula(OWN, `A${r}`))).toEqual([`='${WS}'!${moved(4)}6`, `='${WS}'!L7`, `=SUM('${WS}'!${span})`]);
    await expectPlanned(wb);
  });

  test('the pane\'s "add" (at the end, before Totalen) through addFactorEdit; a rename after it keeps every score and shifts nothing', async () => {
    const wb = await teamWorkbook();
    const ops = await paneEdit(wb, (s) => addFactorEdit(s.ctx.sheet, s.ctx.werkblad, 'Nieuw', '', 1, SHIFT));
    expect(kinds(ops)).toEqual(['insertColumns']);
    expect(wb.getCell(WS, 'K3')).toBe('Nieuw');
    expect(wb.getCell(WS, 'K5')).toBeNull();
    const renamed = await paneEdit(wb, (s) => renameFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3, 'Anders', s));
    expect(kinds(renamed)).toEqual([]);
    expect(wb.getCell(WS, 'F3')).toBe('Anders');
    expect([wb.getCell(WS, 'F6'), wb.getCell(WS, 'F7')]).toEqual([4, 5]);
    await expectPlanned(wb);
  });
});

describe('edits that add or remove no column stay a rewrite of the factor block', () => {
  test('a reorder with shiftColumns writes no column op; added and removed with a reorder: the shift, then the block', async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    const swap = factorsEdit(s.ctx.sheet, s.ctx.werkblad, [{ from: 1 }, { from: 0 }, ...[2, 3, 4, 5, 6, 7].map((from) => ({ from }))], SHIFT);
    expect(swap.ok && kinds(swap.ops)).toEqual([]);
    // remove the 4th, add one in front and swap the first two: delete F, insert C, then the block rewritten
    const next: FactorSpec[] = [{ name: 'Voorop', weging: 1, waarom: '' }, { from: 1 }, { from: 0 }, { from: 2 }, ...[4, 5, 6, 7].map((from) => ({ from }))];
    const ops = await paneEdit(wb, (x) => factorsEdit(x.ctx.sheet, x.ctx.werkblad, next, SHIFT));
    expect(kinds(ops)).toEqual(['deleteColumns', 'insertColumns']);
    expect(Array.from({ length: 9 }, (_, i) => wb.getCell(WS, `${col(i)}3`))).toEqual(['Voorop', NAMES[1], NAMES[0], NAMES[2], ...NAMES.slice(4), 'Totalen']);
    expect(Array.from({ length: 8 }, (_, i) => wb.getCell(WS, `${col(i)}6`))).toEqual([null, 2, 1, 3, 5, 6, 7, 8]);
    expect(wb.getCell(WS, 'L3')).toBe('Eigen'); // the team's column: deleted one, inserted one
    await expectPlanned(wb);
  });

  test("without shiftColumns (a port that cannot shift): the fallback rewrite, which refuses rather than overwrite the team's column right of Totalen", async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    expect(addFactorEdit(s.ctx.sheet, s.ctx.werkblad, 'Nieuw', '')).toEqual({
      ok: false,
      message: `${WS}!L3 is niet leeg (“Eigen”): daar moet de kolom Totalen komen. Verplaats wat in kolom L staat en probeer het opnieuw.`,
    });
    const removed = removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3);
    expect(removed.ok && kinds(removed.ops)).toEqual([]);
    expect(removed.ok && removed.ops[0]).toMatchObject({ kind: 'setCells', cell: 'C3' });
  });

  test('a factor listed twice is refused, in both ways', async () => {
    const s = await state(await teamWorkbook());
    for (const options of [SHIFT, {}]) {
      expect(factorsEdit(s.ctx.sheet, s.ctx.werkblad, [{ from: 0 }, { from: 0, name: 'Kopie' }], options)).toEqual({
        ok: false,
        message: `De succesfactor “Kopie” staat twee keer in de nieuwe volgorde.`,
      });
    }
  });
});

describe('several column changes in one edit (from the mutation run of issue 14)', () => {
  test('a removed factor and a new one at the end: the insert is guarded by its place after the delete (Totalen, not the removed neighbour)', async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    const next: FactorSpec[] = [...[0, 1, 2, 4, 5, 6, 7].map((from) => ({ from })), { name: 'Nieuw', weging: 2, waarom: 'Omdat het kan.' }];
    const res = factorsEdit(s.ctx.sheet, s.ctx.werkblad, next, SHIFT);
    if (!res.ok) throw new Error(res.message);
    // delete F, then insert at J: J holds what K held before the delete (Totalen's header)
    expect(res.ops.slice(0, 2)).toEqual([
      { kind: 'deleteColumns', sheet: WS, column: 'F', count: 1, expect: [[null], [null], [NAMES[3]], [1], [DEFAULT_SUCCESFACTOREN[3].waarom], [4], [5]] },
      { kind: 'insertColumns', sheet: WS, column: 'J', count: 1, expect: [[null], [null], ['Totalen']] },
    ]);
    await paneEdit(wb, (x) => factorsEdit(x.ctx.sheet, x.ctx.werkblad, next, SHIFT));
    expect(Array.from({ length: 9 }, (_, i) => wb.getCell(WS, `${col(i)}3`))).toEqual([...NAMES.slice(0, 3), ...NAMES.slice(4), 'Nieuw', 'Totalen']);
    expect([wb.getCell(WS, 'J4'), wb.getCell(WS, 'J5'), wb.getCell(WS, 'J6')]).toEqual([2, 'Omdat het kan.', null]);
    expect(wb.getCell(WS, 'L3')).toBe('Eigen');
    // the team's formula on the 5th factor: G → F by the delete; the insert at J is right of it
    expect([wb.getFormula(WS, 'L6'), wb.getCell(WS, 'F6')]).toEqual(['=F6*10', 5]);
    await expectPlanned(wb);
  });

  test('two new factors side by side are one insert of two columns, each named, styled and given the factor width', async () => {
    const wb = await teamWorkbook();
    const next: FactorSpec[] = [
      { from: 0 },
      { name: 'Eerste nieuwe', weging: 1, waarom: '' },
      { name: 'Tweede nieuwe', weging: 3, waarom: 'Waarom twee.' },
      ...[1, 2, 3, 4, 5, 6, 7].map((from) => ({ from })),
    ];
    const ops = await paneEdit(wb, (x) => factorsEdit(x.ctx.sheet, x.ctx.werkblad, next, SHIFT));
    expect(ops[0]).toEqual({
      kind: 'insertColumns',
      sheet: WS,
      column: 'D',
      count: 2,
      expect: [
        [null, null],
        [null, null],
        [NAMES[1], NAMES[2]],
      ],
    });
    expect(kinds(ops)).toEqual(['insertColumns']);
    expect([3, 4, 5].map((r) => [wb.getCell(WS, `D${r}`), wb.getCell(WS, `E${r}`)])).toEqual([
      ['Eerste nieuwe', 'Tweede nieuwe'],
      [1, 3],
      [null, 'Waarom twee.'],
    ]);
    for (const c of ['D', 'E']) {
      expect(wb.getStyle(WS, `${c}3`)).toMatchObject({ bold: true, fill: COLORS.headerFill });
      expect(wb.getColumnWidth(WS, c)).toBe(WERKBLAD.factorWidth);
    }
    expect(wb.getCell(WS, 'F3')).toBe(NAMES[1]);
    expect([wb.getCell(WS, 'F6'), wb.getCell(WS, 'M3')]).toEqual([2, 'Totalen']);
    await expectPlanned(wb);
  });

  test('a kept factor renamed or given a new waarom in the same edit as a removal: only what changed is written, guarded by the cell as read', async () => {
    const wb = await teamWorkbook();
    const s = await state(wb);
    const next: FactorSpec[] = [
      { from: 0, name: 'Anders' },
      { from: 1, waarom: 'Nieuwe reden.' },
      { from: 2, name: ` ${NAMES[2]} `, waarom: ` ${DEFAULT_SUCCESFACTOREN[2].waarom} ` },
      { from: 3, waarom: '' },
      ...[4, 5, 6].map((from) => ({ from })),
    ];
    const res = factorsEdit(s.ctx.sheet, s.ctx.werkblad, next, SHIFT);
    if (!res.ok) throw new Error(res.message);
    expect(res.ops.filter((o) => o.kind === 'setCells')).toEqual([
      { kind: 'setCells', sheet: WS, cell: 'C3', cells: [[{ text: 'Anders' }]], expect: [[NAMES[0]]] },
      { kind: 'setCells', sheet: WS, cell: 'D5', cells: [[{ text: 'Nieuwe reden.' }]], expect: [[DEFAULT_SUCCESFACTOREN[1].waarom]] },
      { kind: 'setCells', sheet: WS, cell: 'F5', cells: [[{ clear: true }]], expect: [[DEFAULT_SUCCESFACTOREN[3].waarom]] },
    ]);
    await paneEdit(wb, (x) => factorsEdit(x.ctx.sheet, x.ctx.werkblad, next, SHIFT));
    expect([wb.getCell(WS, 'C3'), wb.getCell(WS, 'D5'), wb.getCell(WS, 'E3'), wb.getCell(WS, 'F5'), wb.getCell(WS, 'J3')]).toEqual([
      'Anders',
      'Nieuwe reden.',
      NAMES[2],
      null,
      'Totalen',
    ]);
  });
});

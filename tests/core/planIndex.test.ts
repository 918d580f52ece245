/**
 * The plan builder's entry points (src/core/plan/index.ts) on small workbooks built in each
 * test: `buildPlan`, `startPlan` / `finish`, `validationTargets` and `planWithEdit`. What they
 * promise: a workbook that is no Koppelkansen workbook gets no plan; sheets are added
 * first and the formula stamp comes last; a validation already there (same sheet in any
 * case, same range with or without "$", same rule) is not written again; the targets are the
 * wanted validations on sheets that exist; the problems are the analysis's and the planner's,
 * sorted; `finish` may be called twice; an edit's formulas get the engine's cached result so
 * the engine's part never writes into the edit's cells. Pure: no adapter, no files.
 */
import { analyze } from '../../src/core/analyze';
import { planStamp } from '../../src/core/formulaStamp';
import { SHEET_NAMES } from '../../src/core/layout';
import { buildPlan, planWithEdit, startPlan, validationTargets } from '../../src/core/plan';
import { sortProblems } from '../../src/core/problems';
import { simulate } from '../../src/core/simulate';
import type { CellInput, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const W = SHEET_NAMES.werkblad;
type SetCells = Extract<PlanOp, { kind: 'setCells' }>;

/** Three factors C..E with weight 1, Totalen in F; row 6 totals 6. */
function small(): WorkbookSnapshot {
  return workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] });
}

/** The engine's Totalen formula for row 6 of `small()`, and its cached result. */
function engineF6(wb: WorkbookSnapshot): { formula: string; result: unknown } {
  const op = buildPlan(wb).plan.ops.find((o): o is SetCells => o.kind === 'setCells' && o.sheet === W && o.cell === 'F6');
  const cell = op?.cells[0][0];
  if (!cell || !('formula' in cell)) throw new Error('no Totalen formula at F6');
  return { formula: cell.formula, result: cell.result };
}

/** Whether a setCells op writes the cell (row, column 1-based). */
function writes(op: PlanOp, sheet: string, row: number, column: number): boolean {
  if (op.kind !== 'setCells' || op.sheet.toLowerCase() !== sheet.toLowerCase()) return false;
  const m = /^([A-Z]+)(\d+)$/.exec(op.cell)!;
  const c0 = m[1].charCodeAt(0) - 64;
  const r0 = Number(m[2]);
  return row >= r0 && row < r0 + op.cells.length && column >= c0 && column < c0 + (op.cells[row - r0]?.length ?? 0);
}

describe('a workbook that is no Koppelkansen workbook', () => {
  test('gets no ops and no targets; its problems are the analysis problems', () => {
    const wb: WorkbookSnapshot = { sheets: [{ name: 'Iets anders', values: [['x']] }] };
    const res = buildPlan(wb);
    expect(res.analysis.kind).not.toBe('koppelkansen');
    expect(res.plan).toEqual({ ops: [] });
    expect(res.problems).toEqual(analyze(wb).problems);
    expect(res.problems.length).toBeGreaterThan(0);
    expect(validationTargets(wb)).toEqual([]);
  });
});

describe('buildPlan', () => {
  test('sheets are added first, then the rest, with the formula stamp of the planned workbook last', () => {
    const wb = small();
    const ops = buildPlan(wb).plan.ops;
    const adds = ops.filter((o) => o.kind === 'addSheet').map((o) => (o.kind === 'addSheet' ? o.sheet : ''));
    expect(adds).toEqual([SHEET_NAMES.lijsten, SHEET_NAMES.resultaat, SHEET_NAMES.prioritering, SHEET_NAMES.checklist, SHEET_NAMES.notulen]);
    expect(ops.slice(0, adds.length).every((o) => o.kind === 'addSheet')).toBe(true);
    const stamp = planStamp(wb, simulate(wb, ops.slice(0, -1)), SHEET_NAMES.lijsten);
    expect(stamp).toHaveLength(1);
    expect(ops.slice(-1)).toEqual(stamp);
    expect(ops.filter((o) => o.kind === 'setCells' && o.sheet === SHEET_NAMES.lijsten && o.cell === 'W1')).toEqual(stamp);
  });

  test('the stamp goes to the Keuzelijsten sheet under the name it has', () => {
    const first = buildPlan(small()).plan.ops;
    const wb = simulate(small(), first);
    const lijsten = wb.sheets.find((s) => s.name === SHEET_NAMES.lijsten)!;
    lijsten.name = 'KEUZELIJSTEN';
    lijsten.values[0][22] = 'oud'; // W1: the stamp no longer matches
    const ops = buildPlan(wb).plan.ops;
    expect(ops.at(-1)).toMatchObject({ kind: 'setCells', sheet: 'KEUZELIJSTEN', cell: 'W1' });
  });

  test('applied, the plan leaves nothing to plan (its validations read back)', () => {
    const wb = small();
    const plan = buildPlan(wb).plan;
    const after = simulate(wb, plan.ops);
    expect(after.validations).toHaveLength(6);
    expect(buildPlan(after).plan.ops).toEqual([]);
  });

  test('every wanted validation is written when the snapshot holds none', () => {
    const wb = small();
    const sets = buildPlan(wb).plan.ops.filter((o) => o.kind === 'setValidation');
    expect(sets.map((o) => (o.kind === 'setValidation' ? `${o.sheet}!${o.range}` : ''))).toEqual([
      `${W}!A6:A105`,
      `${W}!B6:B105`,
      `${W}!C6:E105`,
      `${W}!C4:E4`,
      `${SHEET_NAMES.prioritering}!B5:B34`,
      `${SHEET_NAMES.checklist}!C7:C21`,
    ]);
  });

  test('a validation read with "$" in its range or its sheet in other case is there; another rule or range is not', () => {
    const wb = small();
    const after = simulate(wb, buildPlan(wb).plan.ops);
    const vs = after.validations!;
    const i = vs.findIndex((v) => v.sheet === W && v.range === 'C6:E105');
    const j = vs.findIndex((v) => v.sheet === W && v.range === 'A6:A105');
    const k = vs.findIndex((v) => v.sheet === W && v.range === 'C4:E4');
    const l = vs.findIndex((v) => v.sheet === W && v.range === 'B6:B105');
    vs[i] = { ...vs[i], range: '$C$6:$E$105' };
    vs[j] = { ...vs[j], sheet: W.toUpperCase() };
    vs[k] = { ...vs[k], rule: vs[l].rule };
    vs[l] = { ...vs[l], range: 'B6:B104' };
    const sets = buildPlan(after).plan.ops.filter((o) => o.kind === 'setValidation');
    expect(sets.map((o) => (o.kind === 'setValidation' ? o.range : ''))).toEqual(['B6:B105', 'C4:E4']);
  });
});

describe('startPlan and validationTargets', () => {
  test('the targets are the wanted validations on sheets that exist (any case), as sheet and range', () => {
    const wb = small();
    const werkblad = [
      { sheet: W, range: 'A6:A105' },
      { sheet: W, range: 'B6:B105' },
      { sheet: W, range: 'C6:E105' },
      { sheet: W, range: 'C4:E4' },
    ];
    expect(startPlan(wb).targets).toEqual(werkblad);
    expect(validationTargets(wb)).toEqual(werkblad);
    const withPrio: WorkbookSnapshot = { sheets: [...wb.sheets, { name: 'PRIORITERING', values: [] }] };
    expect(validationTargets(withPrio)).toEqual([...werkblad, { sheet: 'PRIORITERING', range: 'B5:B34' }]);
  });

  test('finish without validations read writes every wanted one; finish twice gives the same result', () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    const started = startPlan(wb);
    const none = started.finish(undefined);
    expect(none.plan.ops.filter((o) => o.kind === 'setValidation')).toHaveLength(6);
    expect(started.finish([]).plan.ops).toEqual(none.plan.ops);
    expect(started.finish(wb.validations).plan.ops).toEqual([]);
    expect(started.finish(undefined)).toEqual(none);
  });
});

describe('problems', () => {
  test("the analysis's and the planner's, sorted, and the same on every finish", () => {
    const wb = small();
    const ws = wb.sheets[0];
    ws.values[6] = ['Werk', 'Onbekende kans', 1, 1, 1, 'eigen tekst']; // row 7: not on the longlist; team text in Totalen
    ws.merges = ['F8:F9']; // the team's merge over two Totalen cells
    const started = startPlan(wb);
    const first = started.finish(undefined);
    const codes = first.problems.map((p) => `${p.code} ${p.cell}`);
    expect(codes).toEqual(expect.arrayContaining(['CELL_OCCUPIED F7', 'CELL_OCCUPIED F8']));
    expect(first.analysis.problems.length).toBeGreaterThan(0);
    expect(first.problems.length).toBe(first.analysis.problems.length + 2);
    expect(first.problems).toEqual(sortProblems([...first.analysis.problems, ...first.problems.filter((p) => p.code === 'CELL_OCCUPIED')]));
    expect(first.problems).toEqual(sortProblems(first.problems));
    expect(first.problems.map((p) => p.severity)).toEqual(
      [...first.problems.map((p) => p.severity)].sort((a, b) => (a === 'error' ? 0 : 1) - (b === 'error' ? 0 : 1)),
    );
    expect(started.finish(undefined).problems).toEqual(first.problems);
    // nothing of the plan writes into the merge
    expect(first.plan.ops.some((o) => writes(o, W, 8, 6) || writes(o, W, 9, 6))).toBe(false);
  });
});

describe('options', () => {
  test('now reaches the analysis and the checklist the plan writes', () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    const wup = wb.sheets.find((s) => s.name === SHEET_NAMES.checklist)!;
    wup.values[2][2] = 47484; // C3: 1 Jan 2030, so C4 is 2022
    const d4 = (now: Date): CellInput[] | undefined => {
      const op = buildPlan(wb, { now }).plan.ops.find((o): o is SetCells => o.kind === 'setCells' && o.sheet === SHEET_NAMES.checklist && o.cell === 'D4');
      return op?.cells[0];
    };
    const early = new Date(Date.UTC(2021, 5, 1));
    const late = new Date(Date.UTC(2027, 5, 1));
    expect(d4(early)?.[0]).toMatchObject({ result: 'Nog op tijd' });
    expect(d4(late)?.[0]).toMatchObject({ result: 'Let op: dit jaar is al voorbij' });
    expect(buildPlan(wb, { now: early }).analysis).toEqual(analyze(wb, { now: early }));
  });

  test('propose fills an empty Prioritering', () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    const proposed = buildPlan(wb, { propose: true }).plan.ops;
    expect(proposed.some((o) => o.kind === 'setCells' && o.sheet === SHEET_NAMES.prioritering)).toBe(true);
    expect(buildPlan(wb).plan.ops.some((o) => o.kind === 'setCells' && o.sheet === SHEET_NAMES.prioritering)).toBe(false);
  });
});

describe('planWithEdit', () => {
  test("the edit's ops first (ownFrom), then the engine's plan for the workbook the edit leaves", () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    const edit: PlanOp[] = [{ kind: 'setCells', sheet: W, cell: 'C7', cells: [[{ number: 2 }]] }];
    const res = planWithEdit(wb, edit);
    expect(res.plan.ownFrom).toBe(1);
    expect(res.plan.ops[0]).toBe(edit[0]);
    const rest = buildPlan(simulate(wb, edit));
    expect(res.plan.ops.slice(1)).toEqual(rest.plan.ops);
    expect(res.problems).toEqual(rest.problems);
    expect(res.analysis).toEqual(rest.analysis);
  });

  test("an edit's formula without a result gets the engine's, so the engine's part leaves its cells alone", () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    const f6 = engineF6(small());
    const cells: CellInput[][] = [
      [{ clear: true }, { clear: true }],
      [{ number: 3 }, { formula: f6.formula }],
    ];
    const edit: PlanOp[] = [
      { kind: 'setStyle', sheet: W, range: 'A1', style: { bold: true } },
      // the sheet named in other case, the block from E5: the formula lands on F6
      { kind: 'setCells', sheet: W.toLowerCase(), cell: 'E5', cells },
      { kind: 'setCells', sheet: W, cell: 'F7', cells: [[{ formula: '=1' }]] },
    ];
    const copy = structuredClone(edit);
    const res = planWithEdit(wb, edit, {});
    expect(edit).toEqual(copy);
    expect(res.plan.ownFrom).toBe(3);
    expect(res.plan.ops[0]).toBe(edit[0]);
    expect(res.plan.ops[1]).toEqual({ ...edit[1], cells: [cells[0], [{ number: 3 }, { formula: f6.formula, result: 6 }]] });
    // a formula the engine does not write there keeps no result
    expect(res.plan.ops[2]).toEqual(edit[2]);
    const rest = res.plan.ops.slice(3);
    expect(rest.some((o) => writes(o, W, 6, 6))).toBe(false);
    expect(rest.some((o) => writes(o, W, 7, 6))).toBe(true);
    expect(rest).toEqual(buildPlan(simulate(wb, res.plan.ops.slice(0, 3))).plan.ops);
  });

  test('an edit whose formulas the engine writes otherwise, or that carry a result, is left as it is', () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    const f6 = engineF6(small());
    const withResult: PlanOp = { kind: 'setCells', sheet: W, cell: 'F6', cells: [[{ formula: f6.formula, result: 7 }]] };
    const other: PlanOp = { kind: 'setCells', sheet: W, cell: 'F8', cells: [[{ formula: '=2' }]] };
    const res = planWithEdit(wb, [withResult, other]);
    expect(res.plan.ops[0]).toBe(withResult);
    expect(res.plan.ops[1]).toBe(other);
    expect(res.plan.ownFrom).toBe(2);
    // the engine writes its own value over the edit's wrong one
    expect(res.plan.ops.slice(2).some((o) => writes(o, W, 6, 6))).toBe(true);
  });
});

describe('planWithEdit: what the engine writes, read at the right cells', () => {
  test('an edit on a workbook still to be completed: the sheets the engine adds come after the edit', () => {
    const wb = small();
    const edit: PlanOp[] = [{ kind: 'setCells', sheet: W, cell: 'C7', cells: [[{ number: 2 }]] }];
    const res = planWithEdit(wb, edit);
    expect(res.plan.ops.slice(1)).toEqual(buildPlan(simulate(wb, edit)).plan.ops);
    expect(res.plan.ops.filter((o) => o.kind === 'addSheet')).toHaveLength(5);
  });

  test('formulas the engine writes below and beside the first cell of its block give the edit their results', () => {
    const wb = simulate(small(), buildPlan(small()).plan.ops);
    // the engine's Totalen formulas of rows 6 and 7 (a block of two rows when both are written again)
    const block = buildPlan(small()).plan.ops.find((o): o is SetCells => o.kind === 'setCells' && o.sheet === W && o.cell === 'F6')!;
    const [f6, f7] = [block.cells[0][0], block.cells[1][0]];
    if (!('formula' in f6) || !('formula' in f7)) throw new Error('no formulas at F6:F7');
    // the checklist's progress row 7 (H6's block): two formulas side by side
    const wup = buildPlan(small()).plan.ops.find((o): o is SetCells => o.kind === 'setCells' && o.sheet === SHEET_NAMES.checklist && o.cell === 'H6')!;
    const row7 = wup.cells[1];
    const j = row7.findIndex((c, k) => k > 0 && 'formula' in c && 'formula' in row7[k + 1]);
    expect(j).toBeGreaterThan(0);
    const pair = [row7[j], row7[j + 1]].map((c) => ('formula' in c ? { formula: c.formula } : c));
    const column = String.fromCharCode('H'.charCodeAt(0) + j);
    const edit: PlanOp[] = [
      { kind: 'setCells', sheet: W, cell: 'F6', cells: [[{ formula: f6.formula }], [{ formula: f7.formula }]] },
      { kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: `${column}7`, cells: [pair] },
    ];
    const res = planWithEdit(wb, edit);
    expect(res.plan.ops[0]).toEqual({
      kind: 'setCells',
      sheet: W,
      cell: 'F6',
      cells: [[{ formula: f6.formula, result: 6 }], [{ formula: f7.formula, result: '' }]],
    });
    expect(res.plan.ops[1]).toEqual({ ...edit[1], cells: [[row7[j], row7[j + 1]]] });
    expect(res.plan.ops.slice(2)).toEqual([]);
  });
});

describe('a workbook whose werkblad cannot be read', () => {
  test('gets no plan, not even a formula stamp on its Keuzelijsten', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        { name: W, values: [[W], [], ['iets anders']] },
        { name: SHEET_NAMES.lijsten, values: [] },
      ],
    };
    const res = buildPlan(wb);
    expect(res.analysis.kind).toBe('koppelkansen');
    expect(res.analysis.werkblad).toBeNull();
    expect(res.plan.ops).toEqual([]);
    expect(validationTargets(wb)).toEqual([]);
    const other: WorkbookSnapshot = {
      sheets: [
        { name: 'Iets', values: [['x']] },
        { name: SHEET_NAMES.lijsten, values: [] },
      ],
    };
    expect(buildPlan(other).plan.ops).toEqual([]);
  });
});

test("an edit's formula where the engine writes a text keeps no result", () => {
  const wb = simulate(small(), buildPlan(small()).plan.ops);
  const edit: PlanOp[] = [{ kind: 'setCells', sheet: W, cell: 'A4', cells: [[{ formula: '="Weging"' }]] }];
  const res = planWithEdit(wb, edit);
  expect(res.plan.ops[0]).toBe(edit[0]);
  expect(res.plan.ops.slice(1).some((o) => writes(o, W, 4, 1))).toBe(true);
});

test('a werkblad that can no longer be read leaves the formula stamp of an earlier plan as it is', () => {
  const wb = simulate(small(), buildPlan(small()).plan.ops);
  const ws = wb.sheets.find((s) => s.name === W)!;
  ws.values = [[W], [], ['iets anders']];
  ws.formulas = [];
  const res = buildPlan(wb);
  expect(res.analysis.werkblad).toBeNull();
  expect(res.plan.ops).toEqual([]);
});

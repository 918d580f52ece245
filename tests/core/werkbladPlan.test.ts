/**
 * What the plan writes on the werkblad (src/core/plan/werkblad.ts), on small werkbladen
 * built in code (pure, fast): the Totalen formula of every prepared row with the engine's
 * value cached, the labels it adds only when missing, the team's text in the Totalen
 * column left alone with a problem naming the cell, the dropdowns and validations, and the
 * lock state of new rows on a protected werkblad. `planWerkblad` runs on its own (the other
 * parts of the plan are not needed for what it writes); one test runs the whole plan twice.
 * Written for a StrykerJS run of the file (CONTRIBUTING.md, "Mutation testing").
 */
import { analyze } from '../../src/core/analyze';
import { formulaAt } from '../../src/core/grid';
import { koppelkansListSource, opgaveListSource } from '../../src/core/keuzelijsten';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { totalFormula } from '../../src/core/formulas';
import { buildPlan } from '../../src/core/plan';
import type { PlanContext } from '../../src/core/plan/context';
import { lijstenGeometry } from '../../src/core/plan/longlist';
import { listRule, scoreRule, weightRule } from '../../src/core/plan/validations';
import { planWerkblad } from '../../src/core/plan/werkblad';
import { simulate } from '../../src/core/simulate';
import type { CellInput, CellValue, PlanOp, SheetProtection, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const W = SHEET_NAMES.werkblad;
type SetStyle = Extract<PlanOp, { kind: 'setStyle' }>;

function planned(wb: WorkbookSnapshot): PlanContext {
  const ctx: PlanContext = { snapshot: wb, analysis: analyze(wb), options: {}, ops: [], problems: [], validations: [] };
  planWerkblad(ctx);
  return ctx;
}

/** The cells the ops write on the werkblad, by A1 address (later ops win). */
function written(ops: PlanOp[]): Map<string, CellInput> {
  const out = new Map<string, CellInput>();
  for (const op of ops) {
    if (op.kind !== 'setCells' || op.sheet !== W) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(op.cell)!;
    const col = m[1].charCodeAt(0) - 64;
    op.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (cell !== undefined) out.set(`${String.fromCharCode(64 + col + j)}${Number(m[2]) + i}`, cell);
      }),
    );
  }
  return out;
}

/** The formula a written cell holds, if any. */
const formulaOf = (cell: CellInput | undefined): string | undefined => (cell && 'formula' in cell ? cell.formula : undefined);

const lockOps = (ops: PlanOp[]) => ops.filter((o): o is SetStyle => o.kind === 'setStyle' && o.sheet === W && 'locked' in o.style);

/** Three factors (C, D, E, weight 1), Totalen in F; rows from 6. */
const rows: CellValue[][] = [
  ['Groen', 'Geveltuinen', 1, 2, 3], // 6: total 6
  ['Werk', 'Stageplekken voor wijkbewoners', 'x', 1, 1], // 7: invalid
  ['Groen', 'Groene daken op transformatorhuisjes'], // 8: not scored
  ['Zorg', 'Buurtkamer', -10, null, 2.5], // 9: invalid (2.5 is no whole number)
  ['Gezondheid', 'CO2-gestuurde ventilatie', 0, -4, 10], // 10: total 6
];

describe('the Totalen column', () => {
  it('gets the Totalen formula in every prepared row, with the engine value cached: the total, "ongeldig" or empty', () => {
    const wb = workbook({ rows });
    const ctx = planned(wb);
    const L = ctx.analysis.werkblad!.layout;
    expect(L.totalenColumn).toBe(6);
    // at least 100 rows are prepared, from the first data row
    expect(L.preparedEndRow).toBe(WERKBLAD.firstDataRow + WERKBLAD.minPreparedRows - 1);
    const cells = written(ctx.ops);
    for (let r = L.firstDataRow; r <= L.preparedEndRow; r++) expect([r, formulaOf(cells.get(`F${r}`))]).toEqual([r, totalFormula(L, r)]);
    expect(cells.has(`F${L.firstDataRow - 1}`)).toBe(false);
    expect(cells.has(`F${L.preparedEndRow + 1}`)).toBe(false);
    const result = (r: number) => (cells.get(`F${r}`) as { result?: unknown }).result;
    expect([6, 7, 8, 9, 10, 11, 105].map(result)).toEqual([6, WERKBLAD.invalidTotal, '', WERKBLAD.invalidTotal, 6, '', '']);
  });

  it('prepares the data rows plus spare rows when there are more than the minimum', () => {
    const many = Array.from({ length: 120 }, (_, i) => ['Groen', `K${i}`, 1, 1, 1] as CellValue[]);
    const ctx = planned(workbook({ rows: many }));
    const L = ctx.analysis.werkblad!.layout;
    expect(L.preparedEndRow).toBe(5 + 120 + WERKBLAD.spareRows);
    const cells = written(ctx.ops);
    expect(formulaOf(cells.get(`F${L.preparedEndRow}`))).toBe(totalFormula(L, L.preparedEndRow));
    expect(cells.get('F125')).toEqual({ formula: totalFormula(L, 125), result: 3 });
  });

  it('writes nothing where the formulas and values are already there (a second plan of the column is empty)', () => {
    const wb = workbook({ rows });
    const after = simulate(wb, planned(wb).ops);
    const again = planned(after);
    expect(written(again.ops).size).toBe(0);
    expect(again.problems).toEqual([]);
  });

  it("leaves the team's text in the Totalen column and names the cell", () => {
    const wb = workbook({ rows });
    wb.sheets[0].values[7][5] = 'eigen opmerking'; // F8
    const ctx = planned(wb);
    const cells = written(ctx.ops);
    expect(cells.has('F8')).toBe(false);
    expect(formulaOf(cells.get('F7'))).toBe(totalFormula(ctx.analysis.werkblad!.layout, 7));
    expect(formulaOf(cells.get('F9'))).toBe(totalFormula(ctx.analysis.werkblad!.layout, 9));
    expect(ctx.problems).toEqual([expect.objectContaining({ code: 'CELL_OCCUPIED', sheet: W, cell: 'F8' })]);
    expect(ctx.problems[0].message).toContain('eigen opmerking');
  });
});

describe('labels', () => {
  it('writes "Totalen" in the factor row when the column has no label, and "Weging" when row 4 has none', () => {
    const wb = workbook({ rows, totalen: false });
    wb.sheets[0].values[3][0] = null; // A4: no "Weging"
    const cells = written(planned(wb).ops);
    expect(cells.get(`F${WERKBLAD.factorRow}`)).toEqual({ text: WERKBLAD.totalenLabel });
    expect(cells.get(`A${WERKBLAD.weightRow}`)).toEqual({ text: 'Weging' });
  });

  it('writes neither label when both are there', () => {
    const cells = written(planned(workbook({ rows })).ops);
    expect(cells.has(`F${WERKBLAD.factorRow}`)).toBe(false);
    expect(cells.has(`A${WERKBLAD.weightRow}`)).toBe(false);
    expect(cells.has('A1')).toBe(false);
  });

  it("keeps the team's own text in A4", () => {
    const wb = workbook({ rows });
    wb.sheets[0].values[3][0] = 'Gewicht';
    expect(written(planned(wb).ops).has(`A${WERKBLAD.weightRow}`)).toBe(false);
  });
});

describe('dropdowns and validations', () => {
  it('wants the opgave and koppelkans dropdowns, the score rule on the scores and the weight rule on the weights, over the prepared rows', () => {
    const ctx = planned(workbook({ rows }));
    const g = lijstenGeometry(ctx);
    const lijsten = SHEET_NAMES.lijsten;
    expect(ctx.validations).toEqual([
      { sheet: W, range: 'A6:A105', rule: listRule(opgaveListSource(lijsten, g), 'opgave', SHEET_NAMES.longlist) },
      { sheet: W, range: 'B6:B105', rule: listRule(koppelkansListSource(lijsten, 6), 'koppelkans', SHEET_NAMES.longlist) },
      { sheet: W, range: 'C6:E105', rule: scoreRule() },
      { sheet: W, range: 'C4:E4', rule: weightRule() },
    ]);
  });

  it('follows the factor columns: five factors put the scores in C:G', () => {
    const ctx = planned(workbook({ factors: ['A', 'B', 'C', 'D', 'E'], rows: [['Groen', 'Geveltuinen', 1, 1, 1, 1, 1]] }));
    expect(ctx.validations.map((v) => v.range)).toEqual(['A6:A105', 'B6:B105', 'C6:G105', 'C4:G4']);
    expect(formulaAt(simulate(ctx.snapshot, ctx.ops).sheets[0], 6, 8)).toBe(totalFormula(ctx.analysis.werkblad!.layout, 6));
  });
});

describe('lock state of new rows on a protected werkblad', () => {
  const protectedBook = (protection: SheetProtection, extraRows: CellValue[][] = rows) => {
    const wb = workbook({ rows: extraRows });
    wb.sheets[0].protection = protection;
    return wb;
  };

  it('an unprotected werkblad gets no lock changes', () => {
    expect(lockOps(planned(workbook({ rows })).ops)).toEqual([]);
  });

  it('new rows get the unlocked input columns of the last data row, as one range', () => {
    const ops = lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:E10'] })).ops);
    expect(ops.map((o) => [o.range, o.style])).toEqual([['A11:E105', { locked: false }]]);
  });

  it('one op per run of columns that differ', () => {
    const ops = lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:B10', 'D6:D10'] })).ops);
    expect(ops.map((o) => [o.range, o.style])).toEqual([
      ['A11:B105', { locked: false }],
      ['D11:D105', { locked: false }],
    ]);
  });

  it('a row that already matches splits the new rows in two runs', () => {
    const ops = lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:E10', 'A50:E50'] })).ops);
    expect(ops.map((o) => o.range)).toEqual(['A11:E49', 'A51:E105']);
  });

  it('an unlocked cell below the data that the last data row does not have gets locked', () => {
    const ops = lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:B10', 'G60:G61'] })).ops);
    expect(ops.map((o) => [o.range, o.style])).toEqual([
      ['A11:B59', { locked: false }],
      ['A60:B61', { locked: false }],
      ['G60:G61', { locked: true }],
      ['A62:B105', { locked: false }],
    ]);
  });

  it('the template is the last row the product prepared before (its Totalen formula), when below the data', () => {
    const wb = protectedBook({ protected: true, unlocked: ['A6:E10'] });
    const L = planned(workbook({ rows })).analysis.werkblad!.layout;
    // rows 6..30 prepared earlier (formula in F), locked below the data: rows 31.. follow row 30
    wb.sheets[0].formulas = Array.from({ length: 30 }, (_, i) => (i >= 5 ? [null, null, null, null, null, totalFormula(L, i + 1)] : []));
    expect(lockOps(planned(wb).ops)).toEqual([]);
  });

  it('one data row is the template too: the rows below it follow it', () => {
    const ops = lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:E6'] }, [rows[0]])).ops);
    expect(ops.map((o) => [o.range, o.style])).toEqual([['A7:E105', { locked: false }]]);
  });

  it('the template is the last data row itself, not the row above it', () => {
    // row 10 has only A:B unlocked, the rows above all of A:E: the new rows follow row 10
    const ops = lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:E9', 'A10:B10'] })).ops);
    expect(ops.map((o) => [o.range, o.style])).toEqual([['A11:B105', { locked: false }]]);
  });

  it('rows prepared down to the last prepared row leave nothing to change, whatever their lock state', () => {
    const wb = protectedBook({ protected: true, unlocked: ['A6:E10', 'A105:E105'] });
    const L = planned(workbook({ rows })).analysis.werkblad!.layout;
    wb.sheets[0].formulas = Array.from({ length: 105 }, (_, i) => (i >= 5 ? [null, null, null, null, null, totalFormula(L, i + 1)] : []));
    expect(lockOps(planned(wb).ops)).toEqual([]);
  });

  it('nothing to do when there are no data rows and nothing prepared', () => {
    expect(lockOps(planned(protectedBook({ protected: true, unlocked: ['A6:E105'] }, [])).ops)).toEqual([]);
  });

  it('once the lock state is applied, planning again changes none', () => {
    const wb = protectedBook({ protected: true, unlocked: ['A6:B10', 'D6:D10'] });
    const first = lockOps(planned(wb).ops);
    expect(first.map((o) => o.range)).toEqual(['A11:B105', 'D11:D105']);
    // what an adapter reads back after the writes (simulate models values and formulas, not lock state)
    const after = simulate(wb, planned(wb).ops);
    after.sheets[0].protection = { protected: true, unlocked: ['A6:B105', 'D6:D105'] };
    expect(lockOps(planned(after).ops)).toEqual([]);
    expect(lockOps(buildPlan(after).plan.ops)).toEqual([]);
  });
});

describe('not a werkblad', () => {
  it('plans nothing without a werkblad', () => {
    const ctx: PlanContext = {
      snapshot: { sheets: [{ name: 'Blad1', values: [['iets']] }] },
      analysis: analyze({ sheets: [{ name: 'Blad1', values: [['iets']] }] }),
      options: {},
      ops: [],
      problems: [],
      validations: [],
    };
    planWerkblad(ctx);
    expect([ctx.ops, ctx.problems, ctx.validations]).toEqual([[], [], []]);
  });
});

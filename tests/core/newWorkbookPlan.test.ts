/**
 * The plan of a new workbook (src/core/template.ts `newWorkbookPlan`), pure and fast (a plan
 * takes about 0.2 s): what the werkblad template writes (title with the wijk, the instruction,
 * the factor headers, weights and "waarom" row, Totalen after the last factor), how it looks
 * and prints (styles, widths, freeze, page setup over the factor columns), the longlist it is
 * given, and the plan builder's part after it, built on the base workbook with the template in
 * it. Scored with StrykerJS (CONTRIBUTING.md, "Mutation testing", "Runs of 3 Dec c").
 */
import { analyze } from '../../src/core/analyze';
import { DEFAULT_LONGLIST, DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { formulaAt, textAt, valueAt } from '../../src/core/grid';
import { COLORS, SHEET_NAMES, sameName } from '../../src/core/layout';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import type { PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';

const NOW = new Date('2026-11-28T12:00:00Z');
const WS = SHEET_NAMES.werkblad;
/** Every sheet of the product, in the order a new workbook has them. */
const PRODUCT_SHEETS = [
  WS,
  SHEET_NAMES.longlist,
  SHEET_NAMES.lijsten,
  SHEET_NAMES.resultaat,
  SHEET_NAMES.prioritering,
  SHEET_NAMES.checklist,
  SHEET_NAMES.notulen,
];

const sheetOf = (wb: WorkbookSnapshot, name: string): SheetSnapshot => {
  const s = wb.sheets.find((x) => sameName(x.name, name));
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
/** The values of row r from column `from` to `to`, an empty cell ("" or null) as null. */
const row = (s: SheetSnapshot, r: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => valueAt(s, r, from + i)).map((v) => (v === '' ? null : v));
const opsOf = <K extends PlanOp['kind']>(ops: PlanOp[], kind: K, sheet: string = WS) =>
  ops.filter((o): o is Extract<PlanOp, { kind: K }> => o.kind === kind && sameName(o.sheet, sheet));

describe('the default new workbook', () => {
  /** Built in each test: Stryker turns a mutant on only while a test runs, so a plan built as the file loads is never mutated. */
  const made = () => {
    const res = newWorkbookPlan({ now: NOW });
    const after = simulate({ sheets: [] }, res.plan.ops);
    return { res, after, ws: sheetOf(after, WS) };
  };

  it('starts with the werkblad and holds every sheet of the product, nothing refused', () => {
    const { res, after } = made();
    expect(res.plan.ops[0]).toEqual({ kind: 'addSheet', sheet: WS });
    expect(after.sheets.map((s) => s.name)).toEqual(PRODUCT_SHEETS);
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(res.plan.ownFrom).toBeUndefined();
  });

  it('the werkblad: the title without a wijk, the instruction, the 8 default factors with weight 1 and their waarom, Totalen in K', () => {
    const { ws } = made();
    const names = DEFAULT_SUCCESFACTOREN.map((f) => f.naam);
    expect(names).toHaveLength(8);
    expect(valueAt(ws, 1, 1)).toBe('Werkblad koppelkansen kiezen');
    expect(valueAt(ws, 2, 1)).toBe(
      'Stap 2: kies per rij een opgave (tabel B) en een koppelkans (tabel C). Stap 3: scoor elke koppelkans per succesfactor met een heel getal van -10 tot 10.',
    );
    expect(row(ws, 3, 1, 11)).toEqual(['Opgave', 'Koppelkans', ...names, 'Totalen']);
    expect(row(ws, 4, 1, 10)).toEqual(['Weging', null, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(row(ws, 5, 1, 10)).toEqual(['Tabel B ↓', 'Tabel C ↓', ...DEFAULT_SUCCESFACTOREN.map((f) => f.waarom)]);
    for (const f of DEFAULT_SUCCESFACTOREN) expect(f.waarom).not.toBe('');
  });

  it('the default longlist, one row each below its header', () => {
    const { after } = made();
    const ll = sheetOf(after, SHEET_NAMES.longlist);
    expect(row(ll, 1, 1, 3)).toEqual(['Opgave', 'Koppelkans', 'Toelichting']);
    expect(DEFAULT_LONGLIST.length).toBeGreaterThan(0);
    DEFAULT_LONGLIST.forEach((e, i) => expect(row(ll, i + 2, 1, 3)).toEqual([e.opgave, e.koppelkans, e.toelichting]));
    expect(textAt(ll, DEFAULT_LONGLIST.length + 2, 1)).toBe('');
  });

  it('the analysis is of the werkblad the template wrote, and the plan is complete: planning again writes nothing', () => {
    const { res, after } = made();
    expect(res.analysis.kind).toBe('koppelkansen');
    expect(res.analysis.werkblad!.factors.map((f) => f.name)).toEqual(DEFAULT_SUCCESFACTOREN.map((f) => f.naam));
    expect(buildPlan(after, { now: NOW }).plan.ops).toEqual([]);
    expect(analyze(after, { now: NOW }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('the totals formulas are in K, below the header', () => {
    const { ws } = made();
    expect(formulaAt(ws, 6, 11)).toMatch(/^=/);
    expect(formulaAt(ws, 6, 12)).toBeNull();
  });
});

describe('options', () => {
  /** Two factors, a wijk, no longlist; built in each test (see above). */
  const made = () => {
    const two = newWorkbookPlan({ now: NOW, wijk: '  Lelystad Oost ', factors: ['Groen', 'Water'], longlist: [] });
    const after = simulate({ sheets: [] }, two.plan.ops);
    return { two, after, ws: sheetOf(after, WS) };
  };

  it('the wijk, trimmed, follows the title after " – "; an empty wijk leaves the title alone', () => {
    const { after, ws } = made();
    expect(valueAt(ws, 1, 1)).toBe('Werkblad koppelkansen kiezen – Lelystad Oost');
    const blank = simulate({ sheets: [] }, newWorkbookPlan({ now: NOW, wijk: '   ', factors: ['F'], longlist: [] }).plan.ops);
    expect(valueAt(sheetOf(blank, WS), 1, 1)).toBe('Werkblad koppelkansen kiezen');
    expect(textAt(sheetOf(after, SHEET_NAMES.resultaat), 1, 1)).toBe('Resultaat: automatische top 15 – Lelystad Oost');
  });

  it('the factors given, in their order, with weight 1; Totalen right after the last; a factor not among the defaults has no waarom', () => {
    const { two, ws } = made();
    expect(row(ws, 3, 1, 6)).toEqual(['Opgave', 'Koppelkans', 'Groen', 'Water', 'Totalen', null]);
    expect(row(ws, 4, 1, 5)).toEqual(['Weging', null, 1, 1, null]);
    expect(row(ws, 5, 1, 5)).toEqual(['Tabel B ↓', 'Tabel C ↓', null, null, null]);
    expect(two.analysis.werkblad!.factors.map((f) => f.name)).toEqual(['Groen', 'Water']);
  });

  it('a default factor given in other case keeps its waarom', () => {
    const f = DEFAULT_SUCCESFACTOREN[0];
    const res = newWorkbookPlan({ now: NOW, factors: [f.naam.toUpperCase()], longlist: [] });
    const w = sheetOf(simulate({ sheets: [] }, res.plan.ops), WS);
    expect(row(w, 5, 3, 4)).toEqual([f.waarom, null]);
  });

  it('the longlist given: its entries in order; an empty one leaves only the header', () => {
    const { after } = made();
    const entries = [
      { opgave: 'Hitte', koppelkans: 'Groen dak', toelichting: 'Op de school' },
      { opgave: 'Water', koppelkans: 'Wadi', toelichting: '' },
    ];
    const res = newWorkbookPlan({ now: NOW, factors: ['F'], longlist: entries });
    const ll = sheetOf(simulate({ sheets: [] }, res.plan.ops), SHEET_NAMES.longlist);
    expect([row(ll, 2, 1, 3), row(ll, 3, 1, 3)]).toEqual([
      ['Hitte', 'Groen dak', 'Op de school'],
      ['Water', 'Wadi', null],
    ]);
    expect(valueAt(ll, 4, 1)).toBeNull();
    const empty = sheetOf(after, SHEET_NAMES.longlist);
    expect(row(empty, 1, 1, 3)).toEqual(['Opgave', 'Koppelkans', 'Toelichting']);
    expect(valueAt(empty, 2, 1)).toBeNull();
  });

  it('`now` is the date the plan builder writes ("Berekend door de add-in op …")', () => {
    const { two } = made();
    const texts = (ops: PlanOp[]) =>
      opsOf(ops, 'setCells', SHEET_NAMES.resultaat)
        .flatMap((o) => o.cells.flat())
        .flatMap((c) => ('text' in c && c.text.startsWith('Berekend door de add-in op') ? [c.text.slice(0, 37)] : []));
    expect(texts(two.plan.ops)).toEqual(['Berekend door de add-in op 28-11-2026']);
    const later = newWorkbookPlan({ now: new Date('2030-03-01T12:00:00Z'), factors: ['Groen', 'Water'], longlist: [] });
    expect(texts(later.plan.ops)).toEqual(['Berekend door de add-in op 01-03-2030']);
  });

  it('the werkblad looks and prints as the template says, over the factor columns and Totalen (A..E for two factors)', () => {
    const { two } = made();
    const ops = two.plan.ops;
    expect(opsOf(ops, 'setStyle').slice(0, 6)).toEqual([
      { kind: 'setStyle', sheet: WS, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
      { kind: 'setStyle', sheet: WS, range: 'A2', style: { italic: true } },
      {
        kind: 'setStyle',
        sheet: WS,
        range: 'A3:E3',
        style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, wrap: true, verticalAlignment: 'center' },
      },
      { kind: 'setStyle', sheet: WS, range: 'A4:E4', style: { bold: true, fill: COLORS.subFill } },
      { kind: 'setStyle', sheet: WS, range: 'A5:E5', style: { italic: true, fontColor: '#595959' } },
      { kind: 'setStyle', sheet: WS, range: 'E6:E105', style: { bold: true, fill: COLORS.totalFill, numberFormat: '0.##' } },
    ]);
    expect(opsOf(ops, 'setColumnWidths')[0].widths).toEqual([
      { column: 'A', width: 26 },
      { column: 'B', width: 48 },
      { column: 'C', width: 14 },
      { column: 'D', width: 14 },
      { column: 'E', width: 11 },
    ]);
    expect(opsOf(ops, 'freeze')).toEqual([{ kind: 'freeze', sheet: WS, rows: 4, columns: 2 }]);
    expect(opsOf(ops, 'setPageSetup')).toEqual([
      { kind: 'setPageSetup', sheet: WS, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 3, last: 4 }, printArea: 'A1:E105' },
    ]);
  });

  it('the default factors run the template to K: widths of C..J 14, Totalen 11, print area A1:K105', () => {
    const ops = newWorkbookPlan({ now: NOW, longlist: [] }).plan.ops;
    const widths = opsOf(ops, 'setColumnWidths')[0].widths;
    expect(widths.map((w) => w.column).join('')).toBe('ABCDEFGHIJK');
    expect(widths.map((w) => w.width)).toEqual([26, 48, 14, 14, 14, 14, 14, 14, 14, 14, 11]);
    expect(opsOf(ops, 'setPageSetup')[0].printArea).toBe('A1:K105');
  });
});

describe('the base workbook', () => {
  it('the plan builder plans on the base with the template in it: a sheet already there stays, the rest is added after it', () => {
    const base: WorkbookSnapshot = { sheets: [{ name: 'Blad1', values: [] }] };
    const res = newWorkbookPlan({ now: NOW, factors: ['F'], longlist: [] }, base);
    const after = simulate(base, res.plan.ops);
    expect(after.sheets.map((s) => s.name)).toEqual(['Blad1', ...PRODUCT_SHEETS]);
    expect(buildPlan(after, { now: NOW }).plan.ops).toEqual([]);
  });

  it('without a base, the same plan as on an empty workbook', () => {
    const options = { now: NOW, factors: ['F'], longlist: [] };
    expect(newWorkbookPlan(options).plan).toEqual(newWorkbookPlan(options, { sheets: [], validations: [] }).plan);
    expect(newWorkbookPlan(options).plan).toEqual(newWorkbookPlan(options, { sheets: [] }).plan);
  });
});

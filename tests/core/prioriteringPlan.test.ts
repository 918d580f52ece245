/**
 * What the plan writes on the Prioritering sheet (src/core/plan/prioritering.ts), on small
 * workbooks built in code (pure, fast: `planPrioritering` on its own, read back through
 * `simulate` where the result matters): a new sheet's header, formulas, dropdown and looks;
 * the automatic order proposed into an empty list; the rank and Signaal formulas with the
 * engine's cached values and the check record beside the team's entries; the missing labels
 * of the engine's own columns; and never a write over what the team typed (CELL_OCCUPIED
 * instead). Written for a StrykerJS run of the file (CONTRIBUTING.md, "Runs of 3 Dec c").
 */
import fc from 'fast-check';
import { parseCell, cellAddress } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { formulaAt, valueAt } from '../../src/core/grid';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import type { PlanContext, PlanOptions } from '../../src/core/plan/context';
import { planPrioritering } from '../../src/core/plan/prioritering';
import { simulate } from '../../src/core/simulate';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const P = SHEET_NAMES.prioritering;
const HEADER: CellValue[] = [...PRIORITERING.headers];
const KEYS = 'Keuzelijsten!$Z$6:$Z$105';
const FLAG = PRIORITERING.deviationFlag;

/** Werkblad: Geveltuinen 9, Daken 6, Stage 3 (ranks 1, 2, 3; rows 7, 6, 8), and a row without scores. */
const ROWS: CellValue[][] = [
  ['Groen', 'Daken', 2, 2, 2],
  ['Groen', 'Geveltuinen', 3, 3, 3],
  ['Werk', 'Stage', 1, 1, 1],
  ['Werk', 'Ongescoord'],
];

/** A Prioritering sheet named `name`: title, two empty rows, `header` in row 4, `rows` from row 5. */
const prioSheet = (rows: CellValue[][], header: CellValue[] = HEADER, name: string = P): SheetSnapshot => ({
  name,
  values: [['Prioritering: de keuze van het team'], [], [], header, ...rows],
});

function plan(wb: WorkbookSnapshot, options: PlanOptions = {}): PlanContext {
  const ctx: PlanContext = { snapshot: wb, analysis: analyze(wb), options, ops: [], problems: [], validations: [] };
  planPrioritering(ctx);
  return ctx;
}

/** Every cell the ops write, by A1 address (the sheet is checked to be `sheet`). */
function written(ops: PlanOp[], sheet: string = P): Map<string, CellInput> {
  const cells = new Map<string, CellInput>();
  for (const op of ops) {
    if (op.kind !== 'setCells') continue;
    expect(op.sheet).toBe(sheet);
    const { row, column } = parseCell(op.cell);
    op.cells.forEach((line, i) => line.forEach((c, j) => cells.set(cellAddress(row + i, column + j), c)));
  }
  return cells;
}

/** The addresses written in `column` below the header (row 5 on). */
const cellsIn = (cells: Map<string, CellInput>, column: string) => [...cells.keys()].filter((a) => a.replace(/\d+$/, '') === column && parseCell(a).row >= 5);
const resultOf = (c: CellInput | undefined) => (c && 'formula' in c ? c.result : 'no formula');
const sheetOf = (wb: WorkbookSnapshot, name: string = P) => wb.sheets.find((s) => s.name === name)!;

describe('a new Prioritering sheet', () => {
  const fresh = () => plan(workbook({ rows: ROWS }));

  it('is added with the title, the intro and the eight headers in row 4', () => {
    const { ops } = fresh();
    expect(ops.filter((o) => o.kind === 'addSheet')).toEqual([{ kind: 'addSheet', sheet: P }]);
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: P });
    const after = sheetOf(simulate(workbook({ rows: ROWS }), ops));
    expect(valueAt(after, 1, 1)).toBe('Prioritering: de keuze van het team');
    expect(valueAt(after, 2, 1)).toBe(
      'Zet hier jullie eigen volgorde. Wijkt een plaats af van de automatische rang, schrijf dan bij "Omdat…" waarom. Spreek af wie verantwoordelijk is.',
    );
    expect(valueAt(after, 3, 1)).toBeNull();
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => valueAt(after, 4, c))).toEqual(HEADER);
  });

  it('writes the rank and Signaal formulas in E5:F34, each reading its own row, with empty cached values; no list, no record', () => {
    const { ops, problems } = fresh();
    const cells = written(ops);
    expect([...cells.keys()].filter((a) => parseCell(a).row < 4)).toEqual(['A1', 'A2']);
    const e = cellsIn(cells, 'E');
    const f = cellsIn(cells, 'F');
    expect(e).toEqual(Array.from({ length: 30 }, (_, i) => `E${i + 5}`));
    expect(f).toEqual(Array.from({ length: 30 }, (_, i) => `F${i + 5}`));
    for (let r = 5; r <= 34; r++) {
      const rank = cells.get(`E${r}`) as { formula: string; result: unknown };
      expect(rank.result).toBe('');
      expect(rank.formula).toMatch(/^=IF\(IFERROR\(/);
      expect(rank.formula).toContain(`$B${r},`);
      expect(rank.formula).toContain(KEYS);
      expect(rank.formula).toContain("RANK(INDEX('Werkblad koppelkansen kiezen'!$F$6:$F$105,");
      const flag = cells.get(`F${r}`) as { formula: string; result: unknown };
      expect(flag.result).toBe('');
      expect(flag.formula).toContain(`ISNUMBER($A${r})`);
      expect(flag.formula).toContain(`ROW()-4`);
      expect(flag.formula).toContain(`<>$G${r},"${PRIORITERING.changedFlag}"`);
      expect(flag.formula).toContain(`$H${r}=1`);
      expect(flag.formula).toContain(`SUBSTITUTE($C${r},`);
    }
    // nothing proposed without `propose`, and no record of an empty list
    expect(['A', 'B', 'C', 'D', 'G', 'H'].flatMap((c) => cellsIn(cells, c))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('wants the koppelkans dropdown on B5:B34, from the werkblad koppelkansen', () => {
    const { validations } = fresh();
    expect(validations).toHaveLength(1);
    expect(validations[0]).toEqual({
      sheet: P,
      range: 'B5:B34',
      rule: {
        type: 'list',
        source: "='Werkblad koppelkansen kiezen'!$B$6:$B$105",
        prompt: 'Kies een koppelkans uit de lijst.',
        errorTitle: 'Koppelkans niet in de lijst',
        errorMessage:
          'Deze koppelkans staat niet in de keuzelijst. Voeg hem eerst toe op het blad "Werkblad koppelkansen kiezen", dan verschijnt hij in de lijst.',
        strict: false,
      },
    });
  });

  it('is styled once: title, intro, header, Omdat… wrapped, Signaal red, the record grey, widths, frozen header, print setup', () => {
    const { ops } = fresh();
    expect(ops.filter((o) => o.kind !== 'setCells' && o.kind !== 'addSheet')).toEqual([
      { kind: 'setStyle', sheet: P, range: 'A1', style: { bold: true, fontSize: 14, fontColor: '#1F4E79' } },
      { kind: 'setStyle', sheet: P, range: 'A2:H2', style: { wrap: false, italic: true } },
      { kind: 'setStyle', sheet: P, range: 'A4:H4', style: { bold: true, fill: '#1F4E79', fontColor: '#FFFFFF' } },
      { kind: 'setStyle', sheet: P, range: 'C5:C34', style: { wrap: true, verticalAlignment: 'top' } },
      { kind: 'setStyle', sheet: P, range: 'F5:F34', style: { fontColor: '#C00000', bold: true } },
      { kind: 'setStyle', sheet: P, range: 'G5:H34', style: { fontColor: '#595959', fontSize: 9 } },
      {
        kind: 'setColumnWidths',
        sheet: P,
        widths: [
          { column: 'A', width: 11 },
          { column: 'B', width: 50 },
          { column: 'C', width: 60 },
          { column: 'D', width: 24 },
          { column: 'E', width: 18 },
          { column: 'F', width: 24 },
          { column: 'G', width: 22 },
          { column: 'H', width: 10 },
        ],
      },
      { kind: 'freeze', sheet: P, rows: 4, columns: 0 },
      { kind: 'setPageSetup', sheet: P, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 4, last: 4 }, printArea: 'A1:H34' },
    ]);
  });

  it('without a werkblad: nothing', () => {
    const ctx = plan({ sheets: [{ name: 'Blad1', values: [['iets']] }] }, { propose: true });
    expect([ctx.ops, ctx.problems, ctx.validations]).toEqual([[], [], []]);
  });
});

describe('propose: the automatic order as a start', () => {
  it('fills a new sheet with the ranked koppelkansen in order, their ranks and the check record; 30 spare rows after them', () => {
    const wb = workbook({ rows: ROWS });
    const { ops, validations } = plan(wb, { propose: true });
    const cells = written(ops);
    expect([5, 6, 7, 8].map((r) => [cells.get(`A${r}`), cells.get(`B${r}`)])).toEqual([
      [{ number: 1 }, { text: 'Geveltuinen' }],
      [{ number: 2 }, { text: 'Daken' }],
      [{ number: 3 }, { text: 'Stage' }],
      [undefined, undefined],
    ]);
    expect([5, 6, 7, 8].map((r) => [resultOf(cells.get(`E${r}`)), resultOf(cells.get(`F${r}`))])).toEqual([
      [1, ''],
      [2, ''],
      [3, ''],
      ['', ''],
    ]);
    expect([5, 6, 7].map((r) => [cells.get(`G${r}`), cells.get(`H${r}`)])).toEqual([
      [{ text: '1|geveltuinen' }, { number: 0 }],
      [{ text: '2|daken' }, { number: 0 }],
      [{ text: '3|stage' }, { number: 0 }],
    ]);
    expect(cellsIn(cells, 'G')).toEqual(['G5', 'G6', 'G7']);
    // rows 5..37: the last entry (7) and 30 spare rows
    expect(cellsIn(cells, 'E').at(-1)).toBe('E37');
    expect(validations[0].range).toBe('B5:B37');
    expect(ops.find((o) => o.kind === 'setPageSetup')).toMatchObject({ printArea: 'A1:H37' });
    expect(ops).toContainEqual({ kind: 'setStyle', sheet: P, range: 'G5:H37', style: { fontColor: '#595959', fontSize: 9 } });
  });

  it("a name listed twice on the werkblad has the rank of its first row, as the rank formula's MATCH; the entry out of order is flagged; rows without a koppelkans are left out", () => {
    const wb = workbook({
      rows: [
        ['Groen', 'Daken', 3, 3, 3],
        ['Groen', 'Tuinen', 2, 2, 2],
        ['Werk', 'daken', 1, 1, 1],
        ['Werk', null, 1, 1, 1],
      ],
    });
    const cells = written(plan(wb, { propose: true }).ops);
    expect([5, 6, 7, 8].map((r) => cells.get(`B${r}`))).toEqual([{ text: 'Daken' }, { text: 'Tuinen' }, { text: 'daken' }, undefined]);
    expect([5, 6, 7].map((r) => [resultOf(cells.get(`E${r}`)), resultOf(cells.get(`F${r}`))])).toEqual([
      [1, ''],
      [2, FLAG],
      [1, ''],
    ]);
    expect([5, 6, 7].map((r) => [cells.get(`G${r}`), cells.get(`H${r}`)])).toEqual([
      [{ text: '1|daken' }, { number: 0 }],
      [{ text: '2|tuinen' }, { number: 1 }],
      [{ text: '3|daken' }, { number: 0 }],
    ]);
  });

  it('a proposed name that is on the werkblad only under a row without a total gets "–"', () => {
    // Stage is ranked; "stage " (another row, unscored) has the same name: the first row counts
    const wb = workbook({
      rows: [
        ['Werk', 'Stage '],
        ['Groen', 'Daken', 1, 1, 1],
        ['Werk', 'stage', 2, 2, 2],
      ],
    });
    const cells = written(plan(wb, { propose: true }).ops);
    expect([5, 6].map((r) => [cells.get(`B${r}`), resultOf(cells.get(`E${r}`))])).toEqual([
      [{ text: 'stage' }, '–'],
      [{ text: 'Daken' }, 2],
    ]);
  });

  it("on an existing sheet without entries: fills only the empty cells, never the team's, and the list ends 30 rows after the team's last line", () => {
    const prio = prioSheet([
      ['eerste', null],
      [null, null],
      [],
      [null, null, null, 'Jan'],
      ...Array.from({ length: 11 }, () => []),
      [null, null, 'notitie onderaan'],
    ]);
    const wb = workbook({ rows: ROWS }, [prio]);
    const { ops, validations } = plan(wb, { propose: true });
    expect(ops.some((o) => o.kind === 'addSheet')).toBe(false);
    const cells = written(ops);
    expect(cells.has('A5')).toBe(false);
    expect([cells.get('B5'), cells.get('A6'), cells.get('B6'), cells.get('A7'), cells.get('B7')]).toEqual([
      { text: 'Geveltuinen' },
      { number: 2 },
      { text: 'Daken' },
      { number: 3 },
      { text: 'Stage' },
    ]);
    expect(cells.has('D8')).toBe(false);
    expect(cells.has('C20')).toBe(false);
    // the team's last line is row 20: rows to 50
    expect(validations[0].range).toBe('B5:B50');
    expect(cellsIn(cells, 'E').at(-1)).toBe('E50');
    // an existing sheet is not styled again
    expect(ops.filter((o) => o.kind !== 'setCells')).toEqual([]);
  });

  it("a proposal into rows where the team typed a Prioriteit number or a reason records the entries as they read back (the team's place, its reason)", () => {
    // What broke: the check record and the cached Signaal took the proposal's own place (1, 2 …) and no
    // reason, while the rows read back with the team's number in Prioriteit and its Omdat… text: the
    // Signaal formula showed "Volgorde gewijzigd" and the next plan wrote the record again.
    const wb = workbook({ rows: ROWS }, [prioSheet([[2, null, null], [1, null, 'zo besproken'], ['x']])]);
    const first = plan(wb, { propose: true });
    const cells = written(first.ops);
    // Geveltuinen (rank 1) at place 2, Daken (rank 2) at place 1 with a reason, Stage in row 7 (place 3: "x" is no number)
    expect([5, 6, 7].map((r) => [cells.has(`A${r}`), cells.get(`B${r}`)])).toEqual([
      [false, { text: 'Geveltuinen' }],
      [false, { text: 'Daken' }],
      [false, { text: 'Stage' }],
    ]);
    expect([5, 6, 7].map((r) => [cells.get(`G${r}`), cells.get(`H${r}`), resultOf(cells.get(`F${r}`))])).toEqual([
      [{ text: '2|geveltuinen' }, { number: 0 }, ''],
      [{ text: '1|daken' }, { number: 1 }, ''],
      [{ text: '3|stage' }, { number: 0 }, ''],
    ]);
    expect(plan(simulate(wb, first.ops), { propose: true }).ops).toEqual([]);
    // and without a reason in row 6: flagged there
    const noReason = workbook({ rows: ROWS }, [prioSheet([[2], [1]])]);
    expect(resultOf(written(plan(noReason, { propose: true }).ops).get('F6'))).toBe(FLAG);
  });

  it('a proposal leaves a formula the team put in Prioriteit, also one that shows nothing yet', () => {
    // What broke: a numbering formula such as =IF(B5="","",ROW()-4) shows "" while B5 is empty, and the
    // proposal wrote its number over it (only the cell's text was looked at).
    const wb = workbook({ rows: ROWS }, [prioSheet([[''], ['']])]);
    wb.sheets[2].formulas = [[], [], [], [], ['=IF(B5="","",ROW()-4)'], ['=IF(B6="","",ROW()-4)']];
    const cells = written(plan(wb, { propose: true }).ops);
    expect([cells.has('A5'), cells.has('A6'), cells.get('A7')]).toEqual([false, false, { number: 3 }]);
    expect([cells.get('B5'), cells.get('B6'), cells.get('B7')]).toEqual([{ text: 'Geveltuinen' }, { text: 'Daken' }, { text: 'Stage' }]);
  });

  it('a proposal into a sheet whose rows the snapshot leaves out (a sparse list, as a reader may give it): the same as empty rows', () => {
    const prio = prioSheet([]);
    prio.values[9] = [null, null, null, 'Jan'];
    // and a row given as undefined rather than left out
    prio.values[4] = undefined as unknown as CellValue[];
    const cells = written(plan(workbook({ rows: ROWS }, [prio]), { propose: true }).ops);
    expect([5, 6, 7].map((r) => [cells.get(`A${r}`), cells.get(`B${r}`), cells.get(`G${r}`)])).toEqual([
      [{ number: 1 }, { text: 'Geveltuinen' }, { text: '1|geveltuinen' }],
      [{ number: 2 }, { text: 'Daken' }, { text: '2|daken' }],
      [{ number: 3 }, { text: 'Stage' }, { text: '3|stage' }],
    ]);
  });

  it('a row left out of the snapshot, with Omdat… in column A: no reason there, so the proposal out of order is flagged', () => {
    // Daken 9, Tuinen 6, daken 3: the proposal Daken, Tuinen, daken has ranks 1, 2, 1 and Tuinen (row 6) deviates
    const book = (prio: SheetSnapshot) =>
      workbook(
        {
          rows: [
            ['Groen', 'Daken', 3, 3, 3],
            ['Groen', 'Tuinen', 2, 2, 2],
            ['Werk', 'daken', 1, 1, 1],
          ],
        },
        [prio],
      );
    const header = ['Omdat…', 'Prioriteit', 'Koppelkans', 'Verantwoordelijke', 'Automatische rang', 'Signaal', 'Gecontroleerd (add-in)', 'Afwijking (add-in)'];
    const hole = prioSheet([], header);
    hole.values[9] = [null, null, null, 'Jan'];
    const undefinedRow = prioSheet([], header);
    undefinedRow.values[9] = [null, null, null, 'Jan'];
    undefinedRow.values[5] = undefined as unknown as CellValue[];
    for (const prio of [hole, undefinedRow]) {
      const cells = written(plan(book(prio), { propose: true }).ops);
      expect([5, 6, 7].map((r) => [cells.get(`C${r}`), resultOf(cells.get(`F${r}`)), cells.get(`H${r}`)])).toEqual([
        [{ text: 'Daken' }, '', { number: 0 }],
        [{ text: 'Tuinen' }, FLAG, { number: 1 }],
        [{ text: 'daken' }, '', { number: 0 }],
      ]);
      expect(cells.has('A6')).toBe(false);
    }
  });

  it('proposes nothing when the team has entries, or without the option', () => {
    const withEntries = written(plan(workbook({ rows: ROWS }, [prioSheet([[1, 'Stage']])]), { propose: true }).ops);
    expect([...cellsIn(withEntries, 'A'), ...cellsIn(withEntries, 'B')]).toEqual([]);
    const noOption = written(plan(workbook({ rows: ROWS }, [prioSheet([])])).ops);
    expect(['A', 'B', 'G', 'H'].flatMap((c) => cellsIn(noOption, c))).toEqual([]);
  });

  it('no ranked koppelkans: an empty list of 30 rows', () => {
    const wb = workbook({ rows: [['Groen', 'Daken']] });
    const { ops, validations } = plan(wb, { propose: true });
    expect(cellsIn(written(ops), 'B')).toEqual([]);
    expect(validations[0].range).toBe('B5:B34');
  });
});

describe("the team's own entries", () => {
  // Stage placed first without a reason, Daken second with one, Geveltuinen third, a name not on the werkblad; an old record in row 10
  const entries = () =>
    workbook({ rows: ROWS }, [
      prioSheet([[1, 'Stage'], [2, 'Daken', 'reden'], [3, 'Geveltuinen'], [null, 'Onbekend'], [], [null, null, null, null, null, null, '9|oud', 1]]),
    ]);

  it("rank and Signaal carry the engine's values; the record holds what the engine saw; an older record below is cleared", () => {
    const { ops, problems } = plan(entries(), { propose: true });
    const cells = written(ops);
    expect([5, 6, 7, 8, 9].map((r) => [resultOf(cells.get(`E${r}`)), resultOf(cells.get(`F${r}`))])).toEqual([
      [3, FLAG],
      [2, ''],
      [1, ''],
      ['–', ''],
      ['', ''],
    ]);
    expect([5, 6, 7, 8, 9, 10].map((r) => [cells.get(`G${r}`), cells.get(`H${r}`)])).toEqual([
      [{ text: '1|stage' }, { number: 1 }],
      [{ text: '2|daken' }, { number: 1 }],
      [{ text: '3|geveltuinen' }, { number: 0 }],
      [{ text: '4|onbekend' }, { number: 0 }],
      [undefined, undefined],
      [{ clear: true }, { clear: true }],
    ]);
    // the last entry is in row 8: formulas to row 38
    expect(cellsIn(cells, 'F').at(-1)).toBe('F38');
    // the team's columns are never written
    expect(['A', 'B', 'C', 'D'].flatMap((c) => cellsIn(cells, c))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("an old record is cleared down to the list's last row (30 after the last entry), not below it", () => {
    const wb = workbook({ rows: ROWS }, [
      prioSheet([
        [1, 'Stage'],
        [2, 'Daken', 'reden'],
      ]),
    ]);
    // the last entry is in row 6: the list's rows end at 36
    const sheet = sheetOf(wb);
    while (sheet.values.length < 37) sheet.values.push([]);
    sheet.values[35] = [null, null, null, null, null, null, '9|oud', 1];
    sheet.values[36] = [null, null, null, null, null, null, 'onder de lijst', 0];
    const cells = written(plan(wb).ops);
    expect([cells.get('G36'), cells.get('H36')]).toEqual([{ clear: true }, { clear: true }]);
    expect([cells.has('G37'), cells.has('H37')]).toEqual([false, false]);
  });

  it('a second plan over the result writes nothing', () => {
    const wb = entries();
    const after = simulate(wb, plan(wb).ops);
    expect(plan(after).ops).toEqual([]);
    expect(valueAt(sheetOf(after), 10, 7)).toBeNull();
    expect(valueAt(sheetOf(after), 5, 6)).toBe(FLAG);
  });

  it("fills in the missing labels of the engine's columns only, and keeps the team's own", () => {
    const wb = workbook({ rows: ROWS }, [prioSheet([[1, 'Stage']], ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang'])]);
    const cells = written(plan(wb).ops);
    expect([...cells.keys()].filter((a) => parseCell(a).row === 4)).toEqual(['F4', 'G4', 'H4']);
    expect([cells.get('F4'), cells.get('G4'), cells.get('H4')]).toEqual([
      { text: 'Signaal' },
      { text: 'Gecontroleerd (add-in)' },
      { text: 'Afwijking (add-in)' },
    ]);
    const complete = written(plan(workbook({ rows: ROWS }, [prioSheet([[1, 'Stage']])])).ops);
    expect([...complete.keys()].filter((a) => parseCell(a).row === 4)).toEqual([]);
  });

  it('the rank label, when the team cleared it, comes back in its column', () => {
    const header = [...HEADER];
    header[4] = null;
    const cells = written(plan(workbook({ rows: ROWS }, [prioSheet([[1, 'Stage']], header)])).ops);
    expect([...cells.keys()].filter((a) => parseCell(a).row === 4)).toEqual(['E4']);
    expect(cells.get('E4')).toEqual({ text: 'Automatische rang' });
  });

  it("a value the team typed in Automatische rang or Signaal stays: CELL_OCCUPIED names the cell and its text; a formula there is the engine's", () => {
    const wb = workbook({ rows: ROWS }, [
      prioSheet([
        [1, 'Stage', null, null, '=oud'],
        [2, 'Daken', 'reden', null, 7],
        [3, 'Geveltuinen', null, null, null, 'klopt niet'],
      ]),
    ]);
    // E5 holds a formula, not a value
    wb.sheets[2].formulas = [[], [], [], [], [null, null, null, null, '=1']];
    const { ops, problems } = plan(wb);
    const cells = written(ops);
    expect(resultOf(cells.get('E5'))).toBe(3);
    expect(cells.has('E6')).toBe(false);
    expect(cells.has('F7')).toBe(false);
    expect(cells.has('F6')).toBe(true);
    expect(cells.has('E7')).toBe(true);
    expect(problems.map((p) => [p.code, p.sheet, p.cell, p.severity])).toEqual([
      ['CELL_OCCUPIED', P, 'E6', 'warning'],
      ['CELL_OCCUPIED', P, 'F7', 'warning'],
    ]);
    expect(problems[0].message).toContain('"7"');
    expect(problems[1].message).toContain('"klopt niet"');
  });

  it('columns apart (a team column between): rank, Signaal and the two record columns each in their own column, the columns between untouched', () => {
    const header = [
      'Prioriteit',
      'Koppelkans',
      'Omdat…',
      'Verantwoordelijke',
      'Automatische rang',
      'Notitie',
      'Signaal',
      'Gecontroleerd (add-in)',
      'Opmerking',
      'Afwijking (add-in)',
    ];
    const wb = workbook({ rows: ROWS }, [
      prioSheet(
        [
          [1, 'Stage', null, null, null, null],
          [2, 'Daken', 'reden'],
        ],
        header,
      ),
    ]);
    const { ops, validations } = plan(wb);
    const cells = written(ops);
    const columns = new Set([...cells.keys()].map((a) => a.replace(/\d+$/, '')));
    expect([...columns].sort()).toEqual(['E', 'G', 'H', 'J']);
    expect([resultOf(cells.get('E5')), resultOf(cells.get('G5')), resultOf(cells.get('E6')), resultOf(cells.get('G6'))]).toEqual([3, FLAG, 2, '']);
    // the Signaal formula reads the record where it is
    expect((cells.get('G5') as { formula: string }).formula).toContain('<>$H5,');
    expect((cells.get('G5') as { formula: string }).formula).toContain('$J5=1');
    expect([cells.get('H5'), cells.get('J5'), cells.get('H6'), cells.get('J6')]).toEqual([
      { text: '1|stage' },
      { number: 1 },
      { text: '2|daken' },
      { number: 0 },
    ]);
    // the last entry is in row 6: rows 5..36
    expect(cellsIn(cells, 'E')).toHaveLength(32);
    expect(cellsIn(cells, 'G')).toHaveLength(32);
    expect(validations[0].range).toBe('B5:B36');
    const after = simulate(wb, ops);
    expect(plan(after).ops).toEqual([]);
  });

  it("the sheet under the team's spelling of its name: every write and the dropdown go there", () => {
    const wb = workbook({ rows: ROWS }, [prioSheet([[1, 'Stage']], HEADER, 'PRIORITERING')]);
    const { ops, validations } = plan(wb);
    expect(ops.length).toBeGreaterThan(0);
    written(ops, 'PRIORITERING');
    expect(validations[0].sheet).toBe('PRIORITERING');
  });
});

describe('properties', () => {
  const names = ['Daken', 'Geveltuinen', 'Stage', 'daken', 'Bomen'];
  const entry = fc.tuple(
    fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 6 }), fc.constant('x')),
    fc.oneof(fc.constant(null), fc.constantFrom(...names)),
    fc.oneof(fc.constant(null), fc.constant('reden')),
    fc.oneof(fc.constant(null), fc.constant('x'), fc.integer({ min: 1, max: 4 })),
  );
  const scores = fc.array(fc.tuple(fc.constantFrom(...names), fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 5 }))), { maxLength: 5 });

  it("never writes over what the team typed: only empty cells, formulas, the engine's record and the engine's labels", () => {
    fc.assert(
      fc.property(scores, fc.array(entry, { maxLength: 6 }), fc.boolean(), (werkblad, rows, propose) => {
        const prio = prioSheet(rows.map(([a, b, c, e]) => [a, b, c, null, e]));
        const wb = workbook({ rows: werkblad.map(([k, s]) => ['Groen', k, s, s, s]) }, [prio]);
        const { ops } = plan(wb, { propose });
        const sheet = sheetOf(wb);
        for (const [a, input] of written(ops)) {
          const { row, column } = parseCell(a);
          const before = valueAt(sheet, row, column);
          const team = before !== null && before !== '' && !formulaAt(sheet, row, column);
          // the record columns (G, H) are the engine's values
          if (team) expect({ a, record: [7, 8].includes(column) }).toEqual({ a, record: true });
          if (column === 5 || column === 6) expect('formula' in input).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('planning again over the result writes nothing', () => {
    fc.assert(
      fc.property(scores, fc.array(entry, { maxLength: 6 }), fc.boolean(), (werkblad, rows, propose) => {
        const wb = workbook({ rows: werkblad.map(([k, s]) => ['Groen', k, s, s, s]) }, rows.length ? [prioSheet(rows.map(([a, b, c]) => [a, b, c]))] : []);
        const after = simulate(wb, plan(wb, { propose }).ops);
        expect(plan(after, { propose }).ops).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

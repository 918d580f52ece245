/**
 * What the plan writes on the WUP checklist sheet (src/core/plan/checklist.ts), on small
 * workbooks built in code (pure, fast: `planChecklist` on its own, read back through
 * `simulate`): a new sheet with the basiselementen, the deadline formulas, the progress table
 * with the engine's counts as cached results, the status dropdown and the looks; on an
 * existing sheet the deadline and the table follow the rows the engine finds by their labels,
 * the cached counts follow the team's statuses, an older longer table is cleared (not a
 * caption under it), and a value the team typed in a formula cell stays (CELL_OCCUPIED).
 * Written for a StrykerJS run of the file (CONTRIBUTING.md, "Runs of 3 Dec c").
 */
import { parseCell, cellAddress } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { WUP_CHECKLIST } from '../../src/core/defaults';
import { cleanFormula } from '../../src/core/keuzelijsten';
import { SHEET_NAMES } from '../../src/core/layout';
import type { PlanContext } from '../../src/core/plan/context';
import { planChecklist } from '../../src/core/plan/checklist';
import { simulate } from '../../src/core/simulate';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const C = SHEET_NAMES.checklist;
const NOW = new Date('2026-12-03T12:00:00Z');
const HEADER_STYLE = { bold: true, fill: '#1F4E79', fontColor: '#FFFFFF' };
const PARTS = ['Wijkanalyse', 'Definitieve duurzame energievoorziening', 'Uitvoeringsstrategie', 'Participatie'];
/** Excel serials (1900 system) of 1 January 2040 and 1 January 2030. */
const JAN_2040 = 51136;
const JAN_2030 = 47484;

function plan(wb: WorkbookSnapshot): PlanContext {
  const ctx: PlanContext = { snapshot: wb, analysis: analyze(wb, { now: NOW }), options: {}, ops: [], problems: [], validations: [] };
  planChecklist(ctx);
  return ctx;
}

/** Every cell the ops write, by A1 address (the sheet is checked to be `sheet`). */
function written(ops: PlanOp[], sheet: string = C): Map<string, CellInput> {
  const cells = new Map<string, CellInput>();
  for (const op of ops) {
    if (op.kind !== 'setCells') continue;
    expect(op.sheet).toBe(sheet);
    const { row, column } = parseCell(op.cell);
    op.cells.forEach((line, i) => line.forEach((c, j) => cells.set(cellAddress(row + i, column + j), c)));
  }
  return cells;
}

const formulaOf = (c: CellInput | undefined) => (c && 'formula' in c ? c.formula : 'no formula');
const resultOf = (c: CellInput | undefined) => (c && 'formula' in c ? c.result : 'no formula');
/** The cached results of a progress row H..L (the label as its text). */
const tableRow = (cells: Map<string, CellInput>, r: number) =>
  ['H', 'I', 'J', 'K', 'L'].map((col) => {
    const c = cells.get(`${col}${r}`);
    return c && 'text' in c ? c.text : resultOf(c);
  });

/** The engine's progress formula for table row `r` over items `first`..`last`, with `status` or without (the count). */
const progress = (first: number, last: number, r: number, status?: string) => {
  const parts = [`EXACT(${cleanFormula(`$A$${first}:$A$${last}`)},$H${r})`, `(${cleanFormula(`$B$${first}:$B$${last}`)}<>"")`];
  if (status) parts.push(`(${cleanFormula(`$C$${first}:$C$${last}`)}="${status}")`);
  return `=SUMPRODUCT(${parts.map((x) => `ISNUMBER(1/${x})`).join('*')})`;
};

/** A workbook whose checklist sheet is the one a first plan made; `edit` changes that sheet before it is returned. */
function existing(edit: (sheet: SheetSnapshot) => void = () => {}, base: WorkbookSnapshot = workbook()): WorkbookSnapshot {
  const wb = simulate(base, plan(base).ops);
  const sheet = wb.sheets.find((s) => s.name === C)!;
  sheet.values = sheet.values.map((l) => [...l]);
  sheet.formulas = (sheet.formulas ?? []).map((l) => [...(l ?? [])]);
  edit(sheet);
  return wb;
}

const set = (sheet: SheetSnapshot, a1: string, value: CellValue) => {
  const { row, column } = parseCell(a1);
  while (sheet.values.length < row) sheet.values.push([]);
  sheet.values[row - 1][column - 1] = value;
};

describe('a new WUP checklist sheet', () => {
  const fresh = () => plan(workbook());

  it('is added with the title, the status hint, the two date labels, the header and every basiselement as "To do"', () => {
    const { ops } = fresh();
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: C });
    const cells = written(ops);
    expect(['A1', 'A2', 'A3', 'A4'].map((a) => cells.get(a))).toEqual([
      { text: 'WUP checklist: basiselementen van het Wijkuitvoeringsplan' },
      { text: 'Houd per basiselement de status bij: To do, Bezig of Klaar.' },
      { text: 'Datum overstap laatste woning' },
      { text: 'Uiterlijk WUP vastgesteld in (jaar)' },
    ]);
    expect(['A6', 'B6', 'C6', 'D6', 'E6'].map((a) => cells.get(a))).toEqual(
      ['Onderdeel', 'Basiselement', 'Status', 'Toelichting', 'Verantwoordelijke'].map((text) => ({ text })),
    );
    const items = WUP_CHECKLIST.flatMap((p) => p.items.map((item) => [p.onderdeel, item, 'To do']));
    expect(items).toHaveLength(15);
    items.forEach((item, i) => expect(['A', 'B', 'C'].map((col) => cells.get(`${col}${7 + i}`))).toEqual(item.map((text) => ({ text }))));
    expect(cells.has('A22')).toBe(false);
    expect(cells.has('D7')).toBe(false);
  });

  it('writes the deadline formula (C4, reading C3, 1900 dates) and its warning (D4), empty while no date is set', () => {
    const cells = written(fresh().ops);
    expect(cells.get('C4')).toEqual({ formula: '=IF(ISNUMBER(C3),IF(AND(NOT(ISLOGICAL(C3)),C3>=61,C3<2958466),YEAR(C3)-8,""),"")', result: '' });
    expect(cells.get('D4')).toEqual({ formula: '=IF(ISNUMBER(C4),IF(YEAR(TODAY())>C4,"Let op: dit jaar is al voorbij","Nog op tijd"),"")', result: '' });
  });

  it('a 1904 workbook: the deadline formula takes the 1904 serials', () => {
    const wb = { ...workbook(), date1904: true };
    expect(formulaOf(written(plan(wb).ops).get('C4'))).toBe('=IF(ISNUMBER(C3),IF(AND(NOT(ISLOGICAL(C3)),C3>=1,C3<2957004),YEAR(C3)-8,""),"")');
  });

  it('writes the progress table in H6:L11: per onderdeel Klaar, Bezig, Aantal and Voortgang as formulas over the items, a total row', () => {
    const cells = written(fresh().ops);
    expect(tableRow(cells, 6)).toEqual(['Onderdeel', 'Klaar', 'Bezig', 'Aantal', 'Voortgang']);
    expect([7, 8, 9, 10].map((r) => tableRow(cells, r))).toEqual([
      [PARTS[0], 0, 0, 3, 0],
      [PARTS[1], 0, 0, 7, 0],
      [PARTS[2], 0, 0, 3, 0],
      [PARTS[3], 0, 0, 2, 0],
    ]);
    expect(tableRow(cells, 11)).toEqual(['Totaal', 0, 0, 15, 0]);
    expect(cells.has('H12')).toBe(false);
    for (let r = 7; r <= 10; r++) {
      expect(['I', 'J', 'K', 'L'].map((col) => formulaOf(cells.get(`${col}${r}`)))).toEqual([
        progress(7, 21, r, 'Klaar'),
        progress(7, 21, r, 'Bezig'),
        progress(7, 21, r),
        `=IF(K${r}=0,"",I${r}/K${r})`,
      ]);
    }
    expect(['I', 'J', 'K', 'L'].map((col) => formulaOf(cells.get(`${col}11`)))).toEqual([
      '=SUM(I7:I10)',
      '=SUM(J7:J10)',
      '=SUM(K7:K10)',
      '=IF(K11=0,"",I11/K11)',
    ]);
  });

  it('wants the status dropdown on C7:C21', () => {
    expect(fresh().validations).toEqual([
      {
        sheet: C,
        range: 'C7:C21',
        rule: {
          type: 'list',
          source: 'To do,Bezig,Klaar',
          prompt: 'Status: To do, Bezig of Klaar.',
          errorTitle: 'Onbekende status',
          errorMessage: 'Kies To do, Bezig of Klaar.',
          strict: true,
        },
      },
    ]);
  });

  it('is styled once: title, labels, the date cell, both headers, percentages, the total row, wrapped Toelichting, widths, frozen header, print setup', () => {
    const { ops, problems } = fresh();
    expect(ops.filter((o) => o.kind !== 'setCells' && o.kind !== 'addSheet')).toEqual([
      { kind: 'setStyle', sheet: C, range: 'A1', style: { bold: true, fontSize: 14, fontColor: '#1F4E79' } },
      { kind: 'setStyle', sheet: C, range: 'A3:A4', style: { bold: true } },
      { kind: 'setStyle', sheet: C, range: 'C3', style: { numberFormat: 'dd-mm-yyyy', fill: '#FFF2CC' } },
      { kind: 'setStyle', sheet: C, range: 'A6:E6', style: HEADER_STYLE },
      { kind: 'setStyle', sheet: C, range: 'H6:L6', style: HEADER_STYLE },
      { kind: 'setStyle', sheet: C, range: 'L7:L11', style: { numberFormat: '0%' } },
      { kind: 'setStyle', sheet: C, range: 'H11:L11', style: { bold: true } },
      { kind: 'setStyle', sheet: C, range: 'D7:D21', style: { wrap: true } },
      {
        kind: 'setColumnWidths',
        sheet: C,
        widths: [
          { column: 'A', width: 34 },
          { column: 'B', width: 52 },
          { column: 'C', width: 12 },
          { column: 'D', width: 44 },
          { column: 'E', width: 22 },
          { column: 'H', width: 34 },
          { column: 'I', width: 8 },
          { column: 'J', width: 8 },
          { column: 'K', width: 8 },
          { column: 'L', width: 11 },
        ],
      },
      { kind: 'freeze', sheet: C, rows: 6, columns: 0 },
      { kind: 'setPageSetup', sheet: C, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 6, last: 6 }, printArea: 'A1:L11' },
    ]);
    expect(problems).toEqual([]);
  });

  it('without a werkblad: nothing', () => {
    const ctx = plan({ sheets: [{ name: 'Blad1', values: [['iets']] }] });
    expect([ctx.ops, ctx.problems, ctx.validations]).toEqual([[], [], []]);
  });
});

describe('an existing WUP checklist sheet', () => {
  it('a second plan writes nothing, styles nothing, and wants the same dropdown', () => {
    const ctx = plan(existing());
    expect(ctx.ops).toEqual([]);
    expect(ctx.validations.map((v) => [v.sheet, v.range])).toEqual([[C, 'C7:C21']]);
  });

  it("the team's statuses: the counts' cached values follow them, only the cells that change are written, never the items", () => {
    const wb = existing((s) => {
      set(s, 'C7', 'Klaar');
      set(s, 'C8', 'bezig');
      set(s, 'C10', 'Klaar');
      set(s, 'C11', 'Klaar');
    });
    const { ops, problems } = plan(wb);
    const cells = written(ops);
    expect([...cells.keys()].every((a) => /^[H-L]/.test(a))).toBe(true);
    expect([7, 8, 9, 10, 11].map((r) => tableRow(cells, r).slice(1))).toEqual([
      [1, 1, 3, 1 / 3],
      [2, 0, 7, 2 / 7],
      ['no formula', 'no formula', 'no formula', 'no formula'],
      ['no formula', 'no formula', 'no formula', 'no formula'],
      [3, 1, 15, 3 / 15],
    ]);
    expect(problems).toEqual([]);
    expect(plan(simulate(wb, ops)).ops).toEqual([]);
  });

  it('a date: the deadline year and "Nog op tijd", or the warning when that year has passed', () => {
    const onTime = written(plan(existing((s) => set(s, 'C3', JAN_2040))).ops);
    expect([resultOf(onTime.get('C4')), resultOf(onTime.get('D4'))]).toEqual([2032, 'Nog op tijd']);
    const late = written(plan(existing((s) => set(s, 'C3', JAN_2030))).ops);
    expect([resultOf(late.get('C4')), resultOf(late.get('D4'))]).toEqual([2022, 'Let op: dit jaar is al voorbij']);
  });

  it("a row the team inserted at the top: the deadline, the table and the dropdown follow the labels' rows", () => {
    const wb = existing((s) => {
      s.values.unshift([]);
      s.formulas!.unshift([]);
      set(s, 'C4', JAN_2040);
    });
    const { ops, validations, problems } = plan(wb);
    const cells = written(ops);
    expect(cells.get('C5')).toEqual({ formula: '=IF(ISNUMBER(C4),IF(AND(NOT(ISLOGICAL(C4)),C4>=61,C4<2958466),YEAR(C4)-8,""),"")', result: 2032 });
    expect(cells.get('D5')).toEqual({
      formula: '=IF(ISNUMBER(C5),IF(YEAR(TODAY())>C5,"Let op: dit jaar is al voorbij","Nog op tijd"),"")',
      result: 'Nog op tijd',
    });
    expect(formulaOf(cells.get('I8'))).toBe(progress(8, 22, 8, 'Klaar'));
    expect(formulaOf(cells.get('K11'))).toBe(progress(8, 22, 11));
    expect(formulaOf(cells.get('I12'))).toBe('=SUM(I8:I11)');
    expect(formulaOf(cells.get('L12'))).toBe('=IF(K12=0,"",I12/K12)');
    expect(validations.map((v) => v.range)).toEqual(['C8:C22']);
    expect(problems).toEqual([]);
    // the labels stay where the team put them
    expect([...cells.keys()].filter((a) => /^[A-E]/.test(a) && !/^[CD]5$/.test(a))).toEqual([]);
  });

  it('an onderdeel the team removed: the table is one row shorter and the old last rows are cleared; a caption under the table stays', () => {
    const wb = existing((s) => {
      // Participatie's two items (rows 20, 21) removed
      s.values[19] = [];
      s.values[20] = [];
      set(s, 'H14', 'Bron: handreiking');
    });
    const { ops, validations } = plan(wb);
    const cells = written(ops);
    // the rows left are written again whole: their formulas count over the shorter list
    expect([7, 8, 9].map((r) => tableRow(cells, r))).toEqual([
      [PARTS[0], 0, 0, 3, 0],
      [PARTS[1], 0, 0, 7, 0],
      [PARTS[2], 0, 0, 3, 0],
    ]);
    expect(tableRow(cells, 10)).toEqual(['Totaal', 0, 0, 13, 0]);
    expect(formulaOf(cells.get('I10'))).toBe('=SUM(I7:I9)');
    expect(['H', 'I', 'J', 'K', 'L'].map((col) => cells.get(`${col}11`))).toEqual(Array.from({ length: 5 }, () => ({ clear: true })));
    expect(cells.has('H12')).toBe(false);
    expect(cells.has('H14')).toBe(false);
    expect(validations.map((v) => v.range)).toEqual(['C7:C19']);
    // the counts over the items that are left
    expect(formulaOf(cells.get('I7'))).toBe(progress(7, 19, 7, 'Klaar'));
  });

  it('two onderdelen removed: both old rows under the new total are cleared, not the caption after them', () => {
    const wb = existing((s) => {
      for (let r = 17; r <= 21; r++) s.values[r - 1] = [];
      set(s, 'H12', 'Bron: handreiking');
    });
    const cells = written(plan(wb).ops);
    expect(tableRow(cells, 9)).toEqual(['Totaal', 0, 0, 10, 0]);
    expect(['H10', 'L10', 'H11', 'L11'].map((a) => cells.get(a))).toEqual(Array.from({ length: 4 }, () => ({ clear: true })));
    expect(cells.has('H12')).toBe(false);
  });

  it('the old table cleared down to the last row of the sheet', () => {
    // five items left (rows 7-11, two onderdelen): the old table's rows 10 and 11 are the sheet's last
    const wb = existing((s) => {
      s.values = s.values.slice(0, 11);
      s.formulas = s.formulas!.slice(0, 11);
    });
    const cells = written(plan(wb).ops);
    expect(tableRow(cells, 9)).toEqual(['Totaal', 0, 0, 5, 0]);
    expect(['H10', 'L10', 'H11', 'L11'].map((a) => cells.get(a))).toEqual(Array.from({ length: 4 }, () => ({ clear: true })));
  });

  it('an onderdeel whose only item has an error value in Onderdeel: its row counts nothing and shows no percentage, nor does the total', () => {
    // the item of row 8 is carried under "Eigen onderdeel" by the engine but counted under none, as the formulas count it
    const wb = existing((s) => {
      s.values = [...s.values.slice(0, 6), ['Eigen onderdeel'], ['#N/A', 'Een basiselement', 'Klaar']];
      s.formulas = s.formulas!.slice(0, 6);
    });
    const cells = written(plan(wb).ops);
    expect(tableRow(cells, 7)).toEqual(['Eigen onderdeel', 0, 0, 0, '']);
    expect(tableRow(cells, 8)).toEqual(['Totaal', 0, 0, 0, '']);
    expect(formulaOf(cells.get('K7'))).toBe(progress(8, 8, 7));
  });

  it('an onderdeel listed again further down is one row of the table', () => {
    const wb = existing((s) => {
      set(s, 'A22', 'Wijkanalyse');
      set(s, 'B22', 'Nog een analyse');
      set(s, 'C22', 'Klaar');
    });
    const cells = written(plan(wb).ops);
    expect(tableRow(cells, 7)).toEqual([PARTS[0], 1, 0, 4, 0.25]);
    expect(tableRow(cells, 11)).toEqual(['Totaal', 1, 0, 16, 1 / 16]);
    expect(formulaOf(cells.get('I7'))).toBe(progress(7, 22, 7, 'Klaar'));
  });

  it('the first item without an onderdeel: counted under none, no table row for it', () => {
    const wb = existing((s) => set(s, 'A7', null));
    const { ops, problems } = plan(wb);
    const cells = written(ops);
    expect(tableRow(cells, 7)).toEqual([PARTS[0], 0, 0, 2, 0]);
    expect(['H8', 'K8', 'K9', 'K10'].map((a) => cells.has(a))).toEqual([false, false, false, false]);
    expect(tableRow(cells, 11)).toEqual(['Totaal', 0, 0, 14, 0]);
    expect(cells.has('H12')).toBe(false);
    expect(problems).toEqual([]);
  });

  it('without items: the deadline formulas only, no table, no dropdown', () => {
    const wb = existing((s) => {
      s.values = s.values.slice(0, 6).map((l) => l.slice(0, 5));
      s.formulas = s.formulas!.slice(0, 6).map((l) => l.slice(0, 5));
    });
    const { ops, validations } = plan(wb);
    expect(ops).toEqual([]);
    expect(validations).toEqual([]);
    const noFormulas = existing((s) => {
      s.values = s.values.slice(0, 6).map((l) => l.slice(0, 5));
      s.formulas = [];
    });
    expect([...written(plan(noFormulas).ops).keys()]).toEqual(['C4', 'D4']);
  });

  it('a value the team typed over the deadline or its warning stays: CELL_OCCUPIED names the cell and the text', () => {
    const wb = existing((s) => {
      set(s, 'C4', 2031);
      s.formulas![3][2] = null;
      set(s, 'D4', 'zie notitie');
      s.formulas![3][3] = null;
    });
    const { ops, problems } = plan(wb);
    const cells = written(ops);
    expect([cells.has('C4'), cells.has('D4')]).toEqual([false, false]);
    expect(problems.map((p) => [p.code, p.sheet, p.cell, p.severity])).toEqual([
      ['CELL_OCCUPIED', C, 'C4', 'warning'],
      ['CELL_OCCUPIED', C, 'D4', 'warning'],
    ]);
    expect(problems[0].message).toContain('"2031"');
    expect(problems[1].message).toContain('"zie notitie"');
  });

  it("the sheet under the team's spelling of its name: every write and the dropdown go there", () => {
    const wb = existing((s) => {
      s.name = 'wup CHECKLIST';
      set(s, 'C7', 'Klaar');
    });
    const { ops, validations } = plan(wb);
    expect(ops.length).toBeGreaterThan(0);
    written(ops, 'wup CHECKLIST');
    expect(validations[0].sheet).toBe('wup CHECKLIST');
  });
});

/**
 * What the plan writes on the Notulen sheet (src/core/plan/notulen.ts), on small workbooks
 * built in code (pure, fast: `planNotulen` on its own, read back through `simulate` and
 * `readNotes`): a new sheet's conclusions block, participants line, log header and looks;
 * on an existing sheet only the label of column K ("In onderbouwing") where that header cell
 * is free, never anything the team wrote. Written for a StrykerJS run of the file
 * (CONTRIBUTING.md, "Runs of 3 Dec c").
 */
import { analyze } from '../../src/core/analyze';
import { valueAt } from '../../src/core/grid';
import { CONCLUSION_QUESTIONS, SHEET_NAMES } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import type { PlanContext } from '../../src/core/plan/context';
import { planNotulen } from '../../src/core/plan/notulen';
import { simulate } from '../../src/core/simulate';
import type { CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const N = SHEET_NAMES.notulen;
const LOG_HEADER = ['Id', 'Tijd', 'Auteur', 'Stap', 'Koppelkans', 'Succesfactor', 'Soort', 'Tekst', 'Verantwoordelijke', 'Datum', 'In onderbouwing'];
const HEADER_STYLE = { bold: true, fill: '#1F4E79', fontColor: '#FFFFFF' };

function plan(wb: WorkbookSnapshot): PlanContext {
  const ctx: PlanContext = { snapshot: wb, analysis: analyze(wb), options: {}, ops: [], problems: [], validations: [] };
  planNotulen(ctx);
  return ctx;
}

/** A Notulen sheet named `name` with the log header (its first `columns` labels) in `headerRow`, and a note under it. */
function notulen(headerRow: number, columns: number, name: string = N): SheetSnapshot {
  const values: CellValue[][] = Array.from({ length: headerRow - 1 }, () => []);
  values[0] = ['Notulen'];
  values.push(LOG_HEADER.slice(0, columns), ['n1', '2026-11-28 10:00', 'Jan', 'Stap 4', 'Daken', null, 'Afspraak', 'Zo doen we het']);
  return { name, values };
}

describe('a new Notulen sheet', () => {
  const fresh = () => plan(workbook());

  it('writes the title, the intro, the conclusions block with its four questions, the participants line, the log title and header', () => {
    const { ops, problems, validations } = fresh();
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: N });
    expect(ops.filter((o) => o.kind === 'setCells')).toEqual([
      {
        kind: 'setCells',
        sheet: N,
        cell: 'A1',
        cells: [[{ text: 'Notulen' }], [{ text: 'De notulist legt het gesprek, de redenering, de conclusies, afspraken en verantwoordelijken vast.' }]],
      },
      {
        kind: 'setCells',
        sheet: N,
        cell: 'A3',
        cells: [
          [{ text: 'Leg conclusie vast' }, { text: '' }, { text: '' }, { text: '' }, { text: 'Vraag' }, { text: '' }, { text: '' }, { text: 'Conclusie' }],
          [{ text: 'Stap 1' }, { text: '' }, { text: '' }, { text: '' }, { text: 'Wat is het gedeelde verhaal van deze wijk?' }],
          [
            { text: 'Stap 2' },
            { text: '' },
            { text: '' },
            { text: '' },
            { text: 'Over welk overzicht van opgaven, succesfactoren en koppelkansen gaan jullie keuzes maken?' },
          ],
          [
            { text: 'Stap 3' },
            { text: '' },
            { text: '' },
            { text: '' },
            { text: 'Welke algemeen geldende principes worden gehanteerd voor het waarderen van de koppelkansen?' },
          ],
          [{ text: 'Stap 4' }, { text: '' }, { text: '' }, { text: '' }, { text: 'Welke koppelkansen willen jullie meenemen in de WUP?' }],
          [{ text: 'Deelnemers' }, { text: '' }, { text: '' }, { text: '' }, { text: 'Wie deden mee? Eén naam per regel.' }],
        ],
      },
      { kind: 'setCells', sheet: N, cell: 'A9', cells: [[{ text: 'Verslag' }]] },
      { kind: 'setCells', sheet: N, cell: 'A10', cells: [LOG_HEADER.map((text) => ({ text }))] },
    ]);
    expect(problems).toEqual([]);
    expect(validations).toEqual([]);
  });

  it('is styled once: title, both headers, the questions and conclusions wrapped from the top, the conclusions as input, the log text, widths, print setup', () => {
    const { ops } = fresh();
    expect(ops.filter((o) => o.kind !== 'setCells' && o.kind !== 'addSheet' && o.kind !== 'setRowHeights')).toEqual([
      { kind: 'setStyle', sheet: N, range: 'A1', style: { bold: true, fontSize: 14, fontColor: '#1F4E79' } },
      { kind: 'setStyle', sheet: N, range: 'A3:K3', style: HEADER_STYLE },
      { kind: 'setStyle', sheet: N, range: 'E4:H8', style: { wrap: true, verticalAlignment: 'top' } },
      { kind: 'setStyle', sheet: N, range: 'H4:H8', style: { fill: '#FFF2CC' } },
      { kind: 'setStyle', sheet: N, range: 'A9', style: { bold: true, fontSize: 12 } },
      { kind: 'setStyle', sheet: N, range: 'A10:K10', style: HEADER_STYLE },
      { kind: 'setStyle', sheet: N, range: 'H11:H511', style: { wrap: true, verticalAlignment: 'top' } },
      {
        kind: 'setColumnWidths',
        sheet: N,
        widths: [
          { column: 'A', width: 18 },
          { column: 'B', width: 17 },
          { column: 'C', width: 18 },
          { column: 'D', width: 12 },
          { column: 'E', width: 36 },
          { column: 'F', width: 24 },
          { column: 'G', width: 12 },
          { column: 'H', width: 70 },
          { column: 'I', width: 20 },
          { column: 'J', width: 12 },
          { column: 'K', width: 16 },
        ],
      },
      // no print area: the log grows by a row per note
      { kind: 'setPageSetup', sheet: N, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 10, last: 10 } },
    ]);
    expect(ops.filter((o) => o.kind === 'addSheet')).toHaveLength(1);
  });

  it('the question rows are tall enough for their wrapped question in E (36 wide): two or three lines of 15 pt and 2 pt', () => {
    const heights = fresh().ops.filter((o): o is Extract<PlanOp, { kind: 'setRowHeights' }> => o.kind === 'setRowHeights');
    expect(heights).toEqual([
      {
        kind: 'setRowHeights',
        sheet: N,
        heights: [
          { row: 4, height: 32 },
          { row: 5, height: 47 },
          { row: 6, height: 47 },
          { row: 7, height: 32 },
        ],
      },
    ]);
  });

  it('reads back as an empty log with the four conclusions in rows 4-7, and a second plan writes nothing', () => {
    const wb = workbook();
    const after = simulate(wb, plan(wb).ops);
    const notes = readNotes(after);
    expect(notes.sheet).not.toBeNull();
    expect(notes.notes).toEqual([]);
    expect(notes.conclusions.map((c) => [c.row, c.stap, c.vraag, c.text])).toEqual(CONCLUSION_QUESTIONS.map((q, i) => [4 + i, q.stap, q.vraag, '']));
    const sheet = after.sheets.find((s) => s.name === N)!;
    expect(valueAt(sheet, 8, 1)).toBe('Deelnemers');
    expect(plan(after).ops).toEqual([]);
  });

  it('without a werkblad: nothing', () => {
    const ctx = plan({ sheets: [{ name: 'Blad1', values: [['iets']] }] });
    expect(ctx.ops).toEqual([]);
  });
});

describe('an existing Notulen sheet', () => {
  const labelOps = (sheet: string, cell: string): PlanOp[] => [
    { kind: 'setCells', sheet, cell, cells: [[{ text: 'In onderbouwing' }]] },
    { kind: 'setStyle', sheet, range: cell, style: HEADER_STYLE },
  ];

  it('from before column K: gets only the label "In onderbouwing" in K of its log header, styled as the header', () => {
    expect(plan(workbook({}, [notulen(10, 10)])).ops).toEqual(labelOps(N, 'K10'));
  });

  it("follows the log header where the team moved it, and the sheet's own spelling of its name", () => {
    expect(plan(workbook({}, [notulen(13, 10, 'NOTULEN')])).ops).toEqual(labelOps('NOTULEN', 'K13'));
  });

  it('without a log header found: K10, the standard place', () => {
    const sheet: SheetSnapshot = { name: N, values: [['Notulen'], ['vrije tekst']] };
    expect(plan(workbook({}, [sheet])).ops).toEqual(labelOps(N, 'K10'));
  });

  it('leaves a K header cell with the label, any text of the team, or a formula (also one that shows nothing)', () => {
    expect(plan(workbook({}, [notulen(10, 11)])).ops).toEqual([]);
    const own = notulen(10, 10);
    own.values[9][10] = 'Opmerking';
    expect(plan(workbook({}, [own])).ops).toEqual([]);
    const withFormula = notulen(10, 10);
    withFormula.formulas = [];
    withFormula.formulas[9] = [];
    withFormula.formulas[9][10] = '=IF(A11="","","In onderbouwing")';
    expect(plan(workbook({}, [withFormula])).ops).toEqual([]);
  });

  it('formulas only above the log header (no formula row at the header): K gets its label', () => {
    const sheet = notulen(10, 10);
    sheet.formulas = [['="Notulen"']];
    expect(plan(workbook({}, [sheet])).ops).toEqual(labelOps(N, 'K10'));
  });

  it('a formula elsewhere in the header row is no reason to leave K', () => {
    const sheet = notulen(10, 10);
    sheet.formulas = [];
    sheet.formulas[9] = [];
    sheet.formulas[9][9] = '="Datum"';
    sheet.formulas[10] = [];
    sheet.formulas[10][10] = '=1';
    expect(plan(workbook({}, [sheet])).ops).toEqual(labelOps(N, 'K10'));
  });
});

/**
 * The Resultaat sheet the plan writes (src/core/plan/resultaat.ts), read back through
 * `simulate` on small werkbladen built in code (pure, fast): the top rows' cached results,
 * the overflow line when more share the last place than there are rows, the rows left out
 * and why, a new sheet's styles, and which old rows of the engine's own table are cleared.
 * Written against the survivors of a StrykerJS run of the file (CONTRIBUTING.md, "Mutation
 * testing", "Runs of 3 Dec").
 */
import { formulaAt, valueAt } from '../../src/core/grid';
import { RESULTAAT, SHEET_NAMES } from '../../src/core/layout';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import type { CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const R = SHEET_NAMES.resultaat;
const resultaat = (wb: WorkbookSnapshot): SheetSnapshot => wb.sheets.find((s) => s.name === R)!;
const row = (s: SheetSnapshot, r: number): CellValue[] => [1, 2, 3, 4, 5, 6].map((c) => valueAt(s, r, c));

function planned(wb: WorkbookSnapshot) {
  const ops = buildPlan(wb).plan.ops;
  const after = simulate(wb, ops);
  return { ops, after, sheet: resultaat(after) };
}

/** Three factors of weight 1; `scores` per row (a koppelkans per row, opgave Groen). */
const scored = (scores: CellValue[][]) => workbook({ rows: scores.map((s, i) => ['Groen', `K${i + 1}`, ...s]) });

describe('a new Resultaat sheet', () => {
  const wb = workbook({
    rows: [
      ['Groen', 'Geveltuinen', 1, 2, 3],
      ['Werk', 'Stageplekken voor wijkbewoners', 'x'],
      ['Groen', 'Groene daken op transformatorhuisjes'],
      ['Werk', null, 'x', 1, 1],
      ['Zorg', null],
    ],
  });
  // planned inside each test, not once for the describe: Stryker's per-test coverage only sees
  // what a test itself runs, so a plan built while the file loads left most mutants unscored
  const fresh = () => planned(wb);

  it('has the title, the stale-warning formula, the intro and the headers', () => {
    const { sheet } = fresh();
    expect(valueAt(sheet, 1, 1)).toBe(RESULTAAT.title);
    expect(formulaAt(sheet, 2, 1)).toMatch(/^=IF\(OR\(COUNTIF\(/);
    // counted against the koppelkans keys on the Keuzelijsten sheet
    expect(formulaAt(sheet, 2, 1)).toContain('SUMPRODUCT((Keuzelijsten!$Z$6:$Z$105<>"")*');
    expect(valueAt(sheet, 2, 1)).toBeNull();
    expect(valueAt(sheet, 3, 1)).toBe(
      'Dit blad rekent zelf mee met het werkblad (ook zonder add-in). Gelijke totalen delen een rang. Het is het startpunt van het gesprek, niet de uitkomst.',
    );
    expect(row(sheet, 4)).toEqual(['Rang', 'Opgave', 'Koppelkans', 'Totaal', 'Gescoord', 'Rij op werkblad']);
  });

  it('writes 25 formula rows with the cached results of the ranked rows and empty ones after them', () => {
    const { sheet, ops } = fresh();
    expect(row(sheet, 5)).toEqual([1, 'Groen', 'Geveltuinen', 6, '3 van 3', 6]);
    // each row's formulas read their own row: place k of the ranking in row 4 + k
    for (let r = 5; r <= 29; r++) expect(formulaAt(sheet, r, 6)).toMatch(new RegExp(`^=IF\\(\\$D${r}=.*,${r - 4}-RANK\\(`));
    expect(row(sheet, 6)).toEqual([null, null, null, null, null, null]);
    // with an empty cached result, not as formulas without one (which Excel would show as missing until it calculates)
    const grid = ops.find((o) => o.kind === 'setCells' && o.sheet === R && o.cell === 'A1') as Extract<PlanOp, { kind: 'setCells' }>;
    expect(grid.cells[5]).toEqual(Array.from({ length: 6 }, () => ({ formula: expect.any(String), result: '' })));
    expect(row(sheet, 29)).toEqual([null, null, null, null, null, null]);
    // the overflow line: a formula, empty while nothing overflows
    expect(formulaAt(sheet, 30, 1)).toBeTruthy();
    expect(valueAt(sheet, 30, 1)).toBeNull();
  });

  it('lists the rows left out: invalid ones with the reason (a row without koppelkans by its number), then unscored ones with a koppelkans', () => {
    const { sheet } = fresh();
    expect(row(sheet, 31)).toEqual([null, null, null, null, null, null]);
    expect(valueAt(sheet, 32, 1)).toBe('Niet in de ranglijst (stand bij het laatste bijwerken door de add-in)');
    expect(row(sheet, 33)).toEqual(['Rij op werkblad', 'Koppelkans', 'Reden', null, null, null]);
    expect(row(sheet, 34)).toEqual([7, 'Stageplekken voor wijkbewoners', 'Geen geldig totaal: C7 is geen getal', null, null, null]);
    expect(row(sheet, 35)).toEqual([9, '(rij 9)', 'Geen geldig totaal: C9 is geen getal', null, null, null]);
    expect(row(sheet, 36)).toEqual([8, 'Groene daken op transformatorhuisjes', 'Nog niet gescoord', null, null, null]);
    expect(row(sheet, 37)).toEqual(['Koppelkansen met een totaal buiten de top 15 staan met hun score op het werkblad.', null, null, null, null, null]);
    expect(sheet.values.length).toBe(37);
  });

  it('is added and styled once: title, warning, headers, the totals format, widths, frozen header, print setup and the left-out header', () => {
    const { ops } = fresh();
    const own = ops.filter((o) => o.sheet === R && o.kind !== 'setCells');
    expect(own.filter((o) => o.kind === 'addSheet')).toHaveLength(1);
    expect(own).toEqual(
      expect.arrayContaining<PlanOp>([
        { kind: 'addSheet', sheet: R },
        { kind: 'setStyle', sheet: R, range: 'A1', style: { bold: true, fontSize: 14, fontColor: '#1F4E79' } },
        { kind: 'setStyle', sheet: R, range: 'A2', style: { bold: true, fontColor: '#C00000' } },
        { kind: 'setStyle', sheet: R, range: 'A4:F4', style: { bold: true, fill: '#1F4E79', fontColor: '#FFFFFF' } },
        { kind: 'setStyle', sheet: R, range: 'D5:D29', style: { numberFormat: '0.##' } },
        {
          kind: 'setColumnWidths',
          sheet: R,
          widths: [
            { column: 'A', width: 8 },
            { column: 'B', width: 28 },
            { column: 'C', width: 50 },
            { column: 'D', width: 10 },
            { column: 'E', width: 14 },
            { column: 'F', width: 16 },
          ],
        },
        { kind: 'freeze', sheet: R, rows: 4, columns: 0 },
        { kind: 'setPageSetup', sheet: R, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 4, last: 4 }, printArea: 'A1:F37' },
        { kind: 'setStyle', sheet: R, range: 'A32', style: { bold: true } },
      ]),
    );
  });

  it('a second plan writes nothing on it and styles nothing', () => {
    const { ops } = fresh();
    const second = buildPlan(simulate(wb, ops)).plan.ops.filter((o) => o.sheet === R);
    expect(second).toEqual([]);
  });
});

describe('Resultaat: title, no rows left out, overflow', () => {
  it("the title names the wijk of the werkblad's title", () => {
    const wb = scored([[1, 1, 1]]);
    wb.sheets[0].values[0] = ['Werkblad koppelkansen kiezen – Kanaleneiland'];
    expect(valueAt(planned(wb).sheet, 1, 1)).toBe('Resultaat: automatische top 15 – Kanaleneiland');
  });

  it('says so when no row is left out', () => {
    const { sheet } = planned(scored([[1, 2, 3]]));
    expect(valueAt(sheet, 34, 1)).toBe('Geen: elke koppelkans heeft een geldig totaal.');
    expect(valueAt(sheet, 35, 1)).toBe('Koppelkansen met een totaal buiten de top 15 staan met hun score op het werkblad.');
    expect(sheet.values.length).toBe(35);
  });

  it('one invalid and one unscored row: both listed, no "none" line', () => {
    const { sheet } = planned(
      scored([
        [1, 2, 3],
        ['x', 1, 1],
        [null, null, null],
      ]),
    );
    expect(row(sheet, 34)).toEqual([7, 'K2', 'Geen geldig totaal: C7 is geen getal', null, null, null]);
    expect(row(sheet, 35)).toEqual([8, 'K3', 'Nog niet gescoord', null, null, null]);
    expect(valueAt(sheet, 36, 1)).toBe('Koppelkansen met een totaal buiten de top 15 staan met hun score op het werkblad.');
  });

  it('no werkblad: no Resultaat sheet', () => {
    const wb: WorkbookSnapshot = { sheets: [{ name: 'Blad1', values: [['iets']] }] };
    expect(buildPlan(wb).plan.ops.filter((o) => o.sheet === R)).toEqual([]);
  });

  it("a team's sheet named Resultaat without any of the engine's rows is written over from the top, nothing more", () => {
    const wb = scored([[1, 2, 3]]);
    wb.sheets.push({ name: R, values: [['Notitie']] });
    const { sheet } = planned(wb);
    expect(valueAt(sheet, 1, 1)).toBe(RESULTAAT.title);
    expect(sheet.values.length).toBe(35);
  });

  it('when more rows share the 15th place than fit, the overflow line says how many share it and how many are shown', () => {
    // totals 15 down to 2 (ranks 1-14), then 12 rows with total 1 (rank 15): 26 in the top 15, 25 rows
    const distinct = Array.from({ length: 14 }, (_, i) => {
      const t = 15 - i;
      return [Math.min(5, t), Math.min(5, Math.max(0, t - 5)), Math.max(0, t - 10)];
    });
    const { sheet } = planned(scored([...distinct, ...Array.from({ length: 12 }, () => [1, 0, 0])]));
    expect(row(sheet, 5)).toEqual([1, 'Groen', 'K1', 15, '3 van 3', 6]);
    expect(row(sheet, 18)).toEqual([14, 'Groen', 'K14', 2, '3 van 3', 19]);
    expect(row(sheet, 29)).toEqual([15, 'Groen', 'K25', 1, '3 van 3', 30]);
    expect(valueAt(sheet, 30, 1)).toBe('Let op: 12 koppelkansen delen rang 15; hier staan er 11. De andere staan met hun totaal op het werkblad.');
  });

  it('exactly 25 rows in the top: no overflow text', () => {
    const distinct = Array.from({ length: 14 }, (_, i) => {
      const t = 15 - i;
      return [Math.min(5, t), Math.min(5, Math.max(0, t - 5)), Math.max(0, t - 10)];
    });
    const { sheet } = planned(scored([...distinct, ...Array.from({ length: 11 }, () => [1, 0, 0])]));
    expect(row(sheet, 29)).toEqual([15, 'Groen', 'K25', 1, '3 van 3', 30]);
    expect(valueAt(sheet, 30, 1)).toBeNull();
  });
});

describe("Resultaat: clearing the engine's old rows below a shorter table", () => {
  /** A prepared workbook (its Resultaat 35 rows long) with `line` typed in row 50 of Resultaat, planned again. */
  function withRow50(line: CellValue[], formula?: string) {
    const first = planned(scored([[1, 2, 3]])).after;
    const sheet = resultaat(first);
    while (sheet.values.length < 50) sheet.values.push([]);
    sheet.values[49] = [...line];
    if (formula) {
      sheet.formulas ??= [];
      while (sheet.formulas.length < 50) sheet.formulas.push([]);
      sheet.formulas[49] = [formula];
    }
    sheet.values[50] = ['Notitie van het team'];
    sheet.values[39] = [null, null, null, null, null, null, null, 'naast de tabel'];
    const { ops, sheet: after } = planned(first);
    const cleared = ops.some((o) => o.kind === 'setCells' && o.sheet === R && /^A(3[6-9]|4\d|50)$/.test(o.cell));
    // the team's note below and the text beside (H) always stay, and nothing is written on a new sheet
    expect(valueAt(after, 51, 1)).toBe('Notitie van het team');
    expect(valueAt(after, 40, 8)).toBe('naast de tabel');
    expect(ops.some((o) => o.sheet === R && o.kind === 'addSheet')).toBe(false);
    return { cleared, a50: valueAt(after, 50, 1), row50: row(after, 50) };
  }

  it.each<[string, CellValue[], string | undefined]>([
    ['a formula in A', [3], '=1+2'],
    ['the title', [RESULTAAT.title], undefined],
    ['the title with a wijk', [`${RESULTAAT.title} – Oost`], undefined],
    ['the left-out header', ['Niet in de ranglijst (stand bij het laatste bijwerken door de add-in)'], undefined],
    ['the none-left-out line', ['Geen: elke koppelkans heeft een geldig totaal.'], undefined],
    ['the footer', ['Koppelkansen met een totaal buiten de top 15 staan met hun score op het werkblad.'], undefined],
    ['the left-out column header', ['Rij op werkblad'], undefined],
    ['the rank header', ['Rang'], undefined],
    [
      'the intro',
      [
        'Dit blad rekent zelf mee met het werkblad (ook zonder add-in). Gelijke totalen delen een rang. Het is het startpunt van het gesprek, niet de uitkomst.',
      ],
      undefined,
    ],
    ['an invalid row left out', [12, 'K9', 'Geen geldig totaal: C12 is geen getal'], undefined],
    ['an unscored row left out', [12, 'K9', 'Nog niet gescoord'], undefined],
  ])("an old row of the engine's (%s) is cleared, with the rows above it", (_, line, formula) => {
    const { cleared, row50 } = withRow50([...line, 'D', 'E', 'F', 'G'], formula);
    expect(cleared).toBe(true);
    // the whole row, columns A to F
    expect(row50).toEqual([null, null, null, null, null, null]);
  });

  it("with two old rows of the engine's below the table, both are cleared (the lowest one ends the clearing)", () => {
    const first = planned(scored([[1, 2, 3]])).after;
    const sheet = resultaat(first);
    while (sheet.values.length < 50) sheet.values.push([]);
    sheet.values[44] = [12, 'K9', 'Nog niet gescoord'];
    sheet.values[49] = [13, 'K8', 'Nog niet gescoord'];
    const { sheet: after } = planned(first);
    expect(valueAt(after, 45, 1)).toBeNull();
    expect(valueAt(after, 50, 1)).toBeNull();
  });

  it.each<[string, CellValue[]]>([
    ['a note of the team', ['Besproken met de wijkraad']],
    ['a number with another text', [12, 'K9', 'Besproken']],
    ['a left-out reason without a row number', ['twaalf', 'K9', 'Nog niet gescoord']],
    ['a text that only contains the title', [`Zie ${RESULTAAT.title} – Oost`]],
  ])('a row that is not the engine’s (%s) stays, and nothing above it is cleared', (_, line) => {
    const { cleared, a50 } = withRow50(line);
    expect(cleared).toBe(false);
    expect(a50).toBe(line[0]);
  });
});

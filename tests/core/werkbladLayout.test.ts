/**
 * How src/core/werkblad.ts finds the parts of the werkblad (the factor row, the Totalen
 * column, the rows that get dropdowns), reads the factors and their weights, keeps row
 * readings between snapshots, and which cells the engine may write. Written against the
 * survivors of a StrykerJS run of werkblad.ts (CONTRIBUTING.md, "Mutation testing").
 */
import type { Problem } from '../../src/core/problems';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { engineMayWrite, readFactors, readRows, readWerkbladLayout } from '../../src/core/werkblad';
import { werkbladSheet, type WerkbladSpec } from '../helpers/build';

/** The layout of a sheet, with its problems as "CODE@cell: message". */
function layoutOf(sheet: SheetSnapshot) {
  const problems: Problem[] = [];
  const layout = readWerkbladLayout(sheet, problems);
  return { layout, problems: problems.map((p) => `${p.code}@${p.cell}: ${p.message}`) };
}

/** Layout, factors and rows of a sheet, read as the analysis reads them. */
function readAll(sheet: SheetSnapshot) {
  const problems: Problem[] = [];
  const layout = readWerkbladLayout(sheet, problems)!;
  const factors = readFactors(sheet, layout, problems);
  const rows = readRows(sheet, layout, factors, problems);
  return { layout, factors, rows, problems: problems.map((p) => `${p.code}@${p.cell}`) };
}

const factorNames = (n: number) => Array.from({ length: n }, (_, i) => `Factor ${i + 1}`);

describe('readWerkbladLayout', () => {
  it('finds the factors from column C up to the Totalen label (any case) and the rows to prepare', () => {
    const sheet = werkbladSheet({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] });
    sheet.values[2][5] = 'TOTALEN';
    const { layout, problems } = layoutOf(sheet);
    expect(layout).toEqual({
      sheet: 'Werkblad koppelkansen kiezen',
      firstFactorColumn: 3,
      lastFactorColumn: 5,
      totalenColumn: 6,
      totalenFound: true,
      firstDataRow: 6,
      lastDataRow: 6,
      // at least 100 prepared rows from row 6
      preparedEndRow: 105,
    });
    expect(problems).toEqual([]);
  });

  it('without a Totalen label puts Totalen after the last factor and says in which column', () => {
    const { layout, problems } = layoutOf(werkbladSheet({ factors: ['Draagvlak'], totalen: false }));
    expect(layout).toMatchObject({ firstFactorColumn: 3, lastFactorColumn: 3, totalenColumn: 4, totalenFound: false });
    expect(problems).toEqual(['TOTALEN_MISSING@D3: Kolom "Totalen" ontbreekt in rij 3. Bij het voorbereiden komt hij in kolom D.']);
  });

  it('refuses a werkblad without factors: nothing after Koppelkans, or Totalen right in column C', () => {
    const none = layoutOf(werkbladSheet({ factors: [], totalen: false }));
    expect(none.layout).toBeNull();
    expect(none.problems.map((p) => p.split(':')[0])).toEqual(['NO_FACTORS@C3']);
    const totalenInC = layoutOf(werkbladSheet({ factors: [] }));
    expect(totalenInC.layout).toBeNull();
    expect(totalenInC.problems.map((p) => p.split(':')[0])).toEqual(['NO_FACTORS@C3']);
  });

  it('takes up to 30 factors and refuses 31, naming both numbers', () => {
    expect(layoutOf(werkbladSheet({ factors: factorNames(30) })).layout).toMatchObject({ lastFactorColumn: 32, totalenColumn: 33 });
    const tooMany = layoutOf(werkbladSheet({ factors: factorNames(31) }));
    expect(tooMany.layout).toBeNull();
    expect(tooMany.problems).toEqual(['TOO_MANY_FACTORS@C3: Er staan 31 succesfactoren in rij 3; het maximum is 30. Verwijder er een paar.']);
  });

  it('counts data rows in columns A to the last factor only, and prepares 50 spare rows after the last', () => {
    const rows: CellValue[][] = Array.from({ length: 75 }, (_, i) => (i === 74 ? ['Groen', 'Daken', 1, 1, 1] : []));
    const sheet = werkbladSheet({ rows });
    expect(layoutOf(sheet).layout).toMatchObject({ lastDataRow: 80, preparedEndRow: 130 });
    // a note in the Totalen column (F) or to the right of it is no koppelkans row
    sheet.values[199] = [null, null, null, null, null, 'opmerking', 'nog een'];
    expect(layoutOf(sheet).layout).toMatchObject({ lastDataRow: 80, preparedEndRow: 130 });
  });

  it('an empty werkblad has no data rows (last row 5) and still 100 prepared rows', () => {
    expect(layoutOf(werkbladSheet()).layout).toMatchObject({ firstDataRow: 6, lastDataRow: 5, preparedEndRow: 105 });
  });
});

describe('readFactors', () => {
  it('numbers the factors from 0, names an unnamed one by its column and warns', () => {
    const { factors, problems } = readAll(werkbladSheet({ factors: ['Draagvlak', '', 'Politiek'] }));
    expect(factors).toEqual([
      { index: 0, column: 3, name: 'Draagvlak', weging: 1 },
      { index: 1, column: 4, name: 'kolom D', weging: 1 },
      { index: 2, column: 5, name: 'Politiek', weging: 1 },
    ]);
    expect(problems).toEqual(['FACTOR_UNNAMED@D3']);
  });

  it('finds a factor named twice whatever the case, and says where the first one is', () => {
    const problems: Problem[] = [];
    const sheet = werkbladSheet({ factors: ['Draagvlak', 'Politiek', 'DRAAGVLAK'] });
    readFactors(sheet, readWerkbladLayout(sheet, problems)!, problems);
    expect(problems.map((p) => `${p.code}@${p.cell}: ${p.message}`)).toEqual([
      'FACTOR_DUPLICATE@E3: De succesfactor "DRAAGVLAK" staat twee keer in rij 3 (ook in C3).',
    ]);
  });

  it('accepts a weight of 0 or more; empty, text, TRUE and negative weights are no weight', () => {
    const { factors, problems } = readAll(werkbladSheet({ factors: ['A', 'B', 'C', 'D', 'E', 'F'], weights: [0, 2.5, null, 'veel', true, -1] }));
    expect(factors.map((f) => f.weging)).toEqual([0, 2.5, null, null, null, null]);
    expect(problems).toEqual(['WEIGHT_EMPTY@E4', 'WEIGHT_NOT_NUMBER@F4', 'WEIGHT_NOT_NUMBER@G4', 'WEIGHT_NEGATIVE@H4']);
  });
});

describe('readRows keeps a row reading only while nothing it depends on changed', () => {
  /** A copy of the sheet that shares its row arrays, as the memory adapter's snapshots after an edit do. */
  const sharing = (sheet: SheetSnapshot, change: (values: CellValue[][]) => void = () => {}): SheetSnapshot => {
    const values = [...sheet.values];
    change(values);
    return { ...sheet, values };
  };
  /** A fresh spec each time: werkbladSheet shares the row arrays it is given, and a test below changes one in place. */
  const spec = (): WerkbladSpec => ({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] });

  it('a changed weight gives a new total', () => {
    const first = werkbladSheet(spec());
    expect(readAll(first).rows[0].total).toBe(6);
    const heavier = sharing(first, (values) => (values[3] = ['Weging', null, 2, 1, 1]));
    expect(readAll(heavier).rows[0].total).toBe(7);
  });

  it('a score, opgave or koppelkans changed in the same row array is read again', () => {
    const sheet = werkbladSheet(spec());
    expect(readAll(sheet).rows[0]).toMatchObject({ total: 6, koppelkans: 'Geveltuinen' });
    sheet.values[5][2] = 5;
    expect(readAll(sheet).rows[0].total).toBe(10);
    sheet.values[5][1] = 'Groene daken';
    sheet.values[5][0] = 'Klimaat';
    expect(readAll(sheet).rows[0]).toMatchObject({ opgave: 'Klimaat', koppelkans: 'Groene daken', total: 10 });
  });

  it('a row moved down by an inserted row gets its new row number', () => {
    const first = werkbladSheet(spec());
    expect(readAll(first).rows.map((r) => r.row)).toEqual([6]);
    const inserted = sharing(first, (values) => values.splice(5, 0, ['Werk', 'Stageplekken', 1, 1, 1]));
    expect(readAll(inserted).rows.map((r) => [r.row, r.koppelkans])).toEqual([
      [6, 'Stageplekken'],
      [7, 'Geveltuinen'],
    ]);
  });

  it('a formula typed into an empty score cell (no result yet) gets its warning', () => {
    const first = werkbladSheet({ rows: [['Groen', 'Geveltuinen', null, 2, 3]] });
    expect(readAll(first).problems).toEqual(['ROW_PARTLY_SCORED@B6']);
    const withFormula = { ...sharing(first), formulas: [[], [], [], [], [], [null, null, '=C5']], noCachedResult: ['C6'] };
    expect(readAll(withFormula).problems).toEqual(['SCORE_FORMULA_NO_RESULT@C6', 'ROW_PARTLY_SCORED@B6']);
    // the same formula with a cached empty text: the row's reading is not reused, and there is no warning
    expect(readAll({ ...withFormula, noCachedResult: [] }).problems).toEqual(['ROW_PARTLY_SCORED@B6']);
  });
});

describe('engineMayWrite: the engine writes only cells that hold its formula or nothing', () => {
  const sheet: SheetSnapshot = {
    name: 'Prioritering',
    values: [['typed', 3, null, '', 7]],
    formulas: [[null, null, null, null, '=1+6']],
  };

  it('not over a value a person typed', () => {
    expect(engineMayWrite(sheet, 1, 1)).toBe(false);
    expect(engineMayWrite(sheet, 1, 2)).toBe(false);
  });

  it('over an empty cell, a zero-length text, a formula (even with its result) and a sheet not there yet', () => {
    expect(engineMayWrite(sheet, 1, 3)).toBe(true);
    expect(engineMayWrite(sheet, 1, 4)).toBe(true);
    expect(engineMayWrite(sheet, 1, 5)).toBe(true);
    expect(engineMayWrite(sheet, 9, 9)).toBe(true);
    expect(engineMayWrite(undefined, 1, 1)).toBe(true);
  });
});

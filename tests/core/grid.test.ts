/**
 * Reading cells out of a snapshot sheet (src/core/grid.ts), on hand-made sheets (pure, fast):
 * rows and columns are 1-based, a missing row or cell reads as empty, ragged and sparse rows are
 * fine, text is trimmed by the workbook's rule (names.ts `trimText`), and the "last non-empty"
 * searches agree with a plain reference. Scored with StrykerJS (CONTRIBUTING.md, "Mutation
 * testing", "Runs of 3 Dec c").
 */
import fc from 'fast-check';
import {
  columnCount,
  formulaAt,
  isEmpty,
  lacksCachedResult,
  lastNonEmptyColumn,
  lastNonEmptyRow,
  rowCount,
  sheetIsBlank,
  textAt,
  valueAt,
} from '../../src/core/grid';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';

const sheet = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name: 'Blad', values, ...extra });

describe('valueAt', () => {
  const s = sheet([
    ['a', 'b'],
    [1, null, ''],
    [false, 0],
  ]);

  it('reads row r, column c (1-based) as the snapshot holds it', () => {
    expect(valueAt(s, 1, 1)).toBe('a');
    expect(valueAt(s, 1, 2)).toBe('b');
    expect(valueAt(s, 2, 1)).toBe(1);
    expect(valueAt(s, 2, 3)).toBe('');
    expect(valueAt(s, 3, 1)).toBe(false);
    expect(valueAt(s, 3, 2)).toBe(0);
  });

  it('a cell past the end of its row, a row past the end or a missing row is null', () => {
    expect(valueAt(s, 1, 3)).toBeNull();
    expect(valueAt(s, 2, 2)).toBeNull();
    expect(valueAt(s, 4, 1)).toBeNull();
    expect(valueAt(s, 0, 1)).toBeNull();
    const sparse: CellValue[][] = [];
    sparse[2] = ['x'];
    expect(valueAt(sheet(sparse), 1, 1)).toBeNull();
    expect(valueAt(sheet(sparse), 3, 1)).toBe('x');
  });
});

describe('formulaAt', () => {
  it('is the formula text with its "=" at row r, column c', () => {
    const s = sheet([], {
      formulas: [
        [null, '=A1*2'],
        [undefined, null, '=SUM(A1:A2)'],
      ],
    });
    expect(formulaAt(s, 1, 2)).toBe('=A1*2');
    expect(formulaAt(s, 2, 3)).toBe('=SUM(A1:A2)');
  });

  it('is null where there is no formula: null, undefined, past the end, a text without "=", no formulas at all', () => {
    const s = sheet([], { formulas: [[null, 'A1*2', ''], [undefined]] });
    expect(formulaAt(s, 1, 1)).toBeNull();
    expect(formulaAt(s, 1, 2)).toBeNull();
    expect(formulaAt(s, 1, 3)).toBeNull();
    expect(formulaAt(s, 1, 4)).toBeNull();
    expect(formulaAt(s, 2, 1)).toBeNull();
    expect(formulaAt(s, 3, 1)).toBeNull();
    expect(formulaAt(sheet([['=A1']]), 1, 1)).toBeNull();
  });
});

describe('lacksCachedResult', () => {
  it('is true for a cell the sheet lists without cached result, by its A1 address', () => {
    const s = sheet([], { noCachedResult: ['B3', 'AA10'] });
    expect(lacksCachedResult(s, 3, 2)).toBe(true);
    expect(lacksCachedResult(s, 10, 27)).toBe(true);
    expect(lacksCachedResult(s, 2, 3)).toBe(false);
    expect(lacksCachedResult(s, 3, 3)).toBe(false);
  });

  it('is false without a sheet, without a list or with an empty one', () => {
    expect(lacksCachedResult(undefined, 1, 1)).toBe(false);
    expect(lacksCachedResult(sheet([]), 1, 1)).toBe(false);
    expect(lacksCachedResult(sheet([], { noCachedResult: [] }), 1, 1)).toBe(false);
  });

  it('answers for each list on its own, also when asked again', () => {
    const a = sheet([], { noCachedResult: ['A1'] });
    const b = sheet([], { noCachedResult: ['A2'] });
    expect(lacksCachedResult(a, 1, 1)).toBe(true);
    expect(lacksCachedResult(b, 1, 1)).toBe(false);
    expect(lacksCachedResult(b, 2, 1)).toBe(true);
    expect(lacksCachedResult(a, 1, 1)).toBe(true);
    expect(lacksCachedResult(a, 2, 1)).toBe(false);
  });
});

describe('isEmpty', () => {
  it('is true only for null and the empty text', () => {
    expect(isEmpty(null)).toBe(true);
    expect(isEmpty('')).toBe(true);
    expect(isEmpty(' ')).toBe(false);
    expect(isEmpty(0)).toBe(false);
    expect(isEmpty(false)).toBe(false);
    expect(isEmpty('0')).toBe(false);
  });
});

describe('textAt', () => {
  it('is "" for an empty or missing cell', () => {
    expect(textAt(sheet([[null, '']]), 1, 1)).toBe('');
    expect(textAt(sheet([[null, '']]), 1, 2)).toBe('');
    expect(textAt(sheet([]), 5, 5)).toBe('');
  });

  it('trims spaces, NBSP, tabs and line breaks at both ends, not inside, and no other white space', () => {
    expect(textAt(sheet([[' \u00a0\tGroen dak\r\n ']]), 1, 1)).toBe('Groen dak');
    expect(textAt(sheet([['a  \t b']]), 1, 1)).toBe('a  \t b');
    expect(textAt(sheet([['\u2003x\u2003']]), 1, 1)).toBe('\u2003x\u2003');
    expect(textAt(sheet([[' \u00a0 ']]), 1, 1)).toBe('');
  });

  it('writes numbers as JavaScript does and booleans as Dutch Excel shows them', () => {
    expect(textAt(sheet([[0, 1.5, -3, 1e21]]), 1, 1)).toBe('0');
    expect(textAt(sheet([[0, 1.5, -3, 1e21]]), 1, 2)).toBe('1.5');
    expect(textAt(sheet([[0, 1.5, -3, 1e21]]), 1, 3)).toBe('-3');
    expect(textAt(sheet([[0, 1.5, -3, 1e21]]), 1, 4)).toBe('1e+21');
    expect(textAt(sheet([[true, false]]), 1, 1)).toBe('WAAR');
    expect(textAt(sheet([[true, false]]), 1, 2)).toBe('ONWAAR');
  });
});

describe('rowCount and columnCount', () => {
  it('rowCount is the number of rows in the snapshot, empty ones included', () => {
    expect(rowCount(sheet([]))).toBe(0);
    expect(rowCount(sheet([['a'], [], [null]]))).toBe(3);
  });

  it('columnCount is the length of the longest row, ragged and sparse rows included', () => {
    expect(columnCount(sheet([]))).toBe(0);
    expect(columnCount(sheet([[], []]))).toBe(0);
    expect(columnCount(sheet([['a'], [null, null, null], ['b', 'c']]))).toBe(3);
    expect(columnCount(sheet([[1, 2, 3, 4], [1]]))).toBe(4);
    const sparse: CellValue[][] = [];
    sparse[1] = [1, 2];
    expect(columnCount(sheet(sparse))).toBe(2);
  });
});

describe('lastNonEmptyRow', () => {
  const s = sheet([['a'], [null, 'b'], [null, null, 'c'], ['', null, ''], []]);

  it('is the last row with a value in the columns from..to, both ends included', () => {
    expect(lastNonEmptyRow(s, 1, 3)).toBe(3);
    expect(lastNonEmptyRow(s, 3, 3)).toBe(3);
    expect(lastNonEmptyRow(s, 1, 2)).toBe(2);
    expect(lastNonEmptyRow(s, 2, 2)).toBe(2);
    expect(lastNonEmptyRow(s, 1, 1)).toBe(1);
    expect(lastNonEmptyRow(s, 2, 10)).toBe(3);
  });

  it('is 0 when no row holds a value there, or none at or below fromRow', () => {
    expect(lastNonEmptyRow(s, 4, 9)).toBe(0);
    expect(lastNonEmptyRow(sheet([]), 1, 5)).toBe(0);
    expect(lastNonEmptyRow(s, 1, 1, 2)).toBe(0);
    expect(lastNonEmptyRow(s, 1, 2, 2)).toBe(2);
    expect(lastNonEmptyRow(s, 1, 2, 3)).toBe(0);
    expect(lastNonEmptyRow(s, 1, 3, 3)).toBe(3);
  });

  it('counts 0 and false as values, skips missing rows and cells', () => {
    expect(lastNonEmptyRow(sheet([[0], [null]]), 1, 1)).toBe(1);
    expect(lastNonEmptyRow(sheet([[null], [false]]), 1, 1)).toBe(2);
    const sparse: CellValue[][] = [];
    sparse[0] = ['x'];
    sparse[3] = [];
    sparse[3][2] = 'y';
    expect(lastNonEmptyRow(sheet(sparse), 1, 2)).toBe(1);
    expect(lastNonEmptyRow(sheet(sparse), 1, 3)).toBe(4);
  });

  it('agrees with a plain reference on random sheets', () => {
    const cell = fc.constantFrom<CellValue>(null, '', 'x', 0);
    const values = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 7 }), (v, a, b, fromRow) => {
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        let want = 0;
        for (let r = 1; r <= v.length; r++) {
          if (r < fromRow) continue;
          for (let c = from; c <= to; c++) if (!isEmpty(v[r - 1][c - 1] ?? null)) want = r;
        }
        expect(lastNonEmptyRow(sheet(v), from, to, fromRow)).toBe(want);
      }),
    );
  });
});

describe('lastNonEmptyColumn', () => {
  it('is the last column of the row with a value; 0 for a row without one or a missing row', () => {
    const s = sheet([['a', null, 'b', null, ''], [null, ''], [0], [false, null], []]);
    expect(lastNonEmptyColumn(s, 1)).toBe(3);
    expect(lastNonEmptyColumn(s, 2)).toBe(0);
    expect(lastNonEmptyColumn(s, 3)).toBe(1);
    expect(lastNonEmptyColumn(s, 4)).toBe(1);
    expect(lastNonEmptyColumn(s, 5)).toBe(0);
    expect(lastNonEmptyColumn(s, 6)).toBe(0);
    const sparseRow: CellValue[] = [];
    sparseRow[4] = 'x';
    expect(lastNonEmptyColumn(sheet([sparseRow]), 1)).toBe(5);
  });
});

describe('sheetIsBlank', () => {
  it('is true when no cell holds a value ("" and null are empty), however wide the sheet', () => {
    expect(sheetIsBlank(sheet([]))).toBe(true);
    expect(sheetIsBlank(sheet([[null, ''], [], ['']]))).toBe(true);
    expect(sheetIsBlank(sheet([[], [null, null, 0]]))).toBe(false);
    const wide: CellValue[] = [];
    wide[16383] = 'XFD';
    expect(sheetIsBlank(sheet([wide]))).toBe(false);
    expect(sheetIsBlank(sheet([['x']]))).toBe(false);
  });
});

import { analyze } from '../../src/core/analyze';
import { workbook, werkbladSheet } from '../helpers/build';
import type { ProblemCode } from '../../src/core/problems';

const codes = (a: { problems: { code: ProblemCode; cell: string }[] }) => a.problems.map((p) => `${p.code}@${p.cell}`);

describe('finding the werkblad', () => {
  test('finds the werkblad by name without case or surrounding spaces', () => {
    const wb = workbook({ sheetName: '  werkblad KOPPELKANSEN kiezen ' });
    const a = analyze(wb);
    expect(a.kind).toBe('koppelkansen');
    expect(a.werkblad?.layout.sheet).toBe('  werkblad KOPPELKANSEN kiezen ');
  });

  test('a workbook without a werkblad gets one clear message', () => {
    const a = analyze({
      sheets: [
        {
          name: 'Begroting',
          values: [
            ['Post', 'Bedrag'],
            ['Huur', 100],
          ],
        },
      ],
    });
    expect(a.kind).toBe('not-koppelkansen');
    expect(a.problems).toHaveLength(1);
    expect(a.problems[0].code).toBe('NOT_KOPPELKANSEN');
    expect(a.problems[0].message).toMatch(/geen Koppelkansen Kiezen-werkmap/);
  });

  test('an empty workbook is recognised as empty', () => {
    const a = analyze({ sheets: [{ name: 'Blad1', values: [] }] });
    expect(a.kind).toBe('empty');
  });

  test('factors run from column C up to the Totalen header, wherever it is', () => {
    const a = analyze(workbook({ factors: ['A', 'B', 'C', 'D', 'E'], rows: [['Groen', 'Geveltuinen', 1, 2, 3, 4, 5]] }));
    expect(a.werkblad!.factors.map((f) => f.name)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(a.werkblad!.layout.totalenColumn).toBe(8);
    expect(a.werkblad!.rows[0].total).toBe(15);
  });

  test('a werkblad without Totalen header is warned about and gets one after the last factor', () => {
    const a = analyze(workbook({ factors: ['A', 'B'], totalen: false, rows: [['Groen', 'Geveltuinen', 1, 2]] }));
    expect(codes(a)).toContain('TOTALEN_MISSING@E3');
    expect(a.werkblad!.layout.totalenColumn).toBe(5);
  });

  test('more than 30 factors is an error', () => {
    const factors = Array.from({ length: 31 }, (_, i) => `F${i + 1}`);
    const a = analyze(workbook({ factors }));
    expect(a.problems.some((p) => p.code === 'TOO_MANY_FACTORS' && p.severity === 'error')).toBe(true);
    expect(a.werkblad).toBeNull();
  });

  test('exactly one factor works', () => {
    const a = analyze(workbook({ factors: ['Draagvlak'], weights: [2], rows: [['Groen', 'Geveltuinen', 5]] }));
    expect(a.werkblad!.rows[0].total).toBe(10);
  });

  test('data rows end at the last non-empty row; empty rows in between are skipped', () => {
    const a = analyze(workbook({ rows: [['Groen', 'Geveltuinen', 1], [], [], ['Werk', 'Stageplekken voor wijkbewoners', 2]] }));
    expect(a.werkblad!.rows.map((r) => r.row)).toEqual([6, 9]);
    expect(a.werkblad!.layout.lastDataRow).toBe(9);
  });
});

describe('scores', () => {
  test('an empty cell is "not scored yet", not 0', () => {
    const a = analyze(workbook({ rows: [['Groen', 'Geveltuinen', 4, null, null]] }));
    const r = a.werkblad!.rows[0];
    expect(r.scored).toBe(1);
    expect(r.total).toBe(4);
    expect(codes(a)).toContain('ROW_PARTLY_SCORED@B6');
    expect(a.problems.find((p) => p.code === 'ROW_PARTLY_SCORED')!.message).toContain('1 van 3');
  });

  test('a row with a koppelkans but no score has no total and is "nog niet gescoord"', () => {
    const a = analyze(workbook({ rows: [['Groen', 'Geveltuinen']] }));
    expect(a.werkblad!.rows[0].status).toBe('unscored');
    expect(a.werkblad!.rows[0].total).toBeNull();
    expect(a.problems.find((p) => p.code === 'ROW_UNSCORED')!.message).toContain('nog niet gescoord');
  });

  test.each([
    ['text', 'hoog', 'SCORE_NOT_NUMBER'],
    ['numeric text', '5', 'SCORE_NOT_NUMBER'],
    ['a decimal', 2.5, 'SCORE_NOT_INTEGER'],
    ['above 10', 11, 'SCORE_OUT_OF_RANGE'],
    ['below -10', -11, 'SCORE_OUT_OF_RANGE'],
    ['a boolean', true, 'SCORE_NOT_NUMBER'],
    ['an Excel error', '#DIV/0!', 'SCORE_ERROR_VALUE'],
  ])('%s is an error reported with its cell, and the row has no total', (_label, value, code) => {
    const a = analyze(workbook({ rows: [['Groen', 'Geveltuinen', 3, value, 1]] }));
    const p = a.problems.find((x) => x.code === code)!;
    expect(p).toBeDefined();
    expect(p.sheet).toBe('Werkblad koppelkansen kiezen');
    expect(p.cell).toBe('D6');
    expect(p.severity).toBe('error');
    expect(a.werkblad!.rows[0].status).toBe('invalid');
    expect(a.werkblad!.rows[0].total).toBeNull();
    expect(codes(a)).toContain('ROW_INVALID@F6');
  });

  test('-10, 0 and 10 are valid', () => {
    const a = analyze(workbook({ rows: [['Groen', 'Geveltuinen', -10, 0, 10]] }));
    expect(a.werkblad!.rows[0].total).toBe(0);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('total is the sum of weight × score over the scored factors', () => {
    const a = analyze(workbook({ weights: [2, 0.5, 0], rows: [['Groen', 'Geveltuinen', 3, -4, 10]] }));
    expect(a.werkblad!.rows[0].total).toBe(2 * 3 + 0.5 * -4 + 0);
  });
});

describe('weights', () => {
  test.each([
    ['empty', null, 'WEIGHT_EMPTY'],
    ['text', 'veel', 'WEIGHT_NOT_NUMBER'],
    ['negative', -1, 'WEIGHT_NEGATIVE'],
  ])('an %s weight is an error and rows scored under it have no total', (_l, w, code) => {
    const a = analyze(
      workbook({
        weights: [1, w, 1],
        rows: [
          ['Groen', 'Geveltuinen', 1, 2, 3],
          ['Werk', 'Stageplekken voor wijkbewoners', 1, null, 3],
        ],
      }),
    );
    expect(codes(a)).toContain(`${code}@D4`);
    expect(a.werkblad!.rows[0].total).toBeNull();
    expect(a.werkblad!.rows[0].status).toBe('invalid');
    // the second row did not score the factor with the bad weight: it keeps its total
    expect(a.werkblad!.rows[1].total).toBe(4);
  });

  test('decimal weights and 0 are allowed', () => {
    const a = analyze(workbook({ weights: [1.5, 0, 2], rows: [['Groen', 'Geveltuinen', 2, 5, 1]] }));
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.werkblad!.rows[0].total).toBe(5);
  });
});

describe('warnings', () => {
  test('koppelkans without opgave, not on longlist, duplicates, unnamed and duplicate factors', () => {
    const a = analyze(
      workbook({
        factors: ['Draagvlak', '', 'Draagvlak'],
        rows: [
          [null, 'Geveltuinen', 1, 1, 1],
          ['Onbekend', 'Zelfbedacht', 1, 1, 1],
          ['Werk', 'Geveltuinen', 1, 1, 1],
        ],
      }),
    );
    const c = codes(a);
    expect(c).toContain('KOPPELKANS_WITHOUT_OPGAVE@A6');
    expect(c).toContain('OPGAVE_NOT_ON_LONGLIST@A7');
    expect(c).toContain('KOPPELKANS_NOT_ON_LONGLIST@B7');
    expect(c).toContain('KOPPELKANS_OTHER_OPGAVE@B8');
    expect(c).toContain('KOPPELKANS_DUPLICATE@B8');
    expect(c).toContain('FACTOR_UNNAMED@D3');
    expect(c).toContain('FACTOR_DUPLICATE@E3');
    // warnings do not block totals
    expect(a.werkblad!.rows.every((r) => r.total === 3)).toBe(true);
  });

  test('problems are sorted errors first', () => {
    const a = analyze(
      workbook({
        rows: [
          [null, 'Geveltuinen', 1, 1, 1],
          ['Groen', 'Geveltuinen', 'x'],
        ],
      }),
    );
    const sev = a.problems.map((p) => p.severity);
    expect(sev.indexOf('error')).toBeLessThan(sev.indexOf('warning'));
  });

  test('every message is Dutch and names no English placeholder', () => {
    const a = analyze(workbook({ weights: [null, 'x', -1], rows: [['Onbekend', 'Iets', 'a', 2.5, 11]] }));
    for (const p of a.problems) {
      expect(p.message).not.toMatch(/undefined|\$\{|NaN/);
    }
  });
});

test('werkbladSheet helper builds what the analysis expects', () => {
  expect(werkbladSheet().values[2][0]).toBe('Opgave');
});

/**
 * The Totalen formula's recalculation cost, by its shape (no timing: the figures are in
 * `npm run bench -- formulas`). Regression (issue 10): the formula tested the row with two
 * SUMPRODUCTs over computed arrays (`s=INT(s)`, `ABS(s)<=10`, `1/…`, `ISNUMBER(w)` …);
 * LibreOffice builds a matrix for every such operation, about 0.1 ms a row, most of the
 * workbook's recalculation at 10,000 rows. Its results are checked against the engine by
 * the LibreOffice cross-checks (tests/crosscheck/formulas and agreement).
 */
import { totalFormula } from '../../src/core/formulas';
import type { WerkbladLayout } from '../../src/core/werkblad';

const layout = (factors: number): WerkbladLayout => ({
  sheet: 'Werkblad koppelkansen kiezen',
  firstFactorColumn: 3,
  lastFactorColumn: 2 + factors,
  totalenColumn: 3 + factors,
  totalenFound: true,
  firstDataRow: 6,
  lastDataRow: 20,
  preparedEndRow: 20,
});

describe('Totalen computes per factor on single cells (regression: array operations per row)', () => {
  test('no SUMPRODUCT and no operation on a range: only COUNTBLANK reads the row as a range', () => {
    for (const n of [1, 12, 30]) {
      const f = totalFormula(layout(n), 7);
      expect(f).not.toMatch(/SUMPRODUCT|MMULT|\{/);
      // the only range in the formula is the row itself, read once by COUNTBLANK
      expect(f.match(/[A-Z]+\$?\d+:[A-Z]+\$?\d+/g)).toEqual([expect.stringMatching(/^C7:[A-Z]+7$/)]);
      expect(f.startsWith(`=IF(COUNTBLANK(C7:`)).toBe(true);
    }
  });

  test('one IF per factor, each reading only its own score and weight', () => {
    const f = totalFormula(layout(3), 9);
    expect(f.match(/IF\([A-Z]+9="",0,/g)).toEqual(['IF(C9="",0,', 'IF(D9="",0,', 'IF(E9="",0,']);
    expect(f).toContain('IF(D9="",0,D$4*D9/((D9=INT(D9))*(ABS(D9)<=10)*ISNUMBER(D$4)*(D$4>=0)*NOT(ISLOGICAL(D9))*NOT(ISLOGICAL(D$4))))');
  });

  test('its length grows with the factors only (about 110 characters each)', () => {
    const per = (totalFormula(layout(30), 6).length - totalFormula(layout(10), 6).length) / 20;
    expect(per).toBeLessThan(120);
  });
});

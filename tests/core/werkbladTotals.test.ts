/**
 * The weighted total and the validity of a score (src/core/werkblad.ts `weightedTotal`,
 * `checkScore`), pinned down directly: written against the survivors of a StrykerJS run on
 * those lines (CONTRIBUTING.md, "Mutation testing"). The Totalen formula rounds the same way
 * (`ROUND(SUMPRODUCT(...), TOTAL_DECIMALS)`, src/core/formulas.ts).
 */
import { checkScore, TOTAL_DECIMALS, weightedTotal } from '../../src/core/werkblad';

/** weightedTotal of one scored factor. */
const one = (weging: number, score: number) => weightedTotal([score], [{ weging }]);

describe('weightedTotal', () => {
  it('sums weight × score over the scored factors only, in factor order', () => {
    expect(weightedTotal([3, null, -4], [{ weging: 2 }, { weging: 100 }, { weging: 0.5 }])).toBe(4);
    expect(weightedTotal([null, null], [{ weging: 1 }, { weging: 1 }])).toBe(0);
    expect(weightedTotal([], [])).toBe(0);
  });

  it('counts a factor without a valid weight as weight 0', () => {
    expect(weightedTotal([5, 2], [{ weging: null }, { weging: 3 }])).toBe(6);
  });

  it('makes totals equal on paper equal (0,1 + 0,2 = 0,3)', () => {
    expect(weightedTotal([1, 2], [{ weging: 0.1 }, { weging: 0.1 }])).toBe(0.3);
    expect(one(0.7, 3)).toBe(2.1); // 2.0999999999999996 in binary
  });

  it(`rounds to ${TOTAL_DECIMALS} decimals, half away from zero, as Excel's ROUND`, () => {
    expect(TOTAL_DECIMALS).toBe(9);
    expect(one(1.0000000004, 1)).toBe(1);
    expect(one(1.0000000005, 1)).toBe(1.000000001);
    expect(one(1.0000000006, 1)).toBe(1.000000001);
    expect(one(1.0000000005, -1)).toBe(-1.000000001);
    expect(one(1.0000000004, -1)).toBe(-1);
    expect(one(0.0000000019, 1)).toBe(0.000000002);
    expect(one(2.0000000094, 10)).toBe(20.000000094);
  });

  it('rounds numbers below the last decimal to 0 or to one unit of it, never to -0', () => {
    expect(one(4e-10, 1)).toBe(0);
    expect(one(5e-10, 1)).toBe(1e-9);
    expect(one(5e-10, -1)).toBe(-1e-9);
    expect(one(6e-11, 1)).toBe(0);
    expect(one(4e-10, -1)).toBe(0); // toBe tells 0 from -0
    expect(one(6e-11, -1)).toBe(0);
    expect(weightedTotal([0], [{ weging: -1 }])).toBe(0);
  });

  it('keeps large totals to the 15 significant digits Excel holds', () => {
    expect(one(1234567.123456789, 1)).toBe(1234567.12345679);
    expect(one(123456789012, 10)).toBe(1234567890120);
    expect(one(30, 10)).toBe(300);
  });
});

describe('checkScore', () => {
  it('reads an empty cell and a zero-length text as not scored yet', () => {
    expect(checkScore(null)).toEqual({ kind: 'empty' });
    expect(checkScore('')).toEqual({ kind: 'empty' });
  });

  it('accepts whole numbers from -10 to 10', () => {
    for (const v of [-10, -9, -1, 0, 1, 9, 10]) expect(checkScore(v)).toEqual({ kind: 'valid', value: v });
  });

  it('rejects text, booleans, fractions, numbers outside -10..10 and non-finite numbers', () => {
    for (const v of [' ', '5', 'hoog', '#N/A', true, false, 2.5, -0.5, 10.5, 11, -11, 100, NaN, Infinity, -Infinity]) {
      expect(checkScore(v)).toEqual({ kind: 'invalid' });
    }
  });
});

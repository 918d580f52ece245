/**
 * `sameFormula` (src/core/diff.ts): the plan's formula comparison, one pass without copies.
 * Its rules: no case and no spaces outside string literals, Excel's `_xlfn.` prefix ignored,
 * string literals exact.
 */
import fc from 'fast-check';
import { sameFormula } from '../../src/core/diff';

/** The rule written the plain way (normalize both texts, compare): the oracle for the one-pass comparison. */
function normalized(f: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i];
    if (!inString && f.slice(i, i + 6).toUpperCase() === '_XLFN.') {
      i += 5;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (inString || ch === '"') out += ch;
    else if (ch !== ' ') out += ch.length === 1 && ch.toUpperCase().length === 1 ? ch.toUpperCase() : ch;
  }
  return out;
}

describe('sameFormula', () => {
  test.each([
    ['SUM(A1:B2)', 'sum(a1:b2)', true],
    ['SUM( A1 , B2 )', 'SUM(A1,B2)', true],
    ['_xlfn.IFS(A1>0,1)', 'IFS(A1>0,1)', true],
    ['_XLFN.CONCAT(A1)', 'concat(a1)', true],
    ['IF(A1="Ja",1,0)', 'IF(A1="ja",1,0)', false],
    ['IF(A1="a b",1,0)', 'IF(A1="ab",1,0)', false],
    ['IF(A1="_xlfn.x",1,0)', 'IF(A1="x",1,0)', false],
    ['A1&"""x"""', 'a1&"""x"""', true],
    ['A1&"""x"""', 'a1&"""X"""', false],
    ['SUM(A1)', 'SUM(A1)+0', false],
    ['SUM(A1)+0', 'SUM(A1)', false],
    ['', ' ', true],
    ["'Koppelkansen Kiezen'!A1", "'KOPPELKANSENKIEZEN'!a1", true],
    ['Ä1', 'ä1', true],
    // an underscore that does not start _xlfn. is compared like any other character (defined names)
    ['Lijst_opgaven', 'Lijst_opgavem', false],
    ['INDEX(Namen_a,1)', 'INDEX(Namen_b,1)', false],
    // a letter whose capital is two letters is compared as itself, not as the first of them
    ["'Straße'!A1", "'STRASSE'!A1", false],
    ["'Straße'!A1", "'StraSe'!A1", false],
    ["'Straße'!A1", "'STRAßE'!a1", true],
  ])('%j against %j: %s', (a, b, want) => {
    expect(sameFormula(a, b)).toBe(want);
    expect(sameFormula(b, a)).toBe(want);
  });

  test('a long Totalen-like formula that differs only in its last reference is told apart, and equal once fixed', () => {
    const head = Array.from({ length: 300 }, (_, i) => `C$4*C${i + 5}`).join('+');
    expect(sameFormula(`${head}+D9`, `${head.toLowerCase()} + d8`)).toBe(false);
    expect(sameFormula(`${head}+D9`, `${head.toLowerCase()} + d9`)).toBe(true);
  });

  test('property: equal exactly when the plainly normalized texts are equal', () => {
    const alphabet = fc.constantFrom('a', 'A', 'b', 'B', ' ', '"', '_', 'x', 'l', 'f', 'n', '.', '(', ')', '1', 'ä', 'Ä', '_xlfn.', '_XLFN.');
    const formula = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(formula, formula, (a, b) => sameFormula(a, b) === (normalized(a) === normalized(b))),
      { numRuns: 3000 },
    );
    // and with b derived from a (case flips, spaces), so that equal pairs are common
    fc.assert(
      fc.property(formula, fc.array(fc.boolean(), { maxLength: 30 }), (a, flips) => {
        const b = [...a].map((ch, i) => (flips[i] ? (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) : ch)).join('');
        return sameFormula(a, b) === (normalized(a) === normalized(b));
      }),
      { numRuns: 3000 },
    );
  });
});

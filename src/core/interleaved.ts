/**
 * A text made of fixed pieces with numbers between them, compared without building it: the
 * formula stamp (formulaStamp.ts) and the shared formulas of the package patch
 * (src/workbook/xlsx/package/sharedFormulas.ts) check whether a formula filled down is the
 * next member of its run, for every row of a column of long formulas.
 */

/**
 * Whether `text` is exactly `literals[0] + String(number(0)) + literals[1] + … +
 * String(number(n − 1)) + literals[n]`, checked piece by piece (no text is built).
 * In: n + 1 literals (n ≥ 0) and the i-th number for i from 0 to n − 1.
 */
export function isInterleaved(text: string, literals: readonly string[], number: (i: number) => number): boolean {
  if (!text.startsWith(literals[0])) return false;
  let pos = literals[0].length;
  for (let i = 1; i < literals.length; i++) {
    const n = String(number(i - 1));
    if (!text.startsWith(n, pos)) return false;
    pos += n.length;
    if (!text.startsWith(literals[i], pos)) return false;
    pos += literals[i].length;
  }
  return pos === text.length;
}

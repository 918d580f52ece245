/**
 * A werkblad built directly in code (no snapshot), for engine tests that only need
 * factors, weights and scores: rows from row 6, factors from column C.
 */
import { weightedTotal, type KoppelkansRow, type Werkblad } from '../../src/core/werkblad';

export function makeWerkblad(weights: (number | null)[], scores: (number | null)[][], names?: string[], factorNames?: string[]): Werkblad {
  const factors = weights.map((w, i) => ({ index: i, column: 3 + i, name: factorNames?.[i] ?? `F${i + 1}`, weging: w }));
  const rows: KoppelkansRow[] = scores.map((s, i) => {
    const scored = s.filter((x) => x !== null).length;
    const usesBad = s.some((x, j) => x !== null && factors[j].weging === null);
    const total = scored === 0 || usesBad ? null : weightedTotal(s, factors);
    return {
      row: 6 + i,
      opgave: 'Opgave',
      koppelkans: names?.[i] ?? `K${i + 1}`,
      scores: s,
      scored,
      factors: factors.length,
      status: usesBad ? 'invalid' : scored === 0 ? 'unscored' : 'scored',
      total,
      invalidScore: false,
    };
  });
  return {
    layout: {
      sheet: 'Werkblad koppelkansen kiezen',
      firstFactorColumn: 3,
      lastFactorColumn: 2 + factors.length,
      totalenColumn: 3 + factors.length,
      totalenFound: true,
      firstDataRow: 6,
      lastDataRow: 5 + rows.length,
      preparedEndRow: 105 + rows.length,
    },
    factors,
    rows,
  };
}

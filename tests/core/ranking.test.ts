import { rankRows, tieSizes, topN } from '../../src/core/ranking';
import type { KoppelkansRow } from '../../src/core/werkblad';

function row(r: number, total: number | null): KoppelkansRow {
  return {
    row: r,
    opgave: 'O',
    koppelkans: `K${r}`,
    scores: [],
    scored: total === null ? 0 : 1,
    factors: 1,
    status: total === null ? 'unscored' : 'scored',
    total,
    invalidScore: false,
  };
}

test('highest first, ties share a rank (1, 2, 2, 4)', () => {
  const ranking = rankRows([row(6, 5), row(7, 9), row(8, 5), row(9, 1)]);
  expect(ranking.map((e) => [e.koppelkans, e.rank])).toEqual([
    ['K7', 1],
    ['K6', 2],
    ['K8', 2],
    ['K9', 4],
  ]);
});

test('rows without a total are not ranked', () => {
  expect(rankRows([row(6, null), row(7, 3)]).map((e) => e.row)).toEqual([7]);
});

test('negative totals rank below zero', () => {
  expect(rankRows([row(6, -3), row(7, 0)]).map((e) => e.row)).toEqual([7, 6]);
});

test('the top 15 includes every row tied at place 15', () => {
  const rows = Array.from({ length: 20 }, (_, i) => row(6 + i, i < 14 ? 100 - i : 50));
  const top = topN(rankRows(rows), 15);
  expect(top).toHaveLength(20);
  expect(top[top.length - 1].rank).toBe(15);
});

test('the top 15 stops after rank 15 without ties', () => {
  const rows = Array.from({ length: 20 }, (_, i) => row(6 + i, 100 - i));
  expect(topN(rankRows(rows), 15)).toHaveLength(15);
});

test('within a tie the row higher on the werkblad comes first, whatever order the rows arrive in (as the Resultaat formulas)', () => {
  const ranking = rankRows([row(9, 5), row(12, 7), row(6, 5), row(8, 5)]);
  expect(ranking.map((e) => [e.row, e.rank])).toEqual([
    [12, 1],
    [6, 2],
    [8, 2],
    [9, 2],
  ]);
});

test('tieSizes counts how many rows share each rank; 1 for a rank without a tie', () => {
  const ties = tieSizes(rankRows([row(6, 5), row(7, 9), row(8, 5), row(9, 1), row(10, 5)]));
  expect([...ties.entries()]).toEqual([
    [1, 1],
    [2, 3],
    [5, 1],
  ]);
  expect(tieSizes([]).size).toBe(0);
});

test('a ranked entry carries its row, names, total and how many of its factors are scored', () => {
  const r = { ...row(7, 4.5), opgave: 'Riolering', scored: 3, factors: 4 };
  expect(rankRows([r])).toEqual([{ rank: 1, row: 7, opgave: 'Riolering', koppelkans: 'K7', total: 4.5, scored: 3, factors: 4 }]);
});

import fc from 'fast-check';
import { computeGevoeligheid, formatGetal, type GevoeligheidOptions, type WeightInterval } from '../../src/core/gevoeligheid';
import { rankRows, type RankEntry } from '../../src/core/ranking';
import { weightedTotal, type Werkblad } from '../../src/core/werkblad';
import { makeWerkblad } from '../helpers/werkbladFixture';

// The robustness analysis on its own, on werkbladen built in code inside each test (no
// workbook, no files): small tops (topN 1–3) so a few rows reach every case, and a small
// property against the engine's own ranking (ranking.ts) recomputed with other weights.
// gevoeligheid.test.ts holds the larger properties at the guide's top 15 (about 5 s).

/** The engine's ranking with other weights (totals rounded to 9 decimals, as gevoeligheid.test.ts explains). */
function rankWith(wb: Werkblad, weights: number[]): RankEntry[] {
  const factors = wb.factors.map((f, i) => ({ ...f, weging: weights[i] }));
  return rankRows(wb.rows.map((r) => (r.total === null ? r : { ...r, total: Math.round(weightedTotal(r.scores, factors) * 1e9) / 1e9 })));
}
const membersWith = (wb: Werkblad, weights: number[], n: number) =>
  rankWith(wb, weights)
    .filter((e) => e.rank <= n)
    .map((e) => e.row)
    .sort((a, b) => a - b)
    .join(',');
const orderWith = (wb: Werkblad, weights: number[], n: number) =>
  rankWith(wb, weights)
    .filter((e) => e.rank <= n)
    .map((e) => `${e.row}:${e.rank}`)
    .join(',');
const withWeight = (wb: Werkblad, index: number, value: number) => wb.factors.map((f, i) => (i === index ? value : (f.weging as number)));
const eps = (x: number) => 1e-7 * Math.max(1, Math.abs(x));

/** Inside the interval the state is today's; at (open) or just past (closed) each bound it is not. */
function checkInterval(wb: Werkblad, iv: WeightInterval, state: (weights: number[]) => string): void {
  const now = state(withWeight(wb, iv.index, iv.weging));
  const lo = iv.lower.at ?? 0;
  const hi = iv.upper.at ?? iv.weging + 20;
  const inside = [iv.weging, 0, lo + eps(lo), hi - eps(hi), (lo + hi) / 2, (lo + iv.weging) / 2, (hi + iv.weging) / 2];
  for (const t of inside) {
    if (t < lo || t > hi || (iv.lower.at === iv.weging && t < iv.weging) || (iv.upper.at === iv.weging && t > iv.weging)) continue;
    if ((t === lo && iv.lower.at !== null && !iv.lower.included) || (t === hi && iv.upper.at !== null && !iv.upper.included)) continue;
    expect({ t, state: state(withWeight(wb, iv.index, t)) }).toEqual({ t, state: now });
  }
  if (iv.lower.at !== null) {
    expect(iv.lower.at).toBeGreaterThanOrEqual(0);
    const t = iv.lower.included ? iv.lower.at - eps(iv.lower.at) : iv.lower.at;
    expect(t).toBeGreaterThanOrEqual(0); // a bound that only a weight below 0 would pass is no bound
    expect(state(withWeight(wb, iv.index, t))).not.toEqual(now);
  }
  if (iv.upper.at !== null) {
    const t = iv.upper.included ? iv.upper.at + eps(iv.upper.at) : iv.upper.at;
    expect(state(withWeight(wb, iv.index, t))).not.toEqual(now);
  }
}

const run = (weights: (number | null)[], scores: (number | null)[][], options: GevoeligheidOptions, names?: string[], factorNames?: string[]) => {
  const wb = makeWerkblad(weights, scores, names, factorNames);
  return { wb, g: computeGevoeligheid(wb, options) };
};
const small = { topN: 2, topOrder: 2, margin: 1 };

describe('against the engine’s ranking with other weights (small tops, property)', () => {
  const arb = fc
    .record({
      factors: fc.integer({ min: 1, max: 3 }),
      rows: fc.integer({ min: 1, max: 7 }),
      topN: fc.integer({ min: 1, max: 3 }),
      topOrder: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ factors, rows, topN, topOrder }) =>
      fc.record({
        topN: fc.constant(topN),
        topOrder: fc.constant(topOrder),
        weights: fc.array(fc.constantFrom(0, 0.5, 1, 2, 3), { minLength: factors, maxLength: factors }),
        scores: fc.array(fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { freq: 5 }), { minLength: factors, maxLength: factors }), {
          minLength: rows,
          maxLength: rows,
        }),
      }),
    );

  test('every interval is exact: today’s members and order inside, another state at or just past each bound', () => {
    fc.assert(
      fc.property(arb, ({ topN, topOrder, weights, scores }) => {
        const wb = makeWerkblad(weights, scores);
        const g = computeGevoeligheid(wb, { topN, topOrder, margin: 2 });
        for (const iv of g.members) checkInterval(wb, iv, (w) => membersWith(wb, w, topN));
        for (const iv of g.order) checkInterval(wb, iv, (w) => orderWith(wb, w, topOrder));
      }),
      { numRuns: 40, seed: 1403 },
    );
  });

  test('the smallest move of a koppelkans near the boundary moves it across, and nothing smaller on that weight or score does', () => {
    fc.assert(
      fc.property(arb, ({ topN, weights, scores }) => {
        const wb = makeWerkblad(weights, scores);
        const g = computeGevoeligheid(wb, { topN, margin: 2 });
        const ranked = wb.rows.filter((r) => r.total !== null).length;
        expect(g.boundary.length).toBe(ranked > topN ? Math.min(2, g.boundary.filter((m) => m.inside).length) + g.boundary.filter((m) => !m.inside).length : 0);
        for (const m of g.boundary) {
          const inTop = (ws: number[], sc?: { index: number; to: number }) => {
            const target = sc
              ? makeWerkblad(
                  weights,
                  scores.map((r, i) => (6 + i === m.row ? r.map((v, j) => (j === sc.index ? sc.to : v)) : r)),
                )
              : wb;
            return membersWith(target, ws, topN).split(',').includes(String(m.row));
          };
          expect(inTop(weights)).toBe(m.inside);
          expect(m.rank <= topN).toBe(m.inside);
          if (m.weight) {
            const w = m.weight;
            expect(w.from).toBe(weights[w.index]);
            const beyond = w.included ? w.to + (w.up ? 1 : -1) * eps(w.to) : w.to;
            expect(beyond).toBeGreaterThanOrEqual(0); // no weight is below 0
            expect(inTop(withWeight(wb, w.index, beyond))).toBe(!m.inside);
            if (w.to !== w.from) expect(inTop(withWeight(wb, w.index, w.to - (w.up ? 1 : -1) * eps(w.to)))).toBe(m.inside);
          }
          if (m.score) {
            expect(m.score.from).toBe(scores[m.row - 6][m.score.index]);
            expect(inTop(weights, m.score)).toBe(!m.inside);
            const step = m.score.to > (m.score.from ?? 0) ? -1 : 1;
            if (m.score.to + step !== (m.score.from ?? 0)) expect(inTop(weights, { index: m.score.index, to: m.score.to + step })).toBe(m.inside);
          }
        }
      }),
      { numRuns: 40, seed: 1404 },
    );
  });
});

describe('intervals per weight', () => {
  // A = 3·F1, B = 2·F2, C = 1·F1 with both weights 1: A 3, B 2, C 1
  const abc = () =>
    run(
      [1, 1],
      [
        [3, 0],
        [0, 2],
        [1, 0],
      ],
      small,
      ['A', 'B', 'C'],
    );

  test('members: F1 may rise until C ties B at 2 (a shared place already lets C in); F2 may fall until B ties C at 0,5', () => {
    const { g } = abc();
    expect(g.members.map((iv) => [iv.factor, iv.index, iv.weging])).toEqual([
      ['F1', 0, 1],
      ['F2', 1, 1],
    ]);
    expect(g.members[0].upper).toEqual({ at: 2, included: false, change: { leaving: ['B'], entering: ['C'], order: ['A', 'C'], shared: [] } });
    expect(g.members[1].lower).toEqual({ at: 0.5, included: false, change: { leaving: ['B'], entering: ['C'], order: ['A', 'C'], shared: [] } });
    expect(g.members[1].upper).toEqual({ at: null, included: true, change: null });
  });

  test('order: F1 falling to 2/3 puts B level with A, F2 rising to 1,5 too', () => {
    const { g } = abc();
    expect(g.order[0].lower.at).toBeCloseTo(2 / 3, 12);
    expect(g.order[0].lower).toMatchObject({ included: false, change: { leaving: [], entering: [], order: ['B', 'A'] } });
    expect(g.order[0].upper).toMatchObject({ at: 2, included: false });
    expect(g.order[1].lower).toMatchObject({ at: 0.5, included: false });
    expect(g.order[1].upper).toEqual({ at: 1.5, included: false, change: { leaving: [], entering: [], order: ['B', 'A'], shared: [] } });
  });

  test('the sentences name the bound, who leaves and enters, and today’s weight', () => {
    const { g } = abc();
    expect(g.sentences.members[1]).toBe('De top 2 verandert pas als de weging van F2 tot 0,5 daalt (dan valt B af en komt C erbij). Nu is de weging van F2 1.');
    expect(g.sentences.order[0]).toBe(
      'De volgorde van de top 2 verandert pas als de weging van F1 tot ongeveer 0,67 daalt (dan wordt het B en A) of als de weging van F1 tot 2 stijgt (dan wordt het A en C). Nu is de weging van F1 1.',
    );
    expect(g.sentences.order[1]).toBe(
      'De volgorde van de top 2 verandert pas als de weging van F2 tot 0,5 daalt (dan wordt het A en C) of als de weging van F2 tot 1,5 stijgt (dan wordt het B en A). Nu is de weging van F2 1.',
    );
    expect(g.sentences.summary).toEqual([
      'Geen enkele weging boven 0,5 en onder 2 verandert de top 2 (telkens één weging anders, de rest gelijk).',
      'Geen enkele weging vanaf 0,67 en onder 1,5 verandert de volgorde van de top 2 (telkens één weging anders, de rest gelijk).',
    ]);
    expect(g.sentences.all).toEqual([...g.sentences.summary, ...g.sentences.members, ...g.sentences.order, ...g.sentences.boundary]);
  });

  test('a bound that the weight itself still keeps says "boven" / "onder" (a tie at the current weight, broken by the slope)', () => {
    // top 1: A = 2·F1 + 0, B = 1·F1 + 1: tied at 2 now; A above for any higher F1, B for any lower
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [1, 1],
        [0, 0],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B', 'C'],
    );
    expect(g.members[0].lower).toEqual({ at: 1, included: true, change: { leaving: ['A'], entering: [], order: ['B'], shared: [] } });
    expect(g.members[0].upper).toEqual({ at: 1, included: true, change: { leaving: ['B'], entering: [], order: ['A'], shared: [] } });
    expect(g.sentences.members[0]).toBe(
      'De top 1 staat op het randje: elke verandering van de weging van F1 (nu 1) verandert hem (omlaag: dan valt A af; omhoog: dan valt B af).',
    );
    expect(g.sentences.order[0]).toBe(
      'De volgorde van de top 1 staat op het randje: elke verandering van de weging van F1 (nu 1) verandert haar (omlaag: dan wordt het B; omhoog: dan wordt het A).',
    );
  });

  test('one side at once, the other later: "bij elke verlaging ... en als ... tot ... stijgt"', () => {
    // top 2: A = 2·F1 ties B = C = F1 + 1 at 2 (all place 1); lower F1 and B, C pass A; D = 3·F1 − 2 reaches B and C at 1,5
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [1, 1],
        [1, 1],
        [3, -2],
      ],
      { topN: 2, topOrder: 1, margin: 1 },
      ['A', 'B', 'C', 'D'],
    );
    expect(g.members[0].lower).toEqual({
      at: 1,
      included: true,
      change: { leaving: ['A'], entering: [], order: ['B', 'C'], shared: [{ rank: 1, names: ['B', 'C'] }] },
    });
    expect(g.members[0].upper).toMatchObject({ at: 1.5, included: false, change: { leaving: ['B', 'C'], entering: ['D'] } });
    expect(g.sentences.members[0]).toBe(
      'De top 2 verandert bij elke verlaging van de weging van F1 (dan valt A af) en als de weging van F1 tot 1,5 stijgt (dan vallen B en C af en komt D erbij). Nu is de weging van F1 1.',
    );
  });

  test('no weight changes anything: one sentence per factor, and the summary says "hoe hoog of laag ook"', () => {
    const { g } = run(
      [1, 2],
      [
        [5, 5],
        [1, 1],
        [0, 0],
      ],
      small,
      ['A', 'B', 'C'],
    );
    expect(g.members.map((iv) => [iv.lower.at, iv.upper.at])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(g.sentences.members).toEqual([
      'Geen enkele weging van F1 verandert de top 2 (nu 1; telkens alleen deze weging anders).',
      'Geen enkele weging van F2 verandert de top 2 (nu 2; telkens alleen deze weging anders).',
    ]);
    expect(g.sentences.summary[0]).toBe('Geen enkele weging, hoe hoog of laag ook, verandert de top 2 (telkens één weging anders, de rest gelijk).');
  });

  test('a summary says whether its bounds keep the top (regression: "tussen 0,5 en 2" beside "tot 2 stijgt", where a weight of 2 already changes it)', () => {
    // top 1: A = 7·F1 leads B = 3·F2 until F1 falls to 3/7 or F2 rises to 7/3: neither bound is printed exactly, so both printed weights keep the top
    const rounded = run(
      [1, 1],
      [
        [7, 0],
        [0, 3],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B'],
    ).g;
    expect(rounded.sentences.summary[0]).toBe('Geen enkele weging van 0,43 tot en met 2,33 verandert de top 1 (telkens één weging anders, de rest gelijk).');
    // the abc example: at exactly 0,5 and 2 a tie already changes the top 2
    const { g } = abc();
    expect(g.members[1].lower).toMatchObject({ at: 0.5, included: false });
    expect(g.members[0].upper).toMatchObject({ at: 2, included: false });
    expect(g.sentences.summary[0]).toMatch(/^Geen enkele weging boven 0,5 en onder 2 /);
  });

  test('a tie exactly at weight 0 is a change, also when the crossing comes out a few units in the last place past the weight (regression: "hoe hoog of laag ook" while at 0 two rows share place 1)', () => {
    // F1 falling from 1,2 to 0 brings A (−10, 3) level with B (−9, 3): computed as 1.2000000000000002 against a weight of 1.2
    const { g } = run(
      [1.2, 1],
      [
        [-10, 3],
        [-9, 3],
        [-10, -10],
      ],
      { topN: 3, topOrder: 3, margin: 1 },
      ['A', 'B', 'C'],
    );
    expect(g.order[0].lower).toMatchObject({ at: 0, change: { order: ['A', 'B', 'C'], shared: [{ rank: 1, names: ['A', 'B'] }] } });
    expect(g.sentences.summary.join(' ')).not.toMatch(/hoe hoog of laag ook, verandert de volgorde/);
  });

  test('a summary between two bounds rounds to the safe side: the lower bound up, the upper bound down', () => {
    // top 1: A = 3·F1 leads B = 1 above F1 = 1/3; C = 3 − F2·… : bounds 1/3 and 7/3
    const { g } = run(
      [1, 1],
      [
        [3, 0],
        [0, 1],
        [1, 0],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B', 'C'],
    );
    expect(g.members[0].lower.at).toBeCloseTo(1 / 3, 12);
    expect(g.members[1].upper.at).toBeCloseTo(3, 12);
    expect(g.sentences.summary[0]).toBe('Geen enkele weging vanaf 0,34 en onder 3 verandert de top 1 (telkens één weging anders, de rest gelijk).');
  });

  test('intervals that share no range around today’s weights give no summary', () => {
    // F1 at 2 keeps the top only above 1,5; F2 at 1 keeps it only below 1,2: the common range [1,5; 1,2] is empty
    const { g } = run(
      [2, 1],
      [
        [2, 0],
        [0, 2.4],
        [1, 1.6],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B', 'C'],
    );
    const [f1, f2] = g.members;
    expect(f1.lower.at).not.toBeNull();
    expect(f2.upper.at).not.toBeNull();
    if (Math.max(f1.lower.at ?? 0, f2.lower.at ?? 0) >= Math.min(f1.upper.at ?? Infinity, f2.upper.at ?? Infinity))
      expect(g.sentences.summary.filter((s) => s.includes('de top 1 ('))).toEqual([]);
  });

  test('rows that stay level for every weight move together: identical rows at the boundary change nothing', () => {
    const { g } = run(
      [1, 1],
      [
        [3, 3],
        [2, 2],
        [2, 2],
        [0, 0],
      ],
      small,
      ['A', 'B', 'C', 'D'],
    );
    expect(g.members.map((iv) => [iv.lower.at, iv.upper.at])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

describe('the koppelkansen near the boundary', () => {
  test('the last ones in and the first ones out, by place, with their rows and places (ties share a place)', () => {
    const scores = [[9], [8], [8], [7], [5], [5], [4], [1]];
    const { g } = run([1], scores, { topN: 4, margin: 2 }, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(g.boundary.map((m) => [m.koppelkans, m.row, m.rank, m.inside])).toEqual([
      ['C', 8, 2, true],
      ['D', 9, 4, true],
      ['E', 10, 5, false],
      ['F', 11, 5, false],
    ]);
  });

  test('the default margin is 3 on each side, the default top 15 and top 3', () => {
    const { g } = run(
      [1],
      Array.from({ length: 20 }, (_, i) => [20 - i]),
      {},
    );
    expect([g.topN, g.topOrder, g.ranked]).toEqual([15, 3, 20]);
    expect(g.boundary.map((m) => m.rank)).toEqual([13, 14, 15, 16, 17, 18]);
  });

  test('no boundary when every ranked row is in the top', () => {
    const { g } = run([1], [[3], [2]], { topN: 2 });
    expect(g.boundary).toEqual([]);
    expect(g.sentences.boundary).toEqual([]);
  });

  test('the smallest weight change wins over a larger one on another factor', () => {
    // top 1: A = F1·2 + F2·0 = 2, B = F1·0 + F2·1,5 = 1,5; A falls out when F1 < 0,75 (−0,25) or F2 > 2 (+1)
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [0, 1.5],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary[0]).toMatchObject({ koppelkans: 'A', inside: true, weight: { factor: 'F1', index: 0, from: 1, to: 0.75, included: true, up: false } });
    expect(g.boundary[1]).toMatchObject({ koppelkans: 'B', inside: false, weight: { factor: 'F1', index: 0, from: 1, to: 0.75, included: false, up: false } });
    expect(g.sentences.boundary).toEqual([
      'A (plaats 1) valt uit de top 1 als de weging van F1 onder 0,75 komt (nu 1), of als de score voor F1 van 2 naar 1 gaat (1 punt lager).',
      'B (plaats 2) komt in de top 1 als de weging van F1 tot 0,75 daalt (nu 1), of als de score voor F1 van 0 naar 1 gaat (1 punt hoger).',
    ]);
  });

  test('rising weights: "boven ... komt" for the one that falls out, "tot ... stijgt" for the one that comes in', () => {
    // top 1: A = 2 (F1 only), B = F2·1 = 1 with F2 at 1; A has no F2, B rises past A above F2 = 2 … but F1 falling is as quick
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [0, 1],
        [-5, 0],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B', 'C'],
    );
    const a = g.boundary.find((m) => m.koppelkans === 'A')!;
    expect(a.weight).toMatchObject({ included: true });
    const texts = g.sentences.boundary.join(' ');
    expect(texts).toMatch(/A \(plaats 1\) valt uit de top 1 als de weging van F(1 onder 0,5 komt|2 boven 2 komt) \(nu 1\)/);
    expect(texts).toMatch(/B \(plaats 2\) komt in de top 1 als de weging van F(1 tot 0,5 daalt|2 tot 2 stijgt) \(nu 1\)/);
  });

  test('a rising weight that is the smallest move: "boven ... komt" for the one that falls out, "tot ... stijgt" for the one that comes in', () => {
    // top 1: A = 3·1 = 3, B = 0,2·5 = 1: F1 must fall by 2 (to 1), F2 rise by only 0,4 (to 0,6, where B ties A)
    const { g } = run(
      [3, 0.2],
      [
        [1, 0],
        [0, 5],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary.map((m) => m.weight && { ...m.weight, to: Math.round(m.weight.to * 1e9) / 1e9 })).toEqual([
      { factor: 'F2', index: 1, from: 0.2, to: 0.6, included: true, up: true },
      { factor: 'F2', index: 1, from: 0.2, to: 0.6, included: false, up: true },
    ]);
    expect(g.sentences.boundary).toEqual([
      'A (plaats 1) valt uit de top 1 als de weging van F2 boven 0,6 komt (nu 0,2), of als de score voor F1 van 1 naar 0 gaat (1 punt lager).',
      'B (plaats 2) komt in de top 1 als de weging van F2 tot 0,6 stijgt (nu 0,2), of als de score voor F1 van 0 naar 1 gaat (1 punt hoger).',
    ]);
    expect(g.sentences.members).toEqual([
      'De top 1 verandert pas als de weging van F1 tot 1 daalt (dan valt A af en komt B erbij). Nu is de weging van F1 3.',
      'De top 1 verandert pas als de weging van F2 tot 0,6 stijgt (dan valt A af en komt B erbij). Nu is de weging van F2 0,2.',
    ]);
  });

  test('a bound that two decimals would round onto the current weight gets as many as it needs, with "ongeveer"', () => {
    // top 1: A = F1 = 1, B = 0,0997·10 = 0,997: A falls below B when F1 drops under 0,997, which "1" would hide
    const { g } = run(
      [1, 0.0997],
      [
        [1, 0],
        [0, 10],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.sentences.members[0]).toBe(
      'De top 1 verandert pas als de weging van F1 tot ongeveer 0,997 daalt (dan valt A af en komt B erbij). Nu is de weging van F1 1.',
    );
  });

  test('a current weight with more than two decimals is shown as typed, not rounded onto its bound ("tot 0,1 stijgt", "nu 0,1")', () => {
    // the same werkblad: F2 at 0,0997 lets B tie A at 0,1
    const { g } = run(
      [1, 0.0997],
      [
        [1, 0],
        [0, 10],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.sentences.members[1]).toBe(
      'De top 1 verandert pas als de weging van F2 tot 0,1 stijgt (dan valt A af en komt B erbij). Nu is de weging van F2 0,0997.',
    );
    expect(g.sentences.boundary[1]).toBe(
      'B (plaats 2) komt in de top 1 als de weging van F2 tot 0,1 stijgt (nu 0,0997), of als de score voor F1 van 0 naar 1 gaat (1 punt hoger).',
    );
  });

  test('a move at the current weight: "bij elke verhoging" / "bij elke verlaging"', () => {
    // top 1: A = 2·F1 and B = F1 + 1 tie at 2 (both place 1); C = 0 below: A falls out as soon as F1 falls, B as soon as it rises
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [1, 1],
        [0, 0],
      ],
      { topN: 1, margin: 2 },
      ['A', 'B', 'C'],
    );
    expect(g.boundary.map((m) => [m.koppelkans, m.rank, m.weight?.to, m.weight?.up])).toEqual([
      ['A', 1, 1, false],
      ['B', 1, 1, true],
      ['C', 3, undefined, undefined], // C = 0 whatever F1 or F2 weighs
    ]);
    expect(g.sentences.boundary[0]).toMatch(/^A \(plaats 1\) valt uit de top 1 bij elke verlaging van de weging van F1 \(nu 1\)/);
    expect(g.sentences.boundary[1]).toMatch(/^B \(plaats 1\) valt uit de top 1 bij elke verhoging van de weging van F1 \(nu 1\)/);
  });

  test('an empty score is counted as 0 and named "leeg"', () => {
    // top 1: A = 3, B has no score for F1 (total 2 from F2): B comes in with F1 from leeg to 2 (total 4 > 3)
    const { g } = run(
      [1, 1],
      [
        [3, 0],
        [null, 2],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary[1].score).toEqual({ factor: 'F1', index: 0, from: null, to: 1 });
    expect(g.sentences.boundary[1]).toContain('als de score voor F1 van leeg naar 1 gaat (1 punt hoger)');
  });

  test('no single move: "komt niet in de top" / "valt niet uit de top"', () => {
    // top 1: A = 10·F1, B = −10·F1 − F2: even at F1 = 0 B stays below, and no score from −10 to 10 bridges 10 against −11
    const { g } = run(
      [1, 1],
      [
        [10, 0],
        [-10, -1],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary.map((m) => [m.weight, m.score])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(g.sentences.boundary).toEqual([
      'A (plaats 1) valt niet uit de top 1 door één weging of één eigen score te veranderen.',
      'B (plaats 2) komt niet in de top 1 door één weging of één eigen score te veranderen.',
    ]);
  });

  test('a factor with weight 0 moves nobody by a score; a skipped factor not by its weight', () => {
    const { g } = run(
      [0, 1, null],
      [
        [0, 3, null],
        [0, 2, null],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary[0].score).toEqual({ factor: 'F2', index: 1, from: 3, to: 1 });
    expect(g.boundary[1].score).toEqual({ factor: 'F2', index: 1, from: 2, to: 3 });
    expect(g.boundary.every((m) => m.weight?.factor !== 'F3')).toBe(true);
  });

  test('the score is the smallest change over all factors, within −10 to 10', () => {
    // top 1: A = 2·5 = 10, B = 1·1 + 2·4 = 9: B needs +1 on F2 (→ 11) or +1 on F1 (→ 10, a tie: in)
    const { g } = run(
      [1, 2],
      [
        [0, 5],
        [1, 4],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary[1].score).toEqual({ factor: 'F1', index: 0, from: 1, to: 2 });
    // A at 10 out of reach: B = F1·10 at most 10 … A = 100 leads by more than any score can bridge
    const far = run([10], [[10], [-10]], { topN: 1, margin: 1 }, ['A', 'B']).g;
    expect(far.boundary[1].score).toEqual({ factor: 'F1', index: 0, from: -10, to: 10 });
    // A = 20, B = −20: one score of B at most 10 − 10 = 0
    const none = run(
      [1, 1],
      [
        [10, 10],
        [-10, -10],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    ).g;
    expect(none.boundary[1]).toMatchObject({ weight: null, score: null });
  });
});

describe('sentences for small and empty rankings', () => {
  test('no koppelkans with a total', () => {
    const { g } = run([1], [[null], [null]], small);
    expect(g.ranked).toBe(0);
    expect(g.sentences.all).toEqual(['Nog geen koppelkans heeft een totaal: er is nog geen ranglijst om te toetsen.']);
  });

  test('all in the top: one sentence for all, and the order still checked', () => {
    const { g } = run(
      [1, 1],
      [
        [3, 1],
        [2, 0],
      ],
      { topN: 5, topOrder: 2 },
      ['A', 'B'],
    );
    expect(g.sentences.summary[0]).toBe('Er zijn 2 koppelkansen met een totaal; ze staan allemaal in de top 5, welke weging je ook kiest.');
    expect(g.sentences.members).toEqual([]);
    expect(g.sentences.order).toEqual([
      'Geen enkele weging van F1 verandert de volgorde van de top 2 (nu 1; telkens alleen deze weging anders).',
      'Geen enkele weging van F2 verandert de volgorde van de top 2 (nu 1; telkens alleen deze weging anders).',
    ]);
  });

  test('one koppelkans: "die staat", and no order sentences', () => {
    const { g } = run([1, null], [[3, null]], { topN: 5 }, ['A']);
    expect(g.sentences.all).toEqual([
      'Er is 1 koppelkans met een totaal; die staat in de top 5, welke weging je ook kiest.',
      'Niet berekend voor F2: de weging is ongeldig.',
    ]);
  });

  test('skipped factors are listed "A, B en C" and get no interval', () => {
    const { g } = run(
      [null, 1, null, null],
      [
        [null, 1, null, null],
        [null, 2, null, null],
      ],
      { topN: 1 },
      ['A', 'B'],
      ['Eén', 'Twee', 'Drie', 'Vier'],
    );
    expect(g.skipped).toEqual(['Eén', 'Drie', 'Vier']);
    expect(g.members.map((iv) => iv.factor)).toEqual(['Twee']);
    expect(g.sentences.summary.at(-1)).toBe('Niet berekend voor Eén, Drie en Vier: de weging is ongeldig.');
  });

  test('a row without a name is called by its row', () => {
    const { g } = run([1], [[3], [2]], { topN: 1, margin: 1 }, ['', '']);
    expect(g.boundary.map((m) => m.koppelkans)).toEqual(['rij 6', 'rij 7']);
  });

  test('several leave or enter at once: "vallen … af", "komen … erbij"', () => {
    // top 2: A, B by F1; C, D by F2 (weight 1); F1 falling below 0,5 swaps both pairs
    const { g } = run(
      [1, 1],
      [
        [4, 0],
        [4, 0],
        [0, 2],
        [0, 2],
      ],
      small,
      ['A', 'B', 'C', 'D'],
    );
    expect(g.members[0].lower).toMatchObject({ at: 0.5, included: false });
    expect(g.sentences.members[0]).toContain('(dan vallen A en B af en komen C en D erbij)');
  });
});

describe('numbers the Dutch way', () => {
  test('decimal comma, a minus sign, no −0, rounded as asked', () => {
    expect(formatGetal(1.25)).toBe('1,25');
    expect(formatGetal(1.005, 'nearest', 1)).toBe('1');
    expect(formatGetal(-0.001)).toBe('0');
    expect(formatGetal(-2.5)).toBe('−2,5');
    expect(formatGetal(1 / 3, 'up')).toBe('0,34');
    expect(formatGetal(1 / 3, 'down')).toBe('0,33');
    expect(formatGetal(1 / 3)).toBe('0,33');
    expect(formatGetal(2 / 3)).toBe('0,67');
    expect(formatGetal(0.1 + 0.2, 'down')).toBe('0,3'); // within 1e-6 of a whole hundredth: that hundredth
    expect(formatGetal(0.1 + 0.2, 'up')).toBe('0,3');
    expect(formatGetal(1234.5678, 'down', 3)).toBe('1234,567');
  });
});

describe('weights are never below 0 (regressions)', () => {
  test('a koppelkans tied at weight 0 is not said to fall out "onder 0" (no weight below 0 exists)', () => {
    // top 1: A = 2·F1 + F2 = 3, B = F2 = 1; at F1 = 0 they tie and A keeps place 1: lowering F1 never takes A out
    const { g } = run(
      [1, 1],
      [
        [2, 1],
        [0, 1],
      ],
      { topN: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.boundary[0]).toMatchObject({ koppelkans: 'A', inside: true, weight: null, score: { factor: 'F1', from: 2, to: -1 } });
    expect(g.sentences.boundary[0]).toBe('A (plaats 1) valt uit de top 1 als de score voor F1 van 2 naar -1 gaat (3 punten lager).');
    // B does come in at 0: it shares place 1 there
    expect(g.boundary[1].weight).toEqual({ factor: 'F1', index: 0, from: 1, to: 0, included: false, up: false });
    expect(g.sentences.boundary[1]).toMatch(/^B \(plaats 2\) komt in de top 1 als de weging van F1 tot 0 daalt \(nu 1\)/);
  });

  test('a bound at weight 0 says what the ranking is at 0, where the tied koppelkansen share a place (not who would leave below 0)', () => {
    const { g } = run(
      [1, 1],
      [
        [2, 1],
        [0, 1],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.members[0].lower).toEqual({
      at: 0,
      included: false,
      change: { leaving: [], entering: ['B'], order: ['A', 'B'], shared: [{ rank: 1, names: ['A', 'B'] }] },
    });
    expect(g.sentences.members[0]).toBe('De top 1 verandert pas als de weging van F1 tot 0 daalt (dan komt B erbij). Nu is de weging van F1 1.');
    expect(g.order[0].lower).toEqual({
      at: 0,
      included: false,
      change: { leaving: [], entering: ['B'], order: ['A', 'B'], shared: [{ rank: 1, names: ['A', 'B'] }] },
    });
  });

  test('a bound that only a weight below 0 would pass is no bound: the members at 0 are today’s', () => {
    // top 2: C = 5 leads; A = 2·F1 + 1 and B = 1 tie at F1 = 0 on place 2, both in: the top 2 holds for every weight ≥ 0 of F1
    const { g, wb } = run(
      [1, 1],
      [
        [2, 1],
        [0, 1],
        [0, 5],
      ],
      { topN: 2, topOrder: 2, margin: 1 },
      ['A', 'B', 'C'],
    );
    expect(membersWith(wb, [0, 1], 2)).toBe('6,7,8');
    expect(g.members[0].lower).toEqual({
      at: 0,
      included: false,
      change: { leaving: [], entering: ['B'], order: ['C', 'A', 'B'], shared: [{ rank: 2, names: ['A', 'B'] }] },
    });
    // order of the top 2 (C, A): at F1 = 0 A and B share place 2, so the order changes at 0 itself
    expect(g.order[0].lower).toMatchObject({ at: 0, included: false });
    const noTie = run(
      [1, 1],
      [
        [2, 2],
        [0, 1],
        [0, 5],
      ],
      { topN: 2, topOrder: 2, margin: 1 },
      ['A', 'B', 'C'],
    ).g;
    expect(noTie.members[0].lower).toEqual({ at: null, included: true, change: null });
  });

  test('a weight of 0 cannot be lowered: no "bij elke verlaging" and no "op het randje" for it', () => {
    // top 1 with F1 at 0: A = 2·F1 + F2 and B = F2 tie at 1 on place 1; only raising F1 changes it
    const { g } = run(
      [0, 1],
      [
        [2, 1],
        [0, 1],
      ],
      { topN: 1, topOrder: 1, margin: 2 },
      ['A', 'B'],
    );
    expect(g.members[0].lower).toEqual({ at: null, included: true, change: null });
    expect(g.members[0].upper).toMatchObject({ at: 0, included: true, change: { leaving: ['B'], entering: [] } });
    expect(g.sentences.members[0]).toBe('De top 1 verandert bij elke verhoging van de weging van F1 (dan valt B af). Nu is de weging van F1 0.');
    expect(g.boundary.map((m) => [m.koppelkans, m.weight])).toEqual([
      ['A', null],
      ['B', { factor: 'F1', index: 0, from: 0, to: 0, included: true, up: true }],
    ]);
    expect(g.sentences.boundary[1]).toMatch(/^B \(plaats 1\) valt uit de top 1 bij elke verhoging van de weging van F1 \(nu 0\)/);
  });
});

describe('cases the first mutation run left open', () => {
  const o1 = { topN: 1, topOrder: 1, margin: 1 };

  test('members passing each other inside the top change nothing: no bound where X and Y swap', () => {
    // top 3: X = 2·F1 + 8, Y = 9, Z1 = Z2 = 5 (sharing place 3), W = 0; F1 falling to 0,5 swaps X and Y, both stay in
    const { g } = run(
      [1, 1],
      [
        [2, 8],
        [0, 9],
        [0, 5],
        [0, 5],
        [0, 0],
      ],
      { topN: 3, topOrder: 1, margin: 1 },
      ['X', 'Y', 'Z1', 'Z2', 'W'],
    );
    expect(g.members[0].lower).toEqual({ at: null, included: true, change: null });
    expect(g.sentences.members[0]).toBe('Geen enkele weging van F1 verandert de top 3 (nu 1; telkens alleen deze weging anders).');
    expect(g.order[0].lower.at).toBe(0.5);
  });

  test('who leaves and who enters at once are named in werkblad order', () => {
    // top 2 (F1 at 3): Y = 6, X = 5, C = 4, D = 3; all four meet at F1 = 2, below it D and C lead
    const { g } = run(
      [3, 1],
      [
        [1, 2],
        [2, 0],
        [0, 4],
        [-1, 6],
      ],
      { topN: 2, topOrder: 1, margin: 1 },
      ['X', 'Y', 'C', 'D'],
    );
    expect(g.sentences.members[0]).toBe(
      'De top 2 verandert pas als de weging van F1 tot 2 daalt (dan vallen X en Y af en komen C en D erbij). Nu is de weging van F1 3.',
    );
  });

  test('a row without a name is called by its row in the changes too', () => {
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [0, 1],
      ],
      o1,
      ['', ''],
    );
    expect(g.sentences.members[0]).toBe(
      'De top 1 verandert pas als de weging van F1 tot 0,5 daalt (dan valt rij 6 af en komt rij 7 erbij). Nu is de weging van F1 1.',
    );
  });

  test('an order that becomes a shared place says so (regression: "dan wordt het A en B" read as no change)', () => {
    // A = C = 2·F1 + 1 (identical), B = 1: at F1 = 0 all three share place 1
    const { g } = run(
      [1, 1],
      [
        [2, 1],
        [0, 1],
        [2, 1],
      ],
      o1,
      ['A', 'B', 'C'],
    );
    expect(g.order[0].lower.change).toEqual({ leaving: [], entering: ['B'], order: ['A', 'B', 'C'], shared: [{ rank: 1, names: ['A', 'B', 'C'] }] });
    expect(g.sentences.order[0]).toBe(
      'De volgorde van de top 1 verandert pas als de weging van F1 tot 0 daalt (dan wordt het A, B en C, waarbij A, B en C plaats 1 delen). Nu is de weging van F1 1.',
    );
    // a summary with a bound at 0 that already changes the top: "groter dan 0"
    expect(g.sentences.summary[0]).toBe('Geen enkele weging groter dan 0, hoe hoog ook, verandert de top 1 (telkens één weging anders, de rest gelijk).');
  });

  test('lines that never meet give no move (not one "at infinity")', () => {
    // top 1: A = 5·F1 + 4·F2 = 9 leads B = 3·F2 = 3 and C = F2 = 1 for every weight; B and C are parallel in F1
    const { g } = run(
      [1, 1],
      [
        [5, 4],
        [0, 3],
        [0, 1],
      ],
      o1,
      ['A', 'B', 'C'],
    );
    expect(g.boundary.map((m) => [m.koppelkans, m.weight])).toEqual([
      ['A', null],
      ['B', null],
    ]);
  });

  test('a smaller move down beats a larger move up on the same weight', () => {
    // top 1: A = 3·F1 = 3; F1 falling to 0,5 lets B = F1 + 1 tie, F1 rising to 2 lets C = 4·F1 − 2 tie
    const { g } = run(
      [1, 1],
      [
        [3, 0],
        [1, 1],
        [4, -2],
      ],
      o1,
      ['A', 'B', 'C'],
    );
    expect(g.boundary[0].weight).toEqual({ factor: 'F1', index: 0, from: 1, to: 0.5, included: true, up: false });
  });

  test('a score may go down to −10 itself', () => {
    // top 1: A = F2 10 = 10 against B = 10 − 9 = 1: A's F1 score must go from 0 to −10 (total 0)
    const { g } = run(
      [1, 1],
      [
        [0, 10],
        [10, -9],
      ],
      o1,
      ['A', 'B'],
    );
    expect(g.boundary[0].score).toEqual({ factor: 'F1', index: 0, from: 0, to: -10 });
  });

  test('a later factor with a smaller score change wins', () => {
    // top 1 (weights 1 and 2): A = 6, B = 5: A's F1 must drop 2 points (to −2), its F2 only 1 (to 2)
    const { g } = run(
      [1, 2],
      [
        [0, 3],
        [3, 1],
      ],
      o1,
      ['A', 'B'],
    );
    expect(g.boundary[0].score).toEqual({ factor: 'F2', index: 1, from: 3, to: 2 });
  });

  test('koppelkansen tied just outside the top: the first on the werkblad is the one shown', () => {
    const { g } = run([1], [[5], [3], [3], [1]], o1, ['A', 'B', 'C', 'D']);
    expect(g.boundary.map((m) => [m.koppelkans, m.rank])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  test('one side changes at once, the other later: "als ... tot ... daalt ... en bij elke verhoging"', () => {
    // top 2: A = 2 and B = C = F1 + 1 tie at 2 (place 1); raising F1 puts B and C above A (out), D = 2 − F1 reaches B and C at 0,5
    const { g } = run(
      [1, 1],
      [
        [0, 2],
        [1, 1],
        [1, 1],
        [-1, 2],
      ],
      { topN: 2, topOrder: 1, margin: 1 },
      ['A', 'B', 'C', 'D'],
    );
    expect(g.sentences.members[0]).toBe(
      'De top 2 verandert als de weging van F1 tot 0,5 daalt (dan vallen B en C af en komt D erbij) en bij elke verhoging van de weging van F1 (dan valt A af). Nu is de weging van F1 1.',
    );
  });

  test('exactly as many koppelkansen as the top holds: all in, whatever the weights', () => {
    const { g } = run([1], [[3], [2]], { topN: 2, topOrder: 1 }, ['A', 'B']);
    expect(g.sentences.summary[0]).toBe('Er zijn 2 koppelkansen met een totaal; ze staan allemaal in de top 2, welke weging je ook kiest.');
    expect(g.members).toHaveLength(1);
    expect(g.sentences.members).toEqual([]);
  });

  test('a summary’s upper bound is rounded down (5/3 is 1,66, not 1,67)', () => {
    // top 1: A = 5·F2 = 5, B = 3·F1 = 3: B ties A at F1 = 5/3 or F2 = 0,6
    const { g } = run(
      [1, 1],
      [
        [0, 5],
        [3, 0],
      ],
      o1,
      ['A', 'B'],
    );
    expect(g.sentences.summary[0]).toBe('Geen enkele weging boven 0,6 en niet hoger dan 1,66 verandert de top 1 (telkens één weging anders, de rest gelijk).');
  });

  test('no summary when the intervals meet only at one weight (every weight on the edge)', () => {
    const { g } = run(
      [1, 1],
      [
        [2, 0],
        [1, 1],
        [0, 0],
      ],
      o1,
      ['A', 'B', 'C'],
    );
    expect(g.members.map((iv) => [iv.lower.at, iv.upper.at])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(g.sentences.summary).toEqual([]);
  });

  test('a bound just above a weight with three decimals is not rounded below it (regression: "tot ongeveer 1 stijgt (nu 1,002)")', () => {
    // top 1: A = 1,0033·F2 leads B = 1,002·F1 until F1 reaches 1,0033
    const { g } = run(
      [1.002, 1.0033],
      [
        [0, 1],
        [1, 0],
      ],
      o1,
      ['A', 'B'],
    );
    expect(g.sentences.members[0]).toBe(
      'De top 1 verandert pas als de weging van F1 tot ongeveer 1,003 stijgt (dan valt A af en komt B erbij). Nu is de weging van F1 1,002.',
    );
    expect(g.sentences.boundary[0]).toBe(
      'A (plaats 1) valt uit de top 1 als de weging van F1 boven ongeveer 1,003 komt (nu 1,002), of als de score voor F1 van 0 naar -1 gaat (1 punt lager).',
    );
    // the summary keeps to the safe side with as many decimals as it needs
    expect(g.sentences.summary[0]).toBe('Geen enkele weging boven 1,002 en onder 1,0033 verandert de top 1 (telkens één weging anders, de rest gelijk).');
  });
});

describe('cases the second mutation run left open', () => {
  test('a shared place is named once, also when it holds identical rows and others', () => {
    // A = 2·F1 + 1, B = C = 1 (identical): at F1 = 0 all three share place 1
    const { g } = run(
      [1, 1],
      [
        [2, 1],
        [0, 1],
        [0, 1],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B', 'C'],
    );
    expect(g.order[0].lower.change?.shared).toEqual([{ rank: 1, names: ['A', 'B', 'C'] }]);
  });

  test('two shared places in one order: both named', () => {
    // P = 2·F1 + 3, Q = 3, R = F1 + 1, S = 1: at F1 = 0 P and Q share place 1, R and S place 3
    const { g } = run(
      [1, 1],
      [
        [2, 3],
        [0, 3],
        [1, 1],
        [0, 1],
      ],
      { topN: 4, topOrder: 4, margin: 1 },
      ['P', 'Q', 'R', 'S'],
    );
    expect(g.sentences.order[0]).toBe(
      'De volgorde van de top 4 verandert pas als de weging van F1 tot 0 daalt (dan wordt het P, Q, R en S, waarbij P en Q plaats 1 delen en R en S plaats 3 delen) of als de weging van F1 tot 2 stijgt (dan wordt het P, R, Q en S). Nu is de weging van F1 1.',
    );
  });

  test('a bound whose rounding lands on the current weight gets one more decimal ("1,0024", not "1,002" beside "nu 1,002")', () => {
    // top 1: A = 1,0024·F2 leads B = 1,002·F1 until F1 reaches 1,0024
    const { g } = run(
      [1.002, 1.0024],
      [
        [0, 1],
        [1, 0],
      ],
      { topN: 1, topOrder: 1, margin: 1 },
      ['A', 'B'],
    );
    expect(g.sentences.boundary[0]).toMatch(/^A \(plaats 1\) valt uit de top 1 als de weging van F1 boven ongeveer 1,0024 komt \(nu 1,002\)/);
  });
});

describe('long lists of names (regression: a Resultaat sentence of 61,939 characters, more than a cell holds, refused the whole recompute)', () => {
  test('a tie of many koppelkansen lists the first 15 names and counts the others', () => {
    // K1 leads on F1; the other 39 tie on F2. At F1 = 0 all 40 share place 1.
    const scores = [[10, 0], ...Array.from({ length: 39 }, () => [0, 1])];
    const names = scores.map((_, i) => `K${i + 1}`);
    const { g } = run([1, 5], scores, { topN: 15, topOrder: 3, margin: 1 }, names);
    const all = g.sentences.all.join('\n');
    // lowering F1 to 0,5: K1 falls behind the 39 that share place 1
    expect(all).toContain('dan wordt het K2, K3, K4, K5, K6, K7, K8, K9, K10, K11, K12, K13, K14, K15, K16 en 24 andere, waarbij');
    expect(all).not.toMatch(/K17\b/);
  });

  test('every sentence stays within an Excel cell with 1,000 tied koppelkansen of long names', () => {
    const scores = [[10, 0], ...Array.from({ length: 999 }, () => [0, 1])];
    const names = scores.map((_, i) => `${'Een koppelkans met een lange naam '.repeat(6)}${i + 1}`);
    const { g } = run([1, 5], scores, { topN: 15, topOrder: 3, margin: 1 }, names);
    for (const s of g.sentences.all) expect(s.length).toBeLessThanOrEqual(32767);
  });
});

import fc from 'fast-check';
import { computeGevoeligheid, formatGetal, type WeightInterval } from '../../src/core/gevoeligheid';
import { rankRows, type RankEntry } from '../../src/core/ranking';
import { weightedTotal, type Werkblad } from '../../src/core/werkblad';
import { makeWerkblad } from '../helpers/werkbladFixture';

/**
 * The engine's ranking with other weights, totals rounded to 9 decimals first: the same
 * sum in another order may differ in its last bits (0.2 + 2 − 2 ≠ 0.2), and the ranking
 * treats totals that equal on paper as a tie (see issue 9's near-equal totals).
 */
function rankWithWeights(wb: Werkblad, weights: number[]): RankEntry[] {
  const factors = wb.factors.map((f, i) => ({ ...f, weging: weights[i] }));
  return rankRows(wb.rows.map((r) => (r.total === null ? r : { ...r, total: Math.round(weightedTotal(r.scores, factors) * 1e9) / 1e9 })));
}

/** The top-N members (rows) recomputed by the engine's own ranking with other weights. */
function membersWith(wb: Werkblad, weights: number[], n: number): string {
  return rankWithWeights(wb, weights)
    .filter((e) => e.rank <= n)
    .map((e) => e.row)
    .sort((a, b) => a - b)
    .join(',');
}

/** The top-N order with ranks recomputed by the engine. */
function orderWith(wb: Werkblad, weights: number[], n: number): string {
  return rankWithWeights(wb, weights)
    .filter((e) => e.rank <= n)
    .map((e) => `${e.row}:${e.rank}`)
    .join(',');
}

function withWeight(wb: Werkblad, index: number, value: number): number[] {
  return wb.factors.map((f, i) => (i === index ? value : (f.weging as number)));
}

/**
 * Checks an interval against the recomputed ranking: inside (sampled, and just inside each
 * bound) the state is the current one; just outside each bound it is not.
 */
function checkInterval(wb: Werkblad, iv: WeightInterval, state: (weights: number[]) => string): void {
  const now = state(withWeight(wb, iv.index, iv.weging));
  const lo = iv.lower.at ?? 0;
  const hi = iv.upper.at ?? iv.weging + 50;
  const eps = (x: number) => 1e-7 * Math.max(1, Math.abs(x));
  const inside: number[] = [iv.weging];
  for (let i = 1; i < 10; i++) inside.push(lo + ((hi - lo) * i) / 10);
  if (iv.lower.at !== null && iv.lower.at < iv.weging) inside.push(iv.lower.at + eps(iv.lower.at));
  if (iv.upper.at !== null && iv.upper.at > iv.weging) inside.push(iv.upper.at - eps(iv.upper.at));
  if (iv.lower.at === null) inside.push(0);
  for (const t of inside) {
    if (t < lo || t > hi) continue;
    if ((iv.lower.at === iv.weging && t < iv.weging) || (iv.upper.at === iv.weging && t > iv.weging)) continue;
    expect({ t, state: state(withWeight(wb, iv.index, t)) }).toEqual({ t, state: now });
  }
  if (iv.lower.at !== null) {
    const t = iv.lower.at - eps(iv.lower.at);
    // open bound: the state already differs at the bound (a tie that shares a place)
    if (iv.lower.included) {
      if (t >= 0) expect(state(withWeight(wb, iv.index, t))).not.toEqual(now);
    } else expect(state(withWeight(wb, iv.index, iv.lower.at))).not.toEqual(now);
  }
  if (iv.upper.at !== null) {
    if (iv.upper.included) expect(state(withWeight(wb, iv.index, iv.upper.at + eps(iv.upper.at)))).not.toEqual(now);
    else expect(state(withWeight(wb, iv.index, iv.upper.at))).not.toEqual(now);
  }
}

const weightArb = fc.constantFrom(0, 0.25, 0.5, 1, 1.5, 2, 3);
const instanceArb = fc
  .record({ factors: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 1, max: 24 }), spread: fc.integer({ min: 1, max: 10 }) })
  .chain(({ factors, rows, spread }) =>
    fc.record({
      weights: fc.array(weightArb, { minLength: factors, maxLength: factors }),
      scores: fc.array(fc.array(fc.option(fc.integer({ min: -spread, max: spread }), { freq: 6 }), { minLength: factors, maxLength: factors }), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  );

describe('intervals are exact (property, against the recomputed ranking)', () => {
  test('top 15 members: just inside keeps the set, just outside changes it', () => {
    fc.assert(
      fc.property(instanceArb, ({ weights, scores }) => {
        const wb = makeWerkblad(weights, scores);
        const g = computeGevoeligheid(wb);
        for (const iv of g.members) checkInterval(wb, iv, (w) => membersWith(wb, w, 15));
      }),
      { numRuns: 150 },
    );
  });

  test('top 3 order: just inside keeps the order, just outside changes it', () => {
    fc.assert(
      fc.property(instanceArb, ({ weights, scores }) => {
        const wb = makeWerkblad(weights, scores);
        const g = computeGevoeligheid(wb);
        for (const iv of g.order) checkInterval(wb, iv, (w) => orderWith(wb, w, 3));
      }),
      { numRuns: 150 },
    );
  });

  test('the smallest moves of a koppelkans near place 15 really move it across', () => {
    fc.assert(
      fc.property(instanceArb, ({ weights, scores }) => {
        const wb = makeWerkblad(weights, scores);
        const g = computeGevoeligheid(wb);
        for (const m of g.boundary) {
          const inTop = (ws: number[], sc?: { index: number; to: number }) => {
            const target = sc
              ? makeWerkblad(
                  weights,
                  scores.map((r, i) => (6 + i === m.row ? r.map((v, j) => (j === sc.index ? sc.to : v)) : r)),
                )
              : wb;
            return membersWith(target, ws, 15).split(',').includes(String(m.row));
          };
          expect(inTop(weights)).toBe(m.inside);
          if (m.weight) {
            const w = m.weight;
            const beyond = w.to + (w.up ? 1 : -1) * 1e-7 * Math.max(1, w.to);
            if (!w.included) expect(inTop(withWeight(wb, w.index, w.to))).toBe(!m.inside);
            else if (beyond >= 0) expect(inTop(withWeight(wb, w.index, beyond))).toBe(!m.inside);
            // nothing smaller on that factor: just before the bound it has not moved yet
            if (w.to !== w.from) expect(inTop(withWeight(wb, w.index, w.to - (w.up ? 1 : -1) * 1e-7 * Math.max(1, w.to)))).toBe(m.inside);
          }
          if (m.score) {
            expect(inTop(weights, { index: m.score.index, to: m.score.to })).toBe(!m.inside);
            const step = m.score.to > (m.score.from ?? 0) ? -1 : 1;
            if (m.score.to + step !== (m.score.from ?? 0)) expect(inTop(weights, { index: m.score.index, to: m.score.to + step })).toBe(m.inside);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('edge cases', () => {
  const twenty = (f: (i: number) => number[]) => Array.from({ length: 20 }, (_, i) => f(i));

  test('a single koppelkans: always in the top, the order cannot change', () => {
    const g = computeGevoeligheid(makeWerkblad([1, 2], [[3, 4]]));
    expect(g.members).toHaveLength(2);
    expect(g.order.every((iv) => iv.lower.at === null && iv.upper.at === null)).toBe(true);
    expect(g.boundary).toEqual([]);
    expect(g.sentences.summary[0]).toBe('Er is 1 koppelkans met een totaal; die staat in de top 15, welke weging je ook kiest.');
  });

  test('all scores equal: every koppelkans shares place 1 for every weight', () => {
    const g = computeGevoeligheid(
      makeWerkblad(
        [1, 2, 0.5],
        twenty(() => [5, 5, 5]),
      ),
    );
    for (const iv of [...g.members, ...g.order]) expect([iv.lower.at, iv.upper.at]).toEqual([null, null]);
    expect(g.sentences.summary).toContain('Geen enkele weging, hoe hoog of laag ook, verandert de top 15 (telkens één weging anders, de rest gelijk).');
  });

  test('zero weights: the lower bound is never below 0, and a weight of 0 can only rise', () => {
    const wb = makeWerkblad(
      [0, 1],
      twenty((i) => [i % 5, 20 - i]),
    );
    const g = computeGevoeligheid(wb);
    expect(g.members[0].lower.at).toBeNull();
    expect(g.members[0].upper.at).not.toBeNull();
    checkInterval(wb, g.members[0], (w) => membersWith(wb, w, 15));
    for (const iv of g.members) expect(iv.lower.at === null || iv.lower.at >= 0).toBe(true);
  });

  test('a tie at place 15 that any weight change breaks is said to be on the edge', () => {
    // rows 15 and 16 tie at place 15 with different scores per factor
    const scores = twenty((i) => (i < 14 ? [10, 10] : i === 14 ? [4, 2] : i === 15 ? [2, 4] : [0, 0]));
    const wb = makeWerkblad([1, 1], scores);
    const g = computeGevoeligheid(wb);
    expect(g.members[0].lower).toMatchObject({ at: 1, included: true });
    expect(g.members[0].upper).toMatchObject({ at: 1, included: true });
    for (const iv of g.members) checkInterval(wb, iv, (w) => membersWith(wb, w, 15));
    expect(g.sentences.members[0]).toBe(
      'De top 15 staat op het randje: elke verandering van de weging van F1 (nu 1) verandert hem (omlaag: dan valt K15 af; omhoog: dan valt K16 af).',
    );
  });

  test('identical rows tied at place 15 stay tied: no change from that tie', () => {
    const scores = twenty((i) => (i < 14 ? [10, 10] : i < 16 ? [3, 3] : [0, 0]));
    const g = computeGevoeligheid(makeWerkblad([1, 1], scores));
    for (const iv of g.members) expect(iv.lower.at === 1 || iv.upper.at === 1).toBe(false);
  });

  test('an invalid weight is skipped and named', () => {
    const g = computeGevoeligheid(
      makeWerkblad(
        [1, null],
        [
          [1, null],
          [2, null],
        ],
      ),
    );
    expect(g.skipped).toEqual(['F2']);
    expect(g.sentences.summary.at(-1)).toBe('Niet berekend voor F2: de weging is ongeldig.');
  });

  test('no totals: one plain sentence', () => {
    const g = computeGevoeligheid(makeWerkblad([1], [[null]]));
    expect(g.sentences.all).toEqual(['Nog geen koppelkans heeft een totaal: er is nog geen ranglijst om te toetsen.']);
  });
});

describe('Dutch sentences', () => {
  test('the council example: which weight, which bound, who leaves and who enters', () => {
    // 14 clear leaders; "Rookvrije speelplekken" at 15 on Politiek scoren, "Wadi in het park" at 16 on Draagvlak
    const names = [...Array.from({ length: 14 }, (_, i) => `Leider ${i + 1}`), 'Rookvrije speelplekken', 'Wadi in het park', 'Achterblijver'];
    const scores = [...Array.from({ length: 14 }, () => [10, 10]), [8, 2], [2, 7], [0, 0]];
    const wb = makeWerkblad([1, 1], scores, names, ['Politiek scoren', 'Draagvlak']);
    const g = computeGevoeligheid(wb);
    // 8t + 2 = 2t + 7 at t = 5/6
    expect(g.members[0].lower.at).toBeCloseTo(5 / 6, 12);
    expect(g.sentences.members[0]).toBe(
      'De top 15 verandert pas als de weging van Politiek scoren tot ongeveer 0,83 daalt (dan valt Rookvrije speelplekken af en komt Wadi in het park erbij). Nu is de weging van Politiek scoren 1.',
    );
    expect(g.boundary.map((m) => [m.koppelkans, m.rank, m.inside])).toEqual([
      ['Leider 13', 1, true],
      ['Leider 14', 1, true],
      ['Rookvrije speelplekken', 15, true],
      ['Wadi in het park', 16, false],
      ['Achterblijver', 17, false],
    ]);
    expect(g.sentences.boundary[2]).toBe(
      'Rookvrije speelplekken (plaats 15) valt uit de top 15 als de weging van Politiek scoren onder ongeveer 0,83 komt (nu 1), of als de score voor Politiek scoren van 8 naar 6 gaat (2 punten lager).',
    );
    expect(g.sentences.boundary[3]).toBe(
      'Wadi in het park (plaats 16) komt in de top 15 als de weging van Politiek scoren tot ongeveer 0,83 daalt (nu 1), of als de score voor Politiek scoren van 2 naar 3 gaat (1 punt hoger).',
    );
  });

  test('numbers the Dutch way, rounded to the safe side', () => {
    expect(formatGetal(0.6)).toBe('0,6');
    expect(formatGetal(2 / 3, 'up')).toBe('0,67');
    expect(formatGetal(2 / 3, 'down')).toBe('0,66');
    expect(formatGetal(0.3 + 0.6, 'up')).toBe('0,9');
    expect(formatGetal(-1.5)).toBe('−1,5');
  });
});

describe('the summary never contradicts the details', () => {
  test('a weight of 0 that changes the top 15 is not summed up as "hoe hoog of laag ook" (the onderbouwing said both)', () => {
    // factor 1 alone separates the koppelkansen: at weight 0 all 18 totals tie and share rank 1
    const wb = makeWerkblad(
      [1, 1],
      Array.from({ length: 18 }, (_, i) => [10 - i, 1]),
    );
    const g = computeGevoeligheid(wb);
    expect(g.members[0].lower).toMatchObject({ at: 0, included: false });
    expect(g.sentences.members.join(' ')).toContain('tot 0 daalt');
    expect(g.sentences.summary.join(' ')).not.toContain('hoe hoog of laag ook');
    expect(g.sentences.summary).toContain('Geen enkele weging groter dan 0, hoe hoog ook, verandert de top 15 (telkens één weging anders, de rest gelijk).');
    checkInterval(wb, g.members[0], (w) => membersWith(wb, w, 15));
  });
});

/**
 * Robustness ("gevoeligheid") of the automatic ranking, in numbers and in Dutch sentences
 * a council member understands.
 *
 * Stap 4 of the guide warns not to put one's trust "in het systeem": the automatic order is
 * the start of the conversation. This module says how firm that order is:
 * - per weight (the others held fixed): the exact interval within which the top 15 keeps
 *   the same members, and within which the top 3 keeps its order;
 * - per koppelkans just inside or just outside the top 15: the smallest change of one
 *   weight, and of one of its own scores, that moves it across the boundary.
 *
 * A total is Σ weight × score, so with one weight t varying every total is a line
 * a + s·t (s = the row's score for that factor, 0 when empty). The ranking can change only
 * where two lines meet, so the bounds are found from the crossing points, exactly (up to
 * floating point, see `sameTotal`), never by sampling. The ranking rule is the engine's
 * (`ranking.ts`): ties share a rank, the top N is every row whose rank is N or better.
 *
 * Pure: a `Werkblad` in, plain data and sentences out.
 */
import { RESULTAAT } from './layout';
import type { Werkblad } from './werkblad';

/** One ranking state just past a bound: who leaves and enters the top N, or the new top order. */
interface GevoeligheidChange {
  /** Koppelkansen (names) that leave the top N. */
  leaving: string[];
  /** Koppelkansen (names) that enter the top N. */
  entering: string[];
  /** The top order (names, best first) just past the bound. */
  order: string[];
  /** The places in that order that several koppelkansen share (ties), each with their names. */
  shared: { rank: number; names: string[] }[];
}

/** One side of a weight's interval. */
interface WeightBound {
  /**
   * The weight at which the state changes; `null` when no weight on this side changes it
   * (down to 0, or up without limit).
   */
  at: number | null;
  /**
   * True when the bound itself still keeps the state (it changes only beyond it); false
   * when the state already changes at the bound (a tie that shares a place).
   */
  included: boolean;
  /** What the ranking looks like just past the bound; null when `at` is null. */
  change: GevoeligheidChange | null;
}

export interface WeightInterval {
  factor: string;
  /** 0-based index among the factors. */
  index: number;
  /** The current weight. */
  weging: number;
  lower: WeightBound;
  upper: WeightBound;
}

interface BoundaryMove {
  koppelkans: string;
  /** Row on the werkblad. */
  row: number;
  rank: number;
  /** True: in the top N now (the move takes it out); false: just outside (the move brings it in). */
  inside: boolean;
  /** The smallest change of one weight, or null when no single weight can do it. */
  weight: { factor: string; index: number; from: number; to: number; included: boolean; up: boolean } | null;
  /** The smallest change of one of its own scores, or null when no single score can do it. */
  score: { factor: string; index: number; from: number | null; to: number } | null;
}

export interface Gevoeligheid {
  /** Rows with a total (the ones ranked). */
  ranked: number;
  topN: number;
  topOrder: number;
  /** Per factor with a valid weight: where the top N keeps its members. */
  members: WeightInterval[];
  /** Per factor with a valid weight: where the top `topOrder` keeps its order. */
  order: WeightInterval[];
  /** Koppelkansen near the boundary of the top N, best placed first. */
  boundary: BoundaryMove[];
  /** Factors skipped because their weight is invalid (names). */
  skipped: string[];
  /** The findings as Dutch sentences, grouped; `all` is everything in reading order. */
  sentences: { summary: string[]; members: string[]; order: string[]; boundary: string[]; all: string[] };
}

export interface GevoeligheidOptions {
  /** Size of the top whose members are checked (default 15, the guide's top 15). */
  topN?: number;
  /** Size of the top whose order is checked (default 3). */
  topOrder?: number;
  /** How many koppelkansen on each side of the boundary get a "smallest change" (default 3). */
  margin?: number;
}

/**
 * Whether two totals count as equal. Crossing points are computed by division, so a total
 * at a bound may differ from the exact tie in the last bits; 1e-9 relative is far below
 * any difference a weight with a few decimals and whole scores from −10 to 10 can make.
 */
function sameTotal(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

// ---------------------------------------------------------------- lines and states

interface Line {
  /** Index into the ranked rows (order of the werkblad). */
  id: number;
  /** Value at u = 0 (the current total). */
  b: number;
  /** Slope in u. */
  c: number;
}

/** Lines with the same value and slope (they stay tied for every weight), kept together. */
interface Group {
  b: number;
  c: number;
  ids: number[];
}

function groupLines(lines: Line[]): Group[] {
  // sort by (slope, value) through one index array over typed columns: no comparator closures over objects
  const n = lines.length;
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    b[i] = lines[i].b;
    c[i] = lines[i].c;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => c[x] - c[y] || b[x] - b[y]);
  const groups: Group[] = [];
  let g: Group | undefined;
  for (let p = 0; p < n; p++) {
    const i = order[p];
    if (g && g.c === c[i] && sameTotal(g.b, b[i])) g.ids.push(lines[i].id);
    else groups.push((g = { b: b[i], c: c[i], ids: [lines[i].id] }));
  }
  for (const x of groups) if (x.ids.length > 1) x.ids.sort((p, q) => p - q);
  return groups;
}

/**
 * Compares two groups at u; side 0 is "at u", +1 "just after u": a tie at u is then broken
 * by the slope. Positive when g ranks above h.
 */
function compareAt(g: Group, h: Group, u: number, side: 0 | 1): number {
  const vg = g.b + g.c * u;
  const vh = h.b + h.c * u;
  if (!sameTotal(vg, vh)) return vg - vh;
  if (side === 1 && g.c !== h.c) return g.c - h.c;
  return 0;
}

/** A ranked state: the groups with rank ≤ k, each with its rank, best first. */
interface State {
  groups: { group: Group; rank: number }[];
}

function stateAt(groups: Group[], k: number, u: number, side: 0 | 1): State {
  // the k best groups by value (a superset of the top k once multiplicities are counted)
  const best: Group[] = [];
  for (const g of groups) {
    if (best.length < k || compareAt(g, best[best.length - 1], u, side) > 0) {
      let i = best.length;
      while (i > 0 && compareAt(g, best[i - 1], u, side) > 0) i--;
      best.splice(i, 0, g);
      if (best.length > k) best.pop();
    }
  }
  if (best.length === 0) return { groups: [] };
  // every group tying the k-th best may share its place
  const last = best[best.length - 1];
  const inBest = new Set(best);
  const pool = groups.filter((g) => inBest.has(g) || compareAt(g, last, u, side) >= 0);
  pool.sort((g, h) => compareAt(h, g, u, side) || g.ids[0] - h.ids[0]);
  const out: State['groups'] = [];
  let seen = 0;
  for (let i = 0; i < pool.length; i++) {
    const tied = i > 0 && compareAt(pool[i - 1], pool[i], u, side) === 0;
    const rank = tied ? out[out.length - 1].rank : seen + 1;
    if (rank > k) break;
    out.push({ group: pool[i], rank });
    seen += pool[i].ids.length;
  }
  return { groups: out };
}

/** The members (row indices) of a state, sorted: the key of "same members". */
function membersKey(s: State): string {
  return s.groups
    .flatMap((e) => e.group.ids)
    .sort((x, y) => x - y)
    .join(',');
}

/** The order with ranks (rows in ranking order, ties by werkblad order): the key of "same order". */
function orderList(s: State): { id: number; rank: number }[] {
  return s.groups.flatMap((e) => e.group.ids.map((id) => ({ id, rank: e.rank }))).sort((x, y) => x.rank - y.rank || x.id - y.id);
}

function orderKey(s: State): string {
  return orderList(s)
    .map((e) => `${e.id}:${e.rank}`)
    .join(',');
}

interface Boundary {
  /** Distance from the current weight at which the state changes; null when never. */
  u: number | null;
  included: boolean;
  after: State | null;
}

/**
 * The first u > 0 (up to `uMax`) at which the state of the top k changes, with lines
 * b + c·u. `key` says which states count as the same (members, or order with ranks).
 */
function firstChange(groups: Group[], k: number, uMax: number, key: (s: State) => string, membersOnly: boolean): Boundary {
  const start = key(stateAt(groups, k, 0, 0));
  const justAfter = stateAt(groups, k, 0, 1);
  if (key(justAfter) !== start) return { u: 0, included: true, after: justAfter };
  let cur = 0;
  let members = justAfter;
  for (;;) {
    const inTop = new Set(members.groups.map((e) => e.group));
    // the lowest member just after cur
    let lowest = members.groups[0]?.group;
    if (!lowest) return { u: null, included: true, after: null };
    for (const e of members.groups) if (compareAt(e.group, lowest, cur, 1) < 0) lowest = e.group;
    let next = Infinity;
    const later = (u: number) => u > cur && !sameTotal(u, cur) && u < next;
    const m = members.groups.map((e) => e.group);
    const rowsInTop = m.reduce((n, g) => n + g.ids.length, 0);
    if (membersOnly && rowsInTop === k) {
      // exactly k rows, all apart: members passing each other change nothing; the set
      // changes when a non-member first reaches a member (which is then the lowest)
      for (const g of groups) {
        if (inTop.has(g)) continue;
        for (const h of m) {
          if (g.c <= h.c) continue;
          const u = (h.b - g.b) / (g.c - h.c);
          if (later(u)) next = u;
        }
      }
    } else {
      // members crossing each other
      for (let i = 0; i < m.length; i++) {
        for (let j = i + 1; j < m.length; j++) {
          if (m[i].c === m[j].c) continue;
          const u = (m[j].b - m[i].b) / (m[i].c - m[j].c);
          if (later(u)) next = u;
        }
      }
      // a non-member catching up with the lowest member
      for (const g of groups) {
        if (inTop.has(g) || g.c <= lowest.c) continue;
        const u = (lowest.b - g.b) / (g.c - lowest.c);
        if (later(u)) next = u;
      }
    }
    // a crossing computed a few units in the last place past the bound is at the bound (a tie at weight 0 came out as 1.2000000000000002 against 1.2)
    if (!Number.isFinite(next) || (next > uMax && !sameTotal(next, uMax))) return { u: null, included: true, after: null };
    const at = stateAt(groups, k, next, 0);
    const after = stateAt(groups, k, next, 1);
    if (key(at) !== start) return { u: next, included: false, after };
    if (key(after) !== start) return { u: next, included: true, after };
    cur = next;
    members = after;
  }
}

// ---------------------------------------------------------------- per weight

interface RankedRow {
  row: number;
  koppelkans: string;
  scores: (number | null)[];
  total: number;
}

function linesFor(rows: RankedRow[], factor: number, direction: 1 | -1): Line[] {
  return rows.map((r, id) => ({ id, b: r.total, c: direction * (r.scores[factor] ?? 0) }));
}

function changeOf(start: State, after: State | null, rows: RankedRow[]): GevoeligheidChange | null {
  if (!after) return null;
  const before = new Set(start.groups.flatMap((e) => e.group.ids));
  const now = new Set(after.groups.flatMap((e) => e.group.ids));
  const name = (id: number) => rows[id].koppelkans || `rij ${rows[id].row}`;
  return {
    leaving: [...before]
      .filter((id) => !now.has(id))
      .sort((x, y) => x - y)
      .map(name),
    entering: [...now]
      .filter((id) => !before.has(id))
      .sort((x, y) => x - y)
      .map(name),
    order: orderList(after).map((e) => name(e.id)),
    shared: after.groups
      .map((e, i) => ({ rank: e.rank, ids: after.groups.filter((x, j) => x.rank === e.rank && j >= i).flatMap((x) => x.group.ids) }))
      .filter((e, i) => e.ids.length > 1 && (i === 0 || after.groups[i - 1].rank !== e.rank))
      .map((e) => ({ rank: e.rank, names: e.ids.sort((x, y) => x - y).map(name) })),
  };
}

/** Whether lowering a weight of `weging` by `u` takes it to 0 (or below, which no weight goes). */
function reachesZero(u: number, weging: number): boolean {
  return u >= weging || sameTotal(u, weging);
}

/**
 * Where the top `k` state (`key`: members or order) changes as one weight moves; `up` are
 * the rows' lines for that factor, grouped once per factor (`groupLines`) and shared by the
 * members and order intervals.
 */
function intervalFor(rows: RankedRow[], up: Group[], weging: number, k: number, key: (s: State) => string): { lower: WeightBound; upper: WeightBound } {
  const side = (direction: 1 | -1): WeightBound => {
    const groups = direction === 1 ? up : up.map((g) => ({ b: g.b, c: -g.c, ids: g.ids }));
    const uMax = direction === 1 ? Infinity : weging;
    const found = firstChange(groups, k, uMax, key, key === membersKey);
    if (found.u === null) return { at: null, included: true, change: null };
    // weights are never below 0: going down, a change only past 0 is none, and one at 0 is
    // what the ranking is at 0 (there is no "just past" it)
    const atZero = direction === -1 && reachesZero(found.u, weging);
    if (atZero && found.included) return { at: null, included: true, change: null };
    const start = stateAt(groups, k, 0, 0);
    const after = atZero ? stateAt(groups, k, found.u, 0) : found.after;
    return { at: atZero ? 0 : weging + direction * found.u, included: found.included, change: changeOf(start, after, rows) };
  };
  return { lower: side(-1), upper: side(1) };
}

// ---------------------------------------------------------------- per koppelkans

/**
 * Smallest weight change of one factor that moves row `id` across the top-k boundary.
 * `totals` are the rows' current totals and `column` their scores for the factor (0 when
 * empty): with the weight moved by u in `direction` every total is the line
 * totals[i] + direction·column[i]·u, so only the crossings with row `id`'s line matter,
 * walked in order; no ranking is recomputed. Crossings farther than `cap` (a change the
 * caller already beats) are not considered: then null. Weights are never below 0: a weight of 0
 * is not lowered, and a move that only a weight below 0 would make (a tie at 0 that keeps
 * the row where it is) is none.
 */
function weightMove(
  totals: Float64Array,
  column: Float64Array,
  id: number,
  weging: number,
  k: number,
  inside: boolean,
  cap = Infinity,
  scratch: { rising: Float64Array; falling: Float64Array } = { rising: new Float64Array(totals.length), falling: new Float64Array(totals.length) },
): { to: number; included: boolean; up: boolean } | null {
  let best: { to: number; included: boolean; up: boolean; u: number } | null = null;
  const n = totals.length;
  const meB = totals[id];
  for (const direction of [1, -1] as const) {
    if (direction === -1 && !(weging > 0)) continue; // a weight of 0 cannot be lowered
    const uMax = Math.min(direction === 1 ? Infinity : weging, cap * (1 + 1e-9), best ? best.u : Infinity);
    const meC = direction * column[id];
    // strictly above me at 0 and at 0+, and the crossings later on (rising past me / falling below me)
    let above = 0;
    let aboveAt0 = 0;
    const rising = scratch.rising;
    const falling = scratch.falling;
    let nr = 0;
    let nf = 0;
    for (let i = 0; i < n; i++) {
      if (i === id) continue;
      const lb = totals[i];
      const lc = direction * column[i];
      if (!sameTotal(lb, meB)) {
        if (lb > meB) {
          aboveAt0++;
          above++;
        }
        if (lc !== meC) {
          const u = (meB - lb) / (lc - meC);
          if (u > 0 && u <= uMax && !sameTotal(u, 0)) {
            if (lc > meC) rising[nr++] = u;
            else falling[nf++] = u;
          }
        }
      } else if (lc > meC) above++;
    }
    const isIn = (n: number) => n < k;
    if (isIn(aboveAt0) !== inside) continue; // not where the caller thinks it is
    if (isIn(above) !== inside) {
      best = pick(best, { to: weging, included: true, up: direction === 1, u: 0 });
      continue;
    }
    const up = rising.subarray(0, nr).sort();
    const down = falling.subarray(0, nf).sort();
    let count = above;
    let i = 0;
    let j = 0;
    while (i < nr || j < nf) {
      const u = Math.min(i < nr ? up[i] : Infinity, j < nf ? down[j] : Infinity);
      if (best && u >= best.u) break;
      let ups = 0;
      let downs = 0;
      while (i < nr && sameTotal(up[i], u)) {
        i++;
        ups++;
      }
      while (j < nf && sameTotal(down[j], u)) {
        j++;
        downs++;
      }
      const at = count - downs;
      const after = at + ups;
      if (isIn(at) !== inside) {
        best = pick(best, { to: direction === -1 && reachesZero(u, weging) ? 0 : weging + direction * u, included: false, up: direction === 1, u });
        break;
      }
      if (isIn(after) !== inside) {
        // only past 0 (a tie at weight 0 that keeps it where it is): no weight does it
        if (direction === -1 && reachesZero(u, weging)) break;
        best = pick(best, { to: weging + direction * u, included: true, up: direction === 1, u });
        break;
      }
      count = after;
    }
  }
  return best ? { to: best.to, included: best.included, up: best.up } : null;
}

function pick<T extends { u: number }>(a: T | null, b: T): T {
  return a && a.u <= b.u ? a : b;
}

/**
 * Smallest change of one of row `id`'s own scores that moves it across the top-k boundary.
 * `sortedTotals`: every row's total, best first (computed once for all rows).
 */
function scoreMove(
  rows: RankedRow[],
  sortedTotals: Float64Array,
  id: number,
  factors: { weging: number }[],
  k: number,
  inside: boolean,
): { index: number; from: number | null; to: number } | null {
  if (rows.length - 1 < k) return null;
  // the k-th best of the others: removing one occurrence of my own total shifts the list when it stands before place k
  const first = sortedTotals.indexOf(rows[id].total);
  const threshold = first >= 0 && first <= k - 1 ? sortedTotals[k] : sortedTotals[k - 1]; // in the top iff total ≥ this
  const me = rows[id];
  let best: { index: number; from: number | null; to: number; delta: number } | null = null;
  factors.forEach((f, index) => {
    if (!(f.weging > 0)) return;
    const from = me.scores[index];
    const base = from ?? 0;
    const moves = (score: number) => {
      const total = me.total + f.weging * (score - base);
      const inTop = total >= threshold || sameTotal(total, threshold);
      return inTop !== inside;
    };
    // walk away from the current score one point at a time (at most 20 steps)
    const step = inside ? -1 : 1;
    for (let to = base + step; to >= -10 && to <= 10; to += step) {
      const delta = Math.abs(to - base);
      if (best && delta >= best.delta) return;
      if (moves(to)) {
        best = { index, from, to, delta };
        return;
      }
    }
  });
  const found = best as { index: number; from: number | null; to: number } | null;
  return found ? { index: found.index, from: found.from, to: found.to } : null;
}

// ---------------------------------------------------------------- the whole analysis

/**
 * The robustness of the automatic ranking of a werkblad.
 *
 * In: the werkblad as `readWerkblad`/`analyze` give it (rows with a total are ranked;
 * factors with an invalid weight are skipped and named in `skipped`). Weights are ≥ 0, so a
 * lower bound is never below 0: a change that only a weight below 0 would make is no bound,
 * and a bound at 0 says what the ranking is at 0. Out: intervals per weight (the weight that changes the
 * state, whether that weight itself still keeps it, and what changes just past it), the
 * smallest moves for the koppelkansen near place N, and Dutch sentences. Raises nothing.
 *
 * Cost: per weight and direction O(n·N) per event, a handful of events; O(n log n) per
 * koppelkans near the boundary and weight.
 */
export function computeGevoeligheid(werkblad: Werkblad, options: GevoeligheidOptions = {}): Gevoeligheid {
  const k = options.topN ?? RESULTAAT.topN;
  const k3 = options.topOrder ?? 3;
  const margin = options.margin ?? 3;
  const rows: RankedRow[] = werkblad.rows
    .filter((r) => r.total !== null)
    .map((r) => ({ row: r.row, koppelkans: r.koppelkans, scores: r.scores, total: r.total as number }));
  const valid = werkblad.factors.filter((f) => f.weging !== null) as (Werkblad['factors'][number] & { weging: number })[];
  const skipped = werkblad.factors.filter((f) => f.weging === null).map((f) => f.name);

  const members: WeightInterval[] = [];
  const order: WeightInterval[] = [];
  for (const f of valid) {
    const groups = groupLines(linesFor(rows, f.index, 1));
    members.push({ factor: f.name, index: f.index, weging: f.weging, ...intervalFor(rows, groups, f.weging, k, membersKey) });
    order.push({ factor: f.name, index: f.index, weging: f.weging, ...intervalFor(rows, groups, f.weging, k3, orderKey) });
  }
  // the ranking once: totals as a typed column, each factor's scores as one, totals sorted best first
  const totals = Float64Array.from(rows, (r) => r.total);
  const columns = new Map(valid.map((f) => [f.index, Float64Array.from(rows, (r) => r.scores[f.index] ?? 0)]));
  const sortedTotals = Float64Array.from(totals).sort().reverse();

  // koppelkansen near the boundary: by place (ranking order), margin on each side
  const ranked = rows.map((r, id) => ({ id, r })).sort((x, y) => y.r.total - x.r.total || x.r.row - y.r.row);
  const rankOf = new Map<number, number>();
  ranked.forEach((e, i) => rankOf.set(e.id, i > 0 && sameTotal(ranked[i - 1].r.total, e.r.total) ? rankOf.get(ranked[i - 1].id)! : i + 1));
  const boundary: BoundaryMove[] = [];
  const scratch = { rising: new Float64Array(rows.length), falling: new Float64Array(rows.length) };
  if (rows.length > k) {
    const insideIds = ranked.filter((e) => rankOf.get(e.id)! <= k).slice(-margin);
    const outsideIds = ranked.filter((e) => rankOf.get(e.id)! > k).slice(0, margin);
    for (const { id, r } of [...insideIds, ...outsideIds]) {
      const inside = rankOf.get(id)! <= k;
      let weight: BoundaryMove['weight'] = null;
      for (const f of valid) {
        const cap = weight ? Math.abs(weight.to - weight.from) : Infinity;
        const m = weightMove(totals, columns.get(f.index)!, id, f.weging, k, inside, cap, scratch);
        if (m && (!weight || Math.abs(m.to - f.weging) < Math.abs(weight.to - weight.from))) {
          weight = { factor: f.name, index: f.index, from: f.weging, to: m.to, included: m.included, up: m.up };
        }
      }
      const s = scoreMove(
        rows,
        sortedTotals,
        id,
        werkblad.factors.map((f) => ({ weging: f.weging ?? 0 })),
        k,
        inside,
      );
      boundary.push({
        koppelkans: r.koppelkans || `rij ${r.row}`,
        row: r.row,
        rank: rankOf.get(id)!,
        inside,
        weight,
        score: s ? { factor: werkblad.factors[s.index].name, index: s.index, from: s.from, to: s.to } : null,
      });
    }
  }

  const result: Gevoeligheid = {
    ranked: rows.length,
    topN: k,
    topOrder: k3,
    members,
    order,
    boundary,
    skipped,
    sentences: { summary: [], members: [], order: [], boundary: [], all: [] },
  };
  result.sentences = gevoeligheidZinnen(result);
  return result;
}

// ---------------------------------------------------------------- Dutch sentences

/**
 * A number the Dutch way ("0,6", "1,25"), rounded to at most `decimals` decimals in the
 * given direction (so a bound stated in words stays true: a lower bound is rounded up, an
 * upper bound down, the point where something happens away from the current value).
 */
export function formatGetal(n: number, direction: 'up' | 'down' | 'nearest' = 'nearest', decimals = 2): string {
  const f = 10 ** decimals;
  const scaled = n * f;
  const near = Math.round(scaled);
  const r = Math.abs(scaled - near) < 1e-6 ? near : direction === 'up' ? Math.ceil(scaled) : direction === 'down' ? Math.floor(scaled) : near;
  const v = r / f;
  return (Object.is(v, -0) ? 0 : v).toString().replace('.', ',').replace(/^-/, '−');
}

/**
 * A current weight in words, as typed: up to 6 decimals, so that "nu 0,0997" is never shown
 * as "nu 0,1" beside a bound of 0,1 (a bound is rounded to differ from the weight, see `boundText`).
 */
function weightText(w: number): string {
  return formatGetal(w, 'nearest', 6);
}

/**
 * A bound in words: exact when two decimals say it exactly, else "ongeveer" and the nearest
 * value with enough decimals to lie on the bound's side of the current weight (a bound of
 * 1,0033 above a weight of 1,002 is "ongeveer 1,003", not "ongeveer 1").
 */
function boundText(at: number, current: number): string {
  if (Math.abs(Math.round(at * 100) - at * 100) < 1e-6) return formatGetal(at);
  for (let d = 2; d <= 6; d++) {
    const s = formatGetal(at, 'nearest', d);
    const v = Number(s.replace(',', '.').replace('−', '-'));
    if (at > current ? v > current : v < current) return `ongeveer ${s}`;
  }
  return `ongeveer ${formatGetal(at, 'nearest', 6)}`;
}

/** A bound in a claim of stability: rounded to the safe side (a lower bound up, an upper bound down). */
/** The number a `formatGetal` text stands for ("0,67" → 0.67, "−1" → −1). */
function textValue(text: string): number {
  return Number(text.replace(',', '.').replace('−', '-'));
}

function safeBoundText(at: number, current: number, direction: 'up' | 'down'): string {
  for (let d = 2; d <= 6; d++) {
    const s = formatGetal(at, direction, d);
    const v = textValue(s);
    if (direction === 'up' ? v <= current : v >= current) return s;
  }
  return formatGetal(at, direction, 6);
}

/**
 * How many names a sentence lists before it counts the rest ("…, O en 985 andere"): a top of
 * 15 stays readable, and a tie of a thousand unscored koppelkansen no longer makes a sentence
 * longer than an Excel cell holds (it did: 61,939 characters on Resultaat at 1,000 rows).
 */
const MAX_LISTED_NAMES = 15;

/** "A", "A en B", "A, B en C"; past `MAX_LISTED_NAMES` the first ones and how many others. */
function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > MAX_LISTED_NAMES) return `${names.slice(0, MAX_LISTED_NAMES).join(', ')} en ${names.length - MAX_LISTED_NAMES} andere`;
  return `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
}

/** "dan wordt het A, B en C", and the places that several share ("…, waarbij B en C plaats 2 delen"). */
function orderChangeText(c: GevoeligheidChange): string {
  const ties = c.shared.map((t) => `${list(t.names)} plaats ${t.rank} delen`);
  return `dan wordt het ${list(c.order)}${ties.length ? `, waarbij ${ties.join(' en ')}` : ''}`;
}

function membersChangeText(c: GevoeligheidChange): string {
  const parts: string[] = [];
  if (c.leaving.length) parts.push(`${c.leaving.length === 1 ? 'valt' : 'vallen'} ${list(c.leaving)} af`);
  if (c.entering.length) parts.push(`${c.entering.length === 1 ? 'komt' : 'komen'} ${list(c.entering)} erbij`);
  return parts.length ? `dan ${parts.join(' en ')}` : 'dan verandert de top';
}

/**
 * "onder 0,6 komt" (the bound keeps the state) or "tot 0,6 daalt" (the bound itself
 * changes it: a tie that shares a place).
 */
function boundPhrase(b: WeightBound, current: number, lower: boolean): string {
  const at = b.at as number;
  if (lower) {
    const t = boundText(at, current);
    return b.included ? `onder ${t} komt` : `tot ${t} daalt`;
  }
  const t = boundText(at, current);
  return b.included ? `boven ${t} komt` : `tot ${t} stijgt`;
}

function intervalSentence(iv: WeightInterval, subject: string, changeText: (c: GevoeligheidChange) => string, noun: string): string {
  const nu = weightText(iv.weging);
  const name = `de weging van ${iv.factor}`;
  const { lower, upper } = iv;
  if (lower.at === null && upper.at === null) return `Geen enkele weging van ${iv.factor} verandert ${subject} (nu ${nu}; telkens alleen deze weging anders).`;
  if (lower.at === iv.weging && upper.at === iv.weging) {
    const how = [lower.change ? `omlaag: ${changeText(lower.change)}` : '', upper.change ? `omhoog: ${changeText(upper.change)}` : ''].filter(Boolean);
    return `${cap(subject)} staat op het randje: elke verandering van ${name} (nu ${nu}) verandert ${noun}${how.length ? ` (${how.join('; ')})` : ''}.`;
  }
  const immediate = (bd: WeightBound) => bd.at === iv.weging;
  const withChange = (bd: WeightBound) => (bd.change ? ` (${changeText(bd.change)})` : '');
  const sides: string[] = [];
  if (lower.at !== null) {
    sides.push(
      immediate(lower) ? `bij elke verlaging van ${name}${withChange(lower)}` : `als ${name} ${boundPhrase(lower, iv.weging, true)}${withChange(lower)}`,
    );
  }
  if (upper.at !== null) {
    sides.push(
      immediate(upper) ? `bij elke verhoging van ${name}${withChange(upper)}` : `als ${name} ${boundPhrase(upper, iv.weging, false)}${withChange(upper)}`,
    );
  }
  const soon = (lower.at !== null && immediate(lower)) || (upper.at !== null && immediate(upper));
  return `${cap(subject)} verandert ${soon ? '' : 'pas '}${sides.join(soon ? ' en ' : ' of ')}. Nu is ${name} ${nu}.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The weights every interval keeps its state for: [low, high], with `lowOpen` true when a
 * weight of exactly `low` already changes the state for some factor ("tot 0 daalt": a
 * tie at the bound), so the summary must not claim that bound. Null when the intervals
 * share no range around their current weights.
 */
function commonRange(ivs: WeightInterval[]): { low: number; high: number; lowOpen: boolean } | null {
  if (ivs.length === 0) return null;
  let low = 0;
  let high = Infinity;
  for (const iv of ivs) {
    const lo = iv.lower.at ?? 0;
    const hi = iv.upper.at ?? Infinity;
    low = Math.max(low, lo);
    high = Math.min(high, hi);
  }
  if (!(low < high)) return null;
  if (ivs.some((iv) => iv.weging < low || iv.weging > high)) return null;
  const lowOpen = ivs.some((iv) => iv.lower.at !== null && iv.lower.at === low && !iv.lower.included);
  return { low, high, lowOpen };
}

function summarySentence(ivs: WeightInterval[], subject: string): string | null {
  const range = commonRange(ivs);
  if (!range) return null;
  const maxNow = Math.max(...ivs.map((iv) => iv.weging));
  const minNow = Math.min(...ivs.map((iv) => iv.weging));
  const low = range.low === 0 ? '0' : safeBoundText(range.low, minNow, 'up');
  if (range.high === Infinity) {
    // a weight of exactly `low` may already change it (the details then say "tot 0 daalt"): the summary must not contradict them
    if (range.low === 0 && !range.lowOpen) return `Geen enkele weging, hoe hoog of laag ook, verandert ${subject} (telkens één weging anders, de rest gelijk).`;
    if (range.low === 0) return `Geen enkele weging groter dan 0, hoe hoog ook, verandert ${subject} (telkens één weging anders, de rest gelijk).`;
    return `Geen enkele weging ${range.lowOpen ? 'boven' : 'vanaf'} ${low} verandert ${subject} (telkens één weging anders, de rest gelijk).`;
  }
  const high = safeBoundText(range.high, maxNow, 'down');
  // a bound printed as the weight at which some weight already changes the state (to a
  // millionth: the bounds are computed by division) is left out of the range ("boven",
  // "onder"): the details say "tot 2 stijgt" for a tie at 2 there
  const exact = (text: string, at: number) => Math.abs(textValue(text) - at) <= 1e-6 * Math.max(1, Math.abs(at));
  const lowOpen = range.lowOpen && exact(low, range.low);
  const highOpen = ivs.some((iv) => iv.upper.at === range.high && !iv.upper.included) && exact(high, range.high);
  const span =
    !lowOpen && !highOpen ? `van ${low} tot en met ${high}` : `${lowOpen ? 'boven' : 'vanaf'} ${low} en ${highOpen ? 'onder' : 'niet hoger dan'} ${high}`;
  return `Geen enkele weging ${span} verandert ${subject} (telkens één weging anders, de rest gelijk).`;
}

function moveSentence(m: BoundaryMove, topN: number): string {
  const parts: string[] = [];
  if (m.weight) {
    const w = m.weight;
    const up = w.up;
    const when =
      w.to === w.from
        ? `bij elke ${up ? 'verhoging' : 'verlaging'} van de weging van ${w.factor} (nu ${weightText(w.from)})`
        : `als de weging van ${w.factor} ${
            up
              ? w.included
                ? `boven ${boundText(w.to, w.from)} komt`
                : `tot ${boundText(w.to, w.from)} stijgt`
              : w.included
                ? `onder ${boundText(w.to, w.from)} komt`
                : `tot ${boundText(w.to, w.from)} daalt`
          } (nu ${weightText(w.from)})`;
    parts.push(when);
  }
  if (m.score) {
    const s = m.score;
    const from = s.from === null ? 'leeg' : String(s.from);
    const delta = s.to - (s.from ?? 0);
    parts.push(
      `als de score voor ${s.factor} van ${from} naar ${s.to} gaat (${Math.abs(delta)} punt${Math.abs(delta) === 1 ? '' : 'en'} ${delta > 0 ? 'hoger' : 'lager'})`,
    );
  }
  const verb = m.inside ? `valt uit de top ${topN}` : `komt in de top ${topN}`;
  if (parts.length === 0)
    return `${m.koppelkans} (plaats ${m.rank}) ${verb.replace('valt', 'valt niet').replace('komt', 'komt niet')} door één weging of één eigen score te veranderen.`;
  return `${m.koppelkans} (plaats ${m.rank}) ${verb} ${parts.join(', of ')}.`;
}

/** The Dutch sentences for a computed analysis (also used by `computeGevoeligheid`). */
function gevoeligheidZinnen(g: Gevoeligheid): Gevoeligheid['sentences'] {
  const summary: string[] = [];
  const members: string[] = [];
  const order: string[] = [];
  const boundary: string[] = [];
  const top = `de top ${g.topN}`;
  const top3 = `de volgorde van de top ${g.topOrder}`;
  if (g.ranked === 0) {
    summary.push('Nog geen koppelkans heeft een totaal: er is nog geen ranglijst om te toetsen.');
  } else if (g.ranked <= g.topN) {
    summary.push(
      `Er ${g.ranked === 1 ? 'is 1 koppelkans' : `zijn ${g.ranked} koppelkansen`} met een totaal; ${g.ranked === 1 ? 'die staat' : 'ze staan allemaal'} in de top ${g.topN}, welke weging je ook kiest.`,
    );
  } else {
    const s = summarySentence(g.members, top);
    if (s) summary.push(s);
    for (const iv of g.members) members.push(intervalSentence(iv, top, membersChangeText, 'hem'));
  }
  if (g.ranked > 1) {
    const s = summarySentence(g.order, top3);
    if (s) summary.push(s);
    for (const iv of g.order) order.push(intervalSentence(iv, top3, orderChangeText, 'haar'));
  }
  for (const m of g.boundary) boundary.push(moveSentence(m, g.topN));
  if (g.skipped.length) summary.push(`Niet berekend voor ${list(g.skipped)}: de weging is ongeldig.`);
  return { summary, members, order, boundary, all: [...summary, ...members, ...order, ...boundary] };
}

/**
 * What the dropdowns built by the hidden Keuzelijsten sheet show, computed by the engine
 * (`lijstenValues`: the cached results the plan writes with the formulas) and read through
 * the dropdowns' own list sources (`opgaveListSource`, `koppelkansListSource`,
 * `werkbladKeyRange`), checked against a plain reference of the rules in the doc comments
 * of src/core/keuzelijsten.ts:
 *
 * - the opgave dropdown lists the distinct opgaven, cleaned, in the order of first appearance;
 * - a werkblad row's koppelkans dropdown lists exactly its opgave's koppelkansen in longlist
 *   order, the opgave matched by the names rule (case, spaces, non-breaking spaces, tabs;
 *   `~*?` literal), and every koppelkans when the opgave is empty, unknown or has none;
 * - the values are those of the formulas for any order of column AC (the plan writes it
 *   grouped, `lijstenOrder`; a row a colleague adds is read where it stands): the lists are
 *   then in the order the rows are read.
 *
 * The agreement of these values with what LibreOffice computes from the formulas is the
 * crosscheck suite's (tests/crosscheck); this file is pure and fast, so a mutation run can
 * use it. The list sources are read by a small evaluator of exactly their shape (OFFSET,
 * INDIRECT of INDEX of an exact MATCH with Excel's wildcards), not compared as text.
 */
import fc from 'fast-check';
import { sheetRef } from '../../src/core/a1';
import {
  blockEnd,
  koppelkansListSource,
  LIJST_COLUMNS,
  LIJST_WIDTH,
  lijstenFormulas,
  lijstenOrder,
  lijstenValues,
  opgaveListSource,
  werkbladKeyRange,
  type LijstenGeometry,
} from '../../src/core/keuzelijsten';
import type { CellValue } from '../../src/core/snapshot';

const C = LIJST_COLUMNS;
type Row = { opgave: CellValue; koppelkans: CellValue };
type Values = Map<string, CellValue>;

const geometry = (rows: number, werkbladRows: number, lijstenSheet = 'Keuzelijsten'): LijstenGeometry => ({
  longlistSheet: 'Opgaven en koppelkansen',
  opgaveColumn: 1,
  koppelkansColumn: 2,
  firstRow: 2,
  rows,
  werkbladSheet: 'Werkblad koppelkansen kiezen',
  lijstenSheet,
  werkbladFirstRow: 6,
  werkbladLastRow: 6 + werkbladRows - 1,
});

const rowsOf = (pairs: [CellValue, CellValue][]): Row[] => pairs.map(([opgave, koppelkans]) => ({ opgave, koppelkans }));

/** 1-based column number of column letters. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Excel's exact MATCH (type 0) of a text: case-insensitive, `*` and `?` wildcards, `~` escapes the next character. */
function wildcardMatches(pattern: string, value: CellValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) re += escapeRegExp(pattern[++i]);
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += escapeRegExp(ch);
  }
  return new RegExp(`^${re}$`, 'i').test(value);
}

/** The cells of Keuzelijsten that an address text such as `Keuzelijsten!$Q$2:$Q$4` names (what INDIRECT reads). */
function resolveAddress(v: Values, g: LijstenGeometry, address: CellValue | undefined): CellValue[] {
  const m = new RegExp(`^${escapeRegExp(sheetRef(g.lijstenSheet))}!\\$([A-Z]+)\\$(\\d+):\\$([A-Z]+)\\$(\\d+)$`).exec(String(address));
  if (!m || m[1] !== m[3] || Number(m[2]) > Number(m[4])) throw new Error(`INDIRECT cannot read ${JSON.stringify(address)} as a range of Keuzelijsten`);
  const c = columnNumber(m[1]);
  const out: CellValue[] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(v.get(`${r},${c}`) ?? '');
  return out;
}

/** The opgave dropdown: `opgaveListSource` evaluated (OFFSET from an anchor, MAX(1, count) rows high). */
function opgaveDropdown(v: Values, g: LijstenGeometry): CellValue[] {
  const ls = escapeRegExp(sheetRef(g.lijstenSheet));
  const src = opgaveListSource(g.lijstenSheet, g);
  const m = new RegExp(`^=OFFSET\\(${ls}!\\$([A-Z]+)\\$(\\d+),0,0,MAX\\(1,${ls}!\\$([A-Z]+)\\$(\\d+)\\),1\\)$`).exec(src);
  if (!m) throw new Error(`unexpected opgave list source ${src}`);
  const height = Math.max(1, Number(v.get(`${m[4]},${columnNumber(m[3])}`) ?? 0));
  const c = columnNumber(m[1]);
  return Array.from({ length: height }, (_, i) => v.get(`${Number(m[2]) + i},${c}`) ?? '');
}

/**
 * The koppelkans dropdown of werkblad row `w`: `koppelkansListSource` (written relative to the
 * first werkblad row) evaluated. MATCH scans the whole column from row 1; an empty cell matches
 * nothing; no match gives row 1 (IFERROR).
 */
function koppelkansDropdown(v: Values, g: LijstenGeometry, w: number): CellValue[] {
  const ls = escapeRegExp(sheetRef(g.lijstenSheet));
  const src = koppelkansListSource(g.lijstenSheet, g.werkbladFirstRow);
  const m = new RegExp(
    `^=INDIRECT\\(INDEX\\(${ls}!\\$([A-Z]+):\\$\\1,IFERROR\\(MATCH\\(${ls}!\\$([A-Z]+)(\\d+),${ls}!\\$([A-Z]+):\\$\\4,0\\),1\\)\\)\\)$`,
  ).exec(src);
  if (!m) throw new Error(`unexpected koppelkans list source ${src}`);
  const keyAt = `${Number(m[3]) + (w - g.werkbladFirstRow)},${columnNumber(m[2])}`;
  const key = v.get(keyAt);
  const lookIn = columnNumber(m[4]);
  let row = 1;
  const last = Math.max(...[...v.keys()].map((k) => Number(k.split(',')[0])));
  for (let r = 1; r <= last; r++) {
    if (typeof key === 'string' && wildcardMatches(key, v.get(`${r},${lookIn}`))) {
      row = r;
      break;
    }
  }
  return resolveAddress(v, g, v.get(`${row},${columnNumber(m[1])}`));
}

/** The names rule, written out plainly: NBSP, tab, line feed and carriage return are spaces; TRIM; numbers as text. */
function clean(x: CellValue | undefined): string {
  if (x === null || x === undefined) return '';
  if (typeof x !== 'string') return String(x);
  return x
    .replace(/[\u00a0\t\n\r]/g, ' ')
    .replace(/ +/g, ' ')
    .replace(/^ | $/g, '');
}
const keyOf = (x: CellValue | undefined) => clean(x).toLowerCase();

/** What the dropdowns must show for a longlist read in the given row order (reference). */
function reference(readRows: Row[], longlist: Row[]) {
  const opgaven = new Map<string, { name: string; kks: string[] }>();
  for (const row of readRows) {
    const key = keyOf(row.opgave);
    if (!key) continue;
    if (!opgaven.has(key)) opgaven.set(key, { name: clean(row.opgave), kks: [] });
    const kk = clean(row.koppelkans);
    if (kk) opgaven.get(key)!.kks.push(kk);
  }
  const all = longlist.map((r) => clean(r.koppelkans)).filter((x) => x);
  const names = [...opgaven.values()].map((o) => o.name);
  return {
    opgaveList: names.length ? names : [''],
    /** The koppelkans dropdown of a werkblad row whose opgave cell holds `opgave`. */
    koppelkansList: (opgave: CellValue): string[] => {
      const own = opgaven.get(keyOf(opgave))?.kks ?? [];
      return own.length ? own : all.length ? all : [''];
    },
  };
}

/** Every dropdown as the engine's values make it show them. */
function dropdowns(g: LijstenGeometry, v: Values) {
  const werkbladRows = g.werkbladLastRow - g.werkbladFirstRow + 1;
  return {
    opgaveList: opgaveDropdown(v, g),
    koppelkansLists: Array.from({ length: werkbladRows }, (_, i) => koppelkansDropdown(v, g, g.werkbladFirstRow + i)),
    keys: resolveAddress(v, g, werkbladKeyRange(g.lijstenSheet, g)),
  };
}

/** The rows read at each position of `order` (a permutation of 1..g.rows). */
const readIn = (g: LijstenGeometry, longlist: Row[], order: readonly number[]): Row[] =>
  order.map((i) => longlist[i - 1] ?? { opgave: null, koppelkans: null });

function expectDropdowns(g: LijstenGeometry, longlist: Row[], werkblad: Row[], order?: readonly number[]) {
  const v = lijstenValues(g, longlist, werkblad, order);
  const ref = reference(readIn(g, longlist, order ?? lijstenOrder(g, longlist)), longlist);
  const got = dropdowns(g, v);
  expect(got.opgaveList).toEqual(ref.opgaveList);
  expect(got.koppelkansLists).toEqual(werkblad.map((w) => ref.koppelkansList(w.opgave)));
  expect(got.keys).toEqual(werkblad.map((w) => keyOf(w.koppelkans)));
  return { v, got };
}

describe('the dropdowns built from a longlist', () => {
  const longlist = rowsOf([
    ['Groen', 'Bomen planten'],
    ['Water', 'Wadi'],
    [null, 'Los idee'],
    [' groen', 'Geveltuinen'],
    ['Wonen', null],
    ['Water ', 'Regenton'],
    ['GROEN', 'Bomen  planten'],
    ['Energie', ''],
  ]);
  const werkblad = rowsOf([
    ['groen', 'bomen planten'],
    ['WATER', null],
    ['Wonen', 'x'],
    ['Onbekend', null],
    [null, null],
    ['\u00a0Groen\t', ' Geveltuinen '],
  ]);
  const g = geometry(12, werkblad.length);

  it('the opgave dropdown lists the distinct opgaven, cleaned, in the order of first appearance', () => {
    const { got } = expectDropdowns(g, longlist, werkblad);
    expect(got.opgaveList).toEqual(['Groen', 'Water', 'Wonen', 'Energie']);
  });

  it('each opgave’s koppelkans dropdown lists exactly its koppelkansen in longlist order; an opgave without any, an unknown or empty one lists every koppelkans', () => {
    const { got } = expectDropdowns(g, longlist, werkblad);
    const every = ['Bomen planten', 'Wadi', 'Los idee', 'Geveltuinen', 'Regenton', 'Bomen planten'];
    expect(got.koppelkansLists).toEqual([
      ['Bomen planten', 'Geveltuinen', 'Bomen planten'],
      ['Wadi', 'Regenton'],
      every,
      every,
      every,
      ['Bomen planten', 'Geveltuinen', 'Bomen planten'],
    ]);
  });

  it('an opgave without koppelkansen gets no key in column N (a single space), so no werkblad key finds it', () => {
    const v = lijstenValues(g, longlist, werkblad);
    const N = (j: number) => v.get(`${j + 1},${C.dKeyKk}`);
    expect([1, 2, 3, 4, 5].map(N)).toEqual(['groen', 'water', ' ', ' ', ' ']);
    expect(v.get(`1,${C.dKeyKk}`)).toBeUndefined();
    // row 1 of AB: every koppelkans of column A; opgave j's range in Q on row j + 1, none for one without koppelkansen
    expect(v.get(`1,${C.gRange}`)).toBe('Keuzelijsten!$A$2:$A$7');
    expect([2, 3, 4, 5, 6].map((r) => v.get(`${r},${C.gRange}`))).toEqual(['Keuzelijsten!$Q$2:$Q$4', 'Keuzelijsten!$Q$5:$Q$6', '', '', '']);
  });

  it('the werkblad helper columns hold the escaped key of the row’s opgave (S) and the key of its koppelkans (Z)', () => {
    const wb = rowsOf([
      ['  A*b\u00a0 ', 'Bomen\tplanten'],
      ['x?~y', 3],
      [null, null],
    ]);
    const v = lijstenValues(geometry(4, 3), longlist.slice(0, 4), wb);
    expect([6, 7, 8].map((r) => v.get(`${r},${C.wGroup}`))).toEqual(['a~*b', 'x~?~~y', '']);
    expect([6, 7, 8].map((r) => v.get(`${r},${C.wKey}`))).toEqual(['bomen planten', '3', '']);
    // a werkblad shorter than its prepared rows reads as empty rows
    const short = lijstenValues(geometry(4, 3), longlist.slice(0, 4), wb.slice(0, 1));
    expect([6, 7, 8].map((r) => short.get(`${r},${C.wKey}`))).toEqual(['bomen planten', '', '']);
    expect(short.get(`9,${C.wKey}`)).toBeUndefined();
    expect(resolveAddress(v, geometry(4, 3), werkbladKeyRange('Keuzelijsten', geometry(4, 3)))).toEqual(['bomen planten', '3', '']);
  });

  it('names with ~, * and ? are literal: "a*b" is not "ab", "a?b" not "axb", "a~b" not "ab"', () => {
    const ll = rowsOf([
      ['ab', 'kk ab'],
      ['axb', 'kk axb'],
      ['a*b', 'kk a*b'],
      ['a?b', 'kk a?b'],
      ['a~b', 'kk a~b'],
    ]);
    const wb = rowsOf([
      ['A*B', null],
      ['a?b', null],
      ['a~B', null],
      ['a*', null],
    ]);
    const gg = geometry(6, wb.length);
    const { got } = expectDropdowns(gg, ll, wb);
    expect(got.koppelkansLists).toEqual([['kk a*b'], ['kk a?b'], ['kk a~b'], ['kk ab', 'kk axb', 'kk a*b', 'kk a?b', 'kk a~b']]);
  });

  it('a number and an error value: a number is its text, an error is no name', () => {
    const ll = rowsOf([
      [2030, 'Plan'],
      ['#N/A', 'Foutje'],
      [' 2030 ', 7],
    ]);
    const gg = geometry(4, 2);
    const v = lijstenValues(
      gg,
      ll,
      rowsOf([
        ['2030', null],
        [2030, null],
      ]),
    );
    expect(dropdowns(gg, v).opgaveList).toEqual(['2030']);
    expect(dropdowns(gg, v).koppelkansLists).toEqual([
      ['Plan', '7'],
      ['Plan', '7'],
    ]);
  });

  it('an empty longlist: each dropdown is one empty item, and no werkblad key finds an opgave', () => {
    const gg = geometry(3, 2);
    const { got, v } = expectDropdowns(
      gg,
      [],
      rowsOf([
        ['Groen', 'x'],
        [null, null],
      ]),
    );
    expect(got.opgaveList).toEqual(['']);
    expect(got.koppelkansLists).toEqual([[''], ['']]);
    expect(v.get(`1,${C.dNext}`)).toBe('');
    expect(v.get(`2,${C.gGroup}`)).toBe(1e9);
  });

  it('opgaven with names only, no koppelkans anywhere: the opgave dropdown lists them, every koppelkans dropdown is empty', () => {
    const gg = geometry(3, 1);
    const { got } = expectDropdowns(
      gg,
      rowsOf([
        ['Groen', null],
        ['Water', '  '],
      ]),
      rowsOf([['Groen', null]]),
    );
    expect(got.opgaveList).toEqual(['Groen', 'Water']);
    expect(got.koppelkansLists).toEqual([['']]);
  });

  it('longlist rows past the block (the capacity) are not read: not listed, not counted', () => {
    const ll = rowsOf([
      ['A', '1'],
      ['B', '2'],
      ['A', '3'],
      ['C', '4'],
    ]);
    const gg = geometry(3, 2);
    const v = lijstenValues(
      gg,
      ll,
      rowsOf([
        ['a', null],
        ['c', null],
      ]),
    );
    expect(dropdowns(gg, v)).toEqual({
      opgaveList: ['A', 'B'],
      koppelkansLists: [
        ['1', '3'],
        ['1', '2', '3'],
      ],
      keys: ['', ''],
    });
    expect([2, 3, 4].map((r) => v.get(`${r},${C.all}`))).toEqual(['1', '2', '3']);
    expect([2, 3, 4].map((r) => v.get(`${r},${C.rawCount}`))).toEqual([1, 2, 3]);
    expect(v.get(`5,${C.all}`)).toBeUndefined();
  });

  it('a full block (no spare rows): the last opgave and its last koppelkans are in the lists', () => {
    const ll = rowsOf([
      ['A', '1'],
      ['B', null],
      ['A', '2'],
      ['C', '3'],
    ]);
    const gg = geometry(4, 3);
    const { got } = expectDropdowns(
      gg,
      ll,
      rowsOf([
        ['a', null],
        ['b', null],
        ['c', null],
      ]),
    );
    expect(got.opgaveList).toEqual(['A', 'B', 'C']);
    expect(got.koppelkansLists).toEqual([['1', '2'], ['1', '2', '3'], ['3']]);
  });
});

describe('any order of column AC gives the formulas’ values', () => {
  const longlist = rowsOf([
    ['Groen', 'a'],
    ['Water', 'w'],
    ['Wonen', null],
    ['Groen', 'b'],
    [null, 'los'],
    ['Water', 'x'],
  ]);
  const werkblad = rowsOf([
    ['Groen', null],
    ['Water', null],
    ['Wonen', null],
  ]);

  it('a row a colleague appended after the plan wrote the order is read at the end, in a second run of its opgave, and listed with it', () => {
    const g = geometry(9, werkblad.length);
    const order = lijstenOrder(g, longlist); // the plan's order, before the colleague's row
    const added = [...longlist, { opgave: 'groen ', koppelkans: 'c' }, { opgave: 'Wonen', koppelkans: 'n' }];
    const { v, got } = expectDropdowns(g, added, werkblad, order);
    expect(order).toEqual([1, 4, 2, 6, 3, 5, 7, 8, 9]);
    // read at positions 7 and 8, after the row without opgave: new runs of Groen and Wonen
    expect(v.get(`${7 + 1},${C.run}`)).toBe(4);
    expect(v.get(`${8 + 1},${C.run}`)).toBe(5);
    expect(v.get(`${4 + 1},${C.runFirst}`)).toBe(1);
    expect(v.get(`${5 + 1},${C.runFirst}`)).toBe(3);
    expect(got.koppelkansLists).toEqual([['a', 'b', 'c'], ['w', 'x'], ['n']]);
    expect(got.opgaveList).toEqual(['Groen', 'Water', 'Wonen']);
  });

  it('an order reversed: the lists are in the order the rows are read', () => {
    const g = geometry(6, werkblad.length);
    const { got } = expectDropdowns(g, longlist, werkblad, [6, 5, 4, 3, 2, 1]);
    expect(got.opgaveList).toEqual(['Water', 'Groen', 'Wonen']);
    expect(got.koppelkansLists).toEqual([
      ['b', 'a'],
      ['x', 'w'],
      ['a', 'w', 'b', 'los', 'x'],
    ]);
  });

  it('an empty or unusable order cell (empty, 0, past the block) reads as an empty row', () => {
    const g = geometry(6, werkblad.length);
    const order = [1, '' as unknown as number, 0, 4, 7, 6];
    const v = lijstenValues(g, longlist, werkblad, order);
    expect([2, 3, 4, 5, 6, 7].map((r) => v.get(`${r},${C.kk}`))).toEqual(['a', '', '', 'b', '', 'x']);
    expect([2, 3, 4, 5, 6, 7].map((r) => v.get(`${r},${C.opgave}`))).toEqual(['Groen', '', '', 'Groen', '', 'Water']);
    // column A still reads the longlist itself
    expect([2, 3, 4, 5, 6, 7].map((r) => v.get(`${r},${C.all}`))).toEqual(['a', 'w', 'b', 'los', 'x', '']);
  });
});

/**
 * Every Keuzelijsten value by its definition in the doc comment of src/core/keuzelijsten.ts,
 * column by column, written out the slow and plain way (positions and runs 1-based; '' for
 * an empty formula result). The formulas' own agreement with these is the crosscheck suite's.
 */
function definitions(g: LijstenGeometry, longlist: Row[], werkblad: Row[], order: readonly number[]): Values {
  const m = g.rows;
  const out: Values = new Map();
  const set = (r: number, c: number, x: CellValue) => out.set(`${r},${c}`, x);
  const raw = (i: number) => longlist[i - 1] ?? { opgave: null, koppelkans: null };
  const ok = (x: number) => Number.isInteger(x) && x >= 1 && x <= m;
  const P = Array.from({ length: m }, (_, i) => i + 1);
  // each column's value per position, computed once (the definitions read each other)
  const memo = <T>(f: (x: number) => T) => {
    const seen = new Map<number, T>();
    return (x: number): T => {
      if (!seen.has(x)) seen.set(x, f(x));
      return seen.get(x)!;
    };
  };
  const B = (p: number) => (ok(order[p - 1]) ? clean(raw(order[p - 1]).koppelkans) : '');
  const J = (p: number) => (ok(order[p - 1]) ? clean(raw(order[p - 1]).opgave) : '');
  const D = memo((p: number) => (p >= 1 ? J(p).toLowerCase() : ''));
  const count = memo((p: number) => P.filter((x) => x <= p && B(x) !== '').length);
  const I = memo((p: number) => P.filter((x) => x <= p && D(x) !== '' && D(x) !== D(x - 1)).length);
  const runs = I(m);
  const O = memo((q: number) => (q <= runs ? P.find((x) => I(x) === q)! : ''));
  const T = memo((q: number) => (q <= runs ? D(O(q) as number) : ''));
  const U = memo((q: number) => (q <= runs ? P.find((x) => T(x) === T(q))! : ''));
  const inRun = memo((q: number) => P.filter((x) => I(x) === q && D(x) !== ''));
  const V = memo((q: number) => (q <= runs ? (inRun(q).find((x) => B(x) !== '') ?? '') : ''));
  const Y = memo((q: number) => (q <= runs ? (P.find((x) => x > q && x <= runs && U(x) === U(q) && V(x) !== '') ?? '') : ''));
  const E = memo((p: number) => (D(p) === '' ? '' : P.find((x) => D(x) === D(p))!));
  const F = memo((p: number) => P.filter((x) => x <= p && E(x) === x).length);
  const n = F(m);
  const K = memo((j: number) => (j <= n ? J(P.find((x) => F(x) === j)!) : ''));
  const M = memo((j: number) => (j <= n ? (P.find((x) => D(x) === K(j).toLowerCase() && B(x) !== '') ?? '') : ''));
  const X = memo((j: number) => (j >= n ? '' : (P.find((x) => x > j && x <= n && M(x) !== '') ?? '')));
  const grouped: { p: number; j: number }[] = [];
  for (let j = 1; j <= n; j++) for (const p of P) if (M(j) !== '' && D(p) === K(j).toLowerCase() && B(p) !== '') grouped.push({ p, j });
  const allKk = longlist
    .slice(0, m)
    .map((r) => clean(r.koppelkans))
    .filter((x) => x);
  const prefix = `${sheetRef(g.lijstenSheet)}!`;
  set(1, C.count, 0);
  set(1, C.distinct, 0);
  set(1, C.gGroup, 0);
  set(1, C.run, 0);
  set(1, C.rawCount, 0);
  set(1, C.dNext, X(0));
  set(1, C.gRange, `${prefix}$A$2:$A$${1 + Math.max(1, count(m))}`);
  for (const p of P) {
    const r = p + 1;
    set(r, C.kk, B(p));
    set(r, C.count, count(p));
    set(r, C.opgave, J(p));
    set(r, C.key, D(p));
    set(r, C.rawCount, P.filter((x) => x <= p && clean(raw(x).koppelkans) !== '').length);
    set(r, C.all, allKk[p - 1] ?? '');
    set(r, C.run, I(p));
    set(r, C.runPos, O(p));
    set(r, C.runKey, T(p));
    set(r, C.runFirst, U(p));
    set(r, C.runKk, V(p));
    set(r, C.runFirstKk, V(p) === '' ? '' : U(p));
    set(r, C.runNext, Y(p));
    set(r, C.first, E(p));
    set(r, C.distinct, F(p));
    set(r, C.group, E(p) === '' ? '' : F(E(p) as number));
    set(r, C.next, B(p) === '' || D(p) === '' ? '' : (P.find((x) => x > p && D(x) === D(p) && B(x) !== '') ?? ''));
    set(r, C.dOpgave, K(p));
    set(r, C.dKey, K(p).toLowerCase());
    set(r, C.dHead, M(p));
    set(r, C.dNext, X(p));
    set(r, C.dKeyKk, M(p) === '' ? ' ' : K(p).toLowerCase());
    const item = grouped[p - 1];
    set(r, C.gPtr, item ? item.p : '');
    set(r, C.gGroup, item ? item.j : 1e9);
    set(r, C.gList, item ? B(item.p) : '');
    const mine = grouped.filter((x) => x.j === p).length;
    const before = grouped.filter((x) => x.j < p).length;
    set(r, C.gRange, M(p) === '' ? '' : `${prefix}$Q$${before + 2}:$Q$${before + 1 + mine}`);
  }
  for (let w = g.werkbladFirstRow; w <= g.werkbladLastRow; w++) {
    const cells = werkblad[w - g.werkbladFirstRow];
    set(w, C.wGroup, keyOf(cells?.opgave).replace(/[~*?]/g, '~$&'));
    set(w, C.wKey, keyOf(cells?.koppelkans));
  }
  return out;
}

describe('random longlists, random orders (fast-check)', () => {
  // few base names, dressed up in case and space-like characters, so that names collide by the rule and by wildcards
  const bases = ['groen', 'water', 'de kade', 'ab', 'a*b', 'a?b', 'a~b', 'axb'];
  const dressed = (names: string[]) =>
    fc
      .tuple(
        fc.constantFrom(...names),
        fc.array(fc.boolean(), { maxLength: 8 }),
        fc.constantFrom('', ' ', '\u00a0', '\t', ' \u00a0'),
        fc.constantFrom('', ' ', '\u00a0', '\r\n'),
        fc.constantFrom(' ', '  ', '\u00a0', '\t'),
      )
      .map(
        ([name, upper, before, after, inner]) =>
          before +
          [...name]
            .map((ch, i) => (upper[i] ? ch.toUpperCase() : ch))
            .join('')
            .replace(/ /g, inner) +
          after,
      );
  const name = (names: string[]) =>
    fc.oneof({ weight: 4, arbitrary: dressed(names) }, { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, '', '  ', '\u00a0') });
  const kks = ['p', 'q', 'r s', 'T', 'u*'];
  const rowArb = fc.record({ opgave: name(bases), koppelkans: name(kks) });
  const caseArb = fc
    .record({
      longlist: fc.array(rowArb, { maxLength: 12 }),
      spare: fc.integer({ min: 0, max: 3 }),
      werkblad: fc.array(fc.record({ opgave: name([...bases, 'onbekend', 'a*', '?b']), koppelkans: name(kks) }), { minLength: 1, maxLength: 6 }),
    })
    .chain((c) => {
      const m = Math.max(1, c.longlist.length + c.spare);
      const ids = Array.from({ length: m }, (_, i) => i + 1);
      return fc.record({
        c: fc.constant(c),
        m: fc.constant(m),
        order: fc.oneof(fc.constant(undefined), fc.shuffledSubarray(ids, { minLength: m, maxLength: m })),
      });
    });

  it('the dropdowns show the reference lists for the rows in the order they are read', () => {
    fc.assert(
      fc.property(caseArb, ({ c, m, order }) => {
        const g = geometry(m, c.werkblad.length, 'Keuze lijsten');
        expectDropdowns(g, c.longlist, c.werkblad, order);
      }),
      { numRuns: 300 },
    );
  });

  it('in the plan’s order the lists are in longlist order, and the same lists come out of the longlist as it stands', () => {
    fc.assert(
      fc.property(caseArb, ({ c, m }) => {
        const g = geometry(m, c.werkblad.length);
        const plan = dropdowns(g, lijstenValues(g, c.longlist, c.werkblad));
        const asItStands = dropdowns(
          g,
          lijstenValues(
            g,
            c.longlist,
            c.werkblad,
            Array.from({ length: m }, (_, i) => i + 1),
          ),
        );
        const ref = reference(c.longlist, c.longlist);
        expect(plan.opgaveList).toEqual(ref.opgaveList);
        expect(plan.koppelkansLists).toEqual(c.werkblad.map((w) => ref.koppelkansList(w.opgave)));
        expect(asItStands).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });

  it('every value is the one its column’s definition gives, and there is one for every formula', () => {
    fc.assert(
      fc.property(caseArb, ({ c, m, order }) => {
        const g = geometry(m, c.werkblad.length, 'Keuze lijsten');
        const o = order ?? lijstenOrder(g, c.longlist);
        const v = lijstenValues(g, c.longlist, c.werkblad, order);
        expect(v).toEqual(definitions(g, c.longlist, c.werkblad, o));
        expect([...v.keys()].sort()).toEqual([...lijstenFormulas(g).keys()].sort());
      }),
      { numRuns: 150 },
    );
  });
});

describe('lijstenOrder', () => {
  it('groups the rows by opgave key, in the order of each opgave’s first row, then every row without an opgave and the spare rows', () => {
    const g = geometry(9, 1);
    const ll = rowsOf([
      ['Water', 'w'],
      [null, 'x'],
      ['groen', null],
      ['\u00a0WATER\t', 'v'],
      ['  ', 'y'],
      ['Groen', 'g'],
      ['#N/A', 'e'],
    ]);
    expect(lijstenOrder(g, ll)).toEqual([1, 4, 3, 6, 2, 5, 7, 8, 9]);
  });

  it('covers exactly the block: rows past the capacity are not read, missing rows are spare rows', () => {
    const ll = rowsOf([
      ['A', null],
      ['B', null],
      ['A', null],
    ]);
    expect(lijstenOrder(geometry(2, 1), ll)).toEqual([1, 2]);
    expect(lijstenOrder(geometry(5, 1), ll)).toEqual([1, 3, 2, 4, 5]);
    expect(lijstenOrder(geometry(1, 1), [])).toEqual([1]);
  });
});

describe('the list sources', () => {
  it('name the Keuzelijsten sheet quoted when it needs quotes, and the rows of the block and the werkblad', () => {
    const g = geometry(7, 3, "Keuze's lijst");
    const v = lijstenValues(
      g,
      rowsOf([['A', '1']]),
      rowsOf([
        ['a', 'K'],
        [null, null],
        [null, 'L'],
      ]),
    );
    expect(blockEnd(g)).toBe(8);
    expect(dropdowns(g, v)).toEqual({ opgaveList: ['A'], koppelkansLists: [['1'], ['1'], ['1']], keys: ['k', '', 'l'] });
    expect(LIJST_WIDTH).toBe(C.rawCount);
  });

  it('the address texts in AB are the values the formulas give: a double quote in the sheet name once, not doubled as in the formula’s text literal', () => {
    const g = geometry(3, 1, 'Keuze"lijsten');
    const v = lijstenValues(
      g,
      rowsOf([
        ['A', '1'],
        ['B', '2'],
      ]),
      rowsOf([['b', null]]),
    );
    expect(v.get(`1,${C.gRange}`)).toBe(`'Keuze"lijsten'!$A$2:$A$3`);
    expect(dropdowns(g, v)).toEqual({ opgaveList: ['A', 'B'], koppelkansLists: [['2']], keys: [''] });
  });
});

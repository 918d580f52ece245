/**
 * The hidden Keuzelijsten sheet: the dropdown lists built by formulas from the longlist,
 * so they pick up rows a colleague adds without the add-in, at a recalculation cost
 * linear in the longlist for a given number of opgaven (every formula does O(1) work, a
 * binary search, or an exact-match lookup whose scans add up to at most (distinct
 * opgaven) × (longlist rows); there is no formula per list cell that scans the whole
 * longlist). With opgaven that grow with the longlist that bound is quadratic, and
 * LibreOffice shows it (`npm run bench -- formulas`, the growing-opgaven longlist:
 * exponent about 1.7 between 1,000 and 10,000 rows).
 *
 * Names follow the matching rule of src/core/names.ts: `cleanFormula`/`keyFormula` are
 * the formula side of `cleanName`/`nameKey`, and every lookup escapes `~*?`
 * (`escapeFormula`), so no name is read as a wildcard or a comparison.
 *
 * Layout (row 1 = seeds and labels; row r ≥ 2 ↔ longlist row first + r − 2, for the
 * longlist's capacity; werkblad helpers on the werkblad's own row numbers):
 *  A  every koppelkans, compacted (dropdown when the opgave is empty or unknown)
 *  B  the row's koppelkans, cleaned            C  running count of B ≠ "" (C1 = 0)
 *  J  the row's opgave, cleaned                D  its key (lower case)
 *  E  position of the key's first row          F  running count of first rows (F1 = 0)
 *  G  the opgave's ordinal (order of first appearance)
 *  I  the key, only on rows with a koppelkans  H  position of the next row of the same opgave with a koppelkans
 *  K  distinct opgaven (opgave dropdown)       L  their keys
 *  M  first position of each opgave with a koppelkans
 *  N  the key of each opgave that has koppelkansen, else a single space (never a key: keys are trimmed)
 *  X  next opgave (ordinal) after this one that has koppelkansen (X1: the first one)
 *  P  grouped list: position of the p-th item  R  its opgave ordinal (R1 = 0, 1E9 past the end)
 *  Q  grouped list: the koppelkansen of each opgave together (dependent dropdown)
 *  S  per werkblad row: the ordinal of its opgave when that opgave has koppelkansen, else 0
 *  Z  per werkblad row: the key of its koppelkans (Prioritering looks names up here)
 *
 * Only two helper formulas per werkblad row (S and Z): where a row's list starts in Q and
 * how long it is are counted in the dropdown's own list formula (`koppelkansListSource`),
 * which Excel and LibreOffice evaluate only when the dropdown opens, not on every
 * recalculation.
 */
import { columnLetter, sheetRef } from './a1';
import { cleanName, nameKey } from './names';
import type { CellValue } from './snapshot';

export const LIJST_COLUMNS = {
  all: 1,
  kk: 2,
  count: 3,
  key: 4,
  first: 5,
  distinct: 6,
  group: 7,
  next: 8,
  kkKey: 9,
  opgave: 10,
  dOpgave: 11,
  dKey: 12,
  dHead: 13,
  dKeyKk: 14,
  gPtr: 16,
  gList: 17,
  gGroup: 18,
  wGroup: 19,
  /** The formula stamp (src/core/formulaStamp.ts): text from row 1 down, no formulas; inside the used width, so it never widens the sheet. */
  stamp: 23,
  dNext: 24,
  wKey: 26,
} as const;

const L = (c: number) => columnLetter(c);
const C = LIJST_COLUMNS;

/** A value past every opgave ordinal, so that column R stays sorted for binary search. */
const PAST_END = 1e9;

/** Column N's value for an opgave without koppelkansen (and past the last opgave): no key is a single space. */
const NO_KEY = ' ';

/** Formula side of `cleanName`: space-like characters as spaces, then Excel's TRIM. */
export function cleanFormula(x: string): string {
  return `TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"\u00a0"," "),CHAR(9)," "),CHAR(10)," "),CHAR(13)," "))`;
}

/** Formula side of `nameKey`. */
export function keyFormula(x: string): string {
  return `LOWER(${cleanFormula(x)})`;
}

/** Formula side of `escapeForMatch`: MATCH then finds the literal text. */
export function escapeFormula(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"~","~~"),"*","~*"),"?","~?")`;
}

export interface LijstenGeometry {
  /** Longlist sheet, header row and the columns of Opgave and Koppelkans. */
  longlistSheet: string;
  opgaveColumn: number;
  koppelkansColumn: number;
  /** First longlist row covered and how many rows (the capacity). */
  firstRow: number;
  rows: number;
  werkbladSheet: string;
  /** Werkblad rows that get dropdowns. */
  werkbladFirstRow: number;
  werkbladLastRow: number;
}

/** Last row of the longlist block on Keuzelijsten. */
export const blockEnd = (g: LijstenGeometry) => g.rows + 1;

/** The formula (or seed) for every cell of Keuzelijsten, keyed "row,col" (1-based). */
export function lijstenFormulas(g: LijstenGeometry): Map<string, string | number> {
  const out = new Map<string, string | number>();
  const E = blockEnd(g);
  const ll = sheetRef(g.longlistSheet);
  const ws = sheetRef(g.werkbladSheet);
  const o = L(g.opgaveColumn);
  const k = L(g.koppelkansColumn);
  const col = (name: keyof typeof C, r1: number, r2: number) => `$${L(C[name])}$${r1}:$${L(C[name])}$${r2}`;
  const set = (r: number, c: number, f: string | number) => out.set(`${r},${c}`, f);
  const ranges = new Map<string, string>();
  const rng = (name: keyof typeof C) => {
    let v = ranges.get(name);
    if (v === undefined) ranges.set(name, (v = col(name, 2, E)));
    return v;
  };
  let r = 0;
  const cell = (name: keyof typeof C, row = r) => `${L(C[name])}${row}`;
  set(1, C.count, 0);
  set(1, C.distinct, 0);
  set(1, C.gGroup, 0);
  set(1, C.dNext, `=${nextGroupFormula(0, E)}`);
  for (r = 2; r <= E; r++) {
    const llRow = g.firstRow + r - 2;
    const p = r - 1; // position in the block
    set(r, C.all, `=IF(${p}>$${L(C.count)}$${E},"",INDEX(${rng('kk')},MATCH(${p - 1},${col('count', 1, E)},1)))`);
    set(r, C.kk, `=IFERROR(${cleanFormula(`${ll}!$${k}${llRow}`)},"")`);
    set(r, C.count, `=${cell('count', r - 1)}+(${cell('kk')}<>"")`);
    set(r, C.opgave, `=IFERROR(${cleanFormula(`${ll}!$${o}${llRow}`)},"")`);
    set(r, C.key, `=LOWER(${cell('opgave')})`);
    // Excel's MATCH gives #VALUE! for a key over 255 characters: such a name is its own first row
    // (without the fallback the error would run through F into every dropdown)
    set(r, C.first, `=IF(${cell('key')}="","",IFERROR(MATCH(${escapeFormula(cell('key'))},${rng('key')},0),${p}))`);
    set(r, C.distinct, `=${cell('distinct', r - 1)}+(${cell('first')}=${p})`);
    set(r, C.group, `=IF(${cell('first')}="","",INDEX(${rng('distinct')},${cell('first')}))`);
    set(r, C.kkKey, `=IF(${cell('kk')}="","",${cell('key')})`);
    set(r, C.next, `=IF(${cell('kkKey')}="","",IFERROR(MATCH(${escapeFormula(cell('kkKey'))},${L(C.kkKey)}${r + 1}:$${L(C.kkKey)}$${E + 1},0)+${p},""))`);
    // distinct opgaven, j = p
    set(r, C.dOpgave, `=IF(${p}>$${L(C.distinct)}$${E},"",INDEX(${rng('opgave')},MATCH(${p - 1},${col('distinct', 1, E)},1)))`);
    set(r, C.dKey, `=LOWER(${cell('dOpgave')})`);
    set(r, C.dHead, `=IF(${cell('dKey')}="","",IFERROR(MATCH(${escapeFormula(cell('dKey'))},${rng('kkKey')},0),""))`);
    set(r, C.dNext, `=${nextGroupFormula(p, E)}`);
    set(r, C.dKeyKk, `=IF(${cell('dHead')}="","${NO_KEY}",${cell('dKey')})`);
    // grouped list, item p
    const prevPtr = cell('gPtr', r - 1);
    const prevGroup = cell('gGroup', r - 1);
    const xNext = `INDEX(${rng('dNext')},${prevGroup})`;
    set(
      r,
      C.gPtr,
      r === 2
        ? `=IF($${L(C.dNext)}$1="","",INDEX(${rng('dHead')},$${L(C.dNext)}$1))`
        : `=IF(${prevPtr}="","",IF(INDEX(${rng('next')},${prevPtr})<>"",INDEX(${rng('next')},${prevPtr}),IF(${xNext}="","",INDEX(${rng('dHead')},${xNext}))))`,
    );
    set(r, C.gGroup, `=IF(${cell('gPtr')}="",${PAST_END},INDEX(${rng('group')},${cell('gPtr')}))`);
    set(r, C.gList, `=IF(${cell('gPtr')}="","",INDEX(${rng('kk')},${cell('gPtr')}))`);
  }
  for (let w = g.werkbladFirstRow; w <= g.werkbladLastRow; w++) {
    r = w;
    const a = `${ws}!$A${w}`;
    const b = `${ws}!$B${w}`;
    // an empty key matches nothing in N (every N cell holds a key or a single space)
    set(w, C.wGroup, `=IFERROR(MATCH(${escapeFormula(keyFormula(a))},${rng('dKeyKk')},0),0)`);
    set(w, C.wKey, `=IFERROR(${keyFormula(b)},"")`);
  }
  return out;
}

function nextGroupFormula(j: number, E: number): string {
  const X = L(C.dNext);
  return `IF(${j}>=$${L(C.distinct)}$${E},"",IF(INDEX($${L(C.dHead)}$2:$${L(C.dHead)}$${E},${j + 1})<>"",${j + 1},${X}${j + 2}))`;
}

/**
 * Dropdown source of the koppelkans cells (relative to the first werkblad row): the
 * koppelkansen of the row's opgave (ordinal j = column S), or every koppelkans when the
 * opgave is empty, unknown or has none (j = 0). Opgave j's list in column Q starts below
 * the cells of R holding less than j (R1 = 0 among them: the row offset from A1) and is as
 * long as the cells of R holding j. Excel evaluates a list source only when the dropdown
 * opens, so these two COUNTIFs over column R cost nothing on recalculation. At most 255
 * characters (Excel's limit on validation formulas).
 */
export function koppelkansListSource(lijstenSheet: string, firstRow: number, g: LijstenGeometry): string {
  const ls = sheetRef(lijstenSheet);
  const j = `${ls}!$${L(C.wGroup)}${firstRow}`;
  const R = `${ls}!$${L(C.gGroup)}:$${L(C.gGroup)}`;
  return `=OFFSET(${ls}!$A$1,IF(${j}>0,COUNTIF(${R},"<"&${j}),1),IF(${j}>0,${C.gList - 1},0),IF(${j}>0,COUNTIF(${R},${j}),MAX(1,${ls}!$${L(C.count)}$${blockEnd(g)})),1)`;
}

/** Dropdown source of the opgave cells: the distinct opgaven. */
export function opgaveListSource(lijstenSheet: string, g: LijstenGeometry): string {
  const ls = sheetRef(lijstenSheet);
  return `=OFFSET(${ls}!$${L(C.dOpgave)}$2,0,0,MAX(1,${ls}!$${L(C.distinct)}$${blockEnd(g)}),1)`;
}

/** The Keuzelijsten range holding the keys of the werkblad's koppelkansen (Prioritering). */
export function werkbladKeyRange(lijstenSheet: string, g: LijstenGeometry): string {
  const z = L(C.wKey);
  return `${sheetRef(lijstenSheet)}!$${z}$${g.werkbladFirstRow}:$${z}$${g.werkbladLastRow}`;
}

/**
 * What every Keuzelijsten formula evaluates to, computed by the engine from the raw
 * longlist cells (index 0 ↔ first covered row) and the werkblad's raw A/B cells (index
 * 0 ↔ werkbladFirstRow): the cached results written with the formulas, and the lists
 * the dropdowns show. Keyed like `lijstenFormulas`.
 */
export function lijstenValues(
  g: LijstenGeometry,
  longlist: { opgave: CellValue; koppelkans: CellValue }[],
  werkblad: { opgave: CellValue; koppelkans: CellValue }[],
): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const m = g.rows;
  const kk: string[] = [];
  const op: string[] = [];
  for (let i = 0; i < m; i++) {
    kk.push(cleanName(longlist[i]?.koppelkans ?? null));
    op.push(cleanName(longlist[i]?.opgave ?? null));
  }
  const key = op.map((x) => x.toLowerCase());
  const firstOf = new Map<string, number>();
  key.forEach((x, i) => {
    if (x && !firstOf.has(x)) firstOf.set(x, i + 1);
  });
  const kkKey = key.map((x, i) => (kk[i] ? x : ''));
  const headOf = new Map<string, number>();
  kkKey.forEach((x, i) => {
    if (x && !headOf.has(x)) headOf.set(x, i + 1);
  });
  const next = new Array<number | ''>(m).fill('');
  const lastSeen = new Map<string, number>();
  for (let i = m - 1; i >= 0; i--) {
    if (!kkKey[i]) continue;
    next[i] = lastSeen.get(kkKey[i]) ?? '';
    lastSeen.set(kkKey[i], i + 1);
  }
  const set = (r: number, c: number, v: CellValue) => out.set(`${r},${c}`, v);
  // running counts, groups
  const allList = kk.filter((x) => x);
  const distinctOpgaven: string[] = [];
  const group: (number | '')[] = [];
  let count = 0;
  let distinct = 0;
  set(1, C.count, 0);
  set(1, C.distinct, 0);
  set(1, C.gGroup, 0);
  for (let i = 0; i < m; i++) {
    const r = i + 2;
    if (kk[i]) count++;
    const first = key[i] ? firstOf.get(key[i])! : '';
    if (first === i + 1) {
      distinct++;
      distinctOpgaven.push(op[i]);
    }
    group.push(first === '' ? '' : group[first - 1] || distinct);
    set(r, C.all, i < allList.length ? allList[i] : '');
    set(r, C.kk, kk[i]);
    set(r, C.count, count);
    set(r, C.opgave, op[i]);
    set(r, C.key, key[i]);
    set(r, C.first, first);
    set(r, C.distinct, distinct);
    set(r, C.group, group[i]);
    set(r, C.kkKey, kkKey[i]);
    set(r, C.next, next[i]);
  }
  const dKey = distinctOpgaven.map((x) => x.toLowerCase());
  const dHead: (number | '')[] = dKey.map((x) => headOf.get(x) ?? '');
  const dKeyKk = dKey.map((x, j) => (dHead[j] === '' ? NO_KEY : x));
  // next opgave after j with koppelkansen, computed from the end
  const nextWith = new Array<number | ''>(distinct + 2).fill('');
  for (let j = distinct - 1; j >= 0; j--) nextWith[j] = dHead[j] !== '' ? j + 1 : nextWith[j + 1];
  const dNext = (j: number): number | '' => (j >= distinct ? '' : nextWith[j]);
  set(1, C.dNext, dNext(0));
  // the grouped list: every opgave's koppelkansen in longlist order, opgaven in order of first appearance
  const grouped: { ptr: number; group: number }[] = [];
  for (let j = 1; j <= distinct; j++) {
    for (let p: number | '' = dHead[j - 1]; p !== ''; p = next[p - 1]) grouped.push({ ptr: p, group: j });
  }
  for (let j = 1; j <= m; j++) {
    const r = j + 1;
    set(r, C.dOpgave, j <= distinct ? distinctOpgaven[j - 1] : '');
    set(r, C.dKey, j <= distinct ? dKey[j - 1] : '');
    set(r, C.dHead, j <= distinct ? dHead[j - 1] : '');
    set(r, C.dNext, dNext(j));
    set(r, C.dKeyKk, j <= distinct ? dKeyKk[j - 1] : NO_KEY);
    const item = grouped[j - 1];
    set(r, C.gPtr, item ? item.ptr : '');
    set(r, C.gGroup, item ? item.group : PAST_END);
    set(r, C.gList, item ? kk[item.ptr - 1] : '');
  }
  for (let w = g.werkbladFirstRow; w <= g.werkbladLastRow; w++) {
    const cells = werkblad[w - g.werkbladFirstRow];
    const a = nameKey(cells?.opgave ?? null);
    set(w, C.wGroup, a ? dKeyKk.indexOf(a) + 1 : 0);
    set(w, C.wKey, nameKey(cells?.koppelkans ?? null));
  }
  return out;
}

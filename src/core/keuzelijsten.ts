/**
 * The hidden Keuzelijsten sheet: the dropdown lists built by formulas from the longlist,
 * so they pick up rows a colleague adds or changes without the add-in.
 *
 * Recalculation cost. Every formula does O(1) work or a binary search (MATCH type 1 on a
 * running count), except two exact-match scans per *run* (a block of consecutive rows
 * with the same opgave, in the order the formulas read the longlist): U, the first run
 * with the same key, and Y, the next run of the same opgave that has a koppelkans (a scan
 * of numbers). Nothing scans per longlist row or per werkblad row: the werkblad row's
 * opgave is looked up in the koppelkans dropdown's own list formula, which Excel and
 * LibreOffice evaluate only when the dropdown opens. The formulas read the longlist in the
 * order of column AC, which the plan writes grouped by opgave (`lijstenOrder`), so every
 * opgave is one run whatever order the longlist itself has: the cost is O(rows · log rows)
 * plus at most (distinct opgaven)² cell comparisons (each run's U scans the runs before it,
 * its Y the runs after it). That is linear in the rows for a bounded number of opgaven, and
 * for opgaven growing with the list (one per 10 rows: 500,000 comparisons at 10,000 rows)
 * small beside the rest up to the 20,000-row limit; `npm run bench -- formulas` prints the
 * measured growth. Rows a colleague adds or changes without the add-in are read where they
 * stand in that order (an added row among the spare rows at the end), which adds runs, up
 * to (runs) × (distinct opgaven) comparisons, until the next plan writes the order again.
 * Exact deduplication of text in one pass needs sorting or hashing, which Excel 2010
 * formulas cannot do cheaply (README, "Cost"); the order is the engine's sort, written as
 * data, and the formulas stay right for any order.
 *
 * Names follow the matching rule of src/core/names.ts: `cleanFormula`/`keyFormula` are
 * the formula side of `cleanName`/`nameKey`, and every lookup escapes `~*?`
 * (`escapeFormula`), so no name is read as a wildcard or a comparison.
 *
 * Layout (row 1 = seeds and labels; row r ≥ 2 ↔ position p = r − 1 of the longlist block,
 * for the longlist's capacity; p is also the run q and opgave j of the per-run and
 * per-opgave columns; werkblad helpers on the werkblad's own row numbers):
 *  AC the order the formulas read the longlist in: the longlist row (1 = first covered row)
 *     at position p (numbers the plan writes, `lijstenOrder`: grouped by opgave)
 *  AD the inverse of AC: the position at which longlist row p is read (numbers the plan writes)
 *  B  the koppelkans at position p, cleaned (read with INDEX)   C  running count of B ≠ "" (C1 = 0)
 *  J  the opgave at position p, cleaned             D  its key (lower case)
 *  AE running count of the longlist's own rows with a koppelkans, in longlist order (AE1 = 0)
 *  A  every koppelkans in longlist order, compacted (dropdown when the opgave is empty or unknown)
 *  I  running count of runs (I1 = 0): a row starts a run when its key is not empty and differs from the row above
 *  O  run q's first position                   T  run q's key
 *  U  the first run with run q's key (the only name lookup over the longlist)
 *  V  run q's first position with a koppelkans AA  U when run q has a koppelkans
 *  Y  the next run of run q's opgave that has a koppelkans
 *  E  position of the key's first row (O of U of the row's run)
 *  F  running count of first rows (F1 = 0)     G  the opgave's ordinal (order of first appearance)
 *  H  position of the next row of the same opgave with a koppelkans (in the run, else V of Y)
 *  K  distinct opgaven (opgave dropdown)       L  their keys
 *  M  first position of each opgave with a koppelkans
 *  N  the key of each opgave that has koppelkansen, else a single space (never a key: keys are trimmed)
 *  X  next opgave (ordinal) after this one that has koppelkansen (X1: the first one)
 *  P  grouped list: position of the p-th item  R  its opgave ordinal (R1 = 0, 1E9 past the end)
 *  Q  grouped list: the koppelkansen of each opgave together (dependent dropdown)
 *  AB address (text) of opgave j's koppelkansen in Q; AB1: of every koppelkans in A
 *  S  per werkblad row: the escaped key of its opgave (the dropdown looks it up in N)
 *  Z  per werkblad row: the key of its koppelkans (Prioritering looks names up here)
 *  W  the formula stamp (src/core/formulaStamp.ts)
 */
import { columnLetter, sheetRef } from './a1';
import { cleanName, escapeForMatch, nameKey } from './names';
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
  run: 9,
  opgave: 10,
  dOpgave: 11,
  dKey: 12,
  dHead: 13,
  dKeyKk: 14,
  runPos: 15,
  gPtr: 16,
  gList: 17,
  gGroup: 18,
  wGroup: 19,
  runKey: 20,
  runFirst: 21,
  runKk: 22,
  /** The formula stamp (src/core/formulaStamp.ts): text from row 1 down, no formulas; inside the used width, so it never widens the sheet. */
  stamp: 23,
  dNext: 24,
  runNext: 25,
  wKey: 26,
  runFirstKk: 27,
  gRange: 28,
  /** The longlist order the other columns read the longlist in (numbers the plan writes, no formulas): see `lijstenOrder`. */
  order: 29,
  /** The inverse of `order`: the position at which longlist row p is read (numbers the plan writes). */
  inverse: 30,
  rawCount: 31,
} as const;

/** Columns the Keuzelijsten sheet uses (A..AE). */
export const LIJST_WIDTH = Math.max(...Object.values(LIJST_COLUMNS));

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
  /** The Keuzelijsten sheet's own name (the dropdowns' ranges are named in text, see `koppelkansListSource`). */
  lijstenSheet: string;
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
  set(1, C.run, 0);
  set(1, C.dNext, `=${nextGroupFormula(0, E)}`);
  const lsText = rangeTextPrefix(g.lijstenSheet);
  set(1, C.gRange, `="${lsText}$${L(C.all)}$2:$${L(C.all)}$"&(1+MAX(1,$${L(C.count)}$${E}))`);
  set(1, C.rawCount, 0);
  const llKk = `${ll}!$${k}$${g.firstRow}:$${k}$${g.firstRow + g.rows - 1}`;
  const llOp = `${ll}!$${o}$${g.firstRow}:$${o}$${g.firstRow + g.rows - 1}`;
  const rawCountCol = col('rawCount', 1, E);
  const rawCountEnd = `$${L(C.rawCount)}$${E}`;
  const countCol = col('count', 1, E);
  const runCol = col('run', 1, E);
  const runEnd = `$${L(C.run)}$${E}`;
  for (r = 2; r <= E; r++) {
    const p = r - 1; // position in the block; also the run index q and the opgave ordinal j of this row
    // the longlist is read in the order of column AC (the plan writes it grouped by opgave), by
    // position (INDEX over the covered rows), so both columns stay paired when a colleague inserts or deletes rows
    set(r, C.kk, `=IFERROR(${cleanFormula(`INDEX(${llKk},${cell('order')})`)},"")`);
    set(r, C.count, `=${cell('count', r - 1)}+(${cell('kk')}<>"")`);
    set(r, C.opgave, `=IFERROR(${cleanFormula(`INDEX(${llOp},${cell('order')})`)},"")`);
    // every koppelkans in longlist order: longlist row p is read at position AD (the inverse of AC)
    set(r, C.rawCount, `=${cell('rawCount', r - 1)}+(IFERROR(INDEX(${rng('kk')},${cell('inverse')}),"")<>"")`);
    set(r, C.all, `=IF(${p}>${rawCountEnd},"",INDEX(${rng('kk')},INDEX(${rng('inverse')},MATCH(${p - 1},${rawCountCol},1))))`);
    set(r, C.key, `=LOWER(${cell('opgave')})`);
    // runs: a run is a block of consecutive rows with the same (non-empty) key
    set(r, C.run, `=${cell('run', r - 1)}+AND(${cell('key')}<>"",${cell('key')}<>${cell('key', r - 1)})`);
    // run q = p: its first row, key, and the first run with the same key (the only name lookup
    // of the longlist: one per run, not one per row)
    set(r, C.runPos, `=IF(${p}>${runEnd},"",MATCH(${p - 1},${runCol},1))`);
    set(r, C.runKey, `=IF(${cell('runPos')}="","",INDEX(${rng('key')},${cell('runPos')}))`);
    // Excel's MATCH gives #VALUE! for a key over 255 characters: such a run is its own first run
    // (without the fallback the error would run through F into every dropdown)
    set(r, C.runFirst, `=IF(${cell('runKey')}="","",IFERROR(MATCH(${escapeFormula(cell('runKey'))},${rng('runKey')},0),${p}))`);
    // the run's first row with a koppelkans: the next koppelkans row from its first row on
    // (binary search on the running count C), if it still lies in the run
    set(r, C.runKk, `=IF(${cell('runPos')}="","",${nextKkInRun(`INDEX(${countCol},${cell('runPos')})`, `${p}`, E)})`);
    set(r, C.runFirstKk, `=IF(${cell('runKk')}="","",${cell('runFirst')})`);
    // the next run of the same opgave that has a koppelkans: a scan of the run numbers (column AA) after this run
    set(
      r,
      C.runNext,
      `=IF(OR(${cell('runFirst')}="",${p}>=${runEnd}),"",IFERROR(MATCH(${cell('runFirst')},${cell('runFirstKk', r + 1)}:INDEX(${rng('runFirstKk')},${runEnd}),0)+${p},""))`,
    );
    // the first row of the first run with this key: the key's first row
    set(r, C.first, `=IF(${cell('key')}="","",INDEX(${rng('runPos')},INDEX(${rng('runFirst')},${cell('run')})))`);
    set(r, C.distinct, `=${cell('distinct', r - 1)}+(${cell('first')}=${p})`);
    set(r, C.group, `=IF(${cell('first')}="","",INDEX(${rng('distinct')},${cell('first')}))`);
    // next row of the same opgave with a koppelkans: the next koppelkans row if it lies in this run,
    // else the first koppelkans row of the next run of this opgave that has one
    const nextRun = `INDEX(${rng('runNext')},${cell('run')})`;
    set(
      r,
      C.next,
      `=IF(OR(${cell('kk')}="",${cell('key')}=""),"",${nextKkInRun(cell('count'), cell('run'), E, `IF(${nextRun}="","",INDEX(${rng('runKk')},${nextRun}))`)})`,
    );
    // distinct opgaven, j = p
    set(r, C.dOpgave, `=IF(${p}>$${L(C.distinct)}$${E},"",INDEX(${rng('opgave')},MATCH(${p - 1},${col('distinct', 1, E)},1)))`);
    set(r, C.dKey, `=LOWER(${cell('dOpgave')})`);
    // the opgave's first koppelkans row: in its first run, else in the next run of it that has one
    const dRun = `INDEX(${rng('run')},MATCH(${p - 1},${col('distinct', 1, E)},1))`;
    set(
      r,
      C.dHead,
      `=IF(${cell('dKey')}="","",IF(INDEX(${rng('runKk')},${dRun})<>"",INDEX(${rng('runKk')},${dRun}),IF(INDEX(${rng('runNext')},${dRun})="","",INDEX(${rng('runKk')},INDEX(${rng('runNext')},${dRun})))))`,
    );
    set(r, C.dNext, `=${nextGroupFormula(p, E)}`);
    set(r, C.dKeyKk, `=IF(${cell('dHead')}="","${NO_KEY}",${cell('dKey')})`);
    // where opgave j's koppelkansen stand in Q, as text for INDIRECT: below the items of R < j, down to the last of R = j
    const gq = L(C.gList);
    set(
      r,
      C.gRange,
      `=IF(${cell('dHead')}="","","${lsText}$${gq}$"&(MATCH(${p - 1},${col('gGroup', 1, E)},1)+1)&":$${gq}$"&MATCH(${p},${col('gGroup', 1, E)},1))`,
    );
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
    // the escaped key; the dropdown's own list formula looks it up (only when the dropdown opens)
    set(w, C.wGroup, `=IFERROR(${escapeFormula(keyFormula(a))},"")`);
    set(w, C.wKey, `=IFERROR(${keyFormula(b)},"")`);
  }
  return out;
}

/**
 * The next koppelkans row after the rows counted by `counted` (a count of koppelkans rows,
 * column C: the next one is found by binary search on C) when it lies in run `run` (its
 * run number in column I is `run` and its key is not empty: the rows of a run are
 * consecutive, only empty-key rows follow it with the same run number); else `otherwise`.
 */
function nextKkInRun(counted: string, run: string, E: number, otherwise = '""'): string {
  const at = `MATCH(${counted},${columnRange(C.count, 1, E)},1)`;
  const inRun = `AND(INDEX(${columnRange(C.run, 2, E)},${at})=${run},INDEX(${columnRange(C.key, 2, E)},${at})<>"")`;
  return `IF(IF(${counted}<$${L(C.count)}$${E},${inRun},FALSE),${at},${otherwise})`;
}

/** Absolute range of column `c` from row r1 to r2. */
function columnRange(c: number, r1: number, r2: number): string {
  return `$${L(c)}$${r1}:$${L(c)}$${r2}`;
}

function nextGroupFormula(j: number, E: number): string {
  const X = L(C.dNext);
  return `IF(${j}>=$${L(C.distinct)}$${E},"",IF(INDEX($${L(C.dHead)}$2:$${L(C.dHead)}$${E},${j + 1})<>"",${j + 1},${X}${j + 2}))`;
}

/**
 * Dropdown source of the koppelkans cells (relative to the first werkblad row): the
 * koppelkansen of the row's opgave, or every koppelkans when the opgave is empty, unknown
 * or has none. The row's escaped key (column S) is looked up among the keys of the
 * opgaven with koppelkansen (column N; an empty or unknown key finds nothing, or N1,
 * which is empty: both give row 1), and the address text in that row of column AB
 * (row 1: every koppelkans in A; row j + 1: opgave j's items in Q) is the list. Excel
 * and LibreOffice evaluate a list source only when the dropdown opens (or a typed value
 * is checked), so this lookup costs nothing on recalculation; INDIRECT's volatility
 * does not reach the cells. At most 255 characters (Excel's limit on validation formulas).
 */
export function koppelkansListSource(lijstenSheet: string, firstRow: number): string {
  const ls = sheetRef(lijstenSheet);
  const col = (c: number) => `${ls}!$${L(c)}:$${L(c)}`;
  return `=INDIRECT(INDEX(${col(C.gRange)},IFERROR(MATCH(${ls}!$${L(C.wGroup)}${firstRow},${col(C.dKeyKk)},0),1)))`;
}

/** The sheet name as it starts an address inside a formula's text (quotes doubled for the string literal). */
function rangeTextPrefix(sheet: string): string {
  return `${sheetRef(sheet)}!`.replace(/"/g, '""');
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
 * The order in which the Keuzelijsten formulas read the longlist (column AC, numbers the
 * plan writes): position p holds the longlist row (1 = the first covered row) read at p.
 * The rows with an opgave come first, grouped by opgave in the order of each opgave's
 * first row and in longlist order within an opgave; then every other covered row (no
 * opgave, and the spare rows below the longlist) in longlist order. Opgaven are grouped by
 * the formulas' own key (`cleanName`, lower case: `keyFormula`).
 *
 * Why: the formulas find each opgave's first row and the next row of the same opgave by an
 * exact-match scan per *run* of equal keys (see the top of this file); read in this order
 * every opgave is one run whatever order the longlist has, so a longlist typed or pasted
 * in any order costs what a grouped one costs. A row a colleague adds or changes without
 * the add-in is read where it stands in this order (an added row among the spare rows, at
 * the end): the lists stay right, only that opgave's runs, and so the scans, grow until
 * the next plan writes the order again. In: the geometry and the raw longlist cells (index
 * 0 ↔ first covered row). Out: a permutation of 1..g.rows.
 */
export function lijstenOrder(g: LijstenGeometry, longlist: readonly { opgave: CellValue }[]): number[] {
  const groups = new Map<string, number[]>();
  const rest: number[] = [];
  for (let i = 0; i < g.rows; i++) {
    const key = cleanName(longlist[i]?.opgave ?? null).toLowerCase();
    if (!key) {
      rest.push(i + 1);
      continue;
    }
    const rows = groups.get(key);
    if (rows) rows.push(i + 1);
    else groups.set(key, [i + 1]);
  }
  return [...[...groups.values()].flat(), ...rest];
}

/**
 * What every Keuzelijsten formula evaluates to, computed by the engine from the raw
 * longlist cells (index 0 ↔ first covered row) and the werkblad's raw A/B cells (index
 * 0 ↔ werkbladFirstRow) and the order of column AC (`lijstenOrder`, the one the plan
 * writes; another one for a file whose longlist changed since): the cached results
 * written with the formulas, and the lists the dropdowns show. Keyed like `lijstenFormulas`.
 */
export function lijstenValues(
  g: LijstenGeometry,
  longlist: { opgave: CellValue; koppelkans: CellValue }[],
  werkblad: { opgave: CellValue; koppelkans: CellValue }[],
  order: readonly number[] = lijstenOrder(g, longlist),
): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const m = g.rows;
  const rawKk: string[] = [];
  const rawOp: string[] = [];
  for (let i = 0; i < m; i++) {
    rawKk.push(cleanName(longlist[i]?.koppelkans ?? null));
    rawOp.push(cleanName(longlist[i]?.opgave ?? null));
  }
  // what the formulas of columns B and J read: the longlist in the order of column AC (an
  // empty or unusable order cell reads as an empty row, as the formulas' IFERROR does)
  const at = (i: number) => {
    const x = order[i];
    return Number.isInteger(x) && x >= 1 && x <= m ? x - 1 : -1;
  };
  const kk = Array.from({ length: m }, (_, i) => (at(i) < 0 ? '' : rawKk[at(i)]));
  const op = Array.from({ length: m }, (_, i) => (at(i) < 0 ? '' : rawOp[at(i)]));
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
  // runs: blocks of consecutive rows with the same non-empty key (column I numbers them)
  const run: number[] = [];
  const runs: { pos: number; key: string; first: number; kk: number | '' }[] = [];
  const firstRunOf = new Map<string, number>();
  for (let i = 0; i < m; i++) {
    if (key[i] && key[i] !== (i > 0 ? key[i - 1] : '')) {
      const q = runs.length + 1;
      if (!firstRunOf.has(key[i])) firstRunOf.set(key[i], q);
      runs.push({ pos: i + 1, key: key[i], first: firstRunOf.get(key[i])!, kk: '' });
    }
    run.push(runs.length);
    const cur = runs[runs.length - 1];
    if (key[i] && kk[i] && cur.kk === '') cur.kk = i + 1;
  }
  const runNext = new Array<number | ''>(runs.length).fill('');
  const laterWithKk = new Map<number, number>(); // first run → the nearest later run of it with a koppelkans
  for (let q = runs.length; q >= 1; q--) {
    const x = runs[q - 1];
    runNext[q - 1] = laterWithKk.get(x.first) ?? '';
    if (x.kk !== '') laterWithKk.set(x.first, q);
  }
  const set = (r: number, c: number, v: CellValue) => out.set(`${r},${c}`, v);
  // running counts, groups
  const allList = rawKk.filter((x) => x);
  const distinctOpgaven: string[] = [];
  const group: (number | '')[] = [];
  let count = 0;
  let distinct = 0;
  let rawCount = 0;
  set(1, C.count, 0);
  set(1, C.distinct, 0);
  set(1, C.gGroup, 0);
  set(1, C.run, 0);
  set(1, C.rawCount, 0);
  for (let i = 0; i < m; i++) {
    const r = i + 2;
    if (rawKk[i]) rawCount++;
    set(r, C.rawCount, rawCount);
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
    set(r, C.next, next[i]);
    set(r, C.run, run[i]);
    const x = runs[i];
    set(r, C.runPos, x ? x.pos : '');
    set(r, C.runKey, x ? x.key : '');
    set(r, C.runFirst, x ? x.first : '');
    set(r, C.runKk, x ? x.kk : '');
    set(r, C.runFirstKk, x && x.kk !== '' ? x.first : '');
    set(r, C.runNext, x ? runNext[i] : '');
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
  // where each opgave's koppelkansen stand in Q (sheet rows), for the dropdowns' address texts
  // the text the formulas' string literals evaluate to: the sheet reference as is (rangeTextPrefix doubles a '"' for the literal)
  const lsText = `${sheetRef(g.lijstenSheet)}!`;
  const qCol = `$${columnLetter(C.gList)}$`;
  set(1, C.gRange, `${lsText}$${columnLetter(C.all)}$2:$${columnLetter(C.all)}$${1 + Math.max(1, count)}`);
  const items = new Array<number>(distinct + 1).fill(0);
  for (const x of grouped) items[x.group]++;
  let before = 0;
  for (let j = 1; j <= m; j++) {
    const n = j <= distinct ? items[j] : 0;
    set(j + 1, C.gRange, n ? `${lsText}${qCol}${before + 2}:${qCol}${before + 1 + n}` : '');
    before += n;
  }
  for (let w = g.werkbladFirstRow; w <= g.werkbladLastRow; w++) {
    const cells = werkblad[w - g.werkbladFirstRow];
    set(w, C.wGroup, escapeForMatch(nameKey(cells?.opgave ?? null)));
    set(w, C.wKey, nameKey(cells?.koppelkans ?? null));
  }
  return out;
}

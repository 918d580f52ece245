/**
 * The formula version stamp: a compact description of every formula in the workbook as the
 * product's plan leaves it, written by the plan (like any other cell) in one column (W) of the
 * hidden Keuzelijsten sheet. An adapter that pays for each byte it reads (Office.js: Excel
 * on the web refuses responses over 5 MB) reads the stamp instead of reading every formula
 * back, and rebuilds the snapshot's formulas from it; every adapter gives the same snapshot.
 *
 * Layout: per sheet, per column, runs of formula cells in consecutive rows that are the same
 * text with every digit sequence growing by a fixed step per row (a formula filled down:
 * `=SUM(C6:N6)`, `=SUM(C7:N7)` …; or `=IF(7>$C$393,…MATCH(6,…))` with 7 and 6 growing by 1).
 * The rule knows nothing of A1 references: a run is only formed when rebuilding each member
 * from the first gives exactly its text, so decoding is exact by construction.
 *
 * Text: `KKK-formules v1 <hash> <json>`, where hash is the 32-bit FNV-1a of the JSON (a
 * stamp a colleague edited or cut short is ignored), split into cells of at most
 * 30,000 characters (Excel holds 32,767 characters in a cell) from row 1 down.
 *
 * What the stamp cannot see: a formula a colleague changed in Excel without the add-in.
 * The adapter checks cheaply which cells hold formulas (see src/workbook/office/readSnapshot.ts);
 * "Opnieuw controleren" (a `verifyFormulas` read) always reads every formula.
 */
import { columnLetter } from './a1';
import { isInterleaved } from './interleaved';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { LIJST_COLUMNS } from './keuzelijsten';
import { sameName } from './layout';

export const FORMULA_STAMP = {
  /** Column W of the Keuzelijsten sheet (LIJST_COLUMNS.stamp): a free column inside the lists' width (A..AE), so the used range stays as it was. */
  column: LIJST_COLUMNS.stamp,
  /** Characters per cell (Excel's limit is 32,767). */
  chunk: 30_000,
  /** Cells read at most (64 × 30,000 characters: about 1.9 MB of stamp). */
  maxCells: 64,
  prefix: 'KKK-formules v1',
} as const;

/**
 * A run of the stamp: first row and column (1-based), number of rows, the first formula, the
 * step of each of its digit sequences per row (empty for a run of one).
 */
export type StampRun = [row: number, column: number, count: number, first: string, steps: number[]];

/** Formulas of the sheets the stamp describes: lower-case sheet name → formulas anchored at A1 (null: none). */
type FormulaLayout = Map<string, { name: string; formulas: (string | null)[][] }>;

const DIGITS = /(\d+)/;

/** Digit sequences of a formula as numbers, or null when one does not round-trip (leading zero, too long). */
function numbersOf(parts: string[]): number[] | null {
  const out: number[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const s = parts[i];
    if (s.length > 15 || (s.length > 1 && s[0] === '0')) return null;
    out.push(Number(s));
  }
  return out;
}

/**
 * A run's formulas as text pieces: member k is literals[0] + (bases[0] + k·steps[0]) +
 * literals[1] + … Digit sequences that do not change (step 0) are folded into the literal
 * text around them, so a long formula with few growing numbers is built from few pieces.
 */
interface RunTemplate {
  literals: string[];
  bases: number[];
  steps: number[];
}

/** The template of a run's first formula and steps, or null when they do not fit (not a run the encoder makes). */
function templateOf(first: string, steps: readonly number[]): RunTemplate | null {
  const parts = first.split(DIGITS);
  const numbers = numbersOf(parts);
  if (!numbers || numbers.length !== steps.length) return null;
  const literals: string[] = [];
  const bases: number[] = [];
  const varying: number[] = [];
  let literal = parts[0];
  for (let i = 0; i < numbers.length; i++) {
    if (steps[i] === 0) literal += parts[2 * i + 1] + parts[2 * i + 2];
    else {
      literals.push(literal);
      bases.push(numbers[i]);
      varying.push(steps[i]);
      literal = parts[2 * i + 2];
    }
  }
  literals.push(literal);
  return { literals, bases, steps: varying };
}

/** Member k (0 = the first) of a run with template `t`; digits print as String(number), as the encoder compared them. */
function memberOf(t: RunTemplate, k: number): string {
  let out = t.literals[0];
  for (let i = 0; i < t.bases.length; i++) out += String(t.bases[i] + k * t.steps[i]) + t.literals[i + 1];
  return out;
}

/** Whether `f` is member k of a run with template `t` (`memberOf(t, k) === f`, without building that text). */
function isMemberOf(t: RunTemplate, k: number, f: string): boolean {
  return isInterleaved(f, t.literals, (i) => t.bases[i] + k * t.steps[i]);
}

function runsOf(sheet: SheetSnapshot): StampRun[] {
  const formulas = sheet.formulas ?? [];
  let width = 0;
  for (const r of formulas) if (r && r.length > width) width = r.length;
  const runs: StampRun[] = [];
  const at = (r: number, c: number): string | null => {
    const f = formulas[r]?.[c];
    return typeof f === 'string' && f.startsWith('=') ? f : null;
  };
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < formulas.length) {
      const first = at(r, c);
      if (first === null) {
        r++;
        continue;
      }
      const parts = first.split(DIGITS);
      const numbers = numbersOf(parts);
      let count = 1;
      let steps: number[] = [];
      if (numbers) {
        const next = at(r + 1, c);
        const nextParts = next?.split(DIGITS);
        const nextNumbers = nextParts && nextParts.length === parts.length ? numbersOf(nextParts) : null;
        if (nextNumbers) {
          steps = nextNumbers.map((n, i) => n - numbers[i]);
          // compared piece by piece against the run's template (the same text `rebuild` makes,
          // without building it: a Totalen formula of 20 factors has about 200 pieces)
          const t = templateOf(first, steps);
          while (t && r + count < formulas.length) {
            const f = at(r + count, c);
            if (f === null || !isMemberOf(t, count, f)) break;
            count++;
          }
        }
      }
      runs.push([r + 1, c + 1, count, first, count > 1 ? steps : []]);
      r += count;
    }
  }
  return runs;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The stamp text describing every formula of `snapshot` (all sheets, the team's formulas
 * too: the stamp describes the workbook, not only what the product wrote), except the
 * Keuzelijsten stamp column (W) itself, which holds no formulas.
 */
function stampText(snapshot: WorkbookSnapshot): string {
  const sheets = snapshot.sheets.map((s) => [s.name, runsOf(s)] as const).filter(([, runs]) => runs.length);
  const json = JSON.stringify(sheets);
  return `${FORMULA_STAMP.prefix} ${fnv1a(json)} ${json}`;
}

/** The stamp text as the cells it is written to (column W from row 1 down), each at most 30,000 characters. */
function stampChunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += FORMULA_STAMP.chunk) out.push(text.slice(i, i + FORMULA_STAMP.chunk));
  return out;
}

/** The stamp cells of a Keuzelijsten sheet as read (column W from row 1), up to the first empty one. */
export function stampCellsOf(sheet: SheetSnapshot | undefined): string[] {
  const out: string[] = [];
  if (!sheet) return out;
  for (let r = 0; r < sheet.values.length && r < FORMULA_STAMP.maxCells; r++) {
    const v = sheet.values[r]?.[FORMULA_STAMP.column - 1];
    if (typeof v !== 'string' || v === '') break;
    out.push(v);
  }
  return out;
}

/** The stamp cells (values of column W from row 1; the first non-text or empty cell ends them) joined into the stamp's text. */
function joinCells(cells: readonly CellValue[]): string {
  let text = '';
  for (const v of cells) {
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  return text;
}

/** A stamp checked and parsed, before any formula text is built. */
export interface ParsedStamp {
  /** The stamp's text as read (its cells joined): a later read with the same text can reuse this parse. */
  text: string;
  /** Per described sheet (lower-case name): its name as written and its runs. */
  sheets: Map<string, { name: string; runs: StampRun[] }>;
}

/** True when `run` has the shape the encoder writes (a colleague's hand-made stamp with the right hash may not). */
function isRun(run: unknown): run is StampRun {
  if (!Array.isArray(run) || run.length !== 5) return false;
  const [row, column, count, first, steps] = run as unknown[];
  const whole = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
  // Excel's grid: 1,048,576 rows, 16,384 columns
  if (!whole(row, 1_048_576) || !whole(column, 16_384) || !whole(count, 1_048_577 - row)) return false;
  if (typeof first !== 'string' || !first.startsWith('=')) return false;
  if (!Array.isArray(steps) || !steps.every((n) => typeof n === 'number' && Number.isInteger(n))) return false;
  return count === 1 || templateOf(first, steps as number[]) !== null;
}

/**
 * Checks and parses the stamp cells (values of column W from row 1; the first non-text or
 * empty cell ends them) without building any formula text: the cost of a read whose sheets
 * turn out not to need the stamp, or need only some of its sheets (one hash over the text,
 * one JSON.parse; about 1.9 MB at most). `previous`: the parse of an earlier read, reused
 * as it is when the text is the same. Out: null when there is no stamp, another version of
 * it, or its hash does not match (a colleague edited or cut it), or it is not what the
 * encoder writes.
 */
export function parseStamp(cells: readonly CellValue[], previous?: ParsedStamp | null): ParsedStamp | null {
  const text = joinCells(cells);
  if (previous && previous.text === text) return previous;
  const head = `${FORMULA_STAMP.prefix} `;
  if (!text.startsWith(head)) return null;
  const hash = text.slice(head.length, head.length + 8);
  const json = text.slice(head.length + 9);
  if (fnv1a(json) !== hash) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const sheets = new Map<string, { name: string; runs: StampRun[] }>();
  for (const entry of parsed as unknown[]) {
    if (!Array.isArray(entry)) return null;
    const [name, runs] = entry as unknown[];
    if (typeof name !== 'string' || !Array.isArray(runs)) return null;
    const list = runs as unknown[];
    if (!list.every(isRun)) return null;
    sheets.set(name.toLowerCase(), { name, runs: list });
  }
  return { text, sheets };
}

/**
 * The formulas a sheet's runs describe, anchored at A1 (rows without a formula are empty
 * arrays, cells without one null): the text is built here, so call it only for a sheet
 * whose formulas are used (a read builds it on first use, see src/workbook/office/snapshotCache.ts).
 */
export function stampGrid(runs: readonly StampRun[]): (string | null)[][] {
  const formulas: (string | null)[][] = [];
  for (const [row, column, count, first, steps] of runs) {
    const t = count > 1 ? templateOf(first, steps) : null;
    for (let k = 0; k < count; k++) {
      const line = (formulas[row - 1 + k] ??= []);
      while (line.length < column - 1) line.push(null);
      line[column - 1] = k === 0 || !t ? first : memberOf(t, k);
    }
  }
  for (let i = 0; i < formulas.length; i++) formulas[i] ??= [];
  return formulas;
}

/** The last formula of a run (its first for a run of one): with the first, the two ends of what it reads. */
export function lastOfRun(run: StampRun): string {
  return runMember(run, run[2] - 1);
}

/** The formula of member `k` (0-based: the run's row + k) of a run, built alone (no other member's text). */
export function runMember(run: StampRun, k: number): string {
  const [, , count, first, steps] = run;
  const t = count > 1 && k > 0 ? templateOf(first, steps) : null;
  return t ? memberOf(t, k) : first;
}

/**
 * The cells a sheet's runs hold formulas in, per column (1-based): row intervals
 * [first, last], sorted and with adjacent ones joined. Built from the runs alone, no text.
 */
export function stampColumns(runs: readonly StampRun[]): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  for (const [row, column, count] of runs) {
    const list = out.get(column) ?? [];
    list.push([row, row + count - 1]);
    out.set(column, list);
  }
  for (const [column, list] of out) out.set(column, joinIntervals(list));
  return out;
}

/** Row intervals sorted, with overlapping or adjacent ones joined. */
export function joinIntervals(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Decodes the stamp cells into the formulas of every described sheet (see parseStamp for
 * when it is null). Builds all the text: an adapter builds only the sheets it needs
 * (parseStamp, stampGrid).
 */
export function decodeStamp(cells: readonly CellValue[]): FormulaLayout | null {
  const parsed = parseStamp(cells);
  if (!parsed) return null;
  const layout: FormulaLayout = new Map();
  for (const [key, { name, runs }] of parsed.sheets) layout.set(key, { name, formulas: stampGrid(runs) });
  return layout;
}

/** The formula cells of a layout sheet as "row,column" keys (1-based), to compare with what the host reports. */
export function formulaCells(formulas: readonly (readonly (string | null)[])[]): Set<string> {
  const out = new Set<string>();
  formulas.forEach((line, r) => line.forEach((f, c) => f && out.add(`${r + 1},${c + 1}`)));
  return out;
}

/**
 * The ops that write the stamp for the workbook `after` (the snapshot as the plan leaves
 * it) onto the Keuzelijsten sheet `lijsten` of `before`: nothing when the stamp there is
 * already this one; else the chunks from W1 down and old chunks below them cleared.
 */
export function planStamp(before: WorkbookSnapshot, after: WorkbookSnapshot, lijsten: string): PlanOp[] {
  const sheet = after.sheets.find((s) => sameName(s.name, lijsten));
  if (!sheet) return [];
  const old = stampCellsOf(before.sheets.find((s) => sameName(s.name, lijsten)));
  const chunks = stampChunks(stampText(after));
  if (old.length === chunks.length && old.every((c, i) => c === chunks[i])) return [];
  const cells: CellInput[][] = chunks.map((c) => [{ text: c }]);
  for (let i = chunks.length; i < old.length; i++) cells.push([{ clear: true }]);
  return [{ kind: 'setCells', sheet: sheet.name, cell: `${columnLetter(FORMULA_STAMP.column)}1`, cells }];
}

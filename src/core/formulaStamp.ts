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
 * "Opnieuw controleren" (a fresh read) always reads every formula.
 */
import { columnLetter } from './a1';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { LIJST_COLUMNS } from './keuzelijsten';
import { sameName } from './layout';

export const FORMULA_STAMP = {
  /** Column W of the Keuzelijsten sheet (LIJST_COLUMNS.stamp): a free column inside the lists' width (A..Z), so the used range stays as it was. */
  column: LIJST_COLUMNS.stamp,
  /** Characters per cell (Excel's limit is 32,767). */
  chunk: 30_000,
  /** Cells read at most (64 × 30,000 characters: about 1.9 MB of stamp). */
  maxCells: 64,
  prefix: 'KKK-formules v1',
} as const;

/** A run: first row and column (1-based), number of rows, the first formula, the step of each digit sequence per row. */
type Run = [row: number, column: number, count: number, first: string, steps: number[]];

/** Formulas of the sheets the stamp describes: lower-case sheet name → formulas anchored at A1 (null: none). */
export type FormulaLayout = Map<string, { name: string; formulas: (string | null)[][] }>;

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

function rebuild(parts: string[], numbers: number[], steps: number[], k: number): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i % 2 ? String(numbers[(i - 1) / 2] + k * steps[(i - 1) / 2]) : parts[i];
  return out;
}

function runsOf(sheet: SheetSnapshot): Run[] {
  const formulas = sheet.formulas ?? [];
  let width = 0;
  for (const r of formulas) if (r && r.length > width) width = r.length;
  const runs: Run[] = [];
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
          while (r + count < formulas.length) {
            const f = at(r + count, c);
            if (f === null || f !== rebuild(parts, numbers, steps, count)) break;
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

/**
 * Decodes the stamp cells (values of column W from row 1; the first non-text or empty cell
 * ends them). Out: the formulas of each described sheet, or null when there is no stamp,
 * another version of it, or its hash does not match (a colleague edited or cut it).
 */
export function decodeStamp(cells: readonly CellValue[]): FormulaLayout | null {
  let text = '';
  for (const v of cells) {
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  const head = `${FORMULA_STAMP.prefix} `;
  if (!text.startsWith(head)) return null;
  const hash = text.slice(head.length, head.length + 8);
  const json = text.slice(head.length + 9);
  if (fnv1a(json) !== hash) return null;
  let sheets: [string, Run[]][];
  try {
    sheets = JSON.parse(json) as [string, Run[]][];
  } catch {
    return null;
  }
  const layout: FormulaLayout = new Map();
  for (const [name, runs] of sheets) {
    const formulas: (string | null)[][] = [];
    for (const [row, column, count, first, steps] of runs) {
      const parts = first.split(DIGITS);
      const numbers = count > 1 ? numbersOf(parts) : null;
      for (let k = 0; k < count; k++) {
        const line = (formulas[row - 1 + k] ??= []);
        while (line.length < column - 1) line.push(null);
        line[column - 1] = k === 0 || !numbers ? first : rebuild(parts, numbers, steps, k);
      }
    }
    for (let i = 0; i < formulas.length; i++) formulas[i] ??= [];
    layout.set(name.toLowerCase(), { name, formulas });
  }
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

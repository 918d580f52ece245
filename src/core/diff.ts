/**
 * Comparing what the engine wants in cells with what the snapshot holds, so that a plan
 * for a workbook that already matches is empty.
 */
import { cellAddress } from './a1';
import { formulaAt, lacksCachedResult, valueAt } from './grid';
import { isLocked } from './protection';
import type { CellInput, CellValue, PlanOp, SheetSnapshot } from './snapshot';

export function cellMatches(sheet: SheetSnapshot | undefined, row: number, column: number, want: CellInput): boolean {
  const value = sheet ? valueAt(sheet, row, column) : null;
  const formula = sheet ? formulaAt(sheet, row, column) : null;
  if ('formula' in want) {
    if (formula === null || !sameFormula(formula, want.formula)) return false;
    // the cached result must be the engine's value too: a file written without it (older
    // versions, other tools: `noCachedResult`, whose null value would pass for "" or 0) or
    // with a stale one (data changed by a tool that does not recalculate) gets the formula
    // again with the right value
    if (want.result === undefined || sheet?.liveFormulas) return true;
    // a missing one is only worth a write where the cell may be written: never the reason a protected sheet refuses
    if (lacksCachedResult(sheet, row, column) && !(sheet?.protection?.protected && isLocked(sheet.protection, row, column))) return false;
    return sameResult(value, want.result);
  }
  if (formula !== null) return false;
  if ('text' in want) return want.text === '' ? value === null || value === '' : value === want.text;
  if ('number' in want) return typeof value === 'number' && value === want.number;
  if ('bool' in want) return value === want.bool;
  return value === null || value === '';
}

/** A cached formula value against the engine's: "" is empty, numbers to 1e-9 (relative). */
function sameResult(value: CellValue, result: number | string | boolean): boolean {
  const v = value === '' ? null : value;
  const r = result === '' ? null : result;
  // ExcelJS (the xlsx adapter) reads a cached 0 back as no value
  if (v === null && r === 0) return true;
  if (typeof v === 'number' && typeof r === 'number') return Math.abs(v - r) <= 1e-9 * Math.max(1, Math.abs(r));
  return v === r;
}

/**
 * Whether two formula texts (without the leading "=") are the same formula for the plan: they
 * compare without case and without spaces outside string literals ("…"), and without Excel's
 * `_xlfn.` prefix of newer functions (a file keeps `_xlfn.IFS`, the engine writes `IFS`); text
 * inside a string literal compares exactly.
 *
 * In: two formula texts of any length (characters). Out: true when equal under those rules.
 * Cost: one pass over both texts up to their first difference, without copies (a prepared
 * werkblad compares thousands of Totalen formulas of several KB each on every re-plan, issue 10).
 */
export function sameFormula(a: string, b: string): boolean {
  if (a === b) return true;
  const x = new FormulaCursor(a);
  const y = new FormulaCursor(b);
  for (;;) {
    const cx = x.next();
    const cy = y.next();
    if (cx !== cy) return false;
    if (cx === -1) return true;
  }
}

const SPACE = 0x20;
const QUOTE = 0x22;
const XLFN = '_XLFN.';

/** Reads a formula text as the characters `sameFormula` compares: upper case outside strings, spaces and `_xlfn.` skipped. */
class FormulaCursor {
  private at = 0;
  private inString = false;
  constructor(private readonly text: string) {}

  /** The next compared UTF-16 code unit, or -1 at the end. */
  next(): number {
    const s = this.text;
    while (this.at < s.length) {
      const c = s.charCodeAt(this.at);
      if (this.inString) {
        this.at++;
        if (c === QUOTE) this.inString = false;
        return c;
      }
      if (c === SPACE) {
        this.at++;
        continue;
      }
      if (c === 0x5f /* _ */ && s.length - this.at >= XLFN.length && s.slice(this.at, this.at + XLFN.length).toUpperCase() === XLFN) {
        this.at += XLFN.length;
        continue;
      }
      this.at++;
      if (c === QUOTE) {
        this.inString = true;
        return c;
      }
      // a-z to A-Z; other letters by their own upper case when it is one code unit (the engine's formulas are ASCII outside strings)
      if (c >= 0x61 && c <= 0x7a) return c - 0x20;
      if (c < 0x80) return c;
      const up = String.fromCharCode(c).toUpperCase();
      return up.length === 1 ? up.charCodeAt(0) : c;
    }
    return -1;
  }
}

/**
 * setCells ops for the rows of `cells` (top-left at row/column) that differ from the
 * snapshot; consecutive differing rows are written as one block. `cells` rows may
 * contain `undefined` for "leave this cell alone".
 */
export function diffBlock(sheetName: string, sheet: SheetSnapshot | undefined, row: number, column: number, cells: (CellInput | undefined)[][]): PlanOp[] {
  const ops: PlanOp[] = [];
  // split each row into runs of defined cells, then compare
  type Run = { r: number; c: number; cells: CellInput[] };
  const runs: Run[] = [];
  cells.forEach((line, i) => {
    let start = -1;
    for (let j = 0; j <= line.length; j++) {
      const defined = j < line.length && line[j] !== undefined;
      if (defined && start < 0) start = j;
      if (!defined && start >= 0) {
        runs.push({ r: row + i, c: column + start, cells: line.slice(start, j) as CellInput[] });
        start = -1;
      }
    }
  });
  const differing = runs.filter((run) => run.cells.some((want, j) => !cellMatches(sheet, run.r, run.c + j, want)));
  // merge vertically adjacent runs with the same columns and width
  let current: { r: number; c: number; width: number; rows: CellInput[][] } | null = null;
  for (const run of differing) {
    if (current && run.c === current.c && run.cells.length === current.width && run.r === current.r + current.rows.length) {
      current.rows.push(run.cells);
      continue;
    }
    if (current) ops.push({ kind: 'setCells', sheet: sheetName, cell: cellAddress(current.r, current.c), cells: current.rows });
    current = { r: run.r, c: run.c, width: run.cells.length, rows: [run.cells] };
  }
  if (current) ops.push({ kind: 'setCells', sheet: sheetName, cell: cellAddress(current.r, current.c), cells: current.rows });
  return ops;
}

export const text = (t: string): CellInput => ({ text: t });
export const num = (n: number): CellInput => ({ number: n });
/** A formula cell; `result` is the engine's value of it (the cached result in a file). */
export const formula = (f: string, result?: CellValue): CellInput => (result === undefined || result === null ? { formula: f } : { formula: f, result });
export const clear: CellInput = { clear: true };

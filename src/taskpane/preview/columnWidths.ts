/**
 * What the preview grid shows in a cell as text, and how wide its columns are: each as wide
 * as its longest text over every row of the sheet. At 5,000 rows the widths are kept up to
 * date from one read of the sheet to the next by looking again only at the rows whose arrays
 * changed (a typed score: one row and one computed total), not at every cell.
 */
import type { CellValue } from '../../core/snapshot';
import type { ComputedSheet } from './computedCells';

/** At most this many columns are shown (A…Z). */
export const MAX_COLUMNS = 26;
/** Column widths in CSS pixels: room per character at the grid's font size, the cell's padding and border, and the bounds. */
const CHAR_WIDTH = 6.5;
const CELL_PADDING = 13;
const MIN_WIDTH = 36;
const MAX_WIDTH = 192;
/** Text lengths from this one on all give MAX_WIDTH (textWidth(28) = 192): counted as this one. */
const LONGEST_COUNTED = Math.ceil((MAX_WIDTH - CELL_PADDING) / CHAR_WIDTH);

/** A cell's value as the grid shows it: booleans in Dutch, numbers rounded to 2 decimals with a decimal comma. */
export function display(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  if (typeof v === 'number') return String(Math.round(v * 100) / 100).replace('.', ',');
  return v;
}

/** Width in CSS pixels of a column showing at most `chars` characters (clamped between MIN_WIDTH and MAX_WIDTH). */
export function textWidth(chars: number): number {
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.ceil(chars * CHAR_WIDTH) + CELL_PADDING));
}

/** Widest a character can be at the grid's font size (12 px): digits and what numbers are written with, and anything else (1.5 em). */
const DIGIT_MAX = 8;
const CHAR_MAX = 18;

/** A character of a number as the grid shows it: a digit, decimal comma or point, minus or plus sign, space. */
function numberChar(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 44 || code === 46 || code === 45 || code === 43 || code === 32;
}

/**
 * Whether `text` may be wider than a column `width` CSS pixels wide (with the cell's padding),
 * counting every character as wide as a character of its kind can be. Widths are estimated
 * (CHAR_WIDTH per character), so a text as long as a column's longest may still not fit; only
 * such a cell is clipped with an ellipsis: a text that surely fits needs no clip.
 */
export function mayOverflow(text: string, width: number): boolean {
  const room = width - CELL_PADDING;
  if (text.length * CHAR_MAX <= room) return false;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    w += numberChar(text.charCodeAt(i)) ? DIGIT_MAX : CHAR_MAX;
    if (w > room) return true;
  }
  return false;
}

/** What a cell's text is for measuring: its value as the grid shows it, 'ƒx' (2) for a formula without a value; at most LONGEST_COUNTED. */
function shownLength(v: CellValue | undefined, formula: string | null | undefined): number {
  const n = v === null || v === undefined ? (typeof formula === 'string' && formula.startsWith('=') ? 2 : 0) : display(v).length;
  return Math.min(n, LONGEST_COUNTED);
}

/** Per column, how many cells have each text length (1…LONGEST_COUNTED; empty cells are not counted). */
class LengthCounts {
  private readonly counts: number[][] = [];

  change(column: number, from: number, to: number): void {
    if (from === to) return;
    const c = (this.counts[column] ??= []);
    if (from > 0) c[from]--;
    if (to > 0) c[to] = (c[to] ?? 0) + 1;
  }

  /** The longest length counted in `column` (0 when none). */
  longest(column: number): number {
    const c = this.counts[column];
    if (!c) return 0;
    for (let n = c.length - 1; n > 0; n--) if (c[n] > 0) return n;
    return 0;
  }

  get columns(): number {
    return this.counts.length;
  }
}

type Row = readonly CellValue[] | undefined;
type FormulaRow = readonly (string | null | undefined)[] | null | undefined;

/**
 * The longest text per column of one sheet's values and formulas (a formula cell without a
 * value shows 'ƒx'), at most MAX_COLUMNS columns. `update` takes the sheet as read now and
 * measures only the rows whose values or formulas array is not the one it saw last time
 * (the snapshots share unchanged rows between reads); any order of updates gives the counts
 * of the last sheet given.
 */
export class SheetLengths {
  private values: readonly Row[] = [];
  private formulas: readonly FormulaRow[] | undefined;
  /** Per row: the length of each cell, as counted. */
  private rows: (number[] | undefined)[] = [];
  private readonly counts = new LengthCounts();

  update(values: readonly Row[], formulas: readonly FormulaRow[] | undefined): void {
    const height = Math.max(values.length, formulas?.length ?? 0);
    const before = this.rows.length;
    for (let r = 0; r < Math.max(height, before); r++) {
      const v = values[r];
      const f = formulas?.[r];
      if (r < before && r < height && v === this.values[r] && f === this.formulas?.[r]) continue;
      const old = this.rows[r];
      const next = r < height ? lengthsOf(v, f) : undefined;
      const n = Math.max(old?.length ?? 0, next?.length ?? 0);
      for (let c = 0; c < n; c++) this.counts.change(c, old?.[c] ?? 0, next?.[c] ?? 0);
      this.rows[r] = next;
    }
    this.rows.length = height;
    this.values = values;
    this.formulas = formulas;
  }

  /** The longest length in column `c` (0-based). */
  longest(c: number): number {
    return this.counts.longest(c);
  }

  get columns(): number {
    return this.counts.columns;
  }
}

/** The text length of each cell of one row (at most MAX_COLUMNS). */
function lengthsOf(values: Row, formulas: FormulaRow): number[] | undefined {
  if (!values && !formulas) return undefined;
  const n = Math.min(MAX_COLUMNS, Math.max(values?.length ?? 0, formulas?.length ?? 0));
  const out: number[] = [];
  for (let c = 0; c < n; c++) out.push(shownLength(values?.[c], formulas?.[c]));
  return out;
}

/**
 * The longest text per column of the values the engine computed for a sheet's formula cells
 * (see ComputedSheet), kept up to date like SheetLengths: `update` compares each computed
 * value with the one it saw last time and measures only those that differ.
 */
export class ComputedLengths {
  /** Per column (0-based): the values seen last time, by row, and their lengths. */
  private seen = new Map<number, { byRow: (CellValue | undefined)[]; lengths: number[]; rest: number }>();
  private readonly counts = new LengthCounts();

  update(sheet: ComputedSheet | undefined): void {
    const now = new Set<number>();
    sheet?.columns.forEach((col, column) => {
      const c = column - 1;
      if (c < 0 || c >= MAX_COLUMNS) return;
      now.add(c);
      let s = this.seen.get(c);
      if (!s) {
        s = { byRow: [], lengths: [], rest: 0 };
        this.seen.set(c, s);
      }
      const rest = col.rest === undefined ? 0 : shownLength(col.rest, null);
      this.counts.change(c, s.rest, rest);
      s.rest = rest;
      const height = Math.max(col.byRow.length, s.byRow.length);
      for (let r = 0; r < height; r++) {
        const v = col.byRow[r];
        if (v === s.byRow[r] && r < s.lengths.length) continue;
        const n = v === undefined ? 0 : shownLength(v, null);
        this.counts.change(c, s.lengths[r] ?? 0, n);
        s.lengths[r] = n;
      }
      s.byRow = col.byRow.slice();
    });
    // columns no longer computed
    for (const [c, s] of this.seen) {
      if (now.has(c)) continue;
      this.counts.change(c, s.rest, 0);
      s.lengths.forEach((n) => this.counts.change(c, n, 0));
      this.seen.delete(c);
    }
  }

  longest(c: number): number {
    return this.counts.longest(c);
  }

  get columns(): number {
    return this.counts.columns;
  }
}

/**
 * What the Office adapter remembers of the workbook between reads, so that a read costs
 * what changed, not the whole workbook. Pure (no Office.js): the reader fills it, the
 * adapter marks what its own writes and Excel's change events touched, and the next read
 * loads only those ranges plus the formula cells that may depend on them.
 *
 * "Depends on": a formula cell on sheet T may change when sheet S changes if T is S or one
 * of T's formulas names S (`S!`, `'S'!`, case-insensitive). That is how Excel writes a
 * reference to another sheet; a formula without any sheet name is taken to depend on
 * every sheet (a defined name may point anywhere). Only the VALUES of dependent formula
 * cells are re-read: recalculation does not change a formula's text.
 */
import { parseRange, rangeAddress, sheetRef, type RangePos } from '../../core/a1';
import type { CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';

export interface CachedSheet {
  name: string;
  /** The host's id of the sheet (change events name sheets by id). */
  id: string;
  hidden: boolean;
  /** Values and formulas anchored at A1 (see SheetSnapshot). */
  values: CellValue[][];
  formulas: (string | null)[][];
  /** The values-only used range's address when last read in full or checked ("" = empty). */
  usedAddress: string;
  /** Formula runs (per column) and the sheets they name; computed on demand, dropped on change. */
  index?: FormulaIndex;
  /** Worksheet protection as the walk read it. */
  protection?: { protected: boolean; allowFormatCells: boolean; allowFormatColumns: boolean };
  /** Unlocked cells (A1 ranges) of a protected sheet; undefined: not read (yet). */
  unlocked?: string[];
  /** Merged areas (A1 ranges, "C5:F5"); undefined: not read (yet, or the host cannot). */
  merges?: string[];
}

interface FormulaIndex {
  /** Rectangles of formula cells: one column wide, consecutive rows. */
  runs: RangePos[];
  /** Lower-case sheet names the formulas refer to; 'any' when one names none. */
  refs: Set<string> | 'any';
}

/** A range to read again: `values` only for dependents, both for changed cells. */
export interface DirtyRange {
  pos: RangePos;
  formulas: boolean;
}

/** Dirty state of one sheet: some ranges, or the whole sheet. */
export type SheetDirt = { whole: true } | { whole: false; ranges: DirtyRange[] };

/** More dirty ranges than this on one sheet: read the whole sheet instead. */
const MAX_RANGES = 200;

function lower(name: string): string {
  return name.toLowerCase();
}

function buildIndex(sheet: CachedSheet): FormulaIndex {
  const runs: RangePos[] = [];
  let refs: Set<string> | 'any' = new Set();
  const open = new Map<number, RangePos>(); // column -> run still growing
  sheet.formulas.forEach((line, r) => {
    const row = r + 1;
    line?.forEach((f, c) => {
      if (!f) return;
      const column = c + 1;
      const run = open.get(column);
      if (run && run.end.row === row - 1) run.end.row = row;
      else {
        const fresh = { start: { row, column }, end: { row, column } };
        runs.push(fresh);
        open.set(column, fresh);
      }
      if (refs !== 'any') {
        const named = sheetNamesIn(f);
        if (!named.length) refs = 'any';
        else for (const n of named) refs.add(n);
      }
    });
  });
  return { runs, refs };
}

/**
 * Lower-case sheet names a formula refers to: `'Name with spaces'!A1` and `Name!A1`.
 * Text inside string literals is skipped.
 */
function sheetNamesIn(formula: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      i = formula.indexOf('"', i + 1);
      if (i < 0) break;
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === '!') out.push(lower(name));
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch) && (i === 0 || !/[A-Za-z0-9_.\u00C0-\uFFFF]/.test(formula[i - 1]))) {
      let j = i;
      while (j < formula.length && /[A-Za-z0-9_.\u00C0-\uFFFF]/.test(formula[j])) j++;
      if (formula[j] === '!') out.push(lower(formula.slice(i, j)));
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

function contains(outer: RangePos, inner: RangePos): boolean {
  return (
    outer.start.row <= inner.start.row && inner.end.row <= outer.end.row && outer.start.column <= inner.start.column && inner.end.column <= outer.end.column
  );
}

/** The written rectangle of a plan op, 'sheet' when it cannot be known before apply, null for no cells. */
function writtenBy(op: PlanOp): { sheet: string; pos: RangePos | 'sheet' } | null {
  switch (op.kind) {
    case 'setCells': {
      const { start } = parseRange(op.cell);
      const rows = op.cells.length;
      const columns = op.cells.reduce((m, line) => Math.max(m, line.length), 0);
      if (!rows || !columns) return null;
      return { sheet: op.sheet, pos: { start, end: { row: start.row + rows - 1, column: start.column + columns - 1 } } };
    }
    case 'setValidation':
    case 'setStyle':
    case 'setColumnWidths':
    case 'setRowHeights':
    case 'freeze':
      return null; // formats, validations, widths, heights, panes: not in the snapshot's cells
    default:
      // addSheet, appendRows, updateRowByKey, deleteRowByKey and any op added later:
      // where it lands is decided at apply time, so the whole sheet is read again
      return { sheet: op.sheet, pos: 'sheet' };
  }
}

export class SnapshotCache {
  /** Sheets in workbook order; null before the first full read. */
  sheets: CachedSheet[] | null = null;
  private readonly dirt = new Map<string, SheetDirt>();
  /** Set by an apply that read its own writes back in the same sync: the next read may skip its sync. */
  freshAfterApply = false;

  reset(): void {
    this.sheets = null;
    this.dirt.clear();
    this.freshAfterApply = false;
  }

  /** The cached sheet with this name (any case) or id. */
  find(nameOrId: string): CachedSheet | undefined {
    const l = lower(nameOrId);
    return this.sheets?.find((s) => lower(s.name) === l) ?? this.sheets?.find((s) => s.id === nameOrId);
  }

  /**
   * Marks what the caller heard changed. A sheet the cache does not know (new, or an id
   * never seen) makes the next read walk and read it in full anyway; an unreadable
   * range marks the whole sheet.
   */
  markHeard(changes: { sheet: string; range?: string }[]): void {
    for (const c of changes) {
      const sheet = this.find(c.sheet);
      if (!sheet) continue;
      let pos: RangePos | undefined;
      try {
        pos = c.range ? parseRange(c.range.includes('!') ? c.range.slice(c.range.lastIndexOf('!') + 1) : c.range) : undefined;
      } catch {
        pos = undefined;
      }
      this.markChanged(sheet.name, pos);
    }
  }

  dirtOf(name: string): SheetDirt | undefined {
    return this.dirt.get(lower(name));
  }

  hasDirt(): boolean {
    return this.dirt.size > 0;
  }

  clearDirt(name?: string): void {
    if (name === undefined) this.dirt.clear();
    else this.dirt.delete(lower(name));
  }

  /** Marks a sheet (or a range on it) as changed, and the formula cells that may depend on it. */
  markChanged(sheet: string, pos?: RangePos): void {
    this.freshAfterApply = false;
    if (pos && (pos.end.row - pos.start.row + 1) * (pos.end.column - pos.start.column + 1) > 1_000_000) pos = undefined;
    this.addDirt(sheet, pos ? { pos, formulas: true } : undefined);
    for (const dep of this.dependents(sheet)) this.addDirt(dep.sheet, { pos: dep.pos, formulas: false });
  }

  /** Marks what a plan writes (before or after it is applied). */
  markPlan(ops: PlanOp[]): void {
    for (const op of ops) {
      const w = writtenBy(op);
      if (!w) continue;
      this.markChanged(w.sheet, w.pos === 'sheet' ? undefined : w.pos);
    }
  }

  /** Formula runs on sheets whose formulas may read `sheet`. */
  dependents(sheet: string): { sheet: string; pos: RangePos }[] {
    const l = lower(sheet);
    const out: { sheet: string; pos: RangePos }[] = [];
    for (const s of this.sheets ?? []) {
      s.index ??= buildIndex(s);
      if (!s.index.runs.length) continue;
      if (lower(s.name) === l || s.index.refs === 'any' || s.index.refs.has(l)) {
        for (const pos of s.index.runs) out.push({ sheet: s.name, pos });
      }
    }
    return out;
  }

  private addDirt(sheet: string, range?: DirtyRange): void {
    const key = lower(sheet);
    const now = this.dirt.get(key);
    if (now?.whole) return;
    if (!range) {
      this.dirt.set(key, { whole: true });
      return;
    }
    const ranges = now ? now.ranges : [];
    const same = ranges.find((d) => contains(d.pos, range.pos) && (d.formulas || !range.formulas));
    if (same) return;
    ranges.push(range);
    this.dirt.set(key, ranges.length > MAX_RANGES ? { whole: true } : { whole: false, ranges });
  }

  /** Replaces the cells of `pos` on a cached sheet with what was read (formulas kept when not read). */
  patch(name: string, pos: RangePos, values: CellValue[][], formulas: (string | null)[][] | null): void {
    const sheet = this.find(name);
    if (!sheet) return;
    for (let i = 0; i < values.length; i++) {
      const r = pos.start.row - 1 + i;
      while (sheet.values.length <= r) sheet.values.push([]);
      while (sheet.formulas.length <= r) sheet.formulas.push([]);
      const vrow = [...sheet.values[r]];
      const frow = formulas ? [...sheet.formulas[r]] : sheet.formulas[r];
      for (let j = 0; j < values[i].length; j++) {
        const c = pos.start.column - 1 + j;
        while (vrow.length < c) vrow.push(null);
        vrow[c] = values[i][j];
        if (formulas) {
          while (frow.length < c) frow.push(null);
          frow[c] = formulas[i][j];
        }
      }
      sheet.values[r] = vrow;
      sheet.formulas[r] = frow;
    }
    if (formulas) sheet.index = undefined;
  }

  /**
   * Response bytes a load of `pos` is expected to cost, from what the cache holds there now
   * (values, and formulas when asked), plus `perCell` for every cell (JSON framing, and
   * room for the cell to have grown).
   */
  estimateBytes(name: string, pos: RangePos, formulas: boolean, perCell = 8): number {
    const sheet = this.find(name);
    let n = (pos.end.row - pos.start.row + 1) * (pos.end.column - pos.start.column + 1) * perCell * (formulas ? 2 : 1);
    if (!sheet) return n;
    const size = (v: unknown) => (typeof v === 'string' ? v.length * 1.1 + 3 : 0);
    for (let r = pos.start.row; r <= Math.min(pos.end.row, sheet.values.length); r++) {
      const vrow = sheet.values[r - 1];
      const frow = sheet.formulas[r - 1];
      for (let c = pos.start.column; c <= pos.end.column; c++) {
        n += size(vrow?.[c - 1]);
        if (formulas) n += size(frow?.[c - 1] ?? vrow?.[c - 1]);
      }
    }
    return n;
  }

  /**
   * The snapshot the engine gets: a fresh top-level object per read (views compare by
   * identity), sheets and rows shared with the cache (the engine never mutates a snapshot).
   */
  toSnapshot(): WorkbookSnapshot {
    return {
      sheets: (this.sheets ?? []).map((s): SheetSnapshot => ({
        name: s.name,
        values: s.values,
        formulas: s.formulas,
        hidden: s.hidden,
        liveFormulas: true,
        ...(s.merges?.length ? { merges: s.merges } : {}),
        ...(s.protection?.protected
          ? {
              protection: {
                protected: true,
                unlocked: s.unlocked ?? [],
                ...(s.protection.allowFormatCells ? { allowFormatCells: true } : {}),
                ...(s.protection.allowFormatColumns ? { allowFormatColumns: true } : {}),
              },
            }
          : {}),
      })),
    };
  }
}

/** "Blad!A1:C3" for messages and loads. */
export function qualified(sheet: string, pos: RangePos): string {
  return `${sheetRef(sheet)}!${rangeAddress(pos.start.row, pos.start.column, pos.end.row, pos.end.column)}`;
}

export { contains };

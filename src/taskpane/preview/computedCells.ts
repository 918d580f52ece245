/**
 * The preview's workbook does not calculate formulas. For the grid, the values Excel
 * would show in the engine's formula cells come from the analysis: the werkblad totals,
 * the Resultaat top 15 and the automatic rank and flag beside the Prioritering.
 */
import type { Analysis } from '../../core/analyze';
import { normalizeName, PRIORITERING, RESULTAAT } from '../../core/layout';
import type { CellValue } from '../../core/snapshot';

/** The computed values of one column of a sheet. */
interface ComputedColumn {
  /** By row number (1-based): the value of that row's cell; a hole where the row has none of its own. */
  byRow: (CellValue | undefined)[];
  /** The value of every cell of the column without one of its own (a formula that shows nothing until there is data). */
  rest?: CellValue;
}

/**
 * The values the engine computes for one sheet's formula cells, kept per column with the
 * rows as array indexes (at 5,000 rows a re-read after a typed score fills one array, it
 * builds no 5,000 "row:column" keys).
 */
export class ComputedSheet {
  /** Column number (1-based) → its computed values. */
  readonly columns = new Map<number, ComputedColumn>();

  /** Sets the value of (row, column), or with row '*' the value of the rest of the column; a later set wins. */
  set(row: number | '*', column: number, v: CellValue): void {
    let c = this.columns.get(column);
    if (!c) {
      c = { byRow: [] };
      this.columns.set(column, c);
    }
    if (row === '*') c.rest = v;
    else c.byRow[row] = v;
  }

  /**
   * The value computed for the cell at (row, column), both 1-based: the row's own value, else
   * (also when the row's own is null) the rest of the column's; undefined when nothing is
   * computed there.
   */
  at(row: number, column: number): CellValue | undefined {
    const c = this.columns.get(column);
    if (!c) return undefined;
    return c.byRow[row] ?? c.rest;
  }
}

/** sheet (normalised name) → its computed values. */
export type Computed = Map<string, ComputedSheet>;

export function computedCells(a: Analysis | null): Computed {
  const out: Computed = new Map();
  if (!a) return out;
  // one object per sheet, its name normalised once
  const sheets = new Map<string, ComputedSheet>();
  const sheetOf = (sheet: string): ComputedSheet => {
    let m = sheets.get(sheet);
    if (!m) {
      const k = normalizeName(sheet);
      m = out.get(k) ?? new ComputedSheet();
      out.set(k, m);
      sheets.set(sheet, m);
    }
    return m;
  };
  const put = (sheet: string | null, row: number | '*', column: number, v: CellValue) => {
    if (sheet) sheetOf(sheet).set(row, column, v);
  };
  // formulas that show nothing until there is data: empty unless set below
  const wb = a.werkblad;
  if (wb) put(wb.layout.sheet, '*', wb.layout.totalenColumn, '');
  for (let c = 1; c <= RESULTAAT.headers.length; c++) put(a.sheets.resultaat, '*', c, '');
  if (a.prioritering) {
    put(a.prioritering.layout.sheet, '*', a.prioritering.layout.columns.rang, '');
    put(a.prioritering.layout.sheet, '*', a.prioritering.layout.columns.signaal, '');
  }
  if (wb) {
    const totals = sheetOf(wb.layout.sheet);
    for (const r of wb.rows) totals.set(r.row, wb.layout.totalenColumn, r.total ?? (r.status === 'invalid' ? 'ongeldig' : null));
  }
  a.top.forEach((e, i) => {
    const row = RESULTAAT.firstRow + i;
    [e.rank, e.opgave, e.koppelkans, e.total, `${e.scored} van ${e.factors}`, e.row].forEach((v, c) => put(a.sheets.resultaat, row, c + 1, v));
  });
  const p = a.prioritering;
  if (p) {
    for (const e of p.entries) {
      put(p.layout.sheet, e.row, p.layout.columns.rang, e.autoRank);
      put(p.layout.sheet, e.row, p.layout.columns.signaal, e.needsReason ? PRIORITERING.deviationFlag : null);
    }
  }
  return out;
}

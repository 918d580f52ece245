/**
 * The preview's workbook does not calculate formulas. For the grid, the values Excel
 * would show in the engine's formula cells come from the analysis: the werkblad totals,
 * the Resultaat top 15 and the automatic rank and flag beside the Prioritering.
 */
import type { Analysis } from '../../core/analyze';
import { normalizeName, PRIORITERING, RESULTAAT } from '../../core/layout';
import type { CellValue } from '../../core/snapshot';

/** sheet (normalised name) → "row:column" (or "*:column" for the rest of a column) → value. */
export type Computed = Map<string, Map<string, CellValue>>;

export function computedCells(a: Analysis | null): Computed {
  const out: Computed = new Map();
  if (!a) return out;
  // one map per sheet, its name normalised once (5,000 totals at 5,000 rows)
  const sheets = new Map<string, Map<string, CellValue>>();
  const sheetMap = (sheet: string): Map<string, CellValue> => {
    let m = sheets.get(sheet);
    if (!m) {
      const k = normalizeName(sheet);
      m = out.get(k) ?? new Map<string, CellValue>();
      out.set(k, m);
      sheets.set(sheet, m);
    }
    return m;
  };
  const put = (sheet: string | null, row: number | '*', column: number, v: CellValue) => {
    if (sheet) sheetMap(sheet).set(`${row}:${column}`, v);
  };
  // formulas that show nothing until there is data: empty unless set below
  const wb = a.werkblad;
  if (wb) put(wb.layout.sheet, '*', wb.layout.totalenColumn, '');
  for (let c = 1; c <= RESULTAAT.headers.length; c++) put(a.sheets.resultaat, '*', c, '');
  if (a.prioritering) {
    put(a.prioritering.layout.sheet, '*', a.prioritering.layout.columns.rang, '');
    put(a.prioritering.layout.sheet, '*', a.prioritering.layout.columns.signaal, '');
  }
  if (wb) for (const r of wb.rows) put(wb.layout.sheet, r.row, wb.layout.totalenColumn, r.total ?? (r.status === 'invalid' ? 'ongeldig' : null));
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

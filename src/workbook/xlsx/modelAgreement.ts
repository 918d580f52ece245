/**
 * Whether ExcelJS's model of a package reads it as the package reader does
 * (package/readSheets.ts), before the command line lets an operation work on that model.
 *
 * The command line reads a workbook from its package and builds ExcelJS's model only when
 * an operation needs it (rows that move, a column inserted or removed, rows updated by
 * their key). ExcelJS misreads some packages without an error: a worksheet part whose name
 * is not `sheetN.xml`, or differs in case from its relationship's target (the sheet is
 * left out), a shared-string table under another name (its cells read as their index
 * numbers), a phonetic run in an inline string (the rest of the sheet is dropped), a cell
 * of type `d`. An operation on such a model would update the wrong rows or report a sheet
 * missing that is there. So the two readings are compared first and any difference
 * refuses the operation (WorkbookError `cannotEditLayout`, in Dutch, before anything is
 * written).
 */
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
import { cellAddress } from '../../core/a1';

/**
 * Two numbers read from one cell count as the same: ExcelJS turns a number in a date
 * format into a Date rounded to the millisecond, about 1.2e-8 of a day.
 */
const NUMBER_TOLERANCE = 1e-6;

/** What is compared of a sheet. */
type SheetCells = Pick<SheetSnapshot, 'name' | 'values' | 'formulas'>;

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= NUMBER_TOLERANCE * Math.max(1, Math.abs(x));
  return x === y;
}

/**
 * The first difference between two readings of one package.
 * In: the sheets as ExcelJS's model gives them and as the package reader gives them (both
 * `SheetSnapshot`s, in workbook order). Out: null when they have the same sheets (names, in
 * order) and every cell the same value (numbers within `NUMBER_TOLERANCE`, relative) and
 * formula; else where they first differ: the sheet (by the package's reading) and, for a
 * cell, its A1 address. Merges, protection and validations are not compared (each reader
 * has its own tests against the other).
 */
export function modelDisagreement(model: SheetCells[], pkg: SheetCells[]): { sheet: string; cell?: string } | null {
  for (let i = 0; i < Math.max(model.length, pkg.length); i++) {
    const m = model[i];
    const p = pkg[i];
    if (!m || !p || m.name !== p.name) return { sheet: (p ?? m).name };
    const mf = m.formulas ?? [];
    const pf = p.formulas ?? [];
    const rows = Math.max(m.values.length, p.values.length, mf.length, pf.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(m.values[r]?.length ?? 0, p.values[r]?.length ?? 0, mf[r]?.length ?? 0, pf[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        if (!sameValue(m.values[r]?.[c], p.values[r]?.[c]) || (mf[r]?.[c] ?? null) !== (pf[r]?.[c] ?? null))
          return { sheet: p.name, cell: cellAddress(r + 1, c + 1) };
      }
    }
  }
  return null;
}

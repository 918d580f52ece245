/**
 * Formulas of sheets read in full, taken from the formula stamp (src/core/formulaStamp.ts)
 * instead of Range.formulas: reading every formula back was most of the bytes a full read
 * cost (2.1 MB of 2.6 MB at 1,000 × 12; the hidden Keuzelijsten sheet above all).
 *
 * One sync, before the cells are read: the stamp cells (Keuzelijsten!W1:W64, values) and,
 * per sheet to be read in full, the address of its formula cells
 * (Range.getSpecialCellsOrNullObject("Formulas") on the whole sheet, ExcelApi 1.9: Excel on
 * the web, Windows and Mac). A sheet's formulas come from the stamp only when the cells that
 * hold a formula are exactly the cells the stamp describes; a sheet without any formula
 * needs no stamp at all. Everything else reads Range.formulas as before.
 *
 * Trade-off: this catches a formula a colleague deleted, typed over, added or moved (rows
 * inserted or deleted, sorting, cut and paste) in Excel without the add-in, but not one
 * whose text a colleague edited in place while it stayed a formula. Such an edit is seen by
 * "Opnieuw controleren" (a `fresh` read: every formula is read back) and by any read after
 * a change event for that cell (changed cells are always read with their formulas).
 */
import { columnLetter, parseRange } from '../../core/a1';
import { decodeStamp, formulaCells, FORMULA_STAMP, type FormulaLayout } from '../../core/formulaStamp';
import { SHEET_NAMES, sameName } from '../../core/layout';
import { officeErrorCode } from './officeErrors';

/** Range.getSpecialCells (ExcelApi 1.9). */
const SPECIAL_CELLS_API = '1.9';

/** The A1 areas of a RangeAreas address ("'Blad 1'!A1:B2,'Blad 1'!D4"), as "A1:B2", "D4:D4". */
function areasOf(address: string): string[] {
  const out: string[] = [];
  let part = '';
  let quoted = false;
  for (const ch of `${address},`) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      const cells = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
      const bare = cells.replace(/\$/g, '').trim().toUpperCase();
      if (bare) out.push(bare.includes(':') ? bare : `${bare}:${bare}`);
      part = '';
    } else part += ch;
  }
  return out;
}

/** True when the areas of `address` ("" or null: no formula anywhere) cover exactly the cells of `expected`. */
function sameFormulaCells(address: string | null, expected: Set<string>): boolean {
  if (!address) return expected.size === 0;
  let count = 0;
  for (const area of areasOf(address)) {
    const pos = parseRange(area);
    for (let r = pos.start.row; r <= pos.end.row; r++)
      for (let c = pos.start.column; c <= pos.end.column; c++) {
        if (!expected.has(`${r},${c}`)) return false;
        count++;
      }
  }
  return count === expected.size;
}

/**
 * For `sheets` (names of sheets about to be read in full): the formulas of each whose
 * formula cells match the stamp (anchored at A1; an empty grid for a sheet without
 * formulas), by lower-case name. Sheets not in the answer read their formulas. An Excel
 * without ExcelApi 1.9, or a sync Excel refuses (too many areas), answers nothing.
 */
export async function stampedFormulas(
  context: Excel.RequestContext,
  sheets: string[],
  allSheets: string[],
  supports: ((name: string, version: string) => boolean) | undefined,
): Promise<Map<string, (string | null)[][]>> {
  const out = new Map<string, (string | null)[][]>();
  if (!sheets.length || !supports?.('ExcelApi', SPECIAL_CELLS_API)) return out;
  const worksheets = context.workbook.worksheets;
  const lijsten = allSheets.find((s) => sameName(s, SHEET_NAMES.lijsten));
  const col = columnLetter(FORMULA_STAMP.column);
  const stampRange = lijsten ? worksheets.getItem(lijsten).getRange(`${col}1:${col}${FORMULA_STAMP.maxCells}`) : null;
  stampRange?.load('values');
  const checks = sheets.map((name) => {
    const areas = worksheets.getItem(name).getRange().getSpecialCellsOrNullObject('Formulas');
    areas.load('address');
    return { name, areas };
  });
  try {
    await context.sync();
  } catch (err) {
    if (officeErrorCode(err) === 'InvalidOperationInCellEditMode') throw err;
    return out;
  }
  const layout: FormulaLayout | null = stampRange ? decodeStamp((stampRange.values as unknown[][]).map((line) => line[0] as string)) : null;
  for (const { name, areas } of checks) {
    const described = layout?.get(name.toLowerCase());
    // without a stamp only a sheet without formulas is known
    if (!layout && !areas.isNullObject) continue;
    const formulas = described?.formulas ?? [];
    if (sameFormulaCells(areas.isNullObject ? null : areas.address, formulaCells(formulas))) out.set(name.toLowerCase(), formulas);
  }
  return out;
}

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
 * Cost: the stamp is checked (its hash) and parsed once, and again only when its text
 * changed; the check against the formula cells works on the stamp's runs, and no formula
 * text is built here (the cache builds a sheet's formulas when something uses them,
 * src/workbook/office/snapshotCache.ts setStampedFormulas). Building every formula of a
 * 10,000-row workbook is about 12.6 million characters.
 *
 * Trade-off: this catches a formula a colleague deleted, typed over, added or moved (rows
 * inserted or deleted, sorting, cut and paste) in Excel without the add-in, but not one
 * whose text a colleague edited in place while it stayed a formula. Such an edit is seen by
 * "Opnieuw controleren" (a `verifyFormulas` read: every formula is read back) and by any read after
 * a change event for that cell (changed cells are always read with their formulas).
 */
import { columnLetter, parseRange } from '../../core/a1';
import { FORMULA_STAMP, joinIntervals, parseStamp, stampColumns, type ParsedStamp, type StampRun } from '../../core/formulaStamp';
import { SHEET_NAMES, sameName } from '../../core/layout';
import { officeErrorCode } from './officeErrors';
import { areasOf } from './rangeAreas';

/** Range.getSpecialCells (ExcelApi 1.9). */
const SPECIAL_CELLS_API = '1.9';

/**
 * True when the areas of `address` ("" or null: no formula anywhere) cover exactly the
 * cells of `expected` (per column, joined row intervals: stampColumns).
 */
function sameFormulaCells(address: string | null, expected: Map<number, [number, number][]>): boolean {
  if (!address) return expected.size === 0;
  const found = new Map<number, [number, number][]>();
  for (const area of areasOf(address)) {
    const pos = parseRange(area);
    for (let c = pos.start.column; c <= pos.end.column; c++) {
      const list = found.get(c) ?? [];
      list.push([pos.start.row, pos.end.row]);
      found.set(c, list);
    }
  }
  if (found.size !== expected.size) return false;
  for (const [column, list] of found) {
    const want = expected.get(column);
    const got = joinIntervals(list);
    if (!want || want.length !== got.length || got.some(([a, b], i) => a !== want[i][0] || b !== want[i][1])) return false;
  }
  return true;
}

/** What the reader keeps between reads for the stamp: its supported API sets and the last stamp parsed. */
interface StampState {
  /** Office.context.requirements.isSetSupported; absent: none of the newer API sets. */
  supports?: (name: string, version: string) => boolean;
  /** The stamp parsed by an earlier read (reused while its text is the same); null: none found. */
  stamp?: ParsedStamp | null;
}

/**
 * For `sheets` (names of sheets about to be read in full): the stamp's runs for each whose
 * formula cells match the stamp (an empty list for a sheet without formulas), by
 * lower-case name; the formulas themselves are built from the runs when used (see the file
 * comment). Sheets not in the answer read their formulas. An Excel without ExcelApi 1.9,
 * or a sync Excel refuses (too many areas), answers nothing. `state.stamp` keeps the parse.
 */
export async function stampedFormulas(
  context: Excel.RequestContext,
  sheets: string[],
  allSheets: string[],
  state: StampState,
): Promise<Map<string, readonly StampRun[]>> {
  const out = new Map<string, readonly StampRun[]>();
  if (!sheets.length || !state.supports?.('ExcelApi', SPECIAL_CELLS_API)) return out;
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
  const stamp = stampRange
    ? parseStamp(
        (stampRange.values as unknown[][]).map((line) => line[0] as string),
        state.stamp,
      )
    : null;
  state.stamp = stamp;
  for (const { name, areas } of checks) {
    // without a stamp only a sheet without formulas is known
    if (!stamp && !areas.isNullObject) continue;
    const runs = stamp?.sheets.get(name.toLowerCase())?.runs ?? [];
    if (sameFormulaCells(areas.isNullObject ? null : areas.address, stampColumns(runs))) out.set(name.toLowerCase(), runs);
  }
  return out;
}

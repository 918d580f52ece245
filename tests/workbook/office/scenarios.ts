/**
 * Pane operations against the fake Excel (fakeExcel.ts), shared by the unit tests and
 * `npm run bench -- office`, so that a test's bound and the bench's figure count the same
 * thing on the same workbook.
 */
import { SHEET_NAMES, WERKBLAD } from '../../../src/core/layout';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../../src/workbook/operations';
import { bigWorkbook, factorNames } from '../../../scripts/bench/support/workbooks';
import { FakeBook } from './fakeExcel';

export const noWait = { retry: { sleep: async () => undefined } };
export const SCENARIO_NOW = new Date('2026-11-28T10:00:00Z');

/**
 * A Koppelkansen workbook of `rows` koppelkansen × `factors` succesfactoren in a fresh fake
 * Excel: the layout made through the adapter, the rows typed in (as a team pastes them),
 * and, unless `prepared` is false, "Werkmap voorbereiden" run on it (totals, dropdowns,
 * Keuzelijsten, Resultaat), as a workbook in use looks.
 */
export async function koppelkansenFakeBook(rows: number, factors: number, prepared = true): Promise<FakeBook> {
  const book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, noWait);
  await createKoppelkansenWorkbook(port, { factors: factorNames(factors), now: SCENARIO_NOW });
  const data = bigWorkbook(rows, factors).sheets[0].values.slice(WERKBLAD.firstDataRow - 1, WERKBLAD.firstDataRow - 1 + rows);
  book.sheet(SHEET_NAMES.werkblad).setGrid(
    `A${WERKBLAD.firstDataRow}`,
    data.map((line) => line.slice(0, 2 + factors)),
  );
  if (prepared) await prepareWorkbook(new OfficeWorkbook(book.run, noWait), { now: SCENARIO_NOW });
  return book;
}

/** The werkblad cell `typeOneScore` types into: a score in the middle row. */
function typedCell(rows: number): string {
  return `C${WERKBLAD.firstDataRow + Math.floor(rows / 2)}`;
}

/**
 * One score typed in the pane, as the session does it: the write (apply), the read right
 * after it (`afterApply`), and the read for the change event Excel raises for that cell
 * (Excel before ExcelApi 1.14 raises it for the add-in's own writes as for anyone's; newer
 * Excel names them and subscribeToChanges skips them). Measured on `book`: round trips
 * (syncs), bytes sent and received, the largest request or response.
 */
export async function typeOneScore(book: FakeBook, port: OfficeWorkbook, rows: number, score = 7) {
  const cell = typedCell(rows);
  const werkbladId = book.sheet(SHEET_NAMES.werkblad).id;
  return book.measure(async () => {
    await port.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell, cells: [[{ number: score }]] }] });
    const after = await port.readSnapshot({ afterApply: true });
    const heard = await port.readSnapshot({ changed: [{ sheet: werkbladId, range: cell }] });
    return { after, heard, cell };
  });
}

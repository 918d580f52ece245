/**
 * The workbook's date system through the Office.js adapter (issue 9). Excel's calculation
 * engine evaluates DATE(1904,1,1) through the worksheet Functions API: 0 in the 1904 date
 * system, 1462 in the 1900 one (Microsoft, "Date systems in Excel"). The fake evaluates DATE
 * in the book's date system, as Excel does.
 */
import { readChecklist } from '../../../src/core/checklist';
import type { Problem } from '../../../src/core/problems';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { CHECKLIST, SHEET_NAMES } from '../../../src/core/layout';
import { ymdToSerial } from '../../../src/core/dates';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { FakeBook } from './fakeExcel';
import { assertNoSentinels } from './strictMock';

const noWait = { retry: { sleep: async () => undefined } };
const NOW = new Date('2026-11-28T10:00:00Z');

/** The checklist as the engine reads it from the snapshot, in the snapshot's date system. */
function checklistOf(snapshot: WorkbookSnapshot) {
  const problems: Problem[] = [];
  const state = readChecklist(snapshot.sheets[0], NOW, problems, !!snapshot.date1904);
  return { ...state, problems };
}

/** A workbook with only the WUP checklist's overstap date (30-06-2036) as the sheet stores it in its own date system. */
function checklistBook(date1904: boolean): { book: FakeBook; port: OfficeWorkbook } {
  const book = new FakeBook([SHEET_NAMES.checklist]);
  book.date1904 = date1904;
  book
    .sheet(SHEET_NAMES.checklist)
    .setGrid('A1', [[CHECKLIST.title], [], [CHECKLIST.dateLabel, null, ymdToSerial(2036, 6, 30, date1904)]])
    .setGrid(`A${CHECKLIST.headerRow}`, [[...CHECKLIST.headers]]);
  return { book, port: new OfficeWorkbook(book.run, noWait) };
}

describe('the date system is read in released Excel, in the walk’s own sync', () => {
  test.each([
    [true, 2036],
    [false, 2036],
  ])('1904 system %s: the snapshot says so and the overstap date 30-06-2036 is read as %i (deadline 2028)', async (date1904, year) => {
    const { book, port } = checklistBook(date1904);
    const read = await book.measure(() => port.readSnapshot());
    expect(!!read.result.date1904).toBe(date1904);
    const a = checklistOf(read.result);
    expect(a.overstapYear).toBe(year);
    expect(a.deadlineYear).toBe(year - CHECKLIST.yearsAhead);
    expect(a.late).toBe(false);
    // the probe rides along with the walk: a one-sheet workbook costs the walk and its cells, as before
    expect(read.syncs).toBe(2);
    expect(book.sentinelReads).toEqual([]);
    assertNoSentinels(read.result);
  });

  test('regression: the 1904 system was read from Workbook.use1904DateSystem (preview API set only) when ExcelApi 1.16 was supported, so released Excel read 30-06-2036 as 2032 ("already past")', async () => {
    const { port } = checklistBook(true);
    // a released Excel with every released requirement set, and no use1904DateSystem
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    try {
      const a = checklistOf(await port.readSnapshot());
      expect(a.overstapYear).toBe(2036);
      expect(a.problems.some((p) => p.code === 'CHECKLIST_LATE')).toBe(false);
    } finally {
      delete g.Office;
    }
  });

  test('the date system is probed once per session, not on every read', async () => {
    const { book, port } = checklistBook(true);
    await port.readSnapshot();
    const evaluated = book.functionEvaluations;
    expect(evaluated).toBe(1);
    const again = await port.readSnapshot({ changed: [{ sheet: SHEET_NAMES.checklist, range: 'C3' }] });
    expect(again.date1904).toBe(true);
    expect(book.functionEvaluations).toBe(evaluated);
  });

  test('a probe Excel cannot evaluate keeps the 1900 system, and the read goes on', async () => {
    const { book, port } = checklistBook(false);
    book.functionError = '#VALUE!';
    const snapshot = await port.readSnapshot();
    expect(snapshot.date1904).toBeUndefined();
    expect(snapshot.sheets.map((s) => s.name)).toEqual([SHEET_NAMES.checklist]);
  });
});

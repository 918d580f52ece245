/**
 * The setPageSetup plan op through the Office.js adapter (Worksheet.pageLayout, ExcelApi
 * 1.9), against the fake Excel: set only where the sheet has no setting of its own, the
 * team's print area and titles kept with a warning, skipped with a warning on an Excel
 * without ExcelApi 1.9, and a constant number of round trips whatever the rows.
 */
import { SHEET_NAMES, WERKBLAD } from '../../../src/core/layout';
import type { CellInput, PlanOp } from '../../../src/core/snapshot';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { createKoppelkansenWorkbook } from '../../../src/workbook/operations';
import { applyWarningProblems } from '../../../src/workbook/applyWarnings';
import { FakeBook } from './fakeExcel';

const noWait = { sleep: async () => undefined };
const excel19 = { retry: noWait, isSetSupported: (_name: string, version: string) => Number(version.split('.')[1]) <= 9 };
const excel18 = { retry: noWait, isSetSupported: (_name: string, version: string) => Number(version.split('.')[1]) <= 8 };
const t = (s: string): CellInput => ({ text: s });

let book: FakeBook;
afterEach(() => {
  expect(book.sentinelReads).toEqual([]);
});

const OURS: PlanOp = {
  kind: 'setPageSetup',
  sheet: 'Blad 1',
  orientation: 'landscape',
  fitToWidth: 1,
  printTitleRows: { first: 1, last: 2 },
  printArea: 'A1:F50',
};

function rows(n: number): PlanOp {
  return { kind: 'setCells', sheet: 'Blad 1', cell: 'A1', cells: Array.from({ length: n }, (_, i) => [t(`rij ${i + 1}`), { number: i }]) };
}

test('a new Koppelkansen workbook prints as a few pages: the werkblad landscape, one page wide, titles and area set', async () => {
  book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, excel19);
  const made = await book.measure(() => createKoppelkansenWorkbook(port, { factors: ['Warmte', 'Groen'], now: new Date('2026-11-28T10:00:00Z') }));
  expect(made.result.applied?.warnings).toBeUndefined();
  const ws = book.sheet(SHEET_NAMES.werkblad).pageLayout;
  expect(ws.orientation).toBe('Landscape');
  expect(ws.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  expect(ws.printTitleRows).toBe(`'${SHEET_NAMES.werkblad}'!${WERKBLAD.factorRow}:${WERKBLAD.weightRow}`);
  expect(ws.printArea).toMatch(new RegExp(`^'${SHEET_NAMES.werkblad}'!A1:[A-Z]+\\d+$`));
  // the walk of the empty workbook, the writes (page setup read with them), the page setup
  expect(made.syncs).toBe(3);
});

test('page setup costs one sync more than the writes, however many rows the plan writes', async () => {
  const syncsFor = async (n: number) => {
    book = new FakeBook(['Blad 1']);
    const port = new OfficeWorkbook(book.run, excel19);
    const r = await book.measure(() => port.apply({ ops: [rows(n), OURS] }));
    expect(book.sheet('Blad 1').pageLayout.printArea).toBe("'Blad 1'!A1:F50");
    return r.syncs;
  };
  const small = await syncsFor(10);
  const big = await syncsFor(5000);
  expect(small).toBe(2); // the writes with the page setup read, then the page setup
  expect(big).toBe(small);
  // a plan of page setup only: read, then set
  book = new FakeBook(['Blad 1']);
  const port = new OfficeWorkbook(book.run, excel19);
  expect((await book.measure(() => port.apply({ ops: [OURS] }))).syncs).toBe(2);
});

test("the team's own print area, print titles and scaling are kept, with a warning naming theirs and ours; applying twice is applying once", async () => {
  book = new FakeBook(['Blad 1']);
  const sheet = book.sheet('Blad 1');
  sheet.pageLayout = { orientation: 'Portrait', zoom: { scale: 80 }, printArea: "'Blad 1'!A1:C20", printTitleRows: "'Blad 1'!3:3" };
  const port = new OfficeWorkbook(book.run, excel19);
  const once = await port.apply({ ops: [rows(3), OURS] });
  expect(sheet.pageLayout).toEqual({ orientation: 'Portrait', zoom: { scale: 80 }, printArea: "'Blad 1'!A1:C20", printTitleRows: "'Blad 1'!3:3" });
  expect(once.warnings).toEqual([
    { kind: 'pageSetupKept', sheet: 'Blad 1', name: 'Print_Titles', theirs: "'Blad 1'!3:3", ours: "'Blad 1'!$1:$2" },
    { kind: 'pageSetupKept', sheet: 'Blad 1', name: 'Print_Area', theirs: "'Blad 1'!A1:C20", ours: "'Blad 1'!$A$1:$F$50" },
  ]);
  const twice = await port.apply({ ops: [OURS] });
  expect(sheet.pageLayout.printArea).toBe("'Blad 1'!A1:C20");
  expect(twice.warnings).toEqual(once.warnings);
});

test('only what the sheet lacks is set: a team print area stays, the rest is ours; the same area as ours says nothing', async () => {
  book = new FakeBook(['Blad 1']);
  const sheet = book.sheet('Blad 1');
  sheet.pageLayout.printArea = "'Blad 1'!A1:F50";
  const port = new OfficeWorkbook(book.run, excel19);
  const r = await port.apply({ ops: [OURS] });
  expect(r.warnings).toBeUndefined();
  // orientation is only ours on an untouched page setup (Office.js cannot tell a chosen "Staand" from the default)
  expect(sheet.pageLayout).toEqual({
    orientation: 'Portrait',
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printArea: "'Blad 1'!A1:F50",
    printTitleRows: "'Blad 1'!1:2",
  });
  // a landscape sheet of the team stays landscape when we ask for portrait
  sheet.pageLayout = { orientation: 'Landscape', zoom: { scale: 100 }, printArea: null, printTitleRows: null };
  await port.apply({ ops: [{ kind: 'setPageSetup', sheet: 'Blad 1', orientation: 'portrait' }] });
  expect(sheet.pageLayout.orientation).toBe('Landscape');
});

test('an Excel without ExcelApi 1.9 keeps its page setup, costs no sync for it, and says so per sheet', async () => {
  book = new FakeBook(['Blad 1']);
  const port = new OfficeWorkbook(book.run, excel18);
  const r = await book.measure(() => port.apply({ ops: [rows(3), OURS, { ...OURS, printArea: 'A1:B2' }] }));
  expect(r.syncs).toBe(1);
  expect(r.result.warnings).toEqual([{ kind: 'pageSetupUnsupported', sheet: 'Blad 1' }]);
  expect(book.sheet('Blad 1').pageLayout).toEqual({ orientation: 'Portrait', zoom: { scale: 100 }, printArea: null, printTitleRows: null });
  expect(book.sheet('Blad 1').cell('A3')?.value).toBe('rij 3');
});

test('a page setup for a sheet the same plan adds is set on that new sheet', async () => {
  book = new FakeBook(['Blad 1']);
  const port = new OfficeWorkbook(book.run, excel19);
  await port.apply({
    ops: [
      { kind: 'addSheet', sheet: "Longlist 's-Hertogenbosch" },
      { ...OURS, sheet: "Longlist 's-Hertogenbosch" },
    ],
  });
  expect(book.sheet("Longlist 's-Hertogenbosch").pageLayout.printTitleRows).toBe("'Longlist ''s-Hertogenbosch'!1:2");
});

test('the warnings reach the pane as Dutch problems on the sheet they are about', () => {
  book = new FakeBook();
  const problems = applyWarningProblems([
    { kind: 'pageSetupKept', sheet: 'Blad 1', name: 'Print_Area', theirs: "'Blad 1'!A1:C20", ours: "'Blad 1'!$A$1:$F$50" },
    { kind: 'pageSetupUnsupported', sheet: 'Prioritering' },
  ]);
  expect(problems.map((p) => [p.code, p.sheet, p.cell, p.severity])).toEqual([
    ['PAGE_SETUP_KEPT', 'Blad 1', 'A1', 'info'],
    ['PAGE_SETUP_UNSUPPORTED', 'Prioritering', 'A1', 'info'],
  ]);
  expect(problems[0].message).toContain("eigen afdrukbereik ('Blad 1'!A1:C20)");
  expect(problems[1].message).toMatch(/ExcelApi 1\.9.*Pagina-indeling/);
});

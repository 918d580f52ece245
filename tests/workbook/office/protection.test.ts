/**
 * Protected sheets through the Office.js adapter, with Excel's behaviour modelled in the
 * test double (a write to a locked cell, a format or a validation on a protected sheet
 * throws AccessDenied): the adapter reads the protection into the snapshot, refuses a plan
 * that needs a protected area before writing (the same Dutch message as the CLI), and
 * writes what the protection allows.
 */
import { analyze } from '../../../src/core/analyze';
import { columnLetter } from '../../../src/core/a1';
import { SHEET_NAMES } from '../../../src/core/layout';
import { WorkbookError } from '../../../src/workbook/errors';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { OfficeWorkbookError } from '../../../src/workbook/office/officeErrors';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../../src/workbook/operations';
import { FakeBook } from './fakeExcel';
import { assertNoSentinels } from './strictMock';

const noWait = { retry: { sleep: async () => undefined } };
const NOW = new Date('2026-11-28T10:00:00Z');
const t = (x: string) => ({ text: x });

function protectedBook(): { book: FakeBook; port: OfficeWorkbook } {
  const book = new FakeBook(['Blad']);
  book
    .sheet('Blad')
    .setGrid('A1', [
      ['Sleutel', 'Naam', 'Opmerking'],
      ['k1', 'eerste'],
    ])
    .unlock('A2:B3')
    .protect();
  return { book, port: new OfficeWorkbook(book.run, noWait) };
}

async function refusal(p: Promise<unknown>): Promise<WorkbookError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WorkbookError);
  return e as WorkbookError;
}

test('the snapshot says which sheet is protected and which cells are unlocked (Worksheet.protection, format.protection.locked, getCellProperties)', async () => {
  const { book, port } = protectedBook();
  const sheet = (await port.readSnapshot()).sheets[0];
  expect(sheet.protection).toEqual({ protected: true, unlocked: ['A2:B3'] });
  assertNoSentinels(book);
  // a second read does not read the lock state again
  const again = await book.measure(() => port.readSnapshot({ changed: [{ sheet: 'Blad', range: 'A2' }] }));
  expect(again.result.sheets[0].protection).toEqual({ protected: true, unlocked: ['A2:B3'] });
  expect(again.syncs).toBe(1);
});

test('regression: the Office adapter had no code for protection; a write into a locked cell is refused before any write, with the Dutch message', async () => {
  const { book, port } = protectedBook();
  await port.readSnapshot();
  const before = book.syncs;
  const e = await refusal(port.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A3', cells: [[t('k2'), t('tweede'), t('opmerking')]] }] }));
  expect(e.code).toBe('sheetProtected');
  expect(e.message).toMatch(
    /^Blad "Blad" is beveiligd, maar de add-in moet daar cel C3 aanpassen\. Hef de beveiliging van blad "Blad" op \(Controleren > Beveiliging blad opheffen\)/,
  );
  expect(book.syncs).toBe(before); // nothing sent to Excel
  expect(book.sheet('Blad').cell('A3')).toBeUndefined();
});

test('writes into unlocked cells of a protected sheet are carried out; validations and formats there are refused', async () => {
  const { book, port } = protectedBook();
  await port.readSnapshot();
  await port.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A3', cells: [[t('k2'), t('tweede')]] }] });
  expect(book.sheet('Blad').cell('B3')?.value).toBe('tweede');
  const rule = { type: 'list' as const, source: 'a,b', errorTitle: 'x', errorMessage: 'y', strict: true };
  expect((await refusal(port.apply({ ops: [{ kind: 'setValidation', sheet: 'Blad', range: 'A2:A3', rule }] }))).message).toMatch(/gegevensvalidatie van A2:A3/);
  expect((await refusal(port.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'A2', style: { bold: true } }] }))).message).toMatch(/opmaak van A2/);
});

test('the test double refuses like Excel: a write into a locked cell of a protected sheet throws AccessDenied (the adapter maps it to its Dutch message)', async () => {
  const { book, port } = protectedBook();
  // no read first: the adapter does not know the protection, so Excel itself refuses
  const e = await port.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'C2', cells: [[t('x')]] }] }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OfficeWorkbookError);
  expect((e as OfficeWorkbookError).kind).toBe('accessDenied');
  expect((e as OfficeWorkbookError).message).toMatch(/beveiligd/);
  expect(book.sheet('Blad').cell('C2')).toBeUndefined();
});

test('regression: a protected werkblad with only A6:D105 unlocked: prepare in Excel is refused before writing, naming the sheet and the Totalen cells of rows 106–110', async () => {
  const book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, noWait);
  await createKoppelkansenWorkbook(port, { now: NOW });
  await prepareWorkbook(port, { now: NOW });
  const W = SHEET_NAMES.werkblad;
  const a = analyze(await port.readSnapshot(), { now: NOW });
  const first = a.longlist.entries[0];
  await port.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'A60', cells: [[t(first.opgave), t(first.koppelkans)]] }] });
  book.sheet(W).unlock('A6:D105').protect();
  const totalen = columnLetter(a.werkblad!.layout.totalenColumn);
  const writes = book.formulaWrites.length;
  const e = await refusal(prepareWorkbook(port, { now: NOW }));
  expect(e.code).toBe('sheetProtected');
  expect(e.message).toContain(`Blad "${W}" is beveiligd`);
  expect(e.message).toContain(`${totalen}106:${totalen}110`);
  expect(book.formulaWrites.length).toBe(writes);
});

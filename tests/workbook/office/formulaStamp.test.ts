/**
 * The Office adapter takes the formulas of a sheet read in full from the formula stamp
 * (src/workbook/office/stampedFormulas.ts) when the sheet's formula cells are the ones the
 * stamp describes: the same snapshot as reading every formula back, for far fewer bytes.
 */
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { SHEET_NAMES, WERKBLAD } from '../../../src/core/layout';
import { OfficeWorkbook } from '../../../src/workbook/office';
import { koppelkansenFakeBook } from './scenarios';

/** Every formula of a snapshot as "sheet!row,column=formula" (the port allows ragged or padded grids). */
function formulasOf(snapshot: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const s of snapshot.sheets)
    (s.formulas ?? []).forEach((line, r) =>
      (line ?? []).forEach((f, c) => typeof f === 'string' && f.startsWith('=') && out.push(`${s.name}!${r + 1},${c + 1}=${f}`)),
    );
  return out;
}

const modern = { retry: { sleep: async () => undefined }, isSetSupported: () => true };
const oldExcel = { retry: { sleep: async () => undefined }, isSetSupported: () => false };

describe('opening the pane on a prepared workbook', () => {
  test('reads the formulas from the stamp: the same snapshot as reading them back, in under half the bytes', async () => {
    const book = await koppelkansenFakeBook(60, 6);
    const stamped = await book.measure(() => new OfficeWorkbook(book.run, modern).readSnapshot());
    const readBack = await book.measure(() => new OfficeWorkbook(book.run, oldExcel).readSnapshot());
    expect(formulasOf(stamped.result)).toEqual(formulasOf(readBack.result));
    expect(stamped.result.sheets.map((s) => s.values)).toEqual(readBack.result.sheets.map((s) => s.values));
    expect(stamped.received).toBeLessThan(readBack.received / 2);
  });

  test('an edit\'s fresh read takes the formulas from the stamp; only "Opnieuw controleren" (verifyFormulas) reads them back', async () => {
    const book = await koppelkansenFakeBook(60, 6);
    const port = new OfficeWorkbook(book.run, modern);
    await port.readSnapshot();
    const fresh = await book.measure(() => port.readSnapshot({ fresh: true }));
    const verified = await book.measure(() => port.readSnapshot({ verifyFormulas: true }));
    expect(formulasOf(fresh.result)).toEqual(formulasOf(verified.result));
    expect(fresh.result.sheets.map((s) => s.values)).toEqual(verified.result.sheets.map((s) => s.values));
    expect(fresh.received).toBeLessThan(verified.received / 2);
  });

  test('a formula a colleague edited in place is seen by "Opnieuw controleren" (verifyFormulas), not by the stamp', async () => {
    const book = await koppelkansenFakeBook(20, 4);
    const werkblad = book.sheet(SHEET_NAMES.werkblad);
    const row = WERKBLAD.firstDataRow + 2;
    const totals = WERKBLAD.firstFactorColumn + 4;
    const cell = werkblad.cells.get(`${row},${totals}`);
    expect(cell?.formula).toMatch(/^=/);
    werkblad.cells.set(`${row},${totals}`, { ...cell!, formula: '=1+1' });
    const port = new OfficeWorkbook(book.run, modern);
    const stampedRead = (await port.readSnapshot({ fresh: true })).sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
    expect(stampedRead.formulas?.[row - 1]?.[totals - 1]).toBe(cell!.formula);
    const verified = (await port.readSnapshot({ verifyFormulas: true })).sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
    expect(verified.formulas?.[row - 1]?.[totals - 1]).toBe('=1+1');
  });

  test('rows a colleague inserted without the add-in (formulas moved down) make the adapter read the formulas back', async () => {
    const book = await koppelkansenFakeBook(20, 4);
    const werkblad = book.sheet(SHEET_NAMES.werkblad);
    const row = WERKBLAD.firstDataRow + 3;
    // a colleague moves the last row's total formula one row down (as inserting a row above it does)
    const last = WERKBLAD.firstDataRow + 19;
    const totals = WERKBLAD.firstFactorColumn + 4;
    const cell = werkblad.cells.get(`${last},${totals}`);
    expect(cell?.formula).toMatch(/^=/);
    werkblad.cells.set(`${last + 1},${totals}`, { ...cell! });
    werkblad.cells.set(`${row},${totals}`, { value: 5 });
    const snapshot = await new OfficeWorkbook(book.run, modern).readSnapshot();
    const sheet = snapshot.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
    expect(sheet.formulas?.[row - 1]?.[totals - 1] ?? null).toBeNull();
    expect(sheet.formulas?.[last]?.[totals - 1]).toBe(cell!.formula);
  });
});

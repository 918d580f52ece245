/**
 * Whole columns inserted and deleted through the Office.js adapter (issue 11): Excel moves
 * the references itself (Range.insert(right) / Range.delete(left) on the columns, ExcelApi
 * 1.1, modelled in the fake); the adapter sends one request for the op and the writes with
 * it, reads the whole workbook again afterwards (every sheet's formulas may have moved),
 * and the round trips do not grow with the rows.
 */
import { cellAddress } from '../../../src/core/a1';
import type { PlanOp } from '../../../src/core/snapshot';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { FakeBook } from './fakeExcel';

let book: FakeBook;
afterEach(() => {
  expect(book.sentinelReads).toEqual([]);
});

/** A werkblad with factors C..E, Totalen F and `rows` scored rows, a team sheet pointing at E and F. */
async function werkblad(rows: number): Promise<OfficeWorkbook> {
  book = new FakeBook(['W', 'Eigen']);
  const w = book.sheet('W');
  w.setGrid('C3', [
    ['Geld', 'Tijd', 'Draagvlak', 'Totalen'],
    [1, 2, 3, ''],
  ]);
  for (let r = 5; r < 5 + rows; r++) {
    w.setGrid(`C${r}`, [[1, 2, 3]]);
    w.cells.set(`${r},6`, { value: 0, formula: `=SUMPRODUCT(C${r}:E${r},$C$4:$E$4)` });
  }
  book.sheet('Eigen').cells.set('1,1', { value: 0, formula: `=SUM(W!F5:F${4 + rows})+W!E5` });
  const port = new OfficeWorkbook(book.run, { retry: { sleep: async () => undefined }, isSetSupported: () => true });
  await port.readSnapshot();
  return port;
}

const removeMiddle: PlanOp[] = [
  { kind: 'deleteColumns', sheet: 'W', column: 'D', count: 1 },
  { kind: 'setCells', sheet: 'W', cell: 'E3', cells: [[{ text: 'Totalen' }]] },
];

test('deleting a factor column: one round trip for the op and its writes, the same at 10 and 2,000 rows; references moved as Excel moves them', async () => {
  const syncs: number[] = [];
  for (const rows of [10, 2000]) {
    const port = await werkblad(rows);
    const m = await book.measure(() => port.apply({ ops: removeMiddle }));
    syncs.push(m.syncs);
    expect(book.sheet('W').cell('E5')?.formula).toBe('=SUMPRODUCT(C5:D5,$C$4:$D$4)');
    expect(book.sheet('W').cell(cellAddress(4 + rows, 5))?.formula).toBe(`=SUMPRODUCT(C${4 + rows}:D${4 + rows},$C$4:$D$4)`);
    expect(book.sheet('Eigen').cell('A1')?.formula).toBe(`=SUM(W!E5:E${4 + rows})+W!D5`);
    // the next read sees the moved workbook (the cache was dropped), in one full read
    const snap = await port.readSnapshot();
    expect(snap.sheets[0].values[2]?.slice(2, 5)).toEqual(['Geld', 'Draagvlak', 'Totalen']);
    expect(snap.sheets[1].formulas?.[0]?.[0]).toBe(`=SUM(W!E5:E${4 + rows})+W!D5`);
  }
  expect(syncs[0]).toBeLessThanOrEqual(3);
  expect(syncs[1]).toBe(syncs[0]);
});

test('inserting a factor column before Totalen: Totalen and the references to it move; at most 3 round trips', async () => {
  const port = await werkblad(10);
  const m = await book.measure(() =>
    port.apply({
      ops: [
        { kind: 'insertColumns', sheet: 'W', column: 'F', count: 1 },
        { kind: 'setCells', sheet: 'W', cell: 'F3', cells: [[{ text: 'Ruimte' }], [{ number: 1 }]] },
      ],
    }),
  );
  expect(m.syncs).toBeLessThanOrEqual(3);
  expect(book.sheet('W').cell('G3')?.value).toBe('Totalen');
  expect(book.sheet('W').cell('F3')?.value).toBe('Ruimte');
  expect(book.sheet('Eigen').cell('A1')?.formula).toBe('=SUM(W!G5:G14)+W!E5');
});

test('an insert that would push a team cell off the sheet is refused before any round trip, naming sheet and cell', async () => {
  const port = await werkblad(3);
  book.sheet('W').setGrid('XFD1', [['rand']]);
  await port.readSnapshot({ fresh: true });
  const m = await book.measure(() => port.apply({ ops: [{ kind: 'insertColumns', sheet: 'W', column: 'F', count: 1 }] }).catch((e: Error) => e.message));
  expect(m.result).toMatch(/W: .*XFD1/);
  expect(m.syncs).toBe(0);
  expect(book.sheet('W').cell('F5')?.formula).toBe('=SUMPRODUCT(C5:E5,$C$4:$E$4)');
});

/** Column D of `werkblad(rows)` as a planner reads it: rows 1–2 empty, Tijd, 2, then 2 in every scored row. */
const columnD = (rows: number) => [[null], [null], ['Tijd'], [2], ...Array.from({ length: rows }, () => [2])];

test('a guarded factor delete (expect: the column as read) reads the column in one sync before writing: at most 3 round trips, the same at 10 and 2,000 rows', async () => {
  const syncs: number[] = [];
  for (const rows of [10, 2000]) {
    const port = await werkblad(rows);
    const m = await book.measure(() => port.apply({ ops: [{ ...removeMiddle[0], expect: columnD(rows) } as PlanOp, removeMiddle[1]] }));
    syncs.push(m.syncs);
    expect(book.sheet('W').cell('E3')?.value).toBe('Totalen');
    expect(book.sheet('Eigen').cell('A1')?.formula).toBe(`=SUM(W!E5:E${4 + rows})+W!D5`);
  }
  expect(syncs[0]).toBeLessThanOrEqual(3);
  expect(syncs[1]).toBe(syncs[0]);
});

test("a guarded factor delete after a colleague's score in the column is refused after one read, naming the cell; nothing is written", async () => {
  const port = await werkblad(10);
  // the colleague types a score below the scored rows, after the pane read
  book.sheet('W').setGrid('D30', [[9]]);
  const m = await book.measure(() =>
    port.apply({ ops: [{ ...removeMiddle[0], expect: columnD(10) } as PlanOp, removeMiddle[1]] }).catch((e: Error) => e.message),
  );
  expect(m.result).toMatch(/W!D30 is veranderd .*was leeg, nu “9”.*niet verwijderd/);
  expect(m.syncs).toBe(1);
  expect(book.sheet('W').cell('D3')?.value).toBe('Tijd');
  expect(book.sheet('W').cell('F3')?.value).toBe('Totalen');
  expect(book.sheet('W').cell('D30')?.value).toBe(9);
});

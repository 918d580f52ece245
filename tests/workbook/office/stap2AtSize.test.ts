/**
 * The newer Stap 2 pane operations (add, rename and remove a factor, select and deselect a
 * koppelkans, an own opgave) through the Office.js adapter on a prepared workbook of the
 * bench's kind at two sizes, as the pane runs them (tests/workbook/office/scenarios.ts
 * STAP2_OPERATIONS, the same operations `npm run bench -- office` counts): the write of
 * each is at most 3 round trips and the same at both sizes, and no request or response
 * passes Excel on the web's 5 MB. Counts, measured by the test double; no times.
 */
import { columnLetter } from '../../../src/core/a1';
import { analyze } from '../../../src/core/analyze';
import { totalFormula } from '../../../src/core/formulas';
import { SHEET_NAMES } from '../../../src/core/layout';
import { OfficeWorkbook } from '../../../src/workbook/office';
import type { FakeBook } from './fakeExcel';
import { koppelkansenFakeBook, noWait, SCENARIO_NOW, STAP2_OPERATIONS, stap2Operation, type Counted } from './scenarios';

const LIMIT = 5_000_000;
/** As in current Excel (every API set the adapter asks about, Range.copyFrom's 1.9 included). */
const currentExcel = { ...noWait, isSetSupported: () => true };

async function runAll(
  rows: number,
  factors: number,
): Promise<{ book: FakeBook; port: OfficeWorkbook; counts: Map<string, { write: Counted; largest: number }> }> {
  const book = await koppelkansenFakeBook(rows, factors);
  const port = new OfficeWorkbook(book.run, currentExcel);
  await port.readSnapshot();
  const counts = new Map<string, { write: Counted; largest: number }>();
  for (const op of STAP2_OPERATIONS) {
    const m = await stap2Operation(book, port, (fresh) => op.build(fresh, port), op);
    const largest = Math.max(...[m.question, m.read, m.write, m.after].map((p) => p?.largest ?? 0));
    counts.set(op.name, { write: m.write, largest });
  }
  expect(book.sentinelReads).toEqual([]);
  expect(book.refusedResponses).toBe(0);
  return { book, port, counts };
}

describe('Stap 2 operations at size (Office.js, fake Excel)', () => {
  test('regression: adding or removing a factor sent every row’s Totalen formula (5–6 round trips, 14 MB at 10,000 × 20); each write is now at most 3 round trips, the same at 100 and 400 rows, none over 5 MB', async () => {
    const small = await runAll(100, 20);
    const big = await runAll(400, 20);
    for (const op of STAP2_OPERATIONS) {
      const s = small.counts.get(op.name)!;
      const b = big.counts.get(op.name)!;
      expect([op.name, b.write.syncs]).toEqual([op.name, s.write.syncs]);
      expect(b.write.syncs).toBeLessThanOrEqual(3);
      expect(b.largest).toBeLessThanOrEqual(LIMIT);
    }
    // the Totalen formulas of 400 rows are not sent one by one (about 1.4 KB each at 20 factors)
    for (const name of ['add a factor', 'remove a factor']) expect([name, big.counts.get(name)!.write.sent < 200_000]).toEqual([name, true]);
    // what Excel's copy put in the Totalen column is the formula the engine plans for every row
    const after = analyze(await big.port.readSnapshot({ verifyFormulas: true }), { now: SCENARIO_NOW });
    const layout = after.werkblad!.layout;
    const ws = big.book.sheet(SHEET_NAMES.werkblad);
    for (let r = layout.firstDataRow; r <= layout.preparedEndRow; r++) {
      const f = ws.cell(`${columnLetter(layout.totalenColumn)}${r}`)?.formula;
      if (f !== totalFormula(layout, r)) throw new Error(`row ${r}: ${f}`);
    }
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(big.book.formulaWrites.some((w) => w.copied)).toBe(true);
  }, 120_000);

  test('a host without ExcelApi 1.9 (no Range.copyFrom) still gets every formula, in requests under the limit', async () => {
    const book = await koppelkansenFakeBook(100, 20);
    const port = new OfficeWorkbook(book.run, noWait);
    await port.readSnapshot();
    const add = STAP2_OPERATIONS.find((op) => op.name === 'add a factor')!;
    const m = await stap2Operation(book, port, (fresh) => add.build(fresh, port), add);
    expect(m.write.largest).toBeLessThanOrEqual(LIMIT);
    expect(book.formulaWrites.some((w) => w.copied)).toBe(false);
    const layout = analyze(await port.readSnapshot({ verifyFormulas: true }), { now: SCENARIO_NOW }).werkblad!.layout;
    expect(layout.lastFactorColumn - layout.firstFactorColumn + 1).toBe(21);
  }, 60_000);
});

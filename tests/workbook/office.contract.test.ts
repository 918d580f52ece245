/**
 * The Office.js adapter (src/workbook/office) against the same row-op cases as the memory
 * and xlsx adapters and `simulate` (tests/workbook/contract.ts), over the hand-written fake
 * of the Excel objects (tests/workbook/office/fakeExcel.ts): nothing reaches the fake book
 * but through context.sync(), and no property may be read without load() and sync().
 */
import type { Plan } from '../../src/core/snapshot';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { rowOpsContract, withoutTrailingEmpties } from './contract';
import { FakeBook } from './office/fakeExcel';

const books: FakeBook[] = [];

afterEach(() => {
  for (const book of books) expect(book.sentinelReads).toEqual([]);
  books.length = 0;
});

/**
 * The Office adapter over a fake book. Its snapshots hold Excel's rectangular used range
 * (rows padded with empty cells), which the port allows; read as the contract compares.
 */
class OfficeOverFake implements WorkbookPort {
  private readonly port: OfficeWorkbook;

  constructor(readonly book = new FakeBook([])) {
    this.port = new OfficeWorkbook(book.run, { retry: { sleep: async () => undefined } });
    if (!books.includes(book)) books.push(book);
  }
  async readSnapshot() {
    return withoutTrailingEmpties(await this.port.readSnapshot());
  }
  apply(plan: Plan) {
    return this.port.apply(plan);
  }
}

rowOpsContract({
  name: 'office',
  create: async () => new OfficeOverFake(),
  // One workbook in Excel; the next reader is another pane (a new adapter, no cache) on it.
  reopen: async (wb) => new OfficeOverFake((wb as OfficeOverFake).book),
});

/**
 * The Office.js adapter (src/workbook/office) against the same row-op cases as the memory
 * and xlsx adapters and `simulate` (tests/workbook/contract.ts), over the hand-written fake
 * of the Excel objects (tests/workbook/office/fakeExcel.ts): nothing reaches the fake book
 * but through context.sync(), and no property may be read without load() and sync().
 */
import { parseRange, columnNumber } from '../../src/core/a1';
import type { CellStyle, CellValue, Plan, ValidationRule } from '../../src/core/snapshot';
import { fromOfficeValidation } from '../../src/workbook/office/validationMapping';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { ApplyOptions, SnapshotRequest } from '../../src/workbook/port';
import { contractSuite, withoutTrailingEmpties, type TestWorkbook } from './contract';
import { FakeBook, FakeSheet } from './office/fakeExcel';

const books: FakeBook[] = [];

afterEach(() => {
  for (const book of books) expect(book.sentinelReads).toEqual([]);
  books.length = 0;
});

/**
 * The Office adapter over a fake book. Its snapshots hold Excel's rectangular used range
 * (rows padded with empty cells), which the port allows; read as the contract compares.
 */
class OfficeOverFake implements TestWorkbook {
  private readonly port: OfficeWorkbook;

  constructor(readonly book = new FakeBook([])) {
    // a host with every requirement set this adapter can use (ExcelApi 1.9 page layout, 1.13 merges)
    this.port = new OfficeWorkbook(book.run, { retry: { sleep: async () => undefined }, isSetSupported: () => true });
    if (!books.includes(book)) books.push(book);
  }
  async readSnapshot(request?: SnapshotRequest) {
    this.hasRead = true;
    return withoutTrailingEmpties(await this.port.readSnapshot(request));
  }
  /**
   * The pane reads before it writes (it plans from what it read); so does this harness, so
   * that the adapter's own checks before a write (planCheck, protection) are what is tested.
   */
  async apply(plan: Plan, options?: ApplyOptions) {
    if (!this.hasRead) await this.readSnapshot();
    return this.port.apply(plan, options);
  }
  private hasRead = false;
  get canDrawCharts() {
    return this.port.canDrawCharts;
  }
  get canShiftColumns() {
    return this.port.canShiftColumns;
  }

  // ---- the Inspector: what the book holds, read from the fake directly ----
  private cellOf(sheet: string, address: string) {
    return this.book.sheet(sheet).cell(address);
  }
  getCell(sheet: string, address: string): CellValue {
    const c = this.cellOf(sheet, address);
    return c === undefined || c.value === '' ? null : c.value;
  }
  getFormula(sheet: string, address: string): string | null {
    return this.cellOf(sheet, address)?.formula ?? null;
  }
  getValidation(sheet: string, address: string): ValidationRule | null {
    const { start } = parseRange(address);
    const v = this.book.sheet(sheet).validations.get(FakeSheet.key(start.row, start.column));
    if (!v?.rule) return null;
    const kind = Object.keys(v.rule)[0];
    const type = { list: 'List', wholeNumber: 'WholeNumber', decimal: 'Decimal' }[kind] ?? 'Custom';
    return fromOfficeValidation(type, v.rule, v.errorAlert, v.prompt);
  }
  getStyle(sheet: string, address: string): CellStyle {
    const { start } = parseRange(address);
    const s = this.book.sheet(sheet);
    const style: Record<string, unknown> = {};
    for (const f of s.formats) {
      const pos = parseRange(f.address);
      if (start.row < pos.start.row || start.row > pos.end.row || start.column < pos.start.column || start.column > pos.end.column) continue;
      const name = STYLE_PROPS[f.prop];
      if (f.prop === 'fill.clear') delete style.fill;
      else if (f.prop.startsWith('borders.')) {
        if (f.prop.endsWith('.style')) style.border = f.value !== 'None';
      } else if (name) style[name] = name === 'horizontalAlignment' || name === 'verticalAlignment' ? String(f.value).toLowerCase() : f.value;
    }
    // Excel reports colours in upper case, and its defaults (not bold, automatic colour, which
    // it reports as black, General) the same whether set or not: read those as "not set"
    for (const k of ['fill', 'fontColor'] as const) if (typeof style[k] === 'string') style[k] = style[k].toUpperCase();
    for (const k of ['bold', 'italic', 'wrap'] as const) if (style[k] === false) delete style[k];
    if (style.fontColor === '#000000') delete style.fontColor;
    const nf = s.numberFormats.get(FakeSheet.key(start.row, start.column));
    if (nf !== undefined && nf !== 'General') style.numberFormat = nf;
    if (!s.isLocked(start.row, start.column)) style.locked = false;
    return style;
  }
  getColumnWidth(sheet: string, column: string): number | undefined {
    const points = this.book.sheet(sheet).columnWidths.get(columnNumber(column));
    // the inverse of columnWidthPoints (src/workbook/office/styles.ts)
    return points === undefined ? undefined : Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
  }
  getRowHeight(sheet: string, row: number): number | undefined {
    return this.book.sheet(sheet).rowHeights.get(row);
  }
  getFreeze(sheet: string): { rows: number; columns: number } {
    return this.book.sheet(sheet).freeze ?? { rows: 0, columns: 0 };
  }
  getPageSetup(sheet: string) {
    const p = this.book.sheet(sheet).pageLayout;
    const bare = (a: string) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');
    const titles = p.printTitleRows ? /^(\d+):(\d+)$/.exec(bare(p.printTitleRows)) : null;
    return {
      orientation: p.orientation === 'Landscape' ? ('landscape' as const) : ('portrait' as const),
      ...(p.zoom.horizontalFitToPages ? { fitToWidth: p.zoom.horizontalFitToPages } : {}),
      ...(titles ? { printTitleRows: { first: Number(titles[1]), last: Number(titles[2]) } } : {}),
      ...(p.printArea ? { printArea: bare(p.printArea) } : {}),
    };
  }
}

/** Fake format records (property paths as the adapter sets them) → CellStyle properties. */
const STYLE_PROPS: Record<string, string> = {
  'fill.color': 'fill',
  'font.bold': 'bold',
  'font.italic': 'italic',
  'font.color': 'fontColor',
  'font.size': 'fontSize',
  wrapText: 'wrap',
  horizontalAlignment: 'horizontalAlignment',
  verticalAlignment: 'verticalAlignment',
};

contractSuite({
  name: 'office',
  create: async () => new OfficeOverFake(),
  // One workbook in Excel; the next reader is another pane (a new adapter, no cache) on it.
  reopen: async (wb) => new OfficeOverFake((wb as OfficeOverFake).book),
  notApplicable: {
    'a 3-D reference whose sheet range holds the changed sheet is left as it is, bare and quoted (Excel’s behaviour there is not sourced; the pane warns)':
      'Excel itself moves (or keeps) the references when the Office adapter deletes a column; what it does to a 3-D reference is not sourced (src/core/columnShift.ts), so the double cannot stand in for it',
    'a chart (setChart) is refused before anything is written: files written outside Excel cannot hold one':
      'Excel draws charts (canDrawCharts); the Office adapter is the one that does, see tests/workbook/office/officeWorkbook.test.ts',
    'values of every kind, anchored at A1, with formulas beside them':
      "a formula cell's value is Excel's computed result (liveFormulas); the double has no calculation engine",
    'noCachedResult lists the formulas written without a cached result, not those with one ("" and 0 included), and not a cell written over':
      'Excel calculates every formula (liveFormulas): a formula cell always has its value, the Office adapter lists none',
    'formulas come back as formulas, newer functions included':
      "a formula cell's value is Excel's computed result (liveFormulas); the double has no calculation engine",
    'unlocking cells (locked: false) is kept and read back; locking again removes it':
      'the adapter reads lock state only on protected sheets (where it takes effect), to spare a sync per read; protection.test.ts covers those',
  },
  withTeamDefinitions: async (wb, team) => {
    const book = (wb as OfficeOverFake).book;
    book.names.push(...team.names.map((n) => ({ ...n })));
    for (const cf of team.conditionalFormats) book.sheet(cf.sheet).conditionalFormats.push({ ranges: [...cf.ranges], type: 'Custom', formula: cf.formulas[0] });
    for (const c of team.comments ?? []) book.sheet(c.sheet).comments.push({ cell: c.cell, content: c.text });
    return new OfficeOverFake(book);
  },
  protect: async (wb, sheet, options) => {
    (wb as OfficeOverFake).book.sheet(sheet).protect(options);
    return new OfficeOverFake((wb as OfficeOverFake).book);
  },
});

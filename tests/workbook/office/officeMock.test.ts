/**
 * The Office adapter and its environment against office-addin-mock, made strict
 * (strictMock.ts): reading a property without load() and sync() fails the test.
 * The mock models fixed object trees well (a small workbook walked sheet by sheet, one
 * range written, requirement sets, event registration); the large cases are in
 * officeWorkbook.test.ts on the hand-written fake.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { defaultExcelRun } from '../../../src/workbook/office/excelRun';
import { checkRequirements, subscribeToChanges } from '../../../src/workbook/office/environment';
import { assertNoSentinels, strictMock } from './strictMock';

const noWait = { retry: { sleep: async () => undefined } };

/** A two-sheet workbook as office-addin-mock data, walked with getFirst/getNextOrNullObject. */
function twoSheetData() {
  const nullRange = { address: '', values: [], formulas: [] };
  const nil = {
    name: '',
    visibility: '',
    id: '',
    used: nullRange,
    protection: { protected: false, options: { allowFormatCells: false, allowFormatColumns: false } },
    getNextOrNullObject() {
      return this;
    },
    getUsedRangeOrNullObject() {
      return (this as any).used;
    },
  };
  const second = {
    name: 'Lijsten',
    visibility: 'Hidden',
    id: '{lijsten}',
    protection: { protected: false, options: { allowFormatCells: false, allowFormatColumns: false } },
    used: {
      address: 'Lijsten!B2:C3',
      values: [
        ['Groen', 3],
        ['', '=x'],
      ],
      formulas: [
        ['Groen', '=1+2'],
        ['', '=x'],
      ],
    },
    next: nil,
    getNextOrNullObject() {
      return (this as any).next;
    },
    getUsedRangeOrNullObject(valuesOnly: boolean) {
      if (valuesOnly !== true) throw new Error('expected a values-only used range');
      return (this as any).used;
    },
  };
  const first = {
    name: 'Werkblad koppelkansen kiezen',
    visibility: 'Visible',
    id: '{werkblad}',
    protection: { protected: false, options: { allowFormatCells: false, allowFormatColumns: false } },
    used: nullRange,
    next: second,
    getNextOrNullObject() {
      return (this as any).next;
    },
    getUsedRangeOrNullObject() {
      return (this as any).used;
    },
  };
  return {
    context: {
      workbook: {
        // the date-system probe DATE(1904,1,1): 1462 in the 1900 date system
        functions: {
          probe: { value: 1462, error: '' },
          date() {
            return (this as any).probe;
          },
        },
        worksheets: {
          first,
          getFirst() {
            return (this as any).first;
          },
          // the cells of a non-empty used range are read by address after the walk
          lijsten: {
            block: {
              values: [
                ['Groen', 3],
                ['', '=x'],
              ],
              formulas: [
                ['Groen', '=1+2'],
                ['', '=x'],
              ],
            },
            getRange(address: string) {
              if (address !== 'B2:C3') throw new Error(`unexpected range ${address}`);
              return (this as any).block;
            },
          },
          getItem(name: string) {
            if (name !== 'Lijsten') throw new Error(`unexpected sheet ${name}`);
            return (this as any).lijsten;
          },
        },
      },
    },
  };
}

function markNullObjects(m: ReturnType<typeof strictMock>) {
  const ws = 'context.workbook.worksheets.first';
  m.setPlain(ws, 'isNullObject', false);
  m.setPlain(`${ws}.used`, 'isNullObject', true); // an empty sheet
  m.setPlain(`${ws}.next`, 'isNullObject', false);
  m.setPlain(`${ws}.next.used`, 'isNullObject', false);
  m.setPlain(`${ws}.next.next`, 'isNullObject', true);
  m.setPlain(`${ws}.next.next.used`, 'isNullObject', true);
}

describe('strictMock', () => {
  test('a property read without load() fails instead of returning the sentinel string', async () => {
    const m = strictMock({ context: { workbook: { range: { address: 'A1', values: [[1]] } } } });
    const careless = async (context: any) => {
      const range = context.workbook.range;
      range.load('address');
      await context.sync();
      return range.values; // never loaded
    };
    await expect(careless(m.root.context)).rejects.toThrow(/read without load\(\)\/sync\(\)/);
    expect(m.violations).toEqual(['mock.context.workbook.range.values: Error, property was not loaded']);
  });

  test('a read before sync() fails too, and a sentinel inside a result is caught by assertNoSentinels', async () => {
    const m = strictMock({ context: { workbook: { range: { values: [[1]] } } } });
    const range = m.root.context.workbook.range;
    range.load('values');
    expect(() => range.values).toThrow(/context.sync\(\) was not called/);
    const loose = new OfficeMockObject({ range: { values: [[1]] } }) as any;
    expect(() => assertNoSentinels({ sheets: [{ values: loose.range.values }] })).toThrow(/result.sheets\[0\].values is "Error, property was not loaded"/);
  });
});

describe('OfficeWorkbook on office-addin-mock', () => {
  test('readSnapshot walks the sheets in one sync, reads the used cells in one more, and only what it loaded', async () => {
    const m = strictMock(twoSheetData());
    markNullObjects(m);
    const port = new OfficeWorkbook(async (batch) => batch(m.root.context), noWait);
    const snap = await port.readSnapshot();
    expect(m.violations).toEqual([]);
    assertNoSentinels(snap);
    expect(m.syncs()).toBe(2);
    expect(snap.sheets).toEqual([
      { name: 'Werkblad koppelkansen kiezen', values: [], formulas: [], hidden: false, liveFormulas: true },
      {
        name: 'Lijsten',
        hidden: true,
        liveFormulas: true,
        values: [[], [null, 'Groen', 3], [null, null, '=x']],
        formulas: [[], [null, null, '=1+2'], [null, null, null]],
      },
    ]);
  });

  test('setCells writes "=SUM(A1)" text as "\'=SUM(A1)" through Range.formulas in one sync', async () => {
    const sheets: string[] = [];
    const addresses: string[] = [];
    const m = strictMock({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              range: { address: 'B2:D2' },
              getRange(a: string) {
                addresses.push(a);
                return (this as any).range;
              },
            },
            getItem(name: string) {
              sheets.push(name);
              return (this as any).sheet;
            },
          },
        },
      },
    });
    const port = new OfficeWorkbook(async (batch) => batch(m.root.context), noWait);
    const result = await port.apply({
      ops: [{ kind: 'setCells', sheet: 'Notulen', cell: 'B2', cells: [[{ text: '=SUM(A1)' }, { text: 'gewoon' }, { formula: '=SUM(A1)' }]] }],
    });
    expect(result.operations).toBe(1);
    expect(m.syncs()).toBe(1);
    expect(sheets).toEqual(['Notulen']);
    expect(addresses).toEqual(['B2:D2']);
    expect(m.raw.context.workbook.worksheets.sheet.range.formulas).toEqual([["'=SUM(A1)", 'gewoon', '=SUM(A1)']]);
    expect(m.violations).toEqual([]);
  });
});

describe('environment', () => {
  const office = (supported: string[]) =>
    new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported(name: string, version: string) {
            return name === 'ExcelApi' && supported.includes(version);
          },
        },
      },
    }) as any;

  test('checkRequirements accepts ExcelApi 1.8 and otherwise names the Excel to update to', () => {
    expect(checkRequirements(office(['1.1', '1.7', '1.8']))).toEqual({ ok: true });
    const old = checkRequirements(office(['1.1', '1.7']));
    expect(old.ok).toBe(false);
    expect(old.message).toMatch(/ExcelApi 1\.8/);
    expect(old.message).toMatch(/Microsoft 365|Excel 2019/);
    expect(checkRequirements(undefined).ok).toBe(false);
  });

  test('the default run asks for one undo group where ExcelApi 1.20 is supported', async () => {
    const g = globalThis as any;
    const calls: unknown[][] = [];
    g.Excel = { run: async (...args: unknown[]) => void calls.push(args) };
    try {
      g.Office = office(['1.8', '1.20']);
      await defaultExcelRun(async () => undefined);
      g.Office = office(['1.8']);
      await defaultExcelRun(async () => undefined);
    } finally {
      delete g.Excel;
      delete g.Office;
    }
    expect(calls[0][0]).toEqual({ mergeUndoGroup: true });
    expect(typeof calls[0][1]).toBe('function');
    expect(calls[1]).toHaveLength(1);
    expect(typeof calls[1][0]).toBe('function');
  });

  describe('subscribeToChanges', () => {
    // strictMock's sync waits on setImmediate: keep it real
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
    afterEach(() => jest.useRealTimers());

    function eventsMock() {
      const handlers: Record<string, ((args: unknown) => Promise<unknown>)[]> = { changed: [], selection: [] };
      const removed: string[] = [];
      const source = (kind: string) => ({
        add(h: (args: unknown) => Promise<unknown>) {
          handlers[kind].push(h);
          return { context: kind, remove: () => removed.push(kind) };
        },
      });
      const m = strictMock({ context: { workbook: { worksheets: { onChanged: source('changed'), onSelectionChanged: source('selection') } } } });
      return { m, handlers, removed };
    }

    test('bursts of changes, selection changes and focus are debounced into one refresh; unsubscribe stops them', async () => {
      const { m, handlers, removed } = eventsMock();
      const focus = new EventTarget();
      let refreshes = 0;
      const unsubscribe = await subscribeToChanges(() => refreshes++, {
        run: async (batch) => batch(m.root.context),
        isSetSupported: () => true,
        focusTarget: focus,
        removeHandler: async (h) => void (h as any).remove(),
      });
      expect(m.syncs()).toBe(1);
      expect(handlers.changed).toHaveLength(1);
      expect(handlers.selection).toHaveLength(1);

      await handlers.changed[0]({});
      jest.advanceTimersByTime(300);
      await handlers.changed[0]({});
      await handlers.selection[0]({});
      jest.advanceTimersByTime(599);
      expect(refreshes).toBe(0);
      jest.advanceTimersByTime(1);
      expect(refreshes).toBe(1);

      focus.dispatchEvent(new Event('focus'));
      jest.advanceTimersByTime(600);
      expect(refreshes).toBe(2);

      await handlers.changed[0]({});
      await unsubscribe();
      jest.advanceTimersByTime(1000);
      focus.dispatchEvent(new Event('focus'));
      jest.advanceTimersByTime(1000);
      expect(refreshes).toBe(2);
      expect(removed.sort()).toEqual(['changed', 'selection']);
    });

    test('each refresh names what changed: edited ranges, whole sheets after inserts, the cell left after a dropdown pick; null when unknown', async () => {
      const { m, handlers } = eventsMock();
      const focus = new EventTarget();
      const heard: unknown[] = [];
      await subscribeToChanges((changed) => heard.push(changed), {
        run: async (batch) => batch(m.root.context),
        isSetSupported: () => true,
        focusTarget: focus,
        removeHandler: async () => undefined,
      });
      await handlers.changed[0]({ worksheetId: '{w}', address: 'C7', changeType: 'RangeEdited' });
      await handlers.changed[0]({ worksheetId: '{n}', address: '12:12', changeType: 'RowInserted' });
      jest.advanceTimersByTime(600);
      expect(heard.pop()).toEqual([{ sheet: '{w}', range: 'C7' }, { sheet: '{n}' }]);

      // a value picked from a dropdown in D9 (no onChanged on the web), then the user moves on
      await handlers.selection[0]({ worksheetId: '{w}', address: 'D9' });
      jest.advanceTimersByTime(600);
      expect(heard.pop()).toEqual([]);
      await handlers.selection[0]({ worksheetId: '{w}', address: 'E9' });
      jest.advanceTimersByTime(600);
      expect(heard.pop()).toEqual([{ sheet: '{w}', range: 'D9' }]);
      // back to the pane: the cell selected last may have changed too
      focus.dispatchEvent(new Event('focus'));
      jest.advanceTimersByTime(600);
      expect(heard.pop()).toEqual([{ sheet: '{w}', range: 'E9' }]);
      // the pane's own write (ExcelApi 1.14 names it): the adapter read it back with the write
      await handlers.changed[0]({ worksheetId: '{w}', address: 'C8', changeType: 'RangeEdited', triggerSource: 'ThisLocalAddin' });
      jest.advanceTimersByTime(600);
      expect(heard).toEqual([]);
      await handlers.changed[0]({ worksheetId: '{w}', address: 'C8', changeType: 'RangeEdited', triggerSource: 'Unknown' });
      jest.advanceTimersByTime(600);
      expect(heard.pop()).toEqual([{ sheet: '{w}', range: 'C8' }]);
      // an event without a sheet: unknown
      await handlers.changed[0]({});
      jest.advanceTimersByTime(600);
      expect(heard.pop()).toBeNull();
    });
  });

  test('without ExcelApi 1.9 every sheet gets its own onChanged, plus onAdded (hand-written fake: the mock cannot load items/name)', async () => {
    const added: string[] = [];
    const on = (name: string) => ({ add: () => (added.push(name), { context: null, remove() {} }) });
    let synced = 0;
    const items = [{ onChanged: on('Werkblad') }, { onChanged: on('Notulen') }];
    const worksheets = {
      loaded: false,
      load(p: string) {
        expect(p).toBe('items/name');
        this.loaded = true;
      },
      get items() {
        if (!this.loaded || synced === 0) throw new Error('items read before load and sync');
        return items;
      },
      onAdded: on('added'),
    };
    const context = { workbook: { worksheets, onSelectionChanged: on('selection') }, sync: async () => void synced++ };
    const unsubscribe = await subscribeToChanges(() => undefined, {
      run: async (batch) => batch(context as any),
      isSetSupported: (_n, v) => v !== '1.9',
      focusTarget: null,
      removeHandler: async () => undefined,
    });
    expect(added).toEqual(['Werkblad', 'Notulen', 'added', 'selection']);
    expect(synced).toBe(2);
    await unsubscribe();
  });
});

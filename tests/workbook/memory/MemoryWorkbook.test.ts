/** What only the memory adapter does: test helpers, cached formula values, Excel's typing rules. */
import type { Plan } from '../../../src/core/snapshot';
import { WorkbookError } from '../../../src/workbook/errors';
import { MemoryWorkbook } from '../../../src/workbook/memory/MemoryWorkbook';

describe('memory workbook', () => {
  test('fromGrid holds values as given, formulas with an optional cached value, and hidden sheets', async () => {
    const wb = MemoryWorkbook.fromGrid(
      { Blad: [['a', 1, true], [null, { formula: '=B1*2', value: 2 }, { formula: 'B1+1' }], ['=geen formule']], Lijst: [['x']] },
      { hidden: ['lijst'] },
    );
    const s = await wb.readSnapshot();
    expect(s.sheets).toEqual([
      {
        name: 'Blad',
        hidden: false,
        values: [['a', 1, true], [null, 2, null], ['=geen formule']],
        formulas: [[null, null, null], [null, '=B1*2', '=B1+1'], [null]],
      },
      { name: 'Lijst', hidden: true, values: [['x']], formulas: [[null]] },
    ]);
    expect(wb.getCell('Blad', 'B2')).toBe(2);
    expect(wb.getFormula('Blad', 'B2')).toBe('=B1*2');
    expect(wb.getCell('blad', 'Z99')).toBeNull();
  });

  test('a formula written by a plan has no value: the memory workbook does not calculate', async () => {
    const wb = MemoryWorkbook.fromGrid({ Blad: [[1, 2]] });
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'C1', cells: [[{ formula: '=A1+B1' }]] }] });
    expect(wb.getCell('Blad', 'C1')).toBeNull();
    wb.setCell('Blad', 'C1', { formula: '=A1+B1', value: 3 });
    expect((await wb.readSnapshot()).sheets[0].values[0]).toEqual([1, 2, 3]);
  });

  test('setCell and the getters name an unknown sheet with a typed error', () => {
    const wb = MemoryWorkbook.fromGrid({ Blad: [] });
    expect(() => wb.setCell('Weg', 'A1', 1)).toThrow(WorkbookError);
    expect(() => wb.getCell('Weg', 'A1')).toThrow(/"Weg"/);
  });

  test('clone is independent of the original', async () => {
    const wb = MemoryWorkbook.fromGrid({ Blad: [['a']] });
    const copy = wb.clone();
    await copy.apply({
      ops: [
        { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[{ text: 'b' }]] },
        { kind: 'setValidation', sheet: 'Blad', range: 'A1', rule: { type: 'decimal', min: 0, errorTitle: '', errorMessage: '', strict: true } },
      ],
    });
    expect(wb.getCell('Blad', 'A1')).toBe('a');
    expect(wb.getValidation('Blad', 'A1')).toBeNull();
    expect(copy.getCell('Blad', 'A1')).toBe('b');
  });

  test('two users, each with a view (clone) of the same notes sheet, append to the shared workbook: both notes survive', async () => {
    const shared = MemoryWorkbook.fromGrid({
      Notulen: [
        ['Id', 'Tekst'],
        ['N-1', 'oud'],
      ],
    });
    const annaView = shared.clone();
    const bertView = shared.clone();
    const plan = async (view: MemoryWorkbook, id: string): Promise<Plan> => {
      const rows = (await view.readSnapshot()).sheets[0].values.length;
      return { ops: [{ kind: 'appendRows', sheet: 'Notulen', minRow: rows + 1, firstColumn: 'A', rows: [[{ text: id }, { text: `van ${id}` }]] }] };
    };
    const anna = await plan(annaView, 'N-a');
    const bert = await plan(bertView, 'N-b');
    expect(anna.ops[0]).toMatchObject({ minRow: 3 });
    expect(bert.ops[0]).toMatchObject({ minRow: 3 });
    const [ra, rb] = [await shared.apply(anna), await shared.apply(bert)];
    expect([ra.appendedAt, rb.appendedAt]).toEqual([[3], [4]]);
    expect((await shared.readSnapshot()).sheets[0].values).toEqual([
      ['Id', 'Tekst'],
      ['N-1', 'oud'],
      ['N-a', 'van N-a'],
      ['N-b', 'van N-b'],
    ]);
  });

  test('selectCell remembers the selection', async () => {
    const wb = MemoryWorkbook.fromGrid({ Blad: [] });
    await wb.selectCell('blad', 'D7');
    expect(wb.selection).toEqual({ sheet: 'Blad', cell: 'D7' });
  });

  test('without validation targets the snapshot lists no validations', async () => {
    const wb = MemoryWorkbook.fromGrid({ Blad: [] });
    wb.setValidation('Blad', 'A1:A5', { type: 'decimal', min: 0, errorTitle: 't', errorMessage: 'm', strict: true });
    expect((await wb.readSnapshot()).validations).toEqual([]);
  });
});

describe('memory workbook: text is entered like typing in Excel', () => {
  test('text passes toEntryText then parseEntry: without the escaping "=1+1" would become a formula', async () => {
    // run the adapter with an escaping function that does nothing
    let broken!: typeof MemoryWorkbook;
    jest.isolateModules(() => {
      jest.doMock('../../../src/core/textSafety', () => ({ ...jest.requireActual('../../../src/core/textSafety'), toEntryText: (s: string) => s }));
      broken = require('../../../src/workbook/memory/MemoryWorkbook').MemoryWorkbook;
    });
    jest.dontMock('../../../src/core/textSafety');
    const cells = [[{ text: '=1+1' }, { text: '00123' }, { text: 'TRUE' }]];
    const bad = new broken();
    await bad.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Blad' },
        { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells },
      ],
    });
    expect(bad.getFormula('Blad', 'A1')).toBe('=1+1');
    expect(bad.getCell('Blad', 'B1')).toBe(123);
    expect(bad.getCell('Blad', 'C1')).toBe(true);
    // the real adapter keeps them text
    const good = new MemoryWorkbook();
    await good.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Blad' },
        { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells },
      ],
    });
    expect((await good.readSnapshot()).sheets[0]).toMatchObject({ values: [['=1+1', '00123', 'TRUE']], formulas: [[null, null, null]] });
  });

  test('an empty text clears the cell', async () => {
    const wb = MemoryWorkbook.fromGrid({ Blad: [['a', 'b']] });
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'B1', cells: [[{ text: '' }]] }] });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([['a']]);
  });
});

describe("memory workbook: the team's names and conditional formats", () => {
  function teamBook(): MemoryWorkbook {
    const wb = MemoryWorkbook.fromGrid({ W: [['a', 'b', 'c', 'd', 'e']], Eigen: [[1]] });
    wb.defineName('Op', '=W!$D$1');
    wb.defineName('Lokaal', '=W!$E$1', 'eigen');
    wb.addConditionalFormat('W', ['D1:E1'], ['=$D1>0']);
    return wb;
  }

  test('a name is defined per scope (the sheet named as the workbook has it); defining it again replaces it', () => {
    const wb = teamBook();
    wb.defineName('op', '=W!$C$1');
    expect(wb.getNames()).toEqual([
      { name: 'Lokaal', formula: '=W!$E$1', scope: 'Eigen' },
      { name: 'op', formula: '=W!$C$1' },
    ]);
  });

  test('read into the snapshot only when asked; a clone keeps them apart', async () => {
    const wb = teamBook();
    expect((await wb.readSnapshot()).definitions).toBeUndefined();
    const copy = wb.clone();
    copy.defineName('Extra', '=W!$A$1');
    const d = (await wb.readSnapshot({ definitions: true })).definitions!;
    expect(d.names.map((n) => n.name)).toEqual(['Op', 'Lokaal']);
    expect(d.rules).toEqual([{ kind: 'conditionalFormat', sheet: 'W', ranges: ['D1:E1'], formulas: ['=$D1>0'] }]);
    expect(copy.getNames().map((n) => n.name)).toEqual(['Op', 'Lokaal', 'Extra']);
  });

  test('a plan that fails after a column delete leaves names and conditional formats as they were (all or nothing)', async () => {
    const wb = teamBook();
    wb.setCell('W', 'XFD1', 'vol');
    const plan: Plan = {
      ops: [
        { kind: 'deleteColumns', sheet: 'W', column: 'D', count: 1 },
        // XFD1 is in XFC after the delete: inserting two columns would push it off the sheet
        { kind: 'insertColumns', sheet: 'W', column: 'A', count: 2 },
      ],
    };
    await expect(wb.apply(plan)).rejects.toBeInstanceOf(WorkbookError);
    expect(wb.getNames().map((n) => n.formula)).toEqual(['=W!$D$1', '=W!$E$1']);
    expect(wb.getConditionalFormats('W')).toEqual([{ ranges: ['D1:E1'], formulas: ['=$D1>0'] }]);
    await wb.apply({ ops: [plan.ops[0]] });
    expect(wb.getNames().map((n) => n.formula)).toEqual(['=#REF!', '=W!$D$1']);
    expect(wb.getConditionalFormats('W')).toEqual([{ ranges: ['D1:D1'], formulas: ['=#REF!>0'] }]);
  });
});

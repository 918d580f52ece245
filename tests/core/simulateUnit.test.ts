/**
 * `simulate` / `simulateApply` on their own (src/core/simulate.ts), on snapshots built in each
 * test: the writes of every op kind, what a write does to `noCachedResult`, validations set
 * over others, whole-column inserts and deletes (cells, formulas of every sheet, merges,
 * unlocked ranges, validations, definitions), the row ops' outcomes, the errors, and that the
 * snapshot given is never changed. Pure: no adapter, no files.
 */
import { simulate, simulateApply } from '../../src/core/simulate';
import type { PlanOp, SheetSnapshot, ValidationRule, WorkbookSnapshot } from '../../src/core/snapshot';

const listRule = (source: string): ValidationRule => ({ type: 'list', source, errorTitle: 't', errorMessage: 'm', strict: true });
const numberRule: ValidationRule = { type: 'wholeNumber', min: 0, max: 5, errorTitle: 't', errorMessage: 'm', strict: true };

function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

function sheetOf(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe('simulate: the snapshot given stays as it was', () => {
  test('cells, formulas and the missing results of the input are not changed; other properties are kept', () => {
    const before: WorkbookSnapshot = {
      date1904: true,
      sheets: [
        { name: 'W', values: [['a', 1]], formulas: [[null, '=1']], noCachedResult: ['B1'], hidden: true, liveFormulas: false, merges: ['C1:D1'] },
        { name: 'X', values: [[2]] },
      ],
    };
    const copy = structuredClone(before);
    const after = simulate(before, [
      { kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ text: 'b' }, { number: 3 }, { formula: '=2' }]] },
      { kind: 'setCells', sheet: 'X', cell: 'B2', cells: [[{ bool: true }]] },
      { kind: 'insertColumns', sheet: 'W', column: 'A', count: 1 },
    ]);
    expect(before).toEqual(copy);
    expect(after.date1904).toBe(true);
    const w = sheetOf(after, 'W');
    expect(w.hidden).toBe(true);
    expect(w.liveFormulas).toBe(false);
    expect(w.merges).toEqual(['D1:E1']);
    expect(w.values).toEqual([[null, 'b', 3, null]]);
    expect(w.noCachedResult).toEqual(['D1']);
    expect(sheetOf(after, 'X').values).toEqual([[2], [null, true]]);
  });

  test('no ops: an equal snapshot with formulas as rows (absent ones empty) and validations as a list', () => {
    const before = book({ name: 'W', values: [[1], [2]], formulas: [['=1'], undefined as unknown as string[]] }, { name: 'X', values: [] });
    const after = simulate(before, []);
    expect(after.sheets).toEqual([
      { name: 'W', values: [[1], [2]], formulas: [['=1'], []] },
      { name: 'X', values: [], formulas: [] },
    ]);
    expect(after.validations).toEqual([]);
    expect('definitions' in after).toBe(false);
    expect(after.sheets[0].values).not.toBe(before.sheets[0].values);
    expect(after.sheets[0].values[0]).not.toBe(before.sheets[0].values[0]);
    expect(after.sheets[0].formulas?.[0]).not.toBe(before.sheets[0].formulas?.[0]);
  });

  test('ops that a snapshot does not hold (styles, widths, heights, freeze) change nothing', () => {
    const before = book({ name: 'W', values: [['a']], formulas: [[null]] });
    const after = simulate(before, [
      { kind: 'setStyle', sheet: 'W', range: 'A1', style: { bold: true } },
      { kind: 'setColumnWidths', sheet: 'W', widths: [{ column: 'A', width: 20 }] },
      { kind: 'setRowHeights', sheet: 'W', heights: [{ row: 1, height: 30 }] },
      { kind: 'freeze', sheet: 'W', rows: 1, columns: 1 },
    ]);
    expect(after).toEqual({ sheets: [{ name: 'W', values: [['a']], formulas: [[null]] }], validations: [] });
  });
});

describe('simulate: sheets', () => {
  test('addSheet adds an empty sheet at the end, hidden as asked', () => {
    const after = simulate(book({ name: 'W', values: [[1]] }), [
      { kind: 'addSheet', sheet: 'Nieuw', hidden: true },
      { kind: 'addSheet', sheet: 'Open' },
    ]);
    expect(after.sheets.map((s) => s.name)).toEqual(['W', 'Nieuw', 'Open']);
    expect(after.sheets[1]).toEqual({ name: 'Nieuw', values: [], formulas: [], hidden: true });
    expect(after.sheets[2].hidden).toBeUndefined();
  });

  test('a sheet added can be written by later ops', () => {
    const after = simulate(book(), [
      { kind: 'addSheet', sheet: 'N' },
      { kind: 'setCells', sheet: 'N', cell: 'B2', cells: [[{ text: 'x' }]] },
    ]);
    expect(after.sheets[0].values).toEqual([[], [null, 'x']]);
  });

  test('adding a sheet that exists (the name in other case or spacing) throws', () => {
    expect(() => simulate(book({ name: 'Werkblad', values: [] }), [{ kind: 'addSheet', sheet: ' werkBLAD ' }])).toThrow('simulate: sheet exists  werkBLAD ');
    expect(() =>
      simulate(book(), [
        { kind: 'addSheet', sheet: 'A' },
        { kind: 'addSheet', sheet: 'a' },
      ]),
    ).toThrow('simulate: sheet exists a');
  });

  test('an op on an unknown sheet throws, for cells and for columns', () => {
    const wb = book({ name: 'W', values: [] });
    expect(() => simulate(wb, [{ kind: 'setCells', sheet: 'V', cell: 'A1', cells: [[{ text: 'x' }]] }])).toThrow('simulate: unknown sheet V');
    expect(() => simulate(wb, [{ kind: 'deleteColumns', sheet: 'Q', column: 'A', count: 1 }])).toThrow('simulate: unknown sheet Q');
  });

  test('a sheet is found by its name in other case and spacing', () => {
    const after = simulate(book({ name: 'Mijn Blad', values: [] }), [{ kind: 'setCells', sheet: 'mijn  blad', cell: 'A1', cells: [[{ number: 1 }]] }]);
    expect(after.sheets[0].values).toEqual([[1]]);
  });
});

describe('simulate: setCells', () => {
  test('each kind of input as a reader would see it', () => {
    const after = simulate(book({ name: 'W', values: [] }), [
      {
        kind: 'setCells',
        sheet: 'W',
        cell: 'B2',
        cells: [
          [{ text: 'tekst' }, { text: '' }, { number: 0 }, { bool: false }],
          [
            { formula: '=1+1', result: 2 },
            { formula: '=A1', result: '' },
            { formula: '=TRUE()', result: true },
            { formula: '="a"', result: 'a' },
          ],
        ],
      },
    ]);
    const w = after.sheets[0];
    expect(w.values).toEqual([[], [null, 'tekst', null, 0, false], [null, 2, null, true, 'a']]);
    expect(w.formulas).toEqual([[], [null, null, null, null, null], [null, '=1+1', '=A1', '=TRUE()', '="a"']]);
    // a formula with a cached result ('' too) is not listed as without one
    expect(w.noCachedResult).toBeUndefined();
  });

  test('a write replaces a formula and leaves the cells around it', () => {
    const after = simulate(book({ name: 'W', values: [[1, 2, 3]], formulas: [[null, '=1', '=2']] }), [
      { kind: 'setCells', sheet: 'W', cell: 'B1', cells: [[{ text: 'x' }]] },
    ]);
    expect(after.sheets[0].values).toEqual([[1, 'x', 3]]);
    expect(after.sheets[0].formulas).toEqual([[null, null, '=2']]);
  });

  test('rows absent from the formulas are added to write into', () => {
    const after = simulate(book({ name: 'W', values: [[1], [2], [3]] }), [
      { kind: 'setCells', sheet: 'W', cell: 'A3', cells: [[{ formula: '=1', result: 1 }]] },
    ]);
    expect(after.sheets[0].formulas).toEqual([[], [], ['=1']]);
    expect(after.sheets[0].values).toEqual([[1], [2], [1]]);
  });

  test('a formula written without its result has none: null, listed in noCachedResult', () => {
    const after = simulate(book({ name: 'W', values: [] }), [{ kind: 'setCells', sheet: 'W', cell: 'C2', cells: [[{ formula: '=1' }, { formula: '=2' }]] }]);
    expect(after.sheets[0].values).toEqual([[], [null, null, null, null]]);
    expect(after.sheets[0].noCachedResult).toEqual(['C2', 'D2']);
  });

  test('on a sheet whose host calculates (liveFormulas) nothing is listed', () => {
    const after = simulate(book({ name: 'W', values: [], liveFormulas: true }), [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ formula: '=1' }]] }]);
    expect(after.sheets[0].noCachedResult).toBeUndefined();
    expect(after.sheets[0].formulas).toEqual([['=1']]);
  });

  test('a write with a value takes the cell off the list; the list goes when empty', () => {
    const wb = book({ name: 'W', values: [[null, null]], formulas: [['=1', '=2']], noCachedResult: ['A1', 'B1'] });
    const one = simulate(wb, [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ formula: '=1', result: 1 }]] }]);
    expect(one.sheets[0].noCachedResult).toEqual(['B1']);
    const both = simulate(wb, [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ text: 'a' }, { number: 1 }]] }]);
    expect('noCachedResult' in both.sheets[0]).toBe(false);
    const elsewhere = simulate(wb, [{ kind: 'setCells', sheet: 'W', cell: 'C1', cells: [[{ text: 'a' }]] }]);
    expect(elsewhere.sheets[0].noCachedResult).toEqual(['A1', 'B1']);
  });

  test('a cell listed by an earlier op of the same plan is taken off by a later write', () => {
    const after = simulate(book({ name: 'W', values: [] }), [
      { kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ formula: '=1' }]] },
      { kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ text: 'a' }]] },
    ]);
    expect('noCachedResult' in after.sheets[0]).toBe(false);
  });

  test('an empty list stays as read when nothing is listed or taken off', () => {
    const after = simulate(book({ name: 'W', values: [], noCachedResult: [] }), [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ text: 'a' }]] }]);
    expect(after.sheets[0].noCachedResult).toEqual([]);
  });

  test('a guarded write whose cells changed writes nothing and reports them; one that holds writes', () => {
    const wb = book({ name: 'W', values: [['oud', 'b']] });
    const refused = simulateApply(wb, [{ kind: 'setCells', sheet: 'w', cell: 'A1', cells: [[{ text: 'nieuw' }]], expect: [['anders']] }]);
    expect(refused.snapshot.sheets[0].values).toEqual([['oud', 'b']]);
    expect(refused.outcomes).toEqual({ appendedAt: [], missingKeys: [], conflicts: [{ sheet: 'W', cell: 'A1', expected: 'anders', actual: 'oud' }] });
    const done = simulateApply(wb, [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ text: 'nieuw' }]], expect: [['oud']] }]);
    expect(done.snapshot.sheets[0].values).toEqual([['nieuw', 'b']]);
    expect(done.outcomes.conflicts).toEqual([]);
  });
});

describe('simulate: keyed rows', () => {
  test('appendRows writes below the used range (a formula row counts) and reports where', () => {
    const wb = book({ name: 'N', values: [['kop'], [null]], formulas: [[], ['=1']] });
    const { snapshot, outcomes } = simulateApply(wb, [
      { kind: 'appendRows', sheet: 'N', minRow: 1, firstColumn: 'B', rows: [[{ text: 'x' }], [{ number: 2 }]] },
      { kind: 'appendRows', sheet: 'N', minRow: 10, firstColumn: 'A', rows: [[{ text: 'y' }]] },
    ]);
    expect(outcomes.appendedAt).toEqual([3, 10]);
    expect(snapshot.sheets[0].values[2]).toEqual([null, 'x']);
    expect(snapshot.sheets[0].values[3]).toEqual([null, 2]);
    expect(snapshot.sheets[0].values[9]).toEqual(['y']);
  });

  test('updateRowByKey replaces the row of its key; a missing key writes nothing and is reported', () => {
    const wb = book({ name: 'N', values: [['id'], ['k1', 'a'], ['k2', 'b']] });
    const { snapshot, outcomes } = simulateApply(wb, [
      { kind: 'updateRowByKey', sheet: 'N', minRow: 2, keyColumn: 'A', key: 'k2', firstColumn: 'B', cells: [{ text: 'B!' }] },
      { kind: 'updateRowByKey', sheet: 'N', minRow: 2, keyColumn: 'A', key: 'k9', firstColumn: 'B', cells: [{ text: 'nee' }] },
    ]);
    expect(snapshot.sheets[0].values).toEqual([['id'], ['k1', 'a'], ['k2', 'B!']]);
    expect(outcomes).toEqual({ appendedAt: [], missingKeys: ['k9'], conflicts: [] });
  });

  test('deleteRowByKey empties the row of its key between its columns', () => {
    const wb = book({ name: 'N', values: [['k1', 'a', 'b', 'c']] });
    const after = simulate(wb, [{ kind: 'deleteRowByKey', sheet: 'N', minRow: 1, keyColumn: 'A', key: 'k1', firstColumn: 'A', lastColumn: 'C' }]);
    expect(after.sheets[0].values).toEqual([[null, null, null, 'c']]);
  });
});

describe('simulate: setValidation', () => {
  const existing = (range: string, sheet = 'W') => ({ sheet, range, rule: numberRule });

  test('a validation set replaces those it overlaps on its sheet and goes last', () => {
    const wb: WorkbookSnapshot = {
      sheets: [{ name: 'W', values: [] }],
      validations: [existing('A1:A10'), existing('C3:D4'), existing('C3:D4', 'Ander'), existing('c5', 'w'), existing('E1')],
    };
    const after = simulate(wb, [{ kind: 'setValidation', sheet: 'W', range: 'B2:C5', rule: listRule('=$Z$1:$Z$3') }]);
    expect(after.validations).toEqual([
      existing('A1:A10'),
      existing('C3:D4', 'Ander'),
      existing('E1'),
      { sheet: 'W', range: 'B2:C5', rule: listRule('=$Z$1:$Z$3') },
    ]);
    expect(wb.validations).toHaveLength(5);
  });

  test.each([
    ['above', 'B1:C1', false],
    ['on the top row', 'B1:C2', true],
    ['below', 'B6:C6', false],
    ['on the bottom row', 'B5:C6', true],
    ['left', 'A2:A5', false],
    ['on the left column', 'A2:B2', true],
    ['right', 'D2:D5', false],
    ['on the right column', 'C5:D9', true],
    ['around', 'A1:E9', true],
    ['inside', 'C3', true],
  ])('a validation %s of B2:C5 (%s) replaced: %s', (_where, range, replaced) => {
    const wb: WorkbookSnapshot = { sheets: [{ name: 'W', values: [] }], validations: [existing(range)] };
    const after = simulate(wb, [{ kind: 'setValidation', sheet: 'W', range: 'B2:C5', rule: numberRule }]);
    expect(after.validations?.map((v) => v.range)).toEqual(replaced ? ['B2:C5'] : [range, 'B2:C5']);
  });

  test('validations set one after the other each replace the one before at the same range', () => {
    const after = simulate(book({ name: 'W', values: [] }), [
      { kind: 'setValidation', sheet: 'W', range: 'A1', rule: numberRule },
      { kind: 'setValidation', sheet: 'W', range: 'A1', rule: listRule('=B1') },
      { kind: 'setValidation', sheet: 'W', range: 'A2', rule: numberRule },
    ]);
    expect(after.validations).toEqual([
      { sheet: 'W', range: 'A1', rule: listRule('=B1') },
      { sheet: 'W', range: 'A2', rule: numberRule },
    ]);
  });
});

describe('simulate: whole columns', () => {
  test('deleteColumns moves the cells, formulas and missing results on its sheet left', () => {
    const wb = book({
      name: 'W',
      values: [
        ['a', 'b', 'c', 'd'],
        ['e', null, 'f'],
      ],
      formulas: [[null, '=1', '=2', '=SUM(A1:D1)'], [], undefined as unknown as string[]],
      noCachedResult: ['B1', 'C1', 'D1'],
    });
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'w', column: 'B', count: 2 }]);
    const w = after.sheets[0];
    expect(w.values).toEqual([['a', 'd'], ['e']]);
    expect(w.formulas).toEqual([[null, '=SUM(A1:B1)'], [], []]);
    expect(w.noCachedResult).toEqual(['B1']);
  });

  test('deleting every listed cell removes the list', () => {
    const wb = book({ name: 'W', values: [[null]], formulas: [['=1']], noCachedResult: ['A1'] });
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'W', column: 'A', count: 1 }]);
    expect('noCachedResult' in after.sheets[0]).toBe(false);
    expect(after.sheets[0].values).toEqual([[]]);
  });

  test('insertColumns moves the cells right with empty cells between, the list along', () => {
    const wb = book({ name: 'W', values: [['a', 'b']], formulas: [[null, '=A1']], noCachedResult: ['B1'] });
    const after = simulate(wb, [{ kind: 'insertColumns', sheet: 'W', column: 'A', count: 2 }]);
    expect(after.sheets[0].values).toEqual([[null, null, 'a', 'b']]);
    expect(after.sheets[0].formulas).toEqual([[null, null, null, '=C1']]);
    expect(after.sheets[0].noCachedResult).toEqual(['D1']);
  });

  test('a cell listed by an earlier op moves with a later column op', () => {
    const after = simulate(book({ name: 'W', values: [] }), [
      { kind: 'setCells', sheet: 'W', cell: 'B1', cells: [[{ formula: '=1' }]] },
      { kind: 'insertColumns', sheet: 'W', column: 'A', count: 1 },
    ]);
    expect(after.sheets[0].noCachedResult).toEqual(['C1']);
    expect(after.sheets[0].formulas).toEqual([[null, null, '=1']]);
  });

  test('a column op on another sheet leaves the list of this one', () => {
    const wb = book({ name: 'W', values: [[null, null]], formulas: [[null, '=1']], noCachedResult: ['B1'] }, { name: 'X', values: [['x']] });
    const after = simulate(wb, [{ kind: 'insertColumns', sheet: 'X', column: 'A', count: 1 }]);
    expect(after.sheets[0].noCachedResult).toEqual(['B1']);
    expect(after.sheets[0].values).toEqual([[null, null]]);
    expect(after.sheets[1].values).toEqual([[null, 'x']]);
  });

  test("formulas of other sheets that point into the sheet move; the other sheet's cells stay", () => {
    const wb = book(
      { name: 'W', values: [['a', 'b', 'c']] },
      { name: 'X', values: [[1, 2]], formulas: [['=W!C1', '=C1'], undefined as unknown as string[], [null, "='W'!$B$1:$C$1"]] },
    );
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'W', column: 'A', count: 1 }]);
    expect(after.sheets[1].values).toEqual([[1, 2]]);
    expect(after.sheets[1].formulas).toEqual([['=W!B1', '=C1'], [], [null, "='W'!$A$1:$B$1"]]);
  });

  test('merges and unlocked ranges on the sheet move, shrink, or go', () => {
    const wb = book({
      name: 'W',
      values: [],
      merges: ['A1:B1', 'B2', 'C3:E3'],
      protection: { protected: true, unlocked: ['B5:B9', 'A5:D9', 'E1'], allowFormatCells: true },
    });
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'W', column: 'B', count: 1 }]);
    expect(after.sheets[0].merges).toEqual(['A1:A1', 'B3:D3']);
    expect(after.sheets[0].protection).toEqual({ protected: true, unlocked: ['A5:C9', 'D1'], allowFormatCells: true });
    expect(wb.sheets[0].protection?.unlocked).toEqual(['B5:B9', 'A5:D9', 'E1']);
    const other = simulate(wb, [{ kind: 'insertColumns', sheet: 'W', column: 'Z', count: 1 }]);
    expect(other.sheets[0].merges).toEqual(['A1:B1', 'B2', 'C3:E3']);
    expect('merges' in simulate(book({ name: 'W', values: [] }), [{ kind: 'insertColumns', sheet: 'W', column: 'A', count: 1 }]).sheets[0]).toBe(false);
  });

  test('validations on the sheet move or go; list sources pointing into it move on every sheet', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        { name: 'W', values: [] },
        { name: 'X', values: [] },
      ],
      validations: [
        { sheet: 'W', range: 'C2:C9', rule: listRule('=$E$1:$E$3') },
        { sheet: 'W', range: 'B2', rule: numberRule },
        { sheet: 'X', range: 'C2', rule: listRule('=W!$E$1:$E$3') },
        { sheet: 'X', range: 'D2', rule: numberRule },
        { sheet: 'w', range: 'A1', rule: null },
      ],
    };
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'W', column: 'B', count: 1 }]);
    expect(after.validations).toEqual([
      { sheet: 'W', range: 'B2:B9', rule: listRule('=$D$1:$D$3') },
      { sheet: 'X', range: 'C2', rule: listRule('=W!$D$1:$D$3') },
      { sheet: 'X', range: 'D2', rule: numberRule },
      { sheet: 'w', range: 'A1', rule: null },
    ]);
    const inserted = simulate(wb, [{ kind: 'insertColumns', sheet: 'W', column: 'A', count: 2 }]);
    expect(inserted.validations?.map((v) => v.range)).toEqual(['E2:E9', 'D2', 'C2', 'D2', 'C1']);
  });

  test('definitions move as the adapters move them: names, rules, and a rule without cells goes', () => {
    const wb: WorkbookSnapshot = {
      sheets: [
        { name: 'W', values: [] },
        { name: 'X', values: [] },
      ],
      definitions: {
        names: [
          { name: 'Op', formula: '=W!$D$1' },
          { name: 'Lokaal', scope: 'X', formula: '=X!$D$1' },
        ],
        rules: [
          { kind: 'conditionalFormat', sheet: 'W', ranges: ['B1', 'D1:E1'], formulas: ['=$D1>0'] },
          { kind: 'conditionalFormat', sheet: 'W', ranges: ['B2'], formulas: ['=B2>0'] },
          { kind: 'validation', sheet: 'X', ranges: ['B1'], formulas: ['=W!$C$1', '=C1'] },
        ],
        unread: ['comments'],
      },
    };
    const copy = structuredClone(wb);
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'W', column: 'B', count: 1 }]);
    expect(after.definitions).toEqual({
      names: [
        { name: 'Op', formula: '=W!$C$1' },
        { name: 'Lokaal', scope: 'X', formula: '=X!$D$1' },
      ],
      rules: [
        { kind: 'conditionalFormat', sheet: 'W', ranges: ['C1:D1'], formulas: ['=$C1>0'] },
        { kind: 'validation', sheet: 'X', ranges: ['B1'], formulas: ['=W!$B$1', '=C1'] },
      ],
      unread: ['comments'],
    });
    expect(wb).toEqual(copy);
    // a write leaves the definitions as they are
    expect(simulate(wb, [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ text: 'a' }]] }]).definitions).toBe(wb.definitions);
  });

  test('ops after a column op see the moved sheet', () => {
    const after = simulate(book({ name: 'W', values: [['a', 'b']] }), [
      { kind: 'deleteColumns', sheet: 'W', column: 'A', count: 1 },
      { kind: 'setCells', sheet: 'W', cell: 'B1', cells: [[{ text: 'c' }]] },
      { kind: 'insertColumns', sheet: 'W', column: 'B', count: 1 },
    ]);
    expect(after.sheets[0].values).toEqual([['b', null, 'c']]);
  });
});

test('the ops of a plan are applied in order and each sees the ones before', () => {
  const ops: PlanOp[] = [
    { kind: 'addSheet', sheet: 'L' },
    { kind: 'appendRows', sheet: 'L', minRow: 1, firstColumn: 'A', rows: [[{ text: 'k1' }, { text: 'a' }]] },
    { kind: 'appendRows', sheet: 'L', minRow: 1, firstColumn: 'A', rows: [[{ text: 'k2' }, { text: 'b' }]] },
    { kind: 'updateRowByKey', sheet: 'L', minRow: 1, keyColumn: 'A', key: 'K1', firstColumn: 'B', cells: [{ text: 'A' }] },
  ];
  const { snapshot, outcomes } = simulateApply(book(), ops);
  expect(snapshot.sheets[0].values).toEqual([
    ['k1', 'A'],
    ['k2', 'b'],
  ]);
  expect(outcomes.appendedAt).toEqual([1, 2]);
});

describe('simulate: formulas read as a sparse list (a hole for a row without formulas)', () => {
  function sparse(): (string | null)[][] {
    const formulas: (string | null)[][] = [];
    formulas[2] = [null, '=W!C1'];
    return formulas;
  }

  test('a column op skips the holes and moves the rows that are there', () => {
    const wb = book({ name: 'W', values: [['a', 'b', 'c']], formulas: sparse() });
    const after = simulate(wb, [{ kind: 'deleteColumns', sheet: 'W', column: 'A', count: 1 }]);
    expect(after.sheets[0].formulas?.[2]).toEqual(['=W!B1']);
    expect(after.sheets[0].values).toEqual([['b', 'c']]);
    const other = simulate(book({ name: 'X', values: [] }, { name: 'Y', values: [[1, 2]], formulas: sparse() }), [
      { kind: 'insertColumns', sheet: 'X', column: 'A', count: 1 },
    ]);
    expect(other.sheets[1].formulas?.[2]).toEqual([null, '=W!C1']);
  });

  test('a write into a hole makes the row, empty apart from the cell written', () => {
    const after = simulate(book({ name: 'W', values: [] }), []);
    expect(after.sheets[0].formulas).toEqual([]);
    const wb = book({ name: 'W', values: [[1], [2], [3]], formulas: sparse() });
    const written = simulate(wb, [{ kind: 'setCells', sheet: 'W', cell: 'C1', cells: [[{ formula: '=1', result: 1 }]] }]);
    expect(written.sheets[0].formulas?.[0]).toEqual([null, null, '=1']);
    expect(written.sheets[0].formulas?.[2]).toEqual([null, '=W!C1']);
  });
});

test('an empty noCachedResult stays as read through a column op on its sheet', () => {
  const after = simulate(book({ name: 'W', values: [['a']], noCachedResult: [] }), [{ kind: 'insertColumns', sheet: 'W', column: 'A', count: 1 }]);
  expect(after.sheets[0].noCachedResult).toEqual([]);
  expect(after.sheets[0].values).toEqual([[null, 'a']]);
});

test('clear empties a cell: no value, no formula, off the list of formulas without a result', () => {
  const wb = book({ name: 'W', values: [['a', null, 'c']], formulas: [[null, '=1', null]], noCachedResult: ['B1'] });
  const after = simulate(wb, [{ kind: 'setCells', sheet: 'W', cell: 'A1', cells: [[{ clear: true }, { clear: true }]] }]);
  expect(after.sheets[0].values).toEqual([[null, null, 'c']]);
  expect(after.sheets[0].formulas).toEqual([[null, null, null]]);
  expect('noCachedResult' in after.sheets[0]).toBe(false);
});

/**
 * src/core/keyedRows.ts on its own: what the contract cases (tests/workbook/contract.ts)
 * reach only through whole workbooks. Written against the mutants StrykerJS found alive
 * (`STRYKER_TESTS=keyedRows,workbook/simulate.contract npm run mutation -- --mutate
 * src/core/keyedRows.ts`).
 */
import {
  appendedFormats,
  appendedHeights,
  columnGuardConflicts,
  columnGuards,
  guardCellValue,
  keyedRowCells,
  placeRowOp,
  recordPlacement,
  snapshotRows,
  updatedRowHeight,
  type RowOutcomes,
} from '../../src/core/keyedRows';
import type { CellValue, PlanOp } from '../../src/core/snapshot';

const sheet = (values: CellValue[][], formulas?: (string | null)[][]) => snapshotRows({ name: 'Blad', values, formulas });

describe('snapshotRows: the last used row of a snapshot', () => {
  test('trailing rows of empty cells ("" or null) are not used', () => {
    expect(sheet([['a'], [null, ''], [], [undefined as unknown as CellValue]]).lastUsedRow()).toBe(1);
    expect(sheet([]).lastUsedRow()).toBe(0);
    expect(sheet([[null], ['']]).lastUsedRow()).toBe(0);
  });

  test('a row whose only content is a formula counts; an empty formula does not', () => {
    expect(sheet([['a'], [null], [null]], [[], [null, '=1+1'], [null, '']]).lastUsedRow()).toBe(2);
    expect(sheet([['a'], [null]], [[], [null]]).lastUsedRow()).toBe(1);
  });

  test('appendRows lands below the last used row, not below trailing empty rows', () => {
    const op: PlanOp = { kind: 'appendRows', sheet: 'Blad', minRow: 1, firstColumn: 'A', rows: [[{ text: 'x' }]] };
    expect(placeRowOp(op, 'Blad', sheet([['kop'], ['een'], [''], [null]]))).toEqual({ kind: 'write', row: 3, column: 1, cells: [[{ text: 'x' }]] });
  });

  test('a cell outside the snapshot reads as empty', () => {
    const rows = sheet([['a']]);
    expect(rows.value(5, 1)).toBeNull();
    expect(rows.value(1, 4)).toBeNull();
  });
});

describe('guards (expect): what counts as the same cell', () => {
  const guarded = (actual: CellValue[][], expect: CellValue[][]) =>
    placeRowOp({ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: expect.map((l) => l.map(() => ({ text: 'nieuw' }))), expect }, 'Blad', sheet(actual));

  test('a boolean cell holds TRUE / FALSE as Excel shows it', () => {
    expect(guarded([[true, false]], [['TRUE', 'FALSE']]).kind).toBe('write');
  });

  test('an empty cell, a cell outside the snapshot and "" are the same', () => {
    expect(guarded([[null, 'x']], [['', 'x', '']]).kind).toBe('write');
    expect(guarded([['', 'x']], [[null, 'x']]).kind).toBe('write');
  });

  test('line breaks compare as one: "\\r\\n" and a lone "\\r" are "\\n"', () => {
    expect(guarded([['a\nb']], [['a\r\nb']]).kind).toBe('write');
    expect(guarded([['a\nb']], [['a\rb']]).kind).toBe('write');
  });

  test('a conflict in the second row of a block names that row', () => {
    const p = guarded(
      [
        ['a', 'b'],
        ['c', 'door collega'],
      ],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    expect(p).toEqual({ kind: 'conflict', conflicts: [{ sheet: 'Blad', cell: 'B2', expected: 'd', actual: 'door collega' }] });
    // a setCells has no key: its conflicts carry none (only updateRowByKey / deleteRowByKey do)
    expect(p.kind === 'conflict' && 'key' in p.conflicts[0]).toBe(false);
  });
});

test('deleteRowByKey writes one clear per column firstColumn..lastColumn', () => {
  expect(keyedRowCells({ kind: 'deleteRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'k', firstColumn: 'B', lastColumn: 'D' })).toEqual([
    { clear: true },
    { clear: true },
    { clear: true },
  ]);
});

test('only appendRows reports where it wrote (appendedAt); a written setCells or updateRowByKey does not', () => {
  const outcomes: RowOutcomes = { appendedAt: [], missingKeys: [], conflicts: [] };
  const rows = sheet([['k', 'oud']]);
  const update: PlanOp = { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'k', firstColumn: 'B', cells: [{ text: 'nieuw' }] };
  const set: PlanOp = { kind: 'setCells', sheet: 'Blad', cell: 'C1', cells: [[{ text: 'x' }]], expect: [[null]] };
  recordPlacement(update, placeRowOp(update, 'Blad', rows), outcomes);
  recordPlacement(set, placeRowOp(set, 'Blad', rows), outcomes);
  expect(outcomes).toEqual({ appendedAt: [], missingKeys: [], conflicts: [] });
});

describe('updatedRowHeight: an edited row gets the height its new text needs, never over a height the team set', () => {
  const update = (height?: { points: number | null; replaces: number | null }): Extract<PlanOp, { kind: 'updateRowByKey' }> => ({
    kind: 'updateRowByKey',
    sheet: 'Blad',
    minRow: 1,
    keyColumn: 'A',
    key: 'k',
    firstColumn: 'B',
    cells: [{ text: 'x' }],
    ...(height ? { height } : {}),
  });

  test('an op without a height leaves every row as it is', () => {
    expect(updatedRowHeight(update(), undefined)).toBeUndefined();
    expect(updatedRowHeight(update(), 15)).toBeUndefined();
  });

  test("a row at Excel's default height gets the new text's height; one line leaves it at the default", () => {
    expect(updatedRowHeight(update({ points: 32, replaces: null }), undefined)).toBe(32);
    expect(updatedRowHeight(update({ points: null, replaces: 32 }), undefined)).toBeUndefined();
  });

  test("a row at the height the product gave it (within Excel's whole pixels) gets the new height; one line is 15 pt", () => {
    expect(updatedRowHeight(update({ points: 47, replaces: 32 }), 32)).toBe(47);
    expect(updatedRowHeight(update({ points: 47, replaces: 32 }), 32.25)).toBe(47);
    expect(updatedRowHeight(update({ points: 47, replaces: 32 }), 31.25)).toBe(47);
    expect(updatedRowHeight(update({ points: 47, replaces: null }), 15)).toBe(47);
    expect(updatedRowHeight(update({ points: null, replaces: 32 }), 32)).toBe(15);
  });

  test("a height the team set (1 pt or more away from the product's) stays", () => {
    expect(updatedRowHeight(update({ points: 47, replaces: 32 }), 21)).toBeUndefined();
    expect(updatedRowHeight(update({ points: 47, replaces: 32 }), 33)).toBeUndefined();
    expect(updatedRowHeight(update({ points: 47, replaces: 32 }), 31)).toBeUndefined();
    expect(updatedRowHeight(update({ points: 47, replaces: null }), 16)).toBeUndefined();
  });

  test('nothing is set when the row already has the height the new text needs', () => {
    expect(updatedRowHeight(update({ points: 32, replaces: 32 }), 32)).toBeUndefined();
    expect(updatedRowHeight(update({ points: 32, replaces: 32 }), 32.2)).toBeUndefined();
    expect(updatedRowHeight(update({ points: 32, replaces: 32 }), 32.5)).toBe(32);
  });
});

describe('appended rows: their heights and formats go on the rows appended, nowhere else', () => {
  const append = (rows: number, extra: Partial<Extract<PlanOp, { kind: 'appendRows' }>>): Extract<PlanOp, { kind: 'appendRows' }> => ({
    kind: 'appendRows',
    sheet: 'Blad',
    minRow: 2,
    firstColumn: 'A',
    rows: Array.from({ length: rows }, () => [{ text: 'x' }]),
    ...extra,
  });

  test("appendedHeights: each appended row its own height; null, missing or past the last row: Excel's default", () => {
    expect(appendedHeights(append(3, { heights: [48, null, 30, 60] }), 600)).toEqual([
      { row: 600, height: 48 },
      { row: 602, height: 30 },
    ]);
    expect(appendedHeights(append(2, {}), 600)).toEqual([]);
  });

  test('appendedFormats: one range per named column over the appended rows only', () => {
    const style = { wrap: true };
    expect(
      appendedFormats(
        append(2, {
          formats: [
            { column: 'H', style },
            { column: 'B', style },
          ],
        }),
        600,
      ),
    ).toEqual([
      { range: 'H600:H601', style },
      { range: 'B600:B601', style },
    ]);
    expect(appendedFormats(append(1, { formats: [{ column: 'H', style }] }), 7)).toEqual([{ range: 'H7:H7', style }]);
    expect(appendedFormats(append(0, { formats: [{ column: 'H', style }] }), 7)).toEqual([]);
    expect(appendedFormats(append(2, {}), 7)).toEqual([]);
  });
});

describe('column guards: a column delete or insert checks the columns as the team has them before the plan', () => {
  const del = (column: string, count: number, expect?: CellValue[][], sheet = 'Blad'): PlanOp => ({
    kind: 'deleteColumns',
    sheet,
    column,
    count,
    ...(expect ? { expect } : {}),
  });
  const ins = (column: string, count: number, expect?: CellValue[][], sheet = 'Blad'): PlanOp => ({
    kind: 'insertColumns',
    sheet,
    column,
    count,
    ...(expect ? { expect } : {}),
  });

  test('columnGuards: only guarded column ops, each column traced back through the earlier column ops on its sheet (any case)', () => {
    const ops: PlanOp[] = [
      ins('C', 1),
      { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[{ text: 'x' }]] },
      del('A', 5, undefined, 'Ander'),
      del('E', 2, [['kop', 'kop2']], 'BLAD'),
      ins('C', 2, [[null, null]]),
    ];
    const guards = columnGuards(ops);
    expect(guards.map((g) => [g.op, g.before])).toEqual([
      // E and F after the insert at C were D and E
      [ops[3], [4, 5]],
      // C: inserted by the first op (null); D was C (the delete at E..F is right of it)
      [ops[4], [null, 3]],
    ]);
    // after a delete of B, the guarded C was D before the plan
    expect(columnGuards([del('B', 1), del('C', 1, [['kop']])])[0].before).toEqual([4]);
  });

  test('columnGuardConflicts (delete): a changed cell of the block, and anything below it in the columns, is a conflict; the same values are not', () => {
    const guard = columnGuards([
      del('C', 2, [
        ['Kop', 'Kop2'],
        ['a', null],
      ]),
    ])[0];
    const cells: Record<string, CellValue> = { '1,3': 'Kop', '1,4': 'Kop2', '2,3': 'a', '4,4': 'door het team' };
    const read = (r: number, c: number) => cells[`${r},${c}`] ?? null;
    expect(columnGuardConflicts(guard, read, 5)).toEqual([{ sheet: 'Blad', cell: 'D4', expected: null, actual: 'door het team' }]);
    cells['2,3'] = 'b';
    expect(columnGuardConflicts(guard, read, 5).map((c) => [c.cell, c.expected, c.actual])).toEqual([
      ['C2', 'a', 'b'],
      ['D4', null, 'door het team'],
    ]);
    // the block is compared even when lastRow is above its end
    cells['4,4'] = null;
    expect(columnGuardConflicts(guard, read, 1).map((c) => c.cell)).toEqual(['C2']);
    expect(columnGuardConflicts(guard, read, 0).map((c) => c.cell)).toEqual(['C2']);
  });

  test('columnGuardConflicts (insert): only the block is compared (an insert loses nothing below it); a column the plan inserted reads as empty', () => {
    const guard = columnGuards([ins('B', 1), ins('B', 2, [['kop', 'x']])])[0];
    expect(guard.before).toEqual([null, 2]);
    // the workbook has no column for one the plan inserts: it is never read
    const read = (r: number, c: number | null): CellValue => (typeof c !== 'number' ? 'geen kolom' : r === 1 && c === 2 ? 'x' : r === 9 ? 'onder' : null);
    expect(columnGuardConflicts(guard, read, 20)).toEqual([{ sheet: 'Blad', cell: 'B1', expected: 'kop', actual: null }]);
    // the inserted column is the second of the block: its conflict names it as it will be (C), not B or A
    const second = columnGuards([ins('C', 1), ins('B', 2, [['a', 'b']])])[0];
    expect(second.before).toEqual([2, null]);
    expect(columnGuardConflicts(second, (r, c) => (r === 1 && c === 2 ? 'a' : null), 5)).toEqual([{ sheet: 'Blad', cell: 'C1', expected: 'b', actual: null }]);
  });

  test('guardCellValue: a cell by its value; a formula cell without a value by its formula text', () => {
    const sheet = { name: 'Blad', values: [[1, '', null]], formulas: [[null, '=A1', '=B1']] };
    expect([1, 2, 3, 4].map((c) => guardCellValue(sheet, 1, c))).toEqual([1, '=A1', '=B1', null]);
    expect(guardCellValue({ name: 'Blad', values: [['']] }, 1, 1)).toBe('');
    expect(guardCellValue({ name: 'Blad', values: [] }, 3, 1)).toBeNull();
    // a formula cell with a value is read by its value, not its formula
    expect(guardCellValue({ name: 'Blad', values: [[7]], formulas: [['=3+4']] }, 1, 1)).toBe(7);
    // formulas may stop before the values do (trailing rows without formulas)
    expect(guardCellValue({ name: 'Blad', values: [[null], [null]], formulas: [[null]] }, 2, 1)).toBeNull();
  });
});

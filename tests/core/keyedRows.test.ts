/**
 * src/core/keyedRows.ts on its own: what the contract cases (tests/workbook/contract.ts)
 * reach only through whole workbooks. Written against the mutants StrykerJS found alive
 * (`STRYKER_TESTS=keyedRows,workbook/simulate.contract npm run mutation -- --mutate
 * src/core/keyedRows.ts`).
 */
import { keyedRowCells, placeRowOp, recordPlacement, snapshotRows, type RowOutcomes } from '../../src/core/keyedRows';
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

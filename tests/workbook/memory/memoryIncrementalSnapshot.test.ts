/**
 * The memory adapter reads a sheet that a plan wrote only cells of by taking the last
 * snapshot and reading the written rows again (MemoryWorkbook `derivedSnapshot`), not every
 * row: a typed score in the preview re-reads one row of 5,000. For random workbooks and
 * random chains of plans (cells written and cleared, the last rows emptied, formulas with
 * and without a cached result, styles, merges and protection changed in between, reads
 * after some plans and not others) every read equals a full read of the same workbook (a
 * `clone()`, which has no snapshot kept).
 */
import fc from 'fast-check';
import type { CellInput, PlanOp } from '../../../src/core/snapshot';
import { WorkbookError } from '../../../src/workbook/errors';
import { MemoryWorkbook, type GridCell } from '../../../src/workbook/memory/MemoryWorkbook';

const cellInput: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 10 }).map((n) => ({ number: n })) },
  { weight: 3, arbitrary: fc.constant({ clear: true as const }) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b c', '', '=1+1').map((t) => ({ text: t })) },
  { weight: 1, arbitrary: fc.constant({ formula: '=A1*2', result: 4 }) },
  { weight: 1, arbitrary: fc.constant({ formula: '=A1*3' }) },
);

/** A step: a plan over sheet S (cells, a style or a merge-free protection change), or a test helper's change, then maybe a read. */
type Step =
  | { kind: 'cells'; row: number; column: number; cells: CellInput[][]; read: boolean }
  | { kind: 'clear'; row: number; read: boolean }
  | { kind: 'style'; row: number; read: boolean }
  | { kind: 'other'; row: number; read: boolean }
  | { kind: 'helper'; what: 'setCell' | 'merge' | 'protect' | 'unlock'; row: number; read: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('cells' as const),
      row: fc.integer({ min: 1, max: 14 }),
      column: fc.integer({ min: 1, max: 4 }),
      cells: fc.array(fc.array(cellInput, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      read: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clear' as const), row: fc.integer({ min: 1, max: 14 }), read: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('style' as const), row: fc.integer({ min: 1, max: 12 }), read: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('other' as const), row: fc.integer({ min: 1, max: 12 }), read: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('helper' as const),
      what: fc.constantFrom('setCell' as const, 'merge' as const, 'protect' as const, 'unlock' as const),
      row: fc.integer({ min: 1, max: 12 }),
      read: fc.boolean(),
    }),
  },
);

const grid: fc.Arbitrary<GridCell[][]> = fc.array(
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: -10, max: 10 }) },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant({ formula: '=B1', noCachedResult: true }) },
      { weight: 1, arbitrary: fc.constant({ formula: '=B2', value: 3 }) },
    ),
    { maxLength: 4 },
  ),
  { maxLength: 10 },
);

const letter = (c: number) => String.fromCharCode(64 + c);

function opsOf(s: Step): PlanOp[] {
  switch (s.kind) {
    case 'cells':
      return [{ kind: 'setCells', sheet: 'S', cell: `${letter(s.column)}${s.row}`, cells: s.cells }];
    case 'clear':
      // every cell of the rows from here to the end of the sheet emptied
      return [
        {
          kind: 'setCells',
          sheet: 'S',
          cell: `A${s.row}`,
          cells: Array.from({ length: 15 - s.row }, () => Array.from({ length: 4 }, () => ({ clear: true as const }))),
        },
      ];
    case 'style':
      return [{ kind: 'setStyle', sheet: 'S', range: `A${s.row}:B${s.row}`, style: { locked: false } }];
    case 'other':
      // another sheet written, and a width on S: S's cells stay, its snapshot must too
      return [
        { kind: 'setCells', sheet: 'T', cell: `A${s.row}`, cells: [[{ number: s.row }]] },
        { kind: 'setColumnWidths', sheet: 'S', widths: [{ column: 'A', width: 12 }] },
      ];
    default:
      return [];
  }
}

describe('memory workbook: a sheet written in cells only is read from its last snapshot', () => {
  it('every read equals a full read, over random chains of plans', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.array(step, { minLength: 1, maxLength: 12 }), fc.boolean(), async (cells, steps, readFirst) => {
        const wb = MemoryWorkbook.fromGrid({ S: cells, T: [['t']] });
        if (readFirst) await wb.readSnapshot();
        for (const s of steps) {
          if (s.kind === 'helper') {
            if (s.what === 'setCell') wb.setCell('S', `B${s.row}`, s.row);
            else if (s.what === 'merge') wb.mergeCells('S', `C${s.row}:D${s.row}`);
            else if (s.what === 'protect') wb.protectSheet('S');
            else wb.unlockRange('S', `A${s.row}`);
          } else {
            // a plan the protection refuses changes nothing (also checked by the reads)
            await wb.apply({ ops: opsOf(s) }).catch((e: unknown) => {
              if (!(e instanceof WorkbookError) || e.code !== 'sheetProtected') throw e;
            });
          }
          if (s.read) expect(await wb.readSnapshot()).toEqual(await wb.clone().readSnapshot());
        }
        expect(await wb.readSnapshot()).toEqual(await wb.clone().readSnapshot());
      }),
      { numRuns: 150 },
    );
  });

  it('a written score re-reads only its row: the other rows are the arrays of the snapshot before', async () => {
    const wb = MemoryWorkbook.fromGrid({
      S: [
        ['naam', 'score'],
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
    });
    const before = (await wb.readSnapshot()).sheets[0];
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'S', cell: 'B3', cells: [[{ number: 9 }]] }] });
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'S', cell: 'B2', cells: [[{ number: 8 }]] }] });
    const after = (await wb.readSnapshot()).sheets[0];
    expect(after.values).toEqual([
      ['naam', 'score'],
      ['a', 8],
      ['b', 9],
      ['c', 3],
    ]);
    expect(after.values[0]).toBe(before.values[0]);
    expect(after.values[3]).toBe(before.values[3]);
    expect(after.values[1]).not.toBe(before.values[1]);
  });

  it('emptying the last rows ends the sheet where its last used row now is', async () => {
    const wb = MemoryWorkbook.fromGrid({ S: [['a'], [], ['b'], ['c']] });
    await wb.readSnapshot();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'S', cell: 'A3', cells: [[{ clear: true }], [{ clear: true }]] }] });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([['a']]);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'S', cell: 'B6', cells: [[{ number: 1 }]] }] });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([['a'], [], [], [], [], [null, 1]]);
  });
});

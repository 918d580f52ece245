/**
 * The diff between what the plan wants in cells and what the workbook holds (src/core/diff.ts),
 * on hand-made sheets (pure, fast): `cellMatches` (when a cell already holds what the engine
 * wants, so the plan leaves it alone) and `diffBlock` (only the runs of cells that differ are
 * written, joined into as few blocks as the rows allow; `undefined` is a cell left alone).
 * `sameFormula` has its own file (sameFormula.test.ts). Scored with StrykerJS against both
 * (CONTRIBUTING.md, "Mutation testing", "Runs of 3 Dec b").
 */
import { cellMatches, clear, diffBlock, formula, num, text } from '../../src/core/diff';
import type { CellInput, CellValue, SheetSnapshot } from '../../src/core/snapshot';

/** A sheet holding `value` (and `formula`, with its "=") in B2. */
function b2(value: CellValue, f?: string, extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name: 'Blad', values: [[], [null, value]], ...(f ? { formulas: [[], [null, f]] } : {}), ...extra };
}
const at = (sheet: SheetSnapshot | undefined, want: CellInput) => cellMatches(sheet, 2, 2, want);

describe('the cell inputs', () => {
  it('text, num, clear and formula build the inputs; a formula without a result (or a null one) has none', () => {
    expect(text('a')).toEqual({ text: 'a' });
    expect(num(3)).toEqual({ number: 3 });
    expect(clear).toEqual({ clear: true });
    expect(formula('=A1')).toStrictEqual({ formula: '=A1' });
    expect(formula('=A1', null)).toStrictEqual({ formula: '=A1' });
    expect(formula('=A1', 0)).toEqual({ formula: '=A1', result: 0 });
    expect(formula('=A1', '')).toEqual({ formula: '=A1', result: '' });
    expect(formula('=A1', false)).toEqual({ formula: '=A1', result: false });
  });
});

describe('cellMatches: values', () => {
  it('a text matches exactly that text; an empty text matches an empty cell', () => {
    expect(at(b2('Groen'), text('Groen'))).toBe(true);
    expect(at(b2('Groen'), text('groen'))).toBe(false);
    expect(at(b2('Groen '), text('Groen'))).toBe(false);
    expect(at(b2(null), text('Groen'))).toBe(false);
    expect(at(b2(''), text(''))).toBe(true);
    expect(at(b2(null), text(''))).toBe(true);
    expect(at(b2(0), text(''))).toBe(false);
    expect(at(b2(false), text(''))).toBe(false);
    expect(at(b2(' '), text(''))).toBe(false);
  });

  it('a number matches only that number, not its text', () => {
    expect(at(b2(3), num(3))).toBe(true);
    expect(at(b2(3.5), num(3))).toBe(false);
    expect(at(b2('3'), num(3))).toBe(false);
    expect(at(b2(null), num(0))).toBe(false);
  });

  it('a yes/no matches only that yes/no', () => {
    expect(at(b2(true), { bool: true })).toBe(true);
    expect(at(b2(false), { bool: true })).toBe(false);
    expect(at(b2(1), { bool: true })).toBe(false);
    expect(at(b2('WAAR'), { bool: true })).toBe(false);
    expect(at(b2(false), { bool: false })).toBe(true);
    expect(at(b2(null), { bool: false })).toBe(false);
  });

  it('a clear matches an empty cell only', () => {
    expect(at(b2(null), clear)).toBe(true);
    expect(at(b2(''), clear)).toBe(true);
    expect(at(b2(0), clear)).toBe(false);
    expect(at(b2(false), clear)).toBe(false);
    expect(at(b2('x'), clear)).toBe(false);
  });

  it('a cell holding a formula never matches a value, even the formula’s own result', () => {
    expect(at(b2('Groen', '="Groen"'), text('Groen'))).toBe(false);
    expect(at(b2(3, '=1+2'), num(3))).toBe(false);
    expect(at(b2(true, '=TRUE()'), { bool: true })).toBe(false);
    expect(at(b2(null, '=""'), clear)).toBe(false);
    expect(at(b2('', '=""'), text(''))).toBe(false);
  });

  it('a formula list entry without "=" is no formula (a value typed there matches)', () => {
    expect(at(b2('x', 'x'), text('x'))).toBe(true);
  });

  it('no sheet: only an empty text or a clear match', () => {
    expect(at(undefined, clear)).toBe(true);
    expect(at(undefined, text(''))).toBe(true);
    expect(at(undefined, text('a'))).toBe(false);
    expect(at(undefined, num(0))).toBe(false);
    expect(at(undefined, { bool: false })).toBe(false);
    expect(at(undefined, formula('=A1'))).toBe(false);
  });

  it('reads the cell at its row and column (1-based), not a neighbour', () => {
    const sheet: SheetSnapshot = {
      name: 'Blad',
      values: [
        ['A1', 'B1'],
        ['A2', 'B2', 'C2'],
        ['A3', 'B3'],
      ],
    };
    expect(cellMatches(sheet, 2, 2, text('B2'))).toBe(true);
    expect(cellMatches(sheet, 1, 2, text('B2'))).toBe(false);
    expect(cellMatches(sheet, 2, 3, text('B2'))).toBe(false);
    expect(cellMatches(sheet, 2, 3, text('C2'))).toBe(true);
  });
});

describe('cellMatches: formulas', () => {
  it('a formula matches the same formula (by sameFormula), not another one and not a value', () => {
    expect(at(b2(null, '=SUM(A1:A3)'), formula('=SUM(A1:A3)'))).toBe(true);
    expect(at(b2(null, '=sum( a1:a3 )'), formula('=SUM(A1:A3)'))).toBe(true);
    expect(at(b2(null, '=SUM(A1:A4)'), formula('=SUM(A1:A3)'))).toBe(false);
    expect(at(b2('=SUM(A1:A3)'), formula('=SUM(A1:A3)'))).toBe(false);
    expect(at(b2(null), formula('=SUM(A1:A3)'))).toBe(false);
  });

  it('with the engine’s result: the cached result must be it', () => {
    expect(at(b2(6, '=SUM(A1:A3)'), formula('=SUM(A1:A3)', 6))).toBe(true);
    expect(at(b2(5, '=SUM(A1:A3)'), formula('=SUM(A1:A3)', 6))).toBe(false);
    expect(at(b2('6', '=SUM(A1:A3)'), formula('=SUM(A1:A3)', 6))).toBe(false);
    expect(at(b2('Groen', '=A1'), formula('=A1', 'Groen'))).toBe(true);
    expect(at(b2('groen', '=A1'), formula('=A1', 'Groen'))).toBe(false);
    expect(at(b2(true, '=A1'), formula('=A1', true))).toBe(true);
    expect(at(b2(false, '=A1'), formula('=A1', true))).toBe(false);
    expect(at(b2(1, '=A1'), formula('=A1', true))).toBe(false);
    // a different formula is rewritten whatever its value
    expect(at(b2(6, '=SUM(A1:A4)'), formula('=SUM(A1:A3)', 6))).toBe(false);
  });

  it('numbers are the same to 1e-9 of the larger of 1 and the result', () => {
    const f = (value: number, result: number) => at(b2(value, '=A1'), formula('=A1', result));
    expect(f(0.1 + 0.2, 0.3)).toBe(true);
    // the bound itself is the same (1e-9 away from 0)
    expect(f(1e-9, 0)).toBe(true);
    expect(f(-1e-9, 0)).toBe(true);
    expect(f(1.5e-9, 0)).toBe(false);
    expect(f(1 + 5e-10, 1)).toBe(true);
    expect(f(1 - 5e-10, 1)).toBe(true);
    expect(f(1 + 3e-9, 1)).toBe(false);
    expect(f(1 - 3e-9, 1)).toBe(false);
    expect(f(0.001 + 5e-10, 0.001)).toBe(true);
    expect(f(0.001 + 2e-9, 0.001)).toBe(false);
    expect(f(1e12 + 500, 1e12)).toBe(true);
    expect(f(1e12 + 5000, 1e12)).toBe(false);
    expect(f(-1e12 - 500, -1e12)).toBe(true);
    expect(f(-1e12 - 5000, -1e12)).toBe(false);
  });

  it('an empty text result matches an empty cached value; a cached 0 read back as no value matches 0', () => {
    expect(at(b2('', '=""'), formula('=""', ''))).toBe(true);
    expect(at(b2(null, '=""'), formula('=""', ''))).toBe(true);
    expect(at(b2(null, '=A1'), formula('=A1', 0))).toBe(true);
    expect(at(b2('', '=A1'), formula('=A1', 0))).toBe(true);
    expect(at(b2(0, '=A1'), formula('=A1', ''))).toBe(false);
    expect(at(b2(null, '=A1'), formula('=A1', 1))).toBe(false);
    // …but a cached value that is there must be 0
    expect(at(b2(7, '=A1'), formula('=A1', 0))).toBe(false);
    expect(at(b2('x', '=A1'), formula('=A1', 0))).toBe(false);
    expect(at(b2(false, '=A1'), formula('=A1', 0))).toBe(false);
    expect(at(b2(null, '=A1'), formula('=A1', false))).toBe(false);
    expect(at(b2('x', '=A1'), formula('=A1', ''))).toBe(false);
  });

  it('without the engine’s result, or where the host calculates (live formulas), any cached value matches', () => {
    expect(at(b2('oud', '=A1'), formula('=A1'))).toBe(true);
    expect(at(b2('oud', '=A1', { liveFormulas: true }), formula('=A1', 'nieuw'))).toBe(true);
    expect(at(b2('oud', '=A1', { liveFormulas: false }), formula('=A1', 'nieuw'))).toBe(false);
    expect(at(b2(null, '=A1', { liveFormulas: true, noCachedResult: ['B2'] }), formula('=A1', 1))).toBe(true);
  });

  it('a formula listed without cached result is written again, though null would pass for its result', () => {
    expect(at(b2(null, '=A1', { noCachedResult: ['B2'] }), formula('=A1', 0))).toBe(false);
    expect(at(b2(null, '=A1', { noCachedResult: ['B2'] }), formula('=A1', ''))).toBe(false);
    // another cell listed: this one has its result
    expect(at(b2(null, '=A1', { noCachedResult: ['B3', 'C2'] }), formula('=A1', 0))).toBe(true);
    // without the engine's result nothing is compared
    expect(at(b2(null, '=A1', { noCachedResult: ['B2'] }), formula('=A1'))).toBe(true);
  });

  it('…but not on a protected sheet where the cell is locked (the missing result is never why a protected sheet refuses the plan)', () => {
    const locked = { protection: { protected: true, unlocked: ['A1:A9'] }, noCachedResult: ['B2'] };
    expect(at(b2(null, '=A1', locked), formula('=A1', 0))).toBe(true);
    // the cached value is still compared
    expect(at(b2(null, '=A1', locked), formula('=A1', 1))).toBe(false);
    const unlocked = { protection: { protected: true, unlocked: ['B1:B9'] }, noCachedResult: ['B2'] };
    expect(at(b2(null, '=A1', unlocked), formula('=A1', 0))).toBe(false);
    const notProtected = { protection: { protected: false, unlocked: [] }, noCachedResult: ['B2'] };
    expect(at(b2(null, '=A1', notProtected), formula('=A1', 0))).toBe(false);
  });
});

describe('diffBlock', () => {
  const sheet: SheetSnapshot = {
    name: 'Werkblad',
    values: [
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
      ['j', 'k', 'l'],
    ],
  };
  const rows = (grid: string[][]) => grid.map((line) => line.map(text));

  it('nothing to write when every cell already holds what is wanted', () => {
    expect(
      diffBlock(
        'Werkblad',
        sheet,
        1,
        1,
        rows([
          ['a', 'b', 'c'],
          ['d', 'e', 'f'],
        ]),
      ),
    ).toEqual([]);
    expect(
      diffBlock(
        'Werkblad',
        sheet,
        2,
        2,
        rows([
          ['e', 'f'],
          ['h', 'i'],
        ]),
      ),
    ).toEqual([]);
    expect(diffBlock('Werkblad', sheet, 1, 1, [])).toEqual([]);
  });

  it('a row with one differing cell is written whole, at its place, under the sheet name given', () => {
    expect(
      diffBlock(
        'werkblad',
        sheet,
        2,
        2,
        rows([
          ['e', 'f'],
          ['H', 'i'],
        ]),
      ),
    ).toEqual([{ kind: 'setCells', sheet: 'werkblad', cell: 'B3', cells: rows([['H', 'i']]) }]);
  });

  it('consecutive differing rows are one block; a matching row between them splits it', () => {
    expect(
      diffBlock(
        'Werkblad',
        sheet,
        1,
        1,
        rows([
          ['x', 'b'],
          ['d', 'y'],
          ['z', 'h'],
        ]),
      ),
    ).toEqual([
      {
        kind: 'setCells',
        sheet: 'Werkblad',
        cell: 'A1',
        cells: rows([
          ['x', 'b'],
          ['d', 'y'],
          ['z', 'h'],
        ]),
      },
    ]);
    expect(
      diffBlock(
        'Werkblad',
        sheet,
        1,
        1,
        rows([
          ['x', 'b'],
          ['d', 'e'],
          ['z', 'h'],
          ['w', 'k'],
        ]),
      ),
    ).toEqual([
      { kind: 'setCells', sheet: 'Werkblad', cell: 'A1', cells: rows([['x', 'b']]) },
      {
        kind: 'setCells',
        sheet: 'Werkblad',
        cell: 'A3',
        cells: rows([
          ['z', 'h'],
          ['w', 'k'],
        ]),
      },
    ]);
  });

  it('undefined cells are left alone: each row is cut into runs, and only runs that differ are written', () => {
    const cells: (CellInput | undefined)[][] = [
      [text('x'), undefined, text('c')],
      [text('d'), undefined, text('y')],
    ];
    expect(diffBlock('Werkblad', sheet, 1, 1, cells)).toEqual([
      { kind: 'setCells', sheet: 'Werkblad', cell: 'A1', cells: rows([['x']]) },
      { kind: 'setCells', sheet: 'Werkblad', cell: 'C2', cells: rows([['y']]) },
    ]);
  });

  it('runs in the same columns on consecutive rows are joined; in other columns or of another width they are not', () => {
    const same: (CellInput | undefined)[][] = [
      [undefined, text('x'), text('y')],
      [undefined, text('p'), text('q')],
    ];
    expect(diffBlock('Werkblad', sheet, 1, 1, same)).toEqual([
      {
        kind: 'setCells',
        sheet: 'Werkblad',
        cell: 'B1',
        cells: rows([
          ['x', 'y'],
          ['p', 'q'],
        ]),
      },
    ]);
    const moved: (CellInput | undefined)[][] = [
      [text('x'), text('y'), undefined],
      [undefined, text('p'), text('q')],
    ];
    expect(diffBlock('Werkblad', sheet, 1, 1, moved)).toEqual([
      { kind: 'setCells', sheet: 'Werkblad', cell: 'A1', cells: rows([['x', 'y']]) },
      { kind: 'setCells', sheet: 'Werkblad', cell: 'B2', cells: rows([['p', 'q']]) },
    ]);
    const wider: (CellInput | undefined)[][] = [[text('x'), text('y'), undefined], rows([['p', 'q', 'r']])[0]];
    expect(diffBlock('Werkblad', sheet, 1, 1, wider)).toEqual([
      { kind: 'setCells', sheet: 'Werkblad', cell: 'A1', cells: rows([['x', 'y']]) },
      { kind: 'setCells', sheet: 'Werkblad', cell: 'A2', cells: rows([['p', 'q', 'r']]) },
    ]);
  });

  it('a run that ends the row is compared too', () => {
    expect(diffBlock('Werkblad', sheet, 1, 2, [[undefined, text('z')]])).toEqual([{ kind: 'setCells', sheet: 'Werkblad', cell: 'C1', cells: rows([['z']]) }]);
  });

  it('no sheet: every run is written except empty ones', () => {
    expect(diffBlock('Nieuw', undefined, 5, 3, [[text('a'), num(1)], [clear, text('')], [formula('=A1')]])).toEqual([
      { kind: 'setCells', sheet: 'Nieuw', cell: 'C5', cells: [[text('a'), num(1)]] },
      { kind: 'setCells', sheet: 'Nieuw', cell: 'C7', cells: [[formula('=A1')]] },
    ]);
  });
});

/**
 * `keepOutOfMerges` (src/core/plan/occupied.ts) on hand-made ops and snapshots (pure, fast): the
 * plan never writes into a cell of the team's merged areas, reports each area once with
 * CELL_OCCUPIED (the cell it wanted, the area, the area's text) and keeps every other cell of a
 * split block, in as few ops as the rows allow. The plan tests reach it only through whole plans (a
 * StrykerJS mutant of them costs about 20 s); this file is what scores it (CONTRIBUTING.md,
 * "Mutation testing", "Runs of 3 Dec b").
 */
import { keepOutOfMerges } from '../../src/core/plan/occupied';
import type { Problem } from '../../src/core/problems';
import type { CellInput, CellValue, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';

const t = (s: string): CellInput => ({ text: s });
/** A block of texts named by their cells, "A1" …, `rows` × `columns` from `top`/`left` (1-based). */
function block(top: number, left: number, rows: number, columns: number): CellInput[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => t(`${String.fromCharCode(64 + left + j)}${top + i}`)));
}
const set = (sheet: string, cell: string, cells: CellInput[][]): PlanOp => ({ kind: 'setCells', sheet, cell, cells });
const book = (merges: string[] | undefined, values: CellValue[][] = [], name = 'Prioritering'): WorkbookSnapshot => ({
  sheets: [
    { name: 'Andere', values: [], merges: ['A1:Z99'] },
    { name, values, ...(merges ? { merges } : {}) },
  ],
});

function run(ops: PlanOp[], snapshot: WorkbookSnapshot) {
  const problems: Problem[] = [];
  const out = keepOutOfMerges(ops, snapshot, problems);
  return { out, problems };
}

/** The cells an op list writes, by address, for comparing splits without caring how they are cut. */
function written(ops: PlanOp[]): Record<string, CellInput> {
  const out: Record<string, CellInput> = {};
  for (const op of ops) {
    if (op.kind !== 'setCells') continue;
    const m = /^([A-Z])(\d+)$/.exec(op.cell)!;
    op.cells.forEach((line, i) =>
      line.forEach((input, j) => {
        out[`${String.fromCharCode(m[1].charCodeAt(0) + j)}${Number(m[2]) + i}`] = input;
      }),
    );
  }
  return out;
}

describe('keepOutOfMerges: what passes unchanged', () => {
  it('ops of other kinds pass as they are, also on a sheet with merges, in their order', () => {
    const ops: PlanOp[] = [
      { kind: 'addSheet', sheet: 'Prioritering' },
      { kind: 'setStyle', sheet: 'Prioritering', range: 'C5:F5', style: { bold: true } },
      { kind: 'setValidation', sheet: 'Prioritering', range: 'C5', rule: { type: 'decimal', min: 0, errorTitle: 't', errorMessage: 'm', strict: true } },
      { kind: 'freeze', sheet: 'Prioritering', rows: 5, columns: 0 },
    ];
    const { out, problems } = run(ops, book(['C5:F5']));
    expect(out).toEqual(ops);
    out.forEach((op, i) => expect(op).toBe(ops[i]));
    expect(problems).toEqual([]);
  });

  it('a write on a sheet without merges (none listed, or an empty list), or on a sheet not in the snapshot, passes as it is', () => {
    const op = set('Prioritering', 'C5', block(5, 3, 1, 4));
    for (const snapshot of [book(undefined), book([]), { sheets: [] }, book(['C5:F5'], [], 'Resultaat')]) {
      const { out, problems } = run([op], snapshot);
      expect(out).toHaveLength(1);
      expect(out[0]).toBe(op);
      expect(problems).toEqual([]);
    }
  });

  it('a write next to a merged area, on each side of it, passes as it is', () => {
    const snapshot = book(['C5:F6']);
    const ops = [
      set('Prioritering', 'B5', block(5, 2, 2, 1)), // left
      set('Prioritering', 'G5', block(5, 7, 2, 1)), // right
      set('Prioritering', 'C4', block(4, 3, 1, 4)), // above
      set('Prioritering', 'C7', block(7, 3, 1, 4)), // below
      set('Prioritering', 'A1', block(1, 1, 4, 2)), // a block diagonally away
    ];
    const { out, problems } = run(ops, snapshot);
    expect(out).toHaveLength(ops.length);
    out.forEach((op, i) => expect(op).toBe(ops[i]));
    expect(problems).toEqual([]);
  });

  it('merges of another sheet do not block the write', () => {
    const op = set('Prioritering', 'A1', block(1, 1, 2, 2));
    const { out, problems } = run([op], book(['H1:H2']));
    expect(out[0]).toBe(op);
    expect(problems).toEqual([]);
  });
});

describe('keepOutOfMerges: a write into a merged area', () => {
  it('into the top-left cell: dropped, with CELL_OCCUPIED naming the cell, the area and its text', () => {
    const { out, problems } = run([set('Prioritering', 'C5', [[t('engine')]])], book(['C5:F5'], [[], [], [], [], [null, null, 'Onze reden']]));
    expect(out).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'CELL_OCCUPIED', severity: 'warning', sheet: 'Prioritering', cell: 'C5' });
    expect(problems[0].message).toContain('samengevoegde cellen C5:F5 ("Onze reden")');
  });

  it('into any other cell of the area: dropped, the problem names that cell, the area and the text of its top-left cell', () => {
    const values: CellValue[][] = [[], [], [], [], [null, null, '  Onze reden  ', 'rest'], [null, null, null, 'onder']];
    for (const cell of ['D5', 'F5', 'C6', 'F6', 'E6']) {
      const { out, problems } = run([set('Prioritering', cell, [[t('engine')]])], book(['C5:F6'], values));
      expect(out).toEqual([]);
      expect(problems).toEqual([expect.objectContaining({ code: 'CELL_OCCUPIED', cell, sheet: 'Prioritering' })]);
      expect(problems[0].message).toContain('C5:F6 ("Onze reden")');
    }
  });

  it('an empty merged area: the message names the area without a text', () => {
    const { problems } = run([set('Prioritering', 'D2', [[t('x')]])], book(['D2:E2']));
    expect(problems[0].message).toContain('samengevoegde cellen D2:E2;');
    expect(problems[0].message).not.toContain('("');
  });

  it('the sheet is found in any case or spacing of its name; the problem names the sheet as the workbook does', () => {
    const { out, problems } = run([set('prioritering', 'C5', [[t('x')]]), set('PRIORITERING', 'D5', [[t('y')]])], book(['C5:F5']));
    expect(out).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Prioritering', cell: 'C5' })]);
    const spaced = run([set(' prioritering ', 'E5', [[t('z')]])], book(['C5:F5']));
    expect(spaced.out).toEqual([]);
    expect(spaced.problems).toEqual([expect.objectContaining({ sheet: 'Prioritering', cell: 'E5' })]);
  });

  it('one CELL_OCCUPIED per area: for the first cell written into it, across cells of one block and across ops', () => {
    const { out, problems } = run(
      [set('Prioritering', 'D5', [[t('a'), t('b')]]), set('Prioritering', 'C5', [[t('c')]]), set('prioritering', 'F5', [[t('d')]])],
      book(['C5:F5']),
    );
    expect(out).toEqual([]);
    expect(problems.map((p) => p.cell)).toEqual(['D5']);
  });

  it('two areas hit: one problem each, in the order the cells are written', () => {
    const { out, problems } = run([set('Prioritering', 'A3', block(3, 1, 3, 6))], book(['E4:F5', 'B3:C3', 'Z1:Z2']));
    expect(problems.map((p) => [p.cell, p.message.match(/cellen (\S+?)[;( ]/)?.[1]])).toEqual([
      ['B3', 'B3:C3'],
      ['E4', 'E4:F5'],
    ]);
    const cells = written(out);
    for (const gone of ['B3', 'C3', 'E4', 'F4', 'E5', 'F5']) expect(cells[gone]).toBeUndefined();
    expect(Object.keys(cells).sort()).toEqual(['A3', 'A4', 'A5', 'B4', 'B5', 'C4', 'C5', 'D3', 'D4', 'D5', 'E3', 'F3'].sort());
    for (const [cell, input] of Object.entries(cells)) expect(input).toEqual(t(cell));
  });

  it('an area written right to left (D5:C5) is the same area', () => {
    const { out, problems } = run([set('Prioritering', 'C5', block(5, 3, 1, 2))], book(['D5:C5']));
    expect(out).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});

describe('keepOutOfMerges: the rest of a split block is written', () => {
  it('a row through an area: the cells left of it and right of it, each as its own write', () => {
    const { out, problems } = run([set('Prioritering', 'A5', block(5, 1, 1, 8))], book(['C5:D5']));
    expect(out).toEqual([set('Prioritering', 'A5', [[t('A5'), t('B5')]]), set('Prioritering', 'E5', [[t('E5'), t('F5'), t('G5'), t('H5')]])]);
    expect(problems).toHaveLength(1);
  });

  it('the split writes keep the sheet name of the op', () => {
    const { out } = run([set('prioritering', 'A5', block(5, 1, 1, 3))], book(['B5:B5']));
    expect(out).toEqual([set('prioritering', 'A5', [[t('A5')]]), set('prioritering', 'C5', [[t('C5')]])]);
  });

  it('an area at the start or the end of a row leaves one write', () => {
    expect(run([set('Prioritering', 'A5', block(5, 1, 1, 4))], book(['A5:B5'])).out).toEqual([set('Prioritering', 'C5', [[t('C5'), t('D5')]])]);
    expect(run([set('Prioritering', 'A5', block(5, 1, 1, 4))], book(['C5:D5'])).out).toEqual([set('Prioritering', 'A5', [[t('A5'), t('B5')]])]);
  });

  it('rows cut the same way are joined into one write again (a merged column beside the block)', () => {
    const { out } = run([set('Prioritering', 'A1', block(1, 1, 3, 3))], book(['C1:C3']));
    expect(out).toEqual([
      set('Prioritering', 'A1', [
        [t('A1'), t('B1')],
        [t('A2'), t('B2')],
        [t('A3'), t('B3')],
      ]),
    ]);
  });

  it('rows whose runs start in another column, or are as wide but not adjacent, stay separate writes', () => {
    // row 1 loses B1 (area A1:B1 reaches into the block), row 2 loses D2: both keep two cells, one from C, one from B
    const shifted = run([set('Prioritering', 'B1', block(1, 2, 2, 3))], book(['A1:B1', 'D2:E2'])).out;
    expect(shifted).toEqual([set('Prioritering', 'C1', [[t('C1'), t('D1')]]), set('Prioritering', 'B2', [[t('B2'), t('C2')]])]);
    // a whole row taken by an area between two rows cut alike
    const gap = run([set('Prioritering', 'A1', block(1, 1, 3, 2))], book(['A2:B2'])).out;
    expect(gap).toEqual([set('Prioritering', 'A1', [[t('A1'), t('B1')]]), set('Prioritering', 'A3', [[t('A3'), t('B3')]])]);
  });

  it('rows of another width stay separate writes', () => {
    const { out } = run([set('Prioritering', 'A1', block(1, 1, 3, 3))], book(['C2:C2']));
    expect(out).toEqual([
      set('Prioritering', 'A1', [[t('A1'), t('B1'), t('C1')]]),
      set('Prioritering', 'A2', [[t('A2'), t('B2')]]),
      set('Prioritering', 'A3', [[t('A3'), t('B3'), t('C3')]]),
    ]);
  });

  it('a row with two runs is not joined with the rows around it', () => {
    const { out } = run([set('Prioritering', 'A1', block(1, 1, 3, 3))], book(['B2:B2']));
    expect(out).toEqual([
      set('Prioritering', 'A1', [[t('A1'), t('B1'), t('C1')]]),
      set('Prioritering', 'A2', [[t('A2')]]),
      set('Prioritering', 'C2', [[t('C2')]]),
      set('Prioritering', 'A3', [[t('A3'), t('B3'), t('C3')]]),
    ]);
  });

  it('a split op stays in its place among the other ops', () => {
    const before = set('Prioritering', 'Z1', [[t('voor')]]);
    const after: PlanOp = { kind: 'freeze', sheet: 'Prioritering', rows: 1, columns: 0 };
    const { out } = run([before, set('Prioritering', 'A5', block(5, 1, 1, 3)), after], book(['B5:B6']));
    expect(out).toEqual([before, set('Prioritering', 'A5', [[t('A5')]]), set('Prioritering', 'C5', [[t('C5')]]), after]);
  });

  it('every kind of cell input outside the area is written as planned', () => {
    const cells: CellInput[][] = [[{ number: 3 }, { formula: '=A1', result: 2 }, t('weg'), { bool: true }, { clear: true }]];
    const { out } = run([set('Prioritering', 'A1', cells)], book(['C1:C1']));
    expect(out).toEqual([
      set('Prioritering', 'A1', [[{ number: 3 }, { formula: '=A1', result: 2 }]]),
      set('Prioritering', 'D1', [[{ bool: true }, { clear: true }]]),
    ]);
  });
});

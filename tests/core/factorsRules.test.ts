/**
 * The rules of the succesfactoren edits (src/core/factors.ts) one by one, on small
 * werkbladen built in code: which names are refused and with what message, which cell a
 * refusal names when the team's content is in the way, what the rewritten factor block
 * holds, and what a rename or a new "waarom" writes. Written against the survivors of a
 * StrykerJS run of factors.ts (CONTRIBUTING.md, "Mutation testing").
 */
import { analyze } from '../../src/core/analyze';
import {
  addFactorEdit,
  defaultWaarom,
  factorsEdit,
  moveFactorEdit,
  readFactorInfo,
  removeFactorEdit,
  renameFactorEdit,
  waaromEdit,
} from '../../src/core/factors';
import { totalFormula } from '../../src/core/formulas';
import { NOTULEN, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import { RONDES, scoreKey } from '../../src/core/rondes';
import { simulate } from '../../src/core/simulate';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook, type WerkbladSpec } from '../helpers/build';

const WS = SHEET_NAMES.werkblad;

/** A werkblad (factors Draagvlak, Politiek, Doorbraak in C..E, Totalen in F) and its analysis. */
function setup(spec: WerkbladSpec = {}, edit?: (sheet: SheetSnapshot) => void, extra: SheetSnapshot[] = []) {
  const snapshot: WorkbookSnapshot = workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]], ...spec }, extra);
  const sheet = snapshot.sheets[0];
  if (edit) edit(sheet);
  const werkblad = analyze(snapshot).werkblad!;
  return { snapshot, sheet, werkblad };
}

/** Sets a value on a sheet snapshot (1-based row and column), growing the grid as needed. */
function put(sheet: SheetSnapshot, row: number, column: number, value: CellValue): void {
  while (sheet.values.length < row) sheet.values.push([]);
  const line = sheet.values[row - 1];
  while (line.length < column) line.push(null);
  line[column - 1] = value;
}

/** A formula with its cached result (`value`; null: the formula shows nothing, as ="" does). */
function putFormula(sheet: SheetSnapshot, row: number, column: number, f: string, value: CellValue = 0): void {
  sheet.formulas ??= [];
  while (sheet.formulas.length < row) sheet.formulas.push([]);
  const line = sheet.formulas[row - 1];
  while (line.length < column) line.push(null);
  line[column - 1] = f;
  put(sheet, row, column, value);
}

const message = (r: { ok: boolean; message?: string }) => (r.ok ? 'ok' : r.message);
/** The block write of a factor edit (row 3 from column C down) as a grid. */
function block(ops: PlanOp[]): { cells: CellInput[][]; expect: CellValue[][] } {
  const op = ops[0];
  if (op.kind !== 'setCells') throw new Error(op.kind);
  expect(op).toMatchObject({ sheet: WS, cell: 'C3' });
  return { cells: op.cells, expect: op.expect as CellValue[][] };
}

describe('factor names', () => {
  const { sheet, werkblad } = setup();
  it.each([
    ['', 'Geef de succesfactor een naam.'],
    ['   ', 'Geef de succesfactor een naam.'],
    ['Twee\nregels', 'De naam van een succesfactor past op één regel.'],
    ['Met\ttab', 'De naam van een succesfactor past op één regel.'],
    ['Met\rCR', 'De naam van een succesfactor past op één regel.'],
    ['x'.repeat(256), 'De naam is 256 tekens; gebruik er hoogstens 255.'],
    [' totalen ', '“Totalen” is de kolom met de totalen; kies een andere naam.'],
    ['  POLITIEK ', 'Er is al een succesfactor “Politiek”.'],
  ])('a new factor named %j is refused: %s', (name, text) => {
    expect(message(addFactorEdit(sheet, werkblad, name, ''))).toBe(text);
  });

  it('255 characters, and a name only containing "Totalen", are fine', () => {
    expect(message(addFactorEdit(sheet, werkblad, 'x'.repeat(255), ''))).toBe('ok');
    expect(message(addFactorEdit(sheet, werkblad, 'Totalen bewoners', ''))).toBe('ok');
  });

  it("a rename may keep its own name in another case, not take another factor's; an unknown factor is refused", () => {
    expect(message(renameFactorEdit(sheet, werkblad, 1, 'POLITIEK', { snapshot: { sheets: [sheet] }, notes: readNotes({ sheets: [] }) }))).toBe('ok');
    expect(message(renameFactorEdit(sheet, werkblad, 1, 'draagvlak', { snapshot: { sheets: [sheet] }, notes: readNotes({ sheets: [] }) }))).toBe(
      'Er is al een succesfactor “draagvlak”.',
    );
    expect(message(renameFactorEdit(sheet, werkblad, 3, 'Nieuw', { snapshot: { sheets: [sheet] }, notes: readNotes({ sheets: [] }) }))).toBe(
      'Onbekende succesfactor.',
    );
  });
});

describe('factorsEdit refusals', () => {
  it('none left, more than 30, an unknown factor, a weight below 0 or not a number', () => {
    const { sheet, werkblad } = setup();
    expect(message(factorsEdit(sheet, werkblad, []))).toBe('Er moet minstens één succesfactor overblijven om te kunnen scoren.');
    const many = Array.from({ length: 31 }, (_, i) => ({ name: `F${i}`, weging: 1, waarom: '' }));
    expect(message(factorsEdit(sheet, werkblad, many))).toBe('Er passen hoogstens 30 succesfactoren op het werkblad.');
    expect(message(factorsEdit(sheet, werkblad, many.slice(0, 30)))).toBe('ok');
    expect(message(factorsEdit(sheet, werkblad, [{ from: 0 }, { from: 5 }]))).toBe('Onbekende succesfactor.');
    expect(message(factorsEdit(sheet, werkblad, [{ from: 0 }, { name: 'Nieuw', weging: -1, waarom: '' }]))).toBe('Een weging is een getal van 0 of meer.');
    expect(message(factorsEdit(sheet, werkblad, [{ from: 0 }, { name: 'Nieuw', weging: NaN, waarom: '' }]))).toBe('Een weging is een getal van 0 of meer.');
    expect(message(factorsEdit(sheet, werkblad, [{ from: 0 }, { name: 'Nieuw', weging: 0, waarom: '' }]))).toBe('ok');
  });

  it('a Totalen cell with text the team typed (from the weight row down) is named; the label row is not checked', () => {
    const weight = setup({}, (s) => put(s, 4, 6, 'som'));
    expect(message(removeFactorEdit(weight.sheet, weight.werkblad, 0))).toBe(
      `${WS}!F4 in de kolom Totalen bevat “som”, niet de formule van de add-in. Verplaats dat eerst; dan kan Totalen mee naar de nieuwe plaats.`,
    );
    const deep = setup({}, (s) => put(s, 40, 6, 12));
    expect(message(removeFactorEdit(deep.sheet, deep.werkblad, 0))).toMatch(/^Werkblad koppelkansen kiezen!F40 in de kolom Totalen bevat “12”/);
    const formulaCell = setup({}, (s) => putFormula(s, 6, 6, '=1+1'));
    expect(message(removeFactorEdit(formulaCell.sheet, formulaCell.werkblad, 0))).toBe('ok');
  });

  it('the column Totalen moves into names its first occupied cell, a formula by its text', () => {
    const text = setup({}, (s) => {
      put(s, 9, 7, 'eigen notitie');
      put(s, 12, 7, 'meer');
    });
    expect(message(addFactorEdit(text.sheet, text.werkblad, 'Nieuw', ''))).toBe(
      `${WS}!G9 is niet leeg (“eigen notitie”): daar moet de kolom Totalen komen. Verplaats wat in kolom G staat en probeer het opnieuw.`,
    );
    const formulaCell = setup({}, (s) => putFormula(s, 2, 7, '=TODAY()'));
    expect(message(addFactorEdit(formulaCell.sheet, formulaCell.werkblad, 'Nieuw', ''))).toBe(
      `${WS}!G2 is niet leeg (“=TODAY()”): daar moet de kolom Totalen komen. Verplaats wat in kolom G staat en probeer het opnieuw.`,
    );
  });

  it('two new factors: the column of the first one is checked as "van een succesfactor"', () => {
    const { sheet, werkblad } = setup({}, (s) => put(s, 1, 7, 'x'));
    const res = factorsEdit(sheet, werkblad, [
      { from: 0 },
      { from: 1 },
      { from: 2 },
      { name: 'A', weging: 1, waarom: '' },
      { name: 'B', weging: 1, waarom: '' },
    ]);
    expect(message(res)).toBe(
      `${WS}!G1 is niet leeg (“x”): daar moet de kolom van een succesfactor komen. Verplaats wat in kolom G staat en probeer het opnieuw.`,
    );
  });

  it("removing a factor from a werkblad without a Totalen header leaves the column after the factors alone (it cleared the team's cells there); adding one needs that column free", () => {
    const { sheet, werkblad } = setup({ totalen: false }, (s) => put(s, 7, 6, 'eigen'));
    expect(werkblad.layout.totalenFound).toBe(false);
    const res = removeFactorEdit(sheet, werkblad, 0);
    if (!res.ok) throw new Error(res.message);
    const { cells } = block(res.ops);
    expect(cells.every((line) => line.length === 3)).toBe(true);
    expect(cells[0]).toEqual([{ text: 'Politiek' }, { text: 'Doorbraak' }, { text: 'Totalen' }]);
    expect(res.ops.filter((o) => o.kind === 'setStyle').map((o) => (o.kind === 'setStyle' ? o.range : ''))).not.toContainEqual(expect.stringMatching(/^F3:/));
    expect(simulate({ sheets: [sheet] }, res.ops).sheets[0].values[6][5]).toBe('eigen');
    expect(message(addFactorEdit(sheet, werkblad, 'Nieuw', ''))).toBe(
      `${WS}!F7 is niet leeg (“eigen”): daar moet de kolom van een succesfactor komen. Verplaats wat in kolom F staat en probeer het opnieuw.`,
    );
  });
});

describe('the rewritten block', () => {
  it('no change writes nothing (the block as the add-in wrote it)', () => {
    const { snapshot, sheet, werkblad } = setup();
    const first = removeFactorEdit(sheet, werkblad, 2);
    if (!first.ok) throw new Error(first.message);
    const after = simulate(snapshot, first.ops);
    const again = analyze(after).werkblad!;
    expect(factorsEdit(after.sheets[0], again, [{ from: 0 }, { from: 1 }])).toEqual({ ok: true, ops: [] });
    const swap = factorsEdit(after.sheets[0], again, [{ from: 1 }, { from: 0 }]);
    expect(swap.ok && swap.ops.map((o) => o.kind)).toEqual(['setCells', 'setStyle', 'setStyle', 'setStyle', 'setStyle', 'setStyle', 'setColumnWidths']);
  });

  it('a new factor: its name, weight, trimmed waarom and empty scores; Totalen label, cleared rows 4-5 and formulas after it; the block write expects the cells as read', () => {
    const { sheet, werkblad } = setup({}, (s) => put(s, 5, 3, 'Steun van bewoners'));
    const res = factorsEdit(sheet, werkblad, [
      { from: 0, waarom: '  ' },
      { from: 2, name: ' Doorbraak! ', waarom: ' Waarom wel ' },
      { name: 'Nieuw', weging: 2.5, waarom: ' Omdat ' },
    ]);
    if (!res.ok) throw new Error(res.message);
    const { cells, expect: was } = block(res.ops);
    expect(cells[0]).toEqual([{ text: 'Draagvlak' }, { text: 'Doorbraak!' }, { text: 'Nieuw' }, { text: 'Totalen' }]);
    expect(cells[1]).toEqual([{ number: 1 }, { number: 1 }, { number: 2.5 }, { clear: true }]);
    expect(cells[2]).toEqual([{ clear: true }, { text: 'Waarom wel' }, { text: 'Omdat' }, { clear: true }]);
    const layout = { ...werkblad.layout, lastFactorColumn: 5, totalenColumn: 6, totalenFound: true };
    expect(cells[3]).toEqual([{ number: 1 }, { number: 3 }, { clear: true }, { formula: totalFormula(layout, 6) }]);
    expect(cells).toHaveLength(Math.max(werkblad.layout.preparedEndRow, werkblad.layout.lastDataRow) - 2);
    expect(was[0]).toEqual(['Draagvlak', 'Politiek', 'Doorbraak', 'Totalen']);
    expect(was[2]).toEqual(['Steun van bewoners', null, null, null]);
    expect(was[3]).toEqual([1, 2, 3, null]);
    const styles = res.ops.filter((o) => o.kind === 'setStyle').map((o) => (o.kind === 'setStyle' ? o.range : ''));
    const end = cells.length + 2;
    expect(styles).toEqual(['C3:F3', 'C4:F4', 'C5:F5', `C6:E${end}`, `F6:F${end}`]);
    expect(res.ops[res.ops.length - 1]).toEqual({
      kind: 'setColumnWidths',
      sheet: WS,
      widths: [
        { column: 'C', width: WERKBLAD.factorWidth },
        { column: 'D', width: WERKBLAD.factorWidth },
        { column: 'E', width: WERKBLAD.factorWidth },
        { column: 'F', width: WERKBLAD.totalenWidth },
      ],
    });
  });

  it('a removal clears the old Totalen column and resets its styles; the block reaches the last Totalen cell in use', () => {
    const { sheet, werkblad } = setup({}, (s) => putFormula(s, 300, 6, '=1'));
    const res = removeFactorEdit(sheet, werkblad, 1);
    if (!res.ok) throw new Error(res.message);
    const { cells } = block(res.ops);
    expect(cells).toHaveLength(300 - 2);
    expect(cells[0]).toEqual([{ text: 'Draagvlak' }, { text: 'Doorbraak' }, { text: 'Totalen' }, { clear: true }]);
    expect(cells[3]).toEqual([{ number: 1 }, { number: 3 }, expect.objectContaining({ formula: expect.any(String) }), { clear: true }]);
    expect(res.ops.filter((o) => o.kind === 'setStyle').map((o) => (o.kind === 'setStyle' ? o.range : ''))).toEqual([
      'C3:E3',
      'C4:E4',
      'C5:E5',
      'C6:D300',
      'E6:E300',
      'F3:F300',
    ]);
  });
});

describe('what a reorder carries and when the columns shift (from the mutation run of 2 Dec d)', () => {
  it('a moved score cell keeps its kind: an empty one is cleared, a text stays text, TRUE stays yes/no', () => {
    const { sheet, werkblad } = setup({ rows: [['Groen', 'Geveltuinen', 1, 'n.v.t.', true]] }, (s) => put(s, 6, 3, null));
    const res = factorsEdit(sheet, werkblad, [{ from: 2 }, { from: 1 }, { from: 0 }]);
    if (!res.ok) throw new Error(res.message);
    const { cells } = block(res.ops);
    const row = cells.find((line) => line.some((c) => 'text' in c && c.text === 'n.v.t.'));
    expect(row?.slice(0, 3)).toEqual([{ bool: true }, { text: 'n.v.t.' }, { clear: true }]);
  });

  it('a factor listed twice (once renamed) is refused; with shiftColumns a reorder of all factors writes no column op, an addition inserts one', () => {
    const { sheet, werkblad } = setup();
    expect(message(factorsEdit(sheet, werkblad, [{ from: 0 }, { from: 1 }, { from: 0, name: 'Anders' }], { shiftColumns: true }))).toBe(
      'De succesfactor “Anders” staat twee keer in de nieuwe volgorde.',
    );
    const kinds = (next: Parameters<typeof factorsEdit>[2]) => {
      const res = factorsEdit(sheet, werkblad, next, { shiftColumns: true });
      if (!res.ok) throw new Error(res.message);
      return res.ops.map((o) => o.kind);
    };
    const reorder = kinds([{ from: 2 }, { from: 0 }, { from: 1 }]);
    expect(reorder).not.toContain('insertColumns');
    expect(reorder).not.toContain('deleteColumns');
    expect(kinds([{ from: 0 }, { from: 1 }, { from: 2 }, { name: 'Nieuw', weging: 1, waarom: '' }])).toContain('insertColumns');
    expect(kinds([{ from: 0 }, { from: 1 }])).toContain('deleteColumns');
  });
});

describe('moving, renaming and the waarom', () => {
  it('a move past either end, or of an unknown factor, writes nothing; one step right swaps two factors', () => {
    const { sheet, werkblad } = setup();
    for (const [i, d] of [
      [0, -1],
      [2, 1],
      [3, -1],
      [-1, 1],
    ])
      expect(moveFactorEdit(sheet, werkblad, i, d)).toEqual({ ok: true, ops: [] });
    const res = moveFactorEdit(sheet, werkblad, 1, 1);
    if (!res.ok) throw new Error(res.message);
    expect(block(res.ops).cells[0].slice(0, 3)).toEqual([{ text: 'Draagvlak' }, { text: 'Doorbraak' }, { text: 'Politiek' }]);
    expect(block(res.ops).cells[3].slice(0, 3)).toEqual([{ number: 1 }, { number: 3 }, { number: 2 }]);
  });

  it('a moved factor takes its score cells as they are: a formula as formula with its cached result, TRUE as a logical, an empty text as empty', () => {
    const { sheet, werkblad } = setup(
      {
        rows: [
          ['Groen', 'Geveltuinen', 1, true, ''],
          ['Werk', 'Stage', 2, 'tekst', 4],
          ['Werk', 'Formules', 1, 1, 1],
        ],
      },
      (s) => {
        putFormula(s, 7, 4, '=2*3', 6);
        // a cached empty text, none at all, an error value: only the first is a result a file can carry
        putFormula(s, 8, 3, '=""', null);
        putFormula(s, 8, 4, '=1/0', '#DIV/0!');
        putFormula(s, 8, 5, '=C7', null);
        s.noCachedResult = ['E8'];
      },
    );
    const res = moveFactorEdit(sheet, werkblad, 0, 2);
    if (!res.ok) throw new Error(res.message);
    const { cells } = block(res.ops);
    expect(cells[3].slice(0, 3)).toEqual([{ bool: true }, { clear: true }, { number: 1 }]);
    expect(cells[4].slice(0, 3)).toEqual([{ formula: '=2*3', result: 6 }, { number: 4 }, { number: 2 }]);
    expect(cells[5].slice(0, 3)).toEqual([{ formula: '=1/0' }, { formula: '=C7' }, { formula: '=""', result: '' }]);
    expect(message(factorsEdit(sheet, werkblad, [{ from: 1 }]))).toBe('ok'); // one factor may stay
  });

  it('a rename to the same name writes nothing; a new name is written trimmed, guarded by the cell as read', () => {
    const { snapshot, sheet, werkblad } = setup();
    const linked = { snapshot, notes: readNotes(snapshot) };
    expect(renameFactorEdit(sheet, werkblad, 1, ' Politiek ', linked)).toEqual({ ok: true, ops: [] });
    expect(renameFactorEdit(sheet, werkblad, 1, ' Bestuur ', linked)).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: WS, cell: 'D3', cells: [[{ text: 'Bestuur' }]], expect: [['Politiek']] }],
    });
  });

  it('a rename moves the round rows of the factor (by the name rule) and their score keys only when the key is the one the add-in made', () => {
    const rondes: SheetSnapshot = {
      name: RONDES.sheet,
      values: [
        [RONDES.title],
        [],
        [],
        [...RONDES.headers],
        ['score', 1, 'Ans', 'Geveltuinen', 'politiek ', 3, '', scoreKey(1, 'Ans', 'Geveltuinen', 'politiek ')],
        ['score', 1, 'Bram', 'Geveltuinen', 'Politiek', 4, '', 'met de hand'],
        ['score', 1, 'Cor', 'Geveltuinen', 'Draagvlak', 5, '', scoreKey(1, 'Cor', 'Geveltuinen', 'Draagvlak')],
      ],
    };
    const { snapshot, sheet, werkblad } = setup({}, undefined, [rondes]);
    const res = renameFactorEdit(sheet, werkblad, 1, 'Bestuur', { snapshot, notes: readNotes(snapshot) });
    if (!res.ok) throw new Error(res.message);
    expect(res.ops.slice(1)).toEqual([
      { kind: 'setCells', sheet: RONDES.sheet, cell: 'E5', cells: [[{ text: 'Bestuur' }]], expect: [['politiek ']] },
      {
        kind: 'setCells',
        sheet: RONDES.sheet,
        cell: 'H5',
        cells: [[{ text: scoreKey(1, 'Ans', 'Geveltuinen', 'Bestuur') }]],
        expect: [[scoreKey(1, 'Ans', 'Geveltuinen', 'politiek ')]],
      },
      { kind: 'setCells', sheet: RONDES.sheet, cell: 'E6', cells: [[{ text: 'Bestuur' }]], expect: [['Politiek']] },
    ]);
  });

  it('a rename moves the notes of the factor: by id when they have one, by row when typed without', () => {
    const notulen: SheetSnapshot = {
      name: SHEET_NAMES.notulen,
      values: [
        [...NOTULEN.headers],
        ['n-1', '2026-11-30', 'Ans', 'Stap 2', 'Geveltuinen', 'Politiek', 'notitie', 'Raad twijfelt'],
        ['', '2026-11-30', 'Bram', 'Stap 2', 'Geveltuinen', 'POLITIEK', 'notitie', 'Zonder id'],
        ['n-3', '2026-11-30', 'Cor', 'Stap 2', 'Geveltuinen', 'Draagvlak', 'notitie', 'Andere factor'],
      ],
    };
    const { snapshot, sheet, werkblad } = setup({}, undefined, [notulen]);
    const notes = readNotes(snapshot);
    expect(notes.notes.map((n) => n.factor)).toEqual(['Politiek', 'POLITIEK', 'Draagvlak']);
    const res = renameFactorEdit(sheet, werkblad, 1, 'Bestuur', { snapshot, notes });
    if (!res.ok) throw new Error(res.message);
    expect(res.ops.slice(1)).toEqual([
      {
        kind: 'updateRowByKey',
        sheet: SHEET_NAMES.notulen,
        minRow: 1,
        keyColumn: 'A',
        key: 'n-1',
        firstColumn: 'F',
        cells: [{ text: 'Bestuur' }],
        expect: ['Politiek'],
      },
      { kind: 'setCells', sheet: SHEET_NAMES.notulen, cell: 'F3', cells: [[{ text: 'Bestuur' }]], expect: [['POLITIEK']] },
    ]);
  });

  it('the waarom: an unknown factor and more than 500 characters are refused; the same text writes nothing; "" clears, guarded by the cell as read', () => {
    const { sheet, werkblad } = setup({}, (s) => put(s, 5, 4, 'Raad beslist'));
    expect(message(waaromEdit(sheet, werkblad, 3, 'x'))).toBe('Onbekende succesfactor.');
    expect(message(waaromEdit(sheet, werkblad, 1, 'x'.repeat(501)))).toBe('De toelichting is 501 tekens; houd het bij één regel (hoogstens 500 tekens).');
    expect(message(waaromEdit(sheet, werkblad, 1, 'x'.repeat(500)))).toBe('ok');
    expect(waaromEdit(sheet, werkblad, 1, '  Raad beslist \n')).toEqual({ ok: true, ops: [] });
    expect(waaromEdit(sheet, werkblad, 1, '  ')).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: WS, cell: 'D5', cells: [[{ clear: true }]], expect: [['Raad beslist']] }],
    });
    expect(waaromEdit(sheet, werkblad, 0, 'a \r\n  b')).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: WS, cell: 'C5', cells: [[{ text: 'a b' }]], expect: [[null]] }],
    });
  });
});

describe('readFactorInfo and defaultWaarom', () => {
  it('counts valid scores per factor and lists the rest (text, a formula) by cell, reads the waarom, and knows the built-in reason of a default factor by the name rule', () => {
    const { sheet, werkblad } = setup(
      {
        factors: ['Verhogen van draagvlak', 'Politiek', 'Doorbraak'],
        rows: [
          ['Groen', 'Geveltuinen', 1, null, 'x'],
          ['Werk', 'Stage', 0, null, null],
        ],
      },
      (s) => {
        put(s, 5, 3, 'Omdat');
        putFormula(s, 7, 4, '=""', null); // a formula that shows nothing is still the team's: listed, not a score
      },
    );
    const info = readFactorInfo(sheet, werkblad);
    expect(info.map((f) => [f.index, f.column, f.name, f.weging, f.waarom, f.scores])).toEqual([
      [0, 3, 'Verhogen van draagvlak', 1, 'Omdat', 2],
      [1, 4, 'Politiek', 1, '', 0],
      [2, 5, 'Doorbraak', 1, '', 0],
    ]);
    expect(info.map((f) => f.other.map((c) => [c.cell, c.text]))).toEqual([[], [['D7', '=""']], [['E6', 'x']]]);
    expect(defaultWaarom('Verhogen van draagvlak')).not.toBe('');
    expect(defaultWaarom(' verhogen van DRAAGVLAK ')).toBe(defaultWaarom('Verhogen van draagvlak'));
    expect(defaultWaarom('Draagvlak')).toBe('');
    expect(info.map((f) => f.standaardWaarom)).toEqual([defaultWaarom('Verhogen van draagvlak'), '', '']);
  });
});

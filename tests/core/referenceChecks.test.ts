/**
 * The reference checks of the factor questions on hand-made snapshots, without the template
 * workbook: `indirectTargets` (an INDIRECT of a fixed text), `formulasReadingRewrite` (what
 * counts as a changed cell), `namesReadingRewrite` (which name a use means, names that use
 * names), `formulasUncheckable` (what cannot be checked), `rulesOverRewrite` (a format or
 * validation over some of the moved columns) and `commentsAffected`. Pure and quick, so a
 * mutation run of these lines (CONTRIBUTING, "Runs of 2 Dec d") can use it alone: the
 * template tests of the same rules cost 15–40 s a mutant on the shared machine.
 */
import { formulaTokens } from '../../src/core/columnShift';
import {
  commentsAffected,
  formulaPlace,
  formulasReadingRewrite,
  formulasUncheckable,
  indirectTargets,
  namesReadingRewrite,
  rulesOverRewrite,
} from '../../src/core/referenceBreaks';
import type { CellInput, PlanOp, RangeRuleSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { plainBook } from '../helpers/build';

describe('indirectTargets: the reference an INDIRECT of a fixed text names', () => {
  const box = (formula: string, sheet = 'Eigen', inName = false) => {
    const r = indirectTargets(formula, sheet, inName);
    return { refs: r.refs.map((x) => [x.sheet, x.left, x.top, x.right, x.bottom]), dynamic: r.dynamic };
  };

  test('a text with a sheet, without one (the formula’s own sheet), quoted, a range, with A1 style said', () => {
    expect(box('=INDIRECT("Werkblad!D6")')).toEqual({ refs: [['Werkblad', 4, 6, 4, 6]], dynamic: false });
    expect(box('=indirect( "D6" )*2', 'W')).toEqual({ refs: [['W', 4, 6, 4, 6]], dynamic: false });
    expect(box(`=SUM(INDIRECT("'W b'!$D$6:$D$9"))`)).toEqual({ refs: [['W b', 4, 6, 4, 9]], dynamic: false });
    expect(box(`=INDIRECT("'It''s'!E2",TRUE)`)).toEqual({ refs: [["It's", 5, 2, 5, 2]], dynamic: false });
    expect(box('=INDIRECT("W!D6";1)')).toEqual({ refs: [['W', 4, 6, 4, 6]], dynamic: false });
  });

  test('a computed address, R1C1, a name, another workbook or a text that is no reference: dynamic', () => {
    expect(box('=INDIRECT("W!D"&B1)')).toEqual({ refs: [], dynamic: true });
    expect(box('=INDIRECT(B1)')).toEqual({ refs: [], dynamic: true });
    expect(box('=INDIRECT("R6C4",FALSE)')).toEqual({ refs: [], dynamic: true });
    expect(box('=INDIRECT("TeamGewicht")')).toEqual({ refs: [], dynamic: true });
    expect(box('=INDIRECT("[Boek.xlsx]W!D6")')).toEqual({ refs: [], dynamic: true });
    expect(box('=INDIRECT("D6+1")')).toEqual({ refs: [], dynamic: true });
    // one fixed and one computed: the fixed one is read, the formula stays dynamic
    expect(box('=INDIRECT("W!D6")+INDIRECT(B1)')).toEqual({ refs: [['W', 4, 6, 4, 6]], dynamic: true });
  });

  test('in a defined name a text without a sheet is dynamic (it is the sheet of the cell using the name); INDIRECT in a text is no call', () => {
    expect(box('=INDIRECT("D6")', '', true)).toEqual({ refs: [], dynamic: true });
    expect(box('=INDIRECT("W!D6")', '', true)).toEqual({ refs: [['W', 4, 6, 4, 6]], dynamic: false });
    expect(box('="INDIRECT(B1)"&\'INDIRECT(x\'!A1')).toEqual({ refs: [], dynamic: false });
    expect(box('=MYINDIRECT("W!D6")')).toEqual({ refs: [], dynamic: false });
  });
});

describe('formulaTokens', () => {
  test('names with the sheet they are qualified with; not functions, cells, booleans, text or another workbook’s', () => {
    expect(formulaTokens('=SUM(TeamGewicht)+Eigen!Factor+\'Mijn blad\'!x_1+TRUE+C7+"Naam"+[1]Blad!Extern').names).toEqual([
      { sheet: null, name: 'TeamGewicht' },
      { sheet: 'Eigen', name: 'Factor' },
      { sheet: 'Mijn blad', name: 'x_1' },
    ]);
    expect(formulaTokens('=_xlfn.XLOOKUP(1,A:A,B:B)+indirect("A1")').functions).toEqual(['XLOOKUP', 'INDIRECT']);
  });

  test('a range between function results and a structured reference are seen; a plain range or text with brackets is not', () => {
    expect(formulaTokens('=SUM(INDEX(W!C:C,1):INDEX(W!J:J,5))').rangeOfResults).toBe(true);
    expect(formulaTokens('=SUM(W!C7:OFFSET(W!C7,0,2))').rangeOfResults).toBe(true);
    expect(formulaTokens('=SUM(W!C7:W!F7)+SUM($C$7:F7)').rangeOfResults).toBe(false);
    expect(formulaTokens('=SUM(Tabel1[Kolom])').structured).toBe(true);
    expect(formulaTokens('="[x]"&A1').structured).toBe(false);
  });
});

describe('namesReadingRewrite (the values of D7:E7 of W swapped)', () => {
  const swap: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D7', cells: [[{ number: 5 }, { number: 3 }]] }];
  const cells = { D7: 3, E7: 5, F7: 1 };

  test('a name over a swapped cell stands for other content, and so does a name using it; the formulas using them are listed with the name', () => {
    const snap = plainBook(
      [
        ['W', cells],
        ['Eigen', { A1: '=SUM(TeamGewicht)*2', A2: '=Dubbel', A3: '=Vast', A4: '=W!F7', A5: '="TeamGewicht"' }],
      ],
      [
        { name: 'TeamGewicht', formula: "='W'!$E$7:$E$100" },
        { name: 'Dubbel', formula: '=TeamGewicht*2' },
        { name: 'Vast', formula: '=W!$F$7' },
        { name: '_xlnm.Print_Area', formula: '=W!$A$1:$F$9', scope: 'W' },
      ],
    );
    const r = namesReadingRewrite(snap, 'W', swap);
    expect(r.definitions.map((d) => [d.label, d.effect])).toEqual([
      ['TeamGewicht', 'reads'],
      ['Dubbel', 'reads'],
    ]);
    expect(r.formulas.map((b) => [formulaPlace(b), b.kind, b.name])).toEqual([
      ['Eigen!A1', 'reads', 'TeamGewicht'],
      ['Eigen!A2', 'reads', 'Dubbel'],
    ]);
  });

  test('a bare name means the sheet’s own name before the workbook’s; a qualified one that sheet’s', () => {
    const snap = plainBook(
      [
        ['W', cells],
        ['Eigen', { A1: '=Gewicht', A2: '=Ander!Gewicht' }],
        ['Ander', { A1: '=Gewicht' }],
      ],
      [
        { name: 'Gewicht', formula: '=W!$F$7' },
        { name: 'gewicht', formula: '=W!$D$7', scope: 'Ander' },
      ],
    );
    expect(namesReadingRewrite(snap, 'W', swap).formulas.map(formulaPlace)).toEqual(['Eigen!A2', 'Ander!A1']);
  });

  test('a name whose cells its text does not fix is unknown, and so are the formulas using it; without names nothing is listed', () => {
    const snap = plainBook(
      [
        ['W', cells],
        ['Eigen', { A1: '=SUM(Rij)' }],
      ],
      [{ name: 'Rij', formula: '=OFFSET(W!$C$7,0,Eigen!$B$1)' }],
    );
    const r = namesReadingRewrite(snap, 'W', swap);
    expect(r.definitions.map((d) => [d.label, d.effect])).toEqual([['Rij', 'unknown']]);
    expect(r.formulas.map((b) => [formulaPlace(b), b.kind])).toEqual([['Eigen!A1', 'unknown']]);
    expect(namesReadingRewrite({ ...snap, definitions: undefined }, 'W', swap)).toEqual({ definitions: [], formulas: [] });
  });
});

describe('formulasUncheckable (sheet W)', () => {
  test('INDIRECT with a computed address and structured references anywhere; OFFSET and ranges of results only when they refer to W; INDIRECT of a fixed text is a reference, not unknown', () => {
    const snap = plainBook(
      [
        ['W', { D7: 3, G7: '=SUM(C7:OFFSET(C7,0,2))' }],
        [
          'Eigen',
          {
            A1: '=INDIRECT("W!D7")',
            A2: '=INDIRECT(B1)',
            A3: '=SUM(OFFSET(W!$C$7,0,B2))',
            A4: '=SUM(INDEX(W!C:C,1):INDEX(W!F:F,9))',
            A5: '=SUM(Tabel1[Score])',
            A6: '=SUM(OFFSET(Eigen!$C$7,0,B2))',
            A7: '=SUM(C1:INDEX(C:C,B3))',
            A8: '=W!D7*2',
            A9: '=SUM(OFFSET(Basis,0,1))',
            A10: '=INDIRECT("W!D"&B1)',
          },
        ],
      ],
      [{ name: 'Basis', formula: '=W!$C$7' }],
    );
    expect(formulasUncheckable(snap, 'W').map((b) => [formulaPlace(b), b.kind])).toEqual([
      ['W!G7', 'unknown'],
      ['Eigen!A2', 'unknown'],
      ['Eigen!A3', 'unknown'],
      ['Eigen!A4', 'unknown'],
      ['Eigen!A5', 'unknown'],
      ['Eigen!A9', 'unknown'],
      ['Eigen!A10', 'unknown'],
    ]);
    // a cell the caller skips (a deleted column) is not listed
    expect(formulasUncheckable(snap, 'W', (sheet, column) => sheet === 'W' && column === 7).map(formulaPlace)).not.toContain('W!G7');
  });
});

describe('indirectTargets: where a call starts and ends', () => {
  const refs = (formula: string) => indirectTargets(formula, 'Eigen').refs.map((x) => `${x.sheet}!${x.left},${x.top}:${x.right},${x.bottom}`);

  test('a call after a text, with a space before its "(", and a second call after one with TRUE are all read', () => {
    expect(refs('="x"&INDIRECT("W!D7")')).toEqual(['W!4,7:4,7']);
    expect(refs('=INDIRECT ("W!D7")')).toEqual(['W!4,7:4,7']);
    expect(refs('=INDIRECT("W!D7", TRUE )+INDIRECT("W!E7")')).toEqual(['W!4,7:4,7', 'W!5,7:5,7']);
    // a text with a doubled quote before the call, and one in the sheet name the call names
    expect(refs('="a""b"&INDIRECT("W!D7")')).toEqual(['W!4,7:4,7']);
    // INDIRECT written inside a text is no call, wherever in the text it stands
    expect(indirectTargets('="x INDIRECT(B1)"', 'Eigen')).toEqual({ refs: [], dynamic: false });
    expect(refs(`=INDIRECT("'A""B'!E2")`)).toEqual(['A"B!5,2:5,2']);
  });

  test('a second argument that is not TRUE or 1, or text joined to the address, makes the call dynamic', () => {
    expect(indirectTargets('=INDIRECT("W!D7",B1)', 'Eigen')).toEqual({ refs: [], dynamic: true });
    // in a cell (not a name) a text without a sheet is the cell's own sheet
    expect(indirectTargets('=INDIRECT("D6")', 'W')).toMatchObject({ dynamic: false, refs: [{ sheet: 'W', left: 4, top: 6 }] });
    expect(indirectTargets('=INDIRECT("W!D7"&B1)', 'Eigen')).toEqual({ refs: [], dynamic: true });
  });

  test('columns of two or three letters, rows of several digits, whole columns and whole rows are addresses', () => {
    expect(refs('=INDIRECT("W!AB12")')).toEqual(['W!28,12:28,12']);
    expect(refs('=INDIRECT("W!D6:AB120")')).toEqual(['W!4,6:28,120']);
    expect(refs('=INDIRECT("W!D:AB")')).toHaveLength(1);
    expect(refs('=INDIRECT("W!AB:D")')).toHaveLength(1);
    expect(refs('=INDIRECT("W!6:12")')).toHaveLength(1);
    expect(refs('=INDIRECT("W!12:6")')).toHaveLength(1);
  });
});

describe('formulasReadingRewrite: what counts as a changed cell', () => {
  // W: D7 = 3, E7 = 'x', F7 = TRUE, G7 empty, H7 = '', I7 a formula; each read by a formula on Eigen
  const snap = (): WorkbookSnapshot => {
    const s = plainBook([
      ['W', { D7: 3, E7: 'x', H7: '', I7: '=1+1', D9: 4, K9: '=INDIRECT("D9")' }],
      [
        'Eigen',
        { A1: '=W!D7', A2: '=W!E7', A3: '=W!F7', A4: '=W!G7', A5: '=W!H7', A6: '=W!I7', A7: '=W!D9', A8: '=INDIRECT("W!D7")', A9: '=INDIRECT ("W!E7")' },
      ],
    ]);
    s.sheets[0].values[6][5] = true;
    // I7's formula =1+1 holds 2
    s.sheets[0].values[6][8] = 2;
    return s;
  };
  const write = (cell: string, input: CellInput, sheet = 'W'): PlanOp[] => [{ kind: 'setCells', sheet, cell, cells: [[input]] }];
  const listed = (ops: PlanOp[]) => formulasReadingRewrite(snap(), 'W', ops).map(formulaPlace);

  test('writing what a cell already holds is no change; another value, a clear of a value and anything over a formula are', () => {
    expect(listed(write('D7', { number: 3 }))).toEqual([]);
    expect(listed(write('D7', { number: 5 }))).toEqual(['Eigen!A1', 'Eigen!A8']);
    expect(listed(write('E7', { text: 'x' }))).toEqual([]);
    expect(listed(write('E7', { text: 'y' }))).toEqual(['Eigen!A2', 'Eigen!A9']);
    expect(listed(write('F7', { bool: true }))).toEqual([]);
    expect(listed(write('F7', { bool: false }))).toEqual(['Eigen!A3']);
    expect(listed(write('G7', { clear: true }))).toEqual([]);
    expect(listed(write('H7', { clear: true }))).toEqual([]);
    expect(listed(write('D7', { clear: true }))).toEqual(['Eigen!A1', 'Eigen!A8']);
    expect(listed(write('I7', { formula: '=1+1' }))).toEqual([]);
    expect(listed(write('I7', { formula: '=1+2' }))).toEqual(['Eigen!A6']);
    expect(listed(write('I7', { number: 3 }))).toEqual(['Eigen!A6']);
    // the formula's own value written over it still replaces the formula
    expect(listed(write('I7', { number: 2 }))).toEqual(['Eigen!A6']);
  });

  test('only setCells on the sheet count (named in any case), each row of a block at its own row', () => {
    expect(listed(write('D7', { number: 5 }, 'Eigen'))).toEqual([]);
    expect(listed([{ kind: 'addSheet', sheet: 'Nieuw' }])).toEqual([]);
    expect(listed([{ kind: 'setColumnWidths', sheet: 'W', widths: [{ column: 'D', width: 20 }] }])).toEqual([]);
    expect(listed(write('D7', { number: 5 }, 'w'))).toEqual(['Eigen!A1', 'Eigen!A8']);
    expect(listed([{ kind: 'setCells', sheet: 'W', cell: 'D8', cells: [[{ number: 0 }], [{ number: 5 }]] }])).toEqual(['W!K9', 'Eigen!A7']);
  });
});

describe('namesReadingRewrite: which names a rewrite reaches', () => {
  const swap: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D9', cells: [[{ number: 5 }, { number: 3 }]] }];
  const cells = { D9: 3, E9: 5, F9: 1 };
  const effects = (names: { name: string; formula: string; scope?: string }[]) =>
    namesReadingRewrite(plainBook([['W', cells]], names), 'W', swap).definitions.map((d) => [d.kind, d.sheet, d.label, d.effect]);

  test('a name over rows that include a rewritten one reads other content; one over other rows does not', () => {
    expect(effects([{ name: 'Breed', formula: '=W!$E$7:$E$20' }])).toEqual([['name', '', 'Breed', 'reads']]);
    expect(effects([{ name: 'Laag', formula: '=W!$E$10:$E$30' }])).toEqual([]);
    expect(effects([{ name: 'Hoog', formula: '=W!$E$1:$E$8' }])).toEqual([]);
    // two rows rewritten: a name over one of them reads other content
    const twoRows: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'E9', cells: [[{ number: 3 }], [{ number: 8 }]] }];
    const one = plainBook([['W', cells]], [{ name: 'Een', formula: '=W!$E$10' }]);
    expect(namesReadingRewrite(one, 'W', twoRows).definitions.map((d) => d.label)).toEqual(['Een']);
  });

  test('a name over a 3-D range of sheets that includes the rewritten sheet reads other content', () => {
    const snap = plainBook(
      [
        ['Eerste', {}],
        ['W', cells],
        ['Laatste', {}],
      ],
      [{ name: 'Over', formula: '=Eerste:Laatste!$E$9' }],
    );
    expect(namesReadingRewrite(snap, 'W', swap).definitions.map((d) => [d.label, d.effect])).toEqual([['Over', 'reads']]);
  });

  test('a sheet’s own name is used by that sheet’s names; a bare name on another sheet is not a sheet’s own name', () => {
    expect(
      effects([
        { name: 'Gewicht', formula: '=W!$E$9', scope: 'Ander' },
        { name: 'Gewicht', formula: '=W!$F$9' },
        { name: 'Dubbel', formula: '=Gewicht*2', scope: 'Ander' },
        { name: 'Werk', formula: '=Gewicht*3' },
      ]),
    ).toEqual([
      ['name', 'Ander', 'Gewicht', 'reads'],
      ['name', 'Ander', 'Dubbel', 'reads'],
    ]);
  });

  test('a name using a name that is not reached is not listed; names chain in any order', () => {
    expect(
      effects([
        { name: 'Drie', formula: '=Twee+1' },
        { name: 'Twee', formula: '=Een+1' },
        { name: 'Een', formula: '=W!$E$9' },
        { name: 'Vast', formula: '=W!$F$9' },
        { name: 'OokVast', formula: '=Vast*2' },
      ]),
    ).toEqual([
      ['name', '', 'Drie', 'reads'],
      ['name', '', 'Twee', 'reads'],
      ['name', '', 'Een', 'reads'],
    ]);
  });

  test('an INDIRECT of a text without a sheet in a name is unknown (its sheet is the using cell’s); an OFFSET over a name off the sheet is not', () => {
    expect(
      effects([
        { name: 'Los', formula: '=INDIRECT("E9")' },
        { name: 'Basis', formula: '=Eigen!$C$7' },
        { name: 'Rij', formula: '=OFFSET(Basis,0,1)' },
        { name: 'Hier', formula: '=W!$C$9' },
        { name: 'Naast', formula: '=OFFSET(Hier,0,1)' },
      ]),
    ).toEqual([
      ['name', '', 'Los', 'unknown'],
      ['name', '', 'Naast', 'unknown'],
    ]);
  });
});

describe('formulasUncheckable: an OFFSET that does not reach the sheet', () => {
  test('one that only says the sheet’s name in a text, or uses a name of another sheet, is not named', () => {
    const snap = plainBook(
      [
        ['W', { D7: 3 }],
        ['Eigen', { A1: '=OFFSET(Eigen!A1,0,1)&"W"', A2: '=SUM(OFFSET(Basis,0,1))', A3: '=OFFSET(Eigen!A1,0,Ander)&"W"' }],
      ],
      [
        { name: 'Basis', formula: '=Eigen!$C$7' },
        { name: 'Ander', formula: '=Eigen!$B$1' },
      ],
    );
    expect(formulasUncheckable(snap, 'W')).toEqual([]);
    // an INDIRECT of a text without a sheet in a cell of W reads W!D7: a reference, which can be checked
    snap.sheets[0].formulas = [[], [], [], [], [], [], [null, null, null, null, null, null, null, '=INDIRECT("D7")']];
    expect(formulasUncheckable(snap, 'W')).toEqual([]);
  });
});

describe('rulesOverRewrite: conditional formats and validations over a reorder of the factor block D..F', () => {
  const block = { first: 4, last: 6 };
  // D9 and E9 swapped; F9 and G9 (Totalen) written with what they hold
  const swap: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D9', cells: [[{ number: 5 }, { number: 3 }]] }];
  const book = (rules: RangeRuleSnapshot[], more: PlanOp[] = []) => {
    const snap = plainBook([
      ['W', { D9: 3, E9: 5, F9: 1, G9: 9 }],
      ['Eigen', {}],
    ]);
    snap.definitions = { names: [], rules };
    return rulesOverRewrite(snap, 'W', [...swap, ...more], block).map((d) => [d.kind, d.sheet, d.label, d.formula, d.effect]);
  };
  const format = (ranges: string[], formulas: string[] = [], sheet = 'W'): RangeRuleSnapshot => ({ kind: 'conditionalFormat', sheet, ranges, formulas });

  test('a format over some of the rewritten columns stays with its cells; one over all of them, or over rows not rewritten, is not named', () => {
    expect(book([format(['D9:D20'])])).toEqual([['conditionalFormat', 'W', 'D9:D20', '', 'stays']]);
    expect(book([format(['E1:E9'])])).toEqual([['conditionalFormat', 'W', 'E1:E9', '', 'stays']]);
    expect(book([format(['D9:F20'])])).toEqual([]);
    expect(book([format(['D10:D20'])])).toEqual([]);
    expect(book([format(['D1:D8'])])).toEqual([]);
    // Totalen written again (G9) is not a factor column: a format over D..F still covers all
    expect(book([format(['D9:F20'])], [{ kind: 'setCells', sheet: 'W', cell: 'G9', cells: [[{ number: 10 }]] }])).toEqual([]);
    expect(book([format(['A9:C20', 'G9:H20'])])).toEqual([]);
    // a column left of the block written too (a label): still all of the factor columns
    expect(book([format(['D9:E20'])], [{ kind: 'setCells', sheet: 'W', cell: 'C9', cells: [[{ text: 'x' }]] }])).toEqual([]);
    // the last factor column moved too (D, E, F rotated): a format over D and E covers some of them
    expect(book([format(['D9:E20'])], [{ kind: 'setCells', sheet: 'W', cell: 'F9', cells: [[{ number: 4 }]] }])).toEqual([
      ['conditionalFormat', 'W', 'D9:E20', '', 'stays'],
    ]);
    // rows 9 and 10 rewritten in D and E: a format over D10 alone covers some of the columns of its row
    expect(book([format(['D10'])], [{ kind: 'setCells', sheet: 'W', cell: 'D10', cells: [[{ number: 7 }, { number: 8 }]] }])).toEqual([
      ['conditionalFormat', 'W', 'D10', '', 'stays'],
    ]);
    // one range of several over some of the columns is enough
    expect(book([format(['H1:H2', 'E9'])])).toEqual([['conditionalFormat', 'W', 'H1:H2 E9', '', 'stays']]);
  });

  test('a rule whose formula reads a rewritten cell reads other content, on any sheet; one reading other cells is not named', () => {
    expect(book([format(['A1'], ['=W!$E$9>1'], 'Eigen')])).toEqual([['conditionalFormat', 'Eigen', 'A1', '=W!$E$9>1', 'reads']]);
    expect(book([format(['H9:H20'], ['=$A$1>0', '=$D$9>1'])])).toEqual([['conditionalFormat', 'W', 'H9:H20', '=$D$9>1', 'reads']]);
    expect(book([format(['H9:H20'], ['=$D$10>1', '=$E$8>1', '=$F$9>1', '=$C$9>1'])])).toEqual([]);
    // rows 9 and 10 rewritten: a formula reading D10 alone reads other content
    expect(book([format(['H9'], ['=$D$10>1'])], [{ kind: 'setCells', sheet: 'W', cell: 'D10', cells: [[{ number: 7 }, { number: 8 }]] }])).toEqual([
      ['conditionalFormat', 'W', 'H9', '=$D$10>1', 'reads'],
    ]);
    expect(book([format(['A1'], ['=$E$9>1'], 'Eigen')])).toEqual([]);
  });

  test('a team validation is named; nothing is named without rules, without the sheet or without a change', () => {
    const validation: RangeRuleSnapshot = { kind: 'validation', sheet: 'W', ranges: ['H9:H20'], formulas: ['=$D$9:$E$9'] };
    expect(book([validation])).toEqual([['validation', 'W', 'H9:H20', '=$D$9:$E$9', 'reads']]);
    expect(book([])).toEqual([]);
    const snap = plainBook([['W', { D9: 3, E9: 5 }]]);
    snap.definitions = { names: [], rules: [format(['D9'])] };
    expect(rulesOverRewrite(snap, 'Ander', swap, block)).toEqual([]);
    expect(rulesOverRewrite(snap, 'W', [{ kind: 'setCells', sheet: 'W', cell: 'D9', cells: [[{ number: 3 }]] }], block)).toEqual([]);
    expect(rulesOverRewrite({ ...snap, definitions: undefined }, 'W', swap, block)).toEqual([]);
  });
});

describe('commentsAffected', () => {
  const snap = (): WorkbookSnapshot => {
    const s = plainBook([
      ['W', { D9: 3, E9: 5 }],
      ['Eigen', {}],
    ]);
    s.definitions = {
      names: [],
      rules: [],
      comments: [
        { sheet: 'W', cell: 'D9', text: 'a' },
        { sheet: 'w', cell: 'E9', text: 'b' },
        { sheet: 'W', cell: 'E10', text: 'c' },
        { sheet: 'W', cell: 'H9', text: 'd' },
        { sheet: 'Eigen', cell: 'D9', text: 'e' },
      ],
    };
    return s;
  };
  const swap: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D9', cells: [[{ number: 5 }, { number: 3 }]] }];
  const texts = (found: { text: string; effect: string }[]) => found.map((c) => `${c.text}:${c.effect}`);

  test('with a column deleted, the comments in it go; those beside it and on other sheets are not named', () => {
    expect(texts(commentsAffected(snap(), 'W', [], [{ sheet: 'W', at: 5, count: -1 }]))).toEqual(['b:removed', 'c:removed']);
    expect(texts(commentsAffected(snap(), 'W', [], [{ sheet: 'W', at: 9, count: 1 }]))).toEqual([]);
  });

  test('without shifts, the comments on rewritten cells stay beside other content; others are not named', () => {
    expect(texts(commentsAffected(snap(), 'W', swap, []))).toEqual(['a:stays', 'b:stays']);
    expect(texts(commentsAffected(snap(), 'W', [], []))).toEqual([]);
    expect(commentsAffected(snap(), 'Leeg', swap, [])).toEqual([]);
    const noSheet = snap();
    noSheet.definitions!.comments!.push({ sheet: 'Weg', cell: 'A1', text: 'f' });
    expect(commentsAffected(noSheet, 'Weg', [], [])).toEqual([]);
    expect(commentsAffected({ ...snap(), definitions: undefined }, 'W', swap, [])).toEqual([]);
  });
});

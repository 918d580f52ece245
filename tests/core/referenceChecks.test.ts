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
import { formulaPlace, formulasUncheckable, indirectTargets, namesReadingRewrite } from '../../src/core/referenceBreaks';
import type { PlanOp } from '../../src/core/snapshot';
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

/**
 * The column insert/delete rule (src/core/columnShift.ts), case by case against what
 * Excel does when whole columns are inserted or deleted.
 */
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { simulate } from '../../src/core/simulate';
import {
  columnBefore,
  referencesIn,
  sheetSpansIn,
  shiftColumn,
  shiftColumnSpan,
  shiftFormula,
  shiftRange,
  shiftRanges,
  shiftRuleFormula,
  type ColumnShift,
} from '../../src/core/columnShift';

const W = 'Werkblad koppelkansen kiezen';
const ins = (at: number, count = 1, sheet = W): ColumnShift => ({ sheet, at, count });
const del = (at: number, count = 1, sheet = W): ColumnShift => ({ sheet, at, count: -count });

describe('shiftColumn and shiftColumnSpan', () => {
  test('an insert moves the columns at and right of it; a delete removes its columns and moves the rest left', () => {
    expect([1, 2, 3, 4].map((c) => shiftColumn(c, ins(3, 2)))).toEqual([1, 2, 5, 6]);
    expect([1, 2, 3, 4, 5].map((c) => shiftColumn(c, del(2, 2)))).toEqual([1, null, null, 2, 3]);
  });
  test('a span grows when the insert is inside it, shrinks when a delete takes some of it, goes when a delete takes all of it', () => {
    expect(shiftColumnSpan(3, 10, ins(11))).toEqual([3, 10]);
    expect(shiftColumnSpan(3, 10, ins(10))).toEqual([3, 11]);
    expect(shiftColumnSpan(3, 10, ins(3))).toEqual([4, 11]);
    expect(shiftColumnSpan(3, 10, del(5))).toEqual([3, 9]);
    expect(shiftColumnSpan(3, 10, del(2, 3))).toEqual([2, 7]);
    expect(shiftColumnSpan(3, 10, del(9, 4))).toEqual([3, 8]);
    expect(shiftColumnSpan(4, 5, del(3, 4))).toBeNull();
  });
  test('an insert never pushes a span past XFD: its right edge stays at XFD', () => {
    expect(shiftColumnSpan(1, 16384, ins(3))).toEqual([1, 16384]);
    expect(shiftColumnSpan(16384, 16384, ins(3))).toBeNull();
    expect(shiftColumn(16384, ins(3))).toBeNull();
  });
});

describe('shiftRange (merges, validations, print areas)', () => {
  test('cell ranges, single cells and whole columns move; whole rows stay', () => {
    expect(shiftRange('C6:J105', ins(11))).toBe('C6:J105');
    expect(shiftRange('C6:J105', ins(5))).toBe('C6:K105');
    expect(shiftRange('K6:K105', ins(5))).toBe('L6:L105');
    expect(shiftRange('E4', del(5))).toBeNull();
    expect(shiftRange('C:E', del(4))).toBe('C:D');
    expect(shiftRange('$C$1:$E$1', ins(1))).toBe('$D$1:$F$1');
    expect(shiftRange('3:5', del(1))).toBe('3:5');
  });
});

describe('shiftFormula', () => {
  test('a Totalen formula on the werkblad follows a factor deleted in the middle: the range shrinks, the weights row too', () => {
    const f = '=IF(COUNT(C6:J6)=0,"",SUMPRODUCT(C6:J6,$C$4:$J$4))';
    expect(shiftFormula(f, W, del(5))).toBe('=IF(COUNT(C6:I6)=0,"",SUMPRODUCT(C6:I6,$C$4:$I$4))');
    expect(shiftFormula(f, W, ins(11))).toBe(f);
    expect(shiftFormula(f, W, ins(10))).toBe('=IF(COUNT(C6:K6)=0,"",SUMPRODUCT(C6:K6,$C$4:$K$4))');
  });

  test('references from another sheet move only when they name the changed sheet; quoted names with quotes inside are read whole', () => {
    const f = "='Werkblad koppelkansen kiezen'!K6+Lijsten!K6+K6";
    expect(shiftFormula(f, 'Resultaat', del(5))).toBe("='Werkblad koppelkansen kiezen'!J6+Lijsten!K6+K6");
    expect(shiftFormula(f, W, ins(2))).toBe("='Werkblad koppelkansen kiezen'!L6+Lijsten!K6+L6");
    expect(shiftFormula("='Piet''s blad'!D1*2", 'X', ins(1, 1, "Piet's blad"))).toBe("='Piet''s blad'!E1*2");
    expect(shiftFormula('=werkblad!D1', 'X', ins(1, 1, 'WERKBLAD'))).toBe('=werkblad!E1');
  });

  test('a reference to a deleted cell becomes #REF!, with its sheet name, as Excel writes it', () => {
    expect(shiftFormula("='Werkblad koppelkansen kiezen'!E7*2", 'Eigen', del(5))).toBe('=#REF!*2');
    expect(shiftFormula('=SUM(E6:E9)+E4', W, del(5))).toBe('=SUM(#REF!)+#REF!');
  });

  test('whole columns move, whole rows stay, $ anchors move too', () => {
    expect(shiftFormula('=COUNTA(Werkblad!$K:$K)+SUM(Werkblad!3:3)', 'R', { sheet: 'Werkblad', at: 4, count: 2 })).toBe(
      '=COUNTA(Werkblad!$M:$M)+SUM(Werkblad!3:3)',
    );
  });

  test('text, error literals, function names, numbers, structured references and other workbooks are not references', () => {
    const f = '=IF(LOG10(D2)>1E3,"D2 en E5:F6",#REF!)&Tabel1[Kolom D2]&[1]Werkblad!D2&ATAN2(D2,1.5E+3)';
    expect(shiftFormula(f, 'Werkblad', { sheet: 'Werkblad', at: 1, count: 1 })).toBe(
      '=IF(LOG10(E2)>1E3,"D2 en E5:F6",#REF!)&Tabel1[Kolom D2]&[1]Werkblad!D2&ATAN2(E2,1.5E+3)',
    );
  });

  test('_xlfn. functions and names that are no cell address are kept', () => {
    expect(shiftFormula('=_xlfn.XLOOKUP(D1,Mijn_naam,D2:D9)', 'B', { sheet: 'B', at: 2, count: 1 })).toBe('=_xlfn.XLOOKUP(E1,Mijn_naam,E2:E9)');
  });

  test('a list source that is a list, not a formula, stays', () => {
    expect(shiftRuleFormula('To do,Bezig,Klaar', 'B', { sheet: 'B', at: 1, count: 1 })).toBe('To do,Bezig,Klaar');
    expect(shiftRuleFormula('=$D$1:$D$9', 'B', { sheet: 'B', at: 1, count: 1 })).toBe('=$E$1:$E$9');
  });
});

describe('simulate (the engine plans on the workbook a column op leaves)', () => {
  test('cells, merges, unlocked areas and validations of the sheet move; formulas of every sheet follow', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'W',
          values: [['a', 'b', 'c', 'd']],
          formulas: [[null, null, null, '=SUM(A1:C1)']],
          merges: ['B3:D3', 'C4:C5'],
          protection: { protected: false, unlocked: ['A6:D9'] },
        },
        { name: 'Eigen', values: [[null]], formulas: [['=W!D1+W!C1']] },
      ],
      validations: [
        { sheet: 'W', range: 'A6:D9', rule: null },
        { sheet: 'W', range: 'C6:C9', rule: null },
      ],
    };
    const after = simulate(snapshot, [{ kind: 'deleteColumns', sheet: 'w', column: 'C', count: 1 }]);
    const w = after.sheets[0];
    expect(w.values[0]).toEqual(['a', 'b', 'd']);
    expect(w.formulas?.[0]).toEqual([null, null, '=SUM(A1:B1)']);
    expect(w.merges).toEqual(['B3:C3']);
    expect(w.protection?.unlocked).toEqual(['A6:C9']);
    expect(after.sheets[1].formulas?.[0]).toEqual(['=W!C1+#REF!']);
    expect(after.validations).toEqual([{ sheet: 'W', range: 'A6:C9', rule: null }]);
    // the snapshot it was made from is untouched
    expect(snapshot.sheets[0].values[0]).toEqual(['a', 'b', 'c', 'd']);
    expect(snapshot.sheets[1].formulas?.[0]).toEqual(['=W!D1+W!C1']);
  });
});

describe('the edges of the rule (from the mutation run of 2026-12-02)', () => {
  test('a column pushed exactly to XFD stays on the sheet, as does a span whose left edge lands on XFD', () => {
    expect(shiftColumn(16383, ins(3))).toBe(16384);
    expect(shiftColumnSpan(16383, 16383, ins(3))).toEqual([16384, 16384]);
    // the right edge stays at XFD while the left one moves: the range text changes
    expect(shiftRange('D1:XFD1', ins(2))).toBe('E1:XFD1');
  });

  test('a delete: a span left of it stays, one right of it moves left by the count, one starting on its last column starts where it was', () => {
    expect(shiftColumnSpan(1, 2, del(5))).toEqual([1, 2]);
    expect(shiftColumnSpan(8, 10, del(3, 2))).toEqual([6, 8]);
    expect(shiftColumnSpan(4, 8, del(3, 2))).toEqual([3, 6]);
    expect(shiftRange('H2:J9', del(3, 2))).toBe('F2:H9');
  });

  test('a range written right to left stays so after the move; its corners keep their anchors and rows', () => {
    expect(shiftFormula('=SUM(J6:$C$6)', W, ins(5))).toBe('=SUM(K6:$C$6)');
    expect(shiftFormula('=SUM(J$6:C9)', W, ins(2))).toBe('=SUM(K$6:D9)');
  });

  test('a reference the shift does not move is kept as written, lower case included (a formula that does not change is not rewritten)', () => {
    expect(shiftFormula('=d5+c1+SUM(a1:c3)', W, ins(5))).toBe('=d5+c1+SUM(a1:c3)');
  });

  test('a word shaped like a cell that is none (row 0, a column past XFD) is a name: it never moves', () => {
    expect(shiftFormula('=A0*2', W, ins(1))).toBe('=A0*2');
    expect(shiftRange('D1:XFE1', ins(1))).toBe('D1:XFE1');
    expect(shiftRange('D:XFE', ins(1))).toBe('D:XFE');
    expect(shiftRange('Mijn_naam', ins(1))).toBe('Mijn_naam');
  });

  test('a sheet-scoped name keeps its sheet; a cell next to a name in a range still moves', () => {
    expect(shiftFormula('=Werkblad!Mijn_naam+Werkblad!D1', 'X', ins(1, 1, 'Werkblad'))).toBe('=Werkblad!Mijn_naam+Werkblad!E1');
    expect(shiftFormula('=SUM(D5:Mijn_naam)', W, ins(1))).toBe('=SUM(E5:Mijn_naam)');
  });

  test("references into another workbook never move: quoted, with an index of two digits, or a workbook name before a sheet of this one's name", () => {
    const shift = ins(1, 1, 'Werkblad');
    expect(shiftFormula("='[1]Werkblad'!D2+'[1]Werk blad'!D2", 'Werkblad', shift)).toBe("='[1]Werkblad'!D2+'[1]Werk blad'!D2");
    expect(shiftFormula('=[12]Werkblad!D2+D2', 'Werkblad', shift)).toBe('=[12]Werkblad!D2+E2');
    expect(shiftFormula('=[1]!Rente*Werkblad!D1', 'X', shift)).toBe('=[1]!Rente*Werkblad!E1');
  });

  test('a validation list whose items look like cells (Q1,Q2) is a list, not a formula', () => {
    expect(shiftRuleFormula('Q1,Q2,Q3,Q4', 'B', { sheet: 'B', at: 1, count: 1 })).toBe('Q1,Q2,Q3,Q4');
  });
});

describe('shiftRanges (a conditional format or validation sqref, merges)', () => {
  test('each range moves or shrinks, the deleted ones are left out, the rest keep their order', () => {
    expect(shiftRanges(['C6:J105', 'E4', 'A1', 'E2:F2', 'H1'], del(5))).toEqual(['C6:I105', 'A1', 'E2:E2', 'G1']);
    expect(shiftRanges(['E4', 'E5:E9'], del(5))).toEqual([]);
    expect(shiftRanges([], ins(1))).toEqual([]);
  });
});

describe('columnBefore (the column a cell was in before a list of shifts)', () => {
  const forward = (column: number, shifts: ColumnShift[]) => shifts.reduce<number | null>((c, s) => (c === null ? null : shiftColumn(c, s)), column);

  test('undoes shiftColumn over inserts and deletes run one after another; an inserted column was not there', () => {
    const shifts = [ins(3, 2), del(8, 1), ins(1), del(2, 3), ins(6, 1)];
    const seen = new Map<number, number>();
    for (let c = 1; c <= 20; c++) {
      const after = forward(c, shifts);
      if (after !== null) {
        expect(columnBefore(after, shifts)).toBe(c);
        seen.set(after, c);
      }
    }
    // every column after the shifts that no earlier column became was inserted by one of them
    for (let after = 1; after <= 16; after++) if (!seen.has(after)) expect(columnBefore(after, shifts)).toBeNull();
    expect([...Array(8)].map((_, i) => columnBefore(i + 1, [ins(3, 2)]))).toEqual([1, 2, null, null, 3, 4, 5, 6]);
    expect([1, 2, 3, 4].map((c) => columnBefore(c, [del(2, 2)]))).toEqual([1, 4, 5, 6]);
    expect(columnBefore(7, [])).toBe(7);
  });
});

describe('sheetSpansIn (3-D references)', () => {
  test('names the sheet range of each 3-D reference, quoted or bare, in order; not those into another workbook', () => {
    expect(sheetSpansIn("=SUM(Jan:Mrt!D5)+SUM('Blad 1:Blad 3'!D5:E9)+Apr!D5")).toEqual([
      { first: 'Jan', last: 'Mrt' },
      { first: 'Blad 1', last: 'Blad 3' },
    ]);
    expect(sheetSpansIn("=SUM([1]Blad1:Blad3!A1)+SUM('[1]Blad 1:Blad 3'!D5)+'Blad 1'!D5+D5:E5")).toEqual([]);
  });

  test('a 3-D reference is left as it is when columns change on one sheet of its span', () => {
    expect(shiftFormula("=SUM(Jan:Mrt!D5)+SUM('Jan:Mrt'!D5)+Jan!D5", 'X', ins(1, 1, 'Jan'))).toBe("=SUM(Jan:Mrt!D5)+SUM('Jan:Mrt'!D5)+Jan!E5");
  });
});

describe('referencesIn (what a formula reads)', () => {
  test('cells, ranges in either order, whole columns and whole rows, with the sheet they point at', () => {
    expect(referencesIn("=D5+Lijsten!$B$2:A9+SUM('Mijn blad'!C:E)+SUM(5:3)", 'Werkblad')).toEqual([
      { sheet: 'Werkblad', top: 5, bottom: 5, left: 4, right: 4 },
      { sheet: 'Lijsten', top: 2, bottom: 9, left: 1, right: 2 },
      { sheet: 'Mijn blad', top: 1, bottom: 1_048_576, left: 3, right: 5 },
      { sheet: 'Werkblad', top: 3, bottom: 5, left: 1, right: 16384 },
    ]);
    expect(referencesIn('=SUM(D9:$C$2)', 'W')).toEqual([{ sheet: 'W', top: 2, bottom: 9, left: 3, right: 4 }]);
  });

  test('a 3-D reference has no single sheet but its span; names, text and other workbooks are not references', () => {
    expect(referencesIn('=SUM(Jan:Mrt!D5)', 'W')).toEqual([{ sheet: null, span: { first: 'Jan', last: 'Mrt' }, top: 5, bottom: 5, left: 4, right: 4 }]);
    expect(referencesIn('=Mijn_naam&"D5"&[1]Blad!D5&\'[1]Blad\'!D5&A0', 'W')).toEqual([]);
  });
});

describe('regression: a reference into a deleted sheet (#REF!A1) moved with the sheet the formula stands on', () => {
  // Excel writes the name of a deleted sheet as #REF! (=Oud!A1 becomes =#REF!A1); that
  // reference points at no sheet of the workbook, so a column change anywhere leaves it
  test('it is kept byte for byte by an insert and a delete, and is no reference of the formula', () => {
    expect(shiftFormula('=#REF!A1+SUM(#REF!$B$2:C9)+A1', W, ins(1))).toBe('=#REF!A1+SUM(#REF!$B$2:C9)+B1');
    expect(shiftFormula('=#REF!A1*2', W, del(1))).toBe('=#REF!A1*2');
    expect(shiftFormula('=#REF!Rente+#REF!+D1', W, ins(1))).toBe('=#REF!Rente+#REF!+E1');
    expect(referencesIn('=#REF!A1+#REF!B:B+D5', 'W')).toEqual([{ sheet: 'W', top: 5, bottom: 5, left: 4, right: 4 }]);
  });
});

describe('referencesIn: anchored single cells and rows, text with doubled quotes', () => {
  test('$ anchors do not change the rectangle; a quote doubled inside a text does not end it', () => {
    expect(referencesIn('=$D$5+SUM($3:$5)', 'W')).toEqual([
      { sheet: 'W', top: 5, bottom: 5, left: 4, right: 4 },
      { sheet: 'W', top: 3, bottom: 5, left: 1, right: 16384 },
    ]);
    expect(shiftFormula('=IF(D1="","leeg ""D1"" en ""E2""",D1)', W, ins(1))).toBe('=IF(E1="","leeg ""D1"" en ""E2""",E1)');
  });
});

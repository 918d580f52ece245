/**
 * The column insert/delete rule (src/core/columnShift.ts), case by case against what
 * Excel does when whole columns are inserted or deleted.
 */
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { simulate } from '../../src/core/simulate';
import { shiftColumn, shiftColumnSpan, shiftFormula, shiftRange, shiftRuleFormula, type ColumnShift } from '../../src/core/columnShift';

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

/**
 * copyFormulaDown / formulaCopier (src/core/columnShift.ts): a formula as Excel writes it
 * in the cell `rows` below when its cell is copied there. The Office.js adapter sends a
 * column of such formulas as one formula and Range.copyFrom, so a wrong copy here would
 * put other formulas in the workbook than the plan's.
 */
import { copyFormulaDown, formulaCopier } from '../../src/core/columnShift';
import { totalFormula } from '../../src/core/formulas';
import type { WerkbladLayout } from '../../src/core/werkblad';

describe('copyFormulaDown', () => {
  test('relative rows move, $ rows and columns stay', () => {
    expect(copyFormulaDown('=SUM(C6:N6)', 3)).toBe('=SUM(C9:N9)');
    expect(copyFormulaDown('=$C$4*C6+C$4*$D6', 1)).toBe('=$C$4*C7+C$4*$D7');
    expect(copyFormulaDown('=RANK($P6,$P$6:$P$2055)', 10)).toBe('=RANK($P16,$P$6:$P$2055)');
  });

  test('references to other sheets, quoted or not, and 3-D references move too', () => {
    expect(copyFormulaDown("='Werkblad koppelkansen kiezen'!B6&Blad2!C$6", 2)).toBe("='Werkblad koppelkansen kiezen'!B8&Blad2!C$6");
    expect(copyFormulaDown('=SUM(Blad1:Blad3!D5)', 1)).toBe('=SUM(Blad1:Blad3!D6)');
  });

  test('whole rows move unless anchored; whole columns stay', () => {
    expect(copyFormulaDown('=SUM(3:5)+SUM($3:5)+SUM(C:E)', 1)).toBe('=SUM(4:6)+SUM($3:6)+SUM(C:E)');
  });

  test('text in quotes, error literals, function names and numbers are not references', () => {
    expect(copyFormulaDown('=IF(A1="B2",LOG10(C3),#REF!)+13', 1)).toBe('=IF(A2="B2",LOG10(C4),#REF!)+13');
    expect(copyFormulaDown('=INDIRECT("A"&ROW())+Tabel[Kolom]', 4)).toBe('=INDIRECT("A"&ROW())+Tabel[Kolom]');
  });

  test('a row moved past 1,048,576 is #REF!, the sheet name with it', () => {
    expect(copyFormulaDown('=A1048576+B1', 1)).toBe('=#REF!+B2');
    expect(copyFormulaDown("='Eigen blad'!A1048575", 2)).toBe('=#REF!');
  });

  test("the werkblad's Totalen formula copied k rows down is the Totalen formula of that row", () => {
    const layout: WerkbladLayout = {
      sheet: 'Werkblad koppelkansen kiezen',
      firstFactorColumn: 3,
      lastFactorColumn: 22,
      totalenColumn: 23,
      totalenFound: true,
      firstDataRow: 6,
      lastDataRow: 10_005,
      preparedEndRow: 10_005,
    };
    const copy = formulaCopier(totalFormula(layout, 6));
    for (const k of [0, 1, 9, 994, 9_999]) expect(copy(k)).toBe(totalFormula(layout, 6 + k));
  });

  test('formulaCopier gives what copyFormulaDown gives, for every distance', () => {
    const f = '=IF(COUNTBLANK(C6:N6)=12,"",SUMPRODUCT(C6:N6,$C$4:$N$4))&\'Eigen blad\'!A$1&D7';
    const copy = formulaCopier(f);
    for (let k = 0; k < 30; k++) expect(copy(k)).toBe(copyFormulaDown(f, k));
  });
});

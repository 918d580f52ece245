/**
 * Issue 11, reorder check gap 1: moving a succesfactor rewrites the factor block by value,
 * and the question before it named only the team's formulas whose own references read a
 * moved cell. It missed a defined name pointing into a moved column (`TeamGewicht =
 * 'Werkblad…'!$E$7:$E$100` then stands for another factor's scores) and the formulas using
 * it, and formulas whose cells their text does not fix (INDIRECT, OFFSET, INDEX(…):INDEX(…),
 * structured references): those passed silently. Now names are judged like formulas
 * (`namesReadingRewrite`), and the rest is named as "kan niet worden nagegaan"
 * (`formulasUncheckable`); the removal question gets the same.
 */
import { columnLetter } from '../../src/core/a1';
import { formulaTokens } from '../../src/core/columnShift';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { definitionKey, factorMoveImpact, factorRemovalImpact, formulaPlace, formulasUncheckable, namesReadingRewrite } from '../../src/core/referenceBreaks';
import type { PlanOp } from '../../src/core/snapshot';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { plainBook } from '../helpers/build';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);

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

describe('factorMoveImpact and factorRemovalImpact on the template with the team’s names read', () => {
  async function workbook(): Promise<MemoryWorkbook> {
    const wb = await templateWorkbook('Testwijk');
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${C}6`, cells: [[{ number: 1 }, { number: 4 }, { number: 7 }]] },
        { kind: 'addSheet', sheet: 'Eigen' },
        {
          kind: 'setCells',
          sheet: 'Eigen',
          cell: 'A1',
          cells: [[{ formula: '=SUM(TeamGewicht)' }], [{ formula: `=INDIRECT("'${WS}'!${E}6")` }], [{ formula: `=SUM(OFFSET('${WS}'!$${C}$6,0,B9))` }]],
        },
      ],
    });
    wb.defineName('TeamGewicht', `='${WS}'!$${E}$6:$${E}$100`);
    return wb;
  }

  test('regression: a name pointing into a moved factor column, the formula using it and an INDIRECT passed the reorder question silently', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // the 2nd factor (D) one place later: D and E swap, so TeamGewicht then holds the 2nd factor's scores
    const r = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.definitions.map((d) => [d.label, d.effect])).toEqual([['TeamGewicht', 'reads']]);
    // the INDIRECT of a fixed text points at E6, which gets the 2nd factor's score: it reads like a reference
    expect(r.reads.map((b) => [formulaPlace(b), b.name])).toEqual([
      ['Eigen!A2', undefined],
      ['Eigen!A1', 'TeamGewicht'],
    ]);
    // what OFFSET reads is computed by Excel: named as not checkable, the product's own formulas not
    expect(r.unknown.map(formulaPlace)).toEqual(['Eigen!A3']);
    expect(r.unread).toEqual([]);
    // agreed to: nothing new; a name added since is named
    const again = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW, accepted: new Set(r.seen) });
    expect(again.ok && [again.reads, again.unknown, again.definitions]).toEqual([[], [], []]);
    wb.defineName('Later', `='${WS}'!$${D}$6`, 'Eigen');
    const later = await wb.readSnapshot({ definitions: true });
    const more = factorMoveImpact(later, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW, accepted: new Set(r.seen) });
    expect(more.ok && more.definitions.map(definitionKey)).toEqual(['name|eigen|Later']);
    // without the names, rules and comments read the move says it could not check them
    const plain = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    expect(plain.ok && [plain.definitions, plain.unread]).toEqual([[], ['names', 'conditionalFormats', 'validations', 'comments', 'notes']]);
    // a move that touches neither D nor E: neither the name nor the INDIRECT of E6 is named, the OFFSET still is (it could read anything)
    const far = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 4, 1, { now: NOW });
    expect(far.ok && [far.definitions, far.reads, far.unknown.map(formulaPlace)]).toEqual([[], [], ['Eigen!A3']]);
  });

  test('removal: a formula using a name that gets #REF! is named with it, the INDIRECT of E6 as reading other cells, OFFSET as not checkable; rewritten, the name reads', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // removing the 3rd factor (E) deletes the column TeamGewicht points into
    const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 2, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.definitions.map((d) => [d.label, d.effect])).toEqual([['TeamGewicht', 'ref']]);
    expect(r.broken.map((b) => [formulaPlace(b), b.name])).toEqual([['Eigen!A1', 'TeamGewicht']]);
    // INDIRECT's text keeps saying E6 while the 4th factor's column moves into E
    expect(r.reads.map(formulaPlace)).toEqual(['Eigen!A2']);
    expect(r.unknown.map(formulaPlace)).toEqual(['Eigen!A3']);
    const again = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 2, { shiftColumns: true, now: NOW, accepted: new Set(r.seen) });
    expect(again.ok && [again.broken, again.reads, again.unknown, again.definitions]).toEqual([[], [], [], []]);
    // without column shifts the 4th factor's scores are written into E: the name and its formula then read them
    const rewrite = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 2, { now: NOW });
    expect(rewrite.ok && [rewrite.definitions.map((d) => [d.label, d.effect]), rewrite.reads.map(formulaPlace), rewrite.unread]).toEqual([
      [['TeamGewicht', 'reads']],
      ['Eigen!A2', 'Eigen!A1'],
      [],
    ]);
  });
});

/**
 * Issue 11, reorder check gap 1: moving a succesfactor rewrites the factor block by value,
 * and the question before it named only the team's formulas whose own references read a
 * moved cell. It missed a defined name pointing into a moved column (`TeamGewicht =
 * 'Werkblad…'!$E$7:$E$100` then stands for another factor's scores) and the formulas using
 * it, and formulas whose cells their text does not fix (INDIRECT, OFFSET, INDEX(…):INDEX(…),
 * structured references): those passed silently. Now names are judged like formulas
 * (`namesReadingRewrite`), and the rest is named as "kan niet worden nagegaan"
 * (`formulasUncheckable`); the removal question gets the same. The pure cases of both are in
 * referenceChecks.test.ts.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { definitionKey, factorMoveImpact, factorRemovalImpact, formulaPlace } from '../../src/core/referenceBreaks';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);

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

/**
 * Regression (issue 11): a team formula `=INDIRECT("Werkblad!D6")` was named in the factor
 * questions as "kan niet worden nagegaan", like an INDIRECT whose address is computed. Its
 * address is a fixed text, so the engine can read it: it now resolves the text to its
 * reference (`indirectTargets`) and judges it like a reference that never shifts (Excel does
 * not rewrite INDIRECT's text when columns move, are inserted or deleted). A reorder names
 * it when its cell gets another factor's scores; a column delete names it when it points at
 * or right of the deleted column (it then reads what was beside it). Only an INDIRECT with a
 * computed address (or an R1C1 text, a name, another workbook) stays "kan niet worden nagegaan".
 * `indirectTargets`' own cases are in referenceChecks.test.ts.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { definitionKey, factorMoveImpact, factorRemovalImpact, formulaPlace } from '../../src/core/referenceBreaks';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { moveQuestion, removalQuestion } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

/** Two scored koppelkansen; on "Eigen" an INDIRECT of the 2nd factor's D6 as fixed text, and one computed. */
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
        cells: [[{ formula: `=INDIRECT("'${WS}'!${D}6")` }], [{ formula: `=INDIRECT("'${WS}'!"&"${D}6")` }]],
      },
    ],
  });
  wb.defineName('VastAdres', `=INDIRECT("'${WS}'!$${D}$6")`);
  return wb;
}

describe('the factor questions on an INDIRECT of a fixed text', () => {
  test('regression: a reorder named INDIRECT("Werkblad!D6") as not checkable; it is named as reading the moved cell, a computed one stays not checkable', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const name = s.ctx.werkblad.factors[1].name;
    // the 2nd factor (D) one place later: D6 gets the 3rd factor's score, the text keeps saying D6
    const m = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!m.ok) throw new Error(m.message);
    expect(m.reads.map((b) => [formulaPlace(b), b.kind])).toEqual([['Eigen!A1', 'reads']]);
    expect(m.unknown.map(formulaPlace)).toEqual(['Eigen!A2']);
    expect(m.definitions.map((d) => `${definitionKey(d)} ${d.effect}`)).toEqual(['name||VastAdres reads']);
    const q = moveQuestion(name, 1, m)!;
    expect(q.list).toEqual([
      `Eigen!A1: =INDIRECT("'${WS}'!${D}6")`,
      `Naam “VastAdres” (hele werkmap): =INDIRECT("'${WS}'!$${D}$6") staat daarna voor de cellen van een andere succesfactor`,
      `Eigen!A2 (kan niet worden nagegaan): =INDIRECT("'${WS}'!"&"${D}6")`,
    ]);
    // a move of two factors right of it: the fixed one is not named, the computed one still is
    const far = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 4, 1, { now: NOW });
    expect(far.ok && [far.reads, far.definitions, far.unknown.map(formulaPlace)]).toEqual([[], [], ['Eigen!A2']]);
  });

  test('a column delete at or left of the fixed address names it (the text stays, the columns move under it); one right of it does not', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // the 1st factor (C) goes: D shifts into C, and D6 then holds the 3rd factor's score
    const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 0, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect([r.reads.map(formulaPlace), r.broken, r.unknown.map(formulaPlace)]).toEqual([['Eigen!A1'], [], ['Eigen!A2']]);
    expect(r.definitions.map((d) => `${definitionKey(d)} ${d.effect}`)).toEqual(['name||VastAdres reads']);
    const q = removalQuestion(s.ctx.werkblad.factors[0].name, r)!;
    expect(q.list).toContain(`Eigen!A1 (rekent met een andere succesfactor): =INDIRECT("'${WS}'!${D}6")`);
    // the 3rd factor (E) goes: D6 keeps its content
    const right = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 2, { shiftColumns: true, now: NOW });
    expect(right.ok && [right.reads, right.definitions, right.unknown.map(formulaPlace)]).toEqual([[], [], ['Eigen!A2']]);
  });
});

/**
 * A factor removal that `removeFactorEdit` refuses (src/core/referenceBreaks.ts,
 * `factorRemovalImpact`): the question is then that refusal, word for word, and nothing else
 * (no ops, no formulas, nothing to agree to). With the column deleted, a cell of the team's
 * above the factor (rows 1–2) would go with it: the message names the sheet and the cell. Not
 * reached by the referenceBreaks group's tests before the mutation check of 3 Dec e (the
 * "3 Dec d" survivor at `if (!edit.ok) return edit`). Pure: the template in memory.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { factorRemovalImpact } from '../../src/core/referenceBreaks';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

test('a cell of the team above the factor (row 2) that would go with its column: the removal is refused, naming sheet and cell', async () => {
  const wb = await templateWorkbook('Testwijk');
  await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${D}2`, cells: [[{ text: 'let op' }]] }] });
  const s = await state(wb);
  const name = s.ctx.werkblad.factors[1].name;
  const snapshot = await wb.readSnapshot({ definitions: true });
  expect(factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW })).toEqual({
    ok: false,
    message: `${WS}!${D}2 bevat “let op”; die cel zou verdwijnen met de kolom van “${name}”. Verplaats wat daar staat en probeer het opnieuw.`,
  });
  // the factor left of it keeps its column; rewritten by value (no column deleted) nothing above row 3 goes either
  expect(factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 0, { shiftColumns: true, now: NOW }).ok).toBe(true);
  expect(factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW }).ok).toBe(true);
});

test('removing the only factor left is refused: scoring needs at least one', async () => {
  const wb = await templateWorkbook('Testwijk');
  let s = await state(wb);
  // remove all factors but the first, one at a time, as the pane would
  while (s.ctx.werkblad.factors.length > 1) {
    const r = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, s.ctx.werkblad.factors.length - 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    await wb.apply({ ops: r.ops });
    s = await state(wb);
  }
  for (const shiftColumns of [true, false]) {
    expect(factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 0, { shiftColumns, now: NOW })).toEqual({
      ok: false,
      message: 'Er moet minstens één succesfactor overblijven om te kunnen scoren.',
    });
  }
});

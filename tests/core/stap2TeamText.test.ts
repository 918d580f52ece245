/**
 * Regression: deselecting a koppelkans in Stap 2 cleared only A..last factor of its
 * werkblad row, so a remark the team typed right of Totalen stayed on the emptied row,
 * and the next koppelkans chosen went into that row, next to the remark about the other
 * one. The workbook is the team's: the team's text on a row is now part of what a
 * deselect would lose (named by sheet and cell, the pane asks), goes with the row after
 * the user agreed, and a row that still holds team text is never filled again.
 */
import { cellAddress, columnLetter } from '../../src/core/a1';
import { SHEET_NAMES } from '../../src/core/layout';
import { planWithEdit } from '../../src/core/plan';
import {
  deselectKoppelkansEdit,
  deselectOpgaveEdit,
  describeLoss,
  lossIsOne,
  readStap2,
  selectKoppelkansEdit,
  selectOpgaveEdit,
  teamCellsOf,
} from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const REMARK = 'Navragen bij de GGD wie dit betaalt';

/** The werkblad's Totalen column number and the address of a cell `offset` columns right of it on `row`. */
async function columns(wb: MemoryWorkbook) {
  const totalen = (await state(wb)).ctx.werkblad.layout.totalenColumn;
  return { totalen, right: (row: number, offset = 1) => cellAddress(row, totalen + offset) };
}

async function type(wb: MemoryWorkbook, cell: string, value: string | number) {
  await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell, cells: [[typeof value === 'number' ? { number: value } : { text: value }]] }] });
}

describe('the team’s text on a werkblad row (regression: a remark right of Totalen stayed behind and ended up next to another koppelkans)', () => {
  test('deselecting a koppelkans without scores names the remark right of Totalen as what would be lost, and clears it with the row', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Minder hitte'));
    const { right } = await columns(wb);
    await type(wb, right(6, 2), REMARK);
    const s = await state(wb);
    const res = deselectKoppelkansEdit(s.ctx, 6);
    expect(res.ok).toBe(true);
    expect(res.loss).toEqual({
      scores: 0,
      notes: 0,
      team: [{ sheet: WS, cell: right(6, 2), row: 6, column: s.ctx.werkblad.layout.totalenColumn + 2, text: REMARK }],
    });
    expect(describeLoss(res.loss!)).toBe(`jullie tekst in ${WS}!${right(6, 2)} (“Navragen bij de GGD wie dit betaalt”)`);
    expect(lossIsOne(res.loss!)).toBe(true);
    await mustEdit(wb, () => res);
    expect([wb.getCell(WS, 'A6'), wb.getCell(WS, 'B6'), wb.getCell(WS, right(6, 2))]).toEqual([null, null, null]);
    // the Totalen formula (the product's) stays
    expect(wb.getFormula(WS, right(6, 0))).toMatch(/^=/);
  });

  test('the next koppelkans chosen never lands next to a remark left on an empty row (as an earlier version left it): the row is skipped', async () => {
    const wb = await templateWorkbook();
    const { right } = await columns(wb);
    // row 6 is empty in A..Totalen but holds a remark about a koppelkans that was there
    await type(wb, right(6), REMARK);
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    expect([wb.getCell(WS, 'A6'), wb.getCell(WS, 'B6'), wb.getCell(WS, right(6))]).toEqual([null, null, REMARK]);
    expect([wb.getCell(WS, 'A7'), wb.getCell(WS, 'B7')]).toEqual(['Gezondheid', 'Meer groen']);
    // an opgave on its own goes past it too
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Onderwijs'));
    expect(wb.getCell(WS, 'A8')).toBe('Onderwijs');
    const s = await state(wb);
    expect(readStap2(s.snapshot, s.analysis)!.freeRow).toBe(9);
  });

  test('an opgave’s row without koppelkans that holds team text is not filled with a koppelkans: the koppelkans gets its own row', async () => {
    const wb = await templateWorkbook();
    const { right } = await columns(wb);
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Gezondheid'));
    await type(wb, right(6), 'Over de opgave als geheel');
    const res = await (async () => {
      const s = await state(wb);
      return selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen');
    })();
    expect(res.ok && res.row).toBe(7);
    await mustEdit(wb, () => res);
    expect([wb.getCell(WS, 'B6'), wb.getCell(WS, right(6))]).toEqual([null, 'Over de opgave als geheel']);
    expect([wb.getCell(WS, 'A7'), wb.getCell(WS, 'B7')]).toEqual(['Gezondheid', 'Meer groen']);
  });

  test('text typed over the Totalen formula counts as the team’s; a formula the team filled down right of Totalen does not, and stays', async () => {
    const wb = await templateWorkbook();
    const { totalen, right } = await columns(wb);
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Minder hitte'));
    await type(wb, right(6, 0), 'zie notulen');
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: right(6, 1), cells: [[{ formula: `=${columnLetter(totalen)}6*2`, result: 0 }]] }] });
    await type(wb, right(6, 3), 42);
    const s = await state(wb);
    expect(teamCellsOf(s.ctx, 6).map((t) => [t.cell, t.text])).toEqual([
      [right(6, 0), 'zie notulen'],
      [right(6, 3), '42'],
    ]);
    const res = deselectKoppelkansEdit(s.ctx, 6);
    expect(describeLoss(res.loss!)).toBe(`jullie tekst in ${WS}!${right(6, 0)} (“zie notulen”) en ${WS}!${right(6, 3)} (“42”)`);
    expect(lossIsOne(res.loss!)).toBe(false);
    await mustEdit(wb, () => res);
    expect(wb.getCell(WS, right(6, 3))).toBeNull();
    expect(wb.getFormula(WS, right(6, 1))).toBe(`=${columnLetter(totalen)}6*2`);
    // the emptied Totalen cell gets the product's formula back
    expect(wb.getFormula(WS, right(6, 0))).toMatch(/^=/);
  });

  test('deselecting an opgave names the team text of every row of it, and clears it', async () => {
    const wb = await templateWorkbook();
    const { right } = await columns(wb);
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Een'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Twee'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Drie'));
    await type(wb, right(6), 'eerste');
    await type(wb, right(7), 'bij gezondheid');
    await type(wb, right(8), 'derde');
    const s = await state(wb);
    const res = deselectOpgaveEdit(s.ctx, 'Onderwijs');
    expect(res.loss!.team!.map((t) => t.cell)).toEqual([right(6), right(8)]);
    await mustEdit(wb, () => res);
    expect([wb.getCell(WS, right(6)), wb.getCell(WS, right(7)), wb.getCell(WS, right(8))]).toEqual([null, 'bij gezondheid', null]);
  });

  test('many cells: three are named, with long text cut, the rest counted', () => {
    const cell = (c: string, text: string) => ({ sheet: WS, cell: c, row: 6, column: 1, text });
    const long = 'x'.repeat(60);
    const loss = { scores: 2, notes: 1, team: [cell('H6', long), cell('I6', 'b\n c'), cell('J6', 'c'), cell('K6', 'd'), cell('L6', 'e')] };
    expect(describeLoss(loss)).toBe(
      `2 scores, 1 notitie en jullie tekst in ${WS}!H6 (“${'x'.repeat(39)}…”), ${WS}!I6 (“b c”) en ${WS}!J6 (“c”) en in nog 2 cellen`,
    );
    expect(describeLoss({ ...loss, team: loss.team.slice(0, 4) })).toMatch(/en in nog 1 cel$/);
  });

  test('a colleague changes the remark between the read and the write: it is not cleared, and the emptied row is still never filled', async () => {
    const wb = await templateWorkbook();
    const { right } = await columns(wb);
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Minder hitte'));
    await type(wb, right(6), REMARK);
    const s = await state(wb);
    const res = deselectKoppelkansEdit(s.ctx, 6);
    if (!res.ok) throw new Error(res.message);
    await type(wb, right(6), 'Door een collega aangevuld');
    const result = await wb.apply(planWithEdit(s.snapshot, res.ops, { now: NOW }).plan);
    expect(result.conflicts.map((c) => c.cell)).toEqual([right(6)]);
    expect(wb.getCell(WS, right(6))).toBe('Door een collega aangevuld');
    await mustEdit(wb, (x) => selectKoppelkansEdit(x.ctx, 'Gezondheid', 'Schoon water'));
    expect(wb.getCell(WS, 'B6')).toBeNull();
  });
});

test('regression: deselecting a koppelkans counted "n.v.t." and a formula in its score cells as scores and named neither', async () => {
  const wb = await templateWorkbook();
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  const s0 = await state(wb);
  const [c1, c2, c3, c4] = s0.ctx.werkblad.factors.map((f) => f.column);
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: WS, cell: cellAddress(6, c1), cells: [[{ number: 4 }, { text: 'n.v.t.' }, { formula: '=1+1', result: 2 }, { number: 11 }]] },
    ],
  });
  const s = await state(wb);
  const res = deselectKoppelkansEdit(s.ctx, 6);
  if (!res.ok) throw new Error(res.message);
  // one score (4); the text, the formula and 11 (off the scale) are the team's own content, named by cell
  expect(res.loss!.scores).toBe(1);
  expect(res.loss!.team!.map((t) => [t.cell, t.text])).toEqual([
    [cellAddress(6, c2), 'n.v.t.'],
    [cellAddress(6, c3), '=1+1'],
    [cellAddress(6, c4), '11'],
  ]);
  expect(describeLoss(res.loss!)).toBe(
    `1 score en jullie tekst in ${WS}!${cellAddress(6, c2)} (“n.v.t.”), ${WS}!${cellAddress(6, c3)} (“=1+1”) en ${WS}!${cellAddress(6, c4)} (“11”)`,
  );
  expect(columnLetter(c1)).toBe('C');
});

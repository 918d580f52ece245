/**
 * Selecting and deselecting on the werkblad (src/core/stap2.ts), the rules a StrykerJS run of
 * its lines 317-436 found unpinned (2026-12-02): names are written trimmed and an empty one is
 * refused, a selected opgave is not selected twice, a koppelkans never lands on a row that holds
 * scores, deselecting clears up to the last factor, and the notes it says go are only those whose
 * koppelkans leaves the werkblad altogether.
 */
import { columnLetter } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { addNote, readNotes } from '../../src/core/notes';
import { SHEET_NAMES } from '../../src/core/layout';
import { deselectKoppelkansEdit, deselectOpgaveEdit, selectKoppelkansEdit, selectOpgaveEdit, stap2Context } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;

async function withNote(wb: MemoryWorkbook, koppelkans: string): Promise<void> {
  const note = addNote({ author: 'An', step: 'Stap 3', koppelkans, factor: '', kind: 'discussie', text: 'Goed idee', verantwoordelijke: '', date: '' }, NOW);
  if (!note.ok) throw new Error(note.message);
  await wb.apply({ ops: note.ops });
}

test('Stap 2 without a werkblad: the pane is told to make the layout first', () => {
  const empty = { sheets: [] };
  const ctx = stap2Context(empty, analyze(empty, { now: NOW }), readNotes(empty));
  expect(ctx).toEqual({ message: 'Er is nog geen werkblad met succesfactoren. Maak eerst de indeling aan (Start).' });
});

test('an opgave is written trimmed, an empty one is refused, and one already selected (any case) is not selected twice', async () => {
  const wb = await templateWorkbook();
  expect(selectOpgaveEdit((await state(wb)).ctx, '   ')).toEqual({ ok: false, message: 'Kies een opgave.' });
  await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, '  Gezondheid '));
  expect(wb.getCell(WS, 'A6')).toBe('Gezondheid');
  expect(selectOpgaveEdit((await state(wb)).ctx, 'gezondheid')).toEqual({ ok: true, ops: [] });
});

test('a koppelkans is written trimmed under its trimmed opgave; without either it is refused', async () => {
  const wb = await templateWorkbook();
  const { ctx } = await state(wb);
  const refusal = { ok: false, message: 'Een koppelkans hoort bij een opgave: kies beide.' };
  expect(selectKoppelkansEdit(ctx, ' ', 'Meer groen')).toEqual(refusal);
  expect(selectKoppelkansEdit(ctx, 'Gezondheid', '  ')).toEqual(refusal);
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, ' Gezondheid ', '  Meer groen '));
  expect([wb.getCell(WS, 'A6'), wb.getCell(WS, 'B6')]).toEqual(['Gezondheid', 'Meer groen']);
});

test('a koppelkans never lands on its opgave row when that row holds a score (or a score that is no number): it takes the first free row', async () => {
  for (const score of [{ number: 3 }, { text: 'veel' }]) {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Gezondheid'));
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'C6', cells: [[score]] }] });
    const res = selectKoppelkansEdit((await state(wb)).ctx, 'Gezondheid', 'Meer groen');
    expect(res.ok && res.row).toBe(7);
  }
});

test('deselecting clears the scores up to the last factor column', async () => {
  const wb = await templateWorkbook();
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  const last = columnLetter((await state(wb)).ctx.werkblad.layout.lastFactorColumn);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${last}6`, cells: [[{ number: 4 }]] }] });
  const res = deselectKoppelkansEdit((await state(wb)).ctx, 6);
  expect(res.ok && res.loss?.scores).toBe(1);
  await mustEdit(wb, () => res);
  expect(wb.getCell(WS, `${last}6`)).toBeNull();
});

test('deselecting loses the notes about a koppelkans only when no other werkblad row keeps it; notes about others never count', async () => {
  const wb = await templateWorkbook();
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Klimaatadaptatie', 'meer groen '));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Klimaatadaptatie', 'Schaduw'));
  await withNote(wb, 'Meer groen');
  await withNote(wb, 'Schaduw');
  const s = await state(wb);
  // row 7 keeps "meer groen" on the werkblad: its note stays with a koppelkans
  expect(deselectKoppelkansEdit(s.ctx, 6)).toMatchObject({ ok: true, loss: { scores: 0, notes: 0 } });
  // the opgave Klimaatadaptatie takes "meer groen" (row 6 keeps it) and "Schaduw" (its note goes)
  expect(deselectOpgaveEdit(s.ctx, 'Klimaatadaptatie')).toMatchObject({ ok: true, loss: { scores: 0, notes: 1 } });
});

test('deselecting an opgave whose row has no koppelkans loses no note (a note without koppelkans is about none)', async () => {
  const wb = await templateWorkbook();
  await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Gezondheid'));
  await withNote(wb, '');
  expect(deselectOpgaveEdit((await state(wb)).ctx, 'Gezondheid')).toMatchObject({ ok: true, loss: { scores: 0, notes: 0 } });
});

test('deselecting a row without a koppelkans, or not on the werkblad, changes nothing and loses nothing', async () => {
  const wb = await templateWorkbook();
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Klimaatadaptatie'));
  const { ctx } = await state(wb);
  const nothing = { ok: true, ops: [], loss: { scores: 0, notes: 0, team: [] } };
  expect(deselectKoppelkansEdit(ctx, 7)).toEqual(nothing);
  // row 400 is not on the werkblad: never another row (row 6 keeps its koppelkans)
  expect(deselectKoppelkansEdit(ctx, 400)).toEqual(nothing);
});

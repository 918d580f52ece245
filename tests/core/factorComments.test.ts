/**
 * Issue 11, gap 2: cell comments (notes) in a factor column. A comment belongs to its cell:
 * removing the factor deletes its column and the comments in it; moving it (Eerder/Later)
 * rewrites the factor block by value, so a comment stays on its cell and afterwards sits
 * beside another factor's score. Neither question said so. Now the engine names them
 * (`commentsAffected`), the pane's questions list them ("Opmerking in W!D7 verdwijnt: …"),
 * and a comment added after the question makes the action refuse; where the adapter could
 * not read them the question says so.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { planWithEdit } from '../../src/core/plan';
import { commentKey, factorMoveImpact, factorRemovalImpact } from '../../src/core/referenceBreaks';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { moveQuestion, removalQuestion, removeFactor } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);
const F = columnLetter(WERKBLAD.firstFactorColumn + 3);

async function workbook(): Promise<MemoryWorkbook> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
  await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 4 }, { number: 7 }, { number: 1 }]] }] });
  wb.addComment(WS, `${D}6`, 'Navragen bij de GGD');
  wb.addComment(WS, `${F}6`, 'Klopt dit?');
  return wb;
}

describe('comments in a factor column', () => {
  test('regression: removing a factor deleted the comment in its column unannounced; it is named, one right of it moves along', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.comments).toEqual([{ sheet: WS, cell: `${D}6`, text: 'Navragen bij de GGD', effect: 'removed' }]);
    expect(r.unread).toEqual([]);
    expect(r.seen).toContain(commentKey({ sheet: WS, cell: `${D}6` }));
    const q = removalQuestion('Tempo', r)!;
    expect(q.text).toContain('Er staat een opmerking in de kolom; die verdwijnt met de kolom.');
    expect(q.list).toContain(`Opmerking in ${WS}!${D}6 verdwijnt: Navragen bij de GGD`);
    // the memory workbook does what the question said: the comment goes, the one right of it moves left
    await wb.apply(planWithEdit(snapshot, r.ops, { now: NOW }).plan);
    expect(wb.getComments(WS)).toEqual([{ cell: `${E}6`, text: 'Klopt dit?' }]);
  });

  test('rewritten by value (a move, or a removal without column shifts) a comment stays on its cell, next to another factor’s score', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // the 2nd factor (D) one place later: D6 gets the 3rd factor's (empty) cell; F6 does not change
    const m = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!m.ok) throw new Error(m.message);
    expect(m.comments).toEqual([{ sheet: WS, cell: `${D}6`, text: 'Navragen bij de GGD', effect: 'stays' }]);
    const q = moveQuestion('Tempo', 1, m)!;
    expect(q.text).toContain('Een opmerking hoort bij haar cel en gaat niet mee met de scores');
    expect(q.list).toEqual([`Opmerking in ${WS}!${D}6 blijft bij de cel en staat daarna bij een andere succesfactor: Navragen bij de GGD`]);
    // a move that changes neither D6 nor F6 concerns no comment, and asks nothing
    const far = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 5, 1, { now: NOW });
    expect(far.ok && [far.comments, moveQuestion('X', 1, far)]).toEqual([[], null]);
    const rewrite = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW });
    expect(rewrite.ok && rewrite.comments.map((c) => [c.cell, c.effect])).toEqual([
      [`${D}6`, 'stays'],
      [`${F}6`, 'stays'],
    ]);
  });

  test('a comment added after the question makes the removal refuse, naming it; without comments read the question says so', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    wb.addComment(WS, `${D}8`, 'Later toegevoegd');
    const fresh = await wb.readSnapshot({ definitions: true });
    const f = await state(wb);
    const name = f.ctx.werkblad.factors[1].name;
    const res = removeFactor(name, r.scores, r.seen, r.other)({ snapshot: fresh, analysis: f.analysis, notes: f.notes, canShiftColumns: true });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toContain(`de opmerking in ${WS}!${D}8`);
    // the pane's last read without definitions: the comments could not be checked, and the question says so
    const plain = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.unread).toContain('comments');
    expect(removalQuestion('Tempo', plain)!.text).toContain('opmerkingen in cellen en notities in cellen kan de add-in hier niet nalezen');
  });
});

describe('what the team was asked about already (from the mutation check of 2026-12-02, session 27)', () => {
  test('a removal applied with the comments the team was asked about names none of them again; one added since it does name', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    for (const shiftColumns of [true, false]) {
      const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns, now: NOW });
      if (!r.ok) throw new Error(r.message);
      expect(r.comments.length).toBeGreaterThan(0);
      const again = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns, now: NOW, accepted: new Set(r.seen) });
      expect(again.ok && again.comments).toEqual([]);
    }
    // a comment added in the deleted column since the question is new
    const asked = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!asked.ok) throw new Error(asked.message);
    wb.addComment(WS, `${D}9`, 'Later toegevoegd');
    const fresh = await wb.readSnapshot({ definitions: true });
    const later = factorRemovalImpact(fresh, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW, accepted: new Set(asked.seen) });
    expect(later.ok && later.comments).toEqual([{ sheet: WS, cell: `${D}9`, text: 'Later toegevoegd', effect: 'removed' }]);
  });

  test('a removal without column shifts says when the team’s names were not read', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const read = await wb.readSnapshot({ definitions: true });
    const r = factorRemovalImpact({ ...read, definitions: { ...read.definitions!, unread: ['names'] } }, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW });
    expect(r.ok && r.unread).toEqual(['names']);
    const all = factorRemovalImpact(read, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW });
    expect(all.ok && all.unread).toEqual([]);
  });
});

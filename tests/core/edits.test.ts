/**
 * The pane's edits: prioriteringEdit (only changed cells, co-author safe), the checklist
 * edits, whatIf, and the conflict rule with two people on one workbook at once.
 */
import { analyze } from '../../src/core/analyze';
import { checklistDateEdit, checklistStatusEdit, prioriteringEdit, weightsEdit, whatIf } from '../../src/core/edits';
import { CHECKLIST, PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { addNote, editNote, readNotes } from '../../src/core/notes';
import { autoRankByName, findPrioSheet } from '../../src/core/prioritering';
import type { PlanOp } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { prioriteringWorkbook } from '../helpers/prioriteringFixture';

const NOW = new Date('2026-11-28T10:00:00Z');
const NAMES = ['Een', 'Twee', 'Drie', 'Vier'];

/** A prepared workbook with four scored koppelkansen (Een best … Vier last) and the automatic order taken over. */
async function workbook(): Promise<MemoryWorkbook> {
  return prioriteringWorkbook(NAMES, NOW);
}

async function state(wb: MemoryWorkbook) {
  const snapshot = await wb.readSnapshot();
  const a = analyze(snapshot, { now: NOW });
  return { snapshot, a, prio: a.prioritering!, base: findPrioSheet(snapshot), ranks: autoRankByName(a.ranking) };
}

const drafts = (names: string[], omdat: Record<string, string> = {}) => names.map((k) => ({ koppelkans: k, omdat: omdat[k] ?? '', verantwoordelijke: '' }));
const cellsOf = (ops: PlanOp[]) => ops.flatMap((o) => (o.kind === 'setCells' ? [o.cell] : []));

describe('prioriteringEdit', () => {
  test('nothing changed: no ops', async () => {
    const { prio, base, ranks } = await state(await workbook());
    // the first write records the engine's check beside the entries; after that nothing
    const first = prioriteringEdit(prio.layout, base, drafts(NAMES), ranks);
    if (!first.ok) throw new Error(first.message);
    expect(first.ops.every((o) => o.kind === 'setCells' && o.expect === undefined)).toBe(true);
  });

  test('writes only the cells that changed, each guarded with what the pane read', async () => {
    const wb = await workbook();
    let s = await state(wb);
    const once = prioriteringEdit(s.prio.layout, s.base, drafts(NAMES), s.ranks);
    if (!once.ok) throw new Error(once.message);
    await wb.apply({ ops: once.ops });
    s = await state(wb);
    const edit = prioriteringEdit(s.prio.layout, s.base, drafts(NAMES, { Twee: 'Omdat het kan' }), s.ranks);
    if (!edit.ok) throw new Error(edit.message);
    // by key (the entry stays on its row): it goes to Twee's row wherever that is at apply time
    expect(edit.ops).toEqual([
      {
        kind: 'updateRowByKey',
        sheet: SHEET_NAMES.prioritering,
        minRow: PRIORITERING.firstRow,
        keyColumn: 'B',
        key: 'Twee',
        firstColumn: 'C',
        cells: [{ text: 'Omdat het kan' }],
        expect: [null],
      },
    ]);
  });

  test('a reason typed while a colleague deletes a row above: it lands on its own koppelkans, not on the row that moved up (regression)', async () => {
    const wb = await workbook();
    let s = await state(wb);
    const once = prioriteringEdit(s.prio.layout, s.base, drafts(NAMES), s.ranks);
    if (!once.ok) throw new Error(once.message);
    await wb.apply({ ops: once.ops });
    s = await state(wb); // the pane's read
    const r = PRIORITERING.firstRow;
    // a colleague deletes Een's row in Excel: Twee moves up to the first row
    await wb.apply({
      ops: [
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.prioritering,
          cell: `A${r}`,
          cells: [...NAMES.slice(1).map((k, i) => [{ number: i + 1 }, { text: k }]), [{ clear: true }, { clear: true }]],
        },
      ],
    });
    const edit = prioriteringEdit(s.prio.layout, s.base, drafts(NAMES, { Drie: 'Omdat het kan', Twee: 'Daarom' }), s.ranks);
    if (!edit.ok) throw new Error(edit.message);
    const result = await wb.apply({ ops: edit.ops });
    expect(result.conflicts).toEqual([]);
    const after = await state(wb);
    const byName = new Map(after.prio.entries.map((e) => [e.koppelkans, e.omdat]));
    expect(byName.get('Twee')).toBe('Daarom');
    expect(byName.get('Drie')).toBe('Omdat het kan');
  });

  test('a reason typed for an entry whose row a colleague removed: reported missing, written nowhere (regression)', async () => {
    const wb = await workbook();
    let s = await state(wb);
    const once = prioriteringEdit(s.prio.layout, s.base, drafts(NAMES), s.ranks);
    if (!once.ok) throw new Error(once.message);
    await wb.apply({ ops: once.ops });
    s = await state(wb);
    const r = PRIORITERING.firstRow;
    await wb.apply({
      ops: [{ kind: 'deleteRowByKey', sheet: SHEET_NAMES.prioritering, minRow: r, keyColumn: 'B', key: 'Twee', firstColumn: 'A', lastColumn: 'D' }],
    });
    const edit = prioriteringEdit(s.prio.layout, s.base, drafts(NAMES, { Twee: 'Omdat het kan' }), s.ranks);
    if (!edit.ok) throw new Error(edit.message);
    const result = await wb.apply({ ops: edit.ops });
    expect(result.missingKeys).toHaveLength(1);
    const after = await state(wb);
    expect(after.prio.entries.some((e) => e.omdat === 'Omdat het kan')).toBe(false);
  });

  test('moving entry 3 to place 1 rewrites rows 1–3 only and records one deviation', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const edit = prioriteringEdit(s.prio.layout, s.base, drafts(['Drie', 'Een', 'Twee', 'Vier']), s.ranks);
    if (!edit.ok) throw new Error(edit.message);
    const r = PRIORITERING.firstRow;
    expect(cellsOf(edit.ops).filter((c) => /^B/.test(c))).toEqual([`B${r}`, `B${r + 1}`, `B${r + 2}`]);
    await wb.apply({ ops: edit.ops });
    const after = await state(wb);
    expect(after.prio.entries.map((e) => [e.koppelkans, e.deviates])).toEqual([
      ['Drie', true],
      ['Een', false],
      ['Twee', false],
      ['Vier', false],
    ]);
    expect(after.base!.values[r - 1].slice(6, 8)).toEqual(['1|drie', 1]);
  });

  test('an entry taken out clears its row in the team columns only; bad drafts are refused', async () => {
    const wb = await workbook();
    wb.setCell(SHEET_NAMES.prioritering, `J${PRIORITERING.firstRow + 3}`, 'eigen notitie');
    const s = await state(wb);
    const edit = prioriteringEdit(s.prio.layout, s.base, drafts(['Een', 'Twee', 'Drie']), s.ranks);
    if (!edit.ok) throw new Error(edit.message);
    await wb.apply({ ops: edit.ops });
    expect(wb.getCell(SHEET_NAMES.prioritering, `B${PRIORITERING.firstRow + 3}`)).toBeNull();
    expect(wb.getCell(SHEET_NAMES.prioritering, `J${PRIORITERING.firstRow + 3}`)).toBe('eigen notitie');
    expect(prioriteringEdit(s.prio.layout, s.base, drafts(['  ']), s.ranks)).toMatchObject({ ok: false });
  });
});

describe('two people on one workbook at once (co-authoring): Prioritering and notes', () => {
  test('nothing is lost and the conflict is reported', async () => {
    const wb = await workbook();
    const anna = await state(wb); // both read the same workbook
    const bert = await state(wb);
    const note = addNote(
      { author: 'Bert', step: 'Stap 4', koppelkans: 'Twee', factor: '', kind: 'discussie', text: 'eerste versie', verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!note.ok) throw new Error(note.message);
    await wb.apply({ ops: note.ops });
    const notesRead = readNotes(await wb.readSnapshot()).notes[0];

    // Bert types a reason for Twee and a verantwoordelijke for Een in Excel
    const bertEdit = prioriteringEdit(bert.prio.layout, bert.base, drafts(NAMES, { Twee: 'van Bert' }), bert.ranks);
    if (!bertEdit.ok) throw new Error(bertEdit.message);
    expect((await wb.apply({ ops: bertEdit.ops })).conflicts).toEqual([]);
    // Anna, from her older read, writes a reason for Twee too and one for Drie
    const annaEdit = prioriteringEdit(anna.prio.layout, anna.base, drafts(NAMES, { Twee: 'van Anna', Drie: 'ook van Anna' }), anna.ranks);
    if (!annaEdit.ok) throw new Error(annaEdit.message);
    const result = await wb.apply({ ops: annaEdit.ops });
    const r = PRIORITERING.firstRow;
    expect(result.conflicts).toEqual([{ sheet: SHEET_NAMES.prioritering, cell: `C${r + 1}`, key: 'Twee', expected: null, actual: 'van Bert' }]);
    expect(wb.getCell(SHEET_NAMES.prioritering, `C${r + 1}`)).toBe('van Bert');
    expect(wb.getCell(SHEET_NAMES.prioritering, `C${r + 2}`)).toBe('ook van Anna');

    // meanwhile both edit the same note: the second edit is refused, the first stays
    const e1 = editNote(notesRead, { text: 'Bert past aan' });
    const e2 = editNote(notesRead, { text: 'Anna past aan' });
    if (!e1.ok || !e2.ok) throw new Error('edit refused');
    expect((await wb.apply({ ops: e1.ops })).conflicts).toEqual([]);
    expect((await wb.apply({ ops: e2.ops })).conflicts).toHaveLength(1);
    expect(readNotes(await wb.readSnapshot()).notes.map((n) => n.text)).toEqual(['Bert past aan']);
  });
});

describe('checklist edits', () => {
  async function checklist(wb: MemoryWorkbook) {
    return analyze(await wb.readSnapshot(), { now: NOW }).checklist!;
  }

  test('checklistDateEdit writes an Excel serial date, clears on "", refuses a date that does not exist', async () => {
    const wb = await workbook();
    const st = await checklist(wb);
    const cell = `${String.fromCharCode(64 + CHECKLIST.valueColumn)}${CHECKLIST.dateRow}`;
    const set = checklistDateEdit(st, '2036-06-30');
    expect(set).toMatchObject({ ok: true, ops: [{ kind: 'setCells', cell, cells: [[{ number: 49856 }]] }] });
    expect(checklistDateEdit(st, '')).toMatchObject({ ok: true, ops: [{ cells: [[{ clear: true }]] }] });
    expect(checklistDateEdit(st, '30-06-2036')).toMatchObject({ ok: false });
    expect(checklistDateEdit(st, '2036-02-30')).toMatchObject({ ok: false, message: expect.stringContaining('bestaat niet') });
    if (!set.ok) throw new Error();
    await wb.apply({ ops: set.ops });
    expect((await checklist(wb)).overstapYear).toBe(2036);
  });

  test('a date a colleague typed meanwhile is not overwritten: the write is refused as a conflict', async () => {
    const wb = await workbook();
    const st = await checklist(wb);
    const cell = `${String.fromCharCode(64 + CHECKLIST.valueColumn)}${CHECKLIST.dateRow}`;
    wb.setCell(SHEET_NAMES.checklist, cell, 49000); // a colleague, in Excel
    for (const iso of ['2036-06-30', '']) {
      const edit = checklistDateEdit(st, iso);
      if (!edit.ok) throw new Error(edit.message);
      expect((await wb.apply({ ops: edit.ops })).conflicts.map((c) => [c.cell, c.actual])).toEqual([[cell, 49000]]);
      expect(wb.getCell(SHEET_NAMES.checklist, cell)).toBe(49000);
    }
  });
  test('a status a colleague changed meanwhile is not overwritten', async () => {
    const wb = await workbook();
    const st = await checklist(wb);
    const item = st.items[0];
    wb.setCell(SHEET_NAMES.checklist, `C${item.row}`, 'Klaar'); // a colleague, in Excel
    const status = checklistStatusEdit(st, item.row, 'Bezig');
    if (!status.ok) throw new Error();
    expect((await wb.apply({ ops: status.ops })).conflicts.map((c) => c.actual)).toEqual(['Klaar']);
    expect(wb.getCell(SHEET_NAMES.checklist, `C${item.row}`)).toBe('Klaar');
    expect(checklistStatusEdit(st, 9999, 'Klaar')).toMatchObject({ ok: false });
  });
});

describe('whatIf', () => {
  test('says what enters, leaves and moves in the top with other weights; nothing is written', async () => {
    const wb = new MemoryWorkbook();
    await wb.apply(newWorkbookPlan({ wijk: 'Test', now: NOW, factors: ['F1', 'F2'] }).plan);
    // A is strong on F1, B on F2, C middling
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'C4', cells: [[{ number: 1 }, { number: 1 }]] },
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.werkblad,
          cell: 'A6',
          cells: [
            [{ text: 'O' }, { text: 'A' }, { number: 10 }, { number: 0 }],
            [{ text: 'O' }, { text: 'B' }, { number: 0 }, { number: 9 }],
            [{ text: 'O' }, { text: 'C' }, { number: 4 }, { number: 4 }],
          ],
        },
      ],
    });
    const before = await wb.readSnapshot();
    const a = analyze(before, { now: NOW });
    expect(a.ranking.map((e) => e.koppelkans)).toEqual(['A', 'B', 'C']);
    const w = whatIf(a.werkblad!, a.ranking, [0, 1], 2);
    expect(w.ranking.map((e) => [e.koppelkans, e.rank])).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', 3],
    ]);
    expect(w.top.map((e) => e.koppelkans)).toEqual(['B', 'C']);
    expect(w.entering.map((e) => e.koppelkans)).toEqual(['C']);
    expect(w.leaving.map((e) => e.koppelkans)).toEqual(['A']);
    expect(w.moved).toEqual([{ row: 7, koppelkans: 'B', from: 2, to: 1 }]);
    // a weight of null (not a number) leaves rows that use it without a total
    expect(whatIf(a.werkblad!, a.ranking, [null, 1]).ranking).toEqual([]);
    expect(await wb.readSnapshot()).toEqual(before);
  });
});

describe('weightsEdit', () => {
  test("applying what-if weights writes only the moved weights, guarded: a colleague's weight meanwhile is a conflict, not overwritten (regression: every weight rewritten unguarded)", async () => {
    const wb = await workbook();
    const s = await state(wb);
    const werkblad = s.a.werkblad!;
    const read = werkblad.factors.map(() => 1);
    const edit = weightsEdit(werkblad, [1, 2], read);
    expect(edit.ok && edit.ops).toEqual([{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'D4', cells: [[{ number: 2 }]], expect: [[1]] }]);
    // a colleague sets D4 to 3 before the write lands
    await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'D4', cells: [[{ number: 3 }]] }] });
    const res = await wb.apply({ ops: edit.ok ? edit.ops : [] });
    expect(res.conflicts.map((c) => [c.cell, c.actual])).toEqual([['D4', 3]]);
    expect(wb.getCell(SHEET_NAMES.werkblad, 'D4')).toBe(3);
    expect(wb.getCell(SHEET_NAMES.werkblad, 'C4')).toBe(1);
  });
});

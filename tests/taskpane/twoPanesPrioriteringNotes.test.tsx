/**
 * The conflict rule at pane level (issue 7, "Done means"): two colleagues, each with their
 * own task pane (two `useWorkbookSession`s over ONE memory workbook, as two people in Excel
 * on the web), edit Prioritering's reasons and the same notes at the same time. Nothing
 * either of them typed is lost; where both changed the same cell, nothing is overwritten
 * and the conflict is reported with both versions until the user chooses.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES } from '../../src/core/layout';
import { addNote, readNotes } from '../../src/core/notes';
import { NotesList } from '../../src/taskpane/notes/NotesList';
import { PrioriteringView } from '../../src/taskpane/views/PrioriteringView';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, leave, renderPanes, settle, texts, typeIn, type RenderedPane } from '../helpers/paneHarness';
import { prioriteringWorkbook } from '../helpers/prioriteringFixture';

const NOW = new Date('2026-11-28T10:00:00Z');
const NAMES = ['Een', 'Twee', 'Drie', 'Vier'];
const NOTE = 'Eerst een bewonersavond';

async function setup() {
  const note = addNote({ author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', text: NOTE, verantwoordelijke: '', date: '' }, NOW);
  if (!note.ok) throw new Error(note.message);
  const wb = await prioriteringWorkbook(NAMES, NOW, note.ops);
  const panes = await renderPanes(
    wb,
    2,
    (s) => (
      <>
        <PrioriteringView session={s} />
        <NotesList session={s} />
      </>
    ),
    () => NOW,
  );
  return { wb, panes, noteId: note.note.id };
}

const entryField = (p: RenderedPane, k: string, control: 'omdat' | 'verantwoordelijke'): ReactTestInstance =>
  p
    .root()
    .findAll((n) => n.type === 'li' && n.props['data-testid'] === 'prio-item' && texts(n).includes(k))[0]
    .findAll((n) => (n.type === 'textarea' || n.type === 'input') && n.props['data-control'] === control)[0];
const noteEditor = (p: RenderedPane): ReactTestInstance =>
  p.root().findAll((n) => n.type === 'textarea' && n.props['data-control'] === undefined && n.props.value !== undefined)[0];
const prio = async (wb: MemoryWorkbook) =>
  Object.fromEntries(analyze(await wb.readSnapshot({ fresh: true }), { now: NOW }).prioritering!.entries.map((e) => [e.koppelkans, e]));
const noteText = async (wb: MemoryWorkbook, id: string) => readNotes(await wb.readSnapshot({ fresh: true })).notes.find((n) => n.id === id)?.text;

describe('Two panes edit Prioritering and notes at the same time', () => {
  it('reasons in different entries both land; the same reason typed in both is reported with both versions and nothing is overwritten', async () => {
    const { wb, panes } = await setup();
    const [anna, bram] = panes;
    // at the same time, neither pane has heard of the other's typing
    await typeIn(entryField(anna, 'Een', 'omdat'), 'Anna: past bij de wijkvisie');
    await typeIn(entryField(bram, 'Twee', 'verantwoordelijke'), 'Bram');
    await typeIn(entryField(anna, 'Drie', 'omdat'), 'Anna: subsidie loopt af');
    await typeIn(entryField(bram, 'Drie', 'omdat'), 'Bram: de corporatie wil in 2027 beginnen');
    await leave(entryField(anna, 'Drie', 'omdat'));
    await settle();
    await leave(entryField(bram, 'Drie', 'omdat'));
    await settle();

    const after = await prio(wb);
    expect(after.Een.omdat).toBe('Anna: past bij de wijkvisie');
    expect(after.Twee.verantwoordelijke).toBe('Bram');
    // the first writer's reason stands; the second is not written over it …
    expect(after.Drie.omdat).toBe('Anna: subsidie loopt af');
    // … but reported to Bram with both versions, waiting for his choice
    const conflict = bram.session().conflict!;
    expect(conflict).not.toBeNull();
    const cell = conflict.conflicts[0];
    expect(cell.sheet).toBe(SHEET_NAMES.prioritering);
    expect(cell.actual).toBe('Anna: subsidie loopt af');
    expect(conflict.mine[`${cell.sheet}!${cell.cell}`]).toBe('Bram: de corporatie wil in 2027 beginnen');
    expect(anna.session().conflict).toBeNull();

    // Bram keeps his: it is written now, and nothing else of Anna's is touched
    await act(async () => bram.session().resolveConflict('mine'));
    await settle();
    await anna.hear();
    const final = await prio(wb);
    expect(final.Drie.omdat).toBe('Bram: de corporatie wil in 2027 beginnen');
    expect(final.Een.omdat).toBe('Anna: past bij de wijkvisie');
    expect(final.Twee.verantwoordelijke).toBe('Bram');
    expect(entryField(anna, 'Drie', 'omdat').props.value).toBe('Bram: de corporatie wil in 2027 beginnen');
    panes.forEach((p) => p.unmount());
  });

  it('both edit the same note: the second save is reported with both versions and the typed text stays; a reason typed meanwhile still lands', async () => {
    const { wb, panes, noteId } = await setup();
    const [anna, bram] = panes;
    for (const p of panes) await act(async () => button(p.root(), 'Bewerken')!.props.onClick());
    await typeIn(noteEditor(anna), `${NOTE}, in het buurthuis`);
    await typeIn(noteEditor(bram), `${NOTE}, in de school`);
    await act(async () => button(anna.root(), 'Opslaan')!.props.onClick());
    await settle();
    await act(async () => button(bram.root(), 'Opslaan')!.props.onClick());
    await settle();

    expect(await noteText(wb, noteId)).toBe(`${NOTE}, in het buurthuis`);
    const conflict = bram.session().conflict!;
    expect(conflict.conflicts.map((c) => c.actual)).toContain(`${NOTE}, in het buurthuis`);
    expect(Object.values(conflict.mine)).toContain(`${NOTE}, in de school`);
    expect(noteEditor(bram).props.value).toBe(`${NOTE}, in de school`);

    // meanwhile a reason typed in Prioritering by Anna still lands (a different cell)
    await typeIn(entryField(anna, 'Vier', 'omdat'), 'Anna: draagvlak');
    await leave(entryField(anna, 'Vier', 'omdat'));
    await settle();
    expect((await prio(wb)).Vier.omdat).toBe('Anna: draagvlak');

    await act(async () => bram.session().resolveConflict('theirs'));
    await settle();
    expect(await noteText(wb, noteId)).toBe(`${NOTE}, in het buurthuis`);
    panes.forEach((p) => p.unmount());
  });
});

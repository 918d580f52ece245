/**
 * Regression: in the notulist's panel, text typed but not yet saved with the field's own
 * button (a step's conclusion, a note being edited, a new note, the Deelnemers list) was
 * lost on a reload or a closed pane. Each test types into the real pane (react-test-renderer
 * over `useWorkbookSession` and one memory workbook), unmounts it and renders it again with
 * the same per-computer storage (a reload), and checks that the text is back, marked as not
 * yet saved, and that saving or discarding removes the kept draft.
 */
import type { ReactNode } from 'react';
import { act, type ReactTestInstance } from 'react-test-renderer';
import { addNote, deleteNote, readNotes } from '../../src/core/notes';
import { readDeelnemers } from '../../src/core/deelnemers';
import { DRAFT_PREFIX } from '../../src/taskpane/logic/drafts';
import { ConclusionsEditor } from '../../src/taskpane/notes/ConclusionsEditor';
import { DeelnemersEditor } from '../../src/taskpane/notes/DeelnemersEditor';
import { NoteComposer } from '../../src/taskpane/notes/NoteComposer';
import { NotesList } from '../../src/taskpane/notes/NotesList';
import { AUTHOR_KEY } from '../../src/taskpane/notes/notesLogic';
import type { WorkbookSession } from '../../src/taskpane/session';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, renderPanes, settle, texts, typeIn } from '../helpers/paneHarness';

const NOW = new Date('2026-11-30T10:00:00+01:00');
const now = () => NOW;

async function workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  return wb;
}

/** One pane over `wb` with `storage` (this computer's), showing `view`. */
async function open(wb: MemoryWorkbook, storage: Map<string, string>, view: (s: WorkbookSession) => ReactNode) {
  const [pane] = await renderPanes(wb, 1, view, now, storage);
  return pane;
}

const textareas = (root: ReactTestInstance) => root.findAll((n) => n.type === 'textarea');
const drafts = (storage: Map<string, string>) => [...storage.keys()].filter((k) => k.startsWith(DRAFT_PREFIX) && storage.get(k));
/** Clicks the button labelled `label` and lets the pane settle. */
async function click(root: ReactTestInstance, label: string) {
  const b = button(root, label);
  if (!b) throw new Error(`no button “${label}”: ${texts(root)}`);
  await act(async () => b.props.onClick());
  await settle();
}
const snapshotOf = async (wb: MemoryWorkbook) => wb.readSnapshot();

describe('conclusion typed but not saved', () => {
  const view = (s: WorkbookSession) => <ConclusionsEditor session={s} currentStep="Stap 2" />;

  test('conclusion typed but not saved survives a reload, marked as not yet saved', async () => {
    const wb = await workbook();
    const storage = new Map([[AUTHOR_KEY, 'Notulist']]);
    const first = await open(wb, storage, view);
    await typeIn(textareas(first.root())[0], 'Warmtenet en groen samen oppakken');
    first.unmount();

    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0].props.value).toBe('Warmtenet en groen samen oppakken');
    expect(texts(again.root())).toContain('Nog niet opgeslagen');
    // nothing was written to the workbook by the reload
    expect(readNotes(await snapshotOf(wb)).conclusions.find((c) => c.stap === 'Stap 2')?.text).toBe('');

    await click(again.root(), 'Conclusie opslaan');
    expect(readNotes(await snapshotOf(wb)).conclusions.find((c) => c.stap === 'Stap 2')?.text).toBe('Warmtenet en groen samen oppakken');
    expect(drafts(storage)).toEqual([]);
    expect(texts(again.root())).not.toContain('Nog niet opgeslagen');
    again.unmount();
  });

  test('a conclusion draft thrown away with "Ongedaan maken" does not come back', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    const first = await open(wb, storage, view);
    await typeIn(textareas(first.root())[0], 'Toch niet');
    await click(first.root(), 'Ongedaan maken');
    first.unmount();
    expect(drafts(storage)).toEqual([]);
    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0].props.value).toBe('');
    again.unmount();
  });

  test('a conclusion draft of another step opens that step after a reload', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    const first = await open(wb, storage, (s) => <ConclusionsEditor session={s} currentStep="Stap 3" />);
    await typeIn(textareas(first.root())[0], 'Stap 3: eerst de straat');
    first.unmount();
    const again = await open(wb, storage, view);
    expect(textareas(again.root()).map((t) => t.props.value)).toContain('Stap 3: eerst de straat');
    again.unmount();
  });
});

describe('new note typed but not saved', () => {
  const context = { step: 'Stap 2', koppelkans: '', factor: '' };
  const view = (s: WorkbookSession) => <NoteComposer session={s} context={context} />;

  test('a new note typed but not saved survives a reload and is saved from there', async () => {
    const wb = await workbook();
    const storage = new Map([[AUTHOR_KEY, 'Notulist']]);
    const first = await open(wb, storage, view);
    await typeIn(textareas(first.root())[0], 'Bewoners willen eerst weten wat het kost');
    first.unmount();

    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0].props.value).toBe('Bewoners willen eerst weten wat het kost');
    expect(texts(again.root())).toContain('Nog niet opgeslagen');
    await click(again.root(), 'Notitie opslaan');
    expect(readNotes(await snapshotOf(wb)).notes.map((n) => n.text)).toEqual(['Bewoners willen eerst weten wat het kost']);
    expect(drafts(storage)).toEqual([]);
    expect(textareas(again.root())[0].props.value).toBe('');
    expect(texts(again.root())).not.toContain('Nog niet opgeslagen');
    again.unmount();
  });

  test('a new note thrown away, or typed and erased again, leaves no draft behind', async () => {
    const wb = await workbook();
    const storage = new Map([[AUTHOR_KEY, 'Notulist']]);
    const first = await open(wb, storage, view);
    await typeIn(textareas(first.root())[0], 'iets');
    await click(first.root(), 'Weggooien');
    expect(drafts(storage)).toEqual([]);
    await typeIn(textareas(first.root())[0], 'iets anders');
    await typeIn(textareas(first.root())[0], '');
    expect(drafts(storage)).toEqual([]);
    first.unmount();
  });

  test("a koppelkans's composer keeps its own draft, apart from the panel's", async () => {
    const wb = await workbook();
    const storage = new Map([[AUTHOR_KEY, 'Notulist']]);
    const both = (s: WorkbookSession) => (
      <>
        <NoteComposer session={s} context={context} />
        <NoteComposer session={s} context={{ ...context, koppelkans: 'Meer groen' }} draftName="notitie.nieuw.Meer groen" />
      </>
    );
    const first = await open(wb, storage, both);
    await typeIn(textareas(first.root())[1], 'Groen bij de school');
    first.unmount();
    const again = await open(wb, storage, both);
    expect(textareas(again.root()).map((t) => t.props.value)).toEqual(['', 'Groen bij de school']);
    again.unmount();
  });
});

describe('note being edited, not saved', () => {
  const view = (s: WorkbookSession) => <NotesList session={s} />;
  const TEXT = 'De straat wil eerst een bewonersavond';
  const TYPED = `${TEXT}, in het buurthuis`;

  async function withNote() {
    const wb = await workbook();
    const added = addNote(
      { author: 'Fatima', step: 'Stap 2', koppelkans: '', factor: '', kind: 'discussie', text: TEXT, verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!added.ok) throw new Error(added.message);
    await wb.apply({ ops: added.ops });
    const storage = new Map([[AUTHOR_KEY, 'Notulist']]);
    const first = await open(wb, storage, view);
    await click(first.root(), 'Bewerken');
    await typeIn(textareas(first.root())[0], TYPED);
    first.unmount();
    return { wb, storage, note: added.note };
  }

  test('a note edit typed but not saved survives a reload: the editor opens again with it, and saving writes it', async () => {
    const { wb, storage } = await withNote();
    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0]?.props.value).toBe(TYPED);
    expect(texts(again.root())).toContain('Nog niet opgeslagen');
    await click(again.root(), 'Opslaan');
    expect(readNotes(await snapshotOf(wb)).notes.map((n) => n.text)).toEqual([TYPED]);
    expect(drafts(storage)).toEqual([]);
    expect(textareas(again.root())).toHaveLength(0);
    again.unmount();
  });

  test('a note edit kept over a reload whose note a colleague removed meanwhile says so and can be saved as a new note', async () => {
    const { wb, storage, note } = await withNote();
    // a colleague removes the row while this pane is closed
    const [read] = readNotes(await snapshotOf(wb)).notes;
    const removed = deleteNote(read, undefined);
    if (!removed.ok) throw new Error(removed.message);
    await wb.apply({ ops: removed.ops });
    expect(readNotes(await snapshotOf(wb)).notes.filter((n) => n.text)).toEqual([]);

    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0]?.props.value).toBe(TYPED);
    expect(texts(again.root())).toContain('Deze notitie is intussen door iemand anders uit de Notulen verwijderd');
    await click(again.root(), 'Opslaan als nieuwe notitie');
    const saved = readNotes(await snapshotOf(wb)).notes.filter((n) => n.text === TYPED);
    expect(saved).toHaveLength(1);
    expect(saved[0].id).not.toBe(note.id);
    expect(drafts(storage)).toEqual([]);
    again.unmount();
  });

  test('a note edit cancelled leaves no draft behind', async () => {
    const { wb, storage } = await withNote();
    const again = await open(wb, storage, view);
    await click(again.root(), 'Annuleren');
    expect(drafts(storage)).toEqual([]);
    expect(readNotes(await snapshotOf(wb)).notes.map((n) => n.text)).toEqual([TEXT]);
    again.unmount();
  });
});

describe('Deelnemers typed but not saved', () => {
  const view = (s: WorkbookSession) => <DeelnemersEditor session={s} />;

  test('the Deelnemers list typed but not saved survives a reload and is saved from there', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    const first = await open(wb, storage, view);
    await typeIn(textareas(first.root())[0], 'Fatima (gemeente)\nJan (woningcorporatie)');
    first.unmount();

    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0].props.value).toBe('Fatima (gemeente)\nJan (woningcorporatie)');
    expect(texts(again.root())).toContain('Nog niet opgeslagen');
    await click(again.root(), 'Deelnemers opslaan');
    expect(readDeelnemers(await snapshotOf(wb)).names).toEqual(['Fatima (gemeente)', 'Jan (woningcorporatie)']);
    expect(drafts(storage)).toEqual([]);
    expect(texts(again.root())).not.toContain('Nog niet opgeslagen');
    again.unmount();
  });

  test('a Deelnemers draft cancelled does not come back after a reload', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    const first = await open(wb, storage, view);
    await typeIn(textareas(first.root())[0], 'Piet');
    await click(first.root(), 'Annuleren');
    first.unmount();
    expect(drafts(storage)).toEqual([]);
    const again = await open(wb, storage, view);
    expect(textareas(again.root())[0].props.value).toBe('');
    again.unmount();
  });
});

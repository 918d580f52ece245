/**
 * Regression: a note being edited in the pane lost its typed text when a colleague removed
 * that note's row (the list dropped the editor with the note). Rendered with
 * react-test-renderer over the pane's real session (`useWorkbookSession`) and one memory
 * workbook; the colleague writes to the same workbook and the pane hears of it through a
 * change event, as in Excel on the web.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { columnLetter } from '../../src/core/a1';
import { NOTULEN, SHEET_NAMES } from '../../src/core/layout';
import { addNote, readNotes } from '../../src/core/notes';
import { NotesList } from '../../src/taskpane/notes/NotesList';
import { ChecklistView } from '../../src/taskpane/views/ChecklistView';
import { checklistDateEdit } from '../../src/core/edits';
import { AUTHOR_KEY } from '../../src/taskpane/notes/notesLogic';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, leave, renderPanes, settle, texts, typeIn } from '../helpers/paneHarness';

const NOW = new Date('2026-11-30T10:00:00+01:00');
const now = () => NOW;
const TEXT = 'De straat wil eerst een bewonersavond';
const TYPED = `${TEXT}, in het buurthuis`;

async function setup() {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  const added = addNote({ author: 'Fatima', step: 'Stap 2', koppelkans: '', factor: '', kind: 'discussie', text: TEXT, verantwoordelijke: '', date: '' }, NOW);
  if (!added.ok) throw new Error(added.message);
  await wb.apply({ ops: added.ops });
  const [pane] = await renderPanes(wb, 1, (session) => <NotesList session={session} />, now, { [AUTHOR_KEY]: 'Notulist' });
  return { wb, ...pane, settle: () => settle(), id: added.note.id };
}

const textarea = (root: ReactTestInstance) => root.findAll((n) => n.type === 'textarea')[0] ?? null;

async function type(t: Awaited<ReturnType<typeof setup>>, value: string) {
  await typeIn(textarea(t.root()), value);
}

describe('NotesList keeps what the notulist typed', () => {
  it('note removed by a colleague while edited: the editor stays with the typed text and saves it as a new note', async () => {
    const t = await setup();
    await act(async () => button(t.root(), 'Bewerken')!.props.onClick());
    await type(t, TYPED);
    // the colleague removes the note's row in Excel; the pane hears of it
    await t.wb.apply({
      ops: [
        {
          kind: 'deleteRowByKey',
          sheet: SHEET_NAMES.notulen,
          minRow: 1,
          keyColumn: 'A',
          key: t.id,
          firstColumn: 'A',
          lastColumn: columnLetter(NOTULEN.headers.length),
        },
      ],
    });
    await t.hear();
    expect(t.session().notes.notes.some((n) => n.id === t.id)).toBe(false);

    // the editor is still there, with the typed text, and says what happened
    expect(textarea(t.root())?.props.value).toBe(TYPED);
    expect(texts(t.root())).toContain('Deze notitie is intussen door iemand anders uit de Notulen verwijderd');
    expect(button(t.root(), 'Opslaan')).toBeNull();

    await act(async () => button(t.root(), 'Opslaan als nieuwe notitie')!.props.onClick());
    await t.settle();
    const notes = readNotes(await t.wb.readSnapshot()).notes;
    const saved = notes.filter((n) => n.text === TYPED);
    expect(saved).toHaveLength(1);
    expect(saved[0].id).not.toBe(t.id);
    expect(saved[0].author).toBe('Fatima');
    expect(textarea(t.root())).toBeNull();
    t.unmount();
  });

  it('note removed by a colleague before saving: saving says so and keeps the typed text', async () => {
    const t = await setup();
    await act(async () => button(t.root(), 'Bewerken')!.props.onClick());
    await type(t, TYPED);
    // removed without the pane hearing of it yet: the save finds the row gone
    await t.wb.apply({
      ops: [
        {
          kind: 'deleteRowByKey',
          sheet: SHEET_NAMES.notulen,
          minRow: 1,
          keyColumn: 'A',
          key: t.id,
          firstColumn: 'A',
          lastColumn: columnLetter(NOTULEN.headers.length),
        },
      ],
    });
    await act(async () => button(t.root(), 'Opslaan')!.props.onClick());
    await t.settle();
    expect(t.session().error).toContain('door een collega verwijderd');
    expect(textarea(t.root())?.props.value).toBe(TYPED);
    expect(texts(t.root())).toContain('Deze notitie is intussen door iemand anders uit de Notulen verwijderd');
    expect(readNotes(await t.wb.readSnapshot()).notes.some((n) => n.text === TYPED)).toBe(false);
    t.unmount();
  });

  it('note changed by a colleague while edited: the editor keeps the typed text, shows theirs, and saving asks instead of overwriting', async () => {
    const t = await setup();
    await act(async () => button(t.root(), 'Bewerken')!.props.onClick());
    await type(t, TYPED);
    const theirs = 'Collega: de bewonersavond is al gepland';
    const note = t.session().notes.notes.find((n) => n.id === t.id)!;
    const cell = `H${note.row}`;
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.notulen, cell, cells: [[{ text: theirs }]] }] });
    await t.hear();
    expect(textarea(t.root())?.props.value).toBe(TYPED);
    expect(texts(t.root())).toContain(`Een collega heeft deze notitie intussen aangepast: “${theirs}”`);

    await act(async () => button(t.root(), 'Opslaan')!.props.onClick());
    await t.settle();
    // nothing overwritten: the conflict waits for the notulist's choice, the draft stays
    const row = readNotes(await t.wb.readSnapshot()).notes.find((n) => n.id === t.id)!;
    expect(row.text).toBe(theirs);
    expect(t.session().conflict?.conflicts.map((c) => c.cell)).toEqual([cell]);
    expect(textarea(t.root())?.props.value).toBe(TYPED);
    t.unmount();
  });
});

describe('ChecklistView keeps the date being typed', () => {
  it('a colleague changes the overstap date while it is typed: the typed date stays, theirs is shown, saving asks instead of overwriting (regression: the field jumped to theirs)', async () => {
    const wb = new MemoryWorkbook();
    await createKoppelkansenWorkbook(wb, { now: NOW });
    const [pane] = await renderPanes(wb, 1, (session) => <ChecklistView session={session} go={() => undefined} />, now);
    const state = pane.session().analysis!.checklist;
    if (!state) throw new Error('no checklist sheet in the template');
    const input = () => pane.root().findAll((n) => n.type === 'input' && n.props.type === 'date')[0];
    await typeIn(input(), '2036-06-30');
    // the colleague types another date in the cell; the pane hears of it
    const theirs = checklistDateEdit(state, '2040-01-01');
    if (!theirs.ok) throw new Error(theirs.message);
    await wb.apply({ ops: theirs.ops.map((o) => ({ ...o, expect: undefined })) });
    await pane.hear();
    expect(input().props.value).toBe('2036-06-30');
    expect(texts(pane.root())).toContain('Een collega heeft de datum intussen veranderd in 01-01-2040');
    await leave(input());
    await settle();
    // nothing overwritten: the workbook keeps theirs, the pane asks, the typed date stays
    expect(pane.session().analysis!.checklist!.overstapYear).toBe(2040);
    expect(pane.session().conflict?.conflicts).toHaveLength(1);
    expect(input().props.value).toBe('2036-06-30');
    pane.unmount();
  });
});

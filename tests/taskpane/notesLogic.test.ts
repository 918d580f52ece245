import { addNote, type Note } from '../../src/core/notes';
import {
  AUTHOR_KEY,
  EMPTY_FIELDS,
  factorChoices,
  hasOwner,
  isSaveShortcut,
  kindForShortcut,
  koppelkansChoices,
  noteByline,
  noteInput,
  noteMeta,
  ownerLine,
  reasonQuestion,
  withEditedNotes,
  draftChanges,
  draftOf,
  draftAsNewNote,
} from '../../src/taskpane/notes/notesLogic';
import { analyze } from '../../src/core/analyze';
import { NOW, ROWS, FACTORS, sampleSnapshot } from '../helpers/onderbouwingWorkbook';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('composer shortcuts', () => {
  it('Alt+1 … Alt+5 pick discussie, redenering, conclusie, afspraak, actie', () => {
    expect(['1', '2', '3', '4', '5'].map((d) => kindForShortcut(key(d, { altKey: true })))).toEqual([
      'discussie',
      'redenering',
      'conclusie',
      'afspraak',
      'actie',
    ]);
  });
  it('read the digit key even when Alt types another character (macOS)', () => {
    expect(kindForShortcut(key('¡', { altKey: true, code: 'Digit1' }))).toBe('discussie');
  });
  it('ignore digits without Alt, Alt+6, and Ctrl+Alt (AltGr on Windows)', () => {
    expect(kindForShortcut(key('1'))).toBeNull();
    expect(kindForShortcut(key('6', { altKey: true }))).toBeNull();
    expect(kindForShortcut(key('2', { altKey: true, ctrlKey: true }))).toBeNull();
  });
  it('Ctrl+Enter and Cmd+Enter save; Enter alone is a line break', () => {
    expect(isSaveShortcut(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(key('Enter', { metaKey: true }))).toBe(true);
    expect(isSaveShortcut(key('Enter'))).toBe(false);
  });
});

describe('the composer’s note', () => {
  const ctx = { step: 'Stap 3', koppelkans: ' Meer groen ', factor: 'Draagvlak' };
  it('takes the context and the author, and an owner only for an actie or afspraak', () => {
    const fields = { ...EMPTY_FIELDS, kind: 'discussie' as const, text: 'x', verantwoordelijke: 'Jan', date: '2026-12-01' };
    expect(noteInput(fields, ctx, ' Fatima ')).toEqual({
      author: 'Fatima',
      step: 'Stap 3',
      koppelkans: 'Meer groen',
      factor: 'Draagvlak',
      kind: 'discussie',
      text: 'x',
      verantwoordelijke: '',
      date: '',
    });
    expect(noteInput({ ...fields, kind: 'actie' }, ctx, 'Fatima')).toMatchObject({ verantwoordelijke: 'Jan', date: '2026-12-01' });
    expect([hasOwner('actie'), hasOwner('afspraak'), hasOwner('redenering')]).toEqual([true, true, false]);
  });
  it('is refused by the model as an actie without verantwoordelijke', () => {
    const res = addNote(noteInput({ ...EMPTY_FIELDS, kind: 'actie', text: 'Bellen' }, ctx, 'Fatima'), NOW);
    expect(res).toEqual({ ok: false, message: 'Een actie heeft een verantwoordelijke nodig.' });
  });
  it('keeps the author name under its own key, outside the workbook', () => {
    expect(AUTHOR_KEY).toBe('koppelkansen.auteur');
  });
});

describe('choices for context and filters', () => {
  const analysis = analyze(sampleSnapshot(), { now: NOW });
  it('offers the werkblad’s koppelkansen in werkblad order and its factors', () => {
    expect(koppelkansChoices(analysis)).toEqual(ROWS.map((r) => r.koppelkans));
    expect(factorChoices(analysis)).toEqual(FACTORS);
  });
  it('keeps koppelkansen that only occur in notes findable, once whatever the case', () => {
    const notes = [{ koppelkans: 'Oude naam' }, { koppelkans: ROWS[0].koppelkans.toUpperCase() }] as Note[];
    const choices = koppelkansChoices(analysis, notes);
    expect(choices).toHaveLength(ROWS.length + 1);
    expect(choices[choices.length - 1]).toBe('Oude naam');
    expect(koppelkansChoices(null)).toEqual([]);
  });
  it('gives the same list again while no name changed (a typed score), and a new one after a rename', () => {
    const first = koppelkansChoices(analysis, []);
    // another analysis of the same names (new row objects, as after a typed score), the notes list's own call between
    const rescored = { ...analysis, werkblad: { ...analysis.werkblad!, rows: analysis.werkblad!.rows.map((r) => ({ ...r, total: 1 })) } };
    expect(koppelkansChoices(null, [])).toEqual([]);
    expect(koppelkansChoices(rescored, [])).toBe(first);
    const notes = [{ koppelkans: 'Oude naam' }] as Note[];
    const withNotes = koppelkansChoices(rescored, notes);
    expect(withNotes).toEqual([...first, 'Oude naam']);
    expect(koppelkansChoices(rescored, [...notes])).toBe(withNotes);
    const renamed = {
      ...analysis,
      werkblad: { ...analysis.werkblad!, rows: analysis.werkblad!.rows.map((r, i) => (i === 0 ? { ...r, koppelkans: 'Nieuw' } : r)) },
    };
    const after = koppelkansChoices(renamed, []);
    expect(after).not.toBe(first);
    expect(after[0]).toBe('Nieuw');
    expect(koppelkansChoices(analysis, [])).toEqual(first);
  });
});

describe('labels of a note in the list', () => {
  const n: Note = {
    id: 'N-1',
    time: '2026-11-28 14:05',
    author: 'Fatima',
    step: 'Stap 3',
    koppelkans: 'Meer groen',
    factor: 'Draagvlak',
    kind: 'actie',
    text: 't',
    verantwoordelijke: 'Jan',
    date: '2026-12-15',
    row: 11,
  };
  it('show kind, step, koppelkans and factor, and author with a Dutch date', () => {
    expect(noteMeta(n)).toBe('Actie · Stap 3 · Meer groen · Draagvlak');
    expect(noteMeta({ ...n, kind: 'Besluit', koppelkans: '', factor: '' })).toBe('Besluit · Stap 3');
    expect(noteByline(n)).toBe('Fatima, 28-11-2026 14:05');
    expect(noteByline({ ...n, author: '', time: '' })).toBe('onbekend');
  });
  it('show who is responsible and by when', () => {
    expect(ownerLine(n)).toBe('Verantwoordelijke: Jan, vóór 15-12-2026');
    expect(ownerLine({ ...n, verantwoordelijke: '', date: '' })).toBe('');
  });
  it('ask the Prioritering question with both places', () => {
    expect(reasonQuestion('Meer groen', 1, 3)).toBe('Waarom staat “Meer groen” op plaats 1 en niet op 3?');
  });
});

describe('withEditedNotes', () => {
  const note = (id: string, text = id): Note => ({
    id,
    time: '',
    author: 'A',
    step: 'Stap 2',
    koppelkans: '',
    factor: '',
    kind: 'discussie',
    text,
    verantwoordelijke: '',
    date: '',
    row: 0,
  });
  it('keeps a note being edited that a colleague removed, marked gone, before the list', () => {
    const a = note('a');
    const b = note('b');
    expect(withEditedNotes([a], [a], new Map([['b', b]]))).toEqual([
      { note: b, gone: true },
      { note: a, gone: false },
    ]);
  });
  it('keeps a note being edited that only left the filter, as the workbook holds it now, not gone', () => {
    const now = note('b', 'changed by a colleague');
    expect(withEditedNotes([], [now], new Map([['b', note('b')]]))).toEqual([{ note: now, gone: false }]);
  });
  it('lists a shown note being edited once', () => {
    const a = note('a');
    expect(withEditedNotes([a], [a], new Map([['a', a]]))).toEqual([{ note: a, gone: false }]);
  });
});

describe('draftChanges', () => {
  it('compares with the note as editing started, so a colleague’s newer text is not taken as the base', () => {
    const base = {
      id: 'x',
      time: '',
      author: 'A',
      step: 'Stap 2',
      koppelkans: '',
      factor: '',
      kind: 'discussie',
      text: 'oud',
      verantwoordelijke: '',
      date: '',
      row: 5,
    };
    expect(draftChanges(base, { ...draftOf(base), text: 'nieuw' })).toEqual({ text: 'nieuw' });
    expect(draftChanges(base, draftOf(base))).toEqual({});
    expect(draftAsNewNote(base, { ...draftOf(base), text: 'nieuw' }, 'Notulist')).toMatchObject({ author: 'A', text: 'nieuw', kind: 'discussie' });
    expect(draftAsNewNote({ ...base, author: '' }, draftOf(base), 'Notulist').author).toBe('Notulist');
  });
});

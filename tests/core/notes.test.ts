import {
  addNote,
  conclusionEdit,
  deleteNote,
  editNote,
  parseOnderbouwingMark,
  filterNotes,
  newestFirst,
  newNoteId,
  readNotes,
  reasonWithNote,
  type Note,
  type NoteInput,
} from '../../src/core/notes';
import { yearToSerial } from '../../src/core/checklist';
import { CONCLUSION_QUESTIONS, NOTULEN, PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { simulate } from '../../src/core/simulate';
import type { CellValue, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { MAX_CELL_TEXT } from '../../src/core/textSafety';
import { MemoryWorkbook, type GridCell } from '../../src/workbook/memory/MemoryWorkbook';

const NOW = new Date('2026-11-28T14:05:30+01:00');

function note(partial: Partial<NoteInput> = {}): NoteInput {
  return {
    author: 'Fatima',
    step: 'Stap 3',
    koppelkans: 'Meer groen',
    factor: '',
    kind: 'discussie',
    text: 'Tekst',
    verantwoordelijke: '',
    date: '',
    ...partial,
  };
}

/** A fresh workbook with the whole Koppelkansen layout (Notulen included), in memory. */
async function newMemoryWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.apply(newWorkbookPlan({ wijk: 'Lelystad Oost', now: NOW }).plan);
  return wb;
}

async function add(wb: MemoryWorkbook, input: NoteInput, now = NOW): Promise<Note> {
  const res = addNote(input, now);
  if (!res.ok) throw new Error(res.message);
  await wb.apply({ ops: res.ops });
  return res.note;
}

/** The same workbook with an empty row inserted above `row` on one sheet (what Excel's "Rij invoegen" does to the values). */
async function withRowInserted(wb: MemoryWorkbook, sheet: string, row: number): Promise<MemoryWorkbook> {
  const snap = await wb.readSnapshot();
  const grid: Record<string, GridCell[][]> = {};
  for (const s of snap.sheets) {
    const rows: GridCell[][] = s.values.map((line, r) =>
      line.map((v, c): GridCell => {
        const f = s.formulas?.[r]?.[c];
        return f ? { formula: f, value: v } : v;
      }),
    );
    if (s.name === sheet) rows.splice(row - 1, 0, []);
    grid[s.name] = rows;
  }
  return MemoryWorkbook.fromGrid(grid);
}

function notulenRow(snap: WorkbookSnapshot, row: number): CellValue[] {
  return snap.sheets.find((s) => s.name === SHEET_NAMES.notulen)!.values[row - 1] ?? [];
}

describe('note ids', () => {
  const UUID_V4 = /^N-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('are "N-" and a random UUID from the platform (crypto.randomUUID), not Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    const id = newNoteId();
    expect(id).toMatch(UUID_V4);
    const r = addNote(note(), NOW);
    expect(r.ok && r.note.id).toMatch(UUID_V4);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('come from the source a test injects', () => {
    expect(newNoteId(() => 'vast')).toBe('N-vast');
    const r = addNote(note(), NOW, () => 'vast');
    expect(r.ok && r.note.id).toBe('N-vast');
  });

  it('are all distinct over many notes in a burst within one millisecond', () => {
    const ids = new Set(Array.from({ length: 500 }, () => (addNote(note(), NOW) as { note: Note }).note.id));
    expect(ids.size).toBe(500);
  });

  it('old "N-<time>-<random>" ids in an existing workbook still find their note beside the new ones', async () => {
    const wb = await newMemoryWorkbook();
    const oldStyle = addNote(note({ text: 'oud' }), NOW, () => 'mij3k2x0-i00000'); // the earlier generator's shape
    if (!oldStyle.ok) throw new Error(oldStyle.message);
    await wb.apply({ ops: oldStyle.ops });
    const fresh = await add(wb, note({ text: 'nieuw' }));
    const notes = readNotes(await wb.readSnapshot()).notes;
    expect(notes.map((n) => n.id)).toEqual(['N-mij3k2x0-i00000', fresh.id]);
    const edit = editNote(notes[0], { text: 'oud, aangepast' });
    const del = deleteNote(notes[1]);
    if (!edit.ok || !del.ok) throw new Error('edit or delete refused');
    const result = await wb.apply({ ops: [...edit.ops, ...del.ops] });
    expect(result).toMatchObject({ missingKeys: [], conflicts: [] });
    expect(readNotes(await wb.readSnapshot()).notes.map((n) => [n.id, n.text])).toEqual([['N-mij3k2x0-i00000', 'oud, aangepast']]);
  });
});

describe('adding and reading notes', () => {
  it('reads back what was added, with author and time, below the log header', async () => {
    const wb = await newMemoryWorkbook();
    const written = await add(wb, note({ kind: 'actie', text: 'Bewonersavond plannen', verantwoordelijke: 'Jan', date: '2026-12-15' }));
    const state = readNotes(await wb.readSnapshot());
    expect(state.sheet).toBe(SHEET_NAMES.notulen);
    expect(state.notes).toHaveLength(1);
    expect(state.notes[0]).toEqual({ ...written, time: '2026-11-28 14:05', row: NOTULEN.firstRow, read: expect.any(Array) });
  });

  it('appends each note below the previous one', async () => {
    const wb = await newMemoryWorkbook();
    const a = await add(wb, note({ text: 'eerste' }));
    const b = await add(wb, note({ text: 'tweede' }));
    const state = readNotes(await wb.readSnapshot());
    expect(state.notes.map((n) => [n.id, n.text, n.row])).toEqual([
      [a.id, 'eerste', NOTULEN.firstRow],
      [b.id, 'tweede', NOTULEN.firstRow + 1],
    ]);
  });

  it('keeps both notes when two writers plan from the same snapshot and then both apply', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'al aanwezig' }));
    const shared = await wb.readSnapshot();
    const seenBefore = readNotes(shared).notes.length;
    // both computed against the same view of the workbook, before either applied
    const fromFatima = addNote(note({ author: 'Fatima', text: 'Fatima schrijft' }), NOW);
    const fromPiet = addNote(note({ author: 'Piet', text: 'Piet schrijft' }), NOW);
    if (!fromFatima.ok || !fromPiet.ok) throw new Error('notes refused');
    const r1 = await wb.apply({ ops: fromFatima.ops });
    const r2 = await wb.apply({ ops: fromPiet.ops });
    expect(r1.appendedAt[0]).not.toBe(r2.appendedAt[0]);
    const state = readNotes(await wb.readSnapshot());
    expect(seenBefore).toBe(1);
    expect(state.notes.map((n) => `${n.author}: ${n.text}`)).toEqual(['Fatima: al aanwezig', 'Fatima: Fatima schrijft', 'Piet: Piet schrijft']);
    expect(new Set(state.notes.map((n) => n.id)).size).toBe(3);
  });

  it('refuses a note without text, without author, or an actie without verantwoordelijke, in Dutch', () => {
    expect(addNote(note({ text: '   ' }), NOW)).toEqual({ ok: false, message: 'Een notitie heeft tekst nodig.' });
    expect(addNote(note({ author: '' }), NOW)).toEqual({ ok: false, message: expect.stringContaining('naam') });
    expect(addNote(note({ kind: 'actie', verantwoordelijke: ' ' }), NOW)).toEqual({ ok: false, message: 'Een actie heeft een verantwoordelijke nodig.' });
    expect(addNote(note({ kind: 'actie', verantwoordelijke: 'Jan', date: '15-12-2026' }), NOW)).toEqual({
      ok: false,
      message: expect.stringContaining('jjjj-mm-dd'),
    });
    expect(addNote(note({ kind: 'besluit' }), NOW)).toEqual({ ok: false, message: expect.stringContaining('Onbekende soort') });
  });

  it('accepts an actie with verantwoordelijke and no date', () => {
    const res = addNote(note({ kind: 'actie', verantwoordelijke: 'Jan' }), NOW);
    expect(res.ok).toBe(true);
  });

  it('drops verantwoordelijke and date from a discussie (hidden fields of the composer)', () => {
    const res = addNote(note({ kind: 'discussie', verantwoordelijke: 'Jan', date: '2026-12-01' }), NOW);
    expect(res.ok && [res.note.verantwoordelijke, res.note.date]).toEqual(['', '']);
  });
});

describe('text safety of notes', () => {
  const risky = ['=SUM(A1:A3)', '+31 6 12345678', '-', '- eerst de wijk', '@team kijk hiernaar', '=', '-5', '+', "'quote", '0612345678', 'WAAR', '1/2'];

  it.each(risky)('keeps %p as text in the memory adapter (Excel parse-as-typed)', async (text) => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text, koppelkans: text, author: text }));
    const snap = await wb.readSnapshot();
    const n = readNotes(snap).notes[0];
    expect([n.text, n.koppelkans, n.author]).toEqual([text, text, text]);
    const formulas = snap.sheets.find((s) => s.name === SHEET_NAMES.notulen)!.formulas![NOTULEN.firstRow - 1] ?? [];
    expect(formulas.filter((f) => f)).toEqual([]);
  });

  it('keeps "=" text as text in the simulated workbook too', () => {
    const base = simulate({ sheets: [] }, newWorkbookPlan({ now: NOW }).plan.ops);
    const res = addNote(note({ text: '=1+1' }), NOW);
    if (!res.ok) throw new Error(res.message);
    expect(readNotes(simulate(base, res.ops)).notes[0].text).toBe('=1+1');
  });

  it('keeps a note of exactly 32,767 characters whole', async () => {
    const wb = await newMemoryWorkbook();
    const text = `=${'x'.repeat(MAX_CELL_TEXT - 2)}é`;
    expect(text).toHaveLength(MAX_CELL_TEXT);
    await add(wb, note({ text }));
    const read = readNotes(await wb.readSnapshot()).notes[0].text;
    expect(read).toHaveLength(MAX_CELL_TEXT);
    expect(read).toBe(text);
  });

  it('refuses a note of 32,768 characters with a Dutch message and writes nothing', () => {
    const res = addNote(note({ text: 'x'.repeat(MAX_CELL_TEXT + 1) }), NOW);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/32\.768 tekens.*32\.767.*niets opgeslagen/);
  });

  it('keeps line breaks (Windows line breaks become Excel line breaks)', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'regel 1\nregel 2\r\nregel 3\n\nregel 5' }));
    expect(readNotes(await wb.readSnapshot()).notes[0].text).toBe('regel 1\nregel 2\nregel 3\n\nregel 5');
  });
});

describe('editing a note', () => {
  it('changes only that note’s row', async () => {
    const wb = await newMemoryWorkbook();
    const a = await add(wb, note({ text: 'A' }));
    const b = await add(wb, note({ text: 'B' }));
    const c = await add(wb, note({ text: 'C' }));
    const before = await wb.readSnapshot();
    const target = readNotes(before).notes.find((n) => n.id === b.id)!;
    const res = editNote(target, { text: 'B, aangepast', kind: 'conclusie' });
    if (!res.ok) throw new Error(res.message);
    await wb.apply({ ops: res.ops });
    const after = await wb.readSnapshot();
    const notes = readNotes(after).notes;
    expect(notes.map((n) => [n.id, n.text, n.kind])).toEqual([
      [a.id, 'A', 'discussie'],
      [b.id, 'B, aangepast', 'conclusie'],
      [c.id, 'C', 'discussie'],
    ]);
    // id, time and author are kept
    expect(notes[1]).toMatchObject({ id: b.id, time: b.time, author: b.author });
    expect(notulenRow(after, NOTULEN.firstRow)).toEqual(notulenRow(before, NOTULEN.firstRow));
    expect(notulenRow(after, NOTULEN.firstRow + 2)).toEqual(notulenRow(before, NOTULEN.firstRow + 2));
  });

  it('finds the note by id after a row was inserted above it', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'eerste' }));
    const second = await add(wb, note({ text: 'tweede' }));
    const stale = readNotes(await wb.readSnapshot()).notes.find((n) => n.id === second.id)!;
    expect(stale.row).toBe(NOTULEN.firstRow + 1);
    // a colleague inserts a row above the first note while the notulist edits
    const moved = await withRowInserted(wb, SHEET_NAMES.notulen, NOTULEN.firstRow);
    const res = editNote(stale, { text: 'tweede, aangepast' });
    if (!res.ok) throw new Error(res.message);
    const result = await moved.apply({ ops: res.ops });
    expect(result.missingKeys).toEqual([]);
    const notes = readNotes(await moved.readSnapshot()).notes;
    expect(notes.map((n) => [n.text, n.row])).toEqual([
      ['eerste', NOTULEN.firstRow + 1],
      ['tweede, aangepast', NOTULEN.firstRow + 2],
    ]);
  });

  it('reads the log below its header when rows were inserted above the header', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'eerste' }));
    const moved = await withRowInserted(wb, SHEET_NAMES.notulen, 2);
    const state = readNotes(await moved.readSnapshot());
    // the header ("Id", "Tijd" …) is not taken for a note
    expect(state.notes.map((n) => n.text)).toEqual(['eerste']);
    expect(state.notes[0].row).toBe(NOTULEN.firstRow + 1);
    // the conclusions moved too and are found by their labels
    expect(state.conclusions.map((c) => c.row)).toEqual(CONCLUSION_QUESTIONS.map((_, i) => NOTULEN.firstConclusionRow + 1 + i));
  });

  it('finds the note after rows above it were deleted (moved above the default first row)', async () => {
    const wb = await newMemoryWorkbook();
    const only = await add(wb, note({ text: 'enige' }));
    const snap = await wb.readSnapshot();
    const values = snap.sheets.find((s) => s.name === SHEET_NAMES.notulen)!.values;
    // delete rows 2 and 3 (the description line and the empty row below it)
    const shifted = MemoryWorkbook.fromGrid({ [SHEET_NAMES.notulen]: [values[0], ...values.slice(3)] as GridCell[][] });
    const found = readNotes(await shifted.readSnapshot()).notes[0];
    expect(found.row).toBe(NOTULEN.firstRow - 2);
    const res = editNote({ ...only, row: NOTULEN.firstRow }, { text: 'enige, aangepast' });
    if (!res.ok) throw new Error(res.message);
    expect((await shifted.apply({ ops: res.ops })).missingKeys).toEqual([]);
    expect(readNotes(await shifted.readSnapshot()).notes.map((n) => n.text)).toEqual(['enige, aangepast']);
  });

  it('refuses to edit a note typed by hand without an id (it cannot be found safely)', async () => {
    const wb = await newMemoryWorkbook();
    wb.setCell(SHEET_NAMES.notulen, `H${NOTULEN.firstRow}`, 'met de hand getypt');
    const handTyped = readNotes(await wb.readSnapshot()).notes[0];
    expect(handTyped).toMatchObject({ id: '', text: 'met de hand getypt' });
    const res = editNote(handTyped, { text: 'anders' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toContain(`Notulen!H${NOTULEN.firstRow}`);
  });

  it('allows editing the text of a note whose kind and author were typed by hand', async () => {
    const wb = await newMemoryWorkbook();
    wb.setCell(SHEET_NAMES.notulen, `A${NOTULEN.firstRow}`, 'X-1');
    wb.setCell(SHEET_NAMES.notulen, `G${NOTULEN.firstRow}`, 'Besluit');
    wb.setCell(SHEET_NAMES.notulen, `H${NOTULEN.firstRow}`, 'oud');
    const n = readNotes(await wb.readSnapshot()).notes[0];
    const res = editNote(n, { text: 'nieuw' });
    expect(res.ok).toBe(true);
    expect(editNote(n, { kind: 'onzin' }).ok).toBe(false);
  });

  it('refuses an edit that makes the text too long', () => {
    const existing: Note = { ...note(), id: 'N-1', time: '2026-11-28 10:00', row: NOTULEN.firstRow };
    const res = editNote(existing, { text: 'y'.repeat(MAX_CELL_TEXT + 1) });
    expect(res.ok).toBe(false);
  });

  it('reads a date typed by hand in Excel (a serial number) as yyyy-mm-dd', async () => {
    const wb = await newMemoryWorkbook();
    wb.setCell(SHEET_NAMES.notulen, `A${NOTULEN.firstRow}`, 'N-x');
    wb.setCell(SHEET_NAMES.notulen, `H${NOTULEN.firstRow}`, 'Actie');
    wb.setCell(SHEET_NAMES.notulen, `J${NOTULEN.firstRow}`, yearToSerial(2026, 12, 15));
    wb.setCell(SHEET_NAMES.notulen, `G${NOTULEN.firstRow}`, 'ACTIE');
    const n = readNotes(await wb.readSnapshot()).notes[0];
    expect(n.date).toBe('2026-12-15');
    expect(n.kind).toBe('actie');
  });
});

describe('step conclusions', () => {
  it('are written and read per step, each in its own labelled cell, with the guide’s question', async () => {
    const wb = await newMemoryWorkbook();
    const texts: Record<string, string> = {
      'Stap 2': 'We kiezen uit 24 koppelkansen\nen 8 succesfactoren.',
      'Stap 3': '=Draagvlak weegt dubbel',
      'Stap 4': 'Meer groen en warmtenet.',
    };
    for (const [stap, text] of Object.entries(texts)) {
      const res = conclusionEdit(readNotes(await wb.readSnapshot()), stap, text);
      if (!res.ok) throw new Error(res.message);
      await wb.apply({ ops: res.ops });
    }
    const snap = await wb.readSnapshot();
    const state = readNotes(snap);
    expect(state.conclusions.map((c) => [c.stap, c.text])).toEqual([
      ['Stap 1', ''],
      ['Stap 2', texts['Stap 2']],
      ['Stap 3', texts['Stap 3']],
      ['Stap 4', texts['Stap 4']],
    ]);
    expect(state.conclusions[2].vraag).toBe('Welke algemeen geldende principes worden gehanteerd voor het waarderen van de koppelkansen?');
    const row = state.conclusions[2].row;
    expect(wb.getCell(SHEET_NAMES.notulen, `A${row}`)).toBe('Stap 3');
    expect(wb.getCell(SHEET_NAMES.notulen, `H${row}`)).toBe('=Draagvlak weegt dubbel');
    expect(wb.getFormula(SHEET_NAMES.notulen, `H${row}`)).toBeNull();
    // conclusions are not notes
    expect(state.notes).toEqual([]);
  });

  it('a conclusion a colleague changed while the notulist typed is not overwritten (regression: the save wrote over it unasked)', async () => {
    const wb = await newMemoryWorkbook();
    const first = conclusionEdit(readNotes(await wb.readSnapshot()), 'Stap 2', 'eerste versie');
    if (!first.ok) throw new Error(first.message);
    await wb.apply({ ops: first.ops });
    const started = readNotes(await wb.readSnapshot());
    const base = started.conclusions.find((c) => c.stap === 'Stap 2')!;
    // the colleague changes the cell in Excel
    const theirs = conclusionEdit(started, 'Stap 2', 'versie van een collega');
    if (!theirs.ok) throw new Error(theirs.message);
    await wb.apply({ ops: theirs.ops });
    // the notulist saves, guarded by the text typing started from: a conflict, nothing written
    const mine = conclusionEdit(readNotes(await wb.readSnapshot()), 'Stap 2', 'mijn versie', base.text);
    if (!mine.ok) throw new Error(mine.message);
    const result = await wb.apply({ ops: mine.ops });
    expect(result.conflicts).toEqual([expect.objectContaining({ cell: `H${base.row}`, expected: 'eerste versie', actual: 'versie van een collega' })]);
    expect(wb.getCell(SHEET_NAMES.notulen, `H${base.row}`)).toBe('versie van een collega');
    // unchanged meanwhile: written
    const again = conclusionEdit(readNotes(await wb.readSnapshot()), 'Stap 2', 'mijn versie', 'versie van een collega');
    if (!again.ok) throw new Error(again.message);
    expect((await wb.apply({ ops: again.ops })).conflicts).toEqual([]);
    expect(wb.getCell(SHEET_NAMES.notulen, `H${base.row}`)).toBe('mijn versie');
  });

  it('refuses an unknown step, a too long conclusion, and a workbook without Notulen', () => {
    const state = readNotes(simulate({ sheets: [] }, newWorkbookPlan({ now: NOW }).plan.ops));
    expect(conclusionEdit(state, 'Stap 9', 'x').ok).toBe(false);
    const long = conclusionEdit(state, 'Stap 2', 'x'.repeat(MAX_CELL_TEXT + 1));
    expect(long.ok).toBe(false);
    const none = conclusionEdit(readNotes({ sheets: [] }), 'Stap 2', 'x');
    expect(none).toEqual({ ok: false, message: expect.stringContaining('Werkmap voorbereiden') });
  });
});

describe('filtering notes', () => {
  const base = (id: string, p: Partial<Note>): Note => ({ ...note(), id, time: '2026-11-28 10:00', row: 11, ...p });
  const notes: Note[] = [
    base('1', { step: 'Stap 2', kind: 'discussie', koppelkans: 'Meer groen', text: 'Over het park', row: 11 }),
    base('2', { step: 'Stap 3', kind: 'redenering', koppelkans: 'Warmtenet', text: 'Draagvlak is hoog', row: 12 }),
    base('3', { step: 'Stap 3', kind: 'actie', koppelkans: 'meer groen', text: 'Bomen tellen', verantwoordelijke: 'Jan', row: 13 }),
    base('4', { step: 'Stap 4', kind: 'conclusie', koppelkans: '', text: 'Top 3 gekozen', author: 'Piet', row: 14 }),
  ];
  const ids = (ns: Note[]) => ns.map((n) => n.id);

  it('by step, kind and koppelkans (without regard to case)', () => {
    expect(ids(filterNotes(notes, { step: 'Stap 3' }))).toEqual(['2', '3']);
    expect(ids(filterNotes(notes, { kind: 'actie' }))).toEqual(['3']);
    expect(ids(filterNotes(notes, { koppelkans: 'Meer Groen' }))).toEqual(['1', '3']);
    expect(ids(filterNotes(notes, { step: 'Stap 3', koppelkans: 'meer groen' }))).toEqual(['3']);
  });

  it('by text in the note, the author or the verantwoordelijke', () => {
    expect(ids(filterNotes(notes, { text: 'DRAAGVLAK' }))).toEqual(['2']);
    expect(ids(filterNotes(notes, { text: 'piet' }))).toEqual(['4']);
    expect(ids(filterNotes(notes, { text: 'jan' }))).toEqual(['3']);
    expect(ids(filterNotes(notes, { text: '  ' }))).toEqual(['1', '2', '3', '4']);
  });

  it('lists newest first (by time, then by row)', () => {
    const mixed = [
      base('a', { time: '2026-11-28 09:00', row: 11 }),
      base('b', { time: '2026-11-28 10:00', row: 12 }),
      base('c', { time: '2026-11-28 10:00', row: 13 }),
    ];
    expect(ids(newestFirst(mixed))).toEqual(['c', 'b', 'a']);
  });
});

describe('the reason for a deviation', () => {
  it('puts the same text in the Omdat… cell and in a Stap 4 redenering note', async () => {
    const wb = await newMemoryWorkbook();
    const row = PRIORITERING.firstRow;
    await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `A${row}`, cells: [[{ number: 1 }, { text: 'Meer groen' }]] }] });
    const text = '=Omdat de wijk het vraagt\nen het goedkoop is';
    const res = reasonWithNote({ sheet: SHEET_NAMES.prioritering, row, omdatColumn: 3, koppelkans: 'Meer groen' }, text, 'Fatima', NOW);
    if (!res.ok) throw new Error(res.message);
    await wb.apply({ ops: res.ops });
    const omdat = wb.getCell(SHEET_NAMES.prioritering, `C${row}`);
    expect(wb.getFormula(SHEET_NAMES.prioritering, `C${row}`)).toBeNull();
    const n = readNotes(await wb.readSnapshot()).notes[0];
    expect(omdat).toBe(text);
    expect(n).toMatchObject({ text, kind: 'redenering', step: 'Stap 4', koppelkans: 'Meer groen', author: 'Fatima' });
  });

  it('writes nothing when the reason is refused', () => {
    const res = reasonWithNote({ sheet: SHEET_NAMES.prioritering, row: 5, omdatColumn: 3, koppelkans: 'X' }, '  ', 'Fatima', NOW);
    expect(res.ok).toBe(false);
  });

  it('uses one text for both when the reason has Windows line breaks', () => {
    const res = reasonWithNote({ sheet: SHEET_NAMES.prioritering, row: 5, omdatColumn: 3, koppelkans: 'X' }, 'a\r\nb', 'Fatima', NOW);
    if (!res.ok) throw new Error(res.message);
    const omdatOp = res.ops[0] as Extract<PlanOp, { kind: 'setCells' }>;
    expect(omdatOp.cells[0][0]).toEqual({ text: 'a\nb' });
    expect(res.note.text).toBe('a\nb');
  });
});

describe('deleting a note and leaving it out of the onderbouwing', () => {
  it('deletes only that note, by id, and leaves the rows around it where they are', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'eerste' }));
    await add(wb, note({ text: 'weg ermee' }));
    await add(wb, note({ text: 'derde' }));
    const target = readNotes(await wb.readSnapshot()).notes.find((n) => n.text === 'weg ermee')!;
    const res = deleteNote(target);
    if (!res.ok) throw new Error(res.message);
    const result = await wb.apply({ ops: res.ops });
    expect(result).toMatchObject({ missingKeys: [], conflicts: [] });
    const notes = readNotes(await wb.readSnapshot()).notes;
    expect(notes.map((n) => [n.text, n.row])).toEqual([
      ['eerste', NOTULEN.firstRow],
      ['derde', NOTULEN.firstRow + 2],
    ]);
  });

  it('marks a note "niet in de onderbouwing" in column K and reads the mark back; unmarking says "ja"', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'intern' }));
    let n = readNotes(await wb.readSnapshot()).notes[0];
    expect(n.inOnderbouwing).toBeUndefined();
    const out = editNote(n, { inOnderbouwing: false });
    if (!out.ok) throw new Error(out.message);
    await wb.apply({ ops: out.ops });
    expect(wb.getCell(SHEET_NAMES.notulen, `K${NOTULEN.firstRow}`)).toBe('nee');
    n = readNotes(await wb.readSnapshot()).notes[0];
    expect(n).toMatchObject({ text: 'intern', inOnderbouwing: false });
    const back = editNote(n, { inOnderbouwing: true });
    if (!back.ok) throw new Error(back.message);
    await wb.apply({ ops: back.ops });
    expect(readNotes(await wb.readSnapshot()).notes[0].inOnderbouwing).toBe(true);
    // the new workbook's header names the column
    expect(wb.getCell(SHEET_NAMES.notulen, `K${NOTULEN.headerRow}`)).toBe('In onderbouwing');
  });

  it('reads the mark as a colleague types it without the add-in', () => {
    expect([' Nee ', 'no', false, 'ONWAAR', 0].map((v) => parseOnderbouwingMark(v as CellValue))).toEqual([false, false, false, false, false]);
    expect(['ja', true, 'Waar'].map((v) => parseOnderbouwingMark(v as CellValue))).toEqual([true, true, true]);
    expect(['', null, 'misschien'].map((v) => parseOnderbouwingMark(v as CellValue))).toEqual([undefined, undefined, undefined]);
  });

  it('refuses to delete a note typed by hand without an id, naming the cell', async () => {
    const wb = await newMemoryWorkbook();
    wb.setCell(SHEET_NAMES.notulen, `H${NOTULEN.firstRow}`, 'met de hand');
    const res = deleteNote(readNotes(await wb.readSnapshot()).notes[0]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toContain(`Notulen!H${NOTULEN.firstRow}`);
  });
});

describe('two notulisten on one workbook at once (co-authoring): nothing lost, the conflict reported', () => {
  it('an edit of a note a colleague changed meanwhile is not written and reports both versions', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'origineel' }));
    const mine = readNotes(await wb.readSnapshot()).notes[0];
    const theirs = readNotes(await wb.readSnapshot()).notes[0];
    const theirEdit = editNote(theirs, { text: 'van Bert' });
    const myEdit = editNote(mine, { text: 'van Anna' });
    if (!theirEdit.ok || !myEdit.ok) throw new Error('edit refused');
    expect((await wb.apply({ ops: theirEdit.ops })).conflicts).toEqual([]);
    const result = await wb.apply({ ops: myEdit.ops });
    expect(result.conflicts).toEqual([{ sheet: SHEET_NAMES.notulen, cell: `H${NOTULEN.firstRow}`, expected: 'origineel', actual: 'van Bert', key: mine.id }]);
    expect(readNotes(await wb.readSnapshot()).notes.map((n) => n.text)).toEqual(['van Bert']);
  });

  it('an edit or delete of a note a colleague deleted meanwhile reports the missing note', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'weg' }));
    const stale = readNotes(await wb.readSnapshot()).notes[0];
    const del = deleteNote(stale);
    if (!del.ok) throw new Error(del.message);
    await wb.apply({ ops: del.ops });
    const edit = editNote(stale, { text: 'nog aangepast' });
    if (!edit.ok) throw new Error(edit.message);
    expect((await wb.apply({ ops: edit.ops })).missingKeys).toEqual([stale.id]);
    expect((await wb.apply({ ops: del.ops })).missingKeys).toEqual([stale.id]);
    expect(readNotes(await wb.readSnapshot()).notes).toEqual([]);
  });

  it('a delete of a note a colleague just edited deletes nothing', async () => {
    const wb = await newMemoryWorkbook();
    await add(wb, note({ text: 'origineel' }));
    const stale = readNotes(await wb.readSnapshot()).notes[0];
    const edit = editNote(stale, { text: 'belangrijk, niet weggooien' });
    if (!edit.ok) throw new Error(edit.message);
    await wb.apply({ ops: edit.ops });
    const del = deleteNote(stale);
    if (!del.ok) throw new Error(del.message);
    expect((await wb.apply({ ops: del.ops })).conflicts).toHaveLength(1);
    expect(readNotes(await wb.readSnapshot()).notes.map((n) => n.text)).toEqual(['belangrijk, niet weggooien']);
  });
});

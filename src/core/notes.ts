/**
 * The notulist's notes: one row per note on the Notulen sheet, found by id (never by
 * position), appended below the used range (co-authoring safe), and the step
 * conclusions in their own labelled cells.
 */
import { cellAddress, columnLetter } from './a1';
import { textAt, valueAt } from './grid';
import { CONCLUSION_QUESTIONS, NOTULEN, SHEET_NAMES, sameName } from './layout';
import type { CellInput, PlanOp, WorkbookSnapshot } from './snapshot';
import { MAX_CELL_TEXT } from './textSafety';

export const NOTE_KINDS = ['discussie', 'redenering', 'conclusie', 'afspraak', 'actie'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_STEPS = ['Stap 1', 'Stap 2', 'Stap 3', 'Stap 4', 'WUP checklist'] as const;
export type NoteStep = (typeof NOTE_STEPS)[number];

export interface Note {
  id: string;
  /** "yyyy-mm-dd hh:mm" local time of writing. */
  time: string;
  author: string;
  step: string;
  koppelkans: string;
  factor: string;
  kind: string;
  text: string;
  verantwoordelijke: string;
  /** Due date of an actie, "yyyy-mm-dd", or "". */
  date: string;
  /** Row on the Notulen sheet (0 when not yet written). */
  row: number;
}

export interface Conclusion {
  stap: string;
  vraag: string;
  text: string;
  row: number;
}

export interface NotesState {
  sheet: string | null;
  notes: Note[];
  conclusions: Conclusion[];
}

export function newNoteId(now: Date, random: () => number = Math.random): string {
  const rnd = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `N-${now.getTime().toString(36)}-${rnd}`;
}

export function formatNoteTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function readNotes(snapshot: WorkbookSnapshot): NotesState {
  const sheet = snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES.notulen));
  if (!sheet) return { sheet: null, notes: [], conclusions: CONCLUSION_QUESTIONS.map((q, i) => ({ ...q, text: '', row: NOTULEN.firstConclusionRow + i })) };
  const conclusions: Conclusion[] = CONCLUSION_QUESTIONS.map((q, i) => {
    // find the step's row by its label; default position otherwise
    let row = NOTULEN.firstConclusionRow + i;
    for (let r = 1; r < NOTULEN.headerRow; r++) if (textAt(sheet, r, 1).toLowerCase() === q.stap.toLowerCase()) row = r;
    const v = valueAt(sheet, row, NOTULEN.conclusionColumn);
    return { ...q, text: v === null ? '' : String(v), row };
  });
  const notes: Note[] = [];
  for (let r = NOTULEN.firstRow; r <= sheet.values.length; r++) {
    const id = textAt(sheet, r, 1);
    const raw = (c: number) => {
      const v = valueAt(sheet, r, c);
      return v === null ? '' : String(v);
    };
    if (!id && !raw(8)) continue;
    notes.push({
      id,
      time: raw(2),
      author: raw(3),
      step: raw(4),
      koppelkans: raw(5),
      factor: raw(6),
      kind: raw(7),
      text: raw(8),
      verantwoordelijke: raw(9),
      date: raw(10),
      row: r,
    });
  }
  return { sheet: sheet.name, notes, conclusions };
}

export type NoteInput = Omit<Note, 'id' | 'time' | 'row'>;

export type NoteResult = { ok: true; ops: PlanOp[]; note: Note } | { ok: false; message: string };

export function validateNote(input: NoteInput): string | null {
  if (!input.text.trim()) return 'Een notitie heeft tekst nodig.';
  if (input.text.length > MAX_CELL_TEXT) {
    return `Deze notitie is ${input.text.length} tekens; een cel in Excel kan er ${MAX_CELL_TEXT} bevatten. Splits hem in twee notities.`;
  }
  if (!input.author.trim()) return 'Vul eerst je naam in (auteur).';
  if (!(NOTE_KINDS as readonly string[]).includes(input.kind)) return `Onbekende soort notitie "${input.kind}".`;
  if (input.kind === 'actie' && !input.verantwoordelijke.trim()) return 'Een actie heeft een verantwoordelijke nodig.';
  if (input.date && !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return 'De datum van een actie is een datum (jjjj-mm-dd).';
  for (const [label, v] of [
    ['auteur', input.author],
    ['koppelkans', input.koppelkans],
    ['verantwoordelijke', input.verantwoordelijke],
  ] as const) {
    if (v.length > MAX_CELL_TEXT) return `Het veld ${label} is te lang.`;
  }
  return null;
}

function noteCells(n: Note): CellInput[] {
  return [n.id, n.time, n.author, n.step, n.koppelkans, n.factor, n.kind, n.text, n.verantwoordelijke, n.date].map((t) => ({ text: t }));
}

/** A new note, appended below whatever is on the sheet at the moment of writing. */
export function addNote(input: NoteInput, now: Date, random?: () => number): NoteResult {
  const err = validateNote(input);
  if (err) return { ok: false, message: err };
  const note: Note = { ...input, id: newNoteId(now, random), time: formatNoteTime(now), row: 0 };
  return {
    ok: true,
    note,
    ops: [{ kind: 'appendRows', sheet: SHEET_NAMES.notulen, minRow: NOTULEN.firstRow, firstColumn: 'A', rows: [noteCells(note)] }],
  };
}

/** Changes one note, found by its id at the moment of writing; keeps id, time and author. */
export function editNote(existing: Note, changes: Partial<Pick<Note, 'step' | 'koppelkans' | 'factor' | 'kind' | 'text' | 'verantwoordelijke' | 'date'>>, sheet: string = SHEET_NAMES.notulen): NoteResult {
  const note: Note = { ...existing, ...changes };
  const err = validateNote(note);
  if (err) return { ok: false, message: err };
  return {
    ok: true,
    note,
    ops: [{ kind: 'updateRowByKey', sheet, minRow: NOTULEN.firstRow, keyColumn: 'A', key: existing.id, firstColumn: 'A', cells: noteCells(note) }],
  };
}

export function conclusionEdit(state: NotesState, stap: string, text: string): { ok: true; ops: PlanOp[] } | { ok: false; message: string } {
  const c = state.conclusions.find((x) => x.stap === stap);
  if (!c) return { ok: false, message: `Onbekende stap "${stap}".` };
  if (text.length > MAX_CELL_TEXT) return { ok: false, message: `De conclusie is langer dan ${MAX_CELL_TEXT} tekens.` };
  return { ok: true, ops: [{ kind: 'setCells', sheet: state.sheet ?? SHEET_NAMES.notulen, cell: cellAddress(c.row, NOTULEN.conclusionColumn), cells: [[{ text }]] }] };
}

export interface NoteFilter {
  step?: string;
  kind?: string;
  koppelkans?: string;
  text?: string;
}

export function filterNotes(notes: Note[], f: NoteFilter): Note[] {
  const q = f.text?.trim().toLowerCase();
  return notes.filter(
    (n) =>
      (!f.step || n.step === f.step) &&
      (!f.kind || n.kind === f.kind) &&
      (!f.koppelkans || n.koppelkans.toLowerCase() === f.koppelkans.toLowerCase()) &&
      (!q || [n.text, n.author, n.koppelkans, n.factor, n.verantwoordelijke].some((t) => t.toLowerCase().includes(q))),
  );
}

export const NOTES_LAST_COLUMN = columnLetter(NOTULEN.headers.length);

/**
 * The reason for placing a koppelkans away from its automatic rank: the same text goes
 * into the "Omdat…" cell on Prioritering and into a note (redenering, Stap 4).
 */
export function reasonWithNote(
  prio: { sheet: string; row: number; omdatColumn: number; koppelkans: string },
  text: string,
  author: string,
  now: Date,
  random?: () => number,
): NoteResult {
  const res = addNote({ author, step: 'Stap 4', koppelkans: prio.koppelkans, factor: '', kind: 'redenering', text, verantwoordelijke: '', date: '' }, now, random);
  if (!res.ok) return res;
  return {
    ...res,
    ops: [{ kind: 'setCells', sheet: prio.sheet, cell: cellAddress(prio.row, prio.omdatColumn), cells: [[{ text }]] }, ...res.ops],
  };
}

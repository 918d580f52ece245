/**
 * The notulist's notes: one row per note on the Notulen sheet, found by id (never by
 * position), appended below the used range (co-authoring safe), and the step
 * conclusions in their own labelled cells.
 *
 * Columns are fixed (A–J, see NOTULEN.headers); the header row is found by its labels,
 * so rows inserted or deleted above the log do not confuse the reading.
 */
import { formatDutchDate, serialToIso } from './dates';
import { cellAddress, columnLetter } from './a1';
import { textAt, valueAt } from './grid';
import { CONCLUSION_QUESTIONS, NOTULEN, SHEET_NAMES, sameName } from './layout';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { MAX_CELL_TEXT } from './textSafety';
import { wrappedRowHeight } from './textMetrics';

export const NOTE_KINDS = ['discussie', 'redenering', 'conclusie', 'afspraak', 'actie'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** How each kind is shown to people (the pane, the onderbouwing sheet). */
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  discussie: 'Discussie',
  redenering: 'Redenering',
  conclusie: 'Conclusie',
  afspraak: 'Afspraak',
  actie: 'Actie',
};

/** The label of a kind; a hand-typed kind the add-in does not know is shown as typed. */
export function noteKindLabel(kind: string): string {
  return (NOTE_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

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
  /**
   * Whether the note goes into the onderbouwing (column K "In onderbouwing"): false when
   * the notulist marked it "niet in de onderbouwing" (the cell says nee/no/onwaar/false),
   * true for "ja", undefined when the cell is empty (then it is in).
   */
  inOnderbouwing?: boolean;
  /** Row on the Notulen sheet (0 when not yet written). */
  row: number;
  /**
   * The row's cells A–K exactly as read (before any conversion): what a co-author safe
   * edit or delete expects to find there. Absent for a note not read from a workbook.
   */
  read?: CellValue[];
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

/** Column numbers (1-based) of the note fields on the Notulen sheet. */
const COL = {
  id: 1,
  time: 2,
  author: 3,
  step: 4,
  koppelkans: 5,
  factor: 6,
  kind: 7,
  text: 8,
  verantwoordelijke: 9,
  date: 10,
  inOnderbouwing: NOTULEN.onderbouwingColumn,
} as const;

/** Columns of one note on the sheet: A (id) to K (in onderbouwing). */
const NOTE_WIDTH = NOTULEN.headers.length;

/** "nee" / "ja" (and their spellings in English and Excel's booleans) as the onderbouwing mark. */
export function parseOnderbouwingMark(v: CellValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = cellText(v).trim().toLowerCase();
  if (['nee', 'n', 'no', 'onwaar', 'false', '0', 'niet'].includes(t)) return false;
  if (['ja', 'j', 'yes', 'waar', 'true', '1'].includes(t)) return true;
  return undefined;
}

/** A random UUID (RFC 9562 version 4) from the platform: the Web Crypto API's `crypto.randomUUID`, a global in browsers, Excel's webview and Node 20. */
const platformUuid = (): string => globalThis.crypto.randomUUID();

/**
 * A new note id: "N-" and a random UUID (version 4, 122 random bits), so notes written on
 * two computers, or in the same millisecond, never share an id. `uuid` replaces the
 * platform's source in tests. Ids are compared as text by the keyed-row rule
 * (src/core/keyedRows.ts), so the older "N-<time>-<random>" ids in existing workbooks keep
 * working beside these.
 */
export function newNoteId(uuid: () => string = platformUuid): string {
  return `N-${uuid()}`;
}

/** When a note was written: "2026-11-28 14:05" on the Dutch clock (src/core/dates.ts), the sortable form the log keeps. */
function formatNoteTime(d: Date): string {
  return formatDutchDate(d, { clock: 'nl', order: 'ymd', time: true });
}

/** An Excel serial date as "yyyy-mm-dd", with " hh:mm" when asked (see src/core/dates.ts). */
function serialToText(serial: number, withTime: boolean, date1904 = false): string {
  return serialToIso(serial, date1904, withTime);
}

/** Line breaks as Excel keeps them in a cell: "\n" only. */
function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function canonical(value: string, known: readonly string[]): string {
  const k = value.trim().toLowerCase();
  return known.find((x) => x.toLowerCase() === k) ?? value;
}

/** The row of the log's header ("Id" … "Tekst"), found by its labels; the default when absent. */
export function findNotesHeaderRow(sheet: SheetSnapshot): number {
  const limit = Math.min(sheet.values.length, 60);
  for (let r = 1; r <= limit; r++) {
    if (textAt(sheet, r, COL.id).toLowerCase() === 'id' && textAt(sheet, r, COL.text).toLowerCase() === 'tekst') return r;
  }
  return NOTULEN.headerRow;
}

function cellText(v: CellValue): string {
  return v === null ? '' : typeof v === 'boolean' ? (v ? 'WAAR' : 'ONWAAR') : String(v);
}

function emptyConclusions(): Conclusion[] {
  return CONCLUSION_QUESTIONS.map((q, i) => ({ ...q, text: '', row: NOTULEN.firstConclusionRow + i }));
}

export function readNotes(snapshot: WorkbookSnapshot): NotesState {
  const sheet = snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES.notulen));
  if (!sheet) return { sheet: null, notes: [], conclusions: emptyConclusions() };
  const headerRow = findNotesHeaderRow(sheet);
  const conclusions: Conclusion[] = CONCLUSION_QUESTIONS.map((q, i) => {
    // find the step's row by its label above the log; default position otherwise
    let row = NOTULEN.firstConclusionRow + i;
    for (let r = 1; r < headerRow; r++) if (textAt(sheet, r, 1).toLowerCase() === q.stap.toLowerCase()) row = r;
    return { ...q, text: cellText(valueAt(sheet, row, NOTULEN.conclusionColumn)), row };
  });
  const notes: Note[] = [];
  for (let r = headerRow + 1; r <= sheet.values.length; r++) {
    const raw = (c: number) => cellText(valueAt(sheet, r, c));
    const id = textAt(sheet, r, COL.id);
    if (!id && !raw(COL.text)) continue;
    // a date or time typed by hand in Excel arrives as a serial number
    const time = valueAt(sheet, r, COL.time);
    const date = valueAt(sheet, r, COL.date);
    notes.push({
      id,
      time: typeof time === 'number' ? serialToText(time, true, !!snapshot.date1904) : raw(COL.time),
      author: raw(COL.author),
      step: canonical(raw(COL.step), NOTE_STEPS),
      koppelkans: raw(COL.koppelkans),
      factor: raw(COL.factor),
      kind: canonical(raw(COL.kind), NOTE_KINDS),
      text: raw(COL.text),
      verantwoordelijke: raw(COL.verantwoordelijke),
      date: typeof date === 'number' ? serialToText(date, false, !!snapshot.date1904) : raw(COL.date),
      inOnderbouwing: parseOnderbouwingMark(valueAt(sheet, r, COL.inOnderbouwing)),
      row: r,
      read: Array.from({ length: NOTE_WIDTH }, (_, i) => valueAt(sheet, r, i + 1)),
    });
  }
  return { sheet: sheet.name, notes, conclusions };
}

export type NoteInput = Omit<Note, 'id' | 'time' | 'row' | 'read' | 'inOnderbouwing'> & { inOnderbouwing?: boolean };

export type NoteResult = { ok: true; ops: PlanOp[]; note: Note } | { ok: false; message: string };

function tooLong(what: string, length: number): string {
  return `${what} is ${length.toLocaleString('nl-NL')} tekens; een cel in Excel kan er ${MAX_CELL_TEXT.toLocaleString('nl-NL')} bevatten. Er is niets opgeslagen: maak de tekst korter of splits hem in twee notities.`;
}

/** null when the note can be written, else a Dutch message saying what to do. */
function validateNote(input: NoteInput, options: { requireAuthor?: boolean; requireKnownKind?: boolean } = {}): string | null {
  const { requireAuthor = true, requireKnownKind = true } = options;
  if (!input.text.trim()) return 'Een notitie heeft tekst nodig.';
  if (input.text.length > MAX_CELL_TEXT) return tooLong('Deze notitie', input.text.length);
  if (requireAuthor && !input.author.trim()) return 'Vul eerst je naam in (auteur).';
  if (requireKnownKind && !(NOTE_KINDS as readonly string[]).includes(input.kind)) {
    return `Onbekende soort notitie "${input.kind}"; kies ${NOTE_KINDS.join(', ')}.`;
  }
  if (input.kind === 'actie' && !input.verantwoordelijke.trim()) return 'Een actie heeft een verantwoordelijke nodig.';
  if (input.date && !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return 'De datum van een actie is een datum (jjjj-mm-dd).';
  for (const [label, v] of [
    ['De auteur', input.author],
    ['De stap', input.step],
    ['De koppelkans', input.koppelkans],
    ['De succesfactor', input.factor],
    ['De verantwoordelijke', input.verantwoordelijke],
  ] as const) {
    if (v.length > MAX_CELL_TEXT) return tooLong(label, v.length);
  }
  return null;
}

/** Columns A–J of a note; with `withMark` also K (the onderbouwing mark: "nee" or "ja"). */
function noteCells(n: Note, withMark = false): CellInput[] {
  const cells: CellInput[] = [n.id, n.time, n.author, n.step, n.koppelkans, n.factor, n.kind, n.text, n.verantwoordelijke, n.date].map((t) => ({ text: t }));
  if (withMark) cells.push({ text: n.inOnderbouwing === false ? 'nee' : 'ja' });
  return cells;
}

function tidy(input: NoteInput): NoteInput {
  return {
    ...input,
    author: input.author.trim(),
    text: normalizeLineBreaks(input.text),
    koppelkans: input.koppelkans.trim(),
    factor: input.factor.trim(),
    verantwoordelijke: input.verantwoordelijke.trim(),
    date: input.date.trim(),
    // only an actie or afspraak has someone responsible and a date (a hand-typed kind keeps its fields)
    ...(['discussie', 'redenering', 'conclusie'].includes(input.kind) ? { verantwoordelijke: '', date: '' } : {}),
  };
}

/**
 * A new note, appended below whatever is on the sheet at the moment of writing.
 * `sheet` is the Notulen sheet's name as it stands in the workbook (NotesState.sheet);
 * `uuid` replaces the platform's random UUID source for the note id (tests).
 */
export function addNote(input: NoteInput, now: Date, uuid?: () => string, sheet: string = SHEET_NAMES.notulen): NoteResult {
  const clean = tidy(input);
  const err = validateNote(clean);
  if (err) return { ok: false, message: err };
  const note: Note = { ...clean, id: newNoteId(uuid), time: formatNoteTime(now), row: 0 };
  // the row shows its wrapped text whole, as the template's Notulen rows (column H, 70 wide)
  const height = wrappedRowHeight([note.text], [NOTULEN.columnWidths[NOTULEN.textColumn - 1]]);
  return {
    ok: true,
    note,
    ops: [
      {
        kind: 'appendRows',
        sheet,
        minRow: NOTULEN.firstRow,
        firstColumn: 'A',
        rows: [noteCells(note, note.inOnderbouwing === false)],
        ...(height ? { heights: [height] } : {}),
        // wrapped from the top like the template's note rows, also below its formatted block (H11:H511)
        formats: [{ column: columnLetter(NOTULEN.textColumn), style: { ...NOTULEN.textStyle } }],
      },
    ],
  };
}

export type NoteChanges = Partial<Pick<Note, 'step' | 'koppelkans' | 'factor' | 'kind' | 'text' | 'verantwoordelijke' | 'date' | 'inOnderbouwing'>>;

/** What a guarded write of a note's row expects: its cells A..(width) as last read, or undefined (not read). */
function expectOf(existing: Note, width: number): CellValue[] | undefined {
  return existing.read ? Array.from({ length: width }, (_, i) => existing.read![i] ?? null) : undefined;
}

/**
 * Changes one note, found by its id at the moment of writing (whatever row it has moved
 * to); keeps id, time and author. Co-author safe: when the note was read from the
 * workbook (`read`), the write expects the row to hold what was read, so a colleague's
 * edit of the same note meanwhile is reported as a conflict, never overwritten; a note a
 * colleague deleted is reported in `missingKeys`. A note typed by hand without an id
 * cannot be found safely and is refused.
 */
export function editNote(existing: Note, changes: NoteChanges, sheet: string = SHEET_NAMES.notulen): NoteResult {
  if (!existing.id.trim()) {
    return {
      ok: false,
      message: `Deze notitie heeft geen id (zonder add-in getypt) en kan hier niet veilig worden aangepast. Pas hem aan in Excel: ${sheet}!${cellAddress(existing.row || NOTULEN.firstRow, COL.text)}.`,
    };
  }
  const merged = { ...existing, ...changes };
  const clean = tidy(merged);
  const err = validateNote(clean, { requireAuthor: false, requireKnownKind: changes.kind !== undefined && changes.kind !== existing.kind });
  if (err) return { ok: false, message: err };
  const note: Note = { ...existing, ...clean };
  const withMark = changes.inOnderbouwing !== undefined && changes.inOnderbouwing !== existing.inOnderbouwing;
  const cells = noteCells(note, withMark);
  const expect = expectOf(existing, cells.length);
  // a changed text gets the row height it needs, where the row's height is the product's (see updatedRowHeight)
  const textWidth = [NOTULEN.columnWidths[NOTULEN.textColumn - 1]];
  const height =
    note.text !== existing.text ? { points: wrappedRowHeight([note.text], textWidth), replaces: wrappedRowHeight([existing.text], textWidth) } : null;
  return {
    ok: true,
    note,
    // searched from row 1: the note may have moved up when rows above it were deleted
    ops: [
      {
        kind: 'updateRowByKey',
        sheet,
        minRow: 1,
        keyColumn: 'A',
        key: existing.id,
        firstColumn: 'A',
        cells,
        ...(expect ? { expect } : {}),
        ...(height ? { height } : {}),
      },
    ],
  };
}

/**
 * Deletes one note: empties its row A–K, found by id at the moment of writing (no other
 * row moves). Co-author safe like `editNote`: a note a colleague changed meanwhile is not
 * deleted (conflict), one already deleted is reported in `missingKeys`.
 */
export function deleteNote(existing: Note, sheet: string = SHEET_NAMES.notulen): NoteResult {
  if (!existing.id.trim()) {
    return {
      ok: false,
      message: `Deze notitie heeft geen id (zonder add-in getypt) en kan hier niet veilig worden verwijderd. Verwijder hem in Excel: ${sheet}!${cellAddress(existing.row || NOTULEN.firstRow, COL.text)}.`,
    };
  }
  const expect = expectOf(existing, NOTE_WIDTH);
  return {
    ok: true,
    note: existing,
    ops: [
      {
        kind: 'deleteRowByKey',
        sheet,
        minRow: 1,
        keyColumn: 'A',
        key: existing.id,
        firstColumn: 'A',
        lastColumn: NOTES_LAST_COLUMN,
        ...(expect ? { expect } : {}),
      },
    ],
  };
}

/**
 * Writes a step's conclusion (Notulen, column of the conclusions, the step's row). With
 * `expected` (the conclusion's text when the notulist started typing) the write is
 * guarded: when a colleague changed the cell meanwhile nothing is written and the apply
 * reports a conflict, so the pane can show both versions and ask.
 */
export function conclusionEdit(state: NotesState, stap: string, text: string, expected?: string): { ok: true; ops: PlanOp[] } | { ok: false; message: string } {
  if (!state.sheet) return { ok: false, message: 'Er is nog geen werkblad Notulen: kies eerst "Werkmap voorbereiden".' };
  const c = state.conclusions.find((x) => x.stap === stap);
  if (!c) return { ok: false, message: `Onbekende stap "${stap}".` };
  const clean = normalizeLineBreaks(text);
  if (clean.length > MAX_CELL_TEXT) return { ok: false, message: tooLong(`De conclusie van ${stap}`, clean.length) };
  const guard = expected !== undefined ? { expect: [[expected]] } : {};
  return {
    ok: true,
    ops: [{ kind: 'setCells', sheet: state.sheet, cell: cellAddress(c.row, NOTULEN.conclusionColumn), cells: [[{ text: clean }]], ...guard }],
  };
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
      (!f.koppelkans || n.koppelkans.trim().toLowerCase() === f.koppelkans.trim().toLowerCase()) &&
      (!q || [n.text, n.author, n.koppelkans, n.factor, n.verantwoordelijke].some((t) => t.toLowerCase().includes(q))),
  );
}

/** Newest first: by time, then by row (later rows were written later). */
export function newestFirst(notes: Note[]): Note[] {
  return notes.slice().sort((a, b) => (a.time === b.time ? b.row - a.row : a.time < b.time ? 1 : -1));
}

const NOTES_LAST_COLUMN = columnLetter(NOTULEN.headers.length);

/**
 * The reason for placing a koppelkans away from its automatic rank: the same text goes
 * into the "Omdat…" cell on Prioritering and into a note (redenering, Stap 4).
 */
export function reasonWithNote(
  prio: { sheet: string; row: number; omdatColumn: number; koppelkans: string },
  text: string,
  author: string,
  now: Date,
  uuid?: () => string,
  notesSheet: string = SHEET_NAMES.notulen,
): NoteResult {
  const res = addNote(
    { author, step: 'Stap 4', koppelkans: prio.koppelkans, factor: '', kind: 'redenering', text, verantwoordelijke: '', date: '' },
    now,
    uuid,
    notesSheet,
  );
  if (!res.ok) return res;
  return {
    ...res,
    ops: [{ kind: 'setCells', sheet: prio.sheet, cell: cellAddress(prio.row, prio.omdatColumn), cells: [[{ text: res.note.text }]] }, ...res.ops],
  };
}

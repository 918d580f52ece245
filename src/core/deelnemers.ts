/**
 * Who took part in the sessions ("Deelnemers"): an editable list kept in the workbook,
 * one labelled cell on the Notulen sheet (label "Deelnemers" in column A above the log,
 * the names in column H beside it, one per line or separated by commas or semicolons),
 * so a colleague without the add-in can read and change it too. The onderbouwing's
 * participants are this list plus the authors of the notes.
 */
import { cellAddress } from './a1';
import { textAt, valueAt } from './grid';
import { CONCLUSION_QUESTIONS, NOTULEN, SHEET_NAMES, sameName } from './layout';
import { findNotesHeaderRow, type Note } from './notes';
import type { PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { MAX_CELL_TEXT } from './textSafety';

export const DEELNEMERS = {
  label: 'Deelnemers',
  /** Where a new label goes: the row right below the step conclusions (row 8), above the log's title. */
  defaultRow: NOTULEN.firstConclusionRow + CONCLUSION_QUESTIONS.length,
  column: NOTULEN.conclusionColumn,
} as const;

export interface DeelnemersState {
  /** The Notulen sheet's name, or null when there is none. */
  sheet: string | null;
  /** Row of the "Deelnemers" label, or null when it is not there (yet). */
  row: number | null;
  /** The names as listed, in order, without duplicates (case and spaces ignored). */
  names: string[];
}

const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Splits a typed list ("Anna, Bert\nCees; Dirk") into names: trimmed, empty ones dropped, duplicates once. */
export function parseNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n\r,;]+/)) {
    const name = part.trim().replace(/\s+/g, ' ');
    if (!name || seen.has(key(name))) continue;
    seen.add(key(name));
    out.push(name);
  }
  return out;
}

function notulen(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES.notulen));
}

/** Reads the list: the "Deelnemers" label is looked for in column A above the log's header. */
export function readDeelnemers(snapshot: WorkbookSnapshot): DeelnemersState {
  const sheet = notulen(snapshot);
  if (!sheet) return { sheet: null, row: null, names: [] };
  const headerRow = findNotesHeaderRow(sheet);
  for (let r = 1; r < headerRow; r++) {
    if (key(textAt(sheet, r, 1)) === key(DEELNEMERS.label)) return { sheet: sheet.name, row: r, names: parseNames(textAt(sheet, r, DEELNEMERS.column)) };
  }
  return { sheet: sheet.name, row: null, names: [] };
}

/**
 * The participants of the onderbouwing: the listed names first (in their order), then the
 * notes' authors who are not on the list, in the order of their first note.
 */
export function participants(listed: readonly string[], notes: readonly Note[]): string[] {
  const seen = new Set(listed.map(key));
  const out = [...listed];
  for (const n of notes) {
    const name = n.author.trim().replace(/\s+/g, ' ');
    if (!name || seen.has(key(name))) continue;
    seen.add(key(name));
    out.push(name);
  }
  return out;
}

/**
 * The plan ops that store `names` as the list (one name per line in the cell). Writes the
 * label too when it is missing, but only into empty cells: when Notulen!A8 or H8 holds
 * something of the team's, it says so (Dutch) and writes nothing. Every cell write is
 * guarded (`expect`: its value in `snapshot`), so a colleague's change between this read
 * and the write is reported as a conflict instead of overwritten.
 */
export function deelnemersEdit(snapshot: WorkbookSnapshot, names: readonly string[]): { ok: true; ops: PlanOp[] } | { ok: false; message: string } {
  const state = readDeelnemers(snapshot);
  if (!state.sheet) return { ok: false, message: 'Er is nog geen werkblad Notulen: kies eerst "Werkmap voorbereiden".' };
  const value = parseNames(names.join('\n')).join('\n');
  if (value.length > MAX_CELL_TEXT)
    return { ok: false, message: `De lijst met deelnemers is te lang voor één cel in Excel (${MAX_CELL_TEXT.toLocaleString('nl-NL')} tekens).` };
  if (state.row !== null) {
    const cell = cellAddress(state.row, DEELNEMERS.column);
    const now = valueAt(notulen(snapshot)!, state.row, DEELNEMERS.column);
    return { ok: true, ops: [{ kind: 'setCells', sheet: state.sheet, cell, cells: [[{ text: value }]], expect: [[now]] }] };
  }
  const sheet = notulen(snapshot)!;
  const row = DEELNEMERS.defaultRow;
  if (row >= findNotesHeaderRow(sheet)) {
    return {
      ok: false,
      message: `Op het werkblad ${state.sheet} is boven het verslag geen plaats voor de deelnemers. Typ in kolom A van een lege rij boven het verslag “${DEELNEMERS.label}” en de namen in kolom H van die rij.`,
    };
  }
  for (const c of [1, DEELNEMERS.column]) {
    if (textAt(sheet, row, c) !== '') {
      return {
        ok: false,
        message: `De deelnemers horen in ${state.sheet}!${cellAddress(row, 1)} (“${DEELNEMERS.label}”) en ${cellAddress(row, DEELNEMERS.column)}, maar ${cellAddress(row, c)} is al in gebruik. Er is niets gewijzigd: typ “${DEELNEMERS.label}” in kolom A van een lege rij boven het verslag, dan vindt de invoegtoepassing die rij.`,
      };
    }
  }
  return {
    ok: true,
    ops: [
      { kind: 'setCells', sheet: state.sheet, cell: cellAddress(row, 1), cells: [[{ text: DEELNEMERS.label }]], expect: [[null]] },
      { kind: 'setCells', sheet: state.sheet, cell: cellAddress(row, DEELNEMERS.column), cells: [[{ text: value }]], expect: [[null]] },
      { kind: 'setStyle', sheet: state.sheet, range: cellAddress(row, DEELNEMERS.column), style: { wrap: true, verticalAlignment: 'top' } },
    ],
  };
}

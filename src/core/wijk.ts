/**
 * The wijk's name (guide, Stap 1: "Een gedeeld verhaal van de wijk"). It lives in the
 * werkblad's title in A1 ("Werkblad koppelkansen kiezen – <wijk>"), so that it travels
 * with the file and a colleague without the add-in sees it too; Resultaat and the
 * onderbouwing read it from there.
 */
import type { EditResult } from './edits';
import { text } from './diff';
import { textAt, valueAt } from './grid';
import { WERKBLAD } from './layout';
import type { WorkbookSnapshot } from './snapshot';
import { findWerkbladSheet } from './werkblad';

/** Longest wijk name the pane accepts (characters); it also ends up in file names. */
const MAX_WIJK_LENGTH = 80;

/** The werkblad title for a wijk ("" → the title without a wijk). */
export function wijkTitle(wijk: string): string {
  const w = wijk.trim();
  return w ? `${WERKBLAD.titlePrefix} – ${w}` : WERKBLAD.titlePrefix;
}

/** The wijk's name from the werkblad title in A1, or "" when there is none. */
export function wijkName(snapshot: WorkbookSnapshot): string {
  const ws = findWerkbladSheet(snapshot);
  const title = ws ? textAt(ws, WERKBLAD.titleRow, 1) : '';
  if (!title.toLowerCase().startsWith(WERKBLAD.titlePrefix.toLowerCase())) return '';
  const m = /^\s*[–-]\s*(.+)$/.exec(title.slice(WERKBLAD.titlePrefix.length));
  return m ? m[1].trim() : '';
}

/** null when `wijk` can be the wijk's name, else a Dutch message saying what to change. */
export function validateWijk(wijk: string): string | null {
  const w = wijk.trim();
  if (/[\r\n\t]/.test(w)) return 'De naam van de wijk past op één regel: haal de regelovergang weg.';
  if (w.length > MAX_WIJK_LENGTH) return `De naam van de wijk is ${w.length} tekens; gebruik er hoogstens ${MAX_WIJK_LENGTH}.`;
  return null;
}

/**
 * Sets (or, with "", removes) the wijk's name: one setCells of the werkblad's A1.
 * Refuses (Dutch message naming the cell) when A1 holds a title the team wrote itself
 * (not starting with "Werkblad koppelkansen kiezen"): the product never writes over it.
 * With `expected` (the wijk's name when the user started typing) it also refuses when a
 * colleague changed the name meanwhile (the message names their version), and the write
 * carries `expect` = A1 as read, so a change between this read and the write is reported
 * as a conflict instead of being overwritten.
 */
export function wijkEdit(snapshot: WorkbookSnapshot, wijk: string, expected?: string): EditResult {
  const ws = findWerkbladSheet(snapshot);
  if (!ws) return { ok: false, message: 'Er is nog geen werkblad "Werkblad koppelkansen kiezen". Maak eerst de indeling aan (Start).' };
  const invalid = validateWijk(wijk);
  if (invalid) return { ok: false, message: invalid };
  const current = textAt(ws, WERKBLAD.titleRow, 1);
  if (current && !current.toLowerCase().startsWith(WERKBLAD.titlePrefix.toLowerCase())) {
    return {
      ok: false,
      message: `${ws.name}!A1 heeft een eigen titel (“${current}”). De add-in schrijft daar niet overheen: begin de titel met “${WERKBLAD.titlePrefix}” of maak A1 leeg, en probeer het opnieuw.`,
    };
  }
  const want = wijkTitle(wijk);
  if (current === want) return { ok: true, ops: [] };
  if (expected !== undefined) {
    const now = wijkName(snapshot);
    if (now !== expected.trim()) {
      return {
        ok: false,
        message: `Een collega heeft de naam van de wijk intussen veranderd in “${now || '(leeg)'}” (${ws.name}!A1). Er is niets overschreven; kies welke naam je houdt.`,
      };
    }
    return { ok: true, ops: [{ kind: 'setCells', sheet: ws.name, cell: 'A1', cells: [[text(want)]], expect: [[valueAt(ws, WERKBLAD.titleRow, 1)]] }] };
  }
  return { ok: true, ops: [{ kind: 'setCells', sheet: ws.name, cell: 'A1', cells: [[text(want)]] }] };
}

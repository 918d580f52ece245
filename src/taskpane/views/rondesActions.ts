/**
 * The Scorerondes view's actions. Each one is an edit built on a fresh read of the workbook
 * (`session.applyEdit`): the round, the participant's own row and the cell's summary are
 * looked up again at that moment, so a colleague who scored, revealed or adopted meanwhile
 * (co-authoring in Excel on the web) is never overwritten and never counted twice. The view
 * never writes cells itself; the rules live in src/core/rondes.ts.
 */
import { parseCell } from '../../core/a1';
import type { EditResult } from '../../core/edits';
import { valueAt } from '../../core/grid';
import { SHEET_NAMES } from '../../core/layout';
import {
  adoptScore,
  withdrawAdoption,
  readRondes,
  revealRonde,
  scoreInRonde,
  startRonde,
  summarizeRonde,
  type Ronde,
  type RondesState,
} from '../../core/rondes';
import type { FreshState, WorkbookSession } from '../session';

/** Builds an edit from a fresh read; see `WorkbookSession.applyEdit`. */
export type RondeBuild = (fresh: FreshState) => EditResult;

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function roundOf(state: RondesState, nummer: number): Ronde | EditResult {
  const ronde = state.rondes.find((r) => r.nummer === nummer);
  return ronde ?? { ok: false, message: `Ronde ${nummer} staat niet (meer) op het blad Scorerondes; er is niets opgeslagen.` };
}

/**
 * Starts the next round for `cells` (empty: every koppelkans and factor). The number is
 * taken from the fresh read, so two facilitators never start "the same" round twice.
 */
export const startRoundEdit =
  (cells: { koppelkans: string; factor: string }[], now: () => Date): RondeBuild =>
  (fresh) =>
    startRonde(readRondes(fresh.snapshot), cells, now());

/**
 * The participant's own entry for one cell of round `nummer` in `state`, as the pane shows
 * it: the score ("" when none), or the invalid text someone typed on the sheet.
 */
export function ownScoreText(state: RondesState, nummer: number, deelnemer: string, koppelkans: string, factor: string): string {
  const cell = summarizeRonde(state, nummer).find((c) => same(c.koppelkans, koppelkans) && same(c.factor, factor));
  const s = cell?.scores.find((x) => same(x.deelnemer, deelnemer));
  const bad = cell?.invalid.find((x) => same(x.deelnemer, deelnemer));
  return s ? String(s.score) : bad ? bad.value : '';
}

/**
 * One participant's own score (null withdraws it) in round `nummer`. Refused once the round
 * is revealed: scores typed after the reveal would be anchored by the group's. With
 * `expected` (the entry the pane showed when typing started, as `ownScoreText` gives it) it
 * is refused too when the sheet now holds another entry under this name (the same name in
 * another pane, or typed on the sheet): nothing is overwritten, the message names both.
 */
export const ownScoreEdit =
  (nummer: number, deelnemer: string, koppelkans: string, factor: string, value: number | null, now: () => Date, expected?: string): RondeBuild =>
  (fresh) => {
    const state = readRondes(fresh.snapshot);
    const ronde = roundOf(state, nummer);
    if ('ok' in ronde) return ronde;
    if (ronde.revealed)
      return { ok: false, message: `Ronde ${nummer} is intussen onthuld; je score is niet meer opgeslagen. Je ziet nu de scores van de groep.` };
    if (expected !== undefined) {
      const now = ownScoreText(state, nummer, deelnemer, koppelkans, factor);
      const mine = value === null ? '' : String(value);
      if (now.trim() !== expected.trim() && now.trim() !== mine) {
        return {
          ok: false,
          message: `Onder de naam “${deelnemer.trim()}” staat intussen een andere score voor “${koppelkans}” (${factor}): ${now || '(leeg)'}. Er is niets overschreven; kies welke versie je houdt.`,
        };
      }
    }
    return scoreInRonde(state, ronde, deelnemer, koppelkans, factor, value, now());
  };

/** Reveals round `nummer` (nothing to do when a colleague already did). */
export const revealEdit =
  (nummer: number, now: () => Date): RondeBuild =>
  (fresh) => {
    const state = readRondes(fresh.snapshot);
    const ronde = roundOf(state, nummer);
    if ('ok' in ronde) return ronde;
    return revealRonde(state, ronde, now());
  };

/**
 * The group adopts `value` for one cell of round `nummer`: the werkblad score, a
 * "vastgesteld" row and a note with the spread, computed from the scores as they are now
 * (a late score counts). Refused when a colleague adopted this cell meanwhile.
 */
const adoptEdit =
  (
    nummer: number,
    koppelkans: string,
    factor: string,
    value: number,
    why: string,
    author: string,
    now: () => Date,
    written?: (noteId: string) => void,
  ): RondeBuild =>
  (fresh) => {
    const werkblad = fresh.analysis.werkblad;
    if (!werkblad) return { ok: false, message: 'Er is geen werkblad meer; er is niets vastgesteld.' };
    const state = readRondes(fresh.snapshot);
    const ronde = roundOf(state, nummer);
    if ('ok' in ronde) return ronde;
    const cell = summarizeRonde(state, nummer).find((c) => same(c.koppelkans, koppelkans) && same(c.factor, factor));
    if (!cell) return { ok: false, message: `In ronde ${nummer} heeft niemand "${koppelkans}" (${factor}) gescoord; er is niets vastgesteld.` };
    if (cell.adopted !== null) {
      return {
        ok: false,
        message: `Een collega heeft de score voor "${koppelkans}" (${factor}) intussen vastgesteld op ${cell.adopted}; er is niets veranderd.`,
      };
    }
    const res = adoptScore(state, werkblad, nummer, cell, value, why, author, now(), fresh.analysis.sheets.notulen ?? undefined);
    if (!res.ok) return res;
    if (res.noteId) written?.(res.noteId);
    // guard the werkblad cell: when a colleague adopted (or typed) a score there meanwhile, nothing is written
    const sheet = fresh.snapshot.sheets.find((s) => s.name === werkblad.layout.sheet);
    return {
      ok: true,
      ops: res.ops.map((op) => {
        if (op.kind !== 'setCells' || op.sheet !== werkblad.layout.sheet || !sheet) return op;
        const { row, column } = parseCell(op.cell);
        return { ...op, expect: [[valueAt(sheet, row, column)]] };
      }),
    };
  };

/**
 * Adopts a score as `adoptEdit` does, through `session.applyEdit`. When the werkblad write
 * was refused (a colleague adopted or typed that score at the same moment), the adoption's
 * "vastgesteld" row and note, written in the same batch, are withdrawn again, so the round,
 * the notes and the werkblad never disagree. Returns applyEdit's outcome (Dutch message).
 */
export async function adopt(
  session: Pick<WorkbookSession, 'applyEdit'>,
  nummer: number,
  koppelkans: string,
  factor: string,
  value: number,
  why: string,
  author: string,
  now: () => Date,
): Promise<{ ok: true } | { ok: false; message: string }> {
  let noteId: string | null = null;
  const res = await session.applyEdit(
    adoptEdit(nummer, koppelkans, factor, value, why, author, now, (id) => (noteId = id)),
    'Score vaststellen…',
  );
  const id: string | null = noteId;
  if (res.ok || id === null) return res;
  await session.applyEdit(
    (fresh) => ({ ok: true, ops: withdrawAdoption(fresh.snapshot, id, fresh.analysis.sheets.notulen ?? SHEET_NAMES.notulen) }),
    'Score vaststellen…',
  );
  return res;
}

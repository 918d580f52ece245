/**
 * Individual scoring rounds ("rondes"): each participant scores on their own first, then
 * the group sees where it disagrees and agrees a score per cell (the guide's Stap 1
 * "individuele en persoonlijke antwoorden als een gedeeld beeld", and Stap 3; the Delphi
 * method repeats this in rounds).
 *
 * Everything lives on one sheet, "Scorerondes", one row per event, appended below the used
 * range (like the notes), so two people scoring at the same moment never write the same
 * cell. A participant changing their score rewrites only their own row, found by its key.
 * A colleague without the add-in can read and add rows by hand (the key may stay empty).
 *
 * Columns: A Soort (ronde | score | onthuld | vastgesteld), B Ronde, C Deelnemer,
 * D Koppelkans, E Succesfactor, F Score, G Tijd, H Sleutel.
 * - ronde: a round is started for one koppelkans (D) and optionally one factor (E); D empty
 *   means every koppelkans.
 * - score: one participant's score for one cell.
 * - onthuld: the facilitator revealed round B.
 * - vastgesteld: the group adopted score F for the cell (also written to the werkblad and
 *   recorded as a note).
 */
import { cellAddress } from './a1';
import { formatDutchDate } from './dates';
import { textAt, valueAt } from './grid';
import { addNote, deleteNote, readNotes } from './notes';
import { rankRows } from './ranking';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { sameName, COLORS } from './layout';
import { checkScore, weightedTotal, type Werkblad } from './werkblad';
import { nameKey } from './names';

export const RONDES = {
  sheet: 'Scorerondes',
  title: 'Scorerondes: ieder eerst apart, dan samen',
  headerRow: 4,
  firstRow: 5,
  headers: ['Soort', 'Ronde', 'Deelnemer', 'Koppelkans', 'Succesfactor', 'Score', 'Tijd', 'Sleutel'],
  /** A cell is "in dispute" when the scores lie this far apart or more (lowest to highest). */
  disputeSpread: 4,
} as const;

type RondeSoort = 'ronde' | 'score' | 'onthuld' | 'vastgesteld';

interface RondeRow {
  soort: RondeSoort;
  ronde: number;
  deelnemer: string;
  koppelkans: string;
  factor: string;
  /** As typed: a valid score is a whole number −10..10; anything else is kept to report. */
  score: CellValue;
  time: string;
  key: string;
  /** Row on the sheet. */
  row: number;
  /** The row's cells A..H as read: what a guarded rewrite of this row expects to find there. */
  cells: CellValue[];
}

export interface Ronde {
  nummer: number;
  /** Cells in scope: koppelkans "" = every koppelkans; factor "" = every factor. */
  scope: { koppelkans: string; factor: string }[];
  revealed: boolean;
}

export interface RondesState {
  /** The sheet's actual name, or null when it does not exist yet. */
  sheet: string | null;
  rows: RondeRow[];
  rondes: Ronde[];
}

const COL = { soort: 1, ronde: 2, deelnemer: 3, koppelkans: 4, factor: 5, score: 6, time: 7, key: 8 } as const;
/** Names (deelnemer, koppelkans, factor) compare by the one name rule (src/core/names.ts). */
const norm = (s: string) => nameKey(s);

/** The key of one participant's score for one cell in one round (column H). */
export function scoreKey(ronde: number, deelnemer: string, koppelkans: string, factor: string): string {
  return `${ronde}|${norm(deelnemer)}|${norm(koppelkans)}|${norm(factor)}`;
}

function findRondesSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sameName(s.name, RONDES.sheet));
}

function soortOf(v: string): RondeSoort | null {
  const t = norm(v);
  return t === 'ronde' || t === 'score' || t === 'onthuld' || t === 'vastgesteld' ? t : null;
}

/** Reads the Scorerondes sheet; rows it cannot place (unknown kind, no round number) are skipped. */
export function readRondes(snapshot: WorkbookSnapshot): RondesState {
  const sheet = findRondesSheet(snapshot);
  if (!sheet) return { sheet: null, rows: [], rondes: [] };
  const rows: RondeRow[] = [];
  for (let r = RONDES.firstRow; r <= sheet.values.length; r++) {
    const soort = soortOf(textAt(sheet, r, COL.soort));
    const n = valueAt(sheet, r, COL.ronde);
    const ronde = typeof n === 'number' ? n : Number(textAt(sheet, r, COL.ronde));
    if (!soort || !Number.isInteger(ronde) || ronde < 1) continue;
    rows.push({
      soort,
      ronde,
      deelnemer: textAt(sheet, r, COL.deelnemer),
      koppelkans: textAt(sheet, r, COL.koppelkans),
      factor: textAt(sheet, r, COL.factor),
      score: valueAt(sheet, r, COL.score),
      time: textAt(sheet, r, COL.time),
      key: textAt(sheet, r, COL.key),
      row: r,
      cells: RONDES.headers.map((_, i) => valueAt(sheet, r, i + 1)),
    });
  }
  const byNumber = new Map<number, Ronde>();
  for (const row of rows) {
    const ronde = byNumber.get(row.ronde) ?? { nummer: row.ronde, scope: [], revealed: false };
    byNumber.set(row.ronde, ronde);
    if (row.soort === 'ronde') ronde.scope.push({ koppelkans: row.koppelkans, factor: row.factor });
    if (row.soort === 'onthuld') ronde.revealed = true;
  }
  return { sheet: sheet.name, rows, rondes: [...byNumber.values()].sort((a, b) => a.nummer - b.nummer) };
}

/** Whether a cell is in a round's scope. */
export function inScope(ronde: Ronde, koppelkans: string, factor: string): boolean {
  return ronde.scope.some((s) => (!s.koppelkans || norm(s.koppelkans) === norm(koppelkans)) && (!s.factor || norm(s.factor) === norm(factor)));
}

/** A round's moment as "2026-11-30 10:00" on the Dutch clock (src/core/dates.ts), as the notes write theirs. */
function fmtTime(d: Date): string {
  return formatDutchDate(d, { clock: 'nl', order: 'ymd', time: true });
}

function sheetOps(state: RondesState): PlanOp[] {
  if (state.sheet) return [];
  return [
    { kind: 'addSheet', sheet: RONDES.sheet },
    {
      kind: 'setCells',
      sheet: RONDES.sheet,
      cell: 'A1',
      cells: [
        [{ text: RONDES.title }],
        [
          {
            text: 'Iedere deelnemer scoort eerst zelf; de add-in toont de scores van anderen pas na "Onthullen". Eén regel per score; je kunt ook zelf regels toevoegen (Soort score, Ronde, Deelnemer, Koppelkans, Succesfactor, Score).',
          },
        ],
      ],
    },
    { kind: 'setCells', sheet: RONDES.sheet, cell: cellAddress(RONDES.headerRow, 1), cells: [RONDES.headers.map((h) => ({ text: h }))] },
    { kind: 'setStyle', sheet: RONDES.sheet, range: 'A1', style: { bold: true, fontSize: 14, fontColor: COLORS.titleFont } },
    {
      kind: 'setStyle',
      sheet: RONDES.sheet,
      range: `A${RONDES.headerRow}:H${RONDES.headerRow}`,
      style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont },
    },
    {
      kind: 'setColumnWidths',
      sheet: RONDES.sheet,
      widths: [
        { column: 'A', width: 12 },
        { column: 'B', width: 8 },
        { column: 'C', width: 20 },
        { column: 'D', width: 36 },
        { column: 'E', width: 22 },
        { column: 'F', width: 8 },
        { column: 'G', width: 17 },
        { column: 'H', width: 30 },
      ],
    },
    { kind: 'freeze', sheet: RONDES.sheet, rows: RONDES.headerRow, columns: 0 },
    // landscape, one page wide, the header on every page; no print area (a row per score is added)
    { kind: 'setPageSetup', sheet: RONDES.sheet, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: RONDES.headerRow, last: RONDES.headerRow } },
  ];
}

function line(soort: RondeSoort, ronde: number, deelnemer: string, koppelkans: string, factor: string, score: number | null, now: Date, key = ''): CellInput[] {
  return [
    { text: soort },
    { number: ronde },
    { text: deelnemer },
    { text: koppelkans },
    { text: factor },
    score === null ? { text: '' } : { number: score },
    { text: fmtTime(now) },
    { text: key },
  ];
}

function append(rows: CellInput[][]): PlanOp {
  return { kind: 'appendRows', sheet: RONDES.sheet, minRow: RONDES.firstRow, firstColumn: 'A', rows };
}

export type RondeResult = { ok: true; ops: PlanOp[] } | { ok: false; message: string };

/**
 * Starts round `nummer` (the next free number when omitted) for the given cells; an empty
 * list means every koppelkans and factor. Creates the sheet when missing.
 */
export function startRonde(state: RondesState, cells: { koppelkans: string; factor: string }[], now: Date, nummer?: number): RondeResult & { nummer?: number } {
  const n = nummer ?? state.rondes.reduce((m, r) => Math.max(m, r.nummer), 0) + 1;
  if (state.rondes.some((r) => r.nummer === n)) return { ok: false, message: `Ronde ${n} bestaat al.` };
  const scope = cells.length ? cells : [{ koppelkans: '', factor: '' }];
  return { ok: true, nummer: n, ops: [...sheetOps(state), append(scope.map((c) => line('ronde', n, '', c.koppelkans, c.factor, null, now)))] };
}

/**
 * One participant's score (or "" to withdraw it) for one cell. The first score appends the
 * participant's own row; a change rewrites that row only (found by key at apply time).
 */
export function scoreInRonde(
  state: RondesState,
  ronde: Ronde,
  deelnemer: string,
  koppelkans: string,
  factor: string,
  input: number | null,
  now: Date,
): RondeResult {
  const who = deelnemer.trim();
  if (!who) return { ok: false, message: 'Vul eerst je naam in; je scores staan onder je naam.' };
  if (!inScope(ronde, koppelkans, factor)) return { ok: false, message: `"${koppelkans}" (${factor}) hoort niet bij ronde ${ronde.nummer}.` };
  if (input !== null && checkScore(input).kind !== 'valid') return { ok: false, message: 'Een score is een heel getal van -10 tot en met 10.' };
  const key = scoreKey(ronde.nummer, who, koppelkans, factor);
  const cells = line('score', ronde.nummer, who, koppelkans, factor, input, now, key);
  // the first row holding the key is the one updateRowByKey rewrites (keyedRows.ts)
  const mine = state.rows.find((r) => r.soort === 'score' && norm(r.key) === norm(key));
  if (mine)
    return {
      ok: true,
      // guarded: when the row no longer holds what was read (the same name scored in another
      // pane, a hand edit on the sheet), nothing is written and the conflict is reported
      ops: [
        {
          kind: 'updateRowByKey',
          sheet: state.sheet ?? RONDES.sheet,
          minRow: RONDES.firstRow,
          keyColumn: 'H',
          key,
          firstColumn: 'A',
          cells,
          expect: mine.cells,
        },
      ],
    };
  return { ok: true, ops: [...sheetOps(state), append([cells])] };
}

/** Marks a round as revealed: from now on the pane shows every participant's scores. */
export function revealRonde(state: RondesState, ronde: Ronde, now: Date): RondeResult {
  if (ronde.revealed) return { ok: true, ops: [] };
  return { ok: true, ops: [...sheetOps(state), append([line('onthuld', ronde.nummer, '', '', '', null, now)])] };
}

// ---------------------------------------------------------------- the summary after reveal

export interface CellSummary {
  koppelkans: string;
  factor: string;
  /** Valid scores, one per participant (their latest), by participant name. */
  scores: { deelnemer: string; score: number }[];
  /** Participants whose entry is not a whole number −10..10 (shown, not counted). */
  invalid: { deelnemer: string; value: string }[];
  count: number;
  /** null when nobody scored validly. */
  median: number | null;
  lowest: number | null;
  highest: number | null;
  /** highest − lowest (0 with one score). */
  spread: number;
  /** The score the group adopted in this round, if any. */
  adopted: number | null;
}

/**
 * The median as Excel's MEDIAN computes it: the middle value, or the mean of the two middle
 * values for an even count; null for none.
 */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Per koppelkans × factor of a round: median, lowest–highest, how many scored, and the
 * invalid entries; most disagreement first ("bespreek eerst": larger spread, then more
 * participants, then werkblad order).
 */
export function summarizeRonde(state: RondesState, ronde: number): CellSummary[] {
  const cells = new Map<
    string,
    { koppelkans: string; factor: string; latest: Map<string, { value: CellValue; row: number; name: string }>; adopted: number | null; order: number }
  >();
  let order = 0;
  const cellOf = (k: string, f: string) => {
    const id = `${norm(k)}|${norm(f)}`;
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { koppelkans: k, factor: f, latest: new Map(), adopted: null, order: order++ }));
    return c;
  };
  for (const r of state.rows) {
    if (r.ronde !== ronde || !r.koppelkans || !r.factor) continue;
    if (r.soort === 'score' && r.deelnemer) {
      const c = cellOf(r.koppelkans, r.factor);
      const who = norm(r.deelnemer);
      const prev = c.latest.get(who);
      if (!prev || prev.row < r.row) c.latest.set(who, { value: r.score, row: r.row, name: r.deelnemer });
    }
    if (r.soort === 'vastgesteld') {
      const check = checkScore(r.score);
      if (check.kind === 'valid') cellOf(r.koppelkans, r.factor).adopted = check.value;
    }
  }
  const out: (CellSummary & { order: number })[] = [];
  for (const c of cells.values()) {
    const scores: CellSummary['scores'] = [];
    const invalid: CellSummary['invalid'] = [];
    for (const e of c.latest.values()) {
      const check = checkScore(e.value);
      if (check.kind === 'valid') scores.push({ deelnemer: e.name, score: check.value });
      else if (check.kind === 'invalid') invalid.push({ deelnemer: e.name, value: String(e.value) });
      // empty: withdrawn, not counted
    }
    scores.sort((a, b) => a.deelnemer.localeCompare(b.deelnemer, 'nl'));
    const values = scores.map((s) => s.score);
    const lowest = values.length ? Math.min(...values) : null;
    const highest = values.length ? Math.max(...values) : null;
    out.push({
      koppelkans: c.koppelkans,
      factor: c.factor,
      scores,
      invalid,
      count: values.length,
      median: median(values),
      lowest,
      highest,
      spread: lowest === null || highest === null ? 0 : highest - lowest,
      adopted: c.adopted,
      order: c.order,
    });
  }
  out.sort((a, b) => b.spread - a.spread || b.count - a.count || a.order - b.order);
  return out.map(({ order: _order, ...rest }) => rest);
}

/** Cells of a round still in dispute: not adopted and spread ≥ `RONDES.disputeSpread`. */
export function inDispute(summary: CellSummary[], threshold: number = RONDES.disputeSpread): CellSummary[] {
  return summary.filter((c) => c.adopted === null && c.count > 1 && c.spread >= threshold);
}

/** Participant names shown as "Deelnemer 1", "Deelnemer 2" … (alphabetical order, stable per round). */
export function anonymise(names: string[]): Map<string, string> {
  const sorted = [...new Set(names.map(norm))].sort();
  return new Map(sorted.map((n, i) => [n, `Deelnemer ${i + 1}`]));
}

export interface RankSpread {
  koppelkans: string;
  row: number;
  /** Best and worst rank over the participants' versions of the ranking. */
  best: number;
  worst: number;
  /** worst − best. */
  change: number;
}

/**
 * The koppelkansen whose rank would change most between participants: for each
 * participant, the ranking with their scores of this round in place of the werkblad's
 * (other cells as on the werkblad); then per koppelkans the best and worst rank.
 * Largest change first; only koppelkansen that move.
 */
export function rankSpread(werkblad: Werkblad, summary: CellSummary[]): RankSpread[] {
  const factorIndex = new Map(werkblad.factors.map((f) => [norm(f.name), f.index]));
  const rowIndex = new Map(werkblad.rows.map((r, i) => [norm(r.koppelkans), i]));
  const people = new Map<string, { row: number; factor: number; score: number }[]>();
  for (const c of summary) {
    const f = factorIndex.get(norm(c.factor));
    const r = rowIndex.get(norm(c.koppelkans));
    if (f === undefined || r === undefined) continue;
    for (const s of c.scores) {
      const who = norm(s.deelnemer);
      if (!people.has(who)) people.set(who, []);
      people.get(who)!.push({ row: r, factor: f, score: s.score });
    }
  }
  if (people.size < 2) return [];
  const best = new Map<number, number>();
  const worst = new Map<number, number>();
  for (const cells of people.values()) {
    const rows = werkblad.rows.map((r) => ({ ...r, scores: [...r.scores] }));
    for (const c of cells) rows[c.row].scores[c.factor] = c.score;
    const ranked = rankRows(
      rows.map((r) => {
        const valid = r.status !== 'invalid' || !r.invalidScore;
        const scored = r.scores.some((s) => s !== null);
        return {
          ...r,
          total:
            valid && scored && werkblad.factors.every((f, i) => r.scores[i] === null || f.weging !== null) ? weightedTotal(r.scores, werkblad.factors) : null,
        };
      }),
    );
    for (const e of ranked) {
      best.set(e.row, Math.min(best.get(e.row) ?? Infinity, e.rank));
      worst.set(e.row, Math.max(worst.get(e.row) ?? -Infinity, e.rank));
    }
  }
  const out: RankSpread[] = [];
  for (const r of werkblad.rows) {
    const b = best.get(r.row);
    const w = worst.get(r.row);
    if (b === undefined || w === undefined || w === b) continue;
    out.push({ koppelkans: r.koppelkans || `rij ${r.row}`, row: r.row, best: b, worst: w, change: w - b });
  }
  return out.sort((a, b) => b.change - a.change || a.best - b.best);
}

/**
 * The group adopts a score for one cell: writes the werkblad score, records a
 * "vastgesteld" row in the round, and adds a note (Stap 3, conclusie, linked to the
 * koppelkans and factor) with the spread, the adopted value and why. The "vastgesteld" row
 * carries the note's id as its key (column H), so both can be withdrawn together
 * (`withdrawAdoption`) when the werkblad write did not go through.
 */
export function adoptScore(
  state: RondesState,
  werkblad: Werkblad,
  ronde: number,
  cell: CellSummary,
  value: number,
  why: string,
  author: string,
  now: Date,
  notulenSheet?: string,
): RondeResult & { noteId?: string } {
  if (checkScore(value).kind !== 'valid') return { ok: false, message: 'Een score is een heel getal van -10 tot en met 10.' };
  const row = werkblad.rows.find((r) => norm(r.koppelkans) === norm(cell.koppelkans));
  const factor = werkblad.factors.find((f) => norm(f.name) === norm(cell.factor));
  if (!row || !factor) return { ok: false, message: `"${cell.koppelkans}" of "${cell.factor}" staat niet (meer) op het werkblad; er is niets vastgesteld.` };
  const spread = cell.count ? `${cell.lowest} tot ${cell.highest}` : 'geen scores';
  const fmt = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));
  const text =
    `Score vastgesteld in ronde ${ronde}: ${value} (mediaan ${fmt(cell.median)}, spreiding ${spread}, ${cell.count} deelnemer${cell.count === 1 ? '' : 's'}).` +
    (why.trim() ? ` Waarom: ${why.trim()}` : '');
  const note = addNote(
    {
      author: author.trim() || 'Scoreronde',
      step: 'Stap 3',
      koppelkans: row.koppelkans,
      factor: factor.name,
      kind: 'conclusie',
      text,
      verantwoordelijke: '',
      date: '',
    },
    now,
    undefined,
    notulenSheet,
  );
  if (!note.ok) return note;
  return {
    ok: true,
    noteId: note.note.id,
    ops: [
      { kind: 'setCells', sheet: werkblad.layout.sheet, cell: cellAddress(row.row, factor.column), cells: [[{ number: value }]] },
      ...sheetOps(state),
      append([line('vastgesteld', ronde, author.trim(), row.koppelkans, factor.name, value, now, note.note.id)]),
      ...note.ops,
    ],
  };
}

/**
 * Removes one adoption's "vastgesteld" row and its note (both keyed by the note id that
 * `adoptScore` returned), for when its werkblad write was refused because a colleague
 * changed that score meanwhile. Only rows present in `snapshot` are named; none: no ops.
 */
export function withdrawAdoption(snapshot: WorkbookSnapshot, noteId: string, notulenSheet: string): PlanOp[] {
  const state = readRondes(snapshot);
  const ops: PlanOp[] = [];
  if (state.sheet && state.rows.some((r) => r.soort === 'vastgesteld' && r.key === noteId)) {
    ops.push({ kind: 'deleteRowByKey', sheet: state.sheet, minRow: RONDES.firstRow, keyColumn: 'H', key: noteId, firstColumn: 'A', lastColumn: 'H' });
  }
  const note = readNotes(snapshot).notes.find((n) => n.id === noteId);
  if (note) {
    const del = deleteNote(note, notulenSheet);
    if (del.ok) ops.push(...del.ops);
  }
  return ops;
}

// ---------------------------------------------------------------- merging workbooks collected by mail

export interface MergeSource {
  /** Shown in messages, and the participant's name when the workbook holds only werkblad scores (file name without extension). */
  name: string;
  snapshot: WorkbookSnapshot;
}

export interface MergeResult {
  ops: PlanOp[];
  /** Score rows added. */
  added: number;
  /** Participants whose scores were added. */
  participants: string[];
  /** Dutch lines about what was done or skipped per source. */
  messages: string[];
}

/**
 * Merges participants' scores from other workbooks into the rounds of `base`:
 * - a source with score rows on its own Scorerondes sheet: those rows (any round), except
 *   rows the base already holds with the same round, participant, cell and score;
 * - a source without them: its werkblad scores, as participant `name`, in round `ronde`
 *   (default: the base's latest round, or a new round 1 for every cell).
 * Rows are appended below the used range; a later row of the same participant and cell
 * counts (so a mailed-in score replaces an older one). Nothing to add: no ops at all (no
 * sheet, no empty round). Raises nothing.
 */
export function mergeRondes(base: RondesState, sources: MergeSource[], now: Date, ronde?: number): MergeResult {
  const ops: PlanOp[] = [...sheetOps(base)];
  const rows: CellInput[][] = [];
  const messages: string[] = [];
  const people = new Set<string>();
  const have = new Set(base.rows.filter((r) => r.soort === 'score').map((r) => `${scoreKey(r.ronde, r.deelnemer, r.koppelkans, r.factor)}|${String(r.score)}`));
  let target = ronde ?? base.rondes.reduce((m, r) => Math.max(m, r.nummer), 0);
  const knownRounds = new Set(base.rondes.map((r) => r.nummer));
  const ensureRound = (n: number) => {
    if (knownRounds.has(n)) return;
    knownRounds.add(n);
    rows.push(line('ronde', n, '', '', '', null, now));
  };
  for (const src of sources) {
    const state = readRondes(src.snapshot);
    const scores = state.rows.filter((r) => r.soort === 'score' && r.deelnemer && r.koppelkans && r.factor);
    let added = 0;
    if (scores.length) {
      for (const r of scores) {
        const id = `${scoreKey(r.ronde, r.deelnemer, r.koppelkans, r.factor)}|${String(r.score)}`;
        if (have.has(id)) continue;
        have.add(id);
        ensureRound(r.ronde);
        const score = checkScore(r.score);
        const cells = line('score', r.ronde, r.deelnemer, r.koppelkans, r.factor, null, now, scoreKey(r.ronde, r.deelnemer, r.koppelkans, r.factor));
        cells[5] = score.kind === 'valid' ? { number: score.value } : r.score === null ? { text: '' } : { text: String(r.score) };
        cells[6] = { text: r.time || fmtTime(now) };
        rows.push(cells);
        people.add(r.deelnemer);
        added++;
      }
      messages.push(
        `${src.name}: ${added} score${added === 1 ? '' : 's'} uit de scorerondes overgenomen${scores.length > added ? ` (${scores.length - added} stonden er al)` : ''}.`,
      );
      continue;
    }
    // only werkblad scores: they are this participant's scores in the target round
    const sheet = src.snapshot.sheets.find((s) => sameName(s.name, 'Werkblad koppelkansen kiezen'));
    if (!sheet) {
      messages.push(`${src.name}: geen werkblad en geen scorerondes gevonden; overgeslagen.`);
      continue;
    }
    if (target < 1) target = 1;
    const who = src.name.trim();
    for (let r = 6; r <= sheet.values.length; r++) {
      const koppelkans = textAt(sheet, r, 2);
      if (!koppelkans) continue;
      for (let c = 3; ; c++) {
        const factor = textAt(sheet, 3, c);
        if (!factor || factor.toLowerCase() === 'totalen') break;
        const check = checkScore(valueAt(sheet, r, c));
        if (check.kind !== 'valid') continue;
        const id = `${scoreKey(target, who, koppelkans, factor)}|${check.value}`;
        if (have.has(id)) continue;
        have.add(id);
        ensureRound(target); // only with a score to add: a copy without any writes nothing
        rows.push(line('score', target, who, koppelkans, factor, check.value, now, scoreKey(target, who, koppelkans, factor)));
        people.add(who);
        added++;
      }
    }
    messages.push(`${src.name}: ${added} score${added === 1 ? '' : 's'} van het werkblad overgenomen als scores van "${who}" in ronde ${target}.`);
  }
  if (rows.length) ops.push(append(rows));
  const added = rows.filter((r) => 'text' in r[0] && r[0].text === 'score').length;
  return { ops: rows.length ? ops : [], added, participants: [...people], messages };
}

/**
 * Stap 2 of the guide ("Breng opgaven, koppelkansen en succesfactoren in kaart",
 * chapter 3) on the werkblad and the longlist:
 *
 * - an opgave is selected when a werkblad row holds it in column A (tabel B); a
 *   koppelkans is selected when a row holds it in column B (tabel C) under its opgave;
 * - selecting writes into the first free prepared row (A, B and every score empty);
 * - deselecting clears the row's cells A..last factor (the product never deletes sheet
 *   rows), after saying what would be lost (scores, notes, the team's text on the row)
 *   when there is something;
 * - the team's text on a werkblad row (a remark typed right of Totalen, text typed over
 *   the Totalen formula) belongs to the koppelkans on that row: deselecting asks first,
 *   naming the cells, and then clears it with the row (see `teamCellsOf`); a row that
 *   still holds such text is never filled with another opgave or koppelkans;
 * - Excel comments and notes on the row's cells (read with the snapshot's definitions)
 *   stay on their cells when the row is cleared, in every adapter: deselecting names them
 *   (`Loss.comments`) so the team can move them first; the product does not delete them;
 *   a row that still holds one is never filled with another opgave or koppelkans either
 *   (`commentedRows`), so the team's comment never ends up beside a koppelkans it is not about;
 * - own opgaven and koppelkansen are appended to the longlist below its used range
 *   (appendRows: co-author safe, like notes), so the cell dropdowns pick them up too;
 * - the "minder concreet" mark and who makes the koppelkans concrete live in two
 *   longlist columns found by their labels (added at the first free column when missing).
 *
 * Names compare without case and surrounding spaces, as everywhere in the engine.
 */
import { cellAddress, columnLetter } from './a1';
import { commentedRows, commentKindsUnread, commentsOnRows, type AffectedComment } from './cellComments';
import { DEFAULT_LONGLIST, DEFAULT_OPGAVEN } from './defaults';
import { text } from './diff';
import type { EditResult } from './edits';
import { columnCount, formulaAt, isEmpty, textAt, valueAt } from './grid';
import { LONGLIST, WERKBLAD, sameName } from './layout';
import type { Longlist, LonglistLayout } from './longlist';
import { nameKey } from './names';
import type { NotesState } from './notes';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { checkScore, type Werkblad } from './werkblad';

/**
 * What Stap 2 needs of an Analysis (analyze.ts builds on this module, so it is
 * described here instead of imported: no import cycle).
 */
export interface Analysis {
  longlist: Longlist;
  longlistInWorkbook: boolean;
  werkblad: Werkblad | null;
  minderConcreet: MinderConcreet[];
}

/** Longest opgave or koppelkans name the pane accepts (Excel's limit for a list item). */
const MAX_NAME_LENGTH = 255;

export interface MinderConcreet {
  opgave: string;
  koppelkans: string;
  /** Who makes the koppelkans concrete ("" when nobody is named yet). */
  verantwoordelijke: string;
  /** Row on the longlist sheet. */
  row: number;
}

export interface Stap2Koppelkans {
  opgave: string;
  koppelkans: string;
  toelichting: string;
  /** Not in the built-in longlist: the team added it. */
  own: boolean;
  /** Longlist row (0 when it comes from the built-in list because the workbook has none). */
  longlistRow: number;
  /** Werkblad rows holding this koppelkans under this opgave (selected when not empty). */
  rows: number[];
  minderConcreet: MinderConcreet | null;
}

interface Stap2Opgave {
  opgave: string;
  toelichting: string;
  own: boolean;
  /** Werkblad rows whose column A holds this opgave (selected when not empty). */
  rows: number[];
  koppelkansen: Stap2Koppelkans[];
}

export interface Stap2Model {
  opgaven: Stap2Opgave[];
  /** Werkblad rows whose opgave or koppelkans is not on the longlist (typed by hand). */
  elsewhere: { row: number; opgave: string; koppelkans: string }[];
  /** The first free prepared werkblad row (A, B and every score empty, no team text, no comment: `rowIsFree`). */
  freeRow: number;
}

const DEFAULT_OPGAVE_KEYS = new Set(DEFAULT_OPGAVEN.map((o) => nameKey(o.opgave)));
const DEFAULT_KOPPELKANS_KEYS = new Set(DEFAULT_LONGLIST.map((k) => `${nameKey(k.opgave)}\u0000${nameKey(k.koppelkans)}`));

function longlistSheet(snapshot: WorkbookSnapshot, analysis: Pick<Analysis, 'longlist' | 'longlistInWorkbook'>): SheetSnapshot | undefined {
  const layout = analysis.longlist.layout;
  return layout && analysis.longlistInWorkbook ? snapshot.sheets.find((s) => s.name === layout.sheet) : undefined;
}

/** Columns of the mark and of the verantwoordelijke on the longlist's header row (0 when absent). */
function minderConcreetColumns(sheet: SheetSnapshot, layout: LonglistLayout): { mark: number; verantwoordelijke: number } {
  let mark = 0;
  let verantwoordelijke = 0;
  const width = columnCount(sheet);
  for (let c = 1; c <= width; c++) {
    const label = nameKey(textAt(sheet, layout.headerRow, c));
    if (!mark && label === nameKey(LONGLIST.minderConcreetLabel)) mark = c;
    else if (!verantwoordelijke && label === nameKey(LONGLIST.verantwoordelijkeLabel)) verantwoordelijke = c;
  }
  return { mark, verantwoordelijke };
}

/** A mark cell counts when it holds anything but "nee"/"onwaar"/FALSE/0. */
function isMarked(v: CellValue): boolean {
  if (v === null || v === undefined || v === '' || v === false || v === 0) return false;
  return !/^(nee|no|onwaar|false|0)$/i.test(String(v).trim());
}

/**
 * The koppelkansen the team marked "minder concreet" (guide, Stap 2: "Maak iemand
 * verantwoordelijk voor het concretiseren van die koppelkans"), from the longlist
 * sheet's "Minder concreet" and "Verantwoordelijke concretiseren" columns. Empty when
 * the workbook has no longlist or no such column.
 */
export function readMinderConcreet(snapshot: WorkbookSnapshot, analysis: Pick<Analysis, 'longlist' | 'longlistInWorkbook'>): MinderConcreet[] {
  const sheet = longlistSheet(snapshot, analysis);
  const layout = analysis.longlist.layout;
  if (!sheet || !layout) return [];
  const cols = minderConcreetColumns(sheet, layout);
  if (!cols.mark) return [];
  const out: MinderConcreet[] = [];
  for (let r = layout.headerRow + 1; r <= sheet.values.length; r++) {
    const koppelkans = textAt(sheet, r, layout.koppelkansColumn);
    if (!koppelkans || !isMarked(valueAt(sheet, r, cols.mark))) continue;
    out.push({
      opgave: textAt(sheet, r, layout.opgaveColumn),
      koppelkans,
      verantwoordelijke: cols.verantwoordelijke ? textAt(sheet, r, cols.verantwoordelijke) : '',
      row: r,
    });
  }
  return out;
}

/** A cell of a werkblad row that holds the team's own text (see `teamCellsOf`). */
export interface TeamCell {
  sheet: string;
  /** A1 address on `sheet`. */
  cell: string;
  /** 1-based row and column of `cell`. */
  row: number;
  column: number;
  /** The text (or number, as text) the cell shows. */
  text: string;
}

/**
 * The team's own text on werkblad row `row`: every cell right of Totalen that holds a
 * value typed by hand (not a formula), and a Totalen cell whose formula the team typed
 * over. The product owns A..Totalen of a data row; everything right of it is the team's.
 *
 * Why typed values and not formulas: a remark ("navragen bij de GGD") is about the
 * koppelkans on its row, so it must not stay behind on an emptied row and end up next to
 * the next koppelkans that fills the row; a formula the team filled down a column
 * computes from whatever row it is on, so it stays and is never counted.
 * Excel's cell comments and notes are not cells' content: they stay on a cleared cell, and
 * the deselect question names them separately (`Loss.comments`).
 *
 * In: the Stap 2 context and a 1-based row. Out: the cells, left to right ([] when none).
 */
export function teamCellsOf(ctx: Pick<Stap2Context, 'sheet' | 'werkblad'>, row: number): TeamCell[] {
  const out: TeamCell[] = [];
  const { sheet } = ctx;
  const totalen = ctx.werkblad.layout.totalenColumn;
  const width = Math.max(sheet.values[row - 1]?.length ?? 0, sheet.formulas?.[row - 1]?.length ?? 0);
  for (let c = totalen; c <= width; c++) {
    if (isEmpty(valueAt(sheet, row, c)) || formulaAt(sheet, row, c)) continue;
    out.push({ sheet: sheet.name, cell: cellAddress(row, c), row, column: c, text: textAt(sheet, row, c) });
  }
  return out;
}

/**
 * True when the werkblad row has nothing in A, B and the factor columns (values or
 * formulas), no team text (`teamCellsOf`) and no Excel comment or note (`commented`,
 * from `commentedRows`): a row with a team's remark or comment is never filled.
 */
function rowIsFree(sheet: SheetSnapshot, werkblad: Werkblad, row: number, commented: ReadonlySet<number>): boolean {
  if (commented.has(row)) return false;
  for (let c = 1; c <= werkblad.layout.lastFactorColumn; c++) {
    if (!isEmpty(valueAt(sheet, row, c)) || formulaAt(sheet, row, c)) return false;
  }
  return teamCellsOf({ sheet, werkblad }, row).length === 0;
}

/**
 * The first free werkblad row (`rowIsFree`) from the first data row down. There always is
 * one: below the last row holding anything, every row is free, and one below the prepared
 * rows is prepared by the plan of the same edit (dropdowns, validation, Totalen).
 */
function firstFreeRow(sheet: SheetSnapshot, werkblad: Werkblad, commented: ReadonlySet<number>): number {
  let r = werkblad.layout.firstDataRow;
  while (!rowIsFree(sheet, werkblad, r, commented)) r++;
  return r;
}

/** The Stap 2 picture: every opgave with its koppelkansen, what is selected and where. */
export function readStap2(snapshot: WorkbookSnapshot, analysis: Analysis): Stap2Model | null {
  const wb = analysis.werkblad;
  const sheet = wb ? snapshot.sheets.find((s) => s.name === wb.layout.sheet) : undefined;
  if (!wb || !sheet) return null;
  const ll = analysis.longlist;
  const llSheet = longlistSheet(snapshot, analysis);
  const marks = new Map(analysis.minderConcreet.map((m) => [`${nameKey(m.opgave)}\u0000${nameKey(m.koppelkans)}`, m]));

  const opgaven = new Map<string, Stap2Opgave>();
  const opgaveOf = (name: string): Stap2Opgave => {
    const key = nameKey(name);
    let o = opgaven.get(key);
    if (!o) {
      const builtIn = DEFAULT_OPGAVEN.find((d) => nameKey(d.opgave) === key);
      o = { opgave: name.trim(), toelichting: builtIn?.toelichting ?? '', own: !DEFAULT_OPGAVE_KEYS.has(key), rows: [], koppelkansen: [] };
      opgaven.set(key, o);
    }
    return o;
  };
  for (const name of ll.opgaven) opgaveOf(name);
  // an opgave row without koppelkans on the longlist carries the opgave's own toelichting
  if (llSheet && ll.layout && ll.layout.toelichtingColumn) {
    for (let r = ll.layout.headerRow + 1; r <= ll.layout.lastRow; r++) {
      const o = textAt(llSheet, r, ll.layout.opgaveColumn);
      const t = textAt(llSheet, r, ll.layout.toelichtingColumn);
      if (o && t && !textAt(llSheet, r, ll.layout.koppelkansColumn)) opgaveOf(o).toelichting = t;
    }
  }
  const kkIndex = new Map<string, Stap2Koppelkans>();
  for (const e of ll.entries) {
    if (!e.opgave) continue;
    const o = opgaveOf(e.opgave);
    const key = `${nameKey(e.opgave)}\u0000${nameKey(e.koppelkans)}`;
    if (kkIndex.has(key)) continue;
    const k: Stap2Koppelkans = {
      opgave: o.opgave,
      koppelkans: e.koppelkans,
      toelichting: e.toelichting,
      own: !DEFAULT_KOPPELKANS_KEYS.has(key),
      longlistRow: e.row,
      rows: [],
      minderConcreet: marks.get(key) ?? null,
    };
    kkIndex.set(key, k);
    o.koppelkansen.push(k);
  }
  const elsewhere: Stap2Model['elsewhere'] = [];
  for (const row of wb.rows) {
    if (!row.opgave && !row.koppelkans) continue;
    const o = row.opgave ? opgaven.get(nameKey(row.opgave)) : undefined;
    if (o) o.rows.push(row.row);
    const k = row.koppelkans ? kkIndex.get(`${nameKey(row.opgave)}\u0000${nameKey(row.koppelkans)}`) : undefined;
    if (k) k.rows.push(row.row);
    if (!o || (row.koppelkans && !k)) elsewhere.push({ row: row.row, opgave: row.opgave, koppelkans: row.koppelkans });
  }
  return { opgaven: [...opgaven.values()], elsewhere, freeRow: firstFreeRow(sheet, wb, commentedRows(snapshot, sheet.name)) };
}

/**
 * What clearing werkblad rows would lose: valid scores (whole numbers -10..10), notes
 * about a koppelkans that leaves the werkblad, and the team's own content on the rows
 * (`team`; absent means none): anything else in a score cell, and text right of Totalen.
 */
export interface Loss {
  scores: number;
  notes: number;
  team?: TeamCell[];
  /**
   * The Excel comments and notes on the rows' cells (any column), when the snapshot carries
   * them (`Stap2Context.comments`). Not lost: clearing leaves a comment on its cell in every
   * adapter, so it stays on the emptied row (which is then not chosen for another opgave or
   * koppelkans while the comment is there: `commentedRows`). Absent: none.
   */
  comments?: AffectedComment[];
  /** 'comments' / 'notes' when the snapshot could not hold them (`commentKindsUnread`); absent: all read. */
  commentsUnread?: ('comments' | 'notes')[];
}

/**
 * The pane's sentence, after the loss, when team text goes with a deselected row: why it
 * goes (it is about the koppelkans on that row) and how to keep it.
 */
export const TEAM_TEXT_GOES =
  'Jullie tekst op de rij hoort bij die koppelkans: hij gaat mee weg, zodat hij niet op een lege rij blijft staan en later naast een andere koppelkans terechtkomt. Wil je hem bewaren, zet hem dan eerst ergens anders neer.';

/** True when a Loss is exactly one thing (1 score, 1 notitie or 1 cell of team text): Dutch then says "gaat" instead of "gaan". */
export function lossIsOne(loss: Loss): boolean {
  return loss.scores + loss.notes + (loss.team?.length ?? 0) === 1;
}

/** Longest piece of a team cell's text quoted in a question; longer text is cut with "…". */
const QUOTE_LENGTH = 40;
/** Team cells named one by one in a question; the rest are counted. */
const NAMED_CELLS = 3;

/** "Werkblad!K7 (“navragen bij de GGD”)": a team cell as the pane names it. */
function describeTeamCell(c: TeamCell): string {
  const t = c.text.replace(/\s+/g, ' ').trim();
  return `${c.sheet}!${c.cell} (“${t.length > QUOTE_LENGTH ? `${t.slice(0, QUOTE_LENGTH - 1)}…` : t}”)`;
}

/** "a", "a en b", "a, b en c". */
function dutchList(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/**
 * Dutch phrase for a Loss ("3 scores, 1 notitie en jullie tekst in Werkblad!K7
 * (“navragen bij de GGD”)"), "" when nothing is lost. At most three team cells are named,
 * with their text cut to 40 characters; more are counted ("en in nog 2 cellen").
 */
export function describeLoss(loss: Loss): string {
  const parts: string[] = [];
  if (loss.scores) parts.push(loss.scores === 1 ? '1 score' : `${loss.scores} scores`);
  if (loss.notes) parts.push(loss.notes === 1 ? '1 notitie' : `${loss.notes} notities`);
  const team = loss.team ?? [];
  if (team.length) {
    const named = team.slice(0, NAMED_CELLS).map(describeTeamCell);
    const rest = team.length - named.length;
    parts.push(`jullie tekst in ${dutchList(named)}${rest ? ` en in nog ${rest === 1 ? '1 cel' : `${rest} cellen`}` : ''}`);
  }
  return dutchList(parts);
}

export interface Stap2Context {
  sheet: SheetSnapshot;
  werkblad: Werkblad;
  notes: NotesState;
  /** The snapshot, for its cell comments (`definitions.comments`, read on request); absent or read without definitions: comments are not judged. */
  snapshot?: WorkbookSnapshot;
}

/** The werkblad sheet and model of an analysis, or a Dutch reason why Stap 2 cannot run. */
export function stap2Context(snapshot: WorkbookSnapshot, analysis: Analysis, notes: NotesState): Stap2Context | { message: string } {
  const wb = analysis.werkblad;
  const sheet = wb ? snapshot.sheets.find((s) => s.name === wb.layout.sheet) : undefined;
  if (!wb || !sheet) return { message: 'Er is nog geen werkblad met succesfactoren. Maak eerst de indeling aan (Start).' };
  return { sheet, werkblad: wb, notes, snapshot };
}

/**
 * What clearing `rows` loses. A score is what the guide calls one: a typed whole number
 * from -10 to 10 (`checkScore`); anything else in a score cell (text such as "n.v.t.", a
 * number off the scale, a formula) is the team's own content and is named by cell in
 * `team`, before the team text right of Totalen, row by row. With a snapshot read with its
 * definitions, also the Excel comments on the rows (`Loss.comments`, which stay) and the
 * kinds the adapter could not read (`Loss.commentsUnread`).
 */
function lossOf(ctx: Stap2Context, rows: number[]): Loss {
  let scores = 0;
  const leaving = new Map<string, number>();
  const team: TeamCell[] = [];
  for (const r of rows) {
    for (const f of ctx.werkblad.factors) {
      const v = valueAt(ctx.sheet, r, f.column);
      const formula = formulaAt(ctx.sheet, r, f.column);
      if (!formula && isEmpty(v)) continue;
      if (!formula && checkScore(v).kind === 'valid') scores++;
      else team.push({ sheet: ctx.sheet.name, cell: cellAddress(r, f.column), row: r, column: f.column, text: formula ?? textAt(ctx.sheet, r, f.column) });
    }
    team.push(...teamCellsOf(ctx, r));
    const k = nameKey(textAt(ctx.sheet, r, WERKBLAD.koppelkansColumn));
    if (k) leaving.set(k, (leaving.get(k) ?? 0) + 1);
  }
  let notes = 0;
  for (const [k, count] of leaving) {
    const remaining = ctx.werkblad.rows.filter((row) => nameKey(row.koppelkans) === k).length - count;
    if (remaining > 0) continue; // still on the werkblad in another row: its notes keep their koppelkans
    notes += ctx.notes.notes.filter((n) => nameKey(n.koppelkans) === k).length;
  }
  const loss: Loss = { scores, notes, team };
  // comments are judged only on a read that asked for them (SnapshotRequest.definitions)
  if (ctx.snapshot?.definitions) {
    const comments = commentsOnRows(ctx.snapshot, ctx.sheet.name, rows);
    if (comments.length) loss.comments = comments;
    const unread = commentKindsUnread(ctx.snapshot);
    if (unread.length) loss.commentsUnread = unread;
  }
  return loss;
}

/** Guarded setCells: written only when the cells still hold what was read (co-author safe). */
function guarded(ctx: Stap2Context, row: number, column: number, cells: CellInput[]): PlanOp {
  const expect = [cells.map((_, j) => valueAt(ctx.sheet, row, column + j))];
  return { kind: 'setCells', sheet: ctx.sheet.name, cell: cellAddress(row, column), cells: [cells], expect };
}

/**
 * Clears a deselected row: fromColumn..last factor, and each cell of the team's text on
 * the row (`teamCellsOf`; the pane asked first, naming them), every op guarded so a
 * colleague's change meanwhile refuses the write. The Totalen formula and the team's
 * formulas stay.
 */
function clearCells(ctx: Stap2Context, row: number, fromColumn: number): PlanOp[] {
  const cells: CellInput[] = [];
  for (let c = fromColumn; c <= ctx.werkblad.layout.lastFactorColumn; c++) cells.push({ clear: true });
  const team = teamCellsOf(ctx, row).map((t): PlanOp => ({
    kind: 'setCells',
    sheet: ctx.sheet.name,
    cell: t.cell,
    cells: [[{ clear: true }]],
    expect: [[valueAt(ctx.sheet, t.row, t.column)]],
  }));
  return [guarded(ctx, row, fromColumn, cells), ...team];
}

function rowsOf(ctx: Stap2Context, opgave: string): number[] {
  return ctx.werkblad.rows.filter((r) => nameKey(r.opgave) === nameKey(opgave)).map((r) => r.row);
}

/**
 * Selects an opgave: its name in column A of the first free row (`rowIsFree`: no team
 * text and, when `ctx.snapshot` carries them, no Excel comment or note on the row);
 * nothing when it is already there.
 */
export function selectOpgaveEdit(ctx: Stap2Context, opgave: string): EditResult {
  const name = opgave.trim();
  if (!name) return { ok: false, message: 'Kies een opgave.' };
  if (rowsOf(ctx, name).length) return { ok: true, ops: [] };
  const row = firstFreeRow(ctx.sheet, ctx.werkblad, commentedRows(ctx.snapshot, ctx.sheet.name));
  return { ok: true, ops: [guarded(ctx, row, WERKBLAD.opgaveColumn, [text(name)])] };
}

/**
 * Deselects an opgave: clears A..last factor and the team's text (`teamCellsOf`) of every
 * row that holds it. `loss` says what goes (the pane asks first when it is not nothing).
 */
export function deselectOpgaveEdit(ctx: Stap2Context, opgave: string): EditResult & { loss?: Loss } {
  const rows = rowsOf(ctx, opgave);
  return { ok: true, ops: rows.flatMap((r) => clearCells(ctx, r, WERKBLAD.opgaveColumn)), loss: lossOf(ctx, rows) };
}

/**
 * Selects a koppelkans under its opgave: into a row of that opgave without koppelkans,
 * without scores, without team text (`teamCellsOf`) and without an Excel comment or note
 * (`commentedRows`, judged when `ctx.snapshot` carries the comments: read it with
 * `SnapshotRequest.definitions`) when there is one, else into the first free row (opgave
 * and koppelkans; a row with team text or a comment is never free). Nothing when it is
 * already on the werkblad under this opgave.
 */
export function selectKoppelkansEdit(ctx: Stap2Context, opgave: string, koppelkans: string): EditResult & { row?: number } {
  const o = opgave.trim();
  const k = koppelkans.trim();
  if (!o || !k) return { ok: false, message: 'Een koppelkans hoort bij een opgave: kies beide.' };
  const rows = ctx.werkblad.rows.filter((r) => nameKey(r.opgave) === nameKey(o));
  const existing = rows.find((r) => nameKey(r.koppelkans) === nameKey(k));
  if (existing) return { ok: true, ops: [], row: existing.row };
  const commented = commentedRows(ctx.snapshot, ctx.sheet.name);
  const open = rows.find((r) => !r.koppelkans && r.scored === 0 && !r.invalidScore && !commented.has(r.row) && teamCellsOf(ctx, r.row).length === 0);
  if (open) {
    return {
      ok: true,
      row: open.row,
      ops: [guarded(ctx, open.row, WERKBLAD.koppelkansColumn, [text(k)])],
    };
  }
  const row = firstFreeRow(ctx.sheet, ctx.werkblad, commented);
  return { ok: true, row, ops: [guarded(ctx, row, WERKBLAD.opgaveColumn, [text(o), text(k)])] };
}

/**
 * Deselects the koppelkans of a werkblad row: clears B..last factor when it is its
 * opgave's only row (the opgave stays selected), else A..last factor, and the team's text
 * on the row (`teamCellsOf`: it was about this koppelkans). `loss` says what goes: the
 * scores of the row, the notes about the koppelkans when no other row keeps it on the
 * werkblad (the notes stay on Notulen, without a koppelkans to score), and the team cells.
 */
export function deselectKoppelkansEdit(ctx: Stap2Context, row: number): EditResult & { loss?: Loss } {
  return deselectKoppelkansRowsEdit(ctx, [row]);
}

/**
 * Deselects a koppelkans that stands on the werkblad rows `rows` (one row, or more when the
 * team typed it again in the grid), in one edit: each row cleared as `deselectKoppelkansEdit`
 * clears one, except that when these are all of their opgave's rows the first keeps the
 * opgave (it stays selected). `loss` is of all the rows together: a note loses its
 * koppelkans only when no row of it is left, so counted row by row a koppelkans on two rows
 * lost its notes unasked. Rows without a koppelkans are left alone.
 */
export function deselectKoppelkansRowsEdit(ctx: Stap2Context, rows: readonly number[]): EditResult & { loss: Loss } {
  const found = ctx.werkblad.rows.filter((x) => rows.includes(x.row) && !!x.koppelkans);
  if (!found.length) return { ok: true, ops: [], loss: { scores: 0, notes: 0, team: [] } };
  const going = new Set(found.map((r) => r.row));
  const keeping = new Set<string>();
  const ops: PlanOp[] = [];
  for (const r of found) {
    const key = nameKey(r.opgave);
    const keep = !!r.opgave && !keeping.has(key) && rowsOf(ctx, r.opgave).every((x) => going.has(x));
    if (keep) keeping.add(key);
    ops.push(...clearCells(ctx, r.row, keep ? WERKBLAD.koppelkansColumn : WERKBLAD.opgaveColumn));
  }
  return { ok: true, ops, loss: lossOf(ctx, [...going]) };
}

/** null when `name` can be a new opgave or koppelkans name, else a Dutch message. */
export function validateName(name: string, what: 'opgave' | 'koppelkans'): string | null {
  const t = name.trim();
  if (!t) return `Geef de ${what} een naam.`;
  if (/[\r\n\t]/.test(t)) return `De naam van een ${what} past op één regel: haal de regelovergang weg.`;
  if (t.length > MAX_NAME_LENGTH) return `De naam is ${t.length} tekens; een keuzelijst in Excel toont er hoogstens ${MAX_NAME_LENGTH}.`;
  return null;
}

function needLonglist(analysis: Analysis): LonglistLayout | { message: string } {
  const ll = analysis.longlist.layout;
  if (!analysis.longlistInWorkbook || !ll) {
    return { message: 'De werkmap heeft geen blad met de longlist (Opgave, Koppelkans). Kies "Werkmap voorbereiden" op Controle; dan komt de longlist erin.' };
  }
  return ll;
}

function longlistRow(ll: LonglistLayout, values: { opgave: string; koppelkans: string; toelichting: string }): { firstColumn: string; cells: CellInput[] } {
  const cols = [ll.opgaveColumn, ll.koppelkansColumn, ...(ll.toelichtingColumn ? [ll.toelichtingColumn] : [])];
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const cells: CellInput[] = [];
  for (let c = first; c <= last; c++) {
    const v = c === ll.opgaveColumn ? values.opgave : c === ll.koppelkansColumn ? values.koppelkans : c === ll.toelichtingColumn ? values.toelichting : '';
    cells.push(v ? text(v) : { clear: true });
  }
  return { firstColumn: columnLetter(first), cells };
}

/**
 * An own opgave: appended to the longlist below its used range (co-author safe) with
 * its toelichting, and selected on the werkblad. Refused when the name exists already.
 */
export function ownOpgaveEdit(ctx: Stap2Context, analysis: Analysis, opgave: string, toelichting: string): EditResult {
  const ll = needLonglist(analysis);
  if ('message' in ll) return { ok: false, message: ll.message };
  const name = opgave.trim();
  const invalid = validateName(name, 'opgave');
  if (invalid) return { ok: false, message: invalid };
  if (analysis.longlist.opgaven.some((o) => nameKey(o) === nameKey(name))) {
    return { ok: false, message: `De opgave “${name}” staat al op de longlist: kies hem in de lijst.` };
  }
  const row = longlistRow(ll, { opgave: name, koppelkans: '', toelichting: toelichting.trim() });
  const select = selectOpgaveEdit(ctx, name);
  return {
    ok: true,
    ops: [{ kind: 'appendRows', sheet: ll.sheet, minRow: ll.headerRow + 1, firstColumn: row.firstColumn, rows: [row.cells] }, ...(select.ok ? select.ops : [])],
  };
}

/**
 * An own koppelkans under an opgave: appended to the longlist (co-author safe) and put
 * on the werkblad like a selected one. Refused when the opgave has it already.
 */
export function ownKoppelkansEdit(ctx: Stap2Context, analysis: Analysis, opgave: string, koppelkans: string, toelichting: string): EditResult {
  const ll = needLonglist(analysis);
  if ('message' in ll) return { ok: false, message: ll.message };
  const o = opgave.trim();
  const k = koppelkans.trim();
  const invalid = validateName(k, 'koppelkans');
  if (invalid) return { ok: false, message: invalid };
  if (!o) return { ok: false, message: 'Kies eerst de opgave waar de koppelkans bij hoort.' };
  if (analysis.longlist.entries.some((e) => nameKey(e.opgave) === nameKey(o) && nameKey(e.koppelkans) === nameKey(k))) {
    return { ok: false, message: `“${k}” staat al op de longlist bij ${o}: kies hem in de lijst.` };
  }
  const row = longlistRow(ll, { opgave: o, koppelkans: k, toelichting: toelichting.trim() });
  const select = selectKoppelkansEdit(ctx, o, k);
  return {
    ok: true,
    ops: [{ kind: 'appendRows', sheet: ll.sheet, minRow: ll.headerRow + 1, firstColumn: row.firstColumn, rows: [row.cells] }, ...(select.ok ? select.ops : [])],
  };
}

/** A "minder concreet" mark as the pane last read it (or wants it): marked or not, and who makes it concrete ("" when nobody). */
export interface MinderConcreetState {
  marked: boolean;
  verantwoordelijke: string;
}

/**
 * The "minder concreet" state of longlist row `longlistRowNumber` (1-based) in `snapshot`,
 * also when unmarked (then `verantwoordelijke` is whatever the name cell still holds).
 * Unmarked with "" when the workbook has no longlist or no such columns.
 */
export function minderConcreetAt(
  snapshot: WorkbookSnapshot,
  analysis: Pick<Analysis, 'longlist' | 'longlistInWorkbook'>,
  longlistRowNumber: number,
): MinderConcreetState {
  const sheet = longlistSheet(snapshot, analysis);
  const layout = analysis.longlist.layout;
  if (!sheet || !layout) return { marked: false, verantwoordelijke: '' };
  const cols = minderConcreetColumns(sheet, layout);
  return {
    marked: cols.mark ? isMarked(valueAt(sheet, longlistRowNumber, cols.mark)) : false,
    verantwoordelijke: cols.verantwoordelijke ? textAt(sheet, longlistRowNumber, cols.verantwoordelijke).trim() : '',
  };
}

/**
 * Marks (or unmarks) a longlist koppelkans as "minder concreet" with who makes it
 * concrete (guide, Stap 2: "Maak iemand verantwoordelijk voor het concretiseren van die
 * koppelkans"). The two columns are found by label; when missing they are added at the
 * first column right of everything on the longlist sheet (their header cells), so no
 * cell of the team's is written over.
 *
 * `longlistRowNumber` is the koppelkans's 1-based row on the longlist sheet of `snapshot`.
 * Without `expected` both cells are written (unmarking clears the name). With `expected`
 * (what the pane last read: co-author safe, as the team's other text):
 * - only what differs from `expected` is written: the mark when `marked` changed, the name
 *   when the typed name (trimmed) differs; unmarking clears the name only while it still
 *   holds the name the pane showed (another name is a colleague's and stays);
 * - when the workbook now holds something else than `expected` in a cell that would be
 *   written (a colleague changed it meanwhile), nothing is written and the Dutch message
 *   names sheet, cell and the colleague's version, so the pane can show both and ask;
 * - every written cell carries `expect` (its value in `snapshot`), for a change between
 *   this read and the write.
 * Refuses (ok: false, Dutch message) without a longlist, for a row above the data, and for
 * a name over one line or longer than MAX_NAME_LENGTH characters.
 */
export function minderConcreetEdit(
  snapshot: WorkbookSnapshot,
  analysis: Analysis,
  longlistRowNumber: number,
  marked: boolean,
  verantwoordelijke: string,
  expected?: MinderConcreetState,
): EditResult {
  const ll = needLonglist(analysis);
  if ('message' in ll) return { ok: false, message: ll.message };
  const sheet = snapshot.sheets.find((s) => sameName(s.name, ll.sheet));
  if (!sheet || longlistRowNumber <= ll.headerRow) return { ok: false, message: 'Deze koppelkans staat niet op de longlist van de werkmap.' };
  const who = verantwoordelijke.trim();
  if (/[\r\n\t]/.test(who) || who.length > MAX_NAME_LENGTH) return { ok: false, message: 'Vul bij verantwoordelijke een naam in (één regel).' };
  const ops: PlanOp[] = [];
  const found = minderConcreetColumns(sheet, ll);
  let { mark, verantwoordelijke: vCol } = found;
  const markedNow = mark ? isMarked(valueAt(sheet, longlistRowNumber, mark)) : false;
  const whoNow = vCol ? textAt(sheet, longlistRowNumber, vCol).trim() : '';
  // what to write: everything without `expected`, else only what the user changed
  let writeMark = true;
  let writeWho = true;
  if (expected) {
    const base = expected.verantwoordelijke.trim();
    writeMark = marked !== expected.marked && marked !== markedNow;
    writeWho = marked ? who !== base && who !== whoNow : whoNow !== '' && whoNow === base && expected.marked;
    const where = (column: number | undefined) => (column ? `${sheet.name}!${cellAddress(longlistRowNumber, column)}` : `het blad ${sheet.name}`);
    // (a mark a colleague changed meanwhile is either what the user wants now or what the pane read: no conflict on its own)
    if (marked && expected.marked && !markedNow && writeWho) {
      return {
        ok: false,
        message: `Een collega heeft “minder concreet” intussen uitgezet (${where(mark)}). Er is niets overschreven; kies welke versie je houdt.`,
      };
    }
    if (marked && writeWho && whoNow !== base) {
      return {
        ok: false,
        message: `Een collega heeft de verantwoordelijke intussen veranderd in “${whoNow || '(leeg)'}” (${where(vCol)}). Er is niets overschreven; kies welke versie je houdt.`,
      };
    }
    if (!writeMark && !writeWho) return { ok: true, ops: [] };
  }
  let next = columnCount(sheet) + 1;
  if (!mark) {
    mark = next++;
    ops.push({ kind: 'setCells', sheet: sheet.name, cell: cellAddress(ll.headerRow, mark), cells: [[text(LONGLIST.minderConcreetLabel)]], expect: [[null]] });
  }
  if (!vCol) {
    vCol = next++;
    ops.push({
      kind: 'setCells',
      sheet: sheet.name,
      cell: cellAddress(ll.headerRow, vCol),
      cells: [[text(LONGLIST.verantwoordelijkeLabel)]],
      expect: [[null]],
    });
  }
  if (ops.length) {
    const first = Math.min(mark, vCol);
    ops.push({
      kind: 'setStyle',
      sheet: sheet.name,
      range: `${cellAddress(ll.headerRow, first)}:${cellAddress(ll.headerRow, Math.max(mark, vCol))}`,
      style: { bold: true },
    });
  }
  const guard = (column: number) => (expected ? { expect: [[valueAt(sheet, longlistRowNumber, column)]] } : {});
  if (writeMark) {
    ops.push({
      kind: 'setCells',
      sheet: sheet.name,
      cell: cellAddress(longlistRowNumber, mark),
      cells: [[marked ? text(LONGLIST.minderConcreetMark) : { clear: true }]],
      ...guard(mark),
    });
  }
  if (writeWho) {
    ops.push({
      kind: 'setCells',
      sheet: sheet.name,
      cell: cellAddress(longlistRowNumber, vCol),
      cells: [[marked && who ? text(who) : { clear: true }]],
      ...guard(vCol),
    });
  }
  return { ok: true, ops };
}

/**
 * Small plans for the edits people make through the task pane: a score, the weights,
 * the team's order, a checklist status. Each validates its input first and returns
 * Dutch problems instead of writing bad data.
 */
import { isoToSerial } from './dates';
import { cellAddress, columnLetter, parseCell } from './a1';
import type { ChecklistState, ChecklistStatus } from './checklist';
import { STATUS_CHOICE, STATUSES } from './checklistStatus';
import { CHECKLIST, WERKBLAD } from './layout';
import { cellMatches } from './diff';
import { valueAt } from './grid';
import { prioCheckKey, type PrioLayout } from './prioritering';
import { nameKey } from './names';
import { deviatingEntries, rankRows, topN, type RankEntry } from './ranking';
import type { CellInput, CellValue, PlanOp, SheetSnapshot } from './snapshot';
import { MAX_CELL_TEXT } from './textSafety';
import { weightedTotal, type KoppelkansRow, type Werkblad } from './werkblad';

export type EditResult = { ok: true; ops: PlanOp[] } | { ok: false; message: string };

/** Parses what someone typed as a score: "" clears; else a whole number −10..10. */
export function parseScoreInput(input: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = input.trim().replace(/^\u2212/, '-');
  if (t === '') return { ok: true, value: null };
  if (!/^[+-]?\d+$/.test(t)) return { ok: false, message: 'Vul een heel getal van -10 tot en met 10 in, of laat het leeg.' };
  const n = Number(t);
  if (n < -10 || n > 10) return { ok: false, message: `${n} ligt buiten -10 tot en met 10.` };
  return { ok: true, value: n === 0 ? 0 : n };
}

/**
 * Writes one score typed in the pane into werkblad row `row` (1-based), factor number
 * `factorIndex` (0-based, in werkblad order): a whole number −10..10, or empty to clear.
 * With `expected` (the cell's value when the user started typing, as last read) the write is
 * guarded: a colleague's score typed there meanwhile is reported as a conflict and kept.
 * Refuses (Dutch message with sheet and cell) an input that is not a valid score.
 */
export function scoreEdit(werkblad: Werkblad, row: number, factorIndex: number, input: string, expected?: CellValue): EditResult {
  const f = werkblad.factors[factorIndex];
  if (!f) return { ok: false, message: 'Onbekende succesfactor.' };
  const parsed = parseScoreInput(input);
  if (!parsed.ok) return { ok: false, message: `${werkblad.layout.sheet}!${cellAddress(row, f.column)}: ${parsed.message}` };
  const cell: CellInput = parsed.value === null ? { clear: true } : { number: parsed.value };
  const guard = expected !== undefined ? { expect: [[expected]] } : {};
  return { ok: true, ops: [{ kind: 'setCells', sheet: werkblad.layout.sheet, cell: cellAddress(row, f.column), cells: [[cell]], ...guard }] };
}

export function parseWeightInput(input: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, message: 'Een weging is een getal van 0 of meer, bijvoorbeeld 1 of 1,5.' };
  return { ok: true, value: Number(t) };
}

/**
 * Writes the what-if weights (one per factor, in werkblad order, numbers ≥ 0) into the
 * werkblad's weight row. With `expected` (each weight cell's value as the pane last read
 * it, same order) only the weights that differ are written, each guarded (`expect`), so a
 * weight a colleague changed meanwhile is reported as a conflict instead of overwritten.
 * Refuses (Dutch message) a wrong count or a negative or non-finite weight.
 */
export function weightsEdit(werkblad: Werkblad, weights: number[], expected?: CellValue[]): EditResult {
  if (weights.length !== werkblad.factors.length) return { ok: false, message: 'Het aantal wegingen klopt niet met het aantal succesfactoren.' };
  for (const w of weights) if (!Number.isFinite(w) || w < 0) return { ok: false, message: 'Een weging is een getal van 0 of meer.' };
  if (expected) {
    return {
      ok: true,
      ops: werkblad.factors
        .map((f, i) => ({ f, w: weights[i], was: expected[i] ?? null }))
        .filter(({ f, w }) => f.weging !== w)
        .map(({ f, w, was }) => ({
          kind: 'setCells' as const,
          sheet: werkblad.layout.sheet,
          cell: cellAddress(WERKBLAD.weightRow, f.column),
          cells: [[{ number: w }]],
          expect: [[was]],
        })),
    };
  }
  return {
    ok: true,
    ops: [
      {
        kind: 'setCells',
        sheet: werkblad.layout.sheet,
        cell: cellAddress(WERKBLAD.weightRow, werkblad.layout.firstFactorColumn),
        cells: [weights.map((w) => ({ number: w }))],
      },
    ],
  };
}

/** The ranking with other weights, for the what-if preview; nothing is written. */
function rankWithWeights(werkblad: Werkblad, weights: (number | null)[]): RankEntry[] {
  const factors = werkblad.factors.map((f, i) => ({ ...f, weging: weights[i] ?? null }));
  const rows: KoppelkansRow[] = werkblad.rows.map((r) => {
    // a row invalid only because of a weight may become valid with the new weights
    const usesBadWeight = r.scores.some((s, i) => s !== null && factors[i].weging === null);
    if (r.invalidScore || usesBadWeight || r.scored === 0) return { ...r, total: null };
    return { ...r, status: 'scored', total: weightedTotal(r.scores, factors) };
  });
  return rankRows(rows);
}

export interface WhatIf {
  ranking: RankEntry[];
  top: RankEntry[];
  /** Koppelkansen (by row) that enter / leave the top 15 with the new weights. */
  entering: RankEntry[];
  leaving: RankEntry[];
  moved: { row: number; koppelkans: string; from: number; to: number }[];
}

export function whatIf(werkblad: Werkblad, current: RankEntry[], weights: (number | null)[], n = 15): WhatIf {
  const ranking = rankWithWeights(werkblad, weights);
  const top = topN(ranking, n);
  const before = new Map(topN(current, n).map((e) => [e.row, e]));
  const after = new Map(top.map((e) => [e.row, e]));
  return {
    ranking,
    top,
    entering: top.filter((e) => !before.has(e.row)),
    leaving: [...before.values()].filter((e) => !after.has(e.row)),
    moved: top
      .filter((e) => before.has(e.row) && before.get(e.row)!.rank !== e.rank)
      .map((e) => ({ row: e.row, koppelkans: e.koppelkans, from: before.get(e.row)!.rank, to: e.rank })),
  };
}

export interface PrioDraft {
  koppelkans: string;
  omdat: string;
  verantwoordelijke: string;
}

/**
 * Writes the team's order (as arranged in the pane) to the Prioritering rows, co-author
 * safe: only the cells of the team's columns (Prioriteit, Koppelkans, Omdat…,
 * Verantwoordelijke) whose content differs from `base` (the sheet as the pane last read
 * it) are written, each guarded with what `base` holds there (PlanOp `expect`), so a
 * reason a colleague typed meanwhile is reported as a conflict, never overwritten. The
 * Omdat…/Verantwoordelijke of an entry that stays on its row are written by key
 * (`updateRowByKey` on the Koppelkans column, guarded the same way): when a colleague
 * moved that row meanwhile the text follows its koppelkans, when they removed it the
 * apply reports the key missing; it never lands on another koppelkans's row. Rows
 * the new list no longer uses are cleared in those columns only. The engine's check
 * record beside each entry (see `prioFlagFormula`) is updated for the new order, with
 * `ranks` (name key, src/core/names.ts `nameKey` → automatic rank, `autoRankByName`). Nothing else on the sheet changes.
 * Out: the ops, or a Dutch message when a draft cannot be written.
 */
export function prioriteringEdit(
  layout: PrioLayout,
  base: SheetSnapshot | undefined,
  drafts: PrioDraft[],
  ranks: ReadonlyMap<string, number | null> = new Map(),
): EditResult {
  for (const d of drafts) {
    if (!d.koppelkans.trim()) return { ok: false, message: 'Elke regel in de prioritering heeft een koppelkans nodig.' };
    if (d.omdat.length > MAX_CELL_TEXT) return { ok: false, message: `De reden bij "${d.koppelkans}" is langer dan ${MAX_CELL_TEXT} tekens.` };
    if (d.verantwoordelijke.length > MAX_CELL_TEXT)
      return { ok: false, message: `De verantwoordelijke bij "${d.koppelkans}" is langer dan ${MAX_CELL_TEXT} tekens.` };
  }
  const c = layout.columns;
  const ops: PlanOp[] = [];
  const n = Math.max(drafts.length, layout.lastRow - layout.firstRow + 1);
  const autoRanks = drafts.map((d) => ranks.get(nameKey(d.koppelkans)) ?? null);
  const deviates = deviatingEntries(autoRanks);
  const put = (r: number, col: number, v: CellInput, guard: boolean) => {
    if (cellMatches(base, r, col, v)) return;
    const current: CellValue = base ? valueAt(base, r, col) : null;
    ops.push({ kind: 'setCells', sheet: layout.sheet, cell: cellAddress(r, col), cells: [[v]], ...(guard ? { expect: [[current]] } : {}) });
  };
  // a text typed for an entry whose row is unchanged in the order goes to the row holding that koppelkans at apply
  // time (updateRowByKey on the Koppelkans column), so a colleague moving or removing rows meanwhile never puts it on
  // another koppelkans's row: a moved row is found, a removed one is reported (ApplyResult.missingKeys)
  const byKey = (r: number, key: string, col: number, cells: CellInput[]) => {
    ops.push({
      kind: 'updateRowByKey',
      sheet: layout.sheet,
      minRow: layout.firstRow,
      keyColumn: columnLetter(c.koppelkans),
      key,
      firstColumn: columnLetter(col),
      cells,
      expect: cells.map((_, j) => (base ? valueAt(base, r, col + j) : null)),
    });
  };
  for (let i = 0; i < n; i++) {
    const r = layout.firstRow + i;
    const d = drafts[i];
    if (d) {
      // the row held this koppelkans when the pane read it: its texts are written by key
      const ownRow = !!base && cellMatches(base, r, c.koppelkans, { text: d.koppelkans.trim() });
      put(r, c.prioriteit, { number: i + 1 }, true);
      put(r, c.koppelkans, { text: d.koppelkans.trim() }, true);
      if (ownRow) {
        const texts: [number, CellInput][] = [
          [c.omdat, { text: d.omdat }],
          [c.verantwoordelijke, { text: d.verantwoordelijke }],
        ];
        const changed = texts.filter(([col, v]) => !cellMatches(base, r, col, v));
        // both changed in adjacent columns: one keyed write; else one per cell
        if (changed.length === 2 && c.verantwoordelijke === c.omdat + 1) byKey(r, d.koppelkans.trim(), c.omdat, [changed[0][1], changed[1][1]]);
        else for (const [col, v] of changed) byKey(r, d.koppelkans.trim(), col, [v]);
      } else {
        put(r, c.omdat, { text: d.omdat }, true);
        put(r, c.verantwoordelijke, { text: d.verantwoordelijke }, true);
      }
      put(r, c.controle, { text: prioCheckKey(i + 1, d.koppelkans) }, false);
      put(r, c.afwijking, { number: deviates[i] ? 1 : 0 }, false);
    } else {
      for (const col of [c.prioriteit, c.koppelkans, c.omdat, c.verantwoordelijke]) put(r, col, { clear: true }, true);
      for (const col of [c.controle, c.afwijking]) put(r, col, { clear: true }, false);
    }
  }
  return { ok: true, ops: mergeRowOps(ops) };
}

function mergeRowOps(ops: PlanOp[]): PlanOp[] {
  // adjacent single cells in one row become one block when the columns are contiguous and both are guarded or both not
  const out: PlanOp[] = [];
  for (const op of ops) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'setCells' && op.kind === 'setCells' && prev.sheet === op.sheet && prev.cells.length === 1 && !!prev.expect === !!op.expect) {
      const pm = parseCell(prev.cell);
      const om = parseCell(op.cell);
      if (pm.row === om.row && om.column === pm.column + prev.cells[0].length) {
        prev.cells[0].push(...op.cells[0]);
        if (prev.expect && op.expect) prev.expect[0].push(...op.expect[0]);
        continue;
      }
    }
    out.push(op.kind === 'setCells' ? { ...op, cells: op.cells.map((l) => [...l]), ...(op.expect ? { expect: op.expect.map((l) => [...l]) } : {}) } : op);
  }
  return out;
}

/**
 * Sets one basiselement's status (column C). Co-author safe: when the item was read from
 * the workbook, the write expects the cell to hold what was read (a colleague's change
 * meanwhile is a conflict, not overwritten).
 */
export function checklistStatusEdit(state: ChecklistState, row: number, status: ChecklistStatus): EditResult {
  if (!STATUSES.includes(status)) return { ok: false, message: `Kies ${STATUS_CHOICE}.` };
  const item = state.items.find((i) => i.row === row);
  if (!item) return { ok: false, message: `Rij ${row} is geen basiselement.` };
  return {
    ok: true,
    ops: [{ kind: 'setCells', sheet: state.sheet, cell: cellAddress(row, 3), cells: [[{ text: status }]], ...(item.read ? { expect: [[item.read[0]]] } : {}) }],
  };
}

/**
 * Sets the overstap date of the last home (ISO yyyy-mm-dd from a date input, as an Excel
 * serial date in the workbook's date system); "" clears. Guarded like the status when the state was read.
 */
export function checklistDateEdit(state: ChecklistState, iso: string): EditResult {
  // the cell the engine reads the date from (beside its label), so the guard and the write are the same cell
  const cell = cellAddress(state.dateRow, CHECKLIST.valueColumn);
  const guard = state.overstapRead !== undefined ? { expect: [[state.overstapRead]] } : {};
  if (iso.trim() === '') return { ok: true, ops: [{ kind: 'setCells', sheet: state.sheet, cell, cells: [[{ clear: true }]], ...guard }] };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso.trim())) return { ok: false, message: `${state.sheet}!${cell}: vul een datum in (dd-mm-jjjj).` };
  const serial = isoToSerial(iso.trim(), state.date1904);
  if (serial === null) {
    const [y, mo, d] = iso.trim().split('-').map(Number);
    return { ok: false, message: `${state.sheet}!${cell}: ${d}-${mo}-${y} bestaat niet; vul een echte datum in (dd-mm-jjjj).` };
  }
  return { ok: true, ops: [{ kind: 'setCells', sheet: state.sheet, cell, cells: [[{ number: serial }]], ...guard }] };
}

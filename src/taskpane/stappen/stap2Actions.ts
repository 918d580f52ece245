/**
 * The Stap 2 view's actions: each builds its edit on a fresh read (session.applyEdit),
 * finds its factor or row again by name there, and refuses instead of guessing when the
 * workbook changed in a way that matters (more would be lost than the user agreed to).
 */
import type { EditResult } from '../../core/edits';
import { parseWeightInput } from '../../core/edits';
import { cellAddress } from '../../core/a1';
import { valueAt } from '../../core/grid';
import type { FactorInfo } from '../../core/factors';
import { formatNumber } from '../logic/scoring';
import { addFactorEdit, moveFactorEdit, readFactorInfo, removeFactorEdit, renameFactorEdit, waaromEdit } from '../../core/factors';
import { WERKBLAD } from '../../core/layout';
import { nameKey } from '../../core/names';
import type { PlanOp } from '../../core/snapshot';
import {
  deselectKoppelkansEdit,
  deselectOpgaveEdit,
  describeLoss,
  minderConcreetAt,
  minderConcreetEdit,
  ownKoppelkansEdit,
  ownOpgaveEdit,
  selectKoppelkansEdit,
  selectOpgaveEdit,
  stap2Context,
  type Loss,
  type MinderConcreetState,
  type Stap2Context,
} from '../../core/stap2';
import type { FreshState } from '../session';

type Build = (fresh: FreshState) => EditResult;

function withCtx(fn: (ctx: Stap2Context, fresh: FreshState) => EditResult): Build {
  return (fresh) => {
    const ctx = stap2Context(fresh.snapshot, fresh.analysis, fresh.notes);
    return 'message' in ctx ? { ok: false, message: ctx.message } : fn(ctx, fresh);
  };
}

/**
 * More would be lost now than when the user was asked (more scores or notes, or team text
 * in a cell the question did not name with that text): refuse, so the question can be asked again.
 */
function lossGrew(now: Loss | undefined, agreed: Loss): string | null {
  if (!now) return null;
  const named = new Set((agreed.team ?? []).map((t) => `${t.sheet}!${t.cell}\u0000${t.text}`));
  const newTeamText = (now.team ?? []).some((t) => !named.has(`${t.sheet}!${t.cell}\u0000${t.text}`));
  if (now.scores <= agreed.scores && now.notes <= agreed.notes && !newTeamText) return null;
  return `Intussen is er meer ingevuld (${describeLoss(now)}). Er is niets weggehaald; kies opnieuw als het toch weg moet.`;
}

export const selectOpgave = (opgave: string): Build => withCtx((ctx) => selectOpgaveEdit(ctx, opgave));

export const deselectOpgave = (opgave: string, agreed: Loss): Build =>
  withCtx((ctx) => {
    const res = deselectOpgaveEdit(ctx, opgave);
    const grew = res.ok ? lossGrew(res.loss, agreed) : null;
    return grew ? { ok: false, message: grew } : res;
  });

export const selectKoppelkans = (opgave: string, koppelkans: string): Build => withCtx((ctx) => selectKoppelkansEdit(ctx, opgave, koppelkans));

/** Deselects the koppelkans wherever it stands under its opgave (the row is looked up again). */
export const deselectKoppelkans = (opgave: string, koppelkans: string, agreed: Loss): Build =>
  withCtx((ctx) => {
    const rows = ctx.werkblad.rows.filter((r) => nameKey(r.opgave) === nameKey(opgave) && nameKey(r.koppelkans) === nameKey(koppelkans));
    const ops: PlanOp[] = [];
    for (const r of rows) {
      const res = deselectKoppelkansEdit(ctx, r.row);
      if (!res.ok) return res;
      const grew = lossGrew(res.loss, agreed);
      if (grew) return { ok: false, message: grew };
      ops.push(...res.ops);
    }
    return { ok: true, ops };
  });

export const addOwnOpgave = (opgave: string, toelichting: string): Build => withCtx((ctx, fresh) => ownOpgaveEdit(ctx, fresh.analysis, opgave, toelichting));

export const addOwnKoppelkans = (opgave: string, koppelkans: string, toelichting: string): Build =>
  withCtx((ctx, fresh) => ownKoppelkansEdit(ctx, fresh.analysis, opgave, koppelkans, toelichting));

/**
 * Sets the "minder concreet" mark and its verantwoordelijke of a longlist koppelkans (found
 * again by opgave and name in the fresh read, wherever its row moved). `want` is what the
 * user wants, `expected` what the pane last read: only what differs is written, guarded, and
 * a colleague's change meanwhile is refused with a Dutch message (see `minderConcreetEdit`);
 * 'overwrite' takes the fresh read as `expected` (the user chose their version over a colleague's).
 */
export const setMinderConcreet =
  (opgave: string, koppelkans: string, want: MinderConcreetState, expected: MinderConcreetState | 'overwrite'): Build =>
  (fresh) => {
    const entry = fresh.analysis.longlist.entries.find((e) => nameKey(e.opgave) === nameKey(opgave) && nameKey(e.koppelkans) === nameKey(koppelkans));
    if (!entry || !entry.row) return { ok: false, message: `“${koppelkans}” staat niet (meer) op de longlist van de werkmap.` };
    // 'overwrite': the user saw the colleague's version and chose theirs; still guarded against a change after this read
    const base = expected === 'overwrite' ? minderConcreetAt(fresh.snapshot, fresh.analysis, entry.row) : expected;
    return minderConcreetEdit(fresh.snapshot, fresh.analysis, entry.row, want.marked, want.verantwoordelijke, base);
  };

function factorIndex(ctx: Stap2Context, name: string): number | { message: string } {
  const i = ctx.werkblad.factors.findIndex((f) => nameKey(f.name) === nameKey(name));
  return i >= 0 ? i : { message: `De succesfactor “${name}” staat niet meer in rij ${WERKBLAD.factorRow}; bekijk het werkblad opnieuw.` };
}

/** A factor's three editable fields as the card shows them (weging formatted the Dutch way, "" when empty). */
export interface FactorFields {
  name: string;
  weging: string;
  waarom: string;
}

/** The fields of `f` as the pane shows them. */
export function factorFields(f: FactorInfo): FactorFields {
  return { name: f.name, weging: f.weging === null ? '' : formatNumber(f.weging), waarom: f.waarom };
}

const FIELD_LABEL: Record<keyof FactorFields, string> = { name: 'de naam', weging: 'de weging', waarom: 'het waarom' };

/**
 * Saves what the user changed of factor `current` (only the fields in `changes`), in one
 * batch. `base` holds, per changed field, the value the user started typing over: when the
 * workbook now holds something else there (a colleague changed it), nothing is written and
 * the Dutch message names the colleague's version, so the card can show both and ask. The
 * cell writes are guarded too (`expect`), for a change between this read and the write.
 */
export const saveFactor = (current: string, changes: Partial<FactorFields>, base: Partial<FactorFields>): Build =>
  withCtx((ctx, fresh) => {
    const i = factorIndex(ctx, current);
    if (typeof i !== 'number') return { ok: false, message: i.message };
    const f = ctx.werkblad.factors[i];
    const now = factorFields(readFactorInfo(ctx.sheet, ctx.werkblad)[i]);
    const keys = (Object.keys(changes) as (keyof FactorFields)[]).filter((k) => changes[k] !== undefined);
    const changed = keys.filter((k) => base[k] !== undefined && now[k].trim() !== (base[k] ?? '').trim());
    if (changed.length) {
      const list = changed.map((k) => `${FIELD_LABEL[k]} in “${now[k] || '(leeg)'}”`).join(' en ');
      return { ok: false, message: `Een collega heeft intussen ${list} veranderd. Er is niets overschreven; kies welke versie je houdt.` };
    }
    const ops: PlanOp[] = [];
    if (changes.name !== undefined) {
      const rename = renameFactorEdit(ctx.sheet, ctx.werkblad, i, changes.name, { snapshot: fresh.snapshot, notes: ctx.notes });
      if (!rename.ok) return rename;
      ops.push(...rename.ops);
    }
    if (changes.weging !== undefined) {
      const w = parseWeightInput(changes.weging);
      if (!w.ok) return { ok: false, message: `${ctx.sheet.name}!${cellAddress(WERKBLAD.weightRow, f.column)}: ${w.message}` };
      if (f.weging !== w.value)
        ops.push({
          kind: 'setCells',
          sheet: ctx.sheet.name,
          cell: cellAddress(WERKBLAD.weightRow, f.column),
          cells: [[{ number: w.value }]],
          expect: [[valueAt(ctx.sheet, WERKBLAD.weightRow, f.column)]],
        });
    }
    if (changes.waarom !== undefined) {
      const waarom = waaromEdit(ctx.sheet, ctx.werkblad, i, changes.waarom);
      if (!waarom.ok) return waarom;
      ops.push(...waarom.ops);
    }
    return { ok: true, ops };
  });

export const moveFactor = (name: string, delta: number): Build =>
  withCtx((ctx) => {
    const i = factorIndex(ctx, name);
    return typeof i === 'number' ? moveFactorEdit(ctx.sheet, ctx.werkblad, i, delta) : { ok: false, message: i.message };
  });

export const removeFactor = (name: string, agreedScores: number): Build =>
  withCtx((ctx, fresh) => {
    const i = factorIndex(ctx, name);
    if (typeof i !== 'number') return { ok: false, message: i.message };
    const scores = readFactorInfo(ctx.sheet, ctx.werkblad)[i].scores;
    if (scores > agreedScores)
      return { ok: false, message: `Intussen heeft “${name}” ${scores} scores. Er is niets verwijderd; kies opnieuw als hij toch weg moet.` };
    return removeFactorEdit(ctx.sheet, ctx.werkblad, i, { shiftColumns: fresh.canShiftColumns });
  });

export const addFactor = (name: string, waarom: string, weging: string): Build =>
  withCtx((ctx, fresh) => {
    const w = parseWeightInput(weging || '1');
    if (!w.ok) return { ok: false, message: w.message };
    return addFactorEdit(ctx.sheet, ctx.werkblad, name, waarom, w.value, { shiftColumns: fresh.canShiftColumns });
  });

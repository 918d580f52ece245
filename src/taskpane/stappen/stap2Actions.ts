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
import { readFactorInfo, renameFactorEdit, waaromEdit } from '../../core/factors';
import {
  factorAddImpact,
  factorMoveImpact,
  commentKey,
  factorRemovalImpact,
  formulaPlace,
  type BrokenDefinition,
  type AffectedComment,
  type BrokenFormula,
  type FactorMove,
  type FactorRemoval,
} from '../../core/referenceBreaks';
import { WERKBLAD } from '../../core/layout';
import { nameKey } from '../../core/names';
import type { PlanOp, WorkbookSnapshot } from '../../core/snapshot';
import {
  deselectKoppelkansRowsEdit,
  deselectOpgaveEdit,
  describeLoss,
  lossIsOne,
  minderConcreetAt,
  minderConcreetEdit,
  ownKoppelkansEdit,
  ownOpgaveEdit,
  selectKoppelkansEdit,
  selectOpgaveEdit,
  stap2Context,
  TEAM_TEXT_GOES,
  type Loss,
  type MinderConcreetState,
  type Stap2Context,
  type TeamCell,
} from '../../core/stap2';
import type { FreshState, WorkbookSession } from '../session';

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
  const namedComments = new Set((agreed.comments ?? []).map((c) => `${commentKey(c)}\u0000${c.text}`));
  const newComments = (now.comments ?? []).filter((c) => !namedComments.has(`${commentKey(c)}\u0000${c.text}`)).map((c) => `${c.sheet}!${c.cell}`);
  if (newComments.length)
    return `Intussen staat er ook een opmerking in ${newComments.slice(0, 5).join(', ')}${newComments.length > 5 ? ` en nog ${newComments.length - 5} cellen` : ''} op de rij. Er is niets weggehaald; kies opnieuw als het toch weg moet.`;
  const named = new Set((agreed.team ?? []).map((t) => `${t.sheet}!${t.cell}\u0000${t.text}`));
  const newTeamText = (now.team ?? []).some((t) => !named.has(`${t.sheet}!${t.cell}\u0000${t.text}`));
  if (now.scores <= agreed.scores && now.notes <= agreed.notes && !newTeamText) return null;
  return `Intussen is er meer ingevuld (${describeLoss(now)}). Er is niets weggehaald; kies opnieuw als het toch weg moet.`;
}

/**
 * The read an edit that puts an opgave or koppelkans on a werkblad row is built on
 * (`session.applyEdit`'s options): with the workbook's definitions, so the Excel comments
 * and notes are in the snapshot and a row holding one is not chosen (stap2.ts `rowIsFree`).
 * Office.js reads them only from ExcelApi 1.10 (comments) and 1.18 (notes); below that the
 * row choice cannot see them.
 */
export const PICK_READ = { definitions: true } as const;

export const selectOpgave = (opgave: string): Build => withCtx((ctx) => selectOpgaveEdit(ctx, opgave));

export const deselectOpgave = (opgave: string, agreed: Loss): Build =>
  withCtx((ctx) => {
    const res = deselectOpgaveEdit(ctx, opgave);
    const grew = res.ok ? lossGrew(res.loss, agreed) : null;
    return grew ? { ok: false, message: grew } : res;
  });

export const selectKoppelkans = (opgave: string, koppelkans: string): Build => withCtx((ctx) => selectKoppelkansEdit(ctx, opgave, koppelkans));

/** Deselects the koppelkans wherever it stands under its opgave (its rows are looked up again), refused when all its rows together would lose more than `agreed`. */
export const deselectKoppelkans = (opgave: string, koppelkans: string, agreed: Loss): Build =>
  withCtx((ctx) => {
    const rows = ctx.werkblad.rows.filter((r) => nameKey(r.opgave) === nameKey(opgave) && nameKey(r.koppelkans) === nameKey(koppelkans));
    // all its rows together: what the user agreed to was the loss of all of them
    const res = deselectKoppelkansRowsEdit(
      ctx,
      rows.map((r) => r.row),
    );
    const grew = res.ok ? lossGrew(res.loss, agreed) : null;
    return grew ? { ok: false, message: grew } : res;
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

/**
 * What moving factor `name` by `delta` places (−1 eerder, +1 later) would change, on the
 * state `fresh` (the pane's last read, to ask before anything changes): the team's
 * formulas that read the rewritten factor cells and would compute from another factor
 * afterwards (src/core/referenceBreaks.ts `factorMoveImpact`). A Dutch message when the
 * factor is gone or the move is refused.
 */
export function factorMove(fresh: FreshState, name: string, delta: number, accepted?: ReadonlySet<string>): FactorMove | { ok: false; message: string } {
  const ctx = stap2Context(fresh.snapshot, fresh.analysis, fresh.notes);
  if ('message' in ctx) return { ok: false, message: ctx.message };
  const i = factorIndex(ctx, name);
  if (typeof i !== 'number') return { ok: false, message: i.message };
  return factorMoveImpact(fresh.snapshot, ctx.sheet, ctx.werkblad, i, delta, { accepted });
}

/** "Eigen!A1: =SUM(TeamGewicht) (via naam TeamGewicht)": a formula's line in a question. */
const formulaLine = (b: BrokenFormula, note = '') => `${formulaPlace(b)}${note}: ${cut(b.formula)}${b.name ? ` (via naam ${b.name})` : ''}`;

/** The sentence on formulas that cannot be checked (INDIRECT, OFFSET …), for `n` of them. */
function unknownText(n: number, after: string): string {
  return n === 1
    ? `Bij deze formule van jullie kan niet worden nagegaan naar welke cellen hij verwijst (hij gebruikt INDIRECT, VERSCHUIVING/OFFSET, een bereik tussen functie-uitkomsten of een tabelverwijzing): kijk ${after} of hij nog klopt.`
    : `Bij deze ${n} formules van jullie kan niet worden nagegaan naar welke cellen ze verwijzen (ze gebruiken INDIRECT, VERSCHUIVING/OFFSET, een bereik tussen functie-uitkomsten of een tabelverwijzing): kijk ${after} of ze nog kloppen.`;
}

/**
 * The sentence on `n` conditional formats and data validations of the team over cells a
 * reorder rewrites (or reading them): they belong to the cells, not to the factor.
 */
function rulesText(n: number): string {
  return n === 1
    ? 'Deze voorwaardelijke opmaak of gegevensvalidatie van jullie hoort bij de cellen, niet bij de succesfactor: ze blijft staan waar ze staat en geldt daarna voor de scores van een andere succesfactor. Pas haar na het verplaatsen aan als dat niet de bedoeling is.'
    : `Deze ${n} regels van jullie (voorwaardelijke opmaak, gegevensvalidatie) horen bij de cellen, niet bij de succesfactor: ze blijven staan waar ze staan en gelden daarna voor de scores van een andere succesfactor. Pas ze na het verplaatsen aan als dat niet de bedoeling is.`;
}

/**
 * What a move or addition question (`m`) names, sorted as the questions word it: `n`
 * formulas that read other cells, `names` that do, `unknownNames` that cannot be checked,
 * the team's `rules` (conditional formats, validations), and `u`, every formula or name that
 * cannot be checked. Pure.
 */
function findingsOf(m: FactorMove) {
  const unknownNames = m.definitions.filter((d) => d.kind === 'name' && d.effect === 'unknown');
  return {
    n: m.reads.length,
    names: m.definitions.filter((d) => d.kind === 'name' && d.effect !== 'unknown'),
    unknownNames,
    rules: m.definitions.filter((d) => d.kind !== 'name'),
    u: m.unknown.length + unknownNames.length,
  };
}

/**
 * The question before moving factor `name` (`delta` −1: eerder, +1: later) when `m` found
 * anything of the team's that then computes from another factor, or cannot be checked; null
 * when nothing: then the pane moves it at once. Dutch, naming each formula by sheet and cell
 * with its text (and the name it goes through), each name, each formula that cannot be
 * checked as "kan niet worden nagegaan", each conditional format and data validation of the
 * team over moved cells or reading them by sheet and range with what happens (it stays on
 * its cells), each comment, and the kinds the adapter could not read (Office.js: validations).
 */
export function moveQuestion(name: string, delta: number, m: FactorMove): RemovalQuestion | null {
  const { n, names, unknownNames, rules, u } = findingsOf(m);
  if (!n && !names.length && !u && !rules.length && !m.comments.length) return null;
  const parts: string[] = [];
  if (n || names.length)
    parts.push(
      'De scores verhuizen mee met hun succesfactor naar de andere kolom, maar ' +
        (n + names.length === 1
          ? `deze ${n ? 'formule' : 'naam'} van jullie blijft naar dezelfde cellen verwijzen en rekent daarna met de scores van een andere succesfactor.`
          : `deze ${n + names.length} ${!n ? 'namen' : !names.length ? 'formules' : 'formules en namen'} van jullie blijven naar dezelfde cellen verwijzen en rekenen daarna met de scores van een andere succesfactor.`) +
        ` Pas ${n + names.length === 1 ? 'hem' : 'ze'} na het verplaatsen aan, of laat de volgorde zoals hij is.`,
    );
  if (u) parts.push(unknownText(u, 'na het verplaatsen'));
  if (rules.length) parts.push(rulesText(rules.length));
  if (m.comments.length) parts.push(commentsText(m.comments));
  const unread = unreadSentence(m.unread, 'na het verplaatsen');
  if (unread) parts.push(unread);
  return {
    title: `“${name}” ${delta < 0 ? 'eerder' : 'later'} zetten?`,
    text: parts.join(' '),
    list: [
      ...m.reads.map((b) => formulaLine(b)),
      ...names.map(definitionLine),
      ...m.unknown.map((b) => formulaLine(b, ' (kan niet worden nagegaan)')),
      ...unknownNames.map(definitionLine),
      ...rules.map(definitionLine),
      ...m.comments.map((c) => commentLine(c)),
    ],
    confirm: 'Toch verplaatsen',
  };
}

/**
 * Moves factor `name` by `delta` places once the team agreed to the formulas of `seen`
 * (places, as `FactorMove.seen` gave them when the pane asked: the ones named and the
 * product's own) computing from another factor. Refused, with nothing moved, when on the
 * fresh read another formula of the team reads the moved cells.
 */
export const moveFactor =
  (name: string, delta: number, seen: readonly string[] = []): Build =>
  (fresh) => {
    const m = factorMove(fresh, name, delta, new Set(seen));
    if (!m.ok) return m;
    const more = placesNamed([...m.reads, ...m.unknown], m.definitions, m.comments);
    if (more.length)
      return {
        ok: false,
        message: `Intussen rekent ook ${firstFive(more)} met cellen die veranderen als “${name}” ${delta < 0 ? 'eerder' : 'later'} komt. Er is niets verplaatst; kies opnieuw als het toch moet.`,
      };
    return { ok: true, ops: m.ops };
  };

/**
 * What removing factor `name` would take along, on the state `fresh` (the pane's last read,
 * to ask before anything changes): its scores and the team's formulas that get #REF! or may
 * change (src/core/referenceBreaks.ts). A Dutch message when the factor is gone or the
 * removal is refused.
 */
export function factorRemoval(fresh: FreshState, name: string, accepted?: ReadonlySet<string>): FactorRemoval | { ok: false; message: string } {
  const ctx = stap2Context(fresh.snapshot, fresh.analysis, fresh.notes);
  if ('message' in ctx) return { ok: false, message: ctx.message };
  const i = factorIndex(ctx, name);
  if (typeof i !== 'number') return { ok: false, message: i.message };
  return factorRemovalImpact(fresh.snapshot, ctx.sheet, ctx.werkblad, i, { shiftColumns: fresh.canShiftColumns, accepted });
}

/** What the pane asks before removing a factor: title, text, the formulas by place, the confirm button. */
export interface RemovalQuestion {
  title: string;
  text: string;
  list: string[];
  confirm: string;
}

const cut = (formula: string) => (formula.length > 80 ? `${formula.slice(0, 79)}…` : formula);

/** What a workbook's adapter could not read, in the order the question names it. */
const UNREAD_ORDER: FactorRemoval['unread'] = ['names', 'conditionalFormats', 'validations', 'comments', 'notes'];
const UNREAD_TEXT: Record<FactorRemoval['unread'][number], string> = {
  names: 'eigen namen',
  conditionalFormats: 'eigen voorwaardelijke opmaak',
  validations: 'eigen gegevensvalidatie',
  comments: 'opmerkingen in cellen',
  notes: 'notities in cellen',
};

/** "Eigen namen en opmerkingen …": what could not be read, as the question's sentence says it ("" when nothing). */
function unreadSentence(unread: readonly FactorRemoval['unread'][number][], after: string): string {
  const what = UNREAD_ORDER.filter((k) => unread.includes(k)).map((k) => UNREAD_TEXT[k]);
  if (!what.length) return '';
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} en ${what[what.length - 1]}` : what[0];
  return `${list[0].toUpperCase()}${list.slice(1)} kan de add-in hier niet nalezen: kijk ${after} of die nog klopt.`;
}

/**
 * A comment's line in a question: "Opmerking in W!E9 verdwijnt: …" / "Opmerking in W!E9
 * blijft bij de cel en …" (`stays`: what follows for one that stays, a factor move's by default).
 */
function commentLine(c: AffectedComment, stays = 'blijft bij de cel en staat daarna bij een andere succesfactor'): string {
  const text = cut(c.text.replace(/\s+/g, ' ').trim());
  return c.effect === 'removed' ? `Opmerking in ${c.sheet}!${c.cell} verdwijnt: ${text}` : `Opmerking in ${c.sheet}!${c.cell} ${stays}: ${text}`;
}

/**
 * The question before deselecting koppelkans `name` whose rows would lose `loss`
 * (deselectKoppelkansRowsEdit's, of all its rows together), or null when nothing would go and no
 * comment is on the rows: then the pane deselects at once. Dutch: what is lost
 * (describeLoss), the team's text and why it goes (TEAM_TEXT_GOES), and each Excel comment
 * or note on the rows' cells by sheet and cell with its text: clearing leaves a comment on
 * its cell in every adapter, so it would stay on the emptied row and sit beside the next
 * koppelkans put there. When the adapter could not read comments or notes, a question asked
 * for something else says so ("kan de add-in hier niet nalezen"), as the factor questions do.
 */
export function deselectKoppelkansQuestion(name: string, loss: Loss): RemovalQuestion | null {
  const comments = loss.comments ?? [];
  const team = loss.team ?? [];
  if (!loss.scores && !loss.notes && !team.length && !comments.length) return null;
  const parts: string[] = [];
  const lost = describeLoss(loss);
  if (lost)
    parts.push(
      `Dan ${lossIsOne(loss) ? 'gaat' : 'gaan'} ${lost} verloren${loss.notes ? ' (de notities blijven op Notulen staan, maar horen dan niet meer bij een gekozen koppelkans)' : ''}.${team.length ? ` ${TEAM_TEXT_GOES}` : ''}`,
    );
  parts.push(...deselectCommentsText(loss));
  return {
    title: `“${name}” weghalen?`,
    text: parts.join(' '),
    list: deselectCommentLines(loss),
    confirm: 'Toch weghalen',
  };
}

/**
 * The sentences of a deselect question on the Excel comments and notes on the cleared rows
 * (`loss.comments`: they stay on their cells, so on the emptied row) and on the kinds the
 * adapter could not read (`loss.commentsUnread`, "kan de add-in hier niet nalezen"); [] when neither.
 */
export function deselectCommentsText(loss: Loss): string[] {
  const n = loss.comments?.length ?? 0;
  const parts: string[] = [];
  if (n)
    parts.push(
      n === 1
        ? 'Op de rij staat een opmerking of notitie van Excel. Die hoort bij haar cel, niet bij de koppelkans: ze blijft op de lege rij staan, en zolang ze daar staat, komt er geen andere koppelkans op die rij. Hoort ze bij deze koppelkans, verwijder of verplaats haar dan eerst in Excel.'
        : `Op de rij staan ${n} opmerkingen of notities van Excel. Die horen bij hun cel, niet bij de koppelkans: ze blijven op de lege rij staan, en zolang ze daar staan, komt er geen andere koppelkans op die rij. Horen ze bij deze koppelkans, verwijder of verplaats ze dan eerst in Excel.`,
    );
  const unread = unreadSentence(loss.commentsUnread ?? [], 'na het weghalen');
  if (unread) parts.push(unread);
  return parts;
}

/** One line per comment of `loss.comments`: "Opmerking in W!D6 blijft op de rij staan: …". */
export function deselectCommentLines(loss: Loss): string[] {
  return (loss.comments ?? []).map((c) => commentLine(c, 'blijft op de rij staan'));
}

/**
 * The pane's last read with the workbook's definitions, comments and notes included (read
 * for a deselect question when that read has none), or null when they could not be read.
 */
export async function snapshotWithComments(session: Pick<WorkbookSession, 'snapshot' | 'port'>): Promise<WorkbookSnapshot | null> {
  const snapshot = session.snapshot;
  if (!snapshot || snapshot.definitions) return snapshot;
  try {
    const definitions = (await session.port.readSnapshot({ definitions: true })).definitions;
    return definitions ? { ...snapshot, definitions } : snapshot;
  } catch {
    return null;
  }
}

/** The sentence on comments, for those of `comments` (all 'removed' or all 'stays'). */
function commentsText(comments: AffectedComment[]): string {
  const n = comments.length;
  if (comments[0].effect === 'removed')
    return n === 1 ? 'Er staat een opmerking in de kolom; die verdwijnt met de kolom.' : `Er staan ${n} opmerkingen in de kolom; die verdwijnen met de kolom.`;
  return n === 1
    ? 'Een opmerking hoort bij haar cel en gaat niet mee met de scores: ze staat daarna bij een andere succesfactor.'
    : `${n} opmerkingen horen bij hun cel en gaan niet mee met de scores: ze staan daarna bij een andere succesfactor.`;
}

const DEFINITION_KIND: Record<BrokenDefinition['kind'], string> = {
  name: 'Naam',
  conditionalFormat: 'Voorwaardelijke opmaak',
  validation: 'Gegevensvalidatie',
};

/**
 * One line of the question for a definition: what it is, where, and what happens to it.
 * "Naam “TeamNaam” (hele werkmap): ='W'!$D$6:$D$20 wordt #VERW!";
 * "Voorwaardelijke opmaak op W!D6:D20: verdwijnt, al haar cellen gaan mee met de kolom".
 */
export function definitionLine(d: BrokenDefinition): string {
  const what =
    d.kind === 'name'
      ? `Naam “${d.label}” (${d.sheet ? `alleen op blad ${d.sheet}` : 'hele werkmap'})`
      : `${DEFINITION_KIND[d.kind]} op ${d.sheet}!${d.label.replace(/ /g, ',')}`;
  if (d.effect === 'removed') return `${what}: verdwijnt, al haar cellen gaan mee met de kolom`;
  if (d.effect === 'mayChange') return `${what} (kan veranderen): ${cut(d.formula)}`;
  if (d.effect === 'stays') return `${what}: blijft op dezelfde cellen en geldt daarna voor de scores van een andere succesfactor`;
  if (d.effect === 'reads' && d.kind !== 'name') return `${what}: ${cut(d.formula)} verwijst daarna naar de cellen van een andere succesfactor`;
  if (d.effect === 'reads') return `${what}: ${cut(d.formula)} staat daarna voor de cellen van een andere succesfactor`;
  if (d.effect === 'unknown') return `${what} (kan niet worden nagegaan): ${cut(d.formula)}`;
  return `${what}: ${cut(d.formula)} geeft daarna #VERW!`;
}

/**
 * The question before removing factor `name` with what `r` says goes along, or null when
 * nothing goes (no scores, no formula of the team breaks or may change): then the pane
 * removes it at once. Dutch, naming each formula by sheet and cell.
 */
export function removalQuestion(name: string, r: FactorRemoval): RemovalQuestion | null {
  const { scores, other, broken, mayChange, reads, unknown, definitions, comments } = r;
  if (!scores && !other.length && !broken.length && !mayChange.length && !reads.length && !unknown.length && !definitions.length && !comments.length)
    return null;
  const parts: string[] = [];
  if (scores)
    parts.push(
      `Deze succesfactor heeft ${scores === 1 ? '1 score; die gaat' : `${scores} scores; die gaan`} verloren. De scores van de andere succesfactoren blijven staan.`,
    );
  if (other.length)
    parts.push(
      other.length === 1
        ? 'In de kolom staat ook iets anders van jullie (geen score van -10 tot en met 10); dat gaat ook verloren.'
        : `In de kolom staan ook ${other.length} andere cellen van jullie (geen score van -10 tot en met 10); die gaan ook verloren.`,
    );
  if (broken.length)
    parts.push(
      broken.length === 1
        ? 'Deze formule van jullie verwijst naar de kolom van deze succesfactor en geeft daarna de fout #VERW! (in Engelstalige Excel #REF!).'
        : `Deze ${broken.length} formules van jullie verwijzen naar de kolom van deze succesfactor en geven daarna de fout #VERW! (in Engelstalige Excel #REF!).`,
    );
  if (mayChange.length)
    parts.push(
      `${mayChange.length === 1 ? 'Deze formule rekent' : `Deze ${mayChange.length} formules rekenen`} over meerdere bladen met het werkblad ertussen (een 3D-verwijzing). Of Excel ${mayChange.length === 1 ? 'die' : 'ze'} aanpast als de kolom verdwijnt, is niet zeker: ${mayChange.length === 1 ? 'de uitkomst kan' : 'de uitkomsten kunnen'} veranderen.`,
    );
  if (reads.length)
    parts.push(
      reads.length === 1
        ? 'Deze formule van jullie blijft naar dezelfde cellen verwijzen en rekent daarna met een andere succesfactor.'
        : `Deze ${reads.length} formules van jullie blijven naar dezelfde cellen verwijzen en rekenen daarna met een andere succesfactor.`,
    );
  if (unknown.length) parts.push(unknownText(unknown.length, 'na het verwijderen'));
  if (definitions.length)
    parts.push(
      definitions.length === 1
        ? 'Ook deze naam of regel van jullie (een naam, voorwaardelijke opmaak of gegevensvalidatie) hangt aan de kolom van deze succesfactor; wat ermee gebeurt, staat in de lijst.'
        : `Ook deze ${definitions.length} namen en regels van jullie (namen, voorwaardelijke opmaak, gegevensvalidatie) hangen aan de kolom van deze succesfactor; wat ermee gebeurt, staat in de lijst.`,
    );
  const refs = broken.length || mayChange.length || reads.length || unknown.length || definitions.length;
  if (other.length || refs)
    parts.push(
      other.length && !refs
        ? 'Zet eerst ergens anders neer wat je wilt bewaren, of verwijder de succesfactor toch.'
        : 'Pas ze eerst aan en kies dan opnieuw, of verwijder de succesfactor toch.',
    );
  if (comments.length) parts.push(commentsText(comments));
  const unread = unreadSentence(r.unread, 'na het verwijderen');
  if (unread) parts.push(unread);
  return {
    title: `“${name}” verwijderen?`,
    text: parts.join(' '),
    list: [
      ...other.map((c) => `${c.sheet}!${c.cell} (gaat verloren): ${cut(c.text.replace(/\s+/g, ' ').trim())}`),
      ...broken.map((b) => formulaLine(b)),
      ...mayChange.map((b) => formulaLine(b, ' (kan veranderen)')),
      ...reads.map((b) => formulaLine(b, ' (rekent met een andere succesfactor)')),
      ...unknown.map((b) => formulaLine(b, ' (kan niet worden nagegaan)')),
      ...definitions.map(definitionLine),
      ...comments.map((c) => commentLine(c)),
    ],
    confirm: scores ? 'Verwijderen met scores' : 'Toch verwijderen',
  };
}

/** "Werkblad!D8\u0000n.v.t.": a team cell with its content, to compare what was agreed with what is there now. */
const cellKey = (c: Pick<TeamCell, 'sheet' | 'cell' | 'text'>) => `${c.sheet}!${c.cell}\u0000${c.text}`;

/**
 * Removes factor `name` once the team agreed to lose `agreedScores` scores, the other
 * cells of `agreedOther` (FactorRemoval.other as the question named them, with their
 * content) and to the formulas of `seen` ("Eigen!A1", as `FactorRemoval.seen` gave them
 * when the team was asked: the ones the question named and the product's own) breaking or
 * changing. Refused, with nothing removed, when on the fresh read more scores would go,
 * a cell of the column holds something the question did not name with that content, or
 * another formula of the team would break or change than the team was told of.
 */
export const removeFactor =
  (name: string, agreedScores: number, seen: readonly string[] = [], agreedOther: readonly Pick<TeamCell, 'sheet' | 'cell' | 'text'>[] = []): Build =>
  (fresh) => {
    const r = factorRemoval(fresh, name, new Set(seen));
    if (!r.ok) return r;
    if (r.scores > agreedScores)
      return { ok: false, message: `Intussen heeft “${name}” ${r.scores} scores. Er is niets verwijderd; kies opnieuw als hij toch weg moet.` };
    const named = new Set(agreedOther.map(cellKey));
    const newCells = r.other.filter((c) => !named.has(cellKey(c))).map((c) => `${c.sheet}!${c.cell}`);
    if (newCells.length)
      return {
        ok: false,
        message: `Intussen staat er ook iets in ${firstFive(newCells, ' cellen')} in de kolom van “${name}”. Er is niets verwijderd; kies opnieuw als hij toch weg moet.`,
      };
    const more = placesNamed([...r.broken, ...r.mayChange, ...r.reads, ...r.unknown], r.definitions, r.comments);
    if (more.length)
      return {
        ok: false,
        message: `Intussen verwijst ook ${firstFive(more)} naar de kolom van “${name}”. Er is niets verwijderd; kies opnieuw als hij toch weg moet.`,
      };
    return { ok: true, ops: r.ops };
  };

/**
 * The places a refusal names because they were not in the question the team answered:
 * formulas ("Eigen!A1"), definitions (`definitionPlace`) and comments ("de opmerking in
 * W!D6"), in that order. Pure.
 */
function placesNamed(
  formulas: readonly Parameters<typeof formulaPlace>[0][],
  definitions: readonly Parameters<typeof definitionPlace>[0][],
  comments: readonly { sheet: string; cell: string }[],
): string[] {
  return [...formulas.map(formulaPlace), ...definitions.map(definitionPlace), ...comments.map((c) => `de opmerking in ${c.sheet}!${c.cell}`)];
}

/** The first five of `places` joined with ", ", then " en nog N" (plus `unit`, e.g. " cellen") for the rest. */
function firstFive(places: readonly string[], unit = ''): string {
  return `${places.slice(0, 5).join(', ')}${places.length > 5 ? ` en nog ${places.length - 5}${unit}` : ''}`;
}

/** A definition as the refusal names it: "naam TeamNaam", "voorwaardelijke opmaak op W!D6:D20". */
function definitionPlace(d: BrokenDefinition): string {
  return d.kind === 'name' ? `naam ${d.label}` : `${DEFINITION_KIND[d.kind].toLowerCase()} op ${d.sheet}!${d.label.replace(/ /g, ',')}`;
}

/**
 * What adding factor `name` (weight `weging` as typed, reason `waarom`) would change, on the
 * state `fresh` (the pane's last read, to ask before anything changes): the team's formulas
 * and names whose fixed INDIRECT text points at or right of the inserted column (Excel
 * shifts references but not that text), those using such a name, and those that cannot be
 * checked (src/core/referenceBreaks.ts `factorAddImpact`). A Dutch message when the weight
 * is no number or the addition is refused.
 */
export function factorAddition(
  fresh: FreshState,
  name: string,
  waarom: string,
  weging: string,
  accepted?: ReadonlySet<string>,
): FactorMove | { ok: false; message: string } {
  const ctx = stap2Context(fresh.snapshot, fresh.analysis, fresh.notes);
  if ('message' in ctx) return { ok: false, message: ctx.message };
  const w = parseWeightInput(weging || '1');
  if (!w.ok) return { ok: false, message: w.message };
  return factorAddImpact(fresh.snapshot, ctx.sheet, ctx.werkblad, name, waarom, w.value, { shiftColumns: fresh.canShiftColumns, accepted });
}

/**
 * The question before adding factor `name` when `m` (factorAddition) found anything of the
 * team's that then reads other cells, or cannot be checked; null when nothing: then the
 * pane adds it at once. Dutch, naming each formula by sheet and cell with its text (and the
 * name it goes through), each name, each formula or name that cannot be checked as "kan
 * niet worden nagegaan", each rule and comment a rewrite by value reaches, and the kinds the
 * adapter could not read.
 */
export function addQuestion(name: string, m: FactorMove): RemovalQuestion | null {
  const { n, names, unknownNames, rules, u } = findingsOf(m);
  if (!n && !names.length && !u && !rules.length && !m.comments.length) return null;
  const parts: string[] = [];
  const k = n + names.length;
  // with a column inserted only a fixed INDIRECT text stays behind; written by value, every reference to a rewritten cell does
  const insert = m.ops.some((op) => op.kind === 'insertColumns');
  const how = insert ? ' met een vaste tekst (INDIRECT)' : '';
  if (k)
    parts.push(
      (insert
        ? 'Voor de nieuwe succesfactor komt er een kolom bij en schuift Totalen een kolom op, maar '
        : 'De nieuwe succesfactor en Totalen worden een kolom verder in de cellen geschreven, maar ') +
        (k === 1
          ? `deze ${n ? 'formule' : 'naam'} van jullie verwijst${how} naar een cel en blijft naar dezelfde cel verwijzen: daarna rekent hij met wat daar dan staat (de nieuwe succesfactor of de kolom ernaast).`
          : `deze ${k} ${!n ? 'namen' : !names.length ? 'formules' : 'formules en namen'} van jullie verwijzen${how} naar cellen en blijven naar dezelfde cellen verwijzen: daarna rekenen ze met wat daar dan staat (de nieuwe succesfactor of de kolom ernaast).`) +
        ` Pas ${k === 1 ? 'hem' : 'ze'} na het toevoegen aan.`,
    );
  if (u) parts.push(unknownText(u, 'na het toevoegen'));
  if (rules.length)
    parts.push(
      rules.length === 1
        ? 'Deze voorwaardelijke opmaak of gegevensvalidatie van jullie hoort bij de cellen: ze blijft staan waar ze staat en geldt daarna voor andere inhoud. Pas haar na het toevoegen aan als dat niet de bedoeling is.'
        : `Deze ${rules.length} regels van jullie (voorwaardelijke opmaak, gegevensvalidatie) horen bij de cellen: ze blijven staan waar ze staan en gelden daarna voor andere inhoud. Pas ze na het toevoegen aan als dat niet de bedoeling is.`,
    );
  if (m.comments.length)
    parts.push(
      m.comments.length === 1
        ? 'Een opmerking hoort bij haar cel en staat daarna bij andere inhoud.'
        : `${m.comments.length} opmerkingen horen bij hun cel en staan daarna bij andere inhoud.`,
    );
  const unread = unreadSentence(m.unread, 'na het toevoegen');
  if (unread) parts.push(unread);
  return {
    title: `“${name}” toevoegen?`,
    text: parts.join(' '),
    list: [
      ...m.reads.map((b) => formulaLine(b)),
      ...names.map(
        (d) => `Naam “${d.label}” (${d.sheet ? `alleen op blad ${d.sheet}` : 'hele werkmap'}): ${cut(d.formula)} blijft naar dezelfde cellen verwijzen`,
      ),
      ...m.unknown.map((b) => formulaLine(b, ' (kan niet worden nagegaan)')),
      ...unknownNames.map(definitionLine),
      ...rules.map(definitionLine),
      ...m.comments.map((c) => commentLine(c, 'blijft bij de cel en staat daarna bij andere inhoud')),
    ],
    confirm: 'Toch toevoegen',
  };
}

/**
 * Adds factor `name` (weight `weging` as typed, reason `waarom`) once the team agreed to
 * what of `seen` (as `factorAddition` gave it when the pane asked; [] when it did not ask)
 * then reads other cells. Refused, with nothing added, when on the fresh read more of the
 * team's would read other cells than the team agreed to.
 */
export const addFactor =
  (name: string, waarom: string, weging: string, seen: readonly string[] = []): Build =>
  (fresh) => {
    const m = factorAddition(fresh, name, waarom, weging, new Set(seen));
    if (!m.ok) return m;
    const more = placesNamed([...m.reads, ...m.unknown], m.definitions, m.comments);
    if (more.length)
      return {
        ok: false,
        message: `Intussen verwijst ook ${firstFive(more)} naar cellen die veranderen als “${name}” erbij komt. Er is niets toegevoegd; kies opnieuw als hij er toch bij moet.`,
      };
    return { ok: true, ops: m.ops };
  };

/**
 * Pure helpers of the notulist's panel: the composer's keyboard shortcuts, turning the
 * composer's fields into a note, the choices for the context and the filters, and the
 * labels shown in the list. No React, no workbook access.
 */
import { NOTE_KIND_LABELS, NOTE_KINDS, NOTE_STEPS, noteKindLabel, type Note, type NoteInput, type NoteKind } from '../../core/notes';
import type { Analysis } from '../../core/analyze';
import { draftKey, hasStrings, isRecord, readDraft, writeDraft, type DraftStorage } from '../logic/drafts';

/** Where the notulist's name is kept: per user, per computer, never in the workbook. */
export const AUTHOR_KEY = 'koppelkansen.auteur';

export const KIND_LABELS: Record<NoteKind, string> = NOTE_KIND_LABELS;

/** Alt+1 … Alt+5 pick the kind of note from anywhere in the composer. */
export function kindForShortcut(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; key: string; code?: string }): NoteKind | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  // e.code survives keyboard layouts where Alt+digit types another character (macOS)
  const digit = /^Digit([1-5])$/.exec(e.code ?? '')?.[1] ?? (/^[1-5]$/.test(e.key) ? e.key : null);
  return digit ? NOTE_KINDS[Number(digit) - 1] : null;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) saves. */
export function isSaveShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey);
}

export interface ComposerFields {
  kind: NoteKind;
  text: string;
  verantwoordelijke: string;
  date: string;
}

export interface NoteContext {
  step: string;
  koppelkans: string;
  factor: string;
}

export const EMPTY_FIELDS: ComposerFields = { kind: 'discussie', text: '', verantwoordelijke: '', date: '' };

/** Verantwoordelijke and date are asked for an actie (required) and an afspraak (optional). */
export function hasOwner(kind: string): boolean {
  return kind === 'actie' || kind === 'afspraak';
}

export function noteInput(fields: ComposerFields, context: NoteContext, author: string): NoteInput {
  const owner = hasOwner(fields.kind);
  return {
    author: author.trim(),
    step: context.step,
    koppelkans: context.koppelkans.trim(),
    factor: context.factor.trim(),
    kind: fields.kind,
    text: fields.text,
    verantwoordelijke: owner ? fields.verantwoordelijke.trim() : '',
    date: owner ? fields.date : '',
  };
}

/** The werkblad's koppelkansen as last listed by `koppelkansChoices`: the names read, the list, and its keys. */
let lastWerkblad: { names: string[]; choices: string[]; seen: Map<string, string> } | null = null;
/** The last list with koppelkansen only in notes added, and what it was made from. */
let lastWithNotes: { base: string[]; extra: string[]; choices: string[] } | null = null;

/** True when `names` holds the same strings as `kept`, in the same order. */
function sameNames(kept: readonly string[], names: readonly { koppelkans: string }[] | readonly string[]): boolean {
  if (kept.length !== names.length) return false;
  for (let i = 0; i < kept.length; i++) {
    const n = names[i];
    if (kept[i] !== (typeof n === 'string' ? n : n.koppelkans)) return false;
  }
  return true;
}

/** Adds each name (trimmed) whose key (lower case) is not in `seen` yet, first spelling wins. */
function addNames(seen: Map<string, string>, names: readonly { koppelkans: string }[], out: string[]): void {
  for (const r of names) {
    const k = r.koppelkans.trim();
    if (k && !seen.has(k.toLowerCase())) {
      seen.set(k.toLowerCase(), k);
      out.push(k);
    }
  }
}

/**
 * The koppelkansen on the werkblad (first spelling wins), in werkblad order, then those only
 * in notes (renamed or removed from the werkblad, so they stay findable). The same array as
 * the call before when no name changed (a typed score), so a list of 5,000 options built
 * from it need not be built again.
 */
export function koppelkansChoices(analysis: Analysis | null, notes: Note[] = []): string[] {
  const rows = analysis?.werkblad?.rows ?? [];
  let base = lastWerkblad;
  if (!base || !sameNames(base.names, rows)) {
    base = { names: rows.map((r) => r.koppelkans), choices: [], seen: new Map() };
    addNames(base.seen, rows, base.choices);
    // an empty werkblad (the notes list's own call) is listed at no cost: keep the werkblad's
    if (rows.length) lastWerkblad = base;
  }
  const extra: string[] = [];
  const inNotes = new Map<string, string>();
  addNames(
    inNotes,
    notes.filter((n) => !base.seen.has(n.koppelkans.trim().toLowerCase())),
    extra,
  );
  if (!extra.length) return base.choices;
  if (lastWithNotes && lastWithNotes.base === base.choices && sameNames(lastWithNotes.extra, extra)) return lastWithNotes.choices;
  const choices = [...base.choices, ...extra];
  lastWithNotes = { base: base.choices, extra, choices };
  return choices;
}

export function factorChoices(analysis: Analysis | null): string[] {
  return (analysis?.werkblad?.factors ?? []).map((f) => f.name).filter((n) => n.trim() !== '');
}

export const STEP_CHOICES: readonly string[] = NOTE_STEPS;

/** "Redenering · Stap 3 · Meer groen · Draagvlak" */
export function noteMeta(n: Note): string {
  const kind = noteKindLabel(n.kind);
  return [kind, n.step, n.koppelkans, n.factor].filter((x) => x && x.trim()).join(' · ');
}

/** "Fatima, 28-11-2026 14:05" (and the owner of an actie). */
export function noteByline(n: Note): string {
  const time = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(n.time);
  const when = time ? `${time[3]}-${time[2]}-${time[1]}${time[4]}` : n.time;
  return [n.author || 'onbekend', when].filter(Boolean).join(', ');
}

export function ownerLine(n: Note): string {
  if (!n.verantwoordelijke && !n.date) return '';
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(n.date);
  const date = d ? `${d[3]}-${d[2]}-${d[1]}` : n.date;
  return [n.verantwoordelijke ? `Verantwoordelijke: ${n.verantwoordelijke}` : '', date ? `vóór ${date}` : ''].filter(Boolean).join(', ');
}

/** The question of the Prioritering reason dialog. */
export function reasonQuestion(koppelkans: string, place: number, autoRank: number): string {
  return `Waarom staat “${koppelkans}” op plaats ${place} en niet op ${autoRank}?`;
}

/** A note as a list shows it: `gone` when a note being edited is no longer in the workbook (a colleague removed its row). */
export interface ShownNote {
  note: Note;
  gone: boolean;
}

/**
 * The notes a list renders: `shown` (the filtered list, in its order), and before them
 * every note the notulist is editing that `shown` no longer holds, so its editor, with the
 * text typed so far, stays on screen: `gone` when its id is not among `workbook` (the
 * workbook's notes as last read: a colleague removed the row), else it only left the
 * filter (a colleague changed its koppelkans, say). `editing` maps id → the note as it was
 * when editing started. Pure; no note is listed twice.
 */
export function withEditedNotes(shown: Note[], workbook: Note[], editing: ReadonlyMap<string, Note>): ShownNote[] {
  const ids = new Set(shown.map((n) => n.id).filter(Boolean));
  const present = new Map(workbook.filter((n) => n.id).map((n) => [n.id, n]));
  const kept: ShownNote[] = [];
  for (const [id, base] of editing) {
    if (ids.has(id)) continue;
    const now = present.get(id);
    kept.push(now ? { note: now, gone: false } : { note: base, gone: true });
  }
  return [...kept, ...shown.map((note) => ({ note, gone: false }))];
}

/** The note fields the editor changes (what `editNote` may write). */
export type NoteDraft = Pick<Note, 'kind' | 'step' | 'koppelkans' | 'factor' | 'text' | 'verantwoordelijke' | 'date'>;

const DRAFT_FIELDS: readonly (keyof NoteDraft)[] = ['kind', 'step', 'koppelkans', 'factor', 'text', 'verantwoordelijke', 'date'];

export function draftOf(n: Note): NoteDraft {
  return { kind: n.kind, step: n.step, koppelkans: n.koppelkans, factor: n.factor, text: n.text, verantwoordelijke: n.verantwoordelijke, date: n.date };
}

/**
 * What the notulist changed: the draft's fields that differ from `base`, the note as it was
 * when editing started (never the workbook's newer version: a colleague's change to the
 * same note must come out as a conflict of the guarded write, not be overwritten).
 */
export function draftChanges(base: Note, draft: NoteDraft): Partial<NoteDraft> {
  return Object.fromEntries(DRAFT_FIELDS.filter((k) => draft[k] !== base[k]).map((k) => [k, draft[k]]));
}

/** The editable fields a colleague changed in the workbook since editing started (empty: none). */
export function changedByOthers(base: Note, now: Note): (keyof NoteDraft)[] {
  return DRAFT_FIELDS.filter((k) => base[k] !== now[k]);
}

/**
 * A draft whose note a colleague removed, as a new note: the typed fields, the original
 * author (or `author` when it had none) and its onderbouwing mark; `addNote` gives it a new id and time.
 */
export function draftAsNewNote(base: Note, draft: NoteDraft, author: string): NoteInput {
  return { ...draft, author: base.author.trim() || author.trim(), ...(base.inOnderbouwing === false ? { inOnderbouwing: false } : {}) };
}

/** A note being edited, as kept on this computer until it is saved or thrown away: the typed fields and the note when editing started. */
export interface KeptNoteDraft {
  draft: NoteDraft;
  base: Note;
}

/** Storage key of the notes being edited (one entry per note id). */
const NOTE_DRAFTS_KEY = draftKey('notities');

const NOTE_TEXTS = ['id', 'time', 'author', 'step', 'koppelkans', 'factor', 'kind', 'text', 'verantwoordelijke', 'date'] as const;

const isNote = (v: unknown): v is Note =>
  isRecord(v) &&
  hasStrings(v, NOTE_TEXTS) &&
  typeof v.row === 'number' &&
  (v.inOnderbouwing === undefined || typeof v.inOnderbouwing === 'boolean') &&
  (v.read === undefined || (Array.isArray(v.read) && v.read.every((c) => c === null || ['string', 'number', 'boolean'].includes(typeof c))));

const isKeptNoteDraft = (v: unknown): v is KeptNoteDraft => isRecord(v) && isRecord(v.draft) && hasStrings(v.draft, DRAFT_FIELDS) && isNote(v.base);

const isKeptNoteDrafts = (v: unknown): v is Record<string, unknown> => isRecord(v);

/** The notes being edited that were kept on this computer: id → draft and base (unreadable entries are left out). */
export function readNoteDrafts(storage: DraftStorage): Map<string, KeptNoteDraft> {
  const all = readDraft(storage, NOTE_DRAFTS_KEY, isKeptNoteDrafts) ?? {};
  return new Map(Object.entries(all).filter((e): e is [string, KeptNoteDraft] => isKeptNoteDraft(e[1])));
}

/**
 * Keeps (or, with null, forgets) the draft of note `id`, leaving the other notes' drafts
 * as they are (read, change one entry, write). Returns false when the storage refused.
 */
export function keepNoteDraft(storage: DraftStorage, id: string, kept: KeptNoteDraft | null): boolean {
  const all = Object.fromEntries(readNoteDrafts(storage));
  if (kept) all[id] = kept;
  else delete all[id];
  return writeDraft(storage, NOTE_DRAFTS_KEY, Object.keys(all).length ? all : null);
}

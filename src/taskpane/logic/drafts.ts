/**
 * Drafts kept on this computer: text the team typed in the pane but has not yet saved to
 * the workbook, so a reload, a closed pane or a crash loses nothing. Kept in the host's
 * per-user storage (`HostServices.storage`: localStorage in Excel's webview and in the
 * preview), never in the workbook, under keys starting with DRAFT_PREFIX, so the
 * preview's retention rule (src/taskpane/preview/retention.ts, every "koppelkansen." key)
 * wipes them with the rest. Pure: no React; the storage is passed in.
 */

/** The part of `HostServices.storage` drafts use; `remove` is optional (a storage without it gets an empty value, read as no draft). */
export interface DraftStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove?(key: string): void;
}

/** Prefix of every draft key ("koppelkansen.concept.conclusie.Stap 2", …). */
export const DRAFT_PREFIX = 'koppelkansen.concept.';

/** The storage key of the draft named `name` (e.g. "conclusie.Stap 2"). */
export function draftKey(name: string): string {
  return `${DRAFT_PREFIX}${name}`;
}

/** Version of the stored shape; a draft of another version is ignored (not thrown away). */
const VERSION = 1;

/**
 * The draft stored under `key`, or null when there is none, it is unreadable (not JSON,
 * another version), or `isDraft` rejects its shape. Never throws: a storage that refuses
 * to read counts as holding nothing.
 */
export function readDraft<T>(storage: DraftStorage, key: string, isDraft: (v: unknown) => v is T): T | null {
  let raw: string | null;
  try {
    raw = storage.get(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object') return null;
    const { v, draft } = parsed as { v?: unknown; draft?: unknown };
    return v === VERSION && isDraft(draft) ? draft : null;
  } catch {
    return null;
  }
}

/**
 * Stores `draft` under `key` as JSON, or removes it (null: saved or thrown away). Returns
 * false when the storage refused (quota, privacy settings): the draft then lives only in
 * the pane, as before. Never throws.
 */
export function writeDraft<T>(storage: DraftStorage, key: string, draft: T | null): boolean {
  try {
    if (draft !== null) storage.set(key, JSON.stringify({ v: VERSION, draft }));
    else if (storage.remove) storage.remove(key);
    else if (storage.get(key) !== null) storage.set(key, '');
    return true;
  } catch {
    return false;
  }
}

/** A plain object (not null, not an array): the first check of every draft guard. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when every one of `keys` of `v` is a string. */
export function hasStrings(v: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((k) => typeof v[k] === 'string');
}

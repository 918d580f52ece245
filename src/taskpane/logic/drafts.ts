/**
 * Drafts kept on this computer: text the team typed in the pane but has not yet saved to
 * the workbook, so a reload, a closed pane or a crash loses nothing. Kept in the host's
 * per-user storage (`HostServices.storage`: localStorage in Excel's webview and in the
 * preview), never in the workbook, under keys starting with DRAFT_PREFIX, so the
 * preview's retention rule (src/taskpane/preview/retention.ts, every "koppelkansen." key)
 * wipes them with the rest. Pure: no React; the storage is passed in.
 *
 * Drafts belong to one workbook, not to the computer: one computer opens many workbooks
 * (Excel) or starts several (the preview), and a conclusion typed in workbook A must not
 * show up in workbook B. So every draft key is scoped by the open workbook's identity
 * (`scopedDraftStorage`), centrally in the session (src/taskpane/session.ts wraps
 * `host.storage`): views keep writing `draftKey(name)` and never see the scope.
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

/** The part of a storage that can list its keys (localStorage, a Map): needed only to migrate old drafts. */
export interface ListableStorage extends DraftStorage {
  keys?(): string[];
}

/**
 * Scope of the drafts when the open workbook has no identity the pane can read or keep
 * (Excel: a workbook that is read-only or protected and never saved, so neither a stored
 * id nor a document URL is there). Drafts are then per computer, as before scoping: they
 * can show up in another such workbook, but nothing is lost.
 */
export const DEVICE_SCOPE = 'deze-computer';

/** Marks a scoped key: "koppelkansen.concept.@<scope>.<name>"; keys without it are from before scoping. */
const SCOPE_MARK = '@';

/**
 * The key under which `key` (a `draftKey`) is kept for the workbook `scope`; keys that are
 * no draft key (the notulist's name, the preview's stamps) are returned as they are.
 * `scope`: the workbook's identity ("werkmap:<uuid>", "url:<address>", DEVICE_SCOPE, …).
 */
export function scopedKey(key: string, scope: string): string {
  if (!key.startsWith(DRAFT_PREFIX) || isScopedKey(key)) return key;
  return `${DRAFT_PREFIX}${SCOPE_MARK}${scope}.${key.slice(DRAFT_PREFIX.length)}`;
}

/** True for a draft key already scoped by a workbook (see scopedKey). */
function isScopedKey(key: string): boolean {
  return key.startsWith(DRAFT_PREFIX + SCOPE_MARK);
}

/** True for a draft key of an earlier version, kept per computer without a workbook scope. */
function isUnscopedDraftKey(key: string): boolean {
  return key.startsWith(DRAFT_PREFIX) && !isScopedKey(key);
}

/**
 * `storage` seen from inside the workbook `scope`: every draft key (DRAFT_PREFIX) read,
 * written or removed through it lands under `scopedKey(key, scope)`; other keys pass
 * through unchanged. `keys()` (when `storage` lists keys) gives the scope's draft keys
 * in their unscoped form, so code that scans for drafts sees only this workbook's.
 */
export function scopedDraftStorage(storage: ListableStorage, scope: string): ListableStorage & { readonly scope: string } {
  const inner = `${DRAFT_PREFIX}${SCOPE_MARK}${scope}.`;
  const out: ListableStorage & { readonly scope: string } = {
    scope,
    get: (key) => storage.get(scopedKey(key, scope)),
    set: (key, value) => storage.set(scopedKey(key, scope), value),
  };
  if (storage.remove) out.remove = (key) => storage.remove?.(scopedKey(key, scope));
  if (storage.keys) {
    const list = storage.keys.bind(storage);
    out.keys = () => list().flatMap((k) => (k.startsWith(inner) ? [DRAFT_PREFIX + k.slice(inner.length)] : isUnscopedDraftKey(k) || isScopedKey(k) ? [] : [k]));
  }
  return out;
}

/**
 * Moves the drafts kept by earlier versions (unscoped, per computer) into the workbook
 * `scope`, once: each is copied to its scoped key and then removed, so the first workbook
 * opened after the update shows them (marked as not yet saved) and no other does. A draft
 * whose scoped key already holds one is left where it is (nothing is overwritten or
 * dropped). Returns the unscoped keys moved. Needs a storage that lists its keys (without
 * `keys`: nothing moves). Never throws: a refusing storage moves what it can.
 */
export function migrateUnscopedDrafts(storage: ListableStorage, scope: string): string[] {
  const moved: string[] = [];
  let keys: string[];
  try {
    keys = storage.keys?.() ?? [];
  } catch {
    return moved;
  }
  for (const key of keys.filter(isUnscopedDraftKey)) {
    try {
      const value = storage.get(key);
      const target = scopedKey(key, scope);
      if (!value || storage.get(target)) continue;
      storage.set(target, value);
      if (storage.remove) storage.remove(key);
      else storage.set(key, '');
      moved.push(key);
    } catch {
      // quota or privacy settings: the old draft stays where it was
    }
  }
  return moved;
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

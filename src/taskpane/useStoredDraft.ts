/**
 * A field's draft that survives a reload: React state mirrored, on every change, to the
 * host's per-user storage (./logic/drafts). Views use it for text typed but not yet saved
 * to the workbook; they show a restored draft as "Nog niet opgeslagen" and clear it
 * (null) once it is saved or thrown away.
 */
import { useCallback, useRef, useState } from 'react';
import { readDraft, writeDraft, type DraftStorage } from './logic/drafts';

export interface StoredDraft<T> {
  /** The draft, or null when nothing is being typed. */
  draft: T | null;
  /** Sets (and stores at once) the draft; null removes it from storage too. */
  setDraft: (next: T | null | ((prev: T | null) => T | null)) => void;
  /** True while the draft shown is one restored from storage when the pane opened (until it is cleared). */
  restored: boolean;
}

/**
 * `storage`: the session's `host.storage` (already scoped to the open workbook, see
 * logic/drafts `scopedDraftStorage`); `key`: the full storage key (see `draftKey`); `isDraft`: the guard of the stored shape
 * (an unreadable or foreign value counts as no draft). The draft is read when the
 * component mounts and again whenever `key` or `storage` changes (another target or
 * another workbook: its own draft).
 */
export function useStoredDraft<T>(storage: DraftStorage, key: string, isDraft: (v: unknown) => v is T): StoredDraft<T> {
  const load = (k: string) => {
    const draft = readDraft(storage, k, isDraft);
    return { key: k, storage, draft, restored: draft !== null };
  };
  const [state, setState] = useState(() => load(key));
  // the latest draft per key, also between a set and the render it causes (a functional update reads it)
  const latest = useRef(state);
  let shown = state;
  const same = (s: typeof state) => s.key === key && s.storage === storage;
  if (!same(state)) {
    // another target, or another workbook's storage: show its own draft (React's "adjust state while rendering" pattern)
    shown = same(latest.current) ? latest.current : load(key);
    latest.current = shown;
    setState(shown);
  }
  const setDraft = useCallback(
    (next: T | null | ((prev: T | null) => T | null)) => {
      const prev = latest.current.key === key && latest.current.storage === storage ? latest.current : load(key);
      const value = typeof next === 'function' ? (next as (prev: T | null) => T | null)(prev.draft) : next;
      writeDraft(storage, key, value);
      latest.current = { key, storage, draft: value, restored: value !== null && prev.restored };
      setState(latest.current);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` only closes over storage and isDraft
    [storage, key, isDraft],
  );
  return { draft: shown.draft, setDraft, restored: shown.restored };
}

/** The mark beside a kept draft, the same everywhere in the pane: restored ones say they were kept on this computer. */
export function unsavedText(restored: boolean): string {
  return restored ? 'Nog niet opgeslagen (bewaard op deze computer)' : 'Nog niet opgeslagen';
}

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
 * `key`: the full storage key (see `draftKey`); `isDraft`: the guard of the stored shape
 * (an unreadable or foreign value counts as no draft). The draft is read once, when the
 * component mounts; give the component a React `key` per target when `key` can change.
 */
export function useStoredDraft<T>(storage: DraftStorage, key: string, isDraft: (v: unknown) => v is T): StoredDraft<T> {
  const initial = useRef<T | null | undefined>(undefined);
  if (initial.current === undefined) initial.current = readDraft(storage, key, isDraft);
  const [draft, setState] = useState<T | null>(initial.current);
  const [restored, setRestored] = useState(initial.current !== null);
  const current = useRef(draft);
  const setDraft = useCallback(
    (next: T | null | ((prev: T | null) => T | null)) => {
      const value = typeof next === 'function' ? (next as (prev: T | null) => T | null)(current.current) : next;
      current.current = value;
      writeDraft(storage, key, value);
      setState(value);
      if (value === null) setRestored(false);
    },
    [storage, key],
  );
  return { draft, setDraft, restored };
}

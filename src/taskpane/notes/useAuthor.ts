/**
 * The notulist's name: asked once, kept in the host's per-user storage (never in the
 * workbook). Every panel that uses it hears when another one remembers a new name.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WorkbookSession } from '../session';
import { AUTHOR_KEY } from './notesLogic';

const listeners = new Set<(name: string) => void>();

export interface AuthorState {
  /** The remembered name ("" when none yet). */
  stored: string;
  /** The name being typed (starts as the remembered one). */
  author: string;
  setAuthor: (v: string) => void;
  /** Remembers the typed (or given) name for this user on this computer. */
  remember: (v?: string) => void;
}

export function useAuthor(session: WorkbookSession): AuthorState {
  const storage = session.host.storage;
  const [stored, setStored] = useState(() => storage.get(AUTHOR_KEY) ?? '');
  const [author, setAuthor] = useState(stored);
  useEffect(() => {
    const hear = (name: string) => {
      setStored(name);
      setAuthor(name);
    };
    listeners.add(hear);
    return () => void listeners.delete(hear);
  }, []);
  const remember = useCallback(
    (v: string = author) => {
      const name = v.trim();
      if (!name || name === stored) return;
      storage.set(AUTHOR_KEY, name);
      for (const hear of listeners) hear(name);
    },
    [author, stored, storage],
  );
  return { stored, author, setAuthor, remember };
}

/**
 * Keeps the preview's workbook in this browser (IndexedDB), so reloading the page or
 * closing the tab loses nothing: the opened file (or none) and every plan applied to it,
 * the same record "Download .xlsx" replays. When IndexedDB is unavailable (private mode,
 * file://, quota) the preview still works, only without this safety net, and says so.
 */
import type { Plan } from '../../core/snapshot';

interface SavedWorkbook {
  version: 1;
  base: Uint8Array | null;
  fileName: string;
  plans: Plan[];
  /** How many of `plans` made the workbook (template, sample data); the rest are the team's changes. */
  pristine: number;
  savedAt: string;
}

export interface WorkbookStore {
  load(): Promise<SavedWorkbook | null>;
  save(state: Omit<SavedWorkbook, 'version' | 'savedAt'>): Promise<void>;
  clear(): Promise<void>;
}

const DB = 'koppelkansen-voorbeeld';
const STORE = 'werkmap';
const KEY = 'huidig';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB-fout'));
  });
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open(DB, 1);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB kon niet worden geopend'));
    r.onblocked = () => reject(new Error('IndexedDB is geblokkeerd door een ander tabblad'));
  });
}

function isSaved(v: unknown): v is SavedWorkbook {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<SavedWorkbook>;
  return (
    s.version === 1 &&
    Array.isArray(s.plans) &&
    typeof s.pristine === 'number' &&
    typeof s.fileName === 'string' &&
    (s.base === null || s.base instanceof Uint8Array)
  );
}

/** The browser's store, or null when this browser offers no IndexedDB. */
export function browserWorkbookStore(factory: IDBFactory | undefined = globalThis.indexedDB): WorkbookStore | null {
  if (!factory) return null;
  let db: Promise<IDBDatabase> | null = null;
  const database = () => (db ??= openDb(factory));
  // writes go one after the other; the last one wins
  let queue: Promise<void> = Promise.resolve();
  const tx = async <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const d = await database();
    const t = d.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('IndexedDB-fout'));
      t.onabort = () => reject(t.error ?? new Error('Opslaan in de browser afgebroken'));
    });
    void done.catch(() => undefined); // reported through `request` or below
    const result = await request(work(t.objectStore(STORE)));
    await done;
    return result;
  };
  return {
    async load() {
      const v: unknown = await tx('readonly', (s) => s.get(KEY));
      return isSaved(v) ? v : null;
    },
    save(state) {
      const record: SavedWorkbook = { version: 1, ...state, savedAt: new Date().toISOString() };
      const next = queue.then(() => tx('readwrite', (s) => s.put(record, KEY)).then(() => undefined));
      queue = next.catch(() => undefined);
      return next;
    },
    clear() {
      const next = queue.then(() => tx('readwrite', (s) => s.delete(KEY)).then(() => undefined));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

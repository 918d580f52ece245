/**
 * Keeps the preview's workbook in this browser (IndexedDB, through idb-keyval), so
 * reloading the page or closing the tab loses nothing: the opened file (or none) and every
 * plan applied to it, the same record "Download .xlsx" replays. When IndexedDB is
 * unavailable (private mode, file://, quota) the preview still works, only without this
 * safety net, and says so.
 */
import { createStore, del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { Plan } from '../../core/snapshot';

interface SavedWorkbook {
  version: 1;
  /** The workbook's own id (scopes the pane's drafts: ./workbooks PreviewWorkbook.id); absent in records of earlier versions. */
  id?: string;
  base: Uint8Array | null;
  fileName: string;
  plans: Plan[];
  /** How many of `plans` made the workbook (template, sample data); the rest are the team's changes. */
  pristine: number;
  /** When it was saved: an ISO 8601 time (UTC). */
  savedAt: string;
}

/** Where the preview keeps its one workbook record. */
export interface WorkbookStore {
  /** The saved record, or null when none was saved (or it is from another version). Rejects when IndexedDB refuses. */
  load(): Promise<SavedWorkbook | null>;
  /** Replaces the record (stamped with `savedAt`). Saves made without waiting land in call order: the last one wins. */
  save(state: Omit<SavedWorkbook, 'version' | 'savedAt'>): Promise<void>;
  /** Removes the record. */
  clear(): Promise<void>;
}

/** Database, object store and key; unchanged since the hand-written store, so records saved before still load. */
const DB = 'koppelkansen-voorbeeld';
const STORE = 'werkmap';
const KEY = 'huidig';

function isSaved(v: unknown): v is SavedWorkbook {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<SavedWorkbook>;
  return (
    s.version === 1 &&
    Array.isArray(s.plans) &&
    typeof s.pristine === 'number' &&
    typeof s.fileName === 'string' &&
    (s.id === undefined || typeof s.id === 'string') &&
    (s.base === null || s.base instanceof Uint8Array)
  );
}

/**
 * An idb-keyval store in `factory` other than the page's own `indexedDB` (tests, another
 * browsing context): the custom-store shape idb-keyval documents, opened once.
 */
function storeIn(factory: IDBFactory): UseStore {
  const request = factory.open(DB);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE);
  const db = promisifyRequest(request);
  return (mode, callback) => db.then((d) => callback(d.transaction(STORE, mode).objectStore(STORE)));
}

/**
 * The browser's store in `factory` (the page's `indexedDB` unless given), or null when
 * this browser offers no IndexedDB. Each call opens its own connection, as another tab
 * would. Writes are ordered by IndexedDB itself: read-write transactions on one store run
 * in the order they were created, and idb-keyval creates them in call order.
 */
export function browserWorkbookStore(factory: IDBFactory | undefined = globalThis.indexedDB): WorkbookStore | null {
  if (!factory) return null;
  // the page's own database through idb-keyval's createStore (which also reopens after Safari drops the connection)
  const store = factory === globalThis.indexedDB ? createStore(DB, STORE) : storeIn(factory);
  return {
    async load() {
      const v: unknown = await get(KEY, store);
      return isSaved(v) ? v : null;
    },
    save(state) {
      const record: SavedWorkbook = { version: 1, ...state, savedAt: new Date().toISOString() };
      return set(KEY, record, store);
    },
    clear() {
      return del(KEY, store);
    },
  };
}

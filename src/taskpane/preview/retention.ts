/**
 * How long the browser preview keeps what it stores in this browser, and how to wipe it
 * (AVG/GDPR storage limitation, art. 5(1)(e): the workbook holds participants' names and
 * notes). What the preview keeps: the workbook with every change (IndexedDB, see
 * ./persistence) and the names typed as notulist or deelnemer (localStorage keys starting
 * with "koppelkansen."). All of it expires together RETENTION_DAYS days after the preview
 * was last used: the next visit after that wipes it before anything is shown. "Wis alles
 * wat deze preview bewaart" wipes it at once. The privacy statement
 * (src/taskpane/privacy.html) and the README say the same; keep them in step.
 */
import type { WorkbookStore } from './persistence';

/** The kept workbook as the store gives it back. */
type SavedWorkbook = NonNullable<Awaited<ReturnType<WorkbookStore['load']>>>;

/** Days after the last use that the preview keeps what it stored (the privacy statement names this figure). */
export const RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Prefix of every localStorage key of the product (names of the notulist and deelnemer, the last-use stamp). */
const KEY_PREFIX = 'koppelkansen.';
/** localStorage key with the ISO time the preview was last opened. */
export const LAST_USED_KEY = 'koppelkansen.voorbeeld.laatstGebruikt';

/** The part of the Web Storage API (window.localStorage) the retention rule uses. */
export interface KeyValueArea {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** window.localStorage, or null when the browser refuses it (private mode, file://, settings). */
export function browserKeyValueArea(): KeyValueArea | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The product's keys in `area` (those starting with KEY_PREFIX). */
function productKeys(area: KeyValueArea): string[] {
  const keys: string[] = [];
  for (let i = 0; i < area.length; i++) {
    const k = area.key(i);
    if (k?.startsWith(KEY_PREFIX)) keys.push(k);
  }
  return keys;
}

/**
 * Wipes everything the preview keeps in this browser: the stored workbook (`store`) and
 * every "koppelkansen." key in `area`. Either may be null (nothing to wipe there).
 * Rejects when IndexedDB refuses; the localStorage keys are removed first in any case.
 */
export async function clearPreviewData(store: WorkbookStore | null, area: KeyValueArea | null): Promise<void> {
  if (area) for (const k of productKeys(area)) area.removeItem(k);
  await store?.clear();
}

/** Milliseconds since the epoch of an ISO time, or null when it is missing or unreadable. */
function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

export interface RetainedLoad {
  /** The kept workbook, or null (none kept, unreadable, or just wiped because it expired). */
  saved: SavedWorkbook | null;
  /** When something was wiped because it expired: the ISO time of its last use; else null. */
  expiredLastUsed: string | null;
}

/**
 * Opens the preview's storage under the retention rule. The last use is the latest of the
 * workbook's `savedAt` and the LAST_USED_KEY stamp. When that lies more than `days` days
 * (of 24 h) before `now`, everything is wiped (clearPreviewData) and `saved` is null;
 * kept data without any readable time starts its clock now. Either way `now` becomes the
 * last use. A store that cannot be read counts as holding no workbook.
 *
 * `now` is injectable for tests; the preview passes the current time.
 */
export async function loadWithRetention(
  store: WorkbookStore | null,
  area: KeyValueArea | null,
  now: Date = new Date(),
  days: number = RETENTION_DAYS,
): Promise<RetainedLoad> {
  const saved = store ? await store.load().catch(() => null) : null;
  const times = [timeOf(saved?.savedAt), timeOf(area?.getItem(LAST_USED_KEY))].filter((t): t is number => t !== null);
  const lastUsed = times.length ? Math.max(...times) : null;
  let result: RetainedLoad = { saved, expiredLastUsed: null };
  if (lastUsed !== null && now.getTime() - lastUsed > days * DAY_MS) {
    await clearPreviewData(store, area);
    result = { saved: null, expiredLastUsed: new Date(lastUsed).toISOString() };
  }
  try {
    area?.setItem(LAST_USED_KEY, now.toISOString());
  } catch {
    // quota or privacy settings: nothing kept, so nothing to expire
  }
  return result;
}

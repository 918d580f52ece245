/**
 * The retention rule of the browser preview (src/taskpane/preview/retention.ts) with an
 * injected clock, against fake-indexeddb and an in-memory localStorage: what the preview
 * keeps (the workbook with names and notes, the typed names) is wiped on the first visit
 * more than RETENTION_DAYS days after the last use and kept before that; "Wis alles"
 * wipes the product's keys and the workbook, and nothing else of the site's storage.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { IDBFactory } from 'fake-indexeddb';
import { browserWorkbookStore, type WorkbookStore } from '../../src/taskpane/preview/persistence';
import { clearPreviewData, LAST_USED_KEY, loadWithRetention, RETENTION_DAYS, type KeyValueArea } from '../../src/taskpane/preview/retention';
import type { Plan } from '../../src/core/snapshot';
import { draftKey, scopedKey } from '../../src/taskpane/logic/drafts';

const DAY = 24 * 60 * 60 * 1000;
const note: Plan = { ops: [{ kind: 'setCells', sheet: 'Notulen', cell: 'A11', cells: [[{ text: 'Ans: warmtenet eerst' }]] }] };

/** An in-memory Web Storage area (what window.localStorage offers). */
function memoryArea(initial: Record<string, string> = {}): KeyValueArea & { entries(): Record<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    entries: () => Object.fromEntries(map),
  };
}

// each test gets an empty IndexedDB: the store opens globalThis.indexedDB, as in the browser
const g = globalThis as { indexedDB?: IDBFactory };
const originalIndexedDb = g.indexedDB;
beforeEach(() => {
  g.indexedDB = new IDBFactory();
});
afterEach(() => {
  g.indexedDB = originalIndexedDb;
});

/** A store holding one changed workbook, saved "now" (persistence stamps savedAt with the real clock). */
async function storeWithWork(): Promise<{ store: WorkbookStore; savedAt: number }> {
  const store = browserWorkbookStore()!;
  await store.save({ base: null, fileName: 'Wijk Oost.xlsx', plans: [note], pristine: 0 });
  return { store, savedAt: Date.parse((await store.load())!.savedAt) };
}

describe('the preview keeps what it stores for RETENTION_DAYS days after the last use', () => {
  it('keeps the workbook and names one minute before the term ends, and restarts the term', async () => {
    const { store, savedAt } = await storeWithWork();
    const area = memoryArea({ 'koppelkansen.auteur': 'Ans de Vries' });
    const now = new Date(savedAt + RETENTION_DAYS * DAY - 60_000);
    const { saved, expiredLastUsed } = await loadWithRetention(store, area, now);
    expect(expiredLastUsed).toBeNull();
    expect(saved?.plans).toEqual([note]);
    expect(area.getItem('koppelkansen.auteur')).toBe('Ans de Vries');
    expect(area.getItem(LAST_USED_KEY)).toBe(now.toISOString());
  });

  it('wipes the workbook and the typed names on the first visit after the term, and says when it was last used', async () => {
    const { store, savedAt } = await storeWithWork();
    const area = memoryArea({ 'koppelkansen.auteur': 'Ans de Vries', 'koppelkansen.deelnemer': 'Bram', 'andere-site-sleutel': 'blijft' });
    const now = new Date(savedAt + RETENTION_DAYS * DAY + 60_000);
    const { saved, expiredLastUsed } = await loadWithRetention(store, area, now);
    expect(saved).toBeNull();
    expect(expiredLastUsed).toBe(new Date(savedAt).toISOString());
    expect(await store.load()).toBeNull();
    expect(area.entries()).toEqual({ 'andere-site-sleutel': 'blijft', [LAST_USED_KEY]: now.toISOString() });
  });

  it('counts a visit without changes as use: the stamp of the last visit keeps an older workbook', async () => {
    const { store, savedAt } = await storeWithWork();
    const area = memoryArea();
    // visited 20 days after the save, then again 20 days after that (40 days after the save)
    await loadWithRetention(store, area, new Date(savedAt + 20 * DAY));
    const { saved } = await loadWithRetention(store, area, new Date(savedAt + 40 * DAY));
    expect(saved?.fileName).toBe('Wijk Oost.xlsx');
  });

  it('expires names kept without a workbook too (a browser without IndexedDB)', async () => {
    const area = memoryArea({ 'koppelkansen.auteur': 'Ans de Vries' });
    const t0 = Date.UTC(2026, 0, 1);
    await loadWithRetention(null, area, new Date(t0));
    expect(area.getItem('koppelkansen.auteur')).toBe('Ans de Vries');
    const { expiredLastUsed } = await loadWithRetention(null, area, new Date(t0 + (RETENTION_DAYS + 1) * DAY));
    expect(expiredLastUsed).toBe(new Date(t0).toISOString());
    expect(area.getItem('koppelkansen.auteur')).toBeNull();
  });

  it('starts the term now for data kept without a readable time, instead of wiping it unasked', async () => {
    const area = memoryArea({ 'koppelkansen.auteur': 'Ans', [LAST_USED_KEY]: 'geen datum' });
    const now = new Date(Date.UTC(2026, 5, 1));
    const { expiredLastUsed } = await loadWithRetention(null, area, now);
    expect(expiredLastUsed).toBeNull();
    expect(area.getItem('koppelkansen.auteur')).toBe('Ans');
    expect(area.getItem(LAST_USED_KEY)).toBe(now.toISOString());
  });

  it('treats a store that cannot be read as holding no workbook', async () => {
    const broken: WorkbookStore = { load: () => Promise.reject(new Error('kapot')), save: () => Promise.resolve(), clear: () => Promise.resolve() };
    await expect(loadWithRetention(broken, memoryArea(), new Date())).resolves.toEqual({ saved: null, expiredLastUsed: null });
  });
});

describe('Wis alles wat deze preview bewaart', () => {
  it("wipes the workbook and every koppelkansen key, and leaves the site's other keys", async () => {
    const { store } = await storeWithWork();
    const area = memoryArea({ 'koppelkansen.auteur': 'Ans', 'koppelkansen.deelnemer': 'Bram', [LAST_USED_KEY]: new Date().toISOString(), ander: 'x' });
    await clearPreviewData(store, area);
    expect(await store.load()).toBeNull();
    expect(area.entries()).toEqual({ ander: 'x' });
  });

  it("wipes drafts scoped by a workbook as well as those of earlier versions (every 'koppelkansen.concept.' key)", async () => {
    const area = memoryArea({
      [scopedKey(draftKey('conclusie.Stap 2'), 'werkmap:0c6f')]: '{"v":1,"draft":{"text":"Oost","base":""}}',
      [scopedKey(draftKey('deelnemers'), 'url:https://gemeente.sharepoint.com/Wijk Oost.xlsx')]: '{"v":1,"draft":{"text":"Ans","base":[]}}',
      [draftKey('eigenOpgave')]: '{"v":1,"draft":{"naam":"Groen"}}',
      ander: 'x',
    });
    await clearPreviewData(null, area);
    expect(area.entries()).toEqual({ ander: 'x' });
  });

  it('expires workbook-scoped drafts with the rest after the term', async () => {
    const { store, savedAt } = await storeWithWork();
    const area = memoryArea({ [scopedKey(draftKey('deelnemers'), 'werkmap:0c6f')]: '{"v":1,"draft":{"text":"Ans","base":[]}}' });
    const { expiredLastUsed } = await loadWithRetention(store, area, new Date(savedAt + RETENTION_DAYS * DAY + 60_000));
    expect(expiredLastUsed).not.toBeNull();
    expect(Object.keys(area.entries())).toEqual([LAST_USED_KEY]);
  });

  it('works without a store or without localStorage', async () => {
    await expect(clearPreviewData(null, null)).resolves.toBeUndefined();
    const area = memoryArea({ 'koppelkansen.auteur': 'Ans' });
    await clearPreviewData(null, area);
    expect(area.entries()).toEqual({});
  });
});

test('the privacy statement names the same term and the wipe button the preview shows', () => {
  const html = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'privacy.html'), 'utf8');
  expect(html).toContain(`<strong>${RETENTION_DAYS} dagen</strong>`);
  expect(html).toContain('Wis alles wat deze preview bewaart');
  const app = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'preview', 'PreviewApp.tsx'), 'utf8');
  expect(app).toContain('Wis alles wat deze preview bewaart');
});

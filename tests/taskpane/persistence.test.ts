/**
 * The preview's workbook kept in the browser (IndexedDB through idb-keyval), against
 * fake-indexeddb: what is saved comes back, the last save wins, a record saved by the
 * earlier hand-written store (database version 1) still loads, a foreign record is
 * ignored, and a browser without IndexedDB gets no store (the preview then works without it).
 */
import { IDBFactory } from 'fake-indexeddb';
import { browserWorkbookStore } from '../../src/taskpane/preview/persistence';
import type { Plan } from '../../src/core/snapshot';

const plan = (text: string): Plan => ({ ops: [{ kind: 'setCells', sheet: 'Notulen', cell: 'A11', cells: [[{ text }]] }] });

const g = globalThis as { indexedDB?: IDBFactory };
const original = g.indexedDB;
/** A fresh, empty browser database for each test. */
beforeEach(() => {
  g.indexedDB = new IDBFactory();
});
afterAll(() => {
  g.indexedDB = original;
});

/** Writes `value` under the store's key the way the hand-written store did (explicit version 1). */
function putRaw(factory: IDBFactory, value: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const r = factory.open('koppelkansen-voorbeeld', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('werkmap');
    r.onsuccess = () => {
      const t = r.result.transaction('werkmap', 'readwrite');
      t.objectStore('werkmap').put(value, 'huidig');
      t.oncomplete = () => {
        r.result.close();
        resolve();
      };
      t.onerror = () => reject(t.error ?? new Error('transaction failed'));
    };
    r.onerror = () => reject(r.error ?? new Error('open failed'));
  });
}

describe('the preview workbook kept in the browser', () => {
  it('gives back what was saved, bytes and plans included', async () => {
    const store = browserWorkbookStore()!;
    expect(await store.load()).toBeNull();
    const base = new Uint8Array([80, 75, 3, 4, 0, 255]);
    const before = Date.now();
    await store.save({ base, fileName: 'Wijk Oost.xlsx', plans: [plan('=eerst'), plan('tweede\nregel')], pristine: 1 });
    const back = await store.load();
    expect(back).toMatchObject({ version: 1, fileName: 'Wijk Oost.xlsx', pristine: 1, plans: [plan('=eerst'), plan('tweede\nregel')] });
    expect(Array.from(back!.base!)).toEqual(Array.from(base));
    expect(Date.parse(back!.savedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("keeps the workbook's own id (drafts are scoped by it) and still loads a record without one", async () => {
    const store = browserWorkbookStore()!;
    await store.save({ id: 'c0ffee00-0000-4000-8000-000000000001', base: null, fileName: 'a.xlsx', plans: [], pristine: 0 });
    expect((await store.load())?.id).toBe('c0ffee00-0000-4000-8000-000000000001');
    await store.save({ base: null, fileName: 'oud.xlsx', plans: [], pristine: 0 });
    const old = await store.load();
    expect(old?.fileName).toBe('oud.xlsx');
    expect(old?.id).toBeUndefined();
  });

  it('keeps the last of several saves made one after the other without waiting', async () => {
    const store = browserWorkbookStore()!;
    const saves = Array.from({ length: 5 }, (_, i) =>
      store.save({ base: null, fileName: `v${i}.xlsx`, plans: Array.from({ length: i }, (__, j) => plan(`p${j}`)), pristine: 0 }),
    );
    await Promise.all(saves);
    expect((await store.load())?.fileName).toBe('v4.xlsx');
    // another tab (another store on the same database) sees it too
    expect((await browserWorkbookStore()!.load())?.plans).toHaveLength(4);
  });

  it('loads a workbook saved by the earlier hand-written store (same database, store and key)', async () => {
    await putRaw(g.indexedDB!, { version: 1, base: null, fileName: 'oud.xlsx', plans: [plan('x')], pristine: 0, savedAt: '2026-11-01T10:00:00.000Z' });
    expect(await browserWorkbookStore()!.load()).toMatchObject({ fileName: 'oud.xlsx', savedAt: '2026-11-01T10:00:00.000Z' });
  });

  it('forgets on clear, and ignores a record it does not recognise', async () => {
    const store = browserWorkbookStore()!;
    await store.save({ base: null, fileName: 'a.xlsx', plans: [], pristine: 0 });
    await store.clear();
    expect(await store.load()).toBeNull();
    // a record from an older or foreign version
    await putRaw(g.indexedDB!, { version: 0, stuff: true });
    expect(await browserWorkbookStore()!.load()).toBeNull();
  });

  it("works the same in a database the caller gives (another factory than the page's)", async () => {
    const other = new IDBFactory();
    const store = browserWorkbookStore(other)!;
    await store.save({ base: null, fileName: 'elders.xlsx', plans: [], pristine: 0 });
    expect((await browserWorkbookStore(other)!.load())?.fileName).toBe('elders.xlsx');
    expect(await browserWorkbookStore()!.load()).toBeNull(); // the page's own database is untouched
    await putRaw(other, { version: 1, base: null, fileName: 'oud.xlsx', plans: [], pristine: 0, savedAt: '2026-11-01T10:00:00.000Z' });
    expect((await store.load())?.fileName).toBe('oud.xlsx');
    await store.clear();
    expect(await store.load()).toBeNull();
  });

  it('is absent where the browser has no IndexedDB', () => {
    delete g.indexedDB;
    expect(browserWorkbookStore()).toBeNull();
  });
});

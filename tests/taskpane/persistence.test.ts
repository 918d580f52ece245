/**
 * The preview's workbook kept in the browser (IndexedDB), against fake-indexeddb: what
 * is saved comes back, the last save wins, a foreign record is ignored, and a browser
 * without IndexedDB gets no store (the preview then works without it).
 */
import { IDBFactory } from 'fake-indexeddb';
import { browserWorkbookStore } from '../../src/taskpane/preview/persistence';
import type { Plan } from '../../src/core/snapshot';

const plan = (text: string): Plan => ({ ops: [{ kind: 'setCells', sheet: 'Notulen', cell: 'A11', cells: [[{ text }]] }] });

describe('the preview workbook kept in the browser', () => {
  it('gives back what was saved, bytes and plans included', async () => {
    const store = browserWorkbookStore(new IDBFactory())!;
    expect(await store.load()).toBeNull();
    const base = new Uint8Array([80, 75, 3, 4, 0, 255]);
    await store.save({ base, fileName: 'Wijk Oost.xlsx', plans: [plan('=eerst'), plan('tweede\nregel')], pristine: 1 });
    const back = await store.load();
    expect(back).toMatchObject({ version: 1, fileName: 'Wijk Oost.xlsx', pristine: 1, plans: [plan('=eerst'), plan('tweede\nregel')] });
    expect(Array.from(back!.base!)).toEqual(Array.from(base));
    expect(Number.isNaN(Date.parse(back!.savedAt))).toBe(false);
  });

  it('keeps the last of several saves made one after the other without waiting', async () => {
    const factory = new IDBFactory();
    const store = browserWorkbookStore(factory)!;
    const saves = Array.from({ length: 5 }, (_, i) =>
      store.save({ base: null, fileName: `v${i}.xlsx`, plans: Array.from({ length: i }, (__, j) => plan(`p${j}`)), pristine: 0 }),
    );
    await Promise.all(saves);
    expect((await store.load())?.fileName).toBe('v4.xlsx');
    // another tab (another store on the same database) sees it too
    expect((await browserWorkbookStore(factory)!.load())?.plans).toHaveLength(4);
  });

  it('forgets on clear, and ignores a record it does not recognise', async () => {
    const factory = new IDBFactory();
    const store = browserWorkbookStore(factory)!;
    await store.save({ base: null, fileName: 'a.xlsx', plans: [], pristine: 0 });
    await store.clear();
    expect(await store.load()).toBeNull();
    // a record from an older or foreign version
    await new Promise<void>((resolve, reject) => {
      const r = factory.open('koppelkansen-voorbeeld', 1);
      r.onsuccess = () => {
        const t = r.result.transaction('werkmap', 'readwrite');
        t.objectStore('werkmap').put({ version: 0, stuff: true }, 'huidig');
        t.oncomplete = () => resolve();
        t.onerror = () => reject(t.error ?? new Error('transaction failed'));
      };
      r.onerror = () => reject(r.error ?? new Error('open failed'));
    });
    expect(await store.load()).toBeNull();
  });

  it('is absent where the browser has no IndexedDB', () => {
    expect(browserWorkbookStore(undefined)).toBeNull();
  });
});

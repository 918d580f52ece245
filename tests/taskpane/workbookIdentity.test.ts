/**
 * The workbook identity the Excel pane scopes its drafts by (src/taskpane/workbookIdentity.ts):
 * an id kept in the workbook's add-in settings, a new one saved there the first time, the
 * document URL when the workbook cannot keep one (read-only, protected), and no scope
 * (drafts per computer) when there is neither. Office's settings are faked in memory.
 */
import { newWorkbookId, officeDraftScope, WORKBOOK_ID_SETTING, type AddinSettings } from '../../src/taskpane/workbookIdentity';

/** Office.Settings in memory: `saves` decides whether saveAsync succeeds; `saved` is what the file holds. */
function fakeSettings(initial: Record<string, unknown>, saves: boolean | 'throws') {
  const inMemory = new Map(Object.entries(initial));
  const saved = new Map(inMemory);
  const settings: AddinSettings = {
    get: (n) => inMemory.get(n) ?? null,
    set: (n, v) => void inMemory.set(n, v),
    remove: (n) => void inMemory.delete(n),
    save: async () => {
      if (saves === 'throws') throw new Error('Settings not supported');
      if (saves) for (const [k, v] of inMemory) saved.set(k, v);
      return saves;
    },
  };
  return { settings, saved, inMemory };
}

const URL = 'https://gemeente.sharepoint.com/sites/wijk/Wijk Oost.xlsx';

describe('the identity of the workbook open in Excel', () => {
  it('is the id the workbook keeps, the same every time it is opened', async () => {
    const { settings } = fakeSettings({ [WORKBOOK_ID_SETTING]: 'abc-123' }, true);
    expect(await officeDraftScope(settings, URL)).toBe('werkmap:abc-123');
    expect(await officeDraftScope(settings, URL)).toBe('werkmap:abc-123');
  });

  it('is a new id, saved in the workbook, the first time', async () => {
    const { settings, saved } = fakeSettings({}, true);
    const scope = await officeDraftScope(settings, URL);
    expect(scope).toBe(`werkmap:${String(saved.get(WORKBOOK_ID_SETTING))}`);
    expect(await officeDraftScope(settings, URL)).toBe(scope);
    // two workbooks get two ids
    expect(await officeDraftScope(fakeSettings({}, true).settings, URL)).not.toBe(scope);
  });

  it('falls back to the document URL when the workbook cannot keep an id (read-only), leaving no half-set id', async () => {
    const { settings, inMemory } = fakeSettings({}, false);
    expect(await officeDraftScope(settings, URL)).toBe(`url:${URL}`);
    expect(inMemory.has(WORKBOOK_ID_SETTING)).toBe(false);
    expect(await officeDraftScope(fakeSettings({}, 'throws').settings, URL)).toBe(`url:${URL}`);
    expect(await officeDraftScope(undefined, URL)).toBe(`url:${URL}`);
  });

  it('is null (drafts per computer) for a read-only workbook without an address', async () => {
    expect(await officeDraftScope(fakeSettings({}, false).settings, '')).toBeNull();
    expect(await officeDraftScope(undefined, null)).toBeNull();
  });
});

test('new ids are version 4 UUIDs and differ', () => {
  const ids = new Set(Array.from({ length: 50 }, newWorkbookId));
  expect(ids.size).toBe(50);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

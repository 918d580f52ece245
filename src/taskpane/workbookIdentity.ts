/**
 * The open workbook's identity, which scopes the drafts the pane keeps on this computer
 * (./logic/drafts, HostServices.draftScope): a draft typed in one workbook must never show
 * up in another. In Excel the add-in keeps a random id in the workbook's own add-in
 * settings (Office.context.document.settings: Settings requirement set 1.1, Excel on
 * Windows, Mac, the web and iPad; stored in the file, per add-in, invisible in the grid,
 * so it travels with the workbook and never touches the team's cells). The preview keeps
 * the id in its stored workbook record (./preview/persistence).
 */

/** Name of the add-in setting that holds the workbook's id. */
export const WORKBOOK_ID_SETTING = 'koppelkansen.werkmapId';

/** A new random id (RFC 4122 version 4 UUID), from the browser's or Node's crypto (also outside secure contexts). */
export function newWorkbookId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // randomUUID exists only in secure contexts in some browsers: fall through to getRandomValues
    }
  }
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The part of Office.Settings used here; `save` resolves true when saveAsync succeeded. */
export interface AddinSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  save(): Promise<boolean>;
}

/**
 * The draft scope of the workbook open in Excel (HostServices.draftScope), asked once when
 * the pane starts:
 *  - "werkmap:<id>" when the workbook's add-in settings hold an id (a workbook opened before);
 *  - otherwise a new id is set and saved in the settings (`saveAsync`): "werkmap:<new id>";
 *  - when it cannot be saved there (read-only or protected workbook, settings missing on
 *    this platform), "url:<document URL>" (Office.context.document.url: the file's path or
 *    web address), so drafts still stay with this file; the unsaved id is removed again;
 *  - a workbook without either (new and never saved, and read-only): null, and drafts are
 *    kept per computer (DEVICE_SCOPE in ./logic/drafts), as before scoping. Nothing breaks.
 * `settings` and `url`: Office's, as the Excel entry (src/taskpane/office.tsx) passes them. Never rejects.
 */
export async function officeDraftScope(settings: AddinSettings | undefined, url: string | null | undefined): Promise<string | null> {
  const fallback = url ? `url:${url}` : null;
  if (!settings) return fallback;
  try {
    const kept = settings.get(WORKBOOK_ID_SETTING);
    if (typeof kept === 'string' && kept) return `werkmap:${kept}`;
    const id = newWorkbookId();
    settings.set(WORKBOOK_ID_SETTING, id);
    if (await settings.save().catch(() => false)) return `werkmap:${id}`;
    settings.remove(WORKBOOK_ID_SETTING);
    return fallback;
  } catch {
    return fallback;
  }
}

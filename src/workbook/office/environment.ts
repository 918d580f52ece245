/**
 * The add-in's surroundings: does this Excel support what we need, and telling the task
 * pane when the workbook may have changed.
 */
import { tryParseRange } from '../../core/a1';
import type { ChangedRange } from '../port';

/** Data validation through Office.js needs ExcelApi 1.8. */
const REQUIRED_EXCEL_API = '1.8';

export interface RequirementCheck {
  ok: boolean;
  message?: string;
}

type OfficeLike = { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } };

function globalOffice(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

export function checkRequirements(office: OfficeLike | undefined = globalOffice()): RequirementCheck {
  const requirements = office?.context?.requirements;
  if (!requirements) {
    return { ok: false, message: 'Koppelkansen Kiezen werkt als invoegtoepassing in Excel. Open de werkmap in Excel en start de invoegtoepassing daar.' };
  }
  let supported = false;
  try {
    supported = requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
  } catch {
    supported = false;
  }
  if (supported) return { ok: true };
  return {
    ok: false,
    message:
      `Deze versie van Excel is te oud voor Koppelkansen Kiezen (nodig: ExcelApi ${REQUIRED_EXCEL_API}, voor keuzelijsten en invoercontrole). ` +
      'Werk Excel bij naar Microsoft 365 of minimaal Excel 2019 (Windows), Excel 16.17 of nieuwer op de Mac, of gebruik Excel op het web.',
  };
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

export interface SubscribeOptions {
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Removes an event handler in its own context (default: Excel.run(handler.context, …)). */
  removeHandler?: (handler: Handler) => Promise<void>;
  isSetSupported?: (name: string, version: string) => boolean;
  /** Where focus events come from (default: window, when there is one). */
  focusTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  debounceMs?: number;
}

const defaultRemove = async (handler: Handler): Promise<void> => {
  await Excel.run(handler.context, async (context) => {
    handler.remove();
    await context.sync();
  });
};

/** The cells that a change event's args name, if any. */
function heardFrom(args: unknown): ChangedRange | null {
  const a = (args ?? {}) as { worksheetId?: unknown; address?: unknown; changeType?: unknown };
  if (typeof a.worksheetId !== 'string' || !a.worksheetId) return null;
  const edited = a.changeType === undefined || a.changeType === 'RangeEdited';
  // rows or columns inserted, deleted, sorted…: every cell below or right may have moved
  if (!edited || typeof a.address !== 'string' || !a.address) return { sheet: a.worksheetId };
  return { sheet: a.worksheetId, range: a.address };
}

/**
 * True for the change event of this add-in's own write (`triggerSource` "ThisLocalAddin",
 * ExcelApi 1.14): the Office adapter already read those cells and what depends on them back
 * with the write (or marked them for its next read), so reading them again would cost a
 * round trip for nothing. Older Excel sends no triggerSource: then the event is read.
 */
function ownWrite(args: unknown): boolean {
  return (args as { triggerSource?: unknown } | null)?.triggerSource === 'ThisLocalAddin';
}

/** Selections larger than this are not re-read on their own (a whole column selected). */
const MAX_SELECTION_CELLS = 10_000;

function smallSelection(address: string): boolean {
  const r = tryParseRange(address);
  if (!r) return false;
  return (r.end.row - r.start.row + 1) * (r.end.column - r.start.column + 1) <= MAX_SELECTION_CELLS;
}

/**
 * Calls `onChange` (debounced, ~600 ms) after the workbook changed, with what changed:
 * the ranges Excel's worksheet `onChanged` events named (WorksheetCollection, ExcelApi
 * 1.9; per sheet with ExcelApi 1.7), or null when it is not known (then read everything).
 * Fallbacks, because on the web picking a value from a dropdown may not fire `onChanged`:
 * when the selection moves (ExcelApi 1.9 `worksheets.onSelectionChanged`) or the pane gets
 * focus back, the previously selected cells are reported as changed. Changes this add-in
 * made itself (ExcelApi 1.14 `triggerSource`) are not reported: the adapter tracks its own
 * writes. Returns the unsubscribe.
 */
export async function subscribeToChanges(onChange: (changed: ChangedRange[] | null) => void, options: SubscribeOptions = {}): Promise<() => Promise<void>> {
  const run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  const remove = options.removeHandler ?? defaultRemove;
  const supported =
    options.isSetSupported ?? ((name: string, version: string) => globalOffice()?.context?.requirements?.isSetSupported(name, version) ?? false);
  const focusTarget = options.focusTarget !== undefined ? options.focusTarget : typeof window === 'undefined' ? null : window;
  const delay = options.debounceMs ?? 600;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = true;
  /** What changed since the last call; null: unknown. */
  let pending: ChangedRange[] | null = [];
  let selection: ChangedRange | null = null;
  const note = (changed: ChangedRange | null) => {
    if (pending === null) return;
    if (changed === null) pending = null;
    else pending.push(changed);
  };
  const fire = () => {
    if (!active) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!active) return;
      const changed = pending;
      pending = [];
      onChange(changed);
    }, delay);
  };
  const onChanged = async (args: unknown) => {
    // the pane's own writes: the adapter read them back (or marked them) when it wrote them
    if (ownWrite(args)) return;
    note(heardFrom(args));
    fire();
  };
  const onSelection = async (args: unknown) => {
    // the cells just left may hold a value picked from a dropdown that fired no onChanged
    if (selection) note(selection);
    const next = heardFrom({ ...(args as object), changeType: undefined });
    selection = next?.range && smallSelection(next.range) ? next : null;
    fire();
  };
  const onFocus = () => {
    if (selection) note(selection);
    fire();
  };
  const unknown = async () => {
    note(null);
    fire();
  };

  const handlers: Handler[] = await run(async (context) => {
    const workbook = context.workbook;
    const added: Handler[] = [];
    if (supported('ExcelApi', '1.9')) {
      added.push(workbook.worksheets.onChanged.add(onChanged));
      added.push(workbook.worksheets.onSelectionChanged.add(onSelection));
    } else {
      workbook.worksheets.load('items/name');
      await context.sync();
      for (const sheet of workbook.worksheets.items) added.push(sheet.onChanged.add(onChanged));
      added.push(workbook.worksheets.onAdded.add(unknown));
      // the workbook's selection event names no cells: read everything
      added.push(workbook.onSelectionChanged.add(unknown));
    }
    await context.sync();
    return added;
  });
  focusTarget?.addEventListener('focus', onFocus);

  return async () => {
    active = false;
    if (timer !== undefined) clearTimeout(timer);
    focusTarget?.removeEventListener('focus', onFocus);
    for (const h of handlers) {
      try {
        await remove(h);
      } catch {
        // the context may be gone (pane closing): nothing left to remove
      }
    }
  };
}

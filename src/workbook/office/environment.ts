/**
 * The add-in's surroundings: does this Excel support what we need, and telling the task
 * pane when the workbook may have changed.
 */

/** Data validation through Office.js needs ExcelApi 1.8. */
export const REQUIRED_EXCEL_API = '1.8';

export interface RequirementCheck {
  ok: boolean;
  message?: string;
}

type OfficeLike = { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } };

function globalOffice(): OfficeLike | undefined {
  return typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);
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

/**
 * Calls `onChange` (debounced, ~600 ms) after the workbook changed: worksheet `onChanged`
 * for all sheets (WorksheetCollection, ExcelApi 1.9; per sheet with ExcelApi 1.7), plus
 * selection changes and the pane getting focus back as fallbacks, because on the web
 * picking a value from a dropdown may not fire `onChanged`. Returns the unsubscribe.
 */
export async function subscribeToChanges(onChange: () => void, options: SubscribeOptions = {}): Promise<() => Promise<void>> {
  const run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  const remove = options.removeHandler ?? defaultRemove;
  const supported =
    options.isSetSupported ?? ((name: string, version: string) => globalOffice()?.context?.requirements?.isSetSupported(name, version) ?? false);
  const focusTarget = options.focusTarget !== undefined ? options.focusTarget : typeof window === 'undefined' ? null : window;
  const delay = options.debounceMs ?? 600;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = true;
  const fire = () => {
    if (!active) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (active) onChange();
    }, delay);
  };
  const onEvent = async () => fire();

  const handlers: Handler[] = await run(async (context) => {
    const workbook = context.workbook;
    const added: Handler[] = [];
    if (supported('ExcelApi', '1.9')) {
      added.push(workbook.worksheets.onChanged.add(onEvent) as Handler);
    } else {
      workbook.worksheets.load('items/name');
      await context.sync();
      for (const sheet of workbook.worksheets.items) added.push(sheet.onChanged.add(onEvent) as Handler);
      added.push(workbook.worksheets.onAdded.add(onEvent) as Handler);
    }
    added.push(workbook.onSelectionChanged.add(onEvent) as Handler);
    await context.sync();
    return added;
  });
  focusTarget?.addEventListener('focus', fire);

  return async () => {
    active = false;
    if (timer !== undefined) clearTimeout(timer);
    focusTarget?.removeEventListener('focus', fire);
    for (const h of handlers) {
      try {
        await remove(h);
      } catch {
        // the context may be gone (pane closing): nothing left to remove
      }
    }
  };
}

/**
 * How the adapter gets a request context: `Excel.run`, injectable for tests, with one
 * undo step per run where Excel supports it, and a retry while the user is editing a cell.
 */
import { WorkbookError } from '../errors';
import { isCellEditModeError, OfficeWorkbookError, toOfficeWorkbookError, type OfficeOperation } from './officeErrors';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function isSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

/**
 * `Excel.run`, with `mergeUndoGroup` (ExcelApi 1.20) so that all syncs of one run are
 * one step for Ctrl+Z.
 */
export const defaultExcelRun: ExcelRun = (batch) => (isSetSupported('ExcelApi', '1.20') ? Excel.run({ mergeUndoGroup: true }, batch) : Excel.run(batch));

export interface RetryOptions {
  /** Waits before each retry, in ms. Default 500, 1000, 2000 (three retries). */
  delays?: number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_DELAYS = [500, 1000, 2000];
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` and retries it when Excel refuses because the user is editing a cell
 * (`InvalidOperationInCellEditMode`). Every other error is mapped to an
 * OfficeWorkbookError with a Dutch message, except a WorkbookError the adapter raised
 * itself on what it read (a guarded column op refused: already Dutch, naming the cell,
 * nothing written), which passes as it is; `during` names what a payload-limit error
 * refused (a read or a write). `attempt` must be safe to run again (the apply keeps its
 * progress outside the run, so a retry does not write twice).
 */
export async function withCellEditRetry<T>(attempt: () => Promise<T>, options: RetryOptions = {}, during?: OfficeOperation): Promise<T> {
  const delays = options.delays ?? DEFAULT_DELAYS;
  const sleep = options.sleep ?? realSleep;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (err instanceof WorkbookError) throw err;
      if (!isCellEditModeError(err)) throw toOfficeWorkbookError(err, undefined, during);
      if (i >= delays.length) throw new OfficeWorkbookError('cellEditMode', { code: 'InvalidOperationInCellEditMode', cause: err });
      await sleep(delays[i]);
    }
  }
}

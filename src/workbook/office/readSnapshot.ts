/**
 * Reads the workbook snapshot: every sheet's name, visibility and values-only used range
 * (values and formulas) in ONE sync, the data validations the engine asks about in one
 * more. The number of syncs does not depend on the number of rows.
 *
 * One sync for all sheets without knowing their names: the batch walks the sheets with
 * `worksheets.getFirst()` and `getNextOrNullObject()` (ExcelApi 1.5) as far as
 * `chainLength`, loading each one's used range on the way; past the last sheet the
 * objects are null objects (`isNullObject`). A workbook with more sheets than the chain
 * costs one more sync (the chain then grows for the next read). Should a host refuse to
 * chain on null objects, the reader falls back to listing the sheets first (one sync
 * more) and remembers that for the rest of the session.
 */
import type { SheetSnapshot, ValidationSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { RangeRef, SnapshotRequest } from '../port';
import { anchorGrid } from './usedRangeGrid';
import { fromOfficeValidation } from './validationMapping';

export interface ReadState {
  /** Sheets walked in the first sync. */
  chainLength: number;
  /** Set when the host refused the chain: list the sheets first. */
  listFirst: boolean;
}

export const MIN_CHAIN = 32;

export function newReadState(): ReadState {
  return { chainLength: MIN_CHAIN, listFirst: false };
}

/** Thrown when the first sync of the chain failed; the caller retries with `listFirst`. */
export class ChainRefused extends Error {
  constructor(readonly cause: unknown) {
    super('the host refused to walk the worksheets with getNextOrNullObject');
  }
}

interface SheetLoad {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

function queueSheet(sheet: Excel.Worksheet): SheetLoad {
  sheet.load('name,visibility');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('address,values,formulas');
  return { sheet, used };
}

function queueChain(first: Excel.Worksheet, length: number): SheetLoad[] {
  const loads: SheetLoad[] = [];
  let sheet = first;
  for (let i = 0; i < length; i++) {
    if (i > 0) sheet = sheet.getNextOrNullObject();
    loads.push(queueSheet(sheet));
  }
  return loads;
}

function toSheetSnapshot({ sheet, used }: SheetLoad): SheetSnapshot {
  const hidden = sheet.visibility !== 'Visible';
  if (used.isNullObject) return { name: sheet.name, values: [], formulas: [], hidden };
  const grid = anchorGrid(used.address, used.values as unknown[][], used.formulas as unknown[][]);
  return { name: sheet.name, values: grid.values, formulas: grid.formulas, hidden };
}

/** Only to be called on an error from the chain's first sync: true when it is worth listing first. */
function isChainRefusal(err: unknown): boolean {
  const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : '';
  return !['InvalidOperationInCellEditMode', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'ActivityLimitReached', 'RequestAborted'].includes(code);
}

async function readSheetsByChain(context: Excel.RequestContext, state: ReadState): Promise<SheetSnapshot[]> {
  let loads = queueChain(context.workbook.worksheets.getFirst(), state.chainLength);
  try {
    await context.sync();
  } catch (err) {
    throw isChainRefusal(err) ? new ChainRefused(err) : err;
  }
  const sheets: SheetSnapshot[] = [];
  for (;;) {
    let ended = false;
    for (const load of loads) {
      if (load.sheet.isNullObject) {
        ended = true;
        break;
      }
      sheets.push(toSheetSnapshot(load));
    }
    if (ended) break;
    // more sheets than the chain: walk on from the last one (one more sync)
    loads = queueChain(loads[loads.length - 1].sheet.getNextOrNullObject(), state.chainLength);
    await context.sync();
  }
  state.chainLength = Math.max(MIN_CHAIN, sheets.length + 8);
  return sheets;
}

async function readSheetsListFirst(context: Excel.RequestContext): Promise<SheetSnapshot[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const loads = worksheets.items.map((s) => queueSheet(s));
  await context.sync();
  return loads.map(toSheetSnapshot);
}

function sheetNamed(sheets: SheetSnapshot[], name: string): SheetSnapshot | undefined {
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

async function readValidations(context: Excel.RequestContext, snapshot: WorkbookSnapshot, targets: RangeRef[]): Promise<ValidationSnapshot[]> {
  const loads: { target: RangeRef; dv: Excel.DataValidation }[] = [];
  const proxies = new Map<string, Excel.Worksheet>();
  for (const target of targets) {
    const sheet = sheetNamed(snapshot.sheets, target.sheet);
    if (!sheet) continue; // a sheet that does not exist has no validations
    let proxy = proxies.get(sheet.name);
    if (!proxy) {
      proxy = context.workbook.worksheets.getItem(sheet.name);
      proxies.set(sheet.name, proxy);
    }
    const dv = proxy.getRange(target.range).dataValidation;
    dv.load('type,rule,errorAlert,prompt');
    loads.push({ target, dv });
  }
  if (!loads.length) return [];
  await context.sync();
  return loads.map(({ target, dv }) => ({
    sheet: target.sheet,
    range: target.range,
    rule: fromOfficeValidation(dv.type, dv.rule, dv.errorAlert, dv.prompt),
  }));
}

export async function readWorkbook(context: Excel.RequestContext, request: SnapshotRequest, state: ReadState): Promise<WorkbookSnapshot> {
  const sheets = state.listFirst ? await readSheetsListFirst(context) : await readSheetsByChain(context, state);
  const snapshot: WorkbookSnapshot = { sheets };
  if (request.validationTargets) {
    snapshot.validations = await readValidations(context, snapshot, request.validationTargets(snapshot));
  }
  return snapshot;
}

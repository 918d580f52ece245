/**
 * Named errors of the memory and xlsx adapters. Their Dutch messages are in the one table
 * of src/core/errors.ts (keys "workbook.…"). Thrown before anything is changed: a plan that
 * fails its check is not applied at all.
 */
import { KoppelkansenError, type ErrorArgs } from '../core/errors';

export { MAX_COLUMNS, MAX_ROWS, MAX_SHEET_NAME } from '../core/errors';

export type WorkbookErrorCode =
  | 'unknownSheet'
  | 'sheetExists'
  | 'sheetNameTooLong'
  | 'sheetNameInvalid'
  | 'invalidAddress'
  | 'textTooLong'
  | 'invalidNumber'
  | 'invalidFormula'
  | 'invalidArgument'
  | 'noVisibleSheet'
  | 'chartsUnsupported'
  | 'sheetProtected'
  | 'columnsChanged'
  | 'cellsChanged'
  | 'notAWorkbook'
  | 'cannotEditLayout'
  | 'cannotReadLayout'
  | 'brokenSheetPart';

export class WorkbookError<C extends WorkbookErrorCode = WorkbookErrorCode> extends KoppelkansenError<`workbook.${C}`> {
  override readonly name = 'WorkbookError';
  /**
   * @param code the kind; the message is `ERROR_MESSAGES["workbook." + code]` with `args`
   * @param sheet, cell where it happened, when known
   */
  constructor(
    readonly code: C,
    args: ErrorArgs<`workbook.${C}`>,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(`workbook.${code}`, args);
  }
}

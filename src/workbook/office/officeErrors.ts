/**
 * Office.js errors mapped to named kinds; their Dutch messages (what went wrong and what
 * the user can do) are in the one table of src/core/errors.ts (keys "excel.…"). The task
 * pane shows `message`; `code` keeps the original Office error code for the log.
 */
import { KoppelkansenError } from '../../core/errors';

export type OfficeErrorKind =
  | 'cellEditMode'
  | 'payloadTooLarge'
  | 'readTooLarge'
  | 'readPayloadTooLarge'
  | 'notFound'
  | 'alreadyExists'
  | 'accessDenied'
  | 'conflict'
  | 'busy'
  | 'unsupported'
  | 'invalidArgument'
  | 'appendConflict'
  | 'general';

/** Office error code → kind. Codes not listed map to 'general'. */
const CODES: Record<string, OfficeErrorKind> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'readPayloadTooLarge',
  PayloadTooLarge: 'payloadTooLarge',
  ItemNotFound: 'notFound',
  InvalidReference: 'notFound',
  ItemAlreadyExists: 'alreadyExists',
  AccessDenied: 'accessDenied',
  Conflict: 'conflict',
  InsertDeleteConflict: 'conflict',
  ActivityLimitReached: 'busy',
  RequestAborted: 'busy',
  ServiceNotAvailable: 'busy',
  Timeout: 'busy',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
  UnsupportedFeature: 'unsupported',
  InvalidArgument: 'invalidArgument',
  InvalidOperation: 'invalidArgument',
  FormulaLengthExceedsLimit: 'invalidArgument',
};

export class OfficeWorkbookError extends KoppelkansenError<`excel.${OfficeErrorKind}`> {
  override readonly name = 'OfficeWorkbookError';
  readonly kind: OfficeErrorKind;
  /** The Office error code, when the error came from Office. */
  readonly code?: string;
  /** Where it happened, e.g. "Werkblad Notulen!A12:J12", when known. */
  readonly where?: string;

  constructor(kind: OfficeErrorKind, options: { code?: string; where?: string; cause?: unknown } = {}) {
    super(`excel.${kind}`, [], { where: options.where, cause: options.cause });
    this.kind = kind;
    this.code = options.code;
    this.where = options.where;
  }
}

/** The Office error code of an error thrown by Excel.run / context.sync, if any. */
export function officeErrorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = err.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function isCellEditModeError(err: unknown): boolean {
  return officeErrorCode(err) === 'InvalidOperationInCellEditMode';
}

/** What the adapter was doing when Excel refused: the payload-limit message names it. */
export type OfficeOperation = 'read' | 'write';

const PAYLOAD_KINDS: OfficeErrorKind[] = ['payloadTooLarge', 'readPayloadTooLarge'];

/**
 * Wraps whatever Office threw in an OfficeWorkbookError (kept as is when it already is one).
 * A payload limit (Excel on the web refuses a request or a response over 5 MB) is named by
 * what was refused: a read is "too large to read" (`readPayloadTooLarge`), a write is "a
 * change too large to send" (`payloadTooLarge`); without `during`, by the error code.
 */
export function toOfficeWorkbookError(err: unknown, where?: string, during?: OfficeOperation): OfficeWorkbookError {
  if (err instanceof OfficeWorkbookError) return err;
  const code = officeErrorCode(err);
  let kind = (code && CODES[code]) || 'general';
  if (during && PAYLOAD_KINDS.includes(kind)) kind = during === 'read' ? 'readPayloadTooLarge' : 'payloadTooLarge';
  return new OfficeWorkbookError(kind, { code, where, cause: err });
}

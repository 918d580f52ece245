/**
 * Office.js errors mapped to named kinds with one table of Dutch messages: what went
 * wrong and what the user can do. The task pane shows `message`; `code` keeps the
 * original Office error code for the log.
 */

export type OfficeErrorKind =
  | 'cellEditMode'
  | 'payloadTooLarge'
  | 'readTooLarge'
  | 'notFound'
  | 'alreadyExists'
  | 'accessDenied'
  | 'conflict'
  | 'busy'
  | 'unsupported'
  | 'invalidArgument'
  | 'appendConflict'
  | 'general';

const MESSAGES: Record<OfficeErrorKind, string> = {
  cellEditMode: 'Excel is nog bezig met het bewerken van een cel. Druk op Enter of Esc en probeer opnieuw.',
  payloadTooLarge:
    'De wijziging is te groot om in één keer naar Excel te sturen. Probeer opnieuw; lukt het niet, werk dan de werkmap in de bureaubladversie van Excel bij.',
  readTooLarge:
    'Dit deel van de werkmap is te groot om uit Excel op het web te lezen (meer dan 5 MB in één rij). Maak de lange teksten in deze rij korter, of werk de werkmap bij in de bureaubladversie van Excel.',
  notFound:
    'Een werkblad of bereik is niet gevonden. Misschien is een werkblad hernoemd of verwijderd terwijl de invoegtoepassing bezig was. Kies "Opnieuw controleren" en probeer het nog eens.',
  alreadyExists: 'Er bestaat al een werkblad met deze naam. Kies "Opnieuw controleren" en probeer het nog eens.',
  accessDenied:
    'Excel staat deze wijziging niet toe. Is het werkblad beveiligd of is de werkmap alleen-lezen geopend? Hef de beveiliging op (Controleren > Beveiliging blad opheffen) of open de werkmap om te bewerken.',
  conflict: 'Iemand anders wijzigde de werkmap op hetzelfde moment. Wacht even en probeer opnieuw.',
  busy: 'Excel is even te druk. Wacht een paar seconden en probeer opnieuw.',
  unsupported:
    'Deze versie van Excel ondersteunt deze bewerking niet. Werk Excel bij (Microsoft 365 of Excel op het web) en probeer opnieuw.',
  invalidArgument:
    'Excel weigerde een waarde die de invoegtoepassing wilde schrijven. Kies "Opnieuw controleren"; blijft het misgaan, meld het dan met de naam van het werkblad.',
  appendConflict:
    'Nieuwe regels konden niet worden toegevoegd: anderen schreven tegelijk op dezelfde plek in de werkmap. Wacht even en probeer opnieuw.',
  general:
    'Excel meldde een onverwachte fout. Probeer het opnieuw; blijft het misgaan, sla de werkmap op, sluit hem en open hem opnieuw.',
};

/** Office error code → kind. Codes not listed map to 'general'. */
const CODES: Record<string, OfficeErrorKind> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  RequestPayloadSizeLimitExceeded: 'payloadTooLarge',
  ResponsePayloadSizeLimitExceeded: 'readTooLarge',
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

export class OfficeWorkbookError extends Error {
  readonly kind: OfficeErrorKind;
  /** The Office error code, when the error came from Office. */
  readonly code?: string;
  /** Where it happened, e.g. "Werkblad Notulen!A12:J12", when known. */
  readonly where?: string;
  readonly cause?: unknown;

  constructor(kind: OfficeErrorKind, options: { code?: string; where?: string; cause?: unknown } = {}) {
    super(options.where ? `${options.where}: ${MESSAGES[kind]}` : MESSAGES[kind]);
    this.name = 'OfficeWorkbookError';
    this.kind = kind;
    this.code = options.code;
    this.where = options.where;
    this.cause = options.cause;
  }
}

export function officeErrorMessage(kind: OfficeErrorKind): string {
  return MESSAGES[kind];
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

/** Wraps whatever Office threw in an OfficeWorkbookError (kept as is when it already is one). */
export function toOfficeWorkbookError(err: unknown, where?: string): OfficeWorkbookError {
  if (err instanceof OfficeWorkbookError) return err;
  const code = officeErrorCode(err);
  const kind = (code && CODES[code]) || 'general';
  return new OfficeWorkbookError(kind, { code, where, cause: err });
}

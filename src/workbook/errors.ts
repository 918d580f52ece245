/**
 * Named errors of the memory and xlsx adapters, with one table of Dutch messages.
 * Thrown before anything is changed: a plan that fails its check is not applied at all.
 */

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
  | 'sheetProtected';

/** Excel's limits. */
export const MAX_SHEET_NAME = 31;
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

const NOTHING_CHANGED = 'Er is niets gewijzigd.';

export const WORKBOOK_MESSAGES = {
  unknownSheet: (sheet: string) => `Het werkblad "${sheet}" bestaat niet in deze werkmap. ${NOTHING_CHANGED}`,
  sheetExists: (sheet: string, existing: string) =>
    `Er is al een werkblad "${existing}"; een tweede werkblad "${sheet}" kan niet (Excel let niet op hoofdletters). ${NOTHING_CHANGED}`,
  sheetNameTooLong: (sheet: string) =>
    `De werkbladnaam "${sheet}" is ${sheet.length} tekens lang; Excel staat hoogstens ${MAX_SHEET_NAME} tekens toe. Kies een kortere naam. ${NOTHING_CHANGED}`,
  sheetNameInvalid: (sheet: string) =>
    `De werkbladnaam "${sheet}" kan niet: een naam is niet leeg, bevat geen van de tekens : \\ / ? * [ ] en begint of eindigt niet met een apostrof. ${NOTHING_CHANGED}`,
  invalidAddress: (sheet: string, address: string) => `Werkblad ${sheet}: "${address}" is geen geldige cel of bereik. ${NOTHING_CHANGED}`,
  textTooLong: (sheet: string, cell: string, length: number) =>
    `${sheet}!${cell}: de tekst is ${length.toLocaleString('nl-NL')} tekens lang; een cel kan hoogstens 32.767 tekens bevatten. Maak de tekst korter. ${NOTHING_CHANGED}`,
  invalidNumber: (sheet: string, cell: string, value: number) => `${sheet}!${cell}: ${String(value)} is geen getal dat Excel kan opslaan. ${NOTHING_CHANGED}`,
  invalidFormula: (sheet: string, cell: string, formula: string) => `${sheet}!${cell}: "${formula}" is geen formule (een formule begint met "="). ${NOTHING_CHANGED}`,
  invalidArgument: (sheet: string, what: string) => `Werkblad ${sheet}: ${what} ${NOTHING_CHANGED}`,
  noVisibleSheet: () => 'De werkmap heeft geen zichtbaar werkblad; Excel kan zo’n bestand niet openen. Maak minstens één werkblad zichtbaar.',
  chartsUnsupported: (sheet: string) =>
    `Een grafiek op werkblad ${sheet} kan alleen de invoegtoepassing in Excel maken; een bestand dat buiten Excel wordt geschreven (opdrachtregel, voorbeeld in de browser) kan geen grafiek krijgen. De grafiek staat wel in de onderbouwing. ${NOTHING_CHANGED}`,
  sheetProtected: (found: { sheet: string; cells: string[]; other: string[] }[]) => {
    const list = (items: string[]) => (items.length > 6 ? `${items.slice(0, 6).join(', ')} en nog ${items.length - 6}` : items.join(', '));
    const parts = found.map((f) => {
      const needs = [...(f.cells.length ? [`${f.cells.length === 1 && !f.cells[0].includes(':') ? 'cel' : 'cellen'} ${list(f.cells)}`] : []), ...(f.other.length ? [list(f.other)] : [])];
      return `Blad "${f.sheet}" is beveiligd, maar de add-in moet daar ${needs.join(' en ')} aanpassen.`;
    });
    const sheets = found.map((f) => `"${f.sheet}"`).join(' en ');
    const onlyCells = found.every((f) => f.other.length === 0);
    return `${parts.join(' ')} Hef de beveiliging van blad ${sheets} op (Controleren > Blad beveiligen opheffen), voer dit opnieuw uit en beveilig het blad daarna weer${
      onlyCells ? ', of ontgrendel deze cellen (Cellen opmaken > Bescherming > Geblokkeerd uitvinken) voordat je het blad beveiligt' : ''
    }. ${NOTHING_CHANGED}`;
  },
} as const;

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly sheet?: string,
    readonly cell?: string,
  ) {
    super(message);
  }
}

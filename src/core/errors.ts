/**
 * Every error a user can see, with ONE table of Dutch messages. Code throws a typed error
 * (`KoppelkansenError` or a subclass: `WorkbookError` of the memory and xlsx adapters,
 * `OfficeWorkbookError` of the Office.js adapter, the CLI's `UsageError`, `CliError` and
 * `FileError`) naming an entry of `ERROR_MESSAGES` and its values; the message is made
 * here, so the text can never disagree with the kind. Anything else that is thrown (a
 * bug, an English error from a library) is "unexpected": `userMessage` wraps it in the
 * generic Dutch hint instead of guessing from its text whether it is already Dutch.
 * Messages address the user as "je" and say what they can do.
 */

/** Excel's limits (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const MAX_SHEET_NAME = 31;
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

const NOTHING_CHANGED = 'Er is niets gewijzigd.';

/** Key → Dutch message; the arguments are the values the message names (sheet, cell, file …). */
export const ERROR_MESSAGES = {
  // ---- the workbook adapters (memory, xlsx): thrown before anything is changed
  'workbook.unknownSheet': (sheet: string) => `Het werkblad "${sheet}" bestaat niet in deze werkmap. ${NOTHING_CHANGED}`,
  'workbook.sheetExists': (sheet: string, existing: string) =>
    `Er is al een werkblad "${existing}"; een tweede werkblad "${sheet}" kan niet (Excel let niet op hoofdletters). ${NOTHING_CHANGED}`,
  'workbook.sheetNameTooLong': (sheet: string) =>
    `De werkbladnaam "${sheet}" is ${sheet.length} tekens lang; Excel staat hoogstens ${MAX_SHEET_NAME} tekens toe. Kies een kortere naam. ${NOTHING_CHANGED}`,
  'workbook.sheetNameInvalid': (sheet: string) =>
    `De werkbladnaam "${sheet}" kan niet: een naam is niet leeg, bevat geen van de tekens : \\ / ? * [ ] en begint of eindigt niet met een apostrof. ${NOTHING_CHANGED}`,
  'workbook.invalidAddress': (sheet: string, address: string) => `Werkblad ${sheet}: "${address}" is geen geldige cel of bereik. ${NOTHING_CHANGED}`,
  'workbook.textTooLong': (sheet: string, cell: string, length: number) =>
    `${sheet}!${cell}: de tekst is ${length.toLocaleString('nl-NL')} tekens lang; een cel kan hoogstens 32.767 tekens bevatten. Maak de tekst korter. ${NOTHING_CHANGED}`,
  'workbook.invalidNumber': (sheet: string, cell: string, value: number) =>
    `${sheet}!${cell}: ${String(value)} is geen getal dat Excel kan opslaan. ${NOTHING_CHANGED}`,
  'workbook.invalidFormula': (sheet: string, cell: string, formula: string) =>
    `${sheet}!${cell}: "${formula}" is geen formule (een formule begint met "="). ${NOTHING_CHANGED}`,
  'workbook.invalidArgument': (sheet: string, what: string) => `Werkblad ${sheet}: ${what} ${NOTHING_CHANGED}`,
  'workbook.columnsChanged': (sheet: string, cell: string, expected: string, actual: string, deleting: boolean) =>
    `${sheet}!${cell} is veranderd sinds de add-in de werkmap las (was ${expected ? `“${expected}”` : 'leeg'}, nu ${actual ? `“${actual}”` : 'leeg'}), waarschijnlijk door een collega. ` +
    `De kolom is niet ${deleting ? 'verwijderd' : 'ingevoegd'}: ${NOTHING_CHANGED} Bekijk de wijziging en probeer het opnieuw.`,
  'workbook.cellsChanged': (sheet: string, cell: string, expected: string, actual: string) =>
    `${sheet}!${cell} is veranderd sinds de add-in de werkmap las (was ${expected ? `“${expected}”` : 'leeg'}, nu ${actual ? `“${actual}”` : 'leeg'}), waarschijnlijk door een collega. ` +
    `${NOTHING_CHANGED} Bekijk de wijziging en probeer het opnieuw.`,
  'workbook.notAWorkbook': () =>
    'Dit bestand is geen Excel-werkmap: het is een zip-bestand zonder werkmapgedeelte (workbook.xml in de map xl), bijvoorbeeld een hernoemd OpenDocument- of Word-bestand. Open het in Excel en sla het op als Excel-werkmap (.xlsx).',
  'workbook.cannotEditLayout': (place = '') =>
    `Deze werkmap is gelezen, maar deze wijziging kan buiten Excel niet worden geschreven: het bestand is anders opgebouwd dan Excel het zelf opslaat (bijvoorbeeld door een ander programma gemaakt)${place ? `; dat blijkt bij ${place}` : ''}. ` +
    `Open de werkmap in Excel, sla hem op als Excel-werkmap (.xlsx) en probeer het opnieuw. ${NOTHING_CHANGED}`,
  'workbook.cannotReadLayout': (place: string) =>
    `Deze werkmap is anders opgebouwd dan Excel hem zelf opslaat (bijvoorbeeld door een ander programma gemaakt), en hier wordt hij niet betrouwbaar gelezen; dat blijkt bij ${place}. ` +
    'Open de werkmap in Excel, sla hem op als Excel-werkmap (.xlsx) en open hem dan opnieuw.',
  'workbook.brokenSheetPart': (sheet: string) =>
    `Het bestand is beschadigd: blad "${sheet}" heeft geen eigen werkbladgedeelte (het ontbreekt, of het is dat van een ander blad of geen werkblad). ` +
    `Open de werkmap in Excel (dat herstelt zo'n bestand), sla hem op als Excel-werkmap (.xlsx) en probeer het opnieuw. ${NOTHING_CHANGED}`,
  'workbook.noVisibleSheet': () => 'De werkmap heeft geen zichtbaar werkblad; Excel kan zo’n bestand niet openen. Maak minstens één werkblad zichtbaar.',
  'workbook.chartsUnsupported': (sheet: string) =>
    `Een grafiek op werkblad ${sheet} kan alleen de invoegtoepassing in Excel maken; een bestand dat buiten Excel wordt geschreven (opdrachtregel, voorbeeld in de browser) kan geen grafiek krijgen. De grafiek staat wel in de onderbouwing. ${NOTHING_CHANGED}`,
  'workbook.sheetProtected': (found: { sheet: string; cells: string[]; other: string[] }[]) => {
    const list = (items: string[]) => (items.length > 6 ? `${items.slice(0, 6).join(', ')} en nog ${items.length - 6}` : items.join(', '));
    const parts = found.map((f) => {
      const needs = [
        ...(f.cells.length ? [`${f.cells.length === 1 && !f.cells[0].includes(':') ? 'cel' : 'cellen'} ${list(f.cells)}`] : []),
        ...(f.other.length ? [list(f.other)] : []),
      ];
      return `Blad "${f.sheet}" is beveiligd, maar de add-in moet daar ${needs.join(' en ')} aanpassen.`;
    });
    const sheets = found.map((f) => `"${f.sheet}"`).join(' en ');
    const onlyCells = found.every((f) => f.other.length === 0);
    return `${parts.join(' ')} Hef de beveiliging van blad ${sheets} op (Controleren > Beveiliging blad opheffen), voer dit opnieuw uit en beveilig het blad daarna weer${
      onlyCells ? ', of ontgrendel deze cellen (Cellen opmaken > Bescherming > Geblokkeerd uitvinken) voordat je het blad beveiligt' : ''
    }. ${NOTHING_CHANGED}`;
  },

  // ---- Excel (Office.js): what went wrong and what the user can do
  'excel.cellEditMode': () => 'Excel is nog bezig met het bewerken van een cel. Druk op Enter of Esc en probeer opnieuw.',
  'excel.payloadTooLarge': () =>
    'De wijziging is te groot om in één keer naar Excel te sturen. Probeer opnieuw; lukt het niet, werk dan de werkmap in de bureaubladversie van Excel bij.',
  'excel.readPayloadTooLarge': () =>
    'Excel op het web kon de werkmap niet lezen: wat de add-in vroeg, werd groter dan de grens van 5 MB per keer. Probeer het opnieuw; lukt het niet, open de werkmap dan in de bureaubladversie van Excel (daar geldt deze grens niet), of maak zeer lange teksten in de werkmap korter.',
  'excel.readTooLarge': () =>
    'Dit deel van de werkmap is te groot om uit Excel op het web te lezen (meer dan 5 MB in één rij). Maak de lange teksten in deze rij korter, of werk de werkmap bij in de bureaubladversie van Excel.',
  'excel.notFound': () =>
    'Een werkblad of bereik is niet gevonden. Misschien is een werkblad hernoemd of verwijderd terwijl de invoegtoepassing bezig was. Kies "Opnieuw controleren" en probeer het nog eens.',
  'excel.alreadyExists': () => 'Er bestaat al een werkblad met deze naam. Kies "Opnieuw controleren" en probeer het nog eens.',
  'excel.accessDenied': () =>
    'Excel staat deze wijziging niet toe. Is het werkblad beveiligd of is de werkmap alleen-lezen geopend? Hef de beveiliging op (Controleren > Beveiliging blad opheffen) of open de werkmap om te bewerken.',
  'excel.conflict': () => 'Iemand anders wijzigde de werkmap op hetzelfde moment. Wacht even en probeer opnieuw.',
  'excel.busy': () => 'Excel is even te druk. Wacht een paar seconden en probeer opnieuw.',
  'excel.unsupported': () => 'Deze versie van Excel ondersteunt deze bewerking niet. Werk Excel bij (Microsoft 365 of Excel op het web) en probeer opnieuw.',
  'excel.invalidArgument': () =>
    'Excel weigerde een waarde die de invoegtoepassing wilde schrijven. Kies "Opnieuw controleren"; blijft het misgaan, meld het dan met de naam van het werkblad.',
  'excel.appendConflict': () =>
    'Nieuwe regels konden niet worden toegevoegd: anderen schreven tegelijk op dezelfde plek in de werkmap. Wacht even en probeer opnieuw.',
  'excel.general': () => 'Excel meldde een onverwachte fout. Probeer het opnieuw; blijft het misgaan, sla de werkmap op, sluit hem en open hem opnieuw.',

  // ---- the command line: wrong use (exit 2, followed by the usage text)
  'cli.unknownCommand': (command: string) => `onbekend commando "${command}"`,
  'cli.unknownOption': (option: string) => `onbekende optie ${option}`,
  'cli.optionNeedsValue': (option: string) => `${option} verwacht een waarde`,
  'cli.optionTakesNoValue': (option: string) => `${option} verwacht geen waarde`,
  'cli.exactlyOne': (what: string) => `geef precies één ${what}`,
  'cli.outputMissing': (example: string) => `geef een uitvoerbestand met -o ${example}`,
  'cli.outputExtension': (extension: string) => `het uitvoerbestand moet op ${extension} eindigen`,
  'cli.outputIsInput': () => 'het uitvoerbestand is het invoerbestand; gebruik --in-place als dat de bedoeling is',
  'cli.outputIsAnInput': () => 'het uitvoerbestand is een van de invoerbestanden; kies een nieuwe naam',
  'cli.twoWorkbooks': () => 'geef minstens twee werkmappen: de groepswerkmap en die van een deelnemer',
  'cli.rondeNumber': () => '--ronde verwacht een heel getal van 1 of meer',
  // anything the command line did not expect (exit 2): its files are only ever replaced by a
  // checked, complete new version at the very end (safeWrite.ts), so none was changed
  'cli.unexpected': (detail: string) =>
    `er ging iets onverwacht mis (${detail}); je bestanden zijn niet gewijzigd. Meld dit alsjeblieft, met de opdracht die je gaf en zo mogelijk het bestand.`,

  // ---- the user's files (command line): exit 2
  'file.exists': (file: string, replace: boolean) => `${file} bestaat al; kies een andere naam of gebruik --force${replace ? ' om het te vervangen' : ''}`,
  'file.macros': (file: string) => `${file} bevat macro's (.xlsm); die gaan verloren bij het schrijven. Gebruik --allow-xlsm als dat goed is.`,
  'file.passwordProtected': (file: string) =>
    `${file} is beveiligd met een wachtwoord; open het in Excel, haal de beveiliging weg (Bestand > Info > Werkmap beveiligen) en probeer het opnieuw`,
  'file.oldExcel': (file: string) => `${file} is een oud Excel-bestand (.xls); sla het in Excel op als Excel-werkmap (.xlsx)`,
  'file.openDocument': (file: string) => `${file} is een OpenDocument-rekenblad (.ods), geen Excel-werkmap; sla het op als .xlsx`,
  'file.notXlsx': (file: string) => `${file} is geen leesbaar Excel-bestand (.xlsx)`,
  'file.noWorkbookPart': (file: string) =>
    `${file} is geen Excel-werkmap: het is een zip-bestand zonder werkmap (workbook.xml in de map xl ontbreekt); open het in Excel en sla het op als Excel-werkmap (.xlsx)`,
  'file.notKoppelkansen': (file: string, wrote: boolean) =>
    `${file} is geen Koppelkansen Kiezen-werkmap${wrote ? '; er is niets geschreven' : ''}. Maak er een met "koppelkansen new" of kies het juiste bestand.`,
  'file.notFound': (file: string) => `bestand niet gevonden: ${file}`,
  'file.noFolder': (file: string, folder: string) => `kan ${file} niet schrijven: de map ${folder} bestaat niet`,
  'file.permission': (file: string, doing: 'lezen' | 'schrijven') => `geen toestemming om ${file} te ${doing}; controleer de rechten op het bestand en de map`,
  'file.isFolder': (file: string) => `${file} is een map, geen bestand; kies een bestandsnaam`,
  'file.pathNotFolder': (file: string, doing: 'lezen' | 'schrijven') => `kan ${file} niet ${doing}: een deel van het pad is geen map`,
  'file.readOnly': (file: string) => `kan ${file} niet schrijven: de schijf of map is alleen-lezen`,
  'file.diskFull': (file: string) => `kan ${file} niet schrijven: de schijf is vol; maak ruimte vrij en probeer het opnieuw`,
  'file.busy': (file: string) => `${file} is in gebruik door een ander programma; sluit het en probeer het opnieuw`,
  'file.nameTooLong': (file: string) => `de naam ${file} is te lang`,
  'file.other': (file: string, doing: 'lezen' | 'schrijven', systemCode?: string) => `kan ${file} niet ${doing}${systemCode ? ` (${systemCode})` : ''}`,
  'file.vanished': (file: string, why: string) => `${file} is verdwenen of onleesbaar geworden sinds het gelezen is (${why}); er is niets geschreven`,
  'file.changedSinceRead': (file: string) =>
    `${file} is gewijzigd sinds het gelezen is (iemand heeft het intussen opgeslagen); er is niets geschreven, zodat die wijzigingen niet verloren gaan. Voer de opdracht opnieuw uit.`,
  'file.openInExcel': (file: string, lockFile: string, user?: string) =>
    `${file} is geopend in Excel${user ? ` (door ${user})` : ''}: het vergrendelbestand ${lockFile} staat ernaast. Sluit de werkmap in Excel en probeer het opnieuw; er is niets geschreven.`,
  'file.inputDamaged': (input: string, part: string) =>
    `${input} is beschadigd (onderdeel ${part}), dus kon er geen goede nieuwe versie van worden gemaakt; er is niets geschreven. Open ${input} in Excel (dat herstelt zo'n bestand), sla het op als Excel-werkmap (.xlsx) en probeer het opnieuw.`,
  'file.verifyFailed': (file: string, why: string) =>
    `de nieuwe versie van ${file} bleek bij controle onleesbaar (${why}); ${file} is niet gewijzigd. Meld dit alsjeblieft.`,

  // ---- the task pane
  'pane.downloadUnavailable': () => 'Downloaden kan in deze omgeving niet.',
  'pane.chartNoCanvas': () => 'De grafiek kon niet worden getekend (geen canvas).',
  'pane.chartNoImage': () => 'De grafiek kon niet als afbeelding worden opgeslagen.',

  // ---- anything that is not one of the above (a bug, a library's own error)
  unexpected: (detail: string) => `Er ging iets mis: ${detail}. Probeer het opnieuw; blijft het misgaan, sla de werkmap op en laad de add-in opnieuw.`,
} as const;

export type ErrorKey = keyof typeof ERROR_MESSAGES;
/** The values the message of `K` names, in order. */
export type ErrorArgs<K extends ErrorKey> = Parameters<(typeof ERROR_MESSAGES)[K]>;

/** The Dutch message of `key` with its values. */
export function errorText<K extends ErrorKey>(key: K, ...args: ErrorArgs<K>): string {
  return (ERROR_MESSAGES[key] as (...a: ErrorArgs<K>) => string)(...args);
}

/** An error whose message comes from `ERROR_MESSAGES`; `key` says which kind it is. */
export class KoppelkansenError<K extends ErrorKey = ErrorKey> extends Error {
  override name = 'KoppelkansenError';
  /** What was thrown underneath (an Office or file-system error), for the log. */
  readonly cause?: unknown;
  /**
   * @param args the values `key`'s message names
   * @param options.where prefixes the message ("Notulen!A12: …")
   */
  constructor(
    readonly key: K,
    args: ErrorArgs<K>,
    options: { cause?: unknown; where?: string } = {},
  ) {
    super(options.where ? `${options.where}: ${errorText(key, ...args)}` : errorText(key, ...args));
    this.cause = options.cause;
  }
}

/**
 * The Dutch text to show for anything thrown: a KoppelkansenError's own message; anything
 * else is unexpected and gets the generic hint with its text as detail.
 */
export function userMessage(e: unknown): string {
  if (e instanceof KoppelkansenError) return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return errorText('unexpected', detail.replace(/\.$/, ''));
}

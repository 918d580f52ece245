/**
 * Problems are data, not exceptions: the UI lists them and selects the cell on click,
 * the CLI prints them. One table holds every Dutch message.
 */

import { tryParseCell } from './a1';
import { MAX_COLUMNS } from './errors';
import { STATUS_CHOICE } from './checklistStatus';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  sheet: string;
  /** A1 address of the cell (or the top-left cell of the area), or "" for the workbook. */
  cell: string;
  severity: Severity;
  code: ProblemCode;
  message: string;
}

type MessageFn = (p: Record<string, string | number>) => string;

const MESSAGES = {
  NOT_KOPPELKANSEN: {
    severity: 'error',
    text: () =>
      'Dit is geen Koppelkansen Kiezen-werkmap: er is geen blad "Werkblad koppelkansen kiezen". Maak een nieuwe werkmap met de add-in of open het juiste bestand.',
  },
  EMPTY_WORKBOOK: {
    severity: 'info',
    text: () => 'De werkmap is leeg. Maak de Koppelkansen Kiezen-indeling aan om te beginnen.',
  },
  NO_FACTORS: {
    severity: 'error',
    text: () => 'Er staan geen succesfactoren in rij 3 (vanaf kolom C). Vul minstens één succesfactor in.',
  },
  TOO_MANY_FACTORS: {
    severity: 'error',
    text: (p) => `Er staan ${p.count} succesfactoren in rij 3; het maximum is ${p.max}. Verwijder er een paar.`,
  },
  TOTALEN_MISSING: {
    severity: 'warning',
    text: (p) => `Kolom "Totalen" ontbreekt in rij 3. Bij het voorbereiden komt hij in kolom ${p.column}.`,
  },
  FACTOR_UNNAMED: {
    severity: 'warning',
    text: () => 'Deze succesfactor heeft geen naam. Vul in rij 3 een naam in.',
  },
  FACTOR_DUPLICATE: {
    severity: 'warning',
    text: (p) => `De succesfactor "${p.name}" staat twee keer in rij 3 (ook in ${p.other}).`,
  },
  WEIGHT_EMPTY: {
    severity: 'error',
    text: (p) => `De weging van "${p.factor}" is leeg. Vul een getal van 0 of meer in (standaard 1).`,
  },
  WEIGHT_NOT_NUMBER: {
    severity: 'error',
    text: (p) => `De weging van "${p.factor}" is geen getal ("${p.value}"). Vul een getal van 0 of meer in.`,
  },
  WEIGHT_NEGATIVE: {
    severity: 'error',
    text: (p) => `De weging van "${p.factor}" is negatief (${p.value}). Een weging is 0 of meer.`,
  },
  SCORE_NOT_NUMBER: {
    severity: 'error',
    text: (p) => `De score voor "${p.factor}" is geen getal ("${p.value}"). Vul een heel getal van -10 tot en met 10 in, of laat de cel leeg.`,
  },
  SCORE_ERROR_VALUE: {
    severity: 'error',
    text: (p) =>
      `In deze scorecel ("${p.factor}") staat de foutwaarde ${p.value}. De rij telt als ongeldig: geen totaal en niet in de ranglijst, in de add-in en in de formules van de werkmap. Herstel de formule of typ een heel getal van -10 tot en met 10, of maak de cel leeg.`,
  },
  SCORE_NOT_INTEGER: {
    severity: 'error',
    text: (p) => `De score ${p.value} voor "${p.factor}" is geen heel getal. Vul een heel getal van -10 tot en met 10 in.`,
  },
  SCORE_OUT_OF_RANGE: {
    severity: 'error',
    text: (p) => `De score ${p.value} voor "${p.factor}" ligt buiten -10 tot en met 10.`,
  },
  ROW_INVALID: {
    severity: 'error',
    text: (p) => `Rij ${p.row} ("${p.koppelkans}") heeft geen totaal: ${p.reason}.`,
  },
  ROW_UNSCORED: {
    severity: 'info',
    text: (p) => `"${p.koppelkans}" is nog niet gescoord.`,
  },
  ROW_PARTLY_SCORED: {
    severity: 'warning',
    text: (p) => `"${p.koppelkans}" is deels gescoord: ${p.scored} van ${p.factors} succesfactoren.`,
  },
  KOPPELKANS_WITHOUT_OPGAVE: {
    severity: 'warning',
    text: (p) => `De koppelkans "${p.koppelkans}" heeft geen opgave in kolom A.`,
  },
  SCORES_WITHOUT_KOPPELKANS: {
    severity: 'warning',
    text: (p) => `Rij ${p.row} heeft scores maar geen koppelkans in kolom B.`,
  },
  OPGAVE_NOT_ON_LONGLIST: {
    severity: 'warning',
    text: (p) => `De opgave "${p.opgave}" staat niet op de longlist (blad "${p.longlist}"). Voeg hem daar toe, dan komt hij in de keuzelijst.`,
  },
  KOPPELKANS_NOT_ON_LONGLIST: {
    severity: 'warning',
    text: (p) => `De koppelkans "${p.koppelkans}" staat niet op de longlist (blad "${p.longlist}").`,
  },
  KOPPELKANS_OTHER_OPGAVE: {
    severity: 'warning',
    text: (p) => `De koppelkans "${p.koppelkans}" hoort op de longlist bij opgave "${p.expected}", niet bij "${p.opgave}".`,
  },
  KOPPELKANS_DUPLICATE: {
    severity: 'warning',
    text: (p) => `De koppelkans "${p.koppelkans}" staat twee keer op het werkblad (ook in ${p.other}).`,
  },
  LONGLIST_MISSING: {
    severity: 'warning',
    text: () => 'Er is geen longlist (een blad met de kolommen "Opgave" en "Koppelkans"). Bij het voorbereiden wordt de standaard-longlist toegevoegd.',
  },
  LONGLIST_ROW_WITHOUT_OPGAVE: {
    severity: 'warning',
    text: (p) => `Op de longlist staat koppelkans "${p.koppelkans}" zonder opgave.`,
  },
  LONGLIST_TOO_MANY_OPGAVEN: {
    severity: 'warning',
    text: (p) => `De longlist heeft ${p.count} regels; de keuzelijsten van de werkmap tonen er ${p.max}. Maak de longlist korter.`,
  },
  NAME_ERROR_VALUE: {
    severity: 'warning',
    text: (p) =>
      `In deze naamcel staat ${p.value}: een foutwaarde, of een getypte tekst die er precies zo uitziet. De add-in telt hem niet als naam. Is het een foutwaarde, herstel dan de formule of maak de cel leeg; is het een getypte naam, geef hem dan een andere naam, want de formules van de werkmap lezen die tekst wél als naam.`,
  },
  NAME_NOT_COMPARABLE: {
    severity: 'warning',
    text: (p) => `De naam "${p.name}" ${p.risk}. Anders kunnen de formules van de werkmap en de add-in hem verschillend lezen.`,
  },
  SCORE_FORMULA_NO_RESULT: {
    severity: 'warning',
    text: (p) =>
      `In deze scorecel staat een formule zonder berekende waarde ("${p.factor}"). De add-in telt hem als niet gescoord; open en bewaar de werkmap in Excel, of typ de score als getal.`,
  },
  TEXT_CHARACTERS: {
    severity: 'warning',
    text: () =>
      'De tekst bevat een teken dat in een Excel-bestand niet mag staan (zoals U+FFFE of een stuurteken); het is opgeslagen zoals Excel dat doet, als _xFFFE_. Controleer de tekst.',
  },
  PAGE_SETUP_KEPT: {
    severity: 'info',
    text: (p) =>
      `Dit blad heeft al een eigen ${p.name === 'Print_Area' ? 'afdrukbereik' : 'afdruktitel'} (${p.theirs}); de add-in laat die staan en zet er niet ${p.ours} voor in de plaats.`,
  },
  PAGE_SETUP_UNSUPPORTED: {
    severity: 'info',
    text: () =>
      'Deze versie van Excel laat de add-in de pagina-indeling niet instellen (daarvoor is ExcelApi 1.9 nodig); dit blad houdt zijn eigen afdrukinstellingen. Stel het zo nodig zelf in via Pagina-indeling: Afdrukstand en Aanpassen aan 1 pagina breed.',
  },
  TEXT_TOO_LONG: {
    severity: 'warning',
    text: (p) => `Deze cel bevat ${p.length} tekens; Excel toont en bewaart er hoogstens 32.767. Maak de tekst korter, anders kapt Excel hem af.`,
  },
  CELL_OCCUPIED: {
    severity: 'warning',
    text: (p) =>
      p.merge
        ? `Deze cel hoort bij jullie samengevoegde cellen ${p.merge}${p.value ? ` ("${p.value}")` : ''}; de add-in schrijft daar niet in en laat jullie inhoud staan. Heffen jullie de samenvoeging op, dan vult de add-in hier aan wat er hoort.`
        : `Hier staat eigen tekst ("${p.value}") waar de add-in een formule wil zetten; de cel is niet overschreven. Maak hem leeg om de formule te krijgen.`,
  },
  GEVOELIGHEID_OCCUPIED: {
    severity: 'warning',
    text: (p) =>
      `Hier staat eigen tekst ("${p.value}") waar de add-in de gevoeligheid van de top 15 wil zetten (kolom ${p.column} van Resultaat); er is niets overschreven en de gevoeligheid staat niet op het blad. Verplaats de tekst of maak de cel leeg.`,
  },
  PRIO_NO_REASON: {
    severity: 'warning',
    text: (p) => `"${p.koppelkans}" staat op plaats ${p.place} maar automatisch op ${p.rank}: vul bij "Omdat…" de reden in.`,
  },
  PRIO_NOT_ON_WERKBLAD: {
    severity: 'warning',
    text: (p) => `"${p.koppelkans}" staat niet op het werkblad en heeft dus geen automatische rang.`,
  },
  PRIO_DUPLICATE: {
    severity: 'warning',
    text: (p) => `"${p.koppelkans}" staat twee keer in de prioritering (ook in ${p.other}).`,
  },
  PRIO_BAD_PLACE: {
    severity: 'warning',
    text: (p) => `De prioriteit "${p.value}" is geen heel getal van 1 of meer.`,
  },
  CHECKLIST_EMPTY_ONDERDEEL: {
    severity: 'warning',
    text: (p) =>
      `Het onderdeel is leeg. De add-in rekent deze regel bij "${p.onderdeel}", maar de voortgangstabel van de werkmap telt hem niet mee. Vul het onderdeel in.`,
  },
  CHECKLIST_ONDERDEEL_NOT_TEXT: {
    severity: 'warning',
    text: (p) =>
      `Het onderdeel "${p.value}" is ${p.kind}, geen tekst: Excel toont het per taal anders, dus de voortgangstabel van de werkmap en de add-in kunnen deze regel verschillend tellen. Typ het onderdeel als tekst (met een ' ervoor).`,
  },
  CHECKLIST_ERROR_VALUE: {
    severity: 'warning',
    text: (p) =>
      `In deze cel staat de foutwaarde ${p.value} (${p.column}). De voortgangstabel van de werkmap en de add-in tellen ${p.effect}. Herstel de formule of typ de waarde opnieuw.`,
  },
  CHECKLIST_BAD_STATUS: {
    severity: 'warning',
    text: (p) => `De status "${p.value}" is onbekend; kies ${STATUS_CHOICE}.`,
  },
  CHECKLIST_BAD_DATE: {
    severity: 'warning',
    text: (p) => `"${p.value}" is geen datum. Vul de datum van de overstap van de laatste woning in.`,
  },
  CHECKLIST_DATE_OUT_OF_RANGE: {
    severity: 'warning',
    text: (p) =>
      `Het getal ${p.value} is geen datum die Excel kan tonen (van ${p.from} tot en met 31-12-9999). Vul de datum van de overstap van de laatste woning in.`,
  },
  CHECKLIST_LATE: {
    severity: 'warning',
    text: (p) =>
      `De overstap van de laatste woning is in ${p.year}: de WUP moet uiterlijk in ${p.deadline} zijn vastgesteld (8 jaar vooraf), en dat jaar is al voorbij.`,
  },
  CHECKLIST_DEADLINE: {
    severity: 'info',
    text: (p) => `De overstap van de laatste woning is in ${p.year}: stel de WUP uiterlijk in ${p.deadline} vast (8 jaar vooraf).`,
  },
} satisfies Record<string, { severity: Severity; text: MessageFn }>;

export type ProblemCode = keyof typeof MESSAGES;

export function problem(code: ProblemCode, sheet: string, cell: string, params: Record<string, string | number> = {}): Problem {
  const entry = MESSAGES[code] as { severity: Severity; text: MessageFn };
  return { sheet, cell, severity: entry.severity, code, message: entry.text(params) };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity by sheet and reading order. */
export function sortProblems(problems: Problem[]): Problem[] {
  // each problem's keys are worked out once (a sheet's place among the few sheet names, its
  // cell's reading order), not in every comparison: 7,000 problems sort in a few ms
  const sheets = [...new Set(problems.map((p) => p.sheet))].sort((a, b) => a.localeCompare(b));
  const sheetOrder = new Map<string, number>();
  sheets.forEach((name, i) => sheetOrder.set(name, i > 0 && sheets[i - 1].localeCompare(name) === 0 ? sheetOrder.get(sheets[i - 1])! : i));
  const keyed = problems.map((p) => ({ p, severity: ORDER[p.severity], sheet: sheetOrder.get(p.sheet)!, cell: cellOrder(p.cell) }));
  keyed.sort((a, b) => a.severity - b.severity || a.sheet - b.sheet || a.cell - b.cell);
  return keyed.map((k) => k.p);
}

/**
 * The order `sortProblems` puts two problems in, as a comparison (negative: `a` first, 0:
 * the same place, which keeps them in the order they were found): errors first, then by
 * sheet name (locale order), then by the cell's reading order (row, then column; no cell first).
 */
export function compareProblems(a: Problem, b: Problem): number {
  return ORDER[a.severity] - ORDER[b.severity] || a.sheet.localeCompare(b.sheet) || cellOrder(a.cell) - cellOrder(b.cell);
}

function cellOrder(cell: string): number {
  const pos = tryParseCell(cell);
  if (!pos) return -1;
  return pos.row * (MAX_COLUMNS + 1) + pos.column;
}

/** "Werkblad koppelkansen kiezen!D7: message" — for the CLI and logs. */
export function formatProblem(p: Problem): string {
  const where = p.cell ? `${p.sheet}!${p.cell}` : p.sheet || 'Werkmap';
  const label = p.severity === 'error' ? 'FOUT' : p.severity === 'warning' ? 'LET OP' : 'INFO';
  return `${label} ${where}: ${p.message}`;
}

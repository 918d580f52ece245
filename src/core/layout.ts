/**
 * The one place that knows the workbook layout: sheet names, labels, the rows of the
 * werkblad, and the shapes of the sheets the engine creates.
 */

export const SHEET_NAMES = {
  werkblad: 'Werkblad koppelkansen kiezen',
  /** The guide's "Overzicht opgaven en koppelkansen" is 33 characters: too long for Excel. */
  longlist: 'Opgaven en koppelkansen',
  resultaat: 'Resultaat',
  prioritering: 'Prioritering',
  checklist: 'WUP checklist',
  notulen: 'Notulen',
  /** Hidden helper sheet with the formula-driven dropdown lists. */
  lijsten: 'Keuzelijsten',
} as const;

export type SheetRole = keyof typeof SHEET_NAMES;

/** Sheet names compare without case, surrounding spaces and repeated inner spaces. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameName(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

export const WERKBLAD = {
  titleRow: 1,
  factorRow: 3,
  weightRow: 4,
  hintRow: 5,
  /** Row 5 under each factor: the one-line "waarom" of the factor (the team's, editable). */
  waaromRow: 5,
  /** Start of the werkblad title in A1; the wijk's name follows after " – ". */
  titlePrefix: 'Werkblad koppelkansen kiezen',
  /** Default weight and column widths (characters) of a factor and of Totalen. */
  defaultWeging: 1,
  factorWidth: 14,
  totalenWidth: 11,
  firstDataRow: 6,
  opgaveColumn: 1,
  koppelkansColumn: 2,
  firstFactorColumn: 3,
  totalenLabel: 'Totalen',
  maxFactors: 30,
  /** Empty rows prepared (dropdowns, validation, totals) below the last data row. */
  spareRows: 50,
  /** A new werkblad is prepared down to at least this many data rows. */
  minPreparedRows: 100,
  invalidTotal: 'ongeldig',
} as const;

export const LONGLIST = {
  opgaveLabel: 'Opgave',
  koppelkansLabel: 'Koppelkans',
  toelichtingLabel: 'Toelichting',
  /** Header rows searched for the labels. */
  headerSearchRows: 10,
  /** The "minder concreet" mark (guide, Stap 2) and who makes the koppelkans concrete: columns found by label. */
  minderConcreetLabel: 'Minder concreet',
  verantwoordelijkeLabel: 'Verantwoordelijke concretiseren',
  /** What the pane writes in the mark column. */
  minderConcreetMark: 'ja',
  /** Rows below the header that the dropdown formulas cover, at least. */
  minCapacity: 300,
  /** Rows the dropdown formulas cover below the last longlist row, for rows a colleague adds. */
  spareCapacity: 300,
  /** Most longlist rows the Keuzelijsten formulas cover (about 18 formulas a row). */
  maxCapacity: 20000,
} as const;

export const LIJSTEN = {
  /** Column A: every koppelkans of the longlist; row 1 from B: the distinct opgaven. */
  allLabel: 'Alle koppelkansen',
} as const;

export const RESULTAAT = {
  title: 'Resultaat: automatische top 15',
  headerRow: 4,
  firstRow: 5,
  topN: 15,
  /** Formula rows for the top 15, whatever the ties (a warning says when more share the last place). */
  minRows: 25,
  headers: ['Rang', 'Opgave', 'Koppelkans', 'Totaal', 'Gescoord', 'Rij op werkblad'],
} as const;

/** The robustness block on the Resultaat sheet: column H from row 1, one sentence a row, ending at the first empty cell. */
export const GEVOELIGHEID = {
  column: 8,
  title: 'Hoe stevig is de top 15? (gevoeligheid)',
  width: 100,
} as const;

export const PRIORITERING = {
  title: 'Prioritering: de keuze van het team',
  headerRow: 4,
  firstRow: 5,
  minRows: 30,
  spareRows: 30,
  headers: ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang', 'Signaal', 'Gecontroleerd (add-in)', 'Afwijking (add-in)'],
  deviationFlag: 'Afwijking zonder reden',
  /** Shown by the Signaal formula when the team's order (a place or a koppelkans) changed after the add-in last checked it: reordering by hand in Excel. Score changes do not show it. */
  changedFlag: 'Volgorde gewijzigd sinds de laatste controle',
} as const;

export const CHECKLIST = {
  title: 'WUP checklist: basiselementen van het Wijkuitvoeringsplan',
  dateLabel: 'Datum overstap laatste woning',
  dateRow: 3,
  deadlineLabel: 'Uiterlijk WUP vastgesteld in (jaar)',
  deadlineRow: 4,
  valueColumn: 3,
  headerRow: 6,
  firstRow: 7,
  headers: ['Onderdeel', 'Basiselement', 'Status', 'Toelichting', 'Verantwoordelijke'],
  progressColumn: 8,
  progressHeaders: ['Onderdeel', 'Klaar', 'Bezig', 'Aantal', 'Voortgang'],
  yearsAhead: 8,
} as const;

export const NOTULEN = {
  title: 'Notulen',
  conclusionsHeaderRow: 3,
  firstConclusionRow: 4,
  /** Conclusions block: step label in A, question in E, the team's conclusion in H (the wide columns of the log). */
  conclusionQuestionColumn: 5,
  conclusionColumn: 8,
  logTitleRow: 9,
  headerRow: 10,
  firstRow: 11,
  headers: ['Id', 'Tijd', 'Auteur', 'Stap', 'Koppelkans', 'Succesfactor', 'Soort', 'Tekst', 'Verantwoordelijke', 'Datum', 'In onderbouwing'],
  /** Column K: "nee" leaves the note out of the onderbouwing (empty or "ja": in it). */
  onderbouwingColumn: 11,
  /** Widths of columns A..K in Excel character units; the log's text (H) wraps at this width. */
  columnWidths: [18, 17, 18, 12, 36, 24, 12, 70, 20, 12, 16],
  /** Column H: the note's text, the one column of the log that wraps. */
  textColumn: 8,
  /** The look of a note's text cell (H): wrapped, from the top (the template's H11:H511 and every appended note). */
  textStyle: { wrap: true, verticalAlignment: 'top' },
} as const;

/** One of the guide's Stap 1 questions: its text, the werkvorm the guide suggests for it, and its sub-questions. */
interface Stap1Vraag {
  vraag: string;
  /** The guide's suggested way of working, e.g. "individuele brainstorm + clustering" ("" when it names none). */
  werkvorm: string;
  /** Questions the guide puts under this one (the facets of the future picture). */
  deelvragen: string[];
}

/**
 * The guide's questions of Stap 1 ("Een gedeeld verhaal van de wijk", chapter 3, the
 * DROMEN and DREMPELS columns), in its order and wording, with the werkvorm it suggests in
 * brackets: prompts for the conversation and the notulist. "[naam wijk]" is replaced by
 * the wijk's name where it is known. The guide's empty boxes "[invullen eigen vraag
 * vanuit relevante invalshoek]" are one prompt inviting the team's own question.
 */
export const STAP1_PROMPTS: { soort: 'Dromen' | 'Drempels'; vragen: Stap1Vraag[] }[] = [
  {
    soort: 'Dromen',
    vragen: [
      {
        vraag: 'Wat gebeurt er om ons heen waardoor we op een vernieuwde wijze iets met [naam wijk] willen?',
        werkvorm: 'individuele brainstorm + clustering',
        deelvragen: [],
      },
      {
        vraag: 'Waarom vind ik het (persoonlijk) belangrijk dat [naam wijk] een integraal toekomstbestendige invulling krijgt?',
        werkvorm: 'individueel antwoord',
        deelvragen: [],
      },
      {
        vraag: 'In een wereld waarin alles kan, hoe ziet [naam wijk] er in de toekomst uit?',
        werkvorm: 'individuele brainstorm + clustering',
        deelvragen: [
          'Wie wonen er en hoe voelt het hier te wonen?',
          'Hoe zijn we voorbereid op een veranderend klimaat, zowel in de gebouwen als in de openbare ruimte?',
          'Wat is nieuw (gebouwd)? En wie is daarbij betrokken?',
          'Hoe dicht bij de duurzame ambities zijn we? Zijn we al in de donuteconomie?',
          'Jullie eigen vraag vanuit een relevante invalshoek (vul zelf in).',
        ],
      },
      { vraag: 'Welk gedeeld toekomstbeeld ontstaat?', werkvorm: 'gesprek over rode draad, n.a.v. bovenstaande vragen', deelvragen: [] },
      {
        vraag: 'Wat vraagt dit toekomstbeeld van ons om anders te doen dan normaal? Waar kunnen we nu al mee beginnen?',
        werkvorm: 'groepsgesprek',
        deelvragen: [],
      },
      { vraag: 'Waarin zitten de grootste verschillen?', werkvorm: '', deelvragen: [] },
      { vraag: 'Met welk van deze verschillen moeten we rekening mee houden?', werkvorm: '', deelvragen: [] },
    ],
  },
  {
    soort: 'Drempels',
    vragen: [
      {
        vraag: 'Wat zit dit toekomstbeeld in de weg? En op welke termijn doet dit zich voor?',
        werkvorm: 'individuele brainstorm, gevolgd door groepsgesprek en invullen tijdslijn',
        deelvragen: [],
      },
      { vraag: 'Wat daarvan is binnen onze invloedssfeer?', werkvorm: '', deelvragen: [] },
      { vraag: 'Welke korte termijn beperkingen zijn er?', werkvorm: 'groepsgesprek, mogelijk invullen in “berenmatrix”', deelvragen: [] },
    ],
  },
];

/** The guide's "Leg conclusie vast" questions, per step. */
export const CONCLUSION_QUESTIONS: { stap: string; vraag: string }[] = [
  { stap: 'Stap 1', vraag: 'Wat is het gedeelde verhaal van deze wijk?' },
  { stap: 'Stap 2', vraag: 'Over welk overzicht van opgaven, succesfactoren en koppelkansen gaan jullie keuzes maken?' },
  { stap: 'Stap 3', vraag: 'Welke algemeen geldende principes worden gehanteerd voor het waarderen van de koppelkansen?' },
  { stap: 'Stap 4', vraag: 'Welke koppelkansen willen jullie meenemen in de WUP?' },
];

export const COLORS = {
  headerFill: '#1F4E79',
  headerFont: '#FFFFFF',
  subFill: '#DDEBF7',
  inputFill: '#FFF2CC',
  totalFill: '#E2EFDA',
  titleFont: '#1F4E79',
} as const;

/**
 * The onderbouwing (justification) for the council and the wijk, as plain data: a first
 * page (wijk, date, participants, a summary in plain Dutch), the method for readers who
 * were not in the room, the team's choice with its reasons, the automatic top 15 (also as
 * a chart), the step conclusions, afspraken and acties, the notes chosen for it and the
 * scores. One model for every rendering: Word (src/report), the worksheet
 * (onderbouwingSheet.ts) and the pane, so they say the same thing.
 *
 * The texts that explain the method follow the Spoorboekje (Lelystad), chapter 3,
 * "Koppelkansen kiezen", steps 1–4.
 */
import { analyze, type Analysis } from './analyze';
import { formatDutchDate } from './dates';
import { DEFAULT_SUCCESFACTOREN } from './defaults';
import { participants, readDeelnemers } from './deelnemers';
import { readNotes, type Conclusion, type Note } from './notes';
import type { PrioEntry } from './prioritering';
import type { RankEntry } from './ranking';
import type { WorkbookSnapshot } from './snapshot';
import { wijkName } from './wijk';
import { textAt } from './grid';
import { WERKBLAD } from './layout';
import { chartAltText, topChartBars, type ChartBar } from './topChart';
import { computeGevoeligheid } from './gevoeligheid';

/** A note with the notulist's mark for the onderbouwing (Notulen column; undefined = not marked either way). */
export type MarkedNote = Note;

export interface OnderbouwingOptions {
  /** Show who wrote each note (default: no names beside notes; the participants are named on the first page). */
  authorNames?: boolean;
  /** Add an appendix with the discussion and redenering notes that were not marked (never those marked "niet in de onderbouwing"). */
  notesAppendix?: boolean;
  /**
   * Sentences on how robust the automatic order is. Default: the gevoeligheid analysis of
   * the werkblad (core/gevoeligheid.ts), its summary in the summary and the details in
   * chapter 3; pass [] to leave them out.
   */
  robustness?: string[];
}

/** One entry of the team's order as the document shows it: the Prioritering entry's own fields, plus Stap 2's mark. */
interface ChosenEntry extends Pick<PrioEntry, 'place' | 'koppelkans' | 'omdat' | 'verantwoordelijke' | 'autoRank' | 'deviates'> {
  /** Marked "minder concreet" in Stap 2 (the guide: make someone responsible for making it concrete). */
  minderConcreet: boolean;
  /** Who makes it concrete ("" when nobody is named yet). */
  concreetMaker: string;
}

export interface OnderbouwingModel {
  wijk: string;
  date: string;
  options: Required<Omit<OnderbouwingOptions, 'robustness'>>;
  /** The editable list on Notulen, then the notes' authors not on it. */
  deelnemers: string[];
  /** The first page's summary: a few sentences of plain Dutch. */
  summary: string[];
  /** Robustness sentences for the summary (empty when there is no ranking to test). */
  robustness: string[];
  /** The robustness details per weight and near the boundary of the top 15 (chapter 3). */
  robustnessDetail: string[];
  chosen: ChosenEntry[];
  /** The succesfactoren with weight and "waarom": the team's own from werkblad row 5, else the built-in reason of a default factor. */
  factors: { name: string; weging: number | null; waarom: string }[];
  scores: { row: number; opgave: string; koppelkans: string; scores: (number | null)[]; total: number | null; rank: number | null; status: string }[];
  /**
   * How many koppelkansen have scores in the werkblad; `scores` holds at most
   * SCORES_APPENDIX_MAX of them (the best ranked), so a werkblad of 100,000 rows does not
   * become a document of 100,000 table rows (it ran out of memory).
   */
  scoresTotal: number;
  /** The sentence under the scores appendix saying how many koppelkansen it leaves out and where they are, or null when it lists them all. */
  scoresLeftOut: string | null;
  top: RankEntry[];
  deviations: { koppelkans: string; place: number; autoRank: number | null; omdat: string }[];
  /** Top-15 koppelkansen the team did not choose. */
  notChosen: RankEntry[];
  /** Chosen koppelkansen marked "minder concreet", with who makes them concrete. */
  minderConcreet: { koppelkans: string; place: number; wie: string }[];
  /** The bars of the top-15 chart and its alternative text. */
  chart: ChartBar[];
  chartAlt: string;
  conclusions: Conclusion[];
  /** Afspraken and acties (not those marked "niet in de onderbouwing"). */
  actions: MarkedNote[];
  /** Notes for the body, per koppelkans: conclusie notes and notes marked for the onderbouwing. Team's choice first, then by automatic rank, then by name. */
  notesByKoppelkans: { koppelkans: string; place: number | null; autoRank: number | null; notes: MarkedNote[] }[];
  /** The same for notes about no koppelkans in particular. */
  generalNotes: MarkedNote[];
  /** The optional appendix: discussion and redenering notes that were not marked either way (empty unless options.notesAppendix). */
  appendixNotes: MarkedNote[];
  checklist: Analysis['checklist'];
  problems: number;
}

/** The guide's four steps, as the method section tells them to readers outside the team. */
/**
 * At most this many koppelkansen (rows) in the scores appendix of the onderbouwing: the
 * best ranked ones. More is no reading for a raad, and a table of 100,000 rows took the
 * Word renderer past 4 GB of memory; the workbook keeps every score.
 */
export const SCORES_APPENDIX_MAX = 500;

/** The Dutch sentence for an appendix listing `shown` of `total` koppelkansen, or null when it lists all. */
function scoresLeftOutSentence(shown: number, total: number): string | null {
  if (total <= shown) return null;
  const n = (x: number) => x.toLocaleString('nl-NL');
  const left = total - shown;
  return (
    `Deze bijlage toont de ${n(shown)} koppelkansen met de hoogste rang van de ${n(total)}. ` +
    `De scores van de andere ${n(left)} ${left === 1 ? 'koppelkans staan' : 'koppelkansen staan'} in de werkmap, op het werkblad met de scores.`
  );
}

export const METHOD_STEPS: { stap: string; titel: string; wat: string }[] = [
  {
    stap: 'Stap 1',
    titel: 'Een gedeeld verhaal van de wijk',
    wat: 'Collega’s uit verschillende domeinen maakten samen een beeld van de wijk in de toekomst: eerst dromen over wat de wijk kan worden, daarna de drempels die daarvoor gelden.',
  },
  {
    stap: 'Stap 2',
    titel: 'Opgaven, koppelkansen en succesfactoren in kaart',
    wat: 'Het team koos de opgaven die bij dat verhaal horen, maakte ze concreet tot koppelkansen (uit de longlist van het Spoorboekje of eigen kansen) en bepaalde de succesfactoren: waar hangt een geslaagde uitvoering van af?',
  },
  {
    stap: 'Stap 3',
    titel: 'De koppelkansen scoren',
    wat: 'Samen bepaalde het team per koppelkans en per succesfactor hoeveel de koppelkans bijdraagt aan die succesfactor. Het gesprek is daarbij net zo belangrijk als de score; een notulist legde de redenering vast.',
  },
  {
    stap: 'Stap 4',
    titel: 'Prioriteren',
    wat: 'De volgorde die uit de scores volgt is getoetst aan gezond verstand, ervaringen in de wijk en de urgentie van opgaven. Daarna legde het team zelf de volgorde vast, met per koppelkans de reden en wie verantwoordelijk is.',
  },
];

/** What a koppelkans is (the guide, chapter 3, "Definitie"), for readers outside the team. */
export const KOPPELKANS_DEFINITIE =
  'Koppelkansen zijn kansen die zich voordoen náást de basiselementen van het wijkuitvoeringsplan (WUP): het moment van de WUP biedt de kans om andere opgaven in de wijk tegelijk aan te pakken. Ze vervangen de aandacht voor een duurzame energievoorziening niet, maar vullen die aan.';

/** The scoring scale and how totals and ranks are computed (the guide, Stap 3; the werkblad's formulas). */
export const METHOD_SCORING = [
  'Elke score is een heel getal van −10 tot en met 10: 10 betekent dat de koppelkans het meest bijdraagt aan de succesfactor, −10 dat hij die het sterkst tegenwerkt, 0 dat hij er niets aan doet. Een lege score is nog niet gegeven en telt niet mee.',
  'Het totaal van een koppelkans is de som van score × weging over alle succesfactoren. Een weging groter dan 1 laat een succesfactor zwaarder meetellen, een weging kleiner dan 1 lichter.',
  'De koppelkans met het hoogste totaal krijgt rang 1. Gelijke totalen delen een rang: twee koppelkansen op rang 3 worden gevolgd door rang 5. Zo ontstaat de automatische volgorde.',
];

/** The guide, Stap 4: the automatic order starts the conversation; the team decides. */
export const METHOD_START_NOT_DECISION =
  'De automatische volgorde was het startpunt van het gesprek, niet het besluit. Het Spoorboekje vraagt het team uitdrukkelijk om het vertrouwen niet “in het systeem” te leggen: gezond verstand, ervaringen in de wijk en de urgentie van opgaven bepalen mee. Waar het team van de automatische volgorde afwijkt, staat hieronder waarom.';

const key = (k: string) => k.trim().replace(/\s+/g, ' ').toLowerCase();

/** "A", "A en B", "A, B en C". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** The first sentence (or line) of a reason, at most `max` characters, for the summary. */
function firstSentence(text: string, max = 160): string {
  const line = text.trim().split(/\n/)[0].trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(line);
  const s = (m ? m[1] : line).replace(/[.!?]+$/, '');
  return s.length > max ? `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : s;
}

/** "1 koppelkans", "3 koppelkansen" (and the like for other words). */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A team's reason ("Omdat…" on Prioritering) as it reads inside a sentence: line breaks
 * (Alt+Enter) as spaces; without a leading text-safety apostrophe or "=" (typed so that
 * Excel keeps the text as text, core/textSafety.ts) and without a leading "Omdat", since
 * the sentence already says "omdat". "" when nothing is left.
 */
export function reasonInSentence(reason: string): string {
  return reason
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^['=]+\s*/, '')
    .replace(/^omdat(?![\p{L}\p{N}])[\s.…:,]*/iu, '')
    .trim();
}

/** A reason as it reads after "omdat" in a sentence: its first letter lower case unless it looks like a name or abbreviation. */
function afterOmdat(reason: string): string {
  const r = firstSentence(reasonInSentence(reason));
  return /^[A-Z][a-z]/.test(r) && !/^[A-Z][a-z]+\s[A-Z]/.test(r) ? r[0].toLowerCase() + r.slice(1) : r;
}

/**
 * A koppelkans with its reason inside the summary's sentence. A reason the team wrote as
 * a clause ("Omdat de wijk het vraagt") reads "X, omdat de wijk het vraagt"; any other
 * ("Kans bij de renovatie van 2027") goes between brackets, "X (kans bij de renovatie van
 * 2027)": after "omdat" a phrase without a verb is not Dutch.
 */
export function reasonPhrase(koppelkans: string, omdat: string): string {
  const clause = /^omdat(?![\p{L}\p{N}])/iu.test(
    omdat
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^['=]+\s*/, ''),
  );
  return clause ? `${koppelkans}, omdat ${afterOmdat(omdat)}` : `${koppelkans} (${afterOmdat(omdat)})`;
}

/**
 * The summary's sentences: what the team chose and its main reasons, how far its order
 * deviates from the automatic one, the robustness sentences when there are any, what is
 * still to be made concrete, and open errors.
 */
export function summarySentences(
  m: Pick<OnderbouwingModel, 'wijk' | 'chosen' | 'top' | 'notChosen' | 'robustness' | 'minderConcreet' | 'problems' | 'factors'>,
): string[] {
  const out: string[] = [];
  const forWijk = m.wijk ? ` voor ${m.wijk}` : '';
  if (m.chosen.length === 0) {
    out.push(
      m.top.length
        ? `Het team heeft nog geen eigen volgorde van koppelkansen vastgelegd${forWijk}. De automatische volgorde op grond van de scores staat in hoofdstuk 3; die is een startpunt, geen keuze.`
        : `Het team heeft nog geen koppelkansen gescoord of gekozen${forWijk}.`,
    );
  } else {
    const named = m.chosen.slice(0, 5).map((c) => c.koppelkans);
    const rest = m.chosen.length - named.length;
    out.push(
      `Het team kiest ${count(m.chosen.length, 'koppelkans', 'koppelkansen')} om mee te nemen in het wijkuitvoeringsplan${forWijk}, in deze volgorde: ${dutchList(
        rest > 0 ? [...named, `nog ${rest} (zie hoofdstuk 2)`] : named,
      )}.`,
    );
    const reasons = m.chosen.filter((c) => reasonInSentence(c.omdat)).slice(0, 3);
    if (reasons.length) out.push(`De belangrijkste redenen: ${reasons.map((c) => reasonPhrase(c.koppelkans, c.omdat)).join('; ')}.`);
    const deviating = m.chosen.filter((c) => c.deviates).length;
    const outside = m.chosen.filter((c) => c.autoRank === null || !m.top.some((e) => key(e.koppelkans) === key(c.koppelkans))).length;
    if (deviating === 0) out.push('De volgorde van het team is dezelfde als de automatische volgorde die uit de scores volgt.');
    else {
      const shifts = m.chosen
        .filter((c) => c.deviates && c.autoRank !== null)
        .sort((a, b) => Math.abs(b.place - (b.autoRank ?? 0)) - Math.abs(a.place - (a.autoRank ?? 0)));
      const biggest = shifts[0];
      out.push(
        `Op ${deviating} van de ${m.chosen.length} plaatsen wijkt de volgorde van het team af van de automatische volgorde die uit de scores volgt` +
          (biggest ? `; de grootste verschuiving is ${biggest.koppelkans} (automatisch rang ${biggest.autoRank}, bij het team plaats ${biggest.place})` : '') +
          '. De redenen staan in hoofdstuk 2.',
      );
    }
    if (outside > 0) out.push(`${outside === 1 ? 'Eén gekozen koppelkans staat' : `${outside} gekozen koppelkansen staan`} niet in de automatische top 15.`);
    if (m.notChosen.length > 0 && m.top.length)
      out.push(`Van de automatische top 15 koos het team ${count(m.notChosen.length, 'koppelkans', 'koppelkansen')} niet.`);
  }
  out.push(...m.robustness);
  if (m.minderConcreet.length) {
    const without = m.minderConcreet.filter((x) => !x.wie).length;
    out.push(
      `${m.minderConcreet.length === 1 ? 'Eén gekozen koppelkans is' : `${m.minderConcreet.length} gekozen koppelkansen zijn`} nog minder concreet; ` +
        (without === 0
          ? 'voor elk is iemand verantwoordelijk om die concreet te maken.'
          : `voor ${without} daarvan is nog niemand aangewezen om die concreet te maken.`),
    );
  }
  if (m.problems > 0) out.push(`Let op: de werkmap bevat nog ${count(m.problems, 'fout', 'fouten')}; sommige totalen kunnen daardoor ontbreken.`);
  return out;
}

/**
 * What the team left out of the automatic top 15, in one or two sentences under the
 * top-15 table (chapter 3): how many, the (at most three) highest ranked by name and rank.
 * Not a second table of the same rows: the table above and the chart list every one of
 * them (no place at the team, a light bar). "" when the team left nothing out.
 */
export function notChosenSentence(notChosen: readonly Pick<RankEntry, 'rank' | 'koppelkans'>[]): string {
  if (notChosen.length === 0) return '';
  const named = (es: readonly Pick<RankEntry, 'rank' | 'koppelkans'>[]) => dutchList(es.map((e) => `${e.koppelkans.trim()} (rang ${e.rank})`));
  if (notChosen.length <= 3) {
    return notChosen.length === 1
      ? `Eén koppelkans uit de automatische top 15 koos het team niet: ${named(notChosen)}. In de tabel hierboven heeft hij geen plaats bij het team.`
      : `Deze ${notChosen.length} koppelkansen uit de automatische top 15 koos het team niet: ${named(notChosen)}. In de tabel hierboven hebben ze geen plaats bij het team.`;
  }
  return (
    `Van de automatische top 15 koos het team ${notChosen.length} koppelkansen niet, waaronder de drie hoogst geplaatste: ${named(notChosen.slice(0, 3))}. ` +
    'In de tabel hierboven hebben ze geen plaats bij het team.'
  );
}

/**
 * "Minder concreet" marks and who makes each concrete, by koppelkans (trimmed, lower
 * case): Stap 2 stores them on the longlist sheet and the engine reads them into
 * `analysis.minderConcreet` (core/stap2.ts).
 */
function minderConcreetMarks(a: Analysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of a.minderConcreet ?? []) if (!out.has(key(m.koppelkans))) out.set(key(m.koppelkans), m.verantwoordelijke ?? '');
  return out;
}

/** Which notes the body of the onderbouwing shows: conclusions, and notes the notulist marked for it. Never one marked "niet in de onderbouwing". */
function noteInBody(n: MarkedNote): boolean {
  if (n.inOnderbouwing === false) return false;
  return n.inOnderbouwing === true || n.kind === 'conclusie';
}

/**
 * Builds the model from a snapshot. `now` gives the date on the first page (local time).
 * Options: author names beside notes, the appendix of other notes, robustness sentences.
 */
export function buildOnderbouwingModel(snapshot: WorkbookSnapshot, now: Date = new Date(), options: OnderbouwingOptions = {}): OnderbouwingModel {
  const a = analyze(snapshot, { now });
  const notesState = readNotes(snapshot);
  const notes = notesState.notes;
  const shown = notes.filter((n) => n.inOnderbouwing !== false);
  const rankOf = new Map(a.ranking.map((e) => [e.row, e.rank]));
  const entries = (a.prioritering?.entries ?? []).slice().sort((x, y) => x.place - y.place || x.row - y.row);
  const chosenKeys = new Set(entries.map((e) => key(e.koppelkans)));
  const placeOf = new Map<string, number>();
  for (const e of entries) if (!placeOf.has(key(e.koppelkans))) placeOf.set(key(e.koppelkans), e.place);
  const autoRankOf = new Map<string, number>();
  for (const e of a.ranking) if (!autoRankOf.has(key(e.koppelkans))) autoRankOf.set(key(e.koppelkans), e.rank);
  // notes of one koppelkans belong together whatever the case or spaces they were typed with
  const byKoppelkans = new Map<string, { koppelkans: string; place: number | null; autoRank: number | null; notes: MarkedNote[] }>();
  const generalNotes: MarkedNote[] = [];
  for (const n of shown.filter(noteInBody)) {
    const k = key(n.koppelkans);
    if (!k) {
      generalNotes.push(n);
      continue;
    }
    const group = byKoppelkans.get(k) ?? { koppelkans: n.koppelkans.trim(), place: placeOf.get(k) ?? null, autoRank: autoRankOf.get(k) ?? null, notes: [] };
    group.notes.push(n);
    byKoppelkans.set(k, group);
  }
  const big = Number.MAX_SAFE_INTEGER;
  const notesByKoppelkans = [...byKoppelkans.values()].sort(
    (x, y) => (x.place ?? big) - (y.place ?? big) || (x.autoRank ?? big) - (y.autoRank ?? big) || x.koppelkans.localeCompare(y.koppelkans, 'nl'),
  );
  const marks = minderConcreetMarks(a);
  const chosen: ChosenEntry[] = entries.map((e) => ({
    place: e.place,
    koppelkans: e.koppelkans,
    omdat: e.omdat,
    verantwoordelijke: e.verantwoordelijke,
    autoRank: e.autoRank,
    deviates: e.deviates,
    minderConcreet: marks.has(key(e.koppelkans)),
    concreetMaker: marks.get(key(e.koppelkans)) ?? '',
  }));
  // the team's "waarom" from row 5 under each factor (Stap 2), else the built-in reason of a default factor
  const reasons = new Map(DEFAULT_SUCCESFACTOREN.map((f) => [key(f.naam), f.waarom]));
  const werkbladSheet = a.werkblad ? snapshot.sheets.find((s) => s.name === a.werkblad?.layout.sheet) : undefined;
  const factors = (a.werkblad?.factors ?? []).map((f) => ({
    name: f.name,
    weging: f.weging,
    waarom:
      (werkbladSheet ? textAt(werkbladSheet, WERKBLAD.waaromRow, f.column).trim() : '') ||
      (reasons.get(key(f.name)) ?? 'Door het team zelf gekozen voor deze wijk.'),
  }));
  const place = (k: string) => placeOf.get(key(k)) ?? null;
  const wijk = wijkName(snapshot);
  const problems = a.problems.filter((x) => x.severity === 'error').length;
  const notChosen = a.top.filter((e) => !chosenKeys.has(key(e.koppelkans)));
  const minderConcreet = chosen.filter((c) => c.minderConcreet).map((c) => ({ koppelkans: c.koppelkans, place: c.place, wie: c.concreetMaker }));
  // how firm the automatic order is: the exact weight intervals and smallest changes (issue 13's analysis)
  const g = options.robustness === undefined && a.werkblad && a.ranking.length > 0 ? computeGevoeligheid(a.werkblad) : null;
  const robustness = options.robustness ?? g?.sentences.summary ?? [];
  // details only for the weights that can change something (the summary already says which cannot), and the koppelkansen near place 15
  const moves = (ivs: { lower: { at: number | null }; upper: { at: number | null } }[], sentences: string[]) =>
    sentences.filter((_, i) => ivs[i] && (ivs[i].lower.at !== null || ivs[i].upper.at !== null));
  const robustnessDetail = g ? [...moves(g.members, g.sentences.members), ...moves(g.order, g.sentences.order), ...g.sentences.boundary] : [];
  const scored = (a.werkblad?.rows ?? [])
    .filter((r) => r.koppelkans)
    .map((r) => ({
      row: r.row,
      opgave: r.opgave,
      koppelkans: r.koppelkans,
      scores: r.scores,
      total: r.total,
      rank: rankOf.get(r.row) ?? null,
      status: r.status,
    }))
    .sort((x, y) => (x.rank ?? 1e9) - (y.rank ?? 1e9) || x.row - y.row);
  const opts = { authorNames: options.authorNames ?? false, notesAppendix: options.notesAppendix ?? false };
  return {
    wijk,
    date: formatDutchDate(now, { clock: 'nl' }),
    options: opts,
    deelnemers: participants(readDeelnemers(snapshot).names, notes),
    summary: summarySentences({ wijk, chosen, top: a.top, notChosen, robustness, minderConcreet, problems, factors }),
    robustness,
    robustnessDetail,
    chosen,
    factors,
    scores: scored.slice(0, SCORES_APPENDIX_MAX),
    scoresTotal: scored.length,
    scoresLeftOut: scoresLeftOutSentence(Math.min(SCORES_APPENDIX_MAX, scored.length), scored.length),
    top: a.top,
    deviations: chosen.filter((e) => e.deviates).map((e) => ({ koppelkans: e.koppelkans, place: e.place, autoRank: e.autoRank, omdat: e.omdat })),
    notChosen,
    minderConcreet,
    chart: topChartBars(a.top, place),
    chartAlt: chartAltText(a.top, place, wijk),
    conclusions: notesState.conclusions,
    actions: shown.filter((n) => n.kind === 'actie' || n.kind === 'afspraak'),
    notesByKoppelkans,
    generalNotes,
    appendixNotes: opts.notesAppendix ? shown.filter((n) => !noteInBody(n) && n.kind !== 'actie' && n.kind !== 'afspraak') : [],
    checklist: a.checklist,
    problems,
  };
}

/**
 * The model of the onderbouwing (core/onderbouwing.ts) on its own: workbooks built in code
 * (the new-workbook plan plus a few setCells ops, simulated; no adapter, no rendering) and
 * the summary's helpers on hand-built inputs. Pins what the document promises a reader:
 * the participants, the summary sentences (choice, reasons, deviations, robustness,
 * "minder concreet", errors), the team's choice with Omdat… and verantwoordelijke, the
 * deviations, the top 15 and what the team left out of it, the notes per koppelkans.
 * Every input is built inside its test (Stryker only activates a mutant while a test runs).
 */
import { analyze } from '../../src/core/analyze';
import { deelnemersEdit } from '../../src/core/deelnemers';
import { DEFAULT_LONGLIST, DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { PRIORITERING, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { computeGevoeligheid } from '../../src/core/gevoeligheid';
import { addNote, editNote, readNotes, type NoteInput } from '../../src/core/notes';
import {
  buildOnderbouwingModel,
  dutchList,
  notChosenSentence,
  reasonInSentence,
  reasonPhrase,
  SCORES_APPENDIX_MAX,
  summarySentences,
} from '../../src/core/onderbouwing';
import type { RankEntry } from '../../src/core/ranking';
import { simulate } from '../../src/core/simulate';
import type { CellInput, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { minderConcreetEdit } from '../../src/core/stap2';
import { newWorkbookPlan } from '../../src/core/template';

const NOW = new Date('2026-11-28T14:00:00+01:00');
const t = (text: string): CellInput => ({ text });
const n = (number: number): CellInput => ({ number });
const K = (i: number) => DEFAULT_LONGLIST[i].koppelkans;

interface Build {
  wijk?: string;
  /** Koppelkansen on the werkblad: row i's first factor scores `firstScores[i]`, the others 0. */
  firstScores?: number[];
  /** The team's order on Prioritering: [place, longlist index, omdat, verantwoordelijke]. */
  team?: [number, number, string, string][];
  notes?: Partial<NoteInput>[];
  deelnemers?: string[];
  /** Longlist indices to mark "minder concreet", with who makes them concrete. */
  minderConcreet?: [number, string][];
  /** Extra ops on top (e.g. a "waarom" of the team's own). */
  extra?: PlanOp[];
}

/** A workbook built in code: the new-workbook plan, then the given scores, team order, notes and marks. */
function workbook(b: Build = {}): WorkbookSnapshot {
  let s = simulate({ sheets: [], validations: [] }, newWorkbookPlan({ wijk: b.wijk ?? 'Lelystad Oost', now: NOW }).plan.ops);
  const ops: PlanOp[] = [];
  if (b.firstScores?.length) {
    ops.push({
      kind: 'setCells',
      sheet: SHEET_NAMES.werkblad,
      cell: `A${WERKBLAD.firstDataRow}`,
      cells: b.firstScores.map((sc, i) => [t(DEFAULT_LONGLIST[i].opgave), t(K(i)), n(sc), ...DEFAULT_SUCCESFACTOREN.slice(1).map(() => n(0))]),
    });
  }
  if (b.team?.length) {
    ops.push({
      kind: 'setCells',
      sheet: SHEET_NAMES.prioritering,
      cell: `A${PRIORITERING.firstRow}`,
      cells: b.team.map(([place, i, omdat, who]) => [n(place), t(K(i)), t(omdat), t(who)]),
    });
  }
  if (b.deelnemers) {
    const r = deelnemersEdit(s, b.deelnemers);
    if (!r.ok) throw new Error(r.message);
    ops.push(...r.ops);
  }
  (b.notes ?? []).forEach((p, i) => {
    const r = addNote(
      { author: 'Fatima', step: 'Stap 3', koppelkans: '', factor: '', kind: 'discussie', text: 'x', verantwoordelijke: '', date: '', ...p },
      new Date(NOW.getTime() + i * 60_000),
    );
    if (!r.ok) throw new Error(r.message);
    ops.push(...r.ops);
  });
  ops.push(...(b.extra ?? []));
  s = simulate(s, ops);
  // a new note stores only "nee"; marking a note "ja" is an edit of it (as the notulist does)
  const marked = new Set((b.notes ?? []).filter((p) => p.inOnderbouwing === true).map((p) => p.text));
  const markOps = readNotes(s)
    .notes.filter((x) => marked.has(x.text))
    .flatMap((x) => {
      const r = editNote(x, { inOnderbouwing: true });
      if (!r.ok) throw new Error(r.message);
      return r.ops;
    });
  s = simulate(s, markOps);
  for (const [i, who] of b.minderConcreet ?? []) {
    const a = analyze(s, { now: NOW });
    const entry = a.longlist.entries.find((e) => e.koppelkans === K(i))!;
    const r = minderConcreetEdit(s, a, entry.row, true, who);
    if (!r.ok) throw new Error(r.message);
    s = simulate(s, r.ops);
  }
  return s;
}

const rank = (r: number, koppelkans: string): RankEntry => ({ rank: r, row: r + 10, opgave: 'O', koppelkans, total: 100 - r, scored: 1, factors: 1 });
const chosen = (place: number, koppelkans: string, autoRank: number | null, deviates: boolean, omdat = '') => ({
  place,
  koppelkans,
  omdat,
  verantwoordelijke: '',
  autoRank,
  deviates,
  minderConcreet: false,
  concreetMaker: '',
});
const summaryInput = (over: Partial<Parameters<typeof summarySentences>[0]> = {}): Parameters<typeof summarySentences>[0] => ({
  wijk: 'Oost',
  chosen: [],
  top: [],
  notChosen: [],
  robustness: [],
  minderConcreet: [],
  problems: 0,
  factors: [],
  ...over,
});

describe('dutchList', () => {
  test('joins with commas and "en" before the last', () => {
    expect(dutchList([])).toBe('');
    expect(dutchList(['A'])).toBe('A');
    expect(dutchList(['A', 'B'])).toBe('A en B');
    expect(dutchList(['A', 'B', 'C'])).toBe('A, B en C');
  });
});

describe('reasonInSentence and reasonPhrase', () => {
  test('a reason loses line breaks, a leading apostrophe or "=" and a leading "Omdat"', () => {
    expect(reasonInSentence("'=Omdat de wijk\nhet vraagt ")).toBe('de wijk het vraagt');
    expect(reasonInSentence('  Omdat… de buurt  ')).toBe('de buurt');
    expect(reasonInSentence('OMDAT: het moet')).toBe('het moet');
    expect(reasonInSentence('Omdatje')).toBe('Omdatje');
    expect(reasonInSentence('Het kan = goed')).toBe('Het kan = goed');
    expect(reasonInSentence("'Omdat")).toBe('');
    expect(reasonInSentence("'Kans bij de renovatie")).toBe('Kans bij de renovatie');
    expect(reasonInSentence('Het kan omdat het moet')).toBe('Het kan omdat het moet');
    expect(reasonInSentence('Omdat … de buurt')).toBe('de buurt');
  });

  test('a clause reads after ", omdat", anything else between brackets, first letter lower case', () => {
    expect(reasonPhrase('Groene daken', '=Omdat de wijk het vraagt\nen het goedkoop is')).toBe('Groene daken, omdat de wijk het vraagt en het goedkoop is');
    expect(reasonPhrase('Groene daken', ' Omdat De wijk het vraagt')).toBe('Groene daken, omdat de wijk het vraagt');
    expect(reasonPhrase('Groene daken', 'Kans bij de renovatie van 2027')).toBe('Groene daken (kans bij de renovatie van 2027)');
    expect(reasonPhrase('X', 'Omdatje')).toBe('X (omdatje)');
    expect(reasonPhrase('X', "'=Omdat de wijk het vraagt")).toBe('X, omdat de wijk het vraagt');
    expect(reasonPhrase('X', 'Kans omdat het moet')).toBe('X (kans omdat het moet)');
  });

  test('a name or an abbreviation keeps its capitals', () => {
    expect(reasonPhrase('X', 'Omdat Jan Peters het vraagt')).toBe('X, omdat Jan Peters het vraagt');
    expect(reasonPhrase('X', 'WUP vraagt het')).toBe('X (WUP vraagt het)');
    expect(reasonPhrase('X', 'Lelystad Oost vraagt het')).toBe('X (Lelystad Oost vraagt het)');
    expect(reasonPhrase('X', 'Lelystad vraagt het')).toBe('X (lelystad vraagt het)');
    expect(reasonPhrase('X', 'Kans bij Jan Peters')).toBe('X (kans bij Jan Peters)');
    expect(reasonPhrase('X', 'WUPs zijn laat')).toBe('X (WUPs zijn laat)');
  });

  test('only the first sentence or line counts, without its full stop', () => {
    expect(reasonPhrase('X', 'Goedkoop. En snel!')).toBe('X (goedkoop)');
    expect(reasonPhrase('X', 'Goedkoop?!')).toBe('X (goedkoop)');
    expect(reasonPhrase('X', 'Versie 2.0 is goed. Echt')).toBe('X (versie 2.0 is goed)');
    expect(reasonPhrase('X', 'goed\n\nander')).toBe('X (goed ander)');
  });

  test('a long reason is cut at a word, under 160 characters, with an ellipsis', () => {
    const long = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');
    const out = reasonPhrase('X', long);
    const inner = out.slice(3, -1);
    expect(inner.endsWith('…')).toBe(true);
    expect(inner.length).toBeLessThanOrEqual(160);
    expect(long.startsWith(inner.slice(0, -1))).toBe(true);
    expect(inner).toBe(`${long.slice(0, 159).replace(/\s+\S*$/, '')}…`);
    // cut at 159 characters, then back to the last whole word
    expect(reasonPhrase('X', `${'a'.repeat(155)} bbb ccccc`)).toBe(`X (${'a'.repeat(155)}…)`);
    const exact = 'a'.repeat(160);
    expect(reasonPhrase('X', exact)).toBe(`X (${exact})`);
  });
});

describe('notChosenSentence', () => {
  test('none, one, two or three by name, more with the three highest', () => {
    expect(notChosenSentence([])).toBe('');
    expect(notChosenSentence([{ rank: 2, koppelkans: ' A ' }])).toBe(
      'Eén koppelkans uit de automatische top 15 koos het team niet: A (rang 2). In de tabel hierboven heeft hij geen plaats bij het team.',
    );
    expect(
      notChosenSentence([
        { rank: 2, koppelkans: 'A' },
        { rank: 5, koppelkans: 'B' },
        { rank: 7, koppelkans: 'C' },
      ]),
    ).toBe(
      'Deze 3 koppelkansen uit de automatische top 15 koos het team niet: A (rang 2), B (rang 5) en C (rang 7). In de tabel hierboven hebben ze geen plaats bij het team.',
    );
    expect(
      notChosenSentence([
        { rank: 2, koppelkans: 'A' },
        { rank: 5, koppelkans: 'B' },
        { rank: 7, koppelkans: 'C' },
        { rank: 9, koppelkans: 'D' },
      ]),
    ).toBe(
      'Van de automatische top 15 koos het team 4 koppelkansen niet, waaronder de drie hoogst geplaatste: A (rang 2), B (rang 5) en C (rang 7). In de tabel hierboven hebben ze geen plaats bij het team.',
    );
  });
});

describe('summarySentences', () => {
  test('nothing scored or chosen, with and without a wijk', () => {
    expect(summarySentences(summaryInput())).toEqual(['Het team heeft nog geen koppelkansen gescoord of gekozen voor Oost.']);
    expect(summarySentences(summaryInput({ wijk: '' }))).toEqual(['Het team heeft nog geen koppelkansen gescoord of gekozen.']);
  });

  test('scored but no team order: the automatic order is a starting point', () => {
    expect(summarySentences(summaryInput({ top: [rank(1, 'A')], notChosen: [rank(1, 'A')] }))).toEqual([
      'Het team heeft nog geen eigen volgorde van koppelkansen vastgelegd voor Oost. De automatische volgorde op grond van de scores staat in hoofdstuk 3; die is een startpunt, geen keuze.',
    ]);
  });

  test('the same order as the automatic one, one koppelkans', () => {
    const out = summarySentences(summaryInput({ top: [rank(1, 'A')], chosen: [chosen(1, 'A', 1, false)] }));
    expect(out).toEqual([
      'Het team kiest 1 koppelkans om mee te nemen in het wijkuitvoeringsplan voor Oost, in deze volgorde: A.',
      'De volgorde van het team is dezelfde als de automatische volgorde die uit de scores volgt.',
    ]);
  });

  test('five by name, the rest counted; three reasons; the biggest shift; outside the top; not chosen; robustness; errors', () => {
    const top = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((k, i) => rank(i + 1, k));
    const team = [
      chosen(1, 'C', 3, true, 'Omdat het moet'),
      chosen(2, 'A', 1, true, ''),
      chosen(3, 'b ', 2, true, 'Goedkoop'),
      chosen(4, 'Z', null, true, 'Omdat de buurt het wil'),
      chosen(5, 'D', 4, false, 'Vierde reden'),
      chosen(6, 'Y', 40, true),
      chosen(7, 'G', 7, false),
    ];
    const out = summarySentences(
      summaryInput({
        top,
        chosen: team,
        notChosen: [top[4], top[5], top[7]],
        robustness: ['Robuust 1.', 'Robuust 2.'],
        problems: 2,
      }),
    );
    expect(out).toEqual([
      'Het team kiest 7 koppelkansen om mee te nemen in het wijkuitvoeringsplan voor Oost, in deze volgorde: C, A, b , Z, D en nog 2 (zie hoofdstuk 2).',
      'De belangrijkste redenen: C, omdat het moet; b  (goedkoop); Z, omdat de buurt het wil.',
      'Op 5 van de 7 plaatsen wijkt de volgorde van het team af van de automatische volgorde die uit de scores volgt; de grootste verschuiving is Y (automatisch rang 40, bij het team plaats 6). De redenen staan in hoofdstuk 2.',
      '2 gekozen koppelkansen staan niet in de automatische top 15.',
      'Van de automatische top 15 koos het team 3 koppelkansen niet.',
      'Robuust 1.',
      'Robuust 2.',
      'Let op: de werkmap bevat nog 2 fouten; sommige totalen kunnen daardoor ontbreken.',
    ]);
  });

  test('exactly five chosen: all named, none counted; one outside the top; one not chosen; one error', () => {
    const top = ['A', 'B', 'C', 'D', 'E', 'F'].map((k, i) => rank(i + 1, k));
    const team = ['A', 'B', 'C', 'D', 'Q'].map((k, i) => chosen(i + 1, k, i < 4 ? i + 1 : 20, i === 4));
    const out = summarySentences(summaryInput({ top, chosen: team, notChosen: [top[4]], problems: 1 }));
    expect(out[0]).toBe('Het team kiest 5 koppelkansen om mee te nemen in het wijkuitvoeringsplan voor Oost, in deze volgorde: A, B, C, D en Q.');
    expect(out.slice(1)).toEqual([
      'Op 1 van de 5 plaatsen wijkt de volgorde van het team af van de automatische volgorde die uit de scores volgt; de grootste verschuiving is Q (automatisch rang 20, bij het team plaats 5). De redenen staan in hoofdstuk 2.',
      'Eén gekozen koppelkans staat niet in de automatische top 15.',
      'Van de automatische top 15 koos het team 1 koppelkans niet.',
      'Let op: de werkmap bevat nog 1 fout; sommige totalen kunnen daardoor ontbreken.',
    ]);
  });

  test('the biggest shift is by distance in either direction; deviating entries without an automatic rank are not a shift', () => {
    const top = ['A', 'B', 'C', 'D', 'E'].map((k, i) => rank(i + 1, k));
    const up = summarySentences(summaryInput({ top, chosen: [chosen(1, 'E', 5, true), chosen(2, 'A', 1, true), chosen(3, 'N', null, true)] }));
    expect(up[1]).toBe(
      'Op 3 van de 3 plaatsen wijkt de volgorde van het team af van de automatische volgorde die uit de scores volgt; de grootste verschuiving is E (automatisch rang 5, bij het team plaats 1). De redenen staan in hoofdstuk 2.',
    );
    const down = summarySentences(summaryInput({ top, chosen: [chosen(1, 'B', 2, true), chosen(2, 'C', 3, true), chosen(9, 'A', 1, true)] }));
    expect(down[1]).toContain('de grootste verschuiving is A (automatisch rang 1, bij het team plaats 9).');
    const far = summarySentences(summaryInput({ top, chosen: [chosen(1, 'P', 6, true), chosen(2, 'R', 3, true), chosen(10, 'Q', 8, true)] }));
    expect(far[1]).toContain('de grootste verschuiving is P (automatisch rang 6, bij het team plaats 1).');
    const far2 = summarySentences(summaryInput({ top, chosen: [chosen(10, 'Q', 8, true), chosen(2, 'R', 3, true), chosen(1, 'P', 6, true)] }));
    expect(far2[1]).toContain('de grootste verschuiving is P (automatisch rang 6, bij het team plaats 1).');
    const none = summarySentences(summaryInput({ top, chosen: [chosen(1, 'N', null, true)] }));
    expect(none[1]).toBe(
      'Op 1 van de 1 plaatsen wijkt de volgorde van het team af van de automatische volgorde die uit de scores volgt. De redenen staan in hoofdstuk 2.',
    );
    expect(none[2]).toBe('Eén gekozen koppelkans staat niet in de automatische top 15.');
  });

  test('a chosen koppelkans with an automatic rank below the top 15 is outside it; a reasonless "Omdat" is no reason', () => {
    const top = [rank(1, 'A')];
    const out = summarySentences(summaryInput({ top, chosen: [chosen(1, 'A', 1, false, "'Omdat"), chosen(2, 'Z', 2, false, '  ')] }));
    expect(out).toEqual([
      'Het team kiest 2 koppelkansen om mee te nemen in het wijkuitvoeringsplan voor Oost, in deze volgorde: A en Z.',
      'De volgorde van het team is dezelfde als de automatische volgorde die uit de scores volgt.',
      'Eén gekozen koppelkans staat niet in de automatische top 15.',
    ]);
  });

  test('not chosen without a top says nothing about the top 15', () => {
    const out = summarySentences(summaryInput({ chosen: [chosen(1, 'A', null, false)], notChosen: [rank(1, 'B')] }));
    expect(out.join(' ')).not.toContain('koos het team');
  });

  test('"minder concreet": one or more, with or without someone to make them concrete', () => {
    const one = summarySentences(summaryInput({ minderConcreet: [{ koppelkans: 'A', place: 1, wie: 'Fatima' }] }));
    expect(one[1]).toBe('Eén gekozen koppelkans is nog minder concreet; voor elk is iemand verantwoordelijk om die concreet te maken.');
    const more = summarySentences(
      summaryInput({
        minderConcreet: [
          { koppelkans: 'A', place: 1, wie: 'Fatima' },
          { koppelkans: 'B', place: 2, wie: '' },
          { koppelkans: 'C', place: 3, wie: '' },
        ],
      }),
    );
    expect(more[1]).toBe('3 gekozen koppelkansen zijn nog minder concreet; voor 2 daarvan is nog niemand aangewezen om die concreet te maken.');
    expect(summarySentences(summaryInput())).toHaveLength(1);
  });
});

describe('buildOnderbouwingModel', () => {
  test('an empty workbook: no choice, no top, no scores, the date and the wijk', () => {
    const m = buildOnderbouwingModel(workbook(), NOW);
    expect(m.wijk).toBe('Lelystad Oost');
    expect(m.date).toBe('28-11-2026');
    expect(m.options).toEqual({ authorNames: false, notesAppendix: false });
    expect(m.chosen).toEqual([]);
    expect(m.top).toEqual([]);
    expect(m.scores).toEqual([]);
    expect(m.scoresTotal).toBe(0);
    expect(m.scoresLeftOut).toBeNull();
    expect(m.deviations).toEqual([]);
    expect(m.robustness).toEqual([]);
    expect(m.robustnessDetail).toEqual([]);
    expect(m.summary).toEqual(['Het team heeft nog geen koppelkansen gescoord of gekozen voor Lelystad Oost.']);
    expect(m.deelnemers).toEqual([]);
    expect(m.problems).toBe(0);
  });

  test('no sheets at all: no wijk, no factors, a summary without a wijk', () => {
    const m = buildOnderbouwingModel({ sheets: [], validations: [] }, NOW);
    expect(m.wijk).toBe('');
    expect(m.factors).toEqual([]);
    expect(m.summary).toEqual(['Het team heeft nog geen koppelkansen gescoord of gekozen.']);
  });

  test('the factors with weight and the built-in "waarom", or the team\'s own from row 5', () => {
    const m = buildOnderbouwingModel(workbook(), NOW);
    expect(m.factors.map((f) => f.name)).toEqual(DEFAULT_SUCCESFACTOREN.map((f) => f.naam));
    expect(m.factors.map((f) => f.waarom)).toEqual(DEFAULT_SUCCESFACTOREN.map((f) => f.waarom));
    expect(m.factors.every((f) => f.weging === 1)).toBe(true);
    const own = buildOnderbouwingModel(
      workbook({
        extra: [
          { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `C${WERKBLAD.waaromRow}`, cells: [[t('  Omdat wij het zeggen  ')]] },
          { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `D${WERKBLAD.factorRow}`, cells: [[t('Eigen factor')]] },
          { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `D${WERKBLAD.weightRow}`, cells: [[n(2)], [t(' ')]] },
        ],
      }),
      NOW,
    );
    expect(own.factors[0].waarom).toBe('Omdat wij het zeggen');
    expect(own.factors[1]).toEqual({ name: 'Eigen factor', weging: 2, waarom: 'Door het team zelf gekozen voor deze wijk.' });
  });

  test('the team\'s "waarom" is read from the werkblad also when another sheet comes before it', () => {
    const wb = workbook({
      extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `C${WERKBLAD.waaromRow}`, cells: [[t('Omdat de buurt het vroeg')]] }],
    });
    const notulen = wb.sheets.find((x) => x.name === SHEET_NAMES.notulen)!;
    const moved: WorkbookSnapshot = { ...wb, sheets: [notulen, ...wb.sheets.filter((x) => x !== notulen)] };
    expect(buildOnderbouwingModel(moved, NOW).factors[0].waarom).toBe('Omdat de buurt het vroeg');
  });

  test("the team's choice with Omdat… and verantwoordelijke, its deviations, the top and what it left out", () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [10, 9, 8, 7],
        team: [
          [2, 0, 'Omdat het de basis is', 'Jan'],
          [1, 2, '=Omdat de wijk het vraagt', 'Fatima'],
        ],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.chosen).toEqual([
      {
        place: 1,
        koppelkans: K(2),
        omdat: '=Omdat de wijk het vraagt',
        verantwoordelijke: 'Fatima',
        autoRank: 3,
        deviates: true,
        minderConcreet: false,
        concreetMaker: '',
      },
      {
        place: 2,
        koppelkans: K(0),
        omdat: 'Omdat het de basis is',
        verantwoordelijke: 'Jan',
        autoRank: 1,
        deviates: false,
        minderConcreet: false,
        concreetMaker: '',
      },
    ]);
    expect(m.deviations).toEqual([{ koppelkans: K(2), place: 1, autoRank: 3, omdat: '=Omdat de wijk het vraagt' }]);
    expect(m.top.map((e) => [e.rank, e.koppelkans])).toEqual([
      [1, K(0)],
      [2, K(1)],
      [3, K(2)],
      [4, K(3)],
    ]);
    expect(m.notChosen.map((e) => e.koppelkans)).toEqual([K(1), K(3)]);
    expect(m.chart.map((b) => b.koppelkans)).toEqual([K(0), K(1), K(2), K(3)]);
    expect(m.chartAlt).toContain('Lelystad Oost');
    expect(m.summary).toEqual([
      `Het team kiest 2 koppelkansen om mee te nemen in het wijkuitvoeringsplan voor Lelystad Oost, in deze volgorde: ${K(2)} en ${K(0)}.`,
      `De belangrijkste redenen: ${K(2)}, omdat de wijk het vraagt; ${K(0)}, omdat het de basis is.`,
      `Op 1 van de 2 plaatsen wijkt de volgorde van het team af van de automatische volgorde die uit de scores volgt; de grootste verschuiving is ${K(2)} (automatisch rang 3, bij het team plaats 1). De redenen staan in hoofdstuk 2.`,
      'Van de automatische top 15 koos het team 2 koppelkansen niet.',
    ]);
    expect(m.scores.map((s) => [s.koppelkans, s.total, s.rank])).toEqual([
      [K(0), 10, 1],
      [K(1), 9, 2],
      [K(2), 8, 3],
      [K(3), 7, 4],
    ]);
    expect(m.scores[0]).toMatchObject({ row: WERKBLAD.firstDataRow, opgave: DEFAULT_LONGLIST[0].opgave });
    expect(m.scores[0].scores.slice(0, 2)).toEqual([10, 0]);
  });

  test("the same place twice keeps the sheet order; the chart marks the team's place, case and spaces aside", () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [10, 9, 8],
        team: [
          [1, 1, '', ''],
          [1, 0, '', ''],
        ],
        extra: [
          { kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `B${PRIORITERING.firstRow}`, cells: [[t(`  ${K(1).toUpperCase().replace(' ', '  ')} `)]] },
        ],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.chosen.map((c) => [c.place, c.koppelkans.trim().toLowerCase()])).toEqual([
      [1, K(1).toLowerCase()],
      [1, K(0).toLowerCase()],
    ]);
    expect(m.notChosen.map((e) => e.koppelkans)).toEqual([K(2)]);
    expect(m.chart.map((b) => [b.koppelkans, b.place])).toEqual([
      [K(0), 1],
      [K(1), 1],
      [K(2), null],
    ]);
  });

  test('ties share a rank and the scores appendix lists them by rank, then row', () => {
    const m = buildOnderbouwingModel(workbook({ firstScores: [5, 9, 9, 1] }), NOW, { robustness: [] });
    expect(m.scores.map((s) => [s.koppelkans, s.rank])).toEqual([
      [K(1), 1],
      [K(2), 1],
      [K(0), 3],
      [K(3), 4],
    ]);
    expect(m.summary[0]).toMatch(/^Het team heeft nog geen eigen volgorde van koppelkansen vastgelegd voor Lelystad Oost\./);
  });

  test('a koppelkans without scores is listed after the ranked ones, without a rank', () => {
    const s = workbook({
      firstScores: [5, 9],
      extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `A${WERKBLAD.firstDataRow + 2}`, cells: [[t(DEFAULT_LONGLIST[2].opgave), t(K(2))]] }],
    });
    const m = buildOnderbouwingModel(s, NOW, { robustness: [] });
    expect(m.scores.map((x) => [x.koppelkans, x.rank])).toEqual([
      [K(1), 1],
      [K(0), 2],
      [K(2), null],
    ]);
    expect(m.scoresTotal).toBe(3);
  });

  test('robustness: the gevoeligheid sentences by default, the given ones, or none', () => {
    const s = workbook({ firstScores: [10, 9, 8, 7, 6] });
    const def = buildOnderbouwingModel(s, NOW);
    expect(def.robustness.length).toBeGreaterThan(0);
    expect(def.summary.slice(-def.robustness.length)).toEqual(def.robustness);
    const given = buildOnderbouwingModel(s, NOW, { robustness: ['Stevig.'] });
    expect(given.robustness).toEqual(['Stevig.']);
    expect(given.robustnessDetail).toEqual([]);
    expect(given.summary).toContain('Stevig.');
    const none = buildOnderbouwingModel(s, NOW, { robustness: [] });
    expect(none.robustness).toEqual([]);
    expect(none.summary).not.toContain(def.robustness[0]);
  });

  test('robustness details: only weights that can change something, and the boundary of the top 15', () => {
    // 17 koppelkansen: places 15 and 16 lie close together, so the boundary has something to say
    const m = buildOnderbouwingModel(workbook({ firstScores: Array.from({ length: 17 }, (_, i) => 20 - i) }), NOW);
    expect(m.robustnessDetail.length).toBeGreaterThan(0);
    expect(m.robustnessDetail.some((x) => x.includes(K(14)) || x.includes(K(15)))).toBe(true);
  });

  test('no ranking: no robustness analysis even without options', () => {
    const m = buildOnderbouwingModel(workbook({ team: [[1, 0, 'Omdat het moet', 'Jan']] }), NOW);
    expect(m.robustness).toEqual([]);
    expect(m.robustnessDetail).toEqual([]);
    expect(m.chosen).toEqual([
      {
        place: 1,
        koppelkans: K(0),
        omdat: 'Omdat het moet',
        verantwoordelijke: 'Jan',
        autoRank: null,
        deviates: false,
        minderConcreet: false,
        concreetMaker: '',
      },
    ]);
    expect(m.summary).toEqual([
      `Het team kiest 1 koppelkans om mee te nemen in het wijkuitvoeringsplan voor Lelystad Oost, in deze volgorde: ${K(0)}.`,
      `De belangrijkste redenen: ${K(0)}, omdat het moet.`,
      'De volgorde van het team is dezelfde als de automatische volgorde die uit de scores volgt.',
      'Eén gekozen koppelkans staat niet in de automatische top 15.',
    ]);
  });

  test('participants: the list on Notulen, then the authors of notes not on it', () => {
    const m = buildOnderbouwingModel(
      workbook({
        deelnemers: ['Anna de Vries (gemeente)', 'Fatima'],
        notes: [{ author: 'fatima' }, { author: '  Piet   Jansen ' }, { author: 'Piet Jansen' }],
      }),
      NOW,
    );
    expect(m.deelnemers).toEqual(['Anna de Vries (gemeente)', 'Fatima', 'Piet Jansen']);
  });

  test('a koppelkans listed twice on the longlist, marked "minder concreet" on both rows: the first row\'s maker counts', () => {
    // the longlist gets K(0) a second time, in the row after the built-in entries
    let s = workbook({
      firstScores: [10],
      team: [[1, 0, '', '']],
      extra: [
        { kind: 'setCells', sheet: SHEET_NAMES.longlist, cell: `A${2 + DEFAULT_LONGLIST.length}`, cells: [[t(DEFAULT_LONGLIST[0].opgave), t(K(0)), t('')]] },
      ],
    });
    for (const who of ['Fatima de Vries', 'Jan Peters']) {
      const a = analyze(s, { now: NOW });
      const rowsOfK0 = a.longlist.entries.filter((e) => e.koppelkans === K(0)).map((e) => e.row);
      expect(rowsOfK0).toHaveLength(2);
      const r = minderConcreetEdit(s, a, who === 'Jan Peters' ? rowsOfK0[1] : rowsOfK0[0], true, who);
      if (!r.ok) throw new Error(r.message);
      s = simulate(s, r.ops);
    }
    const m = buildOnderbouwingModel(s, NOW, { robustness: [] });
    expect(m.chosen.map((c) => [c.koppelkans, c.minderConcreet, c.concreetMaker])).toEqual([[K(0), true, 'Fatima de Vries']]);
  });

  test('"minder concreet" chosen koppelkansen with who makes them concrete, in the model and the summary', () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [10, 9, 8],
        team: [
          [1, 0, '', ''],
          [2, 1, '', ''],
          [3, 2, '', ''],
        ],
        minderConcreet: [
          [1, 'Fatima de Vries'],
          [2, ''],
          [5, 'Niet gekozen'],
        ],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.chosen.map((c) => [c.minderConcreet, c.concreetMaker])).toEqual([
      [false, ''],
      [true, 'Fatima de Vries'],
      [true, ''],
    ]);
    expect(m.minderConcreet).toEqual([
      { koppelkans: K(1), place: 2, wie: 'Fatima de Vries' },
      { koppelkans: K(2), place: 3, wie: '' },
    ]);
    expect(m.summary).toContain('2 gekozen koppelkansen zijn nog minder concreet; voor 1 daarvan is nog niemand aangewezen om die concreet te maken.');
  });

  test("notes: conclusions and marked notes per koppelkans in the team's order, then by rank, then by name; general notes; actions", () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [10, 9, 8, 7],
        team: [[1, 1, '', '']],
        notes: [
          { kind: 'conclusie', koppelkans: ` ${K(0).toUpperCase()} `, text: 'c0' },
          { kind: 'conclusie', koppelkans: K(3), text: 'c3' },
          { kind: 'conclusie', koppelkans: K(1), text: 'c1' },
          { kind: 'redenering', koppelkans: K(0), text: 'marked', inOnderbouwing: true },
          { kind: 'discussie', koppelkans: K(1), text: 'unmarked' },
          { kind: 'conclusie', koppelkans: 'Zelfbedacht b', text: 'own b' },
          { kind: 'conclusie', koppelkans: 'Zelfbedacht a', text: 'own a' },
          { kind: 'conclusie', koppelkans: '', text: 'algemeen' },
          { kind: 'conclusie', koppelkans: K(1), text: 'geheim', inOnderbouwing: false },
          { kind: 'actie', koppelkans: K(0), text: 'actie', verantwoordelijke: 'Piet' },
          { kind: 'afspraak', koppelkans: '', text: 'afspraak', verantwoordelijke: 'Gemeente' },
          { kind: 'actie', koppelkans: '', text: 'geheime actie', verantwoordelijke: 'Piet', inOnderbouwing: false },
        ],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.notesByKoppelkans.map((g) => [g.koppelkans, g.place, g.autoRank, g.notes.map((x) => x.text)])).toEqual([
      [K(1), 1, 2, ['c1']],
      [K(0).toUpperCase(), null, 1, ['c0', 'marked']],
      [K(3), null, 4, ['c3']],
      ['Zelfbedacht a', null, null, ['own a']],
      ['Zelfbedacht b', null, null, ['own b']],
    ]);
    expect(m.generalNotes.map((x) => x.text)).toEqual(['algemeen']);
    expect(m.actions.map((x) => x.text)).toEqual(['actie', 'afspraak']);
    expect(m.appendixNotes).toEqual([]);
    const withAppendix = buildOnderbouwingModel(
      workbook({
        notes: [
          { kind: 'discussie', text: 'los' },
          { kind: 'actie', text: 'a', verantwoordelijke: 'Piet' },
          { kind: 'afspraak', text: 'af', verantwoordelijke: 'Piet' },
          { kind: 'discussie', text: 'weg', inOnderbouwing: false },
          { kind: 'conclusie', text: 'c' },
        ],
      }),
      NOW,
      { notesAppendix: true, authorNames: true },
    );
    expect(withAppendix.options).toEqual({ authorNames: true, notesAppendix: true });
    expect(withAppendix.appendixNotes.map((x) => x.text)).toEqual(['los']);
  });

  test('the step conclusions and the checklist come from the workbook', () => {
    const s = workbook();
    const m = buildOnderbouwingModel(s, NOW);
    expect(m.conclusions.length).toBeGreaterThan(0);
    expect(m.checklist).not.toBeNull();
    expect(m.checklist).toEqual(analyze(s, { now: NOW }).checklist);
  });

  test(`the scores appendix holds at most ${SCORES_APPENDIX_MAX} koppelkansen and says how many it leaves out`, () => {
    const total = SCORES_APPENDIX_MAX + 1;
    const rows = Array.from({ length: total }, (_, i) => [t('Opgave'), t(`Kans ${i + 1}`), n(i === 0 ? 10 : i === total - 1 ? -10 : 0)]);
    const m = buildOnderbouwingModel(
      workbook({ extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `A${WERKBLAD.firstDataRow}`, cells: rows }] }),
      NOW,
      { robustness: [] },
    );
    expect(m.scoresTotal).toBe(total);
    expect(m.scores).toHaveLength(SCORES_APPENDIX_MAX);
    expect(m.scores.slice(0, 3).map((x) => [x.koppelkans, x.rank])).toEqual([
      ['Kans 1', 1],
      ['Kans 2', 2],
      ['Kans 3', 2],
    ]);
    expect(m.scores.some((x) => x.koppelkans === `Kans ${total}`)).toBe(false);
    expect(m.scoresLeftOut).toBe(
      'Deze bijlage toont de 500 koppelkansen met de hoogste rang van de 501. De scores van de andere 1 koppelkans staan in de werkmap, op het werkblad met de scores.',
    );
  });
  test('a koppelkans chosen twice keeps its first place in the chart and the notes', () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [10, 9],
        team: [
          [1, 0, '', ''],
          [3, 0, '', ''],
        ],
        notes: [{ kind: 'conclusie', koppelkans: K(0), text: 'c0' }],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.chart.map((b) => [b.koppelkans, b.place])).toEqual([
      [K(0), 1],
      [K(1), null],
    ]);
    expect(m.notesByKoppelkans.map((g) => [g.koppelkans, g.place])).toEqual([[K(0), 1]]);
  });

  test('a koppelkans on two werkblad rows: its notes carry the better automatic rank', () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [5, 9],
        extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `B${WERKBLAD.firstDataRow + 1}`, cells: [[t(K(0))]] }],
        notes: [{ kind: 'conclusie', koppelkans: K(0), text: 'c0' }],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.top.map((e) => [e.rank, e.koppelkans])).toEqual([
      [1, K(0)],
      [2, K(0)],
    ]);
    expect(m.notesByKoppelkans.map((g) => [g.koppelkans, g.autoRank])).toEqual([[K(0), 1]]);
  });

  test('a default factor whose "waarom" row is empty gets its built-in reason', () => {
    const m = buildOnderbouwingModel(
      workbook({ extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `C${WERKBLAD.waaromRow}`, cells: [[t('')]] }] }),
      NOW,
    );
    expect(m.factors[0]).toEqual({ name: DEFAULT_SUCCESFACTOREN[0].naam, weging: 1, waarom: DEFAULT_SUCCESFACTOREN[0].waarom });
  });

  test('errors in the workbook are counted and named in the summary', () => {
    const s = workbook({
      firstScores: [10, 9, 8],
      extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `C${WERKBLAD.firstDataRow + 1}`, cells: [[n(11)]] }],
    });
    const errors = analyze(s, { now: NOW }).problems.filter((x) => x.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    const m = buildOnderbouwingModel(s, NOW, { robustness: [] });
    expect(m.problems).toBe(errors);
    expect(m.summary[m.summary.length - 1]).toBe(
      `Let op: de werkmap bevat nog ${errors === 1 ? '1 fout' : `${errors} fouten`}; sommige totalen kunnen daardoor ontbreken.`,
    );
  });

  test('a werkblad row without a koppelkans is not in the scores appendix', () => {
    const m = buildOnderbouwingModel(
      workbook({
        firstScores: [10, 9],
        extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `A${WERKBLAD.firstDataRow + 2}`, cells: [[t('Opgave'), t(''), n(10)]] }],
      }),
      NOW,
      { robustness: [] },
    );
    expect(m.scores.map((x) => x.koppelkans)).toEqual([K(0), K(1)]);
    expect(m.scoresTotal).toBe(2);
  });

  test("the date on the first page is the day in the Netherlands, whatever the machine's zone", () => {
    const m = buildOnderbouwingModel(workbook(), new Date('2026-11-28T23:30:00Z'));
    expect(m.date).toBe('29-11-2026');
  });

  test('the checklist is read as of the given moment', () => {
    // overstap on 1 January 2040 (serial 51136): the WUP is due in 2032
    const s = workbook({ extra: [{ kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: 'C3', cells: [[n(51136)]] }] });
    const later = new Date('2033-06-01T12:00:00+02:00');
    const m = buildOnderbouwingModel(s, later);
    expect(m.checklist).toEqual(analyze(s, { now: later }).checklist);
    expect(m.checklist?.late).toBe(true);
    expect(analyze(s, { now: NOW }).checklist?.late).toBe(false);
  });

  test('robustness details: the weights that can change something (members, order), then the boundary', () => {
    // factor 1 orders the rows, factor 2 (column D) can shuffle them; the other factors score 0 and change nothing
    const count = 18;
    const s = workbook({
      firstScores: Array.from({ length: count }, (_, i) => 10 - i),
      extra: [
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.werkblad,
          cell: `D${WERKBLAD.firstDataRow}`,
          cells: Array.from({ length: count }, (_, i) => [n((i * 7) % 5)]),
        },
      ],
    });
    const g = computeGevoeligheid(analyze(s, { now: NOW }).werkblad!);
    const moving = (ivs: typeof g.members, sentences: string[]) => sentences.filter((_, i) => ivs[i].lower.at !== null || ivs[i].upper.at !== null);
    const members = moving(g.members, g.sentences.members);
    const order = moving(g.order, g.sentences.order);
    // the test means something: some weights move the top 15 or the order, some (the zero factors) do not
    expect(members.length).toBeGreaterThan(0);
    expect(members.length).toBeLessThan(g.sentences.members.length);
    expect(order.length).toBeLessThan(g.sentences.order.length);
    expect(g.sentences.boundary.length).toBeGreaterThan(0);
    expect(g.members.some((iv) => iv.lower.at === null && iv.upper.at !== null) || g.order.some((iv) => iv.lower.at === null && iv.upper.at !== null)).toBe(
      true,
    );
    const m = buildOnderbouwingModel(s, NOW);
    expect(m.robustnessDetail).toEqual([...members, ...order, ...g.sentences.boundary]);
    expect(m.robustness).toEqual(g.sentences.summary);
  });

  test('the scores appendix names the koppelkansen it leaves out in the plural', () => {
    const total = SCORES_APPENDIX_MAX + 2;
    const rows = Array.from({ length: total }, (_, i) => [t('Opgave'), t(`Kans ${i + 1}`), n(i === 0 ? 10 : 0)]);
    const m = buildOnderbouwingModel(
      workbook({ extra: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `A${WERKBLAD.firstDataRow}`, cells: rows }] }),
      NOW,
      { robustness: [] },
    );
    expect(m.scoresLeftOut).toBe(
      'Deze bijlage toont de 500 koppelkansen met de hoogste rang van de 502. De scores van de andere 2 koppelkansen staan in de werkmap, op het werkblad met de scores.',
    );
  });
});

/**
 * A small, complete Koppelkansen workbook for the onderbouwing tests, as plan ops on top
 * of the new-workbook plan: 18 scored koppelkansen (distinct totals, a weight of 2 on the
 * second factor), a team order that deviates from the automatic ranking, step
 * conclusions and notes with line breaks and "=" text.
 */
import { addNote, conclusionEdit, editNote, readNotes, type NoteInput } from '../../src/core/notes';
import { deelnemersEdit } from '../../src/core/deelnemers';
import { DEFAULT_LONGLIST, DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { PRIORITERING, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { simulate } from '../../src/core/simulate';
import type { CellInput, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';

export const NOW = new Date('2026-11-28T14:00:00+01:00');
export const WIJK = 'Lelystad Oost';
export const ROWS = DEFAULT_LONGLIST.slice(0, 18);
export const FACTORS = DEFAULT_SUCCESFACTOREN.map((f) => f.naam);

const t = (text: string): CellInput => ({ text });
const n = (number: number): CellInput => ({ number });

/** Row i's first factor scores 10 - i, the others 1; factor 2 weighs 2: total 18 - i, automatic rank i + 1. */
function scoresOf(i: number): number[] {
  return FACTORS.map((_, j) => (j === 0 ? 10 - i : 1));
}

export const OMDAT_1 = '=Omdat de wijk het vraagt\nen het goedkoop is';
export const OMDAT_3 = 'Kans bij de renovatie van 2027';

/** The team's order: [place, row index, omdat, verantwoordelijke]. */
export const TEAM: [number, number, string, string][] = [
  [1, 2, OMDAT_1, 'Fatima'],
  [2, 0, '', '-Jan'],
  [3, 16, OMDAT_3, 'Woningcorporatie'],
  [4, 1, '', ''],
];

export const CONCLUSIONS = {
  'Stap 2': 'We kiezen uit 18 koppelkansen\nen 8 succesfactoren.',
  'Stap 3': '=Draagvlak weegt dubbel',
  'Stap 4': 'De eerste drie gaan mee in de WUP.',
};

export const MARKED_NOTE = 'Voor de raad: zonder deze koppelkans verliezen we het draagvlak in de wijk';
export const CONCLUSIE_NOTE = 'Groene daken gaan mee, mits de corporatie meebetaalt';
export const UNMARKED_PREFIX = 'Gespreksnotitie';
/** Notes marked "niet in de onderbouwing": nothing of them may appear in any rendering, whatever the options. */
export const SECRET_NOTES: Partial<NoteInput>[] = [
  { step: 'Stap 3', kind: 'discussie', koppelkans: ROWS[1].koppelkans, text: 'GEHEIM-1 intern: de wethouder twijfelt', inOnderbouwing: false },
  { step: 'Stap 4', kind: 'actie', koppelkans: '', text: 'GEHEIM-2 budget intern navragen', verantwoordelijke: 'Piet', inOnderbouwing: false },
  { step: 'Stap 4', kind: 'conclusie', koppelkans: '', text: 'GEHEIM-3 conclusie alleen voor het team', inOnderbouwing: false },
];
/** The editable list of participants on Notulen (the notes' authors Fatima and Piet come on top). */
export const DEELNEMERS_LIST = ['Anna de Vries (gemeente)', 'Fatima'];

const NOTES: Partial<NoteInput>[] = [
  { step: 'Stap 2', kind: 'discussie', koppelkans: '', text: 'Algemene opmerking over de wijkgrenzen' },
  { step: 'Stap 3', kind: 'redenering', koppelkans: ROWS[2].koppelkans, factor: FACTORS[1], text: 'Eerste regel\nTweede regel' },
  { step: 'Stap 3', kind: 'discussie', koppelkans: ROWS[2].koppelkans, text: '=SOM(A1) is geen formule' },
  { step: 'Stap 4', kind: 'actie', koppelkans: ROWS[0].koppelkans, text: 'Bewonersavond plannen', verantwoordelijke: 'Piet', date: '2027-01-15' },
  { step: 'Stap 4', kind: 'afspraak', koppelkans: '', text: 'Volgend overleg over zes weken', verantwoordelijke: 'Gemeente' },
  // chosen for the onderbouwing by the notulist, a conclusion (always in), and what must never reach the raad
  { step: 'Stap 4', kind: 'redenering', koppelkans: ROWS[0].koppelkans, text: MARKED_NOTE, inOnderbouwing: true },
  { step: 'Stap 4', kind: 'conclusie', koppelkans: ROWS[2].koppelkans, text: CONCLUSIE_NOTE },
  ...SECRET_NOTES,
  // an ordinary workshop's log: discussion and reasoning nobody marked (left out by default, in the optional appendix)
  ...Array.from({ length: 16 }, (_, i): Partial<NoteInput> => ({
    step: i % 2 ? 'Stap 3' : 'Stap 4',
    kind: i % 3 ? 'discussie' : 'redenering',
    koppelkans: i % 4 ? ROWS[i % 18].koppelkans : '',
    text: `${UNMARKED_PREFIX} ${i + 1}: het team wisselt argumenten uit over kosten, planning en draagvlak in de wijk.`,
  })),
];

function noteOps(): PlanOp[] {
  return NOTES.map((p, i) => {
    const res = addNote(
      { author: i % 2 ? 'Piet' : 'Fatima', step: 'Stap 3', koppelkans: '', factor: '', kind: 'discussie', text: '', verantwoordelijke: '', date: '', ...p },
      new Date(NOW.getTime() + i * 60_000),
    );
    if (!res.ok) throw new Error(res.message);
    return res.ops;
  }).flat();
}

/** The ops that fill a new workbook (after `newWorkbookPlan`) with the sample data. */
export function sampleOps(base: WorkbookSnapshot): PlanOp[] {
  const ws = SHEET_NAMES.werkblad;
  const ops: PlanOp[] = [
    { kind: 'setCells', sheet: ws, cell: `D${WERKBLAD.weightRow}`, cells: [[n(2)]] },
    {
      kind: 'setCells',
      sheet: ws,
      cell: `A${WERKBLAD.firstDataRow}`,
      cells: ROWS.map((r, i) => [t(r.opgave), t(r.koppelkans), ...scoresOf(i).map(n)]),
    },
    {
      kind: 'setCells',
      sheet: SHEET_NAMES.prioritering,
      cell: `A${PRIORITERING.firstRow}`,
      cells: TEAM.map(([place, i, omdat, who]) => [n(place), t(ROWS[i].koppelkans), t(omdat), t(who)]),
    },
  ];
  const state = readNotes(base);
  for (const [stap, text] of Object.entries(CONCLUSIONS)) {
    const res = conclusionEdit(state, stap, text);
    if (!res.ok) throw new Error(res.message);
    ops.push(...res.ops);
  }
  const list = deelnemersEdit(base, DEELNEMERS_LIST);
  if (!list.ok) throw new Error(list.message);
  return [...ops, ...list.ops, ...noteOps()];
}

/**
 * The second step on a filled workbook: the notulist marks notes "in de onderbouwing"
 * (a new note only stores the mark when it is "nee"; marking is an edit of the note).
 */
export function markOps(filled: WorkbookSnapshot): PlanOp[] {
  const marked = new Set(NOTES.filter((n) => n.inOnderbouwing === true).map((n) => n.text));
  return readNotes(filled)
    .notes.filter((n) => marked.has(n.text))
    .flatMap((n) => {
      const res = editNote(n, { inOnderbouwing: true });
      if (!res.ok) throw new Error(res.message);
      return res.ops;
    });
}

/** The whole sample workbook as a snapshot (no adapter). */
export function sampleSnapshot(): WorkbookSnapshot {
  const base = simulate({ sheets: [], validations: [] }, newWorkbookPlan({ wijk: WIJK, now: NOW }).plan.ops);
  const filled = simulate(base, sampleOps(base));
  return simulate(filled, markOps(filled));
}

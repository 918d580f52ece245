/**
 * A small, complete Koppelkansen workbook for the onderbouwing tests, as plan ops on top
 * of the new-workbook plan: 18 scored koppelkansen (distinct totals, a weight of 2 on the
 * second factor), a team order that deviates from the automatic ranking, step
 * conclusions and notes with line breaks and "=" text.
 */
import { addNote, conclusionEdit, readNotes, type NoteInput } from '../../src/core/notes';
import { DEFAULT_LONGLIST, DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { PRIORITERING, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { simulate } from '../../src/core/simulate';
import type { CellInput, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';

export const NOW = new Date(2026, 10, 28, 14, 0, 0);
export const WIJK = 'Lelystad Oost';
export const ROWS = DEFAULT_LONGLIST.slice(0, 18);
export const FACTORS = DEFAULT_SUCCESFACTOREN.map((f) => f.naam);

const t = (text: string): CellInput => ({ text });
const n = (number: number): CellInput => ({ number });

/** Row i's first factor scores 10 - i, the others 1; factor 2 weighs 2: total 18 - i, automatic rank i + 1. */
export function scoresOf(i: number): number[] {
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

export const NOTES: Partial<NoteInput>[] = [
  { step: 'Stap 2', kind: 'discussie', koppelkans: '', text: 'Algemene opmerking over de wijkgrenzen' },
  { step: 'Stap 3', kind: 'redenering', koppelkans: ROWS[2].koppelkans, factor: FACTORS[1], text: 'Eerste regel\nTweede regel' },
  { step: 'Stap 3', kind: 'discussie', koppelkans: ROWS[2].koppelkans, text: '=SOM(A1) is geen formule' },
  { step: 'Stap 4', kind: 'actie', koppelkans: ROWS[0].koppelkans, text: 'Bewonersavond plannen', verantwoordelijke: 'Piet', date: '2027-01-15' },
  { step: 'Stap 4', kind: 'afspraak', koppelkans: '', text: 'Volgend overleg over zes weken', verantwoordelijke: 'Gemeente' },
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
  return [...ops, ...noteOps()];
}

/** The whole sample workbook as a snapshot (no adapter). */
export function sampleSnapshot(): WorkbookSnapshot {
  const base = simulate({ sheets: [], validations: [] }, newWorkbookPlan({ wijk: WIJK, now: NOW }).plan.ops);
  return simulate(base, sampleOps(base));
}

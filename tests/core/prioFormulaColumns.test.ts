/**
 * Issue 9 audit: the Prioritering formulas read the cells the engine reads, and the engine,
 * the pane's live reorder and the Signaal formula share one rule for "no reason" and for
 * the automatic rank of a name.
 *
 * What broke: the rank and Signaal formulas were written with columns A, B and C and the
 * template's first row fixed, while the engine finds the columns by their labels; a team
 * that inserted a column before Prioriteit got formulas that read the Prioriteit number as
 * the koppelkans. An error value in Omdat… was a reason for the engine and none for the
 * formula. The pane keyed ranks by `trim().toLowerCase()` (U+2003 trimmed, a double
 * space kept) and took the best rank of a name listed twice, where the formula's MATCH
 * takes the first werkblad row.
 */
import { analyze } from '../../src/core/analyze';
import { formulaAt, valueAt } from '../../src/core/grid';
import { SHEET_NAMES } from '../../src/core/layout';
import { buildPlan } from '../../src/core/plan';
import { autoRankByName, isNoReason, prioCheckKey } from '../../src/core/prioritering';
import { simulate } from '../../src/core/simulate';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { itemStatuses } from '../../src/taskpane/logic/reorder';
import { workbook } from '../helpers/build';

const NOW = new Date('2026-11-28T12:00:00Z');

const HEADER = ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang', 'Signaal', 'Gecontroleerd (add-in)', 'Afwijking (add-in)'];

/** A Prioritering sheet with a team column "Nr" inserted before Prioriteit (so every column one to the right), header in row 4. */
function shiftedPrio(entries: CellValue[][]): SheetSnapshot {
  return { name: SHEET_NAMES.prioritering, values: [['Prioritering'], [], [], ['Nr', ...HEADER], ...entries.map((e) => [null, ...e])] };
}

/** Werkblad: Geveltuinen 9, Daken 6, Stage 3 (ranks 1, 2, 3). */
function book(prio: SheetSnapshot): WorkbookSnapshot {
  return workbook(
    {
      rows: [
        ['Groen', 'Daken', 2, 2, 2],
        ['Groen', 'Geveltuinen', 3, 3, 3],
        ['Werk', 'Stage', 1, 1, 1],
      ],
    },
    [prio],
  );
}

function prepared(prio: SheetSnapshot) {
  const before = book(prio);
  const after = simulate(before, buildPlan(before, { now: NOW }).plan.ops);
  return { before, after, sheet: after.sheets.find((s) => s.name === SHEET_NAMES.prioritering)! };
}

describe('Prioritering formulas read the columns the engine finds by label', () => {
  it('a column inserted before Prioriteit: the rank and Signaal formulas read Prioriteit in B, Koppelkans in C, Omdat… in D, the record in H and I', () => {
    const { sheet } = prepared(
      shiftedPrio([
        [1, 'Daken'],
        [2, 'Geveltuinen', 'Zo besproken'],
      ]),
    );
    // Automatische rang in F, Signaal in G (one right of the template)
    const rank = formulaAt(sheet, 5, 6)!;
    const flag = formulaAt(sheet, 5, 7)!;
    expect(rank).toContain('$C5');
    expect(rank).not.toMatch(/\$B5\b/);
    for (const ref of ['$B5', '$C5', '$D5', '$H5', '$I5']) expect(flag).toContain(ref);
    expect(flag).not.toMatch(/\$A5\b/);
    // the cached results are the engine's: Daken rank 2 at place 1 deviates … as Geveltuinen does not need to
    expect([valueAt(sheet, 5, 6), valueAt(sheet, 6, 6)]).toEqual([2, 1]);
    expect([valueAt(sheet, 5, 8), valueAt(sheet, 6, 8)]).toEqual([prioCheckKey(1, 'Daken'), prioCheckKey(2, 'Geveltuinen')]);
  });

  it('the list starting in another row: the position in the Signaal formula counts from the layout’s first row', () => {
    const { sheet } = prepared(shiftedPrio([[null, 'Daken']]));
    expect(formulaAt(sheet, 5, 7)).toContain('ROW()-4');
    const lower: SheetSnapshot = { name: SHEET_NAMES.prioritering, values: [['Prioritering'], [], [], [], [], HEADER, [null, 'Daken']] };
    const { sheet: s2 } = prepared(lower);
    expect(formulaAt(s2, 7, 6)).toContain('ROW()-6');
    expect(valueAt(s2, 7, 7)).toBe(prioCheckKey(1, 'Daken'));
  });

  it('a Prioriteit that is no whole number of 1 or more: the record holds the position, as the engine reads the place, and the formula tests the same', () => {
    const { after, sheet } = prepared(
      shiftedPrio([
        [2.5, 'Daken'],
        [0, 'Geveltuinen'],
        [true, 'Stage'],
      ]),
    );
    expect([5, 6, 7].map((r) => valueAt(sheet, r, 8))).toEqual([prioCheckKey(1, 'Daken'), prioCheckKey(2, 'Geveltuinen'), prioCheckKey(3, 'Stage')]);
    expect(analyze(after, { now: NOW }).prioritering!.entries.map((e) => e.place)).toEqual([1, 2, 3]);
    const flag = formulaAt(sheet, 5, 7)!;
    expect(flag).toContain('$B5=INT($B5)');
    expect(flag).toContain('NOT(ISLOGICAL($B5))');
    expect(flag).toContain('$B5>=1');
  });
});

describe('one rule for "no reason": the engine, the pane and the Signaal formula', () => {
  it('an error value in Omdat… is no reason (the formula’s IFERROR gives ""); U+2003 is a reason, NBSP and tabs are none', () => {
    expect(['#N/A', '#DIV/0!', '', ' \u00a0\t', null].map(isNoReason)).toEqual([true, true, true, true, true]);
    expect(['\u2003', 'Omdat', 0, false].map(isNoReason)).toEqual([false, false, false, false]);
    // Daken (rank 2) at place 1 before Geveltuinen (rank 1): Daken is the one moved, and its #N/A is no reason
    const { after } = prepared(
      shiftedPrio([
        [1, 'Daken', '#N/A'],
        [2, 'Geveltuinen'],
        [3, 'Stage'],
      ]),
    );
    const a = analyze(after, { now: NOW });
    const entries = a.prioritering!.entries;
    expect(entries.map((e) => [e.koppelkans, e.deviates, e.needsReason])).toEqual([
      ['Daken', true, true],
      ['Geveltuinen', false, false],
      ['Stage', false, false],
    ]);
    const swapped = prepared(
      shiftedPrio([
        [1, 'Geveltuinen'],
        [2, 'Stage', '#N/A'],
        [3, 'Daken', '\u2003'],
      ]),
    );
    const e2 = analyze(swapped.after, { now: NOW }).prioritering!.entries;
    expect(e2.map((e) => [e.koppelkans, e.deviates, e.needsReason])).toEqual([
      ['Geveltuinen', false, false],
      ['Stage', true, true],
      ['Daken', false, false],
    ]);
    expect(a.problems.filter((p) => p.code === 'PRIO_NO_REASON').map((p) => p.cell)).toEqual(['D5']);
    // the Signaal cell's cached value is the engine's
    const s = swapped.sheet;
    expect(valueAt(s, 6, 7)).toBe('Afwijking zonder reden');
  });

  it('the pane: U+2003 is a reason, an error value none; names by the matching rule', () => {
    const ranks = new Map<string, number | null>([
      ['a', 1],
      ['b c', 2],
    ]);
    const item = (koppelkans: string, omdat = '') => ({ id: koppelkans, koppelkans, omdat, verantwoordelijke: '' });
    expect(itemStatuses([item('B  c', '\u2003'), item('A')], ranks).map((s) => [s.autoRank, s.needsReason])).toEqual([
      [2, false],
      [1, false],
    ]);
    expect(itemStatuses([item('B\u00a0c', '#N/A'), item('a')], ranks).map((s) => [s.autoRank, s.needsReason])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it('the pane: a name on the werkblad twice has the rank of its first row, as the rank formula’s MATCH finds it', () => {
    const ranking = [
      { rank: 1, row: 8, opgave: 'Werk', koppelkans: 'Daken', total: 9, scored: 3, factors: 3 },
      { rank: 2, row: 7, opgave: 'Groen', koppelkans: 'Tuinen', total: 5, scored: 3, factors: 3 },
    ];
    const rows = [
      { row: 6, koppelkans: 'Daken' },
      { row: 7, koppelkans: 'Tuinen' },
      { row: 8, koppelkans: 'daken' },
    ];
    expect([...autoRankByName(ranking, rows)]).toEqual([
      ['daken', null],
      ['tuinen', 2],
    ]);
    expect([...autoRankByName(ranking, rows)]).toEqual([...autoRankByName(ranking, rows)]);
  });
});

/**
 * The "minder concreet" edit (src/core/stap2.ts `minderConcreetEdit`, `minderConcreetAt`) on a
 * small longlist, case by case: which cells it writes with and without what the pane last read
 * (`expected`), when a colleague's change makes it refuse and what the Dutch message names,
 * where it adds the two columns, and its refusals. Written for issue 14: the mutation runs
 * had left the edit's survivors unsorted (CONTRIBUTING.md, "Mutation testing").
 */
import { analyze } from '../../src/core/analyze';
import { LONGLIST, SHEET_NAMES } from '../../src/core/layout';
import type { CellValue, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { minderConcreetAt, minderConcreetEdit, type MinderConcreetState } from '../../src/core/stap2';

const LL = SHEET_NAMES.longlist;
const HEADER = ['Opgave', 'Koppelkans', 'Toelichting'];
const NOW = new Date('2026-12-02T08:00:00Z');

/** A workbook with only the longlist: the header row (plus `extra` labels from column D) and the koppelkans "Daken" in row 2 with `cells` from column D. */
function book(extra: string[], cells: CellValue[] = []): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: LL,
        values: [
          [...HEADER, ...extra],
          ['Groen', 'Daken', 'Groene daken', ...cells],
          ['Groen', 'Gevels', '', null],
        ],
      },
    ],
  };
}

const BOTH = [LONGLIST.minderConcreetLabel, LONGLIST.verantwoordelijkeLabel];

function run(snapshot: WorkbookSnapshot, marked: boolean, who: string, expected?: MinderConcreetState, row = 2) {
  return minderConcreetEdit(snapshot, analyze(snapshot, { now: NOW }), row, marked, who, expected);
}

function ops(snapshot: WorkbookSnapshot, marked: boolean, who: string, expected?: MinderConcreetState): PlanOp[] {
  const res = run(snapshot, marked, who, expected);
  if (!res.ok) throw new Error(res.message);
  return res.ops;
}

const set = (cell: string, input: object, expect?: CellValue) => ({
  kind: 'setCells',
  sheet: LL,
  cell,
  cells: [[input]],
  ...(expect === undefined ? {} : { expect: [[expect]] }),
});

describe('with what the pane read (`expected`): only what the user changed is written, guarded', () => {
  const read = { marked: true, verantwoordelijke: 'Fatima' };

  test('a new name: only the name cell, guarded by its value', () => {
    expect(ops(book(BOTH, ['ja', 'Fatima']), true, ' Jan ', read)).toEqual([set('E2', { text: 'Jan' }, 'Fatima')]);
  });

  test('nothing changed, or a colleague already typed the same name: nothing written', () => {
    expect(ops(book(BOTH, ['ja', 'Fatima']), true, 'Fatima', read)).toEqual([]);
    expect(ops(book(BOTH, ['ja', 'Jan']), true, 'Jan', read)).toEqual([]);
    expect(ops(book(BOTH, [null, 'Piet']), false, '', { marked: false, verantwoordelijke: 'Piet' })).toEqual([]);
    // the user left the name the pane showed while a colleague typed another: theirs stays, no question
    expect(ops(book(BOTH, ['ja', 'Piet']), true, 'Fatima', read)).toEqual([]);
    // nothing to write adds no columns either
    expect(ops(book(['Bron']), false, '', { marked: false, verantwoordelijke: '' })).toEqual([]);
  });

  test('marking an unmarked row: the mark and the name, each guarded by the empty cell', () => {
    expect(ops(book(BOTH, [null, null]), true, 'Jan', { marked: false, verantwoordelijke: '' })).toEqual([
      set('D2', { text: LONGLIST.minderConcreetMark }, null),
      set('E2', { text: 'Jan' }, null),
    ]);
  });

  test('unmarking clears the mark and the name the pane showed; a colleague’s other name stays', () => {
    expect(ops(book(BOTH, ['ja', 'Fatima']), false, '', read)).toEqual([set('D2', { clear: true }, 'ja'), set('E2', { clear: true }, 'Fatima')]);
    expect(ops(book(BOTH, ['ja', 'Piet']), false, '', read)).toEqual([set('D2', { clear: true }, 'ja')]);
    // the name as the pane holds it, with spaces, is the same name; an empty name cell is not written
    expect(ops(book(BOTH, ['ja', 'Fatima']), false, '', { marked: true, verantwoordelijke: ' Fatima ' })).toEqual([
      set('D2', { clear: true }, 'ja'),
      set('E2', { clear: true }, 'Fatima'),
    ]);
    expect(ops(book(BOTH, ['ja', null]), false, '', { marked: true, verantwoordelijke: '' })).toEqual([set('D2', { clear: true }, 'ja')]);
    // a colleague unmarked it already: only the name the pane showed is cleared
    expect(ops(book(BOTH, [null, 'Fatima']), false, '', read)).toEqual([set('E2', { clear: true }, 'Fatima')]);
  });

  test('a colleague unmarked it meanwhile and the user typed a new name: refused, naming the mark cell; without a new name the colleague’s unmark stays', () => {
    expect(run(book(BOTH, [null, 'Fatima']), true, 'Jan', read)).toEqual({
      ok: false,
      message: `Een collega heeft “minder concreet” intussen uitgezet (${LL}!D2). Er is niets overschreven; kies welke versie je houdt.`,
    });
    expect(ops(book(BOTH, [null, 'Fatima']), true, 'Fatima', read)).toEqual([]);
    // the columns are gone altogether: the sheet is named
    expect(run(book([], []), true, 'Jan', read)).toEqual({
      ok: false,
      message: `Een collega heeft “minder concreet” intussen uitgezet (het blad ${LL}). Er is niets overschreven; kies welke versie je houdt.`,
    });
  });

  test('a colleague changed the name meanwhile: refused, naming the cell and their version (“(leeg)” when they cleared it)', () => {
    expect(run(book(BOTH, ['ja', 'Piet']), true, 'Jan', read)).toEqual({
      ok: false,
      message: `Een collega heeft de verantwoordelijke intussen veranderd in “Piet” (${LL}!E2). Er is niets overschreven; kies welke versie je houdt.`,
    });
    expect(run(book(BOTH, ['ja', null]), true, 'Jan', read)).toEqual({
      ok: false,
      message: `Een collega heeft de verantwoordelijke intussen veranderd in “(leeg)” (${LL}!E2). Er is niets overschreven; kies welke versie je houdt.`,
    });
    // their name column deleted: the sheet is named
    expect(run(book([LONGLIST.minderConcreetLabel], ['ja']), true, 'Jan', read)).toEqual({
      ok: false,
      message: `Een collega heeft de verantwoordelijke intussen veranderd in “(leeg)” (het blad ${LL}). Er is niets overschreven; kies welke versie je houdt.`,
    });
  });
});

describe('without `expected`: both cells written, unguarded', () => {
  test('marked with a name, marked without one (the name cleared), unmarked (both cleared)', () => {
    expect(ops(book(BOTH, [null, 'Piet']), true, 'Jan')).toEqual([set('D2', { text: LONGLIST.minderConcreetMark }), set('E2', { text: 'Jan' })]);
    expect(ops(book(BOTH, ['ja', 'Piet']), true, '  ')).toEqual([set('D2', { text: LONGLIST.minderConcreetMark }), set('E2', { clear: true })]);
    expect(ops(book(BOTH, ['ja', 'Piet']), false, 'Jan')).toEqual([set('D2', { clear: true }), set('E2', { clear: true })]);
  });

  test('missing columns are added right of everything on the sheet, their headers guarded as empty and bold', () => {
    expect(ops(book(['Bron']), true, 'Jan')).toEqual([
      set('E1', { text: LONGLIST.minderConcreetLabel }, null),
      set('F1', { text: LONGLIST.verantwoordelijkeLabel }, null),
      { kind: 'setStyle', sheet: LL, range: 'E1:F1', style: { bold: true } },
      set('E2', { text: LONGLIST.minderConcreetMark }),
      set('F2', { text: 'Jan' }),
    ]);
    // only the name column missing; then only the mark column missing (the name column left of it)
    expect(ops(book([LONGLIST.minderConcreetLabel]), true, 'Jan')).toEqual([
      set('E1', { text: LONGLIST.verantwoordelijkeLabel }, null),
      { kind: 'setStyle', sheet: LL, range: 'D1:E1', style: { bold: true } },
      set('D2', { text: LONGLIST.minderConcreetMark }),
      set('E2', { text: 'Jan' }),
    ]);
    expect(ops(book([LONGLIST.verantwoordelijkeLabel]), true, 'Jan')).toEqual([
      set('E1', { text: LONGLIST.minderConcreetLabel }, null),
      { kind: 'setStyle', sheet: LL, range: 'D1:E1', style: { bold: true } },
      set('E2', { text: LONGLIST.minderConcreetMark }),
      set('D2', { text: 'Jan' }),
    ]);
  });
});

describe('refusals', () => {
  test('a row that is not a longlist row, and no longlist in the workbook', () => {
    const notThere = { ok: false, message: 'Deze koppelkans staat niet op de longlist van de werkmap.' };
    expect(run(book(BOTH), true, 'Jan', undefined, 1)).toEqual(notThere);
    expect(run(book(BOTH), true, 'Jan', undefined, 0)).toEqual(notThere);
    expect(run(book(BOTH), true, 'Jan', undefined, 2).ok).toBe(true);
    const res = run({ sheets: [{ name: 'Iets anders', values: [['x']] }] }, true, 'Jan');
    expect(!res.ok && res.message).toMatch(/^De werkmap heeft geen blad met de longlist/);
  });

  test('a name over more than one line or longer than 255 characters', () => {
    const bad = { ok: false, message: 'Vul bij verantwoordelijke een naam in (één regel).' };
    expect(run(book(BOTH), true, 'Jan\nPiet')).toEqual(bad);
    expect(run(book(BOTH), true, 'Jan\tPiet')).toEqual(bad);
    expect(run(book(BOTH), true, 'x'.repeat(256))).toEqual(bad);
    expect(run(book(BOTH), true, ` ${'x'.repeat(255)} `).ok).toBe(true);
  });
});

describe('minderConcreetAt', () => {
  const at = (snapshot: WorkbookSnapshot, row = 2) => minderConcreetAt(snapshot, analyze(snapshot, { now: NOW }), row);

  test('the mark and the trimmed name; an unmarked row keeps the name its cell still holds; no columns: unmarked, no name', () => {
    expect(at(book(BOTH, ['ja', ' Fatima ']))).toEqual({ marked: true, verantwoordelijke: 'Fatima' });
    expect(at(book(BOTH, ['nee', 'Piet']))).toEqual({ marked: false, verantwoordelijke: 'Piet' });
    expect(at(book([LONGLIST.minderConcreetLabel], ['x']))).toEqual({ marked: true, verantwoordelijke: '' });
    expect(at(book([LONGLIST.verantwoordelijkeLabel], ['Piet']))).toEqual({ marked: false, verantwoordelijke: 'Piet' });
    expect(at({ sheets: [{ name: 'Iets anders', values: [['x']] }] })).toEqual({ marked: false, verantwoordelijke: '' });
    // a longlist layout that is not the workbook's (the built-in list): unmarked, no name
    const snapshot = book(BOTH, ['ja', 'Fatima']);
    const longlist = analyze(snapshot, { now: NOW }).longlist;
    expect(longlist.layout).not.toBeNull();
    expect(minderConcreetAt(snapshot, { longlist, longlistInWorkbook: false }, 2)).toEqual({ marked: false, verantwoordelijke: '' });
  });
});

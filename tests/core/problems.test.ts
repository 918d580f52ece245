/**
 * Problems (src/core/problems.ts): every message names what it is about (each value it is
 * given appears in the Dutch text, nothing reads "undefined"), its severity decides whether
 * a plan is blocked (error) or only reported, the order the pane and the CLI list them in,
 * and the CLI's one-line form.
 */
import { compareProblems, formatProblem, problem, sortProblems, type Problem, type ProblemCode, type Severity } from '../../src/core/problems';

const P = 'Prioritering';

/** Each code with the values its callers give it, and the severity it must have. */
const CASES: [ProblemCode, Severity, Record<string, string | number>][] = [
  ['NOT_KOPPELKANSEN', 'error', {}],
  ['EMPTY_WORKBOOK', 'info', {}],
  ['NO_FACTORS', 'error', {}],
  ['TOO_MANY_FACTORS', 'error', { count: 33, max: 31 }],
  ['TOTALEN_MISSING', 'warning', { column: 'H' }],
  ['FACTOR_UNNAMED', 'warning', {}],
  ['FACTOR_DUPLICATE', 'warning', { name: 'Draagvlak', other: 'F3' }],
  ['WEIGHT_EMPTY', 'error', { factor: 'Draagvlak' }],
  ['WEIGHT_NOT_NUMBER', 'error', { factor: 'Draagvlak', value: 'veel' }],
  ['WEIGHT_NEGATIVE', 'error', { factor: 'Draagvlak', value: -2 }],
  ['SCORE_NOT_NUMBER', 'error', { factor: 'Draagvlak', value: 'hoog' }],
  ['SCORE_ERROR_VALUE', 'error', { factor: 'Draagvlak', value: '#DEEL/0! (#DIV/0!)' }],
  ['SCORE_NOT_INTEGER', 'error', { factor: 'Draagvlak', value: 2.5 }],
  ['SCORE_OUT_OF_RANGE', 'error', { factor: 'Draagvlak', value: 11 }],
  ['ROW_INVALID', 'error', { row: 7, koppelkans: 'Geveltuinen', reason: 'een score is geen getal' }],
  ['ROW_UNSCORED', 'info', { koppelkans: 'Geveltuinen' }],
  ['ROW_PARTLY_SCORED', 'warning', { koppelkans: 'Geveltuinen', scored: 2, factors: 5 }],
  ['KOPPELKANS_WITHOUT_OPGAVE', 'warning', { koppelkans: 'Geveltuinen' }],
  ['SCORES_WITHOUT_KOPPELKANS', 'warning', { row: 9 }],
  ['OPGAVE_NOT_ON_LONGLIST', 'warning', { opgave: 'Groen', longlist: 'Longlist' }],
  ['KOPPELKANS_NOT_ON_LONGLIST', 'warning', { koppelkans: 'Geveltuinen', longlist: 'Longlist' }],
  ['KOPPELKANS_OTHER_OPGAVE', 'warning', { koppelkans: 'Geveltuinen', expected: 'Groen', opgave: 'Water' }],
  ['KOPPELKANS_DUPLICATE', 'warning', { koppelkans: 'Geveltuinen', other: 'B12' }],
  ['LONGLIST_MISSING', 'warning', {}],
  ['LONGLIST_ROW_WITHOUT_OPGAVE', 'warning', { koppelkans: 'Geveltuinen' }],
  ['LONGLIST_TOO_MANY_OPGAVEN', 'warning', { count: 1200, max: 1000 }],
  ['NAME_NOT_COMPARABLE', 'warning', { name: 'Straße', risk: 'bevat een ß' }],
  ['SCORE_FORMULA_NO_RESULT', 'warning', { factor: 'Draagvlak' }],
  ['TEXT_CHARACTERS', 'warning', {}],
  ['PAGE_SETUP_KEPT', 'info', { theirs: '$A$1:$D$20', ours: '$A$1:$H$40' }],
  ['PAGE_SETUP_UNSUPPORTED', 'info', {}],
  ['TEXT_TOO_LONG', 'warning', { length: 40000 }],
  ['CELL_OCCUPIED', 'warning', { value: 'eigen tekst' }],
  ['GEVOELIGHEID_OCCUPIED', 'warning', { value: 'eigen tekst', column: 'K' }],
  ['PRIO_NO_REASON', 'warning', { koppelkans: 'Geveltuinen', place: 1, rank: 4 }],
  ['PRIO_NOT_ON_WERKBLAD', 'warning', { koppelkans: 'Geveltuinen' }],
  ['PRIO_DUPLICATE', 'warning', { koppelkans: 'Geveltuinen', other: 'B5' }],
  ['PRIO_BAD_PLACE', 'warning', { value: 'eerst' }],
  ['CHECKLIST_EMPTY_ONDERDEEL', 'warning', { onderdeel: 'Warmte' }],
  ['CHECKLIST_ONDERDEEL_NOT_TEXT', 'warning', { value: 'WAAR', kind: 'een waarheidswaarde' }],
  ['CHECKLIST_ERROR_VALUE', 'warning', { value: '#N/A', column: 'Onderdeel', effect: 'deze regel bij geen enkel onderdeel' }],
  ['CHECKLIST_BAD_STATUS', 'warning', { value: 'Misschien' }],
  ['CHECKLIST_BAD_DATE', 'warning', { value: 'ooit' }],
  ['CHECKLIST_DATE_OUT_OF_RANGE', 'warning', { value: '2958466', from: '1-3-1900' }],
  ['CHECKLIST_LATE', 'warning', { year: 2030, deadline: 2022 }],
  ['CHECKLIST_DEADLINE', 'info', { year: 2040, deadline: 2032 }],
];

describe('every message', () => {
  test.each(CASES)('%s (%s) is a Dutch sentence naming each value it is given', (code, severity, params) => {
    const p = problem(code, 'Werkblad koppelkansen kiezen', 'D7', params);
    expect(p).toMatchObject({ sheet: 'Werkblad koppelkansen kiezen', cell: 'D7', severity, code });
    expect(p.message).toMatch(/^[A-Z"'].{20,}[.)]$/s);
    expect(p.message).not.toMatch(/undefined|NaN|\$\{/);
    for (const value of Object.values(params)) expect(p.message).toContain(String(value));
  });

  test('CELL_OCCUPIED in merged cells names the merge and the team text when there is one', () => {
    const withText = problem('CELL_OCCUPIED', P, 'C5', { merge: 'C5:E5', value: 'Ons plan' }).message;
    expect(withText).toContain('samengevoegde cellen C5:E5 ("Ons plan")');
    const empty = problem('CELL_OCCUPIED', P, 'C5', { merge: 'C5:E5', value: '' }).message;
    expect(empty).toContain('samengevoegde cellen C5:E5;');
    expect(empty).not.toContain('("');
    expect(problem('CELL_OCCUPIED', P, 'C5', { value: 'Ons plan' }).message).toMatch(
      /^Hier staat eigen tekst \("Ons plan"\) waar de add-in een formule wil zetten/,
    );
  });

  test('PAGE_SETUP_KEPT says afdrukbereik for a print area and afdruktitel for print titles', () => {
    expect(problem('PAGE_SETUP_KEPT', P, '', { name: 'Print_Area', theirs: 'a', ours: 'b' }).message).toContain('eigen afdrukbereik (a)');
    expect(problem('PAGE_SETUP_KEPT', P, '', { name: 'Print_Titles', theirs: 'a', ours: 'b' }).message).toContain('eigen afdruktitel (a)');
  });

  test('CHECKLIST_BAD_STATUS lists the statuses to choose from', () => {
    expect(problem('CHECKLIST_BAD_STATUS', P, 'C5', { value: 'x' }).message).toMatch(/kies .+, .+ of .+\.$/);
  });
});

describe('formatProblem: the CLI line', () => {
  const at = (code: ProblemCode, sheet: string, cell: string) => problem(code, sheet, cell, { factor: 'F', value: 'v', koppelkans: 'K' });
  test('label, sheet!cell, message', () => {
    expect(formatProblem(at('SCORE_NOT_NUMBER', 'Werkblad', 'D7'))).toBe(`FOUT Werkblad!D7: ${at('SCORE_NOT_NUMBER', 'Werkblad', 'D7').message}`);
    expect(formatProblem(at('KOPPELKANS_WITHOUT_OPGAVE', 'Werkblad', 'B8'))).toMatch(/^LET OP Werkblad!B8: De koppelkans "K"/);
    expect(formatProblem(at('ROW_UNSCORED', 'Werkblad', 'B9'))).toMatch(/^INFO Werkblad!B9: "K" is nog niet gescoord\.$/);
  });
  test('without a cell the sheet alone, without a sheet "Werkmap"', () => {
    expect(formatProblem(at('LONGLIST_MISSING', 'Longlist', ''))).toMatch(/^LET OP Longlist: Er is geen longlist/);
    expect(formatProblem(at('NOT_KOPPELKANSEN', '', ''))).toMatch(/^FOUT Werkmap: Dit is geen/);
  });
});

describe('the order problems are listed in', () => {
  const make = (code: ProblemCode, sheet: string, cell: string, tag: string): Problem => ({ ...problem(code, sheet, cell, {}), message: tag });
  const list = [
    make('ROW_UNSCORED', 'Werkblad', 'B6', 'info werkblad B6'),
    make('FACTOR_UNNAMED', 'Werkblad', 'D3', 'warning werkblad D3'),
    make('NO_FACTORS', 'Werkblad', 'C3', 'error werkblad C3'),
    make('FACTOR_UNNAMED', 'Checklist', 'C10', 'warning checklist C10'),
    make('FACTOR_UNNAMED', 'Checklist', 'B10', 'warning checklist B10'),
    make('FACTOR_UNNAMED', 'Checklist', 'Z2', 'warning checklist Z2'),
    make('NO_FACTORS', 'Longlist', 'A2', 'error longlist A2'),
    make('FACTOR_UNNAMED', 'Werkblad', '', 'warning werkblad (no cell)'),
    make('FACTOR_UNNAMED', 'Werkblad', 'D3', 'warning werkblad D3 (second)'),
    make('NO_FACTORS', 'Ándere', 'A1', 'error Ándere A1'),
  ];
  const expected = [
    'error Ándere A1',
    'error longlist A2',
    'error werkblad C3',
    'warning checklist Z2',
    'warning checklist B10',
    'warning checklist C10',
    'warning werkblad (no cell)',
    'warning werkblad D3',
    'warning werkblad D3 (second)',
    'info werkblad B6',
  ];

  test('errors, warnings, info; then sheet name (locale order, accents beside their letter); then reading order; ties as found', () => {
    expect(sortProblems(list).map((p) => p.message)).toEqual(expected);
    expect(sortProblems([...list].reverse()).map((p) => p.message)).toEqual(
      expected.map((m) => (m === 'warning werkblad D3' ? 'warning werkblad D3 (second)' : m === 'warning werkblad D3 (second)' ? 'warning werkblad D3' : m)),
    );
  });

  test('row before column, up to the last column: XFD1 comes before A2', () => {
    const sorted = sortProblems([make('NO_FACTORS', 'Blad', 'A2', 'A2'), make('NO_FACTORS', 'Blad', 'XFD1', 'XFD1')]);
    expect(sorted.map((p) => p.message)).toEqual(['XFD1', 'A2']);
  });

  test('sorting leaves the given list as it was', () => {
    const copy = [...list];
    sortProblems(list);
    expect(list).toEqual(copy);
  });

  test('compareProblems puts any two problems in the order sortProblems does (0 for the same place)', () => {
    const sorted = sortProblems(list);
    for (let i = 0; i < sorted.length; i++)
      for (let j = 0; j < sorted.length; j++) {
        const c = compareProblems(sorted[i], sorted[j]);
        const samePlace = sorted[i].severity === sorted[j].severity && sorted[i].sheet === sorted[j].sheet && sorted[i].cell === sorted[j].cell;
        if (samePlace) expect(c).toBe(0);
        else expect([sorted[i].message, sorted[j].message, Math.sign(c)]).toEqual([sorted[i].message, sorted[j].message, Math.sign(i - j)]);
      }
  });

  test('sheet names that compare equal in the locale (composed and decomposed é) share a place: found order kept', () => {
    const composed = (tag: string) => make('NO_FACTORS', 'Caf\u00e9', 'A1', tag);
    const decomposed = make('NO_FACTORS', 'Cafe\u0301', 'A1', 'decomposed');
    const other = make('NO_FACTORS', 'Blad', 'A1', 'other');
    expect(sortProblems([composed('first'), decomposed, other, composed('last')]).map((p) => p.message)).toEqual(['other', 'first', 'decomposed', 'last']);
    expect(compareProblems(composed('x'), decomposed)).toBe(0);
  });
});

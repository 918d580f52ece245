/**
 * The weighted total and the validity of a score (src/core/werkblad.ts `weightedTotal`,
 * `checkScore`), pinned down directly: written against the survivors of a StrykerJS run on
 * those lines (CONTRIBUTING.md, "Mutation testing"). The Totalen formula rounds the same way
 * (`ROUND(SUMPRODUCT(...), TOTAL_DECIMALS)`, src/core/formulas.ts).
 */
import { dutchErrorName, excelErrorNames } from '../../src/core/names';
import type { Problem } from '../../src/core/problems';
import type { SheetSnapshot } from '../../src/core/snapshot';
import { checkScore, readFactors, readRows, readWerkbladLayout, TOTAL_DECIMALS, weightedTotal } from '../../src/core/werkblad';
import { werkbladSheet, type WerkbladSpec } from '../helpers/build';

/** weightedTotal of one scored factor. */
const one = (weging: number, score: number) => weightedTotal([score], [{ weging }]);

describe('weightedTotal', () => {
  it('sums weight × score over the scored factors only, in factor order', () => {
    expect(weightedTotal([3, null, -4], [{ weging: 2 }, { weging: 100 }, { weging: 0.5 }])).toBe(4);
    expect(weightedTotal([null, null], [{ weging: 1 }, { weging: 1 }])).toBe(0);
    expect(weightedTotal([], [])).toBe(0);
  });

  it('counts a factor without a valid weight as weight 0', () => {
    expect(weightedTotal([5, 2], [{ weging: null }, { weging: 3 }])).toBe(6);
  });

  it('makes totals equal on paper equal (0,1 + 0,2 = 0,3)', () => {
    expect(weightedTotal([1, 2], [{ weging: 0.1 }, { weging: 0.1 }])).toBe(0.3);
    expect(one(0.7, 3)).toBe(2.1); // 2.0999999999999996 in binary
  });

  it(`rounds to ${TOTAL_DECIMALS} decimals, half away from zero, as Excel's ROUND`, () => {
    expect(TOTAL_DECIMALS).toBe(9);
    expect(one(1.0000000004, 1)).toBe(1);
    expect(one(1.0000000005, 1)).toBe(1.000000001);
    expect(one(1.0000000006, 1)).toBe(1.000000001);
    expect(one(1.0000000005, -1)).toBe(-1.000000001);
    expect(one(1.0000000004, -1)).toBe(-1);
    expect(one(0.0000000019, 1)).toBe(0.000000002);
    expect(one(2.0000000094, 10)).toBe(20.000000094);
  });

  it('rounds numbers below the last decimal to 0 or to one unit of it, never to -0', () => {
    expect(one(4e-10, 1)).toBe(0);
    expect(one(5e-10, 1)).toBe(1e-9);
    expect(one(5e-10, -1)).toBe(-1e-9);
    expect(one(6e-11, 1)).toBe(0);
    expect(one(4e-10, -1)).toBe(0); // toBe tells 0 from -0
    expect(one(6e-11, -1)).toBe(0);
    expect(weightedTotal([0], [{ weging: -1 }])).toBe(0);
  });

  it('keeps large totals to the 15 significant digits Excel holds', () => {
    expect(one(1234567.123456789, 1)).toBe(1234567.12345679);
    expect(one(123456789012, 10)).toBe(1234567890120);
    expect(one(30, 10)).toBe(300);
  });
});

describe('checkScore', () => {
  it('reads an empty cell and a zero-length text as not scored yet', () => {
    expect(checkScore(null)).toEqual({ kind: 'empty' });
    expect(checkScore('')).toEqual({ kind: 'empty' });
  });

  it('accepts whole numbers from -10 to 10', () => {
    for (const v of [-10, -9, -1, 0, 1, 9, 10]) expect(checkScore(v)).toEqual({ kind: 'valid', value: v });
  });

  it('rejects text, booleans, fractions, numbers outside -10..10 and non-finite numbers', () => {
    for (const v of [' ', '5', 'hoog', '#N/A', true, false, 2.5, -0.5, 10.5, 11, -11, 100, NaN, Infinity, -Infinity]) {
      expect(checkScore(v)).toEqual({ kind: 'invalid' });
    }
  });

  // issue 9: a team formula =(0,1+0,2)*10 gives the double 3.0000000000000004; Totalen's s=INT(s) and ABS(s)<=10 compare
  // at the spreadsheet's precision and give it a total, the engine said "geen heel getal" and made the row "ongeldig"
  it('nearInteger formula result: a double a few units in the last place from a whole number is that whole number', () => {
    expect(checkScore((0.1 + 0.2) * 10)).toEqual({ kind: 'valid', value: 3 });
    expect(checkScore(0.29 * 100 - 27)).toEqual({ kind: 'valid', value: 2 });
    expect(checkScore(10 + 2e-15)).toEqual({ kind: 'valid', value: 10 });
    expect(checkScore(-10 - 2e-15)).toEqual({ kind: 'valid', value: -10 });
    expect(checkScore(-0)).toEqual({ kind: 'valid', value: 0 });
    // past 15 significant digits only: 1e-13 away is not whole, 10 + 1e-13 is not in range
    for (const v of [3 + 1e-13, 3 - 1e-13, 10 + 1e-13, 10.00000000001, 11 - 1e-15]) expect(checkScore(v)).toEqual({ kind: 'invalid' });
  });
});

/** The rows of a werkblad built by `werkbladSheet`, read as the analysis reads them, with the problems found. */
function read(spec: WerkbladSpec, extra: Partial<SheetSnapshot> = {}) {
  const sheet = { ...werkbladSheet(spec), ...extra };
  const problems: Problem[] = [];
  const layout = readWerkbladLayout(sheet, problems)!;
  const factors = readFactors(sheet, layout, problems);
  const before = problems.length;
  const rows = readRows(sheet, layout, factors, problems);
  return { rows, problems: problems.slice(before).map((p) => `${p.code}@${p.cell}: ${p.message}`) };
}

describe('readRows: the validity of a row', () => {
  it('gives a fully scored row its total, cleaned names and no problem', () => {
    const { rows, problems } = read({ weights: [2, 1, 0.5], rows: [[' Groen ', 'Geveltuinen\u00a0 ', 3, -2, 4]] });
    expect(rows).toEqual([
      {
        row: 6,
        opgave: 'Groen',
        koppelkans: 'Geveltuinen',
        scores: [3, -2, 4],
        scored: 3,
        factors: 3,
        status: 'scored',
        total: 6,
        reason: undefined,
        invalidScore: false,
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('warns about a partly scored row and totals what is scored', () => {
    const { rows, problems } = read({ rows: [['Groen', 'Geveltuinen', 3, null, '']] });
    expect(rows[0]).toMatchObject({ scores: [3, null, null], scored: 1, status: 'scored', total: 3 });
    expect(problems).toEqual(['ROW_PARTLY_SCORED@B6: "Geveltuinen" is deels gescoord: 1 van 3 succesfactoren.']);
  });

  it('names every invalid score in the reason, at the Totalen cell, and marks the score itself invalid', () => {
    const { rows, problems } = read({ rows: [['Groen', 'Geveltuinen', 'hoog', 2.5, 11]] });
    expect(rows[0]).toMatchObject({ scores: [null, null, null], scored: 0, status: 'invalid', total: null, invalidScore: true });
    expect(rows[0].reason).toBe('C6 is geen getal; D6 is geen heel getal; E6 ligt buiten -10..10');
    expect(problems.filter((p) => p.startsWith('ROW_'))).toEqual([
      'ROW_INVALID@F6: Rij 6 ("Geveltuinen") heeft geen totaal: C6 is geen getal; D6 is geen heel getal; E6 ligt buiten -10..10.',
    ]);
    expect(problems.map((p) => p.split(':')[0])).toEqual(['SCORE_NOT_NUMBER@C6', 'SCORE_NOT_INTEGER@D6', 'SCORE_OUT_OF_RANGE@E6', 'ROW_INVALID@F6']);
  });

  it('makes a row scored under an invalid weight invalid, naming the factor once, without calling a score invalid', () => {
    const { rows, problems } = read({ factors: ['Draagvlak', 'Draagvlak', 'Politiek'], weights: ['x', null, 1], rows: [['Groen', 'Geveltuinen', 1, 2, 3]] });
    expect(rows[0]).toMatchObject({ scores: [1, 2, 3], scored: 3, status: 'invalid', total: null, invalidScore: false });
    expect(rows[0].reason).toBe('de weging van "Draagvlak" is ongeldig');
    expect(problems).toEqual(['ROW_INVALID@F6: Rij 6 ("Geveltuinen") heeft geen totaal: de weging van "Draagvlak" is ongeldig.']);
  });

  it('keeps a row with only an opgave or only a score, names a row without koppelkans by its number, and skips empty rows', () => {
    const { rows, problems } = read({ rows: [['Groen'], [], [null, null, 'x'], [null, null, 4], [null, '', null, '']] });
    expect(rows.map((r) => [r.row, r.status, r.total])).toEqual([
      [6, 'unscored', null],
      [8, 'invalid', null],
      [9, 'scored', 4],
    ]);
    expect(problems.filter((p) => p.startsWith('ROW_'))).toEqual([
      'ROW_INVALID@F8: Rij 8 ("rij 8") heeft geen totaal: C8 is geen getal.',
      'ROW_PARTLY_SCORED@B9: "rij 9" is deels gescoord: 1 van 3 succesfactoren.',
    ]);
  });

  it('tells that a named koppelkans is not scored yet', () => {
    const { rows, problems } = read({ rows: [['Groen', 'Geveltuinen']] });
    expect(rows[0]).toMatchObject({ status: 'unscored', scored: 0, total: null, scores: [null, null, null] });
    expect(problems).toEqual(['ROW_UNSCORED@B6: "Geveltuinen" is nog niet gescoord.']);
  });

  it('skips a sub-heading merged across the opgave or koppelkans column, and only that', () => {
    const rows6to10 = [
      ['Fase 1', null, null],
      ['Groen', 'Geveltuinen', 1, 1, 1],
      ['Fase 2', null],
      ['Tussen', null],
      ['Werk', 'Stageplekken', 2, 2, 2],
      ['Groen', 'Daken', 3, 3, 3],
      ['Groen', 'Tuinen', 4, 4, 4],
    ];
    const { rows } = read({ rows: rows6to10 }, { merges: ['A6:F6', 'B8:C9', 'C11:E11', 'A12:A12'] });
    expect(rows.map((r) => r.row)).toEqual([7, 10, 11, 12]);
    expect(rows.map((r) => r.total)).toEqual([3, 6, 9, 12]);
  });

  it('regression scoreErrorValueSpread: an error value in a score cell, typed or a formula\'s result, makes the row "ongeldig", named in Dutch by sheet and cell', () => {
    // the Totalen formula passed the error on (into Resultaat's RANK and LARGE); the engine called it "geen getal ("#DIV/0!")"
    const { rows, problems } = read(
      { rows: [['Groen', 'Geveltuinen', '#N/A', 2, '#DIV/0!']] },
      { formulas: [[], [], [], [], [], [null, null, null, null, '=1/0']] },
    );
    expect(rows[0]).toMatchObject({ scores: [null, 2, null], scored: 1, status: 'invalid', total: null, invalidScore: true });
    expect(rows[0].reason).toBe('C6 bevat de foutwaarde #N/B (#N/A); E6 bevat de foutwaarde #DEEL/0! (#DIV/0!)');
    expect(problems).toEqual([
      'SCORE_ERROR_VALUE@C6: In deze scorecel ("Draagvlak") staat de foutwaarde #N/B (#N/A). De rij telt als ongeldig: geen totaal en niet in de ranglijst, in de add-in en in de formules van de werkmap. Herstel de formule of typ een heel getal van -10 tot en met 10, of maak de cel leeg.',
      'SCORE_ERROR_VALUE@E6: In deze scorecel ("Doorbraak") staat de foutwaarde #DEEL/0! (#DIV/0!). De rij telt als ongeldig: geen totaal en niet in de ranglijst, in de add-in en in de formules van de werkmap. Herstel de formule of typ een heel getal van -10 tot en met 10, of maak de cel leeg.',
      'ROW_INVALID@F6: Rij 6 ("Geveltuinen") heeft geen totaal: C6 bevat de foutwaarde #N/B (#N/A); E6 bevat de foutwaarde #DEEL/0! (#DIV/0!).',
    ]);
  });

  /**
   * Every error value Excel has, as a message shows it: the Dutch Excel name with the en-US
   * text in brackets; the en-US text alone where no Dutch name is confirmed (see
   * EXCEL_ERROR_NAMES in src/core/names.ts for the sources).
   */
  const SHOWN: [string, string][] = [
    ['#NULL!', '#LEEG! (#NULL!)'],
    ['#DIV/0!', '#DEEL/0! (#DIV/0!)'],
    ['#VALUE!', '#WAARDE! (#VALUE!)'],
    ['#REF!', '#VERW! (#REF!)'],
    ['#NAME?', '#NAAM? (#NAME?)'],
    ['#NUM!', '#GETAL! (#NUM!)'],
    ['#N/A', '#N/B (#N/A)'],
    ['#GETTING_DATA', '#GEGEVENS_OPHALEN (#GETTING_DATA)'],
    ['#SPILL!', '#SPILL!'],
    ['#CALC!', '#CALC!'],
    ['#FIELD!', '#FIELD!'],
    ['#BLOCKED!', '#BLOCKED!'],
    ['#CONNECT!', '#CONNECT!'],
    ['#UNKNOWN!', '#UNKNOWN!'],
    ['#BUSY!', '#BUSY!'],
    ['#EXTERNAL!', '#EXTERNAL!'],
    ['#PYTHON!', '#PYTHON!'],
  ];

  it('every error value of the one table is an error in a score cell, named as a Dutch Excel shows it', () => {
    expect(excelErrorNames().map(([en]) => en)).toEqual(SHOWN.map(([en]) => en));
    for (const [value, shown] of SHOWN) {
      const { rows, problems } = read({ rows: [[null, null, null, value]] });
      expect(rows[0]).toMatchObject({ row: 6, status: 'invalid', total: null });
      expect(problems.map((p) => p.split(':')[0])).toEqual(['SCORE_ERROR_VALUE@D6', 'ROW_INVALID@F6']);
      expect(problems[0]).toContain(`staat de foutwaarde ${shown}. `);
      expect(dutchErrorName(value)).toBe(shown);
    }
  });

  it('names a TRUE or FALSE score as a Dutch Excel shows it (WAAR, ONWAAR): invalid, as in Totalen', () => {
    const { rows, problems } = read({ rows: [['Groen', 'Geveltuinen', true, false, 1]] });
    expect(rows[0]).toMatchObject({ status: 'invalid', total: null, invalidScore: true });
    expect(problems.filter((p) => p.startsWith('SCORE_'))).toEqual([
      'SCORE_NOT_NUMBER@C6: De score voor "Draagvlak" is geen getal ("WAAR"). Vul een heel getal van -10 tot en met 10 in, of laat de cel leeg.',
      'SCORE_NOT_NUMBER@D6: De score voor "Politiek" is geen getal ("ONWAAR"). Vul een heel getal van -10 tot en met 10 in, of laat de cel leeg.',
    ]);
  });

  it('an error value in a weight leaves its factor out of a row that does not score it and makes a row that does invalid, as the Totalen formula', () => {
    const sheet = werkbladSheet({
      weights: [2, '#N/A', 1],
      rows: [
        ['Groen', 'Geveltuinen', 3, null, 1],
        ['Groen', 'Daken', 1, 2, 1],
      ],
    });
    const problems: Problem[] = [];
    const layout = readWerkbladLayout(sheet, problems)!;
    const factors = readFactors(sheet, layout, problems);
    expect(factors.map((f) => f.weging)).toEqual([2, null, 1]);
    expect(problems.map((p) => `${p.code}@${p.cell}: ${p.message}`)).toEqual([
      'WEIGHT_NOT_NUMBER@D4: De weging van "Politiek" is geen getal ("#N/B (#N/A)"). Vul een getal van 0 of meer in.',
    ]);
    const rows = readRows(sheet, layout, factors, problems);
    expect(rows.map((r) => [r.status, r.total, r.reason])).toEqual([
      ['scored', 7, undefined],
      ['invalid', null, 'de weging van "Politiek" is ongeldig'],
    ]);
  });

  it('warns about a score formula without a computed result and counts it as not scored', () => {
    const { rows, problems } = read(
      { rows: [['Groen', 'Geveltuinen', null, 2, 3]] },
      { formulas: [[], [], [], [], [], [null, null, '=C5', '=1+1']], noCachedResult: ['C6'] },
    );
    expect(rows[0]).toMatchObject({ scores: [null, 2, 3], scored: 2, status: 'scored', total: 5 });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['SCORE_FORMULA_NO_RESULT@C6', 'ROW_PARTLY_SCORED@B6']);
    expect(problems[0]).toContain('("Draagvlak")');
  });

  it('regression scoreFormulaEmptyTextWarned: a score formula whose result is the empty text (="", =IF(…;"")) is an empty score, as in Totalen, without a warning', () => {
    // both read null; only the one the file holds without a cached result (<f> and no <v>) is warned about
    const formulas = [[], [], [], [], [], [null, null, '=""', '=IF(1>2,1,"")', '=IF(1>2,1,"")'], [null, null, '=""', '=""', '=""']];
    const { rows, problems } = read(
      {
        rows: [
          ['Groen', 'Geveltuinen', null, null, 3],
          ['Groen', 'Daken', null, null, null],
        ],
      },
      { formulas, noCachedResult: ['E6'] },
    );
    expect(rows.map((r) => [r.scores, r.status, r.total])).toEqual([
      [[null, null, 3], 'scored', 3],
      [[null, null, null], 'unscored', null],
    ]);
    expect(problems.filter((p) => p.startsWith('SCORE_FORMULA_NO_RESULT')).map((p) => p.split(':')[0])).toEqual([]);
    // E6 above has a cached number (3): the list is no concern there. A formula that reads null and has no result is warned about
    const missing = read({ rows: [['Groen', 'Geveltuinen', null, null, null]] }, { formulas: formulas.slice(0, 6), noCachedResult: ['E6'] });
    expect(missing.problems.filter((p) => p.startsWith('SCORE_FORMULA_NO_RESULT')).map((p) => p.split(':')[0])).toEqual(['SCORE_FORMULA_NO_RESULT@E6']);
  });
});

/**
 * What people type in the pane as a score or a weight (src/core/edits.ts): `parseScoreInput`
 * and `scoreEdit` (the Scoren and Rondes views), `parseWeightInput` (Stap 2) and
 * `weightsEdit` (the what-if weights). A score lands in its own row and factor column, a bad
 * input is refused with a Dutch message naming sheet and cell, nothing is written for it.
 */
import { analyze } from '../../src/core/analyze';
import { parseScoreInput, parseWeightInput, scoreEdit, weightsEdit } from '../../src/core/edits';
import { SHEET_NAMES } from '../../src/core/layout';
import type { Werkblad } from '../../src/core/werkblad';
import { workbook } from '../helpers/build';

const W = SHEET_NAMES.werkblad;

/** Three factors in C, D, E; two koppelkansen in rows 6 and 7. */
function werkblad(): Werkblad {
  return analyze(
    workbook({
      factors: ['Draagvlak', 'Politiek', 'Doorbraak'],
      weights: [1, 2, 1],
      rows: [
        ['Groen', 'Geveltuinen', 3, null, 1],
        ['Werk', 'Stageplekken voor wijkbewoners', null, 2, null],
      ],
    }),
  ).werkblad!;
}

describe('parseScoreInput: a whole number from -10 to 10, or empty', () => {
  test.each([
    ['7', 7],
    [' 7 ', 7],
    ['+7', 7],
    ['-3', -3],
    ['\u22123', -3], // the minus sign a phone keyboard or a pasted text gives
    ['10', 10],
    ['-10', -10],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
  ])('%j is %d', (input, value) => {
    const parsed = parseScoreInput(input);
    expect(parsed).toEqual({ ok: true, value });
    // -0 is written as 0 (Excel shows "-0" nowhere, but the equality check of a re-read would differ)
    expect(Object.is(parsed.ok && parsed.value, -0)).toBe(false);
  });

  test.each(['', '   '])('%j clears the score', (input) => {
    expect(parseScoreInput(input)).toEqual({ ok: true, value: null });
  });

  test.each(['7,5', '7.5', 'zeven', '1e1', '7 8', '--3', '3-', '\u2212', '+', '0x7', '½'])('%j is refused: not a whole number', (input) => {
    expect(parseScoreInput(input)).toEqual({ ok: false, message: 'Vul een heel getal van -10 tot en met 10 in, of laat het leeg.' });
  });

  test.each([
    ['11', '11 ligt buiten -10 tot en met 10.'],
    ['-11', '-11 ligt buiten -10 tot en met 10.'],
    ['100', '100 ligt buiten -10 tot en met 10.'],
  ])('%j is refused: out of range', (input, message) => {
    expect(parseScoreInput(input)).toEqual({ ok: false, message });
  });
});

describe('scoreEdit: one score into its own cell', () => {
  test('factor 2 of row 7 goes to D7, as a number', () => {
    expect(scoreEdit(werkblad(), 7, 1, '-4')).toEqual({ ok: true, ops: [{ kind: 'setCells', sheet: W, cell: 'D7', cells: [[{ number: -4 }]] }] });
    expect(scoreEdit(werkblad(), 6, 2, '9')).toEqual({ ok: true, ops: [{ kind: 'setCells', sheet: W, cell: 'E6', cells: [[{ number: 9 }]] }] });
  });

  test('an empty input clears the cell', () => {
    expect(scoreEdit(werkblad(), 6, 0, '')).toEqual({ ok: true, ops: [{ kind: 'setCells', sheet: W, cell: 'C6', cells: [[{ clear: true }]] }] });
  });

  test("with what the pane read, the write is guarded (a colleague's score meanwhile is a conflict); null is a value too", () => {
    expect(scoreEdit(werkblad(), 6, 0, '5', 3)).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: W, cell: 'C6', cells: [[{ number: 5 }]], expect: [[3]] }],
    });
    expect(scoreEdit(werkblad(), 6, 1, '5', null)).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: W, cell: 'D6', cells: [[{ number: 5 }]], expect: [[null]] }],
    });
  });

  test('a bad score is refused naming sheet and cell; nothing is written', () => {
    expect(scoreEdit(werkblad(), 7, 2, '12')).toEqual({ ok: false, message: `${W}!E7: 12 ligt buiten -10 tot en met 10.` });
    expect(scoreEdit(werkblad(), 6, 0, 'hoog')).toEqual({ ok: false, message: `${W}!C6: Vul een heel getal van -10 tot en met 10 in, of laat het leeg.` });
  });

  test('a factor that is not there is refused', () => {
    expect(scoreEdit(werkblad(), 6, 3, '1')).toEqual({ ok: false, message: 'Onbekende succesfactor.' });
    expect(scoreEdit(werkblad(), 6, -1, '1')).toEqual({ ok: false, message: 'Onbekende succesfactor.' });
  });
});

describe('parseWeightInput: a number of 0 or more, with a decimal comma or point', () => {
  test.each([
    ['1', 1],
    ['0', 0],
    [' 2 ', 2],
    ['1,5', 1.5],
    ['1.25', 1.25],
    ['10', 10],
  ])('%j is %d', (input, value) => {
    expect(parseWeightInput(input)).toEqual({ ok: true, value });
  });

  test.each(['', '-1', '1,5,0', '1.', ',5', 'veel', '1e2', '+1', '1 5'])('%j is refused', (input) => {
    expect(parseWeightInput(input)).toEqual({ ok: false, message: 'Een weging is een getal van 0 of meer, bijvoorbeeld 1 of 1,5.' });
  });
});

describe('weightsEdit', () => {
  test('without what the pane read: the whole weight row from the first factor, unguarded', () => {
    expect(weightsEdit(werkblad(), [0, 1.5, 3])).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: W, cell: 'C4', cells: [[{ number: 0 }, { number: 1.5 }, { number: 3 }]] }],
    });
  });

  test('with what the pane read: only the weights that change, each guarded; unchanged weights: no ops', () => {
    expect(weightsEdit(werkblad(), [1, 2, 4], [1, 2, 1])).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: W, cell: 'E4', cells: [[{ number: 4 }]], expect: [[1]] }],
    });
    expect(weightsEdit(werkblad(), [3, 2, 1], [1, 2])).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: W, cell: 'C4', cells: [[{ number: 3 }]], expect: [[1]] }],
    });
    expect(weightsEdit(werkblad(), [1, 2, 5], [1, 2])).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: W, cell: 'E4', cells: [[{ number: 5 }]], expect: [[null]] }],
    });
    expect(weightsEdit(werkblad(), [1, 2, 1], [1, 2, 1])).toEqual({ ok: true, ops: [] });
  });

  test('a wrong count, a negative or a non-finite weight is refused', () => {
    expect(weightsEdit(werkblad(), [1, 2])).toEqual({ ok: false, message: 'Het aantal wegingen klopt niet met het aantal succesfactoren.' });
    expect(weightsEdit(werkblad(), [1, 2, 1, 1])).toMatchObject({ ok: false });
    for (const bad of [-1, -0.5, NaN, Infinity])
      expect(weightsEdit(werkblad(), [1, bad, 1])).toEqual({ ok: false, message: 'Een weging is een getal van 0 of meer.' });
    expect(weightsEdit(werkblad(), [0, 0, 0])).toMatchObject({ ok: true });
  });
});

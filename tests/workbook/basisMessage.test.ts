/**
 * The Dutch message of a basis refusal (src/workbook/basis.ts `cellsChangedError`): two
 * long texts that begin alike are shown around where they differ, not by their first
 * characters, which would read the same twice.
 */
import { userMessage } from '../../src/core/errors';
import { cellsChangedError } from '../../src/workbook/basis';

const message = (expected: string | number | null, actual: string | number | null) =>
  userMessage(cellsChangedError({ sheet: 'Resultaat', cell: 'H2', expected, actual }));

describe('cellsChangedError', () => {
  test('regression: two long texts that begin alike showed the same first 57 characters twice; now the part where they differ, cut with "…"', () => {
    const start = 'Berekend door de add-in op 30-11-2026: telkens één weging of één score anders, de rest gelijk.';
    const text = message(`${start} (kenmerk 1a2b3c4d)`, `${start} (kenmerk 9f8e7d6c)`);
    expect(text).toContain('(was “…rest gelijk. (kenmerk 1a2b3c4d)”, nu “…rest gelijk. (kenmerk 9f8e7d6c)”)');
    // a difference in the middle of two long texts: cut on both sides
    const long = 'x'.repeat(200);
    const middle = message(`${long}AAA${long}`, `${long}BBB${long}`);
    expect(middle).toContain(`was “…${'x'.repeat(20)}AAA${'x'.repeat(37)}…”, nu “…${'x'.repeat(20)}BBB${'x'.repeat(37)}…”`);
  });

  test('short texts are shown whole; a long formula against a short value from its start; an empty cell is "leeg"', () => {
    expect(message('Oost', 'West')).toContain('Resultaat!H2 is veranderd sinds de add-in de werkmap las (was “Oost”, nu “West”)');
    const formula = `=SUMPRODUCT(${'C6:E6,'.repeat(30)}$C$4:$E$4)`;
    expect(message(formula, 99)).toContain(`(was “${formula.slice(0, 60)}…”, nu “99”)`);
    expect(message(null, 'van collega')).toContain('(was leeg, nu “van collega”)');
  });
});

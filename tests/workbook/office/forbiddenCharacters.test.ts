/**
 * Issue 8, "one character corrupts the file", through the Office.js adapter: text with
 * characters XML forbids (U+FFFE, U+FFFF, C0 controls) or a lone surrogate, written by a
 * plan into Excel. Excel keeps such characters in the cell (its file stores them as the
 * "_xHHHH_" escape, ECMA-376 Part 1, 22.9.2.19); the fake keeps the string as written. The
 * adapter must behave for the user as the .xlsx writer does: the same text in the cell
 * (only a lone surrogate, which no file holds, dropped) and a TEXT_CHARACTERS warning
 * naming each cell, for plain, guarded, keyed and appended writes.
 */
import type { Plan } from '../../../src/core/snapshot';
import { applyWarningProblems } from '../../../src/workbook/applyWarnings';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';
import { FakeBook } from './fakeExcel';

const TEXTS = ['reden\uFFFEmet', 'stuur\u0001teken', 'eind\uFFFF', 'half \uD83D emoji', 'gewoon', '=geen formule\uFFFE'];
const plan: Plan = {
  ops: [
    { kind: 'setCells', sheet: 'Blad1', cell: 'B2', cells: [TEXTS.map((text) => ({ text }))] },
    { kind: 'appendRows', sheet: 'Blad1', minRow: 5, firstColumn: 'A', rows: [[{ text: 'sleutel' }, { text: 'toegevoegd\uFFFE' }]] },
  ],
};
const expected = TEXTS.map((t) => t.replace('\uD83D', ''));

function values(snapshot: Awaited<ReturnType<OfficeWorkbook['readSnapshot']>>, sheet: string) {
  return snapshot.sheets.find((s) => s.name === sheet)!.values;
}

test('text with U+FFFE, U+FFFF or control characters reaches Excel whole, with a TEXT_CHARACTERS warning naming each cell (a lone surrogate is dropped, as in the .xlsx file)', async () => {
  const book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, { retry: { sleep: async () => undefined } });
  const result = await port.apply(plan);
  const v = values(await port.readSnapshot(), 'Blad1');
  expect(v[1].slice(1, 7)).toEqual(expected);
  expect(v[4].slice(0, 2)).toEqual(['sleutel', 'toegevoegd\uFFFE']);
  const problems = applyWarningProblems(result.warnings);
  expect(problems.map((p) => [p.code, p.sheet, p.cell])).toEqual([
    ['TEXT_CHARACTERS', 'Blad1', 'B2'],
    ['TEXT_CHARACTERS', 'Blad1', 'C2'],
    ['TEXT_CHARACTERS', 'Blad1', 'D2'],
    ['TEXT_CHARACTERS', 'Blad1', 'E2'],
    ['TEXT_CHARACTERS', 'Blad1', 'G2'],
    ['TEXT_CHARACTERS', 'Blad1', 'B5'],
  ]);

  // the same plan through the .xlsx writer: the same cells warned, the same text read back from the file
  const xlsx = XlsxWorkbook.create();
  await xlsx.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad1' }, ...plan.ops] });
  const back = await XlsxWorkbook.fromBuffer(await xlsx.toBuffer());
  const fromFile = values(await back.readSnapshot(), 'Blad1');
  expect(fromFile[1].slice(1, 7)).toEqual(expected);
  expect(fromFile[4].slice(0, 2)).toEqual(v[4].slice(0, 2));
});

test('guarded and keyed writes with U+FFFE are warned about on the row they finally land in', async () => {
  const book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, { retry: { sleep: async () => undefined } });
  await port.apply({ ops: [{ kind: 'setCells', sheet: 'Blad1', cell: 'A3', cells: [[{ text: 'sleutel' }, { text: 'oud' }], [{ text: 'x' }]] }] });
  const result = await port.apply({
    ops: [
      { kind: 'updateRowByKey', sheet: 'Blad1', minRow: 1, keyColumn: 'A', key: 'sleutel', firstColumn: 'B', cells: [{ text: 'nieuw\uFFFE' }] },
      { kind: 'setCells', sheet: 'Blad1', cell: 'C4', cells: [[{ text: 'bewaakt\u0008' }]], expect: [['']] },
    ],
  });
  const v = values(await port.readSnapshot(), 'Blad1');
  expect(v[2][1]).toBe('nieuw\uFFFE');
  expect(v[3][2]).toBe('bewaakt\u0008');
  expect(result.warnings).toEqual([
    { kind: 'forbiddenCharacters', sheet: 'Blad1', cell: 'C4' },
    { kind: 'forbiddenCharacters', sheet: 'Blad1', cell: 'B3' },
  ]);
});

/**
 * Issue 11 audit, gap B: removing a succesfactor counted every non-empty cell of its
 * column as a "score". Team text in the column ("n.v.t." in D8, a remark at D120, a
 * formula at D121) was deleted with it while the question said "3 scores" and named no
 * cell. A score is now what the guide calls one (a typed whole number from -10 to 10,
 * `checkScore`); everything else of the team's in the column is listed by cell with its
 * content (readFactorInfo's `other`, FactorRemoval's `other`), so the pane can name it.
 */
import { columnLetter } from '../../src/core/a1';
import { readFactorInfo } from '../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { factorRemovalImpact } from '../../src/core/referenceBreaks';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

async function workbook() {
  const wb = await templateWorkbook('Testwijk');
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 3 }], [{ number: -10 }], [{ text: 'n.v.t.' }], [{ number: 11 }], [{ number: 2.5 }]] },
      { kind: 'setCells', sheet: WS, cell: `${D}11`, cells: [[{ bool: true }], [{ text: '' }], [{ number: 10 }]] },
      { kind: 'setCells', sheet: WS, cell: `${D}120`, cells: [[{ text: 'navragen bij de GGD' }], [{ formula: `=SUM(${D}6:${D}10)` }]] },
    ],
  });
  return wb;
}

test('regression: removing a factor counted "n.v.t.", a remark and a formula as scores and named none of them', async () => {
  const wb = await workbook();
  const s = await state(wb);
  const info = readFactorInfo(s.ctx.sheet, s.ctx.werkblad)[1];
  // D6 3, D7 -10 and D13 10 are scores; the edges of the scale count, 11 and 2.5 do not
  expect(info.scores).toBe(3);
  expect(info.other.map((c) => [`${c.sheet}!${c.cell}`, c.text])).toEqual([
    [`${WS}!${D}8`, 'n.v.t.'],
    [`${WS}!${D}9`, '11'],
    [`${WS}!${D}10`, '2.5'],
    [`${WS}!${D}11`, 'WAAR'],
    [`${WS}!${D}120`, 'navragen bij de GGD'],
    [`${WS}!${D}121`, `=SUM(${D}6:${D}10)`],
  ]);
  expect(info.other[0]).toMatchObject({ row: 8, column: WERKBLAD.firstFactorColumn + 1 });
  // the removal (its column deleted) reports the same: what the pane asks about before anything goes
  const r = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
  if (!r.ok) throw new Error(r.message);
  expect(r.scores).toBe(3);
  expect(r.other).toEqual(info.other);
  // the other factors' columns hold nothing of the team's
  expect(
    readFactorInfo(s.ctx.sheet, s.ctx.werkblad)
      .filter((f) => f.index !== 1)
      .flatMap((f) => f.other),
  ).toEqual([]);
});

test('a formula is listed, not counted, even when it shows a valid score; an empty text is nothing', async () => {
  const wb = await templateWorkbook('Testwijk');
  await wb.apply({
    ops: [{ kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ formula: '=1+1', result: 2 }], [{ text: '' }], [{ number: 0 }]] }],
  });
  const s = await state(wb);
  const info = readFactorInfo(s.ctx.sheet, s.ctx.werkblad)[1];
  expect(info.scores).toBe(1);
  expect(info.other.map((c) => [c.cell, c.text])).toEqual([[`${D}6`, '=1+1']]);
});

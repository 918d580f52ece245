/**
 * A name scoped to one sheet in a factor removal (src/core/referenceBreaks.ts,
 * `factorRemovalImpact`): the delete's effect on a name is looked up by name and scope, so a
 * formula using a sheet-scoped name that gets #REF! is named with it, and a workbook name of
 * the same spelling elsewhere is not mixed up with it. From the mutation check of 3 Dec d
 * (the scope in the lookup replaced by "" went unnoticed). Pure: the template in memory.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { factorRemovalImpact, formulaPlace } from '../../src/core/referenceBreaks';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const F = columnLetter(WERKBLAD.firstFactorColumn + 3);

test('a formula using a name scoped to its sheet that gets #REF! is named with it; the workbook name of that spelling reads another column and is not', async () => {
  const wb = await templateWorkbook('Testwijk');
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Eigen' },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: '=Lokaal*2' }]] },
      { kind: 'addSheet', sheet: 'Ander' },
      { kind: 'setCells', sheet: 'Ander', cell: 'A1', cells: [[{ formula: '=Lokaal*3' }]] },
    ],
  });
  // on Eigen, Lokaal is the 2nd factor's cell (its column goes); elsewhere it is the 4th's (which only moves)
  wb.defineName('Lokaal', `='${WS}'!$${D}$6`, 'Eigen');
  wb.defineName('Lokaal', `='${WS}'!$${F}$6`);
  const s = await state(wb);
  const r = factorRemovalImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
  if (!r.ok) throw new Error(r.message);
  expect(r.definitions.map((d) => [d.kind, d.sheet, d.label, d.effect])).toEqual([['name', 'Eigen', 'Lokaal', 'ref']]);
  expect(r.broken.map((b) => [formulaPlace(b), b.name])).toEqual([['Eigen!A1', 'Lokaal']]);
  expect([r.mayChange, r.reads, r.unknown]).toEqual([[], [], []]);
});

/**
 * The move and add questions of a succesfactor (src/core/referenceBreaks.ts,
 * `factorMoveImpact`, `factorAddImpact`): cases from the mutation check of 3 Dec d. Only the
 * werkblad's own Totalen column is the product's: a team formula on another sheet in the
 * column of that letter is named. Adding with a column inserted says when the team's names
 * could not be read (the only kind an insert can affect). Pure: the template in memory.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { factorAddImpact, factorMoveImpact, formulaPlace } from '../../src/core/referenceBreaks';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

test('a team formula on another sheet in the column letter of Totalen is named when it reads a moved cell', async () => {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  const T = columnLetter((await state(wb)).ctx.werkblad.layout.totalenColumn);
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: WS, cell: `${C}6`, cells: [[{ number: 1 }, { number: 4 }, { number: 7 }]] },
      { kind: 'addSheet', sheet: 'Eigen' },
      { kind: 'setCells', sheet: 'Eigen', cell: `${T}1`, cells: [[{ formula: `='${WS}'!${D}6*2` }]] },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `='${WS}'!${D}6*3` }]] },
    ],
  });
  const s = await state(wb);
  const m = factorMoveImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
  if (!m.ok) throw new Error(m.message);
  expect(m.reads.map(formulaPlace).sort()).toEqual(['Eigen!A1', `Eigen!${T}1`]);
});

test('adding with a column inserted says the team’s names were not checked when they were not read, and only then', async () => {
  const wb = await templateWorkbook('Testwijk');
  const s = await state(wb);
  const add = (snapshot: WorkbookSnapshot) => {
    const a = factorAddImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { shiftColumns: true, now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.ops.some((op) => op.kind === 'insertColumns')).toBe(true);
    return a.unread;
  };
  const read = await wb.readSnapshot({ definitions: true });
  expect(add(s.snapshot)).toEqual(['names']);
  expect(add(read)).toEqual([]);
  expect(add({ ...read, definitions: { ...read.definitions!, unread: ['names'] } })).toEqual(['names']);
  // validations and formats move with their cells on an insert: not reading them leaves nothing unchecked
  expect(add({ ...read, definitions: { ...read.definitions!, unread: ['validations', 'conditionalFormats'] } })).toEqual([]);
});

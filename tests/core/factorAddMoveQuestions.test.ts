/**
 * The move and add questions of a succesfactor (src/core/referenceBreaks.ts,
 * `factorMoveImpact`, `factorAddImpact`, `factorQuestion`): cases from the mutation check of
 * 3 Dec e (lines 801-1060), each a survivor a user would notice. A refused move or add is the
 * question's answer word for word; adding by value (no column inserted) names the team's
 * names and comments on the Totalen column it rewrites and says what it could not read; adding
 * with a column inserted names a name whose cells its text does not fix and a formula of the
 * team's right of Totalen; a move asked again names a comment that is new since. Pure: the
 * template in memory.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { commentKey, definitionKey, factorAddImpact, factorMoveImpact, formulaPlace } from '../../src/core/referenceBreaks';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);

/** The template with one koppelkans (row 6) and scores in C6:E6. */
async function workbook(): Promise<MemoryWorkbook> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${C}6`, cells: [[{ number: 1 }, { number: 4 }, { number: 7 }]] }] });
  return wb;
}

describe('a refused move or add is the answer, word for word', () => {
  test('moving a factor when another factor’s name runs over two lines: refused with the reason', async () => {
    const wb = await workbook();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${E}${WERKBLAD.factorRow}`, cells: [[{ text: 'Veilig\nheid' }]] }] });
    const s = await state(wb);
    expect(factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 0, 1, { now: NOW })).toEqual({
      ok: false,
      message: 'De naam van een succesfactor past op één regel.',
    });
  });

  test('adding a factor by the name of one that is there, or “Totalen”: refused with the reason, with or without a column inserted', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const name = s.ctx.werkblad.factors[1].name;
    for (const shiftColumns of [true, false]) {
      expect(factorAddImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, ` ${name.toUpperCase()} `, '', 1, { shiftColumns, now: NOW })).toEqual({
        ok: false,
        // the name that is there is the one named: the check goes over the factors in order
        message: `Er is al een succesfactor “${name}”.`,
      });
      expect(factorAddImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 'totalen', '', 1, { shiftColumns, now: NOW })).toEqual({
        ok: false,
        message: '“Totalen” is de kolom met de totalen; kies een andere naam.',
      });
    }
  });
});

describe('adding a factor by value (no column inserted): the Totalen column is rewritten as the new factor', () => {
  test('a name of the team over a Totalen cell is named: afterwards it stands for the new factor', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const T = columnLetter(s.ctx.werkblad.layout.totalenColumn);
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: '=Totaal*2' }]] },
      ],
    });
    wb.defineName('Totaal', `='${WS}'!$${T}$6`);
    const now = await state(wb);
    const a = factorAddImpact(await wb.readSnapshot({ definitions: true }), now.ctx.sheet, now.ctx.werkblad, 'Draagvlak', '', 1, { now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.ops.some((op) => op.kind === 'insertColumns')).toBe(false);
    expect(a.definitions.map((d) => [d.kind, d.label, d.effect])).toEqual([['name', 'Totaal', 'reads']]);
    expect(a.reads.map((b) => [formulaPlace(b), b.name])).toEqual([['Eigen!A1', 'Totaal']]);
    expect(a.seen).toContain(definitionKey(a.definitions[0]));
  });

  test('a comment on a Totalen cell is named: it stays on its cell, which then holds the new factor’s score', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const T = columnLetter(s.ctx.werkblad.layout.totalenColumn);
    wb.addComment(WS, `${T}6`, 'Hoog genoeg?');
    wb.addComment(WS, 'A1', 'Bovenaan');
    const a = factorAddImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.comments).toEqual([{ sheet: WS, cell: `${T}6`, text: 'Hoog genoeg?', effect: 'stays' }]);
    expect(a.seen).toContain(commentKey({ sheet: WS, cell: `${T}6` }));
  });

  test('without definitions read, every kind a rewrite by value is judged on is said to be unread', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const a = factorAddImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.unread).toEqual(['names', 'conditionalFormats', 'validations', 'comments', 'notes']);
    const read = await wb.readSnapshot({ definitions: true });
    const all = factorAddImpact(read, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { now: NOW });
    expect(all.ok && all.unread).toEqual([]);
    const some = factorAddImpact({ ...read, definitions: { ...read.definitions!, unread: ['validations'] } }, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, {
      now: NOW,
    });
    expect(some.ok && some.unread).toEqual(['validations']);
  });
});

describe('adding a factor with a column inserted before Totalen', () => {
  test('a name whose cells its text does not fix is named as not checkable, with the formula that uses it', async () => {
    const wb = await workbook();
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: '=Dyn*2' }]] },
      ],
    });
    wb.defineName('Dyn', `=INDIRECT("'${WS}'!${E}"&6)`);
    const s = await state(wb);
    const a = factorAddImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { shiftColumns: true, now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.ops.some((op) => op.kind === 'insertColumns')).toBe(true);
    expect(a.definitions.map((d) => [d.kind, d.label, d.effect])).toEqual([['name', 'Dyn', 'unknown']]);
    expect(a.unknown.map((b) => [formulaPlace(b), b.name])).toEqual([['Eigen!A1', 'Dyn']]);
  });

  test('a formula of the team two columns right of Totalen that cannot be checked is named, not taken for the product’s Totalen', async () => {
    const wb = await workbook();
    const s = await state(wb);
    const beyond = columnLetter(s.ctx.werkblad.layout.totalenColumn + 2);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${beyond}6`, cells: [[{ formula: `=INDIRECT("${D}"&6)*2` }]] }] });
    const now = await state(wb);
    const a = factorAddImpact(await wb.readSnapshot({ definitions: true }), now.ctx.sheet, now.ctx.werkblad, 'Draagvlak', '', 1, {
      shiftColumns: true,
      now: NOW,
    });
    if (!a.ok) throw new Error(a.message);
    expect(a.unknown.map(formulaPlace)).toEqual([`${WS}!${beyond}6`]);
  });
});

test('a move asked again with what the team agreed to names a comment that is new since, and only that', async () => {
  const wb = await workbook();
  wb.addComment(WS, `${D}6`, 'Navragen');
  const s = await state(wb);
  const first = factorMoveImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
  if (!first.ok) throw new Error(first.message);
  expect(first.comments.map((c) => c.cell)).toEqual([`${D}6`]);
  wb.addComment(WS, `${E}6`, 'Later erbij');
  const again = factorMoveImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW, accepted: new Set(first.seen) });
  if (!again.ok) throw new Error(again.message);
  expect(again.comments).toEqual([{ sheet: WS, cell: `${E}6`, text: 'Later erbij', effect: 'stays' }]);
});

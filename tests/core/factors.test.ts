import { DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { addFactorEdit, factorsEdit, moveFactorEdit, readFactorInfo, removeFactorEdit, renameFactorEdit, waaromEdit } from '../../src/core/factors';
import { totalFormula } from '../../src/core/formulas';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { buildPlan, planWithEdit } from '../../src/core/plan';
import { addNote, readNotes } from '../../src/core/notes';
import { readRondes, scoreInRonde, scoreKey, startRonde } from '../../src/core/rondes';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { edit, mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const NAMES = DEFAULT_SUCCESFACTOREN.map((f) => f.naam);

/** Two scored rows: row 6 scores 1..8, row 7 scores 8..1 (factors C..J). */
async function scored(): Promise<MemoryWorkbook> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
  await wb.apply({
    ops: [
      {
        kind: 'setCells',
        sheet: WS,
        cell: 'C6',
        cells: [[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ number: n })), [8, 7, 6, 5, 4, 3, 2, 1].map((n) => ({ number: n }))],
      },
      { kind: 'setCells', sheet: WS, cell: 'E4', cells: [[{ number: 2 }]] },
    ],
  });
  return wb;
}

const row = (wb: MemoryWorkbook, r: number, from = 'C', count = 9) =>
  Array.from({ length: count }, (_, i) => wb.getCell(WS, `${String.fromCharCode(from.charCodeAt(0) + i)}${r}`));

describe('succesfactoren', () => {
  test('the template writes each default factor\'s "waarom" under it (row 5); the info reads it with the score counts', async () => {
    const wb = await scored();
    expect(wb.getCell(WS, 'C5')).toBe(DEFAULT_SUCCESFACTOREN[0].waarom);
    const s = await state(wb);
    const info = readFactorInfo(s.ctx.sheet, s.ctx.werkblad);
    expect(info.map((f) => f.name)).toEqual(NAMES);
    expect(info[0]).toMatchObject({ waarom: DEFAULT_SUCCESFACTOREN[0].waarom, standaardWaarom: DEFAULT_SUCCESFACTOREN[0].waarom, scores: 2, weging: 1 });
  });

  test("removing a factor in the middle keeps every other factor's scores, weight and waarom, and moves Totalen", async () => {
    const wb = await scored();
    const s = await state(wb);
    const totalsBefore = s.analysis.werkblad!.rows.map((r) => r.total);
    await mustEdit(wb, (x) => removeFactorEdit(x.ctx.sheet, x.ctx.werkblad, 3)); // F: 4th factor
    expect(row(wb, 3, 'C', 9)).toEqual([...NAMES.slice(0, 3), ...NAMES.slice(4), 'Totalen', null]);
    expect(row(wb, 4, 'C', 8)).toEqual([1, 1, 2, 1, 1, 1, 1, null]);
    expect(row(wb, 6, 'C', 7)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(row(wb, 7, 'C', 7)).toEqual([8, 7, 6, 4, 3, 2, 1]);
    expect(wb.getCell(WS, 'F5')).toBe(DEFAULT_SUCCESFACTOREN[4].waarom);
    const after = await state(wb);
    const L = after.analysis.werkblad!.layout;
    expect(L.totalenColumn).toBe(10);
    expect(wb.getFormula(WS, 'J6')).toBe(totalFormula(L, 6));
    expect(wb.getFormula(WS, 'K6')).toBeNull();
    expect(wb.getStyle(WS, 'K6')).toEqual({});
    // the old Totalen header loses the product's colours (alignment is harmless and stays)
    expect(wb.getStyle(WS, 'K3')).not.toHaveProperty('fill');
    expect(wb.getStyle(WS, 'K3')).not.toHaveProperty('fontColor');
    expect(wb.getStyle(WS, 'K3')).not.toHaveProperty('bold');
    expect(wb.getStyle(WS, 'J6')).toMatchObject({ bold: true, fill: '#E2EFDA' });
    expect(after.analysis.werkblad!.rows.map((r) => r.total)).toEqual([totalsBefore[0]! - 4, totalsBefore[1]! - 5]);
    expect(after.analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // the workbook is in the planned state: nothing left to do
    expect(buildPlan(after.snapshot, { now: NOW }).plan.ops.filter((o) => o.kind !== 'setValidation')).toEqual([]);
  });

  test('adding a factor puts it before Totalen with weight 1 and its waarom; scores stay', async () => {
    const wb = await scored();
    await mustEdit(wb, (x) => addFactorEdit(x.ctx.sheet, x.ctx.werkblad, 'Zichtbaar voor bewoners', 'Bewoners zien snel resultaat.'));
    expect(row(wb, 3, 'J', 3)).toEqual([NAMES[7], 'Zichtbaar voor bewoners', 'Totalen']);
    expect(row(wb, 4, 'K', 1)).toEqual([1]);
    expect(wb.getCell(WS, 'K5')).toBe('Bewoners zien snel resultaat.');
    expect(row(wb, 6, 'C', 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null]);
    expect(wb.getFormula(WS, 'K6')).toBeNull();
    expect(wb.getStyle(WS, 'K6')).toEqual({});
    const s = await state(wb);
    expect(wb.getFormula(WS, 'L6')).toBe(totalFormula(s.analysis.werkblad!.layout, 6));
    expect(s.analysis.werkblad!.factors).toHaveLength(9);
    // the new column gets the score validation
    expect(wb.getValidation(WS, 'K6')).toMatchObject({ type: 'wholeNumber', min: -10, max: 10 });
  });

  test("a factor removal refused by a co-author's score does not let the rest of the plan write Totalen over the last factor's scores", async () => {
    const wb = await scored();
    const s = await state(wb);
    const res = removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 3);
    if (!res.ok) throw new Error(res.message);
    const plan = planWithEdit(s.snapshot, res.ops, { now: NOW }).plan;
    // the moved Totalen carries the engine's totals in the edit itself, so nothing else writes there
    expect(plan.ops.filter((o) => o.kind === 'setCells' && !o.expect && o.sheet === WS && /^J\d+$/.test(o.cell))).toEqual([]);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'D7', cells: [[{ number: 9 }]] }] }); // the co-author
    const applied = await wb.apply(plan);
    expect(applied.conflicts.map((c) => c.cell)).toEqual(['D7']);
    expect(row(wb, 6, 'C', 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(row(wb, 7, 'C', 8)).toEqual([8, 9, 6, 5, 4, 3, 2, 1]);
    expect(wb.getFormula(WS, 'J6')).toBeNull();
    expect(wb.getCell(WS, 'K3')).toBe('Totalen');
  });

  test('reordering moves scores with their factor', async () => {
    const wb = await scored();
    await mustEdit(wb, (x) => moveFactorEdit(x.ctx.sheet, x.ctx.werkblad, 0, 1));
    expect(row(wb, 3, 'C', 2)).toEqual([NAMES[1], NAMES[0]]);
    expect(row(wb, 6, 'C', 3)).toEqual([2, 1, 3]);
    expect(row(wb, 7, 'C', 3)).toEqual([7, 8, 6]);
    // moving past the end does nothing
    const s = await state(wb);
    expect(moveFactorEdit(s.ctx.sheet, s.ctx.werkblad, 7, 1)).toEqual({ ok: true, ops: [] });
  });

  test('a rename never loses scores', async () => {
    const wb = await scored();
    await mustEdit(wb, (x) => renameFactorEdit(x.ctx.sheet, x.ctx.werkblad, 2, 'Doorbraak in een complex dossier', x));
    expect(wb.getCell(WS, 'E3')).toBe('Doorbraak in een complex dossier');
    expect(row(wb, 6, 'C', 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const s = await state(wb);
    expect(renameFactorEdit(s.ctx.sheet, s.ctx.werkblad, 2, NAMES[0].toUpperCase(), s).ok).toBe(false);
    expect(renameFactorEdit(s.ctx.sheet, s.ctx.werkblad, 2, 'totalen', s).ok).toBe(false);
  });

  test('renaming a factor left its notes and round scores under the old name', async () => {
    const wb = await scored();
    const old = NAMES[2];
    const renamed = 'Doorbraak in een complex dossier';
    const note = (factor: string, tekst: string) =>
      addNote({ author: 'Bert', step: 'Stap 3', koppelkans: 'Meer groen', factor, kind: 'discussie', text: tekst, verantwoordelijke: '', date: '' }, NOW);
    for (const n of [note(` ${old.toUpperCase()} `, 'over de factor'), note(NAMES[0], 'over een andere factor')]) {
      if (!n.ok) throw new Error(n.message);
      await wb.apply({ ops: n.ops });
    }
    // a note typed by hand (no id) about the factor: found by row
    await wb.apply({
      ops: [
        {
          kind: 'appendRows',
          sheet: SHEET_NAMES.notulen,
          minRow: 1,
          firstColumn: 'E',
          rows: [[{ text: 'Meer groen' }, { text: old }, { text: 'discussie' }, { text: 'zonder id' }]],
        },
      ],
    });
    const start = startRonde(readRondes(await wb.readSnapshot()), [{ koppelkans: 'Meer groen', factor: old }], NOW);
    if (!start.ok) throw new Error(start.message);
    await wb.apply({ ops: start.ops });
    let rondes = readRondes(await wb.readSnapshot());
    const score = scoreInRonde(rondes, rondes.rondes[0], 'Ans', 'Meer groen', old, 4, NOW);
    if (!score.ok) throw new Error(score.message);
    await wb.apply({ ops: score.ops });

    await mustEdit(wb, (x) => renameFactorEdit(x.ctx.sheet, x.ctx.werkblad, 2, renamed, x));

    const notes = readNotes(await wb.readSnapshot()).notes;
    expect(notes.map((n) => [n.text, n.factor])).toEqual([
      ['over de factor', renamed],
      ['over een andere factor', NAMES[0]],
      ['zonder id', renamed],
    ]);
    rondes = readRondes(await wb.readSnapshot());
    expect(rondes.rows.map((r) => [r.soort, r.factor, r.key])).toEqual([
      ['ronde', renamed, ''],
      ['score', renamed, scoreKey(1, 'Ans', 'Meer groen', renamed)],
    ]);
    // Ans changes her score under the new name: her own row is rewritten, no second row
    const again = scoreInRonde(rondes, rondes.rondes[0], 'Ans', 'Meer groen', renamed, 6, NOW);
    if (!again.ok) throw new Error(again.message);
    await wb.apply({ ops: again.ops });
    rondes = readRondes(await wb.readSnapshot());
    expect(rondes.rows.filter((r) => r.soort === 'score').map((r) => r.score)).toEqual([6]);
    expect(row(wb, 6, 'C', 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('a rename does not overwrite a note a colleague relinked meanwhile (guarded write)', async () => {
    const wb = await scored();
    const n = addNote(
      { author: 'Bert', step: 'Stap 3', koppelkans: 'Meer groen', factor: NAMES[2], kind: 'discussie', text: 'x', verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!n.ok) throw new Error(n.message);
    await wb.apply({ ops: n.ops });
    const s = await state(wb);
    const res = renameFactorEdit(s.ctx.sheet, s.ctx.werkblad, 2, 'Nieuwe naam', s);
    if (!res.ok) throw new Error(res.message);
    const r = readNotes(s.snapshot).notes[0].row;
    await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.notulen, cell: `F${r}`, cells: [[{ text: NAMES[0] }]] }] });
    const result = await wb.apply({ ops: res.ops });
    expect(wb.getCell(SHEET_NAMES.notulen, `F${r}`)).toBe(NAMES[0]);
    expect(result.conflicts?.map((c) => c.cell)).toEqual([`F${r}`]);
    expect(wb.getCell(WS, 'E3')).toBe('Nieuwe naam');
  });

  test('the waarom is editable and one line', async () => {
    const wb = await scored();
    await mustEdit(wb, (x) => waaromEdit(x.ctx.sheet, x.ctx.werkblad, 1, 'Omdat de raad\nbeslist'));
    expect(wb.getCell(WS, 'D5')).toBe('Omdat de raad beslist');
  });

  test('Totalen does not move into a column the team uses: refused, naming the cell, nothing written', async () => {
    const wb = await scored();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'L40', cells: [[{ text: 'eigen opmerking' }]] }] });
    const res = await edit(wb, (x) => addFactorEdit(x.ctx.sheet, x.ctx.werkblad, 'Nieuw', ''));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/Werkblad koppelkansen kiezen!L40 is niet leeg/);
    expect(wb.getCell(WS, 'K3')).toBe('Totalen');
  });

  test('a value the team typed in a Totalen cell is not moved or lost: refused, naming the cell', async () => {
    const wb = await scored();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'K9', cells: [[{ number: 99 }]] }] });
    const s = await state(wb);
    const res = removeFactorEdit(s.ctx.sheet, s.ctx.werkblad, 0);
    expect(!res.ok && res.message).toMatch(/K9 in de kolom Totalen bevat “99”/);
  });

  test('the last factor cannot go, names must be unique and new', async () => {
    const wb = await templateWorkbook();
    const s = await state(wb);
    expect(factorsEdit(s.ctx.sheet, s.ctx.werkblad, []).ok).toBe(false);
    expect(addFactorEdit(s.ctx.sheet, s.ctx.werkblad, NAMES[2], '').ok).toBe(false);
    expect(addFactorEdit(s.ctx.sheet, s.ctx.werkblad, '', '').ok).toBe(false);
  });

  test("remove then add keeps Resultaat's formulas pointing at the moved Totalen", async () => {
    const wb = await scored();
    await mustEdit(wb, (x) => removeFactorEdit(x.ctx.sheet, x.ctx.werkblad, 0));
    await mustEdit(wb, (x) => addFactorEdit(x.ctx.sheet, x.ctx.werkblad, 'Nieuw', ''));
    const s = await state(wb);
    expect(s.analysis.werkblad!.layout.totalenColumn).toBe(WERKBLAD.firstFactorColumn + 8);
    const res = s.snapshot.sheets.find((x) => x.name === SHEET_NAMES.resultaat)!;
    const formulas = (res.formulas ?? []).flat().filter((f): f is string => typeof f === 'string' && f.startsWith('='));
    expect(formulas.some((f) => f.includes('$K$'))).toBe(true);
    expect(formulas.some((f) => f.includes('$J$6'))).toBe(false);
  });
});

/**
 * Regression (issue 11): adding a succesfactor inserts a column before Totalen; Excel shifts
 * every reference at or right of it, but not the text of an INDIRECT. A team formula
 * `=INDIRECT("Werkblad!<Totalen>6")`, a name with such a text and the formulas using that
 * name then silently read the new, empty factor instead of Totalen, and the pane asked
 * nothing. `factorAddImpact` now finds them (and, as "kan niet worden nagegaan", an
 * INDIRECT of a computed text) and the pane asks first (`addQuestion`); an addition that
 * affects nothing of the team's (a fixed INDIRECT left of the new column) stays question-free.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { definitionKey, factorAddImpact, formulaPlace } from '../../src/core/referenceBreaks';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { addFactor, addQuestion } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

/** A scored koppelkans and, on "Eigen", `formulas` in A1, A2, …; `names` defined over the whole workbook. */
async function workbook(formulas: (totalen: string) => string[], names: (totalen: string) => [string, string][] = () => []): Promise<MemoryWorkbook> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  const T = columnLetter((await state(wb)).ctx.werkblad.layout.totalenColumn);
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Eigen' },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: formulas(T).map((f) => [{ formula: f }]) },
    ],
  });
  for (const [name, formula] of names(T)) wb.defineName(name, formula);
  return wb;
}

describe('adding a succesfactor with a fixed INDIRECT text at or right of the new column', () => {
  test('regression: a fixed INDIRECT of a Totalen cell, a name with one and a formula using it were not asked about; now they are, by sheet and cell', async () => {
    const wb = await workbook(
      (T) => [`=INDIRECT("'${WS}'!${T}6")`, `=VastTotaal*2`, `=INDIRECT("'${WS}'!${D}6")`, `=INDIRECT("'${WS}'!"&"${D}6")`],
      (T) => [['VastTotaal', `=INDIRECT("'${WS}'!$${T}$6")`]],
    );
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const a = factorAddImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', 'Zonder draagvlak geen uitvoering', 1, { shiftColumns: true, now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.ops.some((op) => op.kind === 'insertColumns')).toBe(true);
    // A1 (Totalen by text) and A2 (through the name) read the new factor afterwards; A3 (D6, left of the new column) keeps its cell
    expect(a.reads.map((b) => [formulaPlace(b), b.name ?? null])).toEqual([
      ['Eigen!A2', 'VastTotaal'],
      ['Eigen!A1', null],
    ]);
    expect(a.unknown.map(formulaPlace)).toEqual(['Eigen!A4']);
    expect(a.definitions.map((d) => `${definitionKey(d)} ${d.effect}`)).toEqual(['name||VastTotaal reads']);
    const q = addQuestion('Draagvlak', a)!;
    expect(q.title).toBe('“Draagvlak” toevoegen?');
    expect(q.text).toContain('vaste tekst (INDIRECT)');
    expect(q.text).toContain('kan niet worden nagegaan');
    expect(q.list).toEqual([
      'Eigen!A2: =VastTotaal*2 (via naam VastTotaal)',
      `Eigen!A1: =INDIRECT("'${WS}'!${columnLetter(s.ctx.werkblad.layout.totalenColumn)}6")`,
      `Naam “VastTotaal” (hele werkmap): =INDIRECT("'${WS}'!$${columnLetter(s.ctx.werkblad.layout.totalenColumn)}$6") blijft naar dezelfde cellen verwijzen`,
      `Eigen!A4 (kan niet worden nagegaan): =INDIRECT("'${WS}'!"&"${D}6")`,
    ]);
    // the pane's build refuses what the team was not asked about, and adds once it agreed
    const fresh = { snapshot, analysis: s.analysis, notes: s.notes, canShiftColumns: true };
    const refused = addFactor('Draagvlak', '', '1')(fresh);
    expect(refused.ok ? '' : refused.message).toMatch(/^Intussen verwijst ook Eigen!A2, Eigen!A1, Eigen!A4, naam VastTotaal naar cellen/);
    const agreed = addFactor('Draagvlak', '', '1', a.seen)(fresh);
    expect(agreed.ok && agreed.ops.some((op) => op.kind === 'insertColumns')).toBe(true);
  });

  test('a fixed INDIRECT left of the new column (a factor’s score) and plain references: no question', async () => {
    const wb = await workbook(
      () => [`=INDIRECT("'${WS}'!${D}6")`, `='${WS}'!${D}6*2`],
      () => [['VastScore', `=INDIRECT("'${WS}'!$${D}$6")`]],
    );
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const a = factorAddImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { shiftColumns: true, now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect([a.reads, a.unknown, a.definitions, a.comments]).toEqual([[], [], [], []]);
    expect(addQuestion('Draagvlak', a)).toBeNull();
    const fresh = { snapshot, analysis: s.analysis, notes: s.notes, canShiftColumns: true };
    expect(addFactor('Draagvlak', '', '1')(fresh).ok).toBe(true);
  });

  test('written by value (a port that cannot insert columns): a plain reference to a Totalen cell is named, without mentioning INDIRECT', async () => {
    const wb = await workbook((T) => [`='${WS}'!${T}6*2`]);
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const a = factorAddImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 'Draagvlak', '', 1, { now: NOW });
    if (!a.ok) throw new Error(a.message);
    expect(a.ops.some((op) => op.kind === 'insertColumns')).toBe(false);
    expect(a.reads.map(formulaPlace)).toEqual(['Eigen!A1']);
    const q = addQuestion('Draagvlak', a)!;
    expect(q.text).toMatch(
      /^De nieuwe succesfactor en Totalen worden een kolom verder in de cellen geschreven, maar deze formule van jullie verwijst naar een cel/,
    );
    expect(q.text).not.toContain('INDIRECT');
  });
});

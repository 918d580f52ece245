import { DEFAULT_LONGLIST } from '../../src/core/defaults';
import { addNote } from '../../src/core/notes';
import { LONGLIST, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import {
  deselectKoppelkansEdit,
  deselectKoppelkansRowsEdit,
  deselectOpgaveEdit,
  describeLoss,
  minderConcreetAt,
  minderConcreetEdit,
  ownKoppelkansEdit,
  ownOpgaveEdit,
  readStap2,
  selectKoppelkansEdit,
  selectOpgaveEdit,
  type Loss,
} from '../../src/core/stap2';
import { wijkEdit, wijkName } from '../../src/core/wijk';
import { buildPlan } from '../../src/core/plan';
import { deselectKoppelkans } from '../../src/taskpane/stappen/stap2Actions';
import { edit, mustEdit, NOW, state, templateWorkbook, type State } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;

describe('Stap 1: the wijk name', () => {
  test('set in the pane, it lands in the werkblad title and the Resultaat title, and is read back', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => wijkEdit(s.snapshot, '  Lelystad-Oost '));
    expect(wb.getCell(WS, 'A1')).toBe('Werkblad koppelkansen kiezen – Lelystad-Oost');
    expect(wb.getCell(SHEET_NAMES.resultaat, 'A1')).toBe('Resultaat: automatische top 15 – Lelystad-Oost');
    const s = await state(wb);
    expect(wijkName(s.snapshot)).toBe('Lelystad-Oost');
    expect(s.analysis.wijk).toBe('Lelystad-Oost');
  });

  test('changing and removing the name', async () => {
    const wb = await templateWorkbook('Oud');
    await mustEdit(wb, (s) => wijkEdit(s.snapshot, 'Nieuw'));
    expect((await state(wb)).analysis.wijk).toBe('Nieuw');
    await mustEdit(wb, (s) => wijkEdit(s.snapshot, ''));
    expect(wb.getCell(WS, 'A1')).toBe('Werkblad koppelkansen kiezen');
    expect(wb.getCell(SHEET_NAMES.resultaat, 'A1')).toBe('Resultaat: automatische top 15');
  });

  test('a title the team wrote itself is never overwritten: the refusal names the cell', async () => {
    const wb = await templateWorkbook();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'A1', cells: [[{ text: 'Onze wijk, ons plan' }]] }] });
    const res = await edit(wb, (s) => wijkEdit(s.snapshot, 'Noord'));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatch(/Werkblad koppelkansen kiezen!A1 heeft een eigen titel/);
    expect(wb.getCell(WS, 'A1')).toBe('Onze wijk, ons plan');
  });

  test('a name over two lines or too long is refused', async () => {
    const s = await state(await templateWorkbook());
    expect(wijkEdit(s.snapshot, 'a\nb').ok).toBe(false);
    expect(wijkEdit(s.snapshot, 'x'.repeat(81)).ok).toBe(false);
  });
});

describe('Stap 2: opgaven and koppelkansen', () => {
  test('the model lists the longlist opgaven with toelichting and their koppelkansen, nothing selected in a new workbook', async () => {
    const s = await state(await templateWorkbook());
    const m = readStap2(s.snapshot, s.analysis)!;
    expect(m.opgaven.length).toBeGreaterThanOrEqual(15);
    const klimaat = m.opgaven.find((o) => o.opgave === 'Klimaatadaptatie')!;
    expect(klimaat.toelichting).toMatch(/hitte/);
    expect(klimaat.koppelkansen.length).toBeGreaterThan(0);
    expect(klimaat.koppelkansen[0].toelichting).not.toBe('');
    expect(m.opgaven.every((o) => o.rows.length === 0 && !o.own)).toBe(true);
    expect(m.freeRow).toBe(WERKBLAD.firstDataRow);
  });

  test('selecting an opgave, then its koppelkansen: the first one fills the opgave row, the next one the first free row', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Klimaatadaptatie'));
    await mustEdit(wb, (s) => selectOpgaveEdit(s.ctx, 'Gezondheid'));
    expect([wb.getCell(WS, 'A6'), wb.getCell(WS, 'A7')]).toEqual(['Klimaatadaptatie', 'Gezondheid']);
    const s0 = await state(wb);
    const [k1, k2] = readStap2(s0.snapshot, s0.analysis)!.opgaven.find((o) => o.opgave === 'Klimaatadaptatie')!.koppelkansen;
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Klimaatadaptatie', k1.koppelkans));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Klimaatadaptatie', k2.koppelkans));
    expect(wb.getCell(WS, 'B6')).toBe(k1.koppelkans);
    expect([wb.getCell(WS, 'A8'), wb.getCell(WS, 'B8')]).toEqual(['Klimaatadaptatie', k2.koppelkans]);
    // selecting again changes nothing
    expect((await edit(wb, (s) => selectKoppelkansEdit(s.ctx, 'klimaatadaptatie ', k2.koppelkans))).ok && true).toBe(true);
    const s = await state(wb);
    const m = readStap2(s.snapshot, s.analysis)!;
    const klimaat = m.opgaven.find((o) => o.opgave === 'Klimaatadaptatie')!;
    expect(klimaat.rows).toEqual([6, 8]);
    expect(klimaat.koppelkansen.filter((k) => k.rows.length).map((k) => k.rows)).toEqual([[6], [8]]);
    expect(m.freeRow).toBe(9);
    // the rows are ready to score: Totalen formulas and the whole check without errors
    expect(wb.getFormula(WS, 'K8')).toMatch(/^=/);
    expect(s.analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('the model lists a koppelkans the longlist holds twice once, flags the team’s own ones, and shows a werkblad row whose koppelkans is not on the longlist (from the mutation check of 2026-12-02, session 27)', async () => {
    const wb = await templateWorkbook();
    const s0 = await state(wb);
    const gezondheid = readStap2(s0.snapshot, s0.analysis)!.opgaven.find((o) => o.opgave === 'Gezondheid')!;
    const builtIn = gezondheid.koppelkansen[0];
    const below = s0.analysis.longlist.layout!.lastRow + 1;
    await wb.apply({
      ops: [
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.longlist,
          cell: `A${below}`,
          cells: [
            [{ text: 'Gezondheid' }, { text: builtIn.koppelkans.toUpperCase() }, { text: 'dubbel' }],
            [{ text: 'Gezondheid' }, { text: 'Eigen kans' }, { text: '' }],
            [{ text: 'Eigen opgave' }, { text: 'Iets' }, { text: '' }],
            // a koppelkans without opgave and a stray toelichting make no opgave
            [{ clear: true }, { clear: true }, { text: 'losse tekst' }],
            [{ clear: true }, { text: 'Zwerver' }, { text: '' }],
          ],
        },
        { kind: 'setCells', sheet: WS, cell: 'A6', cells: [[{ text: 'Gezondheid' }, { text: 'Niet op de lijst' }]] },
        // a score on a row without opgave or koppelkans is no koppelkans elsewhere
        { kind: 'setCells', sheet: WS, cell: 'C7', cells: [[{ number: 3 }]] },
        // a row on the longlist is not elsewhere; one whose opgave is not on it is
        {
          kind: 'setCells',
          sheet: WS,
          cell: 'A8',
          cells: [
            [{ text: 'Gezondheid' }, { text: builtIn.koppelkans }],
            [{ text: 'Onbekend' }, { text: 'X' }],
          ],
        },
      ],
    });
    const s = await state(wb);
    const m = readStap2(s.snapshot, s.analysis)!;
    const g = m.opgaven.find((o) => o.opgave === 'Gezondheid')!;
    expect(g.koppelkansen.length).toBe(gezondheid.koppelkansen.length + 1);
    expect(g.koppelkansen.filter((k) => k.koppelkans.toLowerCase() === builtIn.koppelkans.toLowerCase()).map((k) => [k.longlistRow, k.own])).toEqual([
      [builtIn.longlistRow, false],
    ]);
    expect(g.koppelkansen.filter((k) => k.own).map((k) => k.koppelkans)).toEqual(['Eigen kans']);
    expect(g.rows).toEqual([6, 8]);
    expect(g.koppelkansen.find((k) => k.longlistRow === builtIn.longlistRow)!.rows).toEqual([8]);
    expect(m.elsewhere).toEqual([
      { row: 6, opgave: 'Gezondheid', koppelkans: 'Niet op de lijst' },
      { row: 9, opgave: 'Onbekend', koppelkans: 'X' },
    ]);
    // the team's own opgave has no built-in toelichting; no opgave without a name
    expect(m.opgaven.find((o) => o.opgave === 'Eigen opgave')).toMatchObject({ own: true, toelichting: '' });
    expect(m.opgaven.some((o) => o.opgave === '')).toBe(false);
    // the werkblad is found by name, not by its place among the sheets; no werkblad, no model
    const reordered = { ...s.snapshot, sheets: [...s.snapshot.sheets].reverse() };
    expect(readStap2(reordered, s.analysis)!.freeRow).toBe(m.freeRow);
    expect(m.freeRow).toBe(10);
    expect(readStap2(s.snapshot, { ...s.analysis, werkblad: null })).toBeNull();
    expect(readStap2({ ...s.snapshot, sheets: s.snapshot.sheets.filter((x) => x.name !== WS) }, s.analysis)).toBeNull();
    // a longlist that is not the workbook's (the built-in one): the model without the sheet's toelichting rows
    expect(readStap2(s.snapshot, { ...s.analysis, longlistInWorkbook: false })!.opgaven.length).toBe(m.opgaven.length);
  });

  test('a gap left by a deselected row is the first free row again', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Eerste'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Tweede'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Derde'));
    await mustEdit(wb, (s) => deselectKoppelkansEdit(s.ctx, 7));
    expect([wb.getCell(WS, 'A7'), wb.getCell(WS, 'B7')]).toEqual([null, null]);
    const s = await state(wb);
    expect(readStap2(s.snapshot, s.analysis)!.freeRow).toBe(7);
  });

  test('deselecting says what would be lost: the scores of the row and the notes about its koppelkans', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'C6', cells: [[{ number: 5 }, { number: -2 }]] }] });
    const note = addNote(
      { author: 'An', step: 'Stap 3', koppelkans: 'Meer groen', factor: '', kind: 'discussie', text: 'Goed idee', verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!note.ok) throw new Error(note.message);
    await wb.apply({ ops: note.ops });
    const s = await state(wb);
    const res = deselectKoppelkansEdit(s.ctx, 6);
    expect(res.ok && res.loss).toEqual({ scores: 2, notes: 1, team: [] });
    expect(describeLoss(res.loss!)).toBe('2 scores en 1 notitie');
    // its opgave's only row: the opgave stays selected, koppelkans and scores go
    await mustEdit(wb, () => res);
    expect([wb.getCell(WS, 'A6'), wb.getCell(WS, 'B6'), wb.getCell(WS, 'C6'), wb.getCell(WS, 'D6')]).toEqual(['Gezondheid', null, null, null]);
    // nothing to lose: nothing to ask
    const again = deselectKoppelkansEdit((await state(wb)).ctx, 6);
    expect(again.ok && again.loss).toEqual({ scores: 0, notes: 0, team: [] });
  });

  test('regression: deselecting a koppelkans the team typed on two rows counted its notes as 0 and checked the agreed loss row by row; now both rows together, and the opgave stays chosen', async () => {
    const wb = await templateWorkbook();
    const KK = DEFAULT_LONGLIST.find((e) => e.opgave === 'Gezondheid')!.koppelkans;
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', KK));
    // typed a second time in the grid, both rows scored
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: 'C6', cells: [[{ number: 1 }, { number: 2 }, { number: 3 }]] },
        {
          kind: 'setCells',
          sheet: WS,
          cell: 'A7',
          cells: [[{ text: 'Gezondheid' }, { text: ` ${KK.toUpperCase()} ` }, { number: 4 }, { number: 5 }, { number: 6 }]],
        },
      ],
    });
    const note = addNote(
      { author: 'An', step: 'Stap 3', koppelkans: KK, factor: '', kind: 'discussie', text: 'Goed idee', verantwoordelijke: '', date: '' },
      NOW,
    );
    if (!note.ok) throw new Error(note.message);
    await wb.apply({ ops: note.ops });
    const s = await state(wb);
    const k = readStap2(s.snapshot, s.analysis)!
      .opgaven.find((o) => o.opgave === 'Gezondheid')!
      .koppelkansen.find((x) => x.koppelkans === KK)!;
    expect(k.rows).toEqual([6, 7]);
    // the note loses its koppelkans: no row keeps it
    const res = deselectKoppelkansRowsEdit(s.ctx, k.rows);
    expect(res.ok && res.loss).toEqual({ scores: 6, notes: 1, team: [] });
    // agreed to less than both rows hold together (each row alone holds 3): refused, nothing cleared
    const pane = (agreed: Loss) => (x: State) => deselectKoppelkans('Gezondheid', KK, agreed)({ ...x, canShiftColumns: false });
    const refused = await edit(wb, pane({ scores: 3, notes: 1 }));
    expect(!refused.ok && refused.message).toMatch(/^Intussen is er meer ingevuld \(6 scores en 1 notitie\)/);
    expect(wb.getCell(WS, 'B7')).toBe(` ${KK.toUpperCase()} `);
    await mustEdit(wb, pane(res.loss));
    // the opgave's only rows: it stays chosen on the first, as with one row
    expect([6, 7].map((r) => ['A', 'B', 'C', 'E'].map((c) => wb.getCell(WS, `${c}${r}`)))).toEqual([
      ['Gezondheid', null, null, null],
      [null, null, null, null],
    ]);
  });

  test('deselecting an opgave clears every row of it and counts the scores', async () => {
    const wb = await templateWorkbook();
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Een'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Twee'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Drie'));
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'C8', cells: [[{ number: 1 }]] }] });
    const s = await state(wb);
    const res = deselectOpgaveEdit(s.ctx, 'onderwijs');
    expect(res.ok && res.loss).toEqual({ scores: 1, notes: 0, team: [] });
    await mustEdit(wb, () => res);
    expect([wb.getCell(WS, 'A6'), wb.getCell(WS, 'A7'), wb.getCell(WS, 'A8'), wb.getCell(WS, 'C8')]).toEqual([null, 'Gezondheid', null, null]);
  });

  test.each(['=SOM(A1)', 'Zon*Wind?', 'Eigen opgave ', '+31 energie', '@buurt'])(
    'an own opgave "%s" is appended to the longlist below its used range, stays text and is offered in the opgave list',
    async (name) => {
      const wb = await templateWorkbook();
      const before = await state(wb);
      const lastRow = before.analysis.longlist.layout!.lastRow;
      await mustEdit(wb, (s) => ownOpgaveEdit(s.ctx, s.analysis, name, 'Onze eigen toelichting'));
      expect(wb.getCell(SHEET_NAMES.longlist, `A${lastRow + 1}`)).toBe(name.trim());
      expect(wb.getFormula(SHEET_NAMES.longlist, `A${lastRow + 1}`)).toBeNull();
      expect(wb.getCell(SHEET_NAMES.longlist, `C${lastRow + 1}`)).toBe('Onze eigen toelichting');
      expect(wb.getCell(WS, 'A6')).toBe(name.trim());
      const s = await state(wb);
      const m = readStap2(s.snapshot, s.analysis)!;
      const own = m.opgaven.find((o) => o.opgave === name.trim())!;
      expect(own).toMatchObject({ own: true, toelichting: 'Onze eigen toelichting', rows: [6] });
      expect(s.analysis.longlist.opgaven).toContain(name.trim());
      // an own koppelkans under it goes to the longlist and the werkblad
      await mustEdit(wb, (x) => ownKoppelkansEdit(x.ctx, x.analysis, name, 'Zelf bedacht = beter?', 'waarom'));
      expect(wb.getCell(SHEET_NAMES.longlist, `B${lastRow + 2}`)).toBe('Zelf bedacht = beter?');
      expect(wb.getCell(WS, 'B6')).toBe('Zelf bedacht = beter?');
      const after = await state(wb);
      expect(after.analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
      // planning again writes nothing: the lists already cover the new rows
      expect(buildPlan(after.snapshot, { now: NOW }).plan.ops.filter((o) => o.kind !== 'setValidation')).toEqual([]);
    },
  );

  test('an own opgave or koppelkans that exists already is refused with a hint', async () => {
    const s = await state(await templateWorkbook());
    const dup = ownOpgaveEdit(s.ctx, s.analysis, ' klimaatadaptatie', '');
    expect(!dup.ok && dup.message).toMatch(/staat al op de longlist/);
    const k = s.analysis.longlist.entries[0];
    const dupK = ownKoppelkansEdit(s.ctx, s.analysis, k.opgave, k.koppelkans.toUpperCase(), '');
    expect(!dupK.ok && dupK.message).toMatch(/staat al op de longlist/);
    expect(ownOpgaveEdit(s.ctx, s.analysis, '  ', '').ok).toBe(false);
  });

  test('"minder concreet" with a verantwoordelijke: columns added by label, kept in the workbook, exposed in the analysis', async () => {
    const wb = await templateWorkbook();
    const s0 = await state(wb);
    const entry = s0.analysis.longlist.entries[3];
    await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, true, 'Fatima'));
    expect(wb.getCell(SHEET_NAMES.longlist, 'D1')).toBe(LONGLIST.minderConcreetLabel);
    expect(wb.getCell(SHEET_NAMES.longlist, 'E1')).toBe(LONGLIST.verantwoordelijkeLabel);
    const s = await state(wb);
    expect(s.analysis.minderConcreet).toEqual([{ opgave: entry.opgave, koppelkans: entry.koppelkans, verantwoordelijke: 'Fatima', row: entry.row }]);
    const k = readStap2(s.snapshot, s.analysis)!
      .opgaven.flatMap((o) => o.koppelkansen)
      .find((x) => x.koppelkans === entry.koppelkans)!;
    expect(k.minderConcreet?.verantwoordelijke).toBe('Fatima');
    // a second mark reuses the columns; unmarking clears both cells
    const other = s.analysis.longlist.entries[5];
    await mustEdit(wb, (x) => minderConcreetEdit(x.snapshot, x.analysis, other.row, true, ''));
    await mustEdit(wb, (x) => minderConcreetEdit(x.snapshot, x.analysis, entry.row, false, ''));
    expect(wb.getCell(SHEET_NAMES.longlist, 'F1')).toBeNull();
    expect((await state(wb)).analysis.minderConcreet.map((m) => [m.koppelkans, m.verantwoordelijke])).toEqual([[other.koppelkans, '']]);
  });

  test("minder concreet with `expected` writes only what changed, guarded; a colleague's name is refused, not overwritten (regression: unguarded write)", async () => {
    const wb = await templateWorkbook();
    const s0 = await state(wb);
    const entry = s0.analysis.longlist.entries[2];
    await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, true, 'Fatima'));
    const read = { marked: true, verantwoordelijke: 'Fatima' };
    // only the name cell is written, with expect = its value in the read
    const s1 = await state(wb);
    const only = minderConcreetEdit(s1.snapshot, s1.analysis, entry.row, true, 'Jan', read);
    expect(only.ok && only.ops).toEqual([
      { kind: 'setCells', sheet: SHEET_NAMES.longlist, cell: `E${entry.row}`, cells: [[{ text: 'Jan' }]], expect: [['Fatima']] },
    ]);
    // a colleague typed another name meanwhile: refused, the message names cell and their version
    await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, true, 'Piet'));
    const refused = await edit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, true, 'Jan', read));
    expect(!refused.ok && refused.message).toContain(`${SHEET_NAMES.longlist}!E${entry.row}`);
    expect(!refused.ok && refused.message).toContain('“Piet”');
    expect(wb.getCell(SHEET_NAMES.longlist, `E${entry.row}`)).toBe('Piet');
    // unmarking clears only the name the pane showed: the colleague's name stays, the mark goes
    await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, false, '', read));
    expect([wb.getCell(SHEET_NAMES.longlist, `D${entry.row}`), wb.getCell(SHEET_NAMES.longlist, `E${entry.row}`)]).toEqual([null, 'Piet']);
    // marking again without a typed name leaves that name alone
    const s2 = await state(wb);
    expect(minderConcreetAt(s2.snapshot, s2.analysis, entry.row)).toEqual({ marked: false, verantwoordelijke: 'Piet' });
    await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, true, '', { marked: false, verantwoordelijke: '' }));
    expect(minderConcreetAt((await state(wb)).snapshot, (await state(wb)).analysis, entry.row)).toEqual({ marked: true, verantwoordelijke: 'Piet' });
  });

  test('minder concreet columns go right of whatever the team has on the longlist sheet', async () => {
    const wb = await templateWorkbook();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.longlist, cell: 'D1', cells: [[{ text: 'Bron' }, { text: 'Eigenaar' }]] }] });
    const s0 = await state(wb);
    await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, s0.analysis.longlist.entries[0].row, true, 'Jan'));
    expect([wb.getCell(SHEET_NAMES.longlist, 'D1'), wb.getCell(SHEET_NAMES.longlist, 'E1')]).toEqual(['Bron', 'Eigenaar']);
    expect([wb.getCell(SHEET_NAMES.longlist, 'F1'), wb.getCell(SHEET_NAMES.longlist, 'G1')]).toEqual([
      LONGLIST.minderConcreetLabel,
      LONGLIST.verantwoordelijkeLabel,
    ]);
  });
});

describe('Stap 2 compares names by the one rule (src/core/names.ts)', () => {
  test('stap2 has no name rule of its own: a koppelkans is "already selected" exactly when the workbook formulas see the same name', async () => {
    const stap2 = await import('../../src/core/stap2');
    expect('nameKey' in stap2).toBe(false);
    const wb = await templateWorkbook('Testwijk');
    const first = await edit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    if (!first.ok) throw new Error(first.message);
    // NBSP, tab, double space and case: the same name for the formulas, so the same row
    let s = await state(wb);
    const same = selectKoppelkansEdit(s.ctx, 'GEZONDHEID', 'meer\u00a0\t groen ');
    expect(same).toMatchObject({ ok: true, ops: [] });
    // an em space is no space for Excel's TRIM: the formulas see another koppelkans, so does the pane
    s = await state(wb);
    const other = selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer\u2003groen');
    expect(other.ok && other.ops.length).toBe(1);
  });
});

/**
 * Stap 1 and Stap 2 of the pane through the port, run against every adapter (memory, xlsx,
 * Office.js) by `contractSuite`. Each edit is built exactly as the views build it (the
 * actions of src/taskpane/stappen/stap2Actions.ts and `wijkEdit` on a fresh read), planned
 * with the rest of the workbook (`planWithEdit`, as `session.applyEdit` does) and applied in
 * one batch; every assertion reads what the adapter holds, and each case reopens the
 * workbook (xlsx: written to bytes and read back; Office.js: another pane on the same book)
 * before its checks of the file as the next reader sees it.
 */
import { analyze } from '../../src/core/analyze';
import { columnLetter } from '../../src/core/a1';
import type { EditResult } from '../../src/core/edits';
import { LIJST_COLUMNS } from '../../src/core/keuzelijsten';
import { LONGLIST, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { totalFormula } from '../../src/core/formulas';
import { addNote, readNotes } from '../../src/core/notes';
import { buildPlan, planWithEdit } from '../../src/core/plan';
import type { CellValue, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { readFactorInfo } from '../../src/core/factors';
import { readStap2, stap2Context, type Stap2Context } from '../../src/core/stap2';
import { wijkEdit, wijkName } from '../../src/core/wijk';
import type { ApplyResult } from '../../src/workbook/port';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import type { FreshState } from '../../src/taskpane/session';
import {
  addFactor,
  addOwnOpgave,
  deselectKoppelkans,
  factorFields,
  PICK_READ,
  removeFactor,
  saveFactor,
  selectKoppelkans,
  selectOpgave,
  setMinderConcreet,
} from '../../src/taskpane/stappen/stap2Actions';
import type { Harness, TestWorkbook } from './contract';

const NOW = new Date('2026-11-28T10:00:00Z');
const WS = SHEET_NAMES.werkblad;
const LL = SHEET_NAMES.longlist;
const OPGAVE = 'Gezondheid';
const FACTORS = ['Draagvlak', 'Kosten', 'Tempo'];
const [D1, D2, D3, D4] = [0, 1, 2, 3].map((i) => WERKBLAD.firstDataRow + i);
const factorCol = (i: number) => columnLetter(WERKBLAD.firstFactorColumn + i);
const TOTALEN = columnLetter(WERKBLAD.firstFactorColumn + FACTORS.length);

export function stap2Contract(h: Harness): void {
  describe(`${h.name}: Stap 1 and Stap 2 of the pane, through the port`, () => {
    let wb: TestWorkbook;

    /** A new Koppelkansen workbook, as "Nieuw sjabloon" makes it. */
    async function template(): Promise<TestWorkbook> {
      const book = await h.create();
      await createKoppelkansenWorkbook(book, { factors: FACTORS, now: NOW });
      return book;
    }
    /** A fresh read as `session.applyEdit` makes it; `definitions` as its options ask (`PICK_READ`, a deselect). */
    async function fresh(options: { definitions?: boolean } = {}): Promise<FreshState> {
      const snapshot = await wb.readSnapshot(options.definitions ? { fresh: true, definitions: true } : { fresh: true });
      return { snapshot, analysis: analyze(snapshot, { now: NOW }), notes: readNotes(snapshot), canShiftColumns: wb.canShiftColumns === true };
    }
    /** What `session.applyEdit` does: the edit on a fresh read, the engine's plan on top, one apply; then reopened. */
    async function paneEdit(
      build: (f: FreshState) => EditResult,
      options: { definitions?: boolean } = {},
    ): Promise<{ res: EditResult; applied: ApplyResult | null }> {
      const f = await fresh(options);
      const res = build(f);
      if (!res.ok || !res.ops.length) return { res, applied: null };
      const applied = await wb.apply(planWithEdit(f.snapshot, res.ops, { now: NOW }).plan);
      return { res, applied };
    }
    async function ctx(): Promise<Stap2Context> {
      const f = await fresh();
      const c = stap2Context(f.snapshot, f.analysis, f.notes);
      if ('message' in c) throw new Error(c.message);
      return c;
    }
    async function mustEdit(build: (f: FreshState) => EditResult, options: { definitions?: boolean } = {}): Promise<void> {
      const { res, applied } = await paneEdit(build, options);
      if (!res.ok) throw new Error(res.message);
      expect(applied?.conflicts ?? []).toEqual([]);
      expect(applied?.missingKeys ?? []).toEqual([]);
    }
    /** The team types into the workbook without the add-in. */
    async function typed(ops: PlanOp[]): Promise<void> {
      await wb.apply({ ops });
    }
    /** The workbook as the next reader sees it (xlsx: bytes and back; Office.js: another pane). Not after every edit: each costs a file round trip. */
    async function reopen(): Promise<void> {
      wb = await h.reopen(wb);
    }
    const row = (r: number, cells: CellValue[]): PlanOp => ({
      kind: 'setCells',
      sheet: WS,
      cell: `A${r}`,
      cells: [cells.map((v) => (typeof v === 'number' ? { number: v } : v === null ? { clear: true } : { text: String(v) }))],
    });
    const line = (r: number, to = FACTORS.length) => Array.from({ length: 2 + to }, (_, i) => wb.getCell(WS, `${columnLetter(i + 1)}${r}`));
    const lastLonglistRow = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === LL)!.values.length;

    beforeEach(async () => {
      wb = await template();
    });

    test('Stap 1: the wijk named and renamed in the pane is kept in the werkblad title and shown on Resultaat', async () => {
      await mustEdit((f) => wijkEdit(f.snapshot, 'Lelystad-Oost', ''));
      expect(wb.getCell(WS, 'A1')).toBe('Werkblad koppelkansen kiezen – Lelystad-Oost');
      expect(wb.getCell(SHEET_NAMES.resultaat, 'A1')).toBe('Resultaat: automatische top 15 – Lelystad-Oost');
      await mustEdit((f) => wijkEdit(f.snapshot, ' Zuiderzeewijk ', 'Lelystad-Oost'));
      await reopen();
      expect(wb.getCell(WS, 'A1')).toBe('Werkblad koppelkansen kiezen – Zuiderzeewijk');
      expect(wb.getCell(SHEET_NAMES.resultaat, 'A1')).toBe('Resultaat: automatische top 15 – Zuiderzeewijk');
      expect(wijkName((await fresh()).snapshot)).toBe('Zuiderzeewijk');
    });

    test('selecting an opgave and its koppelkansen fills the first free prepared rows; the rows the team typed stay where they are', async () => {
      // the team's own rows at D1, D2 and D4; D3 is the first free prepared row
      await typed([row(D1, ['Klimaatadaptatie', 'Eigen rij', 3, 2, 1]), row(D2, ['Mobiliteit', null, 1]), row(D4, [null, 'Losse koppelkans'])]);
      const [k1, k2] = (await fresh()).analysis.longlist.entries.filter((e) => e.opgave === OPGAVE).map((e) => e.koppelkans);
      await mustEdit(selectOpgave(OPGAVE));
      expect(line(D3)).toEqual([OPGAVE, null, null, null, null]);
      await mustEdit(selectKoppelkans(OPGAVE, k1));
      expect(line(D3)).toEqual([OPGAVE, k1, null, null, null]);
      await mustEdit(selectKoppelkans(OPGAVE, k2));
      const next = D4 + 1;
      await reopen();
      expect(line(next)).toEqual([OPGAVE, k2, null, null, null]);
      expect(line(D1)).toEqual(['Klimaatadaptatie', 'Eigen rij', 3, 2, 1]);
      expect(line(D2)).toEqual(['Mobiliteit', null, 1, null, null]);
      expect(line(D4)).toEqual([null, 'Losse koppelkans', null, null, null]);
      // the new rows are scored like the prepared ones: Totalen formula and the score rule in place
      for (const r of [D3, next]) {
        expect(wb.getFormula(WS, `${TOTALEN}${r}`)).toMatch(/^=/);
        expect(wb.getValidation(WS, `${factorCol(0)}${r}`)?.type).toBe('wholeNumber');
      }
      const model = readStap2((await fresh()).snapshot, (await fresh()).analysis)!;
      expect(
        model.opgaven
          .find((o) => o.opgave === OPGAVE)!
          .koppelkansen.filter((k) => k.rows.length)
          .map((k) => [k.koppelkans, k.rows]),
      ).toEqual([
        [k1, [D3]],
        [k2, [next]],
      ]);
    });

    test('regression: selecting a koppelkans reused a cleared row that still held an Excel comment, so the comment sat beside the new koppelkans; a row with a comment is now skipped', async () => {
      const entries = (await fresh()).analysis.longlist.entries;
      const [k1, k2, k3] = entries.filter((e) => e.opgave === OPGAVE).map((e) => e.koppelkans);
      const other = entries.find((e) => e.opgave !== OPGAVE)!.opgave;
      const [o1, o2] = entries.filter((e) => e.opgave === other).map((e) => e.koppelkans);
      await mustEdit(selectKoppelkans(OPGAVE, k1), PICK_READ);
      await mustEdit(selectKoppelkans(OPGAVE, k2), PICK_READ);
      await mustEdit(selectKoppelkans(other, o1), PICK_READ);
      // the team's comments in Excel: on a score of k1's row, and on o1's koppelkans cell
      const c1 = { sheet: WS, cell: `${factorCol(1)}${D1}`, text: 'Navragen bij de GGD' };
      const c3 = { sheet: WS, cell: `B${D3}`, text: 'Alleen als de school meedoet' };
      wb = await h.withTeamDefinitions(wb, { names: [], conditionalFormats: [], comments: [c1, c3] });
      expect((await wb.readSnapshot({ definitions: true })).definitions?.unread ?? []).not.toContain('comments');
      // both deselected as the pane does it, the comments agreed to stay: k1's row is emptied, o1's keeps its opgave
      await mustEdit(deselectKoppelkans(OPGAVE, k1, { scores: 0, notes: 0, comments: [{ ...c1, effect: 'stays' }] }), { definitions: true });
      await mustEdit(deselectKoppelkans(other, o1, { scores: 0, notes: 0, comments: [{ ...c3, effect: 'stays' }] }), { definitions: true });
      expect(line(D1)).toEqual([null, null, null, null, null]);
      expect(line(D3)).toEqual([other, null, null, null, null]);
      const before = await fresh(PICK_READ);
      expect(readStap2(before.snapshot, before.analysis)!.freeRow).toBe(D4);

      await mustEdit(selectKoppelkans(OPGAVE, k3), PICK_READ);
      await mustEdit(selectKoppelkans(other, o2), PICK_READ);
      await reopen();
      // not on the commented rows: the next free rows below them
      expect(line(D1)).toEqual([null, null, null, null, null]);
      expect(line(D3)).toEqual([other, null, null, null, null]);
      expect(line(D4)).toEqual([OPGAVE, k3, null, null, null]);
      expect(line(D4 + 1)).toEqual([other, o2, null, null, null]);
      const comments = (await wb.readSnapshot({ definitions: true })).definitions!.comments!;
      expect([...comments].sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([c3, c1].sort((a, b) => a.cell.localeCompare(b.cell)));
    });

    test('an own opgave is appended to the longlist below its used range, as text, and the dropdown lists cover its row', async () => {
      const before = (await fresh()).snapshot;
      const last = lastLonglistRow(before);
      // something of the team's far down on the longlist sheet, past what the dropdown formulas cover: the new row goes below it
      const noteRow = last + LONGLIST.spareCapacity + 100;
      await typed([{ kind: 'setCells', sheet: LL, cell: `E${noteRow}`, cells: [[{ text: 'notitie van het team' }]] }]);
      const first = (await fresh()).analysis.longlist.layout!.headerRow + 1;
      const lijstCell = `${columnLetter(LIJST_COLUMNS.opgave)}${noteRow + 1 - first + 2}`; // Keuzelijsten row r ↔ position r − 1 of the rows from `first` on
      expect(wb.getFormula(SHEET_NAMES.lijsten, lijstCell)).toBeNull();
      const name = '=Buurt*kracht? ';
      await mustEdit(addOwnOpgave(name, 'Wat de buurt zelf doet'));
      const at = noteRow + 1;
      await reopen();
      expect(wb.getCell(LL, `A${at}`)).toBe(name.trim());
      expect(wb.getFormula(LL, `A${at}`)).toBeNull();
      expect(wb.getCell(LL, `E${noteRow}`)).toBe('notitie van het team');
      expect(wb.getCell(LL, `A${last}`)).toBe(before.sheets.find((x) => x.name === LL)!.values[last - 1][0]);
      // selected on the werkblad, as text
      expect(wb.getCell(WS, `A${D1}`)).toBe(name.trim());
      expect(wb.getFormula(WS, `A${D1}`)).toBeNull();
      // the Keuzelijsten formulas now reach the new longlist row (they read the covered rows by position), so the cell dropdowns offer it
      const reach = /!\$A\$\d+:\$A\$(\d+),/.exec(wb.getFormula(SHEET_NAMES.lijsten, lijstCell) ?? '');
      expect(Number(reach?.[1])).toBeGreaterThanOrEqual(at);
      expect(wb.getValidation(WS, `A${D1}`)?.type).toBe('list');
      const after = await fresh();
      expect(after.analysis.longlist.opgaven).toContain(name.trim());
      expect(readStap2(after.snapshot, after.analysis)!.opgaven.find((o) => o.opgave === name.trim())).toMatchObject({ own: true, rows: [D1] });
    });

    test('deselecting a koppelkans without scores or notes empties its row, nothing moves; with scores or a note it is refused until the loss is agreed', async () => {
      const [k1, k2] = (await fresh()).analysis.longlist.entries.filter((e) => e.opgave === OPGAVE).map((e) => e.koppelkans);
      await mustEdit(selectKoppelkans(OPGAVE, k1));
      await mustEdit(selectKoppelkans(OPGAVE, k2));
      await typed([row(D2, [OPGAVE, k2, 4, -2])]);
      const note = addNote(
        {
          author: 'Anna',
          step: 'Stap 2',
          koppelkans: k2,
          factor: '',
          kind: 'discussie',
          text: 'Eerst met de netbeheerder praten.',
          verantwoordelijke: '',
          date: '',
        },
        NOW,
        () => '00000000-0000-4000-8000-000000000001',
      );
      if (!note.ok) throw new Error(note.message);
      await typed(note.ops);

      await mustEdit(deselectKoppelkans(OPGAVE, k1, { scores: 0, notes: 0 }));
      expect(line(D1)).toEqual([null, null, null, null, null]);
      expect(wb.getFormula(WS, `${TOTALEN}${D1}`)).toMatch(/^=/);
      expect(line(D2)).toEqual([OPGAVE, k2, 4, -2, null]);

      const refused = await paneEdit(deselectKoppelkans(OPGAVE, k2, { scores: 0, notes: 0 }));
      expect(refused.res.ok).toBe(false);
      expect(!refused.res.ok && refused.res.message).toMatch(/2 scores en 1 notitie/);
      expect(line(D2)).toEqual([OPGAVE, k2, 4, -2, null]);

      await mustEdit(deselectKoppelkans(OPGAVE, k2, { scores: 2, notes: 1 }));
      // the opgave's last row: the opgave stays selected, koppelkans and scores go; the note stays on Notulen
      await reopen();
      expect(line(D2)).toEqual([OPGAVE, null, null, null, null]);
      expect((await fresh()).notes.notes.map((n) => n.koppelkans)).toEqual([k2]);
    });

    test('"minder concreet" with a verantwoordelijke is kept in two labelled longlist columns and read back; unmarking clears both', async () => {
      const entry = (await fresh()).analysis.longlist.entries.find((e) => e.opgave === OPGAVE)!;
      const width = Math.max(...(await fresh()).snapshot.sheets.find((x) => x.name === LL)!.values.map((v) => v.length));
      const header = (await fresh()).analysis.longlist.layout!.headerRow;
      await mustEdit(
        setMinderConcreet(OPGAVE, entry.koppelkans, { marked: true, verantwoordelijke: ' Fatima de Vries ' }, { marked: false, verantwoordelijke: '' }),
      );
      const [mark, who] = [columnLetter(width + 1), columnLetter(width + 2)];
      await reopen();
      expect([wb.getCell(LL, `${mark}${header}`), wb.getCell(LL, `${who}${header}`)]).toEqual([LONGLIST.minderConcreetLabel, LONGLIST.verantwoordelijkeLabel]);
      expect([wb.getCell(LL, `${mark}${entry.row}`), wb.getCell(LL, `${who}${entry.row}`)]).toEqual([LONGLIST.minderConcreetMark, 'Fatima de Vries']);
      expect((await fresh()).analysis.minderConcreet).toEqual([
        { opgave: OPGAVE, koppelkans: entry.koppelkans, verantwoordelijke: 'Fatima de Vries', row: entry.row },
      ]);

      await mustEdit(
        setMinderConcreet(OPGAVE, entry.koppelkans, { marked: true, verantwoordelijke: 'Jan' }, { marked: true, verantwoordelijke: 'Fatima de Vries' }),
      );
      expect(wb.getCell(LL, `${who}${entry.row}`)).toBe('Jan');
      await mustEdit(setMinderConcreet(OPGAVE, entry.koppelkans, { marked: false, verantwoordelijke: '' }, { marked: true, verantwoordelijke: 'Jan' }));
      expect([wb.getCell(LL, `${mark}${entry.row}`), wb.getCell(LL, `${who}${entry.row}`)]).toEqual([null, null]);
      expect((await fresh()).analysis.minderConcreet).toEqual([]);
    });

    test("removing a factor in the middle and adding one through the pane's actions: scores stay with their factor, Totalen and Resultaat right; a port that shifts columns moves the team's column and references along", async () => {
      const OWN = 'Eigen blad';
      await typed([
        row(D1, [OPGAVE, 'Rij een', 3, -1, 2]),
        row(D2, [OPGAVE, 'Rij twee', 0, 5, -4]),
        { kind: 'setCells', sheet: WS, cell: `${factorCol(1)}${WERKBLAD.weightRow}`, cells: [[{ number: 3 }]] },
        // the team's own column right of Totalen (G): on Tempo's score and on the total
        { kind: 'setCells', sheet: WS, cell: 'G3', cells: [[{ text: 'Eigen' }]] },
        { kind: 'setCells', sheet: WS, cell: `G${D1}`, cells: [[{ formula: `=E${D1}*10` }, { formula: `=F${D1}` }]] },
        { kind: 'addSheet', sheet: OWN },
        { kind: 'setCells', sheet: OWN, cell: 'A1', cells: [[{ formula: `='${WS}'!E${D1}` }], [{ formula: `=SUM('${WS}'!C${D2}:E${D2})` }]] },
      ]);
      const shifts = wb.canShiftColumns === true;
      const agreed = readFactorInfo((await ctx()).sheet, (await ctx()).werkblad)[1].scores;
      expect(agreed).toBe(2);
      await mustEdit(removeFactor('Kosten', agreed));
      await reopen();
      expect(line(3, 3)).toEqual(['Opgave', 'Koppelkans', 'Draagvlak', 'Tempo', 'Totalen']);
      expect(line(D1, 2)).toEqual([OPGAVE, 'Rij een', 3, 2]);
      expect(line(D2, 2)).toEqual([OPGAVE, 'Rij twee', 0, -4]);
      let after = await fresh();
      expect(after.analysis.werkblad!.rows.map((r) => r.total)).toEqual([5, -4]);
      expect(wb.getFormula(WS, `E${D1}`)).toBe(totalFormula(after.analysis.werkblad!.layout, D1));
      // every formula (Totalen, Resultaat, Prioritering, lists) and the formula stamp as the product wants them
      expect(buildPlan(after.snapshot, { now: NOW }).plan.ops.filter((o) => o.kind === 'setCells')).toEqual([]);
      expect(after.analysis.top.map((e) => [e.koppelkans, e.total])).toEqual([
        ['Rij een', 5],
        ['Rij twee', -4],
      ]);
      if (shifts) {
        expect([wb.getCell(WS, 'F3'), wb.getFormula(WS, `F${D1}`), wb.getFormula(WS, `G${D1}`)]).toEqual(['Eigen', `=D${D1}*10`, `=E${D1}`]);
        expect([wb.getFormula(OWN, 'A1'), wb.getFormula(OWN, 'A2')]).toEqual([`='${WS}'!D${D1}`, `=SUM('${WS}'!C${D2}:D${D2})`]);
      } else {
        // the fallback rewrite leaves the team's cells as they were (their references do not follow)
        expect([wb.getCell(WS, 'G3'), wb.getFormula(WS, `G${D1}`), wb.getFormula(WS, `H${D1}`)]).toEqual(['Eigen', `=E${D1}*10`, `=F${D1}`]);
      }

      await mustEdit(addFactor('Nieuw', 'Omdat', '2'));
      await reopen();
      expect(line(3, 4)).toEqual(['Opgave', 'Koppelkans', 'Draagvlak', 'Tempo', 'Nieuw', 'Totalen']);
      expect([wb.getCell(WS, `E${WERKBLAD.weightRow}`), wb.getCell(WS, `E${WERKBLAD.waaromRow}`)]).toEqual([2, 'Omdat']);
      expect(line(D1, 3)).toEqual([OPGAVE, 'Rij een', 3, 2, null]);
      expect(wb.getValidation(WS, `E${D1}`)?.type).toBe('wholeNumber');
      after = await fresh();
      expect(after.analysis.werkblad!.rows.map((r) => r.total)).toEqual([5, -4]);
      expect(wb.getFormula(WS, `F${D1}`)).toBe(totalFormula(after.analysis.werkblad!.layout, D1));
      if (shifts) {
        expect([wb.getCell(WS, 'G3'), wb.getFormula(WS, `G${D1}`), wb.getFormula(WS, `H${D1}`)]).toEqual(['Eigen', `=D${D1}*10`, `=F${D1}`]);
        expect(wb.getFormula(OWN, 'A1')).toBe(`='${WS}'!D${D1}`);
      }
      expect(buildPlan(after.snapshot, { now: NOW }).plan.ops.filter((o) => o.kind === 'setCells')).toEqual([]);
      expect(after.analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    test("a factor's weight, waarom and name edited in the pane: a rename keeps every score and the notes follow it; removing a scored factor waits for agreement", async () => {
      await typed([row(D1, [OPGAVE, 'Rij een', 3, -1, 2]), row(D2, [OPGAVE, 'Rij twee', 0, 5, -4])]);
      const note = addNote(
        {
          author: 'Anna',
          step: 'Stap 3',
          koppelkans: 'Rij een',
          factor: 'Kosten',
          kind: 'redenering',
          text: 'Duur, maar het kan.',
          verantwoordelijke: '',
          date: '',
        },
        NOW,
        () => '00000000-0000-4000-8000-000000000002',
      );
      if (!note.ok) throw new Error(note.message);
      await typed(note.ops);

      const kosten = factorFields(readFactorInfo((await ctx()).sheet, (await ctx()).werkblad)[1]);
      expect(kosten.name).toBe('Kosten');
      await mustEdit(saveFactor('Kosten', { weging: '2,5', waarom: 'Het budget is krap.' }, { weging: kosten.weging, waarom: kosten.waarom }));
      expect(wb.getCell(WS, `${factorCol(1)}${WERKBLAD.weightRow}`)).toBe(2.5);
      expect(wb.getCell(WS, `${factorCol(1)}${WERKBLAD.waaromRow}`)).toBe('Het budget is krap.');

      await mustEdit(saveFactor('Kosten', { name: 'Kosten over de levensduur' }, { name: 'Kosten' }));
      await reopen();
      expect(wb.getCell(WS, `${factorCol(1)}${WERKBLAD.factorRow}`)).toBe('Kosten over de levensduur');
      expect(line(D1)).toEqual([OPGAVE, 'Rij een', 3, -1, 2]);
      expect(line(D2)).toEqual([OPGAVE, 'Rij twee', 0, 5, -4]);
      expect(wb.getCell(WS, `${factorCol(1)}${WERKBLAD.weightRow}`)).toBe(2.5);
      const after = await fresh();
      expect(after.analysis.werkblad!.factors.map((f) => f.name)).toEqual(['Draagvlak', 'Kosten over de levensduur', 'Tempo']);
      expect(after.notes.notes.map((n) => n.factor)).toEqual(['Kosten over de levensduur']);

      const refused = await paneEdit(removeFactor('Tempo', 0));
      expect(refused.res.ok).toBe(false);
      expect(!refused.res.ok && refused.res.message).toMatch(/2 scores/);
      expect(wb.getCell(WS, `${factorCol(2)}${WERKBLAD.factorRow}`)).toBe('Tempo');
      expect(line(D1)).toEqual([OPGAVE, 'Rij een', 3, -1, 2]);
    });
  });
}

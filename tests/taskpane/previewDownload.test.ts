/**
 * Issue 8 through the preview's "Download .xlsx" (workbookBytes: the opened file with
 * every plan replayed by the .xlsx adapter): a team workbook with a reason merged over
 * product cells (Prioritering C:F), a werkblad protected with only A6:D105 unlocked, and a
 * reason holding U+FFFE (which Excel stores as _xFFFE_). The downloaded package must be
 * valid (the CLI's package check), keep the team's text, merge and protection, and read
 * back as a Koppelkansen workbook.
 */
import ExcelJS from 'exceljs';
import { act } from 'react-test-renderer';
import { columnLetter } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { DEFAULT_SUCCESFACTOREN } from '../../src/core/defaults';
import { addNote, editNote, readNotes } from '../../src/core/notes';
import { CHECKLIST, NOTULEN, PRIORITERING, RESULTAAT, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { EM_PER_CHARACTER, wrapLines, wrappedRowHeight } from '../../src/core/textMetrics';
import { checklistStatusEdit } from '../../src/core/edits';
import { openWorkbook, startWorkbook, workbookBytes } from '../../src/taskpane/preview/workbooks';
import { addFactor, removeFactor, selectKoppelkans } from '../../src/taskpane/stappen/stap2Actions';
import { createKoppelkansenWorkbook, planWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { verifyPackage } from '../../src/workbook/xlsx/package/verify';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { preparedSample } from '../helpers/preparedSample';
import { renderPanes } from '../helpers/paneHarness';

const NOW = new Date('2026-11-28T12:00:00Z');
const P = SHEET_NAMES.prioritering;
const W = SHEET_NAMES.werkblad;
const REASON = 'Omdat de corporatie \uFFFE in 2027 renoveert';

async function teamFile(): Promise<{ bytes: Uint8Array; row: number }> {
  const { made: shared, analysis } = await preparedSample(NOW);
  const kk = analysis.ranking[2].koppelkans;
  const row = PRIORITERING.firstRow;
  // what the team does in Excel: a koppelkans at rank 1 on Prioritering, the reason merged over C:F, the werkblad
  // protected with A6:D105 open
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await shared.toBuffer()) as unknown as ExcelJS.Buffer);
  const prio = x.getWorksheet(P)!;
  prio.getCell(`A${row}`).value = 1;
  prio.getCell(`B${row}`).value = kk;
  for (const c of ['D', 'E', 'F']) prio.getCell(`${c}${row}`).value = null;
  prio.mergeCells(`C${row}:F${row}`);
  const w = x.getWorksheet(W)!;
  for (let r = 6; r <= 105; r++) for (const c of ['A', 'B', 'C', 'D']) w.getCell(`${c}${r}`).protection = { locked: false };
  await w.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  // the reason typed into the merged cell, saved as Excel saves it (_xFFFE_); ExcelJS would write it raw
  const team = await XlsxWorkbook.fromBuffer(new Uint8Array(await x.xlsx.writeBuffer()));
  await team.apply({ ops: [{ kind: 'setCells', sheet: P, cell: `C${row}`, cells: [[{ text: REASON }]] }] });
  return { bytes: await team.toBuffer(), row };
}

test('regression: the preview download of a workbook with a merged reason, a protected werkblad and U+FFFE is a valid package that keeps the team content', async () => {
  const { bytes, row } = await teamFile();
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  // the preview plans what the .xlsx adapter plans on the file: nothing on the protected werkblad (regression: the
  // preview's copy held no validations, planned the werkblad's again, and the protection refused the whole prepare)
  const filePlan = (await planWorkbook(await XlsxWorkbook.fromBuffer(bytes), { now: NOW })).plan.ops;
  const prepared = await prepareWorkbook(wb.port, { now: NOW });
  expect(prepared.plan.ops).toEqual(filePlan);
  expect(prepared.plan.ops.filter((op) => op.sheet === W)).toEqual([]);
  // a change the protection allows: a note on the Notulen sheet, replayed by the download
  const note = addNote(
    { author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', text: 'Eerst \uFFFE de buurt', verantwoordelijke: '', date: '' },
    NOW,
  );
  if (!note.ok) throw new Error(note.message);
  await wb.port.apply({ ops: note.ops });
  expect(wb.port.plans().length).toBeGreaterThan(0);

  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const back = await XlsxWorkbook.fromBuffer(out);
  const snap = await back.readSnapshot();
  const a = analyze(snap, { now: NOW });
  expect(a.kind).toBe('koppelkansen');
  const prio = snap.sheets.find((s) => s.name === P)!;
  expect(prio.values[row - 1][2]).toBe(REASON);
  expect(prio.merges).toContain(`C${row}:F${row}`);
  for (const c of [3, 4, 5]) expect(prio.formulas?.[row - 1]?.[c] ?? null).toBeNull();
  expect(readNotes(snap).notes.map((n) => n.text)).toContain('Eerst \uFFFE de buurt');
  const werkblad = snap.sheets.find((s) => s.name === W)!;
  expect(werkblad.protection?.protected).toBe(true);
  expect(werkblad.protection?.unlocked.join(',')).toMatch(/A6:D/);
  // the file holds the character as Excel does (_xFFFE_), never raw
  const xml = await (await import('jszip')).default.loadAsync(out).then(async (z) =>
    Promise.all(
      Object.keys(z.files)
        .filter((f) => f.endsWith('.xml'))
        .map((f) => z.file(f)!.async('string')),
    ),
  );
  expect(xml.some((s) => s.includes('\uFFFE'))).toBe(false);
  expect(xml.some((s) => s.includes('_xFFFE_'))).toBe(true);
});

/** The prepared team file as bytes, after `edit` (ExcelJS, what the team does in Excel). */
async function preparedFile(edit: (x: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const { made } = await preparedSample(NOW);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await made.toBuffer()) as unknown as ExcelJS.Buffer);
  edit(x);
  return new Uint8Array(await x.xlsx.writeBuffer());
}

test('regression: the preview download of a status written next to a merged WUP checklist row keeps the merge and the team text', async () => {
  const C = SHEET_NAMES.checklist;
  const item = CHECKLIST.firstRow;
  const progressRow = CHECKLIST.headerRow + 2;
  const bytes = await preparedFile((x) => {
    const ws = x.getWorksheet(C)!;
    // the team gives the Toelichting room over Verantwoordelijke on the first item, and merges a progress row
    ws.getCell(`E${item}`).value = null;
    ws.getCell(`D${item}`).value = 'Samen met de corporatie, zie Notulen';
    ws.mergeCells(`D${item}:E${item}`);
    for (const c of ['I', 'J', 'K', 'L']) ws.getCell(`${c}${progressRow}`).value = null;
    ws.getCell(`H${progressRow}`).value = 'Besproken in de stuurgroep';
    ws.mergeCells(`H${progressRow}:L${progressRow}`);
  });
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  const state = analyze(await wb.port.readSnapshot(), { now: NOW }).checklist!;
  // the product's writes: the status of the item beside the merge, then the progress table again
  const edit = checklistStatusEdit(state, item, 'Klaar');
  if (!edit.ok) throw new Error(edit.message);
  await wb.port.apply({ ops: edit.ops });
  const prepared = await prepareWorkbook(wb.port, { now: NOW });
  expect(prepared.problems.filter((p) => p.code === 'CELL_OCCUPIED' && p.sheet === C).map((p) => p.cell)).toContain(`H${progressRow}`);

  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const back = await XlsxWorkbook.fromBuffer(out);
  const sheet = (await back.readSnapshot()).sheets.find((s) => s.name === C)!;
  expect(sheet.values[item - 1][2]).toBe('Klaar');
  expect(sheet.values[item - 1][3]).toBe('Samen met de corporatie, zie Notulen');
  expect(sheet.values[progressRow - 1][7]).toBe('Besproken in de stuurgroep');
  expect(sheet.formulas?.[item - 1]?.[4] ?? null).toBeNull();
  for (const c of [8, 9, 10, 11]) expect(sheet.formulas?.[progressRow - 1]?.[c] ?? null).toBeNull();
  expect(sheet.merges).toEqual(expect.arrayContaining([`D${item}:E${item}`, `H${progressRow}:L${progressRow}`]));
  // a second download of the same session is the same workbook: apply twice = apply once
  const again = await prepareWorkbook(wb.port, { now: NOW });
  expect(again.plan.ops).toEqual([]);
});

test("regression: the preview download keeps the team's notes beside the top 15 on Resultaat (H4:H6) and below it, also when the table shrinks", async () => {
  const R = SHEET_NAMES.resultaat;
  let below = 0;
  const bytes = await preparedFile((x) => {
    const ws = x.getWorksheet(R)!;
    ws.getCell(`H${RESULTAAT.headerRow}`).value = 'Notitie';
    ws.getCell(`H${RESULTAAT.headerRow + 1}`).value = 'Wethouder wil de top 3';
    ws.getCell(`H${RESULTAAT.headerRow + 2}`).value = 'Zie ook Notulen';
    below = ws.actualRowCount + 2;
    ws.getCell(`A${below}`).value = 'Besproken met de wijkraad op 12 november';
  });
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  const rowsBefore = (await wb.port.readSnapshot()).sheets.find((s) => s.name === R)!.values.length;
  // a row gets scored in the pane: the "not in the ranking" list below the top 15 gets shorter
  const a = analyze(await wb.port.readSnapshot(), { now: NOW }).werkblad!;
  const unscored = a.rows.find((x) => x.status === 'unscored')!;
  await wb.port.apply({ ops: [{ kind: 'setCells', sheet: W, cell: `C${unscored.row}`, cells: [a.factors.map(() => ({ number: 3 }))] }] });
  await prepareWorkbook(wb.port, { now: NOW });

  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const sheet = (await (await XlsxWorkbook.fromBuffer(out)).readSnapshot()).sheets.find((s) => s.name === R)!;
  const h = (r: number) => sheet.values[r - 1]?.[7] ?? null;
  expect([0, 1, 2].map((i) => h(RESULTAAT.headerRow + i))).toEqual(['Notitie', 'Wethouder wil de top 3', 'Zie ook Notulen']);
  expect(sheet.values[below - 1][0]).toBe('Besproken met de wijkraad op 12 november');
  expect(rowsBefore).toBeGreaterThanOrEqual(below);
  // the download equals the preview: every cell the pane shows is what the file holds
  const shown = (await wb.port.readSnapshot()).sheets.find((s) => s.name === R)!;
  for (let r = 0; r < Math.max(shown.values.length, sheet.values.length); r++)
    for (let c = 0; c < 12; c++) expect([r + 1, c + 1, sheet.values[r]?.[c] ?? null]).toEqual([r + 1, c + 1, shown.values[r]?.[c] ?? null]);
});

test('regression: a long note the pane adds gets a row height that shows its text in the download; the team rows of Notulen keep theirs', async () => {
  const N = SHEET_NAMES.notulen;
  let teamRow = 0;
  const bytes = await preparedFile((x) => {
    const ws = x.getWorksheet(N)!;
    teamRow = NOTULEN.firstRow;
    ws.getCell(`A${teamRow}`).value = 'eigen';
    ws.getCell(`H${teamRow}`).value = 'Door de notulist in Excel getypt';
    ws.getRow(teamRow).height = 33;
  });
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  const long = 'De corporatie renoveert in 2027 de flats aan de noordkant; '.repeat(4).trim();
  const notes = [long, 'Kort'].map((text) =>
    addNote({ author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', text, verantwoordelijke: '', date: '' }, NOW),
  );
  for (const note of notes) {
    if (!note.ok) throw new Error(note.message);
    await wb.port.apply({ ops: note.ops });
  }
  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(out as unknown as ExcelJS.Buffer);
  const ws = x.getWorksheet(N)!;
  expect(ws.getCell(`H${teamRow + 1}`).value).toBe(long);
  // four lines of 70 characters wide: 4 × 15 pt + 2 pt, as the product's wrapped rows
  const lines = wrapLines(long, NOTULEN.columnWidths[NOTULEN.textColumn - 1] * EM_PER_CHARACTER - 1).length;
  expect(lines).toBeGreaterThan(1);
  expect(ws.getRow(teamRow + 1).height).toBe(wrappedRowHeight([long], [NOTULEN.columnWidths[NOTULEN.textColumn - 1]]));
  expect(ws.getRow(teamRow + 1).height).toBe(lines * 15 + 2);
  expect(ws.getCell(`H${teamRow + 2}`).value).toBe('Kort');
  expect(ws.getRow(teamRow + 2).height).toBeUndefined();
  expect(ws.getRow(teamRow).height).toBe(33);
  // the text wraps in the appended row, as in the product's Notulen rows (H11:H511)
  expect(ws.getCell(`H${teamRow + 1}`).alignment?.wrapText).toBe(true);
});

/** A prepared file whose werkblad has a koppelkans in row 60 (so prepare wants rows 106-110) and A6:D105 unlocked; protected or not. */
async function werkbladWithOpenRows(protect: boolean): Promise<Uint8Array> {
  const { made, analysis } = await preparedSample(NOW);
  const first = analysis.werkblad!.rows[0];
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await made.toBuffer()) as unknown as ExcelJS.Buffer);
  const w = x.getWorksheet(W)!;
  w.getCell('A60').value = first.opgave;
  w.getCell('B60').value = first.koppelkans;
  for (let r = 6; r <= 105; r++) for (const c of ['A', 'B', 'C', 'D']) w.getCell(`${c}${r}`).protection = { locked: false };
  if (protect) await w.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  return new Uint8Array(await x.xlsx.writeBuffer());
}

test('regression (preview download): prepare on a protected werkblad with only A6:D105 unlocked refuses in Dutch, naming the sheet and rows 106–110, and the download is the opened file unchanged', async () => {
  const bytes = await werkbladWithOpenRows(true);
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  const refused = prepareWorkbook(wb.port, { now: NOW });
  await expect(refused).rejects.toThrow(`Blad "${W}" is beveiligd`);
  await expect(prepareWorkbook(wb.port, { now: NOW })).rejects.toThrow(/106:[A-Z]+110/);
  await expect(prepareWorkbook(wb.port, { now: NOW })).rejects.toThrow(/Beveiliging blad opheffen/);
  // nothing was applied, so the download replays nothing: the team's bytes as opened
  expect(wb.port.plans()).toEqual([]);
  const out = await workbookBytes(wb.base, wb.port.plans());
  expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
});

test('regression (preview download): rows 106–110 that prepare adds below A6:D105 unlocked get the lock state of the rows above (A:D open, the rest locked)', async () => {
  const wb = await openWorkbook(await werkbladWithOpenRows(false), 'Wijk Oost.xlsx');
  await prepareWorkbook(wb.port, { now: NOW });
  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(out as unknown as ExcelJS.Buffer);
  const w = x.getWorksheet(W)!;
  for (const cell of ['A106', 'D110']) expect([cell, w.getCell(cell).protection?.locked]).toEqual([cell, false]);
  for (const cell of ['E106', 'A111']) expect([cell, w.getCell(cell).protection?.locked ?? true]).toEqual([cell, true]);
  // a second prepare on the downloaded file plans nothing: no cell, style, lock or validation
  // again (regression: the preview's copy held no validations, so it planned the six again)
  const again = await openWorkbook(out, 'Wijk Oost.xlsx');
  expect((await prepareWorkbook(again.port, { now: NOW })).plan.ops).toEqual([]);
});

test('regression (preview download): a note on a protected Notulen sheet whose log rows are locked is refused in Dutch naming the sheet, and nothing is replayed', async () => {
  const N = SHEET_NAMES.notulen;
  const made = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(made, { wijk: 'Lelystad Oost', now: NOW });
  await prepareWorkbook(made, { now: NOW });
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await made.toBuffer()) as unknown as ExcelJS.Buffer);
  await x.getWorksheet(N)!.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  const bytes = new Uint8Array(await x.xlsx.writeBuffer());
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  const note = addNote(
    { author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', text: 'Eerst de buurt', verantwoordelijke: '', date: '' },
    NOW,
  );
  if (!note.ok) throw new Error(note.message);
  await expect(wb.port.apply({ ops: note.ops })).rejects.toThrow(`Blad "${N}" is beveiligd`);
  expect(wb.port.plans()).toEqual([]);
  expect(readNotes(await wb.port.readSnapshot()).notes).toEqual([]);
});

test('regression: a note the pane adds at row 600, below the block the template formats (H11:H511), wraps from the top in the download; the team row above keeps its look', async () => {
  const N = SHEET_NAMES.notulen;
  const bytes = await preparedFile((x) => {
    const ws = x.getWorksheet(N)!;
    ws.getCell('A599').value = 'eigen';
    ws.getCell('H599').value = 'Door de notulist in Excel getypt, ver onder het blok';
  });
  const wb = await openWorkbook(bytes, 'Wijk Oost.xlsx');
  const long = 'De corporatie renoveert in 2027 de flats aan de noordkant; '.repeat(3).trim();
  const note = addNote({ author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', text: long, verantwoordelijke: '', date: '' }, NOW);
  if (!note.ok) throw new Error(note.message);
  expect((await wb.port.apply({ ops: note.ops })).appendedAt).toEqual([600]);
  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(out as unknown as ExcelJS.Buffer);
  const ws = x.getWorksheet(N)!;
  expect(ws.getCell('H600').value).toBe(long);
  expect(ws.getCell('H600').alignment).toEqual({ wrapText: true, vertical: 'top' });
  expect(ws.getRow(600).height).toBe(wrappedRowHeight([long], [NOTULEN.columnWidths[NOTULEN.textColumn - 1]]));
  // the team's row and the note's other cells: no format from the product
  expect(ws.getCell('H599').alignment?.wrapText).toBeUndefined();
  expect(ws.getCell('G600').alignment?.wrapText).toBeUndefined();
});

test('regression: a note edited to a longer text gets the row height it needs in the download; a note whose row height the team set keeps it', async () => {
  const N = SHEET_NAMES.notulen;
  const wb = await openWorkbook(await preparedFile(() => undefined), 'Wijk Oost.xlsx');
  const field = { author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', verantwoordelijke: '', date: '' };
  for (const text of ['Kort', 'Ook kort']) {
    const added = addNote({ ...field, text }, NOW);
    if (!added.ok) throw new Error(added.message);
    await wb.port.apply({ ops: added.ops });
  }
  // the team sized the second note's row by hand (the preview's memory copy as Excel would hold it)
  const [first, second] = readNotes(await wb.port.readSnapshot()).notes;
  await wb.port.apply({ ops: [{ kind: 'setRowHeights', sheet: N, heights: [{ row: second.row, height: 21 }] }] });
  const long = 'De corporatie renoveert in 2027 de flats aan de noordkant; '.repeat(4).trim();
  for (const note of [first, second]) {
    const edited = editNote(note, { text: long }, N);
    if (!edited.ok) throw new Error(edited.message);
    await wb.port.apply({ ops: edited.ops });
  }
  const out = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(out)).resolves.toBeUndefined();
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(out as unknown as ExcelJS.Buffer);
  const ws = x.getWorksheet(N)!;
  expect(ws.getCell(`H${first.row}`).value).toBe(long);
  expect(ws.getRow(first.row).height).toBe(wrappedRowHeight([long], [NOTULEN.columnWidths[NOTULEN.textColumn - 1]]));
  expect(ws.getRow(first.row).height).toBeGreaterThan(15);
  expect(ws.getCell(`H${second.row}`).value).toBe(long);
  expect(ws.getRow(second.row).height).toBe(21);
});

const OWN = 'Eigen blad';
const NAMES = DEFAULT_SUCCESFACTOREN.map((f) => f.naam);
const ROW6 = [1, 2, 3, 4, 5, 6, 7, 8];
const ROW7 = [8, 7, 6, 5, 4, 3, 2, 1];

/** Formulas of a sheet and the values of its cells without a formula, by A1 address. */
function cellsOf(snapshot: WorkbookSnapshot, sheet: string): Map<string, unknown> {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const out = new Map<string, unknown>();
  const rows = Math.max(s.values.length, s.formulas?.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(s.values[r]?.length ?? 0, s.formulas?.[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const f = s.formulas?.[r]?.[c];
      const v = s.values[r]?.[c] ?? null;
      if (f) out.set(`${columnLetter(c + 1)}${r + 1}`, f);
      else if (v !== null && v !== '') out.set(`${columnLetter(c + 1)}${r + 1}`, v);
    }
  }
  return out;
}

/**
 * Issue 11: the preview's RecordingPort passes on its memory workbook's `canShiftColumns`,
 * so removing and adding a succesfactor in the preview takes the column path (whole
 * columns deleted/inserted, src/core/factors.ts) as in Excel, not the rewrite fallback;
 * and "Download .xlsx" (workbookBytes: the plans replayed by the .xlsx adapter) gives the
 * same workbook. Regression: the RecordingPort did not forward the capability, so the
 * preview planned the rewrite, under which a team's formula on the werkblad's columns kept
 * pointing at the old letters.
 */
test('regression: the preview removes and adds a succesfactor by whole columns, and the download holds the same workbook', async () => {
  const wb = await startWorkbook('sjabloon', NOW);
  expect(wb.port.canShiftColumns).toBe(true);
  const [pane] = await renderPanes(
    wb.port,
    1,
    () => null,
    () => NOW,
  );
  const session = pane.session;
  const edit = async (build: Parameters<ReturnType<typeof session>['applyEdit']>[0]) => {
    let outcome: unknown;
    await act(async () => {
      outcome = await session().applyEdit(build, 'Stap 2');
    });
    return outcome;
  };
  expect(await edit(selectKoppelkans('Gezondheid', 'Meer groen'))).toEqual({ ok: true });
  expect(await edit(selectKoppelkans('Onderwijs', 'Gezonde school'))).toEqual({ ok: true });
  // scores typed in the grid (Excel), and a sheet of the team's own with formulas on the werkblad
  await wb.port.apply({
    ops: [
      { kind: 'setCells', sheet: W, cell: 'C6', cells: [ROW6.map((n) => ({ number: n })), ROW7.map((n) => ({ number: n }))] },
      { kind: 'addSheet', sheet: OWN },
      { kind: 'setCells', sheet: OWN, cell: 'A1', cells: [[{ formula: `='${W}'!G6` }], [{ formula: `='${W}'!K7` }]] },
    ],
  });
  await pane.hear();

  const before = wb.port.plans().length;
  expect(await edit(removeFactor(NAMES[2], 2))).toEqual({ ok: true });
  expect(await edit(addFactor('Buurtbudget', 'Er is geld voor', '2'))).toEqual({ ok: true });
  pane.unmount();
  const ops: PlanOp[] = wb.port
    .plans()
    .slice(before)
    .flatMap((p) => p.ops);
  // the column path: E deleted, then a column inserted before Totalen (now J); no rewrite of the factor block
  expect(ops.filter((op) => op.kind === 'deleteColumns' || op.kind === 'insertColumns')).toEqual([
    { kind: 'deleteColumns', sheet: W, column: 'E', count: 1, expect: expect.any(Array) },
    { kind: 'insertColumns', sheet: W, column: 'J', count: 1, expect: [[null], [null], ['Totalen']] },
  ]);

  const memory = await wb.port.readSnapshot();
  const names = [...NAMES.slice(0, 2), ...NAMES.slice(3), 'Buurtbudget'];
  const row = (r: number) => memory.sheets.find((s) => s.name === W)!.values[r - 1].slice(2, 2 + names.length);
  expect(row(WERKBLAD.factorRow)).toEqual(names);
  expect(row(6)).toEqual([1, 2, 4, 5, 6, 7, 8, null]);
  expect(row(7)).toEqual([8, 7, 5, 4, 3, 2, 1, null]);
  // the team's references followed their cells (the rewrite would have left them on G6 and K7)
  expect(cellsOf(memory, OWN)).toEqual(
    new Map([
      ['A1', `='${W}'!F6`],
      ['A2', `='${W}'!K7`],
    ]),
  );
  const a = analyze(memory, { now: NOW });
  expect(a.werkblad!.factors.map((f) => f.name)).toEqual(names);
  expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);

  // the download: the same plans replayed by the .xlsx adapter give the same cells on every sheet
  const bytes = await workbookBytes(wb.base, wb.port.plans());
  await expect(verifyPackage(bytes)).resolves.toBeUndefined();
  const file = await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot();
  for (const s of memory.sheets) expect([s.name, cellsOf(file, s.name)]).toEqual([s.name, cellsOf(memory, s.name)]);
  expect(analyze(file, { now: NOW }).problems.filter((p) => p.severity === 'error')).toEqual([]);
});

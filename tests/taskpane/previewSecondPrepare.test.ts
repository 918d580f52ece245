/**
 * Issue 8, "apply twice = apply once", in the browser preview. The preview's workbook is a
 * memory copy of the opened (or restored, or downloaded and opened again) .xlsx
 * (src/taskpane/preview/workbooks.ts `memoryFrom`), and what the copy does not hold the
 * engine plans again. Before the fix the copy held no data validations, so every prepare
 * on such a workbook planned the six validations again (and the download rewrote them in
 * the team's file), and no date system, so a workbook in the 1904 date system read its
 * overstap date four years off and prepare rewrote the checklist's deadline.
 * Regression tests: the preview plans exactly what the command line plans on the same
 * file, and nothing once the file is prepared.
 */
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import { ymdToSerial } from '../../src/core/dates';
import { addNote } from '../../src/core/notes';
import { CHECKLIST, SHEET_NAMES } from '../../src/core/layout';
import { cellAddress, parseCell } from '../../src/core/a1';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { memoryFrom, openWorkbook, restoreWorkbook, startWorkbook, workbookBytes } from '../../src/taskpane/preview/workbooks';
import { createKoppelkansenWorkbook, planWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { teamWorkbook } from '../workbook/xlsx/teamWorkbook';

const NOW = new Date('2026-11-28T12:00:00Z');

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/**
 * Builds a suite input once (the same deterministic bytes every test built again for itself)
 * and gives each caller its own copy, so no test sees what another did to its bytes.
 */
function once(build: () => Promise<Uint8Array>): () => Promise<Uint8Array> {
  let built: Promise<Uint8Array> | undefined;
  return async () => (await (built ??= build())).slice();
}

/** A workbook prepared through the .xlsx adapter (what `koppelkansen apply` writes), as bytes. */
async function cliPrepared(base: Uint8Array): Promise<Uint8Array> {
  const file = await XlsxWorkbook.fromBuffer(base);
  await prepareWorkbook(file, { now: NOW });
  return file.toBuffer();
}

/** The team workbook (teamWorkbook.ts), and the same prepared by the command line. */
const team = once(teamWorkbook);
const teamPrepared = once(async () => cliPrepared(await team()));

/** A new workbook with the sample data (6 koppelkansen, 4 scored), not yet prepared. */
const withSampleData = once(async () => {
  const made = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(made, { wijk: 'Lelystad Oost', now: NOW });
  await made.apply({ ops: sampleDataOps(analyze(await made.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
  return made.toBuffer();
});

test.each(['sjabloon', 'voorbeeld'] as const)(
  'regression previewSecondPrepareWritesNothing: prepared in the preview (%s), downloaded and opened again, a second prepare plans nothing and the next download is the same file',
  async (kind) => {
    const wb = await startWorkbook(kind, NOW);
    await prepareWorkbook(wb.port, { now: NOW });
    // in the same session
    expect((await planWorkbook(wb.port, { now: NOW })).plan.ops).toEqual([]);
    // "Download .xlsx", then "Open .xlsx…" with the downloaded file
    const out = await workbookBytes(wb.base, wb.port.plans());
    const reopened = await openWorkbook(out, 'Koppelkansen Kiezen.xlsx');
    const again = await prepareWorkbook(reopened.port, { now: NOW });
    expect(again.plan.ops).toEqual([]);
    expect(again.applied).toBeNull();
    expect(reopened.port.plans()).toEqual([]);
    expect(same(await workbookBytes(reopened.base, reopened.port.plans()), out)).toBe(true);
    // the command line agrees: the downloaded file is prepared
    expect((await planWorkbook(await XlsxWorkbook.fromBuffer(out), { now: NOW })).plan.ops).toEqual([]);
  },
  120000,
);

test('regression: the preview plans what the command line plans on a team workbook (its own validations partly over the product’s), and after one prepare and a download both plan nothing', async () => {
  const base = await team();
  const cli = await planWorkbook(await XlsxWorkbook.fromBuffer(base), { now: NOW });
  const opened = await openWorkbook(base, 'team.xlsx');
  const preview = await planWorkbook(opened.port, { now: NOW });
  expect(preview.snapshot.validations).toEqual(cli.snapshot.validations);
  expect(preview.plan.ops).toEqual(cli.plan.ops);
  expect(preview.plan.ops.some((op) => op.kind === 'setValidation')).toBe(true);

  await prepareWorkbook(opened.port, { now: NOW });
  const out = await workbookBytes(opened.base, opened.port.plans());
  expect((await planWorkbook((await openWorkbook(out, 'team.xlsx')).port, { now: NOW })).plan.ops).toEqual([]);
  expect((await planWorkbook(await XlsxWorkbook.fromBuffer(out), { now: NOW })).plan.ops).toEqual([]);
}, 120000);

test('regression: a workbook prepared by the command line and opened in the preview plans nothing there, and its download is the file byte for byte', async () => {
  const prepared = await teamPrepared();
  const wb = await openWorkbook(prepared, 'team.xlsx');
  const r = await prepareWorkbook(wb.port, { now: NOW });
  expect(r.plan.ops).toEqual([]);
  expect(same(await workbookBytes(wb.base, wb.port.plans()), prepared)).toBe(true);
}, 120000);

test('regression: a workbook kept in the browser (a prepared file and a note) comes back without a second prepare planning anything', async () => {
  const prepared = await teamPrepared();
  const note = addNote(
    { author: 'Fatima', step: 'Stap 4', koppelkans: '', factor: '', kind: 'discussie', text: 'Eerst de buurt', verantwoordelijke: '', date: '' },
    NOW,
  );
  if (!note.ok) throw new Error(note.message);
  const back = await restoreWorkbook({ base: prepared, fileName: 'team.xlsx', plans: [{ ops: note.ops }] });
  expect((await prepareWorkbook(back.port, { now: NOW })).plan.ops).toEqual([]);
  expect(back.port.plans()).toEqual([{ ops: note.ops }]);
}, 120000);

test('the preview’s copy reads the same validation on every cell as the file (the product’s, the team’s, and where they overlap)', async () => {
  const file = await XlsxWorkbook.fromBuffer(await teamPrepared());
  const copy = memoryFrom({ ...(await file.readSnapshot()), validations: file.allValidations() });
  const W = SHEET_NAMES.werkblad;
  expect(file.getValidation(W, 'N6')).not.toBeNull(); // the team's own
  expect(file.getValidation(W, 'L55')).not.toBeNull(); // the team's, beside the product's score columns
  for (const sheet of file.sheetNames()) {
    const grid = (read: (at: string) => unknown) =>
      Array.from({ length: 115 }, (_, r) => Array.from({ length: 20 }, (_, c) => read(cellAddress(r + 1, c + 1))));
    expect([sheet, grid((at) => copy.getValidation(sheet, at))]).toEqual([sheet, grid((at) => file.getValidation(sheet, at))]);
  }
}, 120000);

test('regression: a workbook in the 1904 date system keeps it in the preview: the overstap date and the deadline read as in the file, and prepare plans nothing', async () => {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await withSampleData()) as unknown as ExcelJS.Buffer);
  x.properties.date1904 = true;
  // the overstap of the last home: 30-06-2036, as a serial of the 1904 date system
  x.getWorksheet(SHEET_NAMES.checklist)!.getCell(cellAddress(CHECKLIST.dateRow, CHECKLIST.valueColumn)).value = ymdToSerial(2036, 6, 30, true);
  const prepared = await cliPrepared(new Uint8Array(await x.xlsx.writeBuffer()));
  const fileSnapshot = await (await XlsxWorkbook.fromBuffer(prepared)).readSnapshot();
  expect(fileSnapshot.date1904).toBe(true);
  expect(analyze(fileSnapshot, { now: NOW }).checklist?.deadlineYear).toBe(2028);

  const wb = await openWorkbook(prepared, 'Mac.xlsx');
  const snapshot = await wb.port.readSnapshot();
  expect(snapshot.date1904).toBe(true);
  expect(analyze(snapshot, { now: NOW }).checklist?.deadlineYear).toBe(2028);
  expect((await prepareWorkbook(wb.port, { now: NOW })).plan.ops).toEqual([]);
}, 120000);

test('regression: a prepared werkblad the team protected with its columns A:BH unlocked whole opens in the preview with that lock state, prepare plans nothing but the cached values ExcelJS dropped (before: six validations, refused on the protected sheet), and only a locked cell is refused', async () => {
  const W = SHEET_NAMES.werkblad;
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await cliPrepared(await withSampleData())) as unknown as ExcelJS.Buffer);
  const w = x.getWorksheet(W)!;
  // what a team does in Excel: select the columns, Celeigenschappen > Bescherming > not locked, then protect the sheet
  for (let c = 1; c <= 60; c++) w.getColumn(c).protection = { locked: false };
  await w.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  const bytes = new Uint8Array(await x.xlsx.writeBuffer());

  const fileSnapshot = await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot();
  expect(fileSnapshot.sheets.find((s) => s.name === W)!.protection).toMatchObject({ protected: true, unlocked: ['A1:BH1048576'] });
  const wb = await openWorkbook(bytes, 'Beschermd.xlsx');
  const sheet = (await wb.port.readSnapshot()).sheets.find((s) => s.name === W)!;
  expect(sheet.protection).toMatchObject({ protected: true, unlocked: ['A1:BH1048576'] });
  const prepared = await prepareWorkbook(wb.port, { now: NOW });
  // ExcelJS's re-save (the stand-in for Excel here) dropped the cached empty texts: prepare writes those formulas again with
  // their value (the werkblad's cells are unlocked: they may be written), and nothing else
  const missing = new Set(fileSnapshot.sheets.flatMap((s) => (s.noCachedResult ?? []).map((a) => `${s.name}!${a}`)));
  expect(missing.size).toBeGreaterThan(0);
  expect(prepared.plan.ops.filter((op) => op.kind !== 'setCells')).toEqual([]);
  const formulas = prepared.plan.ops.flatMap((op) => {
    if (op.kind !== 'setCells') return [];
    const at = parseCell(op.cell);
    return op.cells.flatMap((line, i) => line.flatMap((c, j) => ('formula' in c ? [`${op.sheet}!${cellAddress(at.row + i, at.column + j)}`] : [])));
  });
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.filter((x) => !missing.has(x))).toEqual([]);
  // a score typed in the pane lands; a cell right of the unlocked columns is refused, in Dutch, as in the file
  await wb.port.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'C6', cells: [[{ number: 5 }]] }] });
  await expect(wb.port.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'BI6', cells: [[{ text: 'x' }]] }] })).rejects.toThrow(`Blad "${W}" is beveiligd`);
  const file = await XlsxWorkbook.fromBuffer(bytes);
  await expect(file.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'BI6', cells: [[{ text: 'x' }]] }] })).rejects.toThrow(`Blad "${W}" is beveiligd`);
}, 120000);

/**
 * Issue 8 through the preview's "Download .xlsx" (workbookBytes: the opened file with
 * every plan replayed by the .xlsx adapter): a team workbook with a reason merged over
 * product cells (Prioritering C:F), a werkblad protected with only A6:D105 unlocked, and a
 * reason holding U+FFFE (which Excel stores as _xFFFE_). The downloaded package must be
 * valid (the CLI's package check), keep the team's text, merge and protection, and read
 * back as a Koppelkansen workbook.
 */
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import { addNote, readNotes } from '../../src/core/notes';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { openWorkbook, workbookBytes } from '../../src/taskpane/preview/workbooks';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { verifyPackage } from '../../src/workbook/xlsx/package/verify';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

const NOW = new Date('2026-11-28T12:00:00Z');
const P = SHEET_NAMES.prioritering;
const W = SHEET_NAMES.werkblad;
const REASON = 'Omdat de corporatie \uFFFE in 2027 renoveert';

async function teamFile(): Promise<{ bytes: Uint8Array; row: number }> {
  const made = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(made, { wijk: 'Lelystad Oost', now: NOW });
  await made.apply({ ops: sampleDataOps(analyze(await made.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
  await prepareWorkbook(made, { now: NOW });
  const kk = analyze(await made.readSnapshot(), { now: NOW }).ranking[2].koppelkans;
  const row = PRIORITERING.firstRow;
  await made.apply({ ops: [{ kind: 'setCells', sheet: P, cell: `A${row}`, cells: [[{ number: 1 }, { text: kk }]] }] });
  // what the team does in Excel: merge the reason over C:F, protect the werkblad with A6:D105 open
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await made.toBuffer()) as unknown as ExcelJS.Buffer);
  const prio = x.getWorksheet(P)!;
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
  // the preview refuses, in Dutch and naming the sheet, what the download would refuse: the memory copy keeps the protection
  await expect(prepareWorkbook(wb.port, { now: NOW })).rejects.toThrow(/Blad "Werkblad koppelkansen kiezen" is beveiligd/);
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

/**
 * Merged cells through the Office.js adapter (issue 8), with Excel's behaviour modelled in
 * the fake: the adapter reads the team's merged areas (Range.getMergedAreasOrNullObject,
 * ExcelApi 1.13) into the snapshot, so the engine writes nothing into them and reports
 * CELL_OCCUPIED; a write over part of a merge fails in the fake as it does in Excel, so a
 * plan that went through a merge would fail these tests. The same cases as
 * tests/core/teamContent.test.ts (memory adapter).
 */
import { analyze } from '../../../src/core/analyze';
import { CHECKLIST, PRIORITERING, SHEET_NAMES } from '../../../src/core/layout';
import type { Problem } from '../../../src/core/problems';
import { sampleDataOps } from '../../../src/taskpane/preview/sampleData';
import { OfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/workbook/office/officeWorkbook';
import { areasOf } from '../../../src/workbook/office/rangeAreas';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../../src/workbook/operations';
import { FakeBook } from './fakeExcel';

const NOW = new Date('2026-11-28T12:00:00Z');
const W = SHEET_NAMES.werkblad;
/** An Excel that supports ExcelApi 1.0 up to 1.`minor`. */
const excel = (minor: number): OfficeWorkbookOptions => ({
  retry: { sleep: async () => undefined },
  isSetSupported: (_name, v) => Number(v.split('.')[1]) <= minor,
});

let book: FakeBook;
afterEach(() => {
  expect(book.sentinelReads).toEqual([]);
});

/** A prepared Koppelkansen workbook with 6 koppelkansen (4 scored), made through the adapter. */
async function prepared(): Promise<FakeBook> {
  book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, excel(13));
  await createKoppelkansenWorkbook(port, { wijk: 'Lelystad Oost', now: NOW });
  await port.apply({ ops: sampleDataOps(analyze(await port.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
  await prepareWorkbook(port, { now: NOW });
  return book;
}

/** Opens the pane again (a new adapter reads everything), prepares twice: the second plans nothing. */
async function applyTwice(minor = 13): Promise<{ problems: Problem[]; port: OfficeWorkbook }> {
  const port = new OfficeWorkbook(book.run, excel(minor));
  const first = await prepareWorkbook(port, { now: NOW });
  const second = await prepareWorkbook(port, { now: NOW });
  expect(second.plan.ops).toEqual([]);
  return { problems: first.problems, port };
}

const occupied = (problems: Problem[], sheet: string) => problems.filter((p) => p.code === 'CELL_OCCUPIED' && p.sheet === sheet);
const formula = (sheet: string, cell: string) => book.sheet(sheet).cell(cell)?.formula ?? null;
const value = (sheet: string, cell: string) => book.sheet(sheet).cell(cell)?.value ?? null;

test('the snapshot holds the team merged areas, read with the full read, none for a sheet without', async () => {
  await prepared();
  book.sheet(W).merge('A30:K30').merge('M2:N3');
  const port = new OfficeWorkbook(book.run, excel(13));
  const snapshot = await port.readSnapshot();
  expect(snapshot.sheets.find((s) => s.name === W)!.merges).toEqual(['A30:K30', 'M2:N3']);
  expect(snapshot.sheets.find((s) => s.name === SHEET_NAMES.resultaat)!.merges).toBeUndefined();
  // a read after a change event does not read the merges again
  const again = await book.measure(() => port.readSnapshot({ changed: [{ sheet: W, range: 'C7' }] }));
  expect(again.syncs).toBe(1);
  expect(again.result.sheets.find((s) => s.name === W)!.merges).toEqual(['A30:K30', 'M2:N3']);
});

test('regression (Office): a reason merged across Prioritering C5:F5 keeps its text; no Signaal formula through the merge; CELL_OCCUPIED', async () => {
  await prepared();
  const P = SHEET_NAMES.prioritering;
  const kk = analyze(await new OfficeWorkbook(book.run, excel(13)).readSnapshot(), { now: NOW }).ranking[2].koppelkans;
  const r = PRIORITERING.firstRow;
  book.sheet(P).setGrid(`A${r}`, [[1, kk, 'Omdat de corporatie in 2027 renoveert', null, null, null]]);
  book.sheet(P).merge(`C${r}:F${r}`);
  const { problems } = await applyTwice();
  expect(value(P, `C${r}`)).toBe('Omdat de corporatie in 2027 renoveert');
  for (const c of ['D', 'E', 'F']) expect(formula(P, `${c}${r}`)).toBeNull();
  const occ = occupied(problems, P);
  expect(occ).toHaveLength(1);
  expect(occ[0].message).toMatch(new RegExp(`C${r}:F${r}`));
  expect(problems.filter((p) => p.code === 'PRIO_NO_REASON')).toEqual([]);
});

test('regression (Office): a sub-heading "Fase 2" merged across werkblad data rows stays text, is no koppelkans, and apply is idempotent', async () => {
  await prepared();
  const before = analyze(await new OfficeWorkbook(book.run, excel(13)).readSnapshot(), { now: NOW }).werkblad!;
  const row = before.rows[before.rows.length - 1].row + 2;
  book.sheet(W).setGrid(`A${row}`, [['Fase 2']]);
  book.sheet(W).merge(`A${row}:K${row}`);
  const { problems, port } = await applyTwice();
  expect(value(W, `A${row}`)).toBe('Fase 2');
  expect(formula(W, `A${row}`)).toBeNull();
  const after = analyze(await port.readSnapshot(), { now: NOW }).werkblad!;
  expect(after.rows.map((x) => x.row)).not.toContain(row);
  expect(after.rows).toHaveLength(before.rows.length);
  expect(occupied(problems, W).map((p) => p.cell)).toContain(`K${row}`);
});

test('regression (Office): a score merged with Totalen gets no (circular) Totalen formula', async () => {
  await prepared();
  const wsRow = analyze(await new OfficeWorkbook(book.run, excel(13)).readSnapshot(), { now: NOW }).werkblad!.rows[0].row;
  // the team clears the Totalen formula and merges the last score with it
  book.sheet(W).setGrid(`K${wsRow}`, [[null]]);
  book.sheet(W).merge(`J${wsRow}:K${wsRow}`);
  const { problems } = await applyTwice();
  expect(formula(W, `J${wsRow}`)).toBeNull();
  expect(formula(W, `K${wsRow}`)).toBeNull();
  expect(occupied(problems, W).map((p) => p.cell)).toEqual([`K${wsRow}`]);
});

test('regression (Office): a merged checklist row across the progress table keeps its text', async () => {
  await prepared();
  const C = SHEET_NAMES.checklist;
  const row = CHECKLIST.headerRow + 2;
  book.sheet(C).setGrid(`H${row}`, [['Samen met de corporatie', null, null, null, null]]);
  book.sheet(C).merge(`H${row}:L${row}`);
  const { problems } = await applyTwice();
  expect(value(C, `H${row}`)).toBe('Samen met de corporatie');
  expect(occupied(problems, C)).toHaveLength(1);
});

test('an Excel without ExcelApi 1.13 reads no merges: the write through the merge is refused by Excel, nothing of the team is lost', async () => {
  await prepared();
  const P = SHEET_NAMES.prioritering;
  const r = PRIORITERING.firstRow;
  const kk = analyze(await new OfficeWorkbook(book.run, excel(13)).readSnapshot(), { now: NOW }).ranking[2].koppelkans;
  book.sheet(P).setGrid(`A${r}`, [[1, kk, 'Omdat de corporatie in 2027 renoveert']]);
  book.sheet(P).merge(`C${r}:F${r}`);
  const port = new OfficeWorkbook(book.run, excel(12));
  const snapshot = await port.readSnapshot();
  expect(snapshot.sheets.every((s) => s.merges === undefined)).toBe(true);
  const outcome = await prepareWorkbook(port, { now: NOW }).then(
    () => 'applied',
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(Error);
  expect(value(P, `C${r}`)).toBe('Omdat de corporatie in 2027 renoveert');
});

test('a sheet with more merged areas than Excel gives (512) is read alone and kept without merges; the other sheets get theirs', async () => {
  await prepared();
  for (let r = 200; r < 200 + 513; r++) book.sheet(SHEET_NAMES.resultaat).merge(`M${r}:N${r}`);
  book.sheet(W).merge('M2:N3');
  const snapshot = await new OfficeWorkbook(book.run, excel(13)).readSnapshot();
  expect(snapshot.sheets.find((s) => s.name === W)!.merges).toEqual(['M2:N3']);
  expect(snapshot.sheets.find((s) => s.name === SHEET_NAMES.resultaat)!.merges).toBeUndefined();
});

test('merged-area addresses as Excel gives them: sheet-qualified, quoted names with commas, anchors, single cells', () => {
  book = new FakeBook();
  expect(areasOf("'Blad, 2'!$C$5:$F$5,'Blad, 2'!A10:K10,Blad!B2")).toEqual(['C5:F5', 'A10:K10', 'B2:B2']);
  expect(areasOf('')).toEqual([]);
});

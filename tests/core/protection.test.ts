/**
 * Protected sheets (issue 8): the rows the product prepares get the lock state of the data
 * rows above them, and a plan that needs a protected area is refused before anything is
 * written, with a Dutch message naming the sheet, the cells and what to do. Through the
 * memory adapter and the same operations the CLI, the pane and the preview run.
 */
import { analyze } from '../../src/core/analyze';
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES } from '../../src/core/layout';
import { lockDifferences } from '../../src/core/protection';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { WorkbookError } from '../../src/workbook/errors';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';

const NOW = new Date('2026-11-28T12:00:00Z');
const W = SHEET_NAMES.werkblad;
const t = (x: string) => ({ text: x });

/** A prepared workbook whose werkblad has data down to row 60 and only A6:D105 unlocked (so a prepare wants rows 106–110). */
async function teamWorkbook(): Promise<{ wb: MemoryWorkbook; totalen: string }> {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { wijk: 'Lelystad Oost', now: NOW });
  await wb.apply({ ops: sampleDataOps(analyze(await wb.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
  await prepareWorkbook(wb, { now: NOW });
  const first = analyze(await wb.readSnapshot(), { now: NOW }).werkblad!.rows[0];
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: W, cell: 'A60', cells: [[t(first.opgave), t(first.koppelkans)]] },
      { kind: 'setStyle', sheet: W, range: 'A6:D105', style: { locked: false } },
    ],
  });
  const totalen = columnLetter(analyze(await wb.readSnapshot(), { now: NOW }).werkblad!.layout.totalenColumn);
  return { wb, totalen };
}

test('regression: a protected werkblad with only A6:D105 unlocked: prepare is refused before writing, naming the sheet, rows 106–110 and what to do', async () => {
  const { wb, totalen } = await teamWorkbook();
  wb.protectSheet(W);
  const before = await wb.readSnapshot();
  const err = await prepareWorkbook(wb, { now: NOW }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbookError);
  expect((err as WorkbookError).code).toBe('sheetProtected');
  const message = (err as WorkbookError).message;
  expect(message).toContain(`Blad "${W}" is beveiligd`);
  expect(message).toContain(`${totalen}106:${totalen}110`);
  expect(message).toContain(`Hef de beveiliging van blad "${W}" op (Controleren > Beveiliging blad opheffen)`);
  expect(message).toMatch(/Er is niets gewijzigd\.$/);
  expect(await wb.readSnapshot()).toEqual(before);
});

test('regression: rows 106–110 prepared below A6:D105 unlocked were left locked; now they get the lock state of the rows above, and apply twice = apply once', async () => {
  const { wb, totalen } = await teamWorkbook();
  const first = await prepareWorkbook(wb, { now: NOW });
  expect(first.plan.ops).toContainEqual({ kind: 'setStyle', sheet: W, range: 'A106:D110', style: { locked: false } });
  for (const cell of ['A106', 'D110']) expect(wb.getStyle(W, cell).locked).toBe(false);
  for (const cell of ['E106', `${totalen}110`, 'A111']) expect(wb.getStyle(W, cell).locked).toBeUndefined();
  expect(wb.getFormula(W, `${totalen}110`)).toMatch(/^=/);
  expect((await prepareWorkbook(wb, { now: NOW })).plan.ops).toEqual([]);
  // the team protects the sheet again: the prepared rows can be filled in
  wb.protectSheet(W);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'A108', cells: [[t('Eigen opgave'), t('Eigen koppelkans')]] }] });
  expect(wb.getCell(W, 'B108')).toBe('Eigen koppelkans');
});

test('a werkblad nobody unlocked gets no lock-state ops; a protected sheet the plan does not touch does not stop it', async () => {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  await prepareWorkbook(wb, { now: NOW });
  wb.protectSheet(SHEET_NAMES.longlist);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'A60', cells: [[t('Wonen'), t('Eigen koppelkans')]] }] });
  const result = await prepareWorkbook(wb, { now: NOW });
  expect(result.plan.ops.some((op) => op.kind === 'setStyle' && 'locked' in op.style)).toBe(false);
  expect(result.plan.ops.length).toBeGreaterThan(0);
});

test('lockDifferences: runs that differ from the template row, locked or unlocked', () => {
  const p = { protected: true, unlocked: ['A6:D105', 'F106:G106', 'B106'] };
  expect(lockDifferences(p, 105, 106)).toEqual([
    { first: 1, last: 1, locked: false },
    { first: 3, last: 4, locked: false },
    { first: 6, last: 7, locked: true },
  ]);
  expect(lockDifferences(p, 50, 60)).toEqual([]);
  expect(lockDifferences(undefined, 5, 6)).toEqual([]);
});

/**
 * The team's content is theirs: merged cells the engine did not make are never written
 * into (CELL_OCCUPIED instead), text beside or below the engine's tables is never
 * cleared, and apply twice = apply once on such workbooks. Regression tests named after
 * the cases of issue 8, through the memory adapter and the same operations the CLI, the
 * pane and the preview run.
 */
import { analyze } from '../../src/core/analyze';
import { CHECKLIST, PRIORITERING, RESULTAAT, SHEET_NAMES } from '../../src/core/layout';
import type { Problem } from '../../src/core/problems';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';

const NOW = new Date('2026-11-28T12:00:00Z');
const W = SHEET_NAMES.werkblad;
const t = (x: string) => ({ text: x });

async function prepared(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { wijk: 'Lelystad Oost', now: NOW });
  await wb.apply({ ops: sampleDataOps(analyze(await wb.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
  await prepareWorkbook(wb, { now: NOW });
  return wb;
}

/** Prepares; returns the problems; a second prepare must plan nothing. */
async function applyTwice(wb: MemoryWorkbook): Promise<Problem[]> {
  const first = await prepareWorkbook(wb, { now: NOW });
  const second = await prepareWorkbook(wb, { now: NOW });
  expect(second.plan.ops).toEqual([]);
  return first.problems;
}

const occupied = (problems: Problem[], sheet: string) => problems.filter((p) => p.code === 'CELL_OCCUPIED' && p.sheet === sheet);

test('regression: a reason merged across Prioritering C5:F5 keeps its text; no Signaal formula through the merge; no "no reason" warning', async () => {
  const wb = await prepared();
  const kk = analyze(await wb.readSnapshot(), { now: NOW }).ranking[2].koppelkans;
  const r = PRIORITERING.firstRow;
  await wb.apply({
    ops: [{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `A${r}`, cells: [[{ number: 1 }, t(kk), t('Omdat de corporatie in 2027 renoveert')]] }],
  });
  wb.mergeCells(SHEET_NAMES.prioritering, `C${r}:F${r}`);
  const problems = await applyTwice(wb);
  expect(wb.getCell(SHEET_NAMES.prioritering, `C${r}`)).toBe('Omdat de corporatie in 2027 renoveert');
  for (const c of ['D', 'E', 'F']) expect(wb.getFormula(SHEET_NAMES.prioritering, `${c}${r}`)).toBeNull();
  const occ = occupied(problems, SHEET_NAMES.prioritering);
  expect(occ).toHaveLength(1);
  expect(occ[0].message).toMatch(new RegExp(`C${r}:F${r}`));
  expect(occ[0].message).toMatch(/samengevoegde cellen/);
  expect(problems.filter((p) => p.code === 'PRIO_NO_REASON')).toEqual([]);
});

test('regression: a sub-heading "Fase 2" merged across werkblad data rows stays text, is no koppelkans, and apply is idempotent', async () => {
  const wb = await prepared();
  const before = analyze(await wb.readSnapshot(), { now: NOW }).werkblad!;
  const row = before.rows[before.rows.length - 1].row + 2;
  await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: `A${row}`, cells: [[t('Fase 2')]] }] });
  wb.mergeCells(W, `A${row}:K${row}`);
  const problems = await applyTwice(wb);
  expect(wb.getCell(W, `A${row}`)).toBe('Fase 2');
  expect(wb.getFormula(W, `A${row}`)).toBeNull();
  const after = analyze(await wb.readSnapshot(), { now: NOW }).werkblad!;
  expect(after.rows.map((x) => x.row)).not.toContain(row);
  expect(after.rows).toHaveLength(before.rows.length);
  expect(occupied(problems, W).map((p) => p.cell)).toContain(`K${row}`);
});

test('regression: a score merged with Totalen gets no (circular) Totalen formula', async () => {
  const wb = await prepared();
  const wsRow = analyze(await wb.readSnapshot(), { now: NOW }).werkblad!.rows[0].row;
  wb.mergeCells(W, `J${wsRow}:K${wsRow}`);
  const problems = await applyTwice(wb);
  expect(wb.getFormula(W, `J${wsRow}`)).toBeNull();
  expect(wb.getFormula(W, `K${wsRow}`)).toBeNull();
  expect(occupied(problems, W).map((p) => p.cell)).toEqual([`K${wsRow}`]);
});

function progressTotalRow(wb: MemoryWorkbook): number {
  for (let r = CHECKLIST.headerRow + 1; r < 60; r++) if (wb.getCell(SHEET_NAMES.checklist, `H${r}`) === 'Totaal') return r;
  throw new Error('no progress table');
}

test('regression: a caption directly under the WUP checklist progress table is not cleared', async () => {
  const wb = await prepared();
  const below = progressTotalRow(wb) + 1;
  await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: `H${below}`, cells: [[t('Bron: Spoorboekje, hoofdstuk 4')]] }] });
  await applyTwice(wb);
  expect(wb.getCell(SHEET_NAMES.checklist, `H${below}`)).toBe('Bron: Spoorboekje, hoofdstuk 4');
});

test('regression: a merged checklist row across the progress table keeps its text', async () => {
  const wb = await prepared();
  const row = CHECKLIST.headerRow + 2;
  await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: `H${row}`, cells: [[t('Samen met de corporatie')]] }] });
  wb.mergeCells(SHEET_NAMES.checklist, `H${row}:L${row}`);
  const problems = await applyTwice(wb);
  expect(wb.getCell(SHEET_NAMES.checklist, `H${row}`)).toBe('Samen met de corporatie');
  expect(occupied(problems, SHEET_NAMES.checklist).length).toBe(1);
});

test("regression: the team's notes beside the top 15 on Resultaat (H4:H6) and below it are not cleared, also when the table shrinks", async () => {
  const wb = await prepared();
  const R = SHEET_NAMES.resultaat;
  await wb.apply({
    ops: [{ kind: 'setCells', sheet: R, cell: `H${RESULTAAT.headerRow}`, cells: [[t('Notitie')], [t('Wethouder wil de top 3')], [t('Zie ook Notulen')]] }],
  });
  const snap = await wb.readSnapshot();
  const rows = snap.sheets.find((s) => s.name === R)!.values.length;
  await wb.apply({ ops: [{ kind: 'setCells', sheet: R, cell: `A${rows + 2}`, cells: [[t('Besproken met de wijkraad op 12 november')]] }] });
  // a row gets scored: the "not in the ranking" list below the top 15 gets shorter
  const a = analyze(await wb.readSnapshot(), { now: NOW }).werkblad!;
  const unscored = a.rows.find((x) => x.status === 'unscored')!;
  await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: `C${unscored.row}`, cells: [a.factors.map(() => ({ number: 3 }))] }] });
  await applyTwice(wb);
  expect([4, 5, 6].map((r) => wb.getCell(R, `H${r}`))).toEqual(['Notitie', 'Wethouder wil de top 3', 'Zie ook Notulen']);
  expect(wb.getCell(R, `A${rows + 2}`)).toBe('Besproken met de wijkraad op 12 november');
  // the engine's own old last line is gone
  expect(wb.getCell(R, `A${rows}`)).toBeNull();
});

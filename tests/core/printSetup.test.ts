/**
 * Print-ready sheets (issue 8): every visible sheet the product adds gets a page setup
 * (orientation, one page wide, print titles), and a sheet the team already set up keeps
 * its own print area and titles. The page counts themselves: tests/report/printPages.test.ts.
 */
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { onderbouwingSheetName, onderbouwingSheetOps } from '../../src/core/onderbouwingSheet';
import { NOTULEN, SHEET_NAMES } from '../../src/core/layout';
import { readRondes, RONDES, startRonde } from '../../src/core/rondes';
import { simulate } from '../../src/core/simulate';
import type { PlanOp } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { wrappedRowHeight } from '../../src/core/textMetrics';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

const NOW = new Date('2026-11-30T10:00:00+01:00');

/** The visible sheets `ops` add, each with the page setup ops for it. */
function setupsPerAddedSheet(ops: PlanOp[]): Map<string, Extract<PlanOp, { kind: 'setPageSetup' }>[]> {
  const out = new Map<string, Extract<PlanOp, { kind: 'setPageSetup' }>[]>();
  for (const op of ops) if (op.kind === 'addSheet' && !op.hidden) out.set(op.sheet, []);
  for (const op of ops) if (op.kind === 'setPageSetup') out.get(op.sheet)?.push(op);
  return out;
}

test('a new workbook: every visible sheet it adds prints landscape or portrait, one page wide, with its header rows on every page', () => {
  const { plan } = newWorkbookPlan({ now: NOW });
  const setups = setupsPerAddedSheet(plan.ops);
  for (const role of ['werkblad', 'longlist', 'resultaat', 'prioritering', 'checklist', 'notulen'] as const) expect(setups.has(SHEET_NAMES[role])).toBe(true);
  for (const [sheet, ops] of setups) {
    expect({ sheet, count: ops.length }).toEqual({ sheet, count: 1 });
    expect(ops[0].fitToWidth).toBe(1);
    expect(ops[0].orientation).toBeDefined();
    expect(ops[0].printTitleRows).toBeDefined();
  }
  // the Notulen log repeats its header row; it grows by a row per note, so no fixed print area
  const notulen = setups.get(SHEET_NAMES.notulen)![0];
  expect(notulen.printTitleRows).toEqual({ first: NOTULEN.headerRow, last: NOTULEN.headerRow });
  expect(notulen.printArea).toBeUndefined();
  // the longlist too: the pane adds columns to it (Minder concreet), the team adds rows
  expect(setups.get(SHEET_NAMES.longlist)![0]).toMatchObject({ orientation: 'landscape', printTitleRows: { first: 1, last: 1 } });
  expect(setups.get(SHEET_NAMES.longlist)![0].printArea).toBeUndefined();
});

test('the longlist and the Notulen questions get row heights that show their wrapped text whole (Excel does not grow rows on open)', () => {
  const { plan } = newWorkbookPlan({ now: NOW });
  const heights = (sheet: string) =>
    plan.ops.filter((op) => op.kind === 'setRowHeights' && op.sheet === sheet).flatMap((op) => (op.kind === 'setRowHeights' ? op.heights : []));
  const longlist = heights(SHEET_NAMES.longlist);
  expect(longlist.length).toBeGreaterThan(0);
  for (const h of longlist) expect(h.height).toBeGreaterThanOrEqual(32); // two lines or more
  expect(heights(SHEET_NAMES.notulen).length).toBeGreaterThan(0);
  expect(wrappedRowHeight(['kort'], [36])).toBeNull();
  expect(wrappedRowHeight(['woord '.repeat(40)], [36])).toBeGreaterThan(15);
  expect(wrappedRowHeight(['woord '.repeat(4000)], [10])).toBe(409);
});

test('the Scorerondes sheet and the onderbouwing sheet are added with their page setup', () => {
  const base = simulate({ sheets: [], validations: [] }, newWorkbookPlan({ now: NOW }).plan.ops);
  const start = startRonde(readRondes(base), [], NOW);
  if (!start.ok) throw new Error(start.message);
  expect(setupsPerAddedSheet(start.ops).get(RONDES.sheet)).toEqual([
    expect.objectContaining({ orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: RONDES.headerRow, last: RONDES.headerRow } }),
  ]);
  const model = buildOnderbouwingModel(base, NOW);
  const name = onderbouwingSheetName(model.date, []);
  expect(setupsPerAddedSheet(onderbouwingSheetOps(model, name)).get(name)).toHaveLength(1);
});

test("the team's own print area and titles on the longlist and Notulen stay when the product's page setup is applied again", async () => {
  const wb = new MemoryWorkbook();
  await createKoppelkansenWorkbook(wb, { now: NOW });
  wb.setPageSetup(SHEET_NAMES.longlist, { printArea: 'A1:C12', printTitleRows: { first: 1, last: 2 } });
  wb.setPageSetup(SHEET_NAMES.notulen, { printArea: 'A1:H30', orientation: 'portrait' });
  const ours = newWorkbookPlan({ now: NOW }).plan.ops.filter((op) => op.kind === 'setPageSetup');
  await wb.apply({ ops: ours });
  expect(wb.getPageSetup(SHEET_NAMES.longlist)).toMatchObject({ printArea: 'A1:C12', printTitleRows: { first: 1, last: 2 }, fitToWidth: 1 });
  expect(wb.getPageSetup(SHEET_NAMES.notulen)).toMatchObject({
    printArea: 'A1:H30',
    orientation: 'portrait',
    printTitleRows: { first: NOTULEN.headerRow, last: NOTULEN.headerRow },
  });
});

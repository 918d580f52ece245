/**
 * The Prioritering fixture shared by engine and pane tests: a new workbook with factors F1 and
 * F2 (weging 1 each), koppelkansen scored from best to last, and the automatic order taken
 * over on Prioritering.
 */
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import type { PlanOp } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

/**
 * A memory workbook for a Prioritering test. In: the koppelkans names in their automatic order
 * (the first scores 8 on both factors, each next one 1 lower, all under opgave "Opgave" from
 * werkblad row 6), the clock for the new workbook, and ops applied with the fixture (e.g. notes).
 * Out: the workbook, with Prioritering rows 1…n holding the names in that order.
 */
export async function prioriteringWorkbook(names: readonly string[], now: Date, extraOps: readonly PlanOp[] = []): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.apply(newWorkbookPlan({ wijk: 'Test', now, factors: ['F1', 'F2'] }).plan);
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'C4', cells: [[{ number: 1 }, { number: 1 }]] },
      {
        kind: 'setCells',
        sheet: SHEET_NAMES.werkblad,
        cell: 'A6',
        cells: names.map((k, i) => [{ text: 'Opgave' }, { text: k }, { number: 8 - i }, { number: 8 - i }]),
      },
      { kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `A${PRIORITERING.firstRow}`, cells: names.map((k, i) => [{ number: i + 1 }, { text: k }]) },
      ...extraOps,
    ],
  });
  return wb;
}

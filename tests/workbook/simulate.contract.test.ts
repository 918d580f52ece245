/**
 * `simulate` (src/core/simulate.ts), with which the engine plans on the result of other
 * ops, against the same row-op cases as the adapters (tests/workbook/contract.ts).
 */
import type { Plan, WorkbookSnapshot } from '../../src/core/snapshot';
import { simulateApply } from '../../src/core/simulate';
import type { ApplyResult, WorkbookPort } from '../../src/workbook/port';
import { rowOpsContract } from './contract';

/** Trailing empty cells and rows dropped, as the adapters' snapshots leave them out. */
function asRead(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => {
    const values = s.values.map((line) => {
      const out = [...line];
      while (out.length && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
      return out;
    });
    while (values.length && values[values.length - 1].length === 0) values.pop();
    return { ...s, values };
  });
  return { ...snapshot, sheets };
}

/** A port over a snapshot whose apply is `simulate`. */
class SimulatedWorkbook implements WorkbookPort {
  private snapshot: WorkbookSnapshot = { sheets: [] };

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return asRead(this.snapshot);
  }

  async apply(plan: Plan): Promise<ApplyResult> {
    const { snapshot, outcomes } = simulateApply(this.snapshot, plan.ops);
    this.snapshot = snapshot;
    return { operations: plan.ops.length, ...outcomes };
  }
}

rowOpsContract({
  name: 'simulate',
  create: async () => new SimulatedWorkbook(),
  reopen: async (wb) => wb,
});

/**
 * `simulate` (src/core/simulate.ts), with which the engine plans on the result of other
 * ops, against the same row-op cases as the adapters (tests/workbook/contract.ts).
 */
import type { Plan, WorkbookSnapshot } from '../../src/core/snapshot';
import { simulateApply } from '../../src/core/simulate';
import type { ApplyResult, WorkbookPort } from '../../src/workbook/port';
import { rowOpsContract, withoutTrailingEmpties } from './contract';

/** A port over a snapshot whose apply is `simulate`. */
class SimulatedWorkbook implements WorkbookPort {
  private snapshot: WorkbookSnapshot = { sheets: [] };

  async readSnapshot(): Promise<WorkbookSnapshot> {
    return withoutTrailingEmpties(this.snapshot);
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

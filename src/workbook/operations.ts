/**
 * The operations every front end (CLI, task pane, preview) runs: snapshot → plan → apply,
 * over any adapter of the port.
 */
import { analyze, type Analysis } from '../core/analyze';
import { buildPlan, startPlan, type PlanOptions, type PlanResult, type StartedPlan } from '../core/plan';
import { newWorkbookPlan, type TemplateOptions } from '../core/template';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { ApplyOptions, ApplyResult, WorkbookPort } from './port';

export async function checkWorkbook(port: WorkbookPort, options: { now?: Date } = {}): Promise<Analysis> {
  const snapshot = await port.readSnapshot();
  return analyze(snapshot, options);
}

export interface PlannedWorkbook extends PlanResult {
  /** The snapshot the plan was made from (read once). */
  snapshot: WorkbookSnapshot;
}

/**
 * Reads the workbook once (with the validations the plan compares) and plans: one read,
 * one analysis (the plan started in the adapter's `validationTargets` callback is
 * finished with the validations it read). `port` needs only `readSnapshot` (the command
 * line passes one that lets go of the loaded file once read, XlsxWorkbook.readSnapshotOnce).
 * `onStarted` runs once the plan is started (its analysis done), before it is finished:
 * the command line collects the analysis' garbage there, before finishing allocates more.
 */
export async function planWorkbook(port: Pick<WorkbookPort, 'readSnapshot'>, options: PlanOptions = {}, onStarted?: () => void): Promise<PlannedWorkbook> {
  let started: StartedPlan | null = null;
  const snapshot = await port.readSnapshot({
    validationTargets: (s) => {
      started = startPlan(s, options);
      onStarted?.();
      return started.targets;
    },
  });
  const result = started ? (started as StartedPlan).finish(snapshot.validations) : buildPlan(snapshot, options);
  return { ...result, snapshot };
}

export interface PrepareResult extends PlannedWorkbook {
  applied: ApplyResult | null;
}

/** Reads, plans and applies; an empty plan writes nothing. */
export async function prepareWorkbook(port: WorkbookPort, options: PlanOptions = {}, apply: ApplyOptions = {}): Promise<PrepareResult> {
  const result = await planWorkbook(port, options);
  const applied = result.plan.ops.length ? await port.apply(result.plan, apply) : null;
  return { ...result, applied };
}

/** Creates the whole Koppelkansen layout in an empty workbook, in one batch. */
export async function createKoppelkansenWorkbook(port: WorkbookPort, options: TemplateOptions = {}, apply: ApplyOptions = {}): Promise<PrepareResult> {
  const snapshot = await port.readSnapshot();
  const result = newWorkbookPlan(options, snapshot);
  const applied = await port.apply(result.plan, apply);
  return { ...result, snapshot, applied };
}

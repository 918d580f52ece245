/**
 * The operations every front end (CLI, task pane, preview) runs: snapshot → plan → apply,
 * over any adapter of the port.
 */
import { analyze, type Analysis } from '../core/analyze';
import { buildPlan, validationTargets, type PlanOptions, type PlanResult } from '../core/plan';
import { newWorkbookPlan, type TemplateOptions } from '../core/template';
import type { ApplyOptions, ApplyResult, WorkbookPort } from './port';

export async function checkWorkbook(port: WorkbookPort, options: { now?: Date } = {}): Promise<Analysis> {
  const snapshot = await port.readSnapshot();
  return analyze(snapshot, options);
}

export async function planWorkbook(port: WorkbookPort, options: PlanOptions = {}): Promise<PlanResult> {
  const snapshot = await port.readSnapshot({ validationTargets: (s) => validationTargets(s, options) });
  return buildPlan(snapshot, options);
}

export interface PrepareResult extends PlanResult {
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
  return { ...result, applied };
}

/**
 * The plan builder: from a snapshot, the list of writes that brings the workbook to the
 * wanted state. Applying the plan and planning again gives an empty plan.
 */
import { analyze, type Analysis } from '../analyze';
import { sortProblems, type Problem } from '../problems';
import type { Plan, PlanOp, ValidationSnapshot, WorkbookSnapshot } from '../snapshot';
import { sameName } from '../layout';
import type { PlanContext, PlanOptions, WantedValidation } from './context';
import { planChecklist } from './checklist';
import { planLijsten, planLonglist } from './longlist';
import { planNotulen } from './notulen';
import { keepOutOfMerges } from './occupied';
import { planPrioritering } from './prioritering';
import { planResultaat } from './resultaat';
import { planGevoeligheid } from './gevoeligheid';
import { planWerkblad } from './werkblad';
import { sameRule } from './validations';
import { simulate } from '../simulate';

export type { PlanOptions } from './context';

export interface PlanResult {
  analysis: Analysis;
  plan: Plan;
  /** Analysis problems plus what planning found (sorted, errors first). */
  problems: Problem[];
}

function wantedState(snapshot: WorkbookSnapshot, options: PlanOptions): { ctx: PlanContext } {
  const analysis = analyze(snapshot, { now: options.now });
  const ctx: PlanContext = { snapshot, analysis, options, ops: [], problems: [], validations: [] };
  if (analysis.kind !== 'koppelkansen' || !analysis.werkblad) return { ctx };
  planLonglist(ctx);
  planWerkblad(ctx);
  planLijsten(ctx);
  planResultaat(ctx);
  planGevoeligheid(ctx);
  planPrioritering(ctx);
  planChecklist(ctx);
  planNotulen(ctx);
  return { ctx };
}

/** A plan half-built: what it wants is known, the validations to compare are not read yet. */
export interface StartedPlan {
  /** The ranges (on existing sheets) whose validations the adapter should read. */
  targets: { sheet: string; range: string }[];
  /**
   * Finishes the plan against the validations read for `targets` (undefined: none could
   * be read, so every wanted validation is written). Pure; may be called more than once.
   */
  finish(validations: ValidationSnapshot[] | undefined): PlanResult;
}

/**
 * Plans in two steps over one analysis: `targets` tells the adapter which validations to
 * read, `finish` compares them. Adapters call the port's `validationTargets` callback
 * with the snapshot's sheets; the front end keeps the StartedPlan and finishes it with
 * the validations, so a read → plan costs one analysis, not two.
 */
export function startPlan(snapshot: WorkbookSnapshot, options: PlanOptions = {}): StartedPlan {
  const { ctx } = wantedState(snapshot, options);
  const existing = new Set(snapshot.sheets.map((s) => s.name.toLowerCase()));
  const targets = ctx.validations.filter((v) => existing.has(v.sheet.toLowerCase())).map((v) => ({ sheet: v.sheet, range: v.range }));
  return {
    targets,
    finish(validations) {
      const problems = [...ctx.problems];
      const ops: PlanOp[] = keepOutOfMerges(ctx.ops, snapshot, problems);
      for (const v of ctx.validations) {
        if (!validationPresent(validations, v)) ops.push({ kind: 'setValidation', sheet: v.sheet, range: v.range, rule: v.rule });
      }
      // sheets first, so that every later op finds its sheet
      const adds = ops.filter((o) => o.kind === 'addSheet');
      const rest = ops.filter((o) => o.kind !== 'addSheet');
      return {
        analysis: ctx.analysis,
        plan: { ops: [...adds, ...rest] },
        problems: sortProblems([...ctx.analysis.problems, ...problems]),
      };
    },
  };
}

/** The ranges whose validations an adapter should read for the next plan. */
export function validationTargets(snapshot: WorkbookSnapshot, options: PlanOptions = {}): { sheet: string; range: string }[] {
  return startPlan(snapshot, options).targets;
}

/** The plan for a snapshot (with the validations it holds): one analysis. */
export function buildPlan(snapshot: WorkbookSnapshot, options: PlanOptions = {}): PlanResult {
  return startPlan(snapshot, options).finish(snapshot.validations);
}

function validationPresent(validations: ValidationSnapshot[] | undefined, want: WantedValidation): boolean {
  if (!validations) return false;
  const found = validations.find((v) => sameName(v.sheet, want.sheet) && v.range.replace(/\$/g, '') === want.range);
  return !!found && sameRule(found.rule, want.rule);
}

/**
 * An edit (ops from the pane's Stap 2, the factors …) followed by the engine's plan for
 * the workbook the edit leaves behind, as one plan: applied in one batch, the formulas
 * that depend on the werkblad's layout (Totalen, Resultaat, Prioritering, lists) and
 * the validations are right at once. `snapshot` is the state the edit was built on.
 */
export function planWithEdit(snapshot: WorkbookSnapshot, editOps: PlanOp[], options: PlanOptions = {}): PlanResult {
  const after = simulate(snapshot, editOps);
  const rest = buildPlan(after, options);
  return { ...rest, plan: { ops: [...editOps, ...rest.plan.ops] } };
}

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
import { planStamp } from '../formulaStamp';
import { nameOf } from './context';
import { parseCell } from '../a1';
import { sameFormula } from '../diff';

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
      const rest: PlanOp[] = ops.filter((o) => o.kind !== 'addSheet');
      if (ctx.analysis.kind === 'koppelkansen' && ctx.analysis.werkblad) {
        // the formula stamp for the workbook as this plan leaves it (src/core/formulaStamp.ts)
        rest.push(...planStamp(snapshot, simulate(snapshot, [...adds, ...rest]), nameOf(ctx, 'lijsten')));
      }
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
 * The plan's `ownFrom` is the number of the edit's ops: what follows is the engine's.
 */
export function planWithEdit(snapshot: WorkbookSnapshot, editOps: PlanOp[], options: PlanOptions = {}): PlanResult {
  let ops = editOps;
  let rest = buildPlan(simulate(snapshot, ops), options);
  // The edit writes formulas (a moved Totalen) without the engine's value; the rest would
  // write them again only to add it. Put the values into the edit's own cells and plan
  // again, so the rest never writes into the edit's cells: when a guarded edit op is
  // refused (a co-author changed its block), nothing else of the plan lands on the
  // team's cells the edit would have moved away first.
  const withValues = withEngineResults(ops, rest.plan.ops);
  if (withValues !== ops) {
    ops = withValues;
    rest = buildPlan(simulate(snapshot, ops), options);
  }
  // the engine's part writes the product's own cells (Plan.ownFrom: judged as such by the basis check)
  return { ...rest, plan: { ops: [...ops, ...rest.plan.ops], ownFrom: ops.length } };
}

/**
 * `edit` with the cached `result` of each formula cell it writes without one, taken from
 * a later unguarded setCells of `later` that writes the same formula to the same cell.
 * Returns `edit` itself when nothing changes.
 */
function withEngineResults(edit: PlanOp[], later: PlanOp[]): PlanOp[] {
  const results = new Map<string, { formula: string; result: number | string | boolean }>();
  for (const op of later) {
    if (op.kind !== 'setCells' || op.expect) continue;
    const { row, column } = parseCell(op.cell);
    op.cells.forEach((line, i) =>
      line.forEach((c, j) => {
        if ('formula' in c && c.result !== undefined)
          results.set(`${op.sheet.toLowerCase()}|${row + i}|${column + j}`, { formula: c.formula, result: c.result });
      }),
    );
  }
  if (!results.size) return edit;
  let changed = false;
  const out = edit.map((op): PlanOp => {
    if (op.kind !== 'setCells') return op;
    const { row, column } = parseCell(op.cell);
    const cells = op.cells.map((line, i) =>
      line.map((c, j) => {
        if (!('formula' in c) || c.result !== undefined) return c;
        const hit = results.get(`${op.sheet.toLowerCase()}|${row + i}|${column + j}`);
        if (!hit || !sameFormula(hit.formula, c.formula)) return c;
        changed = true;
        return { formula: c.formula, result: hit.result };
      }),
    );
    return { ...op, cells };
  });
  return changed ? out : edit;
}

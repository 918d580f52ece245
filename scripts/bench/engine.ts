/** Bench section: the pure engine (check, plan, re-plan of a prepared workbook). */
import { analyze } from '../../src/core/analyze';
import { buildPlan } from '../../src/core/plan';
import { factorMoveImpact, factorRemovalImpact } from '../../src/core/referenceBreaks';
import { simulate } from '../../src/core/simulate';
import { findWerkbladSheet } from '../../src/core/werkblad';
import { median, ms, size, time } from './support/measure';
import type { BenchSection, BenchTable } from './support/section';
import { bigWorkbook } from './support/workbooks';

function engine(rows: number, factors: number, runs: number): (string | number)[] {
  const wb = bigWorkbook(rows, factors);
  const checks: number[] = [];
  const plans: number[] = [];
  let ops = 0;
  for (let i = 0; i < runs; i++) {
    checks.push(time(() => analyze(wb)).ms);
    const p = time(() => buildPlan(wb));
    plans.push(p.ms);
    ops = p.value.plan.ops.length;
  }
  // a workbook that already matches: the plan is empty
  const prepared = simulate(wb, buildPlan(wb).plan.ops);
  const again = time(() => buildPlan(prepared));
  return [size(rows, factors), ms(median(checks)), ms(median(plans)), ops, ms(again.ms), again.value.plan.ops.length];
}

/**
 * The questions Stap 2 asks before a factor moves (Eerder/Later) or goes, on the prepared
 * workbook (Resultaat, Prioritering and the rest written, so the product's formulas that read
 * the factor columns are there to tell from the team's): the 2nd factor one place later, and
 * removed with its column deleted. Median of `runs`.
 */
function questions(rows: number, factors: number, runs: number): (string | number)[] {
  const wb = bigWorkbook(rows, factors);
  const prepared = simulate(wb, buildPlan(wb).plan.ops);
  const werkblad = analyze(prepared).werkblad!;
  const sheet = findWerkbladSheet(prepared)!;
  const moves: number[] = [];
  const removals: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const m = time(() => factorMoveImpact(prepared, sheet, werkblad, 1, 1));
    moves.push(m.ms);
    found = m.value.ok ? m.value.seen.length : -1;
    removals.push(time(() => factorRemovalImpact(prepared, sheet, werkblad, 1, { shiftColumns: true })).ms);
  }
  return [size(rows, factors), ms(median(moves)), found, ms(median(removals))];
}

export const section: BenchSection = {
  id: 'engine',
  title: 'Engine (src/core, in process)',
  order: 10,
  estimate: '~10 s',
  async run({ quick }): Promise<BenchTable[]> {
    const rows = [engine(1000, 12, 5)];
    if (!quick) rows.push(engine(10000, 20, 3));
    const asked = [questions(30, 8, 5), questions(1000, 12, 3)];
    return [
      {
        title: 'check and plan',
        columns: ['size', 'check', 'check+plan', 'plan ops', 're-plan prepared', 're-plan ops'],
        rows,
        notes: ['median of 5 runs at 1,000 rows, 3 at 10,000; re-plan is one run on the workbook the plan produced'],
      },
      {
        title: 'Stap 2 factor questions (referenceBreaks.ts)',
        columns: ['size', 'move question', 'formulas found (product’s included)', 'removal question'],
        rows: asked,
        notes: [
          'the 2nd factor one place later, and removed with its column deleted, on the prepared workbook; median of 5 runs at 30 rows, 3 at 1,000',
          'the product’s formulas among those found are told apart by one plan (teamsOnly)',
        ],
      },
    ];
  },
};

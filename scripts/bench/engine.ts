/** Bench section: the pure engine (check, plan, re-plan of a prepared workbook). */
import { analyze } from '../../src/core/analyze';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
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

export const section: BenchSection = {
  id: 'engine',
  title: 'Engine (src/core, in process)',
  order: 10,
  estimate: '~10 s',
  async run({ quick }): Promise<BenchTable[]> {
    const rows = [engine(1000, 12, 5)];
    if (!quick) rows.push(engine(10000, 20, 3));
    return [
      {
        title: 'check and plan',
        columns: ['size', 'check', 'check+plan', 'plan ops', 're-plan prepared', 're-plan ops'],
        rows,
        notes: ['median of 5 runs at 1,000 rows, 3 at 10,000; re-plan is one run on the workbook the plan produced'],
      },
    ];
  },
};

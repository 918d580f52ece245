/**
 * Benchmarks (figures, not tests): engine check + plan time for 1,000 rows × 12 factors
 * and 10,000 × 20; CLI `apply` wall time and peak memory on a 1,000-row workbook.
 * Run: npm run bench
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../src/core/analyze';
import { DEFAULT_LONGLIST } from '../src/core/defaults';
import { buildPlan } from '../src/core/plan';
import { simulate } from '../src/core/simulate';
import { newWorkbookPlan } from '../src/core/template';
import type { CellValue, WorkbookSnapshot } from '../src/core/snapshot';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function bigWorkbook(rows: number, factors: number, seed = 1): WorkbookSnapshot {
  const base = simulate({ sheets: [] }, newWorkbookPlan({ factors: Array.from({ length: factors }, (_, i) => `Succesfactor ${i + 1}`), now: new Date('2026-11-28') }).plan.ops);
  const ws = base.sheets[0];
  const r = rng(seed);
  for (let i = 0; i < rows; i++) {
    const e = DEFAULT_LONGLIST[i % DEFAULT_LONGLIST.length];
    const line: CellValue[] = [e.opgave, i < DEFAULT_LONGLIST.length ? e.koppelkans : `${e.koppelkans} (${i})`];
    for (let f = 0; f < factors; f++) line.push(r() < 0.05 ? null : Math.floor(r() * 21) - 10);
    ws.values[5 + i] = [...line, ...(ws.values[5 + i]?.slice(line.length) ?? [])];
  }
  return base;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function engine(rows: number, factors: number, runs: number): void {
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
  console.log(
    `engine ${rows} rows × ${factors} factors: check ${median(checks).toFixed(1)} ms, check+plan ${median(plans).toFixed(1)} ms (median of ${runs}; ${ops} ops), re-plan of prepared workbook ${again.ms.toFixed(1)} ms (${again.value.plan.ops.length} ops)`,
  );
}

async function cli(rows: number, factors: number): Promise<void> {
  const { XlsxWorkbook } = await import('../src/workbook/xlsx/XlsxWorkbook');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-'));
  const input = path.join(dir, 'in.xlsx');
  const output = path.join(dir, 'out.xlsx');
  const wb = XlsxWorkbook.create();
  const snap = bigWorkbook(rows, factors);
  // write the raw workbook (werkblad + longlist only) as a user would have it
  const ops = newWorkbookPlan({ factors: Array.from({ length: factors }, (_, i) => `Succesfactor ${i + 1}`) }).plan.ops.filter(
    (o) => o.kind !== 'setValidation' && (o.sheet === snap.sheets[0].name || o.sheet === snap.sheets[1].name),
  );
  await wb.apply({ ops });
  const cells = snap.sheets[0].values.slice(5, 5 + rows).map((line) => line.slice(0, 2 + factors).map((v) => (v === null ? { clear: true as const } : typeof v === 'number' ? { number: v } : { text: String(v) })));
  await wb.apply({ ops: [{ kind: 'setCells', sheet: snap.sheets[0].name, cell: 'A6', cells }] });
  await wb.writeFileAtomic(input);
  const runner = path.join(dir, 'run.cjs');
  fs.writeFileSync(
    runner,
    `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
const { main } = require(${JSON.stringify(path.resolve(__dirname, '../src/cli/main.ts'))});
const t = process.hrtime.bigint();
main(['apply', ${JSON.stringify(input)}, '-o', ${JSON.stringify(output)}], { out: () => {}, err: (s) => process.stderr.write(s) }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }));
});`,
  );
  const res = spawnSync(process.execPath, [runner], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  const m = JSON.parse(res.stdout.trim().split('\n').pop()!);
  const size = fs.statSync(output).size;
  console.log(
    `cli apply ${rows} rows × ${factors} factors: ${m.ms.toFixed(0)} ms inside the process (exit ${m.code}), peak RSS ${(m.maxRssKb / 1024).toFixed(0)} MiB, output ${(size / 1024).toFixed(0)} KiB`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

async function mainBench(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  engine(1000, 12, 5);
  engine(10000, 20, 3);
  await cli(1000, 12);
}

if (require.main === module) {
  mainBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

/** Bench section: the command line `apply` on generated .xlsx files (wall time, peak RSS). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { newWorkbookPlan } from '../../src/core/template';
import { bytes, ms, size } from './support/measure';
import type { BenchSection, BenchTable } from './support/section';
import { bigWorkbook, factorNames } from './support/workbooks';

/** Writes a raw workbook (werkblad + longlist only, as a user would have it) to `file`. */
export async function writeRawWorkbook(file: string, rows: number, factors: number): Promise<void> {
  const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
  const wb = XlsxWorkbook.create();
  const snap = bigWorkbook(rows, factors);
  const ops = newWorkbookPlan({ factors: factorNames(factors) }).plan.ops.filter(
    (o) => o.kind !== 'setValidation' && (o.sheet === snap.sheets[0].name || o.sheet === snap.sheets[1].name),
  );
  await wb.apply({ ops });
  const cells = snap.sheets[0].values
    .slice(5, 5 + rows)
    .map((line) => line.slice(0, 2 + factors).map((v) => (v === null ? { clear: true as const } : typeof v === 'number' ? { number: v } : { text: String(v) })));
  await wb.apply({ ops: [{ kind: 'setCells', sheet: snap.sheets[0].name, cell: 'A6', cells }] });
  await wb.writeFileAtomic(file);
}

async function applyOnce(rows: number, factors: number): Promise<(string | number)[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'out.xlsx');
    await writeRawWorkbook(input, rows, factors);
    const runner = path.join(dir, 'run.cjs');
    fs.writeFileSync(
      runner,
      `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
const { main } = require(${JSON.stringify(path.resolve(__dirname, '../../src/cli/main.ts'))});
const t = process.hrtime.bigint();
main(['apply', ${JSON.stringify(input)}, '-o', ${JSON.stringify(output)}], { out: () => {}, err: (s) => process.stderr.write(s) }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS }));
});`,
    );
    const res = spawnSync(process.execPath, [runner], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(res.stderr);
    const m = JSON.parse(res.stdout.trim().split('\n').pop()!);
    return [size(rows, factors), ms(m.ms), m.code, `${(m.maxRssKb / 1024).toFixed(0)} MiB`, bytes(fs.statSync(output).size)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const section: BenchSection = {
  id: 'cli',
  title: 'Command line: koppelkansen apply',
  order: 20,
  estimate: '~10 s',
  async run(): Promise<BenchTable[]> {
    return [
      {
        title: 'apply IN.xlsx -o OUT.xlsx',
        columns: ['size', 'wall time in process', 'exit', 'peak RSS', 'output'],
        rows: [await applyOnce(1000, 12)],
      },
    ];
  },
};

/**
 * Kill test: `koppelkansen apply --in-place` killed at random moments (SIGKILL, SIGTERM,
 * SIGINT), 50 times. The input is always either the old file or a complete new workbook,
 * and after the next run no temporary file is left.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { analyze } from '../../src/core/analyze';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { BIN, ensureCliBuilt } from '../helpers/cli';

const NOW = new Date('2026-11-28T12:00:00Z');
const RUNS = 50;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-kill-'));
  ensureCliBuilt();
}, 300000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A small deterministic sequence (no Math.random: a failure can be replayed). */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function runKilled(file: string, afterMs: number, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'apply', file, '--in-place'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

test(`apply --in-place killed at ${RUNS} random moments leaves the old file or a complete new one, and no temporary file after the next run`, async () => {
  const made = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(made, { wijk: 'Lelystad Oost', now: NOW });
  const filled = await XlsxWorkbook.fromBuffer(await made.toBuffer());
  await filled.apply({ ops: sampleDataOps(analyze(await filled.readSnapshot(), { now: NOW }), { koppelkansen: 8, scored: 6 }) });
  const base = Buffer.from(await filled.toBuffer());
  const file = path.join(dir, 'werkmap.xlsx');

  // how long one undisturbed run takes here, to spread the kills over it
  fs.writeFileSync(file, base);
  const started = Date.now();
  const full = spawnSync(process.execPath, [BIN, 'apply', file, '--in-place'], { encoding: 'utf8' });
  const duration = Math.max(200, Date.now() - started);
  expect(full.status).not.toBe(2);

  const random = sequence(8);
  const signals: NodeJS.Signals[] = ['SIGKILL', 'SIGTERM', 'SIGINT'];
  let replaced = 0;
  let kept = 0;
  let run = 0;
  const killAt = async (afterMs: number): Promise<void> => {
    const i = run++;
    fs.writeFileSync(file, base);
    await runKilled(file, afterMs, signals[i % signals.length]);
    const now = fs.readFileSync(file);
    if (now.equals(base)) {
      kept++;
      return;
    }
    replaced++;
    // not the old file: then a complete workbook that reads and analyses
    const back = await XlsxWorkbook.fromBuffer(now);
    expect(analyze(await back.readSnapshot(), { now: NOW }).kind).toBe('koppelkansen');
    // SIGTERM and SIGINT clean up after themselves
    if (i % signals.length !== 0) expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  };
  for (let i = 0; i < RUNS; i++) await killAt(Math.floor(random() * duration * 1.3));
  // The kills must land on both sides of the rename, or the test proves little. How long a
  // run takes depends on the machine's load (CI on a quiet machine, or two busy loops), so
  // the one measured run above is only an estimate: when every kill landed on one side,
  // move the moments (later, or earlier) until the other side is hit too.
  for (let extra = 0; extra < 20 && (replaced === 0 || kept === 0); extra++) {
    await killAt(replaced === 0 ? Math.floor(duration * (1.3 + 0.5 * (extra + 1))) : Math.floor(duration * 0.5 ** (extra + 2)));
  }
  // the next run removes what a SIGKILL left behind
  fs.writeFileSync(file, base);
  const res = await main(['apply', file, '--in-place'], { out: () => undefined, err: () => undefined, now: NOW });
  expect(res).not.toBe(2);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  // the kills hit both sides of the rename (otherwise the test proves little)
  expect(replaced).toBeGreaterThan(0);
  expect(kept).toBeGreaterThan(0);
}, 1200000);

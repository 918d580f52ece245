/**
 * Kill test: `koppelkansen apply --in-place` killed at random moments (SIGKILL, SIGTERM,
 * SIGINT). The input is always either the old file or a complete new workbook, and after
 * the next run no temporary file is left.
 *
 * Where the kills land: until the command makes its first change in the file's folder (in
 * this product: the temporary file, src/cli/safeWrite.ts `writeFileSafely`), the folder is
 * as it was, so a kill anywhere in that stretch leaves the old file and no temporary file:
 * the same outcome for every moment in it. That stretch (start-up, reading, planning) is
 * about 85 % of a run, so random moments over the whole run (this test until 2026-12-02:
 * 50 of them) put only about one kill in eight into the write phase, and one in four after
 * the run had ended. Now most kills are timed from the child's first change in the folder
 * (fs.watch; whatever it is, so a product that wrote into the file itself would be killed
 * mid-write too): a random moment of the write phase (write, fsync, check of the written
 * package, rename, exit) as one undisturbed run measured it, stretched by 1.3. Every fifth
 * kill lands at a random moment of the stretch before. 15 runs: 12 in the write phase
 * (more than the 50 gave), 3 before it.
 */
import { spawn } from 'child_process';
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
const RUNS = 15;
/** Every `BEFORE_WRITE`-th run is killed before the child's first change in the folder; the others in its write phase. */
const BEFORE_WRITE = 5;
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

/**
 * Runs `apply FILE --in-place` and sends `signal` `afterMs` ms after the start, or, with
 * `fromWrite`, `afterMs` ms after the child's first change in the file's folder (never when
 * the child ended first). Resolves when the child has exited.
 */
function runKilled(file: string, afterMs: number, signal: NodeJS.Signals, fromWrite = false): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'apply', file, '--in-place'], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const watcher = fromWrite
      ? fs.watch(path.dirname(file), () => {
          timer ??= setTimeout(() => child.kill(signal), afterMs);
        })
      : undefined;
    if (!fromWrite) timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      watcher?.close();
      resolve();
    });
  });
}

/** One undisturbed run: ms from the start until its first change in the file's folder, and until it exited. */
function timedRun(file: string): Promise<{ writeAt: number; exitAt: number; code: number | null }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let writeAt = -1;
    const child = spawn(process.execPath, [BIN, 'apply', file, '--in-place'], { stdio: 'ignore' });
    const watcher = fs.watch(path.dirname(file), () => {
      if (writeAt < 0) writeAt = Date.now() - started;
    });
    child.on('exit', (code) => {
      watcher.close();
      const exitAt = Date.now() - started;
      resolve({ writeAt: writeAt < 0 ? exitAt : writeAt, exitAt, code });
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

  // how long one undisturbed run takes here, and when it starts writing, to spread the kills over it
  fs.writeFileSync(file, base);
  const full = await timedRun(file);
  const duration = Math.max(200, full.exitAt);
  const writePhase = Math.max(50, full.exitAt - full.writeAt);
  expect(full.code).not.toBe(2);

  const random = sequence(8);
  const signals: NodeJS.Signals[] = ['SIGKILL', 'SIGTERM', 'SIGINT'];
  let replaced = 0;
  let kept = 0;
  let run = 0;
  const killAt = async (afterMs: number, fromWrite = false): Promise<void> => {
    const i = run++;
    fs.writeFileSync(file, base);
    await runKilled(file, afterMs, signals[i % signals.length], fromWrite);
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
  for (let i = 0; i < RUNS; i++) {
    if (i % BEFORE_WRITE === BEFORE_WRITE - 1) await killAt(Math.floor(random() * full.writeAt));
    else await killAt(Math.floor(random() * writePhase * 1.3), true);
  }
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

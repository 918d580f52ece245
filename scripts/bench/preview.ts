/**
 * Bench section: the browser preview in Debian's Chromium (playwright-core, headless), at
 * 1,000 and 5,000 koppelkansen × 12 success factors.
 *
 * - time to interactive: from navigation until "Werkmap voorbereiden" can be clicked
 *   (template workbook), and from choosing a prepared .xlsx of N rows in "Open .xlsx…"
 *   until the Scoren view shows its first koppelkans;
 * - score commit: one score typed in Scoren and committed (Enter on the last factor) until
 *   the pane has finished the operation (its `data-completed` counter moved) and the next
 *   frame has been painted; beside it the longest main-thread task in that time (the
 *   "hitch" a user sees). Median of several commits.
 *
 * Every commit types a score other than the cell's (committing the same value writes nothing,
 * so no operation would finish), and every wait ends in a named failure after a timeout
 * instead of hanging. `BENCH_PREVIEW_PROFILE=<prefix>` also records a CPU profile of the commits.
 *
 * `BENCH_PREVIEW_ROWS=5000` picks sizes. Figures, never assertions. Needs Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) and a
 * build of the preview (dist-preview/ from `npm run build:preview` when fresh, else a build into a temporary directory).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEET_NAMES } from '../../src/core/layout';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { launch } from '../../tests/e2e/support/browser';
import { previewBuildDir } from '../../tests/e2e/support/previewBuild';
import { serveStatic } from '../../tests/e2e/support/staticServer';
import { median, ms, size } from './support/measure';
import type { BenchSection, BenchTable, BenchTarget } from './support/section';
import { bigWorkbook, factorNames } from './support/workbooks';

const NOW = new Date('2026-11-28T10:00:00Z');
const FACTORS = 12;
const COMMITS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A prepared Koppelkansen workbook of `rows` × `factors` as .xlsx bytes (what a team would open). */
async function preparedXlsx(rows: number, factors: number): Promise<Uint8Array> {
  const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
  const wb = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(wb, { factors: factorNames(factors), now: NOW });
  const data = bigWorkbook(rows, factors).sheets[0].values.slice(5, 5 + rows);
  const cells = data.map((line) =>
    line.slice(0, 2 + factors).map((v) => (v === null ? { clear: true as const } : typeof v === 'number' ? { number: v } : { text: String(v) })),
  );
  await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'A6', cells }] });
  await prepareWorkbook(wb, { now: NOW });
  return wb.toBuffer();
}

interface PreviewFigures {
  template: number;
  open: number;
  commit: number;
  commitMax: number;
  longTask: number;
  /** With BENCH_PREVIEW_PROFILE: the commits' CPU profile file and its top self times. */
  hotspots: string[];
}

/** How long one commit may take before the bench gives up on it (a hang is a bug, reported, never waited out). */
const COMMIT_TIMEOUT_MS = 60_000;
/** How long opening the N-row workbook may take (parsing and analysing 5,000 rows on a busy 2-core machine). */
const OPEN_TIMEOUT_MS = 300_000;

/**
 * A score in −10..10 that differs from `current` (what the input shows now), so that the
 * commit really writes: a commit of the value already in the cell writes nothing and
 * finishes no operation (ScorenView forgets the draft without calling the session).
 */
function differentScore(current: string, i: number): string {
  const candidates = [5, -5, 3, -3, 7, -7, 1, -1, 9, -9];
  const start = i % candidates.length;
  for (let k = 0; k < candidates.length; k++) {
    const v = String(candidates[(start + k) % candidates.length]);
    if (v !== current.trim()) return v;
  }
  return '0';
}

/** Runs `step`; a Playwright timeout or any failure is re-thrown naming what the bench was waiting for. */
async function waitingFor<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw new Error(`bench preview: ${what}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/**
 * With BENCH_PREVIEW_PROFILE=<file prefix>: a V8 CPU profile of the commits at each size
 * (`<prefix>-<rows>.cpuprofile`, open it in Chromium's DevTools) and the functions with the
 * most self time printed under the table (a production build has short names: build the
 * preview with `--mode development` into a directory and pass it as E2E_DIST to see ours).
 */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The `top` call frames by self time (ms) in a CPU profile. */
function selfTimes(profile: CpuProfile, top: number): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byNode.get(id);
    if (!f) return;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${ms(v)} ${k}`);
}

async function measure(url: string, rows: number, file: string): Promise<PreviewFigures> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(COMMIT_TIMEOUT_MS);
    // tsx (esbuild) wraps named functions in __name(): functions sent to page.evaluate need it in the page too
    await page.addInitScript('window.__name = (f) => f;');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/preview.html?start=sjabloon`);
    await waitingFor('the template workbook ("Werkmap voorbereiden" enabled)', () =>
      page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Werkmap voorbereiden') && !b.disabled), null, {
        timeout: OPEN_TIMEOUT_MS,
      }),
    );
    const template = await page.evaluate(() => performance.now());

    // every main-thread task over 50 ms, from now on
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: false });
    });

    const t0 = Date.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    // the opened workbook gets a new session (the pane starts at Start again): wait for it, then open Scoren
    await waitingFor(`the opened workbook of ${rows} rows (Start counts ${rows} koppelkansen)`, () =>
      page.locator('[data-testid="count-koppelkansen"]', { hasText: new RegExp(`^${rows}$`) }).waitFor({ timeout: OPEN_TIMEOUT_MS }),
    );
    await page.getByRole('tab', { name: 'Scoren', exact: true }).click();
    const scoren = page.getByRole('tabpanel', { name: 'Scoren', exact: true });
    await waitingFor(`Scoren showing "Koppelkans 1 van ${rows}"`, () => scoren.getByText(`Koppelkans 1 van ${rows}`).waitFor({ timeout: OPEN_TIMEOUT_MS }));
    const open = Date.now() - t0;

    const group = scoren.getByRole('group', { name: /^Scores voor / });
    const last = group.getByRole('textbox').nth(FACTORS - 1);
    const profileFile = process.env.BENCH_PREVIEW_PROFILE ? `${process.env.BENCH_PREVIEW_PROFILE}-${rows}.cpuprofile` : null;
    const cdp = profileFile ? await browser.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const commits: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < COMMITS; i++) {
      await last.click();
      // a value other than the one in the cell: committing the same value writes nothing (and finishes no operation)
      const value = differentScore(await last.inputValue(), i);
      await last.fill(value);
      const result = await page.evaluate(
        async ({ timeout, value }) => {
          const w = window as unknown as { longTasks: { start: number; duration: number }[] };
          const counter = () => Number(document.querySelector('[data-completed]')?.getAttribute('data-completed') ?? '0');
          const before = counter();
          const input = document.activeElement;
          if (!(input instanceof HTMLInputElement) || input.value !== value)
            return { error: `the score input does not hold the typed ${value} (focus on ${input?.tagName ?? 'nothing'})` };
          const start = performance.now();
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
          // the session finished the write (its completed-operations counter moved: run() ends every apply with it)
          const moved = await new Promise<boolean>((resolve) => {
            const check = () => {
              if (counter() > before) resolve(true);
              else if (performance.now() - start > timeout) resolve(false);
              else setTimeout(check, 0);
            };
            check();
          });
          if (!moved)
            return {
              error: `the pane's data-completed counter stayed at ${before} for ${timeout} ms after Enter on ${value}: the commit wrote nothing or never finished`,
            };
          // the frame that shows it
          await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const end = performance.now();
          const longest = Math.max(0, ...w.longTasks.filter((t) => t.start + t.duration >= start && t.start <= end).map((t) => t.duration));
          return { ms: end - start, longest };
        },
        { timeout: COMMIT_TIMEOUT_MS, value },
      );
      if ('error' in result)
        throw new Error(`bench preview, ${rows} rows, commit ${i + 1}: ${result.error}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
      // the write really landed: the input shows the value with no "Nog niet opgeslagen" under it (a kept draft)
      await waitingFor(`commit ${i + 1} of ${value} stored (input shows it, no unsaved draft, no error)`, async () => {
        await page.waitForFunction(
          (v) => {
            const input = document.activeElement;
            const group = input?.closest('[role="group"]');
            return input instanceof HTMLInputElement && input.value === v && !group?.textContent?.includes('Nog niet opgeslagen');
          },
          value,
          { timeout: COMMIT_TIMEOUT_MS },
        );
      });
      commits.push(result.ms);
      tasks.push(result.longest);
    }
    let hotspots: string[] = [];
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(profileFile, JSON.stringify(profile));
      hotspots = [`CPU profile of the ${COMMITS} commits: ${profileFile}; most self time:`, ...selfTimes(profile, 15).map((l) => `  ${l}`)];
      await cdp.detach();
    }
    if (errors.length) throw new Error(`bench preview, ${rows} rows: errors in the page: ${errors.join(' | ')}`);
    return { template, open, commit: median(commits), commitMax: Math.max(...commits), longTask: median(tasks), hotspots };
  } finally {
    await browser.close();
  }
}

/** Rows to measure: `BENCH_PREVIEW_ROWS=5000` (comma-separated) picks sizes; `--quick` 1,000 only. */
function sizes(quick: boolean): number[] {
  const env = process.env.BENCH_PREVIEW_ROWS;
  if (env)
    return env
      .split(',')
      .map((n) => Number(n.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  return quick ? [1000] : [1000, 5000];
}

export const section: BenchSection = {
  id: 'preview',
  title: 'Browser preview in headless Chromium: time to interactive and one score commit',
  order: 50,
  estimate: '~2 min',
  async run(options): Promise<BenchTable[]> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium missing (${CHROMIUM}): apt-get install chromium`);
    const build = previewBuildDir();
    const server = await serveStatic(build.dir);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-preview-'));
    const rows: (string | number)[][] = [];
    const targets: BenchTarget[] = [];
    const hotspots: string[] = [];
    try {
      for (const n of sizes(options.quick)) {
        const file = path.join(dir, `werkmap-${n}.xlsx`);
        fs.writeFileSync(file, await preparedXlsx(n, FACTORS));
        const f = await measure(server.url, n, file);
        rows.push([size(n, FACTORS), ms(f.template), ms(f.open), ms(f.commit), ms(f.commitMax), ms(f.longTask)]);
        if (f.hotspots.length) hotspots.push(`${size(n, FACTORS)}: ${f.hotspots[0]}`, ...f.hotspots.slice(1));
        if (n === 5000) targets.push({ figure: `preview score commit, ${size(n, FACTORS)}`, value: ms(f.commit), target: '< 50 ms', met: f.commit < 50 });
      }
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return [
      {
        title: `preview (${build.built ? 'built for this run' : 'dist-preview/'}), prepared workbook opened with "Open .xlsx…"`,
        columns: [
          'workbook',
          'interactive (template)',
          'open → Scoren ready',
          `score commit (median of ${COMMITS})`,
          'slowest commit',
          'longest task in a commit',
        ],
        rows,
        notes: [
          'interactive: performance.now() at the moment "Werkmap voorbereiden" is enabled, template workbook',
          'score commit: a score other than the one in the cell typed in the last factor, Enter until the pane finished the write (data-completed moved) and painted the next frame; afterwards checked stored (no unsaved draft); target < 50 ms at 5,000 rows',
          'longest task: the longest main-thread task (PerformanceObserver "longtask", only tasks over 50 ms count; 0 = none) during the commit',
          ...hotspots,
        ],
        targets,
      },
    ];
  },
};

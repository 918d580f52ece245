/**
 * Bench section: the browser preview in Debian's Chromium (playwright-core, headless), at
 * 1,000 and 5,000 koppelkansen × 12 success factors.
 *
 * - time to interactive: from navigation until "Werkmap voorbereiden" can be clicked
 *   (template workbook), and from choosing a prepared .xlsx of N rows in "Open .xlsx…"
 *   until the Scoren view shows its first koppelkans;
 * - score commit: one score typed in Scoren and committed (a real Enter on the last factor),
 *   from that keydown's time stamp until the first frame that shows the result has been
 *   painted: the pane finished the write (its `data-completed` counter moved), the input holds
 *   the value with no "Nog niet opgeslagen" under it, and the grid beside the pane shows the
 *   row's recomputed total (its Totalen cell equals the pane's new total). Checked on every
 *   animation frame; the end is a task queued in that frame, which runs after its paint.
 *   Beside it the longest main-thread task in that time (the "hitch" a user sees). Median and
 *   p90 of 15 commits (`BENCH_PREVIEW_COMMITS`); the target is judged on the p90.
 *
 * Every commit types a score other than the cell's (committing the same value writes nothing,
 * so no operation would finish), and every wait ends in a named failure after a timeout
 * instead of hanging. `BENCH_PREVIEW_PROFILE=<prefix>` also records a CPU profile of the commits,
 * `BENCH_PREVIEW_TRACE=<prefix>` a Chrome trace (style, layout, paint and script per commit).
 *
 * `BENCH_PREVIEW_ROWS=5000` picks sizes. Figures, never assertions. Needs Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH) and a
 * build of the preview (dist-preview/ from `npm run build:preview` when fresh, else a build into a temporary directory).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEET_NAMES } from '../../src/core/layout';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../../tests/e2e/support/browser';
import { previewBuildDir } from '../../tests/e2e/support/previewBuild';
import { serveStatic } from '../../tests/e2e/support/staticServer';
import { median, ms, quantile, size } from './support/measure';
import type { BenchSection, BenchTable, BenchTarget } from './support/section';
import { bigWorkbook, factorNames } from './support/workbooks';

const NOW = new Date('2026-11-28T10:00:00Z');
const FACTORS = 12;
/** Commits measured per size (`BENCH_PREVIEW_COMMITS` changes it): enough for a p90 that is not simply the slowest. */
const COMMITS = Number(process.env.BENCH_PREVIEW_COMMITS) || 15;
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
  /** p90 of the commits (nearest rank): "reliably under 50 ms" is judged on it. */
  commitP90: number;
  commitMax: number;
  longTask: number;
  /** Commits whose new total equalled the old one (so the grid showed no visible change to wait for). */
  unchangedTotals: number;
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
  startTime?: number;
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * The `top` call frames by self time in a CPU profile, in ms per commit when `windows` (the
 * commits' [start, end] in the trace clock, µs, which the profiler's time stamps share) limits
 * the samples to the commits, else in ms over the whole profile.
 */
function selfTimes(profile: CpuProfile, top: number, windows: [number, number][] | null): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, number>();
  let t = profile.startTime ?? 0;
  (profile.samples ?? []).forEach((id, i) => {
    const delta = profile.timeDeltas?.[i] ?? 0;
    t += delta;
    if (windows && !windows.some(([a, b]) => t >= a && t <= b)) return;
    const f = byNode.get(id);
    if (!f) return;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + delta / 1000);
  });
  const per = windows ? windows.length : 1;
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${ms(v / per)} ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * With BENCH_PREVIEW_TRACE=<file prefix>: a Chrome trace (DevTools' Performance panel opens
 * it) of the commits. `stop` writes it and returns the commits' windows (between the page's
 * bench-commit-start and -end marks, trace clock in µs) and the renderer main thread's self
 * time per event name inside them (style recalculation, layout, paint, script, GC), per commit.
 */
async function startTrace(context: BrowserContext, page: Page): Promise<{ stop(file: string): Promise<{ windows: [number, number][]; top: string[] }> }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disable-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'blink', 'cc', 'gpu'].join(','),
    transferMode: 'ReturnAsStream',
  });
  return {
    async stop(file) {
      const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
      await cdp.send('Tracing.end');
      const stream = await complete;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      await cdp.detach();
      fs.writeFileSync(file, text);
      const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
      const starts = events.filter((e) => e.name === 'bench-commit-start').map((e) => e.ts);
      const ends = events.filter((e) => e.name === 'bench-commit-end').map((e) => e.ts);
      const windows = starts.map((a): [number, number] => [a, ends.find((b) => b > a) ?? a]);
      const mark = events.find((e) => e.name === 'bench-commit-start');
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark?.pid);
      if (!main || !windows.length) return { windows, top: ['(no commit marks or renderer main thread in the trace)'] };
      // self time: each complete event's duration less its direct children's, clipped to the windows
      const slices = events
        .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const inside = (a: number, b: number) => windows.reduce((sum, [x, y]) => sum + Math.max(0, Math.min(b, y) - Math.max(a, x)), 0);
      const self = new Map<string, number>();
      const stack: { e: TraceEvent; end: number; children: [number, number][] }[] = [];
      const close = (top: { e: TraceEvent; end: number; children: [number, number][] }) => {
        let own = inside(top.e.ts, top.end);
        for (const [a, b] of top.children) own -= inside(a, b);
        self.set(top.e.name, (self.get(top.e.name) ?? 0) + own);
      };
      for (const e of slices) {
        const end = e.ts + (e.dur ?? 0);
        while (stack.length && stack[stack.length - 1].end <= e.ts) close(stack.pop()!);
        if (stack.length) stack[stack.length - 1].children.push([e.ts, end]);
        stack.push({ e, end, children: [] });
      }
      while (stack.length) close(stack.pop()!);
      const top = [...self.entries()]
        .filter(([, v]) => v > 0)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15)
        .map(([name, v]) => `${ms(v / 1000 / windows.length)} ${name}`);
      return { windows, top };
    },
  };
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
    const traceFile = process.env.BENCH_PREVIEW_TRACE ? `${process.env.BENCH_PREVIEW_TRACE}-${rows}.json` : null;
    const tracer = traceFile ? await startTrace(browser.context, page) : null;
    const commits: number[] = [];
    const tasks: number[] = [];
    /** Commits after which the grid's total was the same as before (a weight of 0, say): the wait then proved less. */
    let unchangedTotals = 0;
    // where the grid shows this koppelkans's total: its row (the pane says "· rij N") and the Totalen column
    const row = Number(/· rij (\d+)/.exec(await scoren.innerText())?.[1] ?? NaN);
    if (!Number.isInteger(row)) throw new Error(`bench preview, ${rows} rows: Scoren does not say the koppelkans's row ("· rij N")`);
    for (let i = 0; i < COMMITS; i++) {
      await last.click();
      // a value other than the one in the cell: committing the same value writes nothing (and finishes no operation)
      const value = differentScore(await last.inputValue(), i);
      await last.fill(value);
      // the watcher is in place before the key goes down: it takes the real keydown's time stamp as
      // the start and ends at the first frame that shows the result, painted
      const armed = await page.evaluate(
        ({ timeout, value, row }) => {
          const w = window as unknown as { longTasks: { start: number; duration: number }[]; benchCommit?: Promise<unknown> };
          const counter = () => Number(document.querySelector('[data-completed]')?.getAttribute('data-completed') ?? '0');
          const before = counter();
          const input = document.activeElement;
          if (!(input instanceof HTMLInputElement) || input.value !== value)
            return `the score input does not hold the typed ${value} (focus on ${input?.tagName ?? 'nothing'})`;
          const group = input.closest('[role="group"]');
          const grid = document.querySelector('[role="region"][aria-label^="Inhoud van blad"]');
          const norm = (t: string | null | undefined) =>
            (t ?? '')
              .trim()
              .replace(/\u2212/g, '-')
              .replace(/^–$/, '');
          /** The text of the grid's cell under "Totalen" in `row` ('' when the row or column is not rendered). */
          const gridTotal = (): string | null => {
            const trs = [...(grid?.querySelectorAll('tbody tr') ?? [])];
            const rowOf = (n: number) => trs.find((tr) => tr.querySelector('th')?.textContent === String(n));
            const tds = (n: number) => [...(rowOf(n)?.querySelectorAll('td') ?? [])];
            const column = tds(3).findIndex((td) => td.textContent === 'Totalen');
            return column < 0 ? null : norm(tds(row)[column]?.textContent);
          };
          const gridBefore = gridTotal();
          const rowText = (n: number) =>
            [...(grid?.querySelectorAll('tbody tr') ?? [])].find((tr) => tr.querySelector('th')?.textContent === String(n))?.textContent?.slice(0, 200) ??
            '(not rendered)';
          let start: number | null = null;
          window.addEventListener(
            'keydown',
            (e) => {
              if (e.key !== 'Enter') return;
              start = e.timeStamp;
              performance.mark('bench-commit-start');
            },
            { capture: true, once: true },
          );
          w.benchCommit = new Promise((resolve) => {
            const deadline = performance.now() + timeout;
            const frame = () => {
              const paneTotal = norm(document.querySelector('[data-testid="score-total"]')?.textContent);
              const shownTotal = gridTotal();
              // stored (the pane finished the write, the input shows the value, no "Nog niet opgeslagen"
              // under it) and recomputed (the grid's total of the row is the pane's new total)
              const done =
                start !== null &&
                counter() > before &&
                input.value === value &&
                !group?.textContent?.includes('Nog niet opgeslagen') &&
                shownTotal !== null &&
                shownTotal === paneTotal;
              if (done) {
                // this frame is being drawn now; a task queued here runs after it is painted
                setTimeout(() => {
                  const end = performance.now();
                  performance.mark('bench-commit-end');
                  const longest = Math.max(0, ...w.longTasks.filter((t) => t.start + t.duration >= start! && t.start <= end).map((t) => t.duration));
                  resolve({ ms: end - start!, longest, changed: shownTotal !== gridBefore });
                }, 0);
              } else if (performance.now() > deadline)
                resolve({
                  error: `nothing shown ${timeout} ms after Enter on ${value}: ${start === null ? 'no Enter seen; ' : ''}data-completed ${before} → ${counter()}, input ${input.value}, grid total ${shownTotal ?? '(no Totalen cell)'} vs pane ${paneTotal}; grid row ${row}: ${rowText(row)}; header: ${rowText(3)}; pane scores: ${[...(group?.querySelectorAll('input') ?? [])].map((x) => x.value).join(' ')}`,
                });
              else requestAnimationFrame(frame);
            };
            requestAnimationFrame(frame);
          });
          return null;
        },
        { timeout: COMMIT_TIMEOUT_MS, value, row },
      );
      if (armed) throw new Error(`bench preview, ${rows} rows, commit ${i + 1}: ${armed}`);
      await last.press('Enter');
      const result = (await page.evaluate(() => (window as unknown as { benchCommit: Promise<unknown> }).benchCommit)) as
        { ms: number; longest: number; changed: boolean } | { error: string };
      if ('error' in result)
        throw new Error(`bench preview, ${rows} rows, commit ${i + 1}: ${result.error}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
      if (!result.changed) unchangedTotals++;
      commits.push(result.ms);
      tasks.push(result.longest);
    }
    const hotspots: string[] = [];
    const windows = tracer && traceFile ? await tracer.stop(traceFile) : null;
    if (windows)
      hotspots.push(
        `Chrome trace of the ${COMMITS} commits: ${traceFile}; main-thread self time per commit, only inside the commits:`,
        ...windows.top.map((l) => `  ${l}`),
      );
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(profileFile, JSON.stringify(profile));
      hotspots.push(
        `CPU profile of the ${COMMITS} commits: ${profileFile}; most self time per commit${windows ? ', only inside the commits' : ' (with the test driver between them)'}:`,
        ...selfTimes(profile, 15, windows?.windows ?? null).map((l) => `  ${l}`),
      );
      await cdp.detach();
    }
    if (errors.length) throw new Error(`bench preview, ${rows} rows: errors in the page: ${errors.join(' | ')}`);
    return {
      template,
      open,
      commit: median(commits),
      commitP90: quantile(commits, 0.9),
      commitMax: Math.max(...commits),
      longTask: median(tasks),
      unchangedTotals,
      hotspots,
    };
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
        rows.push([size(n, FACTORS), ms(f.template), ms(f.open), ms(f.commit), ms(f.commitP90), ms(f.commitMax), ms(f.longTask)]);
        if (f.unchangedTotals) hotspots.push(`${size(n, FACTORS)}: in ${f.unchangedTotals} of ${COMMITS} commits the row's total stayed the same`);
        if (f.hotspots.length) hotspots.push(`${size(n, FACTORS)}: ${f.hotspots[0]}`, ...f.hotspots.slice(1));
        if (n === 5000)
          targets.push({
            figure: `preview score commit, ${size(n, FACTORS)}, median / p90 of ${COMMITS}`,
            value: `${ms(f.commit)} / ${ms(f.commitP90)}`,
            target: 'p90 < 50 ms',
            met: f.commitP90 < 50,
          });
      }
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return [
      {
        title: `preview (${build.built ? 'built for this run' : path.relative(process.cwd(), build.dir) || build.dir}), prepared workbook opened with "Open .xlsx…"`,
        columns: [
          'workbook',
          'interactive (template)',
          'open → Scoren ready',
          `score commit (median of ${COMMITS})`,
          'p90',
          'slowest commit',
          'longest task in a commit',
        ],
        rows,
        notes: [
          'interactive: performance.now() at the moment "Werkmap voorbereiden" is enabled, template workbook',
          "score commit: a score other than the one in the cell typed in the last factor; from the Enter keydown's time stamp until the frame that shows it stored (data-completed moved, no unsaved draft) and the grid's Totalen cell of the row equal to the pane's new total has been painted; target < 50 ms at 5,000 rows, judged on the p90 (nearest rank), so that it holds for nearly every commit, not only the typical one",
          'longest task: the longest main-thread task (PerformanceObserver "longtask", only tasks over 50 ms count; 0 = none) during the commit',
          ...hotspots,
        ],
        targets,
      },
    ];
  },
};

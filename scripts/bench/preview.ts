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
}

async function measure(url: string, rows: number, file: string): Promise<PreviewFigures> {
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(300_000);
    // tsx (esbuild) wraps named functions in __name(): functions sent to page.evaluate need it in the page too
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${url}/preview.html?start=sjabloon`);
    await page.getByRole('button', { name: 'Werkmap voorbereiden' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Werkmap voorbereiden') && !b.disabled));
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
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: new RegExp(`^${rows}$`) }).waitFor();
    await page.getByRole('tab', { name: 'Scoren', exact: true }).click();
    const scoren = page.getByRole('tabpanel', { name: 'Scoren', exact: true });
    await scoren.getByText(`Koppelkans 1 van ${rows}`).waitFor();
    const open = Date.now() - t0;

    const group = scoren.getByRole('group');
    const inputs = group.getByRole('textbox');
    const last = inputs.nth(FACTORS - 1);
    const commits: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < COMMITS; i++) {
      await last.click();
      await last.fill(String((i % 19) - 9));
      const result = await page.evaluate(async () => {
        const w = window as unknown as { longTasks: { start: number; duration: number }[] };
        const counter = () => Number(document.querySelector('[data-completed]')?.getAttribute('data-completed') ?? '0');
        const before = counter();
        const input = document.activeElement as HTMLInputElement;
        const start = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        await new Promise<void>((resolve) => {
          const check = () => (counter() > before ? resolve() : setTimeout(check, 0));
          check();
        });
        // the frame that shows it
        await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const end = performance.now();
        const longest = Math.max(0, ...w.longTasks.filter((t) => t.start + t.duration >= start && t.start <= end).map((t) => t.duration));
        return { ms: end - start, longest };
      });
      commits.push(result.ms);
      tasks.push(result.longest);
    }
    return { template, open, commit: median(commits), commitMax: Math.max(...commits), longTask: median(tasks) };
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
    try {
      for (const n of sizes(options.quick)) {
        const file = path.join(dir, `werkmap-${n}.xlsx`);
        fs.writeFileSync(file, await preparedXlsx(n, FACTORS));
        const f = await measure(server.url, n, file);
        rows.push([size(n, FACTORS), ms(f.template), ms(f.open), ms(f.commit), ms(f.commitMax), ms(f.longTask)]);
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
          'score commit: Enter on the last factor until the pane finished the write and painted the next frame; target < 50 ms at 5,000 rows',
          'longest task: the longest main-thread task (PerformanceObserver "longtask", only tasks over 50 ms count; 0 = none) during the commit',
        ],
        targets,
      },
    ];
  },
};

/**
 * Issue 11 audit, gap C: the questions Stap 2 asks before removing or moving a
 * succesfactor, when they list cells and formulas by place (the team's "n.v.t.", a remark
 * far down, a formula in the column; a formula on the team's own sheet that reads the
 * column), in a 320 px pane: no serious or critical axe violation, the dialog and every
 * line of its list inside the pane's width (a formula or remark without spaces wraps
 * instead of widening it), and the list named as such for a screen reader. The workbook
 * is opened from an .xlsx made with the CLI and the xlsx adapter, as a team would open
 * theirs; the grid is never touched.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { main } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { axeViolations, formatViolations } from './support/axe';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { failOnPageErrors } from './support/pageErrors';
import { paneDriver } from './support/pane';
import { previewBuildDir } from './support/previewBuild';
import { serveStatic, type StaticServer } from './support/staticServer';

const run = chromiumAvailable() ? describe : describe.skip;

const WS = SHEET_NAMES.werkblad;
/** The 2nd factor's column (D on the template). */
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
/** A remark and a formula without a single space: they can only wrap anywhere. */
const REMARK = 'navragen-bij-de-GGD-en-de-woningcorporatie-voor-de-volgende-bijeenkomst-in-het-wijkcentrum';
const OWN_FORMULA = `='${WS}'!${D}7*2+'${WS}'!${D}6*3+'${WS}'!${D}7*4+'${WS}'!${D}6*5`;
const PANE_WIDTH = 320;

run('Stap 2: the factor questions with their list of cells, at 320 px (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let file = '';
  let factor = '';
  const pageErrors = failOnPageErrors();

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-factorvragen-')), 'team.xlsx');
    const io = { out: () => undefined, err: (s: string) => void process.stderr.write(`${s}\n`) };
    expect(await main(['new', file, '--wijk', 'Oost'], io)).toBe(0);
    const wb = await XlsxWorkbook.fromFile(file);
    const applied = await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 3 }], [{ number: 5 }], [{ text: 'n.v.t.' }]] },
        { kind: 'setCells', sheet: WS, cell: `${D}120`, cells: [[{ text: REMARK }], [{ formula: `=SUM(${D}6:${D}8)` }]] },
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: OWN_FORMULA }]] },
      ],
    });
    expect(applied.conflicts ?? []).toEqual([]);
    await wb.writeFileAtomic(file);
    factor = (await XlsxWorkbook.fromFile(file).then((w) => w.readSnapshot())).sheets.find((s) => s.name === WS)!.values[WERKBLAD.factorRow - 1][
      WERKBLAD.firstFactorColumn
    ] as string;

    server = await serveStatic(previewBuildDir().dir);
    browser = await launch();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: PANE_WIDTH, height: 900 });
    page.setDefaultTimeout(30_000);
    pageErrors.watch(page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { tab, panel } = paneDriver(() => page);
  const open = async (view: string) => {
    await tab(view).focus();
    await tab(view).press('Enter');
    await panel(view).waitFor();
    await panel(view).getByText('Laden…').waitFor({ state: 'detached' });
  };
  /** Keyboard: focus and Enter. */
  const press = async (button: Locator) => {
    await button.focus();
    await button.press('Enter');
  };
  /** Axe on the page with the dialog fully shown (Fluent fades it in), serious and critical only. */
  const axe = async () => {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const violations = await axeViolations(page, ['serious', 'critical']);
    return violations.length ? `${formatViolations(violations)} ${violations.map((v) => v.nodes.map((n) => n.failureSummary).join(' | ')).join(' | ')}` : '';
  };
  /** The dialog and each line of its list inside the pane: no horizontal overflow anywhere. */
  const fits = async (dialog: Locator) => {
    const m = await dialog.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const items = Array.from(el.querySelectorAll('li')).map((li) => ({ right: li.getBoundingClientRect().right, over: li.scrollWidth - li.clientWidth }));
      return {
        left: r.left,
        right: r.right,
        over: el.scrollWidth - el.clientWidth,
        items,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.right).toBeLessThanOrEqual(PANE_WIDTH);
    expect(m.over).toBeLessThanOrEqual(0);
    expect(m.page).toBeLessThanOrEqual(0);
    expect(m.items.length).toBeGreaterThan(0);
    for (const item of m.items) {
      expect(item.over).toBeLessThanOrEqual(0);
      expect(item.right).toBeLessThanOrEqual(m.right);
    }
  };

  it('opens the team’s .xlsx', async () => {
    // an empty workbook first, so that the file's werkblad showing up on Start says the file was read
    await page.goto(`${server.url}/preview.html?start=leeg`);
    await panel('Start').getByRole('button', { name: 'Koppelkansen-indeling aanmaken' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(file);
    await panel('Start').getByText('Werkblad (stap 2 en 3)').waitFor();
    await open('Stap 2');
    const stap2 = panel('Stap 2');
    const section = stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ });
    if ((await section.getAttribute('aria-expanded')) !== 'true') await press(section);
    await stap2
      .getByRole('listitem', { name: `Succesfactor 2: ${factor}` })
      .getByText('2 scores en 3 andere cellen')
      .waitFor();
  });

  it('the removal question names the cells and the formula, passes axe and fits 320 px; Escape keeps everything', async () => {
    const dialog = page.getByRole('alertdialog');
    await press(panel('Stap 2').getByRole('button', { name: `Verwijderen: ${factor}` }));
    await dialog.getByText('Deze succesfactor heeft 2 scores').waitFor();
    const list = dialog.getByRole('list', { name: 'Wat er verandert' });
    await expect(list.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      `${WS}!${D}8 (gaat verloren): n.v.t.`,
      `${WS}!${D}120 (gaat verloren): ${REMARK.slice(0, 79)}…`,
      `${WS}!${D}121 (gaat verloren): =SUM(${D}6:${D}8)`,
      `Eigen!A1: ${OWN_FORMULA.slice(0, 79)}…`,
    ]);
    expect(await axe()).toBe('');
    await fits(dialog);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await panel('Stap 2')
      .getByRole('listitem', { name: `Succesfactor 2: ${factor}` })
      .waitFor();
  });

  it('the move question names the formula that would read another factor, passes axe and fits 320 px; Escape keeps the order', async () => {
    const dialog = page.getByRole('alertdialog');
    await press(panel('Stap 2').getByRole('button', { name: `Later: ${factor}` }));
    await dialog.getByText(`“${factor}” later zetten?`).waitFor();
    // the team's formula far down the column (moved along by its text) and the one on Eigen both read the moved cells
    await expect(dialog.getByRole('list', { name: 'Wat er verandert' }).getByRole('listitem').allInnerTexts()).resolves.toEqual([
      `${WS}!${D}121: =SUM(${D}6:${D}8)`,
      `Eigen!A1: ${OWN_FORMULA.slice(0, 79)}…`,
    ]);
    expect(await axe()).toBe('');
    await fits(dialog);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await panel('Stap 2')
      .getByRole('listitem', { name: `Succesfactor 2: ${factor}` })
      .waitFor();
  });
});

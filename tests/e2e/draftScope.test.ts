/**
 * End to end (Chromium), regression: a draft typed in one preview workbook (text typed but
 * not saved) showed up in the next workbook started in the same browser, because drafts
 * were kept per computer. Now they are scoped by the stored workbook's own id: the draft
 * comes back after a reload of the same workbook, and a new workbook does not show it.
 */
import type { Page } from 'playwright-core';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { excelBuildDir, previewBuildDir } from './support/previewBuild';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';

const run = chromiumAvailable() ? describe : describe.skip;

run('drafts belong to the preview workbook they were typed in (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveStatic([previewBuildDir().dir, excelBuildDir().dir]);
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { panel, open } = paneDriver(() => page);
  const conclusion = () => panel('Notulen').getByRole('textbox', { name: 'Conclusie Stap 4' });
  const showStap4 = async () => {
    const header = panel('Notulen').getByRole('button', { name: /^Stap 4: leg conclusie vast/ });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  };

  it('a draft typed in one workbook survives a reload of it and does not appear in a new workbook', async () => {
    await page.goto(`${server.url}/preview.html`);
    await page.getByRole('button', { name: 'Werkmap voorbereiden' }).waitFor();
    await open('Notulen');
    await showStap4();
    await conclusion().fill('Alleen voor deze werkmap');
    await panel('Notulen').getByText('Nog niet opgeslagen').first().waitFor();

    // the same workbook after a reload: the draft is back, marked
    await page.locator('[data-browser-saving="0"]').waitFor();
    await page.reload();
    await page.getByText(/is teruggezet uit deze browser/).waitFor();
    await open('Notulen');
    await showStap4();
    await expect(conclusion().inputValue()).resolves.toBe('Alleen voor deze werkmap');
    await panel('Notulen').getByText('Nog niet opgeslagen (bewaard op deze computer)').first().waitFor();

    // a new workbook in the same browser: its own, empty conclusion
    await page.getByRole('button', { name: 'Nieuw sjabloon' }).click();
    await page.getByText(/is teruggezet uit deze browser/).waitFor({ state: 'detached' });
    await open('Notulen');
    await showStap4();
    await expect(conclusion().inputValue()).resolves.toBe('');
    expect(await panel('Notulen').getByText('Nog niet opgeslagen').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

/**
 * The onderbouwing's chart in the browser preview, on its own (independent of the long
 * preview.test.ts story): the Resultaat view draws the top-15 chart, says that an Excel
 * chart needs Excel, and "Onderbouwing maken" puts the chart, rasterised by the browser's
 * canvas, into the .docx with its alternative text.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { docxDocumentXml, docxText } from '../helpers/docxText';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { previewBuildDir } from './support/previewBuild';
import { failOnPageErrors } from './support/pageErrors';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';

const run = chromiumAvailable() ? describe : describe.skip;

run('the onderbouwing in the browser preview (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors = failOnPageErrors();

  beforeAll(async () => {
    server = await serveStatic(previewBuildDir().dir);
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    pageErrors.watch(page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { panel, open } = paneDriver(() => page);

  it('draws the top-15 chart in Resultaat and puts it, with alt text, into the Word document', async () => {
    await page.goto(`${server.url}/preview.html?start=voorbeeld`);
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: /^10$/ }).waitFor();
    await open('Resultaat');
    const chart = panel('Resultaat').getByRole('img', { name: /^Grafiek: automatische top 15/ });
    await chart.waitFor();
    const rows = await panel('Resultaat').locator('[data-testid="top-row"]').count();
    await expect(chart.locator('[data-testid^="chart-bar"]').count()).resolves.toBe(rows);
    // the preview cannot put a native chart into the workbook, and says so
    await panel('Resultaat')
      .getByText(/Een Excel-grafiek op het blad Resultaat kan alleen de invoegtoepassing in Excel maken/)
      .waitFor();

    await open('Notulen');
    const [doc] = await Promise.all([page.waitForEvent('download'), panel('Notulen').getByRole('button', { name: 'Onderbouwing maken' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-chart-')), doc.suggestedFilename());
    await doc.saveAs(file);
    const bytes = readFileSync(file);
    const zip = await JSZip.loadAsync(bytes);
    const png = Object.keys(zip.files).find((f) => /^word\/media\/.*\.png$/.test(f));
    expect(png).toBeDefined();
    const data = await zip.file(png!)!.async('uint8array');
    expect(String.fromCharCode(...data.slice(1, 4))).toBe('PNG');
    // drawn, not blank: a real chart compresses to several kilobytes
    expect(data.length).toBeGreaterThan(5000);
    expect(await docxDocumentXml(bytes)).toMatch(/descr="Staafdiagram van de automatische top 15/);
  });

  it('keeps the participants list typed in the pane in the workbook and puts it on the first page', async () => {
    await open('Notulen');
    const list = panel('Notulen').getByRole('textbox', { name: /Wie deden er mee/ });
    await list.fill('Anna de Vries (gemeente)\nPiet Bakker (netbeheerder); Anna de Vries (gemeente)');
    await panel('Notulen').getByRole('button', { name: 'Deelnemers opslaan' }).click();
    await panel('Notulen').getByText('Opgeslagen: 2 namen.').waitFor();
    // read back from the workbook: the field shows the stored list, one name per line, no duplicate
    await expect(list.inputValue()).resolves.toBe('Anna de Vries (gemeente)\nPiet Bakker (netbeheerder)');
    const [doc] = await Promise.all([page.waitForEvent('download'), panel('Notulen').getByRole('button', { name: 'Onderbouwing maken' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-deelnemers-')), doc.suggestedFilename());
    await doc.saveAs(file);
    const text = await docxText(readFileSync(file));
    expect(text).toMatch(/Anna de Vries \(gemeente\).*Piet Bakker \(netbeheerder\)/s);
  });
});

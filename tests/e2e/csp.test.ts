/**
 * The Content-Security-Policy (scripts/csp.js) in a real browser: the preview and the
 * Excel entry load, show every view, draw the chart and make the onderbouwing (blob:
 * image → canvas) with no CSP violation, in light and dark; Fluent UI's run-time styles
 * really apply. A control check shows the policy is enforced: injected inline script and
 * a filled <style> element are refused.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { excelBuildDir, previewBuildDir } from './support/previewBuild';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';

const VIEWS = ['Start', 'Controle', 'Scoren', 'Resultaat', 'Prioritering', 'WUP checklist', 'Notulen'];

const run = chromiumAvailable() ? describe : describe.skip;

/** Records every securitypolicyviolation event of a page, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...consoleCsp];
}

run('Content-Security-Policy in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic([previewBuildDir().dir, excelBuildDir().dir]);
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the preview shows every view, the chart and the onderbouwing without a CSP violation (light and dark)', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/preview.html?start=voorbeeld`);
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: /^10$/ }).waitFor();
    const { panel, open } = paneDriver(() => page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) await open(view);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('tabpanel', { name: 'Notulen', exact: true }).waitFor();
    await panel('Notulen').getByRole('button', { name: 'Onderbouwing maken' }).waitFor();
    const [doc] = await Promise.all([page.waitForEvent('download'), panel('Notulen').getByRole('button', { name: 'Onderbouwing maken' }).click()]);
    await doc.saveAs(join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-csp-')), doc.suggestedFilename()));
    // Griffel's styles apply: its <style> elements hold rules inserted through the CSS object model
    const rules = await page.evaluate(() => [...document.querySelectorAll('style')].reduce((n, s) => n + (s.sheet?.cssRules.length ?? 0), 0));
    expect(rules).toBeGreaterThan(100);
    // a Fluent button really is styled (not the browser's default)
    const padding = await page.getByRole('button', { name: 'Onderbouwing maken' }).evaluate((b) => getComputedStyle(b).borderRadius);
    expect(padding).not.toBe('0px');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the policy is enforced: injected inline script and filled <style> elements are refused', async () => {
    const page = await browser.context.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/preview.html`);
    await page.getByRole('button', { name: 'Werkmap voorbereiden' }).waitFor();
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.appendChild(s);
      const style = document.createElement('style');
      style.textContent = 'body { color: rgb(1, 2, 3) !important; }';
      document.head.appendChild(style);
      await new Promise((r) => setTimeout(r, 50));
      return { script: w.__injected === true, style: getComputedStyle(document.body).color === 'rgb(1, 2, 3)' };
    });
    expect(ran).toEqual({ script: false, style: false });
    await page.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length >= 2);
    const found = await violations();
    expect(found.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(found.some((v) => v.startsWith('style-src'))).toBe(true);
    await page.close();
  });

  it('the Excel entry loads office.js and its own files without a CSP violation', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    const violations = await watchViolations(page);
    const fakeOffice = `window.Office = { HostType: { Excel: 'Excel' }, onReady: function (cb) { return Promise.resolve(cb({ host: 'Word', platform: 'PC' })); } };`;
    await page.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOffice }));
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('alert').filter({ hasText: 'werkt alleen in Excel (nu geopend in Word)' }).waitFor();
    // the Internet Explorer notice (legacy-browser.js) ran and kept itself hidden
    await expect(page.locator('#legacy-browser').isVisible()).resolves.toBe(false);
    expect(await violations()).toEqual([]);
    await page.close();
  });
});

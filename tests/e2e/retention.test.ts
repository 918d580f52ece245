/**
 * The browser preview's retention rule in Chromium (the rule itself, with an injected
 * clock: tests/taskpane/retention.test.ts). The browser's clock is fixed with Playwright:
 * work kept on day 0 comes back on day 29; on the first visit after 30 days the preview
 * wipes it before it shows anything, and says so. "Wis alles wat deze preview bewaart"
 * asks first, then wipes the stored workbook and the typed names.
 */
import type { Page } from 'playwright-core';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { previewBuildDir } from './support/previewBuild';
import { failOnPageErrors } from './support/pageErrors';
import { serveStatic, type StaticServer } from './support/staticServer';

const run = chromiumAvailable() ? describe : describe.skip;
const DAY = 24 * 60 * 60 * 1000;
const DAY_0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** What the preview keeps in this browser: the stored workbook's file name and plan counts, and the product's localStorage keys. */
function kept(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ workbook: { fileName: string; plans: number; pristine: number } | null; keys: string[] }>((resolve, reject) => {
        const keys = Object.keys(localStorage)
          .filter((k) => k.startsWith('koppelkansen.'))
          .sort();
        const open = indexedDB.open('koppelkansen-voorbeeld');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('werkmap')) return resolve({ workbook: null, keys });
          const get = db.transaction('werkmap').objectStore('werkmap').get('huidig');
          get.onerror = () => reject(new Error(String(get.error)));
          get.onsuccess = () => {
            const r = get.result as { fileName: string; plans: unknown[]; pristine: number } | undefined;
            db.close();
            resolve({ workbook: r ? { fileName: r.fileName, plans: r.plans.length, pristine: r.pristine } : null, keys });
          };
        };
      }),
  );
}

run('what the browser preview keeps, and for how long (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors = failOnPageErrors();

  beforeAll(async () => {
    server = await serveStatic(previewBuildDir().dir);
    browser = await launch();
    page = await browser.context.newPage();
    pageErrors.watch(page);
    page.setDefaultTimeout(60_000);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const stored = () => page.locator('[data-browser-saving="0"]').waitFor();
  const ready = () => page.getByRole('button', { name: 'Werkmap voorbereiden' }).waitFor();

  /** Day 0: the sample workbook with a typed name, kept in this browser. */
  async function keepWorkOnDay0(): Promise<void> {
    await browser.context.clock.setFixedTime(DAY_0);
    await page.goto(`${server.url}/preview.html?start=voorbeeld`);
    const replace = page.getByRole('dialog').getByRole('button', { name: 'Vervangen' });
    await Promise.race([ready(), replace.waitFor()]);
    if (await replace.isVisible()) await replace.click();
    await ready();
    await page.evaluate(() => localStorage.setItem('koppelkansen.auteur', 'Ans de Vries'));
    await stored();
  }

  it('keeps the work on day 29 and wipes it on the first visit after 30 days, saying when it was last used', async () => {
    await keepWorkOnDay0();
    expect((await kept(page)).workbook?.fileName).toMatch(/\.xlsx$/);

    await browser.context.clock.setFixedTime(DAY_0 + 29 * DAY);
    await page.goto(`${server.url}/preview.html`);
    await page.getByText(/is teruggezet uit deze browser/).waitFor();
    await stored();
    expect((await kept(page)).keys).toContain('koppelkansen.auteur');

    // 30 days and a minute after the visit of day 29
    await browser.context.clock.setFixedTime(DAY_0 + 59 * DAY + 60_000);
    await page.goto(`${server.url}/preview.html`);
    await page.getByText(/is gewist: het was langer dan 30 dagen niet gebruikt/).waitFor();
    await ready();
    await stored();
    const after = await kept(page);
    expect(after.keys).toEqual(['koppelkansen.voorbeeld.laatstGebruikt']);
    // only the fresh template is stored again: nothing of the team's
    expect(after.workbook).toMatchObject({ plans: after.workbook?.pristine });
  });

  it('"Wis alles wat deze preview bewaart" asks first (Esc gives the focus back to it), then wipes the stored workbook and the typed names', async () => {
    await keepWorkOnDay0();
    await page.getByRole('button', { name: 'Wis alles wat deze preview bewaart' }).click();
    const ask = page.getByRole('dialog');
    await ask.getByText('Alles wissen wat deze preview bewaart?').waitFor();
    await ask.getByRole('button', { name: 'Annuleren' }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await kept(page)).keys).toContain('koppelkansen.auteur');

    // by keyboard: Esc closes the question and the focus is back on the button that opened it
    // (regression: it fell to the page's body)
    const wipe = page.getByRole('button', { name: 'Wis alles wat deze preview bewaart' });
    await wipe.focus();
    await page.keyboard.press('Enter');
    await ask.waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'));
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Wis alles wat deze preview bewaart');

    await page.getByRole('button', { name: 'Wis alles wat deze preview bewaart' }).click();
    await ask.getByRole('button', { name: 'Alles wissen' }).click();
    await page.getByText(/Alles wat deze preview in deze browser bewaarde is gewist/).waitFor();
    await ready();
    await stored();
    const after = await kept(page);
    expect(after.keys).toEqual([]);
    expect(after.workbook).toMatchObject({ plans: after.workbook?.pristine });
  });
});

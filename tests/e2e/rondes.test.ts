/**
 * A scoring round in the browser preview (Chromium), with one participant switching names
 * on one laptop (two browser pages cannot share the preview's memory workbook; the
 * simultaneous case is tests/taskpane/rondesSessionHook.test.tsx): Ans scores, the name
 * becomes Bram, who does not see Ans's scores and scores differently; the facilitator
 * reveals: median, spread and count per cell, the largest disagreement first, the names
 * hidden on request, the koppelkans whose rank differs named; adopting writes the werkblad
 * score and a note with the spread, the adopted value and why (read back from the
 * downloaded .xlsx).
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { readRondes } from '../../src/core/rondes';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { previewBuildDir } from './support/previewBuild';
import { failOnPageErrors } from './support/pageErrors';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';

const run = chromiumAvailable() ? describe : describe.skip;
const WHY = 'Bewoners zijn verdeeld; we kiezen het midden';

run('a scoring round in the browser preview (Chromium)', () => {
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

  it('scores apart under two names, reveals, hides names on request and adopts a score with a note', async () => {
    await page.goto(`${server.url}/preview.html?start=voorbeeld`);
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: /^10$/ }).waitFor();
    await open('Rondes');
    const rondes = panel('Rondes');
    const name = rondes.getByRole('textbox', { name: /Je naam/ });
    await name.fill('Ans');
    await name.blur();
    await rondes.getByRole('button', { name: 'Nieuwe ronde (alles)' }).click();
    await rondes.getByText('Ronde 1: nog niemand heeft gescoord').waitFor();

    const koppelkans = await rondes.getByRole('combobox', { name: 'Koppelkans' }).inputValue();
    const scoreBoxes = rondes.getByRole('textbox', { name: /^Jouw score voor / });
    const factors = await Promise.all([0, 1].map(async (i) => (await scoreBoxes.nth(i).getAttribute('aria-label'))!.replace('Jouw score voor ', '')));
    const own = (factor: string) => rondes.getByRole('textbox', { name: `Jouw score voor ${factor}`, exact: true });
    const score = async (factor: string, value: string, savedBefore: number) => {
      await own(factor).fill(value);
      await own(factor).press('Enter');
      // the ✓ "bewaard" appears when the score is read back from the Scorerondes sheet
      await rondes.getByRole('img', { name: 'bewaard' }).nth(savedBefore).waitFor();
    };

    // Ans scores on her own
    await score(factors[0], '-10', 0);
    await score(factors[1], '3', 1);
    await rondes.getByText('Ronde 1: 1 deelnemer heeft gescoord').waitFor();

    // the laptop passes to Bram: he does not see Ans's scores, nor the group's
    await name.fill('Bram');
    await name.blur();
    await expect(own(factors[0]).inputValue()).resolves.toBe('');
    await expect(own(factors[1]).inputValue()).resolves.toBe('');
    await expect(rondes.getByText(/mediaan/).count()).resolves.toBe(0);
    await score(factors[0], '10', 0);
    await score(factors[1], '5', 1);
    await rondes.getByText('Ronde 1: 2 deelnemers hebben gescoord').waitFor();

    // the facilitator reveals
    await rondes.getByRole('button', { name: 'Ronde 1 onthullen' }).click();
    await rondes.getByRole('heading', { name: 'Bespreek eerst' }).waitFor();
    const cards = rondes.getByTestId('ronde-cel');
    await expect(cards.count()).resolves.toBe(2);
    // largest disagreement first
    await expect(cards.nth(0).getAttribute('aria-label')).resolves.toBe(`${koppelkans} – ${factors[0]}`);
    await expect(cards.nth(0).innerText()).resolves.toContain('mediaan 0 · spreiding −10 tot 10 · 2 gescoord');
    await expect(cards.nth(0).innerText()).resolves.toContain('Ans: −10 · Bram: 10');
    await expect(cards.nth(1).innerText()).resolves.toContain('mediaan 4 · spreiding 3 tot 5 · 2 gescoord');
    await rondes.getByText(new RegExp(`Rang verschilt het meest tussen deelnemers bij: .*${koppelkans} \\(plaats`)).waitFor();

    // names hidden on request
    await rondes.getByRole('switch', { name: 'Namen verbergen' }).click();
    await cards.nth(0).getByText('Deelnemer 1: −10 · Deelnemer 2: 10').waitFor();
    await expect(rondes.getByText(/Ans:|Bram:/).count()).resolves.toBe(0);

    // the group adopts 4 (not the median) and says why
    const first = cards.nth(0);
    await expect(first.getByRole('textbox', { name: /^Groepsscore voor / }).inputValue()).resolves.toBe('0');
    await first.getByRole('textbox', { name: /^Groepsscore voor / }).fill('4');
    await first.getByRole('textbox', { name: /Waarom/ }).fill(WHY);
    await first.getByRole('button', { name: 'Vaststellen' }).click();
    await first.getByText(/vastgesteld: 4/).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .xlsx' }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-rondes-')), download.suggestedFilename());
    await download.saveAs(file);
    const snapshot = await (await XlsxWorkbook.fromBuffer(readFileSync(file))).readSnapshot();
    const werkblad = analyze(snapshot).werkblad!;
    const row = werkblad.rows.find((r) => r.koppelkans === koppelkans)!;
    expect(row.scores[werkblad.factors.findIndex((f) => f.name === factors[0])]).toBe(4);
    const note = readNotes(snapshot).notes.find((n) => n.text.startsWith('Score vastgesteld in ronde 1'));
    expect(note).toMatchObject({ koppelkans, factor: factors[0], step: 'Stap 3', kind: 'conclusie', author: 'Bram' });
    expect(note!.text).toContain(': 4 (mediaan 0, spreiding -10 tot 10, 2 deelnemers)');
    expect(note!.text).toContain(`Waarom: ${WHY}`);
    // every individual score is on the Scorerondes sheet, one row each
    const scores = readRondes(snapshot).rows.filter((r) => r.soort === 'score');
    expect(scores.map((r) => [r.deelnemer, r.factor, r.score]).sort()).toEqual(
      [
        ['Ans', factors[0], -10],
        ['Ans', factors[1], 3],
        ['Bram', factors[0], 10],
        ['Bram', factors[1], 5],
      ].sort(),
    );
  });
});

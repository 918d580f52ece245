/**
 * End to end: the browser preview in Debian's Chromium. Scores a koppelkans, sees its
 * total and the Resultaat change, reorders the Prioritering with a reason, downloads the
 * workbook and checks it with the .xlsx adapter; runs axe-core on every view (light and
 * dark); prints the time until the preview is interactive.
 */
import { spawn, type ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import JSZip from 'jszip';
import { docxDocumentXml, docxText } from '../helpers/docxText';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { excelBuildDir, previewBuildDir, ROOT } from './support/previewBuild';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';
import { axeViolations, formatViolations } from './support/axe';

const VIEWS = ['Start', 'Controle', 'Scoren', 'Resultaat', 'Prioritering', 'WUP checklist', 'Notulen'];
const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(ROOT, 'out', 'screenshots');

const run = chromiumAvailable() ? describe : describe.skip;

run('browser preview (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const build = previewBuildDir();
    if (build.built) console.log(`Preview gebouwd in ${build.dir} (${build.ms} ms)`);
    server = await serveStatic([build.dir, excelBuildDir().dir]);
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    // an error thrown anywhere in the page fails the test that was running (see afterEach)
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  }, 600_000);

  const pageErrors: string[] = [];
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { panel, open, completed, idle, settle } = paneDriver(() => page);
  /** Waits until the preview's copy in this browser's storage holds every change (before a reload). */
  const storedInBrowser = () => page.locator('[data-browser-saving="0"]').waitFor();
  /** True when the focused element is inside an open dialog. */
  const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"], [role="alertdialog"]'));

  it('becomes interactive with the template workbook', async () => {
    const t0 = Date.now();
    await page.goto(`${server.url}/preview.html`);
    const prepare = page.getByRole('button', { name: 'Werkmap voorbereiden' });
    await prepare.waitFor();
    await expectEnabled(prepare);
    const inPage = await page.evaluate(() => Math.round(performance.now()));
    console.log(`Tijd tot interactief (voorbeeld, headless Chromium): ${inPage} ms sinds navigatie (${Date.now() - t0} ms gemeten door de test)`);
    await panel('Start').getByText('blad “Werkblad koppelkansen kiezen”').waitFor();
  });

  it('scores a koppelkans: the live total, "n van m gescoord" and the Resultaat follow', async () => {
    await page.getByRole('button', { name: 'Voorbeeld met gegevens' }).click();
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: /^10$/ }).waitFor();
    await open('Resultaat');
    const firstBefore = await panel('Resultaat').locator('[data-testid="top-row"]').first().innerText();

    await open('Scoren');
    const scoren = panel('Scoren');
    // the preview's grid shows the sheet the scores go to
    await page.getByRole('tablist', { name: 'Bladen van de werkmap' }).getByRole('tab', { name: 'Werkblad koppelkansen kiezen', selected: true }).waitFor();
    await scoren.getByRole('combobox', { name: 'Ga naar koppelkans' }).click();
    const option = page.getByRole('option', { name: /^9\. / });
    const name = (await option.innerText())
      .replace(/^\s*9\.\s*/, '')
      .replace(/\s*✓\s*$/, '')
      .trim();
    await option.click();
    await scoren.getByRole('heading', { name }).waitFor();
    const inputs = scoren.getByRole('group', { name: `Scores voor ${name}` }).getByRole('textbox');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(1);
    await inputs.nth(0).fill('11');
    await inputs.nth(0).press('Tab');
    await scoren.getByText('11 ligt buiten -10 tot en met 10.', { exact: false }).waitFor();
    const before = await completed();
    for (let i = 0; i < count; i++) {
      await inputs.nth(i).fill('10');
      await inputs.nth(i).press(i === count - 1 ? 'Enter' : 'Tab');
    }
    await idle(before);
    await scoren
      .getByTestId('score-total')
      .filter({ hasText: new RegExp(`^${10 * count}$`) })
      .waitFor();
    await scoren.getByText(`${count} van ${count} gescoord`).waitFor();
    // the grid beside the pane shows the row's new total (regression: it kept the total the workbook held before)
    const row = /· rij (\d+)/.exec(await scoren.innerText())?.[1];
    const werkblad = page.getByRole('region', { name: /^Inhoud van blad Werkblad koppelkansen kiezen/ });
    const header = werkblad.locator('tbody tr[aria-rowindex="4"] td');
    const totalen = (await header.allInnerTexts()).indexOf('Totalen');
    expect(totalen).toBeGreaterThan(0);
    await werkblad
      .locator(`tbody tr[aria-rowindex="${Number(row) + 1}"] td`)
      .nth(totalen)
      .filter({ hasText: new RegExp(`^${10 * count}$`) })
      .waitFor();

    await open('Resultaat');
    const first = panel('Resultaat').locator('[data-testid="top-row"]').first();
    await expect(first.innerText()).resolves.toContain(name);
    expect(firstBefore).not.toContain(name);
  });

  it('previews other weights without writing and applies them on request', async () => {
    const res = panel('Resultaat');
    const slider = res.getByRole('slider').first();
    await slider.focus();
    await slider.press('End');
    await res.getByRole('heading', { name: /nieuwe wegingen/ }).waitFor();
    await res.getByText(/: 5 \(nu 1\)$/).waitFor();
    await res.getByRole('button', { name: 'Herstellen' }).click();
    await res.getByRole('heading', { name: 'Top 15' }).waitFor();

    await slider.press('End');
    await settle(() => res.getByRole('button', { name: 'Wegingen toepassen' }).click());
    await res.getByRole('heading', { name: 'Top 15' }).waitFor();
    await expect(res.getByRole('button', { name: 'Wegingen toepassen' }).isDisabled()).resolves.toBe(true);
  });

  const REASON = 'Sluit aan op de vervanging van de riolering in 2027';
  let movedTo = -1;
  let downloaded = '';

  it('the reason dialog keeps every key typed slowly while the CPU is busy, owns the focus and passes axe (regression: focus jumped to the list behind it)', async () => {
    await open('Prioritering');
    const prio = panel('Prioritering');
    await settle(() => prio.getByRole('button', { name: 'Automatische volgorde overnemen' }).click());
    const items = prio.getByTestId('prio-item');
    await items.nth(3).waitFor();
    // taking over the automatic order flags nothing, also where koppelkansen share a rank
    expect(await prio.getByText('Afwijking zonder reden').count()).toBe(0);
    // counted in the DOM: behind an open modal the grid's tabs are (rightly) hidden from the accessibility tree
    const sheetTabs = page.locator('[role="tablist"][aria-label="Bladen van de werkmap"] [role="tab"]');
    const sheetsBefore = await sheetTabs.count();

    // one up: an entry whose automatic rank is strictly below the one above it
    const ranks = await Promise.all((await items.all()).map(autoRankOf));
    let from = -1;
    for (let i = 2; i < ranks.length && from < 0; i++) if (ranks[i] && ranks[i - 1] && ranks[i]!.rank > ranks[i - 1]!.rank) from = i;
    expect(from).toBeGreaterThan(0);
    const moved = await entryName(items.nth(from));
    const up = prio.getByRole('button', { name: `${moved} omhoog` });

    const load: ChildProcess[] = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    const dialog = page.getByRole('dialog');
    try {
      await up.click();
      await dialog.waitFor().catch(async (e: unknown) => {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOTS, 'failure-reason-dialog.png') });
        throw e;
      });
      await page.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'));
      const box = dialog.getByRole('textbox', { name: /Omdat/ });
      await box.click();
      await box.pressSequentially(REASON, { delay: 100 });
      expect(await focusInDialog()).toBe(true);
      await expect(box.inputValue()).resolves.toBe(REASON);
      const name = dialog.getByRole('textbox', { name: /naam/ });
      await name.click();
      await name.pressSequentially('Notulist E2E', { delay: 100 });
      await expect(name.inputValue()).resolves.toBe('Notulist E2E');
      // Tab cycles inside the dialog; the pane behind is inert
      for (let k = 0; k < 8; k++) {
        await page.keyboard.press('Tab');
        expect(await focusInDialog()).toBe(true);
      }
      const violations = await axeViolations(page, ['serious', 'critical']);
      expect(formatViolations(violations)).toBe(formatViolations([]));
    } finally {
      for (const p of load) p.kill();
    }
    // every space went into the text: no stray sheet was added behind the dialog
    expect(await sheetTabs.count()).toBe(sheetsBefore);
    await settle(() => dialog.getByRole('button', { name: 'Reden opslaan' }).click());
    await dialog.waitFor({ state: 'detached' });
    movedTo = from - 1;
    await expect(entryName(items.nth(movedTo))).resolves.toBe(moved);
    await expect(items.nth(movedTo).getByRole('textbox', { name: 'Omdat…' }).inputValue()).resolves.toBe(REASON);
    await prio.getByText('Alles is bewaard in de werkmap.').waitFor();
    // focus is back on the control that moved the entry
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `${moved} omhoog`);
    expect(await prio.getByText('Afwijking zonder reden').count()).toBe(0);
  });

  it('Esc closes the reason dialog, keeps the typed reason as Omdat… and gives focus back; moving one entry flags that entry alone', async () => {
    const prio = panel('Prioritering');
    const items = prio.getByTestId('prio-item');
    const ranks = await Promise.all((await items.all()).map(autoRankOf));
    let last = -1;
    for (let i = ranks.length - 1; i >= 1 && last < 0; i--)
      if (i !== movedTo && i - 1 !== movedTo && ranks[i] && ranks[i - 1] && ranks[i]!.rank > ranks[i - 1]!.rank) last = i;
    expect(last).toBeGreaterThan(0);
    const name = await entryName(items.nth(last));
    const upLast = prio.getByRole('button', { name: `${name} omhoog` });
    await upLast.focus();
    await upLast.press('Alt+ArrowUp');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="dialog"]'));
    // typed slowly (a key per 100 ms) straight into the dialog, then Esc: nothing typed is lost
    const typed = 'Eerst de school';
    await page.keyboard.type(typed, { delay: 100 });
    expect(await focusInDialog()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, `${name} omhoog`);
    const moved = items.filter({ has: page.getByRole('button', { name: `${name} omhoog` }) });
    await expect(moved.getByRole('textbox', { name: 'Omdat…' }).inputValue()).resolves.toBe(typed);
    await expect(prio.getByText('Afwijking zonder reden').count()).resolves.toBe(0);
    await prio.getByText('Alles is bewaard in de werkmap.').waitFor();
    // and back with the keyboard: nothing flagged
    await settle(() => prio.getByRole('button', { name: `${name} omlaag` }).click());
    await expect(prio.getByText('Afwijking zonder reden').count()).resolves.toBe(0);
  });

  it('drag 3 → 1 flags only the dragged entry; "Naar plaats …" puts it back', async () => {
    const prio = panel('Prioritering');
    const items = prio.getByTestId('prio-item');
    await items.nth(0).scrollIntoViewIfNeeded();
    const names = await Promise.all([0, 1, 2].map((i) => entryName(items.nth(i))));
    const ranks = await Promise.all([0, 1, 2].map((i) => autoRankOf(items.nth(i))));
    const before = await completed();
    await dragAndDrop(page, items.nth(2).locator('[data-control="handle"]'), items.nth(0).locator('[data-testid="prio-name"]'));
    await idle(before);
    // the dragged entry now stands above entries with a better automatic rank: the reason dialog asks (and hides the pane behind it)
    const dialog = page.getByRole('dialog');
    const distinct = ranks[2]!.rank > ranks[0]!.rank;
    if (distinct) {
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Later' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await expect(Promise.all([0, 1, 2].map((i) => entryName(items.nth(i))))).resolves.toEqual([names[2], names[0], names[1]]);
    if (distinct) {
      // entries 1 and 2, which nobody touched, are not flagged
      await expect(prio.getByText('Afwijking zonder reden').count()).resolves.toBe(1);
      await items.nth(0).getByText('Afwijking zonder reden').waitFor();
    }
    // "Naar plaats …" with the keyboard: back to place 3
    await items
      .nth(0)
      .getByRole('button', { name: `${names[2]} naar plaats …` })
      .click();
    const place = dialog.getByRole('textbox', { name: /Nieuwe plaats/ });
    await place.waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[role="dialog"]') && document.activeElement.tagName === 'INPUT');
    // typed straight away, the place replaces the current one (regression: "3" after the shown "1" gave "13")
    await page.keyboard.type('3');
    await expect(place.inputValue()).resolves.toBe('3');
    await settle(() => page.keyboard.press('Enter'));
    await dialog.waitFor({ state: 'detached' });
    await expect(Promise.all([0, 1, 2].map((i) => entryName(items.nth(i))))).resolves.toEqual(names);
    await expect(prio.getByText('Afwijking zonder reden').count()).resolves.toBe(0);
  });

  it('typed reasons and verantwoordelijken survive a reload without pressing anything; ?start= asks before replacing', async () => {
    const prio = panel('Prioritering');
    const items = prio.getByTestId('prio-item');
    const who = items.nth(movedTo).getByRole('textbox', { name: 'Verantwoordelijke' });
    await who.click();
    await who.pressSequentially('Wethouder Jansen', { delay: 30 });
    const extra = items.nth(0).getByRole('textbox', { name: 'Omdat…' });
    await extra.click();
    await extra.pressSequentially('Staat al in de begroting', { delay: 30 });
    // no button pressed, no field left: the pause in typing writes it
    await prio.getByText('Alles is bewaard in de werkmap.').waitFor();
    await storedInBrowser();
    await page.reload();
    await page.getByText(/is teruggezet uit deze browser/).waitFor();
    await open('Prioritering');
    await expect(items.nth(movedTo).getByRole('textbox', { name: 'Verantwoordelijke' }).inputValue()).resolves.toBe('Wethouder Jansen');
    await expect(items.nth(0).getByRole('textbox', { name: 'Omdat…' }).inputValue()).resolves.toBe('Staat al in de begroting');
    await expect(items.nth(movedTo).getByRole('textbox', { name: 'Omdat…' }).inputValue()).resolves.toBe(REASON);

    // an address with ?start= never replaces the stored work without asking
    await page.goto(`${server.url}/preview.html?start=voorbeeld`);
    const ask = page.getByRole('dialog');
    await ask.getByText('Huidige werkmap vervangen?').waitFor();
    await ask.getByRole('button', { name: 'Annuleren' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(new URL(page.url()).search).toBe('');
    await open('Prioritering');
    await expect(items.nth(movedTo).getByRole('textbox', { name: 'Omdat…' }).inputValue()).resolves.toBe(REASON);
  });

  it('selects the cell of a problem from Controle', async () => {
    await open('Controle');
    const problem = panel('Controle').getByRole('listitem').first().getByRole('button');
    await problem.click();
    await page.locator('td[data-selected="true"]').waitFor();
  });

  it('the grid scrolls through every row of its sheet with the keyboard, rendering only the rows in view', async () => {
    await open('Scoren');
    const grid = page.getByRole('region', { name: /^Inhoud van blad Werkblad koppelkansen kiezen/ });
    const rows = Number(await grid.locator('table').getAttribute('aria-rowcount'));
    const rendered = await grid.locator('tbody tr[aria-rowindex]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(rows - 1);
    await grid.focus();
    await page.keyboard.press('End');
    await grid.locator(`tbody tr[aria-rowindex="${rows}"]`).waitFor();
    await page.keyboard.press('Home');
    await grid.locator('tbody tr[aria-rowindex="2"]').waitFor();
    await expect(grid.locator('tbody tr[aria-rowindex]').count()).resolves.toBeLessThan(rows - 1);
  });

  const NOTE_1 = '=Eerst de buurt spreken\nDaarna pas de raad';
  const NOTE_2 = 'Scoort laag op draagvlak: de straat is er net opnieuw bestraat';
  const ACTIE = 'Raadsvoorstel voorbereiden met deze top 5';
  const CONCLUSIE_4 = 'We nemen de eerste vijf koppelkansen mee in de WUP, in de volgorde van de Prioritering.';
  const noteOn: Record<string, string> = {};

  it("keeps the notulist's notes in several contexts through a reload, and writes the onderbouwing", async () => {
    // Stap 3, beside the scores of the current koppelkans (the one scored above)
    await open('Scoren');
    const scoren = panel('Scoren');
    const first = (await scoren.getByRole('heading', { level: 2 }).innerText()).trim();
    await scoren.getByText('Notulist: Notulist E2E').waitFor(); // asked once, remembered
    const composer = scoren.getByRole('textbox', { name: `Notitie bij “${first}”` });
    await composer.fill(NOTE_1);
    await settle(() => composer.press('Control+Enter'));
    await scoren.getByRole('listitem').filter({ hasText: 'Daarna pas de raad' }).waitFor();
    noteOn[NOTE_1] = first;

    // the next koppelkans: the note's context follows; Alt+2 makes it a redenering
    await scoren.getByRole('button', { name: 'Volgende →' }).click();
    const second = (await scoren.getByRole('heading', { level: 2 }).innerText()).trim();
    expect(second).not.toBe(first);
    await expect(scoren.getByRole('listitem').filter({ hasText: 'Daarna pas de raad' }).count()).resolves.toBe(0);
    const composer2 = scoren.getByRole('textbox', { name: `Notitie bij “${second}”` });
    await composer2.fill(NOTE_2);
    await composer2.press('Alt+2');
    await expect(scoren.getByRole('radio', { name: 'Redenering' }).isChecked()).resolves.toBe(true);
    await settle(() => composer2.press('Control+Enter'));
    await scoren.getByRole('listitem').filter({ hasText: NOTE_2 }).waitFor();
    noteOn[NOTE_2] = second;

    // Notulen: an actie with its owner and date, and the conclusion of Stap 4
    await open('Notulen');
    const notulen = panel('Notulen');
    const text = notulen.getByRole('textbox', { name: 'Notitie', exact: true });
    await text.fill(ACTIE);
    await text.press('Alt+5');
    await notulen
      .getByRole('textbox', { name: /^Verantwoordelijke/ })
      .first()
      .fill('Wethouder Jansen');
    await notulen.getByLabel('Datum (optioneel)').fill('2027-03-01');
    await settle(() => text.press('Control+Enter'));
    await notulen.getByRole('listitem').filter({ hasText: ACTIE }).waitFor();
    const header4 = notulen.getByRole('button', { name: /^Stap 4: leg conclusie vast/ });
    if ((await header4.getAttribute('aria-expanded')) !== 'true') await header4.click();
    const conclusion = notulen.getByRole('textbox', { name: 'Conclusie Stap 4' });
    await conclusion.fill(CONCLUSIE_4);
    await settle(() => conclusion.press('Control+Enter'));
    await notulen.getByRole('button', { name: /^Stap 4: leg conclusie vast ✓/ }).waitFor();

    // reload the page: everything comes back from the workbook kept in this browser
    await storedInBrowser();
    await page.reload();
    await page.getByText(/is teruggezet uit deze browser/).waitFor();
    await open('Notulen');
    for (const t of ['Daarna pas de raad', NOTE_2, ACTIE, REASON]) await notulen.getByRole('listitem').filter({ hasText: t }).first().waitFor();
    await notulen
      .getByRole('listitem')
      .filter({ hasText: ACTIE })
      .getByText(/Wethouder Jansen/)
      .waitFor();
    const header4b = notulen.getByRole('button', { name: /^Stap 4: leg conclusie vast/ });
    if ((await header4b.getAttribute('aria-expanded')) !== 'true') await header4b.click();
    await expect(notulen.getByRole('textbox', { name: 'Conclusie Stap 4' }).inputValue()).resolves.toBe(CONCLUSIE_4);

    // beside the scores again: only this koppelkans's notes
    await open('Scoren');
    await scoren.getByRole('combobox', { name: 'Ga naar koppelkans' }).click();
    await page.getByRole('option', { name: new RegExp(`^\\d+\\. ${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await scoren.getByRole('listitem').filter({ hasText: 'Daarna pas de raad' }).waitFor();
    await expect(scoren.getByRole('listitem').filter({ hasText: NOTE_2 }).count()).resolves.toBe(0);

    // the onderbouwing, read back from the .docx
    await open('Notulen');
    // unmarked discussion and redenering notes go in only as an appendix, when asked for
    await notulen.getByRole('checkbox', { name: 'Overige notities (discussie, redenering) als bijlage' }).check();
    const [doc] = await Promise.all([page.waitForEvent('download'), notulen.getByRole('button', { name: 'Onderbouwing maken' }).click()]);
    expect(doc.suggestedFilename()).toMatch(/\.docx$/);
    const docFile = join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-docx-')), doc.suggestedFilename());
    await doc.saveAs(docFile);
    const body = await docxText(readFileSync(docFile));
    for (const t of [REASON, CONCLUSIE_4, ACTIE, 'Wethouder Jansen', NOTE_2, 'Daarna pas de raad', first, second]) expect(body).toContain(t);
    expect(body.indexOf(NOTE_2)).toBeGreaterThan(body.indexOf('Bijlage 1: overige notities uit het gesprek'));
    // the top-15 chart, drawn by the browser's canvas, as a PNG with its alternative text
    const docZip = await JSZip.loadAsync(readFileSync(docFile));
    const png = Object.keys(docZip.files).find((f) => /^word\/media\/.*\.png$/.test(f));
    expect(png).toBeDefined();
    expect((await docZip.file(png!)!.async('uint8array')).length).toBeGreaterThan(2000);
    expect(await docxDocumentXml(readFileSync(docFile))).toMatch(/descr="Staafdiagram van de automatische top 15/);
    expect(body).toContain('=Eerst de buurt spreken');

    // the same as a new sheet in the workbook (what Excel for Windows and Mac offer)
    await settle(() => notulen.getByRole('button', { name: 'Als werkblad in de werkmap' }).click());
    await notulen.getByText(/Werkblad “Onderbouwing \d\d-\d\d-\d{4}” is toegevoegd/).waitFor();
    await page
      .getByRole('tablist', { name: 'Bladen van de werkmap' })
      .getByRole('tab', { name: /^Onderbouwing \d/, selected: true })
      .waitFor();
    await page
      .getByRole('region', { name: /^Inhoud van blad Onderbouwing/ })
      .getByText(REASON)
      .first()
      .waitFor();
  });

  it('downloads the workbook with the score, the order and the reason in it', async () => {
    const scoredName = await (async () => {
      await open('Resultaat');
      return (await panel('Resultaat').locator('[data-testid="top-row"]').first().locator('td').nth(1).innerText()).split('\n')[0].trim();
    })();
    await open('Prioritering');
    const uiOrder = await Promise.all((await panel('Prioritering').getByTestId('prio-item').all()).map(entryName));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .xlsx' }).click()]);
    const dir = mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-download-'));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    downloaded = file;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    const wb = await XlsxWorkbook.fromBuffer(readFileSync(file));
    const snapshot = await wb.readSnapshot();
    const a = analyze(snapshot);
    expect(a.werkblad!.factors[0].weging).toBe(5);
    const row = a.werkblad!.rows.find((r) => r.koppelkans === scoredName)!;
    expect(row.scores.every((s) => s === 10)).toBe(true);
    expect(a.top[0].koppelkans).toBe(scoredName);
    const entries = [...a.prioritering!.entries].sort((x, y) => x.place - y.place);
    expect(entries.map((e) => e.koppelkans)).toEqual(uiOrder);
    expect(entries[movedTo].omdat).toBe(REASON);
    const notes = readNotes(snapshot);
    const note = notes.notes.find((n) => n.text === REASON);
    expect(note).toMatchObject({ author: 'Notulist E2E', step: 'Stap 4', kind: 'redenering', koppelkans: entries[movedTo].koppelkans });
    // the notes written in the pane, with their context; "=" text stays text, line breaks survive
    expect(notes.notes.find((n) => n.text === NOTE_1)).toMatchObject({ step: 'Stap 3', kind: 'discussie', koppelkans: noteOn[NOTE_1], author: 'Notulist E2E' });
    expect(notes.notes.find((n) => n.text === NOTE_2)).toMatchObject({ step: 'Stap 3', kind: 'redenering', koppelkans: noteOn[NOTE_2] });
    expect(notes.notes.find((n) => n.text === ACTIE)).toMatchObject({ kind: 'actie', verantwoordelijke: 'Wethouder Jansen' });
    expect(notes.conclusions.find((c) => c.stap === 'Stap 4')?.text).toBe(CONCLUSIE_4);
  });

  it('opens an .xlsx into the page and shows what it holds', async () => {
    expect(downloaded).not.toBe('');
    await page.getByRole('button', { name: 'Lege werkmap' }).click();
    // the workbook holds the team's work: replacing it asks first, and offers to download it
    const ask = page.getByRole('dialog');
    const [first] = await Promise.all([page.waitForEvent('download'), ask.getByRole('button', { name: 'Eerst downloaden' }).click()]);
    expect(first.suggestedFilename()).toMatch(/\.xlsx$/);
    await ask.getByRole('button', { name: 'Vervangen' }).click();
    await open('Start');
    await panel('Start').getByRole('button', { name: 'Koppelkansen-indeling aanmaken' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(downloaded);
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: /^10$/ }).waitFor();
    await open('Prioritering');
    await expect(panel('Prioritering').getByRole('textbox', { name: 'Omdat…' }).nth(movedTo).inputValue()).resolves.toBe(REASON);
    // "on another computer": the notes come with the file
    await open('Notulen');
    for (const t of [NOTE_2, ACTIE]) await panel('Notulen').getByRole('listitem').filter({ hasText: t }).first().waitFor();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical accessibility violations on any view (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const view of VIEWS) {
        await open(view);
        const violations = await axeViolations(page, ['serious', 'critical']);
        if (violations.length) found.push(`${view}: ${formatViolations(violations)}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      expect(found).toEqual([]);
    });
  }

  it('the Excel entry explains itself when office.js cannot be loaded', async () => {
    const pane = await browser.context.newPage();
    await pane.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
    await pane.goto(`${server.url}/taskpane.html`);
    await pane.getByRole('alert').filter({ hasText: 'office.js' }).waitFor();
    await pane.close();
  });

  it('the Excel entry says so when it is opened in another Office application', async () => {
    const pane = await browser.context.newPage();
    const fakeOffice = `window.Office = { HostType: { Excel: 'Excel' }, onReady: function (cb) { return Promise.resolve(cb({ host: 'Word', platform: 'PC' })); } };`;
    await pane.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: fakeOffice }));
    await pane.goto(`${server.url}/taskpane.html`);
    await pane.getByRole('alert').filter({ hasText: 'werkt alleen in Excel (nu geopend in Word)' }).waitFor();
    await pane.close();
  });

  it('takes screenshots of the preview in light and dark, each showing its view without an error', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const files: Record<string, string[]> = { light: [], dark: [] };
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) {
        await open(view);
        // the selected tab's indicator has finished sliding when the tab is marked selected and the panel is visible
        await page.getByRole('tablist', { name: 'Onderdelen van Koppelkansen Kiezen' }).getByRole('tab', { name: view, exact: true, selected: true }).waitFor();
        await expect(panel(view).isVisible()).resolves.toBe(true);
        await expect(page.getByText('Dat lukte niet').count()).resolves.toBe(0);
        const file = join(SCREENSHOTS, `preview-${scheme}-${view.toLowerCase().replace(/\s+/g, '-')}.png`);
        const png = await page.screenshot({ path: file });
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(statSync(file).size).toBeGreaterThan(10_000);
        files[scheme].push(file);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // dark mode really is different
    files.light.forEach((f, i) => expect(readFileSync(f).equals(readFileSync(files.dark[i]))).toBe(false));
  });
});

async function expectEnabled(locator: import('playwright-core').Locator): Promise<void> {
  expect(await locator.isEnabled()).toBe(true);
}

/** Drag and drop with the mouse in small steps (like a hand would), as @dnd-kit's pointer sensor expects. */
async function dragAndDrop(page: Page, from: import('playwright-core').Locator, to: import('playwright-core').Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 - 8, { steps: 4 });
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 - 4, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 - 6, { steps: 2 });
  await page.mouse.up();
}

/** The automatic rank beside an entry and the last place it shares ("automatisch: 2 (gedeeld: plaats 2–3)"). */
async function autoRankOf(item: import('playwright-core').Locator): Promise<{ rank: number; last: number } | null> {
  const m = /automatisch: (\d+)(?: \(gedeeld: plaats \d+–(\d+)\))?/.exec(await item.innerText());
  return m ? { rank: Number(m[1]), last: Number(m[2] ?? m[1]) } : null;
}

async function entryName(item: import('playwright-core').Locator): Promise<string> {
  const text = await item.locator('[data-testid="prio-name"]').innerText();
  return text.replace(/^\d+\.\s*/, '').trim();
}

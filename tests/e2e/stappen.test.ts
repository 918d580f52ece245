/**
 * End to end, Stap 1 and Stap 2 in a 320 px pane, keyboard only, without touching the
 * grid: from a new template a team names the wijk, writes the Stap 1 conclusion, picks
 * 3 opgaven and 8 koppelkansen (one its own), removes one factor and adds another,
 * scores everything, reaches Resultaat and Prioritering, moves a succesfactor one place
 * later ("Later", which asks first: a formula of the team on its own sheet reads the moved
 * column) and its scores go with it; the downloaded .xlsx holds it all and
 * `koppelkansen check` finds no errors. axe on both views, and again (320 px) with
 * Scoren's toelichting and waarom open, a succesfactor being edited and each confirm dialog open.
 *
 * Keyboard focus after every write is checked (regression: removing a succesfactor, or
 * adding one, an own koppelkans or a conclusion with its button, dropped the focus to the
 * page's body, because the control was gone or disabled; a keyboard user had to start
 * again at the top of the page), and after a question is answered "no" (regression:
 * Escape or "Annuleren" on the question before removing a succesfactor or deselecting a
 * koppelkans left the focus on the page's body), and after "Tekst weggooien" (regression: the
 * button went with the text and the focus fell to the page's body).
 */
import { mkdtempSync } from 'fs';
import { columnLetter } from '../../src/core/a1';
import { RESULTAAT, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Locator, Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { analyze } from '../../src/core/analyze';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { readNotes } from '../../src/core/notes';
import type { PlanOp } from '../../src/core/snapshot';
import { wijkTitle } from '../../src/core/wijk';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { axeViolations, formatViolations } from './support/axe';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { previewBuildDir } from './support/previewBuild';
import { failOnPageErrors } from './support/pageErrors';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';

const run = chromiumAvailable() ? describe : describe.skip;

const WIJK = 'Lelystad Oost';
const STORY = 'Een groene, gezonde wijk waar bewoners elkaar ontmoeten.';
const OPGAVEN = ['Klimaatadaptatie', 'Gezondheid', 'Onderwijs'];
const OWN = 'Buurtkas op het schoolplein = leren*groeien?';
const REMOVED = 'Politiek scoren';
const ADDED = 'Zichtbaar voor bewoners';
const WS = SHEET_NAMES.werkblad;
/** The team's own formula on its own sheet, reading the 2nd factor's first score (the question names it before the move). */
const TEAM_FORMULA = `='${WS}'!${columnLetter(WERKBLAD.firstFactorColumn + 1)}${WERKBLAD.firstDataRow}*2`;

/** Per factor name, its scores by koppelkans, as the workbook at `file` holds them; and the factors in order. */
async function scoresByFactor(file: string): Promise<{ order: string[]; scores: Record<string, Record<string, number | null>> }> {
  const a = analyze(await (await XlsxWorkbook.fromFile(file)).readSnapshot());
  const w = a.werkblad!;
  const scores: Record<string, Record<string, number | null>> = {};
  w.factors.forEach((f, i) => {
    scores[f.name] = Object.fromEntries(w.rows.filter((r) => r.koppelkans).map((r) => [r.koppelkans, r.scores[i]]));
  });
  return { order: w.factors.map((f) => f.name), scores };
}

run('Stap 1 and Stap 2 in the pane (Chromium, 320 px, keyboard)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors = failOnPageErrors();
  const picked: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(previewBuildDir().dir);
    browser = await launch();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 900 });
    page.setDefaultTimeout(30_000);
    pageErrors.watch(page);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { tab, panel, settle } = paneDriver(() => page);
  /** Runs an action that writes to the workbook and waits until the pane has finished it. */
  const writes = settle;
  /** Opens a view with the keyboard only (this test never uses the mouse). */
  const open = async (view: string) => {
    await tab(view).focus();
    await tab(view).press('Enter');
    await panel(view).waitFor();
    await panel(view).getByText('Laden…').waitFor({ state: 'detached' });
  };
  /** Waits until the keyboard focus is on `target` (condition-based: the pane moves it after rendering the write). */
  const focusOn = async (target: Locator) => {
    try {
      await page.waitForFunction((el) => document.activeElement === el, await target.elementHandle());
    } catch (e) {
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return a ? `${a.tagName} "${a.getAttribute('aria-label') ?? ''}" ${(a.textContent ?? '').slice(0, 60)}` : 'nothing';
      });
      throw new Error(`The keyboard focus is not where the user goes on; it is on ${where}. ${(e as Error).message}`);
    }
  };
  /** Keyboard: focus and Space, then wait until the workbook is written and the box follows; the focus stays on the box. */
  const tick = async (box: Locator) => {
    await box.focus();
    await writes(() => box.press('Space'));
    await page.waitForFunction((el) => (el as HTMLInputElement).checked, await box.elementHandle());
    await focusOn(box);
  };
  /** Keyboard: focus and Enter on a button that writes to the workbook; waits for the write and for the focus at `then`. */
  const press = async (button: Locator, then: Locator) => {
    await button.focus();
    await writes(() => button.press('Enter'));
    await focusOn(then);
  };
  /** Keyboard: focus and Enter on a button that only shows or hides something in the pane. */
  const reveal = async (button: Locator) => {
    await button.focus();
    await button.press('Enter');
  };
  /** Downloads the workbook as .xlsx (the header's button; the test's own step, at a wide viewport) and returns its path. */
  const download = async (): Promise<string> => {
    await page.setViewportSize({ width: 1200, height: 900 });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .xlsx' }).click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-stappen-')), file.suggestedFilename());
    await file.saveAs(path);
    await page.setViewportSize({ width: 320, height: 900 });
    return path;
  };
  const fitsPane = async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  };

  it("Stap 1: names the wijk and writes the shared story (keeping a colleague's name keeps the focus in the field)", async () => {
    await page.goto(`${server.url}/preview.html?start=sjabloon`);
    await open('Stap 1');
    const stap1 = panel('Stap 1');
    const name = stap1.getByRole('textbox', { name: 'Naam van de wijk' });
    // a colleague names the wijk in Excel while it is being typed here: both versions show; keeping the
    // colleague's puts the keyboard focus back in the field (regression: it fell to the page's body)
    await name.fill('Oost');
    const ops: PlanOp[] = [{ kind: 'setCells', sheet: WS, cell: 'A1', cells: [[{ text: wijkTitle('Lelystad') }]] }];
    await page.evaluate((o) => window.koppelkansenCollega!.apply(o, { notify: true }), ops);
    const theirs = stap1.getByRole('button', { name: 'Versie van collega houden' });
    await reveal(theirs);
    await focusOn(name);
    expect(await name.inputValue()).toBe('Lelystad');
    await name.fill(WIJK);
    await writes(() => name.press('Enter'));
    await stap1.getByText('Opgeslagen in de werkmap.').waitFor();
    // the guide's dromen/drempels questions, with the wijk's name
    await reveal(stap1.getByRole('button', { name: 'Dromen: vragen voor het gesprek' }));
    await stap1.getByText(`In een wereld waarin alles kan, hoe ziet ${WIJK} er in de toekomst uit?`).waitFor();
    const story = stap1.getByRole('textbox', { name: 'Conclusie Stap 1' });
    await story.fill(STORY);
    await press(stap1.getByRole('button', { name: 'Conclusie opslaan' }), story);
    await stap1.getByText('Staat in Notulen').waitFor();
    await fitsPane();
  });

  it('Stap 2: picks 3 opgaven and 8 koppelkansen, one of them its own ("Tekst weggooien" of an own opgave keeps the focus in its field)', async () => {
    await open('Stap 2');
    const stap2 = panel('Stap 2');
    // an own opgave typed and thrown away: the button goes with the text, the keyboard focus goes back to
    // the name field (regression: it fell to the page's body)
    const ownOpgave = stap2.getByRole('group', { name: 'Eigen opgave toevoegen' }).getByRole('textbox', { name: 'Eigen opgave' });
    await ownOpgave.fill('Toch niet');
    await reveal(stap2.getByRole('group', { name: 'Eigen opgave toevoegen' }).getByRole('button', { name: 'Tekst weggooien' }));
    await focusOn(ownOpgave);
    expect(await ownOpgave.inputValue()).toBe('');
    for (const o of OPGAVEN) await tick(stap2.getByRole('list', { name: 'Opgaven' }).getByRole('checkbox', { name: o, exact: true }));
    await stap2.getByRole('button', { name: /^Opgaven \(3 gekozen\)/ }).waitFor();
    // two koppelkansen of each opgave from the list
    const NOT_MARK = /^(?!Minder concreet)/;
    const labelOf = (box: Locator) => box.evaluate((el) => ((el as HTMLInputElement).labels?.[0]?.innerText ?? '').trim());
    for (const o of OPGAVEN) {
      const group = stap2.getByRole('region', { name: o, exact: true });
      for (let i = 0; i < 2; i++) {
        const box = group.getByRole('checkbox', { name: NOT_MARK }).nth(i * 2);
        const label = await labelOf(box);
        await tick(box);
        picked.push(label);
      }
    }
    // one more through the search box
    const search = stap2.getByRole('searchbox', { name: 'Zoek een koppelkans' });
    const klimaat = stap2.getByRole('region', { name: 'Klimaatadaptatie', exact: true });
    const word = await labelOf(klimaat.getByRole('checkbox', { name: NOT_MARK, checked: false }).first());
    await search.fill(word);
    await tick(klimaat.getByRole('checkbox', { name: word, exact: true }));
    picked.push(word);
    await search.fill('');
    // its own koppelkans, under Onderwijs
    const form = stap2.getByRole('group', { name: 'Eigen koppelkans toevoegen' });
    // a closed native select takes the typed name (type-ahead), as with the keyboard in Excel's pane
    const bij = form.getByRole('combobox', { name: 'Bij opgave' });
    await bij.focus();
    await page.keyboard.type('Onderwijs');
    await page.waitForFunction((el) => (el as HTMLSelectElement).value === 'Onderwijs', await bij.elementHandle());
    const ownName = form.getByRole('textbox', { name: 'Eigen koppelkans' });
    await ownName.fill(OWN);
    await form.getByRole('textbox', { name: 'Toelichting bij de koppelkans' }).fill('Leerlingen kweken groente met regenwater.');
    await press(form.getByRole('button', { name: 'Koppelkans toevoegen' }), ownName);
    await stap2.getByRole('checkbox', { name: `${OWN} (eigen)`, checked: true }).waitFor();
    picked.push(OWN);
    await stap2.getByRole('button', { name: /^Koppelkansen \(8 gekozen\)/ }).waitFor();
    // the own koppelkans is "minder concreet": somebody makes it concrete
    const own = stap2.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: `${OWN} (eigen)` }) });
    await tick(own.getByRole('checkbox', { name: /Minder concreet/ }));
    const who = own.getByRole('textbox', { name: `Verantwoordelijke voor “${OWN}”` });
    await who.fill('Fatima');
    // no "Opslaan": leaving the field writes the name (typing alone does after a short pause)
    await writes(() => who.press('Tab'));
    await fitsPane();
  }, 300_000);

  it('Stap 2: removes one success factor and adds another; writes the step conclusion', async () => {
    const stap2 = panel('Stap 2');
    await reveal(stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ }));
    const factors = stap2.getByRole('list', { name: 'Succesfactoren' }).getByRole('listitem');
    const place = (await factors.evaluateAll((els, name) => els.findIndex((e) => e.getAttribute('aria-label')?.endsWith(`: ${name}`)), REMOVED)) + 1;
    expect(place).toBeGreaterThan(1);
    // the card goes; the focus moves to the card that took its place, not to the page
    await press(stap2.getByRole('button', { name: `Verwijderen: ${REMOVED}` }), factors.nth(place - 1));
    await stap2.getByRole('button', { name: /^Succesfactoren \(7\)/ }).waitFor();
    expect(await factors.nth(place - 1).getAttribute('aria-label')).toMatch(new RegExp(`^Succesfactor ${place}: `));
    const add = stap2.getByRole('group', { name: 'Succesfactor toevoegen' });
    const newName = add.getByRole('textbox', { name: 'Nieuwe succesfactor' });
    await newName.fill(ADDED);
    await add.getByRole('textbox', { name: 'Waarom deze succesfactor' }).fill('Bewoners zien snel resultaat in hun straat.');
    await press(add.getByRole('button', { name: 'Succesfactor toevoegen' }), newName);
    await stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ }).waitFor();
    await stap2.getByRole('listitem', { name: new RegExp(`^Succesfactor 8: ${ADDED}$`) }).waitFor();
    const conclusion = stap2.getByRole('textbox', { name: 'Conclusie Stap 2' });
    await conclusion.fill('Drie opgaven, acht koppelkansen, acht succesfactoren.');
    await press(stap2.getByRole('button', { name: 'Conclusie opslaan' }), conclusion);
    await fitsPane();
  });

  it('has no serious or critical accessibility violations on Stap 1 and Stap 2, in light and dark (the other views: preview.test.ts)', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const view of ['Stap 1', 'Stap 2']) {
        await open(view);
        // (axeViolations measures once the colour scheme's fade is over)
        const violations = await axeViolations(page, ['serious', 'critical']);
        if (violations.length) found.push(`${view} (${scheme}): ${formatViolations(violations)}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(found).toEqual([]);
  });

  it('scores all 8 koppelkansen, sees the factor reasons, and reaches Resultaat and Prioritering', async () => {
    await open('Scoren');
    const scoren = panel('Scoren');
    await scoren.getByText('Koppelkans 1 van 8').waitFor();
    // the toelichting and the factors' waarom are folded until asked for, so the scores stay in view at 320 px
    for (const name of ['Toelichting bij deze koppelkans', 'Waarom deze succesfactoren'])
      expect([name, await scoren.getByRole('button', { name }).getAttribute('aria-expanded')]).toEqual([name, 'false']);
    await reveal(scoren.getByRole('button', { name: 'Waarom deze succesfactoren' }));
    await scoren.getByText('Bewoners zien snel resultaat in hun straat.').waitFor();
    for (let k = 0; k < 8; k++) {
      await scoren.getByText(`Koppelkans ${k + 1} van 8`).waitFor();
      const inputs = scoren.getByRole('group', { name: /^Scores voor / }).getByRole('textbox');
      expect(await inputs.count()).toBe(8);
      for (let i = 0; i < 8; i++) {
        await inputs.nth(i).fill(String(((k + i) % 11) - 2));
        await writes(() => inputs.nth(i).press(i === 7 ? 'Enter' : 'Tab'));
      }
      await scoren.getByText('8 van 8 gescoord').waitFor();
      if (k < 7) await inputs.nth(7).press('PageDown');
    }
    await scoren.getByText('8 van 8 koppelkansen volledig gescoord').waitFor();
    await open('Resultaat');
    await expect(panel('Resultaat').locator('[data-testid="top-row"]').count()).resolves.toBe(8);
    await open('Prioritering');
    const overnemen = panel('Prioritering').getByRole('button', { name: 'Automatische volgorde overnemen' });
    await overnemen.focus();
    await writes(() => overnemen.press('Enter'));
    await panel('Prioritering').locator('[data-testid="prio-name"]').nth(7).waitFor();
    await fitsPane();
  }, 400_000);

  it('moves a scored succesfactor one place later with the keyboard: the question names the team formula, the scores go with their factor', async () => {
    // the team adds a formula of its own on its own sheet (in Excel; here to the downloaded file, opened again as a team would)
    const file = await download();
    const wb = await XlsxWorkbook.fromFile(file);
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: TEAM_FORMULA }]] },
      ],
    });
    await wb.writeFileAtomic(file);
    const before = await scoresByFactor(file);
    await page.locator('input[type="file"]').setInputFiles(file);
    // read: the team's sheet is among the workbook's sheets in the preview's grid (hidden beside a 320 px pane)
    await page
      .getByRole('tablist', { name: 'Bladen van de werkmap', includeHidden: true })
      .getByRole('tab', { name: 'Eigen', includeHidden: true })
      .waitFor({ state: 'attached' });
    await open('Stap 2');
    const stap2 = panel('Stap 2');
    const section = stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ });
    if ((await section.getAttribute('aria-expanded')) !== 'true') await reveal(section);
    const [first, second, third] = before.order;
    await stap2.getByRole('listitem', { name: `Succesfactor 2: ${second}` }).waitFor();
    // "Later" on the 2nd factor asks first, naming the team's formula by sheet and cell
    const dialog = page.getByRole('alertdialog');
    const later = stap2.getByRole('button', { name: `Later: ${second}` });
    await reveal(later);
    await dialog.getByText(`“${second}” later zetten?`).waitFor();
    await expect(dialog.getByRole('list', { name: 'Wat er verandert' }).getByRole('listitem').allInnerTexts()).resolves.toEqual([`Eigen!A1: ${TEAM_FORMULA}`]);
    // answered with the keyboard: "Toch verplaatsen"
    const confirm = dialog.getByRole('button', { name: 'Toch verplaatsen' });
    await confirm.focus();
    await writes(() => confirm.press('Enter'));
    await dialog.waitFor({ state: 'detached' });
    await stap2.getByRole('listitem', { name: `Succesfactor 3: ${second}` }).waitFor();
    await stap2.getByRole('listitem', { name: `Succesfactor 2: ${third}` }).waitFor();
    // the keyboard focus is not dropped to the page
    expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
    const after = await scoresByFactor(await download());
    expect(after.order.slice(0, 3)).toEqual([first, third, second]);
    // every factor keeps its own scores, by koppelkans: the moved ones went with their factor
    expect(after.scores).toEqual(before.scores);
    expect(Object.values(after.scores[second]).every((v) => typeof v === 'number')).toBe(true);
    await fitsPane();
  }, 300_000);

  it('has no serious or critical accessibility violations with everything open at 320 px: Scoren toelichting and waarom, a factor being edited, each confirm dialog; after "no" the keyboard focus is back on the control that asked, after "Tekst weggooien" on the card', async () => {
    const found: string[] = [];
    const check = async (where: string) => {
      // Fluent's dialog fades in (Web Animations): measure contrast once it is fully shown
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const violations = await axeViolations(page, ['serious', 'critical']);
      if (violations.length)
        found.push(`${where}: ${formatViolations(violations)} ${violations.map((v) => v.nodes.map((n) => n.failureSummary).join(' | ')).join(' | ')}`);
    };
    /** Opens a collapsed section with the keyboard (a section already open stays open). */
    const expand = async (button: Locator) => {
      if ((await button.getAttribute('aria-expanded')) !== 'true') await reveal(button);
      await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await button.elementHandle());
    };
    await open('Scoren');
    const scoren = panel('Scoren');
    await expand(scoren.getByRole('button', { name: 'Toelichting bij deze koppelkans' }));
    await expand(scoren.getByRole('button', { name: 'Waarom deze succesfactoren' }));
    await scoren.getByText('Bewoners zien snel resultaat in hun straat.').waitFor();
    await check('Scoren, toelichting en waarom open');
    await fitsPane();

    await open('Stap 2');
    const stap2 = panel('Stap 2');
    await expand(stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ }));
    const card = stap2.getByRole('list', { name: 'Succesfactoren' }).getByRole('listitem').first();
    const waarom = card.getByRole('textbox', { name: 'Waarom deze succesfactor' });
    await waarom.fill(`${await waarom.inputValue()} (concept)`);
    const weggooien = card.getByRole('button', { name: 'Tekst weggooien' });
    await weggooien.waitFor();
    await check('Stap 2, een succesfactor in bewerking');
    await fitsPane();
    await reveal(weggooien);
    await weggooien.waitFor({ state: 'detached' });
    // the button went with the text: the keyboard focus stays on the card (regression: it fell to the page's body)
    await focusOn(card);

    // removing a factor that holds scores asks first; Escape keeps it, and the keyboard focus is back on its button
    const dialog = page.getByRole('alertdialog');
    const verwijderen = stap2.getByRole('button', { name: `Verwijderen: ${ADDED}` });
    await reveal(verwijderen);
    await dialog.getByText('Deze succesfactor heeft 8 scores').waitFor();
    await check('Stap 2, vraag voor het verwijderen van een succesfactor met scores');
    await fitsPane();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await focusOn(verwijderen);

    // deselecting a scored koppelkans asks first; "Annuleren" keeps it, and the keyboard focus is back on its checkbox
    await expand(stap2.getByRole('button', { name: /^Koppelkansen \(8 gekozen\)/ }));
    const box = stap2.getByRole('checkbox', { name: picked[0], exact: true });
    await box.focus();
    await box.press('Space');
    await dialog.getByText(/Dan gaan 8 scores/).waitFor();
    await check('Stap 2, vraag voor het weghalen van een koppelkans met scores');
    await fitsPane();
    const annuleren = dialog.getByRole('button', { name: 'Annuleren' });
    await annuleren.focus();
    await annuleren.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await focusOn(box);
    expect(await box.isChecked()).toBe(true);
    await stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ }).waitFor();
    expect(found).toEqual([]);
  }, 300_000);

  it('the downloaded .xlsx holds all of it and passes `koppelkansen check` without errors', async () => {
    const file = await download();
    const out: string[] = [];
    expect(await main(['check', file], { out: (s) => void out.push(s), err: (s) => void out.push(s) })).toBe(0);
    const snapshot = await (await XlsxWorkbook.fromFile(file)).readSnapshot();
    const a = analyze(snapshot);
    expect(a.wijk).toBe(WIJK);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const factors = a.werkblad!.factors.map((f) => f.name);
    expect(factors).toHaveLength(8);
    expect(factors).toContain(ADDED);
    expect(factors).not.toContain(REMOVED);
    // the team's formula kept its text, as the move question said
    expect(snapshot.sheets.find((s) => s.name === 'Eigen')?.formulas?.[0]?.[0]).toBe(TEAM_FORMULA);
    const rows = a.werkblad!.rows.filter((r) => r.koppelkans);
    expect(rows.map((r) => r.koppelkans).sort()).toEqual([...picked].sort());
    expect(rows.every((r) => r.scored === 8 && r.status === 'scored')).toBe(true);
    expect(new Set(rows.map((r) => r.opgave))).toEqual(new Set(OPGAVEN));
    expect(a.longlist.entries.find((e) => e.koppelkans === OWN)).toMatchObject({
      opgave: 'Onderwijs',
      toelichting: 'Leerlingen kweken groente met regenwater.',
    });
    expect(a.minderConcreet).toEqual([expect.objectContaining({ koppelkans: OWN, verantwoordelijke: 'Fatima' })]);
    expect(a.prioritering!.entries).toHaveLength(8);
    // the wijk and the "minder concreet" mark where the product shows them: Resultaat's title and the onderbouwing
    expect(snapshot.sheets.find((s) => s.name === SHEET_NAMES.resultaat)?.values?.[0]?.[0]).toBe(`${RESULTAAT.title} – ${WIJK}`);
    const onderbouwing = buildOnderbouwingModel(snapshot);
    expect(onderbouwing.wijk).toBe(WIJK);
    expect(onderbouwing.minderConcreet).toEqual([expect.objectContaining({ koppelkans: OWN, wie: 'Fatima' })]);
    const notes = readNotes(snapshot);
    expect(notes.conclusions.find((c) => c.stap === 'Stap 1')?.text).toBe(STORY);
    expect(notes.conclusions.find((c) => c.stap === 'Stap 2')?.text).toMatch(/^Drie opgaven/);
  });
  it('"Tekst weggooien" on a card whose succesfactor a colleague removed meanwhile puts the keyboard focus on the last card of the list (regression: the card went and the focus landed on an unrelated input)', async () => {
    await open('Stap 2');
    const stap2 = panel('Stap 2');
    const heading = stap2.getByRole('button', { name: /^Succesfactoren \(8\)/ });
    if ((await heading.getAttribute('aria-expanded')) !== 'true') await reveal(heading);
    const list = stap2.getByRole('list', { name: 'Succesfactoren' });
    const last = list.getByRole('listitem').nth(7);
    const name = (await last.getAttribute('aria-label'))!.replace(/^Succesfactor 8: /, '');
    const waarom = last.getByRole('textbox', { name: 'Waarom deze succesfactor' });
    await waarom.fill(`${await waarom.inputValue()} (concept)`);
    // a colleague deletes that factor's column in Excel while its text is being typed here
    const row = (await page.evaluate((s) => window.koppelkansenCollega!.rows(s), WS))[WERKBLAD.factorRow - 1];
    const ops: PlanOp[] = [{ kind: 'deleteColumns', sheet: WS, column: columnLetter(row.indexOf(name) + 1), count: 1 }];
    await page.evaluate((o) => window.koppelkansenCollega!.apply(o, { notify: true }), ops);
    const removed = list.getByRole('listitem', { name: `Verwijderde succesfactor: ${name}` });
    await removed.waitFor();
    await reveal(removed.getByRole('button', { name: 'Tekst weggooien' }));
    await removed.waitFor({ state: 'detached' });
    await focusOn(list.getByRole('listitem').last());
  });
});

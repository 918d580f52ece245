/**
 * End to end in Chromium, the live meeting with a colleague in the same workbook
 * (co-authoring in Excel on the web or Teams, played in the preview by the simulated
 * colleague on `window.koppelkansenCollega`, which exists only in the preview build):
 * - a colleague changes the Omdat… cell the pane is about to write: nothing is
 *   overwritten, the pane shows both versions and asks; both answers do what they say;
 * - a note edited in the pane whose row a colleague removed meanwhile says so and keeps
 *   the typed text, which can be saved as a new note;
 * - Scoren in a 320 px pane: an invalid score's short message stands under its input,
 *   inside the pane; PageUp/PageDown keep the focus in the score inputs.
 */
import type { Page } from 'playwright-core';
import type { CellValue, PlanOp } from '../../src/core/snapshot';
import { columnLetter } from '../../src/core/a1';
import { NOTULEN, PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { axeViolations, formatViolations } from './support/axe';
import { chromiumAvailable, launch, type Browser } from './support/browser';
import { previewBuildDir } from './support/previewBuild';
import { serveStatic, type StaticServer } from './support/staticServer';
import { paneDriver } from './support/pane';

const run = chromiumAvailable() ? describe : describe.skip;

const THEIRS = 'Collega: staat al in de begroting van 2027';
const THEIRS_2 = 'Collega: toch pas in 2028';
const MINE = 'Bewoners vroegen er zelf om';

const NOTE = 'De straat wil eerst een bewonersavond';

run('co-authoring and the 320 px pane (Chromium)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(previewBuildDir().dir);
    browser = await launch();
    page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => pageErrors.push(`${e.name}: ${e.message}`));
  }, 600_000);

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const { panel, open, settle } = paneDriver(() => page);

  const focusInDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"], [role="alertdialog"]'));

  /** The simulated colleague: edits the workbook behind the pane's back (`notify: false`: the pane hears nothing yet). */
  const colleague = {
    apply: (ops: PlanOp[], notify: boolean) => page.evaluate(([o, n]) => window.koppelkansenCollega!.apply(o, { notify: n }), [ops, notify] as const),
    cell: (sheet: string, address: string) => page.evaluate(([s, a]) => window.koppelkansenCollega!.cell(s, a), [sheet, address] as const),
    rows: (sheet: string): Promise<CellValue[][]> => page.evaluate((s) => window.koppelkansenCollega!.rows(s), sheet),
  };

  it('a colleague changed the same Omdat… cell: nothing is overwritten, the pane shows both versions and asks; keys typed on after it opened choose nothing', async () => {
    await page.goto(`${server.url}/preview.html?start=voorbeeld`);
    await page.locator('[data-testid="count-koppelkansen"]', { hasText: /^10$/ }).waitFor();
    await page.waitForFunction(() => !!window.koppelkansenCollega);
    await open('Prioritering');
    const prio = panel('Prioritering');
    await settle(() => prio.getByRole('button', { name: 'Automatische volgorde overnemen' }).click());
    const items = prio.getByTestId('prio-item');
    await items.nth(2).waitFor();
    const row = PRIORITERING.firstRow;
    const name = (await items.nth(0).getByTestId('prio-name').innerText()).replace(/^\s*\d+\.\s*/, '').trim();
    await expect(colleague.cell(SHEET_NAMES.prioritering, `B${row}`)).resolves.toBe(name);

    // the colleague types a reason in Excel; the pane has not heard of it yet
    await colleague.apply([{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `C${row}`, cells: [[{ text: THEIRS }]] }], false);
    const omdat = items.nth(0).getByRole('textbox', { name: 'Omdat…' });
    await expect(omdat.inputValue()).resolves.toBe('');
    await omdat.click();
    await omdat.pressSequentially(MINE, { delay: 30 });
    // the pause in typing writes it: the guard finds the colleague's text and asks
    const ask = page.getByRole('alertdialog');
    await ask.getByText('Een collega heeft dit net aangepast').waitFor();
    const conflict = ask.getByTestId('conflict');
    await conflict.getByText(`${SHEET_NAMES.prioritering}!C${row}`).waitFor();
    await conflict.getByText(`Jouw versie: ${MINE}`).waitFor();
    await conflict.getByText(`Versie van je collega: ${THEIRS}`).waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="alertdialog"]'));
    // the question opened while the team may still be typing: the next keys (spaces, Enter)
    // choose nothing (regression: a space pressed "Versie van collega houden" and the typed reason was gone)
    await page.keyboard.type(' en verder', { delay: 100 });
    await page.keyboard.press('Enter');
    await conflict.getByText(`Jouw versie: ${MINE}`).waitFor();
    expect(await focusInDialog()).toBe(true);
    // nothing was overwritten while the pane asks
    await expect(colleague.cell(SHEET_NAMES.prioritering, `C${row}`)).resolves.toBe(THEIRS);
    // Tab cycles inside the question, never to the pane behind it
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
    }
    const violations = await axeViolations(page, ['serious', 'critical']);
    expect(formatViolations(violations)).toBe(formatViolations([]));
    // behind the question (inert, so out of the accessibility tree) the field still holds the
    // team's text, not the colleague's
    await expect(page.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid="prio-item"] [data-control="omdat"]')?.value)).resolves.toBe(
      MINE,
    );

    // Esc closes it without choosing: focus back in the field, the team's text stays, both versions
    // stay visible at the field, nothing is written, and the question can be opened again
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-control') === 'omdat');
    await expect(omdat.inputValue()).resolves.toBe(MINE);
    const both = items.nth(0).getByRole('group', { name: /Omdat… bij .*: twee versies/ });
    await both.getByText(THEIRS, { exact: false }).waitFor();
    await expect(colleague.cell(SHEET_NAMES.prioritering, `C${row}`)).resolves.toBe(THEIRS);
    await page.getByRole('button', { name: 'Beide versies bekijken' }).click();
    await ask.getByText('Een collega heeft dit net aangepast').waitFor();

    // keep the colleague's version: the pane shows it, the workbook keeps it
    // keeping theirs re-reads the workbook (no write, so no finished operation to wait on)
    await ask.getByRole('button', { name: 'Versie van collega houden' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (want) => document.querySelector<HTMLTextAreaElement>('[data-testid="prio-item"] [data-control="omdat"]')?.value === want,
      THEIRS,
    );
    await expect(omdat.inputValue()).resolves.toBe(THEIRS);
    await expect(colleague.cell(SHEET_NAMES.prioritering, `C${row}`)).resolves.toBe(THEIRS);
    await both.waitFor({ state: 'detached' });

    // again, and this time the pane's version wins on request
    await colleague.apply([{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `C${row}`, cells: [[{ text: THEIRS_2 }]] }], false);
    await omdat.click();
    await omdat.press('End');
    await omdat.pressSequentially(', aangevuld', { delay: 30 });
    await ask.getByText('Een collega heeft dit net aangepast').waitFor();
    await ask.getByTestId('conflict').getByText(`Versie van je collega: ${THEIRS_2}`).waitFor();
    expect(await focusInDialog()).toBe(true);
    await expect(colleague.cell(SHEET_NAMES.prioritering, `C${row}`)).resolves.toBe(THEIRS_2);
    await settle(() => ask.getByRole('button', { name: 'Mijn versie opslaan' }).click());
    await ask.waitFor({ state: 'detached' });
    await expect(colleague.cell(SHEET_NAMES.prioritering, `C${row}`)).resolves.toBe(`${THEIRS}, aangevuld`);
    await prio.getByText('Alles is bewaard in de werkmap.').waitFor();
  });

  it('a note edited in the pane whose row a colleague removed says so instead of reporting success', async () => {
    // the voorbeeld the previous test loaded (a new ?start= would ask before replacing its changes)
    await open('Notulen');
    const notulen = panel('Notulen');
    const composer = notulen.getByRole('group', { name: 'Nieuwe notitie' });
    await composer.getByRole('textbox', { name: /Je naam/ }).fill('Notulist E2E');
    const noteBox = composer.locator('textarea').first();
    await noteBox.fill(NOTE);
    await settle(() => noteBox.press('Control+Enter'));
    const item = notulen.getByRole('listitem').filter({ hasText: NOTE });
    const edit = item.getByRole('button', { name: /^Bewerken: notitie van / });
    await edit.waitFor();
    const text = NOTE;
    // the colleague removes that note's row in Excel; the pane has not heard of it yet
    const rows = await colleague.rows(SHEET_NAMES.notulen);
    const index = rows.findIndex((r) => r.some((v) => v === text));
    expect(index).toBeGreaterThanOrEqual(0);
    const id = String(rows[index][0]);
    expect(id).not.toBe('');
    const removed = await colleague.apply(
      [
        {
          kind: 'deleteRowByKey',
          sheet: SHEET_NAMES.notulen,
          minRow: 1,
          keyColumn: 'A',
          key: id,
          firstColumn: 'A',
          lastColumn: columnLetter(NOTULEN.headers.length),
        },
      ],
      false,
    );
    expect(removed.missingKeys).toEqual([]);

    await edit.click();
    const box = notulen.getByRole('textbox', { name: 'Tekst' });
    await box.waitFor();
    await box.fill(`${text} (aangevuld in het overleg)`);
    await settle(() => notulen.getByRole('button', { name: 'Opslaan', exact: true }).click());
    await page.getByText('Deze regel is intussen door een collega verwijderd; je wijziging is niet opgeslagen.', { exact: false }).waitFor();
    // nothing was written back: the colleague's removal stands, no success was reported
    const after = await colleague.rows(SHEET_NAMES.notulen);
    expect(after.some((r) => r.some((v) => typeof v === 'string' && v.includes('aangevuld in het overleg')))).toBe(false);
    expect(after.some((r) => r[0] === id)).toBe(false);
    // the typed text is still in the editor, which says what happened and offers to keep it as a new note
    await notulen.getByText('Deze notitie is intussen door iemand anders uit de Notulen verwijderd', { exact: false }).waitFor();
    expect(await box.inputValue()).toBe(`${text} (aangevuld in het overleg)`);
    await settle(() => notulen.getByRole('button', { name: 'Opslaan als nieuwe notitie' }).click());
    await box.waitFor({ state: 'detached' });
    const kept = (await colleague.rows(SHEET_NAMES.notulen)).filter((r) => r.includes(`${text} (aangevuld in het overleg)`));
    expect(kept).toHaveLength(1);
    expect(kept[0][0]).not.toBe(id);
  });

  it('Scoren at 320 px: the message of an invalid score stands under its input inside the pane; PageUp/PageDown keep the focus in the scores', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await open('Scoren');
    const scoren = panel('Scoren');
    const group = scoren.getByRole('group', { name: /^Scores voor / });
    const heading = async () => (await group.getAttribute('aria-label'))!.replace(/^Scores voor /, '');
    const first = await heading();
    const inputs = group.getByRole('textbox');
    expect(await inputs.count()).toBeGreaterThan(2);

    // PageDown from the third score input: the next koppelkans, the focus stays on its third input
    await inputs.nth(2).focus();
    await inputs.nth(2).press('PageDown');
    await page.waitForFunction((was) => !document.querySelector(`[role="group"][aria-label="Scores voor ${CSS.escape(was)}"]`), first);
    const second = await heading();
    expect(second).not.toBe(first);
    await page.waitForFunction(() => {
      const g = document.querySelector('[role="group"][aria-label^="Scores voor "]');
      const all = g ? [...g.querySelectorAll('input')] : [];
      return all.indexOf(document.activeElement as HTMLInputElement) === 2;
    });
    await page.keyboard.press('PageUp');
    await page.waitForFunction((was) => !document.querySelector(`[role="group"][aria-label="Scores voor ${CSS.escape(was)}"]`), second);
    expect(await heading()).toBe(first);
    await page.waitForFunction(() => {
      const g = document.querySelector('[role="group"][aria-label^="Scores voor "]');
      const all = g ? [...g.querySelectorAll('input')] : [];
      return all.indexOf(document.activeElement as HTMLInputElement) === 2;
    });

    // an invalid draft: kept, marked, its short message under its input
    const input = inputs.nth(1);
    await input.fill('7,5');
    await input.press('Tab');
    const message = scoren.getByText('Vul een heel getal van -10 tot en met 10 in, of laat het leeg.');
    await message.waitFor();
    await expect(input.inputValue()).resolves.toBe('7,5');
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    const text = (await message.innerText()).trim();
    // short: no sheet address in front
    expect(text.startsWith('Vul een heel getal')).toBe(true);
    expect(text).not.toMatch(/^Werkblad|!/);
    const inBox = (await input.boundingBox())!;
    const msgBox = (await message.boundingBox())!;
    const paneBox = (await page.getByLabel('Taakvenster').boundingBox())!;
    // under its input, not beside it
    expect(msgBox.y).toBeGreaterThanOrEqual(inBox.y + inBox.height - 1);
    expect(msgBox.x).toBeLessThan(inBox.x + inBox.width);
    // inside the pane and the 320 px window, not clipped
    expect(msgBox.x).toBeGreaterThanOrEqual(paneBox.x - 0.5);
    expect(msgBox.x + msgBox.width).toBeLessThanOrEqual(Math.min(paneBox.x + paneBox.width, 320) + 0.5);
    const clipped = await message.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    expect(clipped).toBe(false);
    // a few lines at most (it was 9 lines squeezed beside the input)
    const lineHeight = await message.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 16);
    expect(msgBox.height / lineHeight).toBeLessThanOrEqual(3.2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // PageDown with the invalid draft asks first; the focus stays in the scores
    await input.focus();
    await input.press('PageDown');
    await scoren.getByText(/die niet kan worden opgeslagen/).waitFor();
    expect(await heading()).toBe(first);
    await page.waitForFunction(() => !!document.activeElement?.closest('[role="group"][aria-label^="Scores voor "]'));
    await input.fill('');
    await input.press('Tab');
    await message.waitFor({ state: 'detached' });
  });
});

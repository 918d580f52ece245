/**
 * Locators and waits for the task pane that every end-to-end test uses: one place for how a
 * test finds a view and knows the pane has finished writing to the workbook.
 */
import type { Page } from 'playwright-core';

/**
 * `page` is a getter because the tests open their page in `beforeAll`, after the driver
 * is made. Every wait is on a condition (no fixed sleeps), with the page's default timeout.
 */
export function paneDriver(page: () => Page) {
  /** The tab of a view in the pane's tab list, e.g. "Scoren". */
  const tab = (name: string) => page().getByRole('tablist', { name: 'Onderdelen van Koppelkansen Kiezen' }).getByRole('tab', { name, exact: true });
  /** The panel of a view. */
  const panel = (name: string) => page().getByRole('tabpanel', { name, exact: true });
  /** Opens a view with the mouse and waits until its code has loaded (views after Controle load on first use). */
  const open = async (view: string) => {
    await tab(view).click();
    await panel(view).waitFor();
    await panel(view).getByText('Laden…').waitFor({ state: 'detached' });
  };
  /** How many workbook operations the pane's session has finished (TaskPane's status area, data-completed). */
  const completed = async () => Number((await page().locator('[data-completed]').getAttribute('data-completed')) ?? '0');
  /**
   * Waits until the session finished an operation after `before` (so it cannot resolve
   * before the operation has even started) and no spinner is left.
   */
  const idle = async (before: number) => {
    await page().waitForFunction((b) => Number(document.querySelector('[data-completed]')?.getAttribute('data-completed') ?? '0') > b, before);
    await page().locator('[role="status"] .fui-Spinner').first().waitFor({ state: 'detached' });
  };
  /** Runs `action` and waits until the operation it started has finished. */
  const settle = async (action: () => Promise<unknown>) => {
    const before = await completed();
    await action();
    await idle(before);
  };
  return { tab, panel, open, completed, idle, settle };
}

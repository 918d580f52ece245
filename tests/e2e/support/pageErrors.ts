/**
 * Makes an error thrown in the page (a `pageerror`: an exception in a React handler, an
 * effect, a listener) fail the test that was running. A listener that rethrows
 * (`page.on('pageerror', (e) => { throw e; })`) fails no test: Playwright calls it from its
 * own connection code, outside the test's promise chain, so the error never reaches Jest.
 * Call once at describe level (it registers an afterEach), then `watch(page)` for every page.
 */
import type { Page } from 'playwright-core';

export function failOnPageErrors(): { watch(page: Page): void } {
  const errors: string[] = [];
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });
  return {
    watch: (page) => {
      page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
    },
  };
}

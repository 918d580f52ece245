/**
 * axe-core in the page under test (injected from node_modules, no network). Injected
 * through the DevTools protocol (Runtime.evaluate), which the page's Content Security
 * Policy does not govern: an inline <script> tag (page.addScriptTag) is refused by it.
 */
import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The page's axe-core violations of the given impacts ('serious', 'critical', …), Fluent's
 * focus-manager dummies left out. Runs once the page's finite animations and CSS transitions
 * have ended (at most 5,000 ms): colours measured mid-fade, after a colour-scheme switch or a
 * hover, are neither the old nor the new contrast. Infinite ones (a spinner) are not waited for.
 */
export async function axeViolations(page: Page, impacts: string[]): Promise<Violation[]> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.race([Promise.allSettled(finite.map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, 5000))]);
  });
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) {
    const cdp = await page.context().newCDPSession(page);
    try {
      const r = (await cdp.send('Runtime.evaluate', { expression: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') })) as {
        exceptionDetails?: { text: string };
      };
      if (r.exceptionDetails) throw new Error(`axe-core kon niet worden geladen: ${r.exceptionDetails.text}`);
    } finally {
      await cdp.detach();
    }
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // Fluent UI's focus manager (tabster) puts focusable, aria-hidden "dummy" elements
    // around TabLists and the like on purpose: they only pass focus on. Known false
    // positive, by design (microsoft/fluentui#27517, microsoft/tabster#288); every other
    // aria-hidden-focus finding still counts.
    const isTabsterDummy = (target: string[]) => {
      const el = target.length === 1 ? document.querySelector(target[0]) : null;
      return !!el && el.hasAttribute('data-tabster-dummy');
    };
    return result.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !(v.id === 'aria-hidden-focus' && isTabsterDummy(n.target)))
          .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }))
      .filter((v) => v.nodes.length > 0);
  });
  return violations.filter((v) => v.impact !== null && impacts.includes(v.impact));
}

export function formatViolations(vs: Violation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    )
    .join('; ');
}

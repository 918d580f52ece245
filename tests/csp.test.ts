/**
 * The built pages (dist/ from `npm run build`, the preview in dist-preview/ from
 * `npm run build:preview`) carry the Content-Security-Policy of
 * scripts/csp.js as their first tag after the charset, and contain no inline script,
 * inline event handler, <style> block or javascript: URL that the policy would block.
 * The policy in a browser: tests/e2e/csp.test.ts.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { NodeType, parse, type HTMLElement } from 'node-html-parser';
// CommonJS build script shared with webpack.config.js (no type declarations)
const { contentSecurityPolicy, parseCsp } = require('../scripts/csp.js') as {
  contentSecurityPolicy: (options?: { serving?: boolean }) => string;
  parseCsp: (policy: string) => Record<string, string[]>;
};

const ROOT = join(__dirname, '..');
/** [build directory, page]: the Excel build's pages and the separately built preview's. */
const PAGES: [string, string][] = [
  ['dist', 'taskpane.html'],
  ['dist', 'help.html'],
  ['dist', 'privacy.html'],
  ['dist-preview', 'preview.html'],
  ['dist-preview', 'privacy.html'],
];

describe.each(PAGES)('%s/%s', (dir, name) => {
  const DIST = join(ROOT, dir);
  const file = join(DIST, name);
  const html = () => {
    if (!existsSync(file)) throw new Error(`${file} ontbreekt: voer eerst "npm run build" en "npm run build:preview" uit`);
    return readFileSync(file, 'utf8');
  };
  const doc = () => parse(html());
  const cspMeta = (d: HTMLElement) =>
    d.querySelectorAll('meta').filter((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-security-policy');

  it('has exactly one CSP meta tag, right after the charset, before any script or stylesheet', () => {
    const d = doc();
    const metas = cspMeta(d);
    expect(metas).toHaveLength(1);
    const head = d.querySelector('head')!;
    const tags = head.childNodes.filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE);
    expect(tags[0].getAttribute('charset')?.toLowerCase()).toBe('utf-8');
    expect(tags[1]).toBe(metas[0]);
  });

  it('carries the policy of scripts/csp.js: scripts only from itself and office.js, no plugins, no inline or eval', () => {
    const policy = cspMeta(doc())[0].getAttribute('content')!;
    expect(policy).toBe(contentSecurityPolicy());
    const p = parseCsp(policy);
    expect(p['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(p['object-src']).toEqual(["'none'"]);
    expect(p['base-uri']).toEqual(["'none'"]);
    for (const [directive, sources] of Object.entries(p)) {
      expect([directive, sources.filter((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:'].includes(s))]).toEqual([directive, []]);
    }
    // style-src allows only our files and the empty <style> element Griffel fills via CSSOM
    expect(p['style-src']).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
    expect(p['connect-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
  });

  it('has no inline script, event handler, javascript: URL or <style> block', () => {
    const d = doc();
    for (const s of d.querySelectorAll('script')) {
      expect({ src: s.getAttribute('src') ?? null, text: s.text.trim() }).toEqual({ src: expect.any(String), text: '' });
    }
    expect(d.querySelectorAll('style')).toHaveLength(0);
    for (const el of d.querySelectorAll('*')) {
      for (const [attr, value] of Object.entries(el.attributes)) {
        expect(`${el.tagName} ${attr}`).not.toMatch(/ on[a-z]+$/i);
        if (attr === 'style') throw new Error(`inline style attribute on <${el.tagName}>`);
        expect(value.trim()).not.toMatch(/^javascript:/i);
      }
    }
  });

  it('loads scripts only from this build or office.js from Microsoft', () => {
    const srcs = doc()
      .querySelectorAll('script')
      .map((s) => s.getAttribute('src')!);
    for (const src of srcs) {
      const external = /^[a-z]+:\/\//i.test(src) || src.startsWith('//');
      if (external) expect(src).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      else expect(existsSync(join(DIST, src))).toBe(true);
    }
  });
});

test('the policy string round-trips through parseCsp and names each directive once', () => {
  const p = parseCsp(contentSecurityPolicy({ serving: true }));
  expect(Object.keys(p)).toHaveLength(contentSecurityPolicy({ serving: true }).split(';').length);
  expect(p['connect-src']).toContain('ws://localhost:*');
  expect(parseCsp(contentSecurityPolicy())['connect-src']).not.toContain('ws://localhost:*');
});

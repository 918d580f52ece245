/**
 * The production build for Excel (dist/, from `npm run build`) ships no browser preview:
 * no preview page or bundle, no preview code in any script, no preview module in the
 * module report. The preview is built apart (dist-preview/, `npm run build:preview`); as
 * a control, the same check finds the preview there, so it is not a check that cannot fail.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const PREVIEW_DIST = join(ROOT, 'dist-preview');
// CommonJS build script shared with `npm run build` (no type declarations)
const { findPreviewInDist, MODULES_REPORT, PREVIEW_FINGERPRINTS } = require('../scripts/check-bundle.js') as {
  findPreviewInDist: (dist: string, modulesByEntry?: Record<string, string[]>) => string[];
  MODULES_REPORT: string;
  PREVIEW_FINGERPRINTS: string[];
};

function built(dir: string, page: string, command: string): void {
  if (!existsSync(join(dir, page))) throw new Error(`${join(dir, page)} ontbreekt: voer eerst "${command}" uit`);
}

describe('dist/ (the production build for Excel)', () => {
  beforeAll(() => built(DIST, 'taskpane.html', 'npm run build'));

  it('has the task pane, help, privacy statement and manifest, and no preview page or bundle', () => {
    const files = readdirSync(DIST);
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'help.html', 'privacy.html', 'manifest.xml']));
    expect(files.filter((f) => /preview/i.test(f))).toEqual([]);
  });

  it('has no preview code in any script and no preview module in the module report', () => {
    const report = JSON.parse(readFileSync(MODULES_REPORT, 'utf8')) as Record<string, string[]>;
    expect(Object.keys(report)).toEqual(['taskpane']);
    expect(findPreviewInDist(DIST, report)).toEqual([]);
  });
});

describe('dist-preview/ (the browser preview, built apart)', () => {
  beforeAll(() => built(PREVIEW_DIST, 'preview.html', 'npm run build:preview'));

  it('is what the check finds: the preview page, its scripts and their fingerprints', () => {
    const problems = findPreviewInDist(PREVIEW_DIST);
    expect(problems).toContain('dist/preview.html is part of the browser preview');
    for (const f of PREVIEW_FINGERPRINTS) expect(problems.some((p) => p.includes(`("${f}")`))).toBe(true);
    expect(findPreviewInDist(PREVIEW_DIST, { preview: ['src/taskpane/preview/PreviewApp.tsx'] })).toEqual(
      expect.arrayContaining(['the build has a "preview" entry', 'entry "preview" contains the preview module src/taskpane/preview/PreviewApp.tsx']),
    );
  });

  it('has no manifest (it is not the add-in)', () => {
    expect(existsSync(join(PREVIEW_DIST, 'manifest.xml'))).toBe(false);
  });
});

/**
 * The built preview for the end-to-end tests: dist-preview/ (`npm run build:preview`; the
 * production dist/ for Excel has no preview) when it is at least as new as the sources
 * (npm test builds it first), otherwise a preview build into a temporary directory.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const ROOT = join(__dirname, '..', '..', '..');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Newest modification time of everything the build reads. */
function sourcesMtime(): number {
  const inputs = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'package.json', 'tsconfig.json'].map((p) => join(ROOT, p));
  return Math.max(...inputs.filter(existsSync).map(newestMtime));
}

const PREVIEW_DIST = join(ROOT, 'dist-preview');

const EXCEL_DIST = join(ROOT, 'dist');

function distIsFresh(dist = PREVIEW_DIST, pageName = 'preview.html'): boolean {
  const page = join(dist, pageName);
  return existsSync(page) && statSync(page).mtimeMs >= sourcesMtime();
}

function build(args: string[]): { dir: string; built: boolean; ms: number } {
  const out = mkdtempSync(join(tmpdir(), 'koppelkansen-e2e-build-'));
  const t0 = Date.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', ...args, '--output-path', out], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return { dir: out, built: true, ms: Date.now() - t0 };
}

/** A directory with preview.html and its scripts, up to date with the sources. */
export function previewBuildDir(): { dir: string; built: boolean; ms: number } {
  if (process.env.E2E_DIST) return { dir: process.env.E2E_DIST, built: false, ms: 0 };
  if (distIsFresh(PREVIEW_DIST)) return { dir: PREVIEW_DIST, built: false, ms: 0 };
  return build(['--env', 'preview']);
}

/** A directory with the Excel build (taskpane.html and its scripts), up to date with the sources. */
export function excelBuildDir(): { dir: string; built: boolean; ms: number } {
  if (process.env.E2E_EXCEL_DIST) return { dir: process.env.E2E_EXCEL_DIST, built: false, ms: 0 };
  if (distIsFresh(EXCEL_DIST, 'taskpane.html')) return { dir: EXCEL_DIST, built: false, ms: 0 };
  return build([]);
}

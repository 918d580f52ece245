/**
 * The compiled command line for tests that run `bin/koppelkansen.cjs` as a user would.
 * `ensureCliBuilt()` compiles it (`npm run build:cli`) when lib/ is missing or older
 * than any TypeScript file it is built from, so a test never runs a stale CLI.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'koppelkansen.cjs');
const COMPILED = path.join(ROOT, 'lib', 'src', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Compiles the CLI into lib/ unless it is up to date with src/ and assets/. */
export function ensureCliBuilt(): void {
  const built = fs.existsSync(COMPILED) ? fs.statSync(COMPILED).mtimeMs : 0;
  const sources = Math.max(
    newestSource(path.join(ROOT, 'src')),
    newestSource(path.join(ROOT, 'assets')),
    fs.statSync(path.join(ROOT, 'tsconfig.cli.json')).mtimeMs,
  );
  if (built > sources) return;
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json')], { cwd: ROOT, stdio: 'pipe' });
  // tsc keeps the mtime of unchanged outputs; mark the build as fresh
  const now = new Date();
  fs.utimesSync(COMPILED, now, now);
}

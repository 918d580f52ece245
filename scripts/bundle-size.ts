/**
 * Prints the size of every JavaScript bundle in dist/ (raw and gzip), and the total
 * each page loads from this build (taskpane.html = the pane inside Excel; office.js
 * comes from Microsoft's CDN and is not counted).
 *
 * Run after a build: npm run build && npm run size
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

const DIST = join(__dirname, '..', 'dist');
/** The Excel build (dist/) has only the task pane; the preview is built apart (npm run build:preview). */
const PAGES = ['taskpane.html'];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- check-bundle.js is a CommonJS script that `npm run build` runs with node
const { localScriptsOf } = require('./check-bundle.js') as {
  localScriptsOf: (htmlFile: string) => string[];
};

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(file: string): Size {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function jsFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsFiles(full, `${prefix}${name}/`));
    else if (name.endsWith('.js')) out.push(`${prefix}${name}`);
  }
  return out.sort();
}

function main(): void {
  if (!existsSync(DIST) || jsFiles(DIST).length === 0) {
    console.error('Geen bundels in dist/: voer eerst "npm run build" uit.');
    process.exitCode = 1;
    return;
  }
  const sizes = new Map(jsFiles(DIST).map((f) => [f, sizeOf(join(DIST, f))]));
  const width = Math.max(...[...sizes.keys()].map((f) => f.length));
  console.log('JavaScript bundles in dist/ (raw, gzip -9):');
  for (const [file, s] of sizes) {
    console.log(`  ${file.padEnd(width)}  ${kib(s.raw).padStart(10)}  ${kib(s.gzip).padStart(10)}`);
  }
  for (const page of PAGES) {
    const html = join(DIST, page);
    if (!existsSync(html)) continue;
    const scripts = localScriptsOf(html);
    const total = scripts.reduce(
      (acc, s) => {
        const size = sizes.get(s) ?? sizeOf(join(DIST, s));
        return { raw: acc.raw + size.raw, gzip: acc.gzip + size.gzip };
      },
      { raw: 0, gzip: 0 },
    );
    const entry = page.replace(/\.html$/, '');
    console.log(`Total for the ${entry} entry (${page}: ${scripts.join(', ') || 'no scripts'}): ` + `${kib(total.raw)} raw, ${kib(total.gzip)} gzip`);
  }
}

main();

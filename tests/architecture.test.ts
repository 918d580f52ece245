/**
 * Layer boundaries (what a linter's no-restricted-imports would keep): src/core is pure,
 * only src/workbook/xlsx (and the CLI/preview loaders) touch ExcelJS, only
 * src/workbook/office and the Excel entry touch Office.js globals.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

test('src/core imports nothing outside src/core (except the JSON data in assets/)', () => {
  const bad: string[] = [];
  for (const f of files(path.join(SRC, 'core'))) {
    for (const i of imports(f)) {
      if (!i.startsWith('.')) bad.push(`${rel(f)} → ${i}`);
      else {
        const target = path.resolve(path.dirname(f), i);
        const inside = target.startsWith(path.join(SRC, 'core'));
        const json = i.endsWith('.json') && target.startsWith(path.resolve(SRC, '../assets'));
        if (!inside && !json) bad.push(`${rel(f)} → ${i}`);
      }
    }
  }
  expect(bad).toEqual([]);
});

test('src/core uses no Node, Office or DOM globals', () => {
  const bad: string[] = [];
  for (const f of files(path.join(SRC, 'core'))) {
    const src = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const g of ['Excel.', 'Office.', 'process.', 'Buffer', 'window.', 'document.', 'require(']) if (src.includes(g)) bad.push(`${rel(f)} uses ${g}`);
  }
  expect(bad).toEqual([]);
});

test('only the xlsx adapter, the CLI and the browser preview import ExcelJS', () => {
  const bad: string[] = [];
  for (const f of files(SRC)) {
    if (imports(f).includes('exceljs') && !/^(workbook\/xlsx\/|cli\/)/.test(rel(f))) bad.push(rel(f));
  }
  expect(bad).toEqual([]);
});

test('only the Office.js adapter and the Excel entry use Office globals', () => {
  const bad: string[] = [];
  for (const f of files(SRC)) {
    const r = rel(f);
    if (r.startsWith('workbook/office/') || r === 'taskpane/office.tsx') continue;
    const src = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    if (/\b(Excel|Office)\.(run|context|onReady|addin|EventType|ErrorCodes|RequestContext)\b/.test(src)) bad.push(r);
  }
  expect(bad).toEqual([]);
});

test('the task pane views reach the workbook only through the session (no adapter imports)', () => {
  const bad: string[] = [];
  const dir = path.join(SRC, 'taskpane');
  if (!fs.existsSync(dir)) return;
  for (const f of files(dir)) {
    const r = rel(f);
    if (/^taskpane\/(office|preview|previewHost|officeHost)\.tsx?$/.test(r)) continue;
    for (const i of imports(f)) if (/workbook\/(office|xlsx)/.test(i)) bad.push(`${r} → ${i}`);
  }
  expect(bad).toEqual([]);
});

/**
 * The layer rules live in the linter (eslint.config.mjs: boundaries and runtime cycles;
 * .dependency-cruiser.cjs: cycles including type-only imports), and `npm run lint` runs
 * them on the whole tree before the tests. These tests prove that the rules can fail:
 * each feeds the linter one breach of a layer (a real file of the tree with one line
 * changed) and expects the rule that names it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

interface Breach {
  name: string;
  file: string;
  /** Replaces the file's text for this lint run. */
  text: (original: string) => string;
  rule: string;
}

const prepend = (line: string) => (original: string) => `${line}\n${original}`;

const BREACHES: Breach[] = [
  {
    name: 'src/core imports a package',
    file: 'src/core/a1.ts',
    text: prepend("import ExcelJS from 'exceljs';\nexport const _x = ExcelJS;"),
    rule: 'no-restricted-imports',
  },
  {
    name: 'src/core imports the workbook layer',
    file: 'src/core/a1.ts',
    text: prepend("import type { WorkbookPort } from '../workbook/port';\nexport type _P = WorkbookPort;"),
    rule: 'import-x/no-restricted-paths',
  },
  { name: 'src/core uses a browser global', file: 'src/core/a1.ts', text: prepend('export const _w = window.location.href;'), rule: 'no-restricted-globals' },
  { name: 'src/core uses a Node global', file: 'src/core/a1.ts', text: prepend('export const _p = process.env.HOME;'), rule: 'no-restricted-globals' },
  {
    name: 'a view imports an adapter',
    file: 'src/taskpane/views/StartView.tsx',
    text: prepend("import { MemoryWorkbook } from '../../workbook/memory/MemoryWorkbook';\nexport const _m = MemoryWorkbook;"),
    rule: 'no-restricted-imports',
  },
  {
    name: 'a view imports ExcelJS',
    file: 'src/taskpane/views/StartView.tsx',
    text: prepend("import ExcelJS from 'exceljs';\nexport const _e = ExcelJS;"),
    rule: 'no-restricted-imports',
  },
  {
    name: 'a view uses Office.js',
    file: 'src/taskpane/views/StartView.tsx',
    text: prepend('export const _o = () => Office.context.document;'),
    rule: 'no-restricted-globals',
  },
  {
    name: 'the Excel entry imports the preview host',
    file: 'src/taskpane/office.tsx',
    text: prepend("import { createPreviewHost } from './previewHost';\nexport const _h = createPreviewHost;"),
    rule: 'no-restricted-imports',
  },
  {
    name: 'the CLI imports ExcelJS itself',
    file: 'src/cli/main.ts',
    text: prepend("import ExcelJS from 'exceljs';\nexport const _e = ExcelJS;"),
    rule: 'no-restricted-imports',
  },
  {
    name: 'a view imports TaskPane, which imports it',
    file: 'src/taskpane/views/StartView.tsx',
    text: prepend("import { TaskPane } from '../TaskPane';\nexport const _t = TaskPane;"),
    rule: 'import-x/no-cycle',
  },
];

/** Runs ESLint (the project's config) in a child process on each breach; returns the rule ids reported per breach. */
function lintBreaches(breaches: Breach[]): string[][] {
  const input = breaches.map((b) => ({ file: path.join(ROOT, b.file), text: b.text(fs.readFileSync(path.join(ROOT, b.file), 'utf8')) }));
  const script = `
    import { ESLint } from 'eslint';
    import tseslint from 'typescript-eslint';
    const input = JSON.parse(process.env.BREACHES);
    // the layer rules need no type information: leave the type-checked rules out (fast)
    const eslint = new ESLint({
      cwd: ${JSON.stringify(ROOT)},
      overrideConfig: { files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked },
    });
    const out = [];
    for (const b of input) {
      const [result] = await eslint.lintText(b.text, { filePath: b.file });
      out.push(result.messages.map((m) => m.ruleId ?? m.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BREACHES: JSON.stringify(input) },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`eslint failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as string[][];
}

test('the linter reports every breach of a layer with the rule that names it', () => {
  const found = lintBreaches(BREACHES);
  const missed = BREACHES.filter((b, i) => !found[i].includes(b.rule)).map((b, i) => `${b.name}: expected ${b.rule}, got ${JSON.stringify(found[i])}`);
  expect(missed).toEqual([]);
});

test('dependency-cruiser reports a type-only import cycle (ViewId imported from TaskPane by a view it imports)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-cycle-'));
  try {
    fs.cpSync(path.join(ROOT, 'src'), path.join(tmp, 'src'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'assets'), path.join(tmp, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(tmp, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { jsx: 'react-jsx', resolveJsonModule: true, esModuleInterop: true }, include: ['src'] }),
    );
    const view = path.join(tmp, 'src/taskpane/views/ChecklistView.tsx');
    fs.writeFileSync(view, `import type { TaskPaneProps as _T } from '../TaskPane';\n${fs.readFileSync(view, 'utf8')}`);
    const bin = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const run = (dir: string) =>
      spawnSync(process.execPath, [bin, 'src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
    const broken = run(tmp);
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).toMatch(/no-circular[\s\S]*TaskPane\.tsx[\s\S]*ChecklistView\.tsx/);
    const clean = run(ROOT);
    expect(clean.stdout + clean.stderr).not.toMatch(/no-circular/);
    expect(clean.status).toBe(0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

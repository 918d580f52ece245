/**
 * The task pane that runs inside Excel must not pull in file-only code: ExcelJS, the
 * .xlsx adapter, the CLI or Node built-ins. This walks the runtime imports statically
 * from src/taskpane/office.tsx and src/workbook/office (cheap; the production build
 * double-checks the real bundle with scripts/check-bundle.js).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { builtinModules } from 'module';
import { tmpdir } from 'os';
import { dirname, join, relative, resolve, sep } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/** Module specifiers a file imports at runtime (type-only imports and exports skipped). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specs.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      if (!node.isTypeOnly) specs.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.json'];

function resolveRelative(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

interface Finding {
  file: string; // repo-relative, forward slashes
  spec: string;
  why: string;
}

/**
 * Follows relative imports from the entry files within `root` and reports forbidden
 * runtime imports. Only files under `root` are followed; packages are checked by name.
 */
function findForbiddenImports(root: string, entries: string[]): { findings: Finding[]; visited: string[] } {
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    for (const spec of runtimeImports(file)) {
      const at = rel(file);
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec);
        if (!target) {
          findings.push({ file: at, spec, why: 'cannot be resolved' });
          continue;
        }
        const targetRel = rel(target);
        if (targetRel.startsWith('src/workbook/xlsx/')) findings.push({ file: at, spec, why: 'the .xlsx file adapter' });
        else if (targetRel.startsWith('src/cli/')) findings.push({ file: at, spec, why: 'the command line' });
        else queue.push(target);
      } else if (spec.startsWith('node:') || builtinModules.includes(packageName(spec))) {
        findings.push({ file: at, spec, why: 'a Node built-in module' });
      } else if (packageName(spec) === 'exceljs') {
        findings.push({ file: at, spec, why: 'ExcelJS' });
      }
    }
  }
  return { findings, visited: [...seen].map(rel).sort() };
}

function sourceFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFilesUnder(full);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('the Excel task pane bundle stays free of file-only code', () => {
  test('imports reachable from src/taskpane/office.tsx and src/workbook/office avoid ExcelJS, the xlsx adapter, the CLI and Node built-ins', () => {
    const entries = [join(ROOT, 'src', 'taskpane', 'office.tsx'), ...sourceFilesUnder(join(ROOT, 'src', 'workbook', 'office'))];
    expect(existsSync(entries[0])).toBe(true);
    const { findings, visited } = findForbiddenImports(ROOT, entries);
    expect(findings).toEqual([]);
    expect(visited).toContain('src/taskpane/office.tsx');
  });

  test('the preview-only simulated colleague (window.koppelkansenCollega) is not reachable from the Excel entry', () => {
    const { visited } = findForbiddenImports(ROOT, [join(ROOT, 'src', 'taskpane', 'office.tsx')]);
    expect(visited.filter((f) => f.startsWith('src/taskpane/preview/'))).toEqual([]);
    expect(existsSync(join(ROOT, 'src', 'taskpane', 'preview', 'colleague.ts'))).toBe(true);
  });
});

describe('findForbiddenImports (the checker itself)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kk-boundary-'));
    const write = (p: string, text: string) => {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    };
    write('src/taskpane/office.tsx', "import { a } from './a';\nimport type { T } from 'exceljs';\nexport const x = a;\n");
    write('src/taskpane/a.ts', "export * from '../shared';\nexport const a = 1;\n");
    write(
      'src/shared/index.ts',
      "import '../cli/main';\nimport fs = require('fs');\nexport const later = () => import('exceljs/dist/exceljs.min.js');\nexport type { U } from '../workbook/xlsx/adapter';\n",
    );
    write('src/cli/main.ts', "import ExcelJS from 'exceljs';\n");
    write('src/workbook/xlsx/adapter.ts', 'export type U = number;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reports runtime imports of the CLI, Node built-ins and ExcelJS through re-exports, but not type-only ones', () => {
    const { findings, visited } = findForbiddenImports(dir, [join(dir, 'src/taskpane/office.tsx')]);
    expect(findings).toEqual([
      { file: 'src/shared/index.ts', spec: '../cli/main', why: 'the command line' },
      { file: 'src/shared/index.ts', spec: 'fs', why: 'a Node built-in module' },
      { file: 'src/shared/index.ts', spec: 'exceljs/dist/exceljs.min.js', why: 'ExcelJS' },
    ]);
    // The CLI file itself is not followed (reported at the import instead).
    expect(visited).toEqual(['src/shared/index.ts', 'src/taskpane/a.ts', 'src/taskpane/office.tsx']);
  });
});

describe('scripts/check-bundle.js module rules', () => {
  const { findForbiddenModules } = require('../../scripts/check-bundle.js') as {
    findForbiddenModules: (modules: Record<string, string[]>) => string[];
  };

  test('flags ExcelJS, the xlsx adapter, the CLI and ignored Node modules only in the taskpane entry', () => {
    const problems = findForbiddenModules({
      taskpane: [
        'src/taskpane/office.tsx',
        'node_modules/exceljs/dist/exceljs.min.js',
        'src/workbook/xlsx/read.ts',
        'src/cli/main.ts',
        'ignored|fs',
        'node_modules/react/index.js',
      ],
      preview: ['node_modules/exceljs/dist/exceljs.min.js'],
    });
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/ExcelJS.*exceljs\.min\.js/);
    expect(problems.join('\n')).not.toMatch(/preview/);
    expect(problems.join('\n')).not.toMatch(/react/);
  });
});

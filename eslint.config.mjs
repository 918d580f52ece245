// ESLint flat config. `npm run lint` runs it with --max-warnings=0 before the tests.
// The layer rules below are the README's "Layout of the code" made executable; see
// CONTRIBUTING.md for why each boundary exists.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';

const officeGlobals = [
  { name: 'Office', message: 'Only src/workbook/office and the Excel entry (src/taskpane/office.tsx) use Office.js.' },
  { name: 'Excel', message: 'Only src/workbook/office and the Excel entry (src/taskpane/office.tsx) use Office.js.' },
  { name: 'OfficeExtension', message: 'Only src/workbook/office uses Office.js.' },
];

const exceljsOnlyInXlsx = {
  name: 'exceljs',
  message: 'Only src/workbook/xlsx imports ExcelJS (the CLI and the preview reach it through XlsxWorkbook).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-preview/**',
      'lib/**',
      'out/**',
      'tests/.tmp/**',
      '.certs/**',
      'node_modules/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
      'tests/stubs/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Plain JavaScript (config files, node scripts, bin): recommended rules, Node globals.
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node }, sourceType: 'commonjs' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },

  // TypeScript: type-checked rules over the project's tsconfig.
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      // The classic hook rules. The React Compiler rules of eslint-plugin-react-hooks 7
      // (set-state-in-effect, refs, ...) are left out: the project does not use the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
      // Key handlers on a group, list item or form catch the shortcuts (Ctrl+Enter, Alt+arrows)
      // that bubble up from the focusable controls inside; the container itself is not a
      // control. Mouse handlers on non-interactive elements stay forbidden.
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      'jsx-a11y/no-static-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      // A scrollable region must be reachable by keyboard (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
      // An async function without await still turns a synchronous throw into a rejection:
      // the port's adapters rely on that (WorkbookPort methods return promises).
      '@typescript-eslint/require-await': 'off',
      // An import cycle makes module order matter and hides a missing layer.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': ['error', { paths: [exceljsOnlyInXlsx] }],
      'no-restricted-globals': ['error', ...officeGlobals],
    },
  },

  // Layer: src/core is the pure engine. It imports only from src/core (and the JSON data in
  // assets/), and uses no Node, Office or DOM globals.
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!\\.)', message: 'src/core is pure: no packages, no Node modules.' }],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/core',
              from: './',
              except: ['./src/core', './assets'],
              message: 'src/core imports nothing outside src/core (except the JSON data in assets/).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...officeGlobals,
        ...['window', 'document', 'process', 'Buffer', 'require', 'localStorage', 'indexedDB', 'navigator', '__dirname'].map((name) => ({
          name,
          message: 'src/core is pure: no Node, browser or Office globals.',
        })),
      ],
    },
  },

  // Layer: only the Office.js adapter and the Excel entry use Office globals.
  {
    files: ['src/workbook/office/**/*.ts', 'src/taskpane/office.tsx'],
    rules: { 'no-restricted-globals': 'off' },
  },

  // Layer: only the xlsx adapter imports ExcelJS.
  {
    files: ['src/workbook/xlsx/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },

  // Layer: the task pane reaches the workbook only through session.ts. The entries
  // (office.tsx for Excel, preview.tsx and preview/ for the browser) build the port.
  {
    files: ['src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    ignores: ['src/taskpane/session.ts', 'src/taskpane/office.tsx', 'src/taskpane/preview.tsx', 'src/taskpane/preview/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [exceljsOnlyInXlsx],
          patterns: [{ group: ['**/workbook/**', '**/workbook'], message: 'Views reach the workbook only through src/taskpane/session.ts.' }],
        },
      ],
    },
  },

  // Layer: the Excel entry never loads the browser preview (its host, its store, ExcelJS).
  {
    files: ['src/taskpane/office.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [exceljsOnlyInXlsx],
          patterns: [
            { group: ['./previewHost', './preview', './preview/**'], message: 'The Excel entry must not import the browser preview.' },
            { group: ['**/workbook/xlsx/**', '**/workbook/memory/**'], message: 'The Excel entry uses the Office.js adapter only.' },
          ],
        },
      ],
    },
  },

  // Tests and scripts: the same type-checked rules, with the freedom test code needs.
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
    },
  },
  {
    // Tests read untyped things on purpose (parsed XML and JSON, Office.js mocks, the
    // package's own CommonJS files); the any-related rules would only add casts there.
    files: ['tests/**/*.ts', 'tests/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // jest loads CommonJS scripts and modules under test in isolation with require()
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);

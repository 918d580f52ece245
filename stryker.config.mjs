// Mutation testing of the pure engine (src/core) with StrykerJS: `npm run mutation`.
// Not part of `npm test` (it runs the core tests once per mutant: minutes to hours).
// Scope: the files with the team's edit and safety rules, chosen so one run stays under
// 25 minutes on a 2-core machine (concurrency 1, as the shared machine requires); widen
// `mutate` (e.g. `npm run mutation -- --mutate src/core/ranking.ts`) to look at more.
// The TypeScript checker is off: it type-checks every mutant and is too slow here; a
// mutant that does not compile fails its tests anyway ("runtime error" / killed).
//
// STRYKER_TESTS=ranking,minimalMove limits the run to those files of tests/core (the
// module's own unit tests): a module that every workbook test reads through (names, a1,
// werkblad) is covered by ~250 tests, which makes one mutant cost the whole 2-minute core
// suite on this machine; its unit tests give the score that says whether its rules are
// pinned down. A name with a slash is a path under tests/ (workbook/simulate.contract: the
// keyed-row contract cases run on simulate, which is how src/core/keyedRows.ts is tested).
const only = (process.env.STRYKER_TESTS ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
// STRYKER_REPORT=name writes out/mutation/name.json and name.html instead of report.*
// (scripts/mutation-core.sh runs one group per report and merges them).
const report = process.env.STRYKER_REPORT || 'report';
const testFile = (name) => `<rootDir>/tests/${name.includes('/') ? name : `core/${name}`}.test.ts`;
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    config: {
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: only.length ? only.map(testFile) : ['<rootDir>/tests/core/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
      testTimeout: 120000,
    },
    enableFindRelatedTests: false,
  },
  mutate: ['src/core/edits.ts', 'src/core/textSafety.ts', 'src/core/checklist.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as textSafety's RISKY_START) rerun every
  // core test each: 116 of 676 mutants took ~70% of the time in a trial run. The named
  // regression tests (tests/core/namedMutations.test.ts) cover the static rules that matter.
  ignoreStatic: true,
  concurrency: 1,
  // Added to 1.5 x the dry run time of the covering tests; a mutant that loops forever costs this
  // much each, and a slow machine gets no false timeouts from 15 s of slack.
  timeoutMS: 15000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: report === 'report' ? 'out/mutation/index.html' : `out/mutation/${report}.html` },
  jsonReporter: { fileName: `out/mutation/${report}.json` },
  tempDirName: 'out/.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'dist-preview', 'lib', 'out', 'coverage', '.certs', 'docs'],
};
export default config;

const os = require('os');

/** @type {import('jest').Config} */
module.exports = {
  // At least two workers, even on a 2-core machine (CI's): many suites spend their time waiting
  // on a child process (LibreOffice, Chromium, the CLI), so two workers keep both cores busy.
  // Measured on 66c4803, 2 cores: the whole suite 612 s with two workers against 802 s with
  // jest's default of one (cores - 1). `--maxWorkers=1` on the command line still overrides it.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  testSequencer: '<rootDir>/tests/sequencer.js',
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/tests/setup/noForcedCollections.ts'],
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest -> ESM-only deps; we never use it in tests.
    '^office-addin-manifest$': '<rootDir>/tests/stubs/office-addin-manifest.js',
  },
  testTimeout: 120000,
};

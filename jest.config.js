/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
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

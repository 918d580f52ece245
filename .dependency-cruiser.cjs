/**
 * dependency-cruiser: import cycles, including type-only imports (ESLint's import-x/no-cycle
 * skips those because TypeScript erases them, but a type cycle still ties two modules
 * together: ViewId imported by views from TaskPane, which imports them). The layer rules
 * live in eslint.config.mjs; `npm run lint` runs both.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only imports count): move the shared part into its own module.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)' },
  },
};

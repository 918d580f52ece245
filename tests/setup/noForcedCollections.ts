/**
 * Jest setup (every suite): the command line's forced full garbage collections
 * (src/cli/memory.ts) do nothing in tests that call the CLI in-process.
 *
 * They collect when V8's heap holds 64 MiB or more, and a jest worker's heap always does
 * (jest, the transpiled sources, earlier suites' data), so every phase boundary of every
 * in-process `apply` ran a full collection: about half of its time (measured 2026-12-02 in
 * the agreement corpus: 4.3 s of CPU per `apply` in jest, 2.3 s without them). When to
 * collect changes no byte that is written; the CLI's memory is measured by `npm run bench`
 * on the real process, and tests/cli/memory.test.ts tests the collections themselves
 * (it calls `jest.unmock`).
 */
jest.mock('../../src/cli/memory', () => ({ collectGarbage: () => {}, collectLargeGarbage: () => {} }));

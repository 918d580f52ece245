/** collectGarbage: the CLI's full collection between phases really frees what nothing references. */
import { collectGarbage, collectLargeGarbage } from '../../src/cli/memory';

// the other suites run without the forced collections (tests/setup/noForcedCollections.ts); here they are the subject
jest.unmock('../../src/cli/memory');

function unreachable(): WeakRef<object> {
  return new WeakRef({ rows: new Array(1000).fill('koppelkans') });
}

test('collectGarbage frees an object nothing references any more', async () => {
  const ref = unreachable();
  // a WeakRef's target lives until the current job ends
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(ref.deref()).toBeUndefined();
});

test('collectGarbage keeps what is still referenced', async () => {
  const kept = { rows: ['koppelkans'] };
  const ref = new WeakRef(kept);
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(ref.deref()).toBe(kept);
});

test('collectLargeGarbage collects only when the heap holds at least its threshold', async () => {
  const small = unreachable();
  await new Promise((resolve) => setImmediate(resolve));
  collectLargeGarbage(Number.MAX_SAFE_INTEGER);
  expect(small.deref()).toBeDefined();
  // deref() kept it for the rest of this job
  await new Promise((resolve) => setImmediate(resolve));
  collectLargeGarbage(0);
  expect(small.deref()).toBeUndefined();
});

test('the command line loads the Word writer (docx) only for onderbouwing: apply does not carry it', async () => {
  const { execFileSync } = await import('child_process');
  const { ensureCliBuilt, ROOT } = await import('../helpers/cli');
  ensureCliBuilt();
  const loaded = execFileSync(
    process.execPath,
    ['-e', "require('./lib/src/cli/main'); console.log(Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]docx[\\\\/]/.test(k)))"],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(loaded.trim()).toBe('false');
});

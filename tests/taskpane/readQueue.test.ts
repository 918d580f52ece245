/**
 * Change events that arrive while the pane is reading the workbook are not lost: the
 * session's read queue reads once more right after the current read, with every request
 * that came in meanwhile merged (regression: `refresh()` ignored them while a read ran).
 */
import { createReadQueue } from '../../src/taskpane/logic/readQueue';

interface Req {
  fresh?: boolean;
  changed: string[];
}
const merge = (a: Req, b: Req): Req => ({ fresh: a.fresh || b.fresh, changed: [...a.changed, ...b.changed] });

/** A read the test finishes by hand, to hold it "under way". */
function controlledReads() {
  const reads: { req: Req; finish: () => void; fail: (e: Error) => void }[] = [];
  const read = (req: Req) =>
    new Promise<void>((resolve, reject) => {
      reads.push({ req, finish: resolve, fail: reject });
    });
  return { reads, read };
}
const tick = () => new Promise((r) => setImmediate(r));

test('requests during a read are read once after it, merged (regression: change events during a read were lost)', async () => {
  const { reads, read } = controlledReads();
  const q = createReadQueue<Req>(read, merge, (e) => {
    throw e;
  });
  const first = q.request({ changed: ['Werkblad!C6'] });
  await tick();
  expect(reads).toHaveLength(1);
  // two change events while the first read is under way
  const second = q.request({ changed: ['Prioritering!C5'] });
  const third = q.request({ changed: ['Notulen!B3'], fresh: true });
  await tick();
  expect(reads).toHaveLength(1); // still one read at a time
  reads[0].finish();
  await tick();
  expect(reads).toHaveLength(2);
  expect(reads[1].req).toEqual({ fresh: true, changed: ['Prioritering!C5', 'Notulen!B3'] });
  let settled = false;
  void second.then(() => (settled = true));
  await tick();
  expect(settled).toBe(false); // the caller waits for the read that covers its request
  reads[1].finish();
  await Promise.all([first, second, third]);
  expect(reads).toHaveLength(2); // exactly one extra read, not one per event
});

test('a request after the queue went idle starts a new read', async () => {
  const { reads, read } = controlledReads();
  const q = createReadQueue<Req>(read, merge, () => undefined);
  const a = q.request({ changed: ['A1'] });
  await tick();
  reads[0].finish();
  await a;
  const b = q.request({ changed: ['B2'] });
  await tick();
  expect(reads.map((r) => r.req.changed)).toEqual([['A1'], ['B2']]);
  reads[1].finish();
  await b;
});

test('a failed read is reported, and what arrived during it is read with the next request', async () => {
  const { reads, read } = controlledReads();
  const errors: unknown[] = [];
  const q = createReadQueue<Req>(read, merge, (e) => errors.push(e));
  const a = q.request({ changed: ['A1'] });
  await tick();
  const b = q.request({ changed: ['B2'] });
  reads[0].fail(new Error('netwerk weg'));
  await Promise.all([a, b]);
  expect(errors).toHaveLength(1);
  expect(reads).toHaveLength(1);
  const c = q.request({ changed: ['C3'] });
  await tick();
  expect(reads[1].req.changed).toEqual(['B2', 'C3']);
  reads[1].finish();
  await c;
});

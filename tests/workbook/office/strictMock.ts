/**
 * office-addin-mock, made strict. The mock never throws when code reads a property it
 * did not load (or before `context.sync()`): it returns the sentinel strings
 * "Error, property was not loaded" / "Error, context.sync() was not called", which
 * would flow silently into a snapshot. `strictMock(data)` wraps the mock objects so that
 * such a read is recorded and throws, and counts `context.sync()` calls;
 * `assertNoSentinels(value)` walks a produced result and throws on any sentinel.
 */
import { OfficeMockObject } from 'office-addin-mock';

const SENTINELS = ['Error, property was not loaded', 'Error, context.sync() was not called'];

function isSentinel(v: unknown): v is string {
  return typeof v === 'string' && SENTINELS.includes(v);
}

/** Throws when `value` (a snapshot, a result…) holds a sentinel string anywhere. */
export function assertNoSentinels(value: unknown, path = 'result'): void {
  const seen = new Set<unknown>();
  const walk = (v: unknown, p: string): void => {
    if (isSentinel(v)) throw new Error(`${p} is "${v}": a property was read without load() and sync()`);
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
  };
  walk(value, path);
}

export interface StrictMock {
  /** The wrapped root: hand `root.context` (or `root`) to the code under test. */
  root: any;
  /** The raw OfficeMockObject, for assertions after the fact (reads are not checked). */
  raw: any;
  /** Sentinel reads seen so far (each one also threw). */
  violations: string[];
  /** context.sync() calls so far (when the data has a `context`). */
  syncs: () => number;
  /** Sets a plain property that needs no load (like `isNullObject`) on the object at `path`. */
  setPlain: (path: string, prop: string, value: unknown) => void;
}

export function strictMock(data: Record<string, unknown>): StrictMock {
  const raw = new OfficeMockObject(data) as any;
  const violations: string[] = [];
  const proxies = new WeakMap<object, unknown>();
  let syncs = 0;

  const wrap = (obj: unknown, path: string): unknown => {
    if (!(obj instanceof OfficeMockObject)) return obj;
    const known = proxies.get(obj);
    if (known) return known;
    const proxy = new Proxy(obj, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target);
        if (typeof prop !== 'string') return v;
        if (isSentinel(v)) {
          violations.push(`${path}.${prop}: ${v}`);
          throw new Error(`strictMock: ${path}.${prop} read without load()/sync() (${v})`);
        }
        if (typeof v === 'function') return (...args: unknown[]) => wrap(v.apply(target, args), `${path}.${prop}()`);
        return wrap(v, `${path}.${prop}`);
      },
    });
    proxies.set(obj, proxy);
    return proxy;
  };

  if (raw.context instanceof OfficeMockObject) {
    const context = raw.context;
    const mockSync = (target: unknown) => OfficeMockObject.prototype.sync.call(target);
    context.sync = async () => {
      syncs++;
      await mockSync(context);
      // the mock updates nested objects in un-awaited callbacks: let them finish
      await new Promise((resolve) => setImmediate(resolve));
    };
  }

  const setPlain = (path: string, prop: string, value: unknown) => {
    let o = raw;
    for (const part of path.split('.').filter(Boolean)) o = o[part];
    o[prop] = value;
  };

  return { root: wrap(raw, 'mock'), raw, violations, syncs: () => syncs, setPlain };
}

/**
 * Letting go of memory between the phases of a command (Node only).
 *
 * V8 collects the old generation when its heap grows past a limit it sets from past
 * growth, not when a phase ends: a model dropped after reading stays in the heap while
 * the next phase allocates on top of it, and the process's peak RSS is the sum of both.
 * A full collection at a phase boundary (the model dropped, the package written) lets
 * the next phase reuse that memory.
 */
import * as v8 from 'v8';
import * as vm from 'vm';

let gc: (() => void) | null | undefined;

/**
 * Runs a full garbage collection now. V8's `gc` function is switched on at run time
 * (`--expose-gc` through `v8.setFlagsFromString`, then taken from a new context, where
 * V8 installs it); when that is not possible it does nothing.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const found: unknown = vm.runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof found === 'function' ? (found as () => void) : null;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

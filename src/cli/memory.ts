/**
 * Letting go of memory between the phases of a command (Node only).
 *
 * V8 collects the old generation when its heap grows past a limit it sets from past
 * growth, not when a phase ends: a model dropped after reading stays in the heap while
 * the next phase allocates on top of it, and the process's peak RSS is the sum of both.
 * A full collection at a phase boundary (the model dropped, the package written) lets
 * the next phase reuse that memory. A full collection costs time, though (40–170 ms at
 * 10,000 rows), so the command line's phase boundaries only collect when the heap holds
 * enough for it to matter (`collectLargeGarbage`).
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

/**
 * Heap in use (bytes) from which a collection at a phase boundary pays. Below it the
 * whole process is small (at 1,000 rows × 20 the heap holds 20–30 MiB at each boundary
 * and peak RSS is Node's own memory plus the ExcelJS load), and the collections only cost
 * time: about 0.4 s of a 3 s `apply` (measured 2026-12-02). At 10,000 rows the heap holds
 * 80–130 MiB at every boundary, so each collection still runs there.
 */
const LARGE_HEAP_BYTES = 64 * 1024 * 1024;

/**
 * `collectGarbage` when V8's heap holds at least `threshold` bytes in use (live and not
 * yet collected; `LARGE_HEAP_BYTES` by default), else nothing: for the command line's
 * phase boundaries.
 */
export function collectLargeGarbage(threshold = LARGE_HEAP_BYTES): void {
  if (v8.getHeapStatistics().used_heap_size >= threshold) collectGarbage();
}

/**
 * Heap in use (bytes) from which the collection right after reading a workbook pays: the
 * package reader (src/workbook/xlsx/package/readSheets.ts) leaves the sheets' XML text and
 * its parser's objects behind, about half of the 46 MiB the heap holds there at 10,000
 * rows × 20 factors, and planning allocates on top of it. At 1,000 rows the heap holds about
 * 10 MiB there and the collection would only cost time. Measured 2026-12-03: peak RSS at
 * 10,000 rows 245 MiB without this collection, 210 MiB with it.
 */
export const READ_GARBAGE_BYTES = 32 * 1024 * 1024;

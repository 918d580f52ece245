/** Small measuring helpers shared by the bench sections. */

/** Runs `fn` once and returns its wall time in ms (high-resolution clock) and its value. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const t = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** Async variant of {@link time}. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** Median of a non-empty list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The p-quantile (0 < p ≤ 1) of a non-empty list by the nearest-rank rule: the smallest value
 * with at least p of the list at or below it (p90 of 15 values is the 14th smallest).
 */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length, Math.max(1, Math.ceil(p * s.length))) - 1];
}

/** "1,000 × 12": a workbook size as rows × success factors. */
export function size(rows: number, factors: number): string {
  return `${rows.toLocaleString('en-US')} × ${factors}`;
}

/** Milliseconds with sensible precision: "0.42 ms", "12.3 ms", "1,234 ms". */
export function ms(x: number): string {
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  return `${Math.round(x).toLocaleString('en-US')} ms`;
}

/** Bytes in binary units: "812 B", "97.6 KiB", "4.81 MiB". */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * Bytes in decimal units: "812 B", "97.6 KB", "4.81 MB" (1 KB = 1,000 B, 1 MB = 1,000,000 B),
 * the units of Excel on the web's payload limit ("5 MB") and of targets written in KB/MB,
 * so that a figure and its target are read on one scale.
 */
export function decimalBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} KB`;
  return `${(n / 1_000_000).toFixed(2)} MB`;
}

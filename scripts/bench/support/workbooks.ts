/** Synthetic workbooks of a given size for the bench sections (deterministic). */
import { DEFAULT_LONGLIST } from '../../../src/core/defaults';
import { simulate } from '../../../src/core/simulate';
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { newWorkbookPlan } from '../../../src/core/template';

/** A tiny linear congruential generator: the same workbook on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Names of `factors` success factors: "Succesfactor 1" … */
export function factorNames(factors: number): string[] {
  return Array.from({ length: factors }, (_, i) => `Succesfactor ${i + 1}`);
}

/**
 * A fresh template (all sheets) with `rows` koppelkansen on the werkblad, each scored
 * −10…10 on every factor (5 % left empty); koppelkansen beyond the default longlist get a
 * numbered name, so they are unique but not in the longlist.
 */
export function bigWorkbook(rows: number, factors: number, seed = 1): WorkbookSnapshot {
  const base = simulate({ sheets: [] }, newWorkbookPlan({ factors: factorNames(factors), now: new Date('2026-11-28') }).plan.ops);
  const ws = base.sheets[0];
  const r = rng(seed);
  for (let i = 0; i < rows; i++) {
    const e = DEFAULT_LONGLIST[i % DEFAULT_LONGLIST.length];
    const line: CellValue[] = [e.opgave, i < DEFAULT_LONGLIST.length ? e.koppelkans : `${e.koppelkans} (${i})`];
    for (let f = 0; f < factors; f++) line.push(r() < 0.05 ? null : Math.floor(r() * 21) - 10);
    ws.values[5 + i] = [...line, ...(ws.values[5 + i]?.slice(line.length) ?? [])];
  }
  return base;
}

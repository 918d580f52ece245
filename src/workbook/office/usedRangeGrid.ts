/**
 * Turns a used range as Office.js reports it (address, values, formulas) into the
 * snapshot's A1-anchored grids. Pure.
 */
import { parseRange } from '../../core/a1';
import type { CellValue } from '../../core/snapshot';

export interface AnchoredGrid {
  values: CellValue[][];
  formulas: (string | null)[][];
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  // Office.js returns only numbers, text and booleans; anything else is kept as its JSON text
  return JSON.stringify(v) ?? null;
}

/**
 * A cell holds a formula when its `formulas` entry starts with "=" and differs from its
 * value: text "=x" typed with an apostrophe reads back as formula "=x" and value "=x".
 */
export function formulaOf(formula: unknown, value: unknown): string | null {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return null;
  if (typeof value === 'string' && value === formula) return null;
  return formula;
}

/**
 * `address` is the used range's address ("Blad1!B3:D7", "'Mijn blad'!C2"); the grids
 * start at A1: rows above the used range are empty, cells left of it are null.
 */
export function anchorGrid(address: string, values: unknown[][], formulas: unknown[][] | undefined): AnchoredGrid {
  const { start } = parseRange(address);
  const rowOffset = start.row - 1;
  const padding: null[] = Array.from({ length: start.column - 1 }, () => null);
  const outValues: CellValue[][] = [];
  const outFormulas: (string | null)[][] = [];
  for (let r = 0; r < rowOffset; r++) {
    outValues.push([]);
    outFormulas.push([]);
  }
  values.forEach((row, r) => {
    const frow = formulas?.[r] ?? [];
    outValues.push([...padding, ...row.map(toCellValue)]);
    outFormulas.push([...padding, ...row.map((v, c) => formulaOf(frow[c], v))]);
  });
  return { values: outValues, formulas: outFormulas };
}

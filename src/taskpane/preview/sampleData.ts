/**
 * "Voorbeeld met gegevens" for the browser preview: a few koppelkansen from the longlist
 * on the werkblad, most of them scored, a few checklist statuses and an overstap date,
 * so that every view has something to show. Deterministic: same analysis, same data.
 */
import type { Analysis } from '../../core/analyze';
import { cellAddress } from '../../core/a1';
import { yearToSerial } from '../../core/checklist';
import { CHECKLIST } from '../../core/layout';
import type { CellInput, PlanOp } from '../../core/snapshot';

export interface SampleOptions {
  /** How many koppelkansen to put on the werkblad. */
  koppelkansen?: number;
  /** How many of them (from the top) get scores. */
  scored?: number;
}

/** A small deterministic sequence of scores in −4..10, varied per row and factor. */
export function sampleScore(row: number, factor: number): number {
  // mostly positive, like a real session: −4..10
  return ((row * 11 + factor * factor * 3 + row * factor) % 15) - 4;
}

export function sampleDataOps(analysis: Analysis, options: SampleOptions = {}): PlanOp[] {
  const wb = analysis.werkblad;
  if (!wb) return [];
  const count = options.koppelkansen ?? 10;
  const scored = Math.min(options.scored ?? count - 2, count);
  // one or two koppelkansen per opgave, so the sample covers several themes
  const picked: { opgave: string; koppelkans: string }[] = [];
  const perOpgave = new Map<string, number>();
  for (const e of analysis.longlist.entries) {
    if (picked.length >= count) break;
    const n = perOpgave.get(e.opgave) ?? 0;
    if (n >= 2) continue;
    perOpgave.set(e.opgave, n + 1);
    picked.push({ opgave: e.opgave, koppelkans: e.koppelkans });
  }
  const first = wb.layout.lastDataRow + 1;
  const rows: CellInput[][] = picked.map((p, i) => [
    { text: p.opgave },
    { text: p.koppelkans },
    ...wb.factors.map((_, f) => (i < scored ? { number: sampleScore(first + i, f) } : { clear: true as const })),
  ]);
  const ops: PlanOp[] = [];
  if (rows.length) ops.push({ kind: 'setCells', sheet: wb.layout.sheet, cell: cellAddress(first, 1), cells: rows });
  const cl = analysis.checklist;
  if (cl) {
    const statuses = ['Klaar', 'Klaar', 'Bezig', 'Klaar', 'Bezig'];
    cl.items.slice(0, statuses.length).forEach((it, i) => {
      ops.push({ kind: 'setCells', sheet: cl.sheet, cell: cellAddress(it.row, 3), cells: [[{ text: statuses[i] }]] });
    });
    ops.push({
      kind: 'setCells',
      sheet: cl.sheet,
      cell: cellAddress(CHECKLIST.dateRow, CHECKLIST.valueColumn),
      cells: [[{ number: yearToSerial(2040) }]],
    });
  }
  return ops;
}

/**
 * Bench section (issue 13): the robustness of the ranking (src/core/gevoeligheid.ts) at
 * 1,000 × 12 and 10,000 × 20 (targets: under 100 ms and under 2 s), and the summary of a
 * scoring round (src/core/rondes.ts) for 15 participants × 100 koppelkansen × 12 factors.
 */
import { analyze } from '../../src/core/analyze';
import { computeGevoeligheid } from '../../src/core/gevoeligheid';
import { rankSpread, readRondes, RONDES, summarizeRonde } from '../../src/core/rondes';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { median, ms, size, time } from './support/measure';
import type { BenchSection, BenchTable } from './support/section';
import { bigWorkbook, factorNames, rng } from './support/workbooks';

function robustness(rows: number, factors: number, runs: number, target: string): (string | number)[] {
  const werkblad = analyze(bigWorkbook(rows, factors)).werkblad!;
  computeGevoeligheid(werkblad); // warm-up (JIT)
  const times: number[] = [];
  let sentences = 0;
  for (let i = 0; i < runs; i++) {
    const t = time(() => computeGevoeligheid(werkblad));
    times.push(t.ms);
    sentences = t.value.sentences.all.length;
  }
  return [size(rows, factors), ms(median(times)), target, sentences];
}

function roundWorkbook(participants: number, koppelkansen: number, factors: number): WorkbookSnapshot {
  const wb = bigWorkbook(koppelkansen, factors);
  const names = factorNames(factors);
  const werkblad = analyze(wb).werkblad!;
  const random = rng(7);
  const values: CellValue[][] = [[RONDES.title], [], [], [...RONDES.headers], ['ronde', 1, null, null, null, null]];
  for (let p = 0; p < participants; p++) {
    for (const r of werkblad.rows) {
      for (const f of names) values.push(['score', 1, `Deelnemer ${p + 1}`, r.koppelkans, f, Math.floor(random() * 21) - 10]);
    }
  }
  return { ...wb, sheets: [...wb.sheets, { name: RONDES.sheet, values }] };
}

function rondeSummary(participants: number, koppelkansen: number, factors: number, runs: number): (string | number)[] {
  const wb = roundWorkbook(participants, koppelkansen, factors);
  const werkblad = analyze(wb).werkblad!;
  const read: number[] = [];
  const sum: number[] = [];
  const spread: number[] = [];
  let cells = 0;
  for (let i = 0; i < runs; i++) {
    const r = time(() => readRondes(wb));
    read.push(r.ms);
    const s = time(() => summarizeRonde(r.value, 1));
    sum.push(s.ms);
    cells = s.value.length;
    spread.push(time(() => rankSpread(werkblad, s.value)).ms);
  }
  return [
    `${participants} × ${koppelkansen} × ${factors}`,
    participants * koppelkansen * factors,
    ms(median(read)),
    ms(median(sum)),
    ms(median(spread)),
    cells,
  ];
}

export const section: BenchSection = {
  id: 'rondes',
  title: 'Robustness of the ranking and scoring rounds (issue 13)',
  order: 40,
  estimate: '~15 s',
  async run({ quick }): Promise<BenchTable[]> {
    const rob = [robustness(1000, 12, 5, '< 100 ms')];
    if (!quick) rob.push(robustness(10000, 20, 3, '< 2 s'));
    return [
      {
        title: 'gevoeligheid (per weight: top 15 members and top 3 order; koppelkansen around place 15)',
        columns: ['size', 'time', 'target', 'sentences'],
        rows: rob,
        notes: ['median after one warm-up run; bigWorkbook data (random scores, weights)'],
      },
      {
        title: 'scoring round: read the Scorerondes sheet, summarise per cell, rank spread between participants',
        columns: ['participants × koppelkansen × factors', 'score rows', 'read', 'summary', 'rank spread', 'cells'],
        rows: [rondeSummary(15, 100, 12, quick ? 1 : 3)],
      },
    ];
  },
};

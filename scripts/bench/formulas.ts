/**
 * Bench section: what the workbook's own formulas cost. LibreOffice (headless, forced
 * recalculation, see tests/helpers/libreoffice.ts) loads and recalculates the input
 * workbook (data only) and the output of `apply` (data plus every formula the product
 * writes); the difference is what the formulas cost on every full recalculation, the
 * ratio output ÷ input the figure issue 10 asks for (target ≤ 1.3, growing no faster than
 * the rows). Beside it: the engine's own analysis + plan time for the same workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { buildPlan } from '../../src/core/plan';
import { SHEET_NAMES } from '../../src/core/layout';
import type { CellInput } from '../../src/core/snapshot';
import { hasLibreOffice, recalculateXlsx } from '../../tests/helpers/libreoffice';
import { writeRawWorkbook } from './cli';
import { ms, timeAsync } from './support/measure';
import type { BenchSection, BenchTable, BenchTarget } from './support/section';

const FACTORS = 12;

/** A longlist of `n` koppelkansen over 15 opgaven (not grouped: every 15th row the same opgave), the werkblad naming them. */
async function withLonglist(file: string, n: number, rows: number): Promise<void> {
  const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const opgave = (i: number) => `Opgave ${(i % 15) + 1}`;
  const kk = (i: number) => `Koppelkans ${i + 1}`;
  const ll: CellInput[][] = Array.from({ length: n }, (_, i) => [{ text: opgave(i) }, { text: kk(i) }, { text: '' }]);
  const names: CellInput[][] = Array.from({ length: rows }, (_, i) => [{ text: opgave(i % n) }, { text: kk(i % n) }]);
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: SHEET_NAMES.longlist, cell: 'A2', cells: ll },
      { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'A6', cells: names },
    ],
  });
  await wb.writeFileAtomic(file);
}

interface Measured {
  row: (string | number)[];
  /** LibreOffice's output time minus input time: what the formulas cost (ms). */
  costMs: number;
  ratio: number;
}

/** Issue 10: output ÷ input of LibreOffice's recalculation. */
const RATIO_TARGET = 1.3;

async function measure(rows: number, longlist: number | null): Promise<Measured> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-formulas-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'out.xlsx');
    await writeRawWorkbook(input, rows, FACTORS);
    if (longlist !== null) await withLonglist(input, longlist, rows);
    const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
    const { main } = await import('../../src/cli/main');
    const snap = await (await XlsxWorkbook.fromBuffer(fs.readFileSync(input))).readSnapshot();
    const engine = await timeAsync(async () => buildPlan(snap, { now: new Date('2026-11-28') }));
    await main(['apply', input, '-o', output], { out: () => {}, err: () => {} });
    const a = analyze(await (await XlsxWorkbook.fromBuffer(fs.readFileSync(output))).readSnapshot());
    const timeout = { timeoutMs: 900_000 };
    const tin = await timeAsync(() => recalculateXlsx(input, path.join(dir, 'rin'), timeout));
    const tout = await timeAsync(() => recalculateXlsx(output, path.join(dir, 'rout'), timeout));
    const label =
      longlist === null ? `${rows.toLocaleString('en')} × ${FACTORS}` : `${rows.toLocaleString('en')} × ${FACTORS}, longlist ${longlist.toLocaleString('en')}`;
    return {
      row: [label, ms(engine.ms), ms(tin.ms), ms(tout.ms), ms(tout.ms - tin.ms), (tout.ms / tin.ms).toFixed(2), a.longlist.entries.length],
      costMs: tout.ms - tin.ms,
      ratio: tout.ms / tin.ms,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const section: BenchSection = {
  id: 'formulas',
  title: 'The workbook’s own formulas: LibreOffice recalculation, output of apply vs its input',
  order: 30,
  estimate: '~3 min (quick: ~20 s)',
  async run({ quick }): Promise<BenchTable[]> {
    if (!hasLibreOffice()) return [{ title: 'LibreOffice is not installed (scripts/setup.sh): skipped', columns: ['case'], rows: [] }];
    const cases: [number, number | null][] = quick
      ? [[1000, null]]
      : [
          [1000, null],
          [10000, null],
          [1000, 1000],
          [10000, 10000],
        ];
    const rows: (string | number)[][] = [];
    const targets: BenchTarget[] = [];
    const cost = new Map<string, number>();
    for (const [r, l] of cases) {
      const m = await measure(r, l);
      rows.push(m.row);
      cost.set(`${r}|${l}`, m.costMs);
      targets.push({
        figure: `formulas: LibreOffice output ÷ input, ${m.row[0]}`,
        value: m.ratio.toFixed(2),
        target: `≤ ${RATIO_TARGET}`,
        met: m.ratio <= RATIO_TARGET,
      });
    }
    // "growing no faster than the rows": the formulas' cost at 10× the rows, at most 10× (+20 % for a one-run measurement)
    for (const l of [null, 'same'] as const) {
      const small = cost.get(`1000|${l === null ? null : 1000}`);
      const big = cost.get(`10000|${l === null ? null : 10000}`);
      if (small === undefined || big === undefined) continue;
      const label = l === null ? '1,000 → 10,000 rows' : '1,000 → 10,000 rows and longlist';
      targets.push(
        small <= 0
          ? {
              figure: `formulas: cost growth, ${label}`,
              value: `${ms(small)} → ${ms(big)} (cost at 1,000 within noise)`,
              target: '≤ 10× (rows ×10)',
              met: null,
            }
          : {
              figure: `formulas: cost growth, ${label}`,
              value: `${(big / small).toFixed(1)}× (${ms(small)} → ${ms(big)})`,
              target: '≤ 10× (rows ×10)',
              met: big / small <= 12,
            },
      );
    }
    return [
      {
        title: 'Load + full recalculation in LibreOffice (one run each, start-up included)',
        columns: ['workbook', 'engine plan', 'input', 'output', 'formulas cost', 'output ÷ input', 'longlist rows'],
        rows,
        targets,
        notes: [
          'input = the werkblad and longlist as a team has them; output = after `koppelkansen apply` (every formula, with cached results).',
          'Target (issue 10): output ÷ input ≤ 1.3 and the formulas’ cost growing no faster than the rows.',
          'Keuzelijsten: every formula does O(1) work, a binary search or a lookup cached per opgave (src/core/keuzelijsten.ts).',
        ],
      },
    ];
  },
};

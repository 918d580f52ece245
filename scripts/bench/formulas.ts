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
import { ms, size, timeAsync } from './support/measure';
import { timeRecalculation, type RecalcJob, type RecalcTiming } from './support/recalcTiming';
import type { BenchSection, BenchTable, BenchTarget } from './support/section';

const FACTORS = 12;

/**
 * How the longlist's opgaven are laid out: `fixed` = 15 opgaven, not grouped (every 15th
 * row the same opgave), however long the list; `growing` = one opgave per 10 rows, the
 * rows of an opgave together (a longlist sorted by opgave), so the number of distinct
 * opgaven grows with the rows (100 at 1,000 rows, 1,000 at 10,000). The lookups on
 * Keuzelijsten scan at most (runs of one opgave) × (distinct opgaven) cells
 * (src/core/keuzelijsten.ts): with `fixed` (every row its own run, 15 opgaven) that bound
 * is linear in the rows, with `growing` it is (distinct opgaven)², so only `growing` shows
 * whether the formulas really stay linear. `unsorted` = as many opgaven as `growing` (one
 * per 10 rows on average), their rows scattered over the list (row i gets the opgave of
 * row (i × 7,919) mod n of `growing`, a fixed permutation): every row is a run of its own,
 * the case a longlist typed or pasted in no order gives.
 */
type Opgaven = 'fixed' | 'growing' | 'unsorted' | 'appended';

/**
 * `appended`: a `growing` longlist that `apply` prepared, to which a colleague then added
 * rows at the bottom without the add-in (the number `appendedRows` gives, each of an
 * existing opgave taken in no order): the Keuzelijsten formulas read those rows after the
 * order the plan wrote (src/core/keuzelijsten.ts `lijstenOrder`), so this case shows what
 * they cost until the add-in runs again. The input gets the same rows, so input and output
 * hold the same data.
 */
const appendedRows = (n: number) => Math.min(300, Math.floor(n / 10));

/** Multiplier of the `unsorted` permutation: a prime that divides none of the bench's sizes. */
const SCATTER = 7919;

/** The opgave of longlist row i (0-based) of `n` rows, laid out as `opgaven` says. */
function opgaveOf(i: number, n: number, opgaven: Opgaven): string {
  if (opgaven === 'fixed') return `Opgave ${(i % 15) + 1}`;
  if (opgaven === 'appended') return opgaveOf(i, n, 'growing');
  const j = opgaven === 'unsorted' ? (i * SCATTER) % n : i;
  return `Opgave ${Math.floor(j / 10) + 1}`;
}

/** A longlist of `n` koppelkansen (opgaven laid out as `opgaven` says), the werkblad naming them. */
async function withLonglist(file: string, n: number, rows: number, opgaven: Opgaven): Promise<void> {
  const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const opgave = (i: number) => opgaveOf(i, n, opgaven);
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

/** Adds the `appended` case's rows below a longlist of `n` rows laid out as `growing` (what a colleague types without the add-in). */
async function appendRows(file: string, n: number, k: number): Promise<void> {
  const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const groups = Math.ceil(n / 10);
  const ll: CellInput[][] = Array.from({ length: k }, (_, j) => [{ text: `Opgave ${((j * SCATTER) % groups) + 1}` }, { text: `Later ${j + 1}` }, { text: '' }]);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.longlist, cell: `A${n + 2}`, cells: ll }] });
  await wb.writeFileAtomic(file);
}

/** The sheets whose formulas are timed one by one (the others frozen to their values). */
const PRODUCT_SHEETS = [SHEET_NAMES.werkblad, SHEET_NAMES.resultaat, SHEET_NAMES.prioritering, SHEET_NAMES.checklist, SHEET_NAMES.lijsten] as const;
type ProductSheet = (typeof PRODUCT_SHEETS)[number];
/** Short column headings for those sheets. */
const SHORT: Record<ProductSheet, string> = {
  [SHEET_NAMES.werkblad]: 'Werkblad',
  [SHEET_NAMES.resultaat]: 'Resultaat',
  [SHEET_NAMES.prioritering]: 'Prioritering',
  [SHEET_NAMES.checklist]: 'Checklist',
  [SHEET_NAMES.lijsten]: 'Keuzelijsten',
};

/**
 * calculateAll() calls per timed run: about 20,000 rows' worth (20 at 1,000 rows, 7 at
 * 3,000, 2 at 10,000), so CPU time's 10 ms steps become 0.5, 1.4 and 5 ms, a few per cent of each figure.
 */
const batchFor = (rows: number) => Math.max(1, Math.round(20_000 / rows));

/** A CPU figure (ms per calculateAll()) with its measurement precision (± ms). */
interface Figure {
  ms: number;
  noiseMs: number;
}

/** Median of the runs' CPU ms; noise = half their range plus the clock's resolution. */
function figure(t: RecalcTiming): Figure {
  const cpu = t.runs.map((r) => r.cpuMs);
  return { ms: exactMedian(cpu), noiseMs: (Math.max(...cpu) - Math.min(...cpu)) / 2 + t.cpuStepMs };
}

/** The median (the mean of the middle two for an even count). */
function exactMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const fmt = (f: Figure) => `${ms(f.ms)} ±${f.ms > 0 ? Math.round((100 * f.noiseMs) / f.ms) : '∞'} %`;

interface Measured {
  label: string;
  rows: number;
  wholeRow: (string | number)[];
  recalcRow: (string | number)[];
  /** Whole run (start-up, load, recalculation, save): output ÷ input. */
  wholeRatio: number;
  /** Load + calculateAll + save inside one running LibreOffice (no start-up): output ÷ input. */
  workRatio: number;
  /** The formulas' recalculation: CPU ms of calculateAll() on the output minus on the input. */
  cost: Figure;
  /** The same per product sheet timed (only that sheet's formulas left). */
  sheets: Map<ProductSheet, Figure>;
}

/** Issue 10: output ÷ input of LibreOffice's recalculation. */
const RATIO_TARGET = 1.3;

/** A case's workbooks on disk (input and the output of `apply`) with its whole-run figures. */
interface Prepared {
  rows: number;
  label: string;
  dir: string;
  input: string;
  output: string;
  /** The engine on the same workbook, in process: analyze (check) and buildPlan (check + plan), median wall ms. */
  engineCheckMs: number;
  enginePlanMs: number;
  /** Whole `soffice --convert-to` runs (start-up, load, recalculation, save), wall ms. */
  inMs: number;
  outMs: number;
  longlistRows: number;
  distinctOpgaven: number;
}

/** Engine runs per workbook (median taken). */
const ENGINE_RUNS = 3;

async function prepare(rows: number, longlist: Opgaven | null): Promise<Prepared> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-bench-formulas-'));
  const input = path.join(dir, 'in.xlsx');
  const output = path.join(dir, 'out.xlsx');
  await writeRawWorkbook(input, rows, FACTORS);
  const added = longlist === 'appended' ? appendedRows(rows) : 0;
  if (longlist !== null) await withLonglist(input, rows - added, rows, longlist);
  const { XlsxWorkbook } = await import('../../src/workbook/xlsx/XlsxWorkbook');
  const { main } = await import('../../src/cli/main');
  const snap = await (await XlsxWorkbook.fromBuffer(fs.readFileSync(input))).readSnapshot();
  const now = new Date('2026-11-28');
  const checks: number[] = [];
  const plans: number[] = [];
  for (let i = 0; i < ENGINE_RUNS; i++) {
    checks.push((await timeAsync(async () => analyze(snap, { now }))).ms);
    plans.push((await timeAsync(async () => buildPlan(snap, { now }))).ms);
  }
  await main(['apply', input, '-o', output], { out: () => {}, err: () => {} });
  if (added) for (const file of [input, output]) await appendRows(file, rows - added, added);
  const a = analyze(await (await XlsxWorkbook.fromBuffer(fs.readFileSync(output))).readSnapshot());
  const timeout = { timeoutMs: 900_000 };
  const tin = await timeAsync(() => recalculateXlsx(input, path.join(dir, 'rin'), timeout));
  const tout = await timeAsync(() => recalculateXlsx(output, path.join(dir, 'rout'), timeout));
  const distinctOpgaven = new Set(a.longlist.entries.map((e) => e.opgave.trim().toLowerCase())).size;
  const label =
    longlist === null
      ? size(rows, FACTORS)
      : `${size(rows, FACTORS)}, longlist ${rows.toLocaleString('en')} (${distinctOpgaven.toLocaleString('en')} opgaven${
          { fixed: '', growing: ', grouped', unsorted: ', unsorted', appended: `, grouped, ${added} added without the add-in` }[longlist]
        })`;
  return {
    rows,
    label,
    dir,
    input,
    output,
    engineCheckMs: exactMedian(checks),
    enginePlanMs: exactMedian(plans),
    inMs: tin.ms,
    outMs: tout.ms,
    longlistRows: a.longlist.entries.length,
    distinctOpgaven,
  };
}

/** Rounds of timing per workbook; each round times RUNS runs, the rounds of all sizes interleaved. */
const ROUNDS = 3;
const RUNS = 2;

/**
 * Times the cases (the sizes of one comparison) in one LibreOffice, their jobs
 * interleaved over ROUNDS rounds (1,000 rows, 3,000 rows, 10,000 rows, 1,000 rows, ...),
 * so a change in the machine's load while the bench runs hits every size alike instead
 * of one of them. `sheets`: the product sheets timed on their own (the others frozen).
 */
async function timeCases(cases: Prepared[], sheets: readonly ProductSheet[]): Promise<Measured[]> {
  type Kind = 'in' | 'out' | ProductSheet;
  const kinds: Kind[] = ['in', 'out', ...sheets];
  const jobs: { p: Prepared; kind: Kind; job: RecalcJob }[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const kind of kinds)
      for (const p of cases) {
        const file = kind === 'in' ? p.input : p.output;
        const onlySheet = kind === 'in' || kind === 'out' ? undefined : kind;
        jobs.push({ p, kind, job: { file, repeats: RUNS, batch: batchFor(p.rows), onlySheet, save: round === 0 && onlySheet === undefined } });
      }
  const timings = await timeRecalculation(jobs.map((j) => j.job));
  /** One timing per case and kind: load and save of the first round, the runs of every round. */
  const merged = (p: Prepared, kind: Kind): RecalcTiming => {
    const mine = timings.filter((_, i) => jobs[i].p === p && jobs[i].kind === kind);
    return { ...mine[0], runs: mine.flatMap((t) => t.runs) };
  };
  return cases.map((p) => {
    const rin = merged(p, 'in');
    const rout = merged(p, 'out');
    const calcIn = figure(rin);
    const calcOut = figure(rout);
    const cost: Figure = { ms: calcOut.ms - calcIn.ms, noiseMs: calcOut.noiseMs + calcIn.noiseMs };
    const work = (t: RecalcTiming) => t.load.cpuMs + figure(t).ms + t.save.cpuMs;
    const sheetFigures = new Map(sheets.map((s) => [s, figure(merged(p, s))]));
    const wall = (t: RecalcTiming) => ms(exactMedian(t.runs.map((r) => r.wallMs)));
    return {
      label: p.label,
      rows: p.rows,
      wholeRow: [p.label, ms(p.inMs), ms(p.outMs), ms(p.outMs - p.inMs), (p.outMs / p.inMs).toFixed(2), p.longlistRows],
      recalcRow: [
        p.label,
        ms(p.engineCheckMs),
        ms(p.enginePlanMs),
        rout.formulaCells,
        `${fmt(calcIn)} / ${wall(rin)}`,
        `${fmt(calcOut)} / ${wall(rout)}`,
        fmt(cost),
        ...PRODUCT_SHEETS.map((s) => (sheetFigures.has(s) ? fmt(sheetFigures.get(s)!) : '(not timed)')),
        `${ms(work(rin))} → ${ms(work(rout))}`,
        (work(rout) / work(rin)).toFixed(2),
      ],
      wholeRatio: p.outMs / p.inMs,
      workRatio: work(rout) / work(rin),
      cost,
      sheets: sheetFigures,
    };
  });
}

/**
 * The growth exponent between two sizes: cost ∝ rows^k, k = ln(cost ratio) ÷ ln(rows
 * ratio); 1 is linear. Between 1,000 and 10,000 rows n·log n gives k ≈ 1.12 and n² gives
 * 2. The figures' measured noise (half the runs' range plus the CPU clock's step, ε =
 * the sum of both figures' relative noise) widens k by ln(1 + ε) ÷ ln(rows ratio).
 * Target: k ≤ 1 + that widening, i.e. cost ratio ≤ rows ratio × (1 + ε): no faster than
 * the rows beyond what the measurement itself cannot tell apart. A smaller-size figure
 * within its noise of zero gives no exponent: then the bound is checked as the larger
 * one ≤ rows ratio × (the smaller one's upper end).
 */
export function growthTarget(name: string, small: { rows: number; f: Figure }, big: { rows: number; f: Figure }): BenchTarget {
  const rowsRatio = big.rows / small.rows;
  const times = Number.isInteger(rowsRatio) ? `${rowsRatio}` : rowsRatio.toFixed(2);
  if (small.f.ms <= small.f.noiseMs) {
    const limit = rowsRatio * (small.f.ms + small.f.noiseMs);
    return {
      figure: name,
      value: `${fmt(small.f)} → ${fmt(big.f)} (smaller workbook’s figure within its noise of zero: no exponent)`,
      target: `≤ ${times} × ${ms(small.f.ms + small.f.noiseMs)} = ${ms(limit)}`,
      met: big.f.ms - big.f.noiseMs <= limit,
    };
  }
  const eps = small.f.noiseMs / small.f.ms + big.f.noiseMs / Math.max(big.f.ms, 1e-9);
  const ratio = big.f.ms / small.f.ms;
  const k = ratio > 0 ? Math.log(ratio) / Math.log(rowsRatio) : Number.NEGATIVE_INFINITY;
  const widen = Math.log(1 + eps) / Math.log(rowsRatio);
  return {
    figure: name,
    value: `exponent ${Number.isFinite(k) ? k.toFixed(2) : '–'} ±${widen.toFixed(2)} (${ratio.toFixed(2)}× for ${times}× rows: ${fmt(small.f)} → ${fmt(big.f)})`,
    target: `≤ 1 + ${widen.toFixed(2)} (noise ${Math.round(100 * eps)} %), i.e. ≤ ${(rowsRatio * (1 + eps)).toFixed(1)}×`,
    met: ratio <= rowsRatio * (1 + eps),
  };
}

/** One comparison: its sizes (timed together), the longlist, which sheets are timed on their own. */
interface Comparison {
  sizes: number[];
  longlist: Opgaven | null;
  sheets: readonly ProductSheet[];
  name: string;
}

const FULL: Comparison[] = [
  { name: 'werkblad only', sizes: [1000, 3000, 10000], longlist: null, sheets: PRODUCT_SHEETS },
  // the longlist changes only the Keuzelijsten sheet's formulas; the other sheets are timed on their own above
  { name: 'longlist of 15 opgaven', sizes: [1000, 10000], longlist: 'fixed', sheets: [SHEET_NAMES.lijsten] },
  { name: 'longlist, opgaven growing with the rows', sizes: [1000, 3000, 10000], longlist: 'growing', sheets: [SHEET_NAMES.lijsten] },
  { name: 'longlist, opgaven growing with the rows, unsorted', sizes: [1000, 3000, 10000], longlist: 'unsorted', sheets: [SHEET_NAMES.lijsten] },
  {
    name: 'longlist, opgaven growing with the rows, grouped, rows added without the add-in',
    sizes: [1000, 10000],
    longlist: 'appended',
    sheets: [SHEET_NAMES.lijsten],
  },
];
const QUICK: Comparison[] = [
  { name: 'werkblad only', sizes: [300, 1000, 3000], longlist: null, sheets: PRODUCT_SHEETS },
  { name: 'longlist, opgaven growing with the rows', sizes: [300, 1000, 3000], longlist: 'growing', sheets: [SHEET_NAMES.lijsten] },
];

export const section: BenchSection = {
  id: 'formulas',
  title: 'The workbook’s own formulas: LibreOffice recalculation, output of apply vs its input, beside the engine on the same workbook',
  order: 30,
  estimate: '~40 min (quick: ~10 min)',
  // issue 9: the engine's figures printed in the same run as the formulas'
  alsoRuns: ['engine'],
  async run({ quick }): Promise<BenchTable[]> {
    if (!hasLibreOffice()) return [{ title: 'LibreOffice is not installed (scripts/setup.sh): skipped', columns: ['case'], rows: [] }];
    const measured: Measured[] = [];
    const targets: BenchTarget[] = [];
    const growth: BenchTarget[] = [];
    // KK_BENCH_FORMULAS=<text>: only the comparisons whose name contains it (e.g. "unsorted");
    // "=<name>": only the one with exactly that name ("=longlist, opgaven growing with the rows": the grouped case alone)
    const only = process.env.KK_BENCH_FORMULAS;
    const chosen = (name: string) => !only || (only.startsWith('=') ? name === only.slice(1) : name.includes(only));
    // KK_BENCH_SIZES=1000,10000: only those sizes of each comparison (a shorter run on a shared machine)
    const sizes = process.env.KK_BENCH_SIZES?.split(',').map(Number);
    for (const c of (quick ? QUICK : FULL).filter((x) => chosen(x.name))) {
      const cases: Prepared[] = [];
      try {
        for (const r of c.sizes.filter((x) => !sizes || sizes.includes(x))) cases.push(await prepare(r, c.longlist));
        const ms_ = await timeCases(cases, c.sheets);
        measured.push(...ms_);
        // every step between consecutive sizes, and the whole span
        const spans: [number, number][] = ms_.map((_, i) => [i, i + 1] as [number, number]).slice(0, -1);
        if (ms_.length > 2) spans.push([0, ms_.length - 1]);
        for (const [i, j] of spans) {
          const label = `${c.name}, ${ms_[i].rows.toLocaleString('en')} → ${ms_[j].rows.toLocaleString('en')} rows`;
          growth.push(
            growthTarget(`formulas: recalculation cost growth, ${label}`, { rows: ms_[i].rows, f: ms_[i].cost }, { rows: ms_[j].rows, f: ms_[j].cost }),
          );
          for (const s of c.sheets)
            growth.push(
              growthTarget(
                `formulas: recalculation cost growth, ${label}, ${SHORT[s]}`,
                { rows: ms_[i].rows, f: ms_[i].sheets.get(s)! },
                { rows: ms_[j].rows, f: ms_[j].sheets.get(s)! },
              ),
            );
        }
      } finally {
        for (const p of cases) fs.rmSync(p.dir, { recursive: true, force: true });
      }
    }
    for (const m of measured) {
      targets.push({
        figure: `formulas: LibreOffice output ÷ input (whole run), ${m.label}`,
        value: m.wholeRatio.toFixed(2),
        target: `≤ ${RATIO_TARGET}`,
        met: m.wholeRatio <= RATIO_TARGET,
      });
      targets.push({
        figure: `formulas: LibreOffice output ÷ input (load + recalculation + save, no start-up), ${m.label}`,
        value: m.workRatio.toFixed(2),
        target: `≤ ${RATIO_TARGET}`,
        met: m.workRatio <= RATIO_TARGET,
      });
    }
    targets.push(...growth);
    return [
      {
        title: 'Whole LibreOffice run (start-up, load, recalculation, save as .xlsx; one run each)',
        columns: ['workbook', 'input', 'output', 'difference', 'output ÷ input', 'longlist rows'],
        rows: measured.map((m) => m.wholeRow),
        notes: [
          'input = the werkblad and longlist as a team has them; output = after `koppelkansen apply` (every formula, with cached results).',
          'About 7 s of this is LibreOffice starting (±1 s between runs): at 1,000 rows it hides what the formulas cost; see the next table.',
        ],
      },
      {
        title: `The engine beside the recalculation itself: calculateAll() inside a running LibreOffice (CPU ms per call, median of ${ROUNDS * RUNS} runs ± noise; "/ wall ms")`,
        columns: [
          'workbook',
          'engine check',
          'engine check+plan',
          'formula cells',
          'input',
          'output',
          'formulas cost',
          ...PRODUCT_SHEETS.map((s) => `only ${SHORT[s]}`),
          'load+calc+save in → out (CPU)',
          'out ÷ in',
        ],
        rows: measured.map((m) => m.recalcRow),
        notes: [
          `engine check / check+plan: analyze() and buildPlan() on the same workbook in this process (wall ms, median of ${ENGINE_RUNS}), what the pane and the CLI compute instead of the formulas.`,
          'A StarBasic macro in LibreOffice’s temporary profile opens each workbook (no recalculation on load), times calculateAll() (a hard recalculation of every formula) and saves it as .xlsx (scripts/bench/support/recalcTiming.ts).',
          'CPU time is LibreOffice’s own (every thread, from /proc/self/stat, 10 ms steps): other work on the machine does not inflate it the way it inflates wall time.',
          'Each run times a block of calculateAll() calls (about 20,000 rows’ worth: 20 at 1,000 rows, 7 at 3,000, 2 at 10,000) and divides, so the 10 ms steps become 0.5, 1.4 and 5 ms; ± is half the runs’ range plus that step.',
          `The sizes of a comparison are timed in one LibreOffice, in ${ROUNDS} interleaved rounds of ${RUNS} runs (the median of those ${ROUNDS * RUNS}), so the machine’s load changing during the bench hits them alike.`,
          '“only <sheet>”: the formulas of every other sheet turned into their values first, so the figure is that sheet’s own formulas; with a longlist only Keuzelijsten is timed on its own (the longlist changes no other sheet’s formulas).',
          'Targets (issue 10): output ÷ input ≤ 1.3. Growth (issue 9: no faster than the rows): the exponent k of cost ∝ rows^k between each two sizes, ≤ 1 widened only by the figures’ measured noise. n·log n gives k ≈ 1.12 between 1,000 and 10,000 rows: the check tells it from linear only when the ± is below about 0.1; n² (k = 2) it always catches.',
        ],
        targets,
      },
    ];
  },
};

/**
 * `npm run bench [-- SECTION… ] [--quick] [--list]`: performance figures, not tests.
 *
 * Every file `scripts/bench/<topic>.ts` that exports `section` (see
 * `scripts/bench/support/section.ts`) is a section; this runner loads them all, runs the
 * ones named on the command line (all when none is named) in their `order`, and prints each
 * section's tables with aligned columns, so the figures of one run stand side by side.
 * A section that throws is reported and the others still run (exit code 1 at the end).
 * `--list` prints the sections and how long each takes; `--quick` runs the smallest sizes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import type { BenchSection, BenchTable, BenchTarget } from './bench/support/section';

/** All sections found in scripts/bench/, sorted by `order`, then id. */
export function loadSections(dir = path.join(__dirname, 'bench')): BenchSection[] {
  const sections: BenchSection[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the sections are found at run time; tsx runs this file as CommonJS
    const mod = require(path.join(dir, name)) as { section?: BenchSection };
    if (mod.section) sections.push(mod.section);
  }
  return sections.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Renders a table as text lines with every column padded to its widest cell. */
export function formatTable(table: BenchTable): string[] {
  const cells = [table.columns, ...table.rows.map((r) => r.map(String))];
  const widths = table.columns.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((v, c) => (c < (table.textColumns ?? 1) ? v.padEnd(widths[c]) : v.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [
    `  ${table.title}`,
    `    ${line(cells[0])}`,
    `    ${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    ...cells.slice(1).map((r) => `    ${line(r)}`),
    ...(table.notes ?? []).map((n) => `    · ${n}`),
  ];
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { quick: { type: 'boolean', default: false }, list: { type: 'boolean', default: false } },
  });
  const all = loadSections();
  if (values.list) {
    for (const s of all) console.log(`${s.id.padEnd(14)} ${s.estimate.padEnd(8)} ${s.title}`);
    return 0;
  }
  const unknown = positionals.filter((p) => !all.some((s) => s.id === p));
  if (unknown.length) {
    console.error(`unknown section(s): ${unknown.join(', ')}; known: ${all.map((s) => s.id).join(', ')}`);
    return 2;
  }
  const named = new Set(positionals);
  for (const s of all) if (named.has(s.id)) for (const id of s.alsoRuns ?? []) named.add(id);
  const chosen = positionals.length ? all.filter((s) => named.has(s.id)) : all;
  const started = Date.now();
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log(`sections: ${chosen.map((s) => `${s.id} (${s.estimate})`).join(', ')}${values.quick ? ' [quick]' : ''}`);
  let failed = 0;
  const targets: [string, BenchTarget][] = [];
  for (const s of chosen) {
    console.log(`\n== ${s.title} [${s.id}]`);
    const t = process.hrtime.bigint();
    try {
      const tables = await s.run({ quick: values.quick ?? false });
      for (const table of tables) {
        console.log(formatTable(table).join('\n'));
        for (const t of table.targets ?? []) targets.push([s.id, t]);
      }
    } catch (e) {
      failed++;
      console.log(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    console.log(`  (section took ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)} s)`);
  }
  console.log(`\n== Figures with a target, side by side (issues 9 and 10)`);
  console.log(formatTable(targetTable(targets, chosen, all)).join('\n'));
  console.log(`\nwhole run: ${((Date.now() - started) / 60000).toFixed(1)} min`);
  return failed ? 1 : 0;
}

/**
 * The closing table: every figure a section reported with a target, and a line for each
 * figure the issues ask for whose section is not in this run or does not exist yet.
 */
export function targetTable(targets: [string, BenchTarget][], chosen: BenchSection[], all: BenchSection[]): BenchTable {
  const met = (m: boolean | null) => (m === null ? 'n/a' : m ? 'yes' : 'NO');
  const rows = targets.map(([id, t]) => [id, t.figure, t.value, t.target, met(t.met)]);
  for (const [id, figure] of EXPECTED) {
    if (!all.some((s) => s.id === id)) rows.push([id, figure, '(no section yet)', '', 'n/a']);
    else if (!chosen.some((s) => s.id === id)) rows.push([id, figure, '(section not run)', '', 'n/a']);
  }
  return { title: 'targets', columns: ['section', 'figure', 'value', 'target', 'met'], rows, textColumns: 5 };
}

/** The figures issues 9 and 10 ask `npm run bench` for, by the section that measures them. */
const EXPECTED: [string, string][] = [
  ['engine', 'engine check and plan at 1,000 × 12 and 10,000 × 20'],
  ['office', 'Office.js round trips and bytes per operation (1,000 × 12 … 30,000 × 30)'],
  ['formulas', 'LibreOffice recalculation, output ÷ input (1,000 / 10,000 rows, longlist 1,000 / 10,000)'],
  ['cli', 'CLI apply wall time, peak RSS and ratio to LibreOffice (1,000 / 10,000 / 30,000 × 20)'],
  ['preview', 'preview: time to interactive, score commit at 1,000 / 5,000 rows'],
];

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

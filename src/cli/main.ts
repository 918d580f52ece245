/**
 * koppelkansen — the command line over .xlsx files.
 *   koppelkansen new OUT.xlsx [--wijk NAME]
 *   koppelkansen check IN.xlsx [--json]
 *   koppelkansen apply IN.xlsx -o OUT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]
 *   koppelkansen onderbouwing IN.xlsx -o OUT.docx
 * Exit codes: 0 fine, 1 the workbook has errors, 2 the file cannot be read / is not a
 * Koppelkansen workbook / wrong usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../core/analyze';
import { simulate } from '../core/simulate';
import { formatProblem, type Problem } from '../core/problems';
import { XlsxWorkbook } from '../workbook/xlsx/XlsxWorkbook';
import { checkWorkbook, createKoppelkansenWorkbook, planWorkbook } from '../workbook/operations';
import { parseArgs, UsageError } from './args';
// static: a dynamic import() is left to Node's ESM loader under tsx and finds no extensionless .ts file
import { buildOnderbouwing } from './onderbouwing';
import { toJsonReport } from './report';

const USAGE = `Gebruik:
  koppelkansen new UIT.xlsx [--wijk NAAM]          nieuwe werkmap vanuit het sjabloon
  koppelkansen check IN.xlsx [--json]              controleren (exit 0 zonder fouten, 1 met fouten, 2 onleesbaar)
  koppelkansen apply IN.xlsx -o UIT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]
                                                   voorbereiden en bijwerken; IN blijft ongewijzigd
  koppelkansen onderbouwing IN.xlsx -o UIT.docx    onderbouwing voor raad en wijk (Word)
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now?: Date;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'new':
        return await cmdNew(rest, io);
      case 'check':
        return await cmdCheck(rest, io);
      case 'apply':
        return await cmdApply(rest, io);
      case 'onderbouwing':
        return await cmdOnderbouwing(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        throw new UsageError(`onbekend commando "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`koppelkansen: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliError) {
      io.err(`koppelkansen: ${e.message}\n`);
      return e.code;
    }
    io.err(`koppelkansen: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function onePath(args: string[], what: string): string {
  if (args.length !== 1) throw new UsageError(`geef precies één ${what}`);
  return args[0];
}

async function load(file: string): Promise<{ wb: XlsxWorkbook; buffer: Buffer }> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `bestand niet gevonden: ${file}` : `kan ${file} niet lezen (${code ?? 'onbekende fout'})`, 2);
  }
  try {
    return { wb: await XlsxWorkbook.fromBuffer(buffer), buffer };
  } catch {
    throw new CliError(`${file} is geen leesbaar Excel-bestand (.xlsx)`, 2);
  }
}

function printProblems(problems: Problem[], io: Io): void {
  for (const p of problems) io.out(`${formatProblem(p)}\n`);
}

function summary(a: Analysis, io: Io): void {
  const rows = a.werkblad?.rows ?? [];
  const errors = a.problems.filter((p) => p.severity === 'error').length;
  const warnings = a.problems.filter((p) => p.severity === 'warning').length;
  io.out(
    `${rows.length} koppelkansen, ${a.ranking.length} met een totaal, ${errors} fout(en), ${warnings} waarschuwing(en).\n`,
  );
  if (a.top.length) {
    io.out('Top 15:\n');
    for (const e of a.top) io.out(`  ${String(e.rank).padStart(2)}. ${e.koppelkans} (${formatNumber(e.total)})\n`);
  }
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ',');
}

function exitFor(a: Analysis): number {
  if (a.kind !== 'koppelkansen') return 2;
  return a.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

async function cmdNew(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['--wijk'], ['--force']);
  const out = onePath(args.positionals, 'uitvoerbestand');
  if (!/\.xlsx$/i.test(out)) throw new UsageError('het uitvoerbestand moet op .xlsx eindigen');
  if (fs.existsSync(out) && !args.flags.has('--force')) throw new CliError(`${out} bestaat al; kies een andere naam of gebruik --force`, 2);
  const wb = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(wb, { wijk: args.values.get('--wijk'), now: io.now });
  await wb.writeFileAtomic(out);
  io.out(`Nieuwe werkmap geschreven: ${out}\n`);
  return 0;
}

async function cmdCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], ['--json']);
  const file = onePath(args.positionals, 'invoerbestand');
  const { wb } = await load(file);
  const a = await checkWorkbook(wb, { now: io.now });
  if (args.flags.has('--json')) io.out(`${JSON.stringify(toJsonReport(a, a.problems), null, 2)}\n`);
  else {
    printProblems(a.problems, io);
    if (a.kind === 'koppelkansen') summary(a, io);
  }
  return exitFor(a);
}

async function cmdApply(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['-o', '--output'], ['--propose', '--json', '--in-place', '--allow-xlsm', '--force']);
  const file = onePath(args.positionals, 'invoerbestand');
  const inPlace = args.flags.has('--in-place');
  const out = args.values.get('-o') ?? args.values.get('--output') ?? (inPlace ? file : undefined);
  if (!out) throw new UsageError('geef een uitvoerbestand met -o UIT.xlsx (of --in-place)');
  if (!inPlace && path.resolve(out) === path.resolve(file)) throw new UsageError('het uitvoerbestand is het invoerbestand; gebruik --in-place als dat de bedoeling is');
  if (/\.xlsm$/i.test(file) && !args.flags.has('--allow-xlsm')) {
    throw new CliError(`${file} bevat macro's (.xlsm); die gaan verloren bij het schrijven. Gebruik --allow-xlsm als dat goed is.`, 2);
  }
  if (!/\.xlsx$/i.test(out)) throw new UsageError('het uitvoerbestand moet op .xlsx eindigen');
  const { wb } = await load(file);
  const json = args.flags.has('--json');
  // one read and one analysis for the plan; the report describes the written file
  const { snapshot, plan, analysis, problems: planProblems } = await planWorkbook(wb, { propose: args.flags.has('--propose'), now: io.now });
  if (analysis.kind !== 'koppelkansen') {
    printProblems(analysis.problems, io);
    return 2;
  }
  if (plan.ops.length) await wb.apply(plan);
  const after = plan.ops.length ? analyze(simulate(snapshot, plan.ops), { now: io.now }) : analysis;
  const result = { plan, problems: planProblems };
  await wb.writeFileAtomic(out);
  const problems = mergeProblems(after.problems, result.problems);
  if (json) io.out(`${JSON.stringify(toJsonReport(after, problems), null, 2)}\n`);
  else {
    printProblems(problems, io);
    summary(after, io);
    io.out(`${result.plan.ops.length} wijziging(en) geschreven naar ${out}.\n`);
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function mergeProblems(a: Problem[], b: Problem[]): Problem[] {
  const key = (p: Problem) => `${p.code}|${p.sheet}|${p.cell}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((p) => p.code === 'CELL_OCCUPIED' && !seen.has(key(p)))];
}

async function cmdOnderbouwing(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['-o', '--output'], []);
  const file = onePath(args.positionals, 'invoerbestand');
  const out = args.values.get('-o') ?? args.values.get('--output');
  if (!out) throw new UsageError('geef een uitvoerbestand met -o UIT.docx');
  if (!/\.docx$/i.test(out)) throw new UsageError('het uitvoerbestand moet op .docx eindigen');
  const { wb } = await load(file);
  const bytes = await buildOnderbouwing(wb, { now: io.now });
  const tmp = `${out}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  io.out(`Onderbouwing geschreven: ${out}\n`);
  return 0;
}

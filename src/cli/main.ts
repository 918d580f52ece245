/**
 * koppelkansen — the command line over .xlsx files.
 *   koppelkansen new OUT.xlsx [--wijk NAME]
 *   koppelkansen check IN.xlsx [--json]
 *   koppelkansen apply IN.xlsx -o OUT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]
 *   koppelkansen onderbouwing IN.xlsx -o OUT.docx [--bijlage-notities] [--namen]
 *   koppelkansen gevoeligheid IN.xlsx [--json]
 *   koppelkansen samenvoegen A.xlsx B.xlsx … -o GROEP.xlsx [--ronde N]
 * Exit codes: 0 fine, 1 the workbook has errors, 2 the file cannot be read / is not a
 * Koppelkansen workbook / wrong usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type Analysis } from '../core/analyze';
import { simulate } from '../core/simulate';
import { cellAddress } from '../core/a1';
import { formatProblem, problem, type Problem } from '../core/problems';
import type { WorkbookSnapshot } from '../core/snapshot';
import { MAX_CELL_TEXT } from '../core/textSafety';
import { XlsxWorkbook } from '../workbook/xlsx/XlsxWorkbook';
import { checkWorkbook, createKoppelkansenWorkbook, planWorkbook } from '../workbook/operations';
import { parseArgs, UsageError } from './args';
import { assertNotOpenInExcel, assertUnchanged, FileError, readWithStamp, writeFileSafely, type FileStamp, type SafeWriteOptions } from './safeWrite';
// static: a dynamic import() is left to Node's ESM loader under tsx and finds no extensionless .ts file
import { buildOnderbouwing } from './onderbouwing';
import { toJsonReport } from './report';
import { gevoeligheidOutput } from './gevoeligheid';
import { samenvoegen } from './samenvoegen';

const USAGE = `Gebruik:
  koppelkansen new UIT.xlsx [--wijk NAAM]          nieuwe werkmap vanuit het sjabloon
  koppelkansen check IN.xlsx [--json]              controleren (exit 0 zonder fouten, 1 met fouten, 2 onleesbaar)
  koppelkansen apply IN.xlsx -o UIT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]
                                                   voorbereiden en bijwerken; IN blijft ongewijzigd
  koppelkansen onderbouwing IN.xlsx -o UIT.docx [--bijlage-notities] [--namen]
                                                   onderbouwing voor raad en wijk (Word); --bijlage-notities: overige
                                                   discussie en redenering als bijlage; --namen: schrijvers bij notities
  koppelkansen gevoeligheid IN.xlsx [--json]       hoe stevig is de top 15 (per weging en rond plaats 15)
  koppelkansen samenvoegen A.xlsx B.xlsx … -o GROEP.xlsx [--ronde N]
                                                   scores van deelnemers samenvoegen in de scorerondes van A
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
      case 'gevoeligheid':
        return await cmdGevoeligheid(rest, io);
      case 'samenvoegen':
        return await cmdSamenvoegen(rest, io);
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

/** What kind of file `bytes` are when they are no readable .xlsx (Dutch, for the message). */
function notXlsxReason(bytes: Uint8Array, file: string): string {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (head === 'd0cf11e0a1b11ae1') {
    // an OLE compound file: a password-protected .xlsx (EncryptedPackage) or an old .xls
    const utf16 = Buffer.from(bytes).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0;
    return utf16
      ? `${file} is beveiligd met een wachtwoord; open het in Excel, haal de beveiliging weg (Bestand > Info > Werkmap beveiligen) en probeer het opnieuw`
      : `${file} is een oud Excel-bestand (.xls); sla het in Excel op als Excel-werkmap (.xlsx)`;
  }
  if (head.startsWith('504b0304') && Buffer.from(bytes.subarray(0, 200)).toString('latin1').includes('opendocument')) {
    return `${file} is een OpenDocument-rekenblad (.ods), geen Excel-werkmap; sla het op als .xlsx`;
  }
  return `${file} is geen leesbaar Excel-bestand (.xlsx)`;
}

async function load(file: string): Promise<{ wb: XlsxWorkbook; buffer: Buffer; stamp: FileStamp }> {
  let read: { bytes: Buffer; stamp: FileStamp };
  try {
    read = readWithStamp(file);
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e), 2);
  }
  try {
    return { wb: await XlsxWorkbook.fromBuffer(read.bytes), buffer: read.bytes, stamp: read.stamp };
  } catch {
    throw new CliError(notXlsxReason(read.bytes, file), 2);
  }
}

/** Writes `bytes` to the user's file `out` safely; Dutch CliError (exit 2) on failure. */
async function write(out: string, bytes: Uint8Array, options: SafeWriteOptions = {}): Promise<void> {
  try {
    await writeFileSafely(out, bytes, options);
  } catch (e) {
    if (e instanceof FileError) throw new CliError(e.message, e.code);
    throw e;
  }
}

/** Reads the written bytes back as a workbook: a package that does not open is never put in place. */
async function verifyWorkbook(bytes: Uint8Array): Promise<void> {
  const back = await XlsxWorkbook.fromBuffer(bytes);
  await back.readSnapshot();
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
  await write(out, await wb.toBuffer(), { verify: verifyWorkbook });
  io.out(`Nieuwe werkmap geschreven: ${out}\n`);
  return 0;
}

async function cmdCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], ['--json']);
  const file = onePath(args.positionals, 'invoerbestand');
  let wb: XlsxWorkbook;
  try {
    ({ wb } = await load(file));
  } catch (e) {
    if (!(e instanceof CliError) || !args.flags.has('--json')) throw e;
    // --json promises JSON on stdout, also when the file cannot be read
    io.out(`${JSON.stringify({ ok: false, error: { code: 'UNREADABLE', file, message: e.message }, problems: [], rows: [], ranking: [] }, null, 2)}\n`);
    return e.code;
  }
  const a = await checkWorkbook(wb, { now: io.now });
  const all = [...a.problems, ...longTextProblems(await wb.readSnapshot())];
  if (args.flags.has('--json')) io.out(`${JSON.stringify(toJsonReport(a, all), null, 2)}\n`);
  else {
    printProblems(all, io);
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
  if (!inPlace && fs.existsSync(out) && !args.flags.has('--force')) throw new CliError(`${out} bestaat al; kies een andere naam of gebruik --force om het te vervangen`, 2);
  const { wb, stamp } = await load(file);
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
  assertNotOpen(out);
  const bytes = await wb.toBuffer();
  await write(out, bytes, {
    verify: verifyWorkbook,
    // a colleague's save since we read the file is never overwritten
    beforeRename: inPlace ? () => assertUnchanged(file, stamp) : undefined,
  });
  const problems = [...mergeProblems(after.problems, result.problems), ...forbiddenCharacterProblems(wb), ...longTextProblems(snapshot)];
  if (json) io.out(`${JSON.stringify(toJsonReport(after, problems), null, 2)}\n`);
  else {
    printProblems(problems, io);
    summary(after, io);
    io.out(`${result.plan.ops.length} wijziging(en) geschreven naar ${out}.\n`);
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** Excel's owner file says the target is open: refuse before writing (exit 2). */
function assertNotOpen(out: string): void {
  try {
    assertNotOpenInExcel(out);
  } catch (e) {
    if (e instanceof FileError) throw new CliError(e.message, e.code);
    throw e;
  }
}

/** Cells whose text held characters XML forbids: they were stored as Excel's _xHHHH_ escapes. */
function forbiddenCharacterProblems(wb: XlsxWorkbook): Problem[] {
  return wb.writeWarnings().map((w) => problem('TEXT_CHARACTERS', w.sheet, w.cell));
}

/** Cells holding more text than Excel's limit of 32,767 characters (a file made by another program). */
function longTextProblems(snapshot: WorkbookSnapshot): Problem[] {
  const out: Problem[] = [];
  for (const sheet of snapshot.sheets) {
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === 'string' && v.length > MAX_CELL_TEXT) out.push(problem('TEXT_TOO_LONG', sheet.name, cellAddress(r + 1, c + 1), { length: v.length.toLocaleString('nl-NL') }));
      }),
    );
  }
  return out;
}

function mergeProblems(a: Problem[], b: Problem[]): Problem[] {
  const key = (p: Problem) => `${p.code}|${p.sheet}|${p.cell}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((p) => p.code === 'CELL_OCCUPIED' && !seen.has(key(p)))];
}

async function cmdOnderbouwing(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['-o', '--output'], ['--namen', '--bijlage-notities']);
  const file = onePath(args.positionals, 'invoerbestand');
  const out = args.values.get('-o') ?? args.values.get('--output');
  if (!out) throw new UsageError('geef een uitvoerbestand met -o UIT.docx');
  if (!/\.docx$/i.test(out)) throw new UsageError('het uitvoerbestand moet op .docx eindigen');
  const { wb } = await load(file);
  const check = await checkWorkbook(wb, { now: io.now });
  if (check.kind !== 'koppelkansen') {
    // an empty or unrelated workbook gives no onderbouwing, not an empty document
    printProblems(check.problems, io);
    return 2;
  }
  const bytes = await buildOnderbouwing(wb, { now: io.now, authorNames: args.flags.has('--namen'), notesAppendix: args.flags.has('--bijlage-notities') });
  await write(out, bytes);
  io.out(`Onderbouwing geschreven: ${out}\n`);
  return 0;
}

async function cmdGevoeligheid(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, [], ['--json']);
  const file = onePath(args.positionals, 'invoerbestand');
  const { wb } = await load(file);
  const result = gevoeligheidOutput(await checkWorkbook(wb, { now: io.now }), args.flags.has('--json'));
  (result.exit === 2 && !args.flags.has('--json') ? io.err : io.out)(result.text);
  return result.exit;
}

async function cmdSamenvoegen(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['-o', '--output', '--ronde'], ['--force']);
  const files = args.positionals;
  if (files.length < 2) throw new UsageError('geef minstens twee werkmappen: de groepswerkmap en die van een deelnemer');
  const out = args.values.get('-o') ?? args.values.get('--output');
  if (!out) throw new UsageError('geef een uitvoerbestand met -o GROEP.xlsx');
  if (!/\.xlsx$/i.test(out)) throw new UsageError('het uitvoerbestand moet op .xlsx eindigen');
  if (files.some((f) => path.resolve(f) === path.resolve(out))) throw new UsageError('het uitvoerbestand is een van de invoerbestanden; kies een nieuwe naam');
  if (fs.existsSync(out) && !args.flags.has('--force')) throw new CliError(`${out} bestaat al; kies een andere naam of gebruik --force`, 2);
  const rondeText = args.values.get('--ronde');
  const ronde = rondeText === undefined ? undefined : Number(rondeText);
  if (ronde !== undefined && (!Number.isInteger(ronde) || ronde < 1)) throw new UsageError('--ronde verwacht een heel getal van 1 of meer');
  const base = await load(files[0]);
  const check = await checkWorkbook(base.wb, { now: io.now });
  if (check.kind !== 'koppelkansen') {
    printProblems(check.problems, io);
    return 2;
  }
  const sources = [];
  for (const f of files.slice(1)) sources.push({ file: f, port: (await load(f)).wb });
  const result = await samenvoegen(base.wb, sources, io.now ?? new Date(), ronde);
  await base.wb.writeFileAtomic(out);
  for (const l of result.lines) io.out(`${l}\n`);
  io.out(`Geschreven: ${out}\n`);
  return 0;
}

/**
 * `koppelkansen apply IN.xlsx -o UIT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]`:
 * prepares and updates the workbook; IN is never modified (unless --in-place).
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWritten } from '../../core/analyze';
import { simulate } from '../../core/simulate';
import { planWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { CliError, UsageError } from '../errors';
import { assertNotOpen, loadWorkbook, verifyNewVersionOf, writeOutput } from '../files';
import { onePositional, parseCommandLine } from '../options';
import { forbiddenCharacterProblems, longTextProblems, mergeProblems, printProblems, printSummary, refuseNotKoppelkansen } from '../output';
import { collectLargeGarbage, READ_GARBAGE_BYTES } from '../memory';
import { toJsonReport } from '../report';
import { assertUnchanged } from '../safeWrite';

export const applyCommand: Command = {
  name: 'apply',
  usage:
    '  koppelkansen apply IN.xlsx -o UIT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]\n' +
    '                                                   voorbereiden en bijwerken; IN blijft ongewijzigd\n',
  async run(argv, io) {
    const { positionals, values } = parseCommandLine(argv, {
      output: { type: 'string', short: 'o' },
      propose: { type: 'boolean' },
      json: { type: 'boolean' },
      'in-place': { type: 'boolean' },
      'allow-xlsm': { type: 'boolean' },
      force: { type: 'boolean' },
    });
    const file = onePositional(positionals, 'invoerbestand');
    const inPlace = values['in-place'] === true;
    const out = values.output ?? (inPlace ? file : undefined);
    if (!out) throw new UsageError('cli.outputMissing', 'UIT.xlsx (of --in-place)');
    if (!inPlace && path.resolve(out) === path.resolve(file)) throw new UsageError('cli.outputIsInput');
    if (/\.xlsm$/i.test(file) && !values['allow-xlsm']) {
      throw new CliError('file.macros', [file]);
    }
    if (!/\.xlsx$/i.test(out)) throw new UsageError('cli.outputExtension', '.xlsx');
    if (!inPlace && fs.existsSync(out) && !values.force) throw new CliError('file.exists', [out, true]);
    const prepared = await prepare(file, values.propose === true, io.now);
    if (prepared.kind === 'notKoppelkansen') {
      if (!values.json) return refuseNotKoppelkansen(file, prepared.problems, io, false);
      // --json promises JSON on stdout, also when there is nothing to apply to
      const error = new CliError('file.notKoppelkansen', [file, true]);
      io.out(
        `${JSON.stringify({ ok: false, error: { code: error.key, message: error.message }, problems: prepared.problems, rows: [], ranking: [] }, null, 2)}\n`,
      );
      return 2;
    }
    const { bytes, stamp, opCount, after, readProblems, textProblems, writeProblems } = prepared;
    assertNotOpen(out);
    // the patch's source package and parts are unreachable now: collect them before the check reads the output
    collectLargeGarbage();
    // the loaded workbook is out of scope here: reading the written file back to verify it
    // does not hold two workbooks in memory at once
    await writeOutput(out, bytes, {
      verify: verifyNewVersionOf(file),
      // a colleague's save since we read the file is never overwritten
      beforeRename: inPlace ? () => assertUnchanged(file, stamp) : undefined,
    });
    const problems = [...readProblems, ...writeProblems, ...textProblems];
    if (values.json) io.out(`${JSON.stringify(toJsonReport(after, problems), null, 2)}\n`);
    else {
      printProblems(problems, io);
      printSummary(after, io);
      io.out(`${opCount} wijziging(en) geschreven naar ${out}.\n`);
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

/**
 * Reads `file` once, plans and applies in memory, and returns the bytes to write with what
 * the report needs: the number of ops written, the analysis of the written state and the
 * problems planning, reading and writing found. Memory, by phase: the loaded workbook is
 * let go once the plan is journaled (`readAndPlan` returns only its writer) and collected
 * (`collectLargeGarbage`) before the written state is analysed, so the ExcelJS model never
 * meets that analysis; the snapshot and the plan's analysis are let go before the package
 * is patched.
 */
async function prepare(file: string, propose: boolean, now: Date | undefined) {
  const reported = await planAndReport(file, propose, now);
  if (reported.kind === 'notKoppelkansen') return reported;
  const { write, ...rest } = reported;
  // the snapshot and the analyses are unreachable now: collect them before the patch allocates
  collectLargeGarbage();
  const { bytes, warnings } = await write();
  return { ...rest, kind: 'prepared' as const, bytes, writeProblems: forbiddenCharacterProblems(warnings) };
}

/** The plan (`readAndPlan`) and, with the loaded model collected, the analysis of the state it writes. */
async function planAndReport(file: string, propose: boolean, now: Date | undefined) {
  const planned = await readAndPlan(file, propose, now);
  if (planned.kind === 'notKoppelkansen') return planned;
  const { write, stamp, snapshot, ops, analysis, planProblems } = planned;
  // the loaded model is unreachable now: collect it before the analysis of the written state allocates
  collectLargeGarbage();
  // the one analysis was the plan's: the written state reuses its reading of the werkblad rows
  const after = ops.length ? analyzeWritten(simulate(snapshot, ops), snapshot, { now }) : analysis;
  const readProblems = mergeProblems(after.problems, planProblems);
  const textProblems = longTextProblems(snapshot);
  return { kind: 'planned' as const, write, stamp, opCount: ops.length, after, readProblems, textProblems };
}

/**
 * The read, the plan and its journaled apply; the loaded model stays inside (only the
 * writer, the snapshot, the plan's ops and analysis and the problems leave).
 */
async function readAndPlan(file: string, propose: boolean, now: Date | undefined) {
  const { wb, stamp } = await loadWorkbook(file);
  // what parsing the file left behind (its XML text, the parser's objects) goes before
  // planning allocates on top of it: without this collection the peak at 10,000 rows was
  // 245 instead of 210 MiB (the heap holds about 46 MiB here then, most of it garbage)
  collectLargeGarbage(READ_GARBAGE_BYTES);
  // one read and one analysis for the plan; the report describes the written file. The
  // loaded model is let go once the sheets are read, before planning allocates
  const {
    snapshot,
    plan,
    analysis,
    problems: planProblems,
  } = await planWorkbook({ readSnapshot: (request) => wb.readSnapshotOnce(request, collectLargeGarbage) }, { propose, now }, collectLargeGarbage);
  if (analysis.kind !== 'koppelkansen') return { kind: 'notKoppelkansen' as const, problems: analysis.problems };
  // written only: the loaded model is not updated (the report analyses the simulated state)
  if (plan.ops.length) await wb.applyForWrite(plan);
  return { kind: 'planned' as const, write: wb.packageWriter(collectLargeGarbage), stamp, snapshot, ops: plan.ops, analysis, planProblems };
}

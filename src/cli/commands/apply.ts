/**
 * `koppelkansen apply IN.xlsx -o UIT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]`:
 * prepares and updates the workbook; IN is never modified (unless --in-place).
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../core/analyze';
import { simulate } from '../../core/simulate';
import { planWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { CliError, UsageError } from '../errors';
import { assertNotOpen, loadWorkbook, verifyWorkbook, writeOutput } from '../files';
import { onePositional, parseCommandLine } from '../options';
import { forbiddenCharacterProblems, longTextProblems, mergeProblems, printProblems, printSummary, refuseNotKoppelkansen } from '../output';
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
    if (prepared.kind === 'notKoppelkansen') return refuseNotKoppelkansen(file, prepared.problems, io, false);
    const { bytes, stamp, snapshot, plan, planProblems, after, writeProblems } = prepared;
    assertNotOpen(out);
    // the loaded workbook is out of scope here: reading the written file back to verify it
    // does not hold two workbooks in memory at once
    await writeOutput(out, bytes, {
      verify: verifyWorkbook,
      // a colleague's save since we read the file is never overwritten
      beforeRename: inPlace ? () => assertUnchanged(file, stamp) : undefined,
    });
    const problems = [...mergeProblems(after.problems, planProblems), ...writeProblems, ...longTextProblems(snapshot)];
    if (values.json) io.out(`${JSON.stringify(toJsonReport(after, problems), null, 2)}\n`);
    else {
      printProblems(problems, io);
      printSummary(after, io);
      io.out(`${plan.ops.length} wijziging(en) geschreven naar ${out}.\n`);
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

/**
 * Reads `file` once, plans and applies in memory, and returns the bytes to write with what
 * the report needs: the snapshot read, the plan, the analysis of the written state and the
 * problems writing found. The loaded workbook is let go before the package is patched
 * (`planned` returns only its writer), so the ExcelJS model and the patch are never in
 * memory at once.
 */
async function prepare(file: string, propose: boolean, now: Date | undefined) {
  const planned = await readAndPlan(file, propose, now);
  if (planned.kind === 'notKoppelkansen') return planned;
  const { write, ...rest } = planned;
  const { bytes, warnings } = await write();
  return { ...rest, kind: 'prepared' as const, bytes, writeProblems: forbiddenCharacterProblems(warnings) };
}

/** The read, the plan, its journaled apply and the analysis of the written state; the loaded model stays inside. */
async function readAndPlan(file: string, propose: boolean, now: Date | undefined) {
  const { wb, stamp } = await loadWorkbook(file);
  // one read and one analysis for the plan; the report describes the written file
  const { snapshot, plan, analysis, problems: planProblems } = await planWorkbook(wb, { propose, now });
  if (analysis.kind !== 'koppelkansen') return { kind: 'notKoppelkansen' as const, problems: analysis.problems };
  // written only: the loaded model is not updated (the report analyses the simulated state)
  if (plan.ops.length) await wb.applyForWrite(plan);
  const write = wb.packageWriter();
  const after = plan.ops.length ? analyze(simulate(snapshot, plan.ops), { now }) : analysis;
  return { kind: 'planned' as const, write, stamp, snapshot, plan, planProblems, after };
}

/** `koppelkansen check IN.xlsx [--json]`: reads and validates only; never writes. */
import type { XlsxWorkbook } from '../../workbook/xlsx/XlsxWorkbook';
import { checkWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { CliError } from '../errors';
import { loadWorkbook } from '../files';
import { onePositional, parseCommandLine } from '../options';
import { exitFor, longTextProblems, printProblems, printSummary } from '../output';
import { toJsonReport } from '../report';

export const checkCommand: Command = {
  name: 'check',
  usage: '  koppelkansen check IN.xlsx [--json]              controleren (exit 0 zonder fouten, 1 met fouten, 2 onleesbaar)\n',
  async run(argv, io) {
    const { positionals, values } = parseCommandLine(argv, { json: { type: 'boolean' } });
    const file = onePositional(positionals, 'invoerbestand');
    let wb: XlsxWorkbook;
    try {
      ({ wb } = await loadWorkbook(file));
    } catch (e) {
      if (!(e instanceof CliError) || !values.json) throw e;
      // --json promises JSON on stdout, also when the file cannot be read
      io.out(`${JSON.stringify({ ok: false, error: { code: 'UNREADABLE', file, message: e.message }, problems: [], rows: [], ranking: [] }, null, 2)}\n`);
      return e.exitCode;
    }
    const a = await checkWorkbook(wb, { now: io.now });
    const all = [...a.problems, ...longTextProblems(await wb.readSnapshot())];
    if (values.json) io.out(`${JSON.stringify(toJsonReport(a, all), null, 2)}\n`);
    else {
      printProblems(all, io);
      if (a.kind === 'koppelkansen') printSummary(a, io);
    }
    return exitFor(a);
  },
};

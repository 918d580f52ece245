/** `koppelkansen check IN.xlsx [--json]`: reads and validates only; never writes. */
import { checkWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { loadWorkbook } from '../files';
import { onePositional, parseCommandLine } from '../options';
import { exitFor, longTextProblems, printProblems, printSummary, refuseNotKoppelkansen } from '../output';
import { toJsonReport } from '../report';

export const checkCommand: Command = {
  name: 'check',
  usage: '  koppelkansen check IN.xlsx [--json]              controleren (exit 0 zonder fouten, 1 met fouten, 2 onleesbaar)\n',
  async run(argv, io) {
    const { positionals, values } = parseCommandLine(argv, { json: { type: 'boolean' } });
    const file = onePositional(positionals, 'invoerbestand');
    // an unreadable file: main prints the Dutch message (as a JSON object with --json)
    const { wb } = await loadWorkbook(file);
    const a = await checkWorkbook(wb, { now: io.now });
    const all = [...a.problems, ...longTextProblems(await wb.readSnapshot())];
    if (values.json) io.out(`${JSON.stringify(toJsonReport(a, all), null, 2)}\n`);
    else if (a.kind !== 'koppelkansen') return refuseNotKoppelkansen(file, all, io);
    else {
      printProblems(all, io);
      printSummary(a, io);
    }
    return exitFor(a);
  },
};

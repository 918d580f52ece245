/** `koppelkansen gevoeligheid IN.xlsx [--json]`: how firm the automatic top 15 is. */
import { checkWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { loadWorkbook } from '../files';
import { gevoeligheidOutput } from '../gevoeligheid';
import { onePositional, parseCommandLine } from '../options';
import { refuseNotKoppelkansen } from '../output';

export const gevoeligheidCommand: Command = {
  name: 'gevoeligheid',
  usage: '  koppelkansen gevoeligheid IN.xlsx [--json]       hoe stevig is de top 15 (per weging en rond plaats 15)\n',
  async run(argv, io) {
    const { positionals, values } = parseCommandLine(argv, { json: { type: 'boolean' } });
    const file = onePositional(positionals, 'invoerbestand');
    const { wb } = await loadWorkbook(file);
    const json = values.json === true;
    const a = await checkWorkbook(wb, { now: io.now });
    if (a.kind !== 'koppelkansen' && !json) return refuseNotKoppelkansen(file, a.problems, io);
    const result = gevoeligheidOutput(a, json);
    (result.exit === 2 && !json ? io.err : io.out)(result.text);
    return result.exit;
  },
};

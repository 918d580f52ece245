/** `koppelkansen new UIT.xlsx [--wijk NAAM] [--force]`: a fresh workbook from the template. */
import * as fs from 'fs';
import { XlsxWorkbook } from '../../workbook/xlsx/XlsxWorkbook';
import { createKoppelkansenWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { CliError, UsageError } from '../errors';
import { verifyWorkbook, writeOutput } from '../files';
import { onePositional, parseCommandLine } from '../options';

export const newCommand: Command = {
  name: 'new',
  usage: '  koppelkansen new UIT.xlsx [--wijk NAAM]          nieuwe werkmap vanuit het sjabloon\n',
  async run(argv, io) {
    const { positionals, values } = parseCommandLine(argv, { wijk: { type: 'string' }, force: { type: 'boolean' } });
    const out = onePositional(positionals, 'uitvoerbestand');
    if (!/\.xlsx$/i.test(out)) throw new UsageError('cli.outputExtension', '.xlsx');
    if (fs.existsSync(out) && !values.force) throw new CliError('file.exists', [out, false]);
    const wb = XlsxWorkbook.create();
    await createKoppelkansenWorkbook(wb, { wijk: values.wijk, now: io.now });
    await writeOutput(out, await wb.toBuffer(), { verify: verifyWorkbook });
    io.out(`Nieuwe werkmap geschreven: ${out}\n`);
    return 0;
  },
};

/** `koppelkansen onderbouwing IN.xlsx -o UIT.docx [--bijlage-notities] [--namen]`: the Word document for the raad. */
import { checkWorkbook } from '../../workbook/operations';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { loadWorkbook, writeOutput } from '../files';
import { onePositional, parseCommandLine } from '../options';
import { refuseNotKoppelkansen } from '../output';

export const onderbouwingCommand: Command = {
  name: 'onderbouwing',
  usage:
    '  koppelkansen onderbouwing IN.xlsx -o UIT.docx [--bijlage-notities] [--namen]\n' +
    '                                                   onderbouwing voor raad en wijk (Word); --bijlage-notities: overige\n' +
    '                                                   discussie en redenering als bijlage; --namen: schrijvers bij notities\n',
  async run(argv, io) {
    const { positionals, values } = parseCommandLine(argv, {
      output: { type: 'string', short: 'o' },
      namen: { type: 'boolean' },
      'bijlage-notities': { type: 'boolean' },
    });
    const file = onePositional(positionals, 'invoerbestand');
    const out = values.output;
    if (!out) throw new UsageError('cli.outputMissing', 'UIT.docx');
    if (!/\.docx$/i.test(out)) throw new UsageError('cli.outputExtension', '.docx');
    const { wb } = await loadWorkbook(file);
    const check = await checkWorkbook(wb, { now: io.now });
    // an empty or unrelated workbook gives no onderbouwing, not an empty document
    if (check.kind !== 'koppelkansen') return refuseNotKoppelkansen(file, check.problems, io, false);
    // required here, not at the top: the Word writer (docx, about 5 MB) stays out of the other commands' memory.
    // A static require, not import(): under tsx a dynamic import() goes to Node's ESM loader (see main.ts)
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazily loaded on purpose, typed below
    const { buildOnderbouwing } = require('../onderbouwing') as typeof import('../onderbouwing');
    const bytes = await buildOnderbouwing(wb, { now: io.now, authorNames: values.namen === true, notesAppendix: values['bijlage-notities'] === true });
    await writeOutput(out, bytes);
    io.out(`Onderbouwing geschreven: ${out}\n`);
    return 0;
  },
};

/** `koppelkansen samenvoegen A.xlsx B.xlsx … -o GROEP.xlsx [--ronde N] [--force]`: participants' scores into A's rounds. */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../workbook/operations';
import type { WorkbookPort } from '../../workbook/port';
import type { Command } from '../command';
import { CliError, UsageError } from '../errors';
import { loadWorkbook, verifyNewVersionOf, writeOutput } from '../files';
import { parseCommandLine } from '../options';
import { refuseNotKoppelkansen } from '../output';
import { samenvoegen } from '../samenvoegen';

export const samenvoegenCommand: Command = {
  name: 'samenvoegen',
  usage:
    '  koppelkansen samenvoegen A.xlsx B.xlsx … -o GROEP.xlsx [--ronde N]\n' +
    '                                                   scores van deelnemers samenvoegen in de scorerondes van A\n',
  async run(argv, io) {
    const { positionals: files, values } = parseCommandLine(argv, {
      output: { type: 'string', short: 'o' },
      ronde: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (files.length < 2) throw new UsageError('cli.twoWorkbooks');
    const out = values.output;
    if (!out) throw new UsageError('cli.outputMissing', 'GROEP.xlsx');
    if (!/\.xlsx$/i.test(out)) throw new UsageError('cli.outputExtension', '.xlsx');
    if (files.some((f) => path.resolve(f) === path.resolve(out))) throw new UsageError('cli.outputIsAnInput');
    if (fs.existsSync(out) && !values.force) throw new CliError('file.exists', [out, false]);
    const ronde = values.ronde === undefined ? undefined : Number(values.ronde);
    if (ronde !== undefined && (!Number.isInteger(ronde) || ronde < 1)) throw new UsageError('cli.rondeNumber');
    const base = await loadWorkbook(files[0]);
    const check = await checkWorkbook(base.wb, { now: io.now });
    if (check.kind !== 'koppelkansen') return refuseNotKoppelkansen(files[0], check.problems, io, false);
    const sources: { file: string; port: WorkbookPort }[] = [];
    for (const f of files.slice(1)) sources.push({ file: f, port: (await loadWorkbook(f)).wb });
    const result = await samenvoegen(base.wb, sources, io.now ?? new Date(), ronde);
    // the safe writer: Dutch messages naming OUT, read back before the rename, no temporary file left
    await writeOutput(out, await base.wb.toBuffer(), { verify: verifyNewVersionOf(files[0]) });
    for (const l of result.lines) io.out(`${l}\n`);
    io.out(`Geschreven: ${out}\n`);
    return 0;
  },
};

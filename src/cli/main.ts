/**
 * koppelkansen — the command line over .xlsx files. One file per command in
 * src/cli/commands/; options are parsed by Node's `parseArgs` (src/cli/options.ts).
 *   koppelkansen new OUT.xlsx [--wijk NAME]
 *   koppelkansen check IN.xlsx [--json]
 *   koppelkansen apply IN.xlsx -o OUT.xlsx [--propose] [--json] [--in-place] [--allow-xlsm] [--force]
 *   koppelkansen onderbouwing IN.xlsx -o OUT.docx [--bijlage-notities] [--namen]
 *   koppelkansen gevoeligheid IN.xlsx [--json]
 *   koppelkansen samenvoegen A.xlsx B.xlsx … -o GROEP.xlsx [--ronde N]
 * Exit codes: 0 fine, 1 the workbook has errors, 2 the file cannot be read / is not a
 * Koppelkansen workbook / wrong usage.
 */
// static imports: a dynamic import() is left to Node's ESM loader under tsx and finds no extensionless .ts file
import type { Command } from './command';
import { applyCommand } from './commands/apply';
import { checkCommand } from './commands/check';
import { gevoeligheidCommand } from './commands/gevoeligheid';
import { newCommand } from './commands/new';
import { onderbouwingCommand } from './commands/onderbouwing';
import { samenvoegenCommand } from './commands/samenvoegen';
import { KoppelkansenError } from '../core/errors';
import { CliError, UsageError } from './errors';
import { defaultIo, type Io } from './io';

export type { Io } from './io';

/** Every command, in the order of the usage text. */
export const COMMANDS: readonly Command[] = [newCommand, checkCommand, applyCommand, onderbouwingCommand, gevoeligheidCommand, samenvoegenCommand];

/** The usage text (Dutch) printed by `koppelkansen help` and after a usage error. */
export const USAGE = `Gebruik:\n${COMMANDS.map((c) => c.usage).join('')}`;

/**
 * The --json answer for a command that could not do its work (unreadable file, file
 * exists, write failed): `ok` false, the error's key (e.g. "file.passwordProtected") and
 * Dutch message, and the empty lists of the report so readers need no special case.
 */
export function jsonError(e: { key: string; message: string }): { ok: false; error: { code: string; message: string }; problems: []; rows: []; ranking: [] } {
  return { ok: false, error: { code: e.key, message: e.message }, problems: [], rows: [], ranking: [] };
}

/**
 * Runs the command line on `argv` (the arguments after `koppelkansen`).
 * @returns the exit code: 0 fine, 1 the workbook has errors, 2 unreadable / not a Koppelkansen
 * workbook / wrong usage. Never throws: every error is printed on `io.err` in Dutch.
 */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      io.out(USAGE);
      return name ? 0 : 2;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError('cli.unknownCommand', name);
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`koppelkansen: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliError) {
      // --json promises JSON on stdout, also when the command could not do its work
      if (argv.includes('--json')) io.out(`${JSON.stringify(jsonError(e), null, 2)}\n`);
      else io.err(`koppelkansen: ${e.message}\n`);
      return e.exitCode;
    }
    // a workbook's own error (its message is Dutch already) or an unexpected one (a bug, a
    // library's own error in English): in Dutch, with what it means for the user's files
    const known = e instanceof KoppelkansenError ? e : new KoppelkansenError('cli.unexpected', [e instanceof Error ? e.message.replace(/\.$/, '') : String(e)]);
    if (argv.includes('--json')) io.out(`${JSON.stringify(jsonError(known), null, 2)}\n`);
    else io.err(`koppelkansen: ${known.message}\n`);
    return 2;
  }
}

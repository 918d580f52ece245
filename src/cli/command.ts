import type { Io } from './io';

/** One subcommand of `koppelkansen` (one file in src/cli/commands/). */
export interface Command {
  /** The word after `koppelkansen`. */
  name: string;
  /** Its lines in the usage text (Dutch), each starting with two spaces. */
  usage: string;
  /**
   * Runs the command with the arguments after its name.
   * @returns the exit code: 0 fine, 1 the workbook has errors, 2 unreadable / not a Koppelkansen workbook.
   * @throws UsageError (exit 2 with the usage text) or CliError (its own exit code).
   */
  run(argv: string[], io: Io): Promise<number>;
}

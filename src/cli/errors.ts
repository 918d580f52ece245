/**
 * The command line's own errors. Both carry a Dutch message that is printed as is after
 * "koppelkansen: "; main.ts maps them to exit codes.
 */

/** Wrong use of the command line (unknown command or option, missing file): exit 2, with the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A command that cannot do its work (unreadable file, target exists, …): exit `code`, no usage text. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** The process exit code (2 for files that cannot be read or written). */
    readonly code: number,
  ) {
    super(message);
  }
}

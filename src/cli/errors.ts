/**
 * The command line's own errors, typed; their Dutch messages are in the one table of
 * src/core/errors.ts (keys "cli.…" for wrong use, "file.…" for the user's files). main.ts
 * prints the message after "koppelkansen: " and maps the error to an exit code.
 */
import { KoppelkansenError, type ErrorArgs, type ErrorKey } from '../core/errors';

type CliKey = Extract<ErrorKey, `cli.${string}`>;

/** Wrong use of the command line (unknown command or option, missing file): exit 2, with the usage text. */
export class UsageError<K extends CliKey = CliKey> extends KoppelkansenError<K> {
  override readonly name = 'UsageError';
  constructor(key: K, ...args: ErrorArgs<K>) {
    super(key, args);
  }
}

/** A command that cannot do its work (unreadable file, target exists, …): exit `exitCode`, no usage text. */
export class CliError<K extends ErrorKey = ErrorKey> extends KoppelkansenError<K> {
  override readonly name: string = 'CliError';
  constructor(
    key: K,
    args: ErrorArgs<K>,
    /** The process exit code (2 for files that cannot be read or written). */
    readonly exitCode = 2,
    cause?: unknown,
  ) {
    super(key, args, { cause });
  }
}

/**
 * Runs the command line's `main()` in this process, the way the CLI tests drive it.
 */
import { main } from '../../src/cli/main';

/** What one CLI run gave back: its exit code and everything it wrote to stdout and stderr. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * A `run(args)` function that calls `main(args)` with a fixed clock (`now`) and collects the
 * output. In: the arguments as a user types them after `koppelkansen`. Out: a {@link CliRun}.
 * Raises nothing itself: `main` turns every failure into an exit code and a message.
 */
export function cliRunner(now: Date): (args: string[]) => Promise<CliRun> {
  return async (args) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (s) => void out.push(s), err: (s) => void err.push(s), now });
    return { code, out: out.join(''), err: err.join('') };
  };
}

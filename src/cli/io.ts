/** Where a command writes its output: stdout and stderr, and the clock (tests fix `now`). */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** The moment the command runs (dates in the workbook, the checklist's deadlines); default: the real clock. */
  now?: Date;
}

export const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/**
 * The shape of one `npm run bench` section. A section is a file `scripts/bench/<topic>.ts`
 * that exports `section`; the runner (`scripts/bench.ts`) finds every such file, runs the
 * ones asked for in `order`, and prints each table with its columns aligned, so figures
 * at different sizes (or of ours beside a reference) stand side by side in one run.
 * Figures are measurements, never assertions: a section never fails because something is slow.
 */
interface BenchOptions {
  /** `--quick`: the smallest sizes only (a smoke run of the bench itself). */
  quick: boolean;
}

export interface BenchTable {
  /** One line above the table. */
  title: string;
  /** Column headings; the first column names the case (e.g. "1,000 × 12"). */
  columns: string[];
  /** One row per case; numbers are printed as given, so format them in the section. */
  rows: (string | number)[][];
  /** How many columns from the left are text, printed left-aligned (default 1: the case); the rest are right-aligned. */
  textColumns?: number;
  /** Lines printed under the table (how it was measured, targets, caveats). */
  notes?: string[];
  /** The figures that have a target in an issue: collected by the runner into one table at the end. */
  targets?: BenchTarget[];
}

/** One measured figure beside its target (issue 9/10), for the runner's closing table. */
export interface BenchTarget {
  /** What was measured, with its size: "apply ÷ LibreOffice, 10,000 × 20". */
  figure: string;
  /** The measured value as printed: "0.42", "23.1 KiB". */
  value: string;
  /** The target as text: "≤ 0.5". */
  target: string;
  /** Whether the value meets the target; null when it could not be measured here. */
  met: boolean | null;
}

export interface BenchSection {
  /** Short name used on the command line: `npm run bench -- <id>`. */
  id: string;
  /** Heading printed above the section's tables. */
  title: string;
  /** Sort key; sections run in ascending order (then by id). */
  order: number;
  /** How long a full run of this section takes on a 2-core machine, e.g. "~20 s". */
  estimate: string;
  /** Sections run with this one whenever it is named on the command line (their figures belong beside its own), e.g. the engine beside the formulas. */
  alsoRuns?: string[];
  run(options: BenchOptions): Promise<BenchTable[]>;
}

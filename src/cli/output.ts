/** What the commands print: problems, the summary with the top 15, and the exit code for an analysis. */
import type { Analysis } from '../core/analyze';
import { cellAddress } from '../core/a1';
import { errorText } from '../core/errors';
import { formatNumber } from '../core/numbers';
import { formatProblem, problem, type Problem } from '../core/problems';
import type { WorkbookSnapshot } from '../core/snapshot';
import { MAX_CELL_TEXT } from '../core/textSafety';
import type { PatchWarning } from '../workbook/xlsx/package/patchPackage';
import type { Io } from './io';

/** One line per problem ("Blad!A1: fout: …"). */
export function printProblems(problems: Problem[], io: Io): void {
  for (const p of problems) io.out(`${formatProblem(p)}\n`);
}

/**
 * For a workbook that is no Koppelkansen workbook (empty, unrelated): the analysis' problems
 * on stdout, then one line on stderr naming the user's `file`; `wrote` false says nothing
 * was written. @returns exit code 2
 */
export function refuseNotKoppelkansen(file: string, problems: Problem[], io: Io, wrote?: false): number {
  printProblems(problems, io);
  io.err(`koppelkansen: ${errorText('file.notKoppelkansen', file, wrote === false)}\n`);
  return 2;
}

/** The counts of koppelkansen, totals, errors and warnings, then the automatic top 15. */
export function printSummary(a: Analysis, io: Io): void {
  const rows = a.werkblad?.rows ?? [];
  const errors = a.problems.filter((p) => p.severity === 'error').length;
  const warnings = a.problems.filter((p) => p.severity === 'warning').length;
  io.out(`${rows.length} koppelkansen, ${a.ranking.length} met een totaal, ${errors} fout(en), ${warnings} waarschuwing(en).\n`);
  if (a.top.length) {
    io.out('Top 15:\n');
    for (const e of a.top) io.out(`  ${String(e.rank).padStart(2)}. ${e.koppelkans} (${formatNumber(e.total)})\n`);
  }
}

/** 2 when the workbook is not a Koppelkansen workbook, 1 when it has errors, else 0. */
export function exitFor(a: Analysis): number {
  if (a.kind !== 'koppelkansen') return 2;
  return a.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/**
 * What the .xlsx writer reported (`warnings` from XlsxWorkbook.packageWriter): cells whose text held characters XML forbids (stored as
 * Excel's _xHHHH_ escapes) and print areas/titles of the team's that were kept.
 */
export function forbiddenCharacterProblems(warnings: readonly PatchWarning[]): Problem[] {
  return warnings.map((w) =>
    w.kind === 'forbiddenCharacters'
      ? problem('TEXT_CHARACTERS', w.sheet, w.cell)
      : problem('PAGE_SETUP_KEPT', w.sheet, 'A1', { name: w.name, theirs: w.theirs, ours: w.ours }),
  );
}

/** Cells holding more text than Excel's limit of 32,767 characters (a file made by another program). */
export function longTextProblems(snapshot: WorkbookSnapshot): Problem[] {
  const out: Problem[] = [];
  for (const sheet of snapshot.sheets) {
    sheet.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === 'string' && v.length > MAX_CELL_TEXT)
          out.push(problem('TEXT_TOO_LONG', sheet.name, cellAddress(r + 1, c + 1), { length: v.length.toLocaleString('nl-NL') }));
      }),
    );
  }
  return out;
}

/** The analysis' problems plus the plan's CELL_OCCUPIED warnings it does not already name. */
export function mergeProblems(a: Problem[], b: Problem[]): Problem[] {
  const key = (p: Problem) => `${p.code}|${p.sheet}|${p.cell}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((p) => p.code === 'CELL_OCCUPIED' && !seen.has(key(p)))];
}

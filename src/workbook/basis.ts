/**
 * The check of a plan against the snapshot it was built on (`ApplyOptions.basis`), shared by
 * every adapter: before anything is written, each cell an unguarded `setCells` of the plan
 * writes must still be what the basis showed. This is what lets a pane edit be built on the
 * adapter's remembered snapshot (no re-read of every cell before it) without ever writing
 * over a change it did not see: a colleague's change to a cell the plan writes, made before
 * or after the edit's read, refuses the whole plan (WorkbookError 'cellsChanged', Dutch,
 * naming sheet and cell), and nothing is written.
 *
 * The rule per cell (the cell as it is before the plan, columns traced back through the
 * plan's earlier column inserts and deletes, columnShift.ts `columnBefore`; cells in a
 * column the plan inserts itself are new and not compared):
 *  - a cell that already holds the value the plan writes there is never a change (a
 *    formula the plan writes is not compared: the adapter need not read formula texts);
 *  - a cell of the product's own part of the plan (`Plan.ownFrom`: its formulas, labels,
 *    Resultaat, the "Berekend door de add-in" texts, which another pane's plan rewrites
 *    too) is a change only when the team typed a value where the basis showed an empty
 *    cell or a formula: the engine's own rule for what it may write (werkblad.ts
 *    `engineMayWrite`), which on a fresh read would have left that value alone
 *    (CELL_OCCUPIED). Whatever the product wrote there is never named;
 *  - any other cell (the team's: what the edit itself writes, or every cell of a plan
 *    without `ownFrom`): a formula cell in the basis must still hold a formula (its value
 *    is not compared: it changes with any recalculation; a formula edited in place is not
 *    seen, as with the formula stamp, src/workbook/office/stampedFormulas.ts), and any
 *    other cell must still hold no formula and the same value, compared as guarded writes
 *    compare (keyedRows.ts `sameCellValue`: empty and "" alike, line breaks alike).
 * Guarded ops (`expect`), row ops and column ops carry their own checks and are not
 * targets here; nor are sheets the basis does not have (a sheet the plan adds).
 *
 * The guards speak first: when a cell changed AND a guarded setCells of the plan meets a
 * co-author's change (its `expect`), the adapter writes nothing and reports the guard's
 * conflicts (ApplyResult.conflicts, operations 0) instead of refusing with 'cellsChanged':
 * the edit's own cell is what the user must hear about (the pane says "Er is niets
 * overschreven" and names it), not a cell the plan would have written along with it.
 */
import { columnLetter, columnNumber, parseCell, rangeAddress } from '../core/a1';
import { columnBefore, sameSheet, type ColumnShift } from '../core/columnShift';
import { sameCellValue, type CellConflict } from '../core/keyedRows';
import { simulateApply } from '../core/simulate';
import { engineMayWriteCell } from '../core/werkblad';
import type { CellInput, CellValue, Plan, SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { WorkbookError } from './errors';
import type { ApplyResult } from './port';

/** A block of cells a plan writes, in the sheet's coordinates before the plan (rows and columns 1-based). */
export interface BasisTarget {
  /** The sheet's name as the basis spells it. */
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Written by the product's own part of the plan (`Plan.ownFrom`): judged by the product's rule (file comment). */
  own: boolean;
  /** What the plan writes into the cell at (row, column) of the target (its coordinates before the plan). */
  input: (row: number, column: number) => CellInput | undefined;
}

/** A cell as it is in the workbook now: its value and whether it holds a formula. */
export interface LiveCell {
  value: CellValue;
  formula: boolean;
}

/**
 * The blocks of cells the unguarded `setCells` ops of `plan` write, as they are before the
 * plan (see the file comment), on the sheets of `basis`. Each op gives one block per run of
 * adjacent columns that existed before the plan.
 */
export function basisTargets(plan: Plan, basis: WorkbookSnapshot): BasisTarget[] {
  const out: BasisTarget[] = [];
  const shifts: ColumnShift[] = [];
  const ownFrom = plan.ownFrom ?? plan.ops.length;
  for (const [i, op] of plan.ops.entries()) {
    if (op.kind === 'insertColumns' || op.kind === 'deleteColumns') {
      shifts.push({ sheet: op.sheet, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count });
      continue;
    }
    if (op.kind !== 'setCells' || op.expect || !op.cells.length) continue;
    const sheet = basis.sheets.find((s) => sameSheet(s.name, op.sheet));
    if (!sheet) continue;
    const { row, column } = parseCell(op.cell);
    const width = Math.max(0, ...op.cells.map((line) => line.length));
    const bottom = row + op.cells.length - 1;
    const earlier = shifts.filter((s) => sameSheet(s.sheet, op.sheet));
    const own = i >= ownFrom;
    let run: BasisTarget | null = null;
    for (let c = column; c < column + width; c++) {
      const before = earlier.length ? columnBefore(c, earlier) : c;
      if (before !== null && run && before === run.right + 1) run.right = before;
      else {
        if (run) out.push(run);
        // within a run the plan's columns follow the columns before it one by one
        const shift: number = c - (before ?? 0);
        run =
          before === null
            ? null
            : {
                sheet: sheet.name,
                top: row,
                bottom,
                left: before,
                right: before,
                own,
                input: (r: number, k: number): CellInput | undefined => op.cells[r - row]?.[k + shift - column],
              };
      }
    }
    if (run) out.push(run);
  }
  return out;
}

/** A basis cell: its value and its formula text ("" when it holds none). */
function basisCell(sheet: SheetSnapshot, row: number, column: number): { value: CellValue; formula: string } {
  return { value: sheet.values[row - 1]?.[column - 1] ?? null, formula: sheet.formulas?.[row - 1]?.[column - 1] ?? '' };
}

/** Whether a cell holds what `input` writes (a formula input: never known to, its text is not read). */
function holdsInput(now: LiveCell, input: CellInput | undefined): boolean {
  if (!input || 'formula' in input || now.formula) return false;
  const value = 'text' in input ? input.text : 'number' in input ? input.number : 'bool' in input ? input.bool : null;
  return sameCellValue(now.value, value);
}

/**
 * The cells of `targets` that no longer are what `basis` showed, by the rule of the file
 * comment, read through `live(sheet, row, column)`; at most `limit` of them. A conflict's
 * `expected` is the basis value (a formula cell's: its formula text), `actual` what the
 * cell holds now.
 */
export function basisConflicts(
  targets: BasisTarget[],
  basis: WorkbookSnapshot,
  live: (sheet: string, row: number, column: number) => LiveCell,
  limit = 3,
): CellConflict[] {
  const out: CellConflict[] = [];
  for (const t of targets) {
    const sheet = basis.sheets.find((s) => sameSheet(s.name, t.sheet));
    if (!sheet) continue;
    for (let r = t.top; r <= t.bottom; r++)
      for (let c = t.left; c <= t.right; c++) {
        const was = basisCell(sheet, r, c);
        const now = live(t.sheet, r, c);
        if (holdsInput(now, t.input(r, c))) continue;
        const same = t.own
          ? !engineMayWriteCell(was.value, was.formula !== '') || engineMayWriteCell(now.value, now.formula)
          : was.formula
            ? now.formula
            : !now.formula && sameCellValue(now.value, was.value);
        if (same) continue;
        out.push({ sheet: t.sheet, cell: `${columnLetter(c)}${r}`, expected: was.formula || was.value, actual: now.value });
        if (out.length >= limit) return out;
      }
  }
  return out;
}

/** Characters of each text a message shows, and how many of them come before the first difference. */
const SHOWN = 60;
const BEFORE_DIFFERENCE = 20;

/**
 * Two texts as a message shows them: whole when both are short; otherwise each cut to
 * about `SHOWN` characters around the first character where they differ (about
 * `BEFORE_DIFFERENCE` characters before it, from the start of a word, the rest after),
 * with "…" where text was left out. Two long texts that begin alike (a Totalen formula of
 * 2 KB, a "Berekend door de add-in op …" sentence) show where they differ, not the same
 * first characters twice.
 */
function differingExcerpts(a: string, b: string): [string, string] {
  if (a.length <= SHOWN && b.length <= SHOWN) return [a, b];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let start = i <= BEFORE_DIFFERENCE ? 0 : i - BEFORE_DIFFERENCE;
  // from the start of a word when one begins a little before
  const space = a.lastIndexOf(' ', start);
  if (start > 0 && space >= 0 && start - space <= 10) start = space + 1;
  const cut = (text: string) => {
    if (text.length <= SHOWN && start === 0) return text;
    const end = start + SHOWN;
    return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  };
  return [cut(a), cut(b)];
}

/** The WorkbookError for the first conflict of a basis check: nothing of the plan was written. */
export function cellsChangedError(conflict: CellConflict): WorkbookError {
  const text = (v: CellValue) => (v === null ? '' : String(v));
  const [expected, actual] = differingExcerpts(text(conflict.expected), text(conflict.actual));
  return new WorkbookError('cellsChanged', [conflict.sheet, conflict.cell, expected, actual], conflict.sheet, conflict.cell);
}

/**
 * For the adapters that hold the workbook (memory, .xlsx), before anything is written:
 * null when every cell `plan` writes is still what `basis` showed (write the plan as
 * usual), judged on `sheetOf` (the workbook's sheets now, by name in any case; asked once
 * per sheet). When one is not: the conflicts of the plan's guarded setCells on the
 * workbook as it is (`workbookNow`, asked only then; the plan as it would be carried out,
 * src/core/simulate.ts), which speak first (write nothing, report them); throws
 * WorkbookError 'cellsChanged' naming the changed cell when there are none.
 */
export function checkBasis(
  plan: Plan,
  basis: WorkbookSnapshot,
  sheetOf: (name: string) => SheetSnapshot | undefined,
  workbookNow: () => WorkbookSnapshot,
): CellConflict[] | null {
  const targets = basisTargets(plan, basis);
  if (!targets.length) return null;
  const sheets = new Map<string, SheetSnapshot | undefined>();
  const [first] = basisConflicts(targets, basis, (name, r, c) => {
    const key = name.toLowerCase();
    if (!sheets.has(key)) sheets.set(key, sheetOf(name));
    const now = sheets.get(key);
    if (!now) return { value: null, formula: false };
    const cell = basisCell(now, r, c);
    return { value: cell.value, formula: cell.formula !== '' };
  });
  if (!first) return null;
  // the guarded setCells' conflicts (those of keyed row ops carry their key: not checked before the writes)
  const guards = simulateApply(workbookNow(), plan.ops).outcomes.conflicts.filter((c) => c.key === undefined);
  if (guards.length) return guards;
  throw cellsChangedError(first);
}

/** What an apply that wrote nothing reports when the guards spoke first (`checkBasis`): their conflicts. */
export function refusedByGuards(plan: Plan, conflicts: CellConflict[]): ApplyResult {
  return { operations: 0, appendedAt: plan.ops.filter((op) => op.kind === 'appendRows').map(() => 0), missingKeys: [], conflicts };
}

/** "C6:D9" for a target (messages and loads). */
export function targetAddress(t: Pick<BasisTarget, 'top' | 'bottom' | 'left' | 'right'>): string {
  return rangeAddress(t.top, t.left, t.bottom, t.right);
}

/**
 * What a whole-column delete does to the team's own formulas, found before anything
 * changes, so the pane can name them and ask (issue 11: removing a succesfactor deletes its
 * column). The team's formula `='Werkblad koppelkansen kiezen'!D7*2` on a sheet "Eigen"
 * becomes `=#REF!*2` when column D is deleted; Excel does that, and the memory and xlsx
 * adapters do it by the same rule (src/core/columnShift.ts, which this module reuses: no
 * second formula reader).
 *
 * What is seen: the formulas of every cell of every sheet in the snapshot. What is not: the
 * workbook's defined names, conditional-format rules and the team's own data-validation
 * rules. The xlsx adapter shifts those too (src/workbook/xlsx/package/columns.ts) and Excel
 * does, but no adapter reads them into a `WorkbookSnapshot` (it holds cells and the
 * validations the engine asked about), so they cannot be listed here.
 */
import { cellAddress, columnNumber, parseCell } from './a1';
import { sameSheet, sheetSpansIn, shiftColumn, shiftFormula, type ColumnShift } from './columnShift';
import { removeFactorEdit, readFactorInfo, type FactorColumnOptions } from './factors';
import { planWithEdit } from './plan';
import type { PlanOptions } from './plan/context';
import type { PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { Werkblad } from './werkblad';

/** A formula of the workbook that a column change breaks, or may change. */
export interface BrokenFormula {
  /** The sheet and cell where the formula stands before the change. */
  sheet: string;
  cell: string;
  /** The formula as it is now, with its "=". */
  formula: string;
  /**
   * 'ref': it gets (another) #REF! by the rule Excel follows (columnShift.ts);
   * 'mayChange': it holds a 3-D reference whose sheet range includes the changed sheet,
   * for which Excel's behaviour is not sourced (columnShift.ts's comment).
   */
  kind: 'ref' | 'mayChange';
}

/** "Eigen!A1": a formula's place as the pane's messages name cells. */
export function formulaPlace(b: Pick<BrokenFormula, 'sheet' | 'cell'>): string {
  return `${b.sheet}!${b.cell}`;
}

const refCount = (formula: string): number => formula.match(/#REF!/gi)?.length ?? 0;

/** True when the 3-D span first..last (by the workbook's tab order, `order`) includes `sheet`. */
function spanIncludes(order: string[], first: string, last: string, sheet: string): boolean {
  const a = order.findIndex((s) => sameSheet(s, first));
  const b = order.findIndex((s) => sameSheet(s, last));
  const at = order.findIndex((s) => sameSheet(s, sheet));
  if (a < 0 || b < 0 || at < 0) return false;
  return Math.min(a, b) <= at && at <= Math.max(a, b);
}

/**
 * Every formula of `snapshot` that the column shifts `shifts` (applied in order, as the
 * insertColumns/deleteColumns ops of one plan run) would break: it gains a #REF! (a
 * reference to a deleted cell, or a range wholly inside deleted columns; a range that only
 * partly overlaps them shrinks and is not listed), or it holds a 3-D reference spanning a
 * changed sheet ('mayChange'). A formula in a deleted cell itself is not listed (it goes with
 * its column; the caller counts those cells). Sheets in the snapshot's order, which is the
 * workbook's tab order; then row, then column. An insert never adds a #REF! except for a
 * reference pushed past column XFD, which the adapters refuse before anything changes.
 * Pure; nothing is excluded as the product's own here (see `factorRemovalImpact`).
 */
export function formulasBrokenByShifts(snapshot: WorkbookSnapshot, shifts: ColumnShift[]): BrokenFormula[] {
  const out: BrokenFormula[] = [];
  if (!shifts.length) return out;
  const order = snapshot.sheets.map((s) => s.name);
  // a formula on another sheet changes only through a reference naming a changed sheet (its
  // name in the text, quoted or not) or a 3-D one: the rest (most of Keuzelijsten) is not scanned
  const names = shifts.flatMap((s) => [s.sheet.toLowerCase(), s.sheet.toLowerCase().replace(/'/g, "''")]);
  for (const sheet of snapshot.sheets) {
    const shifted = shifts.some((s) => sameSheet(s.sheet, sheet.name));
    const formulas = sheet.formulas ?? [];
    for (let r = 0; r < formulas.length; r++) {
      const line = formulas[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const formula = line[c];
        if (!formula || (!shifted && !formula.includes('!'))) continue;
        if (columnAfter(sheet.name, c + 1, shifts) === null) continue;
        const cell = cellAddress(r + 1, c + 1);
        let after = formula;
        if (shifted || names.some((n) => formula.toLowerCase().includes(n))) for (const shift of shifts) after = shiftFormula(after, sheet.name, shift);
        if (refCount(after) > refCount(formula)) out.push({ sheet: sheet.name, cell, formula, kind: 'ref' });
        else if (formula.includes(':') && sheetSpansIn(formula).some((span) => shifts.some((s) => spanIncludes(order, span.first, span.last, s.sheet))))
          out.push({ sheet: sheet.name, cell, formula, kind: 'mayChange' });
      }
    }
  }
  return out;
}

/** The column `column` of `sheet` after `shifts`, or null when one of them deletes it. */
function columnAfter(sheet: string, column: number, shifts: ColumnShift[]): number | null {
  let c: number | null = column;
  for (const shift of shifts) {
    if (c === null) return null;
    if (sameSheet(sheet, shift.sheet)) c = shiftColumn(c, shift);
  }
  return c;
}

/** The column shifts of a plan's insertColumns/deleteColumns ops, in order. */
function shiftsOf(ops: PlanOp[]): ColumnShift[] {
  return ops.flatMap((op): ColumnShift[] =>
    op.kind === 'insertColumns' || op.kind === 'deleteColumns'
      ? [{ sheet: op.sheet, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count }]
      : [],
  );
}

/** What removing a succesfactor takes with it, as the pane asks about it first. */
export interface FactorRemoval {
  ok: true;
  /** The edit's ops (removeFactorEdit), to apply with the rest of the plan once the team agreed. */
  ops: PlanOp[];
  /** Score cells that go with the factor (readFactorInfo's count). */
  scores: number;
  /** The team's formulas that get #REF! ("Eigen!A1"), in the order of formulasBrokenByShifts. */
  broken: BrokenFormula[];
  /** The team's formulas with a 3-D reference over the werkblad: they may change. */
  mayChange: BrokenFormula[];
  /**
   * The place (`formulaPlace`) of every formula the delete breaks or may change, the
   * product's too: pass it back as `accepted` when applying, so only what is new then
   * needs the plan to tell the team's from the product's.
   */
  seen: string[];
}

/**
 * Removing factor `index` of `werkblad` (on `sheet` of `snapshot`): the edit
 * (removeFactorEdit with `options`) and what it takes along: the factor's scores and the
 * team's formulas it breaks (formulasBrokenByShifts over the edit's column ops). A formula
 * the product writes again in the same plan (`planWithEdit`: Totalen, Resultaat,
 * Prioritering, Keuzelijsten, whatever cell the engine owns) is the product's and not
 * listed; only when some formula breaks is the plan built to find that out. Without column
 * ops (a port that cannot shift columns: the factor block is rewritten) no reference
 * breaks. With `options.accepted` (places, as `seen` gave them when the team was asked)
 * those formulas are left out: `broken` and `mayChange` are then only what is new, and the
 * plan is built only when something is. Returns removeFactorEdit's Dutch refusal as
 * `message` when it refuses.
 */
export function factorRemovalImpact(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  werkblad: Werkblad,
  index: number,
  options: FactorColumnOptions & Pick<PlanOptions, 'now'> & { accepted?: ReadonlySet<string> } = {},
): FactorRemoval | { ok: false; message: string } {
  const edit = removeFactorEdit(sheet, werkblad, index, options);
  if (!edit.ok) return edit;
  const scores = readFactorInfo(sheet, werkblad)[index]?.scores ?? 0;
  const all = formulasBrokenByShifts(snapshot, shiftsOf(edit.ops));
  const seen = all.map(formulaPlace);
  let found = options.accepted ? all.filter((b) => !options.accepted!.has(formulaPlace(b))) : all;
  if (found.length) {
    const shifts = shiftsOf(edit.ops);
    const written = writtenCells(planWithEdit(snapshot, edit.ops, { now: options.now }).plan.ops);
    found = found.filter((b) => {
      const { row, column } = parseCell(b.cell);
      const now = columnAfter(b.sheet, column, shifts);
      return now === null || !written.has(`${b.sheet.toLowerCase()}|${row}|${now}`);
    });
  }
  return { ok: true, ops: edit.ops, scores, broken: found.filter((b) => b.kind === 'ref'), mayChange: found.filter((b) => b.kind === 'mayChange'), seen };
}

/** Every cell a plan's setCells ops write ("sheet|row|column", sheet in lower case), at the coordinates after its column ops. */
function writtenCells(ops: PlanOp[]): Set<string> {
  const out = new Set<string>();
  for (const op of ops) {
    if (op.kind !== 'setCells') continue;
    const { row, column } = parseCell(op.cell);
    op.cells.forEach((line, i) => line.forEach((_, j) => out.add(`${op.sheet.toLowerCase()}|${row + i}|${column + j}`)));
  }
  return out;
}

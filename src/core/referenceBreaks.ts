/**
 * What a whole-column delete does to the team's own formulas, found before anything
 * changes, so the pane can name them and ask (issue 11: removing a succesfactor deletes its
 * column). The team's formula `='Werkblad koppelkansen kiezen'!D7*2` on a sheet "Eigen"
 * becomes `=#REF!*2` when column D is deleted; Excel does that, and the memory and xlsx
 * adapters do it by the same rule (src/core/columnShift.ts, which this module reuses: no
 * second formula reader).
 *
 * What is seen: the formulas of every cell of every sheet in the snapshot, and, when the
 * snapshot carries them (`WorkbookSnapshot.definitions`, read on request), the workbook's
 * defined names, conditional formats and data-validation rules (`definitionsBrokenByShifts`),
 * the formulas that use a name (`formulasUsingNames`) and the cells' comments
 * (`commentsAffected`). A formula whose cells its text does not fix (INDIRECT of a computed
 * address, OFFSET …) is
 * named as not checkable (`formulasUncheckable`) instead of passing silently.
 * Those change on a column delete as a cell's formula does (columnShift.ts's rule): a name
 * that refers to deleted cells gets #REF! (J. Walkenbach, "How Excel Maintains Cell and
 * Range Names", cited in columnShift.ts; DevExpress's Excel-compatible spreadsheet documents
 * the same: "After you delete a named cell or cell range, all cells using defined names that
 * refer to the deleted cell or cell range will display the #REF! error",
 * https://docs.devexpress.com/OfficeFileAPI/DevExpress.Spreadsheet.DefinedNameCollection.Remove(System.String)).
 * A conditional format or validation exists only for the cells of its range (OOXML sqref:
 * conditionalFormatting's sqref is the "Range over which these conditional formatting rules
 * apply", https://c-rex.net/samples/ooxml/e1/part4/OOXML_P4_DOCX_conditionalFormattin_topic_ID0EN4R4.html),
 * so it shrinks with deleted columns and goes with the last of
 * them. NOT sourced from Microsoft: that Excel moves a rule's formula like a cell's (no
 * Microsoft page says what a column delete does to a rule's formula; ClosedXML's issue
 * #686 expects it, "Ranges and formulas of conditional format rules should follow the
 * range shifts"), so a rule's formula is judged by the cell rule, searched 2026-12-02.
 *
 * The same for a rewrite by value (moving a succesfactor one place rewrites the factor
 * block; no column moves): a team formula keeps pointing at the same cells and silently
 * computes from another factor afterwards (`formulasReadingRewrite`, `factorMoveImpact`),
 * and the team's conditional formats and validations stay on their cells, so they then
 * cover or read another factor's (`rulesOverRewrite`).
 * Why not move the columns as Excel's cut and insert does, references and all: Office.js
 * has `Range.moveTo` only from ExcelApi 1.11 (the manifest asks 1.8), its documentation
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-moveto-member(1))
 * says what happens to the moved cells, not to formulas elsewhere that point at them, and
 * the memory and xlsx adapters would need a rule for ranges that partly cover the moved
 * columns that no source states. So the pane names those formulas and asks instead.
 */
import { cellAddress, columnNumber, parseCell } from './a1';
import {
  formulaTokens,
  referencesIn,
  sameSheet,
  sheetSpansIn,
  shiftColumn,
  shiftFormula,
  shiftRanges,
  type ColumnShift,
  type FormulaReference,
} from './columnShift';
import { formulaAt, valueAt } from './grid';
import { simulate } from './simulate';
import { addFactorEdit, moveFactorEdit, removeFactorEdit, readFactorInfo, type FactorColumnOptions } from './factors';
import { buildPlan, validationTargets } from './plan';
import type { PlanOptions } from './plan/context';
import type { CellInput, DefinedNameSnapshot, DefinitionKind, PlanOp, RangeRuleSnapshot, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { commentKey, commentKindsUnread, type AffectedComment } from './cellComments';
import type { TeamCell } from './stap2';
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
   * for which Excel's behaviour is not sourced (columnShift.ts's comment);
   * 'reads': its text stays, but it reads a cell whose content the edit replaces (a
   * factor's scores rewritten by value into another column), so it computes from other
   * content afterwards (formulasReadingRewrite);
   * 'unknown': what it reads is not in its text (INDIRECT of a computed address, OFFSET, a range between function
   * results, a structured reference: `formulasUncheckable`), so whether the change reaches it
   * cannot be checked.
   */
  kind: 'ref' | 'mayChange' | 'reads' | 'unknown';
  /**
   * The defined name through which it reaches the changed cells (`=SUM(TeamGewicht)`), when
   * it does so through a name rather than its own references (`formulasUsingNames`).
   */
  name?: string;
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
 * Calls `visit` for every formula cell of `snapshot` (`SheetSnapshot.formulas`): sheets in
 * the snapshot's order, which is the workbook's tab order, then row, then column; `row` and
 * `column` are 1-based cell coordinates; `formula` is the text as read (with its "=").
 * Empty cells are skipped. The one walk the formula checks below share.
 */
function eachFormula(snapshot: WorkbookSnapshot, visit: (sheet: SheetSnapshot, row: number, column: number, formula: string) => void): void {
  for (const sheet of snapshot.sheets) {
    const formulas = sheet.formulas ?? [];
    for (let r = 0; r < formulas.length; r++) {
      const line = formulas[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const formula = line[c];
        if (formula) visit(sheet, r + 1, c + 1, formula);
      }
    }
  }
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
  const shiftedSheets = new Set(snapshot.sheets.filter((sheet) => shifts.some((s) => sameSheet(s.sheet, sheet.name))));
  eachFormula(snapshot, (sheet, row, column, formula) => {
    const shifted = shiftedSheets.has(sheet);
    if (!shifted && !formula.includes('!')) return;
    if (columnAfter(sheet.name, column, shifts) === null) return;
    const cell = cellAddress(row, column);
    let after = formula;
    if (shifted || names.some((n) => formula.toLowerCase().includes(n))) for (const shift of shifts) after = shiftFormula(after, sheet.name, shift);
    if (refCount(after) > refCount(formula)) out.push({ sheet: sheet.name, cell, formula, kind: 'ref' });
    else if (formula.includes(':') && sheetSpansIn(formula).some((span) => shifts.some((s) => spanIncludes(order, span.first, span.last, s.sheet))))
      out.push({ sheet: sheet.name, cell, formula, kind: 'mayChange' });
  });
  return out;
}

/** A defined name, conditional format or data validation that a column change breaks, or may change. */
export interface BrokenDefinition {
  kind: 'name' | 'conditionalFormat' | 'validation';
  /** A name: the sheet it is local to, '' for the workbook; a rule: its sheet. */
  sheet: string;
  /** A name: its name; a rule: its ranges as read, space-separated ("D6:D105 F6"). */
  label: string;
  /** The formula that breaks or may change, with its "=" ('' for a rule that only loses its cells). */
  formula: string;
  /**
   * 'ref': its formula gets (another) #REF!; 'removed': a rule whose every cell is deleted
   * (it goes with them; Excel keeps no rule without cells); 'mayChange': its formula holds a
   * 3-D reference over a changed sheet (see columnShift.ts); 'reads': a name whose cells
   * are rewritten by value (a reorder), so it then stands for another factor's cells;
   * 'unknown': a name whose cells its text does not fix (INDIRECT, OFFSET …), so whether
   * the change reaches it cannot be checked; 'stays': a rule over some of the cells a
   * rewrite by value changes (a reorder), which stays on its cells and so applies to another
   * factor's cells afterwards (`rulesOverRewrite`). A rule whose formula reads rewritten
   * cells is 'reads' too.
   */
  effect: 'ref' | 'removed' | 'mayChange' | 'reads' | 'unknown' | 'stays';
}

/** The key of a definition in `FactorRemoval.seen` (a formula's is its place, "Eigen!A1"). */
export function definitionKey(d: Pick<BrokenDefinition, 'kind' | 'sheet' | 'label'>): string {
  return `${d.kind}|${d.sheet.toLowerCase()}|${d.label}`;
}

/**
 * Names Excel keeps itself (`_xlnm.` print area, print titles, filter ranges; `_xlfn.`/`_xlpm.`
 * of newer functions; ECMA-376 Part 1, definedName, lists the `_xlnm.` ones): not the team's formulas.
 */
const isBuiltInName = (n: DefinedNameSnapshot) => /^_xl(?:nm|fn|pm)\./i.test(n.name);

/** `formula` (standing on `sheet`; '' for a name's, whose references carry their sheet) after `shifts`, in order. */
function shiftedText(formula: string, sheet: string, shifts: ColumnShift[]): string {
  let after = formula;
  for (const shift of shifts) after = shiftFormula(after, sheet || '\u0000', shift);
  return after;
}

function threeD(formula: string, order: string[], shifts: ColumnShift[]): boolean {
  return formula.includes(':') && sheetSpansIn(formula).some((span) => shifts.some((s) => spanIncludes(order, span.first, span.last, s.sheet)));
}

/**
 * The defined names, conditional formats and data validations of `snapshot.definitions`
 * that the column shifts `shifts` (in order) break: a name whose formula gains a #REF!
 * (it referred to a deleted cell or to a range wholly in deleted columns) or holds a 3-D
 * reference over a changed sheet ('mayChange'); a rule on a changed sheet whose every range
 * is deleted ('removed'); a rule whose formula gains a #REF! ('ref') or holds such a 3-D
 * reference. A name or range that only moves or shrinks is not listed (nothing is lost).
 * Built-in names (`_xlnm.Print_Area` …) are left out: the adapters keep what is left of a
 * print area. Empty when the snapshot holds no definitions. Names first (in the order
 * read), then rules (in the order read). Pure; nothing is excluded as the product's here.
 */
export function definitionsBrokenByShifts(snapshot: WorkbookSnapshot, shifts: ColumnShift[]): BrokenDefinition[] {
  const defs = snapshot.definitions;
  if (!defs || !shifts.length) return [];
  const order = snapshot.sheets.map((s) => s.name);
  const out: BrokenDefinition[] = [];
  for (const n of defs.names) {
    if (isBuiltInName(n)) continue;
    const sheet = n.scope ?? '';
    const base = { kind: 'name' as const, sheet, label: n.name, formula: n.formula };
    // a name's references carry their sheet (Excel stores them so); one without a sheet does not move
    if (refCount(shiftedText(n.formula, '', shifts)) > refCount(n.formula)) out.push({ ...base, effect: 'ref' });
    else if (threeD(n.formula, order, shifts)) out.push({ ...base, effect: 'mayChange' });
  }
  for (const rule of defs.rules) out.push(...ruleBreaks(rule, order, shifts));
  return out;
}

function ruleBreaks(rule: RangeRuleSnapshot, order: string[], shifts: ColumnShift[]): BrokenDefinition[] {
  const base = { kind: rule.kind, sheet: rule.sheet, label: rule.ranges.join(' ') };
  const left = rangesAfter(rule.sheet, rule.ranges, shifts);
  if (!left.length) return [{ ...base, formula: '', effect: 'removed' }];
  for (const f of rule.formulas) if (refCount(shiftedText(f, rule.sheet, shifts)) > refCount(f)) return [{ ...base, formula: f, effect: 'ref' }];
  const mayChange = rule.formulas.find((f) => threeD(f, order, shifts));
  return mayChange ? [{ ...base, formula: mayChange, effect: 'mayChange' }] : [];
}

/** The ranges (A1, on `sheet`) left after `shifts`, moved; [] when every cell of them is deleted. */
function rangesAfter(sheet: string, ranges: string[], shifts: ColumnShift[]): string[] {
  let now: string[] = ranges;
  for (const shift of shifts) {
    if (!sameSheet(sheet, shift.sheet)) continue;
    now = shiftRanges(now, shift);
  }
  return now;
}

/**
 * Every formula of `snapshot` whose result may change because the setCells ops of `ops`
 * replace the content of cells of sheet `sheetName` that it reads (kind 'reads'): the
 * factor block rewritten by value (a reorder, or an add/remove on a port that cannot
 * shift columns) moves a factor's scores into another column, while a formula elsewhere
 * keeps pointing at the same cells, now another factor's (Excel would not update it; cut
 * and paste in Excel would, but nothing is cut here). A cell counts as replaced when what
 * is written differs from what it holds: another value, another formula text, or a clear
 * of a filled cell. A reference counts when its rectangle (columnShift.ts
 * `referencesIn`) covers such a cell, a 3-D reference when its sheet range includes
 * `sheetName` (tab order = the snapshot's order); a range counts even when only part of
 * it changes, as its result may then change too (SUM over both swapped columns does not,
 * INDEX over them does: the text alone cannot tell). A formula in a cell the ops write is
 * judged too, at its place before the edit: the rewrite moves it by its text (a team's
 * `=SUM(D6:D8)` far down column D goes along to E121 and then sums the other factor), so
 * when it reads a replaced cell its result changes as well; the product's formulas among
 * them (Totalen) are for the caller to leave out. Formulas on other sheets are scanned
 * only when they name `sheetName` or a sheet range. Not seen here: defined names
 * (`namesReadingRewrite`) and addresses built at calculation time (INDIRECT, OFFSET:
 * `formulasUncheckable`). `ops` must hold no
 * column ops (their coordinates would be after the shift; `formulasBrokenByShifts` judges
 * those). Order: sheets in tab order, then row, then column. Pure; the product's own
 * formulas are not excluded here (see `factorMoveImpact`).
 */
export function formulasReadingRewrite(snapshot: WorkbookSnapshot, sheetName: string, ops: PlanOp[]): BrokenFormula[] {
  const target = snapshot.sheets.find((s) => sameSheet(s.name, sheetName));
  if (!target) return [];
  const changed = changedCells(target, sheetName, ops);
  const out: BrokenFormula[] = [];
  if (!changed.size) return out;
  const order = snapshot.sheets.map((s) => s.name);
  const reads = (top: number, bottom: number, left: number, right: number) => {
    for (const [column, rows] of changed) if (column >= left && column <= right && rows.some((r) => r >= top && r <= bottom)) return true;
    return false;
  };
  const names = [sheetName.toLowerCase(), sheetName.toLowerCase().replace(/'/g, "''")];
  eachFormula(snapshot, (sheet, row, column, formula) => {
    const own = sameSheet(sheet.name, sheetName);
    if (!own && !(formula.includes('!') && (names.some((n) => formula.toLowerCase().includes(n)) || formula.includes(':')))) return;
    const hit = allReferences(formula, sheet.name).some(
      (ref) =>
        (ref.sheet !== null ? sameSheet(ref.sheet, sheetName) : !!ref.span && spanIncludes(order, ref.span.first, ref.span.last, sheetName)) &&
        reads(ref.top, ref.bottom, ref.left, ref.right),
    );
    if (hit) out.push({ sheet: sheet.name, cell: cellAddress(row, column), formula, kind: 'reads' });
  });
  return out;
}

/** True when writing `input` to the cell changes what it holds. */
function replaces(sheet: SheetSnapshot, row: number, column: number, input: CellInput): boolean {
  const f = formulaAt(sheet, row, column);
  const v = valueAt(sheet, row, column);
  if ('formula' in input) return f !== input.formula;
  if (f) return true;
  if ('clear' in input) return v !== null && v !== '';
  if ('text' in input) return v !== input.text;
  if ('number' in input) return v !== input.number;
  return v !== input.bool;
}

/** The changed cells of `sheetName` (`formulasReadingRewrite`'s rule): column → rows. */
function changedCells(target: SheetSnapshot, sheetName: string, ops: PlanOp[]): Map<number, number[]> {
  const changed = new Map<number, number[]>();
  for (const op of ops) {
    if (op.kind !== 'setCells' || !sameSheet(op.sheet, sheetName)) continue;
    const at = parseCell(op.cell);
    op.cells.forEach((line, i) =>
      line.forEach((input, j) => {
        const row = at.row + i;
        const column = at.column + j;
        if (!replaces(target, row, column, input)) return;
        const rows = changed.get(column) ?? [];
        rows.push(row);
        changed.set(column, rows);
      }),
    );
  }
  return changed;
}

/** True when a reference of `formula` (standing on `formulaSheet`; '' for a name's) points at a cell of `sheetName` that `hit` accepts. */
function refersTo(
  formula: string,
  formulaSheet: string,
  sheetName: string,
  order: string[],
  hit: (top: number, bottom: number, left: number, right: number) => boolean,
): boolean {
  return allReferences(formula, formulaSheet || '\u0000', !formulaSheet).some(
    (ref) =>
      (ref.sheet !== null ? sameSheet(ref.sheet, sheetName) : !!ref.span && spanIncludes(order, ref.span.first, ref.span.last, sheetName)) &&
      hit(ref.top, ref.bottom, ref.left, ref.right),
  );
}

const anywhere = () => true;

/** The team's defined names of `snapshot` (built-in ones left out); [] when the snapshot carries none. */
const teamNames = (snapshot: WorkbookSnapshot): DefinedNameSnapshot[] => (snapshot.definitions?.names ?? []).filter((n) => !isBuiltInName(n));

/**
 * The defined name a use in a formula means (Excel's rule): one qualified with a sheet
 * (`Eigen!Naam`) is that sheet's own name; a bare one is the own name of the sheet the
 * formula stands on (`formulaSheet`; '' for a workbook name's formula), else the
 * workbook's. Names compare without regard to case, as Excel's do.
 */
function resolveName(names: DefinedNameSnapshot[], use: { sheet: string | null; name: string }, formulaSheet: string): DefinedNameSnapshot | undefined {
  const same = (n: DefinedNameSnapshot) => n.name.toLowerCase() === use.name.toLowerCase();
  if (use.sheet !== null) return names.find((n) => same(n) && n.scope !== undefined && sameSheet(n.scope, use.sheet!));
  return (
    (formulaSheet ? names.find((n) => same(n) && n.scope !== undefined && sameSheet(n.scope, formulaSheet)) : undefined) ??
    names.find((n) => same(n) && n.scope === undefined)
  );
}

/** A name as `definitionKey` and the pane know it. */
const nameDefinition = (n: DefinedNameSnapshot, effect: BrokenDefinition['effect']): BrokenDefinition => ({
  kind: 'name',
  sheet: n.scope ?? '',
  label: n.name,
  formula: n.formula,
  effect,
});

/**
 * The INDIRECT calls of `formula` whose address is a fixed text (`INDIRECT("Werkblad!D6")`,
 * `INDIRECT("D6"; TRUE)`), resolved to the references that text names, and whether any
 * INDIRECT call is not such a text (`dynamic`: an address computed when Excel calculates, an
 * R1C1 text (second argument FALSE or 0), a name, a text that is no reference, another
 * workbook). A text without a sheet points at the sheet the formula stands on
 * (`formulaSheet`); in a defined name's formula (`inName`) that is the sheet of whichever
 * cell uses the name, so it counts as dynamic. Excel does not rewrite the text when columns
 * move or are inserted or deleted: it is text, not a reference (INDIRECT "returns the
 * reference specified by a text string", Microsoft's INDIRECT page; it "can be used to
 * always reference the same cells regardless of whether they are moved or copied",
 * https://bettersolutions.com/excel/functions/indirect-function.htm, searched 2026-12-02),
 * so these references never shift; a reorder by value leaves them where they point, as it
 * does a plain reference. Text in quotes elsewhere and quoted sheet names are skipped.
 */
export function indirectTargets(formula: string, formulaSheet: string, inName = false): { refs: FormulaReference[]; dynamic: boolean } {
  const refs: FormulaReference[] = [];
  let dynamic = false;
  const n = formula.length;
  let i = 0;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a text or a quoted sheet name: to its closing quote (a doubled quote is one character)
      let k = i + 1;
      while (k < n && !(formula[k] === ch && formula[k + 1] !== ch)) k += formula[k] === ch ? 2 : 1;
      i = k + 1;
      continue;
    }
    const m = /^indirect\s*\(/i.exec(formula.slice(i, i + 20));
    if (!m || (i > 0 && /[\w.]/.test(formula[i - 1]))) {
      i++;
      continue;
    }
    i += m[0].length;
    const call = literalCall(formula, i);
    const ref = call && resolveAddress(call.text, formulaSheet, inName);
    if (ref) refs.push(ref);
    else dynamic = true;
    if (call) i = call.end;
  }
  return { refs, dynamic };
}

/**
 * The fixed text of an INDIRECT call whose arguments start at `at` (just after its "("):
 * one text in quotes, optionally followed by TRUE or 1 (A1 style), then ")". Null when the
 * call is anything else. `end`: the index after the ")".
 */
function literalCall(formula: string, at: number): { text: string; end: number } | null {
  let k = nextNonSpaceAt(formula, at);
  if (formula[k] !== '"') return null;
  let text = '';
  k++;
  for (;;) {
    if (k >= formula.length) return null;
    if (formula[k] === '"') {
      if (formula[k + 1] === '"') {
        text += '"';
        k += 2;
        continue;
      }
      break;
    }
    text += formula[k++];
  }
  k = nextNonSpaceAt(formula, k + 1);
  if (formula[k] === ',' || formula[k] === ';') {
    const rest = /^\s*(TRUE|1)\s*\)/i.exec(formula.slice(k + 1));
    return rest ? { text, end: k + 1 + rest[0].length } : null;
  }
  return formula[k] === ')' ? { text, end: k + 1 } : null;
}

const nextNonSpaceAt = (formula: string, i: number): number => {
  let k = i;
  while (k < formula.length && formula[k] === ' ') k++;
  return k;
};

/**
 * The one reference an INDIRECT text names ("Werkblad!D6", "'W b'!$D$6:$D$9", "D6"), with
 * the formula's sheet for a text without one; null when the text is no single reference of
 * this workbook or names no sheet inside a defined name (see `indirectTargets`).
 */
function resolveAddress(text: string, formulaSheet: string, inName: boolean): FormulaReference | null {
  const t = text.trim();
  if (!t || /[[\]]/.test(t) || /[\s,;(]/.test(t.replace(/^'(?:[^']|'')*'/, ''))) return null;
  const bang = t.lastIndexOf('!');
  if (bang < 0 && inName) return null;
  const refs = referencesIn(`=${t}`, formulaSheet || '\u0000');
  if (refs.length !== 1 || refs[0].sheet === null || refs[0].span) return null;
  // the whole text must be that reference: "D6+1" or a name is not an address INDIRECT takes
  const bare = (bang < 0 ? t : t.slice(bang + 1)).replace(/\$/g, '');
  if (!/^(?:[A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?|[A-Za-z]{1,3}:[A-Za-z]{1,3}|\d+:\d+)$/.test(bare)) return null;
  return refs[0];
}

/** The references of `formula` (on `formulaSheet`): its own (`referencesIn`) and those its INDIRECT calls name by a fixed text. */
function allReferences(formula: string, formulaSheet: string, inName = false): FormulaReference[] {
  const own = referencesIn(formula, formulaSheet);
  return /indirect\s*\(/i.test(formula) ? [...own, ...indirectTargets(formula, formulaSheet, inName).refs] : own;
}

/**
 * True when a fixed-text INDIRECT reference of `formula` (`indirectTargets`) points at a cell
 * of a sheet that `shifts` change, at or right of the shift's column: the text stays while
 * the columns move under it, so afterwards it reads what was beside it (another factor's
 * scores, Totalen, the team's own column).
 */
function indirectShifted(formula: string, formulaSheet: string, shifts: ColumnShift[], inName = false): boolean {
  if (!/indirect\s*\(/i.test(formula)) return false;
  return indirectTargets(formula, formulaSheet, inName).refs.some((ref) =>
    shifts.some((s) => ref.sheet !== null && sameSheet(ref.sheet, s.sheet) && ref.right >= s.at),
  );
}

/**
 * Every formula of `snapshot` with a fixed-text INDIRECT reference that the column shifts
 * `shifts` leave pointing at other content (`indirectShifted`; kind 'reads'): Excel moves a
 * reference with its cells but never the text of an INDIRECT. A formula in a cell `skip`
 * accepts (a deleted column) is left out. Sheets in tab order, then row, then column. Pure;
 * the product's own formulas are not excluded here.
 */
function formulasReadingIndirectShift(
  snapshot: WorkbookSnapshot,
  shifts: ColumnShift[],
  skip: (sheet: string, column: number) => boolean = () => false,
): BrokenFormula[] {
  const out: BrokenFormula[] = [];
  if (!shifts.length) return out;
  eachFormula(snapshot, (sheet, row, column, formula) => {
    if (!skip(sheet.name, column) && indirectShifted(formula, sheet.name, shifts))
      out.push({ sheet: sheet.name, cell: cellAddress(row, column), formula, kind: 'reads' });
  });
  return out;
}

/** Text that may hold INDIRECT, OFFSET, a structured reference or a range operator next to a function call; formulaTokens decides. */
const DYNAMIC_HINT = /indirect\s*\(|offset\s*\(|\[|\)\s*:|:\s*[A-Za-z_][\w.]*\s*\(/i;

/**
 * True when `formula` (on `formulaSheet`; '' for a name's) reads cells its text does not
 * fix and that may lie on `sheetName`: INDIRECT whose address is not a fixed text
 * (`indirectTargets`: text built at calculation time, of any sheet) or a structured reference (its table is not in the snapshot)
 * anywhere; OFFSET or a range between function results (`INDEX(…):INDEX(…)`) when the
 * formula refers to `sheetName` itself or through a name of `viaNames` (names that do).
 */
function uncheckable(
  formula: string,
  formulaSheet: string,
  sheetName: string,
  order: string[],
  names: DefinedNameSnapshot[],
  viaNames: Set<DefinedNameSnapshot>,
  inName = false,
): boolean {
  // cheap first: most formulas (the Keuzelijsten' ranges) hold none of these
  if (!DYNAMIC_HINT.test(formula)) return false;
  const lower = formula.toLowerCase();
  // OFFSET and ranges of results reach `sheetName` only from a formula on it, naming it, or using a name that does
  const anySheet = lower.includes('indirect') || formula.includes('[');
  if (
    !anySheet &&
    !sameSheet(formulaSheet, sheetName) &&
    !lower.includes(sheetName.toLowerCase().replace(/'/g, "''")) &&
    !lower.includes(sheetName.toLowerCase()) &&
    ![...viaNames].some((n) => lower.includes(n.name.toLowerCase()))
  )
    return false;
  const t = formulaTokens(formula);
  if (t.structured || (t.functions.includes('INDIRECT') && indirectTargets(formula, formulaSheet, inName).dynamic)) return true;
  if (!t.functions.includes('OFFSET') && !t.rangeOfResults) return false;
  if (sameSheet(formulaSheet, sheetName) || refersTo(formula, formulaSheet, sheetName, order, anywhere)) return true;
  return t.names.some((use) => {
    const n = resolveName(names, use, formulaSheet);
    return !!n && viaNames.has(n);
  });
}

/**
 * The team's defined names (of `snapshot.definitions`) that a change of sheet `sheetName`
 * reaches: those `direct` judges (a name whose own references point at changed cells,
 * with its effect), then every name whose formula uses one of them (it stands for the same
 * cells: same effect), then, with `dynamic`, every other name whose cells its text does not
 * fix ('unknown', `uncheckable`) and the names using those. Names in the order read. The
 * map's values are the effects; `names` the team's names it judged.
 */
function namesReached(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  direct: (n: DefinedNameSnapshot) => BrokenDefinition['effect'] | null,
  dynamic: boolean,
): { reached: Map<DefinedNameSnapshot, BrokenDefinition['effect']>; names: DefinedNameSnapshot[] } {
  const names = teamNames(snapshot);
  const reached = new Map<DefinedNameSnapshot, BrokenDefinition['effect']>();
  if (!names.length) return { reached, names };
  const order = snapshot.sheets.map((s) => s.name);
  for (const n of names) {
    const effect = direct(n);
    if (effect) reached.set(n, effect);
  }
  const onSheet = new Set(names.filter((n) => refersTo(n.formula, '', sheetName, order, anywhere)));
  if (dynamic)
    for (const n of names) if (!reached.has(n) && uncheckable(n.formula, n.scope ?? '', sheetName, order, names, onSheet, true)) reached.set(n, 'unknown');
  // a name that uses a reached name reaches the same cells; until nothing more is found (names can chain)
  for (let grew = true; grew;) {
    grew = false;
    for (const n of names) {
      if (reached.has(n)) continue;
      const via = formulaTokens(n.formula)
        .names.map((use) => resolveName(names, use, n.scope ?? ''))
        .find((m) => !!m && reached.has(m));
      if (via) {
        reached.set(n, reached.get(via)!);
        grew = true;
      }
    }
  }
  return { reached, names };
}

/** How a formula that uses a name is listed, by what happens to the name. */
const FORMULA_KIND: Record<BrokenDefinition['effect'], BrokenFormula['kind'] | null> = {
  ref: 'ref',
  mayChange: 'mayChange',
  reads: 'reads',
  unknown: 'unknown',
  removed: null,
  stays: null,
};

/**
 * Every formula of `snapshot` that uses a name of `reached` (`namesReached`): it computes
 * with the name's cells, so it is listed with the name's effect as its kind ('ref': it
 * gives #REF! too; 'reads': it computes from another factor; …) and `name` set. A formula
 * in a cell `skip` accepts (a deleted column) is left out. Sheets in tab order, then row,
 * then column; a formula using several reached names is listed once, for the first.
 */
function formulasUsingNames(
  snapshot: WorkbookSnapshot,
  reached: Map<DefinedNameSnapshot, BrokenDefinition['effect']>,
  names: DefinedNameSnapshot[],
  skip: (sheet: string, column: number) => boolean = () => false,
): BrokenFormula[] {
  const out: BrokenFormula[] = [];
  if (!reached.size) return out;
  const words = [...new Set([...reached.keys()].map((n) => n.name.toLowerCase()))];
  eachFormula(snapshot, (sheet, row, column, formula) => {
    if (skip(sheet.name, column)) return;
    const lower = formula.toLowerCase();
    if (!words.some((w) => lower.includes(w))) return;
    for (const use of formulaTokens(formula).names) {
      const n = resolveName(names, use, sheet.name);
      const kind = n ? FORMULA_KIND[reached.get(n) ?? 'removed'] : null;
      if (!n || !kind) continue;
      out.push({ sheet: sheet.name, cell: cellAddress(row, column), formula, kind, name: n.name });
      break;
    }
  });
  return out;
}

/**
 * Every formula of `snapshot` whose cells its text does not fix and that may read sheet
 * `sheetName` (kind 'unknown'): INDIRECT of a computed address or a structured reference
 * anywhere (one of a fixed text is read as a reference: `indirectTargets`), OFFSET or a
 * range between function results (`INDEX(…):INDEX(…)`) in a formula that refers to
 * `sheetName` itself or through a name (see `uncheckable`). What such a formula reads is
 * computed when Excel calculates, so no change of `sheetName` can be shown to leave it
 * alone: the pane names it as "kan niet worden nagegaan" rather than letting it pass. A
 * formula in a cell `skip` accepts (a deleted column) is left out. Sheets in tab order,
 * then row, then column. Pure; the product's own formulas are not excluded here.
 */
export function formulasUncheckable(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  skip: (sheet: string, column: number) => boolean = () => false,
): BrokenFormula[] {
  const order = snapshot.sheets.map((s) => s.name);
  const names = teamNames(snapshot);
  const onSheet = new Set(names.filter((n) => refersTo(n.formula, '', sheetName, order, anywhere)));
  const out: BrokenFormula[] = [];
  eachFormula(snapshot, (sheet, row, column, formula) => {
    if (!skip(sheet.name, column) && uncheckable(formula, sheet.name, sheetName, order, names, onSheet))
      out.push({ sheet: sheet.name, cell: cellAddress(row, column), formula, kind: 'unknown' });
  });
  return out;
}

/**
 * What a rewrite by value of cells of `sheetName` (the setCells ops of `ops`, as in
 * `formulasReadingRewrite`) does to the team's defined names and the formulas that use
 * them: a name whose references cover a replaced cell (`TeamGewicht =
 * 'Werkblad koppelkansen kiezen'!$E$7:$E$100` when column E gets another factor's scores)
 * stands for other content afterwards ('reads'), and so does a name using it; a name whose
 * cells its text does not fix is 'unknown'. The formulas using any of them are listed with
 * that kind and the name. Empty when the snapshot holds no names. Pure.
 */
export function namesReadingRewrite(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  ops: PlanOp[],
): { definitions: BrokenDefinition[]; formulas: BrokenFormula[] } {
  const target = snapshot.sheets.find((s) => sameSheet(s.name, sheetName));
  if (!target || !teamNames(snapshot).length) return { definitions: [], formulas: [] };
  const changed = changedCells(target, sheetName, ops);
  const order = snapshot.sheets.map((s) => s.name);
  const reads = (top: number, bottom: number, left: number, right: number) => {
    for (const [column, rows] of changed) if (column >= left && column <= right && rows.some((r) => r >= top && r <= bottom)) return true;
    return false;
  };
  const { reached, names } = namesReached(snapshot, sheetName, (n) => (refersTo(n.formula, '', sheetName, order, reads) ? 'reads' : null), true);
  return {
    definitions: names.filter((n) => reached.has(n)).map((n) => nameDefinition(n, reached.get(n)!)),
    formulas: formulasUsingNames(snapshot, reached, names),
  };
}

/**
 * True when `box` covers rewritten cells (`changed`: column → rows) in some but not all of
 * the columns of `block` (the factor columns, 1-based) that have rewritten cells within its
 * rows: afterwards it covers other content there than beside it. A box over every such
 * column (the whole score block) is not; columns outside `block` (Totalen, which the edit
 * may write again) are not counted.
 */
function partly(box: ReturnType<typeof rangeBox>, changed: Map<number, number[]>, block: { first: number; last: number }): boolean {
  let inRows = 0;
  let covered = 0;
  for (const [column, rows] of changed) {
    if (column < block.first || column > block.last || !rows.some((r) => box.top <= r && r <= box.bottom)) continue;
    inRows++;
    if (box.left <= column && column <= box.right) covered++;
  }
  return covered > 0 && covered < inRows;
}

/**
 * The conditional formats and data validations of `snapshot.definitions` that a rewrite by
 * value of cells of `sheetName` (the setCells ops of `ops`, as in `formulasReadingRewrite`;
 * a factor reorder, or a removal on a port that cannot shift columns; `block`: the factor
 * columns, 1-based) concerns. A rule
 * belongs to its cells (OOXML sqref), not to what is written into them, so it stays where it
 * is while the scores move:
 * - 'stays': a rule on `sheetName` with a range that covers rewritten cells in some of the
 *   columns rewritten within its rows but not in all of them (`partly`: a format on the
 *   Tijd column alone): it then applies to another factor's cells. A rule over every such
 *   column (a colour scale over the whole score block) keeps covering the same factors and
 *   is not listed;
 * - 'reads': otherwise, a rule (on any sheet) one of whose formulas refers to a rewritten
 *   cell (`=$D6>1`, a list source on the moved column): it then reads another factor's
 *   cells. Its `formula` is that formula.
 * Left out: the product's own validations, those whose every range lies inside a range the
 * plan wants a validation on (`validationTargets` of `snapshot`: score, weight and dropdown
 * rules, which the plan sets again by itself). In the order read; [] when the snapshot holds
 * no rules. Pure. Judged by the text of the ranges and formulas: a rule whose formula is
 * relative to its own cell (`=C6>5` over the whole block) is listed although moving the
 * scores does not change what it shows (the text alone cannot tell).
 */
export function rulesOverRewrite(snapshot: WorkbookSnapshot, sheetName: string, ops: PlanOp[], block: { first: number; last: number }): BrokenDefinition[] {
  const rules = snapshot.definitions?.rules ?? [];
  const target = snapshot.sheets.find((s) => sameSheet(s.name, sheetName));
  if (!rules.length || !target) return [];
  const changed = changedCells(target, sheetName, ops);
  if (!changed.size) return [];
  const order = snapshot.sheets.map((s) => s.name);
  const reads = (top: number, bottom: number, left: number, right: number) => {
    for (const [column, rows] of changed) if (column >= left && column <= right && rows.some((r) => r >= top && r <= bottom)) return true;
    return false;
  };
  const out: BrokenDefinition[] = [];
  for (const rule of rules) {
    const base = { kind: rule.kind, sheet: rule.sheet, label: rule.ranges.join(' ') };
    if (sameSheet(rule.sheet, sheetName) && rule.ranges.some((range) => partly(rangeBox(range), changed, block))) {
      out.push({ ...base, formula: '', effect: 'stays' });
      continue;
    }
    const formula = rule.formulas.find((f) => refersTo(f, rule.sheet, sheetName, order, reads));
    if (formula) out.push({ ...base, formula, effect: 'reads' });
  }
  if (!out.some((d) => d.kind === 'validation')) return out;
  const wanted = validationTargets(snapshot).map((v) => ({ sheet: v.sheet, box: rangeBox(v.range) }));
  const product = (d: BrokenDefinition) =>
    d.kind === 'validation' &&
    d.label.split(' ').every((r) => {
      const box = rangeBox(r);
      return wanted.some(
        ({ sheet, box: w }) => sameSheet(sheet, d.sheet) && w.top <= box.top && box.bottom <= w.bottom && w.left <= box.left && box.right <= w.right,
      );
    });
  return out.filter((d) => !product(d));
}

export { commentKey, type AffectedComment } from './cellComments';

/**
 * The comments of `snapshot.definitions` on sheet `sheetName` that a factor edit concerns
 * (none when the snapshot holds none): with column shifts (`shifts`), those in a deleted
 * column ('removed': Excel deletes a cell's comment with the cell, and the xlsx and memory
 * adapters do the same, package/columns.ts); without, those on a cell whose content the
 * setCells ops of `ops` replace ('stays': a comment belongs to its cell, not to what is
 * written into it, so after a rewrite by value it sits beside another factor's score).
 * In the order read.
 */
export function commentsAffected(snapshot: WorkbookSnapshot, sheetName: string, ops: PlanOp[], shifts: ColumnShift[]): AffectedComment[] {
  const comments = (snapshot.definitions?.comments ?? []).filter((c) => sameSheet(c.sheet, sheetName));
  if (!comments.length) return [];
  if (shifts.length)
    return comments.filter((c) => columnAfter(c.sheet, parseCell(c.cell).column, shifts) === null).map((c) => ({ ...c, effect: 'removed' as const }));
  const target = snapshot.sheets.find((s) => sameSheet(s.name, sheetName));
  if (!target) return [];
  const changed = changedCells(target, sheetName, ops);
  return comments
    .filter((c) => {
      const { row, column } = parseCell(c.cell);
      return changed.get(column)?.includes(row) ?? false;
    })
    .map((c) => ({ ...c, effect: 'stays' as const }));
}

/**
 * `found` without the formulas of the werkblad's Totalen column: the product's, which the
 * factor edit writes again itself (so the plan after it does not, and `teamsOnly` cannot
 * tell them from a team's formula the edit moves).
 */
function withoutTotalen(found: BrokenFormula[], sheet: SheetSnapshot, werkblad: Werkblad): BrokenFormula[] {
  const L = werkblad.layout;
  if (!L.totalenFound) return found;
  return found.filter((b) => !(sameSheet(b.sheet, sheet.name) && parseCell(b.cell).column === L.totalenColumn));
}

/** What moving a succesfactor one place changes in the team's formulas, as the pane asks about it first. */
export interface FactorMove {
  ok: true;
  /** The edit's ops (moveFactorEdit), to apply with the rest of the plan once the team agreed. */
  ops: PlanOp[];
  /**
   * The team's formulas that read a cell the move rewrites, by reference or through a name
   * (`BrokenFormula.name`): afterwards they compute from another factor.
   */
  reads: BrokenFormula[];
  /** The team's formulas whose cells their text does not fix and that may read the werkblad (formulasUncheckable): not checkable. */
  unknown: BrokenFormula[];
  /**
   * The team's defined names that then stand for another factor's cells ('reads') or whose
   * cells cannot be checked ('unknown'), then the team's conditional formats and data
   * validations over moved cells ('stays') or reading them ('reads'): `rulesOverRewrite`.
   */
  definitions: BrokenDefinition[];
  /**
   * The comments on cells whose content the move replaces: they stay with their cell, so
   * afterwards they sit beside another factor's score ('stays').
   */
  comments: AffectedComment[];
  /** The kinds the snapshot does not carry (`WorkbookDefinitions.unread`; all without definitions), so they cannot be judged; else []. */
  unread: DefinitionKind[];
  /**
   * The place of every formula found and the key (`definitionKey`) of every name found, the
   * product's too: pass it back as `accepted` when applying (see FactorRemoval.seen).
   */
  seen: string[];
}

/**
 * Moving factor `index` of `werkblad` (on `sheet` of `snapshot`) by `delta` places
 * (moveFactorEdit: the factor block is rewritten by value, no columns move) and what of the
 * team's then computes from another factor: formulas reading a rewritten cell
 * (formulasReadingRewrite), defined names whose cells are rewritten and formulas using them
 * (namesReadingRewrite), and, as not checkable, formulas and names whose cells their text
 * does not fix (INDIRECT, OFFSET …: formulasUncheckable). A formula the product writes in
 * the same plan or owns (Totalen, Resultaat, Gevoeligheid, Prioritering: `teamsOnly`) is not
 * listed. With `options.accepted` (places and keys, as `seen` gave them when the team was
 * asked) those are left out, so only what is new is returned. Names are judged only when
 * the snapshot carries them (`SnapshotRequest.definitions`); `unread` says when it does not.
 * Returns moveFactorEdit's refusal as `message` when it refuses.
 */
export function factorMoveImpact(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  werkblad: Werkblad,
  index: number,
  delta: number,
  options: Pick<PlanOptions, 'now'> & { accepted?: ReadonlySet<string> } = {},
): FactorMove | { ok: false; message: string } {
  const edit = moveFactorEdit(sheet, werkblad, index, delta);
  if (!edit.ok) return edit;
  if (!edit.ops.length) return { ok: true, ops: [], reads: [], unknown: [], definitions: [], comments: [], unread: [], seen: [] };
  const viaNames = namesReadingRewrite(snapshot, sheet.name, edit.ops);
  const all = withoutTotalen(
    dedupe([...formulasReadingRewrite(snapshot, sheet.name, edit.ops), ...viaNames.formulas, ...formulasUncheckable(snapshot, sheet.name)]),
    sheet,
    werkblad,
  );
  const allComments = commentsAffected(snapshot, sheet.name, edit.ops, []);
  const allDefs = [...viaNames.definitions, ...rulesOverRewrite(snapshot, sheet.name, edit.ops, factorBlock(werkblad))];
  const unread: FactorMove['unread'] = [...definitionKindsUnread(snapshot), ...commentKindsUnread(snapshot)];
  return factorQuestion(snapshot, edit.ops, { formulas: all, definitions: allDefs, comments: allComments }, unread, options);
}

/**
 * The question of a factor move or addition (`FactorMove`) from everything its plan `ops`
 * affects (`all`): `seen` lists every place of it; `reads`, `unknown`, `definitions` and
 * `comments` leave out what `options.accepted` holds (places the team agreed to when it was
 * asked, as `seen` gave them), and formulas that are the product's own (`teamsOnly`).
 * `unread`: the kinds the snapshot could not read, as given. Pure; raises nothing.
 */
function factorQuestion(
  snapshot: WorkbookSnapshot,
  ops: PlanOp[],
  all: { formulas: BrokenFormula[]; definitions: BrokenDefinition[]; comments: AffectedComment[] },
  unread: FactorMove['unread'],
  options: Pick<PlanOptions, 'now'> & { accepted?: ReadonlySet<string> },
): FactorMove {
  const accepted = options.accepted;
  const seen = [...all.formulas.map(formulaPlace), ...all.definitions.map(definitionKey), ...all.comments.map(commentKey)];
  let found = accepted ? all.formulas.filter((b) => !accepted.has(formulaPlace(b))) : all.formulas;
  if (found.length) found = teamsOnly(snapshot, ops, found, options.now);
  return {
    ok: true,
    ops,
    reads: found.filter((b) => b.kind === 'reads'),
    unknown: found.filter((b) => b.kind === 'unknown'),
    definitions: accepted ? all.definitions.filter((d) => !accepted.has(definitionKey(d))) : all.definitions,
    comments: accepted ? all.comments.filter((c) => !accepted.has(commentKey(c))) : all.comments,
    unread,
    seen,
  };
}

/**
 * Adding factor `name` (weight `weging`, a number; reason `waarom`) to `werkblad` (on
 * `sheet` of `snapshot`): the edit (addFactorEdit with `options`) and what of the team's
 * then reads other cells, in the shape of a move (`FactorMove`). With a column inserted
 * before Totalen (`options.shiftColumns`), Excel shifts every reference at or right of it,
 * but never the text of an INDIRECT: the team's formulas whose fixed INDIRECT text points at
 * or right of the new column (`formulasReadingIndirectShift`), the names whose formula does
 * and the formulas using such a name ('reads': afterwards they read the new, empty factor
 * or what stood left of their cells, e.g. a factor instead of Totalen); and, as not
 * checkable, the formulas and names whose cells their text does not fix and that may read
 * the werkblad (INDIRECT of a computed text, OFFSET …: formulasUncheckable). Without column
 * shifts (Totalen and the new factor are written by value) what a rewrite by value reaches,
 * as for a move (formulasReadingRewrite, namesReadingRewrite, rulesOverRewrite, comments).
 * The product's own formulas (`teamsOnly`) and those in the Totalen column are not listed;
 * with `options.accepted` (as `seen` gave them when the team was asked) only what is new is.
 * Everything empty when nothing of the team's is affected: then the pane adds at once.
 * Returns addFactorEdit's Dutch refusal as `message` when it refuses.
 */
export function factorAddImpact(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  werkblad: Werkblad,
  name: string,
  waarom: string,
  weging: number,
  options: FactorColumnOptions & Pick<PlanOptions, 'now'> & { accepted?: ReadonlySet<string> } = {},
): FactorMove | { ok: false; message: string } {
  const edit = addFactorEdit(sheet, werkblad, name, waarom, weging, options);
  if (!edit.ok) return edit;
  const shifts = shiftsOf(edit.ops);
  let rewritten: BrokenFormula[];
  let allDefs: BrokenDefinition[];
  let allComments: AffectedComment[] = [];
  if (shifts.length) {
    // an insert breaks no reference and moves rules and comments with their cells: only INDIRECT's text stays behind
    const { reached, names } = namesReached(snapshot, sheet.name, (n) => (indirectShifted(n.formula, '', shifts, true) ? 'reads' : null), true);
    allDefs = names.filter((n) => reached.has(n)).map((n) => nameDefinition(n, reached.get(n)!));
    rewritten = [...formulasUsingNames(snapshot, reached, names), ...formulasReadingIndirectShift(snapshot, shifts)];
  } else {
    const viaNames = namesReadingRewrite(snapshot, sheet.name, edit.ops);
    allDefs = [...viaNames.definitions, ...rulesOverRewrite(snapshot, sheet.name, edit.ops, factorBlock(werkblad))];
    rewritten = [...formulasReadingRewrite(snapshot, sheet.name, edit.ops), ...viaNames.formulas];
    allComments = commentsAffected(snapshot, sheet.name, edit.ops, []);
  }
  const all = withoutTotalen(dedupe([...rewritten, ...formulasUncheckable(snapshot, sheet.name)]), sheet, werkblad);
  const namesUnread = !snapshot.definitions || (snapshot.definitions.unread ?? []).includes('names');
  const unread: FactorMove['unread'] = shifts.length ? (namesUnread ? ['names'] : []) : [...definitionKindsUnread(snapshot), ...commentKindsUnread(snapshot)];
  return factorQuestion(snapshot, edit.ops, { formulas: all, definitions: allDefs, comments: allComments }, unread, options);
}

/** The factor columns of `werkblad` (1-based), as `rulesOverRewrite` takes them. */
const factorBlock = (werkblad: Werkblad) => ({ first: werkblad.layout.firstFactorColumn, last: werkblad.layout.lastFactorColumn });

/**
 * The kinds of definitions a rewrite by value is judged on (names, conditional formats,
 * validations) that `snapshot` does not hold: all three without definitions, else those
 * `definitions.unread` names (Office.js: 'validations', which it cannot list).
 */
function definitionKindsUnread(snapshot: WorkbookSnapshot): ('names' | 'conditionalFormats' | 'validations')[] {
  const unread = snapshot.definitions ? (snapshot.definitions.unread ?? []) : null;
  return (['names', 'conditionalFormats', 'validations'] as const).filter((k) => !unread || unread.includes(k));
}

/** `found` with each place once: the first listing wins (a formula that reads a moved cell is not also 'unknown'). */
function dedupe(found: BrokenFormula[]): BrokenFormula[] {
  const places = new Set<string>();
  return found.filter((b) => {
    const p = formulaPlace(b).toLowerCase();
    if (places.has(p)) return false;
    places.add(p);
    return true;
  });
}

/** A formula text the engine never writes: it stands in a found cell while the plan tells the product's cells from the team's (teamsOnly). */
const PROBE = '="\u0000teamsOnly"';

/**
 * `found` (at their places before `editOps`) without the formulas the product owns: those
 * the rest of the plan writes when each found cell holds a formula the engine would never
 * write (`PROBE`). The engine plans its own cells by difference, so it writes every cell
 * it owns that holds anything else than its content: the product's formulas among `found`,
 * those whose text a reorder changes (Totalen's neighbours) and those whose text stays
 * (Resultaat's count over the factor columns) alike, while it never writes a cell of the
 * team's. One plan (`buildPlan` on the edited copy; the second pass of `planWithEdit`,
 * which only puts the engine's values into the edit's own cells, adds no cell), built only
 * when something was found. A formula the team typed in a cell the engine owns is written
 * over by the plan anyway and is not listed here either.
 */
function teamsOnly(snapshot: WorkbookSnapshot, editOps: PlanOp[], found: BrokenFormula[], now: Date | undefined): BrokenFormula[] {
  return teamsOnlyIn(found, editOps, probePlan(snapshot, editOps, found, now));
}

/**
 * The rest of the plan after `editOps` (`buildPlan` on the edited copy) with `PROBE` in each
 * cell of `found` (see `teamsOnly`); with nothing found, the plan on the snapshot as it is.
 * Its setValidation ops are those of `planWithEdit`: the probe and the second pass change
 * no layout, only formulas' texts and values.
 */
function probePlan(snapshot: WorkbookSnapshot, editOps: PlanOp[], found: BrokenFormula[], now: Date | undefined): PlanOp[] {
  const probed: WorkbookSnapshot = {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const here = found.filter((b) => sameSheet(b.sheet, sheet.name));
      if (!here.length) return sheet;
      const values = sheet.values.map((line) => [...line]);
      const formulas = (sheet.formulas ?? []).map((line) => (line ? [...line] : line));
      for (const b of here) {
        const { row, column } = parseCell(b.cell);
        while (values.length < row) values.push([]);
        while (formulas.length < row) formulas.push([]);
        const valueLine = values[row - 1] ?? [];
        const formulaLine = formulas[row - 1] ?? [];
        values[row - 1] = valueLine;
        formulas[row - 1] = formulaLine;
        valueLine[column - 1] = null;
        formulaLine[column - 1] = PROBE;
      }
      return { ...sheet, values, formulas };
    }),
  };
  return buildPlan(simulate(probed, editOps), { now }).plan.ops;
}

/** `found` without the cells `planned` (the rest of the plan after `editOps`, probePlan) writes: those are the product's. */
function teamsOnlyIn(found: BrokenFormula[], editOps: PlanOp[], planned: PlanOp[]): BrokenFormula[] {
  const shifts = shiftsOf(editOps);
  const written = writtenCells(planned);
  return found.filter((b) => {
    const { row, column } = parseCell(b.cell);
    const at = columnAfter(b.sheet, column, shifts);
    return at === null || !written.has(`${b.sheet.toLowerCase()}|${row}|${at}`);
  });
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
  /** Valid scores that go with the factor (readFactorInfo's count: whole numbers -10..10, typed). */
  scores: number;
  /** The team's other content in the factor's column (text, formulas, …: readFactorInfo's `other`), by cell: it goes too. */
  other: TeamCell[];
  /**
   * Without column shifts (the factor block is rewritten by value): the team's formulas
   * that read a cell the rewrite changes (formulasReadingRewrite), so they compute from
   * another factor afterwards. With the column deleted (then `broken` names the references
   * that break): the formulas whose fixed INDIRECT text points at or right of it
   * (formulasReadingIndirectShift), and those using a name that does.
   */
  reads: BrokenFormula[];
  /** The team's formulas that get #REF! ("Eigen!A1"), in the order of formulasBrokenByShifts. */
  broken: BrokenFormula[];
  /** The team's formulas with a 3-D reference over the werkblad: they may change. */
  mayChange: BrokenFormula[];
  /**
   * The team's formulas whose cells their text does not fix and that may read the werkblad
   * (INDIRECT, OFFSET …: formulasUncheckable): after the delete they may read another
   * factor, or nothing; not checkable.
   */
  unknown: BrokenFormula[];
  /**
   * The team's defined names, conditional formats and data validations the delete breaks,
   * removes or may change (definitionsBrokenByShifts, without the validations the plan sets
   * again: those are the product's), the names that use such a name, and the names whose
   * cells cannot be checked ('unknown'); without column shifts the names whose cells are
   * rewritten ('reads', namesReadingRewrite). The formulas that use any of these names are
   * in `broken`, `mayChange`, `reads` or `unknown` by the name's effect, with `name` set.
   * Empty when the snapshot carries no definitions.
   */
  definitions: BrokenDefinition[];
  /**
   * Kinds of definitions not read (`WorkbookDefinitions.unread`; all three when the snapshot
   * has no definitions), so they are not in `definitions`; empty without column ops.
   */
  unread: DefinitionKind[];
  /**
   * The comments the removal concerns (commentsAffected): with the column deleted, those in
   * it ('removed'); rewritten by value, those on cells that get another factor's content ('stays').
   */
  comments: AffectedComment[];
  /**
   * The place (`formulaPlace`) of every formula the delete breaks or may change, and the
   * key (`definitionKey`) of every such definition, the product's too: pass it back as `accepted` when applying, so only what is new then
   * needs the plan to tell the team's from the product's.
   */
  seen: string[];
}

/**
 * Removing factor `index` of `werkblad` (on `sheet` of `snapshot`): the edit
 * (removeFactorEdit with `options`) and what it takes along: the factor's valid scores and
 * the team's other content in its column (readFactorInfo: text, formulas, numbers off the
 * scale, by cell), and the team's formulas it breaks (formulasBrokenByShifts over the
 * edit's column ops). A formula the product owns (`teamsOnly`: Totalen, Resultaat,
 * Prioritering, Keuzelijsten, whatever cell the engine writes) is not listed; only when
 * some formula breaks is the plan built to find that out. Without column ops (a port that
 * cannot shift columns: the factor block is rewritten by value) no reference breaks, but
 * the formulas that read a rewritten cell are listed as `reads` (formulasReadingRewrite).
 * With `options.accepted` (places, as `seen` gave them when the team was asked) those
 * formulas are left out: `broken`, `mayChange` and `reads` are then only what is new, and
 * the plan is built only when something is. Returns removeFactorEdit's Dutch refusal as
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
  const info = readFactorInfo(sheet, werkblad)[index];
  const scores = info?.scores ?? 0;
  const other = info?.other ?? [];
  const shifts = shiftsOf(edit.ops);
  // a formula in a deleted cell goes with its column (the caller counts those cells)
  const gone = (sheetName: string, column: number) => columnAfter(sheetName, column, shifts) === null;
  let rewritten: BrokenFormula[] = [];
  let allDefs: BrokenDefinition[];
  if (shifts.length) {
    const byShift = definitionsBrokenByShifts(snapshot, shifts);
    // the names the delete breaks reach the formulas that use them, and the names that use them
    const effects = new Map(byShift.filter((d) => d.kind === 'name').map((d) => [d.label.toLowerCase() + '|' + d.sheet.toLowerCase(), d.effect]));
    // a name whose INDIRECT text points right of the change keeps its text and then stands for other cells ('reads')
    const { reached, names } = namesReached(
      snapshot,
      sheet.name,
      (n) => effects.get(n.name.toLowerCase() + '|' + (n.scope ?? '').toLowerCase()) ?? (indirectShifted(n.formula, '', shifts, true) ? 'reads' : null),
      true,
    );
    const direct = new Set(byShift.map(definitionKey));
    const more = names
      .filter((n) => reached.has(n))
      .map((n) => nameDefinition(n, reached.get(n)!))
      .filter((d) => !direct.has(definitionKey(d)));
    allDefs = [...byShift, ...more];
    rewritten = [...formulasUsingNames(snapshot, reached, names, gone), ...formulasReadingIndirectShift(snapshot, shifts, gone)];
  } else {
    const viaNames = namesReadingRewrite(snapshot, sheet.name, edit.ops);
    allDefs = [...viaNames.definitions, ...rulesOverRewrite(snapshot, sheet.name, edit.ops, factorBlock(werkblad))];
    rewritten = [...formulasReadingRewrite(snapshot, sheet.name, edit.ops), ...viaNames.formulas];
  }
  const all = dedupe([
    ...formulasBrokenByShifts(snapshot, shifts),
    ...withoutTotalen([...rewritten, ...formulasUncheckable(snapshot, sheet.name, gone)], sheet, werkblad),
  ]);
  const allComments = commentsAffected(snapshot, sheet.name, edit.ops, shifts);
  const seen = [...all.map(formulaPlace), ...allDefs.map(definitionKey), ...allComments.map(commentKey)];
  let found = options.accepted ? all.filter((b) => !options.accepted!.has(formulaPlace(b))) : all;
  let defs = options.accepted ? allDefs.filter((d) => !options.accepted!.has(definitionKey(d))) : allDefs;
  const comments = options.accepted ? allComments.filter((c) => !options.accepted!.has(commentKey(c))) : allComments;
  // one plan tells the product's formulas and validations from the team's, built only when one of them was found
  // (without shifts rulesOverRewrite has left the product's validations out already)
  const planned = found.length || (shifts.length && defs.some((d) => d.kind === 'validation')) ? probePlan(snapshot, edit.ops, found, options.now) : [];
  if (found.length) found = teamsOnlyIn(found, edit.ops, planned);
  if (shifts.length) defs = defs.filter((d) => d.kind !== 'validation' || !productValidation(d, shifts, planned));
  return {
    ok: true,
    ops: edit.ops,
    scores,
    other,
    broken: found.filter((b) => b.kind === 'ref'),
    mayChange: found.filter((b) => b.kind === 'mayChange'),
    reads: found.filter((b) => b.kind === 'reads'),
    unknown: found.filter((b) => b.kind === 'unknown'),
    definitions: defs,
    // without a column shift no rule can break, read or not; a name can still stand for rewritten cells
    unread: [
      ...(!shifts.length
        ? definitionKindsUnread(snapshot)
        : snapshot.definitions
          ? (snapshot.definitions.unread ?? []).filter((k) => k !== 'comments' && k !== 'notes')
          : (['names', 'conditionalFormats', 'validations'] as const)),
      ...commentKindsUnread(snapshot),
    ],
    comments,
    seen,
  };
}

/**
 * True when validation `d` is the product's: the plan (`ops`, after the edit's column ops)
 * sets validations over every cell of it that is left (its ranges after `shifts`), so what
 * it held is replaced in the same batch (the score, weight and dropdown validations). A
 * validation whose every cell is deleted has no cell left to compare and counts as the
 * team's (the product's validations span all factor columns: none lies in one alone).
 */
function productValidation(d: BrokenDefinition, shifts: ColumnShift[], ops: PlanOp[]): boolean {
  const left = rangesAfter(d.sheet, d.label.split(' '), shifts);
  if (!left.length) return false;
  const set = ops.flatMap((op) => (op.kind === 'setValidation' && sameSheet(op.sheet, d.sheet) ? [rangeBox(op.range)] : []));
  return left.every((r) => {
    const box = rangeBox(r);
    return set.some((s) => s.top <= box.top && box.bottom <= s.bottom && s.left <= box.left && box.right <= s.right);
  });
}

/** The rows and columns of an A1 range ("C6:J105", "D7", whole columns "D:D"). */
function rangeBox(range: string): { top: number; bottom: number; left: number; right: number } {
  const [a, b = a] = range.replace(/\$/g, '').split(':');
  const part = (x: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(x);
    return { column: m?.[1] ? columnNumber(m[1]) : null, row: m?.[2] ? Number(m[2]) : null };
  };
  const p = part(a);
  const q = part(b);
  return {
    top: Math.min(p.row ?? 1, q.row ?? 1),
    bottom: Math.max(p.row ?? 1048576, q.row ?? 1048576),
    left: Math.min(p.column ?? 1, q.column ?? 1),
    right: Math.max(p.column ?? 16384, q.column ?? 16384),
  };
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

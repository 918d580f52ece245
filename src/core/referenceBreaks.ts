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
 * defined names, conditional formats and data-validation rules (`definitionsBrokenByShifts`).
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
 * computes from another factor afterwards (`formulasReadingRewrite`, `factorMoveImpact`).
 * Why not move the columns as Excel's cut and insert does, references and all: Office.js
 * has `Range.moveTo` only from ExcelApi 1.11 (the manifest asks 1.8), its documentation
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-moveto-member(1))
 * says what happens to the moved cells, not to formulas elsewhere that point at them, and
 * the memory and xlsx adapters would need a rule for ranges that partly cover the moved
 * columns that no source states. So the pane names those formulas and asks instead.
 */
import { cellAddress, columnNumber, parseCell } from './a1';
import { referencesIn, sameSheet, sheetSpansIn, shiftColumn, shiftFormula, shiftRanges, type ColumnShift } from './columnShift';
import { formulaAt, valueAt } from './grid';
import { moveFactorEdit, removeFactorEdit, readFactorInfo, type FactorColumnOptions } from './factors';
import { planWithEdit } from './plan';
import type { PlanOptions } from './plan/context';
import type { CellInput, DefinedNameSnapshot, PlanOp, RangeRuleSnapshot, SheetSnapshot, WorkbookSnapshot } from './snapshot';
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
   * content afterwards (formulasReadingRewrite).
   */
  kind: 'ref' | 'mayChange' | 'reads';
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
   * 3-D reference over a changed sheet (see columnShift.ts).
   */
  effect: 'ref' | 'removed' | 'mayChange';
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
 * only when they name `sheetName` or a sheet range. Not seen: defined names, INDIRECT and
 * OFFSET addresses built at calculation time (see `referencesIn`). `ops` must hold no
 * column ops (their coordinates would be after the shift; `formulasBrokenByShifts` judges
 * those). Order: sheets in tab order, then row, then column. Pure; the product's own
 * formulas are not excluded here (see `factorMoveImpact`).
 */
export function formulasReadingRewrite(snapshot: WorkbookSnapshot, sheetName: string, ops: PlanOp[]): BrokenFormula[] {
  const target = snapshot.sheets.find((s) => sameSheet(s.name, sheetName));
  if (!target) return [];
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
  const out: BrokenFormula[] = [];
  if (!changed.size) return out;
  const order = snapshot.sheets.map((s) => s.name);
  const reads = (top: number, bottom: number, left: number, right: number) => {
    for (const [column, rows] of changed) if (column >= left && column <= right && rows.some((r) => r >= top && r <= bottom)) return true;
    return false;
  };
  const names = [sheetName.toLowerCase(), sheetName.toLowerCase().replace(/'/g, "''")];
  for (const sheet of snapshot.sheets) {
    const own = sameSheet(sheet.name, sheetName);
    const formulas = sheet.formulas ?? [];
    for (let r = 0; r < formulas.length; r++) {
      const line = formulas[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const formula = line[c];
        if (!formula) continue;
        if (!own && !(formula.includes('!') && (names.some((n) => formula.toLowerCase().includes(n)) || formula.includes(':')))) continue;
        const hit = referencesIn(formula, sheet.name).some(
          (ref) =>
            (ref.sheet !== null ? sameSheet(ref.sheet, sheetName) : !!ref.span && spanIncludes(order, ref.span.first, ref.span.last, sheetName)) &&
            reads(ref.top, ref.bottom, ref.left, ref.right),
        );
        if (hit) out.push({ sheet: sheet.name, cell: cellAddress(r + 1, c + 1), formula, kind: 'reads' });
      }
    }
  }
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
  /** The team's formulas that read a cell the move rewrites: afterwards they compute from another factor. */
  reads: BrokenFormula[];
  /** The place of every formula found, the product's too: pass it back as `accepted` when applying (see FactorRemoval.seen). */
  seen: string[];
}

/**
 * Moving factor `index` of `werkblad` (on `sheet` of `snapshot`) by `delta` places
 * (moveFactorEdit: the factor block is rewritten by value, no columns move) and the team's
 * formulas that would then read another factor's cells (formulasReadingRewrite). A
 * formula the product writes again in the same plan (`planWithEdit`) or owns (the
 * product's formulas that read the werkblad: Resultaat, Gevoeligheid, Prioritering; see
 * `productFormulaCells`) is not listed. With `options.accepted` (places, as `seen` gave
 * them when the team was asked) those formulas are left out, so only what is new is
 * returned. Returns moveFactorEdit's refusal as `message` when it refuses.
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
  const all = withoutTotalen(formulasReadingRewrite(snapshot, sheet.name, edit.ops), sheet, werkblad);
  const seen = all.map(formulaPlace);
  let found = options.accepted ? all.filter((b) => !options.accepted!.has(formulaPlace(b))) : all;
  if (found.length) found = teamsOnly(snapshot, edit.ops, found, options.now);
  return { ok: true, ops: edit.ops, reads: found, seen };
}

/**
 * `found` (at their places before `editOps`) without the formulas the product owns: those
 * the rest of the plan (`planWithEdit` on `editOps`, after the edit's own ops) writes, and, because the engine plans its own
 * formulas by difference (one whose text stays, like Resultaat's count over the factor
 * columns after a reorder, is not in the plan), those the same plan writes on a copy where
 * the found cells are empty. Two plans, built only when something was found. A formula the
 * team typed in a cell the engine owns is written over by the plan anyway and is not
 * listed here either.
 */
function teamsOnly(snapshot: WorkbookSnapshot, editOps: PlanOp[], found: BrokenFormula[], now: Date | undefined): BrokenFormula[] {
  const cleared: WorkbookSnapshot = {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) => {
      const here = found.filter((b) => sameSheet(b.sheet, sheet.name));
      if (!here.length) return sheet;
      const values = sheet.values.map((line) => [...line]);
      const formulas = (sheet.formulas ?? []).map((line) => (line ? [...line] : line));
      for (const b of here) {
        const { row, column } = parseCell(b.cell);
        if (values[row - 1]) values[row - 1][column - 1] = null;
        if (formulas[row - 1]) formulas[row - 1][column - 1] = null;
      }
      return { ...sheet, values, formulas };
    }),
  };
  const shifts = shiftsOf(editOps);
  // the rest of the plan, after the edit's own ops: a cell the edit writes (a formula it moves by text) is not the product's for that
  const rest = (base: WorkbookSnapshot) => writtenCells(planWithEdit(base, editOps, { now }).plan.ops.slice(editOps.length));
  const written = rest(snapshot);
  const writtenWhenEmpty = rest(cleared);
  return found.filter((b) => {
    const { row, column } = parseCell(b.cell);
    const at = columnAfter(b.sheet, column, shifts);
    const key = `${b.sheet.toLowerCase()}|${row}|${at}`;
    return at === null || !(written.has(key) || writtenWhenEmpty.has(key));
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
   * another factor afterwards. Empty when the column is deleted (then `broken` says it).
   */
  reads: BrokenFormula[];
  /** The team's formulas that get #REF! ("Eigen!A1"), in the order of formulasBrokenByShifts. */
  broken: BrokenFormula[];
  /** The team's formulas with a 3-D reference over the werkblad: they may change. */
  mayChange: BrokenFormula[];
  /**
   * The team's defined names, conditional formats and data validations the delete breaks,
   * removes or may change (definitionsBrokenByShifts, without the validations the plan sets
   * again: those are the product's). Empty when the snapshot carries no definitions.
   */
  definitions: BrokenDefinition[];
  /**
   * Kinds of definitions not read (`WorkbookDefinitions.unread`; all three when the snapshot
   * has no definitions), so they are not in `definitions`; empty without column ops.
   */
  unread: ('names' | 'conditionalFormats' | 'validations')[];
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
  const rewritten = shifts.length ? [] : withoutTotalen(formulasReadingRewrite(snapshot, sheet.name, edit.ops), sheet, werkblad);
  const all = [...formulasBrokenByShifts(snapshot, shifts), ...rewritten];
  const allDefs = definitionsBrokenByShifts(snapshot, shifts);
  const seen = [...all.map(formulaPlace), ...allDefs.map(definitionKey)];
  let found = options.accepted ? all.filter((b) => !options.accepted!.has(formulaPlace(b))) : all;
  let defs = options.accepted ? allDefs.filter((d) => !options.accepted!.has(definitionKey(d))) : allDefs;
  if (found.length) found = teamsOnly(snapshot, edit.ops, found, options.now);
  if (defs.some((d) => d.kind === 'validation')) {
    const planned = planWithEdit(snapshot, edit.ops, { now: options.now }).plan.ops;
    defs = defs.filter((d) => d.kind !== 'validation' || !productValidation(d, shifts, planned));
  }
  return {
    ok: true,
    ops: edit.ops,
    scores,
    other,
    broken: found.filter((b) => b.kind === 'ref'),
    mayChange: found.filter((b) => b.kind === 'mayChange'),
    reads: found.filter((b) => b.kind === 'reads'),
    definitions: defs,
    // without a column shift nothing of the kind can break, read or not
    unread: !shifts.length ? [] : [...(snapshot.definitions ? (snapshot.definitions.unread ?? []) : (['names', 'conditionalFormats', 'validations'] as const))],
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

/**
 * The succesfactoren of Stap 2 (guide, chapter 3: "Bepaal in rij 3 welke factoren van
 * invloed zijn … Als deze voor deze situatie niet gelden verwijder je ze, of als andere
 * succesfactoren een rol spelen voeg je die toe"): add, rename, remove, reorder, and the
 * one-line "waarom" in row 5 under each factor.
 *
 * Two ways to change the factor columns, chosen by the port's capability
 * (`WorkbookPort.canShiftColumns`, passed as `FactorColumnOptions.shiftColumns`):
 * - Column shift (issue 11): adding a factor inserts a whole column at its place, removing
 *   one deletes its column (insertColumns/deleteColumns plan ops, src/core/columnShift.ts).
 *   Totalen and everything right of it move as Excel moves them, the team's own columns
 *   and formulas right of Totalen and references from other sheets included; nothing of
 *   the team's is overwritten, so nothing there has to be refused. A reorder (or a rename)
 *   adds or removes no column and stays a rewrite of the factor block.
 * - Rewrite (the fallback, for a port that cannot shift columns): the factor block (rows 3–5
 *   and the score cells of the factor columns) and the Totalen column are rewritten in
 *   place with setCells. Scores move with their factor by value. The product refuses,
 *   naming the cell, when the column that Totalen would move into holds anything, or when
 *   a Totalen cell holds something the team typed: nothing of the team's is overwritten.
 *   What does not move along: cell comments and the team's own formatting of score cells,
 *   and references in the team's own formulas and names elsewhere (they keep pointing at
 *   the same column letters; src/core/referenceBreaks.ts `factorMoveImpact` finds the
 *   formulas, names and comments so the pane can name them and ask before a reorder).
 * Either way the product's own styles are set for the new layout, and the caller plans
 * the rest of the workbook (Totalen, Resultaat, Prioritering formulas, validations, the
 * formula stamp) on the result in the same batch (see `planWithEdit` in plan/index.ts).
 */
import { cellAddress, columnLetter } from './a1';
import { columnBefore, type ColumnShift } from './columnShift';
import { DEFAULT_SUCCESFACTOREN } from './defaults';
import { diffBlock, formula, num, text } from './diff';
import type { EditResult } from './edits';
import { totalFormula } from './formulas';
import { formulaAt, isEmpty, lacksCachedResult, rowCount, textAt, valueAt } from './grid';
import { COLORS, WERKBLAD } from './layout';
import { guardCellValue } from './keyedRows';
import { isExcelError, nameKey } from './names';
import type { NotesState } from './notes';
import { readRondes, scoreKey } from './rondes';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { simulate } from './simulate';
import type { TeamCell } from './stap2';
import { checkScore, type Werkblad, type WerkbladLayout } from './werkblad';

/** A factor of the new order: an existing one (by its current index) or a new one. */
export type FactorSpec = { from: number; name?: string; waarom?: string } | { name: string; weging: number; waarom: string };

export interface FactorInfo {
  index: number;
  column: number;
  name: string;
  weging: number | null;
  /** The team's "waarom" from row 5; "" when empty. */
  waarom: string;
  /** The built-in reason when the factor is one of the defaults, else "". */
  standaardWaarom: string;
  /**
   * Valid scores in the factor's column from the first data row down: typed whole numbers
   * from -10 to 10 (the guide's scale, `checkScore`), not formulas. What a removal loses of
   * the team's scoring.
   */
  scores: number;
  /**
   * Everything else the team has in that column from the first data row down, by cell:
   * text ("n.v.t.", a remark), numbers outside the scale, TRUE/FALSE, error values and
   * formulas (`text` is the formula with its "="). A removal loses these too, so the pane
   * names each before anything is deleted. Top to bottom.
   */
  other: TeamCell[];
}

/** A cell's content as the pane quotes it: the formula, else the value (WAAR/ONWAAR for a boolean); "" when empty. */
function shownContent(sheet: SheetSnapshot, row: number, column: number): string {
  const f = formulaAt(sheet, row, column);
  if (f) return f;
  const v = valueAt(sheet, row, column);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'WAAR' : 'ONWAAR';
  return String(v);
}

/** The built-in reason of a default factor (assets/succesfactoren.json), or "". */
export function defaultWaarom(name: string): string {
  return DEFAULT_SUCCESFACTOREN.find((f) => nameKey(f.naam) === nameKey(name))?.waarom ?? '';
}

/**
 * The factors of `werkblad` (read from `sheet`) with their "waarom", how many valid scores
 * each holds and the team's other content in its column (see FactorInfo). Every cell from
 * the first data row to the column's last used cell is looked at: a removal (a deleted
 * column) takes every one of them. Score rule: the guide's whole numbers from -10 to 10
 * (`checkScore`, werkblad.ts); a formula is never counted as a score, even when its result
 * is one, because it is the team's construction, not a typed score.
 */
export function readFactorInfo(sheet: SheetSnapshot, werkblad: Werkblad): FactorInfo[] {
  const L = werkblad.layout;
  return werkblad.factors.map((f) => {
    let scores = 0;
    const other: TeamCell[] = [];
    const last = lastUsedInColumn(sheet, f.column, L.firstDataRow);
    for (let r = L.firstDataRow; r <= last; r++) {
      const shown = shownContent(sheet, r, f.column);
      if (!shown) continue;
      if (!formulaAt(sheet, r, f.column) && checkScore(valueAt(sheet, r, f.column)).kind === 'valid') scores++;
      else other.push({ sheet: sheet.name, cell: cellAddress(r, f.column), row: r, column: f.column, text: shown });
    }
    return {
      index: f.index,
      column: f.column,
      name: f.name,
      weging: f.weging,
      waarom: textAt(sheet, WERKBLAD.waaromRow, f.column),
      standaardWaarom: defaultWaarom(textAt(sheet, WERKBLAD.factorRow, f.column)),
      scores,
      other,
    };
  });
}

/** null when `name` can be a factor's name next to `others`, else a Dutch message. */
function validateFactorName(name: string, others: string[]): string | null {
  const t = name.trim();
  if (!t) return 'Geef de succesfactor een naam.';
  if (/[\r\n\t]/.test(t)) return 'De naam van een succesfactor past op één regel.';
  if (t.length > 255) return `De naam is ${t.length} tekens; gebruik er hoogstens 255.`;
  if (nameKey(t) === nameKey(WERKBLAD.totalenLabel)) return '“Totalen” is de kolom met de totalen; kies een andere naam.';
  if (others.some((o) => nameKey(o) === nameKey(t))) return `Er is al een succesfactor “${t}”.`;
  return null;
}

/**
 * The cell as a plan writes it elsewhere: a formula with its cached result as read (none
 * when it has none or holds an error value, which a cached text cannot stand for; null
 * read from a formula with a result is its empty text), else its value.
 */
function asInput(sheet: SheetSnapshot, row: number, column: number): CellInput {
  const f = formulaAt(sheet, row, column);
  if (f) {
    const cached = valueAt(sheet, row, column);
    if (lacksCachedResult(sheet, row, column) || isExcelError(cached)) return { formula: f };
    return { formula: f, result: cached ?? '' };
  }
  const v: CellValue = valueAt(sheet, row, column);
  if (v === null || v === '') return { clear: true };
  if (typeof v === 'number') return { number: v };
  if (typeof v === 'boolean') return { bool: v };
  return { text: v };
}

/** Last row with anything (value or formula) in a column, from `from` down; from-1 when none. */
function lastUsedInColumn(sheet: SheetSnapshot, column: number, from: number): number {
  for (let r = rowCount(sheet); r >= from; r--) if (!isEmpty(valueAt(sheet, r, column)) || formulaAt(sheet, r, column)) return r;
  const formulas = sheet.formulas ?? [];
  for (let r = formulas.length; r >= from; r--) if (formulaAt(sheet, r, column)) return r;
  return from - 1;
}

function occupied(sheet: SheetSnapshot, row: number, column: number): string {
  const v = valueAt(sheet, row, column);
  return formulaAt(sheet, row, column) ?? (v === null ? '' : String(v));
}

/** How a factor edit changes the werkblad's columns (see the file's comment). */
export interface FactorColumnOptions {
  /**
   * True when the port inserts and deletes whole columns (`WorkbookPort.canShiftColumns`):
   * an added factor gets a column inserted at its place, a removed one's column is
   * deleted. False or absent: the factor block and Totalen are rewritten in place.
   */
  shiftColumns?: boolean;
}

/** A column of the new factor order: an existing factor's (its column now) or a new factor. */
type Source = { column: number; waarom?: string } | { weging: number; waarom: string };

/**
 * Changes the factors to the order `next` (existing factors by index, possibly renamed or
 * with a new "waarom"; new ones with name, weight and "waarom") and moves Totalen right
 * after them. With `options.shiftColumns` a new factor is a column inserted at its place
 * and a removed factor's column is deleted (insertColumns/deleteColumns ops); without it,
 * or when no factor is added or removed, the factor block is rewritten (see the file's
 * comment). Returns ops on the werkblad only; the caller plans the dependent formulas and
 * validations on the result (`planWithEdit`).
 * The column ops are guarded (`expect`): a deleted column must still hold what was read and
 * nothing more, an insert's place rows 1–3 as read; else the adapter refuses the whole
 * plan naming the cell (WorkbookError 'columnsChanged'), so a colleague's score typed
 * meanwhile is never deleted with the column.
 * Refused (Dutch message with sheet and cell) when: no factor is left, more than the
 * maximum, a factor appears twice, a name is empty or double; when shifting, a removed
 * factor's column holds anything above row 3 (it would go with the column); when
 * rewriting, Totalen would move into a column that holds anything, or a Totalen cell holds
 * something other than the product's formula.
 */
export function factorsEdit(sheet: SheetSnapshot, werkblad: Werkblad, next: FactorSpec[], options: FactorColumnOptions = {}): EditResult {
  const n = next.length;
  if (n < 1) return { ok: false, message: 'Er moet minstens één succesfactor overblijven om te kunnen scoren.' };
  if (n > WERKBLAD.maxFactors) return { ok: false, message: `Er passen hoogstens ${WERKBLAD.maxFactors} succesfactoren op het werkblad.` };
  const names = next.map((s) => ('from' in s ? (s.name ?? textAt(sheet, WERKBLAD.factorRow, werkblad.factors[s.from]?.column ?? 0)) : s.name).trim());
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const s = next[i];
    if ('from' in s && !werkblad.factors[s.from]) return { ok: false, message: 'Onbekende succesfactor.' };
    if ('from' in s && seen.has(s.from)) return { ok: false, message: `De succesfactor “${names[i]}” staat twee keer in de nieuwe volgorde.` };
    if ('from' in s) seen.add(s.from);
    const bad = validateFactorName(
      names[i],
      names.filter((_, j) => j !== i),
    );
    if (bad) return { ok: false, message: bad };
    if (!('from' in s) && (!Number.isFinite(s.weging) || s.weging < 0)) return { ok: false, message: 'Een weging is een getal van 0 of meer.' };
  }
  const changesColumns = seen.size !== werkblad.factors.length || seen.size !== n;
  if (options.shiftColumns && changesColumns) return shiftedFactors(sheet, werkblad, next, names);
  const sources: Source[] = next.map((s) => ('from' in s ? { column: werkblad.factors[s.from].column, waarom: s.waarom } : s));
  return rewriteFactors(sheet, werkblad.layout, sources, names);
}

const where = (sheet: SheetSnapshot, row: number, column: number) => `${sheet.name}!${cellAddress(row, column)}`;

/**
 * The column-shift way (see factorsEdit): delete the removed factors' columns (right to
 * left, neighbours in one op), insert a column at each new factor's place, then write only
 * what differs: a new factor's name, weight and "waarom" (its column is new and empty, so
 * unguarded), a kept factor's new name or "waarom" (guarded), the product's styles and
 * width of the new columns. When the kept factors also change order, the factor block is
 * rewritten on the shifted sheet afterwards (guarded, as a move is).
 */
function shiftedFactors(sheet: SheetSnapshot, werkblad: Werkblad, next: FactorSpec[], names: string[]): EditResult {
  const L = werkblad.layout;
  const first = L.firstFactorColumn;
  const n = next.length;
  const kept = next.flatMap((s) => ('from' in s ? [s.from] : []));
  const removed = werkblad.factors.filter((f) => !kept.includes(f.index));
  // rows 3–5 are the factor and its scores start at row 6; anything above row 3 is the team's and would be lost
  for (const f of removed) {
    for (let r = 1; r < WERKBLAD.factorRow; r++) {
      const what = occupied(sheet, r, f.column);
      if (what)
        return {
          ok: false,
          message: `${where(sheet, r, f.column)} bevat “${what}”; die cel zou verdwijnen met de kolom van “${f.name}”. Verplaats wat daar staat en probeer het opnieuw.`,
        };
    }
  }
  const ops: PlanOp[] = [];
  // every column op is guarded (`expect`: the cells as read, columnGuardConflicts in keyedRows.ts): when a
  // colleague typed in a column being deleted (or moved the place of an insert) the whole plan is refused
  const shifts: ColumnShift[] = [];
  const asRead = (row: number, column: number) => {
    const before = columnBefore(column, shifts);
    return before === null ? null : guardCellValue(sheet, row, before);
  };
  const gone = removed.map((f) => f.column).sort((a, b) => b - a);
  for (let i = 0; i < gone.length;) {
    let j = i;
    while (j + 1 < gone.length && gone[j + 1] === gone[j] - 1) j++;
    const at = gone[j];
    const count = j - i + 1;
    const rows = Math.max(...gone.slice(i, j + 1).map((c) => lastUsedInColumn(sheet, c, 1)));
    const expect = Array.from({ length: rows }, (_, r) => Array.from({ length: count }, (_, k) => asRead(r + 1, at + k)));
    ops.push({ kind: 'deleteColumns', sheet: sheet.name, column: columnLetter(at), count, expect });
    shifts.push({ sheet: sheet.name, at, count: -count });
    i = j + 1;
  }
  // the kept factors now stand from `first` on in their old order; each new one gets a column at its place
  const added: number[] = [];
  for (let j = 0; j < n;) {
    if ('from' in next[j]) {
      j++;
      continue;
    }
    let k = j;
    while (k + 1 < n && !('from' in next[k + 1])) k++;
    // the insert's place: rows 1–3 of the columns it pushes right (Totalen's header, when adding at the end)
    const count = k - j + 1;
    const expect = Array.from({ length: WERKBLAD.factorRow }, (_, r) => Array.from({ length: count }, (_, c) => asRead(r + 1, first + j + c)));
    ops.push({ kind: 'insertColumns', sheet: sheet.name, column: columnLetter(first + j), count, expect });
    shifts.push({ sheet: sheet.name, at: first + j, count });
    for (let c = j; c <= k; c++) added.push(first + c);
    j = k + 1;
  }
  // where each kept factor stands after the shift
  const keptAt = next.flatMap((s, j) => ('from' in s ? [first + j] : []));
  const ascending = [...kept].sort((a, b) => a - b);
  const columnNow = new Map(ascending.map((from, i) => [from, keptAt[i]]));
  const inOrder = kept.every((from, i) => from === ascending[i]);
  const endRow = Math.max(L.preparedEndRow, L.lastDataRow);

  if (!inOrder) {
    // a reorder on top: rewrite the block on the sheet as the shift leaves it
    const shifted = simulate({ sheets: [sheet] }, ops).sheets[0];
    const layout: WerkbladLayout = { ...L, lastFactorColumn: first + n - 1, totalenColumn: first + n };
    const sources: Source[] = next.map((s) => ('from' in s ? { column: columnNow.get(s.from)!, waarom: s.waarom } : s));
    const rest = rewriteFactors(shifted, layout, sources, names);
    return rest.ok ? { ok: true, ops: [...ops, ...rest.ops] } : rest;
  }

  next.forEach((s, j) => {
    const c = first + j;
    if (!('from' in s)) {
      ops.push({
        kind: 'setCells',
        sheet: sheet.name,
        cell: cellAddress(WERKBLAD.factorRow, c),
        cells: [[text(names[j])], [num(s.weging)], [s.waarom.trim() ? text(s.waarom.trim()) : { clear: true }]],
      });
      return;
    }
    // a kept factor's cells are where the shift put them, unchanged: guarded against a co-author's change
    const was = werkblad.factors[s.from].column;
    const guarded = (row: number, input: CellInput) =>
      ops.push({ kind: 'setCells', sheet: sheet.name, cell: cellAddress(row, c), cells: [[input]], expect: [[valueAt(sheet, row, was)]] });
    if (valueAt(sheet, WERKBLAD.factorRow, was) !== names[j]) guarded(WERKBLAD.factorRow, text(names[j]));
    const waarom = s.waarom?.trim();
    if (waarom !== undefined && textAt(sheet, WERKBLAD.waaromRow, was) !== waarom) guarded(WERKBLAD.waaromRow, waarom ? text(waarom) : { clear: true });
  });
  // the product's styles and width for the new columns (template.ts); Excel gives an inserted column its left neighbour's
  const col = columnLetter;
  for (const c of added) {
    ops.push(
      { kind: 'setStyle', sheet: sheet.name, range: `${col(c)}3`, style: HEADER_STYLE },
      { kind: 'setStyle', sheet: sheet.name, range: `${col(c)}4`, style: WEIGHT_STYLE },
      { kind: 'setStyle', sheet: sheet.name, range: `${col(c)}5`, style: WAAROM_STYLE },
      { kind: 'setStyle', sheet: sheet.name, range: `${col(c)}${WERKBLAD.firstDataRow}:${col(c)}${endRow}`, style: SCORE_STYLE },
    );
  }
  if (added.length) ops.push({ kind: 'setColumnWidths', sheet: sheet.name, widths: added.map((c) => ({ column: col(c), width: WERKBLAD.factorWidth })) });
  return { ok: true, ops };
}

const HEADER_STYLE = { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont, wrap: true, verticalAlignment: 'center' } as const;
const WEIGHT_STYLE = { bold: true, fill: COLORS.subFill } as const;
const WAAROM_STYLE = { italic: true, fontColor: '#595959' } as const;
const SCORE_STYLE = { bold: false, fill: null, numberFormat: 'General' } as const;

/**
 * The rewrite way (see factorsEdit): the factor columns get `sources` in order (an existing
 * column's cells by value, renamed to `names`; or a new factor) and Totalen the column after
 * them, as one guarded setCells of the whole block, with the product's styles and widths.
 * `L` is the layout the columns of `sources` refer to.
 */
function rewriteFactors(sheet: SheetSnapshot, L: WerkbladLayout, sources: Source[], names: string[]): EditResult {
  const n = sources.length;
  const first = L.firstFactorColumn;
  const oldT = L.totalenColumn;
  const newT = first + n;

  // what the team may have put where the product wants to write
  if (L.totalenFound) {
    for (let r = WERKBLAD.weightRow; r <= rowCount(sheet); r++) {
      const v = valueAt(sheet, r, oldT);
      if (!isEmpty(v) && !formulaAt(sheet, r, oldT)) {
        return {
          ok: false,
          message: `${where(sheet, r, oldT)} in de kolom Totalen bevat “${String(v)}”, niet de formule van de add-in. Verplaats dat eerst; dan kan Totalen mee naar de nieuwe plaats.`,
        };
      }
    }
  }
  for (let c = oldT + (L.totalenFound ? 1 : 0); c <= newT; c++) {
    const used = lastUsedInColumn(sheet, c, 1);
    if (used >= 1) {
      let r = 1;
      while (r <= used && !occupied(sheet, r, c)) r++;
      return {
        ok: false,
        message: `${where(sheet, r, c)} is niet leeg (“${occupied(sheet, r, c)}”): daar moet de kolom ${c === newT ? 'Totalen' : 'van een succesfactor'} komen. Verplaats wat in kolom ${columnLetter(c)} staat en probeer het opnieuw.`,
      };
    }
  }

  const endRow = Math.max(L.preparedEndRow, L.lastDataRow, lastUsedInColumn(sheet, oldT, WERKBLAD.firstDataRow));
  const newLayout: WerkbladLayout = { ...L, lastFactorColumn: newT - 1, totalenColumn: newT, totalenFound: true };
  // the last column the product owns: Totalen when found; without a Totalen header the column
  // after the factors is the team's and is left alone (a removal cleared it)
  const ownEnd = L.totalenFound ? oldT : oldT - 1;
  const lastCol = Math.max(ownEnd, newT);
  const grid: CellInput[][] = [];
  for (let r = WERKBLAD.factorRow; r <= endRow; r++) {
    const line: CellInput[] = [];
    for (let c = first; c <= lastCol; c++) {
      const j = c - first;
      if (j < n) {
        const s = sources[j];
        if ('column' in s) {
          if (r === WERKBLAD.factorRow) line.push(text(names[j]));
          else if (r === WERKBLAD.waaromRow && s.waarom !== undefined) line.push(s.waarom.trim() ? text(s.waarom.trim()) : { clear: true });
          else line.push(asInput(sheet, r, s.column));
        } else if (r === WERKBLAD.factorRow) line.push(text(names[j]));
        else if (r === WERKBLAD.weightRow) line.push(num(s.weging));
        else if (r === WERKBLAD.waaromRow) line.push(s.waarom.trim() ? text(s.waarom.trim()) : { clear: true });
        else line.push({ clear: true });
      } else if (c === newT) {
        if (r === WERKBLAD.factorRow) line.push(text(WERKBLAD.totalenLabel));
        else if (r < WERKBLAD.firstDataRow) line.push({ clear: true });
        else line.push(formula(totalFormula(newLayout, r)));
      } else line.push({ clear: true });
    }
    grid.push(line);
  }
  if (!diffBlock(sheet.name, sheet, WERKBLAD.factorRow, first, grid).length) return { ok: true, ops: [] };
  // one guarded write of the whole block: when a co-author changed any of its cells since
  // the read, nothing of it is written (ApplyResult.conflicts) instead of half a move
  const expect: CellValue[][] = grid.map((line, i) => line.map((_, j) => valueAt(sheet, WERKBLAD.factorRow + i, first + j)));
  const ops: PlanOp[] = [{ kind: 'setCells', sheet: sheet.name, cell: cellAddress(WERKBLAD.factorRow, first), cells: grid, expect }];

  // the product's own styles for the new layout (template.ts)
  const col = columnLetter;
  const d1 = WERKBLAD.firstDataRow;
  ops.push(
    { kind: 'setStyle', sheet: sheet.name, range: `${col(first)}3:${col(newT)}3`, style: HEADER_STYLE },
    { kind: 'setStyle', sheet: sheet.name, range: `${col(first)}4:${col(newT)}4`, style: WEIGHT_STYLE },
    { kind: 'setStyle', sheet: sheet.name, range: `${col(first)}5:${col(newT)}5`, style: WAAROM_STYLE },
    { kind: 'setStyle', sheet: sheet.name, range: `${col(first)}${d1}:${col(newT - 1)}${endRow}`, style: SCORE_STYLE },
    {
      kind: 'setStyle',
      sheet: sheet.name,
      range: `${col(newT)}${d1}:${col(newT)}${endRow}`,
      style: { bold: true, fill: COLORS.totalFill, numberFormat: '0.##' },
    },
  );
  if (ownEnd > newT) {
    ops.push({
      kind: 'setStyle',
      sheet: sheet.name,
      range: `${col(newT + 1)}3:${col(ownEnd)}${endRow}`,
      style: { bold: false, italic: false, wrap: false, fill: null, fontColor: null, numberFormat: 'General' },
    });
  }
  ops.push({
    kind: 'setColumnWidths',
    sheet: sheet.name,
    widths: [
      ...Array.from({ length: n }, (_, j) => ({ column: col(first + j), width: WERKBLAD.factorWidth })),
      { column: col(newT), width: WERKBLAD.totalenWidth },
    ],
  });
  return { ok: true, ops };
}

const keep = (w: Werkblad): FactorSpec[] => w.factors.map((f) => ({ from: f.index }));

/**
 * A new factor at the end (before Totalen), with weight and "waarom". With
 * `options.shiftColumns` a column is inserted before Totalen, so Totalen and whatever the
 * team has right of it move one column right, references included.
 */
export function addFactorEdit(
  sheet: SheetSnapshot,
  werkblad: Werkblad,
  name: string,
  waarom: string,
  weging: number = WERKBLAD.defaultWeging,
  options: FactorColumnOptions = {},
): EditResult {
  return factorsEdit(sheet, werkblad, [...keep(werkblad), { name, weging, waarom }], options);
}

/**
 * Removes factor `index`; the caller asks first when `readFactorInfo(...)[index].scores` > 0
 * (exactly the score cells that go). With `options.shiftColumns` its column is deleted, so
 * the other factors, Totalen and whatever the team has right of it move one column left,
 * references included.
 */
export function removeFactorEdit(sheet: SheetSnapshot, werkblad: Werkblad, index: number, options: FactorColumnOptions = {}): EditResult {
  return factorsEdit(
    sheet,
    werkblad,
    keep(werkblad).filter((_, i) => i !== index),
    options,
  );
}

/**
 * Moves factor `index` by `delta` places (−1 left, +1 right); nothing at the ends. Always a
 * rewrite of the factor block by value (no column moves): the caller asks first about the
 * team's formulas that read the moved cells (referenceBreaks.ts `factorMoveImpact`).
 */
export function moveFactorEdit(sheet: SheetSnapshot, werkblad: Werkblad, index: number, delta: number): EditResult {
  const order = keep(werkblad);
  const to = index + delta;
  if (!order[index] || to < 0 || to >= order.length) return { ok: true, ops: [] };
  const [moved] = order.splice(index, 1);
  order.splice(to, 0, moved);
  return factorsEdit(sheet, werkblad, order);
}

/**
 * Renames factor `index` in row 3; its scores stay where they are (they are kept by column).
 * Everything else keyed by the factor's name follows in the same plan, each as a guarded
 * single-cell write (`expect` = the cell as read, so a colleague's concurrent change is
 * reported as a conflict, never overwritten):
 * - Notulen column F of every note linked to the factor (by its id in column A through
 *   `updateRowByKey`, so a row a colleague moved is still found; by row when it has no id);
 * - Scorerondes column E of every round row of the factor, and column H when it holds the
 *   score key built from the old name (`scoreKey`), so a participant's later change still
 *   finds their row.
 * `linked` is the snapshot and notes the werkblad was read from. Names compare by the one
 * name rule (src/core/names.ts). Returns a Dutch message instead when the name is empty,
 * too long, "Totalen" or another factor's name.
 */
export function renameFactorEdit(
  sheet: SheetSnapshot,
  werkblad: Werkblad,
  index: number,
  name: string,
  linked: { snapshot: WorkbookSnapshot; notes: NotesState },
): EditResult {
  const f = werkblad.factors[index];
  if (!f) return { ok: false, message: 'Onbekende succesfactor.' };
  const bad = validateFactorName(
    name,
    werkblad.factors.filter((_, i) => i !== index).map((x) => textAt(sheet, WERKBLAD.factorRow, x.column)),
  );
  if (bad) return { ok: false, message: bad };
  const oldName = textAt(sheet, WERKBLAD.factorRow, f.column);
  const newName = name.trim();
  if (oldName === newName) return { ok: true, ops: [] };
  return {
    ok: true,
    ops: [
      {
        kind: 'setCells',
        sheet: sheet.name,
        cell: cellAddress(WERKBLAD.factorRow, f.column),
        cells: [[text(newName)]],
        expect: [[valueAt(sheet, WERKBLAD.factorRow, f.column)]],
      },
      ...factorNameFollowOps(linked.snapshot, linked.notes, oldName, newName),
    ],
  };
}

/** The guarded writes that move notes and round rows from factor `oldName` to `newName` (see renameFactorEdit). */
function factorNameFollowOps(snapshot: WorkbookSnapshot, notes: NotesState, oldName: string, newName: string): PlanOp[] {
  const key = nameKey(oldName);
  if (!key) return [];
  const ops: PlanOp[] = [];
  const FACTOR_COLUMN = 6; // Notulen F
  if (notes.sheet) {
    for (const n of notes.notes) {
      if (nameKey(n.factor) !== key) continue;
      const was: CellValue = n.read ? (n.read[FACTOR_COLUMN - 1] ?? null) : n.factor;
      if (n.id)
        ops.push({ kind: 'updateRowByKey', sheet: notes.sheet, minRow: 1, keyColumn: 'A', key: n.id, firstColumn: 'F', cells: [text(newName)], expect: [was] });
      else if (n.row) ops.push({ kind: 'setCells', sheet: notes.sheet, cell: cellAddress(n.row, FACTOR_COLUMN), cells: [[text(newName)]], expect: [[was]] });
    }
  }
  const rondes = readRondes(snapshot);
  const rondesSheet = rondes.sheet ? snapshot.sheets.find((s) => s.name === rondes.sheet) : undefined;
  if (rondes.sheet && rondesSheet) {
    for (const r of rondes.rows) {
      if (nameKey(r.factor) !== key) continue;
      ops.push({ kind: 'setCells', sheet: rondes.sheet, cell: cellAddress(r.row, 5), cells: [[text(newName)]], expect: [[valueAt(rondesSheet, r.row, 5)]] });
      if (r.key && r.key === scoreKey(r.ronde, r.deelnemer, r.koppelkans, r.factor)) {
        ops.push({
          kind: 'setCells',
          sheet: rondes.sheet,
          cell: cellAddress(r.row, 8),
          cells: [[text(scoreKey(r.ronde, r.deelnemer, r.koppelkans, newName))]],
          expect: [[valueAt(rondesSheet, r.row, 8)]],
        });
      }
    }
  }
  return ops;
}

/**
 * Sets the "waarom" of factor `index` (row 5); "" clears it. One line, at most 500 characters.
 * The write is guarded (`expect` = the cell as read): a colleague's change made after that read is reported as a conflict, not overwritten.
 */
export function waaromEdit(sheet: SheetSnapshot, werkblad: Werkblad, index: number, waarom: string): EditResult {
  const f = werkblad.factors[index];
  if (!f) return { ok: false, message: 'Onbekende succesfactor.' };
  const t = waarom.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  if (t.length > 500) return { ok: false, message: `De toelichting is ${t.length} tekens; houd het bij één regel (hoogstens 500 tekens).` };
  if (textAt(sheet, WERKBLAD.waaromRow, f.column) === t) return { ok: true, ops: [] };
  return {
    ok: true,
    ops: [
      {
        kind: 'setCells',
        sheet: sheet.name,
        cell: cellAddress(WERKBLAD.waaromRow, f.column),
        cells: [[t ? text(t) : { clear: true }]],
        expect: [[valueAt(sheet, WERKBLAD.waaromRow, f.column)]],
      },
    ],
  };
}

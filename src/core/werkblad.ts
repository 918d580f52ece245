/**
 * Reading the werkblad: the success factors (row 3) with their weights (row 4), the
 * koppelkansen (column A opgave, column B koppelkans) and their scores, and the
 * weighted totals. Finds its parts by labels, never by fixed addresses alone.
 */
import { cellAddress, columnLetter } from './a1';
import { formulaAt, isEmpty, lacksCachedResult, lastNonEmptyColumn, lastNonEmptyRow, textAt, valueAt } from './grid';
import { WERKBLAD, sameName, SHEET_NAMES } from './layout';
import { mergedAreas } from './merges';
import { cleanName, dutchCellText, dutchErrorName, isExcelError } from './names';
import { problem, type Problem } from './problems';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';

/** A success factor as a column of the Werkblad (the ONE Succesfactor type; the guide's suggestions are VoorgesteldeSuccesfactor in defaults.ts). */
export interface Succesfactor {
  /** 0-based position among the factors. */
  index: number;
  column: number;
  name: string;
  /** The weight when valid, else null. */
  weging: number | null;
}

export interface WerkbladLayout {
  sheet: string;
  /** Columns of the success factors, contiguous from C. */
  firstFactorColumn: number;
  lastFactorColumn: number;
  totalenColumn: number;
  totalenFound: boolean;
  firstDataRow: number;
  /** Last row with content in columns A..last factor; firstDataRow-1 when none. */
  lastDataRow: number;
  /** Last row that gets dropdowns, validation and a total formula. */
  preparedEndRow: number;
}

type RowStatus = 'scored' | 'unscored' | 'invalid';

export interface KoppelkansRow {
  row: number;
  opgave: string;
  koppelkans: string;
  /** Per factor: the valid score, or null when empty or invalid. */
  scores: (number | null)[];
  scored: number;
  factors: number;
  status: RowStatus;
  total: number | null;
  /** Why the row has no total (Dutch), when status is "invalid". */
  reason?: string;
  /** A score cell itself is invalid (not only a weight). */
  invalidScore: boolean;
}

export interface Werkblad {
  layout: WerkbladLayout;
  factors: Succesfactor[];
  rows: KoppelkansRow[];
}

export function findWerkbladSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sameName(s.name, SHEET_NAMES.werkblad));
}

export function readWerkbladLayout(sheet: SheetSnapshot, problems: Problem[]): WerkbladLayout | null {
  const R = WERKBLAD.factorRow;
  const first = WERKBLAD.firstFactorColumn;
  let totalen = 0;
  const lastHeader = lastNonEmptyColumn(sheet, R);
  for (let c = first; c <= lastHeader; c++) {
    if (textAt(sheet, R, c).toLowerCase() === WERKBLAD.totalenLabel.toLowerCase()) {
      totalen = c;
      break;
    }
  }
  let totalenFound = totalen > 0;
  if (!totalenFound) {
    if (lastHeader < first) {
      problems.push(problem('NO_FACTORS', sheet.name, cellAddress(R, first)));
      return null;
    }
    totalen = lastHeader + 1;
    problems.push(problem('TOTALEN_MISSING', sheet.name, cellAddress(R, totalen), { column: columnLetter(totalen) }));
  }
  const count = totalen - first;
  if (count < 1) {
    problems.push(problem('NO_FACTORS', sheet.name, cellAddress(R, first)));
    return null;
  }
  if (count > WERKBLAD.maxFactors) {
    problems.push(problem('TOO_MANY_FACTORS', sheet.name, cellAddress(R, first), { count, max: WERKBLAD.maxFactors }));
    return null;
  }
  const firstDataRow = WERKBLAD.firstDataRow;
  const last = lastNonEmptyRow(sheet, 1, totalen - 1, firstDataRow);
  const lastDataRow = last >= firstDataRow ? last : firstDataRow - 1;
  const preparedEndRow = Math.max(lastDataRow + WERKBLAD.spareRows, firstDataRow + WERKBLAD.minPreparedRows - 1);
  totalenFound = totalenFound && true;
  return {
    sheet: sheet.name,
    firstFactorColumn: first,
    lastFactorColumn: totalen - 1,
    totalenColumn: totalen,
    totalenFound,
    firstDataRow,
    lastDataRow,
    preparedEndRow,
  };
}

type Weight = { ok: true; value: number } | { ok: false };

function readWeight(sheet: SheetSnapshot, column: number, factor: string, problems: Problem[]): Weight {
  const v = valueAt(sheet, WERKBLAD.weightRow, column);
  const cell = cellAddress(WERKBLAD.weightRow, column);
  if (isEmpty(v)) {
    problems.push(problem('WEIGHT_EMPTY', sheet.name, cell, { factor }));
    return { ok: false };
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    problems.push(problem('WEIGHT_NOT_NUMBER', sheet.name, cell, { factor, value: dutchCellText(v) }));
    return { ok: false };
  }
  if (v < 0) {
    problems.push(problem('WEIGHT_NEGATIVE', sheet.name, cell, { factor, value: v }));
    return { ok: false };
  }
  return { ok: true, value: v };
}

export function readFactors(sheet: SheetSnapshot, layout: WerkbladLayout, problems: Problem[]): Succesfactor[] {
  const factors: Succesfactor[] = [];
  const seen = new Map<string, string>();
  for (let c = layout.firstFactorColumn; c <= layout.lastFactorColumn; c++) {
    const name = textAt(sheet, WERKBLAD.factorRow, c);
    const label = name || `kolom ${columnLetter(c)}`;
    const cell = cellAddress(WERKBLAD.factorRow, c);
    if (!name) problems.push(problem('FACTOR_UNNAMED', sheet.name, cell));
    else {
      const key = name.toLowerCase();
      const other = seen.get(key);
      if (other) problems.push(problem('FACTOR_DUPLICATE', sheet.name, cell, { name, other }));
      else seen.set(key, cell);
    }
    const w = readWeight(sheet, c, label, problems);
    factors.push({ index: c - layout.firstFactorColumn, column: c, name: label, weging: w.ok ? w.value : null });
  }
  return factors;
}

type ScoreCheck = { kind: 'empty' } | { kind: 'valid'; value: number } | { kind: 'invalid' };

/**
 * A score is a whole number from -10 to 10. Empty and a zero-length text mean "not
 * scored yet" (Excel's COUNTBLANK counts both); TRUE/FALSE, other text and error values
 * (#N/A, #DIV/0! …, typed or a formula's result) make the score invalid (not a number),
 * as the Totalen formula (src/core/formulas.ts `totalFormula`) makes the row "ongeldig".
 * A formula without a cached result is read as empty by `readRows`, with a warning (the
 * engine cannot compute it).
 *
 * "Whole" and "from -10 to 10" are judged as the spreadsheet judges them (`excelWhole`): a
 * team formula's result such as =(0,1+0,2)*10, 3.0000000000000004 as a double, is the whole
 * number 3, and its valid value is that whole number. The Totalen formula's tests `s=INT(s)`
 * and `ABS(s)<=10` compare that way; until 2026-12 the engine tested the exact double, so
 * such a row was "ongeldig" in the engine while Totalen gave it a total.
 */
export function checkScore(v: CellValue): ScoreCheck {
  if (v === null || v === '') return { kind: 'empty' };
  if (typeof v !== 'number' || !Number.isFinite(v)) return { kind: 'invalid' };
  const whole = excelWhole(v);
  if (whole === null || whole < -10 || whole > 10) return { kind: 'invalid' };
  return { kind: 'valid', value: whole };
}

/**
 * The whole number `v` is as a spreadsheet compares numbers, or null when it is not whole:
 * `v` read at Excel's 15 significant digits (the precision Excel keeps and compares at;
 * LibreOffice's comparisons treat numbers this close as equal too, rtl::math::approxEqual),
 * so a double a few units in the last place from a whole number, the usual result of
 * decimal arithmetic in a formula, counts as that whole number. −0 is 0.
 */
function excelWhole(v: number): number | null {
  // a whole number below 10^15 is its own value at 15 digits (the usual score: no string made)
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return v + 0;
  if (!Number.isFinite(v)) return null;
  const at15 = Number(v.toPrecision(15));
  return Number.isInteger(at15) ? at15 + 0 : null;
}

/** One werkblad row read: the koppelkans row (null when the row holds nothing) and the problems found in it. */
export interface RowRead {
  row: KoppelkansRow | null;
  problems: Problem[];
}

/**
 * What a row's reading depends on besides its own cells: the sheet's name, the totals
 * column and every factor's column, name and weging (as one string).
 */
function rowContext(sheet: SheetSnapshot, layout: WerkbladLayout, factors: Succesfactor[]): string {
  return JSON.stringify([sheet.name, layout.totalenColumn, factors.map((f) => [f.column, f.name, f.weging])]);
}

/** The cells row `r`'s reading looks at: opgave, koppelkans, every factor's value, and whether an empty factor cell holds a formula. */
function rowInputs(sheet: SheetSnapshot, r: number, factors: Succesfactor[]): CellValue[] {
  const inputs: CellValue[] = [valueAt(sheet, r, 1), valueAt(sheet, r, 2)];
  for (const f of factors) {
    const v = valueAt(sheet, r, f.column);
    inputs.push(v, v === null && formulaAt(sheet, r, f.column) !== null && lacksCachedResult(sheet, r, f.column));
  }
  return inputs;
}

/**
 * Row readings kept per row of values (the snapshot's `values[r - 1]` array), so a snapshot
 * that shares its unchanged rows with the one before (the memory adapter's reads after a
 * typed score) reads only the changed row again. A kept reading is used only when the row
 * number, the context and every input cell are the same (compared with ===), so a snapshot
 * changed in place or read by another adapter is read afresh: the result is always what
 * reading the row gives.
 */
const rowReads = new WeakMap<readonly CellValue[], { r: number; context: string; inputs: CellValue[]; read: RowRead }>();

/** True when the kept reading `kept` was read from row `r` with this context and these input cells. */
function fits(kept: { r: number; context: string; inputs: CellValue[] } | undefined, r: number, context: string, inputs: CellValue[]): boolean {
  return !!kept && kept.r === r && kept.context === context && sameInputs(kept.inputs, inputs);
}

function sameInputs(a: CellValue[], b: CellValue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The koppelkans rows of the werkblad (`layout.firstDataRow`..`lastDataRow`, skipping
 * sub-headings merged across column A or B and rows with nothing in them), each with its
 * scores, status and weighted total; the problems found are appended to `problems` in
 * row order. Rows unchanged since an earlier read (same values array, same cells) are
 * taken from that read (see `rowReads`); with `earlier` (this sheet in a snapshot read
 * before, whose rows were read), a row whose array is new but whose cells equal those of
 * the same row of `earlier` is taken from that row's reading (the same row object).
 */
export function readRows(sheet: SheetSnapshot, layout: WerkbladLayout, factors: Succesfactor[], problems: Problem[], earlier?: SheetSnapshot): KoppelkansRow[] {
  const rows: KoppelkansRow[] = [];
  // a team's sub-heading ("Fase 2") merged across the opgave or koppelkans column is no koppelkans
  const headings = new Set<number>();
  for (const m of mergedAreas(sheet)) {
    if (m.left <= 2 && m.right > m.left) for (let r = m.top; r <= m.bottom; r++) headings.add(r);
  }
  const context = rowContext(sheet, layout, factors);
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    if (headings.has(r)) continue;
    const line = sheet.values[r - 1];
    const inputs = rowInputs(sheet, r, factors);
    let kept = line ? rowReads.get(line) : undefined;
    if (!fits(kept, r, context, inputs)) {
      const before = earlier?.values[r - 1];
      kept = before ? rowReads.get(before) : undefined;
    }
    let read: RowRead;
    if (kept && fits(kept, r, context, inputs)) {
      read = kept.read;
      if (line && rowReads.get(line) !== kept) rowReads.set(line, kept);
    } else {
      read = readRow(sheet, r, layout, factors);
      if (line) rowReads.set(line, { r, context, inputs, read });
    }
    for (const p of read.problems) problems.push(p);
    if (read.row) rows.push(read.row);
  }
  return rows;
}

/**
 * One werkblad row `r` (1-based) read on its own, as `readRows` reads it: the koppelkans row
 * (null when the row holds nothing) and the problems found in it, in the order `readRows`
 * appends them. Does not look at merged sub-headings (`readRows` skips those rows).
 */
export function readRow(sheet: SheetSnapshot, r: number, layout: WerkbladLayout, factors: Succesfactor[]): RowRead {
  const problems: Problem[] = [];
  const opgave = cleanName(valueAt(sheet, r, 1));
  const koppelkans = cleanName(valueAt(sheet, r, 2));
  const scores: (number | null)[] = [];
  let scored = 0;
  let invalid = false;
  let invalidScore = false;
  const reasons: string[] = [];
  for (const f of factors) {
    const v = valueAt(sheet, r, f.column);
    const check = checkScore(v);
    const cell = cellAddress(r, f.column);
    // a formula with no cached result (the file's <f> without <v>) is not scored, with a warning; one whose result is the
    // empty text (="", =IF(…;"")) is the ordinary empty score, as Totalen's COUNTBLANK counts it: no warning
    if (v === null && formulaAt(sheet, r, f.column) && lacksCachedResult(sheet, r, f.column))
      problems.push(problem('SCORE_FORMULA_NO_RESULT', sheet.name, cell, { factor: f.name }));
    if (check.kind === 'empty') {
      scores.push(null);
      continue;
    }
    if (check.kind === 'invalid') {
      invalid = true;
      invalidScore = true;
      scores.push(null);
      if (isExcelError(v)) {
        // an error value (typed, or a team formula's result): the row is "ongeldig", as the Totalen formula says
        const value = dutchErrorName(v as string);
        problems.push(problem('SCORE_ERROR_VALUE', sheet.name, cell, { factor: f.name, value }));
        reasons.push(`${cell} bevat de foutwaarde ${value}`);
      } else if (typeof v !== 'number') {
        problems.push(problem('SCORE_NOT_NUMBER', sheet.name, cell, { factor: f.name, value: dutchCellText(v) }));
        reasons.push(`${cell} is geen getal`);
      } else if (excelWhole(v) === null) {
        problems.push(problem('SCORE_NOT_INTEGER', sheet.name, cell, { factor: f.name, value: v }));
        reasons.push(`${cell} is geen heel getal`);
      } else {
        problems.push(problem('SCORE_OUT_OF_RANGE', sheet.name, cell, { factor: f.name, value: v }));
        reasons.push(`${cell} ligt buiten -10..10`);
      }
      continue;
    }
    scored++;
    scores.push(check.value);
    if (f.weging === null) {
      invalid = true;
      reasons.push(`de weging van "${f.name}" is ongeldig`);
    }
  }
  if (!opgave && !koppelkans && scored === 0 && !invalid) return { row: null, problems };
  const label = koppelkans || `rij ${r}`;
  let status: RowStatus;
  let total: number | null = null;
  if (invalid) {
    status = 'invalid';
    problems.push(problem('ROW_INVALID', sheet.name, cellAddress(r, layout.totalenColumn), { row: r, koppelkans: label, reason: unique(reasons).join('; ') }));
  } else if (scored === 0) {
    status = 'unscored';
    if (koppelkans) problems.push(problem('ROW_UNSCORED', sheet.name, cellAddress(r, 2), { koppelkans: label }));
  } else {
    status = 'scored';
    total = weightedTotal(scores, factors);
    if (scored < factors.length) {
      problems.push(problem('ROW_PARTLY_SCORED', sheet.name, cellAddress(r, 2), { koppelkans: label, scored, factors: factors.length }));
    }
  }
  const row: KoppelkansRow = {
    row: r,
    opgave,
    koppelkans,
    scores,
    scored,
    factors: factors.length,
    status,
    total,
    reason: invalid ? unique(reasons).join('; ') : undefined,
    invalidScore,
  };
  return { row, problems };
}

/** Decimals a weighted total is rounded to, in the engine and in the Totalen formula. */
export const TOTAL_DECIMALS = 9;

/**
 * Σ weight × score over the scored factors, in factor order (as Excel's SUMPRODUCT),
 * rounded by `roundTotal`: totals equal on paper (0,1 + 0,2 and 0,3) are equal.
 */
export function weightedTotal(scores: (number | null)[], factors: { weging: number | null }[]): number {
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s === null) continue;
    total += (factors[i].weging ?? 0) * s;
  }
  return roundTotal(total);
}

/**
 * Excel's ROUND(x, TOTAL_DECIMALS): the number as Excel holds it (15 significant
 * digits), rounded half away from zero in decimal, read back as the nearest double.
 */
function roundTotal(x: number, decimals: number = TOTAL_DECIMALS): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential(14));
  if (!m) return x;
  const sign = m[1] === '-' ? -1 : 1;
  const digits = (m[2] + (m[3] ?? '')).replace(/0+$/, '') || '0';
  const exponent = Number(m[4]);
  const keep = exponent + 1 + decimals; // digits before the rounding point
  if (keep < 0) return 0;
  let head = keep === 0 ? '0' : digits.slice(0, keep).padEnd(keep, '0');
  const nextDigit = Number(digits[keep] ?? '0');
  if (nextDigit >= 5) head = (BigInt(head) + 1n).toString();
  const value = Number(`${head}e-${decimals}`);
  return value === 0 ? 0 : sign * value;
}

function unique(a: string[]): string[] {
  return [...new Set(a)];
}

/** True when the cell holds a formula or nothing: the engine may (re)write it. */
export function engineMayWrite(sheet: SheetSnapshot | undefined, row: number, column: number): boolean {
  if (!sheet) return true;
  return engineMayWriteCell(valueAt(sheet, row, column), Boolean(formulaAt(sheet, row, column)));
}

/**
 * The same rule for one cell given as its value and whether it holds a formula (an adapter's
 * live read, src/workbook/basis.ts): a formula or nothing (null or "") may be (re)written by
 * the engine; any other value is the team's.
 */
export function engineMayWriteCell(value: CellValue, hasFormula: boolean): boolean {
  return hasFormula || isEmpty(value);
}

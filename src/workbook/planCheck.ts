/**
 * Checks a whole plan against the workbook's sheet names before anything is written,
 * so that an adapter can apply it all or nothing. Throws a WorkbookError (Dutch message
 * naming sheet and cell) for the first problem.
 */
import { cellAddress, columnLetter, columnNumber, parseCell, parseRange } from '../core/a1';
import { sameSheet } from '../core/columnShift';
import { columnGuardConflicts, columnGuards, guardCellValue, type CellConflict, type ColumnOp } from '../core/keyedRows';
import { simulate } from '../core/simulate';
import type { CellInput, CellValue, Plan, PlanOp, SheetSnapshot, ValidationRule, WorkbookSnapshot } from '../core/snapshot';
import { MAX_CELL_TEXT } from '../core/textSafety';
import { MAX_COLUMNS, MAX_ROWS, MAX_SHEET_NAME, WorkbookError } from './errors';

/** Throws when `name` cannot be an Excel sheet name. */
export function checkSheetName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '' || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new WorkbookError('sheetNameInvalid', [String(name)], String(name));
  }
  if (name.length > MAX_SHEET_NAME) throw new WorkbookError('sheetNameTooLong', [name], name);
}

const key = (name: string) => name.toLowerCase();

function cellPos(sheet: string, address: string): { row: number; column: number } {
  try {
    const p = parseCell(address);
    if (p.row < 1 || p.row > MAX_ROWS || p.column > MAX_COLUMNS) throw new RangeError();
    return p;
  } catch {
    throw new WorkbookError('invalidAddress', [sheet, String(address)], sheet, String(address));
  }
}

function rangePos(sheet: string, address: string): void {
  try {
    const p = parseRange(address);
    if (p.start.row < 1 || p.end.row > MAX_ROWS || p.end.column > MAX_COLUMNS) throw new RangeError();
  } catch {
    throw new WorkbookError('invalidAddress', [sheet, String(address)], sheet, String(address));
  }
}

function column(sheet: string, letters: string): number {
  try {
    const n = columnNumber(letters);
    if (n > MAX_COLUMNS) throw new RangeError();
    return n;
  } catch {
    throw new WorkbookError('invalidAddress', [sheet, String(letters)], sheet, String(letters));
  }
}

function checkInput(sheet: string, row: number, col: number, input: CellInput): void {
  // the address is only spelled out for an error: a plan at 10,000 rows checks about 70,000 cells
  const at = () => (row <= MAX_ROWS && col <= MAX_COLUMNS ? cellAddress(row, col) : `${row},${col}`);
  if (row > MAX_ROWS || col > MAX_COLUMNS) throw new WorkbookError('invalidAddress', [sheet, at()], sheet, at());
  if (input === null || typeof input !== 'object') {
    throw new WorkbookError('invalidArgument', [sheet, `cel ${at()}: onbekende inhoud.`], sheet, at());
  }
  if ('text' in input) {
    if (typeof input.text !== 'string') throw new WorkbookError('invalidArgument', [sheet, `cel ${at()}: tekst verwacht.`], sheet, at());
    if (input.text.length > MAX_CELL_TEXT) throw new WorkbookError('textTooLong', [sheet, at(), input.text.length], sheet, at());
  } else if ('number' in input) {
    if (typeof input.number !== 'number' || !Number.isFinite(input.number)) {
      throw new WorkbookError('invalidNumber', [sheet, at(), input.number], sheet, at());
    }
  } else if ('formula' in input) {
    if (typeof input.formula !== 'string' || !/^=./s.test(input.formula)) {
      throw new WorkbookError('invalidFormula', [sheet, at(), String(input.formula)], sheet, at());
    }
  } else if (!('bool' in input) && !('clear' in input)) {
    throw new WorkbookError('invalidArgument', [sheet, `cel ${at()}: onbekende inhoud.`], sheet, at());
  }
}

function checkBlock(sheet: string, row: number, col: number, rows: CellInput[][]): void {
  if (!Array.isArray(rows)) throw new WorkbookError('invalidArgument', [sheet, 'de cellen ontbreken.'], sheet);
  rows.forEach((line, i) => {
    if (!Array.isArray(line)) throw new WorkbookError('invalidArgument', [sheet, 'een rij cellen ontbreekt.'], sheet);
    line.forEach((input, j) => checkInput(sheet, row + i, col + j, input));
  });
}

/** An op's `expect` must have the shape of what it writes: `widths[i]` cells in row i. */
function checkExpect(sheet: string, expect: unknown, widths: number[]): void {
  const ok =
    Array.isArray(expect) &&
    expect.length === widths.length &&
    expect.every(
      (line, i) => Array.isArray(line) && line.length === widths[i] && line.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)),
    );
  if (!ok) throw new WorkbookError('invalidArgument', [sheet, 'de verwachte inhoud past niet bij de cellen die geschreven worden.'], sheet);
}

function checkRule(sheet: string, rule: ValidationRule): void {
  const bad = (what: string) => {
    throw new WorkbookError('invalidArgument', [sheet, what], sheet);
  };
  if (!rule || typeof rule !== 'object') bad('een gegevensvalidatie zonder regel.');
  if (rule.type === 'list') {
    if (typeof rule.source !== 'string' || rule.source.trim() === '') bad('een keuzelijst zonder bron.');
  } else if (rule.type === 'wholeNumber') {
    if (!Number.isFinite(rule.min) || !Number.isFinite(rule.max) || rule.min > rule.max) bad('een validatie met ongeldige grenzen.');
  } else if (rule.type === 'decimal') {
    if (!Number.isFinite(rule.min)) bad('een validatie met een ongeldige ondergrens.');
  } else {
    bad('een onbekend soort gegevensvalidatie.');
  }
}

/**
 * Checks every op of `plan` against the sheets that exist (`sheetNames`) and the ones
 * the plan adds before it. Sheet names compare case-insensitively, like Excel does.
 * `capabilities.charts`: whether the adapter can draw a setChart op (only Office.js);
 * without it a plan with a chart is refused (WorkbookError 'chartsUnsupported').
 * `capabilities.columns`: whether the adapter can insert and delete whole columns
 * (`WorkbookPort.canShiftColumns`); without it insertColumns/deleteColumns are refused.
 */
export function checkPlan(plan: Plan, sheetNames: string[], capabilities: { charts?: boolean; columns?: boolean } = {}): void {
  const sheets = new Map(sheetNames.map((n) => [key(n), n]));
  const need = (sheet: string) => {
    if (typeof sheet !== 'string' || !sheets.has(key(sheet))) throw new WorkbookError('unknownSheet', [String(sheet)], String(sheet));
  };
  if (!plan || !Array.isArray(plan.ops)) throw new WorkbookError('invalidArgument', ['?', 'het plan heeft geen lijst van bewerkingen.']);
  for (const [index, op] of plan.ops.entries()) {
    switch (op.kind) {
      case 'addSheet': {
        checkSheetName(op.sheet);
        const existing = sheets.get(key(op.sheet));
        if (existing !== undefined) throw new WorkbookError('sheetExists', [op.sheet, existing], op.sheet);
        sheets.set(key(op.sheet), op.sheet);
        break;
      }
      case 'setCells': {
        need(op.sheet);
        const p = cellPos(op.sheet, op.cell);
        checkBlock(op.sheet, p.row, p.column, op.cells);
        if (op.expect !== undefined)
          checkExpect(
            op.sheet,
            op.expect,
            op.cells.map((l) => l.length),
          );
        break;
      }
      case 'setValidation':
        need(op.sheet);
        rangePos(op.sheet, op.range);
        checkRule(op.sheet, op.rule);
        break;
      case 'setStyle':
        need(op.sheet);
        rangePos(op.sheet, op.range);
        if (!op.style || typeof op.style !== 'object') throw new WorkbookError('invalidArgument', [op.sheet, 'een opmaak zonder inhoud.'], op.sheet);
        break;
      case 'setColumnWidths':
        need(op.sheet);
        for (const w of op.widths) {
          column(op.sheet, w.column);
          if (!Number.isFinite(w.width) || w.width < 0 || w.width > 255) {
            throw new WorkbookError('invalidArgument', [op.sheet, `kolombreedte ${w.width} voor kolom ${w.column} kan niet (0 tot 255).`], op.sheet);
          }
        }
        break;
      case 'setRowHeights':
        need(op.sheet);
        for (const h of op.heights) {
          if (!Number.isInteger(h.row) || h.row < 1 || h.row > MAX_ROWS) {
            throw new WorkbookError('invalidArgument', [op.sheet, `rij ${h.row} bestaat niet (1 tot ${MAX_ROWS}).`], op.sheet);
          }
          if (!Number.isFinite(h.height) || h.height < 0 || h.height > 409) {
            throw new WorkbookError('invalidArgument', [op.sheet, `rijhoogte ${h.height} voor rij ${h.row} kan niet (0 tot 409 punten).`], op.sheet);
          }
        }
        break;
      case 'insertColumns':
      case 'deleteColumns': {
        need(op.sheet);
        if (!capabilities.columns)
          throw new WorkbookError('invalidArgument', [op.sheet, 'kolommen invoegen of verwijderen kan in deze omgeving nog niet.'], op.sheet);
        const at = column(op.sheet, op.column);
        const last = op.kind === 'deleteColumns' ? at + op.count - 1 : at;
        if (!Number.isInteger(op.count) || op.count < 1 || op.count > MAX_COLUMNS || last > MAX_COLUMNS) {
          const what = op.kind === 'insertColumns' ? 'invoegen' : 'verwijderen';
          throw new WorkbookError('invalidArgument', [op.sheet, `${String(op.count)} kolommen ${what} bij kolom ${op.column} kan niet.`], op.sheet);
        }
        if (op.expect !== undefined) {
          checkExpect(
            op.sheet,
            op.expect,
            Array.from({ length: Array.isArray(op.expect) ? op.expect.length : 0 }, () => op.count),
          );
          // every guard is checked before anything is written (keyedRows.ts columnGuards)
          if (!plan.ops.slice(0, index).every((o) => o.kind === 'insertColumns' || o.kind === 'deleteColumns'))
            throw new WorkbookError('invalidArgument', [op.sheet, 'een bewaakte kolomwijziging moet vóór de andere wijzigingen van het plan staan.'], op.sheet);
        }
        break;
      }
      case 'freeze':
        need(op.sheet);
        if (!Number.isInteger(op.rows) || !Number.isInteger(op.columns) || op.rows < 0 || op.columns < 0 || op.rows >= MAX_ROWS || op.columns >= MAX_COLUMNS) {
          throw new WorkbookError('invalidArgument', [op.sheet, `vastzetten van ${op.rows} rijen en ${op.columns} kolommen kan niet.`], op.sheet);
        }
        break;
      case 'setPageSetup': {
        need(op.sheet);
        if (op.orientation !== undefined && op.orientation !== 'portrait' && op.orientation !== 'landscape') {
          throw new WorkbookError('invalidArgument', [op.sheet, `afdrukstand "${String(op.orientation)}" bestaat niet (staand of liggend).`], op.sheet);
        }
        if (op.fitToWidth !== undefined && (!Number.isInteger(op.fitToWidth) || op.fitToWidth < 1 || op.fitToWidth > 32767)) {
          throw new WorkbookError('invalidArgument', [op.sheet, `passend maken op ${op.fitToWidth} pagina's breed kan niet.`], op.sheet);
        }
        const t = op.printTitleRows;
        if (t !== undefined && (!t || !Number.isInteger(t.first) || !Number.isInteger(t.last) || t.first < 1 || t.last < t.first || t.last > MAX_ROWS)) {
          throw new WorkbookError('invalidArgument', [op.sheet, 'de rijen die op elke pagina terugkomen kunnen niet.'], op.sheet);
        }
        if (op.printArea !== undefined) rangePos(op.sheet, op.printArea);
        break;
      }
      case 'appendRows': {
        need(op.sheet);
        const col = column(op.sheet, op.firstColumn);
        if (!Number.isInteger(op.minRow) || op.minRow < 1 || op.minRow > MAX_ROWS) {
          throw new WorkbookError('invalidArgument', [op.sheet, `rij ${op.minRow} bestaat niet.`], op.sheet);
        }
        checkBlock(op.sheet, op.minRow, col, op.rows);
        if (op.heights !== undefined) {
          if (!Array.isArray(op.heights) || op.heights.length > op.rows.length) {
            throw new WorkbookError('invalidArgument', [op.sheet, `${op.heights?.length} rijhoogtes voor ${op.rows.length} nieuwe rijen kan niet.`], op.sheet);
          }
          for (const h of op.heights) {
            if (h !== null && (typeof h !== 'number' || !Number.isFinite(h) || h < 0 || h > 409)) {
              throw new WorkbookError('invalidArgument', [op.sheet, `rijhoogte ${String(h)} voor een nieuwe rij kan niet (0 tot 409 punten).`], op.sheet);
            }
          }
        }
        for (const f of op.formats ?? []) {
          column(op.sheet, f.column);
          if (!f.style || typeof f.style !== 'object' || f.style.locked !== undefined) {
            throw new WorkbookError(
              'invalidArgument',
              [op.sheet, `de opmaak van kolom ${f.column} voor nieuwe rijen kan niet (zonder vergrendeling).`],
              op.sheet,
            );
          }
        }
        break;
      }
      case 'updateRowByKey': {
        need(op.sheet);
        if (op.height !== undefined) {
          const ok = (h: unknown) => h === null || (typeof h === 'number' && Number.isFinite(h) && h >= 0 && h <= 409);
          if (!op.height || !ok(op.height.points) || !ok(op.height.replaces)) {
            throw new WorkbookError('invalidArgument', [op.sheet, 'een rijhoogte voor de bijgewerkte rij kan niet (0 tot 409 punten).'], op.sheet);
          }
        }
        column(op.sheet, op.keyColumn);
        const col = column(op.sheet, op.firstColumn);
        if (!Number.isInteger(op.minRow) || op.minRow < 1 || op.minRow > MAX_ROWS) {
          throw new WorkbookError('invalidArgument', [op.sheet, `rij ${op.minRow} bestaat niet.`], op.sheet);
        }
        if (typeof op.key !== 'string') throw new WorkbookError('invalidArgument', [op.sheet, 'een sleutel moet tekst zijn.'], op.sheet);
        checkBlock(op.sheet, op.minRow, col, [op.cells]);
        if (op.expect !== undefined) checkExpect(op.sheet, [op.expect], [op.cells.length]);
        break;
      }
      case 'deleteRowByKey': {
        need(op.sheet);
        column(op.sheet, op.keyColumn);
        const first = column(op.sheet, op.firstColumn);
        const last = column(op.sheet, op.lastColumn);
        if (last < first) throw new WorkbookError('invalidArgument', [op.sheet, `kolom ${op.lastColumn} ligt voor kolom ${op.firstColumn}.`], op.sheet);
        if (!Number.isInteger(op.minRow) || op.minRow < 1 || op.minRow > MAX_ROWS) {
          throw new WorkbookError('invalidArgument', [op.sheet, `rij ${op.minRow} bestaat niet.`], op.sheet);
        }
        if (typeof op.key !== 'string') throw new WorkbookError('invalidArgument', [op.sheet, 'een sleutel moet tekst zijn.'], op.sheet);
        if (op.expect !== undefined) checkExpect(op.sheet, [op.expect], [last - first + 1]);
        break;
      }
      case 'setChart': {
        need(op.sheet);
        for (const r of [op.categories, op.values, op.anchor]) rangePos(op.sheet, r);
        if (!capabilities.charts) throw new WorkbookError('chartsUnsupported', [op.sheet], op.sheet);
        break;
      }
      default:
        throw new WorkbookError('invalidArgument', ['?', `onbekende bewerking "${String((op as { kind?: unknown }).kind)}".`]);
    }
  }
}

/**
 * Throws WorkbookError 'invalidArgument' (Dutch, naming sheet and cell) when an
 * insertColumns op of `plan` would push content past the last column (XFD), as Excel
 * refuses it ("cannot shift nonblank cells off the worksheet"). Each insert is judged on
 * the workbook as the plan's earlier ops leave it (`simulate` of the ops before it on the
 * sheets as read, `snapshot`): an earlier op may have written the cell an insert pushes
 * off, or an earlier delete made room. Costs nothing for a plan without inserts.
 */
export function checkColumnRoom(plan: Plan, snapshot: WorkbookSnapshot): void {
  const lastInsert = plan.ops.map((op) => op.kind).lastIndexOf('insertColumns');
  let state = snapshot;
  let done = 0;
  for (let i = 0; i <= lastInsert; i++) {
    const op = plan.ops[i];
    if (op.kind !== 'insertColumns') continue;
    if (i > done) state = simulate(state, plan.ops.slice(done, i));
    done = i;
    const sheet = state.sheets.find((s) => sameSheet(s.name, op.sheet));
    if (sheet) checkInsertRoom(op, sheet);
  }
}

function checkInsertRoom(op: Extract<PlanOp, { kind: 'insertColumns' }>, sheet: SheetSnapshot): void {
  const keep = MAX_COLUMNS - op.count;
  const at = columnNumber(op.column);
  const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const values = sheet.values[r] ?? [];
    const formulas = sheet.formulas?.[r] ?? [];
    for (let c = Math.max(keep, at - 1); c < Math.max(values.length, formulas.length); c++) {
      const v = values[c];
      if (formulas[c] || (v !== null && v !== undefined && v !== '')) {
        const cell = cellAddress(r + 1, c + 1);
        throw new WorkbookError(
          'invalidArgument',
          [sheet.name, `${op.count} kolom(men) invoegen bij kolom ${columnLetter(at)} zou ${cell} van het blad af duwen; maak die cel eerst leeg.`],
          sheet.name,
          cell,
        );
      }
    }
  }
}

/** The WorkbookError of a guarded column op whose columns changed (the first differing cell). */
export function columnsChangedError(op: ColumnOp, conflict: CellConflict): WorkbookError {
  const show = (v: CellValue) => (v === null ? '' : String(v));
  return new WorkbookError(
    'columnsChanged',
    [conflict.sheet, conflict.cell, show(conflict.expected), show(conflict.actual), op.kind === 'deleteColumns'],
    conflict.sheet,
    conflict.cell,
  );
}

/**
 * Throws WorkbookError 'columnsChanged' (Dutch, naming sheet and cell) when a guarded
 * insertColumns/deleteColumns of `plan` (`expect`) no longer matches the workbook as it is
 * before the plan (`sheetOf`: its sheets by name, any case), by the rule of keyedRows.ts
 * `columnGuardConflicts`. For the adapters that hold the workbook (memory, .xlsx); the
 * Office.js adapter reads the columns from Excel instead.
 */
export function checkColumnGuards(plan: Plan, sheetOf: (name: string) => SheetSnapshot | undefined): void {
  for (const guard of columnGuards(plan.ops)) {
    const sheet = sheetOf(guard.op.sheet);
    if (!sheet) continue;
    const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0);
    const conflicts = columnGuardConflicts(guard, (r, c) => guardCellValue(sheet, r, c), rows);
    if (conflicts.length) throw columnsChangedError(guard.op, conflicts[0]);
  }
}

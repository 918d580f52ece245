/**
 * Applying plan operations to a snapshot, in memory, without computing formulas.
 * Used to plan a new workbook in one go (template + preparation) and by tests.
 * appendRows/updateRowByKey are resolved like an adapter would.
 */
import { parseCell, parseRange } from './a1';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, ValidationSnapshot, WorkbookSnapshot } from './snapshot';
import { sameName } from './layout';
import { isEmpty } from './grid';

/**
 * A copy whose cells can be changed. Every other property of the sheet (hidden, the
 * team's merges, `liveFormulas` of a host that calculates) is kept: the plan made on
 * the result must see the same workbook apart from the simulated writes.
 */
function cloneSheet(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => [...r]),
    formulas: (s.formulas ?? []).map((r) => (r ? [...r] : [])),
  };
}

function put(sheet: SheetSnapshot, row: number, column: number, input: CellInput): void {
  while (sheet.values.length < row) sheet.values.push([]);
  const formulas = (sheet.formulas ??= []);
  while (formulas.length < row) formulas.push([]);
  const vr = sheet.values[row - 1];
  const fr = (formulas[row - 1] ??= []);
  while (vr.length < column) vr.push(null);
  while (fr.length < column) fr.push(null);
  let value: CellValue = null;
  let formula: string | null = null;
  if ('text' in input) value = input.text === '' ? null : input.text;
  else if ('number' in input) value = input.number;
  else if ('bool' in input) value = input.bool;
  else if ('formula' in input) {
    formula = input.formula;
    value = input.result === undefined || input.result === '' ? null : input.result;
  }
  vr[column - 1] = value;
  fr[column - 1] = formula;
}

function lastUsedRow(sheet: SheetSnapshot): number {
  for (let r = sheet.values.length; r >= 1; r--) {
    const vr = sheet.values[r - 1] ?? [];
    const fr = sheet.formulas?.[r - 1] ?? [];
    if (vr.some((v) => !isEmpty(v ?? null)) || fr.some((f) => typeof f === 'string' && f.startsWith('='))) return r;
  }
  return 0;
}

export function simulate(snapshot: WorkbookSnapshot, ops: PlanOp[]): WorkbookSnapshot {
  const sheets = snapshot.sheets.map(cloneSheet);
  const validations: ValidationSnapshot[] = [...(snapshot.validations ?? [])];
  const get = (name: string): SheetSnapshot => {
    const s = sheets.find((x) => sameName(x.name, name));
    if (!s) throw new Error(`simulate: unknown sheet ${name}`);
    return s;
  };
  for (const op of ops) {
    switch (op.kind) {
      case 'addSheet':
        if (sheets.some((x) => sameName(x.name, op.sheet))) throw new Error(`simulate: sheet exists ${op.sheet}`);
        sheets.push({ name: op.sheet, values: [], formulas: [], hidden: op.hidden });
        break;
      case 'setCells': {
        const s = get(op.sheet);
        const { row, column } = parseCell(op.cell);
        op.cells.forEach((line, i) => line.forEach((c, j) => put(s, row + i, column + j, c)));
        break;
      }
      case 'appendRows': {
        const s = get(op.sheet);
        const start = Math.max(op.minRow, lastUsedRow(s) + 1);
        const col = parseCell(`${op.firstColumn}1`).column;
        op.rows.forEach((line, i) => line.forEach((c, j) => put(s, start + i, col + j, c)));
        break;
      }
      case 'updateRowByKey':
      case 'deleteRowByKey': {
        const s = get(op.sheet);
        const keyCol = parseCell(`${op.keyColumn}1`).column;
        const col = parseCell(`${op.firstColumn}1`).column;
        const cells: CellInput[] =
          op.kind === 'updateRowByKey' ? op.cells : Array.from({ length: parseCell(`${op.lastColumn}1`).column - col + 1 }, () => ({ clear: true as const }));
        for (let r = op.minRow; r <= s.values.length; r++) {
          if (String(s.values[r - 1]?.[keyCol - 1] ?? '') === op.key) {
            cells.forEach((c, j) => put(s, r, col + j, c));
            break;
          }
        }
        break;
      }
      case 'setValidation': {
        const target = parseRange(op.range);
        for (let i = validations.length - 1; i >= 0; i--) {
          const v = validations[i];
          if (!sameName(v.sheet, op.sheet)) continue;
          const p = parseRange(v.range);
          const overlap =
            p.start.row <= target.end.row && p.end.row >= target.start.row && p.start.column <= target.end.column && p.end.column >= target.start.column;
          if (overlap) validations.splice(i, 1);
        }
        validations.push({ sheet: op.sheet, range: op.range, rule: op.rule });
        break;
      }
      default:
        break; // styles, widths, freeze: not part of a snapshot
    }
  }
  // the workbook's own properties (date system) stay as read
  return { ...snapshot, sheets, validations };
}

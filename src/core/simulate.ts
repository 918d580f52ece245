/**
 * Applying plan operations to a snapshot, in memory, without computing formulas.
 * Used to plan a new workbook in one go (template + preparation) and by tests.
 * appendRows, updateRowByKey, deleteRowByKey and guarded setCells are placed by the rules
 * every adapter shares (src/core/keyedRows.ts); the contract suite
 * (tests/workbook/contract.ts) checks simulate against the same cases as the adapters.
 */
import { cellAddress, columnNumber, parseCell, parseRange } from './a1';
import { sameSheet, shiftColumn, shiftFormula, shiftRange, shiftRanges, shiftRuleFormula, type ColumnShift } from './columnShift';
import { placeRowOp, recordPlacement, snapshotRows, type RowOutcomes } from './keyedRows';
import type { CellInput, CellValue, PlanOp, SheetSnapshot, ValidationSnapshot, WorkbookDefinitions, WorkbookSnapshot } from './snapshot';
import { sameName } from './layout';

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

/**
 * The simulated sheets' `noCachedResult` as sets while ops run (a write changes a cell's
 * entry), turned back into lists at the end (`settleMissing`).
 */
type Missing = Map<SheetSnapshot, Set<string>>;

function missingOf(missing: Missing, sheet: SheetSnapshot): Set<string> {
  let set = missing.get(sheet);
  if (!set) missing.set(sheet, (set = new Set(sheet.noCachedResult ?? [])));
  return set;
}

function settleMissing(missing: Missing): void {
  for (const [sheet, set] of missing) {
    if (set.size) sheet.noCachedResult = [...set];
    else delete sheet.noCachedResult;
  }
}

function put(sheet: SheetSnapshot, row: number, column: number, input: CellInput, missing: Missing): void {
  // a formula written without its cached result has none; anything else written there has one or is no formula
  if ('formula' in input && input.result === undefined && !sheet.liveFormulas) missingOf(missing, sheet).add(cellAddress(row, column));
  else if (sheet.noCachedResult?.length || missing.has(sheet)) missingOf(missing, sheet).delete(cellAddress(row, column));
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

/**
 * The snapshot after `ops`, as a reader would see it (formulas keep the cached result the
 * plan gave them). Throws on an unknown sheet or a sheet added twice.
 */
export function simulate(snapshot: WorkbookSnapshot, ops: PlanOp[]): WorkbookSnapshot {
  return simulateApply(snapshot, ops).snapshot;
}

/**
 * `simulate` with what its row ops came to, as an adapter's `apply` reports it: where
 * appended rows went, keys not found, cells of guarded ops a co-author changed.
 */
export function simulateApply(snapshot: WorkbookSnapshot, ops: PlanOp[]): { snapshot: WorkbookSnapshot; outcomes: RowOutcomes } {
  const outcomes: RowOutcomes = { appendedAt: [], missingKeys: [], conflicts: [] };
  const sheets = snapshot.sheets.map(cloneSheet);
  const missing: Missing = new Map();
  const validations: ValidationSnapshot[] = [...(snapshot.validations ?? [])];
  let definitions = snapshot.definitions;
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
      case 'setCells':
      case 'appendRows':
      case 'updateRowByKey':
      case 'deleteRowByKey': {
        const s = get(op.sheet);
        const placement = placeRowOp(op, s.name, snapshotRows(s));
        recordPlacement(op, placement, outcomes);
        if (placement.kind === 'write')
          placement.cells.forEach((line, i) => line.forEach((c, j) => put(s, placement.row + i, placement.column + j, c, missing)));
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
      case 'insertColumns':
      case 'deleteColumns': {
        const shift: ColumnShift = { sheet: get(op.sheet).name, at: columnNumber(op.column), count: op.kind === 'insertColumns' ? op.count : -op.count };
        for (const s of sheets) shiftSheetColumns(s, shift, missing);
        if (definitions) definitions = shiftDefinitions(definitions, shift);
        for (let i = validations.length - 1; i >= 0; i--) {
          const v = validations[i];
          const rule = v.rule?.type === 'list' ? { ...v.rule, source: shiftRuleFormula(v.rule.source, v.sheet, shift) } : v.rule;
          if (!sameSheet(v.sheet, shift.sheet)) validations[i] = { ...v, rule };
          else {
            const range = shiftRange(v.range, shift);
            if (range === null) validations.splice(i, 1);
            else validations[i] = { ...v, range, rule };
          }
        }
        break;
      }
      default:
        break; // styles, widths, freeze: not part of a snapshot
    }
  }
  settleMissing(missing);
  // the workbook's own properties (date system) stay as read
  return { snapshot: { ...snapshot, sheets, validations, ...(definitions ? { definitions } : {}) }, outcomes };
}

/**
 * The names, conditional formats and validations of `snapshot.definitions` after a column
 * shift, as the adapters move them (src/workbook/xlsx/package/columns.ts): every formula's
 * references move (a name's carry their sheet), a rule's ranges on the changed sheet move
 * or shrink, and a rule without cells left goes. Validations a plan sets (setValidation) are
 * in `snapshot.validations`, not added here.
 */
function shiftDefinitions(d: WorkbookDefinitions, shift: ColumnShift): WorkbookDefinitions {
  const names = d.names.map((n) => ({ ...n, formula: shiftFormula(n.formula, '\u0000', shift) }));
  const rules = d.rules.flatMap((r) => {
    const formulas = r.formulas.map((f) => shiftFormula(f, r.sheet, shift));
    if (!sameSheet(r.sheet, shift.sheet)) return [{ ...r, formulas }];
    const ranges = shiftRanges(r.ranges, shift);
    return ranges.length ? [{ ...r, ranges, formulas }] : [];
  });
  return { ...d, names, rules };
}

/**
 * One sheet of the simulated workbook after a whole-column insert or delete
 * (src/core/columnShift.ts): its formulas' references move; on the changed sheet the cells,
 * merges and unlocked areas move too.
 */
function shiftSheetColumns(sheet: SheetSnapshot, shift: ColumnShift, missing: Missing): void {
  const formulas = sheet.formulas ?? [];
  for (const line of formulas) {
    if (!line) continue;
    for (let c = 0; c < line.length; c++) {
      const f = line[c];
      if (f) line[c] = shiftFormula(f, sheet.name, shift);
    }
  }
  if (!sameSheet(sheet.name, shift.sheet)) return;
  const move = <T>(line: T[], empty: T): T[] => {
    const out: T[] = [];
    line.forEach((v, c) => {
      const to = shiftColumn(c + 1, shift);
      if (to === null) return;
      while (out.length < to - 1) out.push(empty);
      out[to - 1] = v;
    });
    return out;
  };
  sheet.values = sheet.values.map((line) => move(line, null));
  if (sheet.noCachedResult?.length || missing.has(sheet)) {
    const moved = new Set<string>();
    for (const a of missingOf(missing, sheet)) {
      const { row, column } = parseCell(a);
      const to = shiftColumn(column, shift);
      if (to !== null) moved.add(cellAddress(row, to));
    }
    missing.set(sheet, moved);
  }
  sheet.formulas = formulas.map((line) => move(line ?? [], null));
  if (sheet.merges) sheet.merges = sheet.merges.map((m) => shiftRange(m, shift)).filter((m): m is string => m !== null);
  if (sheet.protection)
    sheet.protection = { ...sheet.protection, unlocked: sheet.protection.unlocked.map((r) => shiftRange(r, shift)).filter((r): r is string => r !== null) };
}

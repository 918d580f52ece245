/** Preparing the werkblad: the Totalen formulas, dropdowns and validation. */
import { cellAddress, columnLetter, rangeAddress } from '../a1';
import { diffBlock, formula, text } from '../diff';
import { totalFormula } from '../formulas';
import { koppelkansListSource, opgaveListSource } from '../keuzelijsten';
import { formulaAt, textAt } from '../grid';
import { WERKBLAD } from '../layout';
import { problem } from '../problems';
import { lockDifferences, runAddress } from '../protection';
import type { CellInput, SheetSnapshot } from '../snapshot';
import { engineMayWrite, type KoppelkansRow } from '../werkblad';
import { nameOf, sheetByName, type PlanContext } from './context';
import { currentLonglistLayout, lijstenGeometry } from './longlist';
import { listRule, scoreRule, weightRule } from './validations';

export function planWerkblad(ctx: PlanContext): void {
  const wb = ctx.analysis.werkblad;
  if (!wb) return;
  const L = wb.layout;
  const name = L.sheet;
  const sheet = sheetByName(ctx.snapshot, name);

  if (!L.totalenFound) {
    ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(WERKBLAD.factorRow, L.totalenColumn), cells: [[text(WERKBLAD.totalenLabel)]] });
  }
  if (sheet && !textAt(sheet, WERKBLAD.weightRow, 1)) {
    ctx.ops.push({ kind: 'setCells', sheet: name, cell: cellAddress(WERKBLAD.weightRow, 1), cells: [[text('Weging')]] });
  }

  const rowsByNumber = new Map(wb.rows.map((row) => [row.row, row]));
  const cells: (CellInput | undefined)[][] = [];
  for (let r = L.firstDataRow; r <= L.preparedEndRow; r++) {
    if (engineMayWrite(sheet, r, L.totalenColumn)) cells.push([formula(totalFormula(L, r), totalResult(rowsByNumber.get(r)))]);
    else {
      cells.push([undefined]);
      ctx.problems.push(problem('CELL_OCCUPIED', name, cellAddress(r, L.totalenColumn), { value: textAt(sheet!, r, L.totalenColumn) }));
    }
  }
  ctx.ops.push(...diffBlock(name, sheet, L.firstDataRow, L.totalenColumn, cells));
  if (sheet) planLockState(ctx, sheet, L.firstDataRow, L.lastDataRow, L.preparedEndRow, L.totalenColumn);

  const lijsten = nameOf(ctx, 'lijsten');
  const llName = currentLonglistLayout(ctx).sheet;
  const g = lijstenGeometry(ctx);
  const r1 = L.firstDataRow;
  const r2 = L.preparedEndRow;
  ctx.validations.push(
    { sheet: name, range: rangeAddress(r1, 1, r2, 1), rule: listRule(opgaveListSource(lijsten, g), 'opgave', llName) },
    { sheet: name, range: rangeAddress(r1, 2, r2, 2), rule: listRule(koppelkansListSource(lijsten, r1), 'koppelkans', llName) },
    { sheet: name, range: `${columnLetter(L.firstFactorColumn)}${r1}:${columnLetter(L.lastFactorColumn)}${r2}`, rule: scoreRule() },
    {
      sheet: name,
      range: rangeAddress(WERKBLAD.weightRow, L.firstFactorColumn, WERKBLAD.weightRow, L.lastFactorColumn),
      rule: weightRule(),
    },
  );
}

/**
 * Rows the product prepares get the lock state of the data row above them: a team that
 * protected the werkblad with only its input columns unlocked can fill the new rows in.
 * The template is the last row that already had the Totalen formula or data (rows the
 * product or the team prepared before); rows below it up to `preparedEndRow` are new.
 * Emits setStyle `{ locked }` ops only where the new rows differ, so a second plan is empty.
 */
function planLockState(ctx: PlanContext, sheet: SheetSnapshot, firstDataRow: number, lastDataRow: number, preparedEndRow: number, totalenColumn: number): void {
  const protection = sheet.protection;
  if (!protection) return;
  let lastPrepared = firstDataRow - 1;
  for (let r = firstDataRow; r <= preparedEndRow && formulaAt(sheet, r, totalenColumn); r++) lastPrepared = r;
  const template = Math.max(lastPrepared, lastDataRow);
  if (template < firstDataRow) return;
  // consecutive rows with the same differences share one op per run of columns
  let pending: { top: number; bottom: number; key: string; diffs: ReturnType<typeof lockDifferences> } | null = null;
  const flush = () => {
    if (!pending) return;
    for (const d of pending.diffs)
      ctx.ops.push({ kind: 'setStyle', sheet: sheet.name, range: runAddress(pending.top, pending.bottom, d.first, d.last), style: { locked: d.locked } });
    pending = null;
  };
  for (let r = template + 1; r <= preparedEndRow; r++) {
    const diffs = lockDifferences(protection, template, r);
    const key = JSON.stringify(diffs);
    if (pending && pending.key === key && pending.bottom === r - 1) pending.bottom = r;
    else {
      flush();
      if (diffs.length) pending = { top: r, bottom: r, key, diffs };
    }
  }
  flush();
}

/** The engine's value of a Totalen formula: the total, "ongeldig", or "" (not scored or no row). */
function totalResult(row: KoppelkansRow | undefined): number | string {
  if (!row || row.status === 'unscored') return '';
  if (row.status === 'invalid') return WERKBLAD.invalidTotal;
  return row.total!;
}

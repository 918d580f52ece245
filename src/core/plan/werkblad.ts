/** Preparing the werkblad: the Totalen formulas, dropdowns and validation. */
import { cellAddress, columnLetter, rangeAddress } from '../a1';
import { diffBlock, formula, text } from '../diff';
import { longlistCapacity, koppelkansListSource, opgaveListSource, totalFormula } from '../formulas';
import { textAt } from '../grid';
import { WERKBLAD } from '../layout';
import { problem } from '../problems';
import type { CellInput } from '../snapshot';
import { engineMayWrite } from '../werkblad';
import { nameOf, sheetByName, type PlanContext } from './context';
import { currentLonglistLayout } from './longlist';
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

  const cells: (CellInput | undefined)[][] = [];
  for (let r = L.firstDataRow; r <= L.preparedEndRow; r++) {
    if (engineMayWrite(sheet, r, L.totalenColumn)) cells.push([formula(totalFormula(L, r))]);
    else {
      cells.push([undefined]);
      ctx.problems.push(problem('CELL_OCCUPIED', name, cellAddress(r, L.totalenColumn), { value: textAt(sheet!, r, L.totalenColumn) }));
    }
  }
  ctx.ops.push(...diffBlock(name, sheet, L.firstDataRow, L.totalenColumn, cells));

  const lijsten = nameOf(ctx, 'lijsten');
  const ll = currentLonglistLayout(ctx);
  const llName = ll.sheet;
  const r1 = L.firstDataRow;
  const r2 = L.preparedEndRow;
  const capacity = longlistCapacity(ll);
  ctx.validations.push(
    { sheet: name, range: rangeAddress(r1, 1, r2, 1), rule: listRule(opgaveListSource(lijsten), 'opgave', llName) },
    {
      sheet: name,
      range: rangeAddress(r1, 2, r2, 2),
      rule: listRule(koppelkansListSource(lijsten, r1, capacity.last - capacity.first + 1), 'koppelkans', llName),
    },
    { sheet: name, range: `${columnLetter(L.firstFactorColumn)}${r1}:${columnLetter(L.lastFactorColumn)}${r2}`, rule: scoreRule() },
    {
      sheet: name,
      range: rangeAddress(WERKBLAD.weightRow, L.firstFactorColumn, WERKBLAD.weightRow, L.lastFactorColumn),
      rule: weightRule(),
    },
  );
}

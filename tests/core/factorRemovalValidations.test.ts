/**
 * Which data validations a factor removal names (src/core/referenceBreaks.ts,
 * `factorRemovalImpact` with its `productValidation` and `rangeBox`): a validation the delete
 * breaks is the product's, and left unnamed, only when the plan sets validations over every
 * cell of it that is left, on the same sheet. Cases from the mutation check of 3 Dec d
 * (lines 801 to the end of the file): a team validation on another sheet over the product's
 * cells, one sticking out to the left or below, and ranges read with "$". Pure: the template
 * in memory, each workbook built inside its test.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { factorRemovalImpact } from '../../src/core/referenceBreaks';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
/** The second factor's column, the one removed. */
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);
/** A list validation whose source lies in the werkblad's column D: the delete breaks it ('ref'). */
const onD = { type: 'list' as const, source: `='${WS}'!$${D}$1:$${D}$2`, errorTitle: 'x', errorMessage: 'y', strict: true };

async function removeD(
  prepare: (wb: Awaited<ReturnType<typeof templateWorkbook>>, last: string) => void | Promise<void>,
  edit?: (s: WorkbookSnapshot) => WorkbookSnapshot,
) {
  const wb = await templateWorkbook('Testwijk');
  const last = columnLetter((await state(wb)).ctx.werkblad.layout.lastFactorColumn);
  await prepare(wb, last);
  const s = await state(wb);
  const read = await wb.readSnapshot({ definitions: true });
  const r = factorRemovalImpact(edit ? edit(read) : read, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
  if (!r.ok) throw new Error(r.message);
  return { r, last, labels: r.definitions.map((d) => `${d.kind} ${d.sheet}|${d.label} ${d.effect}`) };
}

test('a validation over the product’s score cells is the product’s; the same range on a sheet of the team’s is the team’s and is named', async () => {
  const { labels } = await removeD(async (wb, last) => {
    await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Eigen' }] });
    wb.setValidation(WS, `C6:${last}105`, onD);
    wb.setValidation('Eigen', `C6:${D}105`, onD);
  });
  expect(labels).toEqual([`validation Eigen|C6:${D}105 ref`]);
});

test('a team validation sticking out of the product’s range to the left, or below its last row, is named', async () => {
  const { labels } = await removeD((wb) => {
    // apart: a validation set over another's cells replaces it there
    wb.setValidation(WS, `B7:${D}7`, onD);
    wb.setValidation(WS, `${E}6:${E}300`, onD);
  });
  expect(labels.sort()).toEqual([`validation ${WS}|${E}6:${E}300 ref`, `validation ${WS}|B7:${D}7 ref`].sort());
});

test('a validation read with "$" in its range is judged by its cells: over the product’s it is not named, sticking out it is', async () => {
  const dollars = (s: WorkbookSnapshot): WorkbookSnapshot => ({
    ...s,
    definitions: {
      ...s.definitions!,
      rules: s.definitions!.rules.map((rule) =>
        rule.kind === 'validation' && rule.sheet === WS && (rule.ranges[0] === `C6:${D}100` || rule.ranges[0] === `${D}200:${D}201`)
          ? { ...rule, ranges: rule.ranges.map((x) => x.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')) }
          : rule,
      ),
    },
  });
  const { labels, r } = await removeD((wb) => {
    wb.setValidation(WS, `C6:${D}100`, onD);
    wb.setValidation(WS, `${D}200:${D}201`, onD);
  }, dollars);
  expect(r.seen.some((k) => k.includes(`$C$6:$${D}$100`))).toBe(true);
  expect(labels).toEqual([`validation ${WS}|$${D}$200:$${D}$201 removed`]);
});

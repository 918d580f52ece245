/**
 * `simulate` moves the snapshot's definitions (names, conditional formats, validations read
 * with SnapshotRequest.definitions) on a column insert or delete as the memory adapter moves
 * the workbook's own: the same snapshot either way, so a plan made on a simulated result
 * never sees a name at a place the workbook no longer has it.
 */
import type { PlanOp } from '../../src/core/snapshot';
import { simulate } from '../../src/core/simulate';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

function teamBook(): MemoryWorkbook {
  const wb = MemoryWorkbook.fromGrid({ W: [['a', 'b', 'c', 'd', 'e', 'f']], Eigen: [[1]] });
  wb.defineName('Op', '=W!$D$1');
  wb.defineName('Rechts', '=W!$E$1:$F$1', 'Eigen');
  wb.addConditionalFormat('W', ['D1'], ['=D1>0']);
  wb.addConditionalFormat('W', ['C1:F1'], ['=$E1>0']);
  wb.addConditionalFormat('Eigen', ['A1'], ['=W!$F$1>0']);
  wb.setValidation('W', 'F1', { type: 'list', source: '=$E$1:$E$2', errorTitle: 'x', errorMessage: 'y', strict: true });
  return wb;
}

test.each<[string, PlanOp[]]>([
  ['a delete', [{ kind: 'deleteColumns', sheet: 'W', column: 'D', count: 1 }]],
  ['an insert', [{ kind: 'insertColumns', sheet: 'W', column: 'E', count: 2 }]],
  [
    'a delete and an insert',
    [
      { kind: 'deleteColumns', sheet: 'w', column: 'C', count: 2 },
      { kind: 'insertColumns', sheet: 'W', column: 'B', count: 1 },
    ],
  ],
])('%s: simulate gives the definitions the memory adapter reads afterwards', async (_title, ops) => {
  const wb = teamBook();
  const before = await wb.readSnapshot({ definitions: true });
  await wb.apply({ ops });
  const after = await wb.readSnapshot({ definitions: true });
  expect(simulate(before, ops).definitions).toEqual(after.definitions);
  expect(after.definitions).not.toEqual(before.definitions);
});

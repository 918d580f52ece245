import { RecordingPort } from '../../src/taskpane/preview/RecordingPort';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import type { CellInput, Plan } from '../../src/core/snapshot';

const firstText = (p: Plan) => {
  const op = p.ops[0];
  return op.kind === 'setCells' ? (op.cells[0][0] as { text: string }) : { text: '' };
};

test('the recorded plans are copies (structuredClone): changing the applied plan or a returned copy changes no record', async () => {
  const inner = new MemoryWorkbook();
  inner.addSheet('Blad');
  const port = new RecordingPort(inner);
  const cell: CellInput = { text: 'eerst' };
  const plan: Plan = { ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[cell]] }] };
  await port.apply(plan);
  firstText(plan).text = 'later';
  firstText(port.plans()[0]).text = 'ook later';
  expect(firstText(port.plans()[0]).text).toBe('eerst');
});

/**
 * Regression: a reason typed in Prioritering's "Omdat…" while a colleague removed or moved
 * rows on the sheet was written by position, so it landed on whichever koppelkans had moved
 * into that row; when the entry's own row was removed it vanished without a word. Rendered
 * with react-test-renderer over the pane's real session and one memory workbook.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { analyze } from '../../src/core/analyze';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { PrioriteringView } from '../../src/taskpane/views/PrioriteringView';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, settle, texts } from '../helpers/paneHarness';
import { prioriteringWorkbook } from '../helpers/prioriteringFixture';

const NOW = new Date('2026-11-28T10:00:00Z');
const now = () => NOW;
const NAMES = ['Een', 'Twee', 'Drie', 'Vier'];

async function setup() {
  const wb = await prioriteringWorkbook(NAMES, NOW);
  const [pane] = await renderPanes(wb, 1, (session) => <PrioriteringView session={session} />, now);
  return { wb, ...pane, settle: () => settle() };
}

const omdat = (root: ReactTestInstance, k: string) =>
  root
    .findAll((n) => n.type === 'li' && n.props['data-testid'] === 'prio-item' && texts(n).includes(k))[0]
    .findAll((n) => n.type === 'textarea' && n.props['data-control'] === 'omdat')[0];
const entries = async (wb: MemoryWorkbook) => analyze(await wb.readSnapshot({ fresh: true }), { now: NOW }).prioritering!.entries;
const removeRow = (key: string) => ({
  kind: 'deleteRowByKey' as const,
  sheet: SHEET_NAMES.prioritering,
  minRow: PRIORITERING.firstRow,
  keyColumn: 'B',
  key,
  firstColumn: 'A',
  lastColumn: 'D',
});

/** A colleague deletes the first entry's row in Excel: the rows below move up (A:D rewritten one row higher, the last row emptied). */
const shiftUp = () => ({
  kind: 'setCells' as const,
  sheet: SHEET_NAMES.prioritering,
  cell: `A${PRIORITERING.firstRow}`,
  cells: [
    ...NAMES.slice(1).map((k, i) => [{ number: i + 1 }, { text: k }, { clear: true as const }, { clear: true as const }]),
    [{ clear: true as const }, { clear: true as const }, { clear: true as const }, { clear: true as const }],
  ],
});

describe('Prioritering keeps a typed reason with its koppelkans', () => {
  it('a colleague removes a row above while a reason is typed: the reason lands on its own koppelkans, not on the row that moved up', async () => {
    const t = await setup();
    const field = omdat(t.root(), 'Drie');
    await act(async () => field.props.onChange({ target: { value: 'Omdat de school meedoet' } }, { value: 'Omdat de school meedoet' }));
    await t.wb.apply({ ops: [shiftUp()] });
    await act(async () => omdat(t.root(), 'Drie').props.onBlur());
    await t.settle();
    const after = await entries(t.wb);
    expect(after.find((e) => e.koppelkans === 'Drie')?.omdat).toBe('Omdat de school meedoet');
    expect(after.find((e) => e.koppelkans === 'Vier')?.omdat).toBe('');
    t.unmount();
  });

  it('a colleague removes the row of the entry whose reason is typed: nothing lands elsewhere and the pane shows the typed reason', async () => {
    const t = await setup();
    await act(async () => omdat(t.root(), 'Twee').props.onChange({ target: { value: 'Eerst de riolering' } }, { value: 'Eerst de riolering' }));
    await t.wb.apply({ ops: [removeRow('Twee')] });
    await act(async () => omdat(t.root(), 'Twee').props.onBlur());
    await t.settle();
    const after = await entries(t.wb);
    expect(after.some((e) => e.omdat === 'Eerst de riolering')).toBe(false);
    expect(texts(t.root())).toContain('Een collega heeft “Twee” intussen uit het blad Prioritering gehaald');
    expect(texts(t.root())).toContain('Omdat… “Eerst de riolering”');
    t.unmount();
  });
});

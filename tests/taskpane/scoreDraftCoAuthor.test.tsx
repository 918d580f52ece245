/**
 * Regression: a score typed in Scoren was written without a guard, so a score a colleague
 * typed in the same werkblad cell meanwhile (Excel on the web, another pane) was
 * overwritten without a word. Now the write is guarded by the cell's value when typing
 * started: the colleague's score stays, the conflict dialog's state holds both versions,
 * and the user's choice is written. Pane's real session over one memory workbook.
 */
import { act } from 'react-test-renderer';
import { cellAddress } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { ScorenView } from '../../src/taskpane/views/ScorenView';
import { leave, renderPanes, settle, typeIn } from '../helpers/paneHarness';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

async function setup() {
  const wb = await templateWorkbook('Oost');
  const s0 = await state(wb);
  const entry = s0.analysis.longlist.entries[0];
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, entry.opgave, entry.koppelkans));
  const werkblad = analyze(await wb.readSnapshot({ fresh: true }), { now: NOW }).werkblad!;
  const row = werkblad.rows.find((r) => r.koppelkans === entry.koppelkans)!.row;
  const cell = cellAddress(row, werkblad.factors[0].column);
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <ScorenView session={s} active />,
    () => NOW,
  );
  const input = () => pane.root().findAll((n) => n.type === 'input' && n.props.inputMode === 'numeric')[0];
  return { wb, pane, sheet: werkblad.layout.sheet, cell, input };
}

describe('Scoren: a typed score never overwrites a colleague’s score', () => {
  it('a colleague scored the same cell meanwhile: nothing is overwritten, both versions are offered (regression: score written without a guard)', async () => {
    const t = await setup();
    await typeIn(t.input(), '5');
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet: t.sheet, cell: t.cell, cells: [[{ number: 7 }]] }] }); // the colleague, not heard yet
    await leave(t.input());
    await settle();
    expect(t.wb.getCell(t.sheet, t.cell)).toBe(7);
    const conflict = t.pane.session().conflict!;
    expect(conflict.conflicts.map((c) => [c.cell, c.actual])).toEqual([[t.cell, 7]]);
    expect(conflict.mine[`${t.sheet}!${t.cell}`]).toBe('5');
    await act(async () => t.pane.session().resolveConflict('mine'));
    await settle();
    expect(t.wb.getCell(t.sheet, t.cell)).toBe(5);
    expect(t.input().props.value).toBe('5');
    t.pane.unmount();
  });

  it('a re-read while typing keeps the draft, and the write is guarded by the value typing started from', async () => {
    const t = await setup();
    await typeIn(t.input(), '3');
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet: t.sheet, cell: t.cell, cells: [[{ number: -2 }]] }] });
    await t.pane.hear();
    expect(t.input().props.value).toBe('3');
    await leave(t.input());
    await settle();
    expect(t.wb.getCell(t.sheet, t.cell)).toBe(-2);
    expect(t.pane.session().conflict?.conflicts[0].actual).toBe(-2);
    await act(async () => t.pane.session().resolveConflict('theirs'));
    await settle();
    expect(t.input().props.value).toBe('-2');
    t.pane.unmount();
  });

  it('an ordinary score is written at once', async () => {
    const t = await setup();
    await typeIn(t.input(), '−4');
    await leave(t.input());
    await settle();
    expect(t.wb.getCell(t.sheet, t.cell)).toBe(-4);
    expect(t.pane.session().conflict).toBeNull();
    t.pane.unmount();
  });
});

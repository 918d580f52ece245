/**
 * Regressions: Stap 2's "minder concreet" verantwoordelijke was written without a guard,
 * so a name a colleague typed in that longlist cell meanwhile (Excel on the web, another
 * pane) was overwritten by the pane's; it was only written after "Opslaan", so a reload
 * dropped what was typed. Two things are checked here over the pane's real session and one
 * memory workbook: nothing is overwritten (both versions shown, the user chooses), and the
 * name is written as it is typed and kept across re-reads.
 */
import { useMemo } from 'react';
import { act } from 'react-test-renderer';
import { minderConcreetAt, minderConcreetEdit, readStap2, selectKoppelkansEdit } from '../../src/core/stap2';
import { analyze } from '../../src/core/analyze';
import { KoppelkansenPicker } from '../../src/taskpane/stappen/KoppelkansenPicker';
import type { WorkbookSession } from '../../src/taskpane/session';
import { button, leave, renderPanes, settle, texts, typeIn } from '../helpers/paneHarness';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import type { ReactTestInstance } from 'react-test-renderer';

function Picker({ s }: { s: WorkbookSession }) {
  const model = useMemo(() => (s.snapshot && s.analysis ? readStap2(s.snapshot, s.analysis) : null), [s.snapshot, s.analysis]);
  return model ? <KoppelkansenPicker session={s} model={model} confirm={(r) => r.onConfirm()} /> : null;
}

async function setup() {
  const wb = await templateWorkbook('Oost');
  const s0 = await state(wb);
  const [entry, other] = s0.analysis.longlist.entries.filter((e) => e.opgave === s0.analysis.longlist.entries[0].opgave);
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, entry.opgave, entry.koppelkans));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, other.opgave, other.koppelkans));
  await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, entry.row, true, 'Fatima'));
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <Picker s={s} />,
    () => NOW,
  );
  const field = (): ReactTestInstance | null =>
    pane.root().findAll((n) => n.type === 'input' && n.props['data-control'] === 'verantwoordelijke-concreet')[0] ?? null;
  return { wb, pane, entry, other, field };
}

/** The name and mark in the workbook now. */
async function inWorkbook(wb: MemoryWorkbook, row: number) {
  const snapshot = await wb.readSnapshot({ fresh: true });
  return minderConcreetAt(snapshot, analyze(snapshot, { now: NOW }), row);
}

/** A colleague sets the name (or the mark) in another pane, on their own read. */
async function colleague(wb: MemoryWorkbook, row: number, marked: boolean, name: string) {
  await mustEdit(wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, row, marked, name));
}

describe('Minder concreet: the verantwoordelijke is co-author safe and kept while typed', () => {
  it("a colleague's name typed meanwhile is not overwritten: both versions shown, the user chooses (regression: written without a guard)", async () => {
    const t = await setup();
    await typeIn(t.field()!, 'Jan');
    await colleague(t.wb, t.entry.row, true, 'Piet'); // the pane has not re-read yet
    await leave(t.field()!);
    await settle();
    expect((await inWorkbook(t.wb, t.entry.row)).verantwoordelijke).toBe('Piet');
    const alert = t.pane.root().findAll((n) => n.props.role === 'alert' && n.type !== 'div')[0];
    expect(texts(alert)).toContain('“Piet”');
    expect(texts(alert)).toContain('“Jan”');
    expect(t.field()!.props.value).toBe('Jan');
    // the user keeps theirs
    await act(async () => button(t.pane.root(), 'Mijn versie opslaan')!.props.onClick());
    await settle();
    expect(await inWorkbook(t.wb, t.entry.row)).toEqual({ marked: true, verantwoordelijke: 'Jan' });
    expect(button(t.pane.root(), 'Mijn versie opslaan')).toBeNull();
    t.pane.unmount();
  });

  it("choosing the colleague's version drops the draft and writes nothing", async () => {
    const t = await setup();
    await typeIn(t.field()!, 'Jan');
    await colleague(t.wb, t.entry.row, true, 'Piet');
    await t.pane.hear(); // the change event arrives while typing: the draft stays, the choice is shown
    expect(t.field()!.props.value).toBe('Jan');
    await act(async () => button(t.pane.root(), 'Versie van collega houden')!.props.onClick());
    await settle();
    expect(t.field()!.props.value).toBe('Piet');
    expect((await inWorkbook(t.wb, t.entry.row)).verantwoordelijke).toBe('Piet');
    t.pane.unmount();
  });

  it('the name is written without pressing anything (after a short pause) and a re-read meanwhile keeps the typed text', async () => {
    const t = await setup();
    await typeIn(t.field()!, 'Jan de Vries');
    // a colleague's unrelated change is heard while the user is still typing
    await mustEdit(t.wb, (s) => minderConcreetEdit(s.snapshot, s.analysis, t.other.row, true, 'Ans'));
    await t.pane.hear();
    expect(t.field()!.props.value).toBe('Jan de Vries');
    // no "Opslaan": the pause writes it (condition-based wait, no fixed sleep)
    for (let i = 0; i < 100 && (await inWorkbook(t.wb, t.entry.row)).verantwoordelijke !== 'Jan de Vries'; i++) {
      await act(async () => new Promise((r) => setTimeout(r, 50)));
    }
    expect(await inWorkbook(t.wb, t.entry.row)).toEqual({ marked: true, verantwoordelijke: 'Jan de Vries' });
    expect((await inWorkbook(t.wb, t.other.row)).verantwoordelijke).toBe('Ans');
    expect(button(t.pane.root(), 'Opslaan')).toBeNull();
    t.pane.unmount();
  });

  it('a colleague takes the mark off while the name is typed: the typed name stays visible and is not written into an unmarked row until the user chooses', async () => {
    const t = await setup();
    await typeIn(t.field()!, 'Jan');
    await colleague(t.wb, t.entry.row, false, '');
    await t.pane.hear();
    expect(t.field()!.props.value).toBe('Jan');
    expect(texts(t.pane.root())).toContain('intussen uitgezet');
    await leave(t.field()!);
    await settle();
    expect(await inWorkbook(t.wb, t.entry.row)).toEqual({ marked: false, verantwoordelijke: '' });
    await act(async () => button(t.pane.root(), 'Mijn versie opslaan')!.props.onClick());
    await settle();
    expect(await inWorkbook(t.wb, t.entry.row)).toEqual({ marked: true, verantwoordelijke: 'Jan' });
    t.pane.unmount();
  });

  it('leaving the view writes a name still waiting for its pause', async () => {
    const t = await setup();
    await typeIn(t.field()!, 'Jan');
    t.pane.unmount();
    await settle();
    expect((await inWorkbook(t.wb, t.entry.row)).verantwoordelijke).toBe('Jan');
  });
});

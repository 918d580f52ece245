/**
 * Regression: Scorerondes rewrote a participant's own row (updateRowByKey) without a
 * cell-level guard. The pane checks its own entry on a fresh read, but in Excel on the web
 * that read and the write are separate round trips: a score written under the same name in
 * between (Anna's second device, the notulist correcting the sheet) was overwritten without
 * a word. Now the row write expects the cells as read; on a conflict nothing is
 * overwritten and the pane shows both versions until the user chooses.
 * Two panes with the real session over one memory workbook.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { readRondes, RONDES } from '../../src/core/rondes';
import { planWithEdit } from '../../src/core/plan';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import type { Plan } from '../../src/core/snapshot';
import type { ApplyOptions, ApplyResult } from '../../src/workbook/port';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { RondesView } from '../../src/taskpane/views/RondesView';
import { ownScoreEdit, ownScoreText } from '../../src/taskpane/views/rondesActions';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { button, leave, renderPanes, settle, texts, typeIn, type RenderedPane } from '../helpers/paneHarness';
import { mustEdit, NOW, state } from '../helpers/stap2Workbook';

/** A memory workbook where, once armed, another writer's edit lands just before the next write (after that pane's read). */
class RacingWorkbook extends MemoryWorkbook {
  private before: (() => Promise<void>) | null = null;
  /** Runs `write` right before the next apply, once. */
  arm(write: () => Promise<void>): void {
    this.before = write;
  }
  override async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    const write = this.before;
    this.before = null;
    if (write) await write();
    return super.apply(plan, options);
  }
}

const nameField = (p: RenderedPane) => p.root().findAll((n) => n.type === 'input' && n.props['aria-label'] === undefined && n.props.type !== 'checkbox')[0];
const scoreField = (p: RenderedPane, factor: string): ReactTestInstance =>
  p.root().findAll((n) => n.type === 'input' && n.props['aria-label'] === `Jouw score voor ${factor}`)[0];

async function setup() {
  const wb = new RacingWorkbook();
  await createKoppelkansenWorkbook(wb, { wijk: 'Oost', now: NOW });
  const entry = (await state(wb)).analysis.longlist.entries[0];
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, entry.opgave, entry.koppelkans));
  const factor = (await state(wb)).analysis.werkblad!.factors[0].name;
  const panes = await renderPanes(
    wb,
    2,
    (s) => <RondesView session={s} />,
    () => NOW,
  );
  await act(async () => button(panes[0].root(), 'Nieuwe ronde (alles)')!.props.onClick());
  await settle();
  for (const p of panes) await p.hear();
  return { wb, panes, koppelkans: entry.koppelkans, factor };
}

const onSheet = async (wb: MemoryWorkbook, koppelkans: string, factor: string) =>
  ownScoreText(readRondes(await wb.readSnapshot({ fresh: true })), 1, 'Anna', koppelkans, factor);

/** Writes Anna's score as the other pane's session would (fresh read, edit, plan, apply). */
async function otherPaneWrites(wb: MemoryWorkbook, koppelkans: string, factor: string, value: number): Promise<void> {
  const snapshot = await wb.readSnapshot({ fresh: true });
  const res = ownScoreEdit(
    1,
    'Anna',
    koppelkans,
    factor,
    value,
    () => NOW,
  )({ snapshot, analysis: analyze(snapshot, { now: NOW }), notes: readNotes(snapshot), canShiftColumns: wb.canShiftColumns });
  if (!res.ok) throw new Error(res.message);
  await MemoryWorkbook.prototype.apply.call(wb, planWithEdit(snapshot, res.ops, { now: NOW }).plan);
}

describe('Scorerondes: a changed own score never overwrites a score written between the read and the write', () => {
  it('the other device writes between this pane’s read and its write: nothing is overwritten, both versions are shown, the chosen one is written', async () => {
    const t = await setup();
    const [laptop, tablet] = t.panes;
    for (const p of t.panes) await typeIn(nameField(p), 'Anna');
    // Anna's first score, heard by both panes
    await typeIn(scoreField(laptop, t.factor), '3');
    await leave(scoreField(laptop, t.factor));
    await settle();
    for (const p of t.panes) await p.hear();
    expect(scoreField(tablet, t.factor).props.value).toBe('3');
    const row = readRondes(await t.wb.readSnapshot({ fresh: true })).rows.find((r) => r.soort === 'score')!.row;

    // the laptop changes it to 5; the tablet's 6 lands after the laptop's read, before its write
    await typeIn(scoreField(laptop, t.factor), '5');
    t.wb.arm(() => otherPaneWrites(t.wb, t.koppelkans, t.factor, 6));
    await leave(scoreField(laptop, t.factor));
    await settle();

    expect(t.wb.getCell(RONDES.sheet, `F${row}`)).toBe(6);
    expect(await onSheet(t.wb, t.koppelkans, t.factor)).toBe('6');
    // the laptop keeps what Anna typed and shows both versions
    expect(scoreField(laptop, t.factor).props.value).toBe('5');
    const both = laptop.root().findAll((n) => n.props.role === 'group' && String(n.props['aria-label']).includes('twee versies'))[0];
    expect(texts(both)).toContain('“6”');
    expect(texts(both)).toContain('“5”');

    await act(async () => button(laptop.root(), 'Mijn versie opslaan')!.props.onClick());
    await settle();
    expect(await onSheet(t.wb, t.koppelkans, t.factor)).toBe('5');
    await tablet.hear();
    expect(scoreField(tablet, t.factor).props.value).toBe('5');
    // one row for Anna's score, rewritten in place (no duplicate)
    expect(readRondes(await t.wb.readSnapshot({ fresh: true })).rows.filter((r) => r.soort === 'score')).toHaveLength(1);
    for (const p of t.panes) p.unmount();
  });

  it('keeping the other version writes nothing and shows the sheet’s score again', async () => {
    const t = await setup();
    const [laptop, tablet] = t.panes;
    for (const p of t.panes) await typeIn(nameField(p), 'Anna');
    await typeIn(scoreField(laptop, t.factor), '3');
    await leave(scoreField(laptop, t.factor));
    await settle();
    for (const p of t.panes) await p.hear();
    await typeIn(scoreField(laptop, t.factor), '5');
    t.wb.arm(() => otherPaneWrites(t.wb, t.koppelkans, t.factor, -4));
    await leave(scoreField(laptop, t.factor));
    await settle();
    await act(async () => button(laptop.root(), 'Versie op het blad houden')!.props.onClick());
    await settle();
    expect(await onSheet(t.wb, t.koppelkans, t.factor)).toBe('-4');
    expect(scoreField(laptop, t.factor).props.value).toBe('-4');
    await tablet.hear();
    expect(scoreField(tablet, t.factor).props.value).toBe('-4');
    for (const p of t.panes) p.unmount();
  });
});

/**
 * Regressions in Scorerondes (Stap 3): an own score typed and not yet written was dropped
 * when the participant corrected their name (the inputs were keyed by the name and
 * redrawn empty); and an own score was written over whatever the sheet held under that
 * name meanwhile (the same name in another pane, or typed on the sheet) without a word.
 * Two panes with the real session over one memory workbook.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { readRondes } from '../../src/core/rondes';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import { RondesView } from '../../src/taskpane/views/RondesView';
import { ownScoreText } from '../../src/taskpane/views/rondesActions';
import { button, leave, renderPanes, settle, texts, typeIn, type RenderedPane } from '../helpers/paneHarness';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

const nameField = (p: RenderedPane) => p.root().findAll((n) => n.type === 'input' && n.props['aria-label'] === undefined && n.props.type !== 'checkbox')[0];
const scoreField = (p: RenderedPane, factor: string): ReactTestInstance =>
  p.root().findAll((n) => n.type === 'input' && n.props['aria-label'] === `Jouw score voor ${factor}`)[0];

async function setup() {
  const wb = await templateWorkbook('Oost');
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

const onSheet = async (wb: MemoryWorkbook, name: string, koppelkans: string, factor: string) =>
  ownScoreText(readRondes(await wb.readSnapshot({ fresh: true })), 1, name, koppelkans, factor);

describe('Scorerondes: an own score typed is kept and never overwrites another entry', () => {
  it('correcting the name keeps the score being typed, and it is written under the corrected name (regression: inputs keyed by name were redrawn empty)', async () => {
    const t = await setup();
    const [me] = t.panes;
    await typeIn(nameField(me), 'Ann');
    await typeIn(scoreField(me, t.factor), '6');
    await typeIn(nameField(me), 'Anna');
    expect(scoreField(me, t.factor).props.value).toBe('6');
    await leave(scoreField(me, t.factor));
    await settle();
    expect(await onSheet(t.wb, 'Anna', t.koppelkans, t.factor)).toBe('6');
    expect(await onSheet(t.wb, 'Ann', t.koppelkans, t.factor)).toBe('');
    for (const p of t.panes) p.unmount();
  });

  it('the same name scored in another pane meanwhile: nothing is overwritten, both shown, the user chooses (regression: written over without a word)', async () => {
    const t = await setup();
    const [me, other] = t.panes;
    await typeIn(nameField(me), 'Anna');
    await typeIn(nameField(other), 'Anna');
    await typeIn(scoreField(me, t.factor), '6');
    await typeIn(scoreField(other, t.factor), '-3');
    await leave(scoreField(other, t.factor));
    await settle();
    expect(await onSheet(t.wb, 'Anna', t.koppelkans, t.factor)).toBe('-3');
    await leave(scoreField(me, t.factor));
    await settle();
    expect(await onSheet(t.wb, 'Anna', t.koppelkans, t.factor)).toBe('-3');
    expect(scoreField(me, t.factor).props.value).toBe('6');
    expect(texts(me.root())).toContain('“-3”');
    await act(async () => button(me.root(), 'Mijn versie opslaan')!.props.onClick());
    await settle();
    expect(await onSheet(t.wb, 'Anna', t.koppelkans, t.factor)).toBe('6');
    for (const p of t.panes) p.unmount();
  });

  it('a round revealed while a score is still typed: the pane says the score was not saved', async () => {
    const t = await setup();
    const [me, other] = t.panes;
    await typeIn(nameField(me), 'Anna');
    await typeIn(scoreField(me, t.factor), '4');
    await act(async () => button(other.root(), 'Ronde 1 onthullen')!.props.onClick());
    await settle();
    await me.hear();
    expect(texts(me.root())).toContain('je score is niet meer opgeslagen');
    for (const p of t.panes) p.unmount();
  });
});

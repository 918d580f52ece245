/**
 * Regression (issue 7, verifier): when a colleague wrote the same "Omdat…" cell while the team
 * typed, the conflict question opened and the field behind it already showed the colleague's
 * text, as if the team's text were gone; closing the question without choosing (Esc) left no
 * trace of the team's version. Now the field keeps the team's text, shows both versions under
 * it (TwoVersions) until the team chooses, here or in the question, and nothing is written
 * over the colleague's text before that.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { analyze } from '../../src/core/analyze';
import { PrioriteringView } from '../../src/taskpane/views/PrioriteringView';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, leave, renderPanes, settle, texts, typeIn, type RenderedPane } from '../helpers/paneHarness';
import { prioriteringWorkbook } from '../helpers/prioriteringFixture';

const NOW = new Date('2026-11-28T10:00:00Z');
const NAMES = ['Een', 'Twee', 'Drie'];
const ANNA = 'Anna: subsidie loopt af';
const BRAM = 'Bram: de corporatie wil in 2027 beginnen';

async function setup() {
  const wb = await prioriteringWorkbook(NAMES, NOW);
  const [anna, bram] = await renderPanes(
    wb,
    2,
    (s) => <PrioriteringView session={s} />,
    () => NOW,
  );
  return { wb, anna, bram };
}

const entry = (p: RenderedPane, k: string): ReactTestInstance =>
  p.root().findAll((n) => n.type === 'li' && n.props['data-testid'] === 'prio-item' && texts(n).includes(k))[0];
const field = (p: RenderedPane, k: string, control: 'omdat' | 'verantwoordelijke'): ReactTestInstance =>
  entry(p, k).findAll((n) => (n.type === 'textarea' || n.type === 'input') && n.props['data-control'] === control)[0];
const twoVersions = (p: RenderedPane, k: string) => entry(p, k).findAll((n) => n.props.role === 'group' && /twee versies/.test(n.props['aria-label'] ?? ''));
const prio = async (wb: MemoryWorkbook) =>
  Object.fromEntries(analyze(await wb.readSnapshot({ fresh: true }), { now: NOW }).prioritering!.entries.map((e) => [e.koppelkans, e]));

/** Anna and Bram type a reason for "Drie" at once; Anna's lands first, Bram's meets it. */
async function clash() {
  const t = await setup();
  await typeIn(field(t.anna, 'Drie', 'omdat'), ANNA);
  await typeIn(field(t.anna, 'Twee', 'omdat'), 'Anna: Twee eerst');
  await typeIn(field(t.bram, 'Drie', 'omdat'), BRAM);
  await typeIn(field(t.bram, 'Een', 'verantwoordelijke'), 'Bram');
  await leave(field(t.anna, 'Drie', 'omdat'));
  await settle();
  await leave(field(t.bram, 'Drie', 'omdat'));
  await settle();
  return t;
}

describe('Prioritering: a colleague wrote the same Omdat… cell while the team typed', () => {
  it('while the question is open the field keeps the team’s text and shows both versions; nothing is written over the colleague’s', async () => {
    const { wb, bram } = await clash();
    expect(bram.session().conflict).not.toBeNull();
    expect(bram.session().conflict!.shown).toBe(true);
    // not the colleague's text as if the team's were gone
    expect(field(bram, 'Drie', 'omdat').props.value).toBe(BRAM);
    const group = twoVersions(bram, 'Drie');
    expect(group).toHaveLength(1);
    expect(texts(group[0])).toContain(ANNA);
    const after = await prio(wb);
    expect(after.Drie.omdat).toBe(ANNA);
    // what else Bram typed in the refused write still lands
    expect(after.Een.verantwoordelijke).toBe('Bram');
    // and what Anna wrote elsewhere meanwhile is not cleared by Bram's retry
    expect(after.Twee.omdat).toBe('Anna: Twee eerst');
  });

  it('Esc closes the question without choosing: the conflict stays pending, the field keeps the team’s text, both versions stay visible, nothing is written', async () => {
    const { wb, bram } = await clash();
    await act(async () => bram.session().dismissConflict());
    await settle();
    expect(bram.session().conflict).not.toBeNull();
    expect(bram.session().conflict!.shown).toBe(false);
    expect(field(bram, 'Drie', 'omdat').props.value).toBe(BRAM);
    expect(twoVersions(bram, 'Drie')).toHaveLength(1);
    // leaving the field (or the debounce) does not write the team's text over the colleague's meanwhile
    await leave(field(bram, 'Drie', 'omdat'));
    await settle();
    expect((await prio(wb)).Drie.omdat).toBe(ANNA);
    // the question can be opened again
    await act(async () => bram.session().showConflict());
    expect(bram.session().conflict!.shown).toBe(true);
  });

  it('"Mijn versie opslaan" at the field writes the team’s text and closes the question', async () => {
    const { wb, bram } = await clash();
    await act(async () => bram.session().dismissConflict());
    const mine = twoVersions(bram, 'Drie')[0].findAll((n) => n.type === 'button' && texts(n).trim() === 'Mijn versie opslaan')[0];
    await act(async () => mine.props.onClick());
    await settle();
    expect((await prio(wb)).Drie.omdat).toBe(BRAM);
    expect(twoVersions(bram, 'Drie')).toHaveLength(0);
    expect(bram.session().conflict).toBeNull();
  });

  it('"Versie van collega houden" in the question puts the colleague’s text in the field and writes nothing', async () => {
    const { wb, bram } = await clash();
    await act(async () => bram.session().resolveConflict('theirs'));
    await settle();
    expect(field(bram, 'Drie', 'omdat').props.value).toBe(ANNA);
    expect(twoVersions(bram, 'Drie')).toHaveLength(0);
    expect((await prio(wb)).Drie.omdat).toBe(ANNA);
    expect(button(bram.root(), 'Mijn versie opslaan')).toBeNull();
  });
});

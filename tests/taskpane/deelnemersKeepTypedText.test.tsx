/**
 * Regression: the onderbouwing's participants list ("Deelnemers", Notulen) dropped the
 * typed list when a colleague had changed the list meanwhile: nothing was overwritten, but
 * what the user typed was gone and only an error was left. Now the typed list stays, the
 * colleague's is shown beside it, and the user chooses. Pane's real session, one memory workbook.
 */
import { act } from 'react-test-renderer';
import { deelnemersEdit, readDeelnemers } from '../../src/core/deelnemers';
import { DeelnemersEditor } from '../../src/taskpane/notes/DeelnemersEditor';
import { button, renderPanes, settle, texts, typeIn } from '../helpers/paneHarness';
import { NOW, templateWorkbook } from '../helpers/stap2Workbook';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

async function colleagueWrites(wb: MemoryWorkbook, names: string[]) {
  const res = deelnemersEdit(await wb.readSnapshot({ fresh: true }), names);
  if (!res.ok) throw new Error(res.message);
  await wb.apply({ ops: res.ops });
}
const stored = async (wb: MemoryWorkbook) => readDeelnemers(await wb.readSnapshot({ fresh: true })).names;

describe('Deelnemers keeps the typed list when a colleague changed it', () => {
  it('a colleague saved another list meanwhile: the typed list stays, both are shown, "Mijn versie opslaan" writes it (regression: the typed list was dropped)', async () => {
    const wb = await templateWorkbook('Oost');
    await colleagueWrites(wb, ['Anna (wijkteam)']);
    const [pane] = await renderPanes(
      wb,
      1,
      (s) => <DeelnemersEditor session={s} />,
      () => NOW,
    );
    const field = () => pane.root().findAll((n) => n.type === 'textarea')[0];
    await typeIn(field(), 'Anna (wijkteam)\nBram (woningcorporatie)');
    await colleagueWrites(wb, ['Anna (wijkteam)', 'Cor (netbeheerder)']); // not heard yet
    await act(async () => button(pane.root(), 'Deelnemers opslaan')!.props.onClick());
    await settle();
    expect(await stored(wb)).toEqual(['Anna (wijkteam)', 'Cor (netbeheerder)']);
    expect(field().props.value).toBe('Anna (wijkteam)\nBram (woningcorporatie)');
    const alert = pane.root().findAll((n) => n.props.role === 'alert' && n.type !== 'div')[0];
    expect(texts(alert)).toContain('Cor (netbeheerder)');
    await act(async () => button(pane.root(), 'Mijn versie opslaan')!.props.onClick());
    await settle();
    expect(await stored(wb)).toEqual(['Anna (wijkteam)', 'Bram (woningcorporatie)']);
    expect(button(pane.root(), 'Mijn versie opslaan')).toBeNull();
    pane.unmount();
  });

  it("choosing the colleague's version shows theirs and writes nothing", async () => {
    const wb = await templateWorkbook('Oost');
    const [pane] = await renderPanes(
      wb,
      1,
      (s) => <DeelnemersEditor session={s} />,
      () => NOW,
    );
    const field = () => pane.root().findAll((n) => n.type === 'textarea')[0];
    await typeIn(field(), 'Bram');
    await colleagueWrites(wb, ['Cor']);
    await pane.hear();
    expect(field().props.value).toBe('Bram');
    await act(async () => button(pane.root(), 'Versie van collega houden')!.props.onClick());
    await settle();
    expect(field().props.value).toBe('Cor');
    expect(await stored(wb)).toEqual(['Cor']);
    pane.unmount();
  });
});

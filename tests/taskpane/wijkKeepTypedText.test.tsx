/**
 * Regression: the wijk name typed in Stap 1 was written only by "Naam opslaan" or Enter, so
 * leaving the field and reloading the pane lost it. Leaving the field now writes it (still
 * guarded: a colleague's name meanwhile is shown beside it, not overwritten).
 */
import { wijkName } from '../../src/core/wijk';
import { Stap1View } from '../../src/taskpane/views/Stap1View';
import { leave, renderPanes, settle, typeIn } from '../helpers/paneHarness';
import { NOW, templateWorkbook } from '../helpers/stap2Workbook';

describe('Stap 1: the wijk name is written on leaving the field', () => {
  it('typed and left: in the workbook without pressing anything (regression: lost on reload)', async () => {
    const wb = await templateWorkbook('Oost');
    const [pane] = await renderPanes(
      wb,
      1,
      (s) => <Stap1View session={s} />,
      () => NOW,
    );
    const field = () => pane.root().findAll((n) => n.type === 'input')[0];
    await typeIn(field(), 'Lelystad-Oost');
    await leave(field());
    await settle();
    expect(wijkName(await wb.readSnapshot({ fresh: true }))).toBe('Lelystad-Oost');
    pane.unmount();
  });

  it("a colleague's name meanwhile is not overwritten by leaving the field", async () => {
    const wb = await templateWorkbook('Oost');
    const [pane] = await renderPanes(
      wb,
      1,
      (s) => <Stap1View session={s} />,
      () => NOW,
    );
    const field = () => pane.root().findAll((n) => n.type === 'input')[0];
    await typeIn(field(), 'Lelystad-Oost');
    await wb.apply({
      ops: [{ kind: 'setCells', sheet: 'Werkblad koppelkansen kiezen', cell: 'A1', cells: [[{ text: 'Werkblad koppelkansen kiezen – Noord' }]] }],
    });
    await leave(field());
    await settle();
    expect(wijkName(await wb.readSnapshot({ fresh: true }))).toBe('Noord');
    expect(field().props.value).toBe('Lelystad-Oost');
    pane.unmount();
  });
});

/**
 * The pane's side of the basis check (ApplyOptions.basis, src/workbook/basis.ts): a pane edit
 * is built on the port's last read brought up to date, not on a re-read of every cell, and a
 * cell its plan writes that a colleague changed after that read refuses the whole edit. Here
 * the wijk name (Stap 1): its plan also writes Resultaat's title row, clearing B1:F1; a
 * colleague's text typed in Resultaat!B1 between the pane's read and its write used to be
 * cleared by that plan without a word.
 */
import { wijkName } from '../../src/core/wijk';
import { Stap1View } from '../../src/taskpane/views/Stap1View';
import { ColleagueBeforeWrite, leave, renderPanes, settle, texts, typeIn } from '../helpers/paneHarness';
import { NOW, templateWorkbook } from '../helpers/stap2Workbook';

describe('a pane edit is checked against the read it was built on', () => {
  it("regression: a colleague's text in a cell the edit's plan clears (Resultaat!B1, typed after the pane's read) is not cleared; the pane names the cell and nothing changes", async () => {
    const wb = await templateWorkbook('Oost');
    const port = new ColleagueBeforeWrite(wb);
    port.colleague = async () => {
      await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Resultaat', cell: 'B1', cells: [[{ text: 'Opmerking van een collega' }]] }] });
    };
    const [pane] = await renderPanes(
      port,
      1,
      (s) => <Stap1View session={s} />,
      () => NOW,
    );
    const field = () => pane.root().findAll((n) => n.type === 'input')[0];
    await typeIn(field(), 'Lelystad-Oost');
    await leave(field());
    await settle();
    expect(port.colleague).toBeNull(); // the colleague wrote, right before the pane's write
    const after = await wb.readSnapshot({ fresh: true });
    const resultaat = after.sheets.find((s) => s.name === 'Resultaat')!;
    expect(resultaat.values[0][1]).toBe('Opmerking van een collega');
    expect(wijkName(after)).toBe('Oost');
    expect(texts(pane.root())).toContain('Resultaat!B1 is veranderd sinds de add-in de werkmap las (was leeg, nu “Opmerking van een collega”)');
    pane.unmount();
  });
});

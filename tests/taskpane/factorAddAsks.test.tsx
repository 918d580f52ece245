/**
 * Regression (issue 11), the pane's side: "Succesfactor toevoegen" inserted the column at
 * once, also when a team formula read Totalen through a fixed INDIRECT text (Excel does not
 * shift that text, so afterwards it reads the new, empty factor). The pane now asks first,
 * naming sheet and cell, and adds only once the team agreed; with nothing affected it adds
 * at once, without a question. Driven through FactorsEditor over the preview's own workbook.
 */
import { useMemo } from 'react';
import { act } from 'react-test-renderer';
import { columnLetter } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { readFactorInfo } from '../../src/core/factors';
import { readNotes } from '../../src/core/notes';
import { stap2Context } from '../../src/core/stap2';
import { startWorkbook } from '../../src/taskpane/preview/workbooks';
import type { WorkbookSession } from '../../src/taskpane/session';
import type { ConfirmRequest } from '../../src/taskpane/stappen/ConfirmDialog';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import type { WorkbookPort } from '../../src/workbook/port';
import { button, renderPanes, settle, typeIn } from '../helpers/paneHarness';

const NOW = new Date('2026-12-01T10:00:00Z');

async function factorsOf(port: WorkbookPort) {
  const snapshot = await port.readSnapshot({ fresh: true });
  const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
  if ('message' in ctx) throw new Error(ctx.message);
  return { sheet: ctx.sheet.name, totalen: ctx.werkblad.layout.totalenColumn, names: readFactorInfo(ctx.sheet, ctx.werkblad).map((f) => f.name) };
}

/** The preview's template with `formula` (given the werkblad's name and Totalen's column letter) in Eigen!A1, or none. */
async function paneWith(formula: ((sheet: string, totalen: string) => string) | null) {
  const preview = await startWorkbook('sjabloon', NOW);
  const before = await factorsOf(preview.port);
  if (formula)
    await preview.port.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: formula(before.sheet, columnLetter(before.totalen)) }]] },
      ],
    });
  const asked: ConfirmRequest[] = [];
  function Factors({ s }: { s: WorkbookSession }) {
    const factors = useMemo(() => {
      if (!s.snapshot || !s.analysis) return [];
      const ctx = stap2Context(s.snapshot, s.analysis, s.notes);
      return 'message' in ctx ? [] : readFactorInfo(ctx.sheet, ctx.werkblad);
    }, [s.snapshot, s.analysis, s.notes]);
    return <FactorsEditor session={s} factors={factors} confirm={(r) => asked.push(r)} />;
  }
  const [pane] = await renderPanes(
    preview.port,
    1,
    (s) => <Factors s={s} />,
    () => NOW,
  );
  const add = async (name: string) => {
    const form = pane.root().findAll((n) => n.props.role === 'group' && n.props['aria-label'] === 'Succesfactor toevoegen' && typeof n.type === 'string')[0];
    await typeIn(form.findAll((n) => n.type === 'input')[0], name);
    await act(async () => button(form, 'Succesfactor toevoegen')!.props.onClick());
    await settle();
  };
  return { preview, before, asked, pane, add };
}

describe('adding a succesfactor in the pane', () => {
  it('regression: a fixed INDIRECT of a Totalen cell was not asked about; the pane asks, names Eigen!A1, and adds only after "Toch toevoegen"', async () => {
    const t = await paneWith((sheet, T) => `=INDIRECT("'${sheet}'!${T}6")`);
    await t.add('Snelle uitvoering');
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0].title).toBe('“Snelle uitvoering” toevoegen?');
    expect(t.asked[0].list).toEqual([`Eigen!A1: =INDIRECT("'${t.before.sheet}'!${columnLetter(t.before.totalen)}6")`]);
    expect(t.asked[0].confirm).toBe('Toch toevoegen');
    // asked, not yet added
    expect((await factorsOf(t.preview.port)).names).toEqual(t.before.names);
    await act(async () => t.asked[0].onConfirm());
    await settle();
    expect((await factorsOf(t.preview.port)).names).toEqual([...t.before.names, 'Snelle uitvoering']);
    t.pane.unmount();
  });

  it('nothing of the team’s affected (a fixed INDIRECT of a factor’s score, left of the new column): added at once, no question', async () => {
    const t = await paneWith((sheet) => `=INDIRECT("'${sheet}'!D6")`);
    await t.add('Snelle uitvoering');
    expect(t.asked).toHaveLength(0);
    expect((await factorsOf(t.preview.port)).names).toEqual([...t.before.names, 'Snelle uitvoering']);
    t.pane.unmount();
  });
});

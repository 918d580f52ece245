/**
 * The pane's side of the 'columnsChanged' refusal: a colleague changes a factor column
 * after the pane read the workbook for a removal (or the place of an added factor) and
 * before the write reaches it (in Excel on the web both happen within a second). The adapter refuses the whole plan; the
 * pane must show the Dutch message naming sheet and cell, and nothing may change (the
 * colleague's score stays, the factor stays, no plan is recorded for the download).
 * Driven through the pane over the preview's own workbook (RecordingPort over a memory
 * workbook, src/taskpane/preview/workbooks.ts), with the colleague's write slipped in
 * between the pane's fresh read and its write.
 */
import { useMemo } from 'react';
import { act } from 'react-test-renderer';
import { cellAddress, columnLetter } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { addFactorEdit, readFactorInfo, type FactorInfo } from '../../src/core/factors';
import { valueAt } from '../../src/core/grid';
import { readNotes } from '../../src/core/notes';
import { planWithEdit } from '../../src/core/plan';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { stap2Context } from '../../src/core/stap2';
import { startWorkbook, type StartKind } from '../../src/taskpane/preview/workbooks';
import type { WorkbookSession } from '../../src/taskpane/session';
import type { ConfirmRequest } from '../../src/taskpane/stappen/ConfirmDialog';
import { FactorsEditor } from '../../src/taskpane/stappen/FactorsEditor';
import { Stap2View } from '../../src/taskpane/views/Stap2View';
import type { WorkbookPort } from '../../src/workbook/port';
import { button, ColleagueBeforeWrite, renderPanes, settle, texts, typeIn } from '../helpers/paneHarness';

const NOW = new Date('2026-12-01T10:00:00Z');

async function factorsOf(port: WorkbookPort): Promise<{ snapshot: WorkbookSnapshot; sheet: string; factors: FactorInfo[] }> {
  const snapshot = await port.readSnapshot({ fresh: true });
  const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
  if ('message' in ctx) throw new Error(ctx.message);
  return { snapshot, sheet: ctx.sheet.name, factors: readFactorInfo(ctx.sheet, ctx.werkblad) };
}

/** Every sheet's values and formulas, to compare the workbook before and after. */
const contents = (s: WorkbookSnapshot) => s.sheets.map((x) => ({ name: x.name, values: x.values, formulas: x.formulas }));

async function setup(kind: StartKind) {
  const preview = await startWorkbook(kind, NOW);
  const port = new ColleagueBeforeWrite(preview.port);
  return { preview, port, plansBefore: preview.port.plans().length };
}

describe('the pane refuses a factor removal when a colleague changed the column meanwhile (columnsChanged)', () => {
  it('Stap 2 over the preview workbook: a score typed in the empty factor column between read and write; the Dutch message names sheet and cell, nothing changes', async () => {
    const t = await setup('sjabloon');
    const before = await factorsOf(t.port);
    const target = before.factors[1];
    const cell = cellAddress(6, target.column);
    let afterColleague: WorkbookSnapshot | null = null;
    t.port.colleague = async () => {
      await t.preview.port.apply({ ops: [{ kind: 'setCells', sheet: before.sheet, cell, cells: [[{ number: 3 }]] }] });
      afterColleague = await t.preview.port.readSnapshot({ fresh: true });
    };
    const [pane] = await renderPanes(
      t.port,
      1,
      (s) => <Stap2View session={s} />,
      () => NOW,
    );
    // open Succesfactoren and remove the second factor (no scores: no question)
    const header = pane.root().findAll((n) => n.type === 'button' && texts(n).startsWith('Succesfactoren ('))[0];
    await act(async () => header.props.onClick({ preventDefault: () => undefined, defaultPrevented: false }));
    await settle();
    const remove = pane.root().findAll((n) => n.type === 'button' && n.props['aria-label'] === `Verwijderen: ${target.name}`)[0];
    await act(async () => remove.props.onClick());
    await settle();

    expect(afterColleague).not.toBeNull();
    const message = `${before.sheet}!${cell} is veranderd sinds de add-in de werkmap las (was leeg, nu “3”), waarschijnlijk door een collega. De kolom is niet verwijderd: Er is niets gewijzigd. Bekijk de wijziging en probeer het opnieuw.`;
    const card = pane.root().findAll((n) => n.type === 'li' && n.props['aria-label'] === `Succesfactor 2: ${target.name}`)[0];
    expect(card).toBeDefined();
    expect(texts(card)).toContain(message);
    // nothing changed but the colleague's score: the factor and its column stay, no plan recorded
    const after = await factorsOf(t.port);
    expect(contents(after.snapshot)).toEqual(contents(afterColleague!));
    expect(after.factors.map((f) => f.name)).toEqual(before.factors.map((f) => f.name));
    expect(
      valueAt(
        after.snapshot.sheets.find((s) => s.name === before.sheet)!,
        6,
        target.column,
      ),
    ).toBe(3);
    expect(t.preview.port.plans()).toHaveLength(t.plansBefore + 1); // the colleague's
    // the pane read again: the card now counts the colleague's score
    expect(texts(card)).toContain('1 score');
    pane.unmount();
  });

  it('a factor with scores, the removal confirmed: a colleague changes one of its scores before the write; refused the same way, the score stays', async () => {
    const t = await setup('voorbeeld');
    const before = await factorsOf(t.port);
    const target = before.factors.find((f) => f.scores > 0)!;
    const sheet = before.snapshot.sheets.find((s) => s.name === before.sheet)!;
    let row = 6;
    while (typeof valueAt(sheet, row, target.column) !== 'number') row++;
    const old = valueAt(sheet, row, target.column) as number;
    const changed = old === 5 ? 4 : old + 1;
    const cell = cellAddress(row, target.column);
    let afterColleague: WorkbookSnapshot | null = null;
    t.port.colleague = async () => {
      await t.preview.port.apply({ ops: [{ kind: 'setCells', sheet: before.sheet, cell, cells: [[{ number: changed }]] }] });
      afterColleague = await t.preview.port.readSnapshot({ fresh: true });
    };
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
      t.port,
      1,
      (s) => <Factors s={s} />,
      () => NOW,
    );
    const label = `Succesfactor ${target.index + 1}: ${target.name}`;
    const remove = pane.root().findAll((n) => n.type === 'button' && n.props['aria-label'] === `Verwijderen: ${target.name}`)[0];
    await act(async () => remove.props.onClick());
    expect(asked).toHaveLength(1);
    await act(async () => asked[0].onConfirm());
    await settle();

    const card = pane.root().findAll((n) => n.type === 'li' && n.props['aria-label'] === label)[0];
    expect(card).toBeDefined();
    expect(texts(card)).toContain(
      `${before.sheet}!${cell} is veranderd sinds de add-in de werkmap las (was “${old}”, nu “${changed}”), waarschijnlijk door een collega. De kolom is niet verwijderd:`,
    );
    const after = await factorsOf(t.port);
    expect(contents(after.snapshot)).toEqual(contents(afterColleague!));
    expect(after.factors.map((f) => f.name)).toEqual(before.factors.map((f) => f.name));
    expect(columnLetter(after.factors[target.index].column)).toBe(columnLetter(target.column));
    expect(t.preview.port.plans()).toHaveLength(t.plansBefore + 1);
    pane.unmount();
  });
  it('adding a factor while a colleague adds one at the same place: the insert is refused naming the cell, the typed name stays in the form, only the colleague’s factor is there', async () => {
    const t = await setup('sjabloon');
    const before = await factorsOf(t.port);
    const place = before.factors[before.factors.length - 1].column + 1; // where Totalen is, and the new column goes
    let afterColleague: WorkbookSnapshot | null = null;
    t.port.colleague = async () => {
      const snapshot = await t.preview.port.readSnapshot({ fresh: true });
      const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
      if ('message' in ctx) throw new Error(ctx.message);
      const edit = addFactorEdit(ctx.sheet, ctx.werkblad, 'Draagvlak bij bewoners', '', 1, { shiftColumns: true });
      if (!edit.ok) throw new Error(edit.message);
      await t.preview.port.apply(planWithEdit(snapshot, edit.ops, { now: NOW }).plan);
      afterColleague = await t.preview.port.readSnapshot({ fresh: true });
    };
    const [pane] = await renderPanes(
      t.port,
      1,
      (s) => <Stap2View session={s} />,
      () => NOW,
    );
    const header = pane.root().findAll((n) => n.type === 'button' && texts(n).startsWith('Succesfactoren ('))[0];
    await act(async () => header.props.onClick({ preventDefault: () => undefined, defaultPrevented: false }));
    await settle();
    const form = pane.root().findAll((n) => n.props.role === 'group' && n.props['aria-label'] === 'Succesfactor toevoegen' && typeof n.type === 'string')[0];
    const nameField = form.findAll((n) => n.type === 'input')[0];
    await typeIn(nameField, 'Snelle uitvoering');
    await act(async () => button(form, 'Succesfactor toevoegen')!.props.onClick());
    await settle();

    expect(afterColleague).not.toBeNull();
    const cell = cellAddress(3, place);
    expect(texts(pane.root())).toContain(
      `${before.sheet}!${cell} is veranderd sinds de add-in de werkmap las (was “Totalen”, nu “Draagvlak bij bewoners”), waarschijnlijk door een collega. De kolom is niet ingevoegd: Er is niets gewijzigd.`,
    );
    const after = await factorsOf(t.port);
    expect(contents(after.snapshot)).toEqual(contents(afterColleague!));
    expect(after.factors.map((f) => f.name)).toEqual([...before.factors.map((f) => f.name), 'Draagvlak bij bewoners']);
    expect(t.preview.port.plans()).toHaveLength(t.plansBefore + 1);
    // what was typed stays, to add again after looking
    const again = pane.root().findAll((n) => n.props.role === 'group' && n.props['aria-label'] === 'Succesfactor toevoegen' && typeof n.type === 'string')[0];
    expect(again.findAll((n) => n.type === 'input')[0].props.value).toBe('Snelle uitvoering');
    pane.unmount();
  });
});

/**
 * Regression: Scoren kept its typed scores (drafts) under the werkblad ROW NUMBER. When a
 * colleague inserted or deleted a werkblad row (Excel on the web) or the team added a
 * koppelkans in Stap 2, a kept draft (an invalid 7,5 kept and marked, or a score still
 * being typed) landed on another koppelkans after the pane re-read the workbook, and was
 * then written into that koppelkans's cell. Drafts now belong to the koppelkans's identity
 * (opgave + koppelkans, by the engine's name rule) and the factor's name; a draft whose
 * koppelkans or factor disappeared is kept and the user is told, not silently dropped.
 * The pane's real session over one memory workbook; the colleague changes it underneath.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { SHEET_NAMES } from '../../src/core/layout';
import type { CellInput } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { ScorenView } from '../../src/taskpane/views/ScorenView';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, leave, renderPanes, settle, texts, typeIn, type RenderedPane } from '../helpers/paneHarness';

const NOW = new Date('2026-11-28T10:00:00Z');
const W = SHEET_NAMES.werkblad;

/** The werkblad's koppelkansen from row 6 down: [opgave, koppelkans, F1, F2] (null: empty). */
type Line = [string, string, number | null, number | null];
const cellsOf = (lines: Line[]): CellInput[][] =>
  lines.map((l) => l.map((v) => (v === null ? { clear: true as const } : typeof v === 'number' ? { number: v } : { text: v })));

/** What a colleague's insert or delete of rows leaves in A6:D(6+n): the lines as they now stand, the rest emptied. */
async function colleagueRewrites(wb: MemoryWorkbook, lines: Line[], height = 6): Promise<void> {
  const padded = [...lines];
  while (padded.length < height) padded.push(['', '', null, null]);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'A6', cells: cellsOf(padded) }] });
}

async function setup(lines: Line[]) {
  const wb = new MemoryWorkbook();
  await wb.apply(newWorkbookPlan({ wijk: 'Test', now: NOW, factors: ['F1', 'F2'] }).plan);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'C4', cells: [[{ number: 1 }, { number: 1 }]] }] });
  await colleagueRewrites(wb, lines);
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <ScorenView session={s} active />,
    () => NOW,
  );
  return { wb, pane };
}

const inputs = (p: RenderedPane): ReactTestInstance[] => p.root().findAll((n) => n.type === 'input' && n.props.inputMode === 'numeric');
const heading = (p: RenderedPane): string => texts(p.root().findAll((n) => n.type === 'h2')[0]).trim();
const next = async (p: RenderedPane) => {
  await act(async () => button(p.root(), 'Volgende →')!.props.onClick());
  await settle();
};

describe('Scoren: a typed score stays with its koppelkans when rows move under the pane', () => {
  it('an invalid draft kept on “Twee” is still on “Twee” after a colleague inserted a row above (regression: drafts keyed by row number)', async () => {
    const { wb, pane } = await setup([
      ['Opgave', 'Een', 3, 3],
      ['Opgave', 'Twee', null, 2],
      ['Opgave', 'Drie', 1, 1],
    ]);
    await next(pane);
    expect(heading(pane)).toBe('Twee');
    await typeIn(inputs(pane)[0], '7,5');
    await leave(inputs(pane)[0]);
    await settle();
    expect(wb.getCell(W, 'C7')).toBeNull(); // invalid: kept, not written

    // a colleague inserts a koppelkans above: every row moves down one
    await colleagueRewrites(wb, [
      ['Opgave', 'Nieuw', null, null],
      ['Opgave', 'Een', 3, 3],
      ['Opgave', 'Twee', null, 2],
      ['Opgave', 'Drie', 1, 1],
    ]);
    await pane.hear();

    expect(heading(pane)).toBe('Twee');
    expect(texts(pane.root())).toContain('rij 8');
    expect(inputs(pane)[0].props.value).toBe('7,5');
    expect(inputs(pane)[1].props.value).toBe('2');
    // the koppelkans now at Twee's old row (7) has no draft
    await act(async () => button(pane.root(), '← Vorige')!.props.onClick());
    await settle();
    expect(texts(pane.root())).toContain('F1: 7,5'); // moving on with an invalid draft asks first
    await act(async () => button(pane.root(), 'Toch verder')!.props.onClick());
    await settle();
    expect(heading(pane)).toBe('Een');
    expect(inputs(pane).map((i) => i.props.value)).toEqual(['3', '3']);
    await next(pane);
    expect(heading(pane)).toBe('Twee');

    // corrected: written to Twee's cell as the sheet is now, nothing else touched
    await typeIn(inputs(pane)[0], '5');
    await leave(inputs(pane)[0]);
    await settle();
    expect(wb.getCell(W, 'C8')).toBe(5);
    expect(wb.getCell(W, 'C7')).toBe(3);
    expect(wb.getCell(W, 'C6')).toBeNull();
    expect(pane.session().conflict).toBeNull();
    pane.unmount();
  });

  it('a score still being typed is written to its own koppelkans after a colleague deleted a row above', async () => {
    const { wb, pane } = await setup([
      ['Opgave', 'Een', 3, 3],
      ['Opgave', 'Twee', null, null],
      ['Opgave', 'Drie', null, null],
    ]);
    await next(pane);
    await next(pane);
    expect(heading(pane)).toBe('Drie');
    await typeIn(inputs(pane)[1], '-4');
    // “Een” is deleted: Twee and Drie move up one row
    await colleagueRewrites(wb, [
      ['Opgave', 'Twee', null, null],
      ['Opgave', 'Drie', null, null],
    ]);
    await pane.hear();
    expect(heading(pane)).toBe('Drie');
    expect(inputs(pane)[1].props.value).toBe('-4');
    await leave(inputs(pane)[1]);
    await settle();
    expect(wb.getCell(W, 'D7')).toBe(-4);
    expect(wb.getCell(W, 'D6')).toBeNull();
    pane.unmount();
  });

  it('names match by the engine’s rule: another case or extra spaces typed by a colleague keep the draft on its koppelkans', async () => {
    const { wb, pane } = await setup([
      ['Opgave', 'Een', null, null],
      ['Opgave', 'Twee', null, null],
    ]);
    await next(pane);
    await typeIn(inputs(pane)[0], '11');
    await leave(inputs(pane)[0]);
    await settle();
    await colleagueRewrites(wb, [
      ['Opgave', 'Nieuw', null, null],
      ['Opgave', 'Een', null, null],
      [' opgave', 'TWEE  ', null, null],
    ]);
    await pane.hear();
    expect(heading(pane)).toBe('TWEE');
    expect(inputs(pane)[0].props.value).toBe('11');
    expect(pane.root().findAll((n) => n.props['data-testid'] === 'scoren-orphans')).toHaveLength(0);
    pane.unmount();
  });

  it('a draft whose koppelkans a colleague removed is not written anywhere and not dropped silently: the pane names it until the user discards it', async () => {
    const { wb, pane } = await setup([
      ['Opgave', 'Een', null, null],
      ['Opgave', 'Twee', null, null],
      ['Opgave', 'Drie', null, null],
    ]);
    await next(pane);
    await typeIn(inputs(pane)[0], '7,5');
    await leave(inputs(pane)[0]);
    await settle();
    await colleagueRewrites(wb, [
      ['Opgave', 'Een', null, null],
      ['Opgave', 'Drie', null, null],
    ]);
    await pane.hear();
    const bar = () => pane.root().findAll((n) => n.props['data-testid'] === 'scoren-orphans');
    expect(bar()).not.toHaveLength(0);
    const said = texts(bar()[0]);
    expect(said).toContain('“Twee” (Opgave), F1: 7,5');
    expect(said).toContain('niet opgeslagen');
    expect(said).toContain('de koppelkans is verwijderd of hernoemd');
    // the koppelkans now shown has no draft; nothing was written
    expect(inputs(pane).map((i) => i.props.value)).toEqual(['', '']);
    expect([wb.getCell(W, 'C6'), wb.getCell(W, 'C7'), wb.getCell(W, 'C8')]).toEqual([null, null, null]);
    await act(async () => button(bar()[0], 'Weggooien')!.props.onClick());
    await settle();
    expect(bar()).toHaveLength(0);
    pane.unmount();
  });

  it('the same koppelkans twice under one opgave: Volgende still walks every row', async () => {
    const { pane } = await setup([
      ['Opgave', 'Een', null, null],
      ['Opgave', 'Een', null, null],
      ['Opgave', 'Twee', null, null],
    ]);
    await next(pane);
    expect(texts(pane.root())).toContain('rij 7');
    await next(pane);
    expect(heading(pane)).toBe('Twee');
    pane.unmount();
  });
});

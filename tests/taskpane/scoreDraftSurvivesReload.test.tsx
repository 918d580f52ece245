/**
 * Regression: Scoren's typed scores (drafts) lived only in the pane's memory. An invalid
 * score kept and marked (7,5, not written) or a valid score still being typed was lost when
 * the pane reloaded or closed. Drafts are now kept in the host's per-user storage
 * (useStoredDraft, key SCORE_DRAFTS_KEY), restored on the same koppelkans and factor, and
 * removed once written. The harness's shared storage Map makes unmount + render a reload.
 */
import { act, type ReactTestInstance } from 'react-test-renderer';
import { parseScoreInput } from '../../src/core/edits';
import { SHEET_NAMES } from '../../src/core/layout';
import { newWorkbookPlan } from '../../src/core/template';
import { scopedKey } from '../../src/taskpane/logic/drafts';
import { SCORE_DRAFTS_KEY, ScorenView } from '../../src/taskpane/views/ScorenView';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { button, leave, renderPanes, settle, texts, typeIn, workbookScopeOf, type RenderedPane } from '../helpers/paneHarness';

const NOW = new Date('2026-11-28T10:00:00Z');
const W = SHEET_NAMES.werkblad;

async function workbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.apply(newWorkbookPlan({ wijk: 'Test', now: NOW, factors: ['F1', 'F2'] }).plan);
  await wb.apply({
    ops: [
      { kind: 'setCells', sheet: W, cell: 'C4', cells: [[{ number: 1 }, { number: 1 }]] },
      {
        kind: 'setCells',
        sheet: W,
        cell: 'A6',
        cells: [
          [{ text: 'Opgave' }, { text: 'Een' }],
          [{ text: 'Opgave' }, { text: 'Twee' }],
          [{ text: 'Opgave' }, { text: 'Drie' }],
        ],
      },
    ],
  });
  return wb;
}

const open = async (wb: MemoryWorkbook, storage: Map<string, string>): Promise<RenderedPane> =>
  (
    await renderPanes(
      wb,
      1,
      (s) => <ScorenView session={s} active />,
      () => NOW,
      storage,
    )
  )[0];
const inputs = (p: RenderedPane): ReactTestInstance[] => p.root().findAll((n) => n.type === 'input' && n.props.inputMode === 'numeric');
const heading = (p: RenderedPane): string => texts(p.root().findAll((n) => n.type === 'h2')[0]).trim();
const click = async (p: RenderedPane, label: string) => {
  await act(async () => button(p.root(), label)!.props.onClick());
  await settle();
};
const ORDER = ['Een', 'Twee', 'Drie'];
/** Goes to the koppelkans named `name` with Volgende/Vorige (answering the invalid-draft question with “Toch verder”). */
async function goTo(p: RenderedPane, name: string): Promise<void> {
  for (let i = 0; i < 5 && heading(p) !== name; i++) {
    await click(p, ORDER.indexOf(name) > ORDER.indexOf(heading(p)) ? 'Volgende →' : '← Vorige');
    if (button(p.root(), 'Toch verder')) await click(p, 'Toch verder');
  }
  expect(heading(p)).toBe(name);
}

describe('Scoren: nothing typed is lost when the pane reloads or closes', () => {
  it('an invalid score draft survives a reload: back on the same koppelkans, marked; corrected it is written and the draft is gone', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    let pane = await open(wb, storage);
    await goTo(pane, 'Twee');
    await typeIn(inputs(pane)[0], '7,5');
    await leave(inputs(pane)[0]);
    await settle();
    expect(wb.getCell(W, 'C7')).toBeNull(); // invalid: kept, not written
    await click(pane, 'Volgende →');
    expect(texts(pane.root())).toContain('F1: 7,5'); // moving on with an invalid draft warns
    await click(pane, 'Toch verder');
    expect(heading(pane)).toBe('Drie');
    expect(storage.get(scopedKey(SCORE_DRAFTS_KEY, workbookScopeOf(wb)))).toContain('7,5');
    pane.unmount();

    pane = await open(wb, storage); // the reload
    await goTo(pane, 'Twee');
    expect(inputs(pane)[0].props.value).toBe('7,5');
    expect(inputs(pane)[1].props.value).toBe('');
    const invalid = parseScoreInput('7,5');
    expect(invalid.ok).toBe(false);
    expect(texts(pane.root())).toContain(invalid.ok ? '' : invalid.message); // marked invalid, as before the reload
    await goTo(pane, 'Een');
    expect(inputs(pane).map((i) => i.props.value)).toEqual(['', '']); // not on another koppelkans
    await goTo(pane, 'Twee');

    await typeIn(inputs(pane)[0], '7');
    await leave(inputs(pane)[0]);
    await settle();
    expect(wb.getCell(W, 'C7')).toBe(7);
    expect(wb.getCell(W, 'C6')).toBeNull();
    expect(wb.getCell(W, 'C8')).toBeNull();
    expect(storage.has(scopedKey(SCORE_DRAFTS_KEY, workbookScopeOf(wb)))).toBe(false);
    pane.unmount();
  });

  it('a valid score typed but not yet written when the pane closes comes back, marked unsaved, and is written on blur', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    let pane = await open(wb, storage);
    await goTo(pane, 'Drie');
    await typeIn(inputs(pane)[1], '-4'); // no blur: the pane closes while typing
    pane.unmount();
    expect(wb.getCell(W, 'D8')).toBeNull();

    pane = await open(wb, storage);
    await goTo(pane, 'Drie');
    expect(inputs(pane)[1].props.value).toBe('-4');
    expect(texts(pane.root())).toContain('Nog niet opgeslagen (bewaard op deze computer)');
    await leave(inputs(pane)[1]);
    await settle();
    expect(wb.getCell(W, 'D8')).toBe(-4);
    expect(storage.has(scopedKey(SCORE_DRAFTS_KEY, workbookScopeOf(wb)))).toBe(false);
    expect(texts(pane.root())).not.toContain('Nog niet opgeslagen');
    pane.unmount();
  });

  it('a written score whose cell a colleague changed meanwhile is still guarded after a reload (the draft keeps its base value)', async () => {
    const wb = await workbook();
    const storage = new Map<string, string>();
    let pane = await open(wb, storage);
    await goTo(pane, 'Een');
    await typeIn(inputs(pane)[0], '3');
    pane.unmount();
    // a colleague scores the same cell before the pane is opened again
    await wb.apply({ ops: [{ kind: 'setCells', sheet: W, cell: 'C6', cells: [[{ number: 9 }]] }] });

    pane = await open(wb, storage);
    expect(heading(pane)).toBe('Een');
    expect(inputs(pane)[0].props.value).toBe('3');
    await leave(inputs(pane)[0]);
    await settle();
    expect(wb.getCell(W, 'C6')).toBe(9); // not overwritten: the conflict is asked
    expect(pane.session().conflict).not.toBeNull();
    pane.unmount();
  });
});

/**
 * Regression: deselecting a koppelkans (or an opgave) in the Stap 2 pane removed its
 * werkblad row's product cells without a word when it had no scores and no notes, and a
 * remark the team typed right of Totalen stayed behind on the emptied row. Now the pane
 * asks first, naming sheet and cell and quoting the text; cancelling changes nothing,
 * confirming clears the row with the remark; a remark typed by a colleague after the pane
 * read the workbook refuses the write. Rendered over the pane's real session and one
 * memory workbook (react-test-renderer).
 */
import { useMemo } from 'react';
import { act, type ReactTestInstance } from 'react-test-renderer';
import { cellAddress } from '../../src/core/a1';
import { SHEET_NAMES } from '../../src/core/layout';
import { addNote } from '../../src/core/notes';
import { readStap2, selectKoppelkansEdit, TEAM_TEXT_GOES } from '../../src/core/stap2';
import type { WorkbookSession } from '../../src/taskpane/session';
import type { ConfirmRequest } from '../../src/taskpane/stappen/ConfirmDialog';
import { KoppelkansenPicker } from '../../src/taskpane/stappen/KoppelkansenPicker';
import { OpgavenPicker } from '../../src/taskpane/stappen/OpgavenPicker';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { renderPanes, settle, texts } from '../helpers/paneHarness';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const REMARK = 'Navragen bij de GGD wie dit betaalt';

function Pickers({ s, asked }: { s: WorkbookSession; asked: ConfirmRequest[] }) {
  const model = useMemo(() => (s.snapshot && s.analysis ? readStap2(s.snapshot, s.analysis) : null), [s.snapshot, s.analysis]);
  if (!model) return null;
  return (
    <>
      <OpgavenPicker session={s} model={model} confirm={(r) => asked.push(r)} />
      <KoppelkansenPicker session={s} model={model} confirm={(r) => asked.push(r)} />
    </>
  );
}

/** The longlist's first opgave with two of its koppelkansen (rows 6 and 7), the remark right of Totalen on row 6, and the pane over it. */
async function setup(remark = true) {
  const wb = await templateWorkbook('Oost');
  const entries = (await state(wb)).analysis.longlist.entries;
  const [first, second] = entries.filter((e) => e.opgave === entries[0].opgave);
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, first.opgave, first.koppelkans));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, second.opgave, second.koppelkans));
  const remarkCell = cellAddress(6, (await state(wb)).ctx.werkblad.layout.totalenColumn + 1);
  if (remark) await type(wb, remarkCell, REMARK);
  const asked: ConfirmRequest[] = [];
  const [pane] = await renderPanes(
    wb,
    1,
    (s) => <Pickers s={s} asked={asked} />,
    () => NOW,
  );
  const untickKoppelkans = (k: { opgave: string; koppelkans: string }) => untick(pane.root(), 'data-koppelkans', JSON.stringify([k.opgave, k.koppelkans]));
  return { wb, pane, asked, remarkCell, first, second, untickKoppelkans };
}

async function type(wb: MemoryWorkbook, cell: string, text: string) {
  await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell, cells: [[{ text }]] }] });
}

/** Unticks the checkbox whose data attribute `attr` is `value`. */
async function untick(root: ReactTestInstance, attr: string, value: string) {
  const box = root.findAll((n) => n.type === 'input' && n.props[attr] === value)[0];
  await act(async () => box.props.onChange({ target: { checked: false }, currentTarget: { checked: false } }));
  await settle();
}

describe('Stap 2 deselect with the team’s text on the row (regression: the remark right of Totalen stayed behind without a word)', () => {
  it('a koppelkans without scores but with a remark: the pane asks, naming sheet, cell and text; cancelling changes nothing', async () => {
    const t = await setup();
    await t.untickKoppelkans(t.first);
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0].title).toBe(`“${t.first.koppelkans}” weghalen?`);
    expect(t.asked[0].text).toBe(`Dan gaat jullie tekst in ${WS}!${t.remarkCell} (“${REMARK}”) verloren. ${TEAM_TEXT_GOES}`);
    // not confirmed (Annuleren): the row and the remark are as they were
    expect([t.wb.getCell(WS, 'B6'), t.wb.getCell(WS, t.remarkCell)]).toEqual([t.first.koppelkans, REMARK]);
    t.pane.unmount();
  });

  it('confirming clears the row with its remark, so no later koppelkans ends up beside it', async () => {
    const t = await setup();
    await t.untickKoppelkans(t.first);
    await act(async () => t.asked[0].onConfirm());
    await settle();
    expect([t.wb.getCell(WS, 'A6'), t.wb.getCell(WS, 'B6'), t.wb.getCell(WS, t.remarkCell)]).toEqual([null, null, null]);
    expect(t.wb.getCell(WS, 'B7')).toBe(t.second.koppelkans);
    t.pane.unmount();
  });

  it('a remark a colleague typed after the pane read the workbook: nothing is asked for it, so nothing is removed and the pane says why', async () => {
    const t = await setup(false);
    await type(t.wb, t.remarkCell, REMARK); // the pane has not heard of it yet
    await t.untickKoppelkans(t.first);
    expect(t.asked).toHaveLength(0);
    expect([t.wb.getCell(WS, 'B6'), t.wb.getCell(WS, t.remarkCell)]).toEqual([t.first.koppelkans, REMARK]);
    const warning = texts(t.pane.root()).match(/Intussen is er meer ingevuld[^.]*\./)?.[0];
    expect(warning).toBe(`Intussen is er meer ingevuld (jullie tekst in ${WS}!${t.remarkCell} (“${REMARK}”)).`);
    t.pane.unmount();
  });

  it('ticking a koppelkans never fills a row that still holds a remark (left there by an earlier version): the remark stays alone, the koppelkans goes below', async () => {
    const t = await setup();
    // row 6 emptied in A..Totalen as an earlier version did, its remark left behind
    await t.wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'A6', cells: [[{ clear: true }, { clear: true }]] }] });
    await t.pane.hear();
    const entries = (await state(t.wb)).analysis.longlist.entries;
    const third = entries.filter((e) => e.opgave === t.first.opgave)[2];
    const box = t.pane.root().findAll((n) => n.type === 'input' && n.props['data-koppelkans'] === JSON.stringify([third.opgave, third.koppelkans]))[0];
    await act(async () => box.props.onChange({ target: { checked: true }, currentTarget: { checked: true } }));
    await settle();
    expect([t.wb.getCell(WS, 'A6'), t.wb.getCell(WS, 'B6'), t.wb.getCell(WS, t.remarkCell)]).toEqual([null, null, REMARK]);
    expect([t.wb.getCell(WS, 'A8'), t.wb.getCell(WS, 'B8')]).toEqual([third.opgave, third.koppelkans]);
    t.pane.unmount();
  });

  it('deselecting the opgave asks with the remark of each of its rows, and confirming clears them', async () => {
    const t = await setup();
    const second = cellAddress(7, (await state(t.wb)).ctx.werkblad.layout.totalenColumn + 3);
    await type(t.wb, second, 'tweede');
    await t.pane.hear();
    await untick(t.pane.root(), 'data-opgave', t.first.opgave);
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0].text).toContain(`met jullie tekst in ${WS}!${t.remarkCell} (“${REMARK}”) en ${WS}!${second} (“tweede”).`);
    expect(t.asked[0].text).toContain(TEAM_TEXT_GOES);
    await act(async () => t.asked[0].onConfirm());
    await settle();
    expect([t.wb.getCell(WS, 'A6'), t.wb.getCell(WS, 'A7'), t.wb.getCell(WS, t.remarkCell), t.wb.getCell(WS, second)]).toEqual([null, null, null, null]);
    t.pane.unmount();
  });
});

describe('Stap 2 deselect with an Excel comment on the row (regression: the comment stayed on the emptied row without a word)', () => {
  it('the pane asks, listing the comment by sheet and cell; confirming clears the row and the comment stays on its cell, as the question said', async () => {
    const t = await setup(false);
    t.wb.addComment(WS, 'C6', 'Wie trekt dit?');
    await t.pane.hear();
    await t.untickKoppelkans(t.first);
    expect(t.asked).toHaveLength(1);
    expect(t.asked[0].text).toContain('Op de rij staat een opmerking of notitie van Excel.');
    expect(t.asked[0].list).toEqual([`Opmerking in ${WS}!C6 blijft op de rij staan: Wie trekt dit?`]);
    expect(t.wb.getCell(WS, 'B6')).toBe(t.first.koppelkans); // nothing changed before the answer
    await act(async () => t.asked[0].onConfirm());
    await settle();
    expect(t.wb.getCell(WS, 'B6')).toBeNull();
    expect(t.wb.getComments(WS)).toEqual([{ cell: 'C6', text: 'Wie trekt dit?' }]);
    t.pane.unmount();
  });

  it('a comment added after the question: confirming removes nothing and the pane names the cell', async () => {
    const t = await setup(false);
    t.wb.addComment(WS, 'C6', 'Wie trekt dit?');
    await t.pane.hear();
    await t.untickKoppelkans(t.first);
    t.wb.addComment(WS, 'D6', 'Nog een');
    await act(async () => t.asked[0].onConfirm());
    await settle();
    expect(t.wb.getCell(WS, 'B6')).toBe(t.first.koppelkans);
    expect(texts(t.pane.root())).toContain(`Intussen staat er ook een opmerking in ${WS}!D6 op de rij. Er is niets weggehaald`);
    t.pane.unmount();
  });
});

it('regression: deselecting the opgave names the comment on one of its rows too, and the comment stays on its cell', async () => {
  const t = await setup(false);
  t.wb.addComment(WS, 'B7', 'Met de wijkraad besproken');
  await t.pane.hear();
  await untick(t.pane.root(), 'data-opgave', t.first.opgave);
  expect(t.asked).toHaveLength(1);
  expect(t.asked[0].text).toBe(
    'Op het werkblad gaan dan de koppelkansen van deze opgave weg. Op de rij staat een opmerking of notitie van Excel. Die hoort bij haar cel, niet bij de koppelkans: ze blijft op de lege rij staan, en zolang ze daar staat, komt er geen andere koppelkans op die rij. Hoort ze bij deze koppelkans, verwijder of verplaats haar dan eerst in Excel.',
  );
  expect(t.asked[0].list).toEqual([`Opmerking in ${WS}!B7 blijft op de rij staan: Met de wijkraad besproken`]);
  await act(async () => t.asked[0].onConfirm());
  await settle();
  expect([t.wb.getCell(WS, 'A6'), t.wb.getCell(WS, 'B7')]).toEqual([null, null]);
  expect(t.wb.getComments(WS)).toEqual([{ cell: 'B7', text: 'Met de wijkraad besproken' }]);
  t.pane.unmount();
});

it('regression: a koppelkans typed again on a second row with a note about it was deselected without a question (its note counted 0 row by row); now the pane asks, and confirming clears both rows', async () => {
  const t = await setup(false);
  // the team typed the first koppelkans again in the grid (row 8), and the notulist wrote a note about it
  await t.wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: 'A8', cells: [[{ text: t.first.opgave }, { text: t.first.koppelkans }]] }] });
  const note = addNote(
    { author: 'An', step: 'Stap 3', koppelkans: t.first.koppelkans, factor: '', kind: 'discussie', text: 'Goed idee', verantwoordelijke: '', date: '' },
    NOW,
  );
  if (!note.ok) throw new Error(note.message);
  await t.wb.apply({ ops: note.ops });
  await t.pane.hear();
  await t.untickKoppelkans(t.first);
  expect(t.asked.map((q) => q.text)).toEqual([
    'Dan gaat 1 notitie verloren (de notities blijven op Notulen staan, maar horen dan niet meer bij een gekozen koppelkans).',
  ]);
  expect([t.wb.getCell(WS, 'B6'), t.wb.getCell(WS, 'B8')]).toEqual([t.first.koppelkans, t.first.koppelkans]);
  await act(async () => t.asked[0].onConfirm());
  await settle();
  expect([6, 8].map((r) => [t.wb.getCell(WS, `A${r}`), t.wb.getCell(WS, `B${r}`)])).toEqual([
    [null, null],
    [null, null],
  ]);
  expect(t.wb.getCell(WS, 'B7')).toBe(t.second.koppelkans);
  t.pane.unmount();
});

/**
 * Regression (issue 11): deselecting a koppelkans cleared its werkblad row but said nothing
 * of an Excel comment or note on the row's cells. Clearing leaves a comment on its cell in
 * every adapter, so it stayed on the emptied row and later sat beside the next koppelkans
 * put there. Now the deselect's loss names each comment on the row (`Loss.comments`, read
 * with the snapshot's definitions), the pane's question lists it, a comment added after the
 * question makes the deselect refuse, and where the adapter could not read comments the
 * question says so.
 */
import { cellAddress, columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { planWithEdit } from '../../src/core/plan';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { deselectKoppelkansEdit, selectKoppelkansEdit, stap2Context, type Loss } from '../../src/core/stap2';
import type { FreshState } from '../../src/taskpane/session';
import { deselectKoppelkans, deselectKoppelkansQuestion } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

/** Two koppelkansen of Gezondheid (rows 6 and 7), a score and a comment on row 6's D cell. */
async function workbook(): Promise<MemoryWorkbook> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
  wb.addComment(WS, `${D}6`, 'Navragen bij de GGD');
  wb.addComment(WS, `${D}7`, 'Over de andere rij');
  return wb;
}

function fresh(snapshot: WorkbookSnapshot): FreshState {
  const analysis = analyze(snapshot, { now: NOW });
  return { snapshot, analysis, notes: readNotes(snapshot), canShiftColumns: false };
}

function lossAt(snapshot: WorkbookSnapshot, row: number): Loss {
  const f = fresh(snapshot);
  const ctx = stap2Context(snapshot, f.analysis, f.notes);
  if ('message' in ctx) throw new Error(ctx.message);
  const r = deselectKoppelkansEdit(ctx, row);
  if (!r.ok || !r.loss) throw new Error('no loss');
  return r.loss;
}

describe('Excel comments on a deselected koppelkans’s row', () => {
  test('regression: the comment on the row was not named; it is, as staying on the row, and only that row’s', async () => {
    const wb = await workbook();
    const loss = lossAt(await wb.readSnapshot({ definitions: true }), 6);
    expect(loss).toEqual({ scores: 0, notes: 0, team: [], comments: [{ sheet: WS, cell: `${D}6`, text: 'Navragen bij de GGD', effect: 'stays' }] });
    const q = deselectKoppelkansQuestion('Meer groen', loss)!;
    expect(q.title).toBe('“Meer groen” weghalen?');
    expect(q.text).toBe(
      'Op de rij staat een opmerking of notitie van Excel. Die hoort bij haar cel, niet bij de koppelkans: ze blijft op de lege rij staan, en zolang ze daar staat, komt er geen andere koppelkans op die rij. Hoort ze bij deze koppelkans, verwijder of verplaats haar dan eerst in Excel.',
    );
    expect(q.list).toEqual([`Opmerking in ${WS}!${D}6 blijft op de rij staan: Navragen bij de GGD`]);
    // what the question says is what happens: the row is cleared, the comment stays on its cell
    const s = await wb.readSnapshot({ definitions: true });
    const built = deselectKoppelkans('Gezondheid', 'Meer groen', loss)(fresh(s));
    if (!built.ok) throw new Error(built.message);
    await wb.apply(planWithEdit(s, built.ops, { now: NOW }).plan);
    expect(wb.getCell(WS, 'B6')).toBeNull();
    expect(wb.getComments(WS)).toContainEqual({ cell: `${D}6`, text: 'Navragen bij de GGD' });
  });

  test('without a comment and nothing lost there is no question; read without definitions comments are not judged', async () => {
    const wb = await templateWorkbook('Testwijk');
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    expect(deselectKoppelkansQuestion('Meer groen', lossAt(await wb.readSnapshot({ definitions: true }), 6))).toBeNull();
    wb.addComment(WS, cellAddress(6, 1), 'Opgave');
    expect(lossAt(await wb.readSnapshot(), 6)).toEqual({ scores: 0, notes: 0, team: [] });
    expect(lossAt(await wb.readSnapshot({ definitions: true }), 6).comments).toEqual([{ sheet: WS, cell: 'A6', text: 'Opgave', effect: 'stays' }]);
  });

  test('a comment added after the question makes the deselect refuse, naming its cell; nothing is built', async () => {
    const wb = await workbook();
    const agreed = lossAt(await wb.readSnapshot({ definitions: true }), 6);
    wb.addComment(WS, 'B6', 'Net toegevoegd');
    const built = deselectKoppelkans('Gezondheid', 'Meer groen', agreed)(fresh(await wb.readSnapshot({ definitions: true })));
    expect(built).toEqual({
      ok: false,
      message: `Intussen staat er ook een opmerking in ${WS}!B6 op de rij. Er is niets weggehaald; kies opnieuw als het toch weg moet.`,
    });
  });

  test('where the adapter could not read comments and notes, a question asked for something else says so', async () => {
    const wb = await workbook();
    const s = await wb.readSnapshot({ definitions: true });
    const unreadable: WorkbookSnapshot = { ...s, definitions: { ...s.definitions!, comments: [], unread: ['comments', 'notes'] } };
    await wb.apply({ ops: [{ kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 4 }]] }] });
    const withScore = { ...unreadable, sheets: (await wb.readSnapshot()).sheets };
    const loss = lossAt(withScore, 6);
    expect(loss.commentsUnread).toEqual(['comments', 'notes']);
    expect(deselectKoppelkansQuestion('Meer groen', loss)!.text).toBe(
      'Dan gaat 1 score verloren. Opmerkingen in cellen en notities in cellen kan de add-in hier niet nalezen: kijk na het weghalen of die nog klopt.',
    );
  });
});

/**
 * Regression (issue 11): choosing a werkblad row for a new opgave or koppelkans reused a row
 * whose koppelkans had been deselected while an Excel comment stayed on one of its cells, so
 * the comment sat beside whatever came next. Every way the pane puts something on a row
 * (selecting an opgave, a koppelkans, an own koppelkans) now skips a row with a comment or
 * note, when the snapshot carries them (`SnapshotRequest.definitions`, which the pane's
 * select reads ask for: `PICK_READ`); the contract suite (tests/workbook/stap2Contract.ts)
 * runs the same through every adapter.
 */
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import { planWithEdit } from '../../src/core/plan';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { readStap2, selectOpgaveEdit, stap2Context } from '../../src/core/stap2';
import type { EditResult } from '../../src/core/edits';
import type { FreshState } from '../../src/taskpane/session';
import { addOwnKoppelkans, PICK_READ, selectKoppelkans } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { NOW, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;

function fresh(snapshot: WorkbookSnapshot): FreshState {
  return { snapshot, analysis: analyze(snapshot, { now: NOW }), notes: readNotes(snapshot), canShiftColumns: true };
}

/** As `session.applyEdit` with `PICK_READ`: a fresh read with definitions, the edit, the plan on top. */
async function pick(wb: MemoryWorkbook, build: (f: FreshState) => EditResult): Promise<void> {
  const snapshot = await wb.readSnapshot({ fresh: true, ...PICK_READ });
  const res = build(fresh(snapshot));
  if (!res.ok) throw new Error(res.message);
  await wb.apply(planWithEdit(snapshot, res.ops, { now: NOW }).plan);
}

const rowOf = (wb: MemoryWorkbook, r: number) => [wb.getCell(WS, `A${r}`), wb.getCell(WS, `B${r}`)];

describe('a werkblad row with an Excel comment is not chosen for a new opgave or koppelkans', () => {
  test('regression: an opgave, a koppelkans and an own koppelkans each go below the commented empty rows', async () => {
    const wb = await templateWorkbook('Testwijk');
    // comments left on empty rows 6 and 7 (as a deselect leaves them), on a score cell and past Totalen
    wb.addComment(WS, 'D6', 'Navragen bij de GGD');
    wb.addComment(WS, 'Z7', 'Over de vorige koppelkans');
    const first = await wb.readSnapshot({ definitions: true });
    expect(readStap2(first, analyze(first, { now: NOW }))!.freeRow).toBe(8);
    // read without the comments the engine cannot see them: row 6 looks free (the pane always reads them for a pick)
    expect(readStap2(await wb.readSnapshot(), analyze(await wb.readSnapshot(), { now: NOW }))!.freeRow).toBe(6);

    await pick(wb, (f) => {
      const ctx = stap2Context(f.snapshot, f.analysis, f.notes);
      if ('message' in ctx) throw new Error(ctx.message);
      return selectOpgaveEdit(ctx, 'Onderwijs');
    });
    await pick(wb, selectKoppelkans('Gezondheid', 'Meer groen'));
    await pick(wb, addOwnKoppelkans('Gezondheid', 'Buurtmoestuin', 'Samen tuinieren'));
    expect([rowOf(wb, 6), rowOf(wb, 7)]).toEqual([
      [null, null],
      [null, null],
    ]);
    expect([rowOf(wb, 8), rowOf(wb, 9), rowOf(wb, 10)]).toEqual([
      ['Onderwijs', null],
      ['Gezondheid', 'Meer groen'],
      ['Gezondheid', 'Buurtmoestuin'],
    ]);
    expect(wb.getComments(WS)).toEqual([
      { cell: 'D6', text: 'Navragen bij de GGD' },
      { cell: 'Z7', text: 'Over de vorige koppelkans' },
    ]);
  });

  test('an opgave row with a comment is not filled with its next koppelkans; one without is', async () => {
    const wb = await templateWorkbook('Testwijk');
    await pick(wb, (f) => {
      const ctx = stap2Context(f.snapshot, f.analysis, f.notes);
      if ('message' in ctx) throw new Error(ctx.message);
      return selectOpgaveEdit(ctx, 'Gezondheid');
    });
    wb.addComment(WS, 'B6', 'Was: Meer groen');
    await pick(wb, selectKoppelkans('Gezondheid', 'Meer groen'));
    expect([rowOf(wb, 6), rowOf(wb, 7)]).toEqual([
      ['Gezondheid', null],
      ['Gezondheid', 'Meer groen'],
    ]);
    // without the comment the opgave's own row is used, as before
    const other = await templateWorkbook('Testwijk');
    await pick(other, (f) => {
      const ctx = stap2Context(f.snapshot, f.analysis, f.notes);
      if ('message' in ctx) throw new Error(ctx.message);
      return selectOpgaveEdit(ctx, 'Gezondheid');
    });
    await pick(other, selectKoppelkans('Gezondheid', 'Meer groen'));
    expect(rowOf(other, 6)).toEqual(['Gezondheid', 'Meer groen']);
  });
});

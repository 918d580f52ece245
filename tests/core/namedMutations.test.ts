/**
 * Regression tests named after faults a mutation of the code showed no test would catch
 * (issue 14): each test here fails when that exact rule breaks.
 *  - Prioritering: a shrinking list must clear the rows it no longer uses.
 *  - Text safety: "(" and a leading space must keep typed text text.
 *  - WUP checklist: "late" starts the year AFTER the deadline year, not in it.
 *  - Overstap date edit: the written Excel serial is the same day, not one off.
 * Serial dates below are Excel's 1900 date system (Excel's documentation: 1 = 1900-01-01,
 * with the 1900 leap-year bug, so 61 = 1900-03-01); they are written out, not computed,
 * so the test does not share the code under test.
 */
import { analyze } from '../../src/core/analyze';
import { checklistDateEdit, prioriteringEdit } from '../../src/core/edits';
import { CHECKLIST, PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { findPrioSheet } from '../../src/core/prioritering';
import { parseEntry, toEntryText } from '../../src/core/textSafety';
import { newWorkbookPlan } from '../../src/core/template';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

const NOW = new Date('2026-11-28T10:00:00Z');
const DATE_CELL = `${String.fromCharCode(64 + CHECKLIST.valueColumn)}${CHECKLIST.dateRow}`;

async function templateWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  await wb.apply(newWorkbookPlan({ wijk: 'Test', now: NOW, factors: ['F1', 'F2'] }).plan);
  return wb;
}

describe('Prioritering: a shrinking list leaves no old rows', () => {
  it('five entries become two: rows 3–5 are empty in the team columns and the pane reads back exactly two', async () => {
    const wb = await templateWorkbook();
    const five = ['Een', 'Twee', 'Drie', 'Vier', 'Vijf'];
    await wb.apply({
      ops: [
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.prioritering,
          cell: `A${PRIORITERING.firstRow}`,
          cells: five.map((k, i) => [{ number: i + 1 }, { text: k }, { text: `omdat ${k}` }, { text: `wie ${k}` }]),
        },
      ],
    });
    const snapshot = await wb.readSnapshot();
    const a = analyze(snapshot, { now: NOW });
    expect(a.prioritering!.entries.map((e) => e.koppelkans)).toEqual(five);
    const edit = prioriteringEdit(a.prioritering!.layout, findPrioSheet(snapshot), [
      { koppelkans: 'Vier', omdat: 'nu eerst', verantwoordelijke: 'Ans' },
      { koppelkans: 'Een', omdat: '', verantwoordelijke: '' },
    ]);
    if (!edit.ok) throw new Error(edit.message);
    await wb.apply({ ops: edit.ops });
    for (let r = PRIORITERING.firstRow + 2; r < PRIORITERING.firstRow + 5; r++) {
      expect(['A', 'B', 'C', 'D'].map((col) => wb.getCell(SHEET_NAMES.prioritering, `${col}${r}`))).toEqual([null, null, null, null]);
    }
    const after = analyze(await wb.readSnapshot(), { now: NOW }).prioritering!;
    expect(after.entries.map((e) => [e.place, e.koppelkans, e.omdat, e.verantwoordelijke])).toEqual([
      [1, 'Vier', 'nu eerst', 'Ans'],
      [2, 'Een', '', ''],
    ]);
  });

  it('an empty list clears every row the sheet had', async () => {
    const wb = await templateWorkbook();
    await wb.apply({
      ops: [{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `A${PRIORITERING.firstRow}`, cells: [[{ number: 1 }, { text: 'Een' }]] }],
    });
    const snapshot = await wb.readSnapshot();
    const layout = analyze(snapshot, { now: NOW }).prioritering!.layout;
    const edit = prioriteringEdit(layout, findPrioSheet(snapshot), []);
    if (!edit.ok) throw new Error(edit.message);
    await wb.apply({ ops: edit.ops });
    expect(wb.getCell(SHEET_NAMES.prioritering, `B${PRIORITERING.firstRow}`)).toBeNull();
    expect(analyze(await wb.readSnapshot(), { now: NOW }).prioritering!.entries).toEqual([]);
  });
});

describe('text safety: "(" and a leading space keep text text', () => {
  // Excel reads "(1)" as −1 (accounting notation) and trims a leading space before it
  // recognises a number, so these need the apostrophe prefix.
  it.each(['(1)', '(12,5)', '(3.5)', ' (1)', ' -5', ' +7', ' 12', ' 1/2', ' 50%', ' waar', ' 1e3'])('%j stays the same text after entry', (text) => {
    expect(parseEntry(toEntryText(text))).toEqual({ kind: 'text', value: text });
  });

  it('plain words, including ones with "(" inside, are not prefixed', () => {
    expect(toEntryText('Warmtenet (fase 1)')).toBe('Warmtenet (fase 1)');
    expect(toEntryText('Geveltuinen')).toBe('Geveltuinen');
  });
});

describe('WUP checklist: "late" from the year after the deadline year (8-year rule)', () => {
  // overstap 31-12-2030 (serial 47848): the WUP must be adopted in 2022 at the latest
  async function checklistAt(now: string) {
    const wb = await templateWorkbook();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: DATE_CELL, cells: [[{ number: 47848 }]] }] });
    const a = analyze(await wb.readSnapshot(), { now: new Date(now) });
    return { c: a.checklist!, codes: a.problems.map((p) => p.code).filter((c) => c.startsWith('CHECKLIST_')) };
  }

  it('on the last day of the deadline year it is not late yet (23:59 on the Dutch clock)', async () => {
    const { c, codes } = await checklistAt('2022-12-31T22:59:00Z');
    expect(c).toMatchObject({ overstapYear: 2030, deadlineYear: 2022, late: false });
    expect(codes).toContain('CHECKLIST_DEADLINE');
    expect(codes).not.toContain('CHECKLIST_LATE');
  });

  it('in the first hour of the next year on the Dutch clock it is late, as TODAY() in a Dutch Excel says (still 31 December in UTC)', async () => {
    const { c, codes } = await checklistAt('2022-12-31T23:30:00Z');
    expect(c).toMatchObject({ deadlineYear: 2022, late: true });
    expect(codes).toContain('CHECKLIST_LATE');
  });

  it('on the first day of the next year it is late', async () => {
    const { c, codes } = await checklistAt('2023-01-01T00:30:00Z');
    expect(c).toMatchObject({ deadlineYear: 2022, late: true });
    expect(codes).toContain('CHECKLIST_LATE');
    expect(codes).not.toContain('CHECKLIST_DEADLINE');
  });
});

describe('overstap date edit: the same day, not one off', () => {
  it.each([
    ['1900-03-01', 61],
    ['2000-01-01', 36526],
    ['2024-02-29', 45351],
    ['2025-01-01', 45658],
    ['2030-12-31', 47848],
  ])('%s is Excel serial %d', async (iso, serial) => {
    const wb = await templateWorkbook();
    const st = analyze(await wb.readSnapshot(), { now: NOW }).checklist!;
    const edit = checklistDateEdit(st, iso);
    expect(edit).toMatchObject({ ok: true, ops: [{ kind: 'setCells', cell: DATE_CELL, cells: [[{ number: serial }]] }] });
  });

  it('the year read back is the year typed, also on 31 December and 1 January', async () => {
    for (const [iso, year] of [
      ['2030-12-31', 2030],
      ['2031-01-01', 2031],
    ] as const) {
      const wb = await templateWorkbook();
      const edit = checklistDateEdit(analyze(await wb.readSnapshot(), { now: NOW }).checklist!, iso);
      if (!edit.ok) throw new Error(edit.message);
      await wb.apply({ ops: edit.ops });
      expect(analyze(await wb.readSnapshot(), { now: NOW }).checklist!.overstapYear).toBe(year);
    }
  });
});

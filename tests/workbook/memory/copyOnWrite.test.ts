/**
 * The memory adapter copies only what a plan writes (rows of the sheets it names) and
 * reuses the snapshots of what did not change; these tests check that nothing read
 * earlier changes underneath, and that every change is seen by the next read.
 */
import { MemoryWorkbook } from '../../../src/workbook/memory/MemoryWorkbook';
import { WorkbookError } from '../../../src/workbook/errors';

function book(): MemoryWorkbook {
  return MemoryWorkbook.fromGrid({
    Scores: [
      ['naam', 'score'],
      ['a', 1],
      ['b', 2],
    ],
    Andere: [['x']],
  });
}

describe('memory workbook: copy on write', () => {
  it('a snapshot read before an apply keeps its values after it', async () => {
    const wb = book();
    const before = await wb.readSnapshot();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Scores', cell: 'B2', cells: [[{ number: 9 }]] }] });
    const after = await wb.readSnapshot();
    expect(before.sheets[0].values[1]).toEqual(['a', 1]);
    expect(after.sheets[0].values[1]).toEqual(['a', 9]);
    // rows and sheets the plan did not write are the same objects as before (nothing copied, nothing rebuilt)
    expect(after.sheets[0].values[2]).toBe(before.sheets[0].values[2]);
    expect(after.sheets[1]).toBe(before.sheets[1]);
  });

  it('a plan that fails half-way leaves every sheet as it was', async () => {
    const wb = book();
    const before = await wb.readSnapshot();
    await expect(
      wb.apply({
        ops: [
          { kind: 'setCells', sheet: 'Scores', cell: 'B2', cells: [[{ number: 7 }]] },
          { kind: 'setStyle', sheet: 'Scores', range: 'A1:B1', style: { bold: true } },
          { kind: 'setCells', sheet: 'Bestaat niet', cell: 'A1', cells: [[{ number: 1 }]] },
        ],
      }),
    ).rejects.toBeInstanceOf(WorkbookError);
    expect(wb.getCell('Scores', 'B2')).toBe(1);
    expect(wb.getStyle('Scores', 'A1')).toEqual({});
    expect((await wb.readSnapshot()).sheets).toEqual(before.sheets);
  });

  it('a copy made with clone() does not see later applies, and the original not the copy’s', async () => {
    const wb = book();
    const copy = wb.clone();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Scores', cell: 'B3', cells: [[{ number: 5 }]] }] });
    await copy.apply({ ops: [{ kind: 'setStyle', sheet: 'Scores', range: 'A2', style: { bold: true } }] });
    expect(copy.getCell('Scores', 'B3')).toBe(2);
    expect(wb.getCell('Scores', 'B3')).toBe(5);
    expect(wb.getStyle('Scores', 'A2')).toEqual({});
  });

  it('changes made outside a plan (test helpers) are seen by the next read', async () => {
    const wb = book();
    await wb.readSnapshot();
    wb.setCell('Scores', 'B2', 4);
    expect((await wb.readSnapshot()).sheets[0].values[1]).toEqual(['a', 4]);
    wb.mergeCells('Scores', 'A3:B3');
    const merged = await wb.readSnapshot();
    expect(merged.sheets[0].values[2]).toEqual(['b']);
    expect(merged.sheets[0].merges).toEqual(['A3:B3']);
    wb.protectSheet('Andere');
    expect((await wb.readSnapshot()).sheets[1].protection?.protected).toBe(true);
  });

  it('two applies in a row each keep the other rows they did not write', async () => {
    const wb = book();
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Scores', cell: 'B2', cells: [[{ number: 3 }]] }] });
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Scores', cell: 'B3', cells: [[{ clear: true }]] }] });
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Scores', cell: 'A4', cells: [[{ text: 'c' }, { number: -2 }]] }] });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([['naam', 'score'], ['a', 3], ['b'], ['c', -2]]);
  });
});

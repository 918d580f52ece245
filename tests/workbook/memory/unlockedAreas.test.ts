/**
 * Whole columns a team unlocked in Excel (Celeigenschappen > Bescherming), as the preview's
 * memory copy of an opened file gets them (`unlockRange` with "A1:D1048576"): kept as one
 * area, read back as the same range, cut where a plan sets a lock state, and guarded like
 * any unlocked cell once the sheet is protected.
 */
import { MemoryWorkbook } from '../../../src/workbook/memory/MemoryWorkbook';

function book(): MemoryWorkbook {
  return MemoryWorkbook.fromGrid({ Blad: [['Opgave', 'Koppelkans', 'Score']] });
}

const unlockedOf = async (wb: MemoryWorkbook) => (await wb.readSnapshot()).sheets[0].protection?.unlocked;

test('regression: whole unlocked columns read back as one range, and a cell unlocked before takes the area’s state', async () => {
  const wb = book();
  wb.unlockRange('Blad', 'C5');
  wb.unlockRange('Blad', 'A1:D1048576');
  expect(await unlockedOf(wb)).toEqual(['A1:D1048576']);
  expect(wb.getStyle('Blad', 'C5')).toEqual({ locked: false });
  expect(wb.getStyle('Blad', 'D1048576')).toEqual({ locked: false });
  expect(wb.getStyle('Blad', 'E1')).toEqual({});
});

test('a lock state a plan sets inside an unlocked area cuts it out of the area; the rest stays unlocked', async () => {
  const wb = book();
  wb.unlockRange('Blad', 'A1:D1048576');
  await wb.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'B7', style: { locked: true } }] });
  expect(wb.getStyle('Blad', 'B7')).toEqual({}); // locked: Excel's default, so no style of its own
  expect(wb.getStyle('Blad', 'A7')).toEqual({ locked: false });
  expect(await unlockedOf(wb)).toEqual(['A1:D6', 'A8:D1048576', 'A7', 'C7:D7']);
  // a format without a lock state leaves the area whole
  const other = book();
  other.unlockRange('Blad', 'A1:D1048576');
  await other.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'B7', style: { bold: true } }] });
  expect(await unlockedOf(other)).toEqual(['A1:D1048576']);
  expect(other.getStyle('Blad', 'B7')).toEqual({ bold: true, locked: false });
});

test('on the protected sheet, writes inside the unlocked columns land and writes beside them are refused in Dutch', async () => {
  const wb = book();
  wb.unlockRange('Blad', 'A1:D1048576');
  await wb.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'B7', style: { locked: true } }] });
  wb.protectSheet('Blad');
  await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'C5000', cells: [[{ number: 5 }]] }] });
  expect(wb.getCell('Blad', 'C5000')).toBe(5);
  await expect(wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'B7', cells: [[{ number: 1 }]] }] })).rejects.toThrow('Blad "Blad" is beveiligd');
  await expect(wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'E2', cells: [[{ number: 1 }]] }] })).rejects.toThrow('Blad "Blad" is beveiligd');
  // and a copy keeps the areas apart from the original
  const copy = wb.clone();
  copy.unprotectSheet('Blad');
  await copy.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'A1:D1', style: { locked: true } }] });
  expect(await unlockedOf(wb)).toEqual(['A1:D6', 'A8:D1048576', 'A7', 'C7:D7']);
});

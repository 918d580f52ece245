/** The LibreOffice trap, proven: without the forced profile the cached 999 comes back. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { hasLibreOffice, recalculateXlsx } from './libreoffice';

const available = hasLibreOffice();
if (!available && process.env.CI) throw new Error('LibreOffice is required in CI (scripts/setup.sh installs it)');
const maybe = available ? test : test.skip;

function result(v: ExcelJS.CellValue): unknown {
  return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
}

maybe('forced recalculation computes formulas; the default profile exports the stale cached value', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-lo-'));
  const file = path.join(dir, 'trap.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = 2;
  ws.getCell('A2').value = 3;
  ws.getCell('A3').value = { formula: 'A1*A2', result: 999 } as ExcelJS.CellFormulaValue;
  ws.getCell('A4').value = { formula: 'SUMPRODUCT(A1:A2,A1:A2)', result: 999 } as ExcelJS.CellFormulaValue;
  ws.getCell('A5').value = { formula: '_xlfn.AGGREGATE(15,6,A1:A2/(A1:A2>2),1)', result: 999 } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(file);

  const read = async (p: string) => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(p);
    const s = x.getWorksheet('S')!;
    return ['A3', 'A4', 'A5'].map((a) => result(s.getCell(a).value));
  };
  expect(await read(await recalculateXlsx(file, path.join(dir, 'forced')))).toEqual([6, 13, 3]);
  expect((await read(await recalculateXlsx(file, path.join(dir, 'default'), { forceRecalc: false })))[0]).toBe(999);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120000);

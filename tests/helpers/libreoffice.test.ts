/**
 * The LibreOffice trap, proven: with the forced profile every formula is computed; with
 * LibreOffice's defaults the stale cached results (999) of an ExcelJS-written file come
 * back unchanged. In CI (CI set) a missing LibreOffice fails the run instead of skipping.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { hasLibreOffice, recalculateXlsx } from './libreoffice';

const available = hasLibreOffice();
const inCI = Boolean(process.env.CI);
const maybe = available ? describe : describe.skip;

test('LibreOffice is installed where the cross-check must run (CI)', () => {
  if (inCI) expect({ libreOfficeOnPath: available }).toEqual({ libreOfficeOnPath: true });
});

const STALE = 999;
const A1 = 2;
const A2 = 3;
// The true values, computed here independently of any spreadsheet.
const PRODUCT = A1 * A2;
const SUM_OF_SQUARES = A1 * A1 + A2 * A2;
const SMALLEST_ABOVE_2 = Math.min(...[A1, A2].filter((v) => v > 2));

type Formula = { formula?: string; result?: unknown };
function cell(v: ExcelJS.CellValue): Formula {
  return v && typeof v === 'object' && 'formula' in v ? v : { result: v };
}
function isError(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'error' in result;
}

maybe('recalculateXlsx', () => {
  let dir: string;
  let input: string;

  async function readBack(file: string): Promise<Record<string, Formula>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('S')!;
    return Object.fromEntries(['A3', 'A4', 'A5', 'A6'].map((a) => [a, cell(ws.getCell(a).value)]));
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-lo-test-'));
    input = path.join(dir, 'trap.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = A1;
    ws.getCell('A2').value = A2;
    const f = (formula: string): ExcelJS.CellFormulaValue => ({ formula, result: STALE, date1904: false });
    ws.getCell('A3').value = f('A1*A2');
    ws.getCell('A4').value = f('SUMPRODUCT(A1:A2,A1:A2)');
    // AGGREGATE is an Excel 2010 "future function": OOXML stores it as _xlfn.AGGREGATE.
    ws.getCell('A5').value = f('_xlfn.AGGREGATE(15,6,A1:A2/(A1:A2>2),1)');
    // The same formula without the prefix, to record how LibreOffice reads it.
    ws.getCell('A6').value = f('AGGREGATE(15,6,A1:A2/(A1:A2>2),1)');
    await wb.xlsx.writeFile(input);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('with the forced profile, formulas with stale cached results are computed', async () => {
    const out = await recalculateXlsx(input, path.join(dir, 'forced'));
    expect(out).toBe(path.join(dir, 'forced', 'trap.xlsx'));
    const c = await readBack(out);
    expect(c.A3.result).toBe(PRODUCT);
    expect(c.A4.result).toBe(SUM_OF_SQUARES);
    expect(c.A5.result).toBe(SMALLEST_ABOVE_2);
    // LibreOffice writes the prefix back, so Excel reads the file as AGGREGATE again.
    expect(c.A5.formula).toBe('_xlfn.AGGREGATE(15,6,A1:A2/(A1:A2>2),1)');
    // Unprefixed, LibreOffice 7.4 does not know the name: it keeps it as an unknown
    // function (written back as lowercase `aggregate(`) and the cell is an error
    // (#VALUE! here, #NAME? for plain arguments). So the xlsx adapter must write _xlfn.
    expect(isError(c.A6.result)).toBe(true);
    expect(c.A6.formula).not.toMatch(/^_xlfn\./);
  });

  test('without the forced profile the stale cached results come back (the trap)', async () => {
    const c = await readBack(await recalculateXlsx(input, path.join(dir, 'default'), { forceRecalc: false }));
    expect([c.A3.result, c.A4.result, c.A5.result]).toEqual([STALE, STALE, STALE]);
  });

  test('refuses to overwrite its input', async () => {
    await expect(recalculateXlsx(input, dir)).rejects.toThrow(/overwrite its input/);
  });

  test('a conversion that runs past the timeout is stopped with a clear error', async () => {
    await expect(recalculateXlsx(input, path.join(dir, 'slow'), { timeoutMs: 50 })).rejects.toThrow(/did not finish .* within 0.05 s/);
  });

  test('a file that is not a workbook gives a clear error', async () => {
    const bogus = path.join(dir, 'bogus.xlsx');
    fs.writeFileSync(bogus, 'not a zip');
    await expect(recalculateXlsx(bogus, path.join(dir, 'bogus'))).rejects.toThrow(/LibreOffice/);
  });
});

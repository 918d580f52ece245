/**
 * The bench's recalculation timer (scripts/bench/support/recalcTiming.ts): one LibreOffice
 * runs the StarBasic macro from its temporary profile, counts the formula cells left after
 * freezing the other sheets, times each calculateAll() and the save, and reports a file it
 * cannot open as an error. No timing is asserted, only that figures come back for every job.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { hasLibreOffice } from '../helpers/libreoffice';
import { timeRecalculation } from '../../scripts/bench/support/recalcTiming';

const maybe = hasLibreOffice() ? describe : describe.skip;

maybe('timeRecalculation', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-recalc-timing-'));
    file = path.join(dir, 'small.xlsx');
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Eerste');
    a.getCell('A1').value = 2;
    a.getCell('A2').value = { formula: 'A1*3', result: 6 };
    a.getCell('A3').value = { formula: 'A2+1', result: 7 };
    const b = wb.addWorksheet('Tweede blad');
    b.getCell('A1').value = { formula: "'Eerste'!A3*2", result: 14 };
    await wb.xlsx.writeFile(file);
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('times every job in one LibreOffice run; onlySheet leaves that sheet’s formulas; a missing file is an error', async () => {
    const before = fs.readFileSync(file);
    const [all, only, saved, batched] = await timeRecalculation(
      [
        { file, repeats: 2 },
        { file, repeats: 1, onlySheet: 'Tweede blad' },
        { file, repeats: 1, save: true },
        { file, repeats: 2, batch: 4 },
      ],
      240_000,
    );
    expect(all.formulaCells).toBe(3);
    expect(all.runs).toHaveLength(2);
    expect(only.formulaCells).toBe(1);
    expect(only.runs).toHaveLength(1);
    // a batch of calculateAll() calls is one run, reported per call: the CPU clock's 10 ms step ÷ 4
    expect(batched.runs).toHaveLength(2);
    expect(all.cpuStepMs).toBe(10);
    expect(batched.cpuStepMs).toBe(2.5);
    for (const r of batched.runs) expect((r.cpuMs / 2.5) % 1).toBe(0);
    for (const t of [...all.runs, all.load, saved.save]) {
      expect(t.wallMs).toBeGreaterThanOrEqual(0);
      expect(t.cpuMs).toBeGreaterThanOrEqual(0);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true); // saving goes to a temporary file, never over the input
    await expect(timeRecalculation([{ file: path.join(dir, 'bestaat-niet.xlsx'), repeats: 1 }], 240_000)).rejects.toThrow(/could not time/);
  }, 600_000);
});

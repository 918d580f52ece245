import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { XlsxWorkbook, inspectUnsupported } from '../../src/workbook/xlsx/XlsxWorkbook';
import { contractSuite } from './contract';

contractSuite({
  name: 'xlsx',
  create: async () => XlsxWorkbook.create(),
  reopen: async (wb) => XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer()),
});

describe('xlsx specifics', () => {
  test('functions newer than Excel 2007 are stored with _xlfn. and read back without it; no cached result is written', async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'S' }, { kind: 'setCells', sheet: 'S', cell: 'A1', cells: [[{ formula: '=AGGREGATE(15,6,B1:B3,1)' }, { formula: '=SUM(B1:B3)' }]] }] });
    const bytes = await wb.toBuffer();
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<f>_xlfn.AGGREGATE(15,6,B1:B3,1)</f>');
    expect(xml).toContain('<f>SUM(B1:B3)</f>');
    expect(xml).not.toMatch(/<\/f><v>/);
    const back = await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot();
    expect(back.sheets[0].formulas![0][0]).toBe('=AGGREGATE(15,6,B1:B3,1)');
  });

  test('atomic write leaves no temporary file and replaces the target', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-atomic-'));
    const file = path.join(dir, 'out.xlsx');
    fs.writeFileSync(file, 'oud');
    const wb = XlsxWorkbook.create();
    await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'S' }] });
    await wb.writeFileAtomic(file);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
    expect((await (await XlsxWorkbook.fromFile(file)).readSnapshot()).sheets[0].name).toBe('S');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('parts ExcelJS cannot carry over are listed in Dutch', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/charts/chart1.xml', '<c/>');
    zip.file('xl/vbaProject.bin', 'x');
    zip.file('xl/pivotTables/pivotTable1.xml', '<p/>');
    const found = await inspectUnsupported(await zip.generateAsync({ type: 'uint8array' }));
    expect(found).toEqual(expect.arrayContaining(['grafieken', "macro's (VBA)", 'draaitabellen']));
    const clean = XlsxWorkbook.create();
    await clean.apply({ ops: [{ kind: 'addSheet', sheet: 'S' }] });
    expect(await inspectUnsupported(await clean.toBuffer())).toEqual([]);
  });

  test('sheet names longer than 31 characters are refused, not silently cut', async () => {
    const wb = XlsxWorkbook.create();
    await expect(wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Overzicht opgaven en koppelkansen' }] })).rejects.toThrow(/31/);
  });
});

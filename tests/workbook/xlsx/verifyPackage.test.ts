import JSZip from 'jszip';
import { verifyPackage } from '../../../src/workbook/xlsx/package/verify';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';

async function smallWorkbook(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Blad1' },
      { kind: 'setCells', sheet: 'Blad1', cell: 'A1', cells: [[{ text: 'x' }, { formula: '=1+1', result: 2 }]] },
    ],
  });
  return wb.toBuffer();
}

async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('verifyPackage: the light check before a written file is put in place', () => {
  test('a workbook written by the adapter passes', async () => {
    await expect(verifyPackage(await smallWorkbook())).resolves.toBeUndefined();
  });

  test('a truncated file is refused', async () => {
    const bytes = await smallWorkbook();
    await expect(verifyPackage(bytes.subarray(0, Math.floor(bytes.length / 2)))).rejects.toThrow();
  });

  test('a damaged byte inside a compressed part is refused', async () => {
    const bytes = (await smallWorkbook()).slice();
    const zip = await JSZip.loadAsync(bytes);
    const sheet = Object.keys(zip.files).find((p) => p.startsWith('xl/worksheets/sheet'))!;
    // the local header of the sheet part, then a byte in its compressed data
    const at = Buffer.from(bytes).indexOf(Buffer.from(sheet)) + sheet.length + 10;
    bytes[at] ^= 0xff;
    await expect(verifyPackage(bytes)).rejects.toThrow();
  });

  test('a malformed sheet part is refused, naming the part', async () => {
    const bytes = await edited(await smallWorkbook(), (zip) => {
      zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"></sheetData></worksheet>');
    });
    await expect(verifyPackage(bytes)).rejects.toThrow(/xl\/worksheets\/sheet1\.xml/);
  });

  test('a sheet whose part is missing is refused', async () => {
    const bytes = await edited(await smallWorkbook(), (zip) => {
      zip.remove('xl/worksheets/sheet1.xml');
    });
    await expect(verifyPackage(bytes)).rejects.toThrow(/Blad1/);
  });

  test('a package without content types is refused', async () => {
    const bytes = await edited(await smallWorkbook(), (zip) => {
      zip.remove('[Content_Types].xml');
    });
    await expect(verifyPackage(bytes)).rejects.toThrow(/Content_Types/);
  });
});

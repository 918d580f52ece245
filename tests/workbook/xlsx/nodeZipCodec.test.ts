/**
 * The Node zlib codec (src/workbook/xlsx/package/nodeZipCodec.ts) reaches into JSZip 3.10:
 * a loaded entry's CompressedObject and `zip.file(path, compressedObject)`. These tests
 * fail when a JSZip update changes either, and check that what it writes reads back the
 * same through JSZip's own code and through ExcelJS.
 */
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { nodeZipCodec } from '../../../src/workbook/xlsx/package/nodeZipCodec';
import { patchPackage } from '../../../src/workbook/xlsx/package/patchPackage';
import { jszipCodec } from '../../../src/workbook/xlsx/package/zipCodec';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';

async function sourceWorkbook(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Werkblad' },
      { kind: 'setCells', sheet: 'Werkblad', cell: 'A1', cells: [[{ text: 'Opgave één' }, { number: 3 }, { formula: '=B1*2', result: 6 }]] },
    ],
  });
  return wb.toBuffer();
}

describe('nodeZipCodec: parts read and written with Node’s zlib inside a JSZip package', () => {
  test('a loaded entry is inflated natively (its CompressedObject is still where the codec looks) and equals JSZip’s own reading', async () => {
    const zip = await JSZip.loadAsync(await sourceWorkbook());
    const path = Object.keys(zip.files).find((p) => p.startsWith('xl/worksheets/sheet'))!;
    const data = (zip.file(path) as unknown as { _data: { compressedContent: unknown; crc32: number } })._data;
    expect(data.compressedContent).toBeInstanceOf(Uint8Array);
    expect(typeof data.crc32).toBe('number');
    expect(await nodeZipCodec.readText(zip, path)).toBe(await jszipCodec.readText(zip, path));
    expect(Buffer.from(await nodeZipCodec.readBytes(zip, path)).equals(Buffer.from(await zip.file(path)!.async('uint8array')))).toBe(true);
  });

  test('a written part is stored as compressed already (JSZip does not deflate it again) and reads back the same, CRC-32 checked', async () => {
    const zip = await JSZip.loadAsync(await sourceWorkbook());
    const text = `<?xml version="1.0" encoding="UTF-8"?><x>${'één ✓ '.repeat(5000)}</x>`;
    nodeZipCodec.writeText(zip, 'xl/custom.xml', text);
    expect((zip.file('xl/custom.xml') as unknown as { _data: unknown })._data).toBeInstanceOf(require('jszip/lib/compressedObject'));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const again = await JSZip.loadAsync(bytes, { checkCRC32: true });
    // the entry's data is zlib's deflate as it was put in, not deflated again by JSZip
    const stored = (again.file('xl/custom.xml') as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
    expect(Buffer.from(stored).equals(zlib.deflateRawSync(Buffer.from(text, 'utf8'), { level: 6 }))).toBe(true);
    expect(await again.file('xl/custom.xml')!.async('string')).toBe(text);
    expect(await nodeZipCodec.readText(again, 'xl/custom.xml')).toBe(text);
  });

  test('a patch written with Node’s zlib gives the same parts as one written with JSZip’s, and ExcelJS reads it', async () => {
    const source = await sourceWorkbook();
    const ops = [
      { kind: 'setCells' as const, sheet: 'Werkblad', cell: 'A2', cells: [[{ text: 'nieuw' }, { number: 4 }, { formula: '=B2*2', result: 8 }]] },
      { kind: 'addSheet' as const, sheet: 'Lijsten', hidden: true },
      { kind: 'setCells' as const, sheet: 'Lijsten', cell: 'A1', cells: [[{ text: 'Opgave één' }]] },
    ];
    const native = await patchPackage(source, ops, nodeZipCodec);
    const own = await patchPackage(source, ops);
    const a = await JSZip.loadAsync(native.bytes, { checkCRC32: true });
    const b = await JSZip.loadAsync(own.bytes, { checkCRC32: true });
    expect(Object.keys(a.files).sort()).toEqual(Object.keys(b.files).sort());
    for (const p of Object.keys(b.files)) if (!b.files[p].dir) expect(await a.file(p)!.async('string')).toBe(await b.file(p)!.async('string'));
    const wb = await XlsxWorkbook.fromBuffer(native.bytes);
    expect(wb.getCell('Werkblad', 'A2')).toBe('nieuw');
    expect(wb.getFormula('Werkblad', 'C2')).toBe('=B2*2');
    expect(wb.getCell('Lijsten', 'A1')).toBe('Opgave één');
  });
});

import JSZip from 'jszip';
import * as yauzl from 'yauzl';
import { verifyPackage } from '../../../src/workbook/xlsx/package/verify';
import { readWithNodeZlib, ZipParts } from '../../../src/workbook/xlsx/package/zipParts';

/** A zip of `parts` (deflated unless named in `stored`), written by JSZip: an independent writer. */
async function zipOf(parts: Record<string, string>, stored: string[] = []): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, text] of Object.entries(parts)) zip.file(path, text, { compression: stored.includes(path) ? 'STORE' : 'DEFLATE', createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Per entry of `bytes`, in archive order: name, method, CRC-32 and the data exactly as stored (yauzl, raw). */
async function rawEntries(bytes: Uint8Array): Promise<{ name: string; method: number; crc: number; raw: string }[]> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true, autoClose: false });
  const out: { name: string; method: number; crc: number; raw: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, { decodeFileData: false } as yauzl.ZipFileOptions, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          out.push({ name: entry.fileName, method: entry.compressionMethod, crc: entry.crc32, raw: Buffer.concat(chunks).toString('hex') });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return out;
}

const PARTS = {
  '[Content_Types].xml': '<Types/>',
  'xl/worksheets/sheet1.xml': `<worksheet>${'<row/>'.repeat(2000)}</worksheet>`,
  'xl/media/image1.png': 'not really a png',
  'xl/sharedStrings.xml': '<sst>één ß 😀</sst>',
};

describe('ZipParts: the package zip on Node zlib (the command line patch)', () => {
  test('a package written without a change keeps every entry: name, order, method, CRC-32 and compressed bytes', async () => {
    const bytes = await zipOf(PARTS, ['xl/media/image1.png']);
    const parts = await ZipParts.read(bytes);
    expect(await rawEntries(await parts.toBytes())).toEqual(await rawEntries(bytes));
  });

  test('a changed part reads back as its new text (UTF-8, CRC-32 checked by JSZip); the others keep their bytes', async () => {
    const bytes = await zipOf(PARTS);
    const parts = await readWithNodeZlib(bytes);
    parts.set('xl/sharedStrings.xml', '<sst>nieuw: één 😀</sst>');
    const out = await parts.toBytes();
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(await back.file('xl/sharedStrings.xml')!.async('string')).toBe('<sst>nieuw: één 😀</sst>');
    const before = await rawEntries(bytes);
    const after = await rawEntries(out);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    expect(after.filter((e) => e.name !== 'xl/sharedStrings.xml')).toEqual(before.filter((e) => e.name !== 'xl/sharedStrings.xml'));
  });

  test('a new part goes at the end, a removed part is gone, and both show in has/paths/text', async () => {
    const parts = await ZipParts.read(await zipOf(PARTS));
    parts.remove('xl/media/image1.png');
    parts.set('xl/worksheets/sheet2.xml', '<worksheet/>');
    expect(parts.has('xl/media/image1.png')).toBe(false);
    expect(parts.paths()).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml']);
    expect(await parts.text('xl/worksheets/sheet2.xml')).toBe('<worksheet/>');
    await expect(parts.text('xl/media/image1.png')).rejects.toThrow('part xl/media/image1.png is missing');
    const back = await JSZip.loadAsync(await parts.toBytes(), { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(parts.paths());
    expect(await back.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(PARTS['xl/worksheets/sheet1.xml']);
  });

  test('checkAll refuses a stored part whose bytes no longer match its CRC-32 (what only the CRC-32 can catch)', async () => {
    const bytes = (await zipOf(PARTS, ['xl/media/image1.png'])).slice();
    const at = Buffer.from(bytes).indexOf(Buffer.from('not really a png'));
    bytes[at] = 'N'.charCodeAt(0);
    const parts = await ZipParts.read(bytes);
    expect(() => parts.checkAll()).toThrow('part xl/media/image1.png is damaged');
    await expect(verifyPackage(bytes)).rejects.toThrow('xl/media/image1.png');
  });
});

/**
 * The zip codec on Node's zlib (Node only: the command line passes it; the browser build
 * never imports this module). Node's zlib is native code: inflating and deflating the
 * 20 MB werkblad part of a 10,000-row workbook takes about a third of pako's time
 * (measured: DEFLATE level 6 of the written sheets 0.41 s native against 1.18 s pako).
 *
 * It reaches into JSZip 3.10 in two documented-by-source places (tests/workbook/xlsx/
 * nodeZipCodec.test.ts fails when they change):
 * - a loaded entry keeps its compressed bytes as a `CompressedObject` (`file._data`:
 *   compressedContent, crc32, uncompressedSize, compression.magic); reading inflates
 *   those bytes natively and checks size and CRC-32 (zlib.crc32);
 * - `zip.file(path, compressedObject)` takes an entry that is compressed already, and
 *   `generateAsync({ compression: 'DEFLATE' })` writes it as it is, as it does for every
 *   entry it loaded and nobody changed.
 * Anything else (an entry made from text, another compression method) goes through
 * JSZip's own code, so the result never depends on these internals being there.
 */
import * as zlib from 'zlib';
import type JSZip from 'jszip';
import type { ZipCodec } from './zipCodec';

interface CompressedObjectLike {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: Uint8Array | string;
}
type CompressedObjectClass = new (
  compressedSize: number,
  uncompressedSize: number,
  crc32: number,
  compression: object,
  data: Uint8Array,
) => CompressedObjectLike;

// JSZip's own CommonJS modules (no type declarations): the class its loaded entries use and its DEFLATE method
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal modules with no type declarations or ESM entry
const CompressedObject = require('jszip/lib/compressedObject') as CompressedObjectClass;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal modules with no type declarations or ESM entry
const compressions = require('jszip/lib/compressions') as { DEFLATE: { magic: string }; STORE: { magic: string } };

/** zlib's compression level for written parts: JSZip's and zlib's default, 6. */
const LEVEL = 6;

function compressedOf(file: JSZip.JSZipObject): CompressedObjectLike | null {
  const data = (file as unknown as { _data?: unknown })._data;
  if (!(data instanceof CompressedObject) || !(data.compressedContent instanceof Uint8Array)) return null;
  return data;
}

/** The entry's bytes, inflated natively and checked; null when JSZip holds it in another form. */
function inflated(path: string, file: JSZip.JSZipObject): Buffer | null {
  const c = compressedOf(file);
  if (!c) return null;
  const raw = Buffer.from(c.compressedContent as Uint8Array);
  let bytes: Buffer;
  if (c.compression.magic === compressions.DEFLATE.magic) {
    try {
      bytes = zlib.inflateRawSync(raw);
    } catch (e) {
      throw new Error(`part ${path} is damaged: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else if (c.compression.magic === compressions.STORE.magic) bytes = raw;
  else return null;
  if (bytes.length !== c.uncompressedSize) throw new Error(`part ${path} is damaged: ${bytes.length} bytes, its zip entry says ${c.uncompressedSize}`);
  if (zlib.crc32(bytes) !== c.crc32 >>> 0) throw new Error(`part ${path} is damaged: its CRC-32 does not match`);
  return bytes;
}

export const nodeZipCodec: ZipCodec = {
  async readText(zip, path) {
    const file = zip.file(path);
    if (!file) throw new Error(`part ${path} is missing`);
    const bytes = inflated(path, file);
    return bytes ? bytes.toString('utf8') : file.async('string');
  },
  async readBytes(zip, path) {
    const file = zip.file(path);
    if (!file) throw new Error(`part ${path} is missing`);
    return inflated(path, file) ?? file.async('uint8array');
  },
  writeText(zip, path, text) {
    const bytes = Buffer.from(text, 'utf8');
    const deflated = zlib.deflateRawSync(bytes, { level: LEVEL });
    zip.file(path, new CompressedObject(deflated.length, bytes.length, zlib.crc32(bytes), compressions.DEFLATE, deflated) as unknown as Uint8Array, {
      binary: true,
    });
  },
};

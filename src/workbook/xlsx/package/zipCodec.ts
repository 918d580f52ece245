/**
 * How a package's parts are taken out of and put into its zip. The default is JSZip's
 * own (pako, pure JavaScript), which runs in the browser too; the command line passes a
 * codec on Node's zlib (nodeZipCodec.ts), three times faster for the tens of MB a large
 * workbook's sheets hold.
 */
import type JSZip from 'jszip';

export interface ZipCodec {
  /**
   * The text of the part at `path` (UTF-8).
   * @throws Error naming the part when it is missing or its data is damaged (the Node codec
   *   checks every part against the CRC-32 and size its zip entry records; JSZip's does when
   *   the zip was loaded with `checkCRC32`)
   */
  readText(zip: JSZip, path: string): Promise<string>;
  /** The bytes of the part at `path`; checked and thrown like `readText`. */
  readBytes(zip: JSZip, path: string): Promise<Uint8Array>;
  /** Puts `text` (as UTF-8) at `path`, replacing what was there; compressed with DEFLATE. */
  writeText(zip: JSZip, path: string, text: string): void;
}

/** JSZip's own (DEFLATE through pako when the zip is generated). */
export const jszipCodec: ZipCodec = {
  async readText(zip, path) {
    const file = zip.file(path);
    if (!file) throw new Error(`part ${path} is missing`);
    return file.async('string');
  },
  async readBytes(zip, path) {
    const file = zip.file(path);
    if (!file) throw new Error(`part ${path} is missing`);
    return file.async('uint8array');
  },
  writeText(zip, path, text) {
    zip.file(path, text);
  },
};

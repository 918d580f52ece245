/**
 * `PackageZip` (packageZip.ts) on Node's own zlib, for the command line's package patch
 * and its check of the written bytes (verify.ts); Node only, so never in the browser's
 * bundle (the preview patches with JSZip):
 * - read with yauzl (its central directory: names, sizes, CRC-32, each entry's compressed
 *   bytes as they are);
 * - a part is inflated (zlib.inflateRawSync) only when it is read;
 * - on write, every entry nobody changed keeps its compressed bytes, its CRC-32 and its
 *   date as read; a changed or new part is deflated once by zlib.deflateRawSync (level 6,
 *   what JSZip and Excel use) with zlib.crc32; fflate's `Zip` puts the container together
 *   (its documented `ZipInputFile`, fed the compressed bytes).
 *
 * Replaces JSZip (pako, a JavaScript zlib) in the package patch: at 10,000 rows × 20 the
 * patch's deflate and CRC-32 took 1.7 s there. Node only (zlib.crc32: Node 20.15 or later).
 */
import * as zlib from 'zlib';
import { Zip, type ZipInputFile } from 'fflate';
import * as yauzl from 'yauzl';
import type { PackageZip, ReadPackageZip } from './packageZip';
import { PartNames } from './partPaths';

/** An entry as read: its compressed bytes and what the central directory says of them. */
interface ReadEntry {
  kind: 'read';
  /** The entry's data as stored (compressed when `method` is 8). */
  raw: Buffer;
  /** 0 stored, 8 deflated (APPNOTE 4.4.5); anything else is kept but cannot be read. */
  method: number;
  crc: number;
  size: number;
  date: Date;
  dir: boolean;
}

/** A part written since reading (or new): its text, deflated on write. */
interface WrittenEntry {
  kind: 'written';
  text: string;
  date: Date;
}

type Entry = ReadEntry | WrittenEntry;

/** Deflate level for changed parts: zlib's default, as JSZip and Excel write. */
const DEFLATE_LEVEL = 6;

/** The entries of `bytes` in archive order (yauzl, one at a time). Rejects a damaged zip. */
async function readEntries(bytes: Uint8Array): Promise<Map<string, Entry>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: false });
  const entries = new Map<string, Entry>();
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
          entries.set(entry.fileName, {
            kind: 'read',
            raw: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks),
            method: entry.compressionMethod,
            crc: entry.crc32,
            size: entry.uncompressedSize,
            date: entry.getLastModDate(),
            dir: entry.fileName.endsWith('/'),
          });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

/** `date` within what a zip's MS-DOS date holds (1980–2099; a zip may say 1979 for a zero date). */
function zipDate(date: Date): Date {
  const year = date.getFullYear();
  return year >= 1980 && year <= 2099 && !Number.isNaN(year) ? date : new Date(1980, 0, 1);
}

/** The uncompressed bytes of a read entry. @throws Error for a compression method other than stored or deflated. */
function inflate(path: string, entry: ReadEntry): Buffer {
  if (entry.method === 0) return entry.raw;
  // one output buffer of the size the central directory gives (zlib's default is 16 KiB
  // chunks joined at the end: twice the memory, and many small blocks the process keeps)
  if (entry.method === 8) return zlib.inflateRawSync(entry.raw, { chunkSize: Math.max(entry.size, zlib.constants.Z_MIN_CHUNK) });
  throw new Error(`part ${path} uses compression method ${entry.method}`);
}

/**
 * The parts of a zip package, read once, changed in memory, written with untouched entries
 * as they were. A path names the entry whose name equals it as case-insensitive ASCII (part
 * name equivalence, `partNameKey`): reading, changing and removing reach that entry under
 * the name the package gives it.
 */
export class ZipParts implements PackageZip {
  private readonly names: PartNames;

  private constructor(private readonly entries: Map<string, Entry>) {
    this.names = new PartNames([...entries].filter(([, e]) => !(e.kind === 'read' && e.dir)).map(([name]) => name));
  }

  /** The entry's name as the package has it for `path` (equal as case-insensitive ASCII), or `path` when there is none. */
  private nameOf(path: string): string {
    return this.names.resolve(path, (name) => this.entries.has(name));
  }

  /**
   * The package `bytes`.
   * @throws Error (yauzl's) when they are no readable zip, or when two parts' names differ only in case
   */
  static async read(bytes: Uint8Array): Promise<ZipParts> {
    return new ZipParts(await readEntries(bytes));
  }

  /** Whether the package has a file (not a folder) at `path`. */
  has(path: string): boolean {
    const e = this.entries.get(this.nameOf(path));
    return !!e && !(e.kind === 'read' && e.dir);
  }

  /** The paths of the package's files (folders left out), in archive order. */
  paths(): string[] {
    return [...this.entries.keys()].filter((p) => this.has(p));
  }

  /** The part at `path` as bytes. @throws Error naming the part when it is missing. */
  bytes(path: string): Buffer {
    const e = this.entries.get(this.nameOf(path));
    if (!e || !this.has(path)) throw new Error(`part ${path} is missing`);
    return e.kind === 'written' ? Buffer.from(e.text, 'utf8') : inflate(this.nameOf(path), e);
  }

  /** The part at `path` as text (UTF-8). Rejects with an Error naming the part when it is missing. */
  async text(path: string): Promise<string> {
    const e = this.entries.get(this.nameOf(path));
    if (e?.kind === 'written') return e.text;
    return this.bytes(path).toString('utf8');
  }

  /**
   * Checks every entry as read: it inflates to the size and CRC-32 its central directory
   * gives. @throws Error naming the first part that does not.
   */
  checkAll(): void {
    for (const [path, e] of this.entries) {
      if (e.kind !== 'read' || e.dir) continue;
      const data = inflate(path, e);
      if (data.length !== e.size || zlib.crc32(data) >>> 0 !== e.crc >>> 0) throw new Error(`part ${path} is damaged (size or CRC-32 differs)`);
    }
  }

  /** Sets the part at `path` to `text` (new parts go at the end; a changed part keeps its place and date). */
  set(path: string, text: string): void {
    const name = this.nameOf(path);
    const old = this.entries.get(name);
    this.entries.set(name, { kind: 'written', text, date: old?.date ?? new Date() });
    this.names.added(name);
  }

  /** Removes the part at `path` (nothing when there is none). */
  remove(path: string): void {
    const name = this.nameOf(path);
    this.entries.delete(name);
    this.names.removed(name);
  }

  /**
   * The package as zip bytes: entries in their order, each read entry with its bytes as
   * read, each written part deflated (level 6).
   */
  async toBytes(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    const failures: Error[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) failures.push(err);
      else chunks.push(chunk);
    });
    for (const [filename, e] of this.entries) {
      let data: Uint8Array;
      let file: ZipInputFile;
      if (e.kind === 'read') {
        data = e.raw;
        file = { filename, compression: e.method, crc: e.crc, size: e.size, mtime: zipDate(e.date) };
      } else {
        const plain = Buffer.from(e.text, 'utf8');
        data = zlib.deflateRawSync(plain, { level: DEFLATE_LEVEL });
        file = { filename, compression: 8, crc: zlib.crc32(plain), size: plain.length, mtime: zipDate(e.date) };
      }
      zip.add(file);
      // fflate types its chunks as backed by an ArrayBuffer; a Buffer from zlib or a slice of the source is one
      file.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
    }
    zip.end();
    if (failures.length) throw failures[0];
    return Buffer.concat(chunks);
  }
}

/** `ReadPackageZip` on Node's zlib (`ZipParts`): for the command line. */
export const readWithNodeZlib: ReadPackageZip = (bytes) => ZipParts.read(bytes);

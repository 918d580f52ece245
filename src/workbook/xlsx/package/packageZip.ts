/**
 * The zip container of an .xlsx package as the package writer (patchPackage.ts, columns.ts)
 * uses it: which files it has, a part's text, changing or removing a part, and the bytes
 * of the whole. Two readers give one: `readWithJsZip` here (JSZip: the browser's preview
 * and the default) and `readWithNodeZlib` (zipParts.ts: Node's zlib, for the command line).
 * Either keeps every entry nobody changed as its compressed bytes.
 */
import JSZip from 'jszip';

/** An .xlsx package's entries, read once and changed in memory. */
export interface PackageZip {
  /** Whether the package has a file (not a folder) at `path`. */
  has(path: string): boolean;
  /** The paths of the package's files (folders left out), in archive order. */
  paths(): string[];
  /** The part at `path` as text (UTF-8). Rejects with an Error naming the part when it is missing. */
  text(path: string): Promise<string>;
  /** Sets the part at `path` to `text` (a new part goes at the end; a changed one keeps its place). */
  set(path: string, text: string): void;
  /** Removes the part at `path` (nothing when there is none). */
  remove(path: string): void;
  /** The package as zip bytes: entries nobody changed as they were read, changed parts deflated (level 6). */
  toBytes(): Promise<Uint8Array>;
}

/** Reads .xlsx bytes into a `PackageZip`; rejects when they are no readable zip. */
export type ReadPackageZip = (bytes: Uint8Array) => Promise<PackageZip>;

/** `PackageZip` on JSZip (pako): works in the browser and in Node. */
class JsZipPackage implements PackageZip {
  constructor(private readonly zip: JSZip) {}

  has(path: string): boolean {
    return !!this.zip.file(path);
  }

  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
  }

  async text(path: string): Promise<string> {
    const file = this.zip.file(path);
    if (!file) throw new Error(`part ${path} is missing`);
    // decoded by the platform's TextDecoder (WHATWG Encoding Standard, in Node and every
    // browser): JSZip's own 'string' output decodes in JavaScript outside Node, several
    // times slower; in the browser preview that was a visible part of opening a file.
    return new TextDecoder().decode(await file.async('uint8array'));
  }

  set(path: string, text: string): void {
    this.zip.file(path, text);
  }

  remove(path: string): void {
    this.zip.remove(path);
  }

  toBytes(): Promise<Uint8Array> {
    // JSZip keeps an entry read compressed and not changed as its compressed bytes
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** `ReadPackageZip` on JSZip (browser and Node). */
export const readWithJsZip: ReadPackageZip = async (bytes) => new JsZipPackage(await JSZip.loadAsync(bytes));

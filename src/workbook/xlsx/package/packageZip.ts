/**
 * The zip container of an .xlsx package as the package writer (patchPackage.ts, columns.ts)
 * uses it: which files it has, a part's text, changing or removing a part, and the bytes
 * of the whole. Two readers give one: `readWithJsZip` here (JSZip: the browser's preview
 * and the default) and `readWithNodeZlib` (zipParts.ts: Node's zlib, for the command line).
 * Either keeps every entry nobody changed as its compressed bytes.
 */
import JSZip from 'jszip';
import { PartNames } from './partPaths';

/**
 * An .xlsx package's entries, read once and changed in memory. A `path` names the part whose
 * name equals it as case-insensitive ASCII (ECMA-376 Part 2, part name equivalence;
 * `partNameKey` in partPaths.ts): "xl/worksheets/sheet1.xml" reads, changes and removes an
 * entry the package calls "xl/worksheets/Sheet1.xml", and a new part never gets a second
 * name for an existing one.
 */
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
  private readonly names: PartNames;

  /** @throws Error when two parts' names differ only in case (ECMA-376 Part 2 forbids it) */
  constructor(private readonly zip: JSZip) {
    this.names = new PartNames(Object.keys(zip.files).filter((name) => !zip.files[name].dir));
  }

  /** The file's name as the package has it for `path` (equal as case-insensitive ASCII), or `path` when there is none. */
  private nameOf(path: string): string {
    return this.names.resolve(path, (name) => !!this.zip.files[name]);
  }

  has(path: string): boolean {
    return !!this.zip.file(this.nameOf(path));
  }

  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
  }

  async text(path: string): Promise<string> {
    const file = this.zip.file(this.nameOf(path));
    if (!file) throw new Error(`part ${path} is missing`);
    // decoded by the platform's TextDecoder (WHATWG Encoding Standard, in Node and every
    // browser): JSZip's own 'string' output decodes in JavaScript outside Node, several
    // times slower; in the browser preview that was a visible part of opening a file.
    return new TextDecoder().decode(await file.async('uint8array'));
  }

  set(path: string, text: string): void {
    const name = this.nameOf(path);
    this.zip.file(name, text);
    this.names.added(name);
  }

  remove(path: string): void {
    const name = this.nameOf(path);
    this.zip.remove(name);
    this.names.removed(name);
  }

  toBytes(): Promise<Uint8Array> {
    // JSZip keeps an entry read compressed and not changed as its compressed bytes
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** `ReadPackageZip` on JSZip (browser and Node). */
export const readWithJsZip: ReadPackageZip = async (bytes) => new JsZipPackage(await JSZip.loadAsync(bytes));

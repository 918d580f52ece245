/**
 * Paths of parts inside an OPC package (.xlsx), as ECMA-376 Part 2 (Open Packaging
 * Conventions) defines them: relationship targets are relative to the source part's folder,
 * a leading "/" makes them relative to the package root, and a part's relationships live in
 * `_rels/<name>.rels` beside it. Pure string functions, no I/O.
 */

/**
 * The package path of a relationship target.
 * In: the source part's path (e.g. "xl/workbook.xml"; "" for the package's own relationships)
 * and the target as written in the .rels file. Out: the part's path without a leading "/",
 * e.g. "worksheets/sheet1.xml" from "xl/workbook.xml" → "xl/worksheets/sheet1.xml".
 */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The path of a part's relationships part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/**
 * The key under which two part names count as the same part: ECMA-376 Part 2 (Open
 * Packaging Conventions), §6.2.2.3 and requirement M1.12: "Part name equivalence is
 * determined by comparing part names as case-insensitive ASCII strings." So
 * "xl/worksheets/Sheet1.xml" is the part a relationship names "worksheets/sheet1.xml", and
 * a package may not hold both. In: a part path (no leading "/"). Out: the path with A-Z
 * lowered (other characters as they are).
 */
export function partNameKey(path: string): string {
  return path.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * A package's part names by `partNameKey`: which stored name a path means, for the zips
 * (zipParts.ts, packageZip.ts) that find, change and remove parts regardless of case.
 */
export class PartNames {
  /** Each stored name by its key (the first of names that count as the same). */
  private readonly byKey = new Map<string, string>();

  /**
   * In: the package's file names (folders left out).
   * @throws Error when two of them differ only in case (ECMA-376 Part 2 forbids it)
   */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      const other = this.byKey.get(partNameKey(name));
      if (other !== undefined) throw new Error(`parts ${other} and ${name} have the same part name (ECMA-376 Part 2: no two may differ only in case)`);
      this.byKey.set(partNameKey(name), name);
    }
  }

  /** The stored name `path` means: `path` itself when `stored(path)`, else the stored name equal to it as case-insensitive ASCII, else `path`. */
  resolve(path: string, stored: (name: string) => boolean): string {
    return stored(path) ? path : (this.byKey.get(partNameKey(path)) ?? path);
  }

  /** Records `name` as stored (a new part; nothing when an equal name is stored already). */
  added(name: string): void {
    if (!this.byKey.has(partNameKey(name))) this.byKey.set(partNameKey(name), name);
  }

  /** Records that `name` is no longer stored. */
  removed(name: string): void {
    if (this.byKey.get(partNameKey(name)) === name) this.byKey.delete(partNameKey(name));
  }
}

/**
 * A light check that .xlsx bytes open as a package, for the command line's safe write
 * (verify before the rename): the zip reads with every entry's CRC-32 correct, the
 * package has its content types and its main relationships, the workbook part and every
 * sheet it lists exist, and every XML part is well-formed XML 1.0 (saxes, streamed: no
 * DOM, so a 30,000-row sheet costs no more memory than its text). This catches what a
 * writer can break (a truncated or damaged zip, a malformed part, a dangling sheet
 * relationship; legacy VML drawings are not XML and are not parsed) without loading the workbook a second time (ECMA-376 Part 2, Open
 * Packaging Conventions: [Content_Types].xml, _rels/.rels; Part 1, 18.2: workbook sheets).
 */
import { ZipParts } from './zipParts';
import { SaxesParser } from 'saxes';
import { relsPathOf, resolvePart } from './partPaths';

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The attributes of every `<local …>` element in `xml`, in document order (well-formedness is checked on the way). */
function elements(xml: string, part: string, local?: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  if (local) {
    parser.on('opentag', (tag) => {
      const name = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name;
      if (name === local) found.push(tag.attributes);
    });
  }
  parser.write(xml).close();
  if (error) throw new Error(`part ${part} is no well-formed XML: ${(error as Error).message}`);
  return found;
}

/**
 * Checks that `bytes` are an .xlsx package that opens (see the module comment).
 * @throws Error naming the part that is missing or malformed.
 */
export async function verifyPackage(bytes: Uint8Array): Promise<void> {
  const zip = await ZipParts.read(bytes);
  zip.checkAll();
  const text = (path: string): Promise<string> => zip.text(path);
  const xmlParts = zip.paths().filter((p) => /\.(xml|rels)$/i.test(p));
  const checked = new Set<string>();
  elements(await text('[Content_Types].xml'), '[Content_Types].xml');
  checked.add('[Content_Types].xml');
  const main = elements(await text('_rels/.rels'), '_rels/.rels', 'Relationship').find((r) => OFFICE_DOCUMENT.test(r.Type ?? ''));
  checked.add('_rels/.rels');
  if (!main?.Target) throw new Error('part _rels/.rels names no workbook');
  const workbook = resolvePart('', main.Target);
  const sheets = elements(await text(workbook), workbook, 'sheet');
  checked.add(workbook);
  const rels = new Map(elements(await text(relsPathOf(workbook)), relsPathOf(workbook), 'Relationship').map((r) => [r.Id, r]));
  checked.add(relsPathOf(workbook));
  if (!sheets.length) throw new Error(`part ${workbook} lists no sheets`);
  for (const sheet of sheets) {
    // the relationship id: r:id, whatever prefix the package binds to the relationships namespace
    const idAttr = Object.keys(sheet).find((a) => a.endsWith(':id'));
    const rel = rels.get(idAttr ? sheet[idAttr] : '');
    if (!rel?.Target) throw new Error(`sheet ${sheet.name ?? '?'} has no relationship in ${relsPathOf(workbook)}`);
    const part = resolvePart(workbook, rel.Target);
    if (!zip.has(part)) throw new Error(`part ${part} of sheet ${sheet.name ?? '?'} is missing`);
  }
  for (const part of xmlParts) {
    if (checked.has(part)) continue;
    elements(await text(part), part);
  }
}

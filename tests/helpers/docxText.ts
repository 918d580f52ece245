/** The text of a .docx, read back from its word/document.xml: one line per paragraph, table cells separated by " | ". */
import JSZip from 'jszip';

function decode(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export async function docxDocumentXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml in the .docx');
  return file.async('string');
}

export function documentText(xml: string): string {
  return decode(
    xml
      .replace(/<\/w:p><\/w:tc>/g, ' | ')
      .replace(/<\/w:tr>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g, '\u0000$1\u0001')
      .replace(/<[^>]+>/g, '')
      // eslint-disable-next-line no-control-regex -- \u0000 and \u0001 are the markers this helper puts around each text run above
      .replace(/\u0000([^\u0001]*)\u0001/g, '$1'),
  );
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  return documentText(await docxDocumentXml(bytes));
}

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import type { TestWorkbook } from './contract';
import type { TeamDefinitions } from './definitionsContract';

/** Protects a sheet as Excel writes it (<sheetProtection sheet="1" …>), through ExcelJS, and reads the file back. */
export async function protect(
  wb: TestWorkbook,
  sheet: string,
  options: { allowFormatCells?: boolean; allowFormatColumns?: boolean } = {},
): Promise<TestWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await (wb as XlsxWorkbook).toBuffer()) as unknown as ExcelJS.Buffer);
  await book.getWorksheet(sheet)!.protect('', { formatCells: !!options.allowFormatCells, formatColumns: !!options.allowFormatColumns });
  return XlsxWorkbook.fromBuffer(new Uint8Array(await book.xlsx.writeBuffer()));
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The team's names and conditional formats written into the package as Excel writes them
 * (<definedName> in workbook.xml with localSheetId for a sheet's own name; <conditionalFormatting>
 * before the sheet's <dataValidations>, ECMA-376's element order), and the file read back.
 */
export async function withTeamDefinitions(wb: TestWorkbook, team: TeamDefinitions): Promise<TestWorkbook> {
  const zip = await JSZip.loadAsync(await (wb as XlsxWorkbook).toBuffer());
  let book = await zip.file('xl/workbook.xml')!.async('string');
  const sheets = [...book.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"/g)].map((m) => ({ name: m[1], rid: m[2] }));
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const partOf = (sheet: string) => {
    const rid = sheets.find((s) => s.name === sheet)!.rid;
    const target =
      new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*\\bTarget="([^"]*)"`).exec(rels) ??
      new RegExp(`<Relationship\\b[^>]*\\bTarget="([^"]*)"[^>]*\\bId="${rid}"`).exec(rels);
    const path = target![1].replace(/^\//, '');
    return path.startsWith('xl/') ? path : `xl/${path}`;
  };
  const names = team.names
    .map((n) => {
      const local = n.scope === undefined ? '' : ` localSheetId="${sheets.findIndex((s) => s.name === n.scope)}"`;
      return `<definedName name="${n.name}"${local}>${escapeXml(n.formula.slice(1))}</definedName>`;
    })
    .join('');
  book = book.includes('<definedNames>')
    ? book.replace('<definedNames>', `<definedNames>${names}`)
    : book.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  zip.file('xl/workbook.xml', book);
  let priority = 1;
  for (const cf of team.conditionalFormats) {
    const path = partOf(cf.sheet);
    const xml = await zip.file(path)!.async('string');
    const rules = cf.formulas.map((f) => `<cfRule type="expression" priority="${priority++}"><formula>${escapeXml(f.slice(1))}</formula></cfRule>`).join('');
    const el = `<conditionalFormatting sqref="${cf.ranges.join(' ')}">${rules}</conditionalFormatting>`;
    const at = /<(?:dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|drawing|legacyDrawing|tableParts|extLst)\b|<\/worksheet>/.exec(
      xml,
    )!;
    zip.file(path, xml.slice(0, at.index) + el + xml.slice(at.index));
  }
  // comments as Excel stores them: one comments part per sheet (a sheet's existing part gets them appended),
  // named by the sheet's relationships and the content types
  const bySheet = new Map<string, { cell: string; text: string }[]>();
  for (const c of team.comments ?? []) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let n = 0;
  for (const [sheet, comments] of bySheet) {
    const list = comments.map((c) => `<comment ref="${c.cell}" authorId="0"><text><r><t>${escapeXml(c.text)}</t></r></text></comment>`).join('');
    const path = partOf(sheet);
    const relsPath = path.replace(/([^/]+)$/, '_rels/$1.rels');
    const existing = await zip.file(relsPath)?.async('string');
    const had = existing && /<Relationship\b[^>]*relationships\/comments"[^>]*\bTarget="([^"]*)"/.exec(existing);
    if (had) {
      const part = `xl/${had[1].replace(/^\.\.\//, '')}`;
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace('</commentList>', `${list}</commentList>`));
      continue;
    }
    // commentsN.xml, N not taken: ExcelJS finds a sheet's comments by that name
    while (zip.file(`xl/comments${++n}.xml`));
    const part = `xl/comments${n}.xml`;
    zip.file(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Team</author></authors><commentList>${list}</commentList></comments>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
    );
    const rel = `<Relationship Id="rIdTeamComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments${n}.xml"/>`;
    zip.file(
      relsPath,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
  }
  zip.file('[Content_Types].xml', types);
  return XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: 'uint8array' }));
}

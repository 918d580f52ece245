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
  return XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: 'uint8array' }));
}

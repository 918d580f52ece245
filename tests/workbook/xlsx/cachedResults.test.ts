/**
 * formulaCellsWithoutResult (src/workbook/xlsx/package/cachedResults.ts): the formula cells
 * of a worksheet part's XML that carry no `<v>`, which ExcelJS reads like a cached "".
 */
import { formulaCellsWithoutResult } from '../../../src/workbook/xlsx/package/cachedResults';

const sheet = (rows: string, after = '') =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${after}</worksheet>`;

test('an <f> without <v> is listed; with <v>1</v>, <v></v> or <v/> it is not', () => {
  const xml = sheet(
    '<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="str"><f>""</f><v/></c></row>',
  );
  expect(formulaCellsWithoutResult(xml)).toEqual(['A1']);
});

test('shared formulas (the first cell and the self-closing ones below it), prefixes, attributes in single quotes, $ and lower case', () => {
  const xml = sheet(
    "<x:row r='2'><x:c r='a2' s='1'><x:f t='shared' ref='A2:A4' si='0'>B2*2</x:f></x:c>" +
      "<x:c r='$A$3'><x:f t='shared' si='0'/></x:c><x:c r='A4'><x:f t='shared' si='0'/>\n  <x:v>8</x:v></x:c></x:row>",
  )
    .replace(/<sheetData>/, '<x:sheetData>')
    .replace('</sheetData>', '</x:sheetData>');
  expect(formulaCellsWithoutResult(xml)).toEqual(['A2', 'A3']);
});

test("formulas outside sheetData (an extension's <xm:f>) and a cell without r are not listed; text that is no worksheet gives none", () => {
  const ext =
    '<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule><xm:f>A1&gt;0</xm:f></x14:cfRule></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
  expect(formulaCellsWithoutResult(sheet('<row r="1"><c><f>1</f></c><c r="B1"><f>A1&lt;2</f></c></row>', ext))).toEqual(['B1']);
  expect(formulaCellsWithoutResult('<sst/>')).toEqual([]);
  expect(formulaCellsWithoutResult(sheet(''))).toEqual([]);
});

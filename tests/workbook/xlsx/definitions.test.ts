/**
 * package/definitions.ts: the defined names, conditional formats and data validations of an
 * .xlsx package as Excel writes them (ECMA-376 elements, Excel 2010's x14 extensions), read
 * for the question before a factor column is deleted.
 */
import JSZip from 'jszip';
import { readPackageDefinitions } from '../../../src/workbook/xlsx/package/definitions';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';

const X14 =
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:cfRule type="expression" priority="3" id="{00000000-0000-0000-0000-000000000001}"><xm:f>Eigen!$A$1&gt;1</xm:f></x14:cfRule>' +
  '<xm:sqref>E6:E9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>' +
  '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">' +
  '<x14:formula1><xm:f>Eigen!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>F6:F9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';

async function teamPackage(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Werk blad' },
      { kind: 'addSheet', sheet: 'Eigen' },
      { kind: 'setCells', sheet: 'Werk blad', cell: 'A1', cells: [[{ text: 'x' }]] },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ number: 1 }]] },
    ],
  });
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  let book = await zip.file('xl/workbook.xml')!.async('string');
  const names =
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'Werk blad'!$A$1:$J$20</definedName>` +
    `<definedName name="TeamNaam">'Werk blad'!$D$6:$D$9</definedName>` +
    `<definedName name="Lokaal" localSheetId="1">'Werk blad'!$E$6</definedName>` +
    `<definedName name="Nieuw">_xlfn.XLOOKUP(1,Eigen!$A:$A,'Werk blad'!$D:$D)</definedName>`;
  book = book.includes('<definedNames>')
    ? book.replace('<definedNames>', `<definedNames>${names}`)
    : book.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  zip.file('xl/workbook.xml', book);
  const sheet = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(sheet)!.async('string');
  const rules =
    '<conditionalFormatting sqref="D6:D9 F6"><cfRule type="expression" priority="1"><formula>D6&gt;1</formula></cfRule>' +
    '<cfRule type="cellIs" operator="between" priority="2"><formula>$C$4</formula><formula>$E$4</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="2"><dataValidation type="list" sqref="D6:D9"><formula1>"ja,nee"</formula1></dataValidation>' +
    '<dataValidation type="whole" operator="between" sqref="G6"><formula1>$D$4</formula1><formula2>10</formula2></dataValidation></dataValidations>';
  const at = /<(?:dataValidations|pageMargins)\b/.exec(xml)!.index;
  zip.file(sheet, xml.slice(0, at) + rules + xml.slice(at).replace('</worksheet>', `${X14}</worksheet>`));
  return zip.generateAsync({ type: 'uint8array' });
}

test('names (workbook and sheet scope, built-in ones too, prefixes off), conditional formats and validations, x14 ones included', async () => {
  const bytes = await teamPackage();
  const d = await readPackageDefinitions(bytes);
  expect(d.names).toEqual([
    { name: '_xlnm.Print_Area', formula: "='Werk blad'!$A$1:$J$20", scope: 'Werk blad' },
    { name: 'TeamNaam', formula: "='Werk blad'!$D$6:$D$9" },
    { name: 'Lokaal', formula: "='Werk blad'!$E$6", scope: 'Eigen' },
    { name: 'Nieuw', formula: "=XLOOKUP(1,Eigen!$A:$A,'Werk blad'!$D:$D)" },
  ]);
  expect(d.rules).toEqual([
    { kind: 'conditionalFormat', sheet: 'Werk blad', ranges: ['D6:D9', 'F6'], formulas: ['=D6>1', '=$C$4', '=$E$4'] },
    // a list written out is no formula
    { kind: 'validation', sheet: 'Werk blad', ranges: ['D6:D9'], formulas: [] },
    { kind: 'validation', sheet: 'Werk blad', ranges: ['G6'], formulas: ['=$D$4', '=10'] },
    { kind: 'conditionalFormat', sheet: 'Werk blad', ranges: ['E6:E9'], formulas: ['=Eigen!$A$1>1'] },
    { kind: 'validation', sheet: 'Werk blad', ranges: ['F6:F9'], formulas: ['=Eigen!$A$1:$A$3'] },
  ]);
  expect(d.unread).toBeUndefined();
  // the adapter gives the same, and after a column delete reads what the package then holds
  const wb = await XlsxWorkbook.fromBuffer(bytes);
  expect((await wb.readSnapshot({ definitions: true })).definitions).toEqual(d);
  await wb.apply({ ops: [{ kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 1 }] });
  const after = (await wb.readSnapshot({ definitions: true })).definitions!;
  expect(after.names.map((n) => n.formula)).toEqual(["='Werk blad'!$A$1:$I$20", '=#REF!', "='Werk blad'!$D$6", '=XLOOKUP(1,Eigen!$A:$A,#REF!)']);
  expect(after.rules).toEqual([
    { kind: 'conditionalFormat', sheet: 'Werk blad', ranges: ['E6'], formulas: ['=#REF!>1', '=$C$4', '=$D$4'] },
    { kind: 'validation', sheet: 'Werk blad', ranges: ['F6'], formulas: ['=#REF!', '=10'] },
    { kind: 'conditionalFormat', sheet: 'Werk blad', ranges: ['D6:D9'], formulas: ['=Eigen!$A$1>1'] },
    { kind: 'validation', sheet: 'Werk blad', ranges: ['E6:E9'], formulas: ['=Eigen!$A$1:$A$3'] },
  ]);
});

test('comments: a note as stored in the comments part, a threaded comment by its thread’s first entry (not Excel’s legacy copy), by cell', async () => {
  const wb = XlsxWorkbook.create();
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Werk blad' },
      { kind: 'setCells', sheet: 'Werk blad', cell: 'A1', cells: [[{ text: 'x' }]] },
    ],
  });
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  zip.file(
    'xl/comments1.xml',
    `<comments xmlns="${main}"><authors><author>tc={A}</author><author>Jan</author></authors><commentList>` +
      '<comment ref="$E$9" authorId="1"><text><r><t>Navragen </t></r><r><t>bij de GGD</t></r></text></comment>' +
      '<comment ref="D7" authorId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, …\n\nComment:\n    Klopt dit?</t></text></comment>' +
      '</commentList></comments>',
  );
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
      '<threadedComment ref="D7" id="{A}" personId="{P}"><text>Klopt dit?</text></threadedComment>' +
      '<threadedComment ref="D7" id="{B}" personId="{P}" parentId="{A}"><text>Ja.</text></threadedComment></ThreadedComments>',
  );
  zip.file(
    'xl/worksheets/_rels/sheet1.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' +
      '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' +
      '</Relationships>',
  );
  const d = await readPackageDefinitions(await zip.generateAsync({ type: 'uint8array' }));
  expect(d.comments).toEqual([
    { sheet: 'Werk blad', cell: 'E9', text: 'Navragen bij de GGD' },
    { sheet: 'Werk blad', cell: 'D7', text: 'Klopt dit?' },
  ]);
});

/**
 * Page setup in a patched package: print titles and print area are the built-in defined
 * names _xlnm.Print_Titles / _xlnm.Print_Area scoped to the sheet, with the sheet name
 * quoted as Excel quotes it and $ anchors; fitToPage/orientation sit where the OOXML schema
 * puts them; a team's own print area is kept with a warning.
 */
import JSZip from 'jszip';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';
import { sheetRef } from '../../../src/core/a1';
import { absoluteRange } from '../../../src/workbook/xlsx/package/patchPackage';
import type { PlanOp } from '../../../src/core/snapshot';

const NAME = "Longlist 's-Hertogenbosch";

async function patched(ops: PlanOp[]): Promise<{ wb: XlsxWorkbook; bytes: Uint8Array; workbookXml: string; sheetXml: string }> {
  const base = XlsxWorkbook.create();
  await base.apply({ ops: [{ kind: 'addSheet', sheet: 'Werkblad' }] });
  // the team's sheet is added to the read package (ExcelJS would write orientation="portrait" on it)
  const wb = await XlsxWorkbook.fromBuffer(await base.toBuffer());
  await wb.apply({ ops: [{ kind: 'addSheet', sheet: NAME }, ...ops] });
  const bytes = await wb.toBuffer();
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
  return { wb, bytes, workbookXml, sheetXml };
}

describe('page setup in the .xlsx package', () => {
  test('sheet names are quoted as in a formula, quotes doubled', () => {
    expect(sheetRef('Werkblad')).toBe('Werkblad');
    expect(sheetRef(NAME)).toBe("'Longlist ''s-Hertogenbosch'");
    expect(sheetRef('WUP checklist')).toBe("'WUP checklist'");
    expect(sheetRef('A1')).toBe("'A1'");
    expect(sheetRef('R')).toBe("'R'"); // an R1C1 row reference when bare (quoteSheetName left it bare)
    expect(absoluteRange('a1:J105')).toBe('$A$1:$J$105');
  });

  test('print titles of a sheet named "Longlist \'s-Hertogenbosch" are a valid, anchored defined name', async () => {
    const { workbookXml, sheetXml, bytes } = await patched([
      { kind: 'setPageSetup', sheet: NAME, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 1, last: 5 }, printArea: 'A1:J105' },
    ]);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Longlist ''s-Hertogenbosch'!$1:$5</definedName>`);
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'Longlist ''s-Hertogenbosch'!$A$1:$J$105</definedName>`);
    // definedNames after sheets, before calcPr (CT_Workbook order)
    expect(workbookXml.indexOf('<definedNames')).toBeGreaterThan(workbookXml.indexOf('</sheets>'));
    if (workbookXml.includes('<calcPr')) expect(workbookXml.indexOf('<definedNames')).toBeLessThan(workbookXml.indexOf('<calcPr'));
    // sheetPr first with pageSetUpPr; pageSetup after pageMargins
    expect(sheetXml).toMatch(/<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(sheetXml).toMatch(/<pageMargins [^>]*\/><pageSetup [^>]*orientation="landscape"/);
    expect(sheetXml).toMatch(/fitToWidth="1" fitToHeight="0"/);
    // the file reads back with the same settings
    const back = await XlsxWorkbook.fromBuffer(bytes);
    expect(back.getPageSetup(NAME)).toEqual({ orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 1, last: 5 }, printArea: 'A1:J105' });
  });

  test("the team's own print area is kept and the writer says so", async () => {
    const base = XlsxWorkbook.create();
    await base.apply({ ops: [{ kind: 'addSheet', sheet: 'Werkblad' }] });
    const team = await XlsxWorkbook.fromBuffer(await base.toBuffer());
    await team.apply({ ops: [{ kind: 'setPageSetup', sheet: 'Werkblad', printArea: 'A1:C20' }] });
    const wb = await XlsxWorkbook.fromBuffer(await team.toBuffer());
    await wb.apply({ ops: [{ kind: 'setPageSetup', sheet: 'Werkblad', printArea: 'A1:J105', fitToWidth: 1 }] });
    const bytes = await wb.toBuffer();
    expect(wb.writeWarnings()).toEqual([
      { kind: 'pageSetupKept', sheet: 'Werkblad', name: 'Print_Area', theirs: 'Werkblad!$A$1:$C$20', ours: 'Werkblad!$A$1:$J$105' },
    ]);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/workbook.xml')!.async('string');
    expect(xml.match(/_xlnm\.Print_Area/g)).toHaveLength(1);
    expect((await XlsxWorkbook.fromBuffer(bytes)).getPageSetup('Werkblad')).toMatchObject({ printArea: 'A1:C20', fitToWidth: 1 });
  });
});

/**
 * The package reader (package/readSheets.ts, what the command line reads with) against
 * ExcelJS's reading (XlsxWorkbook without `deferModel`): the same snapshots, validations and
 * definitions for the workbooks the product and teams make, and for hand-written packages
 * with every kind of cell the format has. Where the two differ on purpose (ExcelJS misreads
 * the cell; see the module comment) the test says what each gives.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyze } from '../../../src/core/analyze';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { WorkbookError } from '../../../src/workbook/errors';
import type { SnapshotRequest } from '../../../src/workbook/port';
import { prepareWorkbook } from '../../../src/workbook/operations';
import { readWithJsZip } from '../../../src/workbook/xlsx/package/packageZip';
import { readPackageSheets, readSharedStrings } from '../../../src/workbook/xlsx/package/readSheets';
import { verifyPackage } from '../../../src/workbook/xlsx/package/verify';
import { readWithNodeZlib } from '../../../src/workbook/xlsx/package/zipParts';
import { validationModel } from '../../../src/workbook/xlsx/validations';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';
import { preparedSample } from '../../helpers/preparedSample';
import { NOW, teamWorkbook } from './teamWorkbook';

/** Every validation key of every sheet as the model has it: what a validation request may ask about. */
async function modelValidations(bytes: Uint8Array): Promise<Record<string, Record<string, unknown>>> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return Object.fromEntries(x.worksheets.map((ws) => [ws.name.toLowerCase(), JSON.parse(JSON.stringify(validationModel(ws))) as Record<string, unknown>]));
}

/** A request for every sheet's first 200 × 30 cells' validations, and the definitions. */
const everything: SnapshotRequest = {
  definitions: true,
  validationTargets: (s) => s.sheets.flatMap((sheet) => [`A1:AD200`, 'C6:J105', 'B6', 'D2'].map((range) => ({ sheet: sheet.name, range }))),
};

/** Both readings of `bytes`: through ExcelJS's model and from the package. */
async function bothReadings(bytes: Uint8Array): Promise<{ model: WorkbookSnapshot; pkg: WorkbookSnapshot }> {
  const model = await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot(everything);
  const pkg = await (await XlsxWorkbook.fromBuffer(bytes, { readZip: readWithNodeZlib, deferModel: true })).readSnapshot(everything);
  return { model, pkg };
}

async function expectSameReading(bytes: Uint8Array): Promise<void> {
  const { model, pkg } = await bothReadings(bytes);
  expect(pkg).toEqual(model);
  const dvs = (await readPackageSheets(await readWithJsZip(bytes))).dvs;
  expect(Object.fromEntries([...dvs].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown]))).toEqual(await modelValidations(bytes));
}

/** A package of `sheets` (name → sheetData rows XML and what follows sheetData) with shared strings and styles. */
async function handMade(
  sheets: { name: string; rows: string; after?: string; before?: string; state?: string }[],
  options: { strings?: string[]; styles?: string; date1904?: boolean; chartsheet?: boolean } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const ct = [
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheets.map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    ),
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
  ];
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${ct.join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rels = sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`, `<Relationship Id="rY" Type="${R}/styles" Target="styles.xml"/>`);
  if (options.chartsheet) rels.push(`<Relationship Id="rC" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  const sheetEls = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  if (options.chartsheet) sheetEls.push(`<sheet name="Grafiek" sheetId="99" r:id="rC"/>`);
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetEls.join('')}</sheets></workbook>`,
  );
  if (options.chartsheet)
    zip.file(
      'xl/chartsheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`,
    );
  sheets.forEach((s, i) =>
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}">${s.before ?? ''}<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    ),
  );
  const strings = options.strings ?? [];
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`,
  );
  zip.file(
    'xl/styles.xml',
    options.styles ??
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('the package reader reads what ExcelJS reads', () => {
  test('a team workbook: merges, notes, shared formulas, rules, validations, a hidden and a protected sheet', async () => {
    await expectSameReading(await teamWorkbook());
  });

  test('the prepared sample workbook (every product sheet, hidden Keuzelijsten, shared formulas)', async () => {
    const { made } = await preparedSample(NOW);
    await expectSameReading(await made.toBuffer());
  });

  test('the sample workbook prepared again after reading it from its file', async () => {
    const { made } = await preparedSample(NOW);
    const again = await XlsxWorkbook.fromBuffer(await made.toBuffer());
    await prepareWorkbook(again, { now: NOW });
    await expectSameReading(await again.toBuffer());
  });

  test('every kind of cell: shared and inline strings, rich text, numbers, booleans, errors, formulas and their results', async () => {
    const strings = [
      '<si><t>gewoon</t></si>',
      '<si><r><rPr><b/></rPr><t>vet</t></r><r><t xml:space="preserve"> en niet</t></r></si>',
      '<si><t>met fonetiek</t><rPh sb="0" eb="1"><t>FONETIEK</t></rPh></si>',
      '<si><t>escape _x0041_ en _x00e9_</t></si>',
      '<si><t/></si>',
      '<si><t>&lt;tag&gt; &amp; "aanhalingstekens"</t></si>',
    ];
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>',
      '<row r="2"><c r="A2"><v>12.5</v></c><c r="B2"><v>-3</v></c><c r="C2"><v>1E+300</v></c><c r="D2" s="2"><v>0.1</v></c><c r="E2"><v></v></c><c r="F2" s="1"/></row>',
      '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="str"><v>tekst</v></c></row>',
      '<row r="4"><c r="A4"><f>SUM(A2:B2)</f><v>9.5</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4" t="b"><f>A3</f><v>1</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4"><f>A2</f></c><c r="F4" t="str"><f>""</f><v></v></c></row>',
      '<row r="5"><c r="A5"><f>_xlfn.IFS(A2&gt;1,1,TRUE,0)</f><v>1</v></c><c r="B5"><f>_xlfn.CONCAT("x",A2)</f><v>0</v></c><c r="C5" t="inlineStr"><is><t>inline</t></is></c><c r="D5" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>',
      '<row r="6"><c r="A6"><f t="shared" ref="A6:A9" si="0">B6*2+$C$1</f><v>2</v></c><c r="B6"><v>1</v></c></row>',
      '<row r="7"><c r="A7"><f t="shared" si="0"/><v>4</v></c><c r="B7"><v>2</v></c></row>',
      '<row r="8"><c r="A8"><f t="shared" si="0"/><v>0</v></c></row>',
      '<row r="9"><c r="A9"><f t="shared" si="0">B9*3</f><v>0</v></c><c r="B9"><f t="shared" si="7"/><v>5</v></c></row>',
      '<row r="10"><c r="A10"><f t="shared" ref="A10:C10" si="1">A9+1</f><v>1</v></c><c r="B10"><f t="shared" si="1"/><v>6</v></c><c r="C10"><f t="shared" si="1"/><v>1</v></c></row>',
      '<row r="11"><c r="A11"><f t="array" ref="A11:B11">TRANSPOSE(A2:A3)</f><v>12.5</v></c><c r="B11"><v>1</v></c><c r="C11"><f t="array" ref="C11"/><v>3</v></c></row>',
    ].join('');
    await expectSameReading(await handMade([{ name: 'Cellen', rows }], { strings }));
  });

  test('rows and cells out of order, and a row that only has formats', async () => {
    const rows = [
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>',
      '<row r="2"><c r="C2"><v>3</v></c><c r="D2"><v>4</v></c></row>',
      '<row r="5" s="1" customFormat="1"><c r="B5" s="1"/></row>',
      '<row r="4"><c r="A4"><v>7</v></c></row>',
      '<row r="7"><c r="B7"><v>8</v></c><c r="A7"><v>9</v></c></row>',
    ].join('');
    await expectSameReading(await handMade([{ name: 'Adressen', rows }], { strings: ['<si><t>eerste</t></si>'] }));
  });

  test('merged cells (values under a merge read as empty), a one-cell merge, merges in file order', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c><c r="B2"><f>A2</f><v>4</v></c><c r="D2"><v>5</v></c></row>';
    const after = '<mergeCells count="4"><mergeCell ref="D2:E3"/><mergeCell ref="A1:B2"/><mergeCell ref="C1"/><mergeCell ref="$F$5:$G$5"/></mergeCells>';
    await expectSameReading(await handMade([{ name: 'Samengevoegd', rows, after }]));
  });

  test('protection: a protected sheet, unlocked cells and columns, what the protection allows', async () => {
    const rows =
      '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1" s="1"/><c r="D1"><v>3</v></c></row><row r="3"><c r="A3" s="1"/><c r="B3" s="1"/></row>';
    const before = '<cols><col min="2" max="2" width="10" style="1" customWidth="1"/><col min="4" max="4" width="10" style="0"/></cols>';
    const protectedSheet = {
      name: 'Beschermd',
      rows,
      before,
      after: '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0"/>',
    };
    const openSheet = { name: 'Open', rows, before };
    const notAllowed = { name: 'Streng', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', after: '<sheetProtection sheet="1"/>' };
    await expectSameReading(await handMade([protectedSheet, openSheet, notAllowed]));
  });

  test('validations: lists, whole numbers, decimals, kinds the engine never writes, large ranges, overlaps, extensions', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const after =
      '<dataValidations count="7">' +
      '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Kies" error="Uit de lijst" prompt="Kies een opgave" sqref="B2:B40 D5"><formula1>Keuzelijsten!$A$1:$A$10</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" sqref="E2"><formula1>"To do,Bezig,Klaar"</formula1></dataValidation>' +
      '<dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorStyle="warning" sqref="C6:J30"><formula1>-10</formula1><formula2>10</formula2></dataValidation>' +
      '<dataValidation type="decimal" operator="greaterThanOrEqual" sqref="K6:K30"><formula1>0</formula1></dataValidation>' +
      '<dataValidation type="textLength" operator="lessThan" sqref="L1:L3"><formula1>5</formula1></dataValidation>' +
      '<dataValidation type="whole" sqref="M:M"><formula1>1</formula1><formula2>2</formula2></dataValidation>' +
      '<dataValidation type="whole" sqref="C10:C12"><formula1>0</formula1><formula2>5</formula2></dataValidation>' +
      '</dataValidations>' +
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Andere!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>N1:N9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    await expectSameReading(await handMade([{ name: 'Regels', rows, after }]));
  });

  test('hidden and very hidden sheets, the 1904 date system, a chartsheet (no cells) between the sheets', async () => {
    const rows = '<row r="1"><c r="A1" s="2"><v>45000</v></c></row>';
    const bytes = await handMade(
      [
        { name: 'Zichtbaar', rows },
        { name: 'Verborgen', rows, state: 'hidden' },
        { name: 'Heel verborgen', rows, state: 'veryHidden' },
      ],
      { date1904: true, chartsheet: true },
    );
    await expectSameReading(bytes);
    const { pkg } = await bothReadings(bytes);
    expect(pkg.date1904).toBe(true);
    expect(pkg.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Zichtbaar', false],
      ['Verborgen', true],
      ['Heel verborgen', true],
    ]);
  });

  test('shared strings and styles at their usual paths without a relationship to them are read, as ExcelJS reads them', async () => {
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c></row>';
    const zip = await JSZip.loadAsync(
      await handMade([{ name: 'Zonder relatie', rows, after: '<sheetProtection sheet="1"/>' }], {
        strings: ['<si><t>Opgave</t></si>', '<si><t>Koppelkans</t></si>'],
      }),
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship Id="r[SY]"[^>]*\/>/g, ''));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expectSameReading(bytes);
    const { pkg } = await bothReadings(bytes);
    expect(pkg.sheets[0].values).toEqual([['Opgave', 'Koppelkans']]);
    expect(pkg.sheets[0].protection).toEqual({ protected: true, unlocked: ['B1'] });
  });

  test('a text written to such a package keeps its table and gives it its relationship (regression: the table was replaced by an empty one, and the texts were lost)', async () => {
    const zip = await JSZip.loadAsync(
      await handMade([{ name: 'Zonder relatie', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], { strings: ['<si><t>Opgave</t></si>'] }),
    );
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship Id="rS"[^>]*\/>/g, ''));
    for (const readZip of [readWithNodeZlib, readWithJsZip]) {
      const wb = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: 'uint8array' }), { readZip, deferModel: true });
      await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: 'Zonder relatie', cell: 'B1', cells: [[{ text: 'Groen' }]] }] });
      const written = await JSZip.loadAsync(await wb.toBuffer());
      expect(await written.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(
        /sharedStrings"[^>]*Target="sharedStrings.xml"|Target="sharedStrings.xml"[^>]*sharedStrings"/,
      );
      expect((await written.file('[Content_Types].xml')!.async('string')).match(/PartName="\/xl\/sharedStrings.xml"/g)).toHaveLength(1);
      const again = await readPackageSheets(await readWithJsZip(await written.generateAsync({ type: 'uint8array' })));
      expect(again.sheets[0].values).toEqual([['Opgave', 'Groen']]);
    }
  });

  test('a format written to such a package keeps its styles and gives them their relationship, and a package without styles gets Excel’s default ones (regression: "the package has no styles part", in English)', async () => {
    const rows = '<row r="1"><c r="A1" s="1"><v>1</v></c></row>';
    const zip = await JSZip.loadAsync(await handMade([{ name: 'Blad', rows }]));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship Id="rY"[^>]*\/>/g, ''));
    const withoutRelationship = await zip.generateAsync({ type: 'uint8array' });
    zip.remove('xl/styles.xml');
    const withoutStyles = await zip.generateAsync({ type: 'uint8array' });
    for (const readZip of [readWithNodeZlib, readWithJsZip]) {
      for (const [bytes, kept] of [
        [withoutRelationship, true],
        [withoutStyles, false],
      ] as const) {
        const wb = await XlsxWorkbook.fromBuffer(bytes, { readZip, deferModel: true });
        await wb.applyForWrite({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'B1', style: { bold: true } }] });
        const written = await wb.toBuffer();
        await verifyPackage(written);
        const parts = await JSZip.loadAsync(written);
        expect(await parts.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(/relationships\/styles" Target="styles.xml"/);
        expect((await parts.file('[Content_Types].xml')!.async('string')).match(/PartName="\/xl\/styles.xml"/g)).toHaveLength(1);
        const styles = await parts.file('xl/styles.xml')!.async('string');
        expect(styles).toMatch(/<b\/>/);
        // the package's own formats (its number format 0.00, its unlocked format) are still there
        expect(styles.includes('formatCode="0.00"') && styles.includes('<protection locked="0"/>')).toBe(kept);
        expect((await readPackageSheets(await readWithJsZip(written))).sheets[0].values).toEqual([[1]]);
      }
    }
  });

  test('formula cells without a cached result are listed as with the model', async () => {
    const rows = '<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>A1</f><v></v></c><c r="C1"><f>A1</f><v>2</v></c></row>';
    const bytes = await handMade([{ name: 'Zonder', rows }]);
    await expectSameReading(bytes);
    expect((await bothReadings(bytes)).pkg.sheets[0].noCachedResult).toEqual(['A1']);
  });
});

describe('where the package reader follows the file and ExcelJS does not', () => {
  test('a number in a date format stays the serial number the file holds', async () => {
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const bytes = await handMade([{ name: 'Datum', rows: '<row r="1"><c r="A1" s="1"><v>46000.12345678901</v></c></row>' }], { styles });
    const { model, pkg } = await bothReadings(bytes);
    expect(pkg.sheets[0].values[0][0]).toBe(46000.12345678901);
    expect(model.sheets[0].values[0][0]).toBeCloseTo(46000.12345678901, 6);
  });

  test('a cell of type d (an ISO 8601 date) is its serial number', async () => {
    const bytes = await handMade([
      { name: 'Iso', rows: '<row r="1"><c r="A1" t="d"><v>2026-12-03</v></c><c r="B1" t="d"><v>2026-12-03T12:00:00</v></c></row>' },
    ]);
    const { model, pkg } = await bothReadings(bytes);
    expect(pkg.sheets[0].values[0]).toEqual([46359, 46359.5]);
    expect(model.sheets[0].values[0]).toEqual([2026, 2026]);
  });

  test('a formula cell with a hyperlink keeps its formula', async () => {
    const zip = await JSZip.loadAsync(await handMade([{ name: 'Link', rows: '<row r="1"><c r="A1" t="str"><f>"site"</f><v>site</v></c></row>' }]));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      '</sheetData>',
      '</sheetData><hyperlinks><hyperlink ref="A1" r:id="rH"/></hyperlinks>',
    );
    zip.file('xl/worksheets/sheet1.xml', xml);
    zip.file(
      'xl/worksheets/_rels/sheet1.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>',
    );
    const { model, pkg } = await bothReadings(await zip.generateAsync({ type: 'uint8array' }));
    expect(pkg.sheets[0].formulas?.[0][0]).toBe('="site"');
    expect(model.sheets[0].formulas?.[0][0]).toBeNull();
    expect(pkg.sheets[0].values[0][0]).toBe('site');
  });

  test('protection written as xsd:boolean "true", and columns unlocked beyond the last cell', async () => {
    const bytes = await handMade([
      {
        name: 'Waar',
        rows: '<row r="1"><c r="A1"><v>1</v></c></row>',
        before: '<cols><col min="6" max="8" width="10" style="1" customWidth="1"/></cols>',
        after: '<sheetProtection sheet="true" formatCells="false"/>',
      },
    ]);
    const { model, pkg } = await bothReadings(bytes);
    expect(pkg.sheets[0].protection).toEqual({ protected: true, unlocked: ['F1:H1048576'], allowFormatCells: true });
    expect(model.sheets[0].protection).toBeUndefined();
  });

  test('a sheet protected in LibreOffice: formats that unlock with locked="false" (xsd:boolean) unlock their cells and columns', async () => {
    // LibreOffice writes every boolean as "true"/"false"; ExcelJS reads neither the protection
    // (sheet="true") nor the unlocked formats (locked="false"), the package reader read the first only
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" applyProtection="false"><protection locked="true" hidden="false"/></xf><xf numFmtId="0" applyProtection="true"><protection locked="false" hidden="false"/></xf></cellXfs></styleSheet>';
    const bytes = await handMade(
      [
        {
          name: 'Libre',
          rows: '<row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row><row r="2"><c r="D2" s="1"/></row>',
          before: '<cols><col min="3" max="3" width="14" style="1" customWidth="true"/></cols>',
          after: '<sheetProtection sheet="true" objects="true" scenarios="true" formatCells="false"/>',
        },
      ],
      { styles },
    );
    const { model, pkg } = await bothReadings(bytes);
    expect(pkg.sheets[0].protection).toEqual({ protected: true, unlocked: ['C1:C1048576', 'B1', 'D2'], allowFormatCells: true });
    expect(model.sheets[0].protection).toBeUndefined();
  });

  test('a workbook with date1904="true" (as LibreOffice writes it) counts from 1904', async () => {
    const zip = await JSZip.loadAsync(await handMade([{ name: 'Mac', rows: '<row r="1"><c r="A1"><v>53327</v></c></row>' }], { date1904: true }));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace('date1904="1"', 'date1904="true"'));
    const { model, pkg } = await bothReadings(await zip.generateAsync({ type: 'uint8array' }));
    expect(pkg.date1904).toBe(true);
    expect(model.date1904).toBeFalsy();
  });

  test('a validation on whole rows (sqref "5:5") applies to the cells of the row (ExcelJS drops it)', async () => {
    const after =
      '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="5:5"><formula1>0</formula1><formula2>3</formula2></dataValidation></dataValidations>';
    const bytes = await handMade([{ name: 'Rij', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', after }]);
    const request: SnapshotRequest = { validationTargets: () => [{ sheet: 'Rij', range: 'C5' }] };
    const pkg = await (await XlsxWorkbook.fromBuffer(bytes, { deferModel: true })).readSnapshot(request);
    const model = await (await XlsxWorkbook.fromBuffer(bytes)).readSnapshot(request);
    expect(pkg.validations?.[0].rule).toMatchObject({ type: 'wholeNumber', min: 0, max: 3 });
    expect(model.validations?.[0].rule).toBeNull();
  });

  test('a worksheet part not named sheetN.xml is read through its relationship (ExcelJS skips the sheet)', async () => {
    const zip = await JSZip.loadAsync(
      await handMade([
        { name: 'Eigen naam', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Tweede', rows: '' },
      ]),
    );
    zip.file('xl/worksheets/werkblad.xml', await zip.file('xl/worksheets/sheet1.xml')!.async('string'));
    zip.remove('xl/worksheets/sheet1.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('worksheets/sheet1.xml', 'worksheets/werkblad.xml'));
    const { model, pkg } = await bothReadings(await zip.generateAsync({ type: 'uint8array' }));
    expect(pkg.sheets.map((s) => [s.name, s.values])).toEqual([
      ['Eigen naam', [[1]]],
      ['Tweede', []],
    ]);
    expect(model.sheets.map((s) => s.name)).toEqual(['Tweede']);
  });

  test('elements with a namespace prefix (x:c) and another prefix for relationships are read (ExcelJS refuses the file)', async () => {
    const zip = await JSZip.loadAsync(
      await handMade([{ name: 'Prefix', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>' }], { strings: ['<si><t>tekst</t></si>'] }),
    );
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      const xml = await zip.file(part)!.async('string');
      zip.file(
        part,
        xml
          .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
          .replace(/<(\/?)([a-zA-Z]\w*)(?=[\s>/])/g, '<$1x:$2')
          .replace(/xmlns:r=/g, 'xmlns:rel=')
          .replace(/ r:id=/g, ' rel:id='),
      );
    }
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(XlsxWorkbook.fromBuffer(bytes)).rejects.toThrow();
    expect((await (await XlsxWorkbook.fromBuffer(bytes, { deferModel: true })).readSnapshot()).sheets.map((s) => [s.name, s.values])).toEqual([
      ['Prefix', [['tekst', 2]]],
    ]);
  });

  test('an inline string with a phonetic run is read, and so is the rest of the sheet (ExcelJS stops reading the sheet there)', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Kk</t><rPh sb="0" eb="1"><t>KK</t></rPh></is></c><c r="B1"><v>5</v></c></row><row r="2"><c r="A2"><v>6</v></c></row>';
    const { model, pkg } = await bothReadings(await handMade([{ name: 'Fonetiek', rows }]));
    expect(pkg.sheets[0].values).toEqual([['Kk', 5], [6]]);
    expect(model.sheets[0].values).toEqual([]);
  });

  test('a row that appears twice keeps the cells of both (ExcelJS: those of the last)', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="1"><c r="C1"><v>3</v></c></row>';
    const { model, pkg } = await bothReadings(await handMade([{ name: 'Dubbel', rows }]));
    expect(pkg.sheets[0].values).toEqual([[1, 2, 3]]);
    expect(model.sheets[0].values).toEqual([[null, null, 3]]);
  });

  test.each([
    ['a row without a number', '<row><c r="A1"><v>1</v></c></row><row><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>', [[1], [null, 2, 3]]],
    ['cells without an address (each follows the one before)', '<row r="1"><c><v>1</v></c><c r="C1"><v>2</v></c><c><v>3</v></c></row>', [[1, null, 2, 3]]],
    ['a shared string that is not in the table (empty)', '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row>', [['a']]],
  ])('%s: read as Excel places it, where ExcelJS refuses the whole file', async (_case, rows, values) => {
    const bytes = await handMade([{ name: 'Los', rows }], { strings: ['<si><t>a</t></si>'] });
    await expect(XlsxWorkbook.fromBuffer(bytes)).rejects.toThrow();
    expect((await (await XlsxWorkbook.fromBuffer(bytes, { deferModel: true })).readSnapshot()).sheets[0].values).toEqual(values);
  });

  test("inline text and a formula's cached text are read once (escapes decoded, entities not twice)", async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>_x0041_</t></is></c><c r="B1" t="str"><f>"&amp;amp;"</f><v>&amp;amp;</v></c></row>';
    const { model, pkg } = await bothReadings(await handMade([{ name: 'Tekst', rows }]));
    expect(pkg.sheets[0].values[0]).toEqual(['A', '&amp;']);
    expect(model.sheets[0].values[0]).toEqual(['_x0041_', '&']);
  });
});

/** `handMade`'s package with the first sheet's part and the shared strings renamed to other upper/lower case than their relationships name. */
async function partNamesInOtherCase(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await handMade(
      [
        { name: 'Werkblad', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>4</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>' },
        { name: 'Tweede', rows: '<row r="1"><c r="A1" t="s"><v>1</v></c></row>' },
      ],
      { strings: ['<si><t>Opgave</t></si>', '<si><t>Groen</t></si>'] },
    ),
  );
  for (const [from, to] of [
    ['xl/worksheets/sheet1.xml', 'xl/worksheets/Sheet1.xml'],
    ['xl/sharedStrings.xml', 'xl/SharedStrings.xml'],
  ]) {
    zip.file(to, await zip.file(from)!.async('string'));
    zip.remove(from);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('part names that differ only in upper/lower case are the same part (ECMA-376 Part 2: part names compare as case-insensitive ASCII)', () => {
  const expected = [
    ['Werkblad', [['Opgave', 4], ['Groen']]],
    ['Tweede', [['Groen']]],
  ];

  test.each([
    ['Node zlib', readWithNodeZlib],
    ['JSZip', readWithJsZip],
  ])('the package reader reads the sheet and its texts (%s; regression: the sheet was missing and texts read as empty)', async (_name, readZip) => {
    const read = await readPackageSheets(await readZip(await partNamesInOtherCase()));
    expect(read.sheets.map((s) => [s.name, s.values])).toEqual(expected);
  });

  test.each([
    ['Node zlib', readWithNodeZlib],
    ['JSZip', readWithJsZip],
  ])('a write changes the parts under their own names: no second part with an equal name, texts kept (%s)', async (_name, readZip) => {
    const wb = await XlsxWorkbook.fromBuffer(await partNamesInOtherCase(), { readZip, deferModel: true });
    await wb.applyForWrite({
      ops: [
        { kind: 'setCells', sheet: 'Werkblad', cell: 'C1', cells: [[{ text: 'Nieuw' }]] },
        { kind: 'addSheet', sheet: 'Derde' },
        { kind: 'setCells', sheet: 'Derde', cell: 'A1', cells: [[{ text: 'Opgave' }]] },
      ],
    });
    const written = await wb.toBuffer();
    const names = Object.keys((await JSZip.loadAsync(written)).files);
    const lowered = names.map((n) => n.toLowerCase());
    expect(new Set(lowered).size).toBe(lowered.length);
    expect(names).toEqual(expect.arrayContaining(['xl/worksheets/Sheet1.xml', 'xl/SharedStrings.xml']));
    const again = await readPackageSheets(await readWithNodeZlib(written));
    expect(again.sheets.map((s) => [s.name, s.values])).toEqual([['Werkblad', [['Opgave', 4, 'Nieuw'], ['Groen']]], expected[1], ['Derde', [['Opgave']]]]);
  });

  test('an operation that needs ExcelJS, which misses the sheet, is refused in Dutch naming the sheet, before anything is written', async () => {
    const bytes = await partNamesInOtherCase();
    expect((await XlsxWorkbook.fromBuffer(bytes)).sheetNames()).toEqual(['Tweede']);
    const wb = await XlsxWorkbook.fromBuffer(bytes, { deferModel: true });
    const refused = wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Werkblad', minRow: 2, firstColumn: 'A', rows: [[{ text: 'Water' }]] }] });
    await expect(refused).rejects.toMatchObject({
      code: 'cannotEditLayout',
      sheet: 'Werkblad',
      message: expect.stringMatching(/blad "Werkblad".*Er is niets gewijzigd/),
    });
  });
});

describe('an operation on ExcelJS’s model of a package it misreads without an error is refused (regression: it would have worked on the misread cells)', () => {
  test('shared strings without a relationship under another name: ExcelJS reads the texts as numbers', async () => {
    const zip = await JSZip.loadAsync(
      await handMade([{ name: 'Blad', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], { strings: ['<si><t>Opgave</t></si>'] }),
    );
    zip.file('xl/strings.xml', await zip.file('xl/sharedStrings.xml')!.async('string'));
    zip.remove('xl/sharedStrings.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('Target="sharedStrings.xml"', 'Target="strings.xml"'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const wb = await XlsxWorkbook.fromBuffer(bytes, { deferModel: true });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([['Opgave']]);
    await expect(wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[{ text: 'Water' }]] }] })).rejects.toMatchObject({
      code: 'cannotEditLayout',
      sheet: 'Blad',
      cell: 'A1',
    });
  });

  test('opened with checkModel (the browser preview): refused in Dutch naming the sheet, where the model would have missed it', async () => {
    await expect(XlsxWorkbook.fromBuffer(await partNamesInOtherCase(), { checkModel: true })).rejects.toMatchObject({
      code: 'cannotReadLayout',
      sheet: 'Werkblad',
      message: expect.stringMatching(/blad "Werkblad".*sla hem op als Excel-werkmap/),
    });
    const { made } = await preparedSample(NOW);
    const opened = await XlsxWorkbook.fromBuffer(await made.toBuffer(), { checkModel: true });
    expect((await opened.readSnapshot()).sheets.length).toBeGreaterThan(3);
  });

  test('a package ExcelJS reads as the package reader does is not refused (the prepared sample)', async () => {
    const { made } = await preparedSample(NOW);
    const wb = await XlsxWorkbook.fromBuffer(await made.toBuffer(), { deferModel: true });
    const sheet = (await wb.readSnapshot()).sheets[0].name;
    await expect(wb.apply({ ops: [{ kind: 'setCells', sheet, cell: 'C6', cells: [[{ number: 3 }]] }] })).resolves.toBeDefined();
  });
});

describe('damaged sheet parts are refused in Dutch naming the sheet (regression: apply wrote one sheet over another, into the styles, or added a second sheet of the same name)', () => {
  async function damaged(edit: (zip: JSZip, rels: string, workbook: string) => Promise<void> | void): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(
      await handMade([
        { name: 'Werkblad', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Resultaat', rows: '<row r="1"><c r="A1"><v>2</v></c></row>' },
      ]),
    );
    await edit(zip, await zip.file('xl/_rels/workbook.xml.rels')!.async('string'), await zip.file('xl/workbook.xml')!.async('string'));
    return zip.generateAsync({ type: 'uint8array' });
  }
  const R = 'xl/_rels/workbook.xml.rels';

  test.each([
    ['two sheets on one part', (zip: JSZip, rels: string) => void zip.file(R, rels.replace('worksheets/sheet2.xml', 'worksheets/sheet1.xml'))],
    ['a sheet on the styles part', (zip: JSZip, rels: string) => void zip.file(R, rels.replace('worksheets/sheet2.xml', 'styles.xml'))],
    ['a sheet whose part is missing', (zip: JSZip) => void zip.remove('xl/worksheets/sheet2.xml')],
    ['a sheet without a relationship', (zip: JSZip, _rels: string, wb: string) => void zip.file('xl/workbook.xml', wb.replace('r:id="rId2"', 'r:id="rId99"'))],
    [
      'an external target',
      (zip: JSZip, rels: string) => void zip.file(R, rels.replace('Target="worksheets/sheet2.xml"', 'Target="worksheets/sheet2.xml" TargetMode="External"')),
    ],
  ])('%s', async (_name, edit) => {
    const bytes = await damaged(edit);
    for (const readZip of [readWithNodeZlib, readWithJsZip]) {
      await expect(readPackageSheets(await readZip(bytes))).rejects.toMatchObject({
        code: 'brokenSheetPart',
        sheet: 'Resultaat',
        message: expect.stringMatching(/^Het bestand is beschadigd: blad "Resultaat".*Er is niets gewijzigd\.$/),
      });
    }
  });

  test('a package with two parts whose names differ only in case is no readable package (ECMA-376 Part 2)', async () => {
    const bytes = await damaged(async (zip) => void zip.file('XL/WORKSHEETS/SHEET1.XML', await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
    await expect(readWithNodeZlib(bytes)).rejects.toThrow(/same part name/);
    await expect(readWithJsZip(bytes)).rejects.toThrow(/same part name/);
  });
});

describe('readSharedStrings', () => {
  test('plain, rich and phonetic texts by index; an empty one stays in its place', () => {
    expect(
      readSharedStrings(
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si/><si><r><t>b</t></r><r><t>c</t></r><rPh><t>X</t></rPh></si><x:si xmlns:x="u"><x:t>d_x000A_</x:t></x:si></sst>',
      ),
    ).toEqual(['a', '', 'bc', 'd\n']);
  });

  test('malformed XML is an error naming the shared strings', () => {
    expect(() => readSharedStrings('<sst><si><t>a</si></sst>')).toThrow(/shared strings/);
  });
});

describe('a workbook read with deferModel', () => {
  test('refuses a zip without a workbook part as the model does', async () => {
    const zip = new JSZip();
    zip.file('content.xml', '<office:document/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(XlsxWorkbook.fromBuffer(bytes, { deferModel: true })).rejects.toMatchObject({ code: 'notAWorkbook' });
    await expect(XlsxWorkbook.fromBuffer(bytes)).rejects.toMatchObject({ code: 'notAWorkbook' });
  });

  test('plans, applies and writes like a workbook read with its model', async () => {
    const { made } = await preparedSample(NOW);
    const bytes = await made.toBuffer();
    const outputs: string[] = [];
    for (const deferModel of [false, true]) {
      const wb = await XlsxWorkbook.fromBuffer(bytes, { readZip: readWithNodeZlib, deferModel });
      const snapshot = await wb.readSnapshotOnce({});
      const analysis = analyze(snapshot, { now: NOW });
      expect(analysis.kind).toBe('koppelkansen');
      await wb.applyForWrite({ ops: [{ kind: 'setCells', sheet: snapshot.sheets[0].name, cell: 'C6', cells: [[{ number: 7 }]] }] });
      const { bytes: written } = await wb.packageWriter()();
      outputs.push(JSON.stringify(await (await XlsxWorkbook.fromBuffer(written)).readSnapshot()));
    }
    expect(outputs[1]).toBe(outputs[0]);
  });

  test("a package only the package reader reads (a row without a number): an operation that needs the model is refused with a typed error, not ExcelJS's", async () => {
    const bytes = await handMade([{ name: 'Los', rows: '<row><c r="A1"><v>1</v></c></row>' }]);
    const wb = await XlsxWorkbook.fromBuffer(bytes, { deferModel: true });
    expect((await wb.readSnapshot()).sheets[0].values).toEqual([[1]]);
    // the command line reports a WorkbookError in Dutch; ExcelJS's own error in English reached the
    // user instead (samenvoegen of a package with x: prefixes: "koppelkansen: Cannot set
    // properties of undefined (setting 'sheetNo')", exit 2; the old command line said "is geen
    // leesbaar Excel-bestand (.xlsx)")
    await expect(wb.apply({ ops: [{ kind: 'setCells', sheet: 'Los', cell: 'B1', cells: [[{ number: 2 }]] }] })).rejects.toBeInstanceOf(WorkbookError);
  });

  test('builds the model when an operation needs it, and reads it afterwards', async () => {
    const { made } = await preparedSample(NOW);
    const wb = await XlsxWorkbook.fromBuffer(await made.toBuffer(), { deferModel: true });
    const before = await wb.readSnapshot();
    const sheet = before.sheets[0].name;
    await wb.apply({ ops: [{ kind: 'setCells', sheet, cell: 'C6', cells: [[{ number: 3 }]] }] });
    expect(wb.getCell(sheet, 'C6')).toBe(3);
    expect((await wb.readSnapshot()).sheets[0].values[5][2]).toBe(3);
  });
});

/**
 * Whole-column insert and delete in the .xlsx adapter (src/workbook/xlsx/package/columns.ts):
 * what the port's contract (tests/workbook/columnsContract.ts) cannot see, read in the
 * written package itself: shared and array formulas, chart series, tables, conditional
 * formats, defined names (print titles with columns), autofilters, hyperlinks, comments,
 * references from other sheets, and every part nothing points into keeping its bytes.
 */
import JSZip from 'jszip';
import type { PlanOp } from '../../../src/core/snapshot';
import { verifyPackage } from '../../../src/workbook/xlsx/package/verify';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';
import { expectWorkbookError } from '../expectWorkbookError';
import { sheetParts } from './packageDiff';
import { teamWorkbook, ws as TEAM_WS } from './teamWorkbook';

const W = 'Werk blad';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const ROWS =
  '<row r="3"><c r="A3" t="inlineStr"><is><t>Kop</t></is></c><c r="C3" t="inlineStr"><is><t>Geld</t></is></c><c r="D3" t="inlineStr"><is><t>Tijd</t></is></c></row>' +
  '<row r="5" spans="3:8"><c r="C5"><v>1</v></c><c r="D5"><v>2</v></c><c r="E5"><v>3</v></c><c r="F5"><v>4</v></c><c r="G5"><v>5</v></c><c r="H5"><v>6</v></c></row>' +
  // a shared formula across C10:F10 that stays shared after deleting D (every cell follows its anchor)
  '<row r="10"><c r="C10"><f t="shared" ref="C10:F10" si="0">C5*2</f><v>2</v></c><c r="D10"><f t="shared" si="0"/><v>4</v></c><c r="E10"><f t="shared" si="0"/><v>6</v></c><c r="F10"><f t="shared" si="0"/><v>8</v></c></row>' +
  // one that cannot stay shared after inserting at F: C11 =E5 keeps E5, D11 =F5 becomes G5
  '<row r="11"><c r="C11"><f t="shared" ref="C11:D11" si="1">E5</f><v>3</v></c><c r="D11"><f t="shared" si="1"/><v>4</v></c></row>' +
  // a shared formula down one column (Excel's fill down), and an array formula
  '<row r="12"><c r="E12"><f t="shared" ref="E12:E13" si="2">SUM($C$5:H5)</f><v>21</v></c><c r="H12"><f t="array" ref="H12:H13">C5:D5*2</f><v>2</v></c></row>' +
  '<row r="13"><c r="E13"><f t="shared" si="2"/><v>0</v></c><c r="H13"><v>4</v></c></row>';

const EXTRA =
  '<autoFilter ref="C3:H5"><filterColumn colId="3"><filters><filter val="4"/></filters></filterColumn></autoFilter>' +
  '<mergeCells count="2"><mergeCell ref="D1:E1"/><mergeCell ref="G1:H1"/></mergeCells>' +
  '<conditionalFormatting sqref="D5:H5"><cfRule type="expression" priority="1"><formula>E5&gt;$H$5</formula></cfRule></conditionalFormatting>' +
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C20:H20"><formula1>$C$3:$H$3</formula1></dataValidation></dataValidations>' +
  '<hyperlinks><hyperlink ref="G5" location="\'Werk blad\'!H5" display="naar H5"/></hyperlinks>';

const CHART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser>' +
  "<c:tx><c:strRef><c:f>'Werk blad'!$D$3</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>'Werk blad'!$C$3:$H$3</c:f></c:strRef></c:cat>" +
  "<c:val><c:numRef><c:f>'Werk blad'!$F$5:$H$5</c:f><c:numCache><c:formatCode>General</c:formatCode></c:numCache></c:numRef></c:val></c:ser><c:ser><c:val><c:numRef><c:f>Eigen!$D$1:$E$1</c:f></c:numRef></c:val>" +
  '</c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>';

const TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<table ${NS} id="1" name="Kosten" displayName="Kosten" ref="J7:K9"><autoFilter ref="J7:K9"/><tableColumns count="2"><tableColumn id="1" name="Post"/><tableColumn id="2" name="Bedrag" ><calculatedColumnFormula>'Werk blad'!$H$5*2</calculatedColumnFormula></tableColumn></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>`;

/** Two shapes: one from E to G that moves and sizes with its cells, one with its left edge in D (deleted there). */
const DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>10</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>20</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Vak 1"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>' +
  '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>10</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>5</xdr:col><xdr:colOff>20</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="3" name="Vak 2"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>' +
  '</xdr:wsDr>';

/** A workbook with what a team builds in Excel, written as Excel writes it. */
async function teamPackage(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: W },
      { kind: 'addSheet', sheet: 'Eigen' },
      {
        kind: 'setCells',
        sheet: W,
        cell: 'J7',
        cells: [
          [{ text: 'Post' }, { text: 'Bedrag' }],
          [{ text: 'a' }, { number: 1 }],
          [{ text: 'b' }, { number: 2 }],
        ],
      },
      {
        kind: 'setCells',
        sheet: 'Eigen',
        cell: 'A1',
        cells: [[{ formula: "='Werk blad'!E5" }, { formula: "=SUM('Werk blad'!C5:H5)" }, { formula: "='werk blad'!D5+1" }, { number: 1 }, { number: 2 }]],
      },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A3', cells: [[{ formula: "=SUM('Werk blad'!D10:F10)" }]] },
    ],
  });
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  const parts = await sheetParts(zip);
  const path = parts.get(W.toLowerCase())!;
  let xml = await zip.file(path)!.async('string');
  xml = xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, (m) => `<sheetData>${ROWS}${m.slice('<sheetData>'.length, -'</sheetData>'.length)}</sheetData>`);
  xml = xml.replace(
    /<cols>[\s\S]*?<\/cols>|(?=<sheetData)/,
    '<cols><col min="3" max="3" width="11" customWidth="1"/><col min="4" max="6" width="14" customWidth="1"/></cols>',
  );
  xml = xml.replace(/(<pageMargins)/, `${EXTRA}$1`);
  xml = xml.replace('</worksheet>', '<drawing r:id="rIdD1"/><tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>');
  if (!xml.includes('xmlns:r=')) xml = xml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  // rows of a sheet come in order: the template's own rows (J7..J9) after ours
  xml = xml.replace(/<sheetData>([\s\S]*)<\/sheetData>/, (_m, rows: string) => {
    const list = rows.match(/<row [\s\S]*?<\/row>|<row [^>]*\/>/g) ?? [];
    list.sort((a, b) => Number(/r="(\d+)"/.exec(a)![1]) - Number(/r="(\d+)"/.exec(b)![1]));
    return `<sheetData>${list.join('')}</sheetData>`;
  });
  zip.file(path, xml);
  const rels = path.replace(/([^/]+)$/, '_rels/$1.rels');
  zip.file(
    rels,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/>' +
      '<Relationship Id="rIdD1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
  );
  zip.file('xl/tables/table1.xml', TABLE);
  zip.file('xl/charts/chart1.xml', CHART);
  zip.file('xl/drawings/drawing1.xml', DRAWING);
  let ct = await zip.file('[Content_Types].xml')!.async('string');
  ct = ct.replace(
    '</Types>',
    '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', ct);
  // conditional format on the other sheet pointing at the moved columns; names with columns in them
  const eigen = parts.get('eigen')!;
  zip.file(
    eigen,
    (await zip.file(eigen)!.async('string')).replace(
      /(<pageMargins)/,
      '<conditionalFormatting sqref="A1:B1"><cfRule type="expression" priority="1"><formula>A1&gt;\'Werk blad\'!$F$5</formula></cfRule></conditionalFormatting>$1',
    ),
  );
  const names =
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Werk blad'!$D:$D,'Werk blad'!$3:$3</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'Werk blad'!$D$1:$D$20</definedName>` +
    `<definedName name="Scores">'Werk blad'!$C$5:$H$5</definedName>` +
    `<definedName name="Tijd">'Werk blad'!$D$5</definedName>`;
  let book = await zip.file('xl/workbook.xml')!.async('string');
  book = book.includes('<definedNames>')
    ? book.replace('<definedNames>', `<definedNames>${names}`)
    : book.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
  zip.file('xl/workbook.xml', book);
  return zip.generateAsync({ type: 'uint8array' });
}

async function shifted(op: PlanOp, source?: Uint8Array): Promise<{ zip: JSZip; wb: XlsxWorkbook; bytes: Uint8Array; before: JSZip }> {
  const input = source ?? (await teamPackage());
  const wb = await XlsxWorkbook.fromBuffer(input);
  await wb.apply({ ops: [op] });
  const bytes = await wb.toBuffer();
  await verifyPackage(bytes);
  return { zip: await JSZip.loadAsync(bytes), wb: await XlsxWorkbook.fromBuffer(bytes), bytes, before: await JSZip.loadAsync(input) };
}

const text = async (zip: JSZip, path: string) => zip.file(path)!.async('string');
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  return text(zip, (await sheetParts(zip)).get(name.toLowerCase())!);
}
/** The <c> element of `ref` in a sheet part. */
function cellXml(xml: string, ref: string): string | undefined {
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];
}

describe('xlsx adapter: deleting a column moves what the contract cannot see', () => {
  let r: Awaited<ReturnType<typeof shifted>>;
  let xml: string;
  beforeAll(async () => {
    r = await shifted({ kind: 'deleteColumns', sheet: W, column: 'D', count: 1 });
    xml = await sheetXml(r.zip, W);
  });

  test('a shared formula whose cells all follow its anchor stays shared, with its range shrunk', () => {
    expect(cellXml(xml, 'C10')).toBe('<c r="C10"><f t="shared" ref="C10:E10" si="0">C5*2</f><v>2</v></c>');
    expect(cellXml(xml, 'D10')).toBe('<c r="D10"><f t="shared" si="0"/><v>6</v></c>');
    expect(cellXml(xml, 'F10')).toBeUndefined();
    expect(r.wb.getFormula(W, 'E10')).toBe('=E5*2');
  });

  test('a shared formula down one column moves with its column; an array formula keeps its range, moved', () => {
    expect(cellXml(xml, 'D12')).toBe('<c r="D12"><f t="shared" ref="D12:D13" si="2">SUM($C$5:G5)</f><v>21</v></c>');
    expect(r.wb.getFormula(W, 'D13')).toBe('=SUM($C$5:G6)');
    // the range spanning the deleted column shrinks
    expect(cellXml(xml, 'G12')).toBe('<c r="G12"><f t="array" ref="G12:G13">C5:C5*2</f><v>2</v></c>');
  });

  test('chart series follow their cells; a series on a deleted cell is #REF!, other sheets stay', async () => {
    const chart = await text(r.zip, 'xl/charts/chart1.xml');
    expect(chart).toContain("<c:f>'Werk blad'!$C$3:$G$3</c:f>");
    expect(chart).toContain("<c:f>'Werk blad'!$E$5:$G$5</c:f>");
    expect(chart).toContain('<c:f>#REF!</c:f>');
    expect(chart).toContain('<c:f>Eigen!$D$1:$E$1</c:f>');
    // the rest of the part keeps its bytes
    expect(chart.replace(/<c:f>[^<]*<\/c:f>/g, '')).toBe(CHART.replace(/<c:f>[^<]*<\/c:f>/g, ''));
  });

  test('shapes and charts on the sheet move with their cells; an edge in the deleted column moves to where it was', async () => {
    const drawing = await text(r.zip, 'xl/drawings/drawing1.xml');
    const cols = [...drawing.matchAll(/<xdr:col>(\d+)<\/xdr:col><xdr:colOff>(\d+)<\/xdr:colOff>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(cols).toEqual([
      [3, 10],
      [5, 20],
      [3, 0],
      [4, 20],
    ]);
  });

  test('a table right of the change moves with its filter; its column formula follows the cells', async () => {
    const table = await text(r.zip, 'xl/tables/table1.xml');
    expect(table).toContain('ref="I7:J9"');
    expect(table).toContain('<autoFilter ref="I7:J9"/>');
    expect(table).toContain("<calculatedColumnFormula>'Werk blad'!$G$5*2</calculatedColumnFormula>");
    expect(r.wb.getCell(W, 'I7')).toBe('Post');
  });

  test('conditional formats, validations, merges, the autofilter and hyperlinks move; what lay only in D goes', () => {
    expect(xml).toContain(
      '<conditionalFormatting sqref="D5:G5"><cfRule type="expression" priority="1"><formula>D5&gt;$G$5</formula></cfRule></conditionalFormatting>',
    );
    expect(xml).toContain('sqref="C20:G20"><formula1>$C$3:$G$3</formula1>');
    expect(xml).toMatch(/<mergeCells count="2"><mergeCell ref="D1:D1"\/><mergeCell ref="F1:G1"\/><\/mergeCells>/);
    // the filter on F (colId 3 from C) is on E now: colId 2
    expect(xml).toContain('<autoFilter ref="C3:G5"><filterColumn colId="2">');
    expect(xml).toContain('<hyperlink ref="F5" location="\'Werk blad\'!G5" display="naar H5"/>');
    expect(xml).toContain('<col min="3" max="3" width="11" customWidth="1"/><col min="4" max="5" width="14" customWidth="1"/>');
    expect(xml).toContain('<dimension ref="A3:J13"/>');
  });

  test('formulas and conditional formats on another sheet follow the moved cells; a deleted cell is #REF!', async () => {
    expect(r.wb.getFormula('Eigen', 'A1')).toBe("='Werk blad'!D5");
    expect(r.wb.getFormula('Eigen', 'B1')).toBe("=SUM('Werk blad'!C5:G5)");
    // the sheet name in another case is the same sheet
    expect(r.wb.getFormula('Eigen', 'C1')).toBe('=#REF!+1');
    expect(r.wb.getFormula('Eigen', 'A3')).toBe("=SUM('Werk blad'!D10:E10)");
    expect(await sheetXml(r.zip, 'Eigen')).toContain("<formula>A1&gt;'Werk blad'!$E$5</formula>");
  });

  test('defined names move; print titles and a print area keep only the areas left, or go', async () => {
    const book = await text(r.zip, 'xl/workbook.xml');
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Werk blad'!$3:$3</definedName>`);
    expect(book).not.toContain('_xlnm.Print_Area');
    expect(book).toContain(`<definedName name="Scores">'Werk blad'!$C$5:$G$5</definedName>`);
    expect(book).toContain(`<definedName name="Tijd">#REF!</definedName>`);
    expect(book).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test('the parts nothing in them moved keep their bytes', async () => {
    for (const path of ['xl/styles.xml', 'xl/theme/theme1.xml', 'docProps/core.xml']) {
      if (!r.before.file(path)) continue;
      expect(await text(r.zip, path)).toBe(await text(r.before, path));
    }
  });
});

describe('xlsx adapter: inserting columns', () => {
  test('a shared formula that cannot stay shared gives each cell its own formula', async () => {
    const r = await shifted({ kind: 'insertColumns', sheet: W, column: 'F', count: 1 });
    const xml = await sheetXml(r.zip, W);
    expect(cellXml(xml, 'C11')).toBe('<c r="C11"><f>E5</f><v>3</v></c>');
    expect(cellXml(xml, 'D11')).toBe('<c r="D11"><f>G5</f><v>4</v></c>');
    // the group in C10:F10 widens around the new column and stays shared
    expect(cellXml(xml, 'C10')).toBe('<c r="C10"><f t="shared" ref="C10:G10" si="0">C5*2</f><v>2</v></c>');
    // F10 (=F5*2) is G10 now, on the moved F5
    expect(r.wb.getFormula(W, 'G10')).toBe('=G5*2');
    expect(r.wb.getCell(W, 'F5')).toBeNull();
    expect(r.wb.getCell(W, 'G5')).toBe(4);
    // a width spanning the insert point does not give the new column a width
    expect(xml).toContain('<col min="4" max="5" width="14" customWidth="1"/><col min="7" max="7" width="14" customWidth="1"/>');
  });

  test('an insert or delete through the middle of a table is refused, naming sheet and table, and nothing changes', async () => {
    const wb = await XlsxWorkbook.fromBuffer(await teamPackage());
    const before = await wb.toBuffer();
    await expectWorkbookError(
      wb.apply({
        ops: [
          { kind: 'setCells', sheet: 'Eigen', cell: 'Z1', cells: [[{ text: 'mag niet blijven' }]] },
          { kind: 'insertColumns', sheet: W, column: 'K', count: 1 },
        ],
      }),
      'invalidArgument',
      /Werk blad.*tabel "Kosten" \(J7:K9\)/,
    );
    await expectWorkbookError(wb.apply({ ops: [{ kind: 'deleteColumns', sheet: W, column: 'K', count: 2 }] }), 'invalidArgument', /Kosten/);
    expect(wb.getCell('Eigen', 'Z1')).toBeNull();
    expect(await wb.toBuffer()).toEqual(before);
  });

  test('a column op on a workbook made here (written by ExcelJS) carries on in the package, and later ops land on the moved cells', async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: W },
        { kind: 'setCells', sheet: W, cell: 'A1', cells: [[{ number: 1 }, { number: 2 }, { formula: '=A1+B1' }]] },
        { kind: 'insertColumns', sheet: W, column: 'B', count: 1 },
        { kind: 'setCells', sheet: W, cell: 'B1', cells: [[{ number: 10 }]] },
        { kind: 'appendRows', sheet: W, minRow: 1, firstColumn: 'A', rows: [[{ text: 'onder' }]] },
      ],
    });
    expect(wb.getFormula(W, 'D1')).toBe('=A1+C1');
    const back = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect((await back.readSnapshot()).sheets[0].values).toEqual([[1, 10, 2, null], ['onder']]);
    expect(back.getFormula(W, 'D1')).toBe('=A1+C1');
  });
});

test("a team's workbook saved by Excel: its comment, the note's drawing and its shared formula move with their cells", async () => {
  const r = await shifted({ kind: 'deleteColumns', sheet: TEAM_WS, column: 'D', count: 1 }, await teamWorkbook());
  const comments = Object.keys(r.zip.files).filter((p) => /comments\d*\.xml$/.test(p));
  const all = (await Promise.all(comments.map((p) => text(r.zip, p)))).join('');
  expect(all).toContain('<comment ref="M6"');
  expect(all).not.toContain('<comment ref="N6"');
  const vml = (
    await Promise.all(
      Object.keys(r.zip.files)
        .filter((p) => p.endsWith('.vml'))
        .map((p) => text(r.zip, p)),
    )
  ).join('');
  expect(vml).toContain('<x:Row>5</x:Row><x:Column>12</x:Column>');
  const xml = await sheetXml(r.zip, TEAM_WS);
  expect(cellXml(xml, 'N6')).toMatch(/<f t="shared" ref="N6:N13" si="\d+">M6\*2<\/f>/);
  expect(r.wb.getFormula(TEAM_WS, 'N13')).toBe('=M13*2');
  // the other sheets' parts that nothing pointed from keep their bytes
  const before = await sheetParts(r.before);
  const after = await sheetParts(r.zip);
  for (const name of ['notulen', 'team verborgen', 'beschermd']) expect(await text(r.zip, after.get(name)!)).toBe(await text(r.before, before.get(name)!));
});

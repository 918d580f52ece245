/**
 * Test helper: a team's workbook built in code (see fidelity.test.ts): the product's
 * template with data, then what teams add in Excel.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyze } from '../../../src/core/analyze';
import { SHEET_NAMES } from '../../../src/core/layout';
import { sampleDataOps } from '../../../src/taskpane/preview/sampleData';
import { createKoppelkansenWorkbook } from '../../../src/workbook/operations';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';
import { sheetParts } from './packageDiff';

export const NOW = new Date('2026-11-28T12:00:00Z');
const QUOTED = "Longlist 's-Hertogenbosch";
export const ws = SHEET_NAMES.werkblad;

async function editPart(zip: JSZip, path: string, edit: (xml: string) => string): Promise<void> {
  zip.file(path, edit(await zip.file(path)!.async('string')));
}

/** The team's workbook as Excel would have saved it. */
export async function teamWorkbook(): Promise<Uint8Array> {
  const made = XlsxWorkbook.create();
  await createKoppelkansenWorkbook(made, { wijk: 'Lelystad Oost', now: NOW });
  const filled = await XlsxWorkbook.fromBuffer(await made.toBuffer());
  await filled.apply({ ops: sampleDataOps(analyze(await filled.readSnapshot(), { now: NOW }), { koppelkansen: 8 }) });

  // what the team adds in Excel
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await filled.toBuffer()) as unknown as ExcelJS.Buffer);
  const w = x.getWorksheet(ws)!;
  w.getCell('N5').value = 'Kosten (team)';
  w.getCell('O5').value = 'Dubbel';
  for (let r = 6; r <= 13; r++) {
    w.getCell(`N${r}`).value = 1000 * r;
    w.getCell(`O${r}`).value = r === 6 ? { formula: 'N6*2', result: 12000 } : { sharedFormula: 'O6', result: 2000 * r };
  }
  w.getCell('N6').note = 'Schatting van de wijkmanager';
  w.mergeCells('N1:P1');
  w.getCell('N1').value = 'Eigen berekening';
  w.addConditionalFormatting({ ref: 'N6:N105', rules: [{ type: 'expression', priority: 2, formulae: ['N6>10000'], style: { font: { bold: true } } }] });
  w.addConditionalFormatting({
    ref: 'O6:O105',
    rules: [{ type: 'colorScale', priority: 3, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: 'FFF8696B' }, { argb: 'FF63BE7B' }] }],
  });
  const dv = (w as unknown as { dataValidations: { add(a: string, d: unknown): void } }).dataValidations;
  dv.add('N6:N40', { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true, errorTitle: 'Kosten', error: 'Positief.' });
  // partly over the product's score columns: the product owns C6:J105, the team's rule keeps L:M
  dv.add('J50:M60', { type: 'whole', operator: 'between', formulae: [0, 5], showErrorMessage: true, errorTitle: 'Team', error: '0 t/m 5' });

  const q = x.addWorksheet(QUOTED);
  q.getCell('A1').value = 'Longlist van de stad';
  q.getCell('A2').value = 'Opgave';
  q.getCell('A3').value = 'Warmtenet';
  q.getCell('A3').note = 'Uit de regionale energiestrategie';
  q.mergeCells('A1:C1');
  const hidden = x.addWorksheet('Team verborgen', { state: 'hidden' });
  hidden.getCell('A1').value = 'Alleen voor de projectleider';
  const locked = x.addWorksheet('Beschermd');
  locked.getCell('A1').value = 'Niet wijzigen';
  await locked.protect('geheim', { selectLockedCells: true, selectUnlockedCells: true });
  const bytes = await x.xlsx.writeBuffer();

  // what ExcelJS cannot write (or writes wrongly): put in as Excel stores it
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  await editPart(zip, parts.get(ws.toLowerCase())!, (s) =>
    s.replace(/(<dataValidations)/, '<conditionalFormatting sqref="B6:B105"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting>$1'),
  );
  const sheetIndex = (name: string) => [...parts.keys()].indexOf(name.toLowerCase());
  const names =
    `<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex(ws)}">'${ws}'!$A$1:$K$105</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex(QUOTED)}">'${QUOTED.replace(/'/g, "''")}'!$1:$2</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex(QUOTED)}">'${QUOTED.replace(/'/g, "''")}'!$A$1:$C$30</definedName>` +
    `<definedName name="TeamKosten" localSheetId="${sheetIndex(ws)}">'${ws}'!$N$6:$N$13</definedName>` +
    `<definedName name="TeamTotaal">SUM('${ws}'!$N$6:$N$13)</definedName>`;
  await editPart(zip, 'xl/workbook.xml', (s) =>
    s.includes('<definedNames>')
      ? s.replace('<definedNames>', `<definedNames>${names}`)
      : s.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Fidelity: `apply` on a workbook holding what teams add changes only what the plan
 * owns. The team's workbook is built in code: the product's template with data, then
 * the team's own columns and formulas filled down, defined names at workbook and sheet
 * scope, conditional formats of several kinds (one ExcelJS cannot even read), comments,
 * merged cells, print titles and areas on sheets with quotes in their names, validations
 * of their own that partly overlap the product's, a hidden sheet and a protected sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { prepareWorkbook } from '../../../src/workbook/operations';
import { XlsxWorkbook } from '../../../src/workbook/xlsx/XlsxWorkbook';
import { packageDiff, sheetParts } from './packageDiff';
import { NOW, teamWorkbook, ws } from './teamWorkbook';

describe('fidelity of apply on a team workbook', () => {
  let before: Uint8Array;
  let after: Uint8Array;
  let wb: XlsxWorkbook;

  beforeAll(async () => {
    before = await teamWorkbook();
    wb = await XlsxWorkbook.fromBuffer(before);
    const result = await prepareWorkbook(wb, { now: NOW });
    expect(result.plan.ops.length).toBeGreaterThan(0);
    // and what a plan for a new or changed layout does: validations, formats, widths, panes
    await wb.apply({
      ops: [
        {
          kind: 'setValidation',
          sheet: ws,
          range: 'C6:J105',
          rule: { type: 'wholeNumber', min: -10, max: 10, errorTitle: 'Ongeldige score', errorMessage: 'Een heel getal van -10 tot 10.', strict: true },
        },
        { kind: 'setStyle', sheet: ws, range: 'A3:K3', style: { bold: true, fill: '#1F4E79', fontColor: '#FFFFFF' } },
        { kind: 'setColumnWidths', sheet: ws, widths: [{ column: 'B', width: 40 }] },
        { kind: 'freeze', sheet: ws, rows: 5, columns: 2 },
      ],
    });
    after = await wb.toBuffer();
  }, 60000);

  test('every part, and every cell, validation and name outside the plan, is unchanged', async () => {
    expect(await packageDiff(before, after, wb.appliedOps())).toEqual([]);
  });

  test('(contrast) the diff sees what a rewrite through ExcelJS loses', async () => {
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(before as unknown as ExcelJS.Buffer);
    const rewritten = new Uint8Array(await x.xlsx.writeBuffer());
    const diffs = await packageDiff(before, rewritten, []);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.join('\n')).toMatch(/workbook\.xml <definedNames> changed/);
  });

  test('regression: a duplicate-values conditional format comes back whole (ExcelJS wrote an empty, schema-invalid element)', async () => {
    const zip = await JSZip.loadAsync(after);
    const xml = await zip.file((await sheetParts(zip)).get(ws.toLowerCase())!)!.async('string');
    expect(xml).toContain('<conditionalFormatting sqref="B6:B105"><cfRule type="duplicateValues" dxfId="0" priority="1"/></conditionalFormatting>');
    expect(xml).not.toMatch(/<conditionalFormatting[^>]*\/>/);
  });

  test('regression: print titles of a sheet with an apostrophe stay escaped and the print area keeps its $ anchors', async () => {
    const xml = await (await JSZip.loadAsync(after)).file('xl/workbook.xml')!.async('string');
    expect(xml).toContain("'Longlist ''s-Hertogenbosch'!$1:$2");
    expect(xml).toContain(`'${ws}'!$A$1:$K$105`);
  });

  test('the team content reads back: formulas filled down, comments, hidden and protected sheets', async () => {
    const back = await XlsxWorkbook.fromBuffer(after);
    expect(back.getFormula(ws, 'O9')).toBe('=N9*2');
    const snap = await back.readSnapshot();
    expect(snap.sheets.find((s) => s.name === 'Team verborgen')?.hidden).toBe(true);
    const zip = await JSZip.loadAsync(after);
    const beschermd = await zip.file((await sheetParts(zip)).get('beschermd')!)!.async('string');
    expect(beschermd).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(Object.keys(zip.files).some((f) => /comments\d*\.xml$/.test(f))).toBe(true);
  });

  test('apply twice = apply once: the second apply plans nothing more', async () => {
    const again = await XlsxWorkbook.fromBuffer(after);
    const second = await prepareWorkbook(again, { now: NOW });
    expect(second.plan.ops).toEqual([]);
  });
});

/**
 * A changed product formula reaches the workbooks a gemeente already has: `apply` compares
 * every product formula's text with the one the engine writes now (src/core/diff.ts
 * `sameFormula`) and writes the new text with its value where they differ, and only there.
 * The case is the Totalen formula of issue 9: until 2026-12-02 its COUNT test stood inside
 * the OR, so an error value in a score cell (#N/A, #DEEL/0! …) reached Totalen and from
 * there Resultaat's top 15; now it is "ongeldig" there, as in the engine.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress, columnLetter } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { totalFormula } from '../../src/core/formulas';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import type { WerkbladLayout } from '../../src/core/werkblad';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { planWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { cliRunner } from '../helpers/cliRun';
import { xlsxCells } from '../helpers/xlsxCells';

const NOW = new Date('2026-11-28T12:00:00Z');
const run = cliRunner(NOW);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-upgrade-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The Totalen formula as the product wrote it before 2026-12-02 (src/core/formulas.ts `totalFormula` of 30e5f38), verbatim. */
function earlierTotalFormula(layout: WerkbladLayout, row: number): string {
  const a = columnLetter(layout.firstFactorColumn);
  const b = columnLetter(layout.lastFactorColumn);
  const n = layout.lastFactorColumn - layout.firstFactorColumn + 1;
  const s = `${a}${row}:${b}${row}`;
  const w = `${a}$${WERKBLAD.weightRow}:${b}$${WERKBLAD.weightRow}`;
  const logical: string[] = [];
  for (let c = layout.firstFactorColumn; c <= layout.lastFactorColumn; c++) logical.push(`ISLOGICAL(${columnLetter(c)}${row})`);
  for (let c = layout.firstFactorColumn; c <= layout.lastFactorColumn; c++) {
    const col = columnLetter(c);
    logical.push(`AND(${col}${row}<>"",ISLOGICAL(${col}$${WERKBLAD.weightRow}))`);
  }
  return (
    `=IF(COUNTBLANK(${s})=${n},"",` +
    `IF(OR(COUNT(${s})+COUNTBLANK(${s})<>${n},${logical.join(',')},` +
    `SUMPRODUCT(ISNUMBER(1/((${s}=INT(${s}))*(ABS(${s})<=10)))*1)<>COUNT(${s})+${n}-COUNTA(${s}),` +
    `SUMPRODUCT((${s}<>"")*((1-ISNUMBER(${w}))+(${w}<0)))>0),"ongeldig",` +
    `ROUND(SUMPRODUCT(${w},${s}),9)))`
  );
}

test('regression totalenErrorSpread: apply gives a workbook prepared with the earlier Totalen formula the current one, with its value, and then writes nothing', async () => {
  // a workbook as the product prepared it before: the sample data, applied, then the earlier Totalen text in every row
  const made = path.join(dir, 'bron.xlsx');
  expect((await run(['new', made, '--wijk', 'Lelystad Oost'])).code).toBe(0);
  const src = await XlsxWorkbook.fromBuffer(fs.readFileSync(made));
  await src.apply({ ops: sampleDataOps(analyze(await src.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
  await src.writeFileAtomic(made);
  const prepared = path.join(dir, 'voorbereid.xlsx');
  expect((await run(['apply', made, '-o', prepared])).code).toBe(0);
  const layout = analyze(await (await XlsxWorkbook.fromBuffer(fs.readFileSync(prepared))).readSnapshot(), { now: NOW }).werkblad!.layout;
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(fs.readFileSync(prepared) as unknown as ExcelJS.Buffer);
  const ws = x.getWorksheet(SHEET_NAMES.werkblad)!;
  const rows: number[] = [];
  for (let r = layout.firstDataRow; r <= layout.preparedEndRow; r++) rows.push(r);
  for (const r of rows) {
    const cell = ws.getCell(r, layout.totalenColumn);
    cell.value = { formula: earlierTotalFormula(layout, r).slice(1), result: cell.result ?? '' };
  }
  // a team formula in a score cell that gives an error value: the earlier formula showed #DEEL/0! in Totalen
  const errorRow = layout.firstDataRow;
  ws.getCell(errorRow, layout.firstFactorColumn).value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell(errorRow, layout.totalenColumn).value = { formula: earlierTotalFormula(layout, errorRow).slice(1), result: { error: '#DIV/0!' } };
  const old = path.join(dir, 'oud.xlsx');
  fs.writeFileSync(old, new Uint8Array(await x.xlsx.writeBuffer()));
  // the earlier text is really another text, also for the comparison that ignores case and spaces
  expect(earlierTotalFormula(layout, errorRow)).not.toBe(totalFormula(layout, errorRow));

  const once = path.join(dir, 'bijgewerkt.xlsx');
  const first = await run(['apply', old, '-o', once]);
  expect(first.code).toBe(1); // the error value is an error of the workbook: the row has no total
  expect(first.out).toContain(`${SHEET_NAMES.werkblad}!${cellAddress(errorRow, layout.firstFactorColumn)}: In deze scorecel`);
  const sheet = (await (await XlsxWorkbook.fromBuffer(fs.readFileSync(once))).readSnapshot()).sheets.find((x) => x.name === SHEET_NAMES.werkblad)!;
  expect(rows.map((r) => sheet.formulas?.[r - 1]?.[layout.totalenColumn - 1])).toEqual(rows.map((r) => totalFormula(layout, r)));
  // each with its cached value, "ongeldig" on the row with the error
  const cells = await xlsxCells(fs.readFileSync(once));
  const totalen = rows.map((r) => cells.get(`${SHEET_NAMES.werkblad}!${cellAddress(r, layout.totalenColumn)}`)!);
  expect(totalen.every((c) => c.formula && c.hasValue)).toBe(true);
  expect(totalen[0].value).toBe(WERKBLAD.invalidTotal);

  // the current text is kept: a second apply plans and writes nothing
  const twice = path.join(dir, 'nogmaals.xlsx');
  const second = await run(['apply', once, '-o', twice]);
  expect(second.out).toMatch(/^0 wijziging\(en\) geschreven/m);
  expect((await planWorkbook(await XlsxWorkbook.fromBuffer(fs.readFileSync(twice)), { now: NOW })).plan.ops).toEqual([]);
}, 120000);

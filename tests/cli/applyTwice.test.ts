/**
 * Issue 8, "apply twice = apply once", on the command line: for the workbooks a gemeente
 * has (a fresh one from `new` with scores typed, the preview's sample data, a team's
 * workbook with its own columns, validations, names and protected sheet, one in the 1904
 * date system saved again by another tool, one built in code from two sheets), a second
 * `koppelkansen apply` on the output of the first plans and writes nothing, and exits as
 * the first did. Issue 9: every formula of the output carries its cached result.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { ymdToSerial } from '../../src/core/dates';
import { CHECKLIST, SHEET_NAMES } from '../../src/core/layout';
import { cliRunner, type CliRun } from '../helpers/cliRun';
import { sampleDataOps } from '../../src/taskpane/preview/sampleData';
import { planWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { teamWorkbook } from '../workbook/xlsx/teamWorkbook';
import { xlsxCells } from '../helpers/xlsxCells';

const NOW = new Date('2026-11-28T12:00:00Z');
let dir: string;

const run = cliRunner(NOW);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-twice-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `koppelkansen new` into `name`, then `edit` through the .xlsx adapter (what the team typed). */
async function fresh(name: string, edit: (wb: XlsxWorkbook) => Promise<void>): Promise<string> {
  const file = path.join(dir, name);
  expect((await run(['new', file, '--wijk', 'Lelystad Oost'])).code).toBe(0);
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  await edit(wb);
  await wb.writeFileAtomic(file);
  return file;
}

const cases: [string, () => Promise<string>][] = [
  [
    'a new workbook with one koppelkans typed and scored',
    () =>
      fresh('nieuw.xlsx', async (wb) => {
        await wb.apply({
          ops: [
            {
              kind: 'setCells',
              sheet: SHEET_NAMES.werkblad,
              cell: 'A6',
              cells: [[{ text: 'Gezondheid' }, { text: 'Meer groen' }, { number: 5 }, { number: 4 }]],
            },
          ],
        });
      }),
  ],
  [
    'a new workbook with the sample data (scored and unscored koppelkansen)',
    () =>
      fresh('voorbeeld.xlsx', async (wb) => {
        await wb.apply({ ops: sampleDataOps(analyze(await wb.readSnapshot(), { now: NOW }), { koppelkansen: 10, scored: 8 }) });
      }),
  ],
  [
    "a team's workbook (own columns, validations partly over the product's, names, a protected sheet)",
    async () => {
      const file = path.join(dir, 'team.xlsx');
      fs.writeFileSync(file, await teamWorkbook());
      return file;
    },
  ],
  [
    'a workbook in the 1904 date system with an overstap date',
    async () => {
      const made = await fresh('mac-bron.xlsx', async (wb) => {
        await wb.apply({ ops: sampleDataOps(analyze(await wb.readSnapshot(), { now: NOW }), { koppelkansen: 6, scored: 4 }) });
      });
      const x = new ExcelJS.Workbook();
      await x.xlsx.load(fs.readFileSync(made) as unknown as ExcelJS.Buffer);
      x.properties.date1904 = true;
      x.getWorksheet(SHEET_NAMES.checklist)!.getCell(cellAddress(CHECKLIST.dateRow, CHECKLIST.valueColumn)).value = ymdToSerial(2036, 6, 30, true);
      const file = path.join(dir, 'mac.xlsx');
      fs.writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
      return file;
    },
  ],
];

// ExcelJS (what these cases are built with) writes every formula with a cached result, so all of the output's must have one
cases.push([
  'a workbook built in code from two sheets only (werkblad and longlist), with a team formula whose value is empty text',
  async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet(SHEET_NAMES.werkblad);
    ws.getCell('A1').value = 'Werkblad koppelkansen kiezen';
    ['Opgave', 'Koppelkans', 'Draagvlak', 'Politiek', 'Totalen'].forEach((v, i) => (ws.getCell(3, i + 1).value = v));
    ws.getCell('C4').value = 1;
    ws.getCell('D4').value = 2;
    ws.getRow(6).values = ['Groen', 'Geveltuinen', 3, 2];
    ws.getRow(7).values = ['Werk', 'Stage', 1];
    ws.getCell('D7').value = { formula: 'IF(C7>5,1,"")', result: '' };
    const ll = x.addWorksheet(SHEET_NAMES.longlist);
    ll.addRows([
      ['Opgave', 'Koppelkans', 'Toelichting'],
      ['Groen', 'Geveltuinen', ''],
      ['Werk', 'Stage', ''],
    ]);
    const file = path.join(dir, 'code.xlsx');
    fs.writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
    return file;
  },
]);

/** The formula cells of an .xlsx without a cached result (`<f>` and no `<v>`), read from the sheet XML. */
async function withoutValue(file: string): Promise<string[]> {
  return [...(await xlsxCells(fs.readFileSync(file)))].filter(([, c]) => c.formula && !c.hasValue).map(([a]) => a);
}

/**
 * The first `apply` of each case, run once and shared by the two tests below (both checked the
 * output of the same command on the same input; making the input and applying it twice per case
 * doubled the suite's time): the input made by the case, its output file and the run.
 */
const firstApplies = new Map<string, Promise<{ once: string; first: CliRun }>>();
function firstApply(title: string, make: () => Promise<string>): Promise<{ once: string; first: CliRun }> {
  let done = firstApplies.get(title);
  if (!done) {
    done = (async () => {
      const input = await make();
      const once = path.join(dir, `${path.basename(input, '.xlsx')}-1.xlsx`);
      return { once, first: await run(['apply', input, '-o', once]) };
    })();
    firstApplies.set(title, done);
  }
  return done;
}

test.each(cases)(
  'regression productFormulaWithoutValue: every formula in the output of apply carries its cached value: %s',
  async (title, make) => {
    const { once, first } = await firstApply(title, make);
    expect(first.code).toBe(0);
    // read as Protected View shows it: the product's formulas that the input held without a value (ExcelJS's save drops
    // a cached empty text) were left so, and showed nothing before anyone enabled editing
    expect(await withoutValue(once)).toEqual([]);
  },
  120000,
);

test.each(cases)(
  'regression cliSecondApplyWritesNothing: %s',
  async (title, make) => {
    const { once, first } = await firstApply(title, make);
    const twice = once.replace(/-1\.xlsx$/, '-2.xlsx');
    expect([first.code, first.err]).toEqual([0, '']);
    expect(first.out).not.toMatch(/^0 wijziging\(en\)/m);
    const second = await run(['apply', once, '-o', twice]);
    expect([second.code, second.err]).toEqual([0, '']);
    expect(second.out).toMatch(/^0 wijziging\(en\) geschreven/m);
    // and the engine agrees on the written file: nothing left to plan
    expect((await planWorkbook(await XlsxWorkbook.fromBuffer(fs.readFileSync(twice)), { now: NOW })).plan.ops).toEqual([]);
  },
  120000,
);

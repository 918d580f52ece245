/**
 * Issue 8 as a gemeente user meets it on the command line: a prepared workbook in which the
 * team merged cells over what the product writes (a reason over Prioritering C:F, a WUP
 * checklist row, a "Fase 2" sub-heading across the werkblad, a score merged with Totalen).
 * `koppelkansen apply` must keep every merged text, say CELL_OCCUPIED naming the cells,
 * and a second apply must change nothing.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../../src/core/analyze';
import { CHECKLIST, PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { cliRunner } from '../helpers/cliRun';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { preparedSample } from '../helpers/preparedSample';

const NOW = new Date('2026-11-28T12:00:00Z');
const P = SHEET_NAMES.prioritering;
const W = SHEET_NAMES.werkblad;
const C = SHEET_NAMES.checklist;
let dir: string;

const run = cliRunner(NOW);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-merges-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('regression (CLI): apply keeps the text of every cell the team merged over product cells, reports CELL_OCCUPIED, and apply twice = apply once', async () => {
  const { made, analysis: a } = await preparedSample(NOW);
  const kk = a.ranking[2].koppelkans;
  const pr = PRIORITERING.firstRow;
  const firstWs = a.werkblad!.rows[0].row;
  const fase = a.werkblad!.rows[a.werkblad!.rows.length - 1].row + 2;
  const checklistRow = CHECKLIST.headerRow + 2;

  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await made.toBuffer()) as unknown as ExcelJS.Buffer);
  const prio = x.getWorksheet(P)!;
  prio.getCell(`A${pr}`).value = 1;
  prio.getCell(`B${pr}`).value = kk;
  prio.getCell(`C${pr}`).value = 'Omdat de corporatie in 2027 renoveert';
  for (const c of ['D', 'E', 'F']) prio.getCell(`${c}${pr}`).value = null;
  prio.mergeCells(`C${pr}:F${pr}`);
  const w = x.getWorksheet(W)!;
  w.getCell(`A${fase}`).value = 'Fase 2';
  w.mergeCells(`A${fase}:K${fase}`);
  w.getCell(`K${firstWs}`).value = null;
  w.mergeCells(`J${firstWs}:K${firstWs}`);
  const cl = x.getWorksheet(C)!;
  for (const c of ['I', 'J', 'K', 'L']) cl.getCell(`${c}${checklistRow}`).value = null;
  cl.getCell(`H${checklistRow}`).value = 'Samen met de corporatie';
  cl.mergeCells(`H${checklistRow}:L${checklistRow}`);
  const input = path.join(dir, 'team.xlsx');
  fs.writeFileSync(input, new Uint8Array(await x.xlsx.writeBuffer()));
  const score = w.getCell(`J${firstWs}`).value;

  const out1 = path.join(dir, 'once.xlsx');
  const first = await run(['apply', input, '-o', out1, '--json']);
  expect(first.code).toBe(0);
  const problems = JSON.parse(first.out).problems as { code: string; sheet: string; cell: string; message: string }[];
  const occupied = problems.filter((p) => p.code === 'CELL_OCCUPIED');
  expect(occupied.map((p) => p.sheet).sort()).toEqual(expect.arrayContaining([P, W, C]));
  expect(occupied.map((p) => p.message).join('\n')).toMatch(/samengevoegde cellen/);
  expect(problems.filter((p) => p.code === 'PRIO_NO_REASON')).toEqual([]);

  const snap = await (await XlsxWorkbook.fromBuffer(fs.readFileSync(out1))).readSnapshot();
  const sheet = (name: string) => snap.sheets.find((s) => s.name === name)!;
  const f = (name: string, row: number, col: number) => sheet(name).formulas?.[row - 1]?.[col - 1] ?? null;
  expect(sheet(P).values[pr - 1][2]).toBe('Omdat de corporatie in 2027 renoveert');
  for (const c of [4, 5, 6]) expect(f(P, pr, c)).toBeNull();
  expect(sheet(W).values[fase - 1][0]).toBe('Fase 2');
  expect(f(W, fase, 1)).toBeNull();
  expect(f(W, fase, 11)).toBeNull();
  expect(sheet(W).values[firstWs - 1][9]).toEqual(score);
  expect(f(W, firstWs, 11)).toBeNull();
  expect(sheet(C).values[checklistRow - 1][7]).toBe('Samen met de corporatie');
  for (const c of [9, 10, 11, 12]) expect(f(C, checklistRow, c)).toBeNull();
  for (const [name, range] of [
    [P, `C${pr}:F${pr}`],
    [W, `A${fase}:K${fase}`],
    [W, `J${firstWs}:K${firstWs}`],
    [C, `H${checklistRow}:L${checklistRow}`],
  ])
    expect(sheet(name).merges).toContain(range);
  const again = analyze(snap, { now: NOW });
  expect(again.werkblad!.rows.map((r) => r.row)).not.toContain(fase);

  const out2 = path.join(dir, 'twice.xlsx');
  const second = await run(['apply', out1, '-o', out2]);
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/^0 wijziging\(en\) geschreven/m);
});

/** A prepared team file with data down to row 60 and only A6:D105 unlocked on the werkblad (so apply prepares rows 106–110). */
async function protectedTeamFile(name: string, protect: boolean): Promise<string> {
  const { made, analysis } = await preparedSample(NOW);
  const first = analysis.werkblad!.rows[0];
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await made.toBuffer()) as unknown as ExcelJS.Buffer);
  const w = x.getWorksheet(W)!;
  w.getCell('A60').value = first.opgave;
  w.getCell('B60').value = first.koppelkans;
  for (let r = 6; r <= 105; r++) for (const c of ['A', 'B', 'C', 'D']) w.getCell(`${c}${r}`).protection = { locked: false };
  if (protect) await w.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
  return file;
}

test('regression (CLI): apply on a protected werkblad with only A6:D105 unlocked refuses in Dutch, naming the sheet and rows 106–110, and writes nothing', async () => {
  const file = await protectedTeamFile('beveiligd-blad.xlsx', true);
  const out = path.join(dir, 'beveiligd-uit.xlsx');
  const r = await run(['apply', file, '-o', out]);
  expect(r.code).toBe(2);
  expect(r.err + r.out).toContain(`Blad "${W}" is beveiligd`);
  expect(r.err + r.out).toMatch(/106:[A-Z]+110/);
  expect(r.err + r.out).toContain('Beveiliging blad opheffen');
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('regression (CLI): rows 106–110 that apply prepares below A6:D105 unlocked get the lock state of the rows above (A:D open, the rest locked)', async () => {
  const file = await protectedTeamFile('open-blad.xlsx', false);
  const out = path.join(dir, 'open-uit.xlsx');
  expect((await run(['apply', file, '-o', out])).code).toBe(0);
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(fs.readFileSync(out) as unknown as ExcelJS.Buffer);
  const w = x.getWorksheet(W)!;
  for (const cell of ['A106', 'D110']) expect(w.getCell(cell).protection?.locked).toBe(false);
  for (const cell of ['E106', 'A111']) expect(w.getCell(cell).protection?.locked ?? true).toBe(true);
  expect((await run(['apply', out, '-o', path.join(dir, 'open-uit2.xlsx')])).out).toMatch(/^0 wijziging\(en\) geschreven/m);
});

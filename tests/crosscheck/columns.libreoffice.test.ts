/**
 * Whole factor columns deleted and inserted by the .xlsx adapter (plan ops deleteColumns /
 * insertColumns, carried out in the package: src/workbook/xlsx/package/columns.ts), then
 * the engine's plan on top, then LibreOffice recalculates the file (forced, one soffice
 * run for the batch, see tests/helpers/libreoffice.ts): every Totalen cell and the
 * Resultaat top equal the engine, and a team's own formulas that point at moved cells
 * give the same values as before. A team's workbook saved by Excel (shared formulas,
 * comments, conditional formats, names) with a factor column deleted is in the same batch:
 * LibreOffice opens it and computes the team's formulas on their moved cells.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import { RESULTAAT, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { prepareWorkbook } from '../../src/workbook/operations';
import { hasLibreOffice, recalculateXlsxBatch } from '../helpers/libreoffice';
import { FACTOR_SCORES, plain, scoredWerkbladOps, templateFromFile } from '../helpers/scoredWerkblad';
import { teamWorkbook, ws as TEAM_WS } from '../workbook/xlsx/teamWorkbook';

const available = hasLibreOffice();
if (!available && process.env.CI) throw new Error('LibreOffice is required in CI for the formula cross-check (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;
const NOW = new Date('2026-11-28T12:00:00Z');
const W = SHEET_NAMES.werkblad;

maybe('factor columns deleted and inserted by the .xlsx adapter, recalculated by LibreOffice', () => {
  let dir: string;
  let recalculated: ExcelJS.Workbook;
  let team: ExcelJS.Workbook;
  let engine: ReturnType<typeof analyze>;
  // 8 factors in C..J, Totalen in K
  const SCORES = FACTOR_SCORES;
  /** The new factor's scores (inserted before Totalen). */
  const NEW = [4, -1, null, 2];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-columns-'));
    const wb = await templateFromFile(dir, NOW);
    const first = WERKBLAD.firstDataRow;
    await wb.apply({
      ops: [
        ...scoredWerkbladOps(W),
        // the team's own sheet: formulas on scores right of the deleted column, and a sum over the factor block
        { kind: 'addSheet', sheet: 'Eigen berekening' },
        {
          kind: 'setCells',
          sheet: 'Eigen berekening',
          cell: 'A1',
          cells: [
            [
              { formula: `='${W}'!G${first + 1}*2` },
              { formula: `=SUM('${W}'!C${first}:J${first})` },
              { formula: `='${W}'!$I$${first + 3}-'${W}'!C${first + 1}` },
            ],
          ],
        },
      ],
    });
    await prepareWorkbook(wb, { now: NOW });
    // the 2nd factor (D) goes; a new factor comes in before Totalen (then in J)
    await wb.apply({
      ops: [
        { kind: 'deleteColumns', sheet: W, column: 'D', count: 1 },
        { kind: 'insertColumns', sheet: W, column: 'J', count: 1 },
        { kind: 'setCells', sheet: W, cell: 'J3', cells: [[{ text: 'Nieuwe factor' }], [{ number: 2 }]] },
        { kind: 'setCells', sheet: W, cell: `J${first}`, cells: NEW.map((n) => [n === null ? { clear: true as const } : { number: n }]) },
      ],
    });
    // the engine's plan on the moved workbook: Totalen formulas for the new factors
    await prepareWorkbook(wb, { now: NOW });
    const out = path.join(dir, 'out.xlsx');
    await wb.writeFileAtomic(out);
    engine = analyze(await (await XlsxWorkbook.fromFile(out)).readSnapshot(), { now: NOW });

    // a team's workbook as Excel saved it, a factor column (D) deleted
    const teamWb = await XlsxWorkbook.fromBuffer(await teamWorkbook());
    await teamWb.apply({ ops: [{ kind: 'deleteColumns', sheet: TEAM_WS, column: 'D', count: 1 }] });
    const teamFile = path.join(dir, 'team.xlsx');
    await teamWb.writeFileAtomic(teamFile);

    const [a, b] = await recalculateXlsxBatch([out, teamFile], path.join(dir, 'recalc'));
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(a);
    team = new ExcelJS.Workbook();
    await team.xlsx.readFile(b);
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the factors are the 7 left and the new one, each with its own scores and weight', () => {
    const w = engine.werkblad!;
    expect(w.factors.map((f) => f.weging)).toEqual([1.5, 2, 1, 0.5, 1, 1, 3, 2]);
    expect(w.factors[7].name).toBe('Nieuwe factor');
    expect(w.rows.map((r) => r.scores)).toEqual(SCORES.map((row, i) => [row[0], ...row.slice(2), NEW[i]]));
  });

  test('every Totalen cell computed by LibreOffice equals the engine, and the engine equals the weights by hand', () => {
    const ws = recalculated.getWorksheet(W)!;
    const L = engine.werkblad!.layout;
    expect(L.totalenColumn).toBe(11);
    for (const row of engine.werkblad!.rows) expect(plain(ws.getCell(row.row, L.totalenColumn).value) as number).toBeCloseTo(row.total!, 9);
    // row 6 by hand: 1.5*5 + 2*-2 + 1*10 + 0.5*0 + 1 + 2 + 3*3 + 2*4
    expect(plain(ws.getCell(WERKBLAD.firstDataRow, L.totalenColumn).value) as number).toBeCloseTo(7.5 - 4 + 10 + 0 + 1 + 2 + 9 + 8, 9);
  });

  test('the Resultaat top computed by LibreOffice equals the engine', () => {
    const rs = recalculated.getWorksheet(SHEET_NAMES.resultaat)!;
    const got: { koppelkans: unknown; total: number }[] = [];
    for (let r = RESULTAAT.firstRow; r < RESULTAAT.firstRow + 10; r++) {
      const total = plain(rs.getCell(r, 4).value);
      if (total === '' || total === null) break;
      got.push({ koppelkans: plain(rs.getCell(r, 3).value), total: Math.round((total as number) * 1e9) / 1e9 });
    }
    expect(got).toHaveLength(4);
    expect(got).toEqual(engine.top.map((e) => ({ koppelkans: e.koppelkans, total: Math.round(e.total * 1e9) / 1e9 })));
  });

  test("the team's own formulas on moved cells give the values they gave before", () => {
    const eigen = recalculated.getWorksheet('Eigen berekening')!;
    const first = WERKBLAD.firstDataRow;
    // G7 (factor 5, score 1) is F7 now; I9 (factor 7: -7) minus C7 (1) is H9 minus C7; the sum over C6:J6 lost the
    // deleted factor's score (3), as in Excel, and did not take in the new factor (inserted right of it)
    expect(plain(eigen.getCell('A1').value)).toBe(1 * 2);
    expect(plain(eigen.getCell('B1').value)).toBe(5 + -2 + 10 + 0 + 1 + 2 + 3);
    expect(plain(eigen.getCell('C1').value)).toBe(-7 - 1);
    expect(eigen.getCell('A1').formula).toBe(`'${W}'!F${first + 1}*2`);
    expect(eigen.getCell('B1').formula).toBe(`SUM('${W}'!C${first}:I${first})`);
  });

  test("LibreOffice opens the team's workbook with a factor column deleted and computes its moved shared formulas", () => {
    const w = team.getWorksheet(TEAM_WS)!;
    // the team's columns N (costs) and O (=N*2, a shared formula) are M and N now
    for (let r = 6; r <= 13; r++) {
      expect(plain(w.getCell(`M${r}`).value)).toBe(1000 * r);
      expect(plain(w.getCell(`N${r}`).value)).toBe(2000 * r);
    }
    expect(w.getCell('M6').note).toBeTruthy();
  });
});

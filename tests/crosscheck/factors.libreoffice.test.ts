/**
 * Removing a success factor in the middle through the pane's edit (factors.ts + the plan
 * on top, one apply through the .xlsx adapter; a deleted column once the adapter can shift
 * columns, until then the rewrite fallback), then LibreOffice recalculates the file
 * (forced, see tests/helpers/libreoffice.ts): every Totalen cell and the Resultaat top
 * equal the engine, and the other factors' scores stayed with their factor.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import { removeFactorEdit } from '../../src/core/factors';
import { RESULTAAT, SHEET_NAMES } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import { planWithEdit } from '../../src/core/plan';
import { stap2Context } from '../../src/core/stap2';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { hasLibreOffice, recalculateXlsx } from '../helpers/libreoffice';
import { FACTOR_SCORES, plain, scoredWerkbladOps, templateFromFile } from '../helpers/scoredWerkblad';

const available = hasLibreOffice();
if (!available && process.env.CI) throw new Error('LibreOffice is required in CI for the formula cross-check (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;
const NOW = new Date('2026-11-28T12:00:00Z');

maybe('removing a factor in the middle, recalculated by LibreOffice', () => {
  let dir: string;
  let recalculated: ExcelJS.Workbook;
  let engine: ReturnType<typeof analyze>;
  const SCORES = FACTOR_SCORES;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-factors-'));
    const wb = await templateFromFile(dir, NOW);
    await wb.apply({
      ops: scoredWerkbladOps(SHEET_NAMES.werkblad),
    });
    const snapshot = await wb.readSnapshot();
    const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
    if ('message' in ctx) throw new Error(ctx.message);
    // as the pane builds it: a deleted column where the adapter can shift columns, else the rewrite
    const edit = removeFactorEdit(ctx.sheet, ctx.werkblad, 3, { shiftColumns: (wb as WorkbookPort).canShiftColumns === true }); // the 4th factor, column F
    if (!edit.ok) throw new Error(edit.message);
    const result = await wb.apply(planWithEdit(snapshot, edit.ops, { now: NOW }).plan);
    expect(result.conflicts).toEqual([]);
    const out = path.join(dir, 'out.xlsx');
    await wb.writeFileAtomic(out);
    engine = analyze(await (await XlsxWorkbook.fromFile(out)).readSnapshot(), { now: NOW });
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(await recalculateXlsx(out, path.join(dir, 'recalc')));
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the other factors keep their scores and weights, in order', () => {
    expect(engine.werkblad!.factors).toHaveLength(7);
    expect(engine.werkblad!.factors.map((f) => f.weging)).toEqual([1.5, 1, 2, 0.5, 1, 1, 3]);
    expect(engine.werkblad!.rows.map((r) => r.scores)).toEqual(SCORES.map((row) => [...row.slice(0, 3), ...row.slice(4)]));
  });

  test('every Totalen cell computed by LibreOffice equals the engine', () => {
    const ws = recalculated.getWorksheet(SHEET_NAMES.werkblad)!;
    const L = engine.werkblad!.layout;
    expect(L.totalenColumn).toBe(10);
    for (const row of engine.werkblad!.rows) {
      const got = plain(ws.getCell(row.row, L.totalenColumn).value);
      expect(got as number).toBeCloseTo(row.total!, 9);
    }
    // by hand, row 6 without the removed 10: 1.5*5 + 3 + 2*-2 + 0.5*0 + 1 + 2 + 3*3
    expect(plain(ws.getCell(6, L.totalenColumn).value) as number).toBeCloseTo(7.5 + 3 - 4 + 0 + 1 + 2 + 9, 9);
    // the old Totalen column is empty
    expect(plain(ws.getCell(6, L.totalenColumn + 1).value)).toBeNull();
  });

  test('the Resultaat top computed by LibreOffice equals the engine', () => {
    const rs = recalculated.getWorksheet(SHEET_NAMES.resultaat)!;
    const got: { koppelkans: unknown; total: number }[] = [];
    for (let r = RESULTAAT.firstRow; r < RESULTAAT.firstRow + 10; r++) {
      const total = plain(rs.getCell(r, 4).value);
      if (total === '' || total === null) break;
      got.push({ koppelkans: plain(rs.getCell(r, 3).value), total: Math.round((total as number) * 1e9) / 1e9 });
    }
    expect(got).toEqual(engine.top.map((e) => ({ koppelkans: e.koppelkans, total: Math.round(e.total * 1e9) / 1e9 })));
    expect(got).toHaveLength(4);
  });
});

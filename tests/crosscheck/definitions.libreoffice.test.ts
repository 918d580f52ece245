/**
 * Issue 11 audit: after the .xlsx adapter removes a factor in the middle (its column deleted
 * in the package, package/columns.ts), the team's defined names and conditional formats
 * must still point at the cells they pointed at. LibreOffice recalculates the file (forced,
 * tests/helpers/libreoffice.ts) and exports it again: the team's cell formulas that use the
 * names give the values of the same scores as before, and the conditional format that stood
 * on factor 5's scores stands on them in LibreOffice's own file too. The question asked
 * first (factorRemovalImpact) names the name and the conditional format on the removed column.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES } from '../../src/core/layout';
import { planWithEdit } from '../../src/core/plan';
import { factorRemovalImpact } from '../../src/core/referenceBreaks';
import { stap2Context } from '../../src/core/stap2';
import { readNotes } from '../../src/core/notes';
import { prepareWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { hasLibreOffice, recalculateXlsxBatch } from '../helpers/libreoffice';
import { FACTOR_SCORES, plain, scoredWerkbladOps, templateFromFile } from '../helpers/scoredWerkblad';
import { withTeamDefinitions } from '../workbook/xlsxProtect';

const available = hasLibreOffice();
if (!available && process.env.CI) throw new Error('LibreOffice is required in CI for the formula cross-check (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;
const NOW = new Date('2026-11-28T12:00:00Z');
const W = SHEET_NAMES.werkblad;
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

maybe("a middle factor removed by the .xlsx adapter: the team's names and conditional formats, recalculated by LibreOffice", () => {
  let dir: string;
  let out: ExcelJS.Workbook;
  let named: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-definitions-'));
    const wb = await templateFromFile(dir, NOW);
    await wb.apply({
      ops: [
        ...scoredWerkbladOps(W),
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: '=SUM(FactorVijf)' }, { formula: '=Dubbel' }, { formula: '=SUM(RijZes)' }]] },
      ],
    });
    await prepareWorkbook(wb, { now: NOW });
    // the team's names (factor 5 in G, one on factor 2 in D, a row over every factor) and conditional formats
    const team = (await withTeamDefinitions(await XlsxWorkbook.fromBuffer(await wb.toBuffer()), {
      names: [
        { name: 'FactorVijf', formula: `='${W}'!$G$6:$G$9` },
        { name: 'Dubbel', formula: `='${W}'!$G$7*2` },
        { name: 'RijZes', formula: `='${W}'!$C$6:$J$6` },
        { name: 'TeamNaam', formula: `='${W}'!$D$6:$D$9` },
      ],
      conditionalFormats: [
        { sheet: W, ranges: ['G6:G9'], formulas: ['=G6<0'] },
        { sheet: W, ranges: ['D6:D9'], formulas: ['=D6>2'] },
      ],
    })) as XlsxWorkbook;
    // what the pane does: the question's analysis on a read with definitions, then the edit and the plan on top
    const snapshot = await team.readSnapshot({ definitions: true });
    const analysis = analyze(snapshot, { now: NOW });
    const ctx = stap2Context(snapshot, analysis, readNotes(snapshot));
    if ('message' in ctx) throw new Error(ctx.message);
    const r = factorRemovalImpact(snapshot, ctx.sheet, ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    named = r.definitions.map((d) => `${d.kind} ${d.label} ${d.effect}`);
    await team.apply(planWithEdit(snapshot, r.ops, { now: NOW }).plan);
    const file = path.join(dir, 'out.xlsx');
    await team.writeFileAtomic(file);
    const [recalculated] = await recalculateXlsxBatch([file], path.join(dir, 'recalc'));
    out = new ExcelJS.Workbook();
    await out.xlsx.readFile(recalculated);
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the question named the name and the conditional format on the removed column, nothing else', () => {
    expect(named).toEqual(['name TeamNaam ref', 'conditionalFormat D6:D9 removed']);
  });

  test('formulas that use the names give the values of the same scores as before', () => {
    const eigen = out.getWorksheet('Eigen')!;
    const factor5 = FACTOR_SCORES.map((row) => row[4]);
    expect(plain(eigen.getCell('A1').value)).toBe(sum(factor5));
    expect(plain(eigen.getCell('B1').value)).toBe(2 * factor5[1]!);
    // the row lost the removed factor's score, as Excel shrinks a range over a deleted column
    expect(plain(eigen.getCell('C1').value)).toBe(sum(FACTOR_SCORES[0]) - FACTOR_SCORES[0][1]!);
  });

  test("in LibreOffice's file the names and the conditional format stand on factor 5's scores, now in F", () => {
    const names = (out as unknown as { definedNames: { getRanges(name: string): { ranges: string[] } } }).definedNames;
    expect(names.getRanges('FactorVijf').ranges).toEqual([`'${W}'!$F$6:$F$9`]);
    expect(names.getRanges('RijZes').ranges).toEqual([`'${W}'!$C$6:$I$6`]);
    const ws = out.getWorksheet(W)!;
    expect(ws.getCell('F6').value).toBe(FACTOR_SCORES[0][4]);
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const team = cfs.filter((cf) => cf.rules.some((rule) => rule.formulae?.some((f) => /[<>]/.test(f))));
    expect(team.map((cf) => [cf.ref, cf.rules.flatMap((rule) => rule.formulae ?? [])])).toEqual([['F6:F9', ['F6<0']]]);
  });
});

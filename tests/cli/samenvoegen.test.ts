import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliRunner } from '../helpers/cliRun';
import { analyze } from '../../src/core/analyze';
import { readRondes, RONDES, summarizeRonde } from '../../src/core/rondes';
import { SHEET_NAMES } from '../../src/core/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

const NOW = new Date('2026-11-30T10:00:00Z');
let dir: string;

const run = cliRunner(NOW);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-merge-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fresh(name: string): Promise<{ file: string; koppelkansen: string[]; factors: string[] }> {
  const file = path.join(dir, name);
  expect((await run(['new', file])).code).toBe(0);
  const a = analyze(await (await XlsxWorkbook.fromBuffer(fs.readFileSync(file))).readSnapshot());
  return { file, koppelkansen: a.longlist.entries.slice(0, 2).map((e) => e.koppelkans), factors: a.werkblad!.factors.slice(0, 2).map((f) => f.name) };
}

test("samenvoegen takes werkblad scores from each participant's copy and score rows from another group workbook", async () => {
  const base = await fresh('GROEP-basis.xlsx');
  const { koppelkansen: k, factors: f } = base;
  // Ans scored on the werkblad of her own copy
  const ans = await fresh('Ans.xlsx');
  const wa = await XlsxWorkbook.fromBuffer(fs.readFileSync(ans.file));
  await wa.apply({
    ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'A6', cells: [[{ text: 'Groen' }, { text: k[0] }, { number: 3 }, { number: -2 }]] }],
  });
  await wa.writeFileAtomic(ans.file);
  // Bram used the add-in's round in his copy (also an invalid entry)
  const bram = await fresh('Bram-kopie.xlsx');
  const wbm = await XlsxWorkbook.fromBuffer(fs.readFileSync(bram.file));
  await wbm.apply({
    ops: [
      { kind: 'addSheet', sheet: RONDES.sheet },
      {
        kind: 'setCells',
        sheet: RONDES.sheet,
        cell: `A${RONDES.firstRow}`,
        cells: [
          [{ text: 'ronde' }, { number: 1 }],
          [{ text: 'score' }, { number: 1 }, { text: 'Bram' }, { text: k[0] }, { text: f[0] }, { number: 9 }],
          [{ text: 'score' }, { number: 1 }, { text: 'Bram' }, { text: k[0] }, { text: f[1] }, { text: 'veel' }],
        ],
      },
    ],
  });
  await wbm.writeFileAtomic(bram.file);

  const out = path.join(dir, 'GROEP.xlsx');
  const before = fs.readFileSync(base.file);
  const r = await run(['samenvoegen', base.file, ans.file, bram.file, '-o', out]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('Ans: 2 scores van het werkblad overgenomen als scores van "Ans" in ronde 1.');
  expect(r.out).toContain('Bram-kopie: 2 scores uit de scorerondes overgenomen.');
  expect(fs.readFileSync(base.file).equals(before)).toBe(true); // the base is never modified

  const merged = readRondes(await (await XlsxWorkbook.fromBuffer(fs.readFileSync(out))).readSnapshot());
  const sum = summarizeRonde(merged, 1);
  const cell = sum.find((c) => c.koppelkans === k[0] && c.factor === f[0])!;
  expect(cell.scores).toEqual([
    { deelnemer: 'Ans', score: 3 },
    { deelnemer: 'Bram', score: 9 },
  ]);
  expect(sum.find((c) => c.factor === f[1])!.invalid).toEqual([{ deelnemer: 'Bram', value: 'veel' }]);

  // merging the same again adds nothing
  const again = path.join(dir, 'GROEP2.xlsx');
  const r2 = await run(['samenvoegen', out, ans.file, bram.file, '-o', again]);
  expect(r2.out).toContain('Niets nieuws om samen te voegen.');
});

test('samenvoegen usage errors exit 2 in Dutch', async () => {
  expect((await run(['samenvoegen', 'a.xlsx', '-o', 'b.xlsx'])).code).toBe(2);
  expect((await run(['samenvoegen', 'a.xlsx', 'b.xlsx'])).err).toMatch(/uitvoerbestand/);
  expect((await run(['samenvoegen', 'a.xlsx', 'b.xlsx', '-o', 'a.xlsx'])).code).toBe(2);
});

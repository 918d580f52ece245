import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliRunner } from '../helpers/cliRun';
import { analyze } from '../../src/core/analyze';
import { computeGevoeligheid } from '../../src/core/gevoeligheid';
import { SHEET_NAMES } from '../../src/core/layout';
import type { CellInput } from '../../src/core/snapshot';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

const NOW = new Date('2026-11-28T12:00:00Z');
let dir: string;

const run = cliRunner(NOW);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-gev-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A template workbook with 20 scored koppelkansen (scores on the first three factors). */
async function scoredWorkbook(name: string): Promise<string> {
  const file = path.join(dir, name);
  expect((await run(['new', file])).code).toBe(0);
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const snap = await wb.readSnapshot();
  const ll = analyze(snap).longlist.entries.slice(0, 20);
  const rows: CellInput[][] = ll.map((e, i) => [
    { text: e.opgave },
    { text: e.koppelkans },
    { number: ((i * 7) % 11) - 5 },
    { number: (i * 3) % 7 },
    { number: i % 4 },
  ]);
  await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'A6', cells: rows }] });
  await wb.writeFileAtomic(file);
  return file;
}

test('gevoeligheid prints the same sentences as the engine, in Dutch', async () => {
  const file = await scoredWorkbook('a.xlsx');
  const r = await run(['gevoeligheid', file]);
  expect(r.code).toBe(0);
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  const g = computeGevoeligheid(analyze(await wb.readSnapshot()).werkblad!);
  expect(r.out).toMatch(/^Hoe stevig is de top 15\?/);
  for (const s of g.sentences.all) expect(r.out).toContain(s);
  expect(g.sentences.boundary.length).toBeGreaterThan(0);
});

test('gevoeligheid --json gives the numbers and the sentences in one object', async () => {
  const file = await scoredWorkbook('b.xlsx');
  const r = await run(['gevoeligheid', file, '--json']);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(j.topN).toBe(15);
  expect(j.ranked).toBe(20);
  expect(j.members).toHaveLength(8);
  expect(j.members[0]).toEqual(
    expect.objectContaining({ factor: expect.any(String), weging: expect.any(Number), lower: expect.any(Object), upper: expect.any(Object) }),
  );
  expect(j.sentences.all.length).toBeGreaterThan(0);
});

test('gevoeligheid on a file that is not a Koppelkansen workbook exits 2 with a Dutch message', async () => {
  const file = path.join(dir, 'leeg.xlsx');
  await XlsxWorkbook.create().writeFileAtomic(file);
  const r = await run(['gevoeligheid', file]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/werkmap/i);
  expect((await run(['gevoeligheid', path.join(dir, 'bestaat-niet.xlsx')])).code).toBe(2);
});

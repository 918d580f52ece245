import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { cliRunner } from '../helpers/cliRun';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { docxText } from '../helpers/docxText';
import { BIN, ensureCliBuilt } from '../helpers/cli';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { onderbouwingDocx } from '../../src/report/onderbouwingDocx';
import { rasterizeSvg } from '../../src/cli/rasterize';
import { MARKED_NOTE, NOW, OMDAT_1, ROWS, TEAM, WIJK, markOps, sampleOps } from '../helpers/onderbouwingWorkbook';

let dir: string;
let input: string;

const run = cliRunner(NOW);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-onderbouwing-'));
  input = path.join(dir, 'in.xlsx');
  expect((await run(['new', input, '--wijk', WIJK])).code).toBe(0);
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(input));
  await wb.apply({ ops: sampleOps(await wb.readSnapshot()) });
  await wb.apply({ ops: markOps(await wb.readSnapshot()) });
  await wb.writeFileAtomic(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('onderbouwing IN.xlsx -o OUT.docx writes a Word file with the chosen koppelkansen in the team’s order', async () => {
  const out = path.join(dir, 'out.docx');
  const r = await run(['onderbouwing', input, '-o', out]);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out).toContain(out);
  const text = await docxText(fs.readFileSync(out));
  expect(text.split('\n')[0]).toBe(`Onderbouwing koppelkansen – ${WIJK}`);
  const chosen = text.slice(text.indexOf('2. De keuze van het team'), text.indexOf('Afwijkingen van de automatische volgorde'));
  const positions = TEAM.map(([, i]) => chosen.indexOf(ROWS[i].koppelkans));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // typed text that starts with "=" came through the .xlsx as text, line break included
  expect(chosen).toContain(OMDAT_1);
  expect(text).toContain(MARKED_NOTE);
  // the same document as the pane makes from the same workbook (one model, one renderer)
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(input));
  const same = await docxText(await onderbouwingDocx(buildOnderbouwingModel(await wb.readSnapshot(), NOW), rasterizeSvg));
  expect(text).toBe(same);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('--bijlage-notities adds the other discussion notes as an appendix, --namen the writers; a note marked "niet" stays out', async () => {
  const out = path.join(dir, 'all.docx');
  expect((await run(['onderbouwing', input, '-o', out, '--bijlage-notities', '--namen'])).code).toBe(0);
  const text = await docxText(fs.readFileSync(out));
  expect(text).toContain('Bijlage 1: overige notities uit het gesprek');
  expect(text).toContain('Gespreksnotitie 1:');
  expect(text).toMatch(/\((Fatima|Piet), 28-11-2026 14:\d\d\)/);
  expect(text).not.toContain('GEHEIM');
});

test('onderbouwing refuses an output that is not .docx, and a missing -o, with exit 2', async () => {
  const wrong = await run(['onderbouwing', input, '-o', path.join(dir, 'out.pdf')]);
  expect(wrong.code).toBe(2);
  expect(wrong.err).toMatch(/\.docx/);
  const missing = await run(['onderbouwing', input]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/-o/);
});

test('the installed command writes the onderbouwing too (docx loads outside jest)', () => {
  ensureCliBuilt();
  const out = path.join(dir, 'bin.docx');
  const res = spawnSync(process.execPath, [BIN, 'onderbouwing', input, '-o', out], { encoding: 'utf8' });
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  expect(fs.statSync(out).size).toBeGreaterThan(5000);
});

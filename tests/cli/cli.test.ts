import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { main } from '../../src/cli/main';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { CHECKLIST, NOTULEN, PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { BIN, ensureCliBuilt, ROOT } from '../helpers/cli';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

const NOW = new Date('2026-11-28T12:00:00Z');
let dir: string;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), now: NOW }, out, err };
}

async function run(args: string[]) {
  const c = io();
  const code = await main(args, c.io);
  return { code, out: c.out.join(''), err: c.err.join('') };
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function newWorkbook(name: string, edit?: (wb: XlsxWorkbook) => Promise<void>): Promise<string> {
  const file = path.join(dir, name);
  expect((await run(['new', file, '--wijk', 'Lelystad Oost'])).code).toBe(0);
  if (edit) {
    const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
    await edit(wb);
    await wb.writeFileAtomic(file);
  }
  return file;
}

async function snapshotOf(file: string) {
  return (await XlsxWorkbook.fromBuffer(fs.readFileSync(file))).readSnapshot();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ws = SHEET_NAMES.werkblad;
const n = (x: number) => ({ number: x });
const t = (x: string) => ({ text: x });

test('new writes a complete, error-free workbook; check exits 0', async () => {
  const file = await newWorkbook('new.xlsx');
  const a = analyze(await snapshotOf(file), { now: NOW });
  expect(a.kind).toBe('koppelkansen');
  expect(a.werkblad!.factors).toHaveLength(8);
  expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const r = await run(['check', file]);
  expect(r.code).toBe(0);
});

test('new refuses to overwrite an existing file', async () => {
  const file = await newWorkbook('exists.xlsx');
  const r = await run(['new', file]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/bestaat al/);
});

test('check exits 1 with errors and names sheet and cell; --json has problems, rows and ranking', async () => {
  const file = await newWorkbook('errors.xlsx', (wb) =>
    wb
      .apply({
        ops: [
          {
            kind: 'setCells',
            sheet: ws,
            cell: 'A6',
            cells: [
              [t('Gezondheid'), t('Meer groen'), n(5), t('veel')],
              [t('Gezondheid'), t('Beter'), n(3)],
              [t('Onderwijs'), t('Later')],
            ],
          },
        ],
      })
      .then(() => undefined),
  );
  const plainRun = await run(['check', file]);
  expect(plainRun.code).toBe(1);
  expect(plainRun.out).toContain(`FOUT ${ws}!D6:`);
  const r = await run(['check', file, '--json']);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.out);
  expect(Object.keys(j)).toEqual(expect.arrayContaining(['problems', 'rows', 'ranking']));
  expect(j.problems.find((p: { cell: string; severity: string }) => p.cell === 'D6' && p.severity === 'error')).toMatchObject({
    sheet: ws,
    code: 'SCORE_NOT_NUMBER',
  });
  expect(j.rows).toEqual([
    expect.objectContaining({ row: 6, opgave: 'Gezondheid', koppelkans: 'Meer groen', total: null, scored: 1, factors: 8 }),
    expect.objectContaining({ row: 7, koppelkans: 'Beter', total: 3, scored: 1 }),
    expect.objectContaining({ row: 8, koppelkans: 'Later', total: null, scored: 0 }),
  ]);
  expect(j.ranking).toEqual([{ rank: 1, row: 7, koppelkans: 'Beter', total: 3 }]);
});

test('check exits 2 for a missing file, a file that is not xlsx, and a workbook that is not a Koppelkansen workbook', async () => {
  expect((await run(['check', path.join(dir, 'nope.xlsx')])).code).toBe(2);
  const junk = path.join(dir, 'junk.xlsx');
  fs.writeFileSync(junk, 'not a zip');
  const r = await run(['check', junk]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/geen leesbaar Excel-bestand/);
  expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  const other = XlsxWorkbook.create();
  await other.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Begroting' },
      { kind: 'setCells', sheet: 'Begroting', cell: 'A1', cells: [[t('Post'), n(3)]] },
    ],
  });
  const otherFile = path.join(dir, 'other.xlsx');
  await other.writeFileAtomic(otherFile);
  const o = await run(['check', otherFile]);
  expect(o.code).toBe(2);
  expect(o.out).toMatch(/geen Koppelkansen Kiezen-werkmap/);
});

test('apply writes OUT, leaves IN untouched, and a second apply changes nothing', async () => {
  const file = await newWorkbook('apply-in.xlsx', (wb) =>
    wb.apply({ ops: [{ kind: 'setCells', sheet: ws, cell: 'A6', cells: [[t('Gezondheid'), t('Meer groen'), n(5), n(4)]] }] }).then(() => undefined),
  );
  const before = sha(file);
  const out = path.join(dir, 'apply-out.xlsx');
  const r = await run(['apply', file, '-o', out]);
  expect(r.code).toBe(0);
  expect(sha(file)).toBe(before);
  const out2 = path.join(dir, 'apply-out2.xlsx');
  const r2 = await run(['apply', out, '-o', out2, '--json']);
  expect(r2.code).toBe(0);
  expect(JSON.parse(r2.out).ranking[0]).toMatchObject({ koppelkans: 'Meer groen', total: 9 });
  const r3 = await run(['apply', out2, '-o', path.join(dir, 'apply-out3.xlsx')]);
  expect(r3.out).toMatch(/^0 wijziging\(en\) geschreven/m);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('apply keeps the team’s text in Prioritering, WUP checklist and Notulen, and "=" text stays text', async () => {
  const file = await newWorkbook('team.xlsx', (wb) =>
    wb
      .apply({
        ops: [
          {
            kind: 'setCells',
            sheet: ws,
            cell: 'A6',
            cells: [
              [t('Gezondheid'), t('=Meer groen'), n(5)],
              [t('Gezondheid'), t('@Beter'), n(9)],
            ],
          },
          {
            kind: 'setCells',
            sheet: SHEET_NAMES.prioritering,
            cell: `A${PRIORITERING.firstRow}`,
            cells: [[n(1), t('=Meer groen'), t('+Omdat de wijk het vraagt\nen het goedkoop is'), t('-Fatima')]],
          },
          {
            kind: 'setCells',
            sheet: SHEET_NAMES.checklist,
            cell: `C${CHECKLIST.firstRow}`,
            cells: [[t('Bezig'), t('=grenzen volgens raadsbesluit'), t('Jan')]],
          },
          { kind: 'setCells', sheet: SHEET_NAMES.notulen, cell: `H${NOTULEN.firstConclusionRow + 1}`, cells: [[t('We kiezen uit 2 koppelkansen.')]] },
          {
            kind: 'appendRows',
            sheet: SHEET_NAMES.notulen,
            minRow: NOTULEN.firstRow,
            firstColumn: 'A',
            rows: [['N-1', '2026-11-28 10:00', 'Piet', 'Stap 3', '=Meer groen', '', 'redenering', '=SUM(A1) is geen formule', '', ''].map(t)],
          },
        ],
      })
      .then(() => undefined),
  );
  const out = path.join(dir, 'team-out.xlsx');
  const r = await run(['apply', file, '-o', out, '--propose']);
  expect([0, 1]).toContain(r.code);
  const snap = await snapshotOf(out);
  const a = analyze(snap, { now: NOW });
  expect(a.prioritering!.entries).toEqual([
    expect.objectContaining({ place: 1, koppelkans: '=Meer groen', omdat: '+Omdat de wijk het vraagt\nen het goedkoop is', verantwoordelijke: '-Fatima' }),
  ]);
  expect(a.checklist!.items[0]).toMatchObject({ status: 'Bezig', toelichting: '=grenzen volgens raadsbesluit', verantwoordelijke: 'Jan' });
  const notes = readNotes(snap);
  expect(notes.conclusions[1].text).toBe('We kiezen uit 2 koppelkansen.');
  expect(notes.notes[0]).toMatchObject({ id: 'N-1', koppelkans: '=Meer groen', text: '=SUM(A1) is geen formule' });
  const w = snap.sheets.find((s) => s.name === ws)!;
  expect(w.values[5][1]).toBe('=Meer groen');
  expect(w.formulas?.[5]?.[1] ?? null).toBeNull();
});

test('apply refuses .xlsm unless --allow-xlsm, and --in-place writes the file itself', async () => {
  const file = await newWorkbook('macro.xlsx');
  const xlsm = path.join(dir, 'macro.xlsm');
  fs.copyFileSync(file, xlsm);
  const r = await run(['apply', xlsm, '-o', path.join(dir, 'macro-out.xlsx')]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/macro/);
  const inPlace = await newWorkbook('inplace.xlsx', (wb) =>
    wb.apply({ ops: [{ kind: 'setCells', sheet: ws, cell: 'A6', cells: [[t('Gezondheid'), t('Meer groen'), n(5)]] }] }).then(() => undefined),
  );
  expect(analyze(await snapshotOf(inPlace), { now: NOW }).prioritering!.entries).toEqual([]);
  // --propose has something to write (the automatic order), so the file itself must change
  expect((await run(['apply', inPlace, '--in-place', '--propose'])).code).toBe(0);
  const entries = analyze(await snapshotOf(inPlace), { now: NOW }).prioritering!.entries;
  expect(entries.map((e) => e.koppelkans)).toEqual(['Meer groen']);
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('inplace') && f !== 'inplace.xlsx')).toEqual([]); // no temp file left
});

test('usage errors exit 2 with a one-line Dutch message', async () => {
  const r = await run(['apply', 'x.xlsx']);
  expect(r.code).toBe(2);
  expect(r.err.split('\n')[0]).toMatch(/^koppelkansen: geef een uitvoerbestand/);
  expect((await run(['bogus'])).code).toBe(2);
});

test('the installed command runs compiled JavaScript: no TypeScript compiler at run time', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
  expect(Object.keys(pkg.dependencies)).not.toContain('typescript');
  expect(pkg.scripts.prepare).toMatch(/build:cli/);
  expect(pkg.scripts.build).toMatch(/build:cli/);
  const bin = fs.readFileSync(BIN, 'utf8');
  expect(bin).not.toMatch(/tsx|ts-node|\.ts['"]/);
  ensureCliBuilt();
  const res = spawnSync(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(BIN)}); process.on('exit', () => { const ts = Object.keys(require.cache).filter((f) => /node_modules[\\/](tsx|typescript|esbuild)[\\/]/.test(f) || /\\.tsx?$/.test(f)); process.stderr.write('LOADED:' + ts.length); });`,
      '--',
      'help',
    ],
    { encoding: 'utf8' },
  );
  expect(res.stderr).toContain('LOADED:0');
});

test('the bin loads ExcelJS without its streaming reader and writer: apply reads and writes without its Workbook, new makes one through it', async () => {
  ensureCliBuilt();
  const input = await newWorkbook('bin-in.xlsx');
  const out = path.join(dir, 'bin-out.xlsx');
  const made = path.join(dir, 'bin-new.xlsx');
  const run = (args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `process.argv.splice(1, 0, 'koppelkansen'); require(${JSON.stringify(BIN)}); process.on('exit', () => { const streams = Object.keys(require.cache).filter((f) => /node_modules[\\/](unzipper|archiver)[\\/]/.test(f)); const excel = Object.keys(require.cache).filter((f) => /node_modules[\\/]exceljs[\\/]lib[\\/]doc[\\/]workbook\\.js$/.test(f)); process.stderr.write('STREAMS:' + streams.length + ' WORKBOOK:' + excel.length); });`,
        ...args,
      ],
      { encoding: 'utf8' },
    );
  const applied = run(['apply', input, '-o', out]);
  expect(applied.stderr).toContain('STREAMS:0 WORKBOOK:0');
  expect(applied.status).toBe(0);
  const written = await XlsxWorkbook.fromBuffer(fs.readFileSync(out));
  expect((await written.readSnapshot()).sheets.map((s) => s.name)).toEqual(
    (await (await XlsxWorkbook.fromBuffer(fs.readFileSync(input))).readSnapshot()).sheets.map((s) => s.name),
  );
  const created = run(['new', made]);
  expect(created.stderr).toContain('STREAMS:0 WORKBOOK:1');
  expect(created.status).toBe(0);
  expect((await (await XlsxWorkbook.fromBuffer(fs.readFileSync(made))).readSnapshot()).sheets.length).toBeGreaterThan(3);
});

test('npx koppelkansen runs the command line after npm ci (bin entry)', () => {
  ensureCliBuilt();
  const res = spawnSync(process.execPath, [BIN, 'check', path.join(dir, 'nope.xlsx')], { encoding: 'utf8' });
  expect(res.status).toBe(2);
  expect(res.stderr).toMatch(/bestand niet gevonden/);
});

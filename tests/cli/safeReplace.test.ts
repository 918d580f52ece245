/**
 * Safe replace and CLI errors (issue 8): regression tests named after what broke.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import JSZip from 'jszip';
import * as path from 'path';
import XlsxPopulate from 'xlsx-populate';
import { cliRunner } from '../helpers/cliRun';
import { assertUnchanged, fileSystemError, readWithStamp, writeFileSafely } from '../../src/cli/safeWrite';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';

const NOW = new Date('2026-11-28T12:00:00Z');
let dir: string;
let template: Buffer;

const run = cliRunner(NOW);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-safe-'));
  const file = path.join(dir, 'sjabloon.xlsx');
  expect((await run(['new', file])).code).toBe(0);
  template = fs.readFileSync(file);
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function copy(name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, template);
  return file;
}

const temporaries = () => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

test('regression: a reason with U+FFFE no longer corrupts the file: check accepts the output, apply warns naming the cell', async () => {
  const file = copy('fffe.xlsx');
  const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  await wb.apply({
    ops: [{ kind: 'setCells', sheet: SHEET_NAMES.prioritering, cell: `C${PRIORITERING.firstRow}`, cells: [[{ text: 'Omdat\uFFFE het kan\u0001' }]] }],
  });
  fs.writeFileSync(file, await wb.toBuffer());
  expect(wb.writeWarnings()).toEqual([{ kind: 'forbiddenCharacters', sheet: SHEET_NAMES.prioritering, cell: `C${PRIORITERING.firstRow}` }]);
  const check = await run(['check', file]);
  expect(check.code).not.toBe(2);
  const back = await XlsxWorkbook.fromBuffer(fs.readFileSync(file));
  expect(back.getCell(SHEET_NAMES.prioritering, `C${PRIORITERING.firstRow}`)).toBe('Omdat\uFFFE het kan\u0001');
  const applied = await run(['apply', file, '--in-place']);
  expect(applied.code).not.toBe(2);
  expect((await run(['check', file])).code).not.toBe(2);
});

test("regression: Excel's ~$ lock file: apply --in-place refuses and leaves the file alone", async () => {
  const file = copy('open.xlsx');
  const lock = Buffer.concat([Buffer.from([6]), Buffer.from('Fatima'), Buffer.alloc(40)]);
  fs.writeFileSync(path.join(dir, '~$open.xlsx'), lock);
  const before = fs.readFileSync(file);
  const r = await run(['apply', file, '--in-place']);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/open\.xlsx is geopend in Excel \(door Fatima\)/);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  fs.rmSync(path.join(dir, '~$open.xlsx'));
});

test('regression: a save by someone else after the read is not overwritten (lost update)', async () => {
  const file = copy('lost.xlsx');
  const { stamp } = readWithStamp(file);
  fs.writeFileSync(file, Buffer.concat([template, Buffer.from('collega')]));
  await expect(writeFileSafely(file, new Uint8Array([1, 2, 3]), { beforeRename: () => assertUnchanged(file, stamp) })).rejects.toThrow(
    /is gewijzigd sinds het gelezen is/,
  );
  expect(fs.readFileSync(file).subarray(-7).toString()).toBe('collega');
  expect(temporaries()).toEqual([]);
});

test('regression: apply -o over an existing file needs --force, like new', async () => {
  const file = copy('in.xlsx');
  const out = copy('bestaat.xlsx');
  const r = await run(['apply', file, '-o', out]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/bestaat al.*--force/);
  expect((await run(['apply', file, '-o', out, '--force'])).code).not.toBe(2);
});

test('regression: an encrypted workbook is called "beveiligd met een wachtwoord" (exit 2)', async () => {
  const file = path.join(dir, 'geheim.xlsx');
  const header = Buffer.from('d0cf11e0a1b11ae1', 'hex');
  fs.writeFileSync(file, Buffer.concat([header, Buffer.alloc(500), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]));
  const r = await run(['check', file]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/beveiligd met een wachtwoord/);
});

test('regression: check --json prints JSON on an unreadable file', async () => {
  const file = path.join(dir, 'kapot.xlsx');
  fs.writeFileSync(file, 'geen zip');
  const r = await run(['check', file, '--json']);
  expect(r.code).toBe(2);
  const json = JSON.parse(r.out);
  expect(json.ok).toBe(false);
  expect(json.error.message).toMatch(/kapot\.xlsx/);
});

test('regression: onderbouwing refuses an empty or unrelated workbook (exit 2) and writes no document', async () => {
  const wb = XlsxWorkbook.create();
  await wb.apply({
    ops: [
      { kind: 'addSheet', sheet: 'Begroting' },
      { kind: 'setCells', sheet: 'Begroting', cell: 'A1', cells: [[{ text: 'Post' }]] },
    ],
  });
  const file = path.join(dir, 'anders.xlsx');
  fs.writeFileSync(file, await wb.toBuffer());
  const out = path.join(dir, 'anders.docx');
  const r = await run(['onderbouwing', file, '-o', out]);
  expect(r.code).toBe(2);
  expect(fs.existsSync(out)).toBe(false);
});

test("regression: a write failure is a Dutch message naming the user's file, not the temporary one", async () => {
  const file = copy('fout.xlsx');
  const out = path.join(dir, 'bestaat-niet', 'uit.xlsx');
  const r = await run(['apply', file, '-o', out]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(out);
  expect(r.err).toMatch(/bestaat niet/);
  expect(r.err).not.toMatch(/\.tmp|ENOENT/);
  const target = path.join(dir, 'map.xlsx');
  fs.mkdirSync(target);
  const r2 = await run(['apply', file, '-o', target, '--force']);
  expect(r2.code).toBe(2);
  expect(r2.err).toMatch(/map\.xlsx is een map/);
  expect(temporaries()).toEqual([]);
});

test('regression: a 40,000-character text is reported against the 32,767-character cell limit', async () => {
  const wb = await XlsxWorkbook.fromBuffer(template);
  // Excel cannot make such a cell; another program can: put it in through ExcelJS's model
  await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.notulen, cell: 'H30', cells: [[{ text: 'x' }]] }] });
  const x = new ExcelJS.Workbook();
  await x.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
  x.getWorksheet(SHEET_NAMES.notulen)!.getCell('H30').value = 'y'.repeat(40000);
  const file = path.join(dir, 'lang.xlsx');
  fs.writeFileSync(file, new Uint8Array(await x.xlsx.writeBuffer()));
  const r = await run(['check', file]);
  expect(r.out).toMatch(/Notulen!H30: Deze cel bevat 40\.000 tekens; Excel toont en bewaart er hoogstens 32\.767/);
});

test('temporary files of a killed run are removed by the next write', async () => {
  const file = copy('gestopt.xlsx');
  const stale = path.join(dir, `.gestopt.xlsx.999999.1.koppelkansen.tmp`);
  fs.writeFileSync(stale, 'half');
  expect((await run(['apply', file, '--in-place'])).code).not.toBe(2);
  expect(fs.existsSync(stale)).toBe(false);
  expect(temporaries()).toEqual([]);
});

test('regression: a really encrypted workbook (ECMA-376 agile encryption) is "beveiligd met een wachtwoord" for every command, also as JSON', async () => {
  // xlsx-populate writes the EncryptionInfo + EncryptedPackage container Excel writes for "Versleutelen met wachtwoord"
  const wb = await XlsxPopulate.fromDataAsync(template);
  const file = path.join(dir, 'echt-geheim.xlsx');
  fs.writeFileSync(file, await wb.outputAsync({ password: 'geheim' }));
  for (const args of [
    ['check'],
    ['gevoeligheid'],
    ['apply', '-o', path.join(dir, 'x.xlsx')],
    ['apply', '--in-place'],
    ['onderbouwing', '-o', path.join(dir, 'x.docx')],
  ]) {
    const r = await run([args[0], file, ...args.slice(1)]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('echt-geheim.xlsx is beveiligd met een wachtwoord');
  }
  for (const command of ['check', 'gevoeligheid']) {
    const r = await run([command, file, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.code).toBe('file.passwordProtected');
  }
  expect(fs.existsSync(path.join(dir, 'x.xlsx')) || fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
});

test('regression: a zip without xl/workbook.xml (renamed .ods, empty zip) no longer fails with "Cannot read properties of undefined (date1904)"', async () => {
  const ods = new JSZip();
  ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  ods.file('content.xml', '<office:document-content/>');
  const noWorkbook = new JSZip();
  noWorkbook.file('[Content_Types].xml', '<Types/>');
  noWorkbook.file('xl/worksheets/sheet1.xml', '<worksheet/>');
  const cases: [string, JSZip, RegExp][] = [
    ['hernoemd.xlsx', ods, /hernoemd\.xlsx is een OpenDocument-rekenblad/],
    ['zonder-werkmap.xlsx', noWorkbook, /zonder-werkmap\.xlsx is geen Excel-werkmap: het is een zip-bestand zonder werkmap/],
    ['leeg.xlsx', new JSZip(), /leeg\.xlsx is geen Excel-werkmap/],
  ];
  for (const [name, zip, message] of cases) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    for (const args of [['check'], ['gevoeligheid'], ['apply', '-o', path.join(dir, 'y.xlsx')], ['onderbouwing', '-o', path.join(dir, 'y.docx')]]) {
      const r = await run([args[0], file, ...args.slice(1)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/undefined/);
    }
    expect(JSON.parse((await run(['check', file, '--json'])).out).error.message).toMatch(message);
  }
  expect(fs.existsSync(path.join(dir, 'y.docx'))).toBe(false);
});

test("regression: samenvoegen's write failure is a Dutch message naming the user's file (was Node's ENOENT naming the temporary file)", async () => {
  const a = copy('groep-a.xlsx');
  const b = copy('groep-b.xlsx');
  const out = path.join(dir, 'bestaat-niet', 'groep.xlsx');
  const r = await run(['samenvoegen', a, b, '-o', out]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(out);
  expect(r.err).not.toMatch(/\.tmp|ENOENT/);
});

test('regression: an unrelated workbook is refused naming the file, and onderbouwing writes nothing', async () => {
  const wb = XlsxWorkbook.create();
  await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad1' }] });
  const file = path.join(dir, 'leeg-blad.xlsx');
  fs.writeFileSync(file, await wb.toBuffer());
  const out = path.join(dir, 'leeg-blad.docx');
  for (const args of [['check'], ['gevoeligheid'], ['onderbouwing', '-o', out]]) {
    const r = await run([args[0], file, ...args.slice(1)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/leeg-blad\.xlsx is geen Koppelkansen Kiezen-werkmap/);
  }
  expect(fs.existsSync(out)).toBe(false);
});

test('every file-system error code maps to a Dutch message naming the user’s file (EACCES, EROFS, ENOSPC cannot be made as root in a test)', () => {
  for (const [code, text] of [
    ['EACCES', /geen toestemming om uit\.xlsx te schrijven/],
    ['EPERM', /geen toestemming/],
    ['EROFS', /kan uit\.xlsx niet schrijven: de schijf of map is alleen-lezen/],
    ['ENOSPC', /kan uit\.xlsx niet schrijven: de schijf is vol/],
    ['EISDIR', /uit\.xlsx is een map/],
  ] as const) {
    const e = fileSystemError(Object.assign(new Error(`${code}: raw, open '.uit.xlsx.1.tmp'`), { code }), 'uit.xlsx', 'schrijven');
    expect(e.message).toMatch(text);
    expect(e.message).not.toMatch(/tmp|raw/);
  }
});

test('regression (CLI): a colleague who saves the file while apply --in-place runs keeps the save; apply refuses in Dutch and leaves no temporary file', async () => {
  const files = await import('../../src/cli/files');
  const file = copy('tijdens.xlsx');
  const colleague = Buffer.concat([template, Buffer.from('collega')]);
  const original = files.verifyNewVersionOf;
  // the save lands after apply read the file, while it checks what it wrote
  const spy = jest.spyOn(files, 'verifyNewVersionOf').mockImplementation((input) => async (bytes) => {
    fs.writeFileSync(file, colleague);
    return original(input)(bytes);
  });
  try {
    const r = await run(['apply', file, '--in-place']);
    expect(spy).toHaveBeenCalled();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tijdens\.xlsx is gewijzigd sinds het gelezen is/);
  } finally {
    spy.mockRestore();
  }
  expect(fs.readFileSync(file).equals(colleague)).toBe(true);
  expect(temporaries()).toEqual([]);
});

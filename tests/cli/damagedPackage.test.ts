/**
 * The command line on packages that are damaged in ways a reader can name: refused in
 * Dutch, with nothing written (found by trying odd files as a user would, 2026-12-03).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';

const NOW = new Date('2026-11-30T10:00:00Z');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), now: NOW });
  return { code, out, err };
}

describe('damaged packages', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-damaged-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('apply --in-place on a workbook whose Resultaat relationship points at the werkblad’s part is refused and the file kept (regression: Resultaat was written over the werkblad)', async () => {
    const file = path.join(dir, 'gedeeld.xlsx');
    expect((await run(['new', file])).code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const resultaatId = /<sheet [^>]*name="Resultaat"[^>]*r:id="(rId\d+)"/.exec(workbook)![1];
    const werkbladTarget = /Target="(worksheets\/sheet1\.xml)"/.exec(rels)![1];
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(new RegExp(`(Id="${resultaatId}"[^>]*Target=")[^"]*"`), `$1${werkbladTarget}"`));
    fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
    const before = fs.readFileSync(file);
    const r = await run(['apply', file, '--in-place']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^koppelkansen: Het bestand is beschadigd: blad "Resultaat" heeft geen eigen werkbladgedeelte/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('apply --json on a workbook that is no Koppelkansen workbook answers in JSON (regression: text on stdout)', async () => {
    const file = path.join(dir, 'leeg.xlsx');
    expect((await run(['new', path.join(dir, 'ander.xlsx')])).code).toBe(0);
    // a workbook without the werkblad: its first sheet renamed
    const other = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'ander.xlsx')));
    const wb = await other.file('xl/workbook.xml')!.async('string');
    other.file('xl/workbook.xml', wb.replace(/name="Werkblad koppelkansen kiezen"/, 'name="Iets anders"'));
    fs.writeFileSync(file, await other.generateAsync({ type: 'uint8array' }));
    const r = await run(['apply', file, '-o', path.join(dir, 'uit.xlsx'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: false,
      error: { code: 'file.notKoppelkansen', message: expect.stringMatching(/geen Koppelkansen Kiezen-werkmap/) },
    });
    expect(fs.existsSync(path.join(dir, 'uit.xlsx'))).toBe(false);
  });
});

describe('a part the command line copies as it was, damaged already', () => {
  test('apply names the input’s damaged part and asks to repair it in Excel, instead of "Meld dit" (regression: the program was blamed for the damage)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-damaged-'));
    try {
      const file = path.join(dir, 'thema.xlsx');
      expect((await run(['new', file])).code).toBe(0);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const theme = Object.keys(zip.files).find((p) => /^xl\/theme\/theme\d+\.xml$/.test(p))!;
      const text = await zip.file(theme)!.async('string');
      zip.file(theme, text.slice(0, Math.floor(text.length / 2)));
      fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
      const out = path.join(dir, 'uit.xlsx');
      const r = await run(['apply', file, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `koppelkansen: ${file} is beschadigd (onderdeel ${theme}), dus kon er geen goede nieuwe versie van worden gemaakt; er is niets geschreven. Open ${file} in Excel (dat herstelt zo'n bestand), sla het op als Excel-werkmap (.xlsx) en probeer het opnieuw.\n`,
      );
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

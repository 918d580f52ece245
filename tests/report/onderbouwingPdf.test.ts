/**
 * The onderbouwing as LibreOffice Writer prints it: the sample workshop's .docx
 * (tests/helpers/onderbouwingWorkbook.ts: 18 scored koppelkansen, a team order of 4,
 * conclusions, 26 notes of which most are ordinary discussion) converted to PDF with
 * `soffice --convert-to pdf`, read back with poppler's pdfinfo and pdftotext.
 *
 * Bound: the sample workshop takes 6 to 10 pages (first page, method, choice, chart and
 * top 15, conclusions and actions, one landscape page of scores). Seen: 9.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { onderbouwingDocx } from '../../src/report/onderbouwingDocx';
import { rasterizeSvg } from '../../src/cli/rasterize';
import { docxText } from '../helpers/docxText';
import { convertToPdf, hasLibreOfficeWriter } from '../helpers/libreoffice';
import { NOW, sampleSnapshot } from '../helpers/onderbouwingWorkbook';

const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const available = hasLibreOfficeWriter() && poppler;
if (!available && process.env.CI)
  throw new Error('LibreOffice Writer and poppler-utils are required in CI for the onderbouwing PDF test (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;

const MIN_PAGES = 6;
const MAX_PAGES = 10;

/** How often `word` occurs as a whole word (letters on neither side), case-sensitive. */
function wholeWords(text: string, word: string): number {
  const esc = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu')) ?? []).length;
}

maybe('the onderbouwing printed by LibreOffice Writer', () => {
  let dir: string;
  let pdf: string;
  let docText: string;
  let pdfText: string;
  let pages: { width: number; height: number }[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-onderbouwing-pdf-'));
    const docx = path.join(dir, 'onderbouwing.docx');
    const bytes = await onderbouwingDocx(buildOnderbouwingModel(sampleSnapshot(), NOW), rasterizeSvg);
    fs.writeFileSync(docx, bytes);
    docText = await docxText(bytes);
    pdf = await convertToPdf(docx, path.join(dir, 'pdf'), { timeoutMs: 120_000 });
    pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
    pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  }, 180_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it(`takes ${MIN_PAGES} to ${MAX_PAGES} pages for the sample workshop`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(MIN_PAGES);
    expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
  });

  it('is portrait except the last pages, the scores appendix, in landscape', () => {
    const landscape = pages.map((p) => p.width > p.height);
    const first = landscape.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(landscape.slice(0, first).every((l) => !l)).toBe(true);
    expect(landscape.slice(first).every((l) => l)).toBe(true);
    const lastPortraitText = pdfText.split('\f')[first];
    expect(lastPortraitText).toContain('Bijlage 1: scores per koppelkans en succesfactor');
  });

  it('prints page numbers and the first page on its own', () => {
    const sheets = pdfText.split('\f');
    expect(sheets[0]).toContain(`Pagina 1 van ${pages.length}`);
    expect(sheets[0]).toContain('Samenvatting');
    expect(sheets[0]).not.toContain('1. Werkwijze');
    expect(sheets[1]).toContain('1. Werkwijze');
  });

  it('breaks no word in any table (each appears whole as often as in the document, or more: header rows repeat)', () => {
    const headerWords = new Set<string>();
    for (const line of docText.split('\n')) {
      if (!line.includes(' | ')) continue;
      for (const w of line.split(/[\s|/…()×]+/)) if (/^\p{L}{4,}$/u.test(w)) headerWords.add(w);
    }
    expect(headerWords.size).toBeGreaterThan(20);
    const broken = [...headerWords].filter((w) => wholeWords(pdfText, w) < wholeWords(docText, w));
    expect(broken).toEqual([]);
  });
});

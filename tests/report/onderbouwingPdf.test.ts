/**
 * The onderbouwing as LibreOffice Writer prints it: the sample workshop's .docx
 * (tests/helpers/onderbouwingWorkbook.ts: 18 scored koppelkansen, a team order of 4,
 * conclusions, 26 notes of which most are ordinary discussion) converted to PDF with
 * `soffice --convert-to pdf`, read back with poppler's pdfinfo and pdftotext.
 *
 * Bound: the sample workshop takes 6 to 10 pages (first page, method, choice, chart and
 * top 15, conclusions and actions, one landscape page of scores). Seen: 9.
 *
 * Blank space: pages rasterised with pdftoppm (grey, 30 dpi) and the lowest inked pixel
 * row of the text area measured; a page other than the first page, the last portrait page
 * and the last page must be inked over at least MIN_FILL of its text height (a chart
 * kept with its heading that does not fit leaves the page before it part blank).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { onderbouwingDocx } from '../../src/report/onderbouwingDocx';
import { rasterizeSvg } from '../../src/cli/rasterize';
import { docxDocumentXml, docxText, documentText } from '../helpers/docxText';
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
/** The share of a page's text height that must be inked on a page that ends no part of the document. */
const MIN_FILL = 2 / 3;
/** Rasterising resolution for the blank-space check (dots per inch); the page margins are 1 inch. */
const DPI = 30;

/**
 * A binary PGM (P5, 8-bit grey, as `pdftoppm -gray` writes it): width, height and the
 * pixels, one byte each, row by row.
 */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  // header: "P5", width, height, maxval, separated by whitespace, then one whitespace byte and the pixels
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/**
 * How far down the text area (inside 1-inch margins, so without the footer) a page is
 * inked: the lowest row with a pixel darker than light grey, as a share of the text height
 * (0 = blank, 1 = down to the bottom margin).
 */
function inkedShare(pgm: { width: number; height: number; pixels: Buffer }): number {
  const top = DPI;
  const bottom = pgm.height - DPI;
  let lowest = top;
  for (let y = top; y < bottom; y++) {
    const row = pgm.pixels.subarray(y * pgm.width + DPI, y * pgm.width + pgm.width - DPI);
    if (row.some((v) => v < 200)) lowest = y;
  }
  return (lowest - top) / (bottom - top);
}

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
  let inked: number[];
  let docXml: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-onderbouwing-pdf-'));
    const docx = path.join(dir, 'onderbouwing.docx');
    const bytes = await onderbouwingDocx(buildOnderbouwingModel(sampleSnapshot(), NOW), rasterizeSvg);
    fs.writeFileSync(docx, bytes);
    docText = await docxText(bytes);
    docXml = await docxDocumentXml(bytes);
    pdf = await convertToPdf(docx, path.join(dir, 'pdf'), { timeoutMs: 120_000 });
    pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
    pages = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), pdf, path.join(dir, 'page')]);
    const images = fs
      .readdirSync(dir)
      .filter((f) => /^page-\d+\.pgm$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
    inked = images.map((f) => inkedShare(readPgm(fs.readFileSync(path.join(dir, f)))));
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

  it(`leaves no page more than a third blank except the first page, the last portrait page and the last page`, () => {
    expect(inked).toHaveLength(pages.length);
    const lastPortrait = pages.findIndex((p) => p.width > p.height) - 1;
    const ends = new Set([0, lastPortrait, pages.length - 1]);
    const tooEmpty = inked
      .map((share, i) => ({ page: i + 1, share: Math.round(share * 100) / 100 }))
      .filter((x) => !ends.has(x.page - 1) && x.share < MIN_FILL);
    expect(tooEmpty).toEqual([]);
    // the measure sees ink: the first page has a title and a summary, the scores table fills the landscape page
    expect(inked[0]).toBeGreaterThan(0.3);
  });

  it('ends no page with a heading: each heading is on the page of what it introduces', () => {
    const headings = new Set(
      [...docXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading\d"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => documentText(m[0]).trim()),
    );
    expect(headings.size).toBeGreaterThan(10);
    const sheets = pdfText.split('\f').slice(0, pages.length - 1);
    const orphans = sheets
      .map((sheet, i) => {
        const lines = sheet
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !/^Pagina \d+ van \d+$/.test(l));
        return { page: i + 1, last: lines[lines.length - 1] ?? '' };
      })
      .filter((x) => x.last.length > 3 && [...headings].some((h) => h.endsWith(x.last)));
    expect(orphans).toEqual([]);
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

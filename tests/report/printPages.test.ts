/**
 * Print-ready sheets: the workbook `apply` writes for a small workshop (18 scored
 * koppelkansen, tests/helpers/onderbouwingWorkbook.ts), converted to PDF by LibreOffice
 * Calc (one soffice run), counted with poppler's pdfinfo/pdftotext.
 *
 * Before page setup the same workshop printed one column per page: 147 pages. Bounds now:
 * the whole workbook without the onderbouwing sheet ≤ 12 pages (seen: 9; werkblad 1,
 * longlist 4, Resultaat 1, Prioritering 1, checklist 1, Notulen 1; before the longlist and
 * Notulen got page setup: 19, the longlist 10 and Notulen 4), the werkblad ≤ 3 pages, each
 * showing its whole width (title to Totalen), the longlist 2–6 pages with its header on
 * every page, Notulen 1–3 pages each from the first column to the last (Id to In
 * onderbouwing).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_LONGLIST } from '../../src/core/defaults';
import { NOTULEN, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { convertToPdf, sofficePath } from '../helpers/libreoffice';
import { MARKED_NOTE, markOps, NOW, sampleOps, WIJK } from '../helpers/onderbouwingWorkbook';
import { buildOnderbouwingModel } from '../../src/core/onderbouwing';
import { onderbouwingSheetName, onderbouwingSheetOps } from '../../src/core/onderbouwingSheet';

const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const available = !!sofficePath() && poppler;
if (!available && process.env.CI) throw new Error('LibreOffice and poppler-utils are required in CI for the print test (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;

/** Seen: 5 pages (first page and method, choice, top 15 and conclusions, notes, scores). */
const ONDERBOUWING_PAGES = { min: 3, max: 8 };
/** Seen: 4 landscape pages for the 40 koppelkansen of the built-in longlist (10 before its page setup). */
const LONGLIST_PAGES = { min: 2, max: 6 };
/** Seen: 1 page for the conclusions and 28 notes (4 before its page setup). */
const NOTULEN_PAGES = { min: 1, max: 3 };

maybe('printing the workbook apply writes', () => {
  let pages: string[] = [];
  let dir = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-print-'));
    const base = XlsxWorkbook.create();
    await createKoppelkansenWorkbook(base, { wijk: WIJK, now: NOW });
    await base.apply({ ops: sampleOps(await base.readSnapshot()) });
    await base.apply({ ops: markOps(await base.readSnapshot()) });
    const wb = await XlsxWorkbook.fromBuffer(await base.toBuffer());
    await prepareWorkbook(wb, { now: NOW });
    // "Als werkblad in de werkmap": the onderbouwing as the last sheet
    const snapshot = await wb.readSnapshot();
    const model = buildOnderbouwingModel(snapshot, NOW);
    await wb.apply({
      ops: onderbouwingSheetOps(
        model,
        onderbouwingSheetName(
          model.date,
          snapshot.sheets.map((x) => x.name),
        ),
      ),
    });
    const file = path.join(dir, 'workshop.xlsx');
    fs.writeFileSync(file, await wb.toBuffer());
    const pdf = await convertToPdf(file, path.join(dir, 'out'), { timeoutMs: 180_000 });
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      .split('\f')
      .slice(0, count);
  }, 240_000);

  afterAll(() => {
    if (dir && !process.env.KEEP_PRINT_PDF) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The onderbouwing sheet's pages: from its title to the end (it is the last sheet). */
  const onderbouwing = () => pages.slice(pages.findIndex((p) => p.includes(`Onderbouwing koppelkansen – ${WIJK}`)));

  /** A page's first line with text, trimmed. */
  const firstLine = (page: string) => (page.split('\n').find((l) => /\S/.test(l)) ?? '').trim();

  test('prints one column per page no more: the whole workshop fits in a few pages', () => {
    const rest = pages.length - onderbouwing().length;
    expect(rest).toBeGreaterThanOrEqual(6);
    expect(rest).toBeLessThanOrEqual(12);
  });

  test(`the longlist prints landscape on ${LONGLIST_PAGES.min} to ${LONGLIST_PAGES.max} pages, its header row on each and the whole Toelichting column`, () => {
    // print titles: every page of the longlist starts with its header row
    const own = pages.filter((p) => /^Opgave\s+Koppelkans\s+Toelichting$/.test(firstLine(p)));
    expect(own.length).toBeGreaterThanOrEqual(LONGLIST_PAGES.min);
    expect(own.length).toBeLessThanOrEqual(LONGLIST_PAGES.max);
    // one page wide: every koppelkans of the longlist is on a page with its opgave's column
    const all = own.join('\n');
    for (const e of DEFAULT_LONGLIST) expect(all).toContain(e.koppelkans);
  });

  test(`the Notulen sheet prints on ${NOTULEN_PAGES.min} to ${NOTULEN_PAGES.max} pages, each from Id to In onderbouwing`, () => {
    // its first page starts with the title, the next ones with the log's header (print titles)
    const own = pages.slice(0, pages.length - onderbouwing().length).filter((p) => firstLine(p) === NOTULEN.title || /^Id\s+Tijd\s+Auteur/.test(firstLine(p)));
    expect(own.length).toBeGreaterThanOrEqual(NOTULEN_PAGES.min);
    expect(own.length).toBeLessThanOrEqual(NOTULEN_PAGES.max);
    for (const p of own) expect(p).toMatch(/Id\s+Tijd\s+Auteur.*In onderbouwing/);
    expect(own.join('\n')).toContain(MARKED_NOTE);
  });

  test('Resultaat, Prioritering and the WUP checklist print on one or two pages each', () => {
    // the sheets print in workbook order: a sheet's pages run from its title to the next sheet's title
    const starts = ['Resultaat: automatische top 15', 'Prioritering: de keuze van het team', 'WUP checklist: basiselementen', NOTULEN.title].map((title) =>
      pages.findIndex((p) => firstLine(p).startsWith(title)),
    );
    for (const at of starts) expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i + 1 < starts.length; i++) {
      expect(starts[i + 1] - starts[i]).toBeGreaterThanOrEqual(1);
      expect(starts[i + 1] - starts[i]).toBeLessThanOrEqual(2);
    }
  });

  test(`the onderbouwing sheet prints as ${ONDERBOUWING_PAGES.min} to ${ONDERBOUWING_PAGES.max} readable pages, not one page of tiny overlapping text`, () => {
    const own = onderbouwing();
    expect(own.length).toBeGreaterThanOrEqual(ONDERBOUWING_PAGES.min);
    expect(own.length).toBeLessThanOrEqual(ONDERBOUWING_PAGES.max);
    const all = own.join('\n');
    for (const title of [
      'Samenvatting',
      '1. Werkwijze',
      '2. De keuze van het team',
      '3. Automatische top 15',
      '6. Uit het gesprek',
      'Bijlage 1: scores per koppelkans en succesfactor',
    ])
      expect(all).toContain(title);
  });

  test('the werkblad prints whole rows (title to Totalen) on at most 3 landscape pages', () => {
    const werkblad = pages.slice(0, pages.length - onderbouwing().length).filter((p) => p.includes(WERKBLAD.totalenLabel) && p.includes('Weging'));
    expect(werkblad.length).toBeGreaterThanOrEqual(1);
    expect(werkblad.length).toBeLessThanOrEqual(3);
    expect(pages.some((p) => p.includes(SHEET_NAMES.checklist) || p.includes('WUP checklist'))).toBe(true);
  });
});

/**
 * Print-ready sheets: the workbook `apply` writes for a small workshop (18 scored
 * koppelkansen, tests/helpers/onderbouwingWorkbook.ts), converted to PDF by LibreOffice
 * Calc (one soffice run), counted with poppler's pdfinfo/pdftotext.
 *
 * Before page setup the same workshop printed one column per page: 147 pages. Bounds now:
 * the whole workbook ≤ 20 pages (seen: 19; werkblad 1, Resultaat 1, Prioritering 1,
 * checklist 1, the longlist 10 and Notulen 4, which get no page setup yet), the werkblad
 * ≤ 3 pages, each showing its whole width (title to Totalen).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { convertToPdf, sofficePath } from '../helpers/libreoffice';
import { markOps, NOW, sampleOps, WIJK } from '../helpers/onderbouwingWorkbook';
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

  test('prints one column per page no more: the whole workshop fits in a few pages', () => {
    const rest = pages.length - onderbouwing().length;
    expect(rest).toBeGreaterThanOrEqual(5);
    expect(rest).toBeLessThanOrEqual(20);
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

/**
 * Regression: `koppelkansen onderbouwing` on a werkblad of 100,000 koppelkansen ran out of
 * V8 heap (peak RSS 4.4 GB, exit 134): the scores appendix held a table row per koppelkans.
 * The appendix now lists the best-ranked SCORES_APPENDIX_MAX and says how many it leaves out.
 */
import { buildOnderbouwingModel, SCORES_APPENDIX_MAX } from '../../src/core/onderbouwing';
import { onderbouwingSheetOps } from '../../src/core/onderbouwingSheet';
import type { CellValue } from '../../src/core/snapshot';
import { onderbouwingDocx } from '../../src/report/onderbouwingDocx';
import { workbook } from '../helpers/build';
import { docxText } from '../helpers/docxText';

const NOW = new Date('2026-11-30T10:00:00+01:00');
const EXTRA = 37;
const COUNT = SCORES_APPENDIX_MAX + EXTRA;
// row i scores i % 21 - 10 on each of three factors
const rows: CellValue[][] = Array.from({ length: COUNT }, (_, i) => ['Groen', `Koppelkans ${i + 1}`, (i % 21) - 10, (Math.floor(i / 21) % 21) - 10, 0]);

describe('onderbouwing of a werkblad with more koppelkansen than the scores appendix lists (100,000 rows ran out of memory)', () => {
  const model = buildOnderbouwingModel(workbook({ rows }), NOW);

  it('holds at most SCORES_APPENDIX_MAX koppelkansen, the best ranked, and counts them all', () => {
    expect(model.scoresTotal).toBe(COUNT);
    expect(model.scores).toHaveLength(SCORES_APPENDIX_MAX);
    const ranks = model.scores.map((s) => s.rank ?? Infinity);
    expect(ranks[0]).toBe(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(Math.max(...ranks)).toBeLessThanOrEqual(SCORES_APPENDIX_MAX);
  });

  it('says in Dutch how many are left out and that the workbook has them, in the Word document and on the sheet', async () => {
    expect(model.scoresLeftOut).toContain(`andere ${EXTRA} koppelkansen`);
    expect(model.scoresLeftOut).toContain(`van de ${COUNT}`);
    expect(model.scoresLeftOut).toContain('werkmap');
    const text = await docxText(await onderbouwingDocx(model));
    expect(text).toContain(`andere ${EXTRA} koppelkansen`);
    const written = JSON.stringify(onderbouwingSheetOps(model, 'Onderbouwing'));
    expect(written).toContain(`andere ${EXTRA}`);
  });

  it('lists every koppelkans and says nothing extra when there are no more than SCORES_APPENDIX_MAX', () => {
    const small = buildOnderbouwingModel(workbook({ rows: rows.slice(0, 20) }), NOW);
    expect(small.scores).toHaveLength(20);
    expect(small.scoresLeftOut).toBeNull();
  });
});

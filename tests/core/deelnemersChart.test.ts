import { DEELNEMERS, deelnemersEdit, parseNames, participants, readDeelnemers } from '../../src/core/deelnemers';
import { NOTULEN, SHEET_NAMES } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import { simulate } from '../../src/core/simulate';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { chartAltText, chartGeometry, chartNumber, chartSvg, textWidth, topChartBars, wrapLabel } from '../../src/core/topChart';
import { NOW, ROWS, sampleSnapshot } from '../helpers/onderbouwingWorkbook';
import { rankEntry } from '../helpers/build';

const fresh = (): WorkbookSnapshot => simulate({ sheets: [], validations: [] }, newWorkbookPlan({ wijk: 'Test', now: NOW }).plan.ops);

describe('the participants list on Notulen', () => {
  it('is a labelled row of a new workbook, right below the step conclusions', () => {
    const s = readDeelnemers(fresh());
    expect(s).toEqual({ sheet: SHEET_NAMES.notulen, row: DEELNEMERS.defaultRow, names: [] });
    expect(DEELNEMERS.defaultRow).toBeLessThan(NOTULEN.logTitleRow);
  });

  it('reads names one per line or separated by commas and semicolons, once each', () => {
    expect(parseNames(' Anna de  Vries ,Bert\nCees; anna de vries\r\n\n')).toEqual(['Anna de Vries', 'Bert', 'Cees']);
  });

  it('is written in the labelled cell and read back; the notes’ authors are added behind the list', () => {
    const base = fresh();
    const res = deelnemersEdit(base, ['Anna', 'Bert']);
    if (!res.ok) throw new Error(res.message);
    const after = simulate(base, res.ops);
    expect(readDeelnemers(after).names).toEqual(['Anna', 'Bert']);
    expect(participants(['Anna', 'Bert'], [{ author: 'bert ' }, { author: 'Fatima' }, { author: '' }, { author: 'Fatima' }] as never)).toEqual([
      'Anna',
      'Bert',
      'Fatima',
    ]);
    const sample = sampleSnapshot();
    expect(participants(readDeelnemers(sample).names, readNotes(sample).notes)).toEqual(['Anna de Vries (gemeente)', 'Fatima', 'Piet']);
  });

  it('adds the label to an older Notulen sheet only where the cells are empty, and says which cell is in the way', () => {
    const base = fresh();
    const notulen = base.sheets.find((s) => s.name === SHEET_NAMES.notulen)!;
    const r = DEELNEMERS.defaultRow - 1;
    // an older workbook: no label; the team typed something in A8
    const older: WorkbookSnapshot = {
      ...base,
      sheets: base.sheets.map((s) => (s === notulen ? { ...s, values: s.values.map((row, i) => (i === r ? ['Eigen tekst'] : row)) } : s)),
    };
    expect(readDeelnemers(older).row).toBeNull();
    const refused = deelnemersEdit(older, ['Anna']);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain(`${SHEET_NAMES.notulen}!A${DEELNEMERS.defaultRow}`);
    // an empty row: the label and the names are written
    const empty: WorkbookSnapshot = {
      ...base,
      sheets: base.sheets.map((s) => (s === notulen ? { ...s, values: s.values.map((row, i) => (i === r ? [] : row)) } : s)),
    };
    const res = deelnemersEdit(empty, ['Anna']);
    if (!res.ok) throw new Error(res.message);
    expect(readDeelnemers(simulate(empty, res.ops)).names).toEqual(['Anna']);
    expect(deelnemersEdit({ sheets: [] }, ['Anna']).ok).toBe(false);
  });
});

describe('the top-15 chart', () => {
  const top = [
    rankEntry(1, ROWS[0].koppelkans, 18),
    rankEntry(2, 'Koppelkans met een heel erg lange naam die niet op twee regels past omdat hij maar doorgaat en doorgaat', 12.5),
    rankEntry(2, 'Gelijk', 12.5),
    rankEntry(4, 'Negatief', -6),
  ];
  const placeOf = (k: string) => (k === 'Gelijk' ? 1 : null);
  // per test, not in the describe body: Stryker counts code run at load for no test
  let g: ReturnType<typeof chartGeometry>;
  beforeEach(() => {
    g = chartGeometry(topChartBars(top, placeOf));
  });

  it('draws one bar per koppelkans in rank order, from zero, negative totals to the left', () => {
    expect(g.bars.map((b) => b.bar.koppelkans)).toEqual(top.map((e) => e.koppelkans));
    const [first, , , neg] = g.bars;
    expect(first.x).toBeCloseTo(g.zeroX);
    expect(neg.x + neg.w).toBeCloseTo(g.zeroX);
    expect(first.w).toBeGreaterThan(g.bars[1].w);
    expect(g.bars[1].w).toBeCloseTo(g.bars[2].w);
    for (const b of g.bars) {
      expect(b.x).toBeGreaterThanOrEqual(g.plotLeft - 0.5);
      expect(b.x + b.w).toBeLessThanOrEqual(g.plotRight + 0.5);
    }
  });

  it('marks the team’s choice by text too, and keeps labels within their room (two lines, cut with …)', () => {
    expect(g.bars[2].value).toBe('12,5 · keuze 1');
    expect(g.bars[1].value).toBe('12,5');
    expect(g.bars[1].label.length).toBe(2);
    expect(g.bars[1].label[1].endsWith('…')).toBe(true);
    for (const b of g.bars) for (const l of b.label) expect(textWidth(l, g.fontSize, b.bar.place !== null)).toBeLessThanOrEqual(b.labelX);
    expect(wrapLabel('kort', 100, 12)).toEqual(['kort']);
  });

  it('is a standalone SVG with a title, escaped text and a legend', () => {
    const svg = chartSvg(chartGeometry(topChartBars([rankEntry(1, 'A & B <c>', 3)], () => null)), 'Top 15 – Wijk');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Top 15 – Wijk</title>');
    expect(svg).toContain('1. A &amp; B &lt;c&gt;');
    expect(svg).toContain('gekozen door het team');
  });

  it('says in words what it shows (alternative text), every bar included', () => {
    const alt = chartAltText(top, placeOf, 'Oost');
    expect(alt).toMatch(/^Staafdiagram van de automatische top 15 van Oost/);
    expect(alt).toContain('1 van de 4 zijn gekozen door het team');
    expect(alt).toContain('2. Gelijk: 12,5, keuze 1');
    expect(alt).toContain('4. Negatief: −6');
    expect(chartAltText([], placeOf, '')).toContain('nog geen koppelkans');
    expect(chartNumber(-3.25)).toBe('−3,25');
    expect(chartNumber(0.1 + 0.2)).toBe('0,3');
  });
});

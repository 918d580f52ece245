import { textEm } from '../../src/core/textMetrics';
import {
  CHART_COLORS,
  MAX_BARS,
  chartAltText,
  chartGeometry,
  chartNumber,
  chartSvg,
  legendX,
  textWidth,
  topChartBars,
  wrapLabel,
  type ChartBar,
  type ChartGeometry,
} from '../../src/core/topChart';
import { rankEntry } from '../helpers/build';

const bar = (rank: number, total: number, place: number | null = null, koppelkans = `Kans ${rank}`): ChartBar => ({
  rank,
  opgave: 'Groen',
  koppelkans,
  total,
  place,
});
const tickLabels = (totals: number[]) => chartGeometry(totals.map((t, i) => bar(i + 1, t))).ticks.map((t) => t.label);

describe('topChartBars', () => {
  it('draws at most MAX_BARS bars (ties at rank 15 included), each with the team’s place', () => {
    const top = Array.from({ length: MAX_BARS + 3 }, (_, i) => rankEntry(i + 1, `K${i + 1}`, 100 - i));
    const bars = topChartBars(top, (k) => (k === 'K2' ? 1 : null));
    expect(bars).toHaveLength(MAX_BARS);
    expect(bars[1]).toEqual({ rank: 2, opgave: 'Groen', koppelkans: 'K2', total: 99, place: 1 });
    expect(bars[0].place).toBeNull();
  });
});

describe('chartNumber: totals the Dutch way', () => {
  it('writes whole numbers bare, at most two decimals with a comma, and a real minus sign', () => {
    expect(chartNumber(12)).toBe('12');
    expect(chartNumber(12.1)).toBe('12,1');
    expect(chartNumber(12.25)).toBe('12,25');
    expect(chartNumber(12.004)).toBe('12');
    expect(chartNumber(-3.5)).toBe('−3,5');
    expect(chartNumber(-12)).toBe('−12');
  });

  it('writes a total that rounds to zero as 0, without a minus sign', () => {
    expect(chartNumber(-0.004)).toBe('0');
    expect(chartNumber(0)).toBe('0');
  });
});

describe('the axis: nice ticks (1, 2 or 5 × 10^k), about five, covering zero and every total', () => {
  it('steps by 5 up to 20 for a highest total of 18', () => {
    expect(tickLabels([18, 3])).toEqual(['0', '5', '10', '15', '20']);
  });

  it('steps by 2, 1, 10 and 0,2 where those give about five ticks', () => {
    expect(tickLabels([7])).toEqual(['0', '2', '4', '6', '8']);
    expect(tickLabels([5])).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(tickLabels([40])).toEqual(['0', '10', '20', '30', '40']);
    expect(tickLabels([25])).toEqual(['0', '5', '10', '15', '20', '25']);
    expect(tickLabels([1])).toEqual(['0', '0,2', '0,4', '0,6', '0,8', '1']);
  });

  it('runs left of zero to the lowest total, rounded out to a tick', () => {
    expect(tickLabels([18, -6])).toEqual(['−10', '−5', '0', '5', '10', '15', '20']);
    expect(tickLabels([-3, -7])).toEqual(['−8', '−6', '−4', '−2', '0']);
  });

  it('has one step of axis when every total is zero', () => {
    expect(tickLabels([0, 0])).toEqual(['0', '0,2']);
  });
});

describe('chartGeometry', () => {
  // computed per test (beforeEach), not in the describe body: Stryker activates a mutant only
  // while a test runs, so a value computed at load would never see the mutant
  const bars = [bar(1, 20), bar(2, 10, 1), bar(3, -5)];
  let g: ChartGeometry;
  beforeEach(() => {
    g = chartGeometry(bars);
  });

  it('puts the labels in the left 42 % and the plot right of them, with room for the value', () => {
    expect(g.width).toBe(680);
    expect(g.bars.every((b) => b.labelX === Math.round(680 * 0.42))).toBe(true);
    expect(g.plotLeft).toBe(g.bars[0].labelX + 10);
    expect(g.plotRight).toBe(680 - (textWidth('−000,00 · keuze 00', 12, true) + 8));
    expect(chartGeometry([bar(1, 5)], 400).bars[0].labelX).toBe(Math.round(400 * 0.42));
  });

  it('scales bars from zero: the axis’s ends are the plot’s edges, a bar’s length is in proportion to its total', () => {
    const [top, mid, neg] = g.bars;
    // axis −5 … 20
    expect(g.ticks[0].x).toBeCloseTo(g.plotLeft, 6);
    expect(g.ticks[g.ticks.length - 1].x).toBeCloseTo(g.plotRight, 6);
    expect(g.zeroX).toBeCloseTo(g.plotLeft + (5 / 25) * (g.plotRight - g.plotLeft), 6);
    expect(top.x).toBeCloseTo(g.zeroX, 6);
    expect(top.x + top.w).toBeCloseTo(g.plotRight, 6);
    expect(mid.w).toBeCloseTo(top.w / 2, 6);
    expect(neg.x).toBeCloseTo(g.plotLeft, 6);
    expect(neg.w).toBeCloseTo(top.w / 4, 6);
  });

  it('draws a zero total as a 1 px bar at the zero line', () => {
    const z = chartGeometry([bar(1, 10), bar(2, 0)]).bars[1];
    expect(z.w).toBe(1);
    expect(z.x).toBeCloseTo(chartGeometry([bar(1, 10), bar(2, 0)]).zeroX, 6);
  });

  it('gives each bar a row of two label lines: 36 px, the bar 26 px high in its middle', () => {
    expect(g.plotTop).toBe(8);
    expect(g.plotBottom).toBe(8 + 3 * 36);
    g.bars.forEach((b, i) => {
      expect(b.y).toBe(8 + i * 36 + 5);
      expect(b.h).toBe(26);
    });
  });

  it('centres a one-line label on its bar and moves a two-line label up by half a line', () => {
    const one = g.bars[0];
    expect(one.label).toEqual(['1. Kans 1']);
    expect(one.labelY).toBeCloseTo(8 + 18 + 12 * 0.35, 6);
    const long = chartGeometry([bar(1, 5, null, 'Een koppelkans met een naam die net niet op één regel van het diagram past')]).bars[0];
    expect(long.label).toHaveLength(2);
    expect(long.labelY).toBeCloseTo(8 + 18 - 15 / 2 + 12 * 0.35, 6);
  });

  it('writes the value beside the bar’s end, and for a negative bar right of the zero line', () => {
    const [top, mid, neg] = g.bars;
    expect(top.value).toBe('20');
    expect(mid.value).toBe('10 · keuze 1');
    expect(neg.value).toBe('−5');
    expect(top.valueX).toBeCloseTo(top.x + top.w + 4, 6);
    expect(neg.valueX).toBeCloseTo(g.zeroX + 4, 6);
    expect(g.bars.every((b) => b.valueAnchor === 'start')).toBe(true);
  });

  it('measures a chosen koppelkans’s label in bold', () => {
    // a name that fits the label room in regular weight but not in bold
    const room = Math.round(680 * 0.42) - 4;
    let name = 'a';
    while (textWidth(`1. ${name}a`, 12) <= room) name += 'a';
    expect(textWidth(`1. ${name}`, 12, true)).toBeGreaterThan(room);
    expect(chartGeometry([bar(1, 5, null, name)]).bars[0].label).toEqual([`1. ${name}`]);
    expect(chartGeometry([bar(1, 5, 1, name)]).bars[0].label).toHaveLength(2);
  });

  it('puts the legend two lines below the plot and makes the picture tall enough for it', () => {
    expect(g.legend.y).toBe(g.plotBottom + 2 * 15 + 8);
    expect(g.height).toBe(Math.ceil(g.legend.y + 2 * 15 + 4));
    expect(g.legend.chosen).toMatch(/^gekozen door het team/);
    expect(g.legend.other).toBe('niet gekozen');
  });
});

describe('wrapLabel', () => {
  const w = (t: string) => textWidth(t, 12);

  it('breaks at spaces into at most two lines and cuts the rest with …', () => {
    expect(wrapLabel('aaa bbb', w('aaa bbb'), 12)).toEqual(['aaa bbb']);
    expect(wrapLabel('aaa bbb', w('aaa bbb') - 0.1, 12)).toEqual(['aaa', 'bbb']);
    expect(wrapLabel('aaa bbb ccc ddd', w('aaa bbb'), 12)).toEqual(['aaa bbb', 'ccc ddd']);
    const lines = wrapLabel('aaa bbb ccc ddd eee', w('aaa bbb'), 12);
    expect(lines[0]).toBe('aaa bbb');
    expect(lines[1].endsWith('…')).toBe(true);
    expect(w(lines[1])).toBeLessThanOrEqual(w('aaa bbb'));
    expect(lines[1].startsWith('ccc')).toBe(true);
  });

  it('keeps as many lines as asked', () => {
    expect(wrapLabel('aaa bbb ccc', w('aaa'), 12, false, 3)).toEqual(['aaa', 'bbb', 'ccc']);
    expect(wrapLabel('aaa bbb ccc', w('aaa'), 12, false, 1)).toHaveLength(1);
  });

  it('cuts a word wider than the room, without a space before the …', () => {
    const [line] = wrapLabel('abcdefghijklmnopqrstuvwxyz', w('abcdefgh…'), 12);
    expect(line).toBe('abcdefgh…');
    // cut right after a space: the space goes
    expect(wrapLabel('aaa bbbbbbbbbbbbbb', w('aaa …') + 1, 12, false, 1)).toEqual(['aaa…']);
  });

  it('keeps at least one character before the … however narrow the room', () => {
    expect(wrapLabel('abc', 1, 12).at(-1)).toBe('a…');
  });

  it('ignores spaces around and between the words, and gives no line for no text', () => {
    expect(wrapLabel('  aaa   bbb  ', 1000, 12)).toEqual(['aaa bbb']);
    expect(wrapLabel('   ', 1000, 12)).toEqual([]);
  });

  it('measures bold text as bold', () => {
    expect(textWidth('aaa', 12, true)).toBeCloseTo(textEm('aaa', true) * 12, 10);
    expect(wrapLabel('aaa bbb', w('aaa bbb'), 12, true)).toEqual(['aaa', 'bbb']);
  });
});

describe('chartSvg', () => {
  let g: ChartGeometry;
  let svg: string;
  let lines: string[];
  beforeEach(() => {
    g = chartGeometry([bar(1, 10, 2, 'Gekozen'), bar(2, 5, null, 'Niet "gekozen"')]);
    svg = chartSvg(g, 'Top 15 "Oost"');
    lines = svg.split('\n');
  });

  it('is an SVG of the geometry’s size whose title is its accessible name, quotes escaped', () => {
    expect(lines[0]).toContain(`width="680" height="${g.height}" viewBox="0 0 680 ${g.height}" role="img"`);
    expect(lines[1]).toBe('<title>Top 15 &quot;Oost&quot;</title>');
    expect(lines[0]).toContain(`font-family="'Segoe UI', Calibri, Carlito, 'DejaVu Sans', Arial, sans-serif" font-size="12"`);
    expect(lines[lines.length - 1]).toBe('</svg>');
  });

  it('fills the team’s choice dark blue with a bold label and value, the others light blue with a darker edge', () => {
    const rects = lines.filter((l) => l.startsWith('<rect x='));
    expect(rects[0]).toContain(`fill="${CHART_COLORS.chosen}" stroke="${CHART_COLORS.chosen}"`);
    expect(rects[1]).toContain(`fill="${CHART_COLORS.other}" stroke="${CHART_COLORS.otherEdge}"`);
    const chosenLabel = lines.find((l) => l.includes('1. Gekozen'))!;
    expect(chosenLabel).toContain('font-weight="bold"');
    expect(lines.find((l) => l.includes('2. Niet &quot;gekozen&quot;'))).not.toContain('font-weight');
    expect(lines.find((l) => l.includes('>10 · keuze 2<'))).toContain('font-weight="bold"');
    expect(lines.find((l) => l.includes('>5<'))).not.toContain('font-weight');
  });

  it('draws the bars at their geometry, rounded to 0.1 px', () => {
    const b = g.bars[1];
    const r1 = (n: number) => Math.round(n * 10) / 10;
    expect(svg).toContain(`<rect x="${r1(b.x)}" y="${r1(b.y)}" width="${r1(b.w)}" height="${r1(b.h)}"`);
  });

  it('draws a grid line and a label per tick, and the zero line over the bars', () => {
    for (const t of g.ticks) expect(svg).toContain(`>${t.label}</text>`);
    expect(lines.filter((l) => l.includes(`stroke="${CHART_COLORS.grid}"`))).toHaveLength(g.ticks.length);
    const zero = lines.findIndex((l) => l.includes('stroke-width="1.5"'));
    expect(zero).toBeGreaterThan(lines.findIndex((l) => l.includes('1. Gekozen')));
    expect(lines[zero]).toContain(`y1="${g.plotTop}" x2="${Math.round(g.zeroX * 10) / 10}" y2="${g.plotBottom}"`);
  });

  it('puts a two-line label in tspans a line apart', () => {
    const two = chartGeometry([bar(1, 5, null, 'Een koppelkans met een naam die net niet op één regel van het diagram past')]);
    const label = chartSvg(two, 't')
      .split('\n')
      .find((l) => l.includes('<tspan'))!;
    expect(label).toMatch(new RegExp(`^<text[^>]*><tspan x="${two.bars[0].labelX}" dy="0">[^<]*</tspan><tspan x="${two.bars[0].labelX}" dy="15">`));
    expect(label).toContain(`<tspan x="${two.bars[0].labelX}" dy="0">`);
    expect(label).toContain(`<tspan x="${two.bars[0].labelX}" dy="15">`);
  });

  it('places its texts: tick labels below the plot, values centred on their bar, the legend’s second row below its first, on white', () => {
    const num = (l: string, attr: string) => Number(new RegExp(`${attr}="([-0-9.]+)"`).exec(l)![1]);
    expect(lines[2]).toBe(`<rect width="680" height="${g.height}" fill="#FFFFFF"/>`);
    const tick = lines.find((l) => l.includes('text-anchor="middle"'))!;
    expect(num(tick, 'y')).toBeCloseTo(g.plotBottom + 12 * 1.3, 1);
    const value = lines.find((l) => l.includes('>5</text>'))!;
    expect(num(value, 'y')).toBeCloseTo(g.bars[1].y + g.bars[1].h / 2 + 12 * 0.35, 1);
    const label = lines.find((l) => l.includes('2. Niet'))!;
    expect(label).toMatch(/<text x="\d+" y="[0-9.]+" text-anchor="end" fill="#1A1A1A"><tspan /);
    const ly = g.legend.y;
    const lx = legendX(g);
    expect(svg).toContain(
      `<rect x="${lx}" y="${Math.round((ly + 12 * 0.55) * 10) / 10}" width="14" height="12" fill="${CHART_COLORS.other}" stroke="${CHART_COLORS.otherEdge}"/>`,
    );
    expect(svg).toContain(`<text x="${lx + 20}" y="${Math.round((ly + 12 * 1.35) * 10) / 10}" fill="${CHART_COLORS.text}">niet gekozen</text>`);
  });

  it('has the legend: both swatches and both texts', () => {
    expect(svg).toContain(`>${g.legend.chosen}</text>`);
    expect(svg).toContain('>niet gekozen</text>');
    const lx = legendX(g);
    expect(svg).toContain(`<rect x="${lx}" y="${Math.round((g.legend.y - 12 * 0.8) * 10) / 10}" width="14" height="12" fill="${CHART_COLORS.chosen}"/>`);
    expect(svg).toContain(`<text x="${lx + 20}" y="${g.legend.y}"`);
  });
});

describe('legendX', () => {
  it('starts the legend under the plot when its text fits there, else as far left as needed, never closer than 4 px to the edge', () => {
    const need = 20 + textWidth('gekozen door het team (keuze 1 = eerste plaats bij het team)', 12);
    const wide = chartGeometry([bar(1, 5)], 2000);
    expect(legendX(wide)).toBe(wide.plotLeft);
    const mid = chartGeometry([bar(1, 5)], 700);
    expect(700 - 4 - need).toBeLessThan(mid.plotLeft);
    expect(legendX(mid)).toBeCloseTo(700 - 4 - need, 6);
    expect(legendX(chartGeometry([bar(1, 5)], 100))).toBe(4);
  });
});

describe('chartAltText', () => {
  it('leaves out the wijk when there is none and counts the chosen ones', () => {
    const alt = chartAltText([rankEntry(1, 'A', 3), rankEntry(2, 'B', 2.5)], () => null, '');
    expect(alt).toBe(
      'Staafdiagram van de automatische top 15: per koppelkans het gewogen totaal, hoogste bovenaan. ' +
        '0 van de 2 zijn gekozen door het team (donkere staaf, met de plaats in de volgorde van het team). 1. A: 3; 2. B: 2,5.',
    );
  });
});

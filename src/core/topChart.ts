/**
 * The chart of the automatic top 15: one horizontal bar per koppelkans (its weighted
 * total), in rank order, the team's choices marked by colour AND by text ("keuze 2"),
 * so the mark survives printing in grey and reading by a screen reader.
 *
 * One geometry, three renderings: the SVG string (rasterised into the Word document),
 * the pane's Resultaat view (React draws the same geometry) and the alt text. Pure:
 * no DOM, no fonts measured; text widths are estimated (see `textWidth`).
 */
import type { RankEntry } from './ranking';
import { textEm } from './textMetrics';

export interface ChartBar {
  rank: number;
  opgave: string;
  koppelkans: string;
  total: number;
  /** The team's place for this koppelkans (Prioritering), null when not chosen. */
  place: number | null;
}

/** Most bars drawn: the top 15, with room for ties at rank 15 (the rest are named in the alt text). */
export const MAX_BARS = 25;

/**
 * The bars of the chart: the automatic top (ties share a rank, so there may be more than
 * 15), at most MAX_BARS. `placeOf` gives the team's place of a koppelkans (or null).
 */
export function topChartBars(top: readonly RankEntry[], placeOf: (koppelkans: string) => number | null): ChartBar[] {
  return top.slice(0, MAX_BARS).map((e) => ({ rank: e.rank, opgave: e.opgave, koppelkans: e.koppelkans, total: e.total, place: placeOf(e.koppelkans) }));
}

/** Colours: the team's choice dark blue, the others light blue (contrast ≥ 3:1 against white for both edges). */
export const CHART_COLORS = { chosen: '#1F4E79', other: '#9DC3E6', otherEdge: '#5B9BD5', axis: '#595959', text: '#1A1A1A', grid: '#D9D9D9' } as const;

export const CHART_FONT = "'Segoe UI', Calibri, Carlito, 'DejaVu Sans', Arial, sans-serif";

export interface ChartGeometry {
  /** Pixels (CSS px; the Word image is rendered at twice this size). */
  width: number;
  height: number;
  fontSize: number;
  /** x of the zero line. */
  zeroX: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  bars: {
    bar: ChartBar;
    /** The bar's rectangle (left edge is the smaller x, also for negative totals). */
    x: number;
    y: number;
    w: number;
    h: number;
    /** Label lines left of the plot, right-aligned at labelX: "3. Koppelkans…" (at most two lines). */
    label: string[];
    labelX: number;
    labelY: number;
    /** The value and mark beside the bar: "16 · keuze 1". */
    value: string;
    valueX: number;
    valueAnchor: 'start' | 'end';
  }[];
  ticks: { x: number; label: string }[];
  legend: { chosen: string; other: string; y: number };
}

/** Estimated width in px of `text` at `fontSize` px (bold for the team's choices); see core/textMetrics. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return textEm(text, bold) * fontSize;
}

/**
 * Splits `text` into at most `maxLines` lines no wider than `maxWidth` px (estimated),
 * breaking at spaces; the last line ends in "…" when the text is cut.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, bold = false, maxLines = 2): string[] {
  const fits = (t: string) => textWidth(t, fontSize, bold) <= maxWidth;
  const cut = (t: string) => {
    let c = t;
    while (c.length > 1 && !fits(`${c}…`)) c = c.slice(0, -1);
    return `${c.trimEnd()}…`;
  };
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const w = fits(words[i]) ? words[i] : cut(words[i]);
    const next = line ? `${line} ${w}` : w;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(cut(next));
      return lines;
    }
    lines.push(line);
    line = w;
  }
  if (line) lines.push(line);
  return lines;
}

/** "12", "12,5", "−3,25": totals the Dutch way, at most two decimals, a real minus sign. */
export function chartNumber(n: number): string {
  const r = Math.round(n * 100) / 100;
  const s = (Number.isInteger(r) ? String(Math.abs(r)) : Math.abs(r).toFixed(2).replace(/0$/, '')).replace('.', ',');
  return r < 0 ? `−${s}` : s;
}

/** "Nice" tick step (1, 2 or 5 × 10^k) for about `count` ticks over `span`. */
function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/**
 * Lays out the chart for `bars` at `width` px. Bars start at zero (negative totals
 * extend left of the zero line); the axis runs from min(0, lowest) to max(0, highest),
 * rounded out to a tick.
 */
export function chartGeometry(bars: readonly ChartBar[], width = 680): ChartGeometry {
  const fontSize = 12;
  const lineHeight = fontSize * 1.25;
  const rowHeight = 2 * lineHeight + 6;
  const labelWidth = Math.round(width * 0.42);
  const values = bars.map((b) => b.total);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const step = tickStep(hi - lo || 1, 5);
  const axisLo = Math.floor(lo / step) * step;
  const axisHi = Math.max(axisLo + step, Math.ceil(hi / step) * step);
  const valueRoom = textWidth('−000,00 · keuze 00', fontSize, true) + 8;
  const plotLeft = labelWidth + 10;
  const plotRight = width - valueRoom;
  const plotTop = 8;
  const plotBottom = plotTop + rowHeight * bars.length;
  const scale = (v: number) => plotLeft + ((v - axisLo) / (axisHi - axisLo)) * (plotRight - plotLeft);
  const zeroX = scale(0);
  const out: ChartGeometry['bars'] = bars.map((bar, i) => {
    const top = plotTop + i * rowHeight;
    const x0 = scale(Math.min(0, bar.total));
    const x1 = scale(Math.max(0, bar.total));
    const label = wrapLabel(`${bar.rank}. ${bar.koppelkans}`, labelWidth - 4, fontSize, bar.place !== null);
    const value = `${chartNumber(bar.total)}${bar.place !== null ? ` · keuze ${bar.place}` : ''}`;
    const negative = bar.total < 0;
    return {
      bar,
      x: x0,
      y: top + 5,
      w: Math.max(1, x1 - x0),
      h: rowHeight - 10,
      label,
      labelX: labelWidth,
      labelY: top + rowHeight / 2 - ((label.length - 1) * lineHeight) / 2 + fontSize * 0.35,
      value,
      // beside the bar's end; for a negative bar inside the plot, left of it would hit the labels, so right of zero
      valueX: negative ? zeroX + 4 : x1 + 4,
      valueAnchor: 'start',
    };
  });
  const ticks: ChartGeometry['ticks'] = [];
  for (let v = axisLo; v <= axisHi + step / 2; v += step) ticks.push({ x: scale(v), label: chartNumber(v) });
  const legendY = plotBottom + 2 * lineHeight + 8;
  return {
    width,
    height: Math.ceil(legendY + 2 * lineHeight + 4),
    fontSize,
    zeroX,
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    bars: out,
    ticks,
    legend: { chosen: 'gekozen door het team (keuze 1 = eerste plaats bij het team)', other: 'niet gekozen', y: legendY },
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Left edge of the legend: under the plot when the text fits there, else further left. */
export function legendX(g: ChartGeometry): number {
  const need = 20 + textWidth(g.legend.chosen, g.fontSize);
  return Math.max(4, Math.min(g.plotLeft, g.width - 4 - need));
}

/** The chart as a standalone SVG document (UTF-8 text), `title` as its accessible name. */
export function chartSvg(g: ChartGeometry, title: string): string {
  const t: string[] = [];
  t.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" role="img" font-family="${esc(CHART_FONT)}" font-size="${g.fontSize}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${g.width}" height="${g.height}" fill="#FFFFFF"/>`,
  );
  for (const tk of g.ticks) {
    t.push(`<line x1="${r1(tk.x)}" y1="${g.plotTop}" x2="${r1(tk.x)}" y2="${g.plotBottom}" stroke="${CHART_COLORS.grid}" stroke-width="1"/>`);
    t.push(`<text x="${r1(tk.x)}" y="${r1(g.plotBottom + g.fontSize * 1.3)}" text-anchor="middle" fill="${CHART_COLORS.axis}">${esc(tk.label)}</text>`);
  }
  for (const b of g.bars) {
    const chosen = b.bar.place !== null;
    t.push(
      `<rect x="${r1(b.x)}" y="${r1(b.y)}" width="${r1(b.w)}" height="${r1(b.h)}" fill="${chosen ? CHART_COLORS.chosen : CHART_COLORS.other}" stroke="${chosen ? CHART_COLORS.chosen : CHART_COLORS.otherEdge}" stroke-width="1"/>`,
    );
    const lines = b.label.map((l, i) => `<tspan x="${b.labelX}" dy="${i === 0 ? 0 : r1(g.fontSize * 1.25)}">${esc(l)}</tspan>`).join('');
    t.push(`<text x="${b.labelX}" y="${r1(b.labelY)}" text-anchor="end" fill="${CHART_COLORS.text}"${chosen ? ' font-weight="bold"' : ''}>${lines}</text>`);
    t.push(
      `<text x="${r1(b.valueX)}" y="${r1(b.y + b.h / 2 + g.fontSize * 0.35)}" text-anchor="${b.valueAnchor}" fill="${CHART_COLORS.text}"${chosen ? ' font-weight="bold"' : ''}>${esc(b.value)}</text>`,
    );
  }
  t.push(`<line x1="${r1(g.zeroX)}" y1="${g.plotTop}" x2="${r1(g.zeroX)}" y2="${g.plotBottom}" stroke="${CHART_COLORS.axis}" stroke-width="1.5"/>`);
  const ly = g.legend.y;
  const lx = legendX(g);
  t.push(`<rect x="${lx}" y="${r1(ly - g.fontSize * 0.8)}" width="14" height="${g.fontSize}" fill="${CHART_COLORS.chosen}"/>`);
  t.push(`<text x="${lx + 20}" y="${r1(ly)}" fill="${CHART_COLORS.text}">${esc(g.legend.chosen)}</text>`);
  t.push(
    `<rect x="${lx}" y="${r1(ly + g.fontSize * 0.55)}" width="14" height="${g.fontSize}" fill="${CHART_COLORS.other}" stroke="${CHART_COLORS.otherEdge}"/>`,
  );
  t.push(`<text x="${lx + 20}" y="${r1(ly + g.fontSize * 1.35)}" fill="${CHART_COLORS.text}">${esc(g.legend.other)}</text>`);
  t.push('</svg>');
  return t.join('\n');
}

/**
 * The chart in words, for the image's alternative text: what it shows, then each bar
 * ("1. Groene daken: 18, keuze 2"). All bars, also those beyond MAX_BARS.
 */
export function chartAltText(top: readonly RankEntry[], placeOf: (koppelkans: string) => number | null, wijk: string): string {
  if (top.length === 0) return 'Staafdiagram van de automatische top 15: er is nog geen koppelkans met een totaal.';
  const chosen = top.filter((e) => placeOf(e.koppelkans) !== null).length;
  const head =
    `Staafdiagram van de automatische top 15${wijk ? ` van ${wijk}` : ''}: per koppelkans het gewogen totaal, hoogste bovenaan. ` +
    `${chosen} van de ${top.length} zijn gekozen door het team (donkere staaf, met de plaats in de volgorde van het team).`;
  const items = top.map((e) => {
    const p = placeOf(e.koppelkans);
    return `${e.rank}. ${e.koppelkans}: ${chartNumber(e.total)}${p !== null ? `, keuze ${p}` : ''}`;
  });
  return `${head} ${items.join('; ')}.`;
}

/**
 * The top-15 chart in the pane: the same geometry as the chart in the onderbouwing
 * (core/topChart.ts), drawn as SVG by React. Bars of the team's choices are dark and carry
 * "keuze N"; the chart's description lists every bar for screen readers.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { CHART_COLORS, CHART_FONT, chartGeometry, legendX, type ChartBar } from '../../core/topChart';

const useStyles = makeStyles({
  // a white card in light and dark theme: the chart's colours are those of the printed document
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalXS,
    backgroundColor: '#FFFFFF',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  svg: { display: 'block', width: '100%', height: 'auto', maxWidth: '640px' },
});

/** `bars` from topChartBars; `title` names the chart; `description` is its text alternative (chartAltText). */
export function TopChart({ bars, title, description }: { bars: ChartBar[]; title: string; description: string }) {
  const styles = useStyles();
  const id = useId();
  if (bars.length === 0) return null;
  const g = chartGeometry(bars, 460);
  const lx = legendX(g);
  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        fontFamily={CHART_FONT}
        fontSize={g.fontSize}
        data-testid="top-chart"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {g.ticks.map((t) => (
          <g key={t.x}>
            <line x1={t.x} y1={g.plotTop} x2={t.x} y2={g.plotBottom} stroke={CHART_COLORS.grid} />
            <text x={t.x} y={g.plotBottom + g.fontSize * 1.3} textAnchor="middle" fill={CHART_COLORS.axis}>
              {t.label}
            </text>
          </g>
        ))}
        {g.bars.map((b, i) => {
          const chosen = b.bar.place !== null;
          return (
            <g key={i} data-testid={chosen ? 'chart-bar-chosen' : 'chart-bar'}>
              <rect
                x={b.x}
                y={b.y}
                width={b.w}
                height={b.h}
                fill={chosen ? CHART_COLORS.chosen : CHART_COLORS.other}
                stroke={chosen ? CHART_COLORS.chosen : CHART_COLORS.otherEdge}
              />
              <text x={b.labelX} y={b.labelY} textAnchor="end" fill={CHART_COLORS.text} fontWeight={chosen ? 'bold' : undefined}>
                {b.label.map((l, j) => (
                  <tspan key={j} x={b.labelX} dy={j === 0 ? 0 : g.fontSize * 1.25}>
                    {l}
                  </tspan>
                ))}
              </text>
              <text
                x={b.valueX}
                y={b.y + b.h / 2 + g.fontSize * 0.35}
                textAnchor={b.valueAnchor}
                fill={CHART_COLORS.text}
                fontWeight={chosen ? 'bold' : undefined}
              >
                {b.value}
              </text>
            </g>
          );
        })}
        <line x1={g.zeroX} y1={g.plotTop} x2={g.zeroX} y2={g.plotBottom} stroke={CHART_COLORS.axis} strokeWidth={1.5} />
        <rect x={lx} y={g.legend.y - g.fontSize * 0.8} width={14} height={g.fontSize} fill={CHART_COLORS.chosen} />
        <text x={lx + 20} y={g.legend.y} fill={CHART_COLORS.text}>
          {g.legend.chosen}
        </text>
        <rect x={lx} y={g.legend.y + g.fontSize * 0.55} width={14} height={g.fontSize} fill={CHART_COLORS.other} stroke={CHART_COLORS.otherEdge} />
        <text x={lx + 20} y={g.legend.y + g.fontSize * 1.35} fill={CHART_COLORS.text}>
          {g.legend.other}
        </text>
      </svg>
    </figure>
  );
}

/**
 * Native charts through Office.js (ExcelApi 1.7: setXAxisValues, reversePlotOrder; the
 * manifest asks for 1.8). A setChart op replaces the product's earlier chart of the same
 * name on that sheet, so pressing the button again updates it instead of piling up charts.
 * Two syncs: one to find an earlier chart, one to delete it and draw the new one.
 */
import type { PlanOp } from '../../core/snapshot';

export type SetChartOp = Extract<PlanOp, { kind: 'setChart' }>;

/** Draws `ops` in `context` (an Excel.run context). */
export async function drawCharts(context: Excel.RequestContext, ops: readonly SetChartOp[]): Promise<void> {
  if (ops.length === 0) return;
  const sheets = ops.map((op) => context.workbook.worksheets.getItem(op.sheet));
  const earlier = ops.map((op, i) => sheets[i].charts.getItemOrNullObject(op.name));
  for (const c of earlier) c.load('name');
  await context.sync();
  ops.forEach((op, i) => {
    const ws = sheets[i];
    if (!earlier[i].isNullObject) earlier[i].delete();
    const chart = ws.charts.add('BarClustered', ws.getRange(op.values), 'Columns');
    chart.name = op.name;
    chart.title.text = op.title;
    chart.legend.visible = false;
    // rank 1 on top, like the table beside it
    chart.axes.categoryAxis.reversePlotOrder = true;
    const series = chart.series.getItemAt(0);
    series.setXAxisValues(ws.getRange(op.categories));
    series.format.fill.setSolidColor(op.color);
    for (const p of op.highlight) series.points.getItemAt(p).format.fill.setSolidColor(op.highlightColor);
    const [start, end] = op.anchor.split(':');
    chart.setPosition(start, end ?? start);
  });
  await context.sync();
}

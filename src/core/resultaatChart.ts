/**
 * The native Excel chart of the top 15 on the Resultaat sheet ("Grafiek op Resultaat"):
 * a bar chart over the sheet's own live formulas (Koppelkans and Totaal of the top rows),
 * the team's choices in dark blue. Only Excel itself can draw it (Office.js); the .xlsx
 * and memory adapters refuse the op (ExcelJS writes no charts).
 *
 * The chart covers cells without changing them, so it is placed where the sheet is empty:
 * right of the table (H4:P24) when nothing is there, else below everything on the sheet.
 */
import { nameKey } from './names';
import { rangeAddress } from './a1';
import type { Analysis } from './analyze';
import { rowCount, textAt } from './grid';
import { RESULTAAT, sameName } from './layout';
import type { PlanOp, WorkbookSnapshot } from './snapshot';
import { CHART_COLORS, MAX_BARS } from './topChart';

/** The chart's name on the sheet: the product's own; pressing the button again replaces it. */
export const RESULTAAT_CHART_NAME = 'Koppelkansen top 15';

/** Columns of Koppelkans and Totaal on Resultaat (RESULTAAT.headers). */
const KOPPELKANS_COLUMN = RESULTAAT.headers.indexOf('Koppelkans') + 1;
const TOTAAL_COLUMN = RESULTAAT.headers.indexOf('Totaal') + 1;
const WIDTH = 9;

function emptyArea(sheet: WorkbookSnapshot['sheets'][number], r1: number, c1: number, r2: number, c2: number): boolean {
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (textAt(sheet, r, c) !== '') return false;
  return true;
}

/**
 * The setChart op for the current top (at most MAX_BARS rows), or a Dutch message saying
 * why there is none. `date` ("dd-mm-jjjj") goes into the title: the marks of the team's
 * choices are those of that moment.
 */
export function resultaatChartOps(snapshot: WorkbookSnapshot, analysis: Analysis, date: string): { ok: true; ops: PlanOp[] } | { ok: false; message: string } {
  const name = analysis.sheets.resultaat;
  const sheet = name ? snapshot.sheets.find((s) => sameName(s.name, name)) : undefined;
  if (!name || !sheet) return { ok: false, message: 'Er is nog geen blad Resultaat: kies eerst "Werkmap voorbereiden".' };
  const n = Math.min(analysis.top.length, MAX_BARS);
  if (n === 0) return { ok: false, message: 'Nog geen koppelkans heeft een totaal: er is nog niets om in een grafiek te zetten.' };
  const first = RESULTAAT.firstRow;
  const last = first + n - 1;
  const chosen = new Set((analysis.prioritering?.entries ?? []).map((e) => nameKey(e.koppelkans)).filter(Boolean));
  const highlight: number[] = [];
  analysis.top.slice(0, n).forEach((e, i) => {
    if (chosen.has(nameKey(e.koppelkans))) highlight.push(i);
  });
  const height = Math.max(16, Math.ceil(n * 1.3) + 4);
  const left = RESULTAAT.headers.length + 2; // one empty column after the table
  const right = RESULTAAT.headers.length + 1 + WIDTH;
  const top = RESULTAAT.headerRow;
  const anchor = emptyArea(sheet, top, left, top + height - 1, right)
    ? rangeAddress(top, left, top + height - 1, right)
    : rangeAddress(rowCount(sheet) + 2, 1, rowCount(sheet) + 1 + height, WIDTH);
  return {
    ok: true,
    ops: [
      {
        kind: 'setChart',
        sheet: name,
        name: RESULTAAT_CHART_NAME,
        title: `Automatische top 15 (donker: gekozen door het team, stand ${date})`,
        categories: rangeAddress(first, KOPPELKANS_COLUMN, last, KOPPELKANS_COLUMN),
        values: rangeAddress(first, TOTAAL_COLUMN, last, TOTAAL_COLUMN),
        anchor,
        color: CHART_COLORS.other,
        highlight,
        highlightColor: CHART_COLORS.chosen,
      },
    ],
  };
}

/**
 * The chart of the top on Resultaat (src/core/resultaatChart.ts): over the sheet's own
 * Koppelkans and Totaal cells, the team's choices marked, and placed where it covers no
 * team text: right of the table (from H4, 9 columns wide, 16 rows or more) when that area
 * is empty, else below everything on the sheet.
 */
import { analyze } from '../../src/core/analyze';
import { buildPlan } from '../../src/core/plan';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { resultaatChartOps } from '../../src/core/resultaatChart';
import { simulate } from '../../src/core/simulate';
import type { CellValue, PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const NOW = new Date('2026-11-28T10:00:00Z');

/**
 * A prepared workbook with `n` scored koppelkansen (K1 best, then K2 …; all tied with
 * `tied`). Without `keepH` the sensitivity block in column H of Resultaat is taken out, so
 * the area right of the table is empty.
 */
function prepared(n: number, { tied = false, keepH = false } = {}): WorkbookSnapshot {
  const rows: CellValue[][] = Array.from({ length: n }, (_, i) => ['Groen', `K${i + 1}`, tied ? 5 : 10 - (i % 20), 0, 0]);
  const wb = workbook({ rows });
  const out = simulate(wb, buildPlan(wb, { now: NOW }).plan.ops);
  if (!keepH) for (const line of out.sheets.find((x) => x.name === SHEET_NAMES.resultaat)!.values) line.splice(7);
  return out;
}

function put(snapshot: WorkbookSnapshot, sheet: string, row: number, column: number, value: CellValue): void {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  while (s.values.length < row) s.values.push([]);
  s.values[row - 1][column - 1] = value;
}

function chart(snapshot: WorkbookSnapshot): Extract<PlanOp, { kind: 'setChart' }> {
  const res = resultaatChartOps(snapshot, analyze(snapshot, { now: NOW }), '28-11-2026');
  if (!res.ok) throw new Error(res.message);
  expect(res.ops).toHaveLength(1);
  return res.ops[0] as Extract<PlanOp, { kind: 'setChart' }>;
}

test('three koppelkansen: bars over C5:C7 and D5:D7, right of the table in H4:P19, the date in the title', () => {
  const op = chart(prepared(3));
  expect(op).toMatchObject({
    kind: 'setChart',
    sheet: SHEET_NAMES.resultaat,
    name: 'Koppelkansen top 15',
    title: 'Automatische top 15 (donker: gekozen door het team, stand 28-11-2026)',
    categories: 'C5:C7',
    values: 'D5:D7',
    anchor: 'H4:P19',
    highlight: [],
  });
  expect(op.color).not.toBe(op.highlightColor);
});

test('the chart grows with the number of bars (1.3 rows a bar and 4): the top 15, with ties up to 25', () => {
  expect(chart(prepared(20))).toMatchObject({ categories: 'C5:C19', anchor: 'H4:P27' });
  expect(chart(prepared(30, { tied: true }))).toMatchObject({ categories: 'C5:C29', values: 'D5:D29', anchor: 'H4:P40' });
});

test('the sensitivity block in column H of a prepared Resultaat is team-visible text there: the chart goes below it', () => {
  const s = prepared(3, { keepH: true });
  const rows = s.sheets.find((x) => x.name === SHEET_NAMES.resultaat)!.values.length;
  expect(chart(s).anchor).toBe(`A${rows + 2}:I${rows + 17}`);
});

test("the team's choices are marked whatever their case and spaces", () => {
  const s = prepared(4);
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow, 1, 1);
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow, 2, ' k3 ');
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow + 1, 1, 2);
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow + 1, 2, 'K1');
  expect(chart(s).highlight).toEqual([0, 2]);
});

test.each([
  ['H4', 8, 4],
  ['P19', 16, 19],
  ['L10', 12, 10],
])('team text in %s (inside the area): the chart goes below everything on the sheet, from column A', (_, column, row) => {
  const s = prepared(3);
  put(s, SHEET_NAMES.resultaat, row, column, 'Onze notitie');
  const rows = s.sheets.find((x) => x.name === SHEET_NAMES.resultaat)!.values.length;
  expect(chart(s).anchor).toBe(`A${rows + 2}:I${rows + 17}`);
});

test.each([
  ['Q4', 17, 4],
  ['H20', 8, 20],
  ['G4', 7, 4],
])('team text in %s (just outside the area): the chart stays right of the table', (_, column, row) => {
  const s = prepared(3);
  put(s, SHEET_NAMES.resultaat, row, column, 'Onze notitie');
  expect(chart(s).anchor).toBe('H4:P19');
});

test('no Resultaat sheet, or nothing with a total: a Dutch message, no chart', () => {
  const bare = workbook({ rows: [['Groen', 'K1', 1, 1, 1]] });
  expect(resultaatChartOps(bare, analyze(bare, { now: NOW }), '28-11-2026')).toEqual({
    ok: false,
    message: 'Er is nog geen blad Resultaat: kies eerst "Werkmap voorbereiden".',
  });
  const empty = prepared(0);
  expect(resultaatChartOps(empty, analyze(empty, { now: NOW }), '28-11-2026')).toEqual({
    ok: false,
    message: 'Nog geen koppelkans heeft een totaal: er is nog niets om in een grafiek te zetten.',
  });
});

// issue 9 audit: the chart matched the team's choices with trim().toLowerCase(), which also drops U+2003 (an em space);
// the matching rule keeps it, so Prioritering's "K2" + U+2003 is not the werkblad's K2 (its rank formula says "–", the
// engine warns PRIO_NOT_ON_WERKBLAD), and an NBSP is a space, so "K4" + NBSP is K4
test('the team’s choices are marked by the matching rule: U+2003 is no space, NBSP is', () => {
  const s = prepared(4);
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow, 1, 1);
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow, 2, 'K2\u2003');
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow + 1, 1, 2);
  put(s, SHEET_NAMES.prioritering, PRIORITERING.firstRow + 1, 2, 'K4\u00a0');
  expect(chart(s).highlight).toEqual([3]);
  expect(analyze(s, { now: NOW }).prioritering!.entries.map((e) => e.autoRank)).toEqual([null, 4]);
});

import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import { computeGevoeligheid } from '../../src/core/gevoeligheid';
import { analyze } from '../../src/core/analyze';
import { GEVOELIGHEID, SHEET_NAMES } from '../../src/core/layout';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const H = GEVOELIGHEID.column;
const day1 = new Date('2026-11-30T10:00:00+01:00');
const day2 = new Date('2026-12-02T09:00:00+01:00');

function resultaat(wb: WorkbookSnapshot): SheetSnapshot {
  return wb.sheets.find((s) => s.name === SHEET_NAMES.resultaat)!;
}
function columnH(s: SheetSnapshot): (string | number | boolean | null)[] {
  return s.values.map((r) => r?.[H - 1] ?? null);
}

const rows = Array.from({ length: 18 }, (_, i) => ['Groen', `Koppelkans ${i + 1}`, ((i * 7) % 11) - 5, (i * 3) % 7, i % 4]);

test('the Resultaat sheet gets the sentences in column H, dated, and a live check that they still match', () => {
  const wb = workbook({ rows });
  const after = simulate(wb, buildPlan(wb, { now: day1 }).plan.ops);
  const h = columnH(resultaat(after));
  expect(h[0]).toBe(GEVOELIGHEID.title);
  expect(h[1]).toMatch(/^Berekend door de add-in op 30-11-2026: telkens één weging of één score anders, de rest gelijk\. \(kenmerk [0-9a-f]{8}\)$/);
  expect(resultaat(after).formulas![2][H - 1]).toMatch(/^=IF\(AND\(ROUND\(IF\(ISNUMBER\(/);
  const g = computeGevoeligheid(analyze(wb).werkblad!);
  expect(h.slice(3, 3 + g.sentences.all.length)).toEqual(g.sentences.all);
});

test('unchanged findings are not rewritten: the plan stays empty and the date stays', () => {
  const wb = workbook({ rows });
  const once = simulate(wb, buildPlan(wb, { now: day1 }).plan.ops);
  expect(buildPlan(once, { now: day2 }).plan.ops).toEqual([]);
});

test('changed weights rewrite the block with the new date and clear the lines left over', () => {
  const wb = workbook({ rows });
  const once = simulate(wb, buildPlan(wb, { now: day1 }).plan.ops);
  const before = columnH(resultaat(once)).filter((v) => v !== null).length;
  const ws = once.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
  ws.values[3] = ['Weging', null, 0, 0, 1];
  const twice = simulate(once, buildPlan(once, { now: day2 }).plan.ops);
  const h = columnH(resultaat(twice));
  expect(h[1]).toMatch(/op 02-12-2026/);
  const g = computeGevoeligheid(analyze(twice).werkblad!);
  // title, date line, the live check (its formula carries the engine's result, "Klopt …") and the sentences
  expect(h[2]).toBe('Klopt met de huidige scores en wegingen.');
  expect(h.filter((v) => v !== null).length).toBe(3 + g.sentences.all.length);
  expect(h.filter((v) => v !== null).length).not.toBe(before + 1);
});

test("regression: the team's own text beside the top 15 is no longer cleared by Resultaat bijwerken", () => {
  const wb = workbook({ rows });
  const once = simulate(wb, buildPlan(wb, { now: day1 }).plan.ops);
  const res = resultaat(once);
  // a remark typed in column G, and below the block in column H after an empty row
  while (res.values.length < 80) res.values.push([]);
  res.values[4][6] = 'Eigen opmerking';
  const hEnd = columnH(res).findIndex((v, i) => i > 3 && v === null); // row 3 holds a formula (no value in a simulation)
  res.values[hEnd + 1][H - 1] = 'Notitie van het team';
  res.values[70][0] = 'Onder de tabel';
  const twice = simulate(once, buildPlan(once, { now: day2 }).plan.ops);
  const r2 = resultaat(twice);
  expect(r2.values[4][6]).toBe('Eigen opmerking');
  expect(r2.values[hEnd + 1][H - 1]).toBe('Notitie van het team');
});

test('text the team typed where the block goes is kept, and a problem names the cell', () => {
  const wb = workbook({ rows }, [{ name: SHEET_NAMES.resultaat, values: [[], [null, null, null, null, null, null, null, 'Van het team']] }]);
  const result = buildPlan(wb, { now: day1 });
  const after = simulate(wb, result.plan.ops);
  expect(resultaat(after).values[1][H - 1]).toBe('Van het team');
  expect(result.problems.find((p) => p.code === 'GEVOELIGHEID_OCCUPIED')).toMatchObject({ sheet: SHEET_NAMES.resultaat, cell: 'H2' });
});

test('the date line is the day on the Dutch clock, whatever the machine zone: 23:30 UTC on 30 November is 1 December', () => {
  const wb = workbook({ rows });
  const after = simulate(wb, buildPlan(wb, { now: new Date('2026-11-30T23:30:00Z') }).plan.ops);
  expect(columnH(resultaat(after))[1]).toMatch(/^Berekend door de add-in op 01-12-2026:/);
});

import { sheetRef } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { computeGevoeligheid } from '../../src/core/gevoeligheid';
import { GEVOELIGHEID, SHEET_NAMES } from '../../src/core/layout';
import type { PlanContext } from '../../src/core/plan/context';
import { planGevoeligheid } from '../../src/core/plan/gevoeligheid';
import { simulate } from '../../src/core/simulate';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

// The robustness block of the Resultaat sheet, planned on its own (planGevoeligheid) so
// each case costs milliseconds; gevoeligheidSheet.test.ts runs it through the whole plan.
const H = GEVOELIGHEID.column;
const day1 = new Date('2026-11-30T10:00:00+01:00');
const rows = Array.from({ length: 18 }, (_, i) => ['Groen', `Koppelkans ${i + 1}`, ((i * 7) % 11) - 5, (i * 3) % 7, i % 4]);

function plan(wb: WorkbookSnapshot): PlanContext {
  const ctx: PlanContext = { snapshot: wb, analysis: analyze(wb), options: { now: day1 }, ops: [], problems: [], validations: [] };
  planGevoeligheid(ctx);
  return ctx;
}
const resultaat = (wb: WorkbookSnapshot): SheetSnapshot => wb.sheets.find((s) => s.name === SHEET_NAMES.resultaat)!;
const withResultaat = (wb: WorkbookSnapshot) => ({ ...wb, sheets: [...wb.sheets, { name: SHEET_NAMES.resultaat, values: [] }] });
const written = (wb: WorkbookSnapshot) => simulate(wb, plan(wb).ops);

/** FNV-1a (32 bits) over the code points of `s`, as 8 hex digits: the kenmerk the block documents. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

test('the kenmerk is FNV-1a of the sentences joined by newlines, so blocks written by earlier versions stay recognised', () => {
  expect(fnv1a('a')).toBe('e40c292c'); // the published FNV-1a test vectors
  expect(fnv1a('foobar')).toBe('bf9cf968');
  const wb = withResultaat(workbook({ rows }));
  const lines = computeGevoeligheid(analyze(wb).werkblad!).sentences.all.map((l) => l.trim());
  const dateLine = String(resultaat(written(wb)).values[1][H - 1]);
  expect(dateLine.endsWith(`(kenmerk ${fnv1a(lines.join('\n'))})`)).toBe(true);
});

test('a first block is styled: title bold 12 pt dark blue, date and check italic, sentences wrapped from the top, column H 100 wide', () => {
  const ctx = plan(withResultaat(workbook({ rows })));
  const [cells, ...styles] = ctx.ops;
  expect(cells).toMatchObject({ kind: 'setCells', sheet: SHEET_NAMES.resultaat, cell: 'H1' });
  expect(styles).toEqual([
    { kind: 'setStyle', sheet: SHEET_NAMES.resultaat, range: 'H1', style: { bold: true, fontSize: 12, fontColor: '#1F4E79' } },
    { kind: 'setStyle', sheet: SHEET_NAMES.resultaat, range: 'H2:H3', style: { italic: true } },
    { kind: 'setStyle', sheet: SHEET_NAMES.resultaat, range: 'H4:H60', style: { wrap: true, verticalAlignment: 'top' } },
    { kind: 'setColumnWidths', sheet: SHEET_NAMES.resultaat, widths: [{ column: 'H', width: GEVOELIGHEID.width }] },
  ]);
});

test('a rewritten block keeps the team’s formatting: only its cells are written', () => {
  const once = written(withResultaat(workbook({ rows })));
  const res = resultaat(once);
  res.formulas![2][H - 1] = '=1'; // the live check is not the engine's: the block is written again
  const ctx = plan(once);
  expect(ctx.ops.map((op) => op.kind)).toEqual(['setCells']);
  expect(ctx.problems).toEqual([]);
});

test('the live check compares the weights of every factor (row 4) and the Totalen column against their sums, rounded to 6 decimals', () => {
  const wb = withResultaat(workbook({ rows, weights: [0.1, 0.2, 0.3] }));
  const L = analyze(wb).werkblad!.layout;
  const f = String(resultaat(written(wb)).formulas![2][H - 1]);
  const ws = sheetRef(SHEET_NAMES.werkblad);
  const w = (c: string) => `IF(ISNUMBER(${ws}!${c}4),MAX(0,${ws}!${c}4)*NOT(ISLOGICAL(${ws}!${c}4)),0)`;
  expect(L.firstFactorColumn).toBe(3);
  expect(f).toContain(`ROUND(${w('C')}+${w('D')}+${w('E')},6)=0.6,`); // 0.1 + 0.2 + 0.3 = 0.6000000000000001
  const totals = analyze(wb).werkblad!.rows.reduce((s, r) => s + (r.total ?? 0), 0);
  expect(f).toContain(`ROUND(SUM(${ws}!F${L.firstDataRow}:F${L.preparedEndRow}),6)=${Math.round(totals * 1e6) / 1e6})`);
  expect(f).toMatch(
    /^=IF\(AND\(.*\),"Klopt met de huidige scores en wegingen\.","Let op: scores of wegingen zijn veranderd sinds deze berekening\. Kies Resultaat bijwerken in de add-in\."\)$/,
  );
});

test('sentences the team typed over are kept: nothing is written and a problem names the block’s first line', () => {
  const once = written(withResultaat(workbook({ rows })));
  const res = resultaat(once);
  res.values[5][H - 1] = 'Onze eigen conclusie';
  const ctx = plan(once);
  expect(ctx.ops).toEqual([]);
  expect(ctx.problems).toMatchObject([{ code: 'GEVOELIGHEID_OCCUPIED', sheet: SHEET_NAMES.resultaat, cell: 'H4' }]);
});

test('a date line without the kenmerk marks the block as the team’s too', () => {
  const once = written(withResultaat(workbook({ rows })));
  const res = resultaat(once);
  res.values[1][H - 1] = 'Besproken op 1 december';
  res.values[4][H - 1] = 'Anders';
  const ctx = plan(once);
  expect(ctx.ops).toEqual([]);
  expect(ctx.problems.map((p) => p.cell)).toEqual(['H4']);
});

test('sentences cleared and the date line replaced by the team: the problem names H4', () => {
  const once = written(withResultaat(workbook({ rows })));
  const res = resultaat(once);
  res.values[1][H - 1] = 'x';
  for (let i = 3; i < res.values.length; i++) if (res.values[i]) res.values[i][H - 1] = null;
  const ctx = plan(once);
  expect(ctx.ops).toEqual([]);
  expect(ctx.problems.map((p) => p.cell)).toEqual(['H4']);
});

test('no werkblad, no block', () => {
  const ctx = plan({ sheets: [{ name: SHEET_NAMES.resultaat, values: [] }] });
  expect(ctx.ops).toEqual([]);
  expect(ctx.problems).toEqual([]);
});

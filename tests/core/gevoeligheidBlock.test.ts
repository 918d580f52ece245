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

describe('the block against what the sheet holds (rules of planGevoeligheid)', () => {
  const g = (wb: WorkbookSnapshot) => computeGevoeligheid(analyze(wb).werkblad!);

  test('written again with nothing changed: no op at all, the date stays', () => {
    const once = written(withResultaat(workbook({ rows })));
    const ctx = plan(once);
    expect(ctx.ops).toEqual([]);
    expect(ctx.problems).toEqual([]);
  });

  test('the live check without its cached result is written again on its own (the block and its date stay)', () => {
    const once = written(withResultaat(workbook({ rows })));
    resultaat(once).values[2][H - 1] = null;
    const ops = plan(once).ops;
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ kind: 'setCells', sheet: SHEET_NAMES.resultaat, cell: 'H3' });
    expect(JSON.stringify(ops[0])).toContain('Klopt met de huidige scores en wegingen.');
  });

  test('fewer sentences than before: the block is rewritten and its leftover lines cleared, nothing below them', () => {
    const wb = withResultaat(workbook({ rows }));
    const once = written(wb);
    const before = 3 + g(wb).sentences.all.length;
    once.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!.values[3] = ['Weging', null, 1, 'x', 'x'];
    const lines = g(once).sentences.all;
    expect(lines.length).toBeLessThan(before - 3);
    const [op, ...rest] = plan(once).ops;
    expect(rest).toEqual([]); // the first block's styles are not set again
    expect(op).toMatchObject({ kind: 'setCells', cell: 'H1' });
    const cells = (op as { cells: unknown[][] }).cells;
    expect(cells).toHaveLength(before);
    expect(cells.slice(3 + lines.length)).toEqual(Array.from({ length: before - 3 - lines.length }, () => [{ clear: true }]));
    const h = resultaat(simulate(once, [op])).values.map((r) => r?.[H - 1] ?? null);
    expect(h.slice(3, 3 + lines.length)).toEqual(lines);
    expect(h.slice(3 + lines.length).every((v) => v === null)).toBe(true);
  });

  test('more sentences than before stop at the team’s text below the old block: kept, and a problem names it', () => {
    // first computed with one weight invalid (fewer lines), then all valid: the new block reaches the team's note
    const short = withResultaat(workbook({ rows, weights: [1, 'x', 'x'] }));
    const once = written(short);
    const end = 3 + g(short).sentences.all.length;
    once.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!.values[3] = ['Weging', null, 1, 1, 1];
    const res = resultaat(once);
    while (res.values.length < end + 3) res.values.push([]);
    res.values[end + 1][H - 1] = 'Notitie van het team'; // after one empty row: not part of the block
    const ctx = plan(once);
    expect(ctx.ops).toEqual([]);
    expect(ctx.problems).toEqual([
      expect.objectContaining({
        code: 'GEVOELIGHEID_OCCUPIED',
        sheet: SHEET_NAMES.resultaat,
        cell: `H${end + 2}`,
        message: expect.stringContaining('("Notitie van het team")'),
      }),
    ]);
  });

  test('the team’s text on the very last line the block needs is kept too', () => {
    const wb = withResultaat(workbook({ rows }));
    const last = 3 + g(wb).sentences.all.length;
    resultaat(wb).values = Array.from({ length: last }, (_, i) =>
      i === last - 1 ? [null, null, null, null, null, null, null, 'Laatste regel van het team'] : [],
    );
    const ctx = plan(wb);
    expect(ctx.ops).toEqual([]);
    expect(ctx.problems.map((p) => p.cell)).toEqual([`H${last}`]);
  });

  test('a formula of the team where the block goes counts as taken too', () => {
    const wb = withResultaat(workbook({ rows }));
    resultaat(wb).formulas = [[], [], [], [], [null, null, null, null, null, null, null, '=1+1']];
    const ctx = plan(wb);
    expect(ctx.ops).toEqual([]);
    expect(ctx.problems.map((p) => p.cell)).toEqual(['H5']);
  });

  test('another title in H1: not the add-in’s block, nothing written, H1 named with its text', () => {
    const wb = withResultaat(workbook({ rows }));
    resultaat(wb).values = [[null, null, null, null, null, null, null, 'Onze conclusies']];
    const ctx = plan(wb);
    expect(ctx.ops).toEqual([]);
    expect(ctx.problems).toEqual([
      expect.objectContaining({
        cell: 'H1',
        message: expect.stringContaining('("Onze conclusies") waar de add-in de gevoeligheid van de top 15 wil zetten (kolom H van Resultaat)'),
      }),
    ]);
  });

  test('a first line holding only a space: the problem names the first line with visible text', () => {
    const once = written(withResultaat(workbook({ rows })));
    const res = resultaat(once);
    const second = String(res.values[4][H - 1]);
    res.values[3][H - 1] = ' ';
    const ctx = plan(once);
    expect(ctx.ops).toEqual([]);
    expect(ctx.problems).toEqual([expect.objectContaining({ cell: 'H5', message: expect.stringContaining(`("${second}")`) })]);
  });

  test('no Resultaat sheet yet: the block and its first styles are planned for it all the same', () => {
    const ctx = plan(workbook({ rows }));
    expect(ctx.ops.map((op) => op.kind)).toEqual(['setCells', 'setStyle', 'setStyle', 'setStyle', 'setColumnWidths']);
    expect(ctx.problems).toEqual([]);
  });

  test('a block longer than 60 lines is wrapped down to its last line', () => {
    const factors = Array.from({ length: 28 }, (_, i) => `Factor ${i + 1}`);
    const many = Array.from({ length: 18 }, (_, i) => ['Groen', `Koppelkans ${i + 1}`, ...factors.map((_, j) => ((i * (j + 3)) % 11) - 5)]);
    const wb = withResultaat(workbook({ rows: many, factors }));
    const n = 3 + g(wb).sentences.all.length;
    expect(n).toBeGreaterThan(60);
    expect(plan(wb).ops).toContainEqual({ kind: 'setStyle', sheet: SHEET_NAMES.resultaat, range: `H4:H${n}`, style: { wrap: true, verticalAlignment: 'top' } });
  });

  test('the date line is the day on the Dutch clock: 23:30 UTC on 30 November is 1 December', () => {
    const wb = withResultaat(workbook({ rows }));
    const ctx: PlanContext = {
      snapshot: wb,
      analysis: analyze(wb),
      options: { now: new Date('2026-11-30T23:30:00Z') },
      ops: [],
      problems: [],
      validations: [],
    };
    planGevoeligheid(ctx);
    expect(String(resultaat(simulate(wb, ctx.ops)).values[1][H - 1])).toMatch(
      /^Berekend door de add-in op 01-12-2026: telkens één weging of één score anders, de rest gelijk\. \(kenmerk [0-9a-f]{8}\)$/,
    );
  });

  test('the live check sums what the engine reads: an invalid weight counts 0, and a row that uses it has no total', () => {
    const wb = withResultaat(workbook({ rows: [['Groen', 'Geveltuinen', 1, -1, 0]], weights: [1, 1, 'veel'] }));
    const f = String(resultaat(written(wb)).formulas![2][H - 1]);
    expect(f).toContain(',6)=2,'); // 1 + 1 + 0 for "veel"
    expect(f).toContain(',6)=0)'); // the only row scores the factor with weight "veel": no total
  });
});

test('regression: a sentence longer than a cell holds (very long koppelkans names in a tie) is cut with "…" to Excel’s 32,767 characters, never between the halves of an emoji', () => {
  const name = (i: number) => `${'😀'.repeat(1200)} koppelkans ${i}`;
  // the first leads on the first factor; the other 20 tie, so lowering its weight names them all
  const tied = [['Groen', name(0), 10, 0, 0], ...Array.from({ length: 20 }, (_, i) => ['Groen', name(i + 1), 0, 1, 0])];
  const ctx = plan(withResultaat(workbook({ weights: [1, 5, 1], rows: tied })));
  expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const texts = ctx.ops.flatMap((op) => (op.kind === 'setCells' ? op.cells.flat() : [])).flatMap((c) => ('text' in c ? [c.text] : []));
  const long = texts.filter((t) => t.endsWith('…'));
  expect(long.length).toBeGreaterThan(0);
  for (const t of texts) {
    expect(t.length).toBeLessThanOrEqual(32767);
    expect(t).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  }
});

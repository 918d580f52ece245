/**
 * What the plan writes for the longlist and the hidden Keuzelijsten sheet
 * (src/core/plan/longlist.ts), on small workbooks built in code (pure, fast): the longlist
 * sheet added only when the workbook has none, as the product lays it out; where the
 * Keuzelijsten formulas read the longlist and the werkblad; and the Keuzelijsten sheet
 * itself: added hidden, every formula with the engine's value, the order columns, the
 * labels, the stamp column left to the stamp, cells of an earlier larger layout cleared,
 * and nothing written the second time. `planLonglist` and `planLijsten` run on their own
 * (the rest of the plan is not needed for what they write). Written for a StrykerJS run of
 * the file (CONTRIBUTING.md, "Mutation testing").
 */
import { analyze } from '../../src/core/analyze';
import { columnLetter } from '../../src/core/a1';
import { DEFAULT_LONGLIST } from '../../src/core/defaults';
import { formulaAt, valueAt } from '../../src/core/grid';
import { LIJST_COLUMNS, LIJST_WIDTH, lijstenFormulas, lijstenOrder, lijstenValues } from '../../src/core/keuzelijsten';
import { COLORS, LIJSTEN, LONGLIST, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import type { PlanContext } from '../../src/core/plan/context';
import { currentLonglistLayout, lijstenGeometry, longlistSheetOps, planLijsten, planLonglist } from '../../src/core/plan/longlist';
import { simulate } from '../../src/core/simulate';
import type { CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { werkbladSheet, workbook } from '../helpers/build';

const K = SHEET_NAMES.lijsten;
const LL = SHEET_NAMES.longlist;

function context(wb: WorkbookSnapshot): PlanContext {
  return { snapshot: wb, analysis: analyze(wb), options: {}, ops: [], problems: [], validations: [] };
}

function lijsten(wb: WorkbookSnapshot): PlanContext {
  const ctx = context(wb);
  planLijsten(ctx);
  return ctx;
}

const sheetOf = (wb: WorkbookSnapshot, name: string): SheetSnapshot => wb.sheets.find((s) => s.name === name)!;
const rows: CellValue[][] = [
  ['Groen', 'Geveltuinen', 1, 2, 3],
  ['Werk', 'Stageplekken voor wijkbewoners', 1, 1, 1],
];

describe('the longlist sheet', () => {
  it('is added from the built-in list when the workbook has none, as longlistSheetOps lays it out', () => {
    const wb: WorkbookSnapshot = { sheets: [werkbladSheet({ rows })] };
    const ctx = context(wb);
    expect(ctx.analysis.longlistInWorkbook).toBe(false);
    planLonglist(ctx);
    expect(ctx.ops).toEqual(longlistSheetOps(ctx.analysis.longlist.entries));
    expect(ctx.ops[0]).toEqual({ kind: 'addSheet', sheet: LL });
    expect(ctx.analysis.longlist.entries.length).toBe(DEFAULT_LONGLIST.length);
  });

  it("is left alone when the workbook has one, and when a sheet of that name has no header (the team's)", () => {
    const ctx = context(workbook({ rows }));
    planLonglist(ctx);
    expect(ctx.ops).toEqual([]);
    const own = context({ sheets: [werkbladSheet({ rows }), { name: LL, values: [['iets anders']] }] });
    expect(own.analysis.longlistInWorkbook).toBe(false);
    planLonglist(own);
    expect(own.ops).toEqual([]);
  });

  it('is not added when the workbook has its own longlist under another name', () => {
    const ll: SheetSnapshot = {
      name: 'Mijn lijst',
      values: [
        ['Opgave', 'Koppelkans', 'Toelichting'],
        ['Groen', 'Geveltuinen', ''],
      ],
    };
    const ctx = context({ sheets: [werkbladSheet({ rows }), ll] });
    expect(ctx.analysis.longlistInWorkbook).toBe(true);
    planLonglist(ctx);
    expect(ctx.ops).toEqual([]);
    expect(currentLonglistLayout(ctx).sheet).toBe('Mijn lijst');
  });

  it('longlistSheetOps: header, one row per entry, styles, widths, frozen header, page setup and the heights of long texts', () => {
    const long = 'Een toelichting die zo lang is dat ze in de kolom over meer regels loopt. '.repeat(6);
    const ops = longlistSheetOps([
      { opgave: 'Groen', koppelkans: 'Geveltuinen', toelichting: 'kort' },
      { opgave: 'Werk', koppelkans: 'Stageplekken', toelichting: long },
    ]);
    expect(ops.map((o) => o.kind)).toEqual(['addSheet', 'setCells', 'setStyle', 'setStyle', 'setColumnWidths', 'freeze', 'setPageSetup', 'setRowHeights']);
    expect(ops[1]).toEqual({
      kind: 'setCells',
      sheet: LL,
      cell: 'A1',
      cells: [
        [{ text: LONGLIST.opgaveLabel }, { text: LONGLIST.koppelkansLabel }, { text: LONGLIST.toelichtingLabel }],
        [{ text: 'Groen' }, { text: 'Geveltuinen' }, { text: 'kort' }],
        [{ text: 'Werk' }, { text: 'Stageplekken' }, { text: long }],
      ],
    });
    expect(ops[2]).toEqual({ kind: 'setStyle', sheet: LL, range: 'A1:C1', style: { bold: true, fill: COLORS.headerFill, fontColor: COLORS.headerFont } });
    expect(ops[3]).toEqual({ kind: 'setStyle', sheet: LL, range: 'A2:C3', style: { wrap: true, verticalAlignment: 'top' } });
    expect(ops[4]).toEqual({
      kind: 'setColumnWidths',
      sheet: LL,
      widths: [
        { column: 'A', width: 28 },
        { column: 'B', width: 55 },
        { column: 'C', width: 80 },
      ],
    });
    expect(ops[5]).toEqual({ kind: 'freeze', sheet: LL, rows: 1, columns: 0 });
    expect(ops[6]).toEqual({ kind: 'setPageSetup', sheet: LL, orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 1, last: 1 } });
    // only the long text's row needs more height than one line
    const heights = (ops[7] as Extract<PlanOp, { kind: 'setRowHeights' }>).heights;
    expect(heights.map((h) => h.row)).toEqual([3]);
    expect(heights[0].height).toBeGreaterThan(30);
  });

  it('longlistSheetOps without entries: the header only, no wrap style and no heights', () => {
    const ops = longlistSheetOps([]);
    expect(ops.map((o) => o.kind)).toEqual(['addSheet', 'setCells', 'setStyle', 'setColumnWidths', 'freeze', 'setPageSetup']);
    expect((ops[1] as Extract<PlanOp, { kind: 'setCells' }>).cells).toHaveLength(1);
  });
});

describe('where the Keuzelijsten formulas read', () => {
  it("the workbook's own longlist: its layout; capacity its rows plus 300 spare ones", () => {
    const ctx = context(workbook({ rows }));
    expect(currentLonglistLayout(ctx)).toEqual(ctx.analysis.longlist.layout);
    const g = lijstenGeometry(ctx);
    expect(g).toEqual({
      longlistSheet: LL,
      opgaveColumn: 1,
      koppelkansColumn: 2,
      firstRow: 2,
      rows: 4 + LONGLIST.spareCapacity,
      werkbladSheet: SHEET_NAMES.werkblad,
      lijstenSheet: K,
      werkbladFirstRow: WERKBLAD.firstDataRow,
      werkbladLastRow: WERKBLAD.firstDataRow + WERKBLAD.minPreparedRows - 1,
    });
  });

  it('a longer longlist gets 300 spare rows; one with its header lower down and its columns elsewhere is read where it is', () => {
    const entries = Array.from({ length: 400 }, (_, i) => ['', '', 'Groen', `K${i}`]);
    const ll: SheetSnapshot = { name: 'Mijn lijst', values: [['Longlist van de wijk'], [], ['', '', 'Opgave', 'Koppelkans', 'Toelichting'], ...entries] };
    const ctx = context({ sheets: [werkbladSheet({ rows: [['Groen', 'K1', 1, 1, 1]] }), ll] });
    const g = lijstenGeometry(ctx);
    expect([g.longlistSheet, g.opgaveColumn, g.koppelkansColumn, g.firstRow, g.rows]).toEqual(['Mijn lijst', 3, 4, 4, 400 + LONGLIST.spareCapacity]);
  });

  it('the built-in longlist when the workbook has none: the sheet the plan adds, one row per entry', () => {
    const ctx = context({ sheets: [werkbladSheet({ rows })] });
    expect(currentLonglistLayout(ctx)).toEqual({
      sheet: LL,
      headerRow: 1,
      opgaveColumn: 1,
      koppelkansColumn: 2,
      toelichtingColumn: 3,
      lastRow: 1 + DEFAULT_LONGLIST.length,
    });
  });
});

describe('the Keuzelijsten sheet', () => {
  it('is added hidden, with every formula and its value, the order columns, the labels and the column widths', () => {
    const wb = workbook({ rows });
    const ctx = lijsten(wb);
    expect(ctx.ops[0]).toEqual({ kind: 'addSheet', sheet: K, hidden: true });
    const after = sheetOf(simulate(wb, ctx.ops), K);
    const g = lijstenGeometry(ctx);
    const formulas = lijstenFormulas(g);
    const order = lijstenOrder(
      g,
      sheetOf(wb, LL)
        .values.slice(1, 1 + g.rows)
        .map((r) => ({ opgave: r[0] ?? null, koppelkans: r[1] ?? null })),
    );
    const longlist = Array.from({ length: g.rows }, (_, i) => ({ opgave: valueAt(sheetOf(wb, LL), 2 + i, 1), koppelkans: valueAt(sheetOf(wb, LL), 2 + i, 2) }));
    const werkblad = Array.from({ length: g.werkbladLastRow - g.werkbladFirstRow + 1 }, (_, i) => ({
      opgave: valueAt(wb.sheets[0], g.werkbladFirstRow + i, 1),
      koppelkans: valueAt(wb.sheets[0], g.werkbladFirstRow + i, 2),
    }));
    const values = lijstenValues(g, longlist, werkblad, order);
    for (const [key, f] of formulas) {
      const [r, c] = key.split(',').map(Number);
      if (r === 1 && (c === LIJST_COLUMNS.all || c === LIJST_COLUMNS.dOpgave || c === LIJST_COLUMNS.gList)) continue;
      if (typeof f === 'number') expect([key, valueAt(after, r, c)]).toEqual([key, f]);
      else expect([key, formulaAt(after, r, c), valueAt(after, r, c) ?? '']).toEqual([key, f, values.get(key) ?? '']);
    }
    expect(valueAt(after, 1, LIJST_COLUMNS.all)).toBe(LIJSTEN.allLabel);
    expect(valueAt(after, 1, LIJST_COLUMNS.dOpgave)).toBe('Opgaven');
    expect(valueAt(after, 1, LIJST_COLUMNS.gList)).toBe('Koppelkansen per opgave');
    // AC: the order; AD its inverse; both over the covered rows only
    const end = g.rows + 1;
    for (let r = 2; r <= end; r++) {
      expect(valueAt(after, r, LIJST_COLUMNS.order)).toBe(order[r - 2]);
      expect(valueAt(after, order[r - 2] + 1, LIJST_COLUMNS.inverse)).toBe(r - 1);
    }
    expect(valueAt(after, end + 1, LIJST_COLUMNS.order)).toBeNull();
    expect(valueAt(after, 1, LIJST_COLUMNS.order)).toBeNull();
    // the stamp column is the stamp's (written at the plan's end), not this part's
    expect(ctx.ops.some((o) => o.kind === 'setCells' && o.sheet === K && o.cell.startsWith(`${columnLetter(LIJST_COLUMNS.stamp)}`))).toBe(false);
    expect(ctx.ops).toContainEqual({
      kind: 'setColumnWidths',
      sheet: K,
      widths: [
        { column: 'A', width: 40 },
        { column: columnLetter(LIJST_COLUMNS.dOpgave), width: 30 },
        { column: columnLetter(LIJST_COLUMNS.gList), width: 40 },
      ],
    });
  });

  it('groups the order by opgave: a longlist in no order is read opgave by opgave', () => {
    const wb = workbook({ rows });
    sheetOf(wb, LL).values = [
      ['Opgave', 'Koppelkans', 'Toelichting'],
      ['Groen', 'A', ''],
      ['Werk', 'B', ''],
      ['Groen', 'C', ''],
    ];
    const after = sheetOf(simulate(wb, lijsten(wb).ops), K);
    expect([2, 3, 4, 5].map((r) => valueAt(after, r, LIJST_COLUMNS.order))).toEqual([1, 3, 2, 4]);
    expect([2, 3, 4, 5].map((r) => valueAt(after, r, LIJST_COLUMNS.inverse))).toEqual([1, 3, 2, 4]);
  });

  it('a second plan writes nothing, and adds no sheet and no widths', () => {
    const wb = workbook({ rows });
    const after = simulate(wb, lijsten(wb).ops);
    expect(lijsten(after).ops).toEqual([]);
  });

  it('clears the cells of an earlier, larger layout and a stray value beside the lists', () => {
    const wb = workbook({ rows });
    const after = simulate(wb, lijsten(wb).ops);
    const sheet = sheetOf(after, K);
    // a longer block from before (rows below the current block) and a value right of the lists
    const far = 2 + LONGLIST.minCapacity + 5;
    while (sheet.values.length < far) sheet.values.push([]);
    sheet.values[far - 1] = [];
    sheet.values[far - 1][LIJST_COLUMNS.kk - 1] = 'oud';
    sheet.values[2][LIJST_WIDTH] = 'naast de lijsten';
    const again = lijsten(after);
    const cleared = sheetOf(simulate(after, again.ops), K);
    expect(valueAt(cleared, far, LIJST_COLUMNS.kk)).toBeNull();
    expect(valueAt(cleared, 3, LIJST_WIDTH + 1)).toBeNull();
    // the lists themselves unchanged, no sheet added, no widths set again
    expect(again.ops.some((o) => o.kind === 'addSheet' || o.kind === 'setColumnWidths')).toBe(false);
    expect(valueAt(cleared, 1, LIJST_COLUMNS.all)).toBe(LIJSTEN.allLabel);
  });

  it('without a longlist in the workbook, the values are those of the built-in longlist the plan adds', () => {
    const wb: WorkbookSnapshot = { sheets: [werkbladSheet({ rows })] };
    const ctx = context(wb);
    planLonglist(ctx);
    planLijsten(ctx);
    const after = sheetOf(simulate(wb, ctx.ops), K);
    // column A lists every koppelkans of the longlist in its order, cached as the engine computed it
    const firstKk = DEFAULT_LONGLIST[0].koppelkans;
    expect(valueAt(after, 2, LIJST_COLUMNS.all)).toBe(firstKk);
    expect(valueAt(after, 1 + DEFAULT_LONGLIST.length, LIJST_COLUMNS.all)).toBe(DEFAULT_LONGLIST[DEFAULT_LONGLIST.length - 1].koppelkans);
    expect(valueAt(after, 2 + DEFAULT_LONGLIST.length, LIJST_COLUMNS.all)).toBeNull();
  });

  it("reads the longlist's rows by position, an empty row between entries included", () => {
    const wb = workbook({ rows });
    sheetOf(wb, LL).values = [['Opgave', 'Koppelkans', 'Toelichting'], ['Groen', 'A', ''], [], ['Werk', 'B', '']];
    const after = sheetOf(simulate(wb, lijsten(wb).ops), K);
    // grouped order: Groen (row 1), Werk (row 3), then the empty row 2 and the spare rows
    expect([2, 3, 4, 5].map((r) => valueAt(after, r, LIJST_COLUMNS.order))).toEqual([1, 3, 2, 4]);
    expect([2, 3, 4].map((r) => valueAt(after, r, LIJST_COLUMNS.all))).toEqual(['A', 'B', null]);
  });

  it('writes the order columns only over the longlist block, also when the werkblad reaches further down', () => {
    const many = Array.from({ length: 400 }, (_, i) => ['Groen', `K${i}`, 1, 1, 1] as CellValue[]);
    const wb = workbook({ rows: many });
    const ctx = lijsten(wb);
    const g = lijstenGeometry(ctx);
    expect(g.werkbladLastRow).toBeGreaterThan(g.rows + 1);
    // no cell of AC or AD below the block is written at all (not even an empty number)
    for (const op of ctx.ops) {
      if (op.kind !== 'setCells' || op.sheet !== K) continue;
      const m = /^([A-Z]+)(\d+)$/.exec(op.cell)!;
      const column =
        m[1] === columnLetter(LIJST_COLUMNS.order) ? LIJST_COLUMNS.order : m[1] === columnLetter(LIJST_COLUMNS.inverse) ? LIJST_COLUMNS.inverse : 0;
      if (!column) continue;
      op.cells.forEach((line, i) => {
        if (Number(m[2]) + i > g.rows + 1) expect([column, Number(m[2]) + i, line[0]]).toEqual([column, Number(m[2]) + i, undefined]);
      });
    }
    const after = sheetOf(simulate(wb, ctx.ops), K);
    expect(valueAt(after, g.rows + 1, LIJST_COLUMNS.order)).toBe(g.rows);
    for (const c of [LIJST_COLUMNS.order, LIJST_COLUMNS.inverse]) {
      expect(valueAt(after, g.rows + 2, c)).toBeNull();
      expect(valueAt(after, g.werkbladLastRow, c)).toBeNull();
    }
  });

  it('leaves the formula stamp in its column alone', () => {
    const wb = workbook({ rows });
    const after = simulate(wb, lijsten(wb).ops);
    const sheet = sheetOf(after, K);
    sheet.values[0][LIJST_COLUMNS.stamp - 1] = 'KKK-formules v1 0123abcd []';
    sheet.values[1][LIJST_COLUMNS.stamp - 1] = 'tweede deel';
    const again = lijsten(after);
    expect(again.ops).toEqual([]);
  });

  it('plans nothing without a werkblad', () => {
    const ctx = lijsten({ sheets: [{ name: 'Blad1', values: [['iets']] }] });
    expect(ctx.ops).toEqual([]);
  });
});

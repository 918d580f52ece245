/**
 * The preview grid's column widths are kept from one read to the next by measuring only the
 * rows that changed (src/taskpane/preview/columnWidths.ts). Whatever the order of reads,
 * the longest text per column must be the one a measurement of every cell of the last read gives.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/snapshot';
import { ComputedLengths, display, MAX_COLUMNS, SheetLengths } from '../../src/taskpane/preview/columnWidths';
import { ComputedSheet } from '../../src/taskpane/preview/computedCells';

/** Lengths from 28 on give the widest column: the kept counts stop there. */
const cap = (n: number) => Math.min(n, 28);

/** The longest text per column, measured over every cell (values; a formula without a value shows ƒx). */
function measured(values: (CellValue[] | undefined)[], formulas: ((string | null)[] | undefined)[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < Math.max(values.length, formulas.length); r++)
    for (let c = 0; c < MAX_COLUMNS; c++) {
      const v = values[r]?.[c];
      const f = formulas[r]?.[c];
      const n = v === null || v === undefined ? (typeof f === 'string' && f.startsWith('=') ? 2 : 0) : display(v).length;
      out[c] = Math.max(out[c] ?? 0, cap(n));
    }
  return out;
}

const cell = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 40 }),
  fc.boolean(),
);
const line = fc.option(fc.array(cell, { maxLength: 30 }), { nil: undefined });
const formulaLine = fc.option(fc.array(fc.option(fc.constantFrom('=SUM(A1)', 'tekst', '='), { nil: null }), { maxLength: 30 }), { nil: undefined });

describe('preview grid column widths', () => {
  test('SheetLengths after any chain of reads (rows shared, replaced, added, removed) equals measuring the last read in full', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.array(formulaLine, { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(14), line, formulaLine, fc.boolean(), fc.nat(3)), { maxLength: 8 }),
        (values0, formulas0, edits) => {
          const lengths = new SheetLengths();
          let values = values0;
          let formulas = formulas0;
          lengths.update(values, formulas);
          for (const [r, v, f, grow, shrink] of edits) {
            // a new read: unchanged rows are the same arrays, row r is a new one, the sheet may grow or shrink
            values = [...values];
            formulas = [...formulas];
            if (grow || r < values.length) values[r] = v;
            if (grow || r < formulas.length) formulas[r] = f ?? undefined;
            values.length = Math.max(0, values.length - shrink);
            lengths.update(values, formulas);
            const want = measured(values, formulas);
            for (let c = 0; c < MAX_COLUMNS; c++) expect(lengths.longest(c)).toBe(want[c] ?? 0);
          }
        },
      ),
    );
  });

  test('ComputedLengths follows changed totals, the rest of a column and columns that go away', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.tuple(fc.oneof(fc.constant<'*'>('*'), fc.integer({ min: 1, max: 40 })), fc.integer({ min: 1, max: 30 }), cell), { maxLength: 20 }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (reads) => {
          const lengths = new ComputedLengths();
          for (const entries of reads) {
            const sheet = new ComputedSheet();
            for (const [row, column, v] of entries) sheet.set(row, column, v);
            lengths.update(sheet);
            const want: number[] = [];
            sheet.columns.forEach((col, column) => {
              if (column > MAX_COLUMNS) return;
              const all = [...col.byRow.filter((v) => v !== undefined), ...(col.rest === undefined ? [] : [col.rest])];
              want[column - 1] = Math.max(0, ...all.map((v) => cap(display(v).length)));
            });
            for (let c = 0; c < MAX_COLUMNS; c++) expect(lengths.longest(c)).toBe(want[c] ?? 0);
          }
        },
      ),
    );
  });
});

/**
 * readRows keeps each row's reading per values array (so a re-read after one typed score
 * reads one row again). These tests check that a kept reading is never used when what it
 * was read from changed: the analysis must always equal a fresh one.
 */
import { analyze, analyzeWritten } from '../../src/core/analyze';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook } from '../helpers/build';

const NOW = new Date('2026-11-28T10:00:00Z');

/** A deep copy: nothing shared with the original, so nothing read before can be reused. */
function fresh(s: WorkbookSnapshot): WorkbookSnapshot {
  return JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;
}

function base(): WorkbookSnapshot {
  return workbook({
    rows: [
      ['Groen', 'Geveltuinen', 3, 4, 5],
      ['Werk', 'Stageplekken voor wijkbewoners', 1, null, 2],
      ['Groen', 'Groene daken op transformatorhuisjes', -2, 7, 0],
    ],
  });
}

describe('analysis of rows shared between snapshots', () => {
  test('a score changed in place in the same row array is read again (totals, ranks, problems)', () => {
    const s = base();
    const before = analyze(s, { now: NOW });
    expect(before.werkblad!.rows[1].status).toBe('scored');
    s.sheets[0].values[6][3] = 9; // the empty score of row 7, typed in the same array
    s.sheets[0].values[5][2] = 'x'; // an invalid score in row 6
    const after = analyze(s, { now: NOW });
    expect(after).toEqual(analyze(fresh(s), { now: NOW }));
    expect(after.werkblad!.rows[1].total).toBe(12);
    expect(after.werkblad!.rows[0].status).toBe('invalid');
  });

  test('a new snapshot sharing the unchanged rows gives the same analysis as a fresh read', () => {
    const s = base();
    analyze(s, { now: NOW });
    const next: WorkbookSnapshot = {
      sheets: s.sheets.map((sheet, i) =>
        i === 0 ? { ...sheet, values: sheet.values.map((row, r) => (r === 7 ? ['Groen', 'Geveltuinen', 1, 1, 1] : row)) } : sheet,
      ),
    };
    const a = analyze(next, { now: NOW });
    expect(a).toEqual(analyze(fresh(next), { now: NOW }));
    // the copied name is a duplicate now: told at the new row
    expect(a.problems.some((p) => p.code === 'KOPPELKANS_DUPLICATE' && p.cell === 'B8')).toBe(true);
  });

  test('a changed weging or factor name is read again for every row', () => {
    const s = base();
    analyze(s, { now: NOW });
    const weights: CellValue[] = ['Weging', null, 2, 1, 1];
    const renamed: WorkbookSnapshot = {
      sheets: s.sheets.map((sheet, i) =>
        i === 0
          ? {
              ...sheet,
              values: sheet.values.map((row, r) => (r === 3 ? weights : r === 2 ? ['Opgave', 'Koppelkans', 'Draagvlak', 'Geld', 'Doorbraak', 'Totalen'] : row)),
            }
          : sheet,
      ),
    };
    const a = analyze(renamed, { now: NOW });
    expect(a).toEqual(analyze(fresh(renamed), { now: NOW }));
    expect(a.werkblad!.rows[0].total).toBe(15);
    expect(a.werkblad!.factors[1].name).toBe('Geld');
  });

  test('the same row array at another row number is read again (problems name the new cell)', () => {
    const s = base();
    analyze(s, { now: NOW });
    const values = s.sheets[0].values;
    const moved: WorkbookSnapshot = { sheets: [{ ...s.sheets[0], values: [...values.slice(0, 5), [], ...values.slice(5)] }, ...s.sheets.slice(1)] };
    const a = analyze(moved, { now: NOW });
    expect(a).toEqual(analyze(fresh(moved), { now: NOW }));
    expect(a.werkblad!.rows.map((r) => r.row)).toEqual([7, 8, 9]);
  });
});

describe('analysis of the state a plan writes (analyzeWritten, koppelkansen apply)', () => {
  test('equals a fresh analysis and takes every untouched row from the plan’s reading (the same objects)', () => {
    const s = base();
    const { analysis, plan } = buildPlan(s, { now: NOW });
    expect(plan.ops.length).toBeGreaterThan(0);
    const written = simulate(s, plan.ops);
    // the plan writes on the werkblad itself (its rows are new arrays), and adds sheets
    expect(written.sheets[0].values[5]).not.toBe(s.sheets[0].values[5]);
    const a = analyzeWritten(written, s, { now: NOW });
    expect(a).toEqual(analyze(fresh(written), { now: NOW }));
    expect(a.werkblad!.rows).toHaveLength(3);
    a.werkblad!.rows.forEach((row, i) => expect(row).toBe(analysis.werkblad!.rows[i]));
  });

  test('a row the writes changed is read again', () => {
    const s = base();
    const { analysis, plan } = buildPlan(s, { now: NOW });
    const written = simulate(s, [...plan.ops, { kind: 'setCells', sheet: s.sheets[0].name, cell: 'C7', cells: [[{ text: 'x' }]] }]);
    const a = analyzeWritten(written, s, { now: NOW });
    expect(a).toEqual(analyze(fresh(written), { now: NOW }));
    expect(a.werkblad!.rows[1]).not.toBe(analysis.werkblad!.rows[1]);
    expect(a.werkblad!.rows[1].status).toBe('invalid');
    expect(a.werkblad!.rows[0]).toBe(analysis.werkblad!.rows[0]);
  });
});

/**
 * The minimal-move rule: only the entries the team moved need a reason. Regression for
 * "Moving one entry flags its neighbours" (drag 3 → 1 flagged entries 1 and 2 too).
 */
import fc from 'fast-check';
import { deviatingEntries } from '../../src/core/ranking';
import { analyze } from '../../src/core/analyze';
import { PRIORITERING, SHEET_NAMES } from '../../src/core/layout';
import { buildPlan } from '../../src/core/plan';
import { simulate } from '../../src/core/simulate';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';

const flagged = (ranks: (number | null)[]) =>
  deviatingEntries(ranks)
    .map((d, i) => (d ? i + 1 : 0))
    .filter(Boolean);

describe('deviatingEntries (places 1-based in the expectations)', () => {
  test('the automatic order flags nothing', () => {
    expect(flagged([1, 2, 3, 4, 5])).toEqual([]);
  });
  test('moving entry 3 to place 1 flags that entry alone, not 1 and 2 (regression: neighbours flagged)', () => {
    expect(flagged([3, 1, 2, 4, 5])).toEqual([1]);
  });
  test('one move up by k places flags only that entry', () => {
    expect(flagged([1, 5, 2, 3, 4, 6])).toEqual([2]);
  });
  test('one move down flags only that entry', () => {
    expect(flagged([2, 3, 4, 1, 5])).toEqual([4]);
    expect(flagged([1, 3, 4, 5, 2])).toEqual([5]);
  });
  test('a swap of two entries flags one of them: the one pulled up', () => {
    expect(flagged([2, 1, 3])).toEqual([1]);
    expect(flagged([1, 4, 3, 2, 5])).toEqual([2, 3]);
  });
  test('ties share their places: either order is fine; moving into a tie flags the mover only', () => {
    expect(flagged([1, 2, 2, 4])).toEqual([]);
    expect(flagged([1, 4, 2, 2])).toEqual([2]);
    expect(flagged([2, 2, 1])).toEqual([3]);
  });
  test('an entry not on the werkblad (no rank) is never flagged and does not count', () => {
    expect(flagged([1, null, 2, 3])).toEqual([]);
    expect(flagged([null, 3, 1, 2])).toEqual([2]);
  });
  test('an entry left out of the list flags nothing', () => {
    expect(flagged([2, 3, 5])).toEqual([]);
  });
  test('the flagged entries are the fewest whose removal leaves a non-decreasing order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }), { maxLength: 12 }), (ranks) => {
        const dev = deviatingEntries(ranks);
        const kept = ranks.filter((r, i) => r !== null && !dev[i]) as number[];
        expect(kept.every((r, i) => i === 0 || kept[i - 1] <= r)).toBe(true);
        // no longer non-decreasing subsequence exists (brute force over subsets)
        const present = ranks.filter((r): r is number => r !== null);
        let best = 0;
        for (let mask = 0; mask < 1 << present.length; mask++) {
          const sub = present.filter((_, i) => mask & (1 << i));
          if (sub.every((r, i) => i === 0 || sub[i - 1] <= r)) best = Math.max(best, sub.length);
        }
        expect(kept.length).toBe(best);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the engine, the CLI flags and the sheet record agree', () => {
  async function prepared(): Promise<WorkbookSnapshot> {
    const wb = new MemoryWorkbook();
    await wb.apply(newWorkbookPlan({ wijk: 'Test', now: new Date('2026-01-01'), factors: ['F1'] }).plan);
    const snap = await wb.readSnapshot();
    const ws = snap.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!;
    const names = ['Een', 'Twee', 'Drie', 'Vier'];
    names.forEach((k, i) => {
      ws.values[5 + i] = ['Opgave', k, 10 - i];
    });
    ws.values[3] = [null, null, 1];
    return simulate(snap, buildPlan(snap, { now: new Date('2026-01-01') }).plan.ops);
  }

  test('drag 3 → 1 on the sheet: one PRIO_NO_REASON, and the plan records exactly that flag beside it', async () => {
    const snap = await prepared();
    const prio = snap.sheets.find((s) => s.name === SHEET_NAMES.prioritering)!;
    const rows: CellValue[][] = [
      [1, 'Drie'],
      [2, 'Een'],
      [3, 'Twee'],
      [4, 'Vier'],
    ];
    rows.forEach((r, i) => (prio.values[PRIORITERING.firstRow - 1 + i] = r));
    const a = analyze(snap);
    expect(a.prioritering!.entries.map((e) => [e.koppelkans, e.autoRank, e.deviates])).toEqual([
      ['Drie', 3, true],
      ['Een', 1, false],
      ['Twee', 2, false],
      ['Vier', 4, false],
    ]);
    expect(a.problems.filter((p) => p.code === 'PRIO_NO_REASON').map((p) => p.cell)).toEqual([`C${PRIORITERING.firstRow}`]);
    const after = simulate(snap, buildPlan(snap, { now: new Date('2026-01-01') }).plan.ops);
    const ps = after.sheets.find((s) => s.name === SHEET_NAMES.prioritering)!;
    const record = (r: number) => [ps.values[r - 1]?.[6], ps.values[r - 1]?.[7]];
    expect(record(PRIORITERING.firstRow)).toEqual(['1|drie', 1]);
    expect(record(PRIORITERING.firstRow + 1)).toEqual(['2|een', 0]);
    expect(record(PRIORITERING.firstRow + 3)).toEqual(['4|vier', 0]);
    // applying again changes nothing
    expect(buildPlan(after, { now: new Date('2026-01-01') }).plan.ops).toEqual([]);
  });

  test('a score change that moves automatic ranks leaves the order record alone (regression: it read as a reorder by hand)', async () => {
    const snap = await prepared();
    const prio = snap.sheets.find((s) => s.name === SHEET_NAMES.prioritering)!;
    [
      [1, 'Een'],
      [2, 'Twee'],
      [3, 'Drie'],
    ].forEach((r, i) => (prio.values[PRIORITERING.firstRow - 1 + i] = r));
    const checked = simulate(snap, buildPlan(snap, { now: new Date('2026-01-01') }).plan.ops);
    const ps = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === SHEET_NAMES.prioritering)!;
    const records = (s: WorkbookSnapshot) => [0, 1, 2].map((i) => ps(s).values[PRIORITERING.firstRow - 1 + i].slice(6, 8));
    expect(records(checked)).toEqual([
      ['1|een', 0],
      ['2|twee', 0],
      ['3|drie', 0],
    ]);
    // "Een" now scores lowest: every automatic rank moves, the team's order stays
    checked.sheets.find((s) => s.name === SHEET_NAMES.werkblad)!.values[5][2] = -10;
    const a = analyze(checked);
    expect(a.prioritering!.entries.map((e) => e.autoRank)).toEqual([4, 1, 2]);
    const ops = buildPlan(checked, { now: new Date('2026-01-01') }).plan.ops;
    const after = simulate(checked, ops);
    // the order record (G) is unchanged; only the verdict (H) follows the new ranks
    expect(records(after).map((r) => r[0])).toEqual(['1|een', '2|twee', '3|drie']);
    expect(records(after).map((r) => r[1])).toEqual([1, 0, 0]);
  });

  test('a record written before the rank was left out of it is rewritten by the next check', async () => {
    const snap = await prepared();
    const prio = snap.sheets.find((s) => s.name === SHEET_NAMES.prioritering)!;
    prio.values[PRIORITERING.firstRow - 1] = [1, 'Een', null, null, null, null, '1|Een|1', 0];
    const after = simulate(snap, buildPlan(snap, { now: new Date('2026-01-01') }).plan.ops);
    expect(after.sheets.find((s) => s.name === SHEET_NAMES.prioritering)!.values[PRIORITERING.firstRow - 1].slice(6, 8)).toEqual(['1|een', 0]);
  });
});

test('no entries, or only unranked ones, give exactly one answer per entry (no stray place)', () => {
  // mutation check: a start of -1 changed to +1 marked a place past the end
  expect(deviatingEntries([])).toEqual([]);
  expect(deviatingEntries([null])).toEqual([false]);
  expect(deviatingEntries([null, null])).toEqual([false, false]);
});

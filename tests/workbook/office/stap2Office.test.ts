/**
 * Stap 2's structural edits through the Office.js adapter (fake Excel): removing a factor
 * in the middle and adding one are each one apply of at most 3 round trips, not growing
 * with the number of rows, and leave the scores where the memory adapter leaves them.
 */
import { analyze } from '../../../src/core/analyze';
import { DEFAULT_LONGLIST } from '../../../src/core/defaults';
import { addFactorEdit, moveFactorEdit, removeFactorEdit, renameFactorEdit } from '../../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../../src/core/layout';
import { readNotes } from '../../../src/core/notes';
import { planWithEdit } from '../../../src/core/plan';
import {
  deselectKoppelkansEdit,
  minderConcreetEdit,
  ownKoppelkansEdit,
  ownOpgaveEdit,
  selectKoppelkansEdit,
  stap2Context,
  type Stap2Context,
} from '../../../src/core/stap2';
import { wijkEdit } from '../../../src/core/wijk';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { OfficeWorkbook } from '../../../src/workbook/office/officeWorkbook';
import { createKoppelkansenWorkbook } from '../../../src/workbook/operations';
import { FakeBook } from './fakeExcel';

const noWait = { retry: { sleep: async () => undefined } };
const NOW = new Date('2026-11-28T10:00:00Z');
let book: FakeBook;
const ws = () => book.sheet(SHEET_NAMES.werkblad);

afterEach(() => {
  expect(book.sentinelReads).toEqual([]);
});

async function scoredBook(rows: number): Promise<OfficeWorkbook> {
  book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, noWait);
  await createKoppelkansenWorkbook(port, { now: NOW });
  book.sheet(SHEET_NAMES.werkblad).setGrid(
    `A${WERKBLAD.firstDataRow}`,
    Array.from({ length: rows }, (_, r) => {
      const k = DEFAULT_LONGLIST[r % DEFAULT_LONGLIST.length];
      return [k.opgave, `${k.koppelkans} ${r}`, ...Array.from({ length: 8 }, (_, c) => ((r + c) % 21) - 10)];
    }),
  );
  return port;
}

function ctxOf(snapshot: WorkbookSnapshot): Stap2Context {
  const ctx = stap2Context(snapshot, analyze(snapshot, { now: NOW }), readNotes(snapshot));
  if ('message' in ctx) throw new Error(ctx.message);
  return ctx;
}

async function measureEdit(port: OfficeWorkbook, build: (ctx: Stap2Context, snapshot: WorkbookSnapshot) => { ok: boolean }) {
  const snapshot = await port.readSnapshot({ fresh: true });
  const res = build(ctxOf(snapshot), snapshot) as { ok: true; ops: import('../../../src/core/snapshot').PlanOp[] };
  expect(res.ok).toBe(true);
  const plan = planWithEdit(snapshot, res.ops, { now: NOW }).plan;
  return book.measure(() => port.apply(plan));
}

describe('factor edits through Office.js', () => {
  test.each([20, 400])('removing a factor in the middle (%i rows): one run, at most 3 syncs, other scores in place', async (rows) => {
    const port = await scoredBook(rows);
    const m = await measureEdit(port, (ctx) => removeFactorEdit(ctx.sheet, ctx.werkblad, 3));
    expect(m.runs).toBe(1);
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(m.result.conflicts).toEqual([]);
    const ws = book.sheet(SHEET_NAMES.werkblad);
    const r = WERKBLAD.firstDataRow + rows - 1;
    // factor 5's score (was in G) is now in F; Totalen moved from K to J
    expect(ws.cell(`F${r}`)?.value).toBe(((rows - 1 + 4) % 21) - 10);
    expect(ws.cell('J3')?.value).toBe('Totalen');
    expect(ws.cell(`J${r}`)?.formula).toMatch(/^=/);
    const after = analyze(await port.readSnapshot(), { now: NOW });
    expect(after.werkblad!.factors).toHaveLength(7);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('adding a factor and selecting a koppelkans: each one run of at most 3 syncs', async () => {
    const port = await scoredBook(50);
    const added = await measureEdit(port, (ctx) => addFactorEdit(ctx.sheet, ctx.werkblad, 'Nieuw', 'Omdat'));
    expect(added.syncs).toBeLessThanOrEqual(3);
    expect(book.sheet(SHEET_NAMES.werkblad).cell('L3')?.value).toBe('Totalen');
    const picked = await measureEdit(port, (ctx) => selectKoppelkansEdit(ctx, 'Gezondheid', 'Eigen koppelkans'));
    expect(picked.syncs).toBeLessThanOrEqual(3);
    expect(book.sheet(SHEET_NAMES.werkblad).cell(`B${WERKBLAD.firstDataRow + 50}`)?.value).toBe('Eigen koppelkans');
  });

  test.each([20, 400])(
    'an own opgave, an own koppelkans (longlist append) and deselecting a koppelkans (%i rows): each one run of at most 3 syncs',
    async (rows) => {
      const port = await scoredBook(rows);
      const edit = (build: (ctx: Stap2Context, snapshot: WorkbookSnapshot) => { ok: boolean }) => measureEdit(port, build);
      const opgave = await edit((ctx, s) => ownOpgaveEdit(ctx, analyze(s, { now: NOW }), '=Eigen*opgave? ', ''));
      const koppelkans = await edit((ctx, s) => ownKoppelkansEdit(ctx, analyze(s, { now: NOW }), '=Eigen*opgave?', 'Eigen kans', ''));
      const last = WERKBLAD.firstDataRow + rows - 1;
      const removed = await edit((ctx) => deselectKoppelkansEdit(ctx, last));
      for (const m of [opgave, koppelkans, removed]) {
        expect(m.runs).toBe(1);
        expect(m.syncs).toBeLessThanOrEqual(3);
        expect(m.result.conflicts).toEqual([]);
      }
      const after = analyze(await port.readSnapshot(), { now: NOW });
      expect(after.longlist.entries).toContainEqual(expect.objectContaining({ opgave: '=Eigen*opgave?', koppelkans: 'Eigen kans' }));
      expect(after.werkblad!.rows.some((r) => r.koppelkans === 'Eigen kans')).toBe(true);
    },
  );

  test.each([20, 400])(
    'adding, reordering and renaming a factor, the wijk name and a minder concreet mark (%i rows): each one run of at most 3 syncs',
    async (rows) => {
      const port = await scoredBook(rows);
      const edit = (build: (ctx: Stap2Context, snapshot: WorkbookSnapshot) => { ok: boolean }) => measureEdit(port, build);
      const last = WERKBLAD.firstDataRow + rows - 1;
      const firstScore = ws().cell(`C${last}`)?.value;
      const added = await edit((ctx) => addFactorEdit(ctx.sheet, ctx.werkblad, 'Nieuw', 'Omdat'));
      const moved = await edit((ctx) => moveFactorEdit(ctx.sheet, ctx.werkblad, 0, 1));
      const renamed = await edit((ctx, s) => renameFactorEdit(ctx.sheet, ctx.werkblad, 2, 'Andere naam', { snapshot: s, notes: ctx.notes }));
      const wijk = await edit((_, s) => wijkEdit(s, 'Lelystad Oost'));
      const mark = await edit((_, s) => {
        const a = analyze(s, { now: NOW });
        return minderConcreetEdit(s, a, a.longlist.entries[0].row, true, 'Fatima');
      });
      for (const m of [added, moved, renamed, wijk, mark]) {
        expect(m.runs).toBe(1);
        expect(m.syncs).toBeLessThanOrEqual(3);
        expect(m.result.conflicts).toEqual([]);
      }
      // the first factor's score moved with it to D; Totalen one column further (L)
      expect(ws().cell(`D${last}`)?.value).toBe(firstScore);
      expect(ws().cell('L3')?.value).toBe('Totalen');
      expect(ws().cell('E3')?.value).toBe('Andere naam');
      const after = analyze(await port.readSnapshot(), { now: NOW });
      expect(after.wijk).toBe('Lelystad Oost');
      expect(after.minderConcreet).toEqual([expect.objectContaining({ verantwoordelijke: 'Fatima' })]);
      expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    },
  );

  test("a co-author's score typed after the read: the factor move writes nothing of its block", async () => {
    const port = await scoredBook(10);
    const snapshot = await port.readSnapshot({ fresh: true });
    const res = removeFactorEdit(ctxOf(snapshot).sheet, ctxOf(snapshot).werkblad, 0);
    if (!res.ok) throw new Error(res.message);
    book.sheet(SHEET_NAMES.werkblad).setGrid('D7', [[9]]);
    const applied = await port.apply({ ops: res.ops });
    expect(applied.conflicts.map((c) => c.cell)).toContain('D7');
    expect(book.sheet(SHEET_NAMES.werkblad).cell('C3')?.value).not.toBe(book.sheet(SHEET_NAMES.werkblad).cell('D3')?.value);
    expect(book.sheet(SHEET_NAMES.werkblad).cell('K3')?.value).toBe('Totalen');
  });
});

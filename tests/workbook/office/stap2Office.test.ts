/**
 * Stap 2's structural edits through the Office.js adapter (fake Excel): removing a factor
 * in the middle and adding one are each one apply of at most 3 round trips, not growing
 * with the number of rows, and leave the scores where the memory adapter leaves them. The
 * adapter shifts columns (canShiftColumns), so the factor edits are built as the pane builds
 * them there: a removed factor's column deleted, an added one inserted (Range.delete/insert),
 * the team's column right of Totalen and its references from another sheet moving along;
 * the formula stamp written with it describes what Excel did.
 */
import { analyze } from '../../../src/core/analyze';
import { DEFAULT_LONGLIST } from '../../../src/core/defaults';
import { addFactorEdit, moveFactorEdit, removeFactorEdit, renameFactorEdit } from '../../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../../src/core/layout';
import { readNotes } from '../../../src/core/notes';
import { buildPlan, planWithEdit, validationTargets } from '../../../src/core/plan';
import { factorMoveImpact, factorRemovalImpact, formulaPlace } from '../../../src/core/referenceBreaks';
import { totalFormula } from '../../../src/core/formulas';
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
/** As the pane passes it (FreshState.canShiftColumns): the adapter's capability. */
const shift = (port: OfficeWorkbook) => ({ shiftColumns: port.canShiftColumns });
const OWN = 'Eigen blad';
const NOW = new Date('2026-11-28T10:00:00Z');
let book: FakeBook;
const ws = () => book.sheet(SHEET_NAMES.werkblad);

afterEach(() => {
  expect(book.sentinelReads).toEqual([]);
});

/**
 * The template with `rows` scored rows (factor c of row r scores ((r + c) % 21) - 10), a
 * column of the team's own right of Totalen (L: a header, a formula on the 5th factor's
 * score of the first row and one on its total) and a sheet of its own reading the werkblad.
 */
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
  await port.apply({
    ops: [
      { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'L3', cells: [[{ text: 'Eigen' }]] },
      { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'L6', cells: [[{ formula: '=G6*10' }, { formula: '=K6' }]] },
      { kind: 'addSheet', sheet: OWN },
      {
        kind: 'setCells',
        sheet: OWN,
        cell: 'A1',
        cells: [[{ formula: `='${SHEET_NAMES.werkblad}'!G6` }], [{ formula: `=SUM('${SHEET_NAMES.werkblad}'!C6:J6)` }]],
      },
    ],
  });
  return port;
}

/** Every formula of a snapshot as "sheet!row,column=formula". */
function formulasOf(snapshot: WorkbookSnapshot): string[] {
  const out: string[] = [];
  for (const s of snapshot.sheets)
    (s.formulas ?? []).forEach((line, r) =>
      (line ?? []).forEach((f, c) => typeof f === 'string' && f.startsWith('=') && out.push(`${s.name}!${r + 1},${c + 1}=${f}`)),
    );
  return out;
}

/**
 * After a column shift the next pane reads the formulas from the stamp the plan wrote: they
 * must be the ones Excel moved (a read of every formula gives the same), in far fewer bytes,
 * and the engine finds nothing to plan (nothing looks edited by hand).
 */
async function expectStampTrue(): Promise<void> {
  const pane = new OfficeWorkbook(book.run, { ...noWait, isSetSupported: () => true });
  const stamped = await book.measure(() => pane.readSnapshot({ fresh: true, validationTargets: (s) => validationTargets(s, { now: NOW }) }));
  const verified = await book.measure(() => pane.readSnapshot({ verifyFormulas: true }));
  expect(formulasOf(stamped.result)).toEqual(formulasOf(verified.result));
  expect(stamped.received).toBeLessThan(verified.received / 2);
  expect(buildPlan(stamped.result, { now: NOW }).plan.ops).toEqual([]);
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
  const m = await book.measure(() => port.apply(plan));
  return { ...m, plan };
}

describe('factor edits through Office.js', () => {
  test.each([20, 400])('removing a factor in the middle (%i rows): one run, at most 3 syncs, other scores in place', async (rows) => {
    const port = await scoredBook(rows);
    const m = await measureEdit(port, (ctx) => removeFactorEdit(ctx.sheet, ctx.werkblad, 3, shift(port)));
    expect(m.plan.ops[0]).toMatchObject({ kind: 'deleteColumns', sheet: SHEET_NAMES.werkblad, column: 'F', count: 1 });
    // guarded: the column as read, every score row included (read back in one sync, not one per row)
    expect(m.plan.ops[0].kind === 'deleteColumns' && m.plan.ops[0].expect?.length).toBeGreaterThanOrEqual(5 + rows);
    expect(m.runs).toBe(1);
    expect(m.syncs).toBeLessThanOrEqual(3);
    expect(m.result.conflicts).toEqual([]);
    const ws = book.sheet(SHEET_NAMES.werkblad);
    const r = WERKBLAD.firstDataRow + rows - 1;
    // factor 5's score (was in G) is now in F; Totalen moved from K to J
    expect(ws.cell(`F${r}`)?.value).toBe(((rows - 1 + 4) % 21) - 10);
    expect(ws.cell('J3')?.value).toBe('Totalen');
    const after = analyze(await port.readSnapshot(), { now: NOW });
    expect(ws.cell(`J${r}`)?.formula).toBe(totalFormula(after.werkblad!.layout, r));
    expect(after.werkblad!.factors).toHaveLength(7);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // the team's column moved from L to K with Excel, still on the 5th factor's score and the total
    expect([ws.cell('K3')?.value, ws.cell('K6')?.formula, ws.cell('L6')?.formula]).toEqual(['Eigen', '=F6*10', '=J6']);
    expect(ws.cell('F6')?.value).toBe(((0 + 4) % 21) - 10);
    expect([book.sheet(OWN).cell('A1')?.formula, book.sheet(OWN).cell('A2')?.formula]).toEqual([
      `='${SHEET_NAMES.werkblad}'!F6`,
      `=SUM('${SHEET_NAMES.werkblad}'!C6:I6)`,
    ]);
    await expectStampTrue();
  });

  test.each([20, 400])(
    'regression: the removal question reads the team names and conditional formats in at most 3 syncs (%i rows) and names those on the removed column',
    async (rows) => {
      const port = await scoredBook(rows);
      const W = SHEET_NAMES.werkblad;
      const last = WERKBLAD.firstDataRow + rows - 1;
      book.names.push({ name: 'TeamNaam', formula: `='${W}'!$F$6:$F$${last}` }, { name: 'Rechts', formula: `='${W}'!$G$6`, scope: OWN });
      ws().conditionalFormats.push(
        { ranges: [`F6:F${last}`], type: 'Custom', formula: '=F6>5' },
        { ranges: [`C6:J${last}`], type: 'CellValue', formula: '=$F$4', formula2: '=$G$4' },
      );
      await port.readSnapshot();
      const read = await book.measure(() => port.readSnapshot({ definitions: true }));
      expect(read.syncs).toBeLessThanOrEqual(3);
      const snapshot = read.result;
      // without ExcelApi 1.10 / 1.18 (this port is given no requirement sets) comments and notes are not read either
      expect(snapshot.definitions?.unread).toEqual(['validations', 'comments', 'notes']);
      const ctx = ctxOf(snapshot);
      const r = factorRemovalImpact(snapshot, ctx.sheet, ctx.werkblad, 3, { ...shift(port), now: NOW });
      if (!r.ok) throw new Error(r.message);
      expect(r.definitions.map((d) => [d.kind, d.label, d.effect])).toEqual([
        ['name', 'TeamNaam', 'ref'],
        ['conditionalFormat', `F6:F${last}`, 'removed'],
        ['conditionalFormat', `C6:J${last}`, 'ref'],
      ]);
      // Excel (here the double) then does what the question said: the name gets #REF!, the name right of it moves
      await port.apply(planWithEdit(snapshot, r.ops, { now: NOW }).plan);
      expect(book.names.map((n) => n.formula)).toEqual(['=#REF!', `='${W}'!$F$6`]);
      expect(ws().conditionalFormats.map((cf) => cf.ranges)).toEqual([[`C6:I${last}`]]);
    },
  );

  test.each([20, 400])(
    'regression: the reorder question reads the team names in at most 3 syncs (%i rows) and names the name on a moved column, the formula using it and an OFFSET',
    async (rows) => {
      const port = await scoredBook(rows);
      const W = SHEET_NAMES.werkblad;
      const last = WERKBLAD.firstDataRow + rows - 1;
      book.names.push({ name: 'TeamGewicht', formula: `='${W}'!$E$6:$E$${last}` }, { name: 'Rechts', formula: `='${W}'!$L$6`, scope: OWN });
      await port.apply({
        ops: [
          {
            kind: 'setCells',
            sheet: OWN,
            cell: 'C1',
            cells: [[{ formula: '=SUM(TeamGewicht)' }], [{ formula: '=Rechts*2' }], [{ formula: `=SUM(OFFSET('${W}'!$C$6,0,D9))` }]],
          },
        ],
      });
      await port.readSnapshot();
      const read = await book.measure(() => port.readSnapshot({ definitions: true }));
      expect(read.syncs).toBeLessThanOrEqual(3);
      const snapshot = read.result;
      const ctx = ctxOf(snapshot);
      // the 2nd factor (D) one place later: D and E swap by value, so TeamGewicht then holds the 2nd factor's scores
      const m = factorMoveImpact(snapshot, ctx.sheet, ctx.werkblad, 1, 1, { now: NOW });
      if (!m.ok) throw new Error(m.message);
      expect(m.definitions.map((d) => [d.label, d.effect])).toEqual([['TeamGewicht', 'reads']]);
      // A1 reads G6 (the 5th factor, not moved); A2 sums C6:J6, over both swapped cells
      expect(m.reads.map((b) => [formulaPlace(b), b.name])).toEqual([
        [`${OWN}!A2`, undefined],
        [`${OWN}!C1`, 'TeamGewicht'],
      ]);
      expect(m.unknown.map(formulaPlace)).toEqual([`${OWN}!C3`]);
      // Office.js cannot list data validations: the question says it could not check them
      expect(m.unread).toEqual(['validations', 'comments', 'notes']);
    },
  );

  test.each([20, 400])(
    'regression: with ExcelApi 1.10 and 1.18 the removal question reads comments and notes too, still in at most 3 syncs (%i rows), and names those in the removed column',
    async (rows) => {
      await scoredBook(rows);
      const port = new OfficeWorkbook(book.run, { ...noWait, isSetSupported: () => true });
      ws().comments.push({ cell: 'F9', content: 'Navragen bij de GGD' }, { cell: 'G6', content: 'Klopt dit?' });
      ws().notes.push({ cell: 'F7', content: 'Oude notitie' });
      await port.readSnapshot();
      const read = await book.measure(() => port.readSnapshot({ definitions: true }));
      expect(read.syncs).toBeLessThanOrEqual(3);
      const snapshot = read.result;
      expect(snapshot.definitions?.unread).toEqual(['validations']);
      const ctx = ctxOf(snapshot);
      const r = factorRemovalImpact(snapshot, ctx.sheet, ctx.werkblad, 3, { ...shift(port), now: NOW });
      if (!r.ok) throw new Error(r.message);
      expect(r.comments.map((c) => [c.cell, c.text, c.effect])).toEqual([
        ['F9', 'Navragen bij de GGD', 'removed'],
        ['F7', 'Oude notitie', 'removed'],
      ]);
      expect(r.unread).toEqual(['validations']);
      // Excel (here the double) deletes them with their cells and moves the one right of the column
      await port.apply(planWithEdit(snapshot, r.ops, { now: NOW }).plan);
      expect([ws().comments, ws().notes]).toEqual([[{ cell: 'F6', content: 'Klopt dit?' }], []]);
    },
  );

  test.each([20, 400])(
    'regression: deselecting a koppelkans, read with comments and notes as the pane now reads it (%i rows): at most 2 syncs more than a fresh read, the apply at most 3, the row’s comment and note named, and they stay on their cells',
    async (rows) => {
      await scoredBook(rows);
      const port = new OfficeWorkbook(book.run, { ...noWait, isSetSupported: () => true });
      const last = WERKBLAD.firstDataRow + rows - 1;
      ws().comments.push({ cell: `D${last}`, content: 'Navragen bij de GGD' }, { cell: 'D6', content: 'Andere rij' });
      ws().notes.push({ cell: `M${last}`, content: 'Oude notitie' });
      await port.readSnapshot();
      const plain = await book.measure(() => port.readSnapshot({ fresh: true }));
      const read = await book.measure(() => port.readSnapshot({ fresh: true, definitions: true }));
      // the comments and notes cost the fresh read (4 syncs here) at most 2 more, the same at 20 and 400 rows
      expect(read.syncs - plain.syncs).toBeLessThanOrEqual(2);
      expect(read.syncs).toBeLessThanOrEqual(6);
      const snapshot = read.result;
      const res = deselectKoppelkansEdit(ctxOf(snapshot), last);
      if (!res.ok) throw new Error(res.message);
      expect(res.loss?.comments?.map((c) => [c.cell, c.text, c.effect])).toEqual([
        [`D${last}`, 'Navragen bij de GGD', 'stays'],
        [`M${last}`, 'Oude notitie', 'stays'],
      ]);
      expect(res.loss?.commentsUnread).toBeUndefined();
      const m = await book.measure(() => port.apply(planWithEdit(snapshot, res.ops, { now: NOW }).plan));
      expect([m.runs, m.syncs <= 3, m.result.conflicts]).toEqual([1, true, []]);
      // what the question says: the row is cleared (Range.formulas ""), its comment and note stay on their cells
      expect(ws().cell(`B${last}`)?.value ?? '').toBe('');
      expect([ws().comments, ws().notes]).toEqual([
        [
          { cell: `D${last}`, content: 'Navragen bij de GGD' },
          { cell: 'D6', content: 'Andere rij' },
        ],
        [{ cell: `M${last}`, content: 'Oude notitie' }],
      ]);
    },
  );

  test('the team names are read with the walk (the question costs one round trip); a sheet deleted since the last read makes the walk go again without them, and they are still read', async () => {
    const port = await scoredBook(20);
    book.names.push({ name: 'TeamNaam', formula: `='${SHEET_NAMES.werkblad}'!$F$6` });
    await port.readSnapshot();
    const one = await book.measure(() => port.readSnapshot({ definitions: true }));
    expect(one.syncs).toBe(1);
    expect(one.result.definitions?.names.map((n) => n.name)).toEqual(['TeamNaam']);
    // a colleague deletes the team's own sheet: the names queued for it with the walk fail that sync
    book.sheets.splice(book.sheets.indexOf(book.sheet(OWN)), 1);
    const again = await book.measure(() => port.readSnapshot({ definitions: true }));
    expect(again.result.sheets.map((x) => x.name)).not.toContain(OWN);
    expect(again.result.definitions?.names.map((n) => n.name)).toEqual(['TeamNaam']);
    expect(again.result.definitions?.unread).toEqual(['validations', 'comments', 'notes']);
    expect(again.syncs).toBeLessThanOrEqual(3);
  });

  test('a host that refuses the names read still gives the snapshot, with every kind of definition unread (the question says so)', async () => {
    const port = await scoredBook(5);
    book.namesRefused = true;
    const snapshot = await port.readSnapshot({ definitions: true });
    expect(snapshot.sheets.length).toBeGreaterThan(1);
    expect(snapshot.definitions).toEqual({ names: [], rules: [], unread: ['names', 'conditionalFormats', 'validations'] });
  });

  test.each([20, 400])('adding a factor (%i rows) and selecting a koppelkans: each one run of at most 3 syncs', async (rows) => {
    const port = await scoredBook(rows);
    const added = await measureEdit(port, (ctx) => addFactorEdit(ctx.sheet, ctx.werkblad, 'Nieuw', 'Omdat', 1, shift(port)));
    expect(added.plan.ops[0]).toEqual({ kind: 'insertColumns', sheet: SHEET_NAMES.werkblad, column: 'K', count: 1, expect: [[null], [null], ['Totalen']] });
    expect(added.runs).toBe(1);
    expect(added.syncs).toBeLessThanOrEqual(3);
    expect(added.result.conflicts).toEqual([]);
    const ws = book.sheet(SHEET_NAMES.werkblad);
    expect(['K3', 'K4', 'K5', 'L3'].map((a) => ws.cell(a)?.value)).toEqual(['Nieuw', 1, 'Omdat', 'Totalen']);
    expect([ws.cell('M3')?.value, ws.cell('M6')?.formula, ws.cell('N6')?.formula]).toEqual(['Eigen', '=G6*10', '=L6']);
    expect([book.sheet(OWN).cell('A1')?.formula, book.sheet(OWN).cell('A2')?.formula]).toEqual([
      `='${SHEET_NAMES.werkblad}'!G6`,
      `=SUM('${SHEET_NAMES.werkblad}'!C6:J6)`,
    ]);
    await expectStampTrue();
    const picked = await measureEdit(port, (ctx) => selectKoppelkansEdit(ctx, 'Gezondheid', 'Eigen koppelkans'));
    expect(picked.syncs).toBeLessThanOrEqual(3);
    expect(book.sheet(SHEET_NAMES.werkblad).cell(`B${WERKBLAD.firstDataRow + rows}`)?.value).toBe('Eigen koppelkans');
  });

  test('the fallback rewrite (a port that cannot shift columns) still runs in one run of at most 3 syncs here', async () => {
    const port = await scoredBook(50);
    // the rewrite refuses to move Totalen onto the team's column: without it here
    await port.apply({
      ops: [
        { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'L3', cells: [[{ clear: true }]] },
        { kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: 'L6', cells: [[{ clear: true }, { clear: true }]] },
      ],
    });
    const added = await measureEdit(port, (ctx) => addFactorEdit(ctx.sheet, ctx.werkblad, 'Nieuw', 'Omdat'));
    expect(added.plan.ops.some((op) => op.kind === 'insertColumns' || op.kind === 'deleteColumns')).toBe(false);
    expect(added.runs).toBe(1);
    expect(added.syncs).toBeLessThanOrEqual(3);
    expect(book.sheet(SHEET_NAMES.werkblad).cell('L3')?.value).toBe('Totalen');
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
      const added = await edit((ctx) => addFactorEdit(ctx.sheet, ctx.werkblad, 'Nieuw', 'Omdat', 1, shift(port)));
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

  test("the fallback rewrite: a co-author's score typed after the read, the factor move writes nothing of its block", async () => {
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

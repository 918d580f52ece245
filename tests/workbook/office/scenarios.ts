/**
 * Pane operations against the fake Excel (fakeExcel.ts), shared by the unit tests and
 * `npm run bench -- office`, so that a test's bound and the bench's figure count the same
 * thing on the same workbook.
 */
import { analyze, type Analysis } from '../../../src/core/analyze';
import type { EditResult } from '../../../src/core/edits';
import { addFactorEdit, removeFactorEdit, renameFactorEdit } from '../../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../../src/core/layout';
import { readNotes } from '../../../src/core/notes';
import { planWithEdit } from '../../../src/core/plan';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { deselectKoppelkansEdit, ownOpgaveEdit, selectKoppelkansEdit, stap2Context, type Stap2Context } from '../../../src/core/stap2';
import { OfficeWorkbook } from '../../../src/workbook/office';
import type { ApplyResult } from '../../../src/workbook/port';
import { createKoppelkansenWorkbook, prepareWorkbook } from '../../../src/workbook/operations';
import { bigWorkbook, factorNames } from '../../../scripts/bench/support/workbooks';
import { FakeBook } from './fakeExcel';

export const noWait = { retry: { sleep: async () => undefined } };

/**
 * A grid (a snapshot's values or formulas) without trailing empty cells and rows, empty
 * cells as null: the adapter's cache and a read in full may spell an empty row or cell
 * either way ([] or [null, …]), which is not a difference in the workbook.
 */
export function trimmedGrid(g: readonly (readonly unknown[] | undefined)[] | undefined): unknown[][] {
  const rows = (g ?? []).map((row) => {
    const out = (row ?? []).map((v) => v ?? null);
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && !rows[rows.length - 1].length) rows.pop();
  return rows;
}
export const SCENARIO_NOW = new Date('2026-11-28T10:00:00Z');

/**
 * A Koppelkansen workbook of `rows` koppelkansen × `factors` succesfactoren in a fresh fake
 * Excel: the layout made through the adapter, the rows typed in (as a team pastes them),
 * and, unless `prepared` is false, "Werkmap voorbereiden" run on it (totals, dropdowns,
 * Keuzelijsten, Resultaat), as a workbook in use looks.
 */
export async function koppelkansenFakeBook(rows: number, factors: number, prepared = true): Promise<FakeBook> {
  const book = new FakeBook(['Blad1']);
  const port = new OfficeWorkbook(book.run, noWait);
  await createKoppelkansenWorkbook(port, { factors: factorNames(factors), now: SCENARIO_NOW });
  const data = bigWorkbook(rows, factors).sheets[0].values.slice(WERKBLAD.firstDataRow - 1, WERKBLAD.firstDataRow - 1 + rows);
  book.sheet(SHEET_NAMES.werkblad).setGrid(
    `A${WERKBLAD.firstDataRow}`,
    data.map((line) => line.slice(0, 2 + factors)),
  );
  if (prepared) await prepareWorkbook(new OfficeWorkbook(book.run, noWait), { now: SCENARIO_NOW });
  return book;
}

const built = new Map<string, Promise<FakeBook>>();

/**
 * `koppelkansenFakeBook(rows, factors, prepared)` built once per test file (per jest module
 * registry) and cloned for each caller (FakeBook.clone: the same workbook, nothing counted
 * yet), for suites that need the same big workbook in more than one test.
 */
export async function sharedKoppelkansenFakeBook(rows: number, factors: number, prepared = true): Promise<FakeBook> {
  const key = `${rows}x${factors}${prepared ? '' : ' raw'}`;
  let book = built.get(key);
  if (!book) built.set(key, (book = koppelkansenFakeBook(rows, factors, prepared)));
  return (await book).clone();
}

/** The werkblad cell `typeOneScore` types into: a score in the middle row. */
function typedCell(rows: number): string {
  return `C${WERKBLAD.firstDataRow + Math.floor(rows / 2)}`;
}

/**
 * One score typed in the pane, as the session does it: the write (apply), the read right
 * after it (`afterApply`), and the read for the change event Excel raises for that cell
 * (Excel before ExcelApi 1.14 raises it for the add-in's own writes as for anyone's; newer
 * Excel names them and subscribeToChanges skips them). Measured on `book`: round trips
 * (syncs), bytes sent and received, the largest request or response.
 */
export async function typeOneScore(book: FakeBook, port: OfficeWorkbook, rows: number, score = 7) {
  const cell = typedCell(rows);
  const werkbladId = book.sheet(SHEET_NAMES.werkblad).id;
  return book.measure(async () => {
    await port.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell, cells: [[{ number: score }]] }] });
    const after = await port.readSnapshot({ afterApply: true });
    const heard = await port.readSnapshot({ changed: [{ sheet: werkbladId, range: cell }] });
    return { after, heard, cell };
  });
}

/** Round trips and bytes of one part of an operation, as FakeBook.measure counts them. */
export interface Counted {
  syncs: number;
  sent: number;
  received: number;
  /** The largest single request or response, in bytes. */
  largest: number;
}

/** The parts of an operation added up (round trips and bytes summed; the largest request or response of any); absent parts count nothing. */
export function sumCounted(parts: (Counted | null)[]): Counted {
  const all = parts.filter((p): p is Counted => p !== null);
  return {
    syncs: all.reduce((n, p) => n + p.syncs, 0),
    sent: all.reduce((n, p) => n + p.sent, 0),
    received: all.reduce((n, p) => n + p.received, 0),
    largest: Math.max(0, ...all.map((p) => p.largest)),
  };
}

/** What a Stap 2 edit is built from: the fresh read, as the pane's FreshState holds it. */
export interface Stap2Fresh {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  ctx: Stap2Context;
}

/**
 * One Stap 2 pane operation, as src/taskpane/session.ts (applyEdit) and the Stap 2 views run
 * it: `question` (the removal's read of the team's names and conditional formats before it
 * asks, FactorsEditor), the read the edit is built on (what the adapter knows brought up to
 * date; with the definitions when `definitions`), the edit and the engine's plan on top
 * (planWithEdit), one apply with that read as its basis (the cells it writes checked before
 * any write), and the read after it (`afterApply`). Each part counted on `book`; `write` is the apply alone.
 * Throws when the edit is refused or the apply meets a conflict (the scenario must not).
 */
export async function stap2Operation(
  book: FakeBook,
  port: OfficeWorkbook,
  build: (fresh: Stap2Fresh) => EditResult,
  options: { definitions?: boolean; question?: boolean } = {},
): Promise<{ question: Counted | null; read: Counted; write: Counted; after: Counted; applied: ApplyResult }> {
  const question = options.question ? await book.measure(() => port.readSnapshot({ definitions: true })) : null;
  const read = await book.measure(() => port.readSnapshot(options.definitions ? { definitions: true } : {}));
  const snapshot = read.result;
  const analysis = analyze(snapshot, { now: SCENARIO_NOW });
  const ctx = stap2Context(snapshot, analysis, readNotes(snapshot));
  if ('message' in ctx) throw new Error(ctx.message);
  const edit = build({ snapshot, analysis, ctx });
  if (!edit.ok) throw new Error(edit.message);
  const plan = planWithEdit(snapshot, edit.ops, { now: SCENARIO_NOW }).plan;
  const write = await book.measure(() => port.apply(plan, { basis: snapshot }));
  if (write.result.conflicts.length) throw new Error(`conflicts: ${JSON.stringify(write.result.conflicts)}`);
  const after = await book.measure(() => port.readSnapshot({ afterApply: true }));
  const counted = (m: Counted): Counted => ({ syncs: m.syncs, sent: m.sent, received: m.received, largest: m.largest });
  return { question: question && counted(question), read: counted(read), write: counted(write), after: counted(after), applied: write.result };
}

/** The koppelkans "select a koppelkans" puts on the werkblad and "deselect a koppelkans" takes off again. */
const OWN_KOPPELKANS = { opgave: 'Gezondheid', koppelkans: 'Beweegroute langs de school (eigen)' };

/**
 * The newer pane operations of Stap 2, in an order that leaves as many factors as it found
 * (so it runs at the werkblad's limit of 30 too): the last factor removed (the pane asks
 * first: `question`), a factor added before Totalen and renamed; a koppelkans selected into
 * the first free row and deselected; an own opgave added to the longlist and selected.
 * Shared by the office bench section and the adapter test of their round trips at size.
 */
export const STAP2_OPERATIONS: { name: string; question?: boolean; definitions?: boolean; build: (fresh: Stap2Fresh, port: OfficeWorkbook) => EditResult }[] = [
  {
    name: 'remove a factor',
    question: true,
    definitions: true,
    build: ({ ctx }, port) => removeFactorEdit(ctx.sheet, ctx.werkblad, ctx.werkblad.factors.length - 1, { shiftColumns: port.canShiftColumns }),
  },
  {
    name: 'add a factor',
    build: ({ ctx }, port) => addFactorEdit(ctx.sheet, ctx.werkblad, 'Nieuwe factor', 'Omdat het ertoe doet', 1, { shiftColumns: port.canShiftColumns }),
  },
  {
    name: 'rename a factor',
    build: ({ ctx, snapshot }) => renameFactorEdit(ctx.sheet, ctx.werkblad, ctx.werkblad.factors.length - 1, 'Andere factor', { snapshot, notes: ctx.notes }),
  },
  { name: 'select a koppelkans', build: ({ ctx }) => selectKoppelkansEdit(ctx, OWN_KOPPELKANS.opgave, OWN_KOPPELKANS.koppelkans) },
  {
    name: 'deselect a koppelkans',
    build: ({ ctx }) => {
      const row = ctx.werkblad.rows.find((r) => r.koppelkans === OWN_KOPPELKANS.koppelkans);
      if (!row) return { ok: false, message: 'the selected koppelkans is not on the werkblad' };
      return deselectKoppelkansEdit(ctx, row.row);
    },
  },
  { name: 'add an own opgave', build: ({ ctx, analysis }) => ownOpgaveEdit(ctx, analysis, 'Eigen opgave van de wijk', 'Door het team toegevoegd') },
];

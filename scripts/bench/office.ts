/**
 * Bench section: the Office.js adapter counted by the test double (tests/workbook/office/
 * fakeExcel.ts): round trips (context.sync calls) and bytes sent and received per pane
 * operation, at 1,000 × 12, 10,000 × 20 and 30,000 × 30. Bytes are the JSON of what is
 * written and of every loaded property, as the fake counts them; Excel on the web refuses
 * a request or response over 5 MB.
 */
import { columnLetter, parseRange } from '../../src/core/a1';
import { analyze } from '../../src/core/analyze';
import { FORMULA_STAMP, decodeStamp, parseStamp, stampGrid } from '../../src/core/formulaStamp';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { OfficeWorkbook } from '../../src/workbook/office';
import { setStampedFormulas, SnapshotCache, type CachedSheet } from '../../src/workbook/office/snapshotCache';
import { prepareWorkbook } from '../../src/workbook/operations';
import type { FakeBook } from '../../tests/workbook/office/fakeExcel';
import {
  koppelkansenFakeBook,
  typeOneScore,
  noWait,
  SCENARIO_NOW as NOW,
  STAP2_OPERATIONS,
  stap2Operation,
  sumCounted,
} from '../../tests/workbook/office/scenarios';
import { decimalBytes as bytes, median, ms, size, time, timeAsync } from './support/measure';
import type { BenchSection, BenchTable, BenchTarget } from './support/section';

const LIMIT = 5_000_000;

/**
 * The adapter as in Excel on the web, Windows and Mac today: every API set the adapter asks
 * about is there (merged areas, ExcelApi 1.13; getSpecialCells for the formula stamp, 1.9).
 */
const currentExcel = { ...noWait, isSetSupported: () => true };

interface Counted {
  syncs: number;
  sent: number;
  received: number;
  largest: number;
  refused: number;
  ms: number;
}

async function count(book: FakeBook, op: () => Promise<unknown>): Promise<Counted> {
  const refused0 = book.refusedResponses;
  const t = await timeAsync(() => book.measure(op));
  const m = t.value;
  return { syncs: m.syncs, sent: m.sent, received: m.received, largest: m.largest, refused: book.refusedResponses - refused0, ms: t.ms };
}

/**
 * What an add-in that reads and writes the werkblad row by row would need (one sync per
 * row and per other sheet): the comparison the issue asks for, as a model, not a measurement.
 */
function perRow(op: string, rows: number, sheets: number): number {
  switch (op) {
    case 'open the pane':
    case 'read for an edit':
    case 'check and recompute':
      return rows + sheets;
    case 'type one score':
      return 1 + rows + sheets;
    default: // prepare: read every row, write every row
      return 2 * rows + sheets;
  }
}

/** Median wall time (ms) of `runs` runs of `fn`, and its last value. */
function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = time(fn);
    times.push(t.ms);
    value = t.value;
  }
  return { ms: median(times), value };
}

/**
 * The formula stamp of the prepared workbook in `book` (Keuzelijsten!W1:W64 as the adapter
 * reads it): what a full read pays for it now (parseStamp: the hash and one JSON.parse,
 * no formula text), what building every formula costs (decodeStamp: what each full read
 * paid before, now paid only when the formulas are used), and working out which formula
 * cells a typed score reaches from the runs (stamped, unbuilt) and from the text.
 */
function stampRow(book: FakeBook, rows: number, factors: number): (string | number)[] {
  const lijsten = book.sheet(SHEET_NAMES.lijsten);
  const col = columnLetter(FORMULA_STAMP.column);
  const cells = Array.from({ length: FORMULA_STAMP.maxCells }, (_, i) => lijsten.cell(`${col}${i + 1}`)?.value ?? null);
  const parse = timed(5, () => parseStamp(cells));
  const parsed = parse.value;
  if (!parsed) return [size(rows, factors), 'no stamp found', '', '', '', '', '', ''];
  const build = timed(3, () => decodeStamp(cells));
  let formulaCells = 0;
  let characters = 0;
  for (const { formulas } of build.value?.values() ?? [])
    for (const line of formulas)
      for (const f of line)
        if (f) {
          formulaCells++;
          characters += f.length;
        }
  const typed = parseRange(`C${WERKBLAD.firstDataRow + Math.floor(rows / 2)}`);
  const grids = new Map([...parsed.sheets].map(([key, { runs }]) => [key, stampGrid(runs)]));
  const reach = (stamped: boolean) =>
    timed(3, () => {
      const cache = new SnapshotCache();
      cache.sheets = [...parsed.sheets].map(([key, { name, runs }]) => {
        const sheet: CachedSheet = { name, id: name, hidden: false, values: [], formulas: stamped ? [] : grids.get(key)!, usedAddress: '' };
        if (stamped) setStampedFormulas(sheet, runs);
        return sheet;
      });
      return cache.dependents(SHEET_NAMES.werkblad, typed).length;
    });
  return [
    size(rows, factors),
    parsed.text.length.toLocaleString('en-US'),
    formulaCells.toLocaleString('en-US'),
    characters.toLocaleString('en-US'),
    ms(parse.ms),
    ms(build.ms),
    ms(reach(true).ms),
    ms(reach(false).ms),
  ];
}

/**
 * The newer Stap 2 pane operations (tests/workbook/office/scenarios.ts STAP2_OPERATIONS) on
 * the prepared workbook in `book`, each as the pane runs it: the question's read (a removal),
 * the fresh read the edit is built on, the write (one apply) and the read after it.
 */
async function stap2AtSize(
  book: FakeBook,
  port: OfficeWorkbook,
  rows: number,
  factors: number,
  targets: BenchTarget[],
  writes: Map<string, number[]>,
  wholes: Map<string, number[]>,
) {
  const out: (string | number)[][] = [];
  let largest = 0;
  let widestRead = { syncs: 0, received: 0 };
  let formulasSent = 0;
  for (const op of STAP2_OPERATIONS) {
    const refused0 = book.refusedResponses;
    const m = await stap2Operation(book, port, (fresh) => op.build(fresh, port), op);
    const whole = sumCounted([m.question, m.read, m.write, m.after]);
    const refused = book.refusedResponses - refused0;
    largest = Math.max(largest, whole.largest);
    widestRead = { syncs: Math.max(widestRead.syncs, m.read.syncs), received: Math.max(widestRead.received, m.read.received) };
    if (op.name === 'add a factor' || op.name === 'remove a factor') formulasSent = Math.max(formulasSent, m.write.sent);
    writes.set(op.name, [...(writes.get(op.name) ?? []), m.write.syncs]);
    wholes.set(op.name, [...(wholes.get(op.name) ?? []), whole.syncs]);
    targets.push({
      figure: `Office.js: ${op.name} (the write), ${size(rows, factors)}`,
      value: `${m.write.syncs} round trips`,
      target: '≤ 3, not growing with rows',
      met: m.write.syncs <= 3 && writes.get(op.name)!.every((n) => n === m.write.syncs),
    });
    targets.push({
      figure: `Office.js: ${op.name} (the whole operation), ${size(rows, factors)}`,
      value: `${whole.syncs} round trips, ${bytes(whole.sent + whole.received)}`,
      target: 'not growing with rows',
      met: wholes.get(op.name)!.every((n) => n === whole.syncs),
    });
    out.push([
      size(rows, factors),
      op.name,
      m.question ? `${m.question.syncs} / ${bytes(m.question.received)}` : '',
      `${m.read.syncs} / ${bytes(m.read.received)}`,
      `${m.write.syncs} / ${bytes(m.write.sent + m.write.received)}`,
      `${m.after.syncs} / ${bytes(m.after.received)}`,
      whole.syncs,
      bytes(whole.sent),
      bytes(whole.received),
      bytes(whole.largest),
      whole.largest <= LIMIT && refused === 0 ? 'yes' : `NO (${refused} refused)`,
    ]);
  }
  targets.push({
    figure: `Office.js: Stap 2 operations, the read the edit is built on (the most of any), ${size(rows, factors)}`,
    value: `${widestRead.syncs} round trip(s), ${bytes(widestRead.received)}`,
    target: '1 round trip, < 20 KB (the walk, not every cell)',
    met: widestRead.syncs === 1 && widestRead.received < 20_000,
  });
  const copied = book.formulaWrites.some((w) => w.copied);
  targets.push({
    figure: `Office.js: adding or removing a factor, sent by the write, ${size(rows, factors)}`,
    value: `${bytes(formulasSent)}${copied ? ', Totalen copied by Excel' : ', no Range.copyFrom'}`,
    target: '< 1 MB, the Totalen formulas copied by Excel (Range.copyFrom), not sent one by one',
    met: formulasSent < 1_000_000 && copied,
  });
  targets.push({
    figure: `Office.js: Stap 2 operations, largest request or response, ${size(rows, factors)}`,
    value: bytes(largest),
    target: '≤ 5 MB, none refused',
    met: largest <= LIMIT,
  });
  return out;
}

async function atSize(
  rows: number,
  factors: number,
  targets: BenchTarget[],
  writes: Map<string, number[]>,
  wholes: Map<string, number[]>,
): Promise<{ lines: (string | number)[][]; stamp: (string | number)[]; stap2: (string | number)[][] }> {
  const book = await koppelkansenFakeBook(rows, factors, false);
  const sheets = book.sheets.length;
  const out: (string | number)[][] = [];
  let largest = 0;
  let refused = 0;
  const line = (op: string, c: Counted) => {
    const theirs = perRow(op, rows, sheets);
    largest = Math.max(largest, c.largest);
    refused += c.refused;
    if (op === 'type one score' && rows === 1000 && factors === 12) {
      targets.push({
        figure: 'Office.js: one typed score, 1,000 × 12',
        value: `${c.syncs} round trips, ${bytes(c.sent + c.received)}`,
        target: '≤ 2 round trips, ≤ 100 KB',
        met: c.syncs <= 2 && c.sent + c.received <= 100_000,
      });
    }
    targets.push({
      figure: `Office.js: ${op}, ${size(rows, factors)}: per-row add-in ÷ ours`,
      value: `${(theirs / Math.max(1, c.syncs)).toFixed(0)}× (${c.syncs} vs ${theirs} round trips)`,
      target: '(a ratio, no target)',
      met: null,
    });
    out.push([
      size(rows, factors),
      op,
      c.syncs,
      bytes(c.sent),
      bytes(c.received),
      bytes(c.largest),
      c.largest <= LIMIT && c.refused === 0 ? 'yes' : `NO (${c.refused} refused)`,
      theirs,
      `${(theirs / Math.max(1, c.syncs)).toFixed(0)}×`,
      ms(c.ms),
    ]);
  };
  // prepare from the raw rows first (totals, validations, Resultaat…), on a cold adapter,
  // with the read the pane does after it (src/taskpane/session.ts: afterApply)
  const cold = new OfficeWorkbook(book.run, currentExcel);
  line(
    'prepare',
    await count(book, async () => {
      await prepareWorkbook(cold, { now: NOW });
      await cold.readSnapshot({ afterApply: true });
    }),
  );
  // a new pane on the prepared workbook
  const port = new OfficeWorkbook(book.run, currentExcel);
  line('open the pane', await count(book, () => port.readSnapshot()));
  // the same operation on the same workbook as the unit test's bound (tests/workbook/office/scenarios.ts)
  line('type one score', await count(book, () => typeOneScore(book, port, rows)));
  line('read for an edit', await count(book, () => port.readSnapshot({ fresh: true })));
  line('check and recompute', await count(book, async () => analyze(await port.readSnapshot({ verifyFormulas: true }), { now: NOW })));
  line('prepare again', await count(book, () => prepareWorkbook(port, { now: NOW })));
  targets.push({
    figure: `Office.js: largest request or response, ${size(rows, factors)}`,
    value: `${bytes(largest)}${refused ? `, ${refused} refused` : ''}`,
    target: '≤ 5 MB, none refused',
    met: largest <= LIMIT && refused === 0,
  });
  const stamp = stampRow(book, rows, factors);
  const stap2 = await stap2AtSize(book, port, rows, factors, targets, writes, wholes);
  return { lines: out, stamp, stap2 };
}

export const section: BenchSection = {
  id: 'office',
  title: 'Office.js adapter, counted by the test double',
  order: 30,
  estimate: '~8 min',
  async run({ quick }): Promise<BenchTable[]> {
    const only = process.env.BENCH_OFFICE_SIZES?.split(',').map((s) => s.split('x').map(Number) as [number, number]);
    const sizes: [number, number][] =
      only ??
      (quick
        ? [[1000, 12]]
        : [
            [1000, 12],
            [10000, 20],
            [30000, 30],
          ]);
    const rows: (string | number)[][] = [];
    const stamps: (string | number)[][] = [];
    const stap2: (string | number)[][] = [];
    const targets: BenchTarget[] = [];
    const writes = new Map<string, number[]>();
    const wholes = new Map<string, number[]>();
    for (const [r, f] of sizes) {
      const { lines, stamp, stap2: ops } = await atSize(r, f, targets, writes, wholes);
      rows.push(...lines);
      stamps.push(stamp);
      stap2.push(...ops);
    }
    return [
      {
        title: 'round trips and bytes per operation',
        columns: ['size', 'operation', 'round trips', 'sent', 'received', 'largest request/response', '≤ 5 MB', 'per-row add-in', 'ratio', 'time in fake'],
        rows,
        targets,
        notes: [
          "type one score = apply + the read after it + the read for Excel's change event (as Excel before ExcelApi 1.14 raises it; newer Excel names the add-in's own change and the pane skips that read: one round trip less); target ≤ 2 round trips and ≤ 100 KB at 1,000 × 12",
          'the adapter runs as in current Excel (every API set it asks about supported); open the pane takes the formulas of the werkblad, Keuzelijsten, Resultaat … from the formula stamp the plan writes (src/core/formulaStamp.ts) where each sheet\'s formula cells match it; read for an edit = the fresh read a pane edit (an Omdat…, a weging, a checklist status) is built on: every value again, formulas from the stamp; check and recompute = "Opnieuw controleren", which reads every formula back',
          'prepare = first "Werkmap voorbereiden" on raw rows from a cold adapter, with the read after it; prepare again = on the prepared workbook (nothing to write)',
          "bytes in decimal units (1 KB = 1,000 B, 1 MB = 1,000,000 B), as the targets and Excel on the web's 5 MB limit are written",
          'per-row add-in: a model of one sync per werkblad row (and per other sheet) for each read or write of the rows',
          "time in fake = JavaScript time of the adapter and the fake on this machine, not Excel's",
        ],
      },
      {
        title: 'formula stamp (src/core/formulaStamp.ts) of the prepared workbook: what a read pays for it',
        columns: [
          'size',
          'stamp (characters)',
          'formulas described',
          'formula text (characters)',
          'check + parse (per full read)',
          'build every formula (decodeStamp)',
          'what a typed score reaches: from the runs',
          'from the text',
        ],
        rows: stamps,
        notes: [
          'check + parse = parseStamp: the hash over the stamp and one JSON.parse, no formula text; a full read pays this (and nothing when the stamp is unchanged since the last read)',
          "build every formula = decodeStamp: every formula's text, what each full read paid before; now a sheet's formulas are built only when something uses them (planning, the preview's grid), never for a read, a typed score or a check",
          "what a typed score reaches = SnapshotCache.dependents for one werkblad score on a cold index: from the stamp runs (formulaReach of each run's two ends) and from every formula's text",
          'median of 5 (parse) or 3 runs, on this machine',
        ],
      },
      {
        title: 'Stap 2 pane operations (round trips / bytes per part, then the whole operation)',
        columns: [
          'size',
          'operation',
          'question',
          'read for the edit',
          'write',
          'read after',
          'round trips',
          'sent',
          'received',
          'largest request/response',
          '≤ 5 MB',
        ],
        rows: stap2,
        textColumns: 2,
        notes: [
          "each as the pane runs it (src/taskpane/session.ts applyEdit; tests/workbook/office/scenarios.ts STAP2_OPERATIONS), on the prepared workbook after the operations above, in this order: the last factor removed (a column deleted; the pane first reads the team's names and conditional formats for its question), a factor added before Totalen (a column inserted) and renamed, a koppelkans selected into the first free row and deselected, an own opgave added to the longlist and selected",
          'question and read for the edit: round trips / bytes received; write = the one apply (round trips / bytes sent and received), target ≤ 3 round trips and the same at every size; read after = the re-read of what the write changed (0: it came back with the last write)',
          "the read for the edit is what the adapter knows brought up to date (the walk of the sheets, with the team's names for a removal), not every cell: the write is checked against it first (ApplyOptions.basis: the cells the plan writes are read, in the sync before the writes), so the whole operation takes the same round trips at every size (tests/workbook/office/stap2AtSize.test.ts)",
          'before session 27 the read for the edit read every cell again (a fresh read): 7–13 round trips at 1,000 × 12 and 11–21 (7.5–15 MB received) at 30,000 × 30 for the whole operation',
        ],
      },
    ];
  },
};

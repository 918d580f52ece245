import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { simulate } from '../../src/core/simulate';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import {
  adoptScore,
  anonymise,
  inDispute,
  median,
  rankSpread,
  readRondes,
  revealRonde,
  RONDES,
  scoreInRonde,
  startRonde,
  summarizeRonde,
} from '../../src/core/rondes';
import { SHEET_NAMES } from '../../src/core/layout';
import { createKoppelkansenWorkbook } from '../../src/workbook/operations';
import { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { workbook } from '../helpers/build';

const NOW = new Date('2026-11-30T10:00:00+01:00');

/** A Scorerondes sheet typed by hand: [soort, ronde, deelnemer, koppelkans, factor, score]. */
function withRounds(rows: CellValue[][]): WorkbookSnapshot {
  return workbook(
    {
      rows: [
        ['Groen', 'Geveltuinen', 1, 2, 3],
        ['Werk', 'Stageplekken voor wijkbewoners', 4, 5, 6],
      ],
    },
    [{ name: RONDES.sheet, values: [[RONDES.title], [], [], [...RONDES.headers], ...rows] }],
  );
}

test('median as Excel computes it: the middle value, the mean of the two middle ones, none for none', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNull();
});

test('median, spread and count per cell, with missing and invalid individual scores', () => {
  const s = readRondes(
    withRounds([
      ['ronde', 1, null, null, null, null],
      ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2],
      ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', 9],
      ['score', 1, 'Cor', 'Geveltuinen', 'Draagvlak', 'hoog'], // invalid: shown, not counted
      ['score', 1, 'Dirk', 'Geveltuinen', 'Draagvlak', 11], // out of range
      ['score', 1, 'Eva', 'Geveltuinen', 'Draagvlak', 2.5], // not whole
      ['score', 1, 'Fleur', 'Geveltuinen', 'Draagvlak', null], // withdrawn / missing
      ['score', 1, 'Ans', 'Geveltuinen', 'Politiek', 4],
      ['score', 1, 'Bram', 'Geveltuinen', 'Politiek', 5],
      ['score', 1, 'Cor', 'Geveltuinen', 'Politiek', 4],
      ['score', 2, 'Ans', 'Geveltuinen', 'Politiek', -10], // another round
      ['onzin', 1, 'Ans', 'Geveltuinen', 'Politiek', -10], // unknown kind: ignored
    ]),
  );
  const sum = summarizeRonde(s, 1);
  expect(sum.map((c) => [c.factor, c.count, c.median, c.lowest, c.highest, c.spread])).toEqual([
    ['Draagvlak', 2, 5.5, 2, 9, 7], // most disagreement first ("bespreek eerst")
    ['Politiek', 3, 4, 4, 5, 1],
  ]);
  expect(sum[0].invalid.map((i) => i.deelnemer)).toEqual(['Cor', 'Dirk', 'Eva']);
  expect(inDispute(sum).map((c) => c.factor)).toEqual(['Draagvlak']);
});

test("a participant's latest row counts, whatever case or spacing their name is typed in", () => {
  const s = readRondes(
    withRounds([
      ['ronde', 1, null, 'Geveltuinen', null, null],
      ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2],
      ['score', 1, ' ans ', 'geveltuinen', 'draagvlak', 7],
    ]),
  );
  const [c] = summarizeRonde(s, 1);
  expect(c.count).toBe(1);
  expect(c.median).toBe(7);
});

test('start, score, change, reveal: each participant writes only their own row', () => {
  let wb = withRounds([]);
  const start = startRonde(readRondes(wb), [], NOW);
  if (!start.ok) throw new Error(start.message);
  wb = simulate(wb, start.ops);
  let s = readRondes(wb);
  expect(s.rondes).toEqual([{ nummer: 1, scope: [{ koppelkans: '', factor: '' }], revealed: false }]);
  const r1 = s.rondes[0];
  for (const [who, v] of [
    ['Ans', 3],
    ['Bram', 8],
  ] as const) {
    const res = scoreInRonde(s, r1, who, 'Geveltuinen', 'Draagvlak', v, NOW);
    if (!res.ok) throw new Error(res.message);
    wb = simulate(wb, res.ops);
    s = readRondes(wb);
  }
  const change = scoreInRonde(s, s.rondes[0], 'Ans', 'Geveltuinen', 'Draagvlak', 5, NOW);
  expect(change.ok && change.ops[0].kind).toBe('updateRowByKey');
  wb = simulate(wb, change.ok ? change.ops : []);
  s = readRondes(wb);
  expect(summarizeRonde(s, 1)[0].scores).toEqual([
    { deelnemer: 'Ans', score: 5 },
    { deelnemer: 'Bram', score: 8 },
  ]);
  expect(scoreInRonde(s, s.rondes[0], '', 'Geveltuinen', 'Draagvlak', 5, NOW)).toMatchObject({ ok: false });
  expect(scoreInRonde(s, s.rondes[0], 'Ans', 'Geveltuinen', 'Draagvlak', 12, NOW)).toMatchObject({ ok: false });
  const rev = revealRonde(s, s.rondes[0], NOW);
  wb = simulate(wb, rev.ok ? rev.ops : []);
  expect(readRondes(wb).rondes[0].revealed).toBe(true);
});

test('a second round on the cells still in dispute only', () => {
  const s = readRondes(withRounds([['ronde', 1, null, null, null, null]]));
  const res = startRonde(s, [{ koppelkans: 'Geveltuinen', factor: 'Draagvlak' }], NOW);
  const wb = simulate(withRounds([['ronde', 1, null, null, null, null]]), res.ok ? res.ops : []);
  const r2 = readRondes(wb).rondes[1];
  expect(r2).toMatchObject({ nummer: 2, scope: [{ koppelkans: 'Geveltuinen', factor: 'Draagvlak' }] });
  expect(scoreInRonde(readRondes(wb), r2, 'Ans', 'Geveltuinen', 'Politiek', 3, NOW)).toMatchObject({ ok: false });
});

test('adopting a score writes the werkblad cell, a "vastgesteld" row and a note with spread, value and why', () => {
  const snap = withRounds([
    ['ronde', 1, null, null, null, null],
    ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2],
    ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', 9],
  ]);
  const s = readRondes(snap);
  const [cell] = summarizeRonde(s, 1);
  const a = analyze(snap);
  const res = adoptScore(s, a.werkblad!, 1, cell, 6, 'Draagvlak is er, maar de VvE twijfelt.', 'Notulist', NOW);
  if (!res.ok) throw new Error(res.message);
  const after = simulate({ ...snap, sheets: [...snap.sheets, { name: SHEET_NAMES.notulen, values: [] }] }, res.ops);
  expect(analyze(after).werkblad!.rows[0].scores[0]).toBe(6);
  expect(summarizeRonde(readRondes(after), 1)[0].adopted).toBe(6);
  const note = readNotes(after).notes[0];
  expect(note).toMatchObject({ koppelkans: 'Geveltuinen', factor: 'Draagvlak', kind: 'conclusie', step: 'Stap 3' });
  expect(note.text).toBe('Score vastgesteld in ronde 1: 6 (mediaan 5,5, spreiding 2 tot 9, 2 deelnemers). Waarom: Draagvlak is er, maar de VvE twijfelt.');
  expect(inDispute(summarizeRonde(readRondes(after), 1))).toEqual([]);
  expect(adoptScore(s, a.werkblad!, 1, cell, 11, '', 'N', NOW)).toMatchObject({ ok: false });
});

test('anonymised names are stable and do not reveal who is who', () => {
  const m = anonymise(['Bram', 'Ans', 'ans']);
  expect([...m.values()]).toEqual(['Deelnemer 1', 'Deelnemer 2']);
});

test('the koppelkansen whose rank changes most between participants are named', () => {
  const snap = withRounds([
    ['ronde', 1, null, null, null, null],
    ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 10],
    ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', -10],
  ]);
  const spread = rankSpread(analyze(snap).werkblad!, summarizeRonde(readRondes(snap), 1));
  expect(spread.map((r) => [r.koppelkans, r.best, r.worst])).toEqual([
    ['Geveltuinen', 1, 2], // Ans: 15, tied with Stageplekken at 1; Bram: −5, place 2
  ]);
});

describe('a changed own score rewrites its row only while the row still holds what was read (guarded write)', () => {
  async function scored() {
    const wb = new MemoryWorkbook();
    await createKoppelkansenWorkbook(wb, { now: NOW });
    const a = analyze(await wb.readSnapshot());
    const k = a.longlist.entries[0].koppelkans;
    const f = a.werkblad!.factors[0].name;
    const start = startRonde(readRondes(await wb.readSnapshot()), [], NOW);
    if (!start.ok) throw new Error(start.message);
    await wb.apply({ ops: start.ops });
    const s0 = readRondes(await wb.readSnapshot());
    const first = scoreInRonde(s0, s0.rondes[0], 'Ans', k, f, 3, NOW);
    if (!first.ok) throw new Error(first.message);
    await wb.apply({ ops: first.ops });
    const read = readRondes(await wb.readSnapshot());
    const row = read.rows.find((r) => r.soort === 'score')!.row;
    return { wb, k, f, read, row };
  }

  test('the update expects the row A..H as read', async () => {
    const { k, f, read, row } = await scored();
    const res = scoreInRonde(read, read.rondes[0], 'Ans', k, f, 5, NOW);
    if (!res.ok) throw new Error(res.message);
    expect(res.ops).toHaveLength(1);
    const op = res.ops[0];
    expect(op.kind).toBe('updateRowByKey');
    if (op.kind !== 'updateRowByKey') return;
    expect(op.expect).toEqual(read.rows.find((r) => r.row === row)!.cells);
    expect(op.expect).toHaveLength(RONDES.headers.length);
    expect(op.expect![5]).toBe(3);
  });

  test('unchanged since the read: the new score is written', async () => {
    const { wb, k, f, read, row } = await scored();
    const res = scoreInRonde(read, read.rondes[0], 'Ans', k, f, 5, NOW);
    if (!res.ok) throw new Error(res.message);
    const r = await wb.apply({ ops: res.ops });
    expect(r.conflicts).toEqual([]);
    expect(wb.getCell(RONDES.sheet, `F${row}`)).toBe(5);
  });

  test('the same name scored meanwhile elsewhere (another pane, a hand edit): nothing is overwritten, the conflict names the cell and both values', async () => {
    const { wb, k, f, read, row } = await scored();
    // after the read, before the write: the colleague's 6 lands in the row
    await wb.apply({ ops: [{ kind: 'setCells', sheet: RONDES.sheet, cell: `F${row}`, cells: [[{ number: 6 }]] }] });
    const res = scoreInRonde(read, read.rondes[0], 'Ans', k, f, 5, NOW);
    if (!res.ok) throw new Error(res.message);
    const r = await wb.apply({ ops: res.ops });
    expect(r.conflicts).toEqual([expect.objectContaining({ sheet: RONDES.sheet, cell: `F${row}`, expected: 3, actual: 6 })]);
    expect(wb.getCell(RONDES.sheet, `F${row}`)).toBe(6);
    expect(summarizeRonde(readRondes(await wb.readSnapshot()), 1).find((c) => c.koppelkans === k && c.factor === f)!.scores).toEqual([
      { deelnemer: 'Ans', score: 6 },
    ]);
  });

  test('a first score appends a row (nothing to guard) and leaves every other row alone', async () => {
    const { wb, k, f, read, row } = await scored();
    const res = scoreInRonde(read, read.rondes[0], 'Bram', k, f, -2, NOW);
    if (!res.ok) throw new Error(res.message);
    expect(res.ops.map((o) => o.kind)).toEqual(['appendRows']);
    await wb.apply({ ops: res.ops });
    expect(wb.getCell(RONDES.sheet, `F${row}`)).toBe(3);
    expect(wb.getCell(RONDES.sheet, `F${row + 1}`)).toBe(-2);
  });
});

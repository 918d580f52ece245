/**
 * The rules of the scoring rounds (src/core/rondes.ts) one by one: which rows of the
 * Scorerondes sheet count, which cells a round covers, what a participant may type, and
 * the order and dispute rule of the summary ("bespreek eerst"). Written against the
 * survivors of a StrykerJS run of rondes.ts (CONTRIBUTING.md, "Mutation testing").
 */
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { inDispute, inScope, readRondes, revealRonde, RONDES, scoreInRonde, startRonde, summarizeRonde, type CellSummary } from '../../src/core/rondes';

const NOW = new Date('2026-11-30T10:00:00+01:00');

/** A workbook with only a Scorerondes sheet; rows from row 5: [soort, ronde, deelnemer, koppelkans, factor, score]. */
const rounds = (rows: CellValue[][]): WorkbookSnapshot => ({
  sheets: [{ name: RONDES.sheet, values: [[RONDES.title], [], [], [...RONDES.headers], ...rows] }],
});

describe('readRondes', () => {
  it('skips rows of an unknown kind and rows without a round number of 1 or more; reads a number typed as text', () => {
    const state = readRondes(
      rounds([
        ['ronde', 1],
        ['score', '2', 'Ans', 'Daken', 'Draagvlak', 3],
        ['Score ', 1, 'Bram', 'Daken', 'Draagvlak', 4],
        ['score', 0, 'Cor', 'Daken', 'Draagvlak', 5],
        ['score', 1.5, 'Dirk', 'Daken', 'Draagvlak', 5],
        ['score', 'twee', 'Eva', 'Daken', 'Draagvlak', 5],
        ['score', null, 'Fleur', 'Daken', 'Draagvlak', 5],
        ['opmerking', 1, 'Gert', 'Daken', 'Draagvlak', 5],
      ]),
    );
    expect(state.rows.map((r) => [r.row, r.soort, r.ronde, r.deelnemer])).toEqual([
      [5, 'ronde', 1, ''],
      [6, 'score', 2, 'Ans'],
      [7, 'score', 1, 'Bram'],
    ]);
  });

  it('lists the rounds by number, each with the scope of its "ronde" rows only, revealed after an "onthuld" row', () => {
    const state = readRondes(
      rounds([
        ['ronde', 3, null, 'Daken', 'Draagvlak'],
        ['ronde', 1],
        ['score', 3, 'Ans', 'Tuinen', 'Politiek', 2],
        ['onthuld', 1],
        ['ronde', 2, null, 'Tuinen'],
      ]),
    );
    expect(state.rondes).toEqual([
      { nummer: 1, scope: [{ koppelkans: '', factor: '' }], revealed: true },
      { nummer: 2, scope: [{ koppelkans: 'Tuinen', factor: '' }], revealed: false },
      { nummer: 3, scope: [{ koppelkans: 'Daken', factor: 'Draagvlak' }], revealed: false },
    ]);
    expect(readRondes({ sheets: [] })).toEqual({ sheet: null, rows: [], rondes: [] });
  });
});

describe('inScope: an empty koppelkans or factor in the scope means every one', () => {
  const ronde = (scope: { koppelkans: string; factor: string }[]) => ({ nummer: 1, scope, revealed: false });

  it('a named cell matches by the name rule (case, spaces), and only that cell', () => {
    const r = ronde([{ koppelkans: 'Daken', factor: 'Draagvlak' }]);
    expect(inScope(r, ' daken ', 'DRAAGVLAK')).toBe(true);
    expect(inScope(r, 'Daken', 'Politiek')).toBe(false);
    expect(inScope(r, 'Tuinen', 'Draagvlak')).toBe(false);
  });

  it('every factor of a koppelkans, every koppelkans for a factor, or everything; any of several scope rows', () => {
    expect(inScope(ronde([{ koppelkans: 'Daken', factor: '' }]), 'Daken', 'Politiek')).toBe(true);
    expect(inScope(ronde([{ koppelkans: 'Daken', factor: '' }]), 'Tuinen', 'Politiek')).toBe(false);
    expect(inScope(ronde([{ koppelkans: '', factor: 'Politiek' }]), 'Tuinen', 'Politiek')).toBe(true);
    expect(inScope(ronde([{ koppelkans: '', factor: 'Politiek' }]), 'Tuinen', 'Draagvlak')).toBe(false);
    expect(inScope(ronde([{ koppelkans: '', factor: '' }]), 'Tuinen', 'Draagvlak')).toBe(true);
    const two = ronde([
      { koppelkans: 'Daken', factor: 'Draagvlak' },
      { koppelkans: 'Tuinen', factor: 'Politiek' },
    ]);
    expect(inScope(two, 'Tuinen', 'Politiek')).toBe(true);
    expect(inScope(ronde([]), 'Tuinen', 'Politiek')).toBe(false);
  });
});

describe('starting, scoring and revealing', () => {
  const state = readRondes(
    rounds([
      ['ronde', 1],
      ['ronde', 2, null, 'Daken', 'Draagvlak'],
      ['onthuld', 2],
    ]),
  );

  it('a round number in use is refused; without a number the next free one is taken', () => {
    expect(startRonde(state, [], NOW, 2)).toEqual({ ok: false, message: 'Ronde 2 bestaat al.' });
    expect(startRonde(state, [], NOW)).toMatchObject({ ok: true, nummer: 3 });
    expect(startRonde(state, [], NOW, 7)).toMatchObject({ ok: true, nummer: 7 });
  });

  it('a score needs a name (spaces are no name), a cell of the round and a whole number from -10 to 10', () => {
    const [one, two] = state.rondes;
    expect(scoreInRonde(state, one, '  ', 'Daken', 'Draagvlak', 3, NOW)).toEqual({
      ok: false,
      message: 'Vul eerst je naam in; je scores staan onder je naam.',
    });
    expect(scoreInRonde(state, two, 'Ans', 'Tuinen', 'Draagvlak', 3, NOW)).toEqual({ ok: false, message: '"Tuinen" (Draagvlak) hoort niet bij ronde 2.' });
    for (const bad of [11, -11, 2.5]) {
      expect(scoreInRonde(state, one, 'Ans', 'Daken', 'Draagvlak', bad, NOW)).toEqual({
        ok: false,
        message: 'Een score is een heel getal van -10 tot en met 10.',
      });
    }
    for (const good of [-10, 0, 10, null]) expect(scoreInRonde(state, one, 'Ans', 'Daken', 'Draagvlak', good, NOW).ok).toBe(true);
  });

  it('the name is written trimmed, in the row and in its key', () => {
    const res = scoreInRonde(state, state.rondes[0], '  Ans ', 'Daken', 'Draagvlak', 3, NOW);
    const append = res.ok ? res.ops.find((op) => op.kind === 'appendRows') : undefined;
    expect(JSON.stringify(append)).toContain('"Ans"');
    expect(JSON.stringify(append)).toContain('1|ans|daken|draagvlak');
    expect(JSON.stringify(append)).not.toContain('  Ans ');
  });

  it('revealing a revealed round writes nothing; revealing another appends its "onthuld" row', () => {
    expect(revealRonde(state, state.rondes[1], NOW)).toEqual({ ok: true, ops: [] });
    const res = revealRonde(state, state.rondes[0], NOW);
    expect(res.ok && res.ops.length).toBeGreaterThan(0);
    expect(JSON.stringify(res)).toContain('"onthuld"');
  });
});

describe('summarizeRonde and inDispute', () => {
  const summary = (rows: CellValue[][]): CellSummary[] => summarizeRonde(readRondes(rounds(rows)), 1);

  it('most disagreement first, then most scores, then the order the cells first appear', () => {
    const s = summary([
      ['score', 1, 'Ans', 'A', 'f', 1],
      ['score', 1, 'Ans', 'B', 'f', 1],
      ['score', 1, 'Bram', 'B', 'f', 1],
      ['score', 1, 'Ans', 'C', 'f', 0],
      ['score', 1, 'Bram', 'C', 'f', 5],
      ['score', 1, 'Ans', 'D', 'f', 2],
      ['score', 1, 'Ans', 'E', 'f', 0],
      ['score', 1, 'Bram', 'E', 'f', 2],
      ['score', 1, 'Cor', 'E', 'f', 0],
    ]);
    expect(s.map((c) => [c.koppelkans, c.spread, c.count])).toEqual([
      ['C', 5, 2],
      ['E', 2, 3],
      ['B', 0, 2],
      ['A', 0, 1],
      ['D', 0, 1],
    ]);
  });

  it("scores sorted by name; a participant's last row counts; rows of other rounds, without cell or name, do not", () => {
    const [cell] = summary([
      ['score', 1, 'bram', 'A', 'f', 7],
      ['score', 1, 'Ans', 'A', 'f', 1],
      ['score', 1, 'Bram ', 'A', 'f', 3],
      ['score', 2, 'Cor', 'A', 'f', 9],
      ['score', 1, 'Dirk', 'A', null, 9],
      ['score', 1, null, 'A', 'f', 9],
      ['ronde', 1, 'Eva', 'A', 'f', 9],
    ]);
    expect(cell.scores).toEqual([
      { deelnemer: 'Ans', score: 1 },
      { deelnemer: 'Bram', score: 3 },
    ]);
    expect([cell.lowest, cell.highest, cell.spread, cell.median]).toEqual([1, 3, 2, 2]);
  });

  it('a cell without valid scores has spread 0 and no median; an adopted ("vastgesteld") score is kept', () => {
    const s = summary([
      ['score', 1, 'Ans', 'A', 'f', 'hoog'],
      ['score', 1, 'Ans', 'B', 'f', 1],
      ['score', 1, 'Bram', 'B', 'f', 9],
      ['vastgesteld', 1, null, 'B', 'f', 6],
      ['vastgesteld', 1, null, 'A', 'f', 'x'],
    ]);
    expect(s.map((c) => [c.koppelkans, c.spread, c.median, c.adopted])).toEqual([
      ['B', 8, 5, 6],
      ['A', 0, null, null],
    ]);
  });

  it('in dispute: not adopted, at least two scores, spread of 4 or more (4 counts)', () => {
    const s = summary([
      ['score', 1, 'Ans', 'Vier', 'f', 0],
      ['score', 1, 'Bram', 'Vier', 'f', 4],
      ['score', 1, 'Ans', 'Drie', 'f', 0],
      ['score', 1, 'Bram', 'Drie', 'f', 3],
      ['score', 1, 'Ans', 'Alleen', 'f', -10],
      ['score', 1, 'Ans', 'Vast', 'f', -10],
      ['score', 1, 'Bram', 'Vast', 'f', 10],
      ['vastgesteld', 1, null, 'Vast', 'f', 0],
    ]);
    expect(inDispute(s).map((c) => c.koppelkans)).toEqual(['Vier']);
    expect(inDispute(s, 3).map((c) => c.koppelkans)).toEqual(['Vier', 'Drie']);
  });
});

import { analyze } from '../../src/core/analyze';
import {
  draftKey,
  formatNumber,
  fullyScored,
  koppelkansId,
  liveScore,
  orphanDrafts,
  parseScoreDrafts,
  rowOfKoppelkans,
  scorableRows,
  storedScoreTexts,
  type ScoreDraft,
} from '../../src/taskpane/logic/scoring';
import { workbook } from '../helpers/build';

const wb = (weights?: (number | string)[], rows: (string | number | null)[][] = []) =>
  analyze(workbook({ factors: ['Draagvlak', 'Politiek', 'Doorbraak'], weights, rows })).werkblad!;

describe('liveScore', () => {
  it('weights the typed scores like the workbook does', () => {
    const w = wb([2, 1, 0.5]);
    expect(liveScore(w, ['3', '-2', '4'])).toMatchObject({ total: 2 * 3 - 2 + 2, scored: 3, factors: 3, invalid: [] });
  });
  it('leaves out empty and invalid inputs and reports which are invalid', () => {
    const w = wb([1, 1, 1]);
    const live = liveScore(w, ['5', '', '11']);
    expect(live.total).toBe(5);
    expect(live.scored).toBe(1);
    expect(live.invalid).toEqual([2]);
  });
  it('has no total when nothing is scored', () => {
    expect(liveScore(wb(), ['', ' ', '']).total).toBeNull();
  });
  it('has no total when a scored factor has an invalid weight', () => {
    const live = liveScore(wb([1, 'x', 1]), ['1', '2', '']);
    expect(live.weightProblem).toBe(true);
    expect(live.total).toBeNull();
  });
  it('accepts the typographic minus sign', () => {
    expect(liveScore(wb(), ['\u22123', '', '']).total).toBe(-3);
  });
});

describe('scorableRows and fullyScored', () => {
  it('lists only rows with a koppelkans and counts the completely scored ones', () => {
    const w = wb(undefined, [
      ['Groen', 'Geveltuinen', 1, 2, 3],
      ['Groen', 'Groene daken op transformatorhuisjes', 1, null, null],
      [null, null, 4, 4, 4],
    ]);
    const rows = scorableRows(w);
    expect(rows.map((r) => r.koppelkans)).toEqual(['Geveltuinen', 'Groene daken op transformatorhuisjes']);
    expect(fullyScored(rows)).toBe(1);
    expect(scorableRows(null)).toEqual([]);
  });
});

describe('storedScoreTexts', () => {
  it('shows what the score cells hold, including invalid content', () => {
    const snap = workbook({ rows: [['Groen', 'Geveltuinen', 3, 'veel', null]] });
    const w = analyze(snap).werkblad!;
    expect(storedScoreTexts(snap.sheets[0], w, 6)).toEqual(['3', 'veel', '']);
  });
});

describe('formatNumber', () => {
  it('writes Dutch decimals and a real minus sign', () => {
    expect(formatNumber(1.5)).toBe('1,5');
    expect(formatNumber(-2)).toBe('−2');
    expect(formatNumber(1 / 3)).toBe('0,33');
  });
});

describe('score drafts belong to a koppelkans by identity, not by row', () => {
  const w = wb(
    [1, 1, 1],
    [
      ['Groen', 'Geveltuinen', null, null, null],
      ['Werk', 'Stageplekken', null, null, null],
      ['Groen', 'Stageplekken', null, null, null],
    ],
  );
  const draft = (opgave: string, koppelkans: string, factor: string, text = '7,5'): ScoreDraft => ({ opgave, koppelkans, factor, text, base: null });

  it('keys follow the engine’s name rule: case and spaces do not count, the opgave does', () => {
    expect(draftKey(' groen ', 'GEVEL\u00a0 tuinen', 'draagvlak')).toBe(draftKey('Groen', 'Gevel tuinen', 'Draagvlak'));
    expect(koppelkansId('Werk', 'Stageplekken')).not.toBe(koppelkansId('Groen', 'Stageplekken'));
    expect(draftKey('Groen', 'Geveltuinen', 'Politiek')).not.toBe(draftKey('Groen', 'Geveltuinen', 'Draagvlak'));
  });

  it('finds the row of a koppelkans as the sheet is now, under its own opgave', () => {
    const rows = scorableRows(w);
    expect(rowOfKoppelkans(rows, 'groen', 'stageplekken')?.row).toBe(rows[2].row);
    expect(rowOfKoppelkans(rows, 'Werk', 'Stageplekken')?.row).toBe(rows[1].row);
    expect(rowOfKoppelkans(rows, 'Werk', 'Geveltuinen')).toBeUndefined();
  });

  it('a draft whose koppelkans or factor is gone is an orphan; one still placed is not', () => {
    const drafts = Object.fromEntries(
      [draft('Groen', 'Geveltuinen', 'Draagvlak'), draft('Groen', 'Weg', 'Draagvlak'), draft('Werk', 'Stageplekken', 'Hernoemd')].map((d) => [
        draftKey(d.opgave, d.koppelkans, d.factor),
        d,
      ]),
    );
    expect(orphanDrafts(drafts, w).map((d) => `${d.koppelkans}/${d.factor}`)).toEqual(['Weg/Draagvlak', 'Stageplekken/Hernoemd']);
  });

  it('stored drafts of an older shape, keyed by row number, are ignored; well-formed ones are re-keyed', () => {
    expect(parseScoreDrafts({ '7:0': '7,5', '8:1': '11' })).toEqual({});
    expect(parseScoreDrafts(null)).toEqual({});
    expect(parseScoreDrafts('onzin')).toEqual({});
    expect(parseScoreDrafts([draft('Groen', 'Geveltuinen', 'Draagvlak')])).toEqual({});
    const d = { ...draft('Groen', 'Geveltuinen', 'Draagvlak'), base: 4 };
    const odd = { ...draft('Werk', 'Stageplekken', 'Draagvlak'), base: { x: 1 } };
    expect(parseScoreDrafts({ whatever: d, leeg: draft('Groen', '', 'Draagvlak'), odd })).toEqual({
      [draftKey('Groen', 'Geveltuinen', 'Draagvlak')]: d,
      [draftKey('Werk', 'Stageplekken', 'Draagvlak')]: { ...odd, base: null }, // a base that is no cell value: the write then expects an empty cell (refused, never overwriting, when it holds a score)
    });
  });
});

import { tieSizes } from '../../src/core/ranking';
import { itemsFromEntries, itemStatuses, moveItem, sameItems, type PrioItem } from '../../src/taskpane/logic/reorder';
import { autoRankByName, type PrioEntry } from '../../src/core/prioritering';
import type { RankEntry } from '../../src/core/ranking';

const item = (koppelkans: string, omdat = ''): PrioItem => ({ id: koppelkans, koppelkans, omdat, verantwoordelijke: '' });
const rank = (koppelkans: string, r: number, row: number): RankEntry => ({ rank: r, row, opgave: 'O', koppelkans, total: 10 - r, scored: 1, factors: 1 });

describe('moveItem', () => {
  it('moves an entry up and down without losing or duplicating entries', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
  });
  it('clamps a move past either end and ignores an unknown index', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -5)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 99)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 7, 0)).toEqual(['a', 'b']);
  });
  it('does not change the list it was given', () => {
    const list = ['a', 'b', 'c'];
    moveItem(list, 0, 2);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('itemsFromEntries', () => {
  it('orders by the team’s Prioriteit number, then by row', () => {
    const e = (row: number, place: number, koppelkans: string): PrioEntry => ({
      row,
      place,
      koppelkans,
      omdat: '',
      verantwoordelijke: '',
      autoRank: null,
      deviates: false,
      needsReason: false,
    });
    const items = itemsFromEntries([e(5, 2, 'b'), e(6, 1, 'a'), e(7, 2, 'c')]);
    expect(items.map((i) => i.koppelkans)).toEqual(['a', 'b', 'c']);
    expect(new Set(items.map((i) => i.id)).size).toBe(3);
  });
});

describe('itemStatuses', () => {
  const ranks = autoRankByName([rank('A', 1, 6), rank('B', 2, 7), rank('C', 2, 8)]);
  it('flags an entry away from its automatic rank only when it has no reason', () => {
    // a swap: one of the two moved (the one pulled up is marked)
    const st = itemStatuses([item('B'), item('A', 'omdat het kan')], ranks);
    expect(st[0]).toEqual({ place: 1, autoRank: 2, deviates: true, needsReason: true });
    expect(st[1]).toEqual({ place: 2, autoRank: 1, deviates: false, needsReason: false });
    const withReason = itemStatuses([item('B', 'omdat het kan'), item('A')], ranks);
    expect(withReason.map((x) => [x.deviates, x.needsReason])).toEqual([
      [true, false],
      [false, false],
    ]);
  });
  it('does not flag an entry at its own rank or one without an automatic rank', () => {
    const st = itemStatuses([item('A'), item('B'), item('Onbekend')], ranks);
    expect(st.map((s) => s.needsReason)).toEqual([false, false, false]);
    expect(st[2].autoRank).toBeNull();
  });
  it('matches koppelkansen without case or surrounding spaces', () => {
    expect(itemStatuses([item('  a ')], ranks)[0].autoRank).toBe(1);
  });
  it('lets koppelkansen that share a rank take any of its places, in either order', () => {
    const ranking = [rank('A', 1, 6), rank('B', 2, 7), rank('C', 2, 8)];
    const ties = tieSizes(ranking);
    expect(itemStatuses([item('A'), item('C'), item('B')], ranks, ties).map((s) => s.deviates)).toEqual([false, false, false]);
    expect(itemStatuses([item('B'), item('A'), item('C')], ranks, ties).map((s) => s.needsReason)).toEqual([true, false, false]);
    // A left out of the list: B and C keep the automatic order
    expect(itemStatuses([item('C'), item('B')], ranks, ties).map((s) => s.needsReason)).toEqual([false, false]);
  });
  it('treats a reason of only spaces as no reason', () => {
    expect(itemStatuses([item('B', '   '), item('A')], ranks)[0].needsReason).toBe(true);
  });
});

describe('sameItems', () => {
  it('sees a changed order, text or length', () => {
    const a = [item('A'), item('B')];
    expect(sameItems(a, [item('A'), item('B')])).toBe(true);
    expect(sameItems(a, [item('B'), item('A')])).toBe(false);
    expect(sameItems(a, [item('A'), item('B', 'x')])).toBe(false);
    expect(sameItems(a, [item('A')])).toBe(false);
  });
});

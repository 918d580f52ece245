import { trackFactors, type TrackedFactor } from '../../src/taskpane/stappen/factorTracking';

const start = (names: string[]): TrackedFactor[] => names.map((name, i) => ({ id: i + 1, name }));
const counter = (from: number) => {
  let n = from;
  return () => n++;
};

describe('trackFactors keeps a factor its id across reads', () => {
  const prev = start(['Draagvlak', 'Betaalbaarheid', 'Planning']);

  it('same names, other order or case: same ids', () => {
    const r = trackFactors(prev, ['planning', 'Draagvlak', 'Betaalbaarheid'], counter(10));
    expect(r.tracked.map((t) => t.id)).toEqual([3, 1, 2]);
    expect(r.removed).toEqual([]);
  });

  it('a factor inserted before: the others keep their ids, the new one gets a fresh id', () => {
    const r = trackFactors(prev, ['Nieuw', 'Draagvlak', 'Betaalbaarheid', 'Planning'], counter(10));
    expect(r.tracked.map((t) => t.id)).toEqual([10, 1, 2, 3]);
  });

  it('a rename between the same neighbours keeps the id', () => {
    const r = trackFactors(prev, ['Draagvlak', 'Kosten voor bewoners', 'Planning'], counter(10));
    expect(r.tracked.map((t) => t.id)).toEqual([1, 2, 3]);
    expect(r.removed).toEqual([]);
  });

  it('one factor removed here and another added elsewhere: not taken for a rename', () => {
    const r = trackFactors(prev, ['Draagvlak', 'Planning', 'Nieuw'], counter(10));
    expect(r.tracked.map((t) => t.id)).toEqual([1, 3, 10]);
    expect(r.removed).toEqual([{ id: 2, name: 'Betaalbaarheid' }]);
  });

  it('first read: every factor gets a fresh id', () => {
    const r = trackFactors([], ['A', 'B'], counter(1));
    expect(r.tracked).toEqual([
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
    ]);
  });
});

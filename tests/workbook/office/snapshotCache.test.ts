/**
 * What the Office adapter reads again after a change (src/workbook/office/snapshotCache.ts):
 * the references a formula's text names, and the formula cells that may change with a cell.
 */
import { parseRange } from '../../../src/core/a1';
import { formulaReach, SnapshotCache, type CachedSheet } from '../../../src/workbook/office/snapshotCache';

const at = (a1: string) => parseRange(a1);

describe('formulaReach: where a formula reads, from its text', () => {
  test('cells, ranges, whole columns and rows, on the own sheet or a named one; a range is one reference', () => {
    const r = formulaReach("=SUM(C6:N6)+'Blad met spatie'!$A$1:$B$3+Lijst!A:A+ROUND(X5,2)+SUM(2:3)+SUM($B$6:B10)");
    expect(r.anywhere).toBe(false);
    expect(r.refs).toEqual([
      { sheet: null, pos: parseRange('C6:N6') },
      { sheet: 'blad met spatie', pos: parseRange('A1:B3') },
      { sheet: 'lijst', pos: { start: { row: 1, column: 1 }, end: { row: 1_048_576, column: 1 } } },
      { sheet: null, pos: at('X5') },
      { sheet: null, pos: { start: { row: 2, column: 1 }, end: { row: 3, column: 16_384 } } },
      { sheet: null, pos: parseRange('B6:B10') },
    ]);
  });

  test('text in string literals, error values, numbers and TRUE/FALSE are no references', () => {
    const r = formulaReach('=IF(A1="Blad!B2 of Naam",1E+5,#N/A)&IFERROR(#REF!,TRUE)&"\'x\'!C3"');
    expect(r).toEqual({ refs: [{ sheet: null, pos: at('A1') }], anywhere: false });
  });

  test('functions are no names; a sheet named like a function is still a sheet', () => {
    expect(formulaReach('=_xlfn.XLOOKUP(A1,SUM!B:B,LOG10(C2))').anywhere).toBe(false);
    expect(formulaReach('=SUM!B2').refs).toEqual([{ sheet: 'sum', pos: at('B2') }]);
  });

  test.each([
    ['a defined name', '=Wegingen*2'],
    ['a LET variable (looks like a name)', '=LET(x,1,x+1)'],
    ['a structured reference', '=SUM(Tabel1[Score])'],
    ['INDIRECT', '=INDIRECT("Blad2!A1")'],
    ['another workbook', "='[Begroting.xlsx]Blad1'!A1"],
    ['a 3-D reference', '=SUM(Blad1:Blad3!A1)'],
  ])('%s may read any sheet', (_what, formula) => {
    expect(formulaReach(formula).anywhere).toBe(true);
  });

  test('OFFSET reads past the cells it names: its references span their sheet', () => {
    const r = formulaReach('=OFFSET(Lijst!A1,5,0)');
    expect(r.refs).toEqual([{ sheet: 'lijst', pos: { start: { row: 1, column: 1 }, end: { row: 1_048_576, column: 16_384 } } }]);
  });
});

function sheet(name: string, formulas: Record<string, string>): CachedSheet {
  const values: (string | number | null)[][] = [];
  const grid: (string | null)[][] = [];
  for (const [a1, f] of Object.entries(formulas)) {
    const { start } = parseRange(a1);
    while (grid.length < start.row) grid.push([]);
    while (values.length < start.row) values.push([]);
    grid[start.row - 1][start.column - 1] = f;
    values[start.row - 1][start.column - 1] = 0;
  }
  return { name, id: name, hidden: false, values, formulas: grid, usedAddress: '' };
}

function dirty(cache: SnapshotCache, name: string): string[] {
  const d = cache.dirtOf(name);
  if (!d) return [];
  if (d.whole) return ['whole'];
  return d.ranges.map((r) => `${r.pos.start.column},${r.pos.start.row}:${r.pos.end.column},${r.pos.end.row}${r.formulas ? ' +formulas' : ''}`);
}

describe('SnapshotCache: a change marks the formula cells that read it, to the end of the chain', () => {
  const build = () => {
    const cache = new SnapshotCache();
    cache.sheets = [
      // totals per row read the row's scores; a name list reads only column B
      sheet('Werk', { D2: '=SUM(B2:C2)', D3: '=SUM(B3:C3)', E2: '=LOWER(A2)', E3: '=LOWER(A3)' }),
      // a ranking reads the totals; a summary reads the ranking (two sheets away from the scores)
      sheet('Rang', { A1: '=MAX(Werk!D2:D3)' }),
      sheet('Samen', { A1: '=Rang!A1*2' }),
      // a list built from the names only
      sheet('Lijst', { A1: "=INDEX('Werk'!E2:E3,1)" }),
      // reads a defined name: could be anything
      sheet('Naam', { A1: '=Wegingen' }),
      sheet('Los', { A1: '=1+1' }),
    ];
    return cache;
  };

  test('a score: its row total, what reads totals, what reads that; not the name list or unrelated sheets', () => {
    const cache = build();
    cache.markChanged('Werk', at('B2'));
    expect(dirty(cache, 'Werk')).toEqual(['2,2:2,2 +formulas', '4,2:4,3']);
    expect(dirty(cache, 'Rang')).toEqual(['1,1:1,1']);
    expect(dirty(cache, 'Samen')).toEqual(['1,1:1,1']);
    expect(dirty(cache, 'Lijst')).toEqual([]);
    expect(dirty(cache, 'Naam')).toEqual(['1,1:1,1']);
    expect(dirty(cache, 'Los')).toEqual([]);
  });

  test('a name: the name column and the list built from it, not the totals', () => {
    const cache = build();
    cache.markChanged('Werk', at('A3'));
    expect(dirty(cache, 'Werk')).toEqual(['1,3:1,3 +formulas', '5,2:5,3']);
    expect(dirty(cache, 'Lijst')).toEqual(['1,1:1,1']);
    expect(dirty(cache, 'Rang')).toEqual([]);
  });

  test('a whole sheet changed (rows inserted, sorted): everything that reads it', () => {
    const cache = build();
    cache.markChanged('Werk');
    expect(dirty(cache, 'Werk')).toEqual(['whole']);
    for (const s of ['Rang', 'Samen', 'Lijst', 'Naam']) expect(dirty(cache, s)).toEqual(['1,1:1,1']);
    expect(dirty(cache, 'Los')).toEqual([]);
  });
});

/**
 * The Keuzelijsten formulas' recalculation cost, by their shape (no timing: the figures
 * are in `npm run bench -- formulas`). Regression (issues 9 and 10): every longlist row
 * looked its key up with an exact-match MATCH over the whole longlist (column E), every
 * row with a koppelkans scanned to the next row of its opgave (H), every opgave scanned
 * for its first koppelkans (M) and every werkblad row scanned the opgaven (S): with
 * opgaven growing with the longlist, (distinct opgaven) × rows cells per recalculation,
 * exponent 1.7 in LibreOffice between 1,000 and 10,000 rows.
 */
import { columnLetter } from '../../src/core/a1';
import { koppelkansListSource, LIJST_COLUMNS, lijstenFormulas, lijstenOrder, lijstenValues, type LijstenGeometry } from '../../src/core/keuzelijsten';
import type { CellValue } from '../../src/core/snapshot';

const g: LijstenGeometry = {
  longlistSheet: 'Longlist',
  opgaveColumn: 1,
  koppelkansColumn: 2,
  firstRow: 2,
  rows: 40,
  werkbladSheet: 'Werkblad',
  lijstenSheet: 'Keuzelijsten',
  werkbladFirstRow: 6,
  werkbladLastRow: 30,
};
const C = LIJST_COLUMNS;

/** The exact-match lookups in a formula: MATCH(…,0) (a scan of its range) and COUNTIF (a scan whatever its criteria). */
function scans(f: string): number {
  let n = (f.match(/COUNTIF\(/g) ?? []).length;
  // MATCH's last argument: the text between the MATCH's own closing parenthesis and its last top-level comma
  for (let at = f.indexOf('MATCH('); at >= 0; at = f.indexOf('MATCH(', at + 1)) {
    let depth = 0;
    let inString = false;
    let lastComma = -1;
    for (let i = at + 'MATCH'.length; i < f.length; i++) {
      const ch = f[i];
      if (ch === '"') inString = !inString;
      if (inString) continue;
      if (ch === '(') depth++;
      else if (ch === ',' && depth === 1) lastComma = i;
      else if (ch === ')' && --depth === 0) {
        if (f.slice(lastComma + 1, i).trim() === '0') n++;
        break;
      }
    }
  }
  return n;
}

describe('Keuzelijsten formulas do not scan the longlist once per row (regression: quadratic recalculation)', () => {
  const formulas = [...lijstenFormulas(g).entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
  const byColumn = new Map<number, string[]>();
  for (const [at, f] of formulas) {
    const c = Number(at.split(',')[1]);
    byColumn.set(c, [...(byColumn.get(c) ?? []), f]);
  }

  it('the scan counter sees exact-match MATCHes and COUNTIFs, not binary searches', () => {
    expect(scans('=MATCH(A1,B:B,0)')).toBe(1);
    expect(scans('=IFERROR(MATCH(SUBSTITUTE(A1,"~","~~"),$B$2:$B$9,0)+3,"")')).toBe(1);
    expect(scans('=INDEX(B:B,MATCH(3,$C$1:$C$9,1))')).toBe(0);
    expect(scans('=MATCH(INDEX(C:C,MATCH(A1,D:D,0)),$C$1:$C$9,1)')).toBe(1);
    expect(scans('=COUNTIF(R:R,"<"&S1)')).toBe(1);
  });

  it('only the per-run columns scan: the first run of each key (U) and the next run of its opgave (Y), one scan each', () => {
    const scanning = [...byColumn].filter(([, fs]) => fs.some((f) => scans(f) > 0)).map(([c]) => columnLetter(c));
    expect(scanning.sort()).toEqual([columnLetter(C.runFirst), columnLetter(C.runNext)].sort());
    for (const c of [C.runFirst, C.runNext]) expect(Math.max(...byColumn.get(c)!.map(scans))).toBe(1);
  });

  it('every per-run scan is guarded: rows past the last run do not scan', () => {
    for (const f of byColumn.get(C.runFirst)!) expect(f).toMatch(/^=IF\(T\d+="","",/);
    for (const f of byColumn.get(C.runNext)!) expect(f).toMatch(/^=IF\(OR\(U\d+="",\d+>=\$I\$\d+\),"",/);
  });

  it('the werkblad rows’ helpers only clean names; the koppelkans dropdown looks its opgave up when it opens', () => {
    for (const c of [C.wGroup, C.wKey]) for (const f of byColumn.get(c)!) expect(scans(f)).toBe(0);
    expect(scans(koppelkansListSource('Keuzelijsten', 6))).toBe(1);
    expect(koppelkansListSource('Keuzelijsten', 6).length).toBeLessThanOrEqual(255);
  });
});

describe('the runs behind the dropdowns', () => {
  /**
   * Longlist rows as [opgave, koppelkans]; the engine's values of the run columns and the
   * grouped list, with the longlist read in `order` (column AC; default: as it stands, the
   * order a file keeps when a colleague typed the rows after the plan wrote AC).
   */
  const values = (rows: [CellValue, CellValue][], order: number[] = Array.from({ length: g.rows }, (_, i) => i + 1)) => {
    const v = lijstenValues(
      g,
      rows.map(([opgave, koppelkans]) => ({ opgave, koppelkans })),
      [],
      order,
    );
    const column = (c: number, n: number) => Array.from({ length: n }, (_, i) => v.get(`${i + 2},${c}`));
    return { v, column };
  };

  it('runs of one key, interrupted by an empty row, another opgave and a row without koppelkans', () => {
    const { v, column } = values([
      ['Groen', 'a'],
      [' groen', 'b'],
      [null, 'los'],
      ['Groen', null],
      ['Water', 'w'],
      ['GROEN', 'c'],
      ['Water', null],
    ]);
    expect(column(C.run, 7)).toEqual([1, 1, 1, 2, 3, 4, 5]);
    expect(column(C.runPos, 6)).toEqual([1, 4, 5, 6, 7, '']);
    expect(column(C.runFirst, 6)).toEqual([1, 1, 3, 1, 3, '']);
    expect(column(C.runKk, 6)).toEqual([1, '', 5, 6, '', '']);
    expect(column(C.runNext, 6)).toEqual([4, 4, '', '', '', '']);
    expect(column(C.first, 7)).toEqual([1, 1, '', 1, 5, 1, 5]);
    expect(column(C.next, 7)).toEqual([2, 6, '', '', '', '', '']);
    // the grouped list and where each opgave's part of it stands (Q2:Q4 Groen, Q5 Water)
    expect(column(C.gList, 5)).toEqual(['a', 'b', 'c', 'w', '']);
    expect(column(C.gRange, 3)).toEqual(['Keuzelijsten!$Q$2:$Q$4', 'Keuzelijsten!$Q$5:$Q$5', '']);
    expect(v.get(`1,${C.gRange}`)).toBe('Keuzelijsten!$A$2:$A$6');
  });

  const scattered: [CellValue, CellValue][] = [
    ['Groen', 'a'],
    ['Water', 'w'],
    [null, 'los'],
    [' groen', 'b'],
    ['Wonen', null],
    ['Water', 'x'],
    ['GROEN', 'c'],
  ];

  it('the plan’s order (column AC) groups the longlist by opgave, first appearance first, then the rows without one', () => {
    const order = lijstenOrder(
      g,
      scattered.map(([opgave]) => ({ opgave })),
    );
    expect(order.slice(0, 8)).toEqual([1, 4, 7, 2, 6, 5, 3, 8]);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: g.rows }, (_, i) => i + 1));
  });

  it('read in the plan’s order, a longlist in no order is one run per opgave (regression: a run, and a scan, per row)', () => {
    const order = lijstenOrder(
      g,
      scattered.map(([opgave]) => ({ opgave })),
    );
    const asItStands = values(scattered).column(C.run, g.rows);
    const { v, column } = values(scattered, order);
    expect(Math.max(...(asItStands as number[]))).toBe(6);
    expect(Math.max(...(column(C.run, g.rows) as number[]))).toBe(3);
    // the lists are the same in both orders: every koppelkans in longlist order (A), the opgaven by first appearance, each one's koppelkansen together
    for (const o of [undefined, order]) {
      const w = values(scattered, o).column;
      expect(w(C.all, 6)).toEqual(['a', 'w', 'los', 'b', 'x', 'c']);
      expect(w(C.dOpgave, 4)).toEqual(['Groen', 'Water', 'Wonen', '']);
      expect(w(C.gList, 6)).toEqual(['a', 'b', 'c', 'w', 'x', '']);
    }
    expect(v.get(`2,${C.kk}`)).toBe('a');
    expect(v.get(`3,${C.kk}`)).toBe('b');
  });
});

/**
 * The formula stamp (src/core/formulaStamp.ts) read back in parts: parseStamp checks and
 * parses it without building any formula text, stampGrid builds one sheet's formulas,
 * stampColumns gives the formula cells from the runs alone. Together they give exactly the
 * formulas the stamp was made from.
 */
import fc from 'fast-check';
import { FORMULA_STAMP, decodeStamp, parseStamp, planStamp, stampColumns, stampGrid } from '../../src/core/formulaStamp';
import type { SheetSnapshot } from '../../src/core/snapshot';

const LIJSTEN = 'Keuzelijsten';

/** The stamp cells a plan writes for a workbook of these sheets (and an empty Keuzelijsten to hold it). */
function stampCells(sheets: SheetSnapshot[]): string[] {
  const [op] = planStamp({ sheets: [] }, { sheets: [...sheets, { name: LIJSTEN, values: [] }] }, LIJSTEN);
  if (op?.kind !== 'setCells') throw new Error('no stamp planned');
  return op.cells.map((line) => {
    const cell = line[0];
    if (!('text' in cell)) throw new Error('a stamp cell is text');
    return cell.text;
  });
}

/** A sheet with `formulas` at A1 addresses given as [row, column] (1-based). */
function sheetWith(name: string, cells: [number, number, string][]): SheetSnapshot {
  const formulas: (string | null)[][] = [];
  for (const [r, c, f] of cells) {
    while (formulas.length < r) formulas.push([]);
    const line = formulas[r - 1];
    while (line.length < c - 1) line.push(null);
    line[c - 1] = f;
  }
  return { name, values: [], formulas };
}

/** Every formula of a grid as "row,column=formula". */
function listed(grid: readonly (readonly (string | null | undefined)[])[]): string[] {
  const out: string[] = [];
  grid.forEach((line, r) => line.forEach((f, c) => f && out.push(`${r + 1},${c + 1}=${f}`)));
  return out;
}

/** 32-bit FNV-1a as the stamp's head carries it (to make a stamp with a correct hash by hand). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

// filled down with growing numbers, a constant formula filled down, numbers that do not
// round-trip (leading zero, 16 digits), a formula alone, a run of one between others
const cells: [number, number, string][] = [];
for (let r = 6; r <= 205; r++) {
  cells.push([r, 3, `=IF(A${r}="","",SUM(D${r}:O${r})*$B$2+${LIJSTEN}!$A$${r - 4}+MATCH(${r - 5},$C$1:$C$9,0))`]);
  cells.push([r, 4, '=$B$2*2']);
}
cells.push([3, 5, '=A1&"007"'], [4, 5, '=A2&"008"'], [5, 5, '=1234567890123456+A1'], [1, 1, '=TODAY()'], [210, 3, '=C205']);
const werk = sheetWith('Werk', cells);
const rang = sheetWith('Rang', [
  [1, 1, '=MAX(Werk!C6:C205)'],
  [2, 1, '=LARGE(Werk!C6:C205,2)'],
]);

describe('parseStamp and stampGrid', () => {
  test('give back exactly the formulas the stamp was made from, sheet by sheet', () => {
    const parsed = parseStamp(stampCells([werk, rang]));
    expect(parsed).not.toBeNull();
    expect([...parsed!.sheets.keys()]).toEqual(['werk', 'rang']);
    expect(listed(stampGrid(parsed!.sheets.get('werk')!.runs))).toEqual(listed(werk.formulas!));
    expect(listed(stampGrid(parsed!.sheets.get('rang')!.runs))).toEqual(listed(rang.formulas!));
    // the filled-down formulas are a handful of runs, not one per cell
    expect(parsed!.sheets.get('werk')!.runs.length).toBeLessThan(12);
    // decodeStamp builds them all at once, the same
    expect(listed(decodeStamp(stampCells([werk, rang]))!.get('werk')!.formulas)).toEqual(listed(werk.formulas!));
  });

  test('stampColumns: the formula cells per column from the runs, adjacent runs joined', () => {
    const parsed = parseStamp(stampCells([werk]))!;
    const columns = stampColumns(parsed.sheets.get('werk')!.runs);
    expect(Object.fromEntries(columns)).toEqual({
      1: [[1, 1]],
      3: [
        [6, 205],
        [210, 210],
      ],
      4: [[6, 205]],
      5: [[3, 5]],
    });
  });

  test('the same text again reuses the earlier parse; another text is parsed anew', () => {
    const first = parseStamp(stampCells([werk]))!;
    expect(parseStamp(stampCells([werk]), first)).toBe(first);
    const other = parseStamp(stampCells([rang]), first);
    expect(other).not.toBe(first);
    expect([...other!.sheets.keys()]).toEqual(['rang']);
  });

  test("a stamp cut short, edited, of another version or not in the encoder's shape is ignored", () => {
    const stamp = stampCells([werk]).join('');
    expect(parseStamp([stamp.slice(0, -1)])).toBeNull();
    expect(parseStamp([stamp.replace('SUM(', 'SOM(')])).toBeNull();
    expect(parseStamp([stamp.replace(FORMULA_STAMP.prefix, 'KKK-formules v2')])).toBeNull();
    expect(parseStamp([])).toBeNull();
    // right hash, wrong shape: a run whose steps do not fit its formula's digits, a row past Excel's grid
    const made = (json: string) => [`${FORMULA_STAMP.prefix} ${fnv1a(json)} ${json}`];
    expect(parseStamp(made('[["Werk",[[1,1,3,"=A1+B1",[1]]]]]'))).toBeNull();
    expect(parseStamp(made('[["Werk",[[1048576,1,2,"=A1",[1]]]]]'))).toBeNull();
    expect(parseStamp(made('{"Werk":1}'))).toBeNull();
    expect(parseStamp(made('[["Werk",[[1,1,3,"=A1+B1",[1,1]]]]]'))!.sheets.get('werk')!.runs).toHaveLength(1);
  });

  test('a stamp split over cells is read up to the first empty or non-text cell', () => {
    const text = stampCells([werk]).join('');
    const half = Math.floor(text.length / 2);
    expect(parseStamp([text.slice(0, half), text.slice(half), 'no stamp'])).toBeNull();
    expect(parseStamp([text.slice(0, half), text.slice(half), '', 'ignored'])).not.toBeNull();
    expect(parseStamp([text.slice(0, half), 5, text.slice(half)])).toBeNull();
  });
});

describe('runs are formed only where rebuilding gives each member exactly (fast-check)', () => {
  // formulas filled down with digits that grow (9 → 10 → 11: the text grows too), with now and
  // then a member that is not the run's next text: one with a digit off, a character more at
  // the end or in the middle, or cut short
  const template = fc.array(fc.constantFrom('=A', 'B', '+$C$', ':D', '*', '"x"', 'SUM(', ')', '1', '0'), { minLength: 1, maxLength: 8 });
  const column = fc.record({
    pieces: template,
    start: fc.integer({ min: 1, max: 120 }),
    step: fc.integer({ min: -3, max: 3 }),
    rows: fc.integer({ min: 1, max: 40 }),
    faults: fc.array(fc.tuple(fc.nat(39), fc.constantFrom('digit', 'longer', 'inside', 'shorter')), { maxLength: 4 }),
  });

  test('the stamp gives back every formula of random filled-down columns exactly', () => {
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 3 }), (columns) => {
        const list: [number, number, string][] = [];
        columns.forEach((col, c) => {
          for (let k = 0; k < col.rows; k++) {
            const n = Math.max(0, col.start + k * col.step);
            let f = `${col.pieces.join('')}${n}${col.pieces[0]}${n + 1}`;
            for (const [at, kind] of col.faults) {
              if (at !== k) continue;
              if (kind === 'digit') f = f.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
              if (kind === 'longer') f += 'Z';
              if (kind === 'inside') f = `${f.slice(0, 2)}Z${f.slice(2)}`;
              if (kind === 'shorter') f = f.slice(0, -1) || '=';
            }
            if (!f.startsWith('=')) f = `=${f}`;
            list.push([k + 1, c + 1, f]);
          }
        });
        const sheet = sheetWith('Werk', list);
        const decoded = decodeStamp(stampCells([sheet]));
        expect(decoded).not.toBeNull();
        expect(listed(decoded!.get('werk')!.formulas)).toEqual(listed(sheet.formulas!));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Formulas the Office adapter takes from the formula stamp are not built into text until
 * something uses them (src/workbook/office/snapshotCache.ts setStampedFormulas): decoding
 * every formula of a 10,000-row workbook cost 1–2.3 s for reads that use none of them.
 * What the cache works out from them (which formula cells a change reaches, how many bytes
 * a read costs) must be the same as from the text.
 */
import fc from 'fast-check';
import { parseRange, type RangePos } from '../../../src/core/a1';
import { parseStamp, planStamp, type StampRun } from '../../../src/core/formulaStamp';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { formulaLength, formulaReach, setStampedFormulas, SnapshotCache, type CachedSheet } from '../../../src/workbook/office/snapshotCache';

const LIJSTEN = 'Keuzelijsten';

/** Sheets with formulas at [row, column] (1-based). */
function sheetWith(name: string, cells: [number, number, string][]): SheetSnapshot {
  const formulas: (string | null)[][] = [];
  const values: (number | null)[][] = [];
  for (const [r, c, f] of cells) {
    while (formulas.length < r) formulas.push([]);
    while (values.length < r) values.push([]);
    while (formulas[r - 1].length < c - 1) formulas[r - 1].push(null);
    formulas[r - 1][c - 1] = f;
    values[r - 1][c - 1] = 0;
  }
  return { name, values, formulas };
}

/** The stamp's runs of each sheet, as a read gets them. */
function runsOf(sheets: SheetSnapshot[]): Map<string, StampRun[]> {
  const [op] = planStamp({ sheets: [] }, { sheets: [...sheets, { name: LIJSTEN, values: [] }] }, LIJSTEN);
  if (op?.kind !== 'setCells') throw new Error('no stamp planned');
  const parsed = parseStamp(op.cells.map((line) => ('text' in line[0] ? line[0].text : '')));
  return new Map([...parsed!.sheets].map(([key, s]) => [key, s.runs]));
}

const rows = 60;
const cells = (r0: number): [number, number, string][] => {
  const out: [number, number, string][] = [];
  for (let r = r0; r < r0 + rows; r++) {
    out.push([r, 5, `=SUM(B${r}:D${r})`]); // the row's total
    out.push([r, 6, `=IF(A${r}="","",Lijst!$B$${r - 4}&Lijst!C${r + 10})`]); // reads a list two ways
    out.push([r, 7, `=Blad${r - r0 + 1}!A1`]); // a digit in the sheet name that changes down the run
  }
  out.push([r0 + rows, 5, `=SUM(E${r0}:E${r0 + rows - 1})`]);
  return out;
};
const werk = sheetWith('Werk', cells(6));
const rang = sheetWith('Rang', [[1, 1, '=MAX(Werk!E6:E65)']]);
const runs = runsOf([werk, rang]);

/** Two caches of the same sheets: formulas as text, and as the stamp's runs. */
function caches(): { text: SnapshotCache; stamped: SnapshotCache; sheets: CachedSheet[] } {
  const text = new SnapshotCache();
  const stamped = new SnapshotCache();
  const cached = (s: SheetSnapshot): CachedSheet => ({
    name: s.name,
    id: s.name,
    hidden: false,
    values: s.values.map((line) => [...line]),
    formulas: s.formulas!.map((line) => [...line].map((f) => f ?? null)),
    usedAddress: '',
  });
  text.sheets = [werk, rang].map(cached);
  const sheets = [werk, rang].map((s) => {
    const c: CachedSheet = { ...cached(s), formulas: [] };
    setStampedFormulas(c, runs.get(s.name.toLowerCase())!);
    return c;
  });
  stamped.sheets = sheets;
  return { text, stamped, sheets };
}

const changes: [string, RangePos | undefined][] = [
  ['Werk', parseRange('C10')],
  ['Werk', parseRange('A70')],
  ['Werk', parseRange('E30')],
  ['Lijst', parseRange('B2')],
  ['Lijst', parseRange('B57')],
  ['Lijst', parseRange('B58')],
  ['Lijst', parseRange('C40')],
  ['Lijst', parseRange('C76')],
  ['Lijst', parseRange('C77')],
  ['Blad1', parseRange('A1')],
  ['Blad30', parseRange('A1')],
  ['Blad30', parseRange('A2')],
  ['Blad60', parseRange('A1')],
  ['Blad61', parseRange('A1')],
  ['Werk', undefined],
];

/**
 * The formula cells a change reaches, cell by cell (each formula's own references, followed
 * through the formulas it reaches): the truth the run-level answers must cover. Keys "sheet!row,column".
 */
function reachedCells(sheets: SheetSnapshot[], sheet: string, pos: RangePos | undefined): Set<string> {
  const formulaCells = sheets.flatMap((s) =>
    (s.formulas ?? []).flatMap((line, r) =>
      line.flatMap((f, c) => (f ? [{ sheet: s.name.toLowerCase(), row: r + 1, column: c + 1, reach: formulaReach(f) }] : [])),
    ),
  );
  const reached = new Set<string>();
  const work: { sheet: string; pos?: RangePos }[] = [{ sheet: sheet.toLowerCase(), pos }];
  while (work.length) {
    const changed = work.pop()!;
    for (const cell of formulaCells) {
      const key = `${cell.sheet}!${cell.row},${cell.column}`;
      if (reached.has(key)) continue;
      const meets =
        cell.reach.anywhere ||
        cell.reach.refs.some(
          (ref) =>
            (ref.sheet ?? cell.sheet) === changed.sheet &&
            (!changed.pos ||
              (ref.pos.start.row <= changed.pos.end.row &&
                changed.pos.start.row <= ref.pos.end.row &&
                ref.pos.start.column <= changed.pos.end.column &&
                changed.pos.start.column <= ref.pos.end.column)),
        );
      if (!meets) continue;
      reached.add(key);
      work.push({ sheet: cell.sheet, pos: { start: { row: cell.row, column: cell.column }, end: { row: cell.row, column: cell.column } } });
    }
  }
  return reached;
}

const inside = (outer: RangePos, row: number, column: number) =>
  outer.start.row <= row && row <= outer.end.row && outer.start.column <= column && column <= outer.end.column;

describe('stamped formulas in the Office adapter cache', () => {
  test.each(changes)("a change on %s %o reaches every formula cell that reads it, from the runs, and no more than the text's runs", (sheet, pos) => {
    const { text, stamped } = caches();
    const fromRuns = stamped.dependents(sheet, pos);
    const fromText = text.dependents(sheet, pos);
    for (const key of reachedCells([werk, rang], sheet, pos)) {
      const [name, rc] = key.split('!');
      const [row, column] = rc.split(',').map(Number);
      expect([key, fromRuns.some((d) => d.sheet.toLowerCase() === name && inside(d.pos, row, column))]).toEqual([key, true]);
    }
    for (const d of fromRuns)
      expect([
        d,
        fromText.some((t) => t.sheet === d.sheet && inside(t.pos, d.pos.start.row, d.pos.start.column) && inside(t.pos, d.pos.end.row, d.pos.end.column)),
      ]).toEqual([d, true]);
  });

  test("regression: a typed score reached every total of its column (244 KB read back at 30,000 rows); now its own row's total and what reads the column", () => {
    const { stamped } = caches();
    const reached = stamped.dependents('Werk', parseRange('C10'));
    // the row's total E10, its text formula F10 does not read C, the column's sum E66 and Rang!A1 read the totals
    expect(reached).toEqual(
      expect.arrayContaining([
        { sheet: 'Werk', pos: parseRange('E10') },
        { sheet: 'Werk', pos: parseRange('E66') },
        { sheet: 'Rang', pos: parseRange('A1') },
      ]),
    );
    expect(reached).toHaveLength(3);
  });

  test('property: for fill-down formulas mixing moving, fixed and growing references, a change reaches at least every formula cell that reads it', () => {
    // each column a fill-down of one template; {r} is the member's own row
    const templates = [
      '=C{r}*$C$4',
      '=SUM($B$6:B{r})',
      '=SUM(B{r}:$B$40)',
      '=SUM(B{r}:D{r+1})',
      '=Lijst!A{r+2}&Lijst!$B$1',
      '=E{r}*2',
      '=IF(F{r-1}="",0,G{r})',
      '=SUM(C:C)',
      '=Lijst!$A$1:$A$40',
    ];
    const sheets = ['Werk', 'Lijst'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            template: fc.integer({ min: 0, max: templates.length - 1 }),
            first: fc.integer({ min: 5, max: 12 }),
            count: fc.integer({ min: 1, max: 25 }),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.record({
          sheet: fc.constantFrom(...sheets),
          row: fc.integer({ min: 1, max: 45 }),
          column: fc.integer({ min: 1, max: 9 }),
          rows: fc.integer({ min: 1, max: 3 }),
        }),
        (columns, change) => {
          const cellsOf: [number, number, string][] = [];
          columns.forEach((col, i) => {
            for (let k = 0; k < col.count; k++) {
              const r = col.first + k;
              const f = templates[col.template].replace(/\{r([+-]\d+)?\}/g, (_, d: string | undefined) => String(r + Number(d ?? 0)));
              cellsOf.push([r, 5 + i, f]);
            }
          });
          const sheet = sheetWith('Werk', cellsOf);
          const stampRuns = runsOf([sheet]).get('werk')!;
          const stamped = new SnapshotCache();
          const c: CachedSheet = { name: 'Werk', id: 'Werk', hidden: false, values: sheet.values.map((line) => [...line]), formulas: [], usedAddress: '' };
          setStampedFormulas(c, stampRuns);
          stamped.sheets = [c];
          const pos = { start: { row: change.row, column: change.column }, end: { row: change.row + change.rows - 1, column: change.column } };
          const reached = stamped.dependents(change.sheet, pos);
          for (const key of reachedCells([sheet], change.sheet, pos)) {
            const [row, column] = key.split('!')[1].split(',').map(Number);
            if (!reached.some((d) => inside(d.pos, row, column))) return false;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  test('working out what a change reaches, and sizing reads, builds no formula text', () => {
    const { stamped, sheets } = caches();
    for (const [sheet, pos] of changes) stamped.markChanged(sheet, pos);
    expect(stamped.estimateBytes('Werk', parseRange('A1:G70'), true)).toBeGreaterThan(0);
    expect(formulaLength(sheets[0], 6, 5)).toBe('=SUM(B6:D6)'.length);
    expect(formulaLength(sheets[0], 6, 1)).toBeUndefined();
    expect(sheets.map((s) => s.stamped?.grid)).toEqual([undefined, undefined]);
    // values read again (a dependent's new result) leave the formulas unbuilt too
    stamped.patch('Werk', parseRange('E6:E7'), [[12], [13]], null);
    expect(sheets[0].stamped?.grid).toBeUndefined();
    expect(sheets[0].values[5][4]).toBe(12);
  });

  test('a snapshot holds the formulas, built on first use, the same as the text', () => {
    const { text, stamped, sheets } = caches();
    const snapshot = stamped.toSnapshot();
    expect(sheets[0].stamped?.grid).toBeUndefined();
    expect(snapshot.sheets[0].formulas).toEqual(text.toSnapshot().sheets[0].formulas);
    expect(sheets[0].stamped?.grid).toBeDefined();
    expect(sheets[1].stamped?.grid).toBeUndefined();
    // a copy keeps them (structuredClone, spreading)
    expect(structuredClone(snapshot).sheets[0].formulas![5][4]).toBe('=SUM(B6:D6)');
    expect({ ...snapshot.sheets[1] }.formulas).toEqual([['=MAX(Werk!E6:E65)']]);
  });

  test('formulas read back replace the stamped ones; a snapshot taken before keeps what it had', () => {
    const { stamped, sheets } = caches();
    const before = stamped.toSnapshot();
    stamped.patch('Werk', parseRange('E6'), [[7]], [['=B6*2']]);
    expect(sheets[0].stamped).toBeUndefined();
    expect(sheets[0].formulas[5][4]).toBe('=B6*2');
    expect(sheets[0].formulas[6][4]).toBe('=SUM(B7:D7)');
    expect(stamped.toSnapshot().sheets[0].formulas![5][4]).toBe('=B6*2');
    expect(before.sheets[0].formulas![5][4]).toBe('=SUM(B6:D6)');
    // and the index now comes from the text: a change to B6 reaches E6 still
    expect(stamped.dependents('Werk', parseRange('B6')).map((d) => d.pos.start)).toContainEqual({ row: 6, column: 5 });
  });
});

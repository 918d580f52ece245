/**
 * Reading the longlist (src/core/longlist.ts) and the team's merged areas (src/core/merges.ts),
 * pinned rule by rule on hand-made snapshots (pure, fast). Written against the survivors of a
 * StrykerJS run of both files (CONTRIBUTING.md, "Mutation testing", "Runs of 3 Dec").
 */
import { SHEET_NAMES } from '../../src/core/layout';
import { longlistFromEntries, readLonglist } from '../../src/core/longlist';
import { mergeAt, mergedAreas } from '../../src/core/merges';
import type { Problem } from '../../src/core/problems';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';

const sheet = (name: string, values: CellValue[][], merges?: string[]): SheetSnapshot => ({ name, values, ...(merges ? { merges } : {}) });
const HEADER = ['Opgave', 'Koppelkans', 'Toelichting'];

function read(sheets: SheetSnapshot[]) {
  const problems: Problem[] = [];
  const longlist = readLonglist({ sheets }, problems);
  return { ...longlist, problems };
}

describe('readLonglist: which sheet is the longlist', () => {
  it('no sheet with Opgave and Koppelkans in its header: no layout, no entries, no problems', () => {
    expect(
      read([
        sheet('Blad1', [
          ['Opgave', 'Iets'],
          ['Groen', 'Daken'],
        ]),
      ]),
    ).toEqual({ layout: null, entries: [], opgaven: [], problems: [] });
  });

  it('never takes a sheet of the engine, although the werkblad has both labels in its header', () => {
    const werkblad = sheet(SHEET_NAMES.werkblad, [
      ['Werkblad koppelkansen kiezen'],
      [],
      ['Opgave', 'Koppelkans', 'Draagvlak'],
      ['Weging'],
      [],
      ['Groen', 'Daken'],
    ]);
    expect(read([werkblad]).layout).toBeNull();
    const longlist = sheet('Mijn lijst', [HEADER, ['Groen', 'Daken']]);
    expect(read([werkblad, longlist]).layout?.sheet).toBe('Mijn lijst');
    // any spelling of an engine sheet's name is that sheet
    expect(read([sheet(' prioritering ', [HEADER, ['Groen', 'Daken']])]).layout).toBeNull();
  });

  it('prefers the sheet with the longlist name (any case or spacing) over one before it; else the first in tab order', () => {
    const other = sheet('Andere lijst', [HEADER, ['Werk', 'Stage']]);
    const canonical = sheet('  opgaven en  KOPPELKANSEN', [HEADER, ['Groen', 'Daken']]);
    expect(read([other, canonical]).layout?.sheet).toBe('  opgaven en  KOPPELKANSEN');
    expect(read([canonical, other]).layout?.sheet).toBe('  opgaven en  KOPPELKANSEN');
    const third = sheet('Derde', [HEADER, ['Zorg', 'Buurthuis']]);
    expect(read([other, third]).layout?.sheet).toBe('Andere lijst');
    expect(read([third, other]).layout?.sheet).toBe('Derde');
  });

  it('a canonical sheet without the header does not hide another sheet that has it', () => {
    const canonical = sheet(SHEET_NAMES.longlist, [['Iets'], ['Groen']]);
    const other = sheet('Andere lijst', [HEADER, ['Werk', 'Stage']]);
    expect(read([canonical, other]).layout?.sheet).toBe('Andere lijst');
  });
});

describe('readLonglist: the header row', () => {
  it('is searched in the first 10 rows: row 10 is found, row 11 is not', () => {
    const at = (row: number) => sheet('L', [...Array.from({ length: row - 1 }, () => ['tekst']), HEADER, ['Groen', 'Daken']]);
    expect(read([at(10)]).layout).toMatchObject({ headerRow: 10, lastRow: 11 });
    expect(read([at(11)]).layout).toBeNull();
    expect(read([at(1)]).layout).toMatchObject({ headerRow: 1, lastRow: 2 });
  });

  it('a header in the last row of a short sheet is found, with no rows below it', () => {
    expect(read([sheet('L', [['titel'], [], HEADER])]).layout).toEqual({
      sheet: 'L',
      headerRow: 3,
      opgaveColumn: 1,
      koppelkansColumn: 2,
      toelichtingColumn: 3,
      lastRow: 3,
    });
  });

  it('finds the labels in any case, with spaces around, in any column and order; the first of a repeated label counts', () => {
    const values: CellValue[][] = [
      [null, ' koppelKANS ', 'TOELICHTING', 'opgave', 'Koppelkans', 'Opgave', 'Toelichting'],
      [null, 'Daken', 'Mooi', 'Groen', 'X', 'Y', 'Z'],
    ];
    const r = read([sheet('L', values)]);
    expect(r.layout).toMatchObject({ headerRow: 1, opgaveColumn: 4, koppelkansColumn: 2, toelichtingColumn: 3 });
    expect(r.entries).toEqual([{ opgave: 'Groen', koppelkans: 'Daken', toelichting: 'Mooi', row: 2 }]);
  });

  it('a row with only one of the two labels is no header; the next row with both is', () => {
    const values: CellValue[][] = [['Opgave', 'Toelichting'], ['Koppelkans'], ['Koppelkans', 'Opgave'], ['Daken', 'Groen']];
    expect(read([sheet('L', values)]).layout).toMatchObject({ headerRow: 3, opgaveColumn: 2, koppelkansColumn: 1, toelichtingColumn: null });
  });

  it('without a Toelichting column every toelichting is empty, even with text to the right', () => {
    const r = read([
      sheet('L', [
        ['Opgave', 'Koppelkans'],
        ['Groen', 'Daken', 'geen toelichting'],
      ]),
    ]);
    expect(r.layout?.toelichtingColumn).toBeNull();
    expect(r.entries).toEqual([{ opgave: 'Groen', koppelkans: 'Daken', toelichting: '', row: 2 }]);
  });
});

describe('readLonglist: the rows', () => {
  it('the last row is the last with an opgave or a koppelkans; text in other columns below it does not count', () => {
    const values: CellValue[][] = [HEADER, ['Groen', 'Daken'], [], ['Werk', null], [null, 'Stage'], [null, null, 'alleen toelichting'], ['', ' ']];
    expect(read([sheet('L', values)]).layout?.lastRow).toBe(5);
    expect(read([sheet('L', [HEADER, ['Groen', 'Daken'], ['Werk']])]).layout?.lastRow).toBe(3);
    expect(read([sheet('L', [HEADER, ['Groen', 'Daken'], [null, 'Stage']])]).layout?.lastRow).toBe(3);
  });

  it('reads each row with a koppelkans as an entry (names cleaned, toelichting trimmed, its row); empty rows are skipped', () => {
    const values: CellValue[][] = [
      ['titel'],
      HEADER,
      [' Groen ', 'Daken  op   huisjes', '  met zon  '],
      [null, null, 'losse toelichting'],
      ['Werk', 'Stage', null],
    ];
    expect(read([sheet('L', values)]).entries).toEqual([
      { opgave: 'Groen', koppelkans: 'Daken op huisjes', toelichting: 'met zon', row: 3 },
      { opgave: 'Werk', koppelkans: 'Stage', toelichting: '', row: 5 },
    ]);
  });

  it('lists each opgave once, in order of first appearance, by name without case; an opgave without koppelkans is listed', () => {
    const values: CellValue[][] = [HEADER, ['Werk', 'Stage'], ['Groen', 'Daken'], ['werk ', 'Leerbanen'], ['Zorg', null], ['GROEN', 'Gevels']];
    const r = read([sheet('L', values)]);
    expect(r.opgaven).toEqual(['Werk', 'Groen', 'Zorg']);
    expect(r.entries.map((e) => `${e.opgave}/${e.koppelkans}`)).toEqual(['Werk/Stage', 'Groen/Daken', 'werk/Leerbanen', 'GROEN/Gevels']);
    expect(r.problems).toEqual([]);
  });

  it('a koppelkans without opgave is an entry with an empty opgave and a warning on its opgave cell', () => {
    const r = read([sheet('L', [['x'], ['Koppelkans', 'Opgave'], ['Daken', 'Groen'], ['Stage', null]])]);
    expect(r.entries).toEqual([
      { opgave: 'Groen', koppelkans: 'Daken', toelichting: '', row: 3 },
      { opgave: '', koppelkans: 'Stage', toelichting: '', row: 4 },
    ]);
    expect(r.opgaven).toEqual(['Groen']);
    expect(r.problems).toEqual([
      { sheet: 'L', cell: 'B4', severity: 'warning', code: 'LONGLIST_ROW_WITHOUT_OPGAVE', message: 'Op de longlist staat koppelkans "Stage" zonder opgave.' },
    ]);
  });

  it('warns about a number or TRUE typed as a name, in the opgave and koppelkans columns of the rows below the header only', () => {
    const values: CellValue[][] = [[12, true], HEADER, [7, 'Daken', 99], ['Groen', true]];
    const r = read([sheet('L', values)]);
    expect(r.problems.map((p) => `${p.code} ${p.cell}`)).toEqual(['NAME_NOT_COMPARABLE A3', 'NAME_NOT_COMPARABLE B4']);
  });
});

describe('readLonglist: the size limit', () => {
  /** Title in row 1, header in row 2, one entry in `lastRow`, nothing between. */
  const long = (lastRow: number) => {
    const values: CellValue[][] = new Array<CellValue[]>(lastRow);
    values[0] = ['titel'];
    values[1] = HEADER;
    values[lastRow - 1] = ['Groen', 'Laatste'];
    return sheet('L', values);
  };

  it('warns when more rows than the dropdowns show (20,000) lie between the header and the last row, at the first row past it', () => {
    const r = read([long(20003)]);
    expect(r.layout).toMatchObject({ headerRow: 2, lastRow: 20003 });
    expect(r.problems).toEqual([
      {
        sheet: 'L',
        cell: 'B20003',
        severity: 'warning',
        code: 'LONGLIST_TOO_MANY_OPGAVEN',
        message: 'De longlist heeft 20001 regels; de keuzelijsten van de werkmap tonen er 20000. Maak de longlist korter.',
      },
    ]);
    expect(r.entries).toEqual([{ opgave: 'Groen', koppelkans: 'Laatste', toelichting: '', row: 20003 }]);
  });

  it('exactly 20,000 rows is no warning', () => {
    expect(read([long(20002)]).problems).toEqual([]);
  });
});

describe('longlistFromEntries (the built-in longlist)', () => {
  it('keeps the entries in order with row 0 and lists each opgave once, by name without case; an empty opgave is none', () => {
    const l = longlistFromEntries([
      { opgave: 'Groen', koppelkans: 'Daken', toelichting: 't' },
      { opgave: '', koppelkans: 'Los', toelichting: '' },
      { opgave: 'groen', koppelkans: 'Gevels', toelichting: '' },
      { opgave: 'Werk', koppelkans: 'Stage', toelichting: '' },
    ]);
    expect(l).toEqual({
      layout: null,
      entries: [
        { opgave: 'Groen', koppelkans: 'Daken', toelichting: 't', row: 0 },
        { opgave: '', koppelkans: 'Los', toelichting: '', row: 0 },
        { opgave: 'groen', koppelkans: 'Gevels', toelichting: '', row: 0 },
        { opgave: 'Werk', koppelkans: 'Stage', toelichting: '', row: 0 },
      ],
      opgaven: ['Groen', 'Werk'],
    });
  });
});

describe('mergedAreas and mergeAt', () => {
  it('no sheet or no merges: none', () => {
    expect(mergedAreas(undefined)).toEqual([]);
    expect(mergedAreas(sheet('A', []))).toEqual([]);
  });

  it('parses each merged range (any corner order, one cell, with a sheet name) and skips what is no A1 range', () => {
    expect(mergedAreas(sheet('A', [], ['B8:C9', 'niet een bereik', 'E5:D3', 'A12', "'Blad 1'!F1:G2", 'A1:B2:C3']))).toEqual([
      { range: 'B8:C9', top: 8, left: 2, bottom: 9, right: 3 },
      { range: 'E5:D3', top: 3, left: 4, bottom: 5, right: 5 },
      { range: 'A12', top: 12, left: 1, bottom: 12, right: 1 },
      { range: "'Blad 1'!F1:G2", top: 1, left: 6, bottom: 2, right: 7 },
    ]);
  });

  it('mergeAt: the area holding the cell, its edges included; a cell just outside any edge is in none', () => {
    const areas = mergedAreas(sheet('A', [], ['A1:A1', 'C3:E6']));
    const inArea = (row: number, column: number) => mergeAt(areas, row, column)?.range;
    for (const [r, c] of [
      [3, 3],
      [6, 5],
      [3, 5],
      [6, 3],
      [4, 4],
    ])
      expect(inArea(r, c)).toBe('C3:E6');
    for (const [r, c] of [
      [2, 4],
      [7, 4],
      [4, 2],
      [4, 6],
    ])
      expect(inArea(r, c)).toBeUndefined();
    expect(inArea(1, 1)).toBe('A1:A1');
    expect(mergeAt([], 1, 1)).toBeUndefined();
  });
});

/**
 * What `analyze` and `analyzeWritten` (src/core/analyze.ts) promise, on small snapshots built
 * in code (pure, no files): the kind of workbook and its one problem when it is no
 * Koppelkansen workbook, the parts found by name, the longlist used (the workbook's or the
 * built-in one), the longlist checks of the werkblad rows with their cells and texts, the
 * name warnings of the werkblad and the Prioritering, the ranking and its top 15, the
 * Prioritering entries against the ranking, the checklist read for the date asked, the
 * problems sorted, and `analyzeWritten` equal to `analyze` while keeping unchanged rows.
 */
import { analyze, analyzeWritten, type Analysis } from '../../src/core/analyze';
import { DEFAULT_LONGLIST } from '../../src/core/defaults';
import { CHECKLIST, SHEET_NAMES } from '../../src/core/layout';
import { longlistFromEntries } from '../../src/core/longlist';
import { compareProblems, type Problem } from '../../src/core/problems';
import { simulate } from '../../src/core/simulate';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { newWorkbookPlan } from '../../src/core/template';
import { werkbladSheet, type WerkbladSpec } from '../helpers/build';

const NOW = new Date('2026-11-28T10:00:00Z');

/** A longlist sheet: header row 1, then [opgave, koppelkans] per row. */
function longlistSheet(entries: [CellValue, CellValue][], name: string = SHEET_NAMES.longlist): SheetSnapshot {
  return { name, values: [['Opgave', 'Koppelkans', 'Toelichting'], ...entries.map(([o, k]) => [o, k, ''])] };
}

const LONGLIST: [string, string][] = [
  ['Groen', 'Geveltuinen'],
  ['Groen', 'Groene daken'],
  ['Werk', 'Stageplekken'],
  ['Werk', 'Buurtbus'],
  ['Mobiliteit', 'Buurtbus'],
];

/** The Prioritering as the template lays it out: headers in row 4, entries [place, koppelkans, omdat] from row 5. */
function prioSheet(entries: CellValue[][], name: string = SHEET_NAMES.prioritering): SheetSnapshot {
  return {
    name,
    values: [['Prioritering: de keuze van het team'], [], [], ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke'], ...entries],
  };
}

let checklistTemplate: SheetSnapshot | undefined;
/** The template's checklist sheet with overstap date `serial` in C3 (made once; copies returned). */
function checklistSheet(serial: CellValue): SheetSnapshot {
  checklistTemplate ??= simulate({ sheets: [] }, newWorkbookPlan({ factors: ['F1'], now: NOW }).plan.ops).sheets.find((s) => s.name === SHEET_NAMES.checklist)!;
  const values = checklistTemplate.values.map((row) => [...row]);
  values[CHECKLIST.dateRow - 1][CHECKLIST.valueColumn - 1] = serial;
  return { ...checklistTemplate, values };
}

function book(spec: WerkbladSpec, extra: SheetSnapshot[] = [], longlist: SheetSnapshot | null = longlistSheet(LONGLIST)): WorkbookSnapshot {
  return { sheets: [werkbladSheet(spec), ...(longlist ? [longlist] : []), ...extra] };
}

const at = (a: Analysis, code: string) => a.problems.filter((p) => p.code === code).map((p) => `${p.sheet}!${p.cell}`);
const one = (a: Analysis, code: string): Problem => {
  const found = a.problems.filter((p) => p.code === code);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('a workbook that is no Koppelkansen workbook', () => {
  test('no sheets at all: empty, one info, nothing read, the built-in longlist', () => {
    const a = analyze({ sheets: [] }, { now: NOW });
    expect(a).toEqual({
      kind: 'empty',
      problems: [{ sheet: '', cell: '', severity: 'info', code: 'EMPTY_WORKBOOK', message: expect.stringMatching(/^De werkmap is leeg/) }],
      werkblad: null,
      longlist: longlistFromEntries(DEFAULT_LONGLIST),
      longlistInWorkbook: false,
      ranking: [],
      top: [],
      prioritering: null,
      checklist: null,
      sheets: { werkblad: null, longlist: null, resultaat: null, prioritering: null, checklist: null, notulen: null, lijsten: null },
      wijk: '',
      minderConcreet: [],
    });
  });

  test('sheets with nothing in them (empty texts, empty rows) are an empty workbook', () => {
    const a = analyze({
      sheets: [
        { name: 'Blad1', values: [[null, ''], []] },
        { name: 'Blad2', values: [] },
      ],
    });
    expect(a.kind).toBe('empty');
    expect(a.problems.map((p) => p.code)).toEqual(['EMPTY_WORKBOOK']);
  });

  test('one sheet with something in it and no werkblad: not Koppelkansen, one error, the longlist problems dropped', () => {
    // a longlist row without opgave is a problem of its own in a Koppelkansen workbook
    const ll = longlistSheet([[null, 'Zwevend']]);
    const a = analyze({ sheets: [{ name: 'Blad1', values: [] }, ll, prioSheet([[1, 'Zwevend', '']]), checklistSheet(47484)] }, { now: NOW });
    expect(a.kind).toBe('not-koppelkansen');
    expect(a.problems).toEqual([
      { sheet: '', cell: '', severity: 'error', code: 'NOT_KOPPELKANSEN', message: expect.stringMatching(/geen Koppelkansen Kiezen-werkmap/) },
    ]);
    expect(a.longlistInWorkbook).toBe(true);
    expect(a.longlist.entries.map((e) => e.koppelkans)).toEqual(['Zwevend']);
    expect(a.sheets.longlist).toBe(SHEET_NAMES.longlist);
    expect(a.sheets.prioritering).toBe(SHEET_NAMES.prioritering);
    expect([a.werkblad, a.prioritering, a.checklist]).toEqual([null, null, null]);
    expect([a.ranking, a.top]).toEqual([[], []]);
  });
});

describe('the parts of the workbook', () => {
  test('each part by its name in any case or spacing, as the workbook spells it; missing parts are null', () => {
    const a = analyze(
      book({ sheetName: ' werkblad  KOPPELKANSEN kiezen' }, [
        { name: 'prioritering ', values: [] },
        { name: 'NOTULEN', values: [] },
      ]),
      { now: NOW },
    );
    expect(a.kind).toBe('koppelkansen');
    expect(a.sheets).toEqual({
      werkblad: ' werkblad  KOPPELKANSEN kiezen',
      longlist: SHEET_NAMES.longlist,
      resultaat: null,
      prioritering: 'prioritering ',
      checklist: null,
      notulen: 'NOTULEN',
      lijsten: null,
    });
  });

  test('a longlist under another name is found by its headers and named as the longlist part', () => {
    const a = analyze(book({ rows: [['Onbekend', 'Geveltuinen', 1, 1, 1]] }, [], longlistSheet(LONGLIST, 'Onze lijst')), { now: NOW });
    expect(a.sheets.longlist).toBe('Onze lijst');
    expect(a.longlistInWorkbook).toBe(true);
    expect(a.longlist.layout?.sheet).toBe('Onze lijst');
    expect(a.problems.some((p) => p.code === 'LONGLIST_MISSING')).toBe(false);
    // the longlist checks name the sheet the team uses
    expect(one(a, 'OPGAVE_NOT_ON_LONGLIST').message).toContain('(blad "Onze lijst")');
  });

  test('no longlist: a warning for the workbook, the built-in longlist checks the rows and is named by its default sheet', () => {
    const known = DEFAULT_LONGLIST[0];
    const a = analyze(
      book(
        {
          rows: [
            [known.opgave, known.koppelkans, 1, 1, 1],
            ['Onbekend', 'Iets nieuws', 1, 1, 1],
          ],
        },
        [],
        null,
      ),
      { now: NOW },
    );
    expect(a.longlistInWorkbook).toBe(false);
    expect(a.longlist).toEqual(longlistFromEntries(DEFAULT_LONGLIST));
    expect(a.sheets.longlist).toBeNull();
    const missing = one(a, 'LONGLIST_MISSING');
    expect([missing.sheet, missing.cell, missing.severity]).toEqual(['', '', 'warning']);
    expect(at(a, 'OPGAVE_NOT_ON_LONGLIST')).toEqual([`${SHEET_NAMES.werkblad}!A7`]);
    expect(at(a, 'KOPPELKANS_NOT_ON_LONGLIST')).toEqual([`${SHEET_NAMES.werkblad}!B7`]);
    expect(one(a, 'KOPPELKANS_NOT_ON_LONGLIST').message).toBe(`De koppelkans "Iets nieuws" staat niet op de longlist (blad "${SHEET_NAMES.longlist}").`);
  });

  test('the wijk from the werkblad title', () => {
    const ws = werkbladSheet({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] });
    ws.values[0] = ['Werkblad koppelkansen kiezen – Bloemenbuurt'];
    expect(analyze({ sheets: [ws, longlistSheet(LONGLIST)] }, { now: NOW }).wijk).toBe('Bloemenbuurt');
    expect(analyze(book({}), { now: NOW }).wijk).toBe('');
  });

  test('the koppelkansen marked "minder concreet" on the longlist, with who makes them concrete', () => {
    const ll: SheetSnapshot = {
      name: SHEET_NAMES.longlist,
      values: [
        ['Opgave', 'Koppelkans', 'Toelichting', 'Minder concreet', 'Verantwoordelijke concretiseren'],
        ['Groen', 'Geveltuinen', '', 'ja', 'Ans'],
        ['Werk', 'Stageplekken', '', null, null],
      ],
    };
    const a = analyze(book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }, [], ll), { now: NOW });
    expect(a.minderConcreet).toEqual([{ opgave: 'Groen', koppelkans: 'Geveltuinen', verantwoordelijke: 'Ans', row: 2 }]);
  });
});

describe('the werkblad rows against the longlist', () => {
  const W = SHEET_NAMES.werkblad;

  test('a koppelkans without opgave: warned at its A cell, and not also as under another opgave', () => {
    const a = analyze(book({ rows: [[null, 'Geveltuinen', 1, 1, 1]] }), { now: NOW });
    const p = one(a, 'KOPPELKANS_WITHOUT_OPGAVE');
    expect(p).toEqual({
      sheet: W,
      cell: 'A6',
      severity: 'warning',
      code: 'KOPPELKANS_WITHOUT_OPGAVE',
      message: 'De koppelkans "Geveltuinen" heeft geen opgave in kolom A.',
    });
    expect(at(a, 'KOPPELKANS_OTHER_OPGAVE')).toEqual([]);
    expect(at(a, 'KOPPELKANS_NOT_ON_LONGLIST')).toEqual([]);
  });

  test('scores without koppelkans: warned at the B cell with the row; an opgave alone, unscored, is not', () => {
    const a = analyze(
      book({
        rows: [
          ['Groen', 'Geveltuinen', 1, 1, 1],
          ['Groen', null, null, 2, null],
          ['Werk', null, null, null, null],
          [null, null, 0, null, null],
        ],
      }),
      { now: NOW },
    );
    // rows without koppelkans are not checked as koppelkansen (not on the longlist, duplicates of each other)
    expect(a.problems.filter((p) => p.cell !== 'B7' && p.cell !== 'B9')).toEqual([]);
    expect(a.problems.filter((p) => p.code === 'SCORES_WITHOUT_KOPPELKANS')).toEqual([
      { sheet: W, cell: 'B7', severity: 'warning', code: 'SCORES_WITHOUT_KOPPELKANS', message: 'Rij 7 heeft scores maar geen koppelkans in kolom B.' },
      { sheet: W, cell: 'B9', severity: 'warning', code: 'SCORES_WITHOUT_KOPPELKANS', message: 'Rij 9 heeft scores maar geen koppelkans in kolom B.' },
    ]);
  });

  test('an opgave not on the longlist at its A cell; names compared without case or extra spaces', () => {
    const a = analyze(
      book({
        rows: [
          ['  groen ', 'geveltuinen', 1, 1, 1],
          ['Wonen', 'Stageplekken', 1, 1, 1],
        ],
      }),
      { now: NOW },
    );
    expect(a.problems.filter((p) => p.code === 'OPGAVE_NOT_ON_LONGLIST')).toEqual([
      {
        sheet: W,
        cell: 'A7',
        severity: 'warning',
        code: 'OPGAVE_NOT_ON_LONGLIST',
        message: `De opgave "Wonen" staat niet op de longlist (blad "${SHEET_NAMES.longlist}"). Voeg hem daar toe, dan komt hij in de keuzelijst.`,
      },
    ]);
    // the koppelkans of row 7 is on the longlist under Werk, not under Wonen
    expect(at(a, 'KOPPELKANS_OTHER_OPGAVE')).toEqual([`${W}!B7`]);
    expect(at(a, 'KOPPELKANS_NOT_ON_LONGLIST')).toEqual([]);
  });

  test('a koppelkans not on the longlist at its B cell, its opgave checked on its own', () => {
    const a = analyze(book({ rows: [['Onbekend', 'Iets nieuws', 1, 1, 1]] }), { now: NOW });
    expect(one(a, 'KOPPELKANS_NOT_ON_LONGLIST')).toMatchObject({ sheet: W, cell: 'B6', severity: 'warning' });
    expect(one(a, 'KOPPELKANS_NOT_ON_LONGLIST').message).toBe(`De koppelkans "Iets nieuws" staat niet op de longlist (blad "${SHEET_NAMES.longlist}").`);
    expect(at(a, 'OPGAVE_NOT_ON_LONGLIST')).toEqual([`${W}!A6`]);
    expect(at(a, 'KOPPELKANS_OTHER_OPGAVE')).toEqual([]);
  });

  test('a koppelkans under another opgave than on the longlist names the first opgave it has there; any of its opgaven is fine', () => {
    const a = analyze(
      book({
        rows: [
          ['Groen', 'Buurtbus', 1, 1, 1],
          ['mobiliteit', 'Buurtbus', 1, 1, 1],
          ['Werk', 'BUURTBUS', 1, 1, 1],
        ],
      }),
      { now: NOW },
    );
    expect(a.problems.filter((p) => p.code === 'KOPPELKANS_OTHER_OPGAVE')).toEqual([
      {
        sheet: W,
        cell: 'B6',
        severity: 'warning',
        code: 'KOPPELKANS_OTHER_OPGAVE',
        message: 'De koppelkans "Buurtbus" hoort op de longlist bij opgave "Werk", niet bij "Groen".',
      },
    ]);
  });

  test('a koppelkans twice or more: each repeat names the first cell, in any case or spacing', () => {
    const a = analyze(
      book({
        rows: [
          ['Groen', 'Geveltuinen', 1, 1, 1],
          ['Werk', 'Stageplekken', 1, 1, 1],
          ['Groen', 'geveltuinen ', 1, 1, 1],
          ['Groen', 'GEVELTUINEN', 1, 1, 1],
        ],
      }),
      { now: NOW },
    );
    expect(a.problems.filter((p) => p.code === 'KOPPELKANS_DUPLICATE')).toEqual([
      {
        sheet: W,
        cell: 'B8',
        severity: 'warning',
        code: 'KOPPELKANS_DUPLICATE',
        message: 'De koppelkans "geveltuinen" staat twee keer op het werkblad (ook in B6).',
      },
      {
        sheet: W,
        cell: 'B9',
        severity: 'warning',
        code: 'KOPPELKANS_DUPLICATE',
        message: 'De koppelkans "GEVELTUINEN" staat twee keer op het werkblad (ook in B6).',
      },
    ]);
  });

  test('a werkblad under another spelling is named as the workbook spells it in the problems', () => {
    const a = analyze(book({ sheetName: 'WERKBLAD koppelkansen kiezen', rows: [[null, 'Geveltuinen', 1, 1, 1]] }), { now: NOW });
    expect(at(a, 'KOPPELKANS_WITHOUT_OPGAVE')).toEqual(['WERKBLAD koppelkansen kiezen!A6']);
  });

  test('rows that are all in order raise nothing', () => {
    const a = analyze(
      book({
        rows: [
          ['Groen', 'Geveltuinen', 1, 2, 3],
          ['Werk', 'Stageplekken', 3, 2, 1],
        ],
      }),
      { now: NOW },
    );
    expect(a.problems).toEqual([]);
  });
});

describe('name warnings', () => {
  test('the opgave and koppelkans cells of every werkblad row, not its scores', () => {
    const a = analyze(
      book({
        rows: [
          ['#N/A', 'Geveltuinen', 1, 1, 1],
          ['Groen', '#REF!', 1, 1, 1],
          ['Werk', true, 1, 1, 1],
          ['Werk', 'Stageplekken', '#N/A', 1, 1],
        ],
      }),
      { now: NOW },
    );
    const W = SHEET_NAMES.werkblad;
    expect(at(a, 'NAME_ERROR_VALUE')).toEqual([`${W}!A6`, `${W}!B7`]);
    expect(at(a, 'NAME_NOT_COMPARABLE')).toEqual([`${W}!B8`]);
  });

  test('a Prioritering with an absent row among its entries (a ragged snapshot) is read around it', () => {
    const ps = prioSheet([[1, 'Geveltuinen', ''], [], [3, true, '']]);
    // a hole where the row would be, as a sparse array read from a file has
    ps.values = ps.values.map((line, i) => (i === 5 ? (undefined as unknown as CellValue[]) : line));
    const a = analyze(book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }, [ps]), { now: NOW });
    expect(a.prioritering!.entries.map((e) => e.row)).toEqual([5, 7]);
    expect(at(a, 'NAME_NOT_COMPARABLE')).toEqual([`${SHEET_NAMES.prioritering}!B7`]);
  });

  test('the koppelkans column of every Prioritering row, first to last, wherever its header puts it', () => {
    const ps: SheetSnapshot = {
      name: SHEET_NAMES.prioritering,
      values: [[], [], [], ['Omdat…', 'Prioriteit', 'Koppelkans'], ['#N/A', 1, '#N/A'], ['', 2, 'Geveltuinen'], ['#NAME?', 3, true]],
    };
    const a = analyze(book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }, [ps]), { now: NOW });
    expect(at(a, 'NAME_ERROR_VALUE')).toEqual([`${SHEET_NAMES.prioritering}!C5`]);
    expect(at(a, 'NAME_NOT_COMPARABLE')).toEqual([`${SHEET_NAMES.prioritering}!C7`]);
  });
});

describe('ranking and top', () => {
  test('every row with a total, high to low, ties sharing a rank; the top is every rank up to 15', () => {
    // 17 rows: totals 51, 48, … ; rows 14-17 of the data tie on the 14th place
    const rows: CellValue[][] = Array.from({ length: 17 }, (_, i) => {
      const s = i < 13 ? 10 - Math.floor(i / 2) : 3;
      return ['Groen', `K${i + 1}`, s, s, i < 13 ? i % 2 : 0];
    });
    rows.push(['Groen', 'Zonder score', null, null, null]);
    const a = analyze(book({ rows }), { now: NOW });
    expect(a.ranking).toHaveLength(17);
    expect(a.ranking.map((e) => e.total)).toEqual([...a.ranking.map((e) => e.total)].sort((x, y) => y - x));
    expect(a.ranking.slice(13).map((e) => e.rank)).toEqual([14, 14, 14, 14]);
    expect(a.top.map((e) => e.koppelkans)).toEqual(a.ranking.map((e) => e.koppelkans));
    expect(a.ranking[0]).toEqual({ rank: 1, row: 7, opgave: 'Groen', koppelkans: 'K2', total: 21, scored: 3, factors: 3 });
    // three more in front push the tie past 15: the top keeps only ranks up to 15
    const more = analyze(book({ rows: [['Groen', 'A', 10, 10, 10], ['Groen', 'B', 10, 10, 10], ['Groen', 'C', 10, 10, 10], ...rows] }), { now: NOW });
    expect(more.ranking).toHaveLength(20);
    expect(more.top).toEqual(more.ranking.slice(0, 15));
    expect([more.ranking[14].rank, more.ranking[15].rank]).toEqual([15, 16]);
  });

  test('the werkblad part holds the layout, the factors and the rows read', () => {
    const a = analyze(book({ factors: ['A', 'B'], weights: [2, 1], rows: [['Groen', 'Geveltuinen', 3, 1]] }), { now: NOW });
    expect(a.werkblad!.layout.sheet).toBe(SHEET_NAMES.werkblad);
    expect(a.werkblad!.factors.map((f) => [f.name, f.weging])).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    expect(a.werkblad!.rows.map((r) => [r.row, r.koppelkans, r.total])).toEqual([[6, 'Geveltuinen', 7]]);
  });

  test('a werkblad without factors: a Koppelkansen workbook with its error, no rows, no ranking; the Prioritering is still read', () => {
    const a = analyze(book({ factors: [], rows: [['Groen', 'Geveltuinen']] }, [prioSheet([[1, 'Geveltuinen', '']])]), { now: NOW });
    expect(a.kind).toBe('koppelkansen');
    expect(a.werkblad).toBeNull();
    expect([a.ranking, a.top]).toEqual([[], []]);
    expect(a.problems.some((p) => p.code === 'NO_FACTORS' && p.severity === 'error')).toBe(true);
    expect(a.prioritering!.entries.map((e) => [e.koppelkans, e.autoRank])).toEqual([['Geveltuinen', null]]);
    expect(at(a, 'PRIO_NOT_ON_WERKBLAD')).toEqual([`${SHEET_NAMES.prioritering}!B5`]);
  });
});

describe('the Prioritering', () => {
  test('entries with the automatic rank of the first werkblad row of their name; names not on the werkblad warned', () => {
    const a = analyze(
      book(
        {
          rows: [
            ['Groen', 'Geveltuinen', 1, 1, 1],
            ['Werk', 'Stageplekken', null, null, null],
            ['Werk', 'stageplekken', 5, 5, 5],
            ['Groen', null, null, null, null],
          ],
        },
        [
          prioSheet([
            [1, 'Stageplekken', ''],
            [2, 'GEVELTUINEN', ''],
            [3, 'Buurtbus', ''],
          ]),
        ],
      ),
      { now: NOW },
    );
    expect(a.prioritering!.layout).toMatchObject({ sheet: SHEET_NAMES.prioritering, headerRow: 4, firstRow: 5, lastRow: 7 });
    // the first Stageplekken row has no total: no automatic rank, even though the later one has rank 1
    expect(a.prioritering!.entries.map((e) => [e.row, e.place, e.koppelkans, e.autoRank])).toEqual([
      [5, 1, 'Stageplekken', null],
      [6, 2, 'GEVELTUINEN', 2],
      [7, 3, 'Buurtbus', null],
    ]);
    expect(at(a, 'PRIO_NOT_ON_WERKBLAD')).toEqual([`${SHEET_NAMES.prioritering}!B7`]);
  });

  test('an order that deviates from the ranking without a reason is warned', () => {
    const a = analyze(
      book(
        {
          rows: [
            ['Groen', 'Geveltuinen', 5, 5, 5],
            ['Werk', 'Stageplekken', 1, 1, 1],
          ],
        },
        [
          prioSheet([
            [1, 'Stageplekken', ''],
            [2, 'Geveltuinen', ''],
          ]),
        ],
      ),
      { now: NOW },
    );
    expect(a.prioritering!.entries.filter((e) => e.needsReason).length).toBe(1);
    expect(a.problems.filter((p) => p.code === 'PRIO_NO_REASON')).toHaveLength(1);
  });

  test('no Prioritering sheet: null', () => {
    expect(analyze(book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }), { now: NOW }).prioritering).toBeNull();
  });
});

describe('the checklist', () => {
  test('read for the date asked, in the workbook date system', () => {
    // overstap in 2030: the WUP is due 8 years earlier, 2022; late in 2026, not in 2020
    const s = book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }, [checklistSheet(47484)]);
    const late = analyze(s, { now: NOW });
    expect(late.checklist).toMatchObject({ sheet: SHEET_NAMES.checklist, overstapYear: 2030, late: true, date1904: false });
    expect(late.problems.some((p) => p.code === 'CHECKLIST_LATE' && p.sheet === SHEET_NAMES.checklist)).toBe(true);
    const early = analyze(s, { now: new Date('2020-01-01T10:00:00Z') });
    expect(early.checklist!.late).toBe(false);
    expect(early.problems.some((p) => p.code === 'CHECKLIST_LATE')).toBe(false);
    // the same serial in the 1904 system is four years later
    const in1904 = analyze({ ...s, date1904: true }, { now: NOW });
    expect(in1904.checklist).toMatchObject({ date1904: true, overstapYear: 2034 });
  });

  test('without a date asked, today', () => {
    const s = book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }, [checklistSheet(47484)]);
    const a = analyze(s);
    // overstap in 2030, WUP due in 2022: late today as on 28 Nov 2026
    expect(a.checklist!.late).toBe(new Date().getUTCFullYear() > 2022);
    expect(a).toEqual(analyze(s, { now: new Date() }));
  });

  test('no checklist sheet: null', () => {
    expect(analyze(book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }), { now: NOW }).checklist).toBeNull();
  });
});

describe('the problems', () => {
  test('sorted: errors first, then warnings, then info; within each by sheet and cell', () => {
    const a = analyze(
      book(
        {
          rows: [
            ['Groen', 'Geveltuinen', null, null, null],
            ['Onbekend', 'Iets', 'x', 1, 1],
            ['Werk', 'Stageplekken', 1, null, 1],
            ['Groen', 'Geveltuinen', 20, 1, 1],
          ],
        },
        [prioSheet([[0, 'Buurtbus', '']])],
      ),
      { now: NOW },
    );
    const sev = a.problems.map((p) => p.severity);
    expect(new Set(sev)).toEqual(new Set(['error', 'warning', 'info']));
    for (let i = 1; i < a.problems.length; i++) expect(compareProblems(a.problems[i - 1], a.problems[i])).toBeLessThanOrEqual(0);
    expect(a.problems[0].severity).toBe('error');
    expect(a.problems[a.problems.length - 1].severity).toBe('info');
  });
});

describe('analyzeWritten', () => {
  function written(earlier: WorkbookSnapshot, row: number, values: CellValue[]): WorkbookSnapshot {
    // a written snapshot as `simulate` leaves it: new arrays for every row of the written sheet
    return {
      ...earlier,
      sheets: earlier.sheets.map((s, i) => (i === 0 ? { ...s, values: s.values.map((line, r) => (r === row - 1 ? values : [...line])) } : s)),
    };
  }

  test('equals analyze of the written snapshot; rows the writes left alone are the earlier row objects', () => {
    const earlier = book(
      {
        rows: [
          ['Groen', 'Geveltuinen', 1, 1, 1],
          ['Werk', 'Stageplekken', 2, 2, 2],
          ['Groen', 'Groene daken', 3, 3, 3],
        ],
      },
      [prioSheet([[1, 'Groene daken', '']]), checklistSheet(47484)],
    );
    const before = analyze(earlier, { now: NOW });
    const next = written(earlier, 7, ['Werk', 'Stageplekken', 9, 9, 9]);
    const a = analyzeWritten(next, earlier, { now: NOW });
    expect(a).toEqual(analyze(written(earlier, 7, ['Werk', 'Stageplekken', 9, 9, 9]), { now: NOW }));
    expect(a.werkblad!.rows[0]).toBe(before.werkblad!.rows[0]);
    expect(a.werkblad!.rows[2]).toBe(before.werkblad!.rows[2]);
    expect(a.werkblad!.rows[1]).not.toBe(before.werkblad!.rows[1]);
    expect(a.werkblad!.rows[1].total).toBe(27);
    expect(a.ranking[0].koppelkans).toBe('Stageplekken');
  });

  test('without options: today', () => {
    const earlier = book({ rows: [['Groen', 'Geveltuinen', 1, 1, 1]] }, [checklistSheet(47484)]);
    analyze(earlier, { now: NOW });
    const a = analyzeWritten(written(earlier, 6, ['Groen', 'Geveltuinen', 2, 2, 2]), earlier);
    expect(a.checklist!.late).toBe(new Date().getUTCFullYear() > 2022);
  });
});

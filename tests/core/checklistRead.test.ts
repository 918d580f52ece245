/**
 * `readChecklist` on sheets as teams leave them (src/core/checklist.ts): the header found
 * where the team put it, each basiselement with its own status and texts, progress per
 * onderdeel, the overstap date beside its label and the 8-year rule, and a warning naming
 * the cell for what cannot be read. Serial dates are Excel's, written out: 47848 is
 * 31-12-2030 and 47484 is 1-1-2030 in the 1900 system, 46386 is 31-12-2030 in the 1904 system.
 */
import { readChecklist } from '../../src/core/checklist';
import type { Problem } from '../../src/core/problems';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';

const NAME = 'WUP checklist';
const MID_2021 = new Date('2021-06-01T12:00:00Z');

function sheet(values: CellValue[][]): SheetSnapshot {
  return { name: NAME, values };
}

/** The template's shape: title, date label in A3 with the date in C3, header in row 6. */
function template(date: CellValue, rows: CellValue[][]): SheetSnapshot {
  return sheet([
    ['WUP checklist'],
    [],
    ['Datum overstap laatste woning', null, date],
    ['Uiterlijk WUP vastgesteld in (jaar)'],
    [],
    ['Onderdeel', 'Basiselement', 'Status', 'Toelichting', 'Verantwoordelijke'],
    ...rows,
  ]);
}

function read(s: SheetSnapshot, now = MID_2021, date1904 = false) {
  const problems: Problem[] = [];
  const state = readChecklist(s, now, problems, date1904);
  return { state, problems: problems.map((p) => [p.code, p.cell, p.message]) };
}

describe('the basiselementen', () => {
  test('each row with a basiselement, its onderdeel carried down, status matched whatever its case, the texts and what was read', () => {
    const { state, problems } = read(
      template(null, [
        ['Wijkanalyse', 'Warmtevraag', 'klaar', 'Gedaan in mei', 'Anna'],
        [null, 'Bebouwing', ' BEZIG ', null, 'Bert'],
        [null, null, 'Klaar', 'een regel zonder basiselement telt niet'],
        ['Participatie', null],
        [null, 'Bewonersavond', null, 'volgt', null],
        ['Participatie', 'Enquête', 'To do', 12, true],
      ]),
    );
    expect(state.headerRow).toBe(6);
    expect(state.sheet).toBe(NAME);
    expect(state.items).toEqual([
      {
        row: 7,
        onderdeel: 'Wijkanalyse',
        item: 'Warmtevraag',
        status: 'Klaar',
        toelichting: 'Gedaan in mei',
        verantwoordelijke: 'Anna',
        read: ['klaar', 'Gedaan in mei', 'Anna'],
      },
      { row: 8, onderdeel: 'Wijkanalyse', item: 'Bebouwing', status: 'Bezig', toelichting: '', verantwoordelijke: 'Bert', read: [' BEZIG ', null, 'Bert'] },
      { row: 11, onderdeel: 'Participatie', item: 'Bewonersavond', status: null, toelichting: 'volgt', verantwoordelijke: '', read: [null, 'volgt', null] },
      { row: 12, onderdeel: 'Participatie', item: 'Enquête', status: 'To do', toelichting: '12', verantwoordelijke: 'WAAR', read: ['To do', 12, true] },
    ]);
    // rows 8 and 11 have no onderdeel of their own: the progress table of the workbook does not count them
    expect(problems.map(([code, cell]) => [code, cell])).toEqual([
      ['CHECKLIST_EMPTY_ONDERDEEL', 'A8'],
      ['CHECKLIST_EMPTY_ONDERDEEL', 'A11'],
    ]);
    expect(problems[0][2]).toContain('"Wijkanalyse"');
    expect(problems[1][2]).toContain('"Participatie"');
  });

  test('a basiselement before any onderdeel: no onderdeel to carry, no warning about one', () => {
    const { state, problems } = read(template(null, [[null, 'Los element', 'Bezig']]));
    expect(state.items.map((i) => [i.row, i.onderdeel, i.status])).toEqual([[7, '', 'Bezig']]);
    expect(problems).toEqual([]);
  });

  test('an unknown status: a warning naming the cell and the text; the item counts as without status', () => {
    const { state, problems } = read(template(null, [['Wijkanalyse', 'Warmtevraag', 'Half af']]));
    expect(state.items[0].status).toBeNull();
    expect(problems).toEqual([['CHECKLIST_BAD_STATUS', 'C7', expect.stringMatching(/^De status "Half af" is onbekend; kies To do, Bezig of Klaar\.$/)]]);
  });
});

describe('the header row', () => {
  test('found where the team put it (row 2 here), in any case; items start below it', () => {
    const { state } = read(sheet([['Checklist'], ['ONDERDEEL', 'BASISELEMENT', 'STATUS'], ['Wijkanalyse', 'Warmtevraag', 'Klaar']]));
    expect(state.headerRow).toBe(2);
    expect(state.items.map((i) => [i.row, i.item, i.status])).toEqual([[3, 'Warmtevraag', 'Klaar']]);
  });

  test('a row needs both "Basiselement" and "Status" to be the header', () => {
    const s = sheet([
      ['Checklist'],
      ['Onderdeel', 'Basiselement'],
      ['Onderdeel', 'Status'],
      ['x', 'y'],
      ['x', 'y'],
      ['Onderdeel', 'Basiselement', 'Status'],
      ['Wijkanalyse', 'Warmtevraag'],
    ]);
    expect(read(s).state.headerRow).toBe(6);
    expect(read(s).state.items.map((i) => i.row)).toEqual([7]);
  });

  test('the first header in rows 1 to 12 counts; one further down is not looked for (the template row 6 is assumed)', () => {
    const twice = sheet([
      ['Onderdeel', 'Basiselement', 'Status'],
      ['Wijkanalyse', 'A'],
      ['Onderdeel', 'Basiselement', 'Status'],
      ['Wijkanalyse', 'B'],
    ]);
    expect(read(twice).state.headerRow).toBe(1);
    const rows: CellValue[][] = Array.from({ length: 12 }, () => ['']);
    rows.push(['Onderdeel', 'Basiselement', 'Status'], ['Wijkanalyse', 'Warmtevraag']);
    const low = read(sheet(rows)).state;
    expect(low.headerRow).toBe(6);
    // without a header found, every row below row 6 with a basiselement is read, the late header included
    expect(low.items.map((i) => [i.row, i.item])).toEqual([
      [13, 'Basiselement'],
      [14, 'Warmtevraag'],
    ]);
  });

  test('a header in row 12 of a sheet of 12 rows is found', () => {
    const rows: CellValue[][] = Array.from({ length: 11 }, () => ['']);
    rows.push(['Onderdeel', 'Basiselement', 'Status']);
    expect(read(sheet(rows)).state).toMatchObject({ headerRow: 12, items: [] });
  });
});

describe('progress', () => {
  test('per onderdeel in the order they first appear, Klaar and Bezig counted, and the total', () => {
    const { state } = read(
      template(null, [
        ['Uitvoeringsstrategie', 'U1', 'Klaar'],
        [null, 'U2', 'Bezig'],
        [null, 'U3', 'To do'],
        ['Wijkanalyse', 'W1', 'Klaar'],
        [null, 'W2', 'Klaar'],
        ['Uitvoeringsstrategie', 'U4', 'Bezig'],
        ['Participatie', 'P1', null],
      ]),
    );
    expect(state.progress).toEqual([
      { onderdeel: 'Uitvoeringsstrategie', klaar: 1, bezig: 2, total: 4 },
      { onderdeel: 'Wijkanalyse', klaar: 2, bezig: 0, total: 2 },
      { onderdeel: 'Participatie', klaar: 0, bezig: 0, total: 1 },
    ]);
    expect(state.overall).toEqual({ onderdeel: 'Totaal', klaar: 3, bezig: 2, total: 7 });
  });

  // the engine trimmed with JavaScript's trim() and the progress formulas with TRIM: "Klaar"+NBSP, "Bezig"+tab and a
  // basiselement of one NBSP differed; a U+2003 is no space to either now (src/core/names.ts, the text rule)
  test('text rule: NBSP, tab and line breaks around a status are spaces, U+2003 is not; an Onderdeel is compared with inner spaces collapsed', () => {
    const { state, problems } = read(
      template(null, [
        ['Wijkanalyse', 'W1', 'Klaar\u00a0'],
        ['Wijkanalyse', 'W2', '\tBezig\t'],
        ['Wijkanalyse', 'W3', '\nklaar\r'],
        ['Wijkanalyse', 'W4', 'Klaar\u2003'],
        ['Wijkanalyse', '\u00a0 \t', 'Klaar'],
        ['Wijkanalyse', '\u2003', 'Bezig'],
        ['Uitvoerings  strategie\u00a0', 'U1', 'Klaar'],
        ['Uitvoerings\tstrategie', 'U2', 'To  do'],
      ]),
    );
    expect(state.items.map((i) => [i.onderdeel, i.item, i.status])).toEqual([
      ['Wijkanalyse', 'W1', 'Klaar'],
      ['Wijkanalyse', 'W2', 'Bezig'],
      ['Wijkanalyse', 'W3', 'Klaar'],
      ['Wijkanalyse', 'W4', null],
      ['Wijkanalyse', '\u2003', 'Bezig'],
      ['Uitvoerings strategie', 'U1', 'Klaar'],
      ['Uitvoerings strategie', 'U2', 'To do'],
    ]);
    expect(state.progress).toEqual([
      { onderdeel: 'Wijkanalyse', klaar: 2, bezig: 2, total: 5 },
      { onderdeel: 'Uitvoerings strategie', klaar: 1, bezig: 0, total: 2 },
    ]);
    expect(problems.map((p) => [p[0], p[1]])).toEqual([['CHECKLIST_BAD_STATUS', 'C10']]);
  });

  test('no items: no parts, a total of zero', () => {
    const { state } = read(template(null, []));
    expect(state.progress).toEqual([]);
    expect(state.overall).toEqual({ onderdeel: 'Totaal', klaar: 0, bezig: 0, total: 0 });
  });
});

describe('the overstap date and the 8-year rule', () => {
  test('a date in C3: its year, the deadline 8 years before, an info message naming both in C3', () => {
    const { state, problems } = read(template(47848, []));
    expect(state).toMatchObject({ overstapSerial: 47848, overstapYear: 2030, deadlineYear: 2022, late: false, overstapRead: 47848, date1904: false });
    expect(problems).toEqual([['CHECKLIST_DEADLINE', 'C3', expect.stringMatching(/in 2030: stel de WUP uiterlijk in 2022 vast/)]]);
  });

  test('late only after the deadline year: in 2022 still in time, in 2023 late (a warning naming both years)', () => {
    expect(read(template(47484, []), new Date('2022-12-31T12:00:00Z')).state.late).toBe(false);
    const late = read(template(47484, []), new Date('2023-01-02T12:00:00Z'));
    expect(late.state).toMatchObject({ overstapYear: 2030, deadlineYear: 2022, late: true });
    expect(late.problems).toEqual([['CHECKLIST_LATE', 'C3', expect.stringMatching(/in 2030: de WUP moet uiterlijk in 2022 zijn vastgesteld/)]]);
  });

  test('the 1904 date system: the same day is another serial', () => {
    expect(read(template(46386, []), MID_2021, true).state).toMatchObject({ overstapYear: 2030, deadlineYear: 2022, date1904: true });
    expect(read(template(46386, []), MID_2021, false).state).toMatchObject({ overstapYear: 2026, deadlineYear: 2018 });
  });

  test('without a date system given, the 1900 system', () => {
    expect(readChecklist(template(47848, []), MID_2021, [])).toMatchObject({ overstapYear: 2030, date1904: false });
  });

  test('the label moved: the date is read beside "Datum overstap…" wherever it is above the header', () => {
    const s = sheet([['DATUM OVERSTAP laatste woning', null, 47848], [], [], [], ['Onderdeel', 'Basiselement', 'Status']]);
    const { state, problems } = read(s);
    expect(state).toMatchObject({ headerRow: 5, overstapYear: 2030 });
    expect(problems.map(([code, cell]) => [code, cell])).toEqual([['CHECKLIST_DEADLINE', 'C1']]);
  });

  test('a label below the header is not the date label', () => {
    const s = template(null, [['Datum overstap laatste woning', null, 47848]]);
    expect(read(s).state).toMatchObject({ overstapSerial: null, overstapYear: null });
  });

  test.each([
    ['eind 2030', 'eind 2030'],
    [0, '0'],
    [-5, '-5'],
    [true, 'true'],
  ])('%j is no date: a warning naming C3 and the value; no deadline', (value, shown) => {
    const { state, problems } = read(template(value, []));
    expect(state).toMatchObject({ overstapSerial: null, overstapYear: null, deadlineYear: null, late: false, overstapRead: value });
    expect(problems).toEqual([['CHECKLIST_BAD_DATE', 'C3', `"${shown}" is geen datum. Vul de datum van de overstap van de laatste woning in.`]]);
  });

  test.each([null, ''])('%j: no date yet, nothing to say', (value) => {
    const { state, problems } = read(template(value, []));
    expect(state).toMatchObject({ overstapSerial: null, deadlineYear: null, late: false });
    expect(problems).toEqual([]);
  });
});

describe('error values and an Onderdeel that is no text (the progress formulas cannot read them as the engine did)', () => {
  test('regression checklistErrorValue: an error in Onderdeel, Basiselement or Status matches nothing, as the progress formulas count it, with a warning naming the cell', () => {
    const { state, problems } = read(
      template(null, [
        ['Wijkanalyse', 'Warmtevraag', 'Klaar'],
        ['#N/A', 'Bebouwing', 'Klaar'],
        ['Wijkanalyse', '#DIV/0!', 'Bezig'],
        ['Wijkanalyse', 'Netten', '#VALUE!'],
      ]),
    );
    // before: the #N/A Onderdeel was empty, so the row was carried into Wijkanalyse (Klaar 2 of 3), the #DIV/0! basiselement
    // was an item and #VALUE! an unknown status; the workbook's formulas showed an error instead of any count
    expect(state.items.map((i) => [i.row, i.item, i.status])).toEqual([
      [7, 'Warmtevraag', 'Klaar'],
      [8, 'Bebouwing', 'Klaar'],
      [10, 'Netten', null],
    ]);
    expect(state.progress).toEqual([{ onderdeel: 'Wijkanalyse', klaar: 1, bezig: 0, total: 2 }]);
    expect(problems.map(([code, cell]) => `${code}@${cell}`)).toEqual(['CHECKLIST_ERROR_VALUE@A8', 'CHECKLIST_ERROR_VALUE@B9', 'CHECKLIST_ERROR_VALUE@C10']);
    expect(problems[0][2]).toContain('#N/A');
  });

  test('regression checklistOnderdeelNotText: a number or TRUE as Onderdeel gets a warning naming the cell, as Excel shows it', () => {
    const { problems } = read(
      template(null, [
        [12, 'Warmtevraag', 'Klaar'],
        [true, 'Bebouwing', 'Klaar'],
        ['Wijkanalyse', 'Netten', 'Klaar'],
      ]),
    );
    expect(problems.map(([code, cell]) => `${code}@${cell}`)).toEqual(['CHECKLIST_ONDERDEEL_NOT_TEXT@A7', 'CHECKLIST_ONDERDEEL_NOT_TEXT@A8']);
    expect(problems[1][2]).toContain('"WAAR" is een waarheidswaarde');
  });
});

/**
 * Reading the team's own order on the Prioritering sheet (src/core/prioritering.ts):
 * where the header and the columns are, which rows are entries, the place of an entry,
 * its automatic rank, and which entries need a reason (the minimal-move rule). Written
 * against the survivors of a StrykerJS run of prioritering.ts (CONTRIBUTING.md).
 */
import type { Problem } from '../../src/core/problems';
import { prioCheckKey, readPrioEntries, readPrioLayout } from '../../src/core/prioritering';
import type { RankEntry } from '../../src/core/ranking';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';

const HEADER = ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang', 'Signaal', 'Gecontroleerd (add-in)', 'Afwijking (add-in)'];

/** A Prioritering sheet: title, two empty rows, the header in row 4, the entries from row 5. */
const prioSheet = (entries: CellValue[][], header: CellValue[] = HEADER, headerRow = 4): SheetSnapshot => ({
  name: 'Prioritering',
  values: [['Prioritering: de keuze van het team'], ...Array.from({ length: headerRow - 2 }, () => []), header, ...entries],
});

const rank = (rank: number, row: number, koppelkans: string): RankEntry => ({
  rank,
  row,
  koppelkans,
  opgave: 'Groen',
  total: 10 - rank,
  scored: 3,
  factors: 3,
});

/** Entries and problems ("CODE@cell: message") of a sheet, against a werkblad with these koppelkansen ranked 1, 2, 3 … in rows 6, 7, 8 …. */
function entriesOf(sheet: SheetSnapshot, werkblad: string[] = ['Daken', 'Tuinen', 'Stage', 'Bomen']) {
  const ranking = werkblad.map((k, i) => rank(i + 1, 6 + i, k));
  const problems: Problem[] = [];
  const entries = readPrioEntries(
    sheet,
    readPrioLayout(sheet),
    ranking,
    new Set(werkblad.map((k) => k.toLowerCase())),
    problems,
    werkblad.map((koppelkans, i) => ({ row: 6 + i, koppelkans })),
  );
  return { entries, problems: problems.map((p) => `${p.code}@${p.cell}: ${p.message}`) };
}

describe('readPrioLayout', () => {
  it('finds the header in row 4, each column by its label, and the last row with a team entry', () => {
    const sheet = prioSheet([
      [1, 'Daken'],
      [null, null, null, 'Jan'],
      [null, null, null, null, 3, 'signaal'],
    ]);
    expect(readPrioLayout(sheet)).toEqual({
      sheet: 'Prioritering',
      headerRow: 4,
      firstRow: 5,
      columns: { prioriteit: 1, koppelkans: 2, omdat: 3, verantwoordelijke: 4, rang: 5, signaal: 6, controle: 7, afwijking: 8 },
      // row 7 holds only the engine's columns (rang, signaal): no team entry
      lastRow: 6,
    });
  });

  it('follows a header the team moved (row 2) and columns it reordered, labels in any case, "Omdat..." with three dots', () => {
    const header = [
      'KOPPELKANS',
      'Verantwoordelijke',
      'Prioriteit',
      'omdat...',
      'Signaal',
      'Automatische rang',
      'Afwijking (add-in)',
      'Gecontroleerd (add-in)',
    ];
    const sheet: SheetSnapshot = { name: 'Prioritering', values: [['titel'], header, ['Daken', 'Jan', 1, 'reden']] };
    expect(readPrioLayout(sheet)).toEqual({
      sheet: 'Prioritering',
      headerRow: 2,
      firstRow: 3,
      columns: { koppelkans: 1, verantwoordelijke: 2, prioriteit: 3, omdat: 4, signaal: 5, rang: 6, afwijking: 7, controle: 8 },
      lastRow: 3,
    });
  });

  it('finds "Omdat…" (one ellipsis character) wherever the team put it', () => {
    const header = ['Koppelkans', 'Prioriteit', 'Verantwoordelijke', 'Omdat…'];
    expect(readPrioLayout(prioSheet([], header)).columns).toMatchObject({ koppelkans: 1, prioriteit: 2, verantwoordelijke: 3, omdat: 4 });
  });

  it('looks for the header in the first 10 rows only, and needs both "Koppelkans" and an "Omdat" label', () => {
    const late: SheetSnapshot = { name: 'Prioritering', values: [...Array.from({ length: 10 }, () => ['x']), HEADER] };
    expect(readPrioLayout(late).headerRow).toBe(4);
    const noOmdat: SheetSnapshot = {
      name: 'Prioritering',
      values: [
        ['Prioriteit', 'Koppelkans', 'Reden'],
        [1, 'Daken'],
      ],
    };
    expect(readPrioLayout(noOmdat)).toMatchObject({ headerRow: 4, firstRow: 5 });
    expect(readPrioLayout(prioSheet([], ['Koppelkans', 'Omdat het moet'], 10)).headerRow).toBe(10);
  });

  it('without a header uses the standard places, and puts the check columns in the first free header cells to the right', () => {
    const sheet: SheetSnapshot = { name: 'Prioritering', values: [[], [], [], [null, null, null, null, null, null, 'Opmerking', null, 'ook bezet']] };
    expect(readPrioLayout(sheet)).toEqual({
      sheet: 'Prioritering',
      headerRow: 4,
      firstRow: 5,
      columns: { prioriteit: 1, koppelkans: 2, omdat: 3, verantwoordelijke: 4, rang: 5, signaal: 6, controle: 8, afwijking: 10 },
      lastRow: 4,
    });
  });

  it('without a header and with an empty header row, the check columns are G and H, never a column of the six (Signaal is F)', () => {
    const sheet: SheetSnapshot = { name: 'Prioritering', values: [['titel'], [], [], [], [1, 'Daken']] };
    const { columns } = readPrioLayout(sheet);
    expect([columns.signaal, columns.controle, columns.afwijking]).toEqual([6, 7, 8]);
  });

  it('a header without check columns gets them right of its last column, never on a labelled one', () => {
    const header = ['Prioriteit', 'Koppelkans', 'Omdat…', 'Verantwoordelijke', 'Automatische rang', 'Signaal', 'Notitie'];
    const { columns } = readPrioLayout(prioSheet([], header));
    expect([columns.controle, columns.afwijking]).toEqual([8, 9]);
    const onlyAfwijking = [...header.slice(0, 6), null, 'Afwijking (add-in)'];
    const both = readPrioLayout(prioSheet([], onlyAfwijking)).columns;
    expect([both.controle, both.afwijking]).toEqual([7, 8]);
    const onlyControle = [...header.slice(0, 6), 'Gecontroleerd (add-in)'];
    const other = readPrioLayout(prioSheet([], onlyControle)).columns;
    expect([other.controle, other.afwijking]).toEqual([7, 8]);
  });
});

test('prioCheckKey: the place and the koppelkans under the matching rule, joined by "|"', () => {
  expect(prioCheckKey(3, '  Meer\u00a0 Groen ')).toBe('3|meer groen');
});

describe('readPrioEntries', () => {
  it('takes the Prioriteit number as the place, else the position; names a bad place and skips rows without koppelkans', () => {
    const { entries, problems } = entriesOf(
      prioSheet([
        [2, ' Tuinen ', 'omdat het kan', ' Jan '],
        [null, null, 'los commentaar'],
        ['eerste', 'Daken'],
        [0, 'Stage'],
        [1.5, 'Bomen'],
        ['', 'Hagen'],
        [null, 'Hoven'],
      ]),
      ['Daken', 'Tuinen', 'Stage', 'Bomen', 'Hagen', 'Hoven'],
    );
    expect(entries.map((e) => [e.row, e.place, e.koppelkans, e.omdat, e.verantwoordelijke])).toEqual([
      [5, 2, 'Tuinen', 'omdat het kan', 'Jan'],
      [7, 3, 'Daken', '', ''],
      [8, 4, 'Stage', '', ''],
      [9, 5, 'Bomen', '', ''],
      [10, 6, 'Hagen', '', ''],
      [11, 7, 'Hoven', '', ''],
    ]);
    expect(problems.filter((p) => p.startsWith('PRIO_BAD_PLACE'))).toEqual([
      'PRIO_BAD_PLACE@A7: De prioriteit "eerste" is geen heel getal van 1 of meer.',
      'PRIO_BAD_PLACE@A8: De prioriteit "0" is geen heel getal van 1 of meer.',
      'PRIO_BAD_PLACE@A9: De prioriteit "1.5" is geen heel getal van 1 of meer.',
    ]);
  });

  it('gives each entry the automatic rank of the first werkblad row with its name (matching rule), null without one', () => {
    const werkbladRows = [
      { row: 6, koppelkans: 'Daken' },
      { row: 7, koppelkans: 'daken ' },
      { row: 8, koppelkans: 'Tuinen' },
      { row: 9, koppelkans: '' },
    ];
    const ranking = [rank(1, 7, 'daken'), rank(2, 8, 'Tuinen')];
    const sheet = prioSheet([
      [1, 'DAKEN'],
      [2, 'Tuinen'],
      [3, 'Stage'],
    ]);
    const problems: Problem[] = [];
    const entries = readPrioEntries(sheet, readPrioLayout(sheet), ranking, new Set(['daken', 'tuinen']), problems, werkbladRows);
    // row 6 (Daken, no total) comes first: its rank (none) counts, not row 7's
    expect(entries.map((e) => e.autoRank)).toEqual([null, 2, null]);
    expect(problems.map((p) => `${p.code}@${p.cell}`)).toEqual(['PRIO_NOT_ON_WERKBLAD@B7']);
  });

  it('without werkblad rows takes the rank from the ranking by name', () => {
    const sheet = prioSheet([
      [1, 'tuinen'],
      [2, 'Daken'],
    ]);
    const entries = readPrioEntries(
      sheet,
      readPrioLayout(sheet),
      [rank(1, 6, 'Daken'), rank(2, 7, 'Tuinen'), rank(3, 8, 'Daken')],
      new Set(['daken', 'tuinen']),
      [],
    );
    expect(entries.map((e) => e.autoRank)).toEqual([2, 1]);
  });

  it('names a koppelkans listed twice (matching rule) with the cell of the first', () => {
    const { problems } = entriesOf(
      prioSheet([
        [1, 'Daken'],
        [2, 'Tuinen'],
        [3, ' daken'],
      ]),
    );
    expect(problems).toContain('PRIO_DUPLICATE@B7: "daken" staat twee keer in de prioritering (ook in B5).');
  });

  it('names a koppelkans that is not on the werkblad', () => {
    const { entries, problems } = entriesOf(
      prioSheet([
        [1, 'Daken'],
        [2, 'Zonnepanelen'],
      ]),
    );
    expect(entries[1].autoRank).toBeNull();
    expect(problems).toEqual(['PRIO_NOT_ON_WERKBLAD@B6: "Zonnepanelen" staat niet op het werkblad en heeft dus geen automatische rang.']);
  });

  it('asks a reason only for the entry the team moved (by place, then row), at its Omdat cell', () => {
    // team order by place: Stage (3) first, then Daken (1), Tuinen (2), Bomen (4); rows in another order
    const { entries, problems } = entriesOf(
      prioSheet([
        [2, 'Daken'],
        [4, 'Bomen'],
        [1, 'Stage'],
        [3, 'Tuinen'],
      ]),
    );
    expect(entries.map((e) => [e.koppelkans, e.deviates, e.needsReason])).toEqual([
      ['Daken', false, false],
      ['Bomen', false, false],
      ['Stage', true, true],
      ['Tuinen', false, false],
    ]);
    expect(problems).toEqual(['PRIO_NO_REASON@C7: "Stage" staat op plaats 1 maar automatisch op 3: vul bij "Omdat…" de reden in.']);
  });

  it('a moved entry with a reason deviates but needs nothing; equal places keep the row order', () => {
    const withReason = entriesOf(
      prioSheet([
        [1, 'Stage', 'wens van de wijk'],
        [2, 'Daken'],
        [3, 'Tuinen'],
      ]),
    );
    expect(withReason.entries.map((e) => [e.deviates, e.needsReason])).toEqual([
      [true, false],
      [false, false],
      [false, false],
    ]);
    expect(withReason.problems).toEqual([]);
    // both on place 1: the row order (Tuinen above Daken) is the team's order, so Tuinen moved up
    const tie = entriesOf(
      prioSheet([
        [1, 'Tuinen'],
        [1, 'Daken'],
      ]),
    );
    expect(tie.entries.map((e) => e.deviates)).toEqual([true, false]);
    expect(tie.problems).toEqual(['PRIO_NO_REASON@C5: "Tuinen" staat op plaats 1 maar automatisch op 2: vul bij "Omdat…" de reden in.']);
  });
});

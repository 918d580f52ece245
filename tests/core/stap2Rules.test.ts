/**
 * Small rules of Stap 2 (src/core/stap2.ts) pinned one by one: which "Minder concreet"
 * marks count, the Dutch sentence for what a deselection loses, and the checks of a new
 * opgave or koppelkans name. Written against the survivors of a StrykerJS run of stap2.ts
 * (CONTRIBUTING.md, "Mutation testing").
 */
import type { Longlist } from '../../src/core/longlist';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { describeLoss, readMinderConcreet, validateName } from '../../src/core/stap2';

const LONGLIST = 'Longlist koppelkansen';

/** A longlist with its header in row 1: Opgave, Koppelkans, Toelichting, then `extraHeader`; rows below. */
function minderConcreet(extraHeader: string[], rows: CellValue[][], inWorkbook = true) {
  const snapshot: WorkbookSnapshot = { sheets: [{ name: LONGLIST, values: [['Opgave', 'Koppelkans', 'Toelichting', ...extraHeader], ...rows] }] };
  const longlist: Longlist = {
    layout: { sheet: LONGLIST, headerRow: 1, opgaveColumn: 1, koppelkansColumn: 2, toelichtingColumn: 3, lastRow: rows.length + 1 },
    entries: [],
    opgaven: [],
  };
  return readMinderConcreet(snapshot, { longlist, longlistInWorkbook: inWorkbook });
}

describe('readMinderConcreet', () => {
  it('a mark counts unless it is empty, FALSE, 0 or a "no" word (nee, no, onwaar, false, 0; any case, spaces)', () => {
    const marks: CellValue[] = ['x', 'ja', 1, true, 'Nee', ' NO ', 'onwaar', 'False', '0', 0, false, '', null, 'nee hoor'];
    const rows = marks.map((m, i) => ['Groen', `K${i}`, '', m]);
    expect(minderConcreet(['Minder concreet'], rows).map((m) => m.koppelkans)).toEqual(['K0', 'K1', 'K2', 'K3', 'K13']);
  });

  it('reads opgave, koppelkans, row and the verantwoordelijke (by label, any order, any case); skips rows without koppelkans', () => {
    const rows: CellValue[][] = [
      ['Groen', 'Daken', '', 'Jan', 'x'],
      ['Groen', null, '', 'Piet', 'x'],
      ['Werk', 'Stage', '', '', 'x'],
    ];
    expect(minderConcreet(['verantwoordelijke CONCRETISEREN', 'minder concreet'], rows)).toEqual([
      { opgave: 'Groen', koppelkans: 'Daken', verantwoordelijke: 'Jan', row: 2 },
      { opgave: 'Werk', koppelkans: 'Stage', verantwoordelijke: '', row: 4 },
    ]);
    // the first "Minder concreet" column counts; without a verantwoordelijke column it is ""
    expect(minderConcreet(['Minder concreet', 'Minder concreet'], [['Groen', 'Daken', '', null, 'x']])).toEqual([]);
    expect(minderConcreet(['Minder concreet'], [['Groen', 'Daken', '', 'x']])).toEqual([
      { opgave: 'Groen', koppelkans: 'Daken', verantwoordelijke: '', row: 2 },
    ]);
  });

  it('nothing without the column, or when the longlist is not in the workbook', () => {
    expect(minderConcreet(['Opmerking'], [['Groen', 'Daken', '', 'x']])).toEqual([]);
    expect(minderConcreet(['Minder concreet'], [['Groen', 'Daken', '', 'x']], false)).toEqual([]);
  });
});

test('describeLoss: "1 score", "3 scores", "1 notitie", "2 notities", joined with "en"; "" for nothing', () => {
  expect(describeLoss({ scores: 0, notes: 0 })).toBe('');
  expect(describeLoss({ scores: 1, notes: 0 })).toBe('1 score');
  expect(describeLoss({ scores: 3, notes: 0 })).toBe('3 scores');
  expect(describeLoss({ scores: 0, notes: 1 })).toBe('1 notitie');
  expect(describeLoss({ scores: 3, notes: 2 })).toBe('3 scores en 2 notities');
});

test('validateName: a name, on one line, of at most 255 characters (Excel shows no more in a dropdown)', () => {
  expect(validateName('  ', 'opgave')).toBe('Geef de opgave een naam.');
  expect(validateName('Daken\nTuinen', 'koppelkans')).toBe('De naam van een koppelkans past op één regel: haal de regelovergang weg.');
  expect(validateName('Daken\tTuinen', 'opgave')).toBe('De naam van een opgave past op één regel: haal de regelovergang weg.');
  expect(validateName(` ${'x'.repeat(255)} `, 'koppelkans')).toBeNull();
  expect(validateName('x'.repeat(256), 'koppelkans')).toBe('De naam is 256 tekens; een keuzelijst in Excel toont er hoogstens 255.');
  expect(validateName('Groene daken', 'koppelkans')).toBeNull();
});

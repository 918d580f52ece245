import { DEELNEMERS, deelnemersEdit, parseNames, participants, readDeelnemers } from '../../src/core/deelnemers';
import type { Note } from '../../src/core/notes';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';

const ROW = DEELNEMERS.defaultRow;
const H = DEELNEMERS.column;

/** A Notulen sheet whose log header ("Id" … "Tekst") is in `headerRow`, with `cells` ([row, column, value]) typed above it. */
function notulen(cells: [number, number, CellValue][], headerRow = 10, name = 'Notulen'): WorkbookSnapshot {
  const values: CellValue[][] = Array.from({ length: headerRow + 2 }, () => []);
  values[headerRow - 1] = ['Id', 'Tijd', 'Auteur', 'Stap', 'Koppelkans', 'Succesfactor', 'Soort', 'Tekst'];
  for (const [r, c, v] of cells) values[r - 1][c - 1] = v;
  return { sheets: [{ name, values }] };
}

const note = (author: string) => ({ author }) as Note;

describe('readDeelnemers', () => {
  it('finds the label in column A whatever its case and spaces, with the names beside it in column H', () => {
    const s = readDeelnemers(
      notulen([
        [5, 1, '  DEELNEMERS '],
        [5, H, 'Anna\nBert'],
      ]),
    );
    expect(s).toEqual({ sheet: 'Notulen', row: 5, names: ['Anna', 'Bert'] });
  });

  it('finds the Notulen sheet by the name rules (case ignored)', () => {
    expect(readDeelnemers(notulen([[3, 1, 'Deelnemers']], 10, 'notulen'))).toEqual({ sheet: 'notulen', row: 3, names: [] });
    expect(readDeelnemers({ sheets: [{ name: 'Blad1', values: [['Deelnemers']] }] })).toEqual({ sheet: null, row: null, names: [] });
  });

  it('looks only above the log: a note that says "Deelnemers" is no label', () => {
    const below = notulen([[11, 1, 'Deelnemers']]);
    expect(readDeelnemers(below)).toEqual({ sheet: 'Notulen', row: null, names: [] });
    expect(readDeelnemers(notulen([[10, 1, 'Deelnemers']], 10)).row).toBeNull();
    // the team moved the log down: the label may be lower too
    expect(readDeelnemers(notulen([[13, 1, 'Deelnemers']], 14)).row).toBe(13);
    // the first row counts
    expect(readDeelnemers(notulen([[1, 1, 'Deelnemers']])).row).toBe(1);
  });
});

describe('parseNames and participants', () => {
  it('splits at CR too, joins runs of spaces and drops a name typed twice in another case', () => {
    expect(parseNames('Anna  de Vries\rANNA DE VRIES;;Bert,\t')).toEqual(['Anna de Vries', 'Bert']);
    expect(parseNames('')).toEqual([]);
    // spaces count as one, but they count: two spellings that differ by a space are two names
    expect(parseNames('Anna de Vries, Annade Vries')).toEqual(['Anna de Vries', 'Annade Vries']);
  });

  it('adds the notes’ authors behind the list, tidied, once, and none that is on the list in another spelling', () => {
    expect(participants(['Anna', 'Bert  Jansen'], [note('  Piet   Jansen '), note('bert jansen'), note('  '), note('piet jansen'), note('Cees')])).toEqual([
      'Anna',
      'Bert  Jansen',
      'Piet Jansen',
      'Cees',
    ]);
  });
});

describe('deelnemersEdit', () => {
  it('writes the names, once each, one per line, into the labelled cell, guarded by what the cell held', () => {
    const wb = notulen([
      [5, 1, 'Deelnemers'],
      [5, H, 'Oud'],
    ]);
    expect(deelnemersEdit(wb, ['Anna', ' anna ', 'Bert'])).toEqual({
      ok: true,
      ops: [{ kind: 'setCells', sheet: 'Notulen', cell: 'H5', cells: [[{ text: 'Anna\nBert' }]], expect: [['Oud']] }],
    });
  });

  it('refuses a list longer than a cell holds (32,767 characters) and takes one that just fits', () => {
    const wb = notulen([[5, 1, 'Deelnemers']]);
    const tooLong = deelnemersEdit(wb, ['a'.repeat(32767), 'b']);
    expect(tooLong).toEqual({ ok: false, message: 'De lijst met deelnemers is te lang voor één cel in Excel (32.767 tekens).' });
    expect(deelnemersEdit(wb, ['a'.repeat(32767)]).ok).toBe(true);
  });

  it('adds the label and the names in the default row when there is no label, wrapped from the top', () => {
    expect(deelnemersEdit(notulen([]), ['Anna'])).toEqual({
      ok: true,
      ops: [
        { kind: 'setCells', sheet: 'Notulen', cell: `A${ROW}`, cells: [[{ text: 'Deelnemers' }]], expect: [[null]] },
        { kind: 'setCells', sheet: 'Notulen', cell: `H${ROW}`, cells: [[{ text: 'Anna' }]], expect: [[null]] },
        { kind: 'setStyle', sheet: 'Notulen', range: `H${ROW}`, style: { wrap: true, verticalAlignment: 'top' } },
      ],
    });
  });

  it('names the cell in the way when the default row holds the team’s text, in A or in H, and writes nothing', () => {
    const inA = deelnemersEdit(notulen([[ROW, 1, 'Eigen']]), ['Anna']);
    expect(inA.ok).toBe(false);
    if (!inA.ok)
      expect(inA.message).toMatch(new RegExp(`^De deelnemers horen in Notulen!A${ROW} \\(“Deelnemers”\\) en H${ROW}, maar A${ROW} is al in gebruik\\.`));
    const inH = deelnemersEdit(notulen([[ROW, H, 'Eigen']]), ['Anna']);
    expect(inH.ok).toBe(false);
    if (!inH.ok) expect(inH.message).toContain(`maar H${ROW} is al in gebruik`);
    // text elsewhere in the row is no obstacle
    expect(deelnemersEdit(notulen([[ROW, 2, 'Eigen']]), ['Anna']).ok).toBe(true);
  });

  it('says there is no room when the log starts at or above the default row, and uses the row just above the log', () => {
    const none = deelnemersEdit(notulen([], ROW), ['Anna']);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toMatch(/^Op het werkblad Notulen is boven het verslag geen plaats voor de deelnemers\./);
    expect(deelnemersEdit(notulen([], ROW + 1), ['Anna']).ok).toBe(true);
  });

  it('refuses when there is no Notulen sheet', () => {
    expect(deelnemersEdit({ sheets: [] }, ['Anna'])).toEqual({ ok: false, message: 'Er is nog geen werkblad Notulen: kies eerst "Werkmap voorbereiden".' });
  });
});

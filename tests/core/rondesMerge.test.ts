/**
 * Merging scores collected by mail (`mergeRondes`, the CLI's `samenvoegen` and the pane's
 * import) and withdrawing an adoption whose werkblad write was refused (`withdrawAdoption`),
 * at the level of the engine: which rows are written, in what form, which are skipped, and
 * what the messages say. Written against the "no coverage" mutants of a StrykerJS run of
 * rondes.ts (CONTRIBUTING.md, "Mutation testing"): these two functions had no core tests.
 */
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES } from '../../src/core/layout';
import { readNotes } from '../../src/core/notes';
import { adoptScore, mergeRondes, readRondes, RONDES, scoreKey, summarizeRonde, withdrawAdoption, type MergeResult } from '../../src/core/rondes';
import { simulate } from '../../src/core/simulate';
import type { CellValue, PlanOp, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { workbook, werkbladSheet } from '../helpers/build';

const NOW = new Date('2026-11-30T10:00:00+01:00');
/** NOW as the Tijd column writes it (local time). */
const T = '2026-11-30 10:00';

/** A Scorerondes sheet; rows from row 5: [soort, ronde, deelnemer, koppelkans, factor, score, tijd, sleutel]. */
const rondesSheet = (rows: CellValue[][], name: string = RONDES.sheet): SheetSnapshot => ({
  name,
  values: [[RONDES.title], [], [], [...RONDES.headers], ...rows],
});
const stateOf = (rows: CellValue[][]) => readRondes({ sheets: [rondesSheet(rows)] });
const NO_SHEET = readRondes({ sheets: [] });

/** A participant's copy with only werkblad scores: factors Draagvlak, Politiek, Doorbraak. */
const copy = (rows: CellValue[][]): WorkbookSnapshot => ({ sheets: [werkbladSheet({ rows })] });

/** The appended rows of a merge as plain values ("" for an empty text). */
function appended(res: MergeResult): (string | number)[][] {
  const ops = res.ops.filter((o): o is Extract<PlanOp, { kind: 'appendRows' }> => o.kind === 'appendRows');
  expect(ops).toHaveLength(1);
  expect(ops[0]).toMatchObject({ sheet: RONDES.sheet, minRow: RONDES.firstRow, firstColumn: 'A' });
  return ops[0].rows.map((r) => r.map((c) => ('number' in c ? c.number : 'text' in c ? c.text : JSON.stringify(c))));
}

describe('mergeRondes: a copy with only werkblad scores', () => {
  it("its valid scores become the participant's (the file name, trimmed) in a new round 1 when the group workbook has no rounds yet; the sheet is made first", () => {
    const res = mergeRondes(
      NO_SHEET,
      [
        {
          name: ' Ans ',
          snapshot: copy([
            ['Groen', 'Geveltuinen', 3, null, -10],
            ['Groen', null, 5, 5, 5], // no koppelkans: skipped
            ['Werk', 'Stageplekken', 11, 'x', 10], // 11 and "x" are no scores
          ]),
        },
      ],
      NOW,
    );
    expect(res.ops[0]).toEqual({ kind: 'addSheet', sheet: RONDES.sheet });
    expect(res.ops.map((o) => o.kind).slice(-1)).toEqual(['appendRows']);
    expect(appended(res)).toEqual([
      ['ronde', 1, '', '', '', '', T, ''],
      ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 3, T, scoreKey(1, 'Ans', 'Geveltuinen', 'Draagvlak')],
      ['score', 1, 'Ans', 'Geveltuinen', 'Doorbraak', -10, T, scoreKey(1, 'Ans', 'Geveltuinen', 'Doorbraak')],
      ['score', 1, 'Ans', 'Stageplekken', 'Doorbraak', 10, T, scoreKey(1, 'Ans', 'Stageplekken', 'Doorbraak')],
    ]);
    expect(res.added).toBe(3);
    expect(res.participants).toEqual(['Ans']);
    expect(res.messages).toEqual([' Ans : 3 scores van het werkblad overgenomen als scores van "Ans" in ronde 1.']);
  });

  it('go into the latest round of the group workbook (no new "ronde" row), or the round asked for; the factors end at Totalen', () => {
    const base = stateOf([
      ['ronde', 1],
      ['ronde', 2],
    ]);
    const src = {
      name: 'Bram',
      snapshot: { sheets: [werkbladSheet({ factors: ['Draagvlak', 'TOTALEN', 'Politiek'], rows: [['Groen', 'Geveltuinen', 4, 7, 8]] })] },
    };
    const latest = mergeRondes(base, [src], NOW);
    expect(latest.ops.map((o) => o.kind)).toEqual(['appendRows']); // the sheet exists
    expect(appended(latest)).toEqual([['score', 2, 'Bram', 'Geveltuinen', 'Draagvlak', 4, T, scoreKey(2, 'Bram', 'Geveltuinen', 'Draagvlak')]]);
    expect(latest.messages).toEqual(['Bram: 1 score van het werkblad overgenomen als scores van "Bram" in ronde 2.']);
    const asked = mergeRondes(base, [src], NOW, 5);
    expect(appended(asked)).toEqual([
      ['ronde', 5, '', '', '', '', T, ''],
      ['score', 5, 'Bram', 'Geveltuinen', 'Draagvlak', 4, T, scoreKey(5, 'Bram', 'Geveltuinen', 'Draagvlak')],
    ]);
    expect(asked.added).toBe(1);
  });

  it('a score the group workbook already holds for that person, cell and round (by the name rule) is not added again; a changed one is', () => {
    const base = stateOf([
      ['ronde', 1],
      ['score', 1, 'ans', 'geveltuinen ', 'DRAAGVLAK', 3],
    ]);
    const res = mergeRondes(base, [{ name: 'Ans', snapshot: copy([['Groen', 'Geveltuinen', 3, 6]]) }], NOW);
    expect(appended(res)).toEqual([['score', 1, 'Ans', 'Geveltuinen', 'Politiek', 6, T, scoreKey(1, 'Ans', 'Geveltuinen', 'Politiek')]]);
    expect(res.added).toBe(1);
  });

  it('a copy with neither a werkblad nor score rows is skipped and said so; a copy without a valid score writes nothing (it made an empty Scorerondes sheet with a round 1)', () => {
    const res = mergeRondes(NO_SHEET, [{ name: 'Leeg', snapshot: { sheets: [{ name: 'Blad1', values: [['x']] }] } }], NOW);
    expect(res).toEqual({ ops: [], added: 0, participants: [], messages: ['Leeg: geen werkblad en geen scorerondes gevonden; overgeslagen.'] });
    const none = mergeRondes(NO_SHEET, [{ name: 'Cor', snapshot: copy([['Groen', 'Geveltuinen', null, 'x']]) }], NOW);
    expect(none.ops).toEqual([]);
    expect(none.added).toBe(0);
    expect(none.participants).toEqual([]);
    expect(none.messages).toEqual(['Cor: 0 scores van het werkblad overgenomen als scores van "Cor" in ronde 1.']);
  });
});

describe('mergeRondes: a workbook with its own score rows', () => {
  it('copies its score rows of any round with their time, adds a "ronde" row once per round the group workbook lacks, and skips what it holds already', () => {
    const base = stateOf([
      ['ronde', 1],
      ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 3],
    ]);
    const src = {
      name: 'groep-b',
      snapshot: {
        sheets: [
          rondesSheet([
            ['ronde', 1],
            ['ronde', 2],
            ['score', 1, 'ANS', 'Geveltuinen', 'Draagvlak', 3, '2026-11-29 09:00'], // held already (name rule)
            ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', 7, '2026-11-29 09:05'],
            ['score', 2, 'Bram', 'Geveltuinen', 'Politiek', '12', ''], // kept as typed, to report
            ['score', 2, 'Cor', 'Geveltuinen', 'Politiek', null, '2026-11-29 09:07'], // withdrawn
            ['score', 2, 'Cor', 'Geveltuinen', 'Politiek', null, '2026-11-29 09:08'], // the same row twice: once
            ['score', 2, '', 'Geveltuinen', 'Politiek', 4], // no participant: no score row
            ['score', 2, 'Dirk', '', 'Politiek', 4], // no cell
            ['score', 2, 'Dirk', 'Geveltuinen', '', 4],
            ['vastgesteld', 1, 'Notulist', 'Geveltuinen', 'Draagvlak', 5],
          ]),
        ],
      },
    };
    const res = mergeRondes(base, [src], NOW);
    expect(res.ops.map((o) => o.kind)).toEqual(['appendRows']);
    expect(appended(res)).toEqual([
      ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', 7, '2026-11-29 09:05', scoreKey(1, 'Bram', 'Geveltuinen', 'Draagvlak')],
      ['ronde', 2, '', '', '', '', T, ''],
      ['score', 2, 'Bram', 'Geveltuinen', 'Politiek', '12', T, scoreKey(2, 'Bram', 'Geveltuinen', 'Politiek')],
      ['score', 2, 'Cor', 'Geveltuinen', 'Politiek', '', '2026-11-29 09:07', scoreKey(2, 'Cor', 'Geveltuinen', 'Politiek')],
    ]);
    expect(res.added).toBe(3);
    expect(res.participants).toEqual(['Bram', 'Cor']);
    expect(res.messages).toEqual(['groep-b: 3 scores uit de scorerondes overgenomen (2 stonden er al).']);
  });

  it('a later score of the same person and cell is added and then counts; one new score is "1 score", none held is said without a count', () => {
    const base = stateOf([
      ['ronde', 1],
      ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 3],
    ]);
    const src = { name: 'Ans.xlsx', snapshot: { sheets: [rondesSheet([['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 8, '2026-11-30 09:00']])] } };
    const res = mergeRondes(base, [src], NOW);
    expect(res.messages).toEqual(['Ans.xlsx: 1 score uit de scorerondes overgenomen.']);
    const after = simulate(
      {
        sheets: [
          rondesSheet([
            ['ronde', 1],
            ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 3],
          ]),
        ],
      },
      res.ops,
    );
    expect(summarizeRonde(readRondes(after), 1)[0].scores).toEqual([{ deelnemer: 'Ans', score: 8 }]);
  });

  it('two mailed copies holding the same score add it once; the werkblad of a copy with score rows is not read', () => {
    const a = {
      name: 'a',
      snapshot: { sheets: [werkbladSheet({ rows: [['Groen', 'Geveltuinen', 9]] }), rondesSheet([['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2]])] },
    };
    const b = { name: 'b', snapshot: { sheets: [rondesSheet([['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2]])] } };
    const res = mergeRondes(NO_SHEET, [a, b], NOW);
    expect(appended(res)).toEqual([
      ['ronde', 1, '', '', '', '', T, ''],
      ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2, T, scoreKey(1, 'Ans', 'Geveltuinen', 'Draagvlak')],
    ]);
    expect(res.ops[0]).toEqual({ kind: 'addSheet', sheet: RONDES.sheet });
    expect(res.messages).toEqual(['a: 1 score uit de scorerondes overgenomen.', 'b: 0 scores uit de scorerondes overgenomen (1 stonden er al).']);
    expect(res.added).toBe(1);
  });
});

describe('withdrawAdoption: an adoption whose werkblad write was refused is taken back whole', () => {
  /** A group workbook after adopting 6 for Geveltuinen × Draagvlak in round 1. */
  function adopted() {
    const snap = workbook({ rows: [['Groen', 'Geveltuinen', 1, 2, 3]] }, [
      rondesSheet([
        ['ronde', 1],
        ['score', 1, 'Ans', 'Geveltuinen', 'Draagvlak', 2],
        ['score', 1, 'Bram', 'Geveltuinen', 'Draagvlak', 9],
      ]),
      { name: SHEET_NAMES.notulen, values: [] },
    ]);
    const s = readRondes(snap);
    const res = adoptScore(s, analyze(snap).werkblad!, 1, summarizeRonde(s, 1)[0], 6, 'Eens na overleg.', 'Notulist', NOW);
    if (!res.ok) throw new Error(res.message);
    return { after: simulate(snap, res.ops), noteId: res.noteId! };
  }

  it('removes the "vastgesteld" row and the note (both keyed by the note id) and nothing else', () => {
    const { after, noteId } = adopted();
    expect(summarizeRonde(readRondes(after), 1)[0].adopted).toBe(6);
    const ops = withdrawAdoption(after, noteId, SHEET_NAMES.notulen);
    expect(ops[0]).toEqual({
      kind: 'deleteRowByKey',
      sheet: RONDES.sheet,
      minRow: RONDES.firstRow,
      keyColumn: 'H',
      key: noteId,
      firstColumn: 'A',
      lastColumn: 'H',
    });
    expect(ops).toHaveLength(2);
    expect(ops[1]).toMatchObject({ kind: 'deleteRowByKey', sheet: SHEET_NAMES.notulen, key: noteId });
    const back = simulate(after, ops);
    const cell = summarizeRonde(readRondes(back), 1)[0];
    expect(cell.adopted).toBeNull();
    expect(cell.scores).toEqual([
      { deelnemer: 'Ans', score: 2 },
      { deelnemer: 'Bram', score: 9 },
    ]);
    expect(readNotes(back).notes).toEqual([]);
  });

  it('names only what is there: no Scorerondes row (removed by hand) gives only the note op, no note only the row op, an unknown id nothing', () => {
    const { after, noteId } = adopted();
    const withoutNote = withdrawAdoption(after, noteId, SHEET_NAMES.notulen);
    const rowOnly = withdrawAdoption(simulate(after, [withoutNote[1]]), noteId, SHEET_NAMES.notulen);
    expect(rowOnly).toEqual([withoutNote[0]]);
    const noteOnly = withdrawAdoption(simulate(after, [withoutNote[0]]), noteId, SHEET_NAMES.notulen);
    expect(noteOnly).toEqual([withoutNote[1]]);
    expect(withdrawAdoption(after, 'n-onbekend', SHEET_NAMES.notulen)).toEqual([]);
  });

  it('a score row that happens to carry the id in its key column is no adoption: it stays', () => {
    const { after, noteId } = adopted();
    const sheet = after.sheets.find((s) => s.name === RONDES.sheet)!;
    const values = sheet.values.map((r) => [...r]).filter((r) => r[0] !== 'vastgesteld');
    values.push(['score', 1, 'Cor', 'Geveltuinen', 'Draagvlak', 4, T, noteId]);
    const changed = { sheets: after.sheets.map((s) => (s === sheet ? { ...s, values } : s)) };
    expect(withdrawAdoption(changed, noteId, SHEET_NAMES.notulen).map((o) => (o.kind === 'deleteRowByKey' ? o.sheet : o.kind))).toEqual([SHEET_NAMES.notulen]);
  });
});

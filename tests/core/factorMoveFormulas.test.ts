/**
 * Issue 11 audit, gap A: moving a succesfactor (Eerder/Later) rewrites the factor block by
 * value, so the team's formula `='Werkblad…'!D7*2` on its own sheet, or one right of
 * Totalen, silently computed from the neighbouring factor afterwards. The engine now finds
 * every such formula before anything changes (src/core/referenceBreaks.ts
 * `formulasReadingRewrite`, `factorMoveImpact`), reading references with the same scanner
 * that shifts columns (`referencesIn`, src/core/columnShift.ts); the product's own formulas
 * (Resultaat's counts over the factor columns, Totalen) are not listed.
 */
import { columnLetter } from '../../src/core/a1';
import { referencesIn } from '../../src/core/columnShift';
import { moveFactorEdit } from '../../src/core/factors';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { factorMoveImpact, factorRemovalImpact, formulaPlace, formulasReadingRewrite } from '../../src/core/referenceBreaks';
import type { CellInput, PlanOp } from '../../src/core/snapshot';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { plainBook } from '../helpers/build';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);

describe('referencesIn', () => {
  test('cells, ranges, whole columns and rows, each with the sheet it points at', () => {
    expect(referencesIn("=W!D7*2+SUM('Blad 2'!$C$5:D9)+COUNTA(E:E)+SUM(3:4)", 'Eigen')).toEqual([
      { sheet: 'W', top: 7, bottom: 7, left: 4, right: 4 },
      { sheet: 'Blad 2', top: 5, bottom: 9, left: 3, right: 4 },
      { sheet: 'Eigen', top: 1, bottom: 1_048_576, left: 5, right: 5 },
      { sheet: 'Eigen', top: 3, bottom: 4, left: 1, right: 16_384 },
    ]);
  });

  test('a range written right to left is the same rectangle; text, function names and error literals are no references', () => {
    expect(referencesIn('=SUM(F9:D5)', 'W')).toEqual([{ sheet: 'W', top: 5, bottom: 9, left: 4, right: 6 }]);
    expect(referencesIn('="W!D7"&LOG10(2)&#REF!', 'W')).toEqual([]);
  });

  test('a 3-D reference has no single sheet but its span; a reference into another workbook is left out', () => {
    expect(referencesIn('=SUM(Jan:Mrt!B2)+[1]Blad!A1', 'X')).toEqual([
      { sheet: null, span: { first: 'Jan', last: 'Mrt' }, top: 2, bottom: 2, left: 2, right: 2 },
    ]);
  });
});

describe('formulasReadingRewrite (the values of D7:E7 of W swapped)', () => {
  const swap: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D7', cells: [[{ number: 5 }, { number: 3 }]] }];

  test('a formula reading a swapped cell is listed, from any sheet; one reading an unchanged cell is not', () => {
    const snap = plainBook([
      ['W', { D7: 3, E7: 5, F7: 1, L7: '=D7*2', L8: '=F7' }],
      ['Eigen', { A1: '=W!D7*2', A2: '=W!F7', A3: "=SUM('w'!C7:F7)", A4: '=COUNTA(W!E:E)', A5: '=D7', A6: '="W!D7"' }],
    ]);
    const found = formulasReadingRewrite(snap, 'W', swap);
    expect(found.map((b) => [formulaPlace(b), b.kind])).toEqual([
      ['W!L7', 'reads'],
      ['Eigen!A1', 'reads'],
      // a range over the swapped cells: its text cannot tell whether the result changes (SUM no, INDEX yes)
      ['Eigen!A3', 'reads'],
      ['Eigen!A4', 'reads'],
    ]);
    expect(found[1]).toEqual({ sheet: 'Eigen', cell: 'A1', formula: '=W!D7*2', kind: 'reads' });
  });

  test('a cell written with what it already holds is no change; a formula the edit moves is judged at its place before', () => {
    const snap = plainBook([
      ['W', { D7: 5, E7: 3, D8: '=E7', D9: '=D7' }],
      ['Eigen', { A1: '=W!D7', A2: '=W!D8' }],
    ]);
    // D7:E7 already hold 5 and 3: nothing changes, nothing is listed
    expect(formulasReadingRewrite(snap, 'W', swap)).toEqual([]);
    const moveFormula: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D8', cells: [[{ formula: '=D7' }], [{ formula: '=E7' }]] }];
    // D8's formula text changes: a formula reading D8 is listed; D8 and D9 themselves read D7 and E7, which stay
    expect(formulasReadingRewrite(snap, 'W', moveFormula).map(formulaPlace)).toEqual(['Eigen!A2']);
    // a formula the edit moves by its text and that reads a replaced cell is listed at its place before the edit
    const both: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D7', cells: [[{ number: 3 }, { number: 5 }]] }, ...moveFormula];
    expect(formulasReadingRewrite(snap, 'W', both).map(formulaPlace)).toEqual(['W!D8', 'W!D9', 'Eigen!A1', 'Eigen!A2']);
  });

  test('a 3-D reference whose span includes the sheet counts; one whose span does not, does not', () => {
    const snap = plainBook([
      ['Eerst', {}],
      ['W', { D7: 3, E7: 5 }],
      ['Laatst', { A1: '=SUM(Eerst:Laatst!D7)', A2: '=SUM(Eerst:Eerst!D7)' }],
    ]);
    expect(formulasReadingRewrite(snap, 'W', swap).map(formulaPlace)).toEqual(['Laatst!A1']);
  });
});

describe('factorMoveImpact on the template', () => {
  async function workbook(): Promise<MemoryWorkbook> {
    const wb = await templateWorkbook('Testwijk');
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
    return wb;
  }

  test('regression: moving a succesfactor silently changed what a team formula computes (Eigen!A1 then read the neighbour’s score)', async () => {
    const wb = await workbook();
    const totalen = (await state(wb)).ctx.werkblad.layout.totalenColumn;
    const right = columnLetter(totalen + 1);
    await wb.apply({
      ops: [
        {
          kind: 'setCells',
          sheet: WS,
          cell: `${C}6`,
          cells: [
            [{ number: 1 }, { number: 4 }, { number: 7 }],
            [{ number: 2 }, { number: -3 }, { number: 8 }],
          ],
        },
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `='${WS}'!${D}7*2` }], [{ formula: `='${WS}'!${E}7` }]] },
        // the team's own formula right of Totalen, on a werkblad row
        { kind: 'setCells', sheet: WS, cell: `${right}6`, cells: [[{ formula: `=${C}6+1` }]] },
      ],
    });
    const s = await state(wb);
    // the 2nd factor (column D) one place later: D and E swap their content
    const r = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.reads.map((b) => [formulaPlace(b), b.formula])).toEqual([
      ['Eigen!A1', `='${WS}'!${D}7*2`],
      ['Eigen!A2', `='${WS}'!${E}7`],
    ]);
    // the product's formulas that read the factor columns (Resultaat's counts, Totalen) are not the team's to fix
    expect(r.seen.some((p) => p.startsWith(`${SHEET_NAMES.resultaat}!`))).toBe(true);
    expect(r.reads.some((b) => b.sheet === SHEET_NAMES.resultaat)).toBe(false);
    // the ops are the move's own (the factor block rewritten), nothing more
    expect(r.ops).toEqual((moveFactorEdit(s.ctx.sheet, s.ctx.werkblad, 1, 1) as { ops: PlanOp[] }).ops);
    // moving the 1st factor later swaps C and D: the formula right of Totalen (reads C6) and Eigen!A1 (D7) are named
    const first = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 0, 1, { now: NOW });
    expect(first.ok && first.reads.map(formulaPlace)).toEqual([`${WS}!${right}6`, 'Eigen!A1']);
    // a move that touches neither column names nothing
    const far = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 5, 1, { now: NOW });
    expect(far.ok && far.reads).toEqual([]);
  });

  test('a team formula far down the factor’s own column moves along by its text and is named; Totalen, rewritten by the move, is not', async () => {
    const wb = await workbook();
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 4 }], [{ number: 9 }]] },
        { kind: 'setCells', sheet: WS, cell: `${D}120`, cells: [[{ text: 'navragen' }], [{ formula: `=SUM(${D}6:${D}8)` }]] },
      ],
    });
    const s = await state(wb);
    const r = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.reads.map((b) => [formulaPlace(b), b.formula])).toEqual([[`${WS}!${D}121`, `=SUM(${D}6:${D}8)`]]);
    // the edit moves it by its text: after the move it still sums column D, now the other factor's
    const moved = (r.ops[0] as Extract<PlanOp, { kind: 'setCells' }>).cells[121 - WERKBLAD.factorRow][2];
    expect(moved).toEqual({ formula: `=SUM(${D}6:${D}8)` });
  });

  test('applied later with what the team was asked about: nothing new; a formula added since is named', async () => {
    const wb = await workbook();
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 4 }], [{ number: 9 }]] },
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `='${WS}'!${D}7*2` }]] },
      ],
    });
    const s = await state(wb);
    const r = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, -1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.reads.map(formulaPlace)).toEqual(['Eigen!A1']);
    const again = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, -1, { now: NOW, accepted: new Set(r.seen) });
    expect(again.ok && again.reads).toEqual([]);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Eigen', cell: 'B1', cells: [[{ formula: `=MAX('${WS}'!${D}6:${D}7)` }]] }] });
    const later = await state(wb);
    const more = factorMoveImpact(later.snapshot, later.ctx.sheet, later.ctx.werkblad, 1, -1, { now: NOW, accepted: new Set(r.seen) });
    expect(more.ok && more.reads.map(formulaPlace)).toEqual(['Eigen!B1']);
  });

  test('removing a factor without column shifts (the block rewritten by value) names the team formulas that then read another factor', async () => {
    const wb = await workbook();
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${E}6`, cells: [[{ number: 6 }]] },
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `='${WS}'!${E}6*2` }]] },
      ],
    });
    const s = await state(wb);
    // removing the 2nd factor moves the 3rd (column E) into D by value: Eigen!A1 keeps reading E6, now the 4th factor's
    const rewrite = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW });
    expect(rewrite.ok && [rewrite.broken, rewrite.reads.map(formulaPlace)]).toEqual([[], ['Eigen!A1']]);
    // with the column deleted, Excel moves the reference along: nothing to name
    const shifted = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW, shiftColumns: true });
    expect(shifted.ok && [shifted.broken, shifted.reads]).toEqual([[], []]);
  });
});

describe('formulasReadingRewrite: what counts as a replaced cell, and which formulas are read (from the mutation run of 2026-12-02)', () => {
  test('text, a yes/no value and a clear count only when they change what the cell holds; a value over a formula always does', () => {
    const snap = plainBook([
      ['W', { D7: 'hoog', E7: 'laag', F7: '', G7: 'x', H7: '=1+1' }],
      ['Eigen', { A1: '=W!D7', A2: '=W!E7', A3: '=W!F7', A4: '=W!G7', A5: '=W!H7', A6: '=W!I7', A7: '=W!J7', A8: '=W!K7', A9: '=W!L7', B1: '=W!M7' }],
    ]);
    snap.sheets[0].formulas![6][11] = '=1+2';
    snap.sheets[0].formulas![6][12] = '=1+3';
    snap.sheets[0].values[6][7] = 2; // H7's formula shows 2
    snap.sheets[0].values[6][8] = true;
    snap.sheets[0].values[6][9] = false;
    const write = (cells: CellInput[]): PlanOp[] => [{ kind: 'setCells', sheet: 'W', cell: 'D7', cells: [cells] }];
    // D7 keeps its text, E7 gets another; F7 (empty text) and G7 are cleared; H7's formula is written over by its own
    // result; I7 keeps its yes, J7 gets one; K7 (empty) is cleared; L7 gets the formula it holds, M7 another
    const found = formulasReadingRewrite(
      snap,
      'W',
      write([
        { text: 'hoog' },
        { text: 'hoger' },
        { clear: true },
        { clear: true },
        { number: 2 },
        { bool: true },
        { bool: true },
        { clear: true },
        { formula: '=1+2' },
        { formula: '=1+4' },
      ]),
    );
    expect(found.map(formulaPlace)).toEqual(['Eigen!B1', 'Eigen!A2', 'Eigen!A4', 'Eigen!A5', 'Eigen!A7']);
  });

  test('only setCells on the sheet count; a sheet not in the workbook reads nothing', () => {
    const snap = plainBook([
      ['W', { D7: 3 }],
      ['Eigen', { D7: 3, A1: '=W!D7', A2: '=D7' }],
    ]);
    const ops: PlanOp[] = [
      { kind: 'setCells', sheet: 'Eigen', cell: 'D7', cells: [[{ number: 4 }]] },
      { kind: 'setStyle', sheet: 'W', range: 'D7', style: { bold: true } },
    ];
    expect(formulasReadingRewrite(snap, 'W', ops)).toEqual([]);
    expect(formulasReadingRewrite(snap, 'Ander', [{ kind: 'setCells', sheet: 'Ander', cell: 'A1', cells: [[{ number: 1 }]] }])).toEqual([]);
  });

  test('a range reads a changed cell on its edges (first and last row and column), not one just outside it', () => {
    const snap = plainBook([
      ['W', { D7: 3, E9: 4 }],
      ['Eigen', { A1: '=SUM(W!D7:D8)', A2: '=SUM(W!A9:E9)', A3: '=SUM(W!E1:E8)', A4: '=SUM(W!F7:F9)', A5: '=SUM(W!D8:E8)', A6: '=SUM(W!A1:C9)' }],
    ]);
    const ops: PlanOp[] = [
      { kind: 'setCells', sheet: 'W', cell: 'D7', cells: [[{ number: 5 }]] },
      { kind: 'setCells', sheet: 'W', cell: 'E9', cells: [[{ number: 6 }]] },
    ];
    expect(formulasReadingRewrite(snap, 'W', ops).map(formulaPlace)).toEqual(['Eigen!A1', 'Eigen!A2']);
  });

  test('a formula on another sheet is read when it names the sheet in any case or quoted with an apostrophe, not when it names another one', () => {
    const snap = plainBook([
      ["Piet's W", { D7: 3 }],
      ['Eigen', { D7: 3, A1: "='piet''s w'!D7", A2: '=D7', A3: '=Ander!D7' }],
      ['Ander', { D7: 3 }],
    ]);
    const ops: PlanOp[] = [{ kind: 'setCells', sheet: "Piet's W", cell: 'D7', cells: [[{ number: 5 }]] }];
    expect(formulasReadingRewrite(snap, "Piet's W", ops).map(formulaPlace)).toEqual(['Eigen!A1']);
  });
});

describe('the guards left by the mutation run of 2026-12-02 b (issue 14)', () => {
  test('formulasReadingRewrite reads a sheet whose formula rows are sparse (no list for the rows without formulas)', () => {
    const snap = plainBook([
      ['W', { D7: 3 }],
      ['Eigen', {}],
    ]);
    // rows 1-3 of Eigen have no formula list at all, as an adapter may read them; row 4 reads the changed cell
    const formulas: (string | null)[][] = [];
    formulas[3] = [null, '=W!D7'];
    snap.sheets[1].formulas = formulas;
    const ops: PlanOp[] = [{ kind: 'setCells', sheet: 'W', cell: 'D7', cells: [[{ number: 5 }]] }];
    expect(formulasReadingRewrite(snap, 'W', ops).map(formulaPlace)).toEqual(['Eigen!B4']);
  });

  test('on a werkblad without a Totalen header the team’s formula in the column after the factors is named in the removal question (withoutTotalen leaves that column alone)', async () => {
    const wb = await templateWorkbook('Testwijk');
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    const before = await state(wb);
    const totalen = before.ctx.werkblad.layout.totalenColumn;
    const last = columnLetter(totalen - 1);
    const after = columnLetter(totalen);
    // the team cleared the Totalen column (header and formulas) and put a formula of its own there, reading the last factor
    const endRow = before.ctx.werkblad.layout.preparedEndRow;
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${after}3`, cells: Array.from({ length: endRow - 2 }, () => [{ clear: true }]) },
        { kind: 'setCells', sheet: WS, cell: `${last}6`, cells: [[{ number: 7 }]] },
        { kind: 'setCells', sheet: WS, cell: `${after}6`, cells: [[{ formula: `=${last}6*2` }]] },
      ],
    });
    const s = await state(wb);
    expect(s.ctx.werkblad.layout.totalenFound).toBe(false);
    expect(s.ctx.werkblad.layout.totalenColumn).toBe(totalen);
    // removing the 2nd factor by value moves the last factor one column left: the formula keeps reading its old cell
    const r = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.reads.map((b) => [formulaPlace(b), b.formula])).toEqual([[`${WS}!${after}6`, `=${last}6*2`]]);
  });
});

describe('factorMoveImpact: what the question holds (from the mutation check of 2026-12-02, session 27)', () => {
  /** The template with scores in D6:E6, a comment on D6 and a sheet of the team's with `formulas` from A1 down. */
  async function teamBook(formulas: string[]): Promise<MemoryWorkbook> {
    const wb = await templateWorkbook('Testwijk');
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 4 }, { number: 7 }]] },
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: formulas.map((f) => [{ formula: f }]) },
      ],
    });
    wb.addComment(WS, `${D}6`, 'Navragen');
    return wb;
  }

  test('a move that changes nothing (the first factor one place earlier) asks nothing, not even about formulas that cannot be checked', async () => {
    const wb = await teamBook(['=INDIRECT("Werkblad!D"&6)']);
    const s = await state(wb);
    expect(factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 0, -1, { now: NOW })).toEqual({
      ok: true,
      ops: [],
      reads: [],
      unknown: [],
      definitions: [],
      comments: [],
      unread: [],
      seen: [],
    });
    // the same formula is named for a move that does change cells
    const r = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    expect(r.ok && r.unknown.map(formulaPlace)).toEqual(['Eigen!A1']);
  });

  test('a formula that reads a moved cell and also cannot be checked is named once, as reading the cell', async () => {
    const wb = await teamBook([`='${WS}'!${D}6+INDIRECT("A"&9)`]);
    const s = await state(wb);
    const r = factorMoveImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect([r.reads.map(formulaPlace), r.unknown.map(formulaPlace)]).toEqual([['Eigen!A1'], []]);
  });

  test('applied with what the team was asked about, the comment is not named again; names not read are said', async () => {
    const wb = await teamBook([]);
    const s = await state(wb);
    const read = await wb.readSnapshot({ definitions: true });
    const r = factorMoveImpact(read, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.comments.map((c) => c.cell)).toEqual([`${D}6`]);
    expect(r.unread).toEqual([]);
    const again = factorMoveImpact(read, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW, accepted: new Set(r.seen) });
    expect(again.ok && again.comments).toEqual([]);
    const namesUnread = factorMoveImpact({ ...read, definitions: { ...read.definitions!, unread: ['names'] } }, s.ctx.sheet, s.ctx.werkblad, 1, 1, {
      now: NOW,
    });
    expect(namesUnread.ok && namesUnread.unread).toEqual(['names']);
  });
});

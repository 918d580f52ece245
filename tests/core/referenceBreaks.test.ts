/**
 * What deleting a succesfactor's column does to the team's formulas, found before anything
 * changes (src/core/referenceBreaks.ts, issue 11): which formulas get #REF!, which 3-D
 * references may change, and that the product's own formulas (re-planned in the same batch)
 * are not listed. The expected formulas after the delete are Excel's rule as
 * src/core/columnShift.ts states it; the integration case runs the real edit on the template.
 */
import { columnLetter } from '../../src/core/a1';
import { shiftFormula, sheetSpansIn, type ColumnShift } from '../../src/core/columnShift';
import { addFactorEdit, readFactorInfo } from '../../src/core/factors';
import { RESULTAAT, SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { definitionKey, definitionsBrokenByShifts, factorRemovalImpact, formulaPlace, formulasBrokenByShifts } from '../../src/core/referenceBreaks';
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const delD: ColumnShift = { sheet: 'W', at: 4, count: -1 };

/** A workbook of plain sheets: `formulas` per sheet as A1 → formula; sheets in tab order. */
function book(sheets: [string, Record<string, string>][]): WorkbookSnapshot {
  return {
    sheets: sheets.map(([name, cells]) => {
      const formulas: (string | null)[][] = [];
      for (const [a1, f] of Object.entries(cells)) {
        const col = a1.charCodeAt(0) - 64;
        const row = Number(a1.slice(1));
        while (formulas.length < row) formulas.push([]);
        formulas[row - 1][col - 1] = f;
      }
      return { name, values: [], formulas };
    }),
  };
}

describe('formulasBrokenByShifts (deleting column D of sheet W)', () => {
  test('a cell in the deleted column and a whole-column reference to it get #REF!; left of it, a range spanning it, another sheet do not', () => {
    const snap = book([
      ['W', { D7: '=1+1', L6: '=D6*2' }],
      [
        'Eigen',
        {
          A1: '=W!D7*2',
          A2: '=W!C7',
          A3: '=SUM(W!C7:F7)',
          A4: '=COUNTA(W!D:D)',
          A5: '=SUM(W!C:E)',
          A6: '=Ander!D7',
          A7: '=SUM(W!D7:D9)+W!E7',
          A8: '="W!D7 staat in een tekst"',
        },
      ],
      ['Ander', {}],
    ]);
    // Excel's rule as columnShift states it: a range partly over the deleted column shrinks, one wholly inside it is #REF!
    expect(shiftFormula('=SUM(W!C7:F7)', 'Eigen', delD)).toBe('=SUM(W!C7:E7)');
    expect(shiftFormula('=SUM(W!C:E)', 'Eigen', delD)).toBe('=SUM(W!C:D)');
    expect(shiftFormula('=COUNTA(W!D:D)', 'Eigen', delD)).toBe('=COUNTA(#REF!)');
    expect(shiftFormula('=W!D7*2', 'Eigen', delD)).toBe('=#REF!*2');
    const found = formulasBrokenByShifts(snap, [delD]);
    expect(found.map((b) => [formulaPlace(b), b.kind])).toEqual([
      ['W!L6', 'ref'],
      ['Eigen!A1', 'ref'],
      ['Eigen!A4', 'ref'],
      ['Eigen!A7', 'ref'],
    ]);
    // the place is where the formula stands now (L6 moves to K6, but the team knows it as L6)
    expect(found[1]).toEqual({ sheet: 'Eigen', cell: 'A1', formula: '=W!D7*2', kind: 'ref' });
  });

  test('the sheet is found in a formula however it is written: another case, quoted with an apostrophe inside', () => {
    const snap = book([
      ["Piet's W", {}],
      ['Eigen', { A1: "='piet''s w'!D1", A2: "='Piet''s W'!C1", A3: '=D1' }],
    ]);
    expect(formulasBrokenByShifts(snap, [{ sheet: "Piet's W", at: 4, count: -1 }]).map(formulaPlace)).toEqual(['Eigen!A1']);
  });

  test('a formula that already shows #REF! is listed only when it gets another one', () => {
    const snap = book([
      ['W', {}],
      ['Eigen', { A1: '=#REF!+W!C1', A2: '=#REF!+W!D1' }],
    ]);
    expect(formulasBrokenByShifts(snap, [delD]).map(formulaPlace)).toEqual(['Eigen!A2']);
  });

  test('3-D references: plain and quoted sheet ranges over the changed sheet may change; a range beside it or another workbook does not', () => {
    const snap = book([
      ['Blad1', { A1: '=SUM(Blad1:Blad3!D5)', A2: "=SUM('Blad1:Blad3'!D5:E6)", A3: '=SUM(Blad3:Blad1!D5)' }],
      ['W', {}],
      ['Blad3', { A1: '=SUM(Blad3:Blad4!D5)', A2: '=SUM([1]Blad1:Blad3!D5)', A3: "=SUM('[1]Blad1:Blad3'!D5)", A4: '=SUM(W:Blad3!D:D)' }],
      ['Blad4', {}],
    ]);
    const found = formulasBrokenByShifts(snap, [delD]);
    expect(found.map((b) => [formulaPlace(b), b.kind])).toEqual([
      ['Blad1!A1', 'mayChange'],
      ['Blad1!A2', 'mayChange'],
      ['Blad1!A3', 'mayChange'],
      ['Blad3!A4', 'mayChange'],
    ]);
  });

  test('3-D references are left as they are by the shift, the bare form like the quoted one', () => {
    const del: ColumnShift = { sheet: 'Blad3', at: 4, count: -1 };
    expect(shiftFormula('=SUM(Blad1:Blad3!D5)', 'X', del)).toBe('=SUM(Blad1:Blad3!D5)');
    expect(shiftFormula("=SUM('Blad 1:Blad 3'!D5:F5)", 'X', { ...del, sheet: 'Blad 3' })).toBe("=SUM('Blad 1:Blad 3'!D5:F5)");
    // the range operator between a cell and another sheet's cell is no sheet range: Blad3!F9 still moves
    expect(shiftFormula('=SUM(D5:Blad3!F9)', 'Blad3', del)).toBe('=SUM(#REF!:Blad3!E9)');
    expect(sheetSpansIn("=SUM(Jan:Mrt!B2)+'Q 1:Q 4'!C3+Blad1!D4+[2]X:Y!A1")).toEqual([
      { first: 'Jan', last: 'Mrt' },
      { first: 'Q 1', last: 'Q 4' },
    ]);
  });

  test('an insert breaks nothing: references move or ranges grow', () => {
    const snap = book([
      ['W', { L6: '=D6*2' }],
      ['Eigen', { A1: '=W!D7*2', A2: '=SUM(W!C7:F7)', A3: '=COUNTA(W!D:D)' }],
    ]);
    expect(formulasBrokenByShifts(snap, [{ sheet: 'W', at: 4, count: 1 }])).toEqual([]);
  });
});

describe('factorRemovalImpact on the template (the 2nd factor, column D)', () => {
  const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

  async function workbook(): Promise<MemoryWorkbook> {
    const wb = await templateWorkbook('Testwijk');
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
    await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
    return wb;
  }

  test('names the team formulas that get #REF! and the scores; not a product formula the plan writes again', async () => {
    const wb = await workbook();
    const resultaatCell = `B${RESULTAAT.firstRow}`;
    const ops: PlanOp[] = [
      { kind: 'setCells', sheet: WS, cell: `${D}6`, cells: [[{ number: 4 }], [{ number: 2 }]] },
      { kind: 'addSheet', sheet: 'Eigen' },
      { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `='${WS}'!${D}7*2` }], [{ formula: `='${WS}'!C7` }]] },
      // a formula in a cell of the product's Resultaat table: the product's, written again by the plan
      { kind: 'setCells', sheet: SHEET_NAMES.resultaat, cell: resultaatCell, cells: [[{ formula: `='${WS}'!${D}6` }]] },
    ];
    await wb.apply({ ops });
    const s = await state(wb);
    const r = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.scores).toBe(2);
    expect(r.broken.map(formulaPlace)).toEqual(['Eigen!A1']);
    expect(r.mayChange).toEqual([]);
    expect(r.ops.some((op) => op.kind === 'deleteColumns')).toBe(true);
    // applied later with what the team was asked about: nothing new; a formula added since is
    const again = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW, accepted: new Set(r.seen) });
    expect(again.ok && [again.broken, again.mayChange]).toEqual([[], []]);
    await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Eigen', cell: 'C3', cells: [[{ formula: `=MAX('${WS}'!${D}6:${D}7)` }]] }] });
    const later = await state(wb);
    const more = factorRemovalImpact(later.snapshot, later.ctx.sheet, later.ctx.werkblad, 1, { shiftColumns: true, now: NOW, accepted: new Set(r.seen) });
    expect(more.ok && more.broken.map(formulaPlace)).toEqual(['Eigen!C3']);
    // the product's formulas do break by the shift alone (Totalen names each factor's cell, the Resultaat
    // cell above); the plan writes them again in the same batch, so they are not the team's to fix
    const all = formulasBrokenByShifts(s.snapshot, [{ sheet: WS, at: WERKBLAD.firstFactorColumn + 1, count: -1 }]).map(formulaPlace);
    const totalen = columnLetter(s.ctx.werkblad.layout.totalenColumn);
    expect(all).toEqual(expect.arrayContaining([`${WS}!${totalen}6`, `${SHEET_NAMES.resultaat}!${resultaatCell}`, 'Eigen!A1']));
    expect(all.length).toBeGreaterThan(50);
  });

  test('without column shifts (the factor block is rewritten) no reference breaks', async () => {
    const wb = await workbook();
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `='${WS}'!${D}7*2` }]] },
      ],
    });
    const s = await state(wb);
    const r = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { now: NOW });
    expect(r.ok && r.broken).toEqual([]);
    // nothing shifts, so no reference breaks; but a name of the team could stand for rewritten cells, a rule stays on its cells and
    // then covers another factor, and so does a comment: none was read
    expect(r.ok && r.unread).toEqual(['names', 'conditionalFormats', 'validations', 'comments', 'notes']);
  });

  test('a 3-D reference over the werkblad may change; adding a factor breaks none of these formulas', async () => {
    const wb = await workbook();
    await wb.apply({
      ops: [
        { kind: 'addSheet', sheet: 'Eigen' },
        { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[{ formula: `=SUM('${WS}:Eigen'!${D}7)` }], [{ formula: `='${WS}'!${D}7*2` }]] },
      ],
    });
    const s = await state(wb);
    const r = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.scores).toBe(0);
    expect(r.broken.map(formulaPlace)).toEqual(['Eigen!A2']);
    expect(r.mayChange.map(formulaPlace)).toEqual(['Eigen!A1']);
    expect(readFactorInfo(s.ctx.sheet, s.ctx.werkblad)[1].scores).toBe(0);
    const add = addFactorEdit(s.ctx.sheet, s.ctx.werkblad, 'Nieuw', '', 1, { shiftColumns: true });
    if (!add.ok) throw new Error(add.message);
    const inserts = add.ops.flatMap((op): ColumnShift[] =>
      op.kind === 'insertColumns' ? [{ sheet: op.sheet, at: WERKBLAD.firstFactorColumn + s.ctx.werkblad.factors.length, count: op.count }] : [],
    );
    expect(inserts).toHaveLength(1);
    expect(formulasBrokenByShifts(s.snapshot, inserts).filter((b) => b.kind === 'ref')).toEqual([]);
  });
});

describe('definitionsBrokenByShifts (deleting column D of sheet W)', () => {
  const snap = (definitions: WorkbookSnapshot['definitions']): WorkbookSnapshot => ({
    ...book([
      ['W', {}],
      ['Eigen', {}],
      ['Ander', {}],
    ]),
    definitions,
  });
  const found = (s: WorkbookSnapshot) => definitionsBrokenByShifts(s, [delD]).map((d) => `${d.kind} ${d.sheet}|${d.label} ${d.effect}`);

  test('a name on the column gets #REF!; names right of it or spanning it only move or shrink and are not named', () => {
    const s = snap({
      names: [
        { name: 'Op', formula: '=W!$D$6:$D$9' },
        { name: 'Rechts', formula: '=W!$E$6' },
        { name: 'Over', formula: '=W!$C$6:$F$9' },
        { name: 'Lokaal', formula: "='W'!$D$2", scope: 'Eigen' },
        { name: 'Constante', formula: '=5' },
        { name: 'AlKapot', formula: '=#REF!' },
        { name: 'Ander', formula: '=Ander!$D$6' },
      ],
      rules: [],
    });
    expect(found(s)).toEqual(['name |Op ref', 'name Eigen|Lokaal ref']);
  });

  test("built-in names (print area, print titles) are left out: they are Excel's, and the adapters keep what is left of them", () => {
    expect(found(snap({ names: [{ name: '_xlnm.Print_Area', formula: '=W!$D$1:$D$9', scope: 'W' }], rules: [] }))).toEqual([]);
    // a team's own name may begin with "_" (or "_xl"): it is named
    expect(found(snap({ names: [{ name: '_xlTeam', formula: '=W!$D$1' }], rules: [] }))).toEqual(['name |_xlTeam ref']);
  });

  test('a name with a 3-D reference over W may change', () => {
    expect(found(snap({ names: [{ name: 'Som', formula: '=SUM(W:Eigen!$D$5)' }], rules: [] }))).toEqual(['name |Som mayChange']);
  });

  test('a rule on W whose every range is in the column goes; one with a range left stays; a rule elsewhere keeps its cells but its formula may break', () => {
    const s = snap({
      names: [],
      rules: [
        { kind: 'conditionalFormat', sheet: 'W', ranges: ['D6:D9'], formulas: ['=D6>1'] },
        { kind: 'conditionalFormat', sheet: 'W', ranges: ['D6:D9', 'F6'], formulas: ['=F6>1'] },
        { kind: 'conditionalFormat', sheet: 'W', ranges: ['C6:F9'], formulas: ['=$D6>1'] },
        { kind: 'validation', sheet: 'Eigen', ranges: ['D1:D5'], formulas: ['=W!$D$6:$D$9'] },
        { kind: 'validation', sheet: 'Eigen', ranges: ['D1:D5'], formulas: ['=$D$6:$D$9'] },
        { kind: 'validation', sheet: 'W', ranges: ['E6:E9'], formulas: [] },
      ],
    });
    expect(found(s)).toEqual(['conditionalFormat W|D6:D9 removed', 'conditionalFormat W|C6:F9 ref', 'validation Eigen|D1:D5 ref']);
  });

  test('without definitions in the snapshot, or without shifts, nothing is named', () => {
    expect(definitionsBrokenByShifts(book([['W', {}]]), [delD])).toEqual([]);
    expect(definitionsBrokenByShifts(snap({ names: [{ name: 'Op', formula: '=W!$D$6' }], rules: [] }), [])).toEqual([]);
  });
});

describe('factorRemovalImpact with the definitions read (the template, the 2nd factor, column D)', () => {
  const D = columnLetter(WERKBLAD.firstFactorColumn + 1);

  test("names the team's name and validation on the column, not the product's validations the plan sets again; accepted ones are left out", async () => {
    const wb = await templateWorkbook('Testwijk');
    wb.defineName('TeamNaam', `='${WS}'!$${D}$6`);
    wb.setValidation(WS, `${D}300:${D}301`, { type: 'wholeNumber', min: 0, max: 1, errorTitle: 'Team', errorMessage: '0 of 1', strict: true });
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // the product's own validations on the werkblad's factor columns are in the snapshot too
    expect(snapshot.definitions!.rules.filter((r) => r.kind === 'validation' && r.sheet === WS).length).toBeGreaterThan(1);
    const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.definitions.map((d) => [d.kind, d.label, d.effect])).toEqual([
      ['name', 'TeamNaam', 'ref'],
      ['validation', `${D}300:${D}301`, 'removed'],
    ]);
    expect(r.unread).toEqual([]);
    expect(r.seen).toEqual(expect.arrayContaining([definitionKey(r.definitions[0]), definitionKey(r.definitions[1])]));
    const again = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW, accepted: new Set(r.seen) });
    expect(again.ok && again.definitions).toEqual([]);
    // a validation over the product's score cells is the product's: the plan sets its own there again, so it is not named
    const last = columnLetter(s.ctx.werkblad.layout.lastFactorColumn);
    wb.setValidation(WS, `C6:${last}105`, { type: 'list', source: `=$${D}$1:$${D}$2`, errorTitle: 'x', errorMessage: 'y', strict: true });
    const over = await wb.readSnapshot({ definitions: true });
    expect(definitionsBrokenByShifts(over, [{ sheet: WS, at: WERKBLAD.firstFactorColumn + 1, count: -1 }]).map((d) => d.label)).toContain(`C6:${last}105`);
    const scored = factorRemovalImpact(over, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    expect(scored.ok && scored.definitions.map((d) => d.label)).toEqual(['TeamNaam', `${D}300:${D}301`]);
    // a snapshot read without definitions says every kind is unread
    const plain = factorRemovalImpact(s.snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW });
    expect(plain.ok && [plain.definitions, plain.unread]).toEqual([[], ['names', 'conditionalFormats', 'validations', 'comments', 'notes']]);
  });
});

describe('factorRemovalImpact: which validations are the product’s (from the mutation check of 2026-12-02, session 27)', () => {
  const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
  const removeD = (snapshot: WorkbookSnapshot, s: Awaited<ReturnType<typeof state>>, accepted?: ReadonlySet<string>) =>
    factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, { shiftColumns: true, now: NOW, accepted });
  /** A list validation whose source lies in column D: the delete breaks its formula ('ref'). */
  const onD = { type: 'list' as const, source: `=$${D}$1:$${D}$2`, errorTitle: 'x', errorMessage: 'y', strict: true };

  test('with every formula already accepted, a validation the plan sets again is still told to be the product’s (the plan is built for it alone)', async () => {
    const wb = await templateWorkbook('Testwijk');
    const s = await state(wb);
    const first = removeD(await wb.readSnapshot({ definitions: true }), s);
    if (!first.ok) throw new Error(first.message);
    expect(first.definitions).toEqual([]);
    // between the question and the apply a validation appears over exactly the product's score cells
    const last = columnLetter(s.ctx.werkblad.layout.lastFactorColumn);
    wb.setValidation(WS, `C6:${last}105`, onD);
    const r = removeD(await wb.readSnapshot({ definitions: true }), s, new Set(first.seen));
    if (!r.ok) throw new Error(r.message);
    expect([r.broken, r.mayChange, r.reads, r.unknown, r.definitions]).toEqual([[], [], [], [], []]);
  });

  test('a team validation sticking out of the product’s range (a row above it, or into the Totalen column) is the team’s and is named', async () => {
    const wb = await templateWorkbook('Testwijk');
    const totalen = columnLetter((await state(wb)).ctx.werkblad.layout.totalenColumn);
    wb.setValidation(WS, `C7:${totalen}7`, onD);
    wb.setValidation(WS, 'C5:E5', onD);
    const s = await state(wb);
    const r = removeD(await wb.readSnapshot({ definitions: true }), s);
    if (!r.ok) throw new Error(r.message);
    expect(r.definitions.map((d) => [d.kind, d.label, d.effect]).sort()).toEqual([
      ['validation', 'C5:E5', 'ref'],
      ['validation', `C7:${totalen}7`, 'ref'],
    ]);
  });

  test('comments or notes not read are said once (the definitions’ unread list and the comment kinds overlap)', async () => {
    const wb = await templateWorkbook('Testwijk');
    const s = await state(wb);
    const read = await wb.readSnapshot({ definitions: true });
    const snapshot: WorkbookSnapshot = { ...read, definitions: { ...read.definitions!, unread: ['comments'] } };
    const r = removeD(snapshot, s);
    expect(r.ok && r.unread).toEqual(['comments']);
  });
});

describe('formulasBrokenByShifts and definitionsBrokenByShifts: the edges (from the mutation run of 2026-12-02)', () => {
  test('a formula right next to the deleted column is named; one in the deleted column is not (it goes with it); rows without formulas are skipped', () => {
    const formulas: (string | null)[][] = [];
    // rows 1-5 hold no formulas at all (a sparse list, as an adapter may read it)
    formulas[5] = [null, null, null, '=D7*2', '=D6', '=C6'];
    const snap: WorkbookSnapshot = { sheets: [{ name: 'W', values: [], formulas }] };
    expect(formulasBrokenByShifts(snap, [delD])).toEqual([{ sheet: 'W', cell: 'E6', formula: '=D6', kind: 'ref' }]);
  });

  test('a 3-D reference may change when the changed sheet is its last sheet too; a span wholly before it does not', () => {
    const snap = book([
      ['Jan', { A1: '=SUM(Jan:Feb!D5)', A2: '=SUM(Feb:W!D5)', A3: '=SUM(W:Jan!D5)' }],
      ['Feb', {}],
      ['W', {}],
      ['Mrt', {}],
    ]);
    expect(formulasBrokenByShifts(snap, [delD]).map((b) => [formulaPlace(b), b.kind])).toEqual([
      ['Jan!A2', 'mayChange'],
      ['Jan!A3', 'mayChange'],
    ]);
  });

  test('shifts on two sheets: a formula on either changed sheet is judged, a 3-D span over one of them may change', () => {
    const delOnEigen: ColumnShift = { sheet: 'Eigen', at: 2, count: -1 };
    const snap = book([
      ['Voor', {}],
      ['W', { A1: '=D1*2' }],
      ['Eigen', { A1: '=B1+1', C1: '=SUM(Voor:W!D1)' }],
    ]);
    expect(formulasBrokenByShifts(snap, [delD, delOnEigen]).map((b) => [formulaPlace(b), b.kind])).toEqual([
      ['W!A1', 'ref'],
      ['Eigen!A1', 'ref'],
      ['Eigen!C1', 'mayChange'],
    ]);
    const defs = definitionsBrokenByShifts({ ...snap, definitions: { names: [{ name: 'Som', formula: '=SUM(Voor:W!$D$1)' }], rules: [] } }, [delOnEigen, delD]);
    expect(defs.map((d) => `${d.label} ${d.effect}`)).toEqual(['Som mayChange']);
  });

  test('a rule that goes is named by all its ranges, with no formula; a rule with a 3-D formula over W may change', () => {
    const snap: WorkbookSnapshot = {
      ...book([
        ['W', {}],
        ['Eigen', {}],
      ]),
      definitions: {
        names: [],
        rules: [
          { kind: 'conditionalFormat', sheet: 'W', ranges: ['D6:D9', 'D12'], formulas: ['=D6>1'] },
          { kind: 'conditionalFormat', sheet: 'Eigen', ranges: ['A1:A5'], formulas: ['=A1>1', '=SUM(W:Eigen!$D$1)>A1'] },
        ],
      },
    };
    expect(definitionsBrokenByShifts(snap, [delD])).toEqual([
      { kind: 'conditionalFormat', sheet: 'W', label: 'D6:D9 D12', formula: '', effect: 'removed' },
      { kind: 'conditionalFormat', sheet: 'Eigen', label: 'A1:A5', formula: '=SUM(W:Eigen!$D$1)>A1', effect: 'mayChange' },
    ]);
  });

  test("a name is built-in only when it begins with _xlnm., _xlfn. or _xlpm.: the team's 'Kosten_xlnm.2024' is named", () => {
    const snap: WorkbookSnapshot = { ...book([['W', {}]]), definitions: { names: [{ name: 'Kosten_xlnm.2024', formula: '=W!$D$1' }], rules: [] } };
    expect(definitionsBrokenByShifts(snap, [delD]).map((d) => d.label)).toEqual(['Kosten_xlnm.2024']);
  });

  test('definitionKey tells definitions apart by kind, sheet and label (an accepted one does not hide another), not by the case of the sheet', () => {
    const name = { kind: 'name' as const, sheet: 'Eigen', label: 'Op' };
    expect(definitionKey(name)).toBe(definitionKey({ ...name, sheet: 'EIGEN' }));
    const others = [
      { ...name, label: 'Rechts' },
      { ...name, sheet: '' },
      { ...name, kind: 'validation' as const },
    ];
    for (const other of others) expect(definitionKey(other)).not.toBe(definitionKey(name));
  });
});

/**
 * Regression (issue 11): moving a succesfactor (Eerder/Later) rewrites the factor block by
 * value, and the team's conditional formats and data validations stay on their cells, so a
 * format on one factor's column afterwards colours another factor's scores. The move
 * question named the team's formulas, names and comments, but not these rules. Now the
 * engine names them (`rulesOverRewrite`: 'stays' for a rule over some of the moved columns,
 * 'reads' for one whose formula points at moved cells), leaves out the product's own
 * validations and a rule over the whole block, the question lists each by sheet and range
 * with what happens, and where the adapter could not read a kind the question says so.
 */
import { columnLetter } from '../../src/core/a1';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { planWithEdit } from '../../src/core/plan';
import { definitionKey, factorMoveImpact, factorRemovalImpact, rulesOverRewrite } from '../../src/core/referenceBreaks';
import { moveFactorEdit } from '../../src/core/factors';
import { selectKoppelkansEdit } from '../../src/core/stap2';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { moveFactor, moveQuestion } from '../../src/taskpane/stappen/stap2Actions';
import type { MemoryWorkbook } from '../../src/workbook/memory/MemoryWorkbook';
import { analyze } from '../../src/core/analyze';
import { readNotes } from '../../src/core/notes';
import { mustEdit, NOW, state, templateWorkbook } from '../helpers/stap2Workbook';

const WS = SHEET_NAMES.werkblad;
const C = columnLetter(WERKBLAD.firstFactorColumn);
const D = columnLetter(WERKBLAD.firstFactorColumn + 1);
const E = columnLetter(WERKBLAD.firstFactorColumn + 2);

/** Two scored koppelkansen (rows 6 and 7), a sheet "Eigen", and the team's rules. */
async function workbook(): Promise<{ wb: MemoryWorkbook; last: string; team: string }> {
  const wb = await templateWorkbook('Testwijk');
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Gezondheid', 'Meer groen'));
  await mustEdit(wb, (s) => selectKoppelkansEdit(s.ctx, 'Onderwijs', 'Gezonde school'));
  await wb.apply({
    ops: [
      {
        kind: 'setCells',
        sheet: WS,
        cell: `${C}6`,
        cells: [
          [{ number: 1 }, { number: 4 }, { number: 7 }],
          [{ number: 2 }, { number: 5 }, { number: 8 }],
        ],
      },
      { kind: 'addSheet', sheet: 'Eigen' },
    ],
  });
  const s = await state(wb);
  const last = columnLetter(s.ctx.werkblad.layout.lastFactorColumn);
  const team = columnLetter(s.ctx.werkblad.layout.totalenColumn + 2);
  // on the 2nd factor's column alone: it stays on D and then colours the 3rd factor's scores
  wb.addConditionalFormat(WS, [`${D}6:${D}105`], [`=${D}6>5`]);
  // over the whole score block, as a colour scale is: the same factors under it afterwards
  wb.addConditionalFormat(WS, [`${C}6:${last}105`], []);
  // on another sheet, reading the 3rd factor's column
  wb.addConditionalFormat('Eigen', ['A1:A5'], [`='${WS}'!$${E}$6>3`]);
  // the team's own validation in its own column, with the 2nd factor's scores as its list
  await wb.apply({
    ops: [
      {
        kind: 'setValidation',
        sheet: WS,
        range: `${team}6:${team}20`,
        rule: { type: 'list', source: `=$${D}$6:$${D}$7`, errorTitle: 'Team', errorMessage: 'Kies uit de lijst.', strict: false },
      },
    ],
  });
  return { wb, last, team };
}

describe('the team’s conditional formats and validations on a factor move', () => {
  test('regression: the move question did not name a conditional format or validation over the moved cells; it does, by sheet and range, with what happens', async () => {
    const { wb, team } = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // the 2nd factor (D) one place later: D and E swap
    const name = s.ctx.werkblad.factors[1].name;
    const m = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!m.ok) throw new Error(m.message);
    expect(m.definitions.map((d) => `${definitionKey(d)} ${d.effect} ${d.formula}`)).toEqual([
      `conditionalFormat|${WS.toLowerCase()}|${D}6:${D}105 stays `,
      `validation|${WS.toLowerCase()}|${team}6:${team}20 reads =$${D}$6:$${D}$7`,
      `conditionalFormat|eigen|A1:A5 reads ='${WS}'!$${E}$6>3`,
    ]);
    expect(m.unread).toEqual([]);
    const q = moveQuestion(name, 1, m)!;
    expect(q.title).toBe(`“${name}” later zetten?`);
    expect(q.text).toContain(
      'Deze 3 regels van jullie (voorwaardelijke opmaak, gegevensvalidatie) horen bij de cellen, niet bij de succesfactor: ze blijven staan waar ze staan en gelden daarna voor de scores van een andere succesfactor.',
    );
    expect(q.list).toEqual([
      `Voorwaardelijke opmaak op ${WS}!${D}6:${D}105: blijft op dezelfde cellen en geldt daarna voor de scores van een andere succesfactor`,
      `Gegevensvalidatie op ${WS}!${team}6:${team}20: =$${D}$6:$${D}$7 verwijst daarna naar de cellen van een andere succesfactor`,
      `Voorwaardelijke opmaak op Eigen!A1:A5: ='${WS}'!$${E}$6>3 verwijst daarna naar de cellen van een andere succesfactor`,
    ]);
    // what the question said is what happens: the rule stays on D, which now holds the 3rd factor's scores
    const fresh = { snapshot, analysis: analyze(snapshot, { now: NOW }), notes: readNotes(snapshot), canShiftColumns: true };
    const built = moveFactor(s.ctx.werkblad.factors[1].name, 1, m.seen)(fresh);
    if (!built.ok) throw new Error(built.message);
    await wb.apply(planWithEdit(snapshot, built.ops, { now: NOW }).plan);
    expect(wb.getConditionalFormats(WS).map((cf) => cf.ranges)).toContainEqual([`${D}6:${D}105`]);
    expect([wb.getCell(WS, `${D}6`), wb.getCell(WS, `${E}6`)]).toEqual([7, 4]);
  });

  test('a rule added after the question makes the move refuse, naming it', async () => {
    const { wb } = await workbook();
    const s = await state(wb);
    const asked = factorMoveImpact(await wb.readSnapshot({ definitions: true }), s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!asked.ok) throw new Error(asked.message);
    wb.addConditionalFormat(WS, [`${E}6:${E}7`], ['=TRUE']);
    const snapshot = await wb.readSnapshot({ definitions: true });
    const res = moveFactor(
      s.ctx.werkblad.factors[1].name,
      1,
      asked.seen,
    )({ snapshot, analysis: analyze(snapshot, { now: NOW }), notes: readNotes(snapshot), canShiftColumns: true });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toContain(`voorwaardelijke opmaak op ${WS}!${E}6:${E}7`);
  });

  test('the product’s own validations and a rule over every moved column are not named; nor is anything on a move that changes no cell of theirs', async () => {
    const { wb } = await workbook();
    const s = await state(wb);
    const read = await wb.readSnapshot({ definitions: true });
    // a validation inside the product's score range is the product's (the plan sets the score rule there): not named
    const snapshot: WorkbookSnapshot = {
      ...read,
      definitions: { ...read.definitions!, rules: [...read.definitions!.rules, { kind: 'validation', sheet: WS, ranges: [`${D}6:${D}105`], formulas: [] }] },
    };
    const ops = moveFactorEdit(s.ctx.sheet, s.ctx.werkblad, 1, 1);
    if (!ops.ok) throw new Error(ops.message);
    // the snapshot holds the product's score, weight and dropdown validations: none is listed
    expect(snapshot.definitions!.rules.filter((r) => r.kind === 'validation' && r.sheet === WS).length).toBeGreaterThan(1);
    const labels = rulesOverRewrite(snapshot, WS, ops.ops, {
      first: s.ctx.werkblad.layout.firstFactorColumn,
      last: s.ctx.werkblad.layout.lastFactorColumn,
    }).map((d) => d.label);
    expect(labels).not.toContain(`${C}6:${columnLetter(s.ctx.werkblad.layout.lastFactorColumn)}105`);
    expect(labels.filter((l) => l.startsWith(`${C}`))).toEqual([]);
    expect(
      rulesOverRewrite(snapshot, WS, ops.ops, { first: s.ctx.werkblad.layout.firstFactorColumn, last: s.ctx.werkblad.layout.lastFactorColumn }).map(
        (d) => `${d.kind} ${d.label}`,
      ),
    ).not.toContain(`validation ${D}6:${D}105`);
    expect(labels).toContain(`${D}6:${D}105`); // the team's conditional format there is named
    // the 6th factor one later: its scores and the 7th's are empty and the names swap in row 3 only
    const far = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 5, 1, { now: NOW });
    expect(far.ok && far.definitions).toEqual([]);
  });

  test('a removal on a port that cannot shift columns (rewrite by value) names the team’s rule that then covers another factor, not the product’s score validation', async () => {
    const { wb, team } = await workbook();
    const s = await state(wb);
    const snapshot = await wb.readSnapshot({ definitions: true });
    // the 1st factor goes: every factor's name moves one column left (row 3), but only C..E hold scores,
    // so the product's score validation over the whole block covers some of the rewritten columns' changes only
    const r = factorRemovalImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 0, { now: NOW });
    if (!r.ok) throw new Error(r.message);
    expect(r.definitions.map((d) => `${d.kind} ${d.label} ${d.effect}`)).toEqual([
      `conditionalFormat ${D}6:${D}105 stays`,
      `validation ${team}6:${team}20 reads`,
      'conditionalFormat A1:A5 reads',
    ]);
    expect(r.unread).toEqual([]);
  });

  test('where the adapter could not read validations (Office.js) or any rule, the question says it could not check them', async () => {
    const { wb } = await workbook();
    const s = await state(wb);
    const read = await wb.readSnapshot({ definitions: true });
    const snapshot: WorkbookSnapshot = {
      ...read,
      definitions: { ...read.definitions!, rules: read.definitions!.rules.filter((r) => r.kind !== 'validation'), unread: ['validations'] },
    };
    const m = factorMoveImpact(snapshot, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    if (!m.ok) throw new Error(m.message);
    expect(m.unread).toEqual(['validations']);
    expect(moveQuestion('Tempo', 1, m)!.text).toContain('Eigen gegevensvalidatie kan de add-in hier niet nalezen: kijk na het verplaatsen of die nog klopt.');
    const none = factorMoveImpact({ ...read, definitions: undefined }, s.ctx.sheet, s.ctx.werkblad, 1, 1, { now: NOW });
    expect(none.ok && none.unread).toEqual(['names', 'conditionalFormats', 'validations', 'comments', 'notes']);
  });
});

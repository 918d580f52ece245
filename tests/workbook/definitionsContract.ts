/**
 * The team's defined names, conditional formats and data validations around a deleted or
 * inserted factor column, the same cases for every adapter (issue 11's audit: a team name on
 * the removed column became #REF! unannounced). Each adapter reads them into
 * `snapshot.definitions` when asked, the engine names what a delete breaks
 * (definitionsBrokenByShifts), and after the delete they stand where Excel puts them:
 * references right of the column move left, a range spanning it shrinks, one wholly in it
 * becomes #REF! (a name) or goes (a rule). Called from `contractSuite`.
 */
import {
  commentsAffected,
  definitionsBrokenByShifts,
  definitionKey,
  formulaPlace,
  formulasReadingRewrite,
  formulasUncheckable,
  namesReadingRewrite,
  rulesOverRewrite,
} from '../../src/core/referenceBreaks';
import { commentsOnRows } from '../../src/core/cellComments';
import type { PlanOp, RangeRuleSnapshot, ValidationRule, WorkbookDefinitions } from '../../src/core/snapshot';
import type { Harness, TestWorkbook } from './contract';

/** What a team makes in Excel that no plan op makes: names, conditional formats and cell comments. */
export interface TeamDefinitions {
  names: { name: string; formula: string; scope?: string }[];
  conditionalFormats: { sheet: string; ranges: string[]; formulas: string[] }[];
  comments?: { sheet: string; cell: string; text: string }[];
}

const WS = 'Werk blad';
const t = (x: string) => ({ text: x });
const n = (x: number) => ({ number: x });

const list = (source: string): ValidationRule => ({ type: 'list', source, errorTitle: 'Team', errorMessage: 'Kies uit de lijst.', strict: true });

/** Factors Geld, Tijd, Draagvlak in C..E, Totalen in F, a team column G; a sheet "Eigen"; the team's own validations. */
function werkbladOps(): PlanOp[] {
  return [
    { kind: 'addSheet', sheet: WS },
    { kind: 'addSheet', sheet: 'Eigen' },
    {
      kind: 'setCells',
      sheet: WS,
      cell: 'A3',
      cells: [
        [t('Opgave'), t('Koppelkans'), t('Geld'), t('Tijd'), t('Draagvlak'), t('Totalen'), t('Eigen')],
        [t(''), t(''), n(1), n(2), n(3), t(''), t('')],
        [t('Warmte'), t('Dak'), n(1), n(2), n(3), n(14), n(1)],
        [t('Warmte'), t('Gevel'), n(4), n(5), n(6), n(32), n(2)],
      ],
    },
    // the team's own validations: one right of the deleted column, one wholly in it
    { kind: 'setValidation', sheet: WS, range: 'G5:G6', rule: list('=$E$5:$E$6') },
    { kind: 'setValidation', sheet: WS, range: 'D8:D9', rule: list('=$C$8:$C$9') },
  ];
}

const TEAM: TeamDefinitions = {
  names: [
    { name: 'TijdKolom', formula: `='${WS}'!$D$5:$D$6` },
    { name: 'DraagvlakKolom', formula: `='${WS}'!$E$5:$E$6` },
    { name: 'AlleScores', formula: `='${WS}'!$C$5:$E$6` },
    { name: 'EigenSom', formula: `='${WS}'!$G$5`, scope: 'Eigen' },
  ],
  conditionalFormats: [
    { sheet: WS, ranges: ['D5:D6'], formulas: ['=D5>1'] },
    { sheet: WS, ranges: ['C5:E6'], formulas: ['=$D5>1'] },
    { sheet: WS, ranges: ['G5:G6'], formulas: ['=G5>$E$4'] },
  ],
  comments: [
    { sheet: WS, cell: 'D6', text: 'Navragen bij de GGD' },
    { sheet: WS, cell: 'G5', text: 'Eigen kolom' },
  ],
};

const byName = (d: WorkbookDefinitions, name: string) => d.names.find((x) => x.name === name);
const rulesOf = (d: WorkbookDefinitions, kind: RangeRuleSnapshot['kind']) =>
  d.rules
    .filter((r) => r.kind === kind && r.sheet === WS)
    .map((r) => ({ ranges: r.ranges, formulas: r.formulas }))
    .sort((a, b) => a.ranges[0].localeCompare(b.ranges[0]));

export function definitionsContract(h: Harness, test: (title: string, fn: jest.ProvidesCallback, timeout?: number) => void): void {
  describe(`${h.name}: the team's names, conditional formats and validations around a factor column`, () => {
    async function teamWerkblad(): Promise<TestWorkbook> {
      const wb = await h.create();
      await wb.apply({ ops: werkbladOps() });
      return h.withTeamDefinitions(await h.reopen(wb), TEAM);
    }

    test('they are read into snapshot.definitions only when asked', async () => {
      const wb = await teamWerkblad();
      expect((await wb.readSnapshot()).definitions).toBeUndefined();
      const d = (await wb.readSnapshot({ definitions: true })).definitions!;
      expect(byName(d, 'TijdKolom')?.formula).toBe(`='${WS}'!$D$5:$D$6`);
      expect(byName(d, 'EigenSom')).toEqual({ name: 'EigenSom', formula: `='${WS}'!$G$5`, scope: 'Eigen' });
      expect(rulesOf(d, 'conditionalFormat')).toEqual([
        { ranges: ['C5:E6'], formulas: ['=$D5>1'] },
        { ranges: ['D5:D6'], formulas: ['=D5>1'] },
        { ranges: ['G5:G6'], formulas: ['=G5>$E$4'] },
      ]);
      if (!d.unread?.includes('validations'))
        expect(rulesOf(d, 'validation')).toEqual([
          { ranges: ['D8:D9'], formulas: ['=$C$8:$C$9'] },
          { ranges: ['G5:G6'], formulas: ['=$E$5:$E$6'] },
        ]);
    });

    test('before the middle factor column is deleted, the engine names the name on it, the rule that goes and the rule whose formula breaks', async () => {
      const wb = await teamWerkblad();
      const snapshot = await wb.readSnapshot({ definitions: true });
      const found = definitionsBrokenByShifts(snapshot, [{ sheet: WS, at: 4, count: -1 }]);
      const unreadValidations = snapshot.definitions!.unread?.includes('validations');
      expect(found.map((d) => `${definitionKey(d)} ${d.effect}`)).toEqual([
        `name||TijdKolom ref`,
        `conditionalFormat|${WS.toLowerCase()}|D5:D6 removed`,
        `conditionalFormat|${WS.toLowerCase()}|C5:E6 ref`,
        ...(unreadValidations ? [] : [`validation|${WS.toLowerCase()}|D8:D9 removed`]),
      ]);
      // a name or rule that only moves or shrinks is not named
      expect(found.map((d) => d.label)).not.toContain('DraagvlakKolom');
      expect(found.map((d) => d.label)).not.toContain('G5:G6');
    });

    test('before two factor columns swap by value (a reorder), the engine names the names on them and the formulas using them, an INDIRECT of a fixed text as reading them and a computed one as not checkable', async () => {
      const wb = await teamWerkblad();
      await wb.apply({
        ops: [
          {
            kind: 'setCells',
            sheet: 'Eigen',
            cell: 'A1',
            cells: [
              [{ formula: '=SUM(TijdKolom)' }],
              [{ formula: '=EigenSom*2' }],
              [{ formula: `=INDIRECT("'${WS}'!D"&5)` }],
              [{ formula: `=INDIRECT("'${WS}'!D5")` }],
            ],
          },
        ],
      });
      const snapshot = await (await h.reopen(wb)).readSnapshot({ definitions: true });
      // Tijd (D) and Draagvlak (E) swap their scores
      const swap: PlanOp[] = [
        {
          kind: 'setCells',
          sheet: WS,
          cell: 'D5',
          cells: [
            [n(3), n(2)],
            [n(6), n(5)],
          ],
        },
      ];
      const r = namesReadingRewrite(snapshot, WS, swap);
      expect(r.definitions.map((d) => `${definitionKey(d)} ${d.effect}`).sort()).toEqual([
        'name||AlleScores reads',
        'name||DraagvlakKolom reads',
        'name||TijdKolom reads',
      ]);
      // EigenSom (G5) does not move: the formula using it is not named
      expect(r.formulas.map((b) => [formulaPlace(b), b.kind, b.name])).toEqual([['Eigen!A1', 'reads', 'TijdKolom']]);
      // a computed INDIRECT cannot be checked; one of a fixed text reads D5 like a reference, which the swap rewrites
      expect(formulasUncheckable(snapshot, WS).map(formulaPlace)).toEqual(['Eigen!A3']);
      expect(formulasReadingRewrite(snapshot, WS, swap).map((b) => [formulaPlace(b), b.kind])).toEqual([['Eigen!A4', 'reads']]);
    });

    test('regression: before two factor columns swap by value (a reorder), the engine names the conditional format on one of them and the rules reading them, as each adapter reads them (Office.js: validations unread, said so)', async () => {
      const wb = await teamWerkblad();
      const snapshot = await wb.readSnapshot({ definitions: true });
      // Tijd (D) and Draagvlak (E) swap their scores; the factor columns are C..E
      const swap: PlanOp[] = [
        {
          kind: 'setCells',
          sheet: WS,
          cell: 'D5',
          cells: [
            [n(3), n(2)],
            [n(6), n(5)],
          ],
        },
      ];
      const found = rulesOverRewrite(snapshot, WS, swap, { first: 3, last: 5 }).map((d) => `${definitionKey(d)} ${d.effect} ${d.formula}`);
      const unreadValidations = snapshot.definitions!.unread?.includes('validations');
      expect(found.sort()).toEqual(
        [
          // on D alone: it stays there and then colours Draagvlak's scores
          `conditionalFormat|${WS.toLowerCase()}|D5:D6 stays `,
          // over all three factors, but its formula reads Tijd's column
          `conditionalFormat|${WS.toLowerCase()}|C5:E6 reads =$D5>1`,
          // the team's list in its own column, sourced from Draagvlak's scores
          ...(unreadValidations ? [] : [`validation|${WS.toLowerCase()}|G5:G6 reads =$E$5:$E$6`]),
        ].sort(),
      );
      // what the move question names is what happens: the rules stay on their cells
      await wb.apply({ ops: swap });
      const after = (await (await h.reopen(wb)).readSnapshot({ definitions: true })).definitions!;
      expect(rulesOf(after, 'conditionalFormat')).toEqual(rulesOf(snapshot.definitions!, 'conditionalFormat'));
    });

    test('comments: read when asked (unless the adapter says it cannot), named before the middle column goes, then gone or moved with their cell', async () => {
      const wb = await teamWerkblad();
      const snapshot = await wb.readSnapshot({ definitions: true });
      const d = snapshot.definitions!;
      if (d.unread?.includes('comments')) {
        expect(d.comments ?? []).toEqual([]);
        return;
      }
      expect(d.comments).toEqual([
        { sheet: WS, cell: 'D6', text: 'Navragen bij de GGD' },
        { sheet: WS, cell: 'G5', text: 'Eigen kolom' },
      ]);
      expect(commentsAffected(snapshot, WS, [], [{ sheet: WS, at: 4, count: -1 }])).toEqual([
        { sheet: WS, cell: 'D6', text: 'Navragen bij de GGD', effect: 'removed' },
      ]);
      // rewritten by value (Tijd and Draagvlak swap): the comment stays on D6, which gets Draagvlak's score
      expect(
        commentsAffected(
          snapshot,
          WS,
          [
            {
              kind: 'setCells',
              sheet: WS,
              cell: 'D5',
              cells: [
                [n(3), n(2)],
                [n(6), n(5)],
              ],
            },
          ],
          [],
        ).map((c) => c.cell),
      ).toEqual(['D6']);
      await wb.apply({ ops: [{ kind: 'deleteColumns', sheet: WS, column: 'D', count: 1 }] });
      const after = (await (await h.reopen(wb)).readSnapshot({ definitions: true })).definitions!;
      expect(after.comments).toEqual([{ sheet: WS, cell: 'F5', text: 'Eigen kolom' }]);
    });

    test('comments: clearing a row’s cells (a Stap 2 deselect) leaves each comment on its cell, as the deselect question says (commentsOnRows)', async () => {
      const wb = await teamWerkblad();
      const snapshot = await wb.readSnapshot({ definitions: true });
      if (snapshot.definitions!.unread?.includes('comments')) return;
      expect(commentsOnRows(snapshot, WS, [6])).toEqual([{ sheet: WS, cell: 'D6', text: 'Navragen bij de GGD', effect: 'stays' }]);
      await wb.apply({
        ops: [{ kind: 'setCells', sheet: WS, cell: 'A6', cells: [[{ clear: true }, { clear: true }, { clear: true }, { clear: true }, { clear: true }]] }],
      });
      const reopened = await (await h.reopen(wb)).readSnapshot({ definitions: true });
      expect(
        reopened.sheets
          .find((s) => s.name === WS)!
          .values[5]?.slice(0, 5)
          .every((v) => v === null || v === ''),
      ).toBe(true);
      expect(reopened.definitions!.comments).toEqual([
        { sheet: WS, cell: 'D6', text: 'Navragen bij de GGD' },
        { sheet: WS, cell: 'G5', text: 'Eigen kolom' },
      ]);
    });

    test('deleting the middle factor column moves names and rules right of it, shrinks those spanning it, and #REF!s or drops those wholly in it', async () => {
      const wb = await teamWerkblad();
      await wb.apply({ ops: [{ kind: 'deleteColumns', sheet: WS, column: 'D', count: 1 }] });
      const d = (await (await h.reopen(wb)).readSnapshot({ definitions: true })).definitions!;
      expect(byName(d, 'TijdKolom')?.formula).toContain('#REF!');
      expect(byName(d, 'DraagvlakKolom')?.formula).toBe(`='${WS}'!$D$5:$D$6`);
      expect(byName(d, 'AlleScores')?.formula).toBe(`='${WS}'!$C$5:$D$6`);
      expect(byName(d, 'EigenSom')).toEqual({ name: 'EigenSom', formula: `='${WS}'!$F$5`, scope: 'Eigen' });
      expect(rulesOf(d, 'conditionalFormat')).toEqual([
        { ranges: ['C5:D6'], formulas: ['=#REF!>1'] },
        { ranges: ['F5:F6'], formulas: ['=F5>$D$4'] },
      ]);
      if (!d.unread?.includes('validations')) expect(rulesOf(d, 'validation')).toEqual([{ ranges: ['F5:F6'], formulas: ['=$D$5:$D$6'] }]);
    });

    test('inserting a factor column before Totalen moves the names and rules right of it and widens those spanning it; nothing breaks', async () => {
      const wb = await teamWerkblad();
      expect(definitionsBrokenByShifts(await wb.readSnapshot({ definitions: true }), [{ sheet: WS, at: 5, count: 1 }])).toEqual([]);
      await wb.apply({ ops: [{ kind: 'insertColumns', sheet: WS, column: 'E', count: 1 }] });
      const d = (await (await h.reopen(wb)).readSnapshot({ definitions: true })).definitions!;
      expect(byName(d, 'TijdKolom')?.formula).toBe(`='${WS}'!$D$5:$D$6`);
      expect(byName(d, 'DraagvlakKolom')?.formula).toBe(`='${WS}'!$F$5:$F$6`);
      expect(byName(d, 'AlleScores')?.formula).toBe(`='${WS}'!$C$5:$F$6`);
      expect(byName(d, 'EigenSom')?.formula).toBe(`='${WS}'!$H$5`);
      expect(rulesOf(d, 'conditionalFormat')).toEqual([
        { ranges: ['C5:F6'], formulas: ['=$D5>1'] },
        { ranges: ['D5:D6'], formulas: ['=D5>1'] },
        { ranges: ['H5:H6'], formulas: ['=H5>$F$4'] },
      ]);
      if (!d.unread?.includes('validations'))
        expect(rulesOf(d, 'validation')).toEqual([
          { ranges: ['D8:D9'], formulas: ['=$C$8:$C$9'] },
          { ranges: ['H5:H6'], formulas: ['=$F$5:$F$6'] },
        ]);
    });
  });
}

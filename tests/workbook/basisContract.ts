/**
 * A plan applied with the snapshot it was built on (`ApplyOptions.basis`,
 * src/workbook/basis.ts), the same cases for every adapter: what lets the pane build an
 * edit on its last read instead of re-reading every cell, without writing over a change it
 * did not see. Called from `contractSuite` (tests/workbook/contract.ts).
 */
import type { PlanOp, WorkbookSnapshot } from '../../src/core/snapshot';
import { scoredWerkbladOps } from './columnsContract';
import type { Harness, TestWorkbook } from './contract';
import { expectWorkbookError } from './expectWorkbookError';

const t = (x: string) => ({ text: x });
const n = (x: number) => ({ number: x });
const f = (x: string) => ({ formula: x });

/** Two scored rows, Totalen in F (formulas), a team column G of formulas on Totalen, an empty H, a team sheet. */
const WERKBLAD: PlanOp[] = [...scoredWerkbladOps(), { kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[t('van het team')]] }];

/** The engine's kind of plan on top of a read: a label, the Totalen formulas again, a cell below the rows, the team sheet untouched. */
const PLAN: PlanOp[] = [
  { kind: 'setCells', sheet: 'Werk blad', cell: 'A1', cells: [[t('Werkblad koppelkansen kiezen')]] },
  { kind: 'setCells', sheet: 'Werk blad', cell: 'F5', cells: [[f('=SUMPRODUCT(C5:E5,$C$4:$E$4)')], [f('=SUMPRODUCT(C6:E6,$C$4:$E$4)')]] },
  { kind: 'setCells', sheet: 'Werk blad', cell: 'H5', cells: [[n(0)]] },
];

/** Values and formulas of every sheet, to compare before and after a refused plan. */
const contents = (s: WorkbookSnapshot) => s.sheets.map((x) => ({ name: x.name, values: x.values, formulas: x.formulas }));

export function basisContract(h: Harness, test: (title: string, fn: jest.ProvidesCallback, timeout?: number) => void): void {
  describe(`${h.name}: a plan checked against the snapshot it was built on (basis)`, () => {
    async function werkblad(): Promise<TestWorkbook> {
      const wb = await h.create();
      await wb.apply({ ops: WERKBLAD });
      return h.reopen(wb);
    }

    test('a plan whose cells are still what its basis shows is written whole', async () => {
      const wb = await werkblad();
      const basis = await wb.readSnapshot();
      const res = await wb.apply({ ops: PLAN }, { basis });
      expect(res.conflicts).toEqual([]);
      const after = await h.reopen(wb);
      expect(after.getCell('Werk blad', 'A1')).toBe('Werkblad koppelkansen kiezen');
      expect(after.getFormula('Werk blad', 'F6')).toBe('=SUMPRODUCT(C6:E6,$C$4:$E$4)');
      expect(after.getCell('Werk blad', 'H5')).toBe(0);
    });

    test('a cell the plan writes that changed after its basis was read refuses the whole plan, naming sheet and cell; nothing changes', async () => {
      const cases: [PlanOp, RegExp][] = [
        // a colleague typed in an empty cell the plan writes
        [
          { kind: 'setCells', sheet: 'Werk blad', cell: 'H5', cells: [[t('van collega')]] },
          /^Werk blad!H5 is veranderd .*was leeg, nu “van collega”.*Er is niets gewijzigd/,
        ],
        // a colleague typed a value over a Totalen formula
        [
          { kind: 'setCells', sheet: 'Werk blad', cell: 'F6', cells: [[n(99)]] },
          /^Werk blad!F6 is veranderd .*was “=SUMPRODUCT\(C6:E6,\$C\$4:\$E\$4\)”, nu “99”/,
        ],
        // a colleague changed a label the plan writes
        [{ kind: 'setCells', sheet: 'Werk blad', cell: 'A1', cells: [[t('Onze eigen titel')]] }, /^Werk blad!A1 is veranderd .*nu “Onze eigen titel”/],
      ];
      for (const [change, text] of cases) {
        const wb = await werkblad();
        const basis = await wb.readSnapshot();
        await wb.apply({ ops: [change] });
        const before = await wb.readSnapshot();
        await expectWorkbookError(wb.apply({ ops: PLAN }, { basis }), 'cellsChanged', text);
        expect(contents(await wb.readSnapshot())).toEqual(contents(before));
        expect(contents(await (await h.reopen(wb)).readSnapshot())).toEqual(contents(before));
      }
    });

    test('a formula whose value changed with a score is still a formula: not a change', async () => {
      const wb = await werkblad();
      const basis = await wb.readSnapshot();
      // a score that Totalen (F5) and the team's G5 read
      await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell: 'C5', cells: [[n(9)]] }] });
      const res = await wb.apply({ ops: PLAN }, { basis });
      expect(res.conflicts).toEqual([]);
      expect((await h.reopen(wb)).getCell('Werk blad', 'H5')).toBe(0);
    });

    test('a change to a cell the plan does not write does not refuse it; a guarded cell is judged by its own expect', async () => {
      const wb = await werkblad();
      const basis = await wb.readSnapshot();
      await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Eigen', cell: 'A1', cells: [[t('ander')]] }] });
      await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell: 'D6', cells: [[n(8)]] }] });
      const res = await wb.apply({ ops: [...PLAN, { kind: 'setCells', sheet: 'Werk blad', cell: 'D6', cells: [[n(1)]], expect: [[5]] }] }, { basis });
      expect(res.conflicts).toEqual([{ sheet: 'Werk blad', cell: 'D6', expected: 5, actual: 8 }]);
      const after = await h.reopen(wb);
      expect(after.getCell('Werk blad', 'H5')).toBe(0);
      expect(after.getCell('Werk blad', 'D6')).toBe(8);
      expect(after.getCell('Eigen', 'A1')).toBe('ander');
    });

    test("the product's own cells (Plan.ownFrom) are never named when another pane rewrote them; the team's value typed where the product wrote nothing or a formula still refuses", async () => {
      // the edit's own cell (the team's: a score, judged by the full rule), then the engine's part:
      // a "Berekend door de add-in" text in H2, the Totalen formulas, a cell below the rows
      const own: PlanOp[] = [
        { kind: 'setCells', sheet: 'Werk blad', cell: 'C5', cells: [[n(2)]] },
        {
          kind: 'setCells',
          sheet: 'Werk blad',
          cell: 'H2',
          cells: [[t('Berekend door de add-in op 30-11-2026: telkens één weging anders. (kenmerk 00000002)')]],
        },
        ...PLAN.slice(1),
      ];
      const stamp = (k: string): PlanOp => ({
        kind: 'setCells',
        sheet: 'Werk blad',
        cell: 'H2',
        cells: [[t(`Berekend door de add-in op 30-11-2026: telkens één weging anders. (kenmerk ${k})`)]],
      });
      // another pane's plan rewrote the product's text and its Totalen formula meanwhile: written, nothing named
      const rewritten = await werkblad();
      await rewritten.apply({ ops: [stamp('00000000')] });
      const basis = await rewritten.readSnapshot();
      await rewritten.apply({ ops: [stamp('00000001'), { kind: 'setCells', sheet: 'Werk blad', cell: 'F6', cells: [[f('=SUM(C6:E6)')]] }] });
      const res = await rewritten.apply({ ops: own, ownFrom: 1 }, { basis });
      expect(res.conflicts).toEqual([]);
      const after = await h.reopen(rewritten);
      expect(after.getCell('Werk blad', 'H2')).toMatch(/kenmerk 00000002/);
      expect(after.getFormula('Werk blad', 'F6')).toBe('=SUMPRODUCT(C6:E6,$C$4:$E$4)');
      expect(after.getCell('Werk blad', 'C5')).toBe(2);

      // the team typed a value where the product's part writes and the basis showed nothing (H5) or a formula (F6): refused
      for (const [change, text] of [
        [{ kind: 'setCells', sheet: 'Werk blad', cell: 'H5', cells: [[t('van collega')]] }, /^Werk blad!H5 is veranderd .*was leeg, nu “van collega”/],
        [{ kind: 'setCells', sheet: 'Werk blad', cell: 'F6', cells: [[n(99)]] }, /^Werk blad!F6 is veranderd .*nu “99”/],
      ] as [PlanOp, RegExp][]) {
        const wb = await werkblad();
        const before = await wb.readSnapshot();
        await wb.apply({ ops: [change] });
        const changed = await wb.readSnapshot();
        await expectWorkbookError(wb.apply({ ops: own, ownFrom: 1 }, { basis: before }), 'cellsChanged', text);
        expect(contents(await wb.readSnapshot())).toEqual(contents(changed));
      }

      // the edit's own cell (before ownFrom) is the team's: any change to it refuses, naming it
      const team = await werkblad();
      const teamBasis = await team.readSnapshot();
      await team.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell: 'C5', cells: [[n(7)]] }] });
      await expectWorkbookError(team.apply({ ops: own, ownFrom: 1 }, { basis: teamBasis }), 'cellsChanged', /^Werk blad!C5 is veranderd .*was “1”, nu “7”/);
    });

    test('regression: a guarded cell a co-author changed speaks first: with a changed cell the plan writes too, nothing is written and the guard conflict is reported, not a refusal naming that cell', async () => {
      const wb = await werkblad();
      const basis = await wb.readSnapshot();
      // a colleague typed in a cell the plan writes (H5) and changed the guarded cell (D6)
      await wb.apply({
        ops: [
          { kind: 'setCells', sheet: 'Werk blad', cell: 'H5', cells: [[t('van collega')]] },
          { kind: 'setCells', sheet: 'Werk blad', cell: 'D6', cells: [[n(8)]] },
        ],
      });
      const before = await wb.readSnapshot();
      const guarded: PlanOp = { kind: 'setCells', sheet: 'Werk blad', cell: 'D6', cells: [[n(1)]], expect: [[5]] };
      const res = await wb.apply({ ops: [guarded, ...PLAN] }, { basis });
      expect(res.operations).toBe(0);
      expect(res.conflicts).toEqual([{ sheet: 'Werk blad', cell: 'D6', expected: 5, actual: 8 }]);
      expect(contents(await wb.readSnapshot())).toEqual(contents(before));
      expect(contents(await (await h.reopen(wb)).readSnapshot())).toEqual(contents(before));
      // without the guard's conflict the changed cell refuses the plan as before
      await expectWorkbookError(
        wb.apply({ ops: [{ ...guarded, expect: [[8]] }, ...PLAN] }, { basis }),
        'cellsChanged',
        /^Werk blad!H5 is veranderd .*nu “van collega”/,
      );
      expect(contents(await wb.readSnapshot())).toEqual(contents(before));
    });

    if (!h.columnsPending)
      test('after a column op of the plan its cells are judged as they were before the plan; a column the plan inserts is new', async () => {
        // insert one column at F: Totalen moves to G, the team's G to H; the plan then writes the new F and Totalen in G
        const plan: PlanOp[] = [
          { kind: 'insertColumns', sheet: 'Werk blad', column: 'F', count: 1 },
          { kind: 'setCells', sheet: 'Werk blad', cell: 'F3', cells: [[t('Nieuw')], [n(1)]] },
          { kind: 'setCells', sheet: 'Werk blad', cell: 'G5', cells: [[f('=SUMPRODUCT(C5:F5,$C$4:$F$4)')], [f('=SUMPRODUCT(C6:F6,$C$4:$F$4)')]] },
        ];
        const refused = await werkblad();
        const basis = await refused.readSnapshot();
        // a colleague typed over Totalen in F6 (G6 after the plan's insert)
        await refused.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell: 'F6', cells: [[n(99)]] }] });
        const before = await refused.readSnapshot();
        await expectWorkbookError(refused.apply({ ops: plan }, { basis }), 'cellsChanged', /^Werk blad!F6 is veranderd .*nu “99”/);
        expect(contents(await refused.readSnapshot())).toEqual(contents(before));

        const wb = await werkblad();
        const res = await wb.apply({ ops: plan }, { basis: await wb.readSnapshot() });
        expect(res.conflicts).toEqual([]);
        const after = await h.reopen(wb);
        expect(after.getCell('Werk blad', 'F3')).toBe('Nieuw');
        expect(after.getFormula('Werk blad', 'G6')).toBe('=SUMPRODUCT(C6:F6,$C$4:$F$4)');
      });
  });
}

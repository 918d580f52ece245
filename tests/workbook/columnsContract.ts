/**
 * Whole-column insert and delete (plan ops insertColumns / deleteColumns), the same cases
 * for every adapter: what Excel does with "Bladkolommen invoegen/verwijderen" (the rule of
 * src/core/columnShift.ts). Called from `contractSuite` (tests/workbook/contract.ts).
 */
import type { PlanOp, ValidationRule } from '../../src/core/snapshot';
import type { Harness, TestWorkbook } from './contract';
import { expectWorkbookError } from './expectWorkbookError';

const SCORE: ValidationRule = {
  type: 'wholeNumber',
  min: -10,
  max: 10,
  errorTitle: 'Ongeldige score',
  errorMessage: 'Vul een heel getal van -10 tot en met 10 in.',
  strict: true,
};

const t = (x: string) => ({ text: x });
const n = (x: number) => ({ number: x });
const f = (x: string) => ({ formula: x });

/**
 * The sheets "Werk blad" and "Eigen" (empty), and on "Werk blad" from A3: factors Geld, Tijd
 * and Draagvlak in C..E (row 3 names, row 4 weights 1, 2, 3), Totalen in F, a team column G
 * "Eigen som" (=F*10), and two scored rows (5, 6) with SUMPRODUCT totals. Shared with the
 * basis contract (basisContract.ts), which adds its own team text.
 */
export function scoredWerkbladOps(): PlanOp[] {
  return [
    { kind: 'addSheet', sheet: 'Werk blad' },
    { kind: 'addSheet', sheet: 'Eigen' },
    {
      kind: 'setCells',
      sheet: 'Werk blad',
      cell: 'A3',
      cells: [
        [t('Opgave'), t('Koppelkans'), t('Geld'), t('Tijd'), t('Draagvlak'), t('Totalen'), t('Eigen som')],
        [t(''), t(''), n(1), n(2), n(3), t(''), t('')],
        [t('Warmte'), t('Dak'), n(1), n(2), n(3), f('=SUMPRODUCT(C5:E5,$C$4:$E$4)'), f('=F5*10')],
        [t('Warmte'), t('Gevel'), n(4), n(5), n(6), f('=SUMPRODUCT(C6:E6,$C$4:$E$4)'), f('=F6*10')],
      ],
    },
  ];
}

/**
 * A small werkblad: factors in C..E (row 3 names, row 4 weights), Totalen in F, two
 * scored rows; a team column G right of Totalen that sums Totalen; a team sheet "Eigen"
 * pointing at a factor cell, at Totalen and at G; a validation on the scores.
 */
function werkbladOps(): PlanOp[] {
  return [
    ...scoredWerkbladOps(),
    { kind: 'setValidation', sheet: 'Werk blad', range: 'C5:E6', rule: SCORE },
    {
      kind: 'setColumnWidths',
      sheet: 'Werk blad',
      widths: [
        { column: 'E', width: 21 },
        { column: 'F', width: 13 },
      ],
    },
    { kind: 'setStyle', sheet: 'Werk blad', range: 'F5:F6', style: { bold: true } },
    {
      kind: 'setCells',
      sheet: 'Eigen',
      cell: 'A1',
      cells: [[f("='Werk blad'!E5"), f("=SUM('Werk blad'!F5:F6)"), f("='Werk blad'!G6"), f("='Werk blad'!D6+1")]],
    },
  ];
}

export function columnOpsContract(h: Harness, test: (title: string, fn: jest.ProvidesCallback, timeout?: number) => void): void {
  describe(`${h.name}: whole columns inserted and deleted`, () => {
    async function werkblad(): Promise<TestWorkbook> {
      const wb = await h.create();
      await wb.apply({ ops: werkbladOps() });
      return h.reopen(wb);
    }
    async function applyAndReopen(wb: TestWorkbook, ops: PlanOp[]): Promise<TestWorkbook> {
      await wb.apply({ ops });
      return h.reopen(wb);
    }

    if (h.columnsPending) {
      test(`an adapter that cannot move columns yet (${h.columnsPending}) refuses them before anything changes`, async () => {
        const wb = await werkblad();
        expect(wb.canShiftColumns).toBeFalsy();
        const before = await wb.readSnapshot();
        for (const kind of ['insertColumns', 'deleteColumns'] as const)
          await expectWorkbookError(
            wb.apply({
              ops: [
                { kind: 'setCells', sheet: 'Eigen', cell: 'A9', cells: [[t('x')]] },
                { kind, sheet: 'Werk blad', column: 'D', count: 1 },
              ],
            }),
            'invalidArgument',
            /kolommen invoegen of verwijderen/,
          );
        expect(await wb.readSnapshot()).toEqual(before);
      });
      return;
    }

    test('deleting a factor column in the middle moves the columns right of it left, and every reference follows', async () => {
      const wb = await applyAndReopen(await werkblad(), [{ kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 1 }]);
      const row = (r: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => wb.getCell('Werk blad', `${c}${r}`));
      expect(row(3)).toEqual(['Opgave', 'Koppelkans', 'Geld', 'Draagvlak', 'Totalen', 'Eigen som', null]);
      expect(row(6).slice(2, 4)).toEqual([4, 6]);
      // the range spanning the deleted column shrinks; $ anchors move too
      expect(wb.getFormula('Werk blad', 'E5')).toBe('=SUMPRODUCT(C5:D5,$C$4:$D$4)');
      expect(wb.getFormula('Werk blad', 'F6')).toBe('=E6*10');
      expect(wb.getFormula('Werk blad', 'G6')).toBeNull();
      // the team's sheet points at the same data; a reference to the deleted cell is #REF!
      expect(wb.getFormula('Eigen', 'A1')).toBe("='Werk blad'!D5");
      expect(wb.getFormula('Eigen', 'B1')).toBe("=SUM('Werk blad'!E5:E6)");
      expect(wb.getFormula('Eigen', 'C1')).toBe("='Werk blad'!F6");
      expect(wb.getFormula('Eigen', 'D1')).toBe('=#REF!+1');
      // the validation shrinks with it; widths and styles move with their columns
      expect(wb.getValidation('Werk blad', 'D6')).toEqual(expect.objectContaining({ type: 'wholeNumber', min: -10, max: 10 }));
      expect(wb.getValidation('Werk blad', 'E5')).toBeNull();
      expect(wb.getColumnWidth('Werk blad', 'D')).toBe(21);
      expect(wb.getColumnWidth('Werk blad', 'E')).toBe(13);
      expect(wb.getStyle('Werk blad', 'E5').bold).toBe(true);
      expect(wb.getStyle('Werk blad', 'F5').bold).toBeFalsy();
    });

    test('a 3-D reference whose sheet range holds the changed sheet is left as it is, bare and quoted (Excel’s behaviour there is not sourced; the pane warns)', async () => {
      const wb0 = await werkblad();
      await wb0.apply({
        ops: [
          { kind: 'addSheet', sheet: 'Som' },
          { kind: 'setCells', sheet: 'Som', cell: 'A1', cells: [[f("=SUM('Werk blad:Som'!F5)"), f('=SUM(Eigen:Som!E5:F6)'), f('=G1*2')]] },
        ],
      });
      // the tabs: Werk blad, Eigen, Som; column E of Som (the last sheet of both ranges) goes
      const wb = await applyAndReopen(await h.reopen(wb0), [{ kind: 'deleteColumns', sheet: 'Som', column: 'E', count: 1 }]);
      expect(wb.getFormula('Som', 'A1')).toBe("=SUM('Werk blad:Som'!F5)");
      expect(wb.getFormula('Som', 'B1')).toBe('=SUM(Eigen:Som!E5:F6)');
      // a plain reference beside them still moves
      expect(wb.getFormula('Som', 'C1')).toBe('=F1*2');
    });

    test('inserting a column before Totalen moves Totalen and the team column right of it, and every reference follows', async () => {
      const wb = await applyAndReopen(await werkblad(), [{ kind: 'insertColumns', sheet: 'Werk blad', column: 'F', count: 1 }]);
      expect(['E', 'F', 'G', 'H'].map((c) => wb.getCell('Werk blad', `${c}3`))).toEqual(['Draagvlak', null, 'Totalen', 'Eigen som']);
      // a range that ends left of the insert stays; the cells right of it move
      expect(wb.getFormula('Werk blad', 'G5')).toBe('=SUMPRODUCT(C5:E5,$C$4:$E$4)');
      expect(wb.getFormula('Werk blad', 'H6')).toBe('=G6*10');
      expect(wb.getFormula('Eigen', 'A1')).toBe("='Werk blad'!E5");
      expect(wb.getFormula('Eigen', 'B1')).toBe("=SUM('Werk blad'!G5:G6)");
      expect(wb.getFormula('Eigen', 'C1')).toBe("='Werk blad'!H6");
      expect(wb.getColumnWidth('Werk blad', 'G')).toBe(13);
      expect(wb.getStyle('Werk blad', 'G6').bold).toBe(true);
      expect(wb.getValidation('Werk blad', 'E6')).toEqual(expect.objectContaining({ type: 'wholeNumber' }));
    });

    test('inserting a column inside a range widens the range and its validation', async () => {
      const wb = await applyAndReopen(await werkblad(), [{ kind: 'insertColumns', sheet: 'Werk blad', column: 'D', count: 2 }]);
      expect(wb.getFormula('Werk blad', 'H5')).toBe('=SUMPRODUCT(C5:G5,$C$4:$G$4)');
      expect(wb.getFormula('Eigen', 'D1')).toBe("='Werk blad'!F6+1");
      expect(wb.getValidation('Werk blad', 'D5')).toEqual(expect.objectContaining({ type: 'wholeNumber' }));
      expect(wb.getValidation('Werk blad', 'G6')).toEqual(expect.objectContaining({ type: 'wholeNumber' }));
      expect((await wb.readSnapshot()).sheets.find((s) => s.name === 'Werk blad')?.values[5]?.slice(2, 7)).toEqual([4, null, null, 5, 6]);
    });

    test('an insert that would push content past the last column (XFD) is refused, naming sheet and cell, and nothing changes', async () => {
      const wb = await applyAndReopen(await werkblad(), [{ kind: 'setCells', sheet: 'Werk blad', cell: 'XFD2', cells: [[t('rand')]] }]);
      const before = await wb.readSnapshot();
      await expectWorkbookError(
        wb.apply({
          ops: [
            { kind: 'setCells', sheet: 'Eigen', cell: 'A9', cells: [[t('mag niet blijven')]] },
            { kind: 'insertColumns', sheet: 'Werk blad', column: 'F', count: 1 },
          ],
        }),
        'invalidArgument',
        /Werk blad.*XFD2/,
      );
      expect(await wb.readSnapshot()).toEqual(before);
    });

    test("regression: an insert is judged on the workbook as the plan's earlier ops leave it: a cell the plan itself writes in XFD refuses it, a delete before it makes room", async () => {
      const wb = await werkblad();
      const before = await wb.readSnapshot();
      await expectWorkbookError(
        wb.apply({
          ops: [
            { kind: 'setCells', sheet: 'Werk blad', cell: 'XFD2', cells: [[t('rand')]] },
            { kind: 'insertColumns', sheet: 'Werk blad', column: 'F', count: 1 },
          ],
        }),
        'invalidArgument',
        /Werk blad.*XFD2/,
      );
      expect(await wb.readSnapshot()).toEqual(before);
      const full = await applyAndReopen(wb, [{ kind: 'setCells', sheet: 'Werk blad', cell: 'XFD2', cells: [[t('rand')]] }]);
      const after = await applyAndReopen(full, [
        { kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 1 },
        { kind: 'insertColumns', sheet: 'Werk blad', column: 'E', count: 1 },
      ]);
      expect(after.getCell('Werk blad', 'XFD2')).toBe('rand');
      expect(['D', 'E', 'F'].map((c) => after.getCell('Werk blad', `${c}3`))).toEqual(['Draagvlak', null, 'Totalen']);
    });

    test('a bad column or count is refused before anything changes', async () => {
      const wb = await werkblad();
      await expectWorkbookError(wb.apply({ ops: [{ kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 0 }] }), 'invalidArgument', /kolom D/);
      await expectWorkbookError(wb.apply({ ops: [{ kind: 'insertColumns', sheet: 'Werk blad', column: '4', count: 1 }] }), 'invalidAddress', /Werk blad/);
      await expectWorkbookError(wb.apply({ ops: [{ kind: 'deleteColumns', sheet: 'Nergens', column: 'D', count: 1 }] }), 'unknownSheet', /Nergens/);
    });

    /** The cells of `column` from row 1 to `rows` as the werkblad holds them (what a planner read). */
    const asRead = (rows: number, values: (string | number | null)[]) => Array.from({ length: rows }, (_, r) => [values[r] ?? null]);
    // Werk blad column D as werkbladOps writes it: rows 1–2 empty, Tijd, 2, 2, 5
    const COLUMN_D = asRead(6, [null, null, 'Tijd', 2, 2, 5]);

    test('a guarded column delete whose column still holds what was read deletes it', async () => {
      const wb = await applyAndReopen(await werkblad(), [{ kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 1, expect: COLUMN_D }]);
      expect(wb.getCell('Werk blad', 'D3')).toBe('Draagvlak');
      expect(wb.getFormula('Eigen', 'D1')).toBe('=#REF!+1');
    });

    test('a guarded column delete is refused, naming sheet and cell, when a colleague typed in the column (also below what was read), and nothing changes', async () => {
      for (const [cell, text] of [
        ['D6', /Werk blad!D6 is veranderd .*was “5”, nu “7”.*niet verwijderd.*niets gewijzigd/],
        ['D40', /Werk blad!D40 is veranderd .*was leeg, nu “7”/],
      ] as const) {
        const wb = await werkblad();
        // the colleague's score, written after the planner read the column
        await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell, cells: [[n(7)]] }] });
        const before = await wb.readSnapshot();
        await expectWorkbookError(
          wb.apply({
            ops: [
              { kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 1, expect: COLUMN_D },
              { kind: 'setCells', sheet: 'Werk blad', cell: 'E3', cells: [[t('Totalen')]] },
            ],
          }),
          'columnsChanged',
          text,
        );
        expect(await wb.readSnapshot()).toEqual(before);
        expect(wb.getCell('Werk blad', cell)).toBe(7);
      }
    });

    test('a guarded op after an earlier column op of the plan is judged on the columns before the plan, and names the cell as it is now', async () => {
      const wb = await werkblad();
      await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell: 'C9', cells: [[t('collega')]] }] });
      const before = await wb.readSnapshot();
      // delete E, then insert two columns at D: the insert's place is D (Tijd) and E, which after the delete is F as read (Totalen)
      const insertAt = [
        [null, null],
        [null, null],
        ['Tijd', 'Totalen'],
      ];
      const ok = [
        { kind: 'deleteColumns', sheet: 'Werk blad', column: 'E', count: 1, expect: asRead(6, [null, null, 'Draagvlak', 3, 3, 6]) },
        { kind: 'insertColumns', sheet: 'Werk blad', column: 'D', count: 2, expect: insertAt },
      ] as PlanOp[];
      // the delete of C after both: C is still C before the plan, and holds the colleague's text in C9
      await expectWorkbookError(
        wb.apply({ ops: [...ok, { kind: 'deleteColumns', sheet: 'Werk blad', column: 'C', count: 1, expect: asRead(6, [null, null, 'Geld', 1, 1, 4]) }] }),
        'columnsChanged',
        /Werk blad!C9 .*nu “collega”/,
      );
      expect(await wb.readSnapshot()).toEqual(before);
      const after = await applyAndReopen(wb, ok);
      expect(['C', 'D', 'E', 'F', 'G'].map((c) => after.getCell('Werk blad', `${c}3`))).toEqual(['Geld', null, null, 'Tijd', 'Totalen']);
    });

    test('a guarded column insert is refused when its place changed (a colleague moved Totalen), and nothing changes', async () => {
      const wb = await werkblad();
      await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Werk blad', cell: 'F3', cells: [[t('Totaal')]] }] });
      const before = await wb.readSnapshot();
      await expectWorkbookError(
        wb.apply({ ops: [{ kind: 'insertColumns', sheet: 'Werk blad', column: 'F', count: 1, expect: asRead(3, [null, null, 'Totalen']) }] }),
        'columnsChanged',
        /Werk blad!F3 .*was “Totalen”, nu “Totaal”.*niet ingevoegd/,
      );
      expect(await wb.readSnapshot()).toEqual(before);
    });

    test('a guarded column op after a write of the plan, or with an expect of the wrong shape, is refused before anything changes', async () => {
      const wb = await werkblad();
      await expectWorkbookError(
        wb.apply({
          ops: [
            { kind: 'setCells', sheet: 'Eigen', cell: 'A9', cells: [[t('x')]] },
            { kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 1, expect: COLUMN_D },
          ],
        }),
        'invalidArgument',
        /vóór de andere wijzigingen/,
      );
      await expectWorkbookError(
        wb.apply({ ops: [{ kind: 'deleteColumns', sheet: 'Werk blad', column: 'D', count: 2, expect: COLUMN_D }] }),
        'invalidArgument',
        /verwachte inhoud/,
      );
      expect(wb.getCell('Eigen', 'A9')).toBeNull();
    });

    test('a protected sheet refuses a column insert, naming the sheet', async () => {
      const wb = await h.protect(await werkblad(), 'Werk blad', { allowFormatCells: true, allowFormatColumns: true });
      await expectWorkbookError(wb.apply({ ops: [{ kind: 'insertColumns', sheet: 'Werk blad', column: 'F', count: 1 }] }), 'sheetProtected', /Werk blad/);
    });
  });
}

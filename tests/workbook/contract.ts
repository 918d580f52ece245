/**
 * One suite of port behaviours, run against the memory and the xlsx adapter, so that
 * "correct" is defined once. The xlsx harness writes the workbook to bytes and reads it
 * back between apply and snapshot (`reopen`), which proves the file format too.
 */
import type { CellStyle, CellValue, Plan, PlanOp, ValidationRule, WorkbookSnapshot } from '../../src/core/snapshot';
import type { WorkbookPort } from '../../src/workbook/port';
import { columnLetter, parseCell } from '../../src/core/a1';
import { decodeStamp, formulaCells, FORMULA_STAMP, stampCellsOf } from '../../src/core/formulaStamp';
import { SHEET_NAMES, WERKBLAD } from '../../src/core/layout';
import { createKoppelkansenWorkbook, planWorkbook, prepareWorkbook } from '../../src/workbook/operations';
import { basisContract } from './basisContract';
import { columnOpsContract } from './columnsContract';
import { definitionsContract, type TeamDefinitions } from './definitionsContract';
import { expectWorkbookError } from './expectWorkbookError';
import { stap2Contract } from './stap2Contract';

const STAMP_NOW = new Date('2026-11-28T10:00:00Z');

/** What both adapters expose besides the port, to look at what the port cannot read. */
interface Inspector {
  getCell(sheet: string, address: string): CellValue;
  getFormula(sheet: string, address: string): string | null;
  getValidation(sheet: string, address: string): ValidationRule | null;
  getStyle(sheet: string, address: string): CellStyle;
  getColumnWidth(sheet: string, column: string): number | undefined;
  getRowHeight(sheet: string, row: number): number | undefined;
  getFreeze(sheet: string): { rows: number; columns: number };
  getPageSetup(sheet: string): {
    orientation?: 'portrait' | 'landscape';
    fitToWidth?: number;
    printTitleRows?: { first: number; last: number };
    printArea?: string;
  };
}

export type TestWorkbook = WorkbookPort & Inspector;

export interface Harness {
  name: string;
  /** A fresh, empty workbook. */
  create(): Promise<TestWorkbook>;
  /** The workbook as the next reader sees it (memory: itself; xlsx: bytes and back). */
  reopen(wb: TestWorkbook): Promise<TestWorkbook>;
  /**
   * The workbook with `sheet` protected as a team does it in Excel (Controleren > Blad
   * beveiligen), optionally allowing cell or column formatting; as the next reader sees it.
   */
  protect(wb: TestWorkbook, sheet: string, options?: { allowFormatCells?: boolean; allowFormatColumns?: boolean }): Promise<TestWorkbook>;
  /**
   * Cases that do not apply to this adapter or its test double, by test title, each with
   * the reason; they are skipped (and a title that names no case fails the suite).
   */
  notApplicable?: Record<string, string>;
  /**
   * Why this adapter does not insert or delete whole columns yet (its port says
   * `canShiftColumns` false): the column cases then check that it refuses them, changing nothing.
   */
  columnsPending?: string;
  /**
   * The workbook with the team's defined names and conditional formats added as Excel adds
   * them (Formules > Naam definiëren, Voorwaardelijke opmaak; no plan op makes them), as
   * the next reader sees it.
   */
  withTeamDefinitions(wb: TestWorkbook, team: TeamDefinitions): Promise<TestWorkbook>;
}

const t = (x: string) => ({ text: x });
const n = (x: number) => ({ number: x });

const SCORE: ValidationRule = {
  type: 'wholeNumber',
  min: -10,
  max: 10,
  prompt: 'Score: een heel getal van -10 tot 10.',
  errorTitle: 'Ongeldige score',
  errorMessage: 'Vul een heel getal van -10 tot en met 10 in.',
  strict: true,
};
const WEIGHT: ValidationRule = { type: 'decimal', min: 0, errorTitle: 'Ongeldige weging', errorMessage: 'Een weging is 0 of meer.', strict: true };
const LIST: ValidationRule = {
  type: 'list',
  source: "=OFFSET('Overzicht koppelkansen'!$B$2,0,0,COUNTA('Overzicht koppelkansen'!$B:$B)-1,1)",
  errorTitle: 'Niet in de lijst',
  errorMessage: 'Deze koppelkans staat niet in de keuzelijst.',
  strict: false,
};
const STATUS: ValidationRule = {
  type: 'list',
  source: 'To do,Bezig,Klaar',
  prompt: 'Status',
  errorTitle: 'Onbekende status',
  errorMessage: 'Kies To do, Bezig of Klaar.',
  strict: true,
};

/**
 * The whole contract over the adapter `h`. `options.paneSteps` false leaves out the Stap 1 and
 * Stap 2 scenarios of the pane (stap2Contract.ts, about 80 % of the suite's time on an .xlsx
 * adapter): for a variant of an adapter whose difference lies below the port ops (how the
 * package zip is read and written), which every other part of the contract drives op by op.
 */
export function contractSuite(h: Harness, options: { paneSteps?: boolean } = {}): void {
  rowOpsContract({ name: h.name, create: () => h.create(), reopen: (wb) => h.reopen(wb as TestWorkbook) });
  if (options.paneSteps ?? true) stap2Contract(h);
  const titles = new Set<string>();
  /** jest's test, skipping the cases `h.notApplicable` names. */
  const test = (title: string, fn: jest.ProvidesCallback, timeout?: number) => {
    titles.add(title);
    if (h.notApplicable?.[title] !== undefined) global.test.skip(title, fn, timeout);
    else global.test(title, fn, timeout);
  };
  columnOpsContract(h, test);
  basisContract(h, test);
  definitionsContract(h, test);
  describe(`${h.name}: the workbook port contract`, () => {
    afterAll(() => {
      expect(Object.keys(h.notApplicable ?? {}).filter((title) => !titles.has(title))).toEqual([]);
    });
    /** A workbook with sheet "Blad" (and whatever `ops` add), as the next reader sees it. */
    async function withSheet(ops: PlanOp[] = []): Promise<TestWorkbook> {
      const wb = await h.create();
      await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad' }, ...ops] });
      return h.reopen(wb);
    }
    async function applyAndReopen(wb: TestWorkbook, plan: Plan): Promise<TestWorkbook> {
      await wb.apply(plan);
      return h.reopen(wb);
    }

    describe('sheets', () => {
      test('sheets come back in the order they were added, hidden ones hidden', async () => {
        const wb = await applyAndReopen(await h.create(), {
          ops: [
            { kind: 'addSheet', sheet: 'Werkblad koppelkansen kiezen' },
            { kind: 'addSheet', sheet: 'Lijsten', hidden: true },
            { kind: 'addSheet', sheet: 'Notulen' },
          ],
        });
        const s = (await wb.readSnapshot()).sheets;
        expect(s.map((x) => [x.name, !!x.hidden])).toEqual([
          ['Werkblad koppelkansen kiezen', false],
          ['Lijsten', true],
          ['Notulen', false],
        ]);
      });

      test('a second sheet with the same name in other case is refused and the plan is not applied', async () => {
        const wb = await withSheet();
        await expectWorkbookError(
          wb.apply({
            ops: [
              { kind: 'addSheet', sheet: 'Nieuw' },
              { kind: 'addSheet', sheet: 'BLAD' },
            ],
          }),
          'sheetExists',
          /BLAD/,
        );
        expect((await (await h.reopen(wb)).readSnapshot()).sheets.map((s) => s.name)).toEqual(['Blad']);
      });

      test('a sheet name over 31 characters is refused, not cut short', async () => {
        const wb = await withSheet();
        await expectWorkbookError(wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Overzicht opgaven en koppelkansen' }] }), 'sheetNameTooLong', /31/);
        expect((await wb.readSnapshot()).sheets.map((s) => s.name)).toEqual(['Blad']);
      });

      test('ops may address a sheet in any case and a sheet added earlier in the same plan', async () => {
        const wb = await applyAndReopen(await h.create(), {
          ops: [
            { kind: 'addSheet', sheet: 'Notulen' },
            { kind: 'setCells', sheet: 'notulen', cell: 'B2', cells: [[t('x')]] },
          ],
        });
        expect((await wb.readSnapshot()).sheets[0]).toMatchObject({ name: 'Notulen', values: [[], [null, 'x']] });
      });
    });

    describe('cells', () => {
      test('values of every kind, anchored at A1, with formulas beside them', async () => {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('tekst'), n(2.5), n(-7), n(0), { bool: true }, { bool: false }]] },
          { kind: 'setCells', sheet: 'Blad', cell: 'B3', cells: [[{ formula: '=B1*2' }, t('weg')]] },
          { kind: 'setCells', sheet: 'Blad', cell: 'C3', cells: [[{ clear: true }]] },
        ]);
        const s = (await wb.readSnapshot()).sheets[0];
        expect(s.values).toEqual([['tekst', 2.5, -7, 0, true, false], [], [null, null]]);
        expect(s.formulas).toEqual([[null, null, null, null, null, null], [], [null, '=B1*2']]);
      });

      test('text that looks like a formula, number, date or boolean stays text', async () => {
        const risky = [
          '=SUM(A1)',
          '+31 6 1234 5678',
          '-',
          '-5',
          '@team',
          "'quote",
          '00123',
          '1/2',
          '12:30',
          'TRUE',
          'onwaar',
          '#N/B',
          '12%',
          '(1)',
          '1e5',
          ' spatie ',
          // the rest of what Excel converts when text is written as a value (issue 8)
          '12-5',
          '1e3',
          '50%',
          ' 5',
          'WAAR',
        ];
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: risky.map((x) => [t(x)]) }]);
        const s = (await wb.readSnapshot()).sheets[0];
        expect(s.values.map((r) => r[0])).toEqual(risky);
        expect(s.formulas!.flat().filter(Boolean)).toEqual([]);
      });

      test('formulas come back as formulas, newer functions included', async () => {
        const formulas = [
          '=SUM(C6:J6)',
          '=IFERROR(1/0,"ongeldig")',
          '=AGGREGATE(14,6,K6:K105/(K6:K105<>""),1)',
          '=IFS(A1>0,"plus",TRUE,"min")',
          '=TEXTJOIN(", ",TRUE,A1:A3)',
          '=MAXIFS(A1:A3,B1:B3,"x")',
          '=\'Werkblad koppelkansen kiezen\'!K6&" IFS("',
        ];
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: formulas.map((f) => [{ formula: f }]) }]);
        const s = (await wb.readSnapshot()).sheets[0];
        expect(s.formulas!.map((r) => r[0])).toEqual(formulas);
        // nothing calculates them here: no cached result
        expect(s.values.map((r) => r[0])).toEqual(formulas.map(() => null));
      });

      test('noCachedResult lists the formulas written without a cached result, not those with one ("" and 0 included), and not a cell written over', async () => {
        const wb = await withSheet([
          {
            kind: 'setCells',
            sheet: 'Blad',
            cell: 'A1',
            cells: [[{ formula: '=1+1' }, { formula: '=""', result: '' }, { formula: '=1-1', result: 0 }, { formula: '=3', result: 3 }, { formula: '=4' }]],
          },
        ]);
        const s = (await wb.readSnapshot()).sheets[0];
        // a cached "" and no cached result read the same (null): only this list tells them apart
        expect(s.values[0].slice(0, 3)).toEqual([null, null, 0]);
        expect([...(s.noCachedResult ?? [])].sort()).toEqual(['A1', 'E1']);
        const after = await applyAndReopen(wb, {
          ops: [
            { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[{ formula: '=1+1', result: 2 }]] },
            { kind: 'setCells', sheet: 'Blad', cell: 'E1', cells: [[t('tekst')]] },
          ],
        });
        expect((await after.readSnapshot()).sheets[0].noCachedResult ?? []).toEqual([]);
      });

      test('long text (32,767 characters) and line breaks survive', async () => {
        const long = 'x'.repeat(32766) + 'y';
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t(long), t('regel 1\nregel 2\n\nregel 4')]] }]);
        const s = (await wb.readSnapshot()).sheets[0];
        expect(s.values[0][0]).toBe(long);
        expect(s.values[0][1]).toBe('regel 1\nregel 2\n\nregel 4');
      });

      test('crLostInFile: a carriage return (CR LF, a lone CR) in text survives writing and reading', async () => {
        // an XML reader turns CR LF and CR into LF; the xlsx adapter lost every CR the team's text held
        const texts = ['regel 1\r\nregel 2', 'los\rteken', '\r', 'eind\r\n', 'al _x000D_ getypt\r'];
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [texts.map(t)] }]);
        expect((await wb.readSnapshot()).sheets[0].values[0]).toEqual(texts);
        // and a second write of the same workbook (the patched package) keeps them too
        await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A2', cells: [texts.map(t)] }] });
        const again = await h.reopen(wb);
        expect((await again.readSnapshot()).sheets[0].values).toEqual([texts, texts]);
      });

      test('text over 32,767 characters is refused with a Dutch message naming the cell, and nothing changes', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('eerst')]] }]);
        await expectWorkbookError(
          wb.apply({
            ops: [
              { kind: 'setCells', sheet: 'Blad', cell: 'A2', cells: [[t('ok')]] },
              { kind: 'setCells', sheet: 'Blad', cell: 'C4', cells: [[t('x'.repeat(32768))]] },
            ],
          }),
          'textTooLong',
          /Blad!C4.*32\.767/,
        );
        expect((await (await h.reopen(wb)).readSnapshot()).sheets[0].values).toEqual([['eerst']]);
      });

      test('a number Excel cannot hold is refused', async () => {
        const wb = await withSheet();
        await expectWorkbookError(wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[n(NaN)]] }] }), 'invalidNumber', /Blad!A1/);
      });
    });

    describe('all or nothing', () => {
      test('a plan naming an unknown sheet fails before anything is written', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('voor')]] }]);
        const before = await wb.readSnapshot();
        await expectWorkbookError(
          wb.apply({
            ops: [
              { kind: 'addSheet', sheet: 'Extra' },
              { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('na')]] },
              { kind: 'setValidation', sheet: 'Blad', range: 'A1:A5', rule: SCORE },
              { kind: 'setCells', sheet: 'Bestaat niet', cell: 'A1', cells: [[t('b')]] },
            ],
          }),
          'unknownSheet',
          /"Bestaat niet"/,
        );
        const after = await h.reopen(wb);
        expect(await after.readSnapshot()).toEqual(before);
        expect(after.getValidation('Blad', 'A1')).toBeNull();
      });

      test('an empty plan changes nothing, validations included', async () => {
        const wb = await withSheet([
          {
            kind: 'setCells',
            sheet: 'Blad',
            cell: 'A1',
            cells: [
              [t('a'), n(1), { formula: '=B1+1' }],
              [t('=x'), { bool: false }],
            ],
          },
          { kind: 'setValidation', sheet: 'Blad', range: 'C6:J20', rule: SCORE },
        ]);
        const request = { validationTargets: () => [{ sheet: 'Blad', range: 'C6:J20' }] };
        const before = await wb.readSnapshot(request);
        const res = await wb.apply({ ops: [] });
        expect(res).toEqual({ operations: 0, appendedAt: [], missingKeys: [], conflicts: [] });
        expect(await (await h.reopen(wb)).readSnapshot(request)).toEqual(before);
      });

      test('apply reports its operations and progress up to 1', async () => {
        const wb = await withSheet();
        const progress: number[] = [];
        const res = await wb.apply(
          {
            ops: [
              { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('a')]] },
              { kind: 'freeze', sheet: 'Blad', rows: 1, columns: 0 },
            ],
          },
          { onProgress: (f) => progress.push(f) },
        );
        expect(res.operations).toBe(2);
        expect(progress[progress.length - 1]).toBe(1);
      });
    });

    test('a chart (setChart) is refused before anything is written: files written outside Excel cannot hold one', async () => {
      const wb = await withSheet([
        {
          kind: 'setCells',
          sheet: 'Blad',
          cell: 'A1',
          cells: [
            [t('Koppelkans'), t('Totaal')],
            [t('a'), n(3)],
          ],
        },
      ]);
      expect(wb.canDrawCharts).toBeFalsy();
      const before = await wb.readSnapshot();
      await expectWorkbookError(
        wb.apply({
          ops: [
            { kind: 'setCells', sheet: 'Blad', cell: 'C1', cells: [[t('na')]] },
            {
              kind: 'setChart',
              sheet: 'Blad',
              name: 'Top',
              title: 'Top',
              categories: 'A2:A2',
              values: 'B2:B2',
              anchor: 'E1:L16',
              color: '#9DC3E6',
              highlight: [0],
              highlightColor: '#1F4E79',
            },
          ],
        }),
        'chartsUnsupported',
        /grafiek op werkblad Blad kan alleen de invoegtoepassing in Excel maken.*Er is niets gewijzigd/,
      );
      expect(await (await h.reopen(wb)).readSnapshot()).toEqual(before);
    });

    describe('validations', () => {
      test('read back equal to what was written, for the requested ranges only', async () => {
        const wb = await withSheet([
          { kind: 'setValidation', sheet: 'Blad', range: 'C6:J105', rule: SCORE },
          { kind: 'setValidation', sheet: 'Blad', range: 'B6:B105', rule: LIST },
          { kind: 'setValidation', sheet: 'Blad', range: 'C4:J4', rule: WEIGHT },
          { kind: 'setValidation', sheet: 'Blad', range: 'M6', rule: STATUS },
        ]);
        const snap = await wb.readSnapshot({
          validationTargets: () => [
            { sheet: 'Blad', range: 'C6:J105' },
            { sheet: 'Blad', range: 'B6:B105' },
            { sheet: 'Blad', range: 'C4:J4' },
            { sheet: 'Blad', range: 'M6' },
            { sheet: 'Blad', range: 'A6:A105' },
            { sheet: 'Blad', range: 'C6:J200' },
            { sheet: 'Blad', range: 'B6:C6' },
            { sheet: 'Geen blad', range: 'A1' },
          ],
        });
        expect(snap.validations).toEqual([
          { sheet: 'Blad', range: 'C6:J105', rule: SCORE },
          { sheet: 'Blad', range: 'B6:B105', rule: LIST },
          { sheet: 'Blad', range: 'C4:J4', rule: WEIGHT },
          { sheet: 'Blad', range: 'M6', rule: STATUS },
          { sheet: 'Blad', range: 'A6:A105', rule: null }, // none
          { sheet: 'Blad', range: 'C6:J200', rule: null }, // only partly covered
          { sheet: 'Blad', range: 'B6:C6', rule: null }, // two different rules
          { sheet: 'Geen blad', range: 'A1', rule: null },
        ]);
      });

      test('a new validation replaces the overlapping part only; the rest keeps its rule', async () => {
        const wb = await withSheet([
          { kind: 'setValidation', sheet: 'Blad', range: 'A1:C10', rule: SCORE },
          { kind: 'setValidation', sheet: 'Blad', range: 'B5:D5', rule: WEIGHT },
        ]);
        expect(wb.getValidation('Blad', 'A1')).toEqual(SCORE);
        expect(wb.getValidation('Blad', 'C10')).toEqual(SCORE);
        expect(wb.getValidation('Blad', 'A5')).toEqual(SCORE);
        expect(wb.getValidation('Blad', 'B5')).toEqual(WEIGHT);
        expect(wb.getValidation('Blad', 'D5')).toEqual(WEIGHT);
        expect(wb.getValidation('Blad', 'D6')).toBeNull();
        const snap = await wb.readSnapshot({
          validationTargets: () => [
            { sheet: 'Blad', range: 'A1:C4' },
            { sheet: 'Blad', range: 'A1:C10' },
          ],
        });
        expect(snap.validations!.map((v) => v.rule)).toEqual([SCORE, null]);
      });

      test('titles and messages longer than Excel allows are cut to its limits (32 and 255)', async () => {
        const long: ValidationRule = { ...SCORE, errorTitle: 'T'.repeat(40), errorMessage: 'M'.repeat(300), prompt: 'P'.repeat(300) };
        const wb = await withSheet([{ kind: 'setValidation', sheet: 'Blad', range: 'A1', rule: long }]);
        expect(wb.getValidation('Blad', 'A1')).toEqual({ ...SCORE, errorTitle: 'T'.repeat(32), errorMessage: 'M'.repeat(255), prompt: 'P'.repeat(255) });
      });
    });

    describe('row operations: what only adapters check', () => {
      test('an expect that does not fit the cells is refused before anything is written', async () => {
        const wb = await withSheet([]);
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('a'), t('b')]], expect: [['a']] }] }),
          'invalidArgument',
          /verwachte inhoud/,
        );
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'deleteRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'x', firstColumn: 'C', lastColumn: 'A' }] }),
          'invalidArgument',
          /kolom A ligt voor kolom C/,
        );
      });

      test('deleteRowByKey keeps the formats of the emptied cells', async () => {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')], [t('N-1'), t('een')]] },
          { kind: 'setStyle', sheet: 'Blad', range: 'B2', style: { bold: true } },
        ]);
        await wb.apply({ ops: [{ kind: 'deleteRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'N-1', firstColumn: 'A', lastColumn: 'B' }] });
        const after = await h.reopen(wb);
        expect((await after.readSnapshot()).sheets[0].values).toEqual([['kop']]);
        expect(after.getStyle('Blad', 'B2')).toEqual({ bold: true });
      });
    });

    describe('protected sheets', () => {
      /** "Blad" with A1:C1 filled, A2:B3 unlocked, then protected. */
      async function protectedSheet(options?: { allowFormatCells?: boolean; allowFormatColumns?: boolean }): Promise<TestWorkbook> {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('Sleutel'), t('Naam'), t('Opmerking')]] },
          { kind: 'setCells', sheet: 'Blad', cell: 'A2', cells: [[t('k1'), t('eerste')]] },
          { kind: 'setStyle', sheet: 'Blad', range: 'A2:B3', style: { locked: false } },
        ]);
        return h.protect(wb, 'Blad', options);
      }

      test('an appended row in unlocked cells of a protected sheet is written without its row height and format (Excel refuses them there), not refused', async () => {
        const wb = await protectedSheet();
        await wb.readSnapshot();
        const after = await applyAndReopen(wb, {
          ops: [
            {
              kind: 'appendRows',
              sheet: 'Blad',
              minRow: 2,
              firstColumn: 'A',
              rows: [[t('k2'), t('lang\nen lang')]],
              heights: [48],
              formats: [{ column: 'B', style: { wrap: true } }],
            },
          ],
        });
        expect(after.getCell('Blad', 'A3')).toBe('k2');
        expect(after.getRowHeight('Blad', 3)).toBeUndefined();
        // nor its format: the protection does not allow formatting cells
        expect(after.getStyle('Blad', 'B3').wrap).toBeUndefined();
      });

      test('an appended row on a protected sheet that allows formatting cells gets its format', async () => {
        const wb = await protectedSheet({ allowFormatCells: true });
        await wb.readSnapshot();
        const after = await applyAndReopen(wb, {
          ops: [
            { kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('k2'), t('lang')]], formats: [{ column: 'B', style: { wrap: true } }] },
          ],
        });
        expect(after.getCell('Blad', 'A3')).toBe('k2');
        expect(after.getStyle('Blad', 'B3').wrap).toBe(true);
      });

      test('the snapshot says which sheet is protected and which cells are unlocked', async () => {
        const wb = await protectedSheet({ allowFormatCells: true });
        const sheet = (await wb.readSnapshot()).sheets[0];
        expect(sheet.protection).toEqual({ protected: true, unlocked: ['A2:B3'], allowFormatCells: true });
        expect(sheet.values[1]).toEqual(['k1', 'eerste']);
      });

      test('writes into unlocked cells of a protected sheet are carried out (values, row updates, frozen panes)', async () => {
        const wb = await protectedSheet();
        const after = await applyAndReopen(wb, {
          ops: [
            { kind: 'setCells', sheet: 'Blad', cell: 'A3', cells: [[t('k2'), n(7)]] },
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'k1', firstColumn: 'B', cells: [t('gewijzigd')] },
            { kind: 'freeze', sheet: 'Blad', rows: 1, columns: 0 },
          ],
        });
        expect(after.getCell('Blad', 'A3')).toBe('k2');
        expect(after.getCell('Blad', 'B3')).toBe(7);
        expect(after.getCell('Blad', 'B2')).toBe('gewijzigd');
        expect(after.getFreeze('Blad')).toEqual({ rows: 1, columns: 0 });
      });

      test('regression: a write into a locked cell of a protected sheet is refused before anything is written, in Dutch, naming sheet, cells and what to do', async () => {
        const wb = await protectedSheet();
        await expectWorkbookError(
          wb.apply({
            ops: [
              { kind: 'setCells', sheet: 'Blad', cell: 'A3', cells: [[t('k2')]] },
              { kind: 'setCells', sheet: 'Blad', cell: 'C2', cells: [[t('x')], [t('y')], [t('z')]] },
            ],
          }),
          'sheetProtected',
          /Blad "Blad" is beveiligd, maar de add-in moet daar cellen C2:C4 aanpassen\. Hef de beveiliging van blad "Blad" op \(Controleren > Beveiliging blad opheffen\).*ontgrendel deze cellen.*Er is niets gewijzigd/,
        );
        const after = await h.reopen(wb);
        expect(after.getCell('Blad', 'A3')).toBeNull(); // the allowed first op was not applied either
        expect(after.getCell('Blad', 'C2')).toBeNull();
      });

      test('appending below the used range and updating a locked row of a protected sheet are refused; a missing key is not', async () => {
        const wb = await protectedSheet();
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('k9'), t('nieuw'), t('opmerking')]] }] }),
          'sheetProtected',
          /cel C3 aanpassen/,
        );
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'updateRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'k1', firstColumn: 'B', cells: [t('a'), t('b')] }] }),
          'sheetProtected',
          /cel C2 aanpassen/,
        );
        const result = await wb.apply({
          ops: [{ kind: 'deleteRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'nergens', firstColumn: 'A', lastColumn: 'C' }],
        });
        expect(result.missingKeys).toEqual(['nergens']);
      });

      test('formats, validations, lock state and column widths of a protected sheet are refused unless the protection allows them', async () => {
        const wb = await protectedSheet();
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setValidation', sheet: 'Blad', range: 'A2:A3', rule: STATUS }] }),
          'sheetProtected',
          /gegevensvalidatie van A2:A3/,
        );
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'A2', style: { bold: true } }] }),
          'sheetProtected',
          /opmaak van A2/,
        );
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'A4', style: { locked: false } }] }),
          'sheetProtected',
          /vergrendeling van A4/,
        );
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setColumnWidths', sheet: 'Blad', widths: [{ column: 'C', width: 30 }] }] }),
          'sheetProtected',
          /kolombreedte van C/,
        );
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setRowHeights', sheet: 'Blad', heights: [{ row: 4, height: 45 }] }] }),
          'sheetProtected',
          /rijhoogte van rij 4/,
        );
        const allowing = await protectedSheet({ allowFormatCells: true, allowFormatColumns: true });
        const after = await applyAndReopen(allowing, {
          ops: [
            { kind: 'setStyle', sheet: 'Blad', range: 'A2', style: { bold: true } },
            { kind: 'setColumnWidths', sheet: 'Blad', widths: [{ column: 'C', width: 30 }] },
          ],
        });
        expect(after.getStyle('Blad', 'A2')).toEqual({ bold: true, locked: false });
        expect(after.getColumnWidth('Blad', 'C')).toBe(30);
      });

      test('a sheet the plan adds, or another sheet, is not held back by a protected one', async () => {
        const wb = await protectedSheet();
        const after = await applyAndReopen(wb, {
          ops: [
            { kind: 'addSheet', sheet: 'Nieuw' },
            { kind: 'setCells', sheet: 'Nieuw', cell: 'C2', cells: [[t('vrij')]] },
          ],
        });
        expect(after.getCell('Nieuw', 'C2')).toBe('vrij');
      });
    });

    describe('layout', () => {
      test('styles merge per property; widths and frozen panes are kept', async () => {
        const wb = await withSheet([
          { kind: 'setStyle', sheet: 'Blad', range: 'A1:B1', style: { bold: true, fill: '#1f4e79', fontColor: '#FFFFFF', border: true } },
          {
            kind: 'setStyle',
            sheet: 'Blad',
            range: 'B1:B2',
            style: { wrap: true, numberFormat: '0.00', horizontalAlignment: 'center', verticalAlignment: 'top' },
          },
          { kind: 'setStyle', sheet: 'Blad', range: 'A1', style: { italic: true, fontSize: 14, bold: false } },
          {
            kind: 'setColumnWidths',
            sheet: 'Blad',
            widths: [
              { column: 'A', width: 40 },
              { column: 'K', width: 12.5 },
            ],
          },
          { kind: 'freeze', sheet: 'Blad', rows: 5, columns: 2 },
        ]);
        expect(wb.getStyle('Blad', 'A1')).toEqual({ italic: true, fontSize: 14, fill: '#1F4E79', fontColor: '#FFFFFF', border: true });
        expect(wb.getStyle('Blad', 'B1')).toEqual({
          bold: true,
          fill: '#1F4E79',
          fontColor: '#FFFFFF',
          border: true,
          wrap: true,
          numberFormat: '0.00',
          horizontalAlignment: 'center',
          verticalAlignment: 'top',
        });
        expect(wb.getStyle('Blad', 'B2')).toEqual({ wrap: true, numberFormat: '0.00', horizontalAlignment: 'center', verticalAlignment: 'top' });
        expect(wb.getStyle('Blad', 'C1')).toEqual({});
        expect(wb.getColumnWidth('Blad', 'A')).toBe(40);
        expect(wb.getColumnWidth('Blad', 'K')).toBe(12.5);
        expect(wb.getFreeze('Blad')).toEqual({ rows: 5, columns: 2 });
        // styling does not put values in cells
        expect((await wb.readSnapshot()).sheets[0].values).toEqual([]);
      });

      test('fill null removes the fill and fontColor null restores the automatic colour; other properties stay', async () => {
        const wb = await withSheet([
          { kind: 'setStyle', sheet: 'Blad', range: 'A1:B1', style: { bold: true, fill: '#E2EFDA', fontColor: '#FFFFFF', numberFormat: '0.##' } },
        ]);
        const after = await applyAndReopen(wb, {
          ops: [
            { kind: 'setStyle', sheet: 'Blad', range: 'A1', style: { fill: null, fontColor: null } },
            { kind: 'setStyle', sheet: 'Blad', range: 'B1', style: { bold: false, fill: null, numberFormat: 'General' } },
          ],
        });
        expect(after.getStyle('Blad', 'A1')).toEqual({ bold: true, numberFormat: '0.##' });
        expect(after.getStyle('Blad', 'B1')).toEqual({ fontColor: '#FFFFFF' });
      });

      test('styling one cell of a reopened workbook leaves the cells that shared its style alone', async () => {
        const wb = await withSheet([{ kind: 'setStyle', sheet: 'Blad', range: 'A1:C1', style: { bold: true, fill: '#E2EFDA', numberFormat: '0.##' } }]);
        const after = await applyAndReopen(wb, {
          ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'B1', style: { bold: false, fill: null, numberFormat: 'General' } }],
        });
        expect(after.getStyle('Blad', 'A1')).toEqual({ bold: true, fill: '#E2EFDA', numberFormat: '0.##' });
        expect(after.getStyle('Blad', 'B1')).toEqual({});
        expect(after.getStyle('Blad', 'C1')).toEqual({ bold: true, fill: '#E2EFDA', numberFormat: '0.##' });
      });

      test('row heights (points) are stored and read back, on rows with and without cells; the cells stay', async () => {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('een')], [t('twee\ndrie')]] },
          {
            kind: 'setRowHeights',
            sheet: 'Blad',
            heights: [
              { row: 2, height: 30 },
              { row: 7, height: 45.5 },
            ],
          },
        ]);
        expect(wb.getRowHeight('Blad', 1)).toBeUndefined();
        expect(wb.getRowHeight('Blad', 2)).toBe(30);
        expect(wb.getRowHeight('Blad', 7)).toBe(45.5);
        expect(wb.getCell('Blad', 'A2')).toBe('twee\ndrie');
        const again = await applyAndReopen(wb, { ops: [{ kind: 'setRowHeights', sheet: 'Blad', heights: [{ row: 2, height: 60 }] }] });
        expect(again.getRowHeight('Blad', 2)).toBe(60);
        expect(again.getCell('Blad', 'A1')).toBe('een');
      });

      test('regression: appended rows get the row heights their op asks for (a note with wrapped text), rows already there keep theirs', async () => {
        const wb = await withSheet([
          {
            kind: 'setCells',
            sheet: 'Blad',
            cell: 'A1',
            cells: [
              [t('Id'), t('Tekst')],
              [t('team'), t('door het team getypt')],
            ],
          },
          { kind: 'setRowHeights', sheet: 'Blad', heights: [{ row: 2, height: 21 }] },
        ]);
        await wb.readSnapshot();
        const after = await applyAndReopen(wb, {
          ops: [
            {
              kind: 'appendRows',
              sheet: 'Blad',
              minRow: 2,
              firstColumn: 'A',
              rows: [
                [t('n1'), t('lang\nen lang')],
                [t('n2'), t('kort')],
              ],
              heights: [48, null],
            },
            { kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('n3'), t('zonder hoogte')]] },
          ],
        });
        expect(after.getCell('Blad', 'A3')).toBe('n1');
        expect(after.getRowHeight('Blad', 3)).toBe(48);
        expect(after.getRowHeight('Blad', 4)).toBeUndefined();
        expect(after.getCell('Blad', 'A5')).toBe('n3');
        expect(after.getRowHeight('Blad', 5)).toBeUndefined();
        // the team's row and the header row are not touched
        expect(after.getRowHeight('Blad', 2)).toBe(21);
        expect(after.getRowHeight('Blad', 1)).toBeUndefined();
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('x')]], heights: [500] }] }),
          'invalidArgument',
          /rijhoogte/,
        );
      });

      test('regression: a note appended at row 600, below the block the template formatted (H11:H511), gets the wrap and top alignment of the note rows; the team rows and other cells keep theirs', async () => {
        const wrapTop = { wrap: true, verticalAlignment: 'top' as const };
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A10', cells: [[t('Id'), t('Tekst')]] },
          { kind: 'setStyle', sheet: 'Blad', range: 'B11:B511', style: wrapTop },
          // the team's own row far down, with a fill of its own on the cell the note's format lands on below
          { kind: 'setCells', sheet: 'Blad', cell: 'A599', cells: [[t('team'), t('door het team getypt, niet omgebroken')]] },
          { kind: 'setStyle', sheet: 'Blad', range: 'B600', style: { fill: '#FFF2CC' } },
        ]);
        await wb.readSnapshot();
        const formats = [{ column: 'B', style: wrapTop }];
        const after = await applyAndReopen(wb, {
          ops: [
            {
              kind: 'appendRows',
              sheet: 'Blad',
              minRow: 11,
              firstColumn: 'A',
              rows: [
                [t('n1'), t('lang\nen lang')],
                [t('n2'), t('kort')],
              ],
              formats,
            },
          ],
        });
        expect(after.getCell('Blad', 'A600')).toBe('n1');
        expect(after.getStyle('Blad', 'B600')).toEqual({ ...wrapTop, fill: '#FFF2CC' });
        expect(after.getStyle('Blad', 'B601')).toEqual(wrapTop);
        // only the named column of the appended rows; the team's row above and the row below untouched
        expect(after.getStyle('Blad', 'A600')).toEqual({});
        expect(after.getStyle('Blad', 'B599')).toEqual({});
        expect(after.getStyle('Blad', 'B602')).toEqual({});
        await expectWorkbookError(
          wb.apply({
            ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('x')]], formats: [{ column: 'B', style: { locked: false } }] }],
          }),
          'invalidArgument',
          /opmaak van kolom B/,
        );
      });

      test("regression: an edited row (updateRowByKey with a height) gets the height its new text needs where the height is the default or the product's own, never one the team set", async () => {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('Id'), t('Tekst')], [t('n1')], [t('n2')], [t('n3')], [t('n4')], [t('n5')]] },
          // n2: the product's height for a two-line text; n3: the team's own; n4: the product's for three lines
          {
            kind: 'setRowHeights',
            sheet: 'Blad',
            heights: [
              { row: 3, height: 32 },
              { row: 4, height: 21 },
              { row: 5, height: 47 },
            ],
          },
        ]);
        await wb.readSnapshot();
        const edit = (key: string, points: number | null, replaces: number | null): PlanOp => ({
          kind: 'updateRowByKey',
          sheet: 'Blad',
          minRow: 2,
          keyColumn: 'A',
          key,
          firstColumn: 'A',
          cells: [t(key), t(`nieuwe tekst van ${key}`)],
          height: { points, replaces },
        });
        const after = await applyAndReopen(wb, {
          ops: [edit('n1', 47, null), edit('n2', 62, 32), edit('n3', 62, 32), edit('n4', null, 47), edit('n5', null, null)],
        });
        expect(after.getCell('Blad', 'B2')).toBe('nieuwe tekst van n1');
        expect([2, 3, 4, 5, 6].map((r) => after.getRowHeight('Blad', r))).toEqual([47, 62, 21, 15, undefined]);
        expect(after.getRowHeight('Blad', 1)).toBeUndefined();
        await expectWorkbookError(wb.apply({ ops: [{ ...edit('n1', 500, null) }] }), 'invalidArgument', /rijhoogte/);
      });

      test('a row height outside 0..409 points or a row that does not exist is refused before anything changes', async () => {
        const wb = await withSheet();
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setRowHeights', sheet: 'Blad', heights: [{ row: 1, height: 500 }] }] }),
          'invalidArgument',
          /rijhoogte/,
        );
        await expectWorkbookError(wb.apply({ ops: [{ kind: 'setRowHeights', sheet: 'Blad', heights: [{ row: 0, height: 20 }] }] }), 'invalidArgument', /rij 0/);
      });

      test('page setup (orientation, one page wide, print titles, print area) is stored and read back', async () => {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('a'), t('b')]] },
          { kind: 'setPageSetup', sheet: 'Blad', orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 1, last: 3 }, printArea: 'A1:H40' },
        ]);
        expect(wb.getPageSetup('Blad')).toEqual({ orientation: 'landscape', fitToWidth: 1, printTitleRows: { first: 1, last: 3 }, printArea: 'A1:H40' });
      });

      test("page setup keeps the team's own settings and applying it twice is applying it once", async () => {
        const team: PlanOp = { kind: 'setPageSetup', sheet: 'Blad', orientation: 'portrait', printArea: 'A1:B9' };
        const ours: PlanOp = {
          kind: 'setPageSetup',
          sheet: 'Blad',
          orientation: 'landscape',
          fitToWidth: 1,
          printTitleRows: { first: 2, last: 2 },
          printArea: 'A1:F50',
        };
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('a')]] }, team]);
        const once = await applyAndReopen(wb, { ops: [ours] });
        const expected = { orientation: 'portrait', fitToWidth: 1, printTitleRows: { first: 2, last: 2 }, printArea: 'A1:B9' };
        expect(once.getPageSetup('Blad')).toEqual(expected);
        const twice = await applyAndReopen(once, { ops: [ours] });
        expect(twice.getPageSetup('Blad')).toEqual(expected);
      });

      test('page setup with a bad fit or print area is refused before anything changes', async () => {
        const wb = await withSheet();
        await expectWorkbookError(wb.apply({ ops: [{ kind: 'setPageSetup', sheet: 'Blad', fitToWidth: 0 }] }), 'invalidArgument', /pagina/);
        await expectWorkbookError(
          wb.apply({ ops: [{ kind: 'setPageSetup', sheet: 'Blad', printTitleRows: { first: 3, last: 1 } }] }),
          'invalidArgument',
          /rijen/,
        );
      });

      test('freezing 0 rows and 0 columns unfreezes', async () => {
        const wb = await withSheet([{ kind: 'freeze', sheet: 'Blad', rows: 3, columns: 0 }]);
        expect(wb.getFreeze('Blad')).toEqual({ rows: 3, columns: 0 });
        const after = await applyAndReopen(wb, { ops: [{ kind: 'freeze', sheet: 'Blad', rows: 0, columns: 0 }] });
        expect(after.getFreeze('Blad')).toEqual({ rows: 0, columns: 0 });
      });

      test('unlocking cells (locked: false) is kept and read back; locking again removes it', async () => {
        const wb = await withSheet([{ kind: 'setStyle', sheet: 'Blad', range: 'A2:B3', style: { locked: false, bold: true } }]);
        expect(wb.getStyle('Blad', 'A2')).toEqual({ bold: true, locked: false });
        expect((await wb.readSnapshot()).sheets[0].protection).toEqual({ protected: false, unlocked: ['A2:B3'] });
        const after = await applyAndReopen(wb, { ops: [{ kind: 'setStyle', sheet: 'Blad', range: 'B2:B3', style: { locked: true } }] });
        expect(after.getStyle('Blad', 'B2')).toEqual({ bold: true });
        expect((await after.readSnapshot()).sheets[0].protection).toEqual({ protected: false, unlocked: ['A2:A3'] });
      });

      test('writing a value keeps the cell style', async () => {
        const wb = await withSheet([{ kind: 'setStyle', sheet: 'Blad', range: 'A1', style: { bold: true } }]);
        const after = await applyAndReopen(wb, { ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('vet')]] }] });
        expect(after.getStyle('Blad', 'A1')).toEqual({ bold: true });
        expect(after.getCell('Blad', 'A1')).toBe('vet');
      });
    });

    describe('the formula stamp (src/core/formulaStamp.ts)', () => {
      const FACTORS = ['Draagvlak', 'Kosten', 'Tempo'];
      /** A prepared Koppelkansen workbook of a few rows (layout, rows typed in, "Werkmap voorbereiden"), as the next reader sees it. */
      async function prepared(): Promise<TestWorkbook> {
        const wb = await h.create();
        await createKoppelkansenWorkbook(wb, { factors: FACTORS, now: STAMP_NOW });
        const rows = [
          [t('Warmtenet'), t('Riolering vervangen'), n(3), n(-2), n(5)],
          [t('Warmtenet'), t('Straat herinrichten'), n(1), n(4), n(0)],
          [t('Klimaatadaptatie'), t('Groen in de wijk'), n(-1), n(2), n(2)],
        ];
        await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: `A${WERKBLAD.firstDataRow}`, cells: rows }] });
        await prepareWorkbook(wb, { now: STAMP_NOW });
        return h.reopen(wb);
      }
      const stampOf = (snapshot: WorkbookSnapshot) => decodeStamp(stampCellsOf(snapshot.sheets.find((x) => x.name === SHEET_NAMES.lijsten)));
      const formulasOf = (snapshot: WorkbookSnapshot, sheet: string) => {
        const grid = snapshot.sheets.find((x) => x.name === sheet)?.formulas ?? [];
        return [...formulaCells(grid.map((line) => (line ?? []).map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))))].map((key) => {
          const [r, c] = key.split(',').map(Number);
          return `${key}=${grid[r - 1]?.[c - 1]}`;
        });
      };

      test('the plan writes a stamp that describes every formula of the prepared workbook, and planning again writes none', async () => {
        const wb = await prepared();
        const snapshot = await wb.readSnapshot({ fresh: true });
        const layout = stampOf(snapshot);
        expect(layout).not.toBeNull();
        for (const sheet of snapshot.sheets) {
          const described = layout?.get(sheet.name.toLowerCase())?.formulas ?? [];
          expect([sheet.name, formulasOf({ sheets: [{ name: sheet.name, values: [], formulas: described }] }, sheet.name)]).toEqual([
            sheet.name,
            formulasOf(snapshot, sheet.name),
          ]);
        }
        expect(formulasOf(snapshot, SHEET_NAMES.lijsten).length).toBeGreaterThan(10);
        const again = await planWorkbook(wb, { now: STAMP_NOW });
        expect(again.plan.ops).toEqual([]);
      });

      test('a formula a colleague replaced by a value without the add-in is read as a value, not from the stamp', async () => {
        const wb = await prepared();
        const totals = `${columnLetter(WERKBLAD.firstFactorColumn + FACTORS.length)}${WERKBLAD.firstDataRow + 1}`;
        expect(wb.getFormula(SHEET_NAMES.werkblad, totals)).toMatch(/^=/);
        await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.werkblad, cell: totals, cells: [[n(99)]] }] });
        const next = await h.reopen(wb);
        const snapshot = await next.readSnapshot();
        const werkblad = snapshot.sheets.find((x) => x.name === SHEET_NAMES.werkblad);
        const { row, column } = parseCell(totals);
        expect(typeof werkblad?.formulas?.[row - 1]?.[column - 1] === 'string' && String(werkblad?.formulas?.[row - 1]?.[column - 1]).startsWith('=')).toBe(
          false,
        );
        expect(werkblad?.values[row - 1]?.[column - 1]).toBe(99);
        // every other formula as before
        expect(formulasOf(snapshot, SHEET_NAMES.lijsten)).toEqual(formulasOf(await next.readSnapshot({ fresh: true }), SHEET_NAMES.lijsten));
      });

      test('a stamp a colleague edited is ignored: the formulas are read back', async () => {
        const wb = await prepared();
        const before = await wb.readSnapshot({ fresh: true });
        const cell = `${columnLetter(FORMULA_STAMP.column)}1`;
        const stamp = String(wb.getCell(SHEET_NAMES.lijsten, cell));
        await wb.apply({ ops: [{ kind: 'setCells', sheet: SHEET_NAMES.lijsten, cell, cells: [[t(stamp.replace('IF(', 'IFS('))]] }] });
        const next = await h.reopen(wb);
        const snapshot = await next.readSnapshot();
        expect(stampOf(snapshot)).toBeNull();
        for (const sheet of before.sheets) expect([sheet.name, formulasOf(snapshot, sheet.name)]).toEqual([sheet.name, formulasOf(before, sheet.name)]);
      });
    });
  });
}

/**
 * A snapshot with trailing empty cells and rows dropped. The port allows rows that are
 * ragged or padded with empty cells (SheetSnapshot.values): the memory and xlsx adapters
 * leave trailing empties out, `simulate` and the Office adapter (Excel's rectangular used
 * range) keep them. Their harnesses read through this, so one set of expected grids holds.
 */
export function withoutTrailingEmpties(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => {
    const values = s.values.map((line) => {
      const out = [...line];
      while (out.length && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
      return out;
    });
    while (values.length && values[values.length - 1].length === 0) values.pop();
    return { ...s, values };
  });
  return { ...snapshot, sheets };
}

/** What the row-op cases need: a port, and the workbook as the next reader sees it. */
export interface RowsHarness {
  name: string;
  /** A fresh, empty workbook. */
  create(): Promise<WorkbookPort>;
  /** The workbook as the next reader sees it. */
  reopen(wb: WorkbookPort): Promise<WorkbookPort>;
}

/**
 * The cases of the ops placed at apply time (appendRows, updateRowByKey, deleteRowByKey,
 * guarded setCells), run against every adapter (through `contractSuite`) and against
 * `simulate` (src/core/simulate.ts), which the engine plans with: one rule
 * (src/core/keyedRows.ts), one set of cases.
 */
export function rowOpsContract(h: RowsHarness): void {
  describe(`${h.name}: row operations placed at apply time`, () => {
    async function withSheet(ops: PlanOp[] = []): Promise<WorkbookPort> {
      const wb = await h.create();
      await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad' }, ...ops] });
      return h.reopen(wb);
    }
    async function applyAndReopen(wb: WorkbookPort, plan: Plan): Promise<WorkbookPort> {
      await wb.apply(plan);
      return h.reopen(wb);
    }

    describe('appending and updating rows', () => {
      test('appendRows twice gives two consecutive rows below the used range, never above minRow', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')], [t('rij 2')]] }]);
        const res1 = await wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 5, firstColumn: 'A', rows: [[t('N-1'), t('eerste')]] }] });
        const wb2 = await h.reopen(wb);
        const res2 = await wb2.apply({
          ops: [
            { kind: 'appendRows', sheet: 'Blad', minRow: 1, firstColumn: 'A', rows: [[t('N-2'), t('tweede')]] },
            { kind: 'appendRows', sheet: 'Blad', minRow: 1, firstColumn: 'B', rows: [[t('derde')], [t('vierde')]] },
          ],
        });
        expect(res1.appendedAt).toEqual([5]);
        expect(res2.appendedAt).toEqual([6, 7]);
        const s = (await (await h.reopen(wb2)).readSnapshot()).sheets[0];
        expect(s.values).toEqual([['kop'], ['rij 2'], [], [], ['N-1', 'eerste'], ['N-2', 'tweede'], [null, 'derde'], [null, 'vierde']]);
      });

      test('a row holding only a formula counts as used', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'C3', cells: [[{ formula: '=1+1' }]] }]);
        const res = await wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('na')]] }] });
        expect(res.appendedAt).toEqual([4]);
      });

      test('two users appending from the same snapshot both keep their row', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')]] }]);
        const shared = await wb.readSnapshot(); // both users plan from this state
        const next = shared.sheets[0].values.length + 1;
        const anna: Plan = { ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: next, firstColumn: 'A', rows: [[t('N-a'), t('van Anna')]] }] };
        const bert: Plan = { ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: next, firstColumn: 'A', rows: [[t('N-b'), t('van Bert')]] }] };
        const afterAnna = await applyAndReopen(wb, anna);
        const afterBoth = await applyAndReopen(afterAnna, bert);
        expect((await afterBoth.readSnapshot()).sheets[0].values).toEqual([['kop'], ['N-a', 'van Anna'], ['N-b', 'van Bert']]);
      });

      test('(contrast) writing at the row each user computed from the same snapshot loses the first row', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')]] }]);
        const next = (await wb.readSnapshot()).sheets[0].values.length + 1;
        const at = (id: string): Plan => ({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: `A${next}`, cells: [[t(id)]] }] });
        const after = await applyAndReopen(await applyAndReopen(wb, at('N-a')), at('N-b'));
        expect((await after.readSnapshot()).sheets[0].values).toEqual([['kop'], ['N-b']]);
      });

      test('updateRowByKey changes only the row with that key, searched from minRow down', async () => {
        const wb = await withSheet([
          {
            kind: 'setCells',
            sheet: 'Blad',
            cell: 'A1',
            cells: [
              [t('N-2'), t('kop met dezelfde tekst')],
              [t('N-1'), t('een')],
              [t('N-2'), t('twee')],
              [t('N-3'), t('drie')],
            ],
          },
        ]);
        const res = await wb.apply({
          ops: [
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'N-2', firstColumn: 'B', cells: [t('TWEE'), t('=extra')] },
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'N-9', firstColumn: 'B', cells: [t('weg')] },
          ],
        });
        expect(res.missingKeys).toEqual(['N-9']);
        const s = (await (await h.reopen(wb)).readSnapshot()).sheets[0];
        expect(s.values).toEqual([
          ['N-2', 'kop met dezelfde tekst'],
          ['N-1', 'een'],
          ['N-2', 'TWEE', '=extra'],
          ['N-3', 'drie'],
        ]);
      });

      test('updateRowByKey finds a number key by its text', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[n(7), t('zeven')]] }]);
        const res = await wb.apply({
          ops: [{ kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: '7', firstColumn: 'B', cells: [t('ZEVEN')] }],
        });
        expect(res.missingKeys).toEqual([]);
        expect((await wb.readSnapshot()).sheets[0].values).toEqual([[7, 'ZEVEN']]);
      });
      test('updateRowByKey compares keys by the name rule: case and spaces do not count, the first row wins', async () => {
        const wb = await withSheet([
          {
            kind: 'setCells',
            sheet: 'Blad',
            cell: 'A1',
            cells: [[t('kop')], [t(' 1|Jan  de Vries|WKO ')], [t('1|jan de vries|wko'), t('tweede')], [{ bool: true }]],
          },
        ]);
        const res = await wb.apply({
          ops: [
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: '1|jan de vries|wko', firstColumn: 'B', cells: [t('gevonden')] },
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'true', firstColumn: 'B', cells: [t('waar')] },
          ],
        });
        expect(res.missingKeys).toEqual([]);
        expect((await (await h.reopen(wb)).readSnapshot()).sheets[0].values).toEqual([
          ['kop'],
          [' 1|Jan  de Vries|WKO ', 'gevonden'],
          ['1|jan de vries|wko', 'tweede'],
          [true, 'waar'],
        ]);
      });

      test('an empty key finds no row, not even an empty one', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')], [{ clear: true }, t('zonder sleutel')], [t('N-1')]] }]);
        const res = await wb.apply({
          ops: [
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: '', firstColumn: 'B', cells: [t('mis')] },
            { kind: 'deleteRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: '  ', firstColumn: 'A', lastColumn: 'B' },
          ],
        });
        expect(res.missingKeys).toEqual(['', '  ']);
        expect((await (await h.reopen(wb)).readSnapshot()).sheets[0].values).toEqual([['kop'], [null, 'zonder sleutel'], ['N-1']]);
      });

      test('a key below the last used row of the key column is not searched past minRow', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('N-1'), t('boven minRow')], [t('N-2')]] }]);
        const res = await wb.apply({
          ops: [{ kind: 'updateRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'n-1', firstColumn: 'B', cells: [t('mis')] }],
        });
        expect(res.missingKeys).toEqual(['n-1']);
        expect((await wb.readSnapshot()).sheets[0].values).toEqual([['N-1', 'boven minRow'], ['N-2']]);
      });
    });

    describe('co-author guards (expect) and deleteRowByKey', () => {
      test('a guarded setCells writes when the cells still hold what was read', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('oud'), n(3)]] }]);
        const res = await wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('nieuw'), n(4)]], expect: [['oud', 3]] }] });
        expect(res.conflicts).toEqual([]);
        expect((await (await h.reopen(wb)).readSnapshot()).sheets[0].values).toEqual([['nieuw', 4]]);
      });

      test('a guarded setCells over a cell a colleague changed writes nothing and reports both versions', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('oud'), t('')]] }]);
        const colleague = await applyAndReopen(wb, { ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('van collega')]] }] });
        const res = await colleague.apply({
          ops: [
            { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('van mij'), t('ook van mij')]], expect: [['oud', null]] },
            { kind: 'setCells', sheet: 'Blad', cell: 'C1', cells: [[t('ander')]], expect: [[null]] },
          ],
        });
        expect(res.conflicts).toEqual([{ sheet: 'Blad', cell: 'A1', expected: 'oud', actual: 'van collega' }]);
        // the whole guarded op is left out (B1 too); the other op is written
        expect((await (await h.reopen(colleague)).readSnapshot()).sheets[0].values).toEqual([['van collega', null, 'ander']]);
      });

      test('empty and "" are the same; line breaks compare as typed', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('twee\nregels')]] }]);
        const res = await wb.apply({
          ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('x'), t('y')]], expect: [['twee\r\nregels', '']] }],
        });
        expect(res.conflicts).toEqual([]);
        expect((await wb.readSnapshot()).sheets[0].values).toEqual([['x', 'y']]);
      });

      test('a guarded updateRowByKey finds the row wherever it moved and refuses a changed row', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')], [t('N-1'), t('een')], [t('N-2'), t('twee')]] }]);
        const res = await wb.apply({
          ops: [
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'N-1', firstColumn: 'B', cells: [t('EEN')], expect: ['een'] },
            { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'N-2', firstColumn: 'B', cells: [t('TWEE')], expect: ['zwei'] },
          ],
        });
        expect(res.conflicts).toEqual([{ sheet: 'Blad', cell: 'B3', expected: 'zwei', actual: 'twee', key: 'N-2' }]);
        expect((await (await h.reopen(wb)).readSnapshot()).sheets[0].values).toEqual([['kop'], ['N-1', 'EEN'], ['N-2', 'twee']]);
      });

      test('deleteRowByKey empties only that row in its columns; nothing moves', async () => {
        const wb = await withSheet([
          { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')], [t('N-1'), t('een'), t('eigen kolom')], [t('N-2'), t('twee')]] },
        ]);
        const res = await wb.apply({
          ops: [
            { kind: 'deleteRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'N-1', firstColumn: 'A', lastColumn: 'B', expect: ['N-1', 'een'] },
            { kind: 'deleteRowByKey', sheet: 'Blad', minRow: 2, keyColumn: 'A', key: 'N-9', firstColumn: 'A', lastColumn: 'B' },
          ],
        });
        expect(res.missingKeys).toEqual(['N-9']);
        expect(res.conflicts).toEqual([]);
        const after = await h.reopen(wb);
        expect((await after.readSnapshot()).sheets[0].values).toEqual([['kop'], [null, null, 'eigen kolom'], ['N-2', 'twee']]);
      });

      test('deleteRowByKey of a row a colleague edited meanwhile deletes nothing', async () => {
        const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('N-1'), t('aangepast door collega')]] }]);
        const res = await wb.apply({
          ops: [{ kind: 'deleteRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'N-1', firstColumn: 'A', lastColumn: 'B', expect: ['N-1', 'een'] }],
        });
        expect(res.conflicts).toEqual([{ sheet: 'Blad', cell: 'B1', expected: 'een', actual: 'aangepast door collega', key: 'N-1' }]);
        expect((await wb.readSnapshot()).sheets[0].values).toEqual([['N-1', 'aangepast door collega']]);
      });
    });
  });
}

/**
 * One suite of port behaviours, run against every file/memory adapter. The xlsx variant
 * round-trips through bytes between apply and snapshot, proving the file format too.
 */
import type { Plan, ValidationRule } from '../../src/core/snapshot';
import type { WorkbookPort } from '../../src/workbook/port';

export interface Harness {
  name: string;
  /** A fresh, empty workbook. */
  create(): Promise<WorkbookPort>;
  /** After writing: the workbook as the next reader sees it (xlsx: bytes and back). */
  reopen(port: WorkbookPort): Promise<WorkbookPort>;
}

const t = (x: string) => ({ text: x });
const n = (x: number) => ({ number: x });

const SCORE: ValidationRule = { type: 'wholeNumber', min: -10, max: 10, errorTitle: 'Ongeldige score', errorMessage: 'Heel getal van -10 tot 10.', strict: true };
const LIST: ValidationRule = { type: 'list', source: '=$A$1:$A$3', errorTitle: 'Niet in de lijst', errorMessage: 'Kies uit de lijst.', strict: false };

export function contractSuite(h: Harness): void {
  describe(`${h.name}: the workbook port contract`, () => {
    async function withSheet(plan: Plan['ops'] = []): Promise<WorkbookPort> {
      const wb = await h.create();
      await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Blad' }, ...plan] });
      return h.reopen(wb);
    }

    test('cells of every kind come back as written; risky text stays text', async () => {
      const risky = ['=SUM(A1)', '+31 6 1234', '-', '@team', "'quote", '00123', '1/2', 'TRUE'];
      const wb = await withSheet([
        { kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('tekst'), n(2.5), { bool: true }, { formula: '=B1*2' }]] },
        { kind: 'setCells', sheet: 'Blad', cell: 'A2', cells: [risky.map(t)] },
      ]);
      const s = (await wb.readSnapshot()).sheets[0];
      expect(s.values[0].slice(0, 3)).toEqual(['tekst', 2.5, true]);
      expect(s.formulas?.[0]?.[3]).toBe('=B1*2');
      expect(s.values[1]).toEqual(risky);
      expect((s.formulas?.[1] ?? []).filter(Boolean)).toEqual([]);
    });

    test('long text (32,767 characters) and line breaks survive', async () => {
      const long = 'x'.repeat(32766) + 'y';
      const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t(long), t('regel 1\nregel 2\r\nregel 3')]] }]);
      const s = (await wb.readSnapshot()).sheets[0];
      expect((s.values[0][0] as string).length).toBe(32767);
      // Excel's line break in a cell is LF; a CR LF pair may come back as LF
      expect(String(s.values[0][1]).replace(/\r\n/g, '\n')).toBe('regel 1\nregel 2\nregel 3');
    });

    test('text over 32,767 characters is refused with a Dutch message and nothing changes', async () => {
      const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('eerst')]] }]);
      await expect(wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('x'.repeat(32768))]] }] })).rejects.toThrow(/32\.?767|tekens/);
      expect((await wb.readSnapshot()).sheets[0].values[0][0]).toBe('eerst');
    });

    test('a plan naming an unknown sheet fails before anything is written', async () => {
      const wb = await withSheet();
      await expect(
        wb.apply({ ops: [{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('a')]] }, { kind: 'setCells', sheet: 'Bestaat niet', cell: 'A1', cells: [[t('b')]] }] }),
      ).rejects.toThrow(/Bestaat niet/);
      expect((await wb.readSnapshot()).sheets[0].values).toEqual([]);
    });

    test('validations read back equal to what was written, for the requested ranges', async () => {
      const wb = await withSheet([
        { kind: 'setValidation', sheet: 'Blad', range: 'C6:J105', rule: SCORE },
        { kind: 'setValidation', sheet: 'Blad', range: 'B6:B105', rule: LIST },
      ]);
      const snap = await wb.readSnapshot({
        validationTargets: () => [
          { sheet: 'Blad', range: 'C6:J105' },
          { sheet: 'Blad', range: 'B6:B105' },
          { sheet: 'Blad', range: 'A6:A105' },
          { sheet: 'Blad', range: 'C6:J200' },
        ],
      });
      const v = snap.validations!;
      expect(v[0].rule).toMatchObject({ type: 'wholeNumber', min: -10, max: 10, strict: true });
      expect(v[1].rule).toMatchObject({ type: 'list', source: '=$A$1:$A$3', strict: false });
      expect(v[2].rule).toBeNull();
      expect(v[3].rule).toBeNull(); // only partly covered
    });

    test('appendRows twice gives two consecutive rows below the used range', async () => {
      const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')], [t('rij 2')]] }]);
      const res1 = await wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 5, firstColumn: 'A', rows: [[t('N-1'), t('eerste')]] }] });
      const res2 = await wb.apply({ ops: [{ kind: 'appendRows', sheet: 'Blad', minRow: 1, firstColumn: 'A', rows: [[t('N-2'), t('tweede')]] }] });
      expect(res1.appendedAt).toEqual([5]);
      expect(res2.appendedAt).toEqual([6]);
      const s = (await (await h.reopen(wb)).readSnapshot()).sheets[0];
      expect(s.values[4]).toEqual(['N-1', 'eerste']);
      expect(s.values[5]).toEqual(['N-2', 'tweede']);
    });

    test('two writers appending from the same snapshot both keep their row', async () => {
      const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('kop')]] }]);
      await wb.readSnapshot(); // both "users" planned from this state
      const a = { kind: 'appendRows' as const, sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('N-a'), t('van Anna')]] };
      const b = { kind: 'appendRows' as const, sheet: 'Blad', minRow: 2, firstColumn: 'A', rows: [[t('N-b'), t('van Bert')]] };
      await Promise.all([wb.apply({ ops: [a] }), wb.apply({ ops: [b] })]);
      const s = (await wb.readSnapshot()).sheets[0];
      expect(s.values.slice(1).map((r) => r[0]).sort()).toEqual(['N-a', 'N-b']);
    });

    test('updateRowByKey changes only the row with that key, wherever it is now', async () => {
      const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('N-1'), t('een')], [t('N-2'), t('twee')], [t('N-3'), t('drie')]] }]);
      const res = await wb.apply({
        ops: [
          { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'N-2', firstColumn: 'B', cells: [t('TWEE')] },
          { kind: 'updateRowByKey', sheet: 'Blad', minRow: 1, keyColumn: 'A', key: 'N-9', firstColumn: 'B', cells: [t('weg')] },
        ],
      });
      expect(res.missingKeys).toEqual(['N-9']);
      const s = (await wb.readSnapshot()).sheets[0];
      expect(s.values.map((r) => r[1])).toEqual(['een', 'TWEE', 'drie']);
    });

    test('an empty plan changes nothing', async () => {
      const wb = await withSheet([{ kind: 'setCells', sheet: 'Blad', cell: 'A1', cells: [[t('a'), n(1), { formula: '=B1+1' }]] }]);
      const before = await wb.readSnapshot();
      await wb.apply({ ops: [] });
      expect(await (await h.reopen(wb)).readSnapshot()).toEqual(before);
    });

    test('hidden sheets stay hidden', async () => {
      const wb = await h.create();
      await wb.apply({ ops: [{ kind: 'addSheet', sheet: 'Zichtbaar' }, { kind: 'addSheet', sheet: 'Verborgen', hidden: true }] });
      const s = (await (await h.reopen(wb)).readSnapshot()).sheets;
      expect(s.map((x) => [x.name, !!x.hidden])).toEqual([
        ['Zichtbaar', false],
        ['Verborgen', true],
      ]);
    });
  });
}

/**
 * The formula cross-check: `apply` a workbook with valid and invalid rows through the
 * CLI, recalculate the output with LibreOffice headless (forced recalculation), read it
 * back and compare every Totalen cell, the Resultaat sheet, the Prioritering signals, the
 * dropdown lists and the checklist progress with what the engine computes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { analyze } from '../../src/core/analyze';
import { SHEET_NAMES, RESULTAAT, PRIORITERING, CHECKLIST } from '../../src/core/layout';
import { yearToSerial } from '../../src/core/checklist';
import { LIJST_COLUMNS } from '../../src/core/keuzelijsten';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { hasLibreOffice, recalculateXlsxBatch } from '../helpers/libreoffice';

const available = hasLibreOffice();
if (!available && process.env.CI) throw new Error('LibreOffice is required in CI for the formula cross-check (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;

type V = ExcelJS.CellValue;
function plain(v: V): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if ('result' in v) return plain((v as { result: V }).result ?? null);
    if ('formula' in v || 'sharedFormula' in v) return ''; // formula with an empty-string result
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return String(v.error);
    return JSON.stringify(v);
  }
  return v;
}

maybe('formulas computed by LibreOffice equal the engine', () => {
  let dir: string;
  let recalculated: ExcelJS.Workbook;
  /** The output with the first two Prioritering entries swapped by hand, recalculated. */
  let handRecalculated: ExcelJS.Workbook;
  /** The output with one score of "Meer groen" lowered by hand, recalculated. */
  let scoreRecalculated: ExcelJS.Workbook;
  let engine: ReturnType<typeof analyze>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-cross-'));
    const input = path.join(dir, 'in.xlsx');
    const output = path.join(dir, 'out.xlsx');
    const io = { out: () => {}, err: () => {}, now: new Date('2026-11-28T12:00:00Z') };
    expect(await main(['new', input, '--wijk', 'Testwijk'], io)).toBe(0);
    // fill in rows: valid, partly scored, text, decimal, out of range, unscored, ties,
    // decimal weights, a weight of 0, a row without opgave, "=" text
    const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(input));
    const ws = SHEET_NAMES.werkblad;
    const n = (x: number) => ({ number: x });
    const t = (x: string) => ({ text: x });
    const e = { clear: true as const };
    const rows = [
      [t('Klimaatadaptatie'), t('Regenwater afkoppelen'), n(5), n(3), n(-2), n(10), n(0), n(1), n(2), n(3)],
      [t('Gezondheid'), t('Meer groen'), n(5), n(3), n(-2), n(10), n(0), n(1), n(2), n(3)],
      [t('Gezondheid'), t('Half gescoord'), n(7), e, e, n(-4), e, e, e, e],
      [t('Werkgelegenheid'), t('Tekstscore'), n(5), t('hoog'), n(1), n(1), n(1), n(1), n(1), n(1)],
      [t('Werkgelegenheid'), t('Decimaal'), n(2.5), n(1), n(1), n(1), n(1), n(1), n(1), n(1)],
      [t('Onderwijs'), t('Te hoog'), n(11), n(1), n(1), n(1), n(1), n(1), n(1), n(1)],
      [t('Onderwijs'), t('Nog niet gescoord')],
      [e, t('=Geen opgave'), n(-10), n(-10), n(-10), n(-10), n(-10), n(-10), n(-10), n(-10)],
      [t('Mobiliteit'), t('Laag'), n(-1), e, e, e, e, e, e, e],
    ];
    const weights = [[n(1.5), n(1), n(0), n(2), n(0.25), n(1), n(1), n(3)]];
    await wb.apply({
      ops: [
        { kind: 'setCells', sheet: ws, cell: 'A6', cells: rows },
        { kind: 'setCells', sheet: ws, cell: 'C4', cells: weights },
        {
          kind: 'setCells',
          sheet: SHEET_NAMES.prioritering,
          cell: `A${PRIORITERING.firstRow}`,
          cells: [
            [n(1), t('Laag'), e, t('Fatima')],
            [n(2), t('Regenwater afkoppelen')],
            [n(3), t('Meer groen'), t('Omdat het kan')],
          ],
        },
        { kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: `C${CHECKLIST.firstRow}`, cells: [[t('Klaar')], [t('Bezig')], [t('Klaar')]] },
        { kind: 'setCells', sheet: SHEET_NAMES.checklist, cell: `C${CHECKLIST.dateRow}`, cells: [[n(yearToSerial(2030, 6, 1))]] },
      ],
    });
    await wb.writeFileAtomic(input);
    expect(await main(['apply', input, '-o', output], io)).toBe(1); // errors: the invalid rows
    engine = analyze(await (await XlsxWorkbook.fromBuffer(fs.readFileSync(output))).readSnapshot(), { now: io.now });

    // a colleague in Excel swaps the places of the first two Prioritering entries
    const hand = new ExcelJS.Workbook();
    await hand.xlsx.readFile(output);
    const ps = hand.getWorksheet(SHEET_NAMES.prioritering)!;
    ps.getCell(PRIORITERING.firstRow, 1).value = 2;
    ps.getCell(PRIORITERING.firstRow + 1, 1).value = 1;
    const handFile = path.join(dir, 'hand.xlsx');
    await hand.xlsx.writeFile(handFile);
    // a colleague in Excel lowers one score of "Meer groen" (row 7), which shared rank 1 with "Regenwater afkoppelen"
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    book.getWorksheet(SHEET_NAMES.werkblad)!.getCell('C7').value = 4;
    const scoreFile = path.join(dir, 'score.xlsx');
    await book.xlsx.writeFile(scoreFile);

    // the three files in one LibreOffice run
    const recalcPaths = await recalculateXlsxBatch([output, handFile, scoreFile], path.join(dir, 'recalc'));
    [recalculated, handRecalculated, scoreRecalculated] = await Promise.all(
      recalcPaths.map(async (file) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        return book;
      }),
    );
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('every Totalen cell equals the engine: the same number, "ongeldig" for invalid rows, empty when unscored', () => {
    const ws = recalculated.getWorksheet(SHEET_NAMES.werkblad)!;
    const L = engine.werkblad!.layout;
    expect(engine.werkblad!.rows.length).toBe(9);
    let compared = 0;
    for (let r = L.firstDataRow; r <= L.preparedEndRow; r++) {
      const got = plain(ws.getCell(r, L.totalenColumn).value);
      const row = engine.werkblad!.rows.find((x) => x.row === r);
      if (!row || row.status === 'unscored') expect(got === '' || got === null).toBe(true);
      else if (row.status === 'invalid') expect(got).toBe('ongeldig');
      else {
        expect(typeof got).toBe('number');
        expect(got as number).toBeCloseTo(row.total!, 9);
      }
      compared++;
    }
    expect(compared).toBe(L.preparedEndRow - L.firstDataRow + 1);
    // sanity: the expected numbers, computed by hand for row 6
    expect(plain(ws.getCell(6, L.totalenColumn).value)).toBeCloseTo(1.5 * 5 + 3 + 0 + 20 + 0 + 1 + 2 + 9, 9);
  });

  test('the Resultaat sheet shows the engine’s top 15 with shared ranks, in the same order', () => {
    const rs = recalculated.getWorksheet(SHEET_NAMES.resultaat)!;
    const got: { rank: unknown; opgave: unknown; koppelkans: unknown; total: unknown; scored: unknown; row: unknown }[] = [];
    for (let r = RESULTAAT.firstRow; r < RESULTAAT.firstRow + 40; r++) {
      const total = plain(rs.getCell(r, 4).value);
      if (total === '' || total === null) break;
      got.push({
        rank: plain(rs.getCell(r, 1).value),
        opgave: plain(rs.getCell(r, 2).value),
        koppelkans: plain(rs.getCell(r, 3).value),
        total,
        scored: plain(rs.getCell(r, 5).value),
        row: plain(rs.getCell(r, 6).value),
      });
    }
    const want = engine.top.map((e) => ({
      rank: e.rank,
      opgave: e.opgave,
      koppelkans: e.koppelkans,
      total: e.total,
      scored: `${e.scored} van ${e.factors}`,
      row: e.row,
    }));
    expect(want.length).toBe(5);
    expect(want[0].rank).toBe(1);
    expect(want[1].rank).toBe(1); // the tie
    expect(got.map((g) => ({ ...g, total: Math.round((g.total as number) * 1e9) / 1e9 }))).toEqual(
      want.map((w) => ({ ...w, total: Math.round(w.total * 1e9) / 1e9 })),
    );
    // the stale warning is empty right after apply
    expect(plain(rs.getCell(2, 1).value) ?? '').toBe('');
  });

  test('Prioritering reordered by hand without the add-in: the sheet says "volgorde gewijzigd sinds de laatste controle"', () => {
    // the first two entries swapped (beforeAll)
    const rs = handRecalculated.getWorksheet(SHEET_NAMES.prioritering)!;
    const first = PRIORITERING.firstRow;
    expect(plain(rs.getCell(first, 6).value)).toBe(PRIORITERING.changedFlag);
    expect(plain(rs.getCell(first + 1, 6).value)).toBe(PRIORITERING.changedFlag);
    expect(plain(rs.getCell(first + 2, 6).value)).toBe('');
  });

  test('a score change that moves automatic ranks is not a reorder: no "volgorde gewijzigd" (regression: the signal appeared after every score change)', () => {
    // one score of "Meer groen" lowered (beforeAll)
    const rs = scoreRecalculated.getWorksheet(SHEET_NAMES.prioritering)!;
    const first = PRIORITERING.firstRow;
    // the automatic rank moved (so the test can fail on a record that includes the rank)
    expect(plain(rs.getCell(first + 1, 5).value)).toBe(1);
    expect(plain(rs.getCell(first + 2, 5).value)).toBe(2);
    // the team's order is untouched: the moved entry still needs its reason, nothing says the order changed
    expect([0, 1, 2].map((i) => plain(rs.getCell(first + i, 6).value))).toEqual([PRIORITERING.deviationFlag, '', '']);
  });

  test('Prioritering: automatic rank and the "no reason" flag computed in the workbook match the engine', () => {
    const ps = recalculated.getWorksheet(SHEET_NAMES.prioritering)!;
    const entries = engine.prioritering!.entries;
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      expect(plain(ps.getCell(e.row, 5).value)).toBe(e.autoRank);
      expect(plain(ps.getCell(e.row, 6).value)).toBe(e.needsReason ? PRIORITERING.deviationFlag : '');
    }
    expect(entries[0].needsReason).toBe(true);
    // the engine's check record beside each entry (what the Signaal formula compares with)
    expect(entries.map((e) => plain(ps.getCell(e.row, 8).value))).toEqual(entries.map((e) => (e.deviates ? 1 : 0)));
    // only the entry the team moved (the low one pulled up to place 1) deviates; the two that share rank 1 follow in order
    expect(entries.map((e) => [e.place, e.autoRank, e.deviates, e.needsReason])).toEqual([
      [1, expect.any(Number), true, true],
      [2, 1, false, false],
      [3, 1, false, false],
    ]);
  });

  test('the dropdown lists on Keuzelijsten hold the longlist’s opgaven and their koppelkansen', () => {
    const ls = recalculated.getWorksheet(SHEET_NAMES.lijsten)!;
    const opgaven = engine.longlist.opgaven;
    const K = LIJST_COLUMNS.dOpgave;
    for (let i = 0; i < opgaven.length; i++) expect(plain(ls.getCell(2 + i, K).value)).toBe(opgaven[i]);
    expect(plain(ls.getCell(2 + opgaven.length, K).value) ?? '').toBe('');
    // the grouped list: every opgave's koppelkansen together, opgaven in order of first appearance
    const want = opgaven.flatMap((o) => engine.longlist.entries.filter((e) => e.opgave === o).map((e) => e.koppelkans));
    const got: unknown[] = [];
    for (let r = 2; r < 2 + want.length + 1; r++) got.push(plain(ls.getCell(r, LIJST_COLUMNS.gList).value) ?? '');
    expect(got).toEqual([...want, '']);
    expect(plain(ls.getCell(2 + engine.longlist.entries.length - 1, 1).value)).toBe(engine.longlist.entries[engine.longlist.entries.length - 1].koppelkans);
  });

  test('WUP checklist progress and the 8-year deadline are computed in the workbook', () => {
    const cs = recalculated.getWorksheet(SHEET_NAMES.checklist)!;
    const c = engine.checklist!;
    expect(plain(cs.getCell(CHECKLIST.deadlineRow, CHECKLIST.valueColumn).value)).toBe(c.deadlineYear);
    expect(c.deadlineYear).toBe(2022);
    const first = c.progress[0];
    expect(plain(cs.getCell(CHECKLIST.headerRow + 1, CHECKLIST.progressColumn).value)).toBe(first.onderdeel);
    expect(plain(cs.getCell(CHECKLIST.headerRow + 1, CHECKLIST.progressColumn + 1).value)).toBe(first.klaar);
    expect(plain(cs.getCell(CHECKLIST.headerRow + 1, CHECKLIST.progressColumn + 2).value)).toBe(first.bezig);
    expect(plain(cs.getCell(CHECKLIST.headerRow + 1, CHECKLIST.progressColumn + 3).value)).toBe(first.total);
    const totalRow = CHECKLIST.headerRow + 1 + c.progress.length;
    expect(plain(cs.getCell(totalRow, CHECKLIST.progressColumn + 1).value)).toBe(c.overall.klaar);
    expect(plain(cs.getCell(totalRow, CHECKLIST.progressColumn + 3).value)).toBe(c.overall.total);
  });
});

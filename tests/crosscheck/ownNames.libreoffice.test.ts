/**
 * An own opgave and own koppelkansen added through the pane's Stap 2 actions (the edits of
 * src/taskpane/stappen/stap2Actions.ts on a fresh read, the engine's plan on top, one apply
 * through the .xlsx adapter, as `session.applyEdit` does), with names holding `=`, `*`, `?`
 * and a trailing space. LibreOffice recalculates the file (forced, see
 * tests/helpers/libreoffice.ts and TOOLCHAIN.md's recalculation trap) and probe cells
 * evaluate the dropdowns' own list formulas (INDEX over the validation's source): the
 * opgave list and that opgave's koppelkans list hold exactly those names as text (no
 * wildcard match pulls in "Gezondheid", no `=` turns into a formula), and the werkblad
 * cells stay text.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { analyze, type Analysis } from '../../src/core/analyze';
import type { EditResult } from '../../src/core/edits';
import { SHEET_NAMES } from '../../src/core/layout';
import { nameKey } from '../../src/core/names';
import { readNotes } from '../../src/core/notes';
import { planWithEdit } from '../../src/core/plan';
import type { FreshState } from '../../src/taskpane/session';
import { addOwnKoppelkans, addOwnOpgave, selectKoppelkans, selectOpgave } from '../../src/taskpane/stappen/stap2Actions';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/XlsxWorkbook';
import { hasLibreOffice, recalculateXlsx } from '../helpers/libreoffice';
import { templateFromFile } from '../helpers/scoredWerkblad';

const available = hasLibreOffice();
if (!available && process.env.CI) throw new Error('LibreOffice is required in CI for the formula cross-check (run scripts/setup.sh)');
const maybe = available ? describe : describe.skip;
const NOW = new Date('2026-11-28T12:00:00Z');

// as typed, with a trailing space; as a COUNTIF criterion "=Gezond*?" would match "Gezondheid"
const OPGAVE_TYPED = '=Gezond*? ';
const KOPPELKANSEN_TYPED = ['*Zon = dak? ', '=Warmte?net* '];
// the product keeps a name without its trailing space (src/core/names.ts)
const OPGAVE = OPGAVE_TYPED.trim();
const KOPPELKANSEN = KOPPELKANSEN_TYPED.map((k) => k.trim());
const OTHER = { opgave: 'Gezondheid', koppelkans: '' };
const PROBE = 'Probe';
const ITEMS = 40;

function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result ?? null;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) return '';
  return v ?? null;
}

/** One pane edit on a fresh read, planned and applied in one batch (what session.applyEdit does). */
async function applyEdit(wb: XlsxWorkbook, build: (fresh: FreshState) => EditResult): Promise<void> {
  const snapshot = await wb.readSnapshot();
  const fresh: FreshState = {
    snapshot,
    analysis: analyze(snapshot, { now: NOW }),
    notes: readNotes(snapshot),
    canShiftColumns: (wb as WorkbookPort).canShiftColumns === true,
  };
  const edit = build(fresh);
  if (!edit.ok) throw new Error(edit.message);
  const result = await wb.apply(planWithEdit(snapshot, edit.ops, { now: NOW }).plan);
  expect(result.conflicts).toEqual([]);
}

maybe('own opgave and koppelkansen with =, *, ? and a trailing space, recalculated by LibreOffice', () => {
  let dir: string;
  let output: string;
  let engine: Analysis;
  let recalculated: ExcelJS.Workbook;
  /** Werkblad rows: [own koppelkans rows…, the Gezondheid row]. */
  let rows: number[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-ownnames-'));
    const wb = await templateFromFile(dir, NOW);
    // a guide opgave with one of its koppelkansen, then the own opgave and its own koppelkansen
    const snapshot = await wb.readSnapshot();
    OTHER.koppelkans = analyze(snapshot, { now: NOW }).longlist.entries.find((e) => e.opgave === OTHER.opgave)!.koppelkans;
    await applyEdit(wb, selectOpgave(OTHER.opgave));
    await applyEdit(wb, selectKoppelkans(OTHER.opgave, OTHER.koppelkans));
    await applyEdit(wb, addOwnOpgave(OPGAVE_TYPED, 'Eigen opgave van het team'));
    for (const k of KOPPELKANSEN_TYPED) await applyEdit(wb, addOwnKoppelkans(OPGAVE_TYPED, k, ''));
    output = path.join(dir, 'out.xlsx');
    await wb.writeFileAtomic(output);
    engine = analyze(await (await XlsxWorkbook.fromFile(output)).readSnapshot(), { now: NOW });
    const w = engine.werkblad!;
    rows = [
      ...KOPPELKANSEN.map((k) => w.rows.find((r) => r.opgave === OPGAVE && r.koppelkans === k)?.row ?? -1),
      w.rows.find((r) => r.opgave === OTHER.opgave && r.koppelkans === OTHER.koppelkans)?.row ?? -1,
    ];

    // probe cells: row 1 the opgave list, row 1 + i the koppelkans list of werkblad row rows[i]
    const probe = new ExcelJS.Workbook();
    await probe.xlsx.readFile(output);
    const ws = probe.getWorksheet(SHEET_NAMES.werkblad)!;
    const L = w.layout;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const source = (address: string) => {
      const key = Object.keys(dv).find((k) => k.split(' ').some((part) => part.split(':')[0] === address));
      if (!key) throw new Error(`no validation on ${address}`);
      return dv[key].formulae[0].replace(/^=/, '');
    };
    const rel = (f: string, row: number) => f.replace(new RegExp(`(\\$[A-Z]+)${L.firstDataRow}(?!\\d)`, 'g'), `$1${row}`);
    const opgaveSrc = source(`A${L.firstDataRow}`);
    const kkSrc = source(`B${L.firstDataRow}`);
    const ps = probe.addWorksheet(PROBE);
    for (let k = 1; k <= ITEMS; k++) ps.getCell(1, k).value = { formula: `IFERROR(INDEX(${opgaveSrc},${k})&"","")` };
    rows.forEach((row, i) => {
      for (let k = 1; k <= ITEMS; k++) ps.getCell(2 + i, k).value = { formula: `IFERROR(INDEX(${rel(kkSrc, row)},${k})&"","")` };
    });
    const probeFile = path.join(dir, 'probe.xlsx');
    await probe.xlsx.writeFile(probeFile);
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(await recalculateXlsx(probeFile, path.join(dir, 'recalc')));
  }, 240_000);

  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const list = (r: number): string[] => {
    const ps = recalculated.getWorksheet(PROBE)!;
    const out: string[] = [];
    for (let k = 1; k <= ITEMS; k++) {
      const v = plain(ps.getCell(r, k).value);
      if (v === '' || v === null) break;
      out.push(typeof v === 'string' ? v : JSON.stringify(v));
    }
    return out;
  };

  test('the engine sees the own names as typed, without the trailing space, on their own werkblad rows', () => {
    expect(engine.longlist.opgaven).toContain(OPGAVE);
    for (const k of KOPPELKANSEN) expect(engine.longlist.entries).toContainEqual(expect.objectContaining({ opgave: OPGAVE, koppelkans: k }));
    expect(rows.every((r) => r > 0)).toBe(true);
  });

  test('the opgave dropdown, evaluated from its own formula, holds every opgave once and the own one exactly as text', () => {
    const opgaven = list(1);
    expect(opgaven).toEqual(engine.longlist.opgaven);
    expect(opgaven.filter((o) => o === OPGAVE)).toHaveLength(1);
    expect(opgaven.filter((o) => nameKey(o) === nameKey(OTHER.opgave))).toHaveLength(1);
  });

  test('the own opgave’s koppelkans dropdown holds exactly its own koppelkansen, as text', () => {
    KOPPELKANSEN.forEach((_, i) => expect(list(2 + i)).toEqual(KOPPELKANSEN));
  });

  test('no wildcard match: Gezondheid’s koppelkans dropdown holds only the guide’s Gezondheid koppelkansen', () => {
    const want = engine.longlist.entries.filter((e) => e.opgave === OTHER.opgave).map((e) => e.koppelkans);
    expect(want.length).toBeGreaterThan(0);
    expect(list(2 + KOPPELKANSEN.length)).toEqual(want);
  });

  test('the werkblad cells stay text, before and after recalculation', async () => {
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(output);
    for (const wbk of [written, recalculated]) {
      const ws = wbk.getWorksheet(SHEET_NAMES.werkblad)!;
      KOPPELKANSEN.forEach((k, i) => {
        for (const [col, want] of [
          [1, OPGAVE],
          [2, k],
        ] as const) {
          const cell = ws.getCell(rows[i], col);
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(want);
        }
      });
    }
  });
});

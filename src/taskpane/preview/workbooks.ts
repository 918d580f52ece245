/**
 * The workbooks the preview can start from: the template, the template with sample data,
 * an empty workbook, or an .xlsx the user opens. ExcelJS (through the .xlsx adapter) is
 * loaded only here and only on demand, with import(), so it never reaches the bundle that
 * runs inside Excel.
 */
import { cellAddress } from '../../core/a1';
import { analyze } from '../../core/analyze';
import type { Plan, WorkbookSnapshot } from '../../core/snapshot';
import { MemoryWorkbook, type GridCell } from '../../workbook/memory/MemoryWorkbook';
import { createKoppelkansenWorkbook } from '../../workbook/operations';
import { RecordingPort } from './RecordingPort';
import { sampleDataOps } from './sampleData';
import { newWorkbookId } from '../workbookIdentity';

export type StartKind = 'sjabloon' | 'voorbeeld' | 'leeg';

export interface PreviewWorkbook {
  /**
   * This workbook's own id (a UUID, new for every workbook started or opened, kept with it
   * in this browser: ./persistence): the drafts the pane keeps are scoped by it
   * (HostServices.draftScope), so a draft typed in one never shows in the next.
   */
  id: string;
  port: RecordingPort;
  /** The opened file (null: started from nothing); downloads replay the plans onto it. */
  base: Uint8Array | null;
  fileName: string;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A memory workbook holding everything the snapshot carries that the engine reads: values
 * and formulas (formulas keep their cached value, or that they have none), hidden sheets,
 * the date system, merged cells, protection with the unlocked cells, `snapshot.validations`
 * (each range with a rule gets it, in order, a later one replacing the overlap of an
 * earlier one), and the defined names and conditional formats of `snapshot.definitions`
 * when it was read. So the
 * engine plans over the copy exactly what it plans over the file: nothing the file already
 * holds is planned again (apply twice = apply once, also in the preview).
 */
export function memoryFrom(snapshot?: WorkbookSnapshot): MemoryWorkbook {
  if (!snapshot) return new MemoryWorkbook();
  const grid: Record<string, GridCell[][]> = {};
  for (const sheet of snapshot.sheets) {
    const rows = Math.max(sheet.values.length, sheet.formulas?.length ?? 0);
    const noResult = new Set(sheet.noCachedResult ?? []);
    grid[sheet.name] = Array.from({ length: rows }, (_, r) => {
      const values = sheet.values[r] ?? [];
      const formulas = sheet.formulas?.[r] ?? [];
      return Array.from({ length: Math.max(values.length, formulas.length) }, (_, c): GridCell => {
        const value = values[c] ?? null;
        const formula = formulas[c];
        if (typeof formula !== 'string' || !formula.startsWith('=')) return value;
        return noResult.size && noResult.has(cellAddress(r + 1, c + 1)) ? { formula, value, noCachedResult: true } : { formula, value };
      });
    });
  }
  const wb = MemoryWorkbook.fromGrid(grid, { hidden: snapshot.sheets.filter((s) => s.hidden).map((s) => s.name), date1904: snapshot.date1904 });
  // the file's data validations, so the planner finds the ones already there (as it does in the file)
  for (const v of snapshot.validations ?? []) if (v.rule) wb.setValidation(v.sheet, v.range, v.rule);
  // the team's names and conditional formats, so removing a factor in the preview names those it breaks, as the download would break them
  for (const n of snapshot.definitions?.names ?? []) wb.defineName(n.name, n.formula, n.scope);
  for (const r of snapshot.definitions?.rules ?? []) if (r.kind === 'conditionalFormat') wb.addConditionalFormat(r.sheet, r.ranges, r.formulas);
  // and the comments on cells, so the factor questions name those a removal or move concerns
  for (const c of snapshot.definitions?.comments ?? []) wb.addComment(c.sheet, c.cell, c.text);
  // the team's merged cells come along, so the engine keeps out of them here as well
  for (const sheet of snapshot.sheets) for (const range of sheet.merges ?? []) wb.mergeCells(sheet.name, range);
  // and the sheets' protection, so the preview refuses what the download (the .xlsx adapter) would refuse
  for (const sheet of snapshot.sheets) {
    if (!sheet.protection) continue;
    for (const range of sheet.protection.unlocked) wb.unlockRange(sheet.name, range);
    if (sheet.protection.protected)
      wb.protectSheet(sheet.name, { allowFormatCells: sheet.protection.allowFormatCells, allowFormatColumns: sheet.protection.allowFormatColumns });
  }
  return wb;
}

export async function startWorkbook(kind: StartKind, now: Date = new Date()): Promise<PreviewWorkbook> {
  const port = new RecordingPort(memoryFrom());
  if (kind !== 'leeg') await createKoppelkansenWorkbook(port, { now });
  if (kind === 'voorbeeld') {
    const ops = sampleDataOps(analyze(await port.readSnapshot(), { now }));
    if (ops.length) await port.apply({ ops });
  }
  return { id: newWorkbookId(), port, base: null, fileName: kind === 'voorbeeld' ? 'Koppelkansen Kiezen (voorbeeld).xlsx' : 'Koppelkansen Kiezen.xlsx' };
}

async function xlsxAdapter() {
  const mod = await import(/* webpackChunkName: "xlsx" */ '../../workbook/xlsx/XlsxWorkbook');
  return mod.XlsxWorkbook;
}

/** Reads an .xlsx into a workbook held in the page. */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<PreviewWorkbook> {
  const XlsxWorkbook = await xlsxAdapter();
  // a file ExcelJS would misread without a word (a sheet skipped, texts read as numbers) is refused in Dutch
  const file = await XlsxWorkbook.fromBuffer(bytes, { checkModel: true });
  const snapshot = await file.readSnapshot({ definitions: true });
  // every validation of the file, not only those a plan would ask about now: later plans ask about other ranges
  return { id: newWorkbookId(), port: new RecordingPort(memoryFrom({ ...snapshot, validations: file.allValidations() })), base: bytes, fileName };
}

/**
 * The workbook kept in this browser: the opened file (or nothing) with the plans applied to
 * it replayed in order, so it is exactly what it was before the reload, with its own id
 * (a record kept by an earlier version has none: it gets a new one, saved with it next).
 */
export async function restoreWorkbook(saved: { id?: string; base: Uint8Array | null; fileName: string; plans: Plan[] }): Promise<PreviewWorkbook> {
  const wb = saved.base
    ? await openWorkbook(saved.base, saved.fileName)
    : { id: newWorkbookId(), port: new RecordingPort(memoryFrom()), base: null, fileName: saved.fileName };
  for (const plan of saved.plans) await wb.port.apply(plan);
  return { ...wb, id: saved.id || wb.id };
}

/** The .xlsx for "Download": the opened file (or a new one) with every applied plan replayed. */
export async function workbookBytes(base: Uint8Array | null, plans: Plan[]): Promise<Uint8Array> {
  const XlsxWorkbook = await xlsxAdapter();
  const file = base ? await XlsxWorkbook.fromBuffer(base) : XlsxWorkbook.create();
  for (const plan of plans) await file.apply(plan);
  const out = await file.toBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

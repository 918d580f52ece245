/**
 * The .xlsx file adapter (ExcelJS 4.4), used by the command line and the browser
 * preview's open/download. Reads a snapshot, applies a plan all-or-nothing (the plan is
 * checked first; ops run on the loaded workbook only after that), writes atomically.
 *
 * Formulas are written without a cached result and the workbook asks Excel to
 * recalculate on open; functions newer than Excel 2007 get their "_xlfn." prefix.
 */
import ExcelJS from 'exceljs';
import { cellAddress, columnNumber, parseCell } from '../../core/a1';
import type { CellStyle, CellValue, Plan, PlanOp, SheetSnapshot, ValidationSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { keyText } from '../cellText';
import { checkPlan } from '../planCheck';
import type { ApplyOptions, ApplyResult, SnapshotRequest, WorkbookPort } from '../port';
import { rectOf } from '../rectangles';
import { normalizeColor } from '../styles';
import { isBlank, readCell, toExcelValue, unshareFormulas } from './cellValues';
import { ValidationLookup, setValidation } from './validations';

function argb(color: string): string {
  return `FF${normalizeColor(color).replace('#', '')}`;
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly wb: ExcelJS.Workbook) {}

  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Koppelkansen Kiezen';
    wb.created = new Date();
    return new XlsxWorkbook(wb);
  }

  static async fromBuffer(buffer: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const wb = new ExcelJS.Workbook();
    const data = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    // ExcelJS's types want a Node Buffer; it accepts any ArrayBuffer view at runtime
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    for (const ws of wb.worksheets) unshareFormulas(ws);
    return new XlsxWorkbook(wb);
  }

  static async fromFile(path: string): Promise<XlsxWorkbook> {
    // imported lazily so that the browser bundle never needs 'fs'
    const fs = await import('fs');
    return XlsxWorkbook.fromBuffer(fs.readFileSync(path));
  }

  private get date1904(): boolean {
    return !!(this.wb.properties as { date1904?: boolean }).date1904;
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!ws) throw new Error(`Blad "${name}" bestaat niet.`);
    return ws;
  }

  private snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const read = readCell(cell, this.date1904);
        if (isBlank(read)) return;
        while (values.length < r) values.push([]);
        while (formulas.length < r) formulas.push([]);
        const vr = values[r - 1];
        const fr = formulas[r - 1];
        while (vr.length < c) vr.push(null);
        while (fr.length < c) fr.push(null);
        vr[c - 1] = read.value;
        fr[c - 1] = read.formula;
      });
    });
    return { name: ws.name, values, formulas, hidden: ws.state !== 'visible' && ws.state !== undefined };
  }

  async readSnapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
    const snapshot: WorkbookSnapshot = { sheets: this.wb.worksheets.map((ws) => this.snapshotSheet(ws)) };
    if (request.validationTargets) {
      const lookups = new Map<ExcelJS.Worksheet, ValidationLookup>();
      const validations: ValidationSnapshot[] = [];
      for (const t of request.validationTargets(snapshot)) {
        const ws = this.wb.worksheets.find((w) => w.name.toLowerCase() === t.sheet.toLowerCase());
        if (!ws) continue;
        if (!lookups.has(ws)) lookups.set(ws, new ValidationLookup(ws));
        validations.push({ sheet: ws.name, range: t.range, rule: lookups.get(ws)!.covering(rectOf(t.range)) });
      }
      snapshot.validations = validations;
    }
    return snapshot;
  }

  async apply(plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
    checkPlan(plan, this.wb.worksheets.map((w) => w.name));
    const result: ApplyResult = { operations: 0, appendedAt: [], missingKeys: [] };
    plan.ops.forEach((op, i) => {
      this.applyOp(op, result);
      result.operations++;
      if (options.onProgress && plan.ops.length > 20 && i % 10 === 0) options.onProgress(i / plan.ops.length);
    });
    options.onProgress?.(1);
    return result;
  }

  private applyOp(op: PlanOp, result: ApplyResult): void {
    switch (op.kind) {
      case 'addSheet': {
        const ws = this.wb.addWorksheet(op.sheet);
        if (op.hidden) ws.state = 'hidden';
        return;
      }
      case 'setCells': {
        const ws = this.sheet(op.sheet);
        const { row, column } = parseCell(op.cell);
        op.cells.forEach((line, i) => line.forEach((input, j) => (ws.getCell(row + i, column + j).value = toExcelValue(input))));
        return;
      }
      case 'appendRows': {
        const ws = this.sheet(op.sheet);
        const start = Math.max(op.minRow, this.lastUsedRow(ws) + 1);
        const col = columnNumber(op.firstColumn);
        op.rows.forEach((line, i) => line.forEach((input, j) => (ws.getCell(start + i, col + j).value = toExcelValue(input))));
        result.appendedAt.push(start);
        return;
      }
      case 'updateRowByKey': {
        const ws = this.sheet(op.sheet);
        const keyCol = columnNumber(op.keyColumn);
        const col = columnNumber(op.firstColumn);
        const last = this.lastUsedRow(ws);
        for (let r = op.minRow; r <= last; r++) {
          if (keyText(readCell(ws.getCell(r, keyCol), this.date1904).value) === op.key) {
            op.cells.forEach((input, j) => (ws.getCell(r, col + j).value = toExcelValue(input)));
            return;
          }
        }
        result.missingKeys.push(op.key);
        return;
      }
      case 'setValidation':
        setValidation(this.sheet(op.sheet), rectOf(op.range), op.rule);
        return;
      case 'setStyle':
        this.applyStyle(this.sheet(op.sheet), op.range, op.style);
        return;
      case 'setColumnWidths': {
        const ws = this.sheet(op.sheet);
        for (const w of op.widths) ws.getColumn(columnNumber(w.column)).width = w.width;
        return;
      }
      case 'freeze': {
        const ws = this.sheet(op.sheet);
        ws.views = [
          {
            state: 'frozen',
            xSplit: op.columns,
            ySplit: op.rows,
            topLeftCell: cellAddress(op.rows + 1, op.columns + 1),
            activeCell: cellAddress(op.rows + 1, op.columns + 1),
          },
        ];
        return;
      }
    }
  }

  private lastUsedRow(ws: ExcelJS.Worksheet): number {
    let last = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      let used = false;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (!isBlank(readCell(cell, this.date1904))) used = true;
      });
      if (used) last = r;
    });
    return last;
  }

  private applyStyle(ws: ExcelJS.Worksheet, range: string, style: CellStyle): void {
    const rect = rectOf(range);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = ws.getCell(r, c);
        if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
          cell.font = {
            ...cell.font,
            ...(style.bold !== undefined ? { bold: style.bold } : {}),
            ...(style.italic !== undefined ? { italic: style.italic } : {}),
            ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
            ...(style.fontSize ? { size: style.fontSize } : {}),
          };
        }
        if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
        if (style.numberFormat) cell.numFmt = style.numberFormat;
        if (style.wrap !== undefined || style.horizontalAlignment || style.verticalAlignment) {
          cell.alignment = {
            ...cell.alignment,
            ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
            ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
            ...(style.verticalAlignment ? { vertical: style.verticalAlignment === 'center' ? 'middle' : style.verticalAlignment } : {}),
          };
        }
        if (style.border) {
          const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
          cell.border = { top: thin, left: thin, bottom: thin, right: thin };
        }
      }
    }
  }

  /** The workbook as .xlsx bytes; Excel recalculates every formula when it opens it. */
  async toBuffer(): Promise<Uint8Array> {
    this.wb.calcProperties = { ...(this.wb.calcProperties ?? {}), fullCalcOnLoad: true };
    const buf = await this.wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  }

  /** Writes to a temporary file beside `path`, then renames it: never a half-written file. */
  async writeFileAtomic(path: string): Promise<void> {
    const fs = await import('fs');
    const nodePath = await import('path');
    const bytes = await this.toBuffer();
    const tmp = nodePath.join(nodePath.dirname(path), `.${nodePath.basename(path)}.${process.pid}.${Date.now()}.tmp`);
    try {
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, path);
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  }
}

const UNSUPPORTED: [RegExp, string][] = [
  [/^xl\/charts\//, 'grafieken'],
  [/^xl\/pivotTables\/|^xl\/pivotCache\//, 'draaitabellen'],
  [/^xl\/media\/|^xl\/drawings\//, 'afbeeldingen en tekenobjecten'],
  [/^xl\/vbaProject\.bin$/, "macro's (VBA)"],
  [/^xl\/slicers\/|^xl\/slicerCaches\//, 'slicers'],
  [/^xl\/externalLinks\//, 'koppelingen naar andere bestanden'],
  [/^xl\/threadedComments\//, 'opmerkingen in gesprekken (threaded comments)'],
];

/** What ExcelJS cannot carry over from this file, in Dutch (empty when nothing is lost). */
export async function inspectUnsupported(buffer: ArrayBuffer | Uint8Array): Promise<string[]> {
  const JSZip = (await import('jszip')).default;
  let zip: import('jszip');
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const name of Object.keys(zip.files)) for (const [re, label] of UNSUPPORTED) if (re.test(name)) found.add(label);
  return [...found];
}

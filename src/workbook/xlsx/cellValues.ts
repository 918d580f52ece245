/**
 * ExcelJS cell values ⇄ the snapshot's values and the plan's cell inputs.
 *
 * Reading: rich text → its plain text, hyperlink → its text, date → Excel serial number,
 * error → "#DIV/0!" etc., formula (also a shared one) → its formula text without the
 * "_xlfn." prefixes plus its cached result (null when the file has none), merged-away
 * cells → empty.
 * Writing: text as a plain string (never parsed: it stays text), formulas with the
 * "_xlfn." prefixes and the engine's value as their cached result (`CellInput.result`);
 * the workbook is marked for a full recalculation on load, so Excel computes them again.
 */
import ExcelJS from 'exceljs';
import type { CellInput, CellValue } from '../../core/snapshot';
import { dateToSerial } from '../../core/dates';
import { addFutureFunctionPrefixes, stripFutureFunctionPrefixes } from './futureFunctions';
import { encodeCellText } from './ooxmlText';

/**
 * For an ExcelJS write: every plain-text cell whose text needs Excel's "_xHHHH_" escapes
 * (characters XML forbids, or a literal "_x0041_") gets its file form; returns a function
 * that puts the texts back. ExcelJS itself would write such characters raw (an unreadable
 * file) or read a literal escape back as the character.
 */
export function encodeTextsForWrite(wb: ExcelJS.Workbook): () => void {
  const undo: (() => void)[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v !== 'string') return;
        const enc = encodeCellText(v);
        if (enc.text === v) return;
        cell.value = enc.text;
        undo.push(() => {
          cell.value = v;
        });
      });
    });
  }
  return () => undo.forEach((f) => f());
}
function plain(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return plain((o.richText as { text?: string }[]).map((t) => t.text ?? '').join(''), date1904);
    if ('error' in o) return String(o.error);
    if ('hyperlink' in o || 'text' in o) return plain(o.text, date1904);
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result, date1904);
    return JSON.stringify(o);
  }
  return typeof v === 'bigint' ? v.toString() : null;
}

export interface ReadCell {
  value: CellValue;
  /** With its leading "=", or null. */
  formula: string | null;
}

export function readCell(cell: ExcelJS.Cell, date1904: boolean): ReadCell {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: null, formula: null };
    case ExcelJS.ValueType.Formula: {
      const text = cell.formula;
      return {
        value: plain(cell.result, date1904),
        formula: text ? `=${stripFutureFunctionPrefixes(text.replace(/^=/, ''))}` : null,
      };
    }
    default:
      return { value: plain(cell.value, date1904), formula: null };
  }
}

export function isBlank(c: ReadCell): boolean {
  return c.formula === null && (c.value === null || c.value === '');
}

/** The ExcelJS value to store for a plan's cell input. */
export function toExcelValue(input: CellInput): ExcelJS.CellValue {
  if ('text' in input) return input.text === '' ? null : input.text;
  if ('number' in input) return input.number;
  if ('bool' in input) return input.bool;
  if ('formula' in input) {
    const formula = addFutureFunctionPrefixes(input.formula.replace(/^=/, ''));
    return input.result === undefined ? { formula } : { formula, result: input.result };
  }
  return null;
}

/**
 * Turns every shared formula of the sheet into a formula of its own (same text Excel
 * shows, same cached result). ExcelJS keeps a shared formula as a reference to its
 * first cell; overwriting that cell would break the others.
 */
export function unshareFormulas(ws: ExcelJS.Worksheet): void {
  const changes: { cell: ExcelJS.Cell; value: ExcelJS.CellValue }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const v = cell.value as unknown as Record<string, unknown>;
      if (v.shareType === 'array') return;
      if ('sharedFormula' in v || v.shareType === 'shared') {
        const formula = cell.formula;
        // the cell's own result, not `v.result`: ExcelJS's `value` leaves out a falsy result (0, FALSE, "")
        if (formula) changes.push({ cell, value: { formula, result: cell.result } });
      }
    });
  });
  for (const c of changes) c.cell.value = c.value;
}

/**
 * Cell styles, column widths and frozen panes through Office.js.
 */
import { columnNumber, parseRange, rangeAddress } from '../../core/a1';
import type { CellStyle } from '../../core/snapshot';

/**
 * Plan widths are Excel's column width unit (characters of the default font's widest
 * digit, as in the .xlsx file and Excel's "Column width" dialog); Office.js
 * `format.columnWidth` is in points. For the default font (Calibri 11, widest digit
 * 7 px) Excel draws a column of w characters as w·7 + 5 pixels, and 1 px = 0.75 pt:
 * 8.43 characters → 64 px → 48 pt, Excel's default column.
 */
export function columnWidthPoints(characters: number): number {
  if (!(characters > 0)) return 0;
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const HORIZONTAL: Record<NonNullable<CellStyle['horizontalAlignment']>, Excel.HorizontalAlignment | 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};
const VERTICAL: Record<NonNullable<CellStyle['verticalAlignment']>, Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom'> = {
  top: 'Top',
  center: 'Center',
  bottom: 'Bottom',
};

/** Queues the style's properties on `range` (A1 address `address`); touches nothing it does not name. */
export function queueStyle(range: Excel.Range, address: string, style: CellStyle): void {
  const format = range.format;
  if (style.fill === null) format.fill.clear();
  else if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  // Office.js has no "automatic" font colour to set: black is what automatic shows on no fill
  if (style.fontColor === null) format.font.color = '#000000';
  else if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  // Range.format.protection.locked (ExcelApi 1.2); Excel refuses it on a protected sheet
  if (style.locked !== undefined) format.protection.locked = style.locked;
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontalAlignment];
  if (style.verticalAlignment !== undefined) format.verticalAlignment = VERTICAL[style.verticalAlignment];
  const { start, end } = parseRange(address);
  const rows = end.row - start.row + 1;
  const columns = end.column - start.column + 1;
  // one value for every cell of the range, not a matrix of the range's size (which grew the
  // request by about 12 bytes a row: 360 KB for a factor's score column at 30,000 rows).
  // Microsoft: "To apply the same update to all cells in a range (…) set the same number
  // format for all cells in a range (…), set the corresponding property on the range object
  // to the desired (single) value" (Office Add-ins docs, Excel ranges, "Update all cells in
  // a range"); the typings only name the matrix form.
  if (style.numberFormat !== undefined) range.numberFormat = style.numberFormat as unknown as string[][];
  if (style.border !== undefined) {
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[];
    if (rows > 1) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (columns > 1) edges.push('InsideVertical' as Excel.BorderIndex);
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = style.border ? 'Continuous' : 'None';
      if (style.border) border.weight = 'Thin';
    }
  }
}

export function queueColumnWidths(sheet: Excel.Worksheet, widths: { column: string; width: number }[]): void {
  for (const { column, width } of widths) {
    const n = columnNumber(column);
    // a one-cell range sets the width of its whole column
    sheet.getRange(rangeAddress(1, n, 1, n)).format.columnWidth = columnWidthPoints(width);
  }
}

/** Queues row heights in points (`format.rowHeight` of the whole row, Excel's own unit). */
export function queueRowHeights(sheet: Excel.Worksheet, heights: { row: number; height: number }[]): void {
  for (const { row, height } of heights) sheet.getRange(`${row}:${row}`).format.rowHeight = height;
}

export function queueFreeze(sheet: Excel.Worksheet, rows: number, columns: number): void {
  const panes = sheet.freezePanes;
  if (rows > 0 && columns > 0) panes.freezeAt(sheet.getRange(rangeAddress(1, 1, rows, columns)));
  else if (rows > 0) panes.freezeRows(rows);
  else if (columns > 0) panes.freezeColumns(columns);
  else panes.unfreeze();
}

/**
 * The plan's CellStyle on an ExcelJS cell, and back. ExcelJS shares style objects
 * between cells, so every change assigns new objects instead of editing them.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../core/a1';
import type { CellStyle, SheetProtection } from '../../core/snapshot';
import { MAX_ROWS } from '../errors';
import { rectAddress, rectsOfCells } from '../rectangles';
import { normalizeColor, normalizeStyle } from '../styles';

const BORDER_COLOR = 'FFBFBFBF';

function argb(color: string): string {
  return `FF${normalizeColor(color).replace('#', '')}`;
}

function fromArgb(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const v = c?.argb;
  return typeof v === 'string' && /^[0-9a-f]{8}$/i.test(v) ? `#${v.slice(2).toUpperCase()}` : undefined;
}

export function applyCellStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  // a loaded workbook gives every cell of one style the same style object, and the
  // cell's setters (font, fill, numFmt) write into it: give this cell its own first
  cell.style = { ...cell.style };
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined || style.fontSize) {
    const { color: _color, ...font } = cell.font ?? {};
    cell.font = {
      ...(style.fontColor === null ? font : cell.font),
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
    };
  }
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  else if (style.fill === null) cell.fill = { type: 'pattern', pattern: 'none' };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.wrap !== undefined || style.horizontalAlignment || style.verticalAlignment) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.verticalAlignment ? { vertical: style.verticalAlignment === 'center' ? 'middle' : style.verticalAlignment } : {}),
    };
  }
  if (style.locked !== undefined) cell.protection = { ...cell.protection, locked: style.locked };
  if (style.border === true) {
    const thin = { style: 'thin' as const, color: { argb: BORDER_COLOR } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  } else if (style.border === false) {
    cell.border = {};
  }
}

export function readCellStyle(cell: ExcelJS.Cell): CellStyle {
  const f = cell.font ?? {};
  const a = cell.alignment ?? {};
  const b = cell.border ?? {};
  const fill = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? fromArgb(cell.fill.fgColor) : undefined;
  const vertical = a.vertical === 'middle' ? 'center' : a.vertical;
  return normalizeStyle({
    bold: f.bold,
    italic: f.italic,
    fontColor: fromArgb(f.color),
    fontSize: f.size,
    fill,
    wrap: a.wrapText,
    numberFormat: cell.numFmt,
    horizontalAlignment: a.horizontal === 'left' || a.horizontal === 'center' || a.horizontal === 'right' ? a.horizontal : undefined,
    verticalAlignment: vertical === 'top' || vertical === 'center' || vertical === 'bottom' ? vertical : undefined,
    border: [b.top, b.left, b.bottom, b.right].every((side) => side?.style === 'thin'),
    locked: cell.protection?.locked,
  });
}

/** ExcelJS's model of <sheetProtection> (not in its types): true flags are what stays allowed. */
export interface ExcelJsSheetProtection {
  sheet?: boolean;
  formatCells?: boolean;
  formatColumns?: boolean;
}

/**
 * A worksheet's protection and unlocked cells (cells whose format has
 * `<protection locked="0">`, and whole columns formatted so) as the snapshot gives them;
 * undefined when the sheet is not protected and no cell is unlocked.
 */
export function sheetProtection(ws: ExcelJS.Worksheet): SheetProtection | undefined {
  const p = (ws as unknown as { sheetProtection?: ExcelJsSheetProtection | null }).sheetProtection;
  const columnsUnlocked = new Set<number>();
  // columnCount is a getter that walks every row: read once (per column it made a cell in XFD cost seconds)
  const columns = ws.columnCount;
  for (let c = 1; c <= columns; c++) {
    const style = (ws.getColumn(c) as unknown as { style?: Partial<ExcelJS.Style> }).style;
    if (style?.protection?.locked === false) columnsUnlocked.add(c);
  }
  const cells = new Map<number, number[]>();
  // ExcelJS's rows and cells as loaded (internal): eachRow/eachCell skip rows and cells that
  // only carry a format, and with includeEmpty they would create every row and cell
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows ?? [];
  rows.forEach((row, index) => {
    if (!row) return;
    const open: number[] = [];
    const line = (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells ?? [];
    line.forEach((cell, i) => {
      if (cell?.style?.protection?.locked === false) open.push(i + 1);
    });
    if (open.length) cells.set(index + 1, open);
  });
  return protectionSnapshot(p ?? undefined, columnsUnlocked, cells);
}

/**
 * The snapshot's protection from what a reader found (ExcelJS's model here, the package's
 * XML in package/readSheets.ts): `p` the sheet's protection (`sheet`: protected; true
 * `formatCells`/`formatColumns`: still allowed), the unlocked columns, and per row the
 * unlocked cells' columns. Adjacent unlocked columns become one whole-column range
 * ("A1:D1048576"), the other unlocked cells (those outside those columns) as few
 * rectangles as `rectsOfCells` makes. Undefined when the sheet is not protected and
 * nothing is unlocked.
 */
export function protectionSnapshot(
  p: ExcelJsSheetProtection | undefined,
  columnsUnlocked: Set<number>,
  cells: Map<number, number[]>,
): SheetProtection | undefined {
  const unlocked: string[] = [];
  for (const run of rectsOfCells(new Map([[1, columnsUnlocked]]))) unlocked.push(`${columnLetter(run.left)}1:${columnLetter(run.right)}${MAX_ROWS}`);
  const open = new Map<number, number[]>();
  for (const [r, columns] of cells) {
    const left = columns.filter((c) => !columnsUnlocked.has(c));
    if (left.length) open.set(r, left);
  }
  for (const box of rectsOfCells(open)) unlocked.push(rectAddress(box));
  if (!p?.sheet && !unlocked.length) return undefined;
  return {
    protected: !!p?.sheet,
    unlocked,
    ...(p?.sheet && p.formatCells ? { allowFormatCells: true } : {}),
    ...(p?.sheet && p.formatColumns ? { allowFormatColumns: true } : {}),
  };
}

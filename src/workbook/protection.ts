/**
 * The protection guard shared by every adapter: a plan that needs to change a protected
 * area (a locked cell, formats, validations or column widths on a protected sheet) is
 * refused BEFORE anything is written, with one Dutch message naming the sheet, the cells
 * and what to do. Excel itself refuses such writes one at a time (a write to a locked cell
 * of a protected sheet fails), which would leave a plan half applied.
 *
 * What a protected sheet refuses (Excel's documentation, "Protect a worksheet"): changing
 * locked cells; formatting cells unless "Cellen opmaken" is allowed, and column widths
 * unless "Kolommen opmaken" is; data validation; the lock state itself; charts (objects).
 * Freezing panes is a window setting and stays possible.
 */
import { parseCell } from '../core/a1';
import { placeRowOp, snapshotRows } from '../core/keyedRows';
import { isLocked } from '../core/protection';
import type { CellInput, Plan, SheetSnapshot } from '../core/snapshot';
import { WorkbookError } from './errors';
import { rectAddress, rectsOfCells } from './rectangles';

/** What a plan needs on one protected sheet. */
interface ProtectedWrite {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  /** Locked cells the plan writes, as A1 ranges (one per run of a row, rows joined). */
  cells: string[];
  /** Other changes the protection forbids, as Dutch phrases with their ranges. */
  other: string[];
}

/**
 * The protected areas `plan` needs, per sheet, from the snapshots of the sheets as they
 * are now (`sheetOf`: by name, case-insensitively; sheets the plan adds are never
 * protected). Row ops are placed as the adapters place them: appendRows below the last
 * used row (not above `minRow`), updateRowByKey/deleteRowByKey at the key's row.
 * Empty when nothing protected is touched.
 */
function protectedWrites(plan: Plan, sheetOf: (name: string) => SheetSnapshot | undefined): ProtectedWrite[] {
  const bySheet = new Map<string, { sheet: SheetSnapshot; cells: Map<number, Set<number>>; other: string[] }>();
  const entry = (name: string) => {
    const sheet = sheetOf(name);
    if (!sheet?.protection?.protected) return undefined;
    const k = sheet.name.toLowerCase();
    let e = bySheet.get(k);
    if (!e) bySheet.set(k, (e = { sheet, cells: new Map(), other: [] }));
    return e;
  };
  const block = (name: string, row: number, column: number, rows: (CellInput | undefined)[][]) => {
    const e = entry(name);
    if (!e) return;
    rows.forEach((line, i) =>
      line.forEach((input, j) => {
        if (input === undefined || !isLocked(e.sheet.protection, row + i, column + j)) return;
        let set = e.cells.get(row + i);
        if (!set) e.cells.set(row + i, (set = new Set()));
        set.add(column + j);
      }),
    );
  };
  for (const op of plan.ops) {
    switch (op.kind) {
      case 'setCells': {
        const p = parseCell(op.cell);
        block(op.sheet, p.row, p.column, op.cells);
        break;
      }
      case 'appendRows':
      case 'updateRowByKey':
      case 'deleteRowByKey': {
        const sheet = sheetOf(op.sheet);
        if (!sheet?.protection?.protected) break;
        // placed by the adapters' own rule; a missing key or a failed guard writes nothing
        const placement = placeRowOp(op, sheet.name, snapshotRows(sheet));
        if (placement.kind === 'write') block(op.sheet, placement.row, placement.column, placement.cells);
        break;
      }
      case 'setStyle': {
        const e = entry(op.sheet);
        if (!e) break;
        const { locked, ...look } = op.style;
        if (locked !== undefined) e.other.push(`vergrendeling van ${op.range}`);
        if (Object.keys(look).length && !e.sheet.protection?.allowFormatCells) e.other.push(`opmaak van ${op.range}`);
        break;
      }
      case 'setValidation': {
        const e = entry(op.sheet);
        if (e) e.other.push(`gegevensvalidatie van ${op.range}`);
        break;
      }
      case 'setColumnWidths': {
        const e = entry(op.sheet);
        if (e && !e.sheet.protection?.allowFormatColumns) e.other.push(`kolombreedte van ${op.widths.map((w) => w.column).join(', ')}`);
        break;
      }
      case 'setRowHeights': {
        const e = entry(op.sheet);
        if (e) e.other.push(`rijhoogte van rij ${op.heights.map((h) => h.row).join(', ')}`);
        break;
      }
      case 'insertColumns':
      case 'deleteColumns': {
        // Excel refuses both on a protected sheet (unless "Kolommen invoegen/verwijderen" is allowed, which the port does not read)
        const e = entry(op.sheet);
        if (e) e.other.push(`kolom ${op.column} ${op.kind === 'insertColumns' ? 'invoegen' : 'verwijderen'}`);
        break;
      }
      case 'setChart': {
        const e = entry(op.sheet);
        if (e) e.other.push(`grafiek "${op.title}"`);
        break;
      }
      default:
        // addSheet makes an unprotected sheet; freezing panes is allowed; page setup too
        // (Excel keeps Pagina-indeling and Afdrukbereik available on a protected sheet)
        break;
    }
  }
  return [...bySheet.values()]
    .filter((e) => e.cells.size || e.other.length)
    .map((e) => ({ sheet: e.sheet.name, cells: cellRanges(e.cells), other: unique(e.other) }));
}

/**
 * Throws WorkbookError 'sheetProtected' (Dutch message naming every protected sheet, the
 * cells and what to do) when `plan` needs a protected area; see `protectedWrites`.
 */
export function checkProtection(plan: Plan, sheetOf: (name: string) => SheetSnapshot | undefined): void {
  const found = protectedWrites(plan, sheetOf);
  if (!found.length) return;
  const first = found[0];
  throw new WorkbookError('sheetProtected', [found], first.sheet, first.cells[0]);
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Cells per row → A1 ranges: runs of columns per row, equal runs of adjacent rows joined. */
function cellRanges(cells: Map<number, Set<number>>): string[] {
  return rectsOfCells(cells).map(rectAddress);
}

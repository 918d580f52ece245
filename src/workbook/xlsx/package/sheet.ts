/**
 * One worksheet part (xl/worksheets/sheetN.xml, ECMA-376 Part 1, 18.3) edited in place:
 * cells, cell formats, data validations, column widths and frozen panes. Everything the
 * edit does not name (other cells, conditional formats, merges, protection, print setup,
 * drawings, extensions …) stays in the DOM untouched.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { cellAddress, columnLetter, parseCell } from '../../../core/a1';
import type { CellInput, CellStyle, ValidationRule } from '../../../core/snapshot';
import { overlaps, rectAddress, rectOf, subtract, type Rect } from '../../rectangles';
import { addFutureFunctionPrefixes } from '../futureFunctions';
import { fullAddress } from '../largeValidations';
import { encodeCellText, stripForbidden } from '../ooxmlText';
import { toExcelValidation } from '../validations';
import type { StylesEditor } from './styles';
import {
  CELL_ORDER,
  SHEETVIEW_ORDER,
  WORKSHEET_ORDER,
  child,
  children,
  createLike,
  ensureChild,
  insertInOrder,
  removeNode,
  setText,
} from './xml';

// a CommonJS helper of ExcelJS's own: moves a shared formula's relative references
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula: (formula: string, from: string, to: string) => string };

/** Where text goes: the package's shared-string table. */
export interface StringTable {
  /** The index of `encoded` (already in file form), added when new. */
  add(encoded: string): number;
}

export interface CellWriteContext {
  strings: StringTable;
  /** Called when a text had characters XML forbids (escaped as _xHHHH_ or dropped). */
  onForbidden(cell: string): void;
  /** Called when a formula is written (the workbook then recalculates on open). */
  onFormula(): void;
}

function cellColumn(ref: string): number {
  return parseCell(ref).column;
}

export class SheetEditor {
  readonly root: Element;
  private readonly sheetData: Element;
  private readonly rows = new Map<number, Element>();
  private rowNumbers: number[] = [];
  /** Something changed: the part must be written. */
  changed = false;
  /** Cell values or formulas changed (the calculation chain is then stale). */
  cellsChanged = false;

  constructor(readonly doc: Document) {
    this.root = doc.documentElement!;
    this.sheetData = ensureChild(this.root, 'sheetData', WORKSHEET_ORDER);
    let implicit = 0;
    for (const row of children(this.sheetData, 'row')) {
      const r = Number(row.getAttribute('r')) || implicit + 1;
      row.setAttribute('r', String(r));
      implicit = r;
      this.rows.set(r, row);
      let col = 0;
      for (const c of children(row, 'c')) {
        const ref = c.getAttribute('r');
        if (ref) col = cellColumn(ref);
        else {
          col += 1;
          c.setAttribute('r', cellAddress(r, col));
        }
      }
    }
    this.rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
  }

  // ---- rows and cells ----

  private row(r: number, create: boolean): Element | undefined {
    const found = this.rows.get(r);
    if (found || !create) return found;
    const row = createLike(this.root, 'row', { r: String(r) });
    // the first row number above r, binary search
    let lo = 0;
    let hi = this.rowNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowNumbers[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    const next = lo < this.rowNumbers.length ? this.rows.get(this.rowNumbers[lo])! : null;
    this.sheetData.insertBefore(row, next);
    this.rowNumbers.splice(lo, 0, r);
    this.rows.set(r, row);
    return row;
  }

  private cell(r: number, c: number, create: boolean): Element | undefined {
    const row = this.row(r, create);
    if (!row) return undefined;
    let before: Element | null = null;
    for (const el of children(row, 'c')) {
      const col = cellColumn(el.getAttribute('r')!);
      if (col === c) return el;
      if (col > c) {
        before = el;
        break;
      }
    }
    if (!create) return undefined;
    const el = createLike(this.root, 'c', { r: cellAddress(r, c) });
    const style = this.inheritedStyle(row, c);
    if (style) el.setAttribute('s', style);
    row.insertBefore(el, before ?? child(row, 'extLst') ?? null);
    const spans = row.getAttribute('spans');
    if (spans) {
      const [a, b] = spans.split(':').map(Number);
      if (c < a || c > b) row.setAttribute('spans', `${Math.min(a, c)}:${Math.max(b, c)}`);
    }
    return el;
  }

  /** A new cell takes its row's format (when the row has one) or else its column's, as in Excel. */
  private inheritedStyle(row: Element, c: number): string | null {
    const custom = row.getAttribute('customFormat');
    if ((custom === '1' || custom === 'true') && row.getAttribute('s')) return row.getAttribute('s');
    const cols = child(this.root, 'cols');
    if (!cols) return null;
    for (const col of children(cols, 'col')) {
      if (Number(col.getAttribute('min')) <= c && c <= Number(col.getAttribute('max'))) return col.getAttribute('style');
    }
    return null;
  }

  /** A shared formula whose anchor cell is about to change: every cell of the group gets its own formula. */
  private unshare(master: Element, f: Element): void {
    const si = f.getAttribute('si');
    const text = f.textContent ?? '';
    const from = master.getAttribute('r')!;
    for (const row of this.rows.values()) {
      for (const c of children(row, 'c')) {
        if (c === master) continue;
        const g = child(c, 'f');
        if (!g || g.getAttribute('t') !== 'shared' || g.getAttribute('si') !== si) continue;
        setText(g, slideFormula(text, from, c.getAttribute('r')!));
        for (const a of ['t', 'si', 'ref']) g.removeAttribute(a);
      }
    }
  }

  /** Writes one plan input into the cell at row r, column c; the cell keeps its format. */
  writeCell(r: number, c: number, input: CellInput, ctx: CellWriteContext): void {
    const isClear = 'clear' in input || ('text' in input && input.text === '');
    const el = this.cell(r, c, !isClear);
    if (!el) return;
    this.changed = true;
    this.cellsChanged = true;
    const oldF = child(el, 'f');
    if (oldF && oldF.getAttribute('t') === 'shared' && oldF.getAttribute('ref') && (oldF.textContent ?? '') !== '') this.unshare(el, oldF);
    for (const name of ['f', 'v', 'is']) {
      const old = child(el, name);
      if (old) removeNode(old);
    }
    for (const a of ['t', 'cm', 'vm']) el.removeAttribute(a);
    const add = (name: string, text: string) => {
      const node = createLike(this.root, name);
      node.appendChild(this.doc.createTextNode(text));
      insertInOrder(el, node, CELL_ORDER);
    };
    if (isClear) {
      if (!el.getAttribute('s') && children(el).length === 0) removeNode(el);
      return;
    }
    if ('text' in input) {
      const enc = encodeCellText(input.text);
      if (enc.hadForbidden) ctx.onForbidden(cellAddress(r, c));
      el.setAttribute('t', 's');
      add('v', String(ctx.strings.add(enc.text)));
    } else if ('number' in input) {
      add('v', String(input.number));
    } else if ('bool' in input) {
      el.setAttribute('t', 'b');
      add('v', input.bool ? '1' : '0');
    } else if ('formula' in input) {
      ctx.onFormula();
      add('f', stripForbidden(addFutureFunctionPrefixes(input.formula.replace(/^=/, ''))));
      const result = (input as { result?: number | string | boolean }).result;
      if (typeof result === 'number' && Number.isFinite(result)) add('v', String(result));
      else if (typeof result === 'boolean') {
        el.setAttribute('t', 'b');
        add('v', result ? '1' : '0');
      } else if (typeof result === 'string') {
        el.setAttribute('t', 'str');
        add('v', stripForbidden(result));
      }
    }
  }

  /** The cell's format index (0 when it has none). */
  private styleIndex(el: Element): number {
    return Number(el.getAttribute('s') ?? 0) || 0;
  }

  setStyle(rect: Rect, style: CellStyle, styles: StylesEditor): void {
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const el = this.cell(r, c, true)!;
        const next = styles.restyle(this.styleIndex(el), style);
        if (String(next) !== (el.getAttribute('s') ?? '0')) {
          if (next === 0) el.removeAttribute('s');
          else el.setAttribute('s', String(next));
          this.changed = true;
        } else if (!el.getAttribute('s') && children(el).length === 0 && el.attributes.length === 1) {
          // a cell created only to style it, and the style is the default: leave no trace
          removeNode(el);
        }
      }
    }
  }

  // ---- data validations ----

  /** Puts `rule` on `rect`; other validations keep the cells outside `rect` (also Excel 2010's x14 ones). */
  setValidation(rect: Rect, rule: ValidationRule): void {
    this.changed = true;
    const trim = (sqref: string): string | null => {
      const parts = sqref.split(/\s+/).filter(Boolean);
      let touched = false;
      const kept: string[] = [];
      for (const p of parts) {
        let r: Rect;
        try {
          r = rectOf(fullAddress(p));
        } catch {
          kept.push(p);
          continue;
        }
        if (!overlaps(r, rect)) kept.push(p);
        else {
          touched = true;
          for (const piece of subtract(r, rect)) kept.push(rectAddress(piece));
        }
      }
      return touched ? kept.join(' ') : null;
    };
    const dvs = child(this.root, 'dataValidations');
    if (dvs) {
      for (const dv of children(dvs, 'dataValidation')) {
        const next = trim(dv.getAttribute('sqref') ?? '');
        if (next === null) continue;
        if (next === '') removeNode(dv);
        else dv.setAttribute('sqref', next);
      }
    }
    const extLst = child(this.root, 'extLst');
    for (const ext of extLst ? children(extLst, 'ext') : []) {
      const x14 = child(ext, 'dataValidations');
      if (!x14) continue;
      for (const dv of children(x14, 'dataValidation')) {
        const sq = child(dv, 'sqref');
        if (!sq) continue;
        const next = trim(sq.textContent ?? '');
        if (next === null) continue;
        if (next === '') removeNode(dv);
        else setText(sq, next);
      }
      const left = children(x14, 'dataValidation').length;
      x14.setAttribute('count', String(left));
      if (!left) removeNode(ext);
    }
    if (extLst && children(extLst).length === 0) removeNode(extLst);

    const target = ensureChild(this.root, 'dataValidations', WORKSHEET_ORDER);
    const x = toExcelValidation(rule);
    const dv = createLike(this.root, 'dataValidation', { type: x.type });
    if (x.operator && x.operator !== 'between') dv.setAttribute('operator', x.operator);
    if (x.errorStyle && x.errorStyle !== 'stop') dv.setAttribute('errorStyle', x.errorStyle);
    if (x.allowBlank) dv.setAttribute('allowBlank', '1');
    if (x.showInputMessage) dv.setAttribute('showInputMessage', '1');
    if (x.showErrorMessage) dv.setAttribute('showErrorMessage', '1');
    if (x.errorTitle) dv.setAttribute('errorTitle', stripForbidden(x.errorTitle));
    if (x.error) dv.setAttribute('error', stripForbidden(x.error));
    if (x.prompt) dv.setAttribute('prompt', stripForbidden(x.prompt));
    dv.setAttribute('sqref', rectAddress(rect));
    (x.formulae ?? []).forEach((f, i) => {
      const el = createLike(this.root, `formula${i + 1}`);
      el.appendChild(this.doc.createTextNode(stripForbidden(String(f))));
      dv.appendChild(el);
    });
    target.appendChild(dv);
    target.setAttribute('count', String(children(target, 'dataValidation').length));
  }

  /** Removes an empty <dataValidations> (the schema wants at least one). */
  private tidyValidations(): void {
    const dvs = child(this.root, 'dataValidations');
    if (dvs && children(dvs, 'dataValidation').length === 0) removeNode(dvs);
  }

  // ---- columns and panes ----

  setColumnWidth(column: number, width: number): void {
    this.changed = true;
    const cols = ensureChild(this.root, 'cols', WORKSHEET_ORDER);
    let before: Element | null = null;
    for (const col of children(cols, 'col')) {
      const min = Number(col.getAttribute('min'));
      const max = Number(col.getAttribute('max'));
      if (max < column) continue;
      if (min > column) {
        before = col;
        break;
      }
      // split min..max into min..column-1, column, column+1..max
      if (min < column) {
        const left = col.cloneNode(true) as Element;
        left.setAttribute('max', String(column - 1));
        cols.insertBefore(left, col);
      }
      if (max > column) {
        const right = col.cloneNode(true) as Element;
        right.setAttribute('min', String(column + 1));
        cols.insertBefore(right, col.nextSibling);
      }
      col.setAttribute('min', String(column));
      col.setAttribute('max', String(column));
      col.setAttribute('width', String(width));
      col.setAttribute('customWidth', '1');
      return;
    }
    cols.insertBefore(createLike(this.root, 'col', { min: String(column), max: String(column), width: String(width), customWidth: '1' }), before);
  }

  freeze(rows: number, columns: number): void {
    this.changed = true;
    const views = ensureChild(this.root, 'sheetViews', WORKSHEET_ORDER);
    const view = child(views, 'sheetView') ?? (views.appendChild(createLike(this.root, 'sheetView', { workbookViewId: '0' })) as Element);
    const pane = child(view, 'pane');
    if (pane) removeNode(pane);
    for (const sel of children(view, 'selection')) if (sel.getAttribute('pane') || rows || columns) removeNode(sel);
    if (!rows && !columns) return;
    const topLeft = cellAddress(rows + 1, columns + 1);
    const active = rows && columns ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
    const p = createLike(this.root, 'pane', { topLeftCell: topLeft, activePane: active, state: 'frozen' });
    if (columns) p.setAttribute('xSplit', String(columns));
    if (rows) p.setAttribute('ySplit', String(rows));
    insertInOrder(view, p, SHEETVIEW_ORDER);
    insertInOrder(view, createLike(this.root, 'selection', { pane: active, activeCell: topLeft, sqref: topLeft }), SHEETVIEW_ORDER);
  }

  /** Brings <dimension> up to date with the cells; call once after the edits. */
  finish(): void {
    if (!this.changed) return;
    this.tidyValidations();
    let top = Infinity;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    for (const [r, row] of this.rows) {
      const cells = children(row, 'c');
      if (!cells.length) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, cellColumn(cells[0].getAttribute('r')!));
      right = Math.max(right, cellColumn(cells[cells.length - 1].getAttribute('r')!));
    }
    const ref = bottom ? (top === bottom && left === right ? cellAddress(top, left) : `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`) : 'A1';
    ensureChild(this.root, 'dimension', WORKSHEET_ORDER).setAttribute('ref', ref);
  }
}

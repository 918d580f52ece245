/**
 * One worksheet part (xl/worksheets/sheetN.xml, ECMA-376 Part 1, 18.3) edited in place:
 * cells, cell formats, data validations, column widths and frozen panes.
 *
 * A large sheet is mostly <sheetData> rows, so the part is held in two pieces:
 * - the rows stay text. One streaming pass (saxes) notes where each <row> starts and
 *   ends, its number, its first and last column and the rows of each shared formula; a
 *   row is read into a small model only when an edit touches it, and within it only the
 *   cells written are rebuilt. Every other row, and every other cell of a touched row,
 *   is written back with its original bytes.
 * - everything around <sheetData> (dimension, views, columns, validations, conditional
 *   formats, merges, protection, print setup, drawings, extensions …) is a small DOM,
 *   `root`, that edits change in place; it is serialised only when something in it changed.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { cellAddress, columnLetter } from '../../../core/a1';
import { sameSheet, shiftColumn, shiftFormula, shiftRange, type ColumnShift } from '../../../core/columnShift';
import type { CellInput, CellStyle, ValidationRule } from '../../../core/snapshot';
import { overlaps, rectAddress, rectOf, subtract, type Rect } from '../../rectangles';
import { fullAddress } from '../largeValidations';
import { encodeCellText, stripForbidden } from '../ooxmlText';
import { toExcelValidation } from '../validations';
import { shiftSheetSkeleton } from './columns';
import { storedFormula } from './sharedFormulas';
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
  parseXml,
  removeNode,
  serializeXml,
  setText,
} from './xml';
import { escapeText, getAttr, localName, readElement, removeAttr, setAttr, startTag, type Attrs } from './xmlText';

// a CommonJS helper of ExcelJS's own: moves a shared formula's relative references
// (tests/workbook/xlsx/exceljsInternals.test.ts fails when it changes)
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module with no type declarations or ESM entry
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula: (formula: string, from: string, to: string) => string };

/** Where text goes: the package's shared-string table. */
interface StringTable {
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

/** The column number of a cell reference ("AB12" → 28); 0 when it has no letters. */
function cellColumn(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    n = n * 26 + (code - 96);
  }
  return n;
}

/** One cell of a row that an edit touched; `raw` is its source text until it is rebuilt. */
interface CellModel {
  col: number;
  qname: string;
  /** Attributes and children, read from `raw` once the cell is edited (then `raw` is stale). */
  attrs?: Attrs;
  raw: string;
  children?: { local: string; attrs: Attrs; raw: string }[];
}

/** A cell read for editing. */
type ParsedCell = CellModel & Required<Pick<CellModel, 'attrs' | 'children'>>;

/** A row an edit touched, read from its text. */
interface RowModel {
  qname: string;
  attrs: Attrs;
  cells: CellModel[];
  /** Children other than cells (an extLst), written after the cells. */
  others: string[];
}

/** Where a row's text is in the part; `model` once an edit touched it. */
interface RowSlot {
  r: number;
  /**
   * The row's text once an edit rewrote it (`compactRows`): the positions below are in
   * it; else they are in the part as read.
   */
  source?: string;
  start: number;
  /** End of the row's start tag (= end for an empty row). */
  openEnd: number;
  end: number;
  minCol: number;
  maxCol: number;
  /** Per child element: start, end and column (0 for a child that is not a cell). */
  kids: number[];
  model?: RowModel;
}

/** A formula element's start tag in a cell's text (any prefix). */
const FORMULA_TAG = /<(?:[A-Za-z_][\w.-]*:)?f[\s>/]/;

/** Rows read into a model between two `compactRows` (a few MB of models at most). */
const COMPACT_EVERY = 500;

/** Marks where the rows go in the serialised skeleton. */
const ROWS_MARK = 'koppelkansen-rows';

export class SheetEditor {
  /** The worksheet element of the skeleton (the part without its rows). */
  readonly root: Element;
  readonly doc: Document;
  private readonly rows = new Map<number, RowSlot>();
  /** Rows read into a model since the last `compactRows`. */
  private readonly touched = new Set<RowSlot>();
  private rowNumbers: number[] = [];
  /** si of a shared formula → the rows holding a cell of it. */
  private readonly shared = new Map<string, Set<number>>();
  /** Prefix of the spreadsheetml elements in this part ("" or "x:"). */
  private prefix = '';
  private readonly text: string;
  private readonly sheetDataStart: number;
  private readonly sheetDataEnd: number;
  private readonly sheetDataOpen: string;
  private readonly sheetDataClose: string;
  /** Something outside the rows changed: the skeleton must be serialised. */
  changed = false;
  /** A row changed. */
  rowsChanged = false;
  /** Cell values or formulas changed (the calculation chain is then stale). */
  cellsChanged = false;

  /** `text`: the part as read. Throws on malformed XML. */
  constructor(text: string) {
    let found = this.scan(text);
    if (!found) {
      // CT_Worksheet requires <sheetData>; add it to a part that lacks it, then read again
      const doc = parseXml(text);
      ensureChild(doc.documentElement!, 'sheetData', WORKSHEET_ORDER);
      text = serializeXml(doc);
      this.rows.clear();
      this.touched.clear();
      this.shared.clear();
      found = this.scan(text)!;
    }
    this.text = text;
    this.sheetDataStart = found.start;
    this.sheetDataEnd = found.end;
    if (found.selfClosing) {
      this.sheetDataOpen = startTag(found.qname, found.attrs);
      this.sheetDataClose = `</${found.qname}>`;
    } else {
      this.sheetDataOpen = text.slice(found.start, found.openEnd);
      this.sheetDataClose = text.slice(found.closeStart, found.end);
    }
    this.doc = parseXml(text.slice(0, found.start) + this.sheetDataOpen + `<!--${ROWS_MARK}-->` + this.sheetDataClose + text.slice(found.end));
    this.root = this.doc.documentElement!;
    this.rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
  }

  /** One streaming pass over the part: where <sheetData> and its rows are; undefined when it has no <sheetData>. */
  private scan(
    text: string,
  ): { qname: string; attrs: Attrs; start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean } | undefined {
    const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
    let depth = 0;
    let inSheetData = false;
    let sd: ReturnType<SheetEditor['scan']>;
    let slot: RowSlot | undefined;
    let implicitRow = 0;
    let col = 0;
    let needsNumbers = false;
    parser.on('opentag', (tag: SaxesTagPlain) => {
      depth++;
      if (depth === 2) {
        if (localName(tag.name) === 'sheetData' && !sd) {
          const start = text.lastIndexOf('<', parser.position - 1);
          sd = {
            qname: tag.name,
            attrs: Object.entries<string>(tag.attributes),
            start,
            openEnd: parser.position,
            closeStart: parser.position,
            end: parser.position,
            selfClosing: tag.isSelfClosing,
          };
          inSheetData = true;
          this.prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':') + 1) : '';
        }
      } else if (!inSheetData) {
        return;
      } else if (depth === 3) {
        if (localName(tag.name) !== 'row') return;
        const rAttr = tag.attributes.r;
        const r = rAttr ? Number(rAttr) || implicitRow + 1 : implicitRow + 1;
        if (!rAttr) needsNumbers = true;
        implicitRow = r;
        col = 0;
        slot = { r, start: text.lastIndexOf('<', parser.position - 1), openEnd: parser.position, end: parser.position, minCol: 0, maxCol: 0, kids: [] };
      } else if (depth === 4 && slot) {
        slot.kids.push(text.lastIndexOf('<', parser.position - 1), 0, 0);
        if (localName(tag.name) !== 'c') return;
        const ref = tag.attributes.r;
        if (ref) col = cellColumn(ref);
        else {
          col += 1;
          needsNumbers = true;
        }
        slot.kids[slot.kids.length - 1] = ref ? col : -col;
        if (!slot.minCol || col < slot.minCol) slot.minCol = col;
        if (col > slot.maxCol) slot.maxCol = col;
      } else if (depth === 5 && slot && localName(tag.name) === 'f' && tag.attributes.t === 'shared' && tag.attributes.si !== undefined) {
        const si = tag.attributes.si;
        if (!this.shared.has(si)) this.shared.set(si, new Set());
        this.shared.get(si)!.add(slot.r);
      }
    });
    parser.on('closetag', () => {
      if (inSheetData) {
        if (depth === 4 && slot) {
          slot.kids[slot.kids.length - 2] = parser.position;
        } else if (depth === 3 && slot) {
          slot.end = parser.position;
          this.rows.set(slot.r, slot);
          // rows (or cells) without their number get it when read, so untouched rows stay in order
          if (needsNumbers) this.materialize(slot, text);
          needsNumbers = false;
          slot = undefined;
        } else if (depth === 2 && sd) {
          sd.closeStart = sd.selfClosing ? parser.position : text.lastIndexOf('<', parser.position - 1);
          sd.end = parser.position;
          inSheetData = false;
        }
      }
      depth--;
    });
    parser.on('error', (e) => {
      throw new Error(`malformed XML part: ${e.message}`);
    });
    parser.write(text).close();
    return sd;
  }

  // ---- rows and cells ----

  /** Reads a row's text into a model (numbering rows and cells that had no number). */
  private materialize(slot: RowSlot, text = slot.source ?? this.text): RowModel {
    if (slot.model) return slot.model;
    this.touched.add(slot);
    // the start tag alone is read; the cells are sliced where the scan found them
    const selfClosing = slot.openEnd === slot.end && text.charCodeAt(slot.end - 2) === 47; // "/>"
    const head = readElement(selfClosing ? text.slice(slot.start, slot.end) : `${text.slice(slot.start, slot.openEnd)}</${this.prefix}row>`);
    const model: RowModel = { qname: head.qname, attrs: head.attrs, cells: [], others: [] };
    setAttr(model.attrs, 'r', String(slot.r));
    const { kids } = slot;
    for (let i = 0; i < kids.length; i += 3) {
      const raw = text.slice(kids[i], kids[i + 1]);
      const col = Math.abs(kids[i + 2]);
      if (!col) {
        model.others.push(raw);
        continue;
      }
      const cell: CellModel = { col, qname: `${this.prefix}c`, raw };
      if (kids[i + 2] < 0) {
        // a cell without its reference gets one
        this.parseCell(cell);
        setAttr(cell.attrs!, 'r', cellAddress(slot.r, col));
      }
      model.cells.push(cell);
    }
    slot.model = model;
    return model;
  }

  /** The cell's children, read once it is edited. */
  private parseCell(cell: CellModel): ParsedCell {
    if (!cell.children || !cell.attrs) {
      const el = readElement(cell.raw);
      cell.qname = el.qname;
      cell.attrs = el.attrs;
      cell.children = el.children;
    }
    return cell as ParsedCell;
  }

  private row(r: number, create: boolean): RowModel | undefined {
    const found = this.rows.get(r);
    if (found) return this.materialize(found);
    if (!create) return undefined;
    const model: RowModel = { qname: `${this.prefix}row`, attrs: [['r', String(r)]], cells: [], others: [] };
    // the first row number above r, binary search
    let lo = 0;
    let hi = this.rowNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowNumbers[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    this.rowNumbers.splice(lo, 0, r);
    const slot: RowSlot = { r, start: 0, openEnd: 0, end: 0, minCol: 0, maxCol: 0, kids: [], model };
    this.rows.set(r, slot);
    this.touched.add(slot);
    this.rowsChanged = true;
    return model;
  }

  private cell(r: number, c: number, create: boolean): ParsedCell | undefined {
    const row = this.row(r, create);
    if (!row) return undefined;
    let at = row.cells.length;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      if (cell.col === c) return this.parseCell(cell);
      if (cell.col > c) {
        at = i;
        break;
      }
    }
    if (!create) return undefined;
    const cell: ParsedCell = { col: c, qname: `${this.prefix}c`, attrs: [['r', cellAddress(r, c)]], raw: '', children: [] };
    const style = this.inheritedStyle(row, c);
    if (style) cell.attrs.push(['s', style]);
    row.cells.splice(at, 0, cell);
    const spans = getAttr(row.attrs, 'spans');
    if (spans) {
      const [a, b] = spans.split(':').map(Number);
      if (c < a || c > b) setAttr(row.attrs, 'spans', `${Math.min(a, c)}:${Math.max(b, c)}`);
    }
    this.rowsChanged = true;
    return cell;
  }

  private removeCell(r: number, cell: CellModel): void {
    const row = this.rows.get(r)?.model;
    if (!row) return;
    const i = row.cells.indexOf(cell);
    if (i >= 0) row.cells.splice(i, 1);
  }

  /** A new cell takes its row's format (when the row has one) or else its column's, as in Excel. */
  private inheritedStyle(row: RowModel, c: number): string | null {
    const custom = getAttr(row.attrs, 'customFormat');
    const s = getAttr(row.attrs, 's');
    if ((custom === '1' || custom === 'true') && s) return s;
    const cols = child(this.root, 'cols');
    if (!cols) return null;
    for (const col of children(cols, 'col')) {
      if (Number(col.getAttribute('min')) <= c && c <= Number(col.getAttribute('max'))) return col.getAttribute('style');
    }
    return null;
  }

  /** A shared formula whose anchor cell is about to change: every cell of the group gets its own formula. */
  private unshare(master: ParsedCell, f: { attrs: Attrs; raw: string }): void {
    const si = getAttr(f.attrs, 'si');
    const text = readElement(f.raw).text;
    const from = getAttr(master.attrs, 'r')!;
    for (const rr of this.shared.get(si ?? '') ?? []) {
      const row = this.row(rr, false);
      if (!row) continue;
      for (const c of row.cells) {
        if (c === master) continue;
        const parsed = this.parseCell(c);
        const kids = parsed.children;
        const i = kids.findIndex((k) => k.local === 'f' && getAttr(k.attrs, 't') === 'shared' && getAttr(k.attrs, 'si') === si);
        if (i < 0) continue;
        const g = readElement(kids[i].raw);
        const attrs = g.attrs.filter(([k]) => k !== 't' && k !== 'si' && k !== 'ref');
        kids[i] = { local: 'f', attrs, raw: `${startTag(g.qname, attrs)}${escapeText(slideFormula(text, from, getAttr(parsed.attrs, 'r')!))}</${g.qname}>` };
      }
    }
  }

  /** A shared-formula index (`si`) no formula of this part uses yet. */
  newSharedIndex(): string {
    let next = 0;
    for (const si of this.shared.keys()) if (/^\d+$/.test(si)) next = Math.max(next, Number(si) + 1);
    const si = String(next);
    this.shared.set(si, new Set());
    return si;
  }

  /**
   * Writes one plan input into the cell at row r, column c; the cell keeps its format.
   * `shared` (formulas only): the cell is part of shared formula `si`, as its first cell
   * (`ref`: the range the group covers; the formula text is written here) or as one
   * below it (no text: Excel slides the first cell's formula; see sharedFormulas.ts).
   */
  writeCell(r: number, c: number, input: CellInput, ctx: CellWriteContext, shared?: { si: string; ref?: string }): void {
    this.writeCellNow(r, c, input, ctx, shared);
    this.compactRowsEvery();
  }

  private writeCellNow(r: number, c: number, input: CellInput, ctx: CellWriteContext, shared?: { si: string; ref?: string }): void {
    const isClear = 'clear' in input || ('text' in input && input.text === '');
    const cell = this.cell(r, c, !isClear);
    if (!cell) return;
    this.rowsChanged = true;
    this.cellsChanged = true;
    let kids = cell.children;
    const oldF = kids.find((k) => k.local === 'f');
    if (oldF && getAttr(oldF.attrs, 't') === 'shared' && getAttr(oldF.attrs, 'ref') && readElement(oldF.raw).text !== '') this.unshare(cell, oldF);
    kids = cell.children = kids.filter((k) => k.local !== 'f' && k.local !== 'v' && k.local !== 'is');
    for (const a of ['t', 'cm', 'vm']) removeAttr(cell.attrs, a);
    const add = (name: string, text: string) => {
      const rank = CELL_ORDER.indexOf(name as (typeof CELL_ORDER)[number]);
      let at = kids.findIndex((k) => CELL_ORDER.indexOf(k.local as (typeof CELL_ORDER)[number]) > rank);
      if (at < 0) at = kids.length;
      const q = `${this.prefix}${name}`;
      kids.splice(at, 0, { local: name, attrs: [], raw: `<${q}>${escapeText(text)}</${q}>` });
    };
    if (isClear) {
      if (!getAttr(cell.attrs, 's') && kids.length === 0) this.removeCell(r, cell);
      else compactCell(cell);
      return;
    }
    if ('text' in input) {
      const enc = encodeCellText(input.text);
      if (enc.hadForbidden) ctx.onForbidden(cellAddress(r, c));
      setAttr(cell.attrs, 't', 's');
      add('v', String(ctx.strings.add(enc.text)));
    } else if ('number' in input) {
      add('v', String(input.number));
    } else if ('bool' in input) {
      setAttr(cell.attrs, 't', 'b');
      add('v', input.bool ? '1' : '0');
    } else if ('formula' in input) {
      ctx.onFormula();
      if (shared) {
        const q = `${this.prefix}f`;
        const attrs: Attrs = [['t', 'shared'], ...(shared.ref ? ([['ref', shared.ref]] as Attrs) : []), ['si', shared.si]];
        const rank = CELL_ORDER.indexOf('f');
        let at = kids.findIndex((k) => CELL_ORDER.indexOf(k.local as (typeof CELL_ORDER)[number]) > rank);
        if (at < 0) at = kids.length;
        const raw = shared.ref ? `${startTag(q, attrs)}${escapeText(storedFormula(input.formula))}</${q}>` : startTag(q, attrs, true);
        kids.splice(at, 0, { local: 'f', attrs, raw });
        const rows = this.shared.get(shared.si);
        if (rows) rows.add(r);
        else this.shared.set(shared.si, new Set([r]));
      } else add('f', storedFormula(input.formula));
      const result = (input as { result?: number | string | boolean }).result;
      if (typeof result === 'number' && Number.isFinite(result)) add('v', String(result));
      else if (typeof result === 'boolean') {
        setAttr(cell.attrs, 't', 'b');
        add('v', result ? '1' : '0');
      } else if (typeof result === 'string') {
        setAttr(cell.attrs, 't', 'str');
        add('v', stripForbidden(result));
      }
    }
    compactCell(cell);
  }

  setStyle(rect: Rect, style: CellStyle, styles: StylesEditor): void {
    for (let r = rect.top; r <= rect.bottom; r++) {
      this.compactRowsEvery();
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = this.cell(r, c, true)!;
        const current = getAttr(cell.attrs, 's');
        const next = styles.restyle(Number(current ?? 0) || 0, style);
        if (String(next) !== (current ?? '0')) {
          if (next === 0) removeAttr(cell.attrs, 's');
          else setAttr(cell.attrs, 's', String(next));
          this.rowsChanged = true;
        } else if (!current && cell.children.length === 0 && cell.attrs.length === 1) {
          // a cell created only to style it, and the style is the default: leave no trace
          this.removeCell(r, cell);
        }
      }
    }
  }

  // ---- whole columns ----

  /**
   * This sheet (called `name`) after a whole-column insert or delete on sheet `shift.sheet`
   * (src/core/columnShift.ts): on the changed sheet its cells move (cells in deleted
   * columns go), with its ranges (columns.ts: `shiftSheetSkeleton`); on every sheet the
   * formulas follow. A shared formula stays shared when every cell of it still gets its
   * own formula from the moved anchor (a group in one column always does); otherwise each
   * of its cells gets its own formula. Array formulas keep their range, moved.
   */
  shiftColumns(name: string, shift: ColumnShift): void {
    const target = sameSheet(name, shift.sheet);
    const moveTo = (col: number): number | null => (target ? shiftColumn(col, shift) : col);
    if (shiftSheetSkeleton(this.root, name, shift)) this.changed = true;
    /** Cells whose formula is already moved (shared groups). */
    const done = new Set<CellModel>();
    /** Rows read here only to look at them: written back as read unless they change. */
    const looked = new Set<RowSlot>();
    const changedRows = new Set<RowSlot>();
    const rowOf = (r: number): RowModel | undefined => {
      const slot = this.rows.get(r);
      if (!slot) return undefined;
      if (!slot.model) looked.add(slot);
      return this.materialize(slot);
    };
    /** The cell as elements; `commit` stores them in the cell (its text is then rebuilt). */
    const elementsOf = (cell: CellModel) =>
      cell.children && cell.attrs ? { qname: cell.qname, attrs: cell.attrs, children: cell.children } : readElement(cell.raw);
    const commit = (cell: CellModel, el: ReturnType<typeof elementsOf>) => {
      cell.qname = el.qname;
      cell.attrs = el.attrs;
      cell.children = el.children;
    };
    const hasFormula = (cell: CellModel) => (cell.children ? cell.children.some((k) => k.local === 'f') : FORMULA_TAG.test(cell.raw));

    // shared formulas, group by group
    type Member = { cell: CellModel; el: ReturnType<typeof elementsOf>; f: number; r: number };
    const groups = new Map<string, { master?: Member; members: Member[] }>();
    for (const [si, rowSet] of this.shared) {
      for (const r of rowSet) {
        for (const cell of rowOf(r)?.cells ?? []) {
          if (!hasFormula(cell)) continue;
          const el = elementsOf(cell);
          const f = el.children.findIndex((k) => k.local === 'f' && getAttr(k.attrs, 't') === 'shared' && getAttr(k.attrs, 'si') === si);
          if (f < 0) continue;
          let g = groups.get(si);
          if (!g) groups.set(si, (g = { members: [] }));
          const member = { cell, el, f, r };
          g.members.push(member);
          if (getAttr(el.children[f].attrs, 'ref') && readElement(el.children[f].raw).text !== '') g.master = member;
        }
      }
    }
    for (const [, g] of groups) {
      const master = g.master;
      if (!master) continue; // cells without their anchor: nothing Excel could read either
      const fEl = readElement(master.el.children[master.f].raw);
      const text = fEl.text;
      const from = cellAddress(master.r, master.cell.col);
      const shifted = shiftFormula(text, name, shift);
      const masterTo = moveTo(master.cell.col);
      const members = g.members.map((m) => {
        const before = m === master ? text : slideFormula(text, from, cellAddress(m.r, m.cell.col));
        return { ...m, to: moveTo(m.cell.col), before, own: shiftFormula(before, name, shift) };
      });
      if (members.every((m) => m.to === m.cell.col && m.own === m.before)) continue;
      for (const m of members) changedRows.add(this.rows.get(m.r)!);
      const keep =
        masterTo !== null && members.every((m) => m.to === null || slideFormula(shifted, cellAddress(master.r, masterTo), cellAddress(m.r, m.to)) === m.own);
      if (keep) {
        const attrs = fEl.attrs.map(([k, v]): [string, string] => [k, k === 'ref' && target ? (shiftRange(v, shift) ?? v) : v]);
        master.el.children[master.f] = { local: 'f', attrs, raw: `${startTag(fEl.qname, attrs)}${escapeText(shifted)}</${fEl.qname}>` };
        commit(master.cell, master.el);
        done.add(master.cell);
        continue;
      }
      // each cell its own formula
      for (const m of members) {
        if (m.to === null) continue;
        const g2 = readElement(m.el.children[m.f].raw);
        const attrs = g2.attrs.filter(([k]) => k !== 't' && k !== 'si' && k !== 'ref');
        m.el.children[m.f] = { local: 'f', attrs, raw: `${startTag(g2.qname, attrs)}${escapeText(m.own)}</${g2.qname}>` };
        commit(m.cell, m.el);
        done.add(m.cell);
      }
    }

    // every other formula, and the cells of the changed sheet
    for (const r of this.rowNumbers) {
      const slot = this.rows.get(r)!;
      const moves = target && (slot.model ? slot.model.cells.some((c) => c.col >= shift.at) : slot.maxCol >= shift.at);
      if (!slot.model && !moves && !FORMULA_TAG.test((slot.source ?? this.text).slice(slot.openEnd, slot.end))) continue;
      const model = rowOf(r)!;
      let rowChanged = changedRows.has(slot);
      const kept: CellModel[] = [];
      for (const cell of model.cells) {
        const to = moveTo(cell.col);
        if (to === null) {
          rowChanged = true;
          continue;
        }
        if (!done.has(cell) && hasFormula(cell)) {
          const el = elementsOf(cell);
          const i = el.children.findIndex((k) => k.local === 'f');
          const f = i >= 0 ? readElement(el.children[i].raw) : null;
          const kind = f ? getAttr(f.attrs, 't') : undefined;
          if (f && kind !== 'shared' && kind !== 'dataTable') {
            const next = shiftFormula(f.text, name, shift);
            const ref = getAttr(f.attrs, 'ref');
            const nextRef = ref && target ? (shiftRange(ref, shift) ?? ref) : ref;
            if (next !== f.text || nextRef !== ref) {
              if (nextRef && nextRef !== ref) setAttr(f.attrs, 'ref', nextRef);
              el.children[i] = { local: 'f', attrs: f.attrs, raw: `${startTag(f.qname, f.attrs)}${escapeText(next)}</${f.qname}>` };
              commit(cell, el);
              rowChanged = true;
            }
          }
        }
        if (to !== cell.col) {
          const address = cellAddress(r, to);
          if (cell.attrs) setAttr(cell.attrs, 'r', address);
          else cell.raw = cell.raw.replace(/^(<[^>]*?\sr=")[^"]*"/, `$1${address}"`);
          cell.col = to;
          rowChanged = true;
        }
        kept.push(cell);
      }
      if (!rowChanged) continue;
      changedRows.add(slot);
      model.cells = kept;
      const spans = getAttr(model.attrs, 'spans');
      if (spans !== undefined) {
        if (kept.length) setAttr(model.attrs, 'spans', `${kept[0].col}:${kept[kept.length - 1].col}`);
        else removeAttr(model.attrs, 'spans');
      }
    }
    for (const slot of looked) if (!changedRows.has(slot)) slot.model = undefined;
    if (changedRows.size || target) {
      this.rowsChanged = true;
      this.cellsChanged = true;
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

  /** Sets row `r`'s own height in points (row@ht with customHeight="1"), creating the row when absent. */
  setRowHeight(r: number, height: number): void {
    const model = this.row(r, true)!;
    setAttr(model.attrs, 'ht', String(height));
    setAttr(model.attrs, 'customHeight', '1');
    this.rowsChanged = true;
    this.compactRowsEvery();
  }

  /** `compactRows` once `COMPACT_EVERY` rows were read into a model since the last time. */
  private compactRowsEvery(): void {
    if (this.touched.size >= COMPACT_EVERY) this.compactRows();
  }

  /**
   * Keeps every row read into a model since the last call as its text again (read again
   * if a later edit touches it): a model of a row of 22 cells costs about 2.5 KB, its text
   * a quarter of that, and a plan touches every row of the werkblad. Called between edits
   * only (no cell or row model is held then); the text is what serialising the model gives.
   */
  compactRows(): void {
    for (const slot of this.touched) {
      const model = slot.model;
      if (!model) continue;
      const kids: number[] = [];
      let text: string;
      let openEnd: number;
      if (!model.cells.length && !model.others.length) {
        text = startTag(model.qname, model.attrs, true);
        openEnd = text.length;
      } else {
        text = startTag(model.qname, model.attrs);
        openEnd = text.length;
        for (const cell of model.cells) {
          const t = cellText(cell);
          kids.push(text.length, text.length + t.length, cell.col);
          text += t;
        }
        for (const o of model.others) {
          kids.push(text.length, text.length + o.length, 0);
          text += o;
        }
        text += `</${model.qname}>`;
      }
      // a flat string, not the tree of pieces it was concatenated from
      text.charCodeAt(0);
      slot.source = text;
      slot.start = 0;
      slot.openEnd = openEnd;
      slot.end = text.length;
      slot.kids = kids;
      slot.minCol = model.cells.length ? model.cells[0].col : 0;
      slot.maxCol = model.cells.length ? model.cells[model.cells.length - 1].col : 0;
      slot.model = undefined;
    }
    this.touched.clear();
  }

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

  /**
   * Sets orientation and fit-to-width scaling where the sheet has none of its own (an
   * existing orientation attribute or fitToPage flag, the team's, is kept). `fitToWidth`:
   * pages wide; the height is left free (fitToHeight="0"). OOXML: CT_SheetPr/pageSetUpPr
   * (sheetPr's children: tabColor, outlinePr, pageSetUpPr) and CT_PageSetup.
   */
  setPageSetup(orientation: 'portrait' | 'landscape' | undefined, fitToWidth: number | undefined): void {
    let setup = child(this.root, 'pageSetup');
    const ensureSetup = () => {
      if (!setup) {
        // pageMargins precedes pageSetup and Excel always writes it; add Excel's "Normal" margins when absent
        if (!child(this.root, 'pageMargins')) {
          insertInOrder(
            this.root,
            createLike(this.root, 'pageMargins', { left: '0.7', right: '0.7', top: '0.75', bottom: '0.75', header: '0.3', footer: '0.3' }),
            WORKSHEET_ORDER,
          );
        }
        setup = insertInOrder(this.root, createLike(this.root, 'pageSetup'), WORKSHEET_ORDER);
      }
      return setup;
    };
    if (orientation && !setup?.hasAttribute('orientation')) {
      ensureSetup().setAttribute('orientation', orientation);
      this.changed = true;
    }
    if (fitToWidth !== undefined) {
      const sheetPr = ensureChild(this.root, 'sheetPr', WORKSHEET_ORDER);
      let pr = child(sheetPr, 'pageSetUpPr');
      if (!pr?.hasAttribute('fitToPage')) {
        if (!pr) pr = insertInOrder(sheetPr, createLike(this.root, 'pageSetUpPr'), ['tabColor', 'outlinePr', 'pageSetUpPr']);
        pr.setAttribute('fitToPage', '1');
        const ps = ensureSetup();
        ps.setAttribute('fitToWidth', String(fitToWidth));
        ps.setAttribute('fitToHeight', '0');
        this.changed = true;
      }
    }
  }

  /** Brings <dimension> up to date with the cells; call once after the edits. */
  finish(): void {
    if (!this.changed && !this.rowsChanged) return;
    this.tidyValidations();
    if (!this.rowsChanged) return;
    let top = Infinity;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    for (const r of this.rowNumbers) {
      const slot = this.rows.get(r)!;
      let min = slot.minCol;
      let max = slot.maxCol;
      if (slot.model) {
        const cells = slot.model.cells;
        min = cells.length ? cells[0].col : 0;
        max = cells.length ? cells[cells.length - 1].col : 0;
      }
      if (!min) continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, min);
      right = Math.max(right, max);
    }
    const ref = bottom ? (top === bottom && left === right ? cellAddress(top, left) : `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`) : 'A1';
    const dim = ensureChild(this.root, 'dimension', WORKSHEET_ORDER);
    if (dim.getAttribute('ref') !== ref) {
      dim.setAttribute('ref', ref);
      this.changed = true;
    }
  }

  /** The rows as text: untouched rows keep their bytes. */
  private rowsText(): string {
    if (!this.rowsChanged) return this.text.slice(this.sheetDataStart + this.sheetDataOpen.length, this.sheetDataEnd - this.sheetDataClose.length);
    const out: string[] = [];
    for (const r of this.rowNumbers) {
      const slot = this.rows.get(r)!;
      out.push(slot.model ? rowText(slot.model) : (slot.source ?? this.text).slice(slot.start, slot.end));
    }
    return out.join('');
  }

  /** The part as text, after `finish()`. Unchanged parts come back as read. */
  serialize(): string {
    if (!this.changed && !this.rowsChanged) return this.text;
    if (!this.changed) {
      const rows = this.rowsText();
      const sheetData =
        rows === '' && this.text.slice(this.sheetDataStart, this.sheetDataEnd).endsWith('/>')
          ? this.text.slice(this.sheetDataStart, this.sheetDataEnd)
          : this.sheetDataOpen + rows + this.sheetDataClose;
      return this.text.slice(0, this.sheetDataStart) + sheetData + this.text.slice(this.sheetDataEnd);
    }
    const skeleton = serializeXml(this.doc);
    const mark = `<!--${ROWS_MARK}-->`;
    const at = skeleton.indexOf(mark);
    if (at < 0) throw new Error('the worksheet lost its rows');
    return skeleton.slice(0, at) + this.rowsText() + skeleton.slice(at + mark.length);
  }
}

/**
 * Keeps a written cell as its text only (read again if a later op touches it): the
 * attribute and child arrays of tens of thousands of written cells cost several times
 * their text (a plan writes about 57,000 cells at 10,000 rows).
 */
function compactCell(cell: CellModel): void {
  const text = cellText(cell);
  // a flat string, not the tree of pieces it was concatenated from
  text.charCodeAt(0);
  cell.raw = text;
  cell.attrs = undefined;
  cell.children = undefined;
}

function cellText(cell: CellModel): string {
  if (!cell.children || !cell.attrs) return cell.raw;
  if (!cell.children.length) return startTag(cell.qname, cell.attrs, true);
  let s = startTag(cell.qname, cell.attrs);
  for (const k of cell.children) s += k.raw;
  return `${s}</${cell.qname}>`;
}

function rowText(row: RowModel): string {
  if (!row.cells.length && !row.others.length) return startTag(row.qname, row.attrs, true);
  let s = startTag(row.qname, row.attrs);
  for (const c of row.cells) s += cellText(c);
  for (const o of row.others) s += o;
  return `${s}</${row.qname}>`;
}

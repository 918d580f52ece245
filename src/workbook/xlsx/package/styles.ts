/**
 * Cell formats in xl/styles.xml (ECMA-376 Part 1, 18.8): a plan's CellStyle laid over a
 * cell's existing format gives a new <xf> that differs only in what the style names.
 * Fonts, fills, borders, number formats and xfs are appended, or reused when an equal one
 * exists, so applying the same style twice adds nothing. Existing entries never change:
 * other cells that share them keep their look.
 */
import type { CellStyle } from '../../../core/snapshot';
import { normalizeColor } from '../../styles';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { FONT_ORDER, STYLESHEET_ORDER, XF_ORDER, child, children, createLike, ensureChild, insertInOrder, removeNode } from './xml';

const BORDER_COLOR = 'FFBFBFBF';

/** Excel's built-in number formats (18.8.30) that the engine may name. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  '@': 49,
};

const serializer = new XMLSerializer();
const xmlOf = (el: Element) => serializer.serializeToString(el);

function argb(color: string): string {
  return `FF${normalizeColor(color).replace('#', '')}`;
}

/** A pool of equal-by-XML entries (fonts, fills, borders, xfs) under one parent element. */
class Pool {
  private readonly index = new Map<string, number>();
  private items: Element[];
  /** An entry was appended: the part changed. */
  appended = false;

  constructor(private readonly parent: Element) {
    this.items = children(parent, undefined).filter((e) => e.localName !== 'extLst');
    this.items.forEach((e, i) => {
      const k = xmlOf(e);
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  get(i: number): Element | undefined {
    return this.items[i];
  }

  /** The index of an entry equal to `el`, appending it when there is none. */
  intern(el: Element): number {
    const k = xmlOf(el);
    const found = this.index.get(k);
    if (found !== undefined) return found;
    const ext = child(this.parent, 'extLst');
    this.parent.insertBefore(el, ext ?? null);
    this.items.push(el);
    this.appended = true;
    const i = this.items.length - 1;
    this.index.set(k, i);
    this.parent.setAttribute('count', String(this.items.length));
    return i;
  }
}

export class StylesEditor {
  private readonly root: Element;
  private fonts?: Pool;
  private fills?: Pool;
  private borders?: Pool;
  private xfs?: Pool;
  private readonly memo = new Map<string, number>();
  private numFmtAdded = false;

  /** Whether styles.xml needs writing. */
  get changed(): boolean {
    return this.numFmtAdded || [this.fonts, this.fills, this.borders, this.xfs].some((p) => p?.appended);
  }

  constructor(readonly doc: Document) {
    this.root = doc.documentElement!;
  }

  private pool(name: 'fonts' | 'fills' | 'borders' | 'cellXfs'): Pool {
    const parent = ensureChild(this.root, name, STYLESHEET_ORDER, { count: '0' });
    return new Pool(parent);
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const numFmts = ensureChild(this.root, 'numFmts', STYLESHEET_ORDER, { count: '0' });
    let max = 163;
    for (const f of children(numFmts, 'numFmt')) {
      const id = Number(f.getAttribute('numFmtId'));
      if (f.getAttribute('formatCode') === code) return id;
      if (id > max) max = id;
    }
    numFmts.appendChild(createLike(numFmts, 'numFmt', { numFmtId: String(max + 1), formatCode: code }));
    numFmts.setAttribute('count', String(children(numFmts, 'numFmt').length));
    this.numFmtAdded = true;
    return max + 1;
  }

  /** The xf index for a cell that had format `xfIndex` once `style` is laid over it. */
  restyle(xfIndex: number, style: CellStyle): number {
    const key = `${xfIndex}|${JSON.stringify(style)}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    this.xfs ??= this.pool('cellXfs');
    const base = this.xfs.get(xfIndex) ?? this.xfs.get(0);
    const xf = (base ? base.cloneNode(true) : createLike(this.root, 'xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' })) as Element;

    if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined || style.fontSize) {
      this.fonts ??= this.pool('fonts');
      const old = this.fonts.get(Number(xf.getAttribute('fontId') ?? 0));
      const font = (old ? old.cloneNode(true) : createLike(this.root, 'font')) as Element;
      const flag = (name: 'b' | 'i', on: boolean | undefined) => {
        if (on === undefined) return;
        const cur = child(font, name);
        if (cur) removeNode(cur);
        if (on) insertInOrder(font, createLike(font, name), FONT_ORDER);
      };
      flag('b', style.bold);
      flag('i', style.italic);
      if (style.fontSize) {
        const sz = child(font, 'sz');
        if (sz) removeNode(sz);
        insertInOrder(font, createLike(font, 'sz', { val: String(style.fontSize) }), FONT_ORDER);
      }
      if (style.fontColor !== undefined) {
        const color = child(font, 'color');
        if (color) removeNode(color);
        // null: no colour element, which is Excel's automatic colour
        if (style.fontColor) insertInOrder(font, createLike(font, 'color', { rgb: argb(style.fontColor) }), FONT_ORDER);
      }
      xf.setAttribute('fontId', String(this.fonts.intern(font)));
      xf.setAttribute('applyFont', '1');
    }
    if (style.fill) {
      this.fills ??= this.pool('fills');
      const fill = createLike(this.root, 'fill');
      const pattern = createLike(this.root, 'patternFill', { patternType: 'solid' });
      pattern.appendChild(createLike(this.root, 'fgColor', { rgb: argb(style.fill) }));
      pattern.appendChild(createLike(this.root, 'bgColor', { indexed: '64' }));
      fill.appendChild(pattern);
      xf.setAttribute('fillId', String(this.fills.intern(fill)));
      xf.setAttribute('applyFill', '1');
    }
    if (style.fill === null) {
      // fills[0] is "none" in every styles part (the file format reserves 0 and 1)
      xf.setAttribute('fillId', '0');
      xf.setAttribute('applyFill', '1');
    }
    if (style.numberFormat) {
      xf.setAttribute('numFmtId', String(this.numFmtId(style.numberFormat)));
      xf.setAttribute('applyNumberFormat', '1');
    }
    if (style.wrap !== undefined || style.horizontalAlignment || style.verticalAlignment) {
      const alignment = child(xf, 'alignment') ?? insertInOrder(xf, createLike(xf, 'alignment'), XF_ORDER);
      if (style.wrap === true) alignment.setAttribute('wrapText', '1');
      else if (style.wrap === false) alignment.removeAttribute('wrapText');
      if (style.horizontalAlignment) alignment.setAttribute('horizontal', style.horizontalAlignment);
      if (style.verticalAlignment) alignment.setAttribute('vertical', style.verticalAlignment);
      xf.setAttribute('applyAlignment', '1');
    }
    if (style.border !== undefined) {
      this.borders ??= this.pool('borders');
      const border = createLike(this.root, 'border');
      for (const side of ['left', 'right', 'top', 'bottom', 'diagonal']) {
        const el = createLike(this.root, side);
        if (style.border && side !== 'diagonal') {
          el.setAttribute('style', 'thin');
          el.appendChild(createLike(this.root, 'color', { rgb: BORDER_COLOR }));
        }
        border.appendChild(el);
      }
      xf.setAttribute('borderId', String(this.borders.intern(border)));
      xf.setAttribute('applyBorder', '1');
    }
    if (style.locked !== undefined) {
      // <protection locked="0"/>; locked is the default, so a locked cell carries no attribute
      const protection = child(xf, 'protection') ?? insertInOrder(xf, createLike(xf, 'protection'), XF_ORDER);
      if (style.locked) protection.removeAttribute('locked');
      else protection.setAttribute('locked', '0');
      if (!protection.attributes.length) removeNode(protection);
      xf.setAttribute('applyProtection', '1');
    }
    const index = this.xfs.intern(xf);
    this.memo.set(key, index);
    return index;
  }
}

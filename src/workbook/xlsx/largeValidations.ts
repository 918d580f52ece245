/**
 * ExcelJS 4.4 expands every data-validation range it reads into one entry per cell. A
 * validation on a whole column ("B:B" or "B1:B1048576", common in workbooks made in
 * Excel) becomes a million entries: seconds and hundreds of MB per column, and a hang
 * for a few columns. This patch keeps such large ranges (more than LARGE_RANGE cells) as
 * one range entry, which ExcelJS writes back unchanged and validations.ts understands.
 * Small ranges are read exactly as before.
 *
 * It changes a class inside ExcelJS's Node build (lib/), so it only runs under Node; the
 * browser build (dist/) is left alone and keeps ExcelJS's own behaviour.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../errors';
import { area, rectAddress, rectOf } from '../rectangles';

const LARGE_RANGE = 20000;

const PATCHED = Symbol.for('koppelkansen.largeValidations');

/** "B:B" → "B1:B1048576", "3:5" → "A3:XFD5"; other addresses unchanged. */
export function fullAddress(address: string): string {
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
  if (cols) return `${cols[1].toUpperCase()}1:${cols[2].toUpperCase()}${MAX_ROWS}`;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return rectAddress({ top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COLUMNS });
  return address;
}

/** Whether a validation's range (one part of its sqref) has more than `LARGE_RANGE` cells: kept as one range entry, not one per cell. */
export function isLargeValidationRange(address: string): boolean {
  try {
    return area(rectOf(fullAddress(address))) > LARGE_RANGE;
  } catch {
    return false;
  }
}

interface XformLike {
  _address?: string;
  _dataValidation?: { formulae?: unknown[]; operator?: unknown };
  model: Record<string, unknown>;
}

type ParseClose = (this: XformLike, name: string) => boolean;

function loadXform(): { prototype: { parseClose: ParseClose; [PATCHED]?: boolean } } | null {
  if (typeof process === 'undefined' || !process.versions?.node || typeof window !== 'undefined') return null;
  try {
    // a direct eval keeps bundlers from following this Node-only require
    const req = eval('require') as NodeRequire;
    return req('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js') as ReturnType<typeof loadXform>;
  } catch {
    return null;
  }
}

/** Installs the patch once; returns whether it is active. */
export function installLargeValidationPatch(): boolean {
  const Xform = loadXform();
  if (!Xform) return false;
  const proto = Xform.prototype;
  if (proto[PATCHED]) return true;
  const original = proto.parseClose;
  proto.parseClose = function patched(this: XformLike, name: string): boolean {
    if (name === 'dataValidation' && typeof this._address === 'string' && this._dataValidation) {
      const parts = this._address.split(/\s+/).filter(Boolean);
      const large = parts.filter(isLargeValidationRange);
      if (large.length) {
        const dv = this._dataValidation;
        if (!dv.formulae || !dv.formulae.length) {
          delete dv.formulae;
          delete dv.operator;
        }
        for (const address of large) this.model[fullAddress(address)] = dv;
        const small = parts.filter((p) => !isLargeValidationRange(p));
        if (!small.length) return true;
        this._address = small.join(' ');
      }
    }
    return original.call(this, name);
  };
  proto[PATCHED] = true;
  return true;
}

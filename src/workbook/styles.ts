/** Cell styles as the adapters compare them: only what is switched on or set. */
import type { CellStyle } from '../core/snapshot';

const COLOR = /^#?([0-9a-f]{6})$/i;

/** Excel's default font size: a file gives it to every styled cell, so it counts as "not set". */
const DEFAULT_FONT_SIZE = 11;

/** "#1f4e79" / "1F4E79" → "#1F4E79"; anything else unchanged. */
export function normalizeColor(c: string): string {
  const m = COLOR.exec(c.trim());
  return m ? `#${m[1].toUpperCase()}` : c;
}

/** Drops false flags, empty values, the default font size and the "General" number format; colours as "#RRGGBB". */
export function normalizeStyle(s: CellStyle): CellStyle {
  const out: CellStyle = {};
  if (s.bold) out.bold = true;
  if (s.italic) out.italic = true;
  if (s.fill) out.fill = normalizeColor(s.fill);
  if (s.fontColor) out.fontColor = normalizeColor(s.fontColor);
  if (s.fontSize && s.fontSize !== DEFAULT_FONT_SIZE) out.fontSize = s.fontSize;
  if (s.wrap) out.wrap = true;
  if (s.numberFormat && s.numberFormat !== 'General') out.numberFormat = s.numberFormat;
  if (s.horizontalAlignment) out.horizontalAlignment = s.horizontalAlignment;
  if (s.verticalAlignment) out.verticalAlignment = s.verticalAlignment;
  if (s.border) out.border = true;
  // locked is Excel's default: only an unlocked cell carries the property
  if (s.locked === false) out.locked = false;
  return out;
}

/** `change` over `base`: properties `change` names replace those of `base`. */
export function mergeStyle(base: CellStyle, change: CellStyle): CellStyle {
  const out: CellStyle = { ...base };
  for (const [k, v] of Object.entries(change) as [keyof CellStyle, CellStyle[keyof CellStyle]][]) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return normalizeStyle(out);
}

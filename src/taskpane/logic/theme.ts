/** Light or dark: from the Office theme's colours (in Excel) or the browser's preference. */

/** Relative luminance (0..1) of a "#RRGGBB" or "RRGGBB" colour; null when unreadable. */
export function luminance(color: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** True when the Office theme's body background is dark (black, dark grey themes). */
export function isDarkOfficeTheme(theme: { bodyBackgroundColor?: string } | null | undefined): boolean {
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== null && l < 0.4;
}

/**
 * Rasterises an SVG to PNG in Node with resvg (@resvg/resvg-js, a native build shipped in
 * the npm package). Text uses the system's fonts (on Debian: DejaVu, or Carlito when
 * installed). Loaded lazily so commands that draw nothing never load the native module.
 */
import type { Rasterize } from '../report/onderbouwingDocx';

/** PNG bytes of `svg` rendered `width` px wide (height follows the SVG's aspect ratio). */
export const rasterizeSvg: Rasterize = async (svg, width) => {
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#FFFFFF',
  })
    .render()
    .asPng();
  return new Uint8Array(png);
};

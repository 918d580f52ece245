/**
 * Rasterises an SVG to PNG in the browser (the task pane in Excel's web view, the
 * preview): the platform's own SVG renderer draws it into a <canvas>, which encodes the
 * PNG. Same contract as the CLI's resvg rasteriser (src/cli/rasterize.ts).
 */
import type { Rasterize } from '../../report/onderbouwingDocx';
import { KoppelkansenError } from '../../core/errors';

/** PNG bytes of `svg` drawn at `width` × `height` px; rejects when the browser cannot draw or encode it. */
export const rasterizeInBrowser: Rasterize = async (svg, width, height) => {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('De grafiek kon niet worden getekend.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width);
    canvas.height = Math.round(height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new KoppelkansenError('pane.chartNoCanvas', []);
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new KoppelkansenError('pane.chartNoImage', []);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
};

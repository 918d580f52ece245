/**
 * Generates the add-in icons (assets/icon-<size>.png) without any image library:
 * a rounded green-to-blue tile with two linked white rings ("koppelen" = to link).
 *
 * Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];

// ---------- PNG encoding (RGBA, 8 bit, no interlace) ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes width*height RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error('pixel buffer has the wrong size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- drawing (shapes in unit coordinates 0..1, supersampled) ----------

function roundedRectInside(x: number, y: number, inset: number, radius: number): boolean {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  return dx * dx + dy * dy <= radius * radius;
}

function ringHit(x: number, y: number, cx: number, cy: number, r: number, halfWidth: number): boolean {
  const d = Math.hypot(x - cx, y - cy);
  return Math.abs(d - r) <= halfWidth;
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2, 3].map((i) => a[i] + (b[i] - a[i]) * t) as Rgba;
}

const GREEN: Rgba = [0x1e, 0x8a, 0x4c, 255];
const BLUE: Rgba = [0x11, 0x5e, 0xa3, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Colour of the design at unit coordinates (x, y). */
function sample(x: number, y: number, size: number): Rgba {
  const inset = size <= 16 ? 0 : 0.03;
  if (!roundedRectInside(x, y, inset, 0.2)) return CLEAR;
  const tile = mix(GREEN, BLUE, (x + y) / 2);
  // Rings get relatively thicker on small icons so they stay visible.
  const halfWidth = size <= 16 ? 0.075 : size <= 32 ? 0.06 : 0.05;
  const r = 0.2;
  const left = { cx: 0.34, cy: 0.5 };
  const right = { cx: 0.66, cy: 0.5 };
  const onLeft = ringHit(x, y, left.cx, left.cy, r, halfWidth);
  const onRight = ringHit(x, y, right.cx, right.cy, r, halfWidth);
  if (!onLeft && !onRight) return tile;
  if (onLeft && onRight) return WHITE;
  // Interlock (only where there are enough pixels to show it): the left ring
  // passes over the right one at the top crossing and under it at the bottom
  // one. "Under" is drawn as a tile-coloured gap beside the ring on top.
  if (size >= 64) {
    const dy = Math.sqrt(r * r - ((right.cx - left.cx) / 2) ** 2);
    const crossX = (left.cx + right.cx) / 2;
    const nearTop = Math.hypot(x - crossX, y - (0.5 - dy)) < halfWidth * 3;
    const nearBottom = Math.hypot(x - crossX, y - (0.5 + dy)) < halfWidth * 3;
    const besideLeft = Math.abs(Math.hypot(x - left.cx, y - left.cy) - r) <= halfWidth * 1.8;
    const besideRight = Math.abs(Math.hypot(x - right.cx, y - right.cy) - r) <= halfWidth * 1.8;
    if (onRight && nearTop && besideLeft) return tile;
    if (onLeft && nearBottom && besideRight) return tile;
  }
  return WHITE;
}

/** Renders the icon at size x size pixels with 4x4 supersampling. */
export function renderIcon(size: number): Uint8Array {
  const ss = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          // premultiplied accumulation keeps anti-aliased edges clean
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(a / (ss * ss));
    }
  }
  return out;
}

function main(): void {
  const dir = join(__dirname, '..', 'assets');
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();

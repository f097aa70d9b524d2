// Draws the two icons the Teams app package needs and writes them to manifest/teams/:
//   color.png    192×192, full colour: a white "Q" with three dots (the seed board's quorum
//                is three) on the accent colour.
//   outline.png  32×32, the "Q" alone in white on a fully transparent background: Microsoft
//                requires the outline icon to contain only white and transparent pixels.
// The PNGs are committed; run `npx tsx scripts/make-teams-icons.ts` after changing the drawing.
// PNG encoding is done here with node:zlib (IHDR, IDAT, IEND, each with its CRC-32), so the
// generator needs no image library; test/manifest decodes the files with pngjs independently.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** The Teams manifest's accentColor; the colour icon's background. */
export const ACCENT_COLOR = '#2F5597';

export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row, RGBA. */
  rgba: Uint8Array;
}

type Shape = (x: number, y: number) => boolean;

const SUPERSAMPLES = 4; // 4×4 samples per pixel for smooth (anti-aliased) edges

function ring(cx: number, cy: number, outer: number, inner: number): Shape {
  return (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= outer && d >= inner;
  };
}

function disc(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) <= r;
}

/** A thick line segment with round ends. */
function capsule(x1: number, y1: number, x2: number, y2: number, halfWidth: number): Shape {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= halfWidth;
  };
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** Fraction (0..1) of the pixel at (px, py) that the shape covers. */
function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLES; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLES; sx += 1) {
      if (shape(px + (sx + 0.5) / SUPERSAMPLES, py + (sy + 0.5) / SUPERSAMPLES)) inside += 1;
    }
  }
  return inside / (SUPERSAMPLES * SUPERSAMPLES);
}

function hexToRgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** 192×192: white Q and three dots on the opaque accent colour. */
export function drawColorIcon(): RgbaImage {
  const size = 192;
  const c = size / 2;
  const shape = union(
    ring(c, c - 4, 58, 42),
    capsule(c + 22, c + 20, c + 54, c + 52, 9),
    // Three members make a quorum.
    disc(c, c - 22, 8),
    disc(c - 13, c, 8),
    disc(c + 13, c, 8),
  );
  const [br, bg, bb] = hexToRgb(ACCENT_COLOR);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const a = coverage(shape, x, y);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(br + (255 - br) * a);
      rgba[i + 1] = Math.round(bg + (255 - bg) * a);
      rgba[i + 2] = Math.round(bb + (255 - bb) * a);
      rgba[i + 3] = 255;
    }
  }
  return { width: size, height: size, rgba };
}

/** 32×32: the Q in white; every pixel is white, only its opacity varies (0 = background). */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const shape = union(ring(15.5, 14.5, 11, 7.5), capsule(18.5, 17.5, 26, 25, 2));
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * coverage(shape, x, y));
    }
  }
  return { width: size, height: size, rgba };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes an RGBA image as a PNG: 8-bit truecolour with alpha, no interlacing. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, rgba } = image;
  if (rgba.length !== width * height * 4) throw new Error('RGBA buffer does not match the image size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = width * 4;
  const scanlines = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    scanlines[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(scanlines, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const ICON_FILES = {
  color: fileURLToPath(new URL('../manifest/teams/color.png', import.meta.url)),
  outline: fileURLToPath(new URL('../manifest/teams/outline.png', import.meta.url)),
} as const;

function main(): void {
  writeFileSync(ICON_FILES.color, encodePng(drawColorIcon()));
  writeFileSync(ICON_FILES.outline, encodePng(drawOutlineIcon()));
  console.log(`Wrote ${ICON_FILES.color} (192×192) and ${ICON_FILES.outline} (32×32).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

// The two icons Teams requires, committed as assets: color.png 192×192 in full colour, outline.png
// 32×32 with only white and transparent pixels. Read from the PNG header directly and decoded
// with pngjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { TEAMS_DIR } from '../../../scripts/teams-package.ts';
import { ACCENT_COLOR } from '../../support/brand.ts';

const colorFile = readFileSync(join(TEAMS_DIR, 'color.png'));
const outlineFile = readFileSync(join(TEAMS_DIR, 'outline.png'));

/** Width and height as the IHDR chunk, which must come first, states them. */
function header(bytes: Buffer): { width: number; height: number; bitDepth: number; colourType: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.readUInt32BE(8)).toBe(13);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colourType: bytes[25]! };
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) {
    out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  }
  return out;
}

describe('Teams icons', () => {
  it('color.png is 192×192', () => {
    expect(header(colorFile)).toMatchObject({ width: 192, height: 192 });
    const png = PNG.sync.read(colorFile);
    expect([png.width, png.height]).toEqual([192, 192]);
  });

  it('outline.png is 32×32', () => {
    expect(header(outlineFile)).toMatchObject({ width: 32, height: 32 });
    const png = PNG.sync.read(outlineFile);
    expect([png.width, png.height]).toEqual([32, 32]);
  });

  it('color.png is opaque and in colour: the accent background and a white symbol', () => {
    const all = pixels(PNG.sync.read(colorFile));
    expect(all.every((p) => p.a === 255)).toBe(true);
    const colours = new Set(all.map((p) => `${p.r},${p.g},${p.b}`));
    expect(colours.has(ACCENT_COLOR.slice(1).match(/../g)!.map((h) => parseInt(h, 16)).join(','))).toBe(true);
    expect(colours.has('255,255,255')).toBe(true);
  });

  it('outline.png has only white or transparent pixels, on a transparent background', () => {
    const png = PNG.sync.read(outlineFile);
    const all = pixels(png);
    const offending = all.filter((p) => p.a !== 0 && !(p.r === 255 && p.g === 255 && p.b === 255));
    expect(offending).toEqual([]);
    // Corners are background, and so fully transparent.
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(png.data[(y * 32 + x) * 4 + 3]).toBe(0);
    // There is a symbol: some pixels fully opaque, and a clear majority of the background transparent.
    expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(100);
    expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(all.length / 2);
  });
});

// Draws the app icon (build/icon.png, 512×512 RGBA) with nothing but zlib: a red rounded
// square holding a white page — a bold headline bar over lines of text, a photo block beside
// them. Run `node build/make-icon.mjs` to redraw it; the PNG is committed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SS = 4; // samples per pixel side, for smooth edges

const RED = [196, 30, 38];
const DARK = [124, 14, 20];
const PAGE = [255, 255, 255];
const INK = [40, 40, 46];
const GOLD = [245, 190, 40];

/** Inside a rounded rectangle? */
function inRounded(x, y, left, top, right, bottom, r) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a point (in 512-space), or null outside the icon. */
function colourAt(x, y) {
  if (!inRounded(x, y, 16, 16, 496, 496, 96)) return null;
  // The page, with a darker shadow below-right.
  if (inRounded(x, y, 112, 104, 412, 428, 18)) {
    if (inRounded(x, y, 148, 140, 376, 184, 8)) return INK; // headline
    if (inRounded(x, y, 148, 208, 252, 300, 8)) return GOLD; // photo
    for (const top of [210, 240, 270]) if (inRounded(x, y, 272, top, 376, top + 14, 7)) return INK;
    for (const top of [320, 350, 380]) if (inRounded(x, y, 148, top, top === 380 ? 300 : 376, top + 14, 7)) return INK;
    return PAGE;
  }
  if (inRounded(x, y, 124, 116, 424, 440, 18)) return DARK;
  return RED;
}

function pixels() {
  const out = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    out[row] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = row + 1 + px * 4;
      if (a) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a * 255) / (SS * SS));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function iconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png'), iconPng());
}

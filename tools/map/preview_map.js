#!/usr/bin/env node
// preview_map.js: renders assets/map/region.map to an SVG and a PNG for a
// quick look, without any image library (the PNG rasteriser is below).
//
//   node preview_map.js [region.map] [out-prefix] [scale] [x0 y0 x1 y1]
//   default: ../../assets/map/region.map  /tmp/map_preview  0.5  whole map
// The optional board-unit window crops the PNG (e.g. to zoom on the Levant).
//
// Writes <out-prefix>.svg and <out-prefix>.png.  Draw order as in the game:
// sea, then land (neutral grey, game regions coloured), then borders, then
// anchors (black dots) and probes (red dots).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(HERE, '..', '..', 'assets', 'map', 'region.map');
const prefix = process.argv[3] ?? '/tmp/map_preview';
const SCALE = Number(process.argv[4] ?? 0.5);
const VIEW = process.argv.length >= 9 ? process.argv.slice(5, 9).map(Number) : null;

// ---- parse (no validation; check_map.js does that) -----------------------
let W = 0;
let H = 0;
const regions = [];
let cur = null;
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [kw, ...rest] = line.trim().split(/\s+/);
  const v = rest.map(Number);
  if (kw === 'map') [W, H] = v;
  else if (kw === 'region') cur = { id: rest[0], kind: rest[1], tris: [], rings: [] };
  else if (kw === 'anchor' || kw === 'probe') cur[kw] = v;
  else if (kw === 'tris') for (let k = 1; k + 5 < v.length; k += 6) cur.tris.push(v.slice(k, k + 6));
  else if (kw === 'ring') {
    const ring = [];
    for (let k = 1; k + 1 < v.length; k += 2) ring.push([v[k], v[k + 1]]);
    cur.rings.push(ring);
  } else if (kw === 'end') { regions.push(cur); cur = null; }
}

// ---- colours --------------------------------------------------------------
const PALETTE = [
  [228, 132, 96], [236, 196, 104], [160, 200, 120], [120, 180, 170], [190, 150, 210],
  [232, 168, 168], [210, 190, 140], [150, 170, 220], [240, 150, 190], [170, 210, 200],
  [220, 210, 120], [200, 160, 120], [180, 200, 160],
];
let gi = 0;
for (const r of regions) {
  if (r.kind === 'sea') r.color = [120, 170, 215];
  else if (r.kind === 'background') r.color = [200, 200, 200];
  else r.color = PALETTE[gi++ % PALETTE.length];
}
const SEA_BG = [170, 205, 235];
const order = [...regions.filter((r) => r.kind === 'sea'), ...regions.filter((r) => r.kind !== 'sea')];

// ---- SVG ------------------------------------------------------------------
const rgb = (c) => `rgb(${c.join(',')})`;
const svg = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
  `<rect width="${W}" height="${H}" fill="${rgb(SEA_BG)}"/>`];
for (const r of order) {
  const d = r.tris.map((t) => `M${t[0]} ${t[1]}L${t[2]} ${t[3]}L${t[4]} ${t[5]}Z`).join('');
  svg.push(`<path id="${r.id}" d="${d}" fill="${rgb(r.color)}" stroke="${rgb(r.color)}" stroke-width="0.3"/>`);
}
for (const r of order) {
  if (r.kind === 'sea') continue;
  for (const ring of r.rings) {
    svg.push(`<polygon points="${ring.map((p) => p.join(',')).join(' ')}" fill="none" stroke="#555" stroke-width="${r.kind === 'land' ? 1.2 : 0.6}"/>`);
  }
}
for (const r of order) {
  if (r.anchor) svg.push(`<circle cx="${r.anchor[0]}" cy="${r.anchor[1]}" r="4" fill="black"/><text x="${r.anchor[0] + 6}" y="${r.anchor[1] + 4}" font-size="14">${r.id}</text>`);
  if (r.probe) svg.push(`<circle cx="${r.probe[0]}" cy="${r.probe[1]}" r="3" fill="red"/>`);
}
svg.push('</svg>');
fs.writeFileSync(`${prefix}.svg`, svg.join('\n'));

// ---- PNG rasteriser ---------------------------------------------------------
const [VX0, VY0, VX1, VY1] = VIEW ?? [0, 0, W, H];
const PW = Math.round((VX1 - VX0) * SCALE);
const PH = Math.round((VY1 - VY0) * SCALE);
const sx = (x) => (x - VX0) * SCALE;
const sy = (y) => (y - VY0) * SCALE;
const px = new Uint8Array(PW * PH * 3);
const put = (x, y, c) => {
  if (x < 0 || y < 0 || x >= PW || y >= PH) return;
  const o = ((y * PW) + x) * 3;
  px[o] = c[0]; px[o + 1] = c[1]; px[o + 2] = c[2];
};
for (let i = 0; i < PW * PH; i++) px.set(SEA_BG, i * 3);

// Fill a triangle: test pixel centres against the three edge functions.
function fillTri(t, c) {
  const p = t.map((v, k) => (k % 2 ? sy(v) : sx(v)));
  const x0 = Math.max(0, Math.floor(Math.min(p[0], p[2], p[4])));
  const x1 = Math.min(PW - 1, Math.ceil(Math.max(p[0], p[2], p[4])));
  const y0 = Math.max(0, Math.floor(Math.min(p[1], p[3], p[5])));
  const y1 = Math.min(PH - 1, Math.ceil(Math.max(p[1], p[3], p[5])));
  const e = (ax, ay, bx, by, x, y) => ((bx - ax) * (y - ay)) - ((by - ay) * (x - ax));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      const a = e(p[0], p[1], p[2], p[3], cx, cy);
      const b = e(p[2], p[3], p[4], p[5], cx, cy);
      const d = e(p[4], p[5], p[0], p[1], cx, cy);
      if ((a >= 0 && b >= 0 && d >= 0) || (a <= 0 && b <= 0 && d <= 0)) put(x, y, c);
    }
  }
}
function line(ax, ay, bx, by, c) {
  const n = Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay)) * SCALE) + 1;
  for (let i = 0; i <= n; i++) {
    put(Math.floor(sx(ax + ((bx - ax) * i / n))), Math.floor(sy(ay + ((by - ay) * i / n))), c);
  }
}
function dot(x, y, rad, c) {
  for (let dy = -rad; dy <= rad; dy++) {
    for (let dx = -rad; dx <= rad; dx++) {
      if ((dx * dx) + (dy * dy) <= rad * rad) put(Math.floor(sx(x)) + dx, Math.floor(sy(y)) + dy, c);
    }
  }
}
for (const r of order) for (const t of r.tris) fillTri(t, r.color);
for (const r of order) {
  if (r.kind === 'sea') continue;
  const c = r.kind === 'land' ? [60, 60, 60] : [130, 130, 130];
  for (const ring of r.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) line(ring[j][0], ring[j][1], ring[i][0], ring[i][1], c);
  }
}
for (const r of order) {
  if (r.anchor) dot(r.anchor[0], r.anchor[1], 2, [0, 0, 0]);
  if (r.probe) dot(r.probe[0], r.probe[1], 2, [230, 0, 0]);
}

// Minimal PNG encoder: signature, IHDR, one IDAT (zlib), IEND.
const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(PW, 0);
ihdr.writeUInt32BE(PH, 4);
ihdr[8] = 8;  // bit depth
ihdr[9] = 2;  // RGB
const raw = Buffer.alloc(PH * ((PW * 3) + 1));
for (let y = 0; y < PH; y++) {
  raw[y * ((PW * 3) + 1)] = 0;  // filter: none
  Buffer.from(px.buffer, y * PW * 3, PW * 3).copy(raw, (y * ((PW * 3) + 1)) + 1);
}
fs.writeFileSync(`${prefix}.png`, Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]));
process.stderr.write(`wrote ${prefix}.svg and ${prefix}.png (${PW}x${PH})\n`);

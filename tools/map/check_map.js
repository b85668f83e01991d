#!/usr/bin/env node
// check_map.js: sanity checks for assets/map/region.map.
//
//   node check_map.js [path/to/region.map]      (default ../../assets/map/region.map)
//
// Checks the format (record names, counts, at most one decimal), that every
// game region is present with the right kind, that anchors and probes lie in
// their own region's triangles, that no probe lies in another game land
// region (and the sea probe in no land at all), and that probes keep a
// distance from every border.  Prints per-region counts to stderr and exits 1
// on any error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(HERE, '..', '..', 'assets', 'map', 'region.map');

const EXPECTED = {
  iran: 'land', iraq: 'land', afghanistan: 'land', pakistan: 'land', central_asia: 'land',
  saudi_arabia: 'land', gulf_emirates: 'land', israel: 'land', palestine: 'land', lebanon: 'land',
  syria: 'land', egypt: 'land', turkey: 'land', hormuz: 'sea',
};
const PROBE_MIN_DIST = 8;

const errors = [];
const warnings = [];
const fail = (m) => errors.push(m);

// ---- parse ---------------------------------------------------------------
const NUM = /^-?\d+(\.\d)?$/;
const lines = fs.readFileSync(file, 'utf8').split('\n');
let map = null;
const regions = [];
let cur = null;

function nums(tokens, lineNo) {
  return tokens.map((t) => {
    if (!NUM.test(t)) fail(`line ${lineNo}: bad number "${t}"`);
    return Number(t);
  });
}

lines.forEach((raw, i) => {
  const lineNo = i + 1;
  const line = raw.trim();
  if (!line || line.startsWith('#')) return;
  const [kw, ...rest] = line.split(/\s+/);
  if (kw === 'map') {
    if (map) fail(`line ${lineNo}: second map record`);
    const [w, h] = nums(rest, lineNo);
    map = { w, h };
  } else if (kw === 'region') {
    if (cur) fail(`line ${lineNo}: region inside region ${cur.id}`);
    if (rest.length !== 2 || !['land', 'sea', 'background'].includes(rest[1])) fail(`line ${lineNo}: bad region record`);
    cur = { id: rest[0], kind: rest[1], tris: [], rings: [], line: lineNo };
    if (regions.some((r) => r.id === cur.id)) fail(`line ${lineNo}: duplicate region ${cur.id}`);
  } else if (kw === 'end') {
    if (!cur) fail(`line ${lineNo}: end outside region`);
    else regions.push(cur);
    cur = null;
  } else if (!cur) {
    fail(`line ${lineNo}: "${kw}" outside a region`);
  } else if (kw === 'anchor' || kw === 'probe') {
    const v = nums(rest, lineNo);
    if (v.length !== 2) fail(`line ${lineNo}: ${kw} needs 2 numbers`);
    cur[kw] = v;
  } else if (kw === 'tris') {
    const n = Number(rest[0]);
    const v = nums(rest.slice(1), lineNo);
    if (v.length !== n * 6) fail(`line ${lineNo}: tris says ${n} but has ${v.length} numbers`);
    for (let k = 0; k + 5 < v.length; k += 6) cur.tris.push(v.slice(k, k + 6));
  } else if (kw === 'ring') {
    const n = Number(rest[0]);
    const v = nums(rest.slice(1), lineNo);
    if (v.length !== n * 2 || n < 3) fail(`line ${lineNo}: ring says ${n} but has ${v.length} numbers`);
    const ring = [];
    for (let k = 0; k + 1 < v.length; k += 2) ring.push([v[k], v[k + 1]]);
    cur.rings.push(ring);
  } else {
    fail(`line ${lineNo}: unknown record "${kw}"`);
  }
});
if (cur) fail(`region ${cur.id} has no end`);
if (!map) fail('no map record');

// ---- geometry helpers ----------------------------------------------------
function inTri(x, y, t) {
  const s = (ax, ay, bx, by) => ((bx - ax) * (y - ay)) - ((by - ay) * (x - ax));
  const d1 = s(t[0], t[1], t[2], t[3]);
  const d2 = s(t[2], t[3], t[4], t[5]);
  const d3 = s(t[4], t[5], t[0], t[1]);
  return (d1 > 0 && d2 > 0 && d3 > 0) || (d1 < 0 && d2 < 0 && d3 < 0);  // strictly inside
}
const inRegion = (x, y, r) => r.tris.some((t) => inTri(x, y, t));

function distToRings(x, y, rings) {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[i];
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = (dx * dx) + (dy * dy);
      const t = len2 ? Math.max(0, Math.min(1, (((x - ax) * dx) + ((y - ay) * dy)) / len2)) : 0;
      best = Math.min(best, Math.hypot(ax + (t * dx) - x, ay + (t * dy) - y));
    }
  }
  return best;
}

// ---- checks --------------------------------------------------------------
const byId = new Map(regions.map((r) => [r.id, r]));
for (const [id, kind] of Object.entries(EXPECTED)) {
  const r = byId.get(id);
  if (!r) { fail(`missing region ${id}`); continue; }
  if (r.kind !== kind) fail(`${id}: kind ${r.kind}, expected ${kind}`);
  if (!r.anchor || !r.probe) fail(`${id}: needs anchor and probe`);
  if (!r.tris.length || !r.rings.length) fail(`${id}: no geometry`);
}
for (const r of regions) {
  if (!(r.id in EXPECTED) && r.kind !== 'background') fail(`${r.id}: unexpected ${r.kind} region`);
  for (const t of r.tris) {
    for (let k = 0; k < 6; k += 2) {
      if (map && (t[k] < 0 || t[k] > map.w || t[k + 1] < 0 || t[k + 1] > map.h)) {
        fail(`${r.id}: vertex ${t[k]},${t[k + 1]} outside the map`);
      }
    }
  }
}

const land = regions.filter((r) => r.kind === 'land');
const allLand = regions.filter((r) => r.kind !== 'sea');
for (const r of regions) {
  if (!r.probe || !r.anchor) continue;
  const [px, py] = r.probe;
  if (!inRegion(px, py, r)) fail(`${r.id}: probe ${px},${py} not inside its triangles`);
  if (!inRegion(r.anchor[0], r.anchor[1], r)) fail(`${r.id}: anchor not inside its triangles`);
  const others = r.kind === 'sea' ? allLand : land.filter((o) => o !== r);
  for (const o of others) {
    if (inRegion(px, py, o)) fail(`${r.id}: probe is also inside ${o.id}`);
  }
  // Border distance: own outline for land; for the sea, every land outline
  // (its own polygon runs under the coast, only the mouth line is real).
  const rings = r.kind === 'sea' ? [...r.rings, ...allLand.flatMap((o) => o.rings)] : r.rings;
  const d = distToRings(px, py, rings);
  r.probeDist = d;
  if (d < PROBE_MIN_DIST) warnings.push(`${r.id}: probe only ${d.toFixed(1)} units from a border`);
  if (d < 3) fail(`${r.id}: probe ${d.toFixed(1)} units from a border`);
  if (r.probe[0] === r.anchor[0] && r.probe[1] === r.anchor[1]) warnings.push(`${r.id}: probe equals anchor (label may cover it)`);
}

// Overlap between land blocks (game or neutral): sample the centre of every
// board unit cell, count the blocks whose triangles strictly contain it.
// Shared borders come from the same simplified arcs, so this should be 0.
if (map) {
  const owner = new Int16Array(Math.ceil(map.w) * Math.ceil(map.h)).fill(-1);
  const pairs = new Map();
  allLand.forEach((r, ri) => {
    for (const t of r.tris) {
      const x0 = Math.max(0, Math.floor(Math.min(t[0], t[2], t[4])));
      const x1 = Math.min(Math.ceil(map.w) - 1, Math.ceil(Math.max(t[0], t[2], t[4])));
      const y0 = Math.max(0, Math.floor(Math.min(t[1], t[3], t[5])));
      const y1 = Math.min(Math.ceil(map.h) - 1, Math.ceil(Math.max(t[1], t[3], t[5])));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          if (!inTri(x + 0.5, y + 0.5, t)) continue;
          const o = (y * Math.ceil(map.w)) + x;
          if (owner[o] >= 0 && owner[o] !== ri) {
            const key = `${allLand[owner[o]].id}/${r.id}`;
            pairs.set(key, (pairs.get(key) ?? 0) + 1);
          }
          owner[o] = ri;
        }
      }
    }
  });
  for (const [key, n] of pairs) {
    const game = key.split('/').some((id) => EXPECTED[id]);
    (game ? fail : (m) => warnings.push(m))(`land blocks overlap: ${key} (${n} sample points)`);
  }
}

// ---- report --------------------------------------------------------------
const log = (s) => process.stderr.write(`${s}\n`);
let total = 0;
let bgTris = 0;
let bgCount = 0;
for (const r of regions) {
  total += r.tris.length;
  const verts = r.rings.reduce((s, ring) => s + ring.length, 0);
  if (r.kind === 'background') { bgTris += r.tris.length; bgCount++; continue; }
  log(`${r.id.padEnd(14)} ${r.kind.padEnd(4)} tris ${String(r.tris.length).padStart(5)}  ring vertices ${String(verts).padStart(5)}  rings ${r.rings.length}`
    + `  probe depth ${r.probeDist?.toFixed(1)}`);
}
log(`background     ${bgCount} blocks, tris ${bgTris}`);
log(`map ${map?.w} x ${map?.h}; total triangles ${total} (${total * 3} triangle vertices)`);
for (const w of warnings) log(`warning: ${w}`);
for (const e of errors) log(`ERROR: ${e}`);
log(errors.length ? `FAILED (${errors.length} errors)` : 'OK');
process.exit(errors.length ? 1 : 0);

#!/usr/bin/env node
// make_map.js: builds assets/map/region.map (the game board geometry) from the
// Natural Earth country borders shipped in the npm package `world-atlas`.
//
//   cd tools/map && npm ci && node make_map.js > ../../assets/map/region.map
//
// Pipeline:
//   1. decode the TopoJSON arcs of countries-50m.json to lon/lat;
//   2. project them (Lambert conformal conic) onto the board: x right, y down,
//      2000 units wide;
//   3. simplify each *arc* (Douglas-Peucker), so a border shared by two countries
//      is simplified once and both neighbours keep exactly the same vertices;
//   4. assemble country polygons from the arcs, drop tiny islands/enclaves, clip
//      to the board rectangle;
//   5. group countries into game regions (plus one neutral block per other
//      visible country), add the hand-drawn Hormuz sea polygon;
//   6. triangulate with earcut, pick a label anchor and a test probe per game
//      region, and print the text format described in tools/map/README.md.
//
// Statistics go to stderr; the map goes to stdout.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import earcut from 'earcut';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ATLAS_DIR = path.join(HERE, 'node_modules', 'world-atlas');

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

const BOARD_WIDTH = 2000;

// Game regions: id -> Natural Earth names as spelled in world-atlas 2.0.2.
const GAME_REGIONS = [
  ['iran', ['Iran']],
  ['iraq', ['Iraq']],
  ['afghanistan', ['Afghanistan']],
  ['pakistan', ['Pakistan']],
  ['central_asia', ['Turkmenistan', 'Uzbekistan', 'Tajikistan', 'Kyrgyzstan']],
  ['saudi_arabia', ['Saudi Arabia']],
  ['gulf_emirates', ['United Arab Emirates', 'Qatar', 'Kuwait', 'Bahrain', 'Oman']],
  ['israel', ['Israel']],
  ['palestine', ['Palestine']],      // West Bank + Gaza, two polygons
  ['lebanon', ['Lebanon']],
  ['syria', ['Syria']],
  ['egypt', ['Egypt']],
  ['turkey', ['Turkey']],
];

// Countries so small on the board that they are simplified with a finer
// tolerance, so that they stay recognisable.
const SMALL_COUNTRIES = new Set(['Israel', 'Palestine', 'Lebanon', 'Qatar', 'Bahrain', 'Kuwait']);

// Douglas-Peucker tolerances in board units (1 unit is roughly 2.8 km).  A
// shared border gets the smallest tolerance of the countries that use it.
const TOL_SMALL = 0.25;
const TOL_MEMBER = 0.6;
const TOL_BACKGROUND = 1.5;

// Polygons (islands, exclaves) and holes (enclaves) smaller than this many
// square board units are dropped.  A country's largest polygon is always kept
// (that keeps Bahrain).  1 square unit is roughly 8 km2.
const MIN_AREA_MEMBER = 3;
const MIN_AREA_BACKGROUND = 40;

// The view.  The board rectangle is the projected bounding box of all member
// countries (so no game region is cut by the board edge) plus a margin, and it
// reaches south to SOUTH_LAT on the central meridian so that Yemen and the Gulf
// of Aden show.  With the data this gives about lon 24E..81E, lat 11N..46N
// (Kyrgyzstan reaches 80.3E and Uzbekistan 45.6N).
const SOUTH_LAT = 11;
const MARGIN_UNITS = 20;  // board units around the member countries

// Lambert conformal conic, spherical, standard parallels 18N and 40N.
const LCC = { lon0: 52.5, lat1: 18, lat2: 40 };

// Countries whose polygons lie entirely outside this lon/lat box are never
// considered (keeps far-away or antimeridian-crossing polygons out of the
// projection).
const PREFILTER = { lon0: 0, lon1: 110, lat0: -5, lat1: 65 };

// Hormuz: the Persian Gulf, the Strait of Hormuz and the Gulf of Oman as one
// hand-drawn lon/lat polygon.  It is drawn below land, so it deliberately
// reaches inland everywhere except across the mouth of the Gulf of Oman (the
// line Ras al Hadd - Gwadar bay), where it is the real sea boundary.
const HORMUZ_LONLAT = [
  // north-west: Shatt al-Arab, a little inland in Iraq / Kuwait / Iran
  [47.5, 30.3], [48.4, 30.8], [49.6, 30.6],
  // Iranian coast, 0.2-0.5 deg inland
  [50.6, 30.3], [51.2, 29.2], [51.8, 28.3], [52.7, 27.9], [53.8, 27.3],
  [54.9, 27.0], [55.8, 27.4], [56.4, 27.5], [57.1, 27.1], [57.5, 26.4],
  [57.9, 25.95], [58.9, 25.8], [60.0, 25.7], [61.0, 25.6], [61.9, 25.5],
  // mouth of the Gulf of Oman (real water boundary): Gwadar bay -> Ras al Hadd
  [61.65, 25.0], [59.85, 22.5],
  // Omani coast, inland
  [59.3, 22.2], [58.4, 23.2], [57.4, 23.4], [56.6, 24.0], [56.1, 24.6],
  // across the Musandam base and the UAE, inland
  [55.8, 25.0], [55.2, 24.7], [54.3, 23.9], [53.2, 23.6], [52.2, 23.7],
  // base of Qatar / Gulf of Salwa, inland in Saudi Arabia
  [51.4, 24.1], [50.7, 24.4], [50.3, 24.9],
  // Saudi coast, inland
  [49.8, 25.7], [49.3, 26.5], [48.8, 27.3], [48.2, 28.1],
  // Kuwait, inland
  [47.6, 28.8], [47.4, 29.5],
];

// Label box assumed around an anchor (half width, half height, board units).
// Probes are kept outside it where the region is large enough, so that a
// drawn label never covers the pixel a test samples.
const LABEL_BOXES = [[60, 16], [35, 11], [18, 8], [12, 6], [8, 4]];
const PROBE_MIN_DIST = 8;

// ---------------------------------------------------------------------------
// Small geometry helpers
// ---------------------------------------------------------------------------

const DEG = Math.PI / 180;

function round1(v) {
  return Math.round(v * 10) / 10;
}

// Signed area, shoelace.  In board coordinates (y down) a ring that looks
// clockwise on screen has positive area.
function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] * ring[i][1]) - (ring[i][0] * ring[j][1]);
  }
  return a / 2;
}

// Squared distance from p to segment a-b.
function segDist2(px, py, ax, ay, bx, by) {
  let dx = bx - ax;
  let dy = by - ay;
  let t = 0;
  const len2 = (dx * dx) + (dy * dy);
  if (len2 > 0) {
    t = (((px - ax) * dx) + ((py - ay) * dy)) / len2;
    t = Math.max(0, Math.min(1, t));
  }
  dx = ax + (t * dx) - px;
  dy = ay + (t * dy) - py;
  return (dx * dx) + (dy * dy);
}

// Even-odd point in polygon over all rings (outer + holes).
function pointInRings(x, y, rings) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

function distToRings(x, y, rings) {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const d = segDist2(x, y, ring[j][0], ring[j][1], ring[i][0], ring[i][1]);
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

function bboxOf(rings) {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < b.x0) b.x0 = x;
      if (y < b.y0) b.y0 = y;
      if (x > b.x1) b.x1 = x;
      if (y > b.y1) b.y1 = y;
    }
  }
  return b;
}

// Drop consecutive duplicate points (also last == first) and points where
// the ring doubles straight back on itself (zero-width spikes).
function cleanRing(ring) {
  let pts = ring.slice();
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i];
      const prev = out.length ? out[out.length - 1] : pts[pts.length - 1];
      if (p[0] === prev[0] && p[1] === prev[1]) { changed = true; continue; }
      out.push(p);
    }
    const out2 = [];
    for (let i = 0; i < out.length; i++) {
      const a = out[(i + out.length - 1) % out.length];
      const b = out[i];
      const c = out[(i + 1) % out.length];
      const cross = ((b[0] - a[0]) * (c[1] - b[1])) - ((b[1] - a[1]) * (c[0] - b[0]));
      const dot = ((b[0] - a[0]) * (c[0] - b[0])) + ((b[1] - a[1]) * (c[1] - b[1]));
      if (cross === 0 && dot <= 0) { changed = true; continue; }  // spike
      out2.push(b);
    }
    pts = out2;
  }
  return pts.length >= 3 ? pts : [];
}

// ---------------------------------------------------------------------------
// Projection: spherical Lambert conformal conic, returns [x, y] with y NORTH up
// in radians-of-earth units.  The board transform flips y later.
// ---------------------------------------------------------------------------

function makeLcc({ lon0, lat1, lat2 }) {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const t = (p) => Math.tan((Math.PI / 4) + (p / 2));
  const n = Math.log(Math.cos(p1) / Math.cos(p2)) / Math.log(t(p2) / t(p1));
  const F = Math.cos(p1) * Math.pow(t(p1), n) / n;
  return (lon, lat) => {
    let dl = lon - lon0;
    while (dl > 180) dl -= 360;
    while (dl < -180) dl += 360;
    const rho = F / Math.pow(t(lat * DEG), n);
    const th = n * dl * DEG;
    return [rho * Math.sin(th), -rho * Math.cos(th)];
  };
}

// ---------------------------------------------------------------------------
// Douglas-Peucker on an open polyline; endpoints always kept.  Works for
// closed arcs (first == last) too: the base "segment" is then a point.
// ---------------------------------------------------------------------------

function simplifyDP(pts, tol) {
  if (pts.length <= 2 || tol <= 0) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const tol2 = tol * tol;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [i0, i1] = stack.pop();
    let maxD = -1;
    let maxI = -1;
    for (let i = i0 + 1; i < i1; i++) {
      const d = segDist2(pts[i][0], pts[i][1], pts[i0][0], pts[i0][1], pts[i1][0], pts[i1][1]);
      if (d > maxD) { maxD = d; maxI = i; }
    }
    if (maxI >= 0 && maxD > tol2) {
      keep[maxI] = 1;
      stack.push([i0, maxI], [maxI, i1]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

// ---------------------------------------------------------------------------
// Sutherland-Hodgman clip of one ring to the rectangle [0,w] x [0,h].  A
// concave ring cut into several pieces stays one ring joined by zero-width
// runs along the board edge; earcut copes with that and the runs lie on the
// board edge, so they are invisible when drawn.
// ---------------------------------------------------------------------------

function clipRing(ring, w, h) {
  const edges = [
    [(p) => p[0] >= 0, (a, b) => lerpX(a, b, 0)],
    [(p) => p[0] <= w, (a, b) => lerpX(a, b, w)],
    [(p) => p[1] >= 0, (a, b) => lerpY(a, b, 0)],
    [(p) => p[1] <= h, (a, b) => lerpY(a, b, h)],
  ];
  let pts = ring;
  for (const [inside, cut] of edges) {
    if (!pts.length) break;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      const ci = inside(cur);
      const pi = inside(prev);
      if (ci) {
        if (!pi) out.push(cut(prev, cur));
        out.push(cur);
      } else if (pi) {
        out.push(cut(prev, cur));
      }
    }
    pts = out;
  }
  return pts.map(([x, y]) => [round1(x), round1(y)]);
}

function lerpX(a, b, x) {
  const t = (x - a[0]) / (b[0] - a[0]);
  return [x, a[1] + (t * (b[1] - a[1]))];
}

function lerpY(a, b, y) {
  const t = (y - a[1]) / (b[1] - a[1]);
  return [a[0] + (t * (b[0] - a[0])), y];
}

// ---------------------------------------------------------------------------
// Best interior point ("pole of inaccessibility" style search).
// f(x, y) must be a 1-Lipschitz signed distance: positive inside the allowed
// area, negative outside.  Cells are refined best-first until no cell can
// beat the current best by more than `precision`.
// ---------------------------------------------------------------------------

class MaxHeap {
  constructor() { this.a = []; }
  get size() { return this.a.length; }
  push(v) {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].max >= a[i].max) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = (2 * i) + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].max > a[m].max) m = l;
        if (r < a.length && a[r].max > a[m].max) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

function bestPoint(bbox, f, precision = 0.25) {
  const w = bbox.x1 - bbox.x0;
  const h = bbox.y1 - bbox.y0;
  const size = Math.max(Math.min(w, h), 1e-6);
  const cell = (x, y, half) => {
    const d = f(x, y);
    return { x, y, half, d, max: d + (half * Math.SQRT2) };
  };
  const heap = new MaxHeap();
  for (let x = bbox.x0; x < bbox.x1; x += size) {
    for (let y = bbox.y0; y < bbox.y1; y += size) {
      heap.push(cell(x + (size / 2), y + (size / 2), size / 2));
    }
  }
  let best = cell(bbox.x0 + (w / 2), bbox.y0 + (h / 2), 0);
  while (heap.size) {
    const c = heap.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const q = c.half / 2;
    heap.push(cell(c.x - q, c.y - q, q));
    heap.push(cell(c.x + q, c.y - q, q));
    heap.push(cell(c.x - q, c.y + q, q));
    heap.push(cell(c.x + q, c.y + q, q));
  }
  return best;
}

// Signed distance to a box's outside: negative inside the box.
function boxSignedDist(x, y, cx, cy, hw, hh) {
  const dx = Math.abs(x - cx) - hw;
  const dy = Math.abs(y - cy) - hh;
  if (dx <= 0 && dy <= 0) return Math.max(dx, dy);
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
}

// ---------------------------------------------------------------------------
// 1. Load and decode the topology
// ---------------------------------------------------------------------------

const atlasVersion = JSON.parse(fs.readFileSync(path.join(ATLAS_DIR, 'package.json'), 'utf8')).version;
const topo = JSON.parse(fs.readFileSync(path.join(ATLAS_DIR, 'countries-50m.json'), 'utf8'));
const { scale: [sx, sy], translate: [tx, ty] } = topo.transform;

// Arcs are delta-encoded quantized integers.
const arcsLonLat = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [(x * sx) + tx, (y * sy) + ty];
  });
});

// Countries as { name, polygons: [[ringArcIdx[], ...], ...] } (first ring outer).
const countries = topo.objects.countries.geometries.map((g) => {
  let polygons = [];
  if (g.type === 'Polygon') polygons = [g.arcs];
  else if (g.type === 'MultiPolygon') polygons = g.arcs;
  return { name: g.properties.name, id: g.id, polygons };
});

const countryByName = new Map(countries.map((c) => [c.name, c]));
const memberOf = new Map();  // country name -> game region id
for (const [rid, names] of GAME_REGIONS) {
  for (const name of names) {
    if (!countryByName.has(name)) throw new Error(`world-atlas has no country named "${name}"`);
    memberOf.set(name, rid);
  }
}

const arcIndex = (i) => (i < 0 ? ~i : i);

function polygonLonLatBox(poly) {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const i of poly[0]) {
    for (const [lon, lat] of arcsLonLat[arcIndex(i)]) {
      b.x0 = Math.min(b.x0, lon); b.x1 = Math.max(b.x1, lon);
      b.y0 = Math.min(b.y0, lat); b.y1 = Math.max(b.y1, lat);
    }
  }
  return b;
}

// Keep only polygons near the region of interest.
for (const c of countries) {
  c.polygons = c.polygons.filter((poly) => {
    const b = polygonLonLatBox(poly);
    return b.x1 >= PREFILTER.lon0 && b.x0 <= PREFILTER.lon1 && b.y1 >= PREFILTER.lat0 && b.y0 <= PREFILTER.lat1;
  });
}
const nearCountries = countries.filter((c) => c.polygons.length);

// ---------------------------------------------------------------------------
// 2. Project and fix the board rectangle
// ---------------------------------------------------------------------------

const project = makeLcc(LCC);
const usedArcs = new Set();
for (const c of nearCountries) {
  for (const poly of c.polygons) for (const ring of poly) for (const i of ring) usedArcs.add(arcIndex(i));
}
const arcsProj = new Map();
for (const i of usedArcs) arcsProj.set(i, arcsLonLat[i].map(([lon, lat]) => project(lon, lat)));

// Member bounding box in projected units (y north up).
const mb = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
for (const c of nearCountries) {
  if (!memberOf.has(c.name)) continue;
  for (const poly of c.polygons) {
    for (const i of poly[0]) {
      for (const [x, y] of arcsProj.get(arcIndex(i))) {
        mb.x0 = Math.min(mb.x0, x); mb.x1 = Math.max(mb.x1, x);
        mb.y0 = Math.min(mb.y0, y); mb.y1 = Math.max(mb.y1, y);
      }
    }
  }
}
// Margin is given in board units; the scale depends on the final width, so
// solve: scale = W / (mbw + 2*margin/scale)  =>  scale = (W - 2*margin) / mbw.
const scale = (BOARD_WIDTH - (2 * MARGIN_UNITS)) / (mb.x1 - mb.x0);
const left = mb.x0 - (MARGIN_UNITS / scale);
const top = mb.y1 + (MARGIN_UNITS / scale);
const bottom = Math.min(mb.y0 - (MARGIN_UNITS / scale), project(LCC.lon0, SOUTH_LAT)[1]);
const BOARD_HEIGHT = Math.round((top - bottom) * scale);

const toBoard = ([x, y]) => [(x - left) * scale, (top - y) * scale];

// Inverse for reporting the corners in lon/lat (numeric, good enough).
function boardToLonLat(bx, by) {
  let lon = LCC.lon0;
  let lat = 30;
  for (let k = 0; k < 50; k++) {
    const [x, y] = toBoard(project(lon, lat));
    const [x2] = toBoard(project(lon + 0.01, lat));
    const [, y2] = toBoard(project(lon, lat + 0.01));
    lon += (bx - x) / ((x2 - x) / 0.01);
    lat += (by - y) / ((y2 - y) / 0.01);
  }
  return [lon, lat];
}

// ---------------------------------------------------------------------------
// 3. Simplify arcs (each arc once, with the finest tolerance of its users)
// ---------------------------------------------------------------------------

function countryTolerance(name) {
  if (SMALL_COUNTRIES.has(name)) return TOL_SMALL;
  return memberOf.has(name) ? TOL_MEMBER : TOL_BACKGROUND;
}

const arcTol = new Map();
for (const c of nearCountries) {
  const tol = countryTolerance(c.name);
  for (const poly of c.polygons) {
    for (const ring of poly) {
      for (const i of ring) {
        const k = arcIndex(i);
        arcTol.set(k, Math.min(arcTol.get(k) ?? Infinity, tol));
      }
    }
  }
}

const arcsBoard = new Map();
for (const [k, pts] of arcsProj) {
  const simplified = simplifyDP(pts.map(toBoard), arcTol.get(k));
  arcsBoard.set(k, simplified.map(([x, y]) => [round1(x), round1(y)]));
}

// ---------------------------------------------------------------------------
// 4. Build each board unit (a game region, or one neutral country) from arcs
//
// The countries of a unit are dissolved: an arc used by two of the unit's
// rings is an internal border and is dropped, the remaining directed arcs are
// chained into rings.  (For a single country this just rebuilds its rings.)
// Then tiny islands and enclave holes are dropped and everything is clipped
// to the board rectangle.
// ---------------------------------------------------------------------------

const pointKey = (p) => `${p[0]},${p[1]}`;

function directedArcPoints(i) {
  const pts = arcsBoard.get(arcIndex(i));
  return i < 0 ? pts.slice().reverse() : pts;
}

// Returns closed point rings (last point not repeated) of the dissolved unit.
function dissolve(countryList) {
  const uses = new Map();  // arc index -> number of uses within the unit
  const directed = [];
  for (const c of countryList) {
    for (const poly of c.polygons) {
      for (const ring of poly) {
        for (const i of ring) {
          uses.set(arcIndex(i), (uses.get(arcIndex(i)) ?? 0) + 1);
          directed.push(i);
        }
      }
    }
  }
  const boundary = directed.filter((i) => uses.get(arcIndex(i)) === 1);
  const byStart = new Map();
  for (const i of boundary) {
    const k = pointKey(directedArcPoints(i)[0]);
    if (!byStart.has(k)) byStart.set(k, []);
    byStart.get(k).push(i);
  }
  const used = new Set();
  const rings = [];
  for (const first of boundary) {
    if (used.has(first)) continue;
    used.add(first);
    const pts = directedArcPoints(first).slice();
    const startKey = pointKey(pts[0]);
    for (;;) {
      const endKey = pointKey(pts[pts.length - 1]);
      if (endKey === startKey) break;
      const next = (byStart.get(endKey) ?? []).find((i) => !used.has(i));
      if (next === undefined) throw new Error(`open ring while dissolving ${countryList.map((c) => c.name)}`);
      used.add(next);
      pts.push(...directedArcPoints(next).slice(1));
    }
    const ring = cleanRing(pts);
    if (ring.length >= 3) rings.push(ring);
  }
  return rings;
}

// Sign of the shoelace area of outer rings on the board, taken from the data
// (TopoJSON fixes one winding for exteriors; holes have the other one).
const OUTER_SIGN = Math.sign(ringArea(cleanRing(countryByName.get('Iran').polygons[0][0]
  .flatMap((i, n) => (n ? directedArcPoints(i).slice(1) : directedArcPoints(i))))));

// Group rings into polygons [outer, ...holes]; a hole goes to the smallest
// outer ring that contains most of its vertices.
function groupRings(rings) {
  const outers = rings.filter((r) => Math.sign(ringArea(r)) === OUTER_SIGN)
    .map((r) => ({ ring: r, area: Math.abs(ringArea(r)), bbox: bboxOf([r]), holes: [] }));
  for (const hole of rings.filter((r) => Math.sign(ringArea(r)) !== OUTER_SIGN)) {
    let best = null;
    for (const o of outers) {
      const inside = hole.filter(([x, y]) => pointInRings(x, y, [o.ring])).length;
      if (inside * 2 > hole.length && (!best || o.area < best.area)) best = o;
    }
    if (best) best.holes.push(hole);
    else process.stderr.write('WARNING: hole without outer ring dropped\n');
  }
  return outers;
}

// Orient: outer rings positive area (clockwise on screen), holes negative.
function orient(ring, positive) {
  return (ringArea(ring) > 0) === positive ? ring : ring.slice().reverse();
}

const stats = { droppedPolys: 0, droppedHoles: 0 };
const clippedUnits = new Set();

// Turn a unit's countries into board polygons [[outer, ...holes], ...].
function buildUnit(countryList, member) {
  const minArea = member ? MIN_AREA_MEMBER : MIN_AREA_BACKGROUND;
  const groups = groupRings(dissolve(countryList));
  if (!groups.length) return [];
  const largest = groups.reduce((a, b) => (b.area > a.area ? b : a));
  const polys = [];
  for (const g of groups) {
    if (g !== largest && g.area < minArea) { stats.droppedPolys++; continue; }
    const clipped = cleanRing(clipRing(g.ring, BOARD_WIDTH, BOARD_HEIGHT));
    if (clipped.length !== g.ring.length) clippedUnits.add(countryList.map((c) => c.name).join('+'));
    const area = Math.abs(ringArea(clipped));
    if (clipped.length < 3 || area < 0.5) continue;
    // Neutral slivers at the board edge below the area limit go too.
    if (!member && g !== largest && area < minArea) { stats.droppedPolys++; continue; }
    const holes = [];
    for (const hole of g.holes) {
      if (Math.abs(ringArea(hole)) < minArea) { stats.droppedHoles++; continue; }
      const h = cleanRing(clipRing(hole, BOARD_WIDTH, BOARD_HEIGHT));
      if (h.length >= 3 && Math.abs(ringArea(h)) >= 0.5) holes.push(orient(h, false));
    }
    polys.push([orient(clipped, true), ...holes]);
  }
  return polys;
}

// ---------------------------------------------------------------------------
// 5. Regions
// ---------------------------------------------------------------------------

function slug(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

const regions = [];  // { id, kind, polys: [[outer, ...holes]], countries: [...] }

// Sea first (drawn first = below everything).
const hormuzRing = orient(cleanRing(HORMUZ_LONLAT.map(([lon, lat]) => {
  const [x, y] = toBoard(project(lon, lat));
  return [round1(x), round1(y)];
})), true);
regions.push({ id: 'hormuz', kind: 'sea', polys: [[hormuzRing]], countries: [] });

// Neutral countries next, one block each, sorted by id for stable output.
const gameIds = new Set(GAME_REGIONS.map(([rid]) => rid));
const background = [];
for (const c of nearCountries) {
  if (memberOf.has(c.name)) continue;
  const polys = buildUnit([c], false);
  if (!polys.length) continue;
  const id = slug(c.name);
  if (gameIds.has(id) || id === 'hormuz' || background.some((b) => b.id === id)) throw new Error(`background id clash: ${id}`);
  background.push({ id, kind: 'background', polys, countries: [c.name] });
}
background.sort((a, b) => (a.id < b.id ? -1 : 1));
regions.push(...background);

// Game land regions last.
for (const [rid, names] of GAME_REGIONS) {
  const polys = buildUnit(names.map((n) => countryByName.get(n)), true);
  if (!polys.length) throw new Error(`region ${rid} has no polygon on the board`);
  regions.push({ id: rid, kind: 'land', polys, countries: names });
}
const clippedMembers = [...clippedUnits].filter((u) => u.split('+').some((n) => memberOf.has(n)));
if (clippedMembers.length) {
  process.stderr.write(`WARNING: game regions cut by the board edge: ${clippedMembers.join(', ')}\n`);
}

// ---------------------------------------------------------------------------
// 6. Triangulate
// ---------------------------------------------------------------------------

function triangulate(poly) {
  const flat = [];
  const holeIdx = [];
  for (let r = 0; r < poly.length; r++) {
    if (r > 0) holeIdx.push(flat.length / 2);
    for (const [x, y] of poly[r]) flat.push(x, y);
  }
  const idx = earcut(flat, holeIdx.length ? holeIdx : null, 2);
  const dev = earcut.deviation ? earcut.deviation(flat, holeIdx.length ? holeIdx : null, 2, idx) : 0;
  const tris = [];
  for (let i = 0; i < idx.length; i += 3) {
    const a = idx[i] * 2;
    const b = idx[i + 1] * 2;
    const c = idx[i + 2] * 2;
    const t = [flat[a], flat[a + 1], flat[b], flat[b + 1], flat[c], flat[c + 1]];
    // Skip zero-area triangles (from clip runs along the board edge).
    const area2 = ((t[2] - t[0]) * (t[5] - t[1])) - ((t[4] - t[0]) * (t[3] - t[1]));
    if (area2 !== 0) tris.push(t);
  }
  return { tris, dev };
}

for (const r of regions) {
  r.tris = [];
  r.maxDev = 0;
  for (const poly of r.polys) {
    const { tris, dev } = triangulate(poly);
    r.tris.push(...tris);
    r.maxDev = Math.max(r.maxDev, dev);
  }
}

// ---------------------------------------------------------------------------
// 7. Anchors and probes
// ---------------------------------------------------------------------------

const landPolys = regions.filter((r) => r.kind !== 'sea').flatMap((r) => r.polys);

function largestPoly(r) {
  return r.polys.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
}

// Signed-distance function for a region's allowed area.
function regionField(r) {
  if (r.kind === 'land') {
    const poly = largestPoly(r);
    return {
      bbox: bboxOf([poly[0]]),
      f: (x, y) => {
        const d = distToRings(x, y, poly);
        return pointInRings(x, y, poly) ? d : -d;
      },
    };
  }
  // Sea: inside the sea polygon and not on any land.  Obstacles are the sea
  // outline and every land ring whose box touches the sea's box.
  const sea = r.polys[0];
  const bbox = bboxOf([sea[0]]);
  const near = landPolys.filter((p) => {
    const b = bboxOf([p[0]]);
    return b.x1 >= bbox.x0 && b.x0 <= bbox.x1 && b.y1 >= bbox.y0 && b.y0 <= bbox.y1;
  });
  const nearRings = near.flat();
  return {
    bbox,
    f: (x, y) => {
      const d = Math.min(distToRings(x, y, sea), distToRings(x, y, nearRings));
      const ok = pointInRings(x, y, sea) && !near.some((p) => pointInRings(x, y, p));
      return ok ? d : -d;
    },
  };
}

for (const r of regions) {
  if (r.kind === 'background') continue;
  const { bbox, f } = regionField(r);
  const a = bestPoint(bbox, f);
  r.anchor = [round1(a.x), round1(a.y)];
  r.anchorDist = a.d;
  // Probe: as deep inside as possible but outside the label box around the
  // anchor; shrink the assumed label box for small regions.  The box term is
  // offset by PROBE_MIN_DIST + 2 so that in a small region a point just
  // outside the box still scores by its depth alone.
  r.probe = null;
  for (const [hw, hh] of LABEL_BOXES) {
    const box = (x, y) => boxSignedDist(x, y, r.anchor[0], r.anchor[1], hw, hh);
    const p = bestPoint(bbox, (x, y) => Math.min(f(x, y), box(x, y) + PROBE_MIN_DIST + 2));
    const px = round1(p.x);
    const py = round1(p.y);
    const d = f(px, py);
    if (d >= PROBE_MIN_DIST && box(px, py) >= 1) {
      r.probe = [px, py];
      r.probeDist = d;
      r.probeBox = [hw, hh];
      break;
    }
  }
  if (!r.probe) {
    // Too small for any label-free spot: fall back to the deepest point.
    r.probe = r.anchor.slice();
    r.probeDist = f(r.probe[0], r.probe[1]);
    r.probeBox = [0, 0];
  }
}

// ---------------------------------------------------------------------------
// 8. Output
// ---------------------------------------------------------------------------

const fmt = (v) => {
  const s = round1(v).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
};
const fmtPts = (pts) => pts.map(([x, y]) => `${fmt(x)} ${fmt(y)}`).join(' ');

const [lonTL, latTL] = boardToLonLat(0, 0);
const [lonBR, latBR] = boardToLonLat(BOARD_WIDTH, BOARD_HEIGHT);
const [lonBL, latBL] = boardToLonLat(0, BOARD_HEIGHT);
const [lonTR, latTR] = boardToLonLat(BOARD_WIDTH, 0);

const out = [];
out.push('# Grand Bargain board map. Generated by tools/map/make_map.js; do not edit by hand.');
out.push(`# Source: Natural Earth 1:50m admin-0 countries (v4.1.0) via the npm package world-atlas ${atlasVersion} (countries-50m.json).`);
out.push('# License: Natural Earth data is in the public domain; the Hormuz sea polygon is hand-drawn.');
out.push(`# Projection: spherical Lambert conformal conic, standard parallels ${LCC.lat1}N/${LCC.lat2}N, central meridian ${LCC.lon0}E;`);
out.push(`#   board x right, y down, ${BOARD_WIDTH} units wide; corners (lon,lat): top-left ${lonTL.toFixed(1)},${latTL.toFixed(1)}`
  + ` top-right ${lonTR.toFixed(1)},${latTR.toFixed(1)} bottom-left ${lonBL.toFixed(1)},${latBL.toFixed(1)} bottom-right ${lonBR.toFixed(1)},${latBR.toFixed(1)}.`);
out.push(`# Simplification: Douglas-Peucker per shared arc, tolerance ${TOL_SMALL}/${TOL_MEMBER}/${TOL_BACKGROUND} units (small/member/background).`);
out.push('# Records: map W H | region ID KIND | anchor X Y | probe X Y | tris N (6 numbers each) | ring N (points, implicitly closed) | end.');
out.push('# Blocks are in drawing order: the sea first (its polygon runs under the coasts; land hides it), then neutral countries, then game regions.');
out.push(`map ${BOARD_WIDTH} ${BOARD_HEIGHT}`);

let totalTris = 0;
const report = [];
for (const r of regions) {
  out.push(`region ${r.id} ${r.kind}`);
  if (r.anchor) out.push(`anchor ${fmt(r.anchor[0])} ${fmt(r.anchor[1])}`);
  if (r.probe) out.push(`probe ${fmt(r.probe[0])} ${fmt(r.probe[1])}`);
  out.push(`tris ${r.tris.length} ${r.tris.map((t) => t.map(fmt).join(' ')).join(' ')}`);
  let ringPts = 0;
  for (const poly of r.polys) {
    for (const ring of poly) {
      out.push(`ring ${ring.length} ${fmtPts(ring)}`);
      ringPts += ring.length;
    }
  }
  out.push('end');
  totalTris += r.tris.length;
  report.push({ r, ringPts });
}
process.stdout.write(`${out.join('\n')}\n`);

// ---------------------------------------------------------------------------
// Statistics (stderr)
// ---------------------------------------------------------------------------

const log = (s) => process.stderr.write(`${s}\n`);
log(`board ${BOARD_WIDTH} x ${BOARD_HEIGHT}; corners TL ${lonTL.toFixed(2)},${latTL.toFixed(2)} BR ${lonBR.toFixed(2)},${latBR.toFixed(2)}`);
log(`dropped ${stats.droppedPolys} small polygons and ${stats.droppedHoles} small holes`);
for (const { r, ringPts } of report) {
  if (r.kind === 'background') continue;
  log(`${r.id.padEnd(14)} ${r.kind.padEnd(5)} tris ${String(r.tris.length).padStart(5)}  ring pts ${String(ringPts).padStart(5)}`
    + `  anchor ${r.anchor.join(',')} = ${boardToLonLat(...r.anchor).map((v) => v.toFixed(1)).join('E ')}N (depth ${r.anchorDist.toFixed(1)})  probe ${r.probe.join(',')} (depth ${r.probeDist.toFixed(1)}, box ${r.probeBox.join('x')})`
    + `${r.maxDev > 1e-6 ? `  earcut deviation ${r.maxDev.toExponential(1)}` : ''}`);
}
const bg = report.filter(({ r }) => r.kind === 'background');
log(`background: ${bg.length} countries, tris ${bg.reduce((s, { r }) => s + r.tris.length, 0)}, ring pts ${bg.reduce((s, { ringPts }) => s + ringPts, 0)}`);
for (const { r } of bg) if (r.maxDev > 1e-3) log(`  ${r.id}: earcut deviation ${r.maxDev.toExponential(1)}`);
log(`total triangles ${totalTris} (${totalTris * 3} triangle vertices)`);

// 示意边界: schematic outlines of a region's child units drawn from the data alone, for a map that
// works offline with any imported province. Each child's centre is the median longitude and latitude
// of its located projects; its cell is the part of the padded convex hull of all the parent's located
// projects that is nearer to its centre than to any other (a Voronoi cell clipped to the hull). The
// cells tile the hull without overlapping, so every located project falls in exactly one of them.
// These are not legal boundaries; a real boundary file can replace them (docs/guide.md).

export type Point = readonly [lng: number, lat: number];

export interface OutlineRegion {
  code: string;
  name: string;
}

export interface LocatedPoint {
  /** The child unit the project belongs to; null for the parent's own projects (inside no child). */
  unitCode: string | null;
  lng: number;
  lat: number;
}

export interface OutlineFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; centre: [number, number] };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

export interface RegionOutlines {
  type: 'FeatureCollection';
  features: OutlineFeature[];
}

export interface OutlineResult {
  outlines: RegionOutlines;
  /** Codes of the children without a located project: they get no cell. */
  unlocated: string[];
}

/** The hull is padded by this share of its extent (and at least MIN_PAD degrees). */
const PAD_SHARE = 0.06;
const MIN_PAD = 0.05;
const CIRCLE_STEPS = 16;
const DIGITS = 1e6;

export function regionOutlines(
  children: readonly OutlineRegion[],
  points: readonly LocatedPoint[],
): OutlineResult {
  const located = points.filter((p) => Number.isFinite(p.lng) && Number.isFinite(p.lat));
  const byUnit = new Map<string, LocatedPoint[]>();
  for (const p of located) {
    if (p.unitCode === null) continue;
    const list = byUnit.get(p.unitCode) ?? [];
    list.push(p);
    byUnit.set(p.unitCode, list);
  }
  const sorted = [...children].sort((a, b) => a.code.localeCompare(b.code));
  const sites: { region: OutlineRegion; centre: Point }[] = [];
  const unlocated: string[] = [];
  for (const region of sorted) {
    const own = byUnit.get(region.code);
    if (!own?.length) unlocated.push(region.code);
    else sites.push({ region, centre: [median(own.map((p) => p.lng)), median(own.map((p) => p.lat))] });
  }
  if (sites.length === 0) return { outlines: { type: 'FeatureCollection', features: [] }, unlocated };

  const clip = paddedHull(located.map((p): Point => [p.lng, p.lat]));
  const centres = separate(sites.map((s) => s.centre));
  const features = sites.map((site, i): OutlineFeature => {
    const centre = centres[i]!;
    let cell: Point[] = clip;
    for (let j = 0; j < centres.length && cell.length > 0; j++) {
      if (j !== i) cell = nearerTo(cell, centre, centres[j]!);
    }
    const ring = cell.map(round);
    ring.push(ring[0]!);
    return {
      type: 'Feature',
      id: site.region.code,
      properties: { code: site.region.code, name: site.region.name, centre: round(centre) },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
  return { outlines: { type: 'FeatureCollection', features }, unlocated };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Convex hull, counter-clockwise, without repeated or collinear points (Andrew's monotone chain). */
export function convexHull(points: readonly Point[]): Point[] {
  const s = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (s.length < 3) return s.filter((p, i) => i === 0 || p[0] !== s[i - 1]![0] || p[1] !== s[i - 1]![1]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(s), ...half([...s].reverse())];
}

/** The hull grown by a margin on every side (the hull of each point moved around a small circle). */
function paddedHull(points: readonly Point[]): Point[] {
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const extent = Math.hypot(Math.max(...lngs) - Math.min(...lngs), Math.max(...lats) - Math.min(...lats));
  const pad = Math.max(MIN_PAD, extent * PAD_SHARE);
  const grown: Point[] = [];
  for (const [x, y] of convexHull(points)) {
    for (let k = 0; k < CIRCLE_STEPS; k++) {
      const a = (2 * Math.PI * k) / CIRCLE_STEPS;
      grown.push([x + pad * Math.cos(a), y + pad * Math.sin(a)]);
    }
  }
  return convexHull(grown);
}

/** Two children with the same centre would share one cell: nudge the later ones apart, deterministically. */
function separate(centres: readonly Point[]): Point[] {
  const out: Point[] = [];
  const seen = new Map<string, number>();
  for (const c of centres) {
    const key = `${c[0]},${c[1]}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const a = (n * 2 * Math.PI) / 7;
    out.push(n === 0 ? c : [c[0] + 1e-4 * n * Math.cos(a), c[1] + 1e-4 * n * Math.sin(a)]);
  }
  return out;
}

/** The part of a convex polygon nearer to `a` than to `b` (Sutherland–Hodgman on their bisector). */
function nearerTo(polygon: readonly Point[], a: Point, b: Point): Point[] {
  // side(p) ≤ 0 ⇔ |p − a| ≤ |p − b|
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const side = (p: Point) => (p[0] - mx) * nx + (p[1] - my) * ny;
  const out: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Whether a point lies inside a polygon ring (ray casting; points on the edge may go either way). */
export function insideRing(ring: readonly (readonly number[])[], p: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const round = (p: Point): [number, number] => [
  Math.round(p[0] * DIGITS) / DIGITS,
  Math.round(p[1] * DIGITS) / DIGITS,
];

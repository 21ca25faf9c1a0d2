import { describe, expect, it } from 'vitest';
import {
  convexHull,
  insideRing,
  type LocatedPoint,
  median,
  type OutlineResult,
  type Point,
  regionOutlines,
} from './region-outlines';

const region = (code: string) => ({ code, name: `地区${code}` });

/** A small deterministic generator, so the scattered projects are the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

function scattered(codes: string[], perUnit: number, seed = 7): LocatedPoint[] {
  const rnd = lcg(seed);
  return codes.flatMap((code, i) => {
    const cx = 111 + (i % 4) * 0.9;
    const cy = 32 + Math.floor(i / 4) * 0.8;
    return Array.from({ length: perUnit }, () => ({
      unitCode: code,
      lng: cx + (rnd() - 0.5) * 0.8,
      lat: cy + (rnd() - 0.5) * 0.7,
    }));
  });
}

const ring = (result: OutlineResult, code: string) =>
  result.outlines.features.find((f) => f.properties.code === code)!.geometry.coordinates[0]!;
const cellsContaining = (result: OutlineResult, p: Point) =>
  result.outlines.features.filter((f) => insideRing(f.geometry.coordinates[0]!, p)).map((f) => f.id);

describe('regionOutlines', () => {
  const codes = ['410100', '410200', '410300', '410400', '410500', '410600', '410700', '410800', '410900'];
  const points = [...scattered(codes, 12), { unitCode: null, lng: 112.2, lat: 32.6 }];
  const result = regionOutlines(codes.map(region), points);

  it('gives each located child one closed polygon that contains its centre (the median of its projects)', () => {
    expect(result.outlines.type).toBe('FeatureCollection');
    expect(result.outlines.features.map((f) => f.id)).toEqual(codes);
    for (const f of result.outlines.features) {
      const ring = f.geometry.coordinates[0]!;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(insideRing(ring, f.properties.centre)).toBe(true);
      const own = points.filter((p) => p.unitCode === f.id);
      expect(f.properties.centre[0]).toBeCloseTo(median(own.map((p) => p.lng)), 5);
      expect(f.properties.centre[1]).toBeCloseTo(median(own.map((p) => p.lat)), 5);
    }
    expect(result.unlocated).toEqual([]);
  });

  it('cells do not overlap: no sampled point lies in two cells', () => {
    const rnd = lcg(99);
    let covered = 0;
    for (let k = 0; k < 4000; k++) {
      const p: Point = [110 + rnd() * 5, 31 + rnd() * 4];
      const inside = cellsContaining(result, p);
      expect(inside.length, `${p}`).toBeLessThanOrEqual(1);
      covered += inside.length;
    }
    expect(covered).toBeGreaterThan(1000);
  });

  it('every located project falls in some cell, its own region’s included or not', () => {
    for (const p of points) expect(cellsContaining(result, [p.lng, p.lat])).toHaveLength(1);
  });

  it('is deterministic and does not depend on the order of its input', () => {
    const again = regionOutlines([...codes].reverse().map(region), [...points].reverse());
    expect(again).toEqual(result);
    expect(JSON.stringify(regionOutlines(codes.map(region), points))).toBe(JSON.stringify(result));
  });

  it('lists the children without located projects and gives them no cell', () => {
    const r = regionOutlines(
      [region('410100'), region('410200'), region('410300')],
      [...scattered(['410100', '410300'], 3), { unitCode: '410200', lng: Number.NaN, lat: 33 }],
    );
    expect(r.outlines.features.map((f) => f.id)).toEqual(['410100', '410300']);
    expect(r.unlocated).toEqual(['410200']);
  });

  it('draws one region as the whole padded hull, even from a single project', () => {
    const one = regionOutlines([region('410100')], [{ unitCode: '410100', lng: 113.6, lat: 34.7 }]);
    const cell = ring(one, '410100');
    expect(insideRing(cell, [113.6, 34.7])).toBe(true);
    expect(insideRing(cell, [113.64, 34.7])).toBe(true);
    expect(insideRing(cell, [113.7, 34.7])).toBe(false);
  });

  it('splits two regions along their bisector', () => {
    const two = regionOutlines(
      [region('410100'), region('410200')],
      [
        { unitCode: '410100', lng: 113, lat: 34 },
        { unitCode: '410100', lng: 113, lat: 35 },
        { unitCode: '410200', lng: 115, lat: 34 },
        { unitCode: '410200', lng: 115, lat: 35 },
      ],
    );
    expect(cellsContaining(two, [113.9, 34.5])).toEqual(['410100']);
    expect(cellsContaining(two, [114.1, 34.5])).toEqual(['410200']);
  });

  it('copes with collinear centres and with two regions sharing a centre', () => {
    const line = regionOutlines(
      ['410100', '410200', '410300'].map(region),
      [0, 1, 2].map((i) => ({ unitCode: `410${i + 1}00`, lng: 112 + i, lat: 34 })),
    );
    expect(line.outlines.features).toHaveLength(3);
    for (const f of line.outlines.features)
      expect(insideRing(f.geometry.coordinates[0]!, f.properties.centre)).toBe(true);
    expect(cellsContaining(line, [112.6, 34])).toEqual(['410200']);

    const same = regionOutlines(
      [region('410100'), region('410200')],
      [
        { unitCode: '410100', lng: 113, lat: 34 },
        { unitCode: '410200', lng: 113, lat: 34 },
        { unitCode: null, lng: 114, lat: 35 },
      ],
    );
    expect(same.outlines.features).toHaveLength(2);
    for (const f of same.outlines.features)
      expect(f.geometry.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
  });

  it('answers an empty collection without located points', () => {
    expect(regionOutlines([region('410100')], [])).toEqual({
      outlines: { type: 'FeatureCollection', features: [] },
      unlocated: ['410100'],
    });
    expect(regionOutlines([], [{ unitCode: null, lng: 113, lat: 34 }]).outlines.features).toEqual([]);
  });
});

describe('convexHull', () => {
  it('keeps the corners, counter-clockwise, and drops inner and collinear points', () => {
    const hull = convexHull([
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 2],
      [1, 1],
      [0, 2],
    ]);
    expect(hull).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });
});

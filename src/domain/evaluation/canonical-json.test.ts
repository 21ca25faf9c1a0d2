import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { contentHash } from './content-hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes numbers in the shortest round-trip form, with -0 as 0', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, -0, 1532e8, 7.6])).toBe(
      '[0.30000000000000004,1e+21,0,153200000000,7.6]',
    );
  });

  it('refuses NaN and Infinity rather than publishing null', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow();
  });

  it('escapes strings as JSON does and keeps Chinese text as is', () => {
    expect(canonicalJson({ 名称: '洛阳"市"\n' })).toBe('{"名称":"洛阳\\"市\\"\\n"}');
  });
});

describe('contentHash', () => {
  it('is the sha256 of the canonical JSON, independent of key order', () => {
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    // sha256('{"a":1}')
    expect(contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});

// Exact integer allocation: counts that add up, amounts scaled to an exact total.

/** Splits `total` into integers proportional to `weights` (largest remainder; ties to the earlier). */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i]! += 1;
    rest -= 1;
  }
  return out;
}

/** Cumulative shares → cumulative counts out of n, rounded and kept non-decreasing and ≤ n. */
export function cumulativeCounts(shares: readonly number[], n: number): number[] {
  let prev = 0;
  return shares.map((s) => {
    prev = Math.min(n, Math.max(prev, Math.round(s * n)));
    return prev;
  });
}

/**
 * Scales non-negative integers to add up to exactly `target`, each kept within [min, max]
 * (proportional scaling with clamping, then the rounding residue spread over the largest values).
 */
export function scaleToSum(values: readonly number[], target: number, min: number, max: number): number[] {
  const n = values.length;
  if (n === 0) {
    if (target !== 0) throw new Error('cannot scale an empty list to a non-zero total');
    return [];
  }
  if (n * min > target || n * max < target) {
    throw new Error(`cannot reach ${target} with ${n} values in [${min}, ${max}]`);
  }
  const vals = values.map((v) => Math.min(max, Math.max(min, v)));
  const clamped = new Array<boolean>(n).fill(false);
  for (let round = 0; round < 60; round++) {
    let fixed = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      if (clamped[i]) fixed += vals[i]!;
      else free += vals[i]!;
    }
    if (free <= 0) break;
    const factor = (target - fixed) / free;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (clamped[i]) continue;
      const v = vals[i]! * factor;
      if (v > max || v < min) {
        vals[i] = v > max ? max : min;
        clamped[i] = true;
        changed = true;
      } else {
        vals[i] = v;
      }
    }
    if (!changed) break;
  }
  const out = vals.map((v) => Math.min(max, Math.max(min, Math.round(v))));
  let residue = target - out.reduce((a, b) => a + b, 0);
  const order = out.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  while (residue !== 0) {
    let moved = false;
    for (const [, i] of order) {
      if (residue === 0) break;
      const room = residue > 0 ? max - out[i]! : out[i]! - min;
      if (room <= 0) continue;
      const step =
        Math.sign(residue) * Math.min(Math.abs(residue), room, Math.max(1, Math.ceil(Math.abs(residue) / n)));
      out[i]! += step;
      residue -= step;
      moved = true;
    }
    if (!moved) throw new Error('scaleToSum: no room left for the residue');
  }
  return out;
}

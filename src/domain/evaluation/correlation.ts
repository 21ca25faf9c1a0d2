// Pearson and Spearman correlation (docs/methodology.md → 统计审计). Pairs with a missing value on
// either side are left out (pairwise complete); fewer than two pairs, or a side that does not vary,
// gives null — never NaN — since there is no correlation to report.

/** Pairs (x_i, y_i) where both are numbers. */
function complete(x: readonly (number | null)[], y: readonly (number | null)[]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const xi = x[i];
    const yi = y[i];
    if (typeof xi === 'number' && Number.isFinite(xi) && typeof yi === 'number' && Number.isFinite(yi)) {
      a.push(xi);
      b.push(yi);
    }
  }
  return [a, b];
}

function pearsonOf(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A column whose spread is rounding noise around its mean does not vary.
  const tiny = (m: number) => 1e-24 * Math.max(1, m * m) * n;
  if (!(sxx > tiny(mx)) || !(syy > tiny(my))) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² · Σ(y−ȳ)²). */
export function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): number | null {
  const [a, b] = complete(x, y);
  return pearsonOf(a, b);
}

/** Ranks 1..n, ascending; tied values share the average of the ranks they span. */
export function averageRanks(x: readonly number[]): number[] {
  const order = x.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const ranks = new Array<number>(x.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = avg;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's ρ: Pearson's r of the average ranks of the complete pairs. */
export function spearman(x: readonly (number | null)[], y: readonly (number | null)[]): number | null {
  const [a, b] = complete(x, y);
  return pearsonOf(averageRanks(a), averageRanks(b));
}

export interface CorrelationMatrices {
  pearson: (number | null)[][];
  spearman: (number | null)[][];
}

/** Symmetric matrices between columns; the diagonal is 1 for a column that varies, else null. */
export function correlationMatrices(columns: readonly (readonly (number | null)[])[]): CorrelationMatrices {
  const K = columns.length;
  const empty = () => Array.from({ length: K }, () => new Array<number | null>(K).fill(null));
  const p = empty();
  const s = empty();
  for (let i = 0; i < K; i++)
    for (let j = i; j < K; j++) {
      const r = pearson(columns[i]!, columns[j]!);
      const rho = spearman(columns[i]!, columns[j]!);
      const diag = i === j;
      p[i]![j] = p[j]![i] = diag && r !== null ? 1 : r;
      s[i]![j] = s[j]![i] = diag && rho !== null ? 1 : rho;
    }
  return { pearson: p, spearman: s };
}

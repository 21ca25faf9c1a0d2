// How a score or total is printed: the same decimals the ranks are decided on (no DOM, so testable
// beside the engine).

/**
 * A score or total: two decimals, as the 通报 prints them and the ranks are decided on — half away
 * from zero after dropping float noise below 1e-9, exactly as src/domain/evaluation/rank.ts does
 * (89.995 → "90.00", where toFixed would print 89.99 and show a tie the ranking does not make).
 */
export function scoreText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const nano = Math.round(Math.abs(value) * 1e9);
  const unit = 1e7;
  let q = Math.floor(nano / unit);
  let r = nano - q * unit;
  if (r < 0) {
    q -= 1;
    r += unit;
  } else if (r >= unit) {
    q += 1;
    r -= unit;
  }
  const k = 2 * r >= unit ? q + 1 : q;
  const digits = String(k).padStart(3, '0');
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return value < 0 && k !== 0 ? `-${text}` : text;
}

// Rounding of rates and other non-money numbers for display, shared by the server (bulletins, CLI,
// explanations) and the web (imported as a value: pure, no imports). Half away from zero on the
// decimal text of the value, so 0.8145 shows as 81.45% → "81.5%" on both sides, never "81.4%".

/**
 * `value` rounded half away from zero to `digits` decimals, as text. The value is first read at 12
 * significant digits (removing binary noise such as 0.9690000000001 or 1.00499999999999989),
 * then rounded exactly in integer arithmetic.
 */
export function roundHalfAway(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [mantissa = '0', exponent = '0'] = value.toExponential(11).split('e');
  const negative = mantissa.startsWith('-');
  const significand = BigInt(mantissa.replace(/[-.]/g, ''));
  // value × 10^digits = significand × 10^shift
  const shift = Number(exponent) - 11 + digits;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = significand * 10n ** BigInt(shift);
  } else {
    const unit = 10n ** BigInt(-shift);
    scaled = (significand * 2n + unit) / (unit * 2n);
  }
  const scale = 10n ** BigInt(digits);
  const whole = scaled / scale;
  const body = digits > 0 ? `${whole}.${(scaled % scale).toString().padStart(digits, '0')}` : `${whole}`;
  return negative && scaled !== 0n ? `-${body}` : body;
}

/** A rate (a fraction: 0.96901) as "96.9%"; null, undefined or not finite → "—". */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${roundHalfAway(rate * 100, digits)}%`;
}

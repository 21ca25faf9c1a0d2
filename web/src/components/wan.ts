// Amounts typed in 万元 and sent in 元, exactly: "12.3456" 万元 is 123456 元 by string arithmetic
// (never a binary float), at most 4 decimals (1 元), never negative. The reverse shows a stored
// amount in 万元 with no rounding ("123456" 元 → "12.3456"). No DOM here: the tests run in Node.

const WAN = 10_000n;
const WAN_TEXT = /^(\d{1,14})(?:\.(\d{1,4}))?$/;

/** "12.3456" (万元) → "123456" (元); null when the text is not a non-negative amount with ≤ 4 decimals. */
export function wanToYuan(text: string): string | null {
  const match = WAN_TEXT.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const whole = BigInt(match[1]!);
  const fraction = BigInt((match[2] ?? '').padEnd(4, '0'));
  return (whole * WAN + fraction).toString();
}

/** "123456" (元) → "12.3456" (万元), exact; "" for no amount. */
export function yuanToWan(yuan: string | number | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '';
  const value = BigInt(yuan);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const fraction = (abs % WAN).toString().padStart(4, '0').replace(/0+$/, '');
  const body = fraction ? `${abs / WAN}.${fraction}` : `${abs / WAN}`;
  return negative ? `-${body}` : body;
}

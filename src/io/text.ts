// Text helpers shared by the readers, the header matcher and the writers.

const PRINTABLE_ASCII = /^[\t\n\r -~]*$/;

/** Full-width → half-width (digits, letters, parentheses, commas), whitespace trimmed. */
export function halfWidth(text: string): string {
  // Plain ASCII is already half-width; skipping NFKC keeps large files fast.
  return (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC')).trim();
}

/** Header text for matching: half-width, no whitespace or line breaks, no required-field stars, lower case. */
export function normaliseHeader(text: string): string {
  return halfWidth(text).replace(/[\s*]/g, '').toLowerCase();
}

/** Splits a normalised header into its base and a trailing parenthesised unit ("总投资(万元)" → 总投资, 万元). */
export function splitUnit(normalised: string): { base: string; unit: string | null } {
  const m = /^(.*[^(])\(([^()]*)\)$/.exec(normalised);
  if (!m) return { base: normalised, unit: null };
  return { base: m[1]!, unit: m[2]!.replace(/^单位[:：]?/, '') };
}

/** Excel column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A JS number as plain decimal text, never in exponent form (1e-7 → "0.0000001"). */
export function numberText(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  if (Math.abs(value) >= 1) return BigInt(Math.round(value)).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}

// Text a spreadsheet program would run as a formula; apostrophes before it are escapes we add.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** Prefixes an apostrophe so spreadsheet programs never run the text as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula: drops the one apostrophe our exports added. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text.slice(1)) ? text.slice(1) : text;
}

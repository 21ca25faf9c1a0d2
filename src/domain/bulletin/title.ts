// Breaking a long title into balanced lines at phrase boundaries, as GB/T 9704 asks of titles
// ("回行时，要做到词意完整，排列对称"), instead of letting a word fall alone onto the next line.

/** Display width in characters: Chinese and full-width forms 1, ASCII (digits, Latin) ½. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 && ch !== '“' && ch !== '”' && ch !== '—' ? 0.5 : 1;
  return w;
}

const BREAK_BEFORE = ['“', '综合考评', '的通报', '活动', '重点项目', '（'];
const BREAK_AFTER = ['”', '）', '季度', '全省', '关于'];

function breakPoints(text: string): number[] {
  const points = new Set<number>();
  for (const token of BREAK_BEFORE) {
    for (let i = text.indexOf(token, 1); i > 0; i = text.indexOf(token, i + 1)) points.add(i);
  }
  for (const token of BREAK_AFTER) {
    for (let i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
      const at = i + token.length;
      if (at < text.length) points.add(at);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/**
 * Lines of at most `max` characters (by textWidth), split at phrase boundaries so that the
 * longest line is as short as possible; text that fits stays one line. Without a usable
 * boundary the text is returned whole and the renderer wraps it.
 */
export function titleLines(text: string, max: number): string[] {
  if (textWidth(text) <= max) return [text];
  let best: { left: string; right: string; worst: number } | null = null;
  for (const at of breakPoints(text)) {
    const left = text.slice(0, at);
    const right = text.slice(at);
    if (textWidth(left) > max) continue;
    const worst = Math.max(textWidth(left), Math.min(textWidth(right), max + 1));
    if (!best || worst < best.worst) best = { left, right, worst };
  }
  if (!best) return [text];
  return [best.left, ...titleLines(best.right, max)];
}

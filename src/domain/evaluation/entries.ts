// Checks of bonus/penalty events and manual adjustments as entered (pure): the item against the
// schemes' lists, points as exact decimal text (numeric(8,2)), a reason. Used by the service for
// the API, the CLI and spreadsheet imports alike.
import type { Scheme } from './scheme-schema';

export type EntryKind = 'bonus' | 'penalty';

export interface EventItem {
  id: string;
  name: string;
  /** Where the item is counted: the bonus or penalty category, or a count_points indicator. */
  uses: { scheme: string; where: EntryKind | 'indicator' }[];
}

/**
 * The event items any of the given schemes counts. An event is a fact about a unit (a national
 * award, a false report), not a line of one scheme: it is valid when some scheme lists its item,
 * and each evaluation counts it only if its own scheme does.
 */
export function eventItems(schemes: readonly Scheme[]): Map<string, EventItem> {
  const out = new Map<string, EventItem>();
  const add = (scheme: string, where: EntryKind | 'indicator', id: string, name: string) => {
    const item = out.get(id) ?? { id, name, uses: [] };
    item.uses.push({ scheme, where });
    out.set(id, item);
  };
  for (const s of schemes) {
    for (const dim of s.dimensions)
      for (const ind of dim.indicators)
        if (ind.rule.type === 'count_points')
          for (const it of ind.rule.items) add(s.id, 'indicator', it.id, it.name);
    for (const it of s.bonus?.items ?? []) add(s.id, 'bonus', it.id, it.name);
    for (const it of s.penalty?.items ?? []) add(s.id, 'penalty', it.id, it.name);
  }
  return out;
}

/** The items of a scheme's bonus or penalty category (what a manual adjustment may name). */
export function categoryItems(scheme: Scheme, kind: EntryKind): { id: string; name: string }[] {
  return (kind === 'bonus' ? scheme.bonus?.items : scheme.penalty?.items) ?? [];
}

/** numeric(8,2): at most 6 integer digits. */
const POINTS = /^(\d{1,6})(?:\.(\d{1,2}))?$/;

/**
 * Points as entered ("2.5", "１.5", 2.5) to exact decimal text with two places ("2.50"), or the
 * reason it is refused: positive, at most two decimals. Never goes through binary floating point
 * for storage; a JS number is read through its shortest decimal text.
 */
export function parsePoints(
  value: string | number,
): { ok: true; points: string } | { ok: false; reason: string } {
  const raw =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? String(value)
        : ''
      : value
          .trim()
          .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const m = POINTS.exec(raw);
  if (!m) {
    if (/^-/.test(raw)) return { ok: false, reason: '分值须为正数（加分或扣分由类别表示）' };
    if (/^\d+\.\d{3,}$/.test(raw)) return { ok: false, reason: '分值最多两位小数' };
    return { ok: false, reason: `分值应为正数，最多两位小数，而不是 "${String(value)}"` };
  }
  const whole = String(Number(m[1]));
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (/^0+$/.test(m[1] ?? '') && /^0+$/.test(frac)) return { ok: false, reason: '分值须大于 0' };
  return { ok: true, points: `${whole}.${frac}` };
}

export const KIND_LABEL: Record<EntryKind, string> = { bonus: '加分', penalty: '扣分' };

export function parseKind(value: string): EntryKind | null {
  const t = value.trim();
  if (t === 'bonus' || t === '加分' || t === '加') return 'bonus';
  if (t === 'penalty' || t === '扣分' || t === '扣' || t === '减分') return 'penalty';
  return null;
}

/** An event as entered (one row of a spreadsheet, or the form). */
export interface EventInput {
  regionCode: string;
  eventDate: string;
  /** The item's id or its name in a scheme's list. */
  item: string;
  count: number;
  /** Evidence: the notice or document it rests on. */
  note: string | null;
  reason: string;
}

/** A manual adjustment as entered. */
export interface AdjustmentInput {
  /** A built-in scheme id, or (CLI) a scheme file. */
  scheme: string;
  period: string;
  unitCode: string;
  kind: string;
  item: string | null;
  points: string | number;
  reason: string;
}

// ISO date arithmetic on whole days (UTC), so nothing depends on the machine's time zone.

import type { Rng } from './prng.js';

// Civil-calendar arithmetic after H. Hinnant's days_from_civil / civil_from_days: pure integers,
// much faster than going through Date for the hundreds of thousands of dates the demo makes.

/** Days since 1970-01-01 of an ISO date. */
export function toDay(iso: string): number {
  const m = +iso.slice(5, 7);
  const d = +iso.slice(8, 10);
  const y = +iso.slice(0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoDate(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month]!;
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

/** The monthly report deadline: the 5th of the following month. */
export function reportDeadline(year: number, month: number): string {
  return month === 12 ? isoDate(year + 1, 1, 5) : isoDate(year, month + 1, 5);
}

export function quarterStart(year: number, quarter: number): string {
  return isoDate(year, quarter * 3 - 2, 1);
}

export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
}

/** Quarter (1–4) of an ISO date. */
export function quarterOf(iso: string): number {
  return Math.ceil(+iso.slice(5, 7) / 3);
}

export function yearOf(iso: string): number {
  return +iso.slice(0, 4);
}

export function monthOf(iso: string): number {
  return +iso.slice(5, 7);
}

/** A uniformly random date in [from, to] (inclusive); `from` when the range is empty. */
export function randomDate(rng: Rng, from: string, to: string): string {
  const a = toDay(from);
  const b = toDay(to);
  return b <= a ? from : fromDay(rng.int(a, b));
}

/** A random working-ish day of a month (1st–28th keeps every month valid). */
export function randomDayOfMonth(rng: Rng, year: number, month: number, minDay = 1): string {
  return isoDate(year, month, rng.int(Math.min(minDay, 28), 28));
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

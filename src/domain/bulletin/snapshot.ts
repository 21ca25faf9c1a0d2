// What a published period's 通报 and unit summaries state besides the scores, taken when the evaluation
// is published and stored beside it (not in its hashed snapshot): the figures of the ranked region and
// of each unit, the red and yellow projects at the period's last month, the ranks of the earlier
// periods of the year, and the 模拟数据 mark. A bulletin of a published period reads only this, so
// data imported afterwards change nothing in it. Amounts are integer 元, stored as decimal strings.
import type { LightLevel } from '../alerts';
import { emptyTotals, type UnitTotals } from '../metrics';
import { parsePeriod } from '../period';
import { BulletinInputError } from './errors';
import type { EarlierRanks, RegionFigures } from './inputs';
import type { BulletinWarning } from './warnings';

export const BULLETIN_SNAPSHOT_VERSION = 1;

/** A region the warnings are counted by: a child unit of the province (or the province itself). */
export interface WarningUnit {
  code: string;
  name: string;
}

/** The red and yellow projects of the province at the period's last month. */
export interface WarningsSnapshot {
  /** The province's units in order (cities, 济源示范区, 省直管县), for the counts per unit. */
  units: WarningUnit[];
  /** How many monitored projects are at each level (green included). */
  counts: Record<LightLevel, number>;
  /** Red first, then yellow; within a level by project code. */
  projects: BulletinWarning[];
}

export interface BulletinSnapshot {
  version: typeof BULLETIN_SNAPSHOT_VERSION;
  /** ISO time the figures were taken (the publication). */
  takenAt: string;
  simulated: boolean;
  /** Region code → figures: the ranked region itself and each of its units. */
  figures: Record<string, RegionFigures>;
  earlier: EarlierRanks[];
  /** Only when the ranked region is the province (the 通报's 附件). */
  warnings: WarningsSnapshot | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** bigint → decimal string, everything else as it is: the JSON stored in the database. */
export function snapshotToJson(snapshot: BulletinSnapshot): Json {
  const plain = { ...snapshot, earlier: earlierToJson(snapshot.earlier) };
  return JSON.parse(
    JSON.stringify(plain, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  ) as Json;
}

const BIG_TOTALS: Record<keyof UnitTotals, readonly string[]> = {
  key: ['annualTarget', 'investYtd', 'outputValue'],
  deals: ['signedAmount', 'fundsInPlace', 'outsideFunds'],
  reserve: ['investment'],
  services: [],
};

function totalsFromJson(raw: unknown): UnitTotals {
  const out = emptyTotals();
  const source = record(raw, 'totals');
  for (const section of Object.keys(out) as (keyof UnitTotals)[]) {
    if (source[section] === undefined) continue;
    const values = record(source[section], section);
    const target = out[section] as Record<string, number | bigint>;
    for (const field of Object.keys(target)) {
      const value = values[field];
      if (value === undefined) continue; // a figure added after this snapshot was taken: 0
      target[field] = BIG_TOTALS[section].includes(field) ? bigOf(value, field) : numberOf(value, field);
    }
  }
  return out;
}

function figuresFromJson(raw: unknown): RegionFigures {
  const f = record(raw, 'figures');
  return {
    totals: totalsFromJson(f.totals),
    programme982: f.programme982 == null ? null : totalsFromJson({ key: f.programme982 }).key,
  };
}

function warningFromJson(raw: unknown): BulletinWarning {
  const w = record(raw, 'warning');
  const level = w.level;
  if (level !== 'red' && level !== 'yellow') throw new BulletinInputError(`预警等级无效：${String(level)}`);
  return {
    code: stringOf(w.code, 'code'),
    name: stringOf(w.name, 'name'),
    regionCode: stringOf(w.regionCode, 'regionCode'),
    regionName: stringOf(w.regionName, 'regionName'),
    unitCode: stringOf(w.unitCode, 'unitCode'),
    unitName: stringOf(w.unitName, 'unitName'),
    level,
    alerts: arrayOf(w.alerts, 'alerts').map((a) => ({
      message: stringOf(record(a, 'alert').message, 'message'),
    })),
    annualTarget: w.annualTarget == null ? null : bigOf(w.annualTarget, 'annualTarget'),
    investYtd: w.investYtd == null ? null : bigOf(w.investYtd, 'investYtd'),
  };
}

/** The stored JSON back to a snapshot; throws BulletinInputError on anything else. */
export function snapshotFromJson(raw: unknown): BulletinSnapshot {
  const s = record(raw, 'snapshot');
  if (s.version !== BULLETIN_SNAPSHOT_VERSION) {
    throw new BulletinInputError(`通报数据快照的版本 ${String(s.version)} 无法读取`);
  }
  const figures = record(s.figures, 'figures');
  const warnings = s.warnings == null ? null : record(s.warnings, 'warnings');
  const counts = warnings ? record(warnings.counts, 'counts') : null;
  return {
    version: BULLETIN_SNAPSHOT_VERSION,
    takenAt: stringOf(s.takenAt, 'takenAt'),
    simulated: s.simulated === true,
    figures: Object.fromEntries(Object.entries(figures).map(([code, f]) => [code, figuresFromJson(f)])),
    earlier: arrayOf(s.earlier, 'earlier').map((e) => {
      const r = record(e, 'earlier');
      const ranks = record(r.ranks, 'ranks');
      return {
        period: parsePeriod(stringOf(r.period, 'period')),
        ranks: Object.fromEntries(Object.entries(ranks).map(([k, v]) => [k, numberOf(v, k)])),
        published: r.published === true,
      };
    }),
    warnings:
      warnings && counts
        ? {
            units: arrayOf(warnings.units, 'units').map((u) => {
              const unit = record(u, 'unit');
              return { code: stringOf(unit.code, 'code'), name: stringOf(unit.name, 'name') };
            }),
            counts: {
              red: numberOf(counts.red, 'red'),
              yellow: numberOf(counts.yellow, 'yellow'),
              green: numberOf(counts.green, 'green'),
            },
            projects: arrayOf(warnings.projects, 'projects').map(warningFromJson),
          }
        : null,
  };
}

/** The earlier ranks as stored: the period by its id. */
function earlierToJson(earlier: readonly EarlierRanks[]) {
  return earlier.map((e) => ({ period: e.period.id, ranks: e.ranks, published: e.published }));
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BulletinInputError(`通报数据快照无效：${what} 不是对象`);
  }
  return value as Record<string, unknown>;
}

function arrayOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new BulletinInputError(`通报数据快照无效：${what} 不是数组`);
  return value;
}

function stringOf(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new BulletinInputError(`通报数据快照无效：${what} 不是文本`);
  return value;
}

function numberOf(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new BulletinInputError(`通报数据快照无效：${what} 不是数`);
  }
  return value;
}

function bigOf(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw new BulletinInputError(`通报数据快照无效：${what} 不是整数金额`);
  }
  return BigInt(value);
}

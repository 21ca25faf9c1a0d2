import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectRecord, ReportRecord } from '../domain/records.js';
import { DEMO_LABEL, type DemoData, generateDemo } from './generate-demo.js';

// A small reference computation of the metric definitions the statistics layer uses
// (region = itself and all descendants; period = January..month N of year Y).

const YI = 100_000_000n;
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const deadline = (y: number, m: number) =>
  m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, '0')}-05`;

class Reference {
  private readonly children = new Map<string, string[]>();
  private readonly reportsByProjectYear = new Map<string, ReportRecord[]>();
  private readonly projectRegion = new Map<string, string>();

  constructor(private readonly d: DemoData) {
    for (const r of d.regions) {
      if (r.parentCode) this.children.set(r.parentCode, [...(this.children.get(r.parentCode) ?? []), r.code]);
    }
    for (const r of d.reports) {
      const key = `${r.projectCode}|${r.year}`;
      const byMonth = this.reportsByProjectYear.get(key) ?? [];
      byMonth[r.month] = r;
      this.reportsByProjectYear.set(key, byMonth);
    }
    for (const l of d.projectLists) for (const p of l.projects) this.projectRegion.set(p.code, p.regionCode);
  }

  within(region: string): Set<string> {
    const out = new Set([region]);
    const stack = [region];
    while (stack.length > 0) {
      for (const c of this.children.get(stack.pop()!) ?? []) {
        if (!out.has(c)) {
          out.add(c);
          stack.push(c);
        }
      }
    }
    return out;
  }

  key(region: string, year: number, month: number, lists: readonly string[]) {
    const area = this.within(region);
    const end = monthEnd(year, month);
    const projects = new Map<string, { p: ProjectRecord; target: bigint }>();
    for (const l of this.d.projectLists) {
      if (l.year !== year || !lists.includes(l.list)) continue;
      for (const p of l.projects) {
        if (!area.has(p.regionCode)) continue;
        const t = p.annualTarget ?? 0n;
        const seen = projects.get(p.code);
        if (!seen || t > seen.target) projects.set(p.code, { p, target: t });
      }
    }
    let annualTarget = 0n;
    let investYtd = 0n;
    let plannedNewStarts = 0;
    let newStarted = 0;
    let plannedCompletions = 0;
    let completed = 0;
    let onTime = 0;
    for (const { p, target } of projects.values()) {
      annualTarget += target;
      const byMonth = this.reportsByProjectYear.get(`${p.code}|${year}`) ?? [];
      const upTo: ReportRecord[] = [];
      for (let m = 1; m <= month; m++) {
        const r = byMonth[m];
        if (!r) continue;
        upTo.push(r);
        if (r.reportedAt === null || r.reportedAt <= deadline(year, m)) onTime++;
      }
      investYtd += upTo.at(-1)?.investYtd ?? 0n;
      if (p.nature === 'new') {
        plannedNewStarts++;
        if (upTo.some((r) => r.started) || (p.actualStart !== null && p.actualStart <= end)) newStarted++;
      }
      if (p.nature === 'completing' || p.plannedCompletion?.startsWith(`${year}-`)) {
        plannedCompletions++;
        if (upTo.some((r) => r.completed) || (p.actualCompletion !== null && p.actualCompletion <= end))
          completed++;
      }
    }
    return {
      projectCount: projects.size,
      annualTarget,
      investYtd,
      investRate: Number(investYtd) / Number(annualTarget),
      plannedNewStarts,
      newStarted,
      newStartRate: newStarted / plannedNewStarts,
      plannedCompletions,
      completed,
      completionRate: completed / plannedCompletions,
      onTimeRate: onTime / (projects.size * month),
    };
  }

  /** 投产达效 as the statistics define it: planned within year Y; in production by the period end. */
  production(region: string, year: number, month: number, lists: readonly string[]) {
    const area = this.within(region);
    const end = monthEnd(year, month);
    const projects = new Map<string, ProjectRecord>();
    for (const l of this.d.projectLists) {
      if (l.year !== year || !lists.includes(l.list)) continue;
      for (const p of l.projects) if (area.has(p.regionCode)) projects.set(p.code, p);
    }
    let planned = 0;
    let plannedInProduction = 0;
    let started = 0;
    let outputValue = 0n;
    for (const p of projects.values()) {
      const inProduction = p.productionStart !== null && p.productionStart <= end;
      if (p.plannedProduction?.startsWith(`${year}-`)) {
        planned++;
        if (inProduction) plannedInProduction++;
      }
      if (inProduction) {
        started++;
        outputValue += p.outputValue ?? 0n;
      }
    }
    return { planned, started, rate: plannedInProduction / planned, outputValue };
  }

  deals(region: string, year: number, month: number) {
    const area = this.within(region);
    const end = monthEnd(year, month);
    const signed = this.d.deals.filter(
      (x) => area.has(x.regionCode) && x.signedDate >= `${year}-01-01` && x.signedDate <= end,
    );
    const started = signed.filter((x) => x.startDate !== null && x.startDate <= end).length;
    return {
      signedCount: signed.length,
      signedAmount: signed.reduce((s, x) => s + x.contractAmount, 0n),
      startedCount: started,
      landingRate: started / signed.length,
      outsideFunds: signed.filter((x) => x.origin !== 'in_province').reduce((s, x) => s + x.fundsInPlace, 0n),
      bigShare: signed.filter((x) => x.contractAmount >= 20n * YI).length / signed.length,
      top500Share: signed.filter((x) => x.top500 !== null).length / signed.length,
    };
  }

  reserve(region: string, year: number) {
    const area = this.within(region);
    const rs = this.d.reserve.filter((r) => area.has(r.regionCode) && r.targetYear === year + 1);
    return {
      count: rs.length,
      investment: rs.reduce((s, r) => s + (r.totalInvestment ?? 0n), 0n),
      majorCount: rs.filter((r) => r.major).length,
      conversionRate: rs.filter((r) => r.convertedProjectCode !== null).length / rs.length,
    };
  }

  approvals(region: string, year: number, month: number) {
    const area = this.within(region);
    const end = monthEnd(year, month);
    const due = this.d.approvals.filter(
      (a) =>
        area.has(this.projectRegion.get(a.projectCode)!) &&
        a.dueDate !== null &&
        a.dueDate >= `${year}-01-01` &&
        a.dueDate <= end,
    );
    const done = due.filter((a) => a.doneDate !== null && a.doneDate <= end);
    const days = done.map((a) => (Date.parse(a.doneDate!) - Date.parse(a.submittedDate!)) / 86_400_000);
    return {
      due: due.length,
      completionRate: done.length / due.length,
      avgDays: days.reduce((s, x) => s + x, 0) / days.length,
    };
  }

  issues(region: string, year: number, month: number) {
    const area = this.within(region);
    const end = monthEnd(year, month);
    const raised = this.d.issues.filter(
      (i) =>
        area.has(this.projectRegion.get(i.projectCode)!) &&
        i.raisedDate >= `${year}-01-01` &&
        i.raisedDate <= end,
    );
    const resolved = raised.filter((i) => i.resolvedDate !== null && i.resolvedDate <= end).length;
    return { raised: raised.length, resolutionRate: resolved / raised.length };
  }
}

const LUOYANG = '410300';
const ZHENGZHOU = '410100';
const JIAOZUO = '410800';
const KEY_LISTS = ['province_key', 'city_key'] as const;

/** A digest of the whole demo, record by record (no one string of the whole: ~100 MB, and GC under load). */
function digest(d: DemoData): string {
  const hash = createHash('sha256');
  const bigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
  for (const [table, rows] of Object.entries(d)) {
    hash.update(`\n${table}\n`);
    for (const row of rows as unknown[]) hash.update(`${JSON.stringify(row, bigints)}\n`);
  }
  return hash.digest('hex');
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const k of keys) {
    if (seen.has(k)) dup.push(k);
    seen.add(k);
  }
  return dup;
}

let demo: DemoData;
let ref: Reference;

beforeAll(() => {
  demo = generateDemo();
  ref = new Reference(demo);
});

describe('generateDemo: determinism and size', () => {
  // (its speed is measured by the demo load in docs/benchmarks.md, not asserted here)
  it('gives the same bytes on every call', () => {
    expect(digest(generateDemo())).toBe(digest(demo));
  });

  it('stays within the stated sizes', () => {
    const lists = demo.projectLists.map((l) => `${l.year} ${l.list}`);
    for (const year of [2019, 2020, 2021]) {
      expect(lists).toContain(`${year} province_key`);
      expect(lists).toContain(`${year} city_key`);
      const provinceKey = demo.projectLists.find((l) => l.year === year && l.list === 'province_key')!;
      expect(provinceKey.projects.length).toBeGreaterThan(1_050);
      expect(provinceKey.projects.length).toBeLessThan(1_400);
    }
    expect(lists).toContain('2020 982');
    expect(demo.reports.length).toBeLessThanOrEqual(250_000);
    expect(demo.reports.length).toBeGreaterThan(150_000);
    expect(demo.deals.length).toBeGreaterThan(5_000);
    expect(demo.reserve.length).toBeGreaterThan(10_000);
    expect(demo.approvals.length).toBeGreaterThan(5_000);
    expect(demo.issues.length).toBeGreaterThan(1_000);
  });

  it('has the province, 17 cities, 济源示范区 and the 10 省直管县 from the csv, and Luoyang’s 15 counties', () => {
    const byKind = (k: string) => demo.regions.filter((r) => r.kind === k);
    expect(byKind('province').map((r) => r.code)).toEqual(['410000']);
    expect(byKind('city')).toHaveLength(17);
    expect(byKind('demo_zone').map((r) => r.code)).toEqual(['419001']);
    expect(
      byKind('direct_county')
        .map((r) => r.code)
        .sort(),
    ).toEqual(
      [
        '410181',
        '410225',
        '410482',
        '410526',
        '410783',
        '411381',
        '411481',
        '411525',
        '411628',
        '411729',
      ].sort(),
    );
    for (const r of [...byKind('city'), ...byKind('demo_zone'), ...byKind('direct_county')]) {
      expect(r.parentCode).toBe('410000');
    }
    expect(demo.regions.filter((r) => r.parentCode === LUOYANG)).toHaveLength(15);
  });

  it('marks the data as simulated', () => {
    expect(DEMO_LABEL).toBe('模拟数据');
    for (const l of demo.projectLists) {
      for (const p of l.projects) expect(p.scope).toContain(DEMO_LABEL);
    }
  });
});

describe('generateDemo: integrity', () => {
  it('refers only to records that exist', () => {
    const regions = new Set(demo.regions.map((r) => r.code));
    for (const r of demo.regions) if (r.parentCode !== null) expect(regions.has(r.parentCode)).toBe(true);
    const projects = new Set<string>();
    const listed = new Set<string>();
    for (const l of demo.projectLists) {
      for (const p of l.projects) {
        expect(regions.has(p.regionCode)).toBe(true);
        projects.add(p.code);
        listed.add(`${p.code}|${l.year}`);
      }
    }
    const missing = (codes: Iterable<string | null>) =>
      [...codes].filter((c) => c !== null && !projects.has(c));
    expect(missing(demo.approvals.map((a) => a.projectCode))).toEqual([]);
    expect(missing(demo.issues.map((i) => i.projectCode))).toEqual([]);
    expect(missing(demo.deals.map((d) => d.projectCode))).toEqual([]);
    expect(missing(demo.reserve.map((r) => r.convertedProjectCode))).toEqual([]);
    expect(demo.reports.filter((r) => !listed.has(`${r.projectCode}|${r.year}`))).toEqual([]);
    expect(demo.deals.filter((d) => !regions.has(d.regionCode))).toEqual([]);
    expect(demo.reserve.filter((r) => !regions.has(r.regionCode))).toEqual([]);
  });

  it('has no duplicate keys', () => {
    for (const l of demo.projectLists) expect(duplicates(l.projects.map((p) => p.code))).toEqual([]);
    expect(duplicates(demo.reports.map((r) => `${r.projectCode}|${r.year}|${r.month}`))).toEqual([]);
    expect(duplicates(demo.deals.map((d) => `${d.name}|${d.regionCode}`))).toEqual([]);
    expect(duplicates(demo.reserve.map((r) => `${r.name}|${r.regionCode}|${r.targetYear}`))).toEqual([]);
    expect(duplicates(demo.approvals.map((a) => `${a.projectCode}|${a.itemName}`))).toEqual([]);
    expect(duplicates(demo.issues.map((i) => `${i.projectCode}|${i.description}|${i.raisedDate}`))).toEqual(
      [],
    );
  });

  it('uses national project codes and keeps a project the same on every list and year', () => {
    const first = new Map<string, ProjectRecord>();
    const statics = (p: ProjectRecord) => {
      const { nature: _n, annualTarget: _t, ...rest } = p;
      return JSON.stringify(rest, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    };
    const bad: string[] = [];
    for (const l of demo.projectLists) {
      for (const p of l.projects) {
        const m = /^(\d{4})-(\d{6})-\d{2}-\d{2}-\d{6}$/.exec(p.code);
        if (!m || m[2] !== p.regionCode || +m[1]! > l.year) bad.push(`${p.code}: code`);
        const seen = first.get(p.code);
        if (!seen) first.set(p.code, p);
        else if (statics(p) !== statics(seen)) bad.push(`${p.code}: differs between lists`);
        if (p.annualTarget !== null && p.totalInvestment !== null && p.annualTarget > p.totalInvestment) {
          bad.push(`${p.code}: target above total`);
        }
      }
    }
    expect(bad).toEqual([]);
    // Continuing projects carry their code across years.
    const years = new Map<string, Set<number>>();
    for (const l of demo.projectLists) {
      for (const p of l.projects) years.set(p.code, (years.get(p.code) ?? new Set()).add(l.year));
    }
    expect([...years.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(2_000);
    expect([...years.values()].filter((s) => s.size === 3).length).toBeGreaterThan(300);
  });

  it('keeps investYtd non-decreasing and the flags consistent within a project-year', () => {
    const last = new Map<string, ReportRecord>();
    const bad: string[] = [];
    for (const r of demo.reports) {
      const key = `${r.projectCode}|${r.year}|${r.month}`;
      const prev = last.get(`${r.projectCode}|${r.year}`);
      if (prev) {
        if (r.month <= prev.month) bad.push(`${key}: month order`);
        if (r.investYtd < prev.investYtd) bad.push(`${key}: investYtd decreases`);
        if (prev.started && !r.started) bad.push(`${key}: no longer started`);
        if (prev.completed && !r.completed) bad.push(`${key}: no longer completed`);
      }
      if (r.investYtd < 0n) bad.push(`${key}: negative`);
      if (r.started !== (r.startDate !== null)) bad.push(`${key}: startDate`);
      if (r.completed !== (r.completionDate !== null)) bad.push(`${key}: completionDate`);
      if (r.completed && !r.started) bad.push(`${key}: completed before started`);
      last.set(`${r.projectCode}|${r.year}`, r);
    }
    expect(bad).toEqual([]);
  });

  it('dates follow each other', () => {
    const bad: string[] = [];
    for (const l of demo.projectLists) {
      for (const p of l.projects) {
        if (p.actualCompletion !== null && !(p.actualStart !== null && p.actualStart < p.actualCompletion)) {
          bad.push(`project ${p.code}`);
        }
        if (p.productionStart !== null && !(p.actualStart !== null && p.actualStart < p.productionStart)) {
          bad.push(`production ${p.code}`);
        }
      }
    }
    for (const d of demo.deals)
      if (d.startDate !== null && d.startDate < d.signedDate) bad.push(`deal ${d.name}`);
    for (const a of demo.approvals) {
      if (!(a.submittedDate! < a.dueDate!) || (a.doneDate !== null && a.doneDate <= a.submittedDate!)) {
        bad.push(`approval ${a.projectCode} ${a.itemName}`);
      }
    }
    for (const i of demo.issues)
      if (i.resolvedDate !== null && i.resolvedDate <= i.raisedDate) bad.push(`issue ${i.projectCode}`);
    expect(bad).toEqual([]);
  });

  it('has the realistic blemishes: late, missing, unstarted, unresolved, overdue', () => {
    const lateReports = demo.reports.filter((r) => r.reportedAt! > deadline(r.year, r.month)).length;
    expect(lateReports / demo.reports.length).toBeGreaterThan(0.03);
    const luoyang2020 = demo.projectLists
      .filter((l) => l.year === 2020)
      .flatMap((l) => l.projects)
      .filter((p) => ref.within(LUOYANG).has(p.regionCode));
    const codes = new Set(luoyang2020.map((p) => p.code));
    const filed = demo.reports.filter(
      (r) => r.year === 2020 && r.month <= 9 && codes.has(r.projectCode),
    ).length;
    expect(codes.size * 9 - filed).toBeGreaterThan(0);
    expect(demo.deals.filter((d) => d.startDate === null).length).toBeGreaterThan(100);
    expect(demo.issues.filter((i) => i.resolvedDate === null).length).toBeGreaterThan(50);
    expect(
      demo.approvals.filter((a) => a.doneDate === null || a.doneDate > a.dueDate!).length,
    ).toBeGreaterThan(500);
    expect(demo.reports.filter((r) => r.problems !== null).length).toBeGreaterThan(1_000);
  });
});

describe('generateDemo: the seed article’s figures for Luoyang at 2020-09', () => {
  it('515 key projects, 1532 亿元 done, 96.9% of the target; 250 of 253 new starts (98.8%)', () => {
    const k = ref.key(LUOYANG, 2020, 9, KEY_LISTS);
    expect(k.projectCount).toBe(515);
    expect(k.investYtd).toBe(1532n * YI);
    expect(k.annualTarget).toBe(1581n * YI);
    expect(k.investRate.toFixed(3)).toBe('0.969');
    expect(k.plannedNewStarts).toBe(253);
    expect(k.newStarted).toBe(250);
    expect((k.newStartRate * 100).toFixed(1)).toBe('98.8');
  });

  it('728 "982" projects, disjoint from the key lists: 99.18% started, 1847 亿元, 102% of the plan', () => {
    const s = ref.key(LUOYANG, 2020, 9, ['982']);
    expect(s.projectCount).toBe(728);
    expect(s.investYtd).toBe(1847n * YI);
    expect(s.annualTarget).toBe(1811n * YI);
    expect((s.investRate * 100).toFixed(0)).toBe('102');
    expect(s.plannedNewStarts).toBe(610);
    expect(s.newStarted).toBe(605);
    expect((s.newStartRate * 100).toFixed(2)).toBe('99.18');
    const all = ref.key(LUOYANG, 2020, 9, [...KEY_LISTS, '982']);
    expect(all.projectCount).toBe(515 + 728);
    expect(all.investYtd).toBe((1532n + 1847n) * YI);
  });

  it('254 deals signed in January–September worth 1771.5 亿元, 204 started', () => {
    const d = ref.deals(LUOYANG, 2020, 9);
    expect(d.signedCount).toBe(254);
    expect(d.signedAmount).toBe((17_715n * YI) / 10n);
    expect(d.startedCount).toBe(204);
  });

  it('more than 1000 projects reserved for 2021', () => {
    expect(ref.reserve(LUOYANG, 2020).count).toBeGreaterThan(1_000);
  });

  it('later reports do not change the September figures', () => {
    const octoberOn = demo.reports.filter((r) => r.year === 2020 && r.month >= 10);
    expect(octoberOn.length).toBeGreaterThan(0);
    const trimmed = new Reference({
      ...demo,
      reports: demo.reports.filter((r) => r.year !== 2020 || r.month <= 9),
    });
    expect(trimmed.key(LUOYANG, 2020, 9, KEY_LISTS)).toEqual(ref.key(LUOYANG, 2020, 9, KEY_LISTS));
    expect(trimmed.key(LUOYANG, 2020, 9, ['982'])).toEqual(ref.key(LUOYANG, 2020, 9, ['982']));
  });

  it('is strong but different in March and June, and grows month by month', () => {
    const q1 = ref.key(LUOYANG, 2020, 3, KEY_LISTS);
    const q2 = ref.key(LUOYANG, 2020, 6, KEY_LISTS);
    const q3 = ref.key(LUOYANG, 2020, 9, KEY_LISTS);
    expect(q1.investYtd < q2.investYtd && q2.investYtd < q3.investYtd).toBe(true);
    expect(q1.newStarted < q2.newStarted && q2.newStarted < q3.newStarted).toBe(true);
    for (const month of [3, 6]) {
      const cities = cityGroup().map((c) => ref.key(c, 2020, month, KEY_LISTS));
      const mine = ref.key(LUOYANG, 2020, month, KEY_LISTS);
      // Time progress is month / 12; Luoyang runs ahead of it and of most cities.
      expect(mine.investRate).toBeGreaterThan(month / 12 - 0.05);
      expect(cities.filter((c) => c.investRate > mine.investRate).length).toBeLessThanOrEqual(2);
      expect(cities.filter((c) => c.newStartRate > mine.newStartRate).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('generateDemo: 投产达效', () => {
  const unique = () => {
    const out = new Map<string, ProjectRecord>();
    for (const l of demo.projectLists) for (const p of l.projects) out.set(p.code, p);
    return [...out.values()];
  };

  it('gives industrial, energy and agricultural projects a planned production date and an output value', () => {
    const all = unique();
    const producing = all.filter((p) => p.outputValue !== null);
    expect(producing.length).toBeGreaterThan(3_000);
    const bad: string[] = [];
    for (const p of all) {
      const hasAny = p.plannedProduction !== null || p.productionStart !== null || p.outputValue !== null;
      if (!hasAny) continue;
      if (!['先进制造业', '能源', '现代农业'].includes(p.domain!)) bad.push(`${p.code}: domain ${p.domain}`);
      if (p.plannedProduction === null || p.outputValue === null) bad.push(`${p.code}: incomplete`);
      // 0.4–2.5 × total investment, rounded to 10 or 100 万元.
      const ratio = Number(p.outputValue) / Number(p.totalInvestment);
      if (ratio < 0.39 || ratio > 2.52) bad.push(`${p.code}: output ${ratio.toFixed(2)} × total`);
      const anchor = p.actualStart ?? p.plannedStart!;
      if (p.plannedProduction! < anchor) bad.push(`${p.code}: planned production before the start`);
    }
    expect(bad).toEqual([]);
    // Not every project of those domains: government farmland reports no output value.
    expect(all.filter((p) => p.domain === '现代农业' && p.outputValue === null).length).toBeGreaterThan(50);
  });

  it('puts most of a year’s planned projects into production by its end, some late, a few not yet', () => {
    for (const year of [2019, 2020]) {
      const due = unique().filter((p) => p.plannedProduction?.startsWith(`${year}-`));
      const byYearEnd = due.filter((p) => p.productionStart !== null && p.productionStart <= `${year}-12-31`);
      const late = due.filter((p) => p.productionStart !== null && p.productionStart > `${year}-12-31`);
      expect(due.length, `${year}`).toBeGreaterThan(300);
      expect(byYearEnd.length / due.length, `${year}`).toBeGreaterThan(0.8);
      expect(byYearEnd.length / due.length, `${year}`).toBeLessThan(0.95);
      expect(late.length, `${year}`).toBeGreaterThan(10);
    }
  });

  it('at 2020-09: Anyang leads the production rate, Zhengzhou the volumes; Luoyang is on time', () => {
    const production = new Map(cityGroup().map((c) => [c, ref.production(c, 2020, 9, KEY_LISTS)]));
    const by = (f: (x: ReturnType<Reference['production']>) => number) =>
      new Map([...production].map(([c, x]) => [c, f(x)]));
    expect(leader(by((x) => x.rate))).toBe('410500');
    expect(leader(by((x) => x.started))).toBe(ZHENGZHOU);
    expect(leader(by((x) => Number(x.outputValue)))).toBe(ZHENGZHOU);
    const luoyang = production.get(LUOYANG)!;
    expect(luoyang.planned).toBeGreaterThan(20);
    expect(luoyang.rate).toBeGreaterThan(0.6);
    expect(luoyang.rate).toBeLessThan(0.8);
    for (const x of production.values()) expect(x.planned).toBeGreaterThan(0);
  });
});

function cityGroup(): string[] {
  return demo.regions.filter((r) => r.kind === 'city' || r.kind === 'demo_zone').map((r) => r.code);
}

function leader(values: Map<string, number>): string {
  return [...values.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

describe('generateDemo: profile intent among the cities at 2020-09', () => {
  const metric = (f: (code: string) => number) => new Map(cityGroup().map((c) => [c, f(c)]));

  it('Jiaozuo leads 比招引看投资: outside funds, big-deal share, top-500 share', () => {
    expect(leader(metric((c) => Number(ref.deals(c, 2020, 9).outsideFunds)))).toBe(JIAOZUO);
    expect(leader(metric((c) => ref.deals(c, 2020, 9).bigShare))).toBe(JIAOZUO);
    expect(leader(metric((c) => ref.deals(c, 2020, 9).top500Share))).toBe(JIAOZUO);
  });

  it('Zhengzhou leads the raw volumes but not the rates', () => {
    expect(leader(metric((c) => ref.key(c, 2020, 9, KEY_LISTS).projectCount))).toBe(ZHENGZHOU);
    expect(leader(metric((c) => Number(ref.key(c, 2020, 9, KEY_LISTS).investYtd)))).toBe(ZHENGZHOU);
    expect(leader(metric((c) => ref.deals(c, 2020, 9).signedCount))).toBe(ZHENGZHOU);
    expect(leader(metric((c) => Number(ref.deals(c, 2020, 9).signedAmount)))).toBe(ZHENGZHOU);
    expect(leader(metric((c) => ref.reserve(c, 2020).count))).toBe(ZHENGZHOU);
    expect(leader(metric((c) => ref.key(c, 2020, 9, KEY_LISTS).investRate))).not.toBe(ZHENGZHOU);
    expect(leader(metric((c) => ref.key(c, 2020, 9, KEY_LISTS).newStartRate))).not.toBe(ZHENGZHOU);
    expect(leader(metric((c) => ref.deals(c, 2020, 9).landingRate))).not.toBe(ZHENGZHOU);
  });

  it('Luoyang does not lead every indicator', () => {
    const rates = [
      metric((c) => ref.key(c, 2020, 9, KEY_LISTS).investRate),
      metric((c) => ref.key(c, 2020, 9, KEY_LISTS).newStartRate),
      metric((c) => ref.key(c, 2020, 9, KEY_LISTS).completionRate),
      metric((c) => ref.key(c, 2020, 9, KEY_LISTS).onTimeRate),
      metric((c) => ref.deals(c, 2020, 9).landingRate),
      metric((c) => ref.reserve(c, 2020).conversionRate),
    ];
    const ledByOthers = rates.filter((m) => leader(m) !== LUOYANG).length;
    expect(ledByOthers).toBeGreaterThanOrEqual(3);
    // …while it stays near the top of the rates it is known for.
    const invest = rates[0]!;
    expect([...invest.values()].filter((v) => v > invest.get(LUOYANG)!).length).toBeLessThanOrEqual(1);
  });

  it('approvals and issues are handled, mostly', () => {
    const a = ref.approvals(LUOYANG, 2020, 9);
    const i = ref.issues(LUOYANG, 2020, 9);
    expect(a.due).toBeGreaterThan(100);
    expect(a.completionRate).toBeGreaterThan(0.9);
    expect(a.avgDays).toBeGreaterThan(5);
    expect(i.raised).toBeGreaterThan(20);
    expect(i.resolutionRate).toBeGreaterThan(0.6);
    expect(i.resolutionRate).toBeLessThan(1);
  });
});

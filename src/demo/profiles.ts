// The one place to tune the demo province. Every unit (city, 济源示范区, 省直管县) is shaped by
// BASELINE (a typical city) times its entry in UNIT_PROFILES, times YEAR_ADJUST for the year.
//
// A multiplier is either one number for all quarters or [Q1, Q2, Q3, Q4]. Quarterly values are
// cumulative positions at each quarter end (e.g. startShare [0.3, 0.7, 0.9, 0.97] = 30% of the
// planned new starts started by 31 March, 70% by 30 June…); shares are clamped to [0, 1] and made
// non-decreasing. The generator hits the investment rates, start shares, deal counts and shares,
// landing rates and reserve counts exactly (up to rounding counts to whole projects or deals), so a
// tuning pass can reason directly in metric values. Completions stop short when too few projects
// are eligible; approvals, issues and report punctuality are drawn per item, so they are only
// expected values. 2020 is used as given; 2019 and 2021 get a ±3% wobble per unit so the years are
// not copies of each other. Luoyang 2020 Q3 is then pinned to the seed article (calibration.ts).
//
// Intent of the defaults (2020 Q1–Q3, cities group, checked in generate-demo.test.ts): Luoyang first
// or second on nearly every rate; Zhengzhou first on raw volumes (projects, investment, deals,
// amounts, reserve) but not on rates; Jiaozuo first on the 比招引看投资 indicators (out-of-province
// funds, big-deal share, top-500 share); in Q3 Xuchang leads the investment rate and Luohe the
// new-start rate; Luohe leads reporting punctuality, Hebi the landing rate, Xinxiang the completion
// rate, Nanyang the reserve conversion, Jiyuan the approval speed — so Luoyang does not lead everything.
// 投产达效 (production.ts, drawn last on separate streams so it moves none of the figures above): Anyang
// leads the production rate (in production ÷ planned this year); volumes follow the unit sizes.

export type Quarterly = readonly [number, number, number, number];
/** One multiplier for all quarters, or one per quarter [Q1, Q2, Q3, Q4]. */
export type Mult = number | Quarterly;

export interface Baseline {
  /** investYtd / annualTarget at each quarter end, divided by time progress (1 = on schedule). */
  investPace: Quarterly;
  /** The "982" list's investment pace relative to the key lists'. */
  pace982: number;
  /** Cumulative share of planned new starts started by each quarter end. */
  startShare: Quarterly;
  /** Cumulative share of planned completions completed by each quarter end. */
  completionShare: Quarterly;
  /** Share of key projects with nature `new`, and of "982" projects. */
  newShare: number;
  newShare982: number;
  /** Share of a year's deals signed in each quarter (sums to 1). */
  dealSeason: Quarterly;
  /** Median contract amount of an ordinary deal (万元); big deals (≥ 20 亿元) have their own. */
  dealMedianWan: number;
  bigDealMedianWan: number;
  /** Share of deals signed in the quarter whose investor is from outside the province or abroad. */
  outsideShare: number;
  /** Of those outside deals, the share from abroad. */
  abroadShare: number;
  /** Funds in place of a started deal as a share of its contract amount. */
  fundsRate: number;
  /** Share of deals of at least 20 亿元, and with a Fortune Global / China 500 investor. */
  bigShare: number;
  top500Share: number;
  /** Cumulative share of deals signed since January that have started, at each quarter end. */
  landing: Quarterly;
  /** Reserve projects for next year per key project this year; share major; share converted. */
  reserveRatio: number;
  majorShare: number;
  conversion: number;
  /** Approval items per new project; share done by the due date. */
  approvalsPerNew: number;
  approvalOnTime: number;
  /** Issues raised per 100 project-years; cumulative share resolved by each quarter end. */
  issuesPerHundred: number;
  issueResolution: Quarterly;
  /** Share of monthly reports received by the 5th of the following month; share never received. */
  reportOnTime: number;
  reportMissing: number;
  /**
   * Cumulative share of the projects planned to go into production this year (计划投产) that are in
   * production by each quarter end; the rest go into production the next year or later (production.ts).
   */
  productionShare: Quarterly;
}

export const BASELINE: Baseline = {
  investPace: [1.0, 1.06, 1.1, 1.06],
  pace982: 1.05,
  startShare: [0.3, 0.68, 0.9, 0.97],
  completionShare: [0.08, 0.3, 0.55, 0.86],
  newShare: 0.45,
  newShare982: 0.8,
  dealSeason: [0.2, 0.26, 0.26, 0.28],
  dealMedianWan: 18_000,
  bigDealMedianWan: 280_000,
  outsideShare: 0.42,
  abroadShare: 0.08,
  fundsRate: 0.3,
  bigShare: 0.1,
  top500Share: 0.05,
  landing: [0.5, 0.62, 0.7, 0.76],
  reserveRatio: 1.5,
  majorShare: 0.3,
  conversion: 0.18,
  approvalsPerNew: 2.6,
  approvalOnTime: 0.84,
  issuesPerHundred: 14,
  issueResolution: [0.7, 0.74, 0.78, 0.82],
  reportOnTime: 0.9,
  reportMissing: 0.004,
  productionShare: [0.14, 0.38, 0.66, 0.88],
};

export interface UnitProfile {
  code: string;
  /** Distinct province_key + city_key projects in 2020 (other years: YEAR_ADJUST.size). */
  keyProjects: number;
  /** How many of them are on the province_key list. */
  provinceKey: number;
  /** Projects on the "982" list (2020 only). */
  list982: number;
  /** Deals signed in a typical year. */
  dealsPerYear: number;
  /** Multiplier on project sizes and on deal amounts (1 = typical city). */
  projectSize: number;
  dealSize: number;
  investPace?: Mult;
  startShare?: Mult;
  completionShare?: Mult;
  dealVolume?: Mult;
  outsideShare?: Mult;
  fundsRate?: Mult;
  bigShare?: Mult;
  top500Share?: Mult;
  landing?: Mult;
  reserve?: number;
  conversion?: number;
  approvalOnTime?: Mult;
  issueFrequency?: number;
  issueResolution?: Mult;
  reportOnTime?: Mult;
  reportMissing?: number;
  production?: Mult;
}

type Sizes = Pick<
  UnitProfile,
  'code' | 'keyProjects' | 'provinceKey' | 'list982' | 'dealsPerYear' | 'projectSize' | 'dealSize'
>;

function sized(
  code: string,
  keyProjects: number,
  provinceKey: number,
  list982: number,
  dealsPerYear: number,
  projectSize: number,
  dealSize: number,
): Sizes {
  return { code, keyProjects, provinceKey, list982, dealsPerYear, projectSize, dealSize };
}

export const UNIT_PROFILES: readonly UnitProfile[] = [
  // 郑州: the capital, largest volumes everywhere, ordinary rates.
  {
    ...sized('410100', 560, 170, 420, 440, 2.0, 1.25),
    investPace: 1.03,
    startShare: 1.02,
    outsideShare: 0.85,
    fundsRate: 0.75,
    bigShare: 1.5,
    top500Share: 1.6,
    landing: 0.95,
    reserve: 1.35,
  },
  { ...sized('410200', 200, 52, 160, 150, 0.8, 0.9), investPace: 0.95, startShare: 0.97 },
  // 洛阳: the seed city (2020 Q3 is pinned by calibration.ts; these shape the other quarters and years).
  {
    ...sized('410300', 515, 120, 728, 350, 1.6, 1.0),
    investPace: [1.12, 1.15, 1.175, 1.1],
    startShare: [1.5, 1.3, 1.098, 1.03],
    completionShare: 1.12,
    outsideShare: 1.15,
    fundsRate: 1.15,
    bigShare: 1.65,
    top500Share: 1.5,
    landing: [1.1, 1.15, 1.15, 1.12],
    reserve: 1.34,
    conversion: 1.05,
    approvalOnTime: 1.12,
    issueResolution: 1.15,
    reportOnTime: 1.05,
    reportMissing: 0.5,
    production: 1.08,
  },
  { ...sized('410400', 190, 52, 150, 130, 0.85, 0.85), investPace: 0.92, completionShare: 0.95 },
  // 安阳: steel and equipment makers; the best production rate.
  { ...sized('410500', 200, 55, 160, 140, 0.85, 0.9), investPace: 0.97, production: 1.22 },
  // 鹤壁: small, but the best landing rate.
  { ...sized('410600', 120, 34, 90, 90, 0.7, 0.8), landing: 1.22, approvalOnTime: 1.05 },
  // 新乡: the best completion rate.
  { ...sized('410700', 240, 64, 200, 190, 0.95, 0.95), completionShare: 1.2, investPace: 1.04 },
  // 焦作: leads 比招引看投资 — out-of-province funds, big deals, top-500 investors.
  {
    ...sized('410800', 180, 52, 140, 180, 0.85, 1.15),
    investPace: 1.02,
    outsideShare: 1.8,
    fundsRate: 1.35,
    bigShare: 2.6,
    top500Share: 2.6,
    // Q3 landing above 80% (0.70 × 1.15): full points on the landing rate that quarter.
    landing: [1.05, 1.05, 1.15, 1.05],
  },
  { ...sized('410900', 160, 45, 120, 120, 0.8, 0.85), investPace: 1.0, production: 0.85 },
  // 许昌: the highest investment completion rate in Q3.
  { ...sized('411000', 220, 60, 180, 180, 0.95, 1.0), investPace: [1.05, 1.1, 1.2, 1.12], startShare: 1.05 },
  // 漯河: the highest new-start rate in Q3 and the most punctual reporting.
  {
    ...sized('411100', 130, 38, 100, 100, 0.75, 0.8),
    startShare: 1.12,
    reportOnTime: 1.09,
    reportMissing: 0.3,
  },
  { ...sized('411200', 140, 40, 100, 100, 0.8, 0.85), investPace: 0.98 },
  // 南阳: the best reserve conversion.
  { ...sized('411300', 310, 82, 240, 200, 0.95, 0.95), conversion: 1.2 },
  { ...sized('411400', 230, 58, 180, 170, 0.85, 0.9), investPace: 0.93, production: 0.9 },
  { ...sized('411500', 230, 58, 180, 160, 0.8, 0.85), investPace: 0.9, issueResolution: 0.9 },
  { ...sized('411600', 230, 58, 180, 170, 0.8, 0.85), investPace: 0.94, reportOnTime: 0.95 },
  { ...sized('411700', 220, 56, 170, 160, 0.8, 0.85), investPace: 0.92 },
  // 济源示范区: ranked with the cities; the fastest approvals.
  { ...sized('419001', 95, 28, 70, 60, 0.8, 0.9), approvalOnTime: 1.15 },
  // 省直管县(市): ranked in their own group.
  { ...sized('410181', 55, 13, 45, 45, 0.6, 0.7), investPace: 1.05 },
  { ...sized('410225', 50, 12, 40, 40, 0.55, 0.65), startShare: 1.05, reportOnTime: 1.05 },
  { ...sized('410482', 50, 12, 40, 40, 0.55, 0.65) },
  { ...sized('410526', 45, 11, 35, 30, 0.5, 0.6), investPace: 0.95 },
  { ...sized('410783', 55, 13, 45, 45, 0.6, 0.7), investPace: 1.08, landing: 1.1 },
  { ...sized('411381', 50, 12, 40, 35, 0.55, 0.65) },
  { ...sized('411481', 55, 13, 45, 40, 0.6, 0.7), completionShare: 1.1 },
  { ...sized('411525', 45, 11, 35, 30, 0.5, 0.6), investPace: 0.93 },
  { ...sized('411628', 45, 11, 35, 30, 0.5, 0.6) },
  { ...sized('411729', 45, 11, 35, 30, 0.5, 0.6), investPace: 0.92, issueResolution: 0.9 },
];

export interface YearAdjust {
  /** Multiplier on project counts. */
  size: number;
  investPace: Quarterly;
  startShare: Quarterly;
  dealVolume: Quarterly;
}

export const YEAR_ADJUST: Readonly<Record<number, YearAdjust>> = {
  2019: { size: 0.93, investPace: [1, 1, 1, 1], startShare: [1, 1, 1, 1], dealVolume: [1, 1, 1, 1] },
  // 2020: the epidemic held back the first quarter.
  2020: {
    size: 1,
    investPace: [0.78, 0.96, 1, 1],
    startShare: [0.6, 0.93, 1, 1],
    dealVolume: [0.75, 1.1, 1.1, 1.05],
  },
  2021: { size: 1.05, investPace: [1.02, 1, 1, 1], startShare: [1, 1, 1, 1], dealVolume: [1, 1, 1, 1] },
};

/** The figures one unit's data is generated from, for one year. */
export interface QuarterParams {
  /** Cumulative investYtd / annualTarget at the quarter end (key lists; the 982 list × pace982). */
  investRate: number;
  startShare: number;
  completionShare: number;
  /** Deals signed within this quarter. */
  dealCount: number;
  outsideShare: number;
  abroadShare: number;
  fundsRate: number;
  bigShare: number;
  top500Share: number;
  landing: number;
  approvalOnTime: number;
  issueResolution: number;
  reportOnTime: number;
  /** Cumulative share of the year's planned production starts in production by the quarter end. */
  productionShare: number;
}

export interface UnitYearParams {
  unit: string;
  year: number;
  keyProjects: number;
  provinceKey: number;
  /** Projects on both province_key and city_key. */
  overlap: number;
  list982: number;
  newShare: number;
  newShare982: number;
  pace982: number;
  projectSize: number;
  dealSize: number;
  dealMedianWan: number;
  bigDealMedianWan: number;
  /** Reserve projects prepared for year + 1. */
  reserveCount: number;
  majorShare: number;
  conversion: number;
  approvalsPerNew: number;
  issuesPerHundred: number;
  reportMissing: number;
  quarters: readonly [QuarterParams, QuarterParams, QuarterParams, QuarterParams];
}

const PROFILE_BY_CODE = new Map(UNIT_PROFILES.map((p) => [p.code, p]));

export function unitProfile(code: string): UnitProfile {
  const p = PROFILE_BY_CODE.get(code);
  if (!p) throw new Error(`no demo profile for unit ${code}`);
  return p;
}

function at(m: Mult | undefined, q: number): number {
  if (m === undefined) return 1;
  return typeof m === 'number' ? m : m[q]!;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Deterministic ±3% per unit, year and field (none in 2020). */
function wobble(code: string, year: number, field: string): number {
  if (year === 2020) return 1;
  let h = 0;
  for (const ch of `${code}:${year}:${field}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return 1 + (((h >>> 0) % 601) - 300) / 10_000;
}

export function unitYearParams(code: string, year: number): UnitYearParams {
  const p = unitProfile(code);
  const y = YEAR_ADJUST[year] ?? YEAR_ADJUST[2019]!;
  const b = BASELINE;
  const w = (field: string) => wobble(code, year, field);
  const quarters: QuarterParams[] = [];
  let invest = 0;
  let start = 0;
  let completion = 0;
  let landing = 0;
  let resolution = 0;
  let production = 0;
  for (let q = 0; q < 4; q++) {
    const timeProgress = (q + 1) / 4;
    invest = Math.max(
      invest,
      b.investPace[q]! * at(p.investPace, q) * y.investPace[q]! * w('invest') * timeProgress,
    );
    start = Math.max(start, clamp01(b.startShare[q]! * at(p.startShare, q) * y.startShare[q]! * w('start')));
    completion = Math.max(
      completion,
      clamp01(b.completionShare[q]! * at(p.completionShare, q) * w('completion')),
    );
    landing = Math.max(landing, clamp01(b.landing[q]! * at(p.landing, q) * w('landing')));
    resolution = Math.max(resolution, clamp01(b.issueResolution[q]! * at(p.issueResolution, q)));
    // The epidemic that held back 2020's first-quarter starts held back its production starts too.
    production = Math.max(
      production,
      clamp01(b.productionShare[q]! * at(p.production, q) * y.startShare[q]! * w('production')),
    );
    quarters.push({
      investRate: invest,
      startShare: start,
      completionShare: completion,
      dealCount: p.dealsPerYear * b.dealSeason[q]! * at(p.dealVolume, q) * y.dealVolume[q]! * w('deals'),
      outsideShare: clamp01(b.outsideShare * at(p.outsideShare, q)),
      abroadShare: b.abroadShare,
      fundsRate: clamp01(b.fundsRate * at(p.fundsRate, q) * w('funds')),
      bigShare: clamp01(b.bigShare * at(p.bigShare, q)),
      top500Share: clamp01(b.top500Share * at(p.top500Share, q)),
      landing,
      approvalOnTime: clamp01(b.approvalOnTime * at(p.approvalOnTime, q)),
      issueResolution: resolution,
      reportOnTime: clamp01(b.reportOnTime * at(p.reportOnTime, q) * w('report')),
      productionShare: production,
    });
  }
  const keyProjects = Math.round(p.keyProjects * y.size);
  const provinceKey = Math.round(p.provinceKey * y.size);
  return {
    unit: code,
    year,
    keyProjects,
    provinceKey,
    overlap: Math.round(provinceKey * 0.2),
    list982: year === 2020 ? p.list982 : 0,
    newShare: b.newShare,
    newShare982: b.newShare982,
    pace982: b.pace982,
    projectSize: p.projectSize,
    dealSize: p.dealSize,
    dealMedianWan: b.dealMedianWan,
    bigDealMedianWan: b.bigDealMedianWan,
    reserveCount: Math.round(p.keyProjects * b.reserveRatio * (p.reserve ?? 1) * w('reserve')),
    majorShare: b.majorShare,
    conversion: clamp01(b.conversion * (p.conversion ?? 1)),
    approvalsPerNew: b.approvalsPerNew,
    issuesPerHundred: b.issuesPerHundred * (p.issueFrequency ?? 1),
    reportMissing: b.reportMissing * (p.reportMissing ?? 1),
    quarters: quarters as unknown as UnitYearParams['quarters'],
  };
}

// The figures the seed article states for Luoyang at the end of September 2020, which the demo
// reproduces exactly. Amounts in 万元 (integers). Every other unit, quarter and year follows its
// profile (profiles.ts).
//
// Choices where the article is open:
// - the 515 key projects are 120 on province_key and 420 on city_key, 25 of them on both;
// - the "982" list (728 projects) is kept disjoint from the key lists everywhere, so the sums are
//   independent; its start rate 99.18% is newStartRate = 605 started / 610 planned new starts;
// - annual targets 1581 亿元 (1532 / 1581 = 96.90%) and 1811 亿元 (1847 / 1811 = 101.99% → 102%).

export const CALIBRATED_UNIT = '410300';
export const CALIBRATED_YEAR = 2020;
/** The quarter whose end the exact figures hold at (2020-09-30). */
export const CALIBRATED_QUARTER = 3;

export interface SetCalibration {
  projects: number;
  plannedNew: number;
  startedByQuarterEnd: number;
  annualTargetWan: number;
  investYtdWan: number;
}

export const LUOYANG_2020 = {
  key: {
    projects: 515,
    provinceKey: 120,
    overlap: 25,
    plannedNew: 253,
    startedByQuarterEnd: 250,
    annualTargetWan: 15_810_000,
    investYtdWan: 15_320_000,
  },
  list982: {
    projects: 728,
    plannedNew: 610,
    startedByQuarterEnd: 605,
    annualTargetWan: 18_110_000,
    investYtdWan: 18_470_000,
  },
  deals: { signed: 254, amountWan: 17_715_000, startedByQuarterEnd: 204 },
  /** Reserve projects prepared for 2021 ("千余个"). */
  reserveNextYear: 1036,
} as const;

export function isCalibrated(unit: string, year: number): boolean {
  return unit === CALIBRATED_UNIT && year === CALIBRATED_YEAR;
}

/**
 * Signed amounts (万元) of 2020 Q1–Q3 fixed so that, under sibisikan-2020, 焦作 leads 比招引看投资
 * with exactly 13.5 of 15 in Q3 as publicly reported: best outside funds (4), big-deal share (3) and
 * top-500 share (2), a landing rate above 80% (3), and half of 郑州's signing volume (1.5 of 3).
 */
export const DEAL_AMOUNTS_2020_Q3: Readonly<Record<string, number>> = {
  '410100': 26_400_000,
  '410800': 13_200_000,
};

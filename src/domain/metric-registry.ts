// The closed list of metrics a scheme may read (domain.md → Metrics): one entry per metric with its
// labels, unit, direction, source, period and what an absent value means. Scheme parsing refuses
// any other name; the explanations, the methodology and the scheme docs read their labels here.
// Pure data: no I/O, no imports of ours.

export type MetricUnitKind = 'percent' | 'yuan' | 'count' | 'days' | 'number';
export type MetricBetter = 'higher' | 'lower' | 'neither';
export type MetricPeriod = 'ytd' | 'year' | 'period_end' | 'next_year' | 'in_period' | 'context';

export interface RatioDefinition {
  /** What is counted above and below the fraction bar, in words (zh). */
  numerator: string;
  denominator: string;
  /**
   * Metrics of the same unit that show the denominator was zero: when the ratio is absent and any
   * of these is 0, the unit did report and there was nothing to divide by (a zero denominator),
   * not a missing report. Empty when the inputs cannot tell the two apart.
   */
  zeroWhen: readonly string[];
}

export interface MetricDefinition {
  key: string;
  /** Chinese label (the statistics pages, the explanations, the docs). */
  label: string;
  labelEn: string;
  unit: MetricUnitKind;
  /** Which way is better when a scheme scores it (a scheme's indicator still states its own direction). */
  better: MetricBetter;
  /** The table(s) it is computed from. */
  source: string;
  period: MetricPeriod;
  /** What an absent (null) value means. */
  absent: string;
  /** Set for a ratio (or a mean): how its denominator is known to be zero. */
  ratio?: RatioDefinition;
}

const PERIOD_TEXT: Record<MetricPeriod, { zh: string; en: string }> = {
  ytd: { zh: '1 月至考评期末月累计', en: 'January to the period’s last month' },
  year: { zh: '考评年度全年（名单与年度目标）', en: 'the whole year (lists and annual targets)' },
  period_end: { zh: '截至考评期末', en: 'as at the period’s end' },
  next_year: { zh: '为下一年度谋划的储备', en: 'the reserve prepared for the next year' },
  in_period: { zh: '考评期内（到期、提出或应报送于期内）', en: 'due, raised or expected within the period' },
  context: { zh: '由期间决定，各单位相同', en: 'set by the period, the same for every unit' },
};

export function periodText(period: MetricPeriod, lang: 'zh' | 'en' = 'zh'): string {
  return PERIOD_TEXT[period][lang];
}

const KEY = 'project_years（年度名单）+ project_months（月报）';
const NEVER_ABSENT = '不会缺失：没有项目时为 0';

export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'key.projectCount',
    label: '重点项目个数',
    labelEn: 'Key projects',
    unit: 'count',
    better: 'higher',
    source: KEY,
    period: 'year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.annualTarget',
    label: '年度计划投资',
    labelEn: 'Annual investment target',
    unit: 'yuan',
    better: 'neither',
    source: KEY,
    period: 'year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.investYtd',
    label: '累计完成投资',
    labelEn: 'Investment to date',
    unit: 'yuan',
    better: 'higher',
    source: KEY,
    period: 'ytd',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.investRate',
    label: '投资完成率',
    labelEn: 'Investment completion',
    unit: 'percent',
    better: 'higher',
    source: KEY,
    period: 'ytd',
    absent: '年度计划投资为 0（分母为零），或未报送',
    ratio: {
      numerator: '累计完成投资',
      denominator: '年度计划投资',
      zeroWhen: ['key.annualTarget'],
    },
  },
  {
    key: 'key.timeProgress',
    label: '时序进度',
    labelEn: 'Time elapsed',
    unit: 'percent',
    better: 'neither',
    source: '考评期间（月份 ÷ 12）',
    period: 'context',
    absent: '不会缺失',
  },
  {
    key: 'key.plannedNewStarts',
    label: '计划新开工项目',
    labelEn: 'Planned new starts',
    unit: 'count',
    better: 'neither',
    source: KEY,
    period: 'year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.newStarted',
    label: '已开工项目',
    labelEn: 'Started',
    unit: 'count',
    better: 'higher',
    source: KEY,
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.newStartRate',
    label: '开工率',
    labelEn: 'Start rate',
    unit: 'percent',
    better: 'higher',
    source: KEY,
    period: 'period_end',
    absent: '没有计划新开工项目（分母为零），或未报送',
    ratio: {
      numerator: '已开工的计划新开工项目',
      denominator: '计划新开工项目',
      zeroWhen: ['key.plannedNewStarts'],
    },
  },
  {
    key: 'key.plannedCompletions',
    label: '计划竣工项目',
    labelEn: 'Planned completions',
    unit: 'count',
    better: 'neither',
    source: KEY,
    period: 'year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.completed',
    label: '已竣工项目',
    labelEn: 'Completed',
    unit: 'count',
    better: 'higher',
    source: KEY,
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.completionRate',
    label: '竣工率',
    labelEn: 'Completion rate',
    unit: 'percent',
    better: 'higher',
    source: KEY,
    period: 'period_end',
    absent: '没有计划本年竣工的项目（分母为零），或未报送',
    ratio: {
      numerator: '已竣工的计划竣工项目',
      denominator: '计划竣工项目',
      zeroWhen: ['key.plannedCompletions'],
    },
  },
  {
    key: 'key.plannedProductions',
    label: '计划投产项目',
    labelEn: 'Planned into production',
    unit: 'count',
    better: 'neither',
    source: 'projects（计划投产日期）',
    period: 'year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.productionStarted',
    label: '已投产项目',
    labelEn: 'In production',
    unit: 'count',
    better: 'higher',
    source: 'projects（实际投产日期）',
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'key.productionRate',
    label: '投产率',
    labelEn: 'Production rate',
    unit: 'percent',
    better: 'higher',
    source: 'projects（计划、实际投产日期）',
    period: 'period_end',
    absent: '没有计划本年投产的项目（分母为零），或未报送',
    ratio: {
      numerator: '期末已投产的计划本年投产项目',
      denominator: '计划本年投产项目',
      zeroWhen: ['key.plannedProductions'],
    },
  },
  {
    key: 'key.outputValue',
    label: '投产项目产值',
    labelEn: 'Output of projects in production',
    unit: 'yuan',
    better: 'higher',
    source: 'projects（投产后年产值）',
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'deals.signedCount',
    label: '签约项目个数',
    labelEn: 'Deals signed',
    unit: 'count',
    better: 'higher',
    source: 'deals（招商引资签约项目）',
    period: 'ytd',
    absent: NEVER_ABSENT,
  },
  {
    key: 'deals.signedAmount',
    label: '签约投资总额',
    labelEn: 'Signed investment',
    unit: 'yuan',
    better: 'higher',
    source: 'deals',
    period: 'ytd',
    absent: NEVER_ABSENT,
  },
  {
    key: 'deals.startedCount',
    label: '签约项目已开工',
    labelEn: 'Signed deals started',
    unit: 'count',
    better: 'higher',
    source: 'deals',
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'deals.fundsInPlace',
    label: '到位资金',
    labelEn: 'Funds in place',
    unit: 'yuan',
    better: 'higher',
    source: 'deals',
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'deals.outsideFunds',
    label: '省外境外到位资金',
    labelEn: 'Funds from outside the province',
    unit: 'yuan',
    better: 'higher',
    source: 'deals（来源为省外、境外）',
    period: 'period_end',
    absent: NEVER_ABSENT,
  },
  {
    key: 'deals.bigShare',
    label: '20亿元以上项目占比',
    labelEn: 'Share of deals over 2 bn yuan',
    unit: 'percent',
    better: 'higher',
    source: 'deals',
    period: 'ytd',
    absent: '没有签约项目（分母为零），或未报送',
    ratio: {
      numerator: '合同金额 20 亿元以上的签约项目',
      denominator: '签约项目',
      zeroWhen: ['deals.signedCount'],
    },
  },
  {
    key: 'deals.top500Share',
    label: '500强企业项目占比',
    labelEn: 'Share of deals with top-500 firms',
    unit: 'percent',
    better: 'higher',
    source: 'deals',
    period: 'ytd',
    absent: '没有签约项目（分母为零），或未报送',
    ratio: {
      numerator: '500 强企业投资的签约项目',
      denominator: '签约项目',
      zeroWhen: ['deals.signedCount'],
    },
  },
  {
    key: 'deals.landingRate',
    label: '签约项目开工率',
    labelEn: 'Signed deals start rate',
    unit: 'percent',
    better: 'higher',
    source: 'deals',
    period: 'period_end',
    absent: '没有签约项目（分母为零），或未报送',
    ratio: {
      numerator: '已开工的签约项目',
      denominator: '签约项目',
      zeroWhen: ['deals.signedCount'],
    },
  },
  {
    key: 'reserve.count',
    label: '谋划储备项目个数',
    labelEn: 'Reserve projects',
    unit: 'count',
    better: 'higher',
    source: 'reserve_projects（谋划储备）',
    period: 'next_year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'reserve.investment',
    label: '谋划储备项目总投资',
    labelEn: 'Reserve total investment',
    unit: 'yuan',
    better: 'higher',
    source: 'reserve_projects',
    period: 'next_year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'reserve.majorCount',
    label: '储备重大项目个数',
    labelEn: 'Major reserve projects',
    unit: 'count',
    better: 'higher',
    source: 'reserve_projects',
    period: 'next_year',
    absent: NEVER_ABSENT,
  },
  {
    key: 'reserve.conversionRate',
    label: '储备项目转化率',
    labelEn: 'Reserve conversion rate',
    unit: 'percent',
    better: 'higher',
    source: 'reserve_projects',
    period: 'next_year',
    absent: '没有储备项目（分母为零），或未报送',
    ratio: {
      numerator: '已转化为正式项目的储备项目',
      denominator: '储备项目',
      zeroWhen: ['reserve.count'],
    },
  },
  {
    key: 'approvals.due',
    label: '应办结审批事项',
    labelEn: 'Approvals due',
    unit: 'count',
    better: 'neither',
    source: 'approval_items（联审联批事项）',
    period: 'in_period',
    absent: NEVER_ABSENT,
  },
  {
    key: 'approvals.completionRate',
    label: '联审联批办结率',
    labelEn: 'Approvals completed on time',
    unit: 'percent',
    better: 'higher',
    source: 'approval_items',
    period: 'in_period',
    absent: '期内没有到期的审批事项（分母为零），或未报送',
    ratio: {
      numerator: '期内到期且已办结的事项',
      denominator: '期内到期的事项',
      zeroWhen: ['approvals.due'],
    },
  },
  {
    key: 'approvals.avgDays',
    label: '平均办结天数',
    labelEn: 'Average days to approve',
    unit: 'days',
    better: 'lower',
    source: 'approval_items（提交日期至办结日期）',
    period: 'in_period',
    absent: '期内没有办结的事项可求平均（分母为零），或办结事项缺少提交日期',
    ratio: {
      numerator: '已办结事项的办理天数之和',
      denominator: '有提交日期的已办结事项',
      // No item due, or none of the due items done: nothing to average.
      zeroWhen: ['approvals.due', 'approvals.completionRate'],
    },
  },
  {
    key: 'issues.raised',
    label: '提出问题个数',
    labelEn: 'Issues raised',
    unit: 'count',
    better: 'neither',
    source: 'project_issues（问题协调）',
    period: 'in_period',
    absent: NEVER_ABSENT,
  },
  {
    key: 'issues.resolutionRate',
    label: '问题解决率',
    labelEn: 'Issues resolved',
    unit: 'percent',
    better: 'higher',
    source: 'project_issues',
    period: 'in_period',
    absent: '期内没有提出问题（分母为零），或未报送',
    ratio: {
      numerator: '期内提出且已解决的问题',
      denominator: '期内提出的问题',
      zeroWhen: ['issues.raised'],
    },
  },
  {
    key: 'reports.onTimeRate',
    label: '信息报送及时率',
    labelEn: 'Reports on time',
    unit: 'percent',
    better: 'higher',
    source: KEY,
    period: 'in_period',
    absent: '没有应报送的月报（名单内没有项目，分母为零）',
    ratio: {
      numerator: '按时报送的月报',
      denominator: '应报送的月报（项目数 × 月数）',
      zeroWhen: ['key.projectCount'],
    },
  },
  {
    key: 'reports.qualityFindings',
    label: '数据质量问题数',
    labelEn: 'Data-quality findings',
    unit: 'count',
    better: 'lower',
    source: '数据质量检查（月报）',
    period: 'ytd',
    absent: NEVER_ABSENT,
  },
  {
    key: 'reports.cleanRate',
    label: '月报无质量问题率',
    labelEn: 'Reports without findings',
    unit: 'percent',
    better: 'higher',
    source: '数据质量检查（月报）',
    period: 'ytd',
    absent: '没有可检查的月报（分母为零），或未报送',
    ratio: {
      numerator: '没有质量问题的月报',
      denominator: '检查的月报',
      zeroWhen: ['key.projectCount'],
    },
  },
];

export const METRIC_KEYS: readonly string[] = METRICS.map((m) => m.key);

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

export function isMetric(key: string): boolean {
  return BY_KEY.has(key);
}

export function metricDefinition(key: string): MetricDefinition | undefined {
  return BY_KEY.get(key);
}

/** The Chinese label, or the key itself for a name outside the registry. */
export function registryLabel(key: string, lang: 'zh' | 'en' = 'zh'): string {
  const m = BY_KEY.get(key);
  if (!m) return key;
  return lang === 'en' ? m.labelEn : m.label;
}

/** Keys of the metrics that are amounts in 元. */
export const YUAN_METRICS: readonly string[] = METRICS.filter((m) => m.unit === 'yuan').map((m) => m.key);

/** The registry key nearest to a misspelt name (edit distance), for "did you mean". */
export function nearestMetric(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const key of METRIC_KEYS) {
    const d = editDistance(name.toLowerCase(), key.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = key;
    }
  }
  return best !== undefined && bestDistance <= Math.max(3, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

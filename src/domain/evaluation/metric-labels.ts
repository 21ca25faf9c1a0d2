// Chinese names of the metrics (domain.md → Metrics), used in explanations and the methodology.
export const METRIC_LABELS: Record<string, string> = {
  'key.projectCount': '重点项目个数',
  'key.annualTarget': '年度计划投资',
  'key.investYtd': '累计完成投资',
  'key.investRate': '投资完成率',
  'key.plannedNewStarts': '计划新开工项目数',
  'key.newStarted': '已开工项目数',
  'key.newStartRate': '开工率',
  'key.plannedCompletions': '计划竣工项目数',
  'key.completed': '已竣工项目数',
  'key.completionRate': '竣工率',
  'key.plannedProductions': '计划投产项目数',
  'key.productionStarted': '已投产项目数',
  'key.productionRate': '投产率',
  'key.outputValue': '投产项目产值',
  'deals.signedCount': '签约项目数',
  'deals.signedAmount': '签约金额',
  'deals.outsideFunds': '省外境外到位资金',
  'deals.bigShare': '20亿元以上项目占比',
  'deals.top500Share': '500强企业项目占比',
  'deals.landingRate': '签约项目开工率',
  'reserve.count': '谋划储备项目数',
  'reserve.investment': '储备项目总投资',
  'reserve.majorCount': '储备重大项目数',
  'reserve.conversionRate': '储备项目转化率',
  'approvals.completionRate': '联审联批办结率',
  'approvals.avgDays': '平均办理天数',
  'issues.resolutionRate': '问题协调解决率',
  'reports.onTimeRate': '信息按时报送率',
  'reports.qualityFindings': '数据质量问题数',
  'reports.cleanRate': '月报无质量问题率',
};

export function metricLabel(metric: string): string {
  return METRIC_LABELS[metric] ?? metric;
}

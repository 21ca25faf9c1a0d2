// Chinese strings of the 驾驶舱 beyond its first version (zh-CN.ts keeps dashboard.title and the
// metric groups): the summary in the seed article's words, the monthly chart, the child units, the
// rank history and the leader's panel; spread into zh-CN.ts.
export const dashboardZhCN = {
  // a period in a picker that has submitted data (the default period is the latest of them)
  'dashboard.period.hasData': '有已报送数据',
  'dashboard.summary':
    '{period}，{projectCount}个重点项目累计完成投资{investYtd}，占年度计划的{investRate}，{pace}；计划新开工{plannedNewStarts}个，已开工{newStarted}个，开工率{newStartRate}；签约招商引资项目{signedCount}个，投资总额{signedAmount}，已开工{dealsStarted}个；谋划储备项目{reserveCount}个，其中重大项目{reserveMajor}个。',
  'dashboard.pace.ahead': '快于时序进度{points}个百分点',
  'dashboard.pace.behind': '慢于时序进度{points}个百分点',
  'dashboard.pace.level': '与时序进度持平',
  'dashboard.pace.unknown': '暂无年度计划',
  'dashboard.figure.deals': '签约{count}个 · 已开工{started}个',
  'dashboard.figure.reserve': '{count}个项目 · 重大项目{major}个',

  'dashboard.monthly': '逐月累计完成投资与计划进度',
  'dashboard.monthly.invest': '累计完成投资',
  'dashboard.monthly.plan': '按时序进度应完成',
  'dashboard.monthly.axis': '{month}月',
  'dashboard.monthly.empty': '本期间没有逐月数据',

  'dashboard.units': '下级单位对比',
  'dashboard.units.hint': '按投资完成率排名；红色为落后于时序进度',
  'dashboard.units.lagging': '滞后',
  'dashboard.units.none': '没有下级单位',

  'dashboard.lagging': '落后最多的单位',
  'dashboard.lagging.none': '没有落后于时序进度的下级单位',
  'dashboard.lagging.item': '投资完成率 {rate}，落后时序进度 {points} 个百分点',

  'dashboard.ranks': '历次考评名次',
  'dashboard.ranks.none': '还没有已发布的考评结果',
  'dashboard.ranks.top': '本级为最高一级，不参加排名',
  'dashboard.ranks.period': '期间',
  'dashboard.ranks.rank': '名次',
  'dashboard.ranks.place': '第{rank}名 / {size}',
  'dashboard.ranks.total': '综合得分',
  'dashboard.ranks.streak.quarter': '连续{n}个季度第一',
  'dashboard.ranks.streak.month': '连续{n}个月第一',
  'dashboard.ranks.streak.year': '连续{n}年第一',
  'dashboard.ranks.first': '本期第一',
  'dashboard.ranks.up': '较上期上升{n}位',
  'dashboard.ranks.down': '较上期下降{n}位',
  'dashboard.ranks.same': '与上期持平',

  'dashboard.leader.intro': '以下是您分包的项目的投资进度，以及这些项目分包领导的变更记录。',
  'dashboard.leader.history': '分包领导变更记录',
  'dashboard.leader.historyHint': '您分包项目的历任分包领导，最近的在前',
  'dashboard.leader.project': '项目',
  'dashboard.leader.none': '没有变更记录',
} as const;

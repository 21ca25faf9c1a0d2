// Chinese strings of the 红黄绿灯 page and badges; spread into zh-CN.ts.
export const warningsZhCN = {
  'menu.warnings': '红黄绿灯',
  'warnings.title': '红黄绿灯',
  'warnings.level.all': '红灯与黄灯',
  'warnings.level.red': '红灯',
  'warnings.level.yellow': '黄灯',
  'warnings.level.green': '绿灯',
  'warnings.counts': '项目：红灯 {red} 个，黄灯 {yellow} 个，绿灯 {green} 个',
  'warnings.thresholds':
    '落后时序进度或全省平均超过 {red} 个百分点亮红灯、{yellow} 个百分点亮黄灯；逾期未开工超过 {days} 天亮红灯；问题超过 {issueDays} 天未解决亮黄灯',
  'warnings.projects': '项目预警',
  'warnings.units': '地区预警（全省平均投资完成率 {rate}）',
  'warnings.none': '本期没有亮灯的项目',
  'warnings.noUnits': '没有低于全省平均的地区',
  'settings.alert.behindRed': '红灯：落后时序进度或全省平均超过（百分点）',
  'settings.alert.behindYellow': '黄灯：落后时序进度或全省平均超过（百分点）',
  'settings.alert.notStartedRedDays': '逾期未开工超过几天亮红灯',
  'settings.alert.issueDays': '问题超过几天未解决亮黄灯（两倍亮红灯）',
};

// English strings of the warnings page; every key of warnings.zh-CN.ts.
import type { warningsZhCN } from './warnings.zh-CN';

export const warningsEn: Record<keyof typeof warningsZhCN, string> = {
  'menu.warnings': 'Warnings',
  'warnings.title': 'Warnings (red, yellow, green)',
  'warnings.level.all': 'Red and yellow',
  'warnings.level.red': 'Red',
  'warnings.level.yellow': 'Yellow',
  'warnings.level.green': 'Green',
  'warnings.counts': 'Projects: {red} red, {yellow} yellow, {green} green',
  'warnings.thresholds':
    'Red beyond {red} points behind time progress or the province average, yellow beyond {yellow}; red when not started more than {days} days after the planned start; yellow when an issue is open more than {issueDays} days',
  'warnings.projects': 'Projects',
  'warnings.units': 'Regions (province average investment completion {rate})',
  'warnings.none': 'No project has a warning in this period',
  'warnings.noUnits': 'No region is behind the province average',
  'settings.alert.behindRed': 'Red light: points behind time progress or the province average',
  'settings.alert.behindYellow': 'Yellow light: points behind time progress or the province average',
  'settings.alert.notStartedRedDays': 'Red light: days not started past the planned start',
  'settings.alert.issueDays': 'Yellow light: days an issue stays unresolved (twice as many: red)',
};

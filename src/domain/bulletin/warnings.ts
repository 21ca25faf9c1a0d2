// The 通报's monthly 红黄绿灯 list: an appendix naming each red and yellow project, where it is and
// why, red first (as computeAlerts orders them).
import type { Alert, LightLevel } from '../alerts';
import { LEVEL_LABELS } from '../alerts';
import { type Period, periodLabel } from '../period';
import type { Appendix } from './model';
import { paragraph } from './model';

export interface BulletinWarning {
  code: string;
  name: string;
  regionName: string;
  level: LightLevel;
  alerts: readonly Pick<Alert, 'message'>[];
}

export function warningsAppendix(
  label: string,
  period: Period,
  warnings: readonly BulletinWarning[],
): Appendix {
  const month = `${period.year}年${period.month}月`;
  const title = `${month}重点项目红黄灯预警名单`;
  if (!warnings.length) {
    return {
      label,
      title,
      blocks: [paragraph(`${month}没有亮红灯、黄灯的重点项目。`)],
      landscape: false,
      newPage: true,
    };
  }
  const red = warnings.filter((w) => w.level === 'red').length;
  return {
    label,
    title,
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: '序号', align: 'center', width: 1 },
          { title: '项目名称', width: 5 },
          { title: '所在地区', align: 'center', width: 2 },
          { title: '预警', align: 'center', width: 1 },
          { title: '预警情况及要求', width: 9 },
        ],
        rows: warnings.map((w, i) => [
          String(i + 1),
          w.name,
          w.regionName,
          LEVEL_LABELS[w.level],
          w.alerts.map((a) => a.message).join('；'),
        ]),
        notes: [
          `注：截至${period.month}月底（${periodLabel(period)}）红灯${red}个、黄灯${warnings.length - red}个；差距补上后下月自动转为绿灯。`,
        ],
      },
    ],
    landscape: true,
    newPage: true,
  };
}

// The columns of 红黄绿灯's project table (GET /api/warnings), on screen and in its Excel export
// (columns.ts), and the words of a warning in either language (the units list on screen uses them
// too). Rows are the warnings' `projects` as the API gives them.
import type { Alert, LightLevel } from '../alerts';
import { say, type TableLang, type TableSpec } from './columns';

type Row = Record<string, unknown>;

const LEVELS: Record<LightLevel, { zh: string; en: string }> = {
  red: { zh: '红灯', en: 'Red' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  green: { zh: '绿灯', en: 'Green' },
};

const KINDS: Record<Alert['kind'], { zh: string; en: string }> = {
  behind_time: { zh: '投资落后时序', en: 'Investment behind time progress' },
  not_started: { zh: '逾期未开工', en: 'Not started past the planned start' },
  no_report: { zh: '本月未报', en: 'No report this month' },
  issue_overdue: { zh: '问题超期未解决', en: 'Issues unresolved too long' },
  region_behind: { zh: '低于全省平均', en: 'Behind the province average' },
};

export const lightText = (level: LightLevel, lang: TableLang) =>
  say(lang, LEVELS[level].zh, LEVELS[level].en);

type AlertWords = Pick<Alert, 'kind' | 'value' | 'message'>;

/** A warning: the kind and the server's Chinese message, or in English the kind and its value. */
export function alertText(alert: AlertWords, lang: TableLang): string {
  const kind = KINDS[alert.kind];
  if (lang !== 'en') return `${kind.zh}：${alert.message}`;
  if (alert.kind === 'no_report') return kind.en;
  const days = alert.kind === 'not_started' || alert.kind === 'issue_overdue';
  return `${kind.en} (${alert.value} ${days ? 'days' : 'points'})`;
}

export const WARNINGS_TABLE: TableSpec<Row> = {
  id: 'warnings',
  zh: '红黄绿灯项目预警',
  en: 'Project warnings',
  columns: [
    {
      key: 'level',
      zh: '灯',
      en: 'Light',
      kind: 'text',
      width: 80,
      value: (row, ctx) => lightText(row.level as LightLevel, ctx.lang),
    },
    {
      key: 'project',
      zh: '项目',
      en: 'Project',
      kind: 'text',
      width: 320,
      value: (row) => `${row.code} ${row.name}`,
    },
    {
      key: 'region',
      zh: '所在地区',
      en: 'Region',
      kind: 'text',
      width: 120,
      value: (row) => (row.region as { name: string }).name,
    },
    {
      key: 'alerts',
      zh: '预警及处理',
      en: 'Warnings and what to do',
      kind: 'text',
      width: 420,
      // One warning a line, as the screen lists them.
      value: (row, ctx) => (row.alerts as AlertWords[]).map((alert) => alertText(alert, ctx.lang)).join('\n'),
    },
  ],
};

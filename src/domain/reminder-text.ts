// The words of a deadline reminder: the 站内消息 to one account, the text for a region's group robot,
// and the JSON each robot's text-message API takes (企业微信群机器人, 钉钉自定义机器人). Pure.
import { deadlineTitle, periodTitle, type ReportPeriod } from './report-period';

export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];
export const ROBOT_LABELS: Record<RobotKind, string> = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
};

export interface RemindedProject {
  projectId: number;
  name: string;
  state: 'draft' | 'returned' | null;
}

/** How many project names a text lists before "等 N 个项目". */
const NAMES_SHOWN = 10;

const STATE_NOTE: Record<'draft' | 'returned', string> = {
  draft: '（草稿未报送）',
  returned: '（退回待修改）',
};

function deadlineText(period: ReportPeriod): string {
  const left = period.daysLeft === 0 ? '今天截止' : `还剩 ${period.daysLeft} 天`;
  return `${deadlineTitle(period.deadline)}（${left}）`;
}

function nameList(projects: readonly RemindedProject[]): string {
  const shown = projects.slice(0, NAMES_SHOWN).map((p) => `${p.name}${p.state ? STATE_NOTE[p.state] : ''}`);
  const rest = projects.length - shown.length;
  return `${shown.join('、')}${rest > 0 ? ` 等 ${projects.length} 个项目` : ''}`;
}

/** The web path where the reminded reports are filled: the project's form, or the 漏报 list. */
export function reminderLink(period: ReportPeriod, projects: readonly RemindedProject[]): string {
  const month = `year=${period.year}&month=${period.month}`;
  return projects.length === 1
    ? `/reports/fill?project=${projects[0]!.projectId}&${month}`
    : `/reports?tab=missing&${month}`;
}

/** The message to one account about the projects it fills whose report for the period is not submitted. */
export function reminderMessage(
  period: ReportPeriod,
  projects: readonly RemindedProject[],
): { title: string; body: string; link: string } {
  const what = `${periodTitle(period)}月报`;
  return {
    title: `报送提醒：${what}${deadlineTitle(period.deadline)}截止`,
    body:
      `${what}将于 ${deadlineText(period)} 截止报送，截止后锁定。以下 ${projects.length} 个项目尚未报送：` +
      `${nameList(projects)}。`,
    link: reminderLink(period, projects),
  };
}

/** The text a region's group robot posts: how many of its projects have not yet submitted, and which. */
export function robotText(
  period: ReportPeriod,
  region: { name: string },
  projects: readonly RemindedProject[],
): string {
  return (
    `【重点项目月报报送提醒】${region.name}有 ${projects.length} 个项目的${periodTitle(period)}月报尚未报送，` +
    `截止时间 ${deadlineText(period)}：${nameList(projects)}。请相关项目单位及时登录系统填报。`
  );
}

/** The body of a text message, as each robot's API takes it (both: msgtype text, text.content). */
export function robotPayload(kind: RobotKind, content: string): Record<string, unknown> {
  return kind === 'wecom'
    ? { msgtype: 'text', text: { content } }
    : { msgtype: 'text', text: { content }, at: { isAtAll: false } };
}

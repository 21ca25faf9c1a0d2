// 待办: what the signed-in account must do now, for its role and scope — the reports it fills that are
// due this period or returned, the reports it reviews, 加分/扣分 entries awaiting its approval, the
// units (or, for a county, the projects) that missed the last deadline, and for the system
// administrator the robot messages that failed. Each item carries a Chinese title, a count, the web
// path to act on it and, where one applies, the deadline and days left. The scopes come from
// src/policies/todo-scope.ts; the period rule from src/domain/report-period.ts.
import type { Database } from '../db/client';
import { unreadCount } from '../db/messages';
import { recentDeliveries } from '../db/reminders';
import {
  type DueProject,
  missingByRegion,
  pendingEntries,
  returnedReports,
  reviewQueue,
  unsubmittedProjects,
} from '../db/todos';
import {
  currentReportPeriod,
  overduePeriod,
  periodTitle,
  type ReportPeriod,
  reportPeriod,
} from '../domain/report-period';
import { chinaDate } from '../domain/report-workflow';
import type { Actor } from '../policies/actor';
import { entryReviewProvince, fillScope, reviewScope, watchedUnits } from '../policies/todo-scope';
import { DEFAULT_LISTS } from './compute-stats';
import { accountKey } from './read-cache';
import { regionTree } from './region-tree';
import { loadSettings } from './settings';

export const TODO_KINDS = [
  'report_due',
  'report_returned',
  'review_queue',
  'entries_review',
  'overdue_units',
  'overdue_projects',
  'robot_failures',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export interface TodoProject {
  projectId: number;
  code: string;
  name: string;
  /** The report concerned: null when none was started yet. */
  reportId: number | null;
  state: 'draft' | 'returned' | null;
  period: string;
  reason?: string | null;
  link: string;
}

export interface TodoUnit {
  code: string;
  name: string;
  projects: number;
  missing: number;
  link: string;
}

export interface TodoMonth {
  period: string;
  count: number;
  link: string;
}

export interface TodoItem {
  kind: TodoKind;
  title: string;
  count: number;
  /** The web path where the work is done. */
  link: string;
  /** The report month concerned ("2020-09"), or null when the item spans months. */
  period: string | null;
  deadline: string | null;
  daysLeft: number | null;
  /** Its deadline has passed. */
  overdue: boolean;
  projects?: TodoProject[];
  units?: TodoUnit[];
  months?: TodoMonth[];
}

export interface TodoCounts {
  /** The sum of the items' counts: the 待办 badge. */
  todos: number;
  /** Reports to fill (due and returned): the 填报 badge. */
  fill: number;
  /** Reports awaiting review: the 审核 badge. */
  review: number;
  /** 加分/扣分 entries awaiting approval. */
  entries: number;
  /** Units (or projects) that missed the last deadline. */
  overdue: number;
  /** Unread 站内消息. */
  messages: number;
}

export interface TodoList {
  /** The month whose reports are being filed now. */
  period: ReportPeriod & { title: string };
  /** The month before: its deadline has passed. */
  overduePeriod: ReportPeriod & { title: string };
  items: TodoItem[];
  counts: TodoCounts;
}

/** At most this many projects are listed in an item (the count is exact). */
const LISTED = 500;

const monthQuery = (p: { year: number; month: number }) => `year=${p.year}&month=${p.month}`;
const fillLink = (projectId: number, p: { year: number; month: number }) =>
  `/reports/fill?project=${projectId}&${monthQuery(p)}`;
const withTitle = (p: ReportPeriod) => ({ ...p, title: periodTitle(p) });

function dueItem(period: ReportPeriod, due: readonly DueProject[]): TodoItem {
  const only = due.length === 1 ? due[0]! : null;
  return {
    kind: 'report_due',
    title: only
      ? `填报${periodTitle(period)}月报：${only.name}`
      : `填报${periodTitle(period)}月报（${due.length} 个项目）`,
    count: due.length,
    link: only ? fillLink(only.projectId, period) : `/reports?tab=missing&${monthQuery(period)}`,
    period: period.id,
    deadline: period.deadline,
    daysLeft: period.daysLeft,
    overdue: period.daysLeft < 0,
    projects: due.slice(0, LISTED).map((p) => ({
      projectId: p.projectId,
      code: p.code,
      name: p.name,
      reportId: p.reportId,
      state: p.state,
      period: period.id,
      link: fillLink(p.projectId, period),
    })),
  };
}

async function fillerItems(
  database: Database,
  actor: Actor,
  now: Date,
  deadlineDay: number,
  period: ReportPeriod,
) {
  const scope = fillScope(actor);
  if (scope.kind === 'none') return [];
  const items: TodoItem[] = [];
  const due = await unsubmittedProjects(database.db, {
    scope,
    year: period.year,
    month: period.month,
    lists: DEFAULT_LISTS,
    includeReturned: false,
  });
  if (due.length > 0) items.push(dueItem(period, due));
  const returned = await returnedReports(database.db, scope);
  if (returned.length > 0) {
    const first = returned[0]!;
    const firstPeriod = reportPeriod(first.year, first.month, now, deadlineDay);
    items.push({
      kind: 'report_returned',
      title:
        returned.length === 1
          ? `修改退回的${periodTitle(first)}月报：${first.name}`
          : `修改退回的月报（${returned.length} 份）`,
      count: returned.length,
      link: returned.length === 1 ? fillLink(first.projectId, first) : '/reports?state=returned',
      period: returned.length === 1 ? firstPeriod.id : null,
      deadline: returned.length === 1 ? firstPeriod.deadline : null,
      daysLeft: returned.length === 1 ? firstPeriod.daysLeft : null,
      overdue: returned.some((r) => reportPeriod(r.year, r.month, now, deadlineDay).daysLeft < 0),
      projects: returned.slice(0, LISTED).map((r) => ({
        projectId: r.projectId,
        code: r.code,
        name: r.name,
        reportId: r.reportId,
        state: 'returned' as const,
        period: reportPeriod(r.year, r.month, now, deadlineDay).id,
        reason: r.reason,
        link: fillLink(r.projectId, r),
      })),
    });
  }
  return items;
}

async function reviewerItems(database: Database, actor: Actor): Promise<TodoItem[]> {
  const regions = await regionTree(database);
  const queue = await reviewQueue(database.db, reviewScope(actor, regions));
  const total = queue.reduce((sum, m) => sum + m.count, 0);
  if (total === 0) return [];
  const oldest = queue[0]!;
  return [
    {
      kind: 'review_queue',
      title: `审核已报送的月报（${total} 份）`,
      count: total,
      link: `/reports/review?${monthQuery(oldest)}`,
      period: queue.length === 1 ? `${oldest.year}-${String(oldest.month).padStart(2, '0')}` : null,
      deadline: null,
      daysLeft: null,
      overdue: false,
      months: queue.map((m) => ({
        period: `${m.year}-${String(m.month).padStart(2, '0')}`,
        count: m.count,
        link: `/reports/review?${monthQuery(m)}`,
      })),
    },
  ];
}

async function entryItems(database: Database, actor: Actor): Promise<TodoItem[]> {
  const province = entryReviewProvince(actor);
  if (!province) return [];
  const pending = await pendingEntries(database.db, province, actor.username);
  const count = pending.events + pending.adjustments;
  if (count === 0) return [];
  return [
    {
      kind: 'entries_review',
      title: `审核加分/扣分（${count} 条：事件 ${pending.events}，人工调整 ${pending.adjustments}）`,
      count,
      link: '/evaluation/entries?status=pending',
      period: null,
      deadline: null,
      daysLeft: null,
      overdue: false,
    },
  ];
}

async function overdueItems(database: Database, actor: Actor, late: ReportPeriod): Promise<TodoItem[]> {
  const regions = await regionTree(database);
  const units = watchedUnits(actor, regions);
  if (units.length === 0) return [];
  const counts = await missingByRegion(database.db, {
    regionCodes: units.flatMap((u) => u.regionCodes),
    year: late.year,
    month: late.month,
    lists: DEFAULT_LISTS,
  });
  const byRegion = new Map(counts.map((c) => [c.regionCode, c]));
  const missingLink = (code: string) => `/reports?tab=missing&${monthQuery(late)}&region=${code}`;
  const base = { period: late.id, deadline: late.deadline, daysLeft: late.daysLeft, overdue: true };
  // A county office watches its own county: the projects are the units.
  if (units.length === 1 && units[0]!.code === actor.regionCode) {
    const missing = byRegion.get(actor.regionCode)?.missing ?? 0;
    if (missing === 0) return [];
    return [
      {
        kind: 'overdue_projects',
        title: `${periodTitle(late)}月报逾期未报的项目（${missing} 个）`,
        count: missing,
        link: missingLink(actor.regionCode),
        ...base,
      },
    ];
  }
  const lateUnits: TodoUnit[] = units
    .map((unit) => {
      const rows = unit.regionCodes.map((code) => byRegion.get(code));
      return {
        code: unit.code,
        name: unit.name,
        projects: rows.reduce((sum, r) => sum + (r?.projects ?? 0), 0),
        missing: rows.reduce((sum, r) => sum + (r?.missing ?? 0), 0),
        link: missingLink(unit.code),
      };
    })
    .filter((u) => u.missing > 0)
    .sort((a, b) => b.missing - a.missing || a.code.localeCompare(b.code));
  if (lateUnits.length === 0) return [];
  const noun = actor.role === 'province_officer' ? '市县' : '县区';
  return [
    {
      kind: 'overdue_units',
      title: `${periodTitle(late)}月报逾期未报齐的${noun}（${lateUnits.length} 个）`,
      count: lateUnits.length,
      link: `/reports?tab=missing&${monthQuery(late)}`,
      ...base,
      units: lateUnits,
    },
  ];
}

async function adminItems(database: Database, actor: Actor, since: Date): Promise<TodoItem[]> {
  if (actor.role !== 'sysadmin') return [];
  const failed = (await recentDeliveries(database.db, { limit: 200 })).filter(
    (d) => d.status === 'failed' && d.createdAt >= since,
  );
  if (failed.length === 0) return [];
  return [
    {
      kind: 'robot_failures',
      title: `群机器人提醒发送失败（近 7 天 ${failed.length} 次）`,
      count: failed.length,
      link: '/admin/settings',
      period: null,
      deadline: null,
      daysLeft: null,
      overdue: false,
    },
  ];
}

/**
 * How an answer may be kept: `read(key, compute)` hands back `compute()`'s answer or one kept for the
 * same key and data version (src/services/read-cache.ts). Without one, everything is computed.
 */
export type KeptRead = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

const computeNow: KeptRead = (_key, compute) => compute();

export async function listTodos(
  database: Database,
  actor: Actor,
  now: Date,
  kept: KeptRead = computeNow,
): Promise<TodoList> {
  // What depends only on the figures, the account and the day is kept; the admin's failed deliveries
  // and the unread messages (tables that move no data version) are read every time.
  const key = JSON.stringify(['todos', ...accountKey(actor), chinaDate(now)]);
  const work = await kept(key, async () => {
    const settings = await loadSettings(database.db);
    const deadlineDay = settings['report.deadlineDay'];
    const period = currentReportPeriod(now, deadlineDay);
    const late = overduePeriod(now, deadlineDay);
    return {
      period,
      late,
      items: [
        ...(await fillerItems(database, actor, now, deadlineDay, period)),
        ...(await reviewerItems(database, actor)),
        ...(await entryItems(database, actor)),
        ...(await overdueItems(database, actor, late)),
      ],
    };
  });
  const items = [
    ...work.items,
    ...(await adminItems(database, actor, new Date(now.getTime() - 7 * 86_400_000))),
  ];
  const sum = (...kinds: TodoKind[]) =>
    items.filter((i) => kinds.includes(i.kind)).reduce((total, i) => total + i.count, 0);
  return {
    period: withTitle(work.period),
    overduePeriod: withTitle(work.late),
    items,
    counts: {
      todos: items.reduce((total, i) => total + i.count, 0),
      fill: sum('report_due', 'report_returned'),
      review: sum('review_queue'),
      entries: sum('entries_review'),
      overdue: sum('overdue_units', 'overdue_projects'),
      messages: await unreadCount(database.db, actor.id),
    },
  };
}

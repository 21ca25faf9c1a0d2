// 报送提醒: from N days before the lock day (report.deadlineDay, reminder.daysBefore) every project
// whose report for the current period is not submitted gets one reminder — a 站内消息 to its project
// owners and to the office that fills its reports, and a line in the text sent to the group robot of
// each region above it that has one. At most once per report and period: the claim is a row of
// report_reminders, so a second run, a second server process or the cron command sends nothing again.
// Robots are posted after the claim commits, once each; the outcome is recorded, never retried in a loop.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { insertMessages, type NewMessage } from '../db/messages';
import type { Tx } from '../db/query';
import {
  claimReminders,
  type DeliveryRow,
  finishDelivery,
  insertDeliveries,
  listWebhooks,
  type Recipient,
  reportFillers,
  type WebhookRow,
} from '../db/reminders';
import { type DueProject, unsubmittedProjects } from '../db/todos';
import { descendantsOf, type RegionNode } from '../domain/regions';
import { type RemindedProject, type RobotKind, reminderMessage, robotText } from '../domain/reminder-text';
import { currentReportPeriod, type ReportPeriod, reminderDue } from '../domain/report-period';
import { DEFAULT_LISTS } from './compute-stats';
import { regionTree } from './region-tree';
import { sendRobotText } from './robot-webhook';
import { loadSettings } from './settings';

export interface ReminderOptions {
  now: Date;
  /** Count what would be sent, write and send nothing. */
  dryRun?: boolean;
  /** Who runs it, for the audit log (`system` for the server's timer, `cli:<user>` for the command). */
  actor?: string;
  /** For tests: the robots' HTTP client and its timeout. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface DeliveryOutcome {
  regionCode: string;
  regionName: string;
  kind: RobotKind;
  reports: number;
  status: 'pending' | 'sent' | 'failed' | 'planned';
  httpStatus: number | null;
  error: string | null;
}

export interface ReminderRun {
  period: ReportPeriod;
  /** Whether today is within the reminder days of the period (and reminders are enabled). */
  due: boolean;
  enabled: boolean;
  daysBefore: number;
  dryRun: boolean;
  /** Reports reminded by this run (claimed now; with --dry-run: that would be). */
  reports: number;
  messages: number;
  deliveries: DeliveryOutcome[];
}

const toReminded = (p: DueProject): RemindedProject => ({
  projectId: p.projectId,
  name: p.name,
  state: p.state,
});

/** Each recipient's projects among `projects`: owners their bound ones, offices their region's. */
function byRecipient(
  projects: readonly DueProject[],
  recipients: readonly Recipient[],
): Map<number, DueProject[]> {
  const out = new Map<number, DueProject[]>();
  for (const r of recipients) {
    const mine = projects.filter((p) =>
      r.projectId !== null ? p.projectId === r.projectId : p.regionCode === r.regionCode,
    );
    if (mine.length === 0) continue;
    const list = out.get(r.userId) ?? [];
    for (const p of mine) if (!list.some((q) => q.projectId === p.projectId)) list.push(p);
    out.set(r.userId, list);
  }
  return out;
}

function messagesFor(
  period: ReportPeriod,
  projects: readonly DueProject[],
  recipients: readonly Recipient[],
  now: Date,
): NewMessage[] {
  return [...byRecipient(projects, recipients)].map(([userId, mine]) => ({
    userId,
    kind: 'report.reminder',
    ...reminderMessage(period, mine.map(toReminded)),
    createdAt: now,
  }));
}

interface PlannedDelivery {
  hook: WebhookRow;
  region: RegionNode;
  projects: DueProject[];
  content: string;
}

/** One robot text per enabled robot whose region (and below) has reminded projects. */
function plannedDeliveries(
  period: ReportPeriod,
  projects: readonly DueProject[],
  hooks: readonly WebhookRow[],
  regions: readonly RegionNode[],
): PlannedDelivery[] {
  return hooks.flatMap((hook) => {
    const region = regions.find((r) => r.code === hook.regionCode);
    if (!hook.enabled || !region) return [];
    const below = new Set(descendantsOf(regions, region.code));
    const mine = projects.filter((p) => below.has(p.regionCode));
    if (mine.length === 0) return [];
    return [{ hook, region, projects: mine, content: robotText(period, region, mine.map(toReminded)) }];
  });
}

const recipientsPerProject = (projects: readonly DueProject[], recipients: readonly Recipient[]) =>
  projects.map((p) => ({
    projectId: p.projectId,
    recipients: recipients.filter((r) =>
      r.projectId !== null ? r.projectId === p.projectId : r.regionCode === p.regionCode,
    ).length,
  }));

async function candidates(db: Tx, period: ReportPeriod) {
  const projects = await unsubmittedProjects(db, {
    scope: { kind: 'all' },
    year: period.year,
    month: period.month,
    lists: DEFAULT_LISTS,
    includeReturned: true,
    unreminded: true,
  });
  const recipients = await reportFillers(db, {
    projectIds: projects.map((p) => p.projectId),
    regionCodes: [...new Set(projects.map((p) => p.regionCode))],
  });
  return { projects, recipients };
}

/** Sends the reminders due now (nothing outside the reminder days); safe to run any number of times. */
export async function runReminders(database: Database, options: ReminderOptions): Promise<ReminderRun> {
  const settings = await loadSettings(database.db);
  const period = currentReportPeriod(options.now, settings['report.deadlineDay']);
  const enabled = settings['reminder.enabled'];
  const daysBefore = settings['reminder.daysBefore'];
  const run: ReminderRun = {
    period,
    due: enabled && reminderDue(period, daysBefore),
    enabled,
    daysBefore,
    dryRun: options.dryRun ?? false,
    reports: 0,
    messages: 0,
    deliveries: [],
  };
  if (!run.due) return run;
  const regions = await regionTree(database);

  if (run.dryRun) {
    const { projects, recipients } = await candidates(database.db, period);
    const planned = plannedDeliveries(period, projects, await listWebhooks(database.db), regions);
    return {
      ...run,
      reports: projects.length,
      messages: byRecipient(projects, recipients).size,
      deliveries: planned.map((d) => outcome(d, { status: 'planned', httpStatus: null, error: null })),
    };
  }

  const written = await database.db.transaction(async (tx) => {
    const { projects, recipients } = await candidates(tx, period);
    const claimedIds = new Set(
      await claimReminders(tx, {
        projects: recipientsPerProject(projects, recipients),
        year: period.year,
        month: period.month,
        now: options.now,
      }),
    );
    const claimed = projects.filter((p) => claimedIds.has(p.projectId));
    if (claimed.length === 0) return null;
    const messages = await insertMessages(tx, messagesFor(period, claimed, recipients, options.now));
    const planned = plannedDeliveries(period, claimed, await listWebhooks(tx), regions);
    const rows = await insertDeliveries(
      tx,
      planned.map((d) => ({
        regionCode: d.region.code,
        kind: d.hook.kind,
        year: period.year,
        month: period.month,
        reports: d.projects.length,
        content: d.content,
        createdAt: options.now,
      })),
    );
    await writeAudit(tx, {
      actor: options.actor ?? 'system',
      action: 'reminder.send',
      targetType: 'report_period',
      targetId: period.id,
      outcome: 'ok',
      details: { deadline: period.deadline, reports: claimed.length, messages, robots: rows.length },
    });
    return { claimed, messages, deliveries: planned.map((d, i) => ({ ...d, row: rows[i]! })) };
  });
  if (!written) return run;

  const deliveries: DeliveryOutcome[] = [];
  for (const d of written.deliveries) deliveries.push(await deliver(database, d, options));
  return { ...run, reports: written.claimed.length, messages: written.messages, deliveries };
}

function outcome(
  d: PlannedDelivery,
  result: Pick<DeliveryOutcome, 'status' | 'httpStatus' | 'error'>,
): DeliveryOutcome {
  return {
    regionCode: d.region.code,
    regionName: d.region.name,
    kind: d.hook.kind as RobotKind,
    reports: d.projects.length,
    ...result,
  };
}

async function deliver(
  database: Database,
  d: PlannedDelivery & { row: DeliveryRow },
  options: ReminderOptions,
): Promise<DeliveryOutcome> {
  const result = await sendRobotText(
    { kind: d.hook.kind as RobotKind, url: d.hook.url, secret: d.hook.secret },
    d.content,
    { now: new Date(), timeoutMs: options.timeoutMs, fetch: options.fetch },
  );
  const status = result.ok ? 'sent' : 'failed';
  await finishDelivery(database.db, d.row.id, {
    status,
    httpStatus: result.httpStatus,
    error: result.error,
    finishedAt: new Date(),
  });
  return outcome(d, { status, httpStatus: result.httpStatus, error: result.error });
}

export const REMINDER_EVERY_MS = 60 * 60 * 1000;

/**
 * The server's timer: runs the reminders a minute after start and then every hour (each run sends
 * only what no run has sent). `SIBI_REMINDERS=off` leaves it off in this process (cron runs
 * `sibi remind` instead). Answers a function that stops it.
 */
export function startReminderTimer(
  database: Database,
  options: { everyMs?: number; firstAfterMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  if (process.env.SIBI_REMINDERS?.trim().toLowerCase() === 'off') return () => {};
  const tick = () =>
    void runReminders(database, { now: new Date(), actor: 'system' }).catch((error: unknown) =>
      options.onError?.(error),
    );
  const first = setTimeout(tick, options.firstAfterMs ?? 60_000);
  const every = setInterval(tick, options.everyMs ?? REMINDER_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

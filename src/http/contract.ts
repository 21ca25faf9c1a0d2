// The API contract for the browser: the output types of the zod schemas the routes answer with
// (src/http/routes/*.types.ts, src/http/presenters). The web imports these with `import type`
// only, so no zod or server code enters its bundle; test/contract.test.ts fails when the web
// declares a type of its own under a name this contract (or a route schema) already has.
//
// Everything reached from here is type-checked under web/tsconfig.json (DOM, no Node types):
// keep the schema modules free of Node-only imports.
import type { z } from 'zod';
import type { PublishGateReport } from '../domain/evaluation/publish-gate';
import type { Scheme } from '../domain/evaluation/scheme-schema';
import type { EvaluationResult } from '../domain/evaluation/types';
import type { Role } from '../policies/roles';
import type { Action } from '../policies/rules';
import type { ZAccount, ZSelf } from './presenters/account';
import type { ZApproval, ZDeal, ZIssue, ZReserve } from './presenters/ledgers';
import type { ZProject, ZProjectYear } from './presenters/project';
import type { ZReport } from './presenters/report';
import type { ZAuditChoices, ZAuditRow } from './routes/audit.types';
import type { ZLoginBody, ZSessionResponse, ZTotpEnrolResponse } from './routes/auth.types';
import type { ZImportChanges, ZImportSummary } from './routes/data-files.types';
import type { ZAdjustmentOut, ZEntryItems, ZEventOut } from './routes/evaluation-entries.types';
import type {
  ZAudit,
  ZDraft,
  ZDraftBody,
  ZPublished,
  ZPublishedSummary,
  ZPublishGate,
  ZRankMove,
  ZVerification,
} from './routes/evaluations.types';
import type { ZHonourDetail, ZHonourSummary } from './routes/honours.types';
import type { ZMap } from './routes/map.types';
import type { ZProjectExportQuery, ZProjectLeaders } from './routes/projects.types';
import type { ZDemoAccounts } from './routes/public.types';
import type {
  ZHonourEntry,
  ZPublicEvaluation,
  ZPublicHonours,
  ZPublicLinkOut,
} from './routes/public-results.types';
import type { ZImportQuality, ZQuality, ZQualityFinding } from './routes/quality.types';
import type { ZRegion } from './routes/regions.types';
import type { ZReminderRun, ZRobotBody, ZRobotList } from './routes/reminders.types';
import type { ZMissingList, ZReportExportQuery, ZReportForm } from './routes/reports.types';
import type {
  ZSchemeCheck,
  ZSchemeFull,
  ZSchemeProblem,
  ZSchemeSummary,
  ZSchemeValidation,
  ZWeightRow,
} from './routes/schemes.types';
import type { ZSelfScoreChoices, ZSelfScoreOut } from './routes/self-scores.types';
import type { ZSettingsView } from './routes/settings.types';
import type { ZDashboard, ZMetrics, ZRankEntry, ZRegionRef, ZStats } from './routes/stats.types';
import type { ZAccountWithPassword } from './routes/users.types';
import type { ZWarnings } from './routes/warnings.types';
import type { zPage } from './schema/common';

type Out<T extends z.ZodTypeAny> = z.output<T>;

/** A numbered page of a list (zPage in src/http/schema/common.ts) of any item. */
export type Page<T> = Omit<Out<ReturnType<typeof zPage>>, 'items'> & { items: T[] };

export type { Role };
/** The actions of src/policies/rules.ts, for `capabilities` (what the role may ever do). */
export type Capability = Action;

// Accounts and the session (auth.types.ts, users.types.ts, public.types.ts).
export type Me = Out<typeof ZSelf>;
export type PendingStep = NonNullable<Me['pending']>;
export type SessionResponse = Out<typeof ZSessionResponse>;
/** POST /api/auth/login: what the browser sends. */
export type LoginBody = z.input<typeof ZLoginBody>;
export type DemoAccounts = Out<typeof ZDemoAccounts>;
/** POST /api/auth/totp/enrol: the new secret, shown once. */
export type TotpEnrolment = Out<typeof ZTotpEnrolResponse>;
export type Account = Out<typeof ZAccount>;
export type AccountWithPassword = Out<typeof ZAccountWithPassword>;

// Reference data, settings, audit.
export type Region = Out<typeof ZRegion>;
export type RegionKind = Region['kind'];
export type AuditRow = Out<typeof ZAuditRow>;
export type AuditChoices = Out<typeof ZAuditChoices>;
export type SettingsView = Out<typeof ZSettingsView>;
export type SettingItem = SettingsView['items'][number];
// 导出Excel of a list (src/http/table-export.ts): the list's query less paging, plus the headers' language.
export type ProjectExportQuery = z.input<typeof ZProjectExportQuery>;
export type ReportExportQuery = z.input<typeof ZReportExportQuery>;
export type TableLang = ProjectExportQuery['lang'];
// 报送提醒的群机器人 (reminders.types.ts).
export type RobotList = Out<typeof ZRobotList>;
export type Robot = RobotList['items'][number];
export type RobotDelivery = RobotList['deliveries'][number];
/** PUT /api/reminder-webhooks/:region: what the browser sends. */
export type RobotBody = z.input<typeof ZRobotBody>;
export type ReminderRun = Out<typeof ZReminderRun>;

// Statistics and the 驾驶舱 (stats.types.ts).
export type RegionRef = Out<typeof ZRegionRef>;
export type Metrics = Out<typeof ZMetrics>;
export type Stats = Out<typeof ZStats>;
export type Dashboard = Out<typeof ZDashboard>;
export type RankEntry = Out<typeof ZRankEntry>;

// 挂图作战 (map.types.ts).
export type RegionMapData = Out<typeof ZMap>;
export type MapPoint = RegionMapData['points'][number];
export type MapChild = RegionMapData['children'][number];
export type OutlineFeature = RegionMapData['outlines']['features'][number];
export type ProjectStage = MapPoint['stage'];
export type LightLevel = MapPoint['level'];

// 红黄绿灯 (warnings.types.ts).
export type Warnings = Out<typeof ZWarnings>;
export type WarningAlert = Warnings['units'][number]['alerts'][number];
export type AlertKind = WarningAlert['kind'];

// 数据质量检查 (quality.types.ts).
export type Quality = Out<typeof ZQuality>;
export type QualityFinding = Out<typeof ZQualityFinding>;
export type QualityCounts = Quality['counts'];
export type ImportQuality = Out<typeof ZImportQuality>;

// Imports (data-files.types.ts).
export type ImportSummary = Out<typeof ZImportSummary>;
export type ImportChanges = Out<typeof ZImportChanges>;
export type ImportColumn = ImportSummary['columns'][number];
export type ImportKind = ImportSummary['kind'];

// Projects, their years and leaders (presenters/project.ts, projects.types.ts).
export type Project = Out<typeof ZProject>;
export type ProjectYear = Out<typeof ZProjectYear>;
export type LeaderTerm = Out<typeof ZProjectLeaders>['items'][number];

// Monthly reports (presenters/report.ts, reports.types.ts).
export type MonthlyReport = Out<typeof ZReport>;
export type ReportState = MonthlyReport['state'];
export type ReportForm = Out<typeof ZReportForm>;
export type ReportValues = ReportForm['values'];
export type ReportField = ReportForm['carried'][number];
export type MissingReport = Out<typeof ZMissingList>['items'][number];

// The four ledgers (presenters/ledgers.ts).
export type Deal = Out<typeof ZDeal>;
export type ReserveProject = Out<typeof ZReserve>;
export type ApprovalItem = Out<typeof ZApproval>;
export type Issue = Out<typeof ZIssue>;

// Self-scores (self-scores.types.ts).
export type SelfScoreEntry = Out<typeof ZSelfScoreOut>;
export type SelfScoreChoices = Out<typeof ZSelfScoreChoices>;

// Evaluations and schemes (evaluations.types.ts, schemes.types.ts). The schemas describe a result or
// a scheme as opaque JSON (`z.unknown()`, documented in docs/methodology.md); its type is the
// engine's (src/domain/evaluation/types.ts, scheme-schema.ts), put in here.
type WithResult<T> = Omit<T, 'result'> & { result: EvaluationResult };
/** POST /api/evaluations/draft (also the body of its sensitivity and what-it-takes). */
export type DraftBody = z.input<typeof ZDraftBody>;
export type RankMove = Out<typeof ZRankMove>;
export type DraftEvaluation = WithResult<Out<typeof ZDraft>>;
export type PublishedSummary = Out<typeof ZPublishedSummary>;
/** The publish gate's report as stored with a published result. */
export type PublishGate = Out<typeof ZPublishGate>;
/** The details of a publication the gate refused (422): its report, and whether the caller may override. */
export type PublishRefusal = PublishGateReport & { mayOverride: boolean };
export type PublishedEvaluation = WithResult<Out<typeof ZPublished>>;
export type Verification = Out<typeof ZVerification>;
export type SchemeSummary = Out<typeof ZSchemeSummary>;
export type SchemeFull = Omit<Out<typeof ZSchemeFull>, 'scheme'> & { scheme: Scheme };
/** The statistical audit of an evaluation (docs/methodology.md → 统计审计). */
export type EvaluationAudit = Out<typeof ZAudit>;
export type GroupAudit = EvaluationAudit['groups'][number];
export type Correlations = GroupAudit['scores'];
export type AuditOutliers = GroupAudit['outliers'][number];
/** Nominal against effective weight of one indicator (the audit's and the scheme check's). */
export type WeightRow = Out<typeof ZWeightRow>;
export type SchemeValidation = Omit<Out<typeof ZSchemeValidation>, 'scheme'> & { scheme: Scheme | null };
/** POST /api/schemes/check: every problem with its line and column, the summary and the weights. */
export type SchemeCheck = Omit<Out<typeof ZSchemeCheck>, 'scheme'> & { scheme: Scheme | null };
export type SchemeProblem = Out<typeof ZSchemeProblem>;

// Public links, and the honours lists they publish (public-results.types.ts, honours.types.ts).
export type PublicEvaluation = Out<typeof ZPublicEvaluation>;
export type PublicUnit = PublicEvaluation['groups'][number]['units'][number];
export type PublicHonours = Out<typeof ZPublicHonours>;
export type PublicHonourEntry = Out<typeof ZHonourEntry>;
/** A public link as the office sees it (`link` null: none open). */
export type PublicLinkInfo = Out<typeof ZPublicLinkOut>;
export type HonourListSummary = Out<typeof ZHonourSummary>;
export type HonourListDetail = Out<typeof ZHonourDetail>;

// 加减分事项 and manual adjustments, each reviewed by a second person (evaluation-entries.types.ts).
export type EventEntry = Out<typeof ZEventOut>;
export type AdjustmentEntry = Out<typeof ZAdjustmentOut>;
/** GET /api/evaluation-entries/choices: the events and each scheme's bonus and penalty items. */
export type EntryChoices = Out<typeof ZEntryItems>;

// The API contract for the browser: the output types of the zod schemas the routes answer with
// (src/http/routes/*.types.ts, src/http/presenters). The web imports these with `import type`
// only, so no zod or server code enters its bundle; test/contract.test.ts fails when the web
// declares a type of its own under a name this contract (or a route schema) already has.
//
// Everything reached from here is type-checked under web/tsconfig.json (DOM, no Node types):
// keep the schema modules free of Node-only imports.
import type { z } from 'zod';
import type { Role } from '../policies/roles';
import type { Action } from '../policies/rules';
import type { ZAccount, ZSelf } from './presenters/account';
import type { ZApproval, ZDeal, ZIssue, ZReserve } from './presenters/ledgers';
import type { ZProject, ZProjectYear } from './presenters/project';
import type { ZReport } from './presenters/report';
import type { ZAuditChoices, ZAuditRow } from './routes/audit.types';
import type { ZLoginBody, ZSessionResponse } from './routes/auth.types';
import type { ZImportChanges, ZImportSummary } from './routes/data-files.types';
import type { ZMap } from './routes/map.types';
import type { ZProjectLeaders } from './routes/projects.types';
import type { ZDemoAccounts } from './routes/public.types';
import type { ZImportQuality, ZQuality, ZQualityFinding } from './routes/quality.types';
import type { ZRegion } from './routes/regions.types';
import type { ZMissingList, ZReportForm } from './routes/reports.types';
import type { ZSelfScoreChoices, ZSelfScoreOut } from './routes/self-scores.types';
import type { ZSettingsView } from './routes/settings.types';
import type { ZDashboard, ZMetrics, ZRankEntry, ZRegionRef, ZStats } from './routes/stats.types';
import type { ZAccountWithPassword } from './routes/users.types';
import type { ZWarnings } from './routes/warnings.types';

type Out<T extends z.ZodTypeAny> = z.output<T>;

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
export type Account = Out<typeof ZAccount>;
export type AccountWithPassword = Out<typeof ZAccountWithPassword>;

// Reference data, settings, audit.
export type Region = Out<typeof ZRegion>;
export type RegionKind = Region['kind'];
export type AuditRow = Out<typeof ZAuditRow>;
export type AuditChoices = Out<typeof ZAuditChoices>;
export type SettingsView = Out<typeof ZSettingsView>;
export type SettingItem = SettingsView['items'][number];

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

// The stored rows the HTTP presenters shape, re-exported here so http never imports db, not even
// for a type (issue 15; test/layering.test.ts). Types only: nothing of the database comes with them.
export type { AuditFilter, AuditRow } from '../db/audit-read';
export type { SessionRow } from '../db/auth/sessions';
export type { UserRow } from '../db/auth/users';
export type { PublishedSummary, StoredEvaluation } from '../db/evaluations';
export type { HonourList } from '../db/honours';
export type { PublicLink, PublicLinkKind } from '../db/public-links';
export type { LeaderTerm } from '../db/records/project-leaders';
export type { ApprovalRow, IssueRow } from '../db/records/project-ledgers';
export type { ProjectRow, ProjectYearRow } from '../db/records/projects';
export type { DealRow, ReserveRow } from '../db/records/region-ledgers';
export type { ReportRow, ReportWithProject } from '../db/records/reports';

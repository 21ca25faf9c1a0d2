// The database schema, shared by PGlite and PostgreSQL. Money is integer 元 (bigint);
// every large table carries province_code so it can be partitioned by province later.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const money = (name: string) => bigint(name, { mode: 'bigint' });
const day = (name: string) => date(name, { mode: 'string' });
const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const versioned = {
  version: integer('version').notNull().default(1),
  createdAt: stamp('created_at').notNull().defaultNow(),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
};

export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    parentCode: varchar('parent_code', { length: 6 }),
    kind: text('kind').notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    ...versioned,
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    owner: text('owner'),
    leader: text('leader'),
    domain: text('domain'),
    totalInvestment: money('total_investment'),
    plannedStart: day('planned_start'),
    plannedCompletion: day('planned_completion'),
    actualStart: day('actual_start'),
    actualCompletion: day('actual_completion'),
    productionStart: day('production_start'),
    plannedProduction: day('planned_production'),
    outputValue: money('output_value'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    scope: text('scope'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('projects_code_key').on(t.code),
    index('projects_region_idx').on(t.provinceCode, t.regionCode),
  ],
);

export const projectYears = pgTable(
  'project_years',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    list: text('list').notNull(),
    nature: text('nature').notNull(),
    annualTarget: money('annual_target'),
    plannedStartMonth: smallint('planned_start_month'),
    completionPlanned: boolean('completion_planned').notNull().default(false),
    ...versioned,
  },
  (t) => [
    uniqueIndex('project_years_key').on(t.projectId, t.year, t.list),
    index('project_years_year_list_idx').on(t.provinceCode, t.year, t.list),
  ],
);

// The keys carry province_code, as PostgreSQL requires of a table partitioned by it (`sibi db
// partition`, docs/scaling.md §3); a project never changes province (migration 0008), so the key
// (project, year, month) is as unique as before. project_id and id stay first: lookups by project
// or by id use these indexes without knowing the province.
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: serial('id').notNull(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    investYtd: money('invest_ytd').notNull(),
    investMonth: money('invest_month'),
    started: boolean('started').notNull().default(false),
    startDate: day('start_date'),
    completed: boolean('completed').notNull().default(false),
    completionDate: day('completion_date'),
    progressNote: text('progress_note'),
    problems: text('problems'),
    reportedAt: day('reported_at'),
    state: text('state').notNull().default('draft'),
    late: boolean('late').notNull().default(false),
    submittedBy: text('submitted_by'),
    submittedAt: stamp('submitted_at'),
    approvedBy: text('approved_by'),
    approvedAt: stamp('approved_at'),
    returnedReason: text('returned_reason'),
    ...versioned,
  },
  (t) => [
    primaryKey({ columns: [t.id, t.provinceCode] }),
    uniqueIndex('monthly_reports_key').on(t.projectId, t.year, t.month, t.provinceCode),
    index('monthly_reports_period_idx').on(t.provinceCode, t.year, t.month),
  ],
);

// Derived from monthly_reports, never written by the application: what the metrics read at the end
// of month N of a year for each project, carried forward from its reports up to N (domain.md: the
// latest approved investYtd; started and completed by the month end; reports that arrived on time).
// One row per project, year, month and province code from the project's first filed report to
// December. Triggers on monthly_reports keep it in step in the same statement (migrations
// 0004_project_months, 0005, 0008); other inserts are dropped. A restore loads it as backed up, with the
// tables' triggers off.
export const projectMonths = pgTable(
  'project_months',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    /** The latest approved report's investYtd at or before this month; null before the first approval. */
    investYtd: money('invest_ytd'),
    started: boolean('started').notNull(),
    completed: boolean('completed').notNull(),
    /** Reports up to this month that arrived by the deadline (not late, not a draft). */
    onTime: smallint('on_time').notNull(),
  },
  (t) => [
    // The migration adds INCLUDE (invest_ytd, started, completed, on_time): a month's figures of a
    // province are an index-only scan where the visibility map is kept (PostgreSQL's autovacuum).
    primaryKey({ columns: [t.provinceCode, t.year, t.month, t.projectId] }),
    index('project_months_project_idx').on(t.projectId, t.year, t.provinceCode),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    investor: text('investor'),
    origin: text('origin').notNull(),
    top500: text('top500'),
    signedDate: day('signed_date').notNull(),
    contractAmount: money('contract_amount').notNull(),
    fundsInPlace: money('funds_in_place').notNull(),
    industry: text('industry'),
    startDate: day('start_date'),
    projectCode: text('project_code'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('deals_key').on(t.name, t.regionCode),
    index('deals_signed_idx').on(t.provinceCode, t.signedDate),
  ],
);

export const reserveProjects = pgTable(
  'reserve_projects',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    targetYear: smallint('target_year').notNull(),
    totalInvestment: money('total_investment'),
    domain: text('domain'),
    maturity: text('maturity'),
    major: boolean('major').notNull().default(false),
    convertedProjectCode: text('converted_project_code'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('reserve_projects_key').on(t.name, t.regionCode, t.targetYear),
    index('reserve_projects_year_idx').on(t.provinceCode, t.targetYear),
  ],
);

export const approvalItems = pgTable(
  'approval_items',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    itemName: text('item_name').notNull(),
    department: text('department'),
    dueDate: day('due_date'),
    submittedDate: day('submitted_date'),
    doneDate: day('done_date'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('approval_items_key').on(t.projectId, t.itemName),
    index('approval_items_due_idx').on(t.provinceCode, t.dueDate),
  ],
);

export const projectIssues = pgTable(
  'project_issues',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    category: text('category'),
    description: text('description').notNull(),
    responsibleUnit: text('responsible_unit'),
    raisedDate: day('raised_date').notNull(),
    dueDate: day('due_date'),
    resolvedDate: day('resolved_date'),
    ...versioned,
  },
  (t) => [
    uniqueIndex('project_issues_key').on(t.projectId, t.description, t.raisedDate),
    index('project_issues_raised_idx').on(t.provinceCode, t.raisedDate),
  ],
);

export const evaluations = pgTable(
  'evaluations',
  {
    id: serial('id').primaryKey(),
    schemeId: text('scheme_id').notNull(),
    schemeVersion: text('scheme_version').notNull(),
    period: text('period').notNull(),
    parentCode: varchar('parent_code', { length: 6 }).notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    state: text('state').notNull().default('draft'),
    scheme: jsonb('scheme').notNull(),
    inputs: jsonb('inputs').notNull(),
    options: jsonb('options').notNull(),
    result: jsonb('result').notNull(),
    contentHash: text('content_hash').notNull(),
    createdBy: text('created_by').notNull(),
    publishedBy: text('published_by'),
    publishedAt: stamp('published_at'),
    /** 1 for the first publication of a scheme, region and period; n + 1 after edition n was revoked. */
    edition: integer('edition').notNull().default(1),
    /** The publish gate's report and any override (reason, by whom), as stored at publication. */
    publishGate: jsonb('publish_gate'),
    ...versioned,
  },
  (t) => [
    index('evaluations_period_idx').on(t.parentCode, t.period),
    // One publication per scheme, region, period and edition; a trigger (migration 0010) refuses a new
    // edition while an earlier one is not revoked, and any change to or removal of a published row.
    uniqueIndex('evaluations_published_key')
      .on(t.schemeId, t.parentCode, t.period, t.edition)
      .where(sql`state = 'published'`),
  ],
);

// Revoking a published evaluation is a record of its own, never a change to the evaluation: at most
// one per evaluation, append-only (migration 0010). A revoked result stays readable, marked revoked.
export const evaluationRevocations = pgTable(
  'evaluation_revocations',
  {
    id: serial('id').primaryKey(),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    reason: text('reason').notNull(),
    revokedBy: text('revoked_by').notNull(),
    revokedAt: stamp('revoked_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_revocations_evaluation_key').on(t.evaluationId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

// Append-only: a trigger (see migrations) refuses UPDATE, DELETE and TRUNCATE.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: stamp('at').notNull().defaultNow(),
    actor: text('actor').notNull(),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    details: jsonb('details'),
    // Not declared here: chain_seq, prev_hash and hash (migration 0015), set by the audit_log_chain
    // trigger whatever an insert says, read by src/db/audit-chain.ts. Declared, every insert would name
    // them, and a database below that migration level (a backup being restored) would refuse it.
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

// The end of the audit chain and where a retention purge cut its start (one row, id 1; trigger-owned).
export const auditChainHead = pgTable('audit_chain_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  purgedSeq: bigint('purged_seq', { mode: 'number' }).notNull().default(0),
  purgedHash: text('purged_hash').notNull(),
});

// Counted events that feed count_points indicators (e.g. a new foreign-invested enterprise).
export const evaluationEvents = pgTable(
  'evaluation_events',
  {
    id: serial('id').primaryKey(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    item: text('item').notNull(),
    eventDate: day('event_date').notNull(),
    count: integer('count').notNull().default(1),
    /** Evidence: the document or notice it rests on. */
    note: text('note'),
    reason: text('reason'),
    author: text('author').notNull(),
    /** pending → approved (counts) or revoked; a revoked row stays, with who, when and why. */
    status: text('status').notNull().default('pending'),
    approvedBy: text('approved_by'),
    approvedAt: stamp('approved_at'),
    revokedBy: text('revoked_by'),
    revokedAt: stamp('revoked_at'),
    revokeReason: text('revoke_reason'),
    ...versioned,
  },
  (t) => [index('evaluation_events_idx').on(t.provinceCode, t.eventDate)],
);

// Manual bonus/penalty points an evaluator enters for one evaluation scope, with a reason.
export const evaluationAdjustments = pgTable(
  'evaluation_adjustments',
  {
    id: serial('id').primaryKey(),
    schemeId: text('scheme_id').notNull(),
    parentCode: varchar('parent_code', { length: 6 }).notNull(),
    period: text('period').notNull(),
    unitCode: varchar('unit_code', { length: 6 }).notNull(),
    kind: text('kind').notNull(),
    item: text('item'),
    points: numeric('points', { precision: 8, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    author: text('author').notNull(),
    /** pending → approved (counts) or revoked; a revoked row stays, with who, when and why. */
    status: text('status').notNull().default('pending'),
    approvedBy: text('approved_by'),
    approvedAt: stamp('approved_at'),
    revokedBy: text('revoked_by'),
    revokedAt: stamp('revoked_at'),
    revokeReason: text('revoke_reason'),
    ...versioned,
  },
  (t) => [index('evaluation_adjustments_idx').on(t.schemeId, t.parentCode, t.period)],
);

// A unit's self-score (自评分) for one evaluation scope: its total (indicator '') or one indicator's
// score, as the unit reported it; revised in place (version) until the result is published, then a
// trigger (migration 0014) refuses any change while the publication stands.
export const evaluationSelfScores = pgTable(
  'evaluation_self_scores',
  {
    id: serial('id').primaryKey(),
    schemeId: text('scheme_id').notNull(),
    parentCode: varchar('parent_code', { length: 6 }).notNull(),
    period: text('period').notNull(),
    unitCode: varchar('unit_code', { length: 6 }).notNull(),
    /** The indicator id; '' for the unit's total. */
    indicator: text('indicator').notNull().default(''),
    points: numeric('points', { precision: 8, scale: 2 }).notNull(),
    note: text('note'),
    reportedBy: text('reported_by').notNull(),
    reportedAt: stamp('reported_at').notNull(),
    ...versioned,
  },
  // points >= 0 is a CHECK in migration 0014.
  (t) => [
    uniqueIndex('evaluation_self_scores_key').on(t.schemeId, t.parentCode, t.period, t.unitCode, t.indicator),
  ],
);

// Public links (#7): a short unguessable slug that opens one published evaluation or one published
// honours list without a session, until it is revoked (revoked_at). The slug is the only key a
// reader holds; the row itself is never shown.
export const publicLinks = pgTable(
  'public_links',
  {
    id: serial('id').primaryKey(),
    slug: varchar('slug', { length: 16 }).notNull(),
    kind: text('kind').notNull(),
    targetId: integer('target_id').notNull(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    revokedAt: stamp('revoked_at'),
  },
  (t) => [
    uniqueIndex('public_links_slug_key').on(t.slug),
    index('public_links_target_idx').on(t.kind, t.targetId),
  ],
);

// Honours lists a province publishes (e.g. 省重点项目建设先进单位): imported as a draft, then published
// once; a trigger (migration 0009) refuses any change to a published list or its entries.
export const honourLists = pgTable(
  'honour_lists',
  {
    id: serial('id').primaryKey(),
    provinceCode: varchar('province_code', { length: 6 }).notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    issuedBy: text('issued_by'),
    issuedOn: day('issued_on'),
    sourceFile: text('source_file'),
    contentHash: text('content_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    publishedBy: text('published_by'),
    publishedAt: stamp('published_at'),
  },
  (t) => [index('honour_lists_province_idx').on(t.provinceCode, t.year)],
);

export const honourListEntries = pgTable(
  'honour_list_entries',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => honourLists.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    regionCode: varchar('region_code', { length: 6 }),
    category: text('category'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.position] })],
);

// What a published period's 通报 states besides the scores (figures, warnings, earlier ranks), taken
// at publication beside the evaluation's hashed snapshot; final once written (migration 0012).
export const bulletinSnapshots = pgTable('bulletin_snapshots', {
  evaluationId: integer('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id),
  snapshot: jsonb('snapshot').notNull(),
  createdAt: stamp('created_at').notNull().defaultNow(),
});

// Reads stored rows back as import records, in the import layout (for export and round trips).
import { sql } from 'drizzle-orm';
import type {
  ApprovalRecord,
  DealRecord,
  IssueRecord,
  Nature,
  ProjectRecord,
  RegionKind,
  RegionRecord,
  ReportRecord,
  ReserveRecord,
} from '../domain/records';
import { big } from './metrics/scope';
import { jsonParam, queryRows, type Tx } from './query';

/** Which rows to read: a set of region codes (a scope), and for projects a year and list. */
export interface RecordFilter {
  regionCodes: readonly string[];
  year?: number;
  list?: string;
}

const inRegions = (filter: RecordFilter) =>
  sql`(select jsonb_array_elements_text(${jsonParam(filter.regionCodes)}::jsonb))`;
const optBig = (v: string | null) => (v === null ? null : big(v));

export async function readRegions(db: Tx, filter: RecordFilter): Promise<RegionRecord[]> {
  const rows = await queryRows<{ code: string; name: string; parent_code: string | null; kind: string }>(
    db,
    sql`select code, name, parent_code, kind from regions where code in ${inRegions(filter)} order by code`,
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    kind: r.kind as RegionKind,
  }));
}

export async function readProjects(
  db: Tx,
  filter: RecordFilter & { year: number; list: string },
): Promise<ProjectRecord[]> {
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`select p.code, p.name, p.region_code, p.owner, p.leader, p.domain, y.nature,
               p.total_investment::text as total_investment, y.annual_target::text as annual_target,
               p.planned_start::text as planned_start, p.planned_completion::text as planned_completion,
               p.actual_start::text as actual_start, p.actual_completion::text as actual_completion,
               p.lng, p.lat, p.scope, p.planned_production::text as planned_production,
               p.production_start::text as production_start, p.output_value::text as output_value
        from project_years y join projects p on p.id = y.project_id
        where y.year = ${filter.year} and y.list = ${filter.list} and p.region_code in ${inRegions(filter)}
        order by p.code`,
  );
  return rows.map((r) => ({
    code: r.code as string,
    name: r.name as string,
    regionCode: r.region_code as string,
    owner: r.owner as string | null,
    leader: r.leader as string | null,
    domain: r.domain as string | null,
    nature: r.nature as Nature,
    totalInvestment: optBig(r.total_investment as string | null),
    annualTarget: optBig(r.annual_target as string | null),
    plannedStart: r.planned_start as string | null,
    plannedCompletion: r.planned_completion as string | null,
    actualStart: r.actual_start as string | null,
    actualCompletion: r.actual_completion as string | null,
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
    scope: r.scope as string | null,
    plannedProduction: r.planned_production as string | null,
    productionStart: r.production_start as string | null,
    outputValue: optBig(r.output_value as string | null),
  }));
}

export async function readReports(db: Tx, filter: RecordFilter): Promise<ReportRecord[]> {
  const rows = await queryRows<Record<string, string | number | boolean | null>>(
    db,
    sql`select p.code, r.year, r.month, r.invest_ytd::text as invest_ytd, r.started, r.start_date::text as start_date,
               r.completed, r.completion_date::text as completion_date, r.progress_note, r.problems,
               r.reported_at::text as reported_at
        from monthly_reports r join projects p on p.id = r.project_id
        where p.region_code in ${inRegions(filter)} ${filter.year ? sql`and r.year = ${filter.year}` : sql``}
        order by p.code, r.year, r.month`,
  );
  return rows.map((r) => ({
    projectCode: r.code as string,
    year: Number(r.year),
    month: Number(r.month),
    investYtd: big(r.invest_ytd as string),
    started: r.started as boolean,
    startDate: r.start_date as string | null,
    completed: r.completed as boolean,
    completionDate: r.completion_date as string | null,
    progressNote: r.progress_note as string | null,
    problems: r.problems as string | null,
    reportedAt: r.reported_at as string | null,
  }));
}

export async function readDeals(db: Tx, filter: RecordFilter): Promise<DealRecord[]> {
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select name, region_code, investor, origin, top500, signed_date::text as signed_date,
               contract_amount::text as contract_amount, funds_in_place::text as funds_in_place, industry,
               start_date::text as start_date, project_code
        from deals where region_code in ${inRegions(filter)}
        ${filter.year ? sql`and extract(year from signed_date) = ${filter.year}` : sql``}
        order by region_code, name`,
  );
  return rows.map((r) => ({
    name: r.name!,
    regionCode: r.region_code!,
    investor: r.investor ?? null,
    origin: r.origin as DealRecord['origin'],
    top500: (r.top500 ?? null) as DealRecord['top500'],
    signedDate: r.signed_date!,
    contractAmount: big(r.contract_amount),
    fundsInPlace: big(r.funds_in_place),
    industry: r.industry ?? null,
    startDate: r.start_date ?? null,
    projectCode: r.project_code ?? null,
  }));
}

export async function readReserve(db: Tx, filter: RecordFilter): Promise<ReserveRecord[]> {
  const rows = await queryRows<Record<string, string | number | boolean | null>>(
    db,
    sql`select name, region_code, target_year, total_investment::text as total_investment, domain, maturity, major,
               converted_project_code
        from reserve_projects where region_code in ${inRegions(filter)}
        ${filter.year ? sql`and target_year = ${filter.year}` : sql``}
        order by region_code, target_year, name`,
  );
  return rows.map((r) => ({
    name: r.name as string,
    regionCode: r.region_code as string,
    targetYear: Number(r.target_year),
    totalInvestment: optBig(r.total_investment as string | null),
    domain: r.domain as string | null,
    maturity: r.maturity as string | null,
    major: r.major as boolean,
    convertedProjectCode: r.converted_project_code as string | null,
  }));
}

export async function readApprovals(db: Tx, filter: RecordFilter): Promise<ApprovalRecord[]> {
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select p.code, a.item_name, a.department, a.due_date::text as due_date,
               a.submitted_date::text as submitted_date, a.done_date::text as done_date
        from approval_items a join projects p on p.id = a.project_id
        where p.region_code in ${inRegions(filter)} order by p.code, a.item_name`,
  );
  return rows.map((r) => ({
    projectCode: r.code!,
    itemName: r.item_name!,
    department: r.department ?? null,
    dueDate: r.due_date ?? null,
    submittedDate: r.submitted_date ?? null,
    doneDate: r.done_date ?? null,
  }));
}

export async function readIssues(db: Tx, filter: RecordFilter): Promise<IssueRecord[]> {
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select p.code, i.category, i.description, i.responsible_unit, i.raised_date::text as raised_date,
               i.due_date::text as due_date, i.resolved_date::text as resolved_date
        from project_issues i join projects p on p.id = i.project_id
        where p.region_code in ${inRegions(filter)} order by p.code, i.raised_date, i.description`,
  );
  return rows.map((r) => ({
    projectCode: r.code!,
    category: r.category ?? null,
    description: r.description!,
    responsibleUnit: r.responsible_unit ?? null,
    raisedDate: r.raised_date!,
    dueDate: r.due_date ?? null,
    resolvedDate: r.resolved_date ?? null,
  }));
}

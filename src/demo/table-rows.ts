// The demo province as the rows of its tables, for a set-based load into an empty database
// (src/services/load-demo.ts): the same rows, ids and sequence positions the importer's upserts
// would write, worked out here instead of read back after each statement. Pure.

import type { ProjectRecord } from '../domain/records.js';
import { provinceOf } from '../domain/regions.js';
import { isLate } from '../domain/reporting.js';
import type { DemoData } from './generate-demo.js';

/** A table's rows, each an array in the order of `columns` (SQL names); bigint amounts as bigint. */
export interface TableRows {
  table: DemoTable;
  columns: readonly string[];
  rows: unknown[][];
  /**
   * How far the load moves the table's id sequence: one value per row the importer's INSERT …
   * ON CONFLICT proposed, conflicting or not (a project listed in three lists used three).
   */
  idsUsed: number;
}

export type DemoTable =
  | 'regions'
  | 'projects'
  | 'project_years'
  | 'monthly_reports'
  | 'deals'
  | 'reserve_projects'
  | 'approval_items'
  | 'project_issues';

/** One import the old loader made: its audit record and progress line name it. */
export interface DemoStep {
  kind: 'regions' | 'projects' | 'reports' | 'deals' | 'reserve' | 'approvals' | 'issues';
  file: string;
  rows: number;
  year?: number;
  list?: string;
}

export interface DemoTableRows {
  /** In load order: a table's references are loaded before it. */
  tables: TableRows[];
  steps: DemoStep[];
}

/** The last id each serial table has used so far (0 on a new database). */
export type SequenceBases = Partial<Record<DemoTable, number>>;

/** The reports' approver: what the importer records for an import by the demo loader. */
export interface ReportApproval {
  actor: string;
  at: Date;
  deadlineDay: number;
}

export function demoTableRows(data: DemoData, bases: SequenceBases, approval: ReportApproval): DemoTableRows {
  const base = (t: DemoTable) => bases[t] ?? 0;
  const steps: DemoStep[] = [{ kind: 'regions', file: 'demo:regions', rows: data.regions.length }];

  // Projects: the first listing of a code makes the row (every listing of a project is identical);
  // each listing used an id, so the project's id is its first listing's position plus one.
  const projects: { id: number; province: string; p: ProjectRecord }[] = [];
  const years: { id: number; province: string; p: ProjectRecord; year: number; list: string }[] = [];
  const project = new Map<string, { id: number; province: string }>();
  for (const { year, list, projects: records } of data.projectLists) {
    steps.push({ kind: 'projects', file: `demo:projects:${year}:${list}`, rows: records.length, year, list });
    for (const p of records) {
      let ref = project.get(p.code);
      if (!ref) {
        ref = { id: base('projects') + years.length + 1, province: provinceOf(p.regionCode) };
        project.set(p.code, ref);
        projects.push({ ...ref, p });
      }
      years.push({ id: base('project_years') + years.length + 1, province: ref.province, p, year, list });
    }
  }
  const ref = (code: string) => {
    const found = project.get(code);
    if (!found) throw new Error(`demo: project ${code} is not listed`);
    return found;
  };

  // Each month's own amount: its cumulative figure minus the project's previous report of the year.
  const byProjectYear = new Map<string, number[]>();
  data.reports.forEach((r, i) => {
    const key = `${r.projectCode}/${r.year}`;
    const indexes = byProjectYear.get(key);
    if (indexes) indexes.push(i);
    else byProjectYear.set(key, [i]);
  });
  const monthAmount: bigint[] = new Array(data.reports.length);
  for (const indexes of byProjectYear.values()) {
    indexes.sort((a, b) => data.reports[a]!.month - data.reports[b]!.month);
    let before = 0n;
    for (const i of indexes) {
      monthAmount[i] = data.reports[i]!.investYtd - before;
      before = data.reports[i]!.investYtd;
    }
  }
  const approvedAt = approval.at.toISOString();
  for (const kind of ['reports', 'deals', 'reserve', 'approvals', 'issues'] as const)
    steps.push({ kind, file: `demo:${kind}`, rows: data[kind].length });

  /** Ids follow the sequence in record order (one per record unless said otherwise). */
  const serial = (table: DemoTable) => (_: unknown, i: number) => base(table) + i + 1;
  const tables: TableRows[] = [
    rowsOf('regions', data.regions, 0, {
      code: (r) => r.code,
      name: (r) => r.name,
      parent_code: (r) => r.parentCode,
      kind: (r) => r.kind,
      province_code: (r) => provinceOf(r.code),
    }),
    rowsOf('projects', projects, years.length, {
      id: (r) => r.id,
      code: (r) => r.p.code,
      name: (r) => r.p.name,
      region_code: (r) => r.p.regionCode,
      province_code: (r) => r.province,
      owner: (r) => r.p.owner,
      leader: (r) => r.p.leader,
      domain: (r) => r.p.domain,
      total_investment: (r) => r.p.totalInvestment,
      planned_start: (r) => r.p.plannedStart,
      planned_completion: (r) => r.p.plannedCompletion,
      actual_start: (r) => r.p.actualStart,
      actual_completion: (r) => r.p.actualCompletion,
      lng: (r) => r.p.lng,
      lat: (r) => r.p.lat,
      scope: (r) => r.p.scope,
      planned_production: (r) => r.p.plannedProduction,
      production_start: (r) => r.p.productionStart,
      output_value: (r) => r.p.outputValue,
    }),
    rowsOf('project_years', years, years.length, {
      id: (r) => r.id,
      project_id: (r) => ref(r.p.code).id,
      province_code: (r) => r.province,
      year: (r) => r.year,
      list: (r) => r.list,
      nature: (r) => r.p.nature,
      annual_target: (r) => r.p.annualTarget,
      planned_start_month: (r) =>
        r.p.plannedStart?.startsWith(`${r.year}-`) ? Number(r.p.plannedStart.slice(5, 7)) : null,
      completion_planned: (r) =>
        r.p.nature === 'completing' || (r.p.plannedCompletion?.startsWith(`${r.year}-`) ?? false),
    }),
    rowsOf('monthly_reports', data.reports, data.reports.length, {
      id: serial('monthly_reports'),
      project_id: (r) => ref(r.projectCode).id,
      province_code: (r) => ref(r.projectCode).province,
      year: (r) => r.year,
      month: (r) => r.month,
      invest_ytd: (r) => r.investYtd,
      invest_month: (_, i) => monthAmount[i],
      started: (r) => r.started,
      start_date: (r) => r.startDate,
      completed: (r) => r.completed,
      completion_date: (r) => r.completionDate,
      progress_note: (r) => r.progressNote,
      problems: (r) => r.problems,
      reported_at: (r) => r.reportedAt,
      state: () => 'approved',
      late: (r) => isLate(r.reportedAt, r.year, r.month, approval.deadlineDay),
      approved_by: () => approval.actor,
      approved_at: () => approvedAt,
    }),
    rowsOf('deals', data.deals, data.deals.length, {
      id: serial('deals'),
      name: (d) => d.name,
      region_code: (d) => d.regionCode,
      province_code: (d) => provinceOf(d.regionCode),
      investor: (d) => d.investor,
      origin: (d) => d.origin,
      top500: (d) => d.top500,
      signed_date: (d) => d.signedDate,
      contract_amount: (d) => d.contractAmount,
      funds_in_place: (d) => d.fundsInPlace,
      industry: (d) => d.industry,
      start_date: (d) => d.startDate,
      project_code: (d) => d.projectCode,
    }),
    rowsOf('reserve_projects', data.reserve, data.reserve.length, {
      id: serial('reserve_projects'),
      name: (r) => r.name,
      region_code: (r) => r.regionCode,
      province_code: (r) => provinceOf(r.regionCode),
      target_year: (r) => r.targetYear,
      total_investment: (r) => r.totalInvestment,
      domain: (r) => r.domain,
      maturity: (r) => r.maturity,
      major: (r) => r.major,
      converted_project_code: (r) => r.convertedProjectCode,
    }),
    rowsOf('approval_items', data.approvals, data.approvals.length, {
      id: serial('approval_items'),
      project_id: (a) => ref(a.projectCode).id,
      province_code: (a) => ref(a.projectCode).province,
      item_name: (a) => a.itemName,
      department: (a) => a.department,
      due_date: (a) => a.dueDate,
      submitted_date: (a) => a.submittedDate,
      done_date: (a) => a.doneDate,
    }),
    rowsOf('project_issues', data.issues, data.issues.length, {
      id: serial('project_issues'),
      project_id: (s) => ref(s.projectCode).id,
      province_code: (s) => ref(s.projectCode).province,
      category: (s) => s.category,
      description: (s) => s.description,
      responsible_unit: (s) => s.responsibleUnit,
      raised_date: (s) => s.raisedDate,
      due_date: (s) => s.dueDate,
      resolved_date: (s) => s.resolvedDate,
    }),
  ];
  return { tables, steps };
}

/** A table's rows from records, one column (SQL name) per function. */
function rowsOf<T>(
  table: DemoTable,
  records: readonly T[],
  idsUsed: number,
  columns: Record<string, (record: T, index: number) => unknown>,
): TableRows {
  const values = Object.values(columns);
  return {
    table,
    columns: Object.keys(columns),
    rows: records.map((record, i) => values.map((value) => value(record, i))),
    idsUsed,
  };
}

// 月报填报表 (GET /api/templates/reports/form): the projects of the caller's region on a year's list,
// with the month's report state, for the form io/report-form.ts writes.
import type { Database } from '../db/client';
import { projectsByCode } from '../db/lookups';
import { reportStates } from '../db/store/reports';
import { REPORT_STATE_LABELS, type ReportState } from '../domain/report-workflow';
import type { ReportFormRow } from '../io/report-form';
import { exportRecords } from './export-records';

export async function reportFormRows(
  database: Database,
  request: { region: string; year: number; month: number; list: string; actor: string; ip?: string | null },
): Promise<ReportFormRow[]> {
  const projects = await exportRecords(database, {
    kind: 'projects',
    region: request.region,
    year: request.year,
    list: request.list,
    actor: request.actor,
    ip: request.ip,
  });
  const ids = await projectsByCode(
    database.db,
    projects.map((p) => p.code),
  );
  const states = await reportStates(
    database.db,
    projects.flatMap((p) => {
      const id = ids.get(p.code)?.id;
      return id === undefined ? [] : [{ projectId: id, year: request.year, month: request.month }];
    }),
  );
  return projects.map((p) => {
    const state = states.get(`${ids.get(p.code)?.id}:${request.year}:${request.month}`) as
      | ReportState
      | undefined;
    return { code: p.code, name: p.name, state: state ? REPORT_STATE_LABELS[state] : null };
  });
}

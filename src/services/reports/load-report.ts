import type { Database } from '../../db/client';
import { getReport, type ReportWithProject } from '../../db/records/reports';
import type { ProjectTarget } from '../../policies/actor';
import { NotFoundError } from '../errors';
import { projectTarget } from '../records/project-target';

export async function loadReport(
  database: Database,
  id: number,
): Promise<{ row: ReportWithProject; target: ProjectTarget }> {
  const row = await getReport(database.db, id);
  if (!row) throw new NotFoundError('未找到');
  return { row, target: await projectTarget(database, row) };
}

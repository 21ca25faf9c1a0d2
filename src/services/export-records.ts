// Export use case: the rows of one kind within a region's scope, in the import layout.

import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { loadRegions } from '../db/lookups';
import {
  readApprovals,
  readDeals,
  readIssues,
  readProjects,
  readRegions,
  readReports,
  readReserve,
} from '../db/read-records';
import type { ImportKind, KindRecords } from '../domain/records';
import { descendantsOf } from '../domain/regions';
import { UsageError } from './errors';

export interface ExportRequest<K extends ImportKind> {
  kind: K;
  region?: string;
  year?: number;
  list?: string;
  actor: string;
  ip?: string | null;
}

export async function exportRecords<K extends ImportKind>(
  database: Database,
  request: ExportRequest<K>,
): Promise<KindRecords[K][]> {
  const { db } = database;
  const regions = await loadRegions(db);
  const roots = request.region ? [request.region] : regions.filter((r) => !r.parentCode).map((r) => r.code);
  const regionCodes = roots.flatMap((root) => descendantsOf(regions, root));
  const filter = { regionCodes, year: request.year, list: request.list };
  const records = await read(database, request.kind, filter);
  await writeAudit(db, {
    actor: request.actor,
    ip: request.ip,
    action: `export.${request.kind}`,
    targetType: request.kind,
    targetId: request.region ?? null,
    outcome: 'ok',
    details: { rows: records.length, year: request.year ?? null, list: request.list ?? null },
  });
  return records as KindRecords[K][];
}

async function read(database: Database, kind: ImportKind, filter: Parameters<typeof readRegions>[1]) {
  const { db } = database;
  switch (kind) {
    case 'regions':
      return readRegions(db, filter);
    case 'projects':
      if (!filter.year) throw new UsageError('导出项目需要指定年度：--year 2020');
      return readProjects(db, { ...filter, year: filter.year, list: filter.list ?? 'province_key' });
    case 'reports':
      return readReports(db, filter);
    case 'deals':
      return readDeals(db, filter);
    case 'reserve':
      return readReserve(db, filter);
    case 'approvals':
      return readApprovals(db, filter);
    case 'issues':
      return readIssues(db, filter);
  }
  throw new UsageError(`未知的导出类型：${kind}`);
}

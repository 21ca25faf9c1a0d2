// GET /api/periods: a region's report months and the default period of its views (the latest
// closed month with submitted reports — src/domain/default-period.ts holds the rule).
import type { Database } from '../db/client';
import { queryReportMonths } from '../db/report-months';
import { type DefaultPeriods, defaultPeriods } from '../domain/default-period';
import { descendantsOf, provinceOf, type RegionNode } from '../domain/regions';
import { requireRegion } from './compute-stats';
import { regionTree } from './region-tree';

export interface RegionPeriods extends DefaultPeriods {
  region: Pick<RegionNode, 'code' | 'name' | 'kind'>;
}

export async function regionPeriods(
  database: Database,
  request: { region: string; now?: Date },
): Promise<RegionPeriods> {
  const regions = await regionTree(database);
  const region = requireRegion(regions, request.region);
  const provinceCode = provinceOf(region.code);
  const counts = await queryReportMonths(
    database.db,
    region.code === provinceCode
      ? { provinceCode }
      : { provinceCode, regions: descendantsOf(regions, region.code) },
  );
  return {
    region: { code: region.code, name: region.name, kind: region.kind },
    ...defaultPeriods(counts, request.now ?? new Date()),
  };
}

import { sql } from 'drizzle-orm';
import type { Nature, ProjectRecord } from '../../domain/records';
import { provinceOf } from '../../domain/regions';
import { jsonParam, queryRows, type Tx } from '../query';
import { projects, projectYears } from '../schema';
import { type UpsertResult, upsertRows } from '../upsert';

export interface ProjectYearRow {
  code: string;
  nature: Nature;
  annualTarget: bigint | null;
  plannedStartMonth: number | null;
  completionPlanned: boolean;
}

export function storeProjects(
  tx: Tx,
  records: readonly ProjectRecord[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  return upsertRows(
    tx,
    projects,
    records.map((p) => ({
      code: p.code,
      name: p.name,
      regionCode: p.regionCode,
      provinceCode: provinceOf(p.regionCode),
      owner: p.owner,
      leader: p.leader,
      domain: p.domain,
      totalInvestment: p.totalInvestment,
      plannedStart: p.plannedStart,
      plannedCompletion: p.plannedCompletion,
      actualStart: p.actualStart,
      actualCompletion: p.actualCompletion,
      lng: p.lng,
      lat: p.lat,
      scope: p.scope,
      plannedProduction: p.plannedProduction,
      productionStart: p.productionStart,
      outputValue: p.outputValue,
    })),
    [projects.code],
    [
      'name',
      'regionCode',
      'provinceCode',
      'owner',
      'leader',
      'domain',
      'totalInvestment',
      'plannedStart',
      'plannedCompletion',
      'actualStart',
      'actualCompletion',
      'lng',
      'lat',
      'scope',
      'plannedProduction',
      'productionStart',
      'outputValue',
    ],
    only,
  );
}

/** Writes list membership for one year and list; call after storeProjects in the same transaction. */
export async function storeProjectYears(
  tx: Tx,
  year: number,
  list: string,
  rows: readonly ProjectYearRow[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  const ids = await queryRows<{ id: number; code: string; province_code: string }>(
    tx,
    sql`select id, code, province_code from projects
        where code in (select jsonb_array_elements_text(${jsonParam(rows.map((r) => r.code))}::jsonb))`,
  );
  const byCode = new Map(ids.map((r) => [r.code, r]));
  return upsertRows(
    tx,
    projectYears,
    rows.map((r) => {
      const project = byCode.get(r.code)!;
      return {
        projectId: project.id,
        provinceCode: project.province_code,
        year,
        list,
        nature: r.nature,
        annualTarget: r.annualTarget,
        plannedStartMonth: r.plannedStartMonth,
        completionPlanned: r.completionPlanned,
      };
    }),
    [projectYears.projectId, projectYears.year, projectYears.list],
    ['nature', 'annualTarget', 'plannedStartMonth', 'completionPlanned'],
    only,
  );
}

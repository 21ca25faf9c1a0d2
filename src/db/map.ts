// 挂图作战: where each project of a scope stands at the end of month N — its coordinates, whether it
// is a 前期 project, and whether it has started or is completed by then (project_months carried
// forward, or the project's actual dates) — for the projects on the scope's lists in its year.
import { sql } from 'drizzle-orm';
import { inRegions, listArray, type MetricScope, narrowedToRegions, requireMonthEnd } from './metrics/scope';
import { queryRows, type Tx } from './query';

export interface MapProjectRow {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  lng: number | null;
  lat: number | null;
  /** 元, the project's total investment (总投资). */
  totalInvestment: bigint | null;
  /** On every chosen list as 前期 (preparatory) in the year. */
  preparatory: boolean;
  started: boolean;
  completed: boolean;
}

interface Row {
  id: number;
  code: string;
  name: string;
  region_code: string;
  lng: number | string | null;
  lat: number | string | null;
  total_investment: string | null;
  preparatory: boolean;
  started: boolean;
  completed: boolean;
}

const coordinate = (value: number | string | null) => (value === null ? null : Number(value));

/** Projects on the scope's lists in its year and in its regions, ordered by code. */
export async function queryMapProjects(db: Tx, scope: MetricScope): Promise<MapProjectRow[]> {
  requireMonthEnd(scope);
  const rows = await queryRows<Row>(
    db,
    sql`
    with entries as (
      select y.project_id as id, bool_and(y.nature = 'preparatory') as preparatory
      from project_years y
      where y.province_code = ${scope.provinceCode} and y.year = ${scope.year}
        and y.list = any(${listArray(scope)})
        ${narrowedToRegions(scope, sql`y.project_id`)}
      group by y.project_id
    ),
    months as materialized (
      select s.project_id, s.started, s.completed
      from project_months s
      where s.province_code = ${scope.provinceCode} and s.year = ${scope.year} and s.month = ${scope.month}
        ${narrowedToRegions(scope)}
    )
    select p.id, p.code, p.name, p.region_code, p.lng, p.lat, p.total_investment::text as total_investment, e.preparatory,
           (coalesce(s.started, false) or coalesce(p.actual_start <= ${scope.periodEnd}::date, false)) as started,
           (coalesce(s.completed, false) or coalesce(p.actual_completion <= ${scope.periodEnd}::date, false)) as completed
    from entries e
    join projects p on p.id = e.id and p.province_code = ${scope.provinceCode}
    left join months s on s.project_id = p.id
    where ${inRegions(scope)}
    order by p.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    regionCode: r.region_code,
    lng: coordinate(r.lng),
    lat: coordinate(r.lat),
    totalInvestment: r.total_investment === null ? null : BigInt(r.total_investment),
    preparatory: r.preparatory,
    started: r.started,
    completed: r.completed,
  }));
}

// A unit's place in every published evaluation of its parent that stands (not revoked), read inside
// the stored results.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';

export interface RankEntry {
  evaluationId: number;
  schemeId: string;
  period: string;
  group: string;
  rank: number;
  groupSize: number;
  total: number;
}

export async function queryRankHistory(db: Tx, parentCode: string, unitCode: string): Promise<RankEntry[]> {
  const rows = await queryRows<{
    id: number;
    scheme_id: string;
    period: string;
    grp: string;
    rank: number;
    group_size: number;
    total: string;
  }>(
    db,
    sql`
    select e.id, e.scheme_id, e.period, u->>'group' as grp, (u->>'rank')::int as rank,
           (select count(*) from jsonb_array_elements(e.result->'units') o
             where o->>'group' = u->>'group')::int as group_size,
           (u->>'adjusted') as total
    from evaluations e
    cross join lateral jsonb_array_elements(e.result->'units') u
    where e.parent_code = ${parentCode} and e.state = 'published' and u->>'code' = ${unitCode}
      and not exists (select 1 from evaluation_revocations r where r.evaluation_id = e.id)
    order by e.scheme_id, e.period`,
  );
  return rows.map((r) => ({
    evaluationId: r.id,
    schemeId: r.scheme_id,
    period: r.period,
    group: r.grp,
    rank: r.rank,
    groupSize: r.group_size,
    total: Number(r.total),
  }));
}

// Whether a province's data are the demo's: the demo ends every project's scope text with "（模拟数据）".
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';

export const SIMULATED_SCOPE_MARK = '（模拟数据）';

/** Stops at the first marked project of the province, so it stays cheap on large data. */
export async function hasSimulatedProjects(db: Tx, provinceCode: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (
          select 1 from projects
          where province_code = ${provinceCode} and scope like ${`%${SIMULATED_SCOPE_MARK}%`}
        ) as found`,
  );
  return rows[0]?.found === true;
}

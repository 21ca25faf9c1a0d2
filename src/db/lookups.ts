// Small reads the services need to check references before writing anything.
import { asc, sql } from 'drizzle-orm';
import type { RegionNode } from '../domain/regions';
import { jsonParam, queryRows, type Tx } from './query';
import { regions } from './schema';

export async function loadRegions(db: Tx): Promise<RegionNode[]> {
  const rows = await db
    .select({ code: regions.code, name: regions.name, parentCode: regions.parentCode, kind: regions.kind })
    .from(regions)
    .orderBy(asc(regions.code));
  return rows as RegionNode[];
}

/** Project ids and regions by code, for the codes asked (unknown codes are simply absent). */
export async function projectsByCode(
  db: Tx,
  codes: readonly string[],
): Promise<Map<string, { id: number; regionCode: string; provinceCode: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ id: number; code: string; region_code: string; province_code: string }>(
    db,
    sql`select id, code, region_code, province_code from projects
        where code in (select jsonb_array_elements_text(${jsonParam([...new Set(codes)])}::jsonb))`,
  );
  return new Map(
    rows.map((r) => [r.code, { id: r.id, regionCode: r.region_code, provinceCode: r.province_code }]),
  );
}

export async function readSetting<T>(db: Tx, key: string, fallback: T): Promise<T> {
  const rows = await queryRows<{ value: T }>(db, sql`select value from settings where key = ${key}`);
  return rows[0] ? rows[0].value : fallback;
}

/** The first project codes of one region, in code order. */
export async function projectCodesInRegion(db: Tx, regionCode: string, limit: number): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`select code from projects where region_code = ${regionCode} order by code limit ${limit}`,
  );
  return rows.map((r) => r.code);
}

export async function regionExists(db: Tx, code: string): Promise<boolean> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from regions where code = ${code}`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

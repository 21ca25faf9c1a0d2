// Deals and reserve projects: ledgers with their own region column.
import { and, asc, eq, getTableColumns, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Visibility } from '../../policies/visibility';
import { escapeLike } from '../auth/users';
import { orderOf, type Page, type PageRequest, readPage, totalColumn } from '../paging';
import type { Tx } from '../query';
import { deals, reserveProjects } from '../schema';
import { inCodes, regionVisibleSql } from './visibility-sql';

export type DealRow = typeof deals.$inferSelect;
export type ReserveRow = typeof reserveProjects.$inferSelect;

export interface DealFilter {
  visibility: Visibility;
  regionCodes?: readonly string[];
  year?: number;
  origin?: string;
  q?: string;
}

export async function listDeals(db: Tx, filter: DealFilter, request: PageRequest): Promise<Page<DealRow>> {
  const conditions: (SQL | undefined)[] = [
    regionVisibleSql(filter.visibility, deals.regionCode),
    filter.regionCodes ? inCodes(deals.regionCode, filter.regionCodes) : undefined,
    filter.year !== undefined ? sql`extract(year from ${deals.signedDate}) = ${filter.year}` : undefined,
    filter.origin ? eq(deals.origin, filter.origin) : undefined,
    filter.q
      ? or(ilike(deals.name, `%${escapeLike(filter.q)}%`), ilike(deals.investor, `%${escapeLike(filter.q)}%`))
      : undefined,
  ];
  return readPage(
    db
      .select({ ...getTableColumns(deals), total: totalColumn() })
      .from(deals)
      .where(and(...conditions))
      .orderBy(
        ...orderOf(
          request,
          {
            name: deals.name,
            regionCode: deals.regionCode,
            signedDate: deals.signedDate,
            contractAmount: deals.contractAmount,
            fundsInPlace: deals.fundsInPlace,
            updatedAt: deals.updatedAt,
          },
          [asc(deals.regionCode), asc(deals.name)],
          deals.id,
        ),
      ),
    request,
  );
}

export async function getDeal(db: Tx, id: number): Promise<DealRow | undefined> {
  return (await db.select().from(deals).where(eq(deals.id, id)))[0];
}

export async function insertDeal(db: Tx, values: typeof deals.$inferInsert): Promise<DealRow | undefined> {
  const rows = await db
    .insert(deals)
    .values(values)
    .onConflictDoNothing({ target: [deals.name, deals.regionCode] })
    .returning();
  return rows[0];
}

export interface ReserveFilter {
  visibility: Visibility;
  regionCodes?: readonly string[];
  targetYear?: number;
  major?: boolean;
  q?: string;
}

export async function listReserve(
  db: Tx,
  filter: ReserveFilter,
  request: PageRequest,
): Promise<Page<ReserveRow>> {
  const conditions: (SQL | undefined)[] = [
    regionVisibleSql(filter.visibility, reserveProjects.regionCode),
    filter.regionCodes ? inCodes(reserveProjects.regionCode, filter.regionCodes) : undefined,
    filter.targetYear !== undefined ? eq(reserveProjects.targetYear, filter.targetYear) : undefined,
    filter.major !== undefined ? eq(reserveProjects.major, filter.major) : undefined,
    filter.q ? ilike(reserveProjects.name, `%${escapeLike(filter.q)}%`) : undefined,
  ];
  return readPage(
    db
      .select({ ...getTableColumns(reserveProjects), total: totalColumn() })
      .from(reserveProjects)
      .where(and(...conditions))
      .orderBy(
        ...orderOf(
          request,
          {
            name: reserveProjects.name,
            regionCode: reserveProjects.regionCode,
            targetYear: reserveProjects.targetYear,
            totalInvestment: reserveProjects.totalInvestment,
            updatedAt: reserveProjects.updatedAt,
          },
          [asc(reserveProjects.regionCode), asc(reserveProjects.name)],
          reserveProjects.id,
        ),
      ),
    request,
  );
}

export async function getReserve(db: Tx, id: number): Promise<ReserveRow | undefined> {
  return (await db.select().from(reserveProjects).where(eq(reserveProjects.id, id)))[0];
}

export async function insertReserve(
  db: Tx,
  values: typeof reserveProjects.$inferInsert,
): Promise<ReserveRow | undefined> {
  const rows = await db
    .insert(reserveProjects)
    .values(values)
    .onConflictDoNothing({
      target: [reserveProjects.name, reserveProjects.regionCode, reserveProjects.targetYear],
    })
    .returning();
  return rows[0];
}

// Honours lists (荣誉名单) and their entries. A published list is final (trigger in migration 0009).
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Tx } from './query';
import { honourListEntries, honourLists } from './schema';

export interface HonourEntry {
  position: number;
  name: string;
  regionCode: string | null;
  category: string | null;
  note: string | null;
}

export interface HonourList {
  id: number;
  provinceCode: string;
  title: string;
  year: number;
  issuedBy: string | null;
  issuedOn: string | null;
  sourceFile: string | null;
  contentHash: string;
  createdBy: string;
  createdAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
}

export type HonourListSummary = HonourList & { entries: number };

export async function insertHonourList(
  tx: Tx,
  list: Omit<HonourList, 'id' | 'createdAt' | 'publishedBy' | 'publishedAt'>,
  entries: readonly HonourEntry[],
): Promise<number> {
  const [row] = await tx.insert(honourLists).values(list).returning({ id: honourLists.id });
  const id = row!.id;
  for (let i = 0; i < entries.length; i += 500) {
    await tx.insert(honourListEntries).values(entries.slice(i, i + 500).map((e) => ({ ...e, listId: id })));
  }
  return id;
}

export async function getHonourList(db: Tx, id: number): Promise<HonourList | null> {
  const rows = await db.select().from(honourLists).where(eq(honourLists.id, id)).limit(1);
  return (rows[0] as HonourList | undefined) ?? null;
}

export async function honourEntries(db: Tx, listId: number): Promise<HonourEntry[]> {
  return db
    .select({
      position: honourListEntries.position,
      name: honourListEntries.name,
      regionCode: honourListEntries.regionCode,
      category: honourListEntries.category,
      note: honourListEntries.note,
    })
    .from(honourListEntries)
    .where(eq(honourListEntries.listId, listId))
    .orderBy(asc(honourListEntries.position));
}

/** A province's lists, newest first, with their entry counts. */
export async function listHonourLists(db: Tx, provinceCode: string): Promise<HonourListSummary[]> {
  const rows = await db
    .select({
      list: honourLists,
      entries: sql<number>`(select count(*)::int from honour_list_entries e where e.list_id = ${honourLists.id})`,
    })
    .from(honourLists)
    .where(eq(honourLists.provinceCode, provinceCode))
    .orderBy(desc(honourLists.year), desc(honourLists.id));
  return rows.map((r) => ({ ...(r.list as HonourList), entries: Number(r.entries) }));
}

export async function findHonourListByTitle(
  db: Tx,
  provinceCode: string,
  title: string,
  year: number,
): Promise<HonourList | null> {
  const rows = await db
    .select()
    .from(honourLists)
    .where(
      and(
        eq(honourLists.provinceCode, provinceCode),
        eq(honourLists.title, title),
        eq(honourLists.year, year),
      ),
    )
    .orderBy(desc(honourLists.id))
    .limit(1);
  return (rows[0] as HonourList | undefined) ?? null;
}

/** Publishes a draft; false when it was published already (by another request first). */
export async function markHonourListPublished(tx: Tx, id: number, by: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(honourLists)
    .set({ publishedBy: by, publishedAt: at })
    .where(and(eq(honourLists.id, id), isNull(honourLists.publishedAt)))
    .returning({ id: honourLists.id });
  return rows.length === 1;
}

/**
 * Companies among a province's project owners (项目单位), one for each city in code order, with the
 * region of that project: names for a sample list.
 */
export async function ownersOfProvince(
  db: Tx,
  provinceCode: string,
  limit: number,
): Promise<{ name: string; regionCode: string }[]> {
  return queryRows<{ name: string; regionCode: string }>(
    db,
    sql`select name, "regionCode" from (
          select distinct on (left(region_code, 4)) btrim(owner) as name, region_code as "regionCode"
          from projects
          where province_code = ${provinceCode} and btrim(owner) like '%公司'
          order by left(region_code, 4), code
        ) firsts order by "regionCode" limit ${limit}`,
  );
}

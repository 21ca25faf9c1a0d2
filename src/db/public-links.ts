// Public links: slug → a published evaluation or honours list, until revoked.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from './query';
import { publicLinks } from './schema';

export type PublicLinkKind = 'evaluation' | 'honours';

export interface PublicLink {
  id: number;
  slug: string;
  kind: PublicLinkKind;
  targetId: number;
  provinceCode: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function insertPublicLink(
  tx: Tx,
  row: Pick<PublicLink, 'slug' | 'kind' | 'targetId' | 'provinceCode' | 'createdBy'>,
): Promise<PublicLink> {
  const [inserted] = await tx.insert(publicLinks).values(row).returning();
  return inserted as PublicLink;
}

/** The link a target has now (the newest not revoked), or null. */
export async function activeLinkOf(
  tx: Tx,
  kind: PublicLinkKind,
  targetId: number,
): Promise<PublicLink | null> {
  const rows = await tx
    .select()
    .from(publicLinks)
    .where(and(eq(publicLinks.kind, kind), eq(publicLinks.targetId, targetId), isNull(publicLinks.revokedAt)))
    .orderBy(desc(publicLinks.id))
    .limit(1);
  return (rows[0] as PublicLink | undefined) ?? null;
}

/** A link by its slug if it is of that kind and not revoked. */
export async function findActiveLink(
  tx: Tx,
  slug: string,
  kind?: PublicLinkKind,
): Promise<PublicLink | null> {
  const rows = await tx
    .select()
    .from(publicLinks)
    .where(
      and(
        eq(publicLinks.slug, slug),
        isNull(publicLinks.revokedAt),
        kind ? eq(publicLinks.kind, kind) : undefined,
      ),
    )
    .limit(1);
  return (rows[0] as PublicLink | undefined) ?? null;
}

/** Revokes every open link of a target; the slugs revoked. */
export async function revokeLinksOf(
  tx: Tx,
  kind: PublicLinkKind,
  targetId: number,
  at: Date,
): Promise<string[]> {
  const rows = await tx
    .update(publicLinks)
    .set({ revokedAt: at })
    .where(and(eq(publicLinks.kind, kind), eq(publicLinks.targetId, targetId), isNull(publicLinks.revokedAt)))
    .returning({ slug: publicLinks.slug });
  return rows.map((r) => r.slug);
}

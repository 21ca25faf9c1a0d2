// Public links (#7): a short unguessable slug for a published evaluation or a published honours list,
// created and revoked by the province office, resolved without a session. A slug opens only what was
// published; a revoked slug opens nothing.
import { randomBytes } from 'node:crypto';
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import {
  activeLinkOf,
  findActiveLink,
  insertPublicLink,
  type PublicLink,
  type PublicLinkKind,
  revokeLinksOf,
} from '../db/public-links';
import type { AuditContext } from './context';
import { NotFoundError } from './errors';

/** Lower-case letters and digits without l, o, 0 and 1 (read aloud, typed from print): 32 symbols. */
export const SLUG_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** 10 symbols × 5 bits = 50 random bits: guessing one of even a thousand live links takes ~10^12 tries. */
export const SLUG_LENGTH = 10;
export const SLUG_PATTERN = new RegExp(`^[${SLUG_ALPHABET}]{${SLUG_LENGTH}}$`);

export function newSlug(): string {
  const bytes = randomBytes(SLUG_LENGTH);
  let slug = '';
  for (const b of bytes) slug += SLUG_ALPHABET[b & 31];
  return slug;
}

export interface LinkTarget {
  kind: PublicLinkKind;
  id: number;
  provinceCode: string;
}

/** The target's open link, or a new one; `created` says which. */
export async function ensurePublicLink(
  database: Database,
  target: LinkTarget,
  ctx: AuditContext,
): Promise<{ link: PublicLink; created: boolean }> {
  return database.db.transaction(async (tx) => {
    const open = await activeLinkOf(tx, target.kind, target.id);
    if (open) return { link: open, created: false };
    const link = await insertPublicLink(tx, {
      slug: newSlug(),
      kind: target.kind,
      targetId: target.id,
      provinceCode: target.provinceCode,
      createdBy: ctx.actor,
    });
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'public_link.create',
      targetType: target.kind,
      targetId: String(target.id),
      outcome: 'ok',
      after: { slug: link.slug },
    });
    return { link, created: true };
  });
}

export function currentPublicLink(database: Database, target: LinkTarget): Promise<PublicLink | null> {
  return activeLinkOf(database.db, target.kind, target.id);
}

/** Revokes the target's open links; the slugs revoked (none: nothing to do, not an error). */
export async function revokePublicLinks(
  database: Database,
  target: LinkTarget,
  ctx: AuditContext,
): Promise<string[]> {
  return database.db.transaction(async (tx) => {
    const slugs = await revokeLinksOf(tx, target.kind, target.id, ctx.now);
    if (slugs.length > 0) {
      await writeAudit(tx, {
        actor: ctx.actor,
        ip: ctx.ip,
        action: 'public_link.revoke',
        targetType: target.kind,
        targetId: String(target.id),
        outcome: 'ok',
        before: { slugs },
      });
    }
    return slugs;
  });
}

/** The open link a slug names, of the kind asked; anything else (malformed, unknown, revoked) is not found. */
export async function resolvePublicLink(
  database: Database,
  slug: string,
  kind?: PublicLinkKind,
): Promise<PublicLink> {
  const link = SLUG_PATTERN.test(slug) ? await findActiveLink(database.db, slug, kind) : null;
  if (!link) throw new NotFoundError('未找到');
  return link;
}

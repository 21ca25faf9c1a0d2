import { z } from 'zod';

export const ZSlugParams = z.object({ slug: z.string().min(1).max(64) });

export const ZHonourEntry = z.object({
  position: z.number(),
  name: z.string(),
  regionCode: z.string().nullable(),
  category: z.string().nullable(),
  note: z.string().nullable(),
});

const ZLinkRef = { slug: z.string(), shortUrl: z.string() };

export const ZPublicEvaluation = z
  .object({
    kind: z.literal('evaluation'),
    ...ZLinkRef,
    scheme: z.object({ name: z.string(), version: z.string(), total: z.number() }),
    period: z.string(),
    region: z.object({ code: z.string(), name: z.string() }),
    publishedAt: z.string().nullable(),
    hash: z.string(),
    groups: z.array(
      z.object({
        id: z.string(),
        units: z.array(
          z.object({
            rank: z.number(),
            code: z.string(),
            name: z.string(),
            score: z.number(),
            base: z.number(),
            bonus: z.number(),
            penalty: z.number(),
            consequence: z
              .string()
              .optional()
              .describe("The consequence of the unit's rank band (流动红旗, 约谈)"),
            dimensions: z.array(
              z.object({ id: z.string(), name: z.string(), points: z.number(), score: z.number() }),
            ),
          }),
        ),
      }),
    ),
  })
  .describe('A published evaluation as a public link shows it: the published ranking only');

export const ZPublicHonours = z
  .object({
    kind: z.literal('honours'),
    ...ZLinkRef,
    title: z.string(),
    year: z.number(),
    issuedBy: z.string().nullable(),
    issuedOn: z.string().nullable(),
    publishedAt: z.string().nullable(),
    hash: z.string(),
    entries: z.array(ZHonourEntry),
  })
  .describe('A published honours list as a public link shows it');

/** A public link as the office sees it (null: none open). */
export const ZPublicLinkOut = z.object({
  link: z
    .object({
      slug: z.string(),
      shortUrl: z.string(),
      pagePath: z.string(),
      createdAt: z.string(),
      createdBy: z.string(),
    })
    .nullable(),
});

export const ZRevokedOut = z.object({ revoked: z.array(z.string()) });

import { z } from 'zod';
import { ZDate, ZIdParams } from '../schema/common';
import { ZHonourEntry } from './public-results.types';

export const ZHonourParams = ZIdParams;

export const ZHonourImportQuery = z
  .object({
    title: z.string().trim().min(1).max(200),
    year: z.coerce.number().int().min(1990).max(2100),
    issuedBy: z.string().trim().max(200).optional(),
    issuedOn: ZDate.optional(),
  })
  .strict();

export const ZHonourSummary = z.object({
  id: z.number(),
  title: z.string(),
  year: z.number(),
  issuedBy: z.string().nullable(),
  issuedOn: z.string().nullable(),
  sourceFile: z.string().nullable(),
  hash: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  entries: z.number(),
});

export const ZHonourDetail = ZHonourSummary.extend({
  entries: z.number(),
  items: z.array(ZHonourEntry),
});

// Schema pieces every route shares: ids, pages, money, dates, the error body.
import { z } from 'zod';

export const ZRegionCode = z.string().regex(/^\d{6}$/);
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    {
      message: '日期无效',
    },
  );
/** Amounts in 元: a non-negative integer, or its decimal string beyond 2^53. */
export const ZMoney = z
  .union([z.string().regex(/^\d{1,18}$/), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)])
  .transform((value) => BigInt(value));
/** Amounts in responses: decimal strings of 元, exact. */
export const ZMoneyOut = z.string().regex(/^-?\d+$/);
export const ZVersion = z.number().int().min(1).describe('the version read; a stale one answers 409');
export const ZYear = z.coerce.number().int().min(2000).max(2100);
export const ZMonth = z.coerce.number().int().min(1).max(12);

export const ZIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const ZVersionBody = z.object({ version: ZVersion }).strict();
export const ZVersionQuery = z.object({ version: z.coerce.number().int().min(1) });
export const ZBoolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export function zPageQuery<S extends [string, ...string[]]>(sortable: S) {
  const sorts = sortable.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    sort: z.enum(sorts).optional(),
  });
}

export function zPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** What the caller may do with a record, so the UI hides what is not allowed. */
export const ZPermissions = z.record(z.boolean());

export const ZError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});
export const ZOk = z.object({ ok: z.literal(true) });

export const moneyOut = (value: bigint | null | undefined) =>
  value === null || value === undefined ? null : value.toString();

import { z } from 'zod';
import { ZReserve } from '../presenters/ledgers';
import { ZBoolQuery, ZMoney, ZRegionCode, ZVersion, ZYear, zPage, zPageQuery } from '../schema/common';

export const ZReserveQuery = zPageQuery(['name', 'regionCode', 'targetYear', 'totalInvestment', 'updatedAt'])
  .extend({
    region: ZRegionCode.optional(),
    targetYear: ZYear.optional(),
    major: ZBoolQuery.optional(),
    q: z.string().max(100).optional(),
  })
  .strict();

const text = (max: number) => z.string().trim().max(max).nullable();

export const ZReserveCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    regionCode: ZRegionCode,
    targetYear: z.number().int().min(2000).max(2100),
    totalInvestment: ZMoney.nullable().default(null),
    domain: text(60).default(null),
    maturity: text(60).default(null),
    major: z.boolean().default(false),
    convertedProjectCode: text(64).default(null),
  })
  .strict();
export const ZReservePatch = z
  .object({
    version: ZVersion,
    name: z.string().trim().min(1).max(200),
    regionCode: ZRegionCode,
    targetYear: z.number().int().min(2000).max(2100),
    totalInvestment: ZMoney.nullable(),
    domain: text(60),
    maturity: text(60),
    major: z.boolean(),
    convertedProjectCode: text(64),
  })
  .partial()
  .required({ version: true })
  .strict();
export const ZReserveList = zPage(ZReserve);
export { ZReserve };

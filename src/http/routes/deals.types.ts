import { z } from 'zod';
import { DEAL_ORIGINS, TOP500_TYPES } from '../../domain/records';
import { ZDeal } from '../presenters/ledgers';
import { ZDate, ZMoney, ZRegionCode, ZVersion, ZYear, zPage, zPageQuery } from '../schema/common';

export const ZDealQuery = zPageQuery([
  'name',
  'regionCode',
  'signedDate',
  'contractAmount',
  'fundsInPlace',
  'updatedAt',
])
  .extend({
    region: ZRegionCode.optional(),
    year: ZYear.optional(),
    origin: z.enum(DEAL_ORIGINS).optional(),
    q: z.string().max(100).optional(),
  })
  .strict();

const fields = {
  name: z.string().trim().min(1).max(200),
  regionCode: ZRegionCode,
  investor: z.string().trim().max(200).nullable().default(null),
  origin: z.enum(DEAL_ORIGINS),
  top500: z.enum(TOP500_TYPES).nullable().default(null),
  signedDate: ZDate,
  contractAmount: ZMoney,
  fundsInPlace: ZMoney.default(0),
  industry: z.string().trim().max(100).nullable().default(null),
  startDate: ZDate.nullable().default(null),
  projectCode: z.string().trim().max(64).nullable().default(null),
};

export const ZDealCreate = z.object(fields).strict();
export const ZDealPatch = z
  .object({
    version: ZVersion,
    name: fields.name,
    regionCode: fields.regionCode,
    investor: z.string().trim().max(200).nullable(),
    origin: fields.origin,
    top500: z.enum(TOP500_TYPES).nullable(),
    signedDate: fields.signedDate,
    contractAmount: ZMoney,
    fundsInPlace: ZMoney,
    industry: z.string().trim().max(100).nullable(),
    startDate: ZDate.nullable(),
    projectCode: z.string().trim().max(64).nullable(),
  })
  .partial()
  .required({ version: true })
  .strict();
export const ZDealList = zPage(ZDeal);
export { ZDeal };

import { z } from 'zod';
import { NATURES } from '../../domain/records';
import { ZProject, ZProjectYear } from '../presenters/project';
import { ZDate, ZMoney, ZRegionCode, ZVersion, ZYear, zPageQuery } from '../schema/common';
import { ZAfter, zListPage } from '../schema/cursor';
import { zExportQuery } from '../table-export';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ZProjectQuery = zPageQuery(['code', 'name', 'regionCode', 'totalInvestment', 'updatedAt'])
  .extend({
    region: ZRegionCode.optional(),
    year: ZYear.optional(),
    list: z.string().max(40).optional(),
    nature: z.enum(NATURES).optional(),
    domain: z.string().max(60).optional(),
    leader: z.string().max(60).optional(),
    q: z.string().max(100).optional(),
    after: ZAfter.optional(),
  })
  .strict();

/** GET /api/projects/export: the list's filters and sort, all pages, headers in `lang`. */
export const ZProjectExportQuery = zExportQuery(ZProjectQuery);

const projectFields = {
  name: text(200),
  regionCode: ZRegionCode,
  owner: optionalText(200),
  leader: optionalText(60),
  domain: optionalText(60),
  totalInvestment: ZMoney.nullable().optional(),
  plannedStart: ZDate.nullable().optional(),
  plannedCompletion: ZDate.nullable().optional(),
  actualStart: ZDate.nullable().optional(),
  actualCompletion: ZDate.nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  scope: optionalText(4000),
};

export const ZProjectCreate = z.object({ code: text(64), ...projectFields }).strict();
export const ZProjectPatch = z
  .object({ version: ZVersion, ...projectFields })
  .partial()
  .required({ version: true })
  .strict();

export const ZProjectList = zListPage(ZProject);

export const ZProjectYearCreate = z
  .object({
    year: z.number().int().min(2000).max(2100),
    list: text(40),
    nature: z.enum(NATURES),
    annualTarget: ZMoney.nullable().optional(),
    plannedStartMonth: z.number().int().min(1).max(12).nullable().optional(),
    completionPlanned: z.boolean().optional(),
  })
  .strict();
export const ZProjectYearPatch = z
  .object({
    version: ZVersion,
    nature: z.enum(NATURES).optional(),
    annualTarget: ZMoney.nullable().optional(),
    plannedStartMonth: z.number().int().min(1).max(12).nullable().optional(),
    completionPlanned: z.boolean().optional(),
  })
  .strict();
export const ZProjectYearList = z.object({ items: z.array(ZProjectYear) });

export const ZProjectLeaders = z.object({
  items: z.array(
    z.object({
      leader: z.string(),
      from: z.string().describe('ISO time the leader took charge'),
      to: z.string().nullable().describe('ISO time the leader was changed; null while in charge'),
      changedBy: z.string().nullable().describe('display name of the account that made the change'),
    }),
  ),
});
export { ZProject, ZProjectYear };

import { z } from 'zod';
import { ZMoneyOut, ZRegionCode } from '../schema/common';

export const ZMapQuery = z
  .object({
    region: ZRegionCode,
    period: z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/),
    list: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional(),
  })
  .strict();

const ZRegion = z.object({ code: z.string(), name: z.string(), kind: z.string() });

const ZFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  properties: z.object({
    code: z.string(),
    name: z.string(),
    centre: z.array(z.number()).describe('[lng, lat]'),
  }),
  geometry: z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(z.array(z.number()).describe('[lng, lat]'))),
  }),
});

export const ZMap = z.object({
  region: ZRegion,
  period: z.string(),
  lists: z.array(z.string()),
  totalInvestment: ZMoneyOut.describe('元: Σ 总投资 of every project in scope, located or not'),
  points: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      unitCode: z.string().nullable().describe('the child unit the project lies in; null: the region’s own'),
      lng: z.number(),
      lat: z.number(),
      stage: z
        .enum(['preparatory', 'not_started', 'under_construction', 'completed'])
        .describe('前期 / 未开工 / 在建 / 竣工 at the end of the period'),
      level: z.enum(['red', 'yellow', 'green']).describe('红黄绿灯 (GET /api/warnings)'),
    }),
  ),
  unlocatedProjects: z.number().describe('projects in scope without coordinates (not on the map)'),
  children: z.array(
    z.object({
      region: ZRegion,
      completionRate: z
        .number()
        .nullable()
        .describe('investment completed ÷ annual target; null without a target'),
      investYtd: ZMoneyOut.describe('元 completed in the year to the period end'),
      annualTarget: ZMoneyOut.describe('元'),
      totalInvestment: ZMoneyOut.describe('元: Σ 总投资 of the unit’s projects'),
      projectCount: z.number(),
    }),
  ),
  outlines: z
    .object({ type: z.literal('FeatureCollection'), features: z.array(ZFeature) })
    .describe(
      '示意边界: schematic GeoJSON outlines of the child units drawn from project coordinates, not legal boundaries',
    ),
  unlocatedChildren: z.array(z.string()).describe('child units without a located project: no outline'),
});

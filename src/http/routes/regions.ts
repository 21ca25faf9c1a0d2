// The region tree: reference data every signed-in account may read (codes are public, GB/T 2260).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childrenOf } from '../../domain/regions';
import { authorizeRole, NOT_FOUND_MESSAGE } from '../../policies/authorize';
import { NotFoundError } from '../../services/errors';
import { regionTree } from '../../services/region-tree';
import { type AppDeps, actorOfRequest } from '../request-auth';
import { ZRegionCode } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZRegion } from './regions.types';

export function regionRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['regions'];

  app.get(
    '/api/regions',
    {
      schema: {
        summary: '地区树（GB/T 2260 代码）',
        tags,
        response: { 200: z.object({ items: z.array(ZRegion) }) },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'region.read');
      return { items: await regionTree(deps.database) };
    },
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        summary: '一个地区及其下级',
        tags,
        params: z.object({ code: ZRegionCode }),
        response: { 200: z.object({ region: ZRegion, children: z.array(ZRegion) }) },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'region.read');
      const regions = await regionTree(deps.database);
      const region = regions.find((r) => r.code === request.params.code);
      if (!region) throw new NotFoundError(NOT_FOUND_MESSAGE);
      return { region, children: childrenOf(regions, region.code) };
    },
  );
}

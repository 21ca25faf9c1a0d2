// Honours lists (荣誉名单) for the province office: import a list from .xlsx/.csv as a draft (any bad
// row rejects the file with file/row/column/reason, nothing written), read, publish once (final),
// and the public link of a published list. The public page itself is routes/public-results.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { provinceOf } from '../../domain/regions';
import { HONOURS_TABLE } from '../../domain/tables/honours';
import { honoursSpec } from '../../io/columns/honours';
import { parseSpecFile } from '../../io/parse-file';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole } from '../../policies/authorize';
import { InputRejectedError, UsageError } from '../../services/errors';
import {
  createHonourList,
  type HonourListDetail,
  listHonours,
  loadHonourList,
  loadPublishedHonourList,
  publishHonourList,
} from '../../services/honours';
import { currentPublicLink, ensurePublicLink, revokePublicLinks } from '../../services/public-links';
import type { HonourList } from '../../services/row-types';
import { pagesOf } from '../../services/table-export';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { sendTableExport, ZTableLang } from '../table-export';
import { withUploadedFile } from '../upload-file';
import { ZHonourDetail, ZHonourImportQuery, ZHonourParams, ZHonourSummary } from './honours.types';
import { presentLink } from './public-links';
import { ZPublicLinkOut, ZRevokedOut } from './public-results.types';

function presentSummary(list: HonourList, entries: number) {
  return {
    id: list.id,
    title: list.title,
    year: list.year,
    issuedBy: list.issuedBy,
    issuedOn: list.issuedOn,
    sourceFile: list.sourceFile,
    hash: list.contentHash,
    createdBy: list.createdBy,
    createdAt: list.createdAt.toISOString(),
    publishedBy: list.publishedBy,
    publishedAt: list.publishedAt?.toISOString() ?? null,
    entries,
  };
}

const presentDetail = (list: HonourListDetail) => ({
  ...presentSummary(list, list.entries.length),
  items: list.entries,
});

/** The caller's province, which they must manage. */
function provinceManaged(actor: Actor): string {
  authorizeRole(actor, 'honours.manage');
  if (!actor.regionCode) throw new UsageError('账户未绑定地区');
  const province = provinceOf(actor.regionCode);
  authorize(actor, 'honours.manage', { regionCode: province });
  return province;
}

/** An honours list's entries as Excel: the headers' language. */
const ZHonourExportQuery = z.object({ lang: ZTableLang }).strict();

export function honourRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['honours'];

  async function managed(actor: Actor, id: number): Promise<HonourListDetail> {
    authorizeRole(actor, 'honours.manage');
    const list = await loadHonourList(database, id);
    authorize(actor, 'honours.manage', { regionCode: list.provinceCode });
    return list;
  }

  app.get(
    '/api/honours',
    {
      schema: {
        summary: '本省的荣誉名单（草稿与已发布）',
        tags,
        response: { 200: z.object({ items: z.array(ZHonourSummary) }) },
      },
    },
    async (request) => {
      const province = provinceManaged(actorOfRequest(request));
      const lists = await listHonours(database, province);
      return { items: lists.map((l) => presentSummary(l, l.entries)) };
    },
  );

  app.post(
    '/api/honours',
    {
      schema: {
        summary:
          '导入荣誉名单（multipart 字段 file，.xlsx/.csv，列：序号、名称、地区代码、类别、备注；任何一行有误则整份拒绝）为草稿',
        tags,
        consumes: ['multipart/form-data'],
        querystring: ZHonourImportQuery,
        response: { 201: ZHonourDetail },
      },
    },
    async (request, reply) => {
      const province = provinceManaged(actorOfRequest(request));
      const list = await withUploadedFile(request, async (path, file) => {
        const parsed = await parseSpecFile(honoursSpec, path);
        const problems = parsed.problems.map((p) => ({ ...p, file }));
        if (problems.length > 0)
          throw new InputRejectedError(`${file}：${problems.length} 处问题，未写入任何数据`, problems);
        return createHonourList(
          database,
          { provinceCode: province, ...request.query, file, rows: parsed.records },
          auditContext(request, deps),
        );
      });
      reply.status(201);
      return presentDetail(list);
    },
  );

  app.get(
    '/api/honours/:id',
    {
      schema: {
        summary: '一份荣誉名单及其条目',
        tags,
        params: ZHonourParams,
        response: { 200: ZHonourDetail },
      },
    },
    async (request) => presentDetail(await managed(actorOfRequest(request), request.params.id)),
  );

  app.get(
    '/api/honours/:id/export',
    {
      schema: {
        summary: '导出一份荣誉名单的条目为 Excel（列与界面一致；导出记入审计）',
        tags,
        params: ZHonourParams,
        querystring: ZHonourExportQuery,
      },
    },
    async (request, reply) => {
      const detail = presentDetail(await managed(actorOfRequest(request), request.params.id));
      return sendTableExport(reply, request, deps, {
        kind: 'honours',
        spec: HONOURS_TABLE,
        lang: request.query.lang,
        query: { id: request.params.id, ...request.query },
        readPage: pagesOf(detail.items as unknown as Record<string, unknown>[]),
      });
    },
  );

  app.post(
    '/api/honours/:id/publish',
    {
      schema: {
        summary: '发布荣誉名单（发布后不可更改）',
        tags,
        params: ZHonourParams,
        response: { 200: ZHonourDetail },
      },
    },
    async (request) => {
      const list = await managed(actorOfRequest(request), request.params.id);
      return presentDetail(await publishHonourList(database, list.id, auditContext(request, deps)));
    },
  );

  /** A published list as a link target (a draft is not found: it cannot be made public). */
  async function linkTarget(actor: Actor, id: number) {
    const list = await managed(actor, id);
    await loadPublishedHonourList(database, list.id);
    return { kind: 'honours' as const, id: list.id, provinceCode: list.provinceCode };
  }

  app.get(
    '/api/honours/:id/public-link',
    {
      schema: {
        summary: '已发布荣誉名单当前的公开链接（无则 null）',
        tags,
        params: ZHonourParams,
        response: { 200: ZPublicLinkOut },
      },
    },
    async (request) => {
      const list = await managed(actorOfRequest(request), request.params.id);
      return presentLink(
        request,
        await currentPublicLink(database, { kind: 'honours', id: list.id, provinceCode: list.provinceCode }),
      );
    },
  );

  app.post(
    '/api/honours/:id/public-link',
    {
      schema: {
        summary: '为已发布的荣誉名单创建公开链接；已有则返回现有链接',
        tags,
        params: ZHonourParams,
        response: { 200: ZPublicLinkOut, 201: ZPublicLinkOut },
      },
    },
    async (request, reply) => {
      const target = await linkTarget(actorOfRequest(request), request.params.id);
      const { link, created } = await ensurePublicLink(database, target, auditContext(request, deps));
      reply.status(created ? 201 : 200);
      return presentLink(request, link);
    },
  );

  app.delete(
    '/api/honours/:id/public-link',
    {
      schema: {
        summary: '撤销荣誉名单的公开链接',
        tags,
        params: ZHonourParams,
        response: { 200: ZRevokedOut },
      },
    },
    async (request) => {
      const list = await managed(actorOfRequest(request), request.params.id);
      const target = { kind: 'honours' as const, id: list.id, provinceCode: list.provinceCode };
      return { revoked: await revokePublicLinks(database, target, auditContext(request, deps)) };
    },
  );
}

// Monthly reports: list, get, the form for a month, create/update/delete, and the workflow
// (submit, approve, return; approve or return a page at once).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { MISSING_TABLE, OVERVIEW_TABLE, REVIEW_TABLE } from '../../domain/tables/reports';
import type { ProjectTarget } from '../../policies/actor';
import { authorizeRole } from '../../policies/authorize';
import { projectVisibility } from '../../policies/visibility';
import { projectTargets } from '../../services/records/project-target';
import { loadProject } from '../../services/records/projects';
import { readReportList } from '../../services/reports/list-reports';
import { loadReport } from '../../services/reports/load-report';
import { findMissingReports } from '../../services/reports/missing-reports';
import { reportForm } from '../../services/reports/report-form';
import { approveReport, returnReport, submitReport } from '../../services/reports/report-transitions';
import { type ReviewItem, reviewReports } from '../../services/reports/review-reports';
import { createReport, deleteReport, updateReport } from '../../services/reports/save-report';
import type { ReportRow, ReportWithProject } from '../../services/row-types';
import { accountListKey, cachedReply } from '../cached-reply';
import { loadAuthorized, regionSubtree } from '../guard';
import { presentProject } from '../presenters/project';
import { presentReport } from '../presenters/report';
import { type AppDeps, actorOfRequest, auditContext, authOf } from '../request-auth';
import { ZIdParams, ZOk, ZVersionQuery } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport } from '../table-export';
import {
  ZFormQuery,
  ZMissingExportQuery,
  ZMissingList,
  ZMissingQuery,
  ZReport,
  ZReportCreate,
  ZReportExportQuery,
  ZReportForm,
  ZReportList,
  ZReportPatch,
  ZReportQuery,
  ZReturnBody,
  ZReviewBody,
  ZReviewResult,
  ZTransitionBody,
} from './reports.types';

type ReportListQuery = z.output<typeof ZReportQuery>;
type MissingQuery = z.output<typeof ZMissingQuery>;

export function reportRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const tags = ['reports'];

  const present = (
    request: FastifyRequest,
    row: ReportRow,
    place: ReportWithProject,
    target: ProjectTarget,
  ) =>
    presentReport(actorOfRequest(request), row, {
      project: { code: place.projectCode, name: place.projectName, regionCode: place.regionCode },
      target,
      settings: authOf(request).settings,
      now: deps.clock(),
    });

  /** A page of the reports the caller may see, presented as the list answers them. */
  async function readPresented(
    request: FastifyRequest,
    { region, ...filter }: Omit<ReportListQuery, 'page' | 'pageSize' | 'sort' | 'after'>,
    paging: Pick<ReportListQuery, 'page' | 'pageSize' | 'sort' | 'after'>,
  ) {
    const actor = actorOfRequest(request);
    authorizeRole(actor, 'report.read');
    const regionCodes = await regionSubtree(deps, actor, region);
    const result = await readReportList(
      database,
      { ...filter, visibility: projectVisibility(actor), regionCodes },
      paging,
    );
    const targetOf = await projectTargets(database);
    return { ...result, items: result.items.map((row) => present(request, row, row, targetOf(row))) };
  }

  /** A page of the 漏报 list of the caller's scope. */
  async function readMissing(
    request: FastifyRequest,
    { region, list, year, month }: Omit<MissingQuery, 'page' | 'pageSize' | 'sort'>,
    paging: Pick<MissingQuery, 'page' | 'pageSize' | 'sort'>,
  ) {
    const actor = actorOfRequest(request);
    authorizeRole(actor, 'report.read');
    const regionCodes = await regionSubtree(deps, actor, region);
    return findMissingReports(
      database,
      {
        visibility: projectVisibility(actor),
        regionCodes,
        year,
        month,
        lists: list === undefined ? undefined : [list].flat(),
      },
      paging,
    );
  }

  app.get(
    '/api/reports',
    {
      schema: {
        summary: '月报列表（仅本人可见范围）',
        tags,
        querystring: ZReportQuery,
        response: { 200: ZReportList },
      },
    },
    async (request, reply) => {
      const { page, pageSize, sort, after, ...filter } = request.query;
      return cachedReply(request, reply, deps, accountListKey(request, deps), () =>
        readPresented(request, filter, { page, pageSize, sort, after }),
      );
    },
  );

  app.get(
    '/api/reports/export',
    { schema: { summary: exportSummary('月报列表'), tags, querystring: ZReportExportQuery } },
    async (request, reply) => {
      authorizeRole(actorOfRequest(request), 'report.read');
      const { lang, sort, view, ...filter } = request.query;
      return sendTableExport(reply, request, deps, {
        kind: 'reports',
        spec: view === 'overview' ? OVERVIEW_TABLE : REVIEW_TABLE,
        lang,
        query: request.query,
        readPage: (page, pageSize) => readPresented(request, filter, { page, pageSize, sort }),
      });
    },
  );

  app.get(
    '/api/reports/missing',
    {
      schema: {
        summary: '漏报：名单内本月尚未报送月报的项目（仅本人可见范围）',
        tags,
        querystring: ZMissingQuery,
        response: { 200: ZMissingList },
      },
    },
    async (request, reply) => {
      const { page, pageSize, sort, ...filter } = request.query;
      return cachedReply(request, reply, deps, accountListKey(request, deps), () =>
        readMissing(request, filter, { page, pageSize, sort }),
      );
    },
  );

  app.get(
    '/api/reports/missing/export',
    { schema: { summary: exportSummary('漏报项目'), tags, querystring: ZMissingExportQuery } },
    async (request, reply) => {
      authorizeRole(actorOfRequest(request), 'report.read');
      const { lang, sort, ...filter } = request.query;
      return sendTableExport(reply, request, deps, {
        kind: 'missing-reports',
        spec: MISSING_TABLE,
        lang,
        query: request.query,
        readPage: async (page, pageSize) => {
          const result = await readMissing(request, filter, { page, pageSize, sort });
          // The month's year, for the last report's month.
          return { ...result, items: result.items.map((item) => ({ ...item, year: filter.year })) };
        },
      });
    },
  );

  app.get(
    '/api/projects/:id/report-form',
    {
      schema: {
        summary: '某月月报填报表单（由上月带入，标出未变字段）',
        tags,
        params: ZIdParams,
        querystring: ZFormQuery,
        response: { 200: ZReportForm },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const { row, target } = await loadAuthorized(actor, 'report.read', () =>
        loadProject(database, request.params.id),
      );
      const form = await reportForm(
        database,
        row,
        request.query.year,
        request.query.month,
        authOf(request).settings,
        deps.clock(),
      );
      const place = {
        projectCode: row.code,
        projectName: row.name,
        regionCode: row.regionCode,
      } as ReportWithProject;
      return {
        ...form,
        project: presentProject(actor, row, target),
        report: form.report ? present(request, form.report, place, target) : null,
        values: { ...form.values, investYtd: form.values.investYtd.toString() },
        previous: form.previous ? { ...form.previous, investYtd: form.previous.investYtd.toString() } : null,
      };
    },
  );

  app.post(
    '/api/reports',
    { schema: { summary: '新建月报草稿', tags, body: ZReportCreate, response: { 201: ZReport } } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { projectId, ...input } = request.body;
      const { row: project, target } = await loadAuthorized(actor, 'report.fill', () =>
        loadProject(database, projectId),
      );
      const row = await createReport(database, auditContext(request, deps), project, input);
      reply.status(201);
      const place = {
        projectCode: project.code,
        projectName: project.name,
        regionCode: project.regionCode,
      } as ReportWithProject;
      return present(request, row, place, target);
    },
  );

  app.get(
    '/api/reports/:id',
    { schema: { summary: '月报详情', tags, params: ZIdParams, response: { 200: ZReport } } },
    async (request) => {
      const { row, target } = await loadAuthorized(actorOfRequest(request), 'report.read', () =>
        loadReport(database, request.params.id),
      );
      return present(request, row, row, target);
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      schema: {
        summary: '修改月报（截止锁定后或已提交/已审核的更正须填 reason）',
        tags,
        params: ZIdParams,
        body: ZReportPatch,
        response: { 200: ZReport },
      },
    },
    async (request) => {
      const { row, target } = await loadAuthorized(actorOfRequest(request), 'report.fill', () =>
        loadReport(database, request.params.id),
      );
      const { version, reason, ...patch } = request.body;
      const updated = await updateReport(
        database,
        auditContext(request, deps),
        row,
        version,
        patch,
        reason,
        authOf(request).settings,
      );
      return present(request, updated, row, target);
    },
  );

  app.delete(
    '/api/reports/:id',
    {
      schema: {
        summary: '删除月报草稿',
        tags,
        params: ZIdParams,
        querystring: ZVersionQuery,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      const { row } = await loadAuthorized(actorOfRequest(request), 'report.fill', () =>
        loadReport(database, request.params.id),
      );
      await deleteReport(database, auditContext(request, deps), row, request.query.version);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        summary: '提交月报（截止后提交标记为迟报）',
        tags,
        params: ZIdParams,
        body: ZTransitionBody,
        response: { 200: ZReport },
      },
    },
    async (request) => {
      const { row, target } = await loadAuthorized(actorOfRequest(request), 'report.fill', () =>
        loadReport(database, request.params.id),
      );
      const updated = await submitReport(
        database,
        auditContext(request, deps),
        row,
        request.body.version,
        authOf(request).settings,
      );
      return present(request, updated, row, target);
    },
  );

  app.post(
    '/api/reports/:id/approve',
    {
      schema: {
        summary: '审核通过（上一级）',
        tags,
        params: ZIdParams,
        body: ZTransitionBody,
        response: { 200: ZReport },
      },
    },
    async (request) => {
      const { row, target } = await loadAuthorized(actorOfRequest(request), 'report.review', () =>
        loadReport(database, request.params.id),
      );
      const updated = await approveReport(database, auditContext(request, deps), row, request.body.version);
      return present(request, updated, row, target);
    },
  );

  app.post(
    '/api/reports/:id/return',
    {
      schema: {
        summary: '退回（须填原因）',
        tags,
        params: ZIdParams,
        body: ZReturnBody,
        response: { 200: ZReport },
      },
    },
    async (request) => {
      const { row, target } = await loadAuthorized(actorOfRequest(request), 'report.review', () =>
        loadReport(database, request.params.id),
      );
      const updated = await returnReport(
        database,
        auditContext(request, deps),
        row,
        request.body.version,
        request.body.reason,
      );
      return present(request, updated, row, target);
    },
  );

  app.post(
    '/api/reports/review',
    {
      schema: {
        summary:
          '批量审核：一页已提交的月报（id 与页面上的 version）一并审核通过，或以同一原因退回；任何一份不能处理时列出全部原因，不做任何改动',
        tags,
        body: ZReviewBody,
        response: { 200: ZReviewResult },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'report.review');
      // Every report must be one the caller may review, as for a single review (404 out of scope,
      // 403 in scope but not theirs to review): a page never shows another's reports.
      const targets = new Map<number, ProjectTarget>();
      const items: ReviewItem[] = [];
      for (const { id, version } of request.body.items) {
        const { row, target } = await loadAuthorized(actor, 'report.review', () => loadReport(database, id));
        targets.set(id, target);
        items.push({ id, version, row });
      }
      const { action, reason } = request.body;
      const decision = action === 'approve' ? { action } : { action, reason: reason! };
      const updated = await reviewReports(database, auditContext(request, deps), items, decision);
      return {
        count: updated.length,
        items: updated.map((row, i) => {
          return present(request, row, items[i]!.row, targets.get(row.id)!);
        }),
      };
    },
  );
}

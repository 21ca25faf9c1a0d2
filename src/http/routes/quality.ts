// 数据质量检查: a region's findings and counts per child unit for a period (policy as GET
// /api/warnings), its findings as Excel, and one report's findings for whoever may read the report
// (filling or reviewing it).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { QUALITY_TABLE, QUALITY_UNITS_TABLE } from '../../domain/tables/quality';
import { authorize, authorizeRole } from '../../policies/authorize';
import { checkDataQuality, checkReportQuality } from '../../services/check-data-quality';
import { loadReport } from '../../services/reports/load-report';
import { pagesOf } from '../../services/table-export';
import { loadAuthorized } from '../guard';
import { type AppDeps, actorOfRequest } from '../request-auth';
import { ZIdParams } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { exportSummary, sendTableExport, zExportQuery } from '../table-export';
import {
  QUALITY_FINDINGS_LISTED,
  ZQuality,
  ZQualityExportQuery,
  ZQualityQuery,
  ZReportQuality,
} from './quality.types';

export function qualityRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;

  async function quality(
    request: FastifyRequest,
    { region, period, months }: z.output<typeof ZQualityQuery>,
  ) {
    const actor = actorOfRequest(request);
    authorizeRole(actor, 'stats.read');
    authorize(actor, 'stats.read', { regionCode: region });
    return checkDataQuality(database, { region, period, months });
  }

  app.get(
    '/api/quality/export',
    {
      schema: {
        summary: exportSummary(
          '数据质量检查的问题（全部问题，不限界面列出的前 1000 条；severity 同界面的筛选）',
        ),
        tags: ['stats'],
        querystring: ZQualityExportQuery,
      },
    },
    async (request, reply) => {
      const { lang, severity, ...query } = request.query;
      const report = await quality(request, query);
      const findings = report.findings.filter((f) => !severity || f.severity === severity);
      return sendTableExport(reply, request, deps, {
        kind: 'quality',
        spec: QUALITY_TABLE,
        lang,
        query: request.query,
        readPage: pagesOf(findings as unknown as Record<string, unknown>[]),
      });
    },
  );

  app.get(
    '/api/quality/units/export',
    {
      schema: {
        summary: exportSummary('各单位信息报送质量'),
        tags: ['stats'],
        querystring: zExportQuery(ZQualityQuery),
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const report = await quality(request, query);
      return sendTableExport(reply, request, deps, {
        kind: 'quality-units',
        spec: QUALITY_UNITS_TABLE,
        lang,
        query: request.query,
        readPage: pagesOf(report.units as unknown as Record<string, unknown>[]),
      });
    },
  );

  app.get(
    '/api/quality',
    {
      schema: {
        summary: '数据质量检查：地区（含下级）1 月至期末月报的疑似错误，及各下级单位的问题数',
        tags: ['stats'],
        querystring: ZQualityQuery,
        response: { 200: ZQuality },
      },
    },
    async (request) => {
      const report = await quality(request, request.query);
      return {
        ...report,
        period: report.period.id,
        findings: report.findings.slice(0, QUALITY_FINDINGS_LISTED),
        findingsTotal: report.findings.length,
      };
    },
  );

  app.get(
    '/api/reports/:id/quality',
    {
      schema: {
        summary: '某份月报的数据质量检查结果（与本年已报送的月报对照；不阻止提交和审核）',
        tags: ['reports'],
        params: ZIdParams,
        response: { 200: ZReportQuality },
      },
    },
    async (request) => {
      const { row } = await loadAuthorized(actorOfRequest(request), 'report.read', () =>
        loadReport(database, request.params.id),
      );
      return { findings: await checkReportQuality(database, row) };
    },
  );
}

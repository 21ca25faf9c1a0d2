// 数据质量检查: a region's findings and counts per child unit for a period (policy as GET
// /api/warnings), and one report's findings for whoever may read the report (filling or reviewing it).
import type { FastifyInstance } from 'fastify';
import { authorize, authorizeRole } from '../../policies/authorize';
import { checkDataQuality, checkReportQuality } from '../../services/check-data-quality';
import { loadReport } from '../../services/reports/load-report';
import { loadAuthorized } from '../guard';
import { type AppDeps, actorOfRequest } from '../request-auth';
import { ZIdParams } from '../schema/common';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { QUALITY_FINDINGS_LISTED, ZQuality, ZQualityQuery, ZReportQuality } from './quality.types';

export function qualityRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
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
      const actor = actorOfRequest(request);
      const { region, period, months } = request.query;
      authorizeRole(actor, 'stats.read');
      authorize(actor, 'stats.read', { regionCode: region });
      const report = await checkDataQuality(database, { region, period, months });
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

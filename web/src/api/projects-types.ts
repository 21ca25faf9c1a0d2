// Projects, their year entries and the monthly reports as the project pages read them: the types
// of src/http/presenters/project.ts, report.ts and src/http/routes/projects.types.ts
// (src/http/contract.ts), with the lists the forms offer.

/** The year lists the province uses (src/domain/records.ts LISTS); named programmes may add more. */
export const PROJECT_LISTS = ['province_key', 'city_key', '982', 'sangeyipi'] as const;
export const NATURES = ['new', 'continuing', 'completing', 'preparatory'] as const;
export type Nature = (typeof NATURES)[number];

/** The sort fields GET /api/projects accepts. */
export const PROJECT_SORTS = ['code', 'name', 'regionCode', 'totalInvestment', 'updatedAt'] as const;

/** 全国投资项目在线审批监管平台 code: year-region-industry-approval-serial (2020-410300-47-01-012345). */
export const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

export type { LeaderTerm, Project, ProjectYear } from '../../../src/http/contract';

/** A monthly report as the project pages read it (reports-types.ts has the whole shape). */
export type { MonthlyReport as ProjectReport, ReportState } from './reports-types';

/** A field the server's zod check refused (400 validation: details). */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

/** The domains (领域) the province classifies key projects by; a project may name another. */
export const PROJECT_DOMAINS = [
  '先进制造业',
  '现代服务业',
  '基础设施',
  '新型城镇化',
  '生态环保',
  '社会民生',
  '现代农业',
  '能源',
] as const;

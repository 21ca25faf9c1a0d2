// Records made directly through the services (no HTTP, no scrypt): fixtures for route tests.
import { setUserProjects, userProjectIds } from '../../src/db/auth/users';
import type { Database } from '../../src/db/client';
import type { RegionRecord } from '../../src/domain/records';
import type { AuditContext } from '../../src/services/context';
import {
  APPROVAL_LEDGER,
  createProjectRecord,
  createRegionRecord,
  DEAL_LEDGER,
  ISSUE_LEDGER,
  RESERVE_LEDGER,
} from '../../src/services/records/ledgers';
import { createProject, createProjectYear } from '../../src/services/records/projects';
import { loadReport } from '../../src/services/reports/load-report';
import { submitReport } from '../../src/services/reports/report-transitions';
import { createReport } from '../../src/services/reports/save-report';
import { loadSettings } from '../../src/services/settings';
import { REGIONS } from './factories';

/** The factories' regions plus a county of 焦作, so "another city" can be a county too. */
export const SCOPE_REGIONS: RegionRecord[] = [
  ...REGIONS,
  { code: '410821', name: '修武县', parentCode: '410800', kind: 'county' },
];

let sequence = 0;
const unique = () => `${process.pid}-${++sequence}`;

export const fixtureContext = (now: Date): AuditContext => ({ actor: 'fixture', ip: null, now });

export function freshProject(
  database: Database,
  now: Date,
  regionCode: string,
  leader: string | null = null,
) {
  const id = unique();
  return createProject(database, fixtureContext(now), {
    code: `T-${id}`,
    name: `测试项目${id}`,
    regionCode,
    owner: null,
    leader,
    domain: null,
    totalInvestment: 1_000_000_000n,
    plannedStart: null,
    plannedCompletion: null,
    actualStart: null,
    actualCompletion: null,
    lng: null,
    lat: null,
    scope: null,
  });
}

export async function bindProject(database: Database, userId: number, projectId: number): Promise<void> {
  const current = await userProjectIds(database.db, userId);
  await setUserProjects(database.db, userId, [...current, projectId]);
}

export async function freshReport(
  database: Database,
  now: Date,
  project: { id: number; code: string; provinceCode: string; name: string; regionCode: string },
  state: 'draft' | 'submitted',
  year = 2020,
  month = 9,
) {
  const ctx = fixtureContext(now);
  const row = await createReport(database, ctx, project as never, {
    year,
    month,
    investYtd: 500_000_000n,
    started: false,
    startDate: null,
    completed: false,
    completionDate: null,
    progressNote: '前期手续办理中',
    problems: null,
  });
  if (state === 'draft') return row;
  const { row: loaded } = await loadReport(database, row.id);
  return submitReport(database, ctx, loaded, loaded.version, await loadSettings(database.db));
}

export function freshDeal(database: Database, now: Date, regionCode: string) {
  return createRegionRecord(database, fixtureContext(now), DEAL_LEDGER, {
    name: `签约${unique()}`,
    regionCode,
    investor: '某集团',
    origin: 'out_of_province',
    top500: null,
    signedDate: '2020-03-01',
    contractAmount: 3_000_000_000n,
    fundsInPlace: 100_000_000n,
    industry: null,
    startDate: null,
    projectCode: null,
  });
}

export function freshReserve(database: Database, now: Date, regionCode: string) {
  return createRegionRecord(database, fixtureContext(now), RESERVE_LEDGER, {
    name: `储备${unique()}`,
    regionCode,
    targetYear: 2021,
    totalInvestment: 2_000_000_000n,
    domain: null,
    maturity: null,
    major: true,
    convertedProjectCode: null,
  });
}

export function freshApproval(database: Database, now: Date, project: { id: number; provinceCode: string }) {
  return createProjectRecord(database, fixtureContext(now), APPROVAL_LEDGER, project.provinceCode, {
    projectId: project.id,
    itemName: `用地预审${unique()}`,
    department: '自然资源局',
    dueDate: '2020-09-30',
    submittedDate: '2020-08-01',
    doneDate: null,
  });
}

export function freshIssue(database: Database, now: Date, project: { id: number; provinceCode: string }) {
  return createProjectRecord(database, fixtureContext(now), ISSUE_LEDGER, project.provinceCode, {
    projectId: project.id,
    category: '要素保障',
    description: `电力接入滞后${unique()}`,
    responsibleUnit: '供电公司',
    raisedDate: '2020-08-15',
    dueDate: '2020-10-31',
    resolvedDate: null,
  });
}

export function freshProjectYear(
  database: Database,
  now: Date,
  project: Parameters<typeof createProjectYear>[2],
) {
  return createProjectYear(database, fixtureContext(now), project, {
    year: 2020,
    list: 'province_key',
    nature: 'continuing',
    annualTarget: 500_000_000n,
    plannedStartMonth: null,
    completionPlanned: false,
  });
}

// Record factories for tests: sensible defaults, override what the test is about.

import type { Database } from '../../src/db/client';
import type {
  DealRecord,
  ImportKind,
  KindRecords,
  ProjectRecord,
  RegionRecord,
  ReportRecord,
} from '../../src/domain/records';
import { importRecords } from '../../src/services/import-records';

export const REGIONS: RegionRecord[] = [
  { code: '410000', name: '河南省', parentCode: null, kind: 'province' },
  { code: '410300', name: '洛阳市', parentCode: '410000', kind: 'city' },
  { code: '410322', name: '孟津县', parentCode: '410300', kind: 'county' },
  { code: '410311', name: '洛龙区', parentCode: '410300', kind: 'county' },
  { code: '410800', name: '焦作市', parentCode: '410000', kind: 'city' },
  { code: '410181', name: '巩义市', parentCode: '410000', kind: 'direct_county' },
];

export function project(code: string, overrides: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    code,
    name: `项目${code}`,
    regionCode: '410300',
    owner: null,
    leader: null,
    domain: null,
    nature: 'continuing',
    totalInvestment: 100_000_000_000n,
    annualTarget: 10_000_000_000n,
    plannedStart: null,
    plannedCompletion: null,
    actualStart: null,
    actualCompletion: null,
    lng: null,
    lat: null,
    scope: null,
    plannedProduction: null,
    productionStart: null,
    outputValue: null,
    ...overrides,
  };
}

export function report(
  projectCode: string,
  month: number,
  investYtd: bigint,
  overrides: Partial<ReportRecord> = {},
): ReportRecord {
  return {
    projectCode,
    year: 2020,
    month,
    investYtd,
    started: false,
    startDate: null,
    completed: false,
    completionDate: null,
    progressNote: null,
    problems: null,
    reportedAt: null,
    ...overrides,
  };
}

export function deal(name: string, overrides: Partial<DealRecord> = {}): DealRecord {
  return {
    name,
    regionCode: '410300',
    investor: null,
    origin: 'in_province',
    top500: null,
    signedDate: '2020-03-01',
    contractAmount: 1_000_000_000n,
    fundsInPlace: 0n,
    industry: null,
    startDate: null,
    projectCode: null,
    ...overrides,
  };
}

/** Imports records through the real service, as the CLI would. */
export function load<K extends ImportKind>(
  database: Database,
  kind: K,
  records: KindRecords[K][],
  opts: { year?: number; list?: string } = {},
) {
  return importRecords(database, {
    kind,
    file: `${kind}.xlsx`,
    rows: records.map((record, i) => ({ row: i + 2, record })),
    actor: 'test',
    ...opts,
  });
}

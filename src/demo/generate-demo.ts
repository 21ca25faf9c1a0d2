// The deterministic demo province: Henan 2019–2021, every record kind, in the shapes the importer
// takes. Pure: no I/O, no clock, no Math.random — the same bytes on every call.

import type {
  ApprovalRecord,
  DealRecord,
  IssueRecord,
  ProjectRecord,
  RegionRecord,
  ReportRecord,
  ReserveRecord,
} from '../domain/records.js';
import type { ProjectYear } from './model.js';
import { demoRegions, UNIT_CODES } from './regions.js';
import { DEMO_YEARS, generateUnit } from './unit.js';

export { DEMO_LABEL } from './names.js';
export { DEMO_YEARS } from './unit.js';

export interface DemoData {
  regions: RegionRecord[];
  /** One entry per year and list: exactly what `sibi import projects --year Y --list L` would receive. */
  projectLists: { year: number; list: string; projects: ProjectRecord[] }[];
  reports: ReportRecord[];
  deals: DealRecord[];
  reserve: ReserveRecord[];
  approvals: ApprovalRecord[];
  issues: IssueRecord[];
}

const LIST_ORDER = ['province_key', 'city_key', '982'] as const;
const YUAN_PER_WAN = 10_000n;

function toRecord(py: ProjectYear, targetWan: number): ProjectRecord {
  const p = py.p;
  return {
    code: p.code,
    name: p.name,
    regionCode: p.region.code,
    owner: p.owner,
    leader: p.leader,
    domain: p.spec.domain,
    nature: py.nature,
    totalInvestment: BigInt(p.totalWan) * YUAN_PER_WAN,
    annualTarget: BigInt(targetWan) * YUAN_PER_WAN,
    plannedStart: p.plannedStart,
    plannedCompletion: p.plannedCompletion,
    actualStart: p.actualStart,
    actualCompletion: p.actualCompletion,
    lng: p.lng,
    lat: p.lat,
    scope: p.scope,
    plannedProduction: p.plannedProduction,
    productionStart: p.productionStart,
    outputValue: p.outputWan === null ? null : BigInt(p.outputWan) * YUAN_PER_WAN,
  };
}

export function generateDemo(): DemoData {
  const units = UNIT_CODES.map(generateUnit);
  const projectLists: DemoData['projectLists'] = [];
  for (const year of DEMO_YEARS) {
    for (const list of LIST_ORDER) {
      const projects: ProjectRecord[] = [];
      for (const u of units) {
        for (const py of u.entries) {
          if (py.year !== year) continue;
          const e = py.lists.find((l) => l.list === list);
          if (e) projects.push(toRecord(py, e.targetWan));
        }
      }
      if (projects.length > 0) projectLists.push({ year, list, projects });
    }
  }
  return {
    regions: demoRegions(),
    projectLists,
    reports: units.flatMap((u) => u.reports),
    deals: units.flatMap((u) => u.deals),
    reserve: units.flatMap((u) => u.reserve),
    approvals: units.flatMap((u) => u.approvals),
    issues: units.flatMap((u) => u.issues),
  };
}

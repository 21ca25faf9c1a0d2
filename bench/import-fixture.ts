// Builds a report workbook of N rows (N/12 projects × 12 months) and the projects it refers to.
import type { ProjectRecord, RegionRecord, ReportRecord } from '../src/domain/records';
import { writeFile } from '../src/io/write-file';

export const BENCH_REGIONS: RegionRecord[] = [
  { code: '410000', name: '河南省', parentCode: null, kind: 'province' },
  { code: '410300', name: '洛阳市', parentCode: '410000', kind: 'city' },
];

export function benchProjects(count: number): ProjectRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `2020-410300-47-01-${String(i).padStart(6, '0')}`,
    name: `基准测试项目${i}`,
    regionCode: '410300',
    owner: '基准测试单位',
    leader: null,
    domain: '先进制造业',
    nature: 'continuing' as const,
    totalInvestment: 1_000_000_000n,
    annualTarget: 200_000_000n,
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
  }));
}

export function benchReports(projects: ProjectRecord[], rows: number): ReportRecord[] {
  const out: ReportRecord[] = [];
  for (const p of projects) {
    for (let month = 1; month <= 12 && out.length < rows; month++) {
      out.push({
        projectCode: p.code,
        year: 2020,
        month,
        investYtd: BigInt(month) * 15_000_000n + 1234n * 100n,
        started: month > 2,
        startDate: month > 2 ? '2020-03-01' : null,
        completed: false,
        completionDate: null,
        progressNote: `第${month}月：主体施工，完成进度${month * 8}%`,
        problems: month % 5 === 0 ? '用地手续待办' : null,
        reportedAt: `2020-${String((month % 12) + 1).padStart(2, '0')}-03`,
      });
    }
  }
  return out;
}

export async function writeBenchFiles(dir: string, rows: number) {
  const projects = benchProjects(Math.ceil(rows / 12));
  const reportsFile = `${dir}/reports-${rows}.xlsx`;
  await writeFile('reports', benchReports(projects, rows), reportsFile);
  return { projects, reportsFile };
}

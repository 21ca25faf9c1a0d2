// `sibi export oc4ids` as a user runs it, on both databases: regions, projects and reports imported
// from files (amounts in 万元 with 4 decimals), then the package written to a .json file that the
// published OC4IDS 0.9 schema accepts, with exact 元 amounts; usage errors exit 2; the spreadsheet
// kinds still export as before.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/helpers/cli';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { type CliTarget, createCliTarget, testDatabases } from '../../../test/helpers/databases';
import { validateOc4idsPackage } from '../../../test/helpers/oc4ids';

const REGIONS_CSV = join(ROOT, '..', 'shared', 'design', 'henan-regions.csv');

const PROJECTS_CSV = [
  '项目代码,项目名称,地区代码,项目单位,所属领域,建设性质,总投资(万元),年度计划投资(万元),计划开工日期,计划竣工日期,经度,纬度,建设规模及内容',
  'OC-1,孟津县风电项目,410322,孟津县新能源有限公司,能源,新开工,12345.6789,3000.5,2020-08-01,2021-12-31,112.44,34.83,装机容量100兆瓦',
  'OC-2,洛阳市环路改造工程,410300,洛阳市交通运输局,基础设施,前期,80000,1000,,,,,',
  'OC-3,焦作市污水处理厂,410800,,生态环保,续建,5000,2000,,,,,',
].join('\r\n');

const REPORTS_CSV = [
  '项目代码,年度,月份,累计完成投资(万元),是否开工,实际开工日期,是否竣工,实际竣工日期,形象进度',
  'OC-1,2020,8,500,是,2020-08-12,否,,场地平整',
  'OC-1,2020,9,1500.0001,是,2020-08-12,否,,风机基础施工',
  'OC-1,2020,10,2000,是,2020-08-12,否,,风机吊装',
].join('\r\n');

describe.each(testDatabases().map((d) => d.name))(
  'sibi export oc4ids on %s',
  { timeout: 300_000 },
  (name) => {
    let target: CliTarget;
    let dir: string;
    const run = (...args: string[]) => sibi(args, target.env);

    beforeAll(async () => {
      target = await createCliTarget(name);
      dir = mkdtempSync(join(tmpdir(), 'sibi-oc4ids-'));
      expect(existsSync(REGIONS_CSV)).toBe(true);
      writeFileSync(join(dir, 'projects.csv'), `${PROJECTS_CSV}\r\n`);
      writeFileSync(join(dir, 'reports.csv'), `${REPORTS_CSV}\r\n`);
      for (const args of [
        ['import', 'regions', REGIONS_CSV],
        ['import', 'projects', join(dir, 'projects.csv'), '--year', '2020', '--list', 'province_key'],
        ['import', 'reports', join(dir, 'reports.csv')],
      ]) {
        const result = await run(...args);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
    });
    afterAll(async () => {
      await target.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes a valid OC4IDS package of the region with exact amounts in 元', async () => {
      const out = join(dir, 'luoyang.json');
      const result = await run('export', 'oc4ids', '--out', out, '--region', '410300', '--period', '2020-09');
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(`已导出 OC4IDS 项目包：2 个项目到 ${out}\n`);
      expect(result.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      const pkg = JSON.parse(text);
      expect(validateOc4idsPackage(pkg).errors).toEqual([]);
      expect(pkg.version).toBe('0.9');
      expect(pkg.projects.map((p: { id: string }) => p.id)).toEqual([
        'oc4ids-sibi-410000-OC-1',
        'oc4ids-sibi-410000-OC-2',
      ]);
      const [wind, ring] = pkg.projects;
      // 12345.6789 万元 = 123 456 789 元, written as an exact JSON integer
      expect(text).toContain('"amount": 123456789,');
      expect(wind.budget.amount).toEqual({ amount: 123_456_789, currency: 'CNY' });
      expect(wind.status).toBe('implementation');
      expect(wind.sector).toEqual(['energy']);
      expect(wind.locations[0].geometry).toEqual({ type: 'Point', coordinates: [112.44, 34.83] });
      const financial = wind.metrics.find((m: { id: string }) => m.id === 'financialProgress');
      expect(
        financial.observations.map((o: { id: string; value: { amount: number } }) => [o.id, o.value.amount]),
      ).toEqual([
        ['2020-annualTarget', 30_005_000],
        ['2020-09-investYtd', 15_000_001],
      ]);
      expect(ring.status).toBe('preparation');
      expect(ring.locations[0].geometry).toBeUndefined();
      expect(ring.metrics.map((m: { id: string }) => m.id)).toEqual(['financialProgress']);
    });

    it('exits 2 without a year or period, and leaves the spreadsheet kinds as they were', async () => {
      const missing = await run('export', 'oc4ids', '--out', join(dir, 'x.json'), '--region', '410300');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--year');
      expect(existsSync(join(dir, 'x.json'))).toBe(false);
      const badPeriod = await run('export', 'oc4ids', '--out', join(dir, 'x.json'), '--period', '2020-13');
      expect(badPeriod.code).toBe(2);
      const csv = join(dir, 'projects-out.csv');
      const projects = await run('export', 'projects', '--out', csv, '--year', '2020', '--region', '410300');
      expect(projects.stdout).toBe(`已导出 2 行到 ${csv}\n`);
      expect(projects.code).toBe(0);
    });
  },
);

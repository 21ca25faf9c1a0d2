// The OC4IDS mapping on its own (no database): values, the status table, exact amounts, the edge
// cases, and the published schema really rejecting what is wrong.
import { describe, expect, it } from 'vitest';
import { codelist, validateOc4idsPackage } from '../../../test/helpers/oc4ids';
import { parseWanToYuan } from '../../domain/money';
import type { Oc4idsSource } from '../../domain/oc4ids';
import { parsePeriod } from '../../domain/period';
import type { RegionNode } from '../../domain/regions';
import { MAPPED_DOMAINS, projectStatus, sectorOf } from './codelists';
import { cny, Oc4idsAmountError } from './map-project';
import { buildPackage, packageFileName, packageText } from './package';

const REGIONS: RegionNode[] = [
  { code: '410000', name: '河南省', parentCode: null, kind: 'province' },
  { code: '410300', name: '洛阳市', parentCode: '410000', kind: 'city' },
  { code: '410322', name: '孟津县', parentCode: '410300', kind: 'county' },
];

function source(overrides: Partial<Oc4idsSource> = {}): Oc4idsSource {
  return {
    code: '2020-410322-48-01-000001',
    name: '孟津县黄河大桥建设工程',
    regionCode: '410322',
    owner: '孟津县交通运输局',
    domain: '交通',
    scope: '新建桥梁1座，主桥长约850米',
    totalInvestment: 1_234_567_890n,
    plannedStart: '2020-03-01',
    plannedCompletion: '2022-12-31',
    actualStart: null,
    actualCompletion: null,
    lng: 112.443,
    lat: 34.826,
    list: 'province_key',
    nature: 'new',
    annualTarget: 300_000_000n,
    updatedAt: '2020-10-05T02:00:00Z',
    report: {
      month: 9,
      investYtd: 250_000_001n,
      started: true,
      startDate: '2020-04-18',
      completed: false,
      completionDate: null,
      progressNote: '主桥下部结构施工',
    },
    ...overrides,
  };
}

const pkgOf = (sources: Oc4idsSource[], period = '2020-09') =>
  buildPackage({
    region: REGIONS[1]!,
    period: parsePeriod(period),
    list: 'province_key',
    regions: REGIONS,
    sources,
  });

function expectValid(pkg: unknown) {
  const check = validateOc4idsPackage(JSON.parse(JSON.stringify(pkg)));
  expect(check.errors).toEqual([]);
  expect(check.valid).toBe(true);
}

describe('OC4IDS package', () => {
  it('maps a started project with its latest report, and validates against the published schema', () => {
    const pkg = pkgOf([source()]);
    expectValid(pkg);
    expect(pkg).toMatchObject({
      uri: 'urn:sibi:oc4ids:410300:2020-09:province_key',
      publishedDate: '2020-10-05T02:00:00Z',
      publisher: { name: '河南省洛阳市重点项目办' },
      version: '0.9',
    });
    const p = pkg.projects[0]!;
    expect(p.id).toBe('oc4ids-sibi-410000-2020-410322-48-01-000001');
    expect(p.title).toBe('孟津县黄河大桥建设工程');
    expect(p.description).toBe('新建桥梁1座，主桥长约850米');
    expect(p.status).toBe('implementation');
    expect(p.sector).toEqual(['transport']);
    expect(p.period).toEqual({
      startDate: '2020-03-01T00:00:00+08:00',
      endDate: '2022-12-31T23:59:59+08:00',
    });
    expect(p.budget).toEqual({ description: '总投资', amount: { amount: 1_234_567_890, currency: 'CNY' } });
    expect(p.locations).toEqual([
      {
        id: '1',
        description: '河南省洛阳市孟津县',
        geometry: { type: 'Point', coordinates: [112.443, 34.826] },
        gazetteer: { scheme: 'GB/T 2260', identifiers: ['410322'] },
        address: { region: '河南省', locality: '洛阳市孟津县', countryName: '中国' },
      },
    ]);
    expect(p.parties.map((x) => `${x.id}:${x.name}:${x.roles.join('|')}`)).toEqual([
      'owner:孟津县交通运输局:publicAuthority',
      'office-410322:河南省洛阳市孟津县重点项目办:reviewBody',
    ]);
    expect(p.publicAuthority).toEqual({ id: 'owner', name: '孟津县交通运输局' });
    expect(p.additionalClassifications.map((c) => `${c.scheme}=${c.id}`)).toEqual([
      'sibi-domain=交通',
      'sibi-nature=new',
      'sibi-list=province_key',
    ]);
    const [physical, financial] = p.metrics!;
    expect(physical!.id).toBe('physicalProgress');
    expect(physical!.observations).toEqual([
      { id: 'started', measure: '已开工', period: { startDate: '2020-04-18T00:00:00+08:00' } },
      {
        id: '2020-09-progress',
        measure: '主桥下部结构施工',
        period: { startDate: '2020-01-01T00:00:00+08:00', endDate: '2020-09-30T23:59:59+08:00' },
        notes: '2020年9月月报形象进度',
      },
    ]);
    expect(financial!.id).toBe('financialProgress');
    expect(financial!.observations).toEqual([
      {
        id: '2020-annualTarget',
        value: { amount: 300_000_000, currency: 'CNY' },
        period: { startDate: '2020-01-01T00:00:00+08:00', endDate: '2020-12-31T23:59:59+08:00' },
        dimensions: { type: 'target' },
        notes: '2020年度计划投资',
      },
      {
        id: '2020-09-investYtd',
        value: { amount: 250_000_001, currency: 'CNY' },
        period: { startDate: '2020-01-01T00:00:00+08:00', endDate: '2020-09-30T23:59:59+08:00' },
        dimensions: { type: 'actual' },
        notes: '2020年1-9月累计完成投资',
      },
    ]);
    expect(p.completion).toBeUndefined();
    expect(packageFileName('410300', parsePeriod('2020-09'))).toBe('oc4ids-410300-2020-09.json');
    expect(JSON.parse(packageText(pkg))).toEqual(pkg);
  });

  it('maps the status by the table in docs/oc4ids.md', () => {
    const cases: [Parameters<typeof projectStatus>[0], string][] = [
      [{ nature: 'preparatory', started: false, completed: false }, 'preparation'],
      [{ nature: 'new', started: false, completed: false }, 'preparation'],
      [{ nature: 'new', started: true, completed: false }, 'implementation'],
      [{ nature: 'preparatory', started: true, completed: false }, 'implementation'],
      [{ nature: 'continuing', started: false, completed: false }, 'implementation'],
      [{ nature: 'completing', started: true, completed: false }, 'implementation'],
      [{ nature: 'completing', started: true, completed: true }, 'completion'],
      [{ nature: 'new', started: true, completed: true }, 'completion'],
    ];
    for (const [facts, status] of cases)
      expect(`${facts.nature}/${projectStatus(facts)}`).toBe(`${facts.nature}/${status}`);
  });

  it('uses only codes of the shipped codelists', () => {
    const statuses = codelist('projectStatus.csv');
    for (const s of ['preparation', 'implementation', 'completion']) expect(statuses).toContain(s);
    const sectors = codelist('projectSector.csv');
    for (const domain of MAPPED_DOMAINS) expect(sectors).toContain(sectorOf(domain));
    expect(codelist('metricID.csv')).toEqual(['financialProgress', 'physicalProgress']);
    expect(sectorOf('基础设施')).toBeNull();
    expect(sectorOf(null)).toBeNull();
  });

  it('keeps 万元 with 4 decimals exact in 元, and refuses amounts a JSON number cannot hold exactly', () => {
    const yuan = parseWanToYuan('12345.6789')!;
    expect(yuan).toBe(123_456_789n);
    const pkg = pkgOf([source({ totalInvestment: yuan, annualTarget: parseWanToYuan('0.0001')! })]);
    expectValid(pkg);
    expect(pkg.projects[0]!.budget!.amount.amount).toBe(123_456_789);
    expect(packageText(pkg)).toContain('"amount": 123456789,');
    expect(pkg.projects[0]!.metrics![1]!.observations[0]!.value!.amount).toBe(1);
    expect(cny(9_007_199_254_740_991n).amount).toBe(9_007_199_254_740_991);
    expect(() => cny(9_007_199_254_740_992n)).toThrow(Oc4idsAmountError);
    expect(() => pkgOf([source({ totalInvestment: 10n ** 17n })])).toThrow(Oc4idsAmountError);
  });

  it('maps a project without coordinates, owner, scope, domain or reports', () => {
    const pkg = pkgOf([
      source({
        lng: null,
        lat: null,
        owner: '  ',
        scope: null,
        domain: null,
        totalInvestment: null,
        nature: 'preparatory',
        report: null,
      }),
    ]);
    expectValid(pkg);
    const p = pkg.projects[0]!;
    expect(p.status).toBe('preparation');
    expect(p.locations[0]!.geometry).toBeUndefined();
    expect(p.locations[0]!.address).toEqual({
      region: '河南省',
      locality: '洛阳市孟津县',
      countryName: '中国',
    });
    expect(p.description).toBeUndefined();
    expect(p.sector).toBeUndefined();
    expect(p.budget).toBeUndefined();
    expect(p.publicAuthority).toBeUndefined();
    expect(p.parties.map((x) => x.id)).toEqual(['office-410322']);
    // only the year's plan: no report, nothing started
    expect(p.metrics!.map((m) => `${m.id}:${m.observations.map((o) => o.id).join(',')}`)).toEqual([
      'financialProgress:2020-annualTarget',
    ]);
    // and with no plan either, no metrics at all
    const bare = pkgOf([source({ report: null, annualTarget: null, nature: 'continuing' })]).projects[0]!;
    expect(bare.metrics).toBeUndefined();
    expect(bare.status).toBe('implementation');
  });

  it('maps a completed project: status completion, the actual end date, started and completed observations', () => {
    const pkg = pkgOf([
      source({
        nature: 'completing',
        actualStart: '2019-03-02',
        report: {
          month: 6,
          investYtd: 90_000_000n,
          started: true,
          startDate: null,
          completed: true,
          completionDate: '2020-06-20',
          progressNote: null,
        },
      }),
    ]);
    expectValid(pkg);
    const p = pkg.projects[0]!;
    expect(p.status).toBe('completion');
    expect(p.completion).toEqual({ endDate: '2020-06-20T23:59:59+08:00' });
    expect(p.metrics![0]!.observations).toEqual([
      { id: 'started', measure: '已开工', period: { startDate: '2019-03-02T00:00:00+08:00' } },
      { id: 'completed', measure: '已竣工', period: { endDate: '2020-06-20T23:59:59+08:00' } },
    ]);
    expect(p.metrics![1]!.observations[1]).toMatchObject({
      id: '2020-06-investYtd',
      notes: '2020年1-6月累计完成投资',
      period: { endDate: '2020-06-30T23:59:59+08:00' },
    });
    // completed by its actual date alone, the date unknown to the report
    const byDate = pkgOf([source({ actualCompletion: '2020-08-31', report: null })]).projects[0]!;
    expect(byDate.status).toBe('completion');
    expect(byDate.completion).toEqual({ endDate: '2020-08-31T23:59:59+08:00' });
    // an actual completion after the period end does not count yet
    const later = pkgOf([source({ actualCompletion: '2020-11-30', report: null })]).projects[0]!;
    expect(later.status).toBe('preparation');
    expect(later.completion).toBeUndefined();
  });

  it('is rejected by the schema when broken (the validation is not vacuous)', () => {
    const good = JSON.parse(JSON.stringify(pkgOf([source()])));
    expect(validateOc4idsPackage(good).valid).toBe(true);
    const broken = (edit: (pkg: typeof good) => void) => {
      const copy = structuredClone(good);
      edit(copy);
      return validateOc4idsPackage(copy).errors;
    };
    expect(broken((p) => (p.projects[0].status = 'underConstruction'))).toContain(
      '/projects/0/status enum must be equal to one of the allowed values',
    );
    expect(broken((p) => (p.projects[0].budget.amount.currency = 'RMB'))).toContain(
      '/projects/0/budget/amount/currency enum must be equal to one of the allowed values',
    );
    expect(broken((p) => (p.projects[0].budget.amount.amount = '1234567890'))).toContain(
      '/projects/0/budget/amount/amount type must be number',
    );
    expect(broken((p) => (p.projects[0].period.startDate = '2020-03-01'))).toContain(
      '/projects/0/period/startDate format must match format "date-time"',
    );
    expect(broken((p) => delete p.publisher)).toContain("/ required must have required property 'publisher'");
    expect(broken((p) => (p.projects = []))).toContain('/projects minItems must NOT have fewer than 1 items');
    expect(broken((p) => (p.version = '0.9.3'))).toContain(
      '/version pattern must match pattern "^(\\d+\\.)(\\d+)$"',
    );
    expect(broken((p) => delete p.projects[0].locations[0].id)).toContain(
      "/projects/0/locations/0 required must have required property 'id'",
    );
    expect(broken((p) => (p.projects[0].description = ''))).toContain(
      '/projects/0/description minLength must NOT have fewer than 1 characters',
    );
  });
});

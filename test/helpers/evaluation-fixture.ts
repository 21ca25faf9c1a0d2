// The small province the evaluation tests rank: three units (孟津县 under 洛阳市, 焦作市, 巩义市 directly
// governed) with one key project each of 10 亿元 annual target for 2020, their September cumulative
// investment, and optionally two deals (焦作 30 亿元 from abroad with 5 亿元 in place, 洛阳 3 亿元).
import type { Database } from '../../src/db/client';
import { deal, load, project, REGIONS, report } from './factories';

export const YI = 100_000_000n;

export interface EvaluationFixture {
  /** September cumulative investment of L1 (孟津, started), J1 (焦作), G1 (巩义), in 亿元. */
  ytd?: readonly [bigint, bigint, bigint];
  deals?: boolean;
  /** Regions to load instead of the standard ones. */
  regions?: typeof REGIONS;
}

export async function loadEvaluationFixture(
  database: Database,
  { ytd = [9n, 5n, 6n], deals = true, regions = REGIONS }: EvaluationFixture = {},
): Promise<void> {
  await load(database, 'regions', regions);
  await load(
    database,
    'projects',
    [
      project('L1', { regionCode: '410322', annualTarget: 10n * YI, nature: 'new' }),
      project('J1', { regionCode: '410800', annualTarget: 10n * YI, nature: 'new' }),
      project('G1', { regionCode: '410181', annualTarget: 10n * YI }),
    ],
    { year: 2020, list: 'province_key' },
  );
  await load(database, 'reports', [
    report('L1', 9, ytd[0] * YI, { started: true }),
    report('J1', 9, ytd[1] * YI),
    report('G1', 9, ytd[2] * YI),
  ]);
  if (!deals) return;
  await load(database, 'deals', [
    deal('JD', { regionCode: '410800', contractAmount: 30n * YI, origin: 'abroad', fundsInPlace: 5n * YI }),
    deal('LD', { regionCode: '410300', contractAmount: 3n * YI }),
  ]);
}

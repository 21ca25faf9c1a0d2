// The demo's honours list (荣誉名单, simulated): 2020年度省重点项目建设先进单位 from the demo's project owners,
// published and given a public link, so the public page can be shown at once. Kept apart from the
// demo's figures (no metric reads honours lists) and idempotent: a list of that title and year is
// made once, whatever the generator's fingerprint.
import type { Database } from '../db/client';
import { findHonourListByTitle, ownersOfProvince } from '../db/honours';
import type { AuditContext } from './context';
import { createHonourList, publishHonourList } from './honours';
import { ensurePublicLink } from './public-links';
import { regionTree } from './region-tree';

export const DEMO_HONOURS_TITLE = '2020年度省重点项目建设先进单位';
const DEMO_HONOURS_YEAR = 2020;
const ENTRIES = 10;

/** The slug of the demo list's public link (made with the list when missing); null without a province. */
export async function ensureDemoHonours(database: Database, ctx: AuditContext): Promise<string | null> {
  const province = (await regionTree(database)).find((r) => r.kind === 'province');
  if (!province) return null;
  let list = await findHonourListByTitle(database.db, province.code, DEMO_HONOURS_TITLE, DEMO_HONOURS_YEAR);
  if (!list) {
    const owners = await ownersOfProvince(database.db, province.code, ENTRIES);
    if (owners.length === 0) return null;
    const created = await createHonourList(
      database,
      {
        provinceCode: province.code,
        title: DEMO_HONOURS_TITLE,
        year: DEMO_HONOURS_YEAR,
        issuedBy: `${province.name}重点项目建设领导小组办公室（演示，模拟数据）`,
        issuedOn: '2021-02-26',
        file: 'demo:honours',
        rows: owners.map((o, i) => ({
          row: i + 2,
          record: {
            position: i + 1,
            name: o.name,
            regionCode: o.regionCode,
            category: '先进单位',
            note: null,
          },
        })),
      },
      ctx,
    );
    list = await publishHonourList(database, created.id, ctx);
  } else if (list.publishedAt === null) {
    list = await publishHonourList(database, list.id, ctx);
  }
  const { link } = await ensurePublicLink(
    database,
    { kind: 'honours', id: list.id, provinceCode: province.code },
    ctx,
  );
  return link.slug;
}

import type { RegionRecord } from '../../domain/records';
import { provinceOf } from '../../domain/regions';
import type { Tx } from '../query';
import { regions } from '../schema';
import { type UpsertResult, upsertRows } from '../upsert';

export function storeRegions(
  tx: Tx,
  records: readonly RegionRecord[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  return upsertRows(
    tx,
    regions,
    records.map((r) => ({
      code: r.code,
      name: r.name,
      parentCode: r.parentCode,
      kind: r.kind,
      provinceCode: provinceOf(r.code),
    })),
    [regions.code],
    ['name', 'parentCode', 'kind'],
    only,
  );
}

// The region tree, read once and re-read only when the regions table changes (any instance may change it).
import type { Database } from '../db/client';
import { loadRegions } from '../db/lookups';
import { regionsFingerprint } from '../db/region-fingerprint';
import type { RegionNode } from '../domain/regions';

const cache = new WeakMap<Database, { fingerprint: string; regions: RegionNode[] }>();

export async function regionTree(database: Database): Promise<RegionNode[]> {
  const fingerprint = await regionsFingerprint(database.db);
  const cached = cache.get(database);
  if (cached && cached.fingerprint === fingerprint) return cached.regions;
  const regions = await loadRegions(database.db);
  cache.set(database, { fingerprint, regions });
  return regions;
}

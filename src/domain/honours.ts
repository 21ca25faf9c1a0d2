// Honours lists (荣誉名单, e.g. 省重点项目建设先进单位): the entries a province office publishes, and the
// fingerprint a published list is stored with.
import { contentHash } from './evaluation/content-hash';

export interface HonourEntryRecord {
  position: number;
  name: string;
  regionCode: string | null;
  category: string | null;
  note: string | null;
}

export interface HonourListHead {
  provinceCode: string;
  title: string;
  year: number;
  issuedBy: string | null;
  issuedOn: string | null;
}

/** sha256 of the canonical JSON of the list's head and its entries in order. */
export function honourListHash(head: HonourListHead, entries: readonly HonourEntryRecord[]): string {
  return contentHash({
    provinceCode: head.provinceCode,
    title: head.title,
    year: head.year,
    issuedBy: head.issuedBy,
    issuedOn: head.issuedOn,
    entries: [...entries]
      .sort((a, b) => a.position - b.position)
      .map((e) => ({
        position: e.position,
        name: e.name,
        regionCode: e.regionCode,
        category: e.category,
        note: e.note,
      })),
  });
}

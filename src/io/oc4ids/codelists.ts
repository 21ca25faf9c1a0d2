// sibi's values mapped to OC4IDS 0.9 codelists (docs/oc4ids.md holds the same tables for users):
// the project status (closed codelist projectStatus) and the sector (open codelist projectSector).
import type { Nature } from '../../domain/records';
import type { Oc4idsStatus } from './types';

export const NATURE_LABELS: Record<Nature, string> = {
  new: '新开工',
  continuing: '续建',
  completing: '计划竣工',
  preparatory: '前期',
};

export const LIST_LABELS: Record<string, string> = {
  province_key: '省重点项目',
  city_key: '市重点项目',
  '982': '补短板“982”工程',
  sangeyipi: '三个一批',
};

/** Where the project stands at the period end, from its report and its own actual dates. */
export interface ProgressFacts {
  nature: Nature;
  started: boolean;
  completed: boolean;
}

/**
 * projectStatus: completed (竣工) → completion; started (已开工) → implementation; otherwise by the
 * year's 建设性质: 续建 and 计划竣工 are under construction by definition → implementation; 前期 and a
 * 新开工 project not yet started → preparation. `identification` (a decision to develop, not yet
 * on a list) and `completed` / `cancelled` (close-out, which sibi does not record) are never produced.
 */
export function projectStatus(facts: ProgressFacts): Oc4idsStatus {
  if (facts.completed) return 'completion';
  if (facts.started) return 'implementation';
  if (facts.nature === 'continuing' || facts.nature === 'completing') return 'implementation';
  return 'preparation';
}

/**
 * 所属领域 → projectSector, only where the field names one sector; the demo's broad fields
 * (基础设施, 社会民生, 先进制造业, …) span several and stay in additionalClassifications only.
 */
const SECTORS: ReadonlyMap<string, string> = new Map([
  ['能源', 'energy'],
  ['交通', 'transport'],
  ['交通运输', 'transport'],
  ['教育', 'education'],
  ['卫生', 'health'],
  ['医疗卫生', 'health'],
  ['卫生健康', 'health'],
  ['信息通信', 'communications'],
  ['通信', 'communications'],
  ['文化旅游', 'cultureSportsAndRecreation'],
  ['文化体育', 'cultureSportsAndRecreation'],
  ['保障性住房', 'socialHousing'],
  ['水务', 'waterAndWaste'],
  ['现代农业', 'economy'],
  ['农业', 'economy'],
]);

export function sectorOf(domain: string | null): string | null {
  return domain === null ? null : (SECTORS.get(domain.trim()) ?? null);
}

/** Every 所属领域 the sector table knows, for the docs test. */
export const MAPPED_DOMAINS: readonly string[] = [...SECTORS.keys()];

// What a bulletin is built from: plain data the service gathers (no database types here).

import type { Scheme } from '../evaluation/scheme-schema';
import type { EvaluationResult } from '../evaluation/types';
import type { UnitTotals } from '../metrics';
import type { Period } from '../period';
import type { WarningsSnapshot } from './snapshot';

/** Where the scores come from: a published evaluation (stated in the document) or a fresh run (草稿). */
export type EvaluationStatus =
  | {
      kind: 'published';
      id: number;
      publishedAt: string;
      hash: string;
      /**
       * Where the figures, warnings and earlier ranks come from: stored with the evaluation at publication,
       * or (an evaluation published before they were stored) today's data, which the document then says.
       */
      figures: 'stored' | 'current';
    }
  | { kind: 'draft' };

export interface EvaluationSource {
  result: EvaluationResult;
  scheme: Scheme;
  status: EvaluationStatus;
}

/** Ranks of an earlier period of the same year, for streaks and moves ("较上季度上升2位"). */
export interface EarlierRanks {
  period: Period;
  /** unit code → rank within its group; absent when the unit was not ranked. */
  ranks: Record<string, number>;
  published: boolean;
}

/** Figures of a region (itself and all its descendants) for one period. */
export interface RegionFigures {
  /** Province and city key lists (province_key + city_key): projects, investment, deals, reserve, services. */
  totals: UnitTotals;
  /** The "982" programme list, or null when the region has no project on it. */
  programme982: UnitTotals['key'] | null;
}

export interface ProvinceBulletinInput {
  province: { code: string; name: string };
  period: Period;
  evaluation: EvaluationSource;
  figures: RegionFigures;
  /** Earlier periods of the same year, oldest first (quarters before this one; the previous month). */
  earlier: EarlierRanks[];
  /** 发文机关, e.g. "河南省重点项目建设办公室". */
  issuer: string;
  /** ISO date of the 落款 (the publication date, or the day a draft was made). */
  date: string;
  /** The data are the demo's simulated province. */
  simulated: boolean;
  /** The red and yellow projects at the period's last month (附件: 红黄灯预警情况); omitted: no such 附件. */
  warnings?: WarningsSnapshot;
}

export interface CitySummaryInput {
  unit: { code: string; name: string };
  /** The region whose units are ranked (the province for a city). */
  parent: { code: string; name: string; kind: string };
  period: Period;
  evaluation: EvaluationSource;
  figures: RegionFigures;
  earlier: EarlierRanks[];
  date: string;
  simulated: boolean;
}

// 自评分 as the API answers it: reported rows, what may be reported, and the comparison an evaluation
// result carries (result.selfScores, src/domain/evaluation/self-scores.ts).

export interface SelfScoreEntry {
  id: number;
  scheme: string;
  parentCode: string;
  period: string;
  unitCode: string;
  /** null for the total. */
  indicator: string | null;
  points: string;
  note: string | null;
  reportedBy: string;
  reportedAt: string;
  version: number;
}

export interface SelfScoreChoices {
  schemes: {
    id: string;
    name: string;
    required: boolean;
    total: number;
    indicators: { id: string; name: string; points: number }[];
  }[];
}

export interface SelfScoreLine {
  indicator: string | null;
  name: string;
  points: number;
  self: number | null;
  verified: number;
  difference: number | null;
}

export interface SelfScoreRow {
  code: string;
  name: string;
  group: string;
  rank: number;
  total: SelfScoreLine;
  indicators: SelfScoreLine[];
  reportedBy: string[];
}

export interface SelfScoreComparison {
  required: boolean;
  indicators: boolean;
  units: SelfScoreRow[];
  missing: string[];
}

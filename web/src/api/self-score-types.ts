// 自评分 as the API answers it: reported rows and what may be reported (the route schemas, through
// the contract), and the comparison an evaluation result carries (result.selfScores, computed by
// src/domain/evaluation/self-scores.ts). Types only: nothing of the server enters the bundle.
export type {
  SelfScoreComparison,
  SelfScoreLine,
  SelfScoreRow,
} from '../../../src/domain/evaluation/self-scores';
export type { SelfScoreChoices, SelfScoreEntry } from '../../../src/http/contract';

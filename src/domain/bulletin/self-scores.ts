// The 通报's short table of self-scores (自评分与核定得分对比): each unit that reported, its total
// self-score beside the verified score and the difference, largest differences first, as the published
// result lists them (result.selfScores); none when no unit reported.
import type { SelfScoreComparison } from '../evaluation/self-scores';
import type { Appendix } from './model';

const two = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const signed = (x: number | null) => (x === null ? '—' : x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

export function selfScoreAppendix(
  label: string,
  title: string,
  comparison: SelfScoreComparison | undefined,
): Appendix | null {
  if (!comparison?.units.length) return null;
  const notes = ['注：差额＝自评分－核定得分（核定得分为综合得分），按差额绝对值从大到小排列。'];
  if (comparison.missing.length) notes.push(`未报自评分的单位：${comparison.missing.length} 个。`);
  return {
    label,
    title,
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: '单位', align: 'center', width: 2.6 },
          { title: '自评分', align: 'center', width: 1.2 },
          { title: '核定得分', align: 'center', width: 1.2 },
          { title: '差额', align: 'center', width: 1.2 },
        ],
        rows: comparison.units.map((u) => [
          u.name,
          two(u.total.self),
          two(u.total.verified),
          signed(u.total.difference),
        ]),
        notes,
      },
    ],
    landscape: false,
    newPage: true,
  };
}

// A city's own summary, in the words of the seed article "我市再获全省第一": the result and its
// streak, then one paragraph per area (reserve, deals, progress, services) with the city's figures.
import type { Scheme } from '../evaluation/scheme-schema';
import type { UnitResult } from '../evaluation/types';
import { periodLabel } from '../period';
import { consequenceSentence } from './consequences';
import { BulletinInputError } from './errors';
import { dealsClause, progressClauses, reserveClause, servicesClause } from './figures';
import type { CitySummaryInput } from './inputs';
import { type Appendix, type Block, type BulletinDocument, paragraph } from './model';
import {
  activityName,
  activityShort,
  dimensionNames,
  marksFor,
  scopeWord,
  selfWords,
  sourceNotes,
} from './phrases';
import { dimensionLeaders, dimensionRank, groupUnits } from './ranking';
import { streakWording } from './streak';
import { asOfWording, dateWording, joinList, scoreCell, scoreWording, sinceJanuaryWording } from './wording';

type Area = 'reserve' | 'deals' | 'progress' | 'services';

const AREA_PREFIX: Record<Area, string[]> = {
  reserve: ['reserve.'],
  deals: ['deals.'],
  progress: ['key.'],
  services: ['approvals.', 'issues.', 'reports.'],
};

/** The scheme dimension that scores an area: the one most of whose indicators read the area's metrics. */
export function dimensionForArea(scheme: Scheme, area: Area): Scheme['dimensions'][number] | null {
  let best: { dim: Scheme['dimensions'][number]; hits: number } | null = null;
  for (const dim of scheme.dimensions) {
    const metrics = dim.indicators.flatMap((i) =>
      i.metric ? [i.metric] : (i.metrics ?? []).map((m) => m.metric),
    );
    const hits = metrics.filter((m) => AREA_PREFIX[area].some((p) => m.startsWith(p))).length;
    if (hits > 0 && hits * 2 >= metrics.length && (!best || hits > best.hits)) best = { dim, hits };
  }
  return best?.dim ?? null;
}

export function buildCitySummary(input: CitySummaryInput): BulletinDocument {
  const { period, evaluation, figures, unit: who } = input;
  const { scheme, result } = evaluation;
  const unit = result.units.find((u) => u.code === who.code);
  if (!unit) throw new BulletinInputError(`${who.name}（${who.code}）不在本期考评结果中`);
  const group = groupUnits(result.units, unit.group);
  const scope = scopeWord(input.parent.kind) + (unit.group === 'direct_county' ? '省直管县（市）' : '');
  const { self, whole } = selfWords(who.name);
  const standings = input.earlier.map((e) => ({ period: e.period, rank: e.ranks[who.code] ?? null }));
  const streak = streakWording({ period, rank: unit.rank }, standings, scope, self);
  const label = periodLabel(period);
  const activity = activityName(scheme);
  const asOf = asOfWording(period.month);
  const published = evaluation.status.kind === 'published';

  const body: Block[] = [];
  const announced = published ? '综合考评结果近日公布' : '综合考评按当前数据测算（结果尚未发布）';
  const dimScores = scheme.dimensions.map((d) =>
    scoreWording(unit.dimensions.find((x) => x.id === d.id)?.score ?? 0),
  );
  body.push(
    paragraph(
      `${label}${scopeWord(input.parent.kind)}${activity}（${dimensionNames(scheme)}）${announced}，${streak.lead}。${self}本期综合得分${scoreWording(unit.adjusted)}，${joinList(
        scheme.dimensions.map((d) => d.name),
      )}分别得${joinList(dimScores)}。${consequenceSentence(scheme, unit, self) ?? ''}`,
    ),
  );

  const standing = (area: Area): string => {
    const dim = dimensionForArea(scheme, area);
    const own = dim ? unit.dimensions.find((d) => d.id === dim.id) : undefined;
    // No standing in a dimension not assessed this quarter (quarters.ts: no points).
    if (!dim || own?.points === 0) return '';
    const score = own?.score ?? 0;
    const leaders = dimensionLeaders(group, dim.id);
    const top = leaders?.units.some((u) => u.code === unit.code);
    return `本期“${dim.name}”得分${scoreWording(score)}（满分${dim.points}分），${top ? `居${scope}首位` : `居${scope}第${dimensionRank(unit, group, dim.id)}位`}。`;
  };

  body.push(
    paragraph(
      `在抓实抓细项目谋划储备方面，${asOf}，${self}${reserveClause(figures.totals, period)}。${standing('reserve')}`,
    ),
  );
  body.push(
    paragraph(
      `在精准招商蓄积投资动能方面，${sinceJanuaryWording(period.month)}，${dealsClause(figures.totals, whole, true)}。${standing('deals')}`,
    ),
  );
  body.push(
    paragraph(`在多措并举推进项目建设方面，${asOf}，${progressClauses(figures)}。${standing('progress')}`),
  );
  body.push(
    paragraph(
      `在纾困解难不断优化服务方面，${asOf}，${servicesClause(figures.totals, whole)}。${standing('services')}`,
    ),
  );

  const next = `下一步，${self}将继续推进${activityShort(scheme)}，围绕补短板、强优势、增后劲，持续谋划一批重大项目，争取更多项目进入国家、省大盘子，抓好投资这个“稳定器”，扭住项目建设这个“牛鼻子”，推动重点项目建设提质增效。`;
  body.push(paragraph(streak.streakLine ? `${self}已${streak.streakLine}。${next}` : next));

  return {
    kind: 'city',
    marks: marksFor(evaluation, input.simulated),
    issuer: null,
    serial: null,
    kicker: `${label}${scopeWord(input.parent.kind)}${activity}综合考评结果${published ? '公布' : '测算'}`,
    title: streak.headline,
    subtitle: `${who.name} · 数据截至${dateWording(period.end)}`,
    addressee: null,
    body,
    attachmentList: [],
    signature: null,
    notes: sourceNotes(evaluation, input.earlier, input.simulated),
    appendices: [scoreAppendix(scheme, unit, group, scope, label)],
  };
}

function scoreAppendix(
  scheme: Scheme,
  unit: UnitResult,
  group: UnitResult[],
  scope: string,
  label: string,
): Appendix {
  const rows = scheme.dimensions.map((d) => {
    const leaders = dimensionLeaders(group, d.id);
    return [
      d.name,
      String(d.points),
      scoreCell(unit.dimensions.find((x) => x.id === d.id)?.score ?? 0),
      leaders ? scoreCell(leaders.score) : '—',
      String(dimensionRank(unit, group, d.id)),
    ];
  });
  const best = group[0];
  rows.push([
    '综合得分',
    String(scheme.total),
    scoreCell(unit.adjusted),
    best ? scoreCell(best.adjusted) : '—',
    `${group.some((u) => u !== unit && u.rank === unit.rank) ? '并列' : ''}${unit.rank}`,
  ]);
  return {
    label: '附表',
    title: `${label}${unit.name}${activityShort(scheme)}考评得分`,
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: '项目', align: 'center', width: 2.4 },
          { title: '满分', align: 'center', width: 1 },
          { title: `${unit.name}得分`, align: 'center', width: 1.4 },
          { title: `${scope}最高`, align: 'center', width: 1.4 },
          { title: `${scope}排名`, align: 'center', width: 1.2 },
        ],
        rows,
        notes: [`注：${scope}共${group.length}个单位参评；得分保留两位小数，得分相同的名次并列。`],
      },
    ],
    landscape: false,
    newPage: false,
  };
}

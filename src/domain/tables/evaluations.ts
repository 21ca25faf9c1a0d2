// The ranked results of an evaluation, on screen (one table per group) and in its Excel export (one
// sheet, the group in the first column): rank (ties as 并列), unit, each dimension's score, base,
// bonus, penalty and total, scores as published (columns.ts, kind score). The dimensions are the
// scheme's, so the columns are made from the result.
import type { DimensionScore, UnitResult } from '../evaluation/types';
import { say, type TableColumn, type TableLang, type TableSpec } from './columns';

const GROUPS: Record<string, { zh: string; en: string }> = {
  city: { zh: '省辖市（含济源示范区）', en: 'Prefecture-level cities (with Jiyuan)' },
  direct_county: { zh: '省直管县（市）', en: 'Directly administered counties' },
  district: { zh: '市辖区', en: 'City districts' },
  county: { zh: '县（市）', en: 'Counties' },
};

/** A group's name ("县（市）"); its id when the scheme names another group. */
export function groupName(group: string, lang: TableLang): string {
  const label = GROUPS[group];
  return label ? say(lang, label.zh, label.en) : group;
}

/** The codes of the units that share their rank with another unit of their group. */
export function tiedUnits(units: readonly Pick<UnitResult, 'code' | 'group' | 'rank'>[]): Set<string> {
  const count = new Map<string, number>();
  for (const u of units) count.set(`${u.group}:${u.rank}`, (count.get(`${u.group}:${u.rank}`) ?? 0) + 1);
  return new Set(units.filter((u) => (count.get(`${u.group}:${u.rank}`) ?? 0) > 1).map((u) => u.code));
}

/** "2" or "2（并列）" / "2 (tied)". */
export const rankText = (rank: number, tied: boolean, lang: TableLang) =>
  tied ? say(lang, `${rank}（并列）`, `${rank} (tied)`) : String(rank);

export type ResultRow = Pick<
  UnitResult,
  'code' | 'name' | 'group' | 'rank' | 'dimensions' | 'base' | 'bonus' | 'penalty' | 'adjusted'
>;

/**
 * The results table of a scheme's dimensions; `tied` the units sharing a rank (tiedUnits of all the
 * result's units).
 */
export function resultsTable(
  dimensions: readonly Pick<DimensionScore, 'id' | 'name' | 'points'>[],
  tied: ReadonlySet<string>,
): TableSpec<ResultRow> {
  const dimensionColumns = dimensions.map(
    (d, i): TableColumn<ResultRow> => ({
      key: `dim:${d.id}`,
      zh: `${d.name}（${d.points}）`,
      en: `${d.name} (${d.points})`,
      kind: 'score',
      width: 110,
      value: (row) => row.dimensions[i]?.score,
    }),
  );
  return {
    id: 'evaluation-results',
    zh: '考评结果',
    en: 'Evaluation results',
    columns: [
      {
        key: 'group',
        zh: '组别',
        en: 'Group',
        kind: 'text',
        width: 160,
        value: (row, ctx) => groupName(row.group, ctx.lang),
      },
      {
        key: 'rank',
        zh: '名次',
        en: 'Rank',
        kind: 'text',
        width: 90,
        value: (row, ctx) => rankText(row.rank, tied.has(row.code), ctx.lang),
      },
      { key: 'unit', zh: '单位', en: 'Unit', kind: 'text', width: 150, value: (row) => row.name },
      ...dimensionColumns,
      { key: 'base', zh: '基本分', en: 'Base', kind: 'score', width: 80 },
      // The screen writes +1.50 and −1.50; the sheet the points.
      { key: 'bonus', zh: '加分', en: 'Bonus', kind: 'score', width: 70, value: (row) => row.bonus.total },
      {
        key: 'penalty',
        zh: '扣分',
        en: 'Penalty',
        kind: 'score',
        width: 70,
        value: (row) => row.penalty.total,
      },
      { key: 'total', zh: '总分', en: 'Total', kind: 'score', width: 90, value: (row) => row.adjusted },
    ],
  };
}

/** The rows of a result as the screen lists them: by group in the scheme's order, then rank (one group when asked). */
export function resultRows<Row extends ResultRow>(
  result: { groups: readonly { id: string }[]; units: readonly Row[] },
  group?: string,
): Row[] {
  return result.groups
    .filter((g) => !group || g.id === group)
    .flatMap((g) => result.units.filter((u) => u.group === g.id).sort((a, b) => a.rank - b.rank));
}

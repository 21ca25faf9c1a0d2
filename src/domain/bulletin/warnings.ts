// The 通报's monthly 红黄绿灯 附件: how many red and yellow projects each unit has, and the red projects
// by unit, at most RED_LISTED_PER_UNIT each ("另有 K 个"); the whole list of red and yellow projects
// goes out beside the document as a spreadsheet (annexRows, written by io/bulletin/annex-xlsx.ts).
// A province of 1,500 warned projects thus keeps a 附件 of a few pages instead of a hundred.
import type { LightLevel } from '../alerts';
import { LEVEL_LABELS } from '../alerts';
import { type Period, periodLabel } from '../period';
import type { EvaluationStatus } from './inputs';
import type { Appendix, Block, TableBlock } from './model';
import { heading, paragraph } from './model';
import { SIMULATED_NOTE } from './phrases';
import type { WarningsSnapshot, WarningUnit } from './snapshot';
import { dateWording } from './wording';

/** Red projects listed per unit in the document; the rest are counted ("另有 K 个") and in the spreadsheet. */
export const RED_LISTED_PER_UNIT = 3;

export interface BulletinWarning {
  code: string;
  name: string;
  /** The project's own region (a county, or the city itself). */
  regionCode: string;
  regionName: string;
  /** The province's unit it counts for (a city, 济源示范区, a 省直管县; the province for its own projects). */
  unitCode: string;
  unitName: string;
  level: Exclude<LightLevel, 'green'>;
  alerts: readonly { message: string }[];
  /** 年度计划投资 and 累计完成投资 at the period end, 元; null when unknown. */
  annualTarget: bigint | null;
  investYtd: bigint | null;
}

/** The spreadsheet's lines under its title: what the list is based on, and the 模拟数据 note. */
export function annexNotes(status: EvaluationStatus, simulated: boolean): string[] {
  const notes = [
    status.kind === 'draft'
      ? '草稿：本期考评结果尚未发布，名单按当前数据生成。'
      : status.figures === 'stored'
        ? `依据${dateWording(status.publishedAt)}发布的考评结果（编号${status.id}），名单为发布时存档的数据。`
        : `依据${dateWording(status.publishedAt)}发布的考评结果（编号${status.id}）；发布时未存档名单，按当前数据生成。`,
  ];
  if (simulated) notes.push(SIMULATED_NOTE);
  return notes;
}

/** "2020年9月重点项目红黄灯预警名单": the spreadsheet's title and file name. */
export function warningsAnnexTitle(period: Period): string {
  return `${period.year}年${period.month}月重点项目红黄灯预警名单`;
}

export interface UnitWarningCount {
  unit: WarningUnit;
  red: number;
  yellow: number;
}

/** Red and yellow projects per unit, in the order of the units (units the list names but not the order, last). */
export function warningCounts(
  units: readonly WarningUnit[],
  projects: readonly BulletinWarning[],
): UnitWarningCount[] {
  const byUnit = new Map<string, UnitWarningCount>(
    units.map((u) => [u.code, { unit: u, red: 0, yellow: 0 }]),
  );
  for (const p of projects) {
    let entry = byUnit.get(p.unitCode);
    if (!entry) {
      entry = { unit: { code: p.unitCode, name: p.unitName }, red: 0, yellow: 0 };
      byUnit.set(p.unitCode, entry);
    }
    entry[p.level]++;
  }
  return [...byUnit.values()];
}

/** Within a unit, the red projects a reader should see first: the largest annual target, then by code. */
function byWeight(a: BulletinWarning, b: BulletinWarning): number {
  const ta = a.annualTarget ?? -1n;
  const tb = b.annualTarget ?? -1n;
  if (ta !== tb) return ta > tb ? -1 : 1;
  return a.code.localeCompare(b.code);
}

export function warningsAppendix(
  label: string,
  period: Period,
  warnings: WarningsSnapshot,
  /** The label of the spreadsheet in the 附件 list, e.g. "附件4". */
  annexLabel: string,
): Appendix {
  const month = `${period.year}年${period.month}月`;
  const title = `${month}重点项目红黄灯预警情况`;
  const { red, yellow, green } = warnings.counts;
  if (warnings.projects.length === 0) {
    return {
      label,
      title,
      blocks: [paragraph(`${month}没有亮红灯、黄灯的重点项目。`)],
      landscape: false,
      newPage: true,
    };
  }
  const counts = warningCounts(warnings.units, warnings.projects);
  const blocks: Block[] = [
    paragraph(
      `截至${period.month}月底（${periodLabel(period)}），全省监测的省市重点项目${red + yellow + green}个，其中亮红灯${red}个、黄灯${yellow}个、绿灯${green}个。各地红灯、黄灯项目数见表1；红灯项目每地列出年度计划投资最大的${RED_LISTED_PER_UNIT}个（表2），全部红灯、黄灯项目名单及预警情况见${annexLabel}（电子表格）。`,
    ),
    heading(2, '表1　各地红灯、黄灯项目数'),
    countsTable(counts),
  ];
  if (red > 0) {
    blocks.push(heading(2, `表2　红灯项目（每地最多列出${RED_LISTED_PER_UNIT}个）`));
    blocks.push(redTable(counts, warnings.projects, annexLabel));
  } else {
    blocks.push(paragraph(`${month}没有亮红灯的重点项目。`));
  }
  return { label, title, blocks, landscape: true, newPage: true };
}

function countsTable(counts: readonly UnitWarningCount[]): TableBlock {
  const total = counts.reduce((s, c) => ({ red: s.red + c.red, yellow: s.yellow + c.yellow }), {
    red: 0,
    yellow: 0,
  });
  return {
    kind: 'table',
    columns: [
      { title: '序号', align: 'center', width: 1 },
      { title: '地区', align: 'center', width: 3 },
      { title: '红灯', align: 'center', width: 1.5 },
      { title: '黄灯', align: 'center', width: 1.5 },
      { title: '合计', align: 'center', width: 1.5 },
    ],
    rows: [
      ...counts.map((c, i) => [
        String(i + 1),
        c.unit.name,
        String(c.red),
        String(c.yellow),
        String(c.red + c.yellow),
      ]),
      ['', '合计', String(total.red), String(total.yellow), String(total.red + total.yellow)],
    ],
  };
}

function redTable(
  counts: readonly UnitWarningCount[],
  projects: readonly BulletinWarning[],
  annexLabel: string,
): TableBlock {
  const rows: string[][] = [];
  let n = 0;
  for (const { unit } of counts) {
    const reds = projects.filter((p) => p.level === 'red' && p.unitCode === unit.code).sort(byWeight);
    if (reds.length === 0) continue;
    for (const p of reds.slice(0, RED_LISTED_PER_UNIT)) {
      n++;
      rows.push([
        String(n),
        p.regionName === unit.name ? unit.name : `${unit.name}${p.regionName}`,
        p.name,
        p.alerts.map((a) => a.message).join('；'),
      ]);
    }
    const more = reds.length - RED_LISTED_PER_UNIT;
    if (more > 0) rows.push(['', unit.name, `另有${more}个红灯项目`, `见${annexLabel}`]);
  }
  return {
    kind: 'table',
    columns: [
      { title: '序号', align: 'center', width: 1 },
      { title: '所在地区', align: 'center', width: 2.6 },
      { title: '项目名称', width: 5 },
      { title: '预警情况及要求', width: 9 },
    ],
    rows,
    notes: [`注：${LEVEL_LABELS.red}、${LEVEL_LABELS.yellow}按期末数据判定，差距补上后下月自动转为绿灯。`],
  };
}

/** The spreadsheet's rows: every red and yellow project, red first, by unit in order, then by code. */
export function annexRows(warnings: WarningsSnapshot, unit?: string): BulletinWarning[] {
  const order = new Map(warnings.units.map((u, i) => [u.code, i]));
  const rank = { red: 0, yellow: 1 } as const;
  return warnings.projects
    .filter((p) => unit === undefined || p.unitCode === unit)
    .slice()
    .sort(
      (a, b) =>
        rank[a.level] - rank[b.level] ||
        (order.get(a.unitCode) ?? order.size) - (order.get(b.unitCode) ?? order.size) ||
        a.code.localeCompare(b.code),
    );
}

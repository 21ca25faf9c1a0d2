// The 通报's section on what the ranks lead to (考评结果运用): the scheme's rank bands with consequences
// (docs/schemes.md → consequences), as the evaluation result assigned them to each unit. Read from the
// result alone (the published one for a published period), so the document states what was published.
import { bandWording } from '../evaluation/consequences';
import type { Scheme } from '../evaluation/scheme-schema';
import type { UnitResult } from '../evaluation/types';
import { type Block, paragraph } from './model';
import { joinList } from './wording';

/** "流动红旗：郑州市（第1名）、开封市（并列第2名）" for each band that has units, in the scheme's order. */
function bandClauses(scheme: Scheme, units: readonly UnitResult[]): string[] {
  const seen = new Set<string>();
  const clauses: string[] = [];
  for (const band of scheme.consequences ?? []) {
    if (seen.has(band.label)) continue;
    seen.add(band.label);
    const who = units.filter((u) => u.consequence === band.label);
    if (who.length === 0) continue;
    const tied = (u: UnitResult) => units.some((x) => x !== u && x.rank === u.rank);
    const names = who.map((u) => `${u.name}（${tied(u) ? '并列' : ''}第${u.rank}名）`);
    clauses.push(`“${band.label}”（${bandWording(band)}）：${joinList(names)}`);
  }
  return clauses;
}

/**
 * The paragraphs of the section, one per group with units in a band ("省辖市：“流动红旗”（第1–3名）：…；
 * “约谈”（后2名）：…。"); empty when the scheme declares no consequences or no unit is in a band.
 */
export function consequenceParagraphs(
  scheme: Scheme,
  groups: readonly { id: string; label: string; units: readonly UnitResult[] }[],
): Block[] {
  if (!scheme.consequences?.length) return [];
  const out: Block[] = [];
  for (const g of groups) {
    const clauses = bandClauses(scheme, g.units);
    if (clauses.length) out.push(paragraph(`${g.label}：${clauses.join('；')}。`));
  }
  if (out.length === 0) return [];
  return [paragraph('按照考评办法确定的名次段，本期考评结果运用如下（名次相同的单位同等对待）：'), ...out];
}

/** The city summary's sentence: "根据考评办法，郑州市本期列入“流动红旗”（第1–3名）。" or null. */
export function consequenceSentence(scheme: Scheme, unit: UnitResult, self: string): string | null {
  if (!unit.consequence) return null;
  const band = (scheme.consequences ?? []).find((b) => b.label === unit.consequence);
  return `根据考评办法，${self}本期列入“${unit.consequence}”${band ? `（${bandWording(band)}）` : ''}。`;
}

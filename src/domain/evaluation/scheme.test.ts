import { describe, expect, it } from 'vitest';
import { parseRuleFor, parseScheme, SchemeError, schemeMetrics } from './scheme';

// A scheme document as decoded from YAML, loosely typed so tests can break it.
type Doc = Record<string, unknown> & {
  dimensions: { indicators: Record<string, unknown>[]; points: number }[];
};

function base(): Doc {
  return {
    id: 'demo',
    version: '1',
    name: '示例方案',
    groups: ['city'],
    dimensions: [
      {
        id: 'attraction',
        name: '比招引看投资',
        points: 15,
        indicators: [
          {
            id: 'funds',
            name: '省外资金',
            metric: 'deals.outsideFunds',
            direction: 'higher_better',
            points: 10,
            rule: { type: 'relative_to_best' },
          },
          {
            id: 'share',
            name: '大项目占比',
            metric: 'deals.bigShare',
            direction: 'higher_better',
            points: 5,
            rule: { type: 'relative_to_best' },
          },
        ],
      },
      {
        id: 'progress',
        name: '比开工看进度',
        points: 85,
        indicators: [
          {
            id: 'start_rate',
            name: '开工率',
            metric: 'key.newStartRate',
            direction: 'higher_better',
            points: 85,
            rule: { type: 'ratio_to_target', target: { context: 'timeProgress' }, cap: 1 },
          },
        ],
      },
    ],
  } as unknown as Doc;
}

function issuesOf(data: unknown): string[] {
  try {
    parseScheme(data);
  } catch (e) {
    if (e instanceof SchemeError) return e.issues;
    throw e;
  }
  throw new Error('expected a SchemeError');
}

function withRule(rule: unknown) {
  const s = base();
  s.dimensions[1]!.indicators[0]!.rule = rule;
  return s;
}

describe('parseScheme', () => {
  it('accepts a valid scheme and fills the defaults', () => {
    const s = parseScheme(base());
    expect(s.total).toBe(100);
    expect(s.missing_policy).toBe('zero');
    expect(s.normalise_over).toBe('group');
    expect(s.tie_break).toEqual([]);
    expect(schemeMetrics(s)).toEqual(['deals.bigShare', 'deals.outsideFunds', 'key.newStartRate']);
  });

  it('is idempotent: a parsed scheme parses to itself (stored schemes re-load unchanged)', () => {
    const once = parseScheme(withRule({ type: 'ratio_to_target', target: 0.9 }));
    expect(parseScheme(JSON.parse(JSON.stringify(once)))).toEqual(once);
  });

  it('names the indicator and field of a bad cap, as the office would read it', () => {
    expect(issuesOf(withRule({ type: 'ratio_to_target', target: 0.9, cap: -1 }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule.cap 必须是正数',
    ]);
  });

  it('reports an indicator points sum that differs from its dimension', () => {
    const s = base();
    s.dimensions[0]!.indicators[1]!.points = 4;
    expect(issuesOf(s)).toEqual(['维度 "比招引看投资" 的指标分值合计 14 分，与维度分值 15 分不一致']);
  });

  it('reports dimensions that do not sum to the declared total', () => {
    const s = base();
    s.dimensions[1]!.points = 80;
    s.dimensions[1]!.indicators[0]!.points = 80;
    expect(issuesOf(s)).toEqual(['各维度分值合计 95 分，与方案总分 total 100 分不一致']);
  });

  it('lists the known rule types for an unknown one', () => {
    expect(issuesOf(withRule({ type: 'ratio' }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule.type 未知的规则类型 "ratio"，可用的类型：ratio_to_target、step、relative_to_best、min_max、goalposts、rank_bands、tiers、count_points',
    ]);
  });

  it('rejects goalposts with L = U at load time', () => {
    expect(issuesOf(withRule({ type: 'goalposts', lower: 5, upper: 5 }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule.lower 与 rule.upper 不能相等（当前均为 5），否则无法插值',
    ]);
    expect(issuesOf(withRule({ type: 'goalposts', lower: 6, upper: 5 }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule.lower 必须小于 rule.upper',
    ]);
  });

  it('rejects unknown fields anywhere (strict)', () => {
    const s = base();
    s.dimensions[0]!.indicators[0]!.weight = 3;
    s.colour = 'red';
    expect(issuesOf(s)).toEqual([
      '指标 "比招引看投资 / 省外资金" 含有未知字段 "weight"（请检查拼写）',
      '方案 含有未知字段 "colour"（请检查拼写）',
    ]);
    expect(issuesOf(withRule({ type: 'relative_to_best', capp: 1 }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule 含有未知字段 "capp"（请检查拼写）',
    ]);
  });

  it('explains missing fields, bad enums and bad targets', () => {
    const s = base();
    delete s.dimensions[0]!.indicators[0]!.direction;
    s.dimensions[0]!.indicators[1]!.direction = 'up';
    expect(issuesOf(s)).toEqual([
      '指标 "比招引看投资 / 省外资金" 的 direction 缺少必填字段',
      '指标 "比招引看投资 / 大项目占比" 的 direction 取值 "up" 无效，可选：higher_better、lower_better',
    ]);
    expect(issuesOf(withRule({ type: 'ratio_to_target', target: 'soon' }))[0]).toMatch(
      /^指标 "比开工看进度 \/ 开工率" 的 rule.target 应为一个数字，或 \{metric: 指标名\}/,
    );
    expect(issuesOf(withRule({ type: 'ratio_to_target', target: 0 }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule.target 必须是正数（当前为 0）',
    ]);
  });

  it('checks rule parameters against the indicator points', () => {
    expect(
      issuesOf(withRule({ type: 'step', target: 0.9, base: 80, step: 0.01, points_per_step: 1, max: 90 })),
    ).toEqual(['指标 "比开工看进度 / 开工率" 的 rule.max（90）不能超过该指标分值 85 分']);
    expect(
      issuesOf(
        withRule({
          type: 'rank_bands',
          bands: [
            { from: 1, to: 3, points: 85 },
            { from: 3, to: 5, points: 50 },
          ],
        }),
      ),
    ).toEqual(['指标 "比开工看进度 / 开工率" 的 rule.bands 名次段 1–3 与 3–5 重叠']);
    expect(
      issuesOf(withRule({ type: 'rank_bands', decrement: 1, bands: [{ from: 1, to: 3, points: 5 }] })),
    ).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule 须且只能设置 bands（按名次段赋分）或 decrement（每降一名减分）之一',
    ]);
    expect(issuesOf(withRule({ type: 'tiers', tiers: [{ threshold: 1, points: 90 }] }))).toEqual([
      '指标 "比开工看进度 / 开工率" 的 rule.tiers 分值 90 超过该指标分值 85 分',
    ]);
  });

  it('requires exactly one metric form, and none for count_points', () => {
    const s = base();
    delete s.dimensions[0]!.indicators[0]!.metric;
    s.dimensions[0]!.indicators[1]!.metrics = [{ metric: 'key.investRate', weight: 1 }];
    expect(issuesOf(s)).toEqual([
      '指标 "比招引看投资 / 省外资金" 须且只能设置 metric（单一指标）或 metrics（加权组合）之一',
      '指标 "比招引看投资 / 大项目占比" 须且只能设置 metric（单一指标）或 metrics（加权组合）之一',
    ]);
    expect(
      issuesOf(withRule({ type: 'count_points', items: [{ id: 'e', name: '事件', points_per_event: 1 }] })),
    ).toEqual([
      '指标 "比开工看进度 / 开工率" 使用 count_points 规则（按事件计分），不应设置 metric 或 metrics',
    ]);
  });

  it('checks ids and the tie-break list', () => {
    const s = base();
    s.dimensions[0]!.indicators[1]!.id = 'funds';
    s.tie_break = ['speed'];
    expect(issuesOf(s)).toEqual([
      '指标 id "funds" 重复（指标 id 在整个方案内必须唯一）',
      'tie_break 中的 "speed" 不是本方案的维度 id（可用：attraction、progress）',
    ]);
  });

  it('names bonus items in their messages', () => {
    const s = base();
    s.bonus = { cap: 3, items: [{ id: 'fdi', name: '外资企业', points_per_event: 0, cap: 5 }] };
    expect(issuesOf(s)).toEqual(['加分项 "外资企业" 的 points_per_event 必须是正数']);
    s.bonus = { cap: 3, items: [{ id: 'fdi', name: '外资企业', points_per_event: 1, cap: 5 }] };
    expect(issuesOf(s)).toEqual(['加分项 "外资企业" 的 cap（5）超过该类上限 3 分']);
  });

  it('lists every problem at once in the error message', () => {
    const s = base();
    s.dimensions[0]!.indicators[1]!.points = 4;
    s.tie_break = ['speed'];
    const err = (() => {
      try {
        parseScheme(s, 'my.yaml');
      } catch (e) {
        return e as SchemeError;
      }
    })();
    expect(err?.issues).toHaveLength(2);
    expect(err?.message).toMatch(/^考评方案 my.yaml 有 2 处错误：\n- /);
  });
});

describe('parseRuleFor', () => {
  it('validates an alternative rule against the indicator', () => {
    const s = parseScheme(base());
    const ind = s.dimensions[1]!.indicators[0]!;
    expect(parseRuleFor(ind, { type: 'relative_to_best' })).toEqual({ type: 'relative_to_best' });
    expect(() => parseRuleFor(ind, { type: 'goalposts', lower: 1, upper: 1 })).toThrow(SchemeError);
  });
});

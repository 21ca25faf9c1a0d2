// A 通报 of a quarter in which some indicators are not assessed (quarters.ts) says nothing about them:
// no leaders of an indicator nobody was scored on, no paragraph for a dimension with no points.
import { describe, expect, it } from 'vitest';
import { loadSchemeSync } from '../../schemes/load-scheme';
import { evaluate } from '../evaluation/engine';
import { parseScheme } from '../evaluation/scheme';
import { buildCitySummary } from './city';
import { documentText } from './model';
import { buildProvinceBulletin } from './province';
import { indicatorLeaderPhrase } from './ranking';
import { earlierQuarters, luoyangFigures, provinceFigures, Q3, UNITS, VALUES } from './testing/fixtures';

const SERVICE = loadSchemeSync('sibisikan-2020')
  .dimensions.find((d) => d.id === 'service')!
  .indicators.map((i) => i.id);

function evaluationWith(quarters: Record<string, number[]>) {
  const base = loadSchemeSync('sibisikan-2020');
  const scheme = parseScheme({
    ...base,
    dimensions: base.dimensions.map((d) => ({
      ...d,
      indicators: d.indicators.map((i) => (quarters[i.id] ? { ...i, quarters: quarters[i.id] } : i)),
    })),
  });
  const result = evaluate({
    scheme,
    units: UNITS,
    values: VALUES,
    context: { timeProgress: 0.75, period: Q3.id },
  });
  return { scheme, result, status: { kind: 'draft' as const } };
}

function bulletinWith(quarters: Record<string, number[]>) {
  const evaluation = evaluationWith(quarters);
  return documentText(
    buildProvinceBulletin({
      province: { code: '410000', name: '河南省' },
      period: Q3,
      evaluation,
      figures: provinceFigures(),
      earlier: earlierQuarters(),
      issuer: '河南省重点项目建设办公室',
      date: '2020-10-15',
      simulated: false,
    }),
  );
}

describe('a 通报 with indicators not assessed this quarter', () => {
  it('leaves out a dimension none of whose indicators is assessed', () => {
    expect(bulletinWith({})).toContain('比服务看实效（25分）方面');
    const text = bulletinWith(Object.fromEntries(SERVICE.map((id) => [id, [4]])));
    expect(text).not.toContain('比服务看实效（25分）方面');
    expect(text).toContain('比开工看进度（40分）方面');
  });

  it('names no leaders of an indicator not assessed', () => {
    // A count_points indicator in Q4 only: in Q3 every unit has 0 of 0 points, which is not news.
    const scheme = parseScheme({
      id: 'q',
      version: '1',
      name: '季度',
      groups: ['city'],
      total: 10,
      dimensions: [
        {
          id: 'd',
          name: '维度',
          points: 10,
          indicators: [
            {
              id: 'events',
              name: '观摩活动',
              direction: 'higher_better',
              points: 5,
              quarters: [4],
              rule: { type: 'count_points', items: [{ id: 'visit', name: '观摩', points_per_event: 1 }] },
            },
            {
              id: 'rate',
              name: '投资完成率',
              metric: 'key.investRate',
              direction: 'higher_better',
              points: 5,
              rule: { type: 'relative_to_best' },
            },
          ],
        },
      ],
    });
    const units = UNITS.filter((u) => u.group === 'city');
    const phrase = (period: string) => {
      const result = evaluate({
        scheme,
        units,
        values: VALUES,
        events: [{ unit: units[0]!.code, item: 'visit', count: 3 }],
        context: { period },
      });
      return indicatorLeaderPhrase(scheme, result.units, 'events');
    };
    expect(phrase('2020Q4')).toContain('观摩活动得分');
    expect(phrase('2020Q3')).toBeNull();
  });

  it("leaves a dimension not assessed out of a unit's summary", () => {
    const summary = (quarters: Record<string, number[]>) =>
      documentText(
        buildCitySummary({
          unit: { code: '410300', name: '洛阳市' },
          parent: { code: '410000', name: '河南省', kind: 'province' },
          period: Q3,
          evaluation: evaluationWith(quarters),
          figures: luoyangFigures(),
          earlier: earlierQuarters(),
          date: '2020-10-15',
          simulated: false,
        }),
      );
    expect(summary({})).toContain('本期“比服务看实效”得分');
    expect(summary(Object.fromEntries(SERVICE.map((id) => [id, [4]])))).not.toContain(
      '本期“比服务看实效”得分',
    );
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { evaluate } from '../domain/evaluation/engine';
import { SchemeError, schemeMetrics } from '../domain/evaluation/scheme';
import { syntheticUnits, syntheticValues } from '../domain/evaluation/testing/synthetic-province';
import { deriveMetrics, emptyTotals } from '../domain/metrics';
import {
  BUILTIN_SCHEMES,
  builtinSchemePath,
  loadScheme,
  loadSchemeFile,
  loadSchemeSync,
  parseSchemeText,
} from './load-scheme';

const tmp = mkdtempSync(join(tmpdir(), 'sibi-schemes-'));
const input = { units: syntheticUnits(), values: syntheticValues(), context: { timeProgress: 0.75 } };

async function issuesOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SchemeError) return e.issues;
    throw e;
  }
  throw new Error('expected a SchemeError');
}

describe('built-in schemes', () => {
  it('load by id, with the dimension points of their documents', async () => {
    const s = await loadScheme('sibisikan-2020');
    expect(s.dimensions.map((d) => [d.name, d.points])).toEqual([
      ['比谋划看储备', 20],
      ['比招引看投资', 15],
      ['比开工看进度', 40],
      ['比服务看实效', 25],
    ]);
    const t = loadSchemeSync('sangeyipi-2022');
    expect(t.dimensions.map((d) => [d.name, d.points])).toEqual([
      ['谋划储备', 10],
      ['签约落地', 30],
      ['开工投产', 30],
      ['投产达效', 20],
      ['服务保障', 10],
    ]);
    expect(t.bonus?.items.map((i) => i.id)).toContain('foreign_invested_30m_usd');
    expect(t.penalty?.items.map((i) => i.id)).toContain('project_untrue');
    for (const id of BUILTIN_SCHEMES) expect((await loadScheme(id)).id).toBe(id);
  });

  it('read only the metrics the SQL layer provides', () => {
    const known = new Set(Object.keys(deriveMetrics(emptyTotals(), 9)));
    for (const id of BUILTIN_SCHEMES)
      expect(schemeMetrics(loadSchemeSync(id)).filter((m) => !known.has(m))).toEqual([]);
    // 投产达效 reads the production metrics, now stored and computed.
    expect(schemeMetrics(loadSchemeSync('sangeyipi-2022'))).toEqual(
      expect.arrayContaining(['key.outputValue', 'key.productionRate', 'key.productionStarted']),
    );
  });

  for (const id of BUILTIN_SCHEMES)
    it(`${id} evaluates the synthetic 18 cities and 10 direct counties`, () => {
      const res = evaluate({ scheme: loadSchemeSync(id), ...input });
      expect(res.groups.map((g) => [g.id, g.ranking.length])).toEqual([
        ['city', 18],
        ['direct_county', 10],
      ]);
      expect(res.flags).toEqual([]);
      for (const u of res.units) {
        expect(u.base).toBeGreaterThan(0);
        expect(u.base).toBeLessThanOrEqual(100);
        expect(u.indicators.every((i) => i.explanation.length > 10 && !i.missing)).toBe(true);
        expect(u.dimensions.reduce((s, d) => s + d.score, 0)).toBeCloseTo(u.base, 9);
      }
      expect(res.units.filter((u) => u.rank === 1).map((u) => u.group)).toEqual(['city', 'direct_county']);
    });

  it('lets a city lead 比招引看投资 with 13.5 of 15 without leading every sub-indicator', () => {
    const scheme = loadSchemeSync('sibisikan-2020');
    const values = structuredClone(input.values);
    const cities = input.units.filter((u) => u.group === 'city').map((u) => u.code);
    const max = (m: string) => Math.max(...cities.map((c) => values[c]![m]!));
    const luoyang = values['410300']!;
    // leads funds (4), signing volume (3) and big-deal share (3) …
    luoyang['deals.outsideFunds'] = max('deals.outsideFunds') * 1.1;
    luoyang['deals.signedAmount'] = max('deals.signedAmount') * 1.1;
    luoyang['deals.bigShare'] = 0.35;
    // … but has half the best top-500 share: 2 · 0.5 = 1, and lands 0.667 against a 0.8 target: 3 · 0.667 / 0.8 = 2.5
    luoyang['deals.top500Share'] = max('deals.top500Share') / 2;
    luoyang['deals.landingRate'] = (0.8 * 2.5) / 3;
    const res = evaluate({ scheme, ...input, values });
    const attraction = (code: string) =>
      res.units.find((u) => u.code === code)!.dimensions.find((d) => d.id === 'attraction')!.score;
    // 4 + 3 + 3 + 1 + 2.5 = 13.5
    expect(attraction('410300')).toBeCloseTo(13.5, 9);
    expect(Math.max(...cities.map(attraction))).toBeCloseTo(13.5, 9);
    const ly = res.units.find((u) => u.code === '410300')!;
    expect(
      ly.indicators.filter((i) => i.dimension === 'attraction' && i.score < i.points).map((i) => i.id),
    ).toEqual(['top500_share', 'landing_rate']);
  });

  it('changes the ranking when a user edits the weights in a copy', async () => {
    const doc = parse(readFileSync(builtinSchemePath('sibisikan-2020'), 'utf8'));
    // move 15 points from planning to investment completion
    doc.dimensions[0].points = 5;
    for (const ind of doc.dimensions[0].indicators) ind.points = ind.points / 4;
    doc.dimensions[2].points = 55;
    doc.dimensions[2].indicators[0].points = 29;
    doc.id = 'my-copy';
    const path = join(tmp, 'my-copy.yaml');
    writeFileSync(path, stringify(doc));
    const edited = await loadScheme(path);
    const ranking = (scheme: typeof edited) => evaluate({ scheme, ...input }).groups[0]!.ranking;
    expect(edited.id).toBe('my-copy');
    expect(ranking(edited)).not.toEqual(ranking(loadSchemeSync('sibisikan-2020')));
  });
});

describe('loading files', () => {
  const minimal = {
    id: 'mini',
    version: 1,
    name: '最小方案',
    total: 10,
    groups: ['city'],
    dimensions: [
      {
        id: 'd',
        name: '维度',
        points: 10,
        indicators: [
          {
            id: 'i',
            name: '指标',
            metric: 'key.investRate',
            direction: 'higher_better',
            points: 10,
            rule: { type: 'min_max' },
          },
        ],
      },
    ],
  };

  it('reads JSON by extension and returns the text for storage', async () => {
    const path = join(tmp, 'mini.json');
    writeFileSync(path, JSON.stringify(minimal));
    const loaded = await loadSchemeFile(path);
    expect(loaded).toMatchObject({ builtin: false, source: path, text: JSON.stringify(minimal) });
    expect(loaded.scheme.version).toBe('1');
  });

  it('reads YAML with a byte-order mark and a .yml extension', () => {
    const path = join(tmp, 'mini.yml');
    writeFileSync(path, `\uFEFF${stringify(minimal)}`);
    expect(loadSchemeSync(path).id).toBe('mini');
  });

  it('reports YAML syntax errors with the line', async () => {
    const path = join(tmp, 'broken.yaml');
    writeFileSync(path, 'id: x\nname: [unclosed\nversion: 1\n');
    const issues = await issuesOf(loadScheme(path));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^第 \d+ 行第 \d+ 列：YAML 格式错误：/);
  });

  it('reports validation errors naming the file', async () => {
    const path = join(tmp, 'bad.yaml');
    writeFileSync(path, stringify({ ...minimal, total: 12 }));
    await expect(loadScheme(path)).rejects.toThrow(
      /^考评方案 bad.yaml 有 1 处错误：\n- 第 \d+ 行第 \d+ 列：各维度分值合计 10 分，与方案总分 total 12 分不一致/,
    );
  });

  it('says what it looked for when neither an id nor a file', async () => {
    expect(await issuesOf(loadScheme('sibisikan-2021'))).toEqual([
      '找不到考评方案 "sibisikan-2021"：既不是内置方案（sibisikan-2020、sangeyipi-2022），也不是存在的 .yaml/.json 文件',
    ]);
  });

  it('parses text directly', () => {
    expect(parseSchemeText(JSON.stringify(minimal), 'json').name).toBe('最小方案');
    expect(() => parseSchemeText('{', 'json', 'x.json')).toThrow(/JSON 格式错误/);
  });
});

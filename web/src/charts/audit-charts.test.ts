import { describe, expect, it } from 'vitest';
import { correlationHeatmapOption, weightBarsOption } from './audit-charts';

describe('correlationHeatmapOption', () => {
  it('has one cell per pair, rounded, and a blank for no correlation', () => {
    const option = correlationHeatmapOption(
      ['甲', '乙', '丙'],
      [
        [1, 0.123, null],
        [0.123, 1, -0.5],
        [null, -0.5, null],
      ],
      { title: '相关', none: '无' },
    );
    const series = (option.series as { data: unknown[] }[])[0]!;
    expect(series.data).toHaveLength(9);
    expect(series.data).toContainEqual([1, 0, 0.12]);
    expect(series.data).toContainEqual([0, 2, '-']);
    expect(series.data).toContainEqual([2, 1, -0.5]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['1', '2', '3']);
    expect(option.visualMap).toMatchObject({ min: -1, max: 1 });
  });
});

describe('the heat map tooltip', () => {
  it('shows an indicator name as text, never as HTML (a scheme is data a province writes)', () => {
    const option = correlationHeatmapOption(
      ['<img src=x onerror=alert(1)>', '乙'],
      [
        [1, 0.5],
        [0.5, 1],
      ],
      {
        title: '相关',
        none: '无',
      },
    );
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = formatter({ data: [1, 0, 0.5] });
    expect(text).toBe('&lt;img src=x onerror=alert(1)&gt; × 乙：0.50');
  });
});

describe('weightBarsOption', () => {
  it('draws nominal and effective shares in percent, a missing effective weight as a gap', () => {
    const option = weightBarsOption(
      [
        { name: 'a', nominal: 0.25, effective: 0.4123 },
        { name: 'b', nominal: 0.75, effective: null },
      ],
      { nominal: '名义', effective: '有效' },
    );
    const [nominal, effective] = option.series as { name: string; data: unknown[] }[];
    expect(nominal).toMatchObject({ name: '名义', data: [25, 75] });
    expect(effective).toMatchObject({ name: '有效', data: [41.2, '-'] });
  });
});

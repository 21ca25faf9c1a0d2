// The rank-interval chart's tooltip is HTML built from unit names: a hostile name is shown as text.
import { describe, expect, it } from 'vitest';
import { rankIntervalOption } from './rank-intervals';

const LABELS = { interval: '区间', nominal: '名次', median: '中位', rank: '名次', pFirst: '第一' };

describe('rankIntervalOption tooltip', () => {
  it('escapes HTML in unit names', () => {
    const hostile = '<img src=x onerror="alert(1)">&市';
    const option = rankIntervalOption(
      [{ name: hostile, nominalRank: 1, medianRank: 1, rankP5: 1, rankP95: 2, pFirst: 0.75 }],
      LABELS,
    );
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 0 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;市');
    expect(html).toContain('第一：75.0%');
  });
});

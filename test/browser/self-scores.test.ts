// 自评分 in the browser: the 洛阳 city office sees the demo's 2020Q3 self-scores of its unit, revises its
// total through the form (a new version), and the province office sees each unit's self-score beside
// the verified score of a draft, largest differences first; axe-clean, in Chinese and in English.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, open, shot, untranslatedKeys } from './harness';

describe.skipIf(!chromiumPath())('self-scores (browser)', () => {
  // Its own server: it revises 洛阳's 2020Q3 self-score of 四比四看, which dashboard.test.ts publishes on
  // the shared server (a publication freezes the quarter's self-scores: the revision was refused).
  const ctx = browserSuite({
    ownServer: 'it revises sibisikan 2020Q3 self-scores, which dashboard.test.ts publishes',
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`the city reports, the province compares (${locale})`, async () => {
      const city = await ctx.page({ locale, as: 'demo_city' });
      city.setDefaultTimeout(60_000);
      await open(city, '/evaluation/self-scores');
      await city.locator('#self-scores-period').fill('2020Q3');
      await city.locator('#self-score-total').waitFor();
      await expectAccessible(city);
      const total = locale === 'en' ? '91.5' : '93';
      await city.locator('#self-score-total').fill(total);
      await city.locator('[data-testid="self-score-form"] button[type="submit"]').click();
      await city.locator('.ant-message-success').waitFor();
      await city.locator('.ant-tabs-tab').nth(1).click();
      const rows = city.locator('[data-testid="self-scores-reported"] .ant-table-row');
      await rows.first().waitFor();
      // 洛阳's total and its two indicators (the demo), the total now as revised
      expect(await rows.count()).toBe(3);
      await city
        .locator('[data-testid="self-scores-reported"] .ant-table-row', {
          hasText: `${Number(total).toFixed(2)}`,
        })
        .waitFor();
      await shot(city, `self-scores-city-${locale}`);
      await expectAccessible(city);
      expect(await untranslatedKeys(city)).toEqual([]);
      expect(ctx.errors(city)).toEqual([]);

      const province = await ctx.page({ locale, as: 'demo_province' });
      province.setDefaultTimeout(120_000);
      await open(province, '/evaluation/self-scores');
      await province.locator('#self-scores-period').fill('2020Q3');
      await province.locator('.ant-tabs-tab').nth(1).click();
      const units = province.locator('[data-testid="self-score-comparison"] tr.ant-table-row');
      await units.first().waitFor();
      expect(await units.count()).toBe(3);
      const texts = await units.allTextContents();
      expect(texts.join('\n')).toContain(`${Number(total).toFixed(2)}`);
      // largest absolute difference first (cells: expand, unit, rank, self, verified, difference, by)
      const differences: number[] = [];
      for (let i = 0; i < texts.length; i++)
        differences.push(Math.abs(Number(await units.nth(i).locator('td').nth(5).textContent())));
      expect(differences.every((d) => Number.isFinite(d))).toBe(true);
      expect(differences).toEqual([...differences].sort((a, b) => b - a));
      await shot(province, `self-scores-province-${locale}`);
      await expectAccessible(province);

      // The evaluation's own draft view carries the same comparison in a tab of its own.
      await open(province, '/evaluation?scheme=sibisikan-2020&period=2020Q3&view=draft');
      await province
        .locator('[data-testid="evaluation-tabs"] .ant-tabs-tab', {
          hasText: locale === 'en' ? 'Self-scores' : '自评分对比',
        })
        .click();
      const inView = province.locator(
        '[data-testid="evaluation-tabs"] [data-testid="self-score-comparison"] tr.ant-table-row',
      );
      await inView.first().waitFor();
      expect(await inView.allTextContents()).toEqual(texts);
      await shot(province, `self-scores-evaluation-tab-${locale}`);
      await expectAccessible(province);
      expect(await untranslatedKeys(province)).toEqual([]);
      expect(ctx.errors(province)).toEqual([]);
    });
  }
});

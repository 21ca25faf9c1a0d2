// The statistical audit on the 综合考评 page's robustness tab: the province officer's 2020Q3 draft
// shows, for the cities, nominal against effective weights as bars and a table, the correlation
// heat map with its numbers as a table, the outliers, and the sensitivity indices' intervals with
// the seed; axe-clean in Chinese and in English.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { drawnPixels } from './canvas';
import { browserSuite, chromiumPath, open, settle, shot, untranslatedKeys } from './harness';

const TEST_TIMEOUT = 300_000;

async function openRobustness(page: Page, tab: string): Promise<void> {
  await open(page, '/evaluation?period=2020Q3');
  await settle(page);
  await page.locator('[data-testid="run-draft"]').click();
  await page.locator('[data-testid="draft-banner"]').waitFor({ timeout: 60_000 });
  await page.locator('.ant-tabs-tab', { hasText: tab }).click();
  await page.locator('[data-testid="audit-city"]').waitFor({ timeout: 120_000 });
  await page
    .locator('[data-testid="sensitivity-indices"] .ant-table-row')
    .first()
    .waitFor({ timeout: 120_000 });
  await page.waitForTimeout(800);
}

describe.skipIf(!chromiumPath())('evaluation audit (browser)', () => {
  const ctx = browserSuite();

  it(
    'shows weights, the correlation heat map, outliers and the intervals with the seed',
    async () => {
      const page = await ctx.page({ as: 'demo_province' });
      await openRobustness(page, '稳健性分析');

      const audit = page.locator('[data-testid="audit-city"]');
      expect(await audit.textContent()).toContain('统计审计');
      // The draft's audit from the API, to compare what the page shows with.
      const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
      const api = await page.request.post('/api/evaluations/draft/audit', {
        data: { scheme: 'sibisikan-2020', period: '2020Q3' },
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(api.status()).toBe(200);
      const city = (
        (await api.json()) as {
          groups: { group: string; weights: { name: string; effective: number | null }[] }[];
        }
      ).groups.find((g) => g.group === 'city')!;

      const rows = page.locator('[data-testid="audit-weights-city"] .ant-table-row');
      expect(await rows.count()).toBe(city.weights.length);
      const first = city.weights[0]!;
      expect(await rows.first().textContent()).toContain(first.name);
      if (first.effective !== null)
        expect(await rows.first().textContent()).toContain(`${(first.effective * 100).toFixed(1)}%`);

      expect(await drawnPixels(page, '[data-testid="audit-weights-chart-city"] canvas')).toBeGreaterThan(
        2000,
      );
      expect(await drawnPixels(page, '[data-testid="audit-heatmap-city"] canvas')).toBeGreaterThan(2000);
      expect(
        await page.locator('[data-testid="audit-heatmap-city"] [role="img"]').getAttribute('aria-label'),
      ).toContain('相关矩阵热力图');

      await page.evaluate('window.scrollTo(0, 0)');
      await shot(page, 'evaluation-audit');

      // The heat map's numbers as a table: one row per indicator, 1.00 on the diagonal.
      await page.locator('.ant-collapse-header', { hasText: '相关矩阵数据表' }).first().click();
      const matrix = page.locator('[data-testid="audit-matrix-city"] .ant-table-row');
      await matrix.first().waitFor();
      expect(await matrix.count()).toBe(city.weights.length);
      expect(await matrix.first().textContent()).toContain('1.00');
      await page.locator('[data-testid="audit-outliers-city"]').waitFor();

      // The indices' intervals and the seed that reproduces them.
      expect(await page.locator('[data-testid="sensitivity-seed"]').textContent()).toContain('20201027');
      expect(
        await page.locator('[data-testid="sensitivity-indices"] .ant-table-row').first().textContent(),
      ).toMatch(/-?\d\.\d{2} – -?\d\.\d{2} \/ -?\d\.\d{2} – -?\d\.\d{2}/);

      await expectAccessible(page);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'reads in English',
    async () => {
      const page = await ctx.page({ locale: 'en', as: 'demo_province' });
      await openRobustness(page, 'Robustness');
      const audit = page.locator('[data-testid="audit-city"]');
      expect(await audit.textContent()).toContain('Statistical audit');
      expect(await page.locator('[data-testid="audit-weights-city"] thead').textContent()).toContain(
        'Effective weight',
      );
      await page.evaluate('window.scrollTo(0, 0)');
      await shot(page, 'evaluation-audit-en');
      await expectAccessible(page);
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

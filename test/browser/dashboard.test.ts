// 驾驶舱 in the browser: 洛阳市 at 2020-09 states the seed article's figures (515 projects, 1532 亿元,
// 96.9 %), ranks its counties with the laggards marked, draws the monthly chart; after the province
// publishes 2020 Q1–Q3 it shows its run of first places; the 分包领导 sees their projects and who
// was in charge of them; a county's dashboard fits a phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, DEMO_PASSWORD, open, shot, untranslatedKeys } from './harness';

/** The name of the 四比四看 scheme (src/schemes/sibisikan-2020.yaml). */
const SIBISIKAN = '重点项目"四比四看"活动综合考评（2020年版）';

const unitRows = (page: Page) => page.locator('[data-testid="dashboard-units"] .ant-table-row');

describe.skipIf(!chromiumPath())('dashboard (browser)', () => {
  const ctx = browserSuite();

  it('states 洛阳市’s figures for 2020-09 as the newspaper did, with its counties ranked', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, '/?period=2020-09');
    const summary = (await page.locator('[data-testid="dashboard-summary"]').textContent()) ?? '';
    expect(summary).toContain('2020年1-9月');
    expect(summary).toContain('515个重点项目');
    expect(summary).toContain('1532');
    expect(summary).toContain('96.9%');
    await page.locator('[data-testid="dashboard-monthly"] canvas').waitFor();

    // The counties, ranked 1, 2, 3 … down the table; every unit in the lagging list is marked
    // lagging in the table too.
    const rows = unitRows(page);
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(10);
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('孟津县'))).toBe(true);
    // (a unit without an annual target has no rank: '—', listed last)
    const ranks = (await rows.locator('td:first-child').allTextContents()).filter((r) => r !== '—');
    expect(ranks.length).toBeGreaterThanOrEqual(10);
    expect(ranks.map(Number)).toEqual(ranks.map((_, i) => i + 1));
    const lagging = await page
      .locator('[data-testid="dashboard-lagging"] .ant-list-item-meta-title')
      .allTextContents();
    for (const item of lagging) {
      const name = item.replace(/^\d+/, '').trim();
      const row = texts.find((t) => t.includes(name));
      expect(row, name).toContain('滞后');
    }
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'dashboard-city-2020-09');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('shows the city its run of first places once the province has published three quarters', async () => {
    const province = await ctx.page();
    const login = await province.request.post('/api/auth/login', {
      data: { username: 'demo_province', password: DEMO_PASSWORD },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    for (const period of ['2020Q1', '2020Q2', '2020Q3']) {
      const published = await province.request.post('/api/evaluations', {
        // The demo's reports have data-quality errors: published past the publish gate with a reason.
        data: { scheme: 'sibisikan-2020', period, overrideReason: '浏览器测试：演示数据' },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(published.status(), period).toBe(201);
    }

    const page = await ctx.page({ as: 'demo_city' });
    await open(page, '/?period=2020-09');
    // The 四比四看 scheme's standing (on the run's shared server other files publish 三个一批 results,
    // each scheme a standing of its own; this file alone publishes 四比四看's 2020 quarters).
    const standing = page.locator('[data-testid="rank-standing"]', { hasText: SIBISIKAN }).first();
    await standing.waitFor();
    expect(await standing.textContent()).toContain('2020年第三季度 第1名 / 18');
    expect(await standing.locator('[data-testid="rank-streak"]').textContent()).toBe('连续3个季度第一');
    await shot(page, 'dashboard-city-ranks');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('gives the 分包领导 their projects and who was in charge of each', async () => {
    const page = await ctx.page({ as: 'demo_leader' });
    await open(page, '/');
    await page.locator('[data-testid="progress-row"]').first().waitFor();
    const history = page.locator('[data-testid="leader-history"] .ant-table-row');
    await history.first().waitFor();
    const terms = await history.allTextContents();
    expect(terms.some((t) => t.includes('段建红'))).toBe(true);
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'dashboard-leader');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('fits a phone: a county’s dashboard stays within 390 px', async () => {
    const page = await ctx.page({ width: 390, height: 844, as: 'demo_county' });
    await open(page, '/?period=2020-09');
    await page.locator('[data-testid="dashboard-summary"]').waitFor();
    await page.locator('[data-testid="dashboard-monthly"] canvas').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'dashboard-county-phone');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });
});

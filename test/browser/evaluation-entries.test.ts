// 加分扣分 in the browser: the province office lists the demo's 2020 events and adjustments (entered as
// `demo`, approved by `demo-reviewer`), each with its state, on a page that passes axe in Chinese and in
// English.
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, open, shot, untranslatedKeys } from './harness';

describe.skipIf(!chromiumPath())('evaluation entries (browser)', () => {
  const ctx = browserSuite();

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`lists the demo's events and adjustments with their review state (${locale})`, async () => {
      const page = await ctx.page({ locale, as: 'demo_province' });
      page.setDefaultTimeout(60_000);
      await open(page, '/evaluation/entries');
      await page.locator('#entries-period').fill('2020');
      const events = page.locator('[data-testid="entries-events"] .ant-table-row');
      await events.first().waitFor();
      expect(await events.count()).toBe(3);
      for (const row of await events.allTextContents()) expect(row).toContain('demo-reviewer');
      await shot(page, `entries-events-${locale}`);
      await expectAccessible(page);

      await page.locator('.ant-tabs-tab').nth(1).click();
      const adjustments = page.locator('[data-testid="entries-adjustments"] .ant-table-row');
      await adjustments.first().waitFor();
      expect(await adjustments.count()).toBe(2);
      expect((await adjustments.allTextContents()).join('\n')).toMatch(locale === 'en' ? /Bonus/ : /加分/);
      await shot(page, `entries-adjustments-${locale}`);
      await expectAccessible(page);
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(ctx.errors(page)).toEqual([]);
    });
  }
});

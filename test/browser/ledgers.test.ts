// 台账 in the browser: the county officer records a deal and watches the figures it feeds change
// (and change back when it is edited and deleted), records an issue against one of its projects;
// the city officer's reserve and approval ledgers filter and sort on the server; a viewer gets no
// write buttons; the empty and failed states; a leader reads approvals but not the deals.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { confirmDialog, figure, figureChanged, pickOption, typeDate } from './form-helpers';
import {
  browserSuite,
  chromiumPath,
  menuEntries,
  open,
  settle,
  shot,
  signIn,
  untranslatedKeys,
} from './harness';

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}-table"] .ant-table-row`);
const DEAL = '孟津县浏览器测试签约项目';

// A slow machine running several browser suites at once: each test gets three minutes.
describe.skipIf(!chromiumPath())('ledgers (browser)', { timeout: 180_000 }, () => {
  const ctx = browserSuite();

  it('lets the county officer record a deal and see the figures it feeds change', async () => {
    const page = await ctx.page({ as: 'demo_county' });
    await open(page, '/ledgers/deals?figuresYear=2021');
    await rows(page, 'deals').first().waitFor();
    const count = await figure(page, 'deals', 'deals.signedCount');
    const outside = await figure(page, 'deals', 'deals.outsideFunds');
    await shot(page, 'deals-county');
    await expectAccessible(page);

    await page.locator('[data-testid="deals-create"]').click();
    await page.locator('#deals-name').fill(DEAL);
    await page.locator('#deals-investor').fill('深圳浏览器测试投资有限公司');
    await pickOption(page, '#deals-origin', '省外');
    await typeDate(page, '#deals-signedDate', '2021-06-15');
    await page.locator('#deals-contractAmount').fill('12345.6789');
    await page.locator('#deals-fundsInPlace').fill('100');
    await shot(page, 'deals-create-dialog');
    await expectAccessible(page);
    await confirmDialog(page);
    await page.locator('.ant-message-success').waitFor();

    expect(Number(await figureChanged(page, 'deals', 'deals.signedCount', count))).toBe(Number(count) + 1);
    const outsideAfter = await figureChanged(page, 'deals', 'deals.outsideFunds', outside);
    expect(outsideAfter).not.toBe(outside);

    await page.locator('#deals-filter-q').fill(DEAL);
    await page.locator('[data-testid="deals-search"]').click();
    await settle(page);
    expect(await rows(page, 'deals').count()).toBe(1);
    const row = await rows(page, 'deals').first().textContent();
    expect(row).toContain('孟津县');
    // 万元 with two decimals, the unit in the header (issue 16 items 4 and 5).
    expect(row).toContain('12345.68');
    expect(row).toContain('100.00');
    expect(row).toContain('2021年6月15日');
    await shot(page, 'deals-created');
    await expectAccessible(page);

    // Edited: 200 万元 in place instead of 100; the outside funds follow.
    await rows(page, 'deals').first().locator('[data-testid="deals-edit"]').click();
    expect(await page.locator('#deals-contractAmount').inputValue()).toBe('12345.6789');
    await page.locator('#deals-fundsInPlace').fill('200');
    await confirmDialog(page);
    await page.locator('.ant-message-success').first().waitFor();
    await figureChanged(page, 'deals', 'deals.outsideFunds', outsideAfter);
    // The table reloads on its own, after or before the figures.
    await expect.poll(() => rows(page, 'deals').first().textContent()).toContain('200.00');

    // Deleted: the figures are back where they were.
    await rows(page, 'deals').first().locator('button[title="删除"]').click();
    await confirmDialog(page);
    await page.locator('[data-testid="deals-table"] .ant-empty').waitFor();
    expect(await figureChanged(page, 'deals', 'deals.signedCount', String(Number(count) + 1))).toBe(count);
    expect(await figure(page, 'deals', 'deals.outsideFunds')).toBe(outside);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('lets the county officer record an issue against one of its projects', async () => {
    const page = await ctx.page({ as: 'demo_county' });
    await open(page, '/ledgers/issues?figuresYear=2021');
    await rows(page, 'issues').first().waitFor();
    const raised = await figure(page, 'issues', 'issues.raised');

    await page.locator('[data-testid="issues-create"]').click();
    await page.locator('#issues-projectId').click();
    await page.keyboard.type('孟津县');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    const project =
      (await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().textContent()) ??
      '';
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('#issues-category').fill('用地保障');
    await page.locator('#issues-description').fill('浏览器测试：项目用地指标尚未落实');
    await page.locator('#issues-raisedDate').fill('');
    await typeDate(page, '#issues-raisedDate', '2021-05-10');
    await shot(page, 'issues-create-dialog');
    await expectAccessible(page);
    await confirmDialog(page);
    await page.locator('.ant-message-success').waitFor();
    expect(Number(await figureChanged(page, 'issues', 'issues.raised', raised))).toBe(Number(raised) + 1);

    await pickOption(page, '#issues-filter-resolved', '未解决');
    await page.locator('[data-testid="issues-search"]').click();
    await settle(page);
    const texts = await rows(page, 'issues').allInnerTexts();
    expect(texts.some((text) => text.includes(project.split(' ')[0]!) && text.includes('用地保障'))).toBe(
      true,
    );
    await shot(page, 'issues-county');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('filters and sorts the city officer’s reserve and approval ledgers on the server', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, '/ledgers/reserve');
    await rows(page, 'reserve').first().waitFor();
    await pickOption(page, '#reserve-filter-major', '是');
    await pickOption(page, '#reserve-filter-targetYear', '2022年', '2022');
    await page.locator('[data-testid="reserve-search"]').click();
    await settle(page);
    expect(new URL(page.url()).searchParams.get('major')).toBe('true');
    const reserve = await rows(page, 'reserve').allInnerTexts();
    expect(reserve.length).toBeGreaterThan(0);
    for (const text of reserve) {
      expect(text).toContain('重大');
      expect(text).toContain('2022年');
    }
    // The reserve for 2022 is counted in the statistics of 2021.
    expect(await page.locator('[data-testid="figures-reserve"]').textContent()).toContain('2021年');
    await shot(page, 'reserve-city');
    await expectAccessible(page);

    await open(page, '/ledgers/approvals');
    await rows(page, 'approvals').first().waitFor();
    await pickOption(page, '#approvals-filter-done', '未办结');
    await page.locator('[data-testid="approvals-search"]').click();
    await settle(page);
    const header = page.locator('[data-testid="approvals-table"] th', { hasText: '办结时限' });
    await header.click();
    await settle(page);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('dueDate');
    const open_ = await rows(page, 'approvals').allInnerTexts();
    for (const text of open_) expect(text).not.toContain('已办结');
    await shot(page, 'approvals-city');
    await expectAccessible(page);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('gives a viewer no write buttons, and shows the empty and failed states', async () => {
    const page = await ctx.page({ as: 'demo_viewer' });
    await open(page, '/ledgers/deals');
    await rows(page, 'deals').first().waitFor();
    expect(await page.locator('[data-testid="deals-create"]').count()).toBe(0);
    expect(await page.locator('[data-testid="deals-edit"]').count()).toBe(0);

    await open(page, '/ledgers/deals?q=没有这样的签约项目');
    await page.locator('[data-testid="deals-table"] .ant-empty').waitFor();
    await shot(page, 'deals-empty');
    await expectAccessible(page);

    await page.route('**/api/deals?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: '服务器内部错误', details: null } }),
      }),
    );
    await open(page, '/ledgers/deals');
    const failed = page.locator('.ant-alert-error', { hasText: '加载失败' });
    await failed.waitFor();
    await shot(page, 'deals-failed');
    await expectAccessible(page);
    await page.unroute('**/api/deals?*');
    await failed.locator('button', { hasText: /重\s*试/ }).click();
    await rows(page, 'deals').first().waitFor();
  });

  it('lets a leader read the approvals of their projects but not the region ledgers', async () => {
    const page = await ctx.page();
    await signIn(page, 'demo_leader');
    const menu = await menuEntries(page);
    expect(menu).toContain('审批事项');
    expect(menu).toContain('协调问题');
    expect(menu).not.toContain('签约项目');
    await open(page, '/ledgers/approvals');
    await settle(page);
    const regions = await rows(page, 'approvals').locator('td:nth-child(2)').allInnerTexts();
    for (const region of regions) expect(region).toBe('孟津县');
    expect(await page.locator('[data-testid="approvals-create"]').count()).toBe(0);
    await shot(page, 'approvals-leader');
    await expectAccessible(page);
    await open(page, '/ledgers/deals');
    expect(await page.locator('body').textContent()).toContain('无权访问');
    expect(ctx.errors(page)).toEqual([]);
  });
});

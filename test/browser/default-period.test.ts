// The default period (issue #16 item 1): a county officer saving a draft for the month still under
// way does not move the period the 驾驶舱 and the evaluation open at — the server's rule (GET
// /api/periods: the latest month that is over with submitted reports) — and the month picker marks
// the months that have data. Before, the web took the latest month with any report, so one early
// draft emptied everybody's charts. The draft is deleted at the end (the run's shared server).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, chromiumPath, open, settle, shot, signIn } from './harness';

interface Periods {
  month: string | null;
  quarter: string | null;
  months: { period: string; hasData: boolean }[];
}

/** "2021-12" → "2021年1-12月" (months are cumulative within the year). */
const monthLabel = (period: string) => {
  const [year, month] = period.split('-').map(Number);
  return month === 1 ? `${year}年1月` : `${year}年1-${month}月`;
};

/** Today's month in China ("2026-12"). */
const chinaMonth = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );

async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

async function periods(page: Page, region: string): Promise<Periods> {
  const answer = await page.request.get(`/api/periods?region=${region}`);
  expect(answer.status()).toBe(200);
  return (await answer.json()) as Periods;
}

/** Saves a draft for this month of the first of the county's projects that takes one; its id and version. */
async function draftForThisMonth(page: Page): Promise<{ id: number; version: number }> {
  const [year, month] = chinaMonth().split('-').map(Number);
  const token = await csrf(page);
  const list = await page.request.get('/api/projects?pageSize=20&sort=code');
  const projects = ((await list.json()) as { items: { id: number }[] }).items;
  for (const project of projects) {
    const created = await page.request.post('/api/reports', {
      data: { projectId: project.id, year, month, investYtd: '1', progressNote: '浏览器测试：本月草稿' },
      headers: { 'x-csrf-token': token },
    });
    if (created.status() === 201) return (await created.json()) as { id: number; version: number };
  }
  throw new Error('no project of the county took a draft for this month');
}

describe.skipIf(!chromiumPath())('default period (browser)', { timeout: 240_000 }, () => {
  const ctx = browserSuite();

  it('is not moved by a draft for the month under way, and the month picker marks the months with data', async () => {
    const page = await ctx.page();
    await signIn(page, 'demo_county');
    const before = await periods(page, '410322');
    expect(before.month).not.toBeNull();
    expect(before.month).not.toBe(chinaMonth());

    const draft = await draftForThisMonth(page);
    try {
      // The server's rule holds: the draft is counted, but as pending, and moves nothing.
      const after = await periods(page, '410322');
      expect(after.month).toBe(before.month);
      expect(after.months.find((m) => m.period === chinaMonth())).toMatchObject({ hasData: false });

      await open(page, '/');
      const title = page.locator('.sibi-page-title').first();
      await expect.poll(() => title.textContent(), { timeout: 30_000 }).toContain(monthLabel(before.month!));
      expect(await title.textContent()).not.toContain(monthLabel(chinaMonth()));

      // The picker opens at the default month's year; that month is marked, this month is not.
      await page.locator('[data-testid="period-picker"]').click();
      const marked = page.locator('.ant-picker-dropdown:visible .sibi-period-has-data');
      await marked.first().waitFor();
      const markedMonths = await marked.allInnerTexts();
      expect(markedMonths.map((text) => Number.parseInt(text, 10))).toContain(Number(before.month!.slice(5)));
      expect(await marked.first().getAttribute('title')).toBe('有已报送数据');
      await shot(page, 'default-period-picker');
      await page.keyboard.press('Escape');
      expect(ctx.errors(page)).toEqual([]);

      // The province officer's evaluation opens at the default quarter, not this month's.
      const province = await ctx.page();
      await signIn(province, 'demo_province');
      const provincial = await periods(province, '410000');
      await open(province, '/evaluation');
      await expect
        .poll(() => new URL(province.url()).searchParams.get('period'), { timeout: 30_000 })
        .toBe(provincial.quarter);
      const [year, month] = chinaMonth().split('-').map(Number);
      expect(provincial.quarter).not.toBe(`${year}Q${Math.ceil(month! / 3)}`);
      await settle(province);
      expect(ctx.errors(province)).toEqual([]);
    } finally {
      const removed = await page.request.delete(`/api/reports/${draft.id}?version=${draft.version}`, {
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(removed.status()).toBe(200);
    }
  });
});

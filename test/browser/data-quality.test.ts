// 数据质量检查 in the browser on the demo province: 洛阳市's 数据质量 page for 2020-09 lists the
// findings (each with its fix) and its counties' counts, filters to errors and widens to January–
// September; the page in English; a county's draft with a blank 形象进度 shows the finding on the
// fill page, and once submitted the city's review list counts it and shows the fix; a reports file
// whose September cumulative falls below August's shows the finding in the import's dry run.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
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

const findingRows = (page: Page) => page.locator('[data-testid="quality-findings"] .ant-table-row');

/** The report month the server fills now: the current month in China. */
function currentMonth(): { year: number; month: number } {
  const today = new Date(Date.now() + 8 * 3_600_000);
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
}

/** A write through the API as the page's account (the CSRF token comes from /api/auth/me). */
async function apiPost(page: Page, path: string, data: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return page.request.post(path, { data, headers: { 'x-csrf-token': me.csrfToken } });
}

describe.skipIf(!chromiumPath())('data quality (browser)', () => {
  const ctx = browserSuite();

  it('lists 洛阳市’s findings for 2020-09 with the fix, filters them and counts its counties', async () => {
    // The file's first page of demo_city: signed in through the login form, on the landing page.
    const page = await ctx.page({ as: 'demo_city' });
    page.setDefaultTimeout(60_000);
    expect(await menuEntries(page)).toContain('数据质量');
    await open(page, '/quality?period=2020-09');
    const summary = (await page.locator('[data-testid="quality-summary"]').textContent()) ?? '';
    expect(summary).toMatch(/月报 \d+ 份，无问题 \d+ 份（\d+\.\d%），错误 \d+ 条，提示 \d+ 条/);
    const rows = findingRows(page);
    await rows.first().waitFor();
    const lastMonth = await rows.count();
    expect(lastMonth).toBeGreaterThan(0);
    const first = (await rows.first().textContent()) ?? '';
    expect(first).toContain('9月');
    expect(first).toContain('处理：');
    const units = await page.locator('[data-testid="quality-units"] .ant-table-row').allTextContents();
    expect(units.some((u) => u.startsWith('孟津县'))).toBe(true);
    await shot(page, 'data-quality-city-2020-09');
    await expectAccessible(page);

    // errors only: no warning tag left in the list
    await page.locator('[data-testid="quality-severity"] .ant-segmented-item', { hasText: '错误' }).click();
    await settle(page);
    expect(
      await page.locator('[data-testid="quality-findings"] [data-testid="quality-warning"]').count(),
    ).toBe(0);
    expect(
      await page.locator('[data-testid="quality-findings"] [data-testid="quality-error"]').count(),
    ).toBeGreaterThan(0);

    // January to September: at least as many findings as September alone
    await page.locator('[data-testid="quality-severity"] .ant-segmented-item', { hasText: '全部' }).click();
    await page.locator('[data-testid="quality-span"] .ant-segmented-item', { hasText: '1月至本月' }).click();
    await page.waitForURL(/span=all/);
    await settle(page);
    await rows.first().waitFor();
    const span = (await page.locator('[data-testid="quality-summary"]').textContent()) ?? '';
    const reports = (text: string) => Number(/月报 (\d+) 份/.exec(text)![1]);
    expect(reports(span)).toBeGreaterThan(reports(summary));
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('reads in English', async () => {
    const page = await ctx.page({ locale: 'en', as: 'demo_city' });
    page.setDefaultTimeout(60_000);
    await open(page, '/quality?period=2020-09');
    await findingRows(page).first().waitFor();
    expect(await page.locator('.sibi-page-title').first().textContent()).toContain('Data-quality checks');
    expect((await page.locator('[data-testid="quality-summary"]').textContent()) ?? '').toMatch(
      /\d+ reports, \d+ without findings/,
    );
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'data-quality-en');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('shows a draft’s blank progress text on the fill page and counts it on the city’s review list', async () => {
    const { year, month } = currentMonth();
    const county = await ctx.page();
    county.setDefaultTimeout(60_000);
    await signIn(county, 'demo_county');
    const listed = await county.request.get('/api/projects?region=410322&pageSize=5&sort=code');
    const project = ((await listed.json()) as { items: { id: number; name: string }[] }).items[0]!;
    const created = await apiPost(county, '/api/reports', {
      projectId: project.id,
      year,
      month,
      investYtd: '1000000',
      started: true,
    });
    expect(created.status()).toBe(201);
    const draft = (await created.json()) as { id: number; version: number };

    await open(county, `/reports/fill?project=${project.id}&year=${year}&month=${month}`);
    const onFill = county.locator('[data-testid="report-quality"]');
    await onFill.waitFor();
    expect(await onFill.textContent()).toContain('形象进度未填');
    expect(await onFill.textContent()).toContain('处理：请填写本月形象进度');
    await shot(county, 'data-quality-fill');
    await expectAccessible(county);
    expect(ctx.errors(county)).toEqual([]);
    const submitted = await apiPost(county, `/api/reports/${draft.id}/submit`, { version: draft.version });
    expect(submitted.status()).toBe(200);

    const city = await ctx.page({ as: 'demo_city' });
    city.setDefaultTimeout(60_000);
    await open(city, '/reports/review');
    const row = city.locator('[data-testid="review-table"] .ant-table-row', { hasText: project.name });
    await row.waitFor();
    await row.locator('[data-testid="review-quality"]', { hasText: '提示 1' }).waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    const details = city.locator('[data-testid="report-quality"]');
    await details.waitFor();
    expect(await details.textContent()).toContain('形象进度未填');
    await shot(city, 'data-quality-review');
    await expectAccessible(city);
    expect(ctx.errors(city)).toEqual([]);
  });

  it('lists a falling cumulative among the import’s warnings, without rejecting the file', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    page.setDefaultTimeout(60_000);
    const listed = await page.request.get(
      '/api/reports?region=410322&year=2020&month=9&pageSize=1&sort=projectCode',
    );
    const report = ((await listed.json()) as { items: { projectCode: string; investYtd: string }[] })
      .items[0]!;
    expect(BigInt(report.investYtd)).toBeGreaterThan(10_000n);
    await open(page, '/import');
    await page.locator('[data-testid="import-kind"] label', { hasText: '月报' }).click();
    const file = `\uFEFF项目代码,年度,月份,累计完成投资(万元),是否开工,形象进度\n${report.projectCode},2020,10,1,是,十月\n`;
    await page
      .locator('.ant-upload input[type="file"]')
      .setInputFiles({ name: 'reports.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await page.locator('.ant-upload-list-item', { hasText: 'reports.csv' }).waitFor();
    await page.locator('[data-testid="import-check"]').click();
    await page.locator('[data-testid="import-dry-run"]').waitFor();
    const quality = page.locator('[data-testid="import-quality"]');
    await quality.waitFor();
    const text = (await quality.textContent()) ?? '';
    expect(text).toContain('数据质量检查：错误 1 条');
    expect(text).toContain('累计投资减少');
    expect(text).toContain('处理：');
    // a plausibility warning: the import may still be confirmed
    expect(await page.locator('[data-testid="import-confirm"]').isEnabled()).toBe(true);
    await shot(page, 'data-quality-import');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });
});

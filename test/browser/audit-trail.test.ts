// The audit trail of a month's work, found by the auditor in the browser: a county submits a
// report and the city approves it, the province publishes the 2020Q2 evaluation of the 三个一批
// scheme and downloads the 通报 (all through the API, with each account's own session); then the
// auditor filters the audit log page by action, picked by its Chinese name, and finds each event
// with its actor, in words (操作 and 对象 labelled; the approval's change field by field). On the run's
// shared server: its own project (孟津县's second; data-quality.test.ts reports on the first) and
// its own scheme and period (no other file publishes 三个一批 2020Q2).
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, DEMO_PASSWORD, open, shot } from './harness';

/** A browser context signed in through the API; returns its request client and CSRF token. */
async function apiSession(page: Page, username: string): Promise<{ http: APIRequestContext; csrf: string }> {
  const response = await page.request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(response.status(), `login ${username}`).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { http: page.request, csrf: csrfToken };
}

interface Report {
  id: number;
  version: number;
  state: string;
}

describe.skipIf(!chromiumPath())('audit trail (browser)', () => {
  const ctx = browserSuite();

  it('records the submit, approve, publish and bulletin download, and the auditor finds them', async () => {
    // 孟津县 fills and submits this month's report of one of its projects.
    const county = await apiSession(await ctx.page(), 'demo_county');
    const projects = await county.http.get('/api/projects?region=410322&pageSize=2&sort=code');
    const project = ((await projects.json()) as { items: { id: number; code: string }[] }).items[1]!;
    const now = new Date();
    const created = await county.http.post('/api/reports', {
      data: {
        projectId: project.id,
        year: now.getFullYear(),
        month: now.getMonth() + 1,
        investYtd: '123450000',
        progressNote: '审计追踪测试：本月按计划推进',
      },
      headers: { 'x-csrf-token': county.csrf },
    });
    expect(created.status()).toBe(201);
    const draft = (await created.json()) as Report;
    const submitted = await county.http.post(`/api/reports/${draft.id}/submit`, {
      data: { version: draft.version },
      headers: { 'x-csrf-token': county.csrf },
    });
    expect(submitted.status()).toBe(200);
    const report = (await submitted.json()) as Report;
    expect(report.state).toBe('submitted');

    // 洛阳市 approves it.
    const city = await apiSession(await ctx.page(), 'demo_city');
    const approved = await city.http.post(`/api/reports/${report.id}/approve`, {
      data: { version: report.version },
      headers: { 'x-csrf-token': city.csrf },
    });
    expect(approved.status()).toBe(200);
    expect(((await approved.json()) as Report).state).toBe('approved');

    // The province publishes 三个一批 2020Q2 and downloads its 通报.
    const province = await apiSession(await ctx.page(), 'demo_province');
    const published = await province.http.post('/api/evaluations', {
      // The demo's reports have data-quality errors: published past the publish gate with a reason.
      data: { scheme: 'sangeyipi-2022', period: '2020Q2', overrideReason: '浏览器测试：演示数据' },
      headers: { 'x-csrf-token': province.csrf },
    });
    expect(published.status()).toBe(201);
    const evaluationId = ((await published.json()) as { id: number }).id;
    const bulletin = await province.http.get(
      '/api/bulletins?scheme=sangeyipi-2022&period=2020Q2&format=docx',
    );
    expect(bulletin.status()).toBe(200);
    expect(bulletin.headers()['x-sibi-evaluation']).toBe(String(evaluationId));

    // The auditor finds each of them in the audit log page, filtering by action.
    const page = await ctx.page({ as: 'demo_auditor' });
    await open(page, '/admin/audit');
    const expected: [label: string, action: string, actor: string, target: string][] = [
      ['提交月报', 'report.submit', 'demo_county', project.code],
      ['审核通过月报', 'report.approve', 'demo_city', project.code],
      ['发布考评结果', 'evaluation.publish', 'demo_province', String(evaluationId)],
      ['下载通报', 'bulletin.download', 'demo_province', String(evaluationId)],
    ];
    for (const [label, action, actor, target] of expected) {
      // Typed in Chinese, the action picked from the list, then 查询.
      await page.locator('#audit-action').fill(label);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `· ${action}` })
        .click();
      await page.locator('.sibi-filter-form button[type="submit"]').click();
      await page.waitForURL((url) => url.searchParams.get('action') === action);
      // The row of this action on this target (the table may still show the previous filter's rows for
      // a moment; other files on the shared server submit 孟津县 reports too).
      const row = page
        .locator('[data-testid="audit-table"] .ant-table-row', { hasText: actor })
        .filter({ hasText: action })
        .filter({ hasText: target })
        .first();
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain(label);
      expect(text).toContain(action);
      expect(text).toContain(target);
      expect(text).toContain('成功');
      if (action === 'report.approve') {
        // Opened, the approval shows what changed field by field: the state and who approved it.
        await row.locator('.ant-table-row-expand-icon').click();
        const changes = page.locator('[data-testid="audit-changes"]').first();
        await changes.waitFor();
        const state = changes.locator('.ant-table-row', { hasText: '状态' });
        expect(await state.locator('td').allTextContents()).toEqual(['状态', '已提交', '→', '已审核']);
        expect(await changes.textContent()).toContain('审核人');
        expect(await changes.textContent()).not.toContain('{');
      }
      await shot(page, `audit-trail-${action.replace('.', '-')}`);
      await expectAccessible(page);
    }
    // The exports carry the filter: the Excel and the CSV of exactly what the page lists.
    const xlsx = await page.locator('[data-testid="audit-export-xlsx"]').getAttribute('href');
    expect(xlsx).toBe('/api/audit/export?action=bulletin.download&format=xlsx');
    const download = await page.request.get(xlsx!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(ctx.errors(page)).toEqual([]);
  }, 300_000);
});

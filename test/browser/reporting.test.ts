// Monthly reporting in the browser, the whole round: the county (孟津县) fills the current month's
// report of one of its projects and submits it; the city (洛阳市) returns it with a reason; the
// county sees the reason, fixes the amount and submits again; the city approves. Each step is
// checked on the page and through the API. Then the same county submission and the city's review
// on a phone (390×844), a correction of a locked 2020 report that needs a reason, a stale form
// (409), the overview with its missing reports, and the pages in English.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, open, settle, shot, signIn, untranslatedKeys } from './harness';

const STEP_MS = 240_000;
const RETURN_REASON = '累计投资与形象进度不符，请核实后重新填报';

interface ApiReport {
  id: number;
  state: string;
  investYtd: string;
  returnedReason: string | null;
  version: number;
  late: boolean;
}

interface ApiProject {
  id: number;
  code: string;
  name: string;
}

/** The report month the server fills now: the current month in China. */
function currentMonth(): { year: number; month: number } {
  const today = new Date(Date.now() + 8 * 3_600_000);
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 };
}

async function reportOf(
  page: Page,
  projectId: number,
  year: number,
  month: number,
): Promise<ApiReport | null> {
  const response = await page.request.get(`/api/reports?projectId=${projectId}&year=${year}&month=${month}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: ApiReport[] };
  return body.items[0] ?? null;
}

/** A write through the API as the page's account (the CSRF token comes from /api/auth/me). */
async function apiWrite(page: Page, method: 'PATCH' | 'POST', path: string, data: unknown) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  return page.request.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
}

/** Chooses a project in the fill page's picker by searching its code. */
async function pickProject(page: Page, project: ApiProject): Promise<void> {
  await page.locator('#report-project').click();
  await page.locator('#report-project').fill(project.code);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: project.name })
    .click();
  await page.waitForURL(new RegExp(`project=${project.id}`));
  await page.locator('[data-testid="report-status"]').waitFor();
  await settle(page);
}

describe.skipIf(!chromiumPath())('monthly reporting (browser)', () => {
  // Its own server: it sends an approved 2020-09 report of 孟津县 back to review (the 2020-09 figures
  // and 2020Q3 ranks other files check) and fills the current month of 孟津县's first projects.
  const ctx = browserSuite({ ownServer: 'it corrects an approved 2020-09 report of 孟津县' });
  const { year, month } = currentMonth();
  const projects: ApiProject[] = [];

  /**
   * A fresh browser context signed in as `username` (the file's first of each account through the
   * login form, the others with its session: harness `page({ as })`), blank until a test opens a
   * page. The machine may be slow: generous waits.
   */
  const signedIn = async (username: string, options?: Parameters<typeof ctx.page>[0]) => {
    const page = await ctx.page({ ...options, as: username });
    page.setDefaultTimeout(60_000);
    return page;
  };

  /** The review page's row (or phone card) of a project's report. */
  const reviewItem = async (
    page: Page,
    project: ApiProject,
    selector = '[data-testid="review-table"] .ant-table-row',
  ) => {
    await open(page, '/reports/review');
    const item = page.locator(selector, { hasText: project.name });
    await item.waitFor();
    return item;
  };

  beforeAll(async () => {
    const page = await signedIn('demo_county');
    const response = await page.request.get('/api/projects?region=410322&pageSize=5&sort=code');
    projects.push(...((await response.json()) as { items: ApiProject[] }).items);
    expect(projects.length).toBeGreaterThanOrEqual(5);
    await page.context().close();
  }, STEP_MS);

  it(
    'lets the county fill the current month from last month’s values, save a draft and submit it',
    async () => {
      const project = projects[0]!;
      // Through the login form: the test starts where signing in lands.
      const page = await ctx.page();
      page.setDefaultTimeout(60_000);
      await signIn(page, 'demo_county');
      await page
        .locator('[data-testid="side-menu"] .ant-menu-submenu-title', { hasText: '月报管理' })
        .click();
      await page.locator('[data-testid="side-menu"] .ant-menu-item', { hasText: '月报填报' }).click();
      await page.waitForURL(/\/reports\/fill/);
      // The current month is the default.
      expect(await page.locator('#report-month').inputValue()).toBe(`${year}年${month}月`);
      await pickProject(page, project);
      expect(new URL(page.url()).searchParams.get('project')).toBe(String(project.id));

      const status = (await page.locator('[data-testid="report-status"]').textContent()) ?? '';
      expect(status).toContain(project.name);
      expect(status).toContain('截止日期');
      expect(status).toContain('未填报');
      // Values carried from the last report are marked, with the copied-text hint.
      await page.locator('[data-testid="report-carried"]').waitFor();
      expect(await page.locator('[data-testid^="carried-"]').count()).toBeGreaterThan(0);
      await shot(page, 'report-fill-new');
      await expectAccessible(page);

      await page.locator('#report-invest').fill('1234.5678');
      await page.locator('#report-progress').fill('场平工程完成，主体基础施工，形象进度约 20%');
      expect(await page.locator('[data-testid="report-month-amount"]').textContent()).toContain(
        '本月完成投资',
      );
      await page.locator('[data-testid="report-save"]').click();
      await page.locator('.ant-message-success').waitFor();
      await page.locator('[data-testid="report-state"]', { hasText: '草稿' }).waitFor();
      const draft = await reportOf(page, project.id, year, month);
      expect(draft?.state).toBe('draft');
      // 1234.5678 万元 is exactly 12345678 元.
      expect(draft?.investYtd).toBe('12345678');

      await page.locator('[data-testid="report-submit"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '已提交' }).waitFor();
      const submitted = await reportOf(page, project.id, year, month);
      expect(submitted?.state).toBe('submitted');
      expect(submitted?.late).toBe(false);
      // Submitted: the form is read-only for the filler until it chooses to correct it.
      expect(await page.locator('[data-testid="report-submit"]').count()).toBe(0);
      expect(await page.locator('#report-invest').isDisabled()).toBe(true);
      await page.locator('[data-testid="report-start-correction"]').waitFor();
      await shot(page, 'report-fill-submitted');
      await expectAccessible(page);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'lets the city return the submitted report with a reason (required)',
    async () => {
      const project = projects[0]!;
      const page = await signedIn('demo_city');
      const row = await reviewItem(page, project);
      await shot(page, 'report-review-city');
      await expectAccessible(page);
      await row.locator('[data-testid="review-return"]').click();
      await page.locator('#return-ok').click();
      await page.locator('.ant-form-item-explain-error', { hasText: '请填写退回原因' }).waitFor();
      await page.locator('#return-reason').fill(RETURN_REASON);
      await shot(page, 'report-review-return-dialog');
      await expectAccessible(page);
      await page.locator('#return-ok').click();
      await page.locator('.ant-message-success').waitFor();
      await row.waitFor({ state: 'detached' });
      const returned = await reportOf(page, project.id, year, month);
      expect(returned?.state).toBe('returned');
      expect(returned?.returnedReason).toBe(RETURN_REASON);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'shows the county the reason; the county fixes the amount and submits again',
    async () => {
      const project = projects[0]!;
      const page = await signedIn('demo_county');
      await open(page, `/reports/fill?project=${project.id}&year=${year}&month=${month}`);
      await page.locator('[data-testid="report-returned"]').waitFor();
      expect(await page.locator('[data-testid="report-returned"]').textContent()).toContain(RETURN_REASON);
      await page.locator('[data-testid="report-state"]', { hasText: '已退回' }).waitFor();
      await shot(page, 'report-fill-returned');
      await expectAccessible(page);
      await page.locator('#report-invest').fill('1300');
      await page.locator('[data-testid="report-submit"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '已提交' }).waitFor();
      const again = await reportOf(page, project.id, year, month);
      expect(again?.state).toBe('submitted');
      expect(again?.investYtd).toBe('13000000');
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'lets the city approve it; the overview counts it as approved',
    async () => {
      const project = projects[0]!;
      const page = await signedIn('demo_city');
      const row = await reviewItem(page, project);
      // The row opens to what the filler wrote.
      await row.locator('.ant-table-row-expand-icon').click();
      await page.locator('.ant-table-expanded-row', { hasText: '形象进度约 20%' }).waitFor();
      await row.locator('[data-testid="review-approve"]').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.locator('.ant-message-success').waitFor();
      await row.waitFor({ state: 'detached' });
      expect((await reportOf(page, project.id, year, month))?.state).toBe('approved');

      await open(page, `/reports?year=${year}&month=${month}&state=approved`);
      await page
        .locator('[data-testid="overview-table"] .ant-table-row', { hasText: project.name })
        .waitFor();
      const approved = await page
        .locator('[data-testid="count-approved"] .ant-statistic-content')
        .textContent();
      expect(Number(approved)).toBeGreaterThanOrEqual(1);
      await shot(page, 'report-overview-approved');
      await expectAccessible(page);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'works on a phone: the county submits, the city reviews the cards (390×844)',
    async () => {
      const project = projects[1]!;
      const page = await signedIn('demo_county', { width: 390, height: 844 });
      await open(page, '/reports/fill');
      await pickProject(page, project);
      const invest = page.locator('#report-invest');
      await invest.fill('88.5');
      await page.locator('#report-progress').fill('现场踏勘完成，正在办理施工许可');
      // The form fits the phone's width: no control reaches past the right edge.
      for (const selector of ['#report-invest', '#report-progress', '[data-testid="report-submit"]']) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.x + box!.width, selector).toBeLessThanOrEqual(390);
      }
      await shot(page, 'report-fill-phone');
      await expectAccessible(page);
      await page.locator('[data-testid="report-submit"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '已提交' }).waitFor();
      const submitted = await reportOf(page, project.id, year, month);
      expect(submitted?.state).toBe('submitted');
      expect(submitted?.investYtd).toBe('885000');
      await shot(page, 'report-fill-phone-submitted');
      await expectAccessible(page);

      const city = await signedIn('demo_city', { width: 390, height: 844 });
      const card = await reviewItem(city, project, '[data-testid="review-card"]');
      expect(await city.locator('[data-testid="review-table"]').count()).toBe(0);
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await shot(city, 'report-review-phone');
      await expectAccessible(city);
      await card.locator('[data-testid="review-approve"]').click();
      await city.locator('.ant-popconfirm .ant-btn-primary').click();
      // the server's answer first (a failure would show as an error message), then the reloaded list
      await city.locator('.ant-message-success').waitFor();
      await card.waitFor({ state: 'detached' });
      expect((await reportOf(city, project.id, year, month))?.state).toBe('approved');
      expect([...ctx.errors(page), ...ctx.errors(city)]).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'asks for a reason before correcting a locked 2020 report, and sends it back to review',
    async () => {
      const page = await signedIn('demo_county');
      const list = (await (
        await page.request.get('/api/reports?region=410322&year=2020&month=9&state=approved&pageSize=1')
      ).json()) as { items: (ApiReport & { projectId: number })[] };
      const before = list.items[0]!;
      const project = { id: before.projectId };
      await open(page, `/reports/fill?project=${project.id}&year=2020&month=9`);
      await page.locator('[data-testid="report-locked"]').waitFor();
      expect(await page.locator('#report-problems').isDisabled()).toBe(true);
      await page.locator('[data-testid="report-start-correction"]').click();
      await page.locator('[data-testid="report-correction"]').waitFor();
      await page.locator('#report-problems').fill('补报：9月曾因征地问题停工一周');
      await page.locator('[data-testid="report-correct"]').click();
      await page.locator('.ant-form-item-explain-error', { hasText: '请填写更正原因' }).waitFor();
      expect((await reportOf(page, project.id, 2020, 9))?.version).toBe(before.version);
      await shot(page, 'report-correction-reason');
      await expectAccessible(page);
      await page.locator('#report-reason').fill('补充遗漏的问题说明');
      await page.locator('[data-testid="report-correct"]').click();
      await page.locator('.ant-message-success').waitFor();
      await page.locator('[data-testid="report-state"]', { hasText: '已提交' }).waitFor();
      const after = await reportOf(page, project.id, 2020, 9);
      expect(after?.state).toBe('submitted');
      expect(after?.version).toBeGreaterThan(before.version);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'says so when someone else changed the report since the form was read (409)',
    async () => {
      const project = projects[2]!;
      const page = await signedIn('demo_county');
      await open(page, `/reports/fill?project=${project.id}&year=${year}&month=${month}`);
      await page.locator('#report-invest').fill('10');
      await page.locator('[data-testid="report-save"]').click();
      await page.locator('[data-testid="report-state"]', { hasText: '草稿' }).waitFor();
      const draft = await reportOf(page, project.id, year, month);
      // Another session changes the draft behind this page's back.
      const other = await apiWrite(page, 'PATCH', `/api/reports/${draft!.id}`, {
        version: draft!.version,
        investYtd: '200000',
      });
      expect(other.status()).toBe(200);
      await page.locator('#report-invest').fill('30');
      await page.locator('[data-testid="report-save"]').click();
      await page.locator('[data-testid="report-conflict"]').waitFor();
      expect(await page.locator('[data-testid="report-conflict"]').textContent()).toContain('他人修改');
      await shot(page, 'report-fill-conflict');
      await expectAccessible(page);
      expect((await reportOf(page, project.id, year, month))?.investYtd).toBe('200000');
      await page.locator('[data-testid="report-conflict"] button').click();
      await page.locator('[data-testid="report-conflict"]').waitFor({ state: 'detached' });
      expect(await page.locator('#report-invest').inputValue()).toBe('20');
    },
    STEP_MS,
  );

  it(
    'shows the city the month’s missing reports (漏报) at a glance',
    async () => {
      const page = await signedIn('demo_city');
      const missing = (await (
        await page.request.get('/api/reports/missing?year=2021&month=11&pageSize=1')
      ).json()) as { total: number };
      expect(missing.total).toBeGreaterThan(0);
      await open(page, '/reports?year=2021&month=11');
      await page
        .locator('[data-testid="count-missing"] .ant-statistic-content', { hasText: String(missing.total) })
        .waitFor();
      await page.locator('[data-testid="count-missing"]').click();
      await page.waitForURL(/tab=missing/);
      await page.locator('[data-testid="missing-table"] .ant-table-row').first().waitFor();
      expect(await page.locator('[data-testid="missing-table"] .ant-table-row').count()).toBe(missing.total);
      await shot(page, 'report-overview-missing');
      await expectAccessible(page);
      await page.locator('[data-testid="count-late"]').click();
      await page.waitForURL(/late=true/);
      await settle(page);
      const lateRows = page.locator('[data-testid="overview-table"] .ant-table-row');
      await lateRows.first().waitFor();
      expect(await lateRows.first().textContent()).toContain('迟报');
      await shot(page, 'report-overview-late');
      await expectAccessible(page);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'lets the city review a whole page at once: nothing changes while one report moved, then all returned with one reason',
    async () => {
      const mine = [projects[3]!, projects[4]!];
      const county = await signedIn('demo_county');
      for (const project of mine) {
        const created = await apiWrite(county, 'POST', '/api/reports', {
          projectId: project.id,
          year,
          month,
          investYtd: '1000000',
        });
        const draft = (await created.json()) as ApiReport;
        expect(created.status()).toBe(201);
        const sent = await apiWrite(county, 'POST', `/api/reports/${draft.id}/submit`, {
          version: draft.version,
        });
        expect(sent.status()).toBe(200);
      }
      const page = await signedIn('demo_city');
      const rowOf = (project: ApiProject) =>
        page.locator('[data-testid="review-table"] .ant-table-row', { hasText: project.name });
      await open(page, `/reports/review?year=${year}&month=${month}`);
      for (const project of mine) await rowOf(project).waitFor();
      // Another reviewer approves the first behind this page's back: the page's approval changes nothing.
      const first = (await reportOf(page, mine[0]!.id, year, month))!;
      const other = await apiWrite(page, 'POST', `/api/reports/${first.id}/approve`, {
        version: first.version,
      });
      expect(other.status()).toBe(200);
      await page.locator('[data-testid="bulk-approve"]').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.locator('[data-testid="bulk-refused"]', { hasText: mine[0]!.name }).waitFor();
      expect(await page.locator('[data-testid="bulk-refused"]').textContent()).toContain('已审核');
      await shot(page, 'report-review-bulk-refused');
      await expectAccessible(page);
      expect((await reportOf(page, mine[1]!.id, year, month))?.state).toBe('submitted');
      await page.locator('.ant-modal-confirm-btns .ant-btn').click();
      // The list reloaded without the approved one; the rest returned with one reason.
      await rowOf(mine[0]!).waitFor({ state: 'detached' });
      await page.locator('[data-testid="bulk-return"]').click();
      await page.locator('#bulk-return-reason').fill(RETURN_REASON);
      await shot(page, 'report-review-bulk-return');
      await expectAccessible(page);
      await page.locator('#bulk-return-ok').click();
      await page.locator('.ant-message-success').waitFor();
      await rowOf(mine[1]!).waitFor({ state: 'detached' });
      expect(await reportOf(page, mine[1]!.id, year, month)).toMatchObject({
        state: 'returned',
        returnedReason: RETURN_REASON,
      });
    },
    STEP_MS,
  );

  it(
    'shows the reporting pages in English with every string translated',
    async () => {
      const project = projects[0]!;
      const page = await signedIn('demo_city', { locale: 'en' });
      for (const [path, name] of [
        [`/reports/fill?project=${project.id}&year=${year}&month=${month}`, 'report-fill-en'],
        ['/reports/review', 'report-review-en'],
        ['/reports?year=2021&month=11', 'report-overview-en'],
      ] as const) {
        await open(page, path);
        await page.locator('.sibi-page-title').waitFor();
        await settle(page);
        expect(await untranslatedKeys(page)).toEqual([]);
        // The title may name the region (data, in Chinese); the rest is English.
        const title = (await page.locator('.sibi-page-title').textContent()) ?? '';
        expect(title.replace('洛阳市', '')).not.toMatch(/[\u4e00-\u9fff]/);
        await shot(page, name);
        await expectAccessible(page);
      }
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );
});

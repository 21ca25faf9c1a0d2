// 综合考评 in the browser: the province officer runs the 2020Q3 draft (洛阳市 first among the
// cities), reads a score's explanation, looks at the robustness chart and what it takes, publishes
// (then verifies the hash), downloads the 通报 as .docx and reads it as HTML; the city officer sees
// the published result and has no way to publish (the API refuses too); the scheme viewer, and
// the editor: a broken copy lists its issues, a valid copy runs as a draft with ties (并列).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import {
  browserSuite,
  chromiumPath,
  open,
  SCREENSHOTS,
  settle,
  shot,
  signIn,
  untranslatedKeys,
} from './harness';

/** Each test runs a few evaluations, each some seconds on a busy machine. */
const TEST_TIMEOUT = 300_000;

/** A scheme copy whose tiers put many units on the same score. */
const TIED_SCHEME = `id: tie-test
version: "1"
name: 并列测试方案
total: 100
groups: [city, direct_county]
dimensions:
  - id: service
    name: 比服务看实效
    points: 100
    indicators:
      - id: on_time
        name: 信息按时报送率
        metric: reports.onTimeRate
        direction: higher_better
        points: 100
        rule:
          type: tiers
          tiers:
            - { threshold: 0.95, points: 100 }
            - { threshold: 0.9, points: 80 }
            - { threshold: 0, points: 60 }
`;

/** The session's CSRF token, for API calls made beside the UI with the page's cookies. */
async function csrf(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/** Picks an option of an antd Select by its visible text. */
async function choose(page: Page, selector: string, option: string): Promise<void> {
  await page.locator(selector).click({ force: true });
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/**
 * A full-page screenshot from the top: scrolled down, the shell's sticky header and menu would be
 * drawn in the middle of the picture.
 */
async function view(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
  await expectAccessible(page);
}

/**
 * A screenshot of a page showing a 通报 frame. The harness's shot waits for the network to go
 * idle, which Playwright never reports once an about:srcdoc frame is in the page; the frame's
 * own content being there is the wait here.
 */
async function frameShot(page: Page, frame: string, name: string): Promise<void> {
  await page.frameLocator(frame).locator('body').waitFor();
  await page.evaluate('window.scrollTo(0, 0)');
  if (process.env.SIBI_SCREENSHOTS !== '1') return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The part of a canvas element this file reads (the test code has no DOM types). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  } | null;
}

/** How many pixels of a canvas are drawn (not transparent). */
function drawnPixels(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const canvas = element as unknown as Canvas;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) drawn++;
      return drawn;
    });
}

describe.skipIf(!chromiumPath())('evaluation (browser)', () => {
  // Its own server: it publishes and revokes 2020Q3 of the 四比四看 scheme, the quarter whose draft
  // it checks (洛阳市 first) and which dashboard.test.ts publishes for its run of first places.
  const ctx = browserSuite({ ownServer: 'it publishes and revokes 2020Q3 of sibisikan-2020' });
  let period = '2020Q3';
  let publishedId = 0;

  it(
    'lets the province officer run the draft, explain a score, see robustness and publish',
    async () => {
      const page = await ctx.page();
      await signIn(page, 'demo_province');
      // Publish a period not published yet (a fresh demo database has none).
      const listed = await page.request.get('/api/evaluations?period=2020Q3');
      if (((await listed.json()) as { items: unknown[] }).items.length > 0) period = '2020Q2';
      const quarter = period.endsWith('Q3') ? '第三季度' : '第二季度';

      await page
        .locator('[data-testid="side-menu"] .ant-menu-submenu-title', { hasText: '综合考评' })
        .click();
      await page.locator('[data-testid="side-menu"] .ant-menu-item', { hasText: '考评结果' }).click();
      await settle(page);
      await choose(page, '#evaluation-period-year', '2020年');
      await choose(page, '#evaluation-period-part', quarter);
      expect(new URL(page.url()).searchParams.get('period')).toBe(period);
      await page.locator('[data-testid="run-draft"]').click();
      await page.locator('[data-testid="draft-banner"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-testid="draft-banner"]').textContent()).toContain('草稿');

      const cities = page.locator('[data-testid="results-city"] .ant-table-row');
      expect(await cities.count()).toBe(18);
      if (period === '2020Q3') {
        const first = await cities.first().textContent();
        expect(first).toContain('洛阳市');
        expect(await cities.first().locator('[data-testid="rank"]').textContent()).toBe('1');
      }
      expect(
        await page.locator('[data-testid="results-direct_county"] .ant-table-row').count(),
      ).toBeGreaterThan(0);
      await view(page, 'evaluation-draft');

      // A score explains itself: the engine's sentence, value, reference and points.
      await cities.first().locator('.ant-table-row-expand-icon').click();
      await page.locator('[data-testid="score-reserve_investment"]').first().click();
      const explanation = page.locator('[data-testid="explanation"]');
      await explanation.waitFor();
      const text = (await explanation.textContent()) ?? '';
      expect(text).toContain('储备项目总投资');
      expect(text).toMatch(/亿元/);
      expect(text).toContain('满分 6 分');
      await view(page, 'evaluation-explanation');
      await page.keyboard.press('Escape');

      // A dimension score opens the unit's drawer on that dimension.
      await cities.first().locator('[data-testid="dim-progress"]').click();
      await page.locator('.ant-drawer-title', { hasText: '洛阳市' }).waitFor();
      expect(await page.locator('.ant-drawer .ant-tabs-tab-active').textContent()).toContain('比开工看进度');
      await view(page, 'evaluation-unit-drawer');
      await page.locator('.ant-drawer-close').click();

      // Robustness: rank intervals drawn, P(first), sensitivity indices.
      await page.locator('.ant-tabs-tab', { hasText: '稳健性分析' }).click();
      await page.locator('[data-testid="rank-chart-city"] canvas').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(800);
      expect(await drawnPixels(page, '[data-testid="rank-chart-city"] canvas')).toBeGreaterThan(2000);
      const robustRows = page.locator('[data-testid="robustness-city"] .ant-table-row');
      expect(await robustRows.count()).toBe(18);
      expect(await robustRows.first().textContent()).toMatch(/\d+\.\d%/);
      expect(
        await page.locator('[data-testid="sensitivity-indices"] .ant-table-row').count(),
      ).toBeGreaterThan(2);
      await view(page, 'evaluation-robustness');

      // What it takes for the runner-up to move up one rank.
      await page.locator('.ant-tabs-tab', { hasText: '提升所需' }).click();
      await page
        .locator('[data-testid="what-it-takes-table"] .ant-table-row')
        .first()
        .waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-testid="what-it-takes"]').textContent()).toContain('第 2 名');
      await view(page, 'evaluation-what-it-takes');

      // Publish: a dialog that says it is final. The demo's reports still have data-quality errors, so
      // the publish gate refuses and says why in Chinese; the officer publishes with a reason.
      await page.locator('[data-testid="publish"]').click();
      const dialog = page.locator('.ant-modal', { has: page.locator('[data-testid="publish-confirm"]') });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('不可更改');
      await view(page, 'evaluation-publish-confirm');
      await page.locator('[data-testid="publish-confirm"]').click();
      const refusals = page.locator('[data-testid="gate-refusals"]');
      await refusals.waitFor({ timeout: 60_000 });
      expect(await refusals.textContent()).toMatch(/数据质量检查仍有 \d+ 处错误未解决：洛阳市 \d+ 处/);
      expect(await page.locator('[data-testid="publish-override"]').isDisabled()).toBe(true);
      const reason = '演示数据的质量问题已逐项核实，不影响本期排名';
      await page.locator('[data-testid="override-reason"]').fill(reason);
      expect(await page.locator('[data-testid="publish-override"]').isDisabled()).toBe(false);
      await view(page, 'evaluation-publish-gate');
      await page.locator('[data-testid="publish-override"]').click();
      // Publishing evaluates the quarter again and stores it with its hash: over 30 s on a loaded machine.
      await page.waitForURL(/\/evaluation\/results\/\d+/, { timeout: 150_000 });
      await page.locator('[data-testid="evaluation-hash"]').waitFor();
      publishedId = Number(await page.locator('[data-testid="evaluation-id"]').textContent());
      expect(publishedId).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="evaluation-hash"]').textContent()).toMatch(/^[0-9a-f]{64}$/);
      await page.locator('[data-testid="verify"]').click();
      await page.locator('[data-testid="verify-result"]').waitFor();
      expect(await page.locator('[data-testid="verify-result"]').textContent()).toBe('一致');
      expect(await page.locator('[data-testid="verify-current"]').textContent()).toContain(
        '与已发布结果相同',
      );
      expect(await page.locator('[data-testid="publish"]').count()).toBe(0);
      // The override is in the result's metadata, with the refusals it overrode.
      const gate = (await page.locator('[data-testid="publish-gate"]').textContent()) ?? '';
      expect(gate).toContain(`demo_province 说明理由后发布：${reason}`);
      expect(gate).toContain('数据质量检查仍有');
      await view(page, 'evaluation-published');

      // The 通报: a Word file and the same bulletin read in the page.
      await page.locator('.ant-tabs-tab', { hasText: '通报' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="bulletin-province-docx"]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/通报.*\.docx$/);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.length).toBeGreaterThan(10_000);
      await page.locator('[data-testid="bulletin-province-view"]').click();
      const frame = page.locator('[data-testid="bulletin-province-frame"]');
      await frame.waitFor();
      expect(await frame.getAttribute('srcdoc')).toContain('综合考评结果的通报');
      expect(
        await page.frameLocator('[data-testid="bulletin-province-frame"]').locator('body').textContent(),
      ).toContain('洛阳市');
      expect(await page.locator('[data-testid="bulletin-province-basis"]').textContent()).toContain(
        String(publishedId),
      );
      await frameShot(page, '[data-testid="bulletin-province-frame"]', 'evaluation-bulletin');
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the city officer the published result, without any way to publish',
    async () => {
      expect(publishedId).toBeGreaterThan(0);
      const page = await ctx.page();
      await signIn(page, 'demo_city');
      await open(page, '/evaluation');
      await page.locator(`[data-testid="open-${publishedId}"]`).waitFor();
      expect(await page.locator('[data-testid="run-draft"]').count()).toBe(0);
      await view(page, 'evaluation-list-city');
      await page.locator(`[data-testid="open-${publishedId}"]`).click();
      await page.locator('[data-testid="results-city"] .ant-table-row').first().waitFor();
      expect(await page.locator('[data-testid="publish"]').count()).toBe(0);
      expect(await page.locator('[data-testid="published-facts"]').textContent()).toContain('demo_province');
      await view(page, 'evaluation-published-city');

      // Its own unit's summary is offered first in the 通报 tab.
      await page.locator('.ant-tabs-tab', { hasText: '通报' }).click();
      expect(await page.locator('[data-testid="bulletin-unit"] .ant-card-extra').textContent()).toContain(
        '洛阳市',
      );
      await page.locator('[data-testid="bulletin-unit-view"]').click();
      await page.locator('[data-testid="bulletin-unit-frame"]').waitFor();
      expect(await page.locator('[data-testid="bulletin-unit-frame"]').getAttribute('srcdoc')).toContain(
        '洛阳市',
      );
      await frameShot(page, '[data-testid="bulletin-unit-frame"]', 'evaluation-bulletin-city');

      expect(await page.locator('[data-testid="revoke"]').count()).toBe(0);
      const refused = await page.request.post('/api/evaluations', {
        data: { period: '2020Q1' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(refused.status()).toBe(403);
      // Nor may the city override the publish gate or revoke the province's result.
      const overridden = await page.request.post('/api/evaluations', {
        data: { period: '2020Q1', overrideReason: '我们认为可以发布' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(overridden.status()).toBe(403);
      const revoked = await page.request.post(`/api/evaluations/${publishedId}/revoke`, {
        data: { reason: '我们认为应当撤销' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(revoked.status()).toBe(403);
      const draft = await page.request.post('/api/evaluations/draft', {
        data: { period: '2020Q1' },
        headers: { 'x-csrf-token': await csrf(page) },
      });
      expect(draft.status()).toBe(403);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the published result at a phone width and in English',
    async () => {
      const phone = await ctx.page({ width: 390, height: 844 });
      await signIn(phone, 'demo_city');
      await open(phone, `/evaluation/results/${publishedId}`);
      await phone.locator('[data-testid="results-city"] .ant-table-row').first().waitFor();
      await view(phone, 'evaluation-published-phone');
      expect(ctx.errors(phone)).toEqual([]);

      const page = await ctx.page({ locale: 'en' });
      await signIn(page, 'demo_province');
      await open(page, `/evaluation/results/${publishedId}`);
      await page.locator('[data-testid="results-city"] .ant-table-row').first().waitFor();
      expect(await page.locator('[data-testid="results-city"] thead').textContent()).toContain('Rank');
      await page.locator('.ant-tabs-tab', { hasText: 'Robustness' }).click();
      await page.locator('[data-testid="rank-chart-city"] canvas').waitFor({ timeout: 60_000 });
      // The publish gate's refusals, translated by their code.
      expect(await page.locator('[data-testid="publish-gate"]').textContent()).toMatch(
        /published by demo_province with the reason: .*data-quality errors are unresolved/,
      );
      await view(page, 'evaluation-published-en');
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows the schemes, lists a broken copy's issues and runs a valid copy with ties (并列)",
    async () => {
      const page = await ctx.page();
      await signIn(page, 'demo_province');
      await open(page, '/evaluation/schemes');
      const indicators = page.locator('[data-testid="scheme-indicators"] .ant-table-row');
      await indicators.first().waitFor();
      expect(await indicators.count()).toBe(17);
      expect(await page.locator('[data-testid="scheme-viewer"]').textContent()).toContain(
        '以本组最高值为满分',
      );
      await page.locator('.ant-collapse-header', { hasText: 'YAML' }).click();
      expect(await page.locator('[data-testid="scheme-yaml"]').textContent()).toContain('id: sibisikan-2020');
      await view(page, 'schemes-viewer');

      await page.locator('[data-testid="scheme-edit"]').click();
      const editor = page.locator('#scheme-text');
      await editor.waitFor();
      expect(await editor.inputValue()).toContain('id: sibisikan-2020');
      await editor.fill(TIED_SCHEME.replace('points: 100\n    indicators', 'points: 90\n    indicators'));
      await page.locator('[data-testid="scheme-validate"]').click();
      await page.locator('[data-testid="scheme-issues"]').waitFor();
      expect(await page.locator('[data-testid="scheme-issues"]').textContent()).toContain('90');
      // Each problem names its line and column in the copy (POST /api/schemes/check).
      expect(await page.locator('[data-testid="scheme-issues"]').textContent()).toMatch(
        /第 \d+ 行第 \d+ 列：/,
      );
      expect(await page.locator('[data-testid="scheme-run"]').isDisabled()).toBe(true);
      await view(page, 'schemes-editor-issues');

      await editor.fill(TIED_SCHEME);
      await page.locator('[data-testid="scheme-validate"]').click();
      await page.locator('[data-testid="scheme-valid"]').waitFor();
      // The province officer's check also weighs the copy on 2020Q3's data: nominal against effective.
      expect(await page.locator('[data-testid="scheme-weights"]').textContent()).toContain('有效权重');
      await page.locator('[data-testid="scheme-run"]').click();
      await page.locator('[data-testid="copy-draft"]').waitFor({ timeout: 60_000 });
      const ranks = await page.locator('[data-testid="results-city"] [data-testid="rank"]').allTextContents();
      expect(ranks).toContain('2（并列）');
      expect(ranks.filter((r) => r === '2（并列）').length).toBeGreaterThan(1);
      expect(await page.locator('.ant-tabs-tab', { hasText: '通报' }).count()).toBe(0);
      await view(page, 'schemes-copy-draft-ties');
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
  it(
    'revokes the published result with a reason: it stays readable, marked revoked, and leaves the list',
    async () => {
      expect(publishedId).toBeGreaterThan(0);
      const page = await ctx.page();
      await signIn(page, 'demo_province');
      await open(page, `/evaluation/results/${publishedId}`);
      await page.locator('[data-testid="revoke"]').click();
      const dialog = page.locator('.ant-modal', { has: page.locator('[data-testid="revoke-reason"]') });
      await dialog.waitFor();
      const ok = dialog.locator('.ant-btn-dangerous');
      expect(await ok.isDisabled()).toBe(true);
      await page.locator('[data-testid="revoke-reason"]').fill('洛阳市 9 月数据更正，撤销后重新发布');
      await ok.click();
      const banner = page.locator('[data-testid="revoked"]');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('洛阳市 9 月数据更正，撤销后重新发布');
      expect(await page.locator('[data-testid="revoke"]').count()).toBe(0);
      await view(page, 'evaluation-revoked');
      await open(page, '/evaluation');
      await page.locator('[data-testid="published-list"]').waitFor();
      expect(await page.locator(`[data-testid="open-${publishedId}"]`).count()).toBe(0);
      expect(ctx.errors(page)).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});

// Public results (#7) in the browser: the province officer publishes 2020Q3 (of the 三个一批 scheme:
// on the run's shared server no other file publishes it) and creates its public
// link on the published result's page; an anonymous visitor opens the short link /p/<slug>, lands on
// /public/<slug> without signing in, sees the published ranking, its hash and QR code (also in
// English), and gets nothing else without signing in; the demo's honours list is public the same
// way; once revoked, the page says the link is gone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, DEMO_PASSWORD, open, settle, shot, untranslatedKeys } from './harness';

async function signedInRequest(page: Page): Promise<string> {
  const login = await page.request.post('/api/auth/login', {
    data: { username: 'demo_province', password: DEMO_PASSWORD },
  });
  return ((await login.json()) as { csrfToken: string }).csrfToken;
}

/** The natural width of a loaded image (its decoding fails if it did not load). */
function imageWidth(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate(async (node) => {
    const img = node as unknown as { decode(): Promise<void>; naturalWidth: number };
    await img.decode();
    return img.naturalWidth;
  });
}

describe.skipIf(!chromiumPath())('public results (browser)', () => {
  const ctx = browserSuite();
  let slug = '';
  let publishedId = 0;

  it('lets the province officer make a published result public, with its short link and QR code', async () => {
    const page = await ctx.page();
    const csrfToken = await signedInRequest(page);
    const published = await page.request.post('/api/evaluations', {
      // The demo's reports have data-quality errors: published past the publish gate with a reason.
      data: { scheme: 'sangeyipi-2022', period: '2020Q3', overrideReason: '浏览器测试：演示数据' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(published.status()).toBe(201);
    publishedId = ((await published.json()) as { id: number }).id;
    // The page shares the context's session cookie from the API sign-in.
    await open(page, `/evaluation/results/${publishedId}`);
    const panel = page.locator('[data-testid="public-link-panel"]');
    await panel.locator('[data-testid="public-link-create"]').click();
    await panel.locator('[data-testid="public-link-url"]').waitFor();
    const url = (await panel.locator('[data-testid="public-link-url"]').textContent()) ?? '';
    expect(url).toMatch(new RegExp(`^${ctx.server.url}/p/[a-km-np-z2-9]{10}$`));
    slug = url.split('/p/')[1]!;
    expect(await imageWidth(page, '[data-testid="public-link-qr"]')).toBeGreaterThan(0);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'public-link-panel');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('opens the short link for an anonymous visitor: the published ranking, and nothing else without signing in', async () => {
    expect(slug).not.toBe('');
    const page = await ctx.page();
    await page.goto(`/p/${slug}`);
    await page.waitForURL(`**/public/${slug}`);
    await settle(page);
    await page.locator('[data-testid="public-page"]').waitFor();
    expect(await page.locator('[data-testid="public-title"]').textContent()).toContain('2020年第三季度');
    const cities = page.locator('[data-testid="public-group-city"] .ant-table-row');
    expect(await cities.count()).toBeGreaterThanOrEqual(17);
    // The same ranks as the published result: 1 first.
    expect((await cities.first().locator('td').first().textContent())?.trim()).toBe('1');
    expect(await page.locator('[data-testid="public-hash"]').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await imageWidth(page, '[data-testid="public-qr"]')).toBeGreaterThan(0);
    // No shell: no menu, no account.
    expect(await page.locator('[data-testid="side-menu"]').count()).toBe(0);
    expect(await page.locator('[data-testid="user-menu"]').count()).toBe(0);
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'public-results');
    await expectAccessible(page);
    // The print layout: no buttons, no coloured bar.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-testid="public-print"]').isVisible()).toBe(false);
    await shot(page, 'public-results-print');
    await page.emulateMedia({ media: 'screen' });
    expect(ctx.errors(page)).toEqual([]);

    // Any other page asks for a sign-in; the API refuses.
    await page.goto(`/evaluation/results/${publishedId}`);
    await page.locator('#login-username').waitFor();
    expect(await page.locator('[data-testid="public-page"]').count()).toBe(0);
    expect((await page.request.get(`/api/evaluations/${publishedId}`)).status()).toBe(401);
    expect((await page.request.get('/api/projects')).status()).toBe(401);

    const en = await ctx.page({ locale: 'en' });
    await en.goto(`/public/${slug}`);
    await en.locator('[data-testid="public-page"]').waitFor();
    expect(await en.locator('[data-testid="public-title"]').textContent()).toContain('Q3 2020');
    expect(await untranslatedKeys(en)).toEqual([]);
    await shot(en, 'public-results-en');
    await expectAccessible(en);
  });

  it('shows the demo’s published honours list by its public link', async () => {
    const office = await ctx.page();
    await signedInRequest(office);
    const lists = (await (await office.request.get('/api/honours')).json()) as {
      items: { id: number; title: string; publishedAt: string | null }[];
    };
    const demo = lists.items.find((l) => l.title === '2020年度省重点项目建设先进单位');
    expect(demo?.publishedAt).not.toBeNull();
    const link = (await (await office.request.get(`/api/honours/${demo!.id}/public-link`)).json()) as {
      link: { slug: string } | null;
    };
    expect(link.link).not.toBeNull();
    const page = await ctx.page();
    await page.goto(`/p/${link.link!.slug}`);
    await page.locator('[data-testid="public-honours"] .ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="public-honours"] .ant-table-row').count()).toBe(10);
    expect(await page.locator('[data-testid="public-title"]').textContent()).toBe(
      '2020年度省重点项目建设先进单位',
    );
    await shot(page, 'public-honours');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);

    // The office's page: the list, its entries and its public link.
    await office.goto('/evaluation/honours');
    await office.locator('[data-testid="user-menu"]').waitFor();
    await office.locator('[data-testid="honours-lists"] .ant-table-row').first().click();
    await office.locator('[data-testid="public-link-url"]').waitFor();
    expect(await office.locator('[data-testid="public-link-url"]').textContent()).toContain(
      `/p/${link.link!.slug}`,
    );
    expect(await untranslatedKeys(office)).toEqual([]);
    await shot(office, 'honours-office');
    await expectAccessible(office);
    expect(ctx.errors(office)).toEqual([]);
  });

  it('says the link is gone once the office revokes it', async () => {
    const page = await ctx.page({ as: 'demo_province' });
    await page.goto('/');
    await open(page, `/evaluation/results/${publishedId}`);
    await page.locator('[data-testid="public-link-revoke"]').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('[data-testid="public-link-create"]').waitFor();
    const visitor = await ctx.page();
    await visitor.goto(`/p/${slug}`);
    await visitor.locator('[data-testid="public-missing"]').waitFor();
    await expectAccessible(visitor);
    expect(await visitor.locator('[data-testid="public-page"]').count()).toBe(0);
  });
});

// Signing in through the browser: the demo accounts list, a wrong password, every demo account's
// menu, and the English interface; each page passes axe-core's WCAG 2 A/AA rules.
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
  signOut,
  untranslatedKeys,
} from './harness';

/** The administration entries each demo account sees (every account also has 驾驶舱). */
const ADMIN_ENTRIES: Record<string, string[]> = {
  demo_province: [],
  demo_city: [],
  demo_county: [],
  demo_owner: [],
  demo_leader: [],
  demo_viewer: [],
  demo_sysadmin: ['系统管理', '用户管理', '系统设置'],
  demo_secadmin: ['系统管理', '用户管理', '系统设置'],
  demo_auditor: ['系统管理', '审计日志'],
};
const ALL_ADMIN = ['系统管理', '用户管理', '审计日志', '系统设置'];

describe.skipIf(!chromiumPath())('signing in (browser)', () => {
  const ctx = browserSuite();

  it('shows the login page with the demo accounts; a click fills the form', async () => {
    const page = await ctx.page();
    await page.goto('/');
    await page.locator('[data-testid="demo-accounts"] [data-username]').first().waitFor();
    const listed = await page.locator('[data-testid="demo-accounts"] [data-username]').count();
    expect(listed).toBe(Object.keys(ADMIN_ENTRIES).length);
    await shot(page, 'login');
    await expectAccessible(page);
    await page.locator('[data-username="demo_city"]').click();
    expect(await page.locator('#login-username').inputValue()).toBe('demo_city');
    expect(await page.locator('#login-password').inputValue()).toBe('Sibi#Demo2020');
    expect(await page.title()).toContain('登录');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('says so when the password is wrong, and stays on the login page', async () => {
    const page = await ctx.page();
    await signIn(page, 'demo_viewer', { password: 'Wrong#Password1', expect: '[data-testid="login-error"]' });
    expect(await page.locator('[data-testid="login-error"]').textContent()).toContain('用户名或密码错误');
    expect(await page.locator('[data-testid="user-menu"]').count()).toBe(0);
    await shot(page, 'login-wrong-password');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it.each(Object.keys(ADMIN_ENTRIES))('signs in %s and shows the menu of its role', async (username) => {
    const page = await ctx.page();
    await signIn(page, username);
    await settle(page);
    const entries = await menuEntries(page);
    expect(entries[0]).toBe('驾驶舱');
    expect(entries.filter((e) => ALL_ADMIN.includes(e))).toEqual(ADMIN_ENTRIES[username]);
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, `dashboard-${username}`);
    await expectAccessible(page);
    await signOut(page);
    expect(await page.locator('[data-testid="login-notice"]').textContent()).toContain('已退出登录');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('opens a deep link after signing in, and answers an unknown address inside the shell', async () => {
    const page = await ctx.page();
    await page.goto('/admin/users');
    await signIn(page, 'demo_sysadmin');
    await page.locator('[data-testid="users-table"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await open(page, '/no/such/page');
    expect(await page.locator('.ant-result-title').textContent()).toBe('页面不存在');
    await expectAccessible(page);
    await open(page, '/admin/audit');
    expect(await page.locator('.ant-result-title').textContent()).toBe('无权访问');
    await shot(page, 'forbidden-sysadmin-audit');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('switches to English: menu, header and page in English, no key left untranslated', async () => {
    const page = await ctx.page();
    await page.goto('/');
    await page.locator('[data-testid="lang-switch"]').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: 'English' }).click();
    await page.locator('form button[type="submit"]', { hasText: 'Sign in' }).waitFor();
    await shot(page, 'login-en');
    await expectAccessible(page);
    await signIn(page, 'demo_province');
    // Signing in lands on the to-do list (待办); the dashboard is checked in English below.
    await page.waitForURL('**/todos');
    await open(page, '/');
    const entries = await menuEntries(page);
    expect(entries).toContain('Dashboard');
    for (const entry of entries) expect(entry).not.toMatch(/[\u4e00-\u9fff]/);
    const header = await page.locator('.sibi-header').textContent();
    expect(header).toContain('Province officer');
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(await page.locator('[data-testid="key-figures"]').textContent()).toContain('Investment to date');
    await shot(page, 'dashboard-demo_province-en');
    await expectAccessible(page);
    // The choice is remembered.
    await page.reload();
    await page.locator('[data-testid="user-menu"]').waitFor();
    expect(await page.locator('[data-testid="lang-switch"]').textContent()).toContain('English');
    expect(ctx.errors(page)).toEqual([]);
  });
});

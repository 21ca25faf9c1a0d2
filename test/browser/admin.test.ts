// The administration pages in the browser, with 三员分立: the system administrator creates an
// account (which must change its password at first sign-in), the security administrator changes
// roles and security settings, the auditor reads the login events. Also: idle sign-out, a session
// ended on the server, and the admin pages in English.
import { describe, expect, it } from 'vitest';
import { totp } from '../../src/services/auth/totp';
import { expectAccessible } from './axe';
import {
  browserSuite,
  chooseOption,
  chooseTreeNode,
  chromiumPath,
  menuEntries,
  open,
  settle,
  shot,
  signIn,
  signOut,
  untranslatedKeys,
} from './harness';

const NEW_USER = 'web_viewer';
const NEW_PASSWORD = 'Luoyang#Peony2024';

describe.skipIf(!chromiumPath())('administration (browser)', () => {
  // Its own server: it saves the report deadline (report.deadlineDay), which every report of the
  // server follows (the other files fill and correct reports).
  const ctx = browserSuite({ ownServer: 'it changes the report deadline setting' });
  let oneTimePassword = '';

  it('lets the system administrator create an account and shows its one-time password once', async () => {
    const page = await ctx.page({ as: 'demo_sysadmin' });
    await open(page, '/admin/users');
    await page.locator('[data-testid="users-table"] .ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="users-table"]').textContent()).toContain('demo_auditor');
    // Role changes belong to the security administrator: no such action here.
    expect(await page.locator('[data-testid="users-table"] button', { hasText: '修改角色' }).count()).toBe(0);
    await shot(page, 'users-sysadmin');
    await expectAccessible(page);

    await page.locator('[data-testid="user-create"]').click();
    await page.locator('#account-username').fill(NEW_USER);
    await page.locator('#account-display-name').fill('网页测试查看者');
    await chooseOption(page, '#account-role', '查看者');
    await chooseTreeNode(page, '#account-region', '洛阳', '洛阳市');
    await shot(page, 'users-create-dialog');
    await expectAccessible(page);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();

    const password = page.locator('[data-testid="one-time-password"]');
    await password.waitFor();
    oneTimePassword = ((await password.locator('code').textContent()) ?? '').trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(8);
    await shot(page, 'users-one-time-password');
    await expectAccessible(page);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();

    await page.locator('#users-q').fill(NEW_USER);
    await page.locator('#users-q').press('Enter');
    // The list answers the search after the new row already shows in the unfiltered list: read that row.
    const created = page.locator('[data-testid="users-table"] .ant-table-row', { hasText: NEW_USER });
    await created.waitFor();
    const row = await created.textContent();
    expect(row).toContain('洛阳市');
    expect(row).toContain('须改密码');
    expect(new URL(page.url()).searchParams.get('q')).toBe(NEW_USER);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('makes the new account change its password at first sign-in, then opens the shell', async () => {
    expect(oneTimePassword).not.toBe('');
    const page = await ctx.page();
    await signIn(page, NEW_USER, { password: oneTimePassword, expect: '#password-current' });
    await shot(page, 'password-forced');
    await expectAccessible(page);
    await page.locator('#password-current').fill(oneTimePassword);
    await page.locator('#password-new').fill(NEW_PASSWORD);
    await page.locator('#password-confirm').fill(NEW_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-testid="user-menu"]').waitFor();
    // the new password set, the account lands on its to-do list (待办); its dashboard is 洛阳市's
    await page.waitForURL('**/todos');
    await open(page, '/');
    expect(await page.locator('.sibi-page-header').textContent()).toContain('洛阳市');
    await page.locator('[data-testid="key-figures"]').waitFor();
    expect(ctx.errors(page)).toEqual([]);
  });

  it('lets the security administrator change roles and security settings, not create accounts', async () => {
    const page = await ctx.page({ as: 'demo_secadmin' });
    await open(page, `/admin/users?q=${NEW_USER}`);
    await page.locator('[data-testid="users-table"] .ant-table-row', { hasText: NEW_USER }).waitFor();
    expect(await page.locator('[data-testid="user-create"]').count()).toBe(0);
    const row = page.locator('[data-testid="users-table"] .ant-table-row', { hasText: NEW_USER });
    expect(await row.locator('button', { hasText: '停用' }).count()).toBe(0);
    await row.locator('button', { hasText: '修改角色' }).click();
    await page.locator('.ant-modal-title', { hasText: '修改角色' }).waitFor();
    await shot(page, 'users-change-role-secadmin');
    await expectAccessible(page);
    await page.locator('.ant-modal-footer .ant-btn', { hasText: /取\s*消/ }).click();

    await open(page, '/admin/settings');
    await page.locator('[data-testid="settings-security"]').waitFor();
    expect(await page.locator('[data-testid="settings-security"] button[type="submit"]').count()).toBe(1);
    expect(await page.locator('[data-testid="settings-report"] button[type="submit"]').count()).toBe(0);
    await shot(page, 'settings-secadmin');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('makes an account given an administrator role set up the authenticator, then asks for its codes', async () => {
    // The security administrator makes the new account an auditor.
    const secadmin = await ctx.page({ as: 'demo_secadmin' });
    await open(secadmin, `/admin/users?q=${NEW_USER}`);
    const row = secadmin.locator('[data-testid="users-table"] .ant-table-row', { hasText: NEW_USER });
    await row.locator('button', { hasText: '修改角色' }).click();
    await chooseOption(secadmin, '#account-role', '审计管理员');
    await secadmin.locator('.ant-modal-footer .ant-btn-primary').click();
    await row.locator('.ant-tag', { hasText: '审计管理员' }).waitFor();

    // Its next sign-in must first set up the authenticator: password, QR code and secret, a code.
    const page = await ctx.page();
    await signIn(page, NEW_USER, { password: NEW_PASSWORD, expect: '#totp-password' });
    await page.locator('#totp-password').fill(NEW_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    const secretText = page.locator('[data-testid="totp-secret"]');
    await secretText.waitFor();
    const secret = ((await secretText.textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await shot(page, 'totp-enrolment');
    await expectAccessible(page);
    await page.locator('#totp-code').fill(totp(secret, new Date()));
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-testid="user-menu"]').waitFor();
    expect(await menuEntries(page)).toContain('审计日志');

    // From now on the sign-in asks for a code (a later one: a code is accepted once).
    await signOut(page);
    await signIn(page, NEW_USER, { password: NEW_PASSWORD, expect: '#login-totp' });
    await shot(page, 'login-totp');
    await expectAccessible(page);
    await page.locator('#login-totp').fill(totp(secret, new Date(Date.now() + 30_000)));
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-testid="user-menu"]').waitFor();
    expect([...ctx.errors(secadmin), ...ctx.errors(page)]).toEqual([]);
  });

  it('saves a report setting as the system administrator', async () => {
    const page = await ctx.page({ as: 'demo_sysadmin' });
    await open(page, '/admin/settings');
    const report = page.locator('[data-testid="settings-report"]');
    await report.locator('#setting-report-deadlineDay').fill('6');
    await report.locator('button[type="submit"]').click();
    await page.locator('.ant-message-success').waitFor();
    await page.reload();
    await settle(page);
    expect(await page.locator('#setting-report-deadlineDay').inputValue()).toBe('6');
    await shot(page, 'settings-sysadmin');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('lets the auditor find the sign-in events, failed ones included, and export them', async () => {
    // Sign-ins of this test itself, so it does not depend on the others.
    await signIn(await ctx.page(), 'demo_sysadmin');
    const failed = await ctx.page();
    await signIn(failed, 'demo_city', {
      password: 'Not#The2Password',
      expect: '[data-testid="login-error"]',
    });

    const page = await ctx.page({ as: 'demo_auditor' });
    await open(page, '/admin/audit');
    await page.locator('#audit-action').fill('auth.login');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '· auth.login' })
      .click();
    await page.locator('.sibi-filter-form button[type="submit"]').click();
    await page.waitForURL(/action=auth\.login/);
    await settle(page);
    const table = page.locator('[data-testid="audit-table"]');
    const actions = await table.locator('.ant-table-row td:nth-child(4)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['登录auth.login']));
    const text = (await table.textContent()) ?? '';
    for (const who of ['demo_sysadmin', 'demo_auditor', 'demo_city']) expect(text).toContain(who);
    expect(text).toContain('失败');
    await table.locator('.ant-table-row-expand-icon:not(.ant-table-row-expand-icon-spaced)').first().click();
    await shot(page, 'audit-auditor');
    await expectAccessible(page);

    const href = await page.locator('[data-testid="audit-export"]').getAttribute('href');
    expect(href).toBe('/api/audit/export?action=auth.login');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('demo_city');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('signs out after 30 minutes without activity and says why', async () => {
    const page = await ctx.page();
    await page.clock.install();
    await signIn(page, 'demo_auditor');
    await page.clock.fastForward('30:30');
    await page.locator('[data-testid="login-notice"]').waitFor();
    expect(await page.locator('[data-testid="login-notice"]').textContent()).toContain('30 分钟未操作');
    await shot(page, 'login-idle');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('returns to the login page when the server no longer knows the session', async () => {
    // a context of its own: its cookies are cleared
    const page = await ctx.page({ as: 'demo_sysadmin', own: true });
    await open(page, '/admin/users');
    await page.context().clearCookies();
    await page.locator('.sibi-page-extra button', { hasText: /刷\s*新/ }).click();
    await page.locator('[data-testid="login-notice"]').waitFor();
    expect(await page.locator('[data-testid="login-notice"]').textContent()).toContain('会话已过期');
    // Signing in again returns to the same page.
    await signIn(page, 'demo_sysadmin', { expect: '[data-testid="users-table"]' });
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('shows the administration pages in English with every string translated', async () => {
    const sysadmin = await ctx.page({ locale: 'en', as: 'demo_sysadmin' });
    for (const [path, name] of [
      ['/admin/users', 'users-sysadmin-en'],
      ['/admin/settings', 'settings-sysadmin-en'],
    ] as const) {
      await open(sysadmin, path);
      expect(await untranslatedKeys(sysadmin)).toEqual([]);
      expect(await sysadmin.locator('.sibi-page-title').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
      await shot(sysadmin, name);
      await expectAccessible(sysadmin);
    }
    const auditor = await ctx.page({ locale: 'en', as: 'demo_auditor' });
    await open(auditor, '/admin/audit');
    expect(await untranslatedKeys(auditor)).toEqual([]);
    expect(await auditor.locator('[data-testid="side-menu"]').textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await shot(auditor, 'audit-auditor-en');
    await expectAccessible(auditor);
    expect([...ctx.errors(sysadmin), ...ctx.errors(auditor)]).toEqual([]);
  });
});

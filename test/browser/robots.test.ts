// 报送提醒群机器人 from the web (issue 16 item 2): the system administrator adds a region's 企业微信
// robot on the settings page, edits it to 钉钉 without retyping its address (the answers show it
// masked: the server keeps the stored one), previews the period's reminders (nothing sent or
// written), and deletes it; the security administrator sees the robots but no buttons. The robot's
// address is a local server that counts requests: the preview must send nothing. On the run's shared
// server: the robot is the test's own (孟津县's) and gone at the end; the preview writes nothing.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, open, signIn } from './harness';

describe.skipIf(!chromiumPath())('reminder robots (browser)', () => {
  const ctx = browserSuite();
  let hits = 0;
  const bot = createServer((_req, res) => {
    hits++;
    res.setHeader('content-type', 'application/json');
    res.end('{"errcode":0,"errmsg":"ok"}');
  });
  let base = '';
  beforeAll(async () => {
    bot.listen(0, '127.0.0.1');
    await once(bot, 'listening');
    base = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    bot.closeAllConnections();
    bot.close();
  });

  it('the system administrator adds, edits, previews and deletes a region robot', async () => {
    const page = await ctx.page();
    await signIn(page, 'demo_sysadmin');
    await open(page, '/admin/settings');
    const card = page.locator('[data-testid="settings-robots"]');
    await card.waitFor();

    await page.locator('[data-testid="robot-add"]').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('#robot-region').click();
    await page.keyboard.type('孟津');
    await page.locator('.ant-select-item-option', { hasText: '孟津' }).first().click();
    await dialog.locator('#robot-url').fill(`${base}/cgi-bin/webhook/send?key=browser-key-9876`);
    await expectAccessible(page, { context: '.ant-modal' });
    await dialog.locator('.ant-btn-primary').click();
    await page.locator('.ant-message-success').waitFor();
    const row = card.locator('[data-testid="robot-table"] tbody tr', { hasText: '孟津' });
    await expect(row.textContent()).resolves.toContain('企业微信群机器人');
    // The key is masked: only its last 4 characters.
    const shown = (await row.textContent()) ?? '';
    expect(shown).toContain('9876');
    expect(shown).not.toContain('browser-key');

    // Edit: 钉钉, the address left empty (kept), switched off.
    await row.locator('[data-testid="robot-edit"]').click();
    await dialog.locator('#robot-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '钉钉群机器人' }).click();
    await dialog.locator('#robot-enabled').click();
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => row.textContent(), { timeout: 30_000 }).toContain('钉钉群机器人');
    expect(await row.textContent()).toContain('9876');

    // The preview counts and sends nothing.
    await card.locator('[data-testid="robot-preview"]').click();
    const result = card.locator('[data-testid="robot-run-result"]');
    await result.waitFor();
    expect(await result.textContent()).toContain('预览，未发送');
    expect(hits).toBe(0);
    await expectAccessible(page);

    await row.locator('[data-testid="robot-delete"]').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.waitFor({ state: 'detached' });
    expect(ctx.errors(page)).toEqual([]);
  });

  it('the security administrator sees the robots and no buttons to change them', async () => {
    const page = await ctx.page();
    await signIn(page, 'demo_secadmin');
    await open(page, '/admin/settings');
    await page.locator('[data-testid="settings-robots"]').waitFor();
    expect(await page.locator('[data-testid="robot-add"]').count()).toBe(0);
    expect(await page.locator('[data-testid="robot-preview"]').count()).toBe(0);
  });
});

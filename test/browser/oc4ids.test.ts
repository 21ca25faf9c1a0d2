// 导出 OC4IDS in the browser: 洛阳市's officer downloads the 2020 province-list package from the
// projects page; the file is the API's package and valid against the published OC4IDS 0.9 schema.
// The English page names the button in English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateOc4idsPackage } from '../helpers/oc4ids';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, open, shot, untranslatedKeys } from './harness';

describe.skipIf(!chromiumPath())('OC4IDS export (browser)', () => {
  const ctx = browserSuite();

  it('downloads the city’s package from the projects page', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    page.setDefaultTimeout(60_000);
    await open(page, '/projects?year=2020&list=province_key');
    const button = page.locator('[data-testid="projects-oc4ids"]');
    await button.waitFor();
    expect(await button.textContent()).toContain('导出 OC4IDS');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('oc4ids-410300-2020.json');
    const pkg = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(validateOc4idsPackage(pkg).errors).toEqual([]);
    expect(pkg.publisher.name).toBe('河南省洛阳市重点项目办');
    expect(pkg.projects.length).toBeGreaterThan(100);
    for (const p of pkg.projects) expect(p.id).toMatch(/^oc4ids-sibi-410000-\d{4}-4103\d\d-/);
    const api = await page.request.get('/api/export/oc4ids?region=410300&year=2020&list=province_key');
    expect(api.status()).toBe(200);
    expect(await api.json()).toEqual(pkg);
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'projects-oc4ids');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('names the button in English', async () => {
    const page = await ctx.page({ locale: 'en', as: 'demo_city' });
    await open(page, '/projects');
    const button = page.locator('[data-testid="projects-oc4ids"]');
    await button.waitFor();
    expect(await button.textContent()).toContain('Export OC4IDS');
    expect(ctx.errors(page)).toEqual([]);
  });
});

// The import wizard in the browser: the county (孟津县) downloads the deals template, uploads a
// CSV with one bad row and sees that row's problems (row, column, value, reason) while the number
// of deals stays the same; then a good file: the dry run shows the column mapping and what would
// change (still nothing written), the confirmation imports it and the count grows by its rows.
// The upload is throttled once so the progress bar is seen moving.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, open, shot, untranslatedKeys } from './harness';

const STEP_MS = 300_000;
const HEADER =
  '签约项目名称,地区代码,投资方,投资方来源,500强类型,签约日期,合同投资额(万元),到位资金(万元),所属产业';
const GOOD_ROWS = [
  '孟津县网页导入测试新材料项目,410322,洛阳测试投资有限公司,省外,无,2020-08-15,52000,1200.5,新材料',
  '孟津县网页导入测试冷链物流园,410322,郑州测试物流有限公司,省内,中国500强,2020-09-02,31000,0,现代物流',
];
const BAD_ROW = '孟津县网页导入测试坏行项目,410322,某投资公司,火星,无,2020-08-40,abc,0,物流';

const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\n')}\n`, 'utf8');

async function dealCount(page: Page): Promise<number> {
  const response = await page.request.get('/api/deals?region=410322&pageSize=1');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

async function choose(page: Page, name: string, body: Buffer): Promise<void> {
  await page
    .locator('.ant-upload input[type="file"]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: body });
  await page.locator('.ant-upload-list-item', { hasText: name }).waitFor();
}

describe.skipIf(!chromiumPath())('import wizard (browser)', () => {
  // Its own server: it imports 孟津县 deals signed in 2020-08 and 2020-09 (2020Q3's scores, which
  // other files check) and counts 孟津县's deals, which ledgers.test.ts adds to.
  const ctx = browserSuite({ ownServer: 'it imports 孟津县 deals into 2020Q3' });

  it(
    'shows the bad row’s problems and writes nothing, then imports a good file after a dry run',
    async () => {
      const page = await ctx.page({ as: 'demo_county' });
      page.setDefaultTimeout(60_000);
      await open(page, '/import');
      // The monthly report form: the county's projects pre-listed for the month chosen.
      await page.locator('[data-testid="import-kind"] label', { hasText: '月报' }).click();
      const formHref = await page.locator('[data-testid="report-form"]').getAttribute('href');
      expect(formHref).toMatch(/^\/api\/templates\/reports\/form\?year=\d{4}&month=\d{1,2}$/);
      const form = await page.request.get(formHref!.replace(/year=\d+&month=\d+/, 'year=2020&month=9'));
      expect(form.status()).toBe(200);
      const formBook = new ExcelJS.Workbook();
      await formBook.xlsx.load((await form.body()) as never);
      const formSheet = formBook.worksheets[0]!;
      expect(formSheet.getRow(1).getCell(2).value).toBe('项目名称');
      const listed = (await (
        await page.request.get('/api/projects?year=2020&list=province_key&pageSize=1')
      ).json()) as { total: number };
      expect(listed.total).toBeGreaterThan(0);
      expect(formSheet.rowCount).toBe(1 + listed.total);
      await page.locator('[data-testid="import-kind"] label', { hasText: '招商签约' }).click();

      // Templates for the kind, as .csv and .xlsx.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="template-csv"]').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^deals-.*\.csv$/);
      const template = await page.request.get(
        (await page.locator('[data-testid="template-xlsx"]').getAttribute('href'))!,
      );
      expect(template.status()).toBe(200);
      expect(template.headers()['content-type']).toContain('spreadsheetml');

      const before = await dealCount(page);

      // Many good rows and one bad one, uploaded slowly: the progress bar shows the upload.
      const padding = Array.from({ length: 400 }, (_, i) =>
        GOOD_ROWS[0]!.replace('新材料项目', `新材料项目${i}`),
      );
      const badFile = csv([...padding, BAD_ROW]);
      await choose(page, 'deals-bad.csv', badFile);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: 8 * 1024,
      });
      await page.locator('[data-testid="import-check"]').click();
      await page.locator('[data-testid="import-progress"]', { hasText: '正在上传' }).waitFor();
      await shot(page, 'import-progress');
      await expectAccessible(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });

      const problems = page.locator('[data-testid="import-problems"]');
      await problems.waitFor({ timeout: 120_000 });
      const badRow = String(padding.length + 2); // the header is row 1
      const rows = problems.locator('.ant-table-row');
      expect(await rows.count()).toBe(3);
      const texts = await rows.allTextContents();
      for (const text of texts) expect(text.startsWith(badRow)).toBe(true);
      const all = texts.join('\n');
      for (const part of ['投资方来源', '火星', '签约日期', '2020-08-40', '合同投资额(万元)', 'abc']) {
        expect(all).toContain(part);
      }
      expect(await page.locator('[data-testid="import-result"]').textContent()).toContain('没有写入任何数据');
      await shot(page, 'import-rejected');
      await expectAccessible(page);
      expect(await dealCount(page)).toBe(before);
      // The same file back with a 错误说明 column, to fix in Excel: only the bad row has a note.
      const [marked] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid="error-workbook"]').click(),
      ]);
      expect(marked.suggestedFilename()).toBe('deals-bad-错误标注.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await marked.path());
      const sheet = book.getWorksheet('导入数据')!;
      const note = sheet.getRow(1).cellCount;
      expect(sheet.getRow(1).getCell(note).value).toBe('错误说明');
      expect(String(sheet.getRow(Number(badRow)).getCell(note).value)).toContain('投资方来源');
      expect(sheet.getRow(2).getCell(note).value ?? null).toBe(null);
      expect(await dealCount(page)).toBe(before);

      // A good file: the dry run shows the mapping and the counts, and still writes nothing.
      await page.locator('[data-testid="import-result"] button', { hasText: '重新选择文件' }).click();
      await choose(page, 'deals-good.csv', csv(GOOD_ROWS));
      await page.locator('[data-testid="import-check"]').click();
      const dryRun = page.locator('[data-testid="import-dry-run"]');
      await dryRun.waitFor({ timeout: 120_000 });
      const mapping = (await page.locator('[data-testid="import-columns"]').textContent()) ?? '';
      for (const part of ['签约项目名称', 'name', '合同投资额(万元)', 'contractAmount'])
        expect(mapping).toContain(part);
      const counts = await page.locator('[data-testid="import-counts"] .ant-statistic').allTextContents();
      expect(counts).toEqual(['数据行2', '将新增2', '将更新0', '无变化0']);
      await shot(page, 'import-dry-run');
      await expectAccessible(page);
      expect(await dealCount(page)).toBe(before);

      await page.locator('[data-testid="import-confirm"]').click();
      await page.locator('[data-testid="import-done"]').waitFor({ timeout: 120_000 });
      expect(await page.locator('[data-testid="import-done"]').textContent()).toContain('新增 2 行');
      await shot(page, 'import-done');
      await expectAccessible(page);
      expect(await dealCount(page)).toBe(before + 2);

      // The same file with one deal's investor and amount changed: the check names both cells,
      // before → after, and the import says so again when done.
      await page.locator('[data-testid="import-done"] button', { hasText: '再导入一个文件' }).click();
      const changed = GOOD_ROWS[0]!
        .replace('洛阳测试投资有限公司', '洛阳新测试投资有限公司')
        .replace(',52000,', ',52500.25,');
      await choose(page, 'deals-changed.csv', csv([changed, GOOD_ROWS[1]!]));
      await page.locator('[data-testid="import-check"]').click();
      await page.locator('[data-testid="import-dry-run"]').waitFor({ timeout: 120_000 });
      expect(await page.locator('[data-testid="import-counts"] .ant-statistic').allTextContents()).toEqual([
        '数据行2',
        '将新增0',
        '将更新1',
        '无变化1',
      ]);
      const changes = page.locator('[data-testid="import-changes"]');
      expect(await changes.locator('h5').textContent()).toBe('将更改的数据（共 1 行）');
      expect(await page.locator('[data-testid="import-changes-columns"] .ant-tag').allTextContents()).toEqual(
        ['投资方：1 行', '合同投资额(万元)：1 行'],
      );
      const cells = await changes.locator('.ant-table-row').allTextContents();
      expect(cells).toEqual([
        '2孟津县网页导入测试新材料项目 / 410322投资方洛阳测试投资有限公司洛阳新测试投资有限公司',
        '2孟津县网页导入测试新材料项目 / 410322合同投资额(万元)5200052500.25',
      ]);
      await shot(page, 'import-changes');
      await expectAccessible(page);
      await page.locator('[data-testid="import-confirm"]').click();
      await page.locator('[data-testid="import-done"]').waitFor({ timeout: 120_000 });
      expect(
        await page.locator('[data-testid="import-done"] [data-testid="import-changes"] h5').textContent(),
      ).toBe('更改的数据（共 1 行）');
      expect(await dealCount(page)).toBe(before + 2);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'shows the wizard in English with every string translated',
    async () => {
      const page = await ctx.page({ locale: 'en', as: 'demo_province' });
      page.setDefaultTimeout(60_000);
      await open(page, '/import');
      await page.locator('[data-testid="import-kind"]').waitFor();
      expect(await untranslatedKeys(page)).toEqual([]);
      expect(await page.locator('.sibi-page-title').textContent()).toBe('Import data');
      await shot(page, 'import-en');
      await expectAccessible(page);
      expect(ctx.errors(page)).toEqual([]);
    },
    STEP_MS,
  );
});

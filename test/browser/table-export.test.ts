// 导出Excel (issue 16 item 5) in the browser: after a filter and a sort are set on the page, the
// download holds exactly the table on screen — the same headers (units included) and, row for row,
// the same cells on every page — for the project list and a ledger; read back with exceljs.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { pickOption } from './form-helpers';
import { browserSuite, chromiumPath, open, settle, untranslatedKeys } from './harness';

const table = (page: Page, id: string) => page.locator(`[data-testid="${id}-table"]`);

/**
 * The headers and every row of a server-paged table, page after page through the address (where the
 * table keeps its page), the actions column left out.
 */
async function screenTable(page: Page, id: string, total: number) {
  const headers = (await table(page, id).locator('thead th').allInnerTexts()).map((text) => text.trim());
  const width = headers.includes('操作') || headers.includes('Actions') ? headers.length - 1 : headers.length;
  const rows: string[][] = [];
  const address = new URL(page.url());
  for (let n = 1; rows.length < total; n++) {
    address.searchParams.set('page', String(n));
    await open(page, `${address.pathname}${address.search}`);
    await table(page, id).locator('.ant-table-row').first().waitFor();
    await settle(page);
    // one read per page (the test code has no DOM types, hence the text); a project's 红黄绿灯 badge
    // dresses its name on screen, the file has the name alone
    const shown = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid="${id}-table"] .ant-table-row')].map((tr) =>
        [...tr.querySelectorAll(':scope > td')].slice(0, ${width}).map((td) => {
          const badge = [...td.querySelectorAll('[data-testid^="light-"]')].map((b) => b.innerText).join('');
          return td.innerText.trim().slice(badge.length).trim();
        }))`,
    )) as string[][];
    rows.push(...shown);
  }
  return { headers: headers.slice(0, width), rows };
}

/** The list's total as the paging row says it. */
async function totalOf(page: Page): Promise<number> {
  return Number(/\d+/.exec((await page.locator('.ant-pagination-total-text').textContent()) ?? '')?.[0]);
}

/** Clicks 导出Excel and reads the download: the header row and each row as the screen words it. */
async function downloaded(page: Page, id: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="${id}-export"]`).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as never);
  const sheet = workbook.worksheets[0]!;
  const text = (cell: ExcelJS.Cell) => {
    if (cell.value === null || cell.value === undefined || cell.value === '') return '—';
    if (typeof cell.value !== 'number') return String(cell.value);
    const digits = /^0\.(0+)$/.exec(cell.numFmt ?? '')?.[1]?.length ?? 0;
    return cell.value.toFixed(digits);
  };
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: width }, (_, i) => text(row.getCell(i + 1))));
  });
  return { name: download.suggestedFilename(), headers: rows[0]!, rows: rows.slice(1) };
}

describe.skipIf(!chromiumPath())('导出Excel (browser)', { timeout: 300_000 }, () => {
  const ctx = browserSuite();

  it('exports the filtered, sorted project list, every page, as it reads on screen', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, '/projects?pageSize=100');
    await table(page, 'projects').locator('.ant-table-row').first().waitFor();
    await pickOption(page, '#projects-filter-year', '2020年', '2020');
    await pickOption(page, '#projects-filter-nature', '新开工');
    await page.locator('[data-testid="projects-search"]').click();
    await settle(page);
    const header = table(page, 'projects').locator('th', { hasText: '总投资（万元）' });
    await header.click();
    await settle(page);
    await header.click();
    await settle(page);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({
      year: '2020',
      nature: 'new',
      sort: '-totalInvestment',
    });
    await expectAccessible(page);
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(100); // more than one page

    const file = await downloaded(page, 'projects');
    const screen = await screenTable(page, 'projects', total);
    expect(file.name).toBe('项目列表.xlsx');
    expect(file.headers).toEqual(screen.headers);
    expect(file.headers).toContain('总投资（万元）');
    expect(screen.rows).toHaveLength(total);
    expect(file.rows).toEqual(screen.rows);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('exports a ledger with its filter and sort, every page, in English when the UI is', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await ctx.page({ as: 'demo_city', locale });
      await open(page, '/ledgers/approvals?pageSize=10');
      await table(page, 'approvals').locator('.ant-table-row').first().waitFor();
      await pickOption(page, '#approvals-filter-done', locale === 'en' ? 'Not done' : '未办结');
      await page.locator('[data-testid="approvals-search"]').click();
      await settle(page);
      await table(page, 'approvals')
        .locator('th', { hasText: locale === 'en' ? 'Due' : '办结时限' })
        .click();
      await settle(page);
      expect(new URL(page.url()).searchParams.get('sort')).toBe('dueDate');
      expect(new URL(page.url()).searchParams.get('done')).toBe('false');
      await expectAccessible(page);

      const file = await downloaded(page, 'approvals');
      const screen = await screenTable(page, 'approvals', await totalOf(page));
      expect(file.name).toBe(locale === 'en' ? 'Approval items.xlsx' : '审批事项.xlsx');
      expect(file.headers).toEqual(screen.headers);
      expect(screen.rows.length).toBeGreaterThan(10);
      expect(file.rows).toEqual(screen.rows);
      expect(ctx.errors(page)).toEqual([]);
    }
  });
});

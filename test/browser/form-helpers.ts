// Driving antd form controls from the browser tests: a select's option, a date typed into a date
// picker, the error text under a field, a figure of a figures strip.
import type { Page } from 'playwright-core';

/**
 * Opens the select whose input has this selector and clicks the option with this text (typing
 * `search` first into a searchable select, for an option scrolled out of its list).
 */
export async function pickOption(
  page: Page,
  selector: string,
  text: string | RegExp,
  search?: string,
): Promise<void> {
  await page.locator(selector).click();
  if (search) await page.keyboard.type(search);
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first();
  await option.waitFor();
  await option.click();
  // A click that lands while the list is still sliding in can miss its option and leave the list
  // open over the next field: wait for it to close, clicking the option again if it stays open.
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await open.first().waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch {
      if (await option.isVisible()) await option.click();
    }
  }
  await open.first().waitFor({ state: 'hidden' });
}

/** Types a date (YYYY-MM-DD) into a date picker and confirms it. */
export async function typeDate(page: Page, selector: string, date: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The error text shown under the form field whose input has this id. */
export async function fieldError(page: Page, id: string): Promise<string> {
  const item = page.locator('.ant-form-item', { has: page.locator(`#${id}`) });
  const error = item.locator('.ant-form-item-explain-error').first();
  await error.waitFor();
  return (await error.textContent()) ?? '';
}

/** The value shown for a metric in a figures strip ("346", "2653.6亿元"). */
export async function figure(page: Page, strip: string, metric: string): Promise<string> {
  const value = page.locator(
    `[data-testid="figures-${strip}"] [data-testid="figure-${metric}"] .ant-statistic-content`,
  );
  await value.waitFor();
  return ((await value.textContent()) ?? '').trim();
}

/** Waits until a figure differs from `before` and returns the new value. */
export async function figureChanged(
  page: Page,
  strip: string,
  metric: string,
  before: string,
): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await figure(page, strip, metric);
    if (now !== before || Date.now() > deadline) return now;
    await page.waitForTimeout(200);
  }
}

/** Clicks the primary button of the open dialog (保存 / 确定), a form's or a confirmation's. */
export async function confirmDialog(page: Page): Promise<void> {
  const form = '.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary';
  const confirmation = '.ant-modal-wrap:visible .ant-modal-confirm-btns .ant-btn-primary';
  await page.locator(`${form}, ${confirmation}`).last().waitFor();
  const ok = page.locator(confirmation).last();
  if ((await ok.count()) === 0) {
    await page.locator(form).last().click();
    return;
  }
  // A confirmation (删除？) closes on its click; a click that lands during its opening animation can be
  // lost on a busy machine, so click again until it closes (clicking it twice cannot act twice: it is
  // gone, or its button is loading and ignores clicks). A form's 保存 is clicked once (never twice).
  for (let attempt = 0; attempt < 3; attempt++) {
    await ok.click({ timeout: 10_000 }).catch(() => undefined);
    const closed = await page
      .locator('.ant-modal-confirm')
      .last()
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (closed) return;
  }
}

// Waiting for a page to come to rest, by its state rather than by the clock: no request of the page
// in flight (counted from the page's own request events), no spinner, no enter or leave animation
// running. Used by harness.settle/shot and by axe.ts (which serves scripts outside Vitest too, so
// nothing here imports Vitest).
import type { Page, Request } from 'playwright-core';

/** How long the page's requests must stay at none before the page counts as quiet. */
const QUIET_MS = 250;

interface Traffic {
  inFlight: Set<Request>;
  changed: number;
}
const traffic = new WeakMap<Page, Traffic>();

/** Counts the page's requests in flight from now on (before its first navigation). */
export function trackRequests(page: Page): void {
  const state: Traffic = { inFlight: new Set(), changed: Date.now() };
  traffic.set(page, state);
  const ended = (request: Request) => {
    state.inFlight.delete(request);
    state.changed = Date.now();
  };
  page.on('request', (request) => {
    state.inFlight.add(request);
    state.changed = Date.now();
  });
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  // A link that turns into a download may end without either event.
  page.on('download', (download) => {
    for (const request of state.inFlight) if (request.url() === download.url()) ended(request);
  });
}

/**
 * Counts now as the page's last activity: the next networkQuiet waits QUIET_MS from here at least
 * (after an in-app navigation, whose requests start a moment later).
 */
export function markActivity(page: Page): void {
  const state = traffic.get(page);
  if (state) state.changed = Date.now();
}

/**
 * Resolves once none of the page's requests has been in flight for QUIET_MS (Playwright's
 * 'networkidle' waits 500 ms of quiet on every call, and never comes with an about:srcdoc frame).
 * A page not tracked waits for 'networkidle'. Throws after `timeout` ms unless `lenient`.
 */
export async function networkQuiet(page: Page, { timeout = 60_000, lenient = false } = {}): Promise<void> {
  const state = traffic.get(page);
  if (!state) {
    const idle = page.waitForLoadState('networkidle', { timeout });
    await (lenient ? idle.catch(() => {}) : idle);
    return;
  }
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = Date.now();
    if (state.inFlight.size === 0 && now - state.changed >= QUIET_MS) return;
    if (now > deadline) {
      if (lenient) return;
      throw new Error(`the page still had ${state.inFlight.size} request(s) in flight after ${timeout} ms`);
    }
    await new Promise((resolve) =>
      setTimeout(resolve, state.inFlight.size === 0 ? QUIET_MS - (now - state.changed) : 50),
    );
  }
}

/** Resolves once no spinner shows (the page's data has arrived), or after 20 s. */
export async function spinnersGone(page: Page): Promise<void> {
  await page
    .locator('.ant-spin-spinning, .sibi-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => {});
}

/**
 * Resolves once no finite animation or transition runs and no element is in an antd (rc-motion)
 * enter or leave state, or after 3 s: what a screenshot or axe's contrast check must not catch
 * half-way (text fading in measured half-transparent). Endless ones (a spinner, a pulsing badge)
 * are not waited for.
 */
export async function animationsDone(page: Page): Promise<void> {
  // Polled with page.evaluate, not page.waitForFunction: Playwright's waitForFunction runs its
  // predicate through the page's own eval, which the app's Content Security Policy refuses (the
  // refusal surfaced as a page error and the wait returned at once); evaluate goes through the
  // DevTools protocol, which the policy does not govern.
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline) {
    const still = await page.evaluate(stillMoving).catch(() => false);
    if (!still) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Run in the page (a string: the server's TypeScript has no DOM): whether a finite animation runs or an element is in a motion state. */
const stillMoving = `(() => {
  const moving = document.getAnimations().some((a) => {
    if (a.playState !== 'running' && a.playState !== 'pending') return false;
    const timing = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : null;
    return !timing || timing.iterations !== Infinity;
  });
  if (moving) return true;
  const motion = /-(appear|enter|leave)(-(prepare|start|active))?$/;
  for (const el of document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]'))
    for (const name of el.classList) if (motion.test(name)) return true;
  return false;
})()`;

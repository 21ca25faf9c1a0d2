// axe-core's WCAG 2 A/AA rules in the browser tests (GB/T 37668 asks the same of public pages).
//
//   await expectAccessible(page);            // 0 violations on what the page shows now
//   await expectAccessible(page, { context: '.ant-modal' });  // only an open dialog
//
// The page's CSP does not apply to page.evaluate, so axe-core is injected as a script text.
// A failing assertion lists one line per rule: id, impact, node count and the first targets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { animationsDone, networkQuiet, spinnersGone } from './settled';

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Known false positives, left out on every page (rules stay on for everything else):
 * - the unit after a disabled input ("万元" in a locked report): WCAG 1.4.3 exempts text that is
 *   part of an inactive control, but antd writes the suffix beside the <input disabled>, in a span
 *   axe does not see as part of it.
 * - the text of a disabled upload area (the file box while an import is being checked): the same
 *   exemption; antd's drag area is a div whose disabled state axe cannot see.
 */
const FALSE_POSITIVES = [
  '.ant-input-affix-wrapper-disabled > .ant-input-suffix',
  '.ant-upload-disabled .ant-upload-text',
  '.ant-upload-disabled .ant-upload-hint',
];

export interface AxeOptions {
  /** A CSS selector to check instead of the whole document (e.g. an open dialog). */
  context?: string;
  /**
   * Nodes to leave out, by CSS selector. Only for a proven false positive: say why where it is
   * passed. Rules are never switched off.
   */
  exclude?: string[];
}

interface AxeNode {
  target: string[];
  failureSummary?: string;
  colours?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now, one readable line each. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  // As harness.settle (not imported: this file also serves scripts run outside Vitest), but never
  // failing: Playwright never reports network idle once an about:srcdoc frame is in the page.
  await networkQuiet(page, { timeout: 10_000, lenient: true });
  await spinnersGone(page);
  // antd's enter animations (fading text would be measured half-transparent).
  await animationsDone(page);
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // In every frame (a 通报 preview is an about:srcdoc frame): axe checks each frame with its own copy.
  for (const frame of page.frames()) {
    if (!(await frame.evaluate('typeof window.axe === "object"'))) await frame.evaluate(axeSource);
  }
  const violations = (await page.evaluate(
    async ({ tags, context, exclude }) => {
      // In the page: its globals are not typed here (the test's tsconfig has no DOM library).
      const page = globalThis as unknown as {
        axe: { run(scope: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
        document: unknown;
      };
      const axe = page.axe;
      // Without `include`, axe checks the whole document.
      const scope: Record<string, string[][]> = {};
      if (context) scope.include = [[context]];
      if (exclude.length) scope.exclude = exclude.map((s: string) => [s]);
      const result = await axe.run(context || exclude.length ? scope : page.document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v: AxeViolation) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          failureSummary: n.failureSummary,
          // color-contrast says which colours: "#8c8c8c on #ffffff 3.36"
          colours: (n as unknown as { any: { data?: Record<string, unknown> }[] }).any
            .map((c) => c.data)
            .filter((d) => d?.fgColor)
            .map((d) => `${d!.fgColor} on ${d!.bgColor} ${d!.contrastRatio}`)[0],
        })),
      }));
    },
    {
      tags: WCAG_TAGS,
      context: options.context ?? null,
      exclude: [...FALSE_POSITIVES, ...(options.exclude ?? [])],
    },
  )) as AxeViolation[];
  return violations.map((v) => {
    // The first node of each distinct pair of colours, else the first three nodes.
    const pairs = new Map<string, AxeNode>();
    for (const n of v.nodes) if (n.colours && !pairs.has(n.colours)) pairs.set(n.colours, n);
    const targets = pairs.size
      ? [...pairs].map(([colours, n]) => `${n.target.join(' ')} (${colours})`).join(' | ')
      : v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ');
    const why = v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? '';
    return `${v.id} (${v.impact}) ×${v.nodes.length}: ${targets} — ${v.help}${why ? ` [${why}]` : ''}`;
  });
}

/** Expects 0 WCAG 2 A/AA violations; the failure message names each rule and its first nodes. */
export async function expectAccessible(page: Page, options?: AxeOptions): Promise<void> {
  const { expect } = await import('vitest');
  expect(await axeViolations(page, options)).toEqual([]);
}

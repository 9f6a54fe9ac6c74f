/** Runs axe-core on what the page shows and fails on any serious or critical violation, listed so a person can fix it. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './portal';

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Tabster's focus sentinels: the empty `<i data-tabster-dummy aria-hidden tabindex=0>` Fluent's keyboard
 * navigation puts around tab lists, toolbars, menus and dialogs. They hand focus on the moment they get it
 * and are hidden so screen readers never stop on them; axe's aria-hidden-focus cannot tell (a known false
 * positive: microsoft/tabster#288, and Accessibility Insights skips them too). Only these leave the rule;
 * any other hidden focusable element still fails it.
 */
function isFocusSentinel(violation: Result, node: Result['nodes'][number]): boolean {
  return violation.id === 'aria-hidden-focus' && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(node.html);
}

function describe(violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ');
    return `    ${node.target.join(' ')}\n      ${summary}`;
  });
  return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...nodes].join('\n');
}

/**
 * Checks the whole page as it is now; `screen` names it in the failure, e.g. "queue, dark theme". A button
 * that was just enabled (a dialog's confirm once its field is filled) fades from its disabled colours in a
 * CSS transition; axe reads the colours of the moment, so the check waits for running transitions to end.
 */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isFocusSentinel(violation, node)) }))
    .filter((violation) => violation.nodes.length > 0);
  // Soft: one run lists every screen's violations, not only the first screen's.
  expect.soft(blocking.map(describe).join('\n'), `accessibility violations on ${screen}`).toBe('');
}

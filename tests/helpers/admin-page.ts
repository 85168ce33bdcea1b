/** Driving the admin view at /admin in a Playwright page: log in, find a comment's card, run axe-core, move by keyboard. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function logIn(page: Page, serverUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${serverUrl}/admin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).waitFor();
}

/** The card of the comment whose text contains `text`. */
export function card(page: Page, text: string): Locator {
  return page.locator('riposte-admin-comment', { hasText: text });
}

/**
 * axe-core's violations on the page (shadow DOM included). The page's policy allows scripts
 * from its own origin only, so axe is added by the browser driver, which CSP does not govern;
 * once per document (the admin view moves between its views without loading a new one).
 * Every rule runs; `resultTypes` only spares axe building selectors for the nodes that pass
 * (axe's API, "Performance"), which this function never reads.
 */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Violations = { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(options: { resultTypes: string[] }): Promise<Violations> } }).axe;
    const { violations } = await axe.run({ resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** The focused element's accessible text, looking inside shadow roots. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement && el.labels?.[0]?.textContent) ?? '';
    return `${el.tagName.toLowerCase()} ${label || el.textContent || ''}`.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's text matches, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, match: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match.test(await focusedText(page))) return;
  }
  throw new Error(`Tab never reached ${match} (last: ${await focusedText(page)})`);
}

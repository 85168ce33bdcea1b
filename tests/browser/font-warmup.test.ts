/**
 * While the comments are on their way, the thread lays out hidden text in every font its first
 * comments are drawn with (widget/font-warmup.ts), so Chromium looks those fonts up before the
 * frame that shows the comments; readers neither see nor hear that text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser.ts';

const demo = useDemoBrowser();

/** Each font (style, weight, size, family) that text in `selector`'s subtrees of the thread's shadow root is drawn with. */
function fontsIn(page: Page, selector: string): Promise<string[]> {
  return page.locator('riposte-thread').evaluate((thread, selector) => {
    const fonts = new Set<string>();
    for (const root of thread.shadowRoot!.querySelectorAll(selector))
      for (const element of [root, ...root.querySelectorAll('*')])
        if ([...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())) {
          const style = getComputedStyle(element);
          fonts.add(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`);
        }
    return [...fonts].sort();
  }, selector);
}

describe('fonts looked up while the comments load', () => {
  it('lays out hidden text in each font of the first comments, out of sight and out of the accessibility tree', async () => {
    // The thread's answer waits until the warm-up has been read, as on a slow network.
    let answer!: () => void;
    const held = new Promise<void>((release) => (answer = release));
    await demo.page.route('**/api/v1/threads?*', async (route) => {
      await held;
      await route.continue();
    });
    await demo.page.goto(demo.stack.blogUrl);
    const warmup = demo.page.locator('riposte-thread .font-warmup');
    await warmup.waitFor({ state: 'attached' });
    expect(await warmup.isVisible()).toBe(false);
    expect(await demo.page.getByRole('heading', { name: 'a', exact: true }).count()).toBe(0);
    const warmed = await fontsIn(demo.page, '.font-warmup');

    answer();
    // The widget's own drawing has replaced the thread the server drew into the demo's page.
    await demo.page.locator('riposte-thread > .riposte-html').waitFor({ state: 'detached' });
    expect(await warmup.count()).toBe(0);
    const drawn = await fontsIn(demo.page, 'header, .sort, .comments');
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.filter((font) => !warmed.includes(font))).toEqual([]);
  });
});

/**
 * The thread as the server draws it into the blog's own page (GET /api/v1/threads/html), in
 * Chromium: read with JavaScript off, and taken over by the widget with JavaScript on, no
 * comment ever off screen meanwhile. Prints the takeover's Cumulative Layout Shift (the
 * PerformanceObserver's 'layout-shift' entries without recent input), beside the same page
 * without the server's markup: a figure for the README, not an assertion. Without that markup,
 * the widget draws the first comments in a frame of their own and the rest in the next ones.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { useTestBlog } from '../helpers/test-blog.ts';
import { pageForm } from '../helpers/thread-page.ts';

const demo = useDemoBrowser({ admin: true, timeout: 15_000 });
const blog = useTestBlog(demo);
const PAGE_ID = 'marine-le-pen-moscow-2017';

async function fragment(): Promise<string> {
  const res = await fetch(`${demo.stack.server.url}/api/v1/threads/html?page=${PAGE_ID}`);
  expect(res.status).toBe(200);
  return res.text();
}

/** A post with the thread (the server's markup inside, or nothing) and a footer after it; returns its address. */
function blogPage(name: string, inside: string): string {
  blog.pages.set(
    `/${name}`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
    <style>body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }</style></head>
    <body><h1>A post</h1><p>What the post says, in one short paragraph.</p>
    <script type="module" src="${demo.stack.server.url}/embed.js"></script>
    <riposte-thread id="comments" page-id="${PAGE_ID}">${inside}</riposte-thread>
    <footer>The blog's footer</footer></body></html>`,
  );
  return `${blog.server.origin}/${name}`;
}

/** Watches the page from its first byte: layout shifts, and the fewest comments on screen in any frame once there were some. */
const WATCH = () => {
  const seen = { shifts: [] as number[], fewest: Number.POSITIVE_INFINITY, frames: 0 };
  Object.assign(window, { riposteWatch: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) seen.shifts.push(entry.value);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const onScreen = (root: ParentNode | null | undefined) =>
    root ? [...root.querySelectorAll('article[id^="comment-"]')].filter((article) => article.checkVisibility()).length : 0;
  const sample = () => {
    const thread = document.querySelector('riposte-thread');
    const shown = onScreen(thread) + onScreen(thread?.shadowRoot);
    if (shown > 0 || seen.frames > 0) {
      seen.frames++;
      seen.fewest = Math.min(seen.fewest, shown);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
};

interface Watched {
  shifts: number[];
  fewest: number;
  frames: number;
}

/** Opens the page, waits until the widget drew the thread and its form, and returns what was watched. */
async function openAndWatch(page: Page, url: string): Promise<Watched> {
  await page.addInitScript(WATCH);
  await page.goto(url);
  await page.getByRole('heading', { name: '9 Responses' }).waitFor();
  await pageForm(page).waitFor();
  // Two more frames, so a shift caused by the last drawing is reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => Reflect.get(window, 'riposteWatch') as Watched);
}

const cls = (shifts: number[]) => shifts.reduce((sum, value) => sum + value, 0);

describe('the thread in the page’s own HTML', () => {
  it('is read without JavaScript: every comment, its author and date, and a link to comment', async () => {
    const markup = await fragment();
    const url = blogPage('no-script', markup);
    const context = await demo.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(url);
      const articles = page.locator('riposte-thread article.h-entry');
      const expected = (markup.match(/class="riposte-comment h-entry/g) ?? []).length;
      expect(expected).toBeGreaterThanOrEqual(9);
      expect(await articles.count()).toBe(expected);
      for (const article of await articles.all()) {
        expect(await article.isVisible()).toBe(true);
        expect((await article.locator('.p-author').textContent())?.trim()).toBeTruthy();
        expect(await article.locator('time.dt-published').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect((await article.locator('.e-content').textContent())?.trim()).toBeTruthy();
      }
      await expect(page.getByRole('heading', { name: '9 Responses' }).isVisible()).resolves.toBe(true);
      const respond = page.getByRole('link', { name: 'Leave a Reply' });
      expect(await respond.isVisible()).toBe(true);
      expect(await respond.getAttribute('href')).toMatch(/#respond$/);
    } finally {
      await context.close();
    }
  });

  it('is taken over by the widget in the same order, no comment off screen in any frame; prints the layout shift', async () => {
    // A pinned response (Claire's, the second) and a pinned reply (Dmitri's, the second answer to Sarah's)
    // come first among their siblings, in the server's markup as in the widget's.
    const { comments } = demo.stack.server.store;
    await comments.setPinned(4, true);
    await comments.setPinned(9, true);
    try {
      const markup = await fragment();
      const order = [...markup.matchAll(/<article [^>]*id="comment-(\d+)"/g)].map((m) => Number(m[1]));
      expect(order).toEqual([4, 5, 1, 2, 3, 6, 7, 9, 8]);
      expect(markup.match(/riposte-pinned/g)).toHaveLength(2);
      const figures: string[] = [];
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 390, height: 844 },
      ]) {
        await demo.page.setViewportSize(viewport);
        const taken = await openAndWatch(demo.page, blogPage(`takeover-${viewport.width}`, markup));
        // Every comment was on screen in every frame: the server's until the widget's replaced them all at once.
        expect(taken.fewest).toBe(order.length);
        const drawn = await demo.page.locator('riposte-thread').evaluate((el) => ({
          order: [...el.shadowRoot!.querySelectorAll('article')].map((article) => Number(article.id.replace('comment-', ''))),
          pinned: el.shadowRoot!.querySelectorAll('[part="pinned"]').length,
        }));
        expect(drawn).toEqual({ order, pinned: 2 });

        const reader = await demo.newReader();
        await reader.setViewportSize(viewport);
        const bare = await openAndWatch(reader, blogPage(`bare-${viewport.width}`, ''));
        await reader.context().close();
        figures.push(
          `${viewport.width}x${viewport.height}: CLS ${cls(taken.shifts).toFixed(4)} taking over the server's markup (${taken.shifts.length} shifts), ` +
            `${cls(bare.shifts).toFixed(4)} without it (${bare.shifts.length} shifts)`,
        );
      }
      console.log(`Layout shift, seed thread (9 comments, 2 pinned), Chromium:\n  ${figures.join('\n  ')}`);
    } finally {
      // The next test reads the seed thread as it was.
      await comments.setPinned(4, false);
      await comments.setPinned(9, false);
    }
  });

  it('without it, the widget draws the first six comments in a frame of their own, then the rest', async () => {
    const page = await demo.newReader();
    // The comments in the widget's shadow tree, in every frame from the first that had some.
    await page.addInitScript(() => {
      const frames: number[] = [];
      Object.assign(window, { riposteFrames: frames });
      const sample = () => {
        const drawn = document.querySelector('riposte-thread')?.shadowRoot?.querySelectorAll('article[id^="comment-"]').length ?? 0;
        if (drawn || frames.length) frames.push(drawn);
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.goto(blogPage('chunks', ''));
    await page.getByRole('heading', { name: '9 Responses' }).waitFor();
    await expect.poll(() => page.evaluate(() => (Reflect.get(window, 'riposteFrames') as number[]).at(-1))).toBe(9);
    const frames = (await page.evaluate(() => Reflect.get(window, 'riposteFrames'))) as number[];
    expect(frames[0]).toBe(6);
    await page.context().close();
  });
});

/**
 * A thread that reads in pages, in Chromium: the first page drawn with the whole thread's count,
 * "Show more comments" (also past a response moderated since its page was loaded), a long run of
 * replies folded behind "Show N more replies", and a permalink that opens the page and the fold
 * holding its comment.
 */
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { growDemoThread, type GrownThread } from '../helpers/big-demo-thread.ts';
import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { comment, isHighlighted, gotoPost } from '../helpers/thread-page.ts';

const demo = useDemoBrowser();
let grown: GrownThread;

// The seed's 9 comments (2 responses), 40 more responses and 7 replies to the first of them: 56
// comments, 42 responses, read 20 responses to a page.
beforeAll(async () => {
  grown = await growDemoThread(demo.stack, 40, 7);
});

async function open(hash = '') {
  await gotoPost(demo.page, demo.stack.blogUrl + hash);
  await demo.page.getByRole('heading', { name: '56 Responses' }).waitFor();
}

/** The ids of the responses to the page drawn, in order. */
function responsesDrawn(page: Page = demo.page): Promise<number[]> {
  return page
    .locator('riposte-thread')
    .evaluate((thread) =>
      [...thread.shadowRoot!.querySelectorAll('.comments > li > article')].map((article) => Number(article.id.replace('comment-', ''))),
    );
}

const more = (page: Page = demo.page) => page.getByRole('button', { name: 'Show more comments' });

describe('a thread read in pages', () => {
  it('draws the first page with the whole count, and "Show more comments" until the last, focus on the first new one', async () => {
    await open();
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses.slice(0, 18)]);
    await more().click();
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses.slice(0, 38)]);
    // Keyboard and screen reader users go on where the new comments start.
    await expect.poll(() => comment(demo.page, grown.responses[18]!).evaluate((a) => a.matches(':focus'))).toBe(true);
    await more().click();
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses]);
    await expect(more().count()).resolves.toBe(0);
    await expect(demo.page.getByRole('heading', { name: '56 Responses' }).isVisible()).resolves.toBe(true);
  });

  it('goes on past the last response of the page when it was moderated after the page was loaded, what is drawn staying', async () => {
    await open();
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses.slice(0, 18)]);
    // The cursor of the next page names this response; it goes to spam while the reader reads.
    const { store } = demo.stack.server;
    const last = grown.responses[17]!;
    await store.comments.setStatus([last], 'spam');
    onTestFinished(async () => {
      await store.comments.setStatus([last], 'approved');
    });
    await more().click();
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses.slice(0, 38)]);
    await expect.poll(() => comment(demo.page, grown.responses[18]!).evaluate((a) => a.matches(':focus'))).toBe(true);
    await expect(demo.page.locator('.more .notice').count()).resolves.toBe(0);
  });

  it('folds a long run of replies after three, and "Show 4 more replies" shows the rest', async () => {
    await open();
    const { replies } = grown;
    for (const id of replies.slice(0, 3)) await expect(comment(demo.page, id).isVisible()).resolves.toBe(true);
    await expect(comment(demo.page, replies[3]!).count()).resolves.toBe(0);
    const fold = demo.page.getByRole('button', { name: 'Show 4 more replies' });
    await fold.focus();
    await demo.page.keyboard.press('Enter');
    for (const id of replies) await comment(demo.page, id).waitFor();
    await expect(fold.count()).resolves.toBe(0);
    await expect.poll(() => comment(demo.page, replies[3]!).evaluate((a) => a.matches(':focus'))).toBe(true);
  });

  it('opens a permalink to a comment on a later page: that page is loaded and the comment highlighted; the pages between follow', async () => {
    const last = grown.responses.at(-1)!;
    await open(`#comment-${last}`);
    await expect.poll(() => isHighlighted(demo.page, last)).toBe(true);
    await expect(comment(demo.page, last).isVisible()).resolves.toBe(true);
    // The first page and the one that holds it (the last: its two responses), with the second page between them to load.
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses.slice(0, 18), ...grown.responses.slice(38)]);
    await more().first().click();
    await expect.poll(() => responsesDrawn()).toEqual([1, 4, ...grown.responses]);
    // The loaded runs meet once the page after the second is asked for: nothing is listed twice.
    await more().click();
    await expect.poll(() => more().count()).toBe(0);
    expect(await responsesDrawn()).toEqual([1, 4, ...grown.responses]);
  });

  it('opens a permalink to a folded reply: its run of replies unfolds', async () => {
    const folded = grown.replies[5]!;
    await open(`#comment-${folded}`);
    await expect.poll(() => isHighlighted(demo.page, folded)).toBe(true);
    await expect(comment(demo.page, folded).isVisible()).resolves.toBe(true);
    await expect(demo.page.getByRole('button', { name: /more replies/ }).count()).resolves.toBe(0);
  });
});

describe('a thread read in pages, on a server that keeps no thread in memory (as after a restart)', () => {
  const cold = useDemoBrowser({ env: () => ({ RIPOSTE_CACHE_MB: '0' }) });
  // The seed's 9 comments (2 responses) and 20 more responses: a first page of 20 responses, then 2.
  let responses: number[];
  beforeAll(async () => {
    ({ responses } = await growDemoThread(cold.stack, 20, 0));
  });

  it('says so when the next page cannot be had, keeping what is drawn and the button', async () => {
    const { page } = cold;
    await gotoPost(page, cold.stack.blogUrl);
    await expect.poll(() => responsesDrawn(page)).toEqual([1, 4, ...responses.slice(0, 18)]);
    // The page's last response and all after it erased: the cursor names no comment the server can place.
    const nobody = { userIds: [], addresses: [], secretHashes: [], likerHashes: [] };
    await cold.stack.server.store.privacy.erase(nobody, { placeholders: [], removed: responses.slice(17) });
    // The writing side's strings are here (the form is drawn): the reader's words for the server's error.
    await page.getByRole('button', { name: 'Post Comment' }).waitFor();
    await more(page).click();
    const notice = page.locator('.more .notice');
    await expect
      .poll(() => notice.textContent())
      .toBe('Comments could not be loaded. The comment server could not find this; it may have been deleted.');
    expect(await responsesDrawn(page)).toEqual([1, 4, ...responses.slice(0, 18)]);
    await expect(more(page).isVisible()).resolves.toBe(true);
  });
});

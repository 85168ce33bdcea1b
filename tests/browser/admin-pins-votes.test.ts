/**
 * Pins and votes in the admin view, in Chromium: the owner pins a comment (first in the thread
 * readers see, marked) and unpins it, lists pinned comments and comments by score with their
 * votes, and turns votes off, on, or on with downvotes in a site's Rules.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, logIn } from '../helpers/admin-page.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/admin-session.ts';
import { useDemoBrowser } from '../helpers/demo-browser.ts';
import { comment, nesting, gotoPost } from '../helpers/thread-page.ts';

const demo = useDemoBrowser({ admin: true });

/** A reader's view of the demo thread, in a browser of its own. */
async function reader(): Promise<Page> {
  const page = await demo.newReader();
  await gotoPost(page, demo.stack.blogUrl);
  await page.getByRole('heading', { name: /Responses?$/ }).waitFor();
  return page;
}

const responses = async (page: Page) => (await nesting(page)).filter(([, parent]) => parent === null).map(([id]) => id);
/** Claire's comment (4), not the card of the reply that quotes it. */
const claire = () => card(demo.page, 'Does that really play well').filter({ has: demo.page.getByRole('heading', { name: /^Claire/ }) });

async function allComments(query: { order?: string; pinnedOnly?: boolean } = {}) {
  await demo.page.getByRole('link', { name: 'All comments' }).click();
  await demo.page.getByLabel('Order').waitFor();
  if (query.order) await demo.page.getByLabel('Order').selectOption({ label: query.order });
  if (query.pinnedOnly !== undefined) await demo.page.getByLabel('Pinned only').setChecked(query.pinnedOnly);
  await demo.page.getByRole('button', { name: 'Search', exact: true }).click();
}

describe('pins and votes in /admin', () => {
  it('pins a comment first in the thread, marked, lists the pinned ones, and unpins it', async () => {
    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await allComments();
    await claire().getByRole('button', { name: 'Pin', exact: true }).click();
    await demo.page.getByText('Comment pinned: it comes first in its thread.').waitFor();
    await claire().getByText('Pinned', { exact: true }).waitFor();

    const page = await reader();
    expect(await responses(page)).toEqual([4, 1]);
    await expect(comment(page, 4).getByText('Pinned', { exact: true }).isVisible()).resolves.toBe(true);

    await allComments({ pinnedOnly: true });
    await expect.poll(() => demo.page.locator('riposte-admin-comment').count()).toBe(1);
    await claire().getByRole('button', { name: 'Unpin' }).click();
    await demo.page.getByText('Comment unpinned.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /Responses?$/ }).waitFor();
    expect(await responses(page)).toEqual([1, 4]);
    await page.context().close();
  });

  it("lists comments by score with their readers' votes", async () => {
    const page = await reader();
    // The button shows the vote at once; wait for the server's answer before closing the browser.
    const stored = page.waitForResponse((r) => r.url().includes('/api/v1/comments/7/vote') && r.request().method() === 'PUT');
    await comment(page, 7)
      .getByRole('button', { name: /^Upvote/ })
      .click();
    expect((await stored).status()).toBe(200);
    await expect(
      comment(page, 7)
        .getByRole('button', { name: /^Upvote/ })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.context().close();

    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await allComments({ order: 'Highest score first (pinned first)', pinnedOnly: false });
    const first = demo.page.locator('riposte-admin-comment').first();
    await first.getByText('The Putin government is not the only').waitFor();
    // The list may still be the one before the search for a moment: wait for the sorted one.
    await first.getByText('Votes: 1 up, 0 down').waitFor();
  });

  it('turns votes off, and on with downvotes, in Rules', async () => {
    await logIn(demo.page, demo.stack.server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const rules = async (mode: string) => {
      await demo.page.getByRole('link', { name: 'Rules' }).click();
      await demo.page.getByLabel(mode).check();
      await demo.page.getByRole('button', { name: 'Save rules' }).click();
      await demo.page.getByText('Rules saved.', { exact: true }).waitFor();
    };
    await rules('Upvotes and downvotes');
    let page = await reader();
    await expect(
      comment(page, 1)
        .getByRole('button', { name: /^Downvote/ })
        .isVisible(),
    ).resolves.toBe(true);
    await page.context().close();

    await rules('Off');
    page = await reader();
    await expect(
      comment(page, 1)
        .getByRole('button', { name: /^Upvote/ })
        .count(),
    ).resolves.toBe(0);
    // Without votes there is no "Best" order to offer.
    await expect(page.getByLabel('Sort by').locator('option').allTextContents()).resolves.toEqual(['Oldest first', 'Newest first']);
    await page.context().close();

    await rules('Upvotes only');
    page = await reader();
    await expect(
      comment(page, 1)
        .getByRole('button', { name: /^Upvote/ })
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      comment(page, 1)
        .getByRole('button', { name: /^Downvote/ })
        .count(),
    ).resolves.toBe(0);
    await page.context().close();
  });
});
